//! The connector against a real OpenLDAP `slapd` with the ppolicy overlay (fixture in
//! `tests/fixtures`, started by `tests/common/slapd.rs`), over HTTP, with requests signed as
//! the edge signs them. Each test has its own slapd and its own connector.

mod common;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use common::slapd::{self, Slapd};
use serde_json::{Value, json};
use sspr_core::webhook;
use sspr_writeback::config::Config;
use sspr_writeback::directory::Directory;
use sspr_writeback::journal::Journal;
use sspr_writeback::ldap::LdapDirectory;
use sspr_writeback::server;
use sspr_writeback::service::Service;

const SECRET: &str = "test-secret-0123456789abcdef-0123456789";

/// A slapd, and a connector serving it on a loopback port.
struct Stack {
    slapd: Slapd,
    address: SocketAddr,
    state_dir: std::path::PathBuf,
    _runtime: tokio::runtime::Runtime,
}

impl Stack {
    fn start() -> Stack {
        let slapd = Slapd::start();
        let state_dir = slapd.dir().join("writeback-state");
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let address = start_connector(&runtime, &slapd, &state_dir);
        Stack {
            slapd,
            address,
            state_dir,
            _runtime: runtime,
        }
    }

    fn url(&self) -> String {
        format!("http://{}{}", self.address, server::WEBHOOK_PATH)
    }

    /// Posts `request` signed now under `key`; returns the status and the JSON body.
    fn send(&self, request: &Value, key: &str) -> (u16, Value) {
        let body = request.to_string();
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis() as u64;
        let headers = webhook::signed_headers(SECRET.as_bytes(), now, &body, key);
        self.post(&body, &headers)
    }

    fn post(&self, body: &str, headers: &[(&str, String)]) -> (u16, Value) {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(30)))
            .build()
            .into();
        let mut request = agent
            .post(&self.url())
            .header("content-type", "application/json");
        for (name, value) in headers {
            request = request.header(*name, value);
        }
        let mut response = request.send(body).expect("the connector answers");
        let text = response.body_mut().read_to_string().unwrap();
        (
            response.status().as_u16(),
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    fn lookup(&self, username: &str) -> Value {
        let (status, body) = self.send(
            &json!({"type": "user.lookup", "username": username}),
            &unique_key(),
        );
        assert_eq!(status, 200, "{body}");
        body["user"].clone()
    }

    fn set_password(&self, user_id: &str, password: &str, op: &str) -> (u16, Value) {
        self.send(
            &json!({"type": "password.set", "user_id": user_id, "password": password, "operation_id": op}),
            op,
        )
    }

    /// The id the connector gives the user `username`.
    fn id_of(&self, username: &str) -> String {
        self.lookup(username)["id"].as_str().unwrap().to_owned()
    }

    /// Whether `dn` can bind with `password` (a real LDAP simple bind).
    fn binds(&self, dn: &str, password: &str) -> bool {
        let url = self.slapd.url.clone();
        let (dn, password) = (dn.to_owned(), password.to_owned());
        let runtime = block_on_runtime();
        runtime.block_on(async move {
            let (conn, mut ldap) = ldap3::LdapConnAsync::new(&url).await.unwrap();
            ldap3::drive!(conn);
            let result = ldap.simple_bind(&dn, &password).await.unwrap();
            let _ = ldap.unbind().await;
            result.rc == 0
        })
    }
}

fn start_connector(
    runtime: &tokio::runtime::Runtime,
    slapd: &Slapd,
    state_dir: &std::path::Path,
) -> SocketAddr {
    let (directory, secret) = directory(slapd, state_dir);
    let journal = Journal::open(state_dir, unix_now()).unwrap();
    let service = Arc::new(Service::new(directory, secret, journal));
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        tokio::spawn(server::serve(
            listener,
            None,
            service,
            std::future::pending(),
        ));
        address
    })
}

/// The connector's directory for `slapd`, as configured, and its signing secret.
fn directory(slapd: &Slapd, state_dir: &std::path::Path) -> (LdapDirectory, Vec<u8>) {
    directory_with(slapd, state_dir, "")
}

