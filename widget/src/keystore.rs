//! The approver's keys, kept by the phone's browser: a P-256 signing key made by WebCrypto
//! as non-extractable (the page can sign with it, but nothing, not even this page, can read
//! the private half out), stored as a `CryptoKey` in IndexedDB with the device id the edge
//! gave at pairing. Only the public half ever leaves the phone, once, in the pairing request.
//!
//! These calls need a browser (and a secure context); the rules they serve (the JWS, the
//! claims, the nonce) are in `sspr_core::api` and tested natively.

use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use sspr_core::UnixMillis;
use sspr_core::api::ApproverJwk;
use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, IdbDatabase, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "sspr-approver";
const STORE: &str = "devices";

/// What went wrong with the phone's key store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeystoreError {
    /// The browser lacks IndexedDB or WebCrypto (an old browser, a private window that
    /// blocks storage, or a page not served over HTTPS).
    Unsupported,
    /// A browser call failed; the message is the browser's.
    Failed(String),
}

impl From<JsValue> for KeystoreError {
    fn from(err: JsValue) -> Self {
        let message = Reflect::get(&err, &JsValue::from_str("message"))
            .ok()
            .and_then(|m| m.as_string())
            .or_else(|| err.as_string())
            .unwrap_or_else(|| "unknown error".into());
        KeystoreError::Failed(message)
    }
}

/// A pairing this phone holds: the edge it belongs to, the device id the edge gave, the
/// name the user chose and the private key that signs.
#[derive(Debug, Clone)]
pub struct Paired {
    pub edge: String,
    pub device: String,
    pub name: String,
    pub paired_at: UnixMillis,
    pub key: CryptoKey,
}

/// A new key pair: the private key (non-extractable) and the public key as a JWK.
pub async fn new_key() -> Result<(CryptoKey, ApproverJwk), KeystoreError> {
    let subtle = subtle()?;
    let algorithm = object(&[("name", "ECDSA".into()), ("namedCurve", "P-256".into())]);
    let usages = Array::of2(&"sign".into(), &"verify".into());
    let pair = JsFuture::from(subtle.generate_key_with_object(&algorithm, false, &usages)?).await?;
    let private: CryptoKey = Reflect::get(&pair, &"privateKey".into())?.unchecked_into();
    let public: CryptoKey = Reflect::get(&pair, &"publicKey".into())?.unchecked_into();
    let jwk = JsFuture::from(subtle.export_key("jwk", &public)?).await?;
    let member = |name: &str| -> Result<String, KeystoreError> {
        Reflect::get(&jwk, &name.into())?
            .as_string()
            .ok_or_else(|| KeystoreError::Failed(format!("the exported key has no {name}")))
    };
    Ok((
        private,
        ApproverJwk {
            kty: member("kty")?,
            crv: member("crv")?,
            x: member("x")?,
            y: member("y")?,
        },
    ))
}

/// The ES256 signature of `input` by `key`: 64 bytes, `r ‖ s`.
pub async fn sign(key: &CryptoKey, input: &str) -> Result<Vec<u8>, KeystoreError> {
    let algorithm = object(&[("name", "ECDSA".into()), ("hash", "SHA-256".into())]);
    let signature = JsFuture::from(subtle()?.sign_with_object_and_u8_array(
        &algorithm,
        key,
        input.as_bytes(),
    )?)
    .await?;
    Ok(Uint8Array::new(&signature).to_vec())
}

/// 16 random bytes from the browser's CSPRNG (a request's nonce).
pub fn random16() -> Result<[u8; 16], KeystoreError> {
    let mut bytes = [0u8; 16];
    window()?
        .crypto()?
        .get_random_values_with_u8_array(&mut bytes)?;
    Ok(bytes)
}

