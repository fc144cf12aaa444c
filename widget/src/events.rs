//! The DOM events the widget tells its host page about: `sspr:step` when a new screen shows,
//! `sspr:done` when the password was changed or the account unlocked, and `sspr:error` when
//! the edge refused something. They bubble and are `composed`, so they leave a shadow root,
//! and they carry no secret: no code, no password, no flow token, no address.

use leptos::prelude::*;
use serde::Serialize;
use sspr_core::api::{ErrorCode, Step};

use crate::options::Flow;

/// One event for the host page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum WidgetEvent {
    /// A new screen: `{ "flow": "reset", "step": "verify_code" }`.
    Step { flow: Flow, step: &'static str },
    /// The reset or unlock is done: `{ "flow": "unlock" }`; or the registration is:
    /// `{ "flow": "register", "outcome": "up_to_date" | "postponed" }`.
    Done {
        flow: Flow,
        #[serde(skip_serializing_if = "Option::is_none")]
        outcome: Option<&'static str>,
    },
    /// The edge refused a request: `{ "flow": "reset", "code": "code_mismatch", "message": … }`.
    Error {
        flow: Flow,
        code: String,
        message: String,
    },
}

impl WidgetEvent {
    /// The event for showing `step`.
    pub fn step(flow: impl Into<Flow>, step: &Step) -> Self {
        WidgetEvent::Step {
            flow: flow.into(),
            step: step_name(step),
        }
    }

    /// The event for a reset or unlock that is done.
    pub fn done(flow: impl Into<Flow>) -> Self {
        WidgetEvent::Done {
            flow: flow.into(),
            outcome: None,
        }
    }

    /// The event for an error the edge returned, with the message the user was shown.
    pub fn error(flow: impl Into<Flow>, code: ErrorCode, message: &str) -> Self {
        let code = serde_json::to_value(code)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        WidgetEvent::Error {
            flow: flow.into(),
            code,
            message: message.to_owned(),
        }
    }

    /// The DOM event type.
    pub fn name(&self) -> &'static str {
        match self {
            WidgetEvent::Step { .. } => "sspr:step",
            WidgetEvent::Done { .. } => "sspr:done",
            WidgetEvent::Error { .. } => "sspr:error",
        }
    }

    /// The event's `detail`, as JSON.
    pub fn detail_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".into())
    }
}

/// The wire name of a step (`verify_code`, …), without its data.
pub fn step_name(step: &Step) -> &'static str {
    match step {
        Step::Identify => "identify",
        Step::ChooseMethod { .. } => "choose_method",
        Step::VerifyCode { .. } => "verify_code",
        Step::VerifyTotp => "verify_totp",
        Step::AnswerQuestions { .. } => "answer_questions",
        Step::AwaitApproval { .. } => "await_approval",
        Step::NewPassword { .. } => "new_password",
        Step::Pending => "pending",
        Step::Done => "done",
        Step::Locked { .. } => "locked",
        Step::Reported { .. } => "reported",
    }
}

/// Dispatches [`WidgetEvent`]s on the host element (or nowhere, when there is none).
#[derive(Clone, Copy)]
pub struct Emitter {
    target: StoredValue<Option<web_sys::EventTarget>, LocalStorage>,
}

impl Emitter {
    /// Events go to `target`.
    pub fn new(target: web_sys::EventTarget) -> Self {
        Emitter {
            target: StoredValue::new_local(Some(target)),
        }
    }

    /// Events go nowhere.
    pub fn none() -> Self {
        Emitter {
            target: StoredValue::new_local(None),
        }
    }

    /// Dispatches `event`; a host listener that throws does not break the widget.
    pub fn emit(&self, event: WidgetEvent) {
        self.target.with_value(|target| {
            let Some(target) = target else { return };
            let detail = js_sys::JSON::parse(&event.detail_json()).unwrap_or_default();
            let init = web_sys::CustomEventInit::new();
            init.set_bubbles(true);
            init.set_composed(true);
            init.set_detail(&detail);
            if let Ok(dom_event) =
                web_sys::CustomEvent::new_with_event_init_dict(event.name(), &init)
            {
                let _ = target.dispatch_event(&dom_event);
            }
        });
    }
}

impl Default for Emitter {
    fn default() -> Self {
        Emitter::none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sspr_core::flow::FlowKind;

    #[test]
    fn a_step_event_names_the_flow_and_the_step_but_not_its_data() {
        let step = Step::VerifyCode {
            channel: sspr_core::api::Channel::Email,
            destination: "a•••@e•••.com".into(),
            code_length: 6,
            tries_left: 5,
            resend_at: 0,
        };
        let event = WidgetEvent::step(FlowKind::Reset, &step);
        assert_eq!(event.name(), "sspr:step");
        assert_eq!(
            event.detail_json(),
            r#"{"flow":"reset","step":"verify_code"}"#
        );
    }

    #[test]
    fn a_done_event_says_which_flow_finished() {
        let event = WidgetEvent::done(sspr_core::flow::FlowKind::Unlock);
        assert_eq!(event.name(), "sspr:done");
        assert_eq!(event.detail_json(), r#"{"flow":"unlock"}"#);
    }

    #[test]
    fn an_error_event_carries_the_stable_code_and_the_message() {
        let event = WidgetEvent::error(
            FlowKind::Reset,
            ErrorCode::CodeMismatch,
            "the code does not match",
        );
        assert_eq!(event.name(), "sspr:error");
        assert_eq!(
            event.detail_json(),
            r#"{"flow":"reset","code":"code_mismatch","message":"the code does not match"}"#
        );
    }

    #[test]
    fn a_registration_done_event_says_how_it_ended() {
        let event = WidgetEvent::Done {
            flow: Flow::Register,
            outcome: Some("postponed"),
        };
        assert_eq!(
            event.detail_json(),
            r#"{"flow":"register","outcome":"postponed"}"#
        );
    }
}
