//! Integration tests of registration over HTTP, against `wrangler dev` (workerd) with the
//! directory, mailbox and SMS stand-ins. `cargo xtask test` (or `cargo xtask edge`) starts
//! that stack and runs these with `--ignored`; the URLs and the run's ticket key come from its
//! environment. Each test has a user of its own (rita, sam, tess, … in the directory
//! stand-in), so what one registers never reaches another, nor the reset tests.

mod common;

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use common::{Answer, Days, agent, code_in, error_code, methods, var, wall_ms};
use serde_json::{Value, json};
use sspr_core::methods::totp::TotpCredential;
use sspr_core::ticket::Ticket;

/// Each test lives on its own days of the edge's test clock, far from the reset tests' days.
static NEXT_DAY: AtomicU64 = AtomicU64::new(400);

struct Stack {
    offset_ms: AtomicU64,
    from_ms: u64,
    to_ms: u64,
    edge: String,
    mailbox: String,
    sms: String,
    ticket_key: Vec<u8>,
    agent: ureq::Agent,
}

fn stack() -> Stack {
    stack_on("SSPR_EDGE")
}

/// The stack with the edge `edge_var` names: `SSPR_EDGE`, or `SSPR_EDGE_QUESTIONS` (two
/// methods required, security questions allowed).
fn stack_on(edge_var: &str) -> Stack {
    let days = Days::take(&NEXT_DAY);
    Stack {
        offset_ms: AtomicU64::new(days.offset_ms),
        from_ms: days.from_ms,
        to_ms: days.to_ms,
        edge: var(edge_var),
        mailbox: var("SSPR_MAILBOX"),
        sms: var("SSPR_SMS"),
        ticket_key: var("SSPR_REGISTRATION_TICKET_KEY").into_bytes(),
        agent: agent(),
    }
}

impl Stack {
    /// The edge's clock for this test, now.
    fn now_ms(&self) -> u64 {
        wall_ms() + self.offset_ms.load(Ordering::SeqCst)
    }

    fn advance(&self, ms: u64) {
        self.offset_ms.fetch_add(ms, Ordering::SeqCst);
    }

    /// A ticket for `username`, issued `age_ms` ago on the edge's clock, valid 15 minutes.
    fn ticket(&self, username: &str, age_ms: u64) -> String {
        let iat = (self.now_ms() - age_ms) / 1000;
        Ticket::mint(&self.ticket_key, username, iat, 15 * 60)
    }

    fn request(
        &self,
        method: &str,
        path: &str,
        authorization: Option<&str>,
        body: Option<&str>,
    ) -> Answer {
        let url = format!("{}{path}", self.edge);
        let offset = self.offset_ms.load(Ordering::SeqCst).to_string();
        let sent = if method == "GET" {
            let mut request = self
                .agent
                .get(&url)
                .header("X-Sspr-Test-Clock-Offset-Ms", &offset);
            if let Some(value) = authorization {
                request = request.header("Authorization", value);
            }
            request.call()
        } else {
            let mut request = self
                .agent
                .post(&url)
                .header("X-Sspr-Test-Clock-Offset-Ms", &offset)
                .header("Content-Type", "application/json");
            if let Some(value) = authorization {
                request = request.header("Authorization", value);
            }
            request.send(body.unwrap_or("{}"))
        };
        Answer::read(sent, &format!("{method} {url}"))
    }

    /// A reset route, as the widget calls it (no credential).
    fn reset(&self, path: &str, body: Value) -> Answer {
        self.request("POST", path, None, Some(&body.to_string()))
    }

    fn view(&self, username: &str) -> Answer {
        let ticket = self.ticket(username, 0);
        self.request(
            "GET",
            "/v1/register",
            Some(&format!("Bearer {ticket}")),
            None,
        )
    }

    fn post(&self, username: &str, path: &str, body: Value) -> Answer {
        self.post_signed_in(username, 0, path, body)
    }

