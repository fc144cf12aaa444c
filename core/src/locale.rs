//! Which of our languages a person reads: the rule that picks one of the ten locales the
//! widget and the edge's messages are written in, from a list of BCP 47 tags (an element's
//! `lang`, `navigator.languages`) or from an HTTP `Accept-Language` header. The edge keeps
//! the result with the flow, so messages sent later (an outbox retry's notice) use it too.
//!
//! The rule is BCP 47 lookup by language, with the one likely-script rule our locales need
//! (Chinese is simplified Chinese unless it asks for the traditional script or a region that
//! writes it), without CLDR's tables. The widget's `i18n::negotiate` applies the same rule.

use serde::{Deserialize, Serialize};

/// The languages sspr writes in, by BCP 47 tag. The first is the fallback.
pub const LANGUAGES: [&str; 10] = [
    "en", "de", "fr", "es", "pt", "ja", "zh-CN", "pl", "nl", "ar",
];

/// One of [`LANGUAGES`]. Serialized as its tag; an unknown tag reads as English, so state
/// written by a newer edge still loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Language(usize);

impl Language {
    /// English, the fallback.
    pub const ENGLISH: Language = Language(0);

    /// The best of [`LANGUAGES`] for the tags a person prefers, most preferred first; English
    /// when none matches. A tag matches a locale of its language (`de-AT` → `de`, `pt-BR` →
    /// `pt`); `zh`, `zh-CN` and `zh-Hans-SG` match `zh-CN`, `zh-TW` and `zh-Hant` do not.
    ///
    /// ```
    /// use sspr_core::locale::Language;
    /// assert_eq!(Language::negotiate(["fr-CA", "en"]).tag(), "fr");
    /// assert_eq!(Language::negotiate(["zh-TW", "ja"]).tag(), "ja");
    /// assert_eq!(Language::negotiate(["tlh"]).tag(), "en");
    /// ```
    pub fn negotiate<S: AsRef<str>>(requested: impl IntoIterator<Item = S>) -> Language {
        requested
            .into_iter()
            .find_map(|tag| Self::lookup(tag.as_ref()))
            .unwrap_or_default()
    }

    /// The language for an `Accept-Language` header (RFC 9110 §12.5.4): its tags by
    /// descending weight (`q`, default 1; `q=0` means "not this one"), ties in the order
    /// given, then [`Language::negotiate`]. A missing or malformed header gives English.
    ///
    /// ```
    /// use sspr_core::locale::Language;
    /// assert_eq!(Language::from_accept_language("en;q=0.5, de-DE, *;q=0.1").tag(), "de");
    /// ```
    pub fn from_accept_language(header: &str) -> Language {
        let mut ranges: Vec<(u16, usize, &str)> = header
            .split(',')
            .take(32) // a header is short; a long one is not worth reading through
            .enumerate()
            .filter_map(|(i, item)| {
                let mut parts = item.split(';');
                let tag = parts.next()?.trim();
                let mut weight = 1000;
                for param in parts {
                    let (name, value) = param.split_once('=')?;
                    if name.trim().eq_ignore_ascii_case("q") {
                        weight = parse_weight(value.trim())?;
                    }
                }
                (weight > 0 && !tag.is_empty() && tag != "*").then_some((weight, i, tag))
            })
            .collect();
        ranges.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        Self::negotiate(ranges.into_iter().map(|(_, _, tag)| tag))
    }

    /// The locale with exactly this tag (as in [`LANGUAGES`]), if any.
    pub fn from_tag(tag: &str) -> Option<Language> {
        LANGUAGES.iter().position(|t| *t == tag).map(Language)
    }

    /// Its BCP 47 tag, one of [`LANGUAGES`].
    pub fn tag(self) -> &'static str {
        LANGUAGES[self.0]
    }

    /// Whether it is written right to left.
    pub fn is_rtl(self) -> bool {
        self.tag() == "ar"
    }

    /// The locale a single tag matches, if any.
    fn lookup(tag: &str) -> Option<Language> {
        let mut subtags = tag.split(['-', '_']);
        let language = subtags.next()?.to_ascii_lowercase();
        if language.len() < 2
            || language.len() > 8
            || !language.bytes().all(|b| b.is_ascii_alphabetic())
        {
            return None;
        }
        if language == "zh" {
            let traditional = subtags.any(|s| {
                s.eq_ignore_ascii_case("Hant")
                    || ["TW", "HK", "MO"].iter().any(|r| s.eq_ignore_ascii_case(r))
            });
            return if traditional {
                None
            } else {
                Language::from_tag("zh-CN")
            };
        }
        Language::from_tag(&language)
    }
}

/// A `q` value in thousandths: `0`, `1`, `0.5`, `1.000` (at most three decimals).
fn parse_weight(value: &str) -> Option<u16> {
    let (int, frac) = value.split_once('.').unwrap_or((value, ""));
    if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = format!("{frac:0<3}").parse::<u16>().ok()?;
    match int {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

impl Serialize for Language {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.tag())
    }
}

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let tag = String::deserialize(deserializer)?;
        Ok(Language::from_tag(&tag).unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(header: &str) -> &'static str {
        Language::from_accept_language(header).tag()
    }

    #[test]
    fn a_regional_tag_matches_its_language() {
        assert_eq!(tag("de-AT"), "de");
        assert_eq!(tag("pt-BR,pt;q=0.9"), "pt");
        assert_eq!(tag("NL"), "nl");
        assert_eq!(tag("ar-EG"), "ar");
    }

    #[test]
    fn weights_order_the_tags_and_ties_keep_their_order() {
        assert_eq!(tag("fr;q=0.4, ja;q=0.8"), "ja");
        assert_eq!(tag("pl, es"), "pl");
        assert_eq!(tag("es;q=0.5, pl;q=0.500"), "es");
        assert_eq!(tag("ja;q=0, de;q=0.1"), "de", "q=0 means not this one");
    }

    #[test]
    fn unknown_languages_are_skipped_and_english_is_the_fallback() {
        assert_eq!(tag("sv-SE, da;q=0.9, fr;q=0.1"), "fr");
        assert_eq!(tag("sv"), "en");
        assert_eq!(tag(""), "en");
        assert_eq!(tag("*"), "en");
    }

    #[test]
    fn chinese_is_simplified_unless_it_asks_for_traditional() {
        assert_eq!(tag("zh"), "zh-CN");
        assert_eq!(tag("zh-Hans-SG"), "zh-CN");
        assert_eq!(tag("zh-TW, en;q=0.5"), "en");
        assert_eq!(tag("zh-Hant"), "en");
        assert_eq!(tag("zh-hk"), "en");
    }

    #[test]
    fn malformed_ranges_are_ignored_not_trusted() {
        assert_eq!(tag("de;q=2, fr"), "fr");
        assert_eq!(tag("de;q=abc, fr"), "fr");
        assert_eq!(tag("1234, es"), "es");
        assert_eq!(tag(";;;,,,"), "en");
    }

    #[test]
    fn a_language_is_stored_as_its_tag_and_an_unknown_one_reads_as_english() {
        let de = Language::from_tag("de").unwrap();
        assert_eq!(serde_json::to_string(&de).unwrap(), "\"de\"");
        assert_eq!(
            serde_json::from_str::<Language>("\"zh-CN\"").unwrap().tag(),
            "zh-CN"
        );
        assert_eq!(
            serde_json::from_str::<Language>("\"xx\"").unwrap(),
            Language::ENGLISH
        );
    }
}
