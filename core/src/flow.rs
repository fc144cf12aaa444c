//! The reset flow as an explicit state machine: verify a code → choose a new password →
//! pending at the identity backend → done. The edge stores a [`ResetFlow`] per user, calls one
//! transition per request and sends the [`Reply`] it gets back; the widget renders the step.
//!
//! Unknown and disabled users walk a decoy flow of identical shape: same steps, same limits,
//! same errors, but no code is sent and no code can ever match.

use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;

use crate::UnixMillis;
use crate::api::{ApiError, Channel, ErrorCode, Reply, Step};
use crate::methods::code::{CodeChallenge, CodeError, CodePolicy, OtpCode};
use crate::password::{NewPassword, PasswordChecker, PasswordError, PasswordRules, PersonalInfo};
use crate::token::FlowToken;

/// Absolute lifetime of a flow, whatever step it is at.
pub const FLOW_LIFETIME_MS: u64 = 15 * 60 * 1000;

/// The settings a reset flow runs under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ResetSettings {
    pub code: CodePolicy,
    pub password: PasswordRules,
}

/// Whose password the flow resets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Subject {
    /// A real, enabled user of the identity backend, with the parts of their names their new
    /// password may not contain.
    User {
        user_id: String,
        #[serde(default)]
        personal: PersonalInfo,
    },
    /// Nobody: the username is unknown, disabled or has no usable method.
    Decoy,
}

/// Where the flow is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Stage {
    VerifyCode {
        challenge: CodeChallenge,
    },
    NewPassword,
    /// A new password is on its way to the backend under this operation id.
    Pending {
        operation_id: String,
    },
    Done,
}

/// One reset in progress, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResetFlow {
    token_hash: String,
    pub subject: Subject,
    /// The masked destination of the code, as shown to the user.
    pub destination: String,
    pub stage: Stage,
    pub started_at: UnixMillis,
    pub expires_at: UnixMillis,
    pub settings: ResetSettings,
}

/// A new flow and the code to send, if any (decoys send nothing).
#[derive(Debug)]
pub struct Started {
    pub flow: ResetFlow,
    pub code_to_send: Option<OtpCode>,
}

