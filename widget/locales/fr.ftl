# Widget sspr — français (French).
# Syntaxe : Project Fluent (https://projectfluent.org). Les variables s’écrivent { $name }.
# Les pluriels utilisent les catégories CLDR de la langue (français : one, many, other ; one couvre 0 et 1).

## Identification
identify-title-reset = Réinitialiser votre mot de passe
identify-title-unlock = Déverrouiller votre compte
identify-hint = Saisissez votre nom d’utilisateur ou votre adresse e-mail. Nous vous enverrons un code.
identify-username = Nom d’utilisateur ou adresse e-mail
identify-submit = Envoyer le code
turnstile-waiting = Effectuez la vérification de sécurité pour continuer.
turnstile-expired = La vérification de sécurité a expiré. Recommencez-la pour continuer.
turnstile-error = La vérification de sécurité n’a pas pu s’exécuter. Réessayez.
turnstile-retry = Refaire la vérification

## Code
code-title-email = Consultez vos e-mails
code-title-sms = Consultez votre téléphone
code-hint = Nous avons envoyé un code à { $length } chiffres à { $destination }.
code-label = Code
code-submit = Vérifier
code-resend = Envoyer un nouveau code
code-resend-wait = Envoyer un nouveau code dans { $seconds } s
restart = Recommencer
switch-method = Utiliser une autre méthode

## Choix de la méthode
choose-title = Choisissez comment confirmer votre identité
choose-progress = Étape { $step } sur { $total }
choose-email_code = Recevoir un code par e-mail à { $destination }
choose-sms_code = Recevoir un code par SMS au { $destination }
choose-authenticator = Utiliser votre application d’authentification
choose-app_notification = Approuver une notification sur votre téléphone
choose-security_questions = Répondre à vos questions de sécurité

## Nouveau mot de passe
password-title = Choisissez un nouveau mot de passe
password-label = Nouveau mot de passe
password-show = Afficher
password-hide = Masquer
password-rule-min = { $count ->
    [one] Au moins { $count } caractère
   *[other] Au moins { $count } caractères
}
password-rule-max = { $count ->
    [one] Au plus { $count } caractère
   *[other] Au plus { $count } caractères
}
password-rule-classes = Au moins { $count } types parmi : majuscules, minuscules, chiffres, symboles
rule-met = (respectée)
rule-not-met = (non respectée)
password-not-ready = Votre nouveau mot de passe ne respecte pas encore les règles ci-dessous.
password-submit = Changer le mot de passe
strength-label = Robustesse du mot de passe
strength-score-0 = Très faible
strength-score-1 = Faible
strength-score-2 = Moyen
strength-score-3 = Robuste
strength-score-4 = Très robuste
strength-warning-keyboard = Les rangées et motifs de touches sont faciles à deviner.
strength-warning-repeats = Les caractères répétés sont faciles à deviner.
strength-warning-common = C'est un mot de passe très courant.
strength-warning-similar = Cela ressemble à un mot de passe courant.
strength-warning-sequence = Les suites comme abc ou 6543 sont faciles à deviner.
strength-warning-years = Les années récentes sont faciles à deviner.
strength-warning-word = Un mot seul est facile à deviner.
strength-warning-dates = Les dates sont faciles à deviner.
strength-warning-names = Les noms seuls sont faciles à deviner.
strength-suggestion-more_words = Ajoutez un ou deux mots ; les mots peu courants sont meilleurs.
strength-suggestion-no_symbols_needed = Inutile d'ajouter symboles, chiffres ou majuscules : la longueur compte davantage.
strength-suggestion-capitals = Les majuscules aident peu.
strength-suggestion-reversed = Les mots à l'envers ne sont guère plus difficiles à deviner.
strength-suggestion-substitutions = Les substitutions comme @ pour a aident peu.
strength-suggestion-keyboard = Utilisez un motif de touches plus long, avec plus de changements de direction.
strength-suggestion-repeats = Évitez les mots et caractères répétés.
strength-suggestion-sequences = Évitez les suites.
strength-suggestion-dates = Évitez les dates et années qui vous sont liées.

