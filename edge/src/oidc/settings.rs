//! The OpenID Connect settings (`OIDC_ISSUER`, `OIDC_CLIENT_ID`, `OIDC_JWKS_URL`,
//! `OIDC_USERNAME_CLAIM`, `OIDC_ADMIN_ROLE`), parsed like the rest of [`crate::config`]:
//! a plain function over a lookup, each bad value named.

use worker::Url;

use crate::config::ConfigError;

/// Default of `OIDC_USERNAME_CLAIM`.
pub const DEFAULT_USERNAME_CLAIM: &str = "preferred_username";

/// What [`super::verify`] checks a token against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OidcSettings {
    /// The issuer, exactly as its tokens' `iss` says it (`OIDC_ISSUER`).
    pub issuer: String,
    /// This deployment's client id, which a token's `aud` must hold (`OIDC_CLIENT_ID`).
    pub client_id: String,
    /// The claim that holds the username (`OIDC_USERNAME_CLAIM`, default
    /// `preferred_username`).
    pub username_claim: String,
}

/// The OpenID Connect configuration: the settings, where the keys are, and the admin role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OidcConfig {
    pub settings: OidcSettings,
    /// The JWKS URL (`OIDC_JWKS_URL`); without it the issuer's discovery document
    /// (`{OIDC_ISSUER}/.well-known/openid-configuration`) names it.
    pub jwks_url: Option<String>,
    /// A `roles` or `groups` claim value that lets an ID token call the admin API
    /// (`OIDC_ADMIN_ROLE`); without it no ID token can.
    pub admin_role: Option<String>,
}

impl OidcConfig {
    /// The discovery document's URL.
    pub fn discovery_url(&self) -> String {
        format!(
            "{}/.well-known/openid-configuration",
            self.settings.issuer.trim_end_matches('/')
        )
    }
}

/// The OpenID Connect configuration, or `None` when `OIDC_ISSUER` is unset (then no other
/// `OIDC_*` setting may be set: a half configuration is a mistake worth naming).
pub fn from_lookup(
    lookup: &impl Fn(&str) -> Option<String>,
) -> Result<Option<OidcConfig>, ConfigError> {
    let value = |name: &str| crate::config::setting(lookup, name);
    let Some(issuer) = value("OIDC_ISSUER") else {
        return match [
            "OIDC_CLIENT_ID",
            "OIDC_JWKS_URL",
            "OIDC_USERNAME_CLAIM",
            "OIDC_ADMIN_ROLE",
        ]
        .into_iter()
        .find(|name| value(name).is_some())
        {
            Some(_) => Err(ConfigError::Missing("OIDC_ISSUER")),
            None => Ok(None),
        };
    };
    // Kept exactly as given: `iss` is compared as a string, trailing slash and all.
    check_url("OIDC_ISSUER", &issuer, true)?;
    let client_id = value("OIDC_CLIENT_ID").ok_or(ConfigError::Missing("OIDC_CLIENT_ID"))?;
    let jwks_url = value("OIDC_JWKS_URL");
    if let Some(url) = &jwks_url {
        check_url("OIDC_JWKS_URL", url, false)?;
    }
    let username_claim =
        value("OIDC_USERNAME_CLAIM").unwrap_or_else(|| DEFAULT_USERNAME_CLAIM.to_owned());
    if username_claim.len() > 64 || username_claim.chars().any(|c| c.is_whitespace()) {
        return Err(ConfigError::Invalid {
            name: "OIDC_USERNAME_CLAIM",
            reason: format!("expected a claim name, got {username_claim:?}"),
        });
    }
    Ok(Some(OidcConfig {
        settings: OidcSettings {
            issuer,
            client_id,
            username_claim,
        },
        jwks_url,
        admin_role: value("OIDC_ADMIN_ROLE"),
    }))
}

