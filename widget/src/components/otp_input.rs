use leptos::prelude::*;

/// One input for a one-time code, drawn as one box per digit (the code screen's style):
/// autofill, paste and screen readers work as for any field, and `on_complete` runs as soon
/// as the code has all its digits.
#[component]
pub fn OtpInput(
    /// The code as typed, kept by the widget.
    code: RwSignal<String>,
    /// The input's element id (its label points at it).
    id: String,
    /// How many digits the code has.
    length: u8,
    /// Called when the code has all its digits.
    on_complete: impl Fn() + 'static,
) -> impl IntoView {
    let complete =
        move |code: &str| code.chars().filter(char::is_ascii_digit).count() == usize::from(length);
    view! {
        <input
            class="sspr-form__input sspr-form__input--code"
            style:--sspr-code-length=length.to_string()
            id=id
            name="code"
            inputmode="numeric"
            autocomplete="one-time-code"
            pattern="[0-9 \\-]*"
            maxlength=u32::from(length) + 2
            required
            prop:value=move || code.get()
            on:input=move |ev| {
                let value = event_target_value(&ev);
                let done = complete(&value);
                code.set(value);
                if done {
                    on_complete();
                }
            }
        />
    }
}
