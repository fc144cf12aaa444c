//! The administrator's SSPR policy: a TOML document, parsed and validated here, and the
//! effective policy for one user (administrators always get the stricter two-method policy).
//! The numbers follow Microsoft Entra SSPR; where Entra is weak (security questions as the
//! only proof) we are stricter. Every error names the field, the value and what is allowed.
//!
//! ```
//! use sspr_core::policy::{Method, Policy};
//!
//! let policy = Policy::parse(r#"
//!     enabled_for = "all"
//!     [methods]
//!     allowed = ["email_code", "authenticator"]
//!     required = 2
//! "#).unwrap();
//! assert_eq!(policy.methods.required, 2);
//! assert!(policy.methods.allowed.contains(&Method::Authenticator));
//!
//! let err = Policy::parse("[codes]\ndigits = 4").unwrap_err();
//! assert_eq!(err.errors[0].field, "codes.digits");
//! ```

mod effective;
mod field_path;
pub mod questions;
mod validate;

use serde::{Deserialize, Serialize};

pub use effective::{EffectivePolicy, Role, UserFacts, enough_proofs};
pub use validate::{PolicyError, PolicyErrors};

/// A verification method a user can register and prove.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// A one-time code sent to the user's email address.
    EmailCode,
    /// A one-time code sent by text message to the user's mobile number.
    SmsCode,
    /// The current code of an authenticator app (TOTP, [`crate::methods::totp`]).
    Authenticator,
    /// A push to the user's phone app, approved by picking the number shown
    /// ([`crate::methods::approval`]).
    AppNotification,
    /// Answers to security questions registered beforehand ([`crate::methods::questions`]).
    /// Never enough on its own, and never allowed for administrators.
    SecurityQuestions,
}

impl Method {
    /// Every method, in the order the widget lists them.
    pub const ALL: [Method; 5] = [
        Method::EmailCode,
        Method::SmsCode,
        Method::Authenticator,
        Method::AppNotification,
        Method::SecurityQuestions,
    ];

    /// Whether the method proves possession of something (a mailbox, a phone, a device).
    /// Security questions prove only knowledge, which NIST SP 800-63B and ASVS reject as a
    /// proof on its own.
    pub fn is_possession(self) -> bool {
        self != Method::SecurityQuestions
    }

    /// The name used in policy documents and on the wire.
    pub fn key(self) -> &'static str {
        match self {
            Method::EmailCode => "email_code",
            Method::SmsCode => "sms_code",
            Method::Authenticator => "authenticator",
            Method::AppNotification => "app_notification",
            Method::SecurityQuestions => "security_questions",
        }
    }
}

/// Who may use self-service password reset. Administrators always may.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EnabledFor {
    /// No user (administrators still may).
    None,
    /// Members of any of these groups (matched without regard to case).
    Groups(Vec<String>),
    /// Every enabled user.
    All,
}

/// The default policy written out in full, exactly as [`Policy::to_toml`] writes
/// `Policy::default()` (a test keeps the two equal). The edge serves it as the document in
/// force when no `POLICY` is configured, without linking the TOML writer for that alone.
///
/// ```
/// use sspr_core::policy::{DEFAULT_DOCUMENT, Policy};
///
/// assert_eq!(Policy::parse(DEFAULT_DOCUMENT).unwrap(), Policy::default());
/// ```
pub const DEFAULT_DOCUMENT: &str = include_str!("default.toml");

/// The whole policy. Missing sections and fields take their defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Policy {
    /// Who may reset (default: everyone).
    pub enabled_for: EnabledFor,
    /// `[methods]`: which methods, and how many a reset needs.
    pub methods: Methods,
    /// `[security_questions]`.
    pub security_questions: SecurityQuestions,
    /// `[registration]`: when users are asked to register or reconfirm methods.
    pub registration: Registration,
    /// `[codes]`: one-time codes by email and SMS.
    pub codes: Codes,
    /// `[throttling]`: blocks after failed proofs, and send limits.
    pub throttling: Throttling,
    /// `[notifications]`.
    pub notifications: Notifications,
    /// `[organization]`: name and helpdesk.
    pub organization: Organization,
    /// `[password]`: rules for the new password.
    pub password: PasswordPolicy,
}

/// `[methods]`: the verification methods of users who are not administrators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Methods {
    /// The methods users may register and prove.
    pub allowed: Vec<Method>,
    /// How many distinct methods a reset needs: 1 or 2.
    pub required: u8,
}

