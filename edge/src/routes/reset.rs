//! `/v1/reset/…`: start a reset, verify the emailed code, set the new password, ask where a
//! pending change stands.

use sspr_core::api::{
    AnswersRequest, ChooseMethodRequest, CompleteRequest, NewPasswordRequest, Reply, StartRequest,
    VerifyCodeRequest,
};
use sspr_core::flow::{FlowError, FlowKind, Subject};
use sspr_core::locale::Language;
use sspr_core::methods::phone::PhoneNumber;
use sspr_core::offers;
use sspr_core::password::PersonalInfo;
use sspr_core::policy::Method as ProofMethod;
use sspr_core::registration::DirectoryContacts;
use sspr_core::token::FlowToken;
use sspr_core::username::Username;
use sspr_core::webhook::DirectoryUser;
use worker::{Context, Env, ObjectNamespace, Request, Response, Result, Stub};

use super::{audit_origin, call_user_state, read_json, reply_internal, respond};
use crate::audit::{self, AuditEvent, RequestOrigin, store};
use crate::clock;
use crate::config::Config;
use crate::http::SecurityHeaders;
use crate::identity::{Backend, IdentityBackend};
use crate::notices::{self, Notify};
use crate::senders::Mailer;
use crate::senders::twilio::TwilioSender;
use crate::senders::{Channel, EmailSender, SendError, SmsSender, templates};
use crate::turnstile::{self, Verdict, siteverify::Siteverify};
use crate::user_state::{CodeDelivery, CodePurpose, Command, HeldAtStart, Outcome};

pub(super) const USER_STATE: &str = "USER_STATE";

/// The contact details a directory user has: their email address and mobile number. A
/// number that does not parse is left out, and logged without the number.
pub(super) fn directory_contacts(user: &DirectoryUser) -> DirectoryContacts {
    DirectoryContacts {
        email: user.email.clone().filter(|e| !e.trim().is_empty()),
        phone: user.phone.as_deref().and_then(|phone| {
            let parsed = PhoneNumber::from_e164(phone);
            if parsed.is_none() {
                worker::console_warn!(
                    "user {}: the directory's phone number is not E.164",
                    user.id
                );
            }
            parsed
        }),
    }
}

/// The language a request asks for: its `Accept-Language` (the widget sends its resolved
/// language; a browser sends its own otherwise), negotiated against ours, else English.
pub(super) fn request_language(req: &Request) -> Language {
    req.headers()
        .get("Accept-Language")
        .ok()
        .flatten()
        .map_or(Language::ENGLISH, |header| {
            Language::from_accept_language(&header)
        })
}

