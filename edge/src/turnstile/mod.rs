//! Cloudflare Turnstile at the start of a reset or an unlock: the settings
//! (`TURNSTILE_SECRET`, `TURNSTILE_VERIFY_URL`), the siteverify wire format, and the decision
//! on its answer. The check runs before any user lookup, on the request alone, so it tells
//! nothing about the username: decoy and real users pass or fail it alike.
//!
//! The HTTP call is behind [`HumanCheck`] ([`siteverify::Siteverify`] in the Worker), so
//! everything here but that call is plain code tested natively. It must not look up users,
//! nor fail open: when siteverify cannot answer, nothing starts.

pub mod siteverify;

use serde::{Deserialize, Serialize};
use sspr_core::api::{ApiError, ErrorCode, turnstile_action};
use sspr_core::flow::FlowKind;

use crate::config::ConfigError;

/// Default of `TURNSTILE_VERIFY_URL`: Cloudflare's siteverify endpoint.
pub const DEFAULT_VERIFY_URL: &str = "https://challenges.cloudflare.com/turnstile/v0/siteverify";

/// Cloudflare's limit on a token's length; a longer one is refused without a call.
pub const MAX_TOKEN_CHARS: usize = 2048;

/// How long siteverify may take, in milliseconds, before the start fails (closed) with
/// `turnstile_unavailable`. Shorter than other outbound calls: a user is waiting on it.
pub const VERIFY_TIMEOUT_MS: u32 = 5_000;

/// Turnstile's settings; `None` in [`crate::config::Config`] when `TURNSTILE_SECRET` is unset.
#[derive(Clone, PartialEq, Eq)]
pub struct TurnstileConfig {
    /// The widget's secret key (`TURNSTILE_SECRET`, a Worker secret).
    pub secret: String,
    /// Where tokens are verified (`TURNSTILE_VERIFY_URL`, default [`DEFAULT_VERIFY_URL`]).
    pub verify_url: String,
}

impl std::fmt::Debug for TurnstileConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TurnstileConfig")
            .field("verify_url", &self.verify_url)
            .finish_non_exhaustive()
    }
}

/// Turnstile's settings, or `None` when `TURNSTILE_SECRET` is unset (then
/// `TURNSTILE_VERIFY_URL` may not be set either: half a configuration is a mistake).
pub fn from_lookup(
    lookup: &impl Fn(&str) -> Option<String>,
) -> Result<Option<TurnstileConfig>, ConfigError> {
    let value = |name: &str| crate::config::setting(lookup, name);
    let Some(secret) = value("TURNSTILE_SECRET") else {
        return match value("TURNSTILE_VERIFY_URL") {
            Some(_) => Err(ConfigError::Missing("TURNSTILE_SECRET")),
            None => Ok(None),
        };
    };
    // Cloudflare's secret keys are `0x4…` and 35 characters; its test keys are as long.
    if secret.len() < 20
        || secret.len() > 256
        || !secret
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    {
        return Err(ConfigError::Invalid {
            name: "TURNSTILE_SECRET",
            reason: format!(
                "expected the widget's secret key from the Cloudflare dashboard (like 0x4AAA…, \
                 20 to 256 letters, digits, - and _), got {} characters",
                secret.len()
            ),
        });
    }
    if value("ALLOWED_ORIGINS")
        .is_none_or(|origins| origins.split(',').all(|o| o.trim().is_empty()))
    {
        return Err(ConfigError::Invalid {
            name: "TURNSTILE_SECRET",
            reason: "a token must have been solved on one of ALLOWED_ORIGINS' hosts, and \
                     ALLOWED_ORIGINS is empty: set it to your login pages' origins"
                .to_owned(),
        });
    }
    let verify_url = value("TURNSTILE_VERIFY_URL").unwrap_or_else(|| DEFAULT_VERIFY_URL.into());
    crate::oidc::settings::check_url("TURNSTILE_VERIFY_URL", &verify_url, false)?;
    Ok(Some(TurnstileConfig { secret, verify_url }))
}

/// The body POSTed to siteverify (Cloudflare's documented JSON form).
#[derive(Serialize)]
pub struct SiteverifyRequest<'a> {
    pub secret: &'a str,
    /// The token the widget sent.
    pub response: &'a str,
    /// The visitor's IP (`CF-Connecting-IP`), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remoteip: Option<&'a str>,
    /// A UUID that lets a verification be repeated without "duplicate" for the same token.
    pub idempotency_key: String,
}

/// Siteverify's answer. Fields it leaves out read as empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct SiteverifyAnswer {
    pub success: bool,
    #[serde(rename = "error-codes", default)]
    pub error_codes: Vec<String>,
    /// When the challenge was solved (ISO 8601).
    #[serde(default)]
    pub challenge_ts: Option<String>,
    /// The hostname of the page where the challenge was solved.
    #[serde(default)]
    pub hostname: Option<String>,
    /// The action the widget was rendered with.
    #[serde(default)]
    pub action: Option<String>,
    /// The customer data the widget was rendered with.
    #[serde(default)]
    pub cdata: Option<String>,
}

/// What a start's token must show: solved on one of the embedding pages' hosts, for this
/// flow's action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expectation {
    /// The hosts of `ALLOWED_ORIGINS`.
    pub hostnames: Vec<String>,
    /// The action of the flow being started ([`turnstile_action`]).
    pub action: &'static str,
}

