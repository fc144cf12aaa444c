//! Identity backends: where users are looked up and where the new password goes. One file per
//! backend; the routes only see [`IdentityBackend`].
//!
//! Unlock: only the webhook (and the writeback connector behind it) can clear a lockout.
//! SCIM has no standard lockout, and Entra ID's smart lockout cannot be cleared through
//! Graph (a successful password reset clears it), so those backends refuse unlocks with a
//! clear [`BackendError::Unsupported`], which is never retried.

pub mod graph;
pub mod graph_assertion;
pub mod scim;
pub mod webhook;

use sspr_core::outbox::AttemptResult;
use sspr_core::password::NewPassword;
use sspr_core::webhook::{AdminContact, DirectoryUser};

use crate::config::{Config, IdentityConfig};
use graph::GraphBackend;
use scim::ScimBackend;
use webhook::WebhookBackend;

/// Why the backend did not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BackendError {
    /// The backend refused the password under its own policy; the message is for the user.
    #[error("the directory refused the password: {0}")]
    Rejected(String),
    /// The backend failed or could not be reached; nothing was changed.
    #[error("the directory is unavailable: {0}")]
    Unavailable(String),
    /// Like `Unavailable`, and the backend said when to come back (a 429 or 503 with
    /// `Retry-After`, see [`retry_after_ms`]): the outbox waits at least that long.
    #[error("the directory is unavailable for {retry_after_ms} ms: {detail}")]
    RetryAfter { detail: String, retry_after_ms: u64 },
    /// The backend cannot do this at all (an unlock on SCIM or Graph): never retried.
    #[error("the directory cannot do this: {0}")]
    Unsupported(String),
}

impl BackendError {
    /// `self`, carrying the backend's `Retry-After` header when it sent one that parses.
    pub fn with_retry_after(self, header: Option<&str>) -> Self {
        match (self, header.and_then(retry_after_ms)) {
            (BackendError::Unavailable(detail), Some(retry_after_ms)) => BackendError::RetryAfter {
                detail,
                retry_after_ms,
            },
            (other, _) => other,
        }
    }
}

/// The longest `Retry-After` taken into account; a longer one is cut to this (the flow does
/// not live long enough to wait for it anyway, and the outbox then gives up).
pub const MAX_RETRY_AFTER_MS: u64 = 24 * 60 * 60 * 1000;

/// A `Retry-After` header's delay in milliseconds: delta-seconds only (RFC 9110 §10.2.3; an
/// HTTP date is ignored, as is anything malformed).
pub fn retry_after_ms(value: &str) -> Option<u64> {
    let value = value.trim();
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let seconds: u64 = value.parse().unwrap_or(u64::MAX);
    Some(seconds.saturating_mul(1000).min(MAX_RETRY_AFTER_MS))
}

/// What the outbox makes of a backend's answer to a change.
pub fn attempt_result(result: &Result<(), BackendError>) -> AttemptResult {
    match result {
        Ok(()) => AttemptResult::Applied,
        Err(BackendError::Rejected(message)) => AttemptResult::Rejected(message.clone()),
        Err(BackendError::Unsupported(message)) => AttemptResult::Unsupported(message.clone()),
        // Graph and SCIM write their `Retry-After` into the text; see `retry_after_secs`.
        Err(err @ BackendError::Unavailable(_)) => AttemptResult::Unavailable {
            retry_after_ms: err
                .retry_after_secs()
                .map(|secs| secs.saturating_mul(1000).min(MAX_RETRY_AFTER_MS)),
        },
        Err(BackendError::RetryAfter { retry_after_ms, .. }) => AttemptResult::Unavailable {
            retry_after_ms: Some(*retry_after_ms),
        },
    }
}

impl BackendError {
    /// The seconds the backend asked us to wait (its `Retry-After`), when it said so.
    pub fn retry_after_secs(&self) -> Option<u64> {
        let text = match self {
            BackendError::Unavailable(text) => text,
            BackendError::RetryAfter { retry_after_ms, .. } => {
                return Some(retry_after_ms.div_ceil(1000));
            }
            BackendError::Rejected(_) | BackendError::Unsupported(_) => return None,
        };
        let rest = &text[text.find(RETRY_AFTER)? + RETRY_AFTER.len()..];
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok()
    }
}

/// How a `Retry-After` is written into an [`BackendError::Unavailable`] text.
const RETRY_AFTER: &str = "retry after ";

/// `"; retry after N s"` for a `Retry-After` header in seconds (an HTTP date, rare from
/// these APIs, is left out).
fn retry_note(retry_after: Option<&str>) -> String {
    retry_after
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(|secs| format!("; {RETRY_AFTER}{secs} s"))
        .unwrap_or_default()
}

