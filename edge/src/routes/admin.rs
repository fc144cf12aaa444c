//! `/v1/admin/…`: the audit log, the activity and registration reports and the policy, for
//! callers holding `ADMIN_TOKEN` or an ID token with the `OIDC_ADMIN_ROLE` role.
//! Each call first deletes the events older than `AUDIT_RETENTION_DAYS` (the daily cron
//! trigger does the same when nobody asks).

use serde_json::{Value, json};
use sspr_core::api::{ApiError, ClearHoldReply, ClearHoldRequest, ErrorCode, Reply};
use worker::{Env, Request, Response, Result};

use super::{audit_origin, read_json_within, respond, secured};
use crate::admin_auth;
use crate::audit::query::{self, ExportFormat, MAX_LIMIT};
use crate::audit::sql::{self, ActivityRow, StoredEvent};
use crate::audit::{AuditEvent, Detail, EventKind, csv, store};
use crate::clock;
use crate::config::Config;
use crate::http::SecurityHeaders;
use crate::oidc;
use crate::policy_store::{self, InForce, PolicyUpdate, Refusal, StoredRow};
use crate::registration_report;

/// Most events one export holds; a wider range is refused so a download stays bounded.
pub const MAX_EXPORT_EVENTS: usize = 100_000;

/// The admin routes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdminRoute {
    Audit,
    Export,
    Activity,
    Registration,
    Policy,
}

/// Authorizes, parses the query, purges expired events and answers.
pub async fn handle(
    route: AdminRoute,
    req: &Request,
    env: &Env,
    config: &Config,
    security: &SecurityHeaders,
) -> Result<Response> {
    if let Some(refused) = unauthorized(req, config, security).await? {
        return Ok(refused);
    }
    let now = clock::now(req);
    let pairs: Vec<(String, String)> = req
        .url()?
        .query_pairs()
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect();
    let db = store::database(env)?;
    store::purge(&db, &config.tenant, config.audit_retention_days, now).await?;
    let tenant = config.tenant.as_str();
    match route {
        AdminRoute::Audit => {
            let query = match query::list(&pairs) {
                Ok(query) => query,
                Err(err) => return refuse(err, security),
            };
            let rows: Vec<StoredEvent> = store::rows(&db, &sql::list(tenant, &query)).await?;
            let (events, next) = sql::page(rows, query.limit);
            let body = json!({
                "events": events.iter().map(StoredEvent::to_json).collect::<Vec<_>>(),
                "next_cursor": next.map(|c| c.encode()),
            });
            json_response(&body, security)
        }
        AdminRoute::Export => {
            let query = match query::export(&pairs) {
                Ok(query) => query,
                Err(err) => return refuse(err, security),
            };
            let mut events: Vec<StoredEvent> = Vec::new();
            let mut cursor = None;
            loop {
                let statement = sql::select(tenant, &query.filter, cursor, MAX_LIMIT + 1);
                let rows: Vec<StoredEvent> = store::rows(&db, &statement).await?;
                let (page, next) = sql::page(rows, MAX_LIMIT);
                events.extend(page);
                if events.len() > MAX_EXPORT_EVENTS {
                    let message = format!(
                        "the range holds more than {MAX_EXPORT_EVENTS} events; export a narrower one"
                    );
                    return refuse(ApiError::invalid_parameter("to", message), security);
                }
                match next {
                    Some(next) => cursor = Some(next),
                    None => break,
                }
            }
            let (body, content_type, extension) = match query.format {
                ExportFormat::Csv => (csv::export(&events), "text/csv; charset=utf-8", "csv"),
                ExportFormat::Json => {
                    let json: Vec<Value> = events.iter().map(StoredEvent::to_json).collect();
                    (serde_json::to_string(&json)?, "application/json", "json")
                }
            };
            let mut response = secured(Response::ok(body)?, security)?;
            let headers = response.headers_mut();
            headers.set("Content-Type", content_type)?;
            headers.set(
                "Content-Disposition",
                &format!("attachment; filename=\"sspr-audit.{extension}\""),
            )?;
            Ok(response)
        }
        AdminRoute::Registration => {
            let query = match registration_report::parse_query(&pairs) {
                Ok(query) => query,
                Err(err) => return refuse(err, security),
            };
            let totals: Vec<Value> =
                store::rows(&db, &registration_report::totals(tenant, &query)).await?;
            let rows = store::rows(&db, &registration_report::page(tenant, &query)).await?;
            let body = registration_report::reply(
                totals.first().unwrap_or(&Value::Null),
                rows,
                query.limit,
            );
            json_response(&body, security)
        }
        AdminRoute::Policy => {
            let in_force = policy_store::read(env, config).await?;
            json_response(&in_force.to_json(config.sms.is_some()), security)
        }
        AdminRoute::Activity => {
            let query = match query::report(&pairs) {
                Ok(query) => query,
                Err(err) => return refuse(err, security),
            };
            let rows: Vec<ActivityRow> = store::rows(&db, &sql::activity(tenant, &query)).await?;
            let body = json!({
                "from": query.from,
                "to": query.to,
                "counts": rows.iter().map(ActivityRow::to_json).collect::<Vec<_>>(),
            });
            json_response(&body, security)
        }
    }
}

