//! SMS through Twilio's Messages API: `POST {api}/2010-04-01/Accounts/{AccountSid}/Messages.json`
//! with HTTP Basic auth (`AccountSid:AuthToken`) and a form-encoded body of `To`, `From` (or
//! `MessagingServiceSid` for a Messaging Service, whose sid starts with `MG`) and `Body`.
//! Twilio answers 201 with the Message resource, or an error document
//! `{"code", "message", "more_info", "status"}` whose message may quote the number: only its
//! numeric code and the status are kept. In the demo and the tests the same calls go to a
//! local stand-in that speaks this API (`e2e/standins/sms.mjs`).
//!
//! Everything but the network call is a plain function, tested natively.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde::Deserialize;

use super::{Channel, SendError, SmsReceipt, SmsSender};
use crate::config::SmsConfig;
use crate::outbound;

/// The API version in every Messages API path.
pub const API_VERSION: &str = "2010-04-01";

pub struct TwilioSender {
    /// `https://api.twilio.com` in production, without a trailing slash.
    pub api_url: String,
    /// `AC` followed by 32 hex digits.
    pub account_sid: String,
    pub auth_token: String,
    /// An E.164 number of the account, or a Messaging Service sid (`MG…`).
    pub from: String,
}

/// One request to create a message, built without touching the network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageRequest {
    pub url: String,
    /// The `Authorization` header's value.
    pub authorization: String,
    /// The `application/x-www-form-urlencoded` body.
    pub body: String,
}

impl From<&SmsConfig> for TwilioSender {
    fn from(config: &SmsConfig) -> TwilioSender {
        TwilioSender {
            api_url: config.api_url.clone(),
            account_sid: config.account_sid.clone(),
            auth_token: config.auth_token.clone(),
            from: config.from.clone(),
        }
    }
}

impl TwilioSender {
    /// The request that sends `body` to `to_e164`.
    pub fn request(&self, to_e164: &str, body: &str) -> MessageRequest {
        MessageRequest {
            url: messages_url(&self.api_url, &self.account_sid),
            authorization: basic_auth(&self.account_sid, &self.auth_token),
            body: form_body(&self.from, to_e164, body),
        }
    }
}

/// The Messages list resource of an account.
pub fn messages_url(api_url: &str, account_sid: &str) -> String {
    format!(
        "{}/{API_VERSION}/Accounts/{account_sid}/Messages.json",
        api_url.trim_end_matches('/')
    )
}

/// `Basic base64(user:password)` (RFC 7617).
pub fn basic_auth(user: &str, password: &str) -> String {
    format!("Basic {}", STANDARD.encode(format!("{user}:{password}")))
}

/// The form body: `To`, then `MessagingServiceSid` when `from` names a Messaging Service
/// (`MG…`) or `From` otherwise, then `Body`.
pub fn form_body(from: &str, to_e164: &str, body: &str) -> String {
    let sender_field = if is_messaging_service(from) {
        "MessagingServiceSid"
    } else {
        "From"
    };
    form_urlencoded::Serializer::new(String::new())
        .append_pair("To", to_e164)
        .append_pair(sender_field, from)
        .append_pair("Body", body)
        .finish()
}

/// Whether a configured sender is a Messaging Service sid rather than a number.
pub fn is_messaging_service(from: &str) -> bool {
    from.starts_with("MG")
}

/// Twilio's answer, read: the message's sid on success, otherwise an error with the status
/// and Twilio's numeric code (never its message, which may quote the number).
pub fn interpret(status: u16, body: &str) -> Result<SmsReceipt, SendError> {
    #[derive(Deserialize)]
    struct Created {
        sid: Option<String>,
    }
    #[derive(Deserialize)]
    struct Failure {
        code: Option<u32>,
    }
    if (200..300).contains(&status) {
        return match serde_json::from_str::<Created>(body) {
            Ok(Created { sid: Some(sid) }) if !sid.is_empty() => Ok(SmsReceipt { id: sid }),
            // Accepted, so it is not retried (that could send it twice), but reported.
            _ => Err(SendError {
                reason: format!("HTTP {status} without a message sid"),
                ..SendError::status(Channel::Sms, status, None)
            }),
        };
    }
    let code = serde_json::from_str::<Failure>(body)
        .ok()
        .and_then(|f| f.code);
    Err(SendError::status(Channel::Sms, status, code))
}

