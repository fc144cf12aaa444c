//! Every string the widget shows, from the Fluent locale files in `widget/locales/`. English
//! is compiled in; the nine others (about 4 KB gzip each) are fetched on demand from
//! `locales/<tag>.ftl` beside the module (`widget/js/sspr.js` does it, before mounting), so
//! a page downloads only the language it shows. English is the reference: another locale
//! that lacks a message, or that could not be fetched, falls back to it, and the tests
//! require every file to have exactly English's messages with the same variables. Errors
//! from the edge are shown from their stable code and facts, so they are localized too.
//! The files are read by core's Fluent subset ([`sspr_core::fluent`]), the same reader as
//! the edge's emails; the tests hold it to `fluent-bundle` on every message of every file.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use sspr_core::api::{ApiError, ErrorCode};
use sspr_core::fluent::{Arg, Messages};
use unic_langid::LanguageIdentifier;

/// The locales, by BCP 47 tag; each is `widget/locales/<tag>.ftl`. The first is the fallback.
pub const LOCALES: [&str; 10] = [
    "en", "de", "fr", "es", "pt", "ja", "zh-CN", "pl", "nl", "ar",
];

/// The English messages, compiled in: the fallback of every other locale.
pub const ENGLISH: &str = include_str!("../locales/en.ftl");

/// Locales written right to left.
const RTL: [&str; 1] = ["ar"];

/// The best of [`LOCALES`] for the languages a user prefers, most preferred first (an
/// element's `lang`, else `navigator.languages`); English when none matches. A tag matches
/// a locale of its language (`de-AT` → `de`, `pt-BR` → `pt`); Chinese matches simplified
/// Chinese unless it asks for the traditional script or a region that writes it (BCP 47
/// lookup with the one likely-script rule our locales need, without CLDR's tables).
pub fn negotiate<S: AsRef<str>>(requested: &[S]) -> &'static str {
    requested
        .iter()
        .filter_map(|tag| tag.as_ref().parse::<LanguageIdentifier>().ok())
        .find_map(|id| {
            let language = id.language.as_str();
            if language == "zh" {
                let traditional = id.script.is_some_and(|s| s.as_str() == "Hant")
                    || id
                        .region
                        .is_some_and(|r| ["TW", "HK", "MO"].contains(&r.as_str()));
                return (!traditional).then_some("zh-CN");
            }
            LOCALES.iter().copied().find(|tag| *tag == language)
        })
        .unwrap_or(LOCALES[0])
}

/// One locale's messages, with English behind it.
pub struct Locale {
    tag: &'static str,
    messages: Rc<Messages<'static>>,
    fallback: Option<Rc<Messages<'static>>>,
}

/// A problem in a locale file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleError {
    pub tag: &'static str,
    pub problem: String,
}

/// A variable's value: text, or a number (which also picks plural forms).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Number(u64),
}

impl From<String> for Value {
    fn from(text: String) -> Self {
        Value::Text(text)
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Self {
        Value::Text(text.to_owned())
    }
}

macro_rules! number_values {
    ($($t:ty),*) => {$(
        impl From<$t> for Value {
            fn from(n: $t) -> Self {
                Value::Number(n as u64)
            }
        }
    )*};
}
number_values!(u8, u16, u32, u64, usize);

thread_local! {
    /// The files parsed so far, each kept for the page's life (a locale's file is fetched
    /// once per page, and every widget of the page shares its parse).
    static PARSED: RefCell<Vec<(&'static str, Rc<Messages<'static>>)>> = const { RefCell::new(Vec::new()) };
}

/// The messages of `source` in the locale `tag`, parsed once per page.
fn messages(tag: &'static str, source: &str) -> Result<Rc<Messages<'static>>, LocaleError> {
    if let Some(found) = PARSED.with(|parsed| {
        parsed
            .borrow()
            .iter()
            .find(|(known, _)| *known == source)
            .map(|(_, messages)| messages.clone())
    }) {
        return Ok(found);
    }
    let source: &'static str = if source == ENGLISH {
        ENGLISH
    } else {
        Box::leak(source.to_owned().into_boxed_str())
    };
    // Unicode isolation marks keep an address or a number the right way round in Arabic;
    // left-to-right languages do not need them.
    let parsed = Messages::parse(tag, source, RTL.contains(&tag))
        .map_err(|problem| LocaleError { tag, problem })?;
    let parsed = Rc::new(parsed);
    PARSED.with(|cache| cache.borrow_mut().push((source, parsed.clone())));
    Ok(parsed)
}

impl Locale {
    /// English, compiled in.
    pub fn english() -> Self {
        Locale {
            tag: LOCALES[0],
            messages: messages(LOCALES[0], ENGLISH).expect("the English locale is tested"),
            fallback: None,
        }
    }

