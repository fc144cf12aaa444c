# Widżet sspr — polski (Polish).
# Składnia: Project Fluent (https://projectfluent.org). Zmienne zapisuje się jako { $name }.
# Liczba mnoga korzysta z kategorii CLDR języka (polski: one, few, many, other).

## Identyfikacja
identify-title-reset = Resetowanie hasła
identify-title-unlock = Odblokowanie konta
identify-hint = Wpisz nazwę użytkownika lub adres e-mail. Wyślemy kod.
identify-username = Nazwa użytkownika lub adres e-mail
identify-submit = Wyślij kod
turnstile-waiting = Przejdź kontrolę bezpieczeństwa, aby kontynuować.
turnstile-expired = Kontrola bezpieczeństwa wygasła. Przejdź ją ponownie, aby kontynuować.
turnstile-error = Nie udało się uruchomić kontroli bezpieczeństwa. Spróbuj ponownie.
turnstile-retry = Powtórz kontrolę

## Kod
code-title-email = Sprawdź pocztę e-mail
code-title-sms = Sprawdź telefon
code-hint = Wysłaliśmy { $length }-cyfrowy kod na { $destination }.
code-label = Kod
code-submit = Zweryfikuj
code-resend = Wyślij nowy kod
code-resend-wait = Wyślij nowy kod za { $seconds } s
restart = Zacznij od nowa
switch-method = Użyj innej metody

## Wybór metody
choose-title = Wybierz sposób potwierdzenia tożsamości
choose-progress = Krok { $step } z { $total }
choose-email_code = Wyślij kod e-mailem na { $destination }
choose-sms_code = Wyślij kod SMS-em na { $destination }
choose-authenticator = Użyj aplikacji uwierzytelniającej
choose-app_notification = Zatwierdź powiadomienie na telefonie
choose-security_questions = Odpowiedz na pytania zabezpieczające

## Nowe hasło
password-title = Ustaw nowe hasło
password-label = Nowe hasło
password-show = Pokaż
password-hide = Ukryj
password-rule-min = { $count ->
    [one] Co najmniej { $count } znak
    [few] Co najmniej { $count } znaki
    [many] Co najmniej { $count } znaków
   *[other] Co najmniej { $count } znaku
}
password-rule-max = { $count ->
    [one] Maksymalnie { $count } znak
    [few] Maksymalnie { $count } znaki
    [many] Maksymalnie { $count } znaków
   *[other] Maksymalnie { $count } znaku
}
password-rule-classes = Co najmniej { $count } z: wielkie litery, małe litery, cyfry, symbole
rule-met = (spełnione)
rule-not-met = (niespełnione)
password-not-ready = Nowe hasło nie spełnia jeszcze poniższych wymagań.
password-submit = Zmień hasło
strength-label = Siła hasła
strength-score-0 = Bardzo słabe
strength-score-1 = Słabe
strength-score-2 = Średnie
strength-score-3 = Silne
strength-score-4 = Bardzo silne
strength-warning-keyboard = Rzędy i wzory klawiszy łatwo odgadnąć.
strength-warning-repeats = Powtórzone znaki łatwo odgadnąć.
strength-warning-common = To bardzo popularne hasło.
strength-warning-similar = To hasło przypomina popularne hasło.
strength-warning-sequence = Ciągi takie jak abc lub 6543 łatwo odgadnąć.
strength-warning-years = Ostatnie lata łatwo odgadnąć.
strength-warning-word = Pojedyncze słowo łatwo odgadnąć.
strength-warning-dates = Daty łatwo odgadnąć.
strength-warning-names = Same imiona i nazwiska łatwo odgadnąć.
strength-suggestion-more_words = Dodaj jeszcze jedno lub dwa słowa; rzadkie słowa są lepsze.
strength-suggestion-no_symbols_needed = Symbole, cyfry ani wielkie litery nie są potrzebne: ważniejsza jest długość.
strength-suggestion-capitals = Wielkie litery niewiele pomagają.
strength-suggestion-reversed = Słowa pisane wspak nie są dużo trudniejsze do odgadnięcia.
strength-suggestion-substitutions = Zamiany takie jak @ zamiast a niewiele pomagają.
strength-suggestion-keyboard = Użyj dłuższego wzoru klawiszy z większą liczbą zmian kierunku.
strength-suggestion-repeats = Unikaj powtórzonych słów i znaków.
strength-suggestion-sequences = Unikaj ciągów.
strength-suggestion-dates = Unikaj dat i lat związanych z Tobą.

