//! The registration report (`GET /v1/admin/reports/registration`): who has registered which
//! methods, who could reset today, and who is due to register or re-confirm, like Entra's
//! "Registration details". Each registration request a user makes (opening the screen
//! included), and the pairing of their phone as an approver, refreshes their row of
//! `registration_states` from the view core computed, after the reply (see
//! `edge/migrations/0003_registration.sql`). Users appear once they have opened
//! registration; the directory is not enumerated.
//!
//! Statements, query parsing and replies have no `worker` types and run natively in tests.

use serde::Deserialize;
use serde_json::{Value, json};
use sspr_core::UnixMillis;
use sspr_core::api::{ApiError, RegistrationView};
use sspr_core::policy::Method;

use crate::audit::sql::{SqlValue, Statement};

/// Rows per page unless `limit` says otherwise.
pub const DEFAULT_LIMIT: u32 = 100;
/// Most rows per page.
pub const MAX_LIMIT: u32 = 1000;
/// The statuses a row may have, as `due` kinds.
pub const STATUSES: [&str; 5] = [
    "up_to_date",
    "reconfirm",
    "register",
    "optional",
    "not_enabled",
];

/// One user's registration as the report keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateRow {
    pub user_id: String,
    /// The methods held (registered or from the directory), in the widget's order.
    pub methods: Vec<Method>,
    /// What the policy asks of the user now: one of [`STATUSES`].
    pub status: &'static str,
    /// Whether the methods held are enough for a reset today (registered and perhaps due to
    /// re-confirm, but not missing a method).
    pub capable: bool,
    pub updated_at: UnixMillis,
}

fn wire(method: Method) -> String {
    serde_json::to_value(method)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

impl StateRow {
    /// The row for the view a registration request answered with.
    pub fn from_view(user_id: &str, view: &RegistrationView, now: UnixMillis) -> Self {
        StateRow {
            user_id: user_id.to_owned(),
            // In the one order of `Method::ALL`, whichever the user's default is.
            methods: Method::ALL
                .into_iter()
                .filter(|m| view.methods.iter().any(|offer| offer.method == *m))
                .collect(),
            status: view.due.key(),
            capable: view.due.can_reset(),
            updated_at: now,
        }
    }

    /// Stores the row, replacing the user's previous one.
    pub fn upsert(&self, tenant: &str) -> Statement {
        // Methods are kept as ",email_code,sms_code," so that one LIKE finds a method.
        let methods: String = self
            .methods
            .iter()
            .map(|m| format!(",{}", wire(*m)))
            .collect();
        // Rows are written after the reply, so two of a user's requests may land out of
        // order: an older view never overwrites a newer one.
        Statement {
            sql: "INSERT INTO registration_states \
                  (tenant, user_id, methods, status, capable, updated_at) VALUES (?, ?, ?, ?, ?, ?) \
                  ON CONFLICT (tenant, user_id) DO UPDATE SET methods = excluded.methods, \
                  status = excluded.status, capable = excluded.capable, \
                  updated_at = excluded.updated_at \
                  WHERE excluded.updated_at >= registration_states.updated_at"
                .to_owned(),
            params: vec![
                SqlValue::Text(tenant.to_owned()),
                SqlValue::Text(self.user_id.clone()),
                SqlValue::Text(format!("{methods},")),
                SqlValue::Text(self.status.to_owned()),
                SqlValue::Integer(u64::from(self.capable)),
                SqlValue::Integer(self.updated_at),
            ],
        }
    }
}

/// `GET /v1/admin/reports/registration`: a page of users, and the tenant's totals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportQuery {
    pub status: Option<&'static str>,
    pub method: Option<Method>,
    pub limit: u32,
    /// The last user id of the previous page.
    pub after: Option<String>,
}

