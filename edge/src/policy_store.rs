//! The policy admins set through `PUT /v1/admin/policy`, kept in D1 (`policy_versions`, see
//! `edge/migrations/0002_policy.sql`): every accepted document becomes a new version, and the
//! highest version of the tenant is in force. Until the first edit the edge uses `POLICY` (or
//! the defaults), reported as version 0.
//!
//! Each isolate keeps the policy it read. The worker serves requests from its copy and, once
//! the copy is older than [`CACHE_MS`], reads it again after the reply (so requests do not
//! wait on D1); it tells the user's Durable Object which version it decided with (header
//! [`VERSION_HEADER`]), and the object reads again only when its copy is another version, so
//! one request never mixes two policies. An edit is in force everywhere after the next
//! request past [`CACHE_MS`], and at once on the isolate that saved it.
//!
//! The parts without `worker` types (request checks, SQL, replies) run natively in tests.

use std::cell::RefCell;
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use sspr_core::UnixMillis;
use sspr_core::api::{ApiError, ErrorCode};
use sspr_core::policy::{Policy, PolicyErrors};

use crate::audit::sql::{SqlValue, Statement};
use crate::config::Config;

/// How long an isolate trusts the policy it read, in milliseconds.
pub const CACHE_MS: u64 = 5_000;
/// The header that carries the policy version from the worker to a Durable Object.
pub const VERSION_HEADER: &str = "X-Sspr-Policy-Version";
/// Largest `PUT /v1/admin/policy` body accepted, in bytes: room for the policy's 1000 banned
/// terms and 20 custom questions.
pub const MAX_POLICY_BYTES: usize = 64 * 1024;

/// `PUT /v1/admin/policy`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyUpdate {
    /// The whole policy as a TOML document; settings left out take their defaults.
    pub document: String,
    /// The version the admin edited (from `GET`); the edit is refused with
    /// `version_conflict` if another was saved meanwhile. Without it the edit always applies.
    #[serde(default)]
    pub expected_version: Option<u32>,
}

/// A stored version of the policy.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct StoredRow {
    pub version: u32,
    pub document: String,
    pub updated_at: UnixMillis,
}

/// The policy in force, as `GET /v1/admin/policy` shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct InForce {
    /// 0 while no edit was saved.
    pub version: u32,
    /// The document as written, or the defaults written out in full.
    pub document: String,
    pub updated_at: Option<UnixMillis>,
    pub policy: Policy,
}

impl InForce {
    /// The reply body of the admin routes; `warnings` names what of the policy this edge cannot
    /// serve (`sms_configured`: whether it has an SMS provider).
    pub fn to_json(&self, sms_configured: bool) -> Value {
        let mut warnings = Vec::new();
        if crate::config::sms_missing(&self.policy, sms_configured) {
            warnings.push(Problem {
                field: "methods.allowed".into(),
                value: Some("sms_code".into()),
                problem: "no SMS provider is configured on this edge (SMS_ACCOUNT_SID, \
                          SMS_AUTH_TOKEN, SMS_FROM): text-message codes are not offered"
                    .into(),
            });
        }
        json!({
            "version": self.version,
            "source": if self.version == 0 { "environment" } else { "stored" },
            "updated_at": self.updated_at,
            "document": self.document,
            "policy": self.policy,
            "warnings": warnings,
        })
    }
}

/// Why an edit was refused: the error, and for an invalid document every problem found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub error: ApiError,
    pub problems: Vec<Problem>,
}

/// One problem of a refused document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Dotted path of the field (`codes.digits`), or `(document)` for a TOML syntax error.
    pub field: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// What is wrong and what is allowed.
    pub problem: String,
}

impl Refusal {
    pub fn to_json(&self) -> Value {
        json!({ "error": self.error, "problems": self.problems })
    }

    fn invalid(errors: PolicyErrors) -> Self {
        Refusal {
            error: ApiError::new(ErrorCode::InvalidPolicy, errors.to_string()),
            problems: errors
                .errors
                .into_iter()
                .map(|e| Problem {
                    field: e.field,
                    value: e.value,
                    problem: e.problem,
                })
                .collect(),
        }
    }