/// `[security_questions]`: how many questions users register and answer, and which.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SecurityQuestions {
    /// How many questions a user registers: 3–5.
    pub register: u8,
    /// How many are asked at a reset: 3–5, at most `register`.
    pub answer: u8,
    /// Keys of the predefined questions offered (default: all of them).
    pub predefined: Vec<String>,
    /// The organisation's own questions: at most 20, each 3–200 characters.
    pub custom: Vec<String>,
}

/// `[registration]`: prompting users to register methods before they need them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Registration {
    /// Ask users to register at sign-in.
    pub required: bool,
    /// Ask them to confirm their methods again after this many days: 0 (never) – 730.
    pub reconfirm_days: u16,
    /// How many times a user may postpone registration: 0–10.
    pub skip_budget: u8,
}

/// `[codes]`: one-time codes sent by email or text message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Codes {
    /// Digits in an email or SMS code: 6–8.
    pub digits: u8,
    /// Lifetime of a code in minutes: 1–30.
    pub lifetime_minutes: u8,
    /// Wrong tries before a code dies: 1–5.
    pub tries: u8,
    /// Seconds before another code may be sent: 30–300.
    pub resend_cooldown_seconds: u16,
}

/// `[throttling]`: limits that slow down guessing and message flooding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Throttling {
    /// Failed proofs in 24 hours that block a user: 1–5.
    pub failed_proofs: u8,
    /// How long the block lasts, in hours: 1–168.
    pub block_hours: u16,
    /// Emails per hour per user and per address: 1–10.
    pub email_sends_per_hour: u8,
    /// Text messages per hour per user and per number: 1–5.
    pub sms_sends_per_hour: u8,
}

/// `[notifications]`: who is told about resets and method changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Notifications {
    /// Email the user on every reset, unlock and method change.
    pub notify_user: bool,
    /// Email every administrator when an administrator resets.
    pub notify_admins_on_admin_reset: bool,
    /// Days self-service reset stays paused for a user who reported a change to their
    /// account as not made by them ("this wasn't me"), unless an administrator ends the
    /// pause sooner: 1–90.
    pub report_hold_days: u16,
}

/// `[organization]`: how the organisation is named and where users get help.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Organization {
    /// Shown in the widget and in messages: 1–100 characters.
    pub name: String,
    /// Where users who are stuck get help: an `https://` URL…
    pub helpdesk_url: Option<String>,
    /// …and/or an email address.
    pub helpdesk_email: Option<String>,
}

/// `[password]`: what a new password must satisfy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PasswordPolicy {
    /// Shortest password allowed: 8–64 (the longest is always 256).
    pub min_length: u16,
    /// Entra's rule: characters from 3 of upper case, lower case, digits and symbols.
    pub composition: bool,
    /// The organisation's own banned terms: at most 1000, each 4–16 characters.
    pub banned_terms: Vec<String>,
    /// What to do with the Pwned Passwords check.
    pub breached_check: BreachedCheck,
}

/// The Pwned Passwords (k-anonymity) check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BreachedCheck {
    /// No check.
    Off,
    /// Refuse breached passwords; accept when the service cannot be reached.
    FailOpen,
    /// Refuse breached passwords; refuse all when the service cannot be reached.
    FailClosed,
}

impl BreachedCheck {
    /// What this setting makes of the check's outcome: `seen` is how many times Pwned
    /// Passwords has seen the password (0: never), or `None` when the service could not be
    /// asked.
    ///
    /// ```
    /// use sspr_core::password::PasswordError;
    /// use sspr_core::policy::BreachedCheck;
    ///
    /// assert_eq!(BreachedCheck::FailOpen.verdict(Some(3)), Err(PasswordError::Breached { count: 3 }));
    /// assert_eq!(BreachedCheck::FailOpen.verdict(None), Ok(()));
    /// assert_eq!(BreachedCheck::FailClosed.verdict(None), Err(PasswordError::BreachCheckUnavailable));
    /// assert_eq!(BreachedCheck::FailClosed.verdict(Some(0)), Ok(()));
    /// assert_eq!(BreachedCheck::Off.verdict(Some(3)), Ok(()));
    /// ```
    pub fn verdict(self, seen: Option<u64>) -> Result<(), crate::password::PasswordError> {
        use crate::password::PasswordError;
        match (self, seen) {
            (BreachedCheck::Off, _) | (_, Some(0)) | (BreachedCheck::FailOpen, None) => Ok(()),
            (_, Some(count)) => Err(PasswordError::Breached { count }),
            (BreachedCheck::FailClosed, None) => Err(PasswordError::BreachCheckUnavailable),
        }
    }
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            enabled_for: EnabledFor::All,
            methods: Methods::default(),
            security_questions: SecurityQuestions::default(),
            registration: Registration::default(),
            codes: Codes::default(),
            throttling: Throttling::default(),
            notifications: Notifications::default(),
            organization: Organization::default(),
            password: PasswordPolicy::default(),
        }
    }
}

