//! Encryption at rest of what a user registered (TOTP secrets, answer hashes, addresses):
//! AES-256-GCM under a versioned key from the secret `REGISTRATION_KEYS`, with the user's id
//! as associated data, so a row copied to another user's object does not open. The newest
//! key (highest version) seals; any listed key opens, so keys can be rotated by adding a
//! version and dropping the old one once every row has been written again. No `worker`
//! types: tested natively.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};

/// Bytes in an AES-256 key.
const KEY_BYTES: usize = 32;
/// Bytes in an AES-GCM nonce (random per sealing).
pub const NONCE_BYTES: usize = 12;

/// The keys of `REGISTRATION_KEYS`: `1:<base64 of 32 bytes>,2:<…>`.
#[derive(Clone, PartialEq, Eq)]
pub struct SealingKeys {
    /// By version, newest last.
    keys: Vec<(u32, [u8; KEY_BYTES])>,
}

impl std::fmt::Debug for SealingKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let versions: Vec<u32> = self.keys.iter().map(|(v, _)| *v).collect();
        f.debug_struct("SealingKeys")
            .field("versions", &versions)
            .finish_non_exhaustive()
    }
}

/// A sealed value as stored: key version, nonce and ciphertext (with its tag), in base64.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sealed {
    pub version: u32,
    pub nonce: String,
    pub ciphertext: String,
}

/// Why a sealed value did not open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    #[error("no key of version {0} is configured in REGISTRATION_KEYS")]
    UnknownVersion(u32),
    #[error("the sealed value is malformed")]
    Malformed,
    #[error("the sealed value does not open (another key, another user, or changed)")]
    Tampered,
}

impl SealingKeys {
    /// Parses `1:<base64>,2:<base64>`. The message never quotes a key.
    ///
    /// # Errors
    ///
    /// Why the text is refused.
    pub fn parse(text: &str) -> Result<SealingKeys, String> {
        let mut keys = Vec::new();
        for (i, entry) in text.split(',').map(str::trim).enumerate() {
            if entry.is_empty() {
                continue;
            }
            let (version, key) = entry
                .split_once(':')
                .ok_or(format!("entry {} is not <version>:<base64 key>", i + 1))?;
            let version: u32 = version
                .trim()
                .parse()
                .map_err(|_| format!("entry {}: the version is not a whole number", i + 1))?;
            let bytes = STANDARD
                .decode(key.trim())
                .map_err(|_| format!("key version {version} is not base64"))?;
            let key: [u8; KEY_BYTES] = bytes.try_into().map_err(|b: Vec<u8>| {
                format!(
                    "key version {version} has {} bytes; use {KEY_BYTES} random bytes",
                    b.len()
                )
            })?;
            if keys.iter().any(|(v, _)| *v == version) {
                return Err(format!("key version {version} is listed twice"));
            }
            keys.push((version, key));
        }
        if keys.is_empty() {
            return Err("no key is listed".to_owned());
        }
        keys.sort_by_key(|(v, _)| *v);
        Ok(SealingKeys { keys })
    }

    /// The version new values are sealed with.
    pub fn newest_version(&self) -> u32 {
        self.keys.last().map_or(0, |(v, _)| *v)
    }