impl Expectation {
    /// The expectation for a start of `kind` on an edge embedded by `allowed_origins`.
    pub fn new(kind: FlowKind, allowed_origins: &[String]) -> Self {
        Expectation {
            hostnames: allowed_origins.iter().filter_map(|o| hostname(o)).collect(),
            action: turnstile_action(kind),
        }
    }
}

/// The host of an origin (`https://login.example.com:8443` → `login.example.com`), lower case.
fn hostname(origin: &str) -> Option<String> {
    let rest = origin.split_once("://").map_or(origin, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = if let Some(v6) = authority.strip_prefix('[') {
        v6.split(']').next()?
    } else {
        authority.rsplit_once(':').map_or(authority, |(h, _)| h)
    };
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// The outcome of a check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The token is good: the start may go on.
    Passed,
    /// No token was sent.
    Required,
    /// Turnstile refused the token, or it was solved elsewhere or for another action; why,
    /// for the log (never the token).
    Refused(String),
    /// The token could not be checked (siteverify unreachable, failing, or refusing our
    /// secret); why, for the log.
    Unavailable(String),
}

impl Verdict {
    /// The error a start answers with, or `None` when it may go on.
    pub fn error(&self) -> Option<ApiError> {
        match self {
            Verdict::Passed => None,
            Verdict::Required => Some(ApiError::new(
                ErrorCode::TurnstileRequired,
                "complete the security check first",
            )),
            Verdict::Refused(_) => Some(ApiError::new(
                ErrorCode::TurnstileFailed,
                "the security check was not accepted; do it again",
            )),
            Verdict::Unavailable(_) => Some(ApiError::new(
                ErrorCode::TurnstileUnavailable,
                "the security check could not be verified; try again in a moment",
            )),
        }
    }
}

/// A token as sent, before any call: missing, or too long to be one.
pub fn precheck(token: Option<&str>) -> Result<&str, Verdict> {
    match token.map(str::trim) {
        None | Some("") => Err(Verdict::Required),
        Some(token) if token.chars().count() > MAX_TOKEN_CHARS => Err(Verdict::Refused(format!(
            "the token is longer than {MAX_TOKEN_CHARS} characters"
        ))),
        Some(token) => Ok(token),
    }
}

/// The decision on siteverify's HTTP answer (`status`, `body`).
pub fn decide(status: u16, body: &str, expected: &Expectation) -> Verdict {
    if !(200..300).contains(&status) {
        return Verdict::Unavailable(format!("siteverify answered HTTP {status}"));
    }
    let answer: SiteverifyAnswer = match serde_json::from_str(body) {
        Ok(answer) => answer,
        Err(err) => {
            return Verdict::Unavailable(format!("siteverify's answer is unreadable: {err}"));
        }
    };
    if !answer.success {
        let codes = answer.error_codes.join(", ");
        // Our own mistakes or Cloudflare's: the user's token may be fine, so nothing is
        // refused, nothing starts, and the log says which.
        let ours = answer.error_codes.iter().any(|code| {
            matches!(
                code.as_str(),
                "missing-input-secret" | "invalid-input-secret" | "internal-error"
            )
        });
        return if ours || answer.error_codes.is_empty() {
            Verdict::Unavailable(format!("siteverify failed: [{codes}]"))
        } else {
            Verdict::Refused(format!("siteverify refused the token: [{codes}]"))
        };
    }
    let hostname = answer.hostname.as_deref().unwrap_or_default();
    if !expected
        .hostnames
        .iter()
        .any(|allowed| allowed.eq_ignore_ascii_case(hostname))
    {
        return Verdict::Refused(format!(
            "the challenge was solved on {hostname:?}, not on an allowed origin's host"
        ));
    }
    let action = answer.action.as_deref().unwrap_or_default();
    if action != expected.action {
        return Verdict::Refused(format!(
            "the challenge was solved for action {action:?}, not {:?}",
            expected.action
        ));
    }
    Verdict::Passed
}

/// Who answers siteverify requests: Cloudflare (through [`siteverify::Siteverify`]), or a
/// test's double.
#[allow(async_fn_in_trait)] // Workers run on one thread: these futures never cross threads.
pub trait HumanCheck {
    /// POSTs `request` and returns the HTTP status and body, or why no answer came.
    async fn siteverify(&self, request: &SiteverifyRequest<'_>) -> Result<(u16, String), String>;
}

/// Checks a start's token: [`precheck`], one siteverify call, [`decide`].
pub async fn check(
    verifier: &impl HumanCheck,
    secret: &str,
    token: Option<&str>,
    remoteip: Option<&str>,
    idempotency_key: String,
    expected: &Expectation,
) -> Verdict {
    let token = match precheck(token) {
        Ok(token) => token,
        Err(verdict) => return verdict,
    };
    let request = SiteverifyRequest {
        secret,
        response: token,
        remoteip,
        idempotency_key,
    };
    match verifier.siteverify(&request).await {
        Ok((status, body)) => decide(status, &body, expected),
        Err(err) => Verdict::Unavailable(format!("siteverify could not be reached: {err}")),
    }
}

#[cfg(test)]
mod tests;
