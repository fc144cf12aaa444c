//! `sspr-edge`: the Cloudflare Worker. It parses requests, loads the user's Durable Object,
//! asks `sspr-core` for every decision, persists, performs the effects (send a code, forward a
//! reset) and maps errors to replies. Logic that does not touch a `worker` type lives in plain
//! modules ([`http`], [`senders::templates`]) so that `cargo test` runs it natively.

pub mod admin_auth;
pub mod audit;
pub mod clock;
pub mod config;
pub mod http;
pub mod identity;
pub mod notices;
pub mod oidc;
pub mod outbound;
pub mod policy_store;
pub mod pwned;
pub mod random;
pub mod registration_report;
pub mod routes;
pub mod sealed;
pub mod senders;
pub mod signin;
pub mod turnstile;
pub mod user_state;
pub mod web_push;

/// What the native tests of several modules share.
#[cfg(test)]
pub(crate) mod test_support {
    use std::future::Future;
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    /// Runs a future that never waits (the tests' doubles answer at once).
    pub fn ready<T>(future: impl Future<Output = T>) -> T {
        let mut future = pin!(future);
        match future
            .as_mut()
            .poll(&mut Context::from_waker(Waker::noop()))
        {
            Poll::Ready(value) => value,
            Poll::Pending => panic!("the double never waits"),
        }
    }
}

use sspr_core::flow::FlowKind;
use worker::{Context, Env, Request, Response, Result, ScheduleContext, ScheduledEvent, event};

use crate::http::{Route, SecurityHeaders};
use crate::routes::admin::{self, AdminRoute};

#[event(fetch)]
pub async fn fetch(req: Request, env: Env, ctx: Context) -> Result<Response> {
    let config = match config::Config::from_env(&env) {
        Ok(config) => config,
        Err(err) => {
            worker::console_error!("configuration error: {err}");
            return routes::reply_internal(&SecurityHeaders::none());
        }
    };
    let refresh = |read| ctx.wait_until(read);
    let config =
        match policy_store::apply(&env, config, policy_store::Wanted::Serving, refresh).await {
            Ok(config) => config,
            Err(err) => {
                worker::console_error!("policy error: {err}");
                return routes::reply_internal(&SecurityHeaders::none());
            }
        };
    let origin = req.headers().get("Origin")?;
    let security = match http::cors(origin.as_deref(), &config.allowed_origins) {
        Ok(security) => security,
        Err(reply) => return routes::respond(&reply, &SecurityHeaders::none()),
    };
    // The method as sent: worker::Method reads any method it does not know (QUERY, TRACE…) as GET.
    let method = req.inner().method();
    let path = req.path();
    let handled = match http::route(&method, &path) {
        Ok(Route::Preflight) => routes::preflight(&security),
        Ok(Route::Health) => routes::health(&security),
        Ok(Route::ResetStart) => {
            routes::reset::start(FlowKind::Reset, req, &env, &ctx, &config, &security).await
        }
        Ok(Route::UnlockStart) => {
            routes::reset::start(FlowKind::Unlock, req, &env, &ctx, &config, &security).await
        }
        Ok(Route::UnlockComplete) => {
            routes::reset::complete(req, &env, &ctx, &config, &security).await
        }
        Ok(Route::ResetStatus) => routes::reset::status(req, &env, &ctx, &config, &security).await,
        Ok(Route::ResetChoose) => routes::reset::choose(req, &env, &ctx, &config, &security).await,
        Ok(Route::ResetVerify) => routes::reset::verify(req, &env, &ctx, &config, &security).await,
        Ok(Route::ResetAnswers) => {
            routes::reset::answers(req, &env, &ctx, &config, &security).await
        }
        Ok(Route::ResetPassword) => {
            routes::reset::password(req, &env, &ctx, &config, &security).await
        }
        Ok(Route::AdminAudit) => {
            admin::handle(AdminRoute::Audit, &req, &env, &config, &security).await
        }
        Ok(Route::AdminAuditExport) => {
            admin::handle(AdminRoute::Export, &req, &env, &config, &security).await
        }
        Ok(Route::AdminActivity) => {
            admin::handle(AdminRoute::Activity, &req, &env, &config, &security).await
        }
        Ok(Route::AdminRegistration) => {
            admin::handle(AdminRoute::Registration, &req, &env, &config, &security).await
        }
        Ok(Route::AdminPolicy) => {
            admin::handle(AdminRoute::Policy, &req, &env, &config, &security).await
        }
        Ok(Route::AdminPolicyReplace) => admin::replace_policy(req, &env, &config, &security).await,
        Ok(Route::Register(route)) => {
            routes::registration::handle(route, req, &env, &ctx, &config, &security).await
        }
        Ok(
            route @ (Route::ApproverPair
            | Route::ApproverPending
            | Route::ApproverAnswer
            | Route::ApproverPush),
        ) => routes::approver::handle(route, req, &env, &ctx, &config, &security).await,
        Ok(Route::ReportPreview) => {
            routes::report::handle(false, req, &env, &ctx, &config, &security).await
        }
        Ok(Route::Report) => {
            routes::report::handle(true, req, &env, &ctx, &config, &security).await
        }
        Ok(Route::AdminHoldClear) => admin::clear_hold(req, &env, &config, &security).await,
        Err(reply) => routes::refuse_route(&reply, &path, &security),
    };
    handled.or_else(|err| {
        worker::console_error!("request failed: {err}");
        routes::reply_internal(&security)
    })
}

/// The daily cron trigger (edge/wrangler.toml): deletes audit events older than
/// `AUDIT_RETENTION_DAYS`, so they go even when no admin reads the log.
#[event(scheduled)]
pub async fn scheduled(_event: ScheduledEvent, env: Env, _ctx: ScheduleContext) {
    let config = match config::Config::from_env(&env) {
        Ok(config) => config,
        Err(err) => {
            worker::console_error!("configuration error: {err}");
            return;
        }
    };
    let now = worker::Date::now().as_millis();
    let purged = match audit::store::database(&env) {
        Ok(db) => audit::store::purge(&db, &config.tenant, config.audit_retention_days, now).await,
        Err(err) => Err(err),
    };
    if let Err(err) = purged {
        worker::console_error!("audit retention purge failed: {err}");
    }
}

pub use user_state::UserState;
