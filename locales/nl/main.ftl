### guest-join: Dutch (Nederlands) translation of en/main.ftl.
### Aanspreekvorm: u. Termen: vergadering (meeting), organisator (organizer), wachtruimte (lobby), gast (guest), toelaten (let in), middle tier (onvertaald).

## Page

page-title = Deelnemen aan een vergadering
page-description = Neem als gast deel aan een Skype for Business-vergadering.
page-noscript = Deze pagina heeft JavaScript nodig om aan de vergadering deel te nemen.
page-part-missing = Deze pagina is niet volledig geladen. Controleer uw internetverbinding en laad de pagina dan opnieuw.
page-reload = Pagina opnieuw laden
setup-problem = Deze pagina is nog niet ingesteld: ze heeft <meta name="guest-join-middle-tier" content="https://…/"> nodig met het adres van haar guest-join-service, en <meta name="guest-join-meeting-hosts"> met de vergaderhosts die ze bedient. Zie ‘Hosting the app yourself’ in de README.
brand-logo-alt = Logo

## Link screen

link-title = Deelnemen aan een vergadering
link-lead = Plak de link uit uw vergaderuitnodiging. U hebt geen account nodig.
link-continue = Doorgaan

## Meeting link field

link-field-label = Vergaderlink
link-field-placeholder = https://meet.lync.com/…
link-field-hint = Plak de link uit uw vergaderuitnodiging.
link-field-joinable = Skype for Business Online-vergadering { $meeting_id }. U kunt als gast deelnemen.
link-field-on-premises = Skype for Business Server-vergadering { $meeting_id }. U kunt als gast deelnemen.
link-error-too-long = Deze tekst is te lang voor een vergaderlink. Kopieer alleen de link uit uw uitnodiging.
link-error-not-a-link = Dit lijkt geen link. Vergaderlinks beginnen met https://
link-error-unsupported-scheme = Dit is een { $scheme }:-link, geen vergaderlink. Vergaderlinks beginnen met https://
link-error-insecure = Deze link is niet beveiligd (http://). Vraag de organisator om de https://-vergaderlink.
link-error-teams = Dit is een Microsoft Teams-link. Open deze in Teams; deze pagina is bedoeld voor Skype for Business-vergaderingen.
link-error-not-a-meeting = Deze link leidt niet naar een vergadering. Controleer of u de volledige link uit uw uitnodiging hebt gekopieerd.
link-error-missing-meeting-id = Deze vergaderlink lijkt afgebroken: de vergadercode aan het eind ontbreekt. Kopieer de volledige link uit uw uitnodiging.
link-error-not-a-conference = Dit is het Skype-adres van een persoon, geen vergadering. Vraag de organisator om de vergaderlink.
link-error-has-credentials = Deze link bevat een gebruikersnaam of wachtwoord, wat vergaderlinks nooit hebben. Kopieer de link opnieuw uit uw uitnodiging.

## Name screen

name-title = Deelnemen aan de vergadering
name-title-subject = Deelnemen aan ‘{ $subject }’
name-meeting-id = Skype for Business-vergadering { $meeting_id }
name-label = Uw naam
name-help = Anderen in de vergadering zien deze naam.
name-error-empty = Vul uw naam in, zodat de anderen weten wie u bent.
name-error-too-long = { $max ->
    [one] Deze naam is te lang; gebruik maximaal { $max } teken.
   *[other] Deze naam is te lang; gebruik maximaal { $max } tekens.
}
name-join = Deelnemen
name-joining = Deelnemen…
name-change-link = Een andere link gebruiken

## Joining steps

joining-title = Deelnemen aan de vergadering
joining-title-subject = Deelnemen aan ‘{ $subject }’
joining-cancel = Annuleren
steps-label = Voortgang van deelname
step-checking-link = Link controleren
step-getting-access = Toegang verkrijgen
step-connecting = Verbinding maken
step-waiting-in-lobby = Wachten in de wachtruimte
step-in-meeting = In de vergadering
step-done = (voltooid)
step-in-progress = (bezig)

## Lobby

lobby-title = Wachten op toelating
lobby-lead = De organisator van de vergadering { $subject } weet dat u er bent en laat u zo toe.
lobby-lead-no-subject = De organisator van de vergadering weet dat u er bent en laat u zo toe.
lobby-waiting-for = Wachttijd: { $time }
elapsed-seconds = { $seconds ->
    [one] { $seconds } seconde
   *[other] { $seconds } seconden
}
elapsed-minutes-seconds = { $minutes ->
    [one] { $minutes } minuut
   *[other] { $minutes } minuten
} { $seconds ->
    [one] { $seconds } seconde
   *[other] { $seconds } seconden
}
lobby-tab-hint = U kunt naar een ander tabblad gaan; de titel van deze pagina verandert zodra u wordt toegelaten.
lobby-notify-me = Melding geven als ik word toegelaten
lobby-leave = Verlaten

## Browser tab titles

tab-title-joining = Deelnemen aan { $subject }…
tab-title-joining-no-subject = Deelnemen aan de vergadering…
tab-title-lobby = Wachten op toelating – { $subject }
tab-title-lobby-no-subject = Wachten op toelating – vergadering
tab-title-meeting = In { $subject }
tab-title-meeting-no-subject = In de vergadering
tab-title-meeting-unread = ({ $count }) In { $subject }
tab-title-meeting-unread-no-subject = ({ $count }) In de vergadering

## Announcements and notifications

notify-admitted-title = U bent in de vergadering
notify-admitted-body = U bent toegelaten tot ‘{ $subject }’.
notify-admitted-body-no-subject = U bent toegelaten tot de vergadering.
announce-admitted = U bent toegelaten. U bent in de vergadering.
announce-lobby = U bent in de wachtruimte. De organisator laat u zo toe.
announce-in-meeting = U bent in ‘{ $subject }’.
announce-in-meeting-no-subject = U bent in de vergadering.
announce-participant-joined = { $name } neemt nu deel.
announce-participant-left = { $name } heeft de vergadering verlaten.
announce-message = { $sender } zegt: { $text }
notify-message-title = Nieuw bericht van { $sender }
announce-message-failed = Uw bericht kon niet worden verzonden. U kunt het opnieuw proberen.
announce-send-failed = Het bericht kon niet worden verzonden.
announce-reconnecting = De verbinding is verbroken. Opnieuw verbinden…
announce-reconnected = Opnieuw verbonden.

## Meeting screen

meeting-title-fallback = Vergadering
meeting-status-in = U bent in de vergadering
meeting-status-leaving = Vergadering verlaten…
meeting-status-reconnecting = Opnieuw verbinden…
meeting-notify-me = Melding geven bij nieuwe berichten
meeting-leave = Verlaten
meeting-reconnecting-banner = De verbinding is verbroken. Opnieuw verbinden… Uw berichten blijven bewaard.

## People

roster-title = Personen ({ $count })
roster-lobby-count = { $count ->
    [one] { $count } persoon wacht in de wachtruimte
   *[other] { $count } personen wachten in de wachtruimte
}
roster-you = U
roster-you-badge = Gast
roster-organizer = Organisator
roster-origin-guest = Gast
roster-origin-skype = Skype
roster-origin-other-organisation = Gast van een andere organisatie

## Join by phone

dial-in-title = Telefonisch deelnemen
dial-in-call = Bellen
dial-in-toll-free = { $region } (gratis)
dial-in-conference-id = Conferentie-ID: { $id }
dial-in-more-numbers = Meer nummers

## Chat

chat-title = Chat
chat-log-label = Berichten
chat-empty = Nog geen berichten.
chat-new-messages = Nieuwe berichten
chat-sender-you = U
chat-sending = Verzenden…
chat-sent = Verzonden
chat-not-sent = Niet verzonden.
chat-retry = Opnieuw proberen
typing-one = { $name } typt…
typing-two = { $first } en { $second } typen…
typing-several = Meerdere personen typen…
chat-input-label = Bericht
chat-placeholder = Typ een bericht
chat-placeholder-connecting = Chat maakt verbinding… u kunt al typen
chat-input-help = Druk op Enter om te verzenden, op Shift+Enter voor een nieuwe regel.
chat-send = Verzenden

## After the meeting

outcome-left-title = U hebt de vergadering verlaten
outcome-left-detail = U bent niet meer in de vergadering.
outcome-left-next = Als u per ongeluk bent weggegaan, kunt u opnieuw deelnemen.
outcome-ended-title = De vergadering is beëindigd
outcome-ended-detail = De organisator heeft de vergadering beëindigd, dus iedereen is weg.
outcome-ended-next = Als de organisator de vergadering opnieuw start, kunt u met dezelfde link opnieuw deelnemen.
outcome-removed-title = U bent uit de vergadering verwijderd
outcome-removed-detail = Een organisator heeft u uit de vergadering verwijderd.
outcome-removed-next = Als u denkt dat dit een vergissing is, kunt u opnieuw vragen om deel te nemen.
outcome-denied-title = U bent niet toegelaten
outcome-denied-detail = De organisator heeft u niet vanuit de wachtruimte toegelaten.
outcome-denied-next = Controleer bij de organisator of dit de juiste vergadering en het juiste tijdstip is en vraag daarna opnieuw om deel te nemen.
outcome-lobby-timeout-title = Niemand heeft u toegelaten
outcome-lobby-timeout-detail = U hebt in de wachtruimte gewacht, maar niemand heeft u op tijd toegelaten.
outcome-lobby-timeout-next = Misschien is de organisator nog niet begonnen. Vraag over een paar minuten opnieuw om deel te nemen.
outcome-retry-rejoin = Opnieuw deelnemen
outcome-retry-ask-again = Opnieuw vragen om deel te nemen
outcome-change-link = Een andere link gebruiken

## Join failed

failure-link-not-usable-title = Deze link kan hier niet worden gebruikt
failure-link-not-usable-detail = Met deze vergaderlink kunt u via deze pagina niet deelnemen.
failure-link-not-usable-next = Controleer of u de volledige link hebt gekopieerd, of vraag de organisator om een nieuwe.
failure-meeting-not-found-title = Deze link leidt niet naar een vergadering die nu bezig is
failure-meeting-not-found-detail = De vergadering is mogelijk beëindigd of geannuleerd, of de link is verouderd.
failure-meeting-not-found-next = Vraag de organisator om een nieuwe link.
failure-invitation-required-title = U hebt uw uitnodigingslink nodig
failure-invitation-required-detail = U kunt alleen aan deze vergadering deelnemen met de persoonlijke link uit uw uitnodiging.
failure-invitation-required-next = Open de link uit uw uitnodigingsbericht.
failure-invitation-invalid-title = Deze uitnodiging is niet geldig
failure-invitation-invalid-detail = De uitnodigingslink is beschadigd of hoort bij een andere vergadering.
failure-invitation-invalid-next = Open de link uit uw uitnodigingsbericht opnieuw, of vraag om een nieuwe uitnodiging.
failure-invitation-expired-title = Deze uitnodiging is verlopen
failure-invitation-expired-detail = Uitnodigingslinks werken maar een beperkte tijd.
failure-invitation-expired-next = Vraag de persoon die u heeft uitgenodigd om een nieuwe link.
failure-origin-not-allowed-title = Deze website kan niet aan de vergadering deelnemen
failure-origin-not-allowed-detail = Deze website mag geen verbinding maken met de vergaderservice.
failure-origin-not-allowed-next = Open de link uit uw uitnodiging rechtstreeks, of laat het de eigenaar van de website weten.
failure-access-expired-title = Uw toegang is verlopen
failure-access-expired-detail = Uw toegang tot de vergadering is verlopen en kon niet worden vernieuwd.
failure-access-expired-next = Probeer het opnieuw om nieuwe toegang te krijgen.
failure-meeting-full-title = De vergadering is vol
failure-meeting-full-detail = Er kunnen op dit moment geen extra personen aan deze vergadering deelnemen.
failure-meeting-full-next = Probeer het later opnieuw, of laat het de organisator weten.
failure-refused-title = De vergaderservice heeft geweigerd
failure-refused-detail = De vergaderservice heeft het verzoek om deel te nemen geweigerd.
failure-refused-next = Probeer het opnieuw. Als dit blijft gebeuren, vraag de organisator dan om een nieuwe link.
failure-service-unavailable-title = De vergaderservice is niet beschikbaar
failure-service-unavailable-detail = De vergaderservice is op dit moment bezet of niet bereikbaar.
failure-service-unavailable-next = Wacht een minuut en probeer het dan opnieuw.
failure-rate-limited-title = Te veel pogingen
failure-rate-limited-detail = Vanaf dit apparaat is in korte tijd te vaak geprobeerd deel te nemen.
failure-rate-limited-next = Wacht een minuut en probeer het dan opnieuw.
failure-network-lost-title = De verbinding is verbroken
failure-network-lost-detail = We konden de vergaderservice niet bereiken.
failure-network-lost-next = Controleer uw internetverbinding en probeer het dan opnieuw.
failure-opened-elsewhere-title = U bent elders in de vergadering
failure-opened-elsewhere-detail = Deze vergadering is geopend in een ander venster of tabblad, dat het heeft overgenomen.
failure-opened-elsewhere-next = Sluit het andere venster en ga dan hier verder.
failure-incompatible-title = Er is iets misgegaan
failure-incompatible-detail = De vergaderservice antwoordde op een manier die deze pagina niet begrijpt.
failure-incompatible-next = Probeer het opnieuw. Als dit blijft gebeuren, neem dan contact op met de organisator.
failure-rate-limited-wait = { $seconds ->
    [one] Probeer het over { $seconds } seconde opnieuw.
   *[other] Probeer het over { $seconds } seconden opnieuw.
}
failure-retry = Opnieuw proberen
failure-retry-continue-here = Hier verdergaan

## Staff link check

check-title = Een vergaderlink controleren
check-lead = Controleer voordat u een link naar een klant stuurt of een gast er via deze website mee kan deelnemen.
check-participant-name = Linkcontrole
check-joins-label = Ook even aan de vergadering deelnemen. Iedereen in de vergadering ziet een deelnemer met de naam ‘{ $name }’ komen en gaan.
check-submit = Link controleren
check-joins-note = De controle neemt als ‘{ $name }’ deel aan de vergadering en vertrekt meteen weer.
check-no-join-note = Niemand neemt deel aan de vergadering.
check-results-label = Controleresultaten
check-step-link = De link is een Skype for Business-vergaderlink
check-step-guest-access = Deze service geeft gasttoegang tot de vergadering
check-step-meeting-service = De vergaderservice accepteert gasten van deze website
check-step-guest-application = Een gast kan in de vergaderservice worden ingesteld
check-step-join-meeting = Een gast kan de vergadering binnenkomen
check-state-not-checked = Niet gecontroleerd
check-state-checking = Controleren…
check-state-passed-in = Geslaagd in { $ms } ms
check-state-passed = Geslaagd
check-state-failed = Mislukt
check-verdict-works = Deze link werkt. Gasten kunnen er via deze website mee deelnemen.
check-verdict-fails = Gasten kunnen met deze link niet via deze website deelnemen. De mislukte stap vermeldt waarom en wat u kunt doen.
check-copy-report = Rapport kopiëren
check-copied = Rapport gekopieerd. Plak het in uw ticket of e-mail.
check-copy-failed = De browser wilde niet kopiëren; selecteer het rapport hieronder en kopieer het.
check-show-report = Rapport weergeven

## Link check details

check-detail-answered = { $host } antwoordde { $status }{ $codes }
check-detail-no-answer = { $host }: geen leesbaar antwoord{ $codes }
check-detail-said = Melding van de service: { $reason }
check-detail-upstream = Upstream: { $line }
check-detail-advice = Wat te doen: { $advice }
check-detail-request-id = Aanvraag-ID: { $id }
check-note-lobby = De controle heeft in de wachtruimte gewacht: gasten komen binnen zodra een organisator ze toelaat.
check-upstream-answered = { $service } ({ $host }) antwoordde { $status }{ $codes }
check-upstream-no-answer = { $service } ({ $host }) antwoordde niet{ $codes }
check-upstream-aad-token = tokenservice van Azure AD
check-upstream-discover = discovery van de Trusted Application API
check-upstream-applications = toepassingslijst van de Trusted Application API
check-upstream-application = toepassing van de Trusted Application API
check-upstream-guest-token = gasttoken van de Trusted Application API
check-upstream-adhoc-meeting = ad-hocvergadering van de Trusted Application API

## Link check advice

check-advice-host-unknown = host onbekend
check-advice-middle-tier-no-answer = De middle tier ({ $host }) antwoordde niet. Controleer of deze draait en vanaf hier bereikbaar is.
check-advice-hidden-refusal = De vergaderservice ({ $host }) gaf geen antwoord dat deze browser mag lezen. Meestal heeft de service deze website ({ $origin }) geweigerd en heeft de browser de weigering verborgen: de middle tier moet { $origin } opnemen in GUEST_JOIN_ALLOWED_ORIGINS, die hij als allowedOrigins meestuurt met elk gasttoken. Anders is de vergaderservice vanaf hier niet bereikbaar.
check-advice-service-no-answer = De vergaderservice ({ $host }) antwoordde niet. Controleer of deze vanaf hier bereikbaar is en probeer het dan opnieuw.
check-advice-token-refused = De vergaderservice heeft het gasttoken geweigerd. Controleer of de middle tier en de vergaderservice dezelfde tijd hebben, en of de middle tier naar deze vergaderservice verwijst.
check-advice-origin-refused = De vergaderservice weigert gasten van deze website ({ $origin }). Voeg { $origin } toe aan GUEST_JOIN_ALLOWED_ORIGINS van de middle tier; een on-premises server moet de website ook opnemen in zijn CrossDomainAuthorizationList.
check-advice-server-origin-refused = De eigen Skype for Business Server van het bedrijf weigert gasten van deze website ({ $origin }). De beheerder moet { $origin } toevoegen aan de CrossDomainAuthorizationList van de server (Set-CsWebServiceConfiguration).
check-advice-meeting-not-found = De vergaderservice kent geen vergadering bij deze link, of de vergadering is beëindigd. Vraag de organisator om een nieuwe link.
check-advice-service-trouble = De vergaderservice ({ $host }) heeft problemen. Probeer het over een paar minuten opnieuw; als het aanhoudt, geef dan de aanvraag-ID door aan Microsoft Ondersteuning of aan de beheerder van de server.
check-advice-step-refused = De vergaderservice ({ $host }) heeft de stap geweigerd. Geef de codes en de aanvraag-ID hierboven door aan wie de service beheert.
check-advice-origin-not-listed = Deze website ({ $origin }) staat niet in GUEST_JOIN_ALLOWED_ORIGINS van de middle tier. Voeg hem daar toe, of voer de controle uit vanaf een website die er wel in staat.
check-advice-host-not-allowed = De host van de link is niet een van de hosts waaraan de middle tier deelneemt. Corrigeer de link of voeg de host toe aan GUEST_JOIN_MEETING_HOSTS.
check-advice-invalid-link = De middle tier herkent dit niet als vergaderlink. Kopieer de link opnieuw uit de vergaderuitnodiging.
check-advice-no-meeting = De vergaderservice kent geen vergadering bij deze link, of de vergadering is beëindigd. Controleer de link met de organisator, of plan een nieuwe vergadering.
check-advice-invitation-required = Deze middle tier laat gasten alleen toe met een ondertekende uitnodiging (GUEST_JOIN_REQUIRE_INVITATION). Stuur gasten een uitnodigingslink die met de staff-API is gemaakt.
check-advice-invitation-invalid = De uitnodiging is niet geldig voor deze vergadering. Maak een nieuwe met de staff-API.
check-advice-invitation-expired = De uitnodiging is verlopen. Maak een nieuwe met de staff-API.
check-advice-rate-limited = Er kwamen zojuist te veel aanvragen vanaf hier. Wacht een minuut en controleer het opnieuw.
check-advice-session-not-valid = De middle tier heeft deze sessie-ID niet uitgegeven: hij is opnieuw gestart of draait als meerdere instanties zonder één gedeelde GUEST_JOIN_SESSION_KEY. Stel op elke instantie dezelfde sleutel in.
check-advice-microsoft-no-answer = De services van Microsoft antwoordden de middle tier niet. Probeer het over een paar minuten opnieuw.
check-advice-middle-tier-broken = De middle tier is verkeerd geconfigureerd of defect. Zoek de aanvraag-ID op in zijn logboek.
check-advice-middle-tier-refused = De middle tier heeft de aanvraag geweigerd. Zoek de aanvraag-ID op in zijn logboek.
check-advice-aad-credentials = Azure AD heeft de app-referenties van de middle tier geweigerd. Controleer GUEST_JOIN_TENANT, GUEST_JOIN_CLIENT_ID en het clientgeheim (dat is mogelijk verlopen).
check-advice-app-refused = De Trusted Application API heeft de app geweigerd: controleer of de app-registratie de guest-join-machtiging heeft, of een beheerder toestemming heeft gegeven en of GUEST_JOIN_ENDPOINT het eindpunt ervan is.
check-advice-endpoint-unknown = De Trusted Application API kent het eindpunt van deze app niet. Controleer GUEST_JOIN_ENDPOINT en de registratie van de app.
check-advice-microsoft-unreachable = De middle tier kon de services van Microsoft niet bereiken. Controleer zijn netwerk en probeer het opnieuw.
check-advice-microsoft-trouble = De services van Microsoft hebben problemen. Probeer het over een paar minuten opnieuw; als het aanhoudt, geef dan de aanvraag-ID door.
check-advice-join-denied = Een organisator heeft de controle in de wachtruimte geweigerd.
check-advice-join-lobby-timeout = Niemand heeft de controle op tijd vanuit de wachtruimte toegelaten.
check-advice-join-meeting-ended = De vergadering is beëindigd terwijl de controle deelnam.
check-advice-join-removed = Een organisator heeft de controle uit de vergadering verwijderd.
check-advice-join-not-found = De vergaderservice kent geen vergadering bij deze link, of de vergadering is beëindigd.
check-advice-join-full = De vergadering is vol.
check-advice-join-refused = De vergaderservice liet de controle niet binnen. Geef de codes en de aanvraag-ID hierboven door.
check-advice-copy-link = Kopieer de link opnieuw uit de vergaderuitnodiging: die heeft de vorm https://meet.lync.com/<organisatie>/<organisator>/<vergadering-ID>.

## Link check report

report-heading = guest-join-linkcontrole
report-result = Resultaat:        { $verdict }
report-link = Link:             { $link }
report-meeting-id = Vergader-ID:      { $meeting_id }
report-website = Website:          { $website }
report-checked-at = Gecontroleerd op: { $started_at }
report-client = Client:           { $client }
report-step = { $number }. { $step }: { $outcome }
report-verdict-works = WERKT: gasten kunnen met deze link via deze website deelnemen.
report-verdict-fails = MISLUKT: gasten kunnen met deze link niet via deze website deelnemen.
report-verdict-incomplete = ONVOLLEDIG: de controle was nog niet klaar.
report-outcome-passed-in = geslaagd in { $ms } ms
report-outcome-passed = geslaagd
report-outcome-failed = MISLUKT
report-outcome-running = nog bezig
report-outcome-not-run = niet uitgevoerd

language-label = Taal
