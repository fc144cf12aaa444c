//! The signed-webhook identity backend's wire format. sspr POSTs JSON to the organisation's
//! endpoint; every request carries
//!
//! - `Sspr-Timestamp`: Unix seconds when it was signed,
//! - `Sspr-Signature`: `v1=` + hex HMAC-SHA256(secret, timestamp + "." + body),
//! - `Idempotency-Key`: the same value when a request is retried.
//!
//! Receivers recompute the signature, compare in constant time, refuse timestamps more than
//! [`TOLERANCE_SECS`] away from their clock, and apply each idempotency key at most once.

use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

/// Header carrying the signing time, in Unix seconds.
pub const TIMESTAMP_HEADER: &str = "Sspr-Timestamp";
/// Header carrying [`sign`]'s value.
pub const SIGNATURE_HEADER: &str = "Sspr-Signature";
/// Header carrying the operation id, the same on every retry of one change.
pub const IDEMPOTENCY_HEADER: &str = "Idempotency-Key";
/// How far a receiver lets a timestamp drift from its own clock.
pub const TOLERANCE_SECS: u64 = 300;

/// A signing time in Unix seconds, as [`TIMESTAMP_HEADER`] carries it. Everything else in
/// sspr counts [`UnixMillis`](crate::UnixMillis); this type keeps the two from being mixed up.
///
/// ```
/// use sspr_core::webhook::UnixSeconds;
///
/// let signed_at = UnixSeconds::from_millis(1_700_000_000_999);
/// assert_eq!(signed_at.to_string(), "1700000000");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct UnixSeconds(pub u64);

impl UnixSeconds {
    /// The whole seconds of a time in milliseconds.
    pub fn from_millis(at: crate::UnixMillis) -> UnixSeconds {
        UnixSeconds(at / 1000)
    }
}

impl std::fmt::Display for UnixSeconds {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// The signature header's value for `body` signed at `timestamp`, which travels in
/// [`TIMESTAMP_HEADER`].
///
/// ```
/// use sspr_core::webhook::{UnixSeconds, sign, verify};
///
/// let header = sign(b"whsec-test", UnixSeconds(1_700_000_000), "{}");
/// assert!(verify(b"whsec-test", UnixSeconds(1_700_000_000), "{}", &header, UnixSeconds(1_700_000_060)).is_ok());
/// ```
pub fn sign(secret: &[u8], timestamp: UnixSeconds, body: &str) -> String {
    let mac = mac_of(secret, timestamp, body).finalize().into_bytes();
    format!("v1={}", hex::encode(mac))
}

/// The three headers of a signed request of `body` at `now`: [`TIMESTAMP_HEADER`] (Unix
/// seconds), [`SIGNATURE_HEADER`] ([`sign`]) and [`IDEMPOTENCY_HEADER`]. The identity webhook
/// and the email webhook send the same.
///
/// ```
/// use sspr_core::webhook::{UnixSeconds, signed_headers, verify};
///
/// let [(_, timestamp), (_, signature), (_, key)] =
///     signed_headers(b"whsec-test", 1_700_000_000_500, "{}", "op-1");
/// assert_eq!(timestamp, "1700000000");
/// assert_eq!(key, "op-1");
/// let at = UnixSeconds(timestamp.parse().unwrap());
/// assert!(verify(b"whsec-test", at, "{}", &signature, at).is_ok());
/// ```
pub fn signed_headers(
    secret: &[u8],
    now: crate::UnixMillis,
    body: &str,
    idempotency_key: &str,
) -> [(&'static str, String); 3] {
    let timestamp = UnixSeconds::from_millis(now);
    [
        (TIMESTAMP_HEADER, timestamp.to_string()),
        (SIGNATURE_HEADER, sign(secret, timestamp, body)),
        (IDEMPOTENCY_HEADER, idempotency_key.to_owned()),
    ]
}

/// Why a signed request was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    /// The header is not `v1=` followed by 64 hex digits.
    #[error("the signature header is not `v1=<64 hex digits>`")]
    Malformed,
    /// The timestamp is more than [`TOLERANCE_SECS`] before or after the receiver's clock.
    #[error("the timestamp is more than {TOLERANCE_SECS} s away from now")]
    Stale,
    /// The signature is not the body's under this secret and timestamp.
    #[error("the signature does not match the body")]
    Mismatch,
}

/// Checks a request as a receiver does, at `now`.
///
/// # Errors
///
/// [`SignatureError::Malformed`], then [`SignatureError::Stale`], then
/// [`SignatureError::Mismatch`].
///
/// ```
/// use sspr_core::webhook::{SignatureError, UnixSeconds, sign, verify};
///
/// let at = UnixSeconds(1_700_000_000);
/// let header = sign(b"whsec-test", at, r#"{"type":"user.lookup","username":"alice"}"#);
/// let tampered = r#"{"type":"user.lookup","username":"admin"}"#;
/// assert_eq!(verify(b"whsec-test", at, tampered, &header, at), Err(SignatureError::Mismatch));
/// assert_eq!(verify(b"whsec-test", at, "{}", &header, UnixSeconds(1_700_000_301)), Err(SignatureError::Stale));
/// assert_eq!(verify(b"whsec-test", at, "{}", "sha256=00", at), Err(SignatureError::Malformed));
/// ```
pub fn verify(
    secret: &[u8],
    timestamp: UnixSeconds,
    body: &str,
    signature: &str,
    now: UnixSeconds,
) -> Result<(), SignatureError> {
    let hex_mac = signature
        .strip_prefix("v1=")
        .ok_or(SignatureError::Malformed)?;
    let mac = hex::decode(hex_mac).map_err(|_| SignatureError::Malformed)?;
    if mac.len() != 32 {
        return Err(SignatureError::Malformed);
    }
    if now.0.abs_diff(timestamp.0) > TOLERANCE_SECS {
        return Err(SignatureError::Stale);
    }
    mac_of(secret, timestamp, body)
        .verify_slice(&mac)
        .map_err(|_| SignatureError::Mismatch)
}

fn mac_of(secret: &[u8], timestamp: UnixSeconds, body: &str) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes keys of any length");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body.as_bytes());
    mac
}

