//! The connector's configuration: one TOML file (see `writeback/writeback.example.toml`),
//! with secrets taken from the environment so the file itself holds none.
//!
//! Everything is checked when the file is read, and every problem names its field, so a
//! connector that starts is a connector that can serve.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use serde::Deserialize;

/// The whole file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Where sspr's requests come in, e.g. `0.0.0.0:8443`.
    pub listen: SocketAddr,
    /// The environment variable that holds the shared secret: the edge's
    /// `IDENTITY_WEBHOOK_SECRET`, at least 32 characters.
    #[serde(default = "default_secret_env")]
    pub secret_env: String,
    /// Where operations applied are journalled, so a retried change is applied at most once,
    /// even across restarts.
    pub state_dir: PathBuf,
    /// HTTPS, optionally with client certificates. Without it the connector serves plain HTTP,
    /// which is allowed on a loopback address only (behind a tunnel such as `cloudflared`).
    #[serde(default)]
    pub tls: Option<TlsConfig>,
    /// The directory.
    pub directory: DirectoryConfig,
}

/// The connector's own certificate, and the CA whose client certificates it requires.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TlsConfig {
    /// PEM certificate chain, leaf first.
    pub certificate: PathBuf,
    /// PEM private key (PKCS#8, PKCS#1 or SEC1).
    pub key: PathBuf,
    /// PEM CA certificates: when set, only callers with a client certificate issued by one of
    /// them get through the handshake (mutual TLS).
    #[serde(default)]
    pub client_ca: Option<PathBuf>,
}

/// Which kind of directory: the two speak different dialects for passwords and lockouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DirectoryKind {
    /// OpenLDAP (or another RFC 3062 server) with the ppolicy overlay.
    Openldap,
    /// Microsoft Active Directory (or Samba AD).
    ActiveDirectory,
}

/// How to reach and read the directory.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DirectoryConfig {
    pub kind: DirectoryKind,
    /// `ldaps://host:636` or `ldap://host:389` (with `starttls = true` for anything but a
    /// local test directory: Active Directory refuses password changes in clear).
    pub url: String,
    #[serde(default)]
    pub starttls: bool,
    /// PEM CA certificates the directory's certificate is checked against, instead of the
    /// system's.
    #[serde(default)]
    pub ca_certificate: Option<PathBuf>,
    /// The service account the connector binds as (never the rootdn: OpenLDAP's password
    /// policy does not apply to it).
    pub bind_dn: String,
    /// The environment variable that holds the service account's password.
    #[serde(default = "default_bind_password_env")]
    pub bind_password_env: String,
    /// Where users are searched (subtree).
    pub base_dn: String,
    /// The search filter for a username; `{username}` is replaced by the escaped username.
    /// Default: `(&(objectClass=inetOrgPerson)(uid={username}))` for OpenLDAP,
    /// `(&(objectCategory=person)(objectClass=user)(sAMAccountName={username}))` for AD.
    #[serde(default)]
    pub user_filter: Option<String>,
    /// Where groups are: searched for a user's memberships when entries carry no `memberOf`
    /// (OpenLDAP without the memberof overlay), and for the groups that hold those groups
    /// (nesting). Default: no search, direct `memberOf` only.
    #[serde(default)]
    pub group_base_dn: Option<String>,
    /// Members of these groups (DNs) are administrators: sspr applies its two-method policy.
    #[serde(default)]
    pub admin_groups: Vec<String>,
    /// Seconds each directory operation may take.
    #[serde(default = "default_timeout_secs")]
    pub timeout_secs: u64,
    /// OpenLDAP: after a reset, set `shadowLastChange` (days since 1970-01-01) on entries of
    /// the `shadowAccount` class, as `passwd` does, so PAM and sssd reading the shadow
    /// attributes do not take the new password for an old one. Default: off.
    #[serde(default)]
    pub update_shadow_last_change: bool,
    /// Attribute names.
    #[serde(default)]
    pub attributes: Attributes,
}

/// The attributes the user's details come from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Attributes {
    pub email: String,
    pub phone: String,
    pub display_name: String,
    pub language: String,
}

impl Default for Attributes {
    fn default() -> Self {
        Attributes {
            email: "mail".into(),
            phone: "mobile".into(),
            display_name: "displayName".into(),
            language: "preferredLanguage".into(),
        }
    }
}

fn default_secret_env() -> String {
    "SSPR_WRITEBACK_SECRET".into()
}

fn default_bind_password_env() -> String {
    "SSPR_WRITEBACK_BIND_PASSWORD".into()
}

fn default_timeout_secs() -> u64 {
    10
}

