//! Web Push (RFC 8030) with VAPID (RFC 8292): when a reset or unlock asks the user's phone
//! for an approval, the edge pushes an empty message to the push subscription the phone gave
//! (`POST /v1/approver/push`), so its browser shows a notification even with the approver page
//! closed. The message carries no payload (no RFC 8291 encryption needed, and nothing about
//! the request crosses the push service); the page fetches the request with its signed
//! request as before. Sent after the reply, so a push service's speed shows in no response.
//!
//! Settings: `WEB_PUSH_VAPID_PRIVATE_KEY` (secret: the application server's P-256 private
//! key, unpadded base64url of its 32 bytes, as `npx web-push generate-vapid-keys` prints it),
//! `WEB_PUSH_CONTACT` (`mailto:` or `https:`, where the push services can reach the
//! operator) and optionally `WEB_PUSH_SERVICES` (comma-separated origins the phone's
//! subscription may point at; default [`DEFAULT_PUSH_SERVICES`]).

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use p256::ecdsa::signature::Signer;
use p256::ecdsa::{Signature, SigningKey};
use sspr_core::UnixMillis;
use sspr_core::methods::approver::{DEFAULT_PUSH_SERVICES, PushEndpoint};

use crate::config::{Config, ConfigError};
use crate::outbound;

/// How long a push service keeps the message for an offline phone: an approval lapses after
/// two minutes, so a later notification would only say something stale.
pub const TTL_SECS: u32 = 120;
/// The push topic (RFC 8030 §5.4): a newer approval request replaces an undelivered one.
pub const TOPIC: &str = "sspr-approval";
/// How long a VAPID token is good for (RFC 8292 allows at most 24 hours).
const TOKEN_LIFETIME_SECS: u64 = 12 * 60 * 60;

/// The edge's Web Push settings.
#[derive(Clone, PartialEq, Eq)]
pub struct WebPushConfig {
    key: [u8; 32],
    /// The application server key phones subscribe with: the public key as an uncompressed
    /// point, unpadded base64url.
    pub public_key: String,
    /// `sub` of the VAPID token.
    pub contact: String,
    /// The origins a phone's push endpoint may have.
    pub services: Vec<String>,
}

impl std::fmt::Debug for WebPushConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebPushConfig")
            .field("public_key", &self.public_key)
            .field("contact", &self.contact)
            .field("services", &self.services)
            .finish_non_exhaustive()
    }
}

/// Reads the settings; `None` (no pushes) when `WEB_PUSH_VAPID_PRIVATE_KEY` is unset.
pub fn from_lookup(
    lookup: &impl Fn(&str) -> Option<String>,
) -> Result<Option<WebPushConfig>, ConfigError> {
    let value = |name: &str| crate::config::setting(lookup, name);
    let Some(secret) = value("WEB_PUSH_VAPID_PRIVATE_KEY") else {
        return match (value("WEB_PUSH_CONTACT"), value("WEB_PUSH_SERVICES")) {
            (None, None) => Ok(None),
            _ => Err(ConfigError::Missing("WEB_PUSH_VAPID_PRIVATE_KEY")),
        };
    };
    let key: [u8; 32] = URL_SAFE_NO_PAD
        .decode(secret.trim_end_matches('='))
        .ok()
        .and_then(|bytes| bytes.try_into().ok())
        .filter(|bytes: &[u8; 32]| SigningKey::from_slice(bytes).is_ok())
        .ok_or_else(|| ConfigError::Invalid {
            name: "WEB_PUSH_VAPID_PRIVATE_KEY",
            reason: "expected a P-256 private key as unpadded base64url of 32 bytes (the \
                     privateKey `npx web-push generate-vapid-keys` prints)"
                .into(),
        })?;
    let contact = value("WEB_PUSH_CONTACT").ok_or(ConfigError::Missing("WEB_PUSH_CONTACT"))?;
    if !(contact.starts_with("mailto:") || contact.starts_with("https://")) {
        return Err(ConfigError::Invalid {
            name: "WEB_PUSH_CONTACT",
            reason: "push services reach the operator through it: a mailto: or https: URL".into(),
        });
    }
    let services = match value("WEB_PUSH_SERVICES") {
        None => DEFAULT_PUSH_SERVICES.map(String::from).to_vec(),
        Some(list) => {
            let services: Vec<String> = list
                .split(',')
                .map(|s| s.trim().trim_end_matches('/').to_owned())
                .filter(|s| !s.is_empty())
                .collect();
            if let Some(bad) = services
                .iter()
                .find(|s| !(s.starts_with("https://") || s.starts_with("http://127.0.0.1:")))
            {
                return Err(ConfigError::Invalid {
                    name: "WEB_PUSH_SERVICES",
                    reason: format!(
                        "{bad} is not an https origin (http only for 127.0.0.1, for tests)"
                    ),
                });
            }
            services
        }
    };
    let public_key = URL_SAFE_NO_PAD.encode(
        SigningKey::from_slice(&key)
            .expect("checked above")
            .verifying_key()
            .to_encoded_point(false)
            .as_bytes(),
    );
    Ok(Some(WebPushConfig {
        key,
        public_key,
        contact,
        services,
    }))
}

