//! The breached-password check of a new password (`[password] breached_check` in the
//! policy): Have I Been Pwned's Pwned Passwords range API, by k-anonymity. Only the first 5
//! hex digits of the password's SHA-1 leave the edge ([`RangeQuery`], in core); the answer
//! lists the suffixes of that range, padded with decoys (`Add-Padding: true`) so its size
//! says nothing about the prefix either.
//!
//! The call is behind [`RangeSource`] ([`PwnedPasswords`] in the Worker), so the decision is
//! plain code tested natively. When the service cannot answer (the reason is logged, without
//! the prefix), `fail_open` accepts the password and `fail_closed` refuses it with
//! `breach_check_unavailable`; the user may send the same password again.

use sspr_core::password::PasswordError;
use sspr_core::password::pwned::{PADDING_HEADER, RANGE_URL, RangeQuery};
use sspr_core::policy::BreachedCheck;

use crate::config::ConfigError;
use crate::outbound;

/// Default of `PWNED_PASSWORDS_URL`: the range API, to which the prefix is appended.
pub const DEFAULT_URL: &str = RANGE_URL;

/// How long the range API may take, in milliseconds: the user is waiting on the answer.
pub const TIMEOUT_MS: u32 = 3_000;

/// `PWNED_PASSWORDS_URL` checked: an https URL (http only on 127.0.0.1 or localhost) ending
/// in `/`, to which the 5-digit prefix is appended.
pub fn url_from_lookup(lookup: &impl Fn(&str) -> Option<String>) -> Result<String, ConfigError> {
    let Some(url) = crate::config::setting(lookup, "PWNED_PASSWORDS_URL") else {
        return Ok(DEFAULT_URL.to_owned());
    };
    crate::oidc::settings::check_url("PWNED_PASSWORDS_URL", &url, false)?;
    if !url.ends_with('/') || url.contains(['?', '#']) {
        return Err(ConfigError::Invalid {
            name: "PWNED_PASSWORDS_URL",
            reason: format!(
                "expected the range API's address, to which the hash prefix is appended \
                 (ending in `/`, like {DEFAULT_URL}), got {url:?}"
            ),
        });
    }
    Ok(url)
}

/// Who answers range queries: the Pwned Passwords API (through [`PwnedPasswords`]), or a
/// test's double.
#[allow(async_fn_in_trait)] // Workers run on one thread: these futures never cross threads.
pub trait RangeSource {
    /// GETs the range of `prefix` and returns the HTTP status and body, or why no answer came.
    async fn range(&self, prefix: &str) -> Result<(u16, String), String>;
}

/// The range API at `url` (`PWNED_PASSWORDS_URL`).
pub struct PwnedPasswords<'a> {
    pub url: &'a str,
}

impl RangeSource for PwnedPasswords<'_> {
    async fn range(&self, prefix: &str) -> Result<(u16, String), String> {
        let (name, value) = PADDING_HEADER;
        let headers = [
            (name, value.to_owned()),
            ("Accept", "text/plain".to_owned()),
        ];
        let answer = outbound::get_within(&format!("{}{prefix}", self.url), &headers, TIMEOUT_MS)
            .await
            .map_err(|err| without_prefix(&err.to_string(), prefix))?;
        Ok((answer.status, answer.body))
    }
}

/// `reason` (an error naming the URL it called) without the hash prefix, which comes from
/// the password and has no place in a log.
fn without_prefix(reason: &str, prefix: &str) -> String {
    reason.replace(prefix, "{prefix}")
}