impl Default for Methods {
    fn default() -> Self {
        Methods {
            allowed: vec![Method::EmailCode, Method::SmsCode, Method::Authenticator],
            required: 1,
        }
    }
}

impl Default for SecurityQuestions {
    fn default() -> Self {
        SecurityQuestions {
            register: 3,
            answer: 3,
            predefined: questions::PREDEFINED_QUESTIONS
                .iter()
                .map(|k| (*k).to_owned())
                .collect(),
            custom: Vec::new(),
        }
    }
}

impl Default for Registration {
    fn default() -> Self {
        Registration {
            required: true,
            reconfirm_days: 180,
            skip_budget: 3,
        }
    }
}

impl Default for Codes {
    fn default() -> Self {
        Codes {
            digits: 6,
            lifetime_minutes: 10,
            tries: 5,
            resend_cooldown_seconds: 30,
        }
    }
}

impl Default for Throttling {
    fn default() -> Self {
        Throttling {
            failed_proofs: 5,
            block_hours: 24,
            email_sends_per_hour: 10,
            sms_sends_per_hour: 5,
        }
    }
}

impl Default for Notifications {
    fn default() -> Self {
        Notifications {
            notify_user: true,
            notify_admins_on_admin_reset: true,
            report_hold_days: 7,
        }
    }
}

impl Default for Organization {
    fn default() -> Self {
        Organization {
            name: "sspr".to_owned(),
            helpdesk_url: None,
            helpdesk_email: None,
        }
    }
}

impl Default for PasswordPolicy {
    fn default() -> Self {
        PasswordPolicy {
            min_length: crate::password::MIN_LENGTH_FLOOR,
            composition: false,
            banned_terms: Vec::new(),
            breached_check: BreachedCheck::FailOpen,
        }
    }
}

impl Policy {
    /// Parses and validates a policy document. All problems are reported at once.
    ///
    /// # Errors
    ///
    /// [`PolicyErrors`] listing every problem, each with the dotted field, the value as
    /// written and what is allowed. A TOML syntax error is reported against `(document)`; an
    /// unknown field or a value of the wrong type stops parsing at the first one.
    ///
    /// ```
    /// use sspr_core::policy::Policy;
    ///
    /// let err = Policy::parse("[codes]\ndigits = 5\ntries = 9").unwrap_err();
    /// let first = &err.errors[0];
    /// assert_eq!(first.field, "codes.digits");
    /// assert_eq!(first.value.as_deref(), Some("5"));
    /// assert_eq!(first.problem, "must be from 6 to 8");
    /// assert_eq!(err.errors[1].to_string(), "codes.tries = 9: must be from 1 to 5");
    ///
    /// let err = Policy::parse("[codes]\ndigitz = 6").unwrap_err();
    /// assert!(err.errors[0].problem.contains("digitz"));
    /// ```
    pub fn parse(text: &str) -> Result<Policy, PolicyErrors> {
        let deserializer =
            toml::Deserializer::parse(text).map_err(|err| PolicyErrors::syntax(&err))?;
        let policy = Policy::deserialize(deserializer).map_err(|err| {
            let field = err
                .span()
                .and_then(|span| field_path::field_path(text, &span));
            PolicyErrors::from(PolicyError {
                field: field.unwrap_or_else(|| "(document)".to_owned()),
                value: None,
                problem: err.message().to_owned(),
            })
        })?;
        policy.validate()?;
        Ok(policy)
    }

