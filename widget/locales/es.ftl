# Widget sspr — español (Spanish).
# Sintaxis: Project Fluent (https://projectfluent.org). Las variables se escriben { $name }.
# Los plurales usan las categorías CLDR del idioma (español: one, other).

## Identificación
identify-title-reset = Restablecer la contraseña
identify-title-unlock = Desbloquear la cuenta
identify-hint = Escriba su nombre de usuario o correo electrónico. Le enviaremos un código.
identify-username = Nombre de usuario o correo electrónico
identify-submit = Enviar código
turnstile-waiting = Complete la comprobación de seguridad para continuar.
turnstile-expired = La comprobación de seguridad ha caducado. Vuelva a hacerla para continuar.
turnstile-error = No se pudo ejecutar la comprobación de seguridad. Inténtelo de nuevo.
turnstile-retry = Repetir la comprobación

## Código
code-title-email = Revise su correo electrónico
code-title-sms = Revise su teléfono
code-hint = Hemos enviado un código de { $length } dígitos a { $destination }.
code-label = Código
code-submit = Verificar
code-resend = Enviar un código nuevo
code-resend-wait = Enviar un código nuevo en { $seconds } s
restart = Empezar de nuevo
switch-method = Usar otro método

## Elegir un método
choose-title = Elija cómo confirmar su identidad
choose-progress = Paso { $step } de { $total }
choose-email_code = Enviar un código por correo a { $destination }
choose-sms_code = Enviar un código por SMS al { $destination }
choose-authenticator = Usar su aplicación de autenticación
choose-app_notification = Aprobar una notificación en su teléfono
choose-security_questions = Responder sus preguntas de seguridad

## Nueva contraseña
password-title = Elija una nueva contraseña
password-label = Nueva contraseña
password-show = Mostrar
password-hide = Ocultar
password-rule-min = { $count ->
    [one] Al menos { $count } carácter
   *[other] Al menos { $count } caracteres
}
password-rule-max = { $count ->
    [one] Como máximo { $count } carácter
   *[other] Como máximo { $count } caracteres
}
password-rule-classes = Al menos { $count } de estos tipos: mayúsculas, minúsculas, números, símbolos
rule-met = (cumplida)
rule-not-met = (no cumplida)
password-not-ready = Su nueva contraseña todavía no cumple las reglas siguientes.
password-submit = Cambiar la contraseña
strength-label = Seguridad de la contraseña
strength-score-0 = Muy débil
strength-score-1 = Débil
strength-score-2 = Aceptable
strength-score-3 = Segura
strength-score-4 = Muy segura
strength-warning-keyboard = Las filas y patrones de teclas son fáciles de adivinar.
strength-warning-repeats = Los caracteres repetidos son fáciles de adivinar.
strength-warning-common = Es una contraseña muy común.
strength-warning-similar = Se parece a una contraseña común.
strength-warning-sequence = Las secuencias como abc o 6543 son fáciles de adivinar.
strength-warning-years = Los años recientes son fáciles de adivinar.
strength-warning-word = Una palabra sola es fácil de adivinar.
strength-warning-dates = Las fechas son fáciles de adivinar.
strength-warning-names = Los nombres solos son fáciles de adivinar.
strength-suggestion-more_words = Añada una o dos palabras más; las poco comunes son mejores.
strength-suggestion-no_symbols_needed = No hacen falta símbolos, dígitos ni mayúsculas: importa más la longitud.
strength-suggestion-capitals = Las mayúsculas ayudan poco.
strength-suggestion-reversed = Las palabras al revés no son mucho más difíciles de adivinar.
strength-suggestion-substitutions = Cambios como @ por a ayudan poco.
strength-suggestion-keyboard = Use un patrón de teclas más largo y con más giros.
strength-suggestion-repeats = Evite palabras y caracteres repetidos.
strength-suggestion-sequences = Evite las secuencias.
strength-suggestion-dates = Evite fechas y años relacionados con usted.

