//! The SQL the audit log runs on D1, as statements with bound parameters (never values
//! spliced into SQL text), and the rows it reads back, shaped for the admin API.

use serde::Deserialize;
use serde_json::{Value, json};
use sspr_core::UnixMillis;

use super::query::{Cursor, Filter, ListQuery, ReportQuery};
use super::time::{DAY_MS, format_day, format_instant};
use super::{AuditEvent, RequestOrigin};

/// A value bound to a `?` of a statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SqlValue {
    Null,
    Integer(u64),
    Text(String),
}

impl From<Option<String>> for SqlValue {
    fn from(value: Option<String>) -> Self {
        value.map_or(SqlValue::Null, SqlValue::Text)
    }
}

/// SQL text and the values of its `?`s, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub sql: String,
    pub params: Vec<SqlValue>,
}

const COLUMNS: &str =
    "id, at, event, tenant, user_id, method, outcome, detail, ip_hash, user_agent, flow_id";

/// Stores one event with the origin of the request that caused it.
pub fn insert(event: &AuditEvent, origin: &RequestOrigin) -> Statement {
    let method = event
        .method
        .and_then(|m| serde_json::to_value(m).ok())
        .and_then(|v| v.as_str().map(str::to_owned));
    let detail = serde_json::to_string(&event.detail).expect("details serialize");
    Statement {
        sql: "INSERT INTO audit_events \
              (at, event, tenant, user_id, method, outcome, detail, ip_hash, user_agent, flow_id) \
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            .to_owned(),
        params: vec![
            SqlValue::Integer(event.at),
            SqlValue::Text(event.event.as_str().to_owned()),
            SqlValue::Text(origin.tenant.clone()),
            event.user_id.clone().into(),
            method.into(),
            SqlValue::Text(event.outcome.clone()),
            SqlValue::Text(detail),
            origin.ip_hash.clone().into(),
            origin.user_agent.clone().into(),
            event.flow_id.clone().into(),
        ],
    }
}

/// One page of events matching `query`, oldest first. It asks for one row more than the
/// page holds, to know whether another page follows (see [`page`]).
pub fn list(tenant: &str, query: &ListQuery) -> Statement {
    select(tenant, &query.filter, query.cursor, query.limit + 1)
}

/// Events matching `filter` after `cursor`, oldest first, at most `limit`.
pub fn select(tenant: &str, filter: &Filter, cursor: Option<Cursor>, limit: u32) -> Statement {
    let mut sql =
        format!("SELECT {COLUMNS} FROM audit_events WHERE tenant = ? AND at >= ? AND at < ?");
    let mut params = vec![
        SqlValue::Text(tenant.to_owned()),
        SqlValue::Integer(filter.from),
        SqlValue::Integer(filter.to),
    ];
    if let Some(user) = &filter.user {
        sql.push_str(" AND user_id = ?");
        params.push(SqlValue::Text(user.clone()));
    }
    if let Some(event) = filter.event {
        sql.push_str(" AND event = ?");
        params.push(SqlValue::Text(event.as_str().to_owned()));
    }
    if let Some(cursor) = cursor {
        sql.push_str(" AND (at > ? OR (at = ? AND id > ?))");
        params.extend([
            SqlValue::Integer(cursor.at),
            SqlValue::Integer(cursor.at),
            SqlValue::Integer(cursor.id),
        ]);
    }
    sql.push_str(" ORDER BY at, id LIMIT ?");
    params.push(SqlValue::Integer(u64::from(limit)));
    Statement { sql, params }
}

/// Events per UTC day, kind and outcome in `query`'s range.
pub fn activity(tenant: &str, query: &ReportQuery) -> Statement {
    Statement {
        // The day length is written into the SQL: D1 binds numbers as REAL, and integer
        // division needs an INTEGER divisor.
        sql: format!(
            "SELECT at / {DAY_MS} AS day, event, outcome, COUNT(*) AS count FROM audit_events \
             WHERE tenant = ? AND at >= ? AND at < ? \
             GROUP BY day, event, outcome ORDER BY day, event, outcome"
        ),
        params: vec![
            SqlValue::Text(tenant.to_owned()),
            SqlValue::Integer(query.from),
            SqlValue::Integer(query.to),
        ],
    }
}

