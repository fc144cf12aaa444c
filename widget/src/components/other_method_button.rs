use leptos::prelude::*;

use super::reset_widget::Status;
use crate::i18n::use_i18n;

/// "Use another method", under a proving screen of a reset (a code, the authenticator, the
/// security questions) when the edge offered more than one method: back to the choice, where
/// picking a method asks the edge to switch to it (the current challenge is abandoned; the
/// failed-proof and send counters are kept).
#[component]
pub fn OtherMethodButton(
    /// Busy flag shared by all screens.
    status: Status,
    /// Called when the user wants to pick another method.
    on_switch: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button
            class="sspr-form__link"
            type="button"
            data-testid="sspr-other-method"
            disabled=move || status.busy.get()
            on:click=move |_| on_switch.run(())
        >
            {i18n.t("switch-method")}
        </button>
    }
}
