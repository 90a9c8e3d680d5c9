//! Programme health on the follow-up page: each active pair with the reasons it may need help
//! (categories only, never what anyone wrote), its next check-in, and the interventions.

use super::{change, create, DateAndWhat};
use crate::domain::followup::{health, DueState, FlagReason};
use crate::domain::{Date, Id};
use crate::state::{use_app, Route};
use crate::ui::forming::read_date;
use crate::ui::kit::{pair_label, today, CardList, ErrorLine, Field};
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
struct PairRow {
    id: Id,
    label: String,
    reasons: Vec<FlagReason>,
    due: Date,
    state: DueState,
    checkins: usize,
    /// Where the relationship is, and what is next.
    stage: String,
    next: Option<String>,
    /// Contacts due: sentence, overdue.
    contacts: Vec<(String, bool)>,
    safety: bool,
    /// Interventions: id, date, what was done, resolved on.
    interventions: Vec<(Id, Date, String, Option<Date>)>,
}

#[component]
pub fn HealthSection(programme: Id) -> impl IntoView {
    let app = use_app();
    let now = today();
    let rows = Memo::new(move |_| {
        app.with_programme(programme, |p| {
            health(&p.followup, &p.mentoring, now)
                .into_iter()
                .filter_map(|h| {
                    let pair = p.mentoring.pairs.iter().find(|x| x.id == h.pair)?;
                    Some(PairRow {
                        id: h.pair,
                        label: pair_label(p, pair),
                        reasons: h.reasons.clone(),
                        due: h.next.due,
                        state: h.next.state,
                        checkins: h.checkins,
                        stage: h.stage.words().to_string(),
                        next: h.next_step.map(|n| crate::ui::mentoring::next_words(p, n)),
                        contacts: h
                            .contacts
                            .iter()
                            .map(|c| {
                                let who = crate::ui::kit::name_of(p, c.person);
                                if c.overdue(now) {
                                    (
                                        format!("Contact with {who} overdue: due on {}.", c.due),
                                        true,
                                    )
                                } else {
                                    (format!("Next contact with {who} on {}.", c.due), false)
                                }
                            })
                            .collect(),
                        safety: h.safety_since.is_some(),
                        interventions: p
                            .followup
                            .interventions_of(h.pair)
                            .into_iter()
                            .map(|i| (i.id, i.date, i.what.clone(), i.resolved))
                            .collect(),
                    })
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let flagged = move || rows.with(|r| r.iter().filter(|r| !r.reasons.is_empty()).count());
    view! {
        <section class="panel" aria-labelledby="health-title">
            <h2 id="health-title">"Pairs and check-ins"</h2>
            <Cadence programme=programme />
            <super::rules::RelationshipRules programme=programme />
            <Show when=move || rows.with(|r| !r.is_empty())>
                <p class="callout" role="status">{move || match flagged() {
                    0 => "No pair needs attention right now.".to_string(),
                    1 => "1 pair needs attention.".to_string(),
                    n => format!("{n} pairs need attention."),
                }}</p>
            </Show>
            <CardList empty=Signal::derive(move || rows.with(Vec::is_empty)) class="pair-health"
                when_empty="No confirmed mentoring pairs yet. Pairs appear here once they are confirmed on the pairing screen.">
                {move || rows.get().into_iter().map(|r| view! { <PairCard programme=programme row=r /> }).collect_view()}
            </CardList>
        </section>
    }
}

#[component]
fn Cadence(programme: Id) -> impl IntoView {
    let app = use_app();
    let weeks = Memo::new(move |_| {
        app.with_programme(programme, |p| p.followup.cadence_weeks)
            .unwrap_or(4)
    });
    let error = RwSignal::new(None::<String>);
    let pick = move |ev: leptos::ev::Event| {
        let result = event_target_value(&ev)
            .parse::<u32>()
            .map_err(|_| "Please choose how often pairs check in.".to_string())
            .and_then(|w| change(programme, |f| f.set_cadence(w)));
        error.set(result.err());
    };
    view! {
        <Field id="checkin-cadence" label="Pairs check in" class="narrow">
            <select id="checkin-cadence" on:change=pick>
                {[1u32, 2, 3, 4, 6, 8, 12].into_iter().map(|w| view! {
                    <option value=w.to_string() selected=move || weeks.get() == w>
                        {if w == 1 { "Every week".to_string() } else { format!("Every {w} weeks") }}
                    </option>
                }).collect_view()}
            </select>
        </Field>
        <ErrorLine error=error />
    }
}

#[component]
fn PairCard(programme: Id, row: PairRow) -> impl IntoView {
    let PairRow {
        id,
        label,
        reasons,
        due,
        state,
        checkins,
        stage,
        next,
        contacts,
        safety,
        interventions,
    } = row;
    let attention = !reasons.is_empty();
    let due_words = match state {
        DueState::Missed => format!("Check-in missed: it was due on {due}."),
        DueState::DueNow => format!("Check-in due on {due}."),
        DueState::Later => format!("Next check-in on {due}."),
    };
    let heading_id = format!("pair-{id}-title");
    view! {
        <li class="card" class:attention=attention>
            <article aria-labelledby=heading_id.clone()>
                <h3 id=heading_id.clone()><a href=Route::Pair(programme, id).href()>{label.clone()}</a></h3>
                <p class="meta stage-line">{format!("Status: {stage}.")}{next.map(|n| format!(" Next: {n}"))}</p>
                {if attention {
                    view! {
                        <p class="tag attention-tag">"Needs attention"</p>
                        <ul class="reasons" aria-label=format!("Why {label} may need help")>
                            {reasons.iter().map(|r| view! { <li>{r.words()}</li> }).collect_view()}
                        </ul>
                    }.into_any()
                } else {
                    view! { <p class="tag ok-tag">"On track"</p> }.into_any()
                }}
                {(!contacts.is_empty()).then(|| view! {
                    <ul class="due-list">
                        {contacts.into_iter().map(|(text, late)| view! { <li class:late=late>{text}</li> }).collect_view()}
                    </ul>
                })}
                {safety.then(|| view! { <crate::ui::followup::safety::SafetyNotice programme=programme pair=id /> })}
                <p class="meta">
                    {due_words}" "
                    {match checkins { 0 => "No check-ins yet.".to_string(), 1 => "1 check-in so far.".to_string(), n => format!("{n} check-ins so far.") }}
                </p>
                <p><a class="button" href=Route::CheckIn(programme, id).href()>"Record a check-in"</a></p>
                <crate::ui::kiosk::start::KioskStart
                    task=crate::domain::kiosk::KioskTask::CheckIn { programme, pair: id }
                    what="this pair's check-in" />
                <Interventions programme=programme pair=id list=interventions />
            </article>
        </li>
    }
}

#[component]
fn Interventions(
    programme: Id,
    pair: Id,
    list: Vec<(Id, Date, String, Option<Date>)>,
) -> impl IntoView {
    let date = RwSignal::new(today().to_string());
    let what = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = read_date(&date.get_untracked(), "the date").and_then(|d| {
            let text = what.get_untracked();
            create(programme, |f, id| f.record_intervention(id, pair, d, &text))
        });
        match result {
            Ok(()) => {
                what.set(String::new());
                error.set(None);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let resolve = move |intervention: Id| {
        let result = change(programme, |f| f.resolve_intervention(intervention, today()));
        error.set(result.err());
    };
    view! {
        {(!list.is_empty()).then(|| view! {
            <h4>"Interventions"</h4>
            <ul class="interventions">
                {list.into_iter().map(|(i, on, text, resolved)| view! {
                    <li>
                        <span class="date">{on.to_string()}</span>": "{text}" "
                        {match resolved {
                            Some(r) => view! { <span class="tag ok-tag">{format!("Resolved on {r}")}</span> }.into_any(),
                            None => view! {
                                <button type="button" class="button" on:click=move |_| resolve(i)>
                                    {format!("Mark resolved: intervention of {on}")}
                                </button>
                            }.into_any(),
                        }}
                    </li>
                }).collect_view()}
            </ul>
        })}
        <details class="subform">
            <summary>"Record an intervention"</summary>
            <form on:submit=record>
                <DateAndWhat kind="intervention" pair=pair what_label="What was done" date=date what=what />
                <button type="submit" class="button">"Save intervention"</button>
            </form>
        </details>
        <ErrorLine error=error />
    }
}
