//! The registration screen's rules: what a signed-in user holds (what they registered, and
//! the contact details the directory keeps for them), what the screen shows
//! ([`RegistrationView`]), when adding a method also confirms the set, when confirming and
//! removing are allowed, and how refusals travel on the wire.
//!
//! The directory's email address and mobile number count as held methods, as Entra counts
//! the authentication contact details an administrator filled in, unless the user registered
//! their own, which then takes their place.

use serde::{Deserialize, Serialize};

use super::{EnrolmentError, Registrations, SkipError};
use crate::UnixMillis;
use crate::api::{
    ApiError, ApproverView, ErrorCode, PairedApprover, PairingOffer, PendingEnrolment,
    QuestionChoices, RegistrationView,
};
use crate::mask;
use crate::methods::code::CodeError;
use crate::methods::phone::PhoneNumber;
use crate::methods::questions::{ANSWER_CHARS, QuestionError};
use crate::methods::totp::TotpError;
use crate::policy::{Method, Policy, UserFacts};

use super::Enrolment;

/// How recent a sign-in must be to remove a method: 10 minutes.
pub const REMOVAL_SIGN_IN_MAX_AGE_MS: u64 = 10 * 60 * 1000;

/// The methods the registration routes can add, in the order the widget lists them (app
/// notification is started here, with a pairing code, and finished on the phone).
const REGISTRABLE: [Method; 5] = [
    Method::EmailCode,
    Method::SmsCode,
    Method::Authenticator,
    Method::AppNotification,
    Method::SecurityQuestions,
];

/// The contact details the directory holds for a user.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DirectoryContacts {
    /// The directory's email address for the user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The directory's mobile number for the user, in E.164.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<PhoneNumber>,
}

/// The signed-in user, as the registration screen needs them.
#[derive(Debug, Clone, Copy)]
pub struct Registrant<'a> {
    /// The username, as the directory knows it.
    pub username: &'a str,
    /// The display name, if the directory has one.
    pub display_name: Option<&'a str>,
    /// What the policy needs to know.
    pub facts: &'a UserFacts,
    /// The directory's email address and mobile number.
    pub directory: &'a DirectoryContacts,
    /// Whether text messages can be sent (an SMS provider is configured).
    pub sms_available: bool,
}

impl Registrations {
    /// What the user holds for a reset: what they registered, and the directory's email
    /// address and mobile number where they registered none of their own. Nothing pending.
    ///
    /// ```
    /// use sspr_core::registration::{DirectoryContacts, Registrations};
    ///
    /// let directory = DirectoryContacts { email: Some("a@corp.example".into()), phone: None };
    /// let mut mine = Registrations::default();
    /// assert_eq!(mine.with_directory(&directory).email.as_deref(), Some("a@corp.example"));
    /// mine.email = Some("alice@home.example".into());
    /// assert_eq!(mine.with_directory(&directory).email.as_deref(), Some("alice@home.example"));
    /// ```
    pub fn with_directory(&self, directory: &DirectoryContacts) -> Registrations {
        Registrations {
            email: self.email.clone().or_else(|| directory.email.clone()),
            phone: self.phone.clone().or_else(|| directory.phone.clone()),
            authenticator: self.authenticator.clone(),
            questions: self.questions.clone(),
            approver: self.approver.clone(),
            pairing: None,
            preferred: self.preferred,
            record: self.record.clone(),
            pending: None,
        }
    }
}

impl Registrations {
    /// The methods held only through the directory's contact details (the user registered
    /// no address or number of their own), among `usable`: shown, but not removable.
    pub fn from_directory(&self, directory: &DirectoryContacts, usable: &[Method]) -> Vec<Method> {
        [
            (
                Method::EmailCode,
                self.email.is_none() && directory.email.is_some(),
            ),
            (
                Method::SmsCode,
                self.phone.is_none() && directory.phone.is_some(),
            ),
        ]
        .into_iter()
        .filter(|(method, directory_only)| *directory_only && usable.contains(method))
        .map(|(method, _)| method)
        .collect()
    }
}

