use leptos::prelude::*;
use sspr_core::api::MethodOffer;
use sspr_core::policy::Method;

use super::reset_widget::{ErrorLine, Status};
use crate::i18n::use_i18n;

/// The user picks how to prove who they are, among the masked methods the edge offers; with
/// two methods required, the heading says which step this is.
#[component]
pub fn ChooseMethod(
    /// Busy flag and error shared by all screens.
    status: Status,
    /// The methods still to choose from.
    methods: Vec<MethodOffer>,
    /// How many methods are proved already.
    verified: u8,
    /// How many the policy requires.
    required: u8,
    /// Called with the chosen method.
    on_choose: impl Fn(Method) + Copy + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let progress = (required > 1).then(|| {
        i18n.t_args(
            "choose-progress",
            &[
                ("step", (verified + 1).min(required).into()),
                ("total", required.into()),
            ],
        )
    });
    let options = methods
        .into_iter()
        .map(|offer| {
            let id = format!("choose-{}", offer.method.key());
            let label = i18n.t_args(&id, &[("destination", offer.destination.into())]);
            let method = offer.method;
            view! {
                <li>
                    <button
                        class="sspr-method"
                        type="button"
                        data-method=method.key()
                        disabled=move || status.busy.get()
                        on:click=move |_| on_choose(method)
                    >
                        {label}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="sspr-form" data-testid="sspr-choose">
            {progress.map(|text| view! { <p class="sspr-form__step">{text}</p> })}
            <h2 class="sspr-form__title" tabindex="-1">{i18n.t("choose-title")}</h2>
            <ul class="sspr-methods">{options}</ul>
            <ErrorLine status />
        </div>
    }
}
