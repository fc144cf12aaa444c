//! Web Push on the approver's phone: the browser's push subscription (its endpoint goes to the
//! edge, which pushes an empty message whenever an approval is asked) and the service worker
//! (`dist/approver/sw.js`) that turns each push into a notification opening the approver page.
//!
//! The messages carry no payload, so nothing about the request crosses the push service; the
//! notification's words are the page's, handed to the worker in its script URL.

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The service worker's script, beside the approver page.
pub const WORKER_SCRIPT: &str = "sw.js";
/// How long the browser may take to subscribe (it asks its push service over the network).
const SUBSCRIBE_TIMEOUT_MS: i32 = 20_000;

/// Why notifications could not be turned on or off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PushError {
    /// The user (or the browser's settings) refused notifications to this page.
    Denied,
    /// The browser could not subscribe (no push service reachable, no support); the message
    /// is the browser's, for the console.
    Failed(String),
}

impl From<JsValue> for PushError {
    fn from(err: JsValue) -> Self {
        let message = Reflect::get(&err, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .or_else(|| err.as_string())
            .unwrap_or_else(|| "unknown error".into());
        PushError::Failed(message)
    }
}

/// Whether this browser has what Web Push needs: a service worker container, the Push API
/// and notifications.
pub fn supported() -> bool {
    let window = JsValue::from(web_sys::window());
    let navigator = get(&window, "navigator");
    ["PushManager", "Notification"]
        .iter()
        .all(|name| Reflect::has(&window, &(*name).into()).unwrap_or(false))
        && Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false)
}

/// The service worker script's URL with the notification's words in its query.
pub fn worker_url(title: &str, body: &str) -> String {
    let query: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("title", title)
        .append_pair("body", body)
        .finish();
    format!("{WORKER_SCRIPT}?{query}")
}

/// Asks for permission to notify, registers the service worker and subscribes with the
/// edge's application server key (`key`, unpadded base64url); returns the endpoint.
pub async fn subscribe(key: &str, title: &str, body: &str) -> Result<String, PushError> {
    let window = JsValue::from(web_sys::window());
    let notification = get(&window, "Notification");
    let permission = JsFuture::from(call0::<Promise>(&notification, "requestPermission")?).await?;
    if permission.as_string().as_deref() != Some("granted") {
        return Err(PushError::Denied);
    }
    let registration = register(&worker_url(title, body)).await?;
    let manager = get(&registration, "pushManager");
    let options = Object::new();
    Reflect::set(&options, &"userVisibleOnly".into(), &JsValue::TRUE)?;
    let key = base64url(key)
        .ok_or_else(|| PushError::Failed("the edge's push key is not base64url".into()))?;
    Reflect::set(
        &options,
        &"applicationServerKey".into(),
        &Uint8Array::from(key.as_slice()),
    )?;
    let subscription = within(call1::<Promise>(&manager, "subscribe", &options)?).await?;
    get(&subscription, "endpoint")
        .as_string()
        .ok_or_else(|| PushError::Failed("the subscription has no endpoint".into()))
}

/// Ends this browser's subscription, if it has one.
pub async fn unsubscribe() -> Result<(), PushError> {
    let registration = register(WORKER_SCRIPT).await?;
    let manager = get(&registration, "pushManager");
    let subscription = JsFuture::from(call0::<Promise>(&manager, "getSubscription")?).await?;
    if !subscription.is_null() && !subscription.is_undefined() {
        JsFuture::from(call0::<Promise>(&subscription, "unsubscribe")?).await?;
    }
    Ok(())
}

/// Registers (or updates) the approver page's service worker and waits until it is ready.
async fn register(script: &str) -> Result<JsValue, PushError> {
    let window = JsValue::from(web_sys::window());
    let container = get(&get(&window, "navigator"), "serviceWorker");
    JsFuture::from(call1::<Promise>(&container, "register", &script.into())?).await?;
    Ok(JsFuture::from(get(&container, "ready").unchecked_into::<Promise>()).await?)
}

/// `promise`'s value, or a failure once [`SUBSCRIBE_TIMEOUT_MS`] passed (a push service the
/// browser cannot reach may leave it waiting).
async fn within(promise: Promise) -> Result<JsValue, PushError> {
    let timer = Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                SUBSCRIBE_TIMEOUT_MS,
            );
        }
    });
    let value = JsFuture::from(Promise::race(&Array::of2(&promise, &timer))).await?;
    if value.is_undefined() {
        return Err(PushError::Failed(format!(
            "the push service did not answer within {} s",
            SUBSCRIBE_TIMEOUT_MS / 1000
        )));
    }
    Ok(value)
}

fn get(target: &JsValue, name: &str) -> JsValue {
    Reflect::get(target, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

fn call0<T: JsCast>(target: &JsValue, name: &str) -> Result<T, PushError> {
    let method: Function = get(target, name)
        .dyn_into()
        .map_err(|_| PushError::Failed(format!("{name} is missing")))?;
    Ok(method.call0(target)?.unchecked_into())
}

fn call1<T: JsCast>(target: &JsValue, name: &str, arg: &JsValue) -> Result<T, PushError> {
    let method: Function = get(target, name)
        .dyn_into()
        .map_err(|_| PushError::Failed(format!("{name} is missing")))?;
    Ok(method.call1(target, arg)?.unchecked_into())
}

fn base64url(text: &str) -> Option<Vec<u8>> {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(text.trim_end_matches('='))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workers_url_carries_the_notifications_words() {
        assert_eq!(
            worker_url("Password reset request", "Tap to approve & deny"),
            "sw.js?title=Password+reset+request&body=Tap+to+approve+%26+deny"
        );
    }

    #[test]
    fn the_push_key_is_read_as_unpadded_base64url() {
        assert_eq!(base64url("BAE_-w"), Some(vec![4, 1, 63, 251]));
        assert_eq!(base64url("not base64!"), None);
    }
}
