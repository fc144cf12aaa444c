//! Replay protection and idempotency for sspr's signed requests.
//!
//! - A lookup or an administrators' list is answered once per `Idempotency-Key`: the edge
//!   draws a fresh key for each, so a second request with a key seen within the signature's
//!   tolerance is a replay and is refused.
//! - A change (`password.set`, `account.unlock`) carries its outbox operation id as the key and
//!   may come again when the edge did not hear the answer. Once applied, the same operation is
//!   answered "done" again without touching the directory (setting the same password twice
//!   would trip a password history). Applied operations are appended to a file in
//!   `state_dir`, so this holds across restarts; they are kept for [`KEEP_APPLIED_SECS`].
//!
//! The journal holds operation ids, request types and user ids: never a password.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How long an applied change is remembered: far beyond a reset flow's 15 minutes and the
/// outbox's retries.
pub const KEEP_APPLIED_SECS: u64 = 7 * 24 * 60 * 60;

/// How long a lookup's key is remembered: the signature tolerance on both sides, after which
/// the timestamp check refuses the request anyway.
pub const KEEP_NONCE_SECS: u64 = 2 * sspr_core::webhook::TOLERANCE_SECS;

/// What the journal says of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seen {
    /// Never seen: go ahead.
    New,
    /// This exact change was applied already: answer "done" again.
    Applied,
    /// This key came with something else before (a replayed lookup, or a change reusing
    /// another change's operation id).
    Conflict(&'static str),
    /// The same change is being applied right now by another request.
    InFlight,
}

/// One applied change, as a line of the journal file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Applied {
    key: String,
    kind: String,
    user_id: String,
    at: u64,
}

/// The journal: in memory, with applied changes also on disk.
pub struct Journal {
    path: Option<PathBuf>,
    applied: HashMap<String, Applied>,
    in_flight: HashMap<String, (String, String)>,
    nonces: HashMap<String, u64>,
}

impl Journal {
    /// A journal kept only in memory (tests).
    pub fn in_memory() -> Journal {
        Journal {
            path: None,
            applied: HashMap::new(),
            in_flight: HashMap::new(),
            nonces: HashMap::new(),
        }
    }

    /// Opens (creating) `dir/applied.jsonl` and reads back what was applied in the last
    /// [`KEEP_APPLIED_SECS`]; the file is rewritten without older lines.
    pub fn open(dir: &Path, now: u64) -> std::io::Result<Journal> {
        std::fs::create_dir_all(dir)?;
        let path = dir.join("applied.jsonl");
        let mut journal = Journal {
            path: Some(path.clone()),
            ..Journal::in_memory()
        };
        if path.exists() {
            for (number, line) in BufReader::new(File::open(&path)?).lines().enumerate() {
                let line = line?;
                if line.trim().is_empty() {
                    continue;
                }
                let entry: Applied = serde_json::from_str(&line).map_err(|err| {
                    std::io::Error::other(format!("{}: line {}: {err}", path.display(), number + 1))
                })?;
                if now.saturating_sub(entry.at) < KEEP_APPLIED_SECS {
                    journal.applied.insert(entry.key.clone(), entry);
                }
            }
        }
        // Rewrite without the expired lines, through a temporary file so a crash keeps the old.
        let temporary = dir.join("applied.jsonl.new");
        {
            let mut file = File::create(&temporary)?;
            for entry in journal.applied.values() {
                writeln!(
                    file,
                    "{}",
                    serde_json::to_string(entry).expect("serializes")
                )?;
            }
            file.sync_all()?;
        }
        std::fs::rename(&temporary, &path)?;
        Ok(journal)
    }

    /// Asks about a lookup or an administrators' list under `key` at `now`, and remembers
    /// the key.
    pub fn nonce(&mut self, key: &str, now: u64) -> Seen {
        self.nonces
            .retain(|_, at| now.saturating_sub(*at) < KEEP_NONCE_SECS);
        if self.nonces.contains_key(key) || self.applied.contains_key(key) {
            return Seen::Conflict("this Idempotency-Key was used before: a replayed request");
        }
        self.nonces.insert(key.to_owned(), now);
        Seen::New
    }

