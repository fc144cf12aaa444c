//! The SCIM 2.0 backend (RFC 7643 / 7644): users are found with
//! `GET {base}/Users?filter=userName eq "…"` and their password is set with a
//! `PATCH {base}/Users/{id}` that replaces `password`, after the service provider's
//! `ServiceProviderConfig` says it supports password changes. When the provider supports
//! ETags, the PATCH carries `If-Match` with the user's current version, and a 409 or 412
//! (someone changed the user meanwhile) is retried once with a fresh version.
//!
//! SCIM has no standard account lockout: replacing `active` with `true` would also re-enable
//! accounts an administrator disabled, so unlock is refused; unlock flows need the webhook,
//! Graph (through a reset) or writeback backend.
//!
//! Everything but the network calls is a plain function, tested natively; the calls run
//! against `e2e/standins/scim.mjs` (the npm `scimmy` server) in the integration tests.

use serde::Deserialize;
use serde_json::{Value, json};
use sspr_core::password::NewPassword;
use sspr_core::webhook::{AdminContact, DirectoryUser};

use super::{BackendError, IdentityBackend, e164, percent_encode, retry_note, user_message};
use crate::config::ScimConfig;
use crate::outbound;

/// The media type of every SCIM request and response (RFC 7644 §3.1).
pub const SCIM_JSON: &str = "application/scim+json";
/// The schema of a PATCH request (RFC 7644 §3.5.2).
pub const PATCH_OP: &str = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

pub struct ScimBackend {
    pub config: ScimConfig,
}

impl From<&ScimConfig> for ScimBackend {
    fn from(config: &ScimConfig) -> ScimBackend {
        ScimBackend {
            config: config.clone(),
        }
    }
}

/// The filter value of a username: a JSON-style string literal, with `"` and `\` escaped
/// (RFC 7644 §3.4.2.2; control characters too, which a username never holds anyway).
pub fn quote(value: &str) -> String {
    serde_json::to_string(value).expect("strings serialize")
}

/// `GET` URL that searches for a username.
pub fn search_url(base: &str, username: &str) -> String {
    let filter = format!("userName eq {}", quote(username));
    format!("{base}/Users?filter={}", percent_encode(&filter))
}

/// `GET` URL that searches for a group by its display name.
pub fn group_search_url(base: &str, display_name: &str) -> String {
    let filter = format!("displayName eq {}", quote(display_name));
    format!("{base}/Groups?filter={}", percent_encode(&filter))
}

/// A user's resource.
pub fn user_url(base: &str, id: &str) -> String {
    format!("{base}/Users/{}", percent_encode(id))
}

/// The provider's feature list.
pub fn config_url(base: &str) -> String {
    format!("{base}/ServiceProviderConfig")
}

/// The PATCH that replaces the password.
pub fn password_patch(password: &str) -> String {
    json!({
        "schemas": [PATCH_OP],
        "Operations": [{ "op": "replace", "path": "password", "value": password }],
    })
    .to_string()
}

#[derive(Debug, Deserialize)]
struct MultiValue {
    value: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    primary: bool,
}

#[derive(Debug, Deserialize)]
struct Name {
    formatted: Option<String>,
    #[serde(rename = "givenName")]
    given_name: Option<String>,
    #[serde(rename = "familyName")]
    family_name: Option<String>,
}

