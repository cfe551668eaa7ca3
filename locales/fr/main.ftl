### guest-join: French (français) translation of en/main.ftl.
### Vouvoiement. Termes : réunion (meeting), organisateur (organizer), salle d'attente (lobby), invité (guest), faire entrer / admettre (let in), middle tier (laissé en anglais).

## Page

page-title = Rejoindre une réunion
page-description = Rejoignez une réunion Skype for Business en tant qu'invité, sans compte.
page-noscript = JavaScript est nécessaire pour rejoindre la réunion depuis cette page.
page-part-missing = Cette page ne s'est pas chargée entièrement. Vérifiez votre connexion Internet, puis rechargez la page.
page-reload = Recharger la page
setup-problem = Cette page n'est pas encore configurée : il lui faut <meta name="guest-join-middle-tier" content="https://…/"> avec l'adresse de son service guest-join, et <meta name="guest-join-meeting-hosts"> avec les hôtes de réunion qu'elle dessert. Voir « Hosting the app yourself » dans le README.
brand-logo-alt = Logo

## Link screen

link-title = Rejoindre une réunion
link-lead = Collez le lien de votre invitation à la réunion. Vous n'avez pas besoin de compte.
link-continue = Continuer

## Meeting link field

link-field-label = Lien de la réunion
link-field-placeholder = https://meet.lync.com/…
link-field-hint = Collez le lien de votre invitation à la réunion.
link-field-joinable = Réunion Skype for Business Online { $meeting_id }. Vous pouvez la rejoindre en tant qu'invité.
link-field-on-premises = Réunion Skype for Business Server { $meeting_id }. Vous pouvez la rejoindre en tant qu'invité.
link-error-too-long = Ce texte est trop long pour être un lien de réunion. Copiez uniquement le lien de votre invitation.
link-error-not-a-link = Cela ne ressemble pas à un lien. Les liens de réunion commencent par https://
link-error-unsupported-scheme = Il s'agit d'un lien { $scheme }:, et non d'un lien de réunion. Les liens de réunion commencent par https://
link-error-insecure = Ce lien n'est pas sécurisé (http://). Demandez à l'organisateur le lien de réunion en https://.
link-error-teams = Il s'agit d'un lien Microsoft Teams. Ouvrez-le plutôt dans Teams ; cette page permet de rejoindre des réunions Skype for Business.
link-error-not-a-meeting = Ce lien ne mène pas à une réunion. Vérifiez que vous avez copié le lien complet de votre invitation.
link-error-missing-meeting-id = Ce lien de réunion semble tronqué : le code de réunion qui le termine est manquant. Copiez le lien complet de votre invitation.
link-error-not-a-conference = Il s'agit de l'adresse Skype d'une personne, et non d'une réunion. Demandez à l'organisateur le lien de la réunion.
link-error-has-credentials = Ce lien contient un nom d'utilisateur ou un mot de passe, ce que les liens de réunion ne contiennent jamais. Copiez à nouveau le lien de votre invitation.

## Name screen

name-title = Rejoindre la réunion
name-title-subject = Rejoindre « { $subject } »
name-meeting-id = Réunion Skype for Business { $meeting_id }
name-label = Votre nom
name-help = Les autres personnes présentes à la réunion verront ce nom.
name-error-empty = Saisissez votre nom pour que les autres personnes sachent qui vous êtes.
name-error-too-long = { $max ->
    [one] Ce nom est trop long ; utilisez au maximum { $max } caractère.
   *[other] Ce nom est trop long ; utilisez au maximum { $max } caractères.
}
name-join = Rejoindre la réunion
name-joining = Connexion…
name-change-link = Utiliser un autre lien

## Joining steps

joining-title = Connexion à la réunion
joining-title-subject = Connexion à « { $subject } »
joining-cancel = Annuler
steps-label = Progression de la connexion
step-checking-link = Vérification du lien
step-getting-access = Obtention de l'accès
step-connecting = Connexion
step-waiting-in-lobby = Attente en salle d'attente
step-in-meeting = Dans la réunion
step-done = (terminé)
step-in-progress = (en cours)