## Wyniki
done-title-reset = Hasło zostało zmienione
done-hint-reset = Można teraz zalogować się przy użyciu nowego hasła.
done-title-unlock = Konto zostało odblokowane
done-hint-unlock = Można teraz zalogować się przy użyciu swojego hasła.
pending-title = Prawie gotowe
pending-hint = Tożsamość została potwierdzona. Przekazujemy zmianę do katalogu użytkowników.
pending-retry = Spróbuj ponownie
locked-title = Zbyt wiele prób
locked-hint = Ze względów bezpieczeństwa resetowanie hasła dla tego konta jest zablokowane do { $until }.
approval-title = Zatwierdź na telefonie
approval-hint = Otwórz stronę zatwierdzania na telefonie i dotknij liczby widocznej tutaj.
approval-number-label = Liczba do dotknięcia:
approval-waiting = Czekamy na Twój telefon…

## Problemy z połączeniem (brak odpowiedzi serwera)
client-network = Nie udało się połączyć z serwerem. Sprawdź połączenie i spróbuj ponownie.
client-unreadable = Serwer wysłał odpowiedź, której nie udało się odczytać. Spróbuj ponownie.

## Błędy, po jednym dla każdego kodu, który może zwrócić serwer
error-bad_request = Coś w żądaniu było nieprawidłowe. Odśwież stronę i spróbuj ponownie.
error-unsupported_media_type = Coś w żądaniu było nieprawidłowe. Odśwież stronę i spróbuj ponownie.
error-payload_too_large = Wpisany tekst jest za długi.
error-not_found = Ta strona jest nieaktualna. Odśwież ją i spróbuj ponownie.
error-method_not_allowed = Ta strona jest nieaktualna. Odśwież ją i spróbuj ponownie.
error-origin_not_allowed = Resetowanie hasła nie jest dostępne w tej witrynie. Skontaktuj się z działem pomocy technicznej.
error-invalid_username = Wpisz nazwę użytkownika lub adres e-mail bez znaków specjalnych.
error-flow_expired = Ten proces resetowania wygasł. Zacznij od nowa.
error-wrong_step = Ten krok został już wykonany. Zacznij od nowa.
error-method_not_offered = Ta metoda nie jest dostępna przy tym resetowaniu. Wybierz inną.
error-answers_wrong = Niektóre odpowiedzi są błędne. Odpowiedz na nowe pytania.
error-approval_failed = Żądanie na telefonie zostało odrzucone, potwierdzone niewłaściwą liczbą lub wygasło.
error-invalid_code_format = Wpisz kod, używając tylko cyfr.
error-code_mismatch = { $tries ->
    [0] Kod jest nieprawidłowy.
    [one] Kod jest nieprawidłowy. Pozostała { $tries } próba.
    [few] Kod jest nieprawidłowy. Pozostały { $tries } próby.
    [many] Kod jest nieprawidłowy. Pozostało { $tries } prób.
   *[other] Kod jest nieprawidłowy. Pozostało { $tries } próby.
}
error-code_expired = Ten kod wygasł. Zacznij od nowa, aby otrzymać nowy.
error-code_used = Ten kod został już użyty. Zacznij od nowa, aby otrzymać nowy.
error-code_attempts_exhausted = Zbyt wiele błędnych kodów. Zacznij od nowa, aby otrzymać nowy.
error-locked = Zbyt wiele prób. Spróbuj ponownie po { $until }.
error-resend_too_soon = Kod został wysłany przed chwilą. O kolejny można poprosić po { $until }.
error-send_limit = Wysłano zbyt wiele kodów. O kolejny można poprosić po { $until }.
error-password_too_short = { $min ->
    [one] Hasło musi mieć co najmniej { $min } znak.
    [few] Hasło musi mieć co najmniej { $min } znaki.
    [many] Hasło musi mieć co najmniej { $min } znaków.
   *[other] Hasło musi mieć co najmniej { $min } znaku.
}
error-password_too_long = { $max ->
    [one] Hasło może mieć maksymalnie { $max } znak.
    [few] Hasło może mieć maksymalnie { $max } znaki.
    [many] Hasło może mieć maksymalnie { $max } znaków.
   *[other] Hasło może mieć maksymalnie { $max } znaku.
}
error-password_composition = Użyj co najmniej 3 z: wielkie litery, małe litery, cyfry, symbole.
error-password_personal_info = Hasło nie może zawierać imienia, nazwiska, nazwy użytkownika ani adresu e-mail.
error-password_common = To hasło jest zbyt popularne. Wybierz hasło trudniejsze do odgadnięcia.
error-password_banned = To hasło opiera się na słowie, które jest tu niedozwolone. Wybierz inne.
error-password_breached = To hasło pojawiło się w wycieku danych, więc atakujący wypróbują je w pierwszej kolejności. Wybierz inne.
error-breach_check_unavailable = Nie można teraz sprawdzić hasła pod kątem wycieków danych. Spróbuj ponownie za minutę.
error-password_rejected = Katalog organizacji odrzucił to hasło: { $reason }
error-backend_unavailable = Katalog nie odpowiedział. Nic nie zostało zmienione. Spróbuj ponownie za chwilę.
error-internal = Wystąpił błąd po naszej stronie. Nic nie zostało zmienione. Spróbuj ponownie.
error-invalid_parameter = Coś w żądaniu było nieprawidłowe. Odśwież stronę i spróbuj ponownie.
error-unauthenticated = Zaloguj się ponownie, aby kontynuować.
error-not_enabled = Samoobsługowe resetowanie hasła nie jest włączone dla Twojego konta. Skontaktuj się z pomocą techniczną.
error-method_not_permitted = Twoja organizacja nie zezwala na tę metodę.
error-email_invalid = Wpisz adres e-mail, np. imie@example.com.
error-phone_invalid = Wpisz numer komórkowy z numerem kierunkowym kraju, np. +48 512 345 678.
error-nothing_pending = Nic nie czeka na kod. Dodaj metodę ponownie.
error-not_registered = Ta metoda nie jest zarejestrowana.
error-questions_invalid = Sprawdź pytania zabezpieczające: każde wymaga innego pytania i odpowiedzi, wpisanej dwa razy tak samo.
error-registration_incomplete = Zarejestruj więcej metod, zanim je potwierdzisz.
error-nothing_to_postpone = Nie ma czego odkładać.
error-postpone_budget_used = Nie możesz już tego odłożyć.
error-sign_in_too_old = Zaloguj się ponownie, aby usunąć metodę.
error-invalid_policy = Zasady są nieprawidłowe.
error-version_conflict = Zasady zostały w międzyczasie zmienione. Wczytaj je ponownie.
error-turnstile_required = Najpierw przejdź kontrolę bezpieczeństwa.
error-turnstile_failed = Kontrola bezpieczeństwa nie została zaakceptowana. Przejdź ją ponownie.
error-turnstile_unavailable = Nie można teraz potwierdzić kontroli bezpieczeństwa. Nic nie zostało rozpoczęte. Spróbuj ponownie za chwilę.
error-device_name_invalid = Nazwa urządzenia musi mieć od 1 do 64 znaków.
error-public_key_invalid = Klucza tego telefonu nie można użyć. Sparuj go ponownie.
error-pairing_invalid = Ten kod parowania jest już nieważny. Poproś o nowy kod QR.
error-signature_invalid = Ten telefon nie został rozpoznany. Sparuj go ponownie.
error-request_stale = Zegar telefonu jest źle ustawiony. Ustaw poprawny czas i spróbuj ponownie.
error-request_replayed = To żądanie zostało już odebrane.
error-no_approval_pending = Żadne żądanie nie czeka na zatwierdzenie.
error-approval_expired = Żądanie na telefonie wygasło. Spróbuj ponownie.

