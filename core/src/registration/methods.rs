//! The methods a user holds, and adding them: an address or number counts only once a code
//! sent to it came back, an authenticator only once a first code matched, security
//! questions once their answers were typed twice. The list of methods is derived from what is
//! held, never stored beside it.

use serde::{Deserialize, Serialize};

use super::RegistrationRecord;
use crate::UnixMillis;
use crate::api::MethodOffer;
use crate::mask;
use crate::methods::approver::{
    ApproverDevice, ApproverError, ApproverKey, DeviceName, PairingChallenge,
};
use crate::methods::code::{CodeChallenge, CodeError, CodePolicy, InvalidCodeFormat, OtpCode};
use crate::methods::phone::{PhoneError, PhoneNumber};
use crate::methods::questions::{AnswerInput, QuestionError, RegisteredQuestions};
use crate::methods::totp::{TotpCredential, TotpError};
use crate::policy::{Method, SecurityQuestions};
use crate::token::FlowToken;

/// Longest email address (RFC 5321 path limit).
const MAX_EMAIL_CHARS: usize = 254;

/// A method being added, verified before it counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Enrolment {
    /// An email address, waiting for the code sent to it.
    Email {
        /// The address, trimmed.
        address: String,
        /// The code sent to it.
        challenge: CodeChallenge,
    },
    /// A mobile number, waiting for the code texted to it.
    Sms {
        /// The number, in E.164.
        number: PhoneNumber,
        /// The code texted to it.
        challenge: CodeChallenge,
    },
    /// An authenticator, waiting for its first code.
    Authenticator {
        /// The new, unconfirmed credential.
        credential: TotpCredential,
    },
}

