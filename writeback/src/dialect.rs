//! What OpenLDAP and Active Directory say and expect, as pure functions: the password-policy
//! response control (draft-behera-ldap-password-policy), result codes and diagnostic texts
//! turned into [`DirectoryError`]s, AD's `unicodePwd` and `objectGUID` encodings, and DNs and
//! group names. (Phone numbers go through core's `PhoneNumber::parse_international`.)

use crate::directory::DirectoryError;

/// The password-policy request and response control (OpenLDAP's ppolicy overlay).
pub const PPOLICY_OID: &str = "1.3.6.1.4.1.42.2.27.8.5.1";

/// OpenLDAP's `pwdAccountLockedTime` for an account an administrator locked for good
/// (ppolicy treats it as permanently locked): sspr sees it as disabled.
pub const PERMANENTLY_LOCKED: &str = "000001010000Z";

/// LDAP result codes used here (RFC 4511 appendix A).
pub mod rc {
    pub const SIZE_LIMIT_EXCEEDED: u32 = 4;
    pub const NO_SUCH_ATTRIBUTE: u32 = 16;
    pub const CONSTRAINT_VIOLATION: u32 = 19;
    pub const NO_SUCH_OBJECT: u32 = 32;
    pub const INVALID_CREDENTIALS: u32 = 49;
    pub const INSUFFICIENT_ACCESS: u32 = 50;
    pub const UNWILLING_TO_PERFORM: u32 = 53;
}

/// The `error` of a password-policy response control, or `None` when the value carries none
/// (or is not the control's BER).
///
/// ```
/// use sspr_writeback::dialect::ppolicy_error;
/// // SEQUENCE { error [1] ENUMERATED 8 (passwordInHistory) }
/// assert_eq!(ppolicy_error(&[0x30, 0x03, 0x81, 0x01, 0x08]), Some(8));
/// assert_eq!(ppolicy_error(&[0x30, 0x00]), None);
/// ```
pub fn ppolicy_error(value: &[u8]) -> Option<u32> {
    let (tag, body, _) = ber_element(value)?;
    if tag != 0x30 {
        return None;
    }
    let mut rest = body;
    while !rest.is_empty() {
        let (tag, content, after) = ber_element(rest)?;
        // `error [1] ENUMERATED`, implicitly tagged: context-specific, primitive, number 1.
        if tag == 0x81 {
            if content.is_empty() || content.len() > 4 {
                return None;
            }
            return Some(content.iter().fold(0u32, |n, b| (n << 8) | u32::from(*b)));
        }
        rest = after;
    }
    None
}

/// One BER element: its tag, its contents and what follows it.
fn ber_element(input: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = input.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (length, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let count = usize::from(first & 0x7f);
        if count == 0 || count > 4 || rest.len() < count {
            return None;
        }
        let length = rest[..count]
            .iter()
            .fold(0usize, |n, b| (n << 8) | usize::from(*b));
        (length, &rest[count..])
    };
    if rest.len() < length {
        return None;
    }
    Some((tag, &rest[..length], &rest[length..]))
}

/// What an OpenLDAP password change's result means. `ppolicy` is the response control's error,
/// when the server sent one.
pub fn openldap_change(rc: u32, text: &str, ppolicy: Option<u32>) -> Result<(), DirectoryError> {
    if rc == 0 {
        return Ok(());
    }
    let refused = |message: &str| Err(DirectoryError::Refused(message.to_owned()));
    match ppolicy {
        Some(5) => {
            return refused(
                "The directory's password rules find this password too weak: choose a different one.",
            );
        }
        Some(6) => return refused("The directory needs a longer password: choose a longer one."),
        Some(7) => {
            return refused(
                "This password was changed too recently to change it again now: try later, or ask the helpdesk.",
            );
        }
        Some(8) => {
            return refused("You have used this password before: choose one you have not used.");
        }
        Some(9) => return refused("The directory needs a shorter password: choose a shorter one."),
        _ => {}
    }
    match rc {
        rc::CONSTRAINT_VIOLATION => refused(&directory_reason(text)),
        rc::NO_SUCH_OBJECT => Err(DirectoryError::NoSuchUser),
        other => Err(unavailable(other, text)),
    }
}

