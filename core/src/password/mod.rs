//! Password rules. The edge enforces them before forwarding a reset and the widget runs the
//! same code for live feedback: length, Entra's optional 3-of-4 composition, the user's own
//! names, and banned terms matched the Entra way ([`banned`]). The Pwned Passwords query is
//! built and read here ([`pwned`]); the edge makes the call.

pub mod banned;
#[cfg(feature = "common-passwords")]
pub mod common;
pub mod pwned;
pub mod strength;

use serde::{Deserialize, Serialize};

use crate::api::{ApiError, ErrorCode};
use banned::BannedTerms;

/// Shortest minimum an administrator may configure.
pub const MIN_LENGTH_FLOOR: u16 = 8;
/// Longest password anyone may choose (NIST SP 800-63B asks for at least 64).
pub const MAX_LENGTH: u16 = 256;
/// Character classes a password needs when composition is on (Entra: 3 of 4).
pub const COMPOSITION_CLASSES: u8 = 3;
/// Shortest part of a user's own names that a password may not contain.
pub const PERSONAL_PART_CHARS: usize = 3;

/// The rules a new password must satisfy, sent to the widget with the `new_password` step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordRules {
    /// Fewest characters (Unicode scalar values) allowed; at least [`MIN_LENGTH_FLOOR`].
    pub min_length: u16,
    /// Most characters allowed; at most [`MAX_LENGTH`].
    pub max_length: u16,
    /// Characters from at least 3 of: upper case, lower case, digits, symbols.
    #[serde(default)]
    pub composition: bool,
}

impl Default for PasswordRules {
    fn default() -> Self {
        PasswordRules {
            min_length: MIN_LENGTH_FLOOR,
            max_length: MAX_LENGTH,
            composition: false,
        }
    }
}

/// Why a password was refused. Each carries what a UI needs to explain it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    /// Fewer characters than [`PasswordRules::min_length`].
    #[error("the password has {actual} characters; it needs at least {min}")]
    TooShort {
        /// The minimum, in characters.
        min: u16,
        /// The password's length, in characters.
        actual: usize,
    },
    /// More characters than [`PasswordRules::max_length`].
    #[error("the password has {actual} characters; at most {max} are allowed")]
    TooLong {
        /// The maximum, in characters.
        max: u16,
        /// The password's length, in characters.
        actual: usize,
    },
    /// Composition is on and too few character classes are used.
    #[error(
        "use at least {needed} of upper case, lower case, digits and symbols (this one has {classes})"
    )]
    Composition {
        /// Classes the password uses (see [`character_classes`]).
        classes: u8,
        /// Classes required ([`COMPOSITION_CLASSES`]).
        needed: u8,
    },
    /// The password contains part of the user's username, display name or email address.
    #[error("the password contains part of your name or username ({part})")]
    PersonalInfo {
        /// The offending part, normalised (lower case, substitutions undone).
        part: String,
    },
    /// The password is, or is one edit from, an entry of the built-in common-password list.
    #[error("this password is one of the most common passwords; choose one nobody else would")]
    Common,
    /// The password contains banned terms and scores below [`banned::MIN_SCORE`].
    #[error("the password is built on easily guessed words ({}); add more of your own", found.join(", "))]
    Banned {
        /// The banned terms found, as the administrator listed them.
        found: Vec<String>,
        /// The password's score (see [`banned`]).
        score: u16,
    },
    /// The Pwned Passwords service lists the password among those leaked in data breaches
    /// ([`pwned`]); attackers try those first.
    #[error("this password has been seen {count} times in data breaches; choose one that has not")]
    Breached {
        /// How many times the service has seen it.
        count: u64,
    },
    /// The policy refuses every password while the Pwned Passwords service cannot be asked
    /// (`breached_check = "fail_closed"`), and it cannot be now.
    #[error("the check against breached passwords cannot be made right now; try again in a minute")]
    BreachCheckUnavailable,
}

