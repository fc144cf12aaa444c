use leptos::prelude::*;
use leptos::task::spawn_local;
use sspr_core::api::{
    AnswerEntry, ApproverView, Channel, ErrorCode, PendingEnrolment, RegistrationView,
};
use sspr_core::policy::Method;
use sspr_core::registration::RegistrationDue;

use super::app_pairing::AppPairing;
use super::authenticator_setup::AuthenticatorSetup;
use super::code_form::CodeForm;
use super::contact_form::ContactForm;
use super::questions_form::{QuestionRow, QuestionsForm};
use super::register_done::RegisterDone;
use super::register_overview::RegisterOverview;
use super::reset_widget::{ErrorLine, Status, Typed, focus_heading, next_instance};
use super::sign_in_again::SignInAgain;
use crate::api::ClientError;
use crate::api::registration::{self, RegisterCall, RegisterReply};
use crate::events::{Emitter, WidgetEvent};
use crate::i18n::{I18n, Locale};
use crate::options::Flow;

/// The registration screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Loading,
    Overview,
    AddEmail,
    AddPhone,
    Code,
    Authenticator,
    /// Notifications on the user's phone: the pairing QR code, waiting for the phone.
    App,
    Questions,
    SignIn,
    Done,
    Postponed,
    /// The first view could not be loaded (network, unreadable reply).
    Failed,
}

impl Screen {
    /// The name in `sspr:step` events.
    pub fn name(self) -> &'static str {
        match self {
            Screen::Loading => "loading",
            Screen::Overview => "overview",
            Screen::AddEmail => "add_email",
            Screen::AddPhone => "add_phone",
            Screen::Code => "verify_code",
            Screen::Authenticator => "authenticator",
            Screen::App => "app_notification",
            Screen::Questions => "questions",
            Screen::SignIn => "sign_in",
            Screen::Done => "done",
            Screen::Postponed => "postponed",
            Screen::Failed => "failed",
        }
    }
}

/// The screen after the edge answered `call` with `view`. A refused request keeps the
/// screen the user is on (with the error), a method waiting for its proof shows its proof
/// screen (a new pairing code shows the pairing screen, which stays until the phone has
/// paired: `paired`), and a user whose methods have just become up to date sees the done
/// screen.
pub fn next_screen(
    call: &RegisterCall,
    view: &RegistrationView,
    refused: bool,
    current: Screen,
    was_up_to_date: bool,
    paired: bool,
) -> Screen {
    use RegisterCall as C;
    match call {
        C::AddApp if !refused => return Screen::App,
        C::View if current == Screen::App && !paired => return Screen::App,
        _ => {}
    }
    match (&view.pending, call) {
        (Some(PendingEnrolment::Code { .. }), C::AddEmail(_) | C::AddPhone(_) | C::Verify(_)) => {
            return Screen::Code;
        }
        (Some(PendingEnrolment::Authenticator { .. }), C::AddAuthenticator | C::Verify(_)) => {
            return Screen::Authenticator;
        }
        _ => {}
    }
    if refused && !matches!(current, Screen::Loading | Screen::SignIn) {
        return current;
    }
    if matches!(call, C::Skip) && !refused {
        return Screen::Postponed;
    }
    let up_to_date = matches!(view.due, RegistrationDue::UpToDate { .. });
    let finishing = matches!(call, C::View | C::Verify(_) | C::Questions(_) | C::Confirm);
    if up_to_date && (!was_up_to_date || finishing) && !refused {
        return Screen::Done;
    }
    Screen::Overview
}