/// What sspr asks the webhook.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum WebhookRequest {
    /// Who is this username? Answered with [`LookupResponse`].
    #[serde(rename = "user.lookup")]
    Lookup {
        /// As the user typed it, trimmed.
        username: String,
    },
    /// Set this user's password. Answered with 200 `{}` or an [`ErrorBody`].
    #[serde(rename = "password.set")]
    SetPassword {
        /// [`DirectoryUser::id`] from the lookup.
        user_id: String,
        /// The new password, in clear: it passed sspr's rules. Never printed by `Debug`.
        password: String,
        /// The outbox operation; also the `Idempotency-Key`.
        operation_id: String,
    },
    /// Unlock this user's account, keeping the password. Answered with 200 `{}`.
    #[serde(rename = "account.unlock")]
    Unlock {
        /// [`DirectoryUser::id`] from the lookup.
        user_id: String,
        /// The outbox operation; also the `Idempotency-Key`.
        operation_id: String,
    },
    /// Who are the administrators? Answered with [`AdminContactsResponse`]; asked when an
    /// administrator's reset is applied and the policy notifies all administrators.
    #[serde(rename = "admins.list")]
    AdminContacts {},
}

impl std::fmt::Debug for WebhookRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WebhookRequest::Lookup { .. } => f.write_str("Lookup"),
            WebhookRequest::SetPassword { operation_id, .. } => {
                write!(f, "SetPassword {{ operation_id: {operation_id} }}")
            }
            WebhookRequest::Unlock { operation_id, .. } => {
                write!(f, "Unlock {{ operation_id: {operation_id} }}")
            }
            WebhookRequest::AdminContacts {} => f.write_str("AdminContacts"),
        }
    }
}

/// The answer to a lookup: the user, or `null` when there is no such user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LookupResponse {
    /// The user, or `None` (`null`) when the username matches no one.
    pub user: Option<DirectoryUser>,
}

/// The answer to [`WebhookRequest::AdminContacts`]: every administrator's name and the
/// address notices go to.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AdminContactsResponse {
    /// The administrators; those without an address are left out by the receiver or skipped.
    pub admins: Vec<AdminContact>,
}

/// An administrator to notify.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminContact {
    /// Where notices go.
    #[serde(default)]
    pub email: Option<String>,
    /// How the directory names them (for logs; never required).
    #[serde(default)]
    pub display_name: Option<String>,
    /// The language they read, as the directory holds it: a BCP 47 tag such as `de-DE`
    /// (Microsoft Graph's and SCIM's `preferredLanguage`). Their notice is written in the
    /// closest of sspr's languages, else English.
    #[serde(default)]
    pub language: Option<String>,
}

