//! The per-user Durable Object. It owns the user's reset flow (one at a time: a new one
//! replaces the old, and with it the old code) and the user's throttling counters, and is the
//! only place that state changes, so every check-and-update runs without interleaving: SQLite
//! calls are synchronous, and no `await` separates loading state from saving it. Decoy
//! usernames have objects of their own that count and block exactly like real ones. Every
//! step hands the worker the audit events it produced (derived by [`crate::audit::Scope`]),
//! which the worker stores after replying.
//!
//! It is also the outbox of the final change ([`sspr_core::outbox`] decides): the first
//! attempt is made during the user's request; when the directory is unavailable the flow stays
//! pending and the object's alarm tries again, under the same operation id, until it is done,
//! refused or out of attempts. The new password is kept between attempts only in this object's
//! memory ([`UserState::held`]), never in its storage: if the object is evicted meanwhile, the
//! retry finds no password and the user is asked to choose it again (no new proofs). Every
//! attempt in flight is watched by the alarm ([`sspr_core::outbox::ATTEMPT_WATCHDOG_MS`]): an
//! eviction during the call itself is found there, and the unlock is sent again or the user
//! chooses the password again, instead of the flow staying pending until it expires. Alarms
//! also delete flows that have expired; an alarm's audit events and notice are written and
//! sent by the object itself.
//!
//! It also keeps the hashes of the "this wasn't me" links of the notices sent about the
//! account, and the pause a report puts on the user's self-service reset (its `reports` module).

mod approver;
mod registrations;
mod reports;

use std::cell::RefCell;

use serde::{Deserialize, Serialize};
use sspr_core::UnixMillis;
use sspr_core::api::MethodOffer;
use sspr_core::api::{ApiError, Channel, ErrorCode, Reply};
use sspr_core::flow::{
    Effect, FLOW_LIFETIME_MS, FlowError, FlowKind, Proofs, ResetFlow, ResetSettings, Stage, Subject,
};
use sspr_core::locale::Language;
use sspr_core::methods::approver::PushEndpoint;
use sspr_core::offers;
use sspr_core::outbox::{AfterAttempt, Due};
use sspr_core::password::NewPassword;
use sspr_core::policy::{EffectivePolicy, Method};
use sspr_core::registration::{DirectoryContacts, Registrations};
use sspr_core::throttle::{ThrottleState, Throttled};
use sspr_core::token::FlowToken;
use worker::{DurableObject, Env, Request, Response, Result, SqlStorage, State, durable_object};

use crate::audit::{self, AuditEvent, RequestOrigin, Scope, store};
use crate::config::Config;
use crate::identity::{self, Backend, BackendError, IdentityBackend};
use crate::notices::{self, Notify};
use crate::policy_store::{self, Wanted};
use crate::random;

pub use approver::{ApproverOp, ApproverOutcome, ApproverOwner, signature_invalid};
pub use registrations::{RegisterOp, Registering, RegistrationOutcome};
pub use reports::{ClearOutcome, ReportOutcome, reported_compromise};

/// What the worker asks of a user's state.
#[derive(Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Command {
    Start {
        #[serde(default)]
        kind: FlowKind,
        now: UnixMillis,
        subject: Subject,
        offers: Vec<MethodOffer>,
        settings: ResetSettings,
        /// For a real user: what the object merges with the registrations it keeps to find
        /// the offers (`offers` is then ignored).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        held: Option<HeldAtStart>,
        /// The language the user asked in (their `Accept-Language`), for every message
        /// about this flow.
        #[serde(default)]
        language: Language,
    },
    Verify {
        now: UnixMillis,
        token: String,
        code: String,
    },
    /// Answers to the security questions asked, in order.
    Answers {
        now: UnixMillis,
        token: String,
        answers: Vec<String>,
    },
    Password {
        now: UnixMillis,
        token: String,
        password: String,
    },
    /// Apply, or retry, the unlock of a flow whose proofs are done.
    Unlock { now: UnixMillis, token: String },
    /// Prove `method` next (from the choice, or switching from a proving step).
    Choose {
        now: UnixMillis,
        token: String,
        method: Method,
    },
    /// Where the flow stands: a pending change done, still pending, or not applied.
    Status { now: UnixMillis, token: String },
    /// A signed-in user's registration request; answered with a [`RegistrationOutcome`].
    Register {
        now: UnixMillis,
        user: Registering,
        request: RegisterOp,
    },
    /// A request of the user's approver phone; answered with an [`ApproverOutcome`].
    Approver {
        now: UnixMillis,
        request: ApproverOp,
    },
    /// The "this wasn't me" page: what a report link is about, or (`confirm`) its report;
    /// answered with a [`ReportOutcome`].
    Report {
        now: UnixMillis,
        token: String,
        #[serde(default)]
        confirm: bool,
    },
    /// An administrator ends the pause a report put on `user_id`'s self-service reset;
    /// answered with a [`ClearOutcome`].
    ClearHold { now: UnixMillis, user_id: String },
}

