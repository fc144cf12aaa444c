//! Security questions. Answers are normalised (NFKC, case-folded, trimmed, spaces collapsed)
//! and hashed with Argon2id (19 MiB, 2 passes, 1 lane) under a per-user salt; they are never
//! stored or returned in clear. At a reset, N registered questions are drawn at random and
//! drawn again after a wrong answer. They are never a proof on their own (see the policy).

use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;
use unicode_normalization::UnicodeNormalization;

use crate::policy::SecurityQuestions;
use crate::policy::questions::is_predefined;

/// Characters in an answer, after normalisation.
pub const ANSWER_CHARS: std::ops::RangeInclusive<usize> = 3..=40;
/// Argon2id memory per answer hash, in KiB (19 MiB, OWASP's minimum).
pub const ARGON2_MEMORY_KIB: u32 = 19 * 1024;
/// Argon2id passes over the memory.
pub const ARGON2_PASSES: u32 = 2;
/// Argon2id parallelism.
pub const ARGON2_LANES: u32 = 1;
const SALT_BYTES: usize = 16;

/// A question: a predefined one by key, or one of the organisation's own by its text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Question {
    /// A key of [`PREDEFINED_QUESTIONS`](crate::policy::questions::PREDEFINED_QUESTIONS); the
    /// widget shows it in the user's language.
    Predefined(String),
    /// The text of one of the policy's `custom` questions, shown as written.
    Custom(String),
}

/// Why answers could not be registered or were not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QuestionError {
    /// Registration: not the number of answers the policy's `register` asks for.
    #[error("register exactly {expected} questions (got {actual})")]
    WrongCount {
        /// The policy's `register`.
        expected: u8,
        /// Answers given.
        actual: usize,
    },
    /// Registration: the question is not among those the policy offers.
    #[error("this question is not offered: {0:?}")]
    NotOffered(Question),
    /// Registration: the same question twice.
    #[error("a question was chosen twice")]
    RepeatedQuestion,
    /// Registration: two answers equal after normalising.
    #[error("two questions have the same answer")]
    RepeatedAnswer,
    /// Registration: an answer outside [`ANSWER_CHARS`] after normalising.
    #[error("answers have {min} to {max} characters", min = ANSWER_CHARS.start(), max = ANSWER_CHARS.end())]
    AnswerLength {
        /// Position of the answer in the inputs, from 0.
        index: usize,
    },
    /// Registration: the answer and its confirmation differ after normalising.
    #[error("the two entries of an answer differ")]
    ConfirmationMismatch {
        /// Position of the answer in the inputs, from 0.
        index: usize,
    },
    /// Reset: at least one answer is wrong (which one is not said).
    #[error("one or more answers are wrong")]
    Wrong,
    /// Reset: the answers do not match the questions asked in number or position.
    #[error("answer exactly the questions asked")]
    NotAsked,
}

/// Normalises an answer so that `"  New  York "` and `"new york"` match.
///
/// ```
/// use sspr_core::methods::questions::normalize_answer;
///
/// assert_eq!(normalize_answer("  New   YORK "), "new york");
/// assert_eq!(normalize_answer("Ｔｏｋｙｏ"), "tokyo"); // NFKC folds full-width letters
/// ```
pub fn normalize_answer(answer: &str) -> String {
    let folded: String = answer
        .nfkc()
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .nfkc()
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn hash(salt: &[u8], index: usize, normalized: &str) -> [u8; 32] {
    let params = argon2::Params::new(ARGON2_MEMORY_KIB, ARGON2_PASSES, ARGON2_LANES, Some(32))
        .expect("fixed Argon2 parameters are valid");
    let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    // The question's position is part of the input, so equal answers hash differently.
    let input = format!("{index}\u{0}{normalized}");
    let mut out = [0u8; 32];
    argon
        .hash_password_into(input.as_bytes(), salt, &mut out)
        .expect("Argon2 with a 16-byte salt and 32-byte output cannot fail");
    out
}

/// One answer as the user typed it, twice.
#[derive(Clone, PartialEq, Eq)]
pub struct AnswerInput {
    /// The question chosen.
    pub question: Question,
    /// The answer, as typed.
    pub answer: String,
    /// The answer typed a second time, to catch typos.
    pub confirmation: String,
}

/// A user's registered questions with their hashed answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisteredQuestions {
    salt: String,
    entries: Vec<(Question, String)>,
}

