use leptos::prelude::*;
use leptos::task::spawn_local;
use sspr_core::api::{
    Channel, ChooseMethodRequest, CompleteRequest, MethodOffer, NewPasswordRequest, Reply,
    StartRequest, Step, VerifyCodeRequest,
};
use sspr_core::flow::FlowKind;
use sspr_core::policy::Method;

use super::answers_form::AnswersForm;
use super::approval_wait::ApprovalWait;
use super::choose_method::ChooseMethod;
use super::code_form::CodeForm;
use super::done_view::DoneView;
use super::identify_form::IdentifyForm;
use super::locked_view::LockedView;
use super::new_password_form::NewPasswordForm;
use super::pending_view::PendingView;
use super::totp_form::TotpForm;
use crate::api::{AnswersRequest, Call, Client, ClientError};
use crate::events::{Emitter, WidgetEvent};
use crate::i18n::{I18n, Locale};
use crate::strength::StrengthLoader;
use crate::turnstile::TurnstileHost;

/// What the user has typed, kept across steps and re-renders so nothing is lost on an error.
#[derive(Clone, Copy)]
pub struct Typed {
    pub username: RwSignal<String>,
    pub code: RwSignal<String>,
    pub password: RwSignal<String>,
}

/// The state every screen shares: whether a call is in flight, the error to show, and which
/// widget on the page this is (element ids must be unique when a page holds several).
#[derive(Clone, Copy)]
pub struct Status {
    pub busy: RwSignal<bool>,
    pub error: RwSignal<Option<String>>,
    pub instance: usize,
}

impl Status {
    /// A page-unique element id for `name`.
    pub fn id(&self, name: &str) -> String {
        format!("sspr{}-{name}", self.instance)
    }
}

