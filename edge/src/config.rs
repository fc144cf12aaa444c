//! The edge's configuration, read from Worker variables and secrets (in `wrangler dev`, from
//! `--var` flags or `.dev.vars`). Parsing is a plain function over a lookup so it is tested
//! natively; every missing or malformed value is named in the error.

use sspr_core::outbox::RetryPolicy;
use sspr_core::policy::{Method, Policy};

use crate::identity::graph_assertion::{CertificateCredential, CredentialError};

use crate::admin_auth::AdminToken;
use crate::oidc::OidcConfig;
use crate::sealed::SealingKeys;
use crate::turnstile::TurnstileConfig;

/// Everything the edge needs to run.
#[derive(Clone)]
pub struct Config {
    /// Origins of the pages allowed to embed the widget (`ALLOWED_ORIGINS`, comma-separated).
    pub allowed_origins: Vec<String>,
    /// Key of the HMAC that stores codes (`CODE_HMAC_KEY`, secret, ≥ 32 bytes).
    pub code_key: Vec<u8>,
    /// The identity backend `IDENTITY_BACKEND` names, with its settings.
    pub identity: IdentityConfig,
    /// The email provider (`EMAIL_PROVIDER`): a Resend-compatible API, or the organisation's
    /// own relay behind a signed webhook.
    pub email: EmailProvider,
    /// The sender of every email (`EMAIL_FROM`, `Name <address>`).
    pub email_from: String,
    /// The domain decoy masks pretend to send to (`DECOY_EMAIL_DOMAIN`).
    pub decoy_domain: String,
    /// The country code decoy phone masks show (`DECOY_PHONE_COUNTRY_CODE`, default `1`): the
    /// one most users' numbers have, so a decoy's mask looks like theirs.
    pub decoy_country_code: String,
    /// Tenant name, part of every Durable Object name (`TENANT`).
    pub tenant: String,
    /// The SSPR policy in force: the newest saved through the admin API (see
    /// [`crate::policy_store`]), else `POLICY` (a TOML document), else the defaults.
    pub policy: Policy,
    /// Its version: 0 for `POLICY` or the defaults, else the saved version.
    pub policy_version: u32,
    /// `POLICY` as written, when set.
    pub policy_document: Option<String>,
    /// Key of the HMACs that stand for client IPs and unknown usernames in the audit log
    /// (`AUDIT_HASH_KEY`, secret, ≥ 32 bytes).
    pub audit_hash_key: Vec<u8>,
    /// Days audit events are kept (`AUDIT_RETENTION_DAYS`, 1–3650, default 365).
    pub audit_retention_days: u16,
    /// The admin API's bearer token (`ADMIN_TOKEN`, secret, ≥ 32 bytes); the admin API
    /// refuses every call when it is unset.
    pub admin_token: Option<AdminToken>,
    /// The SMS provider, a Twilio-compatible Messages API; `None` when none of its settings
    /// is set, which is allowed only when `POLICY` does not allow the `sms_code` method.
    pub sms: Option<SmsConfig>,
    /// How the outbox retries the final change (`OUTBOX_BASE_DELAY_MS`, see [`outbox_policy`]).
    pub outbox: RetryPolicy,
    /// The key of the sign-in tickets the host's backend mints for the registration routes
    /// (`REGISTRATION_TICKET_KEY`, secret, ≥ 32 bytes); tickets are refused when it is unset.
    pub registration_ticket_key: Option<Vec<u8>>,
    /// The keys what users register is encrypted with (`REGISTRATION_KEYS`, secret,
    /// `1:<base64 of 32 bytes>,2:<…>`: the newest version encrypts, every listed one
    /// decrypts). Registration refuses every caller when it is unset.
    pub registration_keys: Option<SealingKeys>,
    /// The approver page's URL (`APPROVER_URL`, http(s)): pairing codes are shown as a QR
    /// code of `<APPROVER_URL>#pair=<code>`, built from this and never from a request's
    /// `Host`. Unset, no approver can be paired (`method_not_permitted`).
    pub approver_url: Option<String>,
    /// The "this wasn't me" page (`REPORT_URL`): every notice to a user carries a link
    /// `<REPORT_URL>#report=<token>` to it, built from this and never from a request's
    /// `Host`. https (http only for 127.0.0.1 or localhost), no fragment of its own, its
    /// origin one of `ALLOWED_ORIGINS` (the page calls the edge). Unset, notices carry no link.
    pub report_url: Option<String>,
    /// The OpenID Connect issuer whose ID tokens prove sign-in (`OIDC_ISSUER` and the other
    /// `OIDC_*` settings, see [`crate::oidc::settings`]); `None` when `OIDC_ISSUER` is unset.
    pub oidc: Option<OidcConfig>,
    /// Cloudflare Turnstile at reset and unlock start (`TURNSTILE_SECRET`,
    /// `TURNSTILE_VERIFY_URL`, see [`crate::turnstile::from_lookup`]); `None` (off) when
    /// `TURNSTILE_SECRET` is unset.
    pub turnstile: Option<TurnstileConfig>,
    /// Web Push to the approver's phone (`WEB_PUSH_VAPID_PRIVATE_KEY`, `WEB_PUSH_CONTACT`,
    /// `WEB_PUSH_SERVICES`, see [`crate::web_push`]); `None` (the phone's page must be open to
    /// see a request) when the key is unset.
    pub web_push: Option<crate::web_push::WebPushConfig>,
    /// The Pwned Passwords range API (`PWNED_PASSWORDS_URL`, default
    /// [`crate::pwned::DEFAULT_URL`]), asked when the policy's `breached_check` is on.
    pub pwned_passwords_url: String,
}

/// The Twilio-compatible SMS provider (`SMS_API_URL`, `SMS_ACCOUNT_SID`, `SMS_AUTH_TOKEN`,
/// `SMS_FROM`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmsConfig {
    /// The API's base URL, without a trailing slash (`SMS_API_URL`, default
    /// `https://api.twilio.com`).
    pub api_url: String,
    /// The account sid, `AC` and 32 hex digits (`SMS_ACCOUNT_SID`).
    pub account_sid: String,
    /// The account's auth token (`SMS_AUTH_TOKEN`, secret).
    pub auth_token: String,
    /// The sender: an E.164 number of the account or a Messaging Service sid, `MG` and 32
    /// hex digits (`SMS_FROM`).
    pub from: String,
}