impl Command {
    /// The flow token a command on an existing flow carries (it names the Durable Object).
    pub fn token(&self) -> Option<&str> {
        match self {
            Command::Start { .. }
            | Command::Register { .. }
            | Command::Approver { .. }
            | Command::Report { .. }
            | Command::ClearHold { .. } => None,
            Command::Verify { token, .. }
            | Command::Answers { token, .. }
            | Command::Password { token, .. }
            | Command::Unlock { token, .. }
            | Command::Choose { token, .. }
            | Command::Status { token, .. } => Some(token),
        }
    }
}

/// What a real user's object needs at the start of a flow to find the offers: the user's
/// effective policy and the directory's contact details, merged with what the user
/// registered ([`offers::offers`] decides); and the decoy flow to walk instead when what they
/// hold is not enough for the policy.
#[derive(Serialize, Deserialize)]
pub struct HeldAtStart {
    pub policy: EffectivePolicy,
    #[serde(default)]
    pub directory: DirectoryContacts,
    /// Whether text messages can be sent (an SMS provider is configured).
    pub sms_available: bool,
    pub decoy_offers: Vec<MethodOffer>,
    pub decoy_settings: ResetSettings,
    /// The user's name (display name, else username) when they are an administrator, for
    /// the notice to the other administrators.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_name: Option<String>,
    /// The user's name (display name, else username), for the administrators' alert when
    /// the user reports a change as not made by them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// The reply for the widget and the effects for the worker to perform after replying.
#[derive(Serialize, Deserialize)]
pub struct Outcome {
    pub reply: Reply,
    /// A code to send. Never logged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_code: Option<CodeDelivery>,
    /// Notices to email once the reply has gone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<Notify>,
    /// What to write to the audit log, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audit: Vec<AuditEvent>,
    /// The user's phone to wake with a Web Push message, once the reply has gone: an approval
    /// was asked of it and it turned notifications on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wake: Option<PushEndpoint>,
}

impl Outcome {
    fn reply(reply: Reply) -> Self {
        Outcome {
            reply,
            send_code: None,
            notices: Vec::new(),
            audit: Vec::new(),
            wake: None,
        }
    }

    fn audited(mut self, events: impl IntoIterator<Item = AuditEvent>) -> Self {
        self.audit.extend(events);
        self
    }
}

/// A code for the worker to send after replying, and the `code_sent` event to complete with
/// the provider's answer.
#[derive(Serialize, Deserialize)]
pub struct CodeDelivery {
    pub method: Method,
    /// The email address or the E.164 mobile number.
    pub to: String,
    pub code: String,
    pub audit: AuditEvent,
    /// What the code is for, which picks the message's words.
    #[serde(default)]
    pub purpose: CodePurpose,
    /// The language the message is written in.
    #[serde(default)]
    pub language: Language,
}

/// What a code proves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CodePurpose {
    /// Who is resetting (or unlocking).
    #[default]
    Reset,
    /// That the address or number being registered is the user's.
    Enrolment,
}

/// The code a transition asks to send, with where it goes, if any (decoys send nothing).
fn delivery(flow: &ResetFlow, effects: &[Effect], scope: &Scope) -> Option<CodeDelivery> {
    effects.iter().find_map(|effect| match effect {
        Effect::SendCode { method, code } => Some(CodeDelivery {
            method: *method,
            to: flow.subject().address(*method)?.to_owned(),
            code: code.expose().to_owned(),
            audit: scope.code_sent(*method),
            purpose: CodePurpose::Reset,
            language: flow.language,
        }),
        Effect::SendApproval { .. } | Effect::Notify { .. } | Effect::NotifyAdmins { .. } => None,
    })
}

/// The phone to wake when a transition asked it for an approval: its push endpoint, from
/// what the user registered (decoys ask nothing, so wake nothing).
fn wake(effects: &[Effect], registrations: Option<&Registrations>) -> Option<PushEndpoint> {
    effects
        .iter()
        .any(|effect| matches!(effect, Effect::SendApproval { .. }))
        .then(|| registrations?.approver.as_ref()?.push.clone())
        .flatten()
}

/// The `approval_sent` event when a transition asked the user's phone for an approval (the
/// phone fetches it with a signed request; decoys ask nothing).
fn approval_sent(effects: &[Effect], scope: &Scope) -> Option<AuditEvent> {
    effects
        .iter()
        .any(|effect| matches!(effect, Effect::SendApproval { .. }))
        .then(|| scope.approval(audit::EventKind::ApprovalSent, "pending"))
}

/// The send counter a method's code counts against, if it sends one.
fn send_channel(method: Method) -> Option<Channel> {
    match method {
        Method::EmailCode => Some(Channel::Email),
        Method::SmsCode => Some(Channel::Sms),
        _ => None,
    }
}

/// Whose object this is, as the audit log names them: kept from the start of the first flow,
/// so that events after the flow is gone (a blocked user's requests) still name the user.
#[derive(Serialize, Deserialize)]
struct Owner {
    user_id: Option<String>,
    /// The user's name as the directory gives it (display name, else username), for the
    /// administrators' alert of a report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    /// How far the flow's clock ran ahead of this object's wall clock at the last request
    /// (always about 0, except under the integration tests' clock), so that an alarm, which
    /// has no request, reads the flow's clock too.
    #[serde(default)]
    clock_offset_ms: u64,
}

/// The new password of the pending operation, between its attempts: in memory only.
struct Held {
    operation_id: String,
    password: NewPassword,
}

