//! The reset flow as an explicit state machine. A user proves who they are with as many
//! distinct registered methods as the policy requires (choose a method → verify it → …),
//! then chooses a new password, which is pending at the identity backend until it is done.
//! The edge stores a [`ResetFlow`] per user, calls one transition per request, performs the
//! [`Effect`]s it gets back and sends the [`Reply`]; the widget renders the step.
//!
//! Unknown, disabled and unregistered users walk a decoy flow of identical shape: same steps,
//! same limits, same errors, but nothing is sent and no proof can ever succeed.

use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;

use crate::UnixMillis;
use crate::api::{ApiError, Channel, ErrorCode, MethodOffer, Reply, Step};
use crate::locale::Language;
use crate::methods::approval::{ApprovalChallenge, ApprovalError};
use crate::methods::code::{CodeChallenge, CodeError, CodePolicy, OtpCode};
use crate::methods::questions::{Question, QuestionError, RegisteredQuestions};
use crate::methods::totp::{TotpCredential, TotpError};
use crate::password::{NewPassword, PasswordChecker, PasswordError, PasswordRules, PersonalInfo};
use crate::policy::Method;
use crate::policy::questions::PREDEFINED_QUESTIONS;
use crate::token::FlowToken;

/// Absolute lifetime of a flow, whatever step it is at.
pub const FLOW_LIFETIME_MS: u64 = 15 * 60 * 1000;

/// The settings a reset flow runs under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResetSettings {
    /// Email and SMS codes: digits, lifetime, tries.
    pub code: CodePolicy,
    /// What the new password must satisfy (sent to the widget with the step).
    pub password: PasswordRules,
    /// Distinct methods a reset needs (1 or 2).
    #[serde(default = "one")]
    pub required: u8,
    /// Security questions asked at a reset.
    #[serde(default = "three")]
    pub questions_asked: u8,
    /// Tell the user by email when their password changed or their account was unlocked.
    #[serde(default = "yes")]
    pub notify_user: bool,
    /// Tell every other administrator by email when an administrator reset their password
    /// (Entra's "notify all admins when other admins reset their password").
    #[serde(default = "yes")]
    pub notify_admins_on_admin_reset: bool,
    /// How long after a code was sent another may be asked for (the widget counts down).
    #[serde(default = "thirty_seconds")]
    pub resend_cooldown_ms: u64,
}

fn thirty_seconds() -> u64 {
    30_000
}

fn yes() -> bool {
    true
}

fn one() -> u8 {
    1
}

fn three() -> u8 {
    3
}

impl Default for ResetSettings {
    fn default() -> Self {
        ResetSettings {
            code: CodePolicy::default(),
            password: PasswordRules::default(),
            required: 1,
            questions_asked: 3,
            notify_user: true,
            notify_admins_on_admin_reset: true,
            resend_cooldown_ms: thirty_seconds(),
        }
    }
}

/// What the flow ends in once the user has proved who they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlowKind {
    /// Choose a new password.
    #[default]
    Reset,
    /// Unlock the account, keeping the password.
    Unlock,
}

/// Whose password the flow resets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Subject {
    /// A real, enabled user of the identity backend, with the parts of their names their new
    /// password may not contain.
    User {
        /// The identity backend's id for the user (object id, DN, …), passed back to it.
        user_id: String,
        /// The parts of the user's names the new password may not contain.
        #[serde(default)]
        personal: PersonalInfo,
        /// Where notices about the account go (their email address).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        contact: Option<String>,
        /// The mobile number text-message codes go to (E.164).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        phone: Option<String>,
    },
    /// Nobody: the username is unknown, disabled or has no usable method.
    Decoy,
}

impl Subject {
    /// Where a code for `method` goes: the email address or the mobile number (`None` for
    /// decoys, and for methods that send nothing).
    pub fn address(&self, method: Method) -> Option<&str> {
        match (self, method) {
            (Subject::User { contact, .. }, Method::EmailCode) => contact.as_deref(),
            (Subject::User { phone, .. }, Method::SmsCode) => phone.as_deref(),
            _ => None,
        }
    }
}

/// Where the flow is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Stage {
    /// Waiting for the user to pick a method.
    ChooseMethod,
    /// A code went out by email or SMS (or, for a decoy, pretended to).
    VerifyCode {
        /// [`Method::EmailCode`] or [`Method::SmsCode`].
        method: Method,
        /// What the typed code is checked against.
        challenge: CodeChallenge,
    },
    /// Waiting for the authenticator app's current code.
    VerifyTotp,
    /// Waiting for answers to security questions.
    AnswerQuestions {
        /// Indices into the user's registered questions (empty for decoys).
        asked: Vec<usize>,
        /// The questions as shown, in the order answers are expected.
        questions: Vec<Question>,
    },
    /// A push went to the user's phone; waiting for its answer.
    AwaitApproval {
        /// The number to pick and when the request lapses.
        challenge: ApprovalChallenge,
    },
    /// Proofs are done in a reset flow: waiting for the new password.
    NewPassword,
    /// Proofs are done in an unlock flow: the unlock may go to the backend.
    UnlockReady,
    /// A new password, or an unlock, is on its way to the backend under this operation id
    /// (the outbox, see [`crate::outbox`]): `attempts` made so far, the next one at
    /// `retry_at` (the flow's clock), or in flight when `None`.
    Pending {
        /// The outbox operation carrying the change.
        operation_id: String,
        /// Attempts made so far.
        #[serde(default)]
        attempts: u32,
        /// When the alarm is next due: the next attempt, or, while one is in flight, its
        /// watchdog ([`crate::outbox::ATTEMPT_WATCHDOG_MS`]), which finds an attempt that an
        /// eviction interrupted.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        retry_at: Option<UnixMillis>,
    },
    /// The backend applied the change; the flow is over.
    Done,
    /// A proof passed while self-service reset was paused for the user (they reported a
    /// change they did not make, see [`crate::report`]): the flow is over, and every request
    /// on it answers [`Step::Reported`] with [`ErrorCode::ReportedCompromise`].
    Held {
        /// When the pause ends, unless an administrator ends it sooner.
        until: UnixMillis,
        /// A link to the helpdesk.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        helpdesk: Option<String>,
    },
}

/// The pause of self-service reset in force when a flow started (see [`ResetFlow::hold`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlowHold {
    /// When the pause ends, unless an administrator ends it sooner.
    pub until: UnixMillis,
    /// A link to the helpdesk ([`crate::policy::Policy::helpdesk_link`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helpdesk: Option<String>,
}

/// What the edge must do after a transition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Send `code` by email or text message to the user's registered address or number.
    SendCode {
        /// [`Method::EmailCode`] or [`Method::SmsCode`]; the address is
        /// [`Subject::address`].
        method: Method,
        /// The code, in clear: send it and forget it.
        code: OtpCode,
    },
    /// Ask the user's registered phone to approve, showing `choices`.
    SendApproval {
        /// The right choice, also shown in the widget.
        number: u8,
        /// The numbers the phone offers, `number` among them.
        choices: [u8; 3],
    },
    /// Tell the user what just happened to their account, at `to`.
    Notify {
        /// The user's email address.
        to: String,
        /// What happened.
        notice: Notice,
        /// The language the user asked in.
        language: Language,
    },
    /// Tell every administrator but `except` that the administrator `admin` reset their
    /// password (the edge asks the identity backend who the administrators are).
    NotifyAdmins {
        /// The administrator who reset, as the directory names them.
        admin: String,
        /// The resetting administrator's own address, who is told by [`Effect::Notify`].
        except: Option<String>,
    },
}

/// What a notice to the user says happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Notice {
    /// A reset flow set a new password.
    PasswordChanged,
    /// An unlock flow unlocked the account.
    AccountUnlocked,
    /// The user registered this method for password reset.
    MethodAdded(Method),
    /// The user removed this registered method.
    MethodRemoved(Method),
}

/// What a method needs from the user's stored state at a reset.
#[derive(Clone, Copy, Default)]
pub struct Proofs<'a> {
    /// The user's registered security questions, if they have any.
    pub questions: Option<&'a RegisteredQuestions>,
}

