//! The built-in list of common passwords (`core/data/common-passwords.txt`: the 20,000 most
//! frequent of 7–64 characters from OWASP SecLists, packed by `core/build.rs`). A password is
//! refused when, normalised like banned terms, it is within one edit of a listed password
//! normalised the same way, so `P@ssw0rd1` falls with `password1`. The list is compiled in with
//! the `common-passwords` feature (on by default; the widget leaves it out to stay small and the
//! edge enforces it).

use std::sync::OnceLock;

use super::banned::{normalize, within_one_edit};

/// The list as `core/build.rs` packs it: sorted and front-coded.
const PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/common-passwords.packed"));

/// Every listed password, unpacked (in byte order).
fn entries() -> impl Iterator<Item = String> {
    let mut current: Vec<u8> = Vec::new();
    let mut rest = PACKED;
    std::iter::from_fn(move || {
        let (&marker, tail) = rest.split_first()?;
        let end = tail.iter().position(|&b| b < 0x20).unwrap_or(tail.len());
        current.truncate(usize::from(marker - 1));
        current.extend_from_slice(&tail[..end]);
        rest = &tail[end..];
        // build.rs admits printable ASCII only.
        Some(String::from_utf8_lossy(&current).into_owned())
    })
}

/// Normalised entries, grouped by length in characters.
fn by_length() -> &'static Vec<Vec<Vec<char>>> {
    static GROUPS: OnceLock<Vec<Vec<Vec<char>>>> = OnceLock::new();
    GROUPS.get_or_init(|| {
        let mut groups: Vec<Vec<Vec<char>>> = vec![Vec::new(); 66];
        for entry in entries() {
            let normalized: Vec<char> = normalize(&entry).chars().collect();
            if let Some(group) = groups.get_mut(normalized.len()) {
                group.push(normalized);
            }
        }
        groups
    })
}

/// How many passwords the list holds.
pub fn len() -> usize {
    entries().count()
}

/// The listed password `password` is (within one edit of, after normalising), if any.
pub fn matching(password: &str) -> Option<String> {
    let text: Vec<char> = normalize(password).chars().collect();
    let groups = by_length();
    let lengths = text.len().saturating_sub(1)..=text.len() + 1;
    lengths
        .filter_map(|length| groups.get(length))
        .flatten()
        .find(|entry| within_one_edit(&text, entry))
        .map(|entry| entry.iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_packed_list_unpacks_to_the_source_list() {
        let source = include_str!("../../data/common-passwords.txt");
        let mut expected: Vec<&str> = source.lines().filter(|l| !l.is_empty()).collect();
        expected.sort_unstable();
        expected.dedup();
        let unpacked: Vec<String> = entries().collect();
        assert_eq!(unpacked.len(), expected.len());
        assert!(unpacked.iter().zip(&expected).all(|(a, b)| a == b));
    }

    #[test]
    fn the_list_holds_at_least_ten_thousand_passwords() {
        assert!(len() >= 10_000, "{}", len());
    }

    #[test]
    fn listed_passwords_and_their_disguises_are_found() {
        for password in [
            "password",
            "P@ssw0rd",
            "Password1",
            "baseball",
            "iloveyou!",
            "qwertyuiop",
        ] {
            assert!(matching(password).is_some(), "{password}");
        }
    }

    #[test]
    fn long_unusual_passphrases_are_not_found() {
        for password in [
            "a brand new passphrase",
            "correct horse battery staple",
            "mauve-otter-lamp",
        ] {
            assert_eq!(matching(password), None, "{password}");
        }
    }
}