#[derive(Debug, Deserialize)]
struct GroupRef {
    display: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct Meta {
    version: Option<String>,
}

#[derive(Debug, Deserialize)]
struct ScimUser {
    id: String,
    #[serde(rename = "userName")]
    user_name: Option<String>,
    #[serde(rename = "displayName")]
    display_name: Option<String>,
    name: Option<Name>,
    #[serde(default)]
    emails: Vec<MultiValue>,
    #[serde(rename = "phoneNumbers", default)]
    phone_numbers: Vec<MultiValue>,
    #[serde(rename = "preferredLanguage")]
    preferred_language: Option<String>,
    active: Option<bool>,
    #[serde(default)]
    groups: Vec<GroupRef>,
    #[serde(default)]
    meta: Meta,
}

#[derive(Debug, Deserialize)]
struct ListResponse {
    #[serde(rename = "Resources", default)]
    resources: Vec<ScimUser>,
}

/// The value of the entry chosen first by `rank` (lower is better; `None` skips it).
fn pick(values: &[MultiValue], rank: impl Fn(&MultiValue) -> Option<u8>) -> Option<String> {
    values
        .iter()
        .filter(|v| v.value.as_deref().is_some_and(|s| !s.trim().is_empty()))
        .filter_map(|v| rank(v).map(|r| (r, v)))
        .min_by_key(|(r, _)| *r)
        .and_then(|(_, v)| v.value.as_ref().map(|s| s.trim().to_owned()))
}

fn is_type(value: &MultiValue, kind: &str) -> bool {
    value
        .kind
        .as_deref()
        .is_some_and(|k| k.eq_ignore_ascii_case(kind))
}

fn to_directory_user(user: ScimUser, admin_group: Option<&str>) -> DirectoryUser {
    // The primary address, else the work one, else the first.
    let email = pick(&user.emails, |v| {
        Some(if v.primary {
            0
        } else if is_type(v, "work") {
            1
        } else {
            2
        })
    });
    // The mobile number, else the first (texted codes need a mobile, but many providers
    // leave the type out).
    let phone = pick(&user.phone_numbers, |v| {
        Some(if is_type(v, "mobile") { 0 } else { 1 })
    })
    .and_then(|raw| e164(&raw));
    let display_name = user
        .display_name
        .filter(|n| !n.trim().is_empty())
        .or_else(|| {
            let name = user.name?;
            name.formatted.filter(|n| !n.trim().is_empty()).or_else(|| {
                let joined = [name.given_name, name.family_name]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" ");
                (!joined.trim().is_empty()).then_some(joined)
            })
        });
    let groups: Vec<String> = user.groups.into_iter().filter_map(|g| g.display).collect();
    let admin =
        admin_group.is_some_and(|wanted| groups.iter().any(|g| g.eq_ignore_ascii_case(wanted)));
    DirectoryUser {
        id: user.id,
        email,
        display_name,
        phone,
        // RFC 7643 leaves `active` optional; a provider that leaves it out has no disabled
        // users.
        enabled: user.active.unwrap_or(true),
        groups,
        admin,
    }
}

/// Reads the answer to a user search: exactly one user whose `userName` matches, or none.
pub fn interpret_search(
    status: u16,
    body: &str,
    username: &str,
    admin_group: Option<&str>,
) -> Result<Option<DirectoryUser>, BackendError> {
    if status != 200 {
        return Err(failure("user search", status, body, None));
    }
    let list: ListResponse = serde_json::from_str(body)
        .map_err(|err| BackendError::Unavailable(format!("unreadable SCIM ListResponse: {err}")))?;
    // userName is case-insensitive in RFC 7643's schema; a provider that filters loosely
    // must not hand us someone else.
    let mut found: Vec<ScimUser> = list
        .resources
        .into_iter()
        .filter(|u| {
            u.user_name
                .as_deref()
                .is_some_and(|n| n.eq_ignore_ascii_case(username))
        })
        .collect();
    match found.len() {
        0 => Ok(None),
        1 => Ok(Some(to_directory_user(found.remove(0), admin_group))),
        n => Err(BackendError::Unavailable(format!(
            "the SCIM search for one userName found {n} users"
        ))),
    }
}

/// The most members of the administrators' group read (one `GET /Users/{id}` each).
pub const MAX_GROUP_MEMBERS: usize = 50;

/// Reads the answer to a group search: the ids of the user members of the group named
/// `display_name` (RFC 7643 §4.2 `members`, `type` "User" or left out), at most
/// [`MAX_GROUP_MEMBERS`]. No such group means no administrators.
pub fn interpret_group_members(
    status: u16,
    body: &str,
    display_name: &str,
) -> Result<Vec<String>, BackendError> {
    #[derive(Deserialize)]
    struct Member {
        value: Option<String>,
        #[serde(rename = "type")]
        kind: Option<String>,
    }
    #[derive(Deserialize)]
    struct Group {
        #[serde(rename = "displayName")]
        display_name: Option<String>,
        #[serde(default)]
        members: Vec<Member>,
    }
    #[derive(Deserialize)]
    struct Groups {
        #[serde(rename = "Resources", default)]
        resources: Vec<Group>,
    }
    if status != 200 {
        return Err(failure("group search", status, body, None));
    }
    let list: Groups = serde_json::from_str(body)
        .map_err(|err| BackendError::Unavailable(format!("unreadable SCIM ListResponse: {err}")))?;
    Ok(list
        .resources
        .into_iter()
        .filter(|g| {
            g.display_name
                .as_deref()
                .is_some_and(|n| n.eq_ignore_ascii_case(display_name))
        })
        .flat_map(|g| g.members)
        .filter(|m| {
            m.kind
                .as_deref()
                .is_none_or(|k| k.eq_ignore_ascii_case("User"))
        })
        .filter_map(|m| m.value)
        .take(MAX_GROUP_MEMBERS)
        .collect())
}

