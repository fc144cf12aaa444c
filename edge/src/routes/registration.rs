//! `/v1/register…`: a signed-in user lists, adds, verifies and removes their methods,
//! confirms them or postpones. The caller is named by its credential ([`crate::signin`]),
//! looked up in the identity backend (enabled, administrator, groups, contact details), and
//! the request goes to that user's Durable Object, the same one that owns their resets.
//! Every reply is a [`RegistrationView`](sspr_core::api::RegistrationView), with `error` set
//! when the request changed nothing, or a [`RegistrationError`] when there is no signed-in
//! user or the body is malformed.

use sspr_core::UnixMillis;
use sspr_core::api::{
    AddEmailRequest, AddPhoneRequest, ApiError, DefaultMethodRequest, ErrorCode, QuestionsRequest,
    RegistrationError, RegistrationReply, RegistrationView, RemoveMethodRequest, Reply,
    VerifyEnrolmentRequest,
};
use sspr_core::username::Username;
use worker::{Context, Env, Request, Response, Result};

use super::reset::{
    USER_STATE, after_reply, directory_contacts, notify_after_reply, request_language,
};
use super::{audit_origin, call_user_state, read_json, secured};
use crate::audit::store;
use crate::clock;
use crate::config::Config;
use crate::http::{RegisterRoute, SecurityHeaders};
use crate::identity::{Backend, IdentityBackend};
use crate::registration_report::StateRow;
use crate::signin::{self, SignInError};
use crate::user_state::{Command, RegisterOp, Registering, RegistrationOutcome};

/// Sends a registration error with its status.
fn refuse(error: RegistrationError, security: &SecurityHeaders) -> Result<Response> {
    let status = error.error.code.status();
    secured(Response::from_json(&error)?.with_status(status), security)
}

/// A malformed body's reply, as a registration error.
fn malformed(reply: Reply) -> RegistrationError {
    RegistrationError {
        error: reply
            .error
            .unwrap_or_else(|| ApiError::new(ErrorCode::BadRequest, "the body is not valid")),
    }
}

/// Reads the body a route expects and turns it into the request for the user's object.
async fn operation(
    route: RegisterRoute,
    req: &mut Request,
) -> Result<std::result::Result<RegisterOp, RegistrationError>> {
    Ok(match route {
        RegisterRoute::View => Ok(RegisterOp::View),
        RegisterRoute::Email => read_json::<AddEmailRequest>(req)
            .await?
            .map(|r| RegisterOp::AddEmail { address: r.address }),
        RegisterRoute::Phone => read_json::<AddPhoneRequest>(req)
            .await?
            .map(|r| RegisterOp::AddPhone { number: r.number }),
        RegisterRoute::Authenticator => read_json::<Empty>(req)
            .await?
            .map(|_| RegisterOp::AddAuthenticator),
        RegisterRoute::Verify => read_json::<VerifyEnrolmentRequest>(req)
            .await?
            .map(|r| RegisterOp::Verify { code: r.code }),
        RegisterRoute::Questions => read_json::<QuestionsRequest>(req)
            .await?
            .map(|r| RegisterOp::Questions { answers: r.answers }),
        RegisterRoute::Remove => read_json::<RemoveMethodRequest>(req)
            .await?
            .map(|r| RegisterOp::Remove { method: r.method }),
        RegisterRoute::Default => read_json::<DefaultMethodRequest>(req)
            .await?
            .map(|r| RegisterOp::SetDefault { method: r.method }),
        RegisterRoute::Confirm => read_json::<Empty>(req).await?.map(|_| RegisterOp::Confirm),
        RegisterRoute::Skip => read_json::<Empty>(req).await?.map(|_| RegisterOp::Skip),
        RegisterRoute::App => read_json::<Empty>(req)
            .await?
            .map(|_| RegisterOp::AddApprover),
    }
    .map_err(malformed))
}

/// The body of the routes that take none beyond `{}`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Empty {}

