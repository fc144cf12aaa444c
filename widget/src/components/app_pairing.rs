use std::time::Duration;

use leptos::prelude::*;

use super::authenticator_setup::qr_svg;
use super::reset_widget::{ErrorLine, Status};
use crate::i18n::use_i18n;

/// How often the screen asks the edge whether the phone has paired.
pub const POLL_EVERY: Duration = Duration::from_secs(3);

/// Registration of notifications on the user's phone: the pairing URI as a QR code for the
/// phone's camera (and as a link, for a user registering on the phone itself), until when
/// it works, and the wait for the phone, which pairs itself from the page the code opens.
/// The screen asks the edge every [`POLL_EVERY`] whether the phone has paired; the widget
/// moves on when it has. The URI is in the reply that made the code only; without it (or
/// once it expired) the user asks for a new one.
#[component]
pub fn AppPairing(
    /// `<approver page>#pair=<code>`, when this is the reply that made the code.
    uri: Option<String>,
    /// When the code stops working (Unix milliseconds).
    expires_at: u64,
    /// Busy flag and error shared by all screens.
    status: Status,
    /// Called to ask whether the phone has paired.
    on_poll: impl Fn() + 'static,
    /// Called when the user asks for a new code.
    on_new: impl Fn() + 'static,
    /// Called when the user goes back to the overview.
    on_back: impl Fn() + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let expired = RwSignal::new(uri.is_none() || js_sys::Date::now() as u64 >= expires_at);
    if let Ok(poller) = set_interval_with_handle(
        move || {
            if js_sys::Date::now() as u64 >= expires_at {
                expired.set(true);
            } else if !status.busy.get_untracked() {
                on_poll();
            }
        },
        POLL_EVERY,
    ) {
        on_cleanup(move || poller.clear());
    }
    let shown = uri.map(|uri| (qr_svg(&uri).unwrap_or_default(), uri));
    let code = move || {
        shown.clone().map(|(svg, uri)| view! {
            <div class="sspr-qr" role="img" aria-label=i18n.t("app-qr") data-testid="sspr-app-qr" inner_html=svg></div>
            <a class="sspr-form__link sspr-form__link--block" href=uri data-testid="sspr-app-link">{i18n.t("app-link")}</a>
            <p class="sspr-form__hint">{i18n.t_args("app-expires", &[("time", i18n.time(expires_at).into())])}</p>
        })
    };
    view! {
        <div class="sspr-form" data-testid="sspr-app-pairing">
            <h2 class="sspr-form__title" tabindex="-1">{i18n.t("app-title")}</h2>
            {move || if expired.get() {
                view! { <p class="sspr-form__hint" role="status">{i18n.t("app-expired")}</p> }.into_any()
            } else {
                view! {
                    <p class="sspr-form__hint">{i18n.t("app-scan")}</p>
                    {code()}
                    <p class="sspr-form__hint" role="status">{i18n.t("app-waiting")}</p>
                }
                .into_any()
            }}
            <ErrorLine status />
            <button
                class=move || if expired.get() { "sspr-form__button" } else { "sspr-form__link" }
                type="button"
                disabled=move || status.busy.get()
                on:click=move |_| on_new()
            >
                {i18n.t("app-new-code")}
            </button>
            <button class="sspr-form__link" type="button" on:click=move |_| on_back()>
                {i18n.t("back")}
            </button>
        </div>
    }
}
