//! One signed request in, one JSON answer out: the signed-webhook protocol of
//! `sspr_core::webhook`, served over a [`Directory`]. No sockets here; [`crate::server`]
//! carries the bytes.
//!
//! Answers, as the edge's webhook backend reads them:
//! - 200 `{"user": …}` / `{"user": null}` / `{"admins": […]}` / `{}` (a change applied);
//! - 422 `password_policy` with the directory's reason (the edge asks for another password);
//! - 400 `bad_request`, 401 `bad_signature`, 404 `user_not_found`, 409 `replayed` /
//!   `in_progress` / `idempotency_conflict`, 403 `account_disabled`, 503
//!   `directory_unavailable` / `journal_unavailable`: all other failures, which the edge
//!   retries or reports.

use std::sync::Mutex;

use serde_json::{Value, json};
use sspr_core::webhook::{
    self, AdminContactsResponse, LookupResponse, PASSWORD_POLICY, UnixSeconds, WebhookRequest,
};

use crate::directory::{Directory, DirectoryError};
use crate::journal::{Journal, Outcome, Seen};

/// The largest request body taken, in bytes.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// The signature headers of a request, as received.
#[derive(Debug, Clone, Default)]
pub struct Signed<'a> {
    pub timestamp: Option<&'a str>,
    pub signature: Option<&'a str>,
    pub idempotency_key: Option<&'a str>,
}

/// An answer: HTTP status and JSON body.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    pub status: u16,
    pub body: Value,
}

impl Reply {
    fn ok(body: Value) -> Reply {
        Reply { status: 200, body }
    }

    /// An error answer with a stable code and a message for people.
    pub fn error(status: u16, code: &str, message: impl Into<String>) -> Reply {
        Reply {
            status,
            body: json!({ "error": { "code": code, "message": message.into() } }),
        }
    }
}

/// The request handler.
pub struct Service<D> {
    directory: D,
    secret: Vec<u8>,
    journal: Mutex<Journal>,
}

impl<D: Directory> Service<D> {
    pub fn new(directory: D, secret: Vec<u8>, journal: Journal) -> Service<D> {
        Service {
            directory,
            secret,
            journal: Mutex::new(journal),
        }
    }

    /// Answers one request received at `now`. Logs one line per change, never a password.
    pub async fn handle(&self, signed: Signed<'_>, body: &[u8], now: UnixSeconds) -> Reply {
        let Ok(body) = std::str::from_utf8(body) else {
            return Reply::error(400, "bad_request", "the body is not UTF-8");
        };
        if let Err(problem) = self.check_signature(&signed, body, now) {
            return Reply::error(401, "bad_signature", problem);
        }
        let key = match signed.idempotency_key.map(str::trim) {
            Some(key) if valid_key(key) => key,
            _ => {
                return Reply::error(
                    400,
                    "bad_request",
                    "Idempotency-Key must be 1 to 200 visible ASCII characters",
                );
            }
        };
        let request: WebhookRequest = match serde_json::from_str(body) {
            Ok(request) => request,
            Err(err) => {
                return Reply::error(400, "bad_request", format!("unreadable request: {err}"));
            }
        };
        match request {
            WebhookRequest::Lookup { username } => {
                if let Some(refusal) = self.replayed(key, now) {
                    return refusal;
                }
                match self.directory.lookup(&username).await {
                    Ok(user) => Reply::ok(json!(LookupResponse { user })),
                    Err(err) => failure(&err, "user.lookup", None),
                }
            }
            WebhookRequest::AdminContacts {} => {
                if let Some(refusal) = self.replayed(key, now) {
                    return refusal;
                }
                match self.directory.admins().await {
                    Ok(admins) => Reply::ok(json!(AdminContactsResponse { admins })),
                    Err(err) => failure(&err, "admins.list", None),
                }
            }
            WebhookRequest::SetPassword {
                user_id,
                password,
                operation_id,
            } => {
                let change = Change {
                    kind: "password.set",
                    key,
                    operation_id: &operation_id,
                    user_id: &user_id,
                };
                // An interrupted set took effect when the user signs in with its password.
                let took_effect = self.directory.password_is(&user_id, &password);
                let apply = self.directory.set_password(&user_id, &password);
                self.change(change, now, took_effect, apply).await
            }
            WebhookRequest::Unlock {
                user_id,
                operation_id,
            } => {
                let change = Change {
                    kind: "account.unlock",
                    key,
                    operation_id: &operation_id,
                    user_id: &user_id,
                };
                // Unlocking twice changes nothing: an interrupted unlock is simply done again.
                let took_effect = async { Ok(false) };
                let apply = self.directory.unlock(&user_id);
                self.change(change, now, took_effect, apply).await
            }
        }
    }

