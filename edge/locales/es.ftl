# Mensajes del edge de sspr — español. Mismos identificadores y variables que en.ftl.

## Correo con el código de restablecimiento
code-email-subject = Código para restablecer la contraseña de { $org }: { $code }
code-email-lead = Su código para restablecer la contraseña de { $org } es { $code }.
code-email-expiry = Caduca en { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }. Si no pidió restablecer su contraseña, ignore este correo: su contraseña no cambia.

## Registro: verificar una dirección de correo
enrolment-email-subject = Verifique su dirección de correo para { $org }: { $code }
enrolment-email-lead = Su código de verificación de { $org } es { $code }.
enrolment-email-expiry = Escríbalo donde está añadiendo esta dirección para restablecer la contraseña. Caduca en { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }. Si no añadió esta dirección, ignore este correo: no se usará.

## SMS
code-sms = { $code } es su código de verificación de { $org }. Caduca en { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }.

## Avisos al usuario
password-changed-subject = Se cambió su contraseña de { $org }
password-changed-body = Su contraseña se acaba de cambiar con el restablecimiento de contraseña de autoservicio.
account-unlocked-subject = Se desbloqueó su cuenta de { $org }
account-unlocked-body = Su cuenta se acaba de desbloquear con el restablecimiento de contraseña de autoservicio.
method-added-subject = Se añadió un método para restablecer la contraseña a su cuenta de { $org }
method-added-body = Este método se acaba de añadir a las formas de restablecer su contraseña: { $method }.
method-removed-subject = Se quitó un método para restablecer la contraseña de su cuenta de { $org }
method-removed-body = Este método se acaba de quitar de las formas de restablecer su contraseña: { $method }.
help-url = Si no fue usted, contacte de inmediato con su servicio de asistencia: { $helpdesk }
help-none = Si no fue usted, contacte de inmediato con su servicio de asistencia informática.
report-link = ¿No fue usted? Avísenos aquí: pausaremos el restablecimiento de contraseña de autoservicio de su cuenta y alertaremos a sus administradores. El enlace es válido durante { $days ->
        [one] { $days } día
       *[other] { $days } días
    }: { $link }

## Nombres de los métodos
method-email = código por correo electrónico
method-sms = código por SMS
method-authenticator = aplicación de autenticación
method-app-notification = notificación en la aplicación
method-security-questions = preguntas de seguridad

## Aviso a los administradores
admin-reset-subject = Un administrador restableció su contraseña de { $org }
admin-reset-body = { $admin } restableció su contraseña con el restablecimiento de autoservicio el { $when }.
admin-reset-why = Recibe este mensaje porque es administrador de { $org }: su directiva avisa a todos los administradores cuando un administrador restablece su contraseña. Si no esperaba este restablecimiento, revise la cuenta.

## «No fui yo»: alerta a los administradores
report-admin-subject = { $user } informó de un cambio en su cuenta de { $org } que no hizo
report-admin-body = { $user } (id. de directorio { $userid }) informó de que este cambio en su cuenta no lo hizo él: { $change }, el { $when }.
report-admin-removed = Se quitó de su cuenta el método informado ({ $method }).
report-admin-hold = El restablecimiento de contraseña de autoservicio y los cambios en sus métodos de restablecimiento están en pausa para este usuario hasta el { $until }. Revise la cuenta ahora: restablezca usted mismo la contraseña si es necesario y revise sus inicios de sesión y sus métodos de restablecimiento. Puede terminar la pausa antes con la API de administración (POST /v1/admin/holds/clear).
change-password-changed = contraseña cambiada
change-account-unlocked = cuenta desbloqueada
change-method-added = método de restablecimiento añadido ({ $method })
change-method-removed = método de restablecimiento quitado ({ $method })
