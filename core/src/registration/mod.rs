//! Registration: the methods a user holds ([`Registrations`]; each verified before it counts),
//! whether a signed-in user must register or confirm them again, and the skip budget. Entra
//! asks users to register at sign-in when the policy requires it, and to re-confirm their
//! methods every N days; users may postpone a limited number of times.

mod methods;
mod view;

pub use methods::{Enrolment, EnrolmentError, Registrations};
pub use view::{
    ConfirmError, DirectoryContacts, REMOVAL_SIGN_IN_MAX_AGE_MS, Registrant, check_removal_sign_in,
    removal_needs_sign_in_after,
};

use serde::{Deserialize, Serialize};

use crate::UnixMillis;
use crate::policy::{Method, Policy, UserFacts};

const DAY_MS: u64 = 24 * 60 * 60 * 1000;

/// When a user last confirmed their methods, and the postponements used since.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RegistrationRecord {
    /// When the user last registered or confirmed their methods.
    pub confirmed_at: Option<UnixMillis>,
    /// Postponements used since then.
    pub skips_used: u8,
}

/// What the widget should ask at sign-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RegistrationDue {
    /// Self-service reset is not enabled for this user.
    NotEnabled,
    /// The user has too few methods, but the policy does not ask them at sign-in.
    Optional {
        /// Methods still to register (at least 1).
        missing: u8,
    },
    /// The user must register `missing` more methods; they may postpone `skips_left` times.
    Register {
        /// Methods still to register (at least 1).
        missing: u8,
        /// Postponements left in the policy's `skip_budget`.
        skips_left: u8,
    },
    /// The user must confirm their methods; they may postpone `skips_left` times.
    Reconfirm {
        /// Postponements left in the policy's `skip_budget`.
        skips_left: u8,
    },
    /// Nothing to do until `next_due` (never, when re-confirmation is off).
    UpToDate {
        /// When re-confirmation falls due, if it ever does.
        next_due: Option<UnixMillis>,
    },
}

impl RegistrationDue {
    /// Whether the user's methods are enough for a reset today: they meet the policy, even
    /// when re-confirming them is due.
    ///
    /// ```
    /// use sspr_core::registration::RegistrationDue;
    ///
    /// assert!(RegistrationDue::Reconfirm { skips_left: 0 }.can_reset());
    /// assert!(!RegistrationDue::Register { missing: 1, skips_left: 3 }.can_reset());
    /// ```
    pub fn can_reset(&self) -> bool {
        matches!(
            self,
            RegistrationDue::UpToDate { .. } | RegistrationDue::Reconfirm { .. }
        )
    }

    /// The variant's name as it travels (`up_to_date`, `reconfirm`, `register`, `optional`,
    /// `not_enabled`), for reports.
    pub fn key(&self) -> &'static str {
        match self {
            RegistrationDue::NotEnabled => "not_enabled",
            RegistrationDue::Optional { .. } => "optional",
            RegistrationDue::Register { .. } => "register",
            RegistrationDue::Reconfirm { .. } => "reconfirm",
            RegistrationDue::UpToDate { .. } => "up_to_date",
        }
    }
}

/// Why a postponement was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SkipError {
    /// Registration or re-confirmation is due and no postponement is left.
    #[error("registration cannot be postponed any more")]
    BudgetUsed,
    /// Nothing is due (or what is missing is optional), so there is nothing to postpone.
    #[error("there is nothing to postpone")]
    NothingDue,
}

