//! The part of Fluent (projectfluent.org) that sspr's message files are written in (the
//! edge's `edge/locales/` and the widget's `widget/locales/`), read and formatted without the
//! `fluent-bundle` crate, whose parser, resolver and locale negotiation cost the worker and
//! the widget more than all their messages. One reader for both, so a file means the same
//! thing in an email and on screen.
//!
//! The subset: `#` comments; messages `id = text` on one line, where the text holds
//! `{ $variable }` placeables and `{ $variable -> … }` selections whose variants (`[key]
//! text`, one of them `*[key] text`, the default) sit one per line, with the text after the
//! closing `}` carrying on the message. A number picks the variant whose key is that number
//! (`[0]`), else the variant of its CLDR plural category (`intl_pluralrules`, the rules
//! `fluent-bundle` uses too); a text picks the variant named like it. Anything else — terms,
//! attributes, functions, literals, text continued on an indented line — is refused with the
//! line it is on, so a file that parses here formats exactly as `fluent-bundle` formats it
//! (the edge's and the widget's tests compare the two on every file, message and plural
//! form). In a right-to-left language each placeable of a message with more than one part is
//! wrapped in Unicode isolation marks (U+2068 … U+2069), as Fluent does.

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use unic_langid::LanguageIdentifier;

/// A variable's value: text, a link (written as its address here; HTML callers put it in
/// an anchor first), or a number, which also picks plural forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arg<'a> {
    /// Text, written as it is.
    Text(&'a str),
    /// A link's address, written as text.
    Link(&'a str),
    /// A number, which also picks plural forms.
    Number(u64),
}

/// The parsed messages of one language.
pub struct Messages<'s> {
    messages: Vec<(&'s str, Pattern<'s>)>,
    plurals: PluralRules,
    isolating: bool,
}

type Pattern<'s> = Vec<Element<'s>>;

/// The variants of a selection: each key (a plural category or a name) with its text.
type Variants<'s> = Vec<(&'s str, Pattern<'s>)>;

enum Element<'s> {
    Text(&'s str),
    Placeable(Placeable<'s>),
}

enum Placeable<'s> {
    Variable(&'s str),
    Select {
        selector: &'s str,
        variants: Variants<'s>,
        default: usize,
    },
}

const ISOLATE_START: char = '\u{2068}';
const ISOLATE_END: char = '\u{2069}';

impl<'s> Messages<'s> {
    /// Reads `source`, the messages of the language `tag` (BCP 47); `isolating` for a
    /// right-to-left language.
    ///
    /// # Errors
    ///
    /// The first line that is not in the subset, or a tag without CLDR plural rules.
    pub fn parse(tag: &str, source: &'s str, isolating: bool) -> Result<Messages<'s>, String> {
        let plurals = plural_rules(tag).ok_or_else(|| format!("{tag}: no plural rules"))?;
        let mut lines = Lines {
            lines: source.lines().collect(),
            next: 0,
        };
        let mut messages: Vec<(&'s str, Pattern<'s>)> = Vec::new();
        while let Some(line) = lines.take() {
            if line.trim_start_matches(' ').is_empty() || is_comment(line) {
                continue;
            }
            if line.starts_with(' ') {
                return Err(lines.error(
                    "text continued on an indented line, or an attribute, is not supported",
                ));
            }
            let Some((id, text)) = line.split_once('=') else {
                return Err(lines.error("expected `id = text`"));
            };
            let id = id.trim_end_matches(' ');
            if !is_identifier(id) {
                return Err(lines.error("a message id is a letter, then letters, digits, - or _"));
            }
            if messages.iter().any(|(known, _)| *known == id) {
                return Err(lines.error(&format!("`{id}` is defined twice")));
            }
            let pattern = lines.pattern(text)?;
            if pattern.is_empty() {
                return Err(lines.error("the text goes on the line of its id"));
            }
            messages.push((id, pattern));
        }
        Ok(Messages {
            messages,
            plurals,
            isolating,
        })
    }

    /// Message `id` with `args`; `None` when there is no such message. A variable that
    /// `args` lacks is written `{$name}`, as Fluent does.
    pub fn format(&self, id: &str, args: &[(&str, Arg<'_>)]) -> Option<String> {
        let (_, pattern) = self.messages.iter().find(|(known, _)| *known == id)?;
        let mut out = String::new();
        self.write(pattern, args, &mut out);
        Some(out)
    }

    /// Whether there is a message `id`.
    pub fn contains(&self, id: &str) -> bool {
        self.messages.iter().any(|(known, _)| *known == id)
    }

    /// The ids of the messages, in the order of the file.
    pub fn ids(&self) -> impl Iterator<Item = &'s str> + '_ {
        self.messages.iter().map(|(id, _)| *id)
    }

    fn write(&self, pattern: &Pattern<'_>, args: &[(&str, Arg<'_>)], out: &mut String) {
        let isolate = self.isolating && pattern.len() > 1;
        for element in pattern {
            match element {
                Element::Text(text) => out.push_str(text),
                Element::Placeable(placeable) => {
                    if isolate {
                        out.push(ISOLATE_START);
                    }
                    self.write_placeable(placeable, args, out);
                    if isolate {
                        out.push(ISOLATE_END);
                    }
                }
            }
        }
    }

    fn write_placeable(
        &self,
        placeable: &Placeable<'_>,
        args: &[(&str, Arg<'_>)],
        out: &mut String,
    ) {
        match placeable {
            Placeable::Variable(name) => match arg(args, name) {
                Some(Arg::Text(text) | Arg::Link(text)) => out.push_str(text),
                Some(Arg::Number(n)) => out.push_str(&n.to_string()),
                None => {
                    out.push_str("{$");
                    out.push_str(name);
                    out.push('}');
                }
            },
            Placeable::Select {
                selector,
                variants,
                default,
            } => {
                let chosen = match arg(args, selector) {
                    Some(Arg::Number(n)) => {
                        let category = self.plurals.select(n).ok();
                        variants
                            .iter()
                            .position(|(key, _)| key.parse::<u64>() == Ok(n))
                            .or_else(|| {
                                variants.iter().position(|(key, _)| {
                                    category.is_some() && plural(key) == category
                                })
                            })
                    }
                    Some(Arg::Text(text) | Arg::Link(text)) => {
                        variants.iter().position(|(key, _)| *key == text)
                    }
                    None => None,
                };
                self.write(&variants[chosen.unwrap_or(*default)].1, args, out);
            }
        }
    }
}

fn arg<'a>(args: &[(&str, Arg<'a>)], name: &str) -> Option<Arg<'a>> {
    args.iter()
        .find(|(n, _)| *n == name)
        .map(|(_, value)| *value)
}