impl Registrations {
    /// Makes `method` the one a reset offers first. It must be one the user holds, their
    /// own or the directory's ([`EnrolmentError::NotRegistered`] otherwise).
    ///
    /// ```
    /// use sspr_core::policy::Method;
    /// use sspr_core::registration::{DirectoryContacts, EnrolmentError, Registrations};
    ///
    /// let directory = DirectoryContacts { email: Some("a@corp.example".into()), phone: None };
    /// let mut mine = Registrations::default();
    /// assert_eq!(mine.set_preferred(Method::Authenticator, &directory), Err(EnrolmentError::NotRegistered));
    /// assert_eq!(mine.set_preferred(Method::EmailCode, &directory), Ok(()));
    /// assert_eq!(mine.preferred, Some(Method::EmailCode));
    /// ```
    pub fn set_preferred(
        &mut self,
        method: Method,
        directory: &DirectoryContacts,
    ) -> Result<(), super::EnrolmentError> {
        if !self.with_directory(directory).methods().contains(&method) {
            return Err(super::EnrolmentError::NotRegistered);
        }
        self.preferred = Some(method);
        Ok(())
    }
}

/// Removing a method needs a sign-in issued at or after [`removal_needs_sign_in_after`].
pub fn removal_needs_sign_in_after(now: UnixMillis) -> UnixMillis {
    now.saturating_sub(REMOVAL_SIGN_IN_MAX_AGE_MS)
}

/// Whether a sign-in issued at `signed_in_at` is recent enough at `now` to remove a method.
///
/// # Errors
///
/// `sign_in_too_old`, with `retry_at` the oldest sign-in time accepted.
///
/// ```
/// use sspr_core::registration::check_removal_sign_in;
///
/// let now = 1_700_000_000_000;
/// assert!(check_removal_sign_in(now - 60_000, now).is_ok());
/// let err = check_removal_sign_in(now - 11 * 60_000, now).unwrap_err();
/// assert_eq!(err.retry_at, Some(now - 10 * 60_000));
/// ```
pub fn check_removal_sign_in(signed_in_at: UnixMillis, now: UnixMillis) -> Result<(), ApiError> {
    let oldest = removal_needs_sign_in_after(now);
    if signed_in_at >= oldest {
        return Ok(());
    }
    let mut error = ApiError::new(
        ErrorCode::SignInTooOld,
        "removing a method needs a recent sign-in; sign in again first",
    );
    error.retry_at = Some(oldest);
    Err(error)
}

/// Why the methods could not be confirmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ConfirmError {
    /// Self-service reset is not enabled for this user.
    #[error("self-service password reset is not enabled for you")]
    NotEnabled,
    /// The methods held are not enough for the policy.
    #[error("register enough methods before confirming them")]
    Incomplete,
}

impl Policy {
    /// The methods `who` may add on the registration screen, in the widget's order.
    pub fn registrable(&self, who: &Registrant<'_>) -> Vec<Method> {
        let Some(effective) = self.for_user(who.facts) else {
            return Vec::new();
        };
        REGISTRABLE
            .into_iter()
            .filter(|m| effective.methods.contains(m))
            .filter(|m| *m != Method::SmsCode || who.sms_available)
            .collect()
    }

    /// Confirms what `who` holds (in `registrations` and in the directory) at `now`.
    ///
    /// # Errors
    ///
    /// [`ConfirmError::NotEnabled`], or [`ConfirmError::Incomplete`] when the methods held are
    /// not enough for the user's policy.
    pub fn confirm_registration(
        &self,
        who: &Registrant<'_>,
        registrations: &mut Registrations,
        now: UnixMillis,
    ) -> Result<(), ConfirmError> {
        let effective = self.for_user(who.facts).ok_or(ConfirmError::NotEnabled)?;
        let held = self.held_methods(who, registrations);
        if !effective.satisfied_by(&held) {
            return Err(ConfirmError::Incomplete);
        }
        registrations.record.confirm(now);
        Ok(())
    }

    /// After a method was added: registering enough methods also confirms them (Entra's
    /// registration counts as a confirmation). Returns whether it did.
    pub fn settle_registration(
        &self,
        who: &Registrant<'_>,
        registrations: &mut Registrations,
        now: UnixMillis,
    ) -> bool {
        self.confirm_registration(who, registrations, now).is_ok()
    }

