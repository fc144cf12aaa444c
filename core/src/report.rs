//! "This wasn't me": every notice to a user about their account (password changed, account
//! unlocked, a method added or removed) carries a link with a report token, and a user who
//! did not make the change follows it to report it. This module owns the rules of those
//! tokens and what a report does; the edge keeps a [`Reports`] in the user's Durable Object,
//! calls it, and performs what it returns (like Microsoft Entra's "report suspicious
//! activity" and Google's "No, secure account").
//!
//! - **Tokens.** 128 random bits followed by the address of the user's state (a
//!   [`FlowToken`], so the edge routes the request to the right Durable Object with no
//!   lookup table), kept only as the SHA-256 of the random part, each bound to the user and
//!   to the change its notice told of (kind, method, time), valid [`REPORT_LIFETIME_MS`].
//!   At most [`MAX_TICKETS`] are kept per user; beyond that the oldest links stop working.
//! - **Single use, idempotent.** The first report acts; the same link again answers that it
//!   was already reported, and does nothing more (a user who clicks twice, or reloads, is told
//!   so, and administrators are alerted once).
//! - **What a report does** (the edge performs it): self-service reset and unlock are paused
//!   for the user ([`Hold`], the policy's `notifications.report_hold_days`, extended by a
//!   later report, ended sooner by an administrator); any reset or unlock under way is ended;
//!   a reported method *addition* takes that method away (it is presumably the attacker's);
//!   changes to the user's methods are refused while the pause lasts (an attacker who knows
//!   the password must not register a method of their own); the event is audited
//!   (`reported_not_me`) and every administrator is told.
//! - **A reset during the pause** is refused only once the user has passed a proof (see
//!   [`crate::flow::ResetFlow::hold`]): its start looks like anyone's, so the pause tells an
//!   anonymous caller nothing about the account (no enumeration), and the person who can
//!   prove the user's method, who is the user or the attacker the report is about, is told
//!   to contact the helpdesk.

use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;

use crate::UnixMillis;
use crate::api::{ApiError, ChangeKind, ErrorCode, ReportReply, ReportStatus, ReportedChange};
use crate::policy::Method;
use crate::token::FlowToken;

const DAY_MS: u64 = 24 * 60 * 60 * 1000;
/// How long a report link works after its notice was sent.
pub const REPORT_LIFETIME_MS: u64 = 7 * DAY_MS;
/// Most report links kept per user (a user gets a handful of notices a week); issuing one
/// more forgets the oldest.
pub const MAX_TICKETS: usize = 32;

/// Why a report link was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    /// The token is malformed, unknown, forgotten or older than [`REPORT_LIFETIME_MS`].
    #[error(
        "this link is not valid or has expired (links work for 7 days); if a change to your account looks wrong, contact your helpdesk"
    )]
    Invalid,
}

impl From<ReportError> for ApiError {
    fn from(err: ReportError) -> Self {
        ApiError::new(ErrorCode::ReportInvalid, err.to_string())
    }
}

/// A report link handed out with a notice, kept as the hash of its secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportTicket {
    secret_hash: String,
    /// The directory's id of the user the notice went to.
    user_id: String,
    /// The change the notice told of.
    change: ReportedChange,
    /// [`REPORT_LIFETIME_MS`] after the notice.
    expires_at: UnixMillis,
    /// When it was reported, once it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reported_at: Option<UnixMillis>,
}

/// A pause of self-service reset after a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hold {
    /// When the first report of this pause was made.
    pub since: UnixMillis,
    /// When it ends by itself.
    pub until: UnixMillis,
    /// The change last reported.
    pub change: ReportedChange,
}

/// What a report link did, or would do: for the reply, the audit log and the
/// administrators' notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Whose account.
    pub user_id: String,
    /// The change reported.
    pub change: ReportedChange,
    /// [`ReportStatus::Open`] for a preview of a link not used yet, [`ReportStatus::Reported`]
    /// when this request reported it, [`ReportStatus::AlreadyReported`] otherwise.
    pub status: ReportStatus,
    /// When it was reported (not for [`ReportStatus::Open`]).
    pub reported_at: Option<UnixMillis>,
    /// Until when reset is paused, while it is.
    pub held_until: Option<UnixMillis>,
    /// The method to take away: the one whose addition this request reported.
    pub remove: Option<Method>,
}

