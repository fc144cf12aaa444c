use std::cell::OnceCell;
use std::rc::Rc;

use leptos::prelude::*;
use sspr_core::api::turnstile_action;
use sspr_core::flow::FlowKind;

use crate::i18n::use_i18n;
use crate::turnstile::{self, Callbacks, Rendered, TurnstileHost};

/// Cloudflare Turnstile's challenge on the identify screen. Turnstile renders into a
/// light-DOM child of the host element (it cannot run inside a shadow root), shown here
/// through `<slot name="sspr-turnstile">`. The token goes to `token`; an expired or failed
/// challenge says so and offers to try again; when the widget empties `token` (a start spent
/// it), a new one is asked for.
#[component]
pub fn TurnstileCheck(
    /// The loader's Turnstile host (site key and script URL).
    host: TurnstileHost,
    /// Reset or unlock: the challenge's action.
    kind: FlowKind,
    /// The token to send with the start; `None` while there is none.
    token: RwSignal<Option<String>>,
    /// The widget's section, where the slot is found once rendered.
    root: NodeRef<leptos::html::Section>,
) -> impl IntoView {
    let i18n = use_i18n();
    // A token from an earlier identify screen was spent by its start ("Start over").
    token.set(None);
    // The message id of an expired or failed challenge.
    let problem = RwSignal::new(None::<String>);
    let shown: Rc<OnceCell<(Rendered, Callbacks)>> = Rc::default();
    let language = turnstile::language(i18n.locale().tag());
    let reset = {
        let shown = shown.clone();
        move || {
            if let Some((rendered, _)) = shown.get() {
                rendered.reset();
            }
        }
    };

    // First run: render. Later runs: the widget emptied a token nobody expired or failed,
    // so a start spent it; ask for another.
    Effect::new({
        let reset = reset.clone();
        move |had: Option<bool>| {
            let has = token.with(Option::is_some);
            match had {
                None => {
                    let slot = root
                        .get_untracked()
                        .and_then(|section| {
                            section.query_selector("slot[name=sspr-turnstile]").ok()
                        })
                        .flatten();
                    let rendered = slot.ok_or(wasm_bindgen::JsValue::NULL).and_then(|slot| {
                        turnstile::render(
                            &host,
                            &slot,
                            turnstile_action(kind),
                            &language,
                            token,
                            problem,
                        )
                    });
                    match rendered {
                        Ok(pair) => {
                            let _ = shown.set(pair);
                        }
                        Err(err) => {
                            leptos::logging::error!("sspr: Turnstile could not be shown: {err:?}");
                            problem.set(Some(turnstile::problem_message(false).to_owned()));
                        }
                    }
                }
                Some(true) if !has && problem.with_untracked(Option::is_none) => reset(),
                _ => {}
            }
            has
        }
    });
    let retry = move |_| {
        problem.set(None);
        reset();
    };
    let state = move || match (token.with(Option::is_some), problem.with(Option::is_some)) {
        (true, _) => "solved",
        (false, false) => "waiting",
        (false, true) => "problem",
    };

    view! {
        <div class="sspr-turnstile" data-testid="sspr-turnstile" data-state=state>
            <slot name="sspr-turnstile"></slot>
            <p class="sspr-form__hint" hidden=move || state() != "waiting">
                {i18n.t("turnstile-waiting")}
            </p>
            <p class="sspr-error" role="alert" data-testid="sspr-turnstile-message">
                {move || problem.get().map(|id| i18n.t(&id)).unwrap_or_default()}
            </p>
            <button class="sspr-form__link" type="button" hidden=move || state() != "problem" on:click=retry>
                {i18n.t("turnstile-retry")}
            </button>
        </div>
    }
}
