//! Identity backends: where users are looked up and where the new password goes. One file per
//! backend; the routes only see [`IdentityBackend`].

pub mod webhook;

use sspr_core::outbox::AttemptResult;
use sspr_core::password::NewPassword;
use sspr_core::webhook::DirectoryUser;

use crate::config::Config;
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
        Err(BackendError::Unavailable(_)) => AttemptResult::Unavailable {
            retry_after_ms: None,
        },
        Err(BackendError::RetryAfter { retry_after_ms, .. }) => AttemptResult::Unavailable {
            retry_after_ms: Some(*retry_after_ms),
        },
    }
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
}

/// The backend the configuration names. (An enum rather than a trait object: the trait's
/// async methods are not object-safe.)
pub enum Backend {
    Webhook(WebhookBackend),
}

impl Backend {
    pub fn from_config(config: &Config) -> Self {
        Backend::Webhook(WebhookBackend {
            url: config.webhook_url.clone(),
            secret: config.webhook_secret.clone(),
        })
    }
}

impl IdentityBackend for Backend {
    async fn lookup(&self, username: &str) -> Result<Option<DirectoryUser>, BackendError> {
        match self {
            Backend::Webhook(backend) => backend.lookup(username).await,
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
        }
    }

    async fn unlock(&self, user_id: &str, operation_id: &str) -> Result<(), BackendError> {
        match self {
            Backend::Webhook(backend) => backend.unlock(user_id, operation_id).await,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