/// As [`directory`], with `extra` lines in its `[directory]` section (`NO_GROUP_BASE` in
/// them leaves `group_base_dn` out).
fn directory_with(
    slapd: &Slapd,
    state_dir: &std::path::Path,
    extra: &str,
) -> (LdapDirectory, Vec<u8>) {
    let group_base = if extra.contains(NO_GROUP_BASE) {
        String::new()
    } else {
        format!("group_base_dn = \"{}\"", slapd::GROUPS_DN)
    };
    let extra = extra.replace(NO_GROUP_BASE, "");
    let config = Config::parse(&format!(
        r#"
listen = "127.0.0.1:0"
state_dir = "{state}"
[directory]
kind = "openldap"
url = "{url}"
bind_dn = "{service}"
base_dn = "{people}"
{group_base}
admin_groups = ["{admins}"]
{extra}
"#,
        state = state_dir.display(),
        url = slapd.url,
        service = slapd::SERVICE_DN,
        people = slapd::PEOPLE_DN,
        admins = slapd::ADMIN_GROUP_DN,
    ))
    .unwrap();
    let loaded = config
        .load(|name| match name {
            "SSPR_WRITEBACK_SECRET" => Some(SECRET.into()),
            "SSPR_WRITEBACK_BIND_PASSWORD" => Some(slapd::SERVICE_PASSWORD.into()),
            _ => None,
        })
        .unwrap();
    (LdapDirectory::new(&loaded).unwrap(), loaded.secret.clone())
}

/// A runtime for calling the directory directly from a test.
fn block_on_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// A runtime to run a (restarted) connector on, beside the test.
fn connector_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap()
}

/// In `directory_with`'s `extra`: no `group_base_dn`.
const NO_GROUP_BASE: &str = "# no group_base_dn";

fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

fn unique_key() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    format!(
        "key-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst)
    )
}

#[test]
fn a_lookup_reads_the_users_details_groups_and_id() {
    let stack = Stack::start();
    let alice = stack.lookup(slapd::ALICE_UID);
    let id = alice["id"].as_str().unwrap();
    assert!(
        sspr_writeback::dialect::is_uuid_shaped(id),
        "entryUUID: {id}"
    );
    assert_eq!(alice["email"], slapd::ALICE_MAIL);
    assert_eq!(alice["phone"], slapd::ALICE_MOBILE);
    assert_eq!(alice["display_name"], "Alice Anders");
    assert_eq!(alice["enabled"], true);
    assert_eq!(alice["admin"], false);
    assert_eq!(alice["groups"], json!(["staff"]));
    let bob = stack.lookup(slapd::BOB_UID);
    assert_eq!(bob["admin"], true);
    assert_eq!(bob["groups"], json!(["it-admins"]));
}

#[test]
fn a_member_of_a_group_within_the_administrators_group_is_an_administrator() {
    let stack = Stack::start();
    let frank = stack.lookup(slapd::FRANK_UID);
    assert_eq!(frank["groups"], json!(["helpdesk-leads", "it-admins"]));
    assert_eq!(frank["admin"], true, "{frank}");
    // A cycle (it-admins within helpdesk-leads within it-admins) ends, and changes nothing.
    stack.slapd.modify_as_admin(&format!(
        "dn: {}\nchangetype: modify\nadd: member\nmember: {}\n",
        slapd::HELPDESK_GROUP_DN,
        slapd::ADMIN_GROUP_DN
    ));
    let frank = stack.lookup(slapd::FRANK_UID);
    assert_eq!(frank["groups"], json!(["helpdesk-leads", "it-admins"]));
    assert_eq!(
        stack.lookup(slapd::BOB_UID)["groups"],
        json!(["it-admins", "helpdesk-leads"])
    );
}

#[test]
fn without_group_base_dn_an_administrator_through_a_nested_group_is_still_one() {
    let slapd = Slapd::start();
    let state_dir = slapd.dir().join("no-group-base");
    let (directory, _) = directory_with(&slapd, &state_dir, NO_GROUP_BASE);
    let runtime = block_on_runtime();
    runtime.block_on(async {
        // No memberOf in this directory and no base to search: no groups are known, but the
        // administrators' groups, read downwards, hold frank (through helpdesk-leads) and bob.
        for (username, admin) in [
            (slapd::FRANK_UID, true),
            (slapd::BOB_UID, true),
            (slapd::ALICE_UID, false),
        ] {
            let user = directory.lookup(username).await.unwrap().unwrap();
            assert_eq!(user.admin, admin, "{username}");
            assert!(user.groups.is_empty(), "{username}: {:?}", user.groups);
        }
        assert_eq!(directory.admins().await.unwrap().len(), 2);
    });
}