/// What an Active Directory password change's result means (diagnostic texts start with the
/// Windows error code in hex, e.g. `0000052D: Constraint violation`).
pub fn active_directory_change(rc: u32, text: &str) -> Result<(), DirectoryError> {
    match rc {
        0 => Ok(()),
        rc::CONSTRAINT_VIOLATION if text.starts_with("0000052D") => Err(DirectoryError::Refused(
            "The directory's password policy refused this password: it may be too short, too simple, used before, or changed too recently.".into(),
        )),
        rc::CONSTRAINT_VIOLATION => Err(DirectoryError::Refused(directory_reason(text))),
        rc::UNWILLING_TO_PERFORM if text.starts_with("0000001F") => Err(DirectoryError::Unavailable(
            format!("Active Directory will not take a password over an unencrypted connection: {text}"),
        )),
        rc::NO_SUCH_OBJECT => Err(DirectoryError::NoSuchUser),
        other => Err(unavailable(other, text)),
    }
}

/// A directory result that is the connector's or the directory's problem, not the user's.
pub fn unavailable(rc: u32, text: &str) -> DirectoryError {
    let what = match rc {
        rc::INVALID_CREDENTIALS => {
            "the service account's bind was refused (check bind_dn and its password)"
        }
        rc::INSUFFICIENT_ACCESS => {
            "the service account lacks the rights for this (see the README's ACLs)"
        }
        rc::UNWILLING_TO_PERFORM => "the directory is unwilling to perform this",
        _ => "the directory answered with an error",
    };
    DirectoryError::Unavailable(format!("{what}: LDAP result {rc} {text}").trim().to_owned())
}

/// A constraint violation's reason as the directory worded it, for the user when it is
/// plainly about the password, else a general sentence.
fn directory_reason(text: &str) -> String {
    let text = text.trim();
    if text.is_empty() || text.len() > 200 {
        "The directory's password policy refused this password: choose a different one.".into()
    } else {
        format!("The directory refused this password: {text}")
    }
}

/// AD's `unicodePwd` value: the password in double quotes, UTF-16LE.
///
/// ```
/// assert_eq!(sspr_writeback::dialect::unicode_pwd("ab"), b"\"\0a\0b\0\"\0".to_vec());
/// ```
pub fn unicode_pwd(password: &str) -> Vec<u8> {
    format!("\"{password}\"")
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect()
}

/// An `objectGUID`'s 16 bytes as AD's tools show it (the first three fields little-endian).
pub fn guid_to_string(bytes: &[u8]) -> Option<String> {
    let b: &[u8; 16] = bytes.try_into().ok()?;
    Some(format!(
        "{:02x}{:02x}{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}{:02x}{:02x}{:02x}{:02x}",
        b[3],
        b[2],
        b[1],
        b[0],
        b[5],
        b[4],
        b[7],
        b[6],
        b[8],
        b[9],
        b[10],
        b[11],
        b[12],
        b[13],
        b[14],
        b[15]
    ))
}

/// The search-filter value matching the `objectGUID` written as [`guid_to_string`] writes it:
/// each byte as `\xx`.
pub fn guid_filter_value(guid: &str) -> Option<String> {
    let hex_digits: String = guid.chars().filter(|c| *c != '-').collect();
    if !is_uuid_shaped(guid) {
        return None;
    }
    let bytes = hex::decode(hex_digits).ok()?;
    let order = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];
    Some(
        order
            .iter()
            .map(|&i| format!("\\{:02x}", bytes[i]))
            .collect(),
    )
}

