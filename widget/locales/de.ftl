# sspr-Widget — Deutsch (German).
# Syntax: Project Fluent (https://projectfluent.org). Variablen werden als { $name } geschrieben.
# Pluralformen verwenden die CLDR-Kategorien der Sprache (Deutsch: one, other).

## Identifizierung
identify-title-reset = Passwort zurücksetzen
identify-title-unlock = Konto entsperren
identify-hint = Geben Sie Ihren Benutzernamen oder Ihre E-Mail-Adresse ein. Wir senden Ihnen einen Code.
identify-username = Benutzername oder E-Mail-Adresse
identify-submit = Code senden
turnstile-waiting = Schließen Sie die Sicherheitsprüfung ab, um fortzufahren.
turnstile-expired = Die Sicherheitsprüfung ist abgelaufen. Führen Sie sie erneut durch.
turnstile-error = Die Sicherheitsprüfung konnte nicht ausgeführt werden. Versuchen Sie es erneut.
turnstile-retry = Prüfung wiederholen

## Code
code-title-email = Prüfen Sie Ihre E-Mails
code-title-sms = Prüfen Sie Ihr Telefon
code-hint = Wir haben einen { $length }-stelligen Code an { $destination } gesendet.
code-label = Code
code-submit = Bestätigen
code-resend = Neuen Code senden
code-resend-wait = Neuen Code senden in { $seconds } s
restart = Neu beginnen
switch-method = Andere Methode verwenden

## Methode wählen
choose-title = Wählen Sie, wie Sie sich bestätigen
choose-progress = Schritt { $step } von { $total }
choose-email_code = Code per E-Mail an { $destination }
choose-sms_code = Code per SMS an { $destination }
choose-authenticator = Authenticator-App verwenden
choose-app_notification = Benachrichtigung auf dem Telefon bestätigen
choose-security_questions = Sicherheitsfragen beantworten

## Neues Passwort
password-title = Neues Passwort wählen
password-label = Neues Passwort
password-show = Anzeigen
password-hide = Ausblenden
password-rule-min = { $count ->
    [one] Mindestens { $count } Zeichen
   *[other] Mindestens { $count } Zeichen
}
password-rule-max = { $count ->
    [one] Höchstens { $count } Zeichen
   *[other] Höchstens { $count } Zeichen
}
password-rule-classes = Mindestens { $count } davon: Großbuchstaben, Kleinbuchstaben, Ziffern, Sonderzeichen
rule-met = (erfüllt)
rule-not-met = (nicht erfüllt)
password-not-ready = Ihr neues Passwort erfüllt die folgenden Regeln noch nicht.
password-submit = Passwort ändern
strength-label = Passwortstärke
strength-score-0 = Sehr schwach
strength-score-1 = Schwach
strength-score-2 = Mittel
strength-score-3 = Stark
strength-score-4 = Sehr stark
strength-warning-keyboard = Tastenreihen und -muster sind leicht zu erraten.
strength-warning-repeats = Wiederholte Zeichen sind leicht zu erraten.
strength-warning-common = Dies ist ein sehr häufiges Passwort.
strength-warning-similar = Dies ähnelt einem häufigen Passwort.
strength-warning-sequence = Folgen wie abc oder 6543 sind leicht zu erraten.
strength-warning-years = Jahreszahlen der letzten Jahre sind leicht zu erraten.
strength-warning-word = Ein einzelnes Wort ist leicht zu erraten.
strength-warning-dates = Datumsangaben sind leicht zu erraten.
strength-warning-names = Namen allein sind leicht zu erraten.
strength-suggestion-more_words = Fügen Sie ein oder zwei Wörter hinzu; ungewöhnliche Wörter sind besser.
strength-suggestion-no_symbols_needed = Sonderzeichen, Ziffern oder Großbuchstaben sind nicht nötig: Länge zählt mehr.
strength-suggestion-capitals = Großbuchstaben helfen wenig.
strength-suggestion-reversed = Rückwärts geschriebene Wörter sind kaum schwerer zu erraten.
strength-suggestion-substitutions = Ersetzungen wie @ für a helfen wenig.
strength-suggestion-keyboard = Verwenden Sie ein längeres Tastenmuster mit mehr Richtungswechseln.
strength-suggestion-repeats = Vermeiden Sie wiederholte Wörter und Zeichen.
strength-suggestion-sequences = Vermeiden Sie Zeichenfolgen.
strength-suggestion-dates = Vermeiden Sie Daten und Jahreszahlen, die mit Ihnen zu tun haben.

