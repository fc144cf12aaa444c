//! Wire types of the approver, the phone that answers app notifications (see
//! [`crate::methods::approver`] for the rules). The phone pairs once with the pairing code
//! from the registration screen, then signs each request with its P-256 key: the body is
//! `{"signed": "<compact JWS>"}`, an ES256 JWS whose header's `kid` is the device id and
//! whose payload is an [`ApproverClaims`]. Every approver route answers an [`ApproverReply`].

use serde::{Deserialize, Serialize};

use super::ApiError;
use crate::UnixMillis;
use crate::flow::FlowKind;

/// A public key as a JWK (what WebCrypto's `exportKey("jwk", …)` gives; other members, such
/// as `key_ops` and `ext`, are ignored).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApproverJwk {
    /// `EC`.
    pub kty: String,
    /// `P-256`.
    pub crv: String,
    /// The point's x coordinate, unpadded base64url of 32 bytes.
    pub x: String,
    /// The point's y coordinate, unpadded base64url of 32 bytes.
    pub y: String,
}

/// `POST /v1/approver/pair`: the phone pairs itself with the code the registration screen
/// showed.
///
/// ```
/// use sspr_core::api::PairRequest;
///
/// let body = r#"{"pairing":"q83v…","name":"Alice's Pixel",
///   "key":{"kty":"EC","crv":"P-256","x":"f83O…","y":"x_FE…","ext":true}}"#;
/// let request: PairRequest = serde_json::from_str(body).unwrap();
/// assert_eq!(request.key.crv, "P-256");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairRequest {
    /// The pairing code, from the QR code's URI (`…#pair=<code>`).
    pub pairing: String,
    /// A name for the phone, shown on the registration screen (1–64 characters).
    pub name: String,
    /// The public half of the key the phone signs its requests with.
    pub key: ApproverJwk,
}

/// `POST /v1/approver/pending` and `/v1/approver/answer`: a request signed by the phone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignedRequest {
    /// A compact JWS (`header.payload.signature`): header `{"alg":"ES256","kid":<device id>}`,
    /// payload an [`ApproverClaims`], signed with the phone's key.
    pub signed: String,
}

impl SignedRequest {
    /// The JWS signing input the phone signs for `claims`: the base64url (unpadded) of the
    /// header `{"alg":"ES256","kid":<device>}` and of the claims, joined by a dot.
    ///
    /// ```
    /// use base64::Engine as _;
    /// use sspr_core::api::{ApproverAction, ApproverClaims, SignedRequest};
    ///
    /// let claims = ApproverClaims::new("d1", 1_700_000_000_000, [7; 16], ApproverAction::Pending);
    /// let input = SignedRequest::signing_input(&claims);
    /// let (header, _) = input.split_once('.').unwrap();
    /// let header = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(header).unwrap();
    /// assert_eq!(header, br#"{"alg":"ES256","kid":"d1"}"#);
    /// ```
    pub fn signing_input(claims: &ApproverClaims) -> String {
        let header = serde_json::json!({"alg": "ES256", "kid": claims.device});
        format!(
            "{}.{}",
            b64url(header.to_string().as_bytes()),
            b64url(serde_json::to_string(claims).unwrap_or_default().as_bytes())
        )
    }

    /// The compact JWS: `signing_input` and the ES256 signature over it (the 64 bytes
    /// `r ‖ s`, which WebCrypto's ECDSA gives).
    pub fn compact(signing_input: &str, signature: &[u8]) -> SignedRequest {
        SignedRequest {
            signed: format!("{signing_input}.{}", b64url(signature)),
        }
    }
}

fn b64url(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// What a signed request says, inside its JWS.
///
/// ```
/// use sspr_core::api::{ApprovalAnswer, ApproverAction, ApproverClaims};
///
/// let claims: ApproverClaims = serde_json::from_str(r#"{"device":"d1","signed_at":1700000000000,
///   "nonce":"n0123456789abcdef","action":{"kind":"answer","challenge":"c1","answer":{"kind":"pick","number":42}}}"#).unwrap();
/// assert_eq!(
///     claims.action,
///     ApproverAction::Answer { challenge: "c1".into(), answer: ApprovalAnswer::Pick { number: 42 } },
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApproverClaims {
    /// The device id the pairing returned (the same as the header's `kid`).
    pub device: String,
    /// When the phone signed it, Unix milliseconds; refused beyond 5 minutes either way.
    pub signed_at: UnixMillis,
    /// 16–64 characters of `[A-Za-z0-9_-]`, new for every request.
    pub nonce: String,
    /// What the phone asks.
    pub action: ApproverAction,
}

impl ApproverClaims {
    /// The claims of a request `device` signs at `signed_at`, with a nonce made of 16
    /// random bytes (22 base64url characters, within the 16–64 the edge accepts).
    pub fn new(
        device: &str,
        signed_at: UnixMillis,
        nonce: [u8; 16],
        action: ApproverAction,
    ) -> ApproverClaims {
        ApproverClaims {
            device: device.to_owned(),
            signed_at,
            nonce: b64url(&nonce),
            action,
        }
    }
}

/// What a signed request asks; it must match the route it is sent to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ApproverAction {
    /// `/v1/approver/pending`: the open approval request, if any.
    Pending,
    /// `/v1/approver/answer`: the user's answer to the request `challenge`.
    Answer {
        /// The [`ApprovalRequest::challenge`] answered.
        challenge: String,
        /// The number tapped, or a denial.
        answer: ApprovalAnswer,
    },
    /// `/v1/approver/push`: wake the phone with a Web Push message at this subscription's
    /// endpoint whenever an approval is asked; `None` stops it.
    Push {
        /// The `endpoint` of the browser's `PushSubscription`.
        #[serde(default)]
        endpoint: Option<String>,
    },
}

