//! The rules a policy must satisfy, each reported with the field, the value and what is
//! allowed.

use std::collections::HashSet;
use std::fmt;
use std::ops::RangeInclusive;

use super::{EnabledFor, Method, Policy, questions};

pub const REQUIRED_METHODS: RangeInclusive<u8> = 1..=2;
pub const QUESTIONS_REGISTERED: RangeInclusive<u8> = 3..=5;
pub const QUESTIONS_ANSWERED: RangeInclusive<u8> = 3..=5;
pub const CUSTOM_QUESTIONS_MAX: usize = 20;
pub const CUSTOM_QUESTION_CHARS: RangeInclusive<usize> = 3..=200;
pub const RECONFIRM_DAYS: RangeInclusive<u16> = 0..=730;
pub const SKIP_BUDGET: RangeInclusive<u8> = 0..=10;
pub const CODE_DIGITS: RangeInclusive<u8> = 6..=8;
pub const CODE_LIFETIME_MINUTES: RangeInclusive<u8> = 1..=30;
pub const CODE_TRIES: RangeInclusive<u8> = 1..=5;
pub const RESEND_COOLDOWN_SECONDS: RangeInclusive<u16> = 30..=300;
pub const FAILED_PROOFS: RangeInclusive<u8> = 1..=5;
pub const BLOCK_HOURS: RangeInclusive<u16> = 1..=168;
pub const EMAIL_SENDS_PER_HOUR: RangeInclusive<u8> = 1..=10;
pub const SMS_SENDS_PER_HOUR: RangeInclusive<u8> = 1..=5;
pub const REPORT_HOLD_DAYS: RangeInclusive<u16> = 1..=90;
pub const ORGANIZATION_NAME_CHARS: RangeInclusive<usize> = 1..=100;
pub const MIN_PASSWORD_LENGTH: RangeInclusive<u16> = 8..=64;
pub const BANNED_TERMS_MAX: usize = 1000;
pub const BANNED_TERM_CHARS: RangeInclusive<usize> = 4..=16;

/// One problem in a policy document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyError {
    /// Dotted path of the field, e.g. `security_questions.answer`.
    pub field: String,
    /// The offending value as written, when there is one.
    pub value: Option<String>,
    /// What is wrong and what is allowed.
    pub problem: String,
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.value {
            Some(value) => write!(f, "{} = {value}: {}", self.field, self.problem),
            None => write!(f, "{}: {}", self.field, self.problem),
        }
    }
}

/// Every problem found in a policy document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct PolicyErrors {
    /// In the order the rules are checked; never empty.
    pub errors: Vec<PolicyError>,
}

impl fmt::Display for PolicyErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self.errors.iter().map(ToString::to_string).collect();
        write!(f, "the policy is invalid: {}", lines.join("; "))
    }
}

impl From<PolicyError> for PolicyErrors {
    fn from(error: PolicyError) -> Self {
        PolicyErrors {
            errors: vec![error],
        }
    }
}

impl PolicyErrors {
    pub(super) fn syntax(err: &toml::de::Error) -> Self {
        PolicyError {
            field: "(document)".to_owned(),
            value: None,
            problem: err.to_string().trim().replace('\n', " "),
        }
        .into()
    }
}

struct Check {
    errors: Vec<PolicyError>,
}

impl Check {
    fn fail(&mut self, field: &str, value: impl fmt::Display, problem: impl Into<String>) {
        self.errors.push(PolicyError {
            field: field.to_owned(),
            value: Some(value.to_string()),
            problem: problem.into(),
        });
    }

    fn range<T: PartialOrd + fmt::Display>(
        &mut self,
        field: &str,
        value: T,
        range: RangeInclusive<T>,
    ) {
        if !range.contains(&value) {
            let problem = format!("must be from {} to {}", range.start(), range.end());
            self.fail(field, value, problem);
        }
    }
}

fn list(methods: &[Method]) -> String {
    let keys: Vec<&str> = methods.iter().map(|m| m.key()).collect();
    format!("[{}]", keys.join(", "))
}

