//! Phone numbers for SMS codes, parsed with the maintained `phonenumber` crate (Google's
//! libphonenumber metadata) and kept in E.164 form (`+14155550123`).

use phonenumber::country;
use serde::{Deserialize, Serialize};

/// A valid phone number in E.164 form.
///
/// ```
/// use sspr_core::methods::phone::PhoneNumber;
///
/// let number = PhoneNumber::parse("(415) 555-0132", Some("US")).unwrap();
/// assert_eq!(number.e164(), "+14155550132");
/// assert_eq!(number.masked(), "+1 ••• ••• ••32");
/// assert!(PhoneNumber::parse("call me maybe", Some("US")).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PhoneNumber(String);

/// Why a phone number was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    /// The default region given is not an ISO 3166 alpha-2 code; it is carried as given.
    #[error("{0:?} is not a known country code (use two letters, like US or DE)")]
    UnknownRegion(String),
    /// The input, trimmed, cannot be read as a phone number at all (for instance, no `+`
    /// and no default region).
    #[error("{0:?} is not a phone number; write it with its country code, like +1 415 555 0123")]
    Unparsable(String),
    /// The input, trimmed, reads as a number, but not one its country assigns.
    #[error("{0:?} is not a valid phone number for its country")]
    Invalid(String),
}

impl PhoneNumber {
    /// Parses what a user typed. Numbers without a `+` country code are read in
    /// `default_region` (ISO 3166 alpha-2), when given.
    pub fn parse(input: &str, default_region: Option<&str>) -> Result<PhoneNumber, PhoneError> {
        let region = match default_region {
            Some(code) => Some(
                code.trim()
                    .to_ascii_uppercase()
                    .parse::<country::Id>()
                    .map_err(|_| PhoneError::UnknownRegion(code.to_owned()))?,
            ),
            None => None,
        };
        let trimmed = input.trim();
        let parsed = phonenumber::parse(region, trimmed)
            .map_err(|_| PhoneError::Unparsable(trimmed.to_owned()))?;
        if !phonenumber::is_valid(&parsed) {
            return Err(PhoneError::Invalid(trimmed.to_owned()));
        }
        Ok(PhoneNumber(
            parsed.format().mode(phonenumber::Mode::E164).to_string(),
        ))
    }

    /// A number a directory already holds in E.164 (a `tel:` prefix and the usual separators
    /// — spaces, dashes, dots, parentheses — are dropped), checked by its shape only: `+`,
    /// then 8 to 15 digits not starting with 0. No numbering-plan metadata is consulted, so
    /// code that only reads directory numbers (the edge) stays small; a number without `+`
    /// and a country code is not guessed at.
    ///
    /// ```
    /// use sspr_core::methods::phone::PhoneNumber;
    /// assert_eq!(PhoneNumber::from_e164("tel:+1 (425) 555-0109").unwrap().e164(), "+14255550109");
    /// assert_eq!(PhoneNumber::from_e164("0151 123456"), None);
    /// ```
    pub fn from_e164(raw: &str) -> Option<PhoneNumber> {
        let raw = raw.trim();
        let raw = raw.strip_prefix("tel:").unwrap_or(raw);
        let digits: String = raw
            .strip_prefix('+')?
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')'))
            .collect();
        let ok = (8..=15).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
            && !digits.starts_with('0');
        ok.then(|| PhoneNumber(format!("+{digits}")))
    }

    /// A number a user typed with its country code (`+44 7700 900123`, `+1 (415) 555-0132`),
    /// checked by its shape only, as [`PhoneNumber::from_e164`] checks a directory's number:
    /// for the edge, which leaves the numbering-plan metadata out of its bundle (the widget
    /// checks numbers with [`PhoneNumber::parse`] as they are typed, and the code texted to
    /// the number proves it works).
    ///
    /// # Errors
    ///
    /// [`PhoneError::Unparsable`] without a `+` and 8 to 15 digits.
    ///
    /// ```
    /// use sspr_core::methods::phone::PhoneNumber;
    /// assert_eq!(PhoneNumber::parse_international(" +44 7700 900123 ").unwrap().e164(), "+447700900123");
    /// assert!(PhoneNumber::parse_international("07700 900123").is_err());
    /// ```
    pub fn parse_international(input: &str) -> Result<PhoneNumber, PhoneError> {
        PhoneNumber::from_e164(input).ok_or_else(|| PhoneError::Unparsable(input.trim().to_owned()))
    }

    /// `+` and digits only.
    pub fn e164(&self) -> &str {
        &self.0
    }

    /// The number masked for display: the country code and the last two digits, in a fixed
    /// shape that does not tell the number's length (`+1 ••• ••• ••23`; `+49 ••• ••• ••78` for
    /// a German number, `+44 ••• ••• ••78` for a British one).
    ///
    /// ```
    /// use sspr_core::methods::phone::PhoneNumber;
    ///
    /// let german = PhoneNumber::parse_international("+49 151 2345678").unwrap();
    /// assert_eq!(german.masked(), "+49 ••• ••• ••78");
    /// let irish = PhoneNumber::parse_international("+353 85 1234567").unwrap();
    /// assert_eq!(irish.masked(), "+353 ••• ••• ••67");
    /// ```
    pub fn masked(&self) -> String {
        let digits = &self.0[1..];
        let tail = &digits[digits.len().saturating_sub(2)..];
        let head = &digits[..country_code_len(digits).min(digits.len())];
        format!("+{head} ••• ••• ••{tail}")
    }
}

