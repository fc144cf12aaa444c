use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use sspr_core::api::{AnswerEntry, QuestionChoices};
use sspr_core::methods::questions::Question;

use super::answers_form::question_text;
use super::reset_widget::Status;
use crate::i18n::use_i18n;

/// One question being registered: the choice (`p:<key>` or `c:<index>`), the answer twice.
#[derive(Clone, Copy)]
pub struct QuestionRow {
    pub choice: RwSignal<String>,
    pub answer: RwSignal<String>,
    pub confirmation: RwSignal<String>,
}

impl QuestionRow {
    pub fn new() -> Self {
        QuestionRow {
            choice: RwSignal::new(String::new()),
            answer: RwSignal::new(String::new()),
            confirmation: RwSignal::new(String::new()),
        }
    }
}

impl Default for QuestionRow {
    fn default() -> Self {
        QuestionRow::new()
    }
}

/// The question a choice stands for.
fn question(choices: &QuestionChoices, choice: &str) -> Option<Question> {
    if let Some(key) = choice.strip_prefix("p:") {
        return choices
            .predefined
            .iter()
            .find(|k| *k == key)
            .map(|k| Question::Predefined(k.clone()));
    }
    let index: usize = choice.strip_prefix("c:")?.parse().ok()?;
    choices
        .custom
        .get(index)
        .map(|text| Question::Custom(text.clone()))
}

/// Registration of security questions: the policy's `register` count of questions, each
/// picked from the predefined ones (in the user's language) or the organisation's own, with
/// the answer typed twice. The edge checks them; its `questions_invalid` error is shown under
/// the question it names (`parameter`: `answers[2]`), or above the button.
#[component]
pub fn QuestionsForm(
    /// What the policy offers.
    choices: QuestionChoices,
    /// The rows, kept by the widget so an error does not lose what was typed.
    rows: Vec<QuestionRow>,
    /// Busy flag and error shared by all screens.
    status: Status,
    /// The `parameter` of the last error (`answers[2]`), if any.
    field: RwSignal<Option<String>>,
    /// Called with the questions and answers.
    on_submit: impl Fn(Vec<AnswerEntry>) + 'static,
    /// Called when the user goes back to the overview.
    on_back: impl Fn() + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let options: Vec<(String, String)> = choices
        .predefined
        .iter()
        .map(|key| {
            (
                format!("p:{key}"),
                question_text(i18n, &Question::Predefined(key.clone())),
            )
        })
        .chain(
            choices
                .custom
                .iter()
                .enumerate()
                .map(|(i, text)| (format!("c:{i}"), text.clone())),
        )
        .collect();
    let error_at =
        move |index: usize| field.get().as_deref() == Some(format!("answers[{index}]").as_str());
    let fieldsets = rows
        .iter()
        .copied()
        .enumerate()
        .map(|(index, row)| {
            let id = |part: &str| status.id(&format!("q{index}-{part}"));
            let error_id = id("error");
            let options = options
                .iter()
                .map(|(value, text)| {
                    let value = value.clone();
                    let selected = {
                        let value = value.clone();
                        move || row.choice.get() == value
                    };
                    view! { <option value=value selected=selected>{text.clone()}</option> }
                })
                .collect_view();
            let described = move || error_at(index).then(|| error_id.clone());
            view! {
                <fieldset class="sspr-question" data-testid=format!("sspr-question-{index}")>
                    <legend class="sspr-form__label">
                        {i18n.t_args("questions-question", &[("number", (index + 1).into())])}
                    </legend>
                    <label class="sspr-form__label" for=id("choice")>{i18n.t("questions-choose")}</label>
                    <select
                        class="sspr-form__input"
                        id=id("choice")
                        required
                        aria-invalid=move || error_at(index).to_string()
                        aria-describedby=described
                        on:change=move |ev| row.choice.set(event_target_value(&ev))
                    >
                        <option value="" selected=move || row.choice.get().is_empty()>{i18n.t("questions-choose")}</option>
                        {options}
                    </select>
                    <label class="sspr-form__label" for=id("answer")>{i18n.t("questions-answer")}</label>
                    <input
                        class="sspr-form__input"
                        id=id("answer")
                        autocomplete="off"
                        spellcheck="false"
                        required
                        aria-invalid=move || error_at(index).to_string()
                        prop:value=move || row.answer.get()
                        on:input=move |ev| row.answer.set(event_target_value(&ev))
                    />
                    <label class="sspr-form__label" for=id("confirm")>{i18n.t("questions-confirm")}</label>
                    <input
                        class="sspr-form__input"
                        id=id("confirm")
                        autocomplete="off"
                        spellcheck="false"
                        required
                        aria-invalid=move || error_at(index).to_string()
                        prop:value=move || row.confirmation.get()
                        on:input=move |ev| row.confirmation.set(event_target_value(&ev))
                    />
                    <p class="sspr-error" role="alert" id=id("error") data-testid=format!("sspr-question-error-{index}")>
                        {move || if error_at(index) { status.error.get().unwrap_or_default() } else { String::new() }}
                    </p>
                </fieldset>
            }
        })
        .collect_view();
    let hint = i18n.t_args(
        "questions-hint",
        &[
            ("count", choices.register.into()),
            ("min", choices.min_answer_chars.into()),
            ("max", choices.max_answer_chars.into()),
        ],
    );
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let entries = rows
            .iter()
            .map(|row| AnswerEntry {
                question: question(&choices, &row.choice.get_untracked())
                    .unwrap_or(Question::Custom(String::new())),
                answer: row.answer.get_untracked(),
                confirmation: row.confirmation.get_untracked(),
            })
            .collect();
        on_submit(entries);
    };
    view! {
        <form class="sspr-form" on:submit=submit data-testid="sspr-questions">
            <h2 class="sspr-form__title" tabindex="-1">{i18n.t("questions-title")}</h2>
            <p class="sspr-form__hint">{hint}</p>
            {fieldsets}
            <p class="sspr-error" role="alert" data-testid="sspr-error">
                {move || if field.get().is_none() { status.error.get().unwrap_or_default() } else { String::new() }}
            </p>
            <button class="sspr-form__button" type="submit" disabled=move || status.busy.get()>
                {i18n.t("questions-submit")}
            </button>
            <button class="sspr-form__link" type="button" on:click=move |_| on_back()>
                {i18n.t("back")}
            </button>
        </form>
    }
}
