//! The per-user Durable Object. It owns the user's reset flow (one at a time: a new one
//! replaces the old, and with it the old code) and the user's throttling counters, and is the
//! only place that state changes, so every check-and-update runs without interleaving: SQLite
//! calls are synchronous, and no `await` separates loading state from saving it. Decoy
//! usernames have objects of their own that count and block exactly like real ones. Alarms
//! delete flows that have expired. Every step hands the worker the audit events it produced
//! (derived by [`crate::audit::Scope`]), which the worker stores after replying.

use serde::{Deserialize, Serialize};
use sspr_core::UnixMillis;
use sspr_core::api::MethodOffer;
use sspr_core::api::{ApiError, ErrorCode, Reply};
use sspr_core::flow::{
    Effect, FLOW_LIFETIME_MS, FlowError, FlowKind, Notice, Proofs, ResetFlow, ResetSettings, Stage,
    Subject,
};
use sspr_core::policy::Method;
use sspr_core::throttle::{SendChannel, ThrottleState, Throttled};
use sspr_core::token::FlowToken;
use worker::{DurableObject, Env, Request, Response, Result, SqlStorage, State, durable_object};

use crate::audit::{self, AuditEvent, Scope};
use crate::config::Config;
use crate::identity::{Backend, BackendError, IdentityBackend};
use crate::random;

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
    },
    Verify {
        now: UnixMillis,
        token: String,
        code: String,
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
}

impl Command {
    /// The flow token a command on an existing flow carries (it names the Durable Object).
    pub fn token(&self) -> Option<&str> {
        match self {
            Command::Start { .. } => None,
            Command::Verify { token, .. }
            | Command::Password { token, .. }
            | Command::Unlock { token, .. }
            | Command::Choose { token, .. } => Some(token),
        }
    }
}

/// The reply for the widget and the effects for the worker to perform after replying.
#[derive(Serialize, Deserialize)]
pub struct Outcome {
    pub reply: Reply,
    /// A code to send. Never logged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_code: Option<CodeDelivery>,
    /// A notice to email the user: where, and what happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<(String, Notice)>,
    /// What to write to the audit log, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audit: Vec<AuditEvent>,
}