impl Policy {
    /// Checks every rule and reports every problem.
    pub fn validate(&self) -> Result<(), PolicyErrors> {
        let mut check = Check { errors: Vec::new() };
        self.check_methods(&mut check);
        self.check_questions(&mut check);
        self.check_numbers(&mut check);
        self.check_organization(&mut check);
        self.check_password(&mut check);
        if check.errors.is_empty() {
            Ok(())
        } else {
            Err(PolicyErrors {
                errors: check.errors,
            })
        }
    }

    fn check_methods(&self, check: &mut Check) {
        let allowed = &self.methods.allowed;
        let required = self.methods.required;
        check.range("methods.required", required, REQUIRED_METHODS);
        let distinct: HashSet<Method> = allowed.iter().copied().collect();
        if distinct.len() != allowed.len() {
            check.fail("methods.allowed", list(allowed), "lists a method twice");
        }
        if let EnabledFor::Groups(groups) = &self.enabled_for
            && (groups.is_empty() || groups.iter().any(|g| g.trim().is_empty()))
        {
            check.fail(
                "enabled_for.groups",
                format!("{groups:?}"),
                "name at least one group, and no empty names",
            );
        }
        if self.enabled_for == EnabledFor::None {
            return;
        }
        if allowed.is_empty() {
            check.fail(
                "methods.allowed",
                "[]",
                "allow at least one method, or set enabled_for = \"none\"",
            );
            return;
        }
        if distinct.len() == 1 && distinct.contains(&Method::Authenticator) {
            check.fail(
                "methods.allowed",
                list(allowed),
                "the authenticator may not be the only method: users who lose their phone would be locked out",
            );
        }
        if distinct.len() < usize::from(required) {
            check.fail(
                "methods.required",
                required,
                format!(
                    "needs at least {required} allowed methods, but methods.allowed has {}",
                    distinct.len()
                ),
            );
        }
        let possession = distinct.iter().filter(|m| m.is_possession()).count();
        if distinct.contains(&Method::SecurityQuestions) {
            if required == 1 {
                check.fail(
                    "methods.allowed",
                    list(allowed),
                    "security questions are never enough alone: require two methods (methods.required = 2) or remove them",
                );
            } else if possession == 0 {
                check.fail(
                    "methods.allowed",
                    list(allowed),
                    "security questions may be at most one of the two methods: allow an email or SMS code, the authenticator or app notification too",
                );
            }
        }
    }

    fn check_questions(&self, check: &mut Check) {
        let q = &self.security_questions;
        check.range(
            "security_questions.register",
            q.register,
            QUESTIONS_REGISTERED,
        );
        check.range("security_questions.answer", q.answer, QUESTIONS_ANSWERED);
        if q.answer > q.register {
            check.fail(
                "security_questions.answer",
                q.answer,
                format!(
                    "cannot exceed the {} questions registered (security_questions.register)",
                    q.register
                ),
            );
        }
        let mut seen = HashSet::new();
        for key in &q.predefined {
            if !questions::is_predefined(key) {
                check.fail(
                    "security_questions.predefined",
                    format!("{key:?}"),
                    "is not a predefined question key",
                );
            } else if !seen.insert(key.clone()) {
                check.fail(
                    "security_questions.predefined",
                    format!("{key:?}"),
                    "is listed twice",
                );
            }
        }
        if q.custom.len() > CUSTOM_QUESTIONS_MAX {
            check.fail(
                "security_questions.custom",
                format!("{} questions", q.custom.len()),
                format!("at most {CUSTOM_QUESTIONS_MAX} custom questions"),
            );
        }
        let mut seen_custom = HashSet::new();
        for text in &q.custom {
            let chars = text.trim().chars().count();
            if !CUSTOM_QUESTION_CHARS.contains(&chars) {
                check.fail(
                    "security_questions.custom",
                    format!("{text:?}"),
                    format!(
                        "a custom question has {} to {} characters",
                        CUSTOM_QUESTION_CHARS.start(),
                        CUSTOM_QUESTION_CHARS.end()
                    ),
                );
            } else if !seen_custom.insert(text.trim().to_lowercase()) {
                check.fail(
                    "security_questions.custom",
                    format!("{text:?}"),
                    "is listed twice",
                );
            }
        }
        let offered = seen.len() + seen_custom.len();
        if self.methods.allowed.contains(&Method::SecurityQuestions)
            && offered < usize::from(q.register)
        {
            check.fail(
                "security_questions",
                format!("{offered} questions offered"),
                format!(
                    "users must register {}: offer at least that many",
                    q.register
                ),
            );
        }
    }