/// `POST /v1/reset/start` and `/v1/unlock/start` `{username, turnstile?}`. Known and unknown
/// usernames get replies of the same shape; only real users are sent a code, after the reply
/// has gone. With Turnstile configured, the token is checked first, before any lookup.
pub async fn start(
    kind: FlowKind,
    mut req: Request,
    env: &Env,
    ctx: &Context,
    config: &Config,
    security: &SecurityHeaders,
) -> Result<Response> {
    let now = clock::now(&req);
    let origin = audit_origin(&req, config);
    let req_origin = req.headers().get("Origin")?;
    let language = request_language(&req);
    let request: StartRequest = match read_json(&mut req).await? {
        Ok(request) => request,
        Err(reply) => return respond(&reply, security),
    };
    // Before anything about the username is looked at, so the check says nothing about it.
    if let Some(verdict) = human_check(kind, &req, config, request.turnstile.as_deref()).await
        && let Some(error) = verdict.error()
    {
        let event = audit::turnstile_refused(now, kind, &verdict);
        store::write_after_reply(ctx, env, origin, event.into_iter().collect());
        return respond(&Reply::error(error), security);
    }
    let username = match Username::parse(&request.username) {
        Ok(username) => username,
        Err(err) => return respond(&Reply::error(err.into()), security),
    };
    let backend = Backend::from_config(config);
    let user = match backend.lookup(username.as_str()).await {
        Ok(user) => user,
        Err(err) => {
            worker::console_error!("user lookup failed: {err}");
            let api = sspr_core::api::ApiError::new(
                sspr_core::api::ErrorCode::BackendUnavailable,
                "the directory could not be reached; try again in a moment",
            );
            return respond(&Reply::error(api), security);
        }
    };
    // An enabled user's flow starts in their own object, which merges the directory's
    // contact details with what they registered and walks the decoy flow when that is not
    // enough for their policy; everyone else (unknown, disabled, not enabled by policy)
    // walks the decoy flow in a decoy object. So the policy is never weakened and the
    // replies look alike.
    let decoy_offers = || {
        offers::decoy_offers(
            &config.policy,
            username.as_str(),
            &config.decoy_domain,
            &config.decoy_country_code,
        )
    };
    let served = user.and_then(|user| {
        let policy = config.policy.for_user(&user.facts())?;
        Some((user, policy))
    });
    let (object_name, subject, settings, held) = match served {
        Some((user, policy)) => {
            let directory = directory_contacts(&user);
            let name = user
                .display_name
                .clone()
                .filter(|n| !n.trim().is_empty())
                .unwrap_or_else(|| username.as_str().to_owned());
            let admin_name = user.admin.then(|| name.clone());
            (
                format!("user/{}/{}", config.tenant, user.id),
                Subject::User {
                    personal: PersonalInfo::new(
                        username.as_str(),
                        user.display_name.as_deref(),
                        directory.email.as_deref(),
                    ),
                    user_id: user.id,
                    contact: None,
                    phone: None,
                },
                config.policy.reset_settings_for(&policy),
                Some(HeldAtStart {
                    policy,
                    directory,
                    sms_available: config.sms.is_some(),
                    decoy_offers: decoy_offers(),
                    decoy_settings: config.policy.reset_settings(),
                    admin_name,
                    name: Some(name),
                }),
            )
        }
        None => (
            format!("decoy/{}/{}", config.tenant, username.digest()),
            Subject::Decoy,
            config.policy.reset_settings(),
            None,
        ),
    };
    let offers = if held.is_some() {
        Vec::new()
    } else {
        decoy_offers()
    };
    let namespace = env.durable_object(USER_STATE)?;
    let stub = namespace.id_from_name(&object_name)?.get_stub()?;
    let command = Command::Start {
        kind,
        now,
        subject,
        offers,
        settings,
        held,
        language,
    };
    let outcome: Outcome = call_user_state(&stub, &command, config.policy_version).await?;
    // An unknown username is kept only as a keyed hash, so repeated probing shows.
    let mut events = outcome.audit;
    for event in events.iter_mut().filter(|e| e.user_id.is_none()) {
        event.detail.username_hash = Some(audit::username_hash(&config.audit_hash_key, &username));
    }
    after_reply(
        ctx,
        env,
        config,
        &req_origin,
        outcome.send_code,
        origin,
        events,
    );
    crate::web_push::wake_after_reply(ctx, config, stub, outcome.wake);
    respond(&outcome.reply, security)
}

/// The Turnstile check of a start, when configured (`None` when it is not). A refusal is
/// logged here and audited by the caller.
async fn human_check(
    kind: FlowKind,
    req: &Request,
    config: &Config,
    token: Option<&str>,
) -> Option<Verdict> {
    let settings = config.turnstile.as_ref()?;
    let remoteip = req.headers().get("CF-Connecting-IP").ok().flatten();
    let mut key = [0u8; 16];
    crate::random::fill(&mut key);
    let verdict = turnstile::check(
        &Siteverify {
            url: &settings.verify_url,
        },
        &settings.secret,
        token,
        remoteip.as_deref(),
        crate::random::uuid_v4(key),
        &turnstile::Expectation::new(kind, &config.allowed_origins),
    )
    .await;
    match &verdict {
        Verdict::Refused(why) => worker::console_warn!("turnstile: {why}"),
        Verdict::Unavailable(why) => worker::console_error!("turnstile: {why}"),
        Verdict::Passed | Verdict::Required => {}
    }
    Some(verdict)
}