impl Outcome {
    fn reply(reply: Reply) -> Self {
        Outcome {
            reply,
            send_code: None,
            notice: None,
            audit: Vec::new(),
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
}

/// The code a transition asks to send, with where it goes, if any (decoys send nothing).
fn delivery(flow: &ResetFlow, effects: &[Effect], scope: &Scope) -> Option<CodeDelivery> {
    effects.iter().find_map(|effect| match effect {
        Effect::SendCode { method, code } => Some(CodeDelivery {
            method: *method,
            to: flow.subject.address(*method)?.to_owned(),
            code: code.expose().to_owned(),
            audit: scope.code_sent(*method),
        }),
        Effect::SendApproval { .. } | Effect::Notify { .. } => None,
    })
}

/// The send counter a method's code counts against, if it sends one.
fn send_channel(method: Method) -> Option<SendChannel> {
    match method {
        Method::EmailCode => Some(SendChannel::Email),
        Method::SmsCode => Some(SendChannel::Sms),
        _ => None,
    }
}

/// Whose object this is, as the audit log names them: kept from the start of the first flow,
/// so that events after the flow is gone (a blocked user's requests) still name the user.
#[derive(Serialize, Deserialize)]
struct Owner {
    user_id: Option<String>,
}

fn user_of(subject: &Subject) -> Option<String> {
    match subject {
        Subject::User { user_id, .. } => Some(user_id.clone()),
        Subject::Decoy => None,
    }
}

/// The method being proved at a step, for the audit log.
fn method_at(flow: &ResetFlow) -> Option<sspr_core::policy::Method> {
    match &flow.stage {
        Stage::VerifyCode { method, .. } => Some(*method),
        _ => None,
    }
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
}

impl DurableObject for UserState {
    fn new(state: State, env: Env) -> Self {
        let sql = state.storage().sql();
        for table in ["flow", "throttle", "owner"] {
            sql.exec(
                &format!("CREATE TABLE IF NOT EXISTS {table} (id INTEGER PRIMARY KEY CHECK (id = 1), body TEXT NOT NULL)"),
                None,
            )
            .expect("the state tables can be created");
        }
        UserState { state, env, sql }
    }

    async fn fetch(&self, mut req: Request) -> Result<Response> {
        let command: Command = req.json().await?;
        let config =
            Config::from_env(&self.env).map_err(|err| worker::Error::RustError(err.to_string()))?;
        let outcome = match command {
            Command::Start {
                kind,
                now,
                subject,
                offers,
                settings,
            } => {
                self.start(&config, kind, now, subject, offers, settings)
                    .await?
            }
            Command::Verify { now, token, code } => {
                self.verify(&config, now, &token, &code).await?
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
        };
        Response::from_json(&outcome)
    }

    async fn alarm(&self) -> Result<Response> {
        // Alarms fire at least once: deleting an already deleted flow is harmless.
        let wall = worker::Date::now().as_millis();
        if let Some(flow) = self.load()? {
            if wall >= flow.expires_at {
                self.delete()?;
            } else {
                self.state
                    .storage()
                    .set_alarm((flow.expires_at - wall) as i64 + 1000)
                    .await?;
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
        subject: Subject,
        offers: Vec<MethodOffer>,
        settings: ResetSettings,
    ) -> Result<Outcome> {
        let user_id = user_of(&subject);
        self.write(
            "owner",
            &Owner {
                user_id: user_id.clone(),
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
        let started = ResetFlow::start(
            kind,
            &token,
            subject,
            offers,
            settings,
            &config.code_key,
            Proofs::default(),
            now,
            &mut random::fill,
        );
        self.save(&started.flow)?;
        self.state
            .storage()
            .set_alarm(FLOW_LIFETIME_MS as i64 + 60_000)
            .await?;
        scope.flow_id = Some(audit::flow_id(started.flow.token_hash()));
        Ok(Outcome {
            reply: started.flow.reply(&token.encode()),
            send_code: delivery(&started.flow, &started.effects, &scope),
            notice: None,
            audit: vec![scope.started(None)],
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
            kind: flow.kind,
            user_id: user_of(&flow.subject),
            flow_id: Some(audit::flow_id(flow.token_hash())),
        };
        let mut next = flow.clone();
        let effects = match next.choose(
            method,
            &config.code_key,
            Proofs::default(),
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
            notice: None,
            audit: Vec::new(),
        })
    }

    async fn verify(
        &self,
        config: &Config,
        now: UnixMillis,
        token_text: &str,
        code: &str,
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
        scope.kind = flow.kind;
        let method = method_at(&flow);
        let (reply, events) = match flow.submit_code(&config.code_key, code, now) {
            Ok(()) if flow.stage == Stage::UnlockReady => {
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
        let (token, mut flow) = match self.authorized(token_text, now)? {
            Ok(found) => found,
            Err(reply) => return Ok(Outcome::reply(reply)),
        };
        scope.kind = flow.kind;
        let operation_id = random::id();
        let (user_id, new_password) = match flow.begin_password(
            &config.policy.password_checker(),
            password,
            operation_id.clone(),
            now,
        ) {
            Ok(accepted) => accepted,
            Err(err) => {
                let reply = self.refuse(&flow, &token, &err)?;
                return Ok(Outcome::reply(reply).audited(scope.password_refused(&err)));
            }
        };
        // Pending is saved before the call, so a second submission meanwhile is refused.
        self.save(&flow)?;
        let backend = Backend::from_config(config);
        let result = backend
            .set_password(&user_id, &new_password, &operation_id)
            .await;
        drop(new_password);
        self.finish(
            &scope,
            &flow,
            &token,
            &operation_id,
            result,
            "password change",
        )
    }

    /// `Command::Unlock`: the widget applies or retries the unlock of a proved flow.
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
        let (token, flow) = match self.authorized(token_text, now)? {
            Ok(found) => found,
            Err(reply) => return Ok(Outcome::reply(reply)),
        };
        self.unlock(config, now, token, flow).await
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
            kind: flow.kind,
            user_id: user_of(&flow.subject),
            flow_id: Some(audit::flow_id(flow.token_hash())),
        };
        let operation_id = random::id();
        let user_id = match flow.begin_unlock(operation_id.clone(), now) {
            Ok(user_id) => user_id,
            Err(err) => return Ok(Outcome::reply(self.refuse(&flow, &token, &err)?)),
        };
        // Pending is saved before the call, so a second request meanwhile is refused.
        self.save(&flow)?;
        let backend = Backend::from_config(config);
        let result = backend.unlock(&user_id, &operation_id).await;
        self.finish(&scope, &flow, &token, &operation_id, result, "unlock")
    }

    /// Records the directory's answer to a pending change: done (the flow ends and the
    /// counters clear), or not applied (the user may try again without new proofs).
    fn finish(
        &self,
        scope: &Scope,
        flow: &ResetFlow,
        token: &FlowToken,
        operation_id: &str,
        result: std::result::Result<(), BackendError>,
        what: &str,
    ) -> Result<Outcome> {
        // The directory's answer is audited even when the flow is gone meanwhile.
        let event = scope.change(operation_id, &result);
        // Another flow may have replaced this one while the call was in flight.
        let Some(mut current) = self.load()?.filter(|f| f.token_hash() == flow.token_hash()) else {
            let reply = Reply::restart(ApiError::new(
                ErrorCode::FlowExpired,
                "this reset was replaced by a newer one",
            ));
            return Ok(Outcome::reply(reply).audited([event]));
        };
        let mut notice = None;
        let reply = match result {
            Ok(()) => {
                if let Some(Effect::Notify { to, notice: what }) = current.password_applied() {
                    notice = Some((to, what));
                }
                self.delete()?;
                // A successful reset or unlock clears the counters.
                self.save_throttle(&ThrottleState::default())?;
                current.reply(&token.encode())
            }
            Err(err) => {
                current.password_not_applied();
                self.save(&current)?;
                let mut reply = current.reply(&token.encode());
                reply.error = Some(match &err {
                    BackendError::Rejected(message) => {
                        ApiError::new(ErrorCode::PasswordRejected, message.clone())
                    }
                    BackendError::Unavailable(detail) => {
                        worker::console_error!("{what} {operation_id} not applied: {detail}");
                        ApiError::new(
                            ErrorCode::BackendUnavailable,
                            format!(
                                "the directory could not be reached; the {what} was not applied, try again"
                            ),
                        )
                    }
                });
                reply
            }
        };
        Ok(Outcome {
            notice,
            ..Outcome::reply(reply).audited([event])
        })
    }

    /// The audit scope of a request on the flow `token_text` names, before the flow is
    /// authorized: the object's user, and the flow's audit id.
    fn scope(&self, now: UnixMillis, token_text: &str) -> Result<Scope> {
        let owner: Option<Owner> = self.read("owner")?;
        let user_id = match owner {
            Some(owner) => owner.user_id,
            None => self.load()?.and_then(|flow| user_of(&flow.subject)),
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

    /// Finds the flow `token_text` names, or the reply that says it is gone.
    fn authorized(
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