## Pytania zabezpieczające (według stałego klucza; używane przy rejestracji i resetowaniu)
question-city_born = Miasto urodzenia
question-city_parents_met = Miasto, w którym poznali się rodzice
question-city_first_job = Miasto pierwszej pracy
question-city_spouse_born = Miasto urodzenia współmałżonka lub partnera
question-childhood_best_friend = Imię najlepszego przyjaciela lub przyjaciółki z dzieciństwa
question-childhood_nickname = Przezwisko z dzieciństwa
question-childhood_street = Ulica, przy której mieszkało się w dzieciństwie
question-childhood_hero = Bohater lub idol z dzieciństwa
question-childhood_phone_last_four = Ostatnie cztery cyfry domowego numeru telefonu z dzieciństwa
question-first_pet_name = Imię pierwszego zwierzęcia domowego
question-first_car_model = Marka i model pierwszego samochodu
question-first_concert = Pierwszy koncert w życiu
question-first_employer = Nazwa pierwszego pracodawcy
question-first_job_title = Nazwa pierwszego stanowiska pracy
question-first_school_name = Nazwa pierwszej szkoły
question-first_teacher_surname = Nazwisko pierwszej nauczycielki lub pierwszego nauczyciela
question-first_kiss_city = Miasto pierwszego pocałunku
question-favourite_food_as_child = Ulubione danie z dzieciństwa
question-favourite_book_as_child = Ulubiona książka z dzieciństwa
question-favourite_film_as_teen = Ulubiony film z czasów nastoletnich
question-favourite_sports_team_as_child = Ulubiona drużyna sportowa z dzieciństwa
question-favourite_toy_as_child = Ulubiona zabawka z dzieciństwa
question-grandmother_maiden_name = Nazwisko panieńskie babci
question-grandfather_occupation = Zawód dziadka
question-oldest_cousin_first_name = Imię najstarszego kuzyna lub najstarszej kuzynki
question-oldest_sibling_middle_name = Drugie imię najstarszego z rodzeństwa
question-youngest_sibling_birthday_month = Miesiąc urodzin najmłodszego z rodzeństwa
question-father_middle_name = Drugie imię ojca
question-mother_middle_name = Drugie imię matki
question-parents_wedding_city = Miasto, w którym pobrali się rodzice
question-high_school_mascot = Maskotka lub godło szkoły średniej
question-high_school_graduation_year_city = Miasto, w którym ukończono szkołę średnią
question-university_first_roommate = Imię pierwszego współlokatora lub pierwszej współlokatorki na studiach
question-wedding_reception_venue = Miejsce przyjęcia weselnego
question-dream_job_as_child = Wymarzony zawód z dzieciństwa
question-place_of_first_holiday = Miejsce pierwszych wakacji

