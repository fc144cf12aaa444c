//! The audit log: what happened to whose account, when, from where, and how it ended. This
//! module decides which events a step of a flow produces and what each may hold; [`store`]
//! writes them to D1 after the reply and reads them back for the admin API.
//!
//! An event never holds a code, a password, a flow token, an email address or a phone number:
//! [`Detail`] has no field that could carry one. Users are named by their directory id; an
//! unknown username (a decoy flow) is stored as nothing, or as a keyed hash at the start, so
//! admins see probing without a list of typed names. Client IPs are keyed hashes too, and
//! flows are named by a hash of the stored hash of their token.

pub mod csv;
pub mod query;
pub mod sql;
pub mod store;
pub mod time;

use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use sspr_core::UnixMillis;
use sspr_core::api::{ApiError, ErrorCode, ReportedChange};
use sspr_core::flow::{FlowError, FlowKind};
use sspr_core::policy::Method;
use sspr_core::throttle::Throttled;
use sspr_core::username::Username;

use crate::identity::BackendError;
use crate::senders::SendError;

/// Longest user agent kept, in characters.
pub const MAX_USER_AGENT_CHARS: usize = 256;

/// What happened. The wire and database form is the snake_case name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    ResetStarted,
    UnlockStarted,
    CodeSent,
    ProofPassed,
    ProofFailed,
    Blocked,
    ResetSucceeded,
    ResetRejected,
    ResetFailed,
    Unlocked,
    UnlockFailed,
    /// An admin saved a new policy version (`detail.policy_version`).
    PolicyChanged,
    /// A signed-in user added a method (verified).
    MethodAdded,
    /// A signed-in user removed a method.
    MethodRemoved,
    /// A signed-in user confirmed their methods (or registered enough of them).
    RegistrationConfirmed,
    /// A signed-in user postponed registering or confirming.
    RegistrationPostponed,
    /// A code went to an address or number being registered.
    RegistrationCodeSent,
    /// A phone paired itself as the user's approver (the code from the registration screen).
    ApproverPaired,
    /// A reset asked the user's approver for an approval (number matching).
    ApprovalSent,
    /// The approver tapped the number on the reset screen.
    ApprovalApproved,
    /// The approver denied the request (`denied`) or tapped another number (`wrong_number`).
    ApprovalDenied,
    /// A reset or unlock start (`detail.flow_kind`) refused by the Turnstile check, before
    /// any username was looked at; the outcome is the error it answered with.
    TurnstileRefused,
    /// The user reported a change to their account as not made by them ("this wasn't me"):
    /// `method` and `detail.change` / `detail.change_at` name the change, `detail.held_until`
    /// ends the pause of self-service reset, `flow_id` names the reset or unlock it ended.
    ReportedNotMe,
    /// An administrator ended the pause a report put on the user's self-service reset.
    HoldCleared,
}

impl EventKind {
    pub const ALL: [EventKind; 24] = {
        use EventKind::*;
        [
            ResetStarted,
            UnlockStarted,
            CodeSent,
            ProofPassed,
            ProofFailed,
            Blocked,
            ResetSucceeded,
            ResetRejected,
            ResetFailed,
            Unlocked,
            UnlockFailed,
            PolicyChanged,
            MethodAdded,
            MethodRemoved,
            RegistrationConfirmed,
            RegistrationPostponed,
            RegistrationCodeSent,
            ApproverPaired,
            ApprovalSent,
            ApprovalApproved,
            ApprovalDenied,
            TurnstileRefused,
            ReportedNotMe,
            HoldCleared,
        ]
    };

