use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use sspr_core::policy::Method;

use super::reset_widget::{ErrorLine, Status};
use crate::i18n::use_i18n;

/// Registration: the email address or the mobile number to add. A code goes to it, and it
/// counts once that code comes back.
#[component]
pub fn ContactForm(
    /// [`Method::EmailCode`] or [`Method::SmsCode`].
    method: Method,
    /// The address or number as typed, kept by the widget.
    value: RwSignal<String>,
    /// Busy flag and error shared by all screens.
    status: Status,
    /// Called when the user submits it.
    on_submit: impl Fn() + 'static,
    /// Called when the user goes back to the overview.
    on_back: impl Fn() + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let email = method == Method::EmailCode;
    let (prefix, kind, autocomplete, mode) = if email {
        ("email", "email", "email", "email")
    } else {
        ("phone", "tel", "tel", "tel")
    };
    let id = status.id(prefix);
    let hint_id = status.id(&format!("{prefix}-hint"));
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        on_submit();
    };
    view! {
        <form class="sspr-form" on:submit=submit data-testid=format!("sspr-add-{prefix}")>
            <h2 class="sspr-form__title" tabindex="-1">{i18n.t(&format!("{prefix}-title"))}</h2>
            <label class="sspr-form__label" for=id.clone()>{i18n.t(&format!("{prefix}-label"))}</label>
            <p class="sspr-form__hint" id=hint_id.clone()>{i18n.t(&format!("{prefix}-hint"))}</p>
            <input
                class="sspr-form__input"
                id=id
                name=prefix
                type=kind
                inputmode=mode
                autocomplete=autocomplete
                autocapitalize="none"
                spellcheck="false"
                dir="ltr"
                aria-describedby=hint_id
                required
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            <ErrorLine status />
            <button class="sspr-form__button" type="submit" disabled=move || status.busy.get()>
                {i18n.t("identify-submit")}
            </button>
            <button class="sspr-form__link" type="button" on:click=move |_| on_back()>
                {i18n.t("back")}
            </button>
        </form>
    }
}
