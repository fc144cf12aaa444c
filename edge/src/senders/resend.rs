//! Email through Resend's API (`POST /emails`, bearer key, JSON). In the demo and the tests
//! the same calls go to a local mailbox that speaks this API.

use serde_json::{Value, json};

use super::{EmailContent, EmailSender, SendError};

pub struct ResendSender {
    /// `https://api.resend.com` in production.
    pub api_url: String,
    pub api_key: String,
    /// `Name <address>`.
    pub from: String,
}

/// The JSON body of `POST /emails`.
pub fn body(from: &str, to: &str, content: &EmailContent) -> Value {
    json!({
        "from": from,
        "to": [to],
        "subject": content.subject,
        "text": content.text,
        "html": content.html,
    })
}

impl EmailSender for ResendSender {
    async fn send(
        &self,
        to: &str,
        content: &EmailContent,
        idempotency_key: &str,
    ) -> Result<(), SendError> {
        let headers = [
            ("Authorization", format!("Bearer {}", self.api_key)),
            ("Idempotency-Key", idempotency_key.to_owned()),
        ];
        super::post_email(
            &format!("{}/emails", self.api_url),
            &headers,
            body(&self.from, to, content).to_string(),
        )
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_has_resends_fields() {
        let content = EmailContent {
            subject: "s".into(),
            text: "t".into(),
            html: "<p>h</p>".into(),
        };
        let body = body("A <a@example.com>", "b@example.com", &content);
        assert_eq!(body["to"][0], "b@example.com");
        assert_eq!(body["from"], "A <a@example.com>");
        assert_eq!(body["html"], "<p>h</p>");
    }
}