/// The CLDR cardinal rules of `tag`, else of its language (`zh-CN` → `zh`), as Fluent's
/// lookup finds them.
fn plural_rules(tag: &str) -> Option<PluralRules> {
    let id: LanguageIdentifier = tag.parse().ok()?;
    let language = LanguageIdentifier::from_parts(id.language, None, None, &[]);
    PluralRules::create(id, PluralRuleType::CARDINAL)
        .or_else(|_| PluralRules::create(language, PluralRuleType::CARDINAL))
        .ok()
}

fn plural(key: &str) -> Option<PluralCategory> {
    Some(match key {
        "zero" => PluralCategory::ZERO,
        "one" => PluralCategory::ONE,
        "two" => PluralCategory::TWO,
        "few" => PluralCategory::FEW,
        "many" => PluralCategory::MANY,
        "other" => PluralCategory::OTHER,
        _ => return None,
    })
}

/// `#`, `##` or `###`, then a space or the end of the line.
fn is_comment(line: &str) -> bool {
    let rest = line
        .strip_prefix("###")
        .or_else(|| line.strip_prefix("##"))
        .or_else(|| line.strip_prefix('#'));
    rest.is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The lines of a file, and which one comes next (1-based line numbers in errors).
struct Lines<'s> {
    lines: Vec<&'s str>,
    next: usize,
}