    /// The refusal of an edit that lost against another saved since `expected` was read.
    pub fn conflict(expected: Option<u32>, current: u32) -> Self {
        let message = match expected {
            Some(expected) => format!(
                "the policy is at version {current}, not {expected}: read it again and \
                 apply your change to it"
            ),
            None => format!(
                "another edit was saved at the same moment (now version {current}): read the \
                 policy again and apply your change to it"
            ),
        };
        Refusal {
            error: ApiError::new(ErrorCode::VersionConflict, message),
            problems: Vec::new(),
        }
    }
}

/// Checks an edit against the policy rules and against this deployment (SMS needs a
/// provider), and against the version in force.
pub fn check(update: &PolicyUpdate, current: u32, sms_configured: bool) -> Result<Policy, Refusal> {
    if update.expected_version.is_some_and(|v| v != current) {
        return Err(Refusal::conflict(update.expected_version, current));
    }
    let policy = Policy::parse(&update.document).map_err(Refusal::invalid)?;
    if crate::config::sms_missing(&policy, sms_configured) {
        return Err(Refusal {
            error: ApiError::new(
                ErrorCode::InvalidPolicy,
                "methods.allowed includes sms_code, but this edge has no SMS provider \
                 (SMS_ACCOUNT_SID, SMS_AUTH_TOKEN, SMS_FROM)",
            ),
            problems: vec![Problem {
                field: "methods.allowed".into(),
                value: Some("sms_code".into()),
                problem: "no SMS provider is configured on this edge".into(),
            }],
        });
    }
    Ok(policy)
}

/// The newest stored version of `tenant`'s policy.
pub fn select_latest(tenant: &str) -> Statement {
    Statement {
        sql: "SELECT version, document, updated_at FROM policy_versions \
              WHERE tenant = ? ORDER BY version DESC LIMIT 1"
            .to_owned(),
        params: vec![SqlValue::Text(tenant.to_owned())],
    }
}

/// Stores `document` as `version`; fails on the primary key when that version exists, so of
/// two edits made from the same version only one is saved.
pub fn insert(tenant: &str, version: u32, document: &str, at: UnixMillis) -> Statement {
    Statement {
        sql: "INSERT INTO policy_versions (tenant, version, document, updated_at) \
              VALUES (?, ?, ?, ?)"
            .to_owned(),
        params: vec![
            SqlValue::Text(tenant.to_owned()),
            SqlValue::Integer(u64::from(version)),
            SqlValue::Text(document.to_owned()),
            SqlValue::Integer(at),
        ],
    }
}

/// The policy in force for a stored row, or the environment's when there is none.
///
/// # Errors
///
/// A stored document that no longer passes the rules (after an upgrade tightened them) is an
/// error naming its version: the edge refuses to guess a policy.
pub fn in_force(row: Option<StoredRow>, config: &Config) -> Result<InForce, String> {
    match row {
        Some(row) => {
            let policy = Policy::parse(&row.document).map_err(|err| {
                format!(
                    "the stored policy version {} is no longer valid ({err}); save a corrected \
                     one with PUT /v1/admin/policy",
                    row.version
                )
            })?;
            Ok(InForce {
                version: row.version,
                document: row.document,
                updated_at: Some(row.updated_at),
                policy,
            })
        }
        None => Ok(InForce {
            version: 0,
            document: config
                .policy_document
                .clone()
                .unwrap_or_else(|| sspr_core::policy::DEFAULT_DOCUMENT.to_owned()),
            updated_at: None,
            policy: config.policy.clone(),
        }),
    }
}

struct Cached {
    tenant: String,
    read_at: UnixMillis,
    in_force: Rc<InForce>,
}

thread_local! {
    static CACHE: RefCell<Option<Cached>> = const { RefCell::new(None) };
}

/// What a caller accepts from the isolate's cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wanted {
    /// A Durable Object told by the worker which version it decided with: exactly that
    /// version, however old the copy.
    Version(u32),
    /// A copy read within [`CACHE_MS`] (alarms, which no worker told).
    Recent,
    /// Any copy; an old one is served while a fresh one is read after the reply (requests
    /// to the worker, which should not wait on D1 each time the copy ages).
    Serving,
}

