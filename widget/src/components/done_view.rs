use leptos::prelude::*;

/// Last screen: the password was changed.
#[component]
pub fn DoneView() -> impl IntoView {
    view! {
        <div class="sspr-form" data-testid="sspr-done">
            <h2 class="sspr-form__title" tabindex="-1">"Password changed"</h2>
            <p class="sspr-form__hint">"You can now sign in with your new password."</p>
        </div>
    }
}
