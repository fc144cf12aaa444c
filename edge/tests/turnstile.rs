//! Turnstile at reset and unlock start, over HTTP against `wrangler dev`: the test stack's
//! Turnstile edge (`SSPR_EDGE_TURNSTILE`, webhook backend, `TURNSTILE_SECRET` set) verifies
//! tokens with the stand-in (`SSPR_TURNSTILE`, e2e/standins/turnstile.mjs), which issues them
//! as its client script would. `cargo xtask test` (or `cargo xtask edge turnstile`: every
//! test here has "turnstile" in its name) starts the stack and runs these with `--ignored`.

mod common;

use std::sync::atomic::AtomicU64;
use std::time::{Duration, Instant};

use common::{Answer, Days, agent, error_code, var};
use serde_json::{Value, json};

/// Each test on its own days of the edge's test clock, far from the other files' days.
static NEXT_DAY: AtomicU64 = AtomicU64::new(800);

/// A real user of the directory stand-in whose codes no other test reads, and a username
/// the directory does not know (the decoy flow).
const REAL: &str = "tia";
const DECOY: &str = "nobody-turnstile";

struct Stack {
    offset_ms: u64,
    /// This test's stretch of the edge's clock, for audit queries.
    from_ms: u64,
    to_ms: u64,
    edge: String,
    main_edge: String,
    turnstile: String,
    sitekey: String,
    agent: ureq::Agent,
}

fn stack() -> Stack {
    let days = Days::take(&NEXT_DAY);
    Stack {
        offset_ms: days.offset_ms,
        from_ms: days.from_ms,
        to_ms: days.to_ms,
        edge: var("SSPR_EDGE_TURNSTILE"),
        main_edge: var("SSPR_EDGE"),
        turnstile: var("SSPR_TURNSTILE"),
        sitekey: var("SSPR_TURNSTILE_SITEKEY"),
        agent: agent(),
    }
}

impl Stack {
    fn post(&self, url: &str, body: &Value) -> Answer {
        let sent = self
            .agent
            .post(url)
            .header("Content-Type", "application/json")
            .header("X-Sspr-Test-Clock-Offset-Ms", &self.offset_ms.to_string())
            .send(body.to_string());
        Answer::read(sent, &format!("POST {url}"))
    }

    /// A token from the stand-in, as its client script gets one for a page on `hostname`
    /// rendering the widget with `action`.
    fn token_for(&self, hostname: &str, action: &str) -> String {
        let answer = self.post(
            &format!("{}/turnstile/v0/standin/issue", self.turnstile),
            &json!({ "sitekey": self.sitekey, "hostname": hostname, "action": action }),
        );
        assert_eq!(answer.status, 200, "{}", answer.body);
        answer.body["token"].as_str().unwrap().to_owned()
    }

    /// A token solved on the test site (127.0.0.1, which ALLOWED_ORIGINS holds) for a reset.
    fn token(&self) -> String {
        self.token_for("127.0.0.1", "sspr-reset")
    }

    fn start(&self, path: &str, username: &str, token: Option<&str>) -> Answer {
        let mut body = json!({ "username": username });
        if let Some(token) = token {
            body["turnstile"] = json!(token);
        }
        self.post(&format!("{}{path}", self.edge), &body)
    }