/// The identity backend and its settings (`IDENTITY_BACKEND`: `webhook`, the default, `scim` or
/// `graph`). Only the chosen backend's settings are read.
#[derive(Clone, PartialEq, Eq)]
pub enum IdentityConfig {
    /// The signed webhook (`IDENTITY_WEBHOOK_URL`, `IDENTITY_WEBHOOK_SECRET`).
    Webhook { url: String, secret: Vec<u8> },
    /// A SCIM 2.0 service provider.
    Scim(ScimConfig),
    /// Microsoft Entra ID through Microsoft Graph.
    Graph(GraphConfig),
}

/// Where email goes (`EMAIL_PROVIDER`: `resend`, the default, or `webhook`). Only the chosen
/// provider's settings are read.
#[derive(Clone, PartialEq, Eq)]
pub enum EmailProvider {
    /// A Resend-compatible API (`EMAIL_API_URL`, `EMAIL_API_KEY`, secret).
    Resend { api_url: String, api_key: String },
    /// The organisation's own relay, reached by a signed JSON POST (`EMAIL_WEBHOOK_URL`,
    /// `EMAIL_WEBHOOK_SECRET`, secret, at least 32 characters).
    Webhook { url: String, secret: Vec<u8> },
}

impl std::fmt::Debug for EmailProvider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EmailProvider::Resend { api_url, .. } => write!(f, "Resend {{ api_url: {api_url} }}"),
            EmailProvider::Webhook { url, .. } => write!(f, "Webhook {{ url: {url} }}"),
        }
    }
}

/// A SCIM 2.0 service provider (`SCIM_BASE_URL`, `SCIM_TOKEN`, `SCIM_ADMIN_GROUP`).
#[derive(Clone, PartialEq, Eq)]
pub struct ScimConfig {
    /// The SCIM base URL without a trailing slash, e.g. `https://idp.example.com/scim/v2`.
    pub base_url: String,
    /// The bearer token (secret).
    pub token: String,
    /// The display name of the group whose members are administrators; none when unset.
    pub admin_group: Option<String>,
}

/// How the Graph app proves itself to the token endpoint.
#[derive(Clone, PartialEq, Eq)]
pub enum GraphCredential {
    /// `GRAPH_CLIENT_SECRET` (secret).
    Secret(String),
    /// `GRAPH_CLIENT_CERTIFICATE` (the app's certificate, PEM) and `GRAPH_CLIENT_KEY` (its
    /// RSA private key, PEM, secret): the app signs a client assertion for each token.
    Certificate(Box<CertificateCredential>),
}

/// An Entra ID tenant through Microsoft Graph (`GRAPH_TENANT_ID`, `GRAPH_CLIENT_ID`,
/// `GRAPH_CLIENT_SECRET` or `GRAPH_CLIENT_CERTIFICATE` + `GRAPH_CLIENT_KEY`,
/// `GRAPH_LOGIN_URL`, `GRAPH_API_URL`, `GRAPH_ADMIN_ROLES`).
#[derive(Clone, PartialEq, Eq)]
pub struct GraphConfig {
    /// The tenant's id (a GUID) or one of its domain names.
    pub tenant_id: String,
    /// The app registration's application (client) id, a GUID.
    pub client_id: String,
    /// How the app proves itself: a client secret or a certificate.
    pub credential: GraphCredential,
    /// The Microsoft identity platform, without a trailing slash (default
    /// `https://login.microsoftonline.com`).
    pub login_url: String,
    /// Microsoft Graph, without a trailing slash (default `https://graph.microsoft.com`).
    pub api_url: String,
    /// Directory roles (template ids or display names) that make a user an administrator;
    /// empty means any directory role does.
    pub admin_roles: Vec<String>,
}

// Secrets stay out of Debug output.
impl std::fmt::Debug for IdentityConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IdentityConfig::Webhook { url, .. } => f
                .debug_struct("Webhook")
                .field("url", url)
                .finish_non_exhaustive(),
            IdentityConfig::Scim(scim) => scim.fmt(f),
            IdentityConfig::Graph(graph) => graph.fmt(f),
        }
    }
}

impl std::fmt::Debug for ScimConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ScimConfig")
            .field("base_url", &self.base_url)
            .field("admin_group", &self.admin_group)
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for GraphConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GraphConfig")
            .field("tenant_id", &self.tenant_id)
            .field("client_id", &self.client_id)
            .field("login_url", &self.login_url)
            .field("api_url", &self.api_url)
            .field("admin_roles", &self.admin_roles)
            .finish_non_exhaustive()
    }
}

/// Default of `GRAPH_LOGIN_URL`.
pub const DEFAULT_GRAPH_LOGIN_URL: &str = "https://login.microsoftonline.com";
/// Default of `GRAPH_API_URL`.
pub const DEFAULT_GRAPH_API_URL: &str = "https://graph.microsoft.com";

