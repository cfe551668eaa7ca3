### guest-join: Italian (italiano) translation of en/main.ftl.
### Forma di cortesia: Lei (pronomi di cortesia con la maiuscola: La, Le, Sua). Termini: riunione (meeting), organizzatore (organizer), sala d'attesa (lobby), ospite (guest), far entrare / ammettere (let in), middle tier (non tradotto).

## Page

page-title = Partecipa a una riunione
page-description = Partecipi come ospite a una riunione di Skype for Business.
page-noscript = Per partecipare alla riunione da questa pagina è necessario JavaScript.
page-part-missing = Il caricamento della pagina non è stato completato. Controlli la connessione a Internet, poi ricarichi la pagina.
page-reload = Ricarica la pagina
setup-problem = Questa pagina non è ancora configurata: servono <meta name="guest-join-middle-tier" content="https://…/"> con l'indirizzo del suo servizio guest-join e <meta name="guest-join-meeting-hosts"> con gli host delle riunioni che serve. Veda «Hosting the app yourself» nel README.
brand-logo-alt = Logo

## Link screen

link-title = Partecipa a una riunione
link-lead = Incolli il link dell'invito alla riunione. Non serve un account.
link-continue = Continua

## Meeting link field

link-field-label = Link della riunione
link-field-placeholder = https://meet.lync.com/…
link-field-hint = Incolli il link dell'invito alla riunione.
link-field-joinable = Riunione di Skype for Business Online { $meeting_id }. Può partecipare come ospite.
link-field-on-premises = Riunione di Skype for Business Server { $meeting_id }. Può partecipare come ospite.
link-error-too-long = Questo testo è troppo lungo per essere un link di riunione. Copi solo il link dal Suo invito.
link-error-not-a-link = Non sembra un link. I link delle riunioni iniziano con https://
link-error-unsupported-scheme = Questo è un link { $scheme }:, non un link di riunione. I link delle riunioni iniziano con https://
link-error-insecure = Questo link non è sicuro (http://). Chieda all'organizzatore il link della riunione con https://.
link-error-teams = Questo è un link di Microsoft Teams. Lo apra in Teams; questa pagina serve per partecipare a riunioni di Skype for Business.
link-error-not-a-meeting = Questo link non porta a una riunione. Verifichi di aver copiato il link completo dal Suo invito.
link-error-missing-meeting-id = Questo link di riunione sembra troncato: manca il codice della riunione alla fine. Copi il link completo dal Suo invito.
link-error-not-a-conference = Questo è l'indirizzo Skype di una persona, non una riunione. Chieda all'organizzatore il link della riunione.
link-error-has-credentials = Questo link contiene un nome utente o una password, cosa che i link delle riunioni non hanno mai. Copi di nuovo il link dal Suo invito.

## Name screen

name-title = Partecipa alla riunione
name-title-subject = Partecipa a «{ $subject }»
name-meeting-id = Riunione di Skype for Business { $meeting_id }
name-label = Il Suo nome
name-help = Le altre persone nella riunione vedranno questo nome.
name-error-empty = Inserisca il Suo nome, così gli altri sapranno chi è.
name-error-too-long = { $max ->
    [one] Questo nome è troppo lungo; usi al massimo { $max } carattere.
   *[other] Questo nome è troppo lungo; usi al massimo { $max } caratteri.
}
name-join = Partecipa alla riunione
name-joining = Accesso in corso…
name-change-link = Usa un altro link

## Joining steps

joining-title = Accesso alla riunione
joining-title-subject = Accesso a «{ $subject }»
joining-cancel = Annulla
steps-label = Avanzamento dell'accesso
step-checking-link = Verifica del link
step-getting-access = Richiesta di accesso
step-connecting = Connessione
step-waiting-in-lobby = Attesa nella sala d'attesa
step-in-meeting = Nella riunione
step-done = (completato)
step-in-progress = (in corso)

## Lobby

lobby-title = In attesa di entrare
lobby-lead = L'organizzatore della riunione { $subject } sa che Lei è qui e La farà entrare.
lobby-lead-no-subject = L'organizzatore della riunione sa che Lei è qui e La farà entrare.
lobby-waiting-for = In attesa da { $time }
elapsed-seconds = { $seconds ->
    [one] { $seconds } secondo
   *[other] { $seconds } secondi
}
elapsed-minutes-seconds = { $minutes ->
    [one] { $minutes } minuto
   *[other] { $minutes } minuti
} { $seconds ->
    [one] { $seconds } secondo
   *[other] { $seconds } secondi
}
lobby-tab-hint = Può passare a un'altra scheda; il titolo di questa pagina cambierà quando potrà entrare.
lobby-notify-me = Avvisami quando posso entrare
lobby-leave = Esci

## Browser tab titles

tab-title-joining = Accesso a { $subject }…
tab-title-joining-no-subject = Accesso alla riunione…
tab-title-lobby = In attesa di entrare – { $subject }
tab-title-lobby-no-subject = In attesa di entrare – riunione
tab-title-meeting = In { $subject }
tab-title-meeting-no-subject = Nella riunione
tab-title-meeting-unread = ({ $count }) In { $subject }
tab-title-meeting-unread-no-subject = ({ $count }) Nella riunione

## Announcements and notifications

notify-admitted-title = È nella riunione
notify-admitted-body = L'organizzatore L'ha fatta entrare in «{ $subject }».
notify-admitted-body-no-subject = L'organizzatore L'ha fatta entrare nella riunione.
announce-admitted = L'organizzatore L'ha fatta entrare. Ora è nella riunione.
announce-lobby = È nella sala d'attesa. L'organizzatore La farà entrare.
announce-in-meeting = È nella riunione «{ $subject }».
announce-in-meeting-no-subject = È nella riunione.
announce-participant-joined = { $name } partecipa ora alla riunione.
announce-participant-left = { $name } ha lasciato la riunione.
announce-message = { $sender } scrive: { $text }
notify-message-title = Nuovo messaggio da { $sender }
announce-message-failed = Non è stato possibile inviare il Suo messaggio. Può riprovare.
announce-send-failed = Non è stato possibile inviare il messaggio.
announce-reconnecting = La connessione si è interrotta. Riconnessione in corso…
announce-reconnected = Connessione ripristinata.

## Meeting screen

meeting-title-fallback = Riunione
meeting-status-in = È nella riunione
meeting-status-leaving = Uscita in corso…
meeting-status-reconnecting = Riconnessione in corso…
meeting-notify-me = Avvisami dei nuovi messaggi
meeting-leave = Esci
meeting-reconnecting-banner = La connessione si è interrotta. Riconnessione in corso… I Suoi messaggi vengono conservati.

## People

roster-title = Persone ({ $count })
roster-lobby-count = { $count ->
    [one] { $count } persona è in attesa nella sala d'attesa
   *[other] { $count } persone sono in attesa nella sala d'attesa
}
roster-you = Lei
roster-you-badge = Ospite
roster-organizer = Organizzatore
roster-origin-guest = Ospite
roster-origin-skype = Skype
roster-origin-other-organisation = Ospite di un'altra organizzazione

## Join by phone

dial-in-title = Partecipa per telefono
dial-in-call = Chiama
dial-in-toll-free = { $region } (gratuito)
dial-in-conference-id = ID conferenza: { $id }
dial-in-more-numbers = Altri numeri

## Chat

chat-title = Chat
chat-log-label = Messaggi
chat-empty = Ancora nessun messaggio.
chat-new-messages = Nuovi messaggi
chat-sender-you = Lei
chat-sending = Invio in corso…
chat-sent = Inviato
chat-not-sent = Non inviato.
chat-retry = Riprova
typing-one = { $name } sta scrivendo…
typing-two = { $first } e { $second } stanno scrivendo…
typing-several = Diverse persone stanno scrivendo…
chat-input-label = Messaggio
chat-placeholder = Scriva un messaggio
chat-placeholder-connecting = Connessione alla chat in corso… può già scrivere
chat-input-help = Prema Invio per inviare, Maiusc+Invio per andare a capo.
chat-send = Invia

## After the meeting

outcome-left-title = Ha lasciato la riunione
outcome-left-detail = Non è più nella riunione.
outcome-left-next = Se ha lasciato la riunione per errore, può partecipare di nuovo.
outcome-ended-title = La riunione è terminata
outcome-ended-detail = L'organizzatore ha terminato la riunione, quindi tutti sono usciti.
outcome-ended-next = Se l'organizzatore la riavvia, potrà partecipare di nuovo con lo stesso link.
outcome-removed-title = È stato rimosso dalla riunione
outcome-removed-detail = Un organizzatore L'ha rimossa dalla riunione.
outcome-removed-next = Se pensa che si tratti di un errore, può chiedere di nuovo di partecipare.
outcome-denied-title = Ingresso non consentito
outcome-denied-detail = L'organizzatore non L'ha fatta entrare dalla sala d'attesa.
outcome-denied-next = Verifichi con l'organizzatore che si tratti della riunione e dell'orario giusti, poi chieda di nuovo di partecipare.
outcome-lobby-timeout-title = Nessuno L'ha fatta entrare
outcome-lobby-timeout-detail = Ha atteso nella sala d'attesa, ma nessuno L'ha fatta entrare in tempo.
outcome-lobby-timeout-next = Forse l'organizzatore non ha ancora iniziato. Chieda di nuovo di partecipare tra qualche minuto.
outcome-retry-rejoin = Partecipa di nuovo
outcome-retry-ask-again = Chiedi di nuovo di partecipare
outcome-change-link = Usa un altro link

## Join failed

failure-link-not-usable-title = Questo link non può essere usato qui
failure-link-not-usable-detail = Con questo link non è possibile partecipare alla riunione tramite questa pagina.
failure-link-not-usable-next = Verifichi di aver copiato il link completo oppure ne chieda uno nuovo all'organizzatore.
failure-meeting-not-found-title = Questo link non porta a una riunione in corso
failure-meeting-not-found-detail = La riunione potrebbe essere terminata o annullata, oppure il link potrebbe non essere aggiornato.
failure-meeting-not-found-next = Chieda un nuovo link all'organizzatore.
failure-invitation-required-title = Serve il Suo link di invito
failure-invitation-required-detail = A questa riunione si può partecipare solo con il link personale del Suo invito.
failure-invitation-required-next = Apra il link contenuto nel Suo messaggio di invito.
failure-invitation-invalid-title = Questo invito non è valido
failure-invitation-invalid-detail = Il link di invito è danneggiato o appartiene a un'altra riunione.
failure-invitation-invalid-next = Apra di nuovo il link contenuto nel Suo messaggio di invito oppure chieda un nuovo invito.
failure-invitation-expired-title = Questo invito è scaduto
failure-invitation-expired-detail = I link di invito funzionano solo per un periodo limitato.
failure-invitation-expired-next = Chieda un nuovo link alla persona che L'ha invitata.
failure-origin-not-allowed-title = Questo sito web non può partecipare alla riunione
failure-origin-not-allowed-detail = Questo sito web non è autorizzato a connettersi al servizio riunioni.
failure-origin-not-allowed-next = Apra direttamente il link del Suo invito oppure lo segnali al gestore del sito web.
failure-access-expired-title = Il Suo accesso è scaduto
failure-access-expired-detail = Il Suo accesso alla riunione è scaduto e non è stato possibile rinnovarlo.
failure-access-expired-next = Riprovi per ottenere un nuovo accesso.
failure-meeting-full-title = La riunione è al completo
failure-meeting-full-detail = Al momento non possono partecipare altre persone a questa riunione.
failure-meeting-full-next = Riprovi più tardi oppure lo segnali all'organizzatore.
failure-refused-title = Il servizio riunioni ha rifiutato
failure-refused-detail = Il servizio riunioni ha rifiutato la richiesta di partecipazione.
failure-refused-next = Riprovi. Se continua a succedere, chieda un nuovo link all'organizzatore.
failure-service-unavailable-title = Il servizio riunioni non è disponibile
failure-service-unavailable-detail = Il servizio riunioni è momentaneamente occupato o non raggiungibile.
failure-service-unavailable-next = Attenda un minuto, poi riprovi.
failure-rate-limited-title = Troppi tentativi
failure-rate-limited-detail = Questo dispositivo ha tentato di partecipare troppe volte in poco tempo.
failure-rate-limited-next = Attenda un minuto, poi riprovi.
failure-network-lost-title = La connessione si è interrotta
failure-network-lost-detail = Non è stato possibile raggiungere il servizio riunioni.
failure-network-lost-next = Controlli la connessione a Internet, poi riprovi.
failure-opened-elsewhere-title = È già nella riunione altrove
failure-opened-elsewhere-detail = Questa riunione è stata aperta in un'altra finestra o scheda, che l'ha rilevata.
failure-opened-elsewhere-next = Chiuda l'altra finestra, poi continui qui.
failure-incompatible-title = Si è verificato un problema
failure-incompatible-detail = Il servizio riunioni ha risposto in un modo che questa pagina non comprende.
failure-incompatible-next = Riprovi. Se continua a succedere, contatti l'organizzatore.
failure-rate-limited-wait = { $seconds ->
    [one] Riprovi tra { $seconds } secondo.
   *[other] Riprovi tra { $seconds } secondi.
}
failure-retry = Riprova
failure-retry-continue-here = Continua qui

## Staff link check

check-title = Verifica un link di riunione
check-lead = Prima di inviare un link a un cliente, verifichi che un ospite possa partecipare con quel link da questo sito web.
check-participant-name = Verifica link
check-joins-label = Partecipa anche alla riunione per un momento. Tutti i presenti vedranno entrare e uscire un partecipante di nome «{ $name }».
check-submit = Verifica link
check-joins-note = La verifica partecipa alla riunione come «{ $name }» ed esce subito.
check-no-join-note = Nessuno partecipa alla riunione.
check-results-label = Risultati della verifica
check-step-link = Il link è un link di riunione di Skype for Business
check-step-guest-access = Questo servizio rilascia l'accesso ospite per la riunione
check-step-meeting-service = Il servizio riunioni accetta ospiti da questo sito web
check-step-guest-application = Un ospite può essere configurato nel servizio riunioni
check-step-join-meeting = Un ospite può entrare nella riunione
check-state-not-checked = Non verificato
check-state-checking = Verifica in corso…
check-state-passed-in = Superato in { $ms } ms
check-state-passed = Superato
check-state-failed = Non riuscito
check-verdict-works = Questo link funziona. Gli ospiti possono partecipare con questo link da questo sito web.
check-verdict-fails = Gli ospiti non possono partecipare con questo link da questo sito web. Il passaggio non riuscito indica il motivo e cosa fare.
check-copy-report = Copia rapporto
check-copied = Rapporto copiato. Lo incolli nel Suo ticket o nella Sua e-mail.
check-copy-failed = Il browser non ha consentito la copia; selezioni il rapporto qui sotto e lo copi.
check-show-report = Mostra il rapporto

## Link check details

check-detail-answered = { $host } ha risposto { $status }{ $codes }
check-detail-no-answer = { $host }: nessuna risposta leggibile{ $codes }
check-detail-said = Messaggio del servizio: { $reason }
check-detail-upstream = Servizio a monte: { $line }
check-detail-advice = Cosa fare: { $advice }
check-detail-request-id = ID richiesta: { $id }
check-note-lobby = La verifica ha atteso nella sala d'attesa: gli ospiti entrano quando un organizzatore li ammette.
check-upstream-answered = { $service } ({ $host }) ha risposto { $status }{ $codes }
check-upstream-no-answer = { $service } ({ $host }) non ha risposto{ $codes }
check-upstream-aad-token = servizio token di Azure AD
check-upstream-discover = individuazione della Trusted Application API
check-upstream-applications = elenco applicazioni della Trusted Application API
check-upstream-application = applicazione della Trusted Application API
check-upstream-guest-token = token ospite della Trusted Application API
check-upstream-adhoc-meeting = riunione ad hoc della Trusted Application API

## Link check advice

check-advice-host-unknown = host sconosciuto
check-advice-middle-tier-no-answer = Il middle tier ({ $host }) non ha risposto. Verifichi che sia in esecuzione e raggiungibile da qui.
check-advice-hidden-refusal = Il servizio riunioni ({ $host }) non ha dato alcuna risposta leggibile da questo browser. Nella maggior parte dei casi ha rifiutato questo sito web ({ $origin }) e il browser ha nascosto il rifiuto: il middle tier deve elencare { $origin } in GUEST_JOIN_ALLOWED_ORIGINS, che invia come allowedOrigins con ogni token ospite. Altrimenti il servizio riunioni non è raggiungibile da qui.
check-advice-service-no-answer = Il servizio riunioni ({ $host }) non ha risposto. Verifichi che sia raggiungibile da qui, poi riprovi.
check-advice-token-refused = Il servizio riunioni ha rifiutato il token ospite. Verifichi che il middle tier e il servizio riunioni abbiano lo stesso orario e che il middle tier punti a questo servizio riunioni.
check-advice-origin-refused = Il servizio riunioni rifiuta gli ospiti provenienti da questo sito web ({ $origin }). Aggiunga { $origin } a GUEST_JOIN_ALLOWED_ORIGINS del middle tier; un server locale (on-premises) deve inoltre elencarlo nella propria CrossDomainAuthorizationList.
check-advice-server-origin-refused = Lo Skype for Business Server dell'azienda rifiuta gli ospiti provenienti da questo sito web ({ $origin }). Il suo amministratore deve aggiungere { $origin } alla CrossDomainAuthorizationList del server (Set-CsWebServiceConfiguration).
check-advice-meeting-not-found = Il servizio riunioni non conosce alcuna riunione a questo link, oppure è terminata. Chieda un nuovo link all'organizzatore.
check-advice-service-trouble = Il servizio riunioni ({ $host }) ha dei problemi. Riprovi tra qualche minuto; se il problema persiste, comunichi l'ID richiesta al supporto Microsoft o all'amministratore del server.
check-advice-step-refused = Il servizio riunioni ({ $host }) ha rifiutato il passaggio. Comunichi i codici e l'ID richiesta riportati sopra a chi gestisce il servizio.
check-advice-origin-not-listed = Questo sito web ({ $origin }) non è in GUEST_JOIN_ALLOWED_ORIGINS del middle tier. Lo aggiunga lì oppure esegua la verifica da un sito web elencato.
check-advice-host-not-allowed = L'host del link non è tra quelli a cui il middle tier partecipa. Corregga il link oppure aggiunga il suo host a GUEST_JOIN_MEETING_HOSTS.
check-advice-invalid-link = Il middle tier non riconosce questo come link di riunione. Copi di nuovo il link dall'invito alla riunione.
check-advice-no-meeting = Il servizio riunioni non conosce alcuna riunione a questo link, oppure è terminata. Verifichi il link con l'organizzatore oppure pianifichi una nuova riunione.
check-advice-invitation-required = Questo middle tier ammette ospiti solo con un invito firmato (GUEST_JOIN_REQUIRE_INVITATION). Invii agli ospiti un link di invito creato con la API staff.
check-advice-invitation-invalid = L'invito non è valido per questa riunione. Ne crei uno nuovo con la API staff.
check-advice-invitation-expired = L'invito è scaduto. Ne crei uno nuovo con la API staff.
check-advice-rate-limited = Troppe richieste da qui in questo momento. Attenda un minuto e verifichi di nuovo.
check-advice-session-not-valid = Il middle tier non ha emesso questo ID di sessione: è stato riavviato oppure è in esecuzione su più istanze senza una GUEST_JOIN_SESSION_KEY condivisa. Imposti la stessa chiave su ogni istanza.
check-advice-microsoft-no-answer = I servizi Microsoft non hanno risposto al middle tier. Riprovi tra qualche minuto.
check-advice-middle-tier-broken = Il middle tier è configurato in modo errato o non funziona. Cerchi l'ID richiesta nel suo log.
check-advice-middle-tier-refused = Il middle tier ha rifiutato la richiesta. Cerchi l'ID richiesta nel suo log.
check-advice-aad-credentials = Azure AD ha rifiutato le credenziali dell'app del middle tier. Controlli GUEST_JOIN_TENANT, GUEST_JOIN_CLIENT_ID e il segreto client (potrebbe essere scaduto).
check-advice-app-refused = La Trusted Application API ha rifiutato l'app: verifichi che la registrazione dell'app abbia l'autorizzazione guest-join, che un amministratore abbia dato il consenso e che GUEST_JOIN_ENDPOINT sia il suo endpoint.
check-advice-endpoint-unknown = La Trusted Application API non conosce l'endpoint di questa app. Controlli GUEST_JOIN_ENDPOINT e la registrazione dell'app.
check-advice-microsoft-unreachable = Il middle tier non è riuscito a raggiungere i servizi Microsoft. Controlli la sua rete e riprovi.
check-advice-microsoft-trouble = I servizi Microsoft hanno dei problemi. Riprovi tra qualche minuto; se il problema persiste, comunichi l'ID richiesta.
check-advice-join-denied = Un organizzatore ha respinto la verifica nella sala d'attesa.
check-advice-join-lobby-timeout = Nessuno ha fatto entrare in tempo la verifica dalla sala d'attesa.
check-advice-join-meeting-ended = La riunione è terminata mentre la verifica stava entrando.
check-advice-join-removed = Un organizzatore ha rimosso la verifica dalla riunione.
check-advice-join-not-found = Il servizio riunioni non conosce alcuna riunione a questo link, oppure è terminata.
check-advice-join-full = La riunione è al completo.
check-advice-join-refused = Il servizio riunioni non ha fatto entrare la verifica. Comunichi i codici e l'ID richiesta riportati sopra.
check-advice-copy-link = Copi di nuovo il link dall'invito alla riunione: ha la forma https://meet.lync.com/<organizzazione>/<organizzatore>/<ID riunione>.

## Link check report

report-heading = Verifica link guest-join
report-result = Esito:         { $verdict }
report-link = Link:          { $link }
report-meeting-id = ID riunione:   { $meeting_id }
report-website = Sito web:      { $website }
report-checked-at = Verificato il: { $started_at }
report-client = Client:        { $client }
report-step = { $number }. { $step }: { $outcome }
report-verdict-works = FUNZIONA: gli ospiti possono partecipare con questo link da questo sito web.
report-verdict-fails = NON FUNZIONA: gli ospiti non possono partecipare con questo link da questo sito web.
report-verdict-incomplete = INCOMPLETO: la verifica non era terminata.
report-outcome-passed-in = superato in { $ms } ms
report-outcome-passed = superato
report-outcome-failed = NON RIUSCITO
report-outcome-running = ancora in corso
report-outcome-not-run = non eseguito

language-label = Lingua
