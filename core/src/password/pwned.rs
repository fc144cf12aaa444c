//! The Pwned Passwords range query (k-anonymity): only the first 5 hex digits of the
//! password's SHA-1 leave the server; the answer lists suffixes with counts, padded with
//! fake entries of count 0, which are ignored. Building the request and reading the answer
//! are pure; the edge makes the call.

use sha1::{Digest, Sha1};

/// Where range queries go; append the prefix.
pub const RANGE_URL: &str = "https://api.pwnedpasswords.com/range/";
/// Ask for padded answers so their size does not reveal the prefix.
pub const PADDING_HEADER: (&str, &str) = ("Add-Padding", "true");

/// One range query for one password.
///
/// ```
/// use sspr_core::password::pwned::RangeQuery;
///
/// let query = RangeQuery::new("password");
/// assert_eq!(query.url(), "https://api.pwnedpasswords.com/range/5BAA6");
/// // The service answers with suffixes and counts (padding lines count 0).
/// let answer = "1E4C9B93F3F0682250B6CF8331B7EE68FD8:52256179\r\n00D4F6E8FA6EECAD2A3AA415EEC418D38EC:0";
/// assert_eq!(query.count(answer), Ok(52_256_179));
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct RangeQuery {
    prefix: String,
    suffix: String,
}

impl std::fmt::Debug for RangeQuery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RangeQuery")
            .field("prefix", &self.prefix)
            .finish()
    }
}

/// An answer that is not a range listing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line} of the Pwned Passwords answer is not `SUFFIX:COUNT`")]
pub struct MalformedAnswer {
    /// The offending line, counted from 1.
    pub line: usize,
}

impl RangeQuery {
    /// The query for `password`: the SHA-1 of its UTF-8 bytes, split into the prefix sent
    /// and the suffix looked for in the answer.
    pub fn new(password: &str) -> Self {
        let digest = hex::encode_upper(Sha1::digest(password.as_bytes()));
        RangeQuery {
            prefix: digest[..5].to_owned(),
            suffix: digest[5..].to_owned(),
        }
    }

    /// The 5 hex digits sent to the service.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// The URL to `GET` (with [`PADDING_HEADER`]).
    pub fn url(&self) -> String {
        format!("{RANGE_URL}{}", self.prefix)
    }

    /// How many times the password was seen in breaches (0 when it is not listed), from the
    /// body of the range answer.
    ///
    /// # Errors
    ///
    /// [`MalformedAnswer`] naming the first non-empty line that is not 35 hex digits, a colon
    /// and a count.
    pub fn count(&self, answer: &str) -> Result<u64, MalformedAnswer> {
        let mut found = 0;
        for (index, line) in answer.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let malformed = MalformedAnswer { line: index + 1 };
            let (suffix, count) = line.split_once(':').ok_or(malformed.clone())?;
            let count: u64 = count.trim().parse().map_err(|_| malformed.clone())?;
            if suffix.len() != 35 || !suffix.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(malformed);
            }
            if count > 0 && suffix.eq_ignore_ascii_case(&self.suffix) {
                found = count;
            }
        }
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // SHA-1("password") = 5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8
    const SUFFIX: &str = "1E4C9B93F3F0682250B6CF8331B7EE68FD8";

    #[test]
    fn only_the_first_five_hex_digits_are_sent() {
        let query = RangeQuery::new("password");
        assert_eq!(query.prefix(), "5BAA6");
        assert_eq!(query.url(), "https://api.pwnedpasswords.com/range/5BAA6");
        assert!(!format!("{query:?}").contains(SUFFIX));
    }

    #[test]
    fn a_listed_suffix_gives_its_count_in_any_case() {
        let answer = format!(
            "0018A45C4D1DEF81644B54AB7F969B88D65:1\r\n{}:52256179\r\n",
            SUFFIX.to_lowercase()
        );
        assert_eq!(RangeQuery::new("password").count(&answer), Ok(52_256_179));
    }

    #[test]
    fn padding_lines_with_count_zero_are_ignored() {
        let answer = format!("{SUFFIX}:0\n00D4F6E8FA6EECAD2A3AA415EEC418D38EC:2\n");
        assert_eq!(RangeQuery::new("password").count(&answer), Ok(0));
    }

    #[test]
    fn an_unlisted_password_counts_zero() {
        assert_eq!(
            RangeQuery::new("password").count("00D4F6E8FA6EECAD2A3AA415EEC418D38EC:2"),
            Ok(0)
        );
    }

    #[test]
    fn a_malformed_line_is_reported() {
        assert_eq!(
            RangeQuery::new("password").count("00D4F6E8FA6EECAD2A3AA415EEC418D38EC:2\n<html>"),
            Err(MalformedAnswer { line: 2 })
        );
    }
}
