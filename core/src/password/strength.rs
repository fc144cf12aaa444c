//! How hard a password is to guess, with feedback, from zxcvbn (the maintained Rust port of
//! Dropbox's estimator). The user's own words are passed in so they count as guessable.
//!
//! [`Strength`] is always here (the widget reads it); [`estimate`] needs the `strength`
//! feature, whose dictionaries are large: the widget runs it in a build of its own
//! (widget/strength), fetched when the new-password screen appears. Feedback travels as
//! stable keys ([`WARNINGS`], [`SUGGESTIONS`]) that the widget's locale files translate.

use serde::{Deserialize, Serialize};

/// Every warning key [`estimate`] gives (`strength-warning-<key>` in the widget's locales).
pub const WARNINGS: [&str; 9] = [
    "keyboard", "repeats", "common", "similar", "sequence", "years", "word", "dates", "names",
];

/// Every suggestion key [`estimate`] gives (`strength-suggestion-<key>` in the locales).
pub const SUGGESTIONS: [&str; 9] = [
    "more_words",
    "no_symbols_needed",
    "capitals",
    "reversed",
    "substitutions",
    "keyboard",
    "repeats",
    "sequences",
    "dates",
];

/// The longest prefix of a password that is estimated: zxcvbn's cost grows with length, and
/// beyond this a password is long enough that the prefix decides.
pub const MAX_ESTIMATED_CHARS: usize = 100;

/// A strength estimate for the meter under the password field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Strength {
    /// 0 (too guessable) to 4 (very unguessable); below 3 is weak.
    pub score: u8,
    /// Order of magnitude of the guesses an attacker needs.
    pub guesses_log10: f64,
    /// What makes the password weak, if anything: one of [`WARNINGS`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warning: Option<String>,
    /// How to make it stronger: keys of [`SUGGESTIONS`], without repeats.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<String>,
}

impl Strength {
    /// Whether the meter should call the password weak.
    pub fn is_weak(&self) -> bool {
        self.score < 3
    }
}

/// Estimates `password`'s strength; `user_inputs` are the user's names, username, email…
///
/// ```
/// use sspr_core::password::strength::estimate;
///
/// let weak = estimate("password1", &["alice"]);
/// assert!(weak.is_weak());
/// assert_eq!(weak.warning.as_deref(), Some("common"));
/// assert_eq!(estimate("mauve otter lamp quietly sings", &[]).score, 4);
/// ```
#[cfg(feature = "strength")]
pub fn estimate(password: &str, user_inputs: &[&str]) -> Strength {
    if password.is_empty() {
        return Strength {
            score: 0,
            guesses_log10: 0.0,
            warning: None,
            suggestions: Vec::new(),
        };
    }
    let end = password
        .char_indices()
        .nth(MAX_ESTIMATED_CHARS)
        .map_or(password.len(), |(i, _)| i);
    let entropy = zxcvbn::zxcvbn(&password[..end], user_inputs);
    let feedback = entropy.feedback();
    let mut suggestions: Vec<String> = Vec::new();
    for key in feedback
        .into_iter()
        .flat_map(|f| f.suggestions().iter().map(|s| suggestion_key(*s)))
    {
        if !suggestions.iter().any(|s| s == key) {
            suggestions.push(key.to_owned());
        }
    }
    Strength {
        score: u8::from(entropy.score()),
        guesses_log10: entropy.guesses_log10(),
        warning: feedback
            .and_then(|f| f.warning())
            .map(|w| warning_key(w).to_owned()),
        suggestions,
    }
}

#[cfg(feature = "strength")]
fn warning_key(warning: zxcvbn::feedback::Warning) -> &'static str {
    use zxcvbn::feedback::Warning as W;
    match warning {
        W::StraightRowsOfKeysAreEasyToGuess | W::ShortKeyboardPatternsAreEasyToGuess => "keyboard",
        W::RepeatsLikeAaaAreEasyToGuess | W::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess => {
            "repeats"
        }
        W::ThisIsATop10Password | W::ThisIsATop100Password | W::ThisIsACommonPassword => "common",
        W::ThisIsSimilarToACommonlyUsedPassword => "similar",
        W::SequencesLikeAbcAreEasyToGuess => "sequence",
        W::RecentYearsAreEasyToGuess => "years",
        W::AWordByItselfIsEasyToGuess => "word",
        W::DatesAreOftenEasyToGuess => "dates",
        W::NamesAndSurnamesByThemselvesAreEasyToGuess | W::CommonNamesAndSurnamesAreEasyToGuess => {
            "names"
        }
    }
}

#[cfg(feature = "strength")]
fn suggestion_key(suggestion: zxcvbn::feedback::Suggestion) -> &'static str {
    use zxcvbn::feedback::Suggestion as S;
    match suggestion {
        S::UseAFewWordsAvoidCommonPhrases | S::AddAnotherWordOrTwo => "more_words",
        S::NoNeedForSymbolsDigitsOrUppercaseLetters => "no_symbols_needed",
        S::CapitalizationDoesntHelpVeryMuch
        | S::AllUppercaseIsAlmostAsEasyToGuessAsAllLowercase => "capitals",
        S::ReversedWordsArentMuchHarderToGuess => "reversed",
        S::PredictableSubstitutionsDontHelpVeryMuch => "substitutions",
        S::UseALongerKeyboardPatternWithMoreTurns => "keyboard",
        S::AvoidRepeatedWordsAndCharacters => "repeats",
        S::AvoidSequences => "sequences",
        S::AvoidRecentYears
        | S::AvoidYearsThatAreAssociatedWithYou
        | S::AvoidDatesAndYearsThatAreAssociatedWithYou => "dates",
    }
}

#[cfg(all(test, feature = "strength"))]
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

    #[test]
    fn feedback_is_given_as_known_keys_without_repeats() {
        for password in [
            "qwertyuiop",
            "aaaaaaaa",
            "abcdefgh",
            "2019",
            "P@ssw0rd",
            "tnirp",
            "PASSWORD",
            "smith",
            "12/05/1990",
            "dragon",
        ] {
            let strength = estimate(password, &[]);
            if let Some(warning) = &strength.warning {
                assert!(
                    WARNINGS.contains(&warning.as_str()),
                    "{password}: {warning}"
                );
            }
            for suggestion in &strength.suggestions {
                assert!(
                    SUGGESTIONS.contains(&suggestion.as_str()),
                    "{password}: {suggestion}"
                );
            }
            let mut unique = strength.suggestions.clone();
            unique.dedup();
            assert_eq!(unique, strength.suggestions);
        }
    }

    #[test]
    fn a_very_long_password_is_estimated_quickly_from_its_prefix() {
        let long = "correct horse battery staple ".repeat(40);
        assert_eq!(estimate(&long, &[]).score, 4);
    }
}