/// `POST /v1/reset/verify` `{flow, code}`.
pub async fn verify(
    req: Request,
    env: &Env,
    ctx: &Context,
    config: &Config,
    security: &SecurityHeaders,
) -> Result<Response> {
    flow_step(
        req,
        env,
        ctx,
        config,
        security,
        |now, r: VerifyCodeRequest| Command::Verify {
            now,
            token: r.flow,
            code: r.code,
        },
    )
    .await
}

/// `POST /v1/reset/answers` `{flow, answers}`: answers to the security questions asked.
pub async fn answers(
    req: Request,
    env: &Env,
    ctx: &Context,
    config: &Config,
    security: &SecurityHeaders,
) -> Result<Response> {
    flow_step(req, env, ctx, config, security, |now, r: AnswersRequest| {
        Command::Answers {
            now,
            token: r.flow,
            answers: r.answers,
        }
    })
    .await
}

/// `POST /v1/reset/choose` `{flow, method}`: the method to prove next.
pub async fn choose(
    req: Request,
    env: &Env,
    ctx: &Context,
    config: &Config,
    security: &SecurityHeaders,
) -> Result<Response> {
    flow_step(
        req,
        env,
        ctx,
        config,
        security,
        |now, r: ChooseMethodRequest| Command::Choose {
            now,
            token: r.flow,
            method: r.method,
        },
    )
    .await
}

/// `POST /v1/reset/password` `{flow, password}`.
pub async fn password(
    req: Request,
    env: &Env,
    ctx: &Context,
    config: &Config,
    security: &SecurityHeaders,
) -> Result<Response> {
    flow_step(
        req,
        env,
        ctx,
        config,
        security,
        |now, r: NewPasswordRequest| Command::Password {
            now,
            token: r.flow,
            password: r.password,
        },
    )
    .await
}

/// `POST /v1/unlock/complete` `{flow}`: applies, or retries, the unlock of a proved flow.
pub async fn complete(
    req: Request,
    env: &Env,
    ctx: &Context,
    config: &Config,
    security: &SecurityHeaders,
) -> Result<Response> {
    flow_step(
        req,
        env,
        ctx,
        config,
        security,
        |now, r: CompleteRequest| Command::Unlock { now, token: r.flow },
    )
    .await
}

/// `POST /v1/reset/status` `{flow}`: where the flow stands (a pending change done, still
/// pending, or not applied), for the widget to poll. Changes nothing.
pub async fn status(
    req: Request,
    env: &Env,
    ctx: &Context,
    config: &Config,
    security: &SecurityHeaders,
) -> Result<Response> {
    flow_step(
        req,
        env,
        ctx,
        config,
        security,
        |now, r: CompleteRequest| Command::Status { now, token: r.flow },
    )
    .await
}

/// A request on an existing flow: parse the body, build the command for the flow's Durable
/// Object, and forward it to the object its flow token names.
async fn flow_step<T: serde::de::DeserializeOwned>(
    mut req: Request,
    env: &Env,
    ctx: &Context,
    config: &Config,
    security: &SecurityHeaders,
    command: impl FnOnce(sspr_core::UnixMillis, T) -> Command,
) -> Result<Response> {
    let now = clock::now(&req);
    let origin = audit_origin(&req, config);
    let req_origin = req.headers().get("Origin")?;
    let request: T = match read_json(&mut req).await? {
        Ok(request) => request,
        Err(reply) => return respond(&reply, security),
    };
    let command = command(now, request);
    forward(env, ctx, config, &command, &req_origin, origin, security).await
}