    pub fn as_str(self) -> &'static str {
        use EventKind::*;
        match self {
            ResetStarted => "reset_started",
            UnlockStarted => "unlock_started",
            CodeSent => "code_sent",
            ProofPassed => "proof_passed",
            ProofFailed => "proof_failed",
            Blocked => "blocked",
            ResetSucceeded => "reset_succeeded",
            ResetRejected => "reset_rejected",
            ResetFailed => "reset_failed",
            Unlocked => "unlocked",
            UnlockFailed => "unlock_failed",
            PolicyChanged => "policy_changed",
            MethodAdded => "method_added",
            MethodRemoved => "method_removed",
            RegistrationConfirmed => "registration_confirmed",
            RegistrationPostponed => "registration_postponed",
            RegistrationCodeSent => "registration_code_sent",
            ApproverPaired => "approver_paired",
            ApprovalSent => "approval_sent",
            ApprovalApproved => "approval_approved",
            ApprovalDenied => "approval_denied",
            TurnstileRefused => "turnstile_refused",
            ReportedNotMe => "reported_not_me",
            HoldCleared => "hold_cleared",
        }
    }

    pub fn parse(name: &str) -> Option<EventKind> {
        EventKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == name)
    }
}

/// The facts an event carries beyond its columns. Nothing secret fits in here.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Detail {
    /// Failed proofs counted for the user in the throttling window, this one included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failed_proofs: Option<u32>,
    /// Tries left on the current code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tries_left: Option<u8>,
    /// The end of a block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked_until: Option<UnixMillis>,
    /// When a throttled request may be tried again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_at: Option<UnixMillis>,
    /// The id of the change sent to the directory (its `Idempotency-Key`), to find it there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation_id: Option<String>,
    /// Which attempt at that change this is (1 for the first, during the user's request).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attempt: Option<u32>,
    /// Why a change or a send failed, in our words (never the directory's message).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// For an unknown username: HMAC-SHA256 of its lower-cased form under `AUDIT_HASH_KEY`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username_hash: Option<String>,
    /// The policy version a `policy_changed` event saved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy_version: Option<u32>,
    /// Which start a `turnstile_refused` event refused (`reset` or `unlock`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow_kind: Option<FlowKind>,
    /// The change a `reported_not_me` event reports: `password_changed`, `account_unlocked`,
    /// `method_added` or `method_removed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<String>,
    /// When that change was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_at: Option<UnixMillis>,
    /// Until when self-service reset is paused for the user after a report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_until: Option<UnixMillis>,
}

/// One event as a flow step produced it, before the request's origin is added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEvent {
    /// When, on the edge's clock (UTC milliseconds).
    pub at: UnixMillis,
    pub event: EventKind,
    /// The directory's id of the user; `None` for unknown, disabled or unserved usernames.
    pub user_id: Option<String>,
    pub method: Option<Method>,
    /// `ok`, `unknown_user`, `refused`, `block_started`, `failed`, or the error code.
    pub outcome: String,
    pub detail: Detail,
    pub flow_id: Option<String>,
}

/// Where a request came from, as the audit log keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestOrigin {
    pub tenant: String,
    pub ip_hash: Option<String>,
    pub user_agent: Option<String>,
}

impl RequestOrigin {
    /// The origin of a request from `ip` with `user_agent`: the IP keyed-hashed, the user
    /// agent cut to [`MAX_USER_AGENT_CHARS`].
    pub fn new(tenant: &str, key: &[u8], ip: Option<&str>, user_agent: Option<&str>) -> Self {
        RequestOrigin {
            tenant: tenant.to_owned(),
            ip_hash: ip
                .map(str::trim)
                .filter(|ip| !ip.is_empty())
                .map(|ip| keyed_hash(key, "ip", ip)),
            user_agent: user_agent
                .filter(|ua| !ua.is_empty())
                .map(|ua| ua.chars().take(MAX_USER_AGENT_CHARS).collect()),
        }
    }
}