/// Why a method could not be added or removed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EnrolmentError {
    /// The user's effective policy does not allow this method.
    #[error("the policy does not allow this method")]
    NotAllowed(Method),
    /// The address (trimmed) does not look like `local@domain.tld`, or is over 254 characters.
    #[error("{0:?} is not an email address")]
    InvalidEmail(String),
    /// The phone number was refused.
    #[error(transparent)]
    Phone(#[from] PhoneError),
    /// The typed email or SMS code is not the right number of digits.
    #[error(transparent)]
    CodeFormat(#[from] InvalidCodeFormat),
    /// The email or SMS code was refused.
    #[error(transparent)]
    Code(#[from] CodeError),
    /// The authenticator's first code was refused.
    #[error(transparent)]
    Totp(#[from] TotpError),
    /// The security questions could not be registered.
    #[error(transparent)]
    Questions(#[from] QuestionError),
    /// The approver could not be paired.
    #[error(transparent)]
    Approver(#[from] ApproverError),
    /// A code was submitted but no method is being added.
    #[error("no method is waiting to be verified")]
    NothingPending,
    /// The method to remove is not held.
    #[error("this method is not registered")]
    NotRegistered,
}

/// Everything a user registered, and when they last confirmed it.
///
/// ```
/// use sspr_core::methods::code::CodePolicy;
/// use sspr_core::policy::Method;
/// use sspr_core::registration::Registrations;
///
/// let mut held = Registrations::default();
/// let allowed = [Method::EmailCode, Method::SmsCode];
/// let (key, user_id, t0) = (b"code key", b"u1", 1_700_000_000_000);
/// let code = held
///     .start_email(&allowed, " alice@example.com ", key, user_id, CodePolicy::default(), t0,
///         &mut |buf: &mut [u8]| buf.fill(3))
///     .unwrap(); // the edge emails this code
/// assert!(held.methods().is_empty()); // not verified yet
///
/// assert_eq!(held.verify_pending(key, user_id, code.expose(), t0 + 60_000), Ok(Method::EmailCode));
/// assert_eq!(held.email.as_deref(), Some("alice@example.com"));
/// assert_eq!(held.offers(&allowed)[0].destination, "a•••@e•••.com");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Registrations {
    /// The verified email address codes go to.
    pub email: Option<String>,
    /// The verified mobile number codes are texted to.
    pub phone: Option<PhoneNumber>,
    /// Confirmed authenticators only. Stored encrypted by the edge.
    pub authenticator: Option<TotpCredential>,
    /// The registered security questions, answers hashed.
    pub questions: Option<RegisteredQuestions>,
    /// The paired approver of app notifications (one per user; pairing another replaces it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approver: Option<ApproverDevice>,
    /// The pairing code waiting for a phone, if one was asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pairing: Option<PairingChallenge>,
    /// The method the user chose to be offered first at a reset ("my default"), if any; it
    /// is always one they hold (removing it clears the choice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred: Option<Method>,
    /// When the methods were last confirmed, and skips used since.
    pub record: RegistrationRecord,
    pub(super) pending: Option<Enrolment>,
}

fn valid_email(address: &str) -> bool {
    let Some((local, domain)) = address.rsplit_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && address.chars().count() <= MAX_EMAIL_CHARS
        && !address.chars().any(|c| c.is_whitespace() || c.is_control())
}

impl Registrations {
    /// The methods held, in a stable order.
    pub fn methods(&self) -> Vec<Method> {
        let mut methods = Vec::new();
        if self.email.is_some() {
            methods.push(Method::EmailCode);
        }
        if self.phone.is_some() {
            methods.push(Method::SmsCode);
        }
        if self.authenticator.is_some() {
            methods.push(Method::Authenticator);
        }
        if self.approver.is_some() {
            methods.push(Method::AppNotification);
        }
        if self.questions.is_some() {
            methods.push(Method::SecurityQuestions);
        }
        methods
    }

    /// The held methods `allowed` lets a reset use, masked for the user: the user's default
    /// first, then the others in [`Self::methods`]' order.
    pub fn offers(&self, allowed: &[Method]) -> Vec<MethodOffer> {
        let mut methods = self.methods();
        if let Some(first) = self.preferred
            && let Some(at) = methods.iter().position(|m| *m == first)
        {
            methods[..=at].rotate_right(1);
        }
        methods
            .into_iter()
            .filter(|m| allowed.contains(m))
            .map(|method| {
                let destination = match method {
                    Method::EmailCode => self.email.as_deref().map(mask::email).unwrap_or_default(),
                    Method::SmsCode => self
                        .phone
                        .as_ref()
                        .map(PhoneNumber::masked)
                        .unwrap_or_default(),
                    _ => String::new(),
                };
                MethodOffer::new(method, destination)
            })
            .collect()
    }

    /// The method waiting for its verification, if any.
    pub fn pending(&self) -> Option<&Enrolment> {
        self.pending.as_ref()
    }

    fn check_allowed(allowed: &[Method], method: Method) -> Result<(), EnrolmentError> {
        if allowed.contains(&method) {
            Ok(())
        } else {
            Err(EnrolmentError::NotAllowed(method))
        }
    }

    /// Starts adding an email address: returns the code to send to it. `binding` ties the
    /// code to this user (their id).
    #[allow(clippy::too_many_arguments)]
    pub fn start_email(
        &mut self,
        allowed: &[Method],
        address: &str,
        code_key: &[u8],
        binding: &[u8],
        policy: CodePolicy,
        now: UnixMillis,
        fill: &mut dyn FnMut(&mut [u8]),
    ) -> Result<OtpCode, EnrolmentError> {
        Self::check_allowed(allowed, Method::EmailCode)?;
        let address = address.trim().to_owned();
        if !valid_email(&address) {
            return Err(EnrolmentError::InvalidEmail(address));
        }
        let (challenge, code) = CodeChallenge::issue(code_key, binding, policy, now, fill);
        self.pending = Some(Enrolment::Email { address, challenge });
        Ok(code)
    }

    /// Starts adding a phone number (parsed to E.164): returns the code to text to it.
    #[allow(clippy::too_many_arguments)]
    pub fn start_phone(
        &mut self,
        allowed: &[Method],
        input: &str,
        default_region: Option<&str>,
        code_key: &[u8],
        binding: &[u8],
        policy: CodePolicy,
        now: UnixMillis,
        fill: &mut dyn FnMut(&mut [u8]),
    ) -> Result<OtpCode, EnrolmentError> {
        Self::check_allowed(allowed, Method::SmsCode)?;
        let number = PhoneNumber::parse(input, default_region)?;
        self.start_phone_number(allowed, number, code_key, binding, policy, now, fill)
    }

    /// Starts adding a phone number already parsed (the edge reads typed numbers with
    /// [`PhoneNumber::parse_international`], which needs no numbering-plan metadata): returns
    /// the code to text to it.
    #[allow(clippy::too_many_arguments)]
    pub fn start_phone_number(
        &mut self,
        allowed: &[Method],
        number: PhoneNumber,
        code_key: &[u8],
        binding: &[u8],
        policy: CodePolicy,
        now: UnixMillis,
        fill: &mut dyn FnMut(&mut [u8]),
    ) -> Result<OtpCode, EnrolmentError> {
        Self::check_allowed(allowed, Method::SmsCode)?;
        let (challenge, code) = CodeChallenge::issue(code_key, binding, policy, now, fill);
        self.pending = Some(Enrolment::Sms { number, challenge });
        Ok(code)
    }

    /// Starts adding an authenticator: returns the new credential, for its QR code.
    pub fn start_authenticator(
        &mut self,
        allowed: &[Method],
        fill: &mut dyn FnMut(&mut [u8]),
    ) -> Result<TotpCredential, EnrolmentError> {
        Self::check_allowed(allowed, Method::Authenticator)?;
        let credential = TotpCredential::enrol(fill);
        self.pending = Some(Enrolment::Authenticator {
            credential: credential.clone(),
        });
        Ok(credential)
    }

    /// Verifies the pending method with the code the user typed; it then counts, replacing
    /// one of the same kind. The caller confirms [`Registrations::record`] afterwards.
    ///
    /// # Errors
    ///
    /// [`EnrolmentError::NothingPending`], or why the code was refused; the method stays
    /// pending until another is started.
    pub fn verify_pending(
        &mut self,
        code_key: &[u8],
        binding: &[u8],
        input: &str,
        now: UnixMillis,
    ) -> Result<Method, EnrolmentError> {
        let pending = self
            .pending
            .as_mut()
            .ok_or(EnrolmentError::NothingPending)?;
        let method = match pending {
            Enrolment::Email { challenge, .. } | Enrolment::Sms { challenge, .. } => {
                let code = OtpCode::parse(input, challenge.digits())?;
                challenge.verify(code_key, binding, &code, now)?;
                if matches!(pending, Enrolment::Email { .. }) {
                    Method::EmailCode
                } else {
                    Method::SmsCode
                }
            }
            Enrolment::Authenticator { credential } => {
                credential.verify(input, now)?;
                Method::Authenticator
            }
        };
        match self.pending.take() {
            Some(Enrolment::Email { address, .. }) => self.email = Some(address),
            Some(Enrolment::Sms { number, .. }) => self.phone = Some(number),
            Some(Enrolment::Authenticator { credential }) => self.authenticator = Some(credential),
            None => {}
        }
        Ok(method)
    }

    /// Starts pairing an approver: returns the pairing code for the state at `owner` (the
    /// edge's Durable Object id), to show once as a QR code. A new code replaces an unused
    /// one; the paired approver, if any, stays until another is paired.
    ///
    /// ```
    /// use sspr_core::methods::approver::{ApproverKey, PAIRING_LIFETIME_MS};
    /// use sspr_core::policy::Method;
    /// use sspr_core::registration::Registrations;
    ///
    /// let mut held = Registrations::default();
    /// let t0 = 1_700_000_000_000;
    /// let code = held
    ///     .start_pairing(&[Method::AppNotification], vec![1; 32], t0, &mut |b: &mut [u8]| b.fill(5))
    ///     .unwrap();
    /// let key = ApproverKey::from_jwk(
    ///     "EC", "P-256",
    ///     "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
    ///     "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
    /// ).unwrap();
    /// let paired = held.pair(&code.encode(), "Alice's Pixel", key, "device-1".into(), t0 + 60_000);
    /// assert_eq!(paired, Ok(Method::AppNotification));
    /// assert_eq!(held.methods(), vec![Method::AppNotification]);
    /// assert!(held.pairing.is_none()); // single use
    /// ```
    pub fn start_pairing(
        &mut self,
        allowed: &[Method],
        owner: Vec<u8>,
        now: UnixMillis,
        fill: &mut dyn FnMut(&mut [u8]),
    ) -> Result<FlowToken, EnrolmentError> {
        Self::check_allowed(allowed, Method::AppNotification)?;
        let (challenge, code) = PairingChallenge::issue(owner, now, fill);
        self.pairing = Some(challenge);
        Ok(code)
    }

    /// Pairs the phone that sent back the pairing `code` with its `name` and public `key`,
    /// under `device_id`: app notifications then count as a held method. The code is used up
    /// when it is right, and kept (until it expires) when it is not.
    ///
    /// # Errors
    ///
    /// [`ApproverError::PairingInvalid`] when no pairing is waiting or the code is not its
    /// own or expired; [`ApproverError::NameInvalid`] for a bad name (the code is kept).
    pub fn pair(
        &mut self,
        code: &str,
        name: &str,
        key: ApproverKey,
        device_id: String,
        now: UnixMillis,
    ) -> Result<Method, EnrolmentError> {
        let pairing = self.pairing.as_ref().ok_or(ApproverError::PairingInvalid)?;
        pairing.check(code, now)?;
        let name = DeviceName::parse(name)?;
        self.pairing = None;
        self.approver = Some(ApproverDevice {
            id: device_id,
            name,
            key,
            created_at: now,
            last_used_at: None,
            push: None,
        });
        Ok(Method::AppNotification)
    }

    /// Registers security questions (answers typed twice), replacing earlier ones.
    pub fn register_questions(
        &mut self,
        allowed: &[Method],
        policy: &SecurityQuestions,
        inputs: &[AnswerInput],
        fill: &mut dyn FnMut(&mut [u8]),
    ) -> Result<(), EnrolmentError> {
        Self::check_allowed(allowed, Method::SecurityQuestions)?;
        self.questions = Some(RegisteredQuestions::register(policy, inputs, fill)?);
        Ok(())
    }

    /// Removes a method. (The edge asks for a fresh proof before calling this.)
    ///
    /// # Errors
    ///
    /// [`EnrolmentError::NotRegistered`] if the method is not held.
    pub fn remove(&mut self, method: Method) -> Result<(), EnrolmentError> {
        if self.preferred == Some(method) {
            self.preferred = None;
        }
        let removed = match method {
            Method::EmailCode => self.email.take().is_some(),
            Method::SmsCode => self.phone.take().is_some(),
            Method::Authenticator => self.authenticator.take().is_some(),
            Method::SecurityQuestions => self.questions.take().is_some(),
            Method::AppNotification => {
                self.pairing = None;
                self.approver.take().is_some()
            }
        };
        if removed {
            Ok(())
        } else {
            Err(EnrolmentError::NotRegistered)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::methods::code::test_fill;
    use crate::methods::questions::Question;
    use crate::policy::{Policy, UserFacts};
    use crate::registration::RegistrationDue;

    const KEY: &[u8] = b"registration-key-registration-ke";
    const USER: &[u8] = b"u-1001";
    const T: UnixMillis = 1_700_000_000_000;
    const ALL: [Method; 5] = Method::ALL;

    fn add_email(r: &mut Registrations, address: &str) -> Result<Method, EnrolmentError> {
        let code = r.start_email(
            &ALL,
            address,
            KEY,
            USER,
            CodePolicy::default(),
            T,
            &mut test_fill(1),
        )?;
        r.verify_pending(KEY, USER, code.expose(), T + 1)
    }

    #[test]
    fn an_email_address_counts_only_after_its_code_came_back() {
        let mut r = Registrations::default();
        r.start_email(
            &ALL,
            "alice@example.com",
            KEY,
            USER,
            CodePolicy::default(),
            T,
            &mut test_fill(1),
        )
        .unwrap();
        assert!(r.methods().is_empty());
        assert!(matches!(
            r.verify_pending(KEY, USER, "000000", T + 1),
            Err(EnrolmentError::Code(CodeError::Mismatch { .. }))
        ));
        assert!(r.methods().is_empty());
    }

    #[test]
    fn a_verified_email_address_is_held_and_offered_masked() {
        let mut r = Registrations::default();
        assert_eq!(
            add_email(&mut r, " alice@example.com "),
            Ok(Method::EmailCode)
        );
        assert_eq!(r.email.as_deref(), Some("alice@example.com"));
        assert_eq!(
            r.offers(&ALL),
            vec![MethodOffer::new(Method::EmailCode, "a•••@e•••.com")]
        );
        assert!(r.pending().is_none());
    }

    #[test]
    fn something_that_is_not_an_address_is_refused() {
        let mut r = Registrations::default();
        for bad in [
            "alice",
            "alice@",
            "@example.com",
            "alice@example",
            "al ice@example.com",
        ] {
            assert!(
                matches!(add_email(&mut r, bad), Err(EnrolmentError::InvalidEmail(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_phone_number_is_kept_in_e164_and_offered_masked() {
        let mut r = Registrations::default();
        let code = r
            .start_phone(
                &ALL,
                "(415) 555-0132",
                Some("US"),
                KEY,
                USER,
                CodePolicy::default(),
                T,
                &mut test_fill(2),
            )
            .unwrap();
        assert_eq!(
            r.verify_pending(KEY, USER, code.expose(), T + 1),
            Ok(Method::SmsCode)
        );
        assert_eq!(r.phone.as_ref().unwrap().e164(), "+14155550132");
        assert_eq!(r.offers(&ALL)[0].destination, "+1 ••• ••• ••32");
    }

    #[test]
    fn an_invalid_phone_number_says_why() {
        let mut r = Registrations::default();
        let err = r
            .start_phone(
                &ALL,
                "+44 20 1234",
                None,
                KEY,
                USER,
                CodePolicy::default(),
                T,
                &mut test_fill(2),
            )
            .unwrap_err();
        assert!(matches!(err, EnrolmentError::Phone(PhoneError::Invalid(_))));
    }

    #[test]
    fn an_authenticator_counts_after_a_first_valid_code() {
        let mut r = Registrations::default();
        let code = r
            .start_authenticator(&ALL, &mut test_fill(3))
            .unwrap()
            .code_at(T);
        assert!(r.methods().is_empty());
        assert_eq!(
            r.verify_pending(KEY, USER, &code, T),
            Ok(Method::Authenticator)
        );
        assert!(r.authenticator.as_ref().unwrap().confirmed());
        assert_eq!(
            r.offers(&ALL),
            vec![MethodOffer::new(Method::Authenticator, "")]
        );
    }

    #[test]
    fn a_method_the_policy_does_not_allow_cannot_be_added() {
        let mut r = Registrations::default();
        let err = r
            .start_authenticator(&[Method::EmailCode], &mut test_fill(3))
            .unwrap_err();
        assert_eq!(err, EnrolmentError::NotAllowed(Method::Authenticator));
    }

    #[test]
    fn security_questions_are_registered_in_one_step() {
        let mut r = Registrations::default();
        let inputs: Vec<AnswerInput> = [
            ("first_pet_name", "Rex"),
            ("city_born", "Oslo"),
            ("first_car_model", "Beetle"),
        ]
        .iter()
        .map(|(k, a)| AnswerInput {
            question: Question::Predefined((*k).into()),
            answer: (*a).into(),
            confirmation: (*a).into(),
        })
        .collect();
        r.register_questions(
            &ALL,
            &SecurityQuestions::default(),
            &inputs,
            &mut test_fill(4),
        )
        .unwrap();
        assert_eq!(r.methods(), vec![Method::SecurityQuestions]);
    }

    #[test]
    fn offers_leave_out_what_the_policy_does_not_allow() {
        let mut r = Registrations::default();
        add_email(&mut r, "alice@example.com").unwrap();
        assert!(r.offers(&[Method::SmsCode]).is_empty());
    }

    #[test]
    fn a_removed_method_no_longer_counts() {
        let mut r = Registrations::default();
        add_email(&mut r, "alice@example.com").unwrap();
        assert_eq!(r.remove(Method::EmailCode), Ok(()));
        assert!(r.methods().is_empty());
        assert_eq!(
            r.remove(Method::EmailCode),
            Err(EnrolmentError::NotRegistered)
        );
    }

    fn approver_key() -> ApproverKey {
        ApproverKey::from_jwk(
            "EC",
            "P-256",
            "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
            "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
        )
        .unwrap()
    }

    fn pair_phone(r: &mut Registrations) -> Result<Method, EnrolmentError> {
        let code = r.start_pairing(&ALL, vec![9; 32], T, &mut test_fill(5))?;
        r.pair(
            &code.encode(),
            "Alice's Pixel",
            approver_key(),
            "dev-1".into(),
            T + 1,
        )
    }

    #[test]
    fn an_approver_counts_once_paired_and_is_offered_without_a_destination() {
        let mut r = Registrations::default();
        r.start_pairing(&ALL, vec![9; 32], T, &mut test_fill(5))
            .unwrap();
        assert!(r.methods().is_empty());
        let mut r = Registrations::default();
        assert_eq!(pair_phone(&mut r), Ok(Method::AppNotification));
        assert_eq!(
            r.offers(&ALL),
            vec![MethodOffer::new(Method::AppNotification, "")]
        );
        let device = r.approver.as_ref().unwrap();
        assert_eq!((device.id.as_str(), device.created_at), ("dev-1", T + 1));
        assert_eq!(device.name.as_str(), "Alice's Pixel");
    }

    #[test]
    fn a_pairing_code_is_single_use() {
        let mut r = Registrations::default();
        let code = r
            .start_pairing(&ALL, vec![9; 32], T, &mut test_fill(6))
            .unwrap();
        r.pair(
            &code.encode(),
            "Phone",
            approver_key(),
            "dev-1".into(),
            T + 1,
        )
        .unwrap();
        assert_eq!(
            r.pair(
                &code.encode(),
                "Thief",
                approver_key(),
                "dev-2".into(),
                T + 2
            ),
            Err(EnrolmentError::Approver(ApproverError::PairingInvalid))
        );
        assert_eq!(r.approver.as_ref().unwrap().id, "dev-1");
    }

    #[test]
    fn a_wrong_pairing_code_or_a_bad_name_keeps_the_pairing_waiting() {
        let mut r = Registrations::default();
        let code = r
            .start_pairing(&ALL, vec![9; 32], T, &mut test_fill(7))
            .unwrap();
        let (_, other) = PairingChallenge::issue(vec![9; 32], T, &mut test_fill(8));
        assert_eq!(
            r.pair(&other.encode(), "Phone", approver_key(), "d".into(), T + 1),
            Err(EnrolmentError::Approver(ApproverError::PairingInvalid))
        );
        assert_eq!(
            r.pair(&code.encode(), " ", approver_key(), "d".into(), T + 1),
            Err(EnrolmentError::Approver(ApproverError::NameInvalid))
        );
        assert!(r.pairing.is_some());
        assert!(r.approver.is_none());
    }

    #[test]
    fn pairing_needs_the_policy_to_allow_app_notifications() {
        let mut r = Registrations::default();
        let err = r
            .start_pairing(&[Method::EmailCode], vec![9; 32], T, &mut test_fill(9))
            .unwrap_err();
        assert_eq!(err, EnrolmentError::NotAllowed(Method::AppNotification));
    }

    #[test]
    fn removing_the_approver_drops_app_notifications() {
        let mut r = Registrations::default();
        pair_phone(&mut r).unwrap();
        assert_eq!(r.remove(Method::AppNotification), Ok(()));
        assert!(r.methods().is_empty());
        assert_eq!(
            r.remove(Method::AppNotification),
            Err(EnrolmentError::NotRegistered)
        );
    }

    #[test]
    fn the_default_method_is_offered_first_and_removing_it_clears_the_choice() {
        let mut r = Registrations {
            email: Some("alice@example.com".into()),
            phone: Some(PhoneNumber::parse("+49 151 12345678", None).unwrap()),
            ..Registrations::default()
        };
        let order = |r: &Registrations| -> Vec<Method> {
            r.offers(&ALL).iter().map(|o| o.method).collect()
        };
        assert_eq!(order(&r), [Method::EmailCode, Method::SmsCode]);
        r.preferred = Some(Method::SmsCode);
        assert_eq!(order(&r), [Method::SmsCode, Method::EmailCode]);
        // A default the policy does not allow leaves the others in their order.
        assert_eq!(
            r.offers(&[Method::EmailCode])
                .iter()
                .map(|o| o.method)
                .collect::<Vec<_>>(),
            [Method::EmailCode]
        );
        assert_eq!(r.remove(Method::SmsCode), Ok(()));
        assert_eq!(r.preferred, None);
        assert_eq!(order(&r), [Method::EmailCode]);
    }

    #[test]
    fn app_notifications_are_offered_at_a_reset_only_with_a_paired_phone() {
        let policy = crate::policy::EffectivePolicy {
            role: crate::policy::Role::User,
            methods: vec![Method::AppNotification, Method::EmailCode],
            required: 1,
        };
        let mut r = Registrations {
            email: Some("alice@example.com".into()),
            ..Registrations::default()
        };
        r.start_pairing(&ALL, vec![9; 32], T, &mut test_fill(5))
            .unwrap();
        let offered = crate::offers::offers(&policy, &r).unwrap();
        assert!(!offered.iter().any(|o| o.method == Method::AppNotification));
        let code = r
            .start_pairing(&ALL, vec![9; 32], T, &mut test_fill(6))
            .unwrap();
        r.pair(&code.encode(), "Phone", approver_key(), "d".into(), T + 1)
            .unwrap();
        let offered = crate::offers::offers(&policy, &r).unwrap();
        assert!(offered.iter().any(|o| o.method == Method::AppNotification));
    }

    #[test]
    fn registering_enough_methods_settles_what_is_due() {
        let policy = Policy::default();
        let user = UserFacts {
            enabled: true,
            ..UserFacts::default()
        };
        let mut r = Registrations::default();
        assert!(matches!(
            policy.registration_due(&user, &r.methods(), &r.record, T),
            RegistrationDue::Register { .. }
        ));
        add_email(&mut r, "alice@example.com").unwrap();
        r.record.confirm(T + 2);
        assert!(matches!(
            policy.registration_due(&user, &r.methods(), &r.record, T + 3),
            RegistrationDue::UpToDate { .. }
        ));
    }
}
