# Messages de l'edge sspr — français. Mêmes identifiants et variables que en.ftl.

## E-mail avec le code de réinitialisation
code-email-subject = Code de réinitialisation du mot de passe { $org } : { $code }
code-email-lead = Votre code de réinitialisation du mot de passe { $org } est { $code }.
code-email-expiry = Il expire dans { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }. Si vous n'avez pas demandé à réinitialiser votre mot de passe, ignorez cet e-mail : votre mot de passe reste inchangé.

## Inscription : vérifier une adresse e-mail
enrolment-email-subject = Vérifiez votre adresse e-mail pour { $org } : { $code }
enrolment-email-lead = Votre code de vérification { $org } est { $code }.
enrolment-email-expiry = Saisissez-le là où vous ajoutez cette adresse pour la réinitialisation du mot de passe. Il expire dans { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }. Si vous n'avez pas ajouté cette adresse, ignorez cet e-mail : elle ne sera pas utilisée.

## SMS
code-sms = { $code } est votre code de vérification { $org }. Il expire dans { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }.

## Avis à l'utilisateur
password-changed-subject = Votre mot de passe { $org } a été modifié
password-changed-body = Votre mot de passe vient d'être modifié par la réinitialisation de mot de passe en libre-service.
account-unlocked-subject = Votre compte { $org } a été déverrouillé
account-unlocked-body = Votre compte vient d'être déverrouillé par la réinitialisation de mot de passe en libre-service.
method-added-subject = Une méthode de réinitialisation du mot de passe a été ajoutée à votre compte { $org }
method-added-body = Cette méthode vient d'être ajoutée aux moyens de réinitialiser votre mot de passe : { $method }.
method-removed-subject = Une méthode de réinitialisation du mot de passe a été retirée de votre compte { $org }
method-removed-body = Cette méthode vient d'être retirée des moyens de réinitialiser votre mot de passe : { $method }.
help-url = Si ce n'était pas vous, contactez immédiatement votre support : { $helpdesk }
help-none = Si ce n'était pas vous, contactez immédiatement votre support informatique.
report-link = Ce n'était pas vous ? Signalez-le ici : nous suspendrons la réinitialisation du mot de passe en libre-service pour votre compte et alerterons vos administrateurs. Le lien est valable { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } : { $link }

## Noms des méthodes
method-email = code par e-mail
method-sms = code par SMS
method-authenticator = application d'authentification
method-app-notification = notification dans l'application
method-security-questions = questions de sécurité

## Avis aux administrateurs
admin-reset-subject = Un administrateur a réinitialisé son mot de passe { $org }
admin-reset-body = { $admin } a réinitialisé son mot de passe par la réinitialisation en libre-service le { $when }.
admin-reset-why = Vous recevez ce message parce que vous êtes administrateur de { $org } : sa stratégie avertit tous les administrateurs lorsqu'un administrateur réinitialise son mot de passe. Si cette réinitialisation n'était pas attendue, vérifiez le compte.

## « Ce n'était pas moi » : alerte aux administrateurs
report-admin-subject = { $user } a signalé une modification de son compte { $org } qu'il n'a pas faite
report-admin-body = { $user } (identifiant d'annuaire { $userid }) a signalé que cette modification de son compte n'a pas été faite par lui : { $change }, le { $when }.
report-admin-removed = La méthode signalée ({ $method }) a été supprimée de son compte.
report-admin-hold = La réinitialisation du mot de passe en libre-service et les modifications de ses méthodes de réinitialisation sont suspendues pour cet utilisateur jusqu'au { $until }. Vérifiez le compte dès maintenant : réinitialisez vous-même le mot de passe si nécessaire, et examinez ses connexions et ses méthodes de réinitialisation. Vous pouvez lever la suspension plus tôt avec l'API d'administration (POST /v1/admin/holds/clear).
change-password-changed = mot de passe modifié
change-account-unlocked = compte déverrouillé
change-method-added = méthode de réinitialisation ajoutée ({ $method })
change-method-removed = méthode de réinitialisation supprimée ({ $method })
