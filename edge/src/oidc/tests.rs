//! ID tokens signed in the test with real keys (an RSA-2048 and a P-256 key checked in as
//! PEM under edge/tests/fixtures), checked against a JWKS built from their public halves.

use super::*;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use p256::ecdsa::signature::{SignatureEncoding, Signer};
use p256::pkcs8::DecodePrivateKey;
use rsa::traits::PublicKeyParts;
use serde_json::json;
use sha2::Sha256;

const RSA_PEM: &str = include_str!("../../tests/fixtures/oidc-rsa-2048.pem");
const P256_PEM: &str = include_str!("../../tests/fixtures/oidc-p256.pem");
const ISSUER: &str = "https://login.example.com";
const CLIENT: &str = "sspr-demo";
/// 2026-01-01T00:00:00Z.
const NOW_S: u64 = 1_767_225_600;
const NOW: UnixMillis = NOW_S * 1000;

fn rsa_key() -> rsa::RsaPrivateKey {
    rsa::RsaPrivateKey::from_pkcs8_pem(RSA_PEM).expect("the RSA fixture parses")
}

fn p256_key() -> p256::ecdsa::SigningKey {
    p256::ecdsa::SigningKey::from_pkcs8_pem(P256_PEM).expect("the P-256 fixture parses")
}

fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

fn rsa_jwk(kid: &str) -> Value {
    let public = rsa_key().to_public_key();
    json!({
        "kty": "RSA", "kid": kid, "use": "sig", "alg": "RS256",
        "n": b64(&public.n().to_bytes_be()), "e": b64(&public.e().to_bytes_be()),
    })
}

fn p256_jwk(kid: &str, key: &p256::ecdsa::SigningKey) -> Value {
    let point = key.verifying_key().to_encoded_point(false);
    json!({
        "kty": "EC", "kid": kid, "crv": "P-256",
        "x": b64(point.x().unwrap()), "y": b64(point.y().unwrap()),
    })
}

/// The issuer's JWKS: the RSA key as `rsa-1`, the P-256 key as `ec-1`.
fn jwks_json() -> String {
    json!({ "keys": [rsa_jwk("rsa-1"), p256_jwk("ec-1", &p256_key())] }).to_string()
}

fn jwks() -> Jwks {
    Jwks::parse(&jwks_json()).unwrap()
}

fn settings() -> OidcSettings {
    OidcSettings {
        issuer: ISSUER.into(),
        client_id: CLIENT.into(),
        username_claim: "preferred_username".into(),
    }
}

fn claims() -> Value {
    json!({
        "iss": ISSUER, "aud": CLIENT, "sub": "248289761001",
        "preferred_username": "alice",
        "iat": NOW_S - 10, "exp": NOW_S + 300, "nonce": "n-0S6_WzA2Mj",
    })
}

fn signing_input(header: &Value, claims: &Value) -> String {
    format!(
        "{}.{}",
        b64(header.to_string().as_bytes()),
        b64(claims.to_string().as_bytes())
    )
}

fn rs256_with(header: Value, claims: &Value) -> String {
    let input = signing_input(&header, claims);
    let key = rsa::pkcs1v15::SigningKey::<Sha256>::new(rsa_key());
    let signature = key.sign(input.as_bytes()).to_vec();
    format!("{input}.{}", b64(&signature))
}

fn rs256(claims: &Value) -> String {
    rs256_with(
        json!({ "alg": "RS256", "kid": "rsa-1", "typ": "JWT" }),
        claims,
    )
}

fn es256_with_key(kid: &str, key: &p256::ecdsa::SigningKey, claims: &Value) -> String {
    let input = signing_input(&json!({ "alg": "ES256", "kid": kid }), claims);
    let signature: p256::ecdsa::Signature = key.sign(input.as_bytes());
    format!("{input}.{}", b64(&signature.to_bytes()))
}

fn es256(claims: &Value) -> String {
    es256_with_key("ec-1", &p256_key(), claims)
}

fn check(token: &str) -> Result<IdToken, OidcError> {
    verify(token, &jwks(), &settings(), NOW)
}

fn with(changes: Value) -> Value {
    let mut claims = claims();
    for (name, value) in changes.as_object().unwrap() {
        if value.is_null() {
            claims.as_object_mut().unwrap().remove(name);
        } else {
            claims[name] = value.clone();
        }
    }
    claims
}

#[test]
fn a_valid_rs256_token_is_accepted() {
    let signed_in = check(&rs256(&claims())).unwrap();
    assert_eq!(
        signed_in,
        IdToken {
            username: "alice".into(),
            issued_at_ms: (NOW_S - 10) * 1000,
            roles: vec![],
        }
    );
}

#[test]
fn a_valid_es256_token_is_accepted() {
    assert_eq!(check(&es256(&claims())).unwrap().username, "alice");
}

