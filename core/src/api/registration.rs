//! Wire types of registration: a signed-in user lists, adds, verifies and removes their
//! methods, confirms them, or postpones. Every route answers with a [`RegistrationView`]: the
//! whole picture the widget draws, so it never has to work anything out itself.
//!
//! The caller proves who is signed in with `Authorization: Bearer <credential>`, where the
//! credential is an OpenID Connect ID token from the configured issuer or a ticket minted by
//! the host's own backend (see [`crate::ticket`]).

use serde::{Deserialize, Serialize};

use super::{ApiError, MethodOffer, PairedApprover, PairingOffer};
use crate::UnixMillis;
use crate::methods::questions::{AnswerInput, Question};
use crate::policy::Method;
use crate::registration::RegistrationDue;

/// `POST /v1/register/email`: add (or replace) the email address codes go to. A code is sent
/// to it; the address counts once that code comes back through `/v1/register/verify`. Asking
/// again for the same address sends a new code (after the resend cooldown).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddEmailRequest {
    /// As typed; trimmed by the edge.
    pub address: String,
}

/// `POST /v1/register/phone`: add (or replace) the mobile number codes are texted to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddPhoneRequest {
    /// As typed, with its country code (`+44 7700 900123`); spaces, dashes and brackets are
    /// allowed.
    pub number: String,
}

/// `POST /v1/register/verify`: the code that proves the pending method (the code sent to the
/// address or number, or the authenticator's first code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerifyEnrolmentRequest {
    /// As typed; spaces and dashes are ignored.
    pub code: String,
}

/// One security question with its answer typed twice, as the widget sends it.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerEntry {
    /// The question chosen: a predefined key or one of the policy's custom texts.
    pub question: Question,
    /// The answer.
    pub answer: String,
    /// The answer again.
    pub confirmation: String,
}

impl std::fmt::Debug for AnswerEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AnswerEntry")
            .field("question", &self.question)
            .finish_non_exhaustive()
    }
}

impl From<AnswerEntry> for AnswerInput {
    fn from(entry: AnswerEntry) -> Self {
        AnswerInput {
            question: entry.question,
            answer: entry.answer,
            confirmation: entry.confirmation,
        }
    }
}

/// `POST /v1/register/questions`: register (or replace) security questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionsRequest {
    /// Exactly the policy's `register` count of questions, each with its answer twice.
    pub answers: Vec<AnswerEntry>,
}

/// `POST /v1/register/remove`: drop a method. The credential must be recent
/// ([`RegistrationView::removal_needs_sign_in_after`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RemoveMethodRequest {
    /// The method to remove.
    pub method: Method,
}

/// `POST /v1/register/default`: the method a reset offers first ("my default"); one the
/// user holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DefaultMethodRequest {
    /// The method to offer first.
    pub method: Method,
}

/// A method being added and waiting for its proof.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PendingEnrolment {
    /// A code went to an email address or a mobile number.
    Code {
        /// [`Method::EmailCode`] or [`Method::SmsCode`].
        method: Method,
        /// Where the code went, masked.
        destination: String,
        /// Digits in the code.
        code_length: u8,
        /// When another code may be asked for (add the same address or number again).
        resend_at: UnixMillis,
    },
    /// An authenticator waiting for its first code.
    Authenticator {
        /// The secret as grouped base32 text, to type in by hand. Present only in the reply
        /// that created it; later views say only that an authenticator is waiting.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        secret: Option<String>,
        /// The `otpauth://totp/…` URI for the QR code and same-device set-up; present only
        /// with `secret`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        uri: Option<String>,
    },
}

impl std::fmt::Debug for PendingEnrolment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PendingEnrolment::Code {
                method,
                destination,
                code_length,
                resend_at,
            } => f
                .debug_struct("Code")
                .field("method", method)
                .field("destination", destination)
                .field("code_length", code_length)
                .field("resend_at", resend_at)
                .finish(),
            PendingEnrolment::Authenticator { secret, .. } => f
                .debug_struct("Authenticator")
                .field("secret", &secret.as_ref().map(|_| "…"))
                .finish_non_exhaustive(),
        }
    }
}

/// What the policy asks of security questions, for the registration screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionChoices {
    /// How many to register.
    pub register: u8,
    /// The predefined questions offered, by key (the widget shows them in the user's language).
    pub predefined: Vec<String>,
    /// The organisation's own questions, shown as written.
    pub custom: Vec<String>,
    /// Shortest answer, in characters after normalising.
    pub min_answer_chars: u8,
    /// Longest answer, in characters after normalising.
    pub max_answer_chars: u8,
}

