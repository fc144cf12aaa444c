//! One-time codes sent by email or SMS: generated from caller-supplied random bytes
//! without modulo bias, stored only as an HMAC-SHA256 bound to one flow, compared in constant
//! time, valid for a limited time, for a limited number of tries, and once.

use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::UnixMillis;

type HmacSha256 = Hmac<Sha256>;

/// How codes are made and how long they live.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodePolicy {
    /// Number of decimal digits (6–8).
    pub digits: u8,
    /// Lifetime in milliseconds.
    pub lifetime_ms: u64,
    /// Wrong tries allowed before the code dies.
    pub max_tries: u8,
}

impl Default for CodePolicy {
    fn default() -> Self {
        CodePolicy {
            digits: 6,
            lifetime_ms: 10 * 60 * 1000,
            max_tries: 5,
        }
    }
}

/// A code as typed or as generated: exactly `digits` ASCII digits.
#[derive(Clone, PartialEq, Eq)]
pub struct OtpCode(String);

impl std::fmt::Debug for OtpCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("OtpCode(…)")
    }
}

/// Why a typed code could not even be checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a code is {digits} digits")]
pub struct InvalidCodeFormat {
    /// The number of digits expected.
    pub digits: u8,
}

impl OtpCode {
    /// Parses what a user typed or pasted. Spaces and dashes between digits are ignored, so
    /// `"123 456"` and `"123-456"` are the code `123456`.
    ///
    /// # Errors
    ///
    /// [`InvalidCodeFormat`] unless what is left is exactly `digits` ASCII digits.
    ///
    /// ```
    /// use sspr_core::methods::code::OtpCode;
    ///
    /// assert_eq!(OtpCode::parse(" 123-456 ", 6).unwrap().expose(), "123456");
    /// assert_eq!(OtpCode::parse("12345", 6).unwrap_err().digits, 6);
    /// ```
    pub fn parse(input: &str, digits: u8) -> Result<OtpCode, InvalidCodeFormat> {
        let cleaned: String = input
            .trim()
            .chars()
            .filter(|c| *c != ' ' && *c != '-')
            .collect();
        if cleaned.len() == usize::from(digits) && cleaned.bytes().all(|b| b.is_ascii_digit()) {
            Ok(OtpCode(cleaned))
        } else {
            Err(InvalidCodeFormat { digits })
        }
    }

    /// Draws a code of `digits` digits, uniformly, from the random bytes `fill` supplies.
    /// Candidates that would bias the result (the top of the `u32` range) are rejected and
    /// drawn again.
    ///
    /// # Panics
    ///
    /// If `digits` is not from 1 to 9.
    pub fn generate(digits: u8, fill: &mut dyn FnMut(&mut [u8])) -> OtpCode {
        assert!((1..=9).contains(&digits), "codes have 1–9 digits");
        let value = super::uniform_below(10u32.pow(u32::from(digits)), fill);
        OtpCode(format!("{value:0width$}", width = usize::from(digits)))
    }

    /// The digits, for the message that carries the code. Never log this.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// A code that was issued, as it is stored: a keyed hash, never the code.
///
/// ```
/// use sspr_core::methods::code::{CodeChallenge, CodeError, CodePolicy, OtpCode};
///
/// let key = b"a secret key of the edge, 32 bytes";
/// let mut random = |buf: &mut [u8]| buf.fill(7); // the edge passes its CSPRNG here
/// let (mut challenge, code) = CodeChallenge::issue(key, b"flow-1", CodePolicy::default(), 0, &mut random);
/// let typed = OtpCode::parse(code.expose(), 6).unwrap();
/// assert_eq!(challenge.verify(key, b"flow-1", &typed, 1_000), Ok(()));
/// assert_eq!(challenge.verify(key, b"flow-1", &typed, 2_000), Err(CodeError::Used));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeChallenge {
    mac: String,
    issued_at: UnixMillis,
    expires_at: UnixMillis,
    digits: u8,
    failed_tries: u8,
    max_tries: u8,
    used: bool,
}

/// Why a code was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    /// A wrong code; it counted as a try.
    #[error("the code does not match; {tries_left} tries left")]
    Mismatch {
        /// Tries left after this one (0: the next attempt gets `AttemptsExhausted`).
        tries_left: u8,
    },
    /// The code's lifetime is over.
    #[error("the code has expired")]
    Expired,
    /// The code was accepted before; codes are good once.
    #[error("the code was already used")]
    Used,
    /// All tries were spent on wrong codes.
    #[error("too many wrong codes")]
    AttemptsExhausted,
}

impl CodeChallenge {
    /// When the code was sent; the next may be asked for a cooldown later.
    pub fn issued_at(&self) -> UnixMillis {
        self.issued_at
    }

    /// When the code stops being accepted.
    pub fn expires_at(&self) -> UnixMillis {
        self.expires_at
    }

    /// Digits in the code.
    pub fn digits(&self) -> u8 {
        self.digits
    }

    /// Wrong codes typed so far.
    pub fn failed_tries(&self) -> u8 {
        self.failed_tries
    }

