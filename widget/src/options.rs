//! The options a host page gives the widget (the element's attributes, or the object passed
//! to `mount`), checked so that a mistake is named instead of showing a broken widget.

use std::fmt;

use serde::Serialize;
use sspr_core::flow::FlowKind;
use wasm_bindgen::JsValue;

/// What the widget does: reset the password, unlock the account, report a change the user did
/// not make ("this wasn't me", the page a notice's link opens) (`<sspr-reset>`), let a
/// signed-in user register their methods (`<sspr-register>`), or approve app notifications
/// on the user's phone (`<sspr-approver>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flow {
    Reset,
    Unlock,
    Register,
    Approver,
    Report,
}

impl From<FlowKind> for Flow {
    fn from(kind: FlowKind) -> Self {
        match kind {
            FlowKind::Reset => Flow::Reset,
            FlowKind::Unlock => Flow::Unlock,
        }
    }
}

/// Checked widget options.
#[derive(Clone, PartialEq, Eq)]
pub struct Options {
    /// The edge's base URL.
    pub edge: String,
    /// Reset, unlock or register.
    pub flow: Flow,
    /// The language the host asked for (`lang`), if any.
    pub lang: Option<String>,
    /// Registration: the signed-in user's credential (an OpenID Connect ID token or an
    /// `sspr1.` ticket), sent as `Authorization: Bearer`. Kept in memory only.
    pub credential: Option<String>,
    /// Reset: Cloudflare Turnstile's site key (`turnstile-sitekey`), when the edge requires
    /// a Turnstile token at start (`TURNSTILE_SECRET`). Public.
    pub turnstile_sitekey: Option<String>,
}

impl fmt::Debug for Options {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Options")
            .field("edge", &self.edge)
            .field("flow", &self.flow)
            .field("lang", &self.lang)
            .field("credential", &self.credential.as_ref().map(|_| "…"))
            .field("turnstile_sitekey", &self.turnstile_sitekey)
            .finish()
    }
}

/// An option that cannot be used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OptionError {
    /// `edge` is missing or empty.
    MissingEdge,
    /// `edge` is not an http(s) URL.
    BadEdge(String),
    /// `flow` is not one of `reset`, `unlock`, `register`, `approver`.
    BadFlow(String),
    /// `lang` is not a BCP 47 language tag.
    BadLang(String),
    /// `turnstile-sitekey` is not a Turnstile site key.
    BadTurnstileSitekey(String),
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
                "sspr: the `flow` option {value:?} is not one of \"reset\", \"unlock\", \"register\", \"report\", \"approver\""
            ),
            OptionError::BadLang(value) => write!(
                f,
                "sspr: the `lang` option {value:?} is not a language tag such as \"de\" or \"pt-BR\""
            ),
            OptionError::BadTurnstileSitekey(value) => write!(
                f,
                "sspr: the `turnstile-sitekey` option {value:?} is not a Turnstile site key (letters, digits, - and _, as the Cloudflare dashboard shows it, e.g. \"0x4AAAAAAA…\")"
            ),
        }
    }
}

impl std::error::Error for OptionError {}

