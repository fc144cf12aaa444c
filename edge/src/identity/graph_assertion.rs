//! Certificate credentials for the Microsoft identity platform: instead of a client secret,
//! the app proves itself with a short-lived JWT signed by its certificate's private key
//! (OpenID Connect `private_key_jwt`), as Microsoft documents under "certificate credentials":
//! header `alg: PS256`, `typ: JWT`, `x5t#S256` (base64url SHA-256 thumbprint of the
//! certificate's DER); claims `aud` (the tenant's token endpoint), `iss` = `sub` = the client
//! id, a GUID `jti`, `nbf`, `iat` and an `exp` ten minutes on. Microsoft recommends
//! certificates over secrets for production apps.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rsa::RsaPrivateKey;
use rsa::pkcs1::DecodeRsaPrivateKey;
use rsa::pkcs8::DecodePrivateKey;
use rsa::pss::SigningKey;
use rsa::signature::{RandomizedSigner, SignatureEncoding};
use serde_json::json;
use sha2::{Digest, Sha256};

/// The `client_assertion_type` of a JWT client assertion (RFC 7523).
pub const ASSERTION_TYPE: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
/// How long an assertion is valid, in seconds (Microsoft: "5-10 minutes after nbf").
pub const LIFETIME_SECS: u64 = 600;

/// An app's certificate credential: the certificate's thumbprint and its private key.
#[derive(Clone, PartialEq, Eq)]
pub struct CertificateCredential {
    /// Base64url SHA-256 of the certificate's DER (`x5t#S256`).
    pub thumbprint: String,
    key: RsaPrivateKey,
}

impl std::fmt::Debug for CertificateCredential {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CertificateCredential")
            .field("thumbprint", &self.thumbprint)
            .finish_non_exhaustive()
    }
}

/// Why a certificate or key was refused, naming the setting.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CredentialError {
    /// `GRAPH_CLIENT_CERTIFICATE` is not one PEM `CERTIFICATE` block.
    #[error("expected the app's X.509 certificate as PEM (-----BEGIN CERTIFICATE-----), got {0}")]
    Certificate(String),
    /// `GRAPH_CLIENT_KEY` is not an RSA private key in PKCS#8 or PKCS#1 PEM.
    #[error(
        "expected the certificate's RSA private key as unencrypted PEM (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----), got {0}"
    )]
    Key(String),
}

impl CertificateCredential {
    /// Reads the certificate and its private key from PEM.
    ///
    /// # Errors
    ///
    /// [`CredentialError`] naming which of the two is wrong and how (never echoing the key).
    pub fn from_pem(certificate: &str, key: &str) -> Result<Self, CredentialError> {
        let (label, der) = pem_rfc7468::decode_vec(certificate.trim().as_bytes())
            .map_err(|err| CredentialError::Certificate(format!("unreadable PEM ({err})")))?;
        if label != "CERTIFICATE" {
            return Err(CredentialError::Certificate(format!("a {label} block")));
        }
        let key_text = key.trim();
        let (label, _) = pem_rfc7468::decode_vec(key_text.as_bytes())
            .map_err(|err| CredentialError::Key(format!("unreadable PEM ({err})")))?;
        let key = match label {
            "PRIVATE KEY" => RsaPrivateKey::from_pkcs8_pem(key_text)
                .map_err(|err| CredentialError::Key(format!("no RSA key in it ({err})")))?,
            "RSA PRIVATE KEY" => RsaPrivateKey::from_pkcs1_pem(key_text)
                .map_err(|err| CredentialError::Key(format!("no RSA key in it ({err})")))?,
            other => return Err(CredentialError::Key(format!("a {other} block"))),
        };
        Ok(CertificateCredential {
            thumbprint: URL_SAFE_NO_PAD.encode(Sha256::digest(&der)),
            key,
        })
    }

    /// A signed client assertion for `client_id` at the token endpoint `token_url`, issued
    /// at `now_secs`, with `jti` (a GUID) and randomness for the PSS salt from `rng`.
    pub fn assertion(
        &self,
        client_id: &str,
        token_url: &str,
        now_secs: u64,
        jti: &str,
        rng: &mut impl rand_core::CryptoRngCore,
    ) -> String {
        let header = json!({ "alg": "PS256", "typ": "JWT", "x5t#S256": self.thumbprint });
        let claims = json!({
            "aud": token_url,
            "iss": client_id,
            "sub": client_id,
            "jti": jti,
            "nbf": now_secs,
            "iat": now_secs,
            "exp": now_secs + LIFETIME_SECS,
        });
        let signing_input = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(header.to_string()),
            URL_SAFE_NO_PAD.encode(claims.to_string())
        );
        let signature = SigningKey::<Sha256>::new(self.key.clone())
            .sign_with_rng(rng, signing_input.as_bytes())
            .to_bytes();
        format!("{signing_input}.{}", URL_SAFE_NO_PAD.encode(signature))
    }
}

/// The platform CSPRNG (`crypto.getRandomValues` in workerd) for the PSS salt.
pub struct PlatformRng;