/// Reads a member's `GET /Users/{id}`: their address and name; `None` when the user is gone
/// (404) or inactive.
pub fn interpret_member(status: u16, body: &str) -> Result<Option<AdminContact>, BackendError> {
    match status {
        200 => {
            let user: ScimUser = serde_json::from_str(body)
                .map_err(|err| BackendError::Unavailable(format!("unreadable SCIM user: {err}")))?;
            let language = user
                .preferred_language
                .clone()
                .filter(|l| !l.trim().is_empty());
            let user = to_directory_user(user, None);
            Ok(user.enabled.then_some(AdminContact {
                email: user.email,
                display_name: user.display_name,
                language,
            }))
        }
        404 => Ok(None),
        _ => Err(failure("member read", status, body, None)),
    }
}

/// What the service provider supports, from `ServiceProviderConfig`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Features {
    pub change_password: bool,
    pub etag: bool,
}

/// Reads `ServiceProviderConfig` (RFC 7643 §5).
pub fn interpret_features(status: u16, body: &str) -> Result<Features, BackendError> {
    if status != 200 {
        return Err(failure("ServiceProviderConfig", status, body, None));
    }
    let value: Value = serde_json::from_str(body).map_err(|err| {
        BackendError::Unavailable(format!("unreadable SCIM ServiceProviderConfig: {err}"))
    })?;
    let supported = |feature: &str| value[feature]["supported"].as_bool().unwrap_or(false);
    if value["patch"]["supported"].as_bool() == Some(false) {
        return Err(BackendError::Unavailable(
            "the SCIM service provider does not support PATCH (patch.supported is false)".into(),
        ));
    }
    Ok(Features {
        change_password: supported("changePassword"),
        etag: supported("etag"),
    })
}

/// Reads a user's version from a `GET /Users/{id}`: the `ETag` header, else `meta.version`.
pub fn interpret_version(
    status: u16,
    body: &str,
    etag_header: Option<&str>,
) -> Result<Option<String>, BackendError> {
    if status != 200 {
        return Err(failure("user read", status, body, None));
    }
    if let Some(etag) = etag_header.filter(|e| !e.trim().is_empty()) {
        return Ok(Some(etag.trim().to_owned()));
    }
    let user: ScimUser = serde_json::from_str(body)
        .map_err(|err| BackendError::Unavailable(format!("unreadable SCIM user: {err}")))?;
    Ok(user.meta.version.filter(|v| !v.trim().is_empty()))
}

/// The outcome of a password PATCH.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatchOutcome {
    Done,
    /// 409 or 412: the user changed since its version was read; read it again and retry.
    Conflict,
    Failed(BackendError),
}

/// Reads the answer to the password PATCH.
pub fn interpret_patch(
    status: u16,
    body: &str,
    password: &str,
    retry_after: Option<&str>,
) -> PatchOutcome {
    match status {
        200..=299 => PatchOutcome::Done,
        409 | 412 => PatchOutcome::Conflict,
        400 => {
            let error = ScimError::read(body);
            let policy = error.scim_type.as_deref() == Some("invalidValue")
                || error.detail.as_deref().is_some_and(looks_like_policy);
            if policy {
                PatchOutcome::Failed(BackendError::Rejected(user_message(
                    error.detail.as_deref(),
                    password,
                )))
            } else {
                PatchOutcome::Failed(failure("password change", status, body, retry_after))
            }
        }
        _ => PatchOutcome::Failed(failure("password change", status, body, retry_after)),
    }
}

/// Words of a password-policy refusal in a provider's `detail`.
fn looks_like_policy(detail: &str) -> bool {
    let detail = detail.to_ascii_lowercase();
    detail.contains("password")
        && [
            "policy",
            "complex",
            "history",
            "requirement",
            "too short",
            "length",
            "used",
            "strength",
            "weak",
        ]
        .iter()
        .any(|word| detail.contains(word))
}