impl Options {
    /// Checks options given as strings (`None` where the host gave none).
    pub fn parse(
        edge: Option<&str>,
        flow: Option<&str>,
        lang: Option<&str>,
    ) -> Result<Self, OptionError> {
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
            None | Some("") | Some("reset") => Flow::Reset,
            Some("unlock") => Flow::Unlock,
            Some("register") => Flow::Register,
            Some("approver") => Flow::Approver,
            Some("report") => Flow::Report,
            Some(other) => return Err(OptionError::BadFlow(other.to_owned())),
        };
        let lang = match lang.map(str::trim) {
            None | Some("") => None,
            Some(tag) => match tag.parse::<unic_langid::LanguageIdentifier>() {
                Ok(_) => Some(tag.to_owned()),
                Err(_) => return Err(OptionError::BadLang(tag.to_owned())),
            },
        };
        Ok(Options {
            edge: edge.to_owned(),
            flow,
            lang,
            credential: None,
            turnstile_sitekey: None,
        })
    }

    /// Checks a Turnstile site key (`None`, or empty, leaves Turnstile off).
    pub fn turnstile_sitekey(value: Option<&str>) -> Result<Option<String>, OptionError> {
        match value.map(str::trim) {
            None | Some("") => Ok(None),
            Some(key)
                if key.len() <= 128
                    && key
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') =>
            {
                Ok(Some(key.to_owned()))
            }
            Some(other) => Err(OptionError::BadTurnstileSitekey(other.to_owned())),
        }
    }

    /// Reads the options from a JavaScript object.
    pub fn from_js(value: &JsValue) -> Result<Self, OptionError> {
        let field = |name: &str| {
            js_sys::Reflect::get(value, &JsValue::from_str(name))
                .ok()
                .and_then(|v| v.as_string())
        };
        let mut options = Options::parse(
            field("edge").as_deref(),
            field("flow").as_deref(),
            field("lang").as_deref(),
        )?;
        options.credential = field("credential").filter(|c| !c.trim().is_empty());
        options.turnstile_sitekey =
            Options::turnstile_sitekey(field("turnstileSitekey").as_deref())?;
        Ok(options)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edge_url_and_no_flow_mean_a_password_reset() {
        let options = Options::parse(Some(" https://sspr.example.com "), None, None).unwrap();
        assert_eq!(options.edge, "https://sspr.example.com");
        assert_eq!(options.flow, Flow::Reset);
    }

    #[test]
    fn flow_unlock_unlocks_the_account() {
        let options = Options::parse(Some("http://127.0.0.1:8787"), Some("unlock"), None).unwrap();
        assert_eq!(options.flow, Flow::Unlock);
    }

    #[test]
    fn flow_register_registers_methods_and_the_credential_is_never_printed() {
        let mut options =
            Options::parse(Some("http://127.0.0.1:8787"), Some("register"), None).unwrap();
        assert_eq!(options.flow, Flow::Register);
        options.credential = Some("sspr1.secret".into());
        assert!(!format!("{options:?}").contains("secret"));
    }

    #[test]
    fn flow_report_is_the_this_wasnt_me_page() {
        let options = Options::parse(Some("https://e"), Some(" report "), None).unwrap();
        assert_eq!(options.flow, Flow::Report);
        assert_eq!(serde_json::to_string(&Flow::Report).unwrap(), "\"report\"");
    }

    #[test]
    fn a_missing_edge_is_named() {
        assert_eq!(
            Options::parse(None, None, None),
            Err(OptionError::MissingEdge)
        );
        assert_eq!(
            Options::parse(Some("  "), None, None),
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
                    Options::parse(Some(bad), None, None),
                    Err(OptionError::BadEdge(_))
                ),
                "{bad}"
            );
        }
    }

    #[test]
    fn an_unknown_flow_is_named_with_the_choices() {
        let err = Options::parse(Some("https://e"), Some("change"), None).unwrap_err();
        assert_eq!(err, OptionError::BadFlow("change".into()));
        assert!(
            err.to_string()
                .contains("\"reset\", \"unlock\", \"register\", \"report\", \"approver\"")
        );
    }

    #[test]
    fn a_turnstile_site_key_is_optional_and_named_when_malformed() {
        assert_eq!(Options::turnstile_sitekey(None), Ok(None));
        assert_eq!(Options::turnstile_sitekey(Some(" ")), Ok(None));
        assert_eq!(
            Options::turnstile_sitekey(Some(" 0x4AAAAAAAabc_-1 ")),
            Ok(Some("0x4AAAAAAAabc_-1".to_owned()))
        );
        let err = Options::turnstile_sitekey(Some("<script>")).unwrap_err();
        assert_eq!(err, OptionError::BadTurnstileSitekey("<script>".into()));
        assert!(err.to_string().contains("`turnstile-sitekey`"));
    }

    #[test]
    fn lang_is_kept_when_it_is_a_language_tag_and_named_when_not() {
        let options = Options::parse(Some("https://e"), None, Some("pt-BR")).unwrap();
        assert_eq!(options.lang.as_deref(), Some("pt-BR"));
        assert_eq!(
            Options::parse(Some("https://e"), None, Some(""))
                .unwrap()
                .lang,
            None
        );
        let err = Options::parse(Some("https://e"), None, Some("english please")).unwrap_err();
        assert_eq!(err, OptionError::BadLang("english please".into()));
    }
}
