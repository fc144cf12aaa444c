//! The options a host page gives the widget (the element's attributes, or the object passed
//! to `mount`), checked so that a mistake is named instead of showing a broken widget.

use std::fmt;

use sspr_core::flow::FlowKind;
use wasm_bindgen::JsValue;

/// Checked widget options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The edge's base URL.
    pub edge: String,
    /// Reset the password, or unlock the account.
    pub flow: FlowKind,
}

/// An option that cannot be used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OptionError {
    /// `edge` is missing or empty.
    MissingEdge,
    /// `edge` is not an http(s) URL.
    BadEdge(String),
    /// `flow` is neither `reset` nor `unlock`.
    BadFlow(String),
}

impl fmt::Display for OptionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OptionError::MissingEdge => write!(
                f,
                "sspr: the `edge` option is missing; set it to your sspr edge's URL, e.g. edge=\"https://sspr.example.com\""
            ),
            OptionError::BadEdge(value) => write!(
                f,
                "sspr: the `edge` option {value:?} is not an http:// or https:// URL"
            ),
            OptionError::BadFlow(value) => write!(
                f,
                "sspr: the `flow` option {value:?} is not one of \"reset\", \"unlock\""
            ),
        }
    }
}

impl std::error::Error for OptionError {}

impl Options {
    /// Checks options given as strings (`None` where the host gave none).
    pub fn parse(edge: Option<&str>, flow: Option<&str>) -> Result<Self, OptionError> {
        let edge = edge.map(str::trim).unwrap_or_default();
        if edge.is_empty() {
            return Err(OptionError::MissingEdge);
        }
        let scheme_ok = ["https://", "http://"].iter().any(|scheme| {
            edge.len() > scheme.len() && edge[..scheme.len()].eq_ignore_ascii_case(scheme)
        });
        if !scheme_ok || edge.contains(char::is_whitespace) {
            return Err(OptionError::BadEdge(edge.to_owned()));
        }
        let flow = match flow.map(str::trim) {
            None | Some("") | Some("reset") => FlowKind::Reset,
            Some("unlock") => FlowKind::Unlock,
            Some(other) => return Err(OptionError::BadFlow(other.to_owned())),
        };
        Ok(Options {
            edge: edge.to_owned(),
            flow,
        })
    }

    /// Reads the options from a JavaScript object.
    pub fn from_js(value: &JsValue) -> Result<Self, OptionError> {
        let field = |name: &str| {
            js_sys::Reflect::get(value, &JsValue::from_str(name))
                .ok()
                .and_then(|v| v.as_string())
        };
        Options::parse(field("edge").as_deref(), field("flow").as_deref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edge_url_and_no_flow_mean_a_password_reset() {
        let options = Options::parse(Some(" https://sspr.example.com "), None).unwrap();
        assert_eq!(options.edge, "https://sspr.example.com");
        assert_eq!(options.flow, FlowKind::Reset);
    }

    #[test]
    fn flow_unlock_unlocks_the_account() {
        let options = Options::parse(Some("http://127.0.0.1:8787"), Some("unlock")).unwrap();
        assert_eq!(options.flow, FlowKind::Unlock);
    }

    #[test]
    fn a_missing_edge_is_named() {
        assert_eq!(Options::parse(None, None), Err(OptionError::MissingEdge));
        assert_eq!(
            Options::parse(Some("  "), None),
            Err(OptionError::MissingEdge)
        );
        assert!(
            OptionError::MissingEdge
                .to_string()
                .contains("`edge` option is missing")
        );
    }

    #[test]
    fn an_edge_that_is_not_a_web_url_is_refused() {
        for bad in [
            "sspr.example.com",
            "ftp://x",
            "https://",
            "javascript:alert(1)",
            "https://a b",
        ] {
            assert!(
                matches!(
                    Options::parse(Some(bad), None),
                    Err(OptionError::BadEdge(_))
                ),
                "{bad}"
            );
        }
    }

    #[test]
    fn an_unknown_flow_is_named_with_the_choices() {
        let err = Options::parse(Some("https://e"), Some("register")).unwrap_err();
        assert_eq!(err, OptionError::BadFlow("register".into()));
        assert!(err.to_string().contains("\"reset\", \"unlock\""));
    }
}
