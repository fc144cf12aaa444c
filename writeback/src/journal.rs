//! Replay protection and idempotency for sspr's signed requests.
//!
//! - A lookup or an administrators' list is answered once per `Idempotency-Key`: the edge
//!   draws a fresh key for each, so a second request with a key seen within the signature's
//!   tolerance is a replay and is refused.
//! - A change (`password.set`, `account.unlock`) carries its outbox operation id as the key and
//!   may come again when the edge did not hear the answer. Once applied, the same operation is
//!   answered "done" again without touching the directory (setting the same password twice
//!   would trip a password history).
//!
//! Changes are journalled in `state_dir/applied.jsonl`, one line per event, written and synced
//! *before* the directory is asked ([`State::Begun`]) and after it answered ([`State::Applied`]
//! or [`State::Abandoned`]). An operation whose last line is `begun` was interrupted (the
//! connector stopped, or the directory's answer was lost) and may or may not have been applied:
//! a retry of it is [`Seen::Uncertain`], and the service asks the directory before changing
//! anything. Operations are remembered for [`KEEP_APPLIED_SECS`], across restarts.
//!
//! The journal holds operation ids, request types, user ids and times: never a password.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How long an operation is remembered: far beyond a reset flow's 15 minutes and the
/// outbox's retries.
pub const KEEP_APPLIED_SECS: u64 = 7 * 24 * 60 * 60;

/// How long a lookup's key is remembered: the signature tolerance on both sides, after which
/// the timestamp check refuses the request anyway.
pub const KEEP_NONCE_SECS: u64 = 2 * sspr_core::webhook::TOLERANCE_SECS;

/// What the journal says of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seen {
    /// Never seen, or seen and certainly not applied: go ahead.
    New,
    /// This exact change was applied already: answer "done" again.
    Applied,
    /// This exact change was begun before and its outcome is unknown: find out from the
    /// directory whether it took effect before applying it.
    Uncertain,
    /// This key came with something else before (a replayed lookup, or a change reusing
    /// another change's operation id).
    Conflict(&'static str),
    /// The same change is being applied right now by another request.
    InFlight,
}

/// How a change begun with [`Journal::begin`] ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The directory applied it.
    Applied,
    /// The directory certainly did not apply it (a refusal, an unknown user, a disabled
    /// account): a retry is a new attempt.
    NotApplied,
    /// Nobody knows (the directory was unreachable or did not answer in time): a retry must
    /// ask the directory first.
    Unknown,
}

/// Where an operation stands, as a journal line says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// About to be sent to the directory.
    Begun,
    /// Applied by the directory. (Lines written before states were journalled have none and
    /// mean this.)
    #[default]
    Applied,
    /// Certainly not applied.
    Abandoned,
}

/// One event of a change, as a line of the journal file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Line {
    key: String,
    kind: String,
    user_id: String,
    at: u64,
    #[serde(default)]
    state: State,
}

impl Line {
    fn is(&self, kind: &str, user_id: &str) -> bool {
        self.kind == kind && self.user_id == user_id
    }
}

/// The journal: in memory, with changes also on disk.
pub struct Journal {
    path: Option<PathBuf>,
    /// The last line of each remembered change: `applied`, or `begun` (uncertain, or in flight).
    changes: HashMap<String, Line>,
    in_flight: HashMap<String, (String, String)>,
    nonces: HashMap<String, u64>,
}

impl Journal {
    /// A journal kept only in memory (tests).
    pub fn in_memory() -> Journal {
        Journal {
            path: None,
            changes: HashMap::new(),
            in_flight: HashMap::new(),
            nonces: HashMap::new(),
        }
    }

