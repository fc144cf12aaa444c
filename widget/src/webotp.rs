//! WebOTP: on browsers that have it (Chrome on Android), the browser reads a texted code whose
//! last line is `@host #code` for this page's host and offers it to the user; with their
//! consent the promise resolves with the code. Elsewhere this does nothing, and autofill
//! (`autocomplete="one-time-code"`) does the same job on iOS and in desktop browsers.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Waits for a texted code; `on_code` gets it. Abort the returned controller when the code
/// screen goes away. `None` where the browser has no WebOTP.
pub fn listen(on_code: impl Fn(String) + 'static) -> Option<web_sys::AbortController> {
    let window = web_sys::window()?;
    if !js_sys::Reflect::has(&window, &JsValue::from_str("OTPCredential")).unwrap_or(false) {
        return None;
    }
    let controller = web_sys::AbortController::new().ok()?;
    let otp = js_sys::Object::new();
    let transport = js_sys::Array::of1(&JsValue::from_str("sms"));
    js_sys::Reflect::set(&otp, &JsValue::from_str("transport"), &transport).ok()?;
    let options = web_sys::CredentialRequestOptions::new();
    js_sys::Reflect::set(&options, &JsValue::from_str("otp"), &otp).ok()?;
    options.set_signal(&controller.signal());
    let promise = window
        .navigator()
        .credentials()
        .get_with_options(&options)
        .ok()?;
    wasm_bindgen_futures::spawn_local(async move {
        // Aborting (the user moved on) or refusing rejects the promise: nothing to do then.
        if let Ok(credential) = JsFuture::from(promise).await
            && let Ok(code) = js_sys::Reflect::get(&credential, &JsValue::from_str("code"))
            && let Some(code) = code.as_string()
        {
            on_code(code);
        }
    });
    Some(controller)
}
