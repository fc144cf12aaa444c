use leptos::prelude::*;
use sspr_core::api::{ApprovalAnswer, ApprovalRequest};
use sspr_core::flow::FlowKind;

use super::reset_widget::{ErrorLine, Status};
use crate::i18n::use_i18n;

/// On the phone: a reset or unlock asks for approval. The three numbers the edge chose, as
/// large buttons (the reset screen shows one of them; tapping another refuses the request,
/// which is what stops a user approving a prompt they did not start), and "This wasn't me".
#[component]
pub fn ApprovalRequestForm(
    /// The open request.
    request: ApprovalRequest,
    /// Busy flag and error shared by all screens.
    status: Status,
    /// Called with the number tapped, or the denial.
    on_answer: impl Fn(ApprovalAnswer) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let what = match request.kind {
        FlowKind::Reset => "approver-request-reset",
        FlowKind::Unlock => "approver-request-unlock",
    };
    let numbers = request
        .choices
        .iter()
        .map(|&number| {
            let shown = format!("{number:02}");
            let label = i18n.t_args("approver-number", &[("number", shown.clone().into())]);
            view! {
                <li>
                    <button
                        class="sspr-approver__number"
                        type="button"
                        aria-label=label
                        disabled=move || status.busy.get()
                        on:click=move |_| on_answer(ApprovalAnswer::Pick { number })
                    >
                        {shown}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="sspr-form" data-testid="sspr-approver-request">
            <h2 class="sspr-form__title" tabindex="-1">{i18n.t("approver-title-request")}</h2>
            <p class="sspr-form__hint">
                {i18n.t_args(what, &[("time", i18n.time(request.requested_at).into())])}
            </p>
            <p class="sspr-form__hint" id=status.id("numbers-hint")>{i18n.t("approver-request-hint")}</p>
            <ul class="sspr-approver__numbers" aria-describedby=status.id("numbers-hint")>{numbers}</ul>
            <ErrorLine status />
            <button
                class="sspr-form__button sspr-form__button--danger"
                type="button"
                disabled=move || status.busy.get()
                on:click=move |_| on_answer(ApprovalAnswer::Deny)
            >
                {i18n.t("approver-deny")}
            </button>
        </div>
    }
}
