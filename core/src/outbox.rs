//! The durable outbox of the final change: the new password, or the unlock, on its way to the
//! identity backend. A flow whose proofs are done (VERIFIED: [`Stage::NewPassword`] or
//! [`Stage::UnlockReady`]) moves to PENDING ([`Stage::Pending`], one operation id for every
//! attempt, so the backend applies it once), then to DONE, to REJECTED (the backend's policy
//! refused the password: back to the new password, never retried) or to FAILED (the backend
//! stayed unavailable: back to the new password, or to the unlock, without new proofs).
//!
//! This module decides; the edge performs. It owns the retry schedule (exponential backoff
//! with jitter, capped, a bounded number of attempts, never past the flow's lifetime, at least
//! what the backend's `Retry-After` asked) and what an attempt's result does to the flow. It
//! never sees the password: the edge holds it in memory between attempts and says here
//! whether it still does ([`ResetFlow::due`]).

use serde::{Deserialize, Serialize};

use crate::UnixMillis;
use crate::api::{ApiError, ErrorCode};
use crate::flow::{Effect, FlowError, FlowKind, ResetFlow, Stage, Subject};

/// Jitter, in percent either side of the backoff.
pub const JITTER_PERCENT: u64 = 20;

/// How long an attempt may be in flight before the outbox takes it for interrupted: the
/// Durable Object was evicted during the call, so its result never came back. Well above the
/// edge's 10-second limit on an outbound call. When it passes, an unlock is sent again under
/// the same operation id, and a reset, whose password went with the evicted memory, returns
/// to the new password.
pub const ATTEMPT_WATCHDOG_MS: u64 = 60_000;

/// How the outbox retries a change the backend could not take.
///
/// ```
/// use sspr_core::outbox::RetryPolicy;
///
/// let policy = RetryPolicy::default();
/// assert_eq!(policy.backoff(1), 2_000); // after the first failed attempt
/// assert_eq!(policy.backoff(2), 4_000);
/// assert_eq!(policy.backoff(10), 60_000); // capped
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetryPolicy {
    /// The wait after the first failed attempt; each further failure doubles it.
    pub base_delay_ms: u64,
    /// The longest wait between two attempts (before jitter).
    pub max_delay_ms: u64,
    /// Attempts in all, the first (during the user's request) included.
    pub max_attempts: u32,
}

/// The cap of the backoff as a multiple of its base: 60 s for the default 2 s.
pub const MAX_DELAY_FACTOR: u64 = 30;

impl RetryPolicy {
    /// The default schedule scaled to `base_delay_ms` (the cap stays [`MAX_DELAY_FACTOR`] times
    /// the base), for deployments and tests that want other timings.
    pub fn with_base_delay(base_delay_ms: u64) -> Self {
        RetryPolicy {
            base_delay_ms,
            max_delay_ms: base_delay_ms.saturating_mul(MAX_DELAY_FACTOR),
            ..RetryPolicy::default()
        }
    }

    /// The wait after `failed` failed attempts (1 for the first), without jitter:
    /// base × 2^(failed − 1), capped.
    pub fn backoff(&self, failed: u32) -> u64 {
        let doublings = failed.saturating_sub(1).min(63);
        self.base_delay_ms
            .saturating_mul(1u64 << doublings)
            .min(self.max_delay_ms)
    }

    /// [`Self::backoff`] moved by up to ±[`JITTER_PERCENT`] %, `random` (uniform over `u32`,
    /// from the CSPRNG) choosing where, so that many users' retries spread out.
    pub fn jittered(&self, failed: u32, random: u32) -> u64 {
        let backoff = self.backoff(failed);
        let spread = backoff / 100 * JITTER_PERCENT + backoff % 100 * JITTER_PERCENT / 100;
        // random / u32::MAX in [0, 1] picks a point in [backoff − spread, backoff + spread].
        let offset = (u128::from(spread) * 2 * u128::from(random) / u128::from(u32::MAX)) as u64;
        backoff - spread + offset
    }