impl From<PasswordError> for ApiError {
    fn from(err: PasswordError) -> Self {
        let message = err.to_string();
        let code = match &err {
            PasswordError::TooShort { .. } => ErrorCode::PasswordTooShort,
            PasswordError::TooLong { .. } => ErrorCode::PasswordTooLong,
            PasswordError::Composition { .. } => ErrorCode::PasswordComposition,
            PasswordError::PersonalInfo { .. } => ErrorCode::PasswordPersonalInfo,
            PasswordError::Common => ErrorCode::PasswordCommon,
            PasswordError::Banned { .. } => ErrorCode::PasswordBanned,
            PasswordError::Breached { .. } => ErrorCode::PasswordBreached,
            PasswordError::BreachCheckUnavailable => ErrorCode::BreachCheckUnavailable,
        };
        let mut api = ApiError::new(code, message);
        match err {
            PasswordError::TooShort { min, .. } => api.min_length = Some(min),
            PasswordError::TooLong { max, .. } => api.max_length = Some(max),
            _ => {}
        }
        api
    }
}

/// One line of the live checklist the widget shows under the password field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Check {
    /// The rule this line shows.
    pub rule: Rule,
    /// Whether the password typed so far satisfies it.
    pub passed: bool,
}

/// The rules a checklist can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// At least this many characters.
    MinLength(u16),
    /// At most this many characters.
    MaxLength(u16),
    /// At least this many character classes.
    Classes(u8),
}

/// How many of upper case, lower case, digits and symbols `password` uses (0 to 4). Any
/// character that is not alphanumeric, a space included, counts as a symbol.
///
/// ```
/// use sspr_core::password::character_classes;
///
/// assert_eq!(character_classes("abc"), 1);
/// assert_eq!(character_classes("Abc 12"), 4);
/// ```
pub fn character_classes(password: &str) -> u8 {
    let upper = password.chars().any(char::is_uppercase);
    let lower = password.chars().any(char::is_lowercase);
    let digit = password.chars().any(|c| c.is_ascii_digit());
    let symbol = password.chars().any(|c| !c.is_alphanumeric());
    [upper, lower, digit, symbol]
        .into_iter()
        .filter(|present| *present)
        .count() as u8
}

impl PasswordRules {
    /// Length (counted in Unicode scalar values, so "pässwörd" has 8) and composition.
    ///
    /// # Errors
    ///
    /// [`PasswordError::TooShort`], [`PasswordError::TooLong`] or
    /// [`PasswordError::Composition`], the first that applies.
    pub fn check(&self, password: &str) -> Result<(), PasswordError> {
        let actual = password.chars().count();
        if actual < usize::from(self.min_length) {
            return Err(PasswordError::TooShort {
                min: self.min_length,
                actual,
            });
        }
        if actual > usize::from(self.max_length) {
            return Err(PasswordError::TooLong {
                max: self.max_length,
                actual,
            });
        }
        let classes = character_classes(password);
        if self.composition && classes < COMPOSITION_CLASSES {
            return Err(PasswordError::Composition {
                classes,
                needed: COMPOSITION_CLASSES,
            });
        }
        Ok(())
    }

    /// Every rule with whether `password` passes it, for the live checklist.
    pub fn checklist(&self, password: &str) -> Vec<Check> {
        let actual = password.chars().count();
        let mut checks = vec![
            Check {
                rule: Rule::MinLength(self.min_length),
                passed: actual >= usize::from(self.min_length),
            },
            Check {
                rule: Rule::MaxLength(self.max_length),
                passed: actual <= usize::from(self.max_length),
            },
        ];
        if self.composition {
            checks.push(Check {
                rule: Rule::Classes(COMPOSITION_CLASSES),
                passed: character_classes(password) >= COMPOSITION_CLASSES,
            });
        }
        checks
    }
}

/// The parts of a user's own names and addresses that their password may not contain.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PersonalInfo {
    parts: Vec<String>,
}