    /// Waits (bounded) until the Turnstile edge's audit log, within this test's days, holds
    /// `event` events satisfying `done`; events are written after the reply.
    fn audit_until(&self, event: &str, done: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let token = var("SSPR_ADMIN_TOKEN");
        let url = format!(
            "{}/v1/admin/audit?from={}&to={}&event={event}",
            self.edge, self.from_ms, self.to_ms
        );
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let sent = self
                .agent
                .get(&url)
                .header("Authorization", &format!("Bearer {token}"))
                .header("X-Sspr-Test-Clock-Offset-Ms", &self.offset_ms.to_string())
                .call();
            let Answer { status, body } = Answer::read(sent, &format!("GET {url}"));
            assert_eq!(status, 200, "{body}");
            let events = body["events"].as_array().cloned().unwrap_or_default();
            if done(&events) {
                return events;
            }
            assert!(
                Instant::now() < deadline,
                "the audit log never satisfied the test: {body:#}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn knob(&self, name: &str, body: Value) {
        let answer = self.post(
            &format!("{}/turnstile/v0/standin/{name}", self.turnstile),
            &body,
        );
        assert_eq!(answer.status, 200, "{}", answer.body);
    }
}

/// What a client can see of a refusal: the status and the body (no flow is ever handed out).
fn refusal(answer: &Answer) -> (u16, Value) {
    (answer.status, answer.body.clone())
}

#[test]
#[ignore = "needs the running stack: cargo xtask test"]
fn a_start_without_a_turnstile_token_is_refused_alike_for_real_and_unknown_users() {
    let stack = stack();
    let real = stack.start("/v1/reset/start", REAL, None);
    assert_eq!(
        (real.status, error_code(&real)),
        (400, "turnstile_required")
    );
    assert!(real.body.get("flow").is_none(), "{}", real.body);
    let decoy = stack.start("/v1/reset/start", DECOY, None);
    assert_eq!(refusal(&real), refusal(&decoy));
    let empty = stack.start("/v1/reset/start", REAL, Some(""));
    assert_eq!(refusal(&empty), refusal(&real));
}

#[test]
#[ignore = "needs the running stack: cargo xtask test"]
fn a_good_turnstile_token_starts_the_flow_once_and_a_reused_one_is_refused() {
    let stack = stack();
    let token = stack.token();
    let started = stack.start("/v1/reset/start", REAL, Some(&token));
    assert_eq!(started.status, 200, "{}", started.body);
    assert!(started.body["flow"].is_string());
    let kind = started.body["step"]["kind"].as_str().unwrap();
    assert!(["verify_code", "choose_method"].contains(&kind), "{kind}");

    let again = stack.start("/v1/reset/start", REAL, Some(&token));
    assert_eq!(
        (again.status, error_code(&again)),
        (403, "turnstile_failed")
    );
    let decoy_again = stack.start("/v1/reset/start", DECOY, Some(&token));
    assert_eq!(refusal(&again), refusal(&decoy_again));
}

#[test]
#[ignore = "needs the running stack: cargo xtask test"]
fn a_good_turnstile_token_starts_the_decoy_flow_just_like_a_real_one() {
    let stack = stack();
    let real = stack.start("/v1/reset/start", REAL, Some(&stack.token()));
    let decoy = stack.start("/v1/reset/start", DECOY, Some(&stack.token()));
    assert_eq!(real.status, 200, "{}", real.body);
    assert_eq!(decoy.status, 200, "{}", decoy.body);
    assert_eq!(real.body["step"]["kind"], decoy.body["step"]["kind"]);
    assert!(decoy.body["flow"].is_string());
}

#[test]
#[ignore = "needs the running stack: cargo xtask test"]
fn an_invalid_turnstile_token_is_refused() {
    let stack = stack();
    for token in ["XXXX.STANDIN.ALWAYS-FAILS.XXXX", "0.made-up-token"] {
        let answer = stack.start("/v1/reset/start", REAL, Some(token));
        assert_eq!(
            (answer.status, error_code(&answer)),
            (403, "turnstile_failed"),
            "{token}"
        );
    }
}

#[test]
#[ignore = "needs the running stack: cargo xtask test"]
fn an_expired_turnstile_token_is_refused() {
    let stack = stack();
    let token = stack.token();
    stack.knob("expire", json!({ "token": token }));
    let answer = stack.start("/v1/reset/start", REAL, Some(&token));
    assert_eq!(
        (answer.status, error_code(&answer)),
        (403, "turnstile_failed")
    );
}

#[test]
#[ignore = "needs the running stack: cargo xtask test"]
fn a_turnstile_token_solved_on_another_site_or_for_another_flow_is_refused() {
    let stack = stack();
    let elsewhere = stack.token_for("phish.example.net", "sspr-reset");
    let answer = stack.start("/v1/reset/start", REAL, Some(&elsewhere));
    assert_eq!(
        (answer.status, error_code(&answer)),
        (403, "turnstile_failed")
    );

    let for_unlock = stack.token_for("127.0.0.1", "sspr-unlock");
    let answer = stack.start("/v1/reset/start", REAL, Some(&for_unlock));
    assert_eq!(
        (answer.status, error_code(&answer)),
        (403, "turnstile_failed")
    );
}

#[test]
#[ignore = "needs the running stack: cargo xtask test"]
fn unlock_start_needs_a_turnstile_token_for_an_unlock() {
    let stack = stack();
    let missing = stack.start("/v1/unlock/start", REAL, None);
    assert_eq!(
        (missing.status, error_code(&missing)),
        (400, "turnstile_required")
    );
    let token = stack.token_for("127.0.0.1", "sspr-unlock");
    let started = stack.start("/v1/unlock/start", REAL, Some(&token));
    assert_eq!(started.status, 200, "{}", started.body);
    assert!(started.body["flow"].is_string());
}

#[test]
#[ignore = "needs the running stack: cargo xtask test"]
fn when_turnstiles_siteverify_fails_nothing_starts_and_the_error_is_retryable() {
    let stack = stack();
    let token = stack.token();
    stack.knob("fail", json!({ "token": token, "status": 503 }));
    let real = stack.start("/v1/reset/start", REAL, Some(&token));
    assert_eq!(
        (real.status, error_code(&real)),
        (503, "turnstile_unavailable")
    );
    assert!(real.body.get("flow").is_none(), "{}", real.body);

    let token = stack.token();
    stack.knob("fail", json!({ "token": token, "status": 500 }));
    let decoy = stack.start("/v1/reset/start", DECOY, Some(&token));
    assert_eq!(refusal(&real), refusal(&decoy));
}

#[test]
#[ignore = "needs the running stack: cargo xtask test"]
fn a_refused_turnstile_check_is_audited_with_the_flow_kind_and_outcome_but_no_token() {
    let stack = stack();
    let missing = stack.start("/v1/reset/start", REAL, None);
    assert_eq!(error_code(&missing), "turnstile_required");
    let token = format!("0.made-up-token-{}", stack.offset_ms);
    let refused = stack.start("/v1/unlock/start", DECOY, Some(&token));
    assert_eq!(error_code(&refused), "turnstile_failed");
    let passed = stack.start("/v1/reset/start", REAL, Some(&stack.token()));
    assert_eq!(passed.status, 200, "{}", passed.body);

    let events = stack.audit_until("turnstile_refused", |events| events.len() >= 2);
    let seen: Vec<(&str, &str)> = events
        .iter()
        .map(|e| {
            (
                e["detail"]["flow_kind"].as_str().unwrap_or(""),
                e["outcome"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("reset", "turnstile_required"),
            ("unlock", "turnstile_failed")
        ],
        "{events:#?}"
    );
    for event in &events {
        assert_eq!(event["user_id"], Value::Null, "{event}");
        assert_eq!(event["flow_id"], Value::Null, "{event}");
        assert!(!event.to_string().contains(&token), "{event}");
    }
    // The start that passed is an ordinary start; the refused ones started nothing.
    let started = stack.audit_until("reset_started", |events| !events.is_empty());
    assert_eq!(started.len(), 1, "{started:#?}");
    assert_eq!(started[0]["outcome"], "ok");
    assert_eq!(
        stack.audit_until("unlock_started", |_| true),
        Vec::<Value>::new()
    );
}

#[test]
#[ignore = "needs the running stack: cargo xtask test"]
fn an_edge_without_turnstile_ignores_the_field() {
    let stack = stack();
    let answer = stack.post(
        &format!("{}/v1/reset/start", stack.main_edge),
        &json!({ "username": "nobody-turnstile-a", "turnstile": "anything" }),
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
    let without = stack.post(
        &format!("{}/v1/reset/start", stack.main_edge),
        &json!({ "username": "nobody-turnstile-b" }),
    );
    assert_eq!(without.status, 200, "{}", without.body);
}
