//! The Microsoft Graph backend (Entra ID). The app signs in with the client-credentials grant
//! (`POST {login}/{tenant}/oauth2/v2.0/token` with its client secret) and keeps the token in
//! the isolate's memory until five minutes before it expires. Users are looked up by user
//! principal name (`GET /v1.0/users/{upn}`), their groups and directory roles read from
//! `memberOf` (all pages), and passwords set with `PATCH /v1.0/users/{id}` and a
//! `passwordProfile` (`forceChangePasswordNextSignIn: false`: the user just chose it).
//!
//! The app needs the application permissions `User.Read.All`, `GroupMember.Read.All` (or
//! `Directory.Read.All`) and `User-PasswordProfile.ReadWrite.All`; resetting an
//! administrator's password also needs an Entra role such as Privileged Authentication
//! Administrator for the app.
//!
//! Unlock: Entra's smart lockout cannot be cleared through Graph (a successful password
//! reset clears it), so unlock is refused with a clear error; unlock flows need the webhook
//! or writeback backend.
//!
//! Everything but the network calls is a plain function, tested natively; the calls run
//! against `e2e/standins/graph.mjs` in the integration tests.

use std::cell::RefCell;

use serde::Deserialize;
use serde_json::json;
use sspr_core::password::NewPassword;
use sspr_core::webhook::{AdminContact, DirectoryUser};

use super::graph_assertion::{ASSERTION_TYPE, PlatformRng};
use super::{BackendError, IdentityBackend, e164, percent_encode, retry_note, user_message};
use crate::config::{GraphConfig, GraphCredential};
use crate::outbound;

/// The scope of an app-only token for Microsoft Graph.
pub const SCOPE: &str = "https://graph.microsoft.com/.default";
/// A token is renewed this long before it expires.
pub const RENEW_BEFORE_MS: u64 = 5 * 60 * 1000;
/// The properties a lookup reads.
pub const USER_SELECT: &str = "id,displayName,mail,mobilePhone,accountEnabled,userPrincipalName";
/// Pages of `memberOf` read at most (100 entries each by default).
const MAX_PAGES: usize = 50;

pub struct GraphBackend {
    pub config: GraphConfig,
}

impl From<&GraphConfig> for GraphBackend {
    fn from(config: &GraphConfig) -> GraphBackend {
        GraphBackend {
            config: config.clone(),
        }
    }
}

/// The token endpoint of a tenant.
pub fn token_url(login_url: &str, tenant: &str) -> String {
    format!("{login_url}/{}/oauth2/v2.0/token", percent_encode(tenant))
}

/// How the client-credentials form proves the app: its secret, or a signed assertion.
pub enum Proof<'a> {
    Secret(&'a str),
    /// A client assertion made by [`CertificateCredential::assertion`].
    Assertion(&'a str),
}

/// The client-credentials form.
pub fn token_form(client_id: &str, proof: Proof<'_>) -> String {
    let mut form = form_urlencoded::Serializer::new(String::new());
    form.append_pair("client_id", client_id);
    match proof {
        Proof::Secret(secret) => form.append_pair("client_secret", secret),
        Proof::Assertion(assertion) => form
            .append_pair("client_assertion_type", ASSERTION_TYPE)
            .append_pair("client_assertion", assertion),
    };
    form.append_pair("scope", SCOPE)
        .append_pair("grant_type", "client_credentials")
        .finish()
}

/// The form that asks for a token, with a fresh assertion when the app has a certificate.
pub fn token_request(config: &GraphConfig, now_ms: u64) -> String {
    match &config.credential {
        GraphCredential::Secret(secret) => token_form(&config.client_id, Proof::Secret(secret)),
        GraphCredential::Certificate(certificate) => {
            let mut jti = [0u8; 16];
            crate::random::fill(&mut jti);
            let assertion = certificate.assertion(
                &config.client_id,
                &token_url(&config.login_url, &config.tenant_id),
                now_ms / 1000,
                &crate::random::uuid_v4(jti),
                &mut PlatformRng,
            );
            token_form(&config.client_id, Proof::Assertion(&assertion))
        }
    }
}

/// An access token and until when it is used.
#[derive(Clone, PartialEq, Eq)]
pub struct CachedToken {
    /// Which app and tenant it belongs to.
    pub key: String,
    pub access_token: String,
    /// Unix milliseconds from which a new token is fetched.
    pub renew_at_ms: u64,
}

impl std::fmt::Debug for CachedToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CachedToken")
            .field("key", &self.key)
            .field("renew_at_ms", &self.renew_at_ms)
            .finish_non_exhaustive()
    }
}

impl CachedToken {
    pub fn usable(&self, key: &str, now_ms: u64) -> bool {
        self.key == key && now_ms < self.renew_at_ms
    }
}

