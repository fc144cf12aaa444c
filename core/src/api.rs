//! Wire types shared by the edge and the widget. Every reply to the widget names the next
//! step; the widget renders that step and never decides policy itself.

use serde::{Deserialize, Serialize};

use crate::UnixMillis;
use crate::methods::questions::Question;
use crate::password::PasswordRules;
use crate::policy::Method;

mod approver;
mod registration;
mod report;

pub use approver::{
    ApprovalAnswer, ApprovalRequest, ApproverAction, ApproverClaims, ApproverJwk, ApproverReply,
    PairRequest, PairedApprover, PairingOffer, SignedRequest,
};
pub use registration::{
    AddEmailRequest, AddPhoneRequest, AnswerEntry, ApproverView, DefaultMethodRequest,
    PendingEnrolment, QuestionChoices, QuestionsRequest, RegistrationError, RegistrationReply,
    RegistrationView, RemoveMethodRequest, VerifyEnrolmentRequest,
};
pub use report::{
    ChangeKind, ClearHoldReply, ClearHoldRequest, ReportReply, ReportRequest, ReportStatus,
    ReportedChange,
};

/// Upper bound, in bytes, of any JSON request body the edge accepts.
pub const MAX_REQUEST_BYTES: usize = 4096;

/// `POST /v1/reset/start`: who wants to reset a password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartRequest {
    /// As typed; the edge parses it with [`Username::parse`](crate::username::Username::parse).
    pub username: String,
    /// The Cloudflare Turnstile token the widget received for this start (its `response`),
    /// required when the edge has Turnstile configured (`TURNSTILE_SECRET`) and ignored
    /// otherwise. Each token is good for one start only.
    ///
    /// ```
    /// use sspr_core::api::StartRequest;
    ///
    /// let request: StartRequest =
    ///     serde_json::from_str(r#"{"username":"alice","turnstile":"0.abc"}"#).unwrap();
    /// assert_eq!(request.turnstile.as_deref(), Some("0.abc"));
    /// let without: StartRequest = serde_json::from_str(r#"{"username":"alice"}"#).unwrap();
    /// assert_eq!(without.turnstile, None);
    /// assert_eq!(serde_json::to_string(&without).unwrap(), r#"{"username":"alice"}"#);
    /// ```
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turnstile: Option<String>,
}

/// The Cloudflare Turnstile action a start of `kind` is solved for: the widget renders the
/// challenge with it, and the edge refuses a token whose siteverify answer names another.
///
/// ```
/// use sspr_core::api::turnstile_action;
/// use sspr_core::flow::FlowKind;
///
/// assert_eq!(turnstile_action(FlowKind::Reset), "sspr-reset");
/// assert_eq!(turnstile_action(FlowKind::Unlock), "sspr-unlock");
/// ```
pub fn turnstile_action(kind: crate::flow::FlowKind) -> &'static str {
    match kind {
        crate::flow::FlowKind::Reset => "sspr-reset",
        crate::flow::FlowKind::Unlock => "sspr-unlock",
    }
}

/// `POST /v1/reset/verify`: the one-time code the user received.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerifyCodeRequest {
    /// The flow token from the last [`Reply`].
    pub flow: String,
    /// As typed; spaces and dashes are ignored when it is parsed.
    pub code: String,
}

/// `POST /v1/reset/choose`: the method the user picked on the `choose_method` step (or, from
/// a proving step, the method to switch to).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChooseMethodRequest {
    /// The flow token from the last [`Reply`].
    pub flow: String,
    /// One of the methods the `choose_method` step offered.
    pub method: Method,
}

/// `POST /v1/unlock/complete`: apply (or retry) the unlock of a flow whose proofs are done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompleteRequest {
    /// The flow token from the last [`Reply`].
    pub flow: String,
}

/// `POST /v1/reset/password`: the new password, once the proofs are done.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewPasswordRequest {
    /// The flow token from the last [`Reply`].
    pub flow: String,
    /// The new password, as typed. Never printed by `Debug`.
    pub password: String,
}

impl std::fmt::Debug for NewPasswordRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewPasswordRequest")
            .field("flow", &"…")
            .field("password", &"…")
            .finish()
    }
}

/// `POST /v1/reset/answers`: answers to the security questions of the `answer_questions`
/// step, in the order they were asked.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswersRequest {
    /// The flow token from the last [`Reply`].
    pub flow: String,
    /// One answer per question asked, in order. Never printed by `Debug`.
    pub answers: Vec<String>,
}

