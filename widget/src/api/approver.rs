//! The approver's routes (`/v1/approver/…`), called by the page on the user's phone: it
//! pairs itself once with the code from the registration screen's QR code, then asks for
//! the open approval request and answers it, each request signed with its key (see
//! [`crate::keystore`]). Every route answers an [`ApproverReply`], errors included.

use sspr_core::api::{ApproverReply, PairRequest, SignedRequest};

use super::{ClientError, LANGUAGE_HEADER};

/// One approver request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApproverCall {
    /// `POST /v1/approver/pair`.
    Pair(PairRequest),
    /// `POST /v1/approver/pending`, signed.
    Pending(SignedRequest),
    /// `POST /v1/approver/answer`, signed.
    Answer(SignedRequest),
    /// `POST /v1/approver/push`, signed.
    Push(SignedRequest),
}

impl ApproverCall {
    /// The route's path under the edge's base URL.
    pub fn path(&self) -> &'static str {
        match self {
            ApproverCall::Pair(_) => "/v1/approver/pair",
            ApproverCall::Pending(_) => "/v1/approver/pending",
            ApproverCall::Answer(_) => "/v1/approver/answer",
            ApproverCall::Push(_) => "/v1/approver/push",
        }
    }

    /// The JSON body.
    pub fn body(&self) -> serde_json::Value {
        match self {
            ApproverCall::Pair(request) => serde_json::to_value(request),
            ApproverCall::Pending(signed)
            | ApproverCall::Answer(signed)
            | ApproverCall::Push(signed) => serde_json::to_value(signed),
        }
        .unwrap_or_default()
    }
}

/// Sends `call` to the edge at `base` in the page's language `lang`, and reads the reply.
pub async fn send(
    base: &str,
    lang: &str,
    call: &ApproverCall,
) -> Result<ApproverReply, ClientError> {
    let url = format!("{}{}", base.trim_end_matches('/'), call.path());
    let response = gloo_net::http::Request::post(&url)
        .header(LANGUAGE_HEADER, lang)
        .json(&call.body())
        .map_err(|_| ClientError::Unreadable)?
        .send()
        .await
        .map_err(|_| ClientError::Network)?;
    response
        .json::<ApproverReply>()
        .await
        .map_err(|_| ClientError::Unreadable)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sspr_core::api::ApproverJwk;

    #[test]
    fn the_pairing_goes_to_its_route_with_the_documented_body() {
        let call = ApproverCall::Pair(PairRequest {
            pairing: "code".into(),
            name: "Pixel".into(),
            key: ApproverJwk {
                kty: "EC".into(),
                crv: "P-256".into(),
                x: "x".into(),
                y: "y".into(),
            },
        });
        assert_eq!(call.path(), "/v1/approver/pair");
        assert_eq!(
            call.body(),
            serde_json::json!({"pairing": "code", "name": "Pixel",
                "key": {"kty": "EC", "crv": "P-256", "x": "x", "y": "y"}})
        );
        let signed = ApproverCall::Answer(SignedRequest {
            signed: "a.b.c".into(),
        });
        assert_eq!(signed.path(), "/v1/approver/answer");
        assert_eq!(signed.body(), serde_json::json!({"signed": "a.b.c"}));
    }
}
