//! Throttling, as pure bookkeeping the edge stores per user (and per destination): failed
//! proofs in the last 24 hours block the user for a while; codes sent per hour are capped per
//! channel; a new code needs the resend cooldown to have passed. Counters are cleared only by
//! a successful reset: starting a new flow or resending never resets them.

use serde::{Deserialize, Serialize};

use crate::UnixMillis;
use crate::api::{ApiError, Channel, ErrorCode, Reply, Step};
use crate::policy::Policy;

const HOUR_MS: u64 = 60 * 60 * 1000;
/// Failed proofs are counted over this window.
pub const FAILURE_WINDOW_MS: u64 = 24 * HOUR_MS;

/// The limits in force, from the policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Failed proofs within [`FAILURE_WINDOW_MS`] that start a block.
    pub failed_proofs: u8,
    /// How long a block lasts, in milliseconds.
    pub block_ms: u64,
    /// Emailed codes allowed in any hour.
    pub email_per_hour: u8,
    /// Texted codes allowed in any hour.
    pub sms_per_hour: u8,
    /// Milliseconds after a code before another may be sent on the same channel.
    pub resend_cooldown_ms: u64,
}

impl Policy {
    /// The policy's `[throttling]` and resend cooldown, in milliseconds.
    pub fn limits(&self) -> Limits {
        Limits {
            failed_proofs: self.throttling.failed_proofs,
            block_ms: u64::from(self.throttling.block_hours) * HOUR_MS,
            email_per_hour: self.throttling.email_sends_per_hour,
            sms_per_hour: self.throttling.sms_sends_per_hour,
            resend_cooldown_ms: u64::from(self.codes.resend_cooldown_seconds) * 1000,
        }
    }
}

/// Why something was refused, and when it may be tried again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Throttled {
    /// Too many failed proofs: everything is refused until `until`.
    #[error("too many failed attempts; try again later")]
    Blocked {
        /// When the block ends.
        until: UnixMillis,
    },
    /// A code went out on this channel less than the resend cooldown ago.
    #[error("a code was just sent; wait before asking for another")]
    Cooldown {
        /// When the cooldown ends.
        retry_at: UnixMillis,
    },
    /// The hourly number of codes on this channel is used up.
    #[error("too many codes were sent in the last hour")]
    SendLimit {
        /// When the oldest send of the hour leaves the window.
        retry_at: UnixMillis,
    },
}

impl Throttled {
    /// The reply for a refusal: the locked step while blocked; otherwise back to the first
    /// step with when to try again.
    pub fn reply(&self) -> Reply {
        let (code, retry_at) = match *self {
            Throttled::Blocked { until } => (ErrorCode::Locked, until),
            Throttled::Cooldown { retry_at } => (ErrorCode::ResendTooSoon, retry_at),
            Throttled::SendLimit { retry_at } => (ErrorCode::SendLimit, retry_at),
        };
        let mut error = ApiError::new(code, self.to_string());
        error.retry_at = Some(retry_at);
        let step = match self {
            Throttled::Blocked { until } => Step::Locked { until: *until },
            _ => Step::Identify,
        };
        Reply {
            step: Some(step),
            error: Some(error),
            ..Reply::default()
        }
    }
}

/// The counters kept for one user (or one destination).
///
/// ```
/// use sspr_core::policy::Policy;
/// use sspr_core::{api::Channel, throttle::{ThrottleState, Throttled}};
///
/// const HOUR: u64 = 60 * 60 * 1000;
/// let t0 = 1_700_000_000_000;
/// let limits = Policy::default().limits(); // 5 failed proofs block for 24 hours
/// let mut state = ThrottleState::default();
///
/// // A code may not be resent within the cooldown (30 s by default).
/// state.record_send(&limits, Channel::Email, t0).unwrap();
/// assert_eq!(
///     state.record_send(&limits, Channel::Email, t0 + 10_000),
///     Err(Throttled::Cooldown { retry_at: t0 + 30_000 }),
/// );
///
/// // Four failed proofs are counted; the fifth starts the block.
/// for minute in 0..4 {
///     state.record_failure(&limits, t0 + minute * 60_000).unwrap();
/// }
/// assert_eq!(state.failures(t0 + 4 * 60_000), 4);
/// let fifth = t0 + 4 * 60_000;
/// let blocked = Throttled::Blocked { until: fifth + 24 * HOUR };
/// assert_eq!(state.record_failure(&limits, fifth), Err(blocked));
///
/// // While it lasts, everything is refused; the widget shows the locked step.
/// assert_eq!(state.check_blocked(fifth + HOUR), Err(blocked));
/// assert_eq!(state.record_send(&limits, Channel::Sms, fifth + HOUR), Err(blocked));
/// assert_eq!(blocked.reply().status(), 429);
/// assert_eq!(state.check_blocked(fifth + 24 * HOUR), Ok(()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ThrottleState {
    failures: Vec<UnixMillis>,
    blocked_until: Option<UnixMillis>,
    sends: Vec<(UnixMillis, Channel)>,
}