impl PersonalInfo {
    /// Collects the parts of a username, a display name and an email address: each split on
    /// spaces and punctuation, the email's local part also whole, parts of 3 or more
    /// characters, normalised like banned terms.
    pub fn new(username: &str, display_name: Option<&str>, email: Option<&str>) -> Self {
        let mut sources = vec![username.to_owned()];
        sources.extend(display_name.map(str::to_owned));
        if let Some(email) = email {
            sources.push(email.split('@').next().unwrap_or_default().to_owned());
        }
        if let Some((local, _)) = username.split_once('@') {
            sources.push(local.to_owned());
        }
        let mut parts: Vec<String> = Vec::new();
        let mut add = |candidate: &str| {
            let normalized = banned::normalize(candidate);
            if normalized.chars().count() >= PERSONAL_PART_CHARS && !parts.contains(&normalized) {
                parts.push(normalized);
            }
        };
        for source in &sources {
            add(source.split('@').next().unwrap_or_default());
            for piece in source.split(|c: char| !c.is_alphanumeric()) {
                add(piece);
            }
        }
        PersonalInfo { parts }
    }

    /// The first part `password` contains, if any.
    pub fn found_in(&self, password: &str) -> Option<&str> {
        let normalized = banned::normalize(password);
        self.parts
            .iter()
            .find(|part| normalized.contains(part.as_str()))
            .map(String::as_str)
    }
}

/// Everything the server checks before a password goes to the identity backend.
///
/// ```
/// use sspr_core::password::banned::BannedTerms;
/// use sspr_core::password::{PasswordChecker, PasswordError, PasswordRules, PersonalInfo};
///
/// let checker = PasswordChecker::new(PasswordRules::default(), BannedTerms::new(["contoso"]));
/// let alice = PersonalInfo::new("amartin", Some("Alice Martin"), Some("alice@contoso.com"));
/// assert!(matches!(checker.check("short", &alice), Err(PasswordError::TooShort { .. })));
/// assert!(matches!(checker.check("Alice-2024!", &alice), Err(PasswordError::PersonalInfo { .. })));
/// assert!(matches!(checker.check("C0nt0so-24", &alice), Err(PasswordError::Banned { .. })));
/// assert!(checker.check("mauve otter lamp", &alice).is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PasswordChecker {
    /// Length and composition, also sent to the widget.
    pub rules: PasswordRules,
    banned: BannedTerms,
}

impl PasswordChecker {
    /// A checker for `rules` and the organisation's `banned` terms.
    pub fn new(rules: PasswordRules, banned: BannedTerms) -> Self {
        PasswordChecker { rules, banned }
    }

    /// Checks in the order a user fixes things: length and composition, own names, the
    /// common-password list (when compiled in), banned terms. The Pwned Passwords check is
    /// separate ([`pwned`]).
    ///
    /// # Errors
    ///
    /// The first [`PasswordError`] that applies. A banned-term refusal carries the terms found
    /// and the score, so a UI can say what to change:
    ///
    /// ```
    /// use sspr_core::password::banned::BannedTerms;
    /// use sspr_core::password::{PasswordChecker, PasswordError, PasswordRules, PersonalInfo};
    ///
    /// let checker =
    ///     PasswordChecker::new(PasswordRules::default(), BannedTerms::new(["Contoso", "winter"]));
    /// // 1 point per term found, 1 per other character: 2 + 1 ("-") = 3, below 5.
    /// let err = checker.check("C0nt0so-Winter", &PersonalInfo::default()).unwrap_err();
    /// assert_eq!(
    ///     err,
    ///     PasswordError::Banned { found: vec!["Contoso".into(), "winter".into()], score: 3 }
    /// );
    /// // Enough of the user's own around the terms passes.
    /// assert!(checker.check("contoso is a river in spring", &PersonalInfo::default()).is_ok());
    /// ```
    pub fn check(
        &self,
        password: &str,
        personal: &PersonalInfo,
    ) -> Result<NewPassword, PasswordError> {
        self.rules.check(password)?;
        if let Some(part) = personal.found_in(password) {
            return Err(PasswordError::PersonalInfo {
                part: part.to_owned(),
            });
        }
        #[cfg(feature = "common-passwords")]
        if common::matching(password).is_some() {
            return Err(PasswordError::Common);
        }
        let evaluation = self.banned.evaluate(password);
        if !evaluation.passes() {
            return Err(PasswordError::Banned {
                found: evaluation.found,
                score: evaluation.score,
            });
        }
        Ok(NewPassword(password.to_owned()))
    }
}

