//! `/v1/approver/…`: the user's phone, as an app-notification approver. It pairs itself
//! with the code the registration screen showed (`pair`), then, with requests signed by the
//! key it paired (ES256 compact JWS, see [`sspr_core::api::SignedRequest`]), fetches the open
//! approval request (`pending`) and answers it (`answer`). The widget meanwhile polls
//! `/v1/reset/status` and moves on when the answer is in.
//!
//! The pairing code and the device id carry the id of the user's Durable Object (as flow
//! tokens do), which is how a request that names no user reaches that user's object; the
//! object then checks the code's hash or the signature (see [`crate::user_state`]'s approver
//! module), so a forged id only reaches an object that refuses it.

use sspr_core::api::{ApiError, ApproverReply, PairRequest, SignedRequest};
use sspr_core::methods::approver::ApproverError;
use sspr_core::token::FlowToken;
use worker::{Context, Env, Request, Response, Result};

use super::reset::{USER_STATE, notify_after_reply};
use super::{audit_origin, call_user_state, read_json, reply_internal, secured};
use crate::audit::store;
use crate::clock;
use crate::config::Config;
use crate::http::{Route, SecurityHeaders};
use crate::oidc;
use crate::user_state::{ApproverOp, ApproverOutcome, Command, signature_invalid};

fn send(reply: &ApproverReply, security: &SecurityHeaders) -> Result<Response> {
    secured(
        Response::from_json(reply)?.with_status(reply.status()),
        security,
    )
}

fn refuse(error: ApiError, security: &SecurityHeaders) -> Result<Response> {
    send(&ApproverReply::error(error), security)
}

/// The object a pairing code or a device id names, if it is shaped like one.
fn owner_of(text: &str) -> Option<String> {
    FlowToken::parse(text)
        .ok()
        .map(|token| hex::encode(token.owner()))
}

/// Any approver route.
pub async fn handle(
    route: Route,
    mut req: Request,
    env: &Env,
    ctx: &Context,
    config: &Config,
    security: &SecurityHeaders,
) -> Result<Response> {
    let now = clock::now(&req);
    let origin = audit_origin(&req, config);
    let (request, owner, unknown) = match route {
        Route::ApproverPair => {
            let body: PairRequest = match read_json(&mut req).await? {
                Ok(body) => body,
                Err(reply) => return super::respond(&reply, security),
            };
            let owner = owner_of(&body.pairing);
            let request = ApproverOp::Pair {
                pairing: body.pairing,
                name: body.name,
                key: body.key,
            };
            (
                request,
                owner,
                ApiError::from(ApproverError::PairingInvalid),
            )
        }
        _ => {
            let body: SignedRequest = match read_json(&mut req).await? {
                Ok(body) => body,
                Err(reply) => return super::respond(&reply, security),
            };
            // The header's kid names the device, and so the object; nothing is trusted yet.
            let owner = match oidc::key_id(&body.signed) {
                Ok(Some(kid)) => owner_of(&kid),
                _ => None,
            };
            let signed = body.signed;
            let request = match route {
                Route::ApproverAnswer => ApproverOp::Answer { signed },
                Route::ApproverPush => ApproverOp::Push { signed },
                _ => ApproverOp::Pending { signed },
            };
            (request, owner, signature_invalid())
        }
    };
    let Some(owner) = owner else {
        return refuse(unknown, security);
    };
    let namespace = env.durable_object(USER_STATE)?;
    let Ok(stub) = namespace
        .id_from_string(&owner)
        .and_then(|id| id.get_stub())
    else {
        return refuse(unknown, security);
    };
    let command = Command::Approver { now, request };
    let outcome: ApproverOutcome =
        match call_user_state(&stub, &command, config.policy_version).await {
            Ok(outcome) => outcome,
            Err(err) => {
                worker::console_error!("user state call failed: {err}");
                return reply_internal(security);
            }
        };
    store::write_after_reply(ctx, env, origin, outcome.audit);
    notify_after_reply(ctx, config, outcome.notices);
    if let Some(registered) = &outcome.registration {
        super::registration::refresh_report_after_reply(
            ctx,
            env,
            config,
            &registered.user_id,
            &registered.view,
            now,
        );
    }
    send(&outcome.reply, security)
}