/// One reset in progress, as stored. The edge loads it, checks the token with
/// [`ResetFlow::authorize`], calls one transition per request, performs the effects, stores it
/// again and answers with [`ResetFlow::reply`] (or [`ResetFlow::error_reply`]).
///
/// A whole reset, by email code:
///
/// ```
/// use sspr_core::api::{ApiError, ErrorCode, MethodOffer, Step};
/// use sspr_core::flow::{Effect, FlowKind, Notice, Proofs, ResetFlow, ResetSettings, Subject};
/// use sspr_core::password::{PasswordChecker, PersonalInfo};
/// use sspr_core::policy::Method;
/// use sspr_core::token::FlowToken;
///
/// // Fixed randomness and times (milliseconds since the Unix epoch) keep this repeatable.
/// let mut n = 0u8;
/// let mut random = |buf: &mut [u8]| buf.iter_mut().for_each(|b| { n = n.wrapping_add(53); *b = n });
/// let t0 = 1_700_000_000_000;
/// let key = b"code key"; // the edge's secret for code MACs
///
/// // POST /v1/reset/start: the user exists and has two methods.
/// let token = FlowToken::new(vec![1; 32], &mut random);
/// let alice = Subject::User {
///     user_id: "u1".into(),
///     personal: PersonalInfo::new("amartin", Some("Alice Martin"), None),
///     contact: Some("alice@example.com".into()),
///     phone: Some("+4915112345678".into()),
/// };
/// let offers = vec![
///     MethodOffer::new(Method::EmailCode, "a•••@e•••.com"),
///     MethodOffer::new(Method::SmsCode, "+49 ••• ••• ••78"),
/// ];
/// let settings = ResetSettings::default(); // from Policy::reset_settings_for in production
/// let started = ResetFlow::start(
///     FlowKind::Reset, &token, alice, offers, settings, key, Proofs::default(), t0, &mut random,
/// );
/// assert!(started.effects.is_empty()); // two offers: the user chooses first
/// let mut flow = started.flow;
/// assert!(matches!(flow.step(), Step::ChooseMethod { verified: 0, required: 1, .. }));
///
/// // POST /v1/reset/choose {"method": "email_code"}: email a code.
/// let now = t0 + 5_000;
/// flow.authorize(&FlowToken::parse(&token.encode()).unwrap(), now).unwrap();
/// let effects = flow.choose(Method::EmailCode, key, Proofs::default(), now, &mut random).unwrap();
/// let [Effect::SendCode { code, .. }] = effects.as_slice() else { unreachable!() };
/// let code = code.expose().to_owned();
///
/// // POST /v1/reset/verify: a wrong code costs a try; the right one proves the method.
/// let wrong = if code == "000000" { "111111" } else { "000000" };
/// let err = flow.submit_code(key, wrong, t0 + 20_000).unwrap_err();
/// assert!(err.is_failed_proof()); // the edge counts it (see crate::throttle)
/// assert_eq!(ApiError::from(&err).tries_left, Some(4));
/// flow.submit_code(key, &code, t0 + 30_000).unwrap();
/// assert!(matches!(flow.step(), Step::NewPassword { .. }));
///
/// // POST /v1/reset/password: checked, then pending until the backend applies it.
/// let checker = PasswordChecker::default(); // Policy::password_checker in production
/// assert!(flow.begin_password(&checker, "alice2024!", "op-1".into(), t0 + 40_000).is_err());
/// let (user_id, password) = flow
///     .begin_password(&checker, "mauve otter lamp", "op-1".into(), t0 + 45_000)
///     .unwrap();
/// assert_eq!((user_id.as_str(), password.expose()), ("u1", "mauve otter lamp"));
/// assert_eq!(flow.step(), Step::Pending);
///
/// // The backend set the password: the flow is over and the user is told.
/// assert_eq!(
///     flow.password_applied(),
///     vec![Effect::Notify {
///         to: "alice@example.com".into(),
///         notice: Notice::PasswordChanged,
///         language: Default::default(),
///     }],
/// );
/// assert_eq!(flow.step(), Step::Done);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResetFlow {
    token_hash: String,
    /// Whose account this is, or a decoy.
    pub(crate) subject: Subject,
    /// Reset or unlock.
    #[serde(default)]
    pub(crate) kind: FlowKind,
    /// The methods offered, masked as shown to the user.
    pub(crate) offers: Vec<MethodOffer>,
    /// The methods proved so far, distinct.
    pub(crate) verified: Vec<Method>,
    /// Where the flow is.
    pub(crate) stage: Stage,
    /// When the flow was started.
    pub(crate) started_at: UnixMillis,
    /// When it dies: [`FLOW_LIFETIME_MS`] after `started_at`, whatever the step.
    pub(crate) expires_at: UnixMillis,
    /// The policy's settings at the start, kept for the whole flow.
    pub(crate) settings: ResetSettings,
    /// Why the last change was not applied (the backend's refusal, or its unavailability),
    /// shown with the step until the user acts again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) failure: Option<ApiError>,
    /// The language the user asked in, for the messages sent about this flow (codes now,
    /// notices when the change is applied, perhaps by a later retry).
    #[serde(default)]
    pub language: Language,
    /// The user's name (display name or username) when they hold an administrator role, so
    /// that the other administrators can be told about an applied reset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin: Option<String>,
    /// The pause of self-service reset in force when the flow started, if any: the first
    /// proof that passes ends the flow in [`Stage::Held`] instead of counting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) hold: Option<FlowHold>,
}

/// A new flow and what to do for it.
#[derive(Debug)]
pub struct Started {
    /// The flow to store.
    pub flow: ResetFlow,
    /// What to do now: a code or an approval request when a single method was offered.
    pub effects: Vec<Effect>,
}

impl Started {
    /// The code to send by email or SMS, if any (decoys send nothing). With a single offer
    /// the flow starts at that method:
    ///
    /// ```
    /// use sspr_core::api::{MethodOffer, Step};
    /// use sspr_core::flow::{FlowKind, Proofs, ResetFlow, ResetSettings, Subject};
    /// use sspr_core::policy::Method;
    /// use sspr_core::token::FlowToken;
    ///
    /// let mut random = |buf: &mut [u8]| buf.fill(7);
    /// let token = FlowToken::new(vec![1; 32], &mut random);
    /// let offers = vec![MethodOffer::new(Method::EmailCode, "a•••@e•••.com")];
    /// let start = |subject| {
    ///     let settings = ResetSettings::default();
    ///     ResetFlow::start(
    ///         FlowKind::Reset, &token, subject, offers.clone(), settings, b"key", Proofs::default(), 0,
    ///         &mut |buf: &mut [u8]| buf.fill(7),
    ///     )
    /// };
    /// let user = Subject::User { user_id: "u1".into(), personal: Default::default(), contact: None, phone: None };
    /// let started = start(user);
    /// assert_eq!(started.code_to_send().unwrap().expose().len(), 6);
    /// assert!(matches!(started.flow.step(), Step::VerifyCode { code_length: 6, .. }));
    ///
    /// // A decoy looks the same to the widget, but nothing goes out.
    /// let decoy = start(Subject::Decoy);
    /// assert!(decoy.code_to_send().is_none());
    /// assert!(matches!(decoy.flow.step(), Step::VerifyCode { code_length: 6, .. }));
    /// ```
    pub fn code_to_send(&self) -> Option<&OtpCode> {
        self.effects.iter().find_map(|effect| match effect {
            Effect::SendCode { code, .. } => Some(code),
            Effect::SendApproval { .. } | Effect::Notify { .. } | Effect::NotifyAdmins { .. } => {
                None
            }
        })
    }
}

