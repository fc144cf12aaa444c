use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::otp_input::OtpInput;
use super::reset_widget::{ErrorLine, Status, Typed};
use super::totp_form::TOTP_DIGITS;
use crate::i18n::use_i18n;

/// The `otpauth:` URI as a QR code, an inline SVG (black on white whatever the theme, as
/// scanners expect), or `None` if it does not fit in a QR code.
pub fn qr_svg(uri: &str) -> Option<String> {
    let code =
        qrcode::QrCode::with_error_correction_level(uri.as_bytes(), qrcode::EcLevel::M).ok()?;
    Some(
        code.render::<qrcode::render::svg::Color<'_>>()
            .min_dimensions(200, 200)
            .dark_color(qrcode::render::svg::Color("#000000"))
            .light_color(qrcode::render::svg::Color("#ffffff"))
            .quiet_zone(true)
            .build(),
    )
}

/// Registration of an authenticator app: the QR code of the `otpauth:` URI, the secret as
/// grouped text with a copy button, an `otpauth:` link for set-up on this same phone, then
/// the app's first code, which makes it count. The secret is shown only in the reply that
/// created it; later, the user types the code or asks for a new QR code.
#[component]
pub fn AuthenticatorSetup(
    /// The secret as grouped base32 text, when this is the reply that created it.
    secret: Option<String>,
    /// The `otpauth://totp/…` URI, with the secret.
    uri: Option<String>,
    /// Typed values kept by the widget.
    typed: Typed,
    /// Busy flag and error shared by all screens.
    status: Status,
    /// Called when the user submits the first code.
    on_submit: impl Fn() + Copy + 'static,
    /// Called when the user asks for a new secret.
    on_new: impl Fn() + 'static,
    /// Called when the user goes back to the overview.
    on_back: impl Fn() + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let copied = RwSignal::new(false);
    let setup = secret.zip(uri).map(|(secret, uri)| {
        let svg = qr_svg(&uri).unwrap_or_default();
        let plain: String = secret.chars().filter(|c| !c.is_whitespace()).collect();
        let copy = move |_| {
            let clipboard = js_sys::Reflect::get(&window().navigator(), &JsValue::from_str("clipboard"))
                .ok()
                .filter(|c| !c.is_undefined());
            let write = clipboard.as_ref().and_then(|c| {
                js_sys::Reflect::get(c, &JsValue::from_str("writeText")).ok()
            });
            if let (Some(clipboard), Some(write)) = (clipboard, write)
                && let Ok(write) = wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(write)
                && write.call1(&clipboard, &JsValue::from_str(&plain)).is_ok()
            {
                copied.set(true);
            }
        };
        view! {
            <p class="sspr-form__hint">{i18n.t("auth-scan")}</p>
            <div class="sspr-qr" role="img" aria-label=i18n.t("auth-qr") data-testid="sspr-qr" inner_html=svg></div>
            <p class="sspr-form__hint">{i18n.t("auth-secret")}</p>
            <p class="sspr-secret" dir="ltr" data-testid="sspr-secret">{secret}</p>
            <div class="sspr-form__row">
                <button class="sspr-form__toggle" type="button" on:click=copy>
                    {i18n.t("auth-copy")}
                </button>
                <a class="sspr-form__link sspr-form__link--block" href=uri>{i18n.t("auth-link")}</a>
            </div>
            <p class="sspr-form__hint" role="status">
                {move || if copied.get() { i18n.t("auth-copied") } else { String::new() }}
            </p>
        }
    });
    let waiting = setup.is_none();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        on_submit();
    };
    view! {
        <form class="sspr-form" on:submit=submit data-testid="sspr-authenticator">
            <h2 class="sspr-form__title" tabindex="-1">{i18n.t("auth-title")}</h2>
            {setup}
            {waiting.then(|| view! { <p class="sspr-form__hint">{i18n.t("auth-pending-hint")}</p> })}
            <label class="sspr-form__label" for=status.id("totp")>{i18n.t("auth-code-label")}</label>
            <OtpInput code=typed.code id=status.id("totp") length=TOTP_DIGITS on_complete=on_submit />
            <ErrorLine status />
            <button class="sspr-form__button" type="submit" disabled=move || status.busy.get()>
                {i18n.t("code-submit")}
            </button>
            <button class="sspr-form__link" type="button" disabled=move || status.busy.get() on:click=move |_| on_new()>
                {i18n.t("auth-new-secret")}
            </button>
            <button class="sspr-form__link" type="button" on:click=move |_| on_back()>
                {i18n.t("back")}
            </button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_otpauth_uri_becomes_an_svg_qr_code() {
        let svg = qr_svg(
            "otpauth://totp/Contoso:alice?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Contoso&algorithm=SHA1&digits=6&period=30",
        )
        .unwrap();
        assert!(svg.contains("<svg"), "{svg}");
        assert!(svg.contains("#000000"));
    }
}