## Résultats
done-title-reset = Mot de passe modifié
done-hint-reset = Vous pouvez maintenant vous connecter avec votre nouveau mot de passe.
done-title-unlock = Compte déverrouillé
done-hint-unlock = Vous pouvez maintenant vous connecter avec votre mot de passe.
pending-title = C’est presque terminé
pending-hint = Votre identité est confirmée. Nous transmettons la modification à votre annuaire.
pending-retry = Réessayer
locked-title = Trop de tentatives
locked-hint = Pour votre sécurité, la réinitialisation du mot de passe est bloquée pour ce compte jusqu’au { $until }.
approval-title = Approuvez sur votre téléphone
approval-hint = Ouvrez la page d’approbation sur votre téléphone et touchez le nombre affiché ici.
approval-number-label = Nombre à toucher :
approval-waiting = En attente de votre téléphone…

## Problèmes de connexion (aucune réponse du serveur)
client-network = Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.
client-unreadable = Le serveur a envoyé une réponse que nous n’avons pas comprise. Réessayez.

## Erreurs, une par code que le serveur peut renvoyer
error-bad_request = Un élément de la requête est incorrect. Rechargez la page et réessayez.
error-unsupported_media_type = Un élément de la requête est incorrect. Rechargez la page et réessayez.
error-payload_too_large = Votre saisie est trop longue.
error-not_found = Cette page n’est plus à jour. Rechargez-la et réessayez.
error-method_not_allowed = Cette page n’est plus à jour. Rechargez-la et réessayez.
error-origin_not_allowed = La réinitialisation du mot de passe n’est pas disponible sur ce site. Contactez votre service d’assistance.
error-invalid_username = Saisissez un nom d’utilisateur ou une adresse e-mail sans caractères spéciaux.
error-flow_expired = Cette réinitialisation a expiré. Recommencez.
error-wrong_step = Cette étape est déjà terminée. Recommencez.
error-method_not_offered = Cette méthode n’est pas disponible pour cette réinitialisation. Choisissez-en une autre.
error-answers_wrong = Certaines réponses sont incorrectes. Répondez aux nouvelles questions.
error-approval_failed = La demande sur votre téléphone a été refusée, validée avec le mauvais nombre ou a expiré.
error-invalid_code_format = Saisissez le code en chiffres uniquement.
error-code_mismatch = { $tries ->
    [0] Le code ne correspond pas.
    [one] Le code ne correspond pas. Il vous reste { $tries } essai.
   *[other] Le code ne correspond pas. Il vous reste { $tries } essais.
}
error-code_expired = Ce code a expiré. Recommencez pour en obtenir un nouveau.
error-code_used = Ce code a déjà été utilisé. Recommencez pour en obtenir un nouveau.
error-code_attempts_exhausted = Trop de codes erronés. Recommencez pour en obtenir un nouveau.
error-locked = Trop de tentatives. Réessayez après le { $until }.
error-resend_too_soon = Un code vient d’être envoyé. Vous pourrez en demander un autre après le { $until }.
error-send_limit = Trop de codes ont été envoyés. Vous pourrez en demander un autre après le { $until }.
error-password_too_short = { $min ->
    [one] Utilisez au moins { $min } caractère.
   *[other] Utilisez au moins { $min } caractères.
}
error-password_too_long = { $max ->
    [one] Utilisez au plus { $max } caractère.
   *[other] Utilisez au plus { $max } caractères.
}
error-password_composition = Utilisez au moins 3 types parmi : majuscules, minuscules, chiffres, symboles.
error-password_personal_info = N’utilisez ni votre nom, ni votre nom d’utilisateur, ni votre adresse e-mail dans votre mot de passe.
error-password_common = Ce mot de passe est trop courant. Choisissez-en un plus difficile à deviner.
error-password_banned = Ce mot de passe est basé sur un mot qui n’est pas autorisé ici. Choisissez-en un autre.
error-password_breached = Ce mot de passe est apparu dans une fuite de données, les attaquants l’essaieront donc en priorité. Choisissez-en un autre.
error-breach_check_unavailable = La vérification parmi les mots de passe compromis ne peut pas être effectuée pour le moment. Réessayez dans une minute.
error-password_rejected = L’annuaire de votre organisation a refusé ce mot de passe : { $reason }
error-backend_unavailable = Votre annuaire n’a pas répondu. Rien n’a été modifié. Réessayez dans un instant.
error-internal = Un problème est survenu de notre côté. Rien n’a été modifié. Réessayez.
error-invalid_parameter = Un élément de la requête n’était pas correct. Rechargez la page et réessayez.
error-unauthenticated = Reconnectez-vous pour continuer.
error-not_enabled = La réinitialisation du mot de passe en libre-service n’est pas activée pour votre compte. Contactez votre support.
error-method_not_permitted = Votre organisation n’autorise pas cette méthode.
error-email_invalid = Saisissez une adresse e-mail comme nom@exemple.com.
error-phone_invalid = Saisissez un numéro de mobile avec son indicatif, comme +33 6 12 34 56 78.
error-nothing_pending = Aucun code n’est attendu. Ajoutez la méthode à nouveau.
error-not_registered = Cette méthode n’est pas enregistrée.
error-questions_invalid = Vérifiez vos questions de sécurité : chacune demande une question et une réponse différentes, saisies deux fois à l’identique.
error-registration_incomplete = Enregistrez d’autres méthodes avant de les confirmer.
error-nothing_to_postpone = Il n’y a rien à reporter.
error-postpone_budget_used = Vous ne pouvez plus reporter.
error-sign_in_too_old = Reconnectez-vous pour supprimer une méthode.
error-invalid_policy = La stratégie n’est pas valide.
error-version_conflict = La stratégie a été modifiée entre-temps. Rechargez-la.
error-turnstile_required = Effectuez d’abord la vérification de sécurité.
error-turnstile_failed = La vérification de sécurité n’a pas été acceptée. Recommencez-la.
error-turnstile_unavailable = La vérification de sécurité ne peut pas être confirmée pour le moment. Rien n’a été lancé. Réessayez dans un instant.
error-device_name_invalid = Le nom de l’appareil doit comporter de 1 à 64 caractères.
error-public_key_invalid = La clé de ce téléphone est inutilisable. Associez-le de nouveau.
error-pairing_invalid = Ce code d’association n’est plus valide. Demandez un nouveau code QR.
error-signature_invalid = Ce téléphone n’est pas reconnu. Associez-le de nouveau.
error-request_stale = L’horloge de votre téléphone est incorrecte. Réglez l’heure et réessayez.
error-request_replayed = Cette demande a déjà été reçue.
error-no_approval_pending = Aucune demande n’attend d’approbation.
error-approval_expired = La demande sur votre téléphone a expiré. Réessayez.