/// Why a request could not move the flow on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FlowError {
    /// The token does not match the flow, or the flow outlived [`FLOW_LIFETIME_MS`].
    #[error("this reset has expired or does not exist; start again")]
    Expired,
    /// The request belongs to another step than the flow's current one.
    #[error("this request does not belong to the current step")]
    WrongStep,
    /// The method was not offered, or is already proved in this flow.
    #[error("this method is not offered, or was already used in this reset")]
    MethodNotOffered,
    /// The typed email or SMS code is not the right number of digits.
    #[error(transparent)]
    CodeFormat(#[from] crate::methods::code::InvalidCodeFormat),
    /// The email or SMS code was refused.
    #[error(transparent)]
    Code(#[from] CodeError),
    /// The authenticator code was refused.
    #[error(transparent)]
    Totp(#[from] TotpError),
    /// The security answers were refused.
    #[error(transparent)]
    Questions(#[from] QuestionError),
    /// The phone approval failed.
    #[error(transparent)]
    Approval(#[from] ApprovalError),
    /// The phone answered an approval request that is not the open one (none is open, or
    /// another replaced it).
    #[error("no approval request is open")]
    NoApprovalPending,
    /// The new password breaks a rule.
    #[error(transparent)]
    Password(#[from] PasswordError),
    /// The user reported a change to their account as not made by them, so self-service
    /// reset is paused until `until` (see [`ResetFlow::hold`]).
    #[error(
        "a change to this account was reported as not made by its owner, so self-service password reset is paused for it; contact your helpdesk"
    )]
    ReportedCompromise {
        /// When the pause ends, unless an administrator ends it sooner.
        until: UnixMillis,
    },
}

impl FlowError {
    /// Whether the flow cannot go on after this error and should be deleted.
    pub fn ends_flow(&self) -> bool {
        matches!(
            self,
            FlowError::Expired
                | FlowError::Code(
                    CodeError::Expired | CodeError::AttemptsExhausted | CodeError::Used
                )
        )
    }

    /// Whether this error is a failed proof, counted towards blocking the user.
    pub fn is_failed_proof(&self) -> bool {
        matches!(
            self,
            FlowError::Code(CodeError::Mismatch { .. })
                | FlowError::Totp(TotpError::Mismatch | TotpError::Replayed)
                | FlowError::Questions(QuestionError::Wrong)
                | FlowError::Approval(ApprovalError::WrongNumber | ApprovalError::Denied)
        )
    }
}

impl From<&FlowError> for ApiError {
    fn from(err: &FlowError) -> Self {
        let message = err.to_string();
        let code = match err {
            FlowError::Expired => ErrorCode::FlowExpired,
            FlowError::WrongStep => ErrorCode::WrongStep,
            FlowError::MethodNotOffered => ErrorCode::MethodNotOffered,
            FlowError::CodeFormat(_) | FlowError::Totp(TotpError::InvalidFormat) => {
                ErrorCode::InvalidCodeFormat
            }
            FlowError::Code(CodeError::Mismatch { .. }) => ErrorCode::CodeMismatch,
            FlowError::Code(CodeError::Expired) => ErrorCode::CodeExpired,
            FlowError::Code(CodeError::Used) => ErrorCode::CodeUsed,
            FlowError::Code(CodeError::AttemptsExhausted) => ErrorCode::CodeAttemptsExhausted,
            FlowError::Totp(TotpError::Replayed) => ErrorCode::CodeUsed,
            FlowError::Totp(_) => ErrorCode::CodeMismatch,
            FlowError::Questions(QuestionError::Wrong) => ErrorCode::AnswersWrong,
            FlowError::Questions(_) => ErrorCode::BadRequest,
            FlowError::Approval(ApprovalError::Expired) => ErrorCode::ApprovalExpired,
            FlowError::NoApprovalPending => ErrorCode::NoApprovalPending,
            FlowError::Approval(_) => ErrorCode::ApprovalFailed,
            FlowError::Password(pw) => return pw.clone().into(),
            FlowError::ReportedCompromise { .. } => ErrorCode::ReportedCompromise,
        };
        let mut api = ApiError::new(code, message);
        match err {
            FlowError::Code(CodeError::Mismatch { tries_left }) => {
                api.tries_left = Some(*tries_left);
            }
            FlowError::ReportedCompromise { until } => api.retry_at = Some(*until),
            _ => {}
        }
        api
    }
}

fn channel(method: Method) -> Channel {
    if method == Method::SmsCode {
        Channel::Sms
    } else {
        Channel::Email
    }
}

impl ResetFlow {
    /// Whose account this is, or a decoy.
    pub fn subject(&self) -> &Subject {
        &self.subject
    }

    /// Reset or unlock.
    pub fn kind(&self) -> FlowKind {
        self.kind
    }

    /// The methods offered, masked as shown to the user.
    pub fn offers(&self) -> &[MethodOffer] {
        &self.offers
    }

    /// The methods proved so far, distinct.
    pub fn verified(&self) -> &[Method] {
        &self.verified
    }

    /// Where the flow is. Only the flow's own transitions move it, so no step can be skipped.
    pub fn stage(&self) -> &Stage {
        &self.stage
    }

    /// When the flow was started.
    pub fn started_at(&self) -> UnixMillis {
        self.started_at
    }

    /// When it dies: [`FLOW_LIFETIME_MS`] after [`Self::started_at`], whatever the step.
    pub fn expires_at(&self) -> UnixMillis {
        self.expires_at
    }

    /// The policy's settings at the start, kept for the whole flow.
    pub fn settings(&self) -> &ResetSettings {
        &self.settings
    }

    /// Why the last change was not applied, shown with the step until the user acts again.
    pub fn failure(&self) -> Option<&ApiError> {
        self.failure.as_ref()
    }

    /// Starts a flow of `kind` for `subject` under `token`, offering `offers`. With a single
    /// offer the flow goes straight to it; otherwise the user chooses.
    #[allow(clippy::too_many_arguments)]
    pub fn start(
        kind: FlowKind,
        token: &FlowToken,
        subject: Subject,
        offers: Vec<MethodOffer>,
        settings: ResetSettings,
        code_key: &[u8],
        proofs: Proofs<'_>,
        now: UnixMillis,
        fill: &mut dyn FnMut(&mut [u8]),
    ) -> Started {
        let mut flow = ResetFlow {
            token_hash: token.secret_hash(),
            subject,
            kind,
            offers,
            verified: Vec::new(),
            stage: Stage::ChooseMethod,
            started_at: now,
            expires_at: now + FLOW_LIFETIME_MS,
            settings,
            failure: None,
            language: Language::ENGLISH,
            admin: None,
            hold: None,
        };
        let effects = match flow.offers.as_slice() {
            [only] => {
                let method = only.method;
                flow.choose(method, code_key, proofs, now, fill)
                    .unwrap_or_default()
            }
            _ => Vec::new(),
        };
        Started { flow, effects }
    }

    /// Whether `token` is this flow's token and the flow is still alive.
    pub fn authorize(&self, token: &FlowToken, now: UnixMillis) -> Result<(), FlowError> {
        let presented = token.secret_hash();
        let same: bool = presented
            .as_bytes()
            .ct_eq(self.token_hash.as_bytes())
            .into();
        if !same || now >= self.expires_at {
            return Err(FlowError::Expired);
        }
        Ok(())
    }

    /// The stored hash of this flow's token: two flows with the same hash are the same flow.
    pub fn token_hash(&self) -> &str {
        &self.token_hash
    }

    fn is_decoy(&self) -> bool {
        self.subject == Subject::Decoy
    }

    /// The methods still to choose from.
    fn remaining(&self) -> Vec<MethodOffer> {
        self.offers
            .iter()
            .filter(|o| !self.verified.contains(&o.method))
            .cloned()
            .collect()
    }

    /// Whether the proofs so far are enough ([`crate::policy::enough_proofs`]; the flow
    /// offers only allowed methods and records each proved method once).
    pub fn is_satisfied(&self) -> bool {
        crate::policy::enough_proofs(&self.verified, self.settings.required)
    }

    /// What the widget shows now.
    pub fn step(&self) -> Step {
        let destination = |method: Method| {
            self.offers
                .iter()
                .find(|o| o.method == method)
                .map(|o| o.destination.clone())
                .unwrap_or_default()
        };
        match &self.stage {
            Stage::ChooseMethod => Step::ChooseMethod {
                methods: self.remaining(),
                verified: self.verified.len() as u8,
                required: self.settings.required,
            },
            Stage::VerifyCode { method, challenge } => Step::VerifyCode {
                channel: channel(*method),
                destination: destination(*method),
                code_length: self.settings.code.digits,
                tries_left: challenge.tries_left(),
                resend_at: challenge.issued_at() + self.settings.resend_cooldown_ms,
            },
            Stage::VerifyTotp => Step::VerifyTotp,
            Stage::AnswerQuestions { questions, .. } => Step::AnswerQuestions {
                questions: questions.clone(),
            },
            Stage::AwaitApproval { challenge } => Step::AwaitApproval {
                number: challenge.number(),
            },
            Stage::UnlockReady | Stage::Pending { .. } => Step::Pending,
            Stage::NewPassword => Step::NewPassword {
                rules: self.settings.password,
            },
            Stage::Done => Step::Done,
            Stage::Held { until, helpdesk } => Step::Reported {
                until: *until,
                helpdesk: helpdesk.clone(),
            },
        }
    }

    /// The reply for the flow as it stands, carrying `token` while the flow goes on, and why
    /// the last change was not applied, if it was not.
    pub fn reply(&self, token: &str) -> Reply {
        match self.stage {
            Stage::Done => Reply::step(None, Step::Done, None),
            Stage::Held { until, .. } => Reply {
                error: Some((&FlowError::ReportedCompromise { until }).into()),
                ..Reply::step(None, self.step(), None)
            },
            _ => Reply {
                error: self.failure.clone(),
                ..Reply::step(Some(token.to_owned()), self.step(), Some(self.expires_at))
            },
        }
    }

    /// The reply for `err`: the current step with the error, or back to the start when the
    /// flow cannot go on.
    pub fn error_reply(&self, token: &str, err: &FlowError) -> Reply {
        let mut reply = if err.ends_flow() {
            Reply::step(None, Step::Identify, None)
        } else {
            self.reply(token)
        };
        reply.error = Some(err.into());
        reply
    }

    /// Chooses the next method to prove, from any proving step (switching abandons the
    /// current challenge). Returns what to send.
    pub fn choose(
        &mut self,
        method: Method,
        code_key: &[u8],
        proofs: Proofs<'_>,
        now: UnixMillis,
        fill: &mut dyn FnMut(&mut [u8]),
    ) -> Result<Vec<Effect>, FlowError> {
        self.check_alive(now)?;
        if matches!(
            self.stage,
            Stage::NewPassword | Stage::UnlockReady | Stage::Pending { .. } | Stage::Done
        ) {
            return Err(FlowError::WrongStep);
        }
        if !self.remaining().iter().any(|o| o.method == method) {
            return Err(FlowError::MethodNotOffered);
        }
        let decoy = self.is_decoy();
        let (stage, effects) = match method {
            Method::EmailCode | Method::SmsCode => {
                if decoy {
                    (
                        Stage::VerifyCode {
                            method,
                            challenge: CodeChallenge::unmatchable(self.settings.code, now, fill),
                        },
                        Vec::new(),
                    )
                } else {
                    let (challenge, code) = CodeChallenge::issue(
                        code_key,
                        self.token_hash.as_bytes(),
                        self.settings.code,
                        now,
                        fill,
                    );
                    (
                        Stage::VerifyCode { method, challenge },
                        vec![Effect::SendCode { method, code }],
                    )
                }
            }
            Method::Authenticator => (Stage::VerifyTotp, Vec::new()),
            Method::SecurityQuestions => {
                let count = self.settings.questions_asked;
                let (asked, questions) = match (decoy, proofs.questions) {
                    (false, Some(registered)) => {
                        let asked = registered.draw(count, fill);
                        let all = registered.questions();
                        let questions = asked.iter().map(|i| all[*i].clone()).collect();
                        (asked, questions)
                    }
                    // Decoys (and users without questions, who are never offered them) get
                    // predefined questions drawn at random, which no answer satisfies.
                    _ => (Vec::new(), decoy_questions(count, fill)),
                };
                (Stage::AnswerQuestions { asked, questions }, Vec::new())
            }
            Method::AppNotification => {
                let challenge = ApprovalChallenge::issue(now, fill);
                let effects = if decoy {
                    Vec::new()
                } else {
                    vec![Effect::SendApproval {
                        number: challenge.number(),
                        choices: challenge.choices(),
                    }]
                };
                (Stage::AwaitApproval { challenge }, effects)
            }
        };
        self.stage = stage;
        // Why the last approval failed was said; a new choice starts afresh.
        self.failure = None;
        Ok(effects)
    }

    /// Checks a typed email or SMS code.
    pub fn submit_code(
        &mut self,
        code_key: &[u8],
        input: &str,
        now: UnixMillis,
    ) -> Result<(), FlowError> {
        self.check_alive(now)?;
        let Stage::VerifyCode { method, challenge } = &mut self.stage else {
            return Err(FlowError::WrongStep);
        };
        let method = *method;
        let code = OtpCode::parse(input, challenge.digits())?;
        challenge.verify(code_key, self.token_hash.as_bytes(), &code, now)?;
        // A decoy's challenge never matches, so only real users get here.
        self.proved(method)
    }

    /// Checks an authenticator code against the user's credential (`None` for decoys, which
    /// never match). The caller stores the credential afterwards: its last step moved on.
    pub fn submit_totp(
        &mut self,
        credential: Option<&mut TotpCredential>,
        input: &str,
        now: UnixMillis,
    ) -> Result<(), FlowError> {
        self.check_alive(now)?;
        if self.stage != Stage::VerifyTotp {
            return Err(FlowError::WrongStep);
        }
        match credential {
            Some(credential) if !self.is_decoy() && credential.confirmed() => {
                credential.verify(input, now)?;
            }
            _ => {
                let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
                if digits.len() != 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(TotpError::InvalidFormat.into());
                }
                return Err(TotpError::Mismatch.into());
            }
        }
        self.proved(Method::Authenticator)
    }

    /// Checks answers to the questions asked. A wrong set draws new questions.
    pub fn submit_answers(
        &mut self,
        proofs: Proofs<'_>,
        answers: &[String],
        now: UnixMillis,
        fill: &mut dyn FnMut(&mut [u8]),
    ) -> Result<(), FlowError> {
        self.check_alive(now)?;
        let Stage::AnswerQuestions { asked, questions } = &self.stage else {
            return Err(FlowError::WrongStep);
        };
        if answers.len() != questions.len() {
            return Err(QuestionError::NotAsked.into());
        }
        let result = match (self.is_decoy(), proofs.questions) {
            (false, Some(registered)) if !asked.is_empty() => registered.check(asked, answers),
            _ => Err(QuestionError::Wrong),
        };
        match result {
            Ok(()) => self.proved(Method::SecurityQuestions),
            Err(err) => {
                // Redraw, so a guesser does not get to work on the same questions.
                self.choose(Method::SecurityQuestions, &[], proofs, now, fill)?;
                Err(err.into())
            }
        }
    }

    /// The phone answered the approval request: the number picked, or `None` for a denial.
    /// Anything but the right number sends the user back to choose another method, with why
    /// in [`ResetFlow::failure`] so the polling widget can say it.
    pub fn approval_answered(
        &mut self,
        picked: Option<u8>,
        now: UnixMillis,
    ) -> Result<(), FlowError> {
        self.check_alive(now)?;
        let Stage::AwaitApproval { challenge } = &mut self.stage else {
            return Err(FlowError::WrongStep);
        };
        match challenge.answer(picked, now) {
            Ok(()) if !self.is_decoy() => self.proved(Method::AppNotification),
            Ok(()) => Err(ApprovalError::WrongNumber.into()),
            Err(err) => {
                let err = FlowError::from(err);
                self.stage = Stage::ChooseMethod;
                self.failure = Some((&err).into());
                Err(err)
            }
        }
    }

    /// The id of the open approval request, which the phone quotes in its answer: derived
    /// from the flow's token hash and the request's expiry, so it names this request only
    /// and tells nothing of the token.
    fn approval_id(&self, challenge: &ApprovalChallenge) -> String {
        use sha2::{Digest, Sha256};
        let digest = Sha256::digest(format!(
            "sspr-approval:{}:{}",
            self.token_hash,
            challenge.expires_at()
        ));
        hex::encode(&digest[..16])
    }

    /// The approval request open at `now`, as the user's phone shows it: `None` unless the
    /// flow waits for an approval that is unanswered and unexpired (and never for a decoy,
    /// which has no phone).
    ///
    /// ```
    /// use sspr_core::api::{MethodOffer, Step};
    /// use sspr_core::flow::{FlowKind, Proofs, ResetFlow, ResetSettings, Subject};
    /// use sspr_core::policy::Method;
    /// use sspr_core::token::FlowToken;
    ///
    /// let mut n = 0u8;
    /// let mut random = |buf: &mut [u8]| buf.iter_mut().for_each(|b| { n = n.wrapping_add(53); *b = n });
    /// let token = FlowToken::new(vec![1; 32], &mut random);
    /// let user = Subject::User { user_id: "u1".into(), personal: Default::default(), contact: None, phone: None };
    /// let offers = vec![MethodOffer::new(Method::AppNotification, "")];
    /// let mut flow = ResetFlow::start(
    ///     FlowKind::Reset, &token, user, offers, ResetSettings::default(), b"k", Proofs::default(), 0, &mut random,
    /// ).flow;
    /// let Step::AwaitApproval { number } = flow.step() else { unreachable!() };
    /// let request = flow.approval_request(1_000).unwrap();
    /// assert!(request.choices.contains(&number));
    /// flow.answer_approval(&request.challenge, Some(number), 2_000).unwrap();
    /// assert!(matches!(flow.step(), Step::NewPassword { .. }));
    /// assert!(flow.approval_request(3_000).is_none());
    /// ```
    pub fn approval_request(&self, now: UnixMillis) -> Option<crate::api::ApprovalRequest> {
        let Stage::AwaitApproval { challenge } = &self.stage else {
            return None;
        };
        if self.is_decoy() || challenge.answered() || now >= challenge.expires_at() {
            return None;
        }
        Some(crate::api::ApprovalRequest {
            challenge: self.approval_id(challenge),
            kind: self.kind,
            requested_at: challenge.expires_at() - crate::methods::approval::LIFETIME_MS,
            expires_at: challenge.expires_at(),
            choices: challenge.choices(),
        })
    }

    /// The phone's answer to the request `challenge_id` ([`ResetFlow::approval_request`]):
    /// as [`ResetFlow::approval_answered`], once the id is checked.
    ///
    /// # Errors
    ///
    /// [`FlowError::NoApprovalPending`] when the flow waits for no approval or for another
    /// one; otherwise as [`ResetFlow::approval_answered`].
    pub fn answer_approval(
        &mut self,
        challenge_id: &str,
        picked: Option<u8>,
        now: UnixMillis,
    ) -> Result<(), FlowError> {
        self.check_alive(now)?;
        let Stage::AwaitApproval { challenge } = &self.stage else {
            return Err(FlowError::NoApprovalPending);
        };
        let id = self.approval_id(challenge);
        let same: bool = id.as_bytes().ct_eq(challenge_id.as_bytes()).into();
        if !same {
            return Err(FlowError::NoApprovalPending);
        }
        self.approval_answered(picked, now)
    }

    /// Ends an approval request nobody answered in time: back to the choice, with
    /// `approval_expired` for the widget. Returns whether it did. Not a failed proof.
    ///
    /// ```
    /// use sspr_core::api::{ErrorCode, MethodOffer, Step};
    /// use sspr_core::flow::{FlowKind, Proofs, ResetFlow, ResetSettings, Subject};
    /// use sspr_core::methods::approval::LIFETIME_MS;
    /// use sspr_core::policy::Method;
    /// use sspr_core::token::FlowToken;
    ///
    /// let mut n = 0u8;
    /// let mut random = |buf: &mut [u8]| buf.iter_mut().for_each(|b| { n = n.wrapping_add(53); *b = n });
    /// let token = FlowToken::new(vec![1; 32], &mut random);
    /// let user = Subject::User { user_id: "u1".into(), personal: Default::default(), contact: None, phone: None };
    /// let offers = vec![MethodOffer::new(Method::AppNotification, "")];
    /// let mut flow = ResetFlow::start(
    ///     FlowKind::Reset, &token, user, offers, ResetSettings::default(), b"k", Proofs::default(), 0, &mut random,
    /// ).flow;
    /// assert!(!flow.lapse_approval(LIFETIME_MS - 1));
    /// assert!(flow.lapse_approval(LIFETIME_MS));
    /// assert!(matches!(flow.step(), Step::ChooseMethod { .. }));
    /// assert_eq!(flow.failure().unwrap().code, ErrorCode::ApprovalExpired);
    /// ```
    pub fn lapse_approval(&mut self, now: UnixMillis) -> bool {
        let Stage::AwaitApproval { challenge } = &self.stage else {
            return false;
        };
        if challenge.answered() || now < challenge.expires_at() {
            return false;
        }
        self.stage = Stage::ChooseMethod;
        self.failure = Some((&FlowError::Approval(ApprovalError::Expired)).into());
        true
    }

    /// Counts a proof that passed; with a pause of self-service reset in force (see
    /// [`ResetFlow::hold`]) the flow ends instead, refused.
    fn proved(&mut self, method: Method) -> Result<(), FlowError> {
        if let Some(hold) = &self.hold {
            let until = hold.until;
            self.stage = Stage::Held {
                until,
                helpdesk: hold.helpdesk.clone(),
            };
            self.failure = None;
            return Err(FlowError::ReportedCompromise { until });
        }
        if !self.verified.contains(&method) {
            self.verified.push(method);
        }
        self.failure = None;
        self.stage = match (self.is_satisfied(), self.kind) {
            (true, FlowKind::Reset) => Stage::NewPassword,
            (true, FlowKind::Unlock) => Stage::UnlockReady,
            (false, _) => Stage::ChooseMethod,
        };
        Ok(())
    }

    /// Puts the flow under the pause of self-service reset in force at its start, which
    /// ends at `until` (the user reported a change they did not make; see
    /// [`crate::report`]). The flow goes on as any other, so that nothing about the account
    /// shows before a proof; the first proof that passes ends it in [`Stage::Held`] with
    /// [`FlowError::ReportedCompromise`], and the user is told to contact `helpdesk`.
    ///
    /// ```
    /// use sspr_core::api::{ErrorCode, MethodOffer, Step};
    /// use sspr_core::flow::{Effect, FlowError, FlowKind, Proofs, ResetFlow, ResetSettings, Subject};
    /// use sspr_core::policy::Method;
    /// use sspr_core::token::FlowToken;
    ///
    /// let mut random = |b: &mut [u8]| b.fill(3);
    /// let token = FlowToken::new(vec![1; 32], &mut random);
    /// let user = Subject::User { user_id: "u1".into(), personal: Default::default(), contact: None, phone: None };
    /// let offers = vec![MethodOffer::new(Method::EmailCode, "a•••@e•••.com")];
    /// let started = ResetFlow::start(
    ///     FlowKind::Reset, &token, user, offers, ResetSettings::default(), b"k", Proofs::default(), 0, &mut random,
    /// );
    /// let Some(Effect::SendCode { code, .. }) = started.effects.first() else { unreachable!() };
    /// let code = code.expose().to_owned();
    /// let mut flow = started.flow;
    /// flow.hold(86_400_000, None);
    /// assert!(matches!(flow.step(), Step::VerifyCode { .. })); // looks like any other flow
    ///
    /// let err = flow.submit_code(b"k", &code, 1_000).unwrap_err();
    /// assert_eq!(err, FlowError::ReportedCompromise { until: 86_400_000 });
    /// assert!(!err.ends_flow() && !err.is_failed_proof());
    /// let reply = flow.reply("t");
    /// assert_eq!(reply.step, Some(Step::Reported { until: 86_400_000, helpdesk: None }));
    /// assert_eq!(reply.error.unwrap().code, ErrorCode::ReportedCompromise);
    /// assert_eq!(reply.flow, None);
    /// ```
    pub fn hold(&mut self, until: UnixMillis, helpdesk: Option<String>) {
        self.hold = Some(FlowHold { until, helpdesk });
    }

    /// The pause this flow runs under, if any.
    pub fn held(&self) -> Option<&FlowHold> {
        self.hold.as_ref()
    }

    /// Marks an unlock flow whose proofs are done pending under `operation_id`, and returns
    /// the user to unlock.
    pub fn begin_unlock(
        &mut self,
        operation_id: String,
        now: UnixMillis,
    ) -> Result<String, FlowError> {
        self.check_alive(now)?;
        let (Stage::UnlockReady, Subject::User { user_id, .. }) = (&self.stage, &self.subject)
        else {
            return Err(FlowError::WrongStep);
        };
        let user_id = user_id.clone();
        self.pend(operation_id, now);
        Ok(user_id)
    }

    /// Whether this flow, at `now`, would take `input` as its new password: it is waiting
    /// for one and `input` passes `checker`. Changes nothing; the edge asks before the checks
    /// that need the network (Pwned Passwords), then calls [`ResetFlow::begin_password`].
    pub fn password_candidate(
        &self,
        checker: &PasswordChecker,
        input: &str,
        now: UnixMillis,
    ) -> Result<NewPassword, FlowError> {
        self.check_alive(now)?;
        let (Stage::NewPassword, Subject::User { personal, .. }) = (&self.stage, &self.subject)
        else {
            return Err(FlowError::WrongStep);
        };
        Ok(checker.check(input, personal)?)
    }

    /// Accepts a new password that passes `checker` and marks the flow pending under
    /// `operation_id`. At most one password is in flight: a second call while pending fails.
    pub fn begin_password(
        &mut self,
        checker: &PasswordChecker,
        input: &str,
        operation_id: String,
        now: UnixMillis,
    ) -> Result<(String, NewPassword), FlowError> {
        let password = self.password_candidate(checker, input, now)?;
        let Subject::User { user_id, .. } = &self.subject else {
            return Err(FlowError::WrongStep);
        };
        let user_id = user_id.clone();
        self.pend(operation_id, now);
        Ok((user_id, password))
    }

    /// PENDING under `operation_id`, the first attempt about to be made (in flight, watched
    /// from `now`); the last failure is forgotten.
    fn pend(&mut self, operation_id: String, now: UnixMillis) {
        self.stage = Stage::Pending {
            operation_id,
            attempts: 0,
            retry_at: Some(now + crate::outbox::ATTEMPT_WATCHDOG_MS),
        };
        self.failure = None;
    }

    /// The backend applied the password (or the unlock): the flow is over. Returns the
    /// notices the policy asks for: to the user, when an address is known; to the other
    /// administrators, when an administrator's password was reset.
    pub fn password_applied(&mut self) -> Vec<Effect> {
        self.stage = Stage::Done;
        let Subject::User { contact, .. } = &self.subject else {
            return Vec::new();
        };
        let mut notices = Vec::new();
        if let (true, Some(to)) = (self.settings.notify_user, contact) {
            let notice = match self.kind {
                FlowKind::Reset => Notice::PasswordChanged,
                FlowKind::Unlock => Notice::AccountUnlocked,
            };
            notices.push(Effect::Notify {
                to: to.clone(),
                notice,
                language: self.language,
            });
        }
        if let (true, FlowKind::Reset, Some(admin)) = (
            self.settings.notify_admins_on_admin_reset,
            self.kind,
            &self.admin,
        ) {
            notices.push(Effect::NotifyAdmins {
                admin: admin.clone(),
                except: contact.clone(),
            });
        }
        notices
    }

    fn check_alive(&self, now: UnixMillis) -> Result<(), FlowError> {
        if now >= self.expires_at {
            Err(FlowError::Expired)
        } else if let Stage::Held { until, .. } = self.stage {
            Err(FlowError::ReportedCompromise { until })
        } else {
            Ok(())
        }
    }
}

/// `count` distinct predefined questions drawn at random, for decoys.
fn decoy_questions(count: u8, fill: &mut dyn FnMut(&mut [u8])) -> Vec<Question> {
    let mut keys: Vec<&str> = PREDEFINED_QUESTIONS.to_vec();
    let take = usize::from(count).min(keys.len());
    for i in 0..take {
        let pick = crate::methods::uniform_below((keys.len() - i) as u32, fill) as usize;
        keys.swap(i, i + pick);
    }
    keys[..take]
        .iter()
        .map(|k| Question::Predefined((*k).to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::methods::code::test_fill;
    use crate::methods::questions::AnswerInput;
    use crate::policy::SecurityQuestions;
    use proptest::prelude::*;

    const KEY: &[u8] = b"code-key-code-key-code-key-code-";
    const T0: UnixMillis = 1_700_000_000_000;

    fn start(subject: Subject, seed: u64) -> (FlowToken, ResetFlow, Option<OtpCode>) {
        let mut fill = test_fill(seed);
        let token = FlowToken::new(vec![9; 32], &mut fill);
        let started = ResetFlow::start(
            FlowKind::Reset,
            &token,
            subject,
            vec![MethodOffer::new(Method::EmailCode, "a•••@e•••.com")],
            ResetSettings::default(),
            KEY,
            Proofs::default(),
            T0,
            &mut fill,
        );
        let code = started.code_to_send().cloned();
        (token, started.flow, code)
    }

    fn user() -> Subject {
        Subject::User {
            user_id: "u-alice".into(),
            personal: PersonalInfo::new("alice", Some("Alice Martin"), Some("alice@example.com")),
            contact: Some("alice@example.com".into()),
            phone: None,
        }
    }

    #[test]
    fn an_applied_reset_or_unlock_notifies_the_user() {
        let (_, mut flow, code) = start(user(), 1);
        flow.submit_code(KEY, code.unwrap().expose(), T0 + 1)
            .unwrap();
        flow.begin_password(&checker(), "a good new password", "op".into(), T0 + 2)
            .unwrap();
        flow.language = Language::from_tag("de").unwrap();
        assert_eq!(
            flow.password_applied(),
            vec![Effect::Notify {
                to: "alice@example.com".into(),
                notice: Notice::PasswordChanged,
                language: Language::from_tag("de").unwrap(),
            }]
        );
        let (mut unlock, code) = start_unlock(2);
        unlock.submit_code(KEY, code.expose(), T0 + 1).unwrap();
        unlock.begin_unlock("op".into(), T0 + 2).unwrap();
        assert!(matches!(
            unlock.password_applied().as_slice(),
            [Effect::Notify {
                notice: Notice::AccountUnlocked,
                ..
            }]
        ));
    }

    #[test]
    fn no_notice_when_the_policy_turns_them_off() {
        let (_, mut flow, _) = start(user(), 3);
        flow.settings.notify_user = false;
        assert_eq!(flow.password_applied(), vec![]);
    }

    #[test]
    fn an_administrators_reset_notifies_the_other_administrators() {
        let (_, mut flow, _) = start(user(), 4);
        flow.admin = Some("Alice Admin".into());
        let notices = flow.password_applied();
        assert_eq!(notices.len(), 2, "{notices:?}");
        assert_eq!(
            notices[1],
            Effect::NotifyAdmins {
                admin: "Alice Admin".into(),
                except: Some("alice@example.com".into()),
            }
        );
    }

    #[test]
    fn no_admin_notice_when_the_policy_turns_it_off() {
        let (_, mut flow, _) = start(user(), 5);
        flow.admin = Some("Alice Admin".into());
        flow.settings.notify_admins_on_admin_reset = false;
        let notices = flow.password_applied();
        assert!(
            !notices
                .iter()
                .any(|n| matches!(n, Effect::NotifyAdmins { .. })),
            "{notices:?}"
        );
    }

    #[test]
    fn no_admin_notice_for_a_user_or_an_unlock() {
        let (_, mut flow, _) = start(user(), 6);
        assert_eq!(flow.password_applied().len(), 1, "not an administrator");
        let (mut unlock, _) = start_unlock(7);
        unlock.admin = Some("Alice Admin".into());
        assert_eq!(
            unlock.password_applied().len(),
            1,
            "an unlock changes no password"
        );
    }

    fn checker() -> PasswordChecker {
        PasswordChecker::new(
            PasswordRules::default(),
            crate::password::banned::BannedTerms::new(["contoso"]),
        )
    }

    #[test]
    fn the_new_password_is_checked_against_the_users_names_and_banned_terms() {
        let (_, mut flow, code) = start(user(), 1);
        flow.submit_code(KEY, code.unwrap().expose(), T0 + 1)
            .unwrap();
        let named = flow.begin_password(&checker(), "alice2024!!", "op".into(), T0 + 2);
        assert!(matches!(
            named,
            Err(FlowError::Password(PasswordError::PersonalInfo { .. }))
        ));
        let banned = flow.begin_password(&checker(), "C0ntoso123", "op".into(), T0 + 2);
        assert!(matches!(
            banned,
            Err(FlowError::Password(PasswordError::Banned { .. }))
        ));
        assert_eq!(flow.stage, Stage::NewPassword);
    }

    #[test]
    fn a_real_user_gets_a_code_and_a_decoy_does_not() {
        assert!(start(user(), 1).2.is_some());
        assert!(start(Subject::Decoy, 1).2.is_none());
    }

    #[test]
    fn the_right_code_leads_to_the_new_password_step() {
        let (_, mut flow, code) = start(user(), 1);
        flow.submit_code(KEY, code.unwrap().expose(), T0 + 1)
            .unwrap();
        assert!(matches!(flow.step(), Step::NewPassword { .. }));
    }

    #[test]
    fn a_password_cannot_be_set_before_the_code_is_verified() {
        let (_, mut flow, _) = start(user(), 1);
        let result = flow.begin_password(&checker(), "a good password", "op".into(), T0 + 1);
        assert_eq!(result.unwrap_err(), FlowError::WrongStep);
    }

    #[test]
    fn a_short_password_keeps_the_flow_at_the_new_password_step() {
        let (_, mut flow, code) = start(user(), 1);
        flow.submit_code(KEY, code.unwrap().expose(), T0 + 1)
            .unwrap();
        let err = flow
            .begin_password(&checker(), "short", "op".into(), T0 + 2)
            .unwrap_err();
        assert!(matches!(
            err,
            FlowError::Password(PasswordError::TooShort { .. })
        ));
        assert_eq!(flow.stage, Stage::NewPassword);
    }

    #[test]
    fn only_one_password_is_in_flight() {
        let (_, mut flow, code) = start(user(), 1);
        flow.submit_code(KEY, code.unwrap().expose(), T0 + 1)
            .unwrap();
        let (user_id, _) = flow
            .begin_password(&checker(), "first password", "op1".into(), T0 + 2)
            .unwrap();
        assert_eq!(user_id, "u-alice");
        let second = flow.begin_password(&checker(), "second password", "op2".into(), T0 + 3);
        assert_eq!(second.unwrap_err(), FlowError::WrongStep);
    }

    #[test]
    fn a_rejected_password_can_be_replaced_without_verifying_again() {
        let (_, mut flow, code) = start(user(), 1);
        flow.submit_code(KEY, code.unwrap().expose(), T0 + 1)
            .unwrap();
        flow.begin_password(&checker(), "first password", "op1".into(), T0 + 2)
            .unwrap();
        let refused = crate::outbox::AttemptResult::Rejected("used recently".into());
        flow.attempted(refused, &Default::default(), T0 + 3, 0)
            .unwrap();
        assert!(
            flow.begin_password(&checker(), "second password", "op2".into(), T0 + 3)
                .is_ok()
        );
    }

    #[test]
    fn an_applied_password_ends_the_flow_without_a_token() {
        let (token, mut flow, code) = start(user(), 1);
        flow.submit_code(KEY, code.unwrap().expose(), T0 + 1)
            .unwrap();
        flow.begin_password(&checker(), "first password", "op1".into(), T0 + 2)
            .unwrap();
        flow.password_applied();
        let reply = flow.reply(&token.encode());
        assert_eq!(reply.step, Some(Step::Done));
        assert_eq!(reply.flow, None);
    }

    #[test]
    fn the_flow_dies_after_fifteen_minutes() {
        let (token, mut flow, code) = start(user(), 1);
        let late = T0 + FLOW_LIFETIME_MS;
        assert_eq!(flow.authorize(&token, late), Err(FlowError::Expired));
        assert_eq!(
            flow.submit_code(KEY, code.unwrap().expose(), late),
            Err(FlowError::Expired)
        );
    }

    #[test]
    fn another_token_is_not_authorized() {
        let (token, flow, _) = start(user(), 1);
        let (other, _, _) = start(user(), 2);
        assert_eq!(flow.authorize(&token, T0), Ok(()));
        assert_eq!(flow.authorize(&other, T0), Err(FlowError::Expired));
    }

    #[test]
    fn exhausting_the_tries_sends_the_user_back_to_the_start() {
        let (token, mut flow, _) = start(Subject::Decoy, 1);
        let mut last = None;
        for _ in 0..6 {
            last = flow.submit_code(KEY, "000000", T0 + 1).err();
        }
        let err = last.unwrap();
        assert_eq!(err, FlowError::Code(CodeError::AttemptsExhausted));
        let reply = flow.error_reply(&token.encode(), &err);
        assert_eq!(reply.step, Some(Step::Identify));
        assert_eq!(reply.error.unwrap().code, ErrorCode::CodeAttemptsExhausted);
    }

    #[test]
    fn a_mismatch_reply_keeps_the_step_and_says_how_many_tries_are_left() {
        let (token, mut flow, _) = start(Subject::Decoy, 1);
        let err = flow.submit_code(KEY, "000000", T0 + 1).unwrap_err();
        let reply = flow.error_reply(&token.encode(), &err);
        assert!(matches!(
            reply.step,
            Some(Step::VerifyCode { tries_left: 4, .. })
        ));
        assert_eq!(reply.error.unwrap().tries_left, Some(4));
        assert_eq!(reply.flow, Some(token.encode()));
    }

    fn start_unlock(seed: u64) -> (ResetFlow, OtpCode) {
        let mut fill = test_fill(seed);
        let token = FlowToken::new(vec![9; 32], &mut fill);
        let offers = vec![MethodOffer::new(Method::EmailCode, "a•••@e•••.com")];
        let started = ResetFlow::start(
            FlowKind::Unlock,
            &token,
            user(),
            offers,
            ResetSettings::default(),
            KEY,
            Proofs::default(),
            T0,
            &mut fill,
        );
        let code = started.code_to_send().cloned().unwrap();
        (started.flow, code)
    }

    #[test]
    fn an_unlock_flow_ends_in_the_unlock_not_a_new_password() {
        let (mut flow, code) = start_unlock(1);
        flow.submit_code(KEY, code.expose(), T0 + 1).unwrap();
        assert_eq!(flow.step(), Step::Pending);
        assert_eq!(
            flow.begin_password(&checker(), "a new password here", "op".into(), T0 + 2)
                .unwrap_err(),
            FlowError::WrongStep
        );
        assert_eq!(
            flow.begin_unlock("op".into(), T0 + 2),
            Ok("u-alice".to_owned())
        );
        assert_eq!(
            flow.begin_unlock("op2".into(), T0 + 3),
            Err(FlowError::WrongStep)
        );
        flow.password_applied();
        assert_eq!(flow.step(), Step::Done);
    }

    #[test]
    fn an_unlock_cannot_begin_before_the_proofs() {
        let (mut flow, _) = start_unlock(2);
        assert_eq!(
            flow.begin_unlock("op".into(), T0 + 1),
            Err(FlowError::WrongStep)
        );
    }

    #[test]
    fn a_failed_unlock_can_be_tried_again_without_new_proofs() {
        let (mut flow, code) = start_unlock(3);
        flow.submit_code(KEY, code.expose(), T0 + 1).unwrap();
        flow.begin_unlock("op".into(), T0 + 2).unwrap();
        let late = flow.expires_at - 1;
        let down = crate::outbox::AttemptResult::Unavailable {
            retry_after_ms: None,
        };
        flow.attempted(down, &Default::default(), late, 0).unwrap();
        assert_eq!(flow.stage, Stage::UnlockReady);
        assert!(flow.begin_unlock("op2".into(), T0 + 3).is_ok());
    }

    /// A flow offering several methods, with everything a real user registered.
    struct Many {
        token: FlowToken,
        flow: ResetFlow,
        totp: TotpCredential,
        questions: RegisteredQuestions,
    }

    fn many(subject: Subject, methods: &[Method], required: u8, seed: u64) -> Many {
        let mut fill = test_fill(seed);
        let token = FlowToken::new(vec![9; 32], &mut fill);
        let mut totp = TotpCredential::enrol(&mut fill);
        let code = totp.code_at(T0 - 60_000);
        totp.verify(&code, T0 - 60_000).unwrap();
        let inputs: Vec<AnswerInput> = [
            ("first_pet_name", "Rex"),
            ("city_born", "Oslo"),
            ("first_car_model", "Beetle"),
        ]
        .iter()
        .map(|(key, answer)| AnswerInput {
            question: Question::Predefined((*key).into()),
            answer: (*answer).into(),
            confirmation: (*answer).into(),
        })
        .collect();
        // Registering hashes three answers with Argon2id: do it once for all tests.
        static REGISTERED: std::sync::OnceLock<RegisteredQuestions> = std::sync::OnceLock::new();
        let questions = REGISTERED
            .get_or_init(|| {
                RegisteredQuestions::register(
                    &SecurityQuestions::default(),
                    &inputs,
                    &mut test_fill(0),
                )
                .unwrap()
            })
            .clone();
        let offers = methods
            .iter()
            .map(|m| MethodOffer::new(*m, "x•••"))
            .collect();
        let settings = ResetSettings {
            required,
            ..ResetSettings::default()
        };
        let proofs = Proofs {
            questions: Some(&questions),
        };
        let started = ResetFlow::start(
            FlowKind::Reset,
            &token,
            subject,
            offers,
            settings,
            KEY,
            proofs,
            T0,
            &mut fill,
        );
        Many {
            token,
            flow: started.flow,
            totp,
            questions,
        }
    }

    fn sent_code(effects: &[Effect]) -> String {
        match effects {
            [Effect::SendCode { code, .. }] => code.expose().to_owned(),
            other => panic!("expected one code, got {other:?}"),
        }
    }

    fn right_answers(flow: &ResetFlow) -> Vec<String> {
        let Stage::AnswerQuestions { questions, .. } = &flow.stage else {
            panic!("not asking")
        };
        questions
            .iter()
            .map(|q| match q {
                Question::Predefined(k) if k == "first_pet_name" => "rex".to_owned(),
                Question::Predefined(k) if k == "city_born" => "oslo".to_owned(),
                _ => "beetle".to_owned(),
            })
            .collect()
    }

    #[test]
    fn with_several_methods_the_user_chooses_first() {
        let m = many(user(), &[Method::EmailCode, Method::SmsCode], 2, 1);
        assert!(matches!(
            m.flow.step(),
            Step::ChooseMethod {
                verified: 0,
                required: 2,
                ..
            }
        ));
    }

    #[test]
    fn two_required_methods_must_be_distinct() {
        let mut m = many(user(), &[Method::EmailCode, Method::SmsCode], 2, 1);
        let mut fill = test_fill(9);
        let code = sent_code(
            &m.flow
                .choose(Method::EmailCode, KEY, Proofs::default(), T0, &mut fill)
                .unwrap(),
        );
        m.flow.submit_code(KEY, &code, T0 + 1).unwrap();
        let Step::ChooseMethod {
            methods,
            verified: 1,
            ..
        } = m.flow.step()
        else {
            panic!("{:?}", m.flow.step())
        };
        assert_eq!(methods, vec![MethodOffer::new(Method::SmsCode, "x•••")]);
        assert_eq!(
            m.flow
                .choose(Method::EmailCode, KEY, Proofs::default(), T0 + 2, &mut fill),
            Err(FlowError::MethodNotOffered)
        );
        let effects = m
            .flow
            .choose(Method::SmsCode, KEY, Proofs::default(), T0 + 2, &mut fill)
            .unwrap();
        assert!(matches!(
            m.flow.step(),
            Step::VerifyCode {
                channel: Channel::Sms,
                ..
            }
        ));
        m.flow
            .submit_code(KEY, &sent_code(&effects), T0 + 3)
            .unwrap();
        assert!(matches!(m.flow.step(), Step::NewPassword { .. }));
    }

    #[test]
    fn a_user_can_switch_from_a_code_to_another_method() {
        let mut m = many(user(), &[Method::EmailCode, Method::SmsCode], 1, 11);
        let mut fill = test_fill(9);
        let emailed = sent_code(
            &m.flow
                .choose(Method::EmailCode, KEY, Proofs::default(), T0, &mut fill)
                .unwrap(),
        );
        // From the code screen, the user asks for a text instead.
        let texted = sent_code(
            &m.flow
                .choose(Method::SmsCode, KEY, Proofs::default(), T0 + 1, &mut fill)
                .unwrap(),
        );
        assert!(matches!(
            m.flow.step(),
            Step::VerifyCode {
                channel: Channel::Sms,
                ..
            }
        ));
        // The abandoned email code proves nothing any more (unless it happens to be the same).
        if emailed != texted {
            assert!(m.flow.submit_code(KEY, &emailed, T0 + 2).is_err());
        }
        m.flow.submit_code(KEY, &texted, T0 + 3).unwrap();
        assert_eq!(m.flow.verified, vec![Method::SmsCode]);
        assert!(matches!(m.flow.step(), Step::NewPassword { .. }));
    }

    #[test]
    fn switching_from_the_questions_or_the_authenticator_keeps_the_proofs_so_far() {
        let methods = [
            Method::EmailCode,
            Method::Authenticator,
            Method::SecurityQuestions,
        ];
        let mut m = many(user(), &methods, 2, 12);
        let mut fill = test_fill(9);
        let proofs = Proofs {
            questions: Some(&m.questions),
        };
        let code = sent_code(
            &m.flow
                .choose(Method::EmailCode, KEY, proofs, T0, &mut fill)
                .unwrap(),
        );
        m.flow.submit_code(KEY, &code, T0 + 1).unwrap();
        m.flow
            .choose(Method::SecurityQuestions, KEY, proofs, T0 + 2, &mut fill)
            .unwrap();
        // Questions → authenticator → questions → authenticator: each a switch, none a proof.
        m.flow
            .choose(Method::Authenticator, KEY, proofs, T0 + 3, &mut fill)
            .unwrap();
        assert_eq!(m.flow.step(), Step::VerifyTotp);
        m.flow
            .choose(Method::SecurityQuestions, KEY, proofs, T0 + 4, &mut fill)
            .unwrap();
        assert!(matches!(m.flow.step(), Step::AnswerQuestions { .. }));
        assert_eq!(m.flow.verified, vec![Method::EmailCode]);
        // The method proved already cannot be chosen again to stand for the second one.
        assert_eq!(
            m.flow
                .choose(Method::EmailCode, KEY, proofs, T0 + 5, &mut fill),
            Err(FlowError::MethodNotOffered)
        );
        assert!(matches!(m.flow.step(), Step::AnswerQuestions { .. }));
        m.flow
            .choose(Method::Authenticator, KEY, proofs, T0 + 6, &mut fill)
            .unwrap();
        let totp = m.totp.code_at(T0 + 6);
        m.flow
            .submit_totp(Some(&mut m.totp), &totp, T0 + 6)
            .unwrap();
        assert!(matches!(m.flow.step(), Step::NewPassword { .. }));
    }

    #[test]
    fn an_authenticator_code_proves_the_authenticator() {
        let mut m = many(user(), &[Method::Authenticator, Method::EmailCode], 2, 2);
        let mut fill = test_fill(9);
        m.flow
            .choose(Method::Authenticator, KEY, Proofs::default(), T0, &mut fill)
            .unwrap();
        assert_eq!(m.flow.step(), Step::VerifyTotp);
        let code = m.totp.code_at(T0);
        m.flow.submit_totp(Some(&mut m.totp), &code, T0).unwrap();
        assert_eq!(m.flow.verified, vec![Method::Authenticator]);
    }

    #[test]
    fn a_replayed_authenticator_code_is_a_failed_proof() {
        let mut m = many(user(), &[Method::Authenticator, Method::EmailCode], 2, 3);
        let mut fill = test_fill(9);
        m.flow
            .choose(Method::Authenticator, KEY, Proofs::default(), T0, &mut fill)
            .unwrap();
        let old = m.totp.code_at(T0 - 60_000);
        let err = m
            .flow
            .submit_totp(Some(&mut m.totp), &old, T0 - 30_000)
            .unwrap_err();
        assert!(err.is_failed_proof(), "{err:?}");
    }

    #[test]
    fn security_questions_alone_never_reach_the_password_step() {
        let mut m = many(
            user(),
            &[Method::SecurityQuestions, Method::EmailCode],
            1,
            4,
        );
        let mut fill = test_fill(9);
        let proofs = Proofs {
            questions: Some(&m.questions),
        };
        m.flow
            .choose(Method::SecurityQuestions, KEY, proofs, T0, &mut fill)
            .unwrap();
        let answers = right_answers(&m.flow);
        m.flow
            .submit_answers(proofs, &answers, T0 + 1, &mut fill)
            .unwrap();
        assert!(matches!(
            m.flow.step(),
            Step::ChooseMethod { verified: 1, .. }
        ));
    }

    #[test]
    fn a_wrong_answer_draws_new_questions() {
        let mut m = many(
            user(),
            &[Method::SecurityQuestions, Method::EmailCode],
            2,
            5,
        );
        let mut fill = test_fill(9);
        let proofs = Proofs {
            questions: Some(&m.questions),
        };
        m.flow
            .choose(Method::SecurityQuestions, KEY, proofs, T0, &mut fill)
            .unwrap();
        let err = m.flow.submit_answers(
            proofs,
            &["a".into(), "b".into(), "c".into()],
            T0 + 1,
            &mut fill,
        );
        assert_eq!(err, Err(FlowError::Questions(QuestionError::Wrong)));
        assert!(matches!(m.flow.stage, Stage::AnswerQuestions { .. }));
        let answers = right_answers(&m.flow);
        assert_eq!(
            m.flow.submit_answers(proofs, &answers, T0 + 2, &mut fill),
            Ok(())
        );
    }

    #[test]
    fn an_approval_with_the_right_number_proves_the_phone() {
        let mut m = many(user(), &[Method::AppNotification, Method::EmailCode], 2, 6);
        let mut fill = test_fill(9);
        let effects = m
            .flow
            .choose(
                Method::AppNotification,
                KEY,
                Proofs::default(),
                T0,
                &mut fill,
            )
            .unwrap();
        let [Effect::SendApproval { number, choices }] = effects.as_slice() else {
            panic!("{effects:?}")
        };
        assert!(choices.contains(number));
        assert_eq!(m.flow.step(), Step::AwaitApproval { number: *number });
        m.flow.approval_answered(Some(*number), T0 + 1).unwrap();
        assert_eq!(m.flow.verified, vec![Method::AppNotification]);
    }

    const HELD_UNTIL: UnixMillis = T0 + 7 * 24 * 60 * 60 * 1000;

    fn helpdesk() -> Option<String> {
        Some("https://help.contoso.example".into())
    }

    #[test]
    fn a_held_flow_refuses_the_first_passing_proof_and_stays_refused() {
        let (token, mut flow, code) = start(user(), 40);
        flow.hold(HELD_UNTIL, helpdesk());
        let err = flow
            .submit_code(KEY, code.unwrap().expose(), T0 + 1)
            .unwrap_err();
        assert_eq!(err, FlowError::ReportedCompromise { until: HELD_UNTIL });
        assert!(flow.verified.is_empty(), "the proof does not count");
        let reply = flow.error_reply(&token.encode(), &err);
        assert_eq!(reply.flow, None, "no token to go on with");
        assert_eq!(
            reply.step,
            Some(Step::Reported {
                until: HELD_UNTIL,
                helpdesk: helpdesk()
            })
        );
        let error = reply.error.unwrap();
        assert_eq!(error.code, ErrorCode::ReportedCompromise);
        assert_eq!(error.retry_at, Some(HELD_UNTIL));
        assert!(error.message.contains("helpdesk"), "{}", error.message);
        // Nothing else moves it on, and every request hears why.
        let mut fill = test_fill(41);
        assert_eq!(
            flow.choose(Method::EmailCode, KEY, Proofs::default(), T0 + 2, &mut fill),
            Err(FlowError::ReportedCompromise { until: HELD_UNTIL })
        );
        assert!(matches!(
            flow.begin_password(&checker(), "a good new password", "op".into(), T0 + 3),
            Err(FlowError::ReportedCompromise { .. })
        ));
        assert_eq!(
            flow.reply("t").error.unwrap().code,
            ErrorCode::ReportedCompromise
        );
        // A held flow still expires like any other.
        assert_eq!(
            flow.submit_code(KEY, "123456", flow.expires_at),
            Err(FlowError::Expired)
        );
    }

    #[test]
    fn a_wrong_code_in_a_held_flow_is_a_failed_proof_like_any_other() {
        let (_, mut flow, code) = start(user(), 42);
        flow.hold(HELD_UNTIL, None);
        let code = code.unwrap();
        let wrong = if code.expose() == "000000" {
            "111111"
        } else {
            "000000"
        };
        let err = flow.submit_code(KEY, wrong, T0 + 1).unwrap_err();
        assert!(err.is_failed_proof(), "{err:?}");
        assert!(matches!(
            flow.step(),
            Step::VerifyCode { tries_left: 4, .. }
        ));
    }

    #[test]
    fn a_held_unlock_is_refused_too() {
        let (mut unlock, code) = start_unlock(43);
        unlock.hold(HELD_UNTIL, None);
        assert_eq!(
            unlock.submit_code(KEY, code.expose(), T0 + 1),
            Err(FlowError::ReportedCompromise { until: HELD_UNTIL })
        );
        assert_eq!(
            unlock.begin_unlock("op".into(), T0 + 2),
            Err(FlowError::ReportedCompromise { until: HELD_UNTIL })
        );
    }

    #[test]
    fn a_held_flow_refuses_a_phones_approval() {
        let mut m = many(user(), &[Method::AppNotification, Method::EmailCode], 2, 44);
        m.flow.hold(HELD_UNTIL, None);
        let mut fill = test_fill(9);
        let effects = m
            .flow
            .choose(
                Method::AppNotification,
                KEY,
                Proofs::default(),
                T0,
                &mut fill,
            )
            .unwrap();
        let [Effect::SendApproval { number, .. }] = effects.as_slice() else {
            panic!("{effects:?}")
        };
        assert_eq!(
            m.flow.approval_answered(Some(*number), T0 + 1),
            Err(FlowError::ReportedCompromise { until: HELD_UNTIL })
        );
        // The widget polling the flow hears it.
        assert!(matches!(m.flow.step(), Step::Reported { .. }));
    }

    #[test]
    fn a_held_flow_survives_storage() {
        let (_, mut flow, code) = start(user(), 45);
        flow.hold(HELD_UNTIL, helpdesk());
        let json = serde_json::to_string(&flow).unwrap();
        let mut back: ResetFlow = serde_json::from_str(&json).unwrap();
        assert_eq!(back.held().unwrap().until, HELD_UNTIL);
        back.submit_code(KEY, code.unwrap().expose(), T0 + 1)
            .unwrap_err();
        let json = serde_json::to_string(&back).unwrap();
        let stored: ResetFlow = serde_json::from_str(&json).unwrap();
        assert_eq!(stored.stage, back.stage);
    }

    #[test]
    fn a_denied_approval_sends_the_user_back_to_choose() {
        let mut m = many(user(), &[Method::AppNotification, Method::EmailCode], 2, 7);
        let mut fill = test_fill(9);
        m.flow
            .choose(
                Method::AppNotification,
                KEY,
                Proofs::default(),
                T0,
                &mut fill,
            )
            .unwrap();
        let err = m.flow.approval_answered(None, T0 + 1).unwrap_err();
        assert!(err.is_failed_proof());
        assert!(matches!(
            m.flow.step(),
            Step::ChooseMethod { verified: 0, .. }
        ));
    }

    fn awaiting_approval(seed: u64) -> Many {
        let mut m = many(
            user(),
            &[Method::AppNotification, Method::EmailCode],
            2,
            seed,
        );
        m.flow
            .choose(
                Method::AppNotification,
                KEY,
                Proofs::default(),
                T0,
                &mut test_fill(9),
            )
            .unwrap();
        m
    }

    #[test]
    fn the_phone_sees_the_choices_of_the_open_request_and_never_the_token() {
        let m = awaiting_approval(20);
        let request = m.flow.approval_request(T0 + 1).unwrap();
        let Step::AwaitApproval { number } = m.flow.step() else {
            panic!()
        };
        assert!(request.choices.contains(&number));
        assert_eq!(
            request.expires_at,
            T0 + crate::methods::approval::LIFETIME_MS
        );
        let json = serde_json::to_string(&request).unwrap();
        assert!(!json.contains(&m.token.encode()));
        assert!(!json.contains(m.flow.token_hash()));
    }

    #[test]
    fn an_answer_to_another_request_is_refused_and_changes_nothing() {
        let mut m = awaiting_approval(21);
        let Step::AwaitApproval { number } = m.flow.step() else {
            panic!()
        };
        assert_eq!(
            m.flow.answer_approval("0000", Some(number), T0 + 1),
            Err(FlowError::NoApprovalPending)
        );
        let id = m.flow.approval_request(T0 + 1).unwrap().challenge;
        m.flow.answer_approval(&id, Some(number), T0 + 2).unwrap();
        assert_eq!(m.flow.verified, vec![Method::AppNotification]);
        // Answered: the same id names no open request any more.
        assert_eq!(
            m.flow.answer_approval(&id, Some(number), T0 + 3),
            Err(FlowError::NoApprovalPending)
        );
    }

    #[test]
    fn a_wrong_number_is_a_failed_proof_that_the_polling_widget_is_told_about() {
        let mut m = awaiting_approval(22);
        let request = m.flow.approval_request(T0 + 1).unwrap();
        let Step::AwaitApproval { number } = m.flow.step() else {
            panic!()
        };
        let wrong = *request.choices.iter().find(|n| **n != number).unwrap();
        let err = m
            .flow
            .answer_approval(&request.challenge, Some(wrong), T0 + 2)
            .unwrap_err();
        assert!(err.is_failed_proof());
        let reply = m.flow.reply(&m.token.encode());
        assert_eq!(reply.error.unwrap().code, ErrorCode::ApprovalFailed);
        assert!(matches!(
            reply.step,
            Some(Step::ChooseMethod { verified: 0, .. })
        ));
        // Choosing again starts afresh.
        m.flow
            .choose(
                Method::EmailCode,
                KEY,
                Proofs::default(),
                T0 + 3,
                &mut test_fill(3),
            )
            .unwrap();
        assert_eq!(m.flow.reply(&m.token.encode()).error, None);
    }

    #[test]
    fn an_answer_after_two_minutes_is_expired_and_not_a_failed_proof() {
        let mut m = awaiting_approval(23);
        let request = m.flow.approval_request(T0).unwrap();
        let late = T0 + crate::methods::approval::LIFETIME_MS;
        assert!(m.flow.approval_request(late).is_none());
        let err = m
            .flow
            .answer_approval(&request.challenge, Some(request.choices[0]), late)
            .unwrap_err();
        assert_eq!(ApiError::from(&err).code, ErrorCode::ApprovalExpired);
        assert!(!err.is_failed_proof());
    }

    #[test]
    fn a_decoy_has_no_approval_request_for_any_phone() {
        let mut m = many(
            Subject::Decoy,
            &[Method::AppNotification, Method::EmailCode],
            2,
            24,
        );
        m.flow
            .choose(
                Method::AppNotification,
                KEY,
                Proofs::default(),
                T0,
                &mut test_fill(9),
            )
            .unwrap();
        assert!(matches!(m.flow.step(), Step::AwaitApproval { .. }));
        assert!(m.flow.approval_request(T0 + 1).is_none());
    }

    #[test]
    fn decoys_send_nothing_and_prove_nothing() {
        let mut m = many(Subject::Decoy, &Method::ALL, 2, 8);
        let mut fill = test_fill(9);
        for method in Method::ALL {
            let effects = m
                .flow
                .choose(method, KEY, Proofs::default(), T0, &mut fill)
                .unwrap();
            assert!(effects.is_empty(), "{method:?}");
        }
        m.flow
            .choose(
                Method::AppNotification,
                KEY,
                Proofs::default(),
                T0,
                &mut fill,
            )
            .unwrap();
        let Stage::AwaitApproval { challenge } = m.flow.stage.clone() else {
            panic!()
        };
        assert!(
            m.flow
                .approval_answered(Some(challenge.number()), T0 + 1)
                .is_err()
        );
        m.flow
            .choose(Method::Authenticator, KEY, Proofs::default(), T0, &mut fill)
            .unwrap();
        assert!(m.flow.submit_totp(None, "123456", T0).is_err());
        assert!(m.flow.verified.is_empty());
        let _ = &m.token;
    }

    /// What a client could do to a flow.
    #[derive(Debug, Clone)]
    enum Event {
        Guess(u32),
        RightCode,
        Password(String),
        Wait(u64),
    }

    fn event() -> impl Strategy<Value = Event> {
        prop_oneof![
            (0u32..1_000_000).prop_map(Event::Guess),
            Just(Event::RightCode),
            "[a-z]{0,12}".prop_map(Event::Password),
            (0u64..400_000).prop_map(Event::Wait),
        ]
    }

    fn replay(subject: Subject, seed: u64, events: &[Event]) -> Vec<&'static str> {
        let (_, mut flow, code) = start(subject, seed);
        let right = code
            .map(|c| c.expose().to_owned())
            .unwrap_or_else(|| "123456".into());
        let mut now = T0;
        let mut verified = false;
        let mut shapes = Vec::new();
        for event in events {
            let result = match event {
                Event::Guess(g) => flow.submit_code(KEY, &format!("{g:06}"), now),
                Event::RightCode => flow.submit_code(KEY, &right, now),
                Event::Password(p) => flow
                    .begin_password(&checker(), p, "op".into(), now)
                    .map(|_| ()),
                Event::Wait(ms) => {
                    now += ms;
                    Ok(())
                }
            };
            if matches!(event, Event::RightCode) && result.is_ok() {
                verified = true;
            }
            if matches!(flow.stage, Stage::NewPassword | Stage::Pending { .. }) {
                assert!(
                    verified,
                    "reached the password step without a verified code"
                );
            }
            if let Stage::VerifyCode { challenge, .. } = &flow.stage {
                assert!(challenge.failed_tries() <= challenge.max_tries());
            }
            shapes.push(match (&result, &flow.stage) {
                (Ok(()), _) => "ok",
                (Err(FlowError::Code(CodeError::Mismatch { .. })), _) => "mismatch",
                (Err(e), _) if e.ends_flow() => "ended",
                (Err(_), _) => "refused",
            });
        }
        shapes
    }

    /// What a client (and a phone) could do to a flow offering every method.
    #[derive(Debug, Clone)]
    enum Act {
        Choose(usize),
        RightCode,
        WrongCode,
        RightTotp,
        WrongTotp,
        RightAnswers,
        WrongAnswers,
        ApproveRight,
        ApproveWrong,
        Deny,
        Wait(u64),
    }

    fn act() -> impl Strategy<Value = Act> {
        prop_oneof![
            (0usize..5).prop_map(Act::Choose),
            Just(Act::RightCode),
            Just(Act::WrongCode),
            Just(Act::RightTotp),
            Just(Act::WrongTotp),
            Just(Act::RightAnswers),
            Just(Act::WrongAnswers),
            Just(Act::ApproveRight),
            Just(Act::ApproveWrong),
            Just(Act::Deny),
            (0u64..120_000).prop_map(Act::Wait),
        ]
    }

    /// Plays `acts` and checks the invariants; returns the step kinds seen.
    fn play(subject: Subject, seed: u64, acts: &[Act]) -> Vec<String> {
        let mut m = many(subject, &Method::ALL, 2, seed);
        let mut fill = test_fill(seed ^ 0xabcd);
        let mut now = T0;
        let mut last_code = String::new();
        let mut proved: Vec<Method> = Vec::new();
        let mut kinds = Vec::new();
        for act in acts {
            let proofs = Proofs {
                questions: Some(&m.questions),
            };
            let before = m.flow.verified.clone();
            let _ = match act {
                Act::Choose(i) => m
                    .flow
                    .choose(Method::ALL[*i], KEY, proofs, now, &mut fill)
                    .map(|effects| {
                        for effect in effects {
                            if let Effect::SendCode { code, .. } = effect {
                                last_code = code.expose().to_owned();
                            }
                        }
                    }),
                Act::RightCode => m.flow.submit_code(KEY, &last_code.clone(), now),
                Act::WrongCode => m.flow.submit_code(KEY, "000000", now),
                Act::RightTotp => {
                    let code = m.totp.code_at(now);
                    m.flow.submit_totp(Some(&mut m.totp), &code, now)
                }
                Act::WrongTotp => m.flow.submit_totp(Some(&mut m.totp), "000000", now),
                Act::RightAnswers => {
                    if matches!(m.flow.stage, Stage::AnswerQuestions { .. }) {
                        let answers = right_answers(&m.flow);
                        m.flow.submit_answers(proofs, &answers, now, &mut fill)
                    } else {
                        Err(FlowError::WrongStep)
                    }
                }
                Act::WrongAnswers => m.flow.submit_answers(
                    proofs,
                    &["x".into(), "y".into(), "z".into()],
                    now,
                    &mut fill,
                ),
                Act::ApproveRight => {
                    let number = match &m.flow.stage {
                        Stage::AwaitApproval { challenge } => challenge.number(),
                        _ => 0,
                    };
                    m.flow.approval_answered(Some(number), now)
                }
                Act::ApproveWrong => m.flow.approval_answered(Some(0), now),
                Act::Deny => m.flow.approval_answered(None, now),
                Act::Wait(ms) => {
                    now += ms;
                    Ok(())
                }
            };
            for method in &m.flow.verified {
                if !before.contains(method) {
                    proved.push(*method);
                }
            }
            // Only real users prove anything; proofs are distinct and never questions alone.
            if m.flow.subject == Subject::Decoy {
                assert!(m.flow.verified.is_empty());
            }
            if matches!(m.flow.stage, Stage::NewPassword) {
                let distinct: std::collections::HashSet<_> = m.flow.verified.iter().collect();
                assert!(
                    distinct.len() >= 2,
                    "password step with {:?}",
                    m.flow.verified
                );
                assert!(m.flow.verified.iter().any(|m| m.is_possession()));
            }
            if let Stage::VerifyCode { challenge, .. } = &m.flow.stage {
                assert!(challenge.failed_tries() <= challenge.max_tries());
            }
            let kind = serde_json::to_value(m.flow.step()).unwrap()["kind"]
                .as_str()
                .unwrap()
                .to_owned();
            kinds.push(kind);
        }
        assert_eq!(proved, m.flow.verified);
        kinds
    }

    proptest! {
        // Each case may hash security answers with Argon2id at full cost: fewer cases.
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn no_sequence_reaches_the_password_step_without_two_distinct_methods(
            seed in any::<u64>(),
            acts in proptest::collection::vec(act(), 0..40),
        ) {
            play(user(), seed, &acts);
        }

        #[test]
        fn decoys_show_the_same_steps_as_users_who_fail_every_proof(
            seed in any::<u64>(),
            acts in proptest::collection::vec(act(), 0..40),
        ) {
            let failing: Vec<Act> = acts
                .into_iter()
                .map(|a| match a {
                    Act::RightCode => Act::WrongCode,
                    Act::RightTotp => Act::WrongTotp,
                    Act::RightAnswers => Act::WrongAnswers,
                    Act::ApproveRight => Act::ApproveWrong,
                    other => other,
                })
                .collect();
            prop_assert_eq!(play(user(), seed, &failing), play(Subject::Decoy, seed, &failing));
        }
    }

    proptest! {
        #[test]
        fn no_sequence_reaches_the_password_step_without_the_code(
            seed in any::<u64>(),
            events in proptest::collection::vec(event(), 0..24),
        ) {
            replay(user(), seed, &events);
        }

        #[test]
        fn decoy_flows_answer_wrong_guesses_exactly_like_real_ones(
            seed in any::<u64>(),
            guesses in proptest::collection::vec(0u32..1_000_000, 0..10),
            waits in proptest::collection::vec(0u64..200_000, 0..10),
        ) {
            // Guesses that happen to hit the real code are vanishingly rare; skip them.
            let (_, _, code) = start(user(), seed);
            let right: u32 = code.unwrap().expose().parse().unwrap();
            prop_assume!(!guesses.contains(&right));
            let mut events = Vec::new();
            for (i, g) in guesses.iter().enumerate() {
                events.push(Event::Guess(*g));
                if let Some(w) = waits.get(i) {
                    events.push(Event::Wait(*w));
                }
            }
            prop_assert_eq!(replay(user(), seed, &events), replay(Subject::Decoy, seed, &events));
        }
    }
}