/// The oldest instant kept when events are kept `days` days.
pub fn retention_cutoff(now: UnixMillis, days: u16) -> UnixMillis {
    now.saturating_sub(u64::from(days) * DAY_MS)
}

/// Deletes the tenant's events from before `cutoff`.
pub fn purge(tenant: &str, cutoff: UnixMillis) -> Statement {
    Statement {
        sql: "DELETE FROM audit_events WHERE tenant = ? AND at < ?".to_owned(),
        params: vec![SqlValue::Text(tenant.to_owned()), SqlValue::Integer(cutoff)],
    }
}

/// A row of `audit_events` as D1 returns it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct StoredEvent {
    pub id: u64,
    pub at: u64,
    pub event: String,
    pub tenant: String,
    pub user_id: Option<String>,
    pub method: Option<String>,
    pub outcome: String,
    pub detail: Option<String>,
    pub ip_hash: Option<String>,
    pub user_agent: Option<String>,
    pub flow_id: Option<String>,
}

impl StoredEvent {
    /// The event as the admin API shows it: `time` beside `at`, `detail` as an object.
    pub fn to_json(&self) -> Value {
        let detail = self
            .detail
            .as_deref()
            .and_then(|text| serde_json::from_str::<Value>(text).ok())
            .unwrap_or_else(|| json!({}));
        json!({
            "id": self.id,
            "at": self.at,
            "time": format_instant(self.at),
            "event": self.event,
            "tenant": self.tenant,
            "user_id": self.user_id,
            "method": self.method,
            "outcome": self.outcome,
            "detail": detail,
            "ip_hash": self.ip_hash,
            "user_agent": self.user_agent,
            "flow_id": self.flow_id,
        })
    }

    fn cursor(&self) -> Cursor {
        Cursor {
            at: self.at,
            id: self.id,
        }
    }
}

/// Cuts the rows of [`list`] to a page of `limit`, with the cursor of the next page when
/// there is one.
pub fn page(mut rows: Vec<StoredEvent>, limit: u32) -> (Vec<StoredEvent>, Option<Cursor>) {
    let limit = limit as usize;
    if rows.len() > limit {
        rows.truncate(limit);
        let next = rows.last().map(StoredEvent::cursor);
        (rows, next)
    } else {
        (rows, None)
    }
}

/// A row of [`activity`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ActivityRow {
    pub day: u64,
    pub event: String,
    pub outcome: String,
    pub count: u64,
}

