use leptos::prelude::*;

use crate::i18n::use_i18n;

/// Shown when the edge asks for a step this build of the widget cannot render (an older
/// widget cached in front of a newer edge): nothing is lost, and the user knows what to do.
#[component]
pub fn UnsupportedStep(
    /// The step's kind, for support.
    kind: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="sspr-form" data-testid="sspr-unsupported" data-step=kind role="alert">
            <h2 class="sspr-form__title" tabindex="-1">{i18n.t("unsupported-title")}</h2>
            <p class="sspr-form__hint">{i18n.t("unsupported-hint")}</p>
        </div>
    }
}
