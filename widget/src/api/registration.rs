//! The registration routes (`/v1/register/…`): every call carries the signed-in user's
//! credential as `Authorization: Bearer`, and every answer is a [`RegistrationView`] (with
//! `error` set when nothing changed) or an error alone (not signed in, malformed request).

use serde::{Deserialize, Serialize};
use sspr_core::api::{
    AddEmailRequest, AddPhoneRequest, AnswerEntry, DefaultMethodRequest, QuestionsRequest,
    RegistrationError, RegistrationView, RemoveMethodRequest, VerifyEnrolmentRequest,
};
use sspr_core::api::{ApiError, ApproverView};
use sspr_core::policy::Method;

use super::ClientError;

/// One registration request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegisterCall {
    /// `GET /v1/register`: the picture, changing nothing.
    View,
    AddEmail(String),
    AddPhone(String),
    AddAuthenticator,
    /// `POST /v1/register/app`: a pairing code for the user's phone.
    AddApp,
    Verify(String),
    Questions(Vec<AnswerEntry>),
    Remove(Method),
    /// `POST /v1/register/default`: the method a reset offers first.
    SetDefault(Method),
    Confirm,
    Skip,
}

impl RegisterCall {
    /// The route's path under the edge's base URL.
    pub fn path(&self) -> &'static str {
        match self {
            RegisterCall::View => "/v1/register",
            RegisterCall::AddEmail(_) => "/v1/register/email",
            RegisterCall::AddPhone(_) => "/v1/register/phone",
            RegisterCall::AddAuthenticator => "/v1/register/authenticator",
            RegisterCall::AddApp => "/v1/register/app",
            RegisterCall::Verify(_) => "/v1/register/verify",
            RegisterCall::Questions(_) => "/v1/register/questions",
            RegisterCall::Remove(_) => "/v1/register/remove",
            RegisterCall::SetDefault(_) => "/v1/register/default",
            RegisterCall::Confirm => "/v1/register/confirm",
            RegisterCall::Skip => "/v1/register/skip",
        }
    }

    /// The JSON body of a POST; `None` for the GET.
    pub fn body(&self) -> Option<serde_json::Value> {
        let value = match self {
            RegisterCall::View => return None,
            RegisterCall::AddEmail(address) => serde_json::to_value(AddEmailRequest {
                address: address.clone(),
            }),
            RegisterCall::AddPhone(number) => serde_json::to_value(AddPhoneRequest {
                number: number.clone(),
            }),
            RegisterCall::Verify(code) => {
                serde_json::to_value(VerifyEnrolmentRequest { code: code.clone() })
            }
            RegisterCall::Questions(answers) => serde_json::to_value(QuestionsRequest {
                answers: answers.clone(),
            }),
            RegisterCall::Remove(method) => {
                serde_json::to_value(RemoveMethodRequest { method: *method })
            }
            RegisterCall::SetDefault(method) => {
                serde_json::to_value(DefaultMethodRequest { method: *method })
            }
            RegisterCall::AddAuthenticator
            | RegisterCall::AddApp
            | RegisterCall::Confirm
            | RegisterCall::Skip => Ok(serde_json::json!({})),
        };
        value.ok()
    }
}

/// What a registration route answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum RegisterReply {
    /// The whole picture, with the error that kept the request from changing anything,
    /// and the approver part (the paired phone, a pairing code waiting), which travels
    /// beside the view.
    View(Box<RegistrationView>, Option<ApproverView>),
    /// Only an error: not signed in (401), or a malformed request.
    Error { error: ApiError },
}

impl RegisterReply {
    /// Reads a reply: a view, else a bare error. (Not `#[serde(untagged)]`: that buffers
    /// the document and doubles the deserializers in the wasm, about 10 KB gzip.)
    pub fn parse(body: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str::<RegistrationView>(body)
            .map(|view| {
                let approver = serde_json::from_str::<ApproverPart>(body)
                    .ok()
                    .and_then(|part| part.approver);
                RegisterReply::View(Box::new(view), approver)
            })
            .or_else(|_| {
                serde_json::from_str::<RegistrationError>(body)
                    .map(|bare| RegisterReply::Error { error: bare.error })
            })
    }

