use std::time::Duration;

use leptos::prelude::*;

use super::other_method_button::OtherMethodButton;
use super::reset_widget::{ErrorLine, Status};
use crate::i18n::use_i18n;

/// How often the screen asks the edge whether the phone answered.
pub const POLL_EVERY: Duration = Duration::from_secs(2);

/// The reset's `await_approval` step (app notification with number matching): the two-digit
/// number the user taps among the choices their paired phone shows. The screen asks the edge
/// every [`POLL_EVERY`] how it stands (`POST /v1/reset/status`); the edge's answer moves the
/// widget on, to the next method or the new password once the phone approved, or back to the
/// choice with why when it denied, picked another number or let two minutes pass.
#[component]
pub fn ApprovalWait(
    /// Busy flag and error shared by all screens.
    status: Status,
    /// The number shown here, which the user picks on the phone.
    number: u8,
    /// Called to ask whether the phone answered.
    on_poll: impl Fn() + 'static,
    /// Called when the user wants to start over.
    on_restart: impl Fn() + 'static,
    /// Called when the user wants to prove another of the offered methods (absent when the
    /// edge offered only this one).
    #[prop(default = None)]
    on_switch: Option<Callback<()>>,
) -> impl IntoView {
    if let Ok(poller) = set_interval_with_handle(
        move || {
            if !status.busy.get_untracked() {
                on_poll();
            }
        },
        POLL_EVERY,
    ) {
        on_cleanup(move || poller.clear());
    }
    let i18n = use_i18n();
    let number = format!("{number:02}");
    view! {
        <div class="sspr-form" data-testid="sspr-approval">
            <h2 class="sspr-form__title" tabindex="-1">{i18n.t("approval-title")}</h2>
            <p class="sspr-form__hint">{i18n.t("approval-hint")}</p>
            <p class="sspr-approval__number" data-testid="sspr-approval-number">
                <span class="sspr-visually-hidden">{i18n.t("approval-number-label")}</span>
                {number}
            </p>
            <p class="sspr-form__hint" role="status">{i18n.t("approval-waiting")}</p>
            <ErrorLine status />
            {on_switch.map(|on_switch| view! { <OtherMethodButton status on_switch /> })}
            <button class="sspr-form__link" type="button" on:click=move |_| on_restart()>
                {i18n.t("restart")}
            </button>
        </div>
    }
}
