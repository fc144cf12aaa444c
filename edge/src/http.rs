//! Plain HTTP decisions for the API: which route a request is, whether its origin may call
//! us, which headers every response carries, and whether a body is acceptable. No `worker`
//! types, so these run natively under `cargo test`.

// Replies travel by value once per request; boxing them would buy nothing measurable.
#![allow(clippy::result_large_err)]

use serde::de::DeserializeOwned;
use sspr_core::api::{ApiError, ErrorCode, MAX_REQUEST_BYTES, Reply};

/// The routes of the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Preflight,
    Health,
    ResetStart,
    ResetChoose,
    ResetVerify,
    ResetAnswers,
    ResetPassword,
    UnlockStart,
    UnlockComplete,
    ResetStatus,
    AdminAudit,
    AdminAuditExport,
    AdminActivity,
    AdminRegistration,
    AdminPolicy,
    AdminPolicyReplace,
    Register(RegisterRoute),
    /// The approver phone pairs itself.
    ApproverPair,
    /// The approver phone asks for the open approval request (signed).
    ApproverPending,
    /// The approver phone answers it (signed).
    ApproverAnswer,
    /// The approver phone turns its Web Push wake-up on or off (signed).
    ApproverPush,
    /// "This wasn't me": what a report link is about, changing nothing.
    ReportPreview,
    /// "This wasn't me": the user confirms the report.
    Report,
    /// An administrator ends the pause a report put on a user's self-service reset.
    AdminHoldClear,
}

/// The registration routes (a signed-in user's methods).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegisterRoute {
    View,
    Email,
    Phone,
    Authenticator,
    Verify,
    Questions,
    Remove,
    /// Choose the method a reset offers first.
    Default,
    Confirm,
    Skip,
    /// Ask for a pairing code for an app-notification approver.
    App,
}

/// Every route with its method and path, for routing and for documentation.
pub const ROUTES: [(&str, &str, Route); 33] = [
    ("GET", "/v1/health", Route::Health),
    ("POST", "/v1/reset/start", Route::ResetStart),
    ("POST", "/v1/reset/choose", Route::ResetChoose),
    ("POST", "/v1/reset/verify", Route::ResetVerify),
    ("POST", "/v1/reset/answers", Route::ResetAnswers),
    ("POST", "/v1/reset/password", Route::ResetPassword),
    ("POST", "/v1/unlock/start", Route::UnlockStart),
    ("POST", "/v1/unlock/complete", Route::UnlockComplete),
    ("POST", "/v1/reset/status", Route::ResetStatus),
    ("GET", "/v1/admin/audit", Route::AdminAudit),
    ("GET", "/v1/admin/audit/export", Route::AdminAuditExport),
    ("GET", "/v1/admin/reports/activity", Route::AdminActivity),
    (
        "GET",
        "/v1/admin/reports/registration",
        Route::AdminRegistration,
    ),
    ("GET", "/v1/admin/policy", Route::AdminPolicy),
    ("PUT", "/v1/admin/policy", Route::AdminPolicyReplace),
    ("GET", "/v1/register", Route::Register(RegisterRoute::View)),
    (
        "POST",
        "/v1/register/email",
        Route::Register(RegisterRoute::Email),
    ),
    (
        "POST",
        "/v1/register/phone",
        Route::Register(RegisterRoute::Phone),
    ),
    (
        "POST",
        "/v1/register/authenticator",
        Route::Register(RegisterRoute::Authenticator),
    ),
    (
        "POST",
        "/v1/register/verify",
        Route::Register(RegisterRoute::Verify),
    ),
    (
        "POST",
        "/v1/register/questions",
        Route::Register(RegisterRoute::Questions),
    ),
    (
        "POST",
        "/v1/register/remove",
        Route::Register(RegisterRoute::Remove),
    ),
    (
        "POST",
        "/v1/register/default",
        Route::Register(RegisterRoute::Default),
    ),
    (
        "POST",
        "/v1/register/confirm",
        Route::Register(RegisterRoute::Confirm),
    ),
    (
        "POST",
        "/v1/register/skip",
        Route::Register(RegisterRoute::Skip),
    ),
    (
        "POST",
        "/v1/register/app",
        Route::Register(RegisterRoute::App),
    ),
    ("POST", "/v1/approver/pair", Route::ApproverPair),
    ("POST", "/v1/approver/pending", Route::ApproverPending),
    ("POST", "/v1/approver/answer", Route::ApproverAnswer),
    ("POST", "/v1/approver/push", Route::ApproverPush),
    ("POST", "/v1/report/preview", Route::ReportPreview),
    ("POST", "/v1/report", Route::Report),
    ("POST", "/v1/admin/holds/clear", Route::AdminHoldClear),
];