/// A user as the directory describes them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryUser {
    /// The directory's stable id for the user, sent back with every change.
    pub id: String,
    /// Where email codes and notices go.
    #[serde(default)]
    pub email: Option<String>,
    /// The name shown for the user; its parts may not appear in the new password.
    #[serde(default)]
    pub display_name: Option<String>,
    /// The mobile number text-message codes may go to, in E.164 (`+4915112345678`). Numbers
    /// that do not parse are ignored (and logged without the number).
    #[serde(default)]
    pub phone: Option<String>,
    /// Whether the account is enabled (default `true`); disabled users walk the decoy flow.
    #[serde(default = "enabled_by_default")]
    pub enabled: bool,
    /// Group names, for policies enabled for selected groups.
    #[serde(default)]
    pub groups: Vec<String>,
    /// Whether the user holds an administrator role (the two-method policy applies).
    #[serde(default)]
    pub admin: bool,
}

impl DirectoryUser {
    /// What the policy needs to know about this user.
    pub fn facts(&self) -> crate::policy::UserFacts {
        crate::policy::UserFacts {
            groups: self.groups.clone(),
            admin: self.admin,
            enabled: self.enabled,
        }
    }
}

fn enabled_by_default() -> bool {
    true
}

/// A refusal from the webhook: `{"error": {"code": "password_policy", "message": "…"}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// What was refused and why.
    pub error: ErrorDetail,
}

/// The `error` object of an [`ErrorBody`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorDetail {
    /// Machine-readable; [`PASSWORD_POLICY`] is the one sspr acts on.
    pub code: String,
    /// For people; shown to the user for a [`PASSWORD_POLICY`] refusal.
    #[serde(default)]
    pub message: String,
}

/// The webhook's error code for a password its own policy refuses.
pub const PASSWORD_POLICY: &str = "password_policy";

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"whsec-test";
    const NOW: UnixSeconds = UnixSeconds(1_700_000_000);

    #[test]
    fn a_signed_body_verifies() {
        let body = r#"{"type":"user.lookup","username":"alice"}"#;
        let sig = sign(SECRET, NOW, body);
        assert_eq!(
            verify(SECRET, NOW, body, &sig, UnixSeconds(NOW.0 + 10)),
            Ok(())
        );
    }

    #[test]
    fn the_signature_is_hmac_sha256_over_timestamp_dot_body() {
        // Computed independently: printf '1700000000.{}' | openssl dgst -sha256 -hmac whsec-test
        assert_eq!(
            sign(SECRET, NOW, "{}"),
            "v1=b61622af519f191c257cf4d76855c6f588e4a0799440900d6c0d16b671af84fa"
        );
    }

    #[test]
    fn a_changed_body_does_not_verify() {
        let sig = sign(SECRET, NOW, "{}");
        assert_eq!(
            verify(SECRET, NOW, "{ }", &sig, NOW),
            Err(SignatureError::Mismatch)
        );
    }

    #[test]
    fn an_old_timestamp_is_refused() {
        let sig = sign(SECRET, NOW, "{}");
        assert_eq!(
            verify(SECRET, NOW, "{}", &sig, UnixSeconds(NOW.0 + 301)),
            Err(SignatureError::Stale)
        );
    }

    #[test]
    fn a_malformed_header_is_refused() {
        for bad in ["", "v1=", "v2=00", "v1=zz", "v1=abcd"] {
            assert_eq!(
                verify(SECRET, NOW, "{}", bad, NOW),
                Err(SignatureError::Malformed)
            );
        }
    }

    #[test]
    fn requests_are_tagged_by_type() {
        let req = WebhookRequest::SetPassword {
            user_id: "u1".into(),
            password: "pw".into(),
            operation_id: "op".into(),
        };
        let json = serde_json::to_value(&req).unwrap();
        assert_eq!(json["type"], "password.set");
        assert!(!format!("{req:?}").contains("pw\""));
    }

    #[test]
    fn a_lookup_answer_without_enabled_means_enabled() {
        let parsed: LookupResponse =
            serde_json::from_str(r#"{"user":{"id":"u1","email":"a@b.c"}}"#).unwrap();
        let user = parsed.user.unwrap();
        assert!(user.enabled);
        assert_eq!(user.facts().groups, Vec::<String>::new());
        assert!(!user.facts().admin);
    }
}