    /// Asks about a change of `kind` to `user_id` under `key`; a [`Seen::New`] change is
    /// marked in flight until [`Journal::finish`].
    pub fn begin(&mut self, key: &str, kind: &str, user_id: &str) -> Seen {
        if let Some(entry) = self.applied.get(key) {
            return if entry.kind == kind && entry.user_id == user_id {
                Seen::Applied
            } else {
                Seen::Conflict("this Idempotency-Key belongs to another change")
            };
        }
        if self.nonces.contains_key(key) {
            return Seen::Conflict("this Idempotency-Key was used before: a replayed request");
        }
        if let Some((own_kind, own_user)) = self.in_flight.get(key) {
            return if own_kind == kind && own_user == user_id {
                Seen::InFlight
            } else {
                Seen::Conflict("this Idempotency-Key belongs to another change")
            };
        }
        self.in_flight
            .insert(key.to_owned(), (kind.to_owned(), user_id.to_owned()));
        Seen::New
    }

    /// Ends a change begun under `key`: when `applied`, it is journalled (on disk first).
    pub fn finish(&mut self, key: &str, applied: bool, now: u64) -> std::io::Result<()> {
        let Some((kind, user_id)) = self.in_flight.remove(key) else {
            return Ok(());
        };
        if !applied {
            return Ok(());
        }
        let entry = Applied {
            key: key.to_owned(),
            kind,
            user_id,
            at: now,
        };
        if let Some(path) = &self.path {
            let mut file = OpenOptions::new().create(true).append(true).open(path)?;
            writeln!(
                file,
                "{}",
                serde_json::to_string(&entry).expect("serializes")
            )?;
            file.sync_data()?;
        }
        self.applied.insert(entry.key.clone(), entry);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lookup_key_used_twice_is_a_replay() {
        let mut journal = Journal::in_memory();
        assert_eq!(journal.nonce("k1", 1000), Seen::New);
        assert!(matches!(journal.nonce("k1", 1100), Seen::Conflict(_)));
        // Long after, the signature's timestamp would be stale anyway; the key is forgotten.
        assert_eq!(journal.nonce("k1", 1000 + KEEP_NONCE_SECS), Seen::New);
    }

    #[test]
    fn an_applied_change_is_answered_again_not_applied_again() {
        let mut journal = Journal::in_memory();
        assert_eq!(journal.begin("op1", "password.set", "u1"), Seen::New);
        assert_eq!(journal.begin("op1", "password.set", "u1"), Seen::InFlight);
        journal.finish("op1", true, 1000).unwrap();
        assert_eq!(journal.begin("op1", "password.set", "u1"), Seen::Applied);
        assert!(matches!(
            journal.begin("op1", "password.set", "u2"),
            Seen::Conflict(_)
        ));
        assert!(matches!(journal.nonce("op1", 1000), Seen::Conflict(_)));
    }

    #[test]
    fn a_failed_change_may_be_tried_again() {
        let mut journal = Journal::in_memory();
        assert_eq!(journal.begin("op1", "account.unlock", "u1"), Seen::New);
        journal.finish("op1", false, 1000).unwrap();
        assert_eq!(journal.begin("op1", "account.unlock", "u1"), Seen::New);
    }

    #[test]
    fn applied_changes_survive_a_restart_and_expire() {
        let dir = std::env::temp_dir().join(format!("sspr-journal-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let mut journal = Journal::open(&dir, 1000).unwrap();
        journal.begin("op1", "password.set", "u1");
        journal.finish("op1", true, 1000).unwrap();
        let mut reopened = Journal::open(&dir, 2000).unwrap();
        assert_eq!(reopened.begin("op1", "password.set", "u1"), Seen::Applied);
        let text = std::fs::read_to_string(dir.join("applied.jsonl")).unwrap();
        assert!(text.contains("\"user_id\":\"u1\"") && !text.contains("password\":"));
        let mut later = Journal::open(&dir, 1000 + KEEP_APPLIED_SECS).unwrap();
        assert_eq!(later.begin("op1", "password.set", "u1"), Seen::New);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_damaged_journal_names_its_line() {
        let dir = std::env::temp_dir().join(format!("sspr-journal-bad-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("applied.jsonl"), "{\"key\":1}\n").unwrap();
        let err = Journal::open(&dir, 0).err().unwrap();
        assert!(err.to_string().contains("line 1"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