/// How many leading digits of an international number (without its `+`) are the country
/// code. ITU-T E.164 codes are prefix-free: `1` and `7` stand alone, the two-digit codes are
/// listed here, and every other code has three digits.
pub fn country_code_len(digits: &str) -> usize {
    const TWO_DIGITS: [&str; 44] = [
        "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46",
        "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63",
        "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98",
    ];
    match digits.as_bytes().first() {
        Some(b'1' | b'7') => 1,
        _ if digits.get(..2).is_some_and(|two| TWO_DIGITS.contains(&two)) => 2,
        _ => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mask_shows_the_whole_country_code() {
        let masked = |n: &str| PhoneNumber::parse_international(n).unwrap().masked();
        assert_eq!(masked("+4915112345678"), "+49 ••• ••• ••78");
        assert_eq!(masked("+447700900123"), "+44 ••• ••• ••23");
        assert_eq!(masked("+14155550132"), "+1 ••• ••• ••32");
        assert_eq!(masked("+79161234567"), "+7 ••• ••• ••67");
        assert_eq!(masked("+353851234567"), "+353 ••• ••• ••67");
        assert_eq!(masked("+989121234567"), "+98 ••• ••• ••67");
        assert_eq!(masked("+2348031234567"), "+234 ••• ••• ••67");
    }

    #[test]
    fn the_mask_does_not_tell_the_length_of_the_number() {
        let masked = |n: &str| PhoneNumber::parse_international(n).unwrap().masked();
        assert_eq!(masked("+4930901820").len(), masked("+4915112345678").len());
    }

    #[test]
    fn an_international_number_becomes_e164() {
        assert_eq!(
            PhoneNumber::parse("+1 (415) 555-0132", None)
                .unwrap()
                .e164(),
            "+14155550132"
        );
        assert_eq!(
            PhoneNumber::parse("+49 30 901820", None).unwrap().e164(),
            "+4930901820"
        );
    }

    #[test]
    fn a_national_number_is_read_in_the_default_region() {
        assert_eq!(
            PhoneNumber::parse("030 901820", Some("de")).unwrap().e164(),
            "+4930901820"
        );
    }

    #[test]
    fn a_national_number_without_a_region_is_unparsable() {
        assert!(matches!(
            PhoneNumber::parse("030 901820", None),
            Err(PhoneError::Unparsable(_))
        ));
    }

    #[test]
    fn letters_are_not_a_phone_number() {
        assert!(PhoneNumber::parse("call me maybe", Some("US")).is_err());
    }

    #[test]
    fn an_impossible_number_is_invalid() {
        for number in ["+44 20 1234", "+1 415 555 01"] {
            assert!(
                matches!(
                    PhoneNumber::parse(number, None),
                    Err(PhoneError::Invalid(_))
                ),
                "{number}"
            );
        }
        assert!(matches!(
            PhoneNumber::parse("+1 000 000 0000", None),
            Err(PhoneError::Unparsable(_))
        ));
    }

    #[test]
    fn an_unknown_region_is_named() {
        assert_eq!(
            PhoneNumber::parse("123", Some("XX")),
            Err(PhoneError::UnknownRegion("XX".into()))
        );
    }

    #[test]
    fn the_mask_shows_only_the_country_digit_and_the_last_two() {
        assert_eq!(
            PhoneNumber::parse("+14155550132", None).unwrap().masked(),
            "+1 ••• ••• ••32"
        );
    }
}