    /// The locale `tag` (one of [`LOCALES`]; anything else gives English) from its Fluent
    /// `source` (the fetched `locales/<tag>.ftl`), with English behind it.
    pub fn parse(tag: &str, source: &str) -> Result<Self, LocaleError> {
        let Some(tag) = LOCALES
            .iter()
            .copied()
            .find(|t| *t == tag && *t != LOCALES[0])
        else {
            return Ok(Locale::english());
        };
        Ok(Locale {
            tag,
            messages: messages(tag, source)?,
            fallback: Some(messages(LOCALES[0], ENGLISH)?),
        })
    }

    /// The BCP 47 tag, for `lang` attributes and date formatting.
    pub fn tag(&self) -> &'static str {
        self.tag
    }

    /// `rtl` or `ltr`, for the `dir` attribute.
    pub fn dir(&self) -> &'static str {
        if RTL.contains(&self.tag) {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The message `id` with no variables.
    pub fn t(&self, id: &str) -> String {
        self.t_args(id, &[])
    }

    /// The message `id` with variables.
    pub fn t_args(&self, id: &str, args: &[(&str, Value)]) -> String {
        let args: Vec<(&str, Arg<'_>)> = args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    Value::Text(text) => Arg::Text(text),
                    Value::Number(n) => Arg::Number(*n),
                };
                (*name, value)
            })
            .collect();
        std::iter::once(&self.messages)
            .chain(self.fallback.as_ref())
            .find_map(|messages| messages.format(id, &args))
            .unwrap_or_else(|| id.to_owned())
    }

    /// Whether this locale, or English behind it, has the message `id`.
    pub fn has(&self, id: &str) -> bool {
        std::iter::once(&self.messages)
            .chain(self.fallback.as_ref())
            .any(|messages| messages.contains(id))
    }

    /// The user-facing message for an error from the edge: from its stable code and facts,
    /// in this locale. `when` formats `retry_at` (milliseconds since the epoch).
    pub fn error(&self, error: &ApiError, when: impl Fn(u64) -> String) -> String {
        let code = serde_json::to_value(error.code)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let id = format!("error-{code}");
        let mut args: Vec<(&str, Value)> = Vec::new();
        if let Some(tries) = error.tries_left {
            args.push(("tries", tries.into()));
        }
        if let Some(min) = error.min_length {
            args.push(("min", min.into()));
        }
        if let Some(max) = error.max_length {
            args.push(("max", max.into()));
        }
        if let Some(at) = error.retry_at {
            args.push(("until", when(at).into()));
        }
        if error.code == ErrorCode::PasswordRejected {
            args.push(("reason", error.message.clone().into()));
        }
        if self.has(&id) {
            self.t_args(&id, &args)
        } else {
            // A newer edge's code this widget does not know yet: its own words.
            error.message.clone()
        }
    }
}

/// The locale a widget shows, shared by its components through Leptos context.
#[derive(Clone, Copy)]
pub struct I18n(StoredValue<Rc<Locale>, LocalStorage>);

impl I18n {
    pub fn new(locale: Locale) -> Self {
        I18n(StoredValue::new_local(Rc::new(locale)))
    }