/// The user's answer on the phone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ApprovalAnswer {
    /// The user tapped this number, one of [`ApprovalRequest::choices`].
    Pick {
        /// The number tapped.
        number: u8,
    },
    /// The user said it was not them.
    Deny,
}

/// An open approval request, as the phone shows it. It never carries the flow token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalRequest {
    /// Names this request in the answer.
    pub challenge: String,
    /// What is asked: a password reset or an account unlock.
    pub kind: FlowKind,
    /// When the reset asked for the approval.
    pub requested_at: UnixMillis,
    /// When the request lapses (2 minutes after it was sent).
    pub expires_at: UnixMillis,
    /// The numbers to offer, in this order; the reset screen shows one of them.
    pub choices: [u8; 3],
}

/// Every approver route's reply.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ApproverReply {
    /// `/v1/approver/pair`: the new device's id, to put in every signed request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<String>,
    /// `/v1/approver/pending`: the open request; absent when none is open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<ApprovalRequest>,
    /// `/v1/approver/answer`: `true` once the approval was accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved: Option<bool>,
    /// `/v1/approver/pair`, `pending` and `push`: whether a push wakes this phone for each
    /// approval request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub push: Option<bool>,
    /// The application server key to subscribe with (`applicationServerKey`, the edge's
    /// VAPID public key, RFC 8292: an uncompressed P-256 point, unpadded base64url), when
    /// the edge sends Web Push.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub push_key: Option<String>,
    /// Why the request was refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ApiError>,
}

impl ApproverReply {
    /// A refusal.
    pub fn error(error: ApiError) -> Self {
        ApproverReply {
            error: Some(error),
            ..ApproverReply::default()
        }
    }

    /// The HTTP status: the error's, or 200.
    pub fn status(&self) -> u16 {
        self.error.as_ref().map_or(200, |e| e.code.status())
    }
}

/// The paired approver, as the registration screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairedApprover {
    /// The name the user gave it.
    pub name: String,
    /// When it was paired.
    pub paired_at: UnixMillis,
    /// When it last answered, if ever.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_used_at: Option<UnixMillis>,
}

/// A pairing code waiting for the phone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairingOffer {
    /// The URI to show as a QR code (`<approver page>#pair=<code>`); present only in the
    /// reply of `POST /v1/register/app` that created it, never again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// When the code stops working (10 minutes after it was made).
    pub expires_at: UnixMillis,
}

/// The URI of a pairing code: the approver page's configured URL with the code in its
/// fragment, which browsers never send to a server.
///
/// ```
/// use sspr_core::api::PairingOffer;
///
/// assert_eq!(
///     PairingOffer::uri_for("https://sspr.example.com/approver/", "q83v"),
///     "https://sspr.example.com/approver/#pair=q83v",
/// );
/// ```
impl PairingOffer {
    /// `approver_url#pair=code`.
    pub fn uri_for(approver_url: &str, code: &str) -> String {
        format!("{approver_url}#pair={code}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signed_request_carries_the_claims_and_the_signature_as_base64url() {
        use base64::Engine as _;
        let claims = ApproverClaims::new(
            "dev-1",
            42,
            [0xfb; 16],
            ApproverAction::Answer {
                challenge: "c".into(),
                answer: ApprovalAnswer::Deny,
            },
        );
        assert_eq!(claims.nonce.len(), 22);
        assert!(
            claims
                .nonce
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        );
        let input = SignedRequest::signing_input(&claims);
        let request = SignedRequest::compact(&input, &[0xff; 64]);
        let parts: Vec<&str> = request.signed.split('.').collect();
        assert_eq!(parts.len(), 3);
        let decode = |part: &str| {
            base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(part)
                .unwrap()
        };
        let payload: ApproverClaims = serde_json::from_slice(&decode(parts[1])).unwrap();
        assert_eq!(payload, claims);
        assert_eq!(decode(parts[2]), vec![0xff; 64]);
    }

    #[test]
    fn a_deny_travels_without_a_number() {
        let json = serde_json::to_value(ApprovalAnswer::Deny).unwrap();
        assert_eq!(json, serde_json::json!({"kind": "deny"}));
    }

    #[test]
    fn claims_with_unknown_fields_are_refused() {
        let parsed: Result<ApproverClaims, _> = serde_json::from_str(
            r#"{"device":"d","signed_at":1,"nonce":"n","action":{"kind":"pending"},"flow":"x"}"#,
        );
        assert!(parsed.is_err());
    }

    #[test]
    fn an_empty_reply_is_200_and_an_error_carries_its_status() {
        assert_eq!(ApproverReply::default().status(), 200);
        let refused = ApproverReply::error(ApiError::new(
            super::super::ErrorCode::RequestReplayed,
            "again",
        ));
        assert_eq!(refused.status(), 409);
    }
}