/// Every registration route's reply: who is signed in, what is due, what they hold and may
/// add, and the error that kept the last request from changing anything, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationView {
    /// The signed-in user's username (as the directory knows them), to show who is signed in.
    pub username: String,
    /// The user's display name, when the directory has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// What is due at this sign-in.
    pub due: RegistrationDue,
    /// How many distinct methods a reset needs for this user.
    pub required: u8,
    /// The methods this user may register, in the order the widget lists them.
    pub allowed: Vec<Method>,
    /// The methods held, with destinations masked: the user's default first.
    pub methods: Vec<MethodOffer>,
    /// The method the user chose to be offered first at a reset, if any (one of
    /// [`Self::methods`]). Absent in replies of edges that predate it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_method: Option<Method>,
    /// Which of [`Self::methods`] are the directory's own contact details (its email address,
    /// its mobile number) rather than something the user registered: the directory keeps
    /// them, so they cannot be removed here. Absent in replies of edges that predate it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub from_directory: Vec<Method>,
    /// The method waiting for its proof, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending: Option<PendingEnrolment>,
    /// The security question choices, when the policy allows questions for this user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub questions: Option<QuestionChoices>,
    /// Removing a method needs a credential issued at or after this time: sign in again
    /// first when the current one is older.
    pub removal_needs_sign_in_after: UnixMillis,
    /// Why the last request changed nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ApiError>,
}

/// What every registration route sends: the [`RegistrationView`] with, among its fields on
/// the wire, the approver part. The approver travels beside the view rather than inside it
/// so that code built against the view alone (the widget) keeps compiling unchanged; a
/// client that reads the view ignores `approver`.
///
/// ```
/// use sspr_core::api::{ApproverView, RegistrationReply, RegistrationView};
///
/// let json = r#"{"username":"alice","due":{"kind":"up_to_date"},"required":1,"allowed":[],
///   "methods":[],"removal_needs_sign_in_after":0,"approver":{}}"#;
/// let reply: RegistrationReply = serde_json::from_str(json).unwrap();
/// assert_eq!(reply.approver, Some(ApproverView::default()));
/// let view: RegistrationView = serde_json::from_str(json).unwrap(); // the view alone reads it too
/// assert_eq!(view.username, "alice");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationReply {
    /// The registration screen.
    #[serde(flatten)]
    pub view: RegistrationView,
    /// The app-notification approver (paired, or a pairing code waiting), when the policy
    /// allows app notifications for this user or one is paired.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approver: Option<ApproverView>,
}

/// The approver part of the registration screen. `POST /v1/register/app` asks for a pairing
/// code; the phone pairs with it; `POST /v1/register/remove {"method":"app_notification"}`
/// removes the paired phone.
///
/// ```
/// use sspr_core::api::{ApproverView, PairingOffer};
///
/// let waiting = ApproverView {
///     paired: None,
///     pairing: Some(PairingOffer { uri: None, expires_at: 1_700_000_600_000 }),
/// };
/// let json = serde_json::to_value(&waiting).unwrap();
/// assert_eq!(json["pairing"]["expires_at"], 1_700_000_600_000u64);
/// assert!(json.get("paired").is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ApproverView {
    /// The paired phone, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paired: Option<PairedApprover>,
    /// A pairing code waiting for the phone, if one was asked for and is still valid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pairing: Option<PairingOffer>,
}

/// A registration route's reply when there is no view to give (the caller is not signed in,
/// or the request is malformed): only the error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationError {
    /// What went wrong.
    pub error: ApiError,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_never_printed() {
        let entry = AnswerEntry {
            question: Question::Predefined("city_born".into()),
            answer: "Lyon".into(),
            confirmation: "Lyon".into(),
        };
        assert!(!format!("{entry:?}").contains("Lyon"));
    }

    #[test]
    fn authenticator_secrets_are_never_printed() {
        let pending = PendingEnrolment::Authenticator {
            secret: Some("JBSW Y3DP".into()),
            uri: Some("otpauth://totp/x?secret=JBSWY3DP".into()),
        };
        let printed = format!("{pending:?}");
        assert!(!printed.contains("JBSW"), "{printed}");
    }

    #[test]
    fn a_pending_code_travels_tagged_by_kind() {
        let pending = PendingEnrolment::Code {
            method: Method::SmsCode,
            destination: "+44 ••••••• 23".into(),
            code_length: 6,
            resend_at: 5,
        };
        let json = serde_json::to_value(&pending).unwrap();
        assert_eq!(json["kind"], "code");
        assert_eq!(json["method"], "sms_code");
    }

    #[test]
    fn question_requests_refuse_unknown_fields() {
        let parsed: Result<QuestionsRequest, _> = serde_json::from_str(
            r#"{"answers":[{"question":{"kind":"predefined","value":"city_born"},"answer":"a","confirmation":"a","hint":"x"}]}"#,
        );
        assert!(parsed.is_err());
    }
}