/// A directory's refusal, trimmed and bounded for the user, never quoting the password.
fn user_message(detail: Option<&str>, password: &str) -> String {
    const GENERIC: &str = "the directory's password policy refused this password";
    let detail = detail.map(str::trim).unwrap_or("");
    if detail.is_empty() || (!password.is_empty() && detail.contains(password)) {
        return GENERIC.to_owned();
    }
    let mut message: String = detail.chars().take(300).collect();
    if message.len() < detail.len() {
        message.push('…');
    }
    message
}

/// Percent-encodes everything but RFC 3986's unreserved characters, for a path segment or a
/// query value.
fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A directory's phone number as E.164, when it is one (see
/// [`PhoneNumber::from_e164`](sspr_core::methods::phone::PhoneNumber::from_e164)).
fn e164(raw: &str) -> Option<String> {
    sspr_core::methods::phone::PhoneNumber::from_e164(raw).map(|p| p.e164().to_owned())
}

/// A directory sspr resets passwords in.
#[allow(async_fn_in_trait)] // Workers run on one thread: these futures never cross threads.
pub trait IdentityBackend {
    /// Finds the user a username names, or `None` when there is no such user.
    async fn lookup(&self, username: &str) -> Result<Option<DirectoryUser>, BackendError>;

    /// Sets a user's password. `operation_id` is the same when the call is retried.
    async fn set_password(
        &self,
        user_id: &str,
        password: &NewPassword,
        operation_id: &str,
    ) -> Result<(), BackendError>;

    /// Unlocks a user's account, keeping the password. `operation_id` as above.
    async fn unlock(&self, user_id: &str, operation_id: &str) -> Result<(), BackendError>;

    /// The administrators and their addresses, for the notice sent to all administrators
    /// when one of them resets their password. Those without an address are left out.
    async fn admin_contacts(&self) -> Result<Vec<AdminContact>, BackendError>;
}

/// The most administrators notified at once (a directory with more is unusual; the rest
/// are left out and the log says so).
pub const MAX_ADMIN_CONTACTS: usize = 200;

/// `contacts` with an address, each address once (case-insensitively), at most
/// [`MAX_ADMIN_CONTACTS`].
pub fn unique_contacts(contacts: impl IntoIterator<Item = AdminContact>) -> Vec<AdminContact> {
    let mut seen = std::collections::BTreeSet::new();
    contacts
        .into_iter()
        .filter_map(|mut contact| {
            let email = contact.email.take()?.trim().to_owned();
            (email.contains('@') && seen.insert(email.to_ascii_lowercase())).then(|| {
                contact.email = Some(email);
                contact
            })
        })
        .take(MAX_ADMIN_CONTACTS)
        .collect()
}

/// The backend the configuration names. (An enum rather than a trait object: the trait's
/// async methods are not object-safe.)
pub enum Backend {
    Webhook(WebhookBackend),
    Scim(ScimBackend),
    Graph(GraphBackend),
}

impl Backend {
    pub fn from_config(config: &Config) -> Self {
        match &config.identity {
            IdentityConfig::Webhook { url, secret } => Backend::Webhook(WebhookBackend {
                url: url.clone(),
                secret: secret.clone(),
            }),
            IdentityConfig::Scim(scim) => Backend::Scim(ScimBackend::from(scim)),
            IdentityConfig::Graph(graph) => Backend::Graph(GraphBackend::from(graph)),
        }
    }
}

impl IdentityBackend for Backend {
    async fn lookup(&self, username: &str) -> Result<Option<DirectoryUser>, BackendError> {
        match self {
            Backend::Webhook(backend) => backend.lookup(username).await,
            Backend::Scim(backend) => backend.lookup(username).await,
            Backend::Graph(backend) => backend.lookup(username).await,
        }
    }

    async fn set_password(
        &self,
        user_id: &str,
        password: &NewPassword,
        operation_id: &str,
    ) -> Result<(), BackendError> {
        match self {
            Backend::Webhook(backend) => {
                backend.set_password(user_id, password, operation_id).await
            }
            Backend::Scim(backend) => backend.set_password(user_id, password, operation_id).await,
            Backend::Graph(backend) => backend.set_password(user_id, password, operation_id).await,
        }
    }

    async fn unlock(&self, user_id: &str, operation_id: &str) -> Result<(), BackendError> {
        match self {
            Backend::Webhook(backend) => backend.unlock(user_id, operation_id).await,
            Backend::Scim(backend) => backend.unlock(user_id, operation_id).await,
            Backend::Graph(backend) => backend.unlock(user_id, operation_id).await,
        }
    }