impl RegisteredQuestions {
    /// Registers answers under the policy: exactly `register` of them, offered questions only,
    /// no question or answer twice, 3–40 characters, typed the same twice. `fill` supplies
    /// the salt. Each answer costs one Argon2id hash (about 19 MiB and tens of milliseconds).
    ///
    /// # Errors
    ///
    /// The first [`QuestionError`] found, checking the inputs in order.
    ///
    /// ```
    /// use sspr_core::methods::questions::{AnswerInput, Question, QuestionError, RegisteredQuestions};
    /// use sspr_core::policy::SecurityQuestions;
    ///
    /// let input = |key: &str, answer: &str| AnswerInput {
    ///     question: Question::Predefined(key.into()),
    ///     answer: answer.into(),
    ///     confirmation: answer.into(),
    /// };
    /// let policy = SecurityQuestions::default(); // register 3, answer 3
    /// let inputs = [
    ///     input("city_born", "Lyon"),
    ///     input("city_parents_met", "Nantes"),
    ///     input("city_first_job", "Lille"),
    /// ];
    /// let registered =
    ///     RegisteredQuestions::register(&policy, &inputs, &mut |buf: &mut [u8]| buf.fill(9)).unwrap();
    ///
    /// // At a reset: the questions drawn (here all three, in a fixed order) and the answers.
    /// let answers = ["  LYON".to_owned(), "nantes".to_owned(), "Lille".to_owned()];
    /// assert_eq!(registered.check(&[0, 1, 2], &answers), Ok(()));
    /// let wrong = ["Paris".to_owned(), "nantes".to_owned(), "Lille".to_owned()];
    /// assert_eq!(registered.check(&[0, 1, 2], &wrong), Err(QuestionError::Wrong));
    /// ```
    pub fn register(
        policy: &SecurityQuestions,
        inputs: &[AnswerInput],
        fill: &mut dyn FnMut(&mut [u8]),
    ) -> Result<Self, QuestionError> {
        if inputs.len() != usize::from(policy.register) {
            return Err(QuestionError::WrongCount {
                expected: policy.register,
                actual: inputs.len(),
            });
        }
        let mut normalized_answers: Vec<String> = Vec::new();
        for (index, input) in inputs.iter().enumerate() {
            let offered = match &input.question {
                Question::Predefined(key) => is_predefined(key) && policy.predefined.contains(key),
                Question::Custom(text) => policy.custom.iter().any(|c| c.trim() == text.trim()),
            };
            if !offered {
                return Err(QuestionError::NotOffered(input.question.clone()));
            }
            if inputs[..index]
                .iter()
                .any(|earlier| earlier.question == input.question)
            {
                return Err(QuestionError::RepeatedQuestion);
            }
            let normalized = normalize_answer(&input.answer);
            if !ANSWER_CHARS.contains(&normalized.chars().count()) {
                return Err(QuestionError::AnswerLength { index });
            }
            if normalize_answer(&input.confirmation) != normalized {
                return Err(QuestionError::ConfirmationMismatch { index });
            }
            if normalized_answers.contains(&normalized) {
                return Err(QuestionError::RepeatedAnswer);
            }
            normalized_answers.push(normalized);
        }
        let mut salt = [0u8; SALT_BYTES];
        fill(&mut salt);
        let entries = inputs
            .iter()
            .zip(&normalized_answers)
            .enumerate()
            .map(|(index, (input, normalized))| {
                (
                    input.question.clone(),
                    hex::encode(hash(&salt, index, normalized)),
                )
            })
            .collect();
        Ok(RegisteredQuestions {
            salt: hex::encode(salt),
            entries,
        })
    }