/// Reads the token endpoint's answer: the token, used until `expires_in` less five minutes
/// (a token that lives less than that serves this one call only). Errors keep the OAuth
/// error and the `AADSTS` code, never the description's free text.
pub fn interpret_token(
    status: u16,
    body: &str,
    now_ms: u64,
    key: &str,
) -> Result<CachedToken, BackendError> {
    #[derive(Deserialize)]
    struct Issued {
        access_token: String,
        expires_in: u64,
    }
    #[derive(Deserialize)]
    struct Refused {
        error: Option<String>,
        error_description: Option<String>,
    }
    if status == 200
        && let Ok(issued) = serde_json::from_str::<Issued>(body)
    {
        return Ok(CachedToken {
            key: key.to_owned(),
            access_token: issued.access_token,
            renew_at_ms: (now_ms + issued.expires_in * 1000).saturating_sub(RENEW_BEFORE_MS),
        });
    }
    let refused = serde_json::from_str::<Refused>(body).ok();
    let error = refused
        .as_ref()
        .and_then(|r| r.error.clone())
        .unwrap_or_else(|| "no OAuth error".into());
    let code = refused
        .and_then(|r| r.error_description)
        .and_then(|d| {
            d.split(|c: char| !c.is_ascii_alphanumeric())
                .find(|w| w.starts_with("AADSTS"))
                .map(str::to_owned)
        })
        .map(|c| format!(", {c}"))
        .unwrap_or_default();
    let hint = if error == "invalid_client" || error == "unauthorized_client" {
        "the token endpoint refused the app's credentials (GRAPH_CLIENT_ID with \
         GRAPH_CLIENT_SECRET or GRAPH_CLIENT_CERTIFICATE / GRAPH_CLIENT_KEY)"
    } else {
        "no Graph token"
    };
    Err(BackendError::Unavailable(format!(
        "{hint}: HTTP {status} ({error}{code})"
    )))
}

thread_local! {
    /// The isolate's token: Workers run one isolate per thread, and the token outlives
    /// requests there.
    static TOKEN: RefCell<Option<CachedToken>> = const { RefCell::new(None) };
}

/// The user's resource, with the properties a lookup reads.
pub fn user_url(api_url: &str, upn_or_id: &str) -> String {
    format!(
        "{api_url}/v1.0/users/{}?$select={USER_SELECT}",
        percent_encode(upn_or_id)
    )
}

/// The first page of the groups and directory roles a user is a direct member of.
pub fn member_of_url(api_url: &str, id: &str) -> String {
    format!(
        "{api_url}/v1.0/users/{}/memberOf?$select=displayName,roleTemplateId",
        percent_encode(id)
    )
}

/// The directory roles activated in the tenant (`GET /directoryRoles`).
pub fn directory_roles_url(api_url: &str) -> String {
    format!("{api_url}/v1.0/directoryRoles?$select=id,displayName,roleTemplateId")
}

/// The first page of a directory role's members, with the properties a notice needs.
pub fn role_members_url(api_url: &str, role_id: &str) -> String {
    format!(
        "{api_url}/v1.0/directoryRoles/{}/members?$select=displayName,mail,userPrincipalName,preferredLanguage",
        percent_encode(role_id)
    )
}

/// Reads `GET /directoryRoles`: the ids of the roles that make an administrator (see
/// [`is_admin`]).
pub fn interpret_directory_roles(
    status: u16,
    body: &str,
    admin_roles: &[String],
    request_id: Option<&str>,
) -> Result<Vec<String>, BackendError> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Entry {
        id: String,
        display_name: Option<String>,
        role_template_id: Option<String>,
    }
    #[derive(Deserialize)]
    struct Page {
        #[serde(default)]
        value: Vec<Entry>,
    }
    if status != 200 {
        return Err(failure("directoryRoles", status, body, None, request_id));
    }
    let page: Page = serde_json::from_str(body).map_err(|err| {
        BackendError::Unavailable(format!("unreadable Graph directoryRoles: {err}"))
    })?;
    Ok(page
        .value
        .into_iter()
        .filter(|entry| {
            let role = Role {
                display_name: entry.display_name.clone().unwrap_or_default(),
                template_id: entry.role_template_id.clone().unwrap_or_default(),
            };
            is_admin(&[role], admin_roles)
        })
        .map(|entry| entry.id)
        .collect())
}

