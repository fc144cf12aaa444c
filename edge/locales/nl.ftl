# Berichten van de sspr-edge — Nederlands. Dezelfde id's en variabelen als en.ftl.

## E-mail met de herstelcode
code-email-subject = Code om je wachtwoord voor { $org } opnieuw in te stellen: { $code }
code-email-lead = Je code om je wachtwoord voor { $org } opnieuw in te stellen is { $code }.
code-email-expiry = De code verloopt over { $minutes ->
        [one] { $minutes } minuut
       *[other] { $minutes } minuten
    }. Heb je niet gevraagd om je wachtwoord opnieuw in te stellen? Negeer dan deze e-mail: je wachtwoord blijft ongewijzigd.

## Registratie: e-mailadres bevestigen
enrolment-email-subject = Bevestig je e-mailadres voor { $org }: { $code }
enrolment-email-lead = Je verificatiecode voor { $org } is { $code }.
enrolment-email-expiry = Typ de code waar je dit adres toevoegt voor het opnieuw instellen van je wachtwoord. De code verloopt over { $minutes ->
        [one] { $minutes } minuut
       *[other] { $minutes } minuten
    }. Heb je dit adres niet toegevoegd? Negeer dan deze e-mail: het adres wordt niet gebruikt.

## Sms
code-sms = { $code } is je verificatiecode voor { $org }. De code verloopt over { $minutes ->
        [one] { $minutes } minuut
       *[other] { $minutes } minuten
    }.

## Meldingen aan de gebruiker
password-changed-subject = Je wachtwoord voor { $org } is gewijzigd
password-changed-body = Je wachtwoord is zojuist gewijzigd via selfservice voor wachtwoordherstel.
account-unlocked-subject = Je account bij { $org } is ontgrendeld
account-unlocked-body = Je account is zojuist ontgrendeld via selfservice voor wachtwoordherstel.
method-added-subject = Er is een methode voor wachtwoordherstel toegevoegd aan je account bij { $org }
method-added-body = Deze methode is zojuist toegevoegd aan de manieren waarop je je wachtwoord opnieuw kunt instellen: { $method }.
method-removed-subject = Er is een methode voor wachtwoordherstel verwijderd uit je account bij { $org }
method-removed-body = Deze methode is zojuist verwijderd uit de manieren waarop je je wachtwoord opnieuw kunt instellen: { $method }.
help-url = Was jij dit niet? Neem dan direct contact op met je helpdesk: { $helpdesk }
help-none = Was jij dit niet? Neem dan direct contact op met je IT-helpdesk.
report-link = Was jij dit niet? Meld het hier: we pauzeren dan selfservice voor wachtwoordherstel voor je account en waarschuwen je beheerders. De link is { $days ->
        [one] { $days } dag
       *[other] { $days } dagen
    } geldig: { $link }

## Namen van de methoden
method-email = code per e-mail
method-sms = code per sms
method-authenticator = authenticator-app
method-app-notification = app-melding
method-security-questions = beveiligingsvragen

## Melding aan beheerders
admin-reset-subject = Een beheerder heeft zijn wachtwoord voor { $org } opnieuw ingesteld
admin-reset-body = { $admin } heeft op { $when } zijn wachtwoord opnieuw ingesteld via selfservice voor wachtwoordherstel.
admin-reset-why = Je ontvangt dit bericht omdat je beheerder bent van { $org }: volgens het beleid worden alle beheerders gewaarschuwd wanneer een beheerder zijn wachtwoord opnieuw instelt. Had je dit niet verwacht? Controleer dan het account.

## 'Dit was ik niet': waarschuwing aan beheerders
report-admin-subject = { $user } heeft een wijziging aan zijn { $org }-account gemeld die hij niet zelf heeft gedaan
report-admin-body = { $user } (directory-id { $userid }) heeft gemeld dat deze wijziging aan zijn account niet door hem is gedaan: { $change }, op { $when }.
report-admin-removed = De gemelde methode ({ $method }) is van het account verwijderd.
report-admin-hold = Selfservice voor wachtwoordherstel en wijzigingen aan de herstelmethoden zijn voor deze gebruiker gepauzeerd tot { $until }. Controleer het account nu: stel zo nodig zelf het wachtwoord opnieuw in en bekijk de aanmeldingen en herstelmethoden. Je kunt de pauze eerder beëindigen via de beheer-API (POST /v1/admin/holds/clear).
change-password-changed = wachtwoord gewijzigd
change-account-unlocked = account ontgrendeld
change-method-added = herstelmethode toegevoegd ({ $method })
change-method-removed = herstelmethode verwijderd ({ $method })