impl Report {
    /// Whether this request reported the change (and so must act and alert).
    pub fn is_new(&self) -> bool {
        self.status == ReportStatus::Reported
    }

    /// The reply for the user; `removed` is the method the edge took away, if it did, and
    /// `helpdesk` the link to the helpdesk.
    pub fn reply(&self, removed: Option<Method>, helpdesk: Option<String>) -> ReportReply {
        ReportReply {
            status: Some(self.status),
            change: Some(self.change),
            reported_at: self.reported_at,
            held_until: self.held_until,
            method_removed: removed,
            helpdesk,
            error: None,
        }
    }
}

/// A user's report links and the pause reports put on their self-service reset, as stored
/// in their state.
///
/// ```
/// use sspr_core::api::{ReportStatus, ReportedChange};
/// use sspr_core::flow::Notice;
/// use sspr_core::policy::Method;
/// use sspr_core::report::{Reports, REPORT_LIFETIME_MS};
///
/// const DAY: u64 = 24 * 60 * 60 * 1000;
/// let t0 = 1_700_000_000_000;
/// let mut random = |b: &mut [u8]| b.fill(7);
/// let mut reports = Reports::default();
///
/// // A phone number was added: its notice carries a link.
/// let change = ReportedChange::new(Notice::MethodAdded(Method::SmsCode), t0);
/// let token = reports.issue(vec![1; 32], "u1", change, t0, &mut random).encode();
///
/// // The page shows what changed, doing nothing...
/// let preview = reports.preview(&token, t0 + 60_000).unwrap();
/// assert_eq!(preview.status, ReportStatus::Open);
/// assert_eq!(reports.hold(t0 + 60_000), None);
///
/// // ...until the user confirms: reset pauses for the policy's days, the number goes.
/// let report = reports.report(&token, 7 * DAY, t0 + 120_000).unwrap();
/// assert!(report.is_new());
/// assert_eq!(report.remove, Some(Method::SmsCode));
/// assert_eq!(reports.hold(t0 + DAY).unwrap().until, t0 + 120_000 + 7 * DAY);
///
/// // The same link again says so and does nothing more.
/// let again = reports.report(&token, 7 * DAY, t0 + 180_000).unwrap();
/// assert_eq!(again.status, ReportStatus::AlreadyReported);
/// assert_eq!(again.remove, None);
///
/// // Links expire; pauses end.
/// assert!(reports.preview(&token, t0 + REPORT_LIFETIME_MS).is_err());
/// assert_eq!(reports.hold(t0 + 120_000 + 7 * DAY), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Reports {
    #[serde(default)]
    tickets: Vec<ReportTicket>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    hold: Option<Hold>,
}

impl Reports {
    /// A new link for the notice of `change` to the user `user_id`, whose state is at
    /// `owner`: the token to put in the link (once), its hash kept here.
    ///
    /// # Panics
    ///
    /// If `owner` is empty or longer than 64 bytes (see [`FlowToken::new`]).
    pub fn issue(
        &mut self,
        owner: Vec<u8>,
        user_id: &str,
        change: ReportedChange,
        now: UnixMillis,
        fill: &mut dyn FnMut(&mut [u8]),
    ) -> FlowToken {
        self.prune(now);
        let token = FlowToken::new(owner, fill);
        self.tickets.push(ReportTicket {
            secret_hash: token.secret_hash(),
            user_id: user_id.to_owned(),
            change,
            expires_at: now + REPORT_LIFETIME_MS,
            reported_at: None,
        });
        let excess = self.tickets.len().saturating_sub(MAX_TICKETS);
        self.tickets.drain(..excess);
        token
    }

