//! Integration tests of app notifications over HTTP, against `wrangler dev` (workerd): a
//! phone pairs itself with the code the registration screen showed and a P-256 key made
//! here, then fetches and answers approval requests with ES256-signed requests while a reset
//! waits for it. They run on the questions edge (`SSPR_EDGE_QUESTIONS`: two methods required,
//! app notifications allowed, `APPROVER_URL` set). `cargo xtask edge approver` starts the
//! stack and runs them; each test has a user of its own (abel, bea, cyd, dora, emil, fynn in
//! the directory stand-in) and days of the edge's test clock of its own.

mod common;

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use common::{Answer, Days, agent, code_in, error_code, methods, var, wall_ms};
use p256::ecdsa::signature::Signer;
use p256::ecdsa::{Signature, SigningKey};
use serde_json::{Value, json};
use sspr_core::ticket::Ticket;

/// Far from the reset tests' days and the registration tests' (400 on).
static NEXT_DAY: AtomicU64 = AtomicU64::new(700);
const MINUTE_MS: u64 = 60 * 1000;

struct Stack {
    offset_ms: AtomicU64,
    from_ms: u64,
    to_ms: u64,
    edge: String,
    site: String,
    mailbox: String,
    /// The Web Push service stand-in (e2e/standins/push.mjs), whose origin the questions
    /// edge allows for subscriptions.
    push: String,
    ticket_key: Vec<u8>,
    agent: ureq::Agent,
}

fn stack() -> Stack {
    let days = Days::take(&NEXT_DAY);
    Stack {
        offset_ms: AtomicU64::new(days.offset_ms),
        from_ms: days.from_ms,
        to_ms: days.to_ms,
        edge: var("SSPR_EDGE_QUESTIONS"),
        site: var("SSPR_SITE"),
        mailbox: var("SSPR_MAILBOX"),
        push: var("SSPR_PUSH"),
        ticket_key: var("SSPR_REGISTRATION_TICKET_KEY").into_bytes(),
        agent: agent(),
    }
}

/// The phone: its key and, once paired, its device id.
struct Phone {
    key: SigningKey,
    device: String,
    nonces: u64,
}

impl Phone {
    fn new() -> Phone {
        Phone {
            key: fresh_key(),
            device: String::new(),
            nonces: 0,
        }
    }

    /// The public key as WebCrypto exports it.
    fn jwk(&self) -> Value {
        let point = self.key.verifying_key().to_encoded_point(false);
        json!({
            "kty": "EC",
            "crv": "P-256",
            "x": URL_SAFE_NO_PAD.encode(point.x().unwrap()),
            "y": URL_SAFE_NO_PAD.encode(point.y().unwrap()),
            "ext": true,
            "key_ops": ["verify"],
        })
    }

    /// A signed request body for `action`, signed at `signed_at` on the edge's clock.
    fn signed(&mut self, action: Value, signed_at: u64) -> Value {
        self.nonces += 1;
        let nonce = format!("nonce-{:016}-{}", self.nonces, wall_ms());
        self.signed_with(&self.key.clone(), action, signed_at, &nonce)
    }

    fn signed_with(&self, key: &SigningKey, action: Value, signed_at: u64, nonce: &str) -> Value {
        let header = json!({ "alg": "ES256", "kid": self.device });
        let payload = json!({
            "device": self.device,
            "signed_at": signed_at,
            "nonce": nonce,
            "action": action,
        });
        let input = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(header.to_string()),
            URL_SAFE_NO_PAD.encode(payload.to_string())
        );
        let signature: Signature = key.sign(input.as_bytes());
        json!({ "signed": format!("{input}.{}", URL_SAFE_NO_PAD.encode(signature.to_bytes())) })
    }
}

fn fresh_key() -> SigningKey {
    loop {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).unwrap();
        if let Ok(key) = SigningKey::from_slice(&bytes) {
            return key;
        }
    }
}