    fn check_signature(
        &self,
        signed: &Signed<'_>,
        body: &str,
        now: UnixSeconds,
    ) -> Result<(), String> {
        let timestamp = signed
            .timestamp
            .and_then(|t| t.trim().parse::<u64>().ok())
            .ok_or_else(|| format!("missing or malformed {}", webhook::TIMESTAMP_HEADER))?;
        let signature = signed
            .signature
            .ok_or_else(|| format!("missing {}", webhook::SIGNATURE_HEADER))?;
        webhook::verify(
            &self.secret,
            UnixSeconds(timestamp),
            body,
            signature.trim(),
            now,
        )
        .map_err(|err| err.to_string())
    }

    fn replayed(&self, key: &str, now: UnixSeconds) -> Option<Reply> {
        match self.journal.lock().expect("journal lock").nonce(key, now.0) {
            Seen::New => None,
            Seen::Conflict(why) => Some(Reply::error(409, "replayed", why)),
            Seen::Applied | Seen::Uncertain | Seen::InFlight => {
                Some(Reply::error(409, "replayed", "replayed request"))
            }
        }
    }

    /// Applies `change` at most once: `took_effect` says whether an interrupted earlier
    /// attempt of it was applied, and is asked only then; `apply` makes it.
    async fn change(
        &self,
        change: Change<'_>,
        now: UnixSeconds,
        took_effect: impl Future<Output = Result<bool, DirectoryError>>,
        apply: impl Future<Output = Result<(), DirectoryError>>,
    ) -> Reply {
        let Change {
            kind,
            key,
            operation_id,
            user_id,
        } = change;
        if operation_id != key {
            return Reply::error(
                400,
                "bad_request",
                "operation_id must equal the Idempotency-Key",
            );
        }
        let seen = self
            .journal
            .lock()
            .expect("journal lock")
            .begin(key, kind, user_id, now.0);
        match seen {
            Ok(Seen::New) => {}
            Ok(Seen::Uncertain) => match took_effect.await {
                Ok(true) => {
                    eprintln!(
                        "{kind} operation={key} user={user_id}: an interrupted attempt had applied it, answered again"
                    );
                    self.finish(&change, Outcome::Applied, now);
                    return Reply::ok(json!({}));
                }
                Ok(false) => {
                    eprintln!(
                        "{kind} operation={key} user={user_id}: an interrupted attempt had not applied it, applying"
                    );
                }
                Err(err) => {
                    self.journal.lock().expect("journal lock").release(key);
                    return failure(&err, kind, Some((key, user_id)));
                }
            },
            Ok(Seen::Applied) => {
                eprintln!("{kind} operation={key} user={user_id}: already applied, answered again");
                return Reply::ok(json!({}));
            }
            Ok(Seen::InFlight) => {
                return Reply::error(409, "in_progress", "this operation is being applied now");
            }
            Ok(Seen::Conflict(why)) => return Reply::error(409, "idempotency_conflict", why),
            Err(err) => {
                // Nothing is changed that could not be journalled.
                eprintln!(
                    "{kind} operation={key} user={user_id}: not applied, the journal could not be written: {err}"
                );
                return Reply::error(
                    503,
                    "journal_unavailable",
                    "the connector cannot write its journal; see its log",
                );
            }
        }
        let result = apply.await;
        let outcome = match &result {
            Ok(()) => Outcome::Applied,
            // Unreachable, or no answer in time: the directory may have applied it.
            Err(DirectoryError::Unavailable(_)) => Outcome::Unknown,
            Err(_) => Outcome::NotApplied,
        };
        self.finish(&change, outcome, now);
        match result {
            Ok(()) => {
                eprintln!("{kind} operation={key} user={user_id}: applied");
                Reply::ok(json!({}))
            }
            Err(err) => failure(&err, kind, Some((key, user_id))),
        }
    }

