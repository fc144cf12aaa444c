//! The one place the edge makes HTTP calls to other services. Every call is cut off after
//! [`TIMEOUT_MS`]: a directory or provider that hangs fails the call (the outbox retries a
//! final change later) instead of holding the user's request until the platform kills it.

use worker::{AbortSignal, Fetch, Headers, Method, Request, RequestInit, wasm_bindgen::JsValue};

/// How long a call to another service may take, body included, in milliseconds (unless the
/// caller names its own limit).
pub const TIMEOUT_MS: u32 = 10_000;

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

/// POSTs a JSON body, giving up after `timeout_ms` (connecting and reading the body both
/// count).
pub async fn post_json_within(url: &str, body: String, timeout_ms: u32) -> worker::Result<Answer> {
    let headers = [("Content-Type", "application/json".to_owned())];
    send_within("POST", url, &headers, Some(body), &[], timeout_ms).await
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
    send_within(method, url, headers, body, keep_headers, TIMEOUT_MS).await
}

/// GETs a document, giving up after `timeout_ms` (connecting and reading the body both
/// count), and keeps the response headers named in `keep_headers`.
pub async fn get_with_timeout(
    url: &str,
    accept: &str,
    timeout_ms: u32,
    keep_headers: &[&str],
) -> worker::Result<Answer> {
    let headers = [("Accept", accept.to_owned())];
    send_within("GET", url, &headers, None, keep_headers, timeout_ms).await
}

/// GETs `url` with the given headers, giving up after `timeout_ms` (connecting and reading
/// the body both count).
pub async fn get_within(
    url: &str,
    headers: &[(&str, String)],
    timeout_ms: u32,
) -> worker::Result<Answer> {
    send_within("GET", url, headers, None, &[], timeout_ms).await
}

/// As [`send`], cut off after `timeout_ms`.
async fn send_within(
    method: &str,
    url: &str,
    headers: &[(&str, String)],
    body: Option<String>,
    keep_headers: &[&str],
    timeout_ms: u32,
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
    // The signal also covers reading the body below.
    let signal = AbortSignal::from(web_sys::AbortSignal::timeout_with_u32(timeout_ms));
    let mut response = Fetch::Request(request)
        .send_with_signal(&signal)
        .await
        .map_err(|err| timed_out(err, &signal, url, timeout_ms))?;
    let mut kept = Vec::new();
    for name in keep_headers {
        if let Some(value) = response.headers().get(name)? {
            kept.push((name.to_ascii_lowercase(), value));
        }
    }
    let status = response.status_code();
    let body = response
        .text()
        .await
        .map_err(|err| timed_out(err, &signal, url, timeout_ms))?;
    Ok(Answer {
        status,
        body,
        headers: kept,
    })
}

/// Names a call cut off by the timeout as such (the URL without its query, which may carry
/// a filter on a username).
fn timed_out(
    err: worker::Error,
    signal: &AbortSignal,
    url: &str,
    timeout_ms: u32,
) -> worker::Error {
    if signal.aborted() {
        let without_query = url.split('?').next().unwrap_or(url);
        worker::Error::RustError(format!(
            "{without_query} did not answer within {timeout_ms} ms"
        ))
    } else {
        err
    }
}
