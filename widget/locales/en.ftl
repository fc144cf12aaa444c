# sspr widget — English (the reference locale: every other file has exactly these messages).
# Syntax: Project Fluent (https://projectfluent.org). Variables are written { $name }.
# Plurals use the CLDR categories of the language (zero, one, two, few, many, other).

## Identify
identify-title-reset = Reset your password
identify-title-unlock = Unlock your account
identify-hint = Enter your username or email. We will send you a code.
identify-username = Username or email
identify-submit = Send code
turnstile-waiting = Complete the security check to continue.
turnstile-expired = The security check expired. Do it again to continue.
turnstile-error = The security check could not run. Try it again.
turnstile-retry = Try the check again

## Code
code-title-email = Check your email
code-title-sms = Check your phone
code-hint = We sent a { $length }-digit code to { $destination }.
code-label = Code
code-submit = Verify
code-resend = Send a new code
code-resend-wait = Send a new code in { $seconds } s
restart = Start over
switch-method = Use another method

## Choose a method
choose-title = Choose how to verify it's you
choose-progress = Step { $step } of { $total }
choose-email_code = Email a code to { $destination }
choose-sms_code = Text a code to { $destination }
choose-authenticator = Use your authenticator app
choose-app_notification = Approve a notification on your phone
choose-security_questions = Answer your security questions

## New password
password-title = Choose a new password
password-label = New password
password-show = Show
password-hide = Hide
password-rule-min = { $count ->
    [one] At least { $count } character
   *[other] At least { $count } characters
}
password-rule-max = { $count ->
    [one] At most { $count } character
   *[other] At most { $count } characters
}
password-rule-classes = At least { $count } of: upper case, lower case, digits, symbols
rule-met = (met)
rule-not-met = (not met)
password-not-ready = Your new password does not meet the rules below yet.
password-submit = Change password
strength-label = Password strength
strength-score-0 = Very weak
strength-score-1 = Weak
strength-score-2 = Fair
strength-score-3 = Strong
strength-score-4 = Very strong
strength-warning-keyboard = Rows and patterns of keys are easy to guess.
strength-warning-repeats = Repeated characters are easy to guess.
strength-warning-common = This is a very common password.
strength-warning-similar = This is similar to a common password.
strength-warning-sequence = Sequences like abc or 6543 are easy to guess.
strength-warning-years = Recent years are easy to guess.
strength-warning-word = A word on its own is easy to guess.
strength-warning-dates = Dates are easy to guess.
strength-warning-names = Names on their own are easy to guess.
strength-suggestion-more_words = Add another word or two; uncommon words are better.
strength-suggestion-no_symbols_needed = No need for symbols, digits or capitals: length matters more.
strength-suggestion-capitals = Capital letters do not help much.
strength-suggestion-reversed = Reversed words are not much harder to guess.
strength-suggestion-substitutions = Swaps like @ for a do not help much.
strength-suggestion-keyboard = Use a longer keyboard pattern with more turns.
strength-suggestion-repeats = Avoid repeated words and characters.
strength-suggestion-sequences = Avoid sequences.
strength-suggestion-dates = Avoid dates and years that are linked to you.

## Outcomes
done-title-reset = Password changed
done-hint-reset = You can now sign in with your new password.
done-title-unlock = Account unlocked
done-hint-unlock = You can now sign in with your password.
pending-title = Almost done
pending-hint = Your identity is confirmed. We are passing the change to your directory.
pending-retry = Try again
locked-title = Too many attempts
locked-hint = For your security, password reset is blocked for this account until { $until }.
approval-title = Approve on your phone
approval-hint = Open the approver on your phone and tap the number shown here.
approval-number-label = Number to tap:
approval-waiting = Waiting for your phone…

## Connection problems (no answer from the server)
client-network = We could not reach the server. Check your connection and try again.
client-unreadable = The server sent an answer we did not understand. Try again.

