//! Integration tests of "this wasn't me" over HTTP, against `wrangler dev` (workerd) with the
//! directory and mailbox stand-ins: the notice after a reset (or a method added) carries a
//! link to the report page with a token in its fragment; the page's `POST /v1/report`
//! reports the change once, which pauses the user's self-service reset, ends what is under
//! way, audits it and alerts every administrator; an administrator ends the pause.
//! `cargo xtask edge report` starts the stack and runs them; each test has a user of its own
//! (nico, otis, pam, ruth in the directory stand-in) and days of the edge's test clock of
//! its own.

mod common;

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use common::{Answer, agent, code_in, error_code, var, wall_ms};
use serde_json::{Value, json};
use sspr_core::ticket::Ticket;

const DAY_MS: u64 = 24 * 60 * 60 * 1000;
/// A report pauses reset for 7 days: each test takes 10 days of the edge's clock, far from
/// the other test files' days (the reset tests from day 3, registration 1200, approver 2100).
const DAYS_APART_MS: u64 = 10 * DAY_MS;
static NEXT_STRETCH: AtomicU64 = AtomicU64::new(400);

struct Stack {
    offset_ms: AtomicU64,
    from_ms: u64,
    to_ms: u64,
    edge: String,
    site: String,
    mailbox: String,
    directory: String,
    ticket_key: Vec<u8>,
    agent: ureq::Agent,
}

/// The stack, with `user`'s seed and mail put back.
fn stack(user: &str) -> Stack {
    let stretch = NEXT_STRETCH.fetch_add(1, Ordering::SeqCst);
    let wall = wall_ms();
    let stack = Stack {
        offset_ms: AtomicU64::new(stretch * DAYS_APART_MS),
        from_ms: wall - 60_000 + stretch * DAYS_APART_MS,
        to_ms: wall - 60_000 + (stretch + 1) * DAYS_APART_MS,
        edge: var("SSPR_EDGE"),
        site: var("SSPR_SITE"),
        mailbox: var("SSPR_MAILBOX"),
        directory: var("SSPR_DIRECTORY"),
        ticket_key: var("SSPR_REGISTRATION_TICKET_KEY").into_bytes(),
        agent: agent(),
    };
    let reset = stack.send(
        "POST",
        &format!("{}/api/reset-fixture", stack.directory),
        &[],
        Some(json!({ "usernames": [user] })),
    );
    assert_eq!(reset.status, 200, "{}", reset.body);
    stack.send(
        "DELETE",
        &format!("{}/api/messages?to={user}@example.com", stack.mailbox),
        &[],
        None,
    );
    stack
}

impl Stack {
    fn now_ms(&self) -> u64 {
        wall_ms() + self.offset_ms.load(Ordering::SeqCst)
    }

    fn advance(&self, ms: u64) {
        self.offset_ms.fetch_add(ms, Ordering::SeqCst);
    }

    fn send(
        &self,
        method: &str,
        url: &str,
        headers: &[(&str, &str)],
        body: Option<Value>,
    ) -> Answer {
        let sent = match method {
            "GET" => {
                let mut request = self.agent.get(url);
                for (name, value) in headers {
                    request = request.header(*name, *value);
                }
                request.call()
            }
            "DELETE" => self.agent.delete(url).call(),
            _ => {
                let mut request = self
                    .agent
                    .post(url)
                    .header("Content-Type", "application/json");
                for (name, value) in headers {
                    request = request.header(*name, *value);
                }
                request.send(body.map(|b| b.to_string()).unwrap_or_default())
            }
        };
        Answer::read(sent, &format!("{method} {url}"))
    }

    /// Posts to the edge as the widget on the demo site would, on this test's clock.
    fn post(&self, path: &str, body: Value) -> Answer {
        let offset = self.offset_ms.load(Ordering::SeqCst).to_string();
        self.send(
            "POST",
            &format!("{}{path}", self.edge),
            &[
                ("X-Sspr-Test-Clock-Offset-Ms", &offset),
                ("Origin", &self.site),
            ],
            Some(body),
        )
    }

