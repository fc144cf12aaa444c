//! `/v1/report…`: "this wasn't me". The link in every notice to a user opens the report page
//! (`REPORT_URL`, with the token in the fragment); the page shows what changed with
//! `POST /v1/report/preview` (which changes nothing) and reports it, on the user's
//! confirmation, with `POST /v1/report`. Nothing acts on a GET, so mail scanners that fetch
//! links do nothing. The token carries the id of the user's Durable Object (as flow tokens
//! do), which is how a request that names no user reaches that user's object; the object
//! then checks the token's hash (see [`crate::user_state`]'s reports module).

use sspr_core::api::{ReportReply, ReportRequest};
use sspr_core::report::ReportError;
use sspr_core::token::FlowToken;
use worker::{Context, Env, Request, Response, Result};

use super::reset::{USER_STATE, notify_after_reply};
use super::{audit_origin, call_user_state, read_json, reply_internal, secured};
use crate::audit::store;
use crate::clock;
use crate::config::Config;
use crate::http::SecurityHeaders;
use crate::user_state::{Command, ReportOutcome};

fn send(reply: &ReportReply, security: &SecurityHeaders) -> Result<Response> {
    secured(
        Response::from_json(reply)?.with_status(reply.status()),
        security,
    )
}

/// `POST /v1/report/preview` (`confirm` false) and `POST /v1/report` (`confirm` true),
/// `{token}`.
pub async fn handle(
    confirm: bool,
    mut req: Request,
    env: &Env,
    ctx: &Context,
    config: &Config,
    security: &SecurityHeaders,
) -> Result<Response> {
    let now = clock::now(&req);
    let origin = audit_origin(&req, config);
    let body: ReportRequest = match read_json(&mut req).await? {
        Ok(body) => body,
        Err(reply) => return super::respond(&reply, security),
    };
    let invalid = || send(&ReportReply::error(ReportError::Invalid.into()), security);
    let Ok(token) = FlowToken::parse(body.token.trim()) else {
        return invalid();
    };
    let namespace = env.durable_object(USER_STATE)?;
    let Ok(stub) = namespace
        .id_from_string(&hex::encode(token.owner()))
        .and_then(|id| id.get_stub())
    else {
        return invalid();
    };
    let command = Command::Report {
        now,
        token: token.encode(),
        confirm,
    };
    let outcome: ReportOutcome = match call_user_state(&stub, &command, config.policy_version).await
    {
        Ok(outcome) => outcome,
        Err(err) => {
            worker::console_error!("user state call failed: {err}");
            return reply_internal(security);
        }
    };
    store::write_after_reply(ctx, env, origin, outcome.audit);
    notify_after_reply(ctx, config, outcome.notices);
    send(&outcome.reply, security)
}
