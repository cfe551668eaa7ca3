### guest-join: German (Deutsch) translation of en/main.ftl.
### Anrede: Sie. Begriffe: Besprechung (meeting), Organisator (organizer), Wartebereich (lobby), Gast, einlassen (let in), Middle-Tier-Dienst (middle tier).

## Page

page-title = An einer Besprechung teilnehmen
page-description = Nehmen Sie als Gast an einer Skype for Business-Besprechung teil.
page-noscript = Diese Seite benötigt JavaScript, damit Sie an der Besprechung teilnehmen können.
page-part-missing = Diese Seite wurde nicht vollständig geladen. Prüfen Sie Ihre Internetverbindung, und laden Sie die Seite dann neu.
page-reload = Seite neu laden
setup-problem = Diese Seite ist noch nicht eingerichtet: Sie benötigt <meta name="guest-join-middle-tier" content="https://…/"> mit der Adresse ihres guest-join-Dienstes sowie <meta name="guest-join-meeting-hosts"> mit den Besprechungshosts, die sie bedient. Siehe „Hosting the app yourself“ in der README.
brand-logo-alt = Logo

## Link screen

link-title = An einer Besprechung teilnehmen
link-lead = Fügen Sie den Link aus Ihrer Besprechungseinladung ein. Sie benötigen kein Konto.
link-continue = Weiter

## Meeting link field