/// The 401 reply when the caller is not an admin (see [`authorize`]).
async fn unauthorized(
    req: &Request,
    config: &Config,
    security: &SecurityHeaders,
) -> Result<Option<Response>> {
    let authorization = req.headers().get("Authorization")?;
    match authorize(config, authorization.as_deref(), clock::now(req)).await {
        Ok(()) => Ok(None),
        Err(reply) => {
            let mut response = respond(&reply, security)?;
            response.headers_mut().set("WWW-Authenticate", "Bearer")?;
            Ok(Some(response))
        }
    }
}

/// `ADMIN_TOKEN`, or, when `OIDC_ADMIN_ROLE` is set, an ID token of the configured issuer
/// with that role. Every refusal is the same reply; the log says why an ID token failed.
#[allow(clippy::result_large_err)] // a reply travels by value once per request
async fn authorize(
    config: &Config,
    authorization: Option<&str>,
    now: sspr_core::UnixMillis,
) -> std::result::Result<(), Reply> {
    let by_token = admin_auth::authorize(config.admin_token.as_ref(), authorization);
    if by_token.is_ok() {
        return by_token;
    }
    let Some((oidc, role, id_token)) =
        admin_auth::id_token_route(config.oidc.as_ref(), authorization)
    else {
        return by_token;
    };
    match oidc::fetch::authenticate(id_token, oidc, now).await {
        Ok(signed_in) if oidc::has_role(&signed_in, role) => Ok(()),
        Ok(_) => {
            worker::console_log!("admin API: an ID token without the admin role was refused");
            by_token
        }
        Err(err) => {
            worker::console_log!("admin API: an ID token was refused: {err}");
            by_token
        }
    }
}

