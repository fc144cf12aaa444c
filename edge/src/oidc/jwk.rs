//! The issuer's signing keys: a JWKS document (RFC 7517) parsed into RSA and P-256 public
//! keys once, when fetched, and the signature checks made with them.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use p256::ecdsa::signature::Verifier;
use rsa::traits::PublicKeyParts;
use rsa::{BigUint, RsaPublicKey};
use serde::Deserialize;
use sha2::Sha256;

use super::{Algorithm, OidcError};

/// Smallest RSA modulus accepted, in bits (NIST SP 800-131A).
pub const MIN_RSA_BITS: usize = 2048;

/// The usable keys of a JWKS. Keys of other types, curves or uses, and keys that do not
/// parse, are left out: one odd key must not make the issuer's other keys unusable.
#[derive(Debug, Clone, Default)]
pub struct Jwks {
    keys: Vec<Jwk>,
}

/// One public key and the `kid` and `alg` the JWKS gave it.
#[derive(Debug, Clone)]
pub struct Jwk {
    pub kid: Option<String>,
    pub alg: Option<String>,
    key: PublicKey,
}

#[derive(Debug, Clone)]
enum PublicKey {
    Rsa(RsaPublicKey),
    P256(p256::ecdsa::VerifyingKey),
}

/// A JWK as published; only the members used here.
#[derive(Deserialize)]
struct RawJwk {
    kty: String,
    kid: Option<String>,
    alg: Option<String>,
    #[serde(rename = "use")]
    use_: Option<String>,
    n: Option<String>,
    e: Option<String>,
    crv: Option<String>,
    x: Option<String>,
    y: Option<String>,
}

#[derive(Deserialize)]
struct RawJwks {
    keys: Vec<serde_json::Value>,
}

impl Jwks {
    /// Parses a JWKS document. Fails only when the document itself is not a JWKS; keys
    /// this edge cannot use are skipped.
    pub fn parse(json: &str) -> Result<Jwks, String> {
        let raw: RawJwks =
            serde_json::from_str(json).map_err(|err| format!("not a JWKS document: {err}"))?;
        let keys = raw
            .keys
            .into_iter()
            .filter_map(|value| serde_json::from_value::<RawJwk>(value).ok())
            .filter_map(Jwk::from_raw)
            .collect();
        Ok(Jwks { keys })
    }

    /// How many usable keys there are.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Whether a key with this `kid` is here.
    pub fn has_kid(&self, kid: &str) -> bool {
        self.keys.iter().any(|k| k.kid.as_deref() == Some(kid))
    }

    /// The key a token's header selects: the one with its `kid`, or, for a token without a
    /// `kid`, the only key that fits its algorithm.
    pub(super) fn select(&self, kid: Option<&str>, alg: Algorithm) -> Result<&Jwk, OidcError> {
        let unknown = || OidcError::UnknownKey {
            kid: kid.map(super::shorten),
        };
        let key = match kid {
            Some(kid) => self
                .keys
                .iter()
                .find(|k| k.kid.as_deref() == Some(kid))
                .ok_or_else(unknown)?,
            None => {
                let mut fitting = self.keys.iter().filter(|k| k.fits(alg));
                match (fitting.next(), fitting.next()) {
                    (Some(only), None) => only,
                    _ => return Err(unknown()),
                }
            }
        };
        if !key.fits(alg) {
            return Err(OidcError::KeyMismatch {
                kid: key.kid.as_deref().map(super::shorten),
                alg: alg.name(),
            });
        }
        Ok(key)
    }
}

impl Jwk {
    fn from_raw(raw: RawJwk) -> Option<Jwk> {
        if raw.use_.as_deref().is_some_and(|u| u != "sig") {
            return None;
        }
        let bytes = |b64: &Option<String>| URL_SAFE_NO_PAD.decode(b64.as_deref()?).ok();
        let key = match (raw.kty.as_str(), raw.crv.as_deref()) {
            ("RSA", _) => {
                let n = BigUint::from_bytes_be(&bytes(&raw.n)?);
                let e = BigUint::from_bytes_be(&bytes(&raw.e)?);
                let key = RsaPublicKey::new(n, e).ok()?;
                if key.n().bits() < MIN_RSA_BITS {
                    return None;
                }
                PublicKey::Rsa(key)
            }
            ("EC", Some("P-256")) => {
                let (x, y) = (bytes(&raw.x)?, bytes(&raw.y)?);
                if x.len() != 32 || y.len() != 32 {
                    return None;
                }
                let point = p256::EncodedPoint::from_affine_coordinates(
                    x.as_slice().into(),
                    y.as_slice().into(),
                    false,
                );
                PublicKey::P256(p256::ecdsa::VerifyingKey::from_encoded_point(&point).ok()?)
            }
            _ => return None,
        };
        Some(Jwk {
            kid: raw.kid,
            alg: raw.alg,
            key,
        })
    }

    /// Whether this key may check a signature of `alg`: its type fits, and its own `alg`,
    /// when the JWKS gives one, is the same.
    fn fits(&self, alg: Algorithm) -> bool {
        let kind = matches!(
            (&self.key, alg),
            (PublicKey::Rsa(_), Algorithm::Rs256) | (PublicKey::P256(_), Algorithm::Es256)
        );
        kind && self.alg.as_deref().is_none_or(|a| a == alg.name())
    }

    /// Checks a JWS signature over `signing_input` (`header.payload`).
    pub(super) fn verify(
        &self,
        alg: Algorithm,
        signing_input: &[u8],
        signature: &[u8],
    ) -> Result<(), OidcError> {
        let valid = match (&self.key, alg) {
            (PublicKey::Rsa(key), Algorithm::Rs256) => {
                let key = rsa::pkcs1v15::VerifyingKey::<Sha256>::new(key.clone());
                rsa::pkcs1v15::Signature::try_from(signature)
                    .is_ok_and(|sig| key.verify(signing_input, &sig).is_ok())
            }
            // JWS carries an ECDSA signature as r ‖ s, 32 bytes each (RFC 7518 §3.4), not DER.
            (PublicKey::P256(key), Algorithm::Es256) => {
                signature.len() == 64
                    && p256::ecdsa::Signature::from_slice(signature)
                        .is_ok_and(|sig| key.verify(signing_input, &sig).is_ok())
            }
            _ => false,
        };
        if valid {
            Ok(())
        } else {
            Err(OidcError::BadSignature)
        }
    }
}
