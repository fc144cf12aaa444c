//! The one place the edge makes HTTP calls to other services.

use worker::{AbortSignal, Fetch, Headers, Method, Request, RequestInit, wasm_bindgen::JsValue};

/// A response from another service: its status, the headers callers asked for, and its body.
pub struct Answer {
    pub status: u16,
    pub body: String,
    /// The values of the response headers named in the request's `keep_headers` (lower
    /// case); `post` and `post_json` keep `Retry-After`, which the outbox honours.
    pub headers: Vec<(String, String)>,
}

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
    let mut all = vec![("Content-Type", content_type.to_owned())];
    all.extend(headers.iter().cloned());
    send("POST", url, &all, Some(body), &["retry-after"]).await
}

/// Sends a request of any method (`GET`, `POST`, `PATCH` …) with the given headers and
/// optional body, and keeps the response headers named in `keep_headers`.
pub async fn send(
    method: &str,
    url: &str,
    headers: &[(&str, String)],
    body: Option<String>,
    keep_headers: &[&str],
) -> worker::Result<Answer> {
    let h = Headers::new();
    for (name, value) in headers {
        h.set(name, value)?;
    }
    let method = match method {
        "GET" => Method::Get,
        "POST" => Method::Post,
        "PATCH" => Method::Patch,
        "PUT" => Method::Put,
        "DELETE" => Method::Delete,
        other => {
            return Err(worker::Error::RustError(format!(
                "unsupported method {other}"
            )));
        }
    };
    let mut init = RequestInit::new();
    init.with_method(method).with_headers(h);
    if let Some(body) = body {
        init.with_body(Some(JsValue::from_str(&body)));
    }
    let request = Request::new_with_init(url, &init)?;
    let mut response = Fetch::Request(request).send().await?;
    let mut kept = Vec::new();
    for name in keep_headers {
        if let Some(value) = response.headers().get(name)? {
            kept.push((name.to_ascii_lowercase(), value));
        }
    }
    Ok(Answer {
        status: response.status_code(),
        body: response.text().await?,
        headers: kept,
    })
}

/// GETs a document, giving up after `timeout_ms` (connecting and reading the body both
/// count), and keeps the response headers named in `keep_headers`.
pub async fn get_with_timeout(
    url: &str,
    accept: &str,
    timeout_ms: u32,
    keep_headers: &[&str],
) -> worker::Result<Answer> {
    let h = Headers::new();
    h.set("Accept", accept)?;
    let mut init = RequestInit::new();
    init.with_method(Method::Get).with_headers(h);
    let request = Request::new_with_init(url, &init)?;
    let signal = AbortSignal::from(web_sys::AbortSignal::timeout_with_u32(timeout_ms));
    let mut response = Fetch::Request(request).send_with_signal(&signal).await?;
    let mut kept = Vec::new();
    for name in keep_headers {
        if let Some(value) = response.headers().get(name)? {
            kept.push((name.to_ascii_lowercase(), value));
        }
    }
    Ok(Answer {
        status: response.status_code(),
        body: response.text().await?,
        headers: kept,
    })
}
