//! The approver: a phone's browser the user paired for app notifications (number matching,
//! see [`super::approval`]). This module owns the rules of pairing and of the approver's
//! signed requests; the edge stores what it returns and checks signatures with its own
//! ES256 verifier.
//!
//! - **Pairing.** The registration screen asks for a pairing code: 128 random bits followed by
//!   the address of the user's state (a [`FlowToken`], so the edge routes the phone's request
//!   to the right Durable Object), shown as a QR code, valid [`PAIRING_LIFETIME_MS`], single
//!   use, kept only as its SHA-256. The phone sends it back with a name for itself
//!   ([`DeviceName`], at most [`MAX_DEVICE_NAME_CHARS`]) and the public half of a P-256 key
//!   it generated ([`ApproverKey`], a JWK's `x` and `y`). One approver per user: pairing
//!   another replaces it.
//! - **Signed requests.** Every later request of the phone is a compact JWS (ES256) by that
//!   key over a small JSON payload naming the device, the action, the time it was signed
//!   and a nonce. The edge refuses a payload signed more than [`SIGNED_REQUEST_SKEW_MS`] away
//!   from its clock, and a nonce it saw in that window ([`ReplayGuard`]).
//! - **Waking the phone.** A phone may give a Web Push subscription's endpoint
//!   ([`PushEndpoint`], RFC 8030), from one of the push services the edge allows; the edge
//!   then pushes an empty message to it whenever an approval is asked, so the user's browser
//!   shows a notification even with the approver page closed.
//! - **Number matching.** The phone is shown three numbers and the user taps the one on the
//!   reset screen (Entra's original number matching, chosen over typing the number: one tap
//!   on a phone, and a guesser still has one chance in three, which is counted as a failed
//!   proof like a wrong code).

use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;

use crate::UnixMillis;
use crate::api::{ApiError, ErrorCode};
use crate::token::FlowToken;

/// How long a pairing code may be used.
pub const PAIRING_LIFETIME_MS: u64 = 10 * 60 * 1000;
/// Longest name a user may give their approver, in characters.
pub const MAX_DEVICE_NAME_CHARS: usize = 64;
/// How far a signed request's time may be from the edge's clock, either way.
pub const SIGNED_REQUEST_SKEW_MS: u64 = 5 * 60 * 1000;
/// Shortest and longest nonce of a signed request, in characters.
pub const NONCE_CHARS: std::ops::RangeInclusive<usize> = 16..=64;
/// Most nonces remembered at once: more signed requests within the window are refused
/// until older ones age out (a phone sends a handful a minute).
pub const MAX_REMEMBERED_NONCES: usize = 256;
/// Longest push endpoint taken, in bytes (the big push services' are 150 to 400).
pub const MAX_PUSH_ENDPOINT_BYTES: usize = 1024;
/// The push services a phone's subscription may point at when the edge's settings name
/// none: Google's (Chrome, Edge on Android, Samsung Internet), Mozilla's (Firefox), Apple's
/// (Safari) and Microsoft's (Edge on Windows). A `*.` names every subdomain.
pub const DEFAULT_PUSH_SERVICES: [&str; 4] = [
    "https://fcm.googleapis.com",
    "https://updates.push.services.mozilla.com",
    "https://web.push.apple.com",
    "https://*.notify.windows.com",
];

/// Why an approver's request was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ApproverError {
    /// The device name is empty, over [`MAX_DEVICE_NAME_CHARS`] or has control characters.
    #[error("the device name must be 1 to 64 characters, without control characters")]
    NameInvalid,
    /// The public key is not a P-256 key given as a JWK's base64url `x` and `y`.
    #[error("the public key is not a P-256 key (JWK with kty EC, crv P-256, x and y)")]
    KeyInvalid,
    /// The pairing code is unknown, used, or older than [`PAIRING_LIFETIME_MS`].
    #[error("this pairing code is not valid; ask for a new one on the registration screen")]
    PairingInvalid,
    /// The request was signed too long ago, or in the future.
    #[error("the signed request's time is more than 5 minutes from the server's clock")]
    Stale,
    /// The request's nonce was already used (or is malformed), or too many were sent lately.
    #[error("this signed request was already received")]
    Replayed,
    /// The push endpoint is not an address of one of the push services the edge allows.
    #[error("the push endpoint is not an https address of a push service this server allows")]
    PushEndpointInvalid,
}