## Errors, one per code the server may return
error-bad_request = Something in the request was not right. Reload the page and try again.
error-unsupported_media_type = Something in the request was not right. Reload the page and try again.
error-payload_too_large = What you entered is too long.
error-not_found = This page is out of date. Reload it and try again.
error-method_not_allowed = This page is out of date. Reload it and try again.
error-origin_not_allowed = Password reset is not available on this site. Contact your helpdesk.
error-invalid_username = Enter a username or email address without special characters.
error-flow_expired = This reset has expired. Start again.
error-wrong_step = This step is already done. Start again.
error-method_not_offered = This method is not available for this reset. Choose another.
error-answers_wrong = Some answers are wrong. Answer the new questions.
error-approval_failed = The request on your phone was denied, answered with the wrong number, or timed out.
error-invalid_code_format = Enter the code as digits only.
error-code_mismatch = { $tries ->
    [0] The code does not match.
    [one] The code does not match. { $tries } try left.
   *[other] The code does not match. { $tries } tries left.
}
error-code_expired = This code has expired. Start again to get a new one.
error-code_used = This code was already used. Start again to get a new one.
error-code_attempts_exhausted = Too many wrong codes. Start again to get a new one.
error-locked = Too many attempts. Try again after { $until }.
error-resend_too_soon = A code was sent moments ago. You can ask for another after { $until }.
error-send_limit = Too many codes were sent. You can ask for another after { $until }.
error-password_too_short = { $min ->
    [one] Use at least { $min } character.
   *[other] Use at least { $min } characters.
}
error-password_too_long = { $max ->
    [one] Use at most { $max } character.
   *[other] Use at most { $max } characters.
}
error-password_composition = Use at least 3 of: upper case, lower case, digits, symbols.
error-password_personal_info = Do not use your name, username or email address in your password.
error-password_common = This password is too common. Choose one that is harder to guess.
error-password_banned = This password is built on a word that is not allowed here. Choose another.
error-password_breached = This password has appeared in a data breach, so attackers will try it early. Choose another.
error-breach_check_unavailable = The check against breached passwords cannot be made right now. Try again in a minute.
error-password_rejected = Your organisation's directory refused this password: { $reason }
error-backend_unavailable = Your directory did not answer. Nothing was changed. Try again in a moment.
error-internal = Something went wrong on our side. Nothing was changed. Try again.
error-invalid_parameter = Something in the request was not right. Reload the page and try again.
error-unauthenticated = Sign in again to continue.
error-not_enabled = Self-service password reset is not turned on for your account. Contact your helpdesk.
error-method_not_permitted = Your organisation does not allow this method.
error-email_invalid = Enter an email address like name@example.com.
error-phone_invalid = Enter a mobile number with its country code, like +44 7700 900123.
error-nothing_pending = There is nothing waiting for a code. Add the method again.
error-not_registered = This method is not registered.
error-questions_invalid = Check your security questions: each needs a different question and answer, typed the same twice.
error-registration_incomplete = Register more methods before you confirm them.
error-nothing_to_postpone = There is nothing to postpone.
error-postpone_budget_used = You cannot postpone this any more.
error-sign_in_too_old = Sign in again to remove a method.
error-invalid_policy = The policy is not valid.
error-version_conflict = The policy was changed meanwhile. Load it again.
error-turnstile_required = Complete the security check first.
error-turnstile_failed = The security check was not accepted. Do it again.
error-turnstile_unavailable = The security check could not be verified right now. Nothing was started. Try again in a moment.
error-device_name_invalid = The device name must be 1 to 64 characters long.
error-public_key_invalid = This phone's key cannot be used. Try pairing again.
error-pairing_invalid = This pairing code is no longer valid. Ask for a new QR code.
error-signature_invalid = This phone is not recognised. Pair it again.
error-request_stale = Your phone's clock is wrong. Set it to the correct time and try again.
error-request_replayed = This request was already received.
error-no_approval_pending = There is no request waiting for approval.
error-approval_expired = The request on your phone has expired. Try again.

## Security questions (by stable key; used in registration and reset)
question-city_born = In which city were you born?
question-city_parents_met = In which city did your parents meet?
question-city_first_job = In which city did you have your first job?
question-city_spouse_born = In which city was your spouse or partner born?
question-childhood_best_friend = What was the first name of your best friend as a child?
question-childhood_nickname = What was your childhood nickname?
question-childhood_street = On which street did you live as a child?
question-childhood_hero = Who was your childhood hero?
question-childhood_phone_last_four = What were the last four digits of your childhood phone number?
question-first_pet_name = What was the name of your first pet?
question-first_car_model = What was the make and model of your first car?
question-first_concert = What was the first concert you went to?
question-first_employer = What was the name of your first employer?
question-first_job_title = What was your first job title?
question-first_school_name = What was the name of your first school?
question-first_teacher_surname = What was the surname of your first teacher?
question-first_kiss_city = In which city did you have your first kiss?
question-favourite_food_as_child = What was your favourite food as a child?
question-favourite_book_as_child = What was your favourite book as a child?
question-favourite_film_as_teen = What was your favourite film as a teenager?
question-favourite_sports_team_as_child = What was your favourite sports team as a child?
question-favourite_toy_as_child = What was your favourite toy as a child?
question-grandmother_maiden_name = What was your grandmother's maiden name?
question-grandfather_occupation = What was your grandfather's occupation?
question-oldest_cousin_first_name = What is the first name of your oldest cousin?
question-oldest_sibling_middle_name = What is the middle name of your oldest sibling?
question-youngest_sibling_birthday_month = In which month is your youngest sibling's birthday?
question-father_middle_name = What is your father's middle name?
question-mother_middle_name = What is your mother's middle name?
question-parents_wedding_city = In which city did your parents marry?
question-high_school_mascot = What was your high school's mascot?
question-high_school_graduation_year_city = In which city did you finish secondary school?
question-university_first_roommate = What was the first name of your first roommate at university?
question-wedding_reception_venue = Where was your wedding reception held?
question-dream_job_as_child = What was your dream job as a child?
question-place_of_first_holiday = Where did you go on your first holiday?

