//! The approver side of a user's Durable Object: the phone pairs itself with a pairing code,
//! then asks for the open approval request and answers it with requests it signs (ES256,
//! checked with [`crate::oidc::verify_signature`], the ID tokens' verifier). Core decides
//! ([`sspr_core::methods::approver`], [`sspr_core::flow::ResetFlow::answer_approval`]); this
//! module loads, saves and audits.
//!
//! How a phone's request finds this object: the pairing code and the device id are both
//! [`FlowToken`]-shaped (random bits followed by this object's id), so the worker routes them
//! here as it routes flow tokens, with no lookup table. Neither is trusted for that: the
//! pairing code must match the hash stored here, and a signed request must verify with the
//! key paired here under that device id, so a forged id only reaches an object that refuses
//! it. The phone's requests name no user, so the user's id (the sealed row's associated
//! data) and where notices go are kept in [`OWNER_TABLE`] when a signed-in user asks for a
//! pairing code; the nonces of signed requests are kept in [`NONCES_TABLE`].

use serde::{Deserialize, Serialize};
use sspr_core::UnixMillis;
use sspr_core::api::{
    ApiError, ApprovalAnswer, ApproverAction, ApproverClaims, ApproverJwk, ApproverReply,
    ErrorCode, RegistrationView,
};
use sspr_core::flow::{FlowError, Notice, Stage};
use sspr_core::methods::approver::{ApproverKey, PushEndpoint, ReplayGuard};
use sspr_core::policy::Method;
use sspr_core::registration::Registrant;
use sspr_core::token::FlowToken;
use worker::Result;

use super::{Registering, UserState, user_of};
use crate::audit::{self, AuditEvent, EventKind, Scope};
use crate::config::Config;
use crate::notices::{self, Notify};
use crate::oidc::{self, Jwks};
use crate::random;

/// The table naming the user whose approver this object pairs.
pub(super) const OWNER_TABLE: &str = "approver_owner";
/// The table of the nonces of recent signed requests.
pub(super) const NONCES_TABLE: &str = "approver_nonces";

/// Whose approver this object pairs, kept when the user asks for a pairing code: the
/// signed-in user as the worker found them then (so that pairing, up to 10 minutes later,
/// can settle their registration as adding any method does), and where notices go.
#[derive(Serialize, Deserialize)]
pub struct ApproverOwner {
    pub user: Registering,
    /// Where the notice of a paired phone goes (the user's address for notices).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notify: Option<String>,
}

/// What the phone asks, as the worker forwards it.
#[derive(Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum ApproverOp {
    Pair {
        pairing: String,
        name: String,
        key: ApproverJwk,
    },
    Pending {
        signed: String,
    },
    Answer {
        signed: String,
    },
    Push {
        signed: String,
    },
    /// The push service said the phone's subscription at `endpoint` no longer exists (sent
    /// by the worker after a push; no route builds it from a request).
    PushGone {
        endpoint: String,
    },
}

/// Which signed route a request came to: its action must be that route's.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SignedRoute {
    Pending,
    Answer,
    Push,
}

impl SignedRoute {
    fn of(action: &ApproverAction) -> SignedRoute {
        match action {
            ApproverAction::Pending => SignedRoute::Pending,
            ApproverAction::Answer { .. } => SignedRoute::Answer,
            ApproverAction::Push { .. } => SignedRoute::Push,
        }
    }

    fn path(self) -> &'static str {
        match self {
            SignedRoute::Pending => "/v1/approver/pending",
            SignedRoute::Answer => "/v1/approver/answer",
            SignedRoute::Push => "/v1/approver/push",
        }
    }
}

/// The reply's Web Push fields for a phone whose push endpoint is `push`: whether it is woken,
/// and the key to subscribe with, when the edge sends Web Push.
fn push_fields(config: &Config, push: Option<&PushEndpoint>) -> ApproverReply {
    ApproverReply {
        push: config.web_push.as_ref().map(|_| push.is_some()),
        push_key: config.web_push.as_ref().map(|w| w.public_key.clone()),
        ..ApproverReply::default()
    }
}

/// The reply for the phone, and what the worker writes and sends after replying.
#[derive(Serialize, Deserialize)]
pub struct ApproverOutcome {
    pub reply: ApproverReply,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audit: Vec<AuditEvent>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<Notify>,
    /// After a pairing: the user's registration as it now stands, for their row of the
    /// registration report (as after their own registration requests).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration: Option<RegisteredView>,
}

