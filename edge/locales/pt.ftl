# Mensagens do edge do sspr — português. Mesmos identificadores e variáveis que en.ftl.

## E-mail com o código de redefinição
code-email-subject = Código de redefinição da senha de { $org }: { $code }
code-email-lead = O seu código de redefinição da senha de { $org } é { $code }.
code-email-expiry = Ele expira em { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }. Se você não pediu para redefinir a sua senha, ignore este e-mail: a sua senha continua a mesma.

## Registro: verificar um endereço de e-mail
enrolment-email-subject = Verifique o seu endereço de e-mail para { $org }: { $code }
enrolment-email-lead = O seu código de verificação de { $org } é { $code }.
enrolment-email-expiry = Digite-o onde está adicionando este endereço para a redefinição de senha. Ele expira em { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }. Se você não adicionou este endereço, ignore este e-mail: ele não será usado.

## SMS
code-sms = { $code } é o seu código de verificação de { $org }. Ele expira em { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }.

## Avisos ao usuário
password-changed-subject = A sua senha de { $org } foi alterada
password-changed-body = A sua senha acabou de ser alterada pela redefinição de senha por autoatendimento.
account-unlocked-subject = A sua conta de { $org } foi desbloqueada
account-unlocked-body = A sua conta acabou de ser desbloqueada pela redefinição de senha por autoatendimento.
method-added-subject = Um método de redefinição de senha foi adicionado à sua conta de { $org }
method-added-body = Este método acabou de ser adicionado às formas de redefinir a sua senha: { $method }.
method-removed-subject = Um método de redefinição de senha foi removido da sua conta de { $org }
method-removed-body = Este método acabou de ser removido das formas de redefinir a sua senha: { $method }.
help-url = Se não foi você, contate o suporte imediatamente: { $helpdesk }
help-none = Se não foi você, contate o suporte de TI imediatamente.
report-link = Não foi você? Informe aqui: pausaremos a redefinição de senha por autoatendimento da sua conta e alertaremos seus administradores. O link vale por { $days ->
        [one] { $days } dia
       *[other] { $days } dias
    }: { $link }

## Nomes dos métodos
method-email = código por e-mail
method-sms = código por SMS
method-authenticator = aplicativo autenticador
method-app-notification = notificação no aplicativo
method-security-questions = perguntas de segurança

## Aviso aos administradores
admin-reset-subject = Um administrador redefiniu a própria senha de { $org }
admin-reset-body = { $admin } redefiniu a própria senha pela redefinição por autoatendimento em { $when }.
admin-reset-why = Você recebe esta mensagem porque é administrador de { $org }: a política avisa todos os administradores quando um administrador redefine a própria senha. Se esta redefinição não era esperada, verifique a conta.

## "Não fui eu": alerta aos administradores
report-admin-subject = { $user } informou uma alteração na própria conta de { $org } que não fez
report-admin-body = { $user } (id no diretório { $userid }) informou que esta alteração na própria conta não foi feita por ele: { $change }, em { $when }.
report-admin-removed = O método informado ({ $method }) foi removido da conta.
report-admin-hold = A redefinição de senha por autoatendimento e as alterações nos métodos de redefinição estão pausadas para este usuário até { $until }. Verifique a conta agora: redefina você mesmo a senha, se necessário, e revise os acessos e os métodos de redefinição. Você pode encerrar a pausa antes pela API de administração (POST /v1/admin/holds/clear).
change-password-changed = senha alterada
change-account-unlocked = conta desbloqueada
change-method-added = método de redefinição adicionado ({ $method })
change-method-removed = método de redefinição removido ({ $method })
