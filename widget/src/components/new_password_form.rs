use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use sspr_core::password::{PasswordRules, Rule};

use super::reset_widget::{ErrorLine, Status, Typed};
use super::strength_meter::StrengthMeter;
use crate::i18n::use_i18n;
use crate::strength::StrengthLoader;

/// Third screen: the new password, with a live checklist from core's rules and, once it
/// has loaded, a strength meter with advice.
#[component]
pub fn NewPasswordForm(
    /// Typed values kept by the widget.
    typed: Typed,
    /// Busy flag and error shared by all screens.
    status: Status,
    /// The rules the edge will enforce.
    rules: PasswordRules,
    /// Fetches the strength estimate.
    #[prop(default = StrengthLoader::none())]
    strength: StrengthLoader,
    /// Called when the user submits a password.
    on_submit: impl Fn() + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let visible = RwSignal::new(false);
    let checklist = move || {
        rules
            .checklist(&typed.password.get())
            .into_iter()
            .map(|check| {
                let (id, count) = match check.rule {
                    Rule::MinLength(n) => ("password-rule-min", usize::from(n)),
                    Rule::MaxLength(n) => ("password-rule-max", usize::from(n)),
                    Rule::Classes(n) => ("password-rule-classes", usize::from(n)),
                };
                let text = i18n.t_args(id, &[("count", count.into())]);
                let class = if check.passed { "sspr-check sspr-check--passed" } else { "sspr-check" };
                let state = i18n.t(if check.passed { "rule-met" } else { "rule-not-met" });
                view! { <li class=class>{text} <span class="sspr-visually-hidden">{format!(" {state}")}</span></li> }
            })
            .collect_view()
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if rules.check(&typed.password.get_untracked()).is_ok() {
            on_submit();
        } else {
            status.error.set(Some(i18n.t("password-not-ready")));
        }
    };
    view! {
        <form class="sspr-form" on:submit=submit data-testid="sspr-new-password">
            <h2 class="sspr-form__title" tabindex="-1">{i18n.t("password-title")}</h2>
            <label class="sspr-form__label" for=status.id("new-password")>{i18n.t("password-label")}</label>
            <div class="sspr-form__row">
                <input
                    class="sspr-form__input"
                    id=status.id("new-password")
                    name="new-password"
                    type=move || if visible.get() { "text" } else { "password" }
                    autocomplete="new-password"
                    aria-describedby=status.id("password-rules")
                    required
                    prop:value=move || typed.password.get()
                    on:input=move |ev| typed.password.set(event_target_value(&ev))
                />
                <button
                    class="sspr-form__toggle"
                    type="button"
                    aria-pressed=move || visible.get().to_string()
                    on:click=move |_| visible.update(|v| *v = !*v)
                >
                    {move || i18n.t(if visible.get() { "password-hide" } else { "password-show" })}
                </button>
            </div>
            <ul class="sspr-checklist" id=status.id("password-rules")>{checklist}</ul>
            <StrengthMeter password=typed.password user_input=typed.username status loader=strength />
            <ErrorLine status />
            <button class="sspr-form__button" type="submit" disabled=move || status.busy.get()>
                {i18n.t("password-submit")}
            </button>
        </form>
    }
}
