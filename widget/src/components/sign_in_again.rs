use leptos::prelude::*;

use crate::i18n::use_i18n;

/// Registration: the credential was refused or has expired, or it is too old to remove a
/// method. The host page hears an `sspr:error` with code `unauthenticated` (or
/// `sign_in_too_old`), signs the user in again and sets the new credential on the element,
/// and the widget sends the refused request again.
#[component]
pub fn SignInAgain(
    /// Why, in the user's language.
    reason: String,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="sspr-form" data-testid="sspr-sign-in">
            <h2 class="sspr-form__title" tabindex="-1">{i18n.t("signin-title")}</h2>
            <p class="sspr-form__hint" role="alert">{reason}</p>
        </div>
    }
}
