//! Password rules. The edge enforces them before forwarding a reset and the widget runs the
//! same code for live feedback. This first slice checks length; later slices add composition,
//! banned terms, breached passwords and strength.

use serde::{Deserialize, Serialize};

use crate::api::{ApiError, ErrorCode};

/// Shortest minimum an administrator may configure.
pub const MIN_LENGTH_FLOOR: u16 = 8;
/// Longest password anyone may choose (NIST SP 800-63B asks for at least 64).
pub const MAX_LENGTH: u16 = 256;

/// The rules a new password must satisfy, sent to the widget with the `new_password` step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordRules {
    pub min_length: u16,
    pub max_length: u16,
}

impl Default for PasswordRules {
    fn default() -> Self {
        PasswordRules {
            min_length: MIN_LENGTH_FLOOR,
            max_length: MAX_LENGTH,
        }
    }
}

/// Why a password was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    #[error("the password has {actual} characters; it needs at least {min}")]
    TooShort { min: u16, actual: usize },
    #[error("the password has {actual} characters; at most {max} are allowed")]
    TooLong { max: u16, actual: usize },
}

impl From<PasswordError> for ApiError {
    fn from(err: PasswordError) -> Self {
        let mut api = match err {
            PasswordError::TooShort { .. } => {
                ApiError::new(ErrorCode::PasswordTooShort, err.to_string())
            }
            PasswordError::TooLong { .. } => {
                ApiError::new(ErrorCode::PasswordTooLong, err.to_string())
            }
        };
        match err {
            PasswordError::TooShort { min, .. } => api.min_length = Some(min),
            PasswordError::TooLong { max, .. } => api.max_length = Some(max),
        }
        api
    }
}

/// One line of the live checklist the widget shows under the password field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Check {
    pub rule: Rule,
    pub passed: bool,
}

/// The rules a checklist can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    MinLength(u16),
    MaxLength(u16),
}

impl PasswordRules {
    /// Counts characters as Unicode scalar values, so "pässwörd" has 8.
    pub fn check(&self, password: &str) -> Result<(), PasswordError> {
        let actual = password.chars().count();
        if actual < usize::from(self.min_length) {
            Err(PasswordError::TooShort {
                min: self.min_length,
                actual,
            })
        } else if actual > usize::from(self.max_length) {
            Err(PasswordError::TooLong {
                max: self.max_length,
                actual,
            })
        } else {
            Ok(())
        }
    }

    /// Every rule with whether `password` passes it, for the live checklist.
    pub fn checklist(&self, password: &str) -> Vec<Check> {
        let actual = password.chars().count();
        vec![
            Check {
                rule: Rule::MinLength(self.min_length),
                passed: actual >= usize::from(self.min_length),
            },
            Check {
                rule: Rule::MaxLength(self.max_length),
                passed: actual <= usize::from(self.max_length),
            },
        ]
    }
}

/// A password that passed the rules. Its `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

impl NewPassword {
    pub fn parse(rules: &PasswordRules, password: &str) -> Result<NewPassword, PasswordError> {
        rules.check(password)?;
        Ok(NewPassword(password.to_owned()))
    }

    /// The password, for the one call that sets it. Never log or store this.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seven_characters_are_too_short() {
        let err = PasswordRules::default().check("abcdefg").unwrap_err();
        assert_eq!(err, PasswordError::TooShort { min: 8, actual: 7 });
    }

    #[test]
    fn eight_and_two_hundred_fifty_six_characters_are_allowed() {
        let rules = PasswordRules::default();
        assert_eq!(rules.check("abcdefgh"), Ok(()));
        assert_eq!(rules.check(&"a".repeat(256)), Ok(()));
    }

    #[test]
    fn two_hundred_fifty_seven_characters_are_too_long() {
        let err = PasswordRules::default()
            .check(&"a".repeat(257))
            .unwrap_err();
        assert_eq!(
            err,
            PasswordError::TooLong {
                max: 256,
                actual: 257
            }
        );
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert_eq!(PasswordRules::default().check("pässwörd"), Ok(()));
        assert!(PasswordRules::default().check("日本語日本語日").is_err());
    }

    #[test]
    fn the_checklist_reports_each_rule() {
        let checks = PasswordRules::default().checklist("short");
        assert_eq!(
            checks[0],
            Check {
                rule: Rule::MinLength(8),
                passed: false
            }
        );
        assert_eq!(
            checks[1],
            Check {
                rule: Rule::MaxLength(256),
                passed: true
            }
        );
    }

    #[test]
    fn a_too_short_password_maps_to_an_api_error_naming_the_minimum() {
        let api: ApiError = PasswordError::TooShort { min: 8, actual: 3 }.into();
        assert_eq!(api.code, ErrorCode::PasswordTooShort);
        assert_eq!(api.min_length, Some(8));
    }

    #[test]
    fn a_new_password_is_never_printed() {
        let pw = NewPassword::parse(&PasswordRules::default(), "correct horse").unwrap();
        assert!(!format!("{pw:?}").contains("horse"));
    }
}
