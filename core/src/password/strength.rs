//! How hard a password is to guess, with feedback, from zxcvbn (the maintained Rust port of
//! Dropbox's estimator). The user's own words are passed in so they count as guessable.

use serde::{Deserialize, Serialize};

/// A strength estimate for the meter under the password field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Strength {
    /// 0 (too guessable) to 4 (very unguessable); below 3 is weak.
    pub score: u8,
    /// Order of magnitude of the guesses an attacker needs.
    pub guesses_log10: f64,
    /// What makes the password weak, if anything.
    pub warning: Option<String>,
    /// How to make it stronger.
    pub suggestions: Vec<String>,
}

impl Strength {
    /// Whether the meter should call the password weak.
    pub fn is_weak(&self) -> bool {
        self.score < 3
    }
}

/// Estimates `password`'s strength; `user_inputs` are the user's names, username, email…
pub fn estimate(password: &str, user_inputs: &[&str]) -> Strength {
    if password.is_empty() {
        return Strength {
            score: 0,
            guesses_log10: 0.0,
            warning: None,
            suggestions: Vec::new(),
        };
    }
    let entropy = zxcvbn::zxcvbn(password, user_inputs);
    let feedback = entropy.feedback();
    Strength {
        score: u8::from(entropy.score()),
        guesses_log10: entropy.guesses_log10(),
        warning: feedback.and_then(|f| f.warning()).map(|w| w.to_string()),
        suggestions: feedback
            .map(|f| f.suggestions().iter().map(ToString::to_string).collect())
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_common_password_is_weak_and_says_why() {
        let strength = estimate("password1", &[]);
        assert!(strength.is_weak());
        assert!(strength.warning.is_some() || !strength.suggestions.is_empty());
    }

    #[test]
    fn a_long_random_passphrase_is_strong() {
        let strength = estimate("mauve otter lamp quietly sings", &[]);
        assert_eq!(strength.score, 4);
        assert!(!strength.is_weak());
    }

    #[test]
    fn the_users_own_words_make_a_password_weaker() {
        let plain = estimate("martinezfamily", &[]);
        let personal = estimate("martinezfamily", &["martinez", "family"]);
        assert!(personal.guesses_log10 < plain.guesses_log10);
    }

    #[test]
    fn an_empty_password_scores_zero() {
        assert_eq!(estimate("", &[]).score, 0);
    }
}
