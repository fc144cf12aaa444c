//! Authenticator apps (RFC 6238 TOTP: SHA-1, 6 digits, 30 s steps, ±1 step). Secrets are
//! 160 bits; the last accepted step is stored and no step is accepted twice. A credential
//! counts only once a first valid code confirmed it. The secret is stored by the edge
//! encrypted (AES-256-GCM); never log it or its URI.
//!
//! RFC 4226's HOTP over the `hmac` and `sha1` crates that core already uses for its other
//! MACs and for Pwned Passwords, rather than through `totp-rs`, which brings a second
//! generation of the RustCrypto hashes (SHA-1, SHA-256 and SHA-512) into the edge's bundle
//! for the one algorithm we use. Checked against RFC 6238's test vectors, and the
//! `otpauth://` URI against the Key Uri Format that authenticator apps read.

use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha1::Sha1;
use subtle::ConstantTimeEq;

use crate::UnixMillis;

/// Bytes in a secret (160 bits, RFC 4226's recommendation).
pub const SECRET_BYTES: usize = 20;
/// Digits in a code.
pub const DIGITS: u8 = 6;
/// Seconds per time step; a code is accepted for its step and one step either side.
pub const STEP_SECONDS: u64 = 30;

/// Why a code was not accepted, or a credential could not be described.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TotpError {
    /// Not [`DIGITS`] digits (white space aside).
    #[error("an authenticator code is {DIGITS} digits")]
    InvalidFormat,
    /// Not the code of the current step or of one step either side.
    #[error("the authenticator code does not match")]
    Mismatch,
    /// The code's step is not later than the last one accepted.
    #[error("this authenticator code was already used; wait for the next one")]
    Replayed,
    /// The issuer or account name for the `otpauth://` URI contains `:` or is refused.
    #[error("the issuer and the account name cannot contain ':'")]
    InvalidLabel,
}

/// A user's authenticator.
///
/// ```
/// use sspr_core::methods::totp::{TotpCredential, TotpError};
///
/// let mut credential = TotpCredential::enrol(&mut |buf: &mut [u8]| buf.fill(42));
/// let uri = credential.otpauth_uri("Contoso", "alice@contoso.com").unwrap();
/// assert!(uri.starts_with("otpauth://totp/Contoso:alice"));
/// let now = 1_700_000_000_000;
/// let code = credential.code_at(now); // what the phone shows
/// assert!(credential.verify(&code, now).is_ok());
/// assert_eq!(credential.verify(&code, now), Err(TotpError::Replayed));
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TotpCredential {
    secret: Vec<u8>,
    last_step: Option<u64>,
    confirmed: bool,
}

impl std::fmt::Debug for TotpCredential {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TotpCredential")
            .field("last_step", &self.last_step)
            .field("confirmed", &self.confirmed)
            .finish_non_exhaustive()
    }
}

impl TotpCredential {
    /// The last time step a code was accepted for (codes of it and earlier steps are refused).
    pub fn last_step(&self) -> Option<u64> {
        self.last_step
    }

    /// Whether a first valid code confirmed the enrolment.
    pub fn confirmed(&self) -> bool {
        self.confirmed
    }

    /// A new, unconfirmed credential with a secret from `fill`.
    pub fn enrol(fill: &mut dyn FnMut(&mut [u8])) -> Self {
        let mut secret = vec![0u8; SECRET_BYTES];
        fill(&mut secret);
        TotpCredential {
            secret,
            last_step: None,
            confirmed: false,
        }
    }

    /// RFC 4226 §5.3: HMAC-SHA-1 of the counter, dynamically truncated to [`DIGITS`] digits.
    fn hotp(&self, counter: u64) -> u32 {
        let mut mac = Hmac::<Sha1>::new_from_slice(&self.secret).expect("HMAC takes any key");
        mac.update(&counter.to_be_bytes());
        let hash = mac.finalize().into_bytes();
        let offset = usize::from(hash[hash.len() - 1] & 0x0f);
        let binary = u32::from_be_bytes([
            hash[offset] & 0x7f,
            hash[offset + 1],
            hash[offset + 2],
            hash[offset + 3],
        ]);
        binary % 10u32.pow(u32::from(DIGITS))
    }