#[test]
fn an_unknown_username_or_a_filter_injection_finds_no_one() {
    let stack = Stack::start();
    assert_eq!(stack.lookup("nobody"), Value::Null);
    assert_eq!(stack.lookup("*"), Value::Null);
    assert_eq!(stack.lookup("alice)(uid=*"), Value::Null);
}

#[test]
fn a_permanently_locked_account_is_disabled_and_is_not_reset() {
    let stack = Stack::start();
    let carol = stack.lookup(slapd::CAROL_UID);
    assert_eq!(carol["enabled"], false);
    let id = carol["id"].as_str().unwrap();
    let (status, body) = stack.set_password(id, "Brand-New-Pass-42", "op-carol");
    assert_eq!(status, 403, "{body}");
    assert!(!stack.binds(slapd::CAROL_DN, "Brand-New-Pass-42"));
}

#[test]
fn a_password_set_through_the_connector_binds() {
    let stack = Stack::start();
    let id = stack.id_of(slapd::ALICE_UID);
    let (status, body) = stack.set_password(&id, "Brand-New-Pass-42", "op-1");
    assert_eq!((status, &body), (200, &json!({})));
    assert!(stack.binds(slapd::ALICE_DN, "Brand-New-Pass-42"));
    assert!(!stack.binds(slapd::ALICE_DN, slapd::ALICE_PASSWORD));
    // update_shadow_last_change is off by default.
    assert_eq!(
        stack
            .slapd
            .read_as_admin(slapd::ALICE_DN, "shadowLastChange")
            .as_deref(),
        Some(slapd::ALICE_SHADOW_LAST_CHANGE)
    );
}

#[test]
fn with_update_shadow_last_change_a_reset_dates_a_shadow_account_today() {
    let slapd = Slapd::start();
    let state_dir = slapd.dir().join("shadow-state");
    let (directory, _) = directory_with(&slapd, &state_dir, "update_shadow_last_change = true");
    let runtime = block_on_runtime();
    runtime.block_on(async {
        for username in [slapd::ALICE_UID, slapd::ERIN_UID] {
            let id = directory.lookup(username).await.unwrap().unwrap().id;
            directory
                .set_password(&id, "Brand-New-Pass-42")
                .await
                .unwrap();
        }
    });
    let today = sspr_writeback::dialect::days_since_epoch(std::time::SystemTime::now());
    assert_eq!(
        slapd.read_as_admin(slapd::ALICE_DN, "shadowLastChange"),
        Some(today.to_string())
    );
    // erin is no shadowAccount: nothing is added to her entry.
    assert_eq!(
        slapd.read_as_admin(slapd::ERIN_DN, "shadowLastChange"),
        None
    );
}

#[test]
fn a_retried_operation_is_answered_again_without_a_second_change() {
    let stack = Stack::start();
    let id = stack.id_of(slapd::ALICE_UID);
    assert_eq!(stack.set_password(&id, "Brand-New-Pass-42", "op-1").0, 200);
    // Applied twice, the password history would refuse the second: the journal answers it.
    assert_eq!(stack.set_password(&id, "Brand-New-Pass-42", "op-1").0, 200);
    // Also after a restart of the connector on the same state directory.
    let runtime = connector_runtime();
    let restarted = Stack {
        address: start_connector(&runtime, &stack.slapd, &stack.state_dir),
        ..stack
    };
    assert_eq!(
        restarted.set_password(&id, "Brand-New-Pass-42", "op-1").0,
        200
    );
    // A new operation with the same password is a real change, which the history refuses.
    let (status, body) = restarted.set_password(&id, "Brand-New-Pass-42", "op-2");
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"]["code"], "password_policy");
    drop(runtime);
}