impl Policy {
    /// What `user`, holding the verified `methods`, with `record`, must do at sign-in at `now`.
    /// Methods the user's effective policy does not allow are not counted, and security
    /// questions count only beside a possession method.
    ///
    /// ```
    /// use sspr_core::policy::{Method, Policy, UserFacts};
    /// use sspr_core::registration::{RegistrationDue, RegistrationRecord};
    ///
    /// const DAY: u64 = 24 * 60 * 60 * 1000;
    /// let t0 = 1_700_000_000_000;
    /// let policy = Policy::default(); // required, reconfirm every 180 days, 3 skips
    /// let user = UserFacts { enabled: true, ..UserFacts::default() };
    /// let mut record = RegistrationRecord::default();
    ///
    /// // Nothing registered yet: one method is missing.
    /// assert_eq!(
    ///     policy.registration_due(&user, &[], &record, t0),
    ///     RegistrationDue::Register { missing: 1, skips_left: 3 },
    /// );
    /// policy.skip_registration(&user, &[], &mut record, t0).unwrap();
    /// assert_eq!(
    ///     policy.registration_due(&user, &[], &record, t0),
    ///     RegistrationDue::Register { missing: 1, skips_left: 2 },
    /// );
    ///
    /// // An email is verified: up to date for 180 days, then due again.
    /// record.confirm(t0);
    /// let held = [Method::EmailCode];
    /// assert_eq!(
    ///     policy.registration_due(&user, &held, &record, t0 + DAY),
    ///     RegistrationDue::UpToDate { next_due: Some(t0 + 180 * DAY) },
    /// );
    /// assert_eq!(
    ///     policy.registration_due(&user, &held, &record, t0 + 180 * DAY),
    ///     RegistrationDue::Reconfirm { skips_left: 3 },
    /// );
    ///
    /// // Administrators need two methods, whatever the policy says.
    /// let admin = UserFacts { admin: true, ..user };
    /// assert!(matches!(
    ///     policy.registration_due(&admin, &held, &record, t0 + DAY),
    ///     RegistrationDue::Register { missing: 1, .. }
    /// ));
    /// ```
    pub fn registration_due(
        &self,
        user: &UserFacts,
        methods: &[Method],
        record: &RegistrationRecord,
        now: UnixMillis,
    ) -> RegistrationDue {
        let Some(effective) = self.for_user(user) else {
            return RegistrationDue::NotEnabled;
        };
        let skips_left = self
            .registration
            .skip_budget
            .saturating_sub(record.skips_used);
        if !effective.satisfied_by(methods) {
            let mut usable: Vec<Method> = methods
                .iter()
                .copied()
                .filter(|m| effective.methods.contains(m))
                .collect();
            usable.sort_unstable();
            usable.dedup();
            // Questions count only beside a possession method, so without one a method is
            // always still missing.
            let has_possession = usable.iter().any(|m| m.is_possession());
            let counted = if has_possession { usable.len() } else { 0 };
            let missing = effective.required.saturating_sub(counted as u8).max(1);
            return if self.registration.required {
                RegistrationDue::Register {
                    missing,
                    skips_left,
                }
            } else {
                RegistrationDue::Optional { missing }
            };
        }
        let days = u64::from(self.registration.reconfirm_days);
        match record.confirmed_at {
            Some(at) if days > 0 => {
                let next_due = at + days * DAY_MS;
                if now >= next_due {
                    RegistrationDue::Reconfirm { skips_left }
                } else {
                    RegistrationDue::UpToDate {
                        next_due: Some(next_due),
                    }
                }
            }
            Some(_) => RegistrationDue::UpToDate { next_due: None },
            None if days > 0 => RegistrationDue::Reconfirm { skips_left },
            None => RegistrationDue::UpToDate { next_due: None },
        }
    }

    /// Postpones what is due, spending one skip from `record`.
    ///
    /// # Errors
    ///
    /// [`SkipError::BudgetUsed`] when no skip is left, [`SkipError::NothingDue`] when nothing
    /// that may be postponed is due.
    pub fn skip_registration(
        &self,
        user: &UserFacts,
        methods: &[Method],
        record: &mut RegistrationRecord,
        now: UnixMillis,
    ) -> Result<(), SkipError> {
        match self.registration_due(user, methods, record, now) {
            RegistrationDue::Register { skips_left: 0, .. }
            | RegistrationDue::Reconfirm { skips_left: 0 } => Err(SkipError::BudgetUsed),
            RegistrationDue::Register { .. } | RegistrationDue::Reconfirm { .. } => {
                record.skips_used += 1;
                Ok(())
            }
            _ => Err(SkipError::NothingDue),
        }
    }
}

