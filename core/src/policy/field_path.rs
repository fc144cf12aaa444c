//! The dotted field (`codes.digits`, `methods.allowed[0]`) at which a policy document
//! failed to deserialize. toml reports where, as a byte span of the offending key or value;
//! this finds the key or value at that span in the document's own parse tree. (A wrapper
//! deserializer that tracks the path, such as `serde_path_to_error`, gives the same answer
//! but roughly doubles the deserializing code, which the edge's bundle pays for.)

use std::fmt::Write;
use std::ops::Range;

use toml::de::{DeTable, DeValue};

/// The path of the innermost key or value in `text` whose span holds `span`; `None` when no
/// key or value holds it (or `text` does not parse, which the caller has ruled out).
pub(super) fn field_path(text: &str, span: &Range<usize>) -> Option<String> {
    let root = DeTable::parse(text).ok()?;
    let mut path = String::new();
    in_table(root.get_ref(), span, &mut path).then_some(path)
}

/// Whether `span` lies in a key or value of `table`; if so, `path` ends with its path.
fn in_table(table: &DeTable<'_>, span: &Range<usize>, path: &mut String) -> bool {
    for (key, value) in table {
        let parent = path.len();
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(key.get_ref());
        if holds(&key.span(), span) || in_value(value.get_ref(), &value.span(), span, path) {
            return true;
        }
        path.truncate(parent);
    }
    false
}

/// Whether `span` lies in `value` (spanning `at`), looking into tables and arrays first so
/// that the innermost path wins.
fn in_value(
    value: &DeValue<'_>,
    at: &Range<usize>,
    span: &Range<usize>,
    path: &mut String,
) -> bool {
    match value {
        DeValue::Table(table) => in_table(table, span, path) || holds(at, span),
        DeValue::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                let parent = path.len();
                let _ = write!(path, "[{index}]");
                if in_value(item.get_ref(), &item.span(), span, path) {
                    return true;
                }
                path.truncate(parent);
            }
            holds(at, span)
        }
        _ => holds(at, span),
    }
}

fn holds(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}