    /// Posts raw text (malformed bodies) to the edge.
    fn post_text(&self, path: &str, content_type: &str, body: &str) -> Answer {
        let url = format!("{}{path}", self.edge);
        let sent = self
            .agent
            .post(&url)
            .header("Content-Type", content_type)
            .send(body);
        Answer::read(sent, &format!("POST {url}"))
    }

    /// Posts to an admin route with the run's admin token (or none), on this test's clock.
    fn admin_post(&self, path: &str, body: Value, authorized: bool) -> Answer {
        let offset = self.offset_ms.load(Ordering::SeqCst).to_string();
        let bearer = format!("Bearer {}", var("SSPR_ADMIN_TOKEN"));
        let mut headers = vec![("X-Sspr-Test-Clock-Offset-Ms", offset.as_str())];
        if authorized {
            headers.push(("Authorization", bearer.as_str()));
        }
        self.send(
            "POST",
            &format!("{}{path}", self.edge),
            &headers,
            Some(body),
        )
    }

    fn admin_get(&self, path_and_query: &str) -> Answer {
        let offset = self.offset_ms.load(Ordering::SeqCst).to_string();
        let bearer = format!("Bearer {}", var("SSPR_ADMIN_TOKEN"));
        self.send(
            "GET",
            &format!("{}{path_and_query}", self.edge),
            &[
                ("X-Sspr-Test-Clock-Offset-Ms", &offset),
                ("Authorization", &bearer),
            ],
            None,
        )
    }