## Resetowanie za pomocą aplikacji uwierzytelniającej lub pytań zabezpieczających
totp-title = Wpisz kod z aplikacji uwierzytelniającej
totp-hint = Otwórz aplikację uwierzytelniającą i wpisz { $length }-cyfrowy kod, który pokazuje dla tego konta.
answers-title = Odpowiedz na pytania zabezpieczające
answers-hint = Odpowiedz tak, jak podczas ich konfigurowania. Wielkość liter i dodatkowe spacje nie mają znaczenia.
answers-submit = Dalej

## Rejestracja: przegląd i „moje metody”
loading = Wczytywanie…
failed-title = Nie udało się wczytać Twoich metod
register-title = Skonfiguruj sposoby resetowania hasła
reconfirm-title = Czy to nadal Twoje metody?
manage-title = Twoje sposoby resetowania hasła
not-enabled-title = Resetowanie hasła nie jest włączone
register-signed-in = Zalogowano jako { $name }
register-progress = Skonfigurowano { $held } z { $total }
register-hint = Jeśli zapomnisz hasła, potwierdzisz nimi swoją tożsamość.
reconfirm-hint = Sprawdź, czy nadal możesz korzystać z każdej z nich, a potem je potwierdź.
register-needed = { $total ->
    [one] Potrzebujesz { $total } metody.
    [few] Potrzebujesz { $total } metod.
    [many] Potrzebujesz { $total } metod.
   *[other] Potrzebujesz { $total } metody.
}
register-held-title = Skonfigurowane
register-none-held = Nic nie zostało jeszcze skonfigurowane.
register-add-title = Dodaj metodę
method-email_code = E-mail { $destination }
method-sms_code = Telefon komórkowy { $destination }
method-authenticator = Aplikacja uwierzytelniająca
method-app_notification = Powiadomienia na telefonie
method-security_questions = Pytania zabezpieczające
add-email_code = Dodaj adres e-mail
add-sms_code = Dodaj telefon komórkowy
add-authenticator = Dodaj aplikację uwierzytelniającą
add-app_notification = Dodaj powiadomienia na telefonie
add-security_questions = Skonfiguruj pytania zabezpieczające
remove-method = Usuń
held-default = Domyślna
make-default = Ustaw jako domyślną
held-from-directory = Z katalogu Twojej organizacji
confirm-methods = Potwierdź moje metody
postpone = Nie teraz
postpone-hint = { $count ->
    [one] Możesz to odłożyć jeszcze { $count } raz.
    [few] Możesz to odłożyć jeszcze { $count } razy.
    [many] Możesz to odłożyć jeszcze { $count } razy.
   *[other] Możesz to odłożyć jeszcze { $count } razy.
}
back = Wstecz