link-field-label = Besprechungslink
link-field-placeholder = https://meet.lync.com/…
link-field-hint = Fügen Sie den Link aus Ihrer Besprechungseinladung ein.
link-field-joinable = Skype for Business Online-Besprechung { $meeting_id }. Sie können als Gast teilnehmen.
link-field-on-premises = Skype for Business Server-Besprechung { $meeting_id }. Sie können als Gast teilnehmen.
link-error-too-long = Dieser Text ist zu lang für einen Besprechungslink. Kopieren Sie nur den Link aus Ihrer Einladung.
link-error-not-a-link = Das sieht nicht wie ein Link aus. Besprechungslinks beginnen mit https://
link-error-unsupported-scheme = Das ist ein { $scheme }:-Link, kein Besprechungslink. Besprechungslinks beginnen mit https://
link-error-insecure = Dieser Link ist nicht sicher (http://). Bitten Sie den Organisator um den https://-Besprechungslink.
link-error-teams = Das ist ein Microsoft Teams-Link. Öffnen Sie ihn bitte in Teams; diese Seite ist für Skype for Business-Besprechungen.
link-error-not-a-meeting = Dieser Link führt zu keiner Besprechung. Prüfen Sie, ob Sie den vollständigen Link aus Ihrer Einladung kopiert haben.
link-error-missing-meeting-id = Dieser Besprechungslink scheint abgeschnitten zu sein: Der Besprechungscode am Ende fehlt. Kopieren Sie den vollständigen Link aus Ihrer Einladung.
link-error-not-a-conference = Das ist die Skype-Adresse einer Person, keine Besprechung. Bitten Sie den Organisator um den Besprechungslink.
link-error-has-credentials = Dieser Link enthält einen Benutzernamen oder ein Kennwort, was Besprechungslinks nie tun. Kopieren Sie den Link erneut aus Ihrer Einladung.

## Name screen

name-title = An der Besprechung teilnehmen
name-title-subject = An „{ $subject }“ teilnehmen
name-meeting-id = Skype for Business-Besprechung { $meeting_id }
name-label = Ihr Name
name-help = Dieser Name ist für die anderen in der Besprechung sichtbar.
name-error-empty = Bitte geben Sie Ihren Namen ein, damit die anderen wissen, wer Sie sind.
name-error-too-long = { $max ->
    [one] Dieser Name ist zu lang; verwenden Sie höchstens { $max } Zeichen.
   *[other] Dieser Name ist zu lang; verwenden Sie höchstens { $max } Zeichen.
}
name-join = Teilnehmen
name-joining = Wird verbunden…
name-change-link = Anderen Link verwenden

## Joining steps

joining-title = Beitritt zur Besprechung
joining-title-subject = Beitritt zu „{ $subject }“
joining-cancel = Abbrechen
steps-label = Fortschritt des Beitritts
step-checking-link = Link wird geprüft
step-getting-access = Zugang wird eingerichtet
step-connecting = Verbindung wird hergestellt
step-waiting-in-lobby = Warten im Wartebereich
step-in-meeting = In der Besprechung
step-done = (erledigt)
step-in-progress = (läuft)

## Lobby

lobby-title = Warten auf Einlass
lobby-lead = Der Organisator der Besprechung { $subject } weiß, dass Sie da sind, und wird Sie einlassen.
lobby-lead-no-subject = Der Organisator der Besprechung weiß, dass Sie da sind, und wird Sie einlassen.
lobby-waiting-for = Wartezeit: { $time }
elapsed-seconds = { $seconds ->
    [one] { $seconds } Sekunde
   *[other] { $seconds } Sekunden
}
elapsed-minutes-seconds = { $minutes ->
    [one] { $minutes } Minute
   *[other] { $minutes } Minuten
} { $seconds ->
    [one] { $seconds } Sekunde
   *[other] { $seconds } Sekunden
}
lobby-tab-hint = Sie können zu einem anderen Tab wechseln; der Titel dieser Seite ändert sich, sobald Sie eingelassen werden.
lobby-notify-me = Benachrichtigen, sobald ich eingelassen werde
lobby-leave = Verlassen

## Browser tab titles

tab-title-joining = Beitritt: { $subject }…
tab-title-joining-no-subject = Beitritt zur Besprechung…
tab-title-lobby = Warten auf Einlass – { $subject }
tab-title-lobby-no-subject = Warten auf Einlass – Besprechung
tab-title-meeting = Teilnahme: { $subject }
tab-title-meeting-no-subject = In der Besprechung
tab-title-meeting-unread = ({ $count }) Teilnahme: { $subject }
tab-title-meeting-unread-no-subject = ({ $count }) In der Besprechung

## Announcements and notifications

notify-admitted-title = Sie sind in der Besprechung
notify-admitted-body = Sie wurden in die Besprechung „{ $subject }“ eingelassen.
notify-admitted-body-no-subject = Sie wurden in die Besprechung eingelassen.
announce-admitted = Sie wurden eingelassen. Sie sind jetzt in der Besprechung.
announce-lobby = Sie sind im Wartebereich. Der Organisator wird Sie einlassen.
announce-in-meeting = Sie sind in der Besprechung „{ $subject }“.
announce-in-meeting-no-subject = Sie sind in der Besprechung.
announce-participant-joined = { $name } ist beigetreten.
announce-participant-left = { $name } hat die Besprechung verlassen.
announce-message = { $sender } schreibt: { $text }
notify-message-title = Neue Nachricht von { $sender }
announce-message-failed = Ihre Nachricht konnte nicht gesendet werden. Sie können es erneut versuchen.
announce-send-failed = Die Nachricht konnte nicht gesendet werden.
announce-reconnecting = Die Verbindung wurde unterbrochen. Verbindung wird wiederhergestellt…
announce-reconnected = Verbindung wiederhergestellt.

## Meeting screen

meeting-title-fallback = Besprechung
meeting-status-in = Sie sind in der Besprechung
meeting-status-leaving = Besprechung wird verlassen…
meeting-status-reconnecting = Verbindung wird wiederhergestellt…
meeting-notify-me = Bei neuen Nachrichten benachrichtigen
meeting-leave = Verlassen
meeting-reconnecting-banner = Die Verbindung wurde unterbrochen. Verbindung wird wiederhergestellt… Ihre Nachrichten bleiben erhalten.

## People

roster-title = Personen ({ $count })
roster-lobby-count = { $count ->
    [one] { $count } Person wartet im Wartebereich
   *[other] { $count } Personen warten im Wartebereich
}
roster-you = Sie
roster-you-badge = Gast
roster-organizer = Organisator
roster-origin-guest = Gast
roster-origin-skype = Skype
roster-origin-other-organisation = Gast aus einer anderen Organisation

## Join by phone

dial-in-title = Telefonisch teilnehmen
dial-in-call = Anrufen
dial-in-toll-free = { $region } (kostenlos)
dial-in-conference-id = Konferenz-ID: { $id }
dial-in-more-numbers = Weitere Nummern

## Chat

chat-title = Chat
chat-log-label = Nachrichten
chat-empty = Noch keine Nachrichten.
chat-new-messages = Neue Nachrichten
chat-sender-you = Sie
chat-sending = Wird gesendet…
chat-sent = Gesendet
chat-not-sent = Nicht gesendet.
chat-retry = Erneut versuchen
typing-one = { $name } schreibt…
typing-two = { $first } und { $second } schreiben…
typing-several = Mehrere Personen schreiben…
chat-input-label = Nachricht
chat-placeholder = Nachricht eingeben
chat-placeholder-connecting = Chat wird verbunden… Sie können schon schreiben
chat-input-help = Drücken Sie die Eingabetaste zum Senden, Umschalt+Eingabetaste für eine neue Zeile.
chat-send = Senden

## After the meeting

outcome-left-title = Sie haben die Besprechung verlassen
outcome-left-detail = Sie sind nicht mehr in der Besprechung.
outcome-left-next = Falls Sie die Besprechung versehentlich verlassen haben, können Sie erneut teilnehmen.
outcome-ended-title = Die Besprechung ist beendet
outcome-ended-detail = Der Organisator hat die Besprechung für alle beendet.
outcome-ended-next = Wenn der Organisator die Besprechung erneut startet, können Sie mit demselben Link erneut teilnehmen.
outcome-removed-title = Sie wurden aus der Besprechung entfernt
outcome-removed-detail = Ein Organisator hat Sie aus der Besprechung entfernt.
outcome-removed-next = Wenn Sie glauben, dass dies ein Irrtum war, können Sie erneut um Teilnahme bitten.
outcome-denied-title = Sie wurden nicht eingelassen
outcome-denied-detail = Der Organisator hat Sie nicht aus dem Wartebereich eingelassen.
outcome-denied-next = Klären Sie mit dem Organisator, ob dies die richtige Besprechung und Uhrzeit ist, und bitten Sie dann erneut um Teilnahme.
outcome-lobby-timeout-title = Niemand hat Sie eingelassen
outcome-lobby-timeout-detail = Sie haben im Wartebereich gewartet, aber niemand hat Sie rechtzeitig eingelassen.
outcome-lobby-timeout-next = Möglicherweise hat der Organisator noch nicht begonnen. Bitten Sie in einigen Minuten erneut um Teilnahme.
outcome-retry-rejoin = Erneut teilnehmen
outcome-retry-ask-again = Erneut um Teilnahme bitten
outcome-change-link = Anderen Link verwenden

## Join failed

failure-link-not-usable-title = Dieser Link kann hier nicht verwendet werden
failure-link-not-usable-detail = Mit diesem Besprechungslink ist über diese Seite keine Teilnahme möglich.
failure-link-not-usable-next = Prüfen Sie, ob Sie den vollständigen Link kopiert haben, oder bitten Sie den Organisator um einen neuen.
failure-meeting-not-found-title = Dieser Link führt zu keiner laufenden Besprechung
failure-meeting-not-found-detail = Die Besprechung ist möglicherweise beendet oder abgesagt, oder der Link ist veraltet.
failure-meeting-not-found-next = Bitten Sie den Organisator um einen neuen Link.
failure-invitation-required-title = Sie benötigen Ihren Einladungslink
failure-invitation-required-detail = An dieser Besprechung kann nur mit dem persönlichen Link aus Ihrer Einladung teilgenommen werden.
failure-invitation-required-next = Öffnen Sie den Link aus Ihrer Einladungsnachricht.
failure-invitation-invalid-title = Diese Einladung ist ungültig
failure-invitation-invalid-detail = Der Einladungslink ist beschädigt oder gehört zu einer anderen Besprechung.
failure-invitation-invalid-next = Öffnen Sie den Link aus Ihrer Einladungsnachricht erneut, oder bitten Sie um eine neue Einladung.
failure-invitation-expired-title = Diese Einladung ist abgelaufen
failure-invitation-expired-detail = Einladungslinks sind nur für begrenzte Zeit gültig.
failure-invitation-expired-next = Bitten Sie die Person, die Sie eingeladen hat, um einen neuen Link.
failure-origin-not-allowed-title = Diese Website kann nicht an der Besprechung teilnehmen
failure-origin-not-allowed-detail = Diese Website darf keine Verbindung zum Besprechungsdienst herstellen.
failure-origin-not-allowed-next = Öffnen Sie den Link aus Ihrer Einladung direkt, oder informieren Sie den Betreiber der Website.
failure-access-expired-title = Ihr Zugang ist abgelaufen
failure-access-expired-detail = Ihr Zugang zur Besprechung ist abgelaufen und konnte nicht erneuert werden.
failure-access-expired-next = Versuchen Sie es erneut, um einen neuen Zugang zu erhalten.
failure-meeting-full-title = Die Besprechung ist voll
failure-meeting-full-detail = Derzeit können keine weiteren Personen an dieser Besprechung teilnehmen.
failure-meeting-full-next = Versuchen Sie es später erneut, oder informieren Sie den Organisator.
failure-refused-title = Der Besprechungsdienst hat abgelehnt
failure-refused-detail = Der Besprechungsdienst hat die Anfrage zur Teilnahme abgelehnt.
failure-refused-next = Versuchen Sie es erneut. Wenn das wiederholt passiert, bitten Sie den Organisator um einen neuen Link.
failure-service-unavailable-title = Der Besprechungsdienst ist nicht verfügbar
failure-service-unavailable-detail = Der Besprechungsdienst ist derzeit ausgelastet oder nicht erreichbar.
failure-service-unavailable-next = Warten Sie eine Minute, und versuchen Sie es dann erneut.
failure-rate-limited-title = Zu viele Versuche
failure-rate-limited-detail = Von diesem Gerät aus wurde in kurzer Zeit zu oft versucht, teilzunehmen.
failure-rate-limited-next = Warten Sie eine Minute, und versuchen Sie es dann erneut.
failure-network-lost-title = Die Verbindung wurde unterbrochen
failure-network-lost-detail = Wir konnten den Besprechungsdienst nicht erreichen.
failure-network-lost-next = Prüfen Sie Ihre Internetverbindung, und versuchen Sie es dann erneut.
failure-opened-elsewhere-title = Sie sind an anderer Stelle in der Besprechung
failure-opened-elsewhere-detail = Diese Besprechung wurde in einem anderen Fenster oder Tab geöffnet, das sie übernommen hat.
failure-opened-elsewhere-next = Schließen Sie das andere Fenster, und fahren Sie dann hier fort.
failure-incompatible-title = Etwas ist schiefgelaufen
failure-incompatible-detail = Der Besprechungsdienst hat auf eine Weise geantwortet, die diese Seite nicht versteht.
failure-incompatible-next = Versuchen Sie es erneut. Wenn das wiederholt passiert, wenden Sie sich an den Organisator.
failure-rate-limited-wait = { $seconds ->
    [one] Versuchen Sie es in { $seconds } Sekunde erneut.
   *[other] Versuchen Sie es in { $seconds } Sekunden erneut.
}
failure-retry = Erneut versuchen
failure-retry-continue-here = Hier fortfahren

## Staff link check

check-title = Besprechungslink prüfen
check-lead = Bevor Sie einen Link an Kundschaft senden, prüfen Sie, ob ein Gast damit über diese Website teilnehmen kann.
check-participant-name = Linkprüfung
check-joins-label = Zusätzlich kurz an der Besprechung teilnehmen. Alle Anwesenden sehen, wie eine Person namens „{ $name }“ beitritt und wieder geht.
check-submit = Link prüfen
check-joins-note = Die Prüfung nimmt als „{ $name }“ an der Besprechung teil und verlässt sie sofort wieder.
check-no-join-note = Niemand nimmt an der Besprechung teil.
check-results-label = Prüfergebnisse
check-step-link = Der Link ist ein Skype for Business-Besprechungslink
check-step-guest-access = Dieser Dienst vergibt Gastzugang für die Besprechung
check-step-meeting-service = Der Besprechungsdienst akzeptiert Gäste von dieser Website
check-step-guest-application = Ein Gast kann im Besprechungsdienst eingerichtet werden
check-step-join-meeting = Ein Gast kann die Besprechung betreten
check-state-not-checked = Nicht geprüft
check-state-checking = Wird geprüft…
check-state-passed-in = Bestanden in { $ms } ms
check-state-passed = Bestanden
check-state-failed = Fehlgeschlagen
check-verdict-works = Dieser Link funktioniert. Gäste können damit über diese Website teilnehmen.
check-verdict-fails = Gäste können mit diesem Link über diese Website nicht teilnehmen. Der fehlgeschlagene Schritt nennt den Grund und das weitere Vorgehen.
check-copy-report = Bericht kopieren
check-copied = Bericht kopiert. Fügen Sie ihn in Ihr Ticket oder Ihre E-Mail ein.
check-copy-failed = Der Browser konnte nicht kopieren; markieren Sie den Bericht unten, und kopieren Sie ihn.
check-show-report = Bericht anzeigen

## Link check details

check-detail-answered = { $host } antwortete { $status }{ $codes }
check-detail-no-answer = { $host }: keine lesbare Antwort{ $codes }
check-detail-said = Meldung: { $reason }
check-detail-upstream = Upstream: { $line }
check-detail-advice = Vorgehen: { $advice }
check-detail-request-id = Anforderungs-ID: { $id }
check-note-lobby = Die Prüfung hat im Wartebereich gewartet: Gäste kommen hinein, sobald ein Organisator sie einlässt.
check-upstream-answered = { $service } ({ $host }) antwortete { $status }{ $codes }
check-upstream-no-answer = { $service } ({ $host }) antwortete nicht{ $codes }
check-upstream-aad-token = Tokendienst von Azure AD
check-upstream-discover = Discovery der Trusted Application API
check-upstream-applications = Anwendungsliste der Trusted Application API
check-upstream-application = Anwendung der Trusted Application API
check-upstream-guest-token = Gasttoken der Trusted Application API
check-upstream-adhoc-meeting = Ad-hoc-Besprechung der Trusted Application API

## Link check advice

check-advice-host-unknown = Host unbekannt
check-advice-middle-tier-no-answer = Der Middle-Tier-Dienst ({ $host }) hat nicht geantwortet. Prüfen Sie, ob er läuft und von hier aus erreichbar ist.
check-advice-hidden-refusal = Der Besprechungsdienst ({ $host }) hat keine Antwort gegeben, die dieser Browser lesen darf. Meist hat er diese Website ({ $origin }) abgelehnt, und der Browser hat die Ablehnung verborgen: Der Middle-Tier-Dienst muss { $origin } in GUEST_JOIN_ALLOWED_ORIGINS aufführen; er sendet diese Liste als allowedOrigins mit jedem Gasttoken. Andernfalls ist der Besprechungsdienst von hier aus nicht erreichbar.
check-advice-service-no-answer = Der Besprechungsdienst ({ $host }) hat nicht geantwortet. Prüfen Sie, ob er von hier aus erreichbar ist, und versuchen Sie es dann erneut.
check-advice-token-refused = Der Besprechungsdienst hat das Gasttoken abgelehnt. Prüfen Sie, ob der Middle-Tier-Dienst und der Besprechungsdienst dieselbe Uhrzeit haben und ob der Middle-Tier-Dienst auf diesen Besprechungsdienst verweist.
check-advice-origin-refused = Der Besprechungsdienst lehnt Gäste von dieser Website ({ $origin }) ab. Fügen Sie { $origin } zu GUEST_JOIN_ALLOWED_ORIGINS des Middle-Tier-Dienstes hinzu; ein lokaler (On-Premises-)Server muss die Website außerdem in seiner CrossDomainAuthorizationList aufführen.
check-advice-server-origin-refused = Der unternehmenseigene Skype for Business Server lehnt Gäste von dieser Website ({ $origin }) ab. Sein Administrator muss { $origin } zur CrossDomainAuthorizationList des Servers hinzufügen (Set-CsWebServiceConfiguration).
check-advice-meeting-not-found = Der Besprechungsdienst kennt unter diesem Link keine Besprechung, oder sie ist beendet. Bitten Sie den Organisator um einen neuen Link.
check-advice-service-trouble = Der Besprechungsdienst ({ $host }) hat Probleme. Versuchen Sie es in einigen Minuten erneut; wenn das Problem anhält, nennen Sie die Anforderungs-ID dem Microsoft-Support oder der Administration des Servers.
check-advice-step-refused = Der Besprechungsdienst ({ $host }) hat den Schritt abgelehnt. Nennen Sie die Codes und die Anforderungs-ID oben den Betreibern des Dienstes.
check-advice-origin-not-listed = Diese Website ({ $origin }) ist nicht in GUEST_JOIN_ALLOWED_ORIGINS des Middle-Tier-Dienstes aufgeführt. Fügen Sie sie dort hinzu, oder führen Sie die Prüfung von einer aufgeführten Website aus.
check-advice-host-not-allowed = Der Host des Links gehört nicht zu denen, an deren Besprechungen der Middle-Tier-Dienst teilnimmt. Korrigieren Sie den Link, oder fügen Sie seinen Host zu GUEST_JOIN_MEETING_HOSTS hinzu.
check-advice-invalid-link = Der Middle-Tier-Dienst erkennt dies nicht als Besprechungslink. Kopieren Sie den Link erneut aus der Besprechungseinladung.
check-advice-no-meeting = Der Besprechungsdienst kennt unter diesem Link keine Besprechung, oder sie ist beendet. Prüfen Sie den Link mit dem Organisator, oder planen Sie eine neue Besprechung.
check-advice-invitation-required = Dieser Middle-Tier-Dienst lässt Gäste nur mit einer signierten Einladung ein (GUEST_JOIN_REQUIRE_INVITATION). Senden Sie Gästen einen Einladungslink, der mit der Staff-API erstellt wurde.
check-advice-invitation-invalid = Die Einladung ist für diese Besprechung nicht gültig. Erstellen Sie mit der Staff-API eine neue.
check-advice-invitation-expired = Die Einladung ist abgelaufen. Erstellen Sie mit der Staff-API eine neue.
check-advice-rate-limited = Gerade kamen zu viele Anfragen von hier. Warten Sie eine Minute, und prüfen Sie dann erneut.
check-advice-session-not-valid = Der Middle-Tier-Dienst hat diese Sitzungs-ID nicht ausgestellt: Er wurde neu gestartet oder läuft in mehreren Instanzen ohne einen gemeinsamen GUEST_JOIN_SESSION_KEY. Setzen Sie auf jeder Instanz denselben Schlüssel.
check-advice-microsoft-no-answer = Die Microsoft-Dienste haben dem Middle-Tier-Dienst nicht geantwortet. Versuchen Sie es in einigen Minuten erneut.
check-advice-middle-tier-broken = Der Middle-Tier-Dienst ist falsch konfiguriert oder defekt. Suchen Sie die Anforderungs-ID in seinem Protokoll.
check-advice-middle-tier-refused = Der Middle-Tier-Dienst hat die Anfrage abgelehnt. Suchen Sie die Anforderungs-ID in seinem Protokoll.
check-advice-aad-credentials = Azure AD hat die App-Anmeldeinformationen des Middle-Tier-Dienstes abgelehnt. Prüfen Sie GUEST_JOIN_TENANT, GUEST_JOIN_CLIENT_ID und den geheimen Clientschlüssel (er ist möglicherweise abgelaufen).
check-advice-app-refused = Die Trusted Application API hat die App abgelehnt: Prüfen Sie, ob die App-Registrierung die guest-join-Berechtigung hat, ob ein Administrator zugestimmt hat und ob GUEST_JOIN_ENDPOINT ihr Endpunkt ist.
check-advice-endpoint-unknown = Die Trusted Application API kennt den Endpunkt dieser App nicht. Prüfen Sie GUEST_JOIN_ENDPOINT und die Registrierung der App.
check-advice-microsoft-unreachable = Der Middle-Tier-Dienst konnte die Microsoft-Dienste nicht erreichen. Prüfen Sie sein Netzwerk, und versuchen Sie es erneut.
check-advice-microsoft-trouble = Die Microsoft-Dienste haben Probleme. Versuchen Sie es in einigen Minuten erneut; wenn das Problem anhält, nennen Sie die Anforderungs-ID.
check-advice-join-denied = Ein Organisator hat die Prüfung im Wartebereich abgewiesen.
check-advice-join-lobby-timeout = Niemand hat die Prüfung rechtzeitig aus dem Wartebereich eingelassen.
check-advice-join-meeting-ended = Die Besprechung wurde beendet, während die Prüfung teilnahm.
check-advice-join-removed = Ein Organisator hat die Prüfung aus der Besprechung entfernt.
check-advice-join-not-found = Der Besprechungsdienst kennt unter diesem Link keine Besprechung, oder sie ist beendet.
check-advice-join-full = Die Besprechung ist voll.
check-advice-join-refused = Der Besprechungsdienst hat die Prüfung nicht eingelassen. Nennen Sie die Codes und die Anforderungs-ID oben.
check-advice-copy-link = Kopieren Sie den Link erneut aus der Besprechungseinladung. Er hat die Form https://meet.lync.com/<Organisation>/<Organisator>/<Besprechungs-ID>.

## Link check report

report-heading = guest-join-Linkprüfung
report-result = Ergebnis:        { $verdict }
report-link = Link:            { $link }
report-meeting-id = Besprechungs-ID: { $meeting_id }
report-website = Website:         { $website }
report-checked-at = Geprüft am:      { $started_at }
report-client = Client:          { $client }
report-step = { $number }. { $step }: { $outcome }
report-verdict-works = FUNKTIONIERT: Gäste können mit diesem Link über diese Website teilnehmen.
report-verdict-fails = FEHLGESCHLAGEN: Gäste können mit diesem Link über diese Website nicht teilnehmen.
report-verdict-incomplete = UNVOLLSTÄNDIG: Die Prüfung war noch nicht abgeschlossen.
report-outcome-passed-in = bestanden in { $ms } ms
report-outcome-passed = bestanden
report-outcome-failed = FEHLGESCHLAGEN
report-outcome-running = läuft noch
report-outcome-not-run = nicht ausgeführt

language-label = Sprache