/// Reads the query: `status`, `method`, `limit` (1–1000), `cursor`; each at most once.
///
/// # Errors
///
/// An `invalid_parameter` error naming the parameter.
pub fn parse_query(pairs: &[(String, String)]) -> Result<ReportQuery, ApiError> {
    let mut query = ReportQuery {
        status: None,
        method: None,
        limit: DEFAULT_LIMIT,
        after: None,
    };
    let mut seen: Vec<&str> = Vec::new();
    for (name, value) in pairs {
        if seen.contains(&name.as_str()) {
            return Err(ApiError::invalid_parameter(
                name,
                format!("{name} is given more than once"),
            ));
        }
        seen.push(name);
        match name.as_str() {
            "status" => {
                query.status =
                    Some(STATUSES.into_iter().find(|s| s == value).ok_or_else(|| {
                        ApiError::invalid_parameter(
                            "status",
                            format!("status is one of {}, not {value:?}", STATUSES.join(", ")),
                        )
                    })?);
            }
            "method" => {
                query.method = Some(
                    serde_json::from_value(Value::String(value.clone())).map_err(|_| {
                        ApiError::invalid_parameter(
                            "method",
                            format!(
                                "method is one of email_code, sms_code, authenticator, \
                                 app_notification, security_questions, not {value:?}"
                            ),
                        )
                    })?,
                );
            }
            "limit" => {
                query.limit = value
                    .parse::<u32>()
                    .ok()
                    .filter(|n| (1..=MAX_LIMIT).contains(n))
                    .ok_or_else(|| {
                        ApiError::invalid_parameter(
                            "limit",
                            format!("limit is a whole number from 1 to {MAX_LIMIT}, not {value:?}"),
                        )
                    })?;
            }
            "cursor" => {
                if value.is_empty() || value.len() > 256 {
                    return Err(ApiError::invalid_parameter(
                        "cursor",
                        "cursor is the next_cursor of a previous page",
                    ));
                }
                query.after = Some(value.clone());
            }
            other => {
                return Err(ApiError::invalid_parameter(
                    other,
                    format!("unknown parameter {other}; use status, method, limit or cursor"),
                ));
            }
        }
    }
    Ok(query)
}

fn filters(tenant: &str, query: &ReportQuery) -> (String, Vec<SqlValue>) {
    let mut sql = String::from("tenant = ?");
    let mut params = vec![SqlValue::Text(tenant.to_owned())];
    if let Some(status) = query.status {
        sql.push_str(" AND status = ?");
        params.push(SqlValue::Text(status.to_owned()));
    }
    if let Some(method) = query.method {
        sql.push_str(" AND methods LIKE ?");
        params.push(SqlValue::Text(format!("%,{},%", wire(method))));
    }
    (sql, params)
}

/// One page of users matching `query`, by user id, one row more than the page holds (to
/// know whether another page follows).
pub fn page(tenant: &str, query: &ReportQuery) -> Statement {
    let (mut sql, mut params) = filters(tenant, query);
    if let Some(after) = &query.after {
        sql.push_str(" AND user_id > ?");
        params.push(SqlValue::Text(after.clone()));
    }
    Statement {
        sql: format!(
            "SELECT user_id, methods, status, capable, updated_at FROM registration_states \
             WHERE {sql} ORDER BY user_id LIMIT {}",
            query.limit + 1
        ),
        params,
    }
}

/// The totals over every user matching the query's filters (not only this page).
pub fn totals(tenant: &str, query: &ReportQuery) -> Statement {
    let (sql, params) = filters(tenant, query);
    let per_method: String = Method::ALL
        .iter()
        .map(|m| {
            let name = wire(*m);
            format!(", SUM(methods LIKE '%,{name},%') AS {name}")
        })
        .collect();
    let per_status: String = STATUSES
        .iter()
        .map(|s| format!(", SUM(status = '{s}') AS status_{s}"))
        .collect();
    Statement {
        sql: format!(
            "SELECT COUNT(*) AS users, SUM(capable) AS capable{per_method}{per_status} \
             FROM registration_states WHERE {sql}"
        ),
        params,
    }
}

/// A row of `registration_states` as D1 returns it.
#[derive(Debug, Clone, Deserialize)]
pub struct StoredState {
    pub user_id: String,
    pub methods: String,
    pub status: String,
    pub capable: u64,
    pub updated_at: u64,
}

impl StoredState {
    pub fn to_json(&self) -> Value {
        let methods: Vec<&str> = self.methods.split(',').filter(|m| !m.is_empty()).collect();
        json!({
            "user_id": self.user_id,
            "methods": methods,
            "status": self.status,
            "capable": self.capable != 0,
            "updated_at": self.updated_at,
        })
    }
}