/// A user's registration view, by their directory id.
#[derive(Serialize, Deserialize)]
pub struct RegisteredView {
    pub user_id: String,
    pub view: RegistrationView,
}

impl ApproverOutcome {
    /// A reply with nothing to say, and nothing to write or send.
    fn empty() -> Self {
        ApproverOutcome {
            reply: ApproverReply::default(),
            audit: Vec::new(),
            notices: Vec::new(),
            registration: None,
        }
    }

    fn refused(error: ApiError) -> Self {
        ApproverOutcome {
            reply: ApproverReply::error(error),
            audit: Vec::new(),
            notices: Vec::new(),
            registration: None,
        }
    }
}

/// The push endpoint a phone asked for (`None`: no more pushes), checked against the push
/// services the edge allows; refused when the edge sends no Web Push.
fn push_endpoint(
    config: &Config,
    endpoint: Option<&str>,
) -> std::result::Result<Option<PushEndpoint>, ApiError> {
    let Some(endpoint) = endpoint else {
        return Ok(None);
    };
    let Some(settings) = &config.web_push else {
        return Err(ApiError::new(
            ErrorCode::BadRequest,
            "this server sends no Web Push; keep the approver page open to see requests",
        ));
    };
    PushEndpoint::parse(endpoint, &settings.services)
        .map(Some)
        .map_err(ApiError::from)
}

/// The refusal of a signed request that does not verify, whatever the reason, so a caller
/// learns nothing about which devices exist.
pub fn signature_invalid() -> ApiError {
    ApiError::new(
        ErrorCode::SignatureInvalid,
        "the request is not signed by a paired phone",
    )
}

/// The paired key as a JWKS of one key named by the device id, for the shared verifier.
/// Empty when the point is not on the curve.
fn device_jwks(key: &ApproverKey, device_id: &str) -> Jwks {
    let mut jwk = key.jwk();
    jwk["kid"] = serde_json::Value::String(device_id.to_owned());
    Jwks::parse(&serde_json::json!({ "keys": [jwk] }).to_string()).unwrap_or_default()
}

impl UserState {
    /// `Command::Approver`: one request of the user's phone.
    pub(super) fn approver(
        &self,
        config: &Config,
        now: UnixMillis,
        op: ApproverOp,
    ) -> Result<ApproverOutcome> {
        match op {
            ApproverOp::Pair { pairing, name, key } => self.pair(config, now, &pairing, &name, key),
            ApproverOp::Pending { signed } => {
                self.signed(config, now, &signed, SignedRoute::Pending)
            }
            ApproverOp::Answer { signed } => self.signed(config, now, &signed, SignedRoute::Answer),
            ApproverOp::Push { signed } => self.signed(config, now, &signed, SignedRoute::Push),
            ApproverOp::PushGone { endpoint } => self.push_gone(config, &endpoint),
        }
    }

    /// Forgets the phone's push endpoint if it is still `endpoint` (the phone may have
    /// subscribed again meanwhile).
    fn push_gone(&self, config: &Config, endpoint: &str) -> Result<ApproverOutcome> {
        let Some(owner) = self.read::<ApproverOwner>(OWNER_TABLE)? else {
            return Ok(ApproverOutcome::empty());
        };
        let mut registrations = self.load_registrations(config, &owner.user.user_id)?;
        if let Some(device) = registrations.approver.as_mut()
            && device.push.as_ref().map(PushEndpoint::as_str) == Some(endpoint)
        {
            device.push = None;
            self.save_registrations(config, &owner.user.user_id, &registrations)?;
        }
        Ok(ApproverOutcome::empty())
    }