    /// What the link `token` is about and where its report stands, changing nothing.
    ///
    /// # Errors
    ///
    /// [`ReportError::Invalid`] when it is malformed, unknown or expired.
    pub fn preview(&self, token: &str, now: UnixMillis) -> Result<Report, ReportError> {
        let ticket = &self.tickets[self.find(token, now)?];
        let status = match ticket.reported_at {
            None => ReportStatus::Open,
            Some(_) => ReportStatus::AlreadyReported,
        };
        Ok(self.report_of(ticket, status, now, None))
    }

    /// Reports the change the link `token` is about: the first time, pauses self-service
    /// reset for `hold_ms` from `now` (or longer, if a pause lasts longer already) and says
    /// which method to take away; afterwards, says it was already reported and does nothing.
    ///
    /// # Errors
    ///
    /// [`ReportError::Invalid`] when it is malformed, unknown or expired.
    pub fn report(
        &mut self,
        token: &str,
        hold_ms: u64,
        now: UnixMillis,
    ) -> Result<Report, ReportError> {
        let index = self.find(token, now)?;
        if self.tickets[index].reported_at.is_some() {
            let ticket = &self.tickets[index];
            return Ok(self.report_of(ticket, ReportStatus::AlreadyReported, now, None));
        }
        self.tickets[index].reported_at = Some(now);
        let change = self.tickets[index].change;
        let until = now + hold_ms;
        self.hold = Some(match self.hold(now) {
            Some(hold) => Hold {
                since: hold.since,
                until: hold.until.max(until),
                change,
            },
            None => Hold {
                since: now,
                until,
                change,
            },
        });
        let remove = match change.kind {
            ChangeKind::MethodAdded => change.method,
            _ => None,
        };
        let ticket = &self.tickets[index];
        Ok(self.report_of(ticket, ReportStatus::Reported, now, remove))
    }

    /// The pause in force at `now`, if any.
    pub fn hold(&self, now: UnixMillis) -> Option<&Hold> {
        self.hold.as_ref().filter(|hold| now < hold.until)
    }

    /// Ends the pause (an administrator cleared it once the account was secured); returns
    /// the pause that was in force, if any. The links stay: one not used yet can still
    /// report its change.
    pub fn clear_hold(&mut self, now: UnixMillis) -> Option<Hold> {
        let active = self.hold(now).cloned();
        self.hold = None;
        active
    }

    /// Forgets expired links and an ended pause.
    pub fn prune(&mut self, now: UnixMillis) {
        self.tickets.retain(|ticket| now < ticket.expires_at);
        if self.hold(now).is_none() {
            self.hold = None;
        }
    }

    /// The index of the live ticket `token` names, comparing every stored hash in constant
    /// time.
    fn find(&self, token: &str, now: UnixMillis) -> Result<usize, ReportError> {
        let token = FlowToken::parse(token).map_err(|_| ReportError::Invalid)?;
        let presented = token.secret_hash();
        let mut found = None;
        for (i, ticket) in self.tickets.iter().enumerate() {
            let same: bool = ticket
                .secret_hash
                .as_bytes()
                .ct_eq(presented.as_bytes())
                .into();
            if same {
                found = Some(i);
            }
        }
        found
            .filter(|i| now < self.tickets[*i].expires_at)
            .ok_or(ReportError::Invalid)
    }