    /// When to try again after `failed` failed attempts, or `None` to give up: after
    /// `max_attempts`, or when the next attempt would fall after `deadline` (the flow's end).
    /// A `retry_after_ms` hint from the backend is a lower bound of the wait.
    ///
    /// ```
    /// use sspr_core::outbox::RetryPolicy;
    ///
    /// let policy = RetryPolicy::default();
    /// let t0 = 1_700_000_000_000;
    /// let deadline = t0 + 15 * 60_000; // the flow's expires_at
    /// // 2 s ± 20 %: `random` picks where (0 is the earliest, u32::MAX the latest).
    /// assert_eq!(policy.next_attempt(1, t0, deadline, None, 0), Some(t0 + 1_600));
    /// assert_eq!(policy.next_attempt(1, t0, deadline, None, u32::MAX), Some(t0 + 2_400));
    /// // The backend's Retry-After (here 10 s) is waited at least.
    /// assert_eq!(policy.next_attempt(1, t0, deadline, Some(10_000), 0), Some(t0 + 10_000));
    /// // No retry after the last attempt, nor past the flow's end.
    /// assert_eq!(policy.next_attempt(8, t0, deadline, None, 0), None);
    /// assert_eq!(policy.next_attempt(1, deadline - 1_000, deadline, None, 0), None);
    /// ```
    pub fn next_attempt(
        &self,
        failed: u32,
        now: UnixMillis,
        deadline: UnixMillis,
        retry_after_ms: Option<u64>,
        random: u32,
    ) -> Option<UnixMillis> {
        if failed >= self.max_attempts {
            return None;
        }
        let wait = self
            .jittered(failed, random)
            .max(retry_after_ms.unwrap_or(0));
        let at = now.saturating_add(wait);
        (at < deadline).then_some(at)
    }
}

impl Default for RetryPolicy {
    /// 2 s, 4 s, 8 s … capped at 60 s, eight attempts in all: about three minutes, well within
    /// a flow's fifteen.
    fn default() -> Self {
        RetryPolicy {
            base_delay_ms: 2_000,
            max_delay_ms: 60_000,
            max_attempts: 8,
        }
    }
}

/// What the backend answered to one attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttemptResult {
    /// The change is applied.
    Applied,
    /// The backend's policy refused the password; `message` is for the user. Never retried.
    Rejected(String),
    /// The backend failed or could not be reached (429, 503, a timeout, the network); it may
    /// have said when to come back.
    Unavailable {
        /// The backend's `Retry-After`, in milliseconds.
        retry_after_ms: Option<u64>,
    },
    /// The backend cannot do this at all (an unlock on a directory without one). Never
    /// retried; `message` says why.
    Unsupported(String),
}

/// What the outbox does after an attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AfterAttempt {
    /// DONE: the flow is over; send the notices, if any.
    Done {
        /// The notices the policy asks for (see [`ResetFlow::password_applied`]).
        notices: Vec<Effect>,
    },
    /// Still PENDING: try again at `at` (the flow's clock) under the same operation id.
    RetryAt {
        /// When the next attempt is due; set the alarm for it.
        at: UnixMillis,
    },
    /// REJECTED: back to the new password with the backend's message (unlocks: back to ready).
    Rejected,
    /// FAILED: out of attempts or of time; back to the new password (or the unlock), no new
    /// proofs needed while the flow lives.
    Failed,
}

/// What the outbox asks of the edge when its alarm rings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Due {
    /// Nothing is waiting to be retried.
    Idle,
    /// A retry is scheduled for later (the flow's clock).
    Wait(UnixMillis),
    /// Send attempt number `attempt` of `operation_id` for `user_id` now.
    Attempt {
        /// The idempotency key of the change, the same on every attempt.
        operation_id: String,
        /// The backend's id of the user to change.
        user_id: String,
        /// This attempt's number (the first, made during the user's request, was 1).
        attempt: u32,
    },
    /// The new password is no longer held (the Durable Object was evicted from memory), so it
    /// cannot be sent again: the flow is back at the new password and the user chooses again.
    PasswordLost {
        /// The operation given up; drop what the edge kept for it.
        operation_id: String,
    },
}

impl ResetFlow {
    /// The operation id, attempts made and scheduled retry of a pending change.
    fn pending_mut(&mut self) -> Option<(&mut String, &mut u32, &mut Option<UnixMillis>)> {
        match &mut self.stage {
            Stage::Pending {
                operation_id,
                attempts,
                retry_at,
            } => Some((operation_id, attempts, retry_at)),
            _ => None,
        }
    }

