//! `/v1/reset/…`: start a reset, verify the emailed code, set the new password.

use sspr_core::api::{
    CompleteRequest, MethodOffer, NewPasswordRequest, Reply, StartRequest, VerifyCodeRequest,
};
use sspr_core::flow::{FlowError, FlowKind, Subject};
use sspr_core::mask;
use sspr_core::password::PersonalInfo;
use sspr_core::policy::Method as ProofMethod;
use sspr_core::token::FlowToken;
use sspr_core::username::Username;
use worker::{Context, Env, Method, ObjectNamespace, Request, RequestInit, Response, Result, Stub};

use super::{audit_origin, read_json, reply_internal, respond};
use crate::audit::{self, AuditEvent, RequestOrigin, store};
use crate::clock;
use crate::config::Config;
use crate::http::SecurityHeaders;
use crate::identity::IdentityBackend;
use crate::identity::webhook::WebhookBackend;
use crate::senders::resend::ResendSender;
use crate::senders::{EmailContent, EmailSender, templates};
use crate::user_state::{Command, Outcome};

const USER_STATE: &str = "USER_STATE";

/// `POST /v1/reset/start` and `/v1/unlock/start` `{username}`. Known and unknown usernames
/// get replies of the same shape; only real users are sent a code, after the reply has gone.
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
    let request: StartRequest = match read_json(&mut req).await? {
        Ok(request) => request,
        Err(reply) => return respond(&reply, security),
    };
    let username = match Username::parse(&request.username) {
        Ok(username) => username,
        Err(err) => return respond(&Reply::error(err.into()), security),
    };
    let backend = WebhookBackend {
        url: config.webhook_url.clone(),
        secret: config.webhook_secret.clone(),
    };
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
    // Only users whose effective policy an emailed code satisfies get a real flow for now;
    // everyone else (unknown, disabled, not enabled by policy, needing two methods) walks the
    // decoy flow, so the policy is never weakened. Multi-method flows come with the Core issue.
    let served = user.filter(|user| {
        config
            .policy
            .for_user(&user.facts())
            .is_some_and(|policy| policy.satisfied_by(&[ProofMethod::EmailCode]))
    });
    let (object_name, subject, destination, email) = match served {
        Some(user) if user.email.is_some() => {
            let email = user.email.unwrap_or_default();
            (
                format!("user/{}/{}", config.tenant, user.id),
                Subject::User {
                    personal: PersonalInfo::new(
                        username.as_str(),
                        user.display_name.as_deref(),
                        Some(&email),
                    ),
                    user_id: user.id,
                    contact: Some(email.clone()),
                },
                mask::email(&email),
                Some(email),
            )
        }
        _ => (
            format!("decoy/{}/{}", config.tenant, username.digest()),
            Subject::Decoy,
            mask::decoy_email(username.as_str(), &config.decoy_domain),
            None,
        ),
    };
    let namespace = env.durable_object(USER_STATE)?;
    let stub = namespace.id_from_name(&object_name)?.get_stub()?;
    let command = Command::Start {
        kind,
        now,
        subject,
        // Only the emailed code is wired up at the edge so far.
        offers: vec![MethodOffer::new(ProofMethod::EmailCode, destination)],
        settings: config.policy.reset_settings(),
    };
    let outcome = call(&stub, &command).await?;
    // An unknown username is kept only as a keyed hash, so repeated probing shows.
    let mut events = outcome.audit;
    for event in events.iter_mut().filter(|e| e.user_id.is_none()) {
        event.detail.username_hash = Some(audit::username_hash(&config.audit_hash_key, &username));
    }
    match (outcome.send_code, email) {
        (Some(code), Some(to)) => {
            let minutes = u64::from(config.policy.codes.lifetime_minutes);
            let content = templates::code_email(&config.policy.organization.name, &code, minutes);
            send_code_after_reply(ctx, env, config, to, content, origin, events);
        }
        _ => store::write_after_reply(ctx, env, origin, events),
    }
    respond(&outcome.reply, security)
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
    let request: T = match read_json(&mut req).await? {
        Ok(request) => request,
        Err(reply) => return respond(&reply, security),
    };
    forward(env, ctx, config, &command(now, request), origin, security).await
}

/// Sends a code after the reply has gone, between writing the start's audit events and
/// writing `code_sent` with the provider's answer. Failures are logged without the address,
/// the code or the content.
fn send_code_after_reply(
    ctx: &Context,
    env: &Env,
    config: &Config,
    to: String,
    content: EmailContent,
    origin: RequestOrigin,
    events: Vec<AuditEvent>,
) {
    let sender = ResendSender {
        api_url: config.email_api_url.clone(),
        api_key: config.email_api_key.clone(),
        from: config.email_from.clone(),
    };
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
        let result = sender.send(&to, &content, &crate::random::id()).await;
        if let Err(err) = &result {
            worker::console_error!("code email not sent: {err}");
        }
        if let (Some(db), Some(started)) = (&db, events.first()) {
            let sent = audit::code_sent(started, ProofMethod::EmailCode, result.as_ref().copied());
            if let Err(err) = store::write(db, &origin, &[sent]).await {
                worker::console_error!("audit write of code_sent failed: {err}");
            }
        }
    });
}

/// Sends an email after the reply has gone, so its timing reveals nothing. Failures are
/// logged without the address or the content.
fn send_after_reply(
    ctx: &Context,
    config: &Config,
    to: String,
    content: EmailContent,
    what: &'static str,
) {
    let sender = ResendSender {
        api_url: config.email_api_url.clone(),
        api_key: config.email_api_key.clone(),
        from: config.email_from.clone(),
    };
    ctx.wait_until(async move {
        if let Err(err) = sender.send(&to, &content, &crate::random::id()).await {
            worker::console_error!("{what} not sent: {err}");
        }
    });
}

/// Sends a command to the Durable Object a flow token names.
async fn forward(
    env: &Env,
    ctx: &Context,
    config: &Config,
    command: &Command,
    origin: RequestOrigin,
    security: &SecurityHeaders,
) -> Result<Response> {
    let namespace = env.durable_object(USER_STATE)?;
    let token = command.token().unwrap_or_default();
    let Some(stub) = stub_for_token(&namespace, token) else {
        return respond(&Reply::restart((&FlowError::Expired).into()), security);
    };
    match call(&stub, command).await {
        Ok(outcome) => {
            store::write_after_reply(ctx, env, origin, outcome.audit);
            if let Some((to, notice)) = outcome.notice {
                let content = templates::notice_email(
                    &config.policy.organization.name,
                    notice,
                    config.policy.organization.helpdesk_url.as_deref(),
                );
                send_after_reply(ctx, config, to, content, "account notice");
            }
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

async fn call(stub: &Stub, command: &Command) -> Result<Outcome> {
    let mut init = RequestInit::new();
    init.with_method(Method::Post)
        .with_body(Some(serde_json::to_string(command)?.into()));
    let request = Request::new_with_init("https://user-state/command", &init)?;
    let mut response = stub.fetch_with_request(request).await?;
    response.json().await
}