/// A draw for the outbox's jitter, from the CSPRNG.
fn jitter_draw() -> u32 {
    let mut bytes = [0u8; 4];
    random::fill(&mut bytes);
    u32::from_le_bytes(bytes)
}

/// What the user is told when a change was not applied because of the directory.
fn what_changes(kind: FlowKind) -> &'static str {
    match kind {
        FlowKind::Reset => "password change",
        FlowKind::Unlock => "unlock",
    }
}

/// The result of one attempt at a pending change.
struct Attempted {
    /// The flow after the attempt, `None` when it was replaced or ended meanwhile.
    flow: Option<ResetFlow>,
    event: AuditEvent,
    notices: Vec<Notify>,
}

fn user_of(subject: &Subject) -> Option<String> {
    match subject {
        Subject::User { user_id, .. } => Some(user_id.clone()),
        Subject::Decoy => None,
    }
}

/// The method being proved at a step, for the audit log.
fn method_at(flow: &ResetFlow) -> Option<sspr_core::policy::Method> {
    match flow.stage() {
        Stage::VerifyCode { method, .. } => Some(*method),
        Stage::VerifyTotp => Some(Method::Authenticator),
        Stage::AnswerQuestions { .. } => Some(Method::SecurityQuestions),
        Stage::AwaitApproval { .. } => Some(Method::AppNotification),
        _ => None,
    }
}

/// What a proving request submits.
enum Proof {
    /// An email, SMS or authenticator code, as typed.
    Code(String),
    /// Answers to the questions asked.
    Answers(Vec<String>),
}

#[derive(Deserialize)]
struct BodyRow {
    body: String,
}

#[durable_object]
pub struct UserState {
    state: State,
    env: Env,
    sql: SqlStorage,
    /// The new password while its change is pending: never written to storage.
    held: RefCell<Option<Held>>,
}

impl DurableObject for UserState {
    fn new(state: State, env: Env) -> Self {
        let sql = state.storage().sql();
        for table in [
            "flow",
            "throttle",
            "owner",
            "registrations",
            reports::TABLE,
            approver::OWNER_TABLE,
            approver::NONCES_TABLE,
        ] {
            sql.exec(
                &format!("CREATE TABLE IF NOT EXISTS {table} (id INTEGER PRIMARY KEY CHECK (id = 1), body TEXT NOT NULL)"),
                None,
            )
            .expect("the state tables can be created");
        }
        UserState {
            state,
            env,
            sql,
            held: RefCell::new(None),
        }
    }

    async fn fetch(&self, mut req: Request) -> Result<Response> {
        let version = req
            .headers()
            .get(policy_store::VERSION_HEADER)?
            .and_then(|v| v.parse::<u32>().ok());
        let command: Command = req.json().await?;
        let wanted = version.map_or(Wanted::Recent, Wanted::Version);
        let config = policy_store::apply(&self.env, self.config()?, wanted, drop).await?;
        let outcome = match command {
            Command::Register { now, user, request } => {
                return Response::from_json(&self.register(&config, now, user, request)?);
            }
            Command::Approver { now, request } => {
                return Response::from_json(&self.approver(&config, now, request)?);
            }
            Command::Report {
                now,
                token,
                confirm,
            } => {
                return Response::from_json(&self.report(&config, now, &token, confirm)?);
            }
            Command::ClearHold { now, user_id } => {
                return Response::from_json(&self.clear_hold(now, user_id)?);
            }
            Command::Start {
                kind,
                now,
                subject,
                offers,
                settings,
                held,
                language,
            } => {
                self.start(
                    &config,
                    kind,
                    now,
                    (subject, offers, settings),
                    held,
                    language,
                )
                .await?
            }
            Command::Verify { now, token, code } => {
                self.verify(&config, now, &token, Proof::Code(code)).await?
            }
            Command::Answers {
                now,
                token,
                answers,
            } => {
                self.verify(&config, now, &token, Proof::Answers(answers))
                    .await?
            }
            Command::Unlock { now, token } => self.complete_unlock(&config, now, &token).await?,
            Command::Choose { now, token, method } => {
                self.choose(&config, now, &token, method).await?
            }
            Command::Password {
                now,
                token,
                password,
            } => self.password(&config, now, &token, &password).await?,
            Command::Status { now, token } => self.status(&config, now, &token).await?,
        };
        Response::from_json(&outcome)
    }

