# sspr-widget — Nederlands (Dutch).
# Syntaxis: Project Fluent (https://projectfluent.org). Variabelen worden geschreven als { $name }.
# Meervoudsvormen gebruiken de CLDR-categorieën van de taal (Nederlands: one, other).

## Identificatie
identify-title-reset = Wachtwoord opnieuw instellen
identify-title-unlock = Account ontgrendelen
identify-hint = Voer je gebruikersnaam of e-mailadres in. We sturen je een code.
identify-username = Gebruikersnaam of e-mailadres
identify-submit = Code versturen
turnstile-waiting = Voltooi de beveiligingscontrole om verder te gaan.
turnstile-expired = De beveiligingscontrole is verlopen. Doe haar opnieuw om verder te gaan.
turnstile-error = De beveiligingscontrole kon niet worden uitgevoerd. Probeer het opnieuw.
turnstile-retry = Controle opnieuw doen

## Code
code-title-email = Controleer je e-mail
code-title-sms = Controleer je telefoon
code-hint = We hebben een code van { $length } cijfers naar { $destination } gestuurd.
code-label = Code
code-submit = Verifiëren
code-resend = Nieuwe code sturen
code-resend-wait = Nieuwe code sturen over { $seconds } s
restart = Opnieuw beginnen
switch-method = Een andere methode gebruiken

## Methode kiezen
choose-title = Kies hoe je bevestigt dat jij het bent
choose-progress = Stap { $step } van { $total }
choose-email_code = Code mailen naar { $destination }
choose-sms_code = Code sms'en naar { $destination }
choose-authenticator = Je authenticator-app gebruiken
choose-app_notification = Een melding op je telefoon goedkeuren
choose-security_questions = Je beveiligingsvragen beantwoorden

## Nieuw wachtwoord
password-title = Kies een nieuw wachtwoord
password-label = Nieuw wachtwoord
password-show = Tonen
password-hide = Verbergen
password-rule-min = { $count ->
    [one] Minstens { $count } teken
   *[other] Minstens { $count } tekens
}
password-rule-max = { $count ->
    [one] Maximaal { $count } teken
   *[other] Maximaal { $count } tekens
}
password-rule-classes = Minstens { $count } van: hoofdletters, kleine letters, cijfers, symbolen
rule-met = (voldaan)
rule-not-met = (niet voldaan)
password-not-ready = Je nieuwe wachtwoord voldoet nog niet aan de onderstaande regels.
password-submit = Wachtwoord wijzigen
strength-label = Wachtwoordsterkte
strength-score-0 = Zeer zwak
strength-score-1 = Zwak
strength-score-2 = Redelijk
strength-score-3 = Sterk
strength-score-4 = Zeer sterk
strength-warning-keyboard = Rijen en patronen van toetsen zijn makkelijk te raden.
strength-warning-repeats = Herhaalde tekens zijn makkelijk te raden.
strength-warning-common = Dit is een heel gangbaar wachtwoord.
strength-warning-similar = Dit lijkt op een gangbaar wachtwoord.
strength-warning-sequence = Reeksen zoals abc of 6543 zijn makkelijk te raden.
strength-warning-years = Recente jaartallen zijn makkelijk te raden.
strength-warning-word = Eén los woord is makkelijk te raden.
strength-warning-dates = Datums zijn makkelijk te raden.
strength-warning-names = Namen alleen zijn makkelijk te raden.
strength-suggestion-more_words = Voeg nog een of twee woorden toe; ongewone woorden zijn beter.
strength-suggestion-no_symbols_needed = Symbolen, cijfers of hoofdletters zijn niet nodig: lengte telt meer.
strength-suggestion-capitals = Hoofdletters helpen weinig.
strength-suggestion-reversed = Omgekeerde woorden zijn nauwelijks moeilijker te raden.
strength-suggestion-substitutions = Vervangingen zoals @ voor a helpen weinig.
strength-suggestion-keyboard = Gebruik een langer toetsenpatroon met meer bochten.
strength-suggestion-repeats = Vermijd herhaalde woorden en tekens.
strength-suggestion-sequences = Vermijd reeksen.
strength-suggestion-dates = Vermijd datums en jaartallen die met u te maken hebben.