## Rejestracja: dodawanie metody
email-title = Dodaj adres e-mail
email-label = Adres e-mail
email-hint = Wyślemy kod na ten adres, aby go sprawdzić.
phone-title = Dodaj telefon komórkowy
phone-label = Numer telefonu komórkowego
phone-hint = Zacznij od numeru kierunkowego kraju, np. +48 512 345 678. Wyślemy kod SMS-em.
auth-title = Skonfiguruj aplikację uwierzytelniającą
auth-scan = Zeskanuj ten kod QR aplikacją uwierzytelniającą, np. Microsoft Authenticator lub Google Authenticator.
auth-qr = Kod QR dla aplikacji uwierzytelniającej
auth-secret = Albo wpisz ten klucz w aplikacji:
auth-copy = Kopiuj klucz
auth-copied = Skopiowano klucz.
auth-link = Skonfiguruj na tym telefonie
auth-code-label = Kod z aplikacji
auth-new-secret = Pobierz nowy kod QR
auth-pending-hint = Wpisz kod wyświetlany przez aplikację uwierzytelniającą albo pobierz nowy kod QR.
questions-title = Skonfiguruj pytania zabezpieczające
questions-hint = Wybierz różne pytania (liczba: { $count }) i wpisz każdą odpowiedź dwa razy. Odpowiedzi mają od { $min } do { $max } znaków.
questions-question = Pytanie { $number }
questions-choose = Wybierz pytanie
questions-answer = Odpowiedź
questions-confirm = Powtórz odpowiedź
questions-submit = Zapisz pytania

## Rejestracja: wyniki
signin-title = Zaloguj się ponownie
signin-hint = Twoja sesja wygasła. Zaloguj się ponownie, aby kontynuować; nic z tego, co skonfigurowano, nie zostanie utracone.
reg-done-title = Wszystko gotowe
reg-done-hint = Jeśli zapomnisz hasła, możesz je teraz zresetować samodzielnie.
reg-done-manage = Zarządzaj moimi metodami
postponed-title = Przypomnimy Ci o tym później
postponed-hint = Zapytamy ponownie przy następnym logowaniu.

