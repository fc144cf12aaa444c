//! Who may call the admin API: a caller presenting `Authorization: Bearer <ADMIN_TOKEN>`,
//! or, when `OIDC_ADMIN_ROLE` is set, an ID token of the configured issuer carrying that
//! role (verified by [`crate::oidc`]; see [`id_token_route`]).
//! Only the SHA-256 of the token is kept, and a presented token is hashed the same way and
//! compared in constant time, so neither the comparison's timing nor its length reveals how
//! much of a guess was right. Every refusal gets the same reply.

use sha2::{Digest, Sha256};
use sspr_core::api::{ApiError, ErrorCode, Reply};
use subtle::ConstantTimeEq;

use crate::oidc::{self, OidcConfig};

/// The admin API's bearer token, kept as its SHA-256.
#[derive(Clone)]
pub struct AdminToken {
    digest: [u8; 32],
}

impl std::fmt::Debug for AdminToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AdminToken(…)")
    }
}

impl AdminToken {
    pub fn new(token: &[u8]) -> Self {
        AdminToken {
            digest: Sha256::digest(token).into(),
        }
    }

    /// Whether an `Authorization` header value carries this token.
    pub fn matches(&self, authorization: Option<&str>) -> bool {
        let presented = bearer(authorization).unwrap_or("");
        let digest: [u8; 32] = Sha256::digest(presented.as_bytes()).into();
        let same: bool = digest.ct_eq(&self.digest).into();
        same && !presented.is_empty()
    }
}

/// The credential of a `Bearer` authorization header.
pub fn bearer(authorization: Option<&str>) -> Option<&str> {
    authorization
        .and_then(|value| value.trim().split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim())
}

/// When the caller's bearer credential should be checked as an ID token: an issuer is
/// configured with an admin role, and the credential has a JWS's shape. Gives the issuer,
/// the role and the token.
pub fn id_token_route<'a>(
    oidc: Option<&'a OidcConfig>,
    authorization: Option<&'a str>,
) -> Option<(&'a OidcConfig, &'a str, &'a str)> {
    let oidc = oidc?;
    let role = oidc.admin_role.as_deref()?;
    let token = bearer(authorization).filter(|token| oidc::looks_like_jws(token))?;
    Some((oidc, role, token))
}

/// Lets an admin call through, or gives the one reply every refusal gets (missing header,
/// another scheme, a wrong token, or no `ADMIN_TOKEN` configured).
#[allow(clippy::result_large_err)] // a reply travels by value once per request
pub fn authorize(token: Option<&AdminToken>, authorization: Option<&str>) -> Result<(), Reply> {
    if token.is_some_and(|token| token.matches(authorization)) {
        Ok(())
    } else {
        Err(Reply::error(ApiError::new(
            ErrorCode::Unauthenticated,
            "send the admin token as Authorization: Bearer <token>",
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = "0123456789abcdef0123456789abcdef";

    fn token() -> AdminToken {
        AdminToken::new(TOKEN.as_bytes())
    }

    #[test]
    fn the_right_bearer_token_is_let_through() {
        let header = format!("Bearer {TOKEN}");
        assert_eq!(authorize(Some(&token()), Some(&header)), Ok(()));
        assert!(token().matches(Some(&format!("bearer  {TOKEN} "))));
    }

    #[test]
    fn missing_wrong_and_other_scheme_tokens_get_the_same_refusal() {
        let refusals: Vec<Reply> = [
            None,
            Some(String::new()),
            Some("Bearer".to_owned()),
            Some("Bearer ".to_owned()),
            Some(format!("Bearer {}", &TOKEN[..31])),
            Some(format!("Bearer {TOKEN}x")),
            Some(format!("Basic {TOKEN}")),
            Some(TOKEN.to_owned()),
        ]
        .iter()
        .map(|header| authorize(Some(&token()), header.as_deref()).unwrap_err())
        .collect();
        assert_eq!(refusals[0].status(), 401);
        assert_eq!(
            refusals[0].error.as_ref().unwrap().code,
            ErrorCode::Unauthenticated
        );
        assert!(refusals.iter().all(|r| *r == refusals[0]));
    }

    #[test]
    fn without_a_configured_token_everyone_is_refused() {
        let header = format!("Bearer {TOKEN}");
        assert!(authorize(None, Some(&header)).is_err());
        assert!(authorize(None, Some("Bearer ")).is_err());
    }

    fn oidc(admin_role: Option<&str>) -> OidcConfig {
        OidcConfig {
            settings: oidc::OidcSettings {
                issuer: "https://login.example.com".into(),
                client_id: "sspr".into(),
                username_claim: "preferred_username".into(),
            },
            jwks_url: None,
            admin_role: admin_role.map(str::to_owned),
        }
    }

    #[test]
    fn only_a_jws_is_checked_as_an_id_token_and_only_with_an_admin_role() {
        let jws = "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln";
        let with_role = oidc(Some("sspr-admins"));
        let (_, role, token) = id_token_route(Some(&with_role), Some(jws)).unwrap();
        assert_eq!(role, "sspr-admins");
        assert_eq!(token, "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln");
        assert!(id_token_route(Some(&oidc(None)), Some(jws)).is_none());
        assert!(id_token_route(None, Some(jws)).is_none());
        let admin_token = format!("Bearer {TOKEN}");
        assert!(id_token_route(Some(&with_role), Some(&admin_token)).is_none());
        assert!(id_token_route(Some(&with_role), Some("Basic a.b.c")).is_none());
    }

    #[test]
    fn the_token_is_not_printed() {
        assert!(!format!("{:?}", token()).contains("0123"));
    }
}