    /// Journals how `change` ended. When that cannot be written, its line stays `begun`, so
    /// a retry asks the directory whether it took effect.
    fn finish(&self, change: &Change<'_>, outcome: Outcome, now: UnixSeconds) {
        let recorded = self
            .journal
            .lock()
            .expect("journal lock")
            .finish(change.key, outcome, now.0);
        if let Err(err) = recorded {
            eprintln!(
                "{} operation={} user={}: the journal could not be written ({err}); a retry will ask the directory",
                change.kind, change.key, change.user_id
            );
        }
    }
}

/// A change asked for, as the request names it.
struct Change<'a> {
    kind: &'static str,
    key: &'a str,
    operation_id: &'a str,
    user_id: &'a str,
}

/// The answer to a directory failure, logged with what was asked (never a password).
fn failure(err: &DirectoryError, kind: &str, change: Option<(&str, &str)>) -> Reply {
    let about = change
        .map(|(key, user)| format!(" operation={key} user={user}"))
        .unwrap_or_default();
    eprintln!("{kind}{about}: {err}");
    match err {
        DirectoryError::Refused(message) => Reply::error(422, PASSWORD_POLICY, message.clone()),
        DirectoryError::NoSuchUser => Reply::error(404, "user_not_found", "no user has this id"),
        DirectoryError::Disabled => Reply::error(
            403,
            "account_disabled",
            "the account is disabled; ask the helpdesk",
        ),
        DirectoryError::BadRequest(message) => Reply::error(400, "bad_request", message.clone()),
        DirectoryError::Unavailable(_) => Reply::error(
            503,
            "directory_unavailable",
            "the directory could not be reached or refused the connector; see its log",
        ),
    }
}

fn valid_key(key: &str) -> bool {
    (1..=200).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_graphic())
}

#[cfg(test)]
mod tests {
    use super::*;
    use sspr_core::webhook::{AdminContact, DirectoryUser};
    use std::sync::atomic::{AtomicUsize, Ordering};

    const SECRET: &[u8] = b"0123456789abcdef0123456789abcdef";
    const NOW: UnixSeconds = UnixSeconds(1_800_000_000);

    #[derive(Default)]
    struct Fake {
        sets: AtomicUsize,
        /// The password set last.
        password: Mutex<Option<String>>,
        /// Whether the next set is applied but its answer lost (a timeout).
        lose_answer: std::sync::atomic::AtomicBool,
    }

    impl Directory for Fake {
        async fn lookup(&self, username: &str) -> Result<Option<DirectoryUser>, DirectoryError> {
            Ok((username == "alice").then(|| DirectoryUser {
                id: "u1".into(),
                email: Some("alice@example.com".into()),
                display_name: None,
                phone: None,
                enabled: true,
                groups: vec![],
                admin: false,
            }))
        }
        async fn set_password(&self, user_id: &str, password: &str) -> Result<(), DirectoryError> {
            if user_id != "u1" {
                return Err(DirectoryError::NoSuchUser);
            }
            if password.len() < 12 {
                return Err(DirectoryError::Refused("at least 12 characters".into()));
            }
            self.sets.fetch_add(1, Ordering::SeqCst);
            *self.password.lock().unwrap() = Some(password.to_owned());
            if self.lose_answer.swap(false, Ordering::SeqCst) {
                return Err(DirectoryError::Unavailable("timed out".into()));
            }
            Ok(())
        }
        async fn password_is(&self, user_id: &str, password: &str) -> Result<bool, DirectoryError> {
            if user_id != "u1" {
                return Err(DirectoryError::NoSuchUser);
            }
            Ok(self.password.lock().unwrap().as_deref() == Some(password))
        }
        async fn unlock(&self, _: &str) -> Result<(), DirectoryError> {
            Err(DirectoryError::Unavailable("connection refused".into()))
        }
        async fn admins(&self) -> Result<Vec<AdminContact>, DirectoryError> {
            Ok(vec![])
        }
    }

