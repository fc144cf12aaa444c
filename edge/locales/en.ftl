# sspr edge messages — English (the reference: every other file has exactly these ids and
# variables, checked by edge/src/senders/templates.rs). Fluent syntax (projectfluent.org), in
# the part of it that edge/src/senders/fluent.rs reads: one line per message, { $variable }
# and { $variable -> … } with one variant per line; it names the line of anything else.
# Variables: $org organisation name, $code the code, $minutes its lifetime, $method a method's
# name (one of the method-* messages), $helpdesk the helpdesk URL, $admin an administrator's
# name, $when a UTC date and time; "this wasn't me": $link the report link, $days how long it
# works, $user a user's name, $userid their directory id, $change a change-* message, $until
# a UTC date and time.

## Reset code email
code-email-subject = { $org } password reset code: { $code }
code-email-lead = Your { $org } password reset code is { $code }.
code-email-expiry = It expires in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }. If you did not ask to reset your password, ignore this email: your password stays as it is.

## Registration: verify an email address
enrolment-email-subject = Verify your email address for { $org }: { $code }
enrolment-email-lead = Your { $org } verification code is { $code }.
enrolment-email-expiry = Type it where you are adding this address for password reset. It expires in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }. If you did not add this address, ignore this email: it will not be used.

## Text message (one GSM-7 segment in English; the @host #code line is added after it)
code-sms = { $code } is your { $org } verification code. It expires in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }.

## Notices to the user
password-changed-subject = Your { $org } password was changed
password-changed-body = Your password was just changed with self-service password reset.
account-unlocked-subject = Your { $org } account was unlocked
account-unlocked-body = Your account was just unlocked with self-service password reset.
method-added-subject = A password reset method was added to your { $org } account
method-added-body = This method was just added to the ways you can reset your password: { $method }.
method-removed-subject = A password reset method was removed from your { $org } account
method-removed-body = This method was just removed from the ways you can reset your password: { $method }.
help-url = If this wasn't you, contact your helpdesk right away: { $helpdesk }
help-none = If this wasn't you, contact your IT helpdesk right away.
report-link = Wasn't you? Report it here and we will pause self-service password reset for your account and alert your administrators. The link works for { $days ->
        [one] { $days } day
       *[other] { $days } days
    }: { $link }

## Method names
method-email = code by email
method-sms = code by text message
method-authenticator = authenticator app
method-app-notification = app notification
method-security-questions = security questions

## Notice to administrators
admin-reset-subject = An administrator reset their { $org } password
admin-reset-body = { $admin } reset their password with self-service password reset on { $when }.
admin-reset-why = You are told because you are an administrator of { $org }: its policy notifies all administrators when an administrator resets their password. If this reset was not expected, check the account.

## "This wasn't me": the alert to administrators
report-admin-subject = { $user } reported a change to their { $org } account that they did not make
report-admin-body = { $user } (directory id { $userid }) reported this change to their account as not made by them: { $change }, on { $when }.
report-admin-removed = The reported method ({ $method }) was removed from their account.
report-admin-hold = Self-service password reset and changes to their reset methods are paused for this user until { $until }. Check the account now: reset the password yourself if needed, and review its sign-ins and reset methods. You can end the pause sooner with the admin API (POST /v1/admin/holds/clear).
change-password-changed = password changed
change-account-unlocked = account unlocked
change-method-added = reset method added ({ $method })
change-method-removed = reset method removed ({ $method })
