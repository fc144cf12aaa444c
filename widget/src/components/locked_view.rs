use leptos::prelude::*;

/// Shown while the account is blocked after too many failed attempts.
#[component]
pub fn LockedView(
    /// When the block ends, in milliseconds since the Unix epoch.
    until: u64,
) -> impl IntoView {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(until as f64));
    let when = String::from(date.to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED));
    view! {
        <div class="sspr-form" data-testid="sspr-locked" role="alert">
            <h2 class="sspr-form__title" tabindex="-1">"Too many attempts"</h2>
            <p class="sspr-form__hint">
                "For your security, password reset is blocked for this account until " <strong>{when}</strong> "."
            </p>
        </div>
    }
}