/// A password that passed the rules. Its `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

impl NewPassword {
    /// Checks length and composition only; the server uses [`PasswordChecker::check`].
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
    fn composition_needs_three_of_four_classes_when_on() {
        let rules = PasswordRules {
            composition: true,
            ..PasswordRules::default()
        };
        assert_eq!(
            rules.check("alllowercase"),
            Err(PasswordError::Composition {
                classes: 1,
                needed: 3
            })
        );
        assert_eq!(rules.check("lower and 123"), Ok(()));
        assert_eq!(rules.check("UPPERlower1"), Ok(()));
        assert_eq!(PasswordRules::default().check("alllowercase"), Ok(()));
    }

    #[test]
    fn character_classes_count_upper_lower_digits_and_symbols() {
        assert_eq!(character_classes("abc"), 1);
        assert_eq!(character_classes("aB"), 2);
        assert_eq!(character_classes("aB3"), 3);
        assert_eq!(character_classes("aB3 "), 4);
        assert_eq!(character_classes("Ärger"), 2);
    }

    #[test]
    fn the_users_own_names_are_refused() {
        let personal = PersonalInfo::new(
            "amartin",
            Some("Alice Martin"),
            Some("alice.martin@example.com"),
        );
        let checker = PasswordChecker::default();
        for password in ["alice in wonderland", "M4rtin-family-2024", "xx amartin xx"] {
            assert!(
                matches!(
                    checker.check(password, &personal),
                    Err(PasswordError::PersonalInfo { .. })
                ),
                "{password}"
            );
        }
        assert!(checker.check("a correct horse battery", &personal).is_ok());
    }

    #[test]
    fn short_name_parts_are_not_held_against_the_user() {
        let personal = PersonalInfo::new("jo", Some("Jo Li"), None);
        assert!(
            PasswordChecker::default()
                .check("join the line dance", &personal)
                .is_ok()
        );
    }

    #[test]
    fn banned_terms_refuse_a_password_the_entra_way() {
        let checker = PasswordChecker::new(
            PasswordRules::default(),
            BannedTerms::new(["contoso", "winter"]),
        );
        let err = checker
            .check("C0nt0so-Winter", &PersonalInfo::default())
            .unwrap_err();
        assert_eq!(
            err,
            PasswordError::Banned {
                found: vec!["contoso".into(), "winter".into()],
                score: 3
            }
        );
        assert!(
            checker
                .check("contoso is a river in spring", &PersonalInfo::default())
                .is_ok()
        );
    }

    #[test]
    fn every_refusal_maps_to_its_own_error_code() {
        let cases: [(PasswordError, ErrorCode); 8] = [
            (PasswordError::Common, ErrorCode::PasswordCommon),
            (
                PasswordError::Breached { count: 3 },
                ErrorCode::PasswordBreached,
            ),
            (
                PasswordError::BreachCheckUnavailable,
                ErrorCode::BreachCheckUnavailable,
            ),
            (
                PasswordError::TooShort { min: 8, actual: 1 },
                ErrorCode::PasswordTooShort,
            ),
            (
                PasswordError::TooLong {
                    max: 256,
                    actual: 300,
                },
                ErrorCode::PasswordTooLong,
            ),
            (
                PasswordError::Composition {
                    classes: 1,
                    needed: 3,
                },
                ErrorCode::PasswordComposition,
            ),
            (
                PasswordError::PersonalInfo {
                    part: "alice".into(),
                },
                ErrorCode::PasswordPersonalInfo,
            ),
            (
                PasswordError::Banned {
                    found: vec!["x".into()],
                    score: 1,
                },
                ErrorCode::PasswordBanned,
            ),
        ];
        for (err, code) in cases {
            assert_eq!(ApiError::from(err).code, code);
        }
    }

    #[test]
    fn the_checklist_shows_composition_only_when_it_is_on() {
        let rules = PasswordRules {
            composition: true,
            ..PasswordRules::default()
        };
        assert_eq!(rules.checklist("abc").len(), 3);
        assert_eq!(PasswordRules::default().checklist("abc").len(), 2);
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