/// The reply: totals, the page of users and the cursor of the next page.
pub fn reply(totals: &Value, mut rows: Vec<StoredState>, limit: u32) -> Value {
    let next = (rows.len() > limit as usize).then(|| {
        rows.truncate(limit as usize);
        rows.last().map(|r| r.user_id.clone())
    });
    // D1 may hand numbers over as floats; SUM over no rows is NULL.
    let count = |name: &str| {
        totals
            .get(name)
            .and_then(|v| v.as_u64().or_else(|| v.as_f64().map(|f| f as u64)))
            .unwrap_or(0)
    };
    let by_method: serde_json::Map<String, Value> = Method::ALL
        .iter()
        .map(|m| (wire(*m), json!(count(&wire(*m)))))
        .collect();
    let by_status: serde_json::Map<String, Value> = STATUSES
        .iter()
        .map(|s| ((*s).to_owned(), json!(count(&format!("status_{s}")))))
        .collect();
    json!({
        "summary": {
            "users": count("users"),
            "capable": count("capable"),
            "by_method": by_method,
            "by_status": by_status,
        },
        "users": rows.iter().map(StoredState::to_json).collect::<Vec<_>>(),
        "next_cursor": next.flatten(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use sspr_core::api::MethodOffer;
    use sspr_core::registration::RegistrationDue;

    fn view(due: RegistrationDue, methods: &[Method]) -> RegistrationView {
        RegistrationView {
            username: "alice".into(),
            display_name: None,
            due,
            required: 1,
            allowed: Method::ALL.to_vec(),
            methods: methods.iter().map(|m| MethodOffer::new(*m, "")).collect(),
            default_method: None,
            from_directory: vec![],
            pending: None,
            questions: None,
            removal_needs_sign_in_after: 0,
            error: None,
        }
    }

    fn pairs(query: &[(&str, &str)]) -> Vec<(String, String)> {
        query
            .iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn a_row_says_what_is_held_and_whether_a_reset_is_possible() {
        let up = StateRow::from_view(
            "u1",
            &view(
                RegistrationDue::UpToDate { next_due: None },
                &[Method::EmailCode, Method::Authenticator],
            ),
            5,
        );
        assert_eq!((up.status, up.capable), ("up_to_date", true));
        let statement = up.upsert("default");
        assert_eq!(statement.sql.matches('?').count(), statement.params.len());
        assert!(
            matches!(&statement.params[2], SqlValue::Text(m) if m == ",email_code,authenticator,")
        );

        let due = StateRow::from_view(
            "u2",
            &view(
                RegistrationDue::Reconfirm { skips_left: 1 },
                &[Method::SmsCode],
            ),
            5,
        );
        assert_eq!((due.status, due.capable), ("reconfirm", true));
        let missing = StateRow::from_view(
            "u3",
            &view(
                RegistrationDue::Register {
                    missing: 1,
                    skips_left: 3,
                },
                &[],
            ),
            5,
        );
        assert_eq!((missing.status, missing.capable), ("register", false));
    }

    #[test]
    fn the_query_names_each_bad_parameter() {
        assert_eq!(parse_query(&[]).unwrap().limit, DEFAULT_LIMIT);
        let query = parse_query(&pairs(&[("status", "register"), ("method", "sms_code")])).unwrap();
        assert_eq!(query.status, Some("register"));
        assert_eq!(query.method, Some(Method::SmsCode));
        for (bad, name) in [
            (vec![("status", "lost")], "status"),
            (vec![("method", "carrier_pigeon")], "method"),
            (vec![("limit", "0")], "limit"),
            (vec![("limit", "1001")], "limit"),
            (vec![("cursor", "")], "cursor"),
            (vec![("user", "x")], "user"),
            (vec![("limit", "5"), ("limit", "6")], "limit"),
        ] {
            let err = parse_query(&pairs(&bad)).unwrap_err();
            assert_eq!(err.parameter.as_deref(), Some(name), "{bad:?}");
        }
    }

    #[test]
    fn filters_and_the_cursor_are_bound_never_written_into_the_sql() {
        let query = parse_query(&pairs(&[
            ("status", "up_to_date"),
            ("method", "email_code"),
            ("cursor", "u'; DROP TABLE x; --"),
        ]))
        .unwrap();
        let statement = page("default", &query);
        assert!(!statement.sql.contains("DROP"));
        assert_eq!(statement.sql.matches('?').count(), statement.params.len());
        let totals = totals("default", &query);
        assert_eq!(totals.sql.matches('?').count(), totals.params.len());
        assert!(totals.sql.contains("AS security_questions"));
    }

    #[test]
    fn the_reply_pages_by_user_id_and_counts_every_method_and_status() {
        let row = |id: &str| StoredState {
            user_id: id.into(),
            methods: ",email_code,".into(),
            status: "up_to_date".into(),
            capable: 1,
            updated_at: 9,
        };
        let totals = json!({ "users": 3, "capable": 2, "email_code": 3, "status_up_to_date": 2 });
        let body = reply(&totals, vec![row("a"), row("b"), row("c")], 2);
        assert_eq!(body["users"].as_array().unwrap().len(), 2);
        assert_eq!(body["next_cursor"], "b");
        assert_eq!(body["users"][0]["methods"], json!(["email_code"]));
        assert_eq!(body["summary"]["by_method"]["email_code"], 3);
        assert_eq!(body["summary"]["by_method"]["sms_code"], 0);
        assert_eq!(body["summary"]["by_status"]["up_to_date"], 2);
        let last = reply(&totals, vec![row("a")], 2);
        assert_eq!(last["next_cursor"], Value::Null);
    }
}