    fn service() -> Service<Fake> {
        Service::new(Fake::default(), SECRET.to_vec(), Journal::in_memory())
    }

    async fn send(service: &Service<Fake>, request: &WebhookRequest, key: &str) -> Reply {
        let body = serde_json::to_string(request).unwrap();
        let [(_, t), (_, s), (_, k)] = webhook::signed_headers(SECRET, NOW.0 * 1000, &body, key);
        let signed = Signed {
            timestamp: Some(&t),
            signature: Some(&s),
            idempotency_key: Some(&k),
        };
        service.handle(signed, body.as_bytes(), NOW).await
    }

    fn set(password: &str, op: &str) -> WebhookRequest {
        WebhookRequest::SetPassword {
            user_id: "u1".into(),
            password: password.into(),
            operation_id: op.into(),
        }
    }

    fn block_on<F: Future>(f: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(f)
    }

    #[test]
    fn a_signed_lookup_is_answered_and_its_replay_refused() {
        block_on(async {
            let service = service();
            let lookup = WebhookRequest::Lookup {
                username: "alice".into(),
            };
            let reply = send(&service, &lookup, "k1").await;
            assert_eq!(reply.status, 200);
            assert_eq!(reply.body["user"]["id"], "u1");
            assert_eq!(send(&service, &lookup, "k1").await.status, 409);
        });
    }

    #[test]
    fn an_unsigned_or_tampered_request_is_refused() {
        block_on(async {
            let service = service();
            let body = r#"{"type":"user.lookup","username":"alice"}"#;
            let unsigned = service
                .handle(Signed::default(), body.as_bytes(), NOW)
                .await;
            assert_eq!(unsigned.status, 401);
            let [(_, t), (_, s), _] = webhook::signed_headers(SECRET, NOW.0 * 1000, body, "k");
            let tampered = body.replace("alice", "admin");
            let signed = Signed {
                timestamp: Some(&t),
                signature: Some(&s),
                idempotency_key: Some("k"),
            };
            let reply = service.handle(signed, tampered.as_bytes(), NOW).await;
            assert_eq!(reply.status, 401);
            assert_eq!(reply.body["error"]["code"], "bad_signature");
        });
    }

    #[test]
    fn a_retried_change_is_applied_once() {
        block_on(async {
            let service = service();
            assert_eq!(
                send(&service, &set("long-enough-pass", "op1"), "op1")
                    .await
                    .status,
                200
            );
            assert_eq!(
                send(&service, &set("long-enough-pass", "op1"), "op1")
                    .await
                    .status,
                200
            );
            assert_eq!(service.directory.sets.load(Ordering::SeqCst), 1);
        });
    }

    /// A service whose journal says `op1` was begun for u1 by a connector that stopped.
    fn service_after_an_interrupted_set() -> Service<Fake> {
        let mut journal = Journal::in_memory();
        journal.begin("op1", "password.set", "u1", NOW.0).unwrap();
        journal.release("op1");
        Service::new(Fake::default(), SECRET.to_vec(), journal)
    }

    #[test]
    fn an_interrupted_set_that_took_effect_is_answered_without_a_second_change() {
        block_on(async {
            let service = service_after_an_interrupted_set();
            *service.directory.password.lock().unwrap() = Some("long-enough-pass".into());
            let reply = send(&service, &set("long-enough-pass", "op1"), "op1").await;
            assert_eq!(reply.status, 200);
            assert_eq!(service.directory.sets.load(Ordering::SeqCst), 0);
            // From now on it is plainly applied.
            assert_eq!(
                send(&service, &set("long-enough-pass", "op1"), "op1")
                    .await
                    .status,
                200
            );
            assert_eq!(service.directory.sets.load(Ordering::SeqCst), 0);
        });
    }

