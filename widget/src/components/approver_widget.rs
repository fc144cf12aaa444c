use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use sspr_core::api::{
    ApprovalAnswer, ApprovalRequest, ApproverAction, ApproverClaims, ApproverReply, ErrorCode,
    PairRequest, SignedRequest,
};

use super::approval_request::ApprovalRequestForm;
use super::pairing_form::PairingForm;
use super::reset_widget::{ErrorLine, Status, focus_heading, next_instance};
use crate::api::ClientError;
use crate::api::approver::{self, ApproverCall};
use crate::events::{Emitter, WidgetEvent};
use crate::i18n::{I18n, Locale};
use crate::keystore::{self, KeystoreError, Paired};
use crate::options::Flow;
use crate::push::{self, PushError};

/// How often the phone asks whether an approval request is waiting, while the page is
/// visible (and once as soon as it becomes visible again).
pub const POLL_EVERY: Duration = Duration::from_secs(3);

/// The approver's screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Loading,
    /// Opened from the registration screen's QR code: name the phone and pair it.
    Pair,
    /// No pairing kept here, and no pairing code in the address.
    Unpaired,
    /// Paired; asking for requests.
    Waiting,
    /// A request to approve: three numbers and "this wasn't me".
    Request,
    /// What the answer came to.
    Answered(Outcome),
    /// The browser cannot keep a key (no IndexedDB or WebCrypto, or not HTTPS).
    Unsupported,
}

impl Screen {
    /// The name in `sspr:step` events.
    pub fn name(self) -> &'static str {
        match self {
            Screen::Loading => "loading",
            Screen::Pair => "pair",
            Screen::Unpaired => "unpaired",
            Screen::Waiting => "waiting",
            Screen::Request => "request",
            Screen::Answered(_) => "answered",
            Screen::Unsupported => "unsupported",
        }
    }
}

/// What an answer came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The right number: the reset goes on.
    Approved,
    /// "This wasn't me".
    Denied,
    /// Another number than the reset screen's: refused.
    WrongNumber,
    /// The request lapsed before the answer.
    Expired,
    /// No request is open any more (answered elsewhere, or replaced).
    Gone,
}

impl Outcome {
    /// The locale messages: the title and the explanation.
    pub fn messages(self) -> (&'static str, &'static str) {
        match self {
            Outcome::Approved => ("approver-title-approved", "approver-approved"),
            Outcome::Denied => ("approver-title-denied", "approver-denied"),
            Outcome::WrongNumber => ("approver-title-wrong", "approver-wrong"),
            Outcome::Expired => ("approver-title-expired", "approver-expired"),
            Outcome::Gone => ("approver-title-gone", "approver-gone"),
        }
    }
}

/// What the edge's `reply` to `answer` came to; `None` for another error (shown as such,
/// the request stays on screen).
pub fn outcome(answer: ApprovalAnswer, reply: &ApproverReply) -> Option<Outcome> {
    match reply.error.as_ref().map(|e| e.code) {
        None if reply.approved == Some(true) => Some(Outcome::Approved),
        None => None,
        Some(ErrorCode::ApprovalFailed) => Some(match answer {
            ApprovalAnswer::Deny => Outcome::Denied,
            ApprovalAnswer::Pick { .. } => Outcome::WrongNumber,
        }),
        Some(ErrorCode::ApprovalExpired) => Some(Outcome::Expired),
        Some(ErrorCode::NoApprovalPending) => Some(Outcome::Gone),
        Some(_) => None,
    }
}