    /// Retries a pending change when it is due, and deletes an expired flow. Alarms fire at
    /// least once: a retry already in flight is not sent again, and deleting an already
    /// deleted flow is harmless.
    async fn alarm(&self) -> Result<Response> {
        let Some(mut flow) = self.load()? else {
            self.held.replace(None);
            return Response::empty();
        };
        let offset = self
            .read::<Owner>("owner")?
            .map_or(0, |owner| owner.clock_offset_ms);
        let now = worker::Date::now().as_millis() + offset;
        if now >= flow.expires_at() {
            self.held.replace(None);
            self.delete()?;
            return Response::empty();
        }
        let held = self
            .held
            .borrow()
            .as_ref()
            .is_some_and(|held| flow.operation_id() == Some(held.operation_id.as_str()));
        let attempts = match flow.stage() {
            Stage::Pending { attempts, .. } => *attempts,
            _ => 0,
        };
        let scope = Scope {
            now,
            kind: flow.kind(),
            user_id: user_of(flow.subject()),
            flow_id: Some(audit::flow_id(flow.token_hash())),
        };
        match flow.due(now, held) {
            Due::Idle => self.expire_at(&flow, now).await?,
            Due::Wait(at) => self.retry_at(at, now).await?,
            Due::PasswordLost { operation_id } => {
                self.held.replace(None);
                self.save(&flow)?;
                self.expire_at(&flow, now).await?;
                let config = self.config()?;
                let event = scope.password_not_kept(&operation_id, attempts);
                self.write_audit(&config, &[event]).await;
            }
            Due::Attempt {
                operation_id,
                user_id,
                attempt,
            } => {
                // In flight: saved before the call, so a second alarm does not send it again,
                // and watched, so an eviction during the call does not leave it pending.
                self.save(&flow)?;
                self.watch(&flow, now).await?;
                let config =
                    policy_store::apply(&self.env, self.config()?, Wanted::Recent, drop).await?;
                let attempted = self
                    .attempt(
                        &config,
                        now,
                        &scope,
                        &flow,
                        &user_id,
                        &operation_id,
                        attempt,
                    )
                    .await?;
                self.write_audit(&config, &[attempted.event]).await;
                notices::send(&config, attempted.notices).await;
            }
        }
        Response::empty()
    }
}

impl UserState {
    async fn start(
        &self,
        config: &Config,
        kind: FlowKind,
        now: UnixMillis,
        (mut subject, mut offers, mut settings): (Subject, Vec<MethodOffer>, ResetSettings),
        held: Option<HeldAtStart>,
        language: Language,
    ) -> Result<Outcome> {
        let admin_name = held.as_ref().and_then(|h| h.admin_name.clone());
        let name = held.as_ref().and_then(|h| h.name.clone());
        // A real user holds the directory's contact details and what they registered here.
        let registrations = match (&held, user_of(&subject)) {
            (Some(held), Some(user_id)) => {
                let registered = self.load_registrations(config, &user_id)?;
                let mut merged = registered.with_directory(&held.directory);
                if !held.sms_available {
                    // Without an SMS provider no code can be texted.
                    merged.phone = None;
                }
                Some(merged)
            }
            _ => None,
        };
        if let (Some(held), Some(merged)) = (held, &registrations) {
            match offers::offers(&held.policy, merged) {
                Some(found) => {
                    if let Subject::User { contact, phone, .. } = &mut subject {
                        *contact = merged.email.clone();
                        *phone = merged.phone.as_ref().map(|p| p.e164().to_owned());
                    }
                    offers = found;
                }
                // Not enough for the policy: the decoy flow, so the policy is never weakened
                // and the reply looks like anyone's.
                None => {
                    subject = Subject::Decoy;
                    offers = held.decoy_offers;
                    settings = held.decoy_settings;
                }
            }
        }
        let user_id = user_of(&subject);
        self.write(
            "owner",
            &Owner {
                user_id: user_id.clone(),
                name: user_id.as_ref().and(name),
                clock_offset_ms: clock_offset(now),
            },
        )?;
        let mut scope = Scope {
            now,
            kind,
            user_id,
            flow_id: None,
        };
        // A start with a single method sends its code at once (decoys pretend to), so it
        // counts as a send; with a choice, the choice does.
        let mut throttle = self.load_throttle()?;
        let sends = match offers.as_slice() {
            [only] => send_channel(only.method),
            _ => None,
        };
        let checked = match sends {
            Some(channel) => throttle.record_send(&config.policy.limits(), channel, now),
            None => throttle.check_blocked(now),
        };
        if let Err(refused) = checked {
            return Ok(Outcome::reply(refused.reply()).audited([scope.started(Some(&refused))]));
        }
        self.save_throttle(&throttle)?;
        let owner = hex::decode(self.state.id().to_string())
            .map_err(|_| worker::Error::RustError("a Durable Object id is hex".into()))?;
        let token = FlowToken::new(owner, &mut random::fill);
        let mut started = ResetFlow::start(
            kind,
            &token,
            subject,
            offers,
            settings,
            &config.code_key,
            Proofs {
                questions: registrations.as_ref().and_then(|r| r.questions.as_ref()),
            },
            now,
            &mut random::fill,
        );
        started.flow.language = language;
        if matches!(started.flow.subject(), Subject::User { .. }) {
            started.flow.admin = admin_name;
            // A report paused self-service reset: the flow looks like any other until a proof
            // passes, then says so (see sspr_core::report).
            if let Some(until) = self.held_until(now)? {
                started.flow.hold(until, config.policy.helpdesk_link());
            }
        }
        // The new flow replaces the old one, and with it any change still pending.
        self.held.replace(None);
        self.save(&started.flow)?;
        self.state
            .storage()
            .set_alarm(FLOW_LIFETIME_MS as i64 + 60_000)
            .await?;
        scope.flow_id = Some(audit::flow_id(started.flow.token_hash()));
        let mut events = vec![scope.started(None)];
        events.extend(approval_sent(&started.effects, &scope));
        Ok(Outcome {
            reply: started.flow.reply(&token.encode()),
            send_code: delivery(&started.flow, &started.effects, &scope),
            notices: Vec::new(),
            audit: events,
            wake: wake(&started.effects, registrations.as_ref()),
        })
    }

