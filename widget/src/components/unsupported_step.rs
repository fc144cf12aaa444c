use leptos::prelude::*;

/// Shown when the edge asks for a step this build of the widget cannot render (an older
/// widget cached in front of a newer edge): nothing is lost, and the user knows what to do.
#[component]
pub fn UnsupportedStep(
    /// The step's kind, for support.
    kind: &'static str,
) -> impl IntoView {
    view! {
        <div class="sspr-form" data-testid="sspr-unsupported" data-step=kind role="alert">
            <h2 class="sspr-form__title" tabindex="-1">"This page needs an update"</h2>
            <p class="sspr-form__hint">
                "Your reset needs a step this page cannot show. Reload the page, or contact your helpdesk."
            </p>
        </div>
    }
}