## Rejestracja: powiadomienia na telefonie (parowanie telefonu do zatwierdzania)
app-title = Otrzymuj powiadomienia na telefonie
app-scan = Zeskanuj ten kod QR aparatem telefonu, otwórz wyświetloną stronę i dotknij „Sparuj ten telefon”.
app-qr = Kod QR otwierający stronę parowania na telefonie
app-link = Albo otwórz stronę parowania na tym urządzeniu
app-expires = Kod jest ważny do { $time }.
app-waiting = Czekamy na Twój telefon…
app-expired = Ten kod wygasł.
app-new-code = Pokaż nowy kod
held-app_notification = Powiadomienia na telefonie „{ $name }”

## Strona zatwierdzania na telefonie
approver-title-pair = Sparuj ten telefon
approver-pair-hint = Z Twojego konta wysłano prośbę o przesyłanie na ten telefon żądań zatwierdzenia resetowania hasła. Po sparowaniu ta strona będzie prosić o zatwierdzenie każdego resetowania hasła lub odblokowania Twojego konta.
approver-name-label = Nazwa tego telefonu
approver-name-hint = Wyświetlana przy Twoich metodach, aby było wiadomo, który to telefon.
approver-name-default = Mój telefon
approver-pair = Sparuj ten telefon
approver-paired = Ten telefon jest sparowany. Gdy będziesz resetować hasło lub odblokowywać konto, otwórz tę stronę, aby to zatwierdzić.
approver-title-waiting = Brak oczekujących żądań
approver-waiting-hint = Nie zamykaj tej strony albo dodaj ją do ekranu głównego. Gdy jest otwarta, co kilka sekund sprawdza, czy są nowe żądania.
approver-devices = Sparowane z tym telefonem
approver-device = „{ $name }”, sparowano { $date }
approver-check-now = Sprawdź teraz
approver-title-request = Czy to Ty?
approver-request-reset = Ktoś resetuje Twoje hasło (żądanie z { $time }).
approver-request-unlock = Ktoś odblokowuje Twoje konto (żądanie z { $time }).
approver-request-hint = Jeśli to Ty, dotknij liczby widocznej na ekranie resetowania.
approver-number = Liczba { $number }
approver-deny = To nie ja
approver-title-approved = Zatwierdzono
approver-approved = Resetowanie będzie kontynuowane na drugim ekranie.
approver-title-denied = Żądanie odrzucone
approver-denied = Nikt nie może kontynuować tego resetowania. Jeśli nie zostało rozpoczęte przez Ciebie, ktoś może znać Twoją nazwę użytkownika: powiadom dział pomocy technicznej.
approver-title-wrong = Nie zatwierdzono
approver-wrong = To nie była liczba z ekranu resetowania, więc żądanie zostało odrzucone. Przy resetowaniu trzeba ponownie wybrać metodę.
approver-title-expired = Żądanie wygasło
approver-expired = Żądanie czekało dłużej niż dwie minuty. Zacznij od nowa na ekranie resetowania.
approver-title-gone = Nie ma nic do zatwierdzenia
approver-gone = Na to żądanie już odpowiedziano albo zastąpiło je nowsze.
approver-back = OK
approver-title-unpaired = Ten telefon nie jest sparowany
approver-unpaired-hint = Aby zatwierdzać resetowanie hasła na tym telefonie, otwórz stronę rejestracji, wybierz „Dodaj powiadomienia na telefonie” i zeskanuj kod QR aparatem tego telefonu.
approver-removed = Ten telefon został usunięty z Twojego konta.
approver-title-unsupported = Ta przeglądarka nie może zatwierdzać żądań
approver-unsupported = Nie może tu bezpiecznie przechowywać klucza podpisywania (brak IndexedDB lub WebCrypto albo strona nie jest udostępniana przez HTTPS). Otwórz tę stronę w przeglądarce, której zwykle używasz na telefonie.
approver-keystore-failed = Ta przeglądarka nie mogła użyć klucza tego telefonu. Odśwież stronę i spróbuj ponownie.
approver-push-hint = Otrzymuj na tym telefonie powiadomienie o każdym żądaniu, nawet gdy ta strona jest zamknięta.
approver-push-enable = Włącz powiadomienia
approver-push-on = Ten telefon otrzymuje powiadomienie o każdym żądaniu.
approver-push-disable = Wyłącz powiadomienia
approver-push-turned-on = Powiadomienia są włączone. Dotknij powiadomienia, aby otworzyć tę stronę i odpowiedzieć.
approver-push-turned-off = Powiadomienia są wyłączone. Nie zamykaj tej strony, aby widzieć żądania.
approver-push-denied = Powiadomienia są zablokowane dla tej strony. Zezwól na nie w ustawieniach przeglądarki albo nie zamykaj tej strony.
approver-push-failed = Nie udało się włączyć powiadomień w tej przeglądarce. Nie zamykaj tej strony, aby widzieć żądania.
# Powiadomienie, które telefon wyświetla dla żądania (jego treść trafia do service workera).
approver-push-title = Żądanie resetowania hasła
approver-push-body = Dotknij, aby je zatwierdzić lub odrzucić.
## „To nie ja”: resetowanie wstrzymane po zgłoszeniu i strona zgłoszenia
## (<sspr-reset flow="report">, otwierana z linku w powiadomieniu)
reported-title = Resetowanie hasła dla Twojego konta jest wstrzymane
reported-hint = Zgłoszono, że zmiana na Twoim koncie nie została wprowadzona przez Ciebie, dlatego samoobsługowe resetowanie hasła jest wstrzymane do { $until }. Skontaktuj się z działem pomocy technicznej, aby odzyskać dostęp do konta.
helpdesk-link = Skontaktuj się z działem pomocy technicznej
report-title = To nie Ty wprowadziłeś(-aś) tę zmianę?
report-change-password_changed = Twoje hasło zostało zmienione.
report-change-account_unlocked = Twoje konto zostało odblokowane.
report-change-method_added = Dodano sposób resetowania hasła: { $method }.
report-change-method_removed = Usunięto sposób resetowania hasła: { $method }.
report-method-email_code = adres e-mail
report-method-sms_code = telefon komórkowy
report-method-authenticator = aplikacja uwierzytelniająca
report-method-app_notification = powiadomienia na telefonie
report-method-security_questions = pytania zabezpieczające
report-when = Kiedy: { $when }
report-explain = Jeśli to nie Ty, ktoś inny może mieć dostęp do Twojego konta. Zgłoś to: wstrzymamy samoobsługowe resetowanie hasła dla Twojego konta, przerwiemy trwające resetowanie i powiadomimy administratorów.
report-explain-remove = Dodany sposób resetowania zostanie usunięty.
report-confirm = To nie ja – zgłoś
report-it-was-me = Jeśli to Ty wprowadziłeś(-aś) tę zmianę, nie musisz nic robić: możesz zamknąć tę stronę.
report-done-title = Dziękujemy – Twoje konto jest chronione
report-done-hint = Samoobsługowe resetowanie hasła dla Twojego konta jest wstrzymane do { $until }, a administratorzy zostali powiadomieni. Skontaktuj się z działem pomocy technicznej, aby zabezpieczyć konto.
report-done-removed = Dodany sposób resetowania został usunięty.
report-already-title = Ta zmiana została już zgłoszona
report-already-hint = Zgłoszono ją { $when }. Skontaktuj się z działem pomocy technicznej, jeśli konto nadal wymaga zabezpieczenia.
report-invalid-title = Tego linku nie można użyć
report-missing = Otwórz tę stronę z linku w wiadomości e-mail, którą wysłaliśmy Ci w sprawie Twojego konta.
error-reported_compromise = Zgłoszono, że zmiana na Twoim koncie nie została wprowadzona przez Ciebie, dlatego samoobsługowe resetowanie hasła i zmiany metod są wstrzymane do { $until }. Skontaktuj się z działem pomocy technicznej.
error-report_invalid = Ten link jest nieprawidłowy lub wygasł (linki są ważne przez 7 dni). Jeśli zmiana na Twoim koncie wygląda podejrzanie, skontaktuj się z działem pomocy technicznej.