    /// The registered questions, in the order they were registered (what `draw`'s indices
    /// point into).
    pub fn questions(&self) -> Vec<&Question> {
        self.entries.iter().map(|(q, _)| q).collect()
    }

    /// Draws `count` distinct questions at random (indices into the registered list).
    pub fn draw(&self, count: u8, fill: &mut dyn FnMut(&mut [u8])) -> Vec<usize> {
        let mut indices: Vec<usize> = (0..self.entries.len()).collect();
        // Partial Fisher–Yates with unbiased draws.
        let take = usize::from(count).min(indices.len());
        for i in 0..take {
            let remaining = (indices.len() - i) as u32;
            let pick = super::uniform_below(remaining, fill) as usize;
            indices.swap(i, i + pick);
        }
        indices.truncate(take);
        indices
    }

    /// Checks answers to the questions at `asked`. Every answer is hashed, right or wrong, so
    /// the time taken does not say which one was wrong.
    ///
    /// # Errors
    ///
    /// [`QuestionError::NotAsked`] if `asked` and `answers` differ in length or an index is out
    /// of range; [`QuestionError::Wrong`] if any answer is wrong.
    pub fn check(&self, asked: &[usize], answers: &[String]) -> Result<(), QuestionError> {
        if asked.len() != answers.len() || asked.iter().any(|i| *i >= self.entries.len()) {
            return Err(QuestionError::NotAsked);
        }
        let salt = hex::decode(&self.salt).map_err(|_| QuestionError::Wrong)?;
        let mut all_right = true;
        for (index, answer) in asked.iter().zip(answers) {
            let expected = hex::decode(&self.entries[*index].1).unwrap_or_default();
            let actual = hash(&salt, *index, &normalize_answer(answer));
            all_right &= bool::from(actual.ct_eq(expected.as_slice()));
        }
        if all_right {
            Ok(())
        } else {
            Err(QuestionError::Wrong)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::methods::code::test_fill;

    fn policy() -> SecurityQuestions {
        SecurityQuestions {
            custom: vec!["Name of your first robot?".into()],
            ..SecurityQuestions::default()
        }
    }

    fn input(key: &str, answer: &str) -> AnswerInput {
        AnswerInput {
            question: Question::Predefined(key.into()),
            answer: answer.into(),
            confirmation: answer.into(),
        }
    }

    fn three() -> Vec<AnswerInput> {
        vec![
            input("first_pet_name", "Rex"),
            input("city_born", "New York"),
            AnswerInput {
                question: Question::Custom("Name of your first robot?".into()),
                answer: "Robbie".into(),
                confirmation: "robbie".into(),
            },
        ]
    }

    #[test]
    fn answers_are_normalised() {
        assert_eq!(normalize_answer("  New   YORK "), "new york");
        assert_eq!(normalize_answer("Ｔｏｋｙｏ"), "tokyo");
        assert_eq!(normalize_answer("STRASSE"), normalize_answer("strasse"));
    }

    #[test]
    fn registered_answers_check_after_normalisation() {
        let registered =
            RegisteredQuestions::register(&policy(), &three(), &mut test_fill(1)).unwrap();
        let answers = vec![
            "rex".to_owned(),
            " new york".to_owned(),
            "ROBBIE".to_owned(),
        ];
        assert_eq!(registered.check(&[0, 1, 2], &answers), Ok(()));
    }

    #[test]
    fn one_wrong_answer_fails_the_check() {
        let registered =
            RegisteredQuestions::register(&policy(), &three(), &mut test_fill(1)).unwrap();
        let answers = vec!["rex".to_owned(), "boston".to_owned(), "robbie".to_owned()];
        assert_eq!(
            registered.check(&[0, 1, 2], &answers),
            Err(QuestionError::Wrong)
        );
    }

    #[test]
    fn answers_are_never_stored_in_clear() {
        let registered =
            RegisteredQuestions::register(&policy(), &three(), &mut test_fill(1)).unwrap();
        let stored = serde_json::to_string(&registered).unwrap().to_lowercase();
        assert!(
            !stored.contains("rex") && !stored.contains("new york") && !stored.contains("robbie")
        );
    }

    #[test]
    fn the_count_must_match_the_policy() {
        let err =
            RegisteredQuestions::register(&policy(), &three()[..2], &mut test_fill(1)).unwrap_err();
        assert_eq!(
            err,
            QuestionError::WrongCount {
                expected: 3,
                actual: 2
            }
        );
    }

    #[test]
    fn a_question_twice_is_refused() {
        let inputs = vec![
            input("first_pet_name", "Rex"),
            input("first_pet_name", "Max"),
            input("city_born", "Oslo"),
        ];
        assert_eq!(
            RegisteredQuestions::register(&policy(), &inputs, &mut test_fill(1)),
            Err(QuestionError::RepeatedQuestion)
        );
    }

    #[test]
    fn the_same_answer_twice_is_refused() {
        let inputs = vec![
            input("first_pet_name", "Oslo"),
            input("city_first_job", "oslo"),
            input("city_born", "Bergen"),
        ];
        assert_eq!(
            RegisteredQuestions::register(&policy(), &inputs, &mut test_fill(1)),
            Err(QuestionError::RepeatedAnswer)
        );
    }

    #[test]
    fn answers_must_have_three_to_forty_characters() {
        let mut inputs = three();
        inputs[1] = input("city_born", "NY");
        assert_eq!(
            RegisteredQuestions::register(&policy(), &inputs, &mut test_fill(1)),
            Err(QuestionError::AnswerLength { index: 1 })
        );
        inputs[1] = input("city_born", &"x".repeat(41));
        assert!(RegisteredQuestions::register(&policy(), &inputs, &mut test_fill(1)).is_err());
    }

    #[test]
    fn an_answer_typed_differently_twice_is_refused() {
        let mut inputs = three();
        inputs[0].confirmation = "Rax".into();
        assert_eq!(
            RegisteredQuestions::register(&policy(), &inputs, &mut test_fill(1)),
            Err(QuestionError::ConfirmationMismatch { index: 0 })
        );
    }

    #[test]
    fn a_question_the_policy_does_not_offer_is_refused() {
        let mut inputs = three();
        inputs[2].question = Question::Custom("Something else?".into());
        assert!(matches!(
            RegisteredQuestions::register(&policy(), &inputs, &mut test_fill(1)),
            Err(QuestionError::NotOffered(_))
        ));
    }

    #[test]
    fn draws_are_distinct_and_vary() {
        let mut inputs = three();
        inputs.push(input("first_car_model", "Beetle"));
        inputs.push(input("high_school_mascot", "Owls"));
        let policy = SecurityQuestions {
            register: 5,
            ..policy()
        };
        let registered =
            RegisteredQuestions::register(&policy, &inputs, &mut test_fill(1)).unwrap();
        let mut seen = std::collections::HashSet::new();
        for seed in 0..30 {
            let mut draw = registered.draw(3, &mut test_fill(seed));
            assert_eq!(draw.len(), 3);
            draw.sort_unstable();
            draw.dedup();
            assert_eq!(draw.len(), 3);
            seen.insert(draw);
        }
        assert!(seen.len() > 3, "draws should differ: {seen:?}");
    }

    #[test]
    fn answers_to_questions_not_asked_are_refused() {
        let registered =
            RegisteredQuestions::register(&policy(), &three(), &mut test_fill(1)).unwrap();
        assert_eq!(
            registered.check(&[0, 9], &["a".into(), "b".into()]),
            Err(QuestionError::NotAsked)
        );
    }
}
