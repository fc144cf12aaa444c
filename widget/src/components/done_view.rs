use leptos::prelude::*;
use sspr_core::flow::FlowKind;

/// Last screen: the password was changed, or the account unlocked.
#[component]
pub fn DoneView(
    /// Reset or unlock.
    kind: FlowKind,
) -> impl IntoView {
    let (title, hint) = match kind {
        FlowKind::Reset => (
            "Password changed",
            "You can now sign in with your new password.",
        ),
        FlowKind::Unlock => (
            "Account unlocked",
            "You can now sign in with your password.",
        ),
    };
    view! {
        <div class="sspr-form" data-testid="sspr-done">
            <h2 class="sspr-form__title" tabindex="-1">{title}</h2>
            <p class="sspr-form__hint">{hint}</p>
        </div>
    }
}
