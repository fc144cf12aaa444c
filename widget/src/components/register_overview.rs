use leptos::prelude::*;
use sspr_core::api::{ApproverView, RegistrationView};
use sspr_core::policy::Method;
use sspr_core::registration::RegistrationDue;

use super::reset_widget::{ErrorLine, Status};
use crate::i18n::use_i18n;

/// Methods this widget can add (notifications on the phone only where the edge has an
/// approver page: then its view has an approver part).
const ADDABLE: [Method; 5] = [
    Method::EmailCode,
    Method::SmsCode,
    Method::Authenticator,
    Method::AppNotification,
    Method::SecurityQuestions,
];

/// The registration's first screen and the user's "my methods": what the policy asks (how
/// many methods, how many are held, as a step indicator), the methods held (masked, each
/// with a remove button, or marked as the directory's when the organisation keeps it), what may be added, and the way on: confirm (re-confirmation),
/// postpone (while the policy allows). Everything shown comes from the edge's view.
#[component]
pub fn RegisterOverview(
    /// The edge's latest picture.
    view: RwSignal<Option<RegistrationView>>,
    /// The approver part of the edge's latest picture.
    approver: RwSignal<Option<ApproverView>>,
    /// Busy flag and error shared by all screens.
    status: Status,
    /// Called with a method to add.
    on_add: impl Fn(Method) + Copy + Send + Sync + 'static,
    /// Called with a method to remove.
    on_remove: impl Fn(Method) + Copy + Send + Sync + 'static,
    /// Called with the method to make the default (offered first at a reset).
    on_default: impl Fn(Method) + Copy + Send + Sync + 'static,
    /// Called when the user confirms their methods.
    on_confirm: impl Fn() + Copy + Send + Sync + 'static,
    /// Called when the user postpones.
    on_skip: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let body = move || {
        let view = view.get()?;
        let approver = approver.get();
        let phone = approver
            .as_ref()
            .and_then(|a| a.paired.as_ref())
            .map(|p| p.name.clone());
        let name = view.display_name.clone().unwrap_or(view.username.clone());
        let signed_in = view! {
            <p class="sspr-form__hint" data-testid="sspr-signed-in">
                {i18n.t_args("register-signed-in", &[("name", name.into())])}
            </p>
        };
        if view.due == RegistrationDue::NotEnabled {
            return Some(
                view! {
                    <h2 class="sspr-form__title" tabindex="-1">{i18n.t("not-enabled-title")}</h2>
                    {signed_in}
                    <p class="sspr-form__hint">{i18n.t("error-not_enabled")}</p>
                }
                .into_any(),
            );
        }
        let held = view.methods.len().min(usize::from(u8::MAX)) as u8;
        let total = view.required;
        let (title, skips_left) = match view.due {
            RegistrationDue::Register { skips_left, .. } => ("register-title", skips_left),
            RegistrationDue::Reconfirm { skips_left } => ("reconfirm-title", skips_left),
            RegistrationDue::UpToDate { .. } => ("manage-title", 0),
            _ => ("register-title", 0),
        };
        let reconfirm = matches!(view.due, RegistrationDue::Reconfirm { .. });
        let indicator = (0..total)
            .map(|i| {
                let class = if i < held {
                    "sspr-progress__dot sspr-progress__dot--done"
                } else {
                    "sspr-progress__dot"
                };
                view! { <span class=class></span> }
            })
            .collect_view();
        let held_items = view
            .methods
            .iter()
            .enumerate()
            .map(|(index, offer)| {
                let method = offer.method;
                let label_id = status.id(&format!("held{index}"));
                let text = match (&phone, method) {
                    (Some(name), Method::AppNotification) => {
                        i18n.t_args("held-app_notification", &[("name", name.clone().into())])
                    }
                    _ => i18n.t_args(
                        &format!("method-{}", method.key()),
                        &[("destination", offer.destination.clone().into())],
                    ),
                };
                // The directory's own address or number: the organisation keeps it, so it
                // is labelled as theirs instead of offering a Remove the edge would refuse.
                let action = if view.from_directory.contains(&method) {
                    view! {
                        <span class="sspr-held__source" data-testid="sspr-from-directory">
                            {i18n.t("held-from-directory")}
                        </span>
                    }
                    .into_any()
                } else {
                    view! {
                        <button
                            class="sspr-form__link"
                            type="button"
                            aria-describedby=label_id.clone()
                            disabled=move || status.busy.get()
                            on:click=move |_| on_remove(method)
                        >
                            {i18n.t("remove-method")}
                        </button>
                    }
                    .into_any()
                };
                // With two methods or more, one can be the default: offered first at a reset.
                let default = if view.default_method == Some(method) {
                    Some(
                        view! {
                            <span class="sspr-held__source" data-testid="sspr-default">
                                {i18n.t("held-default")}
                            </span>
                        }
                        .into_any(),
                    )
                } else if view.methods.len() > 1 {
                    Some(
                        view! {
                            <button
                                class="sspr-form__link"
                                type="button"
                                aria-describedby=label_id.clone()
                                disabled=move || status.busy.get()
                                on:click=move |_| on_default(method)
                            >
                                {i18n.t("make-default")}
                            </button>
                        }
                        .into_any(),
                    )
                } else {
                    None
                };
                view! {
                    <li class="sspr-held" data-method=method.key()>
                        <span id=label_id>{text}</span>
                        {default}
                        {action}
                    </li>
                }
            })
            .collect_view();
        let addable: Vec<Method> = view
            .allowed
            .iter()
            .copied()
            .filter(|m| ADDABLE.contains(m) && !view.methods.iter().any(|o| o.method == *m))
            .filter(|m| *m != Method::AppNotification || approver.is_some())
            .collect();
        let add_items = addable
            .iter()
            .map(|&method| {
                view! {
                    <li>
                        <button
                            class="sspr-method"
                            type="button"
                            data-method=method.key()
                            disabled=move || status.busy.get()
                            on:click=move |_| on_add(method)
                        >
                            {i18n.t(&format!("add-{}", method.key()))}
                        </button>
                    </li>
                }
            })
            .collect_view();
        Some(
            view! {
                <p class="sspr-form__step" data-testid="sspr-progress">
                    <span class="sspr-progress" aria-hidden="true">{indicator}</span>
                    {i18n.t_args("register-progress", &[("held", held.into()), ("total", total.into())])}
                </p>
                <h2 class="sspr-form__title" tabindex="-1">{i18n.t(title)}</h2>
                {signed_in}
                <p class="sspr-form__hint">
                    {i18n.t(if reconfirm { "reconfirm-hint" } else { "register-hint" })}
                    " "
                    {i18n.t_args("register-needed", &[("total", total.into())])}
                </p>
                <h3 class="sspr-form__subtitle">{i18n.t("register-held-title")}</h3>
                {if view.methods.is_empty() {
                    view! { <p class="sspr-form__hint">{i18n.t("register-none-held")}</p> }.into_any()
                } else {
                    view! { <ul class="sspr-methods" data-testid="sspr-held">{held_items}</ul> }.into_any()
                }}
                {(!addable.is_empty()).then(|| view! {
                    <h3 class="sspr-form__subtitle">{i18n.t("register-add-title")}</h3>
                    <ul class="sspr-methods" data-testid="sspr-add">{add_items}</ul>
                })}
                <ErrorLine status />
                {reconfirm.then(|| view! {
                    <button
                        class="sspr-form__button"
                        type="button"
                        disabled=move || status.busy.get()
                        on:click=move |_| on_confirm()
                    >
                        {i18n.t("confirm-methods")}
                    </button>
                })}
                {(skips_left > 0).then(|| view! {
                    <button
                        class="sspr-form__link"
                        type="button"
                        data-testid="sspr-postpone"
                        disabled=move || status.busy.get()
                        on:click=move |_| on_skip()
                    >
                        {i18n.t("postpone")}
                    </button>
                    <p class="sspr-form__hint">{i18n.t_args("postpone-hint", &[("count", skips_left.into())])}</p>
                })}
            }
            .into_any(),
        )
    };
    view! { <div class="sspr-form" data-testid="sspr-register-overview">{body}</div> }
}
