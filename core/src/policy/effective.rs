//! The policy as it applies to one user. Administrators get Entra's two-gate policy whatever
//! the user policy says: two methods, never security questions, enabled even when users are
//! not.

use serde::{Deserialize, Serialize};

use super::{EnabledFor, Method, Policy};

/// What the identity backend says about a user, as far as policy cares.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct UserFacts {
    /// Names of the groups the user belongs to, matched against [`EnabledFor::Groups`].
    pub groups: Vec<String>,
    /// Whether the user holds an administrator role (then the administrator policy applies).
    pub admin: bool,
    /// Whether the account is enabled in the directory; disabled accounts never reset.
    pub enabled: bool,
}

/// Which policy applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The administrator's [`Policy`] applies.
    User,
    /// The fixed administrator policy: two distinct possession methods, never security
    /// questions.
    Administrator,
}

/// The methods one user may use and how many distinct ones a reset needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EffectivePolicy {
    /// Which policy this is.
    pub role: Role,
    /// The methods this user may register and prove.
    pub methods: Vec<Method>,
    /// How many distinct methods a reset needs: 1 or 2.
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
    ///
    /// ```
    /// use sspr_core::policy::{Method, Policy, Role, UserFacts};
    ///
    /// let policy = Policy::parse(r#"enabled_for = { groups = ["Staff"] }"#).unwrap();
    /// let staff = UserFacts { groups: vec!["staff".into()], admin: false, enabled: true };
    /// assert_eq!(policy.for_user(&staff).unwrap().required, 1);
    ///
    /// let admin = UserFacts { admin: true, ..staff.clone() };
    /// let admin_policy = policy.for_user(&admin).unwrap();
    /// assert_eq!((admin_policy.role, admin_policy.required), (Role::Administrator, 2));
    /// assert!(!admin_policy.methods.contains(&Method::SecurityQuestions));
    ///
    /// let guest = UserFacts { groups: vec![], ..staff };
    /// assert_eq!(policy.for_user(&guest), None);
    /// ```
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

/// The one rule for "enough proofs": at least `required` distinct methods, and never
/// security questions without a possession method. `distinct` holds each method once.
///
/// ```
/// use sspr_core::policy::{enough_proofs, Method};
/// assert!(enough_proofs(&[Method::EmailCode], 1));
/// assert!(!enough_proofs(&[Method::SecurityQuestions], 1));
/// assert!(enough_proofs(&[Method::SecurityQuestions, Method::SmsCode], 2));
/// ```
pub fn enough_proofs(distinct: &[Method], required: u8) -> bool {
    let possession = distinct.iter().any(|m| m.is_possession());
    possession && distinct.len() >= usize::from(required)
}

impl EffectivePolicy {
    /// Whether these verified methods are enough for a reset: [`enough_proofs`] over the
    /// distinct methods this policy allows.
    pub fn satisfied_by(&self, verified: &[Method]) -> bool {
        let mut distinct: Vec<Method> = verified
            .iter()
            .copied()
            .filter(|m| self.methods.contains(m))
            .collect();
        distinct.sort_unstable();
        distinct.dedup();
        enough_proofs(&distinct, self.required)
    }
}