/// Hex HMAC-SHA256 of `value` under `key`, in a `purpose` of its own so that the hash of an
/// IP can never equal the hash of a username.
fn keyed_hash(key: &[u8], purpose: &str, value: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(purpose.as_bytes());
    mac.update(b"\0");
    mac.update(value.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// How an unknown username appears in the audit log.
pub fn username_hash(key: &[u8], username: &Username) -> String {
    keyed_hash(key, "username", &username.key())
}

/// How a flow appears in the audit log: 128 bits of SHA-256 over the stored hash of its
/// token. It links a flow's events and cannot be turned back into the token.
pub fn flow_id(token_hash: &str) -> String {
    let digest = Sha256::digest(format!("sspr audit flow\0{token_hash}").as_bytes());
    hex::encode(&digest[..16])
}

/// The wire name of an error code (`code_mismatch`).
pub fn code_name(code: ErrorCode) -> String {
    serde_json::to_value(code)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The `turnstile_refused` event of a start of `kind` whose Turnstile check ended in
/// `verdict`, or `None` when it passed. The outcome is the error code the start answered with
/// (`turnstile_required`, `turnstile_failed` or `turnstile_unavailable`) and the reason what
/// the log says; the token is never in it, and no user is, since the check comes before the
/// username is looked at.
pub fn turnstile_refused(
    now: UnixMillis,
    kind: FlowKind,
    verdict: &crate::turnstile::Verdict,
) -> Option<AuditEvent> {
    use crate::turnstile::Verdict;
    let error = verdict.error()?;
    let reason = match verdict {
        Verdict::Refused(why) | Verdict::Unavailable(why) => Some(why.clone()),
        Verdict::Passed | Verdict::Required => None,
    };
    Some(AuditEvent {
        at: now,
        event: EventKind::TurnstileRefused,
        user_id: None,
        method: None,
        outcome: code_name(error.code),
        detail: Detail {
            reason,
            flow_kind: Some(kind),
            ..Detail::default()
        },
        flow_id: None,
    })
}

/// Whose flow a step was taken in, and when: the events of that step are derived from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    pub now: UnixMillis,
    pub kind: FlowKind,
    pub user_id: Option<String>,
    pub flow_id: Option<String>,
}

impl Scope {
    fn event(
        &self,
        event: EventKind,
        method: Option<Method>,
        outcome: &str,
        detail: Detail,
    ) -> AuditEvent {
        AuditEvent {
            at: self.now,
            event,
            user_id: self.user_id.clone(),
            method,
            outcome: outcome.to_owned(),
            detail,
            flow_id: self.flow_id.clone(),
        }
    }

    /// A start: the flow began (`ok`, or `unknown_user` for a decoy), or the throttle refused
    /// it (the error code, with when to try again).
    pub fn started(&self, refused: Option<&Throttled>) -> AuditEvent {
        let event = match self.kind {
            FlowKind::Reset => EventKind::ResetStarted,
            FlowKind::Unlock => EventKind::UnlockStarted,
        };
        match refused {
            None if self.user_id.is_none() => {
                self.event(event, None, "unknown_user", Detail::default())
            }
            None => self.event(event, None, "ok", Detail::default()),
            Some(throttled) => self.event(
                event,
                None,
                &throttled_code(throttled),
                throttled_detail(throttled),
            ),
        }
    }

    /// A code handed out for `method`, before the provider has answered: [`code_sent`]
    /// completes it with the answer.
    pub fn code_sent(&self, method: Method) -> AuditEvent {
        self.event(
            EventKind::CodeSent,
            Some(method),
            "pending",
            Detail::default(),
        )
    }

    /// A registration event about `method` (if any) with `outcome` (`ok`, or `pending` for a
    /// code handed out before the provider has answered).
    pub fn registration(
        &self,
        event: EventKind,
        method: Option<Method>,
        outcome: &str,
    ) -> AuditEvent {
        self.event(event, method, outcome, Detail::default())
    }

    /// An approval event (`approval_sent`, `approval_approved`, `approval_denied`) with
    /// `outcome`.
    pub fn approval(&self, event: EventKind, outcome: &str) -> AuditEvent {
        self.event(
            event,
            Some(Method::AppNotification),
            outcome,
            Detail::default(),
        )
    }

    /// A request on a flow refused because the user is blocked.
    pub fn refused(&self, throttled: &Throttled) -> AuditEvent {
        self.event(
            EventKind::Blocked,
            None,
            "refused",
            throttled_detail(throttled),
        )
    }

    /// A proof was submitted with `method`. A failed proof carries the user's count of failed
    /// proofs, and the one that starts a block is followed by `blocked`. Errors that are not
    /// proofs (a malformed code, a wrong step, a flow gone) leave no event; a code that died
    /// (expired, used, out of tries) is a failed proof that is not counted.
    pub fn proof(
        &self,
        method: Option<Method>,
        result: Result<(), &FlowError>,
        failed_proofs: u32,
        blocked_until: Option<UnixMillis>,
    ) -> Vec<AuditEvent> {
        let err = match result {
            Ok(()) => {
                return vec![self.event(EventKind::ProofPassed, method, "ok", Detail::default())];
            }
            // The proof passed, but a report paused the user's self-service reset.
            Err(FlowError::ReportedCompromise { until }) => {
                let detail = Detail {
                    held_until: Some(*until),
                    ..Detail::default()
                };
                return vec![
                    self.event(EventKind::ProofPassed, method, "ok", Detail::default()),
                    self.event(EventKind::Blocked, None, "reported_compromise", detail),
                ];
            }
            Err(err) => err,
        };
        let api = ApiError::from(err);
        let outcome = code_name(api.code);
        if err.is_failed_proof() {
            let detail = Detail {
                failed_proofs: Some(failed_proofs),
                tries_left: api.tries_left,
                ..Detail::default()
            };
            let mut events = vec![self.event(EventKind::ProofFailed, method, &outcome, detail)];
            if let Some(until) = blocked_until {
                let detail = Detail {
                    blocked_until: Some(until),
                    ..Detail::default()
                };
                events.push(self.event(EventKind::Blocked, None, "block_started", detail));
            }
            events
        } else if err.ends_flow() && *err != FlowError::Expired {
            vec![self.event(EventKind::ProofFailed, method, &outcome, Detail::default())]
        } else {
            Vec::new()
        }
    }

    /// The user reported `change` as not made by them; self-service reset is paused until
    /// `held_until`. The scope's flow is the reset or unlock the report ended, if any.
    pub fn reported(&self, change: &ReportedChange, held_until: Option<UnixMillis>) -> AuditEvent {
        let detail = Detail {
            change: serde_json::to_value(change.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned)),
            change_at: Some(change.at),
            held_until,
            ..Detail::default()
        };
        self.event(EventKind::ReportedNotMe, change.method, "reported", detail)
    }

    /// A method a report took away: the one whose addition the user reported.
    pub fn removed_by_report(&self, method: Method) -> AuditEvent {
        self.event(
            EventKind::MethodRemoved,
            Some(method),
            "reported_not_me",
            Detail::default(),
        )
    }

    /// An administrator ended the pause (which would have lasted until `held_until`);
    /// outcome `ok`, or `not_held` when none was in force.
    pub fn hold_cleared(&self, held_until: Option<UnixMillis>) -> AuditEvent {
        let detail = Detail {
            held_until,
            ..Detail::default()
        };
        let outcome = if held_until.is_some() {
            "ok"
        } else {
            "not_held"
        };
        self.event(EventKind::HoldCleared, None, outcome, detail)
    }

    /// A new password refused by the policy's rules (too short, common, …). Other refusals
    /// (a wrong step, a flow gone) leave no event.
    pub fn password_refused(&self, err: &FlowError) -> Option<AuditEvent> {
        match err {
            FlowError::Password(_) => {
                let outcome = code_name(ApiError::from(err).code);
                Some(self.event(EventKind::ResetRejected, None, &outcome, Detail::default()))
            }
            _ => None,
        }
    }

    /// The directory's answer to `attempt` at the change sent under `operation_id`; a failure
    /// with `retry_at` is retried then (outcome `retry_scheduled`), one without is final.
    pub fn change(
        &self,
        operation_id: &str,
        attempt: u32,
        result: &Result<(), BackendError>,
        retry_at: Option<UnixMillis>,
    ) -> AuditEvent {
        let mut detail = Detail {
            operation_id: Some(operation_id.to_owned()),
            attempt: Some(attempt),
            ..Detail::default()
        };
        let (event, outcome) = match (self.kind, result) {
            (FlowKind::Reset, Ok(())) => (EventKind::ResetSucceeded, "ok"),
            (FlowKind::Unlock, Ok(())) => (EventKind::Unlocked, "ok"),
            (FlowKind::Reset, Err(BackendError::Rejected(_))) => {
                (EventKind::ResetRejected, "password_rejected")
            }
            (FlowKind::Unlock, Err(BackendError::Rejected(_))) => {
                (EventKind::UnlockFailed, "rejected")
            }
            (kind, Err(BackendError::Unsupported(reason))) => {
                detail.reason = Some(reason.clone());
                let event = match kind {
                    FlowKind::Reset => EventKind::ResetFailed,
                    FlowKind::Unlock => EventKind::UnlockFailed,
                };
                (event, "unsupported")
            }
            (kind, Err(BackendError::Unavailable(reason)))
            | (kind, Err(BackendError::RetryAfter { detail: reason, .. })) => {
                detail.reason = Some(reason.clone());
                detail.retry_at = retry_at;
                let event = match kind {
                    FlowKind::Reset => EventKind::ResetFailed,
                    FlowKind::Unlock => EventKind::UnlockFailed,
                };
                let outcome = match retry_at {
                    Some(_) => "retry_scheduled",
                    None => "backend_unavailable",
                };
                (event, outcome)
            }
        };
        self.event(event, None, outcome, detail)
    }

    /// A retry of `operation_id` that could not be sent: the new password was no longer in
    /// memory (the Durable Object had been evicted), so the user is asked for it again.
    pub fn password_not_kept(&self, operation_id: &str, attempts: u32) -> AuditEvent {
        let detail = Detail {
            operation_id: Some(operation_id.to_owned()),
            attempt: Some(attempts + 1),
            reason: Some("the new password was not in memory any more".to_owned()),
            ..Detail::default()
        };
        self.event(EventKind::ResetFailed, None, "password_not_kept", detail)
    }
}

/// The `code_sent` (or `registration_code_sent`) event for a code handed out (`started` is
/// [`Scope::code_sent`]'s or [`Scope::registration`]'s event), once the provider has answered.
pub fn code_sent(
    started: &AuditEvent,
    method: Method,
    result: Result<(), &SendError>,
) -> AuditEvent {
    let (outcome, reason) = match result {
        Ok(()) => ("ok", None),
        Err(err) => ("failed", Some(err.to_string())),
    };
    let event = match started.event {
        EventKind::RegistrationCodeSent => EventKind::RegistrationCodeSent,
        _ => EventKind::CodeSent,
    };
    AuditEvent {
        event,
        method: Some(method),
        outcome: outcome.to_owned(),
        detail: Detail {
            reason,
            ..Detail::default()
        },
        ..started.clone()
    }
}

fn throttled_code(throttled: &Throttled) -> String {
    throttled
        .reply()
        .error
        .map(|e| code_name(e.code))
        .unwrap_or_default()
}

fn throttled_detail(throttled: &Throttled) -> Detail {
    match *throttled {
        Throttled::Blocked { until } => Detail {
            blocked_until: Some(until),
            ..Detail::default()
        },
        Throttled::Cooldown { retry_at } | Throttled::SendLimit { retry_at } => Detail {
            retry_at: Some(retry_at),
            ..Detail::default()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::senders::Channel;
    use sspr_core::methods::code::CodeError;
    use sspr_core::password::PasswordError;

    const T: UnixMillis = 1_700_000_000_000;

    fn scope(user: Option<&str>, kind: FlowKind) -> Scope {
        Scope {
            now: T,
            kind,
            user_id: user.map(str::to_owned),
            flow_id: Some(flow_id("stored-token-hash")),
        }
    }

    fn names(events: &[AuditEvent]) -> Vec<(&'static str, &str)> {
        events
            .iter()
            .map(|e| (e.event.as_str(), e.outcome.as_str()))
            .collect()
    }

    #[test]
    fn event_names_are_the_issues_and_round_trip() {
        for kind in EventKind::ALL {
            let wire = serde_json::to_value(kind).unwrap();
            assert_eq!(wire, kind.as_str());
            assert_eq!(EventKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(
            EventKind::parse("reset_started"),
            Some(EventKind::ResetStarted)
        );
        assert_eq!(EventKind::parse("Reset_Started"), None);
    }

    #[test]
    fn a_start_is_ok_for_a_user_and_unknown_user_for_a_decoy() {
        let user = scope(Some("u1"), FlowKind::Reset).started(None);
        assert_eq!(
            (user.event, user.outcome.as_str()),
            (EventKind::ResetStarted, "ok")
        );
        assert_eq!(user.user_id.as_deref(), Some("u1"));
        let decoy = scope(None, FlowKind::Unlock).started(None);
        assert_eq!(
            (decoy.event, decoy.outcome.as_str()),
            (EventKind::UnlockStarted, "unknown_user")
        );
        assert_eq!(decoy.user_id, None);
        assert_eq!(decoy.at, T);
    }

    #[test]
    fn a_refused_turnstile_check_is_an_event_with_the_flow_kind_and_the_error_but_no_token() {
        use crate::turnstile::{self, Expectation, Verdict};
        assert_eq!(
            turnstile_refused(T, FlowKind::Reset, &Verdict::Passed),
            None
        );

        let missing = turnstile_refused(T, FlowKind::Unlock, &Verdict::Required).unwrap();
        assert_eq!(
            (missing.event, missing.outcome.as_str()),
            (EventKind::TurnstileRefused, "turnstile_required")
        );
        assert_eq!(missing.detail.flow_kind, Some(FlowKind::Unlock));
        assert_eq!(
            (missing.at, missing.user_id, missing.flow_id),
            (T, None, None)
        );

        // Verdicts as the check reaches them: siteverify's refusal, and a token refused
        // before any call for its length, whose reason must not carry it.
        let expected = Expectation::new(FlowKind::Reset, &["https://login.example.com".into()]);
        let verdict = turnstile::decide(
            200,
            r#"{"success":false,"error-codes":["invalid-input-response"]}"#,
            &expected,
        );
        let refused = turnstile_refused(T, FlowKind::Reset, &verdict).unwrap();
        assert_eq!(refused.outcome, "turnstile_failed");
        assert_eq!(refused.detail.flow_kind, Some(FlowKind::Reset));
        assert!(
            refused
                .detail
                .reason
                .as_deref()
                .unwrap()
                .contains("invalid-input-response"),
            "{refused:?}"
        );
        let too_long = "x".repeat(turnstile::MAX_TOKEN_CHARS + 1);
        let verdict = turnstile::precheck(Some(&too_long)).unwrap_err();
        let stored =
            serde_json::to_string(&turnstile_refused(T, FlowKind::Reset, &verdict)).unwrap();
        assert!(!stored.contains("xxxx"), "{stored}");
        assert!(stored.contains(r#""flow_kind":"reset""#), "{stored}");

        let down = Verdict::Unavailable("siteverify answered HTTP 503".into());
        let down = turnstile_refused(T, FlowKind::Reset, &down).unwrap();
        assert_eq!(down.outcome, "turnstile_unavailable");
    }

    #[test]
    fn a_throttled_start_names_the_refusal_and_when_to_retry() {
        let event = scope(Some("u1"), FlowKind::Reset).started(Some(&Throttled::Cooldown {
            retry_at: T + 30_000,
        }));
        assert_eq!(event.outcome, "resend_too_soon");
        assert_eq!(event.detail.retry_at, Some(T + 30_000));
        let blocked =
            scope(None, FlowKind::Reset).started(Some(&Throttled::Blocked { until: T + 1 }));
        assert_eq!(blocked.outcome, "locked");
        assert_eq!(blocked.detail.blocked_until, Some(T + 1));
    }

    #[test]
    fn a_right_code_is_a_passed_proof() {
        let events =
            scope(Some("u1"), FlowKind::Reset).proof(Some(Method::EmailCode), Ok(()), 0, None);
        assert_eq!(names(&events), [("proof_passed", "ok")]);
        assert_eq!(events[0].method, Some(Method::EmailCode));
    }

    #[test]
    fn a_wrong_code_is_a_failed_proof_with_the_counter_and_tries_left() {
        let err = FlowError::Code(CodeError::Mismatch { tries_left: 3 });
        let events =
            scope(Some("u1"), FlowKind::Reset).proof(Some(Method::EmailCode), Err(&err), 2, None);
        assert_eq!(names(&events), [("proof_failed", "code_mismatch")]);
        assert_eq!(events[0].detail.failed_proofs, Some(2));
        assert_eq!(events[0].detail.tries_left, Some(3));
    }

    #[test]
    fn the_failed_proof_that_blocks_is_followed_by_blocked() {
        let err = FlowError::Code(CodeError::Mismatch { tries_left: 0 });
        let events = scope(None, FlowKind::Reset).proof(
            Some(Method::EmailCode),
            Err(&err),
            5,
            Some(T + 86_400_000),
        );
        assert_eq!(
            names(&events),
            [
                ("proof_failed", "code_mismatch"),
                ("blocked", "block_started")
            ]
        );
        assert_eq!(events[1].detail.blocked_until, Some(T + 86_400_000));
        assert!(events.iter().all(|e| e.user_id.is_none()));
    }

    #[test]
    fn a_dead_code_is_an_uncounted_failed_proof_and_non_proofs_leave_nothing() {
        let s = scope(Some("u1"), FlowKind::Reset);
        let expired = s.proof(
            Some(Method::EmailCode),
            Err(&FlowError::Code(CodeError::Expired)),
            0,
            None,
        );
        assert_eq!(names(&expired), [("proof_failed", "code_expired")]);
        assert_eq!(expired[0].detail.failed_proofs, None);
        for err in [
            FlowError::WrongStep,
            FlowError::Expired,
            FlowError::MethodNotOffered,
        ] {
            assert!(s.proof(None, Err(&err), 0, None).is_empty(), "{err:?}");
        }
    }

    #[test]
    fn a_passing_proof_while_reset_is_paused_is_passed_then_blocked() {
        let err = FlowError::ReportedCompromise { until: T + 5 };
        let events =
            scope(Some("u1"), FlowKind::Reset).proof(Some(Method::EmailCode), Err(&err), 0, None);
        assert_eq!(
            names(&events),
            [("proof_passed", "ok"), ("blocked", "reported_compromise")]
        );
        assert_eq!(events[1].detail.held_until, Some(T + 5));
    }

    #[test]
    fn a_report_names_the_change_and_the_pause_and_never_a_token() {
        use sspr_core::flow::Notice;
        let s = scope(Some("u1"), FlowKind::Reset);
        let change = ReportedChange::new(Notice::MethodAdded(Method::SmsCode), T - 60_000);
        let event = s.reported(&change, Some(T + 7));
        assert_eq!(
            (event.event.as_str(), event.outcome.as_str()),
            ("reported_not_me", "reported")
        );
        assert_eq!(event.method, Some(Method::SmsCode));
        assert_eq!(event.detail.change.as_deref(), Some("method_added"));
        assert_eq!(event.detail.change_at, Some(T - 60_000));
        assert_eq!(event.detail.held_until, Some(T + 7));
        let removed = s.removed_by_report(Method::SmsCode);
        assert_eq!(
            (removed.event.as_str(), removed.outcome.as_str()),
            ("method_removed", "reported_not_me")
        );
        assert_eq!(s.hold_cleared(Some(T + 7)).outcome, "ok");
        assert_eq!(s.hold_cleared(None).outcome, "not_held");
    }

    #[test]
    fn a_password_refused_by_the_rules_is_a_rejected_reset() {
        let s = scope(Some("u1"), FlowKind::Reset);
        let err = FlowError::Password(PasswordError::TooShort { min: 8, actual: 5 });
        let event = s.password_refused(&err).unwrap();
        assert_eq!(
            (event.event.as_str(), event.outcome.as_str()),
            ("reset_rejected", "password_too_short")
        );
        assert_eq!(s.password_refused(&FlowError::WrongStep), None);
    }

    #[test]
    fn the_directorys_answer_ends_the_reset_or_the_unlock() {
        let reset = scope(Some("u1"), FlowKind::Reset);
        let unlock = scope(Some("u1"), FlowKind::Unlock);
        let rejected = Err(BackendError::Rejected("the directory's own words".into()));
        let down = Err(BackendError::Unavailable(
            "password change answered HTTP 503".into(),
        ));
        let cases = [
            (
                reset.change("op1", 1, &Ok(()), None),
                "reset_succeeded",
                "ok",
            ),
            (
                reset.change("op1", 1, &rejected, None),
                "reset_rejected",
                "password_rejected",
            ),
            (
                reset.change("op1", 1, &down, None),
                "reset_failed",
                "backend_unavailable",
            ),
            (unlock.change("op1", 1, &Ok(()), None), "unlocked", "ok"),
            (
                unlock.change("op1", 1, &rejected, None),
                "unlock_failed",
                "rejected",
            ),
            (
                unlock.change("op1", 1, &down, None),
                "unlock_failed",
                "backend_unavailable",
            ),
        ];
        for (event, name, outcome) in cases {
            assert_eq!(
                (event.event.as_str(), event.outcome.as_str()),
                (name, outcome)
            );
            assert_eq!(event.detail.operation_id.as_deref(), Some("op1"));
            // The directory's message may quote the user's input: it is never kept.
            assert!(!serde_json::to_string(&event).unwrap().contains("own words"));
        }
        assert_eq!(
            reset.change("op1", 1, &down, None).detail.reason.as_deref(),
            Some("password change answered HTTP 503")
        );
    }

    #[test]
    fn every_attempt_is_audited_with_its_number_and_a_retry_says_when() {
        let reset = scope(Some("u1"), FlowKind::Reset);
        let busy = Err(BackendError::RetryAfter {
            detail: "password change answered HTTP 429".into(),
            retry_after_ms: 5_000,
        });
        let retrying = reset.change("op1", 2, &busy, Some(T + 5_000));
        assert_eq!(
            (retrying.event.as_str(), retrying.outcome.as_str()),
            ("reset_failed", "retry_scheduled")
        );
        assert_eq!(retrying.detail.attempt, Some(2));
        assert_eq!(retrying.detail.retry_at, Some(T + 5_000));
        let done = reset.change("op1", 3, &Ok(()), None);
        assert_eq!(
            (done.event.as_str(), done.detail.attempt),
            ("reset_succeeded", Some(3))
        );
        let lost = reset.password_not_kept("op1", 3);
        assert_eq!(
            (
                lost.event.as_str(),
                lost.outcome.as_str(),
                lost.detail.attempt
            ),
            ("reset_failed", "password_not_kept", Some(4))
        );
    }

    #[test]
    fn code_sent_follows_the_start_it_belongs_to() {
        let started = scope(Some("u1"), FlowKind::Reset).started(None);
        let sent = code_sent(&started, Method::EmailCode, Ok(()));
        assert_eq!(
            (sent.event, sent.outcome.as_str()),
            (EventKind::CodeSent, "ok")
        );
        assert_eq!(
            (sent.at, &sent.flow_id, &sent.user_id),
            (started.at, &started.flow_id, &started.user_id)
        );
        let failed = code_sent(
            &started,
            Method::EmailCode,
            Err(&SendError::status(Channel::Email, 500, None)),
        );
        assert_eq!(failed.outcome, "failed");
    }

    #[test]
    fn ips_usernames_and_flows_are_stored_as_hashes() {
        let key = b"k".repeat(32);
        let origin = RequestOrigin::new("t", &key, Some("203.0.113.7"), Some("Firefox"));
        let ip_hash = origin.ip_hash.unwrap();
        assert_eq!(ip_hash.len(), 64);
        assert!(!ip_hash.contains("203"));
        assert_ne!(
            ip_hash,
            RequestOrigin::new("t", b"other key", Some("203.0.113.7"), None)
                .ip_hash
                .unwrap()
        );
        assert_eq!(RequestOrigin::new("t", &key, None, None).ip_hash, None);
        let name = Username::parse("Mallory").unwrap();
        assert_eq!(
            username_hash(&key, &name),
            username_hash(&key, &Username::parse("mallory").unwrap())
        );
        assert_ne!(
            username_hash(&key, &name),
            keyed_hash(&key, "ip", "mallory")
        );
        assert_eq!(flow_id("h").len(), 32);
        assert_ne!(flow_id("h"), flow_id("i"));
    }

    #[test]
    fn user_agents_are_cut_to_256_characters() {
        let long = "é".repeat(300);
        let origin = RequestOrigin::new("t", b"k", None, Some(&long));
        assert_eq!(
            origin.user_agent.unwrap().chars().count(),
            MAX_USER_AGENT_CHARS
        );
    }
}