impl From<ApproverError> for ApiError {
    fn from(err: ApproverError) -> Self {
        let code = match err {
            ApproverError::NameInvalid => ErrorCode::DeviceNameInvalid,
            ApproverError::KeyInvalid => ErrorCode::PublicKeyInvalid,
            ApproverError::PairingInvalid => ErrorCode::PairingInvalid,
            ApproverError::Stale => ErrorCode::RequestStale,
            ApproverError::Replayed => ErrorCode::RequestReplayed,
            ApproverError::PushEndpointInvalid => ErrorCode::BadRequest,
        };
        ApiError::new(code, err.to_string())
    }
}

/// A name the user gave their approver ("Alice's Pixel"), trimmed.
///
/// ```
/// use sspr_core::methods::approver::{ApproverError, DeviceName};
///
/// assert_eq!(DeviceName::parse("  Alice's Pixel ").unwrap().as_str(), "Alice's Pixel");
/// assert_eq!(DeviceName::parse(""), Err(ApproverError::NameInvalid));
/// assert_eq!(DeviceName::parse(&"x".repeat(65)), Err(ApproverError::NameInvalid));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DeviceName(String);

impl DeviceName {
    /// Reads a name as typed.
    ///
    /// # Errors
    ///
    /// [`ApproverError::NameInvalid`] when it is empty once trimmed, longer than
    /// [`MAX_DEVICE_NAME_CHARS`], or holds control characters.
    pub fn parse(input: &str) -> Result<DeviceName, ApproverError> {
        let name = input.trim();
        let chars = name.chars().count();
        if chars == 0 || chars > MAX_DEVICE_NAME_CHARS || name.chars().any(char::is_control) {
            return Err(ApproverError::NameInvalid);
        }
        Ok(DeviceName(name.to_owned()))
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The approver's public key: a P-256 point as a JWK's `x` and `y` (unpadded base64url of
/// 32 bytes each). Only the shape is checked here; the edge checks that the point is on the
/// curve when it parses the key.
///
/// ```
/// use sspr_core::methods::approver::ApproverKey;
///
/// let x = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU";
/// let y = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0";
/// let key = ApproverKey::from_jwk("EC", "P-256", x, y).unwrap();
/// assert_eq!(key.jwk()["crv"], "P-256");
/// assert!(ApproverKey::from_jwk("EC", "P-384", x, y).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApproverKey {
    /// The point's x coordinate, base64url.
    pub x: String,
    /// The point's y coordinate, base64url.
    pub y: String,
}

impl ApproverKey {
    /// Reads a public JWK's members.
    ///
    /// # Errors
    ///
    /// [`ApproverError::KeyInvalid`] unless `kty` is `EC`, `crv` is `P-256` and `x` and `y`
    /// are unpadded base64url of 32 bytes.
    pub fn from_jwk(kty: &str, crv: &str, x: &str, y: &str) -> Result<ApproverKey, ApproverError> {
        use base64::Engine as _;
        use base64::engine::general_purpose::URL_SAFE_NO_PAD;
        let coordinate = |c: &str| URL_SAFE_NO_PAD.decode(c).is_ok_and(|b| b.len() == 32);
        if kty != "EC" || crv != "P-256" || !coordinate(x) || !coordinate(y) {
            return Err(ApproverError::KeyInvalid);
        }
        Ok(ApproverKey {
            x: x.to_owned(),
            y: y.to_owned(),
        })
    }

    /// The key as a public JWK, for a verifier.
    pub fn jwk(&self) -> serde_json::Value {
        serde_json::json!({
            "kty": "EC",
            "crv": "P-256",
            "alg": "ES256",
            "use": "sig",
            "x": self.x,
            "y": self.y,
        })
    }
}

/// A paired approver.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApproverDevice {
    /// The device's id, handed to the phone at pairing; it names the device in signed
    /// requests. Not a secret: the signature is what proves the phone.
    pub id: String,
    /// The name the user gave it.
    pub name: DeviceName,
    /// The key its requests are signed with.
    pub key: ApproverKey,
    /// When it was paired.
    pub created_at: UnixMillis,
    /// When it last made a signed request that was accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_used_at: Option<UnixMillis>,
    /// Where a push wakes it when an approval is asked, if it asked for that.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub push: Option<PushEndpoint>,
}

/// A Web Push subscription's endpoint (RFC 8030): the push service's URL for one browser.
/// It is a capability (whoever knows it can wake the phone), so it is kept with the sealed
/// registrations and never logged.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PushEndpoint(String);

impl std::fmt::Debug for PushEndpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PushEndpoint({}/…)", self.origin())
    }
}

