use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::reset_widget::{ErrorLine, Status};
use crate::i18n::use_i18n;

/// On the phone, opened from the registration screen's QR code: the user names the phone
/// (shown later on the registration screen) and pairs it.
#[component]
pub fn PairingForm(
    /// The phone's name, prefilled from its browser.
    name: RwSignal<String>,
    /// Busy flag and error shared by all screens.
    status: Status,
    /// Called when the user pairs.
    on_submit: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        on_submit();
    };
    let input = status.id("device-name");
    let hint = status.id("device-name-hint");
    view! {
        <form class="sspr-form" on:submit=submit data-testid="sspr-approver-pair">
            <h2 class="sspr-form__title" tabindex="-1">{i18n.t("approver-title-pair")}</h2>
            <p class="sspr-form__hint">{i18n.t("approver-pair-hint")}</p>
            <label class="sspr-form__label" for=input.clone()>{i18n.t("approver-name-label")}</label>
            <input
                class="sspr-form__input"
                id=input
                type="text"
                maxlength="64"
                autocomplete="off"
                required
                aria-describedby=hint.clone()
                prop:value=move || name.get()
                on:input=move |ev| name.set(event_target_value(&ev))
            />
            <p class="sspr-form__hint" id=hint>{i18n.t("approver-name-hint")}</p>
            <ErrorLine status />
            <button class="sspr-form__button" type="submit" disabled=move || status.busy.get()>
                {i18n.t("approver-pair")}
            </button>
        </form>
    }
}
