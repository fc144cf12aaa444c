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
#[cfg(feature = "approver")]
pub mod keystore;
pub mod options;
#[cfg(feature = "approver")]
pub mod push;
pub mod strength;
pub mod turnstile;
pub mod webotp;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[cfg(feature = "approver")]
use crate::components::approver_widget::ApproverWidget;
#[cfg(feature = "register")]
use crate::components::register_widget::RegisterWidget;
#[cfg(feature = "report")]
use crate::components::report_widget::ReportWidget;
#[cfg(feature = "reset")]
use crate::components::reset_widget::ResetWidget;
use crate::events::Emitter;
use crate::i18n::Locale;
use crate::options::{Flow, Options};

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// A mounted widget; dropping it, or calling [`Mounted::unmount`], removes it from the page.
#[wasm_bindgen]
pub struct Mounted {
    _handle: Box<dyn std::any::Any>,
    credential: RwSignal<Option<String>>,
}

#[wasm_bindgen]
impl Mounted {
    /// Removes the widget and everything it holds (typed values, the flow token, the
    /// credential).
    pub fn unmount(self) {}

    /// Registration: the signed-in user's new credential (after an `unauthenticated` error,
    /// the widget sends the refused request again with it). Kept in memory only.
    #[wasm_bindgen(js_name = setCredential)]
    pub fn set_credential(&self, credential: Option<String>) {
        let credential = credential.filter(|c| !c.trim().is_empty());
        // The widget may be gone already; then there is nothing to resume.
        let _ = self.credential.try_set(credential);
    }
}

/// Renders a reset widget into `container`, and dispatches its `sspr:*` events on `host`
/// (the `<sspr-reset>` element). `options` is a plain object: `edge` (the edge's URL,
/// required), `flow` (`"reset"`, `"unlock"`, `"register"` or `"report"`, the "this wasn't me"
/// page, which reads the report token from the page's `#report=` fragment), `credential` (registration: the signed-in user's ID token or `sspr1.` ticket), `lang` (a language tag; without it, the
/// browser's preferred languages), `messages` (`{ [tag]: source }`: the Fluent file of the
/// locale [`locale_for`] chose, fetched by the loader; English is compiled in), `strength`
/// (reset: `() => Promise<module>` of the strength estimate, see [`strength`]),
/// `turnstileSitekey` (reset: Cloudflare Turnstile's site key; the loader then passes
/// `turnstile`, its host for the challenge, see [`turnstile`]). Bad options
/// are refused with an error that names the option.
#[wasm_bindgen]
// The report page's build mounts only the report page: the rest is there for the others.
#[cfg_attr(
    not(any(feature = "reset", feature = "register")),
    allow(unreachable_code, unused_variables)
)]
pub fn mount(
    container: web_sys::HtmlElement,
    host: web_sys::EventTarget,
    options: JsValue,
) -> Result<Mounted, JsError> {
    let messages = js_sys::Reflect::get(&options, &JsValue::from_str("messages")).ok();
    #[cfg(feature = "reset")]
    let strength = strength::StrengthLoader::from_options(&options);
    let turnstile_host = js_sys::Reflect::get(&options, &JsValue::from_str("turnstile"))
        .ok()
        .filter(|host| host.is_object());
    let options = Options::from_js(&options).map_err(|err| JsError::new(&err.to_string()))?;
    // The loader makes the host only for a site key; a host without one is not used.
    let turnstile = turnstile_host
        .filter(|_| options.turnstile_sitekey.is_some())
        .map(|host| host.unchecked_into::<turnstile::TurnstileHost>());
    let emitter = Emitter::new(host);
    let locale = load_locale(locale_for(options.lang.clone()), messages);
    // Owned by no reactive scope, so the page can set it for as long as the widget lives.
    let credential = RwSignal::new(options.credential.clone());
    let flow = options.flow;
    let supported = match flow {
        Flow::Reset | Flow::Unlock => cfg!(feature = "reset"),
        Flow::Register => cfg!(feature = "register"),
        Flow::Approver => cfg!(feature = "approver"),
        Flow::Report => cfg!(feature = "report"),
    };
    if !supported {
        return Err(JsError::new(&format!(
            "sspr: this build of the widget has no {flow:?} screens"
        )));
    }
    let _ = (&credential, &emitter, &turnstile, &locale);
    let handle = leptos::mount::mount_to(container, move || match flow {
        #[cfg(feature = "reset")]
        Flow::Reset | Flow::Unlock => {
            let kind = if flow == Flow::Unlock {
                sspr_core::flow::FlowKind::Unlock
            } else {
                sspr_core::flow::FlowKind::Reset
            };
            view! { <ResetWidget edge=options.edge kind emitter locale strength turnstile=turnstile.clone() /> }
                .into_any()
        }
        #[cfg(feature = "register")]
        Flow::Register => {
            view! { <RegisterWidget edge=options.edge credential emitter locale /> }.into_any()
        }
        #[cfg(feature = "approver")]
        Flow::Approver => view! { <ApproverWidget edge=options.edge emitter locale /> }.into_any(),
        // "This wasn't me": the report page, reading the token from the page's fragment.
        #[cfg(feature = "report")]
        Flow::Report => {
            let fragment = leptos::prelude::window()
                .location()
                .hash()
                .unwrap_or_default();
            view! { <ReportWidget edge=options.edge emitter locale fragment /> }.into_any()
        }
        #[allow(unreachable_patterns)]
        _ => ().into_any(),
    });
    Ok(Mounted {
        _handle: Box::new(handle),
        credential,
    })
}

/// The locale a widget with this `lang` option shows (without it, the browser's preferred
/// languages decide): one of [`i18n::LOCALES`]. The loader fetches `locales/<tag>.ftl` for
/// it, unless it is English.
#[wasm_bindgen(js_name = localeFor)]
pub fn locale_for(lang: Option<String>) -> String {
    match lang.filter(|tag| !tag.trim().is_empty()) {
        Some(tag) => i18n::negotiate(&[tag.trim()]),
        None => i18n::negotiate(&browser_languages()),
    }
    .to_owned()
}

/// The locale `tag` from the fetched `messages[tag]`; English when it is missing (the fetch
/// failed) or broken.
fn load_locale(tag: String, messages: Option<JsValue>) -> Locale {
    let source = messages
        .and_then(|m| js_sys::Reflect::get(&m, &JsValue::from_str(&tag)).ok())
        .and_then(|source| source.as_string());
    match source {
        Some(source) => Locale::parse(&tag, &source).unwrap_or_else(|err| {
            leptos::logging::error!("sspr: locale {}: {}", err.tag, err.problem);
            Locale::english()
        }),
        None => Locale::english(),
    }
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