impl std::fmt::Debug for AnswersRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AnswersRequest")
            .field("flow", &"…")
            .field("answers", &self.answers.len())
            .finish()
    }
}

/// The channel a one-time code travels on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// An email to an address the directory holds for the user.
    Email,
    /// A text message to the user's registered mobile number.
    Sms,
}

/// A method offered at a reset, with its destination masked (empty for methods that have
/// none, like the authenticator).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MethodOffer {
    /// The method offered.
    pub method: Method,
    /// Where its code or prompt goes, masked (see [`crate::mask`]); empty if nowhere.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub destination: String,
}

impl MethodOffer {
    /// An offer of `method` at the already masked `destination` (`""` for none).
    pub fn new(method: Method, destination: impl Into<String>) -> Self {
        MethodOffer {
            method,
            destination: destination.into(),
        }
    }
}

/// What the widget shows next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Step {
    /// Ask for the username.
    Identify,
    /// Let the user pick the next method; `verified` of `required` are done.
    ChooseMethod {
        /// The methods the user may still use, in the policy's order.
        methods: Vec<MethodOffer>,
        /// Proofs completed so far in this flow.
        verified: u8,
        /// Proofs the policy requires before the password may be set.
        required: u8,
    },
    /// Ask for the code sent to a masked destination.
    VerifyCode {
        /// How the code was sent.
        channel: Channel,
        /// Where it was sent, masked.
        destination: String,
        /// Number of digits in the code.
        code_length: u8,
        /// Wrong entries still allowed before this code is dead.
        tries_left: u8,
        /// When a new code may be asked for (choose the same method again).
        #[serde(default)]
        resend_at: UnixMillis,
    },
    /// Ask for the current code of the user's authenticator app.
    VerifyTotp,
    /// Ask these security questions.
    AnswerQuestions {
        /// The questions to answer, in order; answers are sent in the same order.
        questions: Vec<Question>,
    },
    /// Wait while the user picks `number` on their phone.
    AwaitApproval {
        /// The number shown on this screen, which the user picks on the phone.
        number: u8,
    },
    /// Ask for a new password that satisfies `rules`.
    NewPassword {
        /// The rules the widget checks as the user types (the edge checks them again).
        rules: PasswordRules,
    },
    /// The change is on its way to the directory; ask again for the result.
    Pending,
    /// The password was changed, or the account unlocked.
    Done,
    /// Too many failed attempts: nothing is possible until `until`.
    Locked {
        /// When the block ends.
        until: UnixMillis,
    },
    /// The user reported a change to their account that they did not make ("this wasn't
    /// me"): self-service reset is paused for them until `until`, or until an administrator
    /// ends the pause; they should contact the helpdesk.
    Reported {
        /// When the pause ends, unless an administrator ends it sooner.
        until: UnixMillis,
        /// A link to the helpdesk, when the policy names one: its `https://` page, else a
        /// `mailto:` link to its address.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        helpdesk: Option<String>,
    },
}

/// Every reply the edge gives the widget: the flow token (while the flow lives), the next
/// step, when the flow expires, and the error that kept the user on this step, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Reply {
    /// The flow token to send with the next request; absent once the flow is over or gone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow: Option<String>,
    /// The step to show; absent when the widget should stay where it is (only `error` is set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<Step>,
    /// When the flow expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<UnixMillis>,
    /// Why the last request did not move the flow on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ApiError>,
}

impl Reply {
    /// A reply that moves the flow on to `step`.
    pub fn step(flow: Option<String>, step: Step, expires_at: Option<UnixMillis>) -> Self {
        Reply {
            flow,
            step: Some(step),
            expires_at,
            error: None,
        }
    }

    /// A reply carrying only an error (no flow could be found or the request was malformed).
    pub fn error(error: ApiError) -> Self {
        Reply {
            error: Some(error),
            ..Reply::default()
        }
    }

    /// A reply that sends the user back to the first step with `error`, for a flow that is
    /// gone (expired, finished or never existed).
    pub fn restart(error: ApiError) -> Self {
        Reply {
            step: Some(Step::Identify),
            ..Reply::error(error)
        }
    }

    /// The HTTP status this reply travels with.
    pub fn status(&self) -> u16 {
        self.error.as_ref().map_or(200, |e| e.code.status())
    }
}

