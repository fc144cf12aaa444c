use std::time::Duration;

use leptos::prelude::*;

use super::reset_widget::{ErrorLine, Status};
use crate::i18n::use_i18n;

/// The change is with the directory: the edge retries it when the directory is busy, and this
/// screen asks every 1.5 s how it went, until it is done or it failed. After a failure it
/// offers to try again, which needs no new proofs.
#[component]
pub fn PendingView(
    /// Busy flag and error shared by all screens.
    status: Status,
    /// Called to try again.
    on_retry: impl Fn() + 'static,
    /// Called to ask how the change went.
    on_poll: impl Fn() + 'static,
) -> impl IntoView {
    if let Ok(poller) = set_interval_with_handle(
        move || {
            if status.error.get_untracked().is_none() {
                on_poll();
            }
        },
        Duration::from_millis(1500),
    ) {
        on_cleanup(move || poller.clear());
    }
    let i18n = use_i18n();
    view! {
        <div class="sspr-form" data-testid="sspr-pending">
            <h2 class="sspr-form__title" tabindex="-1">{i18n.t("pending-title")}</h2>
            <p class="sspr-form__hint">{i18n.t("pending-hint")}</p>
            <ErrorLine status />
            <button class="sspr-form__button" type="button" disabled=move || status.busy.get() on:click=move |_| on_retry()>
                {i18n.t("pending-retry")}
            </button>
        </div>
    }
}