/// Finds the route for a request, or the error reply for a path or method we do not serve.
pub fn route(method: &str, path: &str) -> Result<Route, Reply> {
    let mut path_known = false;
    for (m, p, route) in ROUTES {
        if p == path {
            path_known = true;
            if m == method {
                return Ok(route);
            }
        }
    }
    if path_known && method == "OPTIONS" {
        Ok(Route::Preflight)
    } else if path_known {
        Err(Reply::error(ApiError::new(
            ErrorCode::MethodNotAllowed,
            format!("{method} is not allowed on {path}"),
        )))
    } else {
        Err(Reply::error(ApiError::new(
            ErrorCode::NotFound,
            format!("no route {path}"),
        )))
    }
}

/// The `Allow` header of a 405 answer on a path we serve: its method, and `OPTIONS` (CORS
/// preflights). RFC 9110 requires it on every 405.
pub fn allow(path: &str) -> Option<String> {
    let methods: Vec<&str> = ROUTES
        .iter()
        .filter(|(_, p, _)| *p == path)
        .map(|(m, _, _)| *m)
        .collect();
    (!methods.is_empty()).then(|| format!("{}, OPTIONS", methods.join(", ")))
}

/// The headers a response carries: security headers always, CORS headers for an allowed
/// embedding origin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecurityHeaders {
    allow_origin: Option<String>,
}

impl SecurityHeaders {
    /// No CORS headers (same-origin or server-to-server callers, and refusals).
    pub fn none() -> Self {
        SecurityHeaders { allow_origin: None }
    }

    pub fn headers(&self) -> Vec<(&'static str, String)> {
        let mut headers = vec![
            ("Cache-Control", "no-store".to_owned()),
            ("X-Content-Type-Options", "nosniff".to_owned()),
            ("Referrer-Policy", "no-referrer".to_owned()),
            (
                "Strict-Transport-Security",
                "max-age=63072000; includeSubDomains".to_owned(),
            ),
            (
                "Content-Security-Policy",
                "default-src 'none'; frame-ancestors 'none'".to_owned(),
            ),
            ("Vary", "Origin".to_owned()),
        ];
        if let Some(origin) = &self.allow_origin {
            headers.push(("Access-Control-Allow-Origin", origin.clone()));
        }
        headers
    }

    /// Extra headers for a CORS preflight answer.
    pub fn preflight_headers(&self) -> Vec<(&'static str, String)> {
        let mut headers = self.headers();
        if self.allow_origin.is_some() {
            headers.push(("Access-Control-Allow-Methods", "GET, POST, PUT".to_owned()));
            headers.push((
                "Access-Control-Allow-Headers",
                "Content-Type, Authorization".to_owned(),
            ));
            headers.push(("Access-Control-Max-Age", "600".to_owned()));
        }
        headers
    }
}

/// Decides whether a caller's `Origin` may use the API. Requests without an `Origin` are not
/// from a browser page and get no CORS headers; a page on an origin outside the allowlist is
/// refused outright.
pub fn cors(origin: Option<&str>, allowed: &[String]) -> Result<SecurityHeaders, Reply> {
    match origin {
        None => Ok(SecurityHeaders::none()),
        Some(origin) if allowed.iter().any(|a| a == origin) => Ok(SecurityHeaders {
            allow_origin: Some(origin.to_owned()),
        }),
        Some(origin) => Err(Reply::error(ApiError::new(
            ErrorCode::OriginNotAllowed,
            format!("pages on {origin} may not use this API"),
        ))),
    }
}

/// Checks a JSON request's content type, size and shape.
pub fn parse_json<T: DeserializeOwned>(
    content_type: Option<&str>,
    body: &[u8],
) -> Result<T, Reply> {
    parse_json_within(content_type, body, MAX_REQUEST_BYTES)
}

/// As [`parse_json`], for a route that accepts bodies up to `limit` bytes.
pub fn parse_json_within<T: DeserializeOwned>(
    content_type: Option<&str>,
    body: &[u8],
    limit: usize,
) -> Result<T, Reply> {
    let is_json = content_type
        .and_then(|ct| ct.split(';').next())
        .is_some_and(|ct| ct.trim().eq_ignore_ascii_case("application/json"));
    if !is_json {
        return Err(Reply::error(ApiError::new(
            ErrorCode::UnsupportedMediaType,
            "send the request as Content-Type: application/json",
        )));
    }
    if body.len() > limit {
        return Err(too_large_for(limit));
    }
    serde_json::from_slice(body).map_err(|err| {
        Reply::error(ApiError::new(
            ErrorCode::BadRequest,
            format!("invalid request: {err}"),
        ))
    })
}

