//! Sign-in proved by an OpenID Connect ID token: a compact JWS signed by the configured
//! issuer with RS256 or ES256, whose key the issuer publishes in its JWKS.
//!
//! [`verify`] is the whole decision and touches no worker type, so it is tested natively
//! with real keys; [`fetch`] finds the issuer's keys (discovery, JWKS, an isolate-wide
//! cache) and calls it. This module owns no session: it cannot check a `nonce` (the relying
//! party that asked for the token does that), and it never logs or echoes a token.

pub mod cache;
pub mod fetch;
pub mod jwk;
pub mod settings;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Deserialize;
use serde_json::{Map, Value};
use sspr_core::UnixMillis;

pub use jwk::Jwks;
pub use settings::{OidcConfig, OidcSettings};

/// Longest compact token accepted, in bytes. Real ID tokens are 1–2 KB; the cap bounds the
/// work an unauthenticated caller can ask for before a signature is checked.
pub const MAX_TOKEN_BYTES: usize = 8 * 1024;

/// Clock skew allowed between the issuer and the edge, for `exp`, `nbf` and `iat`.
pub const SKEW_MS: UnixMillis = 60_000;

/// Who an ID token says signed in, once its signature and claims are checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdToken {
    /// The value of the configured username claim (`OIDC_USERNAME_CLAIM`).
    pub username: String,
    /// When the issuer issued the token (`iat`), in Unix milliseconds, so a caller can
    /// demand a recent sign-in.
    pub issued_at_ms: UnixMillis,
    /// The string values of the `roles` and `groups` claims (a string or an array of
    /// strings each), for [`has_role`].
    pub roles: Vec<String>,
}

/// Why an ID token was refused. No variant holds the token or a claim's value, so an error
/// can be logged as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OidcError {
    #[error("the ID token is {len} bytes, more than the {max} allowed")]
    TooLarge { len: usize, max: usize },
    #[error("the ID token is malformed: {0}")]
    Malformed(&'static str),
    #[error("the ID token's algorithm {0:?} is not accepted (RS256 or ES256 only)")]
    UnsupportedAlgorithm(String),
    #[error("the ID token's header is not accepted: {0}")]
    UnsupportedHeader(&'static str),
    #[error("the issuer's keys have no key {kid:?} for this ID token")]
    UnknownKey { kid: Option<String> },
    #[error("the issuer's key {kid:?} does not fit the ID token's algorithm {alg}")]
    KeyMismatch {
        kid: Option<String>,
        alg: &'static str,
    },
    #[error("the ID token's signature is not valid")]
    BadSignature,
    #[error("the ID token was issued by another issuer")]
    WrongIssuer,
    #[error("the ID token was issued to another client")]
    WrongAudience,
    #[error("the ID token has expired")]
    Expired,
    #[error("the ID token is not valid yet")]
    NotYetValid,
    #[error("the ID token has no {0} claim")]
    MissingClaim(String),
    #[error("the ID token's {0} claim has the wrong type or an empty value")]
    InvalidClaim(String),
    #[error("the issuer's keys could not be fetched: {0}")]
    KeysUnavailable(String),
}

/// The JWS algorithms accepted. Everything else (`none`, `HS256`, `PS256`, `ES384`…) is
/// refused before a key is looked up, so a public key can never be used as an HMAC secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Algorithm {
    Rs256,
    Es256,
}

impl Algorithm {
    fn parse(alg: &str) -> Result<Algorithm, OidcError> {
        match alg {
            "RS256" => Ok(Algorithm::Rs256),
            "ES256" => Ok(Algorithm::Es256),
            other => Err(OidcError::UnsupportedAlgorithm(shorten(other))),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Algorithm::Rs256 => "RS256",
            Algorithm::Es256 => "ES256",
        }
    }
}

/// The JOSE header fields read; others are ignored unless listed in `crit`.
#[derive(Deserialize)]
struct Header {
    alg: String,
    kid: Option<String>,
    typ: Option<String>,
    crit: Option<Value>,
}

