# Widget sspr — português (Portuguese; redação neutra, com preferência pelo português do Brasil).
# Sintaxe: Project Fluent (https://projectfluent.org). As variáveis são escritas { $name }.
# Os plurais usam as categorias CLDR do idioma (português: one, other).

## Identificação
identify-title-reset = Redefinir a senha
identify-title-unlock = Desbloquear a conta
identify-hint = Insira o seu nome de usuário ou e-mail. Enviaremos um código.
identify-username = Nome de usuário ou e-mail
identify-submit = Enviar código
turnstile-waiting = Conclua a verificação de segurança para continuar.
turnstile-expired = A verificação de segurança expirou. Faça-a novamente para continuar.
turnstile-error = Não foi possível executar a verificação de segurança. Tente novamente.
turnstile-retry = Repetir a verificação

## Código
code-title-email = Verifique o seu e-mail
code-title-sms = Verifique o seu telefone
code-hint = Enviamos um código de { $length } dígitos para { $destination }.
code-label = Código
code-submit = Verificar
code-resend = Enviar um novo código
code-resend-wait = Enviar um novo código em { $seconds } s
restart = Recomeçar
switch-method = Usar outro método

## Escolher um método
choose-title = Escolha como confirmar sua identidade
choose-progress = Etapa { $step } de { $total }
choose-email_code = Enviar um código por e-mail para { $destination }
choose-sms_code = Enviar um código por SMS para { $destination }
choose-authenticator = Usar o aplicativo autenticador
choose-app_notification = Aprovar uma notificação no telefone
choose-security_questions = Responder às perguntas de segurança

## Nova senha
password-title = Escolha uma nova senha
password-label = Nova senha
password-show = Mostrar
password-hide = Ocultar
password-rule-min = { $count ->
    [one] Pelo menos { $count } caractere
   *[other] Pelo menos { $count } caracteres
}
password-rule-max = { $count ->
    [one] No máximo { $count } caractere
   *[other] No máximo { $count } caracteres
}
password-rule-classes = Pelo menos { $count } destes tipos: maiúsculas, minúsculas, números, símbolos
rule-met = (cumprida)
rule-not-met = (não cumprida)
password-not-ready = A sua nova senha ainda não cumpre as regras abaixo.
password-submit = Alterar senha
strength-label = Força da senha
strength-score-0 = Muito fraca
strength-score-1 = Fraca
strength-score-2 = Razoável
strength-score-3 = Forte
strength-score-4 = Muito forte
strength-warning-keyboard = Filas e padrões de teclas são fáceis de adivinhar.
strength-warning-repeats = Caracteres repetidos são fáceis de adivinhar.
strength-warning-common = Esta é uma senha muito comum.
strength-warning-similar = Esta senha é parecida com uma senha comum.
strength-warning-sequence = Sequências como abc ou 6543 são fáceis de adivinhar.
strength-warning-years = Anos recentes são fáceis de adivinhar.
strength-warning-word = Uma palavra sozinha é fácil de adivinhar.
strength-warning-dates = Datas são fáceis de adivinhar.
strength-warning-names = Nomes sozinhos são fáceis de adivinhar.
strength-suggestion-more_words = Acrescente mais uma ou duas palavras; palavras incomuns são melhores.
strength-suggestion-no_symbols_needed = Não precisa de símbolos, dígitos ou maiúsculas: o comprimento conta mais.
strength-suggestion-capitals = Letras maiúsculas ajudam pouco.
strength-suggestion-reversed = Palavras invertidas não são muito mais difíceis de adivinhar.
strength-suggestion-substitutions = Trocas como @ por a ajudam pouco.
strength-suggestion-keyboard = Use um padrão de teclas mais longo e com mais mudanças de direção.
strength-suggestion-repeats = Evite palavras e caracteres repetidos.
strength-suggestion-sequences = Evite sequências.
strength-suggestion-dates = Evite datas e anos ligados a você.