    /// Postpones what is due for `who`, spending one skip.
    ///
    /// # Errors
    ///
    /// As [`Policy::skip_registration`].
    pub fn postpone_registration(
        &self,
        who: &Registrant<'_>,
        registrations: &mut Registrations,
        now: UnixMillis,
    ) -> Result<(), SkipError> {
        let held = self.held_methods(who, registrations);
        self.skip_registration(who.facts, &held, &mut registrations.record, now)
    }

    /// The methods `who` holds that can be used: what they registered and the directory's
    /// contacts (the mobile number only when texts can be sent).
    pub fn held_methods(&self, who: &Registrant<'_>, registrations: &Registrations) -> Vec<Method> {
        registrations
            .with_directory(who.directory)
            .methods()
            .into_iter()
            .filter(|m| *m != Method::SmsCode || who.sms_available)
            .collect()
    }

    /// The registration screen for `who` at `now`. `reveal_secret` puts a pending
    /// authenticator's secret and `otpauth:` URI in the view: only in the reply that created
    /// it. `issuer` names the organisation in the authenticator app.
    pub fn registration_view(
        &self,
        who: &Registrant<'_>,
        registrations: &Registrations,
        now: UnixMillis,
        reveal_secret: bool,
    ) -> RegistrationView {
        let held = self.held_methods(who, registrations);
        let due = self.registration_due(who.facts, &held, &registrations.record, now);
        let effective = self.for_user(who.facts);
        let allowed = self.registrable(who);
        let shown = registrations.with_directory(who.directory);
        let usable: Vec<Method> = effective
            .as_ref()
            .map(|e| e.methods.clone())
            .unwrap_or_default()
            .into_iter()
            .filter(|m| *m != Method::SmsCode || who.sms_available)
            .collect();
        let cooldown = self.limits().resend_cooldown_ms;
        let pending = registrations.pending().map(|pending| match pending {
            Enrolment::Email { address, challenge } => PendingEnrolment::Code {
                method: Method::EmailCode,
                destination: mask::email(address),
                code_length: challenge.digits(),
                resend_at: challenge.issued_at() + cooldown,
            },
            Enrolment::Sms { number, challenge } => PendingEnrolment::Code {
                method: Method::SmsCode,
                destination: number.masked(),
                code_length: challenge.digits(),
                resend_at: challenge.issued_at() + cooldown,
            },
            Enrolment::Authenticator { credential } if reveal_secret => {
                PendingEnrolment::Authenticator {
                    secret: Some(credential.secret_text()),
                    uri: credential
                        .otpauth_uri(&self.organization.name, who.username)
                        .ok(),
                }
            }
            Enrolment::Authenticator { .. } => PendingEnrolment::Authenticator {
                secret: None,
                uri: None,
            },
        });
        let questions = allowed
            .contains(&Method::SecurityQuestions)
            .then(|| QuestionChoices {
                register: self.security_questions.register,
                predefined: self.security_questions.predefined.clone(),
                custom: self.security_questions.custom.clone(),
                min_answer_chars: *ANSWER_CHARS.start() as u8,
                max_answer_chars: *ANSWER_CHARS.end() as u8,
            });
        RegistrationView {
            username: who.username.to_owned(),
            display_name: who.display_name.map(str::to_owned),
            due,
            required: effective.as_ref().map_or(0, |e| e.required),
            allowed,
            methods: shown.offers(&usable),
            default_method: shown
                .preferred
                .filter(|m| shown.methods().contains(m) && usable.contains(m)),
            from_directory: registrations.from_directory(who.directory, &usable),
            pending,
            questions,
            removal_needs_sign_in_after: removal_needs_sign_in_after(now),
            error: None,
        }
    }

