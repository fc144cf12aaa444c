# sspr-Edge-Nachrichten — Deutsch. Gleiche IDs und Variablen wie en.ftl.

## E-Mail mit Code zum Zurücksetzen
code-email-subject = Code zum Zurücksetzen Ihres { $org }-Passworts: { $code }
code-email-lead = Ihr Code zum Zurücksetzen Ihres { $org }-Passworts lautet { $code }.
code-email-expiry = Er läuft in { $minutes ->
        [one] { $minutes } Minute
       *[other] { $minutes } Minuten
    } ab. Wenn Sie nicht darum gebeten haben, Ihr Passwort zurückzusetzen, ignorieren Sie diese E-Mail: Ihr Passwort bleibt unverändert.

## Registrierung: E-Mail-Adresse bestätigen
enrolment-email-subject = Bestätigen Sie Ihre E-Mail-Adresse für { $org }: { $code }
enrolment-email-lead = Ihr Bestätigungscode für { $org } lautet { $code }.
enrolment-email-expiry = Geben Sie ihn dort ein, wo Sie diese Adresse für das Zurücksetzen des Passworts hinzufügen. Er läuft in { $minutes ->
        [one] { $minutes } Minute
       *[other] { $minutes } Minuten
    } ab. Wenn Sie diese Adresse nicht hinzugefügt haben, ignorieren Sie diese E-Mail: Sie wird nicht verwendet.

## SMS
code-sms = { $code } ist Ihr Bestätigungscode für { $org }. Er läuft in { $minutes ->
        [one] { $minutes } Minute
       *[other] { $minutes } Minuten
    } ab.

## Hinweise an den Benutzer
password-changed-subject = Ihr { $org }-Passwort wurde geändert
password-changed-body = Ihr Passwort wurde soeben über die Self-Service-Kennwortzurücksetzung geändert.
account-unlocked-subject = Ihr { $org }-Konto wurde entsperrt
account-unlocked-body = Ihr Konto wurde soeben über die Self-Service-Kennwortzurücksetzung entsperrt.
method-added-subject = Ihrem { $org }-Konto wurde eine Methode zum Zurücksetzen des Passworts hinzugefügt
method-added-body = Diese Methode wurde soeben zu den Möglichkeiten hinzugefügt, Ihr Passwort zurückzusetzen: { $method }.
method-removed-subject = Von Ihrem { $org }-Konto wurde eine Methode zum Zurücksetzen des Passworts entfernt
method-removed-body = Diese Methode wurde soeben aus den Möglichkeiten entfernt, Ihr Passwort zurückzusetzen: { $method }.
help-url = Wenn Sie das nicht waren, wenden Sie sich sofort an Ihren Helpdesk: { $helpdesk }
help-none = Wenn Sie das nicht waren, wenden Sie sich sofort an Ihren IT-Helpdesk.
report-link = Waren Sie das nicht? Melden Sie es hier: Wir setzen dann die Self-Service-Kennwortzurücksetzung für Ihr Konto aus und benachrichtigen Ihre Administratoren. Der Link ist { $days ->
        [one] { $days } Tag
       *[other] { $days } Tage
    } gültig: { $link }

## Namen der Methoden
method-email = Code per E-Mail
method-sms = Code per SMS
method-authenticator = Authenticator-App
method-app-notification = App-Benachrichtigung
method-security-questions = Sicherheitsfragen

## Hinweis an Administratoren
admin-reset-subject = Ein Administrator hat sein { $org }-Passwort zurückgesetzt
admin-reset-body = { $admin } hat am { $when } sein Passwort über die Self-Service-Kennwortzurücksetzung zurückgesetzt.
admin-reset-why = Sie erhalten diese Nachricht, weil Sie Administrator von { $org } sind: Laut Richtlinie werden alle Administratoren benachrichtigt, wenn ein Administrator sein Passwort zurücksetzt. Wenn diese Zurücksetzung unerwartet war, prüfen Sie das Konto.

## „Das war ich nicht“: Warnung an die Administratoren
report-admin-subject = { $user } hat eine Änderung an seinem { $org }-Konto gemeldet, die nicht von ihm stammt
report-admin-body = { $user } (Verzeichnis-ID { $userid }) hat gemeldet, dass diese Änderung an seinem Konto nicht von ihm vorgenommen wurde: { $change }, am { $when }.
report-admin-removed = Die gemeldete Methode ({ $method }) wurde aus seinem Konto entfernt.
report-admin-hold = Die Self-Service-Kennwortzurücksetzung und Änderungen an seinen Zurücksetzungsmethoden sind für diesen Benutzer bis { $until } ausgesetzt. Prüfen Sie das Konto jetzt: Setzen Sie bei Bedarf selbst das Passwort zurück und prüfen Sie seine Anmeldungen und Zurücksetzungsmethoden. Über die Admin-API (POST /v1/admin/holds/clear) können Sie die Aussetzung früher beenden.
change-password-changed = Passwort geändert
change-account-unlocked = Konto entsperrt
change-method-added = Zurücksetzungsmethode hinzugefügt ({ $method })
change-method-removed = Zurücksetzungsmethode entfernt ({ $method })
