use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use sspr_core::api::Channel;

use super::reset_widget::{ErrorLine, Status, Typed};
use crate::i18n::use_i18n;

/// Second screen: the code that was emailed.
#[component]
pub fn CodeForm(
    /// Typed values kept by the widget.
    typed: Typed,
    /// Busy flag and error shared by all screens.
    status: Status,
    /// Email or SMS.
    channel: Channel,
    /// The masked address the code went to.
    destination: String,
    /// How many digits the code has.
    code_length: u8,
    /// Called when the user submits a code.
    on_submit: impl Fn() + 'static,
    /// Called when the user wants to start over.
    on_restart: impl Fn() + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let title = match channel {
        Channel::Email => "code-title-email",
        Channel::Sms => "code-title-sms",
    };
    let hint = i18n.t_args(
        "code-hint",
        &[
            ("length", code_length.into()),
            ("destination", destination.into()),
        ],
    );
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        on_submit();
    };
    view! {
        <form class="sspr-form" on:submit=submit data-testid="sspr-code">
            <h2 class="sspr-form__title" tabindex="-1">{i18n.t(title)}</h2>
            <p class="sspr-form__hint">{hint}</p>
            <label class="sspr-form__label" for=status.id("code")>{i18n.t("code-label")}</label>
            <input
                class="sspr-form__input sspr-form__input--code"
                id=status.id("code")
                name="code"
                inputmode="numeric"
                autocomplete="one-time-code"
                pattern="[0-9 \\-]*"
                maxlength=u32::from(code_length) + 2
                required
                prop:value=move || typed.code.get()
                on:input=move |ev| typed.code.set(event_target_value(&ev))
            />
            <ErrorLine status />
            <button class="sspr-form__button" type="submit" disabled=move || status.busy.get()>
                {i18n.t("code-submit")}
            </button>
            <button class="sspr-form__link" type="button" on:click=move |_| on_restart()>
                {i18n.t("restart")}
            </button>
        </form>
    }
}