## Questions de sécurité (par clé stable ; utilisées à l’inscription et à la réinitialisation)
question-city_born = Quelle est votre ville de naissance ?
question-city_parents_met = Dans quelle ville vos parents se sont-ils rencontrés ?
question-city_first_job = Dans quelle ville avez-vous occupé votre premier emploi ?
question-city_spouse_born = Quelle est la ville de naissance de votre conjoint ou partenaire ?
question-childhood_best_friend = Quel est le prénom de votre meilleur ami ou meilleure amie d’enfance ?
question-childhood_nickname = Quel était votre surnom quand vous étiez enfant ?
question-childhood_street = Dans quelle rue habitiez-vous quand vous étiez enfant ?
question-childhood_hero = Qui était votre héros ou votre héroïne d’enfance ?
question-childhood_phone_last_four = Quels étaient les quatre derniers chiffres de votre numéro de téléphone quand vous étiez enfant ?
question-first_pet_name = Comment s’appelait votre premier animal de compagnie ?
question-first_car_model = Quelles étaient la marque et le modèle de votre première voiture ?
question-first_concert = Quel a été le premier concert auquel vous avez assisté ?
question-first_employer = Quel était le nom de votre premier employeur ?
question-first_job_title = Quel était l’intitulé de votre premier poste ?
question-first_school_name = Comment s’appelait votre première école ?
question-first_teacher_surname = Quel était le nom de famille de votre premier instituteur ou de votre première institutrice ?
question-first_kiss_city = Dans quelle ville avez-vous échangé votre premier baiser ?
question-favourite_food_as_child = Quel était votre plat préféré quand vous étiez enfant ?
question-favourite_book_as_child = Quel était votre livre préféré quand vous étiez enfant ?
question-favourite_film_as_teen = Quel était votre film préféré à l’adolescence ?
question-favourite_sports_team_as_child = Quelle était votre équipe sportive préférée quand vous étiez enfant ?
question-favourite_toy_as_child = Quel était votre jouet préféré quand vous étiez enfant ?
question-grandmother_maiden_name = Quel est le nom de jeune fille de votre grand-mère ?
question-grandfather_occupation = Quel était le métier de votre grand-père ?
question-oldest_cousin_first_name = Quel est le prénom de l’aîné de vos cousins et cousines ?
question-oldest_sibling_middle_name = Quel est le deuxième prénom de l’aîné de vos frères et sœurs ?
question-youngest_sibling_birthday_month = En quel mois est né le plus jeune de vos frères et sœurs ?
question-father_middle_name = Quel est le deuxième prénom de votre père ?
question-mother_middle_name = Quel est le deuxième prénom de votre mère ?
question-parents_wedding_city = Dans quelle ville vos parents se sont-ils mariés ?
question-high_school_mascot = Quelle était la mascotte ou l’emblème de votre lycée ?
question-high_school_graduation_year_city = Dans quelle ville avez-vous terminé vos études secondaires ?
question-university_first_roommate = Quel était le prénom de votre premier ou première colocataire pendant vos études ?
question-wedding_reception_venue = Où s’est déroulée la réception de votre mariage ?
question-dream_job_as_child = Quel était le métier de vos rêves quand vous étiez enfant ?
question-place_of_first_holiday = Quelle a été la destination de vos premières vacances ?

