//! The registration side of a user's Durable Object: what the user registered (core's
//! [`Registrations`]), kept as one row sealed with AES-256-GCM ([`crate::sealed`]) under the
//! user's id, so TOTP secrets, answer hashes and addresses never rest in plain text. Flow
//! expiry deletes only the flow table; this row stays until the user changes it.
//!
//! Each request loads the row, asks core, saves, and hands the worker the view, the code to
//! send (if any) and the audit events. SQLite calls are synchronous and no `await` separates
//! loading from saving, so requests on one user never interleave.

use serde::{Deserialize, Serialize};
use sspr_core::UnixMillis;
use sspr_core::api::{
    AnswerEntry, ApiError, ApproverView, Channel, ErrorCode, PairingOffer, RegistrationView,
};
use sspr_core::flow::{FlowKind, Notice};
use sspr_core::locale::Language;
use sspr_core::methods::phone::PhoneNumber;
use sspr_core::methods::questions::AnswerInput;
use sspr_core::policy::{Method, UserFacts};
use sspr_core::registration::{
    DirectoryContacts, Enrolment, EnrolmentError, Registrant, Registrations, check_removal_sign_in,
};
use worker::Result;

use super::{CodeDelivery, CodePurpose, UserState};
use crate::audit::{AuditEvent, EventKind, Scope};
use crate::config::Config;
use crate::notices::{self, Notify};
use crate::random;
use crate::sealed::{NONCE_BYTES, Sealed, SealingKeys};

/// The table of the sealed row.
const TABLE: &str = "registrations";

/// The signed-in user a registration request is for, as the worker found them.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Registering {
    pub user_id: String,
    pub username: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    pub facts: UserFacts,
    #[serde(default)]
    pub directory: DirectoryContacts,
    /// When the credential was issued.
    pub signed_in_at: UnixMillis,
    /// The language the user asked in (their `Accept-Language`), for the messages sent.
    #[serde(default)]
    pub language: Language,
}

/// What the signed-in user asks for.
#[derive(Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum RegisterOp {
    View,
    AddEmail {
        address: String,
    },
    AddPhone {
        number: String,
    },
    AddAuthenticator,
    Verify {
        code: String,
    },
    Questions {
        answers: Vec<AnswerEntry>,
    },
    Remove {
        method: Method,
    },
    /// Make a held method the one a reset offers first.
    SetDefault {
        method: Method,
    },
    Confirm,
    Skip,
    /// Ask for a pairing code for an app-notification approver.
    AddApprover,
}

/// The view for the widget, and the effects for the worker to perform after replying.
#[derive(Serialize, Deserialize)]
pub struct RegistrationOutcome {
    pub view: RegistrationView,
    /// The approver part of the screen, sent beside the view.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approver: Option<ApproverView>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_code: Option<CodeDelivery>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audit: Vec<AuditEvent>,
    /// Notices to email once the reply has gone (a method added or removed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<Notify>,
}

impl RegistrationOutcome {
    /// The HTTP status of the reply: the error's, or 200.
    pub fn status(&self) -> u16 {
        self.view.error.as_ref().map_or(200, |e| e.code.status())
    }
}

fn internal(message: impl std::fmt::Display) -> worker::Error {
    worker::Error::RustError(message.to_string())
}

/// Seals `registrations` for `user_id` with the newest key and a fresh nonce.
pub fn seal(keys: &SealingKeys, user_id: &str, registrations: &Registrations) -> Result<Sealed> {
    let plain = serde_json::to_vec(registrations).map_err(internal)?;
    let mut nonce = [0u8; NONCE_BYTES];
    random::fill(&mut nonce);
    Ok(keys.seal(&plain, user_id.as_bytes(), nonce))
}

