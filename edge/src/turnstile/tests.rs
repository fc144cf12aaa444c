use std::cell::RefCell;
use std::collections::HashMap;

use super::*;
use crate::test_support::ready;

const SECRET: &str = "0x4AAAAAAAtestsecretkey0000000000";

fn settings(vars: &[(&str, &str)]) -> Result<Option<TurnstileConfig>, ConfigError> {
    let mut vars: HashMap<String, String> = vars
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    vars.entry("ALLOWED_ORIGINS".into())
        .or_insert_with(|| "https://login.example.com".into());
    from_lookup(&|name: &str| vars.get(name).cloned())
}

fn expected() -> Expectation {
    Expectation::new(
        FlowKind::Reset,
        &[
            "https://login.example.com".to_owned(),
            "http://127.0.0.1:8080".to_owned(),
        ],
    )
}

fn answer(hostname: &str, action: &str) -> String {
    serde_json::json!({
        "success": true,
        "error-codes": [],
        "challenge_ts": "2026-11-26T08:00:00.000Z",
        "hostname": hostname,
        "action": action,
        "cdata": "",
    })
    .to_string()
}

/// Siteverify's double: answers `reply` and keeps the bodies it was sent.
struct Double {
    reply: Result<(u16, String), String>,
    sent: RefCell<Vec<serde_json::Value>>,
}

impl Double {
    fn answering(reply: Result<(u16, String), String>) -> Self {
        Double {
            reply,
            sent: RefCell::new(Vec::new()),
        }
    }
}

impl HumanCheck for Double {
    async fn siteverify(&self, request: &SiteverifyRequest<'_>) -> Result<(u16, String), String> {
        self.sent
            .borrow_mut()
            .push(serde_json::to_value(request).unwrap());
        self.reply.clone()
    }
}

fn check_with(double: &Double, token: Option<&str>) -> Verdict {
    ready(check(
        double,
        SECRET,
        token,
        Some("203.0.113.7"),
        "key".into(),
        &expected(),
    ))
}

#[test]
fn turnstile_is_off_without_a_secret() {
    assert_eq!(settings(&[]), Ok(None));
}

#[test]
fn a_secret_turns_it_on_with_cloudflares_siteverify_by_default() {
    let config = settings(&[("TURNSTILE_SECRET", SECRET)]).unwrap().unwrap();
    assert_eq!(config.verify_url, DEFAULT_VERIFY_URL);
    assert_eq!(config.secret, SECRET);
    assert!(!format!("{config:?}").contains(SECRET));
}

#[test]
fn the_verify_url_may_point_at_a_local_stand_in() {
    let config = settings(&[
        ("TURNSTILE_SECRET", SECRET),
        (
            "TURNSTILE_VERIFY_URL",
            "http://127.0.0.1:9000/turnstile/v0/siteverify",
        ),
    ])
    .unwrap()
    .unwrap();
    assert_eq!(
        config.verify_url,
        "http://127.0.0.1:9000/turnstile/v0/siteverify"
    );
}

#[test]
fn bad_turnstile_settings_are_named() {
    let named = |vars: &[(&str, &str)]| match settings(vars) {
        Err(ConfigError::Invalid { name, .. }) | Err(ConfigError::Missing(name)) => name,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        named(&[("TURNSTILE_VERIFY_URL", DEFAULT_VERIFY_URL)]),
        "TURNSTILE_SECRET"
    );
    assert_eq!(named(&[("TURNSTILE_SECRET", "short")]), "TURNSTILE_SECRET");
    assert_eq!(
        named(&[("TURNSTILE_SECRET", "0x4AAAAAAA secret with spaces")]),
        "TURNSTILE_SECRET"
    );
    assert_eq!(
        named(&[
            ("TURNSTILE_SECRET", SECRET),
            ("TURNSTILE_VERIFY_URL", "http://challenges.example.com/v0")
        ]),
        "TURNSTILE_VERIFY_URL"
    );
    assert_eq!(
        named(&[
            ("TURNSTILE_SECRET", SECRET),
            ("TURNSTILE_VERIFY_URL", "not a url")
        ]),
        "TURNSTILE_VERIFY_URL"
    );
}

#[test]
fn turnstile_needs_the_allowed_origins_whose_hosts_tokens_are_solved_on() {
    let err = settings(&[("TURNSTILE_SECRET", SECRET), ("ALLOWED_ORIGINS", " , ")]).unwrap_err();
    assert!(
        matches!(&err, ConfigError::Invalid { name: "TURNSTILE_SECRET", reason } if reason.contains("ALLOWED_ORIGINS")),
        "{err}"
    );
}

#[test]
fn a_bad_secret_is_not_echoed_in_the_error() {
    let err = settings(&[("TURNSTILE_SECRET", "0x4AA!secret!value!here")]).unwrap_err();
    assert!(!err.to_string().contains("secret!value"), "{err}");
}