/// A machine-readable error with a human message and the facts a UI needs to explain it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    /// What went wrong, stable on the wire.
    pub code: ErrorCode,
    /// A sentence for the user, in English; UIs may translate by `code` instead.
    pub message: String,
    /// With [`ErrorCode::CodeMismatch`]: wrong entries still allowed for this code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tries_left: Option<u8>,
    /// With [`ErrorCode::PasswordTooShort`]: the minimum length, in characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u16>,
    /// With [`ErrorCode::PasswordTooLong`]: the maximum length, in characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u16>,
    /// When the refused request may be tried again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_at: Option<UnixMillis>,
    /// The query parameter an `invalid_parameter` error is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameter: Option<String>,
}

impl ApiError {
    /// An error with `code` and `message` and no facts attached.
    ///
    /// ```
    /// use sspr_core::api::{ApiError, ErrorCode};
    ///
    /// let error = ApiError::new(ErrorCode::FlowExpired, "start again");
    /// assert_eq!(error.code.status(), 410);
    /// assert_eq!(
    ///     serde_json::to_string(&error).unwrap(),
    ///     r#"{"code":"flow_expired","message":"start again"}"#
    /// );
    /// ```
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError {
            code,
            message: message.into(),
            tries_left: None,
            min_length: None,
            max_length: None,
            retry_at: None,
            parameter: None,
        }
    }

    /// An `invalid_parameter` error about the query parameter `name`.
    pub fn invalid_parameter(name: &str, message: impl Into<String>) -> Self {
        ApiError {
            parameter: Some(name.to_owned()),
            ..ApiError::new(ErrorCode::InvalidParameter, message)
        }
    }
}

/// Stable error codes. The wire form is the snake_case name; it never changes meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The body is not the JSON this route expects.
    BadRequest,
    /// A query parameter is malformed or out of range; `parameter` names it.
    InvalidParameter,
    /// An admin or registration route was called without a valid `Authorization: Bearer`
    /// credential (admin token, ID token or ticket), or it has expired.
    Unauthenticated,
    /// The route needs `Content-Type: application/json`.
    UnsupportedMediaType,
    /// The body is larger than [`MAX_REQUEST_BYTES`].
    PayloadTooLarge,
    /// No such route.
    NotFound,
    /// The route exists but not for this method.
    MethodNotAllowed,
    /// The calling page's origin is not allowed to embed sspr.
    OriginNotAllowed,
    /// The username is empty, too long or contains control characters.
    InvalidUsername,
    /// The flow token is malformed, unknown, finished or expired.
    FlowExpired,
    /// The request does not belong to the flow's current step.
    WrongStep,
    /// The method chosen is not offered, or was already used in this reset.
    MethodNotOffered,
    /// One or more security answers are wrong; new questions are asked.
    AnswersWrong,
    /// The phone denied the request, picked the wrong number, or did not answer in time.
    ApprovalFailed,
    /// The code is not made of the expected number of digits.
    InvalidCodeFormat,
    /// The code does not match; `tries_left` says how many tries remain.
    CodeMismatch,
    /// The code's lifetime is over.
    CodeExpired,
    /// The code was already used.
    CodeUsed,
    /// Too many wrong codes: this code is dead.
    CodeAttemptsExhausted,
    /// Too many failed proofs: the account is blocked until `retry_at`.
    Locked,
    /// A code was sent moments ago; another may be asked for at `retry_at`.
    ResendTooSoon,
    /// The hourly number of codes is used up until `retry_at`.
    SendLimit,
    /// The new password is shorter than `min_length`.
    PasswordTooShort,
    /// The new password is longer than `max_length`.
    PasswordTooLong,
    /// The new password uses fewer than 3 of upper case, lower case, digits and symbols.
    PasswordComposition,
    /// The new password contains part of the user's own names.
    PasswordPersonalInfo,
    /// The new password is (nearly) one of the most common passwords.
    PasswordCommon,
    /// The new password is built on banned terms (common or the organisation's own).
    PasswordBanned,
    /// The new password is listed by Pwned Passwords as leaked in data breaches.
    PasswordBreached,
    /// The policy needs the breached-password check and it cannot be made now; nothing was
    /// changed, the same password may be tried again.
    BreachCheckUnavailable,
    /// The identity backend refused the new password (its own policy).
    PasswordRejected,
    /// The identity backend could not be reached or failed; nothing was changed.
    BackendUnavailable,
    /// Something broke on our side; nothing was changed.
    Internal,
    /// Registration: self-service reset is not enabled for the signed-in user.
    NotEnabled,
    /// Registration: the policy does not let this user register this method.
    MethodNotPermitted,
    /// Registration: the email address is not `local@domain.tld` (or over 254 characters).
    EmailInvalid,
    /// Registration: the phone number cannot be read, or is not one its country assigns;
    /// write it with its country code.
    PhoneInvalid,
    /// Registration: a code was sent, but no method is waiting for one.
    NothingPending,
    /// Registration: the method to remove is not registered.
    NotRegistered,
    /// Registration: the security questions break a rule (count, repeats, length, the two
    /// entries differ); `parameter` names the answer (`answers[2]`) when one is at fault.
    QuestionsInvalid,
    /// Registration: not enough methods are registered to confirm them.
    RegistrationIncomplete,
    /// Registration: nothing is due, so there is nothing to postpone.
    NothingToPostpone,
    /// Registration: every postponement allowed has been used.
    PostponeBudgetUsed,
    /// Registration: removing a method needs a fresh sign-in (`retry_at` is the oldest
    /// acceptable sign-in time).
    SignInTooOld,
    /// Admin: the policy document is not valid TOML or breaks a rule; the reply lists every
    /// problem with its field.
    InvalidPolicy,
    /// Admin: the policy changed since the version the caller read; read it again.
    VersionConflict,
    /// Reset / unlock start: the edge requires a Cloudflare Turnstile token and none was sent.
    TurnstileRequired,
    /// Reset / unlock start: Turnstile refused the token (invalid, expired, already used, or
    /// solved on another site); solve the check again for a new token.
    TurnstileFailed,
    /// Reset / unlock start: Turnstile's siteverify could not be reached or failed, so the
    /// token could not be checked; nothing was started. Try again in a moment.
    TurnstileUnavailable,
    /// Approver: the device name is empty, over 64 characters or has control characters.
    DeviceNameInvalid,
    /// Approver: the public key is not a P-256 key (a JWK with `kty` EC, `crv` P-256).
    PublicKeyInvalid,
    /// Approver: the pairing code is unknown, used or expired; ask for a new one.
    PairingInvalid,
    /// Approver: the signed request's signature does not verify, or names no paired device.
    SignatureInvalid,
    /// Approver: the signed request's time is more than 5 minutes from the server's clock.
    RequestStale,
    /// Approver: the signed request (its nonce) was already received.
    RequestReplayed,
    /// Approver: no approval request is open (none was sent, or it was answered).
    NoApprovalPending,
    /// The approval request on the phone has expired (it lives 2 minutes).
    ApprovalExpired,
    /// The user reported a change to their account as not made by them, so self-service
    /// reset (and changes to their methods) is paused until `retry_at`, or until an
    /// administrator ends the pause: contact the helpdesk.
    ReportedCompromise,
    /// "This wasn't me": the link's token is malformed, unknown or expired (links work for 7
    /// days).
    ReportInvalid,
}