impl ActivityRow {
    pub fn to_json(&self) -> Value {
        json!({
            "date": format_day(self.day),
            "event": self.event,
            "outcome": self.outcome,
            "count": self.count,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::query;
    use crate::audit::{Detail, EventKind};
    use sspr_core::policy::Method;

    fn placeholders(statement: &Statement) -> usize {
        statement.sql.matches('?').count()
    }

    fn event() -> AuditEvent {
        AuditEvent {
            at: 1_767_225_600_000,
            event: EventKind::ProofFailed,
            user_id: Some("u1".into()),
            method: Some(Method::EmailCode),
            outcome: "code_mismatch".into(),
            detail: Detail {
                failed_proofs: Some(2),
                ..Detail::default()
            },
            flow_id: Some("f1".into()),
        }
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn an_insert_binds_every_column() {
        let origin = RequestOrigin {
            tenant: "contoso".into(),
            ip_hash: Some("ab".into()),
            user_agent: None,
        };
        let statement = insert(&event(), &origin);
        assert_eq!(placeholders(&statement), statement.params.len());
        assert_eq!(
            statement.params,
            [
                SqlValue::Integer(1_767_225_600_000),
                SqlValue::Text("proof_failed".into()),
                SqlValue::Text("contoso".into()),
                SqlValue::Text("u1".into()),
                SqlValue::Text("email_code".into()),
                SqlValue::Text("code_mismatch".into()),
                SqlValue::Text(r#"{"failed_proofs":2}"#.into()),
                SqlValue::Text("ab".into()),
                SqlValue::Null,
                SqlValue::Text("f1".into()),
            ]
        );
    }

    #[test]
    fn a_list_binds_its_filters_and_asks_for_one_more_row() {
        let query = query::list(&pairs(&[
            ("user", "u1' OR 1=1 --"),
            ("event", "proof_failed"),
            ("limit", "10"),
            ("cursor", "5.7"),
        ]))
        .unwrap();
        let statement = list("t", &query);
        assert_eq!(placeholders(&statement), statement.params.len());
        assert!(
            !statement.sql.contains("OR 1=1"),
            "values are bound, never spliced"
        );
        assert!(statement.sql.contains("user_id = ?") && statement.sql.contains("event = ?"));
        assert!(statement.sql.ends_with("ORDER BY at, id LIMIT ?"));
        assert_eq!(statement.params.last(), Some(&SqlValue::Integer(11)));
        let plain = list("t", &query::list(&[]).unwrap());
        assert_eq!(placeholders(&plain), plain.params.len());
        assert!(!plain.sql.contains("user_id ="));
    }

    #[test]
    fn the_activity_report_counts_per_day_event_and_outcome() {
        let statement = activity("t", &query::report(&[]).unwrap());
        assert_eq!(placeholders(&statement), statement.params.len());
        assert!(statement.sql.contains("GROUP BY day, event, outcome"));
        assert!(statement.sql.starts_with("SELECT at / 86400000 AS day"));
        let row = ActivityRow {
            day: 1_767_225_600_000 / DAY_MS,
            event: "proof_failed".into(),
            outcome: "code_mismatch".into(),
            count: 3,
        };
        assert_eq!(row.to_json()["date"], "2026-01-01");
    }

    #[test]
    fn retention_deletes_what_is_older_than_the_kept_days() {
        let now = 400 * DAY_MS + 5;
        assert_eq!(retention_cutoff(now, 365), 35 * DAY_MS + 5);
        assert_eq!(retention_cutoff(5, 365), 0);
        let statement = purge("t", 42);
        assert_eq!(
            statement.params,
            [SqlValue::Text("t".into()), SqlValue::Integer(42)]
        );
        assert!(
            statement
                .sql
                .starts_with("DELETE FROM audit_events WHERE tenant = ? AND at < ?")
        );
    }

    fn stored(id: u64, at: u64) -> StoredEvent {
        StoredEvent {
            id,
            at,
            event: "reset_started".into(),
            tenant: "t".into(),
            user_id: None,
            method: None,
            outcome: "unknown_user".into(),
            detail: Some(r#"{"username_hash":"ab"}"#.into()),
            ip_hash: None,
            user_agent: None,
            flow_id: None,
        }
    }

    #[test]
    fn a_full_page_hands_out_the_cursor_of_its_last_event() {
        let rows = vec![stored(1, 10), stored(2, 10), stored(3, 11)];
        let (page_rows, next) = page(rows.clone(), 2);
        assert_eq!(page_rows.len(), 2);
        assert_eq!(next, Some(Cursor { at: 10, id: 2 }));
        assert_eq!(page(rows, 3).1, None);
    }

    #[test]
    fn stored_events_show_their_time_and_detail_as_json() {
        let json = stored(1, 1_767_225_600_000).to_json();
        assert_eq!(json["time"], "2026-01-01T00:00:00.000Z");
        assert_eq!(json["detail"]["username_hash"], "ab");
        assert_eq!(json["user_id"], Value::Null);
    }
}
