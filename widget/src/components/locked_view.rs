use leptos::prelude::*;

use super::helpdesk_link::HelpdeskLink;
use crate::i18n::use_i18n;

/// Shown while the account is blocked: after too many failed attempts, or, with `reported`,
/// because the user reported a change to their account as not made by them ("this wasn't
/// me"), with the helpdesk to contact.
#[component]
pub fn LockedView(
    /// When the block ends, in milliseconds since the Unix epoch.
    until: u64,
    /// Blocked by a report, not by failed attempts.
    #[prop(optional)]
    reported: bool,
    /// A link to the helpdesk, when the policy names one.
    #[prop(default = None)]
    helpdesk: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (title, hint, testid) = if reported {
        ("reported-title", "reported-hint", "sspr-reported")
    } else {
        ("locked-title", "locked-hint", "sspr-locked")
    };
    let hint = i18n.t_args(hint, &[("until", i18n.time(until).into())]);
    view! {
        <div class="sspr-form" data-testid=testid role="alert">
            <h2 class="sspr-form__title" tabindex="-1">{i18n.t(title)}</h2>
            <p class="sspr-form__hint">{hint}</p>
            <HelpdeskLink helpdesk />
        </div>
    }
}
