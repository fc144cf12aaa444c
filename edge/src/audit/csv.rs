//! The CSV export: a header row, then one row per event, RFC 4180 (CRLF line ends, fields
//! with a comma, a quote or a line break quoted, quotes doubled). A text cell that a
//! spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage
//! return, and user agents are typed by strangers) gets a leading `'`, as OWASP advises.

use super::sql::StoredEvent;
use super::time::format_instant;

/// The header row's names, in column order.
pub const HEADER: [&str; 12] = [
    "id",
    "at",
    "time",
    "event",
    "tenant",
    "user_id",
    "method",
    "outcome",
    "detail",
    "ip_hash",
    "user_agent",
    "flow_id",
];

/// One field, quoted when it must be.
pub fn field(value: &str) -> String {
    let defused = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if defused.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

fn row(fields: &[String]) -> String {
    let mut line = fields
        .iter()
        .map(|f| field(f))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

/// The whole export.
pub fn export(events: &[StoredEvent]) -> String {
    let header: Vec<String> = HEADER.iter().map(|h| (*h).to_owned()).collect();
    let mut out = row(&header);
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    for e in events {
        out.push_str(&row(&[
            e.id.to_string(),
            e.at.to_string(),
            format_instant(e.at),
            e.event.clone(),
            e.tenant.clone(),
            text(&e.user_id),
            text(&e.method),
            e.outcome.clone(),
            e.detail.clone().unwrap_or_else(|| "{}".to_owned()),
            text(&e.ip_hash),
            text(&e.user_agent),
            text(&e.flow_id),
        ]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_fields_stay_as_they_are() {
        assert_eq!(field("proof_failed"), "proof_failed");
        assert_eq!(field(""), "");
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted() {
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field(r#"{"tries_left":3}"#), r#""{""tries_left"":3}""#);
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("cr\rhere"), "\"cr\rhere\"");
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("+1"), "'+1");
        assert_eq!(field("-1"), "'-1");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("Mozilla/5.0 (a=b)"), "Mozilla/5.0 (a=b)");
    }

    #[test]
    fn an_export_is_a_header_then_a_crlf_row_per_event() {
        let event = StoredEvent {
            id: 7,
            at: 1_767_225_600_000,
            event: "proof_failed".into(),
            tenant: "default".into(),
            user_id: Some("u1".into()),
            method: Some("email_code".into()),
            outcome: "code_mismatch".into(),
            detail: Some(r#"{"failed_proofs":1,"tries_left":4}"#.into()),
            ip_hash: Some("ab12".into()),
            user_agent: Some("curl/8, \"test\"".into()),
            flow_id: None,
        };
        let csv = export(&[event]);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], HEADER.join(","));
        assert_eq!(
            lines[1],
            "7,1767225600000,2026-01-01T00:00:00.000Z,proof_failed,default,u1,email_code,\
             code_mismatch,\"{\"\"failed_proofs\"\":1,\"\"tries_left\"\":4}\",ab12,\
             \"curl/8, \"\"test\"\"\","
        );
        assert_eq!(lines[2], "");
        assert_eq!(lines.len(), 3);
    }
}