/// Why a request could not move the flow on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FlowError {
    #[error("this reset has expired or does not exist; start again")]
    Expired,
    #[error("this request does not belong to the current step")]
    WrongStep,
    #[error(transparent)]
    CodeFormat(#[from] crate::methods::code::InvalidCodeFormat),
    #[error(transparent)]
    Code(#[from] CodeError),
    #[error(transparent)]
    Password(#[from] PasswordError),
}

impl FlowError {
    /// Whether the flow cannot go on after this error and should be deleted.
    pub fn ends_flow(&self) -> bool {
        matches!(
            self,
            FlowError::Expired
                | FlowError::Code(
                    CodeError::Expired | CodeError::AttemptsExhausted | CodeError::Used
                )
        )
    }
}

impl From<&FlowError> for ApiError {
    fn from(err: &FlowError) -> Self {
        match err {
            FlowError::Expired => ApiError::new(ErrorCode::FlowExpired, err.to_string()),
            FlowError::WrongStep => ApiError::new(ErrorCode::WrongStep, err.to_string()),
            FlowError::CodeFormat(_) => {
                ApiError::new(ErrorCode::InvalidCodeFormat, err.to_string())
            }
            FlowError::Code(code) => {
                let mut api = match code {
                    CodeError::Mismatch { .. } => {
                        ApiError::new(ErrorCode::CodeMismatch, err.to_string())
                    }
                    CodeError::Expired => ApiError::new(ErrorCode::CodeExpired, err.to_string()),
                    CodeError::Used => ApiError::new(ErrorCode::CodeUsed, err.to_string()),
                    CodeError::AttemptsExhausted => {
                        ApiError::new(ErrorCode::CodeAttemptsExhausted, err.to_string())
                    }
                };
                if let CodeError::Mismatch { tries_left } = code {
                    api.tries_left = Some(*tries_left);
                }
                api
            }
            FlowError::Password(pw) => pw.clone().into(),
        }
    }
}

impl ResetFlow {
    /// Starts a flow for `subject` under `token`. Real users get a code bound to the token;
    /// decoys get a challenge that nothing matches.
    pub fn start(
        token: &FlowToken,
        subject: Subject,
        destination: String,
        settings: ResetSettings,
        code_key: &[u8],
        now: UnixMillis,
        fill: &mut dyn FnMut(&mut [u8]),
    ) -> Started {
        let token_hash = token.secret_hash();
        let (challenge, code_to_send) = match subject {
            Subject::User { .. } => {
                let (challenge, code) =
                    CodeChallenge::issue(code_key, token_hash.as_bytes(), settings.code, now, fill);
                (challenge, Some(code))
            }
            Subject::Decoy => (CodeChallenge::unmatchable(settings.code, now, fill), None),
        };
        Started {
            flow: ResetFlow {
                token_hash,
                subject,
                destination,
                stage: Stage::VerifyCode { challenge },
                started_at: now,
                expires_at: now + FLOW_LIFETIME_MS,
                settings,
            },
            code_to_send,
        }
    }

    /// Whether `token` is this flow's token and the flow is still alive.
    pub fn authorize(&self, token: &FlowToken, now: UnixMillis) -> Result<(), FlowError> {
        let presented = token.secret_hash();
        let same: bool = presented
            .as_bytes()
            .ct_eq(self.token_hash.as_bytes())
            .into();
        if !same || now >= self.expires_at {
            return Err(FlowError::Expired);
        }
        Ok(())
    }

    /// The stored hash of this flow's token: two flows with the same hash are the same flow.
    pub fn token_hash(&self) -> &str {
        &self.token_hash
    }

    /// What the widget shows now.
    pub fn step(&self) -> Step {
        match &self.stage {
            Stage::VerifyCode { challenge } => Step::VerifyCode {
                channel: Channel::Email,
                destination: self.destination.clone(),
                code_length: self.settings.code.digits,
                tries_left: challenge.tries_left(),
            },
            Stage::NewPassword | Stage::Pending { .. } => Step::NewPassword {
                rules: self.settings.password,
            },
            Stage::Done => Step::Done,
        }
    }

    /// The reply for the flow as it stands, carrying `token` while the flow goes on.
    pub fn reply(&self, token: &str) -> Reply {
        match self.stage {
            Stage::Done => Reply::step(None, Step::Done, None),
            _ => Reply::step(Some(token.to_owned()), self.step(), Some(self.expires_at)),
        }
    }

    /// The reply for `err`: the current step with the error, or back to the start when the
    /// flow cannot go on.
    pub fn error_reply(&self, token: &str, err: &FlowError) -> Reply {
        let mut reply = if err.ends_flow() {
            Reply::step(None, Step::Identify, None)
        } else {
            self.reply(token)
        };
        reply.error = Some(err.into());
        reply
    }

    /// Checks a typed code. Success moves the flow to the new password.
    pub fn submit_code(
        &mut self,
        code_key: &[u8],
        input: &str,
        now: UnixMillis,
    ) -> Result<(), FlowError> {
        self.check_alive(now)?;
        let Stage::VerifyCode { challenge } = &mut self.stage else {
            return Err(FlowError::WrongStep);
        };
        let code = OtpCode::parse(input, challenge.digits)?;
        challenge.verify(code_key, self.token_hash.as_bytes(), &code, now)?;
        // A decoy's challenge never matches, so only real users get here.
        self.stage = Stage::NewPassword;
        Ok(())
    }

    /// Accepts a new password that passes `checker` and marks the flow pending under
    /// `operation_id`. At most one password is in flight: a second call while pending fails.
    pub fn begin_password(
        &mut self,
        checker: &PasswordChecker,
        input: &str,
        operation_id: String,
        now: UnixMillis,
    ) -> Result<(String, NewPassword), FlowError> {
        self.check_alive(now)?;
        let (Stage::NewPassword, Subject::User { user_id, personal }) =
            (&self.stage, &self.subject)
        else {
            return Err(FlowError::WrongStep);
        };
        let password = checker.check(input, personal)?;
        let user_id = user_id.clone();
        self.stage = Stage::Pending { operation_id };
        Ok((user_id, password))
    }

    /// The backend refused the password or could not be reached: the user may try another
    /// password without verifying again, while the flow lives.
    pub fn password_not_applied(&mut self) {
        if matches!(self.stage, Stage::Pending { .. }) {
            self.stage = Stage::NewPassword;
        }
    }

    /// The backend applied the password: the flow is over.
    pub fn password_applied(&mut self) {
        self.stage = Stage::Done;
    }

    fn check_alive(&self, now: UnixMillis) -> Result<(), FlowError> {
        if now >= self.expires_at {
            Err(FlowError::Expired)
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::methods::code::test_fill;
    use proptest::prelude::*;

    const KEY: &[u8] = b"code-key-code-key-code-key-code-";
    const T0: UnixMillis = 1_700_000_000_000;

    fn start(subject: Subject, seed: u64) -> (FlowToken, ResetFlow, Option<OtpCode>) {
        let mut fill = test_fill(seed);
        let token = FlowToken::new(vec![9; 32], &mut fill);
        let started = ResetFlow::start(
            &token,
            subject,
            "a•••@e•••.com".into(),
            ResetSettings::default(),
            KEY,
            T0,
            &mut fill,
        );
        (token, started.flow, started.code_to_send)
    }

    fn user() -> Subject {
        Subject::User {
            user_id: "u-alice".into(),
            personal: PersonalInfo::new("alice", Some("Alice Martin"), Some("alice@example.com")),
        }
    }

    fn checker() -> PasswordChecker {
        PasswordChecker::new(
            PasswordRules::default(),
            crate::password::banned::BannedTerms::new(["contoso"]),
        )
    }

    #[test]
    fn the_new_password_is_checked_against_the_users_names_and_banned_terms() {
        let (_, mut flow, code) = start(user(), 1);
        flow.submit_code(KEY, code.unwrap().expose(), T0 + 1)
            .unwrap();
        let named = flow.begin_password(&checker(), "alice2024!!", "op".into(), T0 + 2);
        assert!(matches!(
            named,
            Err(FlowError::Password(PasswordError::PersonalInfo { .. }))
        ));
        let banned = flow.begin_password(&checker(), "C0ntoso123", "op".into(), T0 + 2);
        assert!(matches!(
            banned,
            Err(FlowError::Password(PasswordError::Banned { .. }))
        ));
        assert_eq!(flow.stage, Stage::NewPassword);
    }

    #[test]
    fn a_real_user_gets_a_code_and_a_decoy_does_not() {
        assert!(start(user(), 1).2.is_some());
        assert!(start(Subject::Decoy, 1).2.is_none());
    }

    #[test]
    fn the_right_code_leads_to_the_new_password_step() {
        let (_, mut flow, code) = start(user(), 1);
        flow.submit_code(KEY, code.unwrap().expose(), T0 + 1)
            .unwrap();
        assert!(matches!(flow.step(), Step::NewPassword { .. }));
    }

    #[test]
    fn a_password_cannot_be_set_before_the_code_is_verified() {
        let (_, mut flow, _) = start(user(), 1);
        let result = flow.begin_password(&checker(), "a good password", "op".into(), T0 + 1);
        assert_eq!(result.unwrap_err(), FlowError::WrongStep);
    }

    #[test]
    fn a_short_password_keeps_the_flow_at_the_new_password_step() {
        let (_, mut flow, code) = start(user(), 1);
        flow.submit_code(KEY, code.unwrap().expose(), T0 + 1)
            .unwrap();
        let err = flow
            .begin_password(&checker(), "short", "op".into(), T0 + 2)
            .unwrap_err();
        assert!(matches!(
            err,
            FlowError::Password(PasswordError::TooShort { .. })
        ));
        assert_eq!(flow.stage, Stage::NewPassword);
    }

    #[test]
    fn only_one_password_is_in_flight() {
        let (_, mut flow, code) = start(user(), 1);
        flow.submit_code(KEY, code.unwrap().expose(), T0 + 1)
            .unwrap();
        let (user_id, _) = flow
            .begin_password(&checker(), "first password", "op1".into(), T0 + 2)
            .unwrap();
        assert_eq!(user_id, "u-alice");
        let second = flow.begin_password(&checker(), "second password", "op2".into(), T0 + 3);
        assert_eq!(second.unwrap_err(), FlowError::WrongStep);
    }

    #[test]
    fn a_rejected_password_can_be_replaced_without_verifying_again() {
        let (_, mut flow, code) = start(user(), 1);
        flow.submit_code(KEY, code.unwrap().expose(), T0 + 1)
            .unwrap();
        flow.begin_password(&checker(), "first password", "op1".into(), T0 + 2)
            .unwrap();
        flow.password_not_applied();
        assert!(
            flow.begin_password(&checker(), "second password", "op2".into(), T0 + 3)
                .is_ok()
        );
    }

    #[test]
    fn an_applied_password_ends_the_flow_without_a_token() {
        let (token, mut flow, code) = start(user(), 1);
        flow.submit_code(KEY, code.unwrap().expose(), T0 + 1)
            .unwrap();
        flow.begin_password(&checker(), "first password", "op1".into(), T0 + 2)
            .unwrap();
        flow.password_applied();
        let reply = flow.reply(&token.encode());
        assert_eq!(reply.step, Some(Step::Done));
        assert_eq!(reply.flow, None);
    }

    #[test]
    fn the_flow_dies_after_fifteen_minutes() {
        let (token, mut flow, code) = start(user(), 1);
        let late = T0 + FLOW_LIFETIME_MS;
        assert_eq!(flow.authorize(&token, late), Err(FlowError::Expired));
        assert_eq!(
            flow.submit_code(KEY, code.unwrap().expose(), late),
            Err(FlowError::Expired)
        );
    }

    #[test]
    fn another_token_is_not_authorized() {
        let (token, flow, _) = start(user(), 1);
        let (other, _, _) = start(user(), 2);
        assert_eq!(flow.authorize(&token, T0), Ok(()));
        assert_eq!(flow.authorize(&other, T0), Err(FlowError::Expired));
    }

    #[test]
    fn exhausting_the_tries_sends_the_user_back_to_the_start() {
        let (token, mut flow, _) = start(Subject::Decoy, 1);
        let mut last = None;
        for _ in 0..6 {
            last = flow.submit_code(KEY, "000000", T0 + 1).err();
        }
        let err = last.unwrap();
        assert_eq!(err, FlowError::Code(CodeError::AttemptsExhausted));
        let reply = flow.error_reply(&token.encode(), &err);
        assert_eq!(reply.step, Some(Step::Identify));
        assert_eq!(reply.error.unwrap().code, ErrorCode::CodeAttemptsExhausted);
    }

    #[test]
    fn a_mismatch_reply_keeps_the_step_and_says_how_many_tries_are_left() {
        let (token, mut flow, _) = start(Subject::Decoy, 1);
        let err = flow.submit_code(KEY, "000000", T0 + 1).unwrap_err();
        let reply = flow.error_reply(&token.encode(), &err);
        assert!(matches!(
            reply.step,
            Some(Step::VerifyCode { tries_left: 4, .. })
        ));
        assert_eq!(reply.error.unwrap().tries_left, Some(4));
        assert_eq!(reply.flow, Some(token.encode()));
    }

    /// What a client could do to a flow.
    #[derive(Debug, Clone)]
    enum Event {
        Guess(u32),
        RightCode,
        Password(String),
        Wait(u64),
    }

    fn event() -> impl Strategy<Value = Event> {
        prop_oneof![
            (0u32..1_000_000).prop_map(Event::Guess),
            Just(Event::RightCode),
            "[a-z]{0,12}".prop_map(Event::Password),
            (0u64..400_000).prop_map(Event::Wait),
        ]
    }

    fn replay(subject: Subject, seed: u64, events: &[Event]) -> Vec<&'static str> {
        let (_, mut flow, code) = start(subject, seed);
        let right = code
            .map(|c| c.expose().to_owned())
            .unwrap_or_else(|| "123456".into());
        let mut now = T0;
        let mut verified = false;
        let mut shapes = Vec::new();
        for event in events {
            let result = match event {
                Event::Guess(g) => flow.submit_code(KEY, &format!("{g:06}"), now),
                Event::RightCode => flow.submit_code(KEY, &right, now),
                Event::Password(p) => flow
                    .begin_password(&checker(), p, "op".into(), now)
                    .map(|_| ()),
                Event::Wait(ms) => {
                    now += ms;
                    Ok(())
                }
            };
            if matches!(event, Event::RightCode) && result.is_ok() {
                verified = true;
            }
            if matches!(flow.stage, Stage::NewPassword | Stage::Pending { .. }) {
                assert!(
                    verified,
                    "reached the password step without a verified code"
                );
            }
            if let Stage::VerifyCode { challenge } = &flow.stage {
                assert!(challenge.failed_tries <= challenge.max_tries);
            }
            shapes.push(match (&result, &flow.stage) {
                (Ok(()), _) => "ok",
                (Err(FlowError::Code(CodeError::Mismatch { .. })), _) => "mismatch",
                (Err(e), _) if e.ends_flow() => "ended",
                (Err(_), _) => "refused",
            });
        }
        shapes
    }

    proptest! {
        #[test]
        fn no_sequence_reaches_the_password_step_without_the_code(
            seed in any::<u64>(),
            events in proptest::collection::vec(event(), 0..24),
        ) {
            replay(user(), seed, &events);
        }

        #[test]
        fn decoy_flows_answer_wrong_guesses_exactly_like_real_ones(
            seed in any::<u64>(),
            guesses in proptest::collection::vec(0u32..1_000_000, 0..10),
            waits in proptest::collection::vec(0u64..200_000, 0..10),
        ) {
            // Guesses that happen to hit the real code are vanishingly rare; skip them.
            let (_, _, code) = start(user(), seed);
            let right: u32 = code.unwrap().expose().parse().unwrap();
            prop_assume!(!guesses.contains(&right));
            let mut events = Vec::new();
            for (i, g) in guesses.iter().enumerate() {
                events.push(Event::Guess(*g));
                if let Some(w) = waits.get(i) {
                    events.push(Event::Wait(*w));
                }
            }
            prop_assert_eq!(replay(user(), seed, &events), replay(Subject::Decoy, seed, &events));
        }
    }
}