/// Any registration route.
pub async fn handle(
    route: RegisterRoute,
    mut req: Request,
    env: &Env,
    ctx: &Context,
    config: &Config,
    security: &SecurityHeaders,
) -> Result<Response> {
    let now = clock::now(&req);
    let origin = audit_origin(&req, config);
    let req_origin = req.headers().get("Origin")?;
    let authorization = req.headers().get("Authorization")?;
    let signed_in = match signin::signed_in(
        config.registration_ticket_key.as_deref(),
        config.oidc.as_ref(),
        authorization.as_deref(),
        now,
    )
    .await
    {
        // Without REGISTRATION_KEYS nothing registered could be stored: nobody gets in.
        Ok(_) if config.registration_keys.is_none() => {
            worker::console_warn!("registration refused: REGISTRATION_KEYS is not set");
            return refuse(signin::unauthenticated(), security);
        }
        Ok(signed_in) => signed_in,
        Err(err) => {
            if !matches!(err, SignInError::Missing) {
                worker::console_warn!("registration refused: {err}");
            }
            return refuse(err.reply(), security);
        }
    };
    let request = match operation(route, &mut req).await? {
        Ok(request) => request,
        Err(error) => return refuse(error, security),
    };
    let Ok(username) = Username::parse(&signed_in.username) else {
        return refuse(signin::unauthenticated(), security);
    };
    let user = match Backend::from_config(config).lookup(username.as_str()).await {
        Ok(Some(user)) => user,
        Ok(None) => {
            worker::console_warn!(
                "registration refused: the signed-in user is not in the directory"
            );
            return refuse(signin::unauthenticated(), security);
        }
        Err(err) => {
            worker::console_error!("user lookup failed: {err}");
            let error = ApiError::new(
                ErrorCode::BackendUnavailable,
                "the directory could not be reached; try again in a moment",
            );
            return refuse(RegistrationError { error }, security);
        }
    };
    let command = Command::Register {
        now,
        user: Registering {
            user_id: user.id.clone(),
            username: username.as_str().to_owned(),
            display_name: user.display_name.clone(),
            facts: user.facts(),
            directory: directory_contacts(&user),
            signed_in_at: signed_in.issued_at_ms,
            language: request_language(&req),
        },
        request,
    };
    let namespace = env.durable_object(USER_STATE)?;
    let stub = namespace
        .id_from_name(&format!("user/{}/{}", config.tenant, user.id))?
        .get_stub()?;
    let outcome: RegistrationOutcome =
        match call_user_state(&stub, &command, config.policy_version).await {
            Ok(outcome) => outcome,
            Err(err) => {
                worker::console_error!("user state call failed: {err}");
                return super::reply_internal(security);
            }
        };
    let status = outcome.status();
    refresh_report_after_reply(ctx, env, config, &user.id, &outcome.view, now);
    after_reply(
        ctx,
        env,
        config,
        &req_origin,
        outcome.send_code,
        origin,
        outcome.audit,
    );
    notify_after_reply(ctx, config, outcome.notices);
    let reply = RegistrationReply {
        view: outcome.view,
        approver: outcome.approver,
    };
    secured(Response::from_json(&reply)?.with_status(status), security)
}

/// Refreshes `user_id`'s row of the registration report from `view` after the reply, as each
/// of their registration requests and their phone's pairing do; a failed write is logged and
/// never fails the request.
pub(super) fn refresh_report_after_reply(
    ctx: &Context,
    env: &Env,
    config: &Config,
    user_id: &str,
    view: &RegistrationView,
    now: UnixMillis,
) {
    let state = StateRow::from_view(user_id, view, now).upsert(&config.tenant);
    match store::database(env) {
        Ok(db) => ctx.wait_until(async move {
            if let Err(err) = store::run(&db, &state).await {
                worker::console_error!("registration report row not written: {err}");
            }
        }),
        Err(err) => worker::console_error!("registration report unavailable: {err}"),
    }
}