## Ergebnisse
done-title-reset = Passwort geändert
done-hint-reset = Sie können sich jetzt mit Ihrem neuen Passwort anmelden.
done-title-unlock = Konto entsperrt
done-hint-unlock = Sie können sich jetzt mit Ihrem Passwort anmelden.
pending-title = Fast geschafft
pending-hint = Ihre Identität ist bestätigt. Wir übermitteln die Änderung an Ihr Verzeichnis.
pending-retry = Erneut versuchen
locked-title = Zu viele Versuche
locked-hint = Zu Ihrer Sicherheit ist das Zurücksetzen des Passworts für dieses Konto bis { $until } gesperrt.
approval-title = Auf dem Telefon bestätigen
approval-hint = Öffnen Sie die Bestätigungsseite auf Ihrem Telefon und tippen Sie auf die hier angezeigte Zahl.
approval-number-label = Zu tippende Zahl:
approval-waiting = Warten auf Ihr Telefon …

## Verbindungsprobleme (keine Antwort vom Server)
client-network = Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.
client-unreadable = Der Server hat eine Antwort gesendet, die wir nicht verstehen. Versuchen Sie es erneut.

## Fehler, einer pro Code, den der Server zurückgeben kann
error-bad_request = Mit der Anfrage stimmte etwas nicht. Laden Sie die Seite neu und versuchen Sie es erneut.
error-unsupported_media_type = Mit der Anfrage stimmte etwas nicht. Laden Sie die Seite neu und versuchen Sie es erneut.
error-payload_too_large = Ihre Eingabe ist zu lang.
error-not_found = Diese Seite ist veraltet. Laden Sie sie neu und versuchen Sie es erneut.
error-method_not_allowed = Diese Seite ist veraltet. Laden Sie sie neu und versuchen Sie es erneut.
error-origin_not_allowed = Das Zurücksetzen von Passwörtern ist auf dieser Website nicht verfügbar. Wenden Sie sich an Ihren Helpdesk.
error-invalid_username = Geben Sie einen Benutzernamen oder eine E-Mail-Adresse ohne Sonderzeichen ein.
error-flow_expired = Dieser Vorgang ist abgelaufen. Beginnen Sie neu.
error-wrong_step = Dieser Schritt ist bereits erledigt. Beginnen Sie neu.
error-method_not_offered = Diese Methode ist für diesen Vorgang nicht verfügbar. Wählen Sie eine andere.
error-answers_wrong = Einige Antworten sind falsch. Beantworten Sie die neuen Fragen.
error-approval_failed = Die Anfrage auf Ihrem Telefon wurde abgelehnt, mit der falschen Zahl beantwortet oder ist abgelaufen.
error-invalid_code_format = Geben Sie den Code nur als Ziffern ein.
error-code_mismatch = { $tries ->
    [0] Der Code stimmt nicht.
    [one] Der Code stimmt nicht. Noch { $tries } Versuch.
   *[other] Der Code stimmt nicht. Noch { $tries } Versuche.
}
error-code_expired = Dieser Code ist abgelaufen. Beginnen Sie neu, um einen neuen Code zu erhalten.
error-code_used = Dieser Code wurde bereits verwendet. Beginnen Sie neu, um einen neuen Code zu erhalten.
error-code_attempts_exhausted = Zu viele falsche Codes. Beginnen Sie neu, um einen neuen Code zu erhalten.
error-locked = Zu viele Versuche. Versuchen Sie es ab { $until } erneut.
error-resend_too_soon = Gerade eben wurde ein Code gesendet. Sie können ab { $until } einen weiteren anfordern.
error-send_limit = Es wurden zu viele Codes gesendet. Sie können ab { $until } einen weiteren anfordern.
error-password_too_short = { $min ->
    [one] Verwenden Sie mindestens { $min } Zeichen.
   *[other] Verwenden Sie mindestens { $min } Zeichen.
}
error-password_too_long = { $max ->
    [one] Verwenden Sie höchstens { $max } Zeichen.
   *[other] Verwenden Sie höchstens { $max } Zeichen.
}
error-password_composition = Verwenden Sie mindestens 3 davon: Großbuchstaben, Kleinbuchstaben, Ziffern, Sonderzeichen.
error-password_personal_info = Verwenden Sie in Ihrem Passwort weder Ihren Namen noch Ihren Benutzernamen oder Ihre E-Mail-Adresse.
error-password_common = Dieses Passwort ist zu verbreitet. Wählen Sie eines, das schwerer zu erraten ist.
error-password_banned = Dieses Passwort beruht auf einem Wort, das hier nicht erlaubt ist. Wählen Sie ein anderes.
error-password_breached = Dieses Passwort ist in einem Datenleck aufgetaucht, daher probieren Angreifer es früh aus. Wählen Sie ein anderes.
error-breach_check_unavailable = Der Abgleich mit Passwörtern aus Datenlecks ist gerade nicht möglich. Versuchen Sie es in einer Minute erneut.
error-password_rejected = Das Verzeichnis Ihrer Organisation hat dieses Passwort abgelehnt: { $reason }
error-backend_unavailable = Ihr Verzeichnis hat nicht geantwortet. Es wurde nichts geändert. Versuchen Sie es gleich noch einmal.
error-internal = Bei uns ist ein Fehler aufgetreten. Es wurde nichts geändert. Versuchen Sie es erneut.
error-invalid_parameter = Etwas an der Anfrage war nicht in Ordnung. Laden Sie die Seite neu und versuchen Sie es erneut.
error-unauthenticated = Melden Sie sich erneut an, um fortzufahren.
error-not_enabled = Die Self-Service-Kennwortzurücksetzung ist für Ihr Konto nicht aktiviert. Wenden Sie sich an Ihren Helpdesk.
error-method_not_permitted = Ihre Organisation erlaubt diese Methode nicht.
error-email_invalid = Geben Sie eine E-Mail-Adresse wie name@example.com ein.
error-phone_invalid = Geben Sie eine Mobilnummer mit Ländervorwahl ein, etwa +49 151 23456789.
error-nothing_pending = Es wartet nichts auf einen Code. Fügen Sie die Methode erneut hinzu.
error-not_registered = Diese Methode ist nicht registriert.
error-questions_invalid = Prüfen Sie Ihre Sicherheitsfragen: Jede braucht eine andere Frage und Antwort, zweimal gleich eingegeben.
error-registration_incomplete = Registrieren Sie weitere Methoden, bevor Sie sie bestätigen.
error-nothing_to_postpone = Es gibt nichts aufzuschieben.
error-postpone_budget_used = Sie können dies nicht mehr aufschieben.
error-sign_in_too_old = Melden Sie sich erneut an, um eine Methode zu entfernen.
error-invalid_policy = Die Richtlinie ist ungültig.
error-version_conflict = Die Richtlinie wurde inzwischen geändert. Laden Sie sie erneut.
error-turnstile_required = Schließen Sie zuerst die Sicherheitsprüfung ab.
error-turnstile_failed = Die Sicherheitsprüfung wurde nicht akzeptiert. Führen Sie sie erneut durch.
error-turnstile_unavailable = Die Sicherheitsprüfung kann gerade nicht bestätigt werden. Es wurde nichts gestartet. Versuchen Sie es gleich noch einmal.
error-device_name_invalid = Der Gerätename muss 1 bis 64 Zeichen lang sein.
error-public_key_invalid = Der Schlüssel dieses Telefons kann nicht verwendet werden. Koppeln Sie es erneut.
error-pairing_invalid = Dieser Kopplungscode ist nicht mehr gültig. Fordern Sie einen neuen QR-Code an.
error-signature_invalid = Dieses Telefon wird nicht erkannt. Koppeln Sie es erneut.
error-request_stale = Die Uhr Ihres Telefons geht falsch. Stellen Sie die richtige Zeit ein und versuchen Sie es erneut.
error-request_replayed = Diese Anfrage wurde bereits empfangen.
error-no_approval_pending = Keine Anfrage wartet auf Ihre Bestätigung.
error-approval_expired = Die Anfrage auf Ihrem Telefon ist abgelaufen. Versuchen Sie es erneut.

