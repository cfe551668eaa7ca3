### guest-join: Portuguese, Brazil (português do Brasil) translation of en/main.ftl.
### Tratamento: você. Termos: reunião (meeting), organizador (organizer), sala de espera (lobby), convidado (guest), admitir (let in), middle tier (sem tradução).

## Page

page-title = Participar de uma reunião
page-description = Participe de uma reunião do Skype for Business como convidado.
page-noscript = Esta página precisa de JavaScript para você participar da reunião.
page-part-missing = Esta página não terminou de carregar. Verifique sua conexão com a internet e recarregue a página.
page-reload = Recarregar a página
setup-problem = Esta página ainda não está configurada: ela precisa de <meta name="guest-join-middle-tier" content="https://…/"> com o endereço do seu serviço guest-join e de <meta name="guest-join-meeting-hosts"> com os hosts de reunião que ela atende. Consulte “Hosting the app yourself” no README.
brand-logo-alt = Logotipo

## Link screen

link-title = Participar de uma reunião
link-lead = Cole o link do seu convite para a reunião. Você não precisa de uma conta.
link-continue = Continuar

## Meeting link field

link-field-label = Link da reunião
link-field-placeholder = https://meet.lync.com/…
link-field-hint = Cole o link do seu convite para a reunião.
link-field-joinable = Reunião do Skype for Business Online { $meeting_id }. Você pode participar como convidado.
link-field-on-premises = Reunião do Skype for Business Server { $meeting_id }. Você pode participar como convidado.
link-error-too-long = Esse texto é longo demais para ser um link de reunião. Copie apenas o link do seu convite.
link-error-not-a-link = Isso não parece um link. Links de reunião começam com https://
link-error-unsupported-scheme = Esse é um link { $scheme }:, não um link de reunião. Links de reunião começam com https://
link-error-insecure = Esse link não é seguro (http://). Peça ao organizador o link da reunião com https://.
link-error-teams = Esse é um link do Microsoft Teams. Abra-o no Teams; esta página serve para participar de reuniões do Skype for Business.
link-error-not-a-meeting = Esse link não leva a uma reunião. Verifique se você copiou o link completo do seu convite.
link-error-missing-meeting-id = Esse link de reunião parece cortado: falta o código da reunião no final. Copie o link completo do seu convite.
link-error-not-a-conference = Esse é o endereço do Skype de uma pessoa, não uma reunião. Peça ao organizador o link da reunião.
link-error-has-credentials = Esse link contém um nome de usuário ou uma senha, o que links de reunião nunca têm. Copie o link do seu convite novamente.

## Name screen

name-title = Participar da reunião
name-title-subject = Participar de “{ $subject }”
name-meeting-id = Reunião do Skype for Business { $meeting_id }
name-label = Seu nome
name-help = As outras pessoas na reunião verão este nome.
name-error-empty = Digite seu nome para que as outras pessoas saibam quem você é.
name-error-too-long = { $max ->
    [one] Esse nome é longo demais; use no máximo { $max } caractere.
   *[other] Esse nome é longo demais; use no máximo { $max } caracteres.
}
name-join = Participar da reunião
name-joining = Entrando…
name-change-link = Usar outro link

## Joining steps

joining-title = Entrando na reunião
joining-title-subject = Entrando em “{ $subject }”
joining-cancel = Cancelar
steps-label = Progresso da entrada
step-checking-link = Verificando o link
step-getting-access = Obtendo acesso
step-connecting = Conectando
step-waiting-in-lobby = Aguardando na sala de espera
step-in-meeting = Na reunião
step-done = (concluído)
step-in-progress = (em andamento)

## Lobby

lobby-title = Aguardando admissão
lobby-lead = O organizador da reunião { $subject } sabe que você está aqui e vai liberar sua entrada.
lobby-lead-no-subject = O organizador da reunião sabe que você está aqui e vai liberar sua entrada.
lobby-waiting-for = Tempo de espera: { $time }
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
lobby-tab-hint = Você pode mudar para outra guia; o título desta página muda quando sua entrada for liberada.
lobby-notify-me = Avisar quando minha entrada for liberada
lobby-leave = Sair

## Browser tab titles

tab-title-joining = Entrando em { $subject }…
tab-title-joining-no-subject = Entrando na reunião…
tab-title-lobby = Aguardando admissão – { $subject }
tab-title-lobby-no-subject = Aguardando admissão – reunião
tab-title-meeting = Em { $subject }
tab-title-meeting-no-subject = Na reunião
tab-title-meeting-unread = ({ $count }) Em { $subject }
tab-title-meeting-unread-no-subject = ({ $count }) Na reunião

## Announcements and notifications

notify-admitted-title = Você está na reunião
notify-admitted-body = Sua entrada em “{ $subject }” foi liberada.
notify-admitted-body-no-subject = Sua entrada na reunião foi liberada.
announce-admitted = Sua entrada foi liberada. Você está na reunião.
announce-lobby = Você está na sala de espera. O organizador vai liberar sua entrada.
announce-in-meeting = Você está em “{ $subject }”.
announce-in-meeting-no-subject = Você está na reunião.
announce-participant-joined = { $name } entrou.
announce-participant-left = { $name } saiu.
announce-message = { $sender } diz: { $text }
notify-message-title = Nova mensagem de { $sender }
announce-message-failed = Não foi possível enviar sua mensagem. Você pode tentar novamente.
announce-send-failed = Não foi possível enviar a mensagem.
announce-reconnecting = A conexão caiu. Reconectando…
announce-reconnected = Reconectado.

## Meeting screen

meeting-title-fallback = Reunião
meeting-status-in = Você está na reunião
meeting-status-leaving = Saindo…
meeting-status-reconnecting = Reconectando…
meeting-notify-me = Avisar sobre novas mensagens
meeting-leave = Sair
meeting-reconnecting-banner = A conexão caiu. Reconectando… Suas mensagens estão preservadas.

## People

roster-title = Pessoas ({ $count })
roster-lobby-count = { $count ->
    [one] { $count } pessoa está aguardando na sala de espera
   *[other] { $count } pessoas estão aguardando na sala de espera
}
roster-you = Você
roster-you-badge = Convidado
roster-organizer = Organizador
roster-origin-guest = Convidado
roster-origin-skype = Skype
roster-origin-other-organisation = Convidado de outra organização

## Join by phone

dial-in-title = Participar por telefone
dial-in-call = Ligar
dial-in-toll-free = { $region } (gratuito)
dial-in-conference-id = ID da conferência: { $id }
dial-in-more-numbers = Mais números

## Chat

chat-title = Chat
chat-log-label = Mensagens
chat-empty = Nenhuma mensagem ainda.
chat-new-messages = Novas mensagens
chat-sender-you = Você
chat-sending = Enviando…
chat-sent = Enviada
chat-not-sent = Não enviada.
chat-retry = Tentar novamente
typing-one = { $name } está digitando…
typing-two = { $first } e { $second } estão digitando…
typing-several = Várias pessoas estão digitando…
chat-input-label = Mensagem
chat-placeholder = Digite uma mensagem
chat-placeholder-connecting = O chat está conectando… você já pode digitar
chat-input-help = Pressione Enter para enviar e Shift+Enter para uma nova linha.
chat-send = Enviar

## After the meeting

outcome-left-title = Você saiu da reunião
outcome-left-detail = Você não está mais na reunião.
outcome-left-next = Se você saiu por engano, pode voltar a participar.
outcome-ended-title = A reunião terminou
outcome-ended-detail = O organizador encerrou a reunião, e todos saíram.
outcome-ended-next = Se o organizador iniciar a reunião de novo, você poderá voltar a participar com o mesmo link.
outcome-removed-title = Você foi removido da reunião
outcome-removed-detail = Um organizador removeu você da reunião.
outcome-removed-next = Se você acha que isso foi um engano, pode pedir para participar novamente.
outcome-denied-title = Sua entrada não foi liberada
outcome-denied-detail = O organizador não liberou sua entrada a partir da sala de espera.
outcome-denied-next = Confirme com o organizador se esta é a reunião e o horário certos e depois peça para participar novamente.
outcome-lobby-timeout-title = Ninguém liberou sua entrada
outcome-lobby-timeout-detail = Você aguardou na sala de espera, mas ninguém liberou sua entrada a tempo.
outcome-lobby-timeout-next = Talvez o organizador ainda não tenha começado. Peça para participar novamente em alguns minutos.
outcome-retry-rejoin = Voltar a participar
outcome-retry-ask-again = Pedir para participar novamente
outcome-change-link = Usar outro link

## Join failed

failure-link-not-usable-title = Este link não pode ser usado aqui
failure-link-not-usable-detail = Não é possível participar desta reunião por esta página com este link.
failure-link-not-usable-next = Verifique se você copiou o link completo ou peça um novo ao organizador.
failure-meeting-not-found-title = Este link não leva a uma reunião em andamento
failure-meeting-not-found-detail = A reunião pode ter terminado ou sido cancelada, ou o link pode estar desatualizado.
failure-meeting-not-found-next = Peça um novo link ao organizador.
failure-invitation-required-title = Você precisa do seu link de convite
failure-invitation-required-detail = Só é possível participar desta reunião com o link pessoal do seu convite.
failure-invitation-required-next = Abra o link da sua mensagem de convite.
failure-invitation-invalid-title = Este convite não é válido
failure-invitation-invalid-detail = O link do convite está danificado ou pertence a outra reunião.
failure-invitation-invalid-next = Abra novamente o link da sua mensagem de convite ou peça um novo convite.
failure-invitation-expired-title = Este convite expirou
failure-invitation-expired-detail = Os links de convite só funcionam por tempo limitado.
failure-invitation-expired-next = Peça um novo link à pessoa que convidou você.
failure-origin-not-allowed-title = Este site não pode participar da reunião
failure-origin-not-allowed-detail = Este site não tem permissão para se conectar ao serviço de reuniões.
failure-origin-not-allowed-next = Abra o link do seu convite diretamente ou avise o responsável pelo site.
failure-access-expired-title = Seu acesso expirou
failure-access-expired-detail = Seu acesso à reunião expirou e não pôde ser renovado.
failure-access-expired-next = Tente novamente para obter um novo acesso.
failure-meeting-full-title = A reunião está lotada
failure-meeting-full-detail = No momento, mais nenhuma pessoa pode participar desta reunião.
failure-meeting-full-next = Tente novamente mais tarde ou avise o organizador.
failure-refused-title = O serviço de reuniões recusou
failure-refused-detail = O serviço de reuniões recusou o pedido de participação.
failure-refused-next = Tente novamente. Se continuar acontecendo, peça um novo link ao organizador.
failure-service-unavailable-title = O serviço de reuniões não está disponível
failure-service-unavailable-detail = O serviço de reuniões está ocupado ou fora do ar no momento.
failure-service-unavailable-next = Aguarde um minuto e tente novamente.
failure-rate-limited-title = Tentativas demais
failure-rate-limited-detail = Este dispositivo tentou participar vezes demais em pouco tempo.
failure-rate-limited-next = Aguarde um minuto e tente novamente.
failure-network-lost-title = A conexão foi perdida
failure-network-lost-detail = Não conseguimos acessar o serviço de reuniões.
failure-network-lost-next = Verifique sua conexão com a internet e tente novamente.
failure-opened-elsewhere-title = Você está na reunião em outro lugar
failure-opened-elsewhere-detail = Esta reunião foi aberta em outra janela ou guia, que assumiu o controle.
failure-opened-elsewhere-next = Feche a outra janela e depois continue aqui.
failure-incompatible-title = Algo deu errado
failure-incompatible-detail = O serviço de reuniões respondeu de uma forma que esta página não entende.
failure-incompatible-next = Tente novamente. Se continuar acontecendo, entre em contato com o organizador.
failure-rate-limited-wait = { $seconds ->
    [one] Tente novamente em { $seconds } segundo.
   *[other] Tente novamente em { $seconds } segundos.
}
failure-retry = Tentar novamente
failure-retry-continue-here = Continuar aqui

## Staff link check

check-title = Verificar um link de reunião
check-lead = Antes de enviar um link a um cliente, verifique se um convidado consegue participar com ele a partir deste site.
check-participant-name = Verificação de link
check-joins-label = Também entrar na reunião por um instante. Todos os presentes verão um participante chamado “{ $name }” entrar e sair.
check-submit = Verificar link
check-joins-note = A verificação entra na reunião como “{ $name }” e sai imediatamente.
check-no-join-note = Ninguém entra na reunião.
check-results-label = Resultados da verificação
check-step-link = O link é um link de reunião do Skype for Business
check-step-guest-access = Este serviço concede acesso de convidado à reunião
check-step-meeting-service = O serviço de reuniões aceita convidados deste site
check-step-guest-application = Um convidado pode ser configurado no serviço de reuniões
check-step-join-meeting = Um convidado pode entrar na reunião
check-state-not-checked = Não verificado
check-state-checking = Verificando…
check-state-passed-in = Aprovado em { $ms } ms
check-state-passed = Aprovado
check-state-failed = Falhou
check-verdict-works = Este link funciona. Os convidados podem participar com ele a partir deste site.
check-verdict-fails = Os convidados não conseguem participar com este link a partir deste site. A etapa que falhou informa o motivo e o que fazer.
check-copy-report = Copiar relatório
check-copied = Relatório copiado. Cole-o no seu chamado ou e-mail.
check-copy-failed = O navegador não conseguiu copiar; selecione o relatório abaixo e copie-o.
check-show-report = Mostrar o relatório

## Link check details

check-detail-answered = { $host } respondeu { $status }{ $codes }
check-detail-no-answer = { $host }: nenhuma resposta legível{ $codes }
check-detail-said = Mensagem do serviço: { $reason }
check-detail-upstream = Serviço de origem: { $line }
check-detail-advice = O que fazer: { $advice }
check-detail-request-id = ID da solicitação: { $id }
check-note-lobby = A verificação aguardou na sala de espera: os convidados entram quando um organizador os admite.
check-upstream-answered = { $service } ({ $host }) respondeu { $status }{ $codes }
check-upstream-no-answer = { $service } ({ $host }) não respondeu{ $codes }
check-upstream-aad-token = serviço de tokens do Azure AD
check-upstream-discover = descoberta da Trusted Application API
check-upstream-applications = lista de aplicativos da Trusted Application API
check-upstream-application = aplicativo da Trusted Application API
check-upstream-guest-token = token de convidado da Trusted Application API
check-upstream-adhoc-meeting = reunião ad hoc da Trusted Application API

## Link check advice

check-advice-host-unknown = host desconhecido
check-advice-middle-tier-no-answer = O middle tier ({ $host }) não respondeu. Verifique se ele está em execução e se pode ser acessado daqui.
check-advice-hidden-refusal = O serviço de reuniões ({ $host }) não deu nenhuma resposta que este navegador possa ler. Na maioria das vezes, ele recusou este site ({ $origin }) e o navegador ocultou a recusa: o middle tier deve incluir { $origin } em GUEST_JOIN_ALLOWED_ORIGINS, que ele envia como allowedOrigins com cada token de convidado. Caso contrário, o serviço de reuniões não pode ser acessado daqui.
check-advice-service-no-answer = O serviço de reuniões ({ $host }) não respondeu. Verifique se ele pode ser acessado daqui e tente novamente.
check-advice-token-refused = O serviço de reuniões recusou o token de convidado. Verifique se o middle tier e o serviço de reuniões estão com o mesmo horário e se o middle tier aponta para este serviço de reuniões.
check-advice-origin-refused = O serviço de reuniões recusa convidados deste site ({ $origin }). Adicione { $origin } a GUEST_JOIN_ALLOWED_ORIGINS do middle tier; um servidor local (on-premises) também precisa incluí-lo na sua CrossDomainAuthorizationList.
check-advice-server-origin-refused = O Skype for Business Server da empresa recusa convidados deste site ({ $origin }). O administrador do servidor precisa adicionar { $origin } à CrossDomainAuthorizationList dele (Set-CsWebServiceConfiguration).
check-advice-meeting-not-found = O serviço de reuniões não conhece nenhuma reunião neste link, ou ela já terminou. Peça um novo link ao organizador.
check-advice-service-trouble = O serviço de reuniões ({ $host }) está com problemas. Tente novamente em alguns minutos; se persistir, informe o ID da solicitação ao suporte da Microsoft ou ao administrador do servidor.
check-advice-step-refused = O serviço de reuniões ({ $host }) recusou a etapa. Informe os códigos e o ID da solicitação acima a quem administra o serviço.
check-advice-origin-not-listed = Este site ({ $origin }) não está em GUEST_JOIN_ALLOWED_ORIGINS do middle tier. Adicione-o lá ou execute a verificação a partir de um site listado.
check-advice-host-not-allowed = O host do link não é um dos que o middle tier atende. Corrija o link ou adicione o host dele a GUEST_JOIN_MEETING_HOSTS.
check-advice-invalid-link = O middle tier não reconhece isto como um link de reunião. Copie o link novamente do convite da reunião.
check-advice-no-meeting = O serviço de reuniões não conhece nenhuma reunião neste link, ou ela já terminou. Confira o link com o organizador ou agende uma nova reunião.
check-advice-invitation-required = Este middle tier só admite convidados com um convite assinado (GUEST_JOIN_REQUIRE_INVITATION). Envie aos convidados um link de convite criado com a API staff.
check-advice-invitation-invalid = O convite não é válido para esta reunião. Crie um novo com a API staff.
check-advice-invitation-expired = O convite expirou. Crie um novo com a API staff.
check-advice-rate-limited = Solicitações demais daqui neste momento. Aguarde um minuto e verifique novamente.
check-advice-session-not-valid = O middle tier não emitiu este ID de sessão: ele foi reiniciado ou está sendo executado em várias instâncias sem uma GUEST_JOIN_SESSION_KEY compartilhada. Defina a mesma chave em todas as instâncias.
check-advice-microsoft-no-answer = Os serviços da Microsoft não responderam ao middle tier. Tente novamente em alguns minutos.
check-advice-middle-tier-broken = O middle tier está mal configurado ou com defeito. Procure o ID da solicitação no log dele.
check-advice-middle-tier-refused = O middle tier recusou a solicitação. Procure o ID da solicitação no log dele.
check-advice-aad-credentials = O Azure AD recusou as credenciais de aplicativo do middle tier. Verifique GUEST_JOIN_TENANT, GUEST_JOIN_CLIENT_ID e o segredo do cliente (ele pode ter expirado).
check-advice-app-refused = A Trusted Application API recusou o aplicativo: verifique se o registro do aplicativo tem a permissão guest-join, se um administrador deu consentimento e se GUEST_JOIN_ENDPOINT é o ponto de extremidade dele.
check-advice-endpoint-unknown = A Trusted Application API não conhece o ponto de extremidade deste aplicativo. Verifique GUEST_JOIN_ENDPOINT e o registro do aplicativo.
check-advice-microsoft-unreachable = O middle tier não conseguiu acessar os serviços da Microsoft. Verifique a rede dele e tente novamente.
check-advice-microsoft-trouble = Os serviços da Microsoft estão com problemas. Tente novamente em alguns minutos; se persistir, informe o ID da solicitação.
check-advice-join-denied = Um organizador recusou a verificação na sala de espera.
check-advice-join-lobby-timeout = Ninguém admitiu a verificação da sala de espera a tempo.
check-advice-join-meeting-ended = A reunião terminou enquanto a verificação entrava.
check-advice-join-removed = Um organizador removeu a verificação da reunião.
check-advice-join-not-found = O serviço de reuniões não conhece nenhuma reunião neste link, ou ela já terminou.
check-advice-join-full = A reunião está lotada.
check-advice-join-refused = O serviço de reuniões não deixou a verificação entrar. Informe os códigos e o ID da solicitação acima.
check-advice-copy-link = Copie o link novamente do convite da reunião: ele tem a forma https://meet.lync.com/<organização>/<organizador>/<ID da reunião>.

## Link check report

report-heading = Verificação de link do guest-join
report-result = Resultado:     { $verdict }
report-link = Link:          { $link }
report-meeting-id = ID da reunião: { $meeting_id }
report-website = Site:          { $website }
report-checked-at = Verificado em: { $started_at }
report-client = Cliente:       { $client }
report-step = { $number }. { $step }: { $outcome }
report-verdict-works = FUNCIONA: os convidados podem participar com este link a partir deste site.
report-verdict-fails = FALHA: os convidados não conseguem participar com este link a partir deste site.
report-verdict-incomplete = INCOMPLETO: a verificação não tinha terminado.
report-outcome-passed-in = aprovado em { $ms } ms
report-outcome-passed = aprovado
report-outcome-failed = FALHOU
report-outcome-running = ainda em execução
report-outcome-not-run = não executado

language-label = Idioma
