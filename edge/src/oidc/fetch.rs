//! Finding the issuer's keys and checking a token with them: `OIDC_JWKS_URL`, or the
//! discovery document's `jwks_uri`, then the JWKS, each kept in the isolate for its
//! `Cache-Control: max-age` (see [`super::cache`]). A token whose `kid` the cached keys lack
//! refetches the JWKS once, at most once a minute, for key rotation. Fetch failures fail
//! closed: no stale keys are used.

use std::cell::RefCell;
use std::rc::Rc;

use serde::Deserialize;
use sspr_core::UnixMillis;

use super::cache::{TtlCache, max_age_ms};
use super::settings::{OidcConfig, check_url};
use super::{IdToken, Jwks, OidcError};
use crate::outbound;

/// How long one call to the issuer may take, body included.
pub const TIMEOUT_MS: u32 = 5_000;
/// Largest discovery document or JWKS read.
pub const MAX_DOCUMENT_BYTES: usize = 64 * 1024;

thread_local! {
    // One isolate runs one request at a time between awaits, and no borrow is held across
    // one, so a RefCell is enough.
    static JWKS_URIS: RefCell<TtlCache<String>> = RefCell::default();
    static KEYS: RefCell<TtlCache<Rc<Jwks>>> = RefCell::default();
}

/// Verifies an ID token with the issuer's current keys (see [`super::verify`]).
pub async fn authenticate(
    token: &str,
    config: &OidcConfig,
    now: UnixMillis,
) -> Result<IdToken, OidcError> {
    // Refuse what no key could help with before calling anyone.
    let kid = super::key_id(token)?;
    let url = jwks_url(config, now).await?;
    let keys = match KEYS.with_borrow(|cache| cache.get(&url, now)) {
        Some(keys) => keys,
        None => fetch_jwks(&url, now).await?,
    };
    match super::verify(token, &keys, &config.settings, now) {
        Err(OidcError::UnknownKey { .. })
            if kid.as_deref().is_some_and(|kid| !keys.has_kid(kid))
                && KEYS.with_borrow(|cache| cache.may_refetch(&url, now)) =>
        {
            let keys = fetch_jwks(&url, now).await?;
            super::verify(token, &keys, &config.settings, now)
        }
        verified => verified,
    }
}

/// `OIDC_JWKS_URL`, or the `jwks_uri` of the issuer's discovery document.
async fn jwks_url(config: &OidcConfig, now: UnixMillis) -> Result<String, OidcError> {
    if let Some(url) = &config.jwks_url {
        return Ok(url.clone());
    }
    let discovery = config.discovery_url();
    if let Some(url) = JWKS_URIS.with_borrow(|cache| cache.get(&discovery, now)) {
        return Ok(url);
    }
    #[derive(Deserialize)]
    struct Discovery {
        issuer: String,
        jwks_uri: String,
    }
    let (body, max_age) = get(&discovery).await?;
    let doc: Discovery = serde_json::from_str(&body).map_err(|_| {
        OidcError::KeysUnavailable("the discovery document has no issuer and jwks_uri".into())
    })?;
    // OpenID Connect Discovery §4.3: the document must be the configured issuer's.
    if doc.issuer != config.settings.issuer {
        return Err(OidcError::KeysUnavailable(
            "the discovery document names another issuer".into(),
        ));
    }
    check_url("jwks_uri", &doc.jwks_uri, false)
        .map_err(|err| OidcError::KeysUnavailable(err.to_string()))?;
    JWKS_URIS.with_borrow_mut(|cache| cache.put(&discovery, doc.jwks_uri.clone(), now, max_age));
    Ok(doc.jwks_uri)
}

async fn fetch_jwks(url: &str, now: UnixMillis) -> Result<Rc<Jwks>, OidcError> {
    let (body, max_age) = get(url).await?;
    let keys = Rc::new(Jwks::parse(&body).map_err(OidcError::KeysUnavailable)?);
    KEYS.with_borrow_mut(|cache| cache.put(url, keys.clone(), now, max_age));
    Ok(keys)
}

/// A JSON document and how long it may be kept.
async fn get(url: &str) -> Result<(String, UnixMillis), OidcError> {
    let unavailable = |reason: String| OidcError::KeysUnavailable(format!("{url}: {reason}"));
    let answer =
        outbound::get_with_timeout(url, "application/json", TIMEOUT_MS, &["cache-control"])
            .await
            .map_err(|err| unavailable(err.to_string()))?;
    if answer.status != 200 {
        return Err(unavailable(format!("status {}", answer.status)));
    }
    if answer.body.len() > MAX_DOCUMENT_BYTES {
        return Err(unavailable(format!("more than {MAX_DOCUMENT_BYTES} bytes")));
    }
    let max_age = max_age_ms(answer.header("cache-control"));
    Ok((answer.body, max_age))
}
