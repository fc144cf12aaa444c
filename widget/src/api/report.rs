//! "This wasn't me" (`/v1/report/preview` and `/v1/report`): the report page's two calls.
//! Both are POSTs with the token from the link's fragment, never a GET, so nothing on the
//! server acts when a mail scanner fetches the link.

use sspr_core::api::{ReportReply, ReportRequest};

use super::{Client, ClientError, LANGUAGE_HEADER};

impl Client {
    /// What the link `token` is about (`confirm` false, changing nothing), or its report.
    pub async fn report(&self, token: &str, confirm: bool) -> Result<ReportReply, ClientError> {
        let path = if confirm {
            "/v1/report"
        } else {
            "/v1/report/preview"
        };
        let body = ReportRequest {
            token: token.to_owned(),
        };
        let response = gloo_net::http::Request::post(&format!("{}{path}", self.base))
            .header(LANGUAGE_HEADER, &self.lang)
            .json(&body)
            .map_err(|_| ClientError::Unreadable)?
            .send()
            .await
            .map_err(|_| ClientError::Network)?;
        response
            .json::<ReportReply>()
            .await
            .map_err(|_| ClientError::Unreadable)
    }
}

/// The report token in a page's fragment (`#report=<token>`, as the notice's link has it),
/// if there is one; other parameters of the fragment are ignored.
///
/// ```
/// use sspr_widget::api::report::token_in_fragment;
///
/// assert_eq!(token_in_fragment("#report=q83v_-9"), Some("q83v_-9".to_owned()));
/// assert_eq!(token_in_fragment("#lang=de&report=abc"), Some("abc".to_owned()));
/// assert_eq!(token_in_fragment("#report="), None);
/// assert_eq!(token_in_fragment(""), None);
/// ```
pub fn token_in_fragment(fragment: &str) -> Option<String> {
    fragment
        .trim_start_matches('#')
        .split('&')
        .find_map(|pair| pair.strip_prefix("report="))
        .map(str::trim)
        .filter(|token| !token.is_empty())
        .map(str::to_owned)
}
