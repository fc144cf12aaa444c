//! [`HumanCheck`] over HTTP: Cloudflare's siteverify (or the URL `TURNSTILE_VERIFY_URL`
//! names), cut off after [`VERIFY_TIMEOUT_MS`](super::VERIFY_TIMEOUT_MS).

use super::{HumanCheck, SiteverifyRequest, VERIFY_TIMEOUT_MS};
use crate::outbound;

/// Siteverify at `url`.
pub struct Siteverify<'a> {
    pub url: &'a str,
}

impl HumanCheck for Siteverify<'_> {
    async fn siteverify(&self, request: &SiteverifyRequest<'_>) -> Result<(u16, String), String> {
        let body = serde_json::to_string(request).map_err(|err| err.to_string())?;
        let answer = outbound::post_json_within(self.url, body, VERIFY_TIMEOUT_MS)
            .await
            .map_err(|err| err.to_string())?;
        Ok((answer.status, answer.body))
    }
}