#[test]
fn a_token_without_kid_uses_the_only_key_of_its_type() {
    let token = rs256_with(json!({ "alg": "RS256" }), &claims());
    assert_eq!(check(&token).unwrap().username, "alice");
    let two_rsa = json!({ "keys": [rsa_jwk("rsa-1"), rsa_jwk("rsa-2")] }).to_string();
    assert_eq!(
        verify(&token, &Jwks::parse(&two_rsa).unwrap(), &settings(), NOW),
        Err(OidcError::UnknownKey { kid: None })
    );
}

#[test]
fn a_tampered_payload_fails_the_signature_check() {
    let token = rs256(&claims());
    let forged = b64(with(json!({ "preferred_username": "admin" }))
        .to_string()
        .as_bytes());
    let parts: Vec<&str> = token.split('.').collect();
    let tampered = format!("{}.{forged}.{}", parts[0], parts[2]);
    assert_eq!(check(&tampered), Err(OidcError::BadSignature));
}

#[test]
fn a_signature_by_another_key_is_refused() {
    let other = p256::ecdsa::SigningKey::from_slice(&[7u8; 32]).unwrap();
    assert_eq!(
        check(&es256_with_key("ec-1", &other, &claims())),
        Err(OidcError::BadSignature)
    );
    let token = rs256(&claims());
    let mut signature = URL_SAFE_NO_PAD
        .decode(token.rsplit('.').next().unwrap())
        .unwrap();
    signature[100] ^= 1;
    let (input, _) = token.rsplit_once('.').unwrap();
    assert_eq!(
        check(&format!("{input}.{}", b64(&signature))),
        Err(OidcError::BadSignature)
    );
}

#[test]
fn an_unknown_kid_is_refused() {
    let token = rs256_with(json!({ "alg": "RS256", "kid": "rsa-9" }), &claims());
    assert_eq!(
        check(&token),
        Err(OidcError::UnknownKey {
            kid: Some("rsa-9".into())
        })
    );
}

#[test]
fn a_long_kid_selects_its_key_and_is_shortened_in_errors() {
    let long = "k".repeat(100);
    let jwks = Jwks::parse(&json!({ "keys": [rsa_jwk(&long)] }).to_string()).unwrap();
    let token = rs256_with(json!({ "alg": "RS256", "kid": long }), &claims());
    assert!(verify(&token, &jwks, &settings(), NOW).is_ok());
    let other = rs256_with(json!({ "alg": "RS256", "kid": "x".repeat(100) }), &claims());
    assert_eq!(
        verify(&other, &jwks, &settings(), NOW),
        Err(OidcError::UnknownKey {
            kid: Some("x".repeat(64))
        })
    );
}

#[test]
fn a_kid_of_a_key_of_the_other_type_is_refused() {
    let token = rs256_with(json!({ "alg": "RS256", "kid": "ec-1" }), &claims());
    assert_eq!(
        check(&token),
        Err(OidcError::KeyMismatch {
            kid: Some("ec-1".into()),
            alg: "RS256"
        })
    );
}

#[test]
fn alg_none_is_refused() {
    let input = signing_input(&json!({ "alg": "none" }), &claims());
    assert_eq!(
        check(&format!("{input}.")),
        Err(OidcError::UnsupportedAlgorithm("none".into()))
    );
}

#[test]
fn hs256_with_the_public_key_as_secret_is_refused() {
    // The classic confusion: a verifier that takes `alg` from the token would check this
    // HMAC with the RSA public key's bytes as the secret, and accept it.
    let input = signing_input(&json!({ "alg": "HS256", "kid": "rsa-1" }), &claims());
    for secret in [
        jwks_json().into_bytes(),
        rsa_jwk("rsa-1").to_string().into_bytes(),
    ] {
        let mut mac = Hmac::<Sha256>::new_from_slice(&secret).unwrap();
        mac.update(input.as_bytes());
        let token = format!("{input}.{}", b64(&mac.finalize().into_bytes()));
        assert_eq!(
            check(&token),
            Err(OidcError::UnsupportedAlgorithm("HS256".into()))
        );
    }
}

#[test]
fn other_algorithms_are_refused() {
    for alg in ["PS256", "ES384", "RS512", "EdDSA", "rs256"] {
        let token = rs256_with(json!({ "alg": alg, "kid": "rsa-1" }), &claims());
        assert_eq!(
            check(&token),
            Err(OidcError::UnsupportedAlgorithm(alg.into()))
        );
    }
}

#[test]
fn a_token_from_another_issuer_is_refused() {
    let token = rs256(&with(json!({ "iss": "https://evil.example.com" })));
    assert_eq!(check(&token), Err(OidcError::WrongIssuer));
    let slash = rs256(&with(json!({ "iss": format!("{ISSUER}/") })));
    assert_eq!(check(&slash), Err(OidcError::WrongIssuer));
}