## Reset with an authenticator app or security questions
totp-title = Enter the code from your authenticator app
totp-hint = Open your authenticator app and enter the { $length }-digit code it shows for this account.
answers-title = Answer your security questions
answers-hint = Answer as you did when you set them up. Capitals and extra spaces do not matter.
answers-submit = Continue

## Registration: overview and "my methods"
loading = Loading…
failed-title = We could not load your methods
register-title = Set up ways to reset your password
reconfirm-title = Are these still yours?
manage-title = Your ways to reset your password
not-enabled-title = Password reset is not turned on
register-signed-in = Signed in as { $name }
register-progress = { $held } of { $total } set up
register-hint = If you forget your password, you will prove who you are with these.
reconfirm-hint = Check that you can still use each of these, then confirm them.
register-needed = { $total ->
    [one] You need { $total } method.
   *[other] You need { $total } methods.
}
register-held-title = Set up
register-none-held = Nothing is set up yet.
register-add-title = Add a method
method-email_code = Email { $destination }
method-sms_code = Mobile phone { $destination }
method-authenticator = Authenticator app
method-app_notification = Notifications on your phone
method-security_questions = Security questions
add-email_code = Add an email address
add-sms_code = Add a mobile phone
add-authenticator = Add an authenticator app
add-app_notification = Add notifications on your phone
add-security_questions = Set up security questions
remove-method = Remove
held-default = Default
make-default = Make default
held-from-directory = From your organisation's directory
confirm-methods = Confirm my methods
postpone = Not now
postpone-hint = { $count ->
    [one] You can put this off { $count } more time.
   *[other] You can put this off { $count } more times.
}
back = Back

## Registration: adding a method
email-title = Add an email address
email-label = Email address
email-hint = We will send a code to this address to check it.
phone-title = Add a mobile phone
phone-label = Mobile number
phone-hint = Start with your country code, like +44 7700 900123. We will text a code to it.
auth-title = Set up your authenticator app
auth-scan = Scan this QR code with your authenticator app, such as Microsoft Authenticator or Google Authenticator.
auth-qr = QR code for your authenticator app
auth-secret = Or type this key into the app:
auth-copy = Copy key
auth-copied = Key copied.
auth-link = Set up on this phone
auth-code-label = Code from the app
auth-new-secret = Get a new QR code
auth-pending-hint = Enter the code your authenticator app shows, or get a new QR code.
questions-title = Set up security questions
questions-hint = Choose { $count } different questions and type each answer twice. Answers have { $min } to { $max } characters.
questions-question = Question { $number }
questions-choose = Choose a question
questions-answer = Answer
questions-confirm = Answer again
questions-submit = Save questions

