//! The words of the messages sspr sends, in the user's language: the Fluent files in
//! `edge/locales/` (one per language of [`sspr_core::locale::LANGUAGES`], compiled in, each
//! parsed the first time a message in it is sent, by [`sspr_core::fluent`], which reads the part
//! of Fluent these files are written in). English is the reference: the tests
//! require every file to have exactly its messages with the same variables, and a message
//! missing at run time falls back to it. HTML parts are built from the same messages with
//! the variables HTML-escaped; the messages themselves are ours and trusted.

use std::cell::RefCell;
use std::rc::Rc;

use sspr_core::api::{ChangeKind, ReportedChange};
use sspr_core::flow::Notice;
use sspr_core::locale::{LANGUAGES, Language};
use sspr_core::policy::Method;

use super::EmailContent;
use sspr_core::fluent::{Arg, Messages};

/// The Fluent source of each language, in the order of [`LANGUAGES`].
const SOURCES: [&str; 10] = [
    include_str!("../../locales/en.ftl"),
    include_str!("../../locales/de.ftl"),
    include_str!("../../locales/fr.ftl"),
    include_str!("../../locales/es.ftl"),
    include_str!("../../locales/pt.ftl"),
    include_str!("../../locales/ja.ftl"),
    include_str!("../../locales/zh-CN.ftl"),
    include_str!("../../locales/pl.ftl"),
    include_str!("../../locales/nl.ftl"),
    include_str!("../../locales/ar.ftl"),
];

thread_local! {
    /// The languages parsed so far (a worker isolate runs one thread).
    static PARSED: RefCell<[Option<Rc<Messages<'static>>>; 10]> =
        const { RefCell::new([const { None }; 10]) };
}

/// The parsed messages of `language`; `None` only if its file does not parse (the tests
/// make sure every file does).
fn messages(language: Language) -> Option<Rc<Messages<'static>>> {
    let index = LANGUAGES.iter().position(|t| *t == language.tag())?;
    PARSED.with(|cache| {
        if let Some(messages) = &cache.borrow()[index] {
            return Some(messages.clone());
        }
        let messages = Rc::new(parse(language, SOURCES[index]).ok()?);
        cache.borrow_mut()[index] = Some(messages.clone());
        Some(messages)
    })
}