## Resultados
done-title-reset = Senha alterada
done-hint-reset = Já pode entrar com a sua nova senha.
done-title-unlock = Conta desbloqueada
done-hint-unlock = Já pode entrar com a sua senha.
pending-title = Quase pronto
pending-hint = A sua identidade foi confirmada. A alteração está sendo enviada para o seu diretório.
pending-retry = Tentar novamente
locked-title = Muitas tentativas
locked-hint = Para sua segurança, a redefinição de senha está bloqueada para esta conta até { $until }.
approval-title = Aprove no seu telefone
approval-hint = Abra a página de aprovação no seu telefone e toque no número mostrado aqui.
approval-number-label = Número a tocar:
approval-waiting = Aguardando o seu telefone…

## Problemas de conexão (sem resposta do servidor)
client-network = Não foi possível comunicar com o servidor. Verifique a sua conexão e tente novamente.
client-unreadable = O servidor enviou uma resposta que não conseguimos entender. Tente novamente.

## Erros, um por código que o servidor pode devolver
error-bad_request = Algo na solicitação não estava correto. Recarregue a página e tente novamente.
error-unsupported_media_type = Algo na solicitação não estava correto. Recarregue a página e tente novamente.
error-payload_too_large = O texto inserido é muito longo.
error-not_found = Esta página está desatualizada. Recarregue-a e tente novamente.
error-method_not_allowed = Esta página está desatualizada. Recarregue-a e tente novamente.
error-origin_not_allowed = A redefinição de senha não está disponível neste site. Entre em contato com o suporte técnico.
error-invalid_username = Insira um nome de usuário ou endereço de e-mail sem caracteres especiais.
error-flow_expired = Esta redefinição expirou. Comece de novo.
error-wrong_step = Esta etapa já foi concluída. Comece de novo.
error-method_not_offered = Este método não está disponível para esta redefinição. Escolha outro.
error-answers_wrong = Algumas respostas estão erradas. Responda às novas perguntas.
error-approval_failed = A solicitação no seu telefone foi recusada, respondida com o número errado ou expirou.
error-invalid_code_format = Insira o código usando apenas dígitos.
error-code_mismatch = { $tries ->
    [0] O código não corresponde.
    [one] O código não corresponde. Resta { $tries } tentativa.
   *[other] O código não corresponde. Restam { $tries } tentativas.
}
error-code_expired = Este código expirou. Comece de novo para receber um novo.
error-code_used = Este código já foi usado. Comece de novo para receber um novo.
error-code_attempts_exhausted = Muitos códigos errados. Comece de novo para receber um novo.
error-locked = Muitas tentativas. Tente novamente depois de { $until }.
error-resend_too_soon = Um código acabou de ser enviado. Poderá pedir outro depois de { $until }.
error-send_limit = Foram enviados muitos códigos. Poderá pedir outro depois de { $until }.
error-password_too_short = { $min ->
    [one] Use pelo menos { $min } caractere.
   *[other] Use pelo menos { $min } caracteres.
}
error-password_too_long = { $max ->
    [one] Use no máximo { $max } caractere.
   *[other] Use no máximo { $max } caracteres.
}
error-password_composition = Use pelo menos 3 destes tipos: maiúsculas, minúsculas, números, símbolos.
error-password_personal_info = Não use o seu nome, nome de usuário ou endereço de e-mail na senha.
error-password_common = Esta senha é muito comum. Escolha uma mais difícil de adivinhar.
error-password_banned = Esta senha é baseada em uma palavra que não é permitida aqui. Escolha outra.
error-password_breached = Esta senha apareceu em um vazamento de dados, por isso os atacantes vão testá-la logo no início. Escolha outra.
error-breach_check_unavailable = Não é possível fazer a verificação de senhas vazadas agora. Tente novamente em um minuto.
error-password_rejected = O diretório da sua organização recusou esta senha: { $reason }
error-backend_unavailable = O seu diretório não respondeu. Nada foi alterado. Tente novamente daqui a pouco.
error-internal = Ocorreu um erro do nosso lado. Nada foi alterado. Tente novamente.
error-invalid_parameter = Algo na solicitação não estava correto. Recarregue a página e tente novamente.
error-unauthenticated = Entre novamente para continuar.
error-not_enabled = A redefinição de senha self-service não está ativada para sua conta. Contate o suporte.
error-method_not_permitted = Sua organização não permite este método.
error-email_invalid = Digite um endereço de e-mail como nome@exemplo.com.
error-phone_invalid = Digite um número de celular com o código do país, como +55 11 91234 5678.
error-nothing_pending = Nada está aguardando um código. Adicione o método novamente.
error-not_registered = Este método não está registrado.
error-questions_invalid = Verifique suas perguntas de segurança: cada uma precisa de pergunta e resposta diferentes, digitadas igualmente duas vezes.
error-registration_incomplete = Registre mais métodos antes de confirmá-los.
error-nothing_to_postpone = Não há nada para adiar.
error-postpone_budget_used = Você não pode mais adiar.
error-sign_in_too_old = Entre novamente para remover um método.
error-invalid_policy = A política não é válida.
error-version_conflict = A política foi alterada nesse meio-tempo. Carregue-a novamente.
error-turnstile_required = Conclua primeiro a verificação de segurança.
error-turnstile_failed = A verificação de segurança não foi aceita. Faça-a novamente.
error-turnstile_unavailable = Não é possível confirmar a verificação de segurança agora. Nada foi iniciado. Tente novamente em instantes.
error-device_name_invalid = O nome do dispositivo deve ter de 1 a 64 caracteres.
error-public_key_invalid = A chave deste telefone não pode ser usada. Emparelhe-o novamente.
error-pairing_invalid = Este código de emparelhamento não é mais válido. Peça um novo código QR.
error-signature_invalid = Este telefone não é reconhecido. Emparelhe-o novamente.
error-request_stale = O relógio do seu telefone está errado. Acerte a hora e tente novamente.
error-request_replayed = Esta solicitação já foi recebida.
error-no_approval_pending = Não há nenhuma solicitação aguardando aprovação.
error-approval_expired = A solicitação no seu telefone expirou. Tente novamente.

