//! App notification with number matching: the reset screen shows a two-digit number, the
//! user's registered phone shows three, and the user picks the one on the screen. A challenge
//! lives two minutes and is answered once: a wrong pick kills it.

use serde::{Deserialize, Serialize};

use crate::UnixMillis;

/// How long a challenge waits for the phone.
pub const LIFETIME_MS: u64 = 2 * 60 * 1000;

/// Why an answer was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ApprovalError {
    /// The phone answered [`LIFETIME_MS`] or more after the request.
    #[error("the request on your phone has expired")]
    Expired,
    /// The request was answered before (rightly or wrongly).
    #[error("this request was already answered")]
    Answered,
    /// The user picked another number than the one on the screen.
    #[error("the number picked on the phone was not the one on the screen")]
    WrongNumber,
    /// The user denied the request on the phone.
    #[error("the request was denied on the phone")]
    Denied,
}

/// One sign-in request sent to the user's phone.
///
/// ```
/// use sspr_core::methods::approval::ApprovalChallenge;
///
/// let mut n = 0u8;
/// let mut random = |buf: &mut [u8]| buf.iter_mut().for_each(|b| { n = n.wrapping_add(37); *b = n });
/// let mut challenge = ApprovalChallenge::issue(0, &mut random);
/// assert!(challenge.choices().contains(&challenge.number()));
/// assert_eq!(challenge.answer(Some(challenge.number()), 1_000), Ok(()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalChallenge {
    number: u8,
    choices: [u8; 3],
    expires_at: UnixMillis,
    answered: bool,
}

use super::uniform_below as uniform;

impl ApprovalChallenge {
    /// Shown on the reset screen.
    pub fn number(&self) -> u8 {
        self.number
    }

    /// Shown on the phone, in this order; one of them is [`Self::number`].
    pub fn choices(&self) -> [u8; 3] {
        self.choices
    }

    /// [`LIFETIME_MS`] after it was issued.
    pub fn expires_at(&self) -> UnixMillis {
        self.expires_at
    }

    /// Whether the phone answered already; a challenge takes one answer.
    pub fn answered(&self) -> bool {
        self.answered
    }

    /// A new challenge: a number from 10 to 99 and two other distinct decoys, shuffled.
    pub fn issue(now: UnixMillis, fill: &mut dyn FnMut(&mut [u8])) -> Self {
        let mut numbers: Vec<u8> = Vec::with_capacity(3);
        while numbers.len() < 3 {
            let n = 10 + uniform(90, fill) as u8;
            if !numbers.contains(&n) {
                numbers.push(n);
            }
        }
        let number = numbers[0];
        // Fisher–Yates, so the right number is anywhere among the choices.
        for i in (1..numbers.len()).rev() {
            let j = uniform(i as u32 + 1, fill) as usize;
            numbers.swap(i, j);
        }
        ApprovalChallenge {
            number,
            choices: [numbers[0], numbers[1], numbers[2]],
            expires_at: now + LIFETIME_MS,
            answered: false,
        }
    }

    /// The phone's answer: the number picked, or `None` when the user denied the request.
    ///
    /// # Errors
    ///
    /// [`ApprovalError::Answered`] for any answer after the first, [`ApprovalError::Expired`]
    /// at or after `expires_at`, then [`ApprovalError::Denied`] or
    /// [`ApprovalError::WrongNumber`]. A wrong pick or a denial uses the challenge up.
    ///
    /// ```
    /// use sspr_core::methods::approval::{ApprovalChallenge, ApprovalError};
    ///
    /// let mut n = 0u8;
    /// let mut random = |buf: &mut [u8]| buf.iter_mut().for_each(|b| { n = n.wrapping_add(37); *b = n });
    /// let mut challenge = ApprovalChallenge::issue(0, &mut random);
    /// let number = challenge.number();
    /// let wrong = challenge.choices().into_iter().find(|c| *c != number).unwrap();
    /// assert_eq!(challenge.answer(Some(wrong), 1_000), Err(ApprovalError::WrongNumber));
    /// assert_eq!(challenge.answer(Some(number), 2_000), Err(ApprovalError::Answered));
    /// ```
    pub fn answer(&mut self, picked: Option<u8>, now: UnixMillis) -> Result<(), ApprovalError> {
        if self.answered {
            return Err(ApprovalError::Answered);
        }
        if now >= self.expires_at {
            return Err(ApprovalError::Expired);
        }
        self.answered = true;
        match picked {
            None => Err(ApprovalError::Denied),
            Some(n) if n == self.number => Ok(()),
            Some(_) => Err(ApprovalError::WrongNumber),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::methods::code::test_fill;

    const T: UnixMillis = 1_700_000_000_000;

    #[test]
    fn the_number_has_two_digits_and_is_among_three_distinct_choices() {
        for seed in 0..200 {
            let challenge = ApprovalChallenge::issue(T, &mut test_fill(seed));
            assert!((10..=99).contains(&challenge.number));
            assert!(challenge.choices.contains(&challenge.number));
            let [a, b, c] = challenge.choices;
            assert!(a != b && b != c && a != c);
        }
    }

    #[test]
    fn the_right_number_is_not_always_in_the_same_place() {
        let positions: std::collections::HashSet<usize> = (0..60)
            .map(|seed| {
                let c = ApprovalChallenge::issue(T, &mut test_fill(seed));
                c.choices.iter().position(|n| *n == c.number).unwrap()
            })
            .collect();
        assert_eq!(positions.len(), 3);
    }

    #[test]
    fn picking_the_shown_number_approves_once() {
        let mut challenge = ApprovalChallenge::issue(T, &mut test_fill(1));
        assert_eq!(challenge.answer(Some(challenge.number), T + 1), Ok(()));
        assert_eq!(
            challenge.answer(Some(challenge.number), T + 2),
            Err(ApprovalError::Answered)
        );
    }

    #[test]
    fn a_wrong_pick_kills_the_challenge() {
        let mut challenge = ApprovalChallenge::issue(T, &mut test_fill(2));
        let wrong = *challenge
            .choices
            .iter()
            .find(|n| **n != challenge.number)
            .unwrap();
        assert_eq!(
            challenge.answer(Some(wrong), T + 1),
            Err(ApprovalError::WrongNumber)
        );
        assert_eq!(
            challenge.answer(Some(challenge.number), T + 2),
            Err(ApprovalError::Answered)
        );
    }

    #[test]
    fn a_denial_is_final() {
        let mut challenge = ApprovalChallenge::issue(T, &mut test_fill(3));
        assert_eq!(challenge.answer(None, T + 1), Err(ApprovalError::Denied));
        assert_eq!(
            challenge.answer(Some(challenge.number), T + 2),
            Err(ApprovalError::Answered)
        );
    }

    #[test]
    fn an_answer_after_two_minutes_is_refused() {
        let mut challenge = ApprovalChallenge::issue(T, &mut test_fill(4));
        assert_eq!(
            challenge.answer(Some(challenge.number), T + LIFETIME_MS),
            Err(ApprovalError::Expired)
        );
    }
}
