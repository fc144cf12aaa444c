//! What the connector needs from a directory, whatever it is. The LDAP implementation is in
//! [`crate::ldap`]; the request handling in [`crate::service`] sees only this trait.

use std::future::Future;

use sspr_core::webhook::{AdminContact, DirectoryUser};

/// Why the directory did not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DirectoryError {
    /// The directory's password policy refused the password; the message is for the user.
    #[error("the password policy refused the password: {0}")]
    Refused(String),
    /// No entry has this id (it was deleted or moved out of the search base since the lookup).
    #[error("no user has this id")]
    NoSuchUser,
    /// The account is disabled; it may not be unlocked through self-service.
    #[error("the account is disabled")]
    Disabled,
    /// The request itself is wrong (an id of the wrong shape, an overlong username).
    #[error("{0}")]
    BadRequest(String),
    /// The directory failed, refused the service account, or could not be reached.
    #[error("the directory is unavailable: {0}")]
    Unavailable(String),
}

/// A directory the connector changes passwords in.
pub trait Directory: Send + Sync + 'static {
    /// The user this username names, or `None`.
    fn lookup(
        &self,
        username: &str,
    ) -> impl Future<Output = Result<Option<DirectoryUser>, DirectoryError>> + Send;

    /// Sets the password of the user with this id (as [`DirectoryUser::id`] gave it), and
    /// clears a lockout, as an administrator's reset does.
    fn set_password(
        &self,
        user_id: &str,
        password: &str,
    ) -> impl Future<Output = Result<(), DirectoryError>> + Send;

    /// Whether the user with this id signs in with `password` now (a bind as the user), to
    /// learn whether an interrupted change took effect. `Ok(false)` when the directory refuses
    /// the password.
    fn password_is(
        &self,
        user_id: &str,
        password: &str,
    ) -> impl Future<Output = Result<bool, DirectoryError>> + Send;

    /// Clears the lockout of the user with this id, keeping the password. Unlocking an
    /// account that is not locked succeeds.
    fn unlock(&self, user_id: &str) -> impl Future<Output = Result<(), DirectoryError>> + Send;

    /// The administrators to notify, enabled ones with an address.
    fn admins(&self) -> impl Future<Output = Result<Vec<AdminContact>, DirectoryError>> + Send;
}