impl PushEndpoint {
    /// Reads an endpoint whose origin is one of `services` (origins such as
    /// `https://fcm.googleapis.com`; `https://*.notify.windows.com` takes any subdomain).
    ///
    /// # Errors
    ///
    /// [`ApproverError::PushEndpointInvalid`] when it is longer than
    /// [`MAX_PUSH_ENDPOINT_BYTES`], holds spaces or control characters, has no path, or its
    /// origin is not one of `services`.
    ///
    /// ```
    /// use sspr_core::methods::approver::{DEFAULT_PUSH_SERVICES, PushEndpoint};
    ///
    /// let services = DEFAULT_PUSH_SERVICES.map(String::from);
    /// let fcm = PushEndpoint::parse("https://fcm.googleapis.com/fcm/send/dGVzdA:APA91b", &services).unwrap();
    /// assert_eq!(fcm.origin(), "https://fcm.googleapis.com");
    /// assert!(PushEndpoint::parse("https://wns2-par02p.notify.windows.com/w/?token=x", &services).is_ok());
    /// assert!(PushEndpoint::parse("https://attacker.example/fcm/send/x", &services).is_err());
    /// assert!(PushEndpoint::parse("http://fcm.googleapis.com/fcm/send/x", &services).is_err());
    /// ```
    pub fn parse(input: &str, services: &[String]) -> Result<PushEndpoint, ApproverError> {
        let url = input.trim();
        if url.len() > MAX_PUSH_ENDPOINT_BYTES
            || url.chars().any(|c| c.is_control() || c.is_whitespace())
        {
            return Err(ApproverError::PushEndpointInvalid);
        }
        let origin = origin_of(url).ok_or(ApproverError::PushEndpointInvalid)?;
        if url.len() <= origin.len() + 1 || !services.iter().any(|s| origin_matches(s, origin)) {
            return Err(ApproverError::PushEndpointInvalid);
        }
        Ok(PushEndpoint(url.to_owned()))
    }

    /// The endpoint, to POST to.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Its origin (`scheme://host[:port]`): the audience of the VAPID token (RFC 8292).
    pub fn origin(&self) -> &str {
        origin_of(&self.0).unwrap_or_default()
    }
}

/// `scheme://authority` of an absolute URL followed by a path, or `None`.
fn origin_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let end = url.len() - rest.len() + authority.len();
    (!authority.is_empty() && !authority.contains('@') && url[end..].starts_with('/'))
        .then(|| &url[..end])
}

/// Whether `origin` is the allowed `service`, or one of its subdomains when the service is
/// written `https://*.domain`.
fn origin_matches(service: &str, origin: &str) -> bool {
    let (service, origin) = (service.to_ascii_lowercase(), origin.to_ascii_lowercase());
    match service.split_once("://*.") {
        Some((scheme, domain)) => origin
            .strip_prefix(&format!("{scheme}://"))
            .and_then(|host| host.strip_suffix(domain))
            .is_some_and(|sub| {
                sub.ends_with('.') && sub.len() > 1 && !sub[..sub.len() - 1].contains([':', '/'])
            }),
        None => service == origin,
    }
}