## Resultaten
done-title-reset = Wachtwoord gewijzigd
done-hint-reset = Je kunt nu inloggen met je nieuwe wachtwoord.
done-title-unlock = Account ontgrendeld
done-hint-unlock = Je kunt nu inloggen met je wachtwoord.
pending-title = Bijna klaar
pending-hint = Je identiteit is bevestigd. We geven de wijziging door aan je directory.
pending-retry = Opnieuw proberen
locked-title = Te veel pogingen
locked-hint = Voor je veiligheid is het opnieuw instellen van het wachtwoord voor dit account geblokkeerd tot { $until }.
approval-title = Goedkeuren op uw telefoon
approval-hint = Open de goedkeuringspagina op uw telefoon en tik op het getal dat hier staat.
approval-number-label = Getal om op te tikken:
approval-waiting = Wachten op uw telefoon…

## Verbindingsproblemen (geen antwoord van de server)
client-network = We konden de server niet bereiken. Controleer je verbinding en probeer het opnieuw.
client-unreadable = De server stuurde een antwoord dat we niet begrepen. Probeer het opnieuw.

## Fouten, één per code die de server kan teruggeven
error-bad_request = Er klopte iets niet in het verzoek. Laad de pagina opnieuw en probeer het nog eens.
error-unsupported_media_type = Er klopte iets niet in het verzoek. Laad de pagina opnieuw en probeer het nog eens.
error-payload_too_large = Wat je hebt ingevoerd, is te lang.
error-not_found = Deze pagina is verouderd. Laad de pagina opnieuw en probeer het nog eens.
error-method_not_allowed = Deze pagina is verouderd. Laad de pagina opnieuw en probeer het nog eens.
error-origin_not_allowed = Wachtwoorden opnieuw instellen is niet beschikbaar op deze site. Neem contact op met je helpdesk.
error-invalid_username = Voer een gebruikersnaam of e-mailadres in zonder speciale tekens.
error-flow_expired = Deze aanvraag is verlopen. Begin opnieuw.
error-wrong_step = Deze stap is al voltooid. Begin opnieuw.
error-method_not_offered = Deze methode is niet beschikbaar voor deze aanvraag. Kies een andere.
error-answers_wrong = Sommige antwoorden zijn onjuist. Beantwoord de nieuwe vragen.
error-approval_failed = Het verzoek op je telefoon is geweigerd, met het verkeerde getal beantwoord of verlopen.
error-invalid_code_format = Voer de code alleen in cijfers in.
error-code_mismatch = { $tries ->
    [0] De code klopt niet.
    [one] De code klopt niet. Je hebt nog { $tries } poging.
   *[other] De code klopt niet. Je hebt nog { $tries } pogingen.
}
error-code_expired = Deze code is verlopen. Begin opnieuw om een nieuwe te krijgen.
error-code_used = Deze code is al gebruikt. Begin opnieuw om een nieuwe te krijgen.
error-code_attempts_exhausted = Te veel onjuiste codes. Begin opnieuw om een nieuwe te krijgen.
error-locked = Te veel pogingen. Probeer het opnieuw na { $until }.
error-resend_too_soon = Er is zojuist een code verstuurd. Je kunt na { $until } een nieuwe aanvragen.
error-send_limit = Er zijn te veel codes verstuurd. Je kunt na { $until } een nieuwe aanvragen.
error-password_too_short = { $min ->
    [one] Gebruik minstens { $min } teken.
   *[other] Gebruik minstens { $min } tekens.
}
error-password_too_long = { $max ->
    [one] Gebruik maximaal { $max } teken.
   *[other] Gebruik maximaal { $max } tekens.
}
error-password_composition = Gebruik minstens 3 van: hoofdletters, kleine letters, cijfers, symbolen.
error-password_personal_info = Gebruik je naam, gebruikersnaam of e-mailadres niet in je wachtwoord.
error-password_common = Dit wachtwoord komt te vaak voor. Kies er een dat moeilijker te raden is.
error-password_banned = Dit wachtwoord is gebaseerd op een woord dat hier niet is toegestaan. Kies een ander.
error-password_breached = Dit wachtwoord komt voor in een datalek, dus aanvallers proberen het al vroeg. Kies een ander.
error-breach_check_unavailable = De controle op gelekte wachtwoorden kan nu niet worden uitgevoerd. Probeer het over een minuut opnieuw.
error-password_rejected = De directory van je organisatie heeft dit wachtwoord geweigerd: { $reason }
error-backend_unavailable = Je directory reageerde niet. Er is niets gewijzigd. Probeer het zo opnieuw.
error-internal = Er ging bij ons iets mis. Er is niets gewijzigd. Probeer het opnieuw.
error-invalid_parameter = Er klopte iets niet in het verzoek. Laad de pagina opnieuw en probeer het nog eens.
error-unauthenticated = Meld je opnieuw aan om verder te gaan.
error-not_enabled = Selfservice-wachtwoordherstel is niet ingeschakeld voor uw account. Neem contact op met uw helpdesk.
error-method_not_permitted = Uw organisatie staat deze methode niet toe.
error-email_invalid = Voer een e-mailadres in zoals naam@voorbeeld.nl.
error-phone_invalid = Voer een mobiel nummer in met landcode, zoals +31 6 12345678.
error-nothing_pending = Er wacht niets op een code. Voeg de methode opnieuw toe.
error-not_registered = Deze methode is niet geregistreerd.
error-questions_invalid = Controleer uw beveiligingsvragen: elke vraag en elk antwoord moet anders zijn, en het antwoord twee keer hetzelfde getypt.
error-registration_incomplete = Registreer meer methoden voordat u ze bevestigt.
error-nothing_to_postpone = Er is niets om uit te stellen.
error-postpone_budget_used = U kunt dit niet meer uitstellen.
error-sign_in_too_old = Meld u opnieuw aan om een methode te verwijderen.
error-invalid_policy = Het beleid is ongeldig.
error-version_conflict = Het beleid is intussen gewijzigd. Laad het opnieuw.
error-turnstile_required = Voltooi eerst de beveiligingscontrole.
error-turnstile_failed = De beveiligingscontrole is niet geaccepteerd. Doe haar opnieuw.
error-turnstile_unavailable = De beveiligingscontrole kan nu niet worden bevestigd. Er is niets gestart. Probeer het zo opnieuw.
error-device_name_invalid = De apparaatnaam moet 1 tot 64 tekens lang zijn.
error-public_key_invalid = De sleutel van deze telefoon is onbruikbaar. Koppel hem opnieuw.
error-pairing_invalid = Deze koppelcode is niet meer geldig. Vraag een nieuwe QR-code aan.
error-signature_invalid = Deze telefoon wordt niet herkend. Koppel hem opnieuw.
error-request_stale = De klok van uw telefoon staat verkeerd. Stel de juiste tijd in en probeer het opnieuw.
error-request_replayed = Dit verzoek is al ontvangen.
error-no_approval_pending = Er wacht geen verzoek op goedkeuring.
error-approval_expired = Het verzoek op uw telefoon is verlopen. Probeer het opnieuw.