impl ThrottleState {
    fn prune(&mut self, now: UnixMillis) {
        self.failures
            .retain(|at| now.saturating_sub(*at) < FAILURE_WINDOW_MS);
        self.sends
            .retain(|(at, _)| now.saturating_sub(*at) < HOUR_MS);
        if self.blocked_until.is_some_and(|until| now >= until) {
            self.blocked_until = None;
        }
    }

    /// Refuses everything while a block lasts.
    ///
    /// # Errors
    ///
    /// [`Throttled::Blocked`] before the block's end.
    pub fn check_blocked(&self, now: UnixMillis) -> Result<(), Throttled> {
        match self.blocked_until {
            Some(until) if now < until => Err(Throttled::Blocked { until }),
            _ => Ok(()),
        }
    }

    /// Counts a failed proof; the one that reaches the limit starts a block (and clears the
    /// count).
    ///
    /// # Errors
    ///
    /// [`Throttled::Blocked`] when already blocked (the failure is then not counted) or when
    /// this failure starts the block.
    pub fn record_failure(&mut self, limits: &Limits, now: UnixMillis) -> Result<(), Throttled> {
        self.prune(now);
        self.check_blocked(now)?;
        self.failures.push(now);
        if self.failures.len() >= usize::from(limits.failed_proofs) {
            let until = now + limits.block_ms;
            self.blocked_until = Some(until);
            self.failures.clear();
            return Err(Throttled::Blocked { until });
        }
        Ok(())
    }

    /// Failed proofs counted in the current window.
    pub fn failures(&self, now: UnixMillis) -> usize {
        self.failures
            .iter()
            .filter(|at| now.saturating_sub(**at) < FAILURE_WINDOW_MS)
            .count()
    }

    /// Whether a code may be sent on `channel` now; if so, counts it.
    ///
    /// # Errors
    ///
    /// [`Throttled::Blocked`], [`Throttled::Cooldown`] or [`Throttled::SendLimit`], in that
    /// order; a refused send is not counted.
    pub fn record_send(
        &mut self,
        limits: &Limits,
        channel: Channel,
        now: UnixMillis,
    ) -> Result<(), Throttled> {
        self.prune(now);
        self.check_blocked(now)?;
        // The cooldown is per channel: a second method's code right after the first is not a
        // resend.
        if let Some(last) = self
            .sends
            .iter()
            .filter(|(_, c)| *c == channel)
            .map(|(at, _)| *at)
            .max()
            && now < last + limits.resend_cooldown_ms
        {
            return Err(Throttled::Cooldown {
                retry_at: last + limits.resend_cooldown_ms,
            });
        }
        let cap = match channel {
            Channel::Email => limits.email_per_hour,
            Channel::Sms => limits.sms_per_hour,
        };
        let on_channel: Vec<UnixMillis> = self
            .sends
            .iter()
            .filter(|(_, c)| *c == channel)
            .map(|(at, _)| *at)
            .collect();
        if on_channel.len() >= usize::from(cap) {
            let oldest = on_channel.iter().min().copied().unwrap_or(now);
            return Err(Throttled::SendLimit {
                retry_at: oldest + HOUR_MS,
            });
        }
        self.sends.push((now, channel));
        Ok(())
    }