    /// The `otpauth://totp/Issuer:account?secret=…&issuer=Issuer` URI (Key Uri Format) for
    /// the QR code and the same-device link. SHA-1, 6 digits and 30 s are the format's
    /// defaults, so they are left out.
    ///
    /// # Errors
    ///
    /// [`TotpError::InvalidLabel`] when the issuer or the account name contains `:` (the
    /// label's separator) or the account name is empty.
    pub fn otpauth_uri(&self, issuer: &str, account: &str) -> Result<String, TotpError> {
        if issuer.contains(':') || account.contains(':') || account.is_empty() {
            return Err(TotpError::InvalidLabel);
        }
        let issuer = percent_encode(issuer);
        Ok(format!(
            "otpauth://totp/{issuer}:{}?secret={}&issuer={issuer}",
            percent_encode(account),
            base32(&self.secret)
        ))
    }

    /// The secret in base32, grouped by four for typing: `JBSW Y3DP …`.
    pub fn secret_text(&self) -> String {
        let chars: Vec<char> = base32(&self.secret).chars().collect();
        chars
            .chunks(4)
            .map(|c| c.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Checks a code typed at `now`: it must match the current step or one step either side,
    /// and be for a later step than the last one accepted. Success confirms an enrolment and
    /// returns the step accepted (seconds since the Unix epoch divided by [`STEP_SECONDS`]).
    ///
    /// # Errors
    ///
    /// [`TotpError::InvalidFormat`], [`TotpError::Mismatch`] or [`TotpError::Replayed`].
    ///
    /// With the secret of RFC 6238's test vectors, whose code at 59 s is (9)4287082:
    ///
    /// ```
    /// use sspr_core::methods::totp::{TotpCredential, TotpError};
    ///
    /// let mut credential =
    ///     TotpCredential::enrol(&mut |buf: &mut [u8]| buf.copy_from_slice(b"12345678901234567890"));
    /// assert!(!credential.confirmed());
    /// assert_eq!(credential.verify("287 082", 59_000), Ok(1)); // step 1: 30 s to 59 s
    /// assert!(credential.confirmed());
    /// // Still inside the ±1 step window 30 s later, but step 1 was used.
    /// assert_eq!(credential.verify("287082", 89_000), Err(TotpError::Replayed));
    /// assert_eq!(credential.verify("287082", 150_000), Err(TotpError::Mismatch));
    /// assert_eq!(credential.verify("28708", 59_000), Err(TotpError::InvalidFormat));
    /// ```
    pub fn verify(&mut self, input: &str, now: UnixMillis) -> Result<u64, TotpError> {
        let code: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if code.len() != usize::from(DIGITS) || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(TotpError::InvalidFormat);
        }
        let code: u32 = code.parse().map_err(|_| TotpError::InvalidFormat)?;
        let current = now / 1000 / STEP_SECONDS;
        let step = (current.saturating_sub(1)..=current + 1)
            .find(|step| bool::from(self.hotp(*step).ct_eq(&code)))
            .ok_or(TotpError::Mismatch)?;
        if self.last_step.is_some_and(|last| step <= last) {
            return Err(TotpError::Replayed);
        }
        self.last_step = Some(step);
        self.confirmed = true;
        Ok(step)
    }

    /// The code for `now`, for tests and for the demo's simulated phone.
    pub fn code_at(&self, now: UnixMillis) -> String {
        format!(
            "{:0width$}",
            self.hotp(now / 1000 / STEP_SECONDS),
            width = usize::from(DIGITS)
        )
    }
}

/// RFC 4648 base32 without padding (20 bytes make 32 characters, which need none).
fn base32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut out = String::with_capacity(bytes.len().div_ceil(5) * 8);
    let (mut buffer, mut bits) = (0u16, 0u8);
    for byte in bytes {
        buffer = (buffer << 8) | u16::from(*byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(ALPHABET[usize::from((buffer >> bits) & 31)]));
        }
    }
    if bits > 0 {
        out.push(char::from(
            ALPHABET[usize::from((buffer << (5 - bits)) & 31)],
        ));
    }
    out
}

