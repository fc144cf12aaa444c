//! The one place the edge makes HTTP calls to other services.

use worker::{Fetch, Headers, Method, Request, RequestInit, wasm_bindgen::JsValue};

/// A response from another service: its status, the headers callers may need, and its body.
pub struct Answer {
    pub status: u16,
    pub body: String,
    /// The values of the response headers in [`KEPT_HEADERS`] (lower case).
    pub headers: Vec<(String, String)>,
}

/// Response headers kept in an [`Answer`]: `Retry-After`, which the outbox honours.
pub const KEPT_HEADERS: [&str; 1] = ["retry-after"];

impl Answer {
    /// A kept response header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// POSTs a JSON body with extra headers.
pub async fn post_json(
    url: &str,
    headers: &[(&str, String)],
    body: String,
) -> worker::Result<Answer> {
    post(url, "application/json", headers, body).await
}

/// POSTs a body of the given content type with extra headers.
pub async fn post(
    url: &str,
    content_type: &str,
    headers: &[(&str, String)],
    body: String,
) -> worker::Result<Answer> {
    let h = Headers::new();
    h.set("Content-Type", content_type)?;
    for (name, value) in headers {
        h.set(name, value)?;
    }
    let mut init = RequestInit::new();
    init.with_method(Method::Post)
        .with_headers(h)
        .with_body(Some(JsValue::from_str(&body)));
    let request = Request::new_with_init(url, &init)?;
    let mut response = Fetch::Request(request).send().await?;
    let mut headers = Vec::new();
    for name in KEPT_HEADERS {
        if let Some(value) = response.headers().get(name)? {
            headers.push((name.to_owned(), value));
        }
    }
    Ok(Answer {
        status: response.status_code(),
        body: response.text().await?,
        headers,
    })
}