impl Stack {
    fn now_ms(&self) -> u64 {
        wall_ms() + self.offset_ms.load(Ordering::SeqCst)
    }

    fn advance(&self, ms: u64) {
        self.offset_ms.fetch_add(ms, Ordering::SeqCst);
    }

    fn post_with(&self, path: &str, authorization: Option<&str>, body: &Value) -> Answer {
        let url = format!("{}{path}", self.edge);
        let offset = self.offset_ms.load(Ordering::SeqCst).to_string();
        let mut request = self
            .agent
            .post(&url)
            .header("X-Sspr-Test-Clock-Offset-Ms", &offset)
            .header("Content-Type", "application/json");
        if let Some(value) = authorization {
            request = request.header("Authorization", value);
        }
        Answer::read(request.send(body.to_string()), &format!("POST {url}"))
    }

    /// A registration route, signed in as `username` just now.
    fn register(&self, username: &str, path: &str, body: Value) -> Answer {
        let iat = self.now_ms() / 1000;
        let ticket = Ticket::mint(&self.ticket_key, username, iat, 15 * 60);
        self.post_with(path, Some(&format!("Bearer {ticket}")), &body)
    }

    /// A reset or approver route (no credential).
    fn post(&self, path: &str, body: Value) -> Answer {
        self.post_with(path, None, &body)
    }

    fn get_json(&self, url: &str, authorization: Option<&str>) -> Value {
        let mut request = self.agent.get(url).header(
            "X-Sspr-Test-Clock-Offset-Ms",
            &self.offset_ms.load(Ordering::SeqCst).to_string(),
        );
        if let Some(value) = authorization {
            request = request.header("Authorization", value);
        }
        let mut response = request
            .call()
            .unwrap_or_else(|err| panic!("GET {url}: {err}"));
        serde_json::from_str(&response.body_mut().read_to_string().unwrap()).unwrap()
    }

