//! Sign-in tickets: how a host whose login is not OpenID Connect tells the edge who is signed
//! in. The host's backend mints a short-lived ticket with a secret it shares with the edge;
//! the widget passes it as `Authorization: Bearer <ticket>` on registration routes.
//!
//! The format is `sspr1.<payload>.<signature>`: `payload` is the unpadded base64url of the
//! JSON object `{"sub": "<username>", "iat": <unix seconds>, "exp": <unix seconds>}` and
//! `signature` the unpadded base64url of HMAC-SHA256 over `sspr1.<payload>` with the shared
//! secret. Lifetime (`exp - iat`) is at most 15 minutes; clocks may differ by a minute.
//!
//! ```
//! use sspr_core::ticket::{Ticket, TicketError};
//!
//! let key = b"a secret shared with the host's backend";
//! let now_ms = 1_700_000_000_000;
//! let ticket = Ticket::mint(key, "alice", now_ms / 1000, 300);
//! let signed_in = Ticket::verify(key, &ticket, now_ms).unwrap();
//! assert_eq!(signed_in.sub, "alice");
//!
//! // Ten minutes later it has expired; another key never verifies it.
//! assert_eq!(Ticket::verify(key, &ticket, now_ms + 600_000), Err(TicketError::Expired));
//! assert_eq!(Ticket::verify(b"another key", &ticket, now_ms), Err(TicketError::BadSignature));
//! ```

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::UnixMillis;

/// The prefix that names the format and its version.
pub const PREFIX: &str = "sspr1";
/// Longest lifetime a ticket may claim, in seconds.
pub const MAX_LIFETIME_SECS: u64 = 15 * 60;
/// How far the host's clock may differ from the edge's, in seconds.
pub const CLOCK_SKEW_SECS: u64 = 60;
/// Longest ticket accepted, in bytes.
pub const MAX_TICKET_BYTES: usize = 1024;

/// The claims of a valid ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ticket {
    /// The signed-in user's username, as the identity backend knows it.
    pub sub: String,
    /// Issued at, in Unix seconds.
    pub iat: u64,
    /// Expires at, in Unix seconds.
    pub exp: u64,
}

/// Why a ticket was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TicketError {
    /// Not `sspr1.<payload>.<signature>` in base64url, too long, or its payload is not the
    /// expected JSON object.
    #[error("the ticket is not in the sspr1 format")]
    Malformed,
    /// The signature does not match: another key, or the payload was changed.
    #[error("the ticket's signature does not match")]
    BadSignature,
    /// `exp` is in the past.
    #[error("the ticket has expired")]
    Expired,
    /// `iat` is in the future, or `exp - iat` exceeds 15 minutes.
    #[error("the ticket's times are not acceptable")]
    BadTimes,
    /// `sub` is empty.
    #[error("the ticket names no user")]
    NoSubject,
}

fn sign(key: &[u8], signed_part: &str) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(signed_part.as_bytes());
    mac
}

impl Ticket {
    /// Mints a ticket for `sub`, issued at `iat` (Unix seconds), valid for `lifetime_secs`.
    /// Hosts do this in their backend; it is here for tests, tools and Rust hosts.
    pub fn mint(key: &[u8], sub: &str, iat: u64, lifetime_secs: u64) -> String {
        let claims = Ticket {
            sub: sub.to_owned(),
            iat,
            exp: iat + lifetime_secs,
        };
        let payload =
            URL_SAFE_NO_PAD.encode(serde_json::to_vec(&claims).expect("claims serialize to JSON"));
        let signed_part = format!("{PREFIX}.{payload}");
        let signature = URL_SAFE_NO_PAD.encode(sign(key, &signed_part).finalize().into_bytes());
        format!("{signed_part}.{signature}")
    }

