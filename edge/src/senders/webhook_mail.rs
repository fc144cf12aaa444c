//! Email through the organisation's own relay (`EMAIL_PROVIDER=webhook`): a JSON POST signed
//! like the identity webhook (`Sspr-Timestamp`, `Sspr-Signature` = `v1=` HMAC-SHA256 over
//! `timestamp.body`, `Idempotency-Key`; see `sspr_core::webhook`), for organisations that send
//! mail through a system of their own (an SMTP relay behind a small receiver, a queue, a flow
//! service) rather than an email API. A 2xx answer means the relay took the message; 429 and
//! 5xx are worth trying again; any other answer is a refusal.

use serde_json::{Value, json};
use sspr_core::webhook;

use super::{EmailContent, EmailSender, SendError};

pub struct WebhookMailer {
    /// The relay's endpoint (`EMAIL_WEBHOOK_URL`).
    pub url: String,
    /// The shared signing secret (`EMAIL_WEBHOOK_SECRET`).
    pub secret: Vec<u8>,
    /// `Name <address>` (`EMAIL_FROM`).
    pub from: String,
}

/// The JSON body: `{"type":"email.send","from","to","subject","text","html"}`.
pub fn body(from: &str, to: &str, content: &EmailContent) -> Value {
    json!({
        "type": "email.send",
        "from": from,
        "to": to,
        "subject": content.subject,
        "text": content.text,
        "html": content.html,
    })
}

impl EmailSender for WebhookMailer {
    async fn send(
        &self,
        to: &str,
        content: &EmailContent,
        idempotency_key: &str,
    ) -> Result<(), SendError> {
        let body = body(&self.from, to, content).to_string();
        let headers = webhook::signed_headers(
            &self.secret,
            worker::Date::now().as_millis(),
            &body,
            idempotency_key,
        );
        super::post_email(&self.url, &headers, body).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_names_its_type_and_carries_the_whole_message() {
        let content = EmailContent {
            subject: "s".into(),
            text: "t".into(),
            html: "<p>h</p>".into(),
        };
        let body = body("A <a@example.com>", "b@example.com", &content);
        assert_eq!(body["type"], "email.send");
        assert_eq!(body["to"], "b@example.com");
        assert_eq!(body["from"], "A <a@example.com>");
        assert_eq!(
            (&body["subject"], &body["text"]),
            (&json!("s"), &json!("t"))
        );
        assert_eq!(body["html"], "<p>h</p>");
    }

    /// The request the mailbox stand-in checks in its node test (e2e/standins/mailbox.test.mjs):
    /// the same signature computed in Rust and in Node. `SSPR_WRITE_FIXTURES=1` rewrites it.
    #[test]
    fn the_golden_request_matches_the_fixture() {
        let secret = "fixture-email-webhook-secret-0123456789";
        let content = EmailContent {
            subject: "Your Contoso verification code".into(),
            text: "123456 is your code.".into(),
            html: "<p>123456 is your code.</p>".into(),
        };
        let body = body("Contoso IT <it@example.com>", "alice@example.com", &content).to_string();
        let headers =
            webhook::signed_headers(secret.as_bytes(), 1_767_225_600_000, &body, "op-golden");
        let golden = json!({
            "secret": secret,
            "headers": {
                "sspr-timestamp": headers[0].1,
                "sspr-signature": headers[1].1,
                "idempotency-key": headers[2].1,
            },
            "body": body,
        });
        let text = serde_json::to_string_pretty(&golden).unwrap() + "\n";
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../e2e/fixtures/email-webhook-request.json"
        );
        if std::env::var_os("SSPR_WRITE_FIXTURES").is_some() {
            std::fs::write(path, &text).unwrap();
        }
        assert_eq!(std::fs::read_to_string(path).unwrap(), text);
    }
}