/// What the cache holds for a caller.
#[derive(Debug, Clone, PartialEq)]
enum Lookup {
    Hit(Rc<InForce>),
    /// Older than [`CACHE_MS`]: serve it, and read again after the reply.
    Stale(Rc<InForce>),
    Miss,
}

fn lookup(tenant: &str, wall: UnixMillis, wanted: Wanted) -> Lookup {
    CACHE.with(|cache| {
        let cache = cache.borrow();
        let Some(c) = cache.as_ref().filter(|c| c.tenant == tenant) else {
            return Lookup::Miss;
        };
        let fresh = wall.saturating_sub(c.read_at) < CACHE_MS;
        match wanted {
            Wanted::Version(v) if v == c.in_force.version => Lookup::Hit(c.in_force.clone()),
            Wanted::Version(_) => Lookup::Miss,
            Wanted::Recent if fresh => Lookup::Hit(c.in_force.clone()),
            Wanted::Recent => Lookup::Miss,
            Wanted::Serving if fresh => Lookup::Hit(c.in_force.clone()),
            Wanted::Serving => Lookup::Stale(c.in_force.clone()),
        }
    })
}

fn remember(tenant: &str, wall: UnixMillis, in_force: Rc<InForce>) {
    CACHE.with(|cache| {
        cache.replace(Some(Cached {
            tenant: tenant.to_owned(),
            read_at: wall,
            in_force,
        }));
    });
}

/// Counts the cached copy as read at `wall`, so that other requests do not also start a
/// read while one is under way.
fn touch(wall: UnixMillis) {
    CACHE.with(|cache| {
        if let Some(c) = cache.borrow_mut().as_mut() {
            c.read_at = wall;
        }
    });
}

/// Reads the policy in force from D1 and caches it.
pub async fn read(env: &worker::Env, config: &Config) -> worker::Result<Rc<InForce>> {
    let wall = worker::Date::now().as_millis();
    let db = crate::audit::store::database(env)?;
    let rows: Vec<StoredRow> =
        crate::audit::store::rows(&db, &select_latest(&config.tenant)).await?;
    let in_force =
        Rc::new(in_force(rows.into_iter().next(), config).map_err(worker::Error::RustError)?);
    remember(&config.tenant, wall, in_force.clone());
    Ok(in_force)
}

/// The policy in force as `wanted`: from this isolate's cache, or read from D1. With
/// [`Wanted::Serving`], an old copy is returned at once and `refresh` is called with the
/// read that brings it up to date, for the caller to run after its reply.
pub async fn load(
    env: &worker::Env,
    config: &Config,
    wanted: Wanted,
    refresh: impl FnOnce(std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>),
) -> worker::Result<Rc<InForce>> {
    let wall = worker::Date::now().as_millis();
    match lookup(&config.tenant, wall, wanted) {
        Lookup::Hit(in_force) => Ok(in_force),
        Lookup::Stale(in_force) => {
            touch(wall);
            let (env, config) = (env.clone(), config.clone());
            refresh(Box::pin(async move {
                if let Err(err) = read(&env, &config).await {
                    worker::console_error!("reading the policy failed: {err}");
                }
            }));
            Ok(in_force)
        }
        Lookup::Miss => read(env, config).await,
    }
}

/// The configuration with the policy in force put in (see [`load`]).
///
/// # Errors
///
/// As [`read`], and when the stored policy needs SMS that is no longer configured and breaks
/// a rule without it.
pub async fn apply(
    env: &worker::Env,
    mut config: Config,
    wanted: Wanted,
    refresh: impl FnOnce(std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>),
) -> worker::Result<Config> {
    let in_force = load(env, &config, wanted, refresh).await?;
    let degraded = config
        .use_policy(in_force.policy.clone(), in_force.version)
        .map_err(|err| worker::Error::RustError(err.to_string()))?;
    if degraded {
        worker::console_error!(
            "policy version {}: sms_code is allowed but SMS_* are not set; SMS is not offered",
            in_force.version
        );
    }
    Ok(config)
}