    /// The policy with `method` no longer allowed, for an edge that cannot deliver it (an SMS
    /// code without an SMS provider). Taking a method away never weakens a reset: users
    /// still prove as many distinct methods as before, from fewer kinds.
    ///
    /// # Errors
    ///
    /// [`PolicyErrors`] when what is left breaks a rule, for example when the authenticator
    /// would be the only method allowed.
    ///
    /// ```
    /// use sspr_core::policy::{Method, Policy};
    ///
    /// let policy = Policy::parse("[methods]\nallowed = [\"email_code\", \"sms_code\"]").unwrap();
    /// let email_only = policy.without(Method::SmsCode).unwrap();
    /// assert_eq!(email_only.methods.allowed, [Method::EmailCode]);
    ///
    /// let policy = Policy::parse("[methods]\nallowed = [\"sms_code\", \"authenticator\"]").unwrap();
    /// assert!(policy.without(Method::SmsCode).is_err());
    /// ```
    pub fn without(&self, method: Method) -> Result<Policy, PolicyErrors> {
        let mut policy = self.clone();
        policy.methods.allowed.retain(|m| *m != method);
        policy.validate()?;
        Ok(policy)
    }

    /// The policy as a TOML document that [`Policy::parse`] reads back.
    pub fn to_toml(&self) -> String {
        toml::to_string_pretty(self).expect("a policy serializes")
    }

    /// The settings a reset flow runs under.
    pub fn reset_settings(&self) -> crate::flow::ResetSettings {
        crate::flow::ResetSettings {
            code: crate::methods::code::CodePolicy {
                digits: self.codes.digits,
                lifetime_ms: u64::from(self.codes.lifetime_minutes) * 60_000,
                max_tries: self.codes.tries,
            },
            password: crate::password::PasswordRules {
                min_length: self.password.min_length,
                max_length: crate::password::MAX_LENGTH,
                composition: self.password.composition,
            },
            required: self.methods.required,
            questions_asked: self.security_questions.answer,
            notify_user: self.notifications.notify_user,
            notify_admins_on_admin_reset: self.notifications.notify_admins_on_admin_reset,
            resend_cooldown_ms: u64::from(self.codes.resend_cooldown_seconds) * 1000,
        }
    }

    /// The flow settings for one user: [`Policy::reset_settings`] with the number of methods
    /// their effective policy requires (two for administrators).
    pub fn reset_settings_for(&self, user: &EffectivePolicy) -> crate::flow::ResetSettings {
        crate::flow::ResetSettings {
            required: user.required,
            ..self.reset_settings()
        }
    }

    /// The notice to send a user whose registered methods changed (`notice` is
    /// [`Notice::MethodAdded`](crate::flow::Notice::MethodAdded) or `MethodRemoved`), at
    /// `to`, when the policy tells users about method changes and an address is known.
    pub fn method_change_notice(
        &self,
        notice: crate::flow::Notice,
        to: Option<&str>,
        language: crate::locale::Language,
    ) -> Option<crate::flow::Effect> {
        let to = to.filter(|_| self.notifications.notify_user)?;
        Some(crate::flow::Effect::Notify {
            to: to.to_owned(),
            notice,
            language,
        })
    }

    /// A link to where users get help: `[organization]`'s helpdesk page, else a `mailto:`
    /// link to its address; `None` when the policy names neither.
    ///
    /// ```
    /// use sspr_core::policy::Policy;
    ///
    /// assert_eq!(Policy::default().helpdesk_link(), None);
    /// let policy = Policy::parse("[organization]\nhelpdesk_email = \"it@contoso.com\"").unwrap();
    /// assert_eq!(policy.helpdesk_link().as_deref(), Some("mailto:it@contoso.com"));
    /// ```
    pub fn helpdesk_link(&self) -> Option<String> {
        let organization = &self.organization;
        organization.helpdesk_url.clone().or_else(|| {
            organization
                .helpdesk_email
                .as_ref()
                .map(|email| format!("mailto:{email}"))
        })
    }

    /// How long a report of a change the user did not make pauses their self-service reset
    /// (`notifications.report_hold_days`), in milliseconds.
    pub fn report_hold_ms(&self) -> u64 {
        u64::from(self.notifications.report_hold_days) * 24 * 60 * 60 * 1000
    }

    /// What the server checks a new password with: the rules, and the banned terms.
    pub fn password_checker(&self) -> crate::password::PasswordChecker {
        crate::password::PasswordChecker::new(
            self.reset_settings().password,
            crate::password::banned::BannedTerms::new(&self.password.banned_terms),
        )
    }
}

#[cfg(test)]
mod tests;