fn parse(language: Language, source: &'static str) -> Result<Messages<'static>, String> {
    // Unicode isolation marks keep a code, an address or a name the right way round in
    // Arabic; left-to-right languages do not need them.
    Messages::parse(language.tag(), source, language.is_rtl())
}

/// The values of a message's variables: text (escaped in HTML) or a number (which picks
/// plural forms).
type Args<'a> = [(&'static str, Arg<'a>)];

/// Message `id` in `language` (else English, else the id itself), with `args`, their text
/// HTML-escaped and links made anchors when `html`.
fn message(language: Language, id: &str, args: &Args<'_>, html: bool) -> String {
    let written: Vec<String> = args
        .iter()
        .map(|(_, value)| match value {
            Arg::Text(text) if html => escape_html(text),
            Arg::Link(url) if html => {
                let url = escape_html(url);
                format!("<a href=\"{url}\">{url}</a>")
            }
            _ => String::new(),
        })
        .collect();
    let args: Vec<(&str, Arg<'_>)> = args
        .iter()
        .zip(&written)
        .map(|((name, value), written)| match value {
            Arg::Text(_) | Arg::Link(_) if html => (*name, Arg::Text(written)),
            _ => (*name, *value),
        })
        .collect();
    for language in [language, Language::ENGLISH] {
        let Some(messages) = messages(language) else {
            continue;
        };
        if let Some(text) = messages.format(id, &args) {
            return text;
        }
    }
    id.to_owned()
}

/// An email of paragraphs (message ids); `code`, when given, is shown large after the first.
fn email(
    language: Language,
    subject: &str,
    paragraphs: &[&str],
    code: Option<&str>,
    args: &Args<'_>,
) -> EmailContent {
    let text: Vec<String> = paragraphs
        .iter()
        .map(|id| message(language, id, args, false))
        .collect();
    let dir = if language.is_rtl() { "rtl" } else { "ltr" };
    let mut html = format!("<div lang=\"{}\" dir=\"{dir}\">", language.tag());
    for (i, id) in paragraphs.iter().enumerate() {
        html.push_str(&format!("<p>{}</p>", message(language, id, args, true)));
        if let (0, Some(code)) = (i, code) {
            html.push_str(&format!(
                "<p style=\"font-size:24px;font-weight:bold;letter-spacing:4px\">{}</p>",
                escape_html(code)
            ));
        }
    }
    html.push_str("</div>");
    EmailContent {
        subject: message(language, subject, args, false),
        text: text.join("\n\n") + "\n",
        html,
    }
}

/// The email that carries a reset code.
pub fn code_email(
    language: Language,
    organization: &str,
    code: &str,
    minutes: u64,
) -> EmailContent {
    let args = [
        ("org", Arg::Text(organization)),
        ("code", Arg::Text(code)),
        ("minutes", Arg::Number(minutes)),
    ];
    email(
        language,
        "code-email-subject",
        &["code-email-lead", "code-email-expiry"],
        Some(code),
        &args,
    )
}

/// The email that carries the code proving an address a user is registering.
pub fn enrolment_email(
    language: Language,
    organization: &str,
    code: &str,
    minutes: u64,
) -> EmailContent {
    let args = [
        ("org", Arg::Text(organization)),
        ("code", Arg::Text(code)),
        ("minutes", Arg::Number(minutes)),
    ];
    email(
        language,
        "enrolment-email-subject",
        &["enrolment-email-lead", "enrolment-email-expiry"],
        Some(code),
        &args,
    )
}

/// The message id naming a method in a notice.
fn method_name(method: Method) -> &'static str {
    match method {
        Method::EmailCode => "method-email",
        Method::SmsCode => "method-sms",
        Method::Authenticator => "method-authenticator",
        Method::AppNotification => "method-app-notification",
        Method::SecurityQuestions => "method-security-questions",
    }
}

/// The "this wasn't me" link of a notice: the page's address with the token in its
/// fragment (`<REPORT_URL>#report=<token>`), so that no server log sees the token and no
/// link scanner can act on it (the page acts only on the user's confirmation, by POST).
/// `report_url` comes from the configuration, never from a request.
pub fn report_link(report_url: &str, token: &str) -> String {
    format!("{report_url}#report={token}")
}

/// The email that tells a user what just happened to their account (password changed,
/// account unlocked, a method added or removed), with what to do if it was not them: the
/// "this wasn't me" link (`report`: the link and the days it works), then the helpdesk.
pub fn notice_email(
    language: Language,
    organization: &str,
    notice: Notice,
    helpdesk_url: Option<&str>,
    report: Option<(&str, u64)>,
) -> EmailContent {
    let (subject, body, method) = match notice {
        Notice::PasswordChanged => ("password-changed-subject", "password-changed-body", None),
        Notice::AccountUnlocked => ("account-unlocked-subject", "account-unlocked-body", None),
        Notice::MethodAdded(m) => ("method-added-subject", "method-added-body", Some(m)),
        Notice::MethodRemoved(m) => ("method-removed-subject", "method-removed-body", Some(m)),
    };
    let method = method.map(|m| message(language, method_name(m), &[], false));
    let mut args = vec![("org", Arg::Text(organization))];
    if let Some(method) = &method {
        args.push(("method", Arg::Text(method)));
    }
    let mut paragraphs = vec![body];
    if let Some((link, days)) = report {
        args.push(("link", Arg::Link(link)));
        args.push(("days", Arg::Number(days)));
        paragraphs.push("report-link");
    }
    paragraphs.push(match helpdesk_url {
        Some(url) => {
            args.push(("helpdesk", Arg::Link(url)));
            "help-url"
        }
        None => "help-none",
    });
    email(language, subject, &paragraphs, None, &args)
}

/// How a change reads in a sentence of `language` ("password changed", "reset method added
/// (code by text message)").
fn change_words(language: Language, change: &ReportedChange) -> String {
    let method = change
        .method
        .map(|m| message(language, method_name(m), &[], false))
        .unwrap_or_default();
    let id = match change.kind {
        ChangeKind::PasswordChanged => "change-password-changed",
        ChangeKind::AccountUnlocked => "change-account-unlocked",
        ChangeKind::MethodAdded => "change-method-added",
        ChangeKind::MethodRemoved => "change-method-removed",
    };
    message(language, id, &[("method", Arg::Text(&method))], false)
}

/// What an administrator is told when a user reported a change to their account as not
/// made by them: who (`user`, as the directory names them, and their directory id), which
/// change and when (`when`, a UTC date and time), until when self-service reset is paused
/// (`until`), and the method the report took away, if it did.
#[allow(clippy::too_many_arguments)]
pub fn admin_report_email(
    language: Language,
    organization: &str,
    user: &str,
    user_id: &str,
    change: &ReportedChange,
    when: &str,
    until: &str,
    removed: Option<Method>,
) -> EmailContent {
    let change = change_words(language, change);
    let removed = removed.map(|m| message(language, method_name(m), &[], false));
    let mut args = vec![
        ("org", Arg::Text(organization)),
        ("user", Arg::Text(user)),
        ("userid", Arg::Text(user_id)),
        ("change", Arg::Text(&change)),
        ("when", Arg::Text(when)),
        ("until", Arg::Text(until)),
    ];
    let mut paragraphs = vec!["report-admin-body"];
    if let Some(method) = &removed {
        args.push(("method", Arg::Text(method)));
        paragraphs.push("report-admin-removed");
    }
    paragraphs.push("report-admin-hold");
    email(language, "report-admin-subject", &paragraphs, None, &args)
}

/// The email that tells an administrator that another administrator, `admin` (as the
/// directory names them), reset their password at `when` (a UTC date and time). It never
/// carries the password.
pub fn admin_reset_email(
    language: Language,
    organization: &str,
    admin: &str,
    when: &str,
) -> EmailContent {
    let args = [
        ("org", Arg::Text(organization)),
        ("admin", Arg::Text(admin)),
        ("when", Arg::Text(when)),
    ];
    email(
        language,
        "admin-reset-subject",
        &["admin-reset-body", "admin-reset-why"],
        None,
        &args,
    )
}

/// The text message that carries a code: the code first (phones' autofill heuristics and
/// people skimming a notification both look there), then, when the page's host is known, a
/// last line in the origin-bound one-time code format (WICG "Origin-bound one-time codes
/// delivered via SMS": `@host #code`), which WebOTP and iOS / Android autofill read and
/// offer only on that site. The line is the same in every language. Short enough for one 160-character GSM-7 segment with a
/// typical organisation name and host.
///
/// `webotp_host` is the host of the page the user is on, without scheme or port (see
/// [`origin_host`]); a value that cannot form that line is left out rather than sent
/// malformed.
pub fn code_sms(
    language: Language,
    organization: &str,
    code: &str,
    minutes: u64,
    webotp_host: Option<&str>,
) -> String {
    let args = [
        ("org", Arg::Text(organization)),
        ("code", Arg::Text(code)),
        ("minutes", Arg::Number(minutes)),
    ];
    let text = message(language, "code-sms", &args, false);
    match webotp_host.filter(|host| is_plain_host(host)) {
        Some(host) => format!("{text}\n\n@{host} #{code}"),
        None => text,
    }
}

/// The host of an origin (`https://login.contoso.com:8443` → `login.contoso.com`), for the
/// last line of [`code_sms`]; `None` when there is none to take.
pub fn origin_host(origin: &str) -> Option<&str> {
    let (_scheme, rest) = origin.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = if let Some(v6) = authority.strip_prefix('[') {
        // An IPv6 literal keeps its brackets.
        &authority[..v6.find(']')? + 2]
    } else {
        authority.split(':').next()?
    };
    is_plain_host(host).then_some(host)
}

fn is_plain_host(host: &str) -> bool {
    !host.is_empty()
        && !host
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '@' | '#' | '%' | '/'))
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    const EN: Language = Language::ENGLISH;

    fn lang(tag: &str) -> Language {
        Language::from_tag(tag).unwrap()
    }

    /// Message ids and, per message, the variables it uses.
    fn shape(source: &str) -> Vec<(String, BTreeSet<String>)> {
        let mut messages: Vec<(String, BTreeSet<String>)> = Vec::new();
        for line in source.lines() {
            let starts_message =
                line.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) && line.contains(" =");
            if starts_message {
                let id = line.split(" =").next().unwrap_or_default().trim();
                messages.push((id.to_owned(), BTreeSet::new()));
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
        let english = shape(SOURCES[0]);
        assert!(english.len() >= 20, "{english:?}");
        for (tag, source) in LANGUAGES.iter().zip(SOURCES) {
            parse(lang(tag), source).unwrap_or_else(|e| panic!("{tag}: {e}"));
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

    /// Every variable of the messages, with `minutes` set to `minutes`.
    fn all_args(minutes: u64) -> Vec<(&'static str, Arg<'static>)> {
        vec![
            ("org", Arg::Text("Contoso")),
            ("code", Arg::Text("123456")),
            ("method", Arg::Text("x")),
            ("helpdesk", Arg::Text("https://h")),
            ("admin", Arg::Text("Ada")),
            ("when", Arg::Text("t")),
            ("link", Arg::Link("https://r#report=x")),
            ("user", Arg::Text("Bo")),
            ("userid", Arg::Text("u1")),
            ("change", Arg::Text("c")),
            ("until", Arg::Text("2026-01-08 08:30 UTC")),
            ("minutes", Arg::Number(minutes)),
            ("days", Arg::Number(minutes)),
        ]
    }

    #[test]
    fn every_locale_formats_every_message_with_every_variable_and_translates_it() {
        let english = messages(EN).unwrap();
        for tag in LANGUAGES {
            let messages = messages(lang(tag)).unwrap();
            for minutes in [1, 2, 5, 10, 22] {
                let args = all_args(minutes);
                for (id, _) in shape(SOURCES[0]) {
                    let text = messages.format(&id, &args).unwrap();
                    assert!(!text.trim().is_empty(), "{tag} {id} is empty");
                    assert!(
                        !text.contains("{$"),
                        "{tag} {id}: a variable is missing: {text}"
                    );
                    if tag != "en" {
                        assert_ne!(
                            text,
                            english.format(&id, &args).unwrap(),
                            "{tag} {id} is not translated"
                        );
                    }
                }
            }
        }
    }

    /// The edge reads its files with core's Fluent subset (`sspr_core::fluent`); this holds
    /// it to `fluent-bundle` (as the widget's tests do theirs) on every message of every
    /// file, for every number of minutes a policy allows and then some (every plural form
    /// of every language), with text that HTML would escape, and in Arabic with isolation.
    #[test]
    fn every_message_formats_exactly_as_fluent_bundle_formats_it() {
        use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

        for (tag, source) in LANGUAGES.iter().zip(SOURCES) {
            let language = lang(tag);
            let resource = FluentResource::try_new(source.to_owned()).expect("fluent parses");
            let mut bundle = FluentBundle::new(vec![tag.parse().unwrap()]);
            bundle.set_use_isolating(language.is_rtl());
            bundle.add_resource(resource).expect("fluent adds");
            let ours = messages(language).unwrap();
            let ids: Vec<&str> = ours.ids().collect();
            let theirs: Vec<&str> = bundle_ids(source);
            assert_eq!(ids, theirs, "{tag}: message ids");
            for minutes in (0..=120).chain([1000, 1001, 1002, 1_000_000]) {
                let mut args = all_args(minutes);
                args[0].1 = Arg::Text("A&B <Org> \"quoted\" { $x }");
                let mut fluent = FluentArgs::new();
                for (name, value) in &args {
                    match value {
                        Arg::Text(text) | Arg::Link(text) => {
                            fluent.set(*name, FluentValue::from(*text))
                        }
                        Arg::Number(n) => fluent.set(*name, FluentValue::from(*n)),
                    }
                }
                for id in &ids {
                    let pattern = bundle.get_message(id).unwrap().value().unwrap();
                    let mut errors = Vec::new();
                    let expected = bundle.format_pattern(pattern, Some(&fluent), &mut errors);
                    assert!(errors.is_empty(), "{tag} {id}: {errors:?}");
                    let actual = ours.format(id, &args).unwrap();
                    assert_eq!(actual, expected, "{tag} {id} with {minutes} minutes");
                }
            }
        }
    }

    /// The message ids of a Fluent file, as `fluent-syntax` reads them.
    fn bundle_ids(source: &'static str) -> Vec<&'static str> {
        fluent_syntax::parser::parse(source)
            .expect("fluent parses")
            .body
            .into_iter()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_german_code_email_is_in_german() {
        let email = code_email(lang("de"), "Contoso", "123456", 10);
        assert!(email.subject.contains("Passwort") && email.subject.contains("123456"));
        assert!(email.text.contains("10 Minuten"), "{}", email.text);
        assert!(email.html.contains("lang=\"de\""), "{}", email.html);
        assert!(
            code_email(lang("de"), "C", "1", 1)
                .text
                .contains("1 Minute ")
        );
    }

    #[test]
    fn plurals_follow_each_language() {
        let pl = |m| code_sms(lang("pl"), "C", "1", m, None);
        assert!(pl(2).contains("2 minuty"), "{}", pl(2));
        assert!(pl(5).contains("5 minut."), "{}", pl(5));
        assert!(pl(22).contains("22 minuty"), "{}", pl(22));
    }

    #[test]
    fn an_arabic_message_is_right_to_left_and_keeps_the_webotp_line_exact() {
        let sms = code_sms(
            lang("ar"),
            "Contoso",
            "123456",
            10,
            Some("login.contoso.com"),
        );
        assert!(sms.contains("رمز"), "{sms}");
        assert_eq!(sms.lines().last(), Some("@login.contoso.com #123456"));
        let email = code_email(lang("ar"), "Contoso", "123456", 10);
        assert!(email.html.contains("dir=\"rtl\""));
    }

    #[test]
    fn variables_are_escaped_in_html_and_not_in_text() {
        let email = admin_reset_email(EN, "A&B", "<script>x</script>", "2026-01-01 08:30 UTC");
        assert!(
            email.html.contains("&lt;script&gt;x&lt;/script&gt;"),
            "{}",
            email.html
        );
        assert!(!email.html.contains("<script>"));
        assert!(email.text.contains("<script>x</script>"));
        assert!(email.html.contains("A&amp;B"));
    }

    #[test]
    fn a_method_notice_names_the_method_in_the_users_language() {
        let added = notice_email(
            lang("fr"),
            "Contoso",
            Notice::MethodAdded(Method::SmsCode),
            None,
            None,
        );
        assert!(added.text.contains("code par SMS"), "{}", added.text);
        assert!(
            added.text.contains("support informatique"),
            "{}",
            added.text
        );
        let removed = notice_email(
            EN,
            "Contoso",
            Notice::MethodRemoved(Method::Authenticator),
            Some("https://help.contoso.example"),
            None,
        );
        assert!(removed.subject.contains("removed"), "{}", removed.subject);
        assert!(removed.text.contains("authenticator app"));
        assert!(removed.text.contains("https://help.contoso.example"));
    }

    #[test]
    fn the_admin_notice_names_who_and_when() {
        let email = admin_reset_email(EN, "Contoso", "Ada Admin", "2026-01-01 08:30 UTC");
        assert!(email.subject.contains("administrator"), "{}", email.subject);
        assert!(email.text.contains("Ada Admin") && email.text.contains("2026-01-01 08:30 UTC"));
    }

    #[test]
    fn the_code_email_carries_the_code_and_its_lifetime() {
        let email = code_email(EN, "Contoso", "123456", 10);
        assert!(email.subject.contains("123456"));
        assert!(email.text.contains("123456") && email.text.contains("10 minutes"));
        assert!(email.html.contains("123456"));
    }

    #[test]
    fn the_enrolment_email_carries_the_code_and_says_what_it_is_for() {
        let email = enrolment_email(EN, "Contoso", "654321", 10);
        assert!(email.subject.contains("654321") && email.subject.contains("Verify"));
        assert!(email.text.contains("10 minutes") && email.html.contains("654321"));
    }

    #[test]
    fn a_notice_says_what_happened_and_where_to_get_help() {
        let email = notice_email(
            EN,
            "Contoso",
            Notice::PasswordChanged,
            Some("https://help.contoso.example"),
            None,
        );
        assert_eq!(email.subject, "Your Contoso password was changed");
        assert!(email.text.contains("https://help.contoso.example"));
        let unlocked = notice_email(EN, "Contoso", Notice::AccountUnlocked, None, None);
        assert!(unlocked.subject.contains("unlocked") && unlocked.text.contains("IT helpdesk"));
    }

    #[test]
    fn a_notice_carries_the_report_link_with_the_token_in_the_fragment() {
        let link = report_link("https://login.contoso.example/report", "q83vEjRW");
        assert_eq!(link, "https://login.contoso.example/report#report=q83vEjRW");
        let email = notice_email(
            EN,
            "Contoso",
            Notice::PasswordChanged,
            Some("https://help.contoso.example"),
            Some((&link, 7)),
        );
        assert!(email.text.contains(&link), "{}", email.text);
        assert!(email.text.contains("7 days"), "{}", email.text);
        assert!(
            email
                .html
                .contains(&format!("<a href=\"{link}\">{link}</a>")),
            "{}",
            email.html
        );
        assert!(
            email
                .html
                .contains("<a href=\"https://help.contoso.example\">"),
            "{}",
            email.html
        );
        // The link comes before the helpdesk, and without a report page there is none.
        assert!(email.text.find(&link) < email.text.find("help.contoso"));
        let without = notice_email(EN, "Contoso", Notice::PasswordChanged, None, None);
        assert!(!without.text.contains("#report="));
        assert!(!without.html.contains("<a "));
    }

    #[test]
    fn a_link_is_escaped_in_html() {
        let email = notice_email(
            EN,
            "C",
            Notice::AccountUnlocked,
            None,
            Some(("https://x/\"><script>", 7)),
        );
        assert!(!email.html.contains("<script>"), "{}", email.html);
        assert!(email.html.contains("&quot;&gt;&lt;script&gt;"));
    }

    #[test]
    fn the_report_link_is_in_every_language_with_its_plural() {
        let pl = notice_email(
            lang("pl"),
            "C",
            Notice::PasswordChanged,
            None,
            Some(("https://r#report=t", 7)),
        );
        assert!(pl.text.contains("7 dni"), "{}", pl.text);
        let ar = notice_email(
            lang("ar"),
            "C",
            Notice::PasswordChanged,
            None,
            Some(("https://r#report=t", 7)),
        );
        assert!(ar.text.contains("https://r#report=t"), "{}", ar.text);
    }

    #[test]
    fn the_administrators_alert_names_the_user_the_change_and_the_pause() {
        let change = ReportedChange::new(Notice::MethodAdded(Method::SmsCode), 0);
        let email = admin_report_email(
            EN,
            "Contoso",
            "Rita Ruiz",
            "u-rita",
            &change,
            "2026-01-01 08:30 UTC",
            "2026-01-08 08:31 UTC",
            Some(Method::SmsCode),
        );
        assert!(email.subject.contains("Rita Ruiz"), "{}", email.subject);
        for part in [
            "u-rita",
            "reset method added (code by text message)",
            "2026-01-01 08:30 UTC",
            "2026-01-08 08:31 UTC",
            "was removed",
        ] {
            assert!(email.text.contains(part), "{part}: {}", email.text);
        }
        let fr = admin_report_email(
            lang("fr"),
            "Contoso",
            "Rita",
            "u",
            &ReportedChange::new(Notice::PasswordChanged, 0),
            "t",
            "u",
            None,
        );
        assert!(fr.text.contains("mot de passe"), "{}", fr.text);
        assert!(!fr.text.contains("supprimée de son compte"), "{}", fr.text);
    }

    #[test]
    fn an_sms_starts_with_the_code_and_ends_with_the_origin_bound_line() {
        let sms = code_sms(EN, "Contoso", "123456", 10, Some("login.contoso.com"));
        assert!(sms.starts_with("123456 "), "{sms}");
        assert!(sms.contains("10 minutes"), "{sms}");
        assert_eq!(sms.lines().last(), Some("@login.contoso.com #123456"));
        // The explanatory text is separated by an empty line, as in the WICG examples.
        assert!(sms.contains(".\n\n@login.contoso.com #123456"), "{sms}");
    }

    #[test]
    fn an_sms_without_a_host_has_no_origin_bound_line() {
        let sms = code_sms(EN, "Contoso", "123456", 10, None);
        assert_eq!(
            sms,
            "123456 is your Contoso verification code. It expires in 10 minutes."
        );
        assert!(!sms.contains('@') && !sms.contains('#'));
    }

    #[test]
    fn a_host_that_would_break_the_line_is_left_out() {
        for host in ["", "login example.com", "a@b.com", "host#1"] {
            let sms = code_sms(EN, "Contoso", "123456", 10, Some(host));
            assert!(!sms.contains('\n'), "{host:?}: {sms}");
        }
    }

    #[test]
    fn a_typical_sms_fits_one_gsm7_segment() {
        let sms = code_sms(
            EN,
            "Contoso Pharmaceuticals",
            "12345678",
            30,
            Some("login.contoso-pharma.com"),
        );
        assert!(sms.len() <= 160, "{} chars: {sms}", sms.len());
    }

    #[test]
    fn the_host_of_an_origin_has_no_scheme_port_or_path() {
        assert_eq!(
            origin_host("https://login.contoso.com"),
            Some("login.contoso.com")
        );
        assert_eq!(
            origin_host("https://login.contoso.com:8443/"),
            Some("login.contoso.com")
        );
        assert_eq!(origin_host("http://127.0.0.1:8080"), Some("127.0.0.1"));
        assert_eq!(origin_host("https://[::1]:8443"), Some("[::1]"));
        assert_eq!(origin_host("null"), None, "an opaque origin has no host");
        assert_eq!(origin_host("https://"), None);
    }

    #[test]
    fn the_organisation_name_is_escaped_in_html() {
        assert!(
            code_email(EN, "<b>Evil</b>", "1", 1)
                .html
                .contains("&lt;b&gt;Evil")
        );
    }
}