    fn pair(
        &self,
        config: &Config,
        now: UnixMillis,
        pairing: &str,
        name: &str,
        key: ApproverJwk,
    ) -> Result<ApproverOutcome> {
        let pairing_invalid = || {
            ApproverOutcome::refused(
                sspr_core::methods::approver::ApproverError::PairingInvalid.into(),
            )
        };
        let Some(owner) = self.read::<ApproverOwner>(OWNER_TABLE)? else {
            return Ok(pairing_invalid());
        };
        // While a report pauses changes to the user's methods, no phone pairs.
        if let Some(until) = self.held_until(now)? {
            return Ok(ApproverOutcome::refused(super::reported_compromise(until)));
        }
        let key = match ApproverKey::from_jwk(&key.kty, &key.crv, &key.x, &key.y) {
            Ok(key) => key,
            Err(err) => return Ok(ApproverOutcome::refused(err.into())),
        };
        let mut registrations = self.load_registrations(config, &owner.user.user_id)?;
        let object = hex::decode(self.state.id().to_string())
            .map_err(|_| worker::Error::RustError("a Durable Object id is hex".into()))?;
        let device_id = FlowToken::new(object, &mut random::fill).encode();
        if device_jwks(&key, &device_id).is_empty() {
            return Ok(ApproverOutcome::refused(
                sspr_core::methods::approver::ApproverError::KeyInvalid.into(),
            ));
        }
        match registrations.pair(pairing, name, key, device_id.clone(), now) {
            Ok(method) => {
                let user = &owner.user;
                let who = Registrant {
                    username: &user.username,
                    display_name: user.display_name.as_deref(),
                    facts: &user.facts,
                    directory: &user.directory,
                    sms_available: config.sms.is_some(),
                };
                // Registering enough methods confirms them, as for any other method.
                let confirmed = config
                    .policy
                    .settle_registration(&who, &mut registrations, now);
                self.save_registrations(config, &owner.user.user_id, &registrations)?;
                let view = config
                    .policy
                    .registration_view(&who, &registrations, now, false);
                // A new phone starts with no nonces of its own.
                self.write(NONCES_TABLE, &ReplayGuard::default())?;
                let scope = Scope {
                    now,
                    kind: sspr_core::flow::FlowKind::Reset,
                    user_id: Some(owner.user.user_id.clone()),
                    flow_id: None,
                };
                let notices = config
                    .policy
                    .method_change_notice(
                        Notice::MethodAdded(method),
                        owner.notify.as_deref(),
                        owner.user.language,
                    )
                    .map(|effect| notices::from_effects([effect], now))
                    .unwrap_or_default();
                if !notices.is_empty() {
                    self.remember_name(&owner.user)?;
                }
                let notices = self.with_report_links(config, &owner.user.user_id, notices, now)?;
                Ok(ApproverOutcome {
                    reply: ApproverReply {
                        device: Some(device_id),
                        ..push_fields(config, None)
                    },
                    audit: [
                        scope.registration(EventKind::ApproverPaired, Some(method), "ok"),
                        scope.registration(EventKind::MethodAdded, Some(method), "ok"),
                    ]
                    .into_iter()
                    .chain(
                        confirmed.then(|| {
                            scope.registration(EventKind::RegistrationConfirmed, None, "ok")
                        }),
                    )
                    .collect(),
                    notices,
                    registration: Some(RegisteredView {
                        user_id: owner.user.user_id.clone(),
                        view,
                    }),
                })
            }
            Err(err) => Ok(ApproverOutcome::refused((&err).into())),
        }
    }

    /// A signed request: verified, fresh and new, then answered.
    fn signed(
        &self,
        config: &Config,
        now: UnixMillis,
        signed: &str,
        route: SignedRoute,
    ) -> Result<ApproverOutcome> {
        let Some(owner) = self.read::<ApproverOwner>(OWNER_TABLE)? else {
            return Ok(ApproverOutcome::refused(signature_invalid()));
        };
        let mut registrations = self.load_registrations(config, &owner.user.user_id)?;
        let Some(mut device) = registrations.approver.clone() else {
            return Ok(ApproverOutcome::refused(signature_invalid()));
        };
        let jwks = device_jwks(&device.key, &device.id);
        let payload = match oidc::verify_signature(signed, &jwks) {
            Ok((Some(kid), payload)) if kid == device.id => payload,
            _ => return Ok(ApproverOutcome::refused(signature_invalid())),
        };
        let claims: ApproverClaims = match serde_json::from_slice(&payload) {
            Ok(claims) => claims,
            Err(_) => {
                return Ok(ApproverOutcome::refused(ApiError::new(
                    ErrorCode::BadRequest,
                    "the signed payload is not an approver request",
                )));
            }
        };
        if claims.device != device.id {
            return Ok(ApproverOutcome::refused(signature_invalid()));
        }
        let own = SignedRoute::of(&claims.action);
        if own != route {
            return Ok(ApproverOutcome::refused(ApiError::new(
                ErrorCode::BadRequest,
                format!("this signed action belongs to {}", own.path()),
            )));
        }
        let mut guard: ReplayGuard = self.read(NONCES_TABLE)?.unwrap_or_default();
        if let Err(err) = guard.admit(&claims.nonce, claims.signed_at, now) {
            return Ok(ApproverOutcome::refused(err.into()));
        }
        self.write(NONCES_TABLE, &guard)?;
        device.last_used_at = Some(now);
        if let ApproverAction::Push { endpoint } = &claims.action {
            match push_endpoint(config, endpoint.as_deref()) {
                Ok(push) => device.push = push,
                Err(refused) => return Ok(ApproverOutcome::refused(refused)),
            }
        }
        let fields = push_fields(config, device.push.as_ref());
        registrations.approver = Some(device);
        self.save_registrations(config, &owner.user.user_id, &registrations)?;
        let mut outcome = match claims.action {
            ApproverAction::Pending => self.pending_request(now)?,
            ApproverAction::Answer { challenge, answer } => {
                return self.answer(config, now, &challenge, answer);
            }
            ApproverAction::Push { .. } => ApproverOutcome::empty(),
        };
        outcome.reply.push = fields.push;
        outcome.reply.push_key = fields.push_key;
        Ok(outcome)
    }

