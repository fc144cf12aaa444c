//! The password strength estimate, fetched on demand. zxcvbn's dictionaries would more than
//! double the reset screens' download, so the estimate is a wasm module of its own
//! (`sspr-strength.js` and its `.wasm`, built from widget/strength). The loader (sspr.js)
//! passes a function that imports it as the `strength` mount option; the new-password
//! screen calls it when it appears, and shows the meter once the module is there.

use js_sys::{Function, Promise, Reflect};
use sspr_core::password::strength::Strength;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The loader's `() => Promise<module>` for the strength module, if the host gave one.
#[derive(Clone)]
pub struct StrengthLoader(Option<Function>);

impl StrengthLoader {
    /// No estimate: the meter is not shown (the checklist of rules still is).
    pub fn none() -> Self {
        StrengthLoader(None)
    }

    /// The `strength` option of `mount`, if it is a function.
    pub fn from_options(options: &JsValue) -> Self {
        StrengthLoader(
            Reflect::get(options, &JsValue::from_str("strength"))
                .ok()
                .and_then(|f| f.dyn_into::<Function>().ok()),
        )
    }

    /// Fetches the module (once per page: the loader keeps it) and returns its estimator.
    pub async fn load(&self) -> Option<Estimator> {
        let promise: Promise = self
            .0
            .as_ref()?
            .call0(&JsValue::NULL)
            .ok()?
            .dyn_into()
            .ok()?;
        let module = JsFuture::from(promise).await.ok()?;
        let estimate = Reflect::get(&module, &JsValue::from_str("estimate")).ok()?;
        Some(Estimator(estimate.dyn_into().ok()?))
    }
}

/// The module's `estimate(password, userInputs)`.
#[derive(Clone)]
pub struct Estimator(Function);

impl Estimator {
    /// The strength of `password`, with `user_inputs` (the username…) counting as guessable.
    pub fn estimate(&self, password: &str, user_inputs: &[&str]) -> Option<Strength> {
        let json = self
            .0
            .call2(
                &JsValue::NULL,
                &JsValue::from_str(password),
                &JsValue::from_str(&user_inputs.join("\n")),
            )
            .ok()?
            .as_string()?;
        serde_json::from_str(&json).ok()
    }
}