/// The pairing code in the page's address fragment (`#pair=<code>`), if any.
pub fn pairing_code(fragment: &str) -> Option<String> {
    fragment
        .trim_start_matches('#')
        .split('&')
        .find_map(|part| part.strip_prefix("pair="))
        .filter(|code| {
            !code.is_empty()
                && code.len() <= 128
                && code
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
        .map(str::to_owned)
}

/// A name for this phone the user can keep or change, from the browser's user agent
/// (`None`: the locale's "My phone").
pub fn device_name(user_agent: &str) -> Option<&'static str> {
    [
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Android", "Android"),
        ("Windows", "Windows"),
        ("Macintosh", "Mac"),
        ("CrOS", "Chromebook"),
        ("Linux", "Linux"),
    ]
    .into_iter()
    .find(|(marker, _)| user_agent.contains(marker))
    .map(|(_, name)| name)
}

/// Whether an error to a signed request means the edge no longer knows this phone.
fn unpaired(reply: &ApproverReply) -> bool {
    reply
        .error
        .as_ref()
        .is_some_and(|e| e.code == ErrorCode::SignatureInvalid)
}

/// A request signed by `paired` for `action`.
async fn signed(paired: &Paired, action: ApproverAction) -> Result<SignedRequest, KeystoreError> {
    let claims = ApproverClaims::new(
        &paired.device,
        js_sys::Date::now() as u64,
        keystore::random16()?,
        action,
    );
    let input = SignedRequest::signing_input(&claims);
    let signature = keystore::sign(&paired.key, &input).await?;
    Ok(SignedRequest::compact(&input, &signature))
}

/// `<sspr-approver>`: the page on the user's phone that answers app notifications. Opened
/// from the registration screen's QR code (`…#pair=<code>`), it makes a P-256 key that
/// never leaves the browser, pairs with its public half and keeps the private half in
/// IndexedDB. Afterwards, while it is open, it asks the edge every [`POLL_EVERY`] for a
/// request to approve, shows the three numbers and "this wasn't me", and signs the answer.
#[component]
pub fn ApproverWidget(
    /// Base URL of the sspr edge.
    edge: String,
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
    let edge = StoredValue::new(edge.trim_end_matches('/').to_owned());
    let root = NodeRef::<leptos::html::Section>::new();
    let screen = RwSignal::new(Screen::Loading);
    let status = Status {
        busy: RwSignal::new(false),
        error: RwSignal::new(None),
        instance: next_instance(),
    };
    let devices = StoredValue::new_local(Vec::<Paired>::new());
    let names = RwSignal::new(Vec::<(String, u64)>::new());
    let pairing = StoredValue::new(None::<String>);
    let name = RwSignal::new(String::new());
    let request = RwSignal::new(None::<(String, ApprovalRequest)>);
    let notice = RwSignal::new(None::<&'static str>);
    let polling = StoredValue::new(false);
    // Web Push: the edge's application server key when it sends pushes, and whether it
    // pushes to this phone (from the edge's replies; `None` until one came).
    let push_key = RwSignal::new(None::<String>);
    let pushing = RwSignal::new(None::<bool>);
    // (`try_set`: the widget may be gone when a reply comes.)
    let heard = move |reply: &ApproverReply| {
        if reply.push_key.is_some() {
            let _ = push_key.try_set(reply.push_key.clone());
        }
        if reply.push.is_some() {
            let _ = pushing.try_set(reply.push);
        }
    };

    let show = move |next: Screen| {
        let previous = screen.get_untracked();
        if next == previous {
            return;
        }
        emitter.emit(WidgetEvent::Step {
            flow: Flow::Approver,
            step: next.name(),
        });
        screen.set(next);
        if previous != Screen::Loading {
            focus_heading(root);
        }
    };
    let fail = move |code: &str, message: String| {
        emitter.emit(WidgetEvent::Error {
            flow: Flow::Approver,
            code: code.to_owned(),
            message: message.clone(),
        });
        status.error.set(Some(message));
    };
    let keystore_failed = move |err: KeystoreError| match err {
        KeystoreError::Unsupported => show(Screen::Unsupported),
        KeystoreError::Failed(message) => {
            leptos::logging::error!("sspr: the approver's key store: {message}");
            fail("keystore", i18n.t("approver-keystore-failed"));
        }
    };
    let set_devices = move |kept: Vec<Paired>| {
        names.set(kept.iter().map(|p| (p.name.clone(), p.paired_at)).collect());
        devices.set_value(kept);
    };

    // Asks, for each pairing kept here, whether a request is waiting.
    let poll = move || {
        if polling.get_value() || status.busy.get_untracked() || document().hidden() {
            return;
        }
        polling.set_value(true);
        let base = edge.get_value();
        spawn_local(async move {
            let kept = devices.try_get_value().unwrap_or_default();
            let mut found = None;
            let mut gone = Vec::new();
            let mut trouble = None;
            for paired in &kept {
                let call = match signed(paired, ApproverAction::Pending).await {
                    Ok(signed) => ApproverCall::Pending(signed),
                    Err(err) => {
                        trouble = Some(Err(err));
                        break;
                    }
                };
                let reply = approver::send(&base, lang, &call).await;
                if let Ok(reply) = &reply
                    && reply.error.is_none()
                {
                    heard(reply);
                }
                match reply {
                    Ok(reply) if unpaired(&reply) => gone.push(paired.device.clone()),
                    Ok(ApproverReply {
                        request: Some(open),
                        ..
                    }) => {
                        found = Some((paired.device.clone(), open));
                        break;
                    }
                    Ok(ApproverReply { error: Some(e), .. }) => trouble = Some(Ok(i18n.error(&e))),
                    Ok(_) => {}
                    Err(err) => trouble = Some(Ok(i18n.t(err.message_id()))),
                }
            }
            for device in &gone {
                let _ = keystore::forget(device).await;
            }
            // The widget may be gone meanwhile.
            if polling.try_set_value(false).is_some() {
                return;
            }
            if !gone.is_empty() {
                set_devices(
                    kept.into_iter()
                        .filter(|p| !gone.contains(&p.device))
                        .collect(),
                );
                if devices.with_value(Vec::is_empty) {
                    notice.set(Some("approver-removed"));
                    show(Screen::Unpaired);
                    return;
                }
            }
            if screen.get_untracked() != Screen::Waiting {
                return;
            }
            match trouble {
                Some(Err(err)) => keystore_failed(err),
                Some(Ok(message)) => status.error.set(Some(message)),
                None => status.error.set(None),
            }
            if let Some(open) = found {
                request.set(Some(open));
                notice.set(None);
                show(Screen::Request);
            }
        });
    };

    // The start: a pairing code in the address, else the pairings kept here.
    spawn_local(async move {
        let location = window().location();
        let code = location.hash().ok().as_deref().and_then(pairing_code);
        if code.is_some() {
            // The code is single-use: it leaves the address bar (and the history) at once.
            let clean = format!(
                "{}{}",
                location.pathname().unwrap_or_default(),
                location.search().unwrap_or_default()
            );
            if let Ok(history) = window().history() {
                let _ =
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&clean));
            }
        }
        let kept = keystore::load(&edge.get_value()).await;
        if status.busy.try_get_untracked().is_none() {
            return;
        }
        match kept {
            Ok(kept) => set_devices(kept),
            Err(KeystoreError::Unsupported) => return show(Screen::Unsupported),
            Err(err) => keystore_failed(err),
        }
        if let Some(code) = code {
            pairing.set_value(Some(code));
            let agent = window().navigator().user_agent().unwrap_or_default();
            name.set(
                device_name(&agent)
                    .map(str::to_owned)
                    .unwrap_or_else(|| i18n.t("approver-name-default")),
            );
            show(Screen::Pair);
        } else if devices.with_value(Vec::is_empty) {
            show(Screen::Unpaired);
        } else {
            show(Screen::Waiting);
        }
    });

    let on_pair = move || {
        let Some(code) = pairing.get_value() else {
            return;
        };
        if status.busy.get_untracked() {
            return;
        }
        status.busy.set(true);
        status.error.set(None);
        let base = edge.get_value();
        let chosen = name.get_untracked().trim().to_owned();
        spawn_local(async move {
            let result: Result<Result<Paired, String>, KeystoreError> = async {
                let (key, jwk) = keystore::new_key().await?;
                let call = ApproverCall::Pair(PairRequest {
                    pairing: code,
                    name: chosen.clone(),
                    key: jwk,
                });
                Ok(match approver::send(&base, lang, &call).await {
                    Ok(
                        reply @ ApproverReply {
                            device: Some(_), ..
                        },
                    ) => {
                        heard(&reply);
                        let device = reply.device.unwrap_or_default();
                        let paired = Paired {
                            edge: base.clone(),
                            device,
                            name: chosen,
                            paired_at: js_sys::Date::now() as u64,
                            key,
                        };
                        keystore::save(&paired).await?;
                        Ok(paired)
                    }
                    Ok(ApproverReply { error: Some(e), .. }) => Err(i18n.error(&e)),
                    Ok(_) => Err(i18n.t(ClientError::Unreadable.message_id())),
                    Err(err) => Err(i18n.t(err.message_id())),
                })
            }
            .await;
            if status.busy.try_set(false).is_some() {
                return;
            }
            match result {
                Ok(Ok(paired)) => {
                    pairing.set_value(None);
                    let mut kept = devices.get_value();
                    kept.push(paired);
                    set_devices(kept);
                    notice.set(Some("approver-paired"));
                    emitter.emit(WidgetEvent::Done {
                        flow: Flow::Approver,
                        outcome: Some("paired"),
                    });
                    show(Screen::Waiting);
                }
                Ok(Err(message)) => fail("pairing_failed", message),
                Err(err) => keystore_failed(err),
            }
        });
    };

    let on_answer = move |answer: ApprovalAnswer| {
        let Some((device, open)) = request.get_untracked() else {
            return;
        };
        if status.busy.get_untracked() {
            return;
        }
        let Some(paired) = devices.with_value(|d| d.iter().find(|p| p.device == device).cloned())
        else {
            return;
        };
        status.busy.set(true);
        status.error.set(None);
        let base = edge.get_value();
        spawn_local(async move {
            let action = ApproverAction::Answer {
                challenge: open.challenge.clone(),
                answer,
            };
            let reply = match signed(&paired, action).await {
                Ok(signed) => approver::send(&base, lang, &ApproverCall::Answer(signed)).await,
                Err(err) => {
                    let _ = status.busy.try_set(false);
                    return keystore_failed(err);
                }
            };
            if status.busy.try_set(false).is_some() {
                return;
            }
            match reply {
                Ok(reply) => match outcome(answer, &reply) {
                    Some(result) => {
                        request.set(None);
                        emitter.emit(WidgetEvent::Done {
                            flow: Flow::Approver,
                            outcome: Some(match result {
                                Outcome::Approved => "approved",
                                Outcome::Denied => "denied",
                                Outcome::WrongNumber => "wrong_number",
                                Outcome::Expired => "expired",
                                Outcome::Gone => "gone",
                            }),
                        });
                        show(Screen::Answered(result));
                    }
                    None => match reply.error {
                        Some(e) => {
                            let message = i18n.error(&e);
                            emitter.emit(WidgetEvent::error(Flow::Approver, e.code, &message));
                            status.error.set(Some(message));
                        }
                        None => fail(
                            ClientError::Unreadable.code(),
                            i18n.t(ClientError::Unreadable.message_id()),
                        ),
                    },
                },
                Err(err) => fail(err.code(), i18n.t(err.message_id())),
            }
        });
    };
    // Turns the push on (subscribing this browser) or off, for every pairing kept here.
    let on_push = move |enable: bool| {
        if status.busy.get_untracked() {
            return;
        }
        status.busy.set(true);
        status.error.set(None);
        notice.set(None);
        let base = edge.get_value();
        let key = push_key.get_untracked().unwrap_or_default();
        spawn_local(async move {
            let endpoint = if enable {
                let (title, body) = (i18n.t("approver-push-title"), i18n.t("approver-push-body"));
                match push::subscribe(&key, &title, &body).await {
                    Ok(endpoint) => Some(endpoint),
                    Err(err) => {
                        if status.busy.try_set(false).is_some() {
                            return;
                        }
                        let id = match err {
                            PushError::Denied => "approver-push-denied",
                            PushError::Failed(message) => {
                                leptos::logging::error!("sspr: push subscription: {message}");
                                "approver-push-failed"
                            }
                        };
                        return fail("push_failed", i18n.t(id));
                    }
                }
            } else {
                None
            };
            let mut trouble = None;
            for paired in devices.try_get_value().unwrap_or_default() {
                let action = ApproverAction::Push {
                    endpoint: endpoint.clone(),
                };
                let call = match signed(&paired, action).await {
                    Ok(signed) => ApproverCall::Push(signed),
                    Err(err) => {
                        let _ = status.busy.try_set(false);
                        return keystore_failed(err);
                    }
                };
                match approver::send(&base, lang, &call).await {
                    Ok(reply) if reply.error.is_none() => heard(&reply),
                    Ok(ApproverReply { error: Some(e), .. }) => trouble = Some(i18n.error(&e)),
                    Ok(_) => trouble = Some(i18n.t(ClientError::Unreadable.message_id())),
                    Err(err) => trouble = Some(i18n.t(err.message_id())),
                }
            }
            if !enable && let Err(PushError::Failed(message)) = push::unsubscribe().await {
                leptos::logging::error!("sspr: push unsubscription: {message}");
            }
            if status.busy.try_set(false).is_some() {
                return;
            }
            match trouble {
                Some(message) => fail("push_failed", message),
                None => notice.set(Some(if enable {
                    "approver-push-turned-on"
                } else {
                    "approver-push-turned-off"
                })),
            }
        });
    };
    let push_controls = move || {
        push_key.get().filter(|_| push::supported())?;
        Some(match pushing.get() {
            Some(true) => view! {
                <p class="sspr-form__hint" data-testid="sspr-approver-push-on">{i18n.t("approver-push-on")}</p>
                <button class="sspr-form__link" type="button" data-testid="sspr-approver-push-off"
                    on:click=move |_| on_push(false)>
                    {i18n.t("approver-push-disable")}
                </button>
            }
            .into_any(),
            _ => view! {
                <p class="sspr-form__hint">{i18n.t("approver-push-hint")}</p>
                <button class="sspr-form__button" type="button" data-testid="sspr-approver-push"
                    on:click=move |_| on_push(true)>
                    {i18n.t("approver-push-enable")}
                </button>
            }
            .into_any(),
        })
    };
    let back_to_waiting = move || {
        status.error.set(None);
        notice.set(None);
        show(Screen::Waiting);
    };

    // Polls while the waiting screen shows, and at once when the page comes back in view.
    Effect::new(move |_| {
        if screen.get() != Screen::Waiting {
            return;
        }
        poll();
        if let Ok(poller) = set_interval_with_handle(poll, POLL_EVERY) {
            on_cleanup(move || poller.clear());
        }
    });
    let visible = window_event_listener_untyped("visibilitychange", move |_| {
        if screen.get_untracked() == Screen::Waiting {
            poll();
        }
    });
    on_cleanup(move || visible.remove());

    let paired_list = move || {
        let list = names.get();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .map(|(name, at)| {
                    view! {
                        <li class="sspr-held">
                            {i18n.t_args("approver-device", &[("name", name.into()), ("date", i18n.time(at).into())])}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h3 class="sspr-form__subtitle">{i18n.t("approver-devices")}</h3>
                <ul class="sspr-methods" data-testid="sspr-approver-devices">{items}</ul>
            }
        })
    };

    let render = move || {
        match screen.get() {
        Screen::Loading => view! {
            <div class="sspr-form" data-testid="sspr-loading">
                <p class="sspr-form__hint" role="status">{i18n.t("loading")}</p>
            </div>
        }
        .into_any(),
        Screen::Unsupported => view! {
            <div class="sspr-form" data-testid="sspr-approver-unsupported">
                <h2 class="sspr-form__title" tabindex="-1">{i18n.t("approver-title-unsupported")}</h2>
                <p class="sspr-form__hint">{i18n.t("approver-unsupported")}</p>
            </div>
        }
        .into_any(),
        Screen::Pair => view! { <PairingForm name status on_submit=on_pair /> }.into_any(),
        Screen::Unpaired => view! {
            <div class="sspr-form" data-testid="sspr-approver-unpaired">
                <h2 class="sspr-form__title" tabindex="-1">{i18n.t("approver-title-unpaired")}</h2>
                {move || notice.get().map(|id| view! { <p class="sspr-form__hint" role="status">{i18n.t(id)}</p> })}
                <p class="sspr-form__hint">{i18n.t("approver-unpaired-hint")}</p>
                <ErrorLine status />
            </div>
        }
        .into_any(),
        Screen::Waiting => view! {
            <div class="sspr-form" data-testid="sspr-approver-waiting">
                <h2 class="sspr-form__title" tabindex="-1">{i18n.t("approver-title-waiting")}</h2>
                {move || notice.get().map(|id| view! {
                    <p class="sspr-form__hint sspr-notice" role="status" data-testid="sspr-notice">{i18n.t(id)}</p>
                })}
                <p class="sspr-form__hint">{i18n.t("approver-waiting-hint")}</p>
                {paired_list}
                {push_controls}
                <ErrorLine status />
                <button class="sspr-form__button" type="button" on:click=move |_| poll()>
                    {i18n.t("approver-check-now")}
                </button>
            </div>
        }
        .into_any(),
        Screen::Request => match request.get_untracked() {
            Some((_, open)) => view! { <ApprovalRequestForm request=open status on_answer /> }.into_any(),
            None => ().into_any(),
        },
        Screen::Answered(result) => {
            let (title, text) = result.messages();
            view! {
                <div class="sspr-form" data-testid="sspr-approver-answered" data-outcome=format!("{result:?}")>
                    <h2 class="sspr-form__title" tabindex="-1">{i18n.t(title)}</h2>
                    <p class="sspr-form__hint">{i18n.t(text)}</p>
                    <button class="sspr-form__button" type="button" on:click=move |_| back_to_waiting()>
                        {i18n.t("approver-back")}
                    </button>
                </div>
            }
            .into_any()
        }
    }
    };

    view! {
        <section class="sspr" data-testid="sspr-approver" node_ref=root lang=lang dir=dir>
            {render}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sspr_core::api::ApiError;

    #[test]
    fn the_pairing_code_comes_from_the_fragment() {
        assert_eq!(pairing_code("#pair=q83v-_9"), Some("q83v-_9".into()));
        assert_eq!(pairing_code("#x=1&pair=abc"), Some("abc".into()));
        assert_eq!(pairing_code("#pair="), None);
        assert_eq!(pairing_code(""), None);
        assert_eq!(pairing_code("#pair=a%20b"), None);
        assert_eq!(pairing_code("#pair=<script>"), None);
    }

    #[test]
    fn the_phone_is_named_after_its_browser_else_the_locale_default() {
        let pixel = "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 Chrome/120 Mobile";
        assert_eq!(device_name(pixel), Some("Android"));
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15";
        assert_eq!(device_name(iphone), Some("iPhone"));
        assert_eq!(device_name("curl/8"), None);
    }

    #[test]
    fn answers_come_to_their_outcomes() {
        let pick = ApprovalAnswer::Pick { number: 42 };
        let approved = ApproverReply {
            approved: Some(true),
            ..ApproverReply::default()
        };
        assert_eq!(outcome(pick, &approved), Some(Outcome::Approved));
        let refused = |code| ApproverReply::error(ApiError::new(code, "no"));
        assert_eq!(
            outcome(pick, &refused(ErrorCode::ApprovalFailed)),
            Some(Outcome::WrongNumber)
        );
        assert_eq!(
            outcome(ApprovalAnswer::Deny, &refused(ErrorCode::ApprovalFailed)),
            Some(Outcome::Denied)
        );
        assert_eq!(
            outcome(pick, &refused(ErrorCode::ApprovalExpired)),
            Some(Outcome::Expired)
        );
        assert_eq!(
            outcome(pick, &refused(ErrorCode::NoApprovalPending)),
            Some(Outcome::Gone)
        );
        assert_eq!(outcome(pick, &refused(ErrorCode::RequestStale)), None);
        assert_eq!(outcome(pick, &ApproverReply::default()), None);
    }
}
