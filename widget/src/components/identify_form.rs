use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use sspr_core::flow::FlowKind;

use super::reset_widget::{ErrorLine, Status, Typed};
use super::turnstile_check::TurnstileCheck;
use crate::i18n::use_i18n;
use crate::turnstile::TurnstileHost;

/// First screen: who is resetting.
#[component]
pub fn IdentifyForm(
    /// Typed values kept by the widget.
    typed: Typed,
    /// Busy flag and error shared by all screens.
    status: Status,
    /// Reset or unlock.
    kind: FlowKind,
    /// Called when the user submits a username.
    on_submit: impl Fn() + 'static,
    /// Cloudflare Turnstile's host, when the page gave a site key: the challenge is shown
    /// and the button waits for its token.
    turnstile: Option<TurnstileHost>,
    /// The challenge's token, sent with the start.
    token: RwSignal<Option<String>>,
    /// The widget's section (the challenge finds its slot there).
    root: NodeRef<leptos::html::Section>,
) -> impl IntoView {
    let i18n = use_i18n();
    let needs_token = turnstile.is_some();
    let check = turnstile.map(|host| view! { <TurnstileCheck host kind token root /> });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        on_submit();
    };
    view! {
        <form class="sspr-form" on:submit=submit data-testid="sspr-identify">
            <h2 class="sspr-form__title" tabindex="-1">
                {i18n.t(match kind {
                    FlowKind::Reset => "identify-title-reset",
                    FlowKind::Unlock => "identify-title-unlock",
                })}
            </h2>
            <p class="sspr-form__hint">{i18n.t("identify-hint")}</p>
            <label class="sspr-form__label" for=status.id("username")>{i18n.t("identify-username")}</label>
            <input
                class="sspr-form__input"
                id=status.id("username")
                name="username"
                autocomplete="username"
                autocapitalize="none"
                spellcheck="false"
                required
                prop:value=move || typed.username.get()
                on:input=move |ev| typed.username.set(event_target_value(&ev))
            />
            {check}
            <ErrorLine status />
            <button
                class="sspr-form__button"
                type="submit"
                disabled=move || status.busy.get() || (needs_token && token.with(Option::is_none))
            >
                {i18n.t("identify-submit")}
            </button>
        </form>
    }
}