    /// Wrong codes allowed before the code dies.
    pub fn max_tries(&self) -> u8 {
        self.max_tries
    }

    /// Whether the code was accepted once already.
    pub fn used(&self) -> bool {
        self.used
    }

    /// Issues a new code bound to `binding` (the flow it belongs to). Returns the challenge to
    /// store and the code to send.
    pub fn issue(
        key: &[u8],
        binding: &[u8],
        policy: CodePolicy,
        now: UnixMillis,
        fill: &mut dyn FnMut(&mut [u8]),
    ) -> (CodeChallenge, OtpCode) {
        let code = OtpCode::generate(policy.digits, fill);
        let mac = hex::encode(mac_of(key, binding, &code).finalize().into_bytes());
        (CodeChallenge::stored(mac, policy, now), code)
    }

    /// A challenge that no code can satisfy, with the same shape and limits as a real one.
    /// Decoy flows (unknown or disabled users) use it so that they behave like real flows.
    pub fn unmatchable(
        policy: CodePolicy,
        now: UnixMillis,
        fill: &mut dyn FnMut(&mut [u8]),
    ) -> Self {
        let mut random = [0u8; 32];
        fill(&mut random);
        // Not valid hex, so it can never equal a computed MAC; the random tail keeps
        // stored decoys distinct from one another.
        CodeChallenge::stored(format!("decoy:{}", hex::encode(random)), policy, now)
    }

    fn stored(mac: String, policy: CodePolicy, now: UnixMillis) -> Self {
        CodeChallenge {
            mac,
            issued_at: now,
            expires_at: now.saturating_add(policy.lifetime_ms),
            digits: policy.digits,
            failed_tries: 0,
            max_tries: policy.max_tries,
            used: false,
        }
    }

    /// Tries left before the code dies.
    pub fn tries_left(&self) -> u8 {
        self.max_tries.saturating_sub(self.failed_tries)
    }

    /// Checks a typed code. A wrong code counts a try; a right one is used up.
    ///
    /// # Errors
    ///
    /// In this order: [`CodeError::Used`], [`CodeError::Expired`] (at or after
    /// `expires_at`), [`CodeError::AttemptsExhausted`], then [`CodeError::Mismatch`] for a
    /// wrong code or one bound to another `binding` or `key`.
    pub fn verify(
        &mut self,
        key: &[u8],
        binding: &[u8],
        code: &OtpCode,
        now: UnixMillis,
    ) -> Result<(), CodeError> {
        if self.used {
            return Err(CodeError::Used);
        }
        if now >= self.expires_at {
            return Err(CodeError::Expired);
        }
        if self.failed_tries >= self.max_tries {
            return Err(CodeError::AttemptsExhausted);
        }
        let matches = hex::decode(&self.mac)
            .map(|expected| mac_of(key, binding, code).verify_slice(&expected).is_ok())
            .unwrap_or(false);
        if matches {
            self.used = true;
            Ok(())
        } else {
            self.failed_tries += 1;
            Err(CodeError::Mismatch {
                tries_left: self.tries_left(),
            })
        }
    }
}

fn mac_of(key: &[u8], binding: &[u8], code: &OtpCode) -> HmacSha256 {
    let mut mac = HmacSha256::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(&(binding.len() as u64).to_be_bytes());
    mac.update(binding);
    mac.update(code.0.as_bytes());
    mac
}