## Registration: outcomes
signin-title = Sign in again
signin-hint = Your sign-in has expired. Sign in again to carry on; nothing you set up is lost.
reg-done-title = You are all set
reg-done-hint = If you forget your password, you can now reset it yourself.
reg-done-manage = Manage my methods
postponed-title = We will remind you later
postponed-hint = You will be asked again the next time you sign in.
## Registration: notifications on your phone (pairing the approver)
app-title = Get notifications on your phone
app-scan = Scan this QR code with your phone's camera, open the page it shows and tap “Pair this phone”.
app-qr = QR code that opens the pairing page on your phone
app-link = Or open the pairing page on this device
app-expires = The code works until { $time }.
app-waiting = Waiting for your phone…
app-expired = This code has expired.
app-new-code = Show a new code
held-app_notification = Notifications on “{ $name }”
## The approver page on the phone
approver-title-pair = Pair this phone
approver-pair-hint = Your account asked to send password-reset approvals to this phone. Once it is paired, this page asks you to approve each reset or unlock of your account.
approver-name-label = Name of this phone
approver-name-hint = Shown with your methods, so you know which phone this is.
approver-name-default = My phone
approver-pair = Pair this phone
approver-paired = This phone is paired. When you reset your password or unlock your account, open this page to approve it.
approver-title-waiting = No requests waiting
approver-waiting-hint = Keep this page open, or add it to your home screen. While it is open it checks for requests every few seconds.
approver-devices = Paired with this phone
approver-device = “{ $name }”, paired { $date }
approver-check-now = Check now
approver-title-request = Is this you?
approver-request-reset = Someone is resetting your password (asked at { $time }).
approver-request-unlock = Someone is unlocking your account (asked at { $time }).
approver-request-hint = If it is you, tap the number shown on the reset screen.
approver-number = Number { $number }
approver-deny = This wasn't me
approver-title-approved = Approved
approver-approved = The reset goes on on the other screen.
approver-title-denied = Request refused
approver-denied = Nobody can go on with this reset. If you did not start it, someone may know your username: tell your helpdesk.
approver-title-wrong = Not approved
approver-wrong = That was not the number on the reset screen, so the request was refused. The reset must choose a method again.
approver-title-expired = Request expired
approver-expired = The request waited more than two minutes. Start again on the reset screen.
approver-title-gone = Nothing to approve
approver-gone = The request was already answered, or a newer one replaced it.
approver-back = OK
approver-title-unpaired = This phone is not paired
approver-unpaired-hint = To approve password resets on this phone, open your registration page, choose “Add notifications on your phone” and scan the QR code with this phone's camera.
approver-removed = This phone was removed from your account.
approver-title-unsupported = This browser cannot approve requests
approver-unsupported = It cannot keep a signing key safely here (no IndexedDB or WebCrypto, or the page is not served over HTTPS). Open this page in your phone's usual browser.
approver-keystore-failed = This browser could not use this phone's key. Reload the page and try again.
approver-push-hint = Get a notification on this phone for each request, even with this page closed.
approver-push-enable = Turn on notifications
approver-push-on = This phone gets a notification for each request.
approver-push-disable = Turn off notifications
approver-push-turned-on = Notifications are on. Tap a notification to open this page and answer.
approver-push-turned-off = Notifications are off. Keep this page open to see requests.
approver-push-denied = Notifications are blocked for this page. Allow them in the browser's settings, or keep this page open.
approver-push-failed = Notifications could not be turned on in this browser. Keep this page open to see requests.
# The notification the phone shows for a request (its words go to the service worker).
approver-push-title = Password reset request
approver-push-body = Tap to approve or deny it.

## "This wasn't me": a reset refused because the user reported a change, and the report page
## (<sspr-reset flow="report">, opened from the link in a notice)
reported-title = Password reset is paused for your account
reported-hint = A change to your account was reported as not made by you, so self-service password reset is paused until { $until }. Contact your helpdesk to get back into your account.
helpdesk-link = Contact your helpdesk
report-title = Did you not make this change?
report-change-password_changed = Your password was changed.
report-change-account_unlocked = Your account was unlocked.
report-change-method_added = A way to reset your password was added: { $method }.
report-change-method_removed = A way to reset your password was removed: { $method }.
report-method-email_code = an email address
report-method-sms_code = a mobile phone
report-method-authenticator = an authenticator app
report-method-app_notification = notifications on a phone
report-method-security_questions = security questions
report-when = When: { $when }
report-explain = If it was not you, someone else may be able to get into your account. Report it: we will pause self-service password reset for your account, stop any reset under way and alert your administrators.
report-explain-remove = The way to reset that was added will be removed.
report-confirm = It wasn't me — report it
report-it-was-me = If you made this change, there is nothing to do: you can close this page.
report-done-title = Thanks — your account is protected
report-done-hint = Self-service password reset is paused for your account until { $until }, and your administrators have been told. Contact your helpdesk to secure your account.
report-done-removed = The way to reset that was added has been removed.
report-already-title = You already reported this change
report-already-hint = You reported it on { $when }. Contact your helpdesk if your account still needs securing.
report-invalid-title = This link cannot be used
report-missing = Open this page from the link in the email we sent you about your account.
error-reported_compromise = A change to your account was reported as not made by you, so self-service password reset and changes to your methods are paused until { $until }. Contact your helpdesk.
error-report_invalid = This link is not valid or has expired (links work for 7 days). If a change to your account looks wrong, contact your helpdesk.