#[test]
fn a_set_interrupted_before_it_was_journalled_is_applied_once() {
    let stack = Stack::start();
    let alice = stack.id_of(slapd::ALICE_UID);
    let bob = stack.id_of(slapd::BOB_UID);
    // A connector stopped with two changes begun: alice's reached the directory before the
    // stop, bob's did not.
    let state_dir = stack.slapd.dir().join("interrupted-state");
    let mut journal = Journal::open(&state_dir, unix_now()).unwrap();
    let erin = stack.id_of(slapd::ERIN_UID);
    for (op, user) in [("op-7", &alice), ("op-8", &bob), ("op-9", &erin)] {
        assert_eq!(
            journal.begin(op, "password.set", user, unix_now()).unwrap(),
            sspr_writeback::journal::Seen::New
        );
    }
    drop(journal);
    let runtime = connector_runtime();
    let (directory, _) = directory(&stack.slapd, &state_dir);
    runtime
        .block_on(directory.set_password(&alice, "Brand-New-Pass-42"))
        .unwrap();
    // erin's reached the directory too, and then devices with her old password locked her out.
    runtime
        .block_on(directory.set_password(&erin, "Erins-New-Pass-42"))
        .unwrap();
    for _ in 0..slapd::PWD_MAX_FAILURE {
        assert!(!stack.binds(slapd::ERIN_DN, slapd::ERIN_PASSWORD));
    }
    let restarted = Stack {
        address: start_connector(&runtime, &stack.slapd, &state_dir),
        state_dir,
        ..stack
    };
    // Applied a second time, alice's password would be refused by the history (422).
    let (status, body) = restarted.set_password(&alice, "Brand-New-Pass-42", "op-7");
    assert_eq!((status, &body), (200, &json!({})));
    let (status, body) = restarted.set_password(&bob, "Bobs-New-Pass-42", "op-8");
    assert_eq!((status, &body), (200, &json!({})));
    assert!(restarted.binds(slapd::ALICE_DN, "Brand-New-Pass-42"));
    assert!(restarted.binds(slapd::BOB_DN, "Bobs-New-Pass-42"));
    assert!(!restarted.binds(slapd::BOB_DN, slapd::BOB_PASSWORD));
    // Locked, erin's bind cannot tell: nothing is set again (her history would refuse it, and
    // she would be told her reset failed), and the edge is asked to retry later.
    let (status, body) = restarted.set_password(&erin, "Erins-New-Pass-42", "op-9");
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (503, Some("directory_unavailable")),
        "{body}"
    );
    drop(runtime);
}

#[test]
fn the_directorys_password_policy_refusals_reach_the_user() {
    let stack = Stack::start();
    let id = stack.id_of(slapd::ALICE_UID);
    let (status, body) = stack.set_password(&id, "Short-1!", "op-short");
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"]["code"], "password_policy");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("longer"),
        "{body}"
    );
    // Back to the password she has now: in her history.
    let (status, body) = stack.set_password(&id, slapd::ALICE_PASSWORD, "op-history");
    assert_eq!(status, 422, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("used this password before"),
        "{body}"
    );
    assert!(
        stack.binds(slapd::ALICE_DN, slapd::ALICE_PASSWORD),
        "nothing changed"
    );
}

#[test]
fn an_account_locked_by_failed_binds_is_unlocked_keeping_its_password() {
    let stack = Stack::start();
    for _ in 0..slapd::PWD_MAX_FAILURE {
        assert!(!stack.binds(slapd::DAVE_DN, "wrong-password-guess"));
    }
    assert!(
        !stack.binds(slapd::DAVE_DN, slapd::DAVE_PASSWORD),
        "locked out"
    );
    let id = stack.id_of(slapd::DAVE_UID);
    let (status, body) = stack.send(
        &json!({"type": "account.unlock", "user_id": id, "operation_id": "op-unlock"}),
        "op-unlock",
    );
    assert_eq!((status, &body), (200, &json!({})));
    assert!(stack.binds(slapd::DAVE_DN, slapd::DAVE_PASSWORD));
    // Unlocking again, under a new operation, finds nothing to do and succeeds.
    let (status, _) = stack.send(
        &json!({"type": "account.unlock", "user_id": id, "operation_id": "op-unlock-2"}),
        "op-unlock-2",
    );
    assert_eq!(status, 200);
}

#[test]
fn a_reset_also_ends_a_lockout() {
    let stack = Stack::start();
    for _ in 0..slapd::PWD_MAX_FAILURE {
        assert!(!stack.binds(slapd::ERIN_DN, "wrong-password-guess"));
    }
    let id = stack.id_of(slapd::ERIN_UID);
    assert_eq!(
        stack.set_password(&id, "Erin-Fresh-Pass-7", "op-erin").0,
        200
    );
    assert!(stack.binds(slapd::ERIN_DN, "Erin-Fresh-Pass-7"));
}

#[test]
fn the_administrators_are_listed_with_their_language() {
    let stack = Stack::start();
    let (status, body) = stack.send(&json!({"type": "admins.list"}), &unique_key());
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["admins"],
        json!([
            {"email": "bob@example.com", "display_name": "Bob Berger", "language": "en"},
            // Through helpdesk-leads, a group that it-admins holds.
            {"email": "frank@example.com", "display_name": "Frank Fischer", "language": "nl"},
        ])
    );
}