## Lobby

lobby-title = En attente d'admission
lobby-lead = L'organisateur de la réunion { $subject } sait que vous êtes là et va vous faire entrer.
lobby-lead-no-subject = L'organisateur de la réunion sait que vous êtes là et va vous faire entrer.
lobby-waiting-for = Temps d'attente : { $time }
elapsed-seconds = { $seconds ->
    [one] { $seconds } seconde
   *[other] { $seconds } secondes
}
elapsed-minutes-seconds = { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
} { $seconds ->
    [one] { $seconds } seconde
   *[other] { $seconds } secondes
}
lobby-tab-hint = Vous pouvez passer à un autre onglet ; le titre de cette page changera dès que l'organisateur vous fera entrer.
lobby-notify-me = M'avertir de mon admission
lobby-leave = Quitter

## Browser tab titles

tab-title-joining = Connexion : { $subject }…
tab-title-joining-no-subject = Connexion à la réunion…
tab-title-lobby = En attente d'admission – { $subject }
tab-title-lobby-no-subject = En attente d'admission – réunion
tab-title-meeting = En réunion : { $subject }
tab-title-meeting-no-subject = En réunion
tab-title-meeting-unread = ({ $count }) En réunion : { $subject }
tab-title-meeting-unread-no-subject = ({ $count }) En réunion

## Announcements and notifications

notify-admitted-title = Vous êtes dans la réunion
notify-admitted-body = L'organisateur vous a fait entrer dans « { $subject } ».
notify-admitted-body-no-subject = L'organisateur vous a fait entrer dans la réunion.
announce-admitted = L'organisateur vous a fait entrer. Vous êtes dans la réunion.
announce-lobby = Vous êtes dans la salle d'attente. L'organisateur va vous faire entrer.
announce-in-meeting = Vous êtes dans la réunion « { $subject } ».
announce-in-meeting-no-subject = Vous êtes dans la réunion.
announce-participant-joined = { $name } a rejoint la réunion.
announce-participant-left = { $name } a quitté la réunion.
announce-message = { $sender } écrit : { $text }
notify-message-title = Nouveau message de { $sender }
announce-message-failed = Votre message n'a pas pu être envoyé. Vous pouvez réessayer.
announce-send-failed = Le message n'a pas pu être envoyé.
announce-reconnecting = La connexion a été interrompue. Reconnexion…
announce-reconnected = Connexion rétablie.

## Meeting screen

meeting-title-fallback = Réunion
meeting-status-in = Vous êtes dans la réunion
meeting-status-leaving = Sortie de la réunion…
meeting-status-reconnecting = Reconnexion…
meeting-notify-me = M'avertir des nouveaux messages
meeting-leave = Quitter
meeting-reconnecting-banner = La connexion a été interrompue. Reconnexion… Vos messages sont conservés.

## People

roster-title = Personnes ({ $count })
roster-lobby-count = { $count ->
    [one] { $count } personne attend dans la salle d'attente
   *[other] { $count } personnes attendent dans la salle d'attente
}
roster-you = Vous
roster-you-badge = Invité
roster-organizer = Organisateur
roster-origin-guest = Invité
roster-origin-skype = Skype
roster-origin-other-organisation = Invité d'une autre organisation

## Join by phone

dial-in-title = Rejoindre par téléphone
dial-in-call = Appeler
dial-in-toll-free = { $region } (gratuit)
dial-in-conference-id = ID de conférence : { $id }
dial-in-more-numbers = Autres numéros

## Chat

