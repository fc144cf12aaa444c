//! Usernames as typed into the reset form.

use sha2::{Digest, Sha256};

use crate::api::{ApiError, ErrorCode};

/// Longest username accepted (a UPN is at most 113 characters; leave room for others).
pub const MAX_USERNAME_CHARS: usize = 256;

/// A trimmed, non-empty username without control characters.
///
/// ```
/// use sspr_core::username::Username;
///
/// assert_eq!(Username::parse("  Alice ").unwrap().as_str(), "Alice");
/// assert!(Username::parse("   ").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Username(String);

/// Why a username was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum UsernameError {
    /// Nothing but white space.
    #[error("enter a username")]
    Empty,
    /// More than [`MAX_USERNAME_CHARS`] characters once trimmed.
    #[error("a username has at most {MAX_USERNAME_CHARS} characters")]
    TooLong,
    /// A control character (newline, NUL, …) inside the name.
    #[error("a username cannot contain control characters")]
    ControlCharacter,
}

impl From<UsernameError> for ApiError {
    fn from(err: UsernameError) -> Self {
        ApiError::new(ErrorCode::InvalidUsername, err.to_string())
    }
}

impl Username {
    /// Trims white space at both ends and checks what is left. Case is kept.
    ///
    /// # Errors
    ///
    /// A [`UsernameError`] saying why; it becomes [`ErrorCode::InvalidUsername`] on the wire.
    pub fn parse(input: &str) -> Result<Username, UsernameError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            Err(UsernameError::Empty)
        } else if trimmed.chars().count() > MAX_USERNAME_CHARS {
            Err(UsernameError::TooLong)
        } else if trimmed.chars().any(char::is_control) {
            Err(UsernameError::ControlCharacter)
        } else {
            Ok(Username(trimmed.to_owned()))
        }
    }

    /// The username as the user typed it, trimmed.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The form used to key per-username state: lower-cased, so `Alice` and `alice` share it.
    pub fn key(&self) -> String {
        self.0.to_lowercase()
    }

    /// A stable, non-reversible name for state kept about this username before (or without)
    /// knowing which user it is: hex SHA-256 of [`Username::key`].
    pub fn digest(&self) -> String {
        hex::encode(Sha256::digest(self.key().as_bytes()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surrounding_spaces_are_removed() {
        assert_eq!(Username::parse("  alice ").unwrap().as_str(), "alice");
    }

    #[test]
    fn an_empty_username_is_refused() {
        assert_eq!(Username::parse("   "), Err(UsernameError::Empty));
    }

    #[test]
    fn an_overlong_username_is_refused() {
        assert_eq!(
            Username::parse(&"a".repeat(257)),
            Err(UsernameError::TooLong)
        );
        assert!(Username::parse(&"a".repeat(256)).is_ok());
    }

    #[test]
    fn control_characters_are_refused() {
        assert_eq!(
            Username::parse("al\u{0}ice"),
            Err(UsernameError::ControlCharacter)
        );
    }

    #[test]
    fn the_key_ignores_case() {
        assert_eq!(Username::parse("Alice").unwrap().key(), "alice");
    }

    #[test]
    fn the_digest_ignores_case_and_hides_the_name() {
        let digest = Username::parse("Alice").unwrap().digest();
        assert_eq!(digest, Username::parse("alice").unwrap().digest());
        assert_eq!(digest.len(), 64);
        assert!(!digest.contains("alice"));
    }
}