    #[test]
    fn an_interrupted_set_that_did_not_take_effect_is_applied() {
        block_on(async {
            let service = service_after_an_interrupted_set();
            *service.directory.password.lock().unwrap() = Some("the-old-password".into());
            let reply = send(&service, &set("long-enough-pass", "op1"), "op1").await;
            assert_eq!(reply.status, 200);
            assert_eq!(service.directory.sets.load(Ordering::SeqCst), 1);
        });
    }

    #[test]
    fn a_set_whose_answer_was_lost_is_not_applied_twice_on_retry() {
        block_on(async {
            let service = service();
            service.directory.lose_answer.store(true, Ordering::SeqCst);
            let lost = send(&service, &set("long-enough-pass", "op1"), "op1").await;
            assert_eq!(lost.status, 503);
            assert_eq!(lost.body["error"]["code"], "directory_unavailable");
            let retried = send(&service, &set("long-enough-pass", "op1"), "op1").await;
            assert_eq!(retried.status, 200);
            assert_eq!(service.directory.sets.load(Ordering::SeqCst), 1);
        });
    }

    #[test]
    fn a_change_that_cannot_be_journalled_is_not_applied() {
        block_on(async {
            let dir =
                std::env::temp_dir().join(format!("sspr-service-journal-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            let journal = Journal::open(&dir, NOW.0).unwrap();
            std::fs::remove_file(dir.join("applied.jsonl")).unwrap();
            std::fs::create_dir(dir.join("applied.jsonl")).unwrap();
            let service = Service::new(Fake::default(), SECRET.to_vec(), journal);
            let reply = send(&service, &set("long-enough-pass", "op1"), "op1").await;
            assert_eq!(reply.status, 503);
            assert_eq!(reply.body["error"]["code"], "journal_unavailable");
            assert_eq!(service.directory.sets.load(Ordering::SeqCst), 0);
            std::fs::remove_dir_all(&dir).unwrap();
        });
    }

    #[test]
    fn a_policy_refusal_is_422_password_policy_and_may_be_retried() {
        block_on(async {
            let service = service();
            let reply = send(&service, &set("short", "op1"), "op1").await;
            assert_eq!(reply.status, 422);
            assert_eq!(reply.body["error"]["code"], PASSWORD_POLICY);
            assert_eq!(reply.body["error"]["message"], "at least 12 characters");
            assert_eq!(
                send(&service, &set("long-enough-pass", "op1"), "op1")
                    .await
                    .status,
                200
            );
        });
    }

    #[test]
    fn an_unreachable_directory_is_503_without_details() {
        block_on(async {
            let service = service();
            let unlock = WebhookRequest::Unlock {
                user_id: "u1".into(),
                operation_id: "op2".into(),
            };
            let reply = send(&service, &unlock, "op2").await;
            assert_eq!(reply.status, 503);
            assert!(!reply.body.to_string().contains("connection refused"));
        });
    }

    #[test]
    fn an_operation_id_other_than_the_key_is_refused() {
        block_on(async {
            let reply = send(&service(), &set("long-enough-pass", "op1"), "other").await;
            assert_eq!(reply.status, 400);
        });
    }

    #[test]
    fn an_unknown_type_is_a_bad_request_naming_it() {
        block_on(async {
            let service = service();
            let body = r#"{"type":"user.delete","user_id":"u1"}"#;
            let [(_, t), (_, s), (_, k)] =
                webhook::signed_headers(SECRET, NOW.0 * 1000, body, "k9");
            let signed = Signed {
                timestamp: Some(&t),
                signature: Some(&s),
                idempotency_key: Some(&k),
            };
            let reply = service.handle(signed, body.as_bytes(), NOW).await;
            assert_eq!(reply.status, 400);
            assert!(
                reply.body["error"]["message"]
                    .as_str()
                    .unwrap()
                    .contains("user.delete")
            );
        });
    }
}
