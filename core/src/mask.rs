//! Masked destinations ("a•••@e•••.com") shown while a code is on its way. The mask has a
//! fixed shape so it reveals neither the length of the address nor whether the user exists.

const HIDDEN: &str = "•••";

/// Masks an email address: first character of the local part and of the domain, and the
/// top-level domain.
///
/// ```
/// assert_eq!(sspr_core::mask::email("alice@example.com"), "a•••@e•••.com");
/// ```
pub fn email(address: &str) -> String {
    match address.rsplit_once('@') {
        Some((local, domain)) => format!("{}@{}", first_char(local), domain_mask(domain)),
        None => first_char(address),
    }
}

/// The mask a decoy flow shows for a username that matches no one: an address-like mask built
/// from the username itself and the organisation's usual domain.
pub fn decoy_email(username: &str, usual_domain: &str) -> String {
    if username.contains('@') {
        email(username)
    } else {
        format!("{}@{}", first_char(username), domain_mask(usual_domain))
    }
}

/// The mask a decoy flow shows for a mobile number: shaped like
/// [`PhoneNumber::masked`](crate::methods::phone::PhoneNumber::masked), with the
/// organisation's usual country code and two digits derived from the username, so the same
/// name always shows the same mask.
///
/// ```
/// let mask = sspr_core::mask::decoy_phone("nobody", "49");
/// assert!(mask.starts_with("+49 ••• ••• ••"));
/// assert_eq!(mask, sspr_core::mask::decoy_phone("NoBody", "49"));
/// ```
pub fn decoy_phone(username: &str, usual_country_code: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(username.to_lowercase().as_bytes());
    let digits: String = usual_country_code
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let head = match crate::methods::phone::country_code_len(&digits) {
        len if digits.len() >= len => &digits[..len],
        _ => "1",
    };
    format!("+{head} ••• ••• ••{}{}", digest[0] % 10, digest[1] % 10)
}

fn first_char(s: &str) -> String {
    let first = s
        .chars()
        .next()
        .map(|c| c.to_lowercase().to_string())
        .unwrap_or_default();
    format!("{first}{HIDDEN}")
}

fn domain_mask(domain: &str) -> String {
    match domain.rsplit_once('.') {
        Some((name, tld)) => format!("{}.{}", first_char(name), tld.to_lowercase()),
        None => first_char(domain),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_keeps_only_its_first_letters_and_tld() {
        assert_eq!(email("alice@example.com"), "a•••@e•••.com");
        assert_eq!(email("Bob.Smith@mail.contoso.co.uk"), "b•••@m•••.uk");
    }

    #[test]
    fn the_mask_does_not_reveal_the_length() {
        assert_eq!(email("al@example.com"), email("alexandra@example.com"));
    }

    #[test]
    fn a_decoy_looks_like_a_real_mask() {
        assert_eq!(
            decoy_email("alice", "example.com"),
            email("alice@example.com")
        );
        assert_eq!(
            decoy_email("zed@example.org", "example.com"),
            "z•••@e•••.org"
        );
    }
}