    /// Records attempt results: `result` of the attempt just made. `random` draws the jitter.
    /// An attempt result for a flow that is not pending (it ended, or was replaced) is
    /// refused with [`FlowError::WrongStep`].
    pub fn attempted(
        &mut self,
        result: AttemptResult,
        policy: &RetryPolicy,
        now: UnixMillis,
        random: u32,
    ) -> Result<AfterAttempt, FlowError> {
        let expires_at = self.expires_at;
        let kind = self.kind;
        let Some((_, attempts, retry_at)) = self.pending_mut() else {
            return Err(FlowError::WrongStep);
        };
        *attempts += 1;
        let made = *attempts;
        match result {
            AttemptResult::Applied => Ok(AfterAttempt::Done {
                notices: self.password_applied(),
            }),
            AttemptResult::Rejected(message) => {
                self.not_applied(ApiError::new(ErrorCode::PasswordRejected, message));
                Ok(AfterAttempt::Rejected)
            }
            AttemptResult::Unsupported(message) => {
                self.not_applied(ApiError::new(ErrorCode::BackendUnavailable, message));
                Ok(AfterAttempt::Failed)
            }
            AttemptResult::Unavailable { retry_after_ms } => {
                match policy.next_attempt(made, now, expires_at, retry_after_ms, random) {
                    Some(at) => {
                        *retry_at = Some(at);
                        Ok(AfterAttempt::RetryAt { at })
                    }
                    None => {
                        let what = match kind {
                            FlowKind::Reset => {
                                "the password was not changed; choose a new password again"
                            }
                            FlowKind::Unlock => "the account was not unlocked; try again",
                        };
                        self.not_applied(ApiError::new(
                            ErrorCode::BackendUnavailable,
                            format!(
                                "the directory could not be reached after {made} attempts; {what}"
                            ),
                        ));
                        Ok(AfterAttempt::Failed)
                    }
                }
            }
        }
    }

    /// What is due at `now` (the alarm rang). `password_held` says whether the edge still
    /// holds the new password in memory; unlocks need none. A due attempt is marked in flight
    /// with its watchdog ([`ATTEMPT_WATCHDOG_MS`]) as the next alarm, so a second alarm does not
    /// send it twice, and one that rings after an interrupted attempt sends it again (or, for
    /// a reset whose password is gone, asks the user for it).
    pub fn due(&mut self, now: UnixMillis, password_held: bool) -> Due {
        let kind = self.kind;
        let user_id = match &self.subject {
            Subject::User { user_id, .. } => user_id.clone(),
            Subject::Decoy => String::new(),
        };
        let Some((operation_id, attempts, retry_at)) = self.pending_mut() else {
            return Due::Idle;
        };
        match *retry_at {
            None => Due::Idle,
            Some(at) if at > now => Due::Wait(at),
            Some(_) if kind == FlowKind::Reset && !password_held => {
                let operation_id = operation_id.clone();
                self.not_applied(ApiError::new(
                    ErrorCode::BackendUnavailable,
                    "the directory could not be reached in time and the new password is not \
                     kept between attempts; choose a new password again",
                ));
                Due::PasswordLost { operation_id }
            }
            Some(_) => {
                *retry_at = Some(now + ATTEMPT_WATCHDOG_MS);
                Due::Attempt {
                    operation_id: operation_id.clone(),
                    user_id,
                    attempt: *attempts + 1,
                }
            }
        }
    }

    /// When a pending change needs the alarm (the flow's clock): its next attempt, or the
    /// watchdog of the attempt in flight. `None` when nothing is pending.
    pub fn pending_alarm(&self) -> Option<UnixMillis> {
        match &self.stage {
            Stage::Pending { retry_at, .. } => *retry_at,
            _ => None,
        }
    }

    /// The operation id of the change in flight or scheduled, if any.
    pub fn operation_id(&self) -> Option<&str> {
        match &self.stage {
            Stage::Pending { operation_id, .. } => Some(operation_id),
            _ => None,
        }
    }