    /// The approver part of the registration screen for `who` at `now`: present when the
    /// policy lets them pair a phone or one is paired. The pairing URI is the edge's to add,
    /// in the reply that created the code.
    pub fn approver_view(
        &self,
        who: &Registrant<'_>,
        registrations: &Registrations,
        now: UnixMillis,
    ) -> Option<ApproverView> {
        let allowed = self.registrable(who);
        (allowed.contains(&Method::AppNotification) || registrations.approver.is_some()).then(
            || ApproverView {
                paired: registrations
                    .approver
                    .as_ref()
                    .map(|device| PairedApprover {
                        name: device.name.as_str().to_owned(),
                        paired_at: device.created_at,
                        last_used_at: device.last_used_at,
                    }),
                pairing: registrations
                    .pairing
                    .as_ref()
                    .filter(|pairing| now < pairing.expires_at)
                    .map(|pairing| PairingOffer {
                        uri: None,
                        expires_at: pairing.expires_at,
                    }),
            },
        )
    }
}

impl From<&EnrolmentError> for ApiError {
    fn from(err: &EnrolmentError) -> Self {
        let message = err.to_string();
        let (code, parameter) = match err {
            EnrolmentError::NotAllowed(_) => (ErrorCode::MethodNotPermitted, None),
            EnrolmentError::InvalidEmail(_) => (ErrorCode::EmailInvalid, None),
            EnrolmentError::Phone(_) => (ErrorCode::PhoneInvalid, None),
            EnrolmentError::CodeFormat(_) | EnrolmentError::Totp(TotpError::InvalidFormat) => {
                (ErrorCode::InvalidCodeFormat, None)
            }
            EnrolmentError::Code(CodeError::Mismatch { .. }) => (ErrorCode::CodeMismatch, None),
            EnrolmentError::Code(CodeError::Expired) => (ErrorCode::CodeExpired, None),
            EnrolmentError::Code(CodeError::Used) | EnrolmentError::Totp(TotpError::Replayed) => {
                (ErrorCode::CodeUsed, None)
            }
            EnrolmentError::Code(CodeError::AttemptsExhausted) => {
                (ErrorCode::CodeAttemptsExhausted, None)
            }
            EnrolmentError::Totp(_) => (ErrorCode::CodeMismatch, None),
            EnrolmentError::Questions(
                QuestionError::AnswerLength { index }
                | QuestionError::ConfirmationMismatch { index },
            ) => (
                ErrorCode::QuestionsInvalid,
                Some(format!("answers[{index}]")),
            ),
            EnrolmentError::Questions(_) => (ErrorCode::QuestionsInvalid, None),
            EnrolmentError::NothingPending => (ErrorCode::NothingPending, None),
            EnrolmentError::NotRegistered => (ErrorCode::NotRegistered, None),
            EnrolmentError::Approver(err) => (ApiError::from(*err).code, None),
        };
        // Addresses and numbers the user typed are not echoed back in messages.
        let message = match err {
            EnrolmentError::InvalidEmail(_) => {
                "this is not an email address (local@domain.tld)".to_owned()
            }
            EnrolmentError::Phone(_) => {
                "this is not a mobile number; write it with its country code, like +1 415 555 0123"
                    .to_owned()
            }
            EnrolmentError::Questions(QuestionError::NotOffered(_)) => {
                "this question is not offered".to_owned()
            }
            _ => message,
        };
        let mut api = ApiError::new(code, message);
        api.parameter = parameter;
        if let EnrolmentError::Code(CodeError::Mismatch { tries_left }) = err {
            api.tries_left = Some(*tries_left);
        }
        api
    }
}

impl From<SkipError> for ApiError {
    fn from(err: SkipError) -> Self {
        let code = match err {
            SkipError::BudgetUsed => ErrorCode::PostponeBudgetUsed,
            SkipError::NothingDue => ErrorCode::NothingToPostpone,
        };
        ApiError::new(code, err.to_string())
    }
}