#[test]
fn a_token_for_another_client_is_refused() {
    for aud in [
        json!("other-app"),
        json!(["other-app", "another"]),
        json!([]),
    ] {
        let token = rs256(&with(json!({ "aud": aud })));
        assert_eq!(check(&token), Err(OidcError::WrongAudience), "{aud}");
    }
    let azp = rs256(&with(
        json!({ "aud": [CLIENT, "other-app"], "azp": "other-app" }),
    ));
    assert_eq!(check(&azp), Err(OidcError::WrongAudience));
}

#[test]
fn an_audience_array_holding_the_client_is_accepted() {
    let token = es256(&with(
        json!({ "aud": ["other-app", CLIENT], "azp": CLIENT }),
    ));
    assert!(check(&token).is_ok());
}

#[test]
fn an_expired_token_is_refused_after_a_minute_of_skew() {
    let token = rs256(&with(json!({ "exp": NOW_S - 59 })));
    assert!(check(&token).is_ok(), "within the skew");
    let token = rs256(&with(json!({ "exp": NOW_S - 60 })));
    assert_eq!(check(&token), Err(OidcError::Expired));
}

#[test]
fn a_token_not_valid_yet_is_refused() {
    let nbf = rs256(&with(json!({ "nbf": NOW_S + 61 })));
    assert_eq!(check(&nbf), Err(OidcError::NotYetValid));
    let iat = rs256(&with(json!({ "iat": NOW_S + 120 })));
    assert_eq!(check(&iat), Err(OidcError::NotYetValid));
    let skew = rs256(&with(json!({ "nbf": NOW_S + 59, "iat": NOW_S + 59 })));
    assert!(check(&skew).is_ok(), "within the skew");
}

#[test]
fn each_missing_claim_is_named() {
    for claim in ["iss", "aud", "exp", "iat", "preferred_username"] {
        let token = rs256(&with(json!({ claim: null })));
        assert_eq!(
            check(&token),
            Err(OidcError::MissingClaim(claim.into())),
            "{claim}"
        );
    }
    let message = check(&rs256(&with(json!({ "preferred_username": null }))))
        .unwrap_err()
        .to_string();
    assert_eq!(message, "the ID token has no preferred_username claim");
}

#[test]
fn the_username_comes_from_the_configured_claim() {
    let settings = OidcSettings {
        username_claim: "upn".into(),
        ..settings()
    };
    let token = rs256(&with(json!({ "upn": "alice@contoso.example" })));
    assert_eq!(
        verify(&token, &jwks(), &settings, NOW).unwrap().username,
        "alice@contoso.example"
    );
    // No falling back to preferred_username when the configured claim is missing.
    assert_eq!(
        verify(&rs256(&claims()), &jwks(), &settings, NOW),
        Err(OidcError::MissingClaim("upn".into()))
    );
}

#[test]
fn claims_of_the_wrong_type_are_named() {
    for (claim, value) in [
        ("exp", json!("tomorrow")),
        ("iat", json!(-1)),
        ("aud", json!(42)),
        ("preferred_username", json!("  ")),
        ("preferred_username", json!(["alice"])),
    ] {
        let token = rs256(&with(json!({ claim: value })));
        assert_eq!(
            check(&token),
            Err(OidcError::InvalidClaim(claim.into())),
            "{claim}"
        );
    }
}

#[test]
fn an_oversize_token_is_refused_before_parsing() {
    let padding = "x".repeat(MAX_TOKEN_BYTES);
    let token = rs256(&with(json!({ "padding": padding })));
    assert_eq!(
        check(&token),
        Err(OidcError::TooLarge {
            len: token.len(),
            max: MAX_TOKEN_BYTES
        })
    );
}

#[test]
fn malformed_tokens_are_named_without_echoing_them() {
    let valid = rs256(&claims());
    let (header, rest) = valid.split_once('.').unwrap();
    for token in [
        String::new(),
        "sspr1.abc".to_owned(),
        format!("{valid}.extra"),
        format!("{header}.!!!.{}", rest.split_once('.').unwrap().1),
        format!("e30.{rest}"),
        format!("{}.{rest}", b64(b"not json")),
    ] {
        let err = check(&token).unwrap_err();
        assert!(matches!(err, OidcError::Malformed(_)), "{token}: {err:?}");
        if token.len() > 10 {
            assert!(!err.to_string().contains(&token[..10]), "{err}");
        }
    }
}