## Beveiligingsvragen (op vaste sleutel; gebruikt bij registratie en herstel)
question-city_born = In welke stad ben je geboren?
question-city_parents_met = In welke stad hebben je ouders elkaar leren kennen?
question-city_first_job = In welke stad had je je eerste baan?
question-city_spouse_born = In welke stad is je echtgenoot, echtgenote of partner geboren?
question-childhood_best_friend = Wat is de voornaam van je beste vriend of vriendin uit je jeugd?
question-childhood_nickname = Wat was je bijnaam als kind?
question-childhood_street = In welke straat woonde je als kind?
question-childhood_hero = Wie was je held als kind?
question-childhood_phone_last_four = Wat waren de laatste vier cijfers van je telefoonnummer thuis toen je klein was?
question-first_pet_name = Hoe heette je eerste huisdier?
question-first_car_model = Wat was het merk en model van je eerste auto?
question-first_concert = Wat was het eerste concert waar je naartoe ging?
question-first_employer = Hoe heette je eerste werkgever?
question-first_job_title = Wat was je eerste functietitel?
question-first_school_name = Hoe heette je eerste school?
question-first_teacher_surname = Wat was de achternaam van je eerste juf of meester?
question-first_kiss_city = In welke stad had je je eerste zoen?
question-favourite_food_as_child = Wat was als kind je lievelingseten?
question-favourite_book_as_child = Wat was als kind je lievelingsboek?
question-favourite_film_as_teen = Wat was als tiener je lievelingsfilm?
question-favourite_sports_team_as_child = Wat was als kind je favoriete sportteam?
question-favourite_toy_as_child = Wat was als kind je favoriete speelgoed?
question-grandmother_maiden_name = Wat is de meisjesnaam van je oma?
question-grandfather_occupation = Wat was het beroep van je opa?
question-oldest_cousin_first_name = Wat is de voornaam van je oudste neef of nicht?
question-oldest_sibling_middle_name = Wat is de tweede voornaam van je oudste broer of zus?
question-youngest_sibling_birthday_month = In welke maand is je jongste broer of zus jarig?
question-father_middle_name = Wat is de tweede voornaam van je vader?
question-mother_middle_name = Wat is de tweede voornaam van je moeder?
question-parents_wedding_city = In welke stad zijn je ouders getrouwd?
question-high_school_mascot = Wat was de mascotte of het embleem van je middelbare school?
question-high_school_graduation_year_city = In welke stad heb je je middelbare school afgemaakt?
question-university_first_roommate = Wat was de voornaam van je eerste huisgenoot tijdens je studie?
question-wedding_reception_venue = Waar vond je trouwfeest plaats?
question-dream_job_as_child = Wat was als kind je droombaan?
question-place_of_first_holiday = Waar ging je eerste vakantie naartoe?