    /// `Command::Choose`: the user picked the method to prove next. A code method counts as
    /// a send on its channel (decoys included), so the resend limits hold across choices.
    async fn choose(
        &self,
        config: &Config,
        now: UnixMillis,
        token_text: &str,
        method: Method,
    ) -> Result<Outcome> {
        let mut throttle = self.load_throttle()?;
        if let Err(blocked) = throttle.check_blocked(now) {
            return Ok(Outcome::reply(blocked.reply()));
        }
        let (token, flow) = match self.authorized(token_text, now)? {
            Ok(found) => found,
            Err(reply) => return Ok(Outcome::reply(reply)),
        };
        let scope = Scope {
            now,
            kind: flow.kind(),
            user_id: user_of(flow.subject()),
            flow_id: Some(audit::flow_id(flow.token_hash())),
        };
        let registrations = match user_of(flow.subject()) {
            Some(user_id)
                if matches!(method, Method::SecurityQuestions | Method::AppNotification) =>
            {
                Some(self.load_registrations(config, &user_id)?)
            }
            _ => None,
        };
        let mut next = flow.clone();
        let effects = match next.choose(
            method,
            &config.code_key,
            Proofs {
                questions: registrations.as_ref().and_then(|r| r.questions.as_ref()),
            },
            now,
            &mut random::fill,
        ) {
            Ok(effects) => effects,
            Err(err) => return Ok(Outcome::reply(self.refuse(&flow, &token, &err)?)),
        };
        if let Some(channel) = send_channel(method) {
            if let Err(refused) = throttle.record_send(&config.policy.limits(), channel, now) {
                // The flow stays where it was; the user may pick another method or wait.
                let mut reply = flow.reply(&token.encode());
                reply.error = refused.reply().error;
                return Ok(Outcome::reply(reply));
            }
            self.save_throttle(&throttle)?;
        }
        self.save(&next)?;
        Ok(Outcome {
            reply: next.reply(&token.encode()),
            send_code: delivery(&next, &effects, &scope),
            notices: Vec::new(),
            audit: approval_sent(&effects, &scope).into_iter().collect(),
            wake: wake(&effects, registrations.as_ref()),
        })
    }

    /// `Command::Verify` and `Command::Answers`: a proof of the current step (an email or SMS
    /// code, an authenticator code, or answers to security questions). The authenticator's
    /// last accepted step is saved back with the user's registrations, so a code is good once.
    async fn verify(
        &self,
        config: &Config,
        now: UnixMillis,
        token_text: &str,
        proof: Proof,
    ) -> Result<Outcome> {
        // A blocked user is refused before anything else, whatever the flow.
        let mut scope = self.scope(now, token_text)?;
        let mut throttle = self.load_throttle()?;
        if let Err(blocked) = throttle.check_blocked(now) {
            return Ok(Outcome::reply(blocked.reply()).audited([scope.refused(&blocked)]));
        }
        let (token, mut flow) = match self.authorized(token_text, now)? {
            Ok(found) => found,
            Err(reply) => return Ok(Outcome::reply(reply)),
        };
        scope.kind = flow.kind();
        let method = method_at(&flow);
        let user_id = user_of(flow.subject());
        let needs_registrations =
            matches!(proof, Proof::Answers(_)) || *flow.stage() == Stage::VerifyTotp;
        let mut registrations = match (&user_id, needs_registrations) {
            (Some(id), true) => Some(self.load_registrations(config, id)?),
            _ => None,
        };
        let submitted = match &proof {
            Proof::Code(code) if *flow.stage() == Stage::VerifyTotp => {
                let credential = registrations
                    .as_mut()
                    .and_then(|r| r.authenticator.as_mut());
                let checked = flow.submit_totp(credential, code, now);
                if let (Ok(()), Some(id), Some(registrations)) =
                    (&checked, &user_id, &registrations)
                {
                    self.save_registrations(config, id, registrations)?;
                }
                checked
            }
            Proof::Code(code) => flow.submit_code(&config.code_key, code, now),
            Proof::Answers(answers) => flow.submit_answers(
                Proofs {
                    questions: registrations.as_ref().and_then(|r| r.questions.as_ref()),
                },
                answers,
                now,
                &mut random::fill,
            ),
        };
        let (reply, events) = match submitted {
            Ok(()) if *flow.stage() == Stage::UnlockReady => {
                self.save(&flow)?;
                let passed = scope.proof(method, Ok(()), 0, None);
                let outcome = self.unlock(config, now, token, flow).await?;
                return Ok(Outcome {
                    audit: passed.into_iter().chain(outcome.audit).collect(),
                    ..outcome
                });
            }
            Ok(()) => {
                self.save(&flow)?;
                (
                    flow.reply(&token.encode()),
                    scope.proof(method, Ok(()), 0, None),
                )
            }
            Err(err) if err.is_failed_proof() => {
                // A wrong code is a failed proof, counted across flows.
                let failed_proofs = throttle.failures(now) as u32 + 1;
                let counted = throttle.record_failure(&config.policy.limits(), now);
                self.save_throttle(&throttle)?;
                let blocked_until = match counted {
                    Err(Throttled::Blocked { until }) => Some(until),
                    _ => None,
                };
                let events = scope.proof(method, Err(&err), failed_proofs, blocked_until);
                match counted {
                    Ok(()) => (self.refuse(&flow, &token, &err)?, events),
                    Err(blocked) => {
                        self.delete()?;
                        (blocked.reply(), events)
                    }
                }
            }
            Err(err) => {
                let events = scope.proof(method, Err(&err), 0, None);
                (self.refuse(&flow, &token, &err)?, events)
            }
        };
        Ok(Outcome::reply(reply).audited(events))
    }