## Resultados
done-title-reset = Contraseña cambiada
done-hint-reset = Ya puede iniciar sesión con su nueva contraseña.
done-title-unlock = Cuenta desbloqueada
done-hint-unlock = Ya puede iniciar sesión con su contraseña.
pending-title = Ya casi está
pending-hint = Su identidad está confirmada. Estamos enviando el cambio a su directorio.
pending-retry = Intentar de nuevo
locked-title = Demasiados intentos
locked-hint = Por su seguridad, el restablecimiento de contraseña está bloqueado para esta cuenta hasta el { $until }.
approval-title = Apruébelo en su teléfono
approval-hint = Abra la página de aprobación en su teléfono y toque el número que aparece aquí.
approval-number-label = Número que debe tocar:
approval-waiting = Esperando a su teléfono…

## Problemas de conexión (sin respuesta del servidor)
client-network = No hemos podido conectar con el servidor. Compruebe su conexión e inténtelo de nuevo.
client-unreadable = El servidor envió una respuesta que no hemos podido entender. Inténtelo de nuevo.

## Errores, uno por cada código que puede devolver el servidor
error-bad_request = Algo en la solicitud no era correcto. Vuelva a cargar la página e inténtelo de nuevo.
error-unsupported_media_type = Algo en la solicitud no era correcto. Vuelva a cargar la página e inténtelo de nuevo.
error-payload_too_large = El texto que ha escrito es demasiado largo.
error-not_found = Esta página está desactualizada. Vuelva a cargarla e inténtelo de nuevo.
error-method_not_allowed = Esta página está desactualizada. Vuelva a cargarla e inténtelo de nuevo.
error-origin_not_allowed = El restablecimiento de contraseña no está disponible en este sitio. Póngase en contacto con el soporte técnico.
error-invalid_username = Escriba un nombre de usuario o una dirección de correo electrónico sin caracteres especiales.
error-flow_expired = Este restablecimiento ha caducado. Empiece de nuevo.
error-wrong_step = Este paso ya se ha completado. Empiece de nuevo.
error-method_not_offered = Este método no está disponible para este restablecimiento. Elija otro.
error-answers_wrong = Algunas respuestas son incorrectas. Responda las nuevas preguntas.
error-approval_failed = La solicitud en su teléfono se rechazó, se respondió con el número incorrecto o caducó.
error-invalid_code_format = Escriba el código solo con dígitos.
error-code_mismatch = { $tries ->
    [0] El código no coincide.
    [one] El código no coincide. Le queda { $tries } intento.
   *[other] El código no coincide. Le quedan { $tries } intentos.
}
error-code_expired = Este código ha caducado. Empiece de nuevo para recibir uno nuevo.
error-code_used = Este código ya se ha usado. Empiece de nuevo para recibir uno nuevo.
error-code_attempts_exhausted = Demasiados códigos incorrectos. Empiece de nuevo para recibir uno nuevo.
error-locked = Demasiados intentos. Vuelva a intentarlo después del { $until }.
error-resend_too_soon = Se acaba de enviar un código. Podrá pedir otro después del { $until }.
error-send_limit = Se han enviado demasiados códigos. Podrá pedir otro después del { $until }.
error-password_too_short = { $min ->
    [one] Use al menos { $min } carácter.
   *[other] Use al menos { $min } caracteres.
}
error-password_too_long = { $max ->
    [one] Use como máximo { $max } carácter.
   *[other] Use como máximo { $max } caracteres.
}
error-password_composition = Use al menos 3 de estos tipos: mayúsculas, minúsculas, números, símbolos.
error-password_personal_info = No use su nombre, su nombre de usuario ni su dirección de correo electrónico en la contraseña.
error-password_common = Esta contraseña es demasiado común. Elija una más difícil de adivinar.
error-password_banned = Esta contraseña se basa en una palabra que no está permitida aquí. Elija otra.
error-password_breached = Esta contraseña ha aparecido en una filtración de datos, así que los atacantes la probarán entre las primeras. Elija otra.
error-breach_check_unavailable = En este momento no se puede realizar la comprobación de contraseñas filtradas. Inténtelo de nuevo en un minuto.
error-password_rejected = El directorio de su organización rechazó esta contraseña: { $reason }
error-backend_unavailable = Su directorio no respondió. No se ha cambiado nada. Vuelva a intentarlo en un momento.
error-internal = Algo salió mal por nuestra parte. No se ha cambiado nada. Inténtelo de nuevo.
error-invalid_parameter = Algo en la solicitud no era correcto. Vuelva a cargar la página e inténtelo de nuevo.
error-unauthenticated = Vuelva a iniciar sesión para continuar.
error-not_enabled = El restablecimiento de contraseña autoservicio no está activado para su cuenta. Contacte con su soporte.
error-method_not_permitted = Su organización no permite este método.
error-email_invalid = Introduzca una dirección de correo como nombre@ejemplo.com.
error-phone_invalid = Introduzca un número móvil con su prefijo de país, como +34 612 34 56 78.
error-nothing_pending = No hay nada esperando un código. Añada el método de nuevo.
error-not_registered = Este método no está registrado.
error-questions_invalid = Revise sus preguntas de seguridad: cada una necesita una pregunta y una respuesta distintas, escritas igual dos veces.
error-registration_incomplete = Registre más métodos antes de confirmarlos.
error-nothing_to_postpone = No hay nada que posponer.
error-postpone_budget_used = Ya no puede posponerlo más.
error-sign_in_too_old = Inicie sesión de nuevo para quitar un método.
error-invalid_policy = La directiva no es válida.
error-version_conflict = La directiva se ha modificado entretanto. Vuelva a cargarla.
error-turnstile_required = Complete primero la comprobación de seguridad.
error-turnstile_failed = La comprobación de seguridad no se aceptó. Vuelva a hacerla.
error-turnstile_unavailable = No se puede verificar la comprobación de seguridad en este momento. No se ha iniciado nada. Inténtelo de nuevo en un momento.
error-device_name_invalid = El nombre del dispositivo debe tener entre 1 y 64 caracteres.
error-public_key_invalid = La clave de este teléfono no se puede usar. Vuelva a vincularlo.
error-pairing_invalid = Este código de vinculación ya no es válido. Pida un código QR nuevo.
error-signature_invalid = Este teléfono no se reconoce. Vuelva a vincularlo.
error-request_stale = El reloj de su teléfono no está en hora. Ajústelo y vuelva a intentarlo.
error-request_replayed = Esta solicitud ya se recibió.
error-no_approval_pending = No hay ninguna solicitud pendiente de aprobación.
error-approval_expired = La solicitud en su teléfono ha caducado. Vuelva a intentarlo.