#[test]
fn unsigned_replayed_and_unknown_requests_are_refused() {
    let stack = Stack::start();
    let lookup = json!({"type": "user.lookup", "username": "alice"});
    let (status, body) = stack.post(&lookup.to_string(), &[]);
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (401, Some("bad_signature"))
    );
    assert_eq!(stack.send(&lookup, "same-key").0, 200);
    let (status, body) = stack.send(&lookup, "same-key");
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (409, Some("replayed"))
    );
    let (status, body) = stack.set_password("not-an-id", "Brand-New-Pass-42", "op-bad-id");
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (400, Some("bad_request"))
    );
    let unknown = "00000000-0000-0000-0000-000000000000";
    let (status, body) = stack.set_password(unknown, "Brand-New-Pass-42", "op-nobody");
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (404, Some("user_not_found"))
    );
    let big = "x".repeat(sspr_writeback::service::MAX_BODY_BYTES + 1);
    assert_eq!(stack.post(&big, &[]).0, 413);
}

#[test]
fn a_directory_that_refuses_the_service_account_is_503_and_logged_not_leaked() {
    let slapd = Slapd::start();
    let config = Config::parse(&format!(
        "listen = \"127.0.0.1:0\"\nstate_dir = \"{}\"\n[directory]\nkind = \"openldap\"\nurl = \"{}\"\nbind_dn = \"{}\"\nbase_dn = \"{}\"\n",
        slapd.dir().join("state").display(),
        slapd.url,
        slapd::SERVICE_DN,
        slapd::PEOPLE_DN
    ))
    .unwrap();
    let loaded = config
        .load(|name| {
            Some(if name.contains("SECRET") {
                SECRET.into()
            } else {
                "wrong".into()
            })
        })
        .unwrap();
    let directory = LdapDirectory::new(&loaded).unwrap();
    let runtime = block_on_runtime();
    let err = runtime
        .block_on(sspr_writeback::directory::Directory::lookup(
            &directory, "alice",
        ))
        .unwrap_err();
    assert!(err.to_string().contains("bind"), "{err}");
}

/// The connector's configuration for `slapd`, as an operator writes it.
fn config_file(slapd: &Slapd, extra: &str) -> std::path::PathBuf {
    let path = slapd.dir().join("writeback.toml");
    std::fs::write(
        &path,
        format!(
            "listen = \"127.0.0.1:0\"\nstate_dir = \"{}\"\n{extra}\n[directory]\nkind = \"openldap\"\nurl = \"{}\"\nbind_dn = \"{}\"\nbase_dn = \"{}\"\nadmin_groups = [\"{}\"]\n",
            slapd.dir().join("state").display(),
            slapd.url,
            slapd::SERVICE_DN,
            slapd::PEOPLE_DN,
            slapd::ADMIN_GROUP_DN,
        ),
    )
    .unwrap();
    path
}

fn connector(config: &std::path::Path, bind_password: &str) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_sspr-writeback"))
        .args(["--config", config.to_str().unwrap(), "--check"])
        .env("SSPR_WRITEBACK_SECRET", SECRET)
        .env("SSPR_WRITEBACK_BIND_PASSWORD", bind_password)
        .output()
        .unwrap()
}

#[test]
fn check_binds_to_the_directory_and_counts_the_administrators() {
    let slapd = Slapd::start();
    let out = connector(&config_file(&slapd, ""), slapd::SERVICE_PASSWORD);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("is valid; bound to"), "{stdout}");
    assert!(
        stdout.contains("2 administrator(s) with an address"),
        "{stdout}"
    );
}

#[test]
fn check_names_a_wrong_password_or_a_bad_field_and_fails() {
    let slapd = Slapd::start();
    let wrong = connector(&config_file(&slapd, ""), "not-the-password");
    assert!(!wrong.status.success());
    let said = String::from_utf8_lossy(&wrong.stderr);
    assert!(said.contains("bind"), "{said}");
    let typo = connector(&config_file(&slapd, "listn = 1"), slapd::SERVICE_PASSWORD);
    assert!(!typo.status.success());
    let said = String::from_utf8_lossy(&typo.stderr);
    assert!(
        said.contains("listn") && said.contains("writeback.toml"),
        "{said}"
    );
}
