//! `sspr-widget`: the screens of a password reset, rendered from the step the edge returns.
//! The widget never decides policy; it reuses `sspr-core`'s types and password rules so its
//! instant feedback matches what the edge will enforce.
//!
//! ```no_run
//! // In a page: <div data-sspr-reset data-edge="https://sspr.example.com"></div>
//! sspr_widget::mount_all();
//! ```

pub mod api;
pub mod components;

use leptos::prelude::*;
use sspr_core::flow::FlowKind;
use wasm_bindgen::JsCast;

use crate::components::reset_widget::ResetWidget;

/// Mounts a reset widget into every element carrying `data-sspr-reset`, talking to the edge
/// named by its `data-edge` attribute; `data-flow="unlock"` makes it unlock the account
/// instead of resetting the password.
pub fn mount_all() {
    let document = leptos::prelude::document();
    let Ok(hosts) = document.query_selector_all("[data-sspr-reset]") else {
        return;
    };
    for index in 0..hosts.length() {
        let Some(host) = hosts
            .item(index)
            .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        let edge = host.get_attribute("data-edge").unwrap_or_default();
        let kind = match host.get_attribute("data-flow").as_deref() {
            Some("unlock") => FlowKind::Unlock,
            _ => FlowKind::Reset,
        };
        leptos::mount::mount_to(host, move || view! { <ResetWidget edge=edge kind=kind /> })
            .forget();
    }
}