/// Default of `SMS_API_URL`.
pub const DEFAULT_SMS_API_URL: &str = "https://api.twilio.com";
/// The settings that are all set or all unset.
const SMS_SETTINGS: [&str; 3] = ["SMS_ACCOUNT_SID", "SMS_AUTH_TOKEN", "SMS_FROM"];

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
    #[error("the SMS settings are incomplete: {} set, {} missing (set all of {} or none)", .set.join(", "), .missing.join(", "), SMS_SETTINGS.join(", "))]
    SmsIncomplete {
        set: Vec<&'static str>,
        missing: Vec<&'static str>,
    },
    #[error(
        "POLICY allows the sms_code method but SMS is not configured: set SMS_ACCOUNT_SID, \
         SMS_AUTH_TOKEN and SMS_FROM, or leave sms_code out of methods.allowed in POLICY \
         (the default policy allows it)"
    )]
    SmsNotConfigured,
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
        let allowed_origins: Vec<String> = optional("ALLOWED_ORIGINS", "")
            .split(',')
            .map(|o| o.trim().trim_end_matches('/').to_owned())
            .filter(|o| !o.is_empty())
            .collect();
        let policy_document = lookup("POLICY").filter(|text| !text.trim().is_empty());
        let policy = match &policy_document {
            Some(text) => Policy::parse(text).map_err(|err| ConfigError::Invalid {
                name: "POLICY",
                reason: err.to_string(),
            })?,
            None => Policy::default(),
        };
        let identity = match optional("IDENTITY_BACKEND", "webhook")
            .to_ascii_lowercase()
            .as_str()
        {
            "webhook" => IdentityConfig::Webhook {
                url: url("IDENTITY_WEBHOOK_URL")?,
                secret: secret("IDENTITY_WEBHOOK_SECRET")?,
            },
            "scim" => IdentityConfig::Scim(ScimConfig {
                base_url: url("SCIM_BASE_URL")?,
                token: required("SCIM_TOKEN")?,
                admin_group: lookup("SCIM_ADMIN_GROUP")
                    .map(|v| v.trim().to_owned())
                    .filter(|v| !v.is_empty()),
            }),
            "graph" => {
                let tenant_id = required("GRAPH_TENANT_ID")?;
                if !is_tenant(&tenant_id) {
                    return Err(ConfigError::Invalid {
                        name: "GRAPH_TENANT_ID",
                        reason: format!(
                            "expected the tenant's id (a GUID) or a domain name, got {tenant_id:?}"
                        ),
                    });
                }
                let client_id = required("GRAPH_CLIENT_ID")?;
                if !is_guid(&client_id) {
                    return Err(ConfigError::Invalid {
                        name: "GRAPH_CLIENT_ID",
                        reason: format!(
                            "expected the application (client) id, a GUID, got {client_id:?}"
                        ),
                    });
                }
                let with_default = |name: &'static str, default: &str| {
                    if lookup(name).is_some_and(|v| !v.trim().is_empty()) {
                        url(name)
                    } else {
                        Ok(default.to_owned())
                    }
                };
                IdentityConfig::Graph(GraphConfig {
                    tenant_id,
                    client_id,
                    credential: graph_credential(&lookup)?,
                    login_url: with_default("GRAPH_LOGIN_URL", DEFAULT_GRAPH_LOGIN_URL)?,
                    api_url: with_default("GRAPH_API_URL", DEFAULT_GRAPH_API_URL)?,
                    admin_roles: optional("GRAPH_ADMIN_ROLES", "")
                        .split(',')
                        .map(|role| role.trim().to_owned())
                        .filter(|role| !role.is_empty())
                        .collect(),
                })
            }
            other => {
                return Err(ConfigError::Invalid {
                    name: "IDENTITY_BACKEND",
                    reason: format!("expected webhook, scim or graph, got {other:?}"),
                });
            }
        };
        let sms = sms_config(&lookup)?;
        if sms_missing(&policy, sms.is_some()) {
            return Err(ConfigError::SmsNotConfigured);
        }
        Ok(Config {
            allowed_origins: allowed_origins.clone(),
            code_key: secret("CODE_HMAC_KEY")?,
            identity,
            email: match optional("EMAIL_PROVIDER", "resend").as_str() {
                "resend" => EmailProvider::Resend {
                    api_url: url("EMAIL_API_URL")?,
                    api_key: required("EMAIL_API_KEY")?,
                },
                "webhook" => EmailProvider::Webhook {
                    url: url("EMAIL_WEBHOOK_URL")?,
                    secret: secret("EMAIL_WEBHOOK_SECRET")?,
                },
                other => {
                    return Err(ConfigError::Invalid {
                        name: "EMAIL_PROVIDER",
                        reason: format!("expected resend or webhook, got {other:?}"),
                    });
                }
            },
            email_from: required("EMAIL_FROM")?,
            decoy_domain: optional("DECOY_EMAIL_DOMAIN", "example.com"),
            decoy_country_code: country_code(&optional("DECOY_PHONE_COUNTRY_CODE", "1"))?,
            tenant: optional("TENANT", "default"),
            policy,
            policy_version: 0,
            policy_document,
            audit_hash_key: secret("AUDIT_HASH_KEY")?,
            audit_retention_days,
            admin_token,
            sms,
            outbox: outbox_policy(&lookup)?,
            registration_ticket_key: match lookup("REGISTRATION_TICKET_KEY")
                .filter(|v| !v.trim().is_empty())
            {
                Some(_) => Some(secret("REGISTRATION_TICKET_KEY")?),
                None => None,
            },
            registration_keys: match lookup("REGISTRATION_KEYS").filter(|v| !v.trim().is_empty()) {
                Some(text) => {
                    Some(
                        SealingKeys::parse(&text).map_err(|reason| ConfigError::Invalid {
                            name: "REGISTRATION_KEYS",
                            reason,
                        })?,
                    )
                }
                None => None,
            },
            // A page's address, kept as configured (`…/approver/` and `…/approver` are
            // different pages, and the page loads its files relative to it); the pairing code
            // goes in its fragment, so it must have none of its own.
            approver_url: match lookup("APPROVER_URL").filter(|v| !v.trim().is_empty()) {
                Some(page) if page.contains('#') => {
                    return Err(ConfigError::Invalid {
                        name: "APPROVER_URL",
                        reason: format!(
                            "the pairing code goes after `#pair=`, so the page's URL must have no fragment, got {page:?}"
                        ),
                    });
                }
                Some(page) => {
                    url("APPROVER_URL")?;
                    Some(page.trim().to_owned())
                }
                None => None,
            },
            report_url: match lookup("REPORT_URL").filter(|v| !v.trim().is_empty()) {
                Some(value) => Some(report_url(value.trim(), &allowed_origins)?),
                None => None,
            },
            oidc: crate::oidc::settings::from_lookup(&lookup)?,
            turnstile: crate::turnstile::from_lookup(&lookup)?,
            web_push: crate::web_push::from_lookup(&lookup)?,
            pwned_passwords_url: crate::pwned::url_from_lookup(&lookup)?,
        })
    }
}