/// A token split into its parts, its header parsed; nothing is trusted yet.
struct Parts<'a> {
    alg: Algorithm,
    kid: Option<String>,
    signing_input: &'a str,
    payload: Vec<u8>,
    signature: Vec<u8>,
}

fn split(token: &str) -> Result<Parts<'_>, OidcError> {
    if token.len() > MAX_TOKEN_BYTES {
        return Err(OidcError::TooLarge {
            len: token.len(),
            max: MAX_TOKEN_BYTES,
        });
    }
    let mut pieces = token.split('.');
    let (Some(header), Some(payload), Some(signature), None) =
        (pieces.next(), pieces.next(), pieces.next(), pieces.next())
    else {
        return Err(OidcError::Malformed("expected three dot-separated parts"));
    };
    let header: Header = serde_json::from_slice(&decode(header, "header")?)
        .map_err(|_| OidcError::Malformed("the header is not a JOSE header"))?;
    let alg = Algorithm::parse(&header.alg)?;
    if header.crit.is_some() {
        return Err(OidcError::UnsupportedHeader(
            "crit lists extensions this edge does not know",
        ));
    }
    // An access token in JWT form (RFC 9068, `at+jwt`) or anything else typed is no ID token.
    if header
        .typ
        .as_deref()
        .is_some_and(|typ| !typ.eq_ignore_ascii_case("JWT"))
    {
        return Err(OidcError::UnsupportedHeader("typ is not JWT"));
    }
    Ok(Parts {
        alg,
        kid: header.kid,
        signing_input: &token[..token.len() - signature.len() - 1],
        payload: decode(payload, "payload")?,
        signature: decode(signature, "signature")?,
    })
}

fn decode(part: &str, what: &'static str) -> Result<Vec<u8>, OidcError> {
    URL_SAFE_NO_PAD.decode(part).map_err(|_| {
        OidcError::Malformed(match what {
            "header" => "the header is not base64url",
            "payload" => "the payload is not base64url",
            _ => "the signature is not base64url",
        })
    })
}

/// Header values quoted in errors are capped: they come from the caller.
fn shorten(value: &str) -> String {
    value.chars().take(64).collect()
}

/// The `kid` a token's header names, after the checks that need no key (size, shape,
/// algorithm, header), so a caller refuses a hopeless token before fetching keys for it.
pub fn key_id(token: &str) -> Result<Option<String>, OidcError> {
    split(token).map(|parts| parts.kid)
}

/// Checks the signature of a compact JWS (RS256 or ES256) against `jwks` and returns its
/// `kid` and payload bytes, trusting nothing else in it: the caller checks the payload's
/// claims. The approver's signed requests ([`crate::routes::approver`]) use this with the
/// paired phone's key, so ID tokens and approvers share one verifier.
pub fn verify_signature(token: &str, jwks: &Jwks) -> Result<(Option<String>, Vec<u8>), OidcError> {
    let parts = split(token)?;
    let key = jwks.select(parts.kid.as_deref(), parts.alg)?;
    key.verify(parts.alg, parts.signing_input.as_bytes(), &parts.signature)?;
    Ok((parts.kid, parts.payload))
}

/// Checks an ID token against the issuer's keys and the settings at `now`: the algorithm is
/// RS256 or ES256, the key its `kid` names verifies the signature, `iss` is the issuer, `aud`
/// holds the client id (and `azp`, when present, is it), `exp` has not passed and `nbf` and
/// `iat` have (each with [`SKEW_MS`] of slack), and the username claim is a non-empty string.
pub fn verify(
    token: &str,
    jwks: &Jwks,
    settings: &OidcSettings,
    now: UnixMillis,
) -> Result<IdToken, OidcError> {
    let (_, payload) = verify_signature(token, jwks)?;
    let claims: Map<String, Value> = serde_json::from_slice(&payload)
        .map_err(|_| OidcError::Malformed("the payload is not a JSON object"))?;
    check_claims(&claims, settings, now)
}