impl From<ConfirmError> for ApiError {
    fn from(err: ConfirmError) -> Self {
        let code = match err {
            ConfirmError::NotEnabled => ErrorCode::NotEnabled,
            ConfirmError::Incomplete => ErrorCode::RegistrationIncomplete,
        };
        ApiError::new(code, err.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::methods::code::{CodePolicy, test_fill};
    use crate::registration::RegistrationDue;

    const T: UnixMillis = 1_700_000_000_000;

    fn facts() -> UserFacts {
        UserFacts {
            enabled: true,
            ..UserFacts::default()
        }
    }

    fn who<'a>(facts: &'a UserFacts, directory: &'a DirectoryContacts) -> Registrant<'a> {
        Registrant {
            username: "alice",
            display_name: Some("Alice Martin"),
            facts,
            directory,
            sms_available: true,
        }
    }

    #[test]
    fn the_directorys_email_counts_as_held_and_is_shown_masked() {
        let facts = facts();
        let directory = DirectoryContacts {
            email: Some("alice@example.com".into()),
            phone: None,
        };
        let view = Policy::default().registration_view(
            &who(&facts, &directory),
            &Registrations::default(),
            T,
            false,
        );
        assert_eq!(view.methods[0].method, Method::EmailCode);
        assert_eq!(view.methods[0].destination, "a•••@e•••.com");
        // Held but never confirmed: re-confirmation is due.
        assert!(matches!(view.due, RegistrationDue::Reconfirm { .. }));
    }

    #[test]
    fn the_view_names_the_default_and_lists_it_first() {
        let facts = facts();
        let directory = DirectoryContacts {
            email: Some("alice@corp.example".into()),
            phone: None,
        };
        let policy =
            Policy::parse("[methods]\nallowed = [\"email_code\", \"authenticator\"]\nrequired = 1")
                .unwrap();
        let mut mine = Registrations::default();
        let who = who(&facts, &directory);
        assert_eq!(
            policy
                .registration_view(&who, &mine, T, false)
                .default_method,
            None
        );
        assert_eq!(
            mine.set_preferred(Method::Authenticator, &directory),
            Err(crate::registration::EnrolmentError::NotRegistered)
        );
        assert_eq!(mine.set_preferred(Method::EmailCode, &directory), Ok(()));
        let view = policy.registration_view(&who, &mine, T, false);
        assert_eq!(view.default_method, Some(Method::EmailCode));
        assert_eq!(view.methods[0].method, Method::EmailCode);
    }

    #[test]
    fn a_registered_email_takes_the_directorys_place() {
        let directory = DirectoryContacts {
            email: Some("alice@corp.example".into()),
            phone: None,
        };
        let mine = Registrations {
            email: Some("bob@home.example".into()),
            ..Registrations::default()
        };
        assert_eq!(
            mine.with_directory(&directory).email.as_deref(),
            Some("bob@home.example")
        );
    }

    #[test]
    fn the_directorys_contacts_are_marked_as_the_directorys() {
        let facts = facts();
        let directory = DirectoryContacts {
            email: Some("alice@corp.example".into()),
            phone: Some(PhoneNumber::parse_international("+49151123456").unwrap()),
        };
        let view = Policy::default().registration_view(
            &who(&facts, &directory),
            &Registrations::default(),
            T,
            false,
        );
        assert_eq!(
            view.from_directory,
            vec![Method::EmailCode, Method::SmsCode]
        );
        assert_eq!(view.methods.len(), 2);
    }

    #[test]
    fn what_the_user_registered_is_theirs_to_remove() {
        let facts = facts();
        let directory = DirectoryContacts {
            email: Some("alice@corp.example".into()),
            phone: Some(PhoneNumber::parse_international("+49151123456").unwrap()),
        };
        let mine = Registrations {
            email: Some("alice@home.example".into()),
            ..Registrations::default()
        };
        let view = Policy::default().registration_view(&who(&facts, &directory), &mine, T, false);
        assert_eq!(view.from_directory, vec![Method::SmsCode]);
        let nothing = DirectoryContacts::default();
        let view = Policy::default().registration_view(&who(&facts, &nothing), &mine, T, false);
        assert!(view.from_directory.is_empty());
    }

    #[test]
    fn a_directory_number_that_cannot_be_texted_is_not_listed() {
        let facts = facts();
        let directory = DirectoryContacts {
            email: None,
            phone: Some(PhoneNumber::parse_international("+49151123456").unwrap()),
        };
        let mut no_sms = who(&facts, &directory);
        no_sms.sms_available = false;
        let view =
            Policy::default().registration_view(&no_sms, &Registrations::default(), T, false);
        assert!(view.from_directory.is_empty());
    }

    #[test]
    fn a_view_without_the_directory_field_still_parses() {
        let old = r#"{"username":"alice","due":{"kind":"up_to_date"},"required":1,
            "allowed":["email_code"],"methods":[{"method":"email_code","destination":"a•••"}],
            "removal_needs_sign_in_after":0}"#;
        let view: crate::api::RegistrationView = serde_json::from_str(old).unwrap();
        assert!(view.from_directory.is_empty());
        let json = serde_json::to_value(&view).unwrap();
        assert!(json.get("from_directory").is_none());
    }

    #[test]
    fn a_new_authenticators_secret_is_shown_only_when_revealed() {
        let facts = facts();
        let directory = DirectoryContacts::default();
        let mut r = Registrations::default();
        r.start_authenticator(&Method::ALL, &mut test_fill(3))
            .unwrap();
        let policy = Policy::default();
        let shown = policy.registration_view(&who(&facts, &directory), &r, T, true);
        let Some(PendingEnrolment::Authenticator { secret, uri }) = shown.pending else {
            panic!("an authenticator is pending")
        };
        assert!(secret.is_some());
        assert!(uri.unwrap().starts_with("otpauth://totp/"));
        let later = policy.registration_view(&who(&facts, &directory), &r, T, false);
        assert_eq!(
            later.pending,
            Some(PendingEnrolment::Authenticator {
                secret: None,
                uri: None
            })
        );
    }

    #[test]
    fn a_pending_code_says_where_it_went_and_when_to_resend() {
        let facts = facts();
        let directory = DirectoryContacts::default();
        let mut r = Registrations::default();
        r.start_email(
            &Method::ALL,
            "alice@example.com",
            b"k",
            b"u",
            CodePolicy::default(),
            T,
            &mut test_fill(1),
        )
        .unwrap();
        let view = Policy::default().registration_view(&who(&facts, &directory), &r, T, false);
        assert_eq!(
            view.pending,
            Some(PendingEnrolment::Code {
                method: Method::EmailCode,
                destination: "a•••@e•••.com".into(),
                code_length: 6,
                resend_at: T + 30_000,
            })
        );
    }

    #[test]
    fn the_view_shows_a_waiting_pairing_then_the_paired_phone() {
        let facts = facts();
        let directory = DirectoryContacts::default();
        let policy =
            Policy::parse("[methods]\nallowed = [\"email_code\", \"app_notification\"]").unwrap();
        let mut r = Registrations::default();
        let view = policy.registration_view(&who(&facts, &directory), &r, T, false);
        assert!(view.allowed.contains(&Method::AppNotification));
        assert_eq!(
            policy.approver_view(&who(&facts, &directory), &r, T),
            Some(ApproverView::default())
        );
        let code = r
            .start_pairing(&view.allowed, vec![3; 32], T, &mut test_fill(1))
            .unwrap();
        let approver = policy.approver_view(&who(&facts, &directory), &r, T + 1);
        let waiting = approver.unwrap().pairing.unwrap();
        assert_eq!(
            waiting.expires_at,
            T + crate::methods::approver::PAIRING_LIFETIME_MS
        );
        assert_eq!(waiting.uri, None);
        let key = crate::methods::approver::ApproverKey::from_jwk(
            "EC",
            "P-256",
            "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
            "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
        )
        .unwrap();
        r.pair(&code.encode(), "Pixel", key, "d".into(), T + 2)
            .unwrap();
        let view = policy.registration_view(&who(&facts, &directory), &r, T + 3, false);
        let approver = policy
            .approver_view(&who(&facts, &directory), &r, T + 3)
            .unwrap();
        assert_eq!(approver.paired.unwrap().name, "Pixel");
        assert!(approver.pairing.is_none());
        assert!(
            view.methods
                .iter()
                .any(|o| o.method == Method::AppNotification)
        );
    }

    #[test]
    fn an_expired_pairing_is_no_longer_shown() {
        let facts = facts();
        let directory = DirectoryContacts::default();
        let policy =
            Policy::parse("[methods]\nallowed = [\"email_code\", \"app_notification\"]").unwrap();
        let mut r = Registrations::default();
        r.start_pairing(&Method::ALL, vec![3; 32], T, &mut test_fill(1))
            .unwrap();
        let later = T + crate::methods::approver::PAIRING_LIFETIME_MS;
        let approver = policy.approver_view(&who(&facts, &directory), &r, later);
        assert_eq!(approver.unwrap().pairing, None);
    }

    #[test]
    fn without_app_notifications_in_the_policy_the_view_has_no_approver_part() {
        let facts = facts();
        let directory = DirectoryContacts::default();
        let approver =
            Policy::default().approver_view(&who(&facts, &directory), &Registrations::default(), T);
        assert_eq!(approver, None);
    }

    #[test]
    fn pairing_refusals_name_the_problem() {
        use crate::methods::approver::ApproverError;
        let err = ApiError::from(&EnrolmentError::Approver(ApproverError::NameInvalid));
        assert_eq!(err.code, ErrorCode::DeviceNameInvalid);
        let err = ApiError::from(&EnrolmentError::Approver(ApproverError::PairingInvalid));
        assert_eq!(
            (err.code, err.code.status()),
            (ErrorCode::PairingInvalid, 410)
        );
    }

    #[test]
    fn confirming_needs_enough_methods() {
        let facts = facts();
        let empty = DirectoryContacts::default();
        let policy = Policy::default();
        let mut r = Registrations::default();
        assert_eq!(
            policy.confirm_registration(&who(&facts, &empty), &mut r, T),
            Err(ConfirmError::Incomplete)
        );
        let directory = DirectoryContacts {
            email: Some("alice@example.com".into()),
            phone: None,
        };
        assert_eq!(
            policy.confirm_registration(&who(&facts, &directory), &mut r, T),
            Ok(())
        );
        assert_eq!(r.record.confirmed_at, Some(T));
    }

    #[test]
    fn a_number_that_cannot_be_texted_neither_counts_nor_may_be_added() {
        let facts = facts();
        let directory = DirectoryContacts {
            email: None,
            phone: PhoneNumber::from_e164("+14155550132"),
        };
        let mut no_sms = who(&facts, &directory);
        no_sms.sms_available = false;
        let policy = Policy::default();
        assert!(
            policy
                .held_methods(&no_sms, &Registrations::default())
                .is_empty()
        );
        assert!(!policy.registrable(&no_sms).contains(&Method::SmsCode));
    }

    #[test]
    fn users_outside_the_policy_may_register_nothing() {
        let policy = Policy::parse("enabled_for = \"none\"").unwrap();
        let facts = facts();
        let directory = DirectoryContacts::default();
        let view = policy.registration_view(
            &who(&facts, &directory),
            &Registrations::default(),
            T,
            false,
        );
        assert_eq!(view.due, RegistrationDue::NotEnabled);
        assert!(view.allowed.is_empty());
        assert_eq!(view.required, 0);
    }

    #[test]
    fn removal_needs_a_sign_in_of_the_last_ten_minutes() {
        assert!(check_removal_sign_in(T - REMOVAL_SIGN_IN_MAX_AGE_MS, T).is_ok());
        let err = check_removal_sign_in(T - REMOVAL_SIGN_IN_MAX_AGE_MS - 1, T).unwrap_err();
        assert_eq!(err.code, ErrorCode::SignInTooOld);
        assert_eq!(err.code.status(), 403);
    }

    #[test]
    fn refusals_do_not_echo_what_was_typed() {
        let err = ApiError::from(&EnrolmentError::InvalidEmail("secret@x".into()));
        assert_eq!(err.code, ErrorCode::EmailInvalid);
        assert!(!err.message.contains("secret"));
        let err = ApiError::from(&EnrolmentError::Questions(
            QuestionError::ConfirmationMismatch { index: 2 },
        ));
        assert_eq!(err.parameter.as_deref(), Some("answers[2]"));
    }
}