/// A deterministic byte source for tests: a counter run through SHA-256.
#[cfg(test)]
pub(crate) fn test_fill(seed: u64) -> impl FnMut(&mut [u8]) {
    use sha2::Digest;
    let mut counter = seed.wrapping_mul(1_000_003);
    move |out: &mut [u8]| {
        for chunk in out.chunks_mut(32) {
            counter += 1;
            let digest = Sha256::digest(counter.to_le_bytes());
            chunk.copy_from_slice(&digest[..chunk.len()]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const KEY: &[u8] = b"0123456789abcdef0123456789abcdef";
    const FLOW: &[u8] = b"flow-a";
    const T0: UnixMillis = 1_700_000_000_000;

    fn issue() -> (CodeChallenge, OtpCode) {
        CodeChallenge::issue(KEY, FLOW, CodePolicy::default(), T0, &mut test_fill(1))
    }

    fn wrong(code: &OtpCode) -> OtpCode {
        let first = code.0.as_bytes()[0];
        let swapped = if first == b'9' {
            '0'
        } else {
            (first + 1) as char
        };
        OtpCode(format!("{swapped}{}", &code.0[1..]))
    }

    #[test]
    fn generated_codes_have_the_requested_digits() {
        for digits in 6..=8 {
            let code = OtpCode::generate(digits, &mut test_fill(u64::from(digits)));
            assert_eq!(code.expose().len(), usize::from(digits));
            assert!(code.expose().bytes().all(|b| b.is_ascii_digit()));
        }
    }

    #[test]
    fn biased_candidates_are_drawn_again() {
        // First draw is u32::MAX (inside the biased zone), the second is 42.
        let mut draws = vec![u32::MAX.to_le_bytes(), 42u32.to_le_bytes()].into_iter();
        let mut fill = |out: &mut [u8]| out.copy_from_slice(&draws.next().unwrap());
        assert_eq!(OtpCode::generate(6, &mut fill).expose(), "000042");
    }

    #[test]
    fn codes_are_spread_evenly_over_the_digits() {
        let mut fill = test_fill(7);
        let mut counts = [0u32; 10];
        for _ in 0..20_000 {
            let code = OtpCode::generate(6, &mut fill);
            for b in code.expose().bytes() {
                counts[usize::from(b - b'0')] += 1;
            }
        }
        // 120 000 digits: each should be near 12 000; 5 sigma is about ±520.
        for (digit, count) in counts.iter().enumerate() {
            assert!((11_400..12_600).contains(count), "digit {digit}: {count}");
        }
    }

    #[test]
    fn typed_codes_may_contain_spaces_and_dashes() {
        assert_eq!(OtpCode::parse(" 123 456 ", 6).unwrap().expose(), "123456");
        assert_eq!(OtpCode::parse("123-456", 6).unwrap().expose(), "123456");
    }

    #[test]
    fn typed_codes_of_the_wrong_shape_are_refused() {
        for bad in ["", "12345", "1234567", "12a456", "１２３４５６"] {
            assert_eq!(
                OtpCode::parse(bad, 6),
                Err(InvalidCodeFormat { digits: 6 }),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn the_right_code_is_accepted_once() {
        let (mut challenge, code) = issue();
        assert_eq!(challenge.verify(KEY, FLOW, &code, T0 + 1), Ok(()));
        assert_eq!(
            challenge.verify(KEY, FLOW, &code, T0 + 2),
            Err(CodeError::Used)
        );
    }

    #[test]
    fn a_wrong_code_counts_a_try() {
        let (mut challenge, code) = issue();
        let result = challenge.verify(KEY, FLOW, &wrong(&code), T0 + 1);
        assert_eq!(result, Err(CodeError::Mismatch { tries_left: 4 }));
    }

    #[test]
    fn the_sixth_try_is_refused_even_with_the_right_code() {
        let (mut challenge, code) = issue();
        for _ in 0..5 {
            assert!(matches!(
                challenge.verify(KEY, FLOW, &wrong(&code), T0 + 1),
                Err(CodeError::Mismatch { .. })
            ));
        }
        assert_eq!(
            challenge.verify(KEY, FLOW, &code, T0 + 1),
            Err(CodeError::AttemptsExhausted)
        );
    }

    #[test]
    fn an_expired_code_is_refused() {
        let (mut challenge, code) = issue();
        let later = T0 + CodePolicy::default().lifetime_ms;
        assert_eq!(
            challenge.verify(KEY, FLOW, &code, later),
            Err(CodeError::Expired)
        );
    }

    #[test]
    fn a_code_is_bound_to_its_flow() {
        let (mut challenge, code) = issue();
        assert!(matches!(
            challenge.verify(KEY, b"flow-b", &code, T0 + 1),
            Err(CodeError::Mismatch { .. })
        ));
    }

    #[test]
    fn a_code_checked_with_another_key_does_not_match() {
        let (mut challenge, code) = issue();
        assert!(matches!(
            challenge.verify(b"another key", FLOW, &code, T0 + 1),
            Err(CodeError::Mismatch { .. })
        ));
    }

    #[test]
    fn the_stored_challenge_does_not_contain_the_code() {
        let (challenge, code) = issue();
        let stored = serde_json::to_string(&challenge).unwrap();
        assert!(!stored.contains(code.expose()));
        assert!(!format!("{code:?}").contains(code.expose()));
    }

    #[test]
    fn an_unmatchable_challenge_behaves_like_a_real_one_that_never_matches() {
        let mut decoy = CodeChallenge::unmatchable(CodePolicy::default(), T0, &mut test_fill(3));
        let code = OtpCode::parse("123456", 6).unwrap();
        for tries_left in (0..5).rev() {
            assert_eq!(
                decoy.verify(KEY, FLOW, &code, T0 + 1),
                Err(CodeError::Mismatch { tries_left })
            );
        }
        assert_eq!(
            decoy.verify(KEY, FLOW, &code, T0 + 1),
            Err(CodeError::AttemptsExhausted)
        );
    }

    proptest! {
        #[test]
        fn no_code_is_ever_accepted_twice(seed in any::<u64>(), guesses in proptest::collection::vec(0u32..1_000_000, 0..12)) {
            let (mut challenge, code) =
                CodeChallenge::issue(KEY, FLOW, CodePolicy::default(), T0, &mut test_fill(seed));
            let mut accepted = 0;
            let mut attempts = guesses.iter().map(|g| OtpCode(format!("{g:06}"))).collect::<Vec<_>>();
            attempts.push(code.clone());
            attempts.push(code);
            for attempt in &attempts {
                if challenge.verify(KEY, FLOW, attempt, T0 + 1).is_ok() {
                    accepted += 1;
                }
            }
            prop_assert!(accepted <= 1);
            prop_assert!(challenge.failed_tries <= challenge.max_tries);
        }
    }
}