## Perguntas de segurança (por chave estável; usadas no cadastro e na redefinição)
question-city_born = Qual é a sua cidade natal?
question-city_parents_met = Em que cidade os seus pais se conheceram?
question-city_first_job = Em que cidade foi o seu primeiro emprego?
question-city_spouse_born = Em que cidade nasceu o seu cônjuge ou companheiro?
question-childhood_best_friend = Qual era o primeiro nome do seu melhor amigo ou da sua melhor amiga de infância?
question-childhood_nickname = Qual era o seu apelido ou alcunha de infância?
question-childhood_street = Em que rua morava na infância?
question-childhood_hero = Quem era o seu herói ou heroína de infância?
question-childhood_phone_last_four = Quais eram os últimos quatro dígitos do telefone da sua casa na infância?
question-first_pet_name = Qual era o nome do seu primeiro animal de estimação?
question-first_car_model = Qual era a marca e o modelo do seu primeiro carro?
question-first_concert = Qual foi o primeiro show ou concerto a que assistiu?
question-first_employer = Qual era o nome do seu primeiro empregador?
question-first_job_title = Qual foi o seu primeiro cargo?
question-first_school_name = Qual era o nome da sua primeira escola?
question-first_teacher_surname = Qual era o sobrenome do seu primeiro professor ou da sua primeira professora?
question-first_kiss_city = Em que cidade deu o seu primeiro beijo?
question-favourite_food_as_child = Qual era a sua comida favorita na infância?
question-favourite_book_as_child = Qual era o seu livro favorito na infância?
question-favourite_film_as_teen = Qual era o seu filme favorito na adolescência?
question-favourite_sports_team_as_child = Qual era o seu time esportivo favorito na infância?
question-favourite_toy_as_child = Qual era o seu brinquedo favorito na infância?
question-grandmother_maiden_name = Qual é o nome de solteira da sua avó?
question-grandfather_occupation = Qual era a profissão do seu avô?
question-oldest_cousin_first_name = Qual é o primeiro nome do mais velho dos seus primos?
question-oldest_sibling_middle_name = Qual é o segundo nome do mais velho dos seus irmãos?
question-youngest_sibling_birthday_month = Em que mês faz aniversário o mais novo dos seus irmãos?
question-father_middle_name = Qual é o segundo nome do seu pai?
question-mother_middle_name = Qual é o segundo nome da sua mãe?
question-parents_wedding_city = Em que cidade os seus pais se casaram?
question-high_school_mascot = Qual era a mascote ou o emblema da escola onde fez o ensino médio?
question-high_school_graduation_year_city = Em que cidade concluiu o ensino médio?
question-university_first_roommate = Qual era o primeiro nome do seu primeiro colega de quarto na universidade?
question-wedding_reception_venue = Onde foi a festa do seu casamento?
question-dream_job_as_child = Qual era a profissão dos seus sonhos na infância?
question-place_of_first_holiday = Para onde foi nas suas primeiras férias?