/// A SCIM error document (RFC 7644 §3.12); `status` is a string there, a number at some
/// providers.
#[derive(Debug, Default, Deserialize)]
struct ScimError {
    #[serde(rename = "scimType")]
    scim_type: Option<String>,
    detail: Option<String>,
}

impl ScimError {
    fn read(body: &str) -> ScimError {
        serde_json::from_str(body).unwrap_or_default()
    }
}

/// A failure that is not the user's: which call, the status, SCIM's error type, and what
/// the operator needs to fix it. The provider's `detail` is left out: it could quote input.
fn failure(what: &str, status: u16, body: &str, retry_after: Option<&str>) -> BackendError {
    let scim_type = ScimError::read(body)
        .scim_type
        .map(|t| format!(" ({t})"))
        .unwrap_or_default();
    let hint = match status {
        401 | 403 => "the SCIM token was refused",
        404 => "the SCIM user or endpoint was not found",
        429 => "the SCIM service provider is throttling",
        500..=599 => "the SCIM service provider failed",
        _ => "the SCIM service provider answered an error",
    };
    BackendError::Unavailable(format!(
        "{hint}: {what} answered HTTP {status}{scim_type}{}",
        retry_note(retry_after)
    ))
}

impl ScimBackend {
    fn headers(&self) -> Vec<(&'static str, String)> {
        vec![
            ("Authorization", format!("Bearer {}", self.config.token)),
            ("Accept", SCIM_JSON.to_owned()),
        ]
    }

    async fn get(&self, url: &str, keep: &[&str]) -> Result<outbound::Answer, BackendError> {
        outbound::send("GET", url, &self.headers(), None, keep)
            .await
            .map_err(|err| BackendError::Unavailable(format!("SCIM call failed: {err}")))
    }

    /// The user's current version, when the provider supports ETags.
    async fn version(&self, user_id: &str) -> Result<Option<String>, BackendError> {
        let answer = self
            .get(&user_url(&self.config.base_url, user_id), &["ETag"])
            .await?;
        interpret_version(answer.status, &answer.body, answer.header("etag"))
    }
}

impl IdentityBackend for ScimBackend {
    async fn lookup(&self, username: &str) -> Result<Option<DirectoryUser>, BackendError> {
        let answer = self
            .get(&search_url(&self.config.base_url, username), &[])
            .await?;
        interpret_search(
            answer.status,
            &answer.body,
            username,
            self.config.admin_group.as_deref(),
        )
    }

    /// The members of `SCIM_ADMIN_GROUP` (none when it is not set): the group found by its
    /// display name, then each member's user resource for the address.
    async fn admin_contacts(&self) -> Result<Vec<AdminContact>, BackendError> {
        let Some(group) = self.config.admin_group.as_deref() else {
            return Ok(Vec::new());
        };
        let base = &self.config.base_url;
        let answer = self.get(&group_search_url(base, group), &[]).await?;
        let mut contacts = Vec::new();
        for id in interpret_group_members(answer.status, &answer.body, group)? {
            let answer = self.get(&user_url(base, &id), &[]).await?;
            contacts.extend(interpret_member(answer.status, &answer.body)?);
        }
        Ok(super::unique_contacts(contacts))
    }

    async fn set_password(
        &self,
        user_id: &str,
        password: &NewPassword,
        _operation_id: &str,
    ) -> Result<(), BackendError> {
        // Read per call rather than cached: one small GET per reset, and a provider that
        // turns password changes off is noticed at once.
        let answer = self.get(&config_url(&self.config.base_url), &[]).await?;
        let features = interpret_features(answer.status, &answer.body)?;
        if !features.change_password {
            return Err(BackendError::Unavailable(
                "the SCIM service provider does not support password changes \
                 (changePassword.supported is false in its ServiceProviderConfig)"
                    .into(),
            ));
        }
        let url = user_url(&self.config.base_url, user_id);
        for attempt in 0..2 {
            let mut headers = self.headers();
            headers.push(("Content-Type", SCIM_JSON.to_owned()));
            if features.etag
                && let Some(version) = self.version(user_id).await?
            {
                headers.push(("If-Match", version));
            }
            let answer = outbound::send(
                "PATCH",
                &url,
                &headers,
                Some(password_patch(password.expose())),
                &["Retry-After"],
            )
            .await
            .map_err(|err| BackendError::Unavailable(format!("SCIM call failed: {err}")))?;
            match interpret_patch(
                answer.status,
                &answer.body,
                password.expose(),
                answer.header("retry-after"),
            ) {
                PatchOutcome::Done => return Ok(()),
                PatchOutcome::Conflict if attempt == 0 => continue,
                PatchOutcome::Conflict => {
                    return Err(BackendError::Unavailable(format!(
                        "the SCIM user changed twice while its password was set (HTTP {})",
                        answer.status
                    )));
                }
                PatchOutcome::Failed(err) => return Err(err),
            }
        }
        unreachable!("the loop returns on its second attempt")
    }