/// `<sspr-register>`: a signed-in user registers the methods the policy asks for, confirms
/// them when re-confirmation is due, postpones while the policy allows, and manages them
/// later ("my methods"). Every decision is the edge's: the widget draws its
/// [`RegistrationView`] and sends what the user did, with the credential as a bearer token.
#[component]
pub fn RegisterWidget(
    /// Base URL of the sspr edge.
    edge: String,
    /// The signed-in user's credential (ID token or `sspr1.` ticket); the host sets a new one
    /// after an `unauthenticated` error, and the widget carries on.
    credential: RwSignal<Option<String>>,
    /// Where the widget's `sspr:*` events go (the host element).
    #[prop(optional)]
    emitter: Emitter,
    /// The messages, in one of [`crate::i18n::LOCALES`].
    #[prop(default = Locale::english())]
    locale: Locale,
) -> impl IntoView {
    let (lang, dir) = (locale.tag(), locale.dir());
    let i18n = I18n::new(locale);
    provide_context(i18n);
    let edge = StoredValue::new(edge);
    let root = NodeRef::<leptos::html::Section>::new();
    let view = RwSignal::new(None::<RegistrationView>);
    let approver = RwSignal::new(None::<ApproverView>);
    // The pairing URI, from the reply that made the code (later replies never carry it).
    let pairing_uri = RwSignal::new(None::<String>);
    let screen = RwSignal::new(Screen::Loading);
    let status = Status {
        busy: RwSignal::new(false),
        error: RwSignal::new(None),
        instance: next_instance(),
    };
    let typed = Typed {
        username: RwSignal::new(String::new()),
        code: RwSignal::new(String::new()),
        password: RwSignal::new(String::new()),
    };
    let address = RwSignal::new(String::new());
    let number = RwSignal::new(String::new());
    let field = RwSignal::new(None::<String>);
    let rows = StoredValue::new(Vec::<QuestionRow>::new());
    // The request refused for want of a valid credential, sent again when one is set.
    let waiting = StoredValue::new(None::<RegisterCall>);
    let sign_in_reason = RwSignal::new(String::new());

    let show = move |next: Screen, redraw: bool| {
        let previous = screen.get_untracked();
        let changed = next != previous;
        if changed {
            emitter.emit(WidgetEvent::Step {
                flow: Flow::Register,
                step: next.name(),
            });
        }
        if changed || redraw {
            screen.set(next);
        }
        // The first screen does not take the focus from the page it loads in.
        if changed && previous != Screen::Loading {
            focus_heading(root);
        }
    };
    let report = move |code: String, message: String| {
        emitter.emit(WidgetEvent::Error {
            flow: Flow::Register,
            code,
            message,
        });
    };

    let apply = move |call: RegisterCall, result: Result<RegisterReply, ClientError>| {
        status.busy.set(false);
        let reply = match result {
            Ok(reply) => reply,
            Err(err) => {
                let message = i18n.t(err.message_id());
                report(err.code().into(), message.clone());
                status.error.set(Some(message));
                if screen.get_untracked() == Screen::Loading {
                    show(Screen::Failed, false);
                }
                return;
            }
        };
        let error = reply.error().cloned();
        if let Some(error) = &error {
            let message = i18n.error(error);
            report(code_name(error.code), message.clone());
            if matches!(
                error.code,
                ErrorCode::Unauthenticated | ErrorCode::SignInTooOld
            ) {
                sign_in_reason.set(if error.code == ErrorCode::Unauthenticated {
                    i18n.t("signin-hint")
                } else {
                    message.clone()
                });
                waiting.set_value(Some(call));
                status.error.set(None);
                show(Screen::SignIn, false);
                return;
            }
            field.set(error.parameter.clone());
            status.error.set(Some(message));
        } else {
            field.set(None);
        }
        let RegisterReply::View(next, approver_part) = reply else {
            if screen.get_untracked() == Screen::Loading {
                show(Screen::Failed, false);
            }
            return;
        };
        let was_up_to_date = view.with_untracked(|v| {
            v.as_ref()
                .is_some_and(|v| matches!(v.due, RegistrationDue::UpToDate { .. }))
        });
        let paired = approver_part.as_ref().is_some_and(|a| a.paired.is_some());
        let target = next_screen(
            &call,
            &next,
            error.is_some(),
            screen.get_untracked(),
            was_up_to_date,
            paired,
        );
        if matches!(call, RegisterCall::AddApp) && error.is_none() {
            pairing_uri.set(
                approver_part
                    .as_ref()
                    .and_then(|a| a.pairing.as_ref())
                    .and_then(|p| p.uri.clone()),
            );
        }
        approver.set(approver_part);
        if error.is_none()
            && matches!(
                call,
                RegisterCall::Verify(_)
                    | RegisterCall::AddEmail(_)
                    | RegisterCall::AddPhone(_)
                    | RegisterCall::AddAuthenticator
            )
        {
            typed.code.set(String::new());
        }
        if target == Screen::Questions
            || matches!(call, RegisterCall::Questions(_)) && error.is_none()
        {
            rows.set_value(Vec::new());
        }
        view.set(Some(*next));
        // A new code or a new secret redraws its screen (countdown, QR code).
        let redraw = error.is_none()
            && (matches!(target, Screen::Code | Screen::Authenticator)
                || matches!(call, RegisterCall::AddApp));
        show(target, redraw);
        match target {
            Screen::Done if error.is_none() => emitter.emit(WidgetEvent::Done {
                flow: Flow::Register,
                outcome: Some("up_to_date"),
            }),
            Screen::Postponed => emitter.emit(WidgetEvent::Done {
                flow: Flow::Register,
                outcome: Some("postponed"),
            }),
            _ => {}
        }
    };

    let send = move |call: RegisterCall| {
        if status.busy.get_untracked() {
            return;
        }
        let Some(token) = credential.get_untracked() else {
            waiting.set_value(Some(call));
            sign_in_reason.set(i18n.t("signin-hint"));
            report(code_name(ErrorCode::Unauthenticated), i18n.t("signin-hint"));
            show(Screen::SignIn, false);
            return;
        };
        status.busy.set(true);
        status.error.set(None);
        let base = edge.get_value();
        spawn_local(async move {
            let result = registration::send(&base, lang, &token, &call).await;
            // The host may have removed the widget while the call was under way.
            if status.busy.try_get_untracked().is_some() {
                apply(call, result)
            }
        });
    };

    // The first view, and again whenever the host sets a new credential after a refusal:
    // the refused request is sent again.
    // Without a credential yet, the widget waits on its loading screen for the host to set one.
    Effect::new(move |_| {
        if credential.with(Option::is_none) {
            return;
        }
        match screen.get_untracked() {
            Screen::Loading => send(RegisterCall::View),
            Screen::SignIn => send(
                waiting
                    .try_update_value(Option::take)
                    .flatten()
                    .unwrap_or(RegisterCall::View),
            ),
            _ => {}
        }
    });

    let overview = move || show(Screen::Overview, false);
    let on_add = move |method: Method| {
        status.error.set(None);
        field.set(None);
        match method {
            Method::EmailCode => show(Screen::AddEmail, false),
            Method::SmsCode => show(Screen::AddPhone, false),
            Method::Authenticator => send(RegisterCall::AddAuthenticator),
            Method::SecurityQuestions => show(Screen::Questions, false),
            Method::AppNotification => send(RegisterCall::AddApp),
        }
    };
    let on_remove = move |method: Method| send(RegisterCall::Remove(method));
    let on_default = move |method: Method| send(RegisterCall::SetDefault(method));
    let on_confirm = move || send(RegisterCall::Confirm);
    let on_skip = move || send(RegisterCall::Skip);
    let on_email = move || send(RegisterCall::AddEmail(address.get_untracked()));
    let on_phone = move || send(RegisterCall::AddPhone(number.get_untracked()));
    let on_code = move || send(RegisterCall::Verify(typed.code.get_untracked()));
    let on_questions = move |answers: Vec<AnswerEntry>| send(RegisterCall::Questions(answers));
    let on_new_secret = move || send(RegisterCall::AddAuthenticator);
    let reload = move || send(RegisterCall::View);
    let on_new_pairing = move || send(RegisterCall::AddApp);
    // While the pairing screen waits: a quiet look at the view (no busy state, no error shown);
    // once the phone has paired, the reply moves the widget on like any other.
    let poll_pairing = move || {
        let Some(token) = credential.get_untracked() else {
            return;
        };
        let base = edge.get_value();
        spawn_local(async move {
            let result = registration::send(&base, lang, &token, &RegisterCall::View).await;
            let paired =
                matches!(&result, Ok(RegisterReply::View(_, Some(a))) if a.paired.is_some());
            if paired
                && screen.try_get_untracked() == Some(Screen::App)
                && !status.busy.get_untracked()
            {
                apply(RegisterCall::View, result);
            }
        });
    };

    let render = move || {
        let current = screen.get();
        let latest = view.get_untracked();
        match current {
            Screen::Loading => view! {
                <div class="sspr-form" data-testid="sspr-loading">
                    <p class="sspr-form__hint" role="status">{i18n.t("loading")}</p>
                </div>
            }
            .into_any(),
            Screen::Failed => view! {
                <div class="sspr-form" data-testid="sspr-failed">
                    <h2 class="sspr-form__title" tabindex="-1">{i18n.t("failed-title")}</h2>
                    <ErrorLine status />
                    <button class="sspr-form__button" type="button" on:click=move |_| reload()>
                        {i18n.t("pending-retry")}
                    </button>
                </div>
            }
            .into_any(),
            Screen::Overview => view! {
                <RegisterOverview view approver status on_add on_remove on_default on_confirm on_skip />
            }
            .into_any(),
            Screen::App => {
                let expires_at = approver
                    .get_untracked()
                    .and_then(|a| a.pairing)
                    .map_or(0, |p| p.expires_at);
                view! {
                    <AppPairing
                        uri=pairing_uri.get_untracked()
                        expires_at
                        status
                        on_poll=poll_pairing
                        on_new=on_new_pairing
                        on_back=overview
                    />
                }
                .into_any()
            }
            Screen::AddEmail => view! {
                <ContactForm method=Method::EmailCode value=address status on_submit=on_email on_back=overview />
            }
            .into_any(),
            Screen::AddPhone => view! {
                <ContactForm method=Method::SmsCode value=number status on_submit=on_phone on_back=overview />
            }
            .into_any(),
            Screen::Code => match latest.and_then(|v| v.pending) {
                Some(PendingEnrolment::Code { method, destination, code_length, resend_at }) => {
                    let channel = if method == Method::SmsCode { Channel::Sms } else { Channel::Email };
                    view! {
                        <CodeForm
                            typed
                            status
                            channel
                            destination
                            code_length
                            resend_at
                            on_submit=on_code
                            on_resend=move || if channel == Channel::Sms { on_phone() } else { on_email() }
                            on_restart=overview
                        />
                    }
                    .into_any()
                }
                _ => view! { <RegisterOverview view approver status on_add on_remove on_default on_confirm on_skip /> }.into_any(),
            },
            Screen::Authenticator => {
                let (secret, uri) = match latest.and_then(|v| v.pending) {
                    Some(PendingEnrolment::Authenticator { secret, uri }) => (secret, uri),
                    _ => (None, None),
                };
                view! {
                    <AuthenticatorSetup secret uri typed status on_submit=on_code on_new=on_new_secret on_back=overview />
                }
                .into_any()
            }
            Screen::Questions => {
                let choices = latest.and_then(|v| v.questions).unwrap_or_else(|| sspr_core::api::QuestionChoices {
                    register: 0,
                    predefined: Vec::new(),
                    custom: Vec::new(),
                    min_answer_chars: 0,
                    max_answer_chars: 0,
                });
                let wanted = usize::from(choices.register);
                let kept = rows.with_value(|r| r.len() == wanted);
                if !kept {
                    rows.set_value((0..wanted).map(|_| QuestionRow::new()).collect());
                }
                view! {
                    <QuestionsForm choices rows=rows.get_value() status field on_submit=on_questions on_back=overview />
                }
                .into_any()
            }
            Screen::SignIn => view! { <SignInAgain reason=sign_in_reason.get_untracked() /> }.into_any(),
            Screen::Done => view! { <RegisterDone postponed=false on_manage=overview /> }.into_any(),
            Screen::Postponed => view! { <RegisterDone postponed=true on_manage=overview /> }.into_any(),
        }
    };

    view! {
        <section class="sspr" data-testid="sspr-register" node_ref=root lang=lang dir=dir>
            {render}
        </section>
    }
}