    /// Waits (bounded) for the `nth` email to `address`.
    fn email_to(&self, address: &str, nth: usize) -> Value {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let messages = self.get_json(&format!("{}/api/messages", self.mailbox), None);
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

    /// Waits (bounded) until the audit log holds events of `user_id` satisfying `done`.
    fn audit_until(&self, user_id: &str, done: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let token = format!("Bearer {}", var("SSPR_ADMIN_TOKEN"));
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let url = format!(
                "{}/v1/admin/audit?from={}&to={}&user={user_id}",
                self.edge, self.from_ms, self.to_ms
            );
            let body = self.get_json(&url, Some(&token));
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

    /// Waits (bounded) until `user_id`'s row of the registration report satisfies `done`,
    /// and returns it; rows are written after the reply.
    fn report_row_until(&self, user_id: &str, done: impl Fn(&Value) -> bool) -> Value {
        let token = format!("Bearer {}", var("SSPR_ADMIN_TOKEN"));
        let url = format!("{}/v1/admin/reports/registration?limit=1000", self.edge);
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let report = self.get_json(&url, Some(&token));
            let row = report["users"]
                .as_array()
                .unwrap_or_else(|| panic!("a report: {report}"))
                .iter()
                .find(|row| row["user_id"] == user_id)
                .cloned()
                .unwrap_or(Value::Null);
            if done(&row) {
                return row;
            }
            assert!(
                Instant::now() < deadline,
                "{user_id}'s row never satisfied the test: {row:#}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Pairs `phone` as `username`'s approver and returns the pairing reply.
    fn pair(&self, username: &str, phone: &mut Phone) -> Answer {
        let offered = self.register(username, "/v1/register/app", json!({}));
        assert_eq!(offered.status, 200, "{}", offered.body);
        let uri = offered.body["approver"]["pairing"]["uri"]
            .as_str()
            .unwrap_or_else(|| panic!("a pairing URI: {}", offered.body))
            .to_owned();
        let code = uri.split_once("#pair=").unwrap().1.to_owned();
        let paired = self.post(
            "/v1/approver/pair",
            json!({ "pairing": code, "name": "Test phone", "key": phone.jwk() }),
        );
        assert_eq!(paired.status, 200, "{}", paired.body);
        phone.device = paired.body["device"].as_str().unwrap().to_owned();
        paired
    }

    /// Starts a reset for `username` and asks the phone: the flow token and the number shown.
    fn reset_asking_the_phone(&self, username: &str) -> (String, u64) {
        let started = self.post("/v1/reset/start", json!({ "username": username }));
        assert_eq!(
            started.body["step"]["kind"], "choose_method",
            "{}",
            started.body
        );
        let offered: Vec<&str> = started.body["step"]["methods"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["method"].as_str().unwrap())
            .collect();
        assert_eq!(offered, ["email_code", "app_notification"]);
        let flow = started.body["flow"].as_str().unwrap().to_owned();
        let number = self.ask_the_phone(&flow);
        (flow, number)
    }

    /// Chooses app notification in `flow`: the number the widget shows.
    fn ask_the_phone(&self, flow: &str) -> u64 {
        let asked = self.post(
            "/v1/reset/choose",
            json!({ "flow": flow, "method": "app_notification" }),
        );
        assert_eq!(
            asked.body["step"]["kind"], "await_approval",
            "{}",
            asked.body
        );
        asked.body["step"]["number"].as_u64().unwrap()
    }

    /// What the phone sees: the open request.
    fn pending(&self, phone: &mut Phone) -> Answer {
        let body = phone.signed(json!({ "kind": "pending" }), self.now_ms());
        self.post("/v1/approver/pending", body)
    }

    fn answer(&self, phone: &mut Phone, challenge: &str, answer: Value) -> Answer {
        let body = phone.signed(
            json!({ "kind": "answer", "challenge": challenge, "answer": answer }),
            self.now_ms(),
        );
        self.post("/v1/approver/answer", body)
    }

    /// The phone turns its push on (at `endpoint`) or off.
    fn push(&self, phone: &mut Phone, endpoint: Option<&str>) -> Answer {
        let body = phone.signed(
            json!({ "kind": "push", "endpoint": endpoint }),
            self.now_ms(),
        );
        self.post("/v1/approver/push", body)
    }

    /// A subscription of the push service, made with the application server key `key`, as
    /// the phone's browser gets one from `pushManager.subscribe`.
    fn subscribe(&self, key: &str) -> String {
        let url = format!("{}/api/subscriptions", self.push);
        let made = Answer::read(
            self.agent
                .post(&url)
                .send(json!({ "key": key }).to_string()),
            &url,
        );
        made.body["endpoint"].as_str().unwrap().to_owned()
    }

    /// The messages the push service delivered to `endpoint`, once there are `count`.
    fn pushes_until(&self, endpoint: &str, count: usize) -> Vec<Value> {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let url = format!("{}/api/pushes?endpoint={endpoint}", self.push);
            let pushes = self.get_json(&url, None).as_array().cloned().unwrap();
            if pushes.len() >= count {
                return pushes;
            }
            assert!(
                Instant::now() < deadline,
                "{count} push(es) never reached the phone: {pushes:?}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn status(&self, flow: &str) -> Answer {
        self.post("/v1/reset/status", json!({ "flow": flow }))
    }

    /// Chooses the emailed code in `flow` and proves it with the `nth` email to `address`:
    /// the reply to the proof.
    fn prove_email(&self, flow: &str, address: &str, nth: usize) -> Answer {
        let emailed = self.post(
            "/v1/reset/choose",
            json!({ "flow": flow, "method": "email_code" }),
        );
        assert_eq!(
            emailed.body["step"]["kind"], "verify_code",
            "{}",
            emailed.body
        );
        let code = code_in(self.email_to(address, nth)["text"].as_str().unwrap());
        self.post("/v1/reset/verify", json!({ "flow": flow, "code": code }))
    }
}

/// In a module of their own, so that `cargo xtask edge approver` selects them by name.
mod approver {
    use super::*;

    #[test]
    #[ignore = "needs the running stack: cargo xtask test"]
    fn a_phone_pairs_once_with_the_code_of_the_registration_screen_and_can_be_removed() {
        let stack = stack();
        let iat = stack.now_ms() / 1000;
        let ticket = Ticket::mint(&stack.ticket_key, "abel", iat, 15 * 60);
        let first = stack.get_json(
            &format!("{}/v1/register", stack.edge),
            Some(&format!("Bearer {ticket}")),
        );
        assert!(
            first["allowed"]
                .as_array()
                .unwrap()
                .contains(&json!("app_notification")),
            "{first}"
        );
        assert_eq!(first["approver"], json!({}));

        let offered = stack.register("abel", "/v1/register/app", json!({}));
        assert_eq!(offered.status, 200, "{}", offered.body);
        let pairing = &offered.body["approver"]["pairing"];
        let uri = pairing["uri"].as_str().unwrap();
        // Built from the configured APPROVER_URL (kept as configured: a page's address),
        // the code in the fragment.
        assert!(
            uri.starts_with(&format!("{}/approver/#pair=", stack.site)),
            "{uri}"
        );
        let code = uri.split_once("#pair=").unwrap().1.to_owned();
        let expires_at = pairing["expires_at"].as_u64().unwrap();
        assert!(expires_at.abs_diff(stack.now_ms() + 10 * MINUTE_MS) < MINUTE_MS);
        // Later views say a pairing waits, never its code again.
        let later = stack.get_json(
            &format!("{}/v1/register", stack.edge),
            Some(&format!("Bearer {ticket}")),
        );
        assert_eq!(later["approver"]["pairing"]["expires_at"], expires_at);
        assert!(!later.to_string().contains(&code));

        let mut phone = Phone::new();
        let pair = |code: &str, name: &str, key: Value| {
            stack.post(
                "/v1/approver/pair",
                json!({ "pairing": code, "name": name, "key": key }),
            )
        };
        let mut other = code.clone().into_bytes();
        other[3] = if other[3] == b'A' { b'B' } else { b'A' };
        let other = String::from_utf8(other).unwrap();
        let wrong = pair(&other, "Test phone", phone.jwk());
        assert_eq!((wrong.status, error_code(&wrong)), (410, "pairing_invalid"));
        let long = pair(&code, &"x".repeat(65), phone.jwk());
        assert_eq!(
            (long.status, error_code(&long)),
            (400, "device_name_invalid")
        );
        let mut p384 = phone.jwk();
        p384["crv"] = json!("P-384");
        let curve = pair(&code, "Test phone", p384);
        assert_eq!(
            (curve.status, error_code(&curve)),
            (400, "public_key_invalid")
        );
        let mut off_curve = phone.jwk();
        off_curve["y"] = off_curve["x"].clone();
        let point = pair(&code, "Test phone", off_curve);
        assert_eq!(
            (point.status, error_code(&point)),
            (400, "public_key_invalid")
        );

        let paired = pair(&code, "Abel's phone", phone.jwk());
        assert_eq!(paired.status, 200, "{}", paired.body);
        phone.device = paired.body["device"].as_str().unwrap().to_owned();
        let again = pair(&code, "Thief's phone", Phone::new().jwk());
        assert_eq!((again.status, error_code(&again)), (410, "pairing_invalid"));

        let view = stack.get_json(
            &format!("{}/v1/register", stack.edge),
            Some(&format!("Bearer {ticket}")),
        );
        assert_eq!(view["approver"]["paired"]["name"], "Abel's phone");
        // With the directory's address, the phone makes the two methods required: pairing
        // confirmed the registration, as adding any method does.
        assert_eq!(first["due"]["kind"], "register", "{first}");
        assert_eq!(view["due"]["kind"], "up_to_date", "{view}");
        assert!(view["approver"].get("pairing").is_none());
        assert!(
            view["methods"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m["method"] == "app_notification"),
            "{view}"
        );
        let notice = stack.email_to("abel@example.com", 0);
        assert_eq!(
            notice["subject"],
            "A password reset method was added to your Contoso account"
        );
        stack.audit_until("u-500", |events| {
            events.iter().any(|e| e["event"] == "approver_paired")
                && events
                    .iter()
                    .any(|e| e["event"] == "registration_confirmed")
        });

        // The paired phone's signed requests are heard; after removal they are not.
        let heard = stack.pending(&mut phone);
        assert_eq!(heard.status, 200, "{}", heard.body);
        assert!(heard.body.get("request").is_none(), "{}", heard.body);
        let removed = stack.register(
            "abel",
            "/v1/register/remove",
            json!({ "method": "app_notification" }),
        );
        assert_eq!(removed.status, 200, "{}", removed.body);
        assert!(!methods(&removed).contains(&"app_notification".to_owned()));
        let unheard = stack.pending(&mut phone);
        assert_eq!(
            (unheard.status, error_code(&unheard)),
            (401, "signature_invalid")
        );
    }

    #[test]
    #[ignore = "needs the running stack: cargo xtask test"]
    fn a_reset_waits_for_the_phone_and_only_the_right_number_proves_it() {
        let stack = stack();
        let mut phone = Phone::new();
        stack.pair("bea", &mut phone);
        let (flow, number) = stack.reset_asking_the_phone("bea");

        // The phone sees the request: three choices, the screen's number among them, no token.
        let pending = stack.pending(&mut phone);
        assert_eq!(pending.status, 200, "{}", pending.body);
        let request = pending.body["request"].clone();
        let choices: Vec<u64> = request["choices"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_u64().unwrap())
            .collect();
        assert_eq!(choices.len(), 3);
        assert!(choices.contains(&number));
        assert_eq!(request["kind"], "reset");
        assert!(!pending.body.to_string().contains(&flow));
        let challenge = request["challenge"].as_str().unwrap().to_owned();

        // A wrong number: a failed proof, counted, and the widget's poll says so.
        let wrong = *choices.iter().find(|n| **n != number).unwrap();
        let refused = stack.answer(
            &mut phone,
            &challenge,
            json!({ "kind": "pick", "number": wrong }),
        );
        assert_eq!(
            (refused.status, error_code(&refused)),
            (422, "approval_failed")
        );
        let polled = stack.status(&flow);
        assert_eq!(
            (polled.status, error_code(&polled)),
            (422, "approval_failed")
        );
        assert_eq!(polled.body["step"]["kind"], "choose_method");
        assert_eq!(polled.body["step"]["verified"], 0);

        // A denial: failed too, and counted.
        stack.ask_the_phone(&flow);
        let challenge = stack.pending(&mut phone).body["request"]["challenge"]
            .as_str()
            .unwrap()
            .to_owned();
        let denied = stack.answer(&mut phone, &challenge, json!({ "kind": "deny" }));
        assert_eq!(
            (denied.status, error_code(&denied)),
            (422, "approval_failed")
        );
        let events = stack.audit_until("u-501", |events| {
            events
                .iter()
                .filter(|e| e["event"] == "proof_failed")
                .count()
                == 2
        });
        let outcomes: Vec<&str> = events
            .iter()
            .filter(|e| e["event"] == "approval_denied")
            .map(|e| e["outcome"].as_str().unwrap())
            .collect();
        assert!(
            outcomes.contains(&"denied") && outcomes.contains(&"wrong_number"),
            "{outcomes:?}"
        );
        let failed: Vec<u64> = events
            .iter()
            .filter(|e| e["event"] == "proof_failed")
            .map(|e| e["detail"]["failed_proofs"].as_u64().unwrap())
            .collect();
        assert!(failed.contains(&2), "{failed:?}");

        // The right number: the reset moves on as after any proof; bea still proves her email.
        let number = stack.ask_the_phone(&flow);
        let pending = stack.pending(&mut phone);
        let challenge = pending.body["request"]["challenge"]
            .as_str()
            .unwrap()
            .to_owned();
        let approved = stack.answer(
            &mut phone,
            &challenge,
            json!({ "kind": "pick", "number": number }),
        );
        assert_eq!(approved.status, 200, "{}", approved.body);
        assert_eq!(approved.body["approved"], true);
        let polled = stack.status(&flow);
        assert_eq!(polled.status, 200, "{}", polled.body);
        assert_eq!(polled.body["step"]["kind"], "choose_method");
        assert_eq!(polled.body["step"]["verified"], 1);
        let again = stack.answer(
            &mut phone,
            &challenge,
            json!({ "kind": "pick", "number": number }),
        );
        assert_eq!(
            (again.status, error_code(&again)),
            (409, "no_approval_pending")
        );
        let verified = stack.prove_email(&flow, "bea@example.com", 1);
        assert_eq!(
            verified.body["step"]["kind"], "new_password",
            "{}",
            verified.body
        );
        stack.audit_until("u-501", |events| {
            events.iter().any(|e| e["event"] == "approval_approved")
                && events.iter().any(|e| e["event"] == "approval_sent")
        });
    }

    #[test]
    #[ignore = "needs the running stack: cargo xtask test"]
    fn replayed_stale_and_forged_signed_requests_are_refused() {
        let stack = stack();
        let mut phone = Phone::new();
        stack.pair("cyd", &mut phone);
        let body = phone.signed(json!({ "kind": "pending" }), stack.now_ms());
        let first = stack.post("/v1/approver/pending", body.clone());
        assert_eq!(first.status, 200, "{}", first.body);
        let replayed = stack.post("/v1/approver/pending", body);
        assert_eq!(
            (replayed.status, error_code(&replayed)),
            (409, "request_replayed")
        );

        let stale = phone.signed(json!({ "kind": "pending" }), stack.now_ms() - 6 * MINUTE_MS);
        let stale = stack.post("/v1/approver/pending", stale);
        assert_eq!((stale.status, error_code(&stale)), (401, "request_stale"));

        let forged = phone.signed_with(
            &fresh_key(),
            json!({ "kind": "pending" }),
            stack.now_ms(),
            "forged-nonce-0123456789",
        );
        let forged = stack.post("/v1/approver/pending", forged);
        assert_eq!(
            (forged.status, error_code(&forged)),
            (401, "signature_invalid")
        );
        let garbage = stack.post("/v1/approver/pending", json!({ "signed": "a.b.c" }));
        assert_eq!(
            (garbage.status, error_code(&garbage)),
            (401, "signature_invalid")
        );
        let malformed = stack.post("/v1/approver/answer", json!({ "signed": 5 }));
        assert_eq!(
            (malformed.status, error_code(&malformed)),
            (400, "bad_request")
        );
        // A pending request sent to the answer route is refused, not taken as an answer.
        let misrouted = phone.signed(json!({ "kind": "pending" }), stack.now_ms());
        let misrouted = stack.post("/v1/approver/answer", misrouted);
        assert_eq!(
            (misrouted.status, error_code(&misrouted)),
            (400, "bad_request")
        );
    }

    #[test]
    #[ignore = "needs the running stack: cargo xtask test"]
    fn an_approval_lapses_after_two_minutes() {
        let stack = stack();
        let mut phone = Phone::new();
        stack.pair("dora", &mut phone);
        let (flow, number) = stack.reset_asking_the_phone("dora");
        let challenge = stack.pending(&mut phone).body["request"]["challenge"]
            .as_str()
            .unwrap()
            .to_owned();
        stack.advance(2 * MINUTE_MS + 1_000);
        let late = stack.answer(
            &mut phone,
            &challenge,
            json!({ "kind": "pick", "number": number }),
        );
        assert_eq!((late.status, error_code(&late)), (410, "approval_expired"));
        let polled = stack.status(&flow);
        assert_eq!(
            polled.body["step"]["kind"], "choose_method",
            "{}",
            polled.body
        );
        assert_eq!(polled.body["step"]["verified"], 0);

        // Unanswered, the widget's poll finds it lapsed; the phone then sees nothing open.
        stack.ask_the_phone(&flow);
        stack.advance(2 * MINUTE_MS + 1_000);
        let polled = stack.status(&flow);
        assert_eq!(
            (polled.status, error_code(&polled)),
            (410, "approval_expired")
        );
        assert_eq!(polled.body["step"]["kind"], "choose_method");
        let nothing = stack.pending(&mut phone);
        assert_eq!(nothing.status, 200, "{}", nothing.body);
        assert!(nothing.body.get("request").is_none(), "{}", nothing.body);
    }

    #[test]
    #[ignore = "needs the running stack: cargo xtask test"]
    fn a_pairing_from_the_phone_refreshes_the_users_row_of_the_registration_report() {
        let stack = stack();
        // fynn (u-505) holds the directory's address; two methods are required here.
        let offered = stack.register("fynn", "/v1/register/app", json!({}));
        assert_eq!(offered.status, 200, "{}", offered.body);
        let before = stack.report_row_until("u-505", |row| !row.is_null());
        assert_eq!(before["methods"], json!(["email_code"]), "{before}");
        assert_eq!(
            (&before["status"], &before["capable"]),
            (&json!("register"), &json!(false))
        );

        // The phone pairs itself: no registration request of fynn's follows.
        let uri = offered.body["approver"]["pairing"]["uri"].as_str().unwrap();
        let code = uri.split_once("#pair=").unwrap().1;
        let phone = Phone::new();
        let paired = stack.post(
            "/v1/approver/pair",
            json!({ "pairing": code, "name": "Fynn's phone", "key": phone.jwk() }),
        );
        assert_eq!(paired.status, 200, "{}", paired.body);

        let after = stack.report_row_until("u-505", |row| row["status"] != "register");
        assert_eq!(
            after["methods"],
            json!(["email_code", "app_notification"]),
            "{after}"
        );
        assert_eq!(
            (&after["status"], &after["capable"]),
            (&json!("up_to_date"), &json!(true))
        );
        assert!(after["updated_at"].as_u64() > before["updated_at"].as_u64());
        let with_app = stack.get_json(
            &format!(
                "{}/v1/admin/reports/registration?method=app_notification&limit=1000",
                stack.edge
            ),
            Some(&format!("Bearer {}", var("SSPR_ADMIN_TOKEN"))),
        );
        assert!(
            with_app["users"]
                .as_array()
                .unwrap()
                .iter()
                .any(|row| row["user_id"] == "u-505"),
            "{with_app}"
        );
    }

    #[test]
    #[ignore = "needs the running stack: cargo xtask test"]
    fn an_unlock_the_phone_approves_last_is_applied_by_the_widgets_poll() {
        let stack = stack();
        let mut phone = Phone::new();
        stack.pair("emil", &mut phone);
        let started = stack.post("/v1/unlock/start", json!({ "username": "emil" }));
        assert_eq!(
            started.body["step"]["kind"], "choose_method",
            "{}",
            started.body
        );
        let flow = started.body["flow"].as_str().unwrap().to_owned();
        // The emailed code first (the pairing notice was emil's first email).
        let verified = stack.prove_email(&flow, "emil@example.com", 1);
        assert_eq!(verified.body["step"]["verified"], 1, "{}", verified.body);
        // Then the phone, the last proof: the widget's next poll applies the unlock.
        let number = stack.ask_the_phone(&flow);
        let pending = stack.pending(&mut phone);
        assert_eq!(
            pending.body["request"]["kind"], "unlock",
            "{}",
            pending.body
        );
        let challenge = pending.body["request"]["challenge"]
            .as_str()
            .unwrap()
            .to_owned();
        let approved = stack.answer(
            &mut phone,
            &challenge,
            json!({ "kind": "pick", "number": number }),
        );
        assert_eq!(approved.status, 200, "{}", approved.body);
        let polled = stack.status(&flow);
        assert_eq!(polled.body["step"]["kind"], "done", "{}", polled.body);
        stack.audit_until("u-504", |events| {
            events
                .iter()
                .any(|e| e["event"] == "unlocked" && e["outcome"] == "ok")
        });
    }

    #[test]
    #[ignore = "needs the running stack: cargo xtask test"]
    fn a_phone_with_notifications_on_is_woken_by_a_push_for_each_approval() {
        let stack = stack();
        let mut phone = Phone::new();
        let paired = stack.pair("gus", &mut phone);
        let key = paired.body["push_key"]
            .as_str()
            .unwrap_or_else(|| panic!("the questions edge sends Web Push: {}", paired.body))
            .to_owned();
        assert_eq!(paired.body["push"], false, "{}", paired.body);
        let endpoint = stack.subscribe(&key);

        // Only the push services the edge allows.
        let elsewhere = stack.push(&mut phone, Some("https://attacker.example/push/abc"));
        assert_eq!(
            (elsewhere.status, error_code(&elsewhere)),
            (400, "bad_request"),
            "{}",
            elsewhere.body
        );
        let on = stack.push(&mut phone, Some(&endpoint));
        assert_eq!(
            (on.status, &on.body["push"]),
            (200, &json!(true)),
            "{}",
            on.body
        );
        assert_eq!(stack.pending(&mut phone).body["push"], true);

        // Asking the phone pushes an empty, urgent, short-lived message, signed with VAPID
        // (the stand-in refuses anything else).
        let (flow, _) = stack.reset_asking_the_phone("gus");
        let pushes = stack.pushes_until(&endpoint, 1);
        assert_eq!(pushes[0]["urgency"], "high");
        assert_eq!(pushes[0]["ttl"], 120);
        assert_eq!(pushes[0]["topic"], "sspr-approval");
        assert_eq!(pushes[0]["bytes"], 0, "no payload crosses the push service");

        // A subscription the push service dropped breaks nothing: the reset still asks.
        let gone = format!("{}/api/gone", stack.push);
        let ended = stack
            .agent
            .post(&gone)
            .send(json!({ "endpoint": endpoint }).to_string());
        assert_eq!(Answer::read(ended, &gone).status, 200);
        let denied = stack.pending(&mut phone);
        let challenge = denied.body["request"]["challenge"]
            .as_str()
            .unwrap()
            .to_owned();
        stack.answer(&mut phone, &challenge, json!({ "kind": "deny" }));
        stack.ask_the_phone(&flow);
        assert_eq!(stack.status(&flow).body["step"]["kind"], "await_approval");
        // …and the edge forgets it, so the page offers notifications again.
        let deadline = Instant::now() + Duration::from_secs(15);
        while stack.pending(&mut phone).body["push"] != false {
            assert!(
                Instant::now() < deadline,
                "the ended subscription is still in use"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let again = stack.push(&mut phone, Some(&endpoint));
        assert_eq!(again.body["push"], true, "{}", again.body);

        // Off: the edge forgets the endpoint.
        let off = stack.push(&mut phone, None);
        assert_eq!(
            (off.status, &off.body["push"]),
            (200, &json!(false)),
            "{}",
            off.body
        );
        assert_eq!(stack.pending(&mut phone).body["push"], false);
    }
}