## Herstellen met een authenticator-app of beveiligingsvragen
totp-title = Voer de code uit uw authenticator-app in
totp-hint = Open uw authenticator-app en voer de code van { $length } cijfers in die deze voor dit account toont.
answers-title = Beantwoord uw beveiligingsvragen
answers-hint = Antwoord zoals u deed bij het instellen. Hoofdletters en extra spaties maken niet uit.
answers-submit = Doorgaan

## Registratie: overzicht en ‘mijn methoden’
loading = Laden…
failed-title = Uw methoden konden niet worden geladen
register-title = Stel manieren in om uw wachtwoord opnieuw in te stellen
reconfirm-title = Zijn deze nog van u?
manage-title = Uw manieren om uw wachtwoord opnieuw in te stellen
not-enabled-title = Wachtwoordherstel is niet ingeschakeld
register-signed-in = Aangemeld als { $name }
register-progress = { $held } van { $total } ingesteld
register-hint = Als u uw wachtwoord vergeet, bewijst u hiermee wie u bent.
reconfirm-hint = Controleer of u elk hiervan nog kunt gebruiken en bevestig ze daarna.
register-needed = { $total ->
    [one] U hebt { $total } methode nodig.
   *[other] U hebt { $total } methoden nodig.
}
register-held-title = Ingesteld
register-none-held = Er is nog niets ingesteld.
register-add-title = Een methode toevoegen
method-email_code = E-mail { $destination }
method-sms_code = Mobiele telefoon { $destination }
method-authenticator = Authenticator-app
method-app_notification = Meldingen op uw telefoon
method-security_questions = Beveiligingsvragen
add-email_code = Een e-mailadres toevoegen
add-sms_code = Een mobiele telefoon toevoegen
add-authenticator = Een authenticator-app toevoegen
add-app_notification = Meldingen op uw telefoon toevoegen
add-security_questions = Beveiligingsvragen instellen
remove-method = Verwijderen
held-default = Standaard
make-default = Als standaard instellen
held-from-directory = Uit de directory van uw organisatie
confirm-methods = Mijn methoden bevestigen
postpone = Niet nu
postpone-hint = { $count ->
    [one] U kunt dit nog { $count } keer uitstellen.
   *[other] U kunt dit nog { $count } keer uitstellen.
}
back = Terug

## Registratie: een methode toevoegen
email-title = Een e-mailadres toevoegen
email-label = E-mailadres
email-hint = We sturen een code naar dit adres om het te controleren.
phone-title = Een mobiele telefoon toevoegen
phone-label = Mobiel nummer
phone-hint = Begin met de landcode, zoals +31 6 12345678. We sturen u een code per sms.
auth-title = Uw authenticator-app instellen
auth-scan = Scan deze QR-code met uw authenticator-app, zoals Microsoft Authenticator of Google Authenticator.
auth-qr = QR-code voor uw authenticator-app
auth-secret = Of typ deze sleutel in de app:
auth-copy = Sleutel kopiëren
auth-copied = Sleutel gekopieerd.
auth-link = Instellen op deze telefoon
auth-code-label = Code uit de app
auth-new-secret = Een nieuwe QR-code ophalen
auth-pending-hint = Voer de code in die uw authenticator-app toont, of haal een nieuwe QR-code op.
questions-title = Beveiligingsvragen instellen
questions-hint = Kies { $count } verschillende vragen en typ elk antwoord twee keer. Antwoorden hebben { $min } tot { $max } tekens.
questions-question = Vraag { $number }
questions-choose = Kies een vraag
questions-answer = Antwoord
questions-confirm = Antwoord herhalen
questions-submit = Vragen opslaan