/// After the reply has gone: writes the audit events, then sends the code, if any, and
/// writes its `code_sent` event with the provider's answer. Failures are logged without the
/// address, the code or the content.
pub(super) fn after_reply(
    ctx: &Context,
    env: &Env,
    config: &Config,
    req_origin: &Option<String>,
    delivery: Option<CodeDelivery>,
    origin: RequestOrigin,
    events: Vec<AuditEvent>,
) {
    let Some(delivery) = delivery else {
        store::write_after_reply(ctx, env, origin, events);
        return;
    };
    let organization = config.policy.organization.name.clone();
    let minutes = u64::from(config.policy.codes.lifetime_minutes);
    let message = match (delivery.method, delivery.purpose) {
        (ProofMethod::SmsCode, _) => Message::Sms(templates::code_sms(
            delivery.language,
            &organization,
            &delivery.code,
            minutes,
            // The edge only answers origins it allows, so this is never an attacker's page.
            req_origin.as_deref().and_then(templates::origin_host),
        )),
        (_, CodePurpose::Enrolment) => Message::Email(templates::enrolment_email(
            delivery.language,
            &organization,
            &delivery.code,
            minutes,
        )),
        _ => Message::Email(templates::code_email(
            delivery.language,
            &organization,
            &delivery.code,
            minutes,
        )),
    };
    let email = Mailer::from_config(config);
    let sms = config.sms.as_ref().map(TwilioSender::from);
    let db = store::database(env);
    ctx.wait_until(async move {
        let db = match db {
            Ok(db) => Some(db),
            Err(err) => {
                worker::console_error!("audit log unavailable: {err}");
                None
            }
        };
        if let Some(db) = &db
            && let Err(err) = store::write(db, &origin, &events).await
        {
            worker::console_error!("audit write of {} events failed: {err}", events.len());
        }
        let key = crate::random::id();
        let result = match (&message, &sms) {
            (Message::Email(content), _) => email.send(&delivery.to, content, &key).await,
            (Message::Sms(body), Some(sms)) => {
                sms.send(&delivery.to, body, &key).await.map(|_receipt| ())
            }
            (Message::Sms(_), None) => Err(SendError::other(Channel::Sms, "SMS is not configured")),
        };
        if let Err(err) = &result {
            worker::console_error!("code not sent: {err}");
        }
        if let Some(db) = &db {
            let sent = audit::code_sent(&delivery.audit, delivery.method, result.as_ref().copied());
            if let Err(err) = store::write(db, &origin, &[sent]).await {
                worker::console_error!("audit write of code_sent failed: {err}");
            }
        }
    });
}

/// A code's message, by channel.
enum Message {
    Email(crate::senders::EmailContent),
    Sms(String),
}

/// Sends notices after the reply has gone, so their timing reveals nothing and the user
/// never waits for them (the administrators' notice asks the directory who they are).
pub(super) fn notify_after_reply(ctx: &Context, config: &Config, notices: Vec<Notify>) {
    if notices.is_empty() {
        return;
    }
    let config = config.clone();
    ctx.wait_until(async move { notices::send(&config, notices).await });
}

/// Sends a command to the Durable Object a flow token names.
async fn forward(
    env: &Env,
    ctx: &Context,
    config: &Config,
    command: &Command,
    req_origin: &Option<String>,
    origin: RequestOrigin,
    security: &SecurityHeaders,
) -> Result<Response> {
    let namespace = env.durable_object(USER_STATE)?;
    let token = command.token().unwrap_or_default();
    let Some(stub) = stub_for_token(&namespace, token) else {
        return respond(&Reply::restart((&FlowError::Expired).into()), security);
    };
    match call_user_state::<_, Outcome>(&stub, command, config.policy_version).await {
        Ok(outcome) => {
            after_reply(
                ctx,
                env,
                config,
                req_origin,
                outcome.send_code,
                origin,
                outcome.audit,
            );
            crate::web_push::wake_after_reply(ctx, config, stub, outcome.wake);
            notify_after_reply(ctx, config, outcome.notices);
            respond(&outcome.reply, security)
        }
        Err(err) => {
            worker::console_error!("user state call failed: {err}");
            reply_internal(security)
        }
    }
}

fn stub_for_token(namespace: &ObjectNamespace, token: &str) -> Option<Stub> {
    let token = FlowToken::parse(token).ok()?;
    let id = namespace.id_from_string(&hex::encode(token.owner())).ok()?;
    id.get_stub().ok()
}