/// A setting as given, trimmed; `None` when it is unset or blank (a blank variable counts
/// as unset everywhere).
pub fn setting(lookup: &impl Fn(&str) -> Option<String>, name: &str) -> Option<String> {
    lookup(name)
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

/// `REPORT_URL` checked: an https URL (http only for 127.0.0.1 or localhost, as in the
/// tests) with a host, no fragment (the link adds `#report=<token>`) and no white space, whose
/// origin is one of `allowed` (the page it opens calls the edge from there).
fn report_url(value: &str, allowed: &[String]) -> Result<String, ConfigError> {
    let invalid = |reason: String| ConfigError::Invalid {
        name: "REPORT_URL",
        reason,
    };
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))
        .ok_or_else(|| invalid(format!("expected an https:// URL, got {value:?}")))?;
    if value.contains('#') || value.contains(char::is_whitespace) {
        return Err(invalid(format!(
            "{value:?} must have no fragment (#…) and no white space: the link adds #report=<token>"
        )));
    }
    let authority = rest.split(['/', '?']).next().unwrap_or_default();
    let host = authority
        .rsplit_once(':')
        .map_or(authority, |(host, _)| host);
    if host.is_empty() {
        return Err(invalid(format!("{value:?} has no host")));
    }
    if value.starts_with("http://") && !matches!(host, "127.0.0.1" | "localhost" | "[::1]") {
        return Err(invalid(format!(
            "{value:?} must be https (http only for 127.0.0.1 or localhost)"
        )));
    }
    let scheme = if value.starts_with("https://") {
        "https"
    } else {
        "http"
    };
    let origin = format!("{scheme}://{authority}");
    if !allowed.iter().any(|o| o.eq_ignore_ascii_case(&origin)) {
        return Err(invalid(format!(
            "its origin {origin} is not one of ALLOWED_ORIGINS, so the page could not call the edge"
        )));
    }
    Ok(value.to_owned())
}

/// The rule that ties a policy to this edge: SMS codes need an SMS provider. The environment's
/// `POLICY` is refused at start-up and an admin's edit is refused when they break it
/// ([`crate::policy_store::check`]); a saved policy that breaks it later, because the SMS
/// settings were removed, is served without SMS ([`Config::use_policy`]).
pub fn sms_missing(policy: &Policy, sms_configured: bool) -> bool {
    !sms_configured && policy.methods.allowed.contains(&Method::SmsCode)
}

impl Config {
    /// Puts in the policy saved as `version` through the admin API. When it allows SMS codes
    /// and this edge has no SMS provider (its settings were removed after the save), SMS is
    /// left out (see [`Policy::without`]) and `Ok(true)` says so.
    ///
    /// # Errors
    ///
    /// [`ConfigError::SmsNotConfigured`] when the policy without SMS breaks a rule.
    pub fn use_policy(&mut self, policy: Policy, version: u32) -> Result<bool, ConfigError> {
        let (policy, degraded) = if sms_missing(&policy, self.sms.is_some()) {
            let without = policy
                .without(Method::SmsCode)
                .map_err(|_| ConfigError::SmsNotConfigured)?;
            (without, true)
        } else {
            (policy, false)
        };
        self.policy = policy;
        self.policy_version = version;
        Ok(degraded)
    }
}

/// The SMS settings: all of [`SMS_SETTINGS`] or none of them.
fn sms_config(lookup: &impl Fn(&str) -> Option<String>) -> Result<Option<SmsConfig>, ConfigError> {
    let value = |name: &str| {
        lookup(name)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let (set, missing): (Vec<&'static str>, Vec<&'static str>) =
        SMS_SETTINGS.iter().partition(|name| value(name).is_some());
    if set.is_empty() {
        return Ok(None);
    }
    if !missing.is_empty() {
        return Err(ConfigError::SmsIncomplete { set, missing });
    }
    let invalid = |name: &'static str, reason: String| ConfigError::Invalid { name, reason };
    let api_url = value("SMS_API_URL").unwrap_or_else(|| DEFAULT_SMS_API_URL.to_owned());
    if !(api_url.starts_with("https://") || api_url.starts_with("http://")) {
        return Err(invalid(
            "SMS_API_URL",
            format!("expected an http(s) URL, got {api_url:?}"),
        ));
    }
    let account_sid = value("SMS_ACCOUNT_SID").unwrap_or_default();
    if !is_sid(&account_sid, "AC") {
        return Err(invalid(
            "SMS_ACCOUNT_SID",
            "expected AC followed by 32 hex digits".to_owned(),
        ));
    }
    let from = value("SMS_FROM").unwrap_or_default();
    if !(is_e164(&from) || is_sid(&from, "MG")) {
        // The value is a phone number or an id, not a secret, but numbers stay out of logs.
        return Err(invalid(
            "SMS_FROM",
            "expected an E.164 number (+ and 8 to 15 digits) or a Messaging Service sid (MG \
             followed by 32 hex digits)"
                .to_owned(),
        ));
    }
    Ok(Some(SmsConfig {
        api_url: api_url.trim_end_matches('/').to_owned(),
        account_sid,
        auth_token: value("SMS_AUTH_TOKEN").unwrap_or_default(),
        from,
    }))
}

/// The Graph app's credential: a client secret, or a certificate and its key (not both).
fn graph_credential(
    lookup: &impl Fn(&str) -> Option<String>,
) -> Result<GraphCredential, ConfigError> {
    let value = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());
    match (
        value("GRAPH_CLIENT_SECRET"),
        value("GRAPH_CLIENT_CERTIFICATE"),
        value("GRAPH_CLIENT_KEY"),
    ) {
        (Some(secret), None, None) => Ok(GraphCredential::Secret(secret.trim().to_owned())),
        (None, Some(certificate), Some(key)) => CertificateCredential::from_pem(&certificate, &key)
            .map(|c| GraphCredential::Certificate(Box::new(c)))
            .map_err(|err| ConfigError::Invalid {
                name: match err {
                    CredentialError::Certificate(_) => "GRAPH_CLIENT_CERTIFICATE",
                    CredentialError::Key(_) => "GRAPH_CLIENT_KEY",
                },
                reason: err.to_string(),
            }),
        (None, Some(_), None) => Err(ConfigError::Missing("GRAPH_CLIENT_KEY")),
        (None, None, Some(_)) => Err(ConfigError::Missing("GRAPH_CLIENT_CERTIFICATE")),
        (None, None, None) => Err(ConfigError::Missing("GRAPH_CLIENT_SECRET")),
        (Some(_), _, _) => Err(ConfigError::Invalid {
            name: "GRAPH_CLIENT_SECRET",
            reason: "set either GRAPH_CLIENT_SECRET or GRAPH_CLIENT_CERTIFICATE with \
                     GRAPH_CLIENT_KEY, not both"
                .to_owned(),
        }),
    }
}

