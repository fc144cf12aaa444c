//! Identity backends: where users are looked up and where the new password goes. One file per
//! backend; the routes only see [`IdentityBackend`].

pub mod webhook;

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
