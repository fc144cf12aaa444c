//! The admin API's query parameters, parsed into typed queries. Every malformed, out-of-range
//! or unknown parameter is refused with `invalid_parameter` naming it.

use sspr_core::UnixMillis;
use sspr_core::api::ApiError;
use sspr_core::username::MAX_USERNAME_CHARS;

use super::EventKind;
use super::time::{END_OF_TIME, parse_instant};

/// Events per page when `limit` is not given.
pub const DEFAULT_LIMIT: u32 = 100;
/// Most events per page.
pub const MAX_LIMIT: u32 = 1000;

/// Which events: `from` (inclusive) to `to` (exclusive), optionally one user and one kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    pub from: UnixMillis,
    pub to: UnixMillis,
    pub user: Option<String>,
    pub event: Option<EventKind>,
}

/// Where the previous page ended: events come in `(at, id)` order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub at: UnixMillis,
    pub id: u64,
}

impl Cursor {
    /// The opaque form handed to callers.
    pub fn encode(&self) -> String {
        format!("{}.{}", self.at, self.id)
    }

    fn parse(text: &str) -> Option<Cursor> {
        let (at, id) = text.split_once('.')?;
        let digits =
            |s: &str| !s.is_empty() && s.len() <= 20 && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(at) || !digits(id) {
            return None;
        }
        Some(Cursor {
            at: at.parse().ok()?,
            id: id.parse().ok()?,
        })
    }
}

/// `GET /v1/admin/audit`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuery {
    pub filter: Filter,
    pub limit: u32,
    pub cursor: Option<Cursor>,
}

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Json,
}

/// `GET /v1/admin/audit/export`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportQuery {
    pub format: ExportFormat,
    pub filter: Filter,
}

/// `GET /v1/admin/reports/activity`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportQuery {
    pub from: UnixMillis,
    pub to: UnixMillis,
}

/// The parameters of one request, each given at most once and each known.
struct Params<'a> {
    pairs: Vec<(&'a str, &'a str)>,
}

impl<'a> Params<'a> {
    fn new(pairs: &'a [(String, String)], known: &[&str]) -> Result<Self, ApiError> {
        let mut seen: Vec<&str> = Vec::new();
        for (name, _) in pairs {
            if !known.contains(&name.as_str()) {
                return Err(ApiError::invalid_parameter(
                    name,
                    format!(
                        "unknown parameter {name:?}; this route takes {}",
                        known.join(", ")
                    ),
                ));
            }
            if seen.contains(&name.as_str()) {
                return Err(ApiError::invalid_parameter(
                    name,
                    format!("{name} is given twice"),
                ));
            }
            seen.push(name);
        }
        Ok(Params {
            pairs: pairs
                .iter()
                .map(|(n, v)| (n.as_str(), v.as_str()))
                .collect(),
        })
    }

    fn get(&self, name: &str) -> Option<&'a str> {
        self.pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
    }

    fn instant(&self, name: &str, default: UnixMillis) -> Result<UnixMillis, ApiError> {
        match self.get(name) {
            None => Ok(default),
            Some(text) => parse_instant(text).ok_or_else(|| {
                ApiError::invalid_parameter(
                    name,
                    format!(
                        "{name} is Unix milliseconds, a date (2026-01-31) or a UTC time \
                         (2026-01-31T08:00:00Z), got {text:?}"
                    ),
                )
            }),
        }
    }

    fn range(&self) -> Result<(UnixMillis, UnixMillis), ApiError> {
        let from = self.instant("from", 0)?;
        let to = self.instant("to", END_OF_TIME)?;
        if to <= from {
            return Err(ApiError::invalid_parameter(
                "to",
                "to must be later than from",
            ));
        }
        Ok((from, to))
    }

    fn filter(&self) -> Result<Filter, ApiError> {
        let (from, to) = self.range()?;
        let user = match self.get("user") {
            None => None,
            Some(user) if !user.is_empty() && user.chars().count() <= MAX_USERNAME_CHARS => {
                Some(user.to_owned())
            }
            Some(_) => {
                return Err(ApiError::invalid_parameter(
                    "user",
                    format!("user is a directory user id of 1 to {MAX_USERNAME_CHARS} characters"),
                ));
            }
        };
        let event = match self.get("event") {
            None => None,
            Some(name) => Some(EventKind::parse(name).ok_or_else(|| {
                let names: Vec<&str> = EventKind::ALL.iter().map(|k| k.as_str()).collect();
                ApiError::invalid_parameter(
                    "event",
                    format!("event is one of {}, got {name:?}", names.join(", ")),
                )
            })?),
        };
        Ok(Filter {
            from,
            to,
            user,
            event,
        })
    }
}