    /// A successful reset clears every counter.
    pub fn clear(&mut self) {
        *self = ThrottleState::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: UnixMillis = 1_700_000_000_000;

    fn limits() -> Limits {
        Policy::default().limits()
    }

    #[test]
    fn the_fifth_failure_in_a_day_blocks_for_a_day() {
        let mut state = ThrottleState::default();
        for i in 0..4 {
            assert_eq!(state.record_failure(&limits(), T + i * HOUR_MS), Ok(()));
        }
        let fifth = state.record_failure(&limits(), T + 5 * HOUR_MS);
        assert_eq!(
            fifth,
            Err(Throttled::Blocked {
                until: T + 29 * HOUR_MS
            })
        );
        assert!(state.check_blocked(T + 28 * HOUR_MS).is_err());
        assert_eq!(state.check_blocked(T + 29 * HOUR_MS), Ok(()));
    }

    #[test]
    fn failures_older_than_a_day_do_not_count() {
        let mut state = ThrottleState::default();
        for i in 0..4 {
            state.record_failure(&limits(), T + i).unwrap();
        }
        assert_eq!(
            state.record_failure(&limits(), T + FAILURE_WINDOW_MS + 10),
            Ok(())
        );
        assert_eq!(state.failures(T + FAILURE_WINDOW_MS + 10), 1);
    }

    #[test]
    fn a_blocked_user_is_sent_nothing() {
        let mut state = ThrottleState::default();
        for _ in 0..5 {
            let _ = state.record_failure(&limits(), T);
        }
        assert!(matches!(
            state.record_send(&limits(), Channel::Email, T + 1),
            Err(Throttled::Blocked { .. })
        ));
    }

    #[test]
    fn a_second_code_within_the_cooldown_is_refused() {
        let mut state = ThrottleState::default();
        state.record_send(&limits(), Channel::Email, T).unwrap();
        assert_eq!(
            state.record_send(&limits(), Channel::Email, T + 29_999),
            Err(Throttled::Cooldown {
                retry_at: T + 30_000
            })
        );
        assert_eq!(
            state.record_send(&limits(), Channel::Email, T + 30_000),
            Ok(())
        );
    }

    #[test]
    fn a_code_on_the_other_channel_right_after_is_not_a_resend() {
        let mut state = ThrottleState::default();
        state.record_send(&limits(), Channel::Email, T).unwrap();
        assert_eq!(
            state.record_send(&limits(), Channel::Sms, T + 1_000),
            Ok(())
        );
        assert_eq!(
            state.record_send(&limits(), Channel::Sms, T + 2_000),
            Err(Throttled::Cooldown {
                retry_at: T + 31_000
            })
        );
    }

    #[test]
    fn at_most_ten_emails_and_five_text_messages_an_hour() {
        let mut state = ThrottleState::default();
        for i in 0..10 {
            state
                .record_send(&limits(), Channel::Email, T + i * 60_000)
                .unwrap();
        }
        assert_eq!(
            state.record_send(&limits(), Channel::Email, T + 11 * 60_000),
            Err(Throttled::SendLimit {
                retry_at: T + HOUR_MS
            })
        );
        for i in 0..5 {
            state
                .record_send(&limits(), Channel::Sms, T + (12 + i) * 60_000)
                .unwrap();
        }
        assert!(matches!(
            state.record_send(&limits(), Channel::Sms, T + 18 * 60_000),
            Err(Throttled::SendLimit { .. })
        ));
        assert_eq!(
            state.record_send(&limits(), Channel::Email, T + HOUR_MS),
            Ok(())
        );
    }

    #[test]
    fn only_a_successful_reset_clears_the_counters() {
        let mut state = ThrottleState::default();
        state.record_failure(&limits(), T).unwrap();
        state.record_send(&limits(), Channel::Email, T).unwrap();
        state.clear();
        assert_eq!(state.failures(T), 0);
        assert_eq!(state.record_send(&limits(), Channel::Email, T + 1), Ok(()));
    }

    #[test]
    fn a_block_replies_with_the_locked_step_and_a_cooldown_with_identify() {
        let blocked = Throttled::Blocked { until: T }.reply();
        assert_eq!(blocked.step, Some(Step::Locked { until: T }));
        assert_eq!(blocked.status(), 429);
        let cooldown = Throttled::Cooldown { retry_at: T }.reply();
        assert_eq!(cooldown.step, Some(Step::Identify));
        assert_eq!(cooldown.error.unwrap().retry_at, Some(T));
    }

    #[test]
    fn limits_follow_the_policy() {
        let policy = Policy::parse("[throttling]\nfailed_proofs = 3\nblock_hours = 2\n[codes]\nresend_cooldown_seconds = 60").unwrap();
        let limits = policy.limits();
        assert_eq!(
            (
                limits.failed_proofs,
                limits.block_ms,
                limits.resend_cooldown_ms
            ),
            (3, 2 * HOUR_MS, 60_000)
        );
    }

    proptest::proptest! {
        #[test]
        fn failures_never_exceed_the_limit_and_sends_never_exceed_the_caps(
            events in proptest::collection::vec((0u8..3, 0u64..600_000), 0..80),
        ) {
            let limits = limits();
            let mut state = ThrottleState::default();
            let mut now = T;
            let mut sent: Vec<(UnixMillis, Channel)> = Vec::new();
            for (kind, wait) in events {
                now += wait;
                match kind {
                    0 => { let _ = state.record_failure(&limits, now); }
                    1 => if state.record_send(&limits, Channel::Email, now).is_ok() { sent.push((now, Channel::Email)); },
                    _ => if state.record_send(&limits, Channel::Sms, now).is_ok() { sent.push((now, Channel::Sms)); },
                }
                proptest::prop_assert!(state.failures(now) < usize::from(limits.failed_proofs));
                for channel in [Channel::Email, Channel::Sms] {
                    let cap = if channel == Channel::Email { limits.email_per_hour } else { limits.sms_per_hour };
                    let last_hour = sent.iter().filter(|(at, c)| *c == channel && now - at < HOUR_MS).count();
                    proptest::prop_assert!(last_hour <= usize::from(cap));
                }
            }
        }
    }
}