/// The wire name of an error code.
fn code_name(code: ErrorCode) -> String {
    serde_json::to_value(code)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use sspr_core::api::MethodOffer;

    fn view(due: RegistrationDue, pending: Option<PendingEnrolment>) -> RegistrationView {
        RegistrationView {
            username: "alice".into(),
            display_name: None,
            due,
            required: 1,
            allowed: vec![Method::EmailCode],
            methods: vec![MethodOffer::new(Method::EmailCode, "a•••@e•••.com")],
            default_method: None,
            from_directory: Vec::new(),
            pending,
            questions: None,
            removal_needs_sign_in_after: 0,
            error: None,
        }
    }

    const DUE: RegistrationDue = RegistrationDue::Register {
        missing: 1,
        skips_left: 1,
    };
    const DONE: RegistrationDue = RegistrationDue::UpToDate { next_due: None };

    #[test]
    fn an_added_address_shows_its_code_screen() {
        let pending = PendingEnrolment::Code {
            method: Method::EmailCode,
            destination: "a•••@e•••.com".into(),
            code_length: 6,
            resend_at: 0,
        };
        let call = RegisterCall::AddEmail("a@example.com".into());
        let next = next_screen(
            &call,
            &view(DUE, Some(pending)),
            false,
            Screen::AddEmail,
            false,
            false,
        );
        assert_eq!(next, Screen::Code);
    }

    #[test]
    fn a_pairing_code_shows_the_pairing_screen_until_the_phone_has_paired() {
        let due = view(DUE, None);
        let add = RegisterCall::AddApp;
        assert_eq!(
            next_screen(&add, &due, false, Screen::Overview, false, false),
            Screen::App
        );
        assert_eq!(
            next_screen(&add, &due, true, Screen::Overview, false, false),
            Screen::Overview
        );
        let look = RegisterCall::View;
        assert_eq!(
            next_screen(&look, &due, false, Screen::App, false, false),
            Screen::App
        );
        assert_eq!(
            next_screen(&look, &due, false, Screen::App, false, true),
            Screen::Overview
        );
        assert_eq!(
            next_screen(&look, &view(DONE, None), false, Screen::App, false, true),
            Screen::Done
        );
    }

    #[test]
    fn a_verified_method_that_completes_the_registration_shows_done() {
        let call = RegisterCall::Verify("123456".into());
        assert_eq!(
            next_screen(&call, &view(DONE, None), false, Screen::Code, false, false),
            Screen::Done
        );
        assert_eq!(
            next_screen(&call, &view(DUE, None), false, Screen::Code, false, false),
            Screen::Overview
        );
    }

    #[test]
    fn a_refused_request_keeps_the_screen() {
        let call = RegisterCall::AddPhone("12".into());
        assert_eq!(
            next_screen(
                &call,
                &view(DUE, None),
                true,
                Screen::AddPhone,
                false,
                false
            ),
            Screen::AddPhone
        );
    }

    #[test]
    fn removing_a_method_while_up_to_date_stays_on_the_methods() {
        let call = RegisterCall::Remove(Method::SmsCode);
        assert_eq!(
            next_screen(
                &call,
                &view(DONE, None),
                false,
                Screen::Overview,
                true,
                false
            ),
            Screen::Overview
        );
    }

    #[test]
    fn a_postponement_shows_the_postponed_screen() {
        assert_eq!(
            next_screen(
                &RegisterCall::Skip,
                &view(DUE, None),
                false,
                Screen::Overview,
                false,
                false
            ),
            Screen::Postponed
        );
    }
}