impl ErrorCode {
    /// The HTTP status that carries this error.
    pub fn status(self) -> u16 {
        use ErrorCode::*;
        match self {
            BadRequest | InvalidParameter | InvalidUsername | InvalidCodeFormat => 400,
            Unauthenticated => 401,
            NotFound => 404,
            MethodNotAllowed => 405,
            WrongStep | MethodNotOffered => 409,
            AnswersWrong | ApprovalFailed => 422,
            FlowExpired | CodeExpired | CodeUsed => 410,
            PayloadTooLarge => 413,
            UnsupportedMediaType => 415,
            OriginNotAllowed => 403,
            CodeMismatch | PasswordTooShort | PasswordTooLong | PasswordComposition
            | PasswordPersonalInfo | PasswordCommon | PasswordBanned | PasswordBreached
            | PasswordRejected => 422,
            CodeAttemptsExhausted | Locked | ResendTooSoon | SendLimit => 429,
            NotEnabled | MethodNotPermitted | SignInTooOld | ReportedCompromise => 403,
            EmailInvalid | PhoneInvalid | QuestionsInvalid | InvalidPolicy => 400,
            DeviceNameInvalid | PublicKeyInvalid => 400,
            SignatureInvalid | RequestStale => 401,
            PairingInvalid | ApprovalExpired | ReportInvalid => 410,
            RequestReplayed | NoApprovalPending => 409,
            NothingPending
            | NotRegistered
            | RegistrationIncomplete
            | NothingToPostpone
            | PostponeBudgetUsed
            | VersionConflict => 409,
            TurnstileRequired => 400,
            TurnstileFailed => 403,
            Internal => 500,
            BackendUnavailable | TurnstileUnavailable | BreachCheckUnavailable => 503,
        }
    }