## Réinitialisation avec une application d’authentification ou des questions de sécurité
totp-title = Saisissez le code de votre application d’authentification
totp-hint = Ouvrez votre application d’authentification et saisissez le code à { $length } chiffres qu’elle affiche pour ce compte.
answers-title = Répondez à vos questions de sécurité
answers-hint = Répondez comme lors de leur configuration. Les majuscules et les espaces en trop ne comptent pas.
answers-submit = Continuer

## Inscription : vue d’ensemble et « mes méthodes »
loading = Chargement…
failed-title = Impossible de charger vos méthodes
register-title = Configurez des moyens de réinitialiser votre mot de passe
reconfirm-title = Sont-ils toujours les vôtres ?
manage-title = Vos moyens de réinitialiser votre mot de passe
not-enabled-title = La réinitialisation du mot de passe n’est pas activée
register-signed-in = Connecté en tant que { $name }
register-progress = { $held } sur { $total } configuré(s)
register-hint = Si vous oubliez votre mot de passe, vous prouverez votre identité avec ceux-ci.
reconfirm-hint = Vérifiez que vous pouvez toujours utiliser chacun d’eux, puis confirmez-les.
register-needed = { $total ->
    [one] Il vous faut { $total } méthode.
   *[other] Il vous faut { $total } méthodes.
}
register-held-title = Configuré
register-none-held = Rien n’est encore configuré.
register-add-title = Ajouter une méthode
method-email_code = E-mail { $destination }
method-sms_code = Téléphone mobile { $destination }
method-authenticator = Application d’authentification
method-app_notification = Notifications sur votre téléphone
method-security_questions = Questions de sécurité
add-email_code = Ajouter une adresse e-mail
add-sms_code = Ajouter un téléphone mobile
add-authenticator = Ajouter une application d’authentification
add-app_notification = Ajouter les notifications sur votre téléphone
add-security_questions = Configurer des questions de sécurité
remove-method = Supprimer
held-default = Par défaut
make-default = Définir par défaut
held-from-directory = Fourni par l'annuaire de votre organisation
confirm-methods = Confirmer mes méthodes
postpone = Pas maintenant
postpone-hint = { $count ->
    [one] Vous pouvez encore reporter { $count } fois.
   *[other] Vous pouvez encore reporter { $count } fois.
}
back = Retour

## Inscription : ajouter une méthode
email-title = Ajouter une adresse e-mail
email-label = Adresse e-mail
email-hint = Nous enverrons un code à cette adresse pour la vérifier.
phone-title = Ajouter un téléphone mobile
phone-label = Numéro de mobile
phone-hint = Commencez par l’indicatif du pays, par exemple +33 6 12 34 56 78. Nous vous enverrons un code par SMS.
auth-title = Configurer votre application d’authentification
auth-scan = Scannez ce code QR avec votre application d’authentification, par exemple Microsoft Authenticator ou Google Authenticator.
auth-qr = Code QR pour votre application d’authentification
auth-secret = Ou saisissez cette clé dans l’application :
auth-copy = Copier la clé
auth-copied = Clé copiée.
auth-link = Configurer sur ce téléphone
auth-code-label = Code de l’application
auth-new-secret = Obtenir un nouveau code QR
auth-pending-hint = Saisissez le code affiché par votre application d’authentification, ou obtenez un nouveau code QR.
questions-title = Configurer des questions de sécurité
questions-hint = Choisissez { $count } questions différentes et saisissez chaque réponse deux fois. Les réponses comptent de { $min } à { $max } caractères.
questions-question = Question { $number }
questions-choose = Choisissez une question
questions-answer = Réponse
questions-confirm = Confirmez la réponse
questions-submit = Enregistrer les questions