impl rand_core::RngCore for PlatformRng {
    fn next_u32(&mut self) -> u32 {
        let mut bytes = [0u8; 4];
        crate::random::fill(&mut bytes);
        u32::from_le_bytes(bytes)
    }

    fn next_u64(&mut self) -> u64 {
        let mut bytes = [0u8; 8];
        crate::random::fill(&mut bytes);
        u64::from_le_bytes(bytes)
    }

    fn fill_bytes(&mut self, dest: &mut [u8]) {
        crate::random::fill(dest);
    }

    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_core::Error> {
        crate::random::fill(dest);
        Ok(())
    }
}

impl rand_core::CryptoRng for PlatformRng {}

#[cfg(test)]
mod tests {
    use super::*;
    use rsa::pss::{Signature, VerifyingKey};
    use rsa::signature::Verifier;
    use serde_json::Value;

    const CERT: &str = include_str!("../../../e2e/fixtures/graph/app-cert.pem");
    const KEY: &str = include_str!("../../../e2e/fixtures/graph/app-key.pem");
    /// `openssl x509 -in app-cert.pem -outform der | openssl dgst -sha256 -binary | base64url`
    const THUMBPRINT: &str = "BcvKTB-tzVJoJeYJX-PmE23eY1iUxbUS2Lr-qO5oyrw";
    const CLIENT: &str = "00001111-aaaa-2222-bbbb-3333cccc4444";
    const TOKEN_URL: &str =
        "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token";

    fn part(jwt: &str, index: usize) -> Value {
        let text = jwt.split('.').nth(index).unwrap();
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(text).unwrap()).unwrap()
    }

    #[test]
    fn the_thumbprint_is_the_sha256_of_the_certificates_der() {
        let credential = CertificateCredential::from_pem(CERT, KEY).unwrap();
        assert_eq!(credential.thumbprint, THUMBPRINT);
        assert!(!format!("{credential:?}").contains("PRIVATE"));
    }

    #[test]
    fn the_assertion_has_microsofts_header_and_claims_and_verifies_with_the_certificates_key() {
        let credential = CertificateCredential::from_pem(CERT, KEY).unwrap();
        let jti = crate::random::uuid_v4([7; 16]);
        let jwt = credential.assertion(CLIENT, TOKEN_URL, 1_700_000_000, &jti, &mut PlatformRng);
        let header = part(&jwt, 0);
        assert_eq!(header["alg"], "PS256");
        assert_eq!(header["typ"], "JWT");
        assert_eq!(header["x5t#S256"], THUMBPRINT);
        let claims = part(&jwt, 1);
        assert_eq!(claims["aud"], TOKEN_URL);
        assert_eq!(claims["iss"], CLIENT);
        assert_eq!(claims["sub"], CLIENT);
        assert_eq!(claims["jti"], jti);
        assert_eq!(claims["nbf"], 1_700_000_000);
        assert_eq!(claims["exp"], 1_700_000_000 + LIFETIME_SECS);

        let (signing_input, signature) = jwt.rsplit_once('.').unwrap();
        let signature =
            Signature::try_from(URL_SAFE_NO_PAD.decode(signature).unwrap().as_slice()).unwrap();
        let verifying = VerifyingKey::<Sha256>::new(credential.key.to_public_key());
        assert!(
            verifying
                .verify(signing_input.as_bytes(), &signature)
                .is_ok()
        );
        let tampered = signing_input.replacen('e', "f", 1);
        assert!(verifying.verify(tampered.as_bytes(), &signature).is_err());
    }

    #[test]
    fn each_assertion_is_salted_afresh() {
        let credential = CertificateCredential::from_pem(CERT, KEY).unwrap();
        let a = credential.assertion(CLIENT, TOKEN_URL, 1, "j", &mut PlatformRng);
        let b = credential.assertion(CLIENT, TOKEN_URL, 1, "j", &mut PlatformRng);
        assert_ne!(a, b);
    }

    #[test]
    fn a_wrong_certificate_or_key_is_named_without_echoing_the_key() {
        assert!(matches!(
            CertificateCredential::from_pem(KEY, KEY),
            Err(CredentialError::Certificate(_))
        ));
        assert!(matches!(
            CertificateCredential::from_pem("not pem", KEY),
            Err(CredentialError::Certificate(_))
        ));
        let err = CertificateCredential::from_pem(CERT, CERT).unwrap_err();
        assert!(matches!(err, CredentialError::Key(_)), "{err}");
        let garbled = KEY.replacen("MII", "MIJ", 1);
        let err = CertificateCredential::from_pem(CERT, &garbled).unwrap_err();
        assert!(matches!(err, CredentialError::Key(_)), "{err}");
        assert!(!err.to_string().contains("MIJ"), "{err}");
    }

    #[test]
    fn guids_are_version_4() {
        let id = crate::random::uuid_v4([0xff; 16]);
        assert_eq!(id.len(), 36);
        assert_eq!(&id[14..15], "4");
        assert!(matches!(&id[19..20], "8" | "9" | "a" | "b"));
    }
}
