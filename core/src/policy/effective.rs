//! The policy as it applies to one user. Administrators get Entra's two-gate policy whatever
//! the user policy says: two methods, never security questions, enabled even when users are
//! not.

use serde::{Deserialize, Serialize};

use super::{EnabledFor, Method, Policy};

/// What the identity backend says about a user, as far as policy cares.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct UserFacts {
    pub groups: Vec<String>,
    pub admin: bool,
    pub enabled: bool,
}

/// Which policy applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    User,
    Administrator,
}

/// The methods one user may use and how many distinct ones a reset needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EffectivePolicy {
    pub role: Role,
    pub methods: Vec<Method>,
    pub required: u8,
}

/// The methods an administrator may use: every possession-based method.
pub const ADMIN_METHODS: [Method; 4] = [
    Method::EmailCode,
    Method::SmsCode,
    Method::Authenticator,
    Method::AppNotification,
];

impl Policy {
    /// The policy for `user`, or `None` when self-service reset is not enabled for them
    /// (they then walk the decoy flow).
    pub fn for_user(&self, user: &UserFacts) -> Option<EffectivePolicy> {
        if !user.enabled {
            return None;
        }
        if user.admin {
            return Some(EffectivePolicy {
                role: Role::Administrator,
                methods: ADMIN_METHODS.to_vec(),
                required: 2,
            });
        }
        let enabled = match &self.enabled_for {
            EnabledFor::None => false,
            EnabledFor::All => true,
            EnabledFor::Groups(groups) => groups
                .iter()
                .any(|wanted| user.groups.iter().any(|g| g.eq_ignore_ascii_case(wanted))),
        };
        enabled.then(|| EffectivePolicy {
            role: Role::User,
            methods: self.methods.allowed.clone(),
            required: self.methods.required,
        })
    }
}

impl EffectivePolicy {
    /// Whether these verified methods are enough for a reset: the required number of
    /// distinct allowed methods, and never security questions without a possession method.
    pub fn satisfied_by(&self, verified: &[Method]) -> bool {
        let mut distinct: Vec<Method> = verified
            .iter()
            .copied()
            .filter(|m| self.methods.contains(m))
            .collect();
        distinct.sort_unstable();
        distinct.dedup();
        let possession = distinct.iter().any(|m| m.is_possession());
        distinct.len() >= usize::from(self.required) && possession
    }
}
