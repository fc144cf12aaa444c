//! Wire types of "this wasn't me" (see [`crate::report`] for the rules). Every notice to a
//! user carries a link `<REPORT_URL>#report=<token>`; the page it opens shows what changed
//! (`POST /v1/report/preview`, which changes nothing) and, once the user confirms, reports
//! it (`POST /v1/report`). Both answer a [`ReportReply`]. The token travels only in the
//! fragment and in these POST bodies, so no server log and no link scanner acts on it.

use serde::{Deserialize, Serialize};

use super::ApiError;
use crate::UnixMillis;
use crate::flow::Notice;
use crate::policy::Method;

/// `POST /v1/report` and `POST /v1/report/preview`: the token from the link's fragment.
///
/// ```
/// use sspr_core::api::ReportRequest;
///
/// let request: ReportRequest = serde_json::from_str(r#"{"token":"q83v…"}"#).unwrap();
/// assert_eq!(request.token, "q83v…");
/// assert!(serde_json::from_str::<ReportRequest>(r#"{"token":"t","why":1}"#).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportRequest {
    /// The token after `#report=` in the notice's link.
    pub token: String,
}

/// What kind of change a notice told the user about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// A reset set a new password.
    PasswordChanged,
    /// An unlock unlocked the account.
    AccountUnlocked,
    /// A method was added to the ways the user can reset.
    MethodAdded,
    /// A method was removed from them.
    MethodRemoved,
}

/// The change a report is about, as the notice said it: what, which method (for a method
/// added or removed), and when.
///
/// ```
/// use sspr_core::api::{ChangeKind, ReportedChange};
/// use sspr_core::flow::Notice;
/// use sspr_core::policy::Method;
///
/// let change = ReportedChange::new(Notice::MethodAdded(Method::SmsCode), 1_700_000_000_000);
/// assert_eq!(change.kind, ChangeKind::MethodAdded);
/// assert_eq!(
///     serde_json::to_string(&change).unwrap(),
///     r#"{"kind":"method_added","method":"sms_code","at":1700000000000}"#
/// );
/// assert_eq!(change.notice(), Notice::MethodAdded(Method::SmsCode));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportedChange {
    /// What changed.
    pub kind: ChangeKind,
    /// The method added or removed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<Method>,
    /// When the change was made (the notice's time).
    pub at: UnixMillis,
}

impl ReportedChange {
    /// The change a notice of `notice` sent at `at` is about.
    pub fn new(notice: Notice, at: UnixMillis) -> Self {
        let (kind, method) = match notice {
            Notice::PasswordChanged => (ChangeKind::PasswordChanged, None),
            Notice::AccountUnlocked => (ChangeKind::AccountUnlocked, None),
            Notice::MethodAdded(m) => (ChangeKind::MethodAdded, Some(m)),
            Notice::MethodRemoved(m) => (ChangeKind::MethodRemoved, Some(m)),
        };
        ReportedChange { kind, method, at }
    }

    /// The notice that told the user about this change.
    pub fn notice(&self) -> Notice {
        // A method change always names its method; the fallback keeps a hand-made value
        // without one printable.
        let method = self.method.unwrap_or(Method::EmailCode);
        match self.kind {
            ChangeKind::PasswordChanged => Notice::PasswordChanged,
            ChangeKind::AccountUnlocked => Notice::AccountUnlocked,
            ChangeKind::MethodAdded => Notice::MethodAdded(method),
            ChangeKind::MethodRemoved => Notice::MethodRemoved(method),
        }
    }
}

/// Where a report stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportStatus {
    /// Preview: the change can be reported; nothing was done.
    Open,
    /// This request reported it.
    Reported,
    /// It was reported before (the link was used already); nothing more was done.
    AlreadyReported,
}

/// The answer of `POST /v1/report` and `POST /v1/report/preview`: the change, where its
/// report stands, and, once reported, until when self-service reset is paused and where to
/// get help; or the error that kept anything from happening.
///
/// ```
/// use sspr_core::api::{ChangeKind, ReportReply, ReportStatus, ReportedChange};
/// use sspr_core::flow::Notice;
///
/// let reply = ReportReply {
///     status: Some(ReportStatus::Reported),
///     change: Some(ReportedChange::new(Notice::PasswordChanged, 1_000)),
///     reported_at: Some(2_000),
///     held_until: Some(9_000),
///     ..ReportReply::default()
/// };
/// let json = serde_json::to_value(&reply).unwrap();
/// assert_eq!(json["status"], "reported");
/// assert_eq!(json["change"]["kind"], "password_changed");
/// assert!(json.get("error").is_none());
/// assert_eq!(reply.status(), 200);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ReportReply {
    /// Where the report stands; absent with an error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ReportStatus>,
    /// The change the link is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<ReportedChange>,
    /// When it was reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_at: Option<UnixMillis>,
    /// Until when self-service password reset is paused for the user (an administrator may
    /// end the pause sooner).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_until: Option<UnixMillis>,
    /// The method the report took away: the one whose addition was reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method_removed: Option<Method>,
    /// Where to get help: a link to the helpdesk (see
    /// [`Policy::helpdesk_link`](crate::policy::Policy::helpdesk_link)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helpdesk: Option<String>,
    /// Why nothing happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ApiError>,
}

impl ReportReply {
    /// A reply carrying only `error`.
    pub fn error(error: ApiError) -> Self {
        ReportReply {
            error: Some(error),
            ..ReportReply::default()
        }
    }

    /// The HTTP status this reply travels with.
    pub fn status(&self) -> u16 {
        self.error.as_ref().map_or(200, |e| e.code.status())
    }
}

/// `POST /v1/admin/holds/clear`: an administrator ends the pause a report put on a user's
/// self-service reset (once the helpdesk has secured the account).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClearHoldRequest {
    /// The directory's id of the user, as the audit log names them.
    pub user_id: String,
}

/// The answer to [`ClearHoldRequest`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ClearHoldReply {
    /// Whether a pause was in force and is now ended.
    pub cleared: bool,
    /// Until when the pause would have lasted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_until: Option<UnixMillis>,
    /// Why nothing happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ApiError>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_notice_is_a_change_and_back() {
        for notice in [
            Notice::PasswordChanged,
            Notice::AccountUnlocked,
            Notice::MethodAdded(Method::Authenticator),
            Notice::MethodRemoved(Method::AppNotification),
        ] {
            assert_eq!(ReportedChange::new(notice, 5).notice(), notice);
        }
    }

    #[test]
    fn a_password_change_names_no_method_on_the_wire() {
        let json = serde_json::to_value(ReportedChange::new(Notice::PasswordChanged, 5)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"kind": "password_changed", "at": 5})
        );
    }
}