/// Parses `from, to, user, event, limit, cursor`.
pub fn list(pairs: &[(String, String)]) -> Result<ListQuery, ApiError> {
    let params = Params::new(pairs, &["from", "to", "user", "event", "limit", "cursor"])?;
    let filter = params.filter()?;
    let limit = match params.get("limit") {
        None => DEFAULT_LIMIT,
        Some(text) => text
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=MAX_LIMIT).contains(n))
            .ok_or_else(|| {
                ApiError::invalid_parameter(
                    "limit",
                    format!("limit is a whole number from 1 to {MAX_LIMIT}, got {text:?}"),
                )
            })?,
    };
    let cursor = match params.get("cursor") {
        None => None,
        Some(text) => Some(Cursor::parse(text).ok_or_else(|| {
            ApiError::invalid_parameter("cursor", "cursor is the next_cursor of an earlier page")
        })?),
    };
    Ok(ListQuery {
        filter,
        limit,
        cursor,
    })
}

/// Parses `format, from, to, user, event`.
pub fn export(pairs: &[(String, String)]) -> Result<ExportQuery, ApiError> {
    let params = Params::new(pairs, &["format", "from", "to", "user", "event"])?;
    let format = match params.get("format") {
        None | Some("json") => ExportFormat::Json,
        Some("csv") => ExportFormat::Csv,
        Some(other) => {
            return Err(ApiError::invalid_parameter(
                "format",
                format!("format is csv or json, got {other:?}"),
            ));
        }
    };
    Ok(ExportQuery {
        format,
        filter: params.filter()?,
    })
}

/// Parses `from, to`.
pub fn report(pairs: &[(String, String)]) -> Result<ReportQuery, ApiError> {
    let params = Params::new(pairs, &["from", "to"])?;
    let (from, to) = params.range()?;
    Ok(ReportQuery { from, to })
}

#[cfg(test)]
mod tests {
    use super::*;
    use sspr_core::api::ErrorCode;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn refused_parameter<T: std::fmt::Debug>(result: Result<T, ApiError>) -> String {
        let err = result.unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidParameter);
        err.parameter.unwrap()
    }

    #[test]
    fn a_list_without_parameters_is_everything_a_hundred_at_a_time() {
        let query = list(&[]).unwrap();
        assert_eq!(query.limit, 100);
        assert_eq!((query.filter.from, query.filter.to), (0, END_OF_TIME));
        assert_eq!(
            (query.filter.user, query.filter.event, query.cursor),
            (None, None, None)
        );
    }

    #[test]
    fn every_list_parameter_is_read() {
        let query = list(&pairs(&[
            ("from", "2026-01-01"),
            ("to", "1767312000000"),
            ("user", "u-42"),
            ("event", "proof_failed"),
            ("limit", "1000"),
            ("cursor", "1767225600123.17"),
        ]))
        .unwrap();
        assert_eq!(query.filter.from, 1_767_225_600_000);
        assert_eq!(query.filter.to, 1_767_312_000_000);
        assert_eq!(query.filter.user.as_deref(), Some("u-42"));
        assert_eq!(query.filter.event, Some(EventKind::ProofFailed));
        assert_eq!(query.limit, 1000);
        assert_eq!(
            query.cursor,
            Some(Cursor {
                at: 1_767_225_600_123,
                id: 17
            })
        );
    }

    #[test]
    fn bad_parameters_are_named() {
        let cases: [(&[(&str, &str)], &str); 12] = [
            (&[("limit", "0")], "limit"),
            (&[("limit", "1001")], "limit"),
            (&[("limit", "ten")], "limit"),
            (&[("from", "yesterday")], "from"),
            (&[("to", "2026-02-30")], "to"),
            (&[("from", "2026-01-02"), ("to", "2026-01-01")], "to"),
            (&[("from", "5"), ("to", "5")], "to"),
            (&[("event", "password_seen")], "event"),
            (&[("user", "")], "user"),
            (&[("cursor", "abc")], "cursor"),
            (&[("sort", "at")], "sort"),
            (&[("limit", "5"), ("limit", "6")], "limit"),
        ];
        for (given, named) in cases {
            assert_eq!(refused_parameter(list(&pairs(given))), named, "{given:?}");
        }
    }

    #[test]
    fn cursors_round_trip() {
        let cursor = Cursor {
            at: 1_767_225_600_123,
            id: 17,
        };
        assert_eq!(Cursor::parse(&cursor.encode()), Some(cursor));
        for text in ["", ".", "1.", ".1", "1.2.3", "-1.2", "1.x"] {
            assert_eq!(Cursor::parse(text), None, "{text}");
        }
    }

    #[test]
    fn exports_are_json_unless_csv_is_asked_for() {
        assert_eq!(export(&[]).unwrap().format, ExportFormat::Json);
        assert_eq!(
            export(&pairs(&[("format", "csv")])).unwrap().format,
            ExportFormat::Csv
        );
        assert_eq!(
            refused_parameter(export(&pairs(&[("format", "xlsx")]))),
            "format"
        );
        assert_eq!(
            refused_parameter(export(&pairs(&[("limit", "5")]))),
            "limit"
        );
    }

    #[test]
    fn reports_take_a_range_only() {
        let query = report(&pairs(&[("from", "2026-01-01"), ("to", "2026-01-08")])).unwrap();
        assert_eq!(query.to - query.from, 7 * 24 * 60 * 60 * 1000);
        assert_eq!(refused_parameter(report(&pairs(&[("user", "u1")]))), "user");
        assert_eq!(
            refused_parameter(report(&pairs(&[("to", "1970-01-01")]))),
            "to"
        );
    }
}