/// Opens what [`seal`] sealed for `user_id`.
pub fn open(keys: &SealingKeys, user_id: &str, sealed: &Sealed) -> Result<Registrations> {
    let plain = keys
        .open(sealed, user_id.as_bytes())
        .map_err(|err| internal(format!("registrations of this object: {err}")))?;
    serde_json::from_slice(&plain).map_err(internal)
}

fn not_enabled() -> ApiError {
    ApiError::new(
        ErrorCode::NotEnabled,
        "self-service password reset is not enabled for you",
    )
}

impl UserState {
    /// The user's registrations, or none (no row yet, or registration not configured).
    pub(super) fn load_registrations(
        &self,
        config: &Config,
        user_id: &str,
    ) -> Result<Registrations> {
        let (Some(keys), Some(sealed)) = (
            config.registration_keys.as_ref(),
            self.read::<Sealed>(TABLE)?,
        ) else {
            return Ok(Registrations::default());
        };
        open(keys, user_id, &sealed)
    }

    pub(super) fn save_registrations(
        &self,
        config: &Config,
        user_id: &str,
        registrations: &Registrations,
    ) -> Result<()> {
        let keys = config
            .registration_keys
            .as_ref()
            .ok_or_else(|| internal("REGISTRATION_KEYS is not set"))?;
        self.write(TABLE, &seal(keys, user_id, registrations)?)
    }

