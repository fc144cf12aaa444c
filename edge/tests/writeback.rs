//! The edge on the writeback connector, over HTTP: `wrangler dev` (workerd) posts its signed
//! requests to `sspr-writeback` (`writeback/`), which sets passwords and unlocks accounts in a
//! real OpenLDAP slapd with the ppolicy overlay (the connector tests' fixture). The proof that
//! a change landed is an LDAP bind (`ldapwhoami`) with the new password. The edge's policy is
//! email codes only (`WRITEBACK_POLICY` in xtask). `cargo xtask edge writeback` starts the stack
//! and runs them; each test has a user of the fixture of its own.

mod common;
#[path = "../../writeback/tests/common/slapd.rs"]
mod slapd;

use std::process::Command;
use std::time::{Duration, Instant};

use common::{Answer, agent, code_in, error_code, var};
use serde_json::{Value, json};

struct Stack {
    edge: String,
    site: String,
    mailbox: String,
    slapd: String,
    agent: ureq::Agent,
}

/// The stack, with no mail left for `address`.
fn stack(address: &str) -> Stack {
    let stack = Stack {
        edge: var("SSPR_EDGE_WRITEBACK"),
        site: var("SSPR_SITE"),
        mailbox: var("SSPR_MAILBOX"),
        slapd: var("SSPR_SLAPD"),
        agent: agent(),
    };
    let url = format!("{}/api/messages?to={address}", stack.mailbox);
    Answer::read(stack.agent.delete(&url).call(), &url);
    stack
}

impl Stack {
    /// Posts to the edge as the widget on the demo site would.
    fn post(&self, path: &str, body: Value) -> Answer {
        let url = format!("{}{path}", self.edge);
        let sent = self
            .agent
            .post(&url)
            .header("Content-Type", "application/json")
            .header("Origin", &self.site)
            .send(body.to_string());
        Answer::read(sent, &format!("POST {url}"))
    }