/// Why the configuration cannot be used; each names the field or variable to fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: {reason}")]
    File { path: String, reason: String },
    #[error("{field}: {reason}")]
    Invalid { field: &'static str, reason: String },
    #[error("environment variable {name} {reason} ({field} names it)")]
    Environment {
        name: String,
        field: &'static str,
        reason: &'static str,
    },
}

/// The configuration with its secrets read: what the connector runs on.
#[derive(Clone)]
pub struct Loaded {
    pub config: Config,
    /// The request-signing secret, as bytes of the variable's text (the edge does the same).
    pub secret: Vec<u8>,
    pub bind_password: String,
}

impl std::fmt::Debug for Loaded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Loaded")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

impl Config {
    /// Parses and checks a configuration file's text.
    ///
    /// ```
    /// let config = sspr_writeback::config::Config::parse(r#"
    /// listen = "127.0.0.1:8443"
    /// state_dir = "/var/lib/sspr-writeback"
    /// [directory]
    /// kind = "openldap"
    /// url = "ldaps://ldap.example.com"
    /// bind_dn = "cn=sspr,ou=services,dc=example,dc=com"
    /// base_dn = "ou=people,dc=example,dc=com"
    /// "#).unwrap();
    /// assert!(config.user_filter().contains("(uid={username})"));
    /// ```
    pub fn parse(text: &str) -> Result<Config, ConfigError> {
        let config: Config = toml::from_str(text).map_err(|err| ConfigError::File {
            path: "configuration".into(),
            reason: err.message().to_owned()
                + &err
                    .span()
                    .map(|span| format!(" (line {})", line_of(text, span.start)))
                    .unwrap_or_default(),
        })?;
        config.check()?;
        Ok(config)
    }

