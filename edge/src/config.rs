//! The edge's configuration, read from Worker variables and secrets (in `wrangler dev`, from
//! `--var` flags or `.dev.vars`). Parsing is a plain function over a lookup so it is tested
//! natively; every missing or malformed value is named in the error.

use sspr_core::policy::Policy;

use crate::admin_auth::AdminToken;

/// Everything the edge needs to run.
#[derive(Clone)]
pub struct Config {
    /// Origins of the pages allowed to embed the widget (`ALLOWED_ORIGINS`, comma-separated).
    pub allowed_origins: Vec<String>,
    /// Key of the HMAC that stores codes (`CODE_HMAC_KEY`, secret, ≥ 32 bytes).
    pub code_key: Vec<u8>,
    /// The signed-webhook identity backend (`IDENTITY_WEBHOOK_URL`, `IDENTITY_WEBHOOK_SECRET`).
    pub webhook_url: String,
    pub webhook_secret: Vec<u8>,
    /// The email provider: a Resend-compatible API (`EMAIL_API_URL`, `EMAIL_API_KEY`, `EMAIL_FROM`).
    pub email_api_url: String,
    pub email_api_key: String,
    pub email_from: String,
    /// The domain decoy masks pretend to send to (`DECOY_EMAIL_DOMAIN`).
    pub decoy_domain: String,
    /// Tenant name, part of every Durable Object name (`TENANT`).
    pub tenant: String,
    /// The SSPR policy (`POLICY`, a TOML document; the defaults when unset).
    pub policy: Policy,
    /// Key of the HMACs that stand for client IPs and unknown usernames in the audit log
    /// (`AUDIT_HASH_KEY`, secret, ≥ 32 bytes).
    pub audit_hash_key: Vec<u8>,
    /// Days audit events are kept (`AUDIT_RETENTION_DAYS`, 1–3650, default 365).
    pub audit_retention_days: u16,
    /// The admin API's bearer token (`ADMIN_TOKEN`, secret, ≥ 32 bytes); the admin API
    /// refuses every call when it is unset.
    pub admin_token: Option<AdminToken>,
}

/// Default of `AUDIT_RETENTION_DAYS`.
pub const DEFAULT_RETENTION_DAYS: u16 = 365;
/// Allowed range of `AUDIT_RETENTION_DAYS`.
pub const RETENTION_DAYS: std::ops::RangeInclusive<u16> = 1..=3650;