fn check_claims(
    claims: &Map<String, Value>,
    settings: &OidcSettings,
    now: UnixMillis,
) -> Result<IdToken, OidcError> {
    match claims.get("iss") {
        None => return Err(OidcError::MissingClaim("iss".into())),
        Some(Value::String(iss)) if *iss == settings.issuer => {}
        Some(_) => return Err(OidcError::WrongIssuer),
    }
    let audiences = strings(claims, "aud")?.ok_or(OidcError::MissingClaim("aud".into()))?;
    if !audiences.contains(&settings.client_id) {
        return Err(OidcError::WrongAudience);
    }
    match claims.get("azp") {
        None => {}
        Some(Value::String(azp)) if *azp == settings.client_id => {}
        Some(_) => return Err(OidcError::WrongAudience),
    }
    let exp = date(claims, "exp")?.ok_or(OidcError::MissingClaim("exp".into()))?;
    if now >= exp.saturating_add(SKEW_MS) {
        return Err(OidcError::Expired);
    }
    if let Some(nbf) = date(claims, "nbf")?
        && now.saturating_add(SKEW_MS) < nbf
    {
        return Err(OidcError::NotYetValid);
    }
    let iat = date(claims, "iat")?.ok_or(OidcError::MissingClaim("iat".into()))?;
    if now.saturating_add(SKEW_MS) < iat {
        return Err(OidcError::NotYetValid);
    }
    let claim = settings.username_claim.as_str();
    let username = match claims.get(claim) {
        None | Some(Value::Null) => return Err(OidcError::MissingClaim(claim.to_owned())),
        Some(Value::String(name)) if !name.trim().is_empty() => name.trim().to_owned(),
        Some(_) => return Err(OidcError::InvalidClaim(claim.to_owned())),
    };
    let mut roles = strings(claims, "roles")?.unwrap_or_default();
    roles.extend(strings(claims, "groups")?.unwrap_or_default());
    Ok(IdToken {
        username,
        issued_at_ms: iat,
        roles,
    })
}

/// A claim that is a string or an array of strings.
fn strings(claims: &Map<String, Value>, name: &str) -> Result<Option<Vec<String>>, OidcError> {
    let invalid = || OidcError::InvalidClaim(name.to_owned());
    match claims.get(name) {
        None => Ok(None),
        Some(Value::String(one)) => Ok(Some(vec![one.clone()])),
        Some(Value::Array(many)) => many
            .iter()
            .map(|v| v.as_str().map(str::to_owned).ok_or_else(invalid))
            .collect::<Result<Vec<_>, _>>()
            .map(Some),
        Some(_) => Err(invalid()),
    }
}

/// A NumericDate claim (seconds since the epoch, possibly fractional) in milliseconds.
fn date(claims: &Map<String, Value>, name: &str) -> Result<Option<UnixMillis>, OidcError> {
    match claims.get(name) {
        None => Ok(None),
        Some(value) => value
            .as_f64()
            .filter(|secs| secs.is_finite() && *secs >= 0.0 && *secs < 1e13)
            .map(|secs| Some((secs * 1000.0) as UnixMillis))
            .ok_or_else(|| OidcError::InvalidClaim(name.to_owned())),
    }
}

/// Whether a verified token carries the admin role (`OIDC_ADMIN_ROLE`) in its `roles` or
/// `groups` claim. The comparison is exact: role and group names are identifiers.
pub fn has_role(token: &IdToken, role: &str) -> bool {
    !role.is_empty() && token.roles.iter().any(|r| r == role)
}

/// Whether a bearer credential has the shape of a compact JWS (three base64url parts), so
/// a route can tell an ID token from an opaque token without verifying anything.
pub fn looks_like_jws(credential: &str) -> bool {
    let parts: Vec<&str> = credential.split('.').collect();
    parts.len() == 3
        && parts[..2].iter().all(|p| !p.is_empty())
        && parts.iter().all(|p| {
            p.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

#[cfg(test)]
mod tests;