## Sicherheitsfragen (nach festem Schlüssel; für Registrierung und Zurücksetzen)
question-city_born = In welcher Stadt wurden Sie geboren?
question-city_parents_met = In welcher Stadt haben sich Ihre Eltern kennengelernt?
question-city_first_job = In welcher Stadt hatten Sie Ihre erste Arbeitsstelle?
question-city_spouse_born = In welcher Stadt wurde Ihr Ehe- oder Lebenspartner geboren?
question-childhood_best_friend = Wie lautet der Vorname Ihres besten Freundes oder Ihrer besten Freundin aus der Kindheit?
question-childhood_nickname = Welchen Spitznamen hatten Sie als Kind?
question-childhood_street = In welcher Straße haben Sie als Kind gewohnt?
question-childhood_hero = Wer war in Ihrer Kindheit Ihr großes Vorbild?
question-childhood_phone_last_four = Wie lauteten die letzten vier Ziffern Ihrer Telefonnummer in der Kindheit?
question-first_pet_name = Wie hieß Ihr erstes Haustier?
question-first_car_model = Welche Marke und welches Modell war Ihr erstes Auto?
question-first_concert = Welches war das erste Konzert, das Sie besucht haben?
question-first_employer = Wie hieß Ihr erster Arbeitgeber?
question-first_job_title = Wie lautete die Bezeichnung Ihrer ersten Stelle?
question-first_school_name = Wie hieß Ihre erste Schule?
question-first_teacher_surname = Wie lautete der Nachname Ihrer ersten Lehrerin oder Ihres ersten Lehrers?
question-first_kiss_city = In welcher Stadt hatten Sie Ihren ersten Kuss?
question-favourite_food_as_child = Was war als Kind Ihr Lieblingsessen?
question-favourite_book_as_child = Was war als Kind Ihr Lieblingsbuch?
question-favourite_film_as_teen = Was war als Jugendliche oder Jugendlicher Ihr Lieblingsfilm?
question-favourite_sports_team_as_child = Welche Sportmannschaft mochten Sie als Kind am liebsten?
question-favourite_toy_as_child = Was war als Kind Ihr Lieblingsspielzeug?
question-grandmother_maiden_name = Wie lautet der Geburtsname Ihrer Großmutter?
question-grandfather_occupation = Welchen Beruf hatte Ihr Großvater?
question-oldest_cousin_first_name = Wie lautet der Vorname Ihres ältesten Cousins oder Ihrer ältesten Cousine?
question-oldest_sibling_middle_name = Wie lautet der zweite Vorname Ihres ältesten Bruders oder Ihrer ältesten Schwester?
question-youngest_sibling_birthday_month = In welchem Monat hat Ihr jüngster Bruder oder Ihre jüngste Schwester Geburtstag?
question-father_middle_name = Wie lautet der zweite Vorname Ihres Vaters?
question-mother_middle_name = Wie lautet der zweite Vorname Ihrer Mutter?
question-parents_wedding_city = In welcher Stadt haben Ihre Eltern geheiratet?
question-high_school_mascot = Welches Maskottchen oder Wappen hatte Ihre weiterführende Schule?
question-high_school_graduation_year_city = In welcher Stadt haben Sie Ihren Schulabschluss gemacht?
question-university_first_roommate = Wie lautet der Vorname Ihrer ersten Mitbewohnerin oder Ihres ersten Mitbewohners im Studium?
question-wedding_reception_venue = Wo fand Ihre Hochzeitsfeier statt?
question-dream_job_as_child = Was war als Kind Ihr Traumberuf?
question-place_of_first_holiday = Wohin ging Ihr erster Urlaub?