## Inscription : résultats
signin-title = Reconnectez-vous
signin-hint = Votre session a expiré. Reconnectez-vous pour continuer ; rien de ce que vous avez configuré n’est perdu.
reg-done-title = Tout est prêt
reg-done-hint = Si vous oubliez votre mot de passe, vous pouvez désormais le réinitialiser vous-même.
reg-done-manage = Gérer mes méthodes
postponed-title = Nous vous le rappellerons plus tard
postponed-hint = La question vous sera reposée à votre prochaine connexion.

## Inscription : notifications sur votre téléphone (association du téléphone d’approbation)
app-title = Recevoir des notifications sur votre téléphone
app-scan = Scannez ce code QR avec l’appareil photo de votre téléphone, ouvrez la page qu’il affiche et touchez « Associer ce téléphone ».
app-qr = Code QR qui ouvre la page d’association sur votre téléphone
app-link = Ou ouvrez la page d’association sur cet appareil
app-expires = Ce code est valable jusqu’au { $time }.
app-waiting = En attente de votre téléphone…
app-expired = Ce code a expiré.
app-new-code = Afficher un nouveau code
held-app_notification = Notifications sur « { $name } »

## La page d’approbation sur le téléphone
approver-title-pair = Associer ce téléphone
approver-pair-hint = Votre compte a demandé à envoyer à ce téléphone les demandes d’approbation de réinitialisation du mot de passe. Une fois le téléphone associé, cette page vous demandera d’approuver chaque réinitialisation du mot de passe ou déverrouillage de votre compte.
approver-name-label = Nom de ce téléphone
approver-name-hint = Affiché avec vos méthodes, pour que vous sachiez de quel téléphone il s’agit.
approver-name-default = Mon téléphone
approver-pair = Associer ce téléphone
approver-paired = Ce téléphone est associé. Lorsque vous réinitialisez votre mot de passe ou déverrouillez votre compte, ouvrez cette page pour approuver l’opération.
approver-title-waiting = Aucune demande en attente
approver-waiting-hint = Gardez cette page ouverte ou ajoutez-la à votre écran d’accueil. Tant qu’elle est ouverte, elle vérifie toutes les quelques secondes si des demandes sont arrivées.
approver-devices = Associations de ce téléphone
approver-device = « { $name } », associé le { $date }
approver-check-now = Vérifier maintenant
approver-title-request = Est-ce bien vous ?
approver-request-reset = Quelqu’un réinitialise votre mot de passe (demande faite le { $time }).
approver-request-unlock = Quelqu’un déverrouille votre compte (demande faite le { $time }).
approver-request-hint = Si c’est bien vous, touchez le nombre affiché sur l’écran de réinitialisation.
approver-number = Nombre { $number }
approver-deny = Ce n’était pas moi
approver-title-approved = Approuvé
approver-approved = La réinitialisation se poursuit sur l’autre écran.
approver-title-denied = Demande refusée
approver-denied = Personne ne peut poursuivre cette réinitialisation. Si vous ne l’avez pas lancée, quelqu’un connaît peut-être votre nom d’utilisateur : prévenez votre service d’assistance.
approver-title-wrong = Non approuvé
approver-wrong = Ce n’était pas le nombre affiché sur l’écran de réinitialisation : la demande a donc été refusée. Il faut choisir de nouveau une méthode pour la réinitialisation.
approver-title-expired = Demande expirée
approver-expired = La demande est restée en attente plus de deux minutes. Recommencez depuis l’écran de réinitialisation.
approver-title-gone = Rien à approuver
approver-gone = La demande a déjà reçu une réponse, ou une demande plus récente l’a remplacée.
approver-back = OK
approver-title-unpaired = Ce téléphone n’est pas associé
approver-unpaired-hint = Pour approuver les réinitialisations de mot de passe sur ce téléphone, ouvrez votre page d’inscription, choisissez « Ajouter les notifications sur votre téléphone » et scannez le code QR avec l’appareil photo de ce téléphone.
approver-removed = Ce téléphone a été retiré de votre compte.
approver-title-unsupported = Ce navigateur ne peut pas approuver de demandes
approver-unsupported = Il ne peut pas conserver ici une clé de signature en toute sécurité (pas d’IndexedDB ni de WebCrypto, ou la page n’est pas servie en HTTPS). Ouvrez cette page dans le navigateur habituel de votre téléphone.
approver-keystore-failed = Ce navigateur n’a pas pu utiliser la clé de ce téléphone. Rechargez la page et réessayez.
approver-push-hint = Recevez une notification sur ce téléphone pour chaque demande, même lorsque cette page est fermée.
approver-push-enable = Activer les notifications
approver-push-on = Ce téléphone reçoit une notification pour chaque demande.
approver-push-disable = Désactiver les notifications
approver-push-turned-on = Les notifications sont activées. Touchez une notification pour ouvrir cette page et répondre.
approver-push-turned-off = Les notifications sont désactivées. Gardez cette page ouverte pour voir les demandes.
approver-push-denied = Les notifications sont bloquées pour cette page. Autorisez-les dans les paramètres du navigateur ou gardez cette page ouverte.
approver-push-failed = Les notifications n’ont pas pu être activées dans ce navigateur. Gardez cette page ouverte pour voir les demandes.
# La notification que le téléphone affiche pour une demande (son texte est transmis au service worker).
approver-push-title = Demande de réinitialisation du mot de passe
approver-push-body = Touchez pour l’approuver ou la refuser.
## « Ce n’était pas moi » : une réinitialisation suspendue après un signalement, et la page de
## signalement (<sspr-reset flow="report">, ouverte depuis le lien d’une notification)
reported-title = La réinitialisation du mot de passe est suspendue pour votre compte
reported-hint = Une modification de votre compte a été signalée comme n’ayant pas été faite par vous : la réinitialisation du mot de passe en libre-service est donc suspendue jusqu’au { $until }. Contactez votre service d’assistance pour retrouver l’accès à votre compte.
helpdesk-link = Contacter votre service d’assistance
report-title = Vous n’avez pas fait cette modification ?
report-change-password_changed = Votre mot de passe a été modifié.
report-change-account_unlocked = Votre compte a été déverrouillé.
report-change-method_added = Un moyen de réinitialiser votre mot de passe a été ajouté : { $method }.
report-change-method_removed = Un moyen de réinitialiser votre mot de passe a été supprimé : { $method }.
report-method-email_code = une adresse e-mail
report-method-sms_code = un téléphone mobile
report-method-authenticator = une application d’authentification
report-method-app_notification = des notifications sur un téléphone
report-method-security_questions = des questions de sécurité
report-when = Quand : { $when }
report-explain = Si ce n’était pas vous, quelqu’un d’autre peut peut-être accéder à votre compte. Signalez-le : nous suspendrons la réinitialisation du mot de passe en libre-service pour votre compte, arrêterons toute réinitialisation en cours et alerterons vos administrateurs.
report-explain-remove = Le moyen de réinitialisation ajouté sera supprimé.
report-confirm = Ce n’était pas moi : le signaler
report-it-was-me = Si vous avez fait cette modification, il n’y a rien à faire : vous pouvez fermer cette page.
report-done-title = Merci : votre compte est protégé
report-done-hint = La réinitialisation du mot de passe en libre-service est suspendue pour votre compte jusqu’au { $until }, et vos administrateurs ont été prévenus. Contactez votre service d’assistance pour sécuriser votre compte.
report-done-removed = Le moyen de réinitialisation ajouté a été supprimé.
report-already-title = Vous avez déjà signalé cette modification
report-already-hint = Vous l’avez signalée le { $when }. Contactez votre service d’assistance si votre compte doit encore être sécurisé.
report-invalid-title = Ce lien ne peut pas être utilisé
report-missing = Ouvrez cette page depuis le lien de l’e-mail que nous vous avons envoyé au sujet de votre compte.
error-reported_compromise = Une modification de votre compte a été signalée comme n’ayant pas été faite par vous : la réinitialisation du mot de passe en libre-service et les modifications de vos méthodes sont suspendues jusqu’au { $until }. Contactez votre service d’assistance.
error-report_invalid = Ce lien n’est pas valide ou a expiré (les liens sont valables 7 jours). Si une modification de votre compte vous semble anormale, contactez votre service d’assistance.
