use leptos::prelude::*;
use sspr_core::flow::FlowKind;

use crate::i18n::use_i18n;

/// Last screen: the password was changed, or the account unlocked.
#[component]
pub fn DoneView(
    /// Reset or unlock.
    kind: FlowKind,
) -> impl IntoView {
    let i18n = use_i18n();
    let (title, hint) = match kind {
        FlowKind::Reset => ("done-title-reset", "done-hint-reset"),
        FlowKind::Unlock => ("done-title-unlock", "done-hint-unlock"),
    };
    view! {
        <div class="sspr-form" data-testid="sspr-done">
            <h2 class="sspr-form__title" tabindex="-1">{i18n.t(title)}</h2>
            <p class="sspr-form__hint">{i18n.t(hint)}</p>
        </div>
    }
}
