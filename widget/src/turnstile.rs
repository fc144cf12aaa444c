//! Cloudflare Turnstile on the identify screen, when the host page gives a site key
//! (`turnstile-sitekey`). The loader (`widget/js/sspr.js`) owns what must happen outside the
//! shadow root: it loads Turnstile's `api.js` (only then, and once), makes the light-DOM
//! container Turnstile renders into (slotted into the identify form's
//! `<slot name="sspr-turnstile">`), and calls the documented explicit-rendering API
//! (`turnstile.render(container, params)`, `reset(id)`, `remove(id)`). This side builds the
//! parameters (the callbacks, the action, the language) and keeps the token.
//!
//! ```text
//! host.render(slot, { action, language, callback(token), 'error-callback'(code),
//!                     'expired-callback'() })  →  { reset(), remove() }
//! ```

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

    /// Removes the challenge and its light-DOM container (`turnstile.remove(id)`).
    #[wasm_bindgen(method)]
    pub fn remove(this: &Rendered);
}

/// Where the challenge stands, for the words under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Challenge {
    /// No token yet: the challenge is loading or being solved.
    Waiting,
    /// A token is ready to send.
    Solved,
    /// The token expired before it was sent.
    Expired,
    /// The challenge failed (or the script could not be loaded).
    Failed,
}

impl Challenge {
    /// Its name, in the challenge's `data-state` (for tests and styles).
    pub fn name(self) -> &'static str {
        match self {
            Challenge::Waiting => "waiting",
            Challenge::Solved => "solved",
            Challenge::Expired => "expired",
            Challenge::Failed => "failed",
        }
    }

    /// Whether the user is told what went wrong and offered to try the challenge again.
    pub fn retry(self) -> bool {
        matches!(self, Challenge::Expired | Challenge::Failed)
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

/// Renders a challenge into `placeholder` with `action` and `language`, reporting through
/// `on_token` (a token, or `None` when it expired or failed) and `on_state`.
pub fn render(
    host: &TurnstileHost,
    placeholder: &web_sys::Element,
    action: &str,
    language: &str,
    on_state: impl Fn(Challenge, Option<String>) + Clone + 'static,
) -> Result<(Rendered, Callbacks), JsValue> {
    let solved = {
        let on_state = on_state.clone();
        Closure::<dyn FnMut(String)>::new(move |token: String| {
            on_state(Challenge::Solved, Some(token));
        })
    };
    let failed = {
        let on_state = on_state.clone();
        Closure::<dyn FnMut(JsValue)>::new(move |_code: JsValue| {
            on_state(Challenge::Failed, None);
        })
    };
    let expired = Closure::<dyn FnMut()>::new(move || on_state(Challenge::Expired, None));
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
    fn only_expired_and_failed_challenges_offer_a_retry() {
        assert!(!Challenge::Waiting.retry());
        assert!(!Challenge::Solved.retry());
        assert!(Challenge::Expired.retry());
        assert!(Challenge::Failed.retry());
    }

    #[test]
    fn states_are_named_for_data_state() {
        assert_eq!(Challenge::Solved.name(), "solved");
        assert_eq!(Challenge::Expired.name(), "expired");
    }

    #[test]
    fn languages_are_passed_in_lower_case() {
        assert_eq!(language("pt-BR"), "pt-br");
        assert_eq!(language("zh-CN"), "zh-cn");
        assert_eq!(language("de"), "de");
    }
}