impl SmsSender for TwilioSender {
    // Twilio's Messages API takes no idempotency key; at-most-once sending is the caller's
    // (the Durable Object records a code before it is sent).
    async fn send(
        &self,
        to_e164: &str,
        body: &str,
        _idempotency_key: &str,
    ) -> Result<SmsReceipt, SendError> {
        let request = self.request(to_e164, body);
        let answer = outbound::post(
            &request.url,
            "application/x-www-form-urlencoded",
            &[("Authorization", request.authorization)],
            request.body,
        )
        .await
        .map_err(|err| SendError::other(Channel::Sms, err.to_string()))?;
        interpret(answer.status, &answer.body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sender(from: &str) -> TwilioSender {
        TwilioSender {
            api_url: "https://api.twilio.com".into(),
            account_sid: "AC0123456789abcdef0123456789abcdef".into(),
            auth_token: "token".into(),
            from: from.into(),
        }
    }

    fn pairs(body: &str) -> Vec<(String, String)> {
        form_urlencoded::parse(body.as_bytes())
            .into_owned()
            .collect()
    }

    #[test]
    fn the_sender_is_built_from_the_sms_settings() {
        let config = SmsConfig {
            api_url: "http://127.0.0.1:8027".into(),
            account_sid: "AC0123456789abcdef0123456789abcdef".into(),
            auth_token: "token".into(),
            from: "+15005550006".into(),
        };
        let request = TwilioSender::from(&config).request("+14155550100", "hi");
        assert_eq!(
            request.url,
            "http://127.0.0.1:8027/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json"
        );
        assert_eq!(
            request.authorization,
            basic_auth(&config.account_sid, "token")
        );
    }

    #[test]
    fn the_url_is_the_accounts_messages_resource() {
        assert_eq!(
            messages_url("https://api.twilio.com/", "ACabc"),
            "https://api.twilio.com/2010-04-01/Accounts/ACabc/Messages.json"
        );
    }

    #[test]
    fn basic_auth_encodes_sid_colon_token() {
        // RFC 7617's own example.
        assert_eq!(
            basic_auth("Aladdin", "open sesame"),
            "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
        );
    }

    #[test]
    fn a_number_goes_in_from() {
        let request = sender("+15005550006").request("+14155550100", "123456 is your code");
        assert_eq!(
            pairs(&request.body),
            [
                ("To".to_owned(), "+14155550100".to_owned()),
                ("From".to_owned(), "+15005550006".to_owned()),
                ("Body".to_owned(), "123456 is your code".to_owned()),
            ]
        );
    }

    #[test]
    fn a_messaging_service_goes_in_messaging_service_sid() {
        let from = "MG0123456789abcdef0123456789abcdef";
        let request = sender(from).request("+14155550100", "hi");
        let fields = pairs(&request.body);
        assert!(fields.contains(&("MessagingServiceSid".to_owned(), from.to_owned())));
        assert!(!fields.iter().any(|(name, _)| name == "From"));
    }

    #[test]
    fn plus_newlines_and_non_ascii_survive_form_encoding() {
        let body = "123456 is your Zürich & Co code.\n\n@login.example.com #123456";
        let encoded = form_body("+15005550006", "+14155550100", body);
        assert!(encoded.starts_with("To=%2B14155550100&From=%2B15005550006&Body="));
        assert!(!encoded.contains('\n') && !encoded.contains(' '));
        assert_eq!(pairs(&encoded)[2].1, body);
    }

    #[test]
    fn created_gives_the_message_sid() {
        let body = r#"{"sid":"SM0123456789abcdef0123456789abcdef","status":"queued"}"#;
        assert_eq!(
            interpret(201, body),
            Ok(SmsReceipt {
                id: "SM0123456789abcdef0123456789abcdef".into()
            })
        );
    }

    #[test]
    fn an_error_keeps_twilios_code_and_status_but_not_its_message() {
        let body = r#"{"code":21211,"message":"The 'To' number +14155550100 is not a valid phone number.","more_info":"https://www.twilio.com/docs/errors/21211","status":400}"#;
        let err = interpret(400, body).unwrap_err();
        assert_eq!(
            (err.channel, err.status, err.provider_code),
            (Channel::Sms, Some(400), Some(21211))
        );
        assert!(!err.retryable());
        assert!(!err.to_string().contains("4155550100"), "{err}");
    }

    #[test]
    fn throttling_and_server_errors_are_retryable() {
        let throttled = interpret(
            429,
            r#"{"code":20429,"message":"Too Many Requests","status":429}"#,
        )
        .unwrap_err();
        assert_eq!(throttled.provider_code, Some(20429));
        assert!(throttled.retryable());
        let down = interpret(503, "<html>Service Unavailable</html>").unwrap_err();
        assert_eq!((down.status, down.provider_code), (Some(503), None));
        assert!(down.retryable());
    }

    #[test]
    fn bad_credentials_are_not_retryable() {
        let err = interpret(
            401,
            r#"{"code":20003,"message":"Authenticate","status":401}"#,
        )
        .unwrap_err();
        assert_eq!(err.provider_code, Some(20003));
        assert!(!err.retryable());
    }

    #[test]
    fn an_acceptance_without_a_sid_is_reported_and_not_retried() {
        let err = interpret(201, "{}").unwrap_err();
        assert_eq!(err.status, Some(201));
        assert!(!err.retryable());
        assert!(err.to_string().contains("without a message sid"));
    }

    /// The request the stand-in's own test replays (`e2e/standins/sms.test.mjs`): if this
    /// adapter changes what it sends, this test fails until the fixture is regenerated with
    /// `SSPR_WRITE_FIXTURES=1 cargo test -p sspr-edge twilio`, and the stand-in is checked
    /// against the new request.
    #[test]
    fn the_golden_request_matches_the_fixture() {
        let sender = TwilioSender {
            api_url: "http://127.0.0.1:0".into(),
            account_sid: "AC00000000000000000000000000000001".into(),
            auth_token: "fixture-auth-token".into(),
            from: "+15005550006".into(),
        };
        let request = sender.request(
            "+14155550100",
            "123456 is your Contoso verification code. It expires in 10 minutes.\n\n@login.contoso.com #123456",
        );
        let golden = serde_json::json!({
            "method": "POST",
            "path": request.url.trim_start_matches(&sender.api_url),
            "headers": {
                "authorization": request.authorization,
                "content-type": "application/x-www-form-urlencoded",
            },
            "body": request.body,
            "account_sid": sender.account_sid,
            "auth_token": sender.auth_token,
        });
        let text = serde_json::to_string_pretty(&golden).unwrap() + "\n";
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../e2e/fixtures/twilio-request.json"
        );
        if std::env::var_os("SSPR_WRITE_FIXTURES").is_some() {
            std::fs::write(path, &text).unwrap();
        }
        assert_eq!(std::fs::read_to_string(path).unwrap(), text);
    }
}
