use leptos::prelude::*;

use super::reset_widget::{ErrorLine, Status};
use crate::i18n::use_i18n;

/// The change is with the directory. Shown when it could not be applied yet, with a way to
/// try again that needs no new proofs.
#[component]
pub fn PendingView(
    /// Busy flag and error shared by all screens.
    status: Status,
    /// Called to try again.
    on_retry: impl Fn() + 'static,
) -> impl IntoView {
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