    /// The locale itself.
    pub fn locale(&self) -> Rc<Locale> {
        self.0.get_value()
    }

    /// See [`Locale::t`].
    pub fn t(&self, id: &str) -> String {
        self.0.with_value(|l| l.t(id))
    }

    /// See [`Locale::t_args`].
    pub fn t_args(&self, id: &str, args: &[(&str, Value)]) -> String {
        self.0.with_value(|l| l.t_args(id, args))
    }

    /// See [`Locale::error`]; times are formatted for this locale.
    pub fn error(&self, error: &ApiError) -> String {
        self.0
            .with_value(|l| l.error(error, |at| format_time(at, l.tag())))
    }

    /// A point in time for this locale's readers.
    pub fn time(&self, at: u64) -> String {
        self.0.with_value(|l| format_time(at, l.tag()))
    }
}

/// The widget's locale, provided by the root component.
pub fn use_i18n() -> I18n {
    use_context::<I18n>().expect("the reset widget provides its locale")
}

/// Formats a point in time (ms since the epoch) with the browser's `Intl` for `tag`.
#[cfg(target_arch = "wasm32")]
pub fn format_time(at: u64, tag: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at as f64));
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    String::from(date.to_locale_string(tag, &options))
}

/// Formats a point in time (ms since the epoch) as UTC (native builds, for tests).
#[cfg(not(target_arch = "wasm32"))]
pub fn format_time(at: u64, _tag: &str) -> String {
    format!("{at} ms UTC")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Every locale file, as the widget would fetch it.
    const SOURCES: [(&str, &str); 10] = [
        ("en", include_str!("../locales/en.ftl")),
        ("de", include_str!("../locales/de.ftl")),
        ("fr", include_str!("../locales/fr.ftl")),
        ("es", include_str!("../locales/es.ftl")),
        ("pt", include_str!("../locales/pt.ftl")),
        ("ja", include_str!("../locales/ja.ftl")),
        ("zh-CN", include_str!("../locales/zh-CN.ftl")),
        ("pl", include_str!("../locales/pl.ftl")),
        ("nl", include_str!("../locales/nl.ftl")),
        ("ar", include_str!("../locales/ar.ftl")),
    ];

    impl Locale {
        /// The locale `tag` from its file.
        fn load(tag: &str) -> Result<Self, LocaleError> {
            let (_, source) = SOURCES.iter().find(|(t, _)| *t == tag).unwrap();
            Locale::parse(tag, source)
        }
    }

    #[test]
    fn the_sources_here_are_the_locales_the_widget_knows() {
        let tags: Vec<&str> = SOURCES.iter().map(|(tag, _)| *tag).collect();
        assert_eq!(tags, LOCALES);
    }

    /// Message ids and, per message, the variables it uses.
    fn shape(source: &str) -> Vec<(String, BTreeSet<String>)> {
        let mut messages: Vec<(String, BTreeSet<String>)> = Vec::new();
        for line in source.lines() {
            let starts_message =
                line.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) && line.contains(" =");
            if starts_message {
                let id = line
                    .split(" =")
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_owned();
                messages.push((id, BTreeSet::new()));
            }
            if let Some((_, vars)) = messages.last_mut() {
                let mut rest = line;
                while let Some(at) = rest.find('$') {
                    let name: String = rest[at + 1..]
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                        .collect();
                    vars.insert(name);
                    rest = &rest[at + 1..];
                }
            }
        }
        messages
    }

    #[test]
    fn every_locale_parses_and_has_exactly_the_english_messages_and_variables() {
        let english = shape(ENGLISH);
        for (tag, source) in SOURCES {
            Locale::load(tag).unwrap_or_else(|e| panic!("{tag}: {}", e.problem));
            let theirs = shape(source);
            let ids = |m: &[(String, BTreeSet<String>)]| {
                m.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>()
            };
            assert_eq!(ids(&theirs), ids(&english), "{tag}: message ids or order");
            for ((id, expected), (_, found)) in english.iter().zip(&theirs) {
                assert_eq!(found, expected, "{tag}: variables of {id}");
            }
        }
    }

    /// A value for every variable the files use.
    fn all_args(number: u64) -> Vec<(&'static str, Value)> {
        let mut args: Vec<(&'static str, Value)> = [
            "length", "count", "tries", "min", "max", "step", "seconds", "total", "held", "number",
        ]
        .into_iter()
        .map(|name| (name, Value::Number(number)))
        .collect();
        args.extend(
            [
                ("destination", "a•••@e•••.com"),
                ("until", "later & <soon>"),
                ("reason", "history"),
                ("name", "Alice Martin"),
                ("time", "14:05"),
                ("date", "26 Nov 2026"),
                ("when", "earlier"),
                ("method", "a mobile phone"),
            ]
            .map(|(name, text)| (name, Value::from(text))),
        );
        args
    }

    #[test]
    fn every_locale_formats_every_message_without_errors() {
        for tag in LOCALES {
            let locale = Locale::load(tag).unwrap();
            for (id, _) in shape(ENGLISH) {
                assert!(locale.messages.contains(&id), "{tag} lacks {id}");
                let text = locale.t_args(&id, &all_args(8));
                assert!(!text.trim().is_empty(), "{tag} {id} is empty");
                assert!(
                    !text.contains("{$"),
                    "{tag} {id}: a variable is missing: {text}"
                );
            }
        }
    }

    /// The widget reads its files with core's Fluent subset; this holds it to
    /// `fluent-bundle` on every message of every file, for numbers that reach every plural
    /// form of every language (and the `[0]` of a code's tries left).
    #[test]
    fn every_message_formats_exactly_as_fluent_bundle_formats_it() {
        use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

        for (tag, source) in SOURCES {
            let resource = FluentResource::try_new(source.to_owned()).expect("fluent parses");
            let mut bundle = FluentBundle::new(vec![tag.parse().unwrap()]);
            bundle.set_use_isolating(RTL.contains(&tag));
            bundle.add_resource(resource).expect("fluent adds");
            let ours = Messages::parse(tag, source, RTL.contains(&tag)).unwrap();
            for number in (0..=30).chain([101, 1000, 1_000_000]) {
                let args = all_args(number);
                let mut fluent = FluentArgs::new();
                for (name, value) in &args {
                    match value {
                        Value::Text(text) => fluent.set(*name, FluentValue::from(text.as_str())),
                        Value::Number(n) => fluent.set(*name, FluentValue::from(*n)),
                    }
                }
                let ours_args: Vec<(&str, Arg<'_>)> = args
                    .iter()
                    .map(|(name, value)| match value {
                        Value::Text(text) => (*name, Arg::Text(text)),
                        Value::Number(n) => (*name, Arg::Number(*n)),
                    })
                    .collect();
                for id in ours.ids() {
                    let pattern = bundle.get_message(id).unwrap().value().unwrap();
                    let mut errors = Vec::new();
                    let expected = bundle.format_pattern(pattern, Some(&fluent), &mut errors);
                    assert!(errors.is_empty(), "{tag} {id}: {errors:?}");
                    assert_eq!(
                        ours.format(id, &ours_args).unwrap(),
                        expected,
                        "{tag} {id} with {number}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_error_code_and_every_predefined_question_has_an_english_message() {
        let english = Locale::load("en").unwrap();
        for code in ErrorCode::ALL {
            let wire = serde_json::to_value(code).unwrap();
            let id = format!("error-{}", wire.as_str().unwrap());
            assert!(english.messages.contains(&id), "{id}");
        }
        for key in sspr_core::policy::questions::PREDEFINED_QUESTIONS {
            let id = format!("question-{key}");
            assert!(english.messages.contains(&id), "{id}");
        }
    }

    #[test]
    fn every_strength_level_warning_and_suggestion_has_an_english_message() {
        use sspr_core::password::strength::{SUGGESTIONS, WARNINGS};
        let english = Locale::load("en").unwrap();
        let ids = (0..=4)
            .map(|score| format!("strength-score-{score}"))
            .chain(WARNINGS.iter().map(|k| format!("strength-warning-{k}")))
            .chain(
                SUGGESTIONS
                    .iter()
                    .map(|k| format!("strength-suggestion-{k}")),
            );
        for id in ids {
            assert!(english.messages.contains(&id), "{id}");
        }
    }

    #[test]
    fn plurals_follow_each_language() {
        let mismatch = |tag: &str, tries: u8| {
            let mut error = ApiError::new(ErrorCode::CodeMismatch, "the code does not match");
            error.tries_left = Some(tries);
            Locale::load(tag).unwrap().error(&error, |_| String::new())
        };
        assert_eq!(mismatch("en", 4), "The code does not match. 4 tries left.");
        assert_eq!(mismatch("en", 1), "The code does not match. 1 try left.");
        assert_eq!(mismatch("en", 0), "The code does not match.");
        // Polish: 2–4 take the "few" form, 5 the "many" form.
        assert_ne!(mismatch("pl", 2), mismatch("pl", 5).replace('5', "2"));
    }

    #[test]
    fn the_language_comes_from_the_preferences_else_english() {
        assert_eq!(negotiate(&["de-AT", "en"]), "de");
        assert_eq!(negotiate(&["pt-BR"]), "pt");
        assert_eq!(negotiate(&["zh-CN"]), "zh-CN");
        assert_eq!(negotiate(&["zh-Hans"]), "zh-CN");
        assert_eq!(negotiate(&["sv", "fr-CA"]), "fr");
        assert_eq!(negotiate(&["sv"]), "en");
        assert_eq!(negotiate::<&str>(&[]), "en");
        assert_eq!(negotiate(&["not a tag"]), "en");
        assert_eq!(negotiate(&["zh-TW", "ja"]), "ja");
        assert_eq!(negotiate(&["zh-Hant"]), "en");
        assert_eq!(negotiate(&["zh", "en"]), "zh-CN");
        assert_eq!(negotiate(&["AR-eg"]), "ar");
    }

    #[test]
    fn arabic_is_right_to_left_and_the_others_left_to_right() {
        assert_eq!(Locale::load("ar").unwrap().dir(), "rtl");
        assert_eq!(Locale::load("ja").unwrap().dir(), "ltr");
    }

    #[test]
    fn an_unknown_locale_tag_gives_english() {
        assert_eq!(Locale::parse("xx", "x = y").unwrap().tag(), "en");
    }

    #[test]
    fn a_broken_locale_file_is_an_error_and_a_partial_one_falls_back_to_english() {
        assert!(Locale::parse("de", "this is { not fluent").is_err());
        let partial = Locale::parse("de", "code-label = Code (de)").unwrap();
        assert_eq!(partial.t("code-label"), "Code (de)");
        assert_eq!(partial.t("code-submit"), "Verify");
    }

    #[test]
    fn edge_errors_are_shown_from_their_code_and_facts() {
        let en = Locale::load("en").unwrap();
        let mut short = ApiError::new(ErrorCode::PasswordTooShort, "too short");
        short.min_length = Some(12);
        assert_eq!(
            en.error(&short, |_| String::new()),
            "Use at least 12 characters."
        );
        let mut locked = ApiError::new(ErrorCode::Locked, "locked");
        locked.retry_at = Some(5);
        assert_eq!(
            en.error(&locked, |at| format!("T+{at}")),
            "Too many attempts. Try again after T+5."
        );
        let rejected = ApiError::new(ErrorCode::PasswordRejected, "not one of your last 3");
        assert_eq!(
            en.error(&rejected, |_| String::new()),
            "Your organisation's directory refused this password: not one of your last 3"
        );
    }
}
