use leptos::prelude::*;

use crate::i18n::use_i18n;

/// Shown while the account is blocked after too many failed attempts.
#[component]
pub fn LockedView(
    /// When the block ends, in milliseconds since the Unix epoch.
    until: u64,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint = i18n.t_args("locked-hint", &[("until", i18n.time(until).into())]);
    view! {
        <div class="sspr-form" data-testid="sspr-locked" role="alert">
            <h2 class="sspr-form__title" tabindex="-1">{i18n.t("locked-title")}</h2>
            <p class="sspr-form__hint">{hint}</p>
        </div>
    }
}
