use leptos::prelude::*;

use crate::i18n::use_i18n;

/// Registration's last screen: the methods are up to date, or the user postponed.
#[component]
pub fn RegisterDone(
    /// The user postponed instead of registering.
    postponed: bool,
    /// Called when the user wants to see or change their methods.
    on_manage: impl Fn() + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let (title, hint) = if postponed {
        ("postponed-title", "postponed-hint")
    } else {
        ("reg-done-title", "reg-done-hint")
    };
    view! {
        <div class="sspr-form" data-testid="sspr-register-done">
            <h2 class="sspr-form__title" tabindex="-1">{i18n.t(title)}</h2>
            <p class="sspr-form__hint">{i18n.t(hint)}</p>
            <button class="sspr-form__link" type="button" on:click=move |_| on_manage()>
                {i18n.t("reg-done-manage")}
            </button>
        </div>
    }
}