#[test]
fn the_expected_hosts_are_the_allowed_origins_hosts() {
    let expectation = Expectation::new(
        FlowKind::Unlock,
        &[
            "https://Login.Example.com:8443".to_owned(),
            "http://[::1]:8080".to_owned(),
        ],
    );
    assert_eq!(expectation.hostnames, ["login.example.com", "::1"]);
    assert_eq!(expectation.action, "sspr-unlock");
}

#[test]
fn a_good_token_from_an_allowed_host_for_this_action_passes() {
    assert_eq!(
        decide(200, &answer("login.example.com", "sspr-reset"), &expected()),
        Verdict::Passed
    );
    assert_eq!(
        decide(200, &answer("127.0.0.1", "sspr-reset"), &expected()),
        Verdict::Passed
    );
}

#[test]
fn a_token_solved_on_another_site_is_refused() {
    let verdict = decide(200, &answer("evil.example.net", "sspr-reset"), &expected());
    assert!(matches!(verdict, Verdict::Refused(_)), "{verdict:?}");
}

#[test]
fn a_token_solved_for_another_action_is_refused() {
    for action in ["sspr-unlock", "", "login"] {
        let verdict = decide(200, &answer("login.example.com", action), &expected());
        assert!(
            matches!(verdict, Verdict::Refused(_)),
            "{action}: {verdict:?}"
        );
    }
}

#[test]
fn invalid_expired_and_duplicate_tokens_are_refused() {
    for code in [
        "invalid-input-response",
        "timeout-or-duplicate",
        "missing-input-response",
        "bad-request",
    ] {
        let body = format!(r#"{{"success":false,"error-codes":["{code}"]}}"#);
        let verdict = decide(200, &body, &expected());
        assert!(
            matches!(verdict, Verdict::Refused(_)),
            "{code}: {verdict:?}"
        );
        assert_eq!(
            verdict.error().unwrap().code,
            sspr_core::api::ErrorCode::TurnstileFailed
        );
    }
}

#[test]
fn a_refused_secret_or_cloudflares_internal_error_fails_closed_as_unavailable() {
    for code in [
        "invalid-input-secret",
        "missing-input-secret",
        "internal-error",
    ] {
        let body = format!(r#"{{"success":false,"error-codes":["{code}"]}}"#);
        let verdict = decide(200, &body, &expected());
        assert!(matches!(verdict, Verdict::Unavailable(_)), "{code}");
    }
}

#[test]
fn siteverify_errors_and_unreadable_answers_fail_closed_as_unavailable() {
    for (status, body) in [
        (500, answer("login.example.com", "sspr-reset")),
        (503, String::new()),
        (429, String::new()),
        (200, "<html>".to_owned()),
    ] {
        let verdict = decide(status, &body, &expected());
        assert!(matches!(verdict, Verdict::Unavailable(_)), "{status}");
        let error = verdict.error().unwrap();
        assert_eq!(error.code, sspr_core::api::ErrorCode::TurnstileUnavailable);
        assert_eq!(error.code.status(), 503);
    }
}

#[test]
fn a_missing_token_is_required_without_a_call() {
    let double = Double::answering(Ok((200, answer("127.0.0.1", "sspr-reset"))));
    for token in [None, Some(""), Some("  ")] {
        assert_eq!(check_with(&double, token), Verdict::Required);
    }
    assert!(double.sent.borrow().is_empty());
    let error = Verdict::Required.error().unwrap();
    assert_eq!(
        (error.code, error.code.status()),
        (sspr_core::api::ErrorCode::TurnstileRequired, 400)
    );
}

#[test]
fn an_overlong_token_is_refused_without_a_call() {
    let double = Double::answering(Ok((200, answer("127.0.0.1", "sspr-reset"))));
    let long = "x".repeat(MAX_TOKEN_CHARS + 1);
    assert!(matches!(
        check_with(&double, Some(&long)),
        Verdict::Refused(_)
    ));
    assert!(double.sent.borrow().is_empty());
}

#[test]
fn the_check_sends_siteverifys_fields_and_decides_on_the_answer() {
    let double = Double::answering(Ok((200, answer("127.0.0.1", "sspr-reset"))));
    assert_eq!(check_with(&double, Some("0.token")), Verdict::Passed);
    let sent = double.sent.borrow();
    assert_eq!(
        sent[0],
        serde_json::json!({
            "secret": SECRET,
            "response": "0.token",
            "remoteip": "203.0.113.7",
            "idempotency_key": "key",
        })
    );
}

#[test]
fn an_unreachable_siteverify_is_unavailable() {
    let double = Double::answering(Err("connection refused".into()));
    assert!(matches!(
        check_with(&double, Some("0.token")),
        Verdict::Unavailable(_)
    ));
}

#[test]
fn idempotency_keys_are_version_4_uuids() {
    let key = crate::random::uuid_v4([0xff; 16]);
    assert_eq!(key, "ffffffff-ffff-4fff-bfff-ffffffffffff");
    assert_eq!(
        crate::random::uuid_v4([0; 16]),
        "00000000-0000-4000-8000-000000000000"
    );
}