## Zurücksetzen mit Authentifizierungs-App oder Sicherheitsfragen
totp-title = Code aus Ihrer Authentifizierungs-App eingeben
totp-hint = Öffnen Sie Ihre Authentifizierungs-App und geben Sie den { $length }-stelligen Code ein, den sie für dieses Konto anzeigt.
answers-title = Beantworten Sie Ihre Sicherheitsfragen
answers-hint = Antworten Sie so, wie Sie es bei der Einrichtung getan haben. Groß- und Kleinschreibung und zusätzliche Leerzeichen spielen keine Rolle.
answers-submit = Weiter

## Registrierung: Übersicht und „Meine Methoden“
loading = Wird geladen …
failed-title = Ihre Methoden konnten nicht geladen werden
register-title = Richten Sie Wege zum Zurücksetzen Ihres Passworts ein
reconfirm-title = Gehören diese noch Ihnen?
manage-title = Ihre Wege zum Zurücksetzen des Passworts
not-enabled-title = Das Zurücksetzen des Passworts ist nicht aktiviert
register-signed-in = Angemeldet als { $name }
register-progress = { $held } von { $total } eingerichtet
register-hint = Wenn Sie Ihr Passwort vergessen, weisen Sie damit nach, wer Sie sind.
reconfirm-hint = Prüfen Sie, ob Sie jede dieser Methoden noch nutzen können, und bestätigen Sie sie dann.
register-needed = { $total ->
    [one] Sie benötigen { $total } Methode.
   *[other] Sie benötigen { $total } Methoden.
}
register-held-title = Eingerichtet
register-none-held = Noch ist nichts eingerichtet.
register-add-title = Methode hinzufügen
method-email_code = E-Mail { $destination }
method-sms_code = Mobiltelefon { $destination }
method-authenticator = Authentifizierungs-App
method-app_notification = Benachrichtigungen auf Ihrem Telefon
method-security_questions = Sicherheitsfragen
add-email_code = E-Mail-Adresse hinzufügen
add-sms_code = Mobiltelefon hinzufügen
add-authenticator = Authentifizierungs-App hinzufügen
add-app_notification = Benachrichtigungen auf Ihrem Telefon hinzufügen
add-security_questions = Sicherheitsfragen einrichten
remove-method = Entfernen
held-default = Standard
make-default = Als Standard festlegen
held-from-directory = Aus dem Verzeichnis Ihrer Organisation
confirm-methods = Meine Methoden bestätigen
postpone = Nicht jetzt
postpone-hint = { $count ->
    [one] Sie können dies noch { $count } Mal aufschieben.
   *[other] Sie können dies noch { $count } Mal aufschieben.
}
back = Zurück

