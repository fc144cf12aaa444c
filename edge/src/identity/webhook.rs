//! The signed-webhook backend: the organisation's own endpoint receives signed JSON (format in
//! `sspr_core::webhook`) and applies it to its directory.

use sspr_core::password::NewPassword;
use sspr_core::webhook::{
    self, AdminContact, AdminContactsResponse, DirectoryUser, ErrorBody, LookupResponse,
    PASSWORD_POLICY, WebhookRequest,
};

use super::{BackendError, IdentityBackend};
use crate::outbound;

pub struct WebhookBackend {
    pub url: String,
    pub secret: Vec<u8>,
}

impl WebhookBackend {
    async fn call(
        &self,
        request: &WebhookRequest,
        idempotency_key: &str,
    ) -> Result<outbound::Answer, BackendError> {
        let body = serde_json::to_string(request).expect("webhook requests serialize");
        let headers = webhook::signed_headers(
            &self.secret,
            worker::Date::now().as_millis(),
            &body,
            idempotency_key,
        );
        outbound::post_json(&self.url, &headers, body)
            .await
            .map_err(|err| BackendError::Unavailable(format!("webhook call failed: {err}")))
    }
}

impl IdentityBackend for WebhookBackend {
    async fn lookup(&self, username: &str) -> Result<Option<DirectoryUser>, BackendError> {
        let request = WebhookRequest::Lookup {
            username: username.to_owned(),
        };
        let answer = self.call(&request, &crate::random::id()).await?;
        interpret_lookup(answer.status, &answer.body)
    }

    async fn set_password(
        &self,
        user_id: &str,
        password: &NewPassword,
        operation_id: &str,
    ) -> Result<(), BackendError> {
        let request = WebhookRequest::SetPassword {
            user_id: user_id.to_owned(),
            password: password.expose().to_owned(),
            operation_id: operation_id.to_owned(),
        };
        let answer = self.call(&request, operation_id).await?;
        interpret_change(answer.status, &answer.body)
            .map_err(|err| err.with_retry_after(answer.header("retry-after")))
    }

    async fn unlock(&self, user_id: &str, operation_id: &str) -> Result<(), BackendError> {
        let request = WebhookRequest::Unlock {
            user_id: user_id.to_owned(),
            operation_id: operation_id.to_owned(),
        };
        let answer = self.call(&request, operation_id).await?;
        interpret_change(answer.status, &answer.body)
            .map_err(|err| err.with_retry_after(answer.header("retry-after")))
    }

    async fn admin_contacts(&self) -> Result<Vec<AdminContact>, BackendError> {
        let request = WebhookRequest::AdminContacts {};
        let answer = self.call(&request, &crate::random::id()).await?;
        interpret_admin_contacts(answer.status, &answer.body)
    }
}

/// Reads the answer to `admins.list`: 200 with `{"admins": [{"email", "display_name"}]}`.
pub fn interpret_admin_contacts(
    status: u16,
    body: &str,
) -> Result<Vec<AdminContact>, BackendError> {
    if status != 200 {
        return Err(BackendError::Unavailable(format!(
            "admins.list answered HTTP {status}"
        )));
    }
    serde_json::from_str::<AdminContactsResponse>(body)
        .map(|r| super::unique_contacts(r.admins))
        .map_err(|err| BackendError::Unavailable(format!("unreadable admins.list answer: {err}")))
}

/// Reads the answer to a lookup: 200 with `{"user": …}`; 404 also means "no such user".
pub fn interpret_lookup(status: u16, body: &str) -> Result<Option<DirectoryUser>, BackendError> {
    match status {
        200 => serde_json::from_str::<LookupResponse>(body)
            .map(|r| r.user)
            .map_err(|err| BackendError::Unavailable(format!("unreadable lookup answer: {err}"))),
        404 => Ok(None),
        other => Err(BackendError::Unavailable(format!(
            "lookup answered HTTP {other}"
        ))),
    }
}

/// Reads the answer to a password change or an unlock: 2xx is done; a `password_policy` error is the
/// directory refusing this password; anything else is a failure to retry later.
pub fn interpret_change(status: u16, body: &str) -> Result<(), BackendError> {
    if (200..300).contains(&status) {
        return Ok(());
    }
    match serde_json::from_str::<ErrorBody>(body) {
        Ok(err) if (400..500).contains(&status) && err.error.code == PASSWORD_POLICY => {
            Err(BackendError::Rejected(err.error.message))
        }
        _ => Err(BackendError::Unavailable(format!(
            "password change answered HTTP {status}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_admins_list_is_read_and_a_failure_is_unavailable() {
        let body = r#"{"admins":[{"email":"dana@example.com","display_name":"Dana"},{"display_name":"No Mail"}]}"#;
        let admins = interpret_admin_contacts(200, body).unwrap();
        assert_eq!(admins.len(), 1);
        assert_eq!(admins[0].email.as_deref(), Some("dana@example.com"));
        assert!(matches!(
            interpret_admin_contacts(400, ""),
            Err(BackendError::Unavailable(_))
        ));
    }

    #[test]
    fn a_found_user_is_read() {
        let user = interpret_lookup(
            200,
            r#"{"user":{"id":"u1","email":"a@example.com","enabled":true}}"#,
        )
        .unwrap()
        .unwrap();
        assert_eq!(user.id, "u1");
    }

    #[test]
    fn null_and_404_both_mean_no_such_user() {
        assert_eq!(interpret_lookup(200, r#"{"user":null}"#), Ok(None));
        assert_eq!(interpret_lookup(404, ""), Ok(None));
    }

    #[test]
    fn a_failing_directory_is_unavailable() {
        assert!(matches!(
            interpret_lookup(500, ""),
            Err(BackendError::Unavailable(_))
        ));
        assert!(matches!(
            interpret_lookup(200, "<html>"),
            Err(BackendError::Unavailable(_))
        ));
    }

    #[test]
    fn a_policy_refusal_carries_the_directorys_message() {
        let body = r#"{"error":{"code":"password_policy","message":"used recently"}}"#;
        assert_eq!(
            interpret_change(422, body),
            Err(BackendError::Rejected("used recently".into()))
        );
    }

    #[test]
    fn other_errors_are_failures_not_refusals() {
        let body = r#"{"error":{"code":"bad_signature","message":"no"}}"#;
        assert!(matches!(
            interpret_change(401, body),
            Err(BackendError::Unavailable(_))
        ));
        assert!(matches!(
            interpret_change(503, ""),
            Err(BackendError::Unavailable(_))
        ));
        assert_eq!(interpret_change(204, ""), Ok(()));
    }
}