    fn check_numbers(&self, check: &mut Check) {
        check.range(
            "registration.reconfirm_days",
            self.registration.reconfirm_days,
            RECONFIRM_DAYS,
        );
        check.range(
            "registration.skip_budget",
            self.registration.skip_budget,
            SKIP_BUDGET,
        );
        check.range("codes.digits", self.codes.digits, CODE_DIGITS);
        check.range(
            "codes.lifetime_minutes",
            self.codes.lifetime_minutes,
            CODE_LIFETIME_MINUTES,
        );
        check.range("codes.tries", self.codes.tries, CODE_TRIES);
        check.range(
            "codes.resend_cooldown_seconds",
            self.codes.resend_cooldown_seconds,
            RESEND_COOLDOWN_SECONDS,
        );
        check.range(
            "throttling.failed_proofs",
            self.throttling.failed_proofs,
            FAILED_PROOFS,
        );
        check.range(
            "throttling.block_hours",
            self.throttling.block_hours,
            BLOCK_HOURS,
        );
        check.range(
            "throttling.email_sends_per_hour",
            self.throttling.email_sends_per_hour,
            EMAIL_SENDS_PER_HOUR,
        );
        check.range(
            "notifications.report_hold_days",
            self.notifications.report_hold_days,
            REPORT_HOLD_DAYS,
        );
        check.range(
            "throttling.sms_sends_per_hour",
            self.throttling.sms_sends_per_hour,
            SMS_SENDS_PER_HOUR,
        );
    }

    fn check_organization(&self, check: &mut Check) {
        let org = &self.organization;
        let chars = org.name.trim().chars().count();
        if !ORGANIZATION_NAME_CHARS.contains(&chars) {
            check.fail(
                "organization.name",
                format!("{:?}", org.name),
                "has 1 to 100 characters",
            );
        }
        if let Some(url) = &org.helpdesk_url {
            let rest = url.strip_prefix("https://").unwrap_or("");
            if rest.is_empty() || rest.starts_with('/') || url.chars().any(char::is_whitespace) {
                check.fail(
                    "organization.helpdesk_url",
                    format!("{url:?}"),
                    "must be an https:// URL",
                );
            }
        }
        if let Some(email) = &org.helpdesk_email {
            let valid = email.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty() && domain.contains('.') && !domain.ends_with('.')
            });
            if !valid || email.chars().any(char::is_whitespace) {
                check.fail(
                    "organization.helpdesk_email",
                    format!("{email:?}"),
                    "must be an email address",
                );
            }
        }
    }

    fn check_password(&self, check: &mut Check) {
        let pw = &self.password;
        check.range("password.min_length", pw.min_length, MIN_PASSWORD_LENGTH);
        if pw.banned_terms.len() > BANNED_TERMS_MAX {
            check.fail(
                "password.banned_terms",
                format!("{} terms", pw.banned_terms.len()),
                format!("at most {BANNED_TERMS_MAX} terms"),
            );
        }
        for term in &pw.banned_terms {
            let chars = term.trim().chars().count();
            if !BANNED_TERM_CHARS.contains(&chars) {
                check.fail(
                    "password.banned_terms",
                    format!("{term:?}"),
                    format!(
                        "a banned term has {} to {} characters",
                        BANNED_TERM_CHARS.start(),
                        BANNED_TERM_CHARS.end()
                    ),
                );
            }
        }
    }
}