chat-title = Conversation
chat-log-label = Messages
chat-empty = Aucun message pour l'instant.
chat-new-messages = Nouveaux messages
chat-sender-you = Vous
chat-sending = Envoi…
chat-sent = Envoyé
chat-not-sent = Non envoyé.
chat-retry = Réessayer
typing-one = { $name } est en train d'écrire…
typing-two = { $first } et { $second } sont en train d'écrire…
typing-several = Plusieurs personnes sont en train d'écrire…
chat-input-label = Message
chat-placeholder = Saisissez un message
chat-placeholder-connecting = Connexion à la conversation… vous pouvez déjà écrire
chat-input-help = Appuyez sur Entrée pour envoyer, sur Maj+Entrée pour aller à la ligne.
chat-send = Envoyer

## After the meeting

outcome-left-title = Vous avez quitté la réunion
outcome-left-detail = Vous n'êtes plus dans la réunion.
outcome-left-next = Si vous avez quitté la réunion par erreur, vous pouvez la rejoindre à nouveau.
outcome-ended-title = La réunion est terminée
outcome-ended-detail = L'organisateur a mis fin à la réunion ; tout le monde l'a donc quittée.
outcome-ended-next = Si l'organisateur la relance, vous pourrez la rejoindre à nouveau avec le même lien.
outcome-removed-title = Vous avez été retiré de la réunion
outcome-removed-detail = Un organisateur vous a retiré de la réunion.
outcome-removed-next = Si vous pensez qu'il s'agit d'une erreur, vous pouvez demander à nouveau à rejoindre la réunion.
outcome-denied-title = L'accès ne vous a pas été accordé
outcome-denied-detail = L'organisateur ne vous a pas fait entrer depuis la salle d'attente.
outcome-denied-next = Vérifiez auprès de l'organisateur qu'il s'agit de la bonne réunion et du bon horaire, puis demandez à nouveau à rejoindre la réunion.
outcome-lobby-timeout-title = Personne ne vous a fait entrer
outcome-lobby-timeout-detail = Vous avez attendu dans la salle d'attente, mais personne ne vous a fait entrer à temps.
outcome-lobby-timeout-next = L'organisateur n'a peut-être pas encore commencé. Demandez à nouveau à rejoindre la réunion dans quelques minutes.
outcome-retry-rejoin = Rejoindre à nouveau
outcome-retry-ask-again = Demander à nouveau à rejoindre
outcome-change-link = Utiliser un autre lien

## Join failed

