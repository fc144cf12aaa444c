//! `sspr-strength`: core's zxcvbn strength estimate, alone in a wasm module of its own. Its
//! dictionaries are most of its size, so the reset screens (`sspr.js` and its wasm) leave it
//! out: the widget's loader fetches `sspr-strength.js` and its `.wasm` when the new-password
//! screen appears, and the screen shows the meter once it is there (the checklist of the
//! policy's rules does not wait for it).

use wasm_bindgen::prelude::*;

/// The strength of `password` as JSON ([`sspr_core::password::strength::Strength`]), with
/// `user_inputs` (the user's own words, one a line) counting as guessable.
///
/// ```
/// let json = sspr_strength::estimate("password1", "alice");
/// assert!(json.contains(r#""score":0"#) || json.contains(r#""score":1"#));
/// ```
#[wasm_bindgen]
pub fn estimate(password: &str, user_inputs: &str) -> String {
    let inputs: Vec<&str> = user_inputs.lines().filter(|l| !l.is_empty()).collect();
    let strength = sspr_core::password::strength::estimate(password, &inputs);
    serde_json::to_string(&strength).unwrap_or_default()
}