/// Reads a page of a directory role's members: the users' addresses (`mail`, else a
/// `userPrincipalName` in address form), and the next page. Service principals and groups
/// are skipped.
pub fn interpret_role_members(
    status: u16,
    body: &str,
    request_id: Option<&str>,
) -> Result<(Vec<AdminContact>, Option<String>), BackendError> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Entry {
        #[serde(rename = "@odata.type")]
        odata_type: Option<String>,
        display_name: Option<String>,
        mail: Option<String>,
        user_principal_name: Option<String>,
        preferred_language: Option<String>,
    }
    #[derive(Deserialize)]
    struct Page {
        #[serde(default)]
        value: Vec<Entry>,
        #[serde(rename = "@odata.nextLink")]
        next: Option<String>,
    }
    if status != 200 {
        return Err(failure(
            "directoryRole members",
            status,
            body,
            None,
            request_id,
        ));
    }
    let page: Page = serde_json::from_str(body).map_err(|err| {
        BackendError::Unavailable(format!("unreadable Graph directoryRole members: {err}"))
    })?;
    let contacts = page
        .value
        .into_iter()
        .filter(|e| {
            e.odata_type
                .as_deref()
                .is_none_or(|t| t == "#microsoft.graph.user")
        })
        .map(|e| AdminContact {
            email: e
                .mail
                .filter(|m| !m.trim().is_empty())
                .or(e.user_principal_name.filter(|u| u.contains('@'))),
            display_name: e.display_name,
            language: e.preferred_language.filter(|l| !l.trim().is_empty()),
        })
        .collect();
    Ok((contacts, page.next))
}

/// The resource a password is set on (no query).
pub fn patch_url(api_url: &str, id: &str) -> String {
    format!("{api_url}/v1.0/users/{}", percent_encode(id))
}

/// The PATCH that sets a password the user chose.
pub fn password_body(password: &str) -> String {
    json!({
        "passwordProfile": {
            "forceChangePasswordNextSignIn": false,
            "password": password,
        }
    })
    .to_string()
}

/// A user as Graph describes them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GraphUser {
    pub id: String,
    pub display_name: Option<String>,
    pub mail: Option<String>,
    pub mobile_phone: Option<String>,
    pub account_enabled: Option<bool>,
    pub user_principal_name: Option<String>,
}

/// Reads a user lookup: the user, or `None` on 404.
pub fn interpret_user(
    status: u16,
    body: &str,
    request_id: Option<&str>,
) -> Result<Option<GraphUser>, BackendError> {
    match status {
        200 => serde_json::from_str(body)
            .map(Some)
            .map_err(|err| BackendError::Unavailable(format!("unreadable Graph user: {err}"))),
        404 => Ok(None),
        _ => Err(failure("user lookup", status, body, None, request_id)),
    }
}

/// A directory role a user holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub display_name: String,
    pub template_id: String,
}

/// One page of `memberOf`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemberPage {
    pub groups: Vec<String>,
    pub roles: Vec<Role>,
    pub next: Option<String>,
}

/// Reads a page of `memberOf`: groups by display name, directory roles, and the next page.
/// Administrative units and other directory objects are skipped.
pub fn interpret_member_page(
    status: u16,
    body: &str,
    request_id: Option<&str>,
) -> Result<MemberPage, BackendError> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Entry {
        #[serde(rename = "@odata.type")]
        odata_type: Option<String>,
        display_name: Option<String>,
        role_template_id: Option<String>,
    }
    #[derive(Deserialize)]
    struct Page {
        #[serde(default)]
        value: Vec<Entry>,
        #[serde(rename = "@odata.nextLink")]
        next: Option<String>,
    }
    if status != 200 {
        return Err(failure("memberOf", status, body, None, request_id));
    }
    let page: Page = serde_json::from_str(body)
        .map_err(|err| BackendError::Unavailable(format!("unreadable Graph memberOf: {err}")))?;
    let mut out = MemberPage {
        next: page.next,
        ..MemberPage::default()
    };
    for entry in page.value {
        match entry.odata_type.as_deref() {
            Some("#microsoft.graph.group") => out.groups.extend(entry.display_name),
            Some("#microsoft.graph.directoryRole") => out.roles.push(Role {
                display_name: entry.display_name.unwrap_or_default(),
                template_id: entry.role_template_id.unwrap_or_default(),
            }),
            _ => {}
        }
    }
    Ok(out)
}

/// Whether a `@odata.nextLink` may be followed with our token: only on the configured API.
pub fn next_link_allowed(api_url: &str, next: &str) -> bool {
    next.strip_prefix(api_url)
        .is_some_and(|rest| rest.starts_with('/'))
}

/// Whether the roles make an administrator: any directory role when `admin_roles` is empty
/// (Entra's two-gate policy covers every admin role), else one named by template id or
/// display name (case-insensitive).
pub fn is_admin(roles: &[Role], admin_roles: &[String]) -> bool {
    if admin_roles.is_empty() {
        return !roles.is_empty();
    }
    roles.iter().any(|role| {
        admin_roles.iter().any(|wanted| {
            wanted.eq_ignore_ascii_case(&role.template_id)
                || wanted.eq_ignore_ascii_case(&role.display_name)
        })
    })
}

