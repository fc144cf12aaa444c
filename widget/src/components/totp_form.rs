use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::other_method_button::OtherMethodButton;
use super::otp_input::OtpInput;
use super::reset_widget::{ErrorLine, Status, Typed};
use crate::i18n::use_i18n;

/// Digits in an authenticator code (RFC 6238 as the edge runs it).
pub const TOTP_DIGITS: u8 = 6;

/// The reset's `verify_totp` step: the current code of the user's authenticator app, in the
/// same one-box-per-digit input as an emailed code, submitted once it has six digits.
#[component]
pub fn TotpForm(
    /// Typed values kept by the widget.
    typed: Typed,
    /// Busy flag and error shared by all screens.
    status: Status,
    /// Called when the user submits a code.
    on_submit: impl Fn() + Copy + 'static,
    /// Called when the user wants to start over.
    on_restart: impl Fn() + 'static,
    /// Called when the user wants to prove another of the offered methods (absent when the
    /// edge offered only this one).
    #[prop(default = None)]
    on_switch: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        on_submit();
    };
    view! {
        <form class="sspr-form" on:submit=submit data-testid="sspr-totp">
            <h2 class="sspr-form__title" tabindex="-1">{i18n.t("totp-title")}</h2>
            <p class="sspr-form__hint">
                {i18n.t_args("totp-hint", &[("length", TOTP_DIGITS.into())])}
            </p>
            <label class="sspr-form__label" for=status.id("totp")>{i18n.t("code-label")}</label>
            <OtpInput code=typed.code id=status.id("totp") length=TOTP_DIGITS on_complete=on_submit />
            <ErrorLine status />
            <button class="sspr-form__button" type="submit" disabled=move || status.busy.get()>
                {i18n.t("code-submit")}
            </button>
            {on_switch.map(|on_switch| view! { <OtherMethodButton status on_switch /> })}
            <button class="sspr-form__link" type="button" on:click=move |_| on_restart()>
                {i18n.t("restart")}
            </button>
        </form>
    }
}