static INSTANCES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// A number no other widget on the page has, for [`Status::instance`].
pub fn next_instance() -> usize {
    INSTANCES.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// The whole reset: renders the step the edge returned, and sends what the user typed.
#[component]
pub fn ResetWidget(
    /// Base URL of the sspr edge.
    edge: String,
    /// Reset the password, or unlock the account.
    kind: FlowKind,
    /// Where the widget's `sspr:*` events go (the host element).
    #[prop(optional)]
    emitter: Emitter,
    /// The messages, in one of [`crate::i18n::LOCALES`] (see [`crate::i18n::negotiate`]).
    #[prop(default = Locale::english())]
    locale: Locale,
    /// Fetches the password strength estimate for the new-password screen (none: no meter).
    #[prop(default = StrengthLoader::none())]
    strength: StrengthLoader,
    /// Cloudflare Turnstile's host, when the page gave a site key: the identify screen shows
    /// the challenge and sends its token with the start.
    #[prop(default = None)]
    turnstile: Option<TurnstileHost>,
) -> impl IntoView {
    let (lang, dir) = (locale.tag(), locale.dir());
    let i18n = I18n::new(locale);
    provide_context(i18n);
    let client = StoredValue::new(Client::new(&edge, lang));
    let root = NodeRef::<leptos::html::Section>::new();
    let step = RwSignal::new(Step::Identify);
    let flow = RwSignal::new(None::<String>);
    let typed = Typed {
        username: RwSignal::new(String::new()),
        code: RwSignal::new(String::new()),
        password: RwSignal::new(String::new()),
    };
    let status = Status {
        busy: RwSignal::new(false),
        error: RwSignal::new(None),
        instance: next_instance(),
    };
    // The last choice the edge offered (methods, proved, required), kept so that a proving
    // screen can offer "Use another method" and draw the choice again.
    let choice = RwSignal::new(None::<(Vec<MethodOffer>, u8, u8)>);
    // Turnstile's token for the next start (each is good for one start).
    let turnstile_token = RwSignal::new(None::<String>);
    let has_turnstile = turnstile.is_some();

    let apply = move |result: Result<Reply, ClientError>| {
        status.busy.set(false);
        // Still on the first screen after a start: its token is spent; emptying it makes the
        // challenge ask for another.
        if has_turnstile
            && matches!(step.get_untracked(), Step::Identify)
            && !matches!(&result, Ok(Reply { step: Some(s), .. }) if !matches!(s, Step::Identify))
        {
            turnstile_token.set(None);
        }
        match result {
            Ok(reply) => {
                if let Some(next) = reply.step {
                    flow.set(reply.flow);
                    if !matches!(next, Step::VerifyCode { .. } | Step::VerifyTotp) {
                        typed.code.set(String::new());
                    }
                    if matches!(next, Step::Done) {
                        typed.password.set(String::new());
                    }
                    if let Step::ChooseMethod {
                        methods,
                        verified,
                        required,
                    } = &next
                    {
                        choice.set(Some((methods.clone(), *verified, *required)));
                    }
                    let changed = std::mem::discriminant(&next)
                        != std::mem::discriminant(&step.get_untracked());
                    if changed {
                        emitter.emit(WidgetEvent::step(kind, &next));
                        if matches!(next, Step::Done) {
                            emitter.emit(WidgetEvent::done(kind));
                        }
                    }
                    step.set(next);
                    if changed {
                        focus_heading(root);
                    }
                }
                let message = reply.error.as_ref().map(|error| i18n.error(error));
                if let (Some(error), Some(message)) = (&reply.error, &message) {
                    emitter.emit(WidgetEvent::error(kind, error.code, message));
                }
                status.error.set(message);
            }
            Err(err) => {
                let message = i18n.t(err.message_id());
                emitter.emit(WidgetEvent::Error {
                    flow: kind.into(),
                    code: err.code().into(),
                    message: message.clone(),
                });
                status.error.set(Some(message));
            }
        }
    };

    // Each submit runs at most once at a time: `busy` gates it and disables the button.
    let send = move |call: Call| {
        if status.busy.get_untracked() {
            return;
        }
        status.busy.set(true);
        status.error.set(None);
        let client = client.get_value();
        spawn_local(async move {
            let answer = client.send(&call).await;
            // The host may have removed the widget while the call was under way.
            if status.busy.try_get_untracked().is_some() {
                apply(answer);
            }
        });
    };

    let on_identify = move || {
        choice.set(None);
        send(Call::Start(
            kind,
            StartRequest {
                username: typed.username.get_untracked(),
                turnstile: turnstile_token.get_untracked(),
            },
        ))
    };
    let on_choose = move |method: Method| {
        send(Call::Choose(ChooseMethodRequest {
            flow: flow.get_untracked().unwrap_or_default(),
            method,
        }))
    };
    let on_code = move || {
        send(Call::Verify(VerifyCodeRequest {
            flow: flow.get_untracked().unwrap_or_default(),
            code: typed.code.get_untracked(),
        }))
    };
    let on_answers = move |answers: Vec<String>| {
        send(Call::Answers(AnswersRequest {
            flow: flow.get_untracked().unwrap_or_default(),
            answers,
        }))
    };
    let on_password = move || {
        send(Call::Password(NewPasswordRequest {
            flow: flow.get_untracked().unwrap_or_default(),
            password: typed.password.get_untracked(),
        }))
    };
    let on_retry = move || {
        send(Call::Complete(CompleteRequest {
            flow: flow.get_untracked().unwrap_or_default(),
        }))
    };
    let on_poll = move || {
        send(Call::Status(CompleteRequest {
            flow: flow.get_untracked().unwrap_or_default(),
        }))
    };
    // Back to the choice the edge offered, drawn here (the edge is asked only once a method
    // is picked: `POST /v1/reset/choose` from a proving step switches to it).
    let switch = move || {
        let Some((methods, verified, required)) = choice.get_untracked() else {
            return;
        };
        let next = Step::ChooseMethod {
            methods,
            verified,
            required,
        };
        status.error.set(None);
        typed.code.set(String::new());
        emitter.emit(WidgetEvent::step(kind, &next));
        step.set(next);
        focus_heading(root);
    };
    // Offered only when there is another method to pick.
    let on_switch = move || {
        choice
            .with_untracked(|c| c.as_ref().is_some_and(|(methods, ..)| methods.len() > 1))
            .then(|| Callback::new(move |()| switch()))
    };
    let restart = move || {
        flow.set(None);
        choice.set(None);
        status.error.set(None);
        step.set(Step::Identify);
        emitter.emit(WidgetEvent::step(kind, &Step::Identify));
        focus_heading(root);
    };

    view! {
        <section class="sspr" data-testid="sspr-reset" node_ref=root lang=lang dir=dir>
            {move || match step.get() {
                Step::Identify => view! {
                    <IdentifyForm
                        typed
                        status
                        kind
                        on_submit=on_identify
                        turnstile=turnstile.clone()
                        token=turnstile_token
                        root
                    />
                }
                .into_any(),
                Step::VerifyCode { channel, destination, code_length, resend_at, .. } => view! {
                    <CodeForm
                        typed
                        status
                        channel
                        destination
                        code_length
                        resend_at
                        on_submit=on_code
                        on_resend=move || on_choose(match channel {
                            Channel::Email => Method::EmailCode,
                            Channel::Sms => Method::SmsCode,
                        })
                        on_restart=restart
                        on_switch=on_switch()
                    />
                }
                .into_any(),
                Step::NewPassword { rules } => view! {
                    <NewPasswordForm typed status rules strength=strength.clone() on_submit=on_password />
                }
                .into_any(),
                Step::Done => view! { <DoneView kind /> }.into_any(),
                Step::Pending => view! { <PendingView status on_retry on_poll /> }.into_any(),
                Step::Locked { until } => view! { <LockedView until /> }.into_any(),
                Step::Reported { until, helpdesk } => {
                    view! { <LockedView until reported=true helpdesk /> }.into_any()
                }
                Step::ChooseMethod { methods, verified, required } => view! {
                    <ChooseMethod status methods verified required on_choose />
                }
                .into_any(),
                Step::VerifyTotp => view! {
                    <TotpForm typed status on_submit=on_code on_restart=restart on_switch=on_switch() />
                }
                .into_any(),
                Step::AnswerQuestions { questions } => view! {
                    <AnswersForm status questions on_submit=on_answers on_restart=restart on_switch=on_switch() />
                }
                .into_any(),
                Step::AwaitApproval { number } => view! {
                    <ApprovalWait status number on_poll on_restart=restart on_switch=on_switch() />
                }
                .into_any(),
            }}
        </section>
    }
}

/// Moves keyboard and screen-reader focus to the heading of the screen just shown, once the
/// browser has rendered it, so the user hears where they are. Nothing happens when the host
/// removed the widget before that frame (a page closing it on `sspr:done`, for example).
pub fn focus_heading(root: NodeRef<leptos::html::Section>) {
    request_animation_frame(move || {
        let Some(section) = root.try_get_untracked().flatten() else {
            return;
        };
        if let Ok(Some(heading)) = section.query_selector(".sspr-form__title")
            && let Ok(heading) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(heading)
        {
            let _ = heading.focus();
        }
    });
}

/// The error line under a form, announced by screen readers when it appears.
#[component]
pub fn ErrorLine(status: Status) -> impl IntoView {
    view! {
        <p class="sspr-error" role="alert" data-testid="sspr-error">
            {move || status.error.get().unwrap_or_default()}
        </p>
    }
}