    async fn password(
        &self,
        config: &Config,
        now: UnixMillis,
        token_text: &str,
        password: &str,
    ) -> Result<Outcome> {
        let mut scope = self.scope(now, token_text)?;
        if let Err(blocked) = self.load_throttle()?.check_blocked(now) {
            return Ok(Outcome::reply(blocked.reply()).audited([scope.refused(&blocked)]));
        }
        let checker = config.policy.password_checker();
        // The breached-password check goes out to the network, so it is made first, for a
        // password the flow would otherwise take, and the flow is read again after it.
        let breached = match self.authorized(token_text, now)? {
            Ok((_, flow)) if flow.password_candidate(&checker, password, now).is_ok() => {
                let source = crate::pwned::PwnedPasswords {
                    url: &config.pwned_passwords_url,
                };
                let policy = config.policy.password.breached_check;
                crate::pwned::check(&source, policy, password, |why| {
                    worker::console_warn!("{why}")
                })
                .await
            }
            Ok(_) => Ok(()),
            Err(reply) => return Ok(Outcome::reply(reply)),
        };
        let (token, mut flow) = match self.authorized(token_text, now)? {
            Ok(found) => found,
            Err(reply) => return Ok(Outcome::reply(reply)),
        };
        scope.kind = flow.kind();
        if let Err(refusal) = breached {
            let err = FlowError::from(refusal);
            let reply = self.refuse(&flow, &token, &err)?;
            return Ok(Outcome::reply(reply).audited(scope.password_refused(&err)));
        }
        let operation_id = random::id();
        // A second password while one is pending is refused here (wrong step): at most one
        // change is in flight per user.
        let (user_id, new_password) =
            match flow.begin_password(&checker, password, operation_id.clone(), now) {
                Ok(accepted) => accepted,
                Err(err) => {
                    let reply = self.refuse(&flow, &token, &err)?;
                    return Ok(Outcome::reply(reply).audited(scope.password_refused(&err)));
                }
            };
        // Pending is saved before the call, so a second submission meanwhile is refused, and
        // watched, so an eviction during the call does not leave it pending.
        self.save(&flow)?;
        self.note_clock(now)?;
        self.watch(&flow, now).await?;
        self.held.replace(Some(Held {
            operation_id: operation_id.clone(),
            password: new_password,
        }));
        let attempted = self
            .attempt(config, now, &scope, &flow, &user_id, &operation_id, 1)
            .await?;
        Ok(self.attempted_outcome(&token, attempted))
    }

    /// `Command::Unlock`: the widget applies or retries the unlock of a proved flow. While a
    /// change is pending this answers where it stands, as [`Command::Status`] does.
    async fn complete_unlock(
        &self,
        config: &Config,
        now: UnixMillis,
        token_text: &str,
    ) -> Result<Outcome> {
        if let Err(blocked) = self.load_throttle()?.check_blocked(now) {
            let scope = self.scope(now, token_text)?;
            return Ok(Outcome::reply(blocked.reply()).audited([scope.refused(&blocked)]));
        }
        let (token, flow) = match self.authorized_or_done(token_text, now)? {
            Ok(found) => found,
            Err(reply) => return Ok(Outcome::reply(reply)),
        };
        if matches!(flow.stage(), Stage::Pending { .. } | Stage::Done) {
            return Ok(Outcome::reply(flow.reply(&token.encode())));
        }
        self.unlock(config, now, token, flow).await
    }

    /// `Command::Status`: the flow as it stands, a finished one included (`done`), so the
    /// widget can poll a pending change or an approval on the phone. Changes nothing, except
    /// what time or the phone decided meanwhile: an approval request nobody answered in time
    /// goes back to the choice (`approval_expired`), and an unlock the phone's approval
    /// proved is applied, as a code's proof applies it at once.
    async fn status(&self, config: &Config, now: UnixMillis, token_text: &str) -> Result<Outcome> {
        let (token, mut flow) = match self.authorized_or_done(token_text, now)? {
            Ok(found) => found,
            Err(reply) => return Ok(Outcome::reply(reply)),
        };
        if flow.lapse_approval(now) {
            self.save(&flow)?;
        }
        if *flow.stage() == Stage::UnlockReady {
            return self.unlock(config, now, token, flow).await;
        }
        Ok(Outcome::reply(flow.reply(&token.encode())))
    }