## Redefinição com um aplicativo autenticador ou perguntas de segurança
totp-title = Digite o código do seu aplicativo autenticador
totp-hint = Abra seu aplicativo autenticador e digite o código de { $length } dígitos que ele mostra para esta conta.
answers-title = Responda às suas perguntas de segurança
answers-hint = Responda como fez ao configurá-las. Maiúsculas e espaços extras não importam.
answers-submit = Continuar

## Registro: visão geral e “meus métodos”
loading = Carregando…
failed-title = Não foi possível carregar seus métodos
register-title = Configure formas de redefinir sua senha
reconfirm-title = Eles ainda são seus?
manage-title = Suas formas de redefinir a senha
not-enabled-title = A redefinição de senha não está ativada
register-signed-in = Conectado como { $name }
register-progress = { $held } de { $total } configurados
register-hint = Se você esquecer sua senha, provará quem é com eles.
reconfirm-hint = Verifique se ainda pode usar cada um deles e depois confirme-os.
register-needed = { $total ->
    [one] Você precisa de { $total } método.
   *[other] Você precisa de { $total } métodos.
}
register-held-title = Configurados
register-none-held = Nada foi configurado ainda.
register-add-title = Adicionar um método
method-email_code = E-mail { $destination }
method-sms_code = Celular { $destination }
method-authenticator = Aplicativo autenticador
method-app_notification = Notificações no seu telefone
method-security_questions = Perguntas de segurança
add-email_code = Adicionar um endereço de e-mail
add-sms_code = Adicionar um celular
add-authenticator = Adicionar um aplicativo autenticador
add-app_notification = Adicionar notificações no seu telefone
add-security_questions = Configurar perguntas de segurança
remove-method = Remover
held-default = Padrão
make-default = Definir como padrão
held-from-directory = Do diretório da sua organização
confirm-methods = Confirmar meus métodos
postpone = Agora não
postpone-hint = { $count ->
    [one] Você pode adiar isso mais { $count } vez.
   *[other] Você pode adiar isso mais { $count } vezes.
}
back = Voltar

## Registro: adicionar um método
email-title = Adicionar um endereço de e-mail
email-label = Endereço de e-mail
email-hint = Enviaremos um código para este endereço para verificá-lo.
phone-title = Adicionar um celular
phone-label = Número de celular
phone-hint = Comece com o código do país, como +55 11 91234 5678. Enviaremos um código por SMS.
auth-title = Configure seu aplicativo autenticador
auth-scan = Escaneie este código QR com seu aplicativo autenticador, como o Microsoft Authenticator ou o Google Authenticator.
auth-qr = Código QR para seu aplicativo autenticador
auth-secret = Ou digite esta chave no aplicativo:
auth-copy = Copiar chave
auth-copied = Chave copiada.
auth-link = Configurar neste telefone
auth-code-label = Código do aplicativo
auth-new-secret = Obter um novo código QR
auth-pending-hint = Digite o código que seu aplicativo autenticador mostra ou obtenha um novo código QR.
questions-title = Configurar perguntas de segurança
questions-hint = Escolha { $count } perguntas diferentes e digite cada resposta duas vezes. As respostas têm de { $min } a { $max } caracteres.
questions-question = Pergunta { $number }
questions-choose = Escolha uma pergunta
questions-answer = Resposta
questions-confirm = Repita a resposta
questions-submit = Salvar perguntas