/// The reply for a body over [`MAX_REQUEST_BYTES`].
pub fn too_large() -> Reply {
    too_large_for(MAX_REQUEST_BYTES)
}

/// The reply for a body over `limit` bytes.
pub fn too_large_for(limit: usize) -> Reply {
    Reply::error(ApiError::new(
        ErrorCode::PayloadTooLarge,
        format!("requests are at most {limit} bytes"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use sspr_core::api::StartRequest;

    fn allowed() -> Vec<String> {
        vec!["https://login.example.com".to_owned()]
    }

    fn error_code(reply: Reply) -> ErrorCode {
        reply.error.unwrap().code
    }

    #[test]
    fn known_routes_are_found() {
        assert_eq!(route("POST", "/v1/reset/start"), Ok(Route::ResetStart));
        assert_eq!(route("GET", "/v1/health"), Ok(Route::Health));
        assert_eq!(route("OPTIONS", "/v1/reset/verify"), Ok(Route::Preflight));
        assert_eq!(route("GET", "/v1/admin/audit"), Ok(Route::AdminAudit));
        assert_eq!(
            route("GET", "/v1/admin/audit/export"),
            Ok(Route::AdminAuditExport)
        );
        assert_eq!(
            route("GET", "/v1/admin/reports/activity"),
            Ok(Route::AdminActivity)
        );
    }

    #[test]
    fn an_unknown_path_is_404_and_a_wrong_method_405() {
        assert_eq!(
            error_code(route("GET", "/v1/nope").unwrap_err()),
            ErrorCode::NotFound
        );
        assert_eq!(
            error_code(route("GET", "/v1/reset/start").unwrap_err()),
            ErrorCode::MethodNotAllowed
        );
    }

    #[test]
    fn a_405_names_the_methods_the_path_allows() {
        assert_eq!(allow("/v1/reset/start").as_deref(), Some("POST, OPTIONS"));
        assert_eq!(allow("/v1/admin/audit").as_deref(), Some("GET, OPTIONS"));
        assert_eq!(allow("/v1/nope"), None);
    }

    #[test]
    fn an_allowed_origin_gets_cors_headers() {
        let headers = cors(Some("https://login.example.com"), &allowed())
            .unwrap()
            .headers();
        assert!(headers.contains(&(
            "Access-Control-Allow-Origin",
            "https://login.example.com".into()
        )));
    }

    #[test]
    fn another_origin_is_refused() {
        let reply = cors(Some("https://evil.example"), &allowed()).unwrap_err();
        assert_eq!(error_code(reply), ErrorCode::OriginNotAllowed);
    }

    #[test]
    fn a_request_without_origin_gets_no_cors_headers() {
        let headers = cors(None, &allowed()).unwrap().headers();
        assert!(
            headers
                .iter()
                .all(|(name, _)| !name.starts_with("Access-Control"))
        );
    }

    #[test]
    fn every_response_is_uncacheable_and_hardened() {
        let headers = SecurityHeaders::none().headers();
        for name in [
            "Cache-Control",
            "X-Content-Type-Options",
            "Referrer-Policy",
            "Strict-Transport-Security",
        ] {
            assert!(headers.iter().any(|(n, _)| *n == name), "{name} missing");
        }
    }

    #[test]
    fn bodies_must_be_json() {
        let result = parse_json::<StartRequest>(Some("text/plain"), br#"{"username":"a"}"#);
        assert_eq!(
            error_code(result.unwrap_err()),
            ErrorCode::UnsupportedMediaType
        );
        let ok = parse_json::<StartRequest>(
            Some("application/json; charset=utf-8"),
            br#"{"username":"a"}"#,
        );
        assert_eq!(ok.unwrap().username, "a");
    }

    #[test]
    fn malformed_json_is_a_bad_request() {
        let result = parse_json::<StartRequest>(Some("application/json"), b"{");
        assert_eq!(error_code(result.unwrap_err()), ErrorCode::BadRequest);
    }

    #[test]
    fn oversized_bodies_are_refused() {
        let body = vec![b' '; MAX_REQUEST_BYTES + 1];
        let result = parse_json::<StartRequest>(Some("application/json"), &body);
        assert_eq!(error_code(result.unwrap_err()), ErrorCode::PayloadTooLarge);
    }
}