## Preguntas de seguridad (por clave estable; se usan en el registro y en el restablecimiento)
question-city_born = ¿En qué ciudad nació?
question-city_parents_met = ¿En qué ciudad se conocieron sus padres?
question-city_first_job = ¿En qué ciudad tuvo su primer trabajo?
question-city_spouse_born = ¿En qué ciudad nació su cónyuge o pareja?
question-childhood_best_friend = ¿Cuál es el nombre de su mejor amigo o amiga de la infancia?
question-childhood_nickname = ¿Cuál era su apodo en la infancia?
question-childhood_street = ¿En qué calle vivía durante su infancia?
question-childhood_hero = ¿Quién era su héroe o heroína en la infancia?
question-childhood_phone_last_four = ¿Cuáles eran los últimos cuatro dígitos del teléfono de su casa durante su infancia?
question-first_pet_name = ¿Cómo se llamaba su primera mascota?
question-first_car_model = ¿Cuál era la marca y el modelo de su primer automóvil?
question-first_concert = ¿Cuál fue el primer concierto al que asistió?
question-first_employer = ¿Cómo se llamaba su primer empleador?
question-first_job_title = ¿Cuál fue su primer puesto de trabajo?
question-first_school_name = ¿Cómo se llamaba su primera escuela?
question-first_teacher_surname = ¿Cuál era el apellido de su primer maestro o maestra?
question-first_kiss_city = ¿En qué ciudad dio su primer beso?
question-favourite_food_as_child = ¿Cuál era su comida favorita en la infancia?
question-favourite_book_as_child = ¿Cuál era su libro favorito en la infancia?
question-favourite_film_as_teen = ¿Cuál era su película favorita en la adolescencia?
question-favourite_sports_team_as_child = ¿Cuál era su equipo deportivo favorito en la infancia?
question-favourite_toy_as_child = ¿Cuál era su juguete favorito en la infancia?
question-grandmother_maiden_name = ¿Cuál es el apellido de soltera de su abuela?
question-grandfather_occupation = ¿A qué se dedicaba su abuelo?
question-oldest_cousin_first_name = ¿Cuál es el nombre del mayor de sus primos?
question-oldest_sibling_middle_name = ¿Cuál es el segundo nombre del mayor de sus hermanos?
question-youngest_sibling_birthday_month = ¿En qué mes cumple años el menor de sus hermanos?
question-father_middle_name = ¿Cuál es el segundo nombre de su padre?
question-mother_middle_name = ¿Cuál es el segundo nombre de su madre?
question-parents_wedding_city = ¿En qué ciudad se casaron sus padres?
question-high_school_mascot = ¿Cuál era la mascota o el emblema de su escuela secundaria?
question-high_school_graduation_year_city = ¿En qué ciudad terminó la educación secundaria?
question-university_first_roommate = ¿Cuál era el nombre de su primer compañero o compañera de habitación en la universidad?
question-wedding_reception_venue = ¿Dónde se celebró la fiesta de su boda?
question-dream_job_as_child = ¿Cuál era el trabajo de sus sueños en la infancia?
question-place_of_first_holiday = ¿Adónde fue en sus primeras vacaciones?