    /// Sends the unlock of a proved flow to the directory.
    async fn unlock(
        &self,
        config: &Config,
        now: UnixMillis,
        token: FlowToken,
        mut flow: ResetFlow,
    ) -> Result<Outcome> {
        let scope = Scope {
            now,
            kind: flow.kind(),
            user_id: user_of(flow.subject()),
            flow_id: Some(audit::flow_id(flow.token_hash())),
        };
        let operation_id = random::id();
        let user_id = match flow.begin_unlock(operation_id.clone(), now) {
            Ok(user_id) => user_id,
            Err(err) => return Ok(Outcome::reply(self.refuse(&flow, &token, &err)?)),
        };
        // Pending is saved before the call, so a second request meanwhile is refused, and
        // watched, so an eviction during the call does not leave it pending.
        self.save(&flow)?;
        self.note_clock(now)?;
        self.watch(&flow, now).await?;
        let attempted = self
            .attempt(config, now, &scope, &flow, &user_id, &operation_id, 1)
            .await?;
        Ok(self.attempted_outcome(&token, attempted))
    }

    /// The reply to the request that made the first attempt.
    fn attempted_outcome(&self, token: &FlowToken, attempted: Attempted) -> Outcome {
        let reply = match &attempted.flow {
            Some(flow) => flow.reply(&token.encode()),
            None => Reply::restart(ApiError::new(
                ErrorCode::FlowExpired,
                "this reset was replaced by a newer one",
            )),
        };
        Outcome {
            notices: attempted.notices,
            ..Outcome::reply(reply).audited([attempted.event])
        }
    }

    /// Makes attempt number `attempt` at the pending change of `flow` (saved pending, in
    /// flight), and records the directory's answer as the outbox decides: done (the flow ends,
    /// the counters clear, a notice goes out), a retry at the alarm, or back to the user with
    /// why. The password, for a reset, is taken from memory for the call and put back only if
    /// it is to be retried.
    #[allow(clippy::too_many_arguments)]
    async fn attempt(
        &self,
        config: &Config,
        now: UnixMillis,
        scope: &Scope,
        flow: &ResetFlow,
        user_id: &str,
        operation_id: &str,
        attempt: u32,
    ) -> Result<Attempted> {
        let backend = Backend::from_config(config);
        let mut held = None;
        let result = match flow.kind() {
            FlowKind::Unlock => backend.unlock(user_id, operation_id).await,
            FlowKind::Reset => {
                held = self
                    .held
                    .take()
                    .filter(|held| held.operation_id == operation_id);
                match &held {
                    Some(held) => {
                        backend
                            .set_password(user_id, &held.password, operation_id)
                            .await
                    }
                    // The outbox checked that the password is held before asking for this.
                    None => Err(BackendError::Unavailable(
                        "the new password is not held in memory".into(),
                    )),
                }
            }
        };
        let what = what_changes(flow.kind());
        if let Err(err @ (BackendError::Unavailable(_) | BackendError::RetryAfter { .. })) = &result
        {
            worker::console_error!("{what} {operation_id} attempt {attempt} not applied: {err}");
        }
        // Another flow may have replaced this one while the call was in flight; the
        // directory's answer is audited all the same.
        let current = self.load()?.filter(|f| {
            f.token_hash() == flow.token_hash() && f.operation_id() == Some(operation_id)
        });
        let Some(mut current) = current else {
            return Ok(Attempted {
                flow: None,
                event: scope.change(operation_id, attempt, &result, None),
                notices: Vec::new(),
            });
        };
        let outbox = identity::attempt_result(&result);
        let after = current
            .attempted(outbox, &config.outbox, now, jitter_draw())
            .map_err(|err| worker::Error::RustError(err.to_string()))?;
        self.save(&current)?;
        let mut notices = Vec::new();
        let mut retry = None;
        match after {
            AfterAttempt::Done { notices: effects } => {
                notices = self.with_report_links(
                    config,
                    user_id,
                    notices::from_effects(effects, now),
                    now,
                )?;
                // A successful reset or unlock clears the counters. The finished flow stays
                // until it expires, so a poll reads `done`; it accepts nothing else.
                self.save_throttle(&ThrottleState::default())?;
                self.expire_at(&current, now).await?;
            }
            AfterAttempt::RetryAt { at } => {
                retry = Some(at);
                if let Some(held) = held.take() {
                    self.held.replace(Some(held));
                }
                self.retry_at(at, now).await?;
            }
            AfterAttempt::Rejected | AfterAttempt::Failed => {
                self.expire_at(&current, now).await?;
            }
        }
        // The password leaves memory here unless it is to be retried.
        drop(held);
        Ok(Attempted {
            flow: Some(current),
            event: scope.change(operation_id, attempt, &result, retry),
            notices,
        })
    }

    /// Rings the alarm at `at` on the flow's clock (now is `now`), for the next attempt.
    async fn retry_at(&self, at: UnixMillis, now: UnixMillis) -> Result<()> {
        self.state
            .storage()
            .set_alarm(at.saturating_sub(now) as i64)
            .await
    }

    /// Rings the alarm at the watchdog of the attempt about to be made
    /// ([`sspr_core::outbox::ATTEMPT_WATCHDOG_MS`]); the attempt's result moves it.
    async fn watch(&self, flow: &ResetFlow, now: UnixMillis) -> Result<()> {
        match flow.pending_alarm() {
            Some(at) => self.retry_at(at, now).await,
            None => Ok(()),
        }
    }

    /// Rings the alarm after `flow` expires, to delete it.
    async fn expire_at(&self, flow: &ResetFlow, now: UnixMillis) -> Result<()> {
        self.state
            .storage()
            .set_alarm(flow.expires_at().saturating_sub(now) as i64 + 1000)
            .await
    }

