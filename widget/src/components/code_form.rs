use std::time::Duration;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use sspr_core::UnixMillis;
use sspr_core::api::Channel;

use super::other_method_button::OtherMethodButton;
use super::reset_widget::{ErrorLine, Status, Typed};
use crate::i18n::use_i18n;
use crate::webotp;

/// The code that was emailed or texted: one input (so autofill, paste and screen readers work
/// as for any field) drawn as one box per digit, submitted as soon as it is complete, with a
/// way to ask for a new code once the resend cooldown is over. A texted code is also offered
/// by the browser (WebOTP) where it can read the origin-bound line of the message.
#[component]
pub fn CodeForm(
    /// Typed values kept by the widget.
    typed: Typed,
    /// Busy flag and error shared by all screens.
    status: Status,
    /// Email or SMS.
    channel: Channel,
    /// The masked address the code went to.
    destination: String,
    /// How many digits the code has.
    code_length: u8,
    /// When a new code may be asked for (ms since the epoch).
    resend_at: UnixMillis,
    /// Called when the user submits a code.
    on_submit: impl Fn() + Copy + 'static,
    /// Called when the user asks for a new code.
    on_resend: impl Fn() + 'static,
    /// Called when the user wants to start over.
    on_restart: impl Fn() + 'static,
    /// Called when the user wants to prove another of the offered methods (absent when the
    /// edge offered only this one).
    #[prop(default = None)]
    on_switch: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let title = match channel {
        Channel::Email => "code-title-email",
        Channel::Sms => "code-title-sms",
    };
    let hint = i18n.t_args(
        "code-hint",
        &[
            ("length", code_length.into()),
            ("destination", destination.into()),
        ],
    );
    let complete = move |code: &str| {
        code.chars().filter(char::is_ascii_digit).count() == usize::from(code_length)
    };

    // The resend countdown, ticking once a second until the cooldown is over.
    let now = RwSignal::new(js_sys::Date::now() as u64);
    if let Ok(ticker) = set_interval_with_handle(
        move || now.set(js_sys::Date::now() as u64),
        Duration::from_secs(1),
    ) {
        on_cleanup(move || ticker.clear());
    }
    let wait_seconds = move || resend_at.saturating_sub(now.get()).div_ceil(1000);

    if channel == Channel::Sms {
        let listening = webotp::listen(move |code| {
            typed.code.set(code);
            on_submit();
        });
        if let Some(listening) = listening {
            on_cleanup(move || listening.abort());
        }
    }

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        on_submit();
    };
    view! {
        <form class="sspr-form" on:submit=submit data-testid="sspr-code">
            <h2 class="sspr-form__title" tabindex="-1">{i18n.t(title)}</h2>
            <p class="sspr-form__hint">{hint}</p>
            <label class="sspr-form__label" for=status.id("code")>{i18n.t("code-label")}</label>
            <input
                class="sspr-form__input sspr-form__input--code"
                style:--sspr-code-length=code_length.to_string()
                id=status.id("code")
                name="code"
                inputmode="numeric"
                autocomplete="one-time-code"
                pattern="[0-9 \\-]*"
                maxlength=u32::from(code_length) + 2
                required
                prop:value=move || typed.code.get()
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    let done = complete(&value);
                    typed.code.set(value);
                    if done {
                        on_submit();
                    }
                }
            />
            <ErrorLine status />
            <button class="sspr-form__button" type="submit" disabled=move || status.busy.get()>
                {i18n.t("code-submit")}
            </button>
            <button
                class="sspr-form__link"
                type="button"
                data-testid="sspr-resend"
                disabled=move || { status.busy.get() || wait_seconds() != 0 }
                on:click=move |_| on_resend()
            >
                {move || match wait_seconds() {
                    0 => i18n.t("code-resend"),
                    seconds => i18n.t_args("code-resend-wait", &[("seconds", seconds.into())]),
                }}
            </button>
            {on_switch.map(|on_switch| view! { <OtherMethodButton status on_switch /> })}
            <button class="sspr-form__link" type="button" on:click=move |_| on_restart()>
                {i18n.t("restart")}
            </button>
        </form>
    }
}
