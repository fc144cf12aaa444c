//! "This wasn't me" in a user's Durable Object: the report links of the notices sent about
//! the account, and the pause a report puts on self-service reset ([`Reports`], one JSON row
//! in [`TABLE`]; only hashes of the tokens are stored). Core decides
//! ([`sspr_core::report`]); this module issues the tokens of outgoing notices, answers the
//! report page, performs what a report does (end the reset or unlock under way, take away a
//! method whose addition was reported, audit, alert the administrators) and lets an
//! administrator end the pause.
//!
//! A report token is [`sspr_core::token::FlowToken`]-shaped (random bits followed by this
//! object's id), so the worker routes the report page's request here with no lookup table;
//! a forged id reaches only an object that holds no matching hash.

use serde::{Deserialize, Serialize};
use sspr_core::UnixMillis;
use sspr_core::api::{ApiError, ClearHoldReply, ErrorCode, ReportReply};
use sspr_core::flow::{FlowKind, Stage};
use sspr_core::policy::Method;
use sspr_core::report::Reports;
use worker::Result;

use super::{Owner, UserState};
use crate::audit::{self, AuditEvent, Scope};
use crate::config::Config;
use crate::notices::Notify;
use crate::random;

/// The table of the user's [`Reports`].
pub(super) const TABLE: &str = "reports";

/// The reply for the report page, and what the worker writes and sends after replying.
#[derive(Serialize, Deserialize)]
pub struct ReportOutcome {
    pub reply: ReportReply,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audit: Vec<AuditEvent>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<Notify>,
}

impl ReportOutcome {
    fn refused(error: ApiError) -> Self {
        ReportOutcome {
            reply: ReportReply::error(error),
            audit: Vec::new(),
            notices: Vec::new(),
        }
    }
}

/// The answer to an administrator's clearing of the pause, with its audit event.
#[derive(Serialize, Deserialize)]
pub struct ClearOutcome {
    pub reply: ClearHoldReply,
    pub audit: Vec<AuditEvent>,
}

/// The refusal of a change to a user's methods while a report pauses self-service reset.
pub fn reported_compromise(until: UnixMillis) -> ApiError {
    ApiError {
        retry_at: Some(until),
        ..ApiError::new(
            ErrorCode::ReportedCompromise,
            "a change to your account was reported as not made by you, so self-service password \
             reset and changes to your methods are paused; contact your helpdesk",
        )
    }
}

impl UserState {
    pub(super) fn load_reports(&self) -> Result<Reports> {
        Ok(self.read(TABLE)?.unwrap_or_default())
    }

    fn save_reports(&self, reports: &Reports) -> Result<()> {
        self.write(TABLE, reports)
    }

    /// When self-service reset is paused for this user at `now`, until when.
    pub(super) fn held_until(&self, now: UnixMillis) -> Result<Option<UnixMillis>> {
        Ok(self.load_reports()?.hold(now).map(|hold| hold.until))
    }

    /// Gives each notice to the user a "this wasn't me" token, bound to the user `user_id`
    /// and to the change it tells of (at `now`), and keeps the token's hash. Nothing is
    /// issued without a report page (`REPORT_URL`): the notice then carries no link.
    pub(super) fn with_report_links(
        &self,
        config: &Config,
        user_id: &str,
        mut notices: Vec<Notify>,
        now: UnixMillis,
    ) -> Result<Vec<Notify>> {
        if config.report_url.is_none() || !notices.iter().any(|n| matches!(n, Notify::User { .. }))
        {
            return Ok(notices);
        }
        let mut reports = self.load_reports()?;
        let owner = hex::decode(self.state.id().to_string())
            .map_err(|_| worker::Error::RustError("a Durable Object id is hex".into()))?;
        for notify in &mut notices {
            if let Notify::User { notice, report, .. } = notify {
                let change = sspr_core::api::ReportedChange::new(*notice, now);
                let token = reports.issue(owner.clone(), user_id, change, now, &mut random::fill);
                *report = Some(token.encode());
            }
        }
        self.save_reports(&reports)?;
        Ok(notices)
    }

    /// `Command::Report`: the report page shows the change a link is about (`confirm` false:
    /// changes nothing) or reports it. The first report pauses self-service reset, ends the
    /// reset or unlock under way, takes away a method whose addition is reported, and is
    /// audited and told to every administrator; the same link again only says it was
    /// reported.
    pub(super) fn report(
        &self,
        config: &Config,
        now: UnixMillis,
        token: &str,
        confirm: bool,
    ) -> Result<ReportOutcome> {
        let mut reports = self.load_reports()?;
        let result = if confirm {
            reports.report(token, config.policy.report_hold_ms(), now)
        } else {
            reports.preview(token, now)
        };
        let report = match result {
            Ok(report) => report,
            Err(err) => return Ok(ReportOutcome::refused(err.into())),
        };
        let helpdesk = config.policy.helpdesk_link();
        if !report.is_new() {
            return Ok(ReportOutcome {
                reply: report.reply(None, helpdesk),
                audit: Vec::new(),
                notices: Vec::new(),
            });
        }
        self.save_reports(&reports)?;
        // Whatever reset or unlock is under way ends: it may be the attacker's. A change in
        // flight is not applied after this (the attempt finds its flow gone).
        let under_way = self.load()?;
        if under_way.is_some() {
            self.delete()?;
        }
        self.held.replace(None);
        let ended = under_way.filter(|flow| *flow.stage() != Stage::Done);
        let scope = Scope {
            now,
            kind: ended.as_ref().map_or(FlowKind::Reset, |flow| flow.kind()),
            user_id: Some(report.user_id.clone()),
            flow_id: ended.as_ref().map(|flow| audit::flow_id(flow.token_hash())),
        };
        let mut events = vec![scope.reported(&report.change, report.held_until)];
        let removed = match report.remove {
            Some(method) => self.take_away(config, &report.user_id, method)?,
            None => None,
        };
        events.extend(removed.map(|method| scope.removed_by_report(method)));
        let name = self
            .read::<Owner>("owner")?
            .and_then(|owner| owner.name)
            .unwrap_or_else(|| report.user_id.clone());
        let notices = vec![Notify::Reported {
            user: name,
            user_id: report.user_id.clone(),
            change: report.change,
            held_until: report.held_until.unwrap_or(now),
            removed,
        }];
        Ok(ReportOutcome {
            reply: report.reply(removed, helpdesk),
            audit: events,
            notices,
        })
    }

    /// Removes `method` from what the user registered, if they hold it (the directory's own
    /// address and number are not theirs to remove).
    fn take_away(&self, config: &Config, user_id: &str, method: Method) -> Result<Option<Method>> {
        let mut registrations = self.load_registrations(config, user_id)?;
        if registrations.remove(method).is_err() {
            return Ok(None);
        }
        self.save_registrations(config, user_id, &registrations)?;
        Ok(Some(method))
    }

    /// `Command::ClearHold`: an administrator ends the pause of the user `user_id`.
    pub(super) fn clear_hold(&self, now: UnixMillis, user_id: String) -> Result<ClearOutcome> {
        let mut reports = self.load_reports()?;
        let cleared = reports.clear_hold(now);
        if cleared.is_some() {
            self.save_reports(&reports)?;
        }
        let held_until = cleared.map(|hold| hold.until);
        let scope = Scope {
            now,
            kind: FlowKind::Reset,
            user_id: Some(user_id),
            flow_id: None,
        };
        Ok(ClearOutcome {
            reply: ClearHoldReply {
                cleared: held_until.is_some(),
                held_until,
                error: None,
            },
            audit: vec![scope.hold_cleared(held_until)],
        })
    }
}