/// The user the edge works with.
pub fn to_directory_user(
    user: GraphUser,
    groups: Vec<String>,
    roles: &[Role],
    admin_roles: &[String],
) -> DirectoryUser {
    DirectoryUser {
        id: user.id,
        email: user.mail.filter(|m| !m.trim().is_empty()),
        display_name: user.display_name,
        phone: user.mobile_phone.as_deref().and_then(e164),
        enabled: user.account_enabled.unwrap_or(true),
        groups,
        admin: is_admin(roles, admin_roles),
    }
}

/// Graph's error document: `{"error":{"code","message","innerError":{"request-id","date"}}}`.
#[derive(Debug, Default, Deserialize)]
struct GraphError {
    code: Option<String>,
    message: Option<String>,
    #[serde(rename = "innerError")]
    inner_error: Option<InnerError>,
}

#[derive(Debug, Default, Deserialize)]
struct InnerError {
    #[serde(rename = "request-id")]
    request_id: Option<String>,
}

fn read_error(body: &str) -> GraphError {
    #[derive(Deserialize)]
    struct Envelope {
        error: GraphError,
    }
    serde_json::from_str::<Envelope>(body)
        .map(|e| e.error)
        .unwrap_or_default()
}

/// Words of a password-policy refusal in Graph's message (e.g. "The specified password
/// does not comply with password complexity requirements. Please provide a different
/// password.").
fn looks_like_policy(code: &str, message: &str) -> bool {
    let text = format!("{code} {message}").to_ascii_lowercase();
    text.contains("password")
        && [
            "complexity",
            "complex",
            "policy",
            "history",
            "requirement",
            "length",
            "recently",
            "banned",
        ]
        .iter()
        .any(|word| text.contains(word))
}

/// Reads the answer to the password PATCH (the 401 retry happens before this).
pub fn interpret_change(
    status: u16,
    body: &str,
    password: &str,
    retry_after: Option<&str>,
    request_id: Option<&str>,
) -> Result<(), BackendError> {
    if (200..300).contains(&status) {
        return Ok(());
    }
    let error = read_error(body);
    if status == 400
        && looks_like_policy(
            error.code.as_deref().unwrap_or(""),
            error.message.as_deref().unwrap_or(""),
        )
    {
        return Err(BackendError::Rejected(user_message(
            error.message.as_deref(),
            password,
        )));
    }
    Err(failure(
        "password change",
        status,
        body,
        retry_after,
        request_id,
    ))
}

/// A failure that is not the user's: the call, the status, Graph's error code, what the
/// operator can do, Retry-After and Graph's request id (for Microsoft support and the
/// audit log). Graph's message is left out: it can quote input.
fn failure(
    what: &str,
    status: u16,
    body: &str,
    retry_after: Option<&str>,
    request_id: Option<&str>,
) -> BackendError {
    let error = read_error(body);
    let code = error.code.map(|c| format!(" ({c})")).unwrap_or_default();
    let request_id = error
        .inner_error
        .and_then(|i| i.request_id)
        .or_else(|| request_id.map(str::to_owned))
        .map(|id| format!("; request-id {id}"))
        .unwrap_or_default();
    let hint = match status {
        401 => "the Graph token was refused even after renewing it",
        403 => {
            "the app lacks a permission: User.Read.All, GroupMember.Read.All and \
             User-PasswordProfile.ReadWrite.All (and an Entra role such as Privileged \
             Authentication Administrator to reset administrators)"
        }
        404 => "the Graph user was not found",
        429 => "Graph is throttling the app",
        500..=599 => "Graph failed",
        _ => "Graph answered an error",
    };
    BackendError::Unavailable(format!(
        "{hint}: {what} answered HTTP {status}{code}{}{request_id}",
        retry_note(retry_after)
    ))
}

/// Entra's smart lockout cannot be cleared through Graph.
pub fn unlock_unsupported() -> BackendError {
    BackendError::Unsupported(
        "unlock is not supported by the Graph backend (Entra ID's smart lockout cannot be \
         cleared through Graph; a successful password reset clears it); unlock flows need \
         the webhook or writeback backend"
            .into(),
    )
}

/// The headers kept from Graph's answers.
const KEEP: &[&str] = &["Retry-After", "request-id"];

impl GraphBackend {
    fn cache_key(&self) -> String {
        format!(
            "{} {} {}",
            self.config.login_url, self.config.tenant_id, self.config.client_id
        )
    }

