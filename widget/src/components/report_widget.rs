use leptos::prelude::*;
use leptos::task::spawn_local;
use sspr_core::api::{ChangeKind, ErrorCode, ReportReply, ReportStatus, ReportedChange};

use super::helpdesk_link::HelpdeskLink;
use super::reset_widget::{ErrorLine, Status, focus_heading, next_instance};
use crate::api::report::token_in_fragment;
use crate::api::{Client, ClientError};
use crate::events::{Emitter, WidgetEvent};
use crate::i18n::{I18n, Locale};
use crate::options::Flow;

/// The report page's screens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// Asking the edge what the link is about.
    Loading,
    /// The change, and the confirmation button.
    Confirm(ReportReply),
    /// This visit reported it.
    Reported(ReportReply),
    /// It was reported before.
    AlreadyReported(ReportReply),
    /// The link cannot be used (no token, or the edge refused it): why.
    Invalid(String),
    /// The edge could not be reached to show the change: why, and a retry.
    Failed(String),
}

impl Screen {
    /// The name in `sspr:step` events.
    pub fn name(&self) -> &'static str {
        match self {
            Screen::Loading => "loading",
            Screen::Confirm(_) => "confirm",
            Screen::Reported(_) => "reported",
            Screen::AlreadyReported(_) => "already_reported",
            Screen::Invalid(_) => "invalid",
            Screen::Failed(_) => "failed",
        }
    }
}

/// The message ids of a change, and the method's name to put in it.
fn change_ids(change: &ReportedChange) -> (&'static str, Option<String>) {
    let method = change.method.map(|m| format!("report-method-{}", m.key()));
    match change.kind {
        ChangeKind::PasswordChanged => ("report-change-password_changed", None),
        ChangeKind::AccountUnlocked => ("report-change-account_unlocked", None),
        ChangeKind::MethodAdded => ("report-change-method_added", method),
        ChangeKind::MethodRemoved => ("report-change-method_removed", method),
    }
}