/// A pairing code waiting for the phone, kept as the SHA-256 of its secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairingChallenge {
    secret_hash: String,
    /// [`PAIRING_LIFETIME_MS`] after it was issued.
    pub expires_at: UnixMillis,
}

impl PairingChallenge {
    /// A new pairing code for the state at `owner`: the challenge to store and the code to
    /// show (once) as a QR code.
    ///
    /// ```
    /// use sspr_core::methods::approver::{ApproverError, PairingChallenge, PAIRING_LIFETIME_MS};
    ///
    /// let (challenge, code) = PairingChallenge::issue(vec![7; 32], 0, &mut |b: &mut [u8]| b.fill(9));
    /// assert_eq!(challenge.check(&code.encode(), 1_000), Ok(()));
    /// assert_eq!(challenge.check(&code.encode(), PAIRING_LIFETIME_MS), Err(ApproverError::PairingInvalid));
    /// ```
    pub fn issue(
        owner: Vec<u8>,
        now: UnixMillis,
        fill: &mut dyn FnMut(&mut [u8]),
    ) -> (PairingChallenge, FlowToken) {
        let code = FlowToken::new(owner, fill);
        (
            PairingChallenge {
                secret_hash: code.secret_hash(),
                expires_at: now + PAIRING_LIFETIME_MS,
            },
            code,
        )
    }

    /// Whether `presented` is this challenge's code and still valid at `now`.
    ///
    /// # Errors
    ///
    /// [`ApproverError::PairingInvalid`], whatever the reason (another code, expired).
    pub fn check(&self, presented: &str, now: UnixMillis) -> Result<(), ApproverError> {
        let Ok(code) = FlowToken::parse(presented) else {
            return Err(ApproverError::PairingInvalid);
        };
        let same: bool = code
            .secret_hash()
            .as_bytes()
            .ct_eq(self.secret_hash.as_bytes())
            .into();
        if !same || now >= self.expires_at {
            return Err(ApproverError::PairingInvalid);
        }
        Ok(())
    }
}

/// The nonces of signed requests seen in the last [`SIGNED_REQUEST_SKEW_MS`] (and a little
/// more), so that a captured request cannot be sent again.
///
/// ```
/// use sspr_core::methods::approver::{ApproverError, ReplayGuard};
///
/// let now = 1_700_000_000_000;
/// let mut guard = ReplayGuard::default();
/// assert_eq!(guard.admit("n-0123456789abcdef", now - 1_000, now), Ok(()));
/// assert_eq!(guard.admit("n-0123456789abcdef", now - 1_000, now + 5), Err(ApproverError::Replayed));
/// assert_eq!(guard.admit("n-fedcba9876543210", now - 6 * 60_000, now), Err(ApproverError::Stale));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ReplayGuard {
    /// Each nonce with the time after which it can no longer be replayed (its request is
    /// stale by then).
    seen: Vec<(String, UnixMillis)>,
}

impl ReplayGuard {
    /// Admits a request signed at `signed_at` with `nonce`, at `now`, remembering the nonce.
    ///
    /// # Errors
    ///
    /// [`ApproverError::Stale`] when `signed_at` is more than [`SIGNED_REQUEST_SKEW_MS`] from
    /// `now`; [`ApproverError::Replayed`] when the nonce was seen, is not 16–64 characters of
    /// `[A-Za-z0-9_-]`, or [`MAX_REMEMBERED_NONCES`] are still remembered.
    pub fn admit(
        &mut self,
        nonce: &str,
        signed_at: UnixMillis,
        now: UnixMillis,
    ) -> Result<(), ApproverError> {
        if signed_at.abs_diff(now) > SIGNED_REQUEST_SKEW_MS {
            return Err(ApproverError::Stale);
        }
        let well_formed = NONCE_CHARS.contains(&nonce.len())
            && nonce
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !well_formed {
            return Err(ApproverError::Replayed);
        }
        self.seen.retain(|(_, until)| *until > now);
        if self.seen.iter().any(|(seen, _)| seen == nonce)
            || self.seen.len() >= MAX_REMEMBERED_NONCES
        {
            return Err(ApproverError::Replayed);
        }
        // A request signed at `signed_at` goes stale SKEW after it; until then, remember it.
        self.seen
            .push((nonce.to_owned(), signed_at + SIGNED_REQUEST_SKEW_MS + 1));
        Ok(())
    }