    async fn unlock(&self, _user_id: &str, _operation_id: &str) -> Result<(), BackendError> {
        Err(unlock_unsupported())
    }
}

/// SCIM defines no lockout, and `active: true` would re-enable disabled accounts.
pub fn unlock_unsupported() -> BackendError {
    BackendError::Unsupported(
        "unlock is not supported by the SCIM backend (SCIM has no standard lockout, and \
         setting active would re-enable disabled accounts); unlock flows need the webhook, \
         Graph or writeback backend"
            .into(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_admin_group_is_searched_by_display_name_and_its_user_members_read() {
        assert_eq!(
            group_search_url("https://idp/scim/v2", "it-admins"),
            "https://idp/scim/v2/Groups?filter=displayName%20eq%20%22it-admins%22"
        );
        let body = r#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":2,
            "Resources":[
              {"id":"g1","displayName":"IT-Admins","members":[
                {"value":"scim-1010","display":"Dana Reyes","type":"User","$ref":"https://idp/scim/v2/Users/scim-1010"},
                {"value":"g-nested","type":"Group"},
                {"value":"scim-1020"}]},
              {"id":"g2","displayName":"it-admins-old","members":[{"value":"scim-9"}]}]}"#;
        assert_eq!(
            interpret_group_members(200, body, "it-admins").unwrap(),
            ["scim-1010", "scim-1020"]
        );
        assert_eq!(
            interpret_group_members(200, r#"{"Resources":[]}"#, "it-admins").unwrap(),
            Vec::<String>::new()
        );
        assert!(interpret_group_members(401, "", "it-admins").is_err());
    }

    #[test]
    fn a_members_address_is_read_and_a_missing_or_inactive_member_is_skipped() {
        let body = r#"{"id":"scim-1010","userName":"dana","displayName":"Dana Reyes","active":true,
            "preferredLanguage":"de-DE",
            "emails":[{"value":"dana@example.com","type":"work","primary":true}]}"#;
        let contact = interpret_member(200, body).unwrap().unwrap();
        assert_eq!(contact.email.as_deref(), Some("dana@example.com"));
        assert_eq!(contact.language.as_deref(), Some("de-DE"));
        assert_eq!(contact.display_name.as_deref(), Some("Dana Reyes"));
        assert_eq!(interpret_member(404, "").unwrap(), None);
        let inactive = r#"{"id":"x","active":false,"emails":[{"value":"x@example.com"}]}"#;
        assert_eq!(interpret_member(200, inactive).unwrap(), None);
    }

    const BASE: &str = "https://idp.example.com/scim/v2";

    #[test]
    fn quotes_and_backslashes_are_escaped_in_the_filter() {
        assert_eq!(quote("alice"), r#""alice""#);
        assert_eq!(quote(r#"a"b\c"#), r#""a\"b\\c""#);
    }

    #[test]
    fn the_search_url_percent_encodes_the_filter() {
        assert_eq!(
            search_url(BASE, "alice@example.com"),
            "https://idp.example.com/scim/v2/Users?filter=userName%20eq%20%22alice%40example.com%22"
        );
        // An injected `or` stays inside the quoted value.
        assert_eq!(
            search_url(BASE, r#"x" or userName pr or "#),
            "https://idp.example.com/scim/v2/Users?filter=userName%20eq%20%22x%5C%22%20or%20userName%20pr%20or%20%22"
        );
    }

    #[test]
    fn user_ids_are_one_path_segment() {
        assert_eq!(
            user_url(BASE, "2819c223-7f76"),
            "https://idp.example.com/scim/v2/Users/2819c223-7f76"
        );
        assert_eq!(
            user_url(BASE, "../Groups"),
            format!("{BASE}/Users/..%2FGroups")
        );
    }

    #[test]
    fn the_patch_replaces_the_password() {
        let body: Value = serde_json::from_str(&password_patch("n\"ew")).unwrap();
        assert_eq!(
            body,
            json!({
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                "Operations": [{ "op": "replace", "path": "password", "value": "n\"ew" }],
            })
        );
    }

    fn list(resources: Value) -> String {
        json!({
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
            "totalResults": resources.as_array().unwrap().len(),
            "Resources": resources,
        })
        .to_string()
    }

    #[test]
    fn a_found_user_is_mapped() {
        let body = list(json!([{
            "id": "2819c223",
            "userName": "Alice",
            "name": { "givenName": "Alice", "familyName": "Martin" },
            "emails": [
                { "value": "alice@home.example", "type": "home" },
                { "value": "alice@example.com", "type": "work" },
            ],
            "phoneNumbers": [
                { "value": "+1 555 0100", "type": "work" },
                { "value": "tel:+49-151-123456", "type": "mobile" },
            ],
            "active": true,
            "groups": [{ "value": "g1", "display": "Staff" }, { "value": "g2", "display": "IT Admins" }],
        }]));
        let user = interpret_search(200, &body, "alice", Some("it admins"))
            .unwrap()
            .unwrap();
        assert_eq!(
            user,
            DirectoryUser {
                id: "2819c223".into(),
                email: Some("alice@example.com".into()),
                display_name: Some("Alice Martin".into()),
                phone: Some("+49151123456".into()),
                enabled: true,
                groups: vec!["Staff".into(), "IT Admins".into()],
                admin: true,
            }
        );
        let user = interpret_search(200, &body, "alice", None)
            .unwrap()
            .unwrap();
        assert!(!user.admin, "no admin group, no admins");
    }

    #[test]
    fn the_primary_email_wins_then_work_then_the_first() {
        let email = |emails: Value| {
            let body = list(json!([{ "id": "1", "userName": "a", "emails": emails }]));
            interpret_search(200, &body, "a", None)
                .unwrap()
                .unwrap()
                .email
        };
        assert_eq!(
            email(json!([{ "value": "w@x", "type": "work" }, { "value": "p@x", "primary": true }])),
            Some("p@x".into())
        );
        assert_eq!(
            email(json!([{ "value": "h@x", "type": "home" }, { "value": "w@x", "type": "work" }])),
            Some("w@x".into())
        );
        assert_eq!(
            email(json!([{ "value": "h@x", "type": "home" }, { "value": "o@x" }])),
            Some("h@x".into())
        );
        assert_eq!(email(json!([])), None);
    }

    #[test]
    fn the_display_name_falls_back_to_the_formatted_name() {
        let body = list(json!([{
            "id": "1", "userName": "a", "active": false,
            "name": { "formatted": "Ms. A B", "givenName": "A" },
            "phoneNumbers": [{ "value": "0151 123" }],
        }]));
        let user = interpret_search(200, &body, "a", None).unwrap().unwrap();
        assert_eq!(user.display_name.as_deref(), Some("Ms. A B"));
        assert!(!user.enabled);
        assert_eq!(
            user.phone, None,
            "a number without a country code is no E.164"
        );
    }

    #[test]
    fn no_match_is_no_user_and_other_users_are_ignored() {
        assert_eq!(interpret_search(200, &list(json!([])), "a", None), Ok(None));
        let body = list(json!([{ "id": "1", "userName": "alice2" }]));
        assert_eq!(interpret_search(200, &body, "alice", None), Ok(None));
        let two = list(json!([{ "id": "1", "userName": "a" }, { "id": "2", "userName": "A" }]));
        assert!(matches!(
            interpret_search(200, &two, "a", None),
            Err(BackendError::Unavailable(_))
        ));
    }

    #[test]
    fn a_refused_token_or_a_failing_search_is_unavailable() {
        let err = interpret_search(401, "", "a", None).unwrap_err();
        assert!(
            err.to_string().contains("the SCIM token was refused"),
            "{err}"
        );
        let body = r#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"400","scimType":"invalidFilter","detail":"bad"}"#;
        let err = interpret_search(400, body, "a", None).unwrap_err();
        assert!(err.to_string().contains("invalidFilter"), "{err}");
        assert!(matches!(
            interpret_search(200, "<html>", "a", None),
            Err(BackendError::Unavailable(_))
        ));
    }

    #[test]
    fn the_provider_config_says_whether_passwords_and_etags_are_supported() {
        let body = r#"{"patch":{"supported":true},"changePassword":{"supported":true},"etag":{"supported":true}}"#;
        assert_eq!(
            interpret_features(200, body),
            Ok(Features {
                change_password: true,
                etag: true
            })
        );
        assert_eq!(
            interpret_features(200, r#"{"changePassword":{"supported":false}}"#),
            Ok(Features {
                change_password: false,
                etag: false
            })
        );
        assert!(interpret_features(200, r#"{"patch":{"supported":false}}"#).is_err());
        assert!(interpret_features(401, "").is_err());
    }

    #[test]
    fn the_version_comes_from_the_etag_header_else_meta_version() {
        let body = r#"{"id":"1","meta":{"version":"W/\"3\""}}"#;
        assert_eq!(
            interpret_version(200, body, Some("W/\"4\"")),
            Ok(Some("W/\"4\"".into()))
        );
        assert_eq!(
            interpret_version(200, body, None),
            Ok(Some("W/\"3\"".into()))
        );
        assert_eq!(interpret_version(200, r#"{"id":"1"}"#, None), Ok(None));
        assert!(interpret_version(404, "", None).is_err());
    }

    #[test]
    fn a_patch_is_done_on_2xx_and_retried_on_a_conflict() {
        assert_eq!(interpret_patch(204, "", "pw", None), PatchOutcome::Done);
        assert_eq!(interpret_patch(200, "{}", "pw", None), PatchOutcome::Done);
        assert_eq!(interpret_patch(412, "", "pw", None), PatchOutcome::Conflict);
        assert_eq!(interpret_patch(409, "", "pw", None), PatchOutcome::Conflict);
    }

    #[test]
    fn a_policy_refusal_is_rejected_with_the_providers_detail_but_never_the_password() {
        let body = r#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"400","scimType":"invalidValue","detail":"  The password was used recently.  "}"#;
        assert_eq!(
            interpret_patch(400, body, "Secret-1", None),
            PatchOutcome::Failed(BackendError::Rejected(
                "The password was used recently.".into()
            ))
        );
        // No scimType, but policy wording.
        let body = r#"{"status":400,"detail":"Password does not meet complexity requirements"}"#;
        assert!(matches!(
            interpret_patch(400, body, "x", None),
            PatchOutcome::Failed(BackendError::Rejected(_))
        ));
        let quoting =
            r#"{"status":"400","scimType":"invalidValue","detail":"Secret-1 is too weak"}"#;
        let PatchOutcome::Failed(BackendError::Rejected(message)) =
            interpret_patch(400, quoting, "Secret-1", None)
        else {
            panic!("not rejected")
        };
        assert!(!message.contains("Secret-1"), "{message}");
    }

    #[test]
    fn other_patch_errors_are_unavailable() {
        let syntax = r#"{"status":"400","scimType":"invalidSyntax","detail":"Secret-1"}"#;
        for (status, body, expected) in [
            (400, syntax, "invalidSyntax"),
            (401, "", "the SCIM token was refused"),
            (403, "", "the SCIM token was refused"),
            (404, "", "not found"),
            (429, "", "retry after 30 s"),
            (500, "", "HTTP 500"),
            (503, "", "HTTP 503"),
        ] {
            match interpret_patch(status, body, "Secret-1", Some("30")) {
                PatchOutcome::Failed(BackendError::Unavailable(message)) => {
                    assert!(message.contains(expected), "{status}: {message}");
                    assert!(!message.contains("Secret-1"), "{status}: {message}");
                }
                other => panic!("{status}: {other:?}"),
            }
        }
    }

    #[test]
    fn unlock_is_refused_with_a_clear_reason() {
        let err = unlock_unsupported();
        assert!(matches!(err, BackendError::Unsupported(_)));
        assert!(
            err.to_string()
                .contains("unlock is not supported by the SCIM backend")
        );
    }
}
