### guest-join: Spanish (español) translation of en/main.ftl.
### Tratamiento de usted. Términos: reunión (meeting), organizador (organizer), sala de espera (lobby), invitado (guest), admitir (let in), middle tier (sin traducir).

## Page

page-title = Unirse a una reunión
page-description = Únase a una reunión de Skype for Business como invitado.
page-noscript = Esta página necesita JavaScript para unirse a la reunión.
page-part-missing = Esta página no terminó de cargarse. Compruebe su conexión a Internet y vuelva a cargar la página.
page-reload = Volver a cargar la página
setup-problem = Esta página aún no está configurada: necesita <meta name="guest-join-middle-tier" content="https://…/"> con la dirección de su servicio guest-join, y <meta name="guest-join-meeting-hosts"> con los hosts de reuniones a los que da servicio. Consulte «Hosting the app yourself» en el README.
brand-logo-alt = Logotipo

## Link screen

link-title = Unirse a una reunión
link-lead = Pegue el enlace de su invitación a la reunión. No necesita una cuenta.
link-continue = Continuar

## Meeting link field

link-field-label = Enlace de la reunión
link-field-placeholder = https://meet.lync.com/…
link-field-hint = Pegue el enlace de su invitación a la reunión.
link-field-joinable = Reunión de Skype for Business Online { $meeting_id }. Puede unirse como invitado.
link-field-on-premises = Reunión de Skype for Business Server { $meeting_id }. Puede unirse como invitado.
link-error-too-long = Ese texto es demasiado largo para ser un enlace de reunión. Copie solo el enlace de su invitación.
link-error-not-a-link = Eso no parece un enlace. Los enlaces de reunión empiezan por https://
link-error-unsupported-scheme = Es un enlace { $scheme }:, no un enlace de reunión. Los enlaces de reunión empiezan por https://
link-error-insecure = Ese enlace no es seguro (http://). Pida al organizador el enlace de la reunión con https://.
link-error-teams = Es un enlace de Microsoft Teams. Ábralo en Teams; esta página sirve para unirse a reuniones de Skype for Business.
link-error-not-a-meeting = Ese enlace no lleva a una reunión. Compruebe que ha copiado el enlace completo de su invitación.
link-error-missing-meeting-id = Ese enlace de reunión parece cortado: falta el código de la reunión al final. Copie el enlace completo de su invitación.
link-error-not-a-conference = Es la dirección de Skype de una persona, no una reunión. Pida al organizador el enlace de la reunión.
link-error-has-credentials = Ese enlace contiene un nombre de usuario o una contraseña, algo que los enlaces de reunión nunca tienen. Vuelva a copiar el enlace de su invitación.

## Name screen

name-title = Unirse a la reunión
name-title-subject = Unirse a «{ $subject }»
name-meeting-id = Reunión de Skype for Business { $meeting_id }
name-label = Su nombre
name-help = Las demás personas de la reunión verán este nombre.
name-error-empty = Escriba su nombre para que los demás sepan quién es usted.
name-error-too-long = { $max ->
    [one] Ese nombre es demasiado largo; use como máximo { $max } carácter.
   *[other] Ese nombre es demasiado largo; use como máximo { $max } caracteres.
}
name-join = Unirse a la reunión
name-joining = Uniéndose…
name-change-link = Usar otro enlace

## Joining steps

joining-title = Uniéndose a la reunión
joining-title-subject = Uniéndose a «{ $subject }»
joining-cancel = Cancelar
steps-label = Progreso de la conexión
step-checking-link = Comprobando el enlace
step-getting-access = Obteniendo acceso
step-connecting = Conectando
step-waiting-in-lobby = Esperando en la sala de espera
step-in-meeting = En la reunión
step-done = (completado)
step-in-progress = (en curso)

## Lobby

lobby-title = Esperando a que le admitan
lobby-lead = El organizador de la reunión { $subject } sabe que usted está aquí y le admitirá en breve.
lobby-lead-no-subject = El organizador de la reunión sabe que usted está aquí y le admitirá en breve.
lobby-waiting-for = Tiempo de espera: { $time }
elapsed-seconds = { $seconds ->
    [one] { $seconds } segundo
   *[other] { $seconds } segundos
}
elapsed-minutes-seconds = { $minutes ->
    [one] { $minutes } minuto
   *[other] { $minutes } minutos
} { $seconds ->
    [one] { $seconds } segundo
   *[other] { $seconds } segundos
}
lobby-tab-hint = Puede cambiar a otra pestaña; el título de esta página cambiará cuando le admitan.
lobby-notify-me = Avisarme cuando me admitan
lobby-leave = Salir

## Browser tab titles

tab-title-joining = Uniéndose a { $subject }…
tab-title-joining-no-subject = Uniéndose a la reunión…
tab-title-lobby = Esperando a que le admitan – { $subject }
tab-title-lobby-no-subject = Esperando a que le admitan – reunión
tab-title-meeting = En { $subject }
tab-title-meeting-no-subject = En la reunión
tab-title-meeting-unread = ({ $count }) En { $subject }
tab-title-meeting-unread-no-subject = ({ $count }) En la reunión

## Announcements and notifications

notify-admitted-title = Ya está en la reunión
notify-admitted-body = Le han admitido en «{ $subject }».
notify-admitted-body-no-subject = Le han admitido en la reunión.
announce-admitted = Le han admitido. Ya está en la reunión.
announce-lobby = Está en la sala de espera. El organizador le admitirá.
announce-in-meeting = Está en «{ $subject }».
announce-in-meeting-no-subject = Está en la reunión.
announce-participant-joined = { $name } se ha unido.
announce-participant-left = { $name } ha salido.
announce-message = { $sender } dice: { $text }
notify-message-title = Nuevo mensaje de { $sender }
announce-message-failed = No se pudo enviar su mensaje. Puede volver a intentarlo.
announce-send-failed = No se pudo enviar el mensaje.
announce-reconnecting = Se ha perdido la conexión. Reconectando…
announce-reconnected = Conexión restablecida.

## Meeting screen

meeting-title-fallback = Reunión
meeting-status-in = Está en la reunión
meeting-status-leaving = Saliendo…
meeting-status-reconnecting = Reconectando…
meeting-notify-me = Avisarme de los mensajes nuevos
meeting-leave = Salir
meeting-reconnecting-banner = Se ha perdido la conexión. Reconectando… Sus mensajes se conservan.

## People

roster-title = Personas ({ $count })
roster-lobby-count = { $count ->
    [one] { $count } persona espera en la sala de espera
   *[other] { $count } personas esperan en la sala de espera
}
roster-you = Usted
roster-you-badge = Invitado
roster-organizer = Organizador
roster-origin-guest = Invitado
roster-origin-skype = Skype
roster-origin-other-organisation = Invitado de otra organización

## Join by phone

dial-in-title = Unirse por teléfono
dial-in-call = Llamar
dial-in-toll-free = { $region } (gratuito)
dial-in-conference-id = Id. de conferencia: { $id }
dial-in-more-numbers = Más números

## Chat

chat-title = Chat
chat-log-label = Mensajes
chat-empty = Todavía no hay mensajes.
chat-new-messages = Mensajes nuevos
chat-sender-you = Usted
chat-sending = Enviando…
chat-sent = Enviado
chat-not-sent = No enviado.
chat-retry = Volver a intentarlo
typing-one = { $name } está escribiendo…
typing-two = { $first } y { $second } están escribiendo…
typing-several = Varias personas están escribiendo…
chat-input-label = Mensaje
chat-placeholder = Escriba un mensaje
chat-placeholder-connecting = El chat se está conectando… ya puede escribir
chat-input-help = Pulse Intro para enviar y Mayús+Intro para una línea nueva.
chat-send = Enviar

## After the meeting

outcome-left-title = Ha salido de la reunión
outcome-left-detail = Ya no está en la reunión.
outcome-left-next = Si salió por error, puede volver a unirse.
outcome-ended-title = La reunión ha terminado
outcome-ended-detail = El organizador finalizó la reunión, por lo que todos salieron.
outcome-ended-next = Si el organizador la vuelve a iniciar, puede volver a unirse con el mismo enlace.
outcome-removed-title = Le han quitado de la reunión
outcome-removed-detail = Un organizador le ha quitado de la reunión.
outcome-removed-next = Si cree que se trata de un error, puede volver a pedir unirse.
outcome-denied-title = No le han admitido
outcome-denied-detail = El organizador no le admitió desde la sala de espera.
outcome-denied-next = Compruebe con el organizador que se trata de la reunión y la hora correctas y, después, vuelva a pedir unirse.
outcome-lobby-timeout-title = Nadie le ha admitido
outcome-lobby-timeout-detail = Esperó en la sala de espera, pero nadie le admitió a tiempo.
outcome-lobby-timeout-next = Es posible que el organizador aún no haya empezado. Vuelva a pedir unirse dentro de unos minutos.
outcome-retry-rejoin = Volver a unirse
outcome-retry-ask-again = Volver a pedir unirse
outcome-change-link = Usar otro enlace

## Join failed

failure-link-not-usable-title = Este enlace no se puede usar aquí
failure-link-not-usable-detail = No es posible unirse a esta reunión a través de esta página con este enlace.
failure-link-not-usable-next = Compruebe que ha copiado el enlace completo o pida uno nuevo al organizador.
failure-meeting-not-found-title = Este enlace no lleva a ninguna reunión en curso
failure-meeting-not-found-detail = Es posible que la reunión haya terminado o se haya cancelado, o que el enlace esté desactualizado.
failure-meeting-not-found-next = Pida un enlace nuevo al organizador.
failure-invitation-required-title = Necesita su enlace de invitación
failure-invitation-required-detail = Solo es posible unirse a esta reunión con el enlace personal de su invitación.
failure-invitation-required-next = Abra el enlace de su mensaje de invitación.
failure-invitation-invalid-title = Esta invitación no es válida
failure-invitation-invalid-detail = El enlace de invitación está dañado o pertenece a otra reunión.
failure-invitation-invalid-next = Vuelva a abrir el enlace de su mensaje de invitación o pida una invitación nueva.
failure-invitation-expired-title = Esta invitación ha caducado
failure-invitation-expired-detail = Los enlaces de invitación solo funcionan durante un tiempo limitado.
failure-invitation-expired-next = Pida un enlace nuevo a la persona que le invitó.
failure-origin-not-allowed-title = Este sitio web no puede unirse a la reunión
failure-origin-not-allowed-detail = Este sitio web no tiene permiso para conectarse al servicio de reuniones.
failure-origin-not-allowed-next = Abra directamente el enlace de su invitación o avise al responsable del sitio web.
failure-access-expired-title = Su acceso ha caducado
failure-access-expired-detail = Su acceso a la reunión ha caducado y no se ha podido renovar.
failure-access-expired-next = Vuelva a intentarlo para obtener un acceso nuevo.
failure-meeting-full-title = La reunión está completa
failure-meeting-full-detail = En este momento no pueden unirse más personas a esta reunión.
failure-meeting-full-next = Vuelva a intentarlo más tarde o avise al organizador.
failure-refused-title = El servicio de reuniones lo ha rechazado
failure-refused-detail = El servicio de reuniones rechazó la solicitud para unirse.
failure-refused-next = Vuelva a intentarlo. Si sigue ocurriendo, pida un enlace nuevo al organizador.
failure-service-unavailable-title = El servicio de reuniones no está disponible
failure-service-unavailable-detail = El servicio de reuniones está ocupado o fuera de servicio en este momento.
failure-service-unavailable-next = Espere un minuto y vuelva a intentarlo.
failure-rate-limited-title = Demasiados intentos
failure-rate-limited-detail = Este dispositivo ha intentado unirse demasiadas veces en poco tiempo.
failure-rate-limited-next = Espere un minuto y vuelva a intentarlo.
failure-network-lost-title = Se ha perdido la conexión
failure-network-lost-detail = No hemos podido conectar con el servicio de reuniones.
failure-network-lost-next = Compruebe su conexión a Internet y vuelva a intentarlo.
failure-opened-elsewhere-title = Ya está en la reunión en otro lugar
failure-opened-elsewhere-detail = Esta reunión se abrió en otra ventana o pestaña, que la ha asumido.
failure-opened-elsewhere-next = Cierre la otra ventana y, después, continúe aquí.
failure-incompatible-title = Se ha producido un error
failure-incompatible-detail = El servicio de reuniones respondió de una forma que esta página no entiende.
failure-incompatible-next = Vuelva a intentarlo. Si sigue ocurriendo, póngase en contacto con el organizador.
failure-rate-limited-wait = { $seconds ->
    [one] Vuelva a intentarlo dentro de { $seconds } segundo.
   *[other] Vuelva a intentarlo dentro de { $seconds } segundos.
}
failure-retry = Volver a intentarlo
failure-retry-continue-here = Continuar aquí

## Staff link check

check-title = Comprobar un enlace de reunión
check-lead = Antes de enviar un enlace a un cliente, compruebe que un invitado puede unirse con él desde este sitio web.
check-participant-name = Comprobación de enlace
check-joins-label = Unirse también a la reunión un momento. Todos los presentes verán entrar y salir a un participante llamado «{ $name }».
check-submit = Comprobar enlace
check-joins-note = La comprobación se une a la reunión como «{ $name }» y sale de inmediato.
check-no-join-note = Nadie se une a la reunión.
check-results-label = Resultados de la comprobación
check-step-link = El enlace es un enlace de reunión de Skype for Business
check-step-guest-access = Este servicio concede acceso de invitado a la reunión
check-step-meeting-service = El servicio de reuniones acepta invitados desde este sitio web
check-step-guest-application = Se puede configurar un invitado en el servicio de reuniones
check-step-join-meeting = Un invitado puede entrar en la reunión
check-state-not-checked = Sin comprobar
check-state-checking = Comprobando…
check-state-passed-in = Correcto en { $ms } ms
check-state-passed = Correcto
check-state-failed = Error
check-verdict-works = Este enlace funciona. Los invitados pueden unirse con él desde este sitio web.
check-verdict-fails = Los invitados no pueden unirse con este enlace desde este sitio web. El paso con error indica el motivo y qué hacer.
check-copy-report = Copiar informe
check-copied = Informe copiado. Péguelo en su incidencia o correo electrónico.
check-copy-failed = El navegador no ha podido copiar; seleccione el informe de abajo y cópielo.
check-show-report = Mostrar el informe

## Link check details

check-detail-answered = { $host } respondió { $status }{ $codes }
check-detail-no-answer = { $host }: ninguna respuesta legible{ $codes }
check-detail-said = Mensaje del servicio: { $reason }
check-detail-upstream = Servicio de origen: { $line }
check-detail-advice = Qué hacer: { $advice }
check-detail-request-id = Id. de solicitud: { $id }
check-note-lobby = La comprobación esperó en la sala de espera: los invitados entran cuando un organizador los admite.
check-upstream-answered = { $service } ({ $host }) respondió { $status }{ $codes }
check-upstream-no-answer = { $service } ({ $host }) no respondió{ $codes }
check-upstream-aad-token = servicio de tokens de Azure AD
check-upstream-discover = detección de la Trusted Application API
check-upstream-applications = lista de aplicaciones de la Trusted Application API
check-upstream-application = aplicación de la Trusted Application API
check-upstream-guest-token = token de invitado de la Trusted Application API
check-upstream-adhoc-meeting = reunión ad hoc de la Trusted Application API

## Link check advice

check-advice-host-unknown = host desconocido
check-advice-middle-tier-no-answer = El middle tier ({ $host }) no respondió. Compruebe que está en funcionamiento y que se puede acceder a él desde aquí.
check-advice-hidden-refusal = El servicio de reuniones ({ $host }) no dio ninguna respuesta que este navegador pueda leer. Lo más habitual es que haya rechazado este sitio web ({ $origin }) y que el navegador haya ocultado el rechazo: el middle tier debe incluir { $origin } en GUEST_JOIN_ALLOWED_ORIGINS, que envía como allowedOrigins con cada token de invitado. De lo contrario, no se puede acceder al servicio de reuniones desde aquí.
check-advice-service-no-answer = El servicio de reuniones ({ $host }) no respondió. Compruebe que se puede acceder a él desde aquí y vuelva a intentarlo.
check-advice-token-refused = El servicio de reuniones rechazó el token de invitado. Compruebe que el middle tier y el servicio de reuniones tienen la misma hora y que el middle tier apunta a este servicio de reuniones.
check-advice-origin-refused = El servicio de reuniones rechaza a los invitados de este sitio web ({ $origin }). Añada { $origin } a GUEST_JOIN_ALLOWED_ORIGINS del middle tier; un servidor local (on-premises) también debe incluirlo en su CrossDomainAuthorizationList.
check-advice-server-origin-refused = El Skype for Business Server de la empresa rechaza a los invitados de este sitio web ({ $origin }). Su administrador debe añadir { $origin } a la CrossDomainAuthorizationList del servidor (Set-CsWebServiceConfiguration).
check-advice-meeting-not-found = El servicio de reuniones no conoce ninguna reunión en este enlace, o ya ha terminado. Pida un enlace nuevo al organizador.
check-advice-service-trouble = El servicio de reuniones ({ $host }) tiene problemas. Vuelva a intentarlo dentro de unos minutos; si persiste, facilite el id. de solicitud al soporte de Microsoft o al administrador del servidor.
check-advice-step-refused = El servicio de reuniones ({ $host }) rechazó el paso. Facilite los códigos y el id. de solicitud anteriores a quien lo gestione.
check-advice-origin-not-listed = Este sitio web ({ $origin }) no está en GUEST_JOIN_ALLOWED_ORIGINS del middle tier. Añádalo allí o realice la comprobación desde un sitio web incluido.
check-advice-host-not-allowed = El host del enlace no es uno de los que admite el middle tier. Corrija el enlace o añada su host a GUEST_JOIN_MEETING_HOSTS.
check-advice-invalid-link = El middle tier no reconoce esto como un enlace de reunión. Vuelva a copiar el enlace de la invitación a la reunión.
check-advice-no-meeting = El servicio de reuniones no conoce ninguna reunión en este enlace, o ya ha terminado. Compruebe el enlace con el organizador o programe una reunión nueva.
check-advice-invitation-required = Este middle tier solo admite invitados con una invitación firmada (GUEST_JOIN_REQUIRE_INVITATION). Envíe a los invitados un enlace de invitación creado con la API staff.
check-advice-invitation-invalid = La invitación no es válida para esta reunión. Cree una nueva con la API staff.
check-advice-invitation-expired = La invitación ha caducado. Cree una nueva con la API staff.
check-advice-rate-limited = Demasiadas solicitudes desde aquí en este momento. Espere un minuto y vuelva a comprobarlo.
check-advice-session-not-valid = El middle tier no emitió este id. de sesión: se reinició, o se ejecuta en varias instancias sin una GUEST_JOIN_SESSION_KEY compartida. Configure la misma clave en todas las instancias.
check-advice-microsoft-no-answer = Los servicios de Microsoft no respondieron al middle tier. Vuelva a intentarlo dentro de unos minutos.
check-advice-middle-tier-broken = El middle tier está mal configurado o averiado. Busque el id. de solicitud en su registro.
check-advice-middle-tier-refused = El middle tier rechazó la solicitud. Busque el id. de solicitud en su registro.
check-advice-aad-credentials = Azure AD rechazó las credenciales de aplicación del middle tier. Compruebe GUEST_JOIN_TENANT, GUEST_JOIN_CLIENT_ID y el secreto de cliente (puede haber caducado).
check-advice-app-refused = La Trusted Application API rechazó la aplicación: compruebe que el registro de la aplicación tiene el permiso guest-join, que un administrador dio su consentimiento y que GUEST_JOIN_ENDPOINT es su punto de conexión.
check-advice-endpoint-unknown = La Trusted Application API no conoce el punto de conexión de esta aplicación. Compruebe GUEST_JOIN_ENDPOINT y el registro de la aplicación.
check-advice-microsoft-unreachable = El middle tier no pudo conectar con los servicios de Microsoft. Compruebe su red y vuelva a intentarlo.
check-advice-microsoft-trouble = Los servicios de Microsoft tienen problemas. Vuelva a intentarlo dentro de unos minutos; si persiste, facilite el id. de solicitud.
check-advice-join-denied = Un organizador rechazó la comprobación en la sala de espera.
check-advice-join-lobby-timeout = Nadie admitió la comprobación desde la sala de espera a tiempo.
check-advice-join-meeting-ended = La reunión terminó mientras la comprobación se unía.
check-advice-join-removed = Un organizador quitó la comprobación de la reunión.
check-advice-join-not-found = El servicio de reuniones no conoce ninguna reunión en este enlace, o ya ha terminado.
check-advice-join-full = La reunión está completa.
check-advice-join-refused = El servicio de reuniones no dejó entrar a la comprobación. Facilite los códigos y el id. de solicitud anteriores.
check-advice-copy-link = Vuelva a copiar el enlace de la invitación a la reunión: tiene la forma https://meet.lync.com/<organización>/<organizador>/<id. de reunión>.

## Link check report

report-heading = Comprobación de enlace de guest-join
report-result = Resultado:      { $verdict }
report-link = Enlace:         { $link }
report-meeting-id = Id. de reunión: { $meeting_id }
report-website = Sitio web:      { $website }
report-checked-at = Comprobado el:  { $started_at }
report-client = Cliente:        { $client }
report-step = { $number }. { $step }: { $outcome }
report-verdict-works = FUNCIONA: los invitados pueden unirse con este enlace desde este sitio web.
report-verdict-fails = FALLA: los invitados no pueden unirse con este enlace desde este sitio web.
report-verdict-incomplete = INCOMPLETO: la comprobación no había terminado.
report-outcome-passed-in = correcto en { $ms } ms
report-outcome-passed = correcto
report-outcome-failed = ERROR
report-outcome-running = aún en curso
report-outcome-not-run = no ejecutado

language-label = Idioma
