use leptos::prelude::*;

use crate::i18n::use_i18n;

/// Registration: the credential was refused or has expired. The host page hears an
/// `sspr:error` with code `unauthenticated`, signs the user in again and sets the new
/// credential on the element, and the widget carries on where it was.
#[component]
pub fn SignInAgain() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="sspr-form" data-testid="sspr-sign-in">
            <h2 class="sspr-form__title" tabindex="-1">{i18n.t("signin-title")}</h2>
            <p class="sspr-form__hint" role="alert">{i18n.t("signin-hint")}</p>
        </div>
    }
}