/// Checks `password` as `policy` says: `Ok` when it may be used, else the refusal. A check
/// that could not be made is logged through `warn` (why, and what was decided): `fail_open`
/// takes the password, `fail_closed` refuses it.
pub async fn check(
    source: &impl RangeSource,
    policy: BreachedCheck,
    password: &str,
    warn: impl FnOnce(&str),
) -> Result<(), PasswordError> {
    if policy == BreachedCheck::Off {
        return Ok(());
    }
    let query = RangeQuery::new(password);
    let found = match source.range(query.prefix()).await {
        Ok((200, body)) => query.count(&body).map_err(|err| err.to_string()),
        Ok((status, _)) => Err(format!("the range API answered HTTP {status}")),
        Err(reason) => Err(reason),
    };
    let verdict = policy.verdict(found.as_ref().ok().copied());
    if let Err(reason) = found {
        let decided = if verdict.is_ok() {
            "accepted"
        } else {
            "refused"
        };
        let setting = if policy == BreachedCheck::FailOpen {
            "fail_open"
        } else {
            "fail_closed"
        };
        warn(&format!(
            "the breached-password check could not be made ({reason}); {decided}, as breached_check = \"{setting}\""
        ));
    }
    verdict
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

    // SHA-1("password") = 5BAA6 1E4C9B93F3F0682250B6CF8331B7EE68FD8
    const LISTED: &str = "1E4C9B93F3F0682250B6CF8331B7EE68FD8:52256179\r\n";
    const PADDING: &str = "00D4F6E8FA6EECAD2A3AA415EEC418D38EC:0\r\n";

    /// Answers every range with `answer` and keeps the prefixes asked for.
    struct Double {
        answer: Result<(u16, String), String>,
        asked: RefCell<Vec<String>>,
    }

    impl Double {
        fn new(answer: Result<(u16, &str), &str>) -> Double {
            Double {
                answer: answer
                    .map(|(status, body)| (status, body.to_owned()))
                    .map_err(str::to_owned),
                asked: RefCell::new(Vec::new()),
            }
        }
    }

    impl RangeSource for Double {
        async fn range(&self, prefix: &str) -> Result<(u16, String), String> {
            self.asked.borrow_mut().push(prefix.to_owned());
            self.answer.clone()
        }
    }

    fn run(
        double: &Double,
        policy: BreachedCheck,
        password: &str,
    ) -> (Result<(), PasswordError>, Vec<String>) {
        let warned = RefCell::new(Vec::new());
        let result = crate::test_support::ready(check(double, policy, password, |w| {
            warned.borrow_mut().push(w.to_owned())
        }));
        (result, warned.into_inner())
    }

    #[test]
    fn a_listed_password_is_refused_with_its_count_and_only_the_prefix_is_sent() {
        let double = Double::new(Ok((200, &format!("{PADDING}{LISTED}"))));
        let (result, _) = run(&double, BreachedCheck::FailOpen, "password");
        assert_eq!(result, Err(PasswordError::Breached { count: 52_256_179 }));
        assert_eq!(*double.asked.borrow(), ["5BAA6"]);
    }

    #[test]
    fn an_unlisted_password_or_a_padding_line_passes() {
        let double = Double::new(Ok((200, PADDING)));
        assert_eq!(
            run(&double, BreachedCheck::FailClosed, "password").0,
            Ok(())
        );
        // A listed suffix of count 0 is padding, not a breach.
        let padded = LISTED.replace(":52256179", ":0");
        let double = Double::new(Ok((200, &padded)));
        assert_eq!(
            run(&double, BreachedCheck::FailClosed, "password").0,
            Ok(())
        );
    }

    #[test]
    fn off_asks_nothing() {
        let double = Double::new(Ok((200, LISTED)));
        assert_eq!(run(&double, BreachedCheck::Off, "password").0, Ok(()));
        assert!(double.asked.borrow().is_empty());
    }

    #[test]
    fn an_unreachable_or_failing_service_passes_open_and_refuses_closed() {
        for answer in [
            Err("connection refused"),
            Ok((503, "")),
            Ok((200, "not a range")),
        ] {
            let double = Double::new(answer);
            let (open, warned) = run(&double, BreachedCheck::FailOpen, "password");
            assert_eq!(open, Ok(()));
            assert_eq!(warned.len(), 1, "{warned:?}");
            assert!(warned[0].contains("fail_open"), "{warned:?}");
            let (closed, warned) = run(&double, BreachedCheck::FailClosed, "password");
            assert_eq!(closed, Err(PasswordError::BreachCheckUnavailable));
            assert!(warned[0].contains("fail_closed"), "{warned:?}");
        }
    }

    #[test]
    fn a_failed_calls_reason_keeps_the_prefix_out_of_the_log() {
        let reason = "no answer from https://api.pwnedpasswords.com/range/5BAA6 within 3000 ms";
        let logged = without_prefix(reason, "5BAA6");
        assert!(!logged.contains("5BAA6"), "{logged}");
        assert!(logged.contains("range/{prefix}"), "{logged}");
    }

    #[test]
    fn the_url_setting_is_checked() {
        let lookup = |value: &'static str| {
            move |name: &str| (name == "PWNED_PASSWORDS_URL").then(|| value.to_owned())
        };
        assert_eq!(url_from_lookup(&|_: &str| None).unwrap(), DEFAULT_URL);
        assert_eq!(
            url_from_lookup(&lookup("http://127.0.0.1:8795/range/")).unwrap(),
            "http://127.0.0.1:8795/range/"
        );
        for bad in [
            "https://api.pwnedpasswords.com/range",
            "http://api.pwnedpasswords.com/range/",
            "https://api.pwnedpasswords.com/range/?mode=ntlm/",
        ] {
            let err = url_from_lookup(&lookup(bad)).unwrap_err().to_string();
            assert!(err.contains("PWNED_PASSWORDS_URL"), "{bad}: {err}");
        }
    }
}