    /// Opens (creating) `dir/applied.jsonl` and reads back the changes of the last
    /// [`KEEP_APPLIED_SECS`]; the file is rewritten with one line for each change still
    /// applied or uncertain.
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
                let entry: Line = serde_json::from_str(&line).map_err(|err| {
                    std::io::Error::other(format!("{}: line {}: {err}", path.display(), number + 1))
                })?;
                journal.changes.insert(entry.key.clone(), entry);
            }
        }
        journal.changes.retain(|_, entry| {
            entry.state != State::Abandoned && now.saturating_sub(entry.at) < KEEP_APPLIED_SECS
        });
        // Rewrite without the ended lines, through a temporary file so a crash keeps the old.
        let temporary = dir.join("applied.jsonl.new");
        {
            let mut file = File::create(&temporary)?;
            for entry in journal.changes.values() {
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
        if self.nonces.contains_key(key) || self.changes.contains_key(key) {
            return Seen::Conflict("this Idempotency-Key was used before: a replayed request");
        }
        self.nonces.insert(key.to_owned(), now);
        Seen::New
    }

    /// Asks about a change of `kind` to `user_id` under `key` at `now`. A [`Seen::New`] or
    /// [`Seen::Uncertain`] change is marked in flight until [`Journal::finish`] or
    /// [`Journal::release`]; a new one is journalled as begun first, and an error writing it
    /// means the change must not be attempted.
    pub fn begin(
        &mut self,
        key: &str,
        kind: &str,
        user_id: &str,
        now: u64,
    ) -> std::io::Result<Seen> {
        const OTHER: &str = "this Idempotency-Key belongs to another change";
        if let Some((own_kind, own_user)) = self.in_flight.get(key) {
            return Ok(if own_kind == kind && own_user == user_id {
                Seen::InFlight
            } else {
                Seen::Conflict(OTHER)
            });
        }
        if self.nonces.contains_key(key) {
            return Ok(Seen::Conflict(
                "this Idempotency-Key was used before: a replayed request",
            ));
        }
        let seen = match self.changes.get(key) {
            Some(entry) if !entry.is(kind, user_id) => return Ok(Seen::Conflict(OTHER)),
            Some(entry) if entry.state == State::Applied => return Ok(Seen::Applied),
            Some(_) => Seen::Uncertain,
            None => {
                self.write(Line {
                    key: key.to_owned(),
                    kind: kind.to_owned(),
                    user_id: user_id.to_owned(),
                    at: now,
                    state: State::Begun,
                })?;
                Seen::New
            }
        };
        self.in_flight
            .insert(key.to_owned(), (kind.to_owned(), user_id.to_owned()));
        Ok(seen)
    }

    /// Ends a change begun under `key` with what the directory said. An [`Outcome::Unknown`]
    /// leaves it begun: its retry will be [`Seen::Uncertain`].
    pub fn finish(&mut self, key: &str, outcome: Outcome, now: u64) -> std::io::Result<()> {
        let Some((kind, user_id)) = self.in_flight.remove(key) else {
            return Ok(());
        };
        let state = match outcome {
            Outcome::Applied => State::Applied,
            Outcome::NotApplied => State::Abandoned,
            Outcome::Unknown => return Ok(()),
        };
        self.write(Line {
            key: key.to_owned(),
            kind,
            user_id,
            at: now,
            state,
        })
    }

    /// Lets go of a change begun under `key` without saying how it ended (it stays as it was
    /// in the journal).
    pub fn release(&mut self, key: &str) {
        self.in_flight.remove(key);
    }

    /// Appends `line` to the file (synced) and to memory.
    fn write(&mut self, line: Line) -> std::io::Result<()> {
        if let Some(path) = &self.path {
            let mut file = OpenOptions::new().create(true).append(true).open(path)?;
            writeln!(
                file,
                "{}",
                serde_json::to_string(&line).expect("serializes")
            )?;
            file.sync_data()?;
        }
        if line.state == State::Abandoned {
            self.changes.remove(&line.key);
        } else {
            self.changes.insert(line.key.clone(), line);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temporary_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("sspr-journal-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

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
        let begin = |journal: &mut Journal, user: &str| {
            journal.begin("op1", "password.set", user, 1000).unwrap()
        };
        assert_eq!(begin(&mut journal, "u1"), Seen::New);
        assert_eq!(begin(&mut journal, "u1"), Seen::InFlight);
        journal.finish("op1", Outcome::Applied, 1000).unwrap();
        assert_eq!(begin(&mut journal, "u1"), Seen::Applied);
        assert!(matches!(begin(&mut journal, "u2"), Seen::Conflict(_)));
        assert!(matches!(journal.nonce("op1", 1000), Seen::Conflict(_)));
    }

    #[test]
    fn a_change_not_applied_may_be_tried_again_and_an_unknown_one_is_uncertain() {
        let mut journal = Journal::in_memory();
        assert_eq!(
            journal.begin("op1", "account.unlock", "u1", 1000).unwrap(),
            Seen::New
        );
        journal.finish("op1", Outcome::NotApplied, 1000).unwrap();
        assert_eq!(
            journal.begin("op1", "account.unlock", "u1", 1001).unwrap(),
            Seen::New
        );
        journal.finish("op1", Outcome::Unknown, 1001).unwrap();
        assert_eq!(
            journal.begin("op1", "account.unlock", "u1", 1002).unwrap(),
            Seen::Uncertain
        );
        // Released without an answer (the directory could not be asked): still uncertain.
        journal.release("op1");
        assert_eq!(
            journal.begin("op1", "account.unlock", "u1", 1003).unwrap(),
            Seen::Uncertain
        );
        assert!(matches!(
            journal.begin("op1", "password.set", "u1", 1003).unwrap(),
            Seen::Conflict(_)
        ));
    }

    #[test]
    fn applied_changes_survive_a_restart_and_expire() {
        let dir = temporary_dir("restart");
        let mut journal = Journal::open(&dir, 1000).unwrap();
        journal.begin("op1", "password.set", "u1", 1000).unwrap();
        journal.finish("op1", Outcome::Applied, 1000).unwrap();
        let mut reopened = Journal::open(&dir, 2000).unwrap();
        assert_eq!(
            reopened.begin("op1", "password.set", "u1", 2000).unwrap(),
            Seen::Applied
        );
        let text = std::fs::read_to_string(dir.join("applied.jsonl")).unwrap();
        assert!(text.contains("\"user_id\":\"u1\"") && !text.contains("password\":"));
        assert_eq!(
            text.lines().count(),
            1,
            "rewritten to one line per change: {text}"
        );
        let mut later = Journal::open(&dir, 1000 + KEEP_APPLIED_SECS).unwrap();
        assert_eq!(
            later.begin("op1", "password.set", "u1", 2000).unwrap(),
            Seen::New
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_change_begun_when_the_connector_stopped_is_uncertain_after_a_restart() {
        let dir = temporary_dir("crash");
        let mut journal = Journal::open(&dir, 1000).unwrap();
        assert_eq!(
            journal.begin("op1", "password.set", "u1", 1000).unwrap(),
            Seen::New
        );
        assert_eq!(
            journal.begin("op2", "password.set", "u2", 1000).unwrap(),
            Seen::New
        );
        journal.finish("op2", Outcome::NotApplied, 1000).unwrap();
        drop(journal); // stopped before op1's answer was written
        let mut reopened = Journal::open(&dir, 1100).unwrap();
        assert_eq!(
            reopened.begin("op1", "password.set", "u1", 1100).unwrap(),
            Seen::Uncertain
        );
        assert_eq!(
            reopened.begin("op2", "password.set", "u2", 1100).unwrap(),
            Seen::New
        );
        reopened.finish("op1", Outcome::Applied, 1100).unwrap();
        let mut again = Journal::open(&dir, 1200).unwrap();
        assert_eq!(
            again.begin("op1", "password.set", "u1", 1200).unwrap(),
            Seen::Applied
        );
        // op2 was begun again above and never ended: uncertain now.
        assert_eq!(
            again.begin("op2", "password.set", "u2", 1200).unwrap(),
            Seen::Uncertain
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_journal_from_before_states_reads_as_applied() {
        let dir = temporary_dir("old");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("applied.jsonl"),
            "{\"key\":\"op1\",\"kind\":\"account.unlock\",\"user_id\":\"u1\",\"at\":1000}\n",
        )
        .unwrap();
        let mut journal = Journal::open(&dir, 1100).unwrap();
        assert_eq!(
            journal.begin("op1", "account.unlock", "u1", 1100).unwrap(),
            Seen::Applied
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_journal_that_cannot_be_written_refuses_to_begin() {
        let dir = temporary_dir("readonly");
        let mut journal = Journal::open(&dir, 1000).unwrap();
        // The file replaced by a directory: appending to it fails, as on a full or lost disk.
        std::fs::remove_file(dir.join("applied.jsonl")).unwrap();
        std::fs::create_dir(dir.join("applied.jsonl")).unwrap();
        assert!(journal.begin("op1", "password.set", "u1", 1000).is_err());
        assert!(journal.in_flight.is_empty());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_damaged_journal_names_its_line() {
        let dir = temporary_dir("bad");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("applied.jsonl"), "{\"key\":1}\n").unwrap();
        let err = Journal::open(&dir, 0).err().unwrap();
        assert!(err.to_string().contains("line 1"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
