# Wiadomości edge sspr — polski. Te same identyfikatory i zmienne co en.ftl.
# Liczba mnoga: kategorie CLDR one, few, many, other.

## E-mail z kodem resetowania
code-email-subject = Kod resetowania hasła do { $org }: { $code }
code-email-lead = Twój kod resetowania hasła do { $org } to { $code }.
code-email-expiry = Kod wygaśnie za { $minutes ->
        [one] { $minutes } minutę
        [few] { $minutes } minuty
        [many] { $minutes } minut
       *[other] { $minutes } minuty
    }. Jeśli nie prosiłeś o zresetowanie hasła, zignoruj tę wiadomość: hasło pozostanie bez zmian.

## Rejestracja: potwierdzenie adresu e-mail
enrolment-email-subject = Potwierdź swój adres e-mail dla { $org }: { $code }
enrolment-email-lead = Twój kod weryfikacyjny { $org } to { $code }.
enrolment-email-expiry = Wpisz go tam, gdzie dodajesz ten adres do resetowania hasła. Kod wygaśnie za { $minutes ->
        [one] { $minutes } minutę
        [few] { $minutes } minuty
        [many] { $minutes } minut
       *[other] { $minutes } minuty
    }. Jeśli nie dodawałeś tego adresu, zignoruj tę wiadomość: nie zostanie on użyty.

## SMS
code-sms = { $code } to Twój kod weryfikacyjny { $org }. Wygaśnie za { $minutes ->
        [one] { $minutes } minutę
        [few] { $minutes } minuty
        [many] { $minutes } minut
       *[other] { $minutes } minuty
    }.

## Powiadomienia dla użytkownika
password-changed-subject = Twoje hasło do { $org } zostało zmienione
password-changed-body = Twoje hasło zostało właśnie zmienione przez samoobsługowe resetowanie hasła.
account-unlocked-subject = Twoje konto { $org } zostało odblokowane
account-unlocked-body = Twoje konto zostało właśnie odblokowane przez samoobsługowe resetowanie hasła.
method-added-subject = Do Twojego konta { $org } dodano metodę resetowania hasła
method-added-body = Ta metoda została właśnie dodana do sposobów resetowania Twojego hasła: { $method }.
method-removed-subject = Z Twojego konta { $org } usunięto metodę resetowania hasła
method-removed-body = Ta metoda została właśnie usunięta ze sposobów resetowania Twojego hasła: { $method }.
help-url = Jeśli to nie Ty, natychmiast skontaktuj się z pomocą techniczną: { $helpdesk }
help-none = Jeśli to nie Ty, natychmiast skontaktuj się z działem IT.
report-link = To nie Ty? Zgłoś to tutaj: wstrzymamy samoobsługowe resetowanie hasła dla Twojego konta i powiadomimy administratorów. Link jest ważny przez { $days ->
        [one] { $days } dzień
        [few] { $days } dni
        [many] { $days } dni
       *[other] { $days } dnia
    }: { $link }

## Nazwy metod
method-email = kod e-mailem
method-sms = kod SMS-em
method-authenticator = aplikacja uwierzytelniająca
method-app-notification = powiadomienie w aplikacji
method-security-questions = pytania zabezpieczające

## Powiadomienie dla administratorów
admin-reset-subject = Administrator zresetował swoje hasło do { $org }
admin-reset-body = { $admin } zresetował(a) swoje hasło przez samoobsługowe resetowanie hasła { $when }.
admin-reset-why = Otrzymujesz tę wiadomość, ponieważ jesteś administratorem { $org }: zasady powiadamiają wszystkich administratorów, gdy administrator resetuje swoje hasło. Jeśli ten reset był nieoczekiwany, sprawdź konto.

## „To nie ja”: powiadomienie dla administratorów
report-admin-subject = { $user } zgłasza zmianę na koncie { $org }, której nie wprowadzał(a)
report-admin-body = { $user } (identyfikator w katalogu { $userid }) zgłasza, że nie wprowadzał(a) tej zmiany na swoim koncie: { $change }, { $when }.
report-admin-removed = Zgłoszona metoda ({ $method }) została usunięta z konta.
report-admin-hold = Samoobsługowe resetowanie hasła i zmiany metod resetowania są wstrzymane dla tego użytkownika do { $until }. Sprawdź teraz konto: w razie potrzeby sam(a) zresetuj hasło i przejrzyj logowania oraz metody resetowania. Wstrzymanie możesz zakończyć wcześniej przez API administracyjne (POST /v1/admin/holds/clear).
change-password-changed = zmiana hasła
change-account-unlocked = odblokowanie konta
change-method-added = dodanie metody resetowania ({ $method })
change-method-removed = usunięcie metody resetowania ({ $method })
