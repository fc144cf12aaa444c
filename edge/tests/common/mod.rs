//! The harness the edge's HTTP test files (`http.rs`, `registration.rs`, `approver.rs`,
//! `turnstile.rs`, `report.rs`) share: the test stack's addresses from the environment `cargo xtask`
//! exports, an agent that hands error statuses back as answers, each test's own days of the
//! edge's test clock, and replies read as JSON. Each file is a test crate of its own and uses
//! part of it.
#![allow(dead_code)]

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use serde_json::Value;

/// How far apart tests live on the edge's test clock: three days, more than a block lasts,
/// so the per-user counters (failed proofs, sends, cooldowns) of one test never reach
/// another.
pub const DAYS_APART_MS: u64 = 3 * 24 * 60 * 60 * 1000;

/// A variable of the running test stack.
pub fn var(name: &str) -> String {
    std::env::var(name)
        .unwrap_or_else(|_| panic!("{name} is not set: run these tests through `cargo xtask test`"))
}

/// The wall clock, in Unix milliseconds.
pub fn wall_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64
}

/// An HTTP client for the stack: a 4xx or 5xx is an answer to look at, not an error.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into()
}

/// A test's days of the edge's test clock.
pub struct Days {
    /// What the test adds to the edge's clock (`X-Sspr-Test-Clock-Offset-Ms`).
    pub offset_ms: u64,
    /// The test's stretch of the edge's clock, for audit queries: from its start (less a
    /// minute of slack) to the next test's first day.
    pub from_ms: u64,
    pub to_ms: u64,
}

impl Days {
    /// The next days of a file's counter. Tests take them in the order they run, so the
    /// edge's clock only moves forward; each file starts its counter far from the others'.
    pub fn take(next: &AtomicU64) -> Days {
        let day = next.fetch_add(1, Ordering::SeqCst);
        let wall = wall_ms();
        Days {
            offset_ms: day * DAYS_APART_MS,
            from_ms: wall - 60_000 + day * DAYS_APART_MS,
            to_ms: wall - 60_000 + (day + 1) * DAYS_APART_MS,
        }
    }
}

/// A reply: its status, and its body as JSON (a JSON string when it is not JSON).
pub struct Answer {
    pub status: u16,
    pub body: Value,
}

impl Answer {
    /// Reads the reply to `what` (`POST <url>`, for the panic when nothing answered).
    pub fn read(sent: Result<ureq::http::Response<ureq::Body>, ureq::Error>, what: &str) -> Self {
        let mut response = sent.unwrap_or_else(|err| panic!("{what}: {err}"));
        let text = response.body_mut().read_to_string().unwrap_or_default();
        Answer {
            status: response.status().as_u16(),
            body: serde_json::from_str(&text).unwrap_or(Value::String(text)),
        }
    }
}

/// The error code of a refusal, or "".
pub fn error_code(answer: &Answer) -> &str {
    answer.body["error"]["code"].as_str().unwrap_or("")
}

/// The methods of a registration view.
pub fn methods(answer: &Answer) -> Vec<String> {
    answer.body["methods"]
        .as_array()
        .unwrap_or_else(|| panic!("a view: {}", answer.body))
        .iter()
        .map(|m| m["method"].as_str().unwrap().to_owned())
        .collect()
}

/// The 6-digit code in a message.
pub fn code_in(text: &str) -> String {
    text.split(|c: char| !c.is_ascii_digit())
        .find(|word| word.len() == 6)
        .expect("the message carries a 6-digit code")
        .to_owned()
}

/// The Pwned Passwords stand-in (`SSPR_PWNED`, `e2e/standins/pwned.mjs`), which every edge of
/// the test stack asks about new passwords.
pub mod pwned {
    use super::{Answer, agent, var};
    use serde_json::{Value, json};

    /// A password the stand-in lists as breached (its `BREACHED`), and that passes the edges'
    /// own rules.
    pub const BREACHED: &str = "Purple-Monkey-Dishwasher-77";

    /// The stand-in answering every range query with `status` (0: dropping the connection)
    /// until this is dropped, a failing test's included.
    pub struct Outage;

    impl Outage {
        pub fn start(status: u16) -> Outage {
            let url = format!("{}/api/outage", var("SSPR_PWNED"));
            let sent = agent()
                .post(&url)
                .send(json!({ "status": status }).to_string());
            assert_eq!(Answer::read(sent, &url).status, 200);
            Outage
        }
    }

    impl Drop for Outage {
        fn drop(&mut self) {
            let url = format!("{}/api/outage", var("SSPR_PWNED"));
            Answer::read(agent().delete(&url).call(), &url);
        }
    }

    /// What the stand-in was asked since the last call: `{prefix, padding}` each.
    pub fn asked() -> Vec<Value> {
        let url = format!("{}/api/asked", var("SSPR_PWNED"));
        let asked = Answer::read(agent().get(&url).call(), &url).body;
        Answer::read(agent().delete(&url).call(), &url);
        asked.as_array().cloned().unwrap_or_default()
    }
}