    /// Every code, for documentation and exhaustive tests.
    pub const ALL: [ErrorCode; 59] = {
        use ErrorCode::*;
        [
            BadRequest,
            InvalidParameter,
            Unauthenticated,
            UnsupportedMediaType,
            PayloadTooLarge,
            NotFound,
            MethodNotAllowed,
            OriginNotAllowed,
            InvalidUsername,
            FlowExpired,
            WrongStep,
            MethodNotOffered,
            AnswersWrong,
            ApprovalFailed,
            InvalidCodeFormat,
            CodeMismatch,
            CodeExpired,
            CodeUsed,
            CodeAttemptsExhausted,
            Locked,
            ResendTooSoon,
            SendLimit,
            PasswordTooShort,
            PasswordTooLong,
            PasswordComposition,
            PasswordPersonalInfo,
            PasswordCommon,
            PasswordBanned,
            PasswordBreached,
            BreachCheckUnavailable,
            PasswordRejected,
            BackendUnavailable,
            Internal,
            NotEnabled,
            MethodNotPermitted,
            EmailInvalid,
            PhoneInvalid,
            NothingPending,
            NotRegistered,
            QuestionsInvalid,
            RegistrationIncomplete,
            NothingToPostpone,
            PostponeBudgetUsed,
            SignInTooOld,
            InvalidPolicy,
            VersionConflict,
            TurnstileRequired,
            TurnstileFailed,
            TurnstileUnavailable,
            DeviceNameInvalid,
            PublicKeyInvalid,
            PairingInvalid,
            SignatureInvalid,
            RequestStale,
            RequestReplayed,
            NoApprovalPending,
            ApprovalExpired,
            ReportedCompromise,
            ReportInvalid,
        ]
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_tagged_by_kind_in_snake_case() {
        let step = Step::VerifyCode {
            channel: Channel::Email,
            destination: "a•••@e•••.com".into(),
            code_length: 6,
            tries_left: 5,
            resend_at: 0,
        };
        let json = serde_json::to_value(&step).unwrap();
        assert_eq!(json["kind"], "verify_code");
        assert_eq!(json["channel"], "email");
        assert_eq!(serde_json::to_value(Step::Done).unwrap()["kind"], "done");
    }

    #[test]
    fn error_codes_travel_as_snake_case_names() {
        let json = serde_json::to_string(&ErrorCode::CodeAttemptsExhausted).unwrap();
        assert_eq!(json, "\"code_attempts_exhausted\"");
    }

    #[test]
    fn every_error_is_a_4xx_except_our_own_and_the_other_services_failures() {
        for code in ErrorCode::ALL {
            let status = code.status();
            match code {
                ErrorCode::Internal
                | ErrorCode::BackendUnavailable
                | ErrorCode::TurnstileUnavailable
                | ErrorCode::BreachCheckUnavailable => assert!(status >= 500),
                _ => assert!((400..500).contains(&status), "{code:?} → {status}"),
            }
        }
    }

    #[test]
    fn a_reply_without_error_is_200_and_omits_empty_fields() {
        let reply = Reply::step(None, Step::Identify, None);
        assert_eq!(reply.status(), 200);
        assert_eq!(
            serde_json::to_string(&reply).unwrap(),
            r#"{"step":{"kind":"identify"}}"#
        );
    }

    #[test]
    fn a_restart_reply_goes_back_to_identify_without_a_flow() {
        let reply = Reply::restart(ApiError::new(ErrorCode::FlowExpired, "gone"));
        assert_eq!(reply.step, Some(Step::Identify));
        assert_eq!(reply.flow, None);
        assert_eq!(reply.status(), 410);
    }

    #[test]
    fn unknown_fields_in_requests_are_refused() {
        let parsed: Result<StartRequest, _> =
            serde_json::from_str(r#"{"username":"a","admin":true}"#);
        assert!(parsed.is_err());
    }

    #[test]
    fn an_invalid_parameter_names_the_parameter_on_the_wire() {
        let error = ApiError::invalid_parameter("limit", "limit is at most 1000");
        let json = serde_json::to_value(&error).unwrap();
        assert_eq!(json["code"], "invalid_parameter");
        assert_eq!(json["parameter"], "limit");
        assert_eq!(error.code.status(), 400);
    }

    #[test]
    fn answers_are_never_printed() {
        let req = AnswersRequest {
            flow: "f".into(),
            answers: vec!["Lyon".into()],
        };
        assert!(!format!("{req:?}").contains("Lyon"));
    }

    #[test]
    fn password_requests_never_print_the_password() {
        let req = NewPasswordRequest {
            flow: "f".into(),
            password: "hunter2hunter2".into(),
        };
        assert!(!format!("{req:?}").contains("hunter2"));
    }
}
