//! The built-in list of common passwords (`core/data/common-passwords.txt`: the 20,000 most
//! frequent of 7–64 characters from OWASP SecLists). A password is refused when, normalised
//! like banned terms, it is within one edit of a listed password normalised the same way, so
//! `P@ssw0rd1` falls with `password1`. The list is compiled in with the `common-passwords`
//! feature (on by default; the widget leaves it out to stay small and the edge enforces it).

use std::sync::OnceLock;

use super::banned::{normalize, within_one_edit};

const LIST: &str = include_str!("../../data/common-passwords.txt");

/// Normalised entries, grouped by length in characters.
fn by_length() -> &'static Vec<Vec<Vec<char>>> {
    static GROUPS: OnceLock<Vec<Vec<Vec<char>>>> = OnceLock::new();
    GROUPS.get_or_init(|| {
        let mut groups: Vec<Vec<Vec<char>>> = vec![Vec::new(); 66];
        for line in LIST.lines().filter(|l| !l.is_empty()) {
            let normalized: Vec<char> = normalize(line).chars().collect();
            if let Some(group) = groups.get_mut(normalized.len()) {
                group.push(normalized);
            }
        }
        groups
    })
}

/// How many passwords the list holds.
pub fn len() -> usize {
    LIST.lines().filter(|l| !l.is_empty()).count()
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