    /// The code of the `nth` email to `address`.
    fn code(&self, address: &str, nth: usize) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let url = format!("{}/api/messages", self.mailbox);
            let all = Answer::read(self.agent.get(&url).call(), &url);
            let mine: Vec<&Value> = all
                .body
                .as_array()
                .expect("the mailbox lists messages")
                .iter()
                .filter(|m| m["to"][0] == address)
                .collect();
            if let Some(message) = mine.get(nth) {
                return code_in(message["text"].as_str().unwrap());
            }
            assert!(Instant::now() < deadline, "no code reached {address}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Starts a `flow` ("reset" or "unlock") for `user` and proves it with the emailed code;
    /// returns the flow token and the answer to the proof.
    fn prove(&self, flow: &str, user: &str, address: &str) -> (String, Answer) {
        let start = self.post(&format!("/v1/{flow}/start"), json!({ "username": user }));
        assert_eq!(start.body["step"]["kind"], "verify_code", "{}", start.body);
        let token = start.body["flow"].as_str().unwrap().to_owned();
        let code = self.code(address, 0);
        // Both flows are proved at the same route.
        let verified = self.post("/v1/reset/verify", json!({ "flow": token, "code": code }));
        (token, verified)
    }

    /// A reset for `user` proved with the emailed code: the flow, now at the new password.
    fn reset_proved(&self, user: &str, address: &str) -> String {
        let (flow, verified) = self.prove("reset", user, address);
        let step = &verified.body["step"]["kind"];
        assert_eq!(step, "new_password", "{}", verified.body);
        flow
    }

    /// Submits `password` as the new password of `flow`.
    fn set_password(&self, flow: &str, password: &str) -> Answer {
        self.post(
            "/v1/reset/password",
            json!({ "flow": flow, "password": password }),
        )
    }

    /// Whether `dn` binds to the directory with `password` (a real LDAP simple bind).
    fn binds(&self, dn: &str, password: &str) -> bool {
        let status = Command::new("ldapwhoami")
            .args(["-x", "-H", &self.slapd, "-D", dn, "-w", password])
            .output()
            .expect("ldapwhoami runs (ldap-utils; `cargo xtask test` installs it)");
        status.status.success()
    }
}

#[test]
#[ignore = "needs the running stack: cargo xtask test"]
fn a_reset_through_the_connector_changes_the_password_in_the_directory() {
    let stack = stack(slapd::ALICE_MAIL);
    let flow = stack.reset_proved(slapd::ALICE_UID, slapd::ALICE_MAIL);
    let done = stack.set_password(&flow, "Quiet-Harbour-93");
    assert_eq!(done.body["step"]["kind"], "done", "{}", done.body);
    assert!(stack.binds(slapd::ALICE_DN, "Quiet-Harbour-93"));
    assert!(!stack.binds(slapd::ALICE_DN, slapd::ALICE_PASSWORD));
}

#[test]
#[ignore = "needs the running stack: cargo xtask test"]
fn refusals_by_the_directory_or_the_breach_check_ask_for_another_password_without_proving_again() {
    let address = "erin@example.com";
    let stack = stack(address);
    let flow = stack.reset_proved(slapd::ERIN_UID, address);
    // This edge's policy has breached_check = "fail_closed": while Pwned Passwords cannot be
    // asked, no password is taken, and the same one may be sent again.
    {
        let _outage = common::pwned::Outage::start(0);
        let unchecked = stack.set_password(&flow, "Quiet-Harbour-Fox-9");
        assert_eq!(
            (unchecked.status, error_code(&unchecked)),
            (503, "breach_check_unavailable"),
            "{}",
            unchecked.body
        );
        assert_eq!(unchecked.body["step"]["kind"], "new_password");
    }
    let breached = stack.set_password(&flow, common::pwned::BREACHED);
    assert_eq!(
        (breached.status, error_code(&breached)),
        (422, "password_breached"),
        "{}",
        breached.body
    );
    // Long enough for the edge's rules (8), too short for the directory's ppolicy (12).
    let refused = stack.set_password(&flow, "Quiet-Fox9");
    assert_eq!(
        (refused.status, error_code(&refused)),
        (422, "password_rejected"),
        "{}",
        refused.body
    );
    assert!(
        refused.body.to_string().contains("longer"),
        "the directory's reason reaches the user: {}",
        refused.body
    );
    let done = stack.set_password(&flow, "Quiet-Harbour-Fox-9");
    assert_eq!(done.body["step"]["kind"], "done", "{}", done.body);
    assert!(stack.binds(slapd::ERIN_DN, "Quiet-Harbour-Fox-9"));
}

#[test]
#[ignore = "needs the running stack: cargo xtask test"]
fn an_account_locked_in_the_directory_is_unlocked_keeping_its_password() {
    let address = "dave@example.com";
    let stack = stack(address);
    for _ in 0..slapd::PWD_MAX_FAILURE {
        assert!(!stack.binds(slapd::DAVE_DN, "not-daves-password"));
    }
    assert!(
        !stack.binds(slapd::DAVE_DN, slapd::DAVE_PASSWORD),
        "locked out"
    );
    let (_, done) = stack.prove("unlock", slapd::DAVE_UID, address);
    assert_eq!(
        (done.status, done.body["step"]["kind"].as_str()),
        (200, Some("done")),
        "{}",
        done.body
    );
    assert!(stack.binds(slapd::DAVE_DN, slapd::DAVE_PASSWORD));
}

#[test]
#[ignore = "needs the running stack: cargo xtask test"]
fn a_disabled_directory_account_walks_the_decoy_and_keeps_its_password() {
    let address = "carol@example.com";
    let stack = stack(address);
    let start = stack.post("/v1/reset/start", json!({ "username": slapd::CAROL_UID }));
    let unknown = stack.post("/v1/reset/start", json!({ "username": "no-such-user" }));
    assert_eq!(start.status, unknown.status);
    assert_eq!(start.body["step"]["kind"], unknown.body["step"]["kind"]);
    std::thread::sleep(Duration::from_secs(2));
    let url = format!("{}/api/messages", stack.mailbox);
    let all = Answer::read(stack.agent.get(&url).call(), &url);
    assert!(
        !all.body.to_string().contains(address),
        "no code goes to a disabled account"
    );
    assert!(
        !stack.binds(slapd::CAROL_DN, slapd::CAROL_PASSWORD),
        "still disabled"
    );
}
