use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use sspr_core::methods::questions::Question;

use super::other_method_button::OtherMethodButton;
use super::reset_widget::{ErrorLine, Status};
use crate::i18n::{I18n, use_i18n};

/// A question as the user reads it: a predefined one in their language, a custom one as
/// the organisation wrote it.
pub fn question_text(i18n: I18n, question: &Question) -> String {
    match question {
        Question::Predefined(key) => i18n.t(&format!("question-{key}")),
        Question::Custom(text) => text.clone(),
    }
}

/// The reset's `answer_questions` step: the questions the edge drew, one answer each. After
/// a wrong answer the edge draws new questions, and this screen is drawn anew with them.
#[component]
pub fn AnswersForm(
    /// Busy flag and error shared by all screens.
    status: Status,
    /// The questions, in the order their answers are sent.
    questions: Vec<Question>,
    /// Called with the answers, in the questions' order.
    on_submit: impl Fn(Vec<String>) + 'static,
    /// Called when the user wants to start over.
    on_restart: impl Fn() + 'static,
    /// Called when the user wants to prove another of the offered methods (absent when the
    /// edge offered only this one).
    #[prop(default = None)]
    on_switch: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let answers: Vec<RwSignal<String>> = questions
        .iter()
        .map(|_| RwSignal::new(String::new()))
        .collect();
    let fields = questions
        .iter()
        .zip(&answers)
        .enumerate()
        .map(|(index, (question, answer))| {
            let answer = *answer;
            let id = status.id(&format!("answer{index}"));
            view! {
                <label class="sspr-form__label" for=id.clone()>{question_text(i18n, question)}</label>
                <input
                    class="sspr-form__input"
                    id=id
                    name=format!("answer{index}")
                    autocomplete="off"
                    autocapitalize="none"
                    spellcheck="false"
                    required
                    prop:value=move || answer.get()
                    on:input=move |ev| answer.set(event_target_value(&ev))
                />
            }
        })
        .collect_view();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        on_submit(answers.iter().map(|a| a.get_untracked()).collect());
    };
    view! {
        <form class="sspr-form" on:submit=submit data-testid="sspr-answers">
            <h2 class="sspr-form__title" tabindex="-1">{i18n.t("answers-title")}</h2>
            <p class="sspr-form__hint">{i18n.t("answers-hint")}</p>
            {fields}
            <ErrorLine status />
            <button class="sspr-form__button" type="submit" disabled=move || status.busy.get()>
                {i18n.t("answers-submit")}
            </button>
            {on_switch.map(|on_switch| view! { <OtherMethodButton status on_switch /> })}
            <button class="sspr-form__link" type="button" on:click=move |_| on_restart()>
                {i18n.t("restart")}
            </button>
        </form>
    }
}