## Registro: resultados
signin-title = Entre novamente
signin-hint = Sua sessão expirou. Entre novamente para continuar; nada do que você configurou foi perdido.
reg-done-title = Tudo pronto
reg-done-hint = Se você esquecer sua senha, agora pode redefini-la você mesmo.
reg-done-manage = Gerenciar meus métodos
postponed-title = Vamos lembrá-lo mais tarde
postponed-hint = Você será perguntado novamente na próxima vez que entrar.

## Registro: notificações no seu telefone (emparelhar o telefone de aprovação)
app-title = Receba notificações no seu telefone
app-scan = Escaneie este código QR com a câmera do seu telefone, abra a página exibida e toque em “Emparelhar este telefone”.
app-qr = Código QR que abre a página de emparelhamento no seu telefone
app-link = Ou abra a página de emparelhamento neste dispositivo
app-expires = O código é válido até { $time }.
app-waiting = Aguardando o seu telefone…
app-expired = Este código expirou.
app-new-code = Mostrar um novo código
held-app_notification = Notificações em “{ $name }”

## A página de aprovação no telefone
approver-title-pair = Emparelhar este telefone
approver-pair-hint = A sua conta pediu para enviar as aprovações de redefinição de senha para este telefone. Depois de emparelhado, esta página pedirá que você aprove cada redefinição de senha ou desbloqueio da sua conta.
approver-name-label = Nome deste telefone
approver-name-hint = Aparece junto com os seus métodos, para você saber qual é este telefone.
approver-name-default = Meu telefone
approver-pair = Emparelhar este telefone
approver-paired = Este telefone está emparelhado. Quando você redefinir a sua senha ou desbloquear a sua conta, abra esta página para aprovar.
approver-title-waiting = Nenhuma solicitação aguardando
approver-waiting-hint = Mantenha esta página aberta ou adicione-a à tela inicial. Enquanto estiver aberta, ela verifica a cada poucos segundos se há solicitações.
approver-devices = Emparelhamentos deste telefone
approver-device = “{ $name }”, emparelhado em { $date }
approver-check-now = Verificar agora
approver-title-request = É você?
approver-request-reset = Alguém está redefinindo a sua senha (solicitado em { $time }).
approver-request-unlock = Alguém está desbloqueando a sua conta (solicitado em { $time }).
approver-request-hint = Se for você, toque no número mostrado na tela de redefinição.
approver-number = Número { $number }
approver-deny = Não fui eu
approver-title-approved = Aprovado
approver-approved = A redefinição continua na outra tela.
approver-title-denied = Solicitação recusada
approver-denied = Ninguém pode continuar esta redefinição. Se não foi você que a iniciou, alguém pode saber o seu nome de usuário: avise o suporte técnico.
approver-title-wrong = Não aprovado
approver-wrong = Esse não era o número da tela de redefinição, então a solicitação foi recusada. É preciso escolher um método novamente para a redefinição.
approver-title-expired = Solicitação expirada
approver-expired = A solicitação aguardou mais de dois minutos. Comece de novo na tela de redefinição.
approver-title-gone = Nada para aprovar
approver-gone = A solicitação já foi respondida ou foi substituída por uma mais recente.
approver-back = OK
approver-title-unpaired = Este telefone não está emparelhado
approver-unpaired-hint = Para aprovar redefinições de senha neste telefone, abra a sua página de cadastro, escolha “Adicionar notificações no seu telefone” e escaneie o código QR com a câmera deste telefone.
approver-removed = Este telefone foi removido da sua conta.
approver-title-unsupported = Este navegador não pode aprovar solicitações
approver-unsupported = Ele não consegue guardar uma chave de assinatura com segurança aqui (sem IndexedDB ou WebCrypto, ou a página não é servida por HTTPS). Abra esta página no navegador que você costuma usar no telefone.
approver-keystore-failed = Este navegador não conseguiu usar a chave deste telefone. Recarregue a página e tente novamente.
approver-push-hint = Receba uma notificação neste telefone para cada solicitação, mesmo com esta página fechada.
approver-push-enable = Ativar notificações
approver-push-on = Este telefone recebe uma notificação para cada solicitação.
approver-push-disable = Desativar notificações
approver-push-turned-on = As notificações estão ativadas. Toque em uma notificação para abrir esta página e responder.
approver-push-turned-off = As notificações estão desativadas. Mantenha esta página aberta para ver as solicitações.
approver-push-denied = As notificações estão bloqueadas para esta página. Permita-as nas configurações do navegador ou mantenha esta página aberta.
approver-push-failed = Não foi possível ativar as notificações neste navegador. Mantenha esta página aberta para ver as solicitações.
# A notificação que o telefone mostra para uma solicitação (o texto vai para o service worker).
approver-push-title = Solicitação de redefinição de senha
approver-push-body = Toque para aprovar ou recusar.
## "Não fui eu": uma redefinição pausada após uma denúncia, e a página de denúncia
## (<sspr-reset flow="report">, aberta pelo link de uma notificação)
reported-title = A redefinição de senha está pausada para sua conta
reported-hint = Foi informado que uma alteração na sua conta não foi feita por você, então a redefinição de senha por autoatendimento está pausada até { $until }. Entre em contato com o suporte técnico para voltar a acessar sua conta.
helpdesk-link = Falar com o suporte técnico
report-title = Você não fez esta alteração?
report-change-password_changed = Sua senha foi alterada.
report-change-account_unlocked = Sua conta foi desbloqueada.
report-change-method_added = Uma forma de redefinir sua senha foi adicionada: { $method }.
report-change-method_removed = Uma forma de redefinir sua senha foi removida: { $method }.
report-method-email_code = um endereço de e-mail
report-method-sms_code = um celular
report-method-authenticator = um aplicativo autenticador
report-method-app_notification = notificações em um telefone
report-method-security_questions = perguntas de segurança
report-when = Quando: { $when }
report-explain = Se não foi você, outra pessoa pode ter acesso à sua conta. Informe: pausaremos a redefinição de senha por autoatendimento da sua conta, interromperemos qualquer redefinição em andamento e avisaremos seus administradores.
report-explain-remove = A forma de redefinição adicionada será removida.
report-confirm = Não fui eu: informar
report-it-was-me = Se você fez esta alteração, não há nada a fazer: pode fechar esta página.
report-done-title = Obrigado: sua conta está protegida
report-done-hint = A redefinição de senha por autoatendimento está pausada para sua conta até { $until }, e seus administradores foram avisados. Entre em contato com o suporte técnico para proteger sua conta.
report-done-removed = A forma de redefinição adicionada foi removida.
report-already-title = Você já informou esta alteração
report-already-hint = Você a informou em { $when }. Entre em contato com o suporte técnico se sua conta ainda precisar ser protegida.
report-invalid-title = Este link não pode ser usado
report-missing = Abra esta página pelo link do e-mail que enviamos a você sobre sua conta.
error-reported_compromise = Foi informado que uma alteração na sua conta não foi feita por você, então a redefinição de senha por autoatendimento e as alterações nos seus métodos estão pausadas até { $until }. Entre em contato com o suporte técnico.
error-report_invalid = Este link não é válido ou expirou (os links valem por 7 dias). Se uma alteração na sua conta parecer errada, entre em contato com o suporte técnico.