    /// How many nonces are remembered.
    pub fn len(&self) -> usize {
        self.seen.len()
    }

    /// Whether no nonce is remembered.
    pub fn is_empty(&self) -> bool {
        self.seen.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::methods::code::test_fill;

    const T: UnixMillis = 1_700_000_000_000;
    const X: &str = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU";
    const Y: &str = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0";

    #[test]
    fn a_device_name_of_64_characters_is_accepted_and_65_refused() {
        assert!(DeviceName::parse(&"é".repeat(64)).is_ok());
        assert_eq!(
            DeviceName::parse(&"é".repeat(65)),
            Err(ApproverError::NameInvalid)
        );
    }

    #[test]
    fn a_blank_device_name_or_one_with_control_characters_is_refused() {
        for bad in ["", "   ", "Pixel\n7", "tab\there"] {
            assert_eq!(
                DeviceName::parse(bad),
                Err(ApproverError::NameInvalid),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn only_p256_keys_with_32_byte_coordinates_are_accepted() {
        assert!(ApproverKey::from_jwk("EC", "P-256", X, Y).is_ok());
        assert!(ApproverKey::from_jwk("RSA", "P-256", X, Y).is_err());
        assert!(ApproverKey::from_jwk("EC", "P-256", &X[..40], Y).is_err());
        assert!(ApproverKey::from_jwk("EC", "P-256", X, "not base64!").is_err());
    }

    #[test]
    fn a_pairing_code_carries_128_random_bits_and_only_its_hash_is_kept() {
        let (challenge, code) = PairingChallenge::issue(vec![1; 32], T, &mut test_fill(1));
        let stored = serde_json::to_string(&challenge).unwrap();
        assert!(!stored.contains(&code.encode()));
        assert_eq!(code.encode().len(), (16 + 32) * 4 / 3);
        assert_eq!(code.owner(), &[1; 32]);
    }

    #[test]
    fn a_pairing_code_expires_after_ten_minutes() {
        let (challenge, code) = PairingChallenge::issue(vec![1; 32], T, &mut test_fill(2));
        assert_eq!(
            challenge.check(&code.encode(), T + PAIRING_LIFETIME_MS - 1),
            Ok(())
        );
        assert_eq!(
            challenge.check(&code.encode(), T + PAIRING_LIFETIME_MS),
            Err(ApproverError::PairingInvalid)
        );
    }

    #[test]
    fn another_pairing_code_is_refused() {
        let (challenge, _) = PairingChallenge::issue(vec![1; 32], T, &mut test_fill(3));
        let (_, other) = PairingChallenge::issue(vec![1; 32], T, &mut test_fill(4));
        assert_eq!(
            challenge.check(&other.encode(), T + 1),
            Err(ApproverError::PairingInvalid)
        );
        assert_eq!(
            challenge.check("not a code", T + 1),
            Err(ApproverError::PairingInvalid)
        );
    }

    #[test]
    fn a_signed_request_is_accepted_once() {
        let mut guard = ReplayGuard::default();
        assert_eq!(guard.admit("abcdefghijklmnop", T, T), Ok(()));
        assert_eq!(
            guard.admit("abcdefghijklmnop", T, T + 1),
            Err(ApproverError::Replayed)
        );
    }

    #[test]
    fn a_request_signed_more_than_five_minutes_away_is_stale() {
        let mut guard = ReplayGuard::default();
        let skew = SIGNED_REQUEST_SKEW_MS;
        assert_eq!(guard.admit("aaaaaaaaaaaaaaaa", T - skew, T), Ok(()));
        assert_eq!(guard.admit("bbbbbbbbbbbbbbbb", T + skew, T), Ok(()));
        assert_eq!(
            guard.admit("cccccccccccccccc", T - skew - 1, T),
            Err(ApproverError::Stale)
        );
        assert_eq!(
            guard.admit("dddddddddddddddd", T + skew + 1, T),
            Err(ApproverError::Stale)
        );
    }

    #[test]
    fn nonces_are_forgotten_once_their_request_would_be_stale_anyway() {
        let mut guard = ReplayGuard::default();
        guard.admit("aaaaaaaaaaaaaaaa", T, T).unwrap();
        let later = T + SIGNED_REQUEST_SKEW_MS + 2;
        guard.admit("bbbbbbbbbbbbbbbb", later, later).unwrap();
        assert_eq!(guard.len(), 1);
        // The old request itself is stale now, so forgetting its nonce lets nothing through.
        assert_eq!(
            guard.admit("aaaaaaaaaaaaaaaa", T, later),
            Err(ApproverError::Stale)
        );
    }

    #[test]
    fn malformed_nonces_and_floods_are_refused() {
        let mut guard = ReplayGuard::default();
        assert_eq!(guard.admit("short", T, T), Err(ApproverError::Replayed));
        assert_eq!(
            guard.admit("has spaces in it!!", T, T),
            Err(ApproverError::Replayed)
        );
        for i in 0..MAX_REMEMBERED_NONCES {
            guard.admit(&format!("nonce-{i:012}"), T, T).unwrap();
        }
        assert_eq!(
            guard.admit("one-more-nonce-here", T, T),
            Err(ApproverError::Replayed)
        );
    }

    #[test]
    fn a_push_endpoint_must_be_one_of_the_allowed_services() {
        let services = DEFAULT_PUSH_SERVICES.map(String::from);
        for good in [
            "https://fcm.googleapis.com/fcm/send/abc:APA91b",
            "https://updates.push.services.mozilla.com/wpush/v2/gAAAAA",
            "https://web.push.apple.com/QGuQyavXutnMP",
            "https://wns2-bl2p.notify.windows.com/w/?token=BQYAAAD",
        ] {
            assert!(PushEndpoint::parse(good, &services).is_ok(), "{good}");
        }
        for bad in [
            "https://fcm.googleapis.com",
            "https://fcm.googleapis.com.attacker.example/x",
            "https://notify.windows.com/w/x",
            "https://user@fcm.googleapis.com/x",
            "https://fcm.googleapis.com:8443/x",
            "https://fcm.googleapis.com/x y",
            "ftp://fcm.googleapis.com/x",
            "fcm.googleapis.com/x",
        ] {
            assert_eq!(
                PushEndpoint::parse(bad, &services),
                Err(ApproverError::PushEndpointInvalid),
                "{bad}"
            );
        }
        let long = format!(
            "https://fcm.googleapis.com/{}",
            "a".repeat(MAX_PUSH_ENDPOINT_BYTES)
        );
        assert!(PushEndpoint::parse(&long, &services).is_err());
    }

    #[test]
    fn a_test_push_service_on_loopback_is_allowed_only_when_named() {
        let local = "http://127.0.0.1:4100/push/abc";
        assert!(PushEndpoint::parse(local, &DEFAULT_PUSH_SERVICES.map(String::from)).is_err());
        let named = PushEndpoint::parse(local, &["http://127.0.0.1:4100".to_owned()]).unwrap();
        assert_eq!(named.origin(), "http://127.0.0.1:4100");
        assert!(
            !format!("{named:?}").contains("abc"),
            "the capability stays out of Debug"
        );
    }
}