#[test]
fn typed_and_critical_headers_are_refused() {
    let at = rs256_with(
        json!({ "alg": "RS256", "kid": "rsa-1", "typ": "at+jwt" }),
        &claims(),
    );
    assert!(matches!(check(&at), Err(OidcError::UnsupportedHeader(_))));
    let crit = rs256_with(
        json!({ "alg": "RS256", "kid": "rsa-1", "crit": ["exp"], "exp": 1 }),
        &claims(),
    );
    assert!(matches!(check(&crit), Err(OidcError::UnsupportedHeader(_))));
}

#[test]
fn errors_never_contain_the_token() {
    let token = rs256(&with(json!({ "exp": NOW_S - 3600 })));
    let signature = token.rsplit('.').next().unwrap();
    let err = check(&token).unwrap_err();
    assert!(!format!("{err} {err:?}").contains(signature));
}

#[test]
fn roles_and_groups_carry_the_admin_role() {
    let token = rs256(&with(
        json!({ "roles": ["helpdesk"], "groups": "sspr-admins" }),
    ));
    let signed_in = check(&token).unwrap();
    assert_eq!(signed_in.roles, ["helpdesk", "sspr-admins"]);
    assert!(has_role(&signed_in, "sspr-admins"));
    assert!(!has_role(&signed_in, "SSPR-ADMINS"));
    assert!(!has_role(&signed_in, ""));
    let plain = check(&rs256(&claims())).unwrap();
    assert!(!has_role(&plain, "sspr-admins"));
    let bad = rs256(&with(json!({ "roles": {"admin": true} })));
    assert_eq!(check(&bad), Err(OidcError::InvalidClaim("roles".into())));
}

#[test]
fn the_jwks_keeps_only_usable_signing_keys() {
    let weak = {
        let mut jwk = rsa_jwk("weak");
        jwk["n"] = json!(b64(&[0xC5; 128])); // 1024 bits
        jwk
    };
    let json = json!({ "keys": [
        rsa_jwk("rsa-1"),
        json!({ "kty": "RSA", "kid": "enc", "use": "enc", "n": rsa_jwk("x")["n"], "e": "AQAB" }),
        json!({ "kty": "oct", "kid": "hmac", "k": "c2VjcmV0" }),
        json!({ "kty": "EC", "kid": "p384", "crv": "P-384", "x": "AA", "y": "AA" }),
        json!({ "kty": "EC", "kid": "bad-point", "crv": "P-256", "x": b64(&[1; 32]), "y": b64(&[2; 32]) }),
        json!("not a key"),
        weak,
    ]})
    .to_string();
    let jwks = Jwks::parse(&json).unwrap();
    assert_eq!(jwks.len(), 1);
    assert!(jwks.has_kid("rsa-1") && !jwks.has_kid("hmac") && !jwks.has_kid("weak"));
    assert!(Jwks::parse("{}").is_err());
    assert!(Jwks::parse("<html>").is_err());
}

#[test]
fn key_id_refuses_hopeless_tokens_before_any_fetch() {
    assert_eq!(key_id(&rs256(&claims())), Ok(Some("rsa-1".into())));
    let input = signing_input(&json!({ "alg": "none" }), &claims());
    assert!(key_id(&format!("{input}.")).is_err());
    assert!(key_id("garbage").is_err());
}

#[test]
fn bearer_credentials_shaped_like_a_jws_are_told_apart() {
    assert!(looks_like_jws(&rs256(&claims())));
    assert!(!looks_like_jws("sspr1.abc"));
    assert!(!looks_like_jws("0123456789abcdef0123456789abcdef"));
    assert!(!looks_like_jws("a.b.c d"));
    assert!(!looks_like_jws("..sig"));
}

#[test]
fn verify_signature_returns_the_kid_and_payload_of_a_jws_its_key_signed() {
    // As an approver phone signs its requests: any JSON payload, its own key as a JWKS of one.
    let phone = p256::ecdsa::SigningKey::from_slice(&[9u8; 32]).unwrap();
    let keys = Jwks::parse(&json!({ "keys": [p256_jwk("device-1", &phone)] }).to_string()).unwrap();
    let payload = json!({ "device": "device-1", "nonce": "n-0123456789abcdef" });
    let signed = es256_with_key("device-1", &phone, &payload);
    let (kid, bytes) = verify_signature(&signed, &keys).unwrap();
    assert_eq!(kid.as_deref(), Some("device-1"));
    assert_eq!(serde_json::from_slice::<Value>(&bytes).unwrap(), payload);
    // Signed by another key, or under another kid: refused.
    let other = p256::ecdsa::SigningKey::from_slice(&[7u8; 32]).unwrap();
    assert_eq!(
        verify_signature(&es256_with_key("device-1", &other, &payload), &keys),
        Err(OidcError::BadSignature)
    );
    assert!(matches!(
        verify_signature(&es256_with_key("device-2", &phone, &payload), &keys),
        Err(OidcError::UnknownKey { .. })
    ));
}