/// Whether `id` looks like `8-4-4-4-12` hex digits (OpenLDAP's `entryUUID`, AD's GUID).
pub fn is_uuid_shaped(id: &str) -> bool {
    id.len() == 36
        && id.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// A DN in a form to compare by: lower case, no spaces around separators.
pub fn normalize_dn(dn: &str) -> String {
    dn.split(',')
        .map(|rdn| {
            rdn.split('=')
                .map(str::trim)
                .collect::<Vec<_>>()
                .join("=")
                .to_lowercase()
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// Whole days from 1970-01-01 to `time` (UTC), as `shadowLastChange` counts them.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use sspr_writeback::dialect::days_since_epoch;
///
/// // 2026-11-26T18:00:00Z is day 20,783.
/// assert_eq!(days_since_epoch(UNIX_EPOCH + Duration::from_secs(1_795_716_000)), 20_783);
/// ```
pub fn days_since_epoch(time: std::time::SystemTime) -> u64 {
    time.duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.as_secs() / 86_400)
}

/// ppolicy's `accountLocked` error (draft-behera-ldap-password-policy, `PasswordPolicyResponseValue`).
pub const PPOLICY_ACCOUNT_LOCKED: u32 = 1;

/// Whether a refused bind (result 49) says the account is locked rather than the password
/// wrong: ppolicy's `accountLocked` in its response control (OpenLDAP), or `data 775` in the
/// diagnostic text (Active Directory). A locked account refuses even its right password.
///
/// ```
/// use sspr_writeback::dialect::bind_refused_as_locked;
///
/// assert!(bind_refused_as_locked(Some(1), ""));
/// assert!(bind_refused_as_locked(None, "80090308: LdapErr: DSID-0C09041C, comment: AcceptSecurityContext error, data 775, v4563"));
/// assert!(!bind_refused_as_locked(None, "80090308: LdapErr: DSID-0C09041C, comment: AcceptSecurityContext error, data 52e, v4563"));
/// ```
pub fn bind_refused_as_locked(ppolicy: Option<u32>, text: &str) -> bool {
    ppolicy == Some(PPOLICY_ACCOUNT_LOCKED) || text.contains("data 775")
}

/// Where an Active Directory range of `attribute` ends, from the key it answered under
/// (`member;range=0-1499` → `Some(Some(1499))`, the last part `member;range=1500-*` →
/// `Some(None)`); `None` when `key` is no range of `attribute`. Keys are compared in lower case.
///
/// ```
/// use sspr_writeback::dialect::range_end;
///
/// assert_eq!(range_end("member;range=0-1499", "member"), Some(Some(1499)));
/// assert_eq!(range_end("Member;Range=1500-*", "member"), Some(None));
/// assert_eq!(range_end("member", "member"), None);
/// assert_eq!(range_end("memberof;range=0-9", "member"), None);
/// assert_eq!(range_end("member;range=0-x", "member"), None);
/// ```
pub fn range_end(key: &str, attribute: &str) -> Option<Option<u64>> {
    let key = key.to_ascii_lowercase();
    let rest = key.strip_prefix(&format!("{};range=", attribute.to_ascii_lowercase()))?;
    let (_, end) = rest.split_once('-')?;
    match end {
        "*" => Some(None),
        number => number.parse().ok().map(Some),
    }
}

/// Active Directory's `LDAP_MATCHING_RULE_IN_CHAIN`: a filter with it on `member` follows
/// groups within groups on the server.
pub const IN_CHAIN_OID: &str = "1.2.840.113556.1.4.1941";

/// The filter for the groups that hold `member_dns` as `member` or `uniqueMember` (escaped
/// per RFC 4515).
///
/// ```
/// use sspr_writeback::dialect::member_filter;
///
/// assert_eq!(
///     member_filter(["cn=a(1),o=x"]),
///     "(|(member=cn=a\\281\\29,o=x)(uniqueMember=cn=a\\281\\29,o=x))"
/// );
/// ```
pub fn member_filter<'a>(member_dns: impl IntoIterator<Item = &'a str>) -> String {
    let mut filter = String::from("(|");
    for dn in member_dns {
        let dn = ldap3::ldap_escape(dn);
        filter.push_str(&format!("(member={dn})(uniqueMember={dn})"));
    }
    filter.push(')');
    filter
}

/// The Active Directory filter for every group `user_dn` belongs to, directly or through
/// other groups.
///
/// ```
/// use sspr_writeback::dialect::in_chain_filter;
///
/// assert_eq!(
///     in_chain_filter("CN=Kim*,OU=Staff,DC=corp"),
///     "(member:1.2.840.113556.1.4.1941:=CN=Kim\\2a,OU=Staff,DC=corp)"
/// );
/// ```
pub fn in_chain_filter(user_dn: &str) -> String {
    format!("(member:{IN_CHAIN_OID}:={})", ldap3::ldap_escape(user_dn))
}

/// A group's name: the value of its DN's first RDN (`cn=it-admins,ou=groups,…` → `it-admins`).
pub fn group_name(dn: &str) -> String {
    let first = dn.split(',').next().unwrap_or(dn);
    first
        .split_once('=')
        .map_or(first, |(_, value)| value)
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ppolicy_control_with_a_warning_and_an_error_gives_the_error() {
        // SEQUENCE { warning [0] { graceAuthNsRemaining [1] 2 }, error [1] 6 }
        let value = [0x30, 0x08, 0xa0, 0x03, 0x81, 0x01, 0x02, 0x81, 0x01, 0x06];
        assert_eq!(ppolicy_error(&value), Some(6));
    }

    #[test]
    fn truncated_ber_is_no_error_not_a_panic() {
        for value in [
            &[][..],
            &[0x30],
            &[0x30, 0x05, 0x81, 0x01],
            &[0x30, 0x84, 0xff],
        ] {
            assert_eq!(ppolicy_error(value), None);
        }
    }

    #[test]
    fn history_and_length_refusals_are_for_the_user() {
        let history = openldap_change(19, "Password is in history of old passwords", Some(8));
        assert!(
            matches!(history, Err(DirectoryError::Refused(m)) if m.contains("used this password before"))
        );
        let short = openldap_change(19, "Password fails quality checking policy", Some(6));
        assert!(matches!(short, Err(DirectoryError::Refused(m)) if m.contains("longer")));
        // Without the control, a constraint violation still is the password's fault.
        let plain = openldap_change(19, "Password is in history of old passwords", None);
        assert!(matches!(plain, Err(DirectoryError::Refused(m)) if m.contains("history")));
    }

    #[test]
    fn access_problems_are_the_connectors_not_the_users() {
        let denied = openldap_change(50, "no write access to parent", None);
        assert!(
            matches!(denied, Err(DirectoryError::Unavailable(m)) if m.contains("lacks the rights"))
        );
        let mod_not_allowed = openldap_change(50, "", Some(3));
        assert!(matches!(
            mod_not_allowed,
            Err(DirectoryError::Unavailable(_))
        ));
        assert_eq!(
            openldap_change(32, "", None),
            Err(DirectoryError::NoSuchUser)
        );
    }

    #[test]
    fn active_directory_errors_are_mapped() {
        let policy = active_directory_change(
            19,
            "0000052D: Constraint violation - check_password_restrictions: the password does not meet the complexity criteria!",
        );
        assert!(matches!(policy, Err(DirectoryError::Refused(_))));
        let clear = active_directory_change(
            53,
            "0000001F: SvcErr: DSID-031A12D2, problem 5003 (WILL_NOT_PERFORM), data 0",
        );
        assert!(matches!(clear, Err(DirectoryError::Unavailable(m)) if m.contains("unencrypted")));
        assert_eq!(active_directory_change(0, ""), Ok(()));
    }

    #[test]
    fn unicode_pwd_is_quoted_utf16le() {
        assert_eq!(unicode_pwd("é"), vec![0x22, 0, 0xe9, 0, 0x22, 0]);
    }

    #[test]
    fn a_guid_round_trips_through_its_string_and_filter() {
        // Microsoft's documented example: bytes 0x4F,0x1C,... shown as {…}.
        let bytes: Vec<u8> = (1..=16).collect();
        let text = guid_to_string(&bytes).unwrap();
        assert_eq!(text, "04030201-0605-0807-090a-0b0c0d0e0f10");
        let filter = guid_filter_value(&text).unwrap();
        let expected: String = bytes.iter().map(|b| format!("\\{b:02x}")).collect();
        assert_eq!(filter, expected);
        assert_eq!(guid_filter_value("u1"), None);
        assert_eq!(
            guid_filter_value("04030201-0605-0807-090a-0b0c0d0e0f1)"),
            None
        );
    }

    #[test]
    fn dns_compare_without_case_or_spaces() {
        assert_eq!(
            normalize_dn("CN=IT-Admins, OU=Groups,DC=example, DC=com"),
            "cn=it-admins,ou=groups,dc=example,dc=com"
        );
        assert_eq!(
            group_name("cn=it-admins,ou=groups,dc=example,dc=com"),
            "it-admins"
        );
    }
}