/// A GUID in its usual form, `8-4-4-4-12` hex digits.
fn is_guid(value: &str) -> bool {
    let groups: Vec<&str> = value.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(group, len)| group.len() == len && group.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// A tenant as the token endpoint's path takes it: a GUID or a domain name
/// (`contoso.onmicrosoft.com`); nothing that could change the URL's path.
fn is_tenant(value: &str) -> bool {
    is_guid(value)
        || (value.contains('.')
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-'))
}

/// A Twilio sid: a two-letter prefix and 32 hex digits.
fn is_sid(value: &str, prefix: &str) -> bool {
    value
        .strip_prefix(prefix)
        .is_some_and(|hex| hex.len() == 32 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// `+`, a country code that does not start with 0, and 8 to 15 digits in all (ITU-T E.164
/// caps numbers at 15 digits; the shortest in use have 8 with the country code).
fn is_e164(value: &str) -> bool {
    value.strip_prefix('+').is_some_and(|digits| {
        (8..=15).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
            && !digits.starts_with('0')
    })
}

/// Allowed range of `OUTBOX_BASE_DELAY_MS`.
pub const OUTBOX_BASE_DELAY_MS: std::ops::RangeInclusive<u64> = 10..=60_000;

/// The outbox's retry schedule: `OUTBOX_BASE_DELAY_MS` (10–60000, default 2000) is the wait
/// after the first failed attempt, doubled after each further one up to 30 times itself.
/// Tests set it small; production has no reason to change it.
fn outbox_policy(lookup: &impl Fn(&str) -> Option<String>) -> Result<RetryPolicy, ConfigError> {
    let Some(value) = lookup("OUTBOX_BASE_DELAY_MS").filter(|v| !v.trim().is_empty()) else {
        return Ok(RetryPolicy::default());
    };
    value
        .trim()
        .parse::<u64>()
        .ok()
        .filter(|ms| OUTBOX_BASE_DELAY_MS.contains(ms))
        .map(RetryPolicy::with_base_delay)
        .ok_or_else(|| ConfigError::Invalid {
            name: "OUTBOX_BASE_DELAY_MS",
            reason: format!(
                "expected a whole number of milliseconds from {} to {}, got {value:?}",
                OUTBOX_BASE_DELAY_MS.start(),
                OUTBOX_BASE_DELAY_MS.end()
            ),
        })
}

/// A country calling code as `DECOY_PHONE_COUNTRY_CODE` gives it: its digits, with or without
/// a leading `+`, and exactly as many as an E.164 code starting with them has.
fn country_code(value: &str) -> Result<String, ConfigError> {
    let digits = value.strip_prefix('+').unwrap_or(value);
    let valid = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && sspr_core::methods::phone::country_code_len(digits) == digits.len();
    if valid {
        Ok(digits.to_owned())
    } else {
        Err(ConfigError::Invalid {
            name: "DECOY_PHONE_COUNTRY_CODE",
            reason: format!("expected a country calling code such as 1, 44 or 353, got {value:?}"),
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
            ("SMS_ACCOUNT_SID", format!("AC{}", "0a".repeat(16))),
            ("SMS_AUTH_TOKEN", "t".repeat(32)),
            ("SMS_FROM", "+15005550006".into()),
        ])
    }

    const NO_SMS_POLICY: &str = "[methods]\nallowed = [\"email_code\", \"authenticator\"]";

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
        assert_eq!(
            config.identity,
            IdentityConfig::Webhook {
                url: "https://idp.example.com/sspr".into(),
                secret: "s".repeat(32).into_bytes(),
            }
        );
        assert_eq!(config.tenant, "default");
        assert_eq!(config.audit_retention_days, 365);
        assert!(
            config.admin_token.is_none(),
            "the admin API is off by default"
        );
        assert!(config.oidc.is_none(), "ID tokens are off by default");
    }

    #[test]
    fn the_approver_page_url_is_kept_as_configured_and_may_have_no_fragment() {
        let mut vars = vars();
        vars.insert(
            "APPROVER_URL",
            " https://sspr.example.com/approver/ ".into(),
        );
        assert_eq!(
            parse(&vars).unwrap().approver_url.as_deref(),
            Some("https://sspr.example.com/approver/")
        );
        vars.insert(
            "APPROVER_URL",
            "https://sspr.example.com/approver/#x".into(),
        );
        assert!(matches!(
            parse(&vars),
            Err(ConfigError::Invalid {
                name: "APPROVER_URL",
                ..
            })
        ));
        vars.insert("APPROVER_URL", "sspr.example.com/approver/".into());
        assert!(matches!(
            parse(&vars),
            Err(ConfigError::Invalid {
                name: "APPROVER_URL",
                ..
            })
        ));
    }

    #[test]
    fn without_a_policy_the_document_in_force_is_the_defaults_written_out() {
        let config = parse(&vars()).unwrap();
        let in_force = crate::policy_store::in_force(None, &config).unwrap();
        assert_eq!(in_force.version, 0);
        assert_eq!(in_force.document, sspr_core::policy::DEFAULT_DOCUMENT);
        assert_eq!(Policy::parse(&in_force.document).unwrap(), config.policy);
        assert!(in_force.document.contains("[codes]\ndigits = 6\n"));
    }

    #[test]
    fn the_oidc_settings_are_part_of_the_configuration() {
        let mut vars = vars();
        vars.insert("OIDC_ISSUER", "http://127.0.0.1:3000".into());
        assert_eq!(
            parse(&vars).err(),
            Some(ConfigError::Missing("OIDC_CLIENT_ID"))
        );
        vars.insert("OIDC_CLIENT_ID", "sspr-demo".into());
        let oidc = parse(&vars).unwrap().oidc.unwrap();
        assert_eq!(oidc.settings.issuer, "http://127.0.0.1:3000");
        vars.insert("OIDC_ISSUER", "http://idp.example.com".into());
        assert!(matches!(
            parse(&vars),
            Err(ConfigError::Invalid {
                name: "OIDC_ISSUER",
                ..
            })
        ));
    }

    #[test]
    fn the_outbox_retries_after_two_seconds_unless_told_otherwise() {
        assert_eq!(parse(&vars()).unwrap().outbox, RetryPolicy::default());
        let mut vars = vars();
        vars.insert("OUTBOX_BASE_DELAY_MS", " 50 ".into());
        assert_eq!(
            parse(&vars).unwrap().outbox,
            RetryPolicy::with_base_delay(50)
        );
        for bad in ["9", "60001", "2s", "-5"] {
            vars.insert("OUTBOX_BASE_DELAY_MS", bad.into());
            let err = parse(&vars).err().unwrap().to_string();
            assert!(
                err.contains("OUTBOX_BASE_DELAY_MS") && err.contains("10 to 60000"),
                "{err}"
            );
        }
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
    fn the_report_page_is_an_allowed_origins_https_page_without_a_fragment() {
        assert_eq!(parse(&vars()).unwrap().report_url, None);
        let mut vars = vars();
        for good in [
            "https://login.example.com/sspr/report",
            " https://login.example.com/report.html?lang=de ",
            "http://127.0.0.1:8080/examples/report.html",
        ] {
            vars.insert("REPORT_URL", good.into());
            assert_eq!(
                parse(&vars).unwrap().report_url.as_deref(),
                Some(good.trim()),
                "{good}"
            );
        }
        for (bad, why) in [
            ("login.example.com/report", "https://"),
            ("https://login.example.com/report#x", "fragment"),
            ("https://login.example.com/a b", "white space"),
            ("http://login.example.com/report", "must be https"),
            ("https:///report", "no host"),
            ("https://evil.example/report", "not one of ALLOWED_ORIGINS"),
            (
                "https://login.example.com:8443/report",
                "not one of ALLOWED_ORIGINS",
            ),
        ] {
            vars.insert("REPORT_URL", bad.into());
            let err = parse(&vars).err().unwrap().to_string();
            assert!(
                err.contains("REPORT_URL") && err.contains(why),
                "{bad}: {err}"
            );
        }
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
    fn registration_settings_are_optional_and_checked_when_set() {
        let config = parse(&vars()).unwrap();
        assert!(config.registration_ticket_key.is_none() && config.registration_keys.is_none());
        let mut vars = vars();
        vars.insert("REGISTRATION_TICKET_KEY", "t".repeat(32));
        vars.insert("REGISTRATION_KEYS", format!("1:{}", "A".repeat(43) + "="));
        let config = parse(&vars).unwrap();
        assert_eq!(config.registration_ticket_key, Some(b"t".repeat(32)));
        assert_eq!(config.registration_keys.unwrap().newest_version(), 1);
        vars.insert("REGISTRATION_KEYS", "1:short".into());
        assert!(matches!(
            parse(&vars).err(),
            Some(ConfigError::Invalid {
                name: "REGISTRATION_KEYS",
                ..
            })
        ));
        vars.insert("REGISTRATION_TICKET_KEY", "short".into());
        assert!(matches!(
            parse(&vars).err(),
            Some(ConfigError::Invalid {
                name: "REGISTRATION_TICKET_KEY",
                ..
            })
        ));
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
    fn the_sms_settings_are_read_with_twilios_url_by_default() {
        let sms = parse(&vars()).unwrap().sms.unwrap();
        assert_eq!(
            sms,
            SmsConfig {
                api_url: "https://api.twilio.com".into(),
                account_sid: format!("AC{}", "0a".repeat(16)),
                auth_token: "t".repeat(32),
                from: "+15005550006".into(),
            }
        );
        let mut vars = vars();
        vars.insert("SMS_API_URL", "http://127.0.0.1:8027/".into());
        vars.insert("SMS_FROM", format!("MG{}", "b".repeat(32)));
        let sms = parse(&vars).unwrap().sms.unwrap();
        assert_eq!(sms.api_url, "http://127.0.0.1:8027");
        assert!(sms.from.starts_with("MG"));
    }

    #[test]
    fn no_sms_settings_is_fine_when_the_policy_does_not_allow_sms() {
        let mut vars = vars();
        for name in SMS_SETTINGS {
            vars.remove(name);
        }
        vars.insert("POLICY", NO_SMS_POLICY.into());
        assert_eq!(parse(&vars).unwrap().sms, None);
    }

    #[test]
    fn a_policy_that_allows_sms_needs_the_sms_settings() {
        let mut vars = vars();
        for name in SMS_SETTINGS {
            vars.remove(name);
        }
        // The default policy allows sms_code.
        let err = parse(&vars).err().unwrap();
        assert_eq!(err, ConfigError::SmsNotConfigured);
        let message = err.to_string();
        assert!(
            message.contains("POLICY")
                && message.contains("sms_code")
                && message.contains("SMS_ACCOUNT_SID"),
            "{message}"
        );
    }

    #[test]
    fn a_saved_policy_with_sms_is_served_without_it_once_the_sms_settings_are_gone() {
        let mut config = parse(&vars()).unwrap();
        config.sms = None;
        let with_sms = Policy::parse(
            "[methods]\nallowed = [\"email_code\", \"sms_code\", \"authenticator\"]\nrequired = 1",
        )
        .unwrap();
        assert_eq!(config.use_policy(with_sms, 3), Ok(true));
        assert_eq!(
            config.policy.methods.allowed,
            [Method::EmailCode, Method::Authenticator]
        );
        assert_eq!(config.policy_version, 3);

        // Without SMS the authenticator would be the only method: that is not served.
        let sms_and_authenticator =
            Policy::parse("[methods]\nallowed = [\"sms_code\", \"authenticator\"]").unwrap();
        assert_eq!(
            config.use_policy(sms_and_authenticator, 4),
            Err(ConfigError::SmsNotConfigured)
        );
        assert_eq!(config.policy_version, 3);
    }

    #[test]
    fn a_partial_set_of_sms_settings_names_the_missing_ones() {
        let mut vars = vars();
        vars.insert("POLICY", NO_SMS_POLICY.into());
        vars.remove("SMS_AUTH_TOKEN");
        vars.insert("SMS_FROM", "  ".into());
        let err = parse(&vars).err().unwrap();
        assert_eq!(
            err,
            ConfigError::SmsIncomplete {
                set: vec!["SMS_ACCOUNT_SID"],
                missing: vec!["SMS_AUTH_TOKEN", "SMS_FROM"],
            }
        );
        assert!(
            err.to_string().contains("SMS_AUTH_TOKEN, SMS_FROM missing"),
            "{err}"
        );
    }

    #[test]
    fn a_malformed_account_sid_or_sender_is_refused_without_echoing_it() {
        for (name, value) in [
            ("SMS_ACCOUNT_SID", "AC123"),
            ("SMS_ACCOUNT_SID", &format!("MG{}", "0".repeat(32))),
            ("SMS_ACCOUNT_SID", &format!("AC{}", "g".repeat(32))),
            ("SMS_FROM", "15005550006"),
            ("SMS_FROM", "+0123456789"),
            ("SMS_FROM", "+1234567"),
            ("SMS_FROM", "+1234567890123456"),
            ("SMS_FROM", "Contoso"),
            ("SMS_API_URL", "api.twilio.com"),
        ] {
            let mut vars = vars();
            vars.insert(name, value.to_owned());
            match parse(&vars) {
                Err(ConfigError::Invalid {
                    name: named,
                    reason,
                }) => {
                    assert_eq!(named, name, "{value}");
                    // A URL is no secret and is quoted like the other URLs; the sid
                    // and the number are not.
                    if name != "SMS_API_URL" {
                        assert!(!reason.contains(value), "{value}: {reason}");
                    }
                }
                other => panic!("{name}={value}: {:?}", other.map(|c| c.sms)),
            }
        }
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

    #[test]
    fn email_goes_to_resend_by_default_or_to_a_signed_webhook() {
        assert_eq!(
            parse(&vars()).unwrap().email,
            EmailProvider::Resend {
                api_url: "https://api.resend.com".into(),
                api_key: "re_123".into()
            }
        );
        let mut vars = vars();
        vars.remove("EMAIL_API_URL");
        vars.remove("EMAIL_API_KEY");
        vars.insert("EMAIL_PROVIDER", "webhook".into());
        vars.insert(
            "EMAIL_WEBHOOK_URL",
            "https://mail-relay.contoso.example/sspr".into(),
        );
        vars.insert("EMAIL_WEBHOOK_SECRET", "m".repeat(32));
        assert_eq!(
            parse(&vars).unwrap().email,
            EmailProvider::Webhook {
                url: "https://mail-relay.contoso.example/sspr".into(),
                secret: "m".repeat(32).into_bytes()
            }
        );
    }

    #[test]
    fn a_bad_email_provider_or_webhook_setting_is_named() {
        let named = |edit: &dyn Fn(&mut HashMap<&'static str, String>)| {
            let mut vars = vars();
            vars.insert("EMAIL_PROVIDER", "webhook".into());
            vars.insert("EMAIL_WEBHOOK_URL", "https://relay.example/sspr".into());
            vars.insert("EMAIL_WEBHOOK_SECRET", "m".repeat(32));
            edit(&mut vars);
            match parse(&vars) {
                Err(ConfigError::Invalid { name, .. } | ConfigError::Missing(name)) => name,
                Err(other) => panic!("{other}"),
                Ok(_) => "accepted",
            }
        };
        assert_eq!(named(&|_| {}), "accepted");
        assert_eq!(
            named(&|v| {
                v.insert("EMAIL_PROVIDER", "smtp".into());
            }),
            "EMAIL_PROVIDER"
        );
        assert_eq!(
            named(&|v| {
                v.remove("EMAIL_WEBHOOK_URL");
            }),
            "EMAIL_WEBHOOK_URL"
        );
        assert_eq!(
            named(&|v| {
                v.insert("EMAIL_WEBHOOK_URL", "relay.example".into());
            }),
            "EMAIL_WEBHOOK_URL"
        );
        assert_eq!(
            named(&|v| {
                v.insert("EMAIL_WEBHOOK_SECRET", "short".into());
            }),
            "EMAIL_WEBHOOK_SECRET"
        );
    }

    #[test]
    fn the_decoy_country_code_is_a_whole_calling_code() {
        assert_eq!(parse(&vars()).unwrap().decoy_country_code, "1");
        for (given, kept) in [("49", "49"), ("+44", "44"), ("353", "353"), ("7", "7")] {
            let mut vars = vars();
            vars.insert("DECOY_PHONE_COUNTRY_CODE", given.into());
            assert_eq!(parse(&vars).unwrap().decoy_country_code, kept, "{given}");
        }
        for bad in ["4", "491", "12", "+", "4a", "3535"] {
            let mut vars = vars();
            vars.insert("DECOY_PHONE_COUNTRY_CODE", bad.into());
            assert!(
                matches!(
                    parse(&vars),
                    Err(ConfigError::Invalid {
                        name: "DECOY_PHONE_COUNTRY_CODE",
                        ..
                    })
                ),
                "{bad}"
            );
        }
    }

    const TENANT: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    const CLIENT: &str = "00001111-aaaa-2222-bbbb-3333cccc4444";

    /// The base settings for another backend: without the webhook's, to show they are not
    /// required then.
    fn vars_for(backend: &str) -> HashMap<&'static str, String> {
        let mut vars = vars();
        vars.remove("IDENTITY_WEBHOOK_URL");
        vars.remove("IDENTITY_WEBHOOK_SECRET");
        vars.insert("IDENTITY_BACKEND", backend.into());
        vars
    }

    #[test]
    fn the_scim_backend_needs_its_url_and_token_only() {
        let mut vars = vars_for("scim");
        assert_eq!(
            parse(&vars).err(),
            Some(ConfigError::Missing("SCIM_BASE_URL"))
        );
        vars.insert("SCIM_BASE_URL", "https://idp.example.com/scim/v2/".into());
        assert_eq!(parse(&vars).err(), Some(ConfigError::Missing("SCIM_TOKEN")));
        vars.insert("SCIM_TOKEN", "bearer-token".into());
        assert_eq!(
            parse(&vars).unwrap().identity,
            IdentityConfig::Scim(ScimConfig {
                base_url: "https://idp.example.com/scim/v2".into(),
                token: "bearer-token".into(),
                admin_group: None,
            })
        );
        vars.insert("SCIM_ADMIN_GROUP", " IT Admins ".into());
        let IdentityConfig::Scim(scim) = parse(&vars).unwrap().identity else {
            panic!("not scim")
        };
        assert_eq!(scim.admin_group.as_deref(), Some("IT Admins"));
        vars.insert("SCIM_BASE_URL", "idp.example.com/scim/v2".into());
        assert!(matches!(
            parse(&vars),
            Err(ConfigError::Invalid {
                name: "SCIM_BASE_URL",
                ..
            })
        ));
    }

    fn graph_vars() -> HashMap<&'static str, String> {
        let mut vars = vars_for("graph");
        vars.insert("GRAPH_TENANT_ID", TENANT.into());
        vars.insert("GRAPH_CLIENT_ID", CLIENT.into());
        vars.insert("GRAPH_CLIENT_SECRET", "client~secret".into());
        vars
    }

    #[test]
    fn the_graph_backend_defaults_to_microsofts_endpoints() {
        let IdentityConfig::Graph(graph) = parse(&graph_vars()).unwrap().identity else {
            panic!("not graph")
        };
        assert_eq!(
            graph,
            GraphConfig {
                tenant_id: TENANT.into(),
                client_id: CLIENT.into(),
                credential: GraphCredential::Secret("client~secret".into()),
                login_url: "https://login.microsoftonline.com".into(),
                api_url: "https://graph.microsoft.com".into(),
                admin_roles: vec![],
            }
        );
        let mut vars = graph_vars();
        vars.insert("GRAPH_LOGIN_URL", "http://127.0.0.1:9000/".into());
        vars.insert("GRAPH_API_URL", "http://127.0.0.1:9001".into());
        vars.insert(
            "GRAPH_ADMIN_ROLES",
            "62e90394-69f5-4237-9190-012177145e10, Helpdesk Administrator,".into(),
        );
        vars.insert("GRAPH_TENANT_ID", "contoso.onmicrosoft.com".into());
        let IdentityConfig::Graph(graph) = parse(&vars).unwrap().identity else {
            panic!("not graph")
        };
        assert_eq!(graph.login_url, "http://127.0.0.1:9000");
        assert_eq!(graph.api_url, "http://127.0.0.1:9001");
        assert_eq!(
            graph.admin_roles,
            [
                "62e90394-69f5-4237-9190-012177145e10",
                "Helpdesk Administrator"
            ]
        );
        assert_eq!(graph.tenant_id, "contoso.onmicrosoft.com");
    }

    #[test]
    fn each_missing_or_malformed_graph_setting_is_named() {
        for name in ["GRAPH_TENANT_ID", "GRAPH_CLIENT_ID", "GRAPH_CLIENT_SECRET"] {
            let mut vars = graph_vars();
            vars.remove(name);
            assert_eq!(parse(&vars).err(), Some(ConfigError::Missing(name)));
        }
        for (name, value) in [
            ("GRAPH_TENANT_ID", "contoso/../common"),
            ("GRAPH_TENANT_ID", "contoso"),
            ("GRAPH_CLIENT_ID", "my-app"),
            ("GRAPH_CLIENT_ID", "00001111-aaaa-2222-bbbb-3333cccc444"),
            ("GRAPH_LOGIN_URL", "login.microsoftonline.com"),
            ("GRAPH_API_URL", "graph.microsoft.com"),
        ] {
            let mut vars = graph_vars();
            vars.insert(name, value.into());
            match parse(&vars) {
                Err(ConfigError::Invalid { name: named, .. }) => assert_eq!(named, name),
                other => panic!("{name}={value}: {:?}", other.map(|c| c.identity)),
            }
        }
    }

    #[test]
    fn the_graph_app_may_prove_itself_with_a_certificate_instead_of_a_secret() {
        const CERT: &str = include_str!("../../e2e/fixtures/graph/app-cert.pem");
        const KEY: &str = include_str!("../../e2e/fixtures/graph/app-key.pem");
        let mut vars = graph_vars();
        vars.remove("GRAPH_CLIENT_SECRET");
        vars.insert("GRAPH_CLIENT_CERTIFICATE", CERT.into());
        vars.insert("GRAPH_CLIENT_KEY", KEY.into());
        let IdentityConfig::Graph(graph) = parse(&vars).unwrap().identity else {
            panic!("not graph")
        };
        let GraphCredential::Certificate(certificate) = graph.credential else {
            panic!("not a certificate")
        };
        assert_eq!(
            certificate.thumbprint,
            "BcvKTB-tzVJoJeYJX-PmE23eY1iUxbUS2Lr-qO5oyrw"
        );

        let named = |vars: &HashMap<&'static str, String>| match parse(vars) {
            Err(ConfigError::Invalid { name, .. }) => name,
            Err(ConfigError::Missing(name)) => name,
            other => panic!("{:?}", other.map(|c| c.identity)),
        };
        let mut swapped = vars.clone();
        swapped.insert("GRAPH_CLIENT_KEY", CERT.into());
        assert_eq!(named(&swapped), "GRAPH_CLIENT_KEY");
        swapped.insert("GRAPH_CLIENT_CERTIFICATE", KEY.into());
        assert_eq!(named(&swapped), "GRAPH_CLIENT_CERTIFICATE");
        let mut half = vars.clone();
        half.remove("GRAPH_CLIENT_KEY");
        assert_eq!(named(&half), "GRAPH_CLIENT_KEY");
        let mut both = vars.clone();
        both.insert("GRAPH_CLIENT_SECRET", "client~secret".into());
        assert_eq!(named(&both), "GRAPH_CLIENT_SECRET");
    }

    #[test]
    fn an_unknown_backend_is_named_and_the_default_is_the_webhook() {
        let err = parse(&vars_for("ldap")).err().unwrap().to_string();
        assert!(
            err.contains("IDENTITY_BACKEND") && err.contains("ldap"),
            "{err}"
        );
        let mut vars = vars();
        vars.insert("IDENTITY_BACKEND", " Webhook ".into());
        assert!(matches!(
            parse(&vars).unwrap().identity,
            IdentityConfig::Webhook { .. }
        ));
        assert_eq!(
            parse(&vars_for("webhook")).err(),
            Some(ConfigError::Missing("IDENTITY_WEBHOOK_URL"))
        );
    }

    #[test]
    fn backend_settings_keep_their_secrets_out_of_debug_output() {
        let webhook = parse(&vars()).unwrap().identity;
        assert!(!format!("{webhook:?}").contains(&"s".repeat(32)));
        let graph = parse(&graph_vars()).unwrap().identity;
        assert!(!format!("{graph:?}").contains("client~secret"));
        let mut vars = vars_for("scim");
        vars.insert("SCIM_BASE_URL", "https://idp.example.com/scim/v2".into());
        vars.insert("SCIM_TOKEN", "bearer-token".into());
        let scim = parse(&vars).unwrap().identity;
        assert!(!format!("{scim:?}").contains("bearer-token"));
    }
}
