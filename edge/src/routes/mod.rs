//! Request handlers: parse → ask the user's Durable Object → reply → perform effects.

pub mod admin;
pub mod approver;
pub mod registration;
pub mod report;
pub mod reset;

use sspr_core::api::{ApiError, ErrorCode, Reply};
use worker::{Request, Response, Result};

use crate::audit::RequestOrigin;
use crate::config::Config;
use crate::http::{self, SecurityHeaders};

/// Sends a reply with its status and the security (and CORS) headers.
pub fn respond(reply: &Reply, security: &SecurityHeaders) -> Result<Response> {
    secured(
        Response::from_json(reply)?.with_status(reply.status()),
        security,
    )
}

/// Adds the security (and CORS) headers to a response.
pub fn secured(mut response: Response, security: &SecurityHeaders) -> Result<Response> {
    let headers = response.headers_mut();
    for (name, value) in security.headers() {
        headers.set(name, &value)?;
    }
    Ok(response)
}

/// The answer to an unknown path (404) or a method the path does not serve (405, with the
/// `Allow` header RFC 9110 requires).
pub fn refuse_route(reply: &Reply, path: &str, security: &SecurityHeaders) -> Result<Response> {
    let mut response = respond(reply, security)?;
    if reply.status() == 405
        && let Some(allow) = http::allow(path)
    {
        response.headers_mut().set("Allow", &allow)?;
    }
    Ok(response)
}

/// The reply when something broke on our side.
pub fn reply_internal(security: &SecurityHeaders) -> Result<Response> {
    respond(
        &Reply::error(ApiError::new(
            ErrorCode::Internal,
            "something went wrong; nothing was changed",
        )),
        security,
    )
}

/// Answers a CORS preflight.
pub fn preflight(security: &SecurityHeaders) -> Result<Response> {
    let mut response = Response::empty()?.with_status(204);
    let headers = response.headers_mut();
    for (name, value) in security.preflight_headers() {
        headers.set(name, &value)?;
    }
    Ok(response)
}

/// `GET /v1/health`: the edge is up and configured.
pub fn health(security: &SecurityHeaders) -> Result<Response> {
    secured(
        Response::from_json(&serde_json::json!({ "status": "ok" }))?,
        security,
    )
}

/// Sends `command` to a user's Durable Object and reads its answer, telling it the policy
/// version the worker decided with so that the object uses the same one.
pub async fn call_user_state<C: serde::Serialize, T: serde::de::DeserializeOwned>(
    stub: &worker::Stub,
    command: &C,
    policy_version: u32,
) -> Result<T> {
    let headers = worker::Headers::new();
    headers.set(
        crate::policy_store::VERSION_HEADER,
        &policy_version.to_string(),
    )?;
    let mut init = worker::RequestInit::new();
    init.with_method(worker::Method::Post)
        .with_headers(headers)
        .with_body(Some(serde_json::to_string(command)?.into()));
    let request = Request::new_with_init("https://user-state/command", &init)?;
    let mut response = stub.fetch_with_request(request).await?;
    response.json().await
}

/// Reads a JSON body of bounded size.
pub async fn read_json<T: serde::de::DeserializeOwned>(
    req: &mut Request,
) -> Result<std::result::Result<T, Reply>> {
    read_json_within(req, sspr_core::api::MAX_REQUEST_BYTES).await
}

/// Reads a JSON body of at most `limit` bytes.
pub async fn read_json_within<T: serde::de::DeserializeOwned>(
    req: &mut Request,
    limit: usize,
) -> Result<std::result::Result<T, Reply>> {
    let declared = req
        .headers()
        .get("Content-Length")?
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|len| len > limit) {
        return Ok(Err(http::too_large_for(limit)));
    }
    let content_type = req.headers().get("Content-Type")?;
    let body = req.bytes().await?;
    Ok(http::parse_json_within(
        content_type.as_deref(),
        &body,
        limit,
    ))
}

/// Where a request came from, for the audit log: the client IP Cloudflare reports
/// (`CF-Connecting-IP`, keyed-hashed) and the user agent.
pub fn audit_origin(req: &Request, config: &Config) -> RequestOrigin {
    let header = |name: &str| req.headers().get(name).ok().flatten();
    RequestOrigin::new(
        &config.tenant,
        &config.audit_hash_key,
        header("CF-Connecting-IP").as_deref(),
        header("User-Agent").as_deref(),
    )
}