    /// Back from PENDING to where the user acts again, with `failure` to show.
    fn not_applied(&mut self, failure: ApiError) {
        self.stage = match self.kind {
            FlowKind::Reset => Stage::NewPassword,
            FlowKind::Unlock => Stage::UnlockReady,
        };
        self.failure = Some(failure);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{MethodOffer, Step};
    use crate::flow::{Proofs, ResetSettings};
    use crate::methods::code::test_fill;
    use crate::password::PasswordChecker;
    use crate::policy::Method;
    use crate::token::FlowToken;
    use proptest::prelude::*;

    const T0: UnixMillis = 1_700_000_000_000;
    const KEY: &[u8] = b"code key";

    /// A flow of `kind` whose proofs are done, and its token.
    fn proved(kind: FlowKind) -> (FlowToken, ResetFlow) {
        let mut fill = test_fill(7);
        let token = FlowToken::new(vec![3; 32], &mut fill);
        let subject = Subject::User {
            user_id: "u-alice".into(),
            personal: Default::default(),
            contact: Some("alice@example.com".into()),
            phone: None,
        };
        let offers = vec![MethodOffer::new(Method::EmailCode, "a•••@e•••.com")];
        let started = ResetFlow::start(
            kind,
            &token,
            subject,
            offers,
            ResetSettings::default(),
            KEY,
            Proofs::default(),
            T0,
            &mut fill,
        );
        let code = started.code_to_send().unwrap().expose().to_owned();
        let mut flow = started.flow;
        flow.submit_code(KEY, &code, T0 + 1).unwrap();
        (token, flow)
    }

    /// A reset flow pending under `op1`, its first attempt not answered yet.
    fn pending_reset() -> (FlowToken, ResetFlow) {
        let (token, mut flow) = proved(FlowKind::Reset);
        let checker = PasswordChecker::new(Default::default(), Default::default());
        flow.begin_password(&checker, "a fine new password", "op1".into(), T0 + 2)
            .unwrap();
        (token, flow)
    }

    const DOWN: AttemptResult = AttemptResult::Unavailable {
        retry_after_ms: None,
    };

    #[test]
    fn a_pending_reset_shows_the_pending_step() {
        let (token, flow) = pending_reset();
        assert_eq!(flow.reply(&token.encode()).step, Some(Step::Pending));
        assert_eq!(flow.operation_id(), Some("op1"));
    }

    #[test]
    fn an_applied_first_attempt_is_done_and_notifies() {
        let (_, mut flow) = pending_reset();
        let after = flow
            .attempted(AttemptResult::Applied, &RetryPolicy::default(), T0 + 3, 0)
            .unwrap();
        assert!(matches!(after, AfterAttempt::Done { notices } if notices.len() == 1));
        assert_eq!(flow.stage, Stage::Done);
    }

    #[test]
    fn an_unavailable_backend_schedules_a_retry_under_the_same_operation() {
        let (token, mut flow) = pending_reset();
        let after = flow
            .attempted(DOWN, &RetryPolicy::default(), T0 + 3, u32::MAX / 2)
            .unwrap();
        let AfterAttempt::RetryAt { at } = after else {
            panic!("{after:?}")
        };
        assert!((T0 + 3 + 1_600..=T0 + 3 + 2_400).contains(&at), "{at}");
        assert_eq!(flow.reply(&token.encode()).step, Some(Step::Pending));
        assert_eq!(flow.due(at - 1, true), Due::Wait(at));
        assert_eq!(
            flow.due(at, true),
            Due::Attempt {
                operation_id: "op1".into(),
                user_id: "u-alice".into(),
                attempt: 2
            }
        );
        // In flight now: a second alarm sends nothing; the next one is the attempt's watchdog.
        assert_eq!(flow.due(at + 1, true), Due::Wait(at + ATTEMPT_WATCHDOG_MS));
        assert_eq!(flow.pending_alarm(), Some(at + ATTEMPT_WATCHDOG_MS));
    }

    #[test]
    fn a_reset_interrupted_by_an_eviction_asks_for_the_password_again_once_the_watchdog_rings() {
        let (token, mut flow) = pending_reset();
        // The first attempt is in flight from T0 + 2; the object is evicted during the call, so
        // no result comes back and the password is gone with its memory.
        assert_eq!(flow.pending_alarm(), Some(T0 + 2 + ATTEMPT_WATCHDOG_MS));
        assert_eq!(
            flow.due(T0 + 1_000, false),
            Due::Wait(T0 + 2 + ATTEMPT_WATCHDOG_MS)
        );
        assert_eq!(
            flow.due(T0 + 2 + ATTEMPT_WATCHDOG_MS, false),
            Due::PasswordLost {
                operation_id: "op1".into()
            }
        );
        let reply = flow.reply(&token.encode());
        assert!(
            matches!(reply.step, Some(Step::NewPassword { .. })),
            "{reply:?}"
        );
        assert_eq!(
            reply.error.map(|e| e.code),
            Some(ErrorCode::BackendUnavailable)
        );
        assert_eq!(flow.pending_alarm(), None);
    }

    #[test]
    fn an_unlock_interrupted_by_an_eviction_is_sent_again_under_the_same_operation() {
        let (_, mut flow) = proved(FlowKind::Unlock);
        flow.begin_unlock("op9".into(), T0).unwrap();
        assert_eq!(
            flow.due(T0 + ATTEMPT_WATCHDOG_MS, false),
            Due::Attempt {
                operation_id: "op9".into(),
                user_id: "u-alice".into(),
                attempt: 1
            }
        );
        assert_eq!(flow.pending_alarm(), Some(T0 + 2 * ATTEMPT_WATCHDOG_MS));
    }

    #[test]
    fn the_backends_retry_after_is_waited_for() {
        let (_, mut flow) = pending_reset();
        let after = flow
            .attempted(
                AttemptResult::Unavailable {
                    retry_after_ms: Some(30_000),
                },
                &RetryPolicy::default(),
                T0,
                u32::MAX,
            )
            .unwrap();
        assert_eq!(after, AfterAttempt::RetryAt { at: T0 + 30_000 });
    }

    #[test]
    fn a_change_the_backend_cannot_make_is_never_retried() {
        let (token, mut flow) = pending_reset();
        let after = flow
            .attempted(
                AttemptResult::Unsupported("unlock is not supported".into()),
                &RetryPolicy::default(),
                T0 + 3,
                0,
            )
            .unwrap();
        assert_eq!(after, AfterAttempt::Failed);
        assert_eq!(flow.due(T0 + 60_000, true), Due::Idle);
        let error = flow.reply(&token.encode()).error.unwrap();
        assert_eq!(error.code, ErrorCode::BackendUnavailable);
        assert_eq!(error.message, "unlock is not supported");
    }

    #[test]
    fn a_policy_rejection_is_never_retried_and_the_user_chooses_again() {
        let (token, mut flow) = pending_reset();
        let after = flow
            .attempted(
                AttemptResult::Rejected("used recently".into()),
                &RetryPolicy::default(),
                T0 + 3,
                0,
            )
            .unwrap();
        assert_eq!(after, AfterAttempt::Rejected);
        assert_eq!(flow.due(T0 + 60_000, true), Due::Idle);
        let reply = flow.reply(&token.encode());
        assert!(matches!(reply.step, Some(Step::NewPassword { .. })));
        let error = reply.error.unwrap();
        assert_eq!(error.code, ErrorCode::PasswordRejected);
        assert_eq!(error.message, "used recently");
        // Another password, without new proofs; the failure is forgotten.
        let checker = PasswordChecker::new(Default::default(), Default::default());
        flow.begin_password(&checker, "another fine password", "op2".into(), T0 + 4)
            .unwrap();
        assert_eq!(flow.reply(&token.encode()).error, None);
    }

    #[test]
    fn running_out_of_attempts_fails_back_to_the_new_password() {
        let (token, mut flow) = pending_reset();
        let policy = RetryPolicy::default();
        let mut now = T0 + 3;
        for attempt in 1..policy.max_attempts {
            let after = flow.attempted(DOWN, &policy, now, 0).unwrap();
            let AfterAttempt::RetryAt { at } = after else {
                panic!("attempt {attempt}: {after:?}")
            };
            now = at;
            assert!(
                matches!(flow.due(now, true), Due::Attempt { attempt: a, .. } if a == attempt + 1)
            );
        }
        assert_eq!(
            flow.attempted(DOWN, &policy, now, 0),
            Ok(AfterAttempt::Failed)
        );
        let reply = flow.reply(&token.encode());
        assert!(matches!(reply.step, Some(Step::NewPassword { .. })));
        let error = reply.error.unwrap();
        assert_eq!(error.code, ErrorCode::BackendUnavailable);
        assert!(
            error.message.contains("after 8 attempts"),
            "{}",
            error.message
        );
    }

    #[test]
    fn no_retry_is_scheduled_past_the_flows_end() {
        let (_, mut flow) = pending_reset();
        let late = flow.expires_at - 1_000;
        assert_eq!(
            flow.attempted(DOWN, &RetryPolicy::default(), late, 0),
            Ok(AfterAttempt::Failed)
        );
        assert_eq!(flow.stage, Stage::NewPassword);
    }

    #[test]
    fn a_retry_without_the_password_goes_back_to_the_new_password() {
        let (token, mut flow) = pending_reset();
        let AfterAttempt::RetryAt { at } = flow
            .attempted(DOWN, &RetryPolicy::default(), T0 + 3, 0)
            .unwrap()
        else {
            panic!("a retry is scheduled")
        };
        assert_eq!(
            flow.due(at, false),
            Due::PasswordLost {
                operation_id: "op1".into()
            }
        );
        let reply = flow.reply(&token.encode());
        assert!(matches!(reply.step, Some(Step::NewPassword { .. })));
        assert_eq!(reply.error.unwrap().code, ErrorCode::BackendUnavailable);
        // No new proofs needed.
        let checker = PasswordChecker::new(Default::default(), Default::default());
        assert!(
            flow.begin_password(&checker, "a fine new password", "op2".into(), at + 1)
                .is_ok()
        );
    }

    #[test]
    fn an_unlock_is_retried_without_any_password() {
        let (token, mut flow) = proved(FlowKind::Unlock);
        flow.begin_unlock("op-u".into(), T0 + 2).unwrap();
        let AfterAttempt::RetryAt { at } = flow
            .attempted(DOWN, &RetryPolicy::default(), T0 + 3, 0)
            .unwrap()
        else {
            panic!("a retry is scheduled")
        };
        assert!(matches!(flow.due(at, false), Due::Attempt { .. }));
        let after = flow
            .attempted(AttemptResult::Applied, &RetryPolicy::default(), at, 0)
            .unwrap();
        assert!(matches!(after, AfterAttempt::Done { .. }));
        assert_eq!(flow.reply(&token.encode()).step, Some(Step::Done));
    }

    #[test]
    fn a_result_for_a_flow_that_is_not_pending_is_refused() {
        let (_, mut flow) = proved(FlowKind::Reset);
        assert_eq!(
            flow.attempted(AttemptResult::Applied, &RetryPolicy::default(), T0, 0),
            Err(FlowError::WrongStep)
        );
        assert_eq!(flow.stage, Stage::NewPassword);
    }

    #[test]
    fn a_smaller_base_scales_the_whole_schedule() {
        let policy = RetryPolicy::with_base_delay(50);
        assert_eq!(policy.backoff(1), 50);
        assert_eq!(policy.backoff(20), 1_500);
        assert_eq!(policy.max_attempts, RetryPolicy::default().max_attempts);
    }

    fn policy() -> impl Strategy<Value = RetryPolicy> {
        (1u64..=120_000, 1u64..=100, 1u32..=20).prop_map(|(base, factor, max_attempts)| {
            RetryPolicy {
                base_delay_ms: base,
                max_delay_ms: base * factor,
                max_attempts,
            }
        })
    }

    proptest! {
        #[test]
        fn delays_stay_within_the_jitter_of_the_capped_backoff(
            policy in policy(), failed in 1u32..100, random: u32,
        ) {
            let backoff = policy.backoff(failed);
            prop_assert!(backoff >= policy.base_delay_ms.min(policy.max_delay_ms));
            prop_assert!(backoff <= policy.max_delay_ms);
            let delay = policy.jittered(failed, random);
            prop_assert!(delay * 100 >= backoff * (100 - JITTER_PERCENT));
            prop_assert!(delay * 100 <= backoff * (100 + JITTER_PERCENT));
        }

        #[test]
        fn without_jitter_the_backoff_never_shrinks(policy in policy(), failed in 1u32..100) {
            prop_assert!(policy.backoff(failed + 1) >= policy.backoff(failed));
        }

        #[test]
        fn never_more_than_the_maximum_attempts_and_never_past_the_deadline(
            policy in policy(),
            lifetime in 1u64..3_600_000,
            randoms in proptest::collection::vec(any::<u32>(), 25),
            hints in proptest::collection::vec(proptest::option::of(0u64..120_000), 25),
        ) {
            let deadline = T0 + lifetime;
            let mut now = T0;
            let mut attempts = 1; // the first, during the request
            while let Some(at) = policy.next_attempt(
                attempts, now, deadline, hints[attempts as usize % 25], randoms[attempts as usize % 25],
            ) {
                prop_assert!(at > now && at < deadline);
                if let Some(hint) = hints[attempts as usize % 25] {
                    prop_assert!(at >= now + hint);
                }
                now = at;
                attempts += 1;
            }
            prop_assert!(attempts <= policy.max_attempts);
        }
    }
}