/// A configuration value that is missing or malformed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("{0} is not set")]
    Missing(&'static str),
    #[error("{name} is invalid: {reason}")]
    Invalid { name: &'static str, reason: String },
}

impl Config {
    pub fn from_env(env: &worker::Env) -> Result<Config, ConfigError> {
        Config::from_lookup(|name| env.secret(name).ok().map(|value| value.to_string()))
    }

    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let required = |name: &'static str| {
            lookup(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
                .ok_or(ConfigError::Missing(name))
        };
        let optional = |name: &'static str, default: &str| {
            lookup(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| default.to_owned())
        };
        let secret = |name: &'static str| {
            let value = required(name)?;
            if value.len() < 32 {
                return Err(ConfigError::Invalid {
                    name,
                    reason: format!(
                        "use at least 32 characters of random data, got {}",
                        value.len()
                    ),
                });
            }
            Ok(value.into_bytes())
        };
        let url = |name: &'static str| {
            let value = required(name)?;
            if value.starts_with("https://") || value.starts_with("http://") {
                Ok(value.trim_end_matches('/').to_owned())
            } else {
                Err(ConfigError::Invalid {
                    name,
                    reason: format!("expected an http(s) URL, got {value:?}"),
                })
            }
        };
        let retention = optional("AUDIT_RETENTION_DAYS", &DEFAULT_RETENTION_DAYS.to_string());
        let audit_retention_days = retention
            .parse::<u16>()
            .ok()
            .filter(|days| RETENTION_DAYS.contains(days))
            .ok_or_else(|| ConfigError::Invalid {
                name: "AUDIT_RETENTION_DAYS",
                reason: format!(
                    "expected a whole number of days from {} to {}, got {retention:?}",
                    RETENTION_DAYS.start(),
                    RETENTION_DAYS.end()
                ),
            })?;
        let admin_token = match lookup("ADMIN_TOKEN").filter(|v| !v.trim().is_empty()) {
            Some(_) => Some(AdminToken::new(&secret("ADMIN_TOKEN")?)),
            None => None,
        };
        let allowed_origins = optional("ALLOWED_ORIGINS", "")
            .split(',')
            .map(|o| o.trim().trim_end_matches('/').to_owned())
            .filter(|o| !o.is_empty())
            .collect();
        Ok(Config {
            allowed_origins,
            code_key: secret("CODE_HMAC_KEY")?,
            webhook_url: url("IDENTITY_WEBHOOK_URL")?,
            webhook_secret: secret("IDENTITY_WEBHOOK_SECRET")?,
            email_api_url: url("EMAIL_API_URL")?,
            email_api_key: required("EMAIL_API_KEY")?,
            email_from: required("EMAIL_FROM")?,
            decoy_domain: optional("DECOY_EMAIL_DOMAIN", "example.com"),
            tenant: optional("TENANT", "default"),
            policy: match lookup("POLICY").filter(|text| !text.trim().is_empty()) {
                Some(text) => Policy::parse(&text).map_err(|err| ConfigError::Invalid {
                    name: "POLICY",
                    reason: err.to_string(),
                })?,
                None => Policy::default(),
            },
            audit_hash_key: secret("AUDIT_HASH_KEY")?,
            audit_retention_days,
            admin_token,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn vars() -> HashMap<&'static str, String> {
        HashMap::from([
            (
                "ALLOWED_ORIGINS",
                "https://login.example.com/, http://127.0.0.1:8080".into(),
            ),
            ("CODE_HMAC_KEY", "k".repeat(32)),
            (
                "IDENTITY_WEBHOOK_URL",
                "https://idp.example.com/sspr/".into(),
            ),
            ("IDENTITY_WEBHOOK_SECRET", "s".repeat(32)),
            ("EMAIL_API_URL", "https://api.resend.com".into()),
            ("EMAIL_API_KEY", "re_123".into()),
            ("EMAIL_FROM", "Contoso <no-reply@contoso.example>".into()),
            ("AUDIT_HASH_KEY", "h".repeat(32)),
        ])
    }

    fn parse(vars: &HashMap<&'static str, String>) -> Result<Config, ConfigError> {
        Config::from_lookup(|name| vars.get(name).cloned())
    }

    #[test]
    fn a_complete_configuration_parses_with_defaults() {
        let config = parse(&vars()).unwrap();
        assert_eq!(
            config.allowed_origins,
            ["https://login.example.com", "http://127.0.0.1:8080"]
        );
        assert_eq!(config.webhook_url, "https://idp.example.com/sspr");
        assert_eq!(config.tenant, "default");
        assert_eq!(config.audit_retention_days, 365);
        assert!(
            config.admin_token.is_none(),
            "the admin API is off by default"
        );
    }

    #[test]
    fn the_retention_is_one_day_to_ten_years() {
        for (value, expected) in [("1", Some(1)), ("3650", Some(3650)), (" 90 ", Some(90))] {
            let mut vars = vars();
            vars.insert("AUDIT_RETENTION_DAYS", value.into());
            assert_eq!(
                parse(&vars).ok().map(|c| c.audit_retention_days),
                expected,
                "{value}"
            );
        }
        for value in ["0", "3651", "-1", "a year", "36.5"] {
            let mut vars = vars();
            vars.insert("AUDIT_RETENTION_DAYS", value.into());
            let err = parse(&vars).err().unwrap().to_string();
            assert!(
                err.contains("AUDIT_RETENTION_DAYS") && err.contains("1 to 3650"),
                "{value}: {err}"
            );
        }
    }

    #[test]
    fn the_admin_token_and_the_audit_key_are_secrets_of_32_characters() {
        let mut vars = vars();
        vars.insert("ADMIN_TOKEN", "short".into());
        assert!(matches!(
            parse(&vars),
            Err(ConfigError::Invalid {
                name: "ADMIN_TOKEN",
                ..
            })
        ));
        vars.insert("ADMIN_TOKEN", "t".repeat(32));
        let token = parse(&vars).unwrap().admin_token.unwrap();
        assert!(token.matches(Some(&format!("Bearer {}", "t".repeat(32)))));
        vars.remove("AUDIT_HASH_KEY");
        assert_eq!(
            parse(&vars).err(),
            Some(ConfigError::Missing("AUDIT_HASH_KEY"))
        );
    }

    #[test]
    fn a_missing_secret_is_named() {
        let mut vars = vars();
        vars.remove("CODE_HMAC_KEY");
        assert_eq!(
            parse(&vars).err(),
            Some(ConfigError::Missing("CODE_HMAC_KEY"))
        );
    }

    #[test]
    fn a_short_secret_is_refused() {
        let mut vars = vars();
        vars.insert("IDENTITY_WEBHOOK_SECRET", "short".into());
        assert!(matches!(
            parse(&vars),
            Err(ConfigError::Invalid {
                name: "IDENTITY_WEBHOOK_SECRET",
                ..
            })
        ));
    }

    #[test]
    fn the_policy_comes_from_policy_or_defaults() {
        assert_eq!(parse(&vars()).unwrap().policy, Policy::default());
        let mut vars = vars();
        vars.insert("POLICY", "organization = { name = \"Contoso\" }".into());
        assert_eq!(parse(&vars).unwrap().policy.organization.name, "Contoso");
    }

    #[test]
    fn an_invalid_policy_names_its_field() {
        let mut vars = vars();
        vars.insert("POLICY", "[codes]\ndigits = 4".into());
        let err = parse(&vars).err().unwrap().to_string();
        assert!(
            err.contains("POLICY") && err.contains("codes.digits = 4"),
            "{err}"
        );
    }

    #[test]
    fn a_url_without_scheme_is_refused() {
        let mut vars = vars();
        vars.insert("EMAIL_API_URL", "api.resend.com".into());
        assert!(matches!(
            parse(&vars),
            Err(ConfigError::Invalid {
                name: "EMAIL_API_URL",
                ..
            })
        ));
    }
}