/// An https URL, or http to this machine (a local provider in tests and the demo). An
/// issuer identifier has no query or fragment (OpenID Connect Discovery §2).
pub fn check_url(name: &'static str, value: &str, issuer: bool) -> Result<(), ConfigError> {
    let invalid = |reason: String| ConfigError::Invalid { name, reason };
    let url = Url::parse(value).map_err(|err| invalid(format!("{value:?} is not a URL: {err}")))?;
    let local = matches!(url.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"));
    match url.scheme() {
        "https" => {}
        "http" if local => {}
        _ => {
            return Err(invalid(format!(
                "expected an https URL (http only for 127.0.0.1 or localhost), got {value:?}"
            )));
        }
    }
    if issuer && (url.query().is_some() || url.fragment().is_some()) {
        return Err(invalid(format!(
            "an issuer has no query or fragment, got {value:?}"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse(vars: &[(&str, &str)]) -> Result<Option<OidcConfig>, ConfigError> {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        from_lookup(&|name: &str| vars.get(name).cloned())
    }

    #[test]
    fn without_an_issuer_oidc_is_off() {
        assert_eq!(parse(&[]), Ok(None));
        assert_eq!(parse(&[("OIDC_ISSUER", "  ")]), Ok(None));
    }

    #[test]
    fn an_issuer_needs_a_client_id_and_defaults_the_rest() {
        let issuer = ("OIDC_ISSUER", "https://login.example.com/");
        assert_eq!(
            parse(&[issuer]),
            Err(ConfigError::Missing("OIDC_CLIENT_ID"))
        );
        let config = parse(&[issuer, ("OIDC_CLIENT_ID", " sspr ")])
            .unwrap()
            .unwrap();
        assert_eq!(
            config.settings,
            OidcSettings {
                issuer: "https://login.example.com/".into(),
                client_id: "sspr".into(),
                username_claim: "preferred_username".into(),
            }
        );
        assert_eq!(config.jwks_url, None);
        assert_eq!(config.admin_role, None);
        assert_eq!(
            config.discovery_url(),
            "https://login.example.com/.well-known/openid-configuration"
        );
    }

    #[test]
    fn other_oidc_settings_without_an_issuer_name_the_issuer() {
        assert_eq!(
            parse(&[("OIDC_CLIENT_ID", "sspr")]),
            Err(ConfigError::Missing("OIDC_ISSUER"))
        );
        assert_eq!(
            parse(&[("OIDC_ADMIN_ROLE", "sspr-admins")]),
            Err(ConfigError::Missing("OIDC_ISSUER"))
        );
    }

    #[test]
    fn urls_are_https_or_http_to_this_machine() {
        for (name, url, ok) in [
            ("OIDC_ISSUER", "https://login.example.com", true),
            ("OIDC_ISSUER", "http://127.0.0.1:3000", true),
            ("OIDC_ISSUER", "http://localhost:3000/realms/x", true),
            ("OIDC_ISSUER", "http://login.example.com", false),
            ("OIDC_ISSUER", "login.example.com", false),
            ("OIDC_ISSUER", "https://login.example.com/?tenant=x", false),
            ("OIDC_ISSUER", "ftp://login.example.com", false),
            ("OIDC_JWKS_URL", "https://login.example.com/keys", true),
            ("OIDC_JWKS_URL", "http://10.0.0.1/keys", false),
        ] {
            let result = parse(&[
                ("OIDC_ISSUER", "https://login.example.com"),
                ("OIDC_CLIENT_ID", "sspr"),
                (name, url),
            ]);
            match result {
                Ok(Some(_)) => assert!(ok, "{name}={url} was accepted"),
                Err(ConfigError::Invalid { name: named, .. }) => {
                    assert!(!ok, "{name}={url} was refused");
                    assert_eq!(named, name);
                }
                other => panic!("{name}={url}: {other:?}"),
            }
        }
    }

    #[test]
    fn the_username_claim_and_admin_role_are_read() {
        let config = parse(&[
            ("OIDC_ISSUER", "https://login.example.com"),
            ("OIDC_CLIENT_ID", "sspr"),
            ("OIDC_USERNAME_CLAIM", "upn"),
            ("OIDC_ADMIN_ROLE", "sspr-admins"),
            ("OIDC_JWKS_URL", "https://login.example.com/keys"),
        ])
        .unwrap()
        .unwrap();
        assert_eq!(config.settings.username_claim, "upn");
        assert_eq!(config.admin_role.as_deref(), Some("sspr-admins"));
        assert_eq!(
            config.jwks_url.as_deref(),
            Some("https://login.example.com/keys")
        );
        assert!(matches!(
            parse(&[
                ("OIDC_ISSUER", "https://login.example.com"),
                ("OIDC_CLIENT_ID", "sspr"),
                ("OIDC_USERNAME_CLAIM", "user name"),
            ]),
            Err(ConfigError::Invalid {
                name: "OIDC_USERNAME_CLAIM",
                ..
            })
        ));
    }
}