## Registrierung: eine Methode hinzufügen
email-title = E-Mail-Adresse hinzufügen
email-label = E-Mail-Adresse
email-hint = Wir senden einen Code an diese Adresse, um sie zu prüfen.
phone-title = Mobiltelefon hinzufügen
phone-label = Mobilnummer
phone-hint = Beginnen Sie mit der Ländervorwahl, z. B. +49 151 23456789. Wir senden Ihnen einen Code per SMS.
auth-title = Authentifizierungs-App einrichten
auth-scan = Scannen Sie diesen QR-Code mit Ihrer Authentifizierungs-App, etwa Microsoft Authenticator oder Google Authenticator.
auth-qr = QR-Code für Ihre Authentifizierungs-App
auth-secret = Oder geben Sie diesen Schlüssel in der App ein:
auth-copy = Schlüssel kopieren
auth-copied = Schlüssel kopiert.
auth-link = Auf diesem Telefon einrichten
auth-code-label = Code aus der App
auth-new-secret = Neuen QR-Code anfordern
auth-pending-hint = Geben Sie den Code ein, den Ihre Authentifizierungs-App anzeigt, oder fordern Sie einen neuen QR-Code an.
questions-title = Sicherheitsfragen einrichten
questions-hint = Wählen Sie { $count } verschiedene Fragen und geben Sie jede Antwort zweimal ein. Antworten haben { $min } bis { $max } Zeichen.
questions-question = Frage { $number }
questions-choose = Frage auswählen
questions-answer = Antwort
questions-confirm = Antwort wiederholen
questions-submit = Fragen speichern

## Registrierung: Ergebnisse
signin-title = Erneut anmelden
signin-hint = Ihre Anmeldung ist abgelaufen. Melden Sie sich erneut an, um fortzufahren; nichts, was Sie eingerichtet haben, geht verloren.
reg-done-title = Alles erledigt
reg-done-hint = Wenn Sie Ihr Passwort vergessen, können Sie es jetzt selbst zurücksetzen.
reg-done-manage = Meine Methoden verwalten
postponed-title = Wir erinnern Sie später daran
postponed-hint = Sie werden bei Ihrer nächsten Anmeldung erneut gefragt.

## Registrierung: Benachrichtigungen auf Ihrem Telefon (Bestätigungstelefon koppeln)
app-title = Benachrichtigungen auf Ihrem Telefon erhalten
app-scan = Scannen Sie diesen QR-Code mit der Kamera Ihres Telefons, öffnen Sie die angezeigte Seite und tippen Sie auf „Dieses Telefon koppeln“.
app-qr = QR-Code, der die Kopplungsseite auf Ihrem Telefon öffnet
app-link = Oder öffnen Sie die Kopplungsseite auf diesem Gerät
app-expires = Der Code gilt bis { $time }.
app-waiting = Warten auf Ihr Telefon …
app-expired = Dieser Code ist abgelaufen.
app-new-code = Neuen Code anzeigen
held-app_notification = Benachrichtigungen auf „{ $name }“