/// `PUT /v1/admin/policy` `{document, expected_version?}`: validates the document, saves it
/// as the next version with a `policy_changed` audit event (one D1 batch, so neither is kept
/// without the other), and answers the policy now in force.
pub async fn replace_policy(
    mut req: Request,
    env: &Env,
    config: &Config,
    security: &SecurityHeaders,
) -> Result<Response> {
    if let Some(refused) = unauthorized(&req, config, security).await? {
        return Ok(refused);
    }
    let update: PolicyUpdate =
        match read_json_within(&mut req, policy_store::MAX_POLICY_BYTES).await? {
            Ok(update) => update,
            Err(reply) => return respond(&reply, security),
        };
    let now = clock::now(&req);
    let db = store::database(env)?;
    let latest = |rows: Vec<StoredRow>| rows.into_iter().next();
    let current = latest(store::rows(&db, &policy_store::select_latest(&config.tenant)).await?);
    let current_version = current.as_ref().map_or(0, |row| row.version);
    let policy = match policy_store::check(&update, current_version, config.sms.is_some()) {
        Ok(policy) => policy,
        Err(refusal) => return refused(&refusal, security),
    };
    let version = current_version + 1;
    let event = AuditEvent {
        at: now,
        event: EventKind::PolicyChanged,
        user_id: None,
        method: None,
        outcome: "ok".into(),
        detail: Detail {
            policy_version: Some(version),
            ..Detail::default()
        },
        flow_id: None,
    };
    let origin = audit_origin(&req, config);
    let statements = [
        policy_store::insert(&config.tenant, version, &update.document, now),
        sql::insert(&event, &origin),
    ];
    if let Err(err) = store::batch(&db, &statements).await {
        // The primary key refused the version: another edit was saved first.
        let now_at = latest(store::rows(&db, &policy_store::select_latest(&config.tenant)).await?)
            .map_or(0, |row| row.version);
        if now_at >= version {
            return refused(
                &Refusal::conflict(update.expected_version, now_at),
                security,
            );
        }
        return Err(err);
    }
    let in_force = InForce {
        version,
        document: update.document,
        updated_at: Some(now),
        policy,
    };
    let body = in_force.to_json(config.sms.is_some());
    policy_store::saved(config, in_force);
    json_response(&body, security)
}

/// Longest directory user id `POST /v1/admin/holds/clear` takes.
pub const MAX_USER_ID_CHARS: usize = 256;

/// `POST /v1/admin/holds/clear` `{user_id}`: ends the pause a report of a change the user
/// did not make put on their self-service reset (once the helpdesk has secured the account),
/// audited as `hold_cleared` (outcome `not_held` when there was none).
pub async fn clear_hold(
    mut req: Request,
    env: &Env,
    config: &Config,
    security: &SecurityHeaders,
) -> Result<Response> {
    if let Some(refused) = unauthorized(&req, config, security).await? {
        return Ok(refused);
    }
    let body: ClearHoldRequest = match super::read_json(&mut req).await? {
        Ok(body) => body,
        Err(reply) => return respond(&reply, security),
    };
    let user_id = body.user_id.trim();
    let chars = user_id.chars().count();
    if chars == 0 || chars > MAX_USER_ID_CHARS || user_id.chars().any(char::is_control) {
        let error = ApiError::new(
            ErrorCode::BadRequest,
            format!(
                "user_id must be the directory's id of the user, 1 to {MAX_USER_ID_CHARS} characters without control characters"
            ),
        );
        return respond(&Reply::error(error), security);
    }
    let now = clock::now(&req);
    let namespace = env.durable_object(super::reset::USER_STATE)?;
    let stub = namespace
        .id_from_name(&format!("user/{}/{user_id}", config.tenant))?
        .get_stub()?;
    let command = crate::user_state::Command::ClearHold {
        now,
        user_id: user_id.to_owned(),
    };
    let outcome: crate::user_state::ClearOutcome =
        super::call_user_state(&stub, &command, config.policy_version).await?;
    let origin = audit_origin(&req, config);
    let db = store::database(env)?;
    if let Err(err) = store::write(&db, &origin, &outcome.audit).await {
        worker::console_error!("audit write of hold_cleared failed: {err}");
    }
    let reply: &ClearHoldReply = &outcome.reply;
    secured(Response::from_json(reply)?, security)
}

fn refused(refusal: &Refusal, security: &SecurityHeaders) -> Result<Response> {
    secured(
        Response::from_json(&refusal.to_json())?.with_status(refusal.error.code.status()),
        security,
    )
}

fn refuse(err: ApiError, security: &SecurityHeaders) -> Result<Response> {
    debug_assert_eq!(err.code, ErrorCode::InvalidParameter);
    respond(&Reply::error(err), security)
}

fn json_response(body: &Value, security: &SecurityHeaders) -> Result<Response> {
    secured(Response::from_json(body)?, security)
}
