use leptos::prelude::*;
use sspr_core::api::turnstile_action;
use sspr_core::flow::FlowKind;

use crate::i18n::use_i18n;
use crate::turnstile::{self, Callbacks, Challenge, Rendered, TurnstileHost};

/// Cloudflare Turnstile's challenge on the identify screen. Turnstile renders into a
/// light-DOM child of the host element (it cannot run inside a shadow root), shown here
/// through `<slot name="sspr-turnstile">`. The token goes to `token`; an expired or failed
/// challenge says so and offers to try again.
#[component]
pub fn TurnstileCheck(
    /// The loader's Turnstile host (site key and script URL).
    host: TurnstileHost,
    /// Reset or unlock: the challenge's action.
    kind: FlowKind,
    /// The token to send with the start; `None` while there is none.
    token: RwSignal<Option<String>>,
    /// Changed by the widget after each start that left the user here: tokens are good
    /// once, so a new one is asked for.
    round: RwSignal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = RwSignal::new(Challenge::Waiting);
    let slot = NodeRef::<leptos::html::Slot>::new();
    let host = StoredValue::new_local(host);
    let rendered = StoredValue::new_local(None::<(Rendered, Callbacks)>);
    let language = turnstile::language(i18n.locale().tag());

    Effect::new(move |_| {
        let Some(slot) = slot.get() else {
            return;
        };
        if rendered.with_value(Option::is_some) {
            return;
        }
        let on_state = move |next: Challenge, value: Option<String>| {
            token.set(value);
            state.set(next);
        };
        let placeholder: &web_sys::Element = &slot;
        let result = host.with_value(|host| {
            turnstile::render(
                host,
                placeholder,
                turnstile_action(kind),
                &language,
                on_state,
            )
        });
        match result {
            Ok(pair) => rendered.set_value(Some(pair)),
            Err(err) => {
                leptos::logging::error!("sspr: Turnstile could not be rendered: {err:?}");
                state.set(Challenge::Failed);
            }
        }
    });
    let retry = move || {
        token.set(None);
        state.set(Challenge::Waiting);
        rendered.with_value(|r| {
            if let Some((rendered, _)) = r {
                rendered.reset();
            }
        });
    };
    Effect::new(move |previous: Option<u32>| {
        let now = round.get();
        if previous.is_some_and(|previous| previous != now) {
            retry();
        }
        now
    });
    on_cleanup(move || {
        token.try_set(None);
        rendered.try_update_value(|r| {
            if let Some((rendered, _callbacks)) = r.take() {
                rendered.remove();
            }
        });
    });

    // One static tree, its words and the retry button switched by the state (smaller than
    // a view per state).
    view! {
        <div class="sspr-turnstile" data-testid="sspr-turnstile" data-state=move || state.get().name()>
            <slot name="sspr-turnstile" node_ref=slot></slot>
            <p class="sspr-form__hint" hidden=move || state.get() != Challenge::Waiting>
                {i18n.t("turnstile-waiting")}
            </p>
            <p class="sspr-error" role="alert" data-testid="sspr-turnstile-message">
                {move || match state.get() {
                    Challenge::Expired => i18n.t("turnstile-expired"),
                    Challenge::Failed => i18n.t("turnstile-error"),
                    Challenge::Waiting | Challenge::Solved => String::new(),
                }}
            </p>
            <button class="sspr-form__link" type="button" hidden=move || !state.get().retry() on:click=move |_| retry()>
                {i18n.t("turnstile-retry")}
            </button>
        </div>
    }
}