    /// The error of the reply, if any.
    pub fn error(&self) -> Option<&ApiError> {
        match self {
            RegisterReply::View(view, _) => view.error.as_ref(),
            RegisterReply::Error { error } => Some(error),
        }
    }
}

/// The approver member of a registration reply (`sspr_core::api::RegistrationReply`, read
/// in two passes instead of through its `#[serde(flatten)]`, which buffers the document).
#[derive(Deserialize)]
struct ApproverPart {
    #[serde(default)]
    approver: Option<ApproverView>,
}

/// Sends `call` to the edge at `base` with the `credential` and the widget's language tag
/// `lang` (see [`super::LANGUAGE_HEADER`]), and reads the reply.
pub async fn send(
    base: &str,
    lang: &str,
    credential: &str,
    call: &RegisterCall,
) -> Result<RegisterReply, ClientError> {
    let url = format!("{}{}", base.trim_end_matches('/'), call.path());
    let bearer = format!("Bearer {credential}");
    let request = match call.body() {
        None => gloo_net::http::Request::get(&url)
            .header("Authorization", &bearer)
            .header(super::LANGUAGE_HEADER, lang)
            .build(),
        Some(body) => gloo_net::http::Request::post(&url)
            .header("Authorization", &bearer)
            .header(super::LANGUAGE_HEADER, lang)
            .json(&body),
    }
    .map_err(|_| ClientError::Unreadable)?;
    let response = request.send().await.map_err(|_| ClientError::Network)?;
    let body = response.text().await.map_err(|_| ClientError::Unreadable)?;
    RegisterReply::parse(&body).map_err(|_| ClientError::Unreadable)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sspr_core::api::ErrorCode;

    #[test]
    fn a_bare_error_and_a_view_are_told_apart() {
        let bare =
            RegisterReply::parse(r#"{"error":{"code":"unauthenticated","message":"sign in"}}"#)
                .unwrap();
        assert_eq!(bare.error().unwrap().code, ErrorCode::Unauthenticated);
        let view = RegisterReply::parse(
            r#"{"username":"alice","due":{"kind":"register","missing":1,"skips_left":2},
                "required":1,"allowed":["email_code","sms_code"],"methods":[],
                "removal_needs_sign_in_after":0}"#,
        )
        .unwrap();
        assert!(matches!(view, RegisterReply::View(_, None)));
        assert!(view.error().is_none());
        let paired = RegisterReply::parse(
            r#"{"username":"alice","due":{"kind":"up_to_date"},"required":1,"allowed":["app_notification"],
                "methods":[{"method":"app_notification","destination":""}],"removal_needs_sign_in_after":0,
                "approver":{"paired":{"name":"Pixel","paired_at":5}}}"#,
        )
        .unwrap();
        let RegisterReply::View(_, Some(approver)) = paired else {
            panic!("{paired:?}");
        };
        assert_eq!(approver.paired.unwrap().name, "Pixel");
    }

    #[test]
    fn calls_go_to_their_routes_with_the_documented_bodies() {
        assert_eq!(RegisterCall::View.body(), None);
        assert_eq!(
            RegisterCall::AddPhone("+44 7700 900123".into()).body(),
            Some(serde_json::json!({"number": "+44 7700 900123"}))
        );
        assert_eq!(
            RegisterCall::Remove(Method::SmsCode).body(),
            Some(serde_json::json!({"method": "sms_code"}))
        );
        assert_eq!(RegisterCall::Skip.path(), "/v1/register/skip");
        assert_eq!(RegisterCall::AddApp.path(), "/v1/register/app");
        assert_eq!(
            RegisterCall::SetDefault(Method::Authenticator).body(),
            Some(serde_json::json!({"method": "authenticator"}))
        );
        assert_eq!(RegisterCall::AddApp.body(), Some(serde_json::json!({})));
        assert_eq!(RegisterCall::Skip.body(), Some(serde_json::json!({})));
    }
}