failure-link-not-usable-title = Ce lien ne peut pas être utilisé ici
failure-link-not-usable-detail = Ce lien de réunion ne permet pas de rejoindre la réunion depuis cette page.
failure-link-not-usable-next = Vérifiez que vous avez copié le lien complet, ou demandez-en un nouveau à l'organisateur.
failure-meeting-not-found-title = Ce lien ne mène à aucune réunion en cours
failure-meeting-not-found-detail = La réunion est peut-être terminée ou annulée, ou le lien n'est peut-être plus à jour.
failure-meeting-not-found-next = Demandez un nouveau lien à l'organisateur.
failure-invitation-required-title = Vous avez besoin de votre lien d'invitation
failure-invitation-required-detail = Cette réunion n'est accessible qu'avec le lien personnel de votre invitation.
failure-invitation-required-next = Ouvrez le lien de votre message d'invitation.
failure-invitation-invalid-title = Cette invitation n'est pas valide
failure-invitation-invalid-detail = Le lien d'invitation est endommagé ou correspond à une autre réunion.
failure-invitation-invalid-next = Ouvrez à nouveau le lien de votre message d'invitation, ou demandez une nouvelle invitation.
failure-invitation-expired-title = Cette invitation a expiré
failure-invitation-expired-detail = Les liens d'invitation ne fonctionnent que pendant une durée limitée.
failure-invitation-expired-next = Demandez un nouveau lien à la personne qui vous a envoyé l'invitation.
failure-origin-not-allowed-title = Ce site web ne peut pas rejoindre la réunion
failure-origin-not-allowed-detail = Ce site web n'est pas autorisé à se connecter au service de réunion.
failure-origin-not-allowed-next = Ouvrez directement le lien de votre invitation, ou prévenez le propriétaire du site web.
failure-access-expired-title = Votre accès a expiré
failure-access-expired-detail = Votre accès à la réunion a expiré et n'a pas pu être renouvelé.
failure-access-expired-next = Réessayez pour obtenir un nouvel accès.
failure-meeting-full-title = La réunion est complète
failure-meeting-full-detail = Aucune autre personne ne peut rejoindre cette réunion pour le moment.
failure-meeting-full-next = Réessayez plus tard, ou prévenez l'organisateur.
failure-refused-title = Le service de réunion a refusé
failure-refused-detail = Le service de réunion a refusé la demande de participation.
failure-refused-next = Réessayez. Si le problème persiste, demandez un nouveau lien à l'organisateur.
failure-service-unavailable-title = Le service de réunion n'est pas disponible
failure-service-unavailable-detail = Le service de réunion est occupé ou momentanément indisponible.
failure-service-unavailable-next = Patientez une minute, puis réessayez.
failure-rate-limited-title = Trop de tentatives
failure-rate-limited-detail = Cet appareil a tenté de rejoindre la réunion trop de fois en peu de temps.
failure-rate-limited-next = Patientez une minute, puis réessayez.
failure-network-lost-title = La connexion a été perdue
failure-network-lost-detail = Nous n'avons pas pu joindre le service de réunion.
failure-network-lost-next = Vérifiez votre connexion Internet, puis réessayez.
failure-opened-elsewhere-title = Vous êtes déjà dans la réunion ailleurs
failure-opened-elsewhere-detail = Cette réunion a été ouverte dans une autre fenêtre ou un autre onglet, qui a pris le relais.
failure-opened-elsewhere-next = Fermez l'autre fenêtre, puis continuez ici.
failure-incompatible-title = Un problème est survenu
failure-incompatible-detail = Le service de réunion a répondu d'une manière que cette page ne comprend pas.
failure-incompatible-next = Réessayez. Si le problème persiste, contactez l'organisateur.
failure-rate-limited-wait = { $seconds ->
    [one] Réessayez dans { $seconds } seconde.
   *[other] Réessayez dans { $seconds } secondes.
}
failure-retry = Réessayer
failure-retry-continue-here = Continuer ici

## Staff link check

check-title = Vérifier un lien de réunion
check-lead = Avant d'envoyer un lien à un client, vérifiez qu'un invité peut l'utiliser pour rejoindre la réunion depuis ce site web.
check-participant-name = Vérification du lien
check-joins-label = Rejoindre aussi la réunion un instant. Toutes les personnes présentes verront un participant nommé « { $name } » arriver et repartir.
check-submit = Vérifier le lien
check-joins-note = La vérification rejoint la réunion sous le nom « { $name } » et la quitte aussitôt.
check-no-join-note = Personne ne rejoint la réunion.
check-results-label = Résultats de la vérification
check-step-link = Le lien est un lien de réunion Skype for Business
check-step-guest-access = Ce service délivre un accès invité pour la réunion
check-step-meeting-service = Le service de réunion accepte les invités provenant de ce site web
check-step-guest-application = Un invité peut être configuré dans le service de réunion
check-step-join-meeting = Un invité peut entrer dans la réunion
check-state-not-checked = Non vérifié
check-state-checking = Vérification…
check-state-passed-in = Réussi en { $ms } ms
check-state-passed = Réussi
check-state-failed = Échec
check-verdict-works = Ce lien fonctionne. Les invités peuvent l'utiliser pour rejoindre la réunion depuis ce site web.
check-verdict-fails = Les invités ne peuvent pas rejoindre la réunion avec ce lien depuis ce site web. L'étape en échec indique pourquoi et que faire.
check-copy-report = Copier le rapport
check-copied = Rapport copié. Collez-le dans votre ticket ou votre e-mail.
check-copy-failed = Le navigateur n'a pas pu copier ; sélectionnez le rapport ci-dessous et copiez-le.
check-show-report = Afficher le rapport

## Link check details