impl WebPushConfig {
    /// The `Authorization` header of a push to `endpoint` at `now`: `vapid t=<ES256 JWT with
    /// aud (the endpoint's origin), exp and sub>, k=<public key>`.
    pub fn authorization(&self, endpoint: &PushEndpoint, now: UnixMillis) -> String {
        let header = URL_SAFE_NO_PAD.encode(br#"{"typ":"JWT","alg":"ES256"}"#);
        let claims = serde_json::json!({
            "aud": endpoint.origin(),
            "exp": now / 1000 + TOKEN_LIFETIME_SECS,
            "sub": self.contact,
        });
        let claims = URL_SAFE_NO_PAD.encode(claims.to_string());
        let input = format!("{header}.{claims}");
        let key = SigningKey::from_slice(&self.key).expect("checked when read");
        let signature: Signature = key.sign(input.as_bytes());
        format!(
            "vapid t={input}.{}, k={}",
            URL_SAFE_NO_PAD.encode(signature.to_bytes()),
            self.public_key
        )
    }

    /// Pushes the wake-up to `endpoint`; logs what the push service said (never the
    /// endpoint, a capability). The token's expiry counts from the wall clock, which the push
    /// service shares (not the flows' clock, which the tests move). Returns `true` when the
    /// push service says the subscription no longer exists (404 or 410, RFC 8030 §7.3).
    pub async fn wake(&self, endpoint: &PushEndpoint) -> bool {
        let now = worker::Date::now().as_millis();
        let headers = [
            ("TTL", TTL_SECS.to_string()),
            ("Urgency", "high".to_owned()),
            ("Topic", TOPIC.to_owned()),
            ("Authorization", self.authorization(endpoint, now)),
        ];
        match outbound::send(
            "POST",
            endpoint.as_str(),
            &headers,
            Some(String::new()),
            &[],
        )
        .await
        {
            Ok(answer) if (200..300).contains(&answer.status) => false,
            Ok(answer) if matches!(answer.status, 404 | 410) => {
                worker::console_warn!(
                    "web push: the phone's subscription at {} has ended (HTTP {}); it is \
                     forgotten, and the approver page offers notifications again",
                    endpoint.origin(),
                    answer.status
                );
                true
            }
            Ok(answer) => {
                worker::console_error!(
                    "web push: {} answered HTTP {}",
                    endpoint.origin(),
                    answer.status
                );
                false
            }
            Err(err) => {
                worker::console_error!("web push: {} failed: {err}", endpoint.origin());
                false
            }
        }
    }
}

/// Wakes the phone at `endpoint` once the reply has gone, when the edge sends Web Push; a
/// subscription the push service says is gone is forgotten by the user's object (`stub`), so
/// the phone's page offers notifications again instead of saying they are on.
pub fn wake_after_reply(
    ctx: &worker::Context,
    config: &Config,
    stub: worker::Stub,
    endpoint: Option<PushEndpoint>,
) {
    let (Some(settings), Some(endpoint)) = (config.web_push.clone(), endpoint) else {
        return;
    };
    let version = config.policy_version;
    ctx.wait_until(async move {
        if !settings.wake(&endpoint).await {
            return;
        }
        let command = crate::user_state::Command::Approver {
            now: worker::Date::now().as_millis(),
            request: crate::user_state::ApproverOp::PushGone {
                endpoint: endpoint.as_str().to_owned(),
            },
        };
        let forgotten: worker::Result<crate::user_state::ApproverOutcome> =
            crate::routes::call_user_state(&stub, &command, version).await;
        if let Err(err) = forgotten {
            worker::console_error!("web push: the ended subscription was not forgotten: {err}");
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use p256::ecdsa::VerifyingKey;
    use p256::ecdsa::signature::Verifier;

    // A key made for these tests (`npx web-push generate-vapid-keys` shape).
    const PRIVATE: &str = "H6qQYfUxvJYuQ8o99WOQPZzNnXYwA-MoLa3KoVWXmLc";

    fn config(extra: &[(&str, &str)]) -> Result<Option<WebPushConfig>, ConfigError> {
        let mut vars = vec![
            ("WEB_PUSH_VAPID_PRIVATE_KEY", PRIVATE),
            ("WEB_PUSH_CONTACT", "mailto:it@contoso.example"),
        ];
        vars.retain(|(name, _)| !extra.iter().any(|(own, _)| own == name));
        vars.extend_from_slice(extra);
        from_lookup(&|name: &str| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn no_key_means_no_pushes_and_a_contact_without_a_key_is_an_error() {
        assert_eq!(from_lookup(&|_: &str| None), Ok(None));
        let lonely = from_lookup(&|name: &str| {
            (name == "WEB_PUSH_CONTACT").then(|| "mailto:a@b.c".to_owned())
        });
        assert_eq!(
            lonely,
            Err(ConfigError::Missing("WEB_PUSH_VAPID_PRIVATE_KEY"))
        );
    }

    #[test]
    fn bad_settings_are_named() {
        for (name, value) in [
            ("WEB_PUSH_VAPID_PRIVATE_KEY", "short"),
            ("WEB_PUSH_CONTACT", "it@contoso.example"),
            ("WEB_PUSH_SERVICES", "http://push.example"),
        ] {
            match config(&[(name, value)]) {
                Err(ConfigError::Invalid { name: named, .. }) => assert_eq!(named, name),
                other => panic!("{name}={value}: {other:?}"),
            }
        }
    }

    #[test]
    fn the_public_key_is_an_uncompressed_point() {
        let config = config(&[]).unwrap().unwrap();
        let point = URL_SAFE_NO_PAD.decode(&config.public_key).unwrap();
        assert_eq!((point.len(), point[0]), (65, 4));
        assert_eq!(config.services.len(), DEFAULT_PUSH_SERVICES.len());
        assert!(!format!("{config:?}").contains(PRIVATE));
    }

    #[test]
    fn the_vapid_token_is_es256_for_the_endpoints_origin_and_verifies_with_k() {
        let config = config(&[]).unwrap().unwrap();
        let endpoint =
            PushEndpoint::parse("https://fcm.googleapis.com/fcm/send/abc", &config.services)
                .unwrap();
        let now = 1_800_000_000_000;
        let header = config.authorization(&endpoint, now);
        let (t, k) = header
            .strip_prefix("vapid t=")
            .and_then(|rest| rest.split_once(", k="))
            .unwrap();
        assert_eq!(k, config.public_key);
        let parts: Vec<&str> = t.split('.').collect();
        let claims: serde_json::Value =
            serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
        assert_eq!(claims["aud"], "https://fcm.googleapis.com");
        assert_eq!(claims["sub"], "mailto:it@contoso.example");
        let exp = claims["exp"].as_u64().unwrap();
        assert!(exp > now / 1000 && exp <= now / 1000 + 24 * 3600);
        let key = VerifyingKey::from_sec1_bytes(&URL_SAFE_NO_PAD.decode(k).unwrap()).unwrap();
        let signature = Signature::from_slice(&URL_SAFE_NO_PAD.decode(parts[2]).unwrap()).unwrap();
        assert!(
            key.verify(format!("{}.{}", parts[0], parts[1]).as_bytes(), &signature)
                .is_ok()
        );
    }
}