    /// Checks `ticket`'s signature (in constant time), then its times against `now`.
    ///
    /// # Errors
    ///
    /// Why the ticket is refused; the signature is checked before anything in the payload is
    /// trusted.
    pub fn verify(key: &[u8], ticket: &str, now: UnixMillis) -> Result<Ticket, TicketError> {
        if ticket.len() > MAX_TICKET_BYTES {
            return Err(TicketError::Malformed);
        }
        let mut parts = ticket.split('.');
        let (Some(PREFIX), Some(payload), Some(signature), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(TicketError::Malformed);
        };
        let signature = URL_SAFE_NO_PAD
            .decode(signature)
            .map_err(|_| TicketError::Malformed)?;
        sign(key, &format!("{PREFIX}.{payload}"))
            .verify_slice(&signature)
            .map_err(|_| TicketError::BadSignature)?;
        let json = URL_SAFE_NO_PAD
            .decode(payload)
            .map_err(|_| TicketError::Malformed)?;
        let claims: Ticket = serde_json::from_slice(&json).map_err(|_| TicketError::Malformed)?;
        let now_secs = now / 1000;
        if claims.iat > now_secs + CLOCK_SKEW_SECS
            || claims.exp < claims.iat
            || claims.exp - claims.iat > MAX_LIFETIME_SECS
        {
            return Err(TicketError::BadTimes);
        }
        if claims.exp + CLOCK_SKEW_SECS <= now_secs {
            return Err(TicketError::Expired);
        }
        if claims.sub.trim().is_empty() {
            return Err(TicketError::NoSubject);
        }
        Ok(claims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"ticket-test-key";
    const NOW: UnixMillis = 1_700_000_000_000;
    const NOW_S: u64 = NOW / 1000;

    #[test]
    fn a_fresh_ticket_names_its_user() {
        let ticket = Ticket::mint(KEY, "bob@example.com", NOW_S, 600);
        assert!(ticket.starts_with("sspr1."));
        let claims = Ticket::verify(KEY, &ticket, NOW).unwrap();
        assert_eq!(claims.sub, "bob@example.com");
        assert_eq!(claims.exp, NOW_S + 600);
    }

    #[test]
    fn a_changed_payload_breaks_the_signature() {
        let ticket = Ticket::mint(KEY, "bob", NOW_S, 600);
        let forged_payload = URL_SAFE_NO_PAD.encode(format!(
            r#"{{"sub":"admin","iat":{NOW_S},"exp":{}}}"#,
            NOW_S + 600
        ));
        let parts: Vec<&str> = ticket.split('.').collect();
        let forged = format!("sspr1.{forged_payload}.{}", parts[2]);
        assert_eq!(
            Ticket::verify(KEY, &forged, NOW),
            Err(TicketError::BadSignature)
        );
    }

    #[test]
    fn tickets_expire_after_their_lifetime_and_the_skew() {
        let ticket = Ticket::mint(KEY, "bob", NOW_S, 300);
        let just_before = NOW + (300 + CLOCK_SKEW_SECS - 1) * 1000;
        assert!(Ticket::verify(KEY, &ticket, just_before).is_ok());
        let after = NOW + (300 + CLOCK_SKEW_SECS) * 1000;
        assert_eq!(
            Ticket::verify(KEY, &ticket, after),
            Err(TicketError::Expired)
        );
    }

    #[test]
    fn tickets_longer_than_fifteen_minutes_or_from_the_future_are_refused() {
        let long = Ticket::mint(KEY, "bob", NOW_S, MAX_LIFETIME_SECS + 1);
        assert_eq!(Ticket::verify(KEY, &long, NOW), Err(TicketError::BadTimes));
        let future = Ticket::mint(KEY, "bob", NOW_S + CLOCK_SKEW_SECS + 1, 60);
        assert_eq!(
            Ticket::verify(KEY, &future, NOW),
            Err(TicketError::BadTimes)
        );
    }

    #[test]
    fn malformed_tickets_are_named_as_such() {
        for bad in [
            "",
            "sspr1",
            "sspr1.a",
            "sspr2.a.b",
            "sspr1.a.b.c",
            "sspr1.a.!!",
        ] {
            assert_eq!(
                Ticket::verify(KEY, bad, NOW),
                Err(TicketError::Malformed),
                "{bad}"
            );
        }
        let huge = format!("sspr1.{}.x", "a".repeat(MAX_TICKET_BYTES));
        assert_eq!(Ticket::verify(KEY, &huge, NOW), Err(TicketError::Malformed));
    }

    #[test]
    fn a_ticket_without_a_user_is_refused() {
        let ticket = Ticket::mint(KEY, "  ", NOW_S, 60);
        assert_eq!(
            Ticket::verify(KEY, &ticket, NOW),
            Err(TicketError::NoSubject)
        );
    }
}