check-detail-answered = { $host } a répondu { $status }{ $codes }
check-detail-no-answer = { $host } : aucune réponse lisible{ $codes }
check-detail-said = Message du service : { $reason }
check-detail-upstream = En amont : { $line }
check-detail-advice = Que faire : { $advice }
check-detail-request-id = ID de requête : { $id }
check-note-lobby = La vérification a attendu dans la salle d'attente : les invités entrent dès qu'un organisateur les admet.
check-upstream-answered = { $service } ({ $host }) a répondu { $status }{ $codes }
check-upstream-no-answer = { $service } ({ $host }) n'a pas répondu{ $codes }
check-upstream-aad-token = service de jetons d'Azure AD
check-upstream-discover = découverte de la Trusted Application API
check-upstream-applications = liste des applications de la Trusted Application API
check-upstream-application = application de la Trusted Application API
check-upstream-guest-token = jeton invité de la Trusted Application API
check-upstream-adhoc-meeting = réunion ad hoc de la Trusted Application API

## Link check advice

check-advice-host-unknown = hôte inconnu
check-advice-middle-tier-no-answer = Le middle tier ({ $host }) n'a pas répondu. Vérifiez qu'il fonctionne et qu'il est joignable d'ici.
check-advice-hidden-refusal = Le service de réunion ({ $host }) n'a donné aucune réponse que ce navigateur puisse lire. Le plus souvent, il a refusé ce site web ({ $origin }) et le navigateur a masqué ce refus : le middle tier doit inscrire { $origin } dans GUEST_JOIN_ALLOWED_ORIGINS, qu'il envoie sous la forme allowedOrigins avec chaque jeton invité. Sinon, le service de réunion n'est pas joignable d'ici.
check-advice-service-no-answer = Le service de réunion ({ $host }) n'a pas répondu. Vérifiez qu'il est joignable d'ici, puis réessayez.
check-advice-token-refused = Le service de réunion a refusé le jeton invité. Vérifiez que le middle tier et le service de réunion sont à la même heure, et que le middle tier pointe vers ce service de réunion.
check-advice-origin-refused = Le service de réunion refuse les invités provenant de ce site web ({ $origin }). Ajoutez { $origin } à GUEST_JOIN_ALLOWED_ORIGINS dans le middle tier ; un serveur local (on-premises) doit aussi l'inscrire dans sa CrossDomainAuthorizationList.
check-advice-server-origin-refused = Le serveur Skype for Business Server de l'entreprise refuse les invités provenant de ce site web ({ $origin }). Son administrateur doit ajouter { $origin } à la CrossDomainAuthorizationList du serveur (Set-CsWebServiceConfiguration).
check-advice-meeting-not-found = Le service de réunion ne connaît aucune réunion à ce lien, ou elle est terminée. Demandez un nouveau lien à l'organisateur.
check-advice-service-trouble = Le service de réunion ({ $host }) rencontre des difficultés. Réessayez dans quelques minutes ; si cela persiste, communiquez l'ID de requête au support Microsoft ou à l'administrateur du serveur.
check-advice-step-refused = Le service de réunion ({ $host }) a refusé l'étape. Communiquez les codes et l'ID de requête ci-dessus à l'équipe qui l'exploite.
check-advice-origin-not-listed = Ce site web ({ $origin }) ne figure pas dans GUEST_JOIN_ALLOWED_ORIGINS du middle tier. Ajoutez-le, ou lancez la vérification depuis un site web qui y figure.
check-advice-host-not-allowed = L'hôte du lien ne fait pas partie de ceux que le middle tier rejoint. Corrigez le lien, ou ajoutez son hôte à GUEST_JOIN_MEETING_HOSTS.
check-advice-invalid-link = Le middle tier ne reconnaît pas ceci comme un lien de réunion. Copiez à nouveau le lien depuis l'invitation à la réunion.
check-advice-no-meeting = Le service de réunion ne connaît aucune réunion à ce lien, ou elle est terminée. Vérifiez le lien avec l'organisateur, ou planifiez une nouvelle réunion.
check-advice-invitation-required = Ce middle tier n'admet les invités qu'avec une invitation signée (GUEST_JOIN_REQUIRE_INVITATION). Envoyez aux invités un lien d'invitation créé avec l'API staff.
check-advice-invitation-invalid = L'invitation n'est pas valide pour cette réunion. Créez-en une nouvelle avec l'API staff.
check-advice-invitation-expired = L'invitation a expiré. Créez-en une nouvelle avec l'API staff.
check-advice-rate-limited = Trop de requêtes d'ici en ce moment. Patientez une minute, puis vérifiez à nouveau.
check-advice-session-not-valid = Le middle tier n'a pas émis cet ID de session : il a redémarré, ou il fonctionne en plusieurs instances sans GUEST_JOIN_SESSION_KEY commune. Définissez la même clé sur chaque instance.
check-advice-microsoft-no-answer = Les services de Microsoft n'ont pas répondu au middle tier. Réessayez dans quelques minutes.
check-advice-middle-tier-broken = Le middle tier est mal configuré ou défaillant. Recherchez l'ID de requête dans son journal.
check-advice-middle-tier-refused = Le middle tier a refusé la requête. Recherchez l'ID de requête dans son journal.
check-advice-aad-credentials = Azure AD a refusé les identifiants d'application du middle tier. Vérifiez GUEST_JOIN_TENANT, GUEST_JOIN_CLIENT_ID et le secret client (il a peut-être expiré).
check-advice-app-refused = La Trusted Application API a refusé l'application : vérifiez que l'inscription de l'application dispose de l'autorisation guest-join, qu'un administrateur a donné son consentement, et que GUEST_JOIN_ENDPOINT est bien son point de terminaison.
check-advice-endpoint-unknown = La Trusted Application API ne connaît pas le point de terminaison de cette application. Vérifiez GUEST_JOIN_ENDPOINT et l'inscription de l'application.
check-advice-microsoft-unreachable = Le middle tier n'a pas pu joindre les services de Microsoft. Vérifiez son réseau, puis réessayez.
check-advice-microsoft-trouble = Les services de Microsoft rencontrent des difficultés. Réessayez dans quelques minutes ; si cela persiste, communiquez l'ID de requête.
check-advice-join-denied = Un organisateur a refusé la vérification dans la salle d'attente.
check-advice-join-lobby-timeout = Personne n'a fait entrer la vérification depuis la salle d'attente à temps.
check-advice-join-meeting-ended = La réunion s'est terminée pendant que la vérification la rejoignait.
check-advice-join-removed = Un organisateur a retiré la vérification de la réunion.
check-advice-join-not-found = Le service de réunion ne connaît aucune réunion à ce lien, ou elle est terminée.
check-advice-join-full = La réunion est complète.
check-advice-join-refused = Le service de réunion n'a pas laissé entrer la vérification. Communiquez les codes et l'ID de requête ci-dessus.
check-advice-copy-link = Copiez à nouveau le lien depuis l'invitation à la réunion : il a la forme https://meet.lync.com/<organisation>/<organisateur>/<ID de réunion>.

## Link check report

report-heading = Vérification de lien guest-join
report-result = Résultat :      { $verdict }
report-link = Lien :          { $link }
report-meeting-id = ID de réunion : { $meeting_id }
report-website = Site web :      { $website }
report-checked-at = Vérifié le :    { $started_at }
report-client = Client :        { $client }
report-step = { $number }. { $step } : { $outcome }
report-verdict-works = FONCTIONNE : les invités peuvent rejoindre la réunion avec ce lien depuis ce site web.
report-verdict-fails = ÉCHEC : les invités ne peuvent pas rejoindre la réunion avec ce lien depuis ce site web.
report-verdict-incomplete = INCOMPLET : la vérification n'était pas terminée.
report-outcome-passed-in = réussi en { $ms } ms
report-outcome-passed = réussi
report-outcome-failed = ÉCHEC
report-outcome-running = toujours en cours
report-outcome-not-run = non exécuté

language-label = Langue
