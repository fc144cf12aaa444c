//! Cloudflare Turnstile on the identify screen, when the host page gives a site key
//! (`turnstile-sitekey`). The loader (`widget/js/sspr.js`) owns what must happen outside the
//! shadow root: it loads Turnstile's `api.js` (only then, and once), makes the light-DOM
//! container Turnstile renders into (slotted into the identify form's
//! `<slot name="sspr-turnstile">`), calls the documented explicit-rendering API
//! (`turnstile.render(container, params)`, `reset(id)`, `remove(id)`), and removes the
//! challenge once the slot leaves the page. This side builds the parameters (the callbacks,
//! the action, the language) and keeps the token.
//!
//! ```text
//! host.render(slot, { action, language, callback(token), 'error-callback'(code),
//!                     'expired-callback'() })  →  { reset() }
//! ```

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The loader's Turnstile host: the site key and script URL are already in it.
    #[derive(Clone)]
    pub type TurnstileHost;

    /// Renders a challenge for the `<slot>` `placeholder`; Turnstile calls back on `params`.
    #[wasm_bindgen(method, catch)]
    fn render(
        this: &TurnstileHost,
        placeholder: &web_sys::Element,
        params: &js_sys::Object,
    ) -> Result<Rendered, JsValue>;

    /// One rendered challenge.
    pub type Rendered;

    /// Asks for a new token (`turnstile.reset(id)`).
    #[wasm_bindgen(method)]
    pub fn reset(this: &Rendered);
}

/// The message shown when the challenge expired (`true`) or failed (`false`).
pub fn problem_message(expired: bool) -> &'static str {
    if expired {
        "turnstile-expired"
    } else {
        "turnstile-error"
    }
}

/// Turnstile's `language` for a widget locale tag (`pt-BR` → `pt-br`).
pub fn language(tag: &str) -> String {
    tag.to_ascii_lowercase()
}

/// The callbacks a rendered challenge calls, kept alive while it is shown.
pub struct Callbacks {
    _solved: Closure<dyn FnMut(String)>,
    _failed: Closure<dyn FnMut(JsValue)>,
    _expired: Closure<dyn FnMut()>,
}

/// Renders a challenge into `placeholder` with `action` and `language`. A token goes to
/// `token`; an expiry or a failure empties it and puts the message id in `problem`.
pub fn render(
    host: &TurnstileHost,
    placeholder: &web_sys::Element,
    action: &str,
    language: &str,
    token: RwSignal<Option<String>>,
    problem: RwSignal<Option<String>>,
) -> Result<(Rendered, Callbacks), JsValue> {
    // try_set: a late call after the screen is gone changes nothing.
    let trouble = move |expired: bool| {
        problem.try_set(Some(problem_message(expired).to_owned()));
        token.try_set(None);
    };
    let solved = Closure::<dyn FnMut(String)>::new(move |value: String| {
        problem.try_set(None);
        token.try_set(Some(value));
    });
    let failed = Closure::<dyn FnMut(JsValue)>::new(move |_code: JsValue| trouble(false));
    let expired = Closure::<dyn FnMut()>::new(move || trouble(true));
    let params = js_sys::Object::new();
    let set = |name: &str, value: &JsValue| {
        let _ = js_sys::Reflect::set(&params, &JsValue::from_str(name), value);
    };
    set("action", &JsValue::from_str(action));
    set("language", &JsValue::from_str(language));
    set("callback", solved.as_ref());
    set("error-callback", failed.as_ref());
    set("expired-callback", expired.as_ref());
    let rendered = host.render(placeholder, &params)?;
    Ok((
        rendered,
        Callbacks {
            _solved: solved,
            _failed: failed,
            _expired: expired,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_expired_and_a_failed_challenge_say_different_things() {
        assert_eq!(problem_message(true), "turnstile-expired");
        assert_eq!(problem_message(false), "turnstile-error");
    }

    #[test]
    fn languages_are_passed_in_lower_case() {
        assert_eq!(language("pt-BR"), "pt-br");
        assert_eq!(language("zh-CN"), "zh-cn");
        assert_eq!(language("de"), "de");
    }
}