## Restablecimiento con una aplicación de autenticación o preguntas de seguridad
totp-title = Introduce el código de tu aplicación de autenticación
totp-hint = Abre tu aplicación de autenticación e introduce el código de { $length } dígitos que muestra para esta cuenta.
answers-title = Responde a tus preguntas de seguridad
answers-hint = Responde como lo hiciste al configurarlas. Las mayúsculas y los espacios de más no importan.
answers-submit = Continuar

## Registro: resumen y «mis métodos»
loading = Cargando…
failed-title = No hemos podido cargar tus métodos
register-title = Configura formas de restablecer tu contraseña
reconfirm-title = ¿Siguen siendo tuyos?
manage-title = Tus formas de restablecer la contraseña
not-enabled-title = El restablecimiento de contraseña no está activado
register-signed-in = Has iniciado sesión como { $name }
register-progress = { $held } de { $total } configurados
register-hint = Si olvidas tu contraseña, demostrarás quién eres con ellos.
reconfirm-hint = Comprueba que todavía puedes usar cada uno y después confírmalos.
register-needed = { $total ->
    [one] Necesitas { $total } método.
   *[other] Necesitas { $total } métodos.
}
register-held-title = Configurados
register-none-held = Todavía no hay nada configurado.
register-add-title = Añadir un método
method-email_code = Correo electrónico { $destination }
method-sms_code = Teléfono móvil { $destination }
method-authenticator = Aplicación de autenticación
method-app_notification = Notificaciones en tu teléfono
method-security_questions = Preguntas de seguridad
add-email_code = Añadir una dirección de correo
add-sms_code = Añadir un teléfono móvil
add-authenticator = Añadir una aplicación de autenticación
add-app_notification = Añadir notificaciones en tu teléfono
add-security_questions = Configurar preguntas de seguridad
remove-method = Quitar
held-default = Predeterminado
make-default = Usar como predeterminado
held-from-directory = Del directorio de su organización
confirm-methods = Confirmar mis métodos
postpone = Ahora no
postpone-hint = { $count ->
    [one] Puedes posponerlo { $count } vez más.
   *[other] Puedes posponerlo { $count } veces más.
}
back = Atrás

## Registro: añadir un método
email-title = Añadir una dirección de correo
email-label = Dirección de correo electrónico
email-hint = Enviaremos un código a esta dirección para comprobarla.
phone-title = Añadir un teléfono móvil
phone-label = Número de móvil
phone-hint = Empieza por el prefijo del país, por ejemplo +34 612 34 56 78. Te enviaremos un código por SMS.
auth-title = Configura tu aplicación de autenticación
auth-scan = Escanea este código QR con tu aplicación de autenticación, como Microsoft Authenticator o Google Authenticator.
auth-qr = Código QR para tu aplicación de autenticación
auth-secret = O escribe esta clave en la aplicación:
auth-copy = Copiar clave
auth-copied = Clave copiada.
auth-link = Configurar en este teléfono
auth-code-label = Código de la aplicación
auth-new-secret = Obtener un nuevo código QR
auth-pending-hint = Introduce el código que muestra tu aplicación de autenticación u obtén un nuevo código QR.
questions-title = Configurar preguntas de seguridad
questions-hint = Elige { $count } preguntas distintas y escribe cada respuesta dos veces. Las respuestas tienen de { $min } a { $max } caracteres.
questions-question = Pregunta { $number }
questions-choose = Elige una pregunta
questions-answer = Respuesta
questions-confirm = Repite la respuesta
questions-submit = Guardar preguntas