    fn report_of(
        &self,
        ticket: &ReportTicket,
        status: ReportStatus,
        now: UnixMillis,
        remove: Option<Method>,
    ) -> Report {
        Report {
            user_id: ticket.user_id.clone(),
            change: ticket.change,
            status,
            reported_at: ticket.reported_at,
            held_until: match status {
                ReportStatus::Open => None,
                _ => self.hold(now).map(|hold| hold.until),
            },
            remove,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::Notice;
    use crate::methods::code::test_fill;

    const T: UnixMillis = 1_700_000_000_000;
    const HOLD: u64 = 7 * DAY_MS;

    fn issued(reports: &mut Reports, notice: Notice, at: UnixMillis, seed: u64) -> String {
        reports
            .issue(
                vec![9; 32],
                "u1",
                ReportedChange::new(notice, at),
                at,
                &mut test_fill(seed),
            )
            .encode()
    }

    #[test]
    fn a_link_reports_its_change_once_and_then_says_so() {
        let mut reports = Reports::default();
        let token = issued(&mut reports, Notice::PasswordChanged, T, 1);
        let first = reports.report(&token, HOLD, T + 1_000).unwrap();
        assert_eq!(first.status, ReportStatus::Reported);
        assert_eq!(first.user_id, "u1");
        assert_eq!(
            first.change,
            ReportedChange::new(Notice::PasswordChanged, T)
        );
        assert_eq!(first.reported_at, Some(T + 1_000));
        assert_eq!(first.held_until, Some(T + 1_000 + HOLD));
        let second = reports.report(&token, HOLD, T + 5_000).unwrap();
        assert_eq!(second.status, ReportStatus::AlreadyReported);
        assert!(!second.is_new());
        assert_eq!(
            second.reported_at,
            Some(T + 1_000),
            "the first report's time"
        );
        assert_eq!(second.held_until, Some(T + 1_000 + HOLD), "not extended");
    }

    #[test]
    fn a_preview_changes_nothing() {
        let mut reports = Reports::default();
        let token = issued(&mut reports, Notice::AccountUnlocked, T, 1);
        let before = reports.clone();
        let preview = reports.preview(&token, T + 1).unwrap();
        assert_eq!(preview.status, ReportStatus::Open);
        assert_eq!((preview.reported_at, preview.held_until), (None, None));
        assert_eq!(reports, before);
        assert_eq!(reports.hold(T + 1), None);
    }

    #[test]
    fn a_preview_after_the_report_says_it_was_reported() {
        let mut reports = Reports::default();
        let token = issued(&mut reports, Notice::PasswordChanged, T, 1);
        reports.report(&token, HOLD, T + 10).unwrap();
        let preview = reports.preview(&token, T + 20).unwrap();
        assert_eq!(preview.status, ReportStatus::AlreadyReported);
        assert_eq!(preview.held_until, Some(T + 10 + HOLD));
    }

    #[test]
    fn an_expired_link_is_refused() {
        let mut reports = Reports::default();
        let token = issued(&mut reports, Notice::PasswordChanged, T, 1);
        assert!(reports.preview(&token, T + REPORT_LIFETIME_MS - 1).is_ok());
        assert_eq!(
            reports.report(&token, HOLD, T + REPORT_LIFETIME_MS),
            Err(ReportError::Invalid)
        );
        assert_eq!(reports.hold(T + REPORT_LIFETIME_MS), None);
    }

    #[test]
    fn unknown_forged_and_malformed_tokens_are_refused_alike() {
        let mut reports = Reports::default();
        let real = issued(&mut reports, Notice::PasswordChanged, T, 1);
        let mut other = Reports::default();
        let stranger = issued(&mut other, Notice::PasswordChanged, T, 2);
        for token in [stranger.as_str(), "", "!!!", "abc", &"A".repeat(500)] {
            assert_eq!(
                reports.report(token, HOLD, T + 1),
                Err(ReportError::Invalid),
                "{token:?}"
            );
        }
        // The same secret with another owner address is the same secret: the owner only
        // routes the request.
        let mut bytes = base64_decode(&real);
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        let rerouted = base64_encode(&bytes);
        assert!(reports.preview(&rerouted, T + 1).is_ok());
        // A changed secret is not.
        bytes[0] ^= 1;
        assert_eq!(
            reports.preview(&base64_encode(&bytes), T + 1),
            Err(ReportError::Invalid)
        );
        assert_eq!(reports.hold(T + 1), None);
    }

    fn base64_decode(text: &str) -> Vec<u8> {
        use base64::Engine as _;
        base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(text)
            .unwrap()
    }

    fn base64_encode(bytes: &[u8]) -> String {
        use base64::Engine as _;
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    }

    #[test]
    fn only_a_reported_addition_takes_its_method_away() {
        let cases = [
            (
                Notice::MethodAdded(Method::Authenticator),
                Some(Method::Authenticator),
            ),
            (Notice::MethodRemoved(Method::SmsCode), None),
            (Notice::PasswordChanged, None),
            (Notice::AccountUnlocked, None),
        ];
        for (i, (notice, removed)) in cases.into_iter().enumerate() {
            let mut reports = Reports::default();
            let token = issued(&mut reports, notice, T, i as u64);
            assert_eq!(
                reports.report(&token, HOLD, T + 1).unwrap().remove,
                removed,
                "{notice:?}"
            );
        }
    }

    #[test]
    fn a_second_report_extends_the_pause_and_never_shortens_it() {
        let mut reports = Reports::default();
        let a = issued(&mut reports, Notice::PasswordChanged, T, 1);
        let b = issued(&mut reports, Notice::MethodRemoved(Method::SmsCode), T, 2);
        let c = issued(&mut reports, Notice::AccountUnlocked, T, 3);
        reports.report(&a, HOLD, T + 10).unwrap();
        reports.report(&b, HOLD, T + DAY_MS).unwrap();
        let hold = reports.hold(T + DAY_MS).unwrap().clone();
        assert_eq!(hold.since, T + 10);
        assert_eq!(hold.until, T + DAY_MS + HOLD);
        assert_eq!(hold.change.kind, ChangeKind::MethodRemoved);
        // A policy with a shorter pause since then does not cut a pause short.
        reports.report(&c, DAY_MS, T + 2 * DAY_MS).unwrap();
        assert_eq!(
            reports.hold(T + 2 * DAY_MS).unwrap().until,
            T + DAY_MS + HOLD
        );
    }

    #[test]
    fn an_administrator_ends_the_pause_and_unused_links_still_work() {
        let mut reports = Reports::default();
        let a = issued(&mut reports, Notice::PasswordChanged, T, 1);
        let b = issued(&mut reports, Notice::AccountUnlocked, T, 2);
        reports.report(&a, HOLD, T + 10).unwrap();
        let cleared = reports.clear_hold(T + 20).unwrap();
        assert_eq!(cleared.until, T + 10 + HOLD);
        assert_eq!(reports.hold(T + 20), None);
        assert_eq!(reports.clear_hold(T + 30), None, "nothing left to clear");
        // The used link does not pause again...
        reports.report(&a, HOLD, T + 40).unwrap();
        assert_eq!(reports.hold(T + 40), None);
        // ...an unused one does.
        assert!(reports.report(&b, HOLD, T + 50).unwrap().is_new());
        assert!(reports.hold(T + 50).is_some());
    }

    #[test]
    fn the_oldest_links_are_forgotten_beyond_the_limit() {
        let mut reports = Reports::default();
        let first = issued(&mut reports, Notice::PasswordChanged, T, 0);
        let mut fill = test_fill(200);
        for i in 0..MAX_TICKETS {
            reports.issue(
                vec![9; 32],
                "u1",
                ReportedChange::new(Notice::PasswordChanged, T),
                T + i as u64,
                &mut fill,
            );
        }
        assert_eq!(reports.tickets.len(), MAX_TICKETS);
        assert_eq!(reports.preview(&first, T + 100), Err(ReportError::Invalid));
    }

    #[test]
    fn expired_links_and_ended_pauses_are_pruned() {
        let mut reports = Reports::default();
        let token = issued(&mut reports, Notice::PasswordChanged, T, 1);
        reports.report(&token, DAY_MS, T).unwrap();
        reports.prune(T + REPORT_LIFETIME_MS);
        assert_eq!(reports, Reports::default());
    }

    #[test]
    fn the_stored_state_holds_no_token() {
        let mut reports = Reports::default();
        let token = issued(&mut reports, Notice::PasswordChanged, T, 1);
        let stored = serde_json::to_string(&reports).unwrap();
        assert!(!stored.contains(&token));
        let secret = &base64_decode(&token)[..crate::token::SECRET_BYTES];
        assert!(!stored.contains(&hex::encode(secret)));
    }

    #[test]
    fn a_refusal_travels_as_report_invalid() {
        let api = ApiError::from(ReportError::Invalid);
        assert_eq!(api.code, ErrorCode::ReportInvalid);
        assert_eq!(api.code.status(), 410);
        assert!(api.message.contains("7 days"));
    }
}