    /// The cached token, or a new one.
    async fn token(&self) -> Result<String, BackendError> {
        let key = self.cache_key();
        let now = now_ms();
        let cached = TOKEN.with_borrow(|t| t.clone().filter(|t| t.usable(&key, now)));
        if let Some(token) = cached {
            return Ok(token.access_token);
        }
        let answer = outbound::post(
            &token_url(&self.config.login_url, &self.config.tenant_id),
            "application/x-www-form-urlencoded",
            &[],
            token_request(&self.config, now),
        )
        .await
        .map_err(|err| BackendError::Unavailable(format!("Graph token call failed: {err}")))?;
        let token = interpret_token(answer.status, &answer.body, now, &key)?;
        let access = token.access_token.clone();
        TOKEN.with_borrow_mut(|t| *t = Some(token));
        Ok(access)
    }

    /// Calls Graph with the token; on a 401 (the token expired or was revoked) the cached
    /// token is dropped and the call is made once more with a new one.
    async fn call(
        &self,
        method: &str,
        url: &str,
        body: Option<String>,
    ) -> Result<outbound::Answer, BackendError> {
        let mut answer = None;
        for _ in 0..2 {
            let token = self.token().await?;
            let mut headers = vec![("Authorization", format!("Bearer {token}"))];
            if body.is_some() {
                headers.push(("Content-Type", "application/json".to_owned()));
            }
            let reply = outbound::send(method, url, &headers, body.clone(), KEEP)
                .await
                .map_err(|err| BackendError::Unavailable(format!("Graph call failed: {err}")))?;
            if reply.status != 401 {
                return Ok(reply);
            }
            TOKEN.with_borrow_mut(|t| *t = None);
            answer = Some(reply);
        }
        Ok(answer.expect("two attempts were made"))
    }
}

fn now_ms() -> u64 {
    worker::Date::now().as_millis()
}

impl IdentityBackend for GraphBackend {
    async fn lookup(&self, username: &str) -> Result<Option<DirectoryUser>, BackendError> {
        let api = &self.config.api_url;
        let answer = self.call("GET", &user_url(api, username), None).await?;
        let Some(user) = interpret_user(answer.status, &answer.body, answer.header("request-id"))?
        else {
            return Ok(None);
        };
        let mut groups = Vec::new();
        let mut roles = Vec::new();
        let mut next = Some(member_of_url(api, &user.id));
        let mut pages = 0;
        while let Some(url) = next.take() {
            pages += 1;
            if pages > MAX_PAGES {
                return Err(BackendError::Unavailable(format!(
                    "memberOf has more than {MAX_PAGES} pages"
                )));
            }
            let answer = self.call("GET", &url, None).await?;
            let page =
                interpret_member_page(answer.status, &answer.body, answer.header("request-id"))?;
            groups.extend(page.groups);
            roles.extend(page.roles);
            if let Some(link) = page.next {
                if !next_link_allowed(api, &link) {
                    return Err(BackendError::Unavailable(
                        "memberOf's next page is not on GRAPH_API_URL".into(),
                    ));
                }
                next = Some(link);
            }
        }
        Ok(Some(to_directory_user(
            user,
            groups,
            &roles,
            &self.config.admin_roles,
        )))
    }

    async fn set_password(
        &self,
        user_id: &str,
        password: &NewPassword,
        _operation_id: &str,
    ) -> Result<(), BackendError> {
        let answer = self
            .call(
                "PATCH",
                &patch_url(&self.config.api_url, user_id),
                Some(password_body(password.expose())),
            )
            .await?;
        interpret_change(
            answer.status,
            &answer.body,
            password.expose(),
            answer.header("retry-after"),
            answer.header("request-id"),
        )
    }

    async fn unlock(&self, _user_id: &str, _operation_id: &str) -> Result<(), BackendError> {
        Err(unlock_unsupported())
    }

