//! After the meetings: the follow-up overview (pairs' health, plans, the survey), a plan, the
//! check-in form and the survey form. Views only; every rule is in `domain::followup`.

pub mod checkin;
mod checkins;
pub mod contacts;
mod health;
mod plan;
mod plans;
mod rules;
pub mod safety;
mod step;
pub(crate) mod survey;
pub mod week;

use crate::domain::followup::FollowUp;
use crate::domain::{DomainError, Id};
use crate::state::{use_app, AppState, Route};
use crate::ui::forming::BackToProgramme;
use crate::ui::kit::InputField;
use crate::ui::not_found::{Gone, NotFound};
use leptos::prelude::*;

/// Changes this programme's follow-up; the refusal comes back as its sentence.
pub fn change<R>(
    programme: Id,
    f: impl FnOnce(&mut FollowUp) -> Result<R, DomainError>,
) -> Result<R, String> {
    let app = use_app();
    app.edit_programme(programme, |p| f(&mut p.followup))
        .map_err(|e: DomainError| e.to_string())
}

/// Like [`change`], with a new id for what is being created.
pub fn create<R>(
    programme: Id,
    f: impl FnOnce(&mut FollowUp, Id) -> Result<R, DomainError>,
) -> Result<R, String> {
    let app = use_app();
    app.change(|ws| {
        ws.programme(programme)
            .ok_or(DomainError::NotFound("programme"))?;
        let id = ws.fresh_id();
        f(&mut ws.programme_mut(programme)?.followup, id)
    })
    .map_err(|e: DomainError| e.to_string())
}

/// The date something was done for a pair (today unless changed) and a line saying what, side
/// by side: an intervention, or what was done about a safety concern. The boxes' ids are
/// `{kind}-date-{pair}` and `{kind}-what-{pair}`.
#[component]
pub fn DateAndWhat(
    kind: &'static str,
    pair: Id,
    what_label: &'static str,
    date: RwSignal<String>,
    what: RwSignal<String>,
) -> impl IntoView {
    view! {
        <div class="row-fields">
            <InputField id=format!("{kind}-date-{pair}") label="Date" kind="date"
                value=date on_input=Callback::new(move |t| date.set(t)) />
            <InputField id=format!("{kind}-what-{pair}") label=what_label autocomplete="off" class="grow"
                value=what on_input=Callback::new(move |t| what.set(t)) />
        </div>
    }
}

pub fn title(app: AppState, route: Route) -> String {
    app.ws.with(|ws| {
        let Some(p) = route.programme().and_then(|id| ws.programme(id)) else {
            return "Programme".to_string();
        };
        match route {
            Route::Plan(_, plan) => p
                .followup
                .plan(plan)
                .map(|x| format!("Follow-up plan · {}", x.title(&ws.sessions)))
                .unwrap_or_else(|| "Follow-up plan".to_string()),
            Route::CheckIn(..) => format!("Check-in · {}", p.display_name()),
            // No names on a screen people fill in anonymously.
            Route::Survey(..) => "Outcomes survey".to_string(),
            _ => format!("After the meetings · {}", p.display_name()),
        }
    })
}

pub fn page(route: Route) -> AnyView {
    let app = use_app();
    let programme = route.programme().unwrap_or_default();
    let exists = Memo::new(move |_| {
        app.ws.with(|ws| {
            ws.programme(programme).is_some_and(|p| match route {
                Route::Plan(_, x) => p.followup.plan(x).is_some(),
                Route::CheckIn(_, x) => p.mentoring.active_pairs().any(|pair| pair.id == x),
                Route::Survey(_, x) => p.followup.survey.point(x).is_some(),
                _ => true,
            })
        })
    });
    view! {
        <Show when=move || exists.get() fallback=move || view! { <NotFound gone=Gone::InProgramme(programme) /> }>
            {match route {
                Route::FollowUp(p) => view! { <FollowUpPage programme=p /> }.into_any(),
                Route::Plan(p, x) => view! { <plan::PlanPage programme=p plan=x /> }.into_any(),
                Route::CheckIn(p, x) => view! { <checkin::CheckInPage programme=p pair=x /> }.into_any(),
                Route::Survey(p, x) => view! { <survey::SurveyPage programme=p point=x /> }.into_any(),
                _ => ().into_any(),
            }}
        </Show>
    }
    .into_any()
}

#[component]
fn FollowUpPage(programme: Id) -> impl IntoView {
    view! {
        <BackToProgramme programme=programme />
        <h1 tabindex="-1">"After the meetings"</h1>
        <p class="lead">
            "Follow-up plans, regular check-ins for each mentoring pair, and the anonymous \
             outcomes survey. What pairs write stays private: this page shows only why a pair \
             may need help, never their words."
        </p>
        <health::HealthSection programme=programme />
        <plans::PlansSection programme=programme />
        <survey::SurveySection programme=programme />
    }
}

/// A 1-to-5 rating as five radio buttons in a fieldset; `value` 0 means "not chosen".
#[component]
pub fn Rating(
    name: String,
    legend: &'static str,
    hint: &'static str,
    value: Signal<u8>,
    on_pick: Callback<u8>,
) -> impl IntoView {
    let hint_id = format!("{name}-hint");
    view! {
        <fieldset class="choices rating" aria-describedby=hint_id.clone()>
            <legend>{legend}</legend>
            <p class="hint" id=hint_id.clone()>{hint}</p>
            <div class="rating-row">
                {(1u8..=5).map(|n| {
                    let name = name.clone();
                    view! {
                        <label class="check rating-choice">
                            <input type="radio" name=name value=n.to_string()
                                prop:checked=move || value.get() == n
                                on:change=move |_| on_pick.run(n) />
                            <span>{n.to_string()}</span>
                        </label>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
}