/// Every pairing kept for `edge`, oldest first.
pub async fn load(edge: &str) -> Result<Vec<Paired>, KeystoreError> {
    let db = open().await?;
    let store = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readonly)?
        .object_store(STORE)?;
    let all = done(&store.get_all()?).await?;
    let mut kept: Vec<Paired> = Array::from(&all)
        .iter()
        .filter_map(|record| read(&record))
        .filter(|p| p.edge == edge)
        .collect();
    kept.sort_by_key(|p| p.paired_at);
    db.close();
    Ok(kept)
}

/// Keeps `paired` (replacing a record with its device id).
pub async fn save(paired: &Paired) -> Result<(), KeystoreError> {
    let record = object(&[
        ("device", paired.device.as_str().into()),
        ("edge", paired.edge.as_str().into()),
        ("name", paired.name.as_str().into()),
        ("pairedAt", (paired.paired_at as f64).into()),
        ("key", paired.key.clone().into()),
    ]);
    let db = open().await?;
    let store = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?
        .object_store(STORE)?;
    done(&store.put(&record)?).await?;
    db.close();
    Ok(())
}

/// Forgets the pairing of `device` (the edge no longer knows it).
pub async fn forget(device: &str) -> Result<(), KeystoreError> {
    let db = open().await?;
    let store = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?
        .object_store(STORE)?;
    done(&store.delete(&device.into())?).await?;
    db.close();
    Ok(())
}

fn read(record: &JsValue) -> Option<Paired> {
    let text = |name: &str| Reflect::get(record, &name.into()).ok()?.as_string();
    Some(Paired {
        edge: text("edge")?,
        device: text("device")?,
        name: text("name")?,
        paired_at: Reflect::get(record, &"pairedAt".into()).ok()?.as_f64()? as UnixMillis,
        key: Reflect::get(record, &"key".into())
            .ok()?
            .dyn_into::<CryptoKey>()
            .ok()?,
    })
}

async fn open() -> Result<IdbDatabase, KeystoreError> {
    let factory = window()?
        .indexed_db()
        .ok()
        .flatten()
        .ok_or(KeystoreError::Unsupported)?;
    let request = factory.open_with_u32(DATABASE, 1)?;
    let upgrade = Closure::once_into_js({
        let request = request.clone();
        move |_event: JsValue| {
            if let Ok(db) = request
                .result()
                .map(|db| db.unchecked_into::<IdbDatabase>())
            {
                let params = web_sys::IdbObjectStoreParameters::new();
                params.set_key_path(&JsValue::from_str("device"));
                let _ = db.create_object_store_with_optional_parameters(STORE, &params);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    Ok(done(&request).await?.unchecked_into())
}

/// The result of an IndexedDB request, once it succeeded.
async fn done(request: &IdbRequest) -> Result<JsValue, KeystoreError> {
    let promise = Promise::new(&mut |resolve, reject| {
        let on_success = Closure::once_into_js({
            let request = request.clone();
            move |_event: JsValue| {
                let _ = resolve.call1(&JsValue::NULL, &request.result().unwrap_or_default());
            }
        });
        let on_error = Closure::once_into_js({
            let request = request.clone();
            move |_event: JsValue| {
                let error = Reflect::get(&request, &"error".into()).unwrap_or_default();
                let _ = reject.call1(&JsValue::NULL, &error);
            }
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    Ok(JsFuture::from(promise).await?)
}

fn window() -> Result<web_sys::Window, KeystoreError> {
    web_sys::window().ok_or(KeystoreError::Unsupported)
}

fn subtle() -> Result<web_sys::SubtleCrypto, KeystoreError> {
    // `crypto.subtle` exists only in secure contexts (HTTPS, or localhost).
    let crypto = window()?.crypto().map_err(|_| KeystoreError::Unsupported)?;
    let subtle = Reflect::get(&crypto, &"subtle".into()).map_err(|_| KeystoreError::Unsupported)?;
    if subtle.is_undefined() {
        return Err(KeystoreError::Unsupported);
    }
    Ok(subtle.unchecked_into())
}

fn object(members: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (name, value) in members {
        let _ = Reflect::set(&object, &JsValue::from_str(name), value);
    }
    object
}