    /// The members of every activated directory role that makes an administrator
    /// (`GRAPH_ADMIN_ROLES`, else any), all pages, each address once.
    async fn admin_contacts(&self) -> Result<Vec<AdminContact>, BackendError> {
        let api = &self.config.api_url;
        let answer = self.call("GET", &directory_roles_url(api), None).await?;
        let roles = interpret_directory_roles(
            answer.status,
            &answer.body,
            &self.config.admin_roles,
            answer.header("request-id"),
        )?;
        let mut contacts = Vec::new();
        for role in roles {
            let mut next = Some(role_members_url(api, &role));
            let mut pages = 0;
            while let Some(url) = next.take() {
                pages += 1;
                if pages > MAX_PAGES * 10 {
                    break; // enough administrators for one notice
                }
                let answer = self.call("GET", &url, None).await?;
                let (page, link) = interpret_role_members(
                    answer.status,
                    &answer.body,
                    answer.header("request-id"),
                )?;
                contacts.extend(page);
                next = link.filter(|link| next_link_allowed(api, link));
            }
        }
        Ok(super::unique_contacts(contacts))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[test]
    fn the_admin_roles_are_read_from_directory_roles() {
        let body = json!({
            "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#directoryRoles",
            "value": [
                { "id": "f8e85ed8", "displayName": "Global Administrator", "roleTemplateId": GLOBAL_ADMIN },
                { "id": "a1b2c3d4", "displayName": "Directory Readers", "roleTemplateId": "88d8e3e3-8f55-4a1e-953a-9b9898b8876b" }
            ]
        })
        .to_string();
        assert_eq!(
            interpret_directory_roles(200, &body, &[], None).unwrap(),
            ["f8e85ed8", "a1b2c3d4"],
            "any role counts when none is configured"
        );
        assert_eq!(
            interpret_directory_roles(200, &body, &["Global Administrator".into()], None).unwrap(),
            ["f8e85ed8"]
        );
        assert!(interpret_directory_roles(403, "{}", &[], None).is_err());
        assert_eq!(
            role_members_url("https://graph.microsoft.com", "f8e85ed8"),
            "https://graph.microsoft.com/v1.0/directoryRoles/f8e85ed8/members?$select=displayName,mail,userPrincipalName,preferredLanguage"
        );
    }

    #[test]
    fn role_members_are_read_with_mail_else_the_upn_and_language_and_service_principals_skipped() {
        let body = json!({
            "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#directoryObjects",
            "value": [
                { "@odata.type": "#microsoft.graph.user", "displayName": "Dana Reyes", "mail": "dana@contoso.com", "userPrincipalName": "dana@contoso.onmicrosoft.com", "preferredLanguage": "de-DE" },
                { "@odata.type": "#microsoft.graph.user", "displayName": "Omar", "mail": null, "userPrincipalName": "omar@contoso.com" },
                { "@odata.type": "#microsoft.graph.servicePrincipal", "displayName": "Some app" }
            ],
            "@odata.nextLink": "https://graph.microsoft.com/v1.0/directoryRoles/f8e85ed8/members?$skiptoken=X"
        })
        .to_string();
        let (contacts, next) = interpret_role_members(200, &body, None).unwrap();
        let emails: Vec<_> = contacts
            .iter()
            .map(|c| c.email.as_deref().unwrap())
            .collect();
        assert_eq!(emails, ["dana@contoso.com", "omar@contoso.com"]);
        assert_eq!(contacts[0].language.as_deref(), Some("de-DE"));
        assert_eq!(contacts[1].language, None);
        assert!(next.unwrap().contains("$skiptoken=X"));
    }

    const API: &str = "https://graph.microsoft.com";
    const GLOBAL_ADMIN: &str = "62e90394-69f5-4237-9190-012177145e10";

    #[test]
    fn the_token_request_is_a_client_credentials_form() {
        assert_eq!(
            token_url(
                "https://login.microsoftonline.com",
                "contoso.onmicrosoft.com"
            ),
            "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token"
        );
        let fields: Vec<(String, String)> = form_urlencoded::parse(
            token_form("00001111-aaaa", Proof::Secret("s3cr+t&x=")).as_bytes(),
        )
        .into_owned()
        .collect();
        let get = |k: &str| fields.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
        assert_eq!(get("client_id"), Some("00001111-aaaa"));
        assert_eq!(get("client_secret"), Some("s3cr+t&x="));
        assert_eq!(get("scope"), Some("https://graph.microsoft.com/.default"));
        assert_eq!(get("grant_type"), Some("client_credentials"));
    }

    #[test]
    fn with_a_certificate_the_form_carries_a_fresh_assertion_and_no_secret() {
        let certificate = super::super::graph_assertion::CertificateCredential::from_pem(
            include_str!("../../../e2e/fixtures/graph/app-cert.pem"),
            include_str!("../../../e2e/fixtures/graph/app-key.pem"),
        )
        .unwrap();
        let config = GraphConfig {
            tenant_id: "contoso.onmicrosoft.com".into(),
            client_id: "00001111-aaaa-2222-bbbb-3333cccc4444".into(),
            credential: GraphCredential::Certificate(Box::new(certificate)),
            login_url: "https://login.microsoftonline.com".into(),
            api_url: API.into(),
            admin_roles: vec![],
        };
        let fields = |form: String| -> Vec<(String, String)> {
            form_urlencoded::parse(form.as_bytes())
                .into_owned()
                .collect()
        };
        let first = fields(token_request(&config, 1_700_000_000_000));
        let get = |k: &str| first.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        assert_eq!(
            get("client_assertion_type").as_deref(),
            Some(ASSERTION_TYPE)
        );
        assert_eq!(get("client_secret"), None);
        let assertion = get("client_assertion").unwrap();
        assert_eq!(assertion.split('.').count(), 3);
        let second = fields(token_request(&config, 1_700_000_000_000));
        assert_ne!(first, second, "every assertion has its own jti");
    }

    #[test]
    fn a_token_is_used_until_five_minutes_before_it_expires() {
        let body = r#"{"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"eyJ0"}"#;
        let token = interpret_token(200, body, 1_000_000, "k").unwrap();
        assert_eq!(token.access_token, "eyJ0");
        let expires = 1_000_000 + 3_599_000;
        assert!(token.usable("k", 1_000_000));
        assert!(token.usable("k", expires - RENEW_BEFORE_MS - 1));
        assert!(!token.usable("k", expires - RENEW_BEFORE_MS));
        assert!(!token.usable("another app", 1_000_000));
        // A token shorter-lived than the margin serves the call that fetched it only.
        let short = interpret_token(200, r#"{"expires_in":60,"access_token":"t"}"#, 5, "k");
        assert!(!short.unwrap().usable("k", 5));
    }

    #[test]
    fn a_refused_token_names_the_credentials_and_the_aadsts_code_only() {
        let body = r#"{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent is the client secret value. Trace ID: x","error_codes":[7000215]}"#;
        let err = interpret_token(401, body, 0, "k").unwrap_err().to_string();
        assert!(err.contains("GRAPH_CLIENT_SECRET"), "{err}");
        assert!(err.contains("invalid_client, AADSTS7000215"), "{err}");
        assert!(!err.contains("Trace ID"), "{err}");
        assert!(interpret_token(200, "<html>", 0, "k").is_err());
        assert!(
            !format!(
                "{:?}",
                interpret_token(200, r#"{"expires_in":1,"access_token":"tok"}"#, 0, "k").unwrap()
            )
            .contains("tok\"")
        );
    }

    #[test]
    fn urls_encode_the_upn_and_select_the_lookup_properties() {
        assert_eq!(
            user_url(API, "alice@contoso.com"),
            "https://graph.microsoft.com/v1.0/users/alice%40contoso.com?$select=id,displayName,mail,mobilePhone,accountEnabled,userPrincipalName"
        );
        assert_eq!(
            user_url(API, "../me"),
            "https://graph.microsoft.com/v1.0/users/..%2Fme?$select=id,displayName,mail,mobilePhone,accountEnabled,userPrincipalName"
        );
        assert_eq!(
            member_of_url(API, "87d349ed"),
            "https://graph.microsoft.com/v1.0/users/87d349ed/memberOf?$select=displayName,roleTemplateId"
        );
        assert_eq!(
            patch_url(API, "87d349ed"),
            "https://graph.microsoft.com/v1.0/users/87d349ed"
        );
    }

    #[test]
    fn the_password_patch_does_not_force_another_change() {
        let body: Value = serde_json::from_str(&password_body("p\"w")).unwrap();
        assert_eq!(
            body,
            json!({ "passwordProfile": { "forceChangePasswordNextSignIn": false, "password": "p\"w" } })
        );
    }

    #[test]
    fn a_user_is_read_and_a_404_is_no_user() {
        let body = r#"{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users(id,displayName)/$entity","id":"87d349ed","displayName":"Alice Martin","mail":"alice@example.com","mobilePhone":"+49 151 123456","accountEnabled":false,"userPrincipalName":"alice@example.com"}"#;
        let user = interpret_user(200, body, None).unwrap().unwrap();
        let directory = to_directory_user(user, vec!["Staff".into()], &[], &[]);
        assert_eq!(
            directory,
            DirectoryUser {
                id: "87d349ed".into(),
                email: Some("alice@example.com".into()),
                display_name: Some("Alice Martin".into()),
                phone: Some("+49151123456".into()),
                enabled: false,
                groups: vec!["Staff".into()],
                admin: false,
            }
        );
        let missing = r#"{"error":{"code":"Request_ResourceNotFound","message":"Resource 'x' does not exist or one of its queried reference-property objects are not present.","innerError":{"request-id":"r1","date":"2024-01-01T00:00:00"}}}"#;
        assert_eq!(interpret_user(404, missing, None), Ok(None));
        let err = interpret_user(403, r#"{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation.","innerError":{"request-id":"r2"}}}"#, None).unwrap_err().to_string();
        assert!(
            err.contains("User.Read.All") && err.contains("request-id r2"),
            "{err}"
        );
    }

    fn role(name: &str, id: &str) -> Value {
        json!({ "@odata.type": "#microsoft.graph.directoryRole", "displayName": name, "roleTemplateId": id })
    }

    #[test]
    fn member_pages_give_groups_roles_and_the_next_link() {
        let body = json!({
            "@odata.nextLink": "https://graph.microsoft.com/v1.0/users/1/memberOf?$skiptoken=X",
            "value": [
                { "@odata.type": "#microsoft.graph.group", "displayName": "Staff" },
                role("Global Administrator", GLOBAL_ADMIN),
                { "@odata.type": "#microsoft.graph.administrativeUnit", "displayName": "Europe" },
            ],
        })
        .to_string();
        let page = interpret_member_page(200, &body, None).unwrap();
        assert_eq!(page.groups, ["Staff"]);
        assert_eq!(
            page.roles,
            [Role {
                display_name: "Global Administrator".into(),
                template_id: GLOBAL_ADMIN.into()
            }]
        );
        assert!(next_link_allowed(API, page.next.as_deref().unwrap()));
        let last = interpret_member_page(200, r#"{"value":[]}"#, None).unwrap();
        assert_eq!(last, MemberPage::default());
        assert!(interpret_member_page(429, "", Some("r3")).is_err());
    }

    #[test]
    fn a_next_link_elsewhere_is_not_followed_with_our_token() {
        assert!(!next_link_allowed(API, "https://evil.example/v1.0/users"));
        assert!(!next_link_allowed(
            API,
            "https://graph.microsoft.com.evil.example/v1.0"
        ));
        assert!(next_link_allowed(
            "http://127.0.0.1:9000",
            "http://127.0.0.1:9000/v1.0/x"
        ));
    }

    #[test]
    fn any_directory_role_is_admin_unless_roles_are_named() {
        let helpdesk = Role {
            display_name: "Helpdesk Administrator".into(),
            template_id: "729827e3-9c14-49f7-bb1b-9608f156bbb8".into(),
        };
        assert!(!is_admin(&[], &[]));
        assert!(is_admin(std::slice::from_ref(&helpdesk), &[]));
        assert!(!is_admin(
            std::slice::from_ref(&helpdesk),
            &[GLOBAL_ADMIN.into()]
        ));
        assert!(is_admin(
            std::slice::from_ref(&helpdesk),
            &["helpdesk administrator".into()]
        ));
        assert!(is_admin(
            std::slice::from_ref(&helpdesk),
            &["729827E3-9C14-49F7-BB1B-9608F156BBB8".into()]
        ));
    }

    #[test]
    fn a_complexity_refusal_is_rejected_with_graphs_message() {
        let body = r#"{"error":{"code":"Request_BadRequest","message":"The specified password does not comply with password complexity requirements. Please provide a different password.","innerError":{"date":"2024-05-01T10:00:00","request-id":"5c2f","client-request-id":"5c2f"}}}"#;
        assert_eq!(
            interpret_change(400, body, "weakpass", None, None),
            Err(BackendError::Rejected(
                "The specified password does not comply with password complexity requirements. Please provide a different password.".into()
            ))
        );
        // A 400 that is not about the password is the app's problem, not the user's.
        let other = r#"{"error":{"code":"Request_BadRequest","message":"Invalid value specified for property 'accountEnabled'."}}"#;
        assert!(matches!(
            interpret_change(400, other, "weakpass", None, None),
            Err(BackendError::Unavailable(_))
        ));
    }

    #[test]
    fn each_graph_status_maps_to_an_unavailable_with_the_request_id() {
        let body = |code: &str| {
            format!(
                r#"{{"error":{{"code":"{code}","message":"m","innerError":{{"request-id":"rid-1","date":"d"}}}}}}"#
            )
        };
        assert_eq!(interpret_change(204, "", "pw", None, None), Ok(()));
        for (status, code, expected) in [
            (
                401,
                "InvalidAuthenticationToken",
                "refused even after renewing",
            ),
            (
                403,
                "Authorization_RequestDenied",
                "User-PasswordProfile.ReadWrite.All",
            ),
            (404, "Request_ResourceNotFound", "not found"),
            (429, "TooManyRequests", "retry after 17 s"),
            (500, "generalException", "Graph failed"),
            (503, "serviceNotAvailable", "HTTP 503"),
        ] {
            let err = interpret_change(status, &body(code), "pw", Some("17"), None).unwrap_err();
            let BackendError::Unavailable(text) = &err else {
                panic!("{status}: {err:?}")
            };
            assert!(text.contains(expected), "{status}: {text}");
            assert!(
                text.contains("request-id rid-1") && text.contains(code),
                "{text}"
            );
        }
        let throttled = interpret_change(429, "", "pw", Some("17"), Some("hdr-id")).unwrap_err();
        assert_eq!(throttled.retry_after_secs(), Some(17));
        assert!(
            throttled.to_string().contains("request-id hdr-id"),
            "{throttled}"
        );
    }

    #[test]
    fn unlock_is_refused_with_a_clear_reason() {
        let err = unlock_unsupported().to_string();
        assert!(
            err.contains("unlock is not supported by the Graph backend"),
            "{err}"
        );
    }
}