    /// Waits (bounded) for the `nth` email to `address` whose subject contains `subject`.
    fn email(&self, address: &str, subject: &str, nth: usize) -> Value {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let all = self.send("GET", &format!("{}/api/messages", self.mailbox), &[], None);
            let mine: Vec<Value> = all
                .body
                .as_array()
                .unwrap_or_else(|| panic!("the mailbox answered {}", all.body))
                .iter()
                .filter(|m| m["to"][0] == address)
                .filter(|m| m["subject"].as_str().unwrap_or("").contains(subject))
                .cloned()
                .collect();
            if let Some(message) = mine.get(nth) {
                return message.clone();
            }
            assert!(
                Instant::now() < deadline,
                "no email {subject:?} reached {address}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The code of the `nth` reset-code email to `address`.
    fn code(&self, address: &str, nth: usize) -> String {
        let email = self.email(address, "password reset code", nth);
        code_in(email["text"].as_str().unwrap())
    }

    /// Resets `user`'s password to `password` with the code emailed to them (the `nth`).
    fn reset(&self, user: &str, nth: usize, password: &str) {
        let start = self.post("/v1/reset/start", json!({ "username": user }));
        assert_eq!(start.body["step"]["kind"], "verify_code", "{}", start.body);
        let flow = start.body["flow"].as_str().unwrap().to_owned();
        let code = self.code(&format!("{user}@example.com"), nth);
        let verified = self.post("/v1/reset/verify", json!({ "flow": flow, "code": code }));
        assert_eq!(
            verified.body["step"]["kind"], "new_password",
            "{}",
            verified.body
        );
        let done = self.post(
            "/v1/reset/password",
            json!({ "flow": flow, "password": password }),
        );
        assert_eq!(done.body["step"]["kind"], "done", "{}", done.body);
    }

    /// The token of the "this wasn't me" link in `email`, checking that the link is the
    /// configured report page with the token in its fragment, in the text and the HTML.
    fn report_token(&self, email: &Value) -> String {
        let page = format!("{}/examples/report.html#report=", self.site);
        let text = email["text"].as_str().unwrap();
        let at = text
            .find(&page)
            .unwrap_or_else(|| panic!("no link to {page} in {text}"));
        let token: String = text[at + page.len()..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        assert!(token.len() >= 22, "a 128-bit token at least: {token}");
        let link = format!("{page}{token}");
        assert!(
            email["html"]
                .as_str()
                .unwrap()
                .contains(&format!("<a href=\"{link}\">")),
            "{}",
            email["html"]
        );
        token
    }

    /// Waits (bounded) until the audit log holds events of `user_id` satisfying `done`.
    fn audit_until(&self, user_id: &str, done: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let answer = self.admin_get(&format!(
                "/v1/admin/audit?from={}&to={}&user={user_id}",
                self.from_ms, self.to_ms
            ));
            assert_eq!(answer.status, 200, "{}", answer.body);
            let events = answer.body["events"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            if done(&events) {
                return events;
            }
            assert!(
                Instant::now() < deadline,
                "the audit log never satisfied the test: {events:#?}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// A registration request of `username`, signed in now.
    fn register(&self, username: &str, path: &str, body: Option<Value>) -> Answer {
        let iat = self.now_ms() / 1000;
        let ticket = Ticket::mint(&self.ticket_key, username, iat, 15 * 60);
        let offset = self.offset_ms.load(Ordering::SeqCst).to_string();
        let bearer = format!("Bearer {ticket}");
        let headers = [
            ("X-Sspr-Test-Clock-Offset-Ms", offset.as_str()),
            ("Authorization", bearer.as_str()),
        ];
        match body {
            None => self.send("GET", &format!("{}{path}", self.edge), &headers, None),
            Some(body) => self.send(
                "POST",
                &format!("{}{path}", self.edge),
                &headers,
                Some(body),
            ),
        }
    }
}

fn has(events: &[Value], event: &str, outcome: &str) -> bool {
    events
        .iter()
        .any(|e| e["event"] == event && e["outcome"] == outcome)
}

#[test]
#[ignore = "needs the running stack: cargo xtask test"]
fn a_reset_notice_links_to_a_report_that_pauses_resets_and_alerts_the_administrators() {
    let stack = stack("nico");
    stack.reset("nico", 0, "a brand new passphrase");
    let changed_at = stack.now_ms();
    let notice = stack.email("nico@example.com", "Your Contoso password was changed", 0);
    let token = stack.report_token(&notice);

    // The page shows what changed; that changes nothing.
    let preview = stack.post("/v1/report/preview", json!({ "token": token }));
    assert_eq!(preview.status, 200, "{}", preview.body);
    assert_eq!(preview.body["status"], "open");
    assert_eq!(preview.body["change"]["kind"], "password_changed");
    let at = preview.body["change"]["at"].as_u64().unwrap();
    assert!(at <= changed_at && changed_at - at < 60_000, "{at}");
    assert!(preview.body.get("held_until").is_none(), "{}", preview.body);

    // The user confirms: reset pauses for the policy's 7 days, and where to get help is said.
    let reported = stack.post("/v1/report", json!({ "token": token }));
    assert_eq!(reported.status, 200, "{}", reported.body);
    assert_eq!(reported.body["status"], "reported");
    let reported_at = reported.body["reported_at"].as_u64().unwrap();
    let held_until = reported.body["held_until"].as_u64().unwrap();
    assert_eq!(held_until, reported_at + 7 * DAY_MS);
    assert_eq!(reported.body["helpdesk"], "https://help.contoso.example");
    assert!(reported.body.get("method_removed").is_none());

    // The same link again: said clearly, nothing more done.
    let again = stack.post("/v1/report", json!({ "token": token }));
    assert_eq!(again.status, 200, "{}", again.body);
    assert_eq!(again.body["status"], "already_reported");
    assert_eq!(again.body["reported_at"].as_u64(), Some(reported_at));
    assert_eq!(again.body["held_until"].as_u64(), Some(held_until));

    // A reset started now looks like any other until the code is proved, then is refused.
    let start = stack.post("/v1/reset/start", json!({ "username": "nico" }));
    assert_eq!(start.status, 200, "{}", start.body);
    assert_eq!(start.body["step"]["kind"], "verify_code");
    let flow = start.body["flow"].as_str().unwrap().to_owned();
    let code = stack.code("nico@example.com", 1);
    let refused = stack.post("/v1/reset/verify", json!({ "flow": flow, "code": code }));
    assert_eq!(refused.status, 403, "{}", refused.body);
    assert_eq!(error_code(&refused), "reported_compromise");
    assert_eq!(refused.body["error"]["retry_at"].as_u64(), Some(held_until));
    assert_eq!(refused.body["step"]["kind"], "reported");
    assert_eq!(refused.body["step"]["until"].as_u64(), Some(held_until));
    assert_eq!(
        refused.body["step"]["helpdesk"],
        "https://help.contoso.example"
    );
    assert!(refused.body.get("flow").is_none(), "{}", refused.body);
    // Polling the flow, or trying to go on, hears the same.
    let status = stack.post("/v1/reset/status", json!({ "flow": flow }));
    assert_eq!(
        error_code(&status),
        "reported_compromise",
        "{}",
        status.body
    );
    let password = stack.post(
        "/v1/reset/password",
        json!({ "flow": flow, "password": "the attacker's choice" }),
    );
    assert_eq!(error_code(&password), "reported_compromise");
    // An unlock too (past the 30 s resend cooldown).
    stack.advance(31_000);
    let unlock = stack.post("/v1/unlock/start", json!({ "username": "nico" }));
    let flow = unlock.body["flow"].as_str().unwrap().to_owned();
    let code = stack.code("nico@example.com", 2);
    let refused = stack.post("/v1/reset/verify", json!({ "flow": flow, "code": code }));
    assert_eq!(
        error_code(&refused),
        "reported_compromise",
        "{}",
        refused.body
    );

    // Audited, with which change and until when; the refused proof shows as such.
    let events = stack.audit_until("u-600", |events| {
        has(events, "reported_not_me", "reported") && has(events, "blocked", "reported_compromise")
    });
    let report = events
        .iter()
        .find(|e| e["event"] == "reported_not_me")
        .unwrap();
    assert_eq!(report["detail"]["change"], "password_changed");
    assert_eq!(report["detail"]["change_at"].as_u64(), Some(at));
    assert_eq!(report["detail"]["held_until"].as_u64(), Some(held_until));
    assert!(!report.to_string().contains(&token), "no token in the log");
    assert_eq!(
        events
            .iter()
            .filter(|e| e["event"] == "reported_not_me")
            .count(),
        1,
        "reported once"
    );

    // Every administrator is told, in their language: omar reads French.
    let alert = stack.email("dana@example.com", "Nico Vogel reported a change", 0);
    let text = alert["text"].as_str().unwrap();
    for part in ["u-600", "password changed", " UTC"] {
        assert!(text.contains(part), "{part}: {text}");
    }
    assert!(!text.contains(&token));
    for admin in [
        "dana2@example.com",
        "dana3@example.com",
        "dana4@example.com",
    ] {
        stack.email(admin, "Nico Vogel reported a change", 0);
    }
    let french = stack.email(
        "omar@example.com",
        "Nico Vogel a signalé une modification",
        0,
    );
    assert!(
        french["text"]
            .as_str()
            .unwrap()
            .contains("mot de passe modifié"),
        "{}",
        french["text"]
    );

    // The activity report counts it.
    let activity = stack.admin_get(&format!(
        "/v1/admin/reports/activity?from={}&to={}",
        stack.from_ms, stack.to_ms
    ));
    let counts = activity.body["counts"].as_array().unwrap();
    assert!(
        counts
            .iter()
            .any(|c| c["event"] == "reported_not_me" && c["count"].as_u64() >= Some(1)),
        "{counts:#?}"
    );
}

#[test]
#[ignore = "needs the running stack: cargo xtask test"]
fn a_report_ends_the_reset_under_way_and_an_administrator_ends_the_pause() {
    let stack = stack("otis");
    stack.reset("otis", 0, "a brand new passphrase");
    let notice = stack.email("otis@example.com", "Your Contoso password was changed", 0);
    let token = stack.report_token(&notice);
    // Someone starts another reset and receives its code...
    let start = stack.post("/v1/reset/start", json!({ "username": "otis" }));
    let flow = start.body["flow"].as_str().unwrap().to_owned();
    let code = stack.code("otis@example.com", 1);
    // ...the user reports: that reset is over.
    let reported = stack.post("/v1/report", json!({ "token": token }));
    assert_eq!(reported.body["status"], "reported", "{}", reported.body);
    let gone = stack.post("/v1/reset/verify", json!({ "flow": flow, "code": code }));
    assert_eq!(gone.status, 410, "{}", gone.body);
    assert_eq!(error_code(&gone), "flow_expired");
    let events = stack.audit_until("u-601", |events| has(events, "reported_not_me", "reported"));
    let report = events
        .iter()
        .find(|e| e["event"] == "reported_not_me")
        .unwrap();
    let started = events
        .iter()
        .rfind(|e| e["event"] == "reset_started")
        .unwrap();
    assert_eq!(
        report["flow_id"], started["flow_id"],
        "names the flow it ended"
    );

    // Only administrators end the pause.
    let refused = stack.admin_post(
        "/v1/admin/holds/clear",
        json!({ "user_id": "u-601" }),
        false,
    );
    assert_eq!(refused.status, 401, "{}", refused.body);
    let bad = stack.admin_post("/v1/admin/holds/clear", json!({ "user_id": " " }), true);
    assert_eq!(bad.status, 400, "{}", bad.body);
    assert_eq!(error_code(&bad), "bad_request");
    let cleared = stack.admin_post("/v1/admin/holds/clear", json!({ "user_id": "u-601" }), true);
    assert_eq!(cleared.status, 200, "{}", cleared.body);
    assert_eq!(cleared.body["cleared"], true);
    assert_eq!(cleared.body["held_until"], reported.body["held_until"]);
    let again = stack.admin_post("/v1/admin/holds/clear", json!({ "user_id": "u-601" }), true);
    assert_eq!(again.body["cleared"], false, "{}", again.body);
    stack.audit_until("u-601", |events| {
        has(events, "hold_cleared", "ok") && has(events, "hold_cleared", "not_held")
    });

    // Self-service reset works again (past the resend cooldown), and the used link does not
    // pause it again.
    stack.advance(31_000);
    stack.reset("otis", 2, "another brand new passphrase");
    let used = stack.post("/v1/report", json!({ "token": token }));
    assert_eq!(used.body["status"], "already_reported", "{}", used.body);
    assert!(used.body.get("held_until").is_none(), "{}", used.body);
}

#[test]
#[ignore = "needs the running stack: cargo xtask test"]
fn report_links_expire_and_bad_tokens_and_bodies_are_refused() {
    let stack = stack("pam");
    for (body, code, status) in [
        (json!({ "token": "not-a-token" }), "report_invalid", 410),
        (json!({ "token": "" }), "report_invalid", 410),
        (json!({ "token": "A".repeat(500) }), "report_invalid", 410),
        (
            json!({ "token": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" }),
            "report_invalid",
            410,
        ),
        (json!({ "token": 5 }), "bad_request", 400),
        (json!({ "token": "x", "user": "u-602" }), "bad_request", 400),
        (json!({}), "bad_request", 400),
    ] {
        for path in ["/v1/report", "/v1/report/preview"] {
            let answer = stack.post(path, body.clone());
            assert_eq!(answer.status, status, "{path} {body}: {}", answer.body);
            assert_eq!(error_code(&answer), code, "{path} {body}");
        }
    }
    let not_json = stack.post_text("/v1/report", "application/json", "{token:");
    assert_eq!(
        (not_json.status, error_code(&not_json)),
        (400, "bad_request")
    );
    let text = stack.post_text("/v1/report", "text/plain", "{\"token\":\"x\"}");
    assert_eq!(text.status, 415, "{}", text.body);
    let large = format!("{{\"token\":\"{}\"}}", "A".repeat(5000));
    let large = stack.post_text("/v1/report", "application/json", &large);
    assert_eq!(large.status, 413, "{}", large.body);
    // Never acted on by a GET (a mail scanner fetching the link reaches the page, not this).
    let get = stack.send("GET", &format!("{}/v1/report", stack.edge), &[], None);
    assert_eq!(get.status, 405, "{}", get.body);

    // A real link works for 7 days, then is refused; nothing was paused meanwhile.
    stack.reset("pam", 0, "a brand new passphrase");
    let notice = stack.email("pam@example.com", "Your Contoso password was changed", 0);
    let token = stack.report_token(&notice);
    stack.advance(7 * DAY_MS - 60_000);
    let preview = stack.post("/v1/report/preview", json!({ "token": token }));
    assert_eq!(preview.body["status"], "open", "{}", preview.body);
    stack.advance(60_000);
    let late = stack.post("/v1/report", json!({ "token": token }));
    assert_eq!(late.status, 410, "{}", late.body);
    assert_eq!(error_code(&late), "report_invalid");
    assert!(
        late.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("7 days")
    );
    stack.reset("pam", 1, "another brand new passphrase");
}

#[test]
#[ignore = "needs the running stack: cargo xtask test"]
fn a_reported_method_is_taken_away_and_methods_cannot_change_while_paused() {
    let stack = stack("ruth");
    let own = "ruth.private@example.com";
    stack.send(
        "DELETE",
        &format!("{}/api/messages?to={own}", stack.mailbox),
        &[],
        None,
    );
    // Someone signed in as ruth adds an address of their own.
    let pending = stack.register(
        "ruth",
        "/v1/register/email",
        Some(json!({ "address": own })),
    );
    assert_eq!(pending.status, 200, "{}", pending.body);
    let code_email = stack.email(own, "Verify your email address", 0);
    let code: String = code_email["text"]
        .as_str()
        .unwrap()
        .split(|c: char| !c.is_ascii_digit())
        .find(|word| word.len() == 6)
        .unwrap()
        .to_owned();
    let added = stack.register("ruth", "/v1/register/verify", Some(json!({ "code": code })));
    assert_eq!(added.status, 200, "{}", added.body);
    // The notice goes to where a reset's notices go now: the registered address.
    let notice = stack.email(own, "A password reset method was added", 0);
    let token = stack.report_token(&notice);

    let preview = stack.post("/v1/report/preview", json!({ "token": token }));
    assert_eq!(
        preview.body["change"]["kind"], "method_added",
        "{}",
        preview.body
    );
    assert_eq!(preview.body["change"]["method"], "email_code");
    let reported = stack.post("/v1/report", json!({ "token": token }));
    assert_eq!(reported.body["status"], "reported", "{}", reported.body);
    assert_eq!(reported.body["method_removed"], "email_code");

    // The address is gone: the directory's own is back in its place.
    let view = stack.register("ruth", "/v1/register", None);
    assert_eq!(
        view.body["from_directory"],
        json!(["email_code"]),
        "{}",
        view.body
    );
    assert_eq!(view.body["methods"][0]["destination"], "r•••@e•••.com");
    // Nobody adds or removes a method while the pause lasts.
    let again = stack.register(
        "ruth",
        "/v1/register/email",
        Some(json!({ "address": own })),
    );
    assert_eq!(again.status, 403, "{}", again.body);
    assert_eq!(error_code(&again), "reported_compromise");
    let events = stack.audit_until("u-603", |events| {
        has(events, "reported_not_me", "reported")
            && has(events, "method_removed", "reported_not_me")
    });
    let report = events
        .iter()
        .find(|e| e["event"] == "reported_not_me")
        .unwrap();
    assert_eq!(report["method"], "email_code");
    assert_eq!(report["detail"]["change"], "method_added");
    stack.email("dana@example.com", "Ruth Vogel reported a change", 0);
    let alert = stack.email("dana2@example.com", "Ruth Vogel reported a change", 0);
    assert!(
        alert["text"].as_str().unwrap().contains("was removed"),
        "{}",
        alert["text"]
    );
}