    /// The open approval request, if any; one that lapsed meanwhile sends the flow back to
    /// the choice.
    fn pending_request(&self, now: UnixMillis) -> Result<ApproverOutcome> {
        let mut request = None;
        if let Some(mut flow) = self.load()?.filter(|flow| now < flow.expires_at()) {
            if flow.lapse_approval(now) {
                self.save(&flow)?;
            }
            request = flow.approval_request(now);
        }
        Ok(ApproverOutcome {
            reply: ApproverReply {
                request,
                ..ApproverReply::default()
            },
            audit: Vec::new(),
            notices: Vec::new(),
            registration: None,
        })
    }

    /// The phone's answer. A denial or a wrong number is a failed proof, counted like a
    /// wrong code.
    fn answer(
        &self,
        config: &Config,
        now: UnixMillis,
        challenge: &str,
        answer: ApprovalAnswer,
    ) -> Result<ApproverOutcome> {
        let no_request = || ApproverOutcome::refused((&FlowError::NoApprovalPending).into());
        let mut throttle = self.load_throttle()?;
        if let Err(blocked) = throttle.check_blocked(now) {
            let error = blocked.reply().error.unwrap_or_else(|| {
                ApiError::new(ErrorCode::Locked, "too many failed proofs; try again later")
            });
            return Ok(ApproverOutcome::refused(error));
        }
        let Some(mut flow) = self.load()?.filter(|flow| now < flow.expires_at()) else {
            return Ok(no_request());
        };
        let scope = Scope {
            now,
            kind: flow.kind(),
            user_id: user_of(flow.subject()),
            flow_id: Some(audit::flow_id(flow.token_hash())),
        };
        let picked = match answer {
            ApprovalAnswer::Pick { number } => Some(number),
            ApprovalAnswer::Deny => None,
        };
        let method = Some(Method::AppNotification);
        match flow.answer_approval(challenge, picked, now) {
            Ok(()) => {
                self.save(&flow)?;
                let mut events = scope.proof(method, Ok(()), 0, None);
                events.push(scope.approval(EventKind::ApprovalApproved, "ok"));
                Ok(ApproverOutcome {
                    reply: ApproverReply {
                        approved: Some(true),
                        ..ApproverReply::default()
                    },
                    audit: events,
                    notices: Vec::new(),
                    registration: None,
                })
            }
            Err(err) if err.is_failed_proof() => {
                let failed_proofs = throttle.failures(now) as u32 + 1;
                let counted = throttle.record_failure(&config.policy.limits(), now);
                self.save_throttle(&throttle)?;
                let blocked_until = match counted {
                    Err(sspr_core::throttle::Throttled::Blocked { until }) => Some(until),
                    _ => None,
                };
                let outcome = if picked.is_none() {
                    "denied"
                } else {
                    "wrong_number"
                };
                let mut events = vec![scope.approval(EventKind::ApprovalDenied, outcome)];
                events.extend(scope.proof(method, Err(&err), failed_proofs, blocked_until));
                if counted.is_ok() {
                    self.save(&flow)?;
                } else {
                    self.delete()?;
                }
                Ok(ApproverOutcome {
                    audit: events,
                    ..ApproverOutcome::refused((&err).into())
                })
            }
            Err(FlowError::NoApprovalPending) => Ok(no_request()),
            Err(err) => {
                // Expired: the flow went back to the choice, with why.
                if !matches!(flow.stage(), Stage::AwaitApproval { .. }) {
                    self.save(&flow)?;
                }
                Ok(ApproverOutcome::refused((&err).into()))
            }
        }
    }
}