    /// `Command::Register`: one registration request of a signed-in user.
    pub(super) fn register(
        &self,
        config: &Config,
        now: UnixMillis,
        user: Registering,
        op: RegisterOp,
    ) -> Result<RegistrationOutcome> {
        let mut registrations = self.load_registrations(config, &user.user_id)?;
        let policy = &config.policy;
        let who = Registrant {
            username: &user.username,
            display_name: user.display_name.as_deref(),
            facts: &user.facts,
            directory: &user.directory,
            sms_available: config.sms.is_some(),
        };
        let allowed = policy.registrable(&who);
        let scope = Scope {
            now,
            kind: FlowKind::Reset,
            user_id: Some(user.user_id.clone()),
            flow_id: None,
        };
        let event =
            |kind: EventKind, method: Option<Method>| scope.registration(kind, method, "ok");
        let binding = user.user_id.as_bytes();
        let code_policy = policy.reset_settings().code;
        let enabled = policy.for_user(&user.facts).is_some();
        // A report of a change the user did not make pauses changes to their methods too: an
        // attacker who knows the password must not register a method of their own meanwhile.
        let held = self.held_until(now)?;
        let mut reveal_secret = false;
        // The pairing code's URI, shown only in the reply that made the code.
        let mut pairing_uri = None;
        let mut send_code = None;
        let mut audit = Vec::new();
        // A method added or removed, for the notice to the user.
        let mut changed_method = None;
        // Whether the stored row must be written again, and why nothing changed, if so.
        let (changed, error): (bool, Option<ApiError>) = match op {
            RegisterOp::View => (false, None),
            _ if !enabled => (false, Some(not_enabled())),
            RegisterOp::AddEmail { .. }
            | RegisterOp::AddPhone { .. }
            | RegisterOp::AddAuthenticator
            | RegisterOp::Verify { .. }
            | RegisterOp::Questions { .. }
            | RegisterOp::Remove { .. }
            | RegisterOp::AddApprover
                if held.is_some() =>
            {
                (false, held.map(super::reported_compromise))
            }
            RegisterOp::AddEmail { address } => {
                let mut next = registrations.clone();
                match next.start_email(
                    &allowed,
                    &address,
                    &config.code_key,
                    binding,
                    code_policy,
                    now,
                    &mut random::fill,
                ) {
                    Err(err) => (false, Some((&err).into())),
                    Ok(code) => match self.record_send(config, Channel::Email, now)? {
                        Err(refused) => (false, Some(refused)),
                        Ok(()) => {
                            let to = match next.pending() {
                                Some(Enrolment::Email { address, .. }) => address.clone(),
                                _ => String::new(),
                            };
                            send_code = Some(CodeDelivery {
                                method: Method::EmailCode,
                                to,
                                code: code.expose().to_owned(),
                                audit: scope.registration(
                                    EventKind::RegistrationCodeSent,
                                    Some(Method::EmailCode),
                                    "pending",
                                ),
                                purpose: CodePurpose::Enrolment,
                                language: user.language,
                            });
                            registrations = next;
                            (true, None)
                        }
                    },
                }
            }
            RegisterOp::AddPhone { number } => {
                let mut next = registrations.clone();
                // Read by its shape only: the numbering-plan metadata stays out of the bundle.
                let started = PhoneNumber::parse_international(&number)
                    .map_err(EnrolmentError::from)
                    .and_then(|number| {
                        next.start_phone_number(
                            &allowed,
                            number,
                            &config.code_key,
                            binding,
                            code_policy,
                            now,
                            &mut random::fill,
                        )
                    });
                match started {
                    Err(err) => (false, Some((&err).into())),
                    Ok(code) => match self.record_send(config, Channel::Sms, now)? {
                        Err(refused) => (false, Some(refused)),
                        Ok(()) => {
                            let to = match next.pending() {
                                Some(Enrolment::Sms { number, .. }) => number.e164().to_owned(),
                                _ => String::new(),
                            };
                            send_code = Some(CodeDelivery {
                                method: Method::SmsCode,
                                to,
                                code: code.expose().to_owned(),
                                audit: scope.registration(
                                    EventKind::RegistrationCodeSent,
                                    Some(Method::SmsCode),
                                    "pending",
                                ),
                                purpose: CodePurpose::Enrolment,
                                language: user.language,
                            });
                            registrations = next;
                            (true, None)
                        }
                    },
                }
            }
            RegisterOp::AddAuthenticator => {
                match registrations.start_authenticator(&allowed, &mut random::fill) {
                    Ok(_) => {
                        reveal_secret = true;
                        (true, None)
                    }
                    Err(err) => (false, Some((&err).into())),
                }
            }
            RegisterOp::Verify { code } => {
                match registrations.verify_pending(&config.code_key, binding, &code, now) {
                    Ok(method) => {
                        audit.push(event(EventKind::MethodAdded, Some(method)));
                        changed_method = Some(Notice::MethodAdded(method));
                        if policy.settle_registration(&who, &mut registrations, now) {
                            audit.push(event(EventKind::RegistrationConfirmed, None));
                        }
                        (true, None)
                    }
                    // A wrong code counts a try on the pending code: saved too.
                    Err(err) => (true, Some((&err).into())),
                }
            }
            RegisterOp::Questions { answers } => {
                let inputs: Vec<AnswerInput> = answers.into_iter().map(Into::into).collect();
                match registrations.register_questions(
                    &allowed,
                    &policy.security_questions,
                    &inputs,
                    &mut random::fill,
                ) {
                    Ok(()) => {
                        audit.push(event(
                            EventKind::MethodAdded,
                            Some(Method::SecurityQuestions),
                        ));
                        changed_method = Some(Notice::MethodAdded(Method::SecurityQuestions));
                        if policy.settle_registration(&who, &mut registrations, now) {
                            audit.push(event(EventKind::RegistrationConfirmed, None));
                        }
                        (true, None)
                    }
                    Err(err) => (false, Some((&err).into())),
                }
            }
            RegisterOp::Remove { method } => match check_removal_sign_in(user.signed_in_at, now) {
                Err(err) => (false, Some(err)),
                Ok(()) => match registrations.remove(method) {
                    Ok(()) => {
                        audit.push(event(EventKind::MethodRemoved, Some(method)));
                        changed_method = Some(Notice::MethodRemoved(method));
                        (true, None)
                    }
                    Err(err) => (false, Some((&err).into())),
                },
            },
            RegisterOp::SetDefault { method } => {
                match registrations.set_preferred(method, who.directory) {
                    Ok(()) => (true, None),
                    Err(err) => (false, Some((&err).into())),
                }
            }
            RegisterOp::Confirm => {
                match policy.confirm_registration(&who, &mut registrations, now) {
                    Ok(()) => {
                        audit.push(event(EventKind::RegistrationConfirmed, None));
                        (true, None)
                    }
                    Err(err) => (false, Some(err.into())),
                }
            }
            RegisterOp::AddApprover => match config.approver_url.as_deref() {
                None => (
                    false,
                    Some(ApiError::new(
                        ErrorCode::MethodNotPermitted,
                        "app notifications are not set up on this server (APPROVER_URL)",
                    )),
                ),
                Some(approver_url) => {
                    let object = hex::decode(self.state.id().to_string()).map_err(|_| {
                        worker::Error::RustError("a Durable Object id is hex".into())
                    })?;
                    match registrations.start_pairing(&allowed, object, now, &mut random::fill) {
                        Ok(code) => {
                            pairing_uri = Some(PairingOffer::uri_for(approver_url, &code.encode()));
                            self.write(
                                super::approver::OWNER_TABLE,
                                &super::ApproverOwner {
                                    user: user.clone(),
                                    notify: registrations.with_directory(&user.directory).email,
                                },
                            )?;
                            (true, None)
                        }
                        Err(err) => (false, Some((&err).into())),
                    }
                }
            },
            RegisterOp::Skip => match policy.postpone_registration(&who, &mut registrations, now) {
                Ok(()) => {
                    audit.push(event(EventKind::RegistrationPostponed, None));
                    (true, None)
                }
                Err(err) => (false, Some(err.into())),
            },
        };
        if changed {
            self.save_registrations(config, &user.user_id, &registrations)?;
        }
        let mut view = policy.registration_view(&who, &registrations, now, reveal_secret);
        view.error = error;
        let mut approver = policy.approver_view(&who, &registrations, now);
        if let Some(pairing) = approver.as_mut().and_then(|a| a.pairing.as_mut()) {
            pairing.uri = pairing_uri;
        }
        // Told where a reset's notices go: the registered address, else the directory's.
        let to = registrations.with_directory(&user.directory).email;
        let notices = changed_method
            .and_then(|notice| policy.method_change_notice(notice, to.as_deref(), user.language))
            .map(|effect| notices::from_effects([effect], now))
            .unwrap_or_default();
        if !notices.is_empty() {
            self.remember_name(&user)?;
        }
        let notices = self.with_report_links(config, &user.user_id, notices, now)?;
        Ok(RegistrationOutcome {
            view,
            approver,
            send_code,
            audit,
            notices,
        })
    }

    /// Keeps the signed-in user's id and name as this object's owner, for the administrators'
    /// alert if they report a change (a user who never started a reset has no owner yet).
    pub(super) fn remember_name(&self, user: &Registering) -> Result<()> {
        let stored = self.read::<super::Owner>("owner")?;
        let name = user
            .display_name
            .clone()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| user.username.clone());
        self.write(
            "owner",
            &super::Owner {
                user_id: Some(user.user_id.clone()),
                name: Some(name),
                clock_offset_ms: stored.map_or(0, |owner| owner.clock_offset_ms),
            },
        )
    }

    /// Counts a code sent on `channel` against the user's send limits (shared with resets),
    /// or says why it may not go.
    fn record_send(
        &self,
        config: &Config,
        channel: Channel,
        now: UnixMillis,
    ) -> Result<std::result::Result<(), ApiError>> {
        let mut throttle = self.load_throttle()?;
        match throttle.record_send(&config.policy.limits(), channel, now) {
            Ok(()) => {
                self.save_throttle(&throttle)?;
                Ok(Ok(()))
            }
            Err(refused) => Ok(Err(refused.reply().error.unwrap_or_else(|| {
                ApiError::new(ErrorCode::SendLimit, refused.to_string())
            }))),
        }
    }
}
