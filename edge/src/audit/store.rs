//! The audit log's D1 adapter: runs the statements of [`super::sql`] on the `AUDIT` binding.
//! Writes happen after the reply has gone and never fail the user's request.

use serde::de::DeserializeOwned;
use worker::d1::{D1Database, D1PreparedStatement};
use worker::wasm_bindgen::JsValue;
use worker::{Context, Env, Result};

use super::sql::{self, SqlValue, Statement};
use super::{AuditEvent, RequestOrigin};

/// The D1 binding of the audit database (edge/wrangler.toml).
pub const BINDING: &str = "AUDIT";

pub fn database(env: &Env) -> Result<D1Database> {
    env.d1(BINDING)
}

fn prepare(db: &D1Database, statement: &Statement) -> Result<D1PreparedStatement> {
    let params: Vec<JsValue> = statement
        .params
        .iter()
        .map(|value| match value {
            SqlValue::Null => JsValue::null(),
            // Instants and counts stay far below 2^53, where JS numbers are exact.
            SqlValue::Integer(n) => JsValue::from_f64(*n as f64),
            SqlValue::Text(text) => JsValue::from_str(text),
        })
        .collect();
    db.prepare(statement.sql.as_str()).bind(&params)
}

/// Runs a statement that returns rows.
pub async fn rows<T: DeserializeOwned>(db: &D1Database, statement: &Statement) -> Result<Vec<T>> {
    prepare(db, statement)?.all().await?.results()
}

/// Runs a statement for its effect.
pub async fn run(db: &D1Database, statement: &Statement) -> Result<()> {
    prepare(db, statement)?.run().await?;
    Ok(())
}

/// Runs statements in one batch: all of them or none.
pub async fn batch(db: &D1Database, statements: &[Statement]) -> Result<()> {
    let prepared = statements
        .iter()
        .map(|statement| prepare(db, statement))
        .collect::<Result<Vec<_>>>()?;
    db.batch(prepared).await?;
    Ok(())
}

/// Stores `events` in one batch, in order.
pub async fn write(db: &D1Database, origin: &RequestOrigin, events: &[AuditEvent]) -> Result<()> {
    if events.is_empty() {
        return Ok(());
    }
    let statements = events
        .iter()
        .map(|event| prepare(db, &sql::insert(event, origin)))
        .collect::<Result<Vec<_>>>()?;
    db.batch(statements).await?;
    Ok(())
}

/// Stores `events` once the reply has gone. A failure is logged (the database's error, which
/// holds no bound values) and otherwise ignored: the audit log must not fail a reset.
pub fn write_after_reply(ctx: &Context, env: &Env, origin: RequestOrigin, events: Vec<AuditEvent>) {
    if events.is_empty() {
        return;
    }
    let db = match database(env) {
        Ok(db) => db,
        Err(err) => {
            worker::console_error!("audit log unavailable: {err}");
            return;
        }
    };
    ctx.wait_until(async move {
        if let Err(err) = write(&db, &origin, &events).await {
            worker::console_error!("audit write of {} events failed: {err}", events.len());
        }
    });
}

/// Deletes the tenant's events older than the retention allows.
pub async fn purge(
    db: &D1Database,
    tenant: &str,
    retention_days: u16,
    now: sspr_core::UnixMillis,
) -> Result<()> {
    run(
        db,
        &sql::purge(tenant, sql::retention_cutoff(now, retention_days)),
    )
    .await
}
