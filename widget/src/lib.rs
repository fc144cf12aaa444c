//! `sspr-widget`: the screens of a password reset, rendered from the step the edge returns.
//! The widget never decides policy; it reuses `sspr-core`'s types and password rules so its
//! instant feedback matches what the edge will enforce.
//!
//! Host pages do not call this crate directly: `widget/js/sspr.js` (bundled into `sspr.js`)
//! defines the `<sspr-reset>` element and the `mount(element, options)` function, prepares a
//! container (in a shadow root, or in the light DOM) and calls [`mount`] here.

pub mod api;
pub mod components;
pub mod events;
pub mod i18n;
pub mod options;
pub mod webotp;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::components::reset_widget::ResetWidget;
use crate::events::Emitter;
use crate::options::Options;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// A mounted widget; dropping it, or calling [`Mounted::unmount`], removes it from the page.
#[wasm_bindgen]
pub struct Mounted {
    _handle: Box<dyn std::any::Any>,
}

#[wasm_bindgen]
impl Mounted {
    /// Removes the widget and everything it holds (typed values, the flow token).
    pub fn unmount(self) {}
}

/// Renders a reset widget into `container`, and dispatches its `sspr:*` events on `host`
/// (the `<sspr-reset>` element). `options` is a plain object: `edge` (the edge's URL,
/// required), `flow` (`"reset"` or `"unlock"`), `lang` (a language tag; without it, the
/// browser's preferred languages). Bad options are refused with an error that names the
/// option.
#[wasm_bindgen]
pub fn mount(
    container: web_sys::HtmlElement,
    host: web_sys::EventTarget,
    options: JsValue,
) -> Result<Mounted, JsError> {
    let options = Options::from_js(&options).map_err(|err| JsError::new(&err.to_string()))?;
    let emitter = Emitter::new(host);
    let lang = match &options.lang {
        Some(tag) => i18n::negotiate(&[tag]),
        None => i18n::negotiate(&browser_languages()),
    };
    let handle = leptos::mount::mount_to(container, move || {
        view! { <ResetWidget edge=options.edge kind=options.flow emitter lang /> }
    });
    Ok(Mounted {
        _handle: Box::new(handle),
    })
}

/// `navigator.languages`, most preferred first.
fn browser_languages() -> Vec<String> {
    leptos::prelude::window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect()
}