## Registro: resultados
signin-title = Vuelve a iniciar sesión
signin-hint = Tu sesión ha caducado. Vuelve a iniciar sesión para continuar; no se pierde nada de lo que has configurado.
reg-done-title = Todo listo
reg-done-hint = Si olvidas tu contraseña, ahora puedes restablecerla tú mismo.
reg-done-manage = Gestionar mis métodos
postponed-title = Te lo recordaremos más tarde
postponed-hint = Se te volverá a preguntar la próxima vez que inicies sesión.

## Registro: notificaciones en tu teléfono (vincular el teléfono de aprobación)
app-title = Recibe notificaciones en tu teléfono
app-scan = Escanea este código QR con la cámara de tu teléfono, abre la página que aparece y toca «Vincular este teléfono».
app-qr = Código QR que abre la página de vinculación en tu teléfono
app-link = O abre la página de vinculación en este dispositivo
app-expires = El código es válido hasta el { $time }.
app-waiting = Esperando a tu teléfono…
app-expired = Este código ha caducado.
app-new-code = Mostrar un código nuevo
held-app_notification = Notificaciones en «{ $name }»

## La página de aprobación en el teléfono
approver-title-pair = Vincular este teléfono
approver-pair-hint = Desde su cuenta se ha pedido enviar a este teléfono las aprobaciones de restablecimiento de contraseña. Una vez vinculado, esta página le pedirá que apruebe cada restablecimiento o desbloqueo de su cuenta.
approver-name-label = Nombre de este teléfono
approver-name-hint = Se muestra junto a sus métodos, para que sepa qué teléfono es.
approver-name-default = Mi teléfono
approver-pair = Vincular este teléfono
approver-paired = Este teléfono está vinculado. Cuando restablezca su contraseña o desbloquee su cuenta, abra esta página para aprobarlo.
approver-title-waiting = No hay solicitudes pendientes
approver-waiting-hint = Mantenga esta página abierta o añádala a su pantalla de inicio. Mientras esté abierta, comprueba cada pocos segundos si hay solicitudes.
approver-devices = Vinculaciones de este teléfono
approver-device = «{ $name }», vinculado el { $date }
approver-check-now = Comprobar ahora
approver-title-request = ¿Es usted?
approver-request-reset = Alguien está restableciendo su contraseña (solicitado el { $time }).
approver-request-unlock = Alguien está desbloqueando su cuenta (solicitado el { $time }).
approver-request-hint = Si es usted, toque el número que aparece en la pantalla de restablecimiento.
approver-number = Número { $number }
approver-deny = No he sido yo
approver-title-approved = Aprobado
approver-approved = El restablecimiento continúa en la otra pantalla.
approver-title-denied = Solicitud rechazada
approver-denied = Nadie puede continuar con este restablecimiento. Si no lo inició usted, puede que alguien conozca su nombre de usuario: avise al soporte técnico.
approver-title-wrong = No aprobado
approver-wrong = Ese no era el número de la pantalla de restablecimiento, así que la solicitud se rechazó. Hay que volver a elegir un método para el restablecimiento.
approver-title-expired = Solicitud caducada
approver-expired = La solicitud esperó más de dos minutos. Empiece de nuevo en la pantalla de restablecimiento.
approver-title-gone = Nada que aprobar
approver-gone = La solicitud ya se respondió o la sustituyó otra más reciente.
approver-back = Aceptar
approver-title-unpaired = Este teléfono no está vinculado
approver-unpaired-hint = Para aprobar restablecimientos de contraseña en este teléfono, abra su página de registro, elija «Añadir notificaciones en tu teléfono» y escanee el código QR con la cámara de este teléfono.
approver-removed = Este teléfono se ha quitado de su cuenta.
approver-title-unsupported = Este navegador no puede aprobar solicitudes
approver-unsupported = No puede guardar aquí una clave de firma de forma segura (no hay IndexedDB ni WebCrypto, o la página no se sirve por HTTPS). Abra esta página en el navegador habitual de su teléfono.
approver-keystore-failed = Este navegador no ha podido usar la clave de este teléfono. Recargue la página y vuelva a intentarlo.
approver-push-hint = Reciba una notificación en este teléfono por cada solicitud, incluso con esta página cerrada.
approver-push-enable = Activar notificaciones
approver-push-on = Este teléfono recibe una notificación por cada solicitud.
approver-push-disable = Desactivar notificaciones
approver-push-turned-on = Las notificaciones están activadas. Toque una notificación para abrir esta página y responder.
approver-push-turned-off = Las notificaciones están desactivadas. Mantenga esta página abierta para ver las solicitudes.
approver-push-denied = Las notificaciones están bloqueadas para esta página. Permítalas en la configuración del navegador o mantenga esta página abierta.
approver-push-failed = No se han podido activar las notificaciones en este navegador. Mantenga esta página abierta para ver las solicitudes.
# La notificación que muestra el teléfono para una solicitud (su texto se pasa al service worker).
approver-push-title = Solicitud de restablecimiento de contraseña
approver-push-body = Toque para aprobarla o rechazarla.
## «No fui yo»: un restablecimiento en pausa tras un aviso, y la página de aviso
## (<sspr-reset flow="report">, abierta desde el enlace de una notificación)
reported-title = El restablecimiento de contraseña está en pausa para su cuenta
reported-hint = Se informó de que un cambio en su cuenta no lo hizo usted, así que el restablecimiento de contraseña de autoservicio está en pausa hasta el { $until }. Póngase en contacto con el soporte técnico para recuperar el acceso a su cuenta.
helpdesk-link = Contactar con el soporte técnico
report-title = ¿No hizo usted este cambio?
report-change-password_changed = Se cambió su contraseña.
report-change-account_unlocked = Se desbloqueó su cuenta.
report-change-method_added = Se añadió una forma de restablecer su contraseña: { $method }.
report-change-method_removed = Se quitó una forma de restablecer su contraseña: { $method }.
report-method-email_code = una dirección de correo electrónico
report-method-sms_code = un teléfono móvil
report-method-authenticator = una aplicación de autenticación
report-method-app_notification = notificaciones en un teléfono
report-method-security_questions = preguntas de seguridad
report-when = Cuándo: { $when }
report-explain = Si no fue usted, puede que otra persona tenga acceso a su cuenta. Infórmenos: pausaremos el restablecimiento de contraseña de autoservicio de su cuenta, detendremos cualquier restablecimiento en curso y avisaremos a sus administradores.
report-explain-remove = Se quitará la forma de restablecimiento que se añadió.
report-confirm = No fui yo: informar
report-it-was-me = Si hizo usted este cambio, no tiene que hacer nada: puede cerrar esta página.
report-done-title = Gracias: su cuenta está protegida
report-done-hint = El restablecimiento de contraseña de autoservicio está en pausa para su cuenta hasta el { $until } y se ha avisado a sus administradores. Póngase en contacto con el soporte técnico para proteger su cuenta.
report-done-removed = Se quitó la forma de restablecimiento que se añadió.
report-already-title = Ya informó de este cambio
report-already-hint = Informó de él el { $when }. Póngase en contacto con el soporte técnico si su cuenta aún necesita protegerse.
report-invalid-title = No se puede usar este enlace
report-missing = Abra esta página desde el enlace del correo que le enviamos sobre su cuenta.
error-reported_compromise = Se informó de que un cambio en su cuenta no lo hizo usted, así que el restablecimiento de contraseña de autoservicio y los cambios en sus métodos están en pausa hasta el { $until }. Póngase en contacto con el soporte técnico.
error-report_invalid = Este enlace no es válido o ha caducado (los enlaces son válidos durante 7 días). Si un cambio en su cuenta le parece extraño, póngase en contacto con el soporte técnico.