impl<'s> Lines<'s> {
    fn take(&mut self) -> Option<&'s str> {
        let line = self.lines.get(self.next)?;
        self.next += 1;
        Some(line)
    }

    fn error(&self, problem: &str) -> String {
        format!("line {}: {problem}", self.next)
    }

    /// The pattern that starts with `text`, the rest of the current line, taking the lines
    /// of any selection it opens. Blank text at its end is dropped, as Fluent does.
    fn pattern(&mut self, text: &'s str) -> Result<Pattern<'s>, String> {
        let mut pattern = Vec::new();
        let mut rest = text.trim_start_matches(' ');
        loop {
            let Some(at) = rest.find(['{', '}']) else {
                if !rest.is_empty() {
                    pattern.push(Element::Text(rest));
                }
                break;
            };
            if rest[at..].starts_with('}') {
                return Err(self.error("a `}` closes nothing"));
            }
            if at > 0 {
                pattern.push(Element::Text(&rest[..at]));
            }
            let inside = rest[at + 1..].trim_start_matches(' ');
            let Some(name_and_rest) = inside.strip_prefix('$') else {
                return Err(self.error("only { $variable } and { $variable -> … } are supported"));
            };
            let end = name_and_rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .unwrap_or(name_and_rest.len());
            let name = &name_and_rest[..end];
            if !is_identifier(name) {
                return Err(self.error("a variable is `$` and a name"));
            }
            let after = name_and_rest[end..].trim_start_matches(' ');
            if let Some(after) = after.strip_prefix('}') {
                pattern.push(Element::Placeable(Placeable::Variable(name)));
                rest = after;
            } else if let Some(after) = after.strip_prefix("->") {
                if !after.trim_start_matches(' ').is_empty() {
                    return Err(self.error("the variants of `->` start on the next line"));
                }
                let (variants, default, after) = self.variants()?;
                pattern.push(Element::Placeable(Placeable::Select {
                    selector: name,
                    variants,
                    default,
                }));
                rest = after;
            } else {
                return Err(self.error("only { $variable } and { $variable -> … } are supported"));
            }
        }
        // Fluent drops what follows the last element that is not all spaces, and trims that
        // one's trailing spaces.
        while let Some(Element::Text(text)) = pattern.last_mut() {
            let trimmed = text.trim_end_matches(' ');
            if !trimmed.is_empty() || text.is_empty() {
                *text = trimmed;
                break;
            }
            pattern.pop();
        }
        Ok(pattern)
    }

    /// The variant lines of a selection, up to the line that closes it: the variants, the
    /// index of the default, and the text after the closing `}`.
    fn variants(&mut self) -> Result<(Variants<'s>, usize, &'s str), String> {
        let mut variants = Vec::new();
        let mut default = None;
        loop {
            let Some(line) = self.take() else {
                return Err(self.error("a selection is not closed with `}`"));
            };
            let line = line.trim_start_matches(' ');
            if let Some(after) = line.strip_prefix('}') {
                let Some(default) = default else {
                    return Err(self.error("a selection needs a default variant, `*[other]`"));
                };
                return Ok((variants, default, after));
            }
            let (is_default, line) = match line.strip_prefix('*') {
                Some(line) => (true, line),
                None => (false, line),
            };
            let Some((key, text)) = line.strip_prefix('[').and_then(|l| l.split_once(']')) else {
                return Err(self.error("expected a variant, `[key] text`, or the closing `}`"));
            };
            let key = key.trim_matches(' ');
            let number = !key.is_empty() && key.bytes().all(|b| b.is_ascii_digit());
            if plural(key).is_none() && !is_identifier(key) && !number {
                return Err(self.error("a variant key is a plural category, a number or a name"));
            }
            if is_default {
                if default.is_some() {
                    return Err(self.error("a selection has one default variant"));
                }
                default = Some(variants.len());
            }
            let pattern = self.pattern(text)?;
            if pattern.is_empty() {
                return Err(self.error("a variant needs text"));
            }
            variants.push((key, pattern));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en(source: &str) -> Result<Messages<'_>, String> {
        Messages::parse("en", source, false)
    }

    const MINUTES: &str = "m = It expires in { $minutes ->\n        [one] { $minutes } minute\n       *[other] { $minutes } minutes\n    }. Ignore it otherwise.\n";

    #[test]
    fn a_number_picks_the_variant_keyed_by_it_before_its_plural_category() {
        let messages = en("m = { $tries ->\n    [0] No tries left.\n    [one] { $tries } try left.\n   *[other] { $tries } tries left.\n}\n").unwrap();
        let m = |n| messages.format("m", &[("tries", Arg::Number(n))]).unwrap();
        assert_eq!(m(0), "No tries left.");
        assert_eq!(m(1), "1 try left.");
        assert_eq!(m(2), "2 tries left.");
    }

    #[test]
    fn a_number_picks_its_plural_variant_and_the_text_goes_on_after_the_selection() {
        let messages = en(MINUTES).unwrap();
        let m = |n| {
            messages
                .format("m", &[("minutes", Arg::Number(n))])
                .unwrap()
        };
        assert_eq!(m(1), "It expires in 1 minute. Ignore it otherwise.");
        assert_eq!(m(10), "It expires in 10 minutes. Ignore it otherwise.");
    }

    #[test]
    fn polish_has_few_and_many() {
        let source = "m = { $n ->\n [one] jedna\n [few] kilka\n *[many] wiele\n}\n";
        let messages = Messages::parse("pl", source, false).unwrap();
        let m = |n| messages.format("m", &[("n", Arg::Number(n))]).unwrap();
        assert_eq!(
            [m(1), m(2), m(5), m(22)],
            ["jedna", "kilka", "wiele", "kilka"]
        );
    }

    #[test]
    fn a_text_picks_the_variant_of_its_name_else_the_default() {
        let messages = en("m = { $kind ->\n [sms] text\n *[other] email\n}\n").unwrap();
        let m = |kind| messages.format("m", &[("kind", Arg::Text(kind))]).unwrap();
        assert_eq!((m("sms").as_str(), m("fax").as_str()), ("text", "email"));
        assert_eq!(messages.format("m", &[]).unwrap(), "email");
    }

    #[test]
    fn a_missing_variable_is_written_as_fluent_writes_it() {
        let messages = en("m = Hello { $name }!").unwrap();
        assert_eq!(messages.format("m", &[]).unwrap(), "Hello {$name}!");
        assert_eq!(messages.format("nothing", &[]), None);
    }

    #[test]
    fn right_to_left_placeables_are_isolated_in_messages_of_more_than_one_part() {
        let messages =
            Messages::parse("ar", "m = رمز { $code }\nonly = { $code }\n", true).unwrap();
        let args = [("code", Arg::Text("123"))];
        assert_eq!(
            messages.format("m", &args).unwrap(),
            "رمز \u{2068}123\u{2069}"
        );
        assert_eq!(messages.format("only", &args).unwrap(), "123");
    }

    #[test]
    fn what_the_subset_lacks_is_refused_with_its_line() {
        for (source, problem) in [
            ("-brand = Contoso", "line 1: a message id is"),
            ("m = { -brand }", "line 1: only { $variable }"),
            ("m = { \"{\" }", "line 1: only { $variable }"),
            ("m = { NUMBER($n) }", "line 1: only { $variable }"),
            (
                "m = a\n    .title = b",
                "line 2: text continued on an indented line",
            ),
            (
                "m = a\n    continued",
                "line 2: text continued on an indented line",
            ),
            ("m =\n    a", "line 1: the text goes on the line of its id"),
            ("m = a }", "line 1: a `}` closes nothing"),
            ("m = a\nm = b", "line 2: `m` is defined twice"),
            (
                "m = { $n ->\n [one] a\n}",
                "line 3: a selection needs a default",
            ),
            (
                "m = { $n ->\n *[one] a\n *[other] b\n}",
                "line 3: a selection has one default",
            ),
            (
                "m = { $n ->\n [1.5] a\n *[other] b\n}",
                "line 2: a variant key is",
            ),
            (
                "m = { $n ->\n *[other] b",
                "line 2: a selection is not closed",
            ),
            (
                "m = { $n -> [one] a }",
                "line 1: the variants of `->` start",
            ),
            ("#comment", "line 1: expected `id = text`"),
        ] {
            let err = en(source)
                .err()
                .unwrap_or_else(|| panic!("{source:?} parsed"));
            assert!(err.starts_with(problem), "{source:?}: {err}");
        }
    }

    /// What the locale files do not happen to contain yet, held to `fluent-bundle` too.
    #[test]
    fn corner_cases_format_as_fluent_bundle_formats_them() {
        use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

        let source = concat!(
            "trailing = Some text   \n",
            "after-placeable = { $n }   \n",
            "only = { $name }\n",
            "spaced = a {$name}b{ $n }  c\n",
            "missing = Hello { $nobody }!\n",
            "by-name = { $name ->\n   [x] ex {$n}  \n  *[other] oth\n}\n",
            "nested = { $n ->\n  [one] { $n ->\n    *[other] in { $name }\n  } one\n  *[other] many\n } end \n",
            "two = { $n -> \n [one] a\n *[other] b\n}{ $name }\n",
        );
        for (tag, isolating) in [("en", false), ("ar", true), ("pl", false)] {
            let ours = Messages::parse(tag, source, isolating).unwrap();
            let resource = FluentResource::try_new(source.to_owned()).unwrap();
            let mut bundle = FluentBundle::new(vec![tag.parse().unwrap()]);
            bundle.set_use_isolating(isolating);
            bundle.add_resource(resource).unwrap();
            for (name, n) in [("x", 1), ("y", 2), ("x", 5)] {
                let args = [("name", Arg::Text(name)), ("n", Arg::Number(n))];
                let mut fluent = FluentArgs::new();
                fluent.set("name", FluentValue::from(name));
                fluent.set("n", FluentValue::from(n));
                for id in ours.ids() {
                    let pattern = bundle.get_message(id).unwrap().value().unwrap();
                    let expected = bundle.format_pattern(pattern, Some(&fluent), &mut Vec::new());
                    let actual = ours.format(id, &args).unwrap();
                    assert_eq!(actual, expected, "{tag} {id} with {name} {n}");
                }
            }
        }
    }

    #[test]
    fn comments_and_blank_lines_are_skipped() {
        let messages = en("# a\n## b\n###\n\nm = x\n   \n").unwrap();
        assert_eq!(messages.ids().collect::<Vec<_>>(), ["m"]);
    }
}