/// The "this wasn't me" page (`<sspr-reset flow="report">`), opened from the link in a
/// notice about the user's account (`…#report=<token>`). It shows what changed and when
/// (`POST /v1/report/preview`, which changes nothing), asks the user to confirm that it
/// was not them, reports it (`POST /v1/report`) and then says what happens next and where
/// the helpdesk is. Nothing is done on load: a mail scanner that opens the link reports
/// nothing. The edge decides everything; the page draws its [`ReportReply`].
#[component]
pub fn ReportWidget(
    /// Base URL of the sspr edge.
    edge: String,
    /// Where the widget's `sspr:*` events go (the host element).
    #[prop(optional)]
    emitter: Emitter,
    /// The messages, in one of [`crate::i18n::LOCALES`].
    #[prop(default = Locale::english())]
    locale: Locale,
    /// The page's fragment, where the link put the token (the page's `location.hash`).
    #[prop(into)]
    fragment: String,
) -> impl IntoView {
    let (lang, dir) = (locale.tag(), locale.dir());
    let i18n = I18n::new(locale);
    provide_context(i18n);
    let client = StoredValue::new(Client::new(&edge, lang));
    let token = StoredValue::new(token_in_fragment(&fragment));
    let root = NodeRef::<leptos::html::Section>::new();
    let screen = RwSignal::new(Screen::Loading);
    let status = Status {
        busy: RwSignal::new(false),
        error: RwSignal::new(None),
        instance: next_instance(),
    };

    let show = move |next: Screen| {
        let changed =
            std::mem::discriminant(&next) != std::mem::discriminant(&screen.get_untracked());
        if changed {
            emitter.emit(WidgetEvent::Step {
                flow: Flow::Report,
                step: next.name(),
            });
            if matches!(next, Screen::Reported(_)) {
                emitter.emit(WidgetEvent::Done {
                    flow: Flow::Report,
                    outcome: Some("reported"),
                });
            }
        }
        screen.set(next);
        if changed {
            focus_heading(root);
        }
    };
    let refused = move |code: ErrorCode, message: String| {
        emitter.emit(WidgetEvent::error(Flow::Report, code, &message));
        show(Screen::Invalid(message));
    };
    let unreachable = move |err: ClientError| {
        let message = i18n.t(err.message_id());
        emitter.emit(WidgetEvent::Error {
            flow: Flow::Report,
            code: err.code().into(),
            message: message.clone(),
        });
        message
    };
    // What the edge answered, as a screen: an error, or where the report stands.
    let answered = move |reply: ReportReply| match (&reply.error, reply.status) {
        (Some(error), _) => refused(error.code, i18n.error(error)),
        (None, Some(ReportStatus::Open)) => show(Screen::Confirm(reply)),
        (None, Some(ReportStatus::Reported)) => show(Screen::Reported(reply)),
        (None, Some(ReportStatus::AlreadyReported) | None) => show(Screen::AlreadyReported(reply)),
    };

    let preview = move || {
        let Some(token) = token.get_value() else {
            show(Screen::Invalid(i18n.t("report-missing")));
            return;
        };
        show(Screen::Loading);
        let client = client.get_value();
        spawn_local(async move {
            let answer = client.report(&token, false).await;
            if screen.try_get_untracked().is_none() {
                return; // the host removed the widget meanwhile
            }
            match answer {
                Ok(reply) => answered(reply),
                Err(err) => show(Screen::Failed(unreachable(err))),
            }
        });
    };
    let confirm = move || {
        let Some(token) = token.get_value() else {
            return;
        };
        if status.busy.get_untracked() {
            return;
        }
        status.busy.set(true);
        status.error.set(None);
        let client = client.get_value();
        spawn_local(async move {
            let answer = client.report(&token, true).await;
            if status.busy.try_get_untracked().is_none() {
                return;
            }
            status.busy.set(false);
            match answer {
                Ok(reply) => answered(reply),
                // No answer: pressing again is safe, as a link reports its change once.
                Err(err) => status.error.set(Some(unreachable(err))),
            }
        });
    };
    preview();

    let when = move |at: u64| i18n.time(at);
    let sentence = move |change: &ReportedChange| {
        let (id, method) = change_ids(change);
        match method {
            Some(method) => i18n.t_args(id, &[("method", i18n.t(&method).into())]),
            None => i18n.t(id),
        }
    };
    // Every screen but the confirmation is a card of the same layout.
    let card = move |screen: Screen| -> Card {
        let title = |id: &str| i18n.t(id);
        match screen {
            Screen::Loading => {
                Card::new("sspr-report-loading", title("report-title")).line(i18n.t("loading"))
            }
            Screen::Reported(reply) => {
                let until = when(reply.held_until.unwrap_or_default());
                let card = Card::new("sspr-report-done", title("report-done-title"))
                    .line(i18n.t_args("report-done-hint", &[("until", until.into())]));
                let card = match reply.method_removed {
                    Some(_) => card.line(i18n.t("report-done-removed")),
                    None => card,
                };
                card.helpdesk(reply.helpdesk)
            }
            Screen::AlreadyReported(reply) => {
                let at = when(reply.reported_at.unwrap_or_default());
                Card::new("sspr-report-already", title("report-already-title"))
                    .line(i18n.t_args("report-already-hint", &[("when", at.into())]))
                    .helpdesk(reply.helpdesk)
            }
            Screen::Invalid(message) => {
                Card::new("sspr-report-invalid", title("report-invalid-title")).alert(message)
            }
            Screen::Failed(message) => Card {
                retry: true,
                ..Card::new("sspr-report-failed", title("report-title")).alert(message)
            },
            // Drawn by the confirmation form.
            Screen::Confirm(_) => Card::new("sspr-report-confirm", title("report-title")),
        }
    };

    view! {
        <section class="sspr" data-testid="sspr-report" node_ref=root lang=lang dir=dir>
            {move || match screen.get() {
                Screen::Confirm(reply) => {
                    let change = reply.change.unwrap_or(ReportedChange {
                        kind: ChangeKind::PasswordChanged,
                        method: None,
                        at: 0,
                    });
                    let adds = change.kind == ChangeKind::MethodAdded;
                    view! {
                        <form
                            class="sspr-form"
                            data-testid="sspr-report-confirm"
                            on:submit=move |ev| {
                                ev.prevent_default();
                                confirm();
                            }
                        >
                            <h2 class="sspr-form__title" tabindex="-1">{i18n.t("report-title")}</h2>
                            <p data-testid="sspr-report-change">{sentence(&change)}</p>
                            <p class="sspr-form__hint">
                                {i18n.t_args("report-when", &[("when", when(change.at).into())])}
                            </p>
                            <p class="sspr-form__hint">{i18n.t("report-explain")}</p>
                            {adds.then(|| view! {
                                <p class="sspr-form__hint">{i18n.t("report-explain-remove")}</p>
                            })}
                            <button
                                class="sspr-form__button"
                                type="submit"
                                disabled=move || status.busy.get()
                            >
                                {i18n.t("report-confirm")}
                            </button>
                            <ErrorLine status />
                            <p class="sspr-form__hint">{i18n.t("report-it-was-me")}</p>
                        </form>
                    }
                    .into_any()
                }
                other => {
                    let Card { testid, title, lines, alert, helpdesk, retry } = card(other);
                    view! {
                        <div class="sspr-form" data-testid=testid>
                            <h2 class="sspr-form__title" tabindex="-1">{title}</h2>
                            {lines
                                .into_iter()
                                .map(|line| view! { <p class="sspr-form__hint">{line}</p> })
                                .collect_view()}
                            {alert.map(|alert| view! { <p class="sspr-error" role="alert">{alert}</p> })}
                            <HelpdeskLink helpdesk />
                            {retry.then(|| view! {
                                <button class="sspr-form__button" type="button" on:click=move |_| preview()>
                                    {i18n.t("pending-retry")}
                                </button>
                            })}
                        </div>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}

/// What a screen other than the confirmation shows: a heading, paragraphs, why the link
/// cannot be used or the edge not reached, the helpdesk, and a retry.
struct Card {
    testid: &'static str,
    title: String,
    lines: Vec<String>,
    alert: Option<String>,
    helpdesk: Option<String>,
    retry: bool,
}

impl Card {
    fn new(testid: &'static str, title: String) -> Self {
        Card {
            testid,
            title,
            lines: Vec::new(),
            alert: None,
            helpdesk: None,
            retry: false,
        }
    }

    fn line(mut self, line: String) -> Self {
        self.lines.push(line);
        self
    }

    fn alert(mut self, alert: String) -> Self {
        self.alert = Some(alert);
        self
    }

    fn helpdesk(mut self, helpdesk: Option<String>) -> Self {
        self.helpdesk = helpdesk;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sspr_core::flow::Notice;
    use sspr_core::policy::Method;

    #[test]
    fn a_method_change_is_worded_with_the_methods_own_message() {
        let change = ReportedChange::new(Notice::MethodAdded(Method::SmsCode), 0);
        assert_eq!(
            change_ids(&change),
            (
                "report-change-method_added",
                Some("report-method-sms_code".to_owned())
            )
        );
        let change = ReportedChange::new(Notice::PasswordChanged, 0);
        assert_eq!(
            change_ids(&change),
            ("report-change-password_changed", None)
        );
    }

    #[test]
    fn every_change_and_method_has_an_english_message() {
        let english = Locale::english();
        let kinds = [
            Notice::PasswordChanged,
            Notice::AccountUnlocked,
            Notice::MethodAdded(Method::EmailCode),
            Notice::MethodRemoved(Method::EmailCode),
        ];
        let methods = [
            Method::EmailCode,
            Method::SmsCode,
            Method::Authenticator,
            Method::AppNotification,
            Method::SecurityQuestions,
        ];
        for notice in kinds {
            let (id, _) = change_ids(&ReportedChange::new(notice, 0));
            assert_ne!(english.t(id), id, "{id}");
        }
        for method in methods {
            let id = format!("report-method-{}", method.key());
            assert_ne!(english.t(&id), id, "{id}");
        }
    }

    #[test]
    fn screens_are_named_for_the_host() {
        assert_eq!(Screen::Confirm(ReportReply::default()).name(), "confirm");
        assert_eq!(Screen::Reported(ReportReply::default()).name(), "reported");
        assert_eq!(Screen::Invalid(String::new()).name(), "invalid");
    }
}