## Die Bestätigungsseite auf dem Telefon
approver-title-pair = Dieses Telefon koppeln
approver-pair-hint = Für Ihr Konto wurde angefordert, Bestätigungen für das Zurücksetzen des Passworts an dieses Telefon zu senden. Sobald es gekoppelt ist, bittet Sie diese Seite, jedes Zurücksetzen und jedes Entsperren Ihres Kontos zu bestätigen.
approver-name-label = Name dieses Telefons
approver-name-hint = Wird bei Ihren Methoden angezeigt, damit Sie wissen, um welches Telefon es sich handelt.
approver-name-default = Mein Telefon
approver-pair = Dieses Telefon koppeln
approver-paired = Dieses Telefon ist gekoppelt. Wenn Sie Ihr Passwort zurücksetzen oder Ihr Konto entsperren, öffnen Sie diese Seite, um den Vorgang zu bestätigen.
approver-title-waiting = Keine offenen Anfragen
approver-waiting-hint = Lassen Sie diese Seite geöffnet oder fügen Sie sie zu Ihrem Startbildschirm hinzu. Solange sie geöffnet ist, prüft sie alle paar Sekunden, ob Anfragen vorliegen.
approver-devices = Mit diesem Telefon gekoppelt
approver-device = „{ $name }“, gekoppelt am { $date }
approver-check-now = Jetzt prüfen
approver-title-request = Sind Sie das?
approver-request-reset = Jemand setzt Ihr Passwort zurück (angefordert am { $time }).
approver-request-unlock = Jemand entsperrt Ihr Konto (angefordert am { $time }).
approver-request-hint = Wenn Sie es sind, tippen Sie auf die Zahl, die auf dem Bildschirm zum Zurücksetzen angezeigt wird.
approver-number = Zahl { $number }
approver-deny = Das war ich nicht
approver-title-approved = Bestätigt
approver-approved = Das Zurücksetzen wird auf dem anderen Bildschirm fortgesetzt.
approver-title-denied = Anfrage abgelehnt
approver-denied = Niemand kann dieses Zurücksetzen fortsetzen. Wenn Sie es nicht gestartet haben, kennt womöglich jemand Ihren Benutzernamen: Informieren Sie Ihren Helpdesk.
approver-title-wrong = Nicht bestätigt
approver-wrong = Das war nicht die Zahl auf dem Bildschirm zum Zurücksetzen, daher wurde die Anfrage abgelehnt. Beim Zurücksetzen muss erneut eine Methode gewählt werden.
approver-title-expired = Anfrage abgelaufen
approver-expired = Die Anfrage hat länger als zwei Minuten gewartet. Beginnen Sie auf dem Bildschirm zum Zurücksetzen neu.
approver-title-gone = Nichts zu bestätigen
approver-gone = Die Anfrage wurde bereits beantwortet oder durch eine neuere ersetzt.
approver-back = OK
approver-title-unpaired = Dieses Telefon ist nicht gekoppelt
approver-unpaired-hint = Um das Zurücksetzen von Passwörtern auf diesem Telefon zu bestätigen, öffnen Sie Ihre Registrierungsseite, wählen Sie „Benachrichtigungen auf Ihrem Telefon hinzufügen“ und scannen Sie den QR-Code mit der Kamera dieses Telefons.
approver-removed = Dieses Telefon wurde aus Ihrem Konto entfernt.
approver-title-unsupported = Dieser Browser kann keine Anfragen bestätigen
approver-unsupported = Er kann hier keinen Signaturschlüssel sicher aufbewahren (kein IndexedDB oder WebCrypto, oder die Seite wird nicht über HTTPS bereitgestellt). Öffnen Sie diese Seite im gewohnten Browser Ihres Telefons.
approver-keystore-failed = Dieser Browser konnte den Schlüssel dieses Telefons nicht verwenden. Laden Sie die Seite neu und versuchen Sie es erneut.
approver-push-hint = Erhalten Sie auf diesem Telefon zu jeder Anfrage eine Benachrichtigung, auch wenn diese Seite geschlossen ist.
approver-push-enable = Benachrichtigungen aktivieren
approver-push-on = Dieses Telefon erhält zu jeder Anfrage eine Benachrichtigung.
approver-push-disable = Benachrichtigungen deaktivieren
approver-push-turned-on = Benachrichtigungen sind aktiviert. Tippen Sie auf eine Benachrichtigung, um diese Seite zu öffnen und zu antworten.
approver-push-turned-off = Benachrichtigungen sind deaktiviert. Lassen Sie diese Seite geöffnet, um Anfragen zu sehen.
approver-push-denied = Benachrichtigungen sind für diese Seite blockiert. Erlauben Sie sie in den Browsereinstellungen oder lassen Sie diese Seite geöffnet.
approver-push-failed = Benachrichtigungen konnten in diesem Browser nicht aktiviert werden. Lassen Sie diese Seite geöffnet, um Anfragen zu sehen.
# Die Benachrichtigung, die das Telefon zu einer Anfrage anzeigt (ihr Text geht an den Service Worker).
approver-push-title = Anfrage zum Zurücksetzen des Passworts
approver-push-body = Tippen Sie, um sie zu bestätigen oder abzulehnen.
## „Das war ich nicht“: ein Zurücksetzen, das nach einer Meldung ausgesetzt ist, und die
## Meldeseite (<sspr-reset flow="report">, geöffnet über den Link einer Benachrichtigung)
reported-title = Das Zurücksetzen des Passworts ist für Ihr Konto ausgesetzt
reported-hint = Eine Änderung an Ihrem Konto wurde als nicht von Ihnen vorgenommen gemeldet. Deshalb ist das Zurücksetzen des Passworts per Self-Service bis { $until } ausgesetzt. Wenden Sie sich an Ihren Helpdesk, um wieder Zugang zu Ihrem Konto zu erhalten.
helpdesk-link = An den Helpdesk wenden
report-title = Haben Sie diese Änderung nicht vorgenommen?
report-change-password_changed = Ihr Passwort wurde geändert.
report-change-account_unlocked = Ihr Konto wurde entsperrt.
report-change-method_added = Eine Methode zum Zurücksetzen Ihres Passworts wurde hinzugefügt: { $method }.
report-change-method_removed = Eine Methode zum Zurücksetzen Ihres Passworts wurde entfernt: { $method }.
report-method-email_code = eine E-Mail-Adresse
report-method-sms_code = ein Mobiltelefon
report-method-authenticator = eine Authentifizierungs-App
report-method-app_notification = Benachrichtigungen auf einem Telefon
report-method-security_questions = Sicherheitsfragen
report-when = Wann: { $when }
report-explain = Wenn Sie das nicht waren, kann jemand anderes möglicherweise auf Ihr Konto zugreifen. Melden Sie es: Wir setzen das Zurücksetzen des Passworts per Self-Service für Ihr Konto aus, brechen laufende Zurücksetzungen ab und benachrichtigen Ihre Administratoren.
report-explain-remove = Die hinzugefügte Methode wird entfernt.
report-confirm = Das war ich nicht – melden
report-it-was-me = Wenn Sie diese Änderung selbst vorgenommen haben, ist nichts zu tun: Sie können diese Seite schließen.
report-done-title = Danke – Ihr Konto ist geschützt
report-done-hint = Das Zurücksetzen des Passworts per Self-Service ist für Ihr Konto bis { $until } ausgesetzt, und Ihre Administratoren wurden benachrichtigt. Wenden Sie sich an Ihren Helpdesk, um Ihr Konto abzusichern.
report-done-removed = Die hinzugefügte Methode wurde entfernt.
report-already-title = Sie haben diese Änderung bereits gemeldet
report-already-hint = Sie haben sie am { $when } gemeldet. Wenden Sie sich an Ihren Helpdesk, falls Ihr Konto noch abgesichert werden muss.
report-invalid-title = Dieser Link kann nicht verwendet werden
report-missing = Öffnen Sie diese Seite über den Link in der E-Mail, die wir Ihnen zu Ihrem Konto gesendet haben.
error-reported_compromise = Eine Änderung an Ihrem Konto wurde als nicht von Ihnen vorgenommen gemeldet. Deshalb sind das Zurücksetzen des Passworts per Self-Service und Änderungen an Ihren Methoden bis { $until } ausgesetzt. Wenden Sie sich an Ihren Helpdesk.
error-report_invalid = Dieser Link ist ungültig oder abgelaufen (Links gelten 7 Tage). Wenn eine Änderung an Ihrem Konto falsch aussieht, wenden Sie sich an Ihren Helpdesk.
