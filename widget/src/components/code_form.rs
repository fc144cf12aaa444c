use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::reset_widget::{ErrorLine, Status, Typed};

/// Second screen: the code that was emailed.
#[component]
pub fn CodeForm(
    /// Typed values kept by the widget.
    typed: Typed,
    /// Busy flag and error shared by all screens.
    status: Status,
    /// The masked address the code went to.
    destination: String,
    /// How many digits the code has.
    code_length: u8,
    /// Called when the user submits a code.
    on_submit: impl Fn() + 'static,
    /// Called when the user wants to start over.
    on_restart: impl Fn() + 'static,
) -> impl IntoView {
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        on_submit();
    };
    view! {
        <form class="sspr-form" on:submit=submit data-testid="sspr-code">
            <h2 class="sspr-form__title" tabindex="-1">"Check your email"</h2>
            <p class="sspr-form__hint">
                "We sent a " {code_length} "-digit code to " <strong>{destination}</strong> "."
            </p>
            <label class="sspr-form__label" for=status.id("code")>"Code"</label>
            <input
                class="sspr-form__input sspr-form__input--code"
                id=status.id("code")
                name="code"
                inputmode="numeric"
                autocomplete="one-time-code"
                pattern="[0-9 \\-]*"
                maxlength=u32::from(code_length) + 2
                required
                prop:value=move || typed.code.get()
                on:input=move |ev| typed.code.set(event_target_value(&ev))
            />
            <ErrorLine status />
            <button class="sspr-form__button" type="submit" disabled=move || status.busy.get()>
                "Verify"
            </button>
            <button class="sspr-form__link" type="button" on:click=move |_| on_restart()>
                "Start over"
            </button>
        </form>
    }
}
