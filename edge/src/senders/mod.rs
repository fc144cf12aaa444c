//! Message senders. One file per provider; routes only see [`EmailSender`] and [`SmsSender`].

pub mod resend;
pub mod templates;
pub mod twilio;
pub mod webhook_mail;

use crate::config::{Config, EmailProvider};

/// A message ready to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailContent {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// The kind of provider a message went to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    Email,
    Sms,
}

impl std::fmt::Display for Channel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Channel::Email => "email",
            Channel::Sms => "SMS",
        })
    }
}

/// Why a message did not go out. It names the channel, the provider's HTTP status and its
/// own error code, never the address, the number or the message, so it may be logged and
/// audited as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the {channel} provider refused or failed: {reason}")]
pub struct SendError {
    pub channel: Channel,
    /// The provider's HTTP status; `None` when no answer came (network, DNS, timeout).
    pub status: Option<u16>,
    /// The provider's own error code when it gave one (Twilio's `code`, e.g. 21211).
    pub provider_code: Option<u32>,
    /// What went wrong, in a few words.
    pub reason: String,
}

impl SendError {
    /// The provider answered with a non-success status.
    pub fn status(channel: Channel, status: u16, provider_code: Option<u32>) -> SendError {
        let reason = match provider_code {
            Some(code) => format!("HTTP {status}, provider error {code}"),
            None => format!("HTTP {status}"),
        };
        SendError {
            channel,
            status: Some(status),
            provider_code,
            reason,
        }
    }

    /// The call failed before any answer, or the answer made no sense.
    pub fn other(channel: Channel, reason: impl Into<String>) -> SendError {
        SendError {
            channel,
            status: None,
            provider_code: None,
            reason: reason.into(),
        }
    }

    /// Whether sending the same message again later may succeed: no answer at all, 429
    /// (throttled) or a 5xx. A 4xx other than 429 (bad number, bad credentials) will fail
    /// the same way again.
    pub fn retryable(&self) -> bool {
        match self.status {
            None => true,
            Some(status) => status == 429 || status >= 500,
        }
    }
}

/// Sends email through a provider's HTTP API.
#[allow(async_fn_in_trait)] // Workers run on one thread: these futures never cross threads.
pub trait EmailSender {
    async fn send(
        &self,
        to: &str,
        content: &EmailContent,
        idempotency_key: &str,
    ) -> Result<(), SendError>;
}

/// Posts an email provider's JSON request: any 2xx is sent, any other answer a [`SendError`]
/// with its status, no answer at all one without.
async fn post_email(url: &str, headers: &[(&str, String)], body: String) -> Result<(), SendError> {
    let answer = crate::outbound::post_json(url, headers, body)
        .await
        .map_err(|err| SendError::other(Channel::Email, err.to_string()))?;
    if (200..300).contains(&answer.status) {
        Ok(())
    } else {
        Err(SendError::status(Channel::Email, answer.status, None))
    }
}

/// The email provider the configuration names (`EMAIL_PROVIDER`).
pub enum Mailer {
    Resend(resend::ResendSender),
    Webhook(webhook_mail::WebhookMailer),
}

impl Mailer {
    /// The sender for `config`'s provider, sending as `EMAIL_FROM`.
    pub fn from_config(config: &Config) -> Mailer {
        let from = config.email_from.clone();
        match &config.email {
            EmailProvider::Resend { api_url, api_key } => Mailer::Resend(resend::ResendSender {
                api_url: api_url.clone(),
                api_key: api_key.clone(),
                from,
            }),
            EmailProvider::Webhook { url, secret } => {
                Mailer::Webhook(webhook_mail::WebhookMailer {
                    url: url.clone(),
                    secret: secret.clone(),
                    from,
                })
            }
        }
    }
}

impl EmailSender for Mailer {
    async fn send(
        &self,
        to: &str,
        content: &EmailContent,
        idempotency_key: &str,
    ) -> Result<(), SendError> {
        match self {
            Mailer::Resend(sender) => sender.send(to, content, idempotency_key).await,
            Mailer::Webhook(sender) => sender.send(to, content, idempotency_key).await,
        }
    }
}

/// What the SMS provider says about a message it accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmsReceipt {
    /// The provider's id of the message (Twilio's `SM…` sid), safe to log.
    pub id: String,
}

/// Sends text messages through a provider's HTTP API.
#[allow(async_fn_in_trait)] // Workers run on one thread: these futures never cross threads.
pub trait SmsSender {
    /// Sends `body` to `to_e164` (a number already parsed to E.164, e.g. `+14155550100`).
    async fn send(
        &self,
        to_e164: &str,
        body: &str,
        idempotency_key: &str,
    ) -> Result<SmsReceipt, SendError>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_send_error_names_the_channel_and_the_provider_code() {
        let err = SendError::status(Channel::Sms, 400, Some(21211));
        assert_eq!(
            err.to_string(),
            "the SMS provider refused or failed: HTTP 400, provider error 21211"
        );
        assert_eq!(
            SendError::status(Channel::Email, 500, None).to_string(),
            "the email provider refused or failed: HTTP 500"
        );
    }

    #[test]
    fn throttling_server_errors_and_lost_calls_are_retryable_and_refusals_are_not() {
        for status in [429, 500, 502, 503] {
            assert!(
                SendError::status(Channel::Sms, status, None).retryable(),
                "{status}"
            );
        }
        for status in [400, 401, 403, 404, 422] {
            assert!(
                !SendError::status(Channel::Sms, status, None).retryable(),
                "{status}"
            );
        }
        assert!(SendError::other(Channel::Email, "connection reset").retryable());
    }
}