/// Makes a just-saved version this isolate's policy at once.
pub fn saved(config: &Config, in_force: InForce) {
    remember(
        &config.tenant,
        worker::Date::now().as_millis(),
        Rc::new(in_force),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn update(document: &str, expected_version: Option<u32>) -> PolicyUpdate {
        PolicyUpdate {
            document: document.into(),
            expected_version,
        }
    }

    #[test]
    fn a_valid_document_is_accepted_with_the_current_version() {
        let policy = check(&update("[codes]\ndigits = 8", Some(3)), 3, true).unwrap();
        assert_eq!(policy.codes.digits, 8);
    }

    #[test]
    fn an_edit_from_an_older_version_is_a_conflict() {
        let refusal = check(&update("[codes]\ndigits = 8", Some(2)), 3, true).unwrap_err();
        assert_eq!(refusal.error.code, ErrorCode::VersionConflict);
        assert!(refusal.error.message.contains("version 3, not 2"));
    }

    #[test]
    fn every_problem_of_an_invalid_document_is_listed_with_its_field() {
        let refusal = check(
            &update("[codes]\ndigits = 4\nlifetime_minutes = 90", None),
            0,
            true,
        )
        .unwrap_err();
        assert_eq!(refusal.error.code, ErrorCode::InvalidPolicy);
        let fields: Vec<&str> = refusal.problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["codes.digits", "codes.lifetime_minutes"]);
        let json = refusal.to_json();
        assert_eq!(json["error"]["code"], "invalid_policy");
        assert_eq!(json["problems"][0]["value"], "4");
    }

    #[test]
    fn the_policy_in_force_warns_when_this_edge_cannot_send_texts_it_allows() {
        let in_force = InForce {
            version: 2,
            document: String::new(),
            updated_at: Some(1),
            policy: Policy::default(),
        };
        assert!(
            Policy::default()
                .methods
                .allowed
                .contains(&sspr_core::policy::Method::SmsCode)
        );
        assert_eq!(in_force.to_json(true)["warnings"], json!([]));
        let warned = in_force.to_json(false);
        assert_eq!(warned["warnings"][0]["field"], "methods.allowed");
        assert_eq!(warned["warnings"][0]["value"], "sms_code");
    }

    #[test]
    fn broken_toml_is_refused_not_guessed() {
        let refusal = check(&update("[codes\ndigits = 8", None), 0, true).unwrap_err();
        assert_eq!(refusal.error.code, ErrorCode::InvalidPolicy);
        assert!(!refusal.problems.is_empty());
    }

    #[test]
    fn sms_cannot_be_allowed_on_an_edge_without_a_provider() {
        let document = "[methods]\nallowed = [\"email_code\", \"sms_code\"]";
        let refusal = check(&update(document, None), 0, false).unwrap_err();
        assert_eq!(refusal.problems[0].field, "methods.allowed");
        assert!(check(&update(document, None), 0, true).is_ok());
    }

    #[test]
    fn versions_are_stored_by_tenant_and_number() {
        let statement = insert("default", 4, "x = 1", 10);
        assert!(statement.sql.starts_with("INSERT INTO policy_versions"));
        assert_eq!(statement.params.len(), 4);
        assert!(
            select_latest("default")
                .sql
                .contains("ORDER BY version DESC LIMIT 1")
        );
    }

    #[test]
    fn the_cache_answers_by_tenant_version_and_age() {
        let in_force = Rc::new(InForce {
            version: 2,
            document: String::new(),
            updated_at: Some(1),
            policy: Policy::default(),
        });
        remember("t", 1_000, in_force);
        let young = 1_000 + CACHE_MS - 1;
        let old = 1_000 + CACHE_MS;
        let hit = |l: Lookup| matches!(l, Lookup::Hit(_));
        assert!(hit(lookup("t", young, Wanted::Recent)));
        assert!(hit(lookup("t", young, Wanted::Serving)));
        assert_eq!(lookup("t", old, Wanted::Recent), Lookup::Miss);
        assert!(matches!(
            lookup("t", old, Wanted::Serving),
            Lookup::Stale(_)
        ));
        // A Durable Object told the version trusts a copy of it however old, and reads
        // again for any other version.
        assert!(hit(lookup("t", old + 60_000, Wanted::Version(2))));
        assert_eq!(lookup("t", young, Wanted::Version(3)), Lookup::Miss);
        assert_eq!(lookup("other", young, Wanted::Serving), Lookup::Miss);
        touch(old);
        assert!(hit(lookup("t", old + 1, Wanted::Serving)));
    }
}