impl RegistrationRecord {
    /// The user registered or confirmed their methods: the clock and the skip budget restart.
    pub fn confirm(&mut self, now: UnixMillis) {
        self.confirmed_at = Some(now);
        self.skips_used = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_is_the_kind_on_the_wire() {
        for due in [
            RegistrationDue::NotEnabled,
            RegistrationDue::Optional { missing: 1 },
            RegistrationDue::Register {
                missing: 1,
                skips_left: 0,
            },
            RegistrationDue::Reconfirm { skips_left: 0 },
            RegistrationDue::UpToDate { next_due: None },
        ] {
            assert_eq!(serde_json::to_value(due).unwrap()["kind"], due.key());
        }
    }

    #[test]
    fn only_users_whose_methods_meet_the_policy_can_reset() {
        assert!(RegistrationDue::UpToDate { next_due: Some(1) }.can_reset());
        assert!(RegistrationDue::Reconfirm { skips_left: 2 }.can_reset());
        assert!(!RegistrationDue::Optional { missing: 1 }.can_reset());
        assert!(!RegistrationDue::NotEnabled.can_reset());
    }

    const T: UnixMillis = 1_700_000_000_000;

    fn user() -> UserFacts {
        UserFacts {
            groups: vec![],
            admin: false,
            enabled: true,
        }
    }

    fn policy(text: &str) -> Policy {
        Policy::parse(text).unwrap()
    }

    fn confirmed(at: UnixMillis) -> RegistrationRecord {
        RegistrationRecord {
            confirmed_at: Some(at),
            skips_used: 0,
        }
    }

    #[test]
    fn a_new_user_must_register_with_the_full_skip_budget() {
        let due =
            Policy::default().registration_due(&user(), &[], &RegistrationRecord::default(), T);
        assert_eq!(
            due,
            RegistrationDue::Register {
                missing: 1,
                skips_left: 3
            }
        );
    }

    #[test]
    fn with_two_methods_required_one_registered_leaves_one_missing() {
        let policy = policy("[methods]\nallowed = [\"email_code\", \"sms_code\"]\nrequired = 2");
        let due = policy.registration_due(&user(), &[Method::EmailCode], &confirmed(T), T);
        assert_eq!(
            due,
            RegistrationDue::Register {
                missing: 1,
                skips_left: 3
            }
        );
    }

    #[test]
    fn questions_alone_leave_a_possession_method_missing() {
        let policy =
            policy("[methods]\nallowed = [\"email_code\", \"security_questions\"]\nrequired = 2");
        let due = policy.registration_due(&user(), &[Method::SecurityQuestions], &confirmed(T), T);
        assert!(
            matches!(due, RegistrationDue::Register { missing: 2, .. }),
            "{due:?}"
        );
    }

    #[test]
    fn registration_is_optional_when_the_policy_does_not_require_it_at_sign_in() {
        let policy = policy("[registration]\nrequired = false");
        let due = policy.registration_due(&user(), &[], &RegistrationRecord::default(), T);
        assert_eq!(due, RegistrationDue::Optional { missing: 1 });
    }

    #[test]
    fn confirmation_is_due_again_after_the_configured_days() {
        let policy = policy("[registration]\nreconfirm_days = 180");
        let record = confirmed(T);
        let day = 24 * 60 * 60 * 1000;
        assert_eq!(
            policy.registration_due(&user(), &[Method::EmailCode], &record, T + 179 * day),
            RegistrationDue::UpToDate {
                next_due: Some(T + 180 * day)
            }
        );
        assert_eq!(
            policy.registration_due(&user(), &[Method::EmailCode], &record, T + 180 * day),
            RegistrationDue::Reconfirm { skips_left: 3 }
        );
    }

    #[test]
    fn zero_days_means_never_reconfirm() {
        let policy = policy("[registration]\nreconfirm_days = 0");
        let record = confirmed(T);
        assert_eq!(
            policy.registration_due(
                &user(),
                &[Method::EmailCode],
                &record,
                T + 10_000 * 24 * 60 * 60 * 1000
            ),
            RegistrationDue::UpToDate { next_due: None }
        );
    }

    #[test]
    fn skips_are_spent_until_the_budget_is_used() {
        let policy = policy("[registration]\nskip_budget = 2");
        let mut record = RegistrationRecord::default();
        assert_eq!(
            policy.skip_registration(&user(), &[], &mut record, T),
            Ok(())
        );
        assert_eq!(
            policy.skip_registration(&user(), &[], &mut record, T),
            Ok(())
        );
        assert_eq!(
            policy.skip_registration(&user(), &[], &mut record, T),
            Err(SkipError::BudgetUsed)
        );
        assert_eq!(
            policy.registration_due(&user(), &[], &record, T),
            RegistrationDue::Register {
                missing: 1,
                skips_left: 0
            }
        );
    }

    #[test]
    fn confirming_restarts_the_clock_and_the_budget() {
        let policy = Policy::default();
        let mut record = RegistrationRecord::default();
        policy
            .skip_registration(&user(), &[], &mut record, T)
            .unwrap();
        record.confirm(T + 5);
        assert_eq!(record.skips_used, 0);
        assert_eq!(
            policy.skip_registration(&user(), &[Method::EmailCode], &mut record, T + 6),
            Err(SkipError::NothingDue)
        );
    }

    #[test]
    fn users_outside_the_policy_have_nothing_due() {
        let policy = policy("enabled_for = \"none\"");
        assert_eq!(
            policy.registration_due(&user(), &[], &RegistrationRecord::default(), T),
            RegistrationDue::NotEnabled
        );
    }

    #[test]
    fn administrators_must_register_two_methods_even_when_users_are_off() {
        let policy = policy("enabled_for = \"none\"");
        let admin = UserFacts {
            admin: true,
            ..user()
        };
        let due = policy.registration_due(&admin, &[Method::EmailCode], &confirmed(T), T);
        assert_eq!(
            due,
            RegistrationDue::Register {
                missing: 1,
                skips_left: 3
            }
        );
    }
}