## Registratie: resultaten
signin-title = Meld u opnieuw aan
signin-hint = Uw aanmelding is verlopen. Meld u opnieuw aan om verder te gaan; niets van wat u hebt ingesteld gaat verloren.
reg-done-title = Alles is ingesteld
reg-done-hint = Als u uw wachtwoord vergeet, kunt u het nu zelf opnieuw instellen.
reg-done-manage = Mijn methoden beheren
postponed-title = We herinneren u er later aan
postponed-hint = U wordt het de volgende keer dat u zich aanmeldt opnieuw gevraagd.

## Registratie: meldingen op uw telefoon (de goedkeuringstelefoon koppelen)
app-title = Meldingen op uw telefoon ontvangen
app-scan = Scan deze QR-code met de camera van uw telefoon, open de pagina die verschijnt en tik op ‘Deze telefoon koppelen’.
app-qr = QR-code die de koppelpagina op uw telefoon opent
app-link = Of open de koppelpagina op dit apparaat
app-expires = De code is geldig tot { $time }.
app-waiting = Wachten op uw telefoon…
app-expired = Deze code is verlopen.
app-new-code = Een nieuwe code tonen
held-app_notification = Meldingen op ‘{ $name }’

## De goedkeuringspagina op de telefoon
approver-title-pair = Deze telefoon koppelen
approver-pair-hint = Vanuit uw account is gevraagd om goedkeuringsverzoeken voor het opnieuw instellen van uw wachtwoord naar deze telefoon te sturen. Zodra de telefoon gekoppeld is, vraagt deze pagina u om elk herstel van uw wachtwoord en elke ontgrendeling van uw account goed te keuren.
approver-name-label = Naam van deze telefoon
approver-name-hint = Wordt bij uw methoden getoond, zodat u weet welke telefoon dit is.
approver-name-default = Mijn telefoon
approver-pair = Deze telefoon koppelen
approver-paired = Deze telefoon is gekoppeld. Als u uw wachtwoord opnieuw instelt of uw account ontgrendelt, open dan deze pagina om dat goed te keuren.
approver-title-waiting = Geen wachtende verzoeken
approver-waiting-hint = Houd deze pagina open of zet hem op uw beginscherm. Zolang hij open is, controleert hij om de paar seconden of er verzoeken zijn.
approver-devices = Gekoppeld met deze telefoon
approver-device = ‘{ $name }’, gekoppeld op { $date }
approver-check-now = Nu controleren
approver-title-request = Bent u dit?
approver-request-reset = Iemand stelt uw wachtwoord opnieuw in (aangevraagd op { $time }).
approver-request-unlock = Iemand ontgrendelt uw account (aangevraagd op { $time }).
approver-request-hint = Als u het bent, tik dan op het getal dat op het herstelscherm staat.
approver-number = Getal { $number }
approver-deny = Dit was ik niet
approver-title-approved = Goedgekeurd
approver-approved = Het herstel gaat verder op het andere scherm.
approver-title-denied = Verzoek geweigerd
approver-denied = Niemand kan met dit herstel verder. Als u het niet zelf hebt gestart, kent iemand misschien uw gebruikersnaam: meld dit bij uw helpdesk.
approver-title-wrong = Niet goedgekeurd
approver-wrong = Dat was niet het getal op het herstelscherm, dus het verzoek is geweigerd. Voor het herstel moet opnieuw een methode worden gekozen.
approver-title-expired = Verzoek verlopen
approver-expired = Het verzoek heeft langer dan twee minuten gewacht. Begin opnieuw op het herstelscherm.
approver-title-gone = Niets goed te keuren
approver-gone = Het verzoek is al beantwoord of vervangen door een nieuwer verzoek.
approver-back = OK
approver-title-unpaired = Deze telefoon is niet gekoppeld
approver-unpaired-hint = Om het opnieuw instellen van wachtwoorden op deze telefoon goed te keuren, opent u uw registratiepagina, kiest u ‘Meldingen op uw telefoon toevoegen’ en scant u de QR-code met de camera van deze telefoon.
approver-removed = Deze telefoon is uit uw account verwijderd.
approver-title-unsupported = Deze browser kan geen verzoeken goedkeuren
approver-unsupported = Hij kan hier geen ondertekeningssleutel veilig bewaren (geen IndexedDB of WebCrypto, of de pagina wordt niet via HTTPS aangeboden). Open deze pagina in de browser die u gewoonlijk op uw telefoon gebruikt.
approver-keystore-failed = Deze browser kon de sleutel van deze telefoon niet gebruiken. Laad de pagina opnieuw en probeer het nog eens.
approver-push-hint = Ontvang op deze telefoon bij elk verzoek een melding, ook als deze pagina gesloten is.
approver-push-enable = Meldingen inschakelen
approver-push-on = Deze telefoon ontvangt bij elk verzoek een melding.
approver-push-disable = Meldingen uitschakelen
approver-push-turned-on = Meldingen zijn ingeschakeld. Tik op een melding om deze pagina te openen en te antwoorden.
approver-push-turned-off = Meldingen zijn uitgeschakeld. Houd deze pagina open om verzoeken te zien.
approver-push-denied = Meldingen zijn voor deze pagina geblokkeerd. Sta ze toe in de browserinstellingen of houd deze pagina open.
approver-push-failed = Meldingen konden in deze browser niet worden ingeschakeld. Houd deze pagina open om verzoeken te zien.
# De melding die de telefoon bij een verzoek toont (de tekst gaat naar de service worker).
approver-push-title = Verzoek om wachtwoordherstel
approver-push-body = Tik om het goed te keuren of te weigeren.
## 'Dit was ik niet': een herstel dat na een melding is gepauzeerd, en de meldpagina
## (<sspr-reset flow="report">, geopend via de link in een melding)
reported-title = Wachtwoordherstel is gepauzeerd voor je account
reported-hint = Er is gemeld dat een wijziging aan je account niet door jou is gedaan. Daarom is selfservice voor wachtwoordherstel gepauzeerd tot { $until }. Neem contact op met je helpdesk om weer toegang tot je account te krijgen.
helpdesk-link = Contact opnemen met je helpdesk
report-title = Heb je deze wijziging niet gedaan?
report-change-password_changed = Je wachtwoord is gewijzigd.
report-change-account_unlocked = Je account is ontgrendeld.
report-change-method_added = Er is een manier toegevoegd om je wachtwoord opnieuw in te stellen: { $method }.
report-change-method_removed = Er is een manier verwijderd om je wachtwoord opnieuw in te stellen: { $method }.
report-method-email_code = een e-mailadres
report-method-sms_code = een mobiele telefoon
report-method-authenticator = een authenticator-app
report-method-app_notification = meldingen op een telefoon
report-method-security_questions = beveiligingsvragen
report-when = Wanneer: { $when }
report-explain = Was jij dit niet, dan kan iemand anders mogelijk bij je account. Meld het: we pauzeren selfservice voor wachtwoordherstel voor je account, stoppen een herstel dat bezig is en waarschuwen je beheerders.
report-explain-remove = De toegevoegde herstelmethode wordt verwijderd.
report-confirm = Dit was ik niet – melden
report-it-was-me = Heb je deze wijziging zelf gedaan, dan hoef je niets te doen: je kunt deze pagina sluiten.
report-done-title = Bedankt – je account is beschermd
report-done-hint = Selfservice voor wachtwoordherstel is voor je account gepauzeerd tot { $until } en je beheerders zijn gewaarschuwd. Neem contact op met je helpdesk om je account te beveiligen.
report-done-removed = De toegevoegde herstelmethode is verwijderd.
report-already-title = Je hebt deze wijziging al gemeld
report-already-hint = Je hebt haar gemeld op { $when }. Neem contact op met je helpdesk als je account nog beveiligd moet worden.
report-invalid-title = Deze link kan niet worden gebruikt
report-missing = Open deze pagina via de link in de e-mail die we je over je account hebben gestuurd.
error-reported_compromise = Er is gemeld dat een wijziging aan je account niet door jou is gedaan. Daarom zijn selfservice voor wachtwoordherstel en wijzigingen aan je methoden gepauzeerd tot { $until }. Neem contact op met je helpdesk.
error-report_invalid = Deze link is ongeldig of verlopen (links zijn 7 dagen geldig). Ziet een wijziging aan je account er verkeerd uit, neem dan contact op met je helpdesk.
