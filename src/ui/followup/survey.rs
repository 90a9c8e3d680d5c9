//! The outcomes survey: survey points and their results on the follow-up page (distribution,
//! mean score and change from the start, hidden below k exactly as in a shared file), and the
//! anonymous survey form, which asks no name, thanks each person and clears.

use super::{change, create, Rating};
use crate::domain::followup::{Measure, SurveyAnswers};
use crate::domain::{Date, Id};
use crate::share::gate::{survey_figures, SharedSurveyPoint};
use crate::share::html::score_words;
use crate::share::suppress::K;
use crate::state::{use_app, Route};
use crate::ui::forming::read_date;
use crate::ui::kit::{ErrorLine, Field, InputField};
use leptos::html;
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
struct PointRow {
    id: Id,
    name: String,
    planned: Option<Date>,
    figures: Option<SharedSurveyPoint>,
}

#[component]
pub fn SurveySection(programme: Id) -> impl IntoView {
    let app = use_app();
    // The programme's own threshold and strict setting, so this screen hides what a file would.
    let k = Memo::new(move |_| {
        let (k, strict) = app.ws.with(|ws| ws.disclosure_of(Some(programme)));
        (K::new(k).unwrap_or_default(), strict)
    });
    let rows = Memo::new(move |_| {
        app.ws.with(|ws| {
            let Some(p) = ws.programme(programme) else {
                return Vec::new();
            };
            let (k, strict) = k.get();
            let figures = survey_figures(&p.followup.survey, k, strict);
            p.followup
                .survey
                .points
                .iter()
                .zip(figures.into_iter().map(Some).chain(std::iter::repeat(None)))
                .map(|(x, f)| PointRow {
                    id: x.id,
                    name: x.name.clone(),
                    planned: x.planned,
                    figures: f,
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="panel" aria-labelledby="survey-title">
            <h2 id="survey-title">"Outcomes survey"</h2>
            <p class="hint">
                {move || format!(
                    "Participants rate seven statements from 1 to 5, with no name. Take it at the start and again later to see what changed. Results stay hidden until at least {} people have answered at a point, here and in any shared file.",
                    k.get().0
                )}
            </p>
            <Show when=move || rows.with(|r| !r.is_empty())
                fallback=|| view! { <p class="empty">"No survey points yet. Add the start below."</p> }>
                {move || rows.get().into_iter().enumerate().map(|(i, r)| view! {
                    <PointResults programme=programme row=r first=i == 0 k=k.get().0 />
                }).collect_view()}
            </Show>
            <NewPoint programme=programme first=Signal::derive(move || rows.with(Vec::is_empty)) />
        </section>
    }
}

#[component]
fn PointResults(programme: Id, row: PointRow, first: bool, k: K) -> impl IntoView {
    let heading_id = format!("point-{}-title", row.id);
    let planned = row
        .planned
        .map(|d| format!("Planned for {d}. "))
        .unwrap_or_default();
    let figures = row.figures.clone();
    let responses = figures
        .as_ref()
        .map(|f| f.responses.to_string())
        .unwrap_or_else(|| "0".to_string());
    view! {
        <article class="survey-point" aria-labelledby=heading_id.clone()>
            <h3 id=heading_id.clone()>{row.name.clone()}{(first && !row.name.to_lowercase().contains("start")).then_some(" (the start)")}</h3>
            <p class="meta">{format!("{planned}Responses: {responses}.")}</p>
            <p><a class="button" href=Route::Survey(programme, row.id).href()>{format!("Open the survey: {}", row.name)}</a></p>
            <crate::ui::kiosk::start::KioskStart
                task=crate::domain::kiosk::KioskTask::OutcomesSurvey { programme, point: row.id }
                what="the outcomes survey" />
            {match figures.filter(|f| !f.measures.is_empty()) {
                None => view! {
                    <p class="notice">{format!("Results are hidden until at least {k} people have answered at this point.")}</p>
                }.into_any(),
                Some(f) => view! {
                    <div class="scroll" tabindex="0" role="region" aria-label=format!("Results: {}", row.name)>
                        <table class="grid survey-results stack">
                            <caption>{format!("Results: {}", row.name)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Outcome"</th>
                                    {(1..=5).map(|n| view! { <th scope="col">{format!("Answered {n}")}</th> }).collect_view()}
                                    <th scope="col">"Mean score"</th>
                                    {(!first).then(|| view! { <th scope="col">"Change from the start"</th> })}
                                </tr>
                            </thead>
                            <tbody>
                                {f.measures.iter().map(|m| view! {
                                    <tr>
                                        <th scope="row">{m.measure.label()}</th>
                                        {m.answers.iter().zip(1..).map(|(c, n)| view! { <td class="n" data-label=format!("Answered {n}")>{c.to_string()}</td> }).collect_view()}
                                        <td class="n" data-label="Mean score">{score_words(m.mean, false)}</td>
                                        {(!first).then(|| view! { <td class="n" data-label="Change from the start">{score_words(m.change, true)}</td> })}
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <p class="hint">"Scores are out of 5; higher is better. Isolation is asked as “I feel isolated”, so its score is reversed. “Not shown” marks a figure that would let someone work out a hidden count."</p>
                }.into_any(),
            }}
        </article>
    }
}

#[component]
fn NewPoint(programme: Id, first: Signal<bool>) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let planned = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = planned.get_untracked();
        let result = if typed.trim().is_empty() {
            Ok(None)
        } else {
            read_date(&typed, "a date").map(Some)
        }
        .and_then(|d| {
            let n = name.get_untracked();
            create(programme, |f, id| f.survey.add_point(id, &n, d))
        });
        match result {
            Ok(()) => {
                name.set(String::new());
                planned.set(String::new());
                error.set(None);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <form class="subform" on:submit=add>
            <h3>{move || if first.get() { "Add the start point" } else { "Add a later survey point" }}</h3>
            <div class="row-fields">
                <Field id="point-name" label="Name of the survey point" class="grow">
                    <input type="text" id="point-name" autocomplete="off"
                        placeholder=move || if first.get() { "For example: Start" } else { "For example: After six months" }
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                </Field>
                <InputField id="point-date" label="Planned date (optional)" kind="date"
                    value=planned on_input=Callback::new(move |t| planned.set(t)) />
            </div>
            <ErrorLine error=error />
            <button type="submit" class="button">"Add survey point"</button>
        </form>
    }
}

#[component]
pub fn SurveyPage(programme: Id, point: Id) -> impl IntoView {
    let save = Callback::new(move |answers: SurveyAnswers| {
        change(programme, |f| f.survey.record(point, &answers))
    });
    view! {
        <h1 tabindex="-1">"How is the programme working for you?"</h1>
        <p class="lead">"This survey is anonymous: no name is asked and nothing links your answers to you. Only counts of answers are kept."</p>
        <SurveyForm on_submit=save />
        <p class="no-print survey-exit"><a href=Route::FollowUp(programme).href()>"Facilitator: back to after the meetings"</a></p>
    }
}

/// The seven statements as one self-contained form. `on_submit` adds the answers to the
/// counts and returns the refusal sentence, if any; on success the form thanks and clears.
#[component]
pub fn SurveyForm(
    on_submit: Callback<SurveyAnswers, Result<(), String>>,
    /// The answers being given; the kiosk passes its own so that it can clear them.
    #[prop(optional)]
    answers: Option<RwSignal<SurveyAnswers>>,
) -> impl IntoView {
    let answers = answers.unwrap_or_else(|| RwSignal::new(SurveyAnswers::default()));
    let error = RwSignal::new(None::<String>);
    let thanks = RwSignal::new(false);
    let thanks_ref = NodeRef::<html::P>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match on_submit.run(answers.get_untracked()) {
            // `try_set`: the caller (the kiosk) may have replaced this form by then.
            Ok(()) => {
                answers.try_set(SurveyAnswers::default());
                error.try_set(None);
                thanks.try_set(true);
                request_animation_frame(move || {
                    if let Some(p) = thanks_ref.try_get_untracked().flatten() {
                        let _ = p.focus();
                    }
                });
            }
            Err(e) => {
                error.try_set(Some(e));
            }
        }
    };
    view! {
        <p class="thanks" role="status" tabindex="-1" node_ref=thanks_ref>
            {move || thanks.get().then_some("Thank you: your answers are added. The survey is ready for the next person.")}
        </p>
        <form class="panel survey-form" on:submit=submit on:change=move |_| thanks.set(false)>
            {Measure::ALL.into_iter().map(|m| view! {
                <Rating name=format!("survey-{m:?}").to_lowercase() legend=m.statement()
                    hint="1 = not at all, 5 = very much."
                    value=Signal::derive(move || answers.with(|a| a.get(m).unwrap_or(0)))
                    on_pick=Callback::new(move |n| answers.update(|a| a.set(m, n))) />
            }).collect_view()}
            <ErrorLine error=error />
            <button type="submit" class="button primary">"Send my answers"</button>
        </form>
    }
}