    async fn admin_contacts(&self) -> Result<Vec<AdminContact>, BackendError> {
        match self {
            Backend::Webhook(backend) => backend.admin_contacts().await,
            Backend::Scim(backend) => backend.admin_contacts().await,
            Backend::Graph(backend) => backend.admin_contacts().await,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admin_contacts_keep_each_address_once_and_skip_those_without_one() {
        let contact = |email: Option<&str>| AdminContact {
            email: email.map(str::to_owned),
            display_name: None,
            language: None,
        };
        let kept = unique_contacts([
            contact(Some("dana@example.com")),
            contact(Some(" Dana@Example.com ")),
            contact(None),
            contact(Some("not an address")),
            contact(Some("omar@example.com")),
        ]);
        let emails: Vec<_> = kept.iter().map(|c| c.email.as_deref().unwrap()).collect();
        assert_eq!(emails, ["dana@example.com", "omar@example.com"]);
    }

    #[test]
    fn percent_encoding_keeps_only_unreserved_characters() {
        assert_eq!(percent_encode("a-b.c_d~e"), "a-b.c_d~e");
        assert_eq!(
            percent_encode("alice@contoso.com/x y\"ü"),
            "alice%40contoso.com%2Fx%20y%22%C3%BC"
        );
    }

    #[test]
    fn phone_numbers_become_e164_or_nothing() {
        assert_eq!(e164("+1 425 555 0109").as_deref(), Some("+14255550109"));
        assert_eq!(e164("tel:+49-151-123456").as_deref(), Some("+49151123456"));
        assert_eq!(e164("+44 (20) 7946.0958").as_deref(), Some("+442079460958"));
        for raw in [
            "0151 123456",
            "+0151123456",
            "+1234567",
            "+1 425 CALL NOW",
            "",
        ] {
            assert_eq!(e164(raw), None, "{raw}");
        }
    }

    #[test]
    fn a_user_message_is_trimmed_bounded_and_never_quotes_the_password() {
        assert_eq!(user_message(Some("  too short \n"), "pw"), "too short");
        assert_eq!(
            user_message(Some("hunter22 is too common"), "hunter22"),
            "the directory's password policy refused this password"
        );
        assert_eq!(
            user_message(None, "pw"),
            "the directory's password policy refused this password"
        );
        let long = "x".repeat(500);
        assert_eq!(user_message(Some(&long), "pw").chars().count(), 301);
    }

    #[test]
    fn retry_after_is_kept_in_the_error_and_read_back() {
        let err = BackendError::Unavailable(format!("throttled{}", retry_note(Some(" 120 "))));
        assert_eq!(
            err.to_string(),
            "the directory is unavailable: throttled; retry after 120 s"
        );
        assert_eq!(err.retry_after_secs(), Some(120));
        assert_eq!(retry_note(Some("Wed, 21 Oct 2015 07:28:00 GMT")), "");
        assert_eq!(
            BackendError::Unavailable("down".into()).retry_after_secs(),
            None
        );
        assert_eq!(
            BackendError::Rejected("retry after 5 s".into()).retry_after_secs(),
            None
        );
    }

    #[test]
    fn retry_after_is_read_in_seconds_and_dates_are_ignored() {
        assert_eq!(retry_after_ms("5"), Some(5_000));
        assert_eq!(retry_after_ms(" 0 "), Some(0));
        assert_eq!(retry_after_ms("Wed, 21 Oct 2026 07:28:00 GMT"), None);
        assert_eq!(retry_after_ms("-1"), None);
        assert_eq!(retry_after_ms(""), None);
        assert_eq!(
            retry_after_ms("99999999999999999999999"),
            Some(MAX_RETRY_AFTER_MS)
        );
    }

    #[test]
    fn a_retry_after_hint_reaches_the_outbox_and_refusals_keep_theirs() {
        let down = BackendError::Unavailable("HTTP 503".into()).with_retry_after(Some("3"));
        assert_eq!(
            attempt_result(&Err(down)),
            AttemptResult::Unavailable {
                retry_after_ms: Some(3_000)
            }
        );
        let plain = BackendError::Unavailable("HTTP 503".into()).with_retry_after(None);
        assert_eq!(
            attempt_result(&Err(plain)),
            AttemptResult::Unavailable {
                retry_after_ms: None
            }
        );
        let refused = BackendError::Rejected("used recently".into()).with_retry_after(Some("3"));
        assert_eq!(
            attempt_result(&Err(refused)),
            AttemptResult::Rejected("used recently".into())
        );
    }
}