    /// Keeps how far the flow's clock runs ahead of the wall clock, for the alarm.
    fn note_clock(&self, now: UnixMillis) -> Result<()> {
        let stored = self.read::<Owner>("owner")?;
        let owner = Owner {
            user_id: stored.as_ref().and_then(|owner| owner.user_id.clone()),
            name: stored.and_then(|owner| owner.name),
            clock_offset_ms: clock_offset(now),
        };
        self.write("owner", &owner)
    }

    fn config(&self) -> Result<Config> {
        Config::from_env(&self.env).map_err(|err| worker::Error::RustError(err.to_string()))
    }

    /// Writes an alarm's audit events (no request: no IP, no user agent). A failure is logged
    /// and otherwise ignored, as after a reply.
    async fn write_audit(&self, config: &Config, events: &[AuditEvent]) {
        let origin = RequestOrigin {
            tenant: config.tenant.clone(),
            ip_hash: None,
            user_agent: None,
        };
        let written = match store::database(&self.env) {
            Ok(db) => store::write(&db, &origin, events).await,
            Err(err) => Err(err),
        };
        if let Err(err) = written {
            worker::console_error!("audit write of {} events failed: {err}", events.len());
        }
    }

    /// The audit scope of a request on the flow `token_text` names, before the flow is
    /// authorized: the object's user, and the flow's audit id.
    fn scope(&self, now: UnixMillis, token_text: &str) -> Result<Scope> {
        let owner: Option<Owner> = self.read("owner")?;
        let user_id = match owner {
            Some(owner) => owner.user_id,
            None => self.load()?.and_then(|flow| user_of(flow.subject())),
        };
        Ok(Scope {
            now,
            kind: FlowKind::Reset,
            user_id,
            flow_id: FlowToken::parse(token_text)
                .ok()
                .map(|token| audit::flow_id(&token.secret_hash())),
        })
    }

    /// Finds the live flow `token_text` names, or the reply that says it is gone. A finished
    /// flow stays only to answer where it stands: it accepts nothing else.
    fn authorized(
        &self,
        token_text: &str,
        now: UnixMillis,
    ) -> Result<std::result::Result<(FlowToken, ResetFlow), Reply>> {
        match self.authorized_or_done(token_text, now)? {
            Ok((_, flow)) if *flow.stage() == Stage::Done => {
                Ok(Err(Reply::restart((&FlowError::Expired).into())))
            }
            found => Ok(found),
        }
    }

    /// Finds the flow `token_text` names, finished or not, or the reply that says it is gone.
    fn authorized_or_done(
        &self,
        token_text: &str,
        now: UnixMillis,
    ) -> Result<std::result::Result<(FlowToken, ResetFlow), Reply>> {
        let expired = || Reply::restart((&FlowError::Expired).into());
        let Ok(token) = FlowToken::parse(token_text) else {
            return Ok(Err(expired()));
        };
        let Some(flow) = self.load()? else {
            return Ok(Err(expired()));
        };
        if flow.authorize(&token, now).is_err() {
            return Ok(Err(expired()));
        }
        Ok(Ok((token, flow)))
    }

    /// Saves or deletes the flow after an error, and builds the reply.
    fn refuse(&self, flow: &ResetFlow, token: &FlowToken, err: &FlowError) -> Result<Reply> {
        if err.ends_flow() {
            self.delete()?;
        } else {
            self.save(flow)?;
        }
        Ok(flow.error_reply(&token.encode(), err))
    }

    fn load(&self) -> Result<Option<ResetFlow>> {
        self.read("flow")
    }

    fn save(&self, flow: &ResetFlow) -> Result<()> {
        self.write("flow", flow)
    }

    fn load_throttle(&self) -> Result<ThrottleState> {
        Ok(self.read("throttle")?.unwrap_or_default())
    }

    fn save_throttle(&self, throttle: &ThrottleState) -> Result<()> {
        self.write("throttle", throttle)
    }

    /// Reads the one JSON row of `table` (a fixed name, never user input).
    fn read<T: serde::de::DeserializeOwned>(&self, table: &str) -> Result<Option<T>> {
        let rows: Vec<BodyRow> = self
            .sql
            .exec(&format!("SELECT body FROM {table} WHERE id = 1"), None)?
            .to_array()?;
        rows.first()
            .map(|row| {
                serde_json::from_str(&row.body)
                    .map_err(|err| worker::Error::RustError(err.to_string()))
            })
            .transpose()
    }

    fn write<T: Serialize>(&self, table: &str, value: &T) -> Result<()> {
        let body = serde_json::to_string(value)
            .map_err(|err| worker::Error::RustError(err.to_string()))?;
        self.sql.exec(
            &format!("INSERT OR REPLACE INTO {table} (id, body) VALUES (1, ?)"),
            vec![body.into()],
        )?;
        Ok(())
    }

    fn delete(&self) -> Result<()> {
        self.sql.exec("DELETE FROM flow", None)?;
        Ok(())
    }
}

/// How far `now`, the flow's clock, is ahead of this object's wall clock.
fn clock_offset(now: UnixMillis) -> u64 {
    now.saturating_sub(worker::Date::now().as_millis())
}