    /// Posts with a ticket issued `age_ms` ago.
    fn post_signed_in(&self, username: &str, age_ms: u64, path: &str, body: Value) -> Answer {
        let ticket = self.ticket(username, age_ms);
        self.request(
            "POST",
            path,
            Some(&format!("Bearer {ticket}")),
            Some(&body.to_string()),
        )
    }

    fn get_json(&self, url: &str) -> Value {
        let mut response = self
            .agent
            .get(url)
            .call()
            .unwrap_or_else(|err| panic!("GET {url}: {err}"));
        serde_json::from_str(&response.body_mut().read_to_string().unwrap()).unwrap()
    }

    /// Waits (bounded) for the `nth` email to `address` and returns it.
    fn email_to(&self, address: &str, nth: usize) -> Value {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let messages = self.get_json(&format!("{}/api/messages", self.mailbox));
            let mine: Vec<Value> = messages
                .as_array()
                .unwrap()
                .iter()
                .filter(|m| m["to"][0] == address)
                .cloned()
                .collect();
            if let Some(message) = mine.get(nth) {
                return message.clone();
            }
            assert!(Instant::now() < deadline, "no email reached {address}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits (bounded) for the `nth` text message to `number` and returns its body.
    fn sms_to(&self, number: &str, nth: usize) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let messages = self.get_json(&format!("{}/api/messages", self.sms));
            let mine: Vec<Value> = messages
                .as_array()
                .unwrap()
                .iter()
                .filter(|m| m["to"] == number)
                .cloned()
                .collect();
            if let Some(message) = mine.get(nth) {
                return message["body"].as_str().unwrap().to_owned();
            }
            assert!(
                Instant::now() < deadline,
                "no text message reached {number}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits (bounded) until the audit log holds events of `user_id` satisfying `done`.
    fn audit_until(&self, user_id: &str, done: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let token = var("SSPR_ADMIN_TOKEN");
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let url = format!(
                "{}/v1/admin/audit?from={}&to={}&user={user_id}",
                self.edge, self.from_ms, self.to_ms
            );
            let mut response = self
                .agent
                .get(&url)
                .header("Authorization", &format!("Bearer {token}"))
                .header(
                    "X-Sspr-Test-Clock-Offset-Ms",
                    &self.offset_ms.load(Ordering::SeqCst).to_string(),
                )
                .call()
                .unwrap();
            let body: Value =
                serde_json::from_str(&response.body_mut().read_to_string().unwrap()).unwrap();
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
}

/// The credential an authenticator app would hold, from the secret the edge showed.
fn authenticator_from(secret_text: &str) -> TotpCredential {
    let bytes = base32_decode(&secret_text.replace(' ', ""));
    TotpCredential::enrol(&mut |buf: &mut [u8]| buf.copy_from_slice(&bytes))
}

fn base32_decode(text: &str) -> Vec<u8> {
    const ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut bits = 0u64;
    let mut count = 0;
    let mut out = Vec::new();
    for c in text.trim_end_matches('=').chars() {
        let value = ALPHABET.find(c).expect("base32") as u64;
        bits = (bits << 5) | value;
        count += 5;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
            bits &= (1 << count) - 1;
        }
    }
    out
}

#[test]
#[ignore = "needs the running stack: cargo xtask test"]
fn missing_malformed_forged_and_expired_credentials_get_the_same_401() {
    let stack = stack();
    let forged = Ticket::mint(
        b"not the edge's key, but long enough",
        "rita",
        stack.now_ms() / 1000,
        300,
    );
    let expired = Ticket::mint(
        &stack.ticket_key,
        "rita",
        (stack.now_ms() - 20 * 60_000) / 1000,
        300,
    );
    let unknown_user = stack.ticket("nobody-at-all", 0);
    let answers: Vec<Answer> = [
        None,
        Some("Bearer".to_owned()),
        Some("Basic cml0YTpwdw==".to_owned()),
        Some("Bearer sspr1.garbage.garbage".to_owned()),
        Some(format!("Bearer {forged}")),
        Some(format!("Bearer {expired}")),
        Some(format!("Bearer {unknown_user}")),
        Some("Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyaXRhIn0.c2ln".to_owned()),
    ]
    .iter()
    .map(|header| stack.request("GET", "/v1/register", header.as_deref(), None))
    .collect();
    for answer in &answers {
        assert_eq!(answer.status, 401, "{}", answer.body);
        assert_eq!(answer.body, answers[0].body);
    }
    assert_eq!(error_code(&answers[0]), "unauthenticated");
    // Refused before anything else: a state change without a credential changes nothing.
    let post = stack.request("POST", "/v1/register/skip", None, Some("{}"));
    assert_eq!(post.status, 401);
}

#[test]
#[ignore = "needs the running stack: cargo xtask test"]
fn an_email_address_is_registered_by_the_code_sent_to_it() {
    let stack = stack();
    let first = stack.view("rita");
    assert_eq!(first.status, 200, "{}", first.body);
    assert_eq!(first.body["username"], "rita");
    assert_eq!(
        first.body["due"],
        json!({ "kind": "register", "missing": 1, "skips_left": 3 })
    );
    assert!(methods(&first).is_empty());
    assert_eq!(first.body["required"], 1);
    assert_eq!(
        first.body["allowed"],
        json!(["email_code", "sms_code", "authenticator"])
    );

    let incomplete = stack.post("rita", "/v1/register/confirm", json!({}));
    assert_eq!(
        (incomplete.status, error_code(&incomplete)),
        (409, "registration_incomplete")
    );
    let invalid = stack.post(
        "rita",
        "/v1/register/email",
        json!({ "address": "rita at home" }),
    );
    assert_eq!(
        (invalid.status, error_code(&invalid)),
        (400, "email_invalid")
    );

    let added = stack.post(
        "rita",
        "/v1/register/email",
        json!({ "address": " rita@home.example " }),
    );
    assert_eq!(added.status, 200, "{}", added.body);
    let pending = &added.body["pending"];
    assert_eq!(pending["kind"], "code");
    assert_eq!(pending["method"], "email_code");
    assert_eq!(pending["destination"], "r•••@h•••.example");
    assert_eq!(pending["code_length"], 6);
    assert!(methods(&added).is_empty(), "not verified yet");

    let email = stack.email_to("rita@home.example", 0);
    assert!(
        email["subject"]
            .as_str()
            .unwrap()
            .starts_with("Verify your email address")
    );
    let code = code_in(email["text"].as_str().unwrap());
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let mismatch = stack.post("rita", "/v1/register/verify", json!({ "code": wrong }));
    assert_eq!(
        (mismatch.status, error_code(&mismatch)),
        (422, "code_mismatch")
    );
    assert_eq!(mismatch.body["error"]["tries_left"], 4);
    assert_eq!(mismatch.body["pending"]["kind"], "code");

    let verified = stack.post("rita", "/v1/register/verify", json!({ "code": code }));
    assert_eq!(verified.status, 200, "{}", verified.body);
    assert_eq!(methods(&verified), ["email_code"]);
    assert_eq!(
        verified.body["methods"][0]["destination"],
        "r•••@h•••.example"
    );
    assert_eq!(verified.body["due"]["kind"], "up_to_date");
    assert!(verified.body.get("pending").is_none());

    let again = stack.post("rita", "/v1/register/verify", json!({ "code": code }));
    assert_eq!((again.status, error_code(&again)), (409, "nothing_pending"));

    // The user is told a method was added, with what to do if it was not them (Entra's
    // notice on every method change), after the reply.
    let notice = stack.email_to("rita@home.example", 1);
    assert_eq!(
        notice["subject"],
        "A password reset method was added to your Contoso account"
    );
    let text = notice["text"].as_str().unwrap();
    assert!(text.contains("code by email"), "{text}");
    assert!(text.contains("If this wasn't you"), "{text}");
    assert!(text.contains("https://help.contoso.example"), "{text}");
    assert!(!text.contains(&code), "{text}");

    // A reset now offers the registered address (rita has none in the directory), and its
    // code goes there; registration and reset share the user's send limits, so only once the
    // resend cooldown has passed.
    let too_soon = stack.reset("/v1/reset/start", json!({ "username": "rita" }));
    assert_eq!(
        (too_soon.status, error_code(&too_soon)),
        (429, "resend_too_soon")
    );
    stack.advance(30_000);
    let reset = stack.reset("/v1/reset/start", json!({ "username": "rita" }));
    assert_eq!(reset.status, 200, "{}", reset.body);
    assert_eq!(reset.body["step"]["kind"], "verify_code");
    assert_eq!(reset.body["step"]["destination"], "r•••@h•••.example");
    let reset_email = stack.email_to("rita@home.example", 2);
    assert!(
        reset_email["subject"]
            .as_str()
            .unwrap()
            .contains("password reset code")
    );

    let events = stack.audit_until("u-2010", |events| {
        events
            .iter()
            .any(|e| e["event"] == "registration_confirmed")
            && events
                .iter()
                .any(|e| e["event"] == "registration_code_sent" && e["outcome"] == "ok")
    });
    let added: Vec<&Value> = events
        .iter()
        .filter(|e| e["event"] == "method_added")
        .collect();
    assert_eq!(added.len(), 1);
    assert_eq!(added[0]["method"], "email_code");
    let text = serde_json::to_string(&events).unwrap();
    assert!(
        !text.contains("home.example") && !text.contains(&code),
        "{text}"
    );
}

#[test]
#[ignore = "needs the running stack: cargo xtask test"]
fn a_mobile_number_is_registered_by_the_code_texted_to_it_under_the_send_limits() {
    let stack = stack();
    let invalid = stack.post("sam", "/v1/register/phone", json!({ "number": "12" }));
    assert_eq!(
        (invalid.status, error_code(&invalid)),
        (400, "phone_invalid")
    );

    let added = stack.post(
        "sam",
        "/v1/register/phone",
        json!({ "number": "+49 151 1234 5678" }),
    );
    assert_eq!(added.status, 200, "{}", added.body);
    assert_eq!(added.body["pending"]["method"], "sms_code");
    let resend_at = added.body["pending"]["resend_at"].as_u64().unwrap();

    // A second code within the cooldown is refused, and the first stays pending.
    let too_soon = stack.post(
        "sam",
        "/v1/register/phone",
        json!({ "number": "+4915112345678" }),
    );
    assert_eq!(
        (too_soon.status, error_code(&too_soon)),
        (429, "resend_too_soon")
    );
    assert_eq!(too_soon.body["error"]["retry_at"].as_u64(), Some(resend_at));

    let code = code_in(&stack.sms_to("+4915112345678", 0));
    let verified = stack.post("sam", "/v1/register/verify", json!({ "code": code }));
    assert_eq!(verified.status, 200, "{}", verified.body);
    assert_eq!(methods(&verified), ["sms_code"]);
    assert!(
        verified.body["methods"][0]["destination"]
            .as_str()
            .unwrap()
            .ends_with("78")
    );
}

#[test]
#[ignore = "needs the running stack: cargo xtask test"]
fn an_authenticator_counts_after_its_first_code_and_its_secret_is_shown_once() {
    let stack = stack();
    let started = stack.post("tess", "/v1/register/authenticator", json!({}));
    assert_eq!(started.status, 200, "{}", started.body);
    let secret = started.body["pending"]["secret"]
        .as_str()
        .unwrap()
        .to_owned();
    let uri = started.body["pending"]["uri"].as_str().unwrap();
    assert!(uri.starts_with("otpauth://totp/Contoso:tess?"), "{uri}");
    assert!(uri.contains(&format!("secret={}", secret.replace(' ', ""))));

    let later = stack.view("tess");
    assert_eq!(later.body["pending"], json!({ "kind": "authenticator" }));
    // The directory's email counts already; the authenticator only after its first code.
    assert_eq!(methods(&later), ["email_code"]);

    let phone = authenticator_from(&secret);
    let wrong = stack.post("tess", "/v1/register/verify", json!({ "code": "12345" }));
    assert_eq!(
        (wrong.status, error_code(&wrong)),
        (400, "invalid_code_format")
    );
    let code = phone.code_at(stack.now_ms());
    let verified = stack.post("tess", "/v1/register/verify", json!({ "code": code }));
    assert_eq!(verified.status, 200, "{}", verified.body);
    assert_eq!(methods(&verified), ["email_code", "authenticator"]);
    assert_eq!(verified.body["due"]["kind"], "up_to_date");
    assert!(
        !verified.body.to_string().contains(&secret.replace(' ', "")),
        "the secret is never shown again"
    );
}

#[test]
#[ignore = "needs the running stack: cargo xtask test"]
fn confirming_restarts_the_clock_and_postponing_spends_the_budget() {
    let stack = stack();
    // uli holds the directory's email address but never confirmed it.
    let first = stack.view("uli");
    assert_eq!(
        first.body["due"],
        json!({ "kind": "reconfirm", "skips_left": 3 })
    );
    for left in [2, 1, 0] {
        let skipped = stack.post("uli", "/v1/register/skip", json!({}));
        assert_eq!(skipped.status, 200, "{}", skipped.body);
        assert_eq!(skipped.body["due"]["skips_left"], left);
    }
    let used = stack.post("uli", "/v1/register/skip", json!({}));
    assert_eq!(
        (used.status, error_code(&used)),
        (409, "postpone_budget_used")
    );

    let confirmed = stack.post("uli", "/v1/register/confirm", json!({}));
    assert_eq!(confirmed.status, 200, "{}", confirmed.body);
    assert_eq!(confirmed.body["due"]["kind"], "up_to_date");
    let nothing = stack.post("uli", "/v1/register/skip", json!({}));
    assert_eq!(
        (nothing.status, error_code(&nothing)),
        (409, "nothing_to_postpone")
    );

    // 180 days on, confirming is due again with the whole budget.
    stack.advance(180 * 24 * 60 * 60 * 1000);
    assert_eq!(
        stack.view("uli").body["due"],
        json!({ "kind": "reconfirm", "skips_left": 3 })
    );
    let events = stack.audit_until("u-2013", |events| {
        events
            .iter()
            .filter(|e| e["event"] == "registration_postponed")
            .count()
            == 3
            && events
                .iter()
                .any(|e| e["event"] == "registration_confirmed")
    });
    assert!(events.iter().all(|e| e["outcome"] == "ok"));
}

#[test]
#[ignore = "needs the running stack: cargo xtask test"]
fn removing_a_method_needs_a_sign_in_of_the_last_ten_minutes() {
    let stack = stack();
    let started = stack.post("vera", "/v1/register/authenticator", json!({}));
    let phone = authenticator_from(started.body["pending"]["secret"].as_str().unwrap());
    let code = phone.code_at(stack.now_ms());
    let verified = stack.post("vera", "/v1/register/verify", json!({ "code": code }));
    assert_eq!(methods(&verified), ["email_code", "authenticator"]);
    assert_eq!(verified.body.get("default_method"), None);

    // The user's default is offered first; only a method they hold can be it.
    let chosen = stack.post(
        "vera",
        "/v1/register/default",
        json!({ "method": "authenticator" }),
    );
    assert_eq!(chosen.status, 200, "{}", chosen.body);
    assert_eq!(chosen.body["default_method"], "authenticator");
    assert_eq!(methods(&chosen), ["authenticator", "email_code"]);
    let unheld = stack.post(
        "vera",
        "/v1/register/default",
        json!({ "method": "security_questions" }),
    );
    assert_eq!(
        (unheld.status, error_code(&unheld)),
        (409, "not_registered")
    );
    assert_eq!(unheld.body["default_method"], "authenticator");
    let malformed = stack.post("vera", "/v1/register/default", json!({ "method": "fax" }));
    assert_eq!(malformed.status, 400, "{}", malformed.body);

    let old = stack.post_signed_in(
        "vera",
        11 * 60_000,
        "/v1/register/remove",
        json!({ "method": "authenticator" }),
    );
    assert_eq!((old.status, error_code(&old)), (403, "sign_in_too_old"));
    let oldest = old.body["removal_needs_sign_in_after"].as_u64().unwrap();
    assert_eq!(old.body["error"]["retry_at"].as_u64(), Some(oldest));
    assert_eq!(methods(&old), ["authenticator", "email_code"]);

    let fresh = stack.post(
        "vera",
        "/v1/register/remove",
        json!({ "method": "authenticator" }),
    );
    assert_eq!(fresh.status, 200, "{}", fresh.body);
    assert_eq!(methods(&fresh), ["email_code"]);
    // Removing the default clears the choice.
    assert_eq!(fresh.body.get("default_method"), None);
    let again = stack.post(
        "vera",
        "/v1/register/remove",
        json!({ "method": "authenticator" }),
    );
    assert_eq!((again.status, error_code(&again)), (409, "not_registered"));
    // The directory's own address is not the user's to remove.
    let directory = stack.post(
        "vera",
        "/v1/register/remove",
        json!({ "method": "email_code" }),
    );
    assert_eq!(
        (directory.status, error_code(&directory)),
        (409, "not_registered")
    );
    stack.audit_until("u-2014", |events| {
        events
            .iter()
            .any(|e| e["event"] == "method_removed" && e["method"] == "authenticator")
    });
}

#[test]
#[ignore = "needs the running stack: cargo xtask test"]
fn methods_the_policy_does_not_allow_and_malformed_bodies_are_4xx() {
    let stack = stack();
    let answers: Vec<Value> = ["city_born", "first_pet_name", "first_car_model"]
        .iter()
        .map(|key| {
            json!({
                "question": { "kind": "predefined", "value": key },
                "answer": "Oslo Rex Beetle",
                "confirmation": "Oslo Rex Beetle"
            })
        })
        .collect();
    let questions = stack.post(
        "walt",
        "/v1/register/questions",
        json!({ "answers": answers }),
    );
    assert_eq!(
        (questions.status, error_code(&questions)),
        (403, "method_not_permitted")
    );
    assert_eq!(questions.body["username"], "walt");

    let unknown_field = stack.post(
        "walt",
        "/v1/register/email",
        json!({ "address": "a@b.example", "x": 1 }),
    );
    assert_eq!(
        (unknown_field.status, error_code(&unknown_field)),
        (400, "bad_request")
    );
    assert!(unknown_field.body.get("username").is_none());
    let ticket = stack.ticket("walt", 0);
    let not_json = stack.request(
        "POST",
        "/v1/register/verify",
        Some(&format!("Bearer {ticket}")),
        Some("code=1"),
    );
    assert_eq!(not_json.status, 400);
    let big = "x".repeat(5000);
    let too_large = stack.post("walt", "/v1/register/email", json!({ "address": big }));
    assert_eq!(
        (too_large.status, error_code(&too_large)),
        (413, "payload_too_large")
    );
    let method = stack.post(
        "walt",
        "/v1/register/remove",
        json!({ "method": "carrier_pigeon" }),
    );
    assert_eq!(method.status, 400);
}

#[test]
#[ignore = "needs the running stack: cargo xtask test"]
fn a_reset_proves_the_registered_authenticator_once_per_code() {
    let stack = stack();
    let started = stack.post("xena", "/v1/register/authenticator", json!({}));
    let phone = authenticator_from(started.body["pending"]["secret"].as_str().unwrap());
    let enrolled = phone.code_at(stack.now_ms());
    let verified = stack.post("xena", "/v1/register/verify", json!({ "code": enrolled }));
    assert_eq!(methods(&verified), ["email_code", "authenticator"]);

    let reset = stack.reset("/v1/reset/start", json!({ "username": "xena" }));
    assert_eq!(
        reset.body["step"]["kind"], "choose_method",
        "{}",
        reset.body
    );
    let offered: Vec<&str> = reset.body["step"]["methods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["method"].as_str().unwrap())
        .collect();
    assert_eq!(offered, ["email_code", "authenticator"]);
    let flow = reset.body["flow"].as_str().unwrap().to_owned();
    let chosen = stack.reset(
        "/v1/reset/choose",
        json!({ "flow": flow, "method": "authenticator" }),
    );
    assert_eq!(
        chosen.body["step"]["kind"], "verify_totp",
        "{}",
        chosen.body
    );
    // Questions are answered on their own route; this step takes a code.
    let answers = stack.reset(
        "/v1/reset/answers",
        json!({ "flow": flow, "answers": ["a", "b", "c"] }),
    );
    assert_eq!((answers.status, error_code(&answers)), (409, "wrong_step"));

    // The code that confirmed the enrolment was used: not again.
    let replayed = stack.reset(
        "/v1/reset/verify",
        json!({ "flow": flow, "code": enrolled }),
    );
    assert_eq!((replayed.status, error_code(&replayed)), (410, "code_used"));
    assert_eq!(replayed.body["step"]["kind"], "verify_totp");
    let wrong = if enrolled == "000000" {
        "111111"
    } else {
        "000000"
    };
    let mismatch = stack.reset("/v1/reset/verify", json!({ "flow": flow, "code": wrong }));
    assert_eq!(
        (mismatch.status, error_code(&mismatch)),
        (422, "code_mismatch")
    );

    // A minute on, the app shows a new code, which proves the authenticator.
    stack.advance(60_000);
    let fresh = phone.code_at(stack.now_ms());
    let proved = stack.reset("/v1/reset/verify", json!({ "flow": flow, "code": fresh }));
    assert_eq!(proved.status, 200, "{}", proved.body);
    assert_eq!(proved.body["step"]["kind"], "new_password");
    stack.audit_until("u-2016", |events| {
        events
            .iter()
            .any(|e| e["event"] == "proof_passed" && e["method"] == "authenticator")
    });
}

#[test]
#[ignore = "needs the running stack: cargo xtask test"]
fn answers_to_a_flow_that_is_gone_or_malformed_are_4xx() {
    let stack = stack();
    let gone = stack.reset(
        "/v1/reset/answers",
        json!({ "flow": "not-a-flow", "answers": ["a"] }),
    );
    assert_eq!((gone.status, error_code(&gone)), (410, "flow_expired"));
    let malformed = stack.reset("/v1/reset/answers", json!({ "flow": "x", "answers": "a" }));
    assert_eq!(
        (malformed.status, error_code(&malformed)),
        (400, "bad_request")
    );
}

/// An ID token of the configured OpenID Connect issuer proves sign-in as a ticket does; the
/// edge fetches the issuer's keys by discovery.
#[test]
#[ignore = "needs the running stack: cargo xtask test"]
fn an_id_token_from_the_configured_issuer_signs_the_user_in() {
    let stack = stack();
    let oidc = var("SSPR_OIDC");
    let token = stack.get_json(&format!("{oidc}/test/id-token?username=alice"))["id_token"]
        .as_str()
        .expect("the provider issued an ID token")
        .to_owned();
    // ID tokens are checked against the edge's own clock: no test offset on this request.
    let mut response = stack
        .agent
        .get(format!("{}/v1/register", stack.edge))
        .header("Authorization", format!("Bearer {token}"))
        .call()
        .unwrap();
    let view: Value = response.body_mut().read_json().unwrap();
    assert_eq!(response.status().as_u16(), 200, "{view}");
    assert!(
        view["username"].as_str().unwrap().starts_with("alice"),
        "{view}"
    );

    // The same token with its payload swapped for another user's is refused like a forgery.
    let bob = stack.get_json(&format!("{oidc}/test/id-token?username=bob"))["id_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut parts: Vec<&str> = token.split('.').collect();
    parts[1] = bob.split('.').nth(1).unwrap();
    let forged = stack.request(
        "GET",
        "/v1/register",
        Some(&format!("Bearer {}", parts.join("."))),
        None,
    );
    assert_eq!(forged.status, 401, "{}", forged.body);
    assert_eq!(error_code(&forged), "unauthenticated");
}

/// The answers walt registers on the questions edge, by question key.
const WALT_ANSWERS: [(&str, &str); 3] = [
    ("city_born", "Trondheim"),
    ("first_pet_name", "Rex the Dog"),
    ("first_car_model", "Beetle 1302"),
];

fn answers_to(questions: &Value) -> Vec<String> {
    questions
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            let key = q["value"].as_str().unwrap();
            WALT_ANSWERS
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, a)| a.to_lowercase())
                .unwrap_or_else(|| panic!("asked {key}, which walt did not register"))
        })
        .collect()
}

#[test]
#[ignore = "needs the running stack: cargo xtask test"]
fn security_questions_are_registered_typed_twice_and_answered_at_a_reset() {
    // The questions edge's policy: two methods, security questions allowed.
    let stack = stack_on("SSPR_EDGE_QUESTIONS");
    let first = stack.view("walt");
    assert_eq!(first.body["required"], 2, "{}", first.body);
    assert_eq!(
        first.body["allowed"],
        json!([
            "email_code",
            "authenticator",
            "app_notification",
            "security_questions"
        ])
    );
    assert_eq!(first.body["questions"]["register"], 3);
    assert_eq!(first.body["due"]["kind"], "register");

    let entry = |key: &str, answer: &str, confirmation: &str| {
        json!({
            "question": { "kind": "predefined", "value": key },
            "answer": answer,
            "confirmation": confirmation,
        })
    };
    let typo: Vec<Value> = WALT_ANSWERS
        .iter()
        .enumerate()
        .map(|(i, (k, a))| entry(k, a, if i == 1 { "Rex the Cat" } else { a }))
        .collect();
    let refused = stack.post("walt", "/v1/register/questions", json!({ "answers": typo }));
    assert_eq!(
        (refused.status, error_code(&refused)),
        (400, "questions_invalid")
    );
    assert_eq!(refused.body["error"]["parameter"], "answers[1]");

    let answers: Vec<Value> = WALT_ANSWERS.iter().map(|(k, a)| entry(k, a, a)).collect();
    let registered = stack.post(
        "walt",
        "/v1/register/questions",
        json!({ "answers": answers }),
    );
    assert_eq!(registered.status, 200, "{}", registered.body);
    assert_eq!(methods(&registered), ["email_code", "security_questions"]);
    assert_eq!(registered.body["due"]["kind"], "up_to_date");
    assert!(!registered.body.to_string().contains("Trondheim"));

    let reset = stack.reset("/v1/reset/start", json!({ "username": "walt" }));
    assert_eq!(
        reset.body["step"]["kind"], "choose_method",
        "{}",
        reset.body
    );
    let flow = reset.body["flow"].as_str().unwrap().to_owned();
    let asked = stack.reset(
        "/v1/reset/choose",
        json!({ "flow": flow, "method": "security_questions" }),
    );
    assert_eq!(
        asked.body["step"]["kind"], "answer_questions",
        "{}",
        asked.body
    );
    let questions = asked.body["step"]["questions"].clone();
    assert_eq!(questions.as_array().unwrap().len(), 3);

    let wrong = stack.reset(
        "/v1/reset/answers",
        json!({ "flow": flow, "answers": ["Oslo", "Fido", "Golf"] }),
    );
    assert_eq!((wrong.status, error_code(&wrong)), (422, "answers_wrong"));
    assert_eq!(wrong.body["step"]["kind"], "answer_questions");
    let redrawn = wrong.body["step"]["questions"].clone();

    // Answers are normalised (case, spaces) before they are compared.
    let right = stack.reset(
        "/v1/reset/answers",
        json!({ "flow": flow, "answers": answers_to(&redrawn) }),
    );
    assert_eq!(right.status, 200, "{}", right.body);
    assert_eq!(right.body["step"]["kind"], "choose_method");
    assert_eq!(right.body["step"]["verified"], 1);
    // Questions are never enough alone: the email code is still to prove.
    let emailed = stack.reset(
        "/v1/reset/choose",
        json!({ "flow": flow, "method": "email_code" }),
    );
    assert_eq!(
        emailed.body["step"]["kind"], "verify_code",
        "{}",
        emailed.body
    );
}