/// Percent-encodes a label of the `otpauth:` URI: everything but RFC 3986's unreserved
/// characters, as authenticator apps expect.
fn percent_encode(text: &str) -> String {
    use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
    const LABEL: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~');
    utf8_percent_encode(text, LABEL).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::methods::code::test_fill;

    const T: UnixMillis = 1_700_000_000_000;

    /// RFC 6238 Appendix B: SHA-1 secret "12345678901234567890", 8 digits. We use 6 digits,
    /// the last 6 of each published value.
    fn rfc_credential() -> TotpCredential {
        TotpCredential {
            secret: b"12345678901234567890".to_vec(),
            last_step: None,
            confirmed: false,
        }
    }

    #[test]
    fn codes_match_rfc_6238_test_vectors() {
        let credential = rfc_credential();
        for (seconds, expected) in [
            (59u64, "287082"),
            (1_111_111_109, "081804"),
            (2_000_000_000, "279037"),
        ] {
            assert_eq!(
                credential.code_at(seconds * 1000),
                expected,
                "T = {seconds}"
            );
        }
    }

    #[test]
    fn a_secret_has_160_bits() {
        let credential = TotpCredential::enrol(&mut test_fill(1));
        assert_eq!(credential.secret.len() * 8, 160);
    }

    #[test]
    fn a_current_code_confirms_the_enrolment() {
        let mut credential = TotpCredential::enrol(&mut test_fill(1));
        assert!(!credential.confirmed);
        let code = credential.code_at(T);
        assert!(credential.verify(&code, T).is_ok());
        assert!(credential.confirmed);
    }

    #[test]
    fn a_code_from_one_step_away_is_accepted_and_two_steps_is_not() {
        let credential = TotpCredential::enrol(&mut test_fill(2));
        let previous = credential.code_at(T - 30_000);
        let two_back = credential.code_at(T - 60_000);
        assert!(credential.clone().verify(&previous, T).is_ok());
        assert_eq!(
            credential.clone().verify(&two_back, T),
            Err(TotpError::Mismatch)
        );
    }

    #[test]
    fn a_code_cannot_be_replayed() {
        let mut credential = TotpCredential::enrol(&mut test_fill(3));
        let code = credential.code_at(T);
        credential.verify(&code, T).unwrap();
        assert_eq!(credential.verify(&code, T + 1000), Err(TotpError::Replayed));
    }

    #[test]
    fn an_older_step_after_a_newer_one_is_a_replay() {
        let mut credential = TotpCredential::enrol(&mut test_fill(4));
        credential.verify(&credential.code_at(T), T).unwrap();
        let older = credential.code_at(T - 30_000);
        assert_eq!(credential.verify(&older, T), Err(TotpError::Replayed));
    }

    #[test]
    fn a_malformed_code_is_refused() {
        let mut credential = TotpCredential::enrol(&mut test_fill(5));
        assert_eq!(credential.verify("12345", T), Err(TotpError::InvalidFormat));
        assert_eq!(
            credential.verify("abcdef", T),
            Err(TotpError::InvalidFormat)
        );
    }

    #[test]
    fn the_otpauth_uri_names_issuer_account_and_parameters() {
        let credential = rfc_credential();
        let uri = credential
            .otpauth_uri("Contoso", "alice@contoso.com")
            .unwrap();
        assert!(uri.starts_with("otpauth://totp/Contoso:alice"), "{uri}");
        assert!(
            uri.contains("secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"),
            "{uri}"
        );
        assert!(uri.contains("issuer=Contoso"), "{uri}");
        assert_eq!(
            credential.otpauth_uri("Con:toso", "a"),
            Err(TotpError::InvalidLabel)
        );
    }

    /// The URI `totp-rs` 6 wrote for the same credential and names (the Key Uri Format,
    /// with the label's and issuer's reserved characters percent-encoded as UTF-8).
    #[test]
    fn the_otpauth_uri_percent_encodes_names_as_authenticator_apps_expect() {
        assert_eq!(
            rfc_credential()
                .otpauth_uri("Zoë & Co", "a b/c+d@e.f")
                .unwrap(),
            "otpauth://totp/Zo%C3%AB%20%26%20Co:a%20b%2Fc%2Bd%40e.f\
             ?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Zo%C3%AB%20%26%20Co"
        );
        assert_eq!(
            rfc_credential().otpauth_uri("Contoso", ""),
            Err(TotpError::InvalidLabel)
        );
    }

    #[test]
    fn codes_of_every_step_in_the_window_are_found_and_leading_zeros_kept() {
        let credential = rfc_credential();
        // RFC 6238 Appendix B at T = 1111111109 is 07081804: its last six digits start with 0.
        assert_eq!(credential.code_at(1_111_111_109_000), "081804");
        let mut fresh = rfc_credential();
        assert_eq!(
            fresh.verify("081804", 1_111_111_109_000 + 30_000),
            Ok(1_111_111_109 / 30)
        );
    }

    #[test]
    fn the_secret_text_is_grouped_by_four() {
        assert_eq!(
            rfc_credential().secret_text(),
            "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ"
        );
    }

    #[test]
    fn debug_output_hides_the_secret() {
        assert!(!format!("{:?}", rfc_credential()).contains("12345678901234567890"));
    }
}
