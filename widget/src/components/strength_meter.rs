use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::reset_widget::Status;
use crate::i18n::use_i18n;
use crate::strength::{Estimator, StrengthLoader};

/// How guessable the new password is (zxcvbn, loaded on demand): a labelled `meter` with its
/// level in words, and what would make the password stronger. Screen readers hear the level
/// and the advice once the user pauses typing ([`ANNOUNCE_AFTER`]), not at every keystroke.
/// Advice only: the checklist above holds the policy's rules, and the edge decides. Until the
/// estimate has loaded (or if it cannot be), nothing is shown.
/// How long typing must pause before the estimate is read out.
pub const ANNOUNCE_AFTER: Duration = Duration::from_millis(1000);

#[component]
pub fn StrengthMeter(
    /// The password typed so far.
    password: RwSignal<String>,
    /// The user's own words (the username), which make a password easier to guess.
    user_input: RwSignal<String>,
    /// For page-unique ids.
    status: Status,
    /// How to fetch the estimate.
    loader: StrengthLoader,
) -> impl IntoView {
    let i18n = use_i18n();
    let estimator = RwSignal::new_local(None::<Estimator>);
    spawn_local(async move {
        if let Some(loaded) = loader.load().await {
            // The screen may be gone by now.
            let _ = estimator.try_set(Some(loaded));
        }
    });
    let strength = Memo::new(move |_| {
        let password = password.get();
        if password.is_empty() {
            return None;
        }
        let user = user_input.get();
        let words: Vec<&str> = user
            .split(['@', '.', ' '])
            .filter(|w| !w.is_empty())
            .collect();
        estimator.with(|e| e.as_ref().and_then(|e| e.estimate(&password, &words)))
    });
    let level = move || {
        strength
            .get()
            .map(|s| i18n.t(&format!("strength-score-{}", s.score)))
    };
    let advice = move || {
        strength.get().map(|s| {
            s.warning
                .iter()
                .map(|w| i18n.t(&format!("strength-warning-{w}")))
                .chain(
                    s.suggestions
                        .iter()
                        .map(|k| i18n.t(&format!("strength-suggestion-{k}"))),
                )
                .collect::<Vec<_>>()
                .join(" ")
        })
    };
    // What the live region says: the level and the advice, once typing has paused.
    let announced = RwSignal::new(String::new());
    let timer = StoredValue::new_local(None::<TimeoutHandle>);
    let stop_timer = move || {
        if let Some(handle) = timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    };
    Effect::new(move |_| {
        let text = match (level(), advice()) {
            (Some(level), Some(advice)) => {
                format!("{}: {level}. {advice}", i18n.t("strength-label"))
            }
            _ => String::new(),
        };
        stop_timer();
        if let Ok(handle) = set_timeout_with_handle(
            move || {
                let _ = announced.try_set(text);
            },
            ANNOUNCE_AFTER,
        ) {
            timer.set_value(Some(handle));
        }
    });
    on_cleanup(stop_timer);
    let label_id = status.id("strength-label");
    let meter_id = status.id("strength");
    view! {
        <Show when=move || estimator.with(Option::is_some)>
            <div class="sspr-strength" data-testid="sspr-strength">
                <div class="sspr-strength__row">
                    <label class="sspr-strength__label" id=label_id.clone() for=meter_id.clone()>
                        {i18n.t("strength-label")}
                    </label>
                    <span class="sspr-strength__level" data-testid="sspr-strength-level">
                        {level}
                    </span>
                </div>
                <meter
                    class="sspr-strength__meter"
                    id=meter_id.clone()
                    min="0"
                    max="4"
                    low="2"
                    high="3"
                    optimum="4"
                    aria-valuetext=level
                    prop:value=move || strength.get().map_or(0.0, |s| f64::from(s.score))
                    data-score=move || strength.get().map(|s| s.score.to_string())
                ></meter>
                <p class="sspr-strength__feedback" data-testid="sspr-strength-feedback">{advice}</p>
                <p class="sspr-visually-hidden" aria-live="polite" data-testid="sspr-strength-announced">
                    {move || announced.get()}
                </p>
            </div>
        </Show>
    }
}