    fn check(&self) -> Result<(), ConfigError> {
        let invalid = |field, reason: &str| {
            Err(ConfigError::Invalid {
                field,
                reason: reason.to_owned(),
            })
        };
        if self.tls.is_none() && !self.listen.ip().is_loopback() {
            return invalid(
                "listen",
                "plain HTTP is only allowed on a loopback address; add a [tls] section or listen on 127.0.0.1 behind a tunnel",
            );
        }
        let directory = &self.directory;
        let url = directory.url.to_ascii_lowercase();
        let ldaps = url.starts_with("ldaps://");
        if !ldaps && !url.starts_with("ldap://") {
            return invalid("directory.url", "must start with ldaps:// or ldap://");
        }
        if ldaps && directory.starttls {
            return invalid(
                "directory.starttls",
                "StartTLS is for ldap:// URLs; an ldaps:// URL is already encrypted",
            );
        }
        if directory.kind == DirectoryKind::ActiveDirectory && !ldaps && !directory.starttls {
            return invalid(
                "directory.url",
                "Active Directory only takes passwords over an encrypted connection: use ldaps:// or starttls = true",
            );
        }
        if directory.bind_dn.trim().is_empty() {
            return invalid("directory.bind_dn", "must name the service account");
        }
        if directory.base_dn.trim().is_empty() {
            return invalid("directory.base_dn", "must name where users are");
        }
        if !self.user_filter().contains("{username}") {
            return invalid(
                "directory.user_filter",
                "must contain {username}, where the escaped username goes",
            );
        }
        if !(1..=120).contains(&directory.timeout_secs) {
            return invalid("directory.timeout_secs", "must be between 1 and 120");
        }
        if directory.update_shadow_last_change && directory.kind == DirectoryKind::ActiveDirectory {
            return invalid(
                "directory.update_shadow_last_change",
                "is for OpenLDAP's shadowAccount entries; Active Directory keeps pwdLastSet itself",
            );
        }
        for name in [
            &directory.attributes.email,
            &directory.attributes.phone,
            &directory.attributes.display_name,
            &directory.attributes.language,
        ] {
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                return invalid(
                    "directory.attributes",
                    &format!("{name:?} is not an attribute name (letters, digits and '-')"),
                );
            }
        }
        Ok(())
    }

    /// The user search filter, the configured one or the directory kind's default.
    pub fn user_filter(&self) -> String {
        self.directory
            .user_filter
            .clone()
            .unwrap_or_else(|| match self.directory.kind {
                DirectoryKind::Openldap => "(&(objectClass=inetOrgPerson)(uid={username}))".into(),
                DirectoryKind::ActiveDirectory => {
                    "(&(objectCategory=person)(objectClass=user)(sAMAccountName={username}))".into()
                }
            })
    }

    /// How long one directory operation may take.
    pub fn timeout(&self) -> Duration {
        Duration::from_secs(self.directory.timeout_secs)
    }

    /// Reads the secrets the file names from `lookup` (the process environment in `main`).
    pub fn load(self, lookup: impl Fn(&str) -> Option<String>) -> Result<Loaded, ConfigError> {
        let secret = lookup(&self.secret_env).ok_or_else(|| ConfigError::Environment {
            name: self.secret_env.clone(),
            field: "secret_env",
            reason: "is not set",
        })?;
        if secret.len() < 32 {
            return Err(ConfigError::Environment {
                name: self.secret_env.clone(),
                field: "secret_env",
                reason: "must hold at least 32 characters of random data",
            });
        }
        let bind_password = lookup(&self.directory.bind_password_env)
            .filter(|p| !p.is_empty())
            .ok_or_else(|| ConfigError::Environment {
                name: self.directory.bind_password_env.clone(),
                field: "directory.bind_password_env",
                reason: "is not set",
            })?;
        Ok(Loaded {
            config: self,
            secret: secret.into_bytes(),
            bind_password,
        })
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
listen = "127.0.0.1:8443"
state_dir = "/tmp/sspr"
[directory]
kind = "openldap"
url = "ldap://127.0.0.1:3389"
bind_dn = "cn=sspr,dc=example,dc=com"
base_dn = "ou=people,dc=example,dc=com"
"#;

    fn with(extra: &str, replace: (&str, &str)) -> Result<Config, ConfigError> {
        Config::parse(&format!("{}{extra}", MINIMAL.replace(replace.0, replace.1)))
    }

    #[test]
    fn a_minimal_file_gets_the_kinds_defaults() {
        let config = Config::parse(MINIMAL).unwrap();
        assert_eq!(config.directory.attributes.email, "mail");
        assert_eq!(config.timeout(), Duration::from_secs(10));
        assert_eq!(config.secret_env, "SSPR_WRITEBACK_SECRET");
    }

    #[test]
    fn the_example_file_is_valid() {
        let config = Config::parse(include_str!("../writeback.example.toml")).unwrap();
        assert_eq!(config.directory.kind, DirectoryKind::ActiveDirectory);
        assert!(config.user_filter().contains("sAMAccountName={username}"));
    }

    #[test]
    fn plain_http_beyond_loopback_is_refused() {
        let err = with("", ("127.0.0.1:8443", "0.0.0.0:8443")).unwrap_err();
        assert!(
            matches!(
                err,
                ConfigError::Invalid {
                    field: "listen",
                    ..
                }
            ),
            "{err}"
        );
    }

    #[test]
    fn active_directory_in_clear_is_refused() {
        let err = with("", ("openldap", "active_directory")).unwrap_err();
        assert!(
            matches!(
                err,
                ConfigError::Invalid {
                    field: "directory.url",
                    ..
                }
            ),
            "{err}"
        );
        assert!(with("starttls = true\n", ("openldap", "active_directory")).is_ok());
    }

    #[test]
    fn shadow_last_change_is_for_openldap_only() {
        let setting = "update_shadow_last_change = true\n";
        assert!(with(setting, ("", "")).is_ok());
        let err = with(
            &format!("{setting}starttls = true\n"),
            ("openldap", "active_directory"),
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .contains("directory.update_shadow_last_change"),
            "{err}"
        );
    }

    #[test]
    fn an_unknown_field_is_named_with_its_line() {
        let err = with("colour = \"blue\"\n", ("", "")).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("colour") && text.contains("line 9"), "{text}");
    }

    #[test]
    fn a_filter_without_the_username_is_refused() {
        let err = with("user_filter = \"(uid=alice)\"\n", ("", "")).unwrap_err();
        assert!(matches!(
            err,
            ConfigError::Invalid {
                field: "directory.user_filter",
                ..
            }
        ));
    }

    #[test]
    fn secrets_come_from_the_environment_and_are_checked() {
        let config = Config::parse(MINIMAL).unwrap();
        let err = config.clone().load(|_| None).unwrap_err();
        assert!(
            err.to_string().contains("SSPR_WRITEBACK_SECRET is not set"),
            "{err}"
        );
        let short = config.clone().load(|_| Some("short".into())).unwrap_err();
        assert!(short.to_string().contains("at least 32"), "{short}");
        let loaded = config
            .load(|name| {
                Some(if name.contains("SECRET") {
                    "s".repeat(32)
                } else {
                    "pw".into()
                })
            })
            .unwrap();
        assert_eq!(loaded.bind_password, "pw");
        assert!(
            !format!("{loaded:?}").contains("sss"),
            "secrets stay out of Debug"
        );
    }
}