    fn cipher(&self, version: u32) -> Option<Aes256Gcm> {
        self.keys
            .iter()
            .find(|(v, _)| *v == version)
            .map(|(_, key)| Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(key)))
    }

    /// Seals `plaintext` with the newest key, bound to `associated` (the user's id), under
    /// `nonce` (fresh random bytes for every sealing).
    pub fn seal(&self, plaintext: &[u8], associated: &[u8], nonce: [u8; NONCE_BYTES]) -> Sealed {
        let version = self.newest_version();
        let cipher = self.cipher(version).expect("parse keeps at least one key");
        let ciphertext = cipher
            .encrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: plaintext,
                    aad: associated,
                },
            )
            .expect("AES-GCM encrypts any message of this size");
        Sealed {
            version,
            nonce: STANDARD.encode(nonce),
            ciphertext: STANDARD.encode(ciphertext),
        }
    }

    /// Opens a sealed value bound to `associated`.
    ///
    /// # Errors
    ///
    /// [`OpenError`]: the key version is not configured, the value is malformed, or it was
    /// sealed under another key or for another user, or changed.
    pub fn open(&self, sealed: &Sealed, associated: &[u8]) -> Result<Vec<u8>, OpenError> {
        let cipher = self
            .cipher(sealed.version)
            .ok_or(OpenError::UnknownVersion(sealed.version))?;
        let nonce = STANDARD
            .decode(&sealed.nonce)
            .ok()
            .filter(|n| n.len() == NONCE_BYTES)
            .ok_or(OpenError::Malformed)?;
        let ciphertext = STANDARD
            .decode(&sealed.ciphertext)
            .map_err(|_| OpenError::Malformed)?;
        cipher
            .decrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: &ciphertext,
                    aad: associated,
                },
            )
            .map_err(|_| OpenError::Tampered)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key_text(version: u32, byte: u8) -> String {
        format!("{version}:{}", STANDARD.encode([byte; KEY_BYTES]))
    }

    fn keys(text: &str) -> SealingKeys {
        SealingKeys::parse(text).unwrap()
    }

    const NONCE: [u8; NONCE_BYTES] = [7; NONCE_BYTES];

    #[test]
    fn a_sealed_value_opens_for_its_user_and_holds_no_plaintext() {
        let keys = keys(&key_text(1, 1));
        let sealed = keys.seal(b"JBSWY3DPEHPK3PXP", b"u-1001", NONCE);
        assert_eq!(sealed.version, 1);
        assert!(!sealed.ciphertext.contains("JBSW"));
        assert_eq!(keys.open(&sealed, b"u-1001").unwrap(), b"JBSWY3DPEHPK3PXP");
    }

    #[test]
    fn the_newest_key_seals_and_older_ones_still_open() {
        let old = keys(&key_text(1, 1));
        let sealed_before = old.seal(b"secret", b"u", NONCE);
        let rotated = keys(&format!("{},{}", key_text(2, 2), key_text(1, 1)));
        assert_eq!(rotated.newest_version(), 2);
        assert_eq!(rotated.open(&sealed_before, b"u").unwrap(), b"secret");
        assert_eq!(rotated.seal(b"secret", b"u", NONCE).version, 2);
    }

    #[test]
    fn a_value_sealed_under_a_dropped_key_version_names_the_version() {
        let sealed = keys(&key_text(1, 1)).seal(b"secret", b"u", NONCE);
        let later = keys(&key_text(2, 2));
        assert_eq!(later.open(&sealed, b"u"), Err(OpenError::UnknownVersion(1)));
    }

    #[test]
    fn another_users_id_or_a_changed_ciphertext_does_not_open() {
        let keys = keys(&key_text(1, 1));
        let sealed = keys.seal(b"secret", b"u-1001", NONCE);
        assert_eq!(keys.open(&sealed, b"u-1002"), Err(OpenError::Tampered));
        let mut bytes = STANDARD.decode(&sealed.ciphertext).unwrap();
        bytes[0] ^= 1;
        let changed = Sealed {
            ciphertext: STANDARD.encode(bytes),
            ..sealed.clone()
        };
        assert_eq!(keys.open(&changed, b"u-1001"), Err(OpenError::Tampered));
        let same_version_other_key = SealingKeys::parse(&key_text(1, 9)).unwrap();
        assert_eq!(
            same_version_other_key.open(&sealed, b"u-1001"),
            Err(OpenError::Tampered)
        );
        let bad_nonce = Sealed {
            nonce: "AA==".into(),
            ..sealed
        };
        assert_eq!(keys.open(&bad_nonce, b"u-1001"), Err(OpenError::Malformed));
    }

    #[test]
    fn malformed_key_lists_are_refused_without_quoting_keys() {
        for bad in [
            "",
            "1",
            "x:AAAA",
            "1:not base64!",
            "1:AAAA",
            &format!("{},{}", key_text(1, 1), key_text(1, 2)),
        ] {
            let err = SealingKeys::parse(bad).unwrap_err();
            assert!(!err.contains("AAAA"), "{err}");
        }
        let keys = keys(&key_text(3, 5));
        assert!(!format!("{keys:?}").contains(&STANDARD.encode([5u8; KEY_BYTES])));
    }
}
