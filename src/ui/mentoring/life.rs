//! Where a pair is in its life: each step with its date, the buttons for the next one, undo
//! for the last one, and "Undo this confirmation" for a match made by mistake. Every rule is in
//! `domain::mentoring::relationship`.

use super::{edit_mentoring, with_mentoring};
use crate::domain::mentoring::{NextStep, Stage};
use crate::domain::{Date, DomainError, Id};
use crate::state::{use_app, Route};
use crate::ui::forming::read_date;
use crate::ui::kit::{name_of, today, ConfirmButton, ErrorLine, InputField};
use leptos::prelude::*;

#[derive(Clone, PartialEq, Default)]
struct View {
    stage: Option<Stage>,
    confirmed: Option<Date>,
    /// Each member: id, name, agreed on.
    members: Vec<(Id, String, Option<Date>)>,
    declined: Option<(String, Date)>,
    first_meeting: Option<Date>,
    signed: Option<Date>,
    closing: Option<Date>,
    ended: Option<Date>,
    next: Option<String>,
    can_undo: bool,
    can_unconfirm: bool,
    agreement_required: bool,
}

/// The sentence for what to do next.
pub fn next_words(p: &crate::domain::programme::Programme, next: NextStep) -> String {
    match next {
        NextStep::AskToAgree(who) => format!(
            "Tell {} about the match and record their answer.",
            name_of(p, who)
        ),
        NextStep::FirstMeeting => "Record the first meeting when it has happened.".into(),
        NextStep::SignAgreement => {
            "Write and sign the agreement together (the contract below), then record it.".into()
        }
        NextStep::CloseWell => {
            "Hold the closing conversation, then record the ending below.".into()
        }
    }
}

fn life_view(programme: Id, pair: Id) -> Memo<View> {
    let app = use_app();
    Memo::new(move |_| {
        let records = app
            .with_programme(programme, |p| p.followup.has_records(pair))
            .unwrap_or(false);
        with_mentoring(programme, |p, m| {
            let Some(x) = m.pair(pair) else {
                return View::default();
            };
            let rules = m.life_rules;
            let stage = x.stage(rules);
            let l = &x.life;
            View {
                stage: Some(stage),
                confirmed: x.confirmed,
                members: x
                    .members
                    .iter()
                    .map(|id| (*id, name_of(p, *id), x.agreed_on(*id)))
                    .collect(),
                declined: l.declined.map(|(who, on)| (name_of(p, who), on)),
                first_meeting: l.first_meeting,
                signed: l.signed,
                closing: l.closing,
                ended: x.ended,
                next: x.next_step(rules).map(|n| next_words(p, n)),
                can_undo: !l.agreed.is_empty()
                    || l.declined.is_some()
                    || l.first_meeting.is_some()
                    || l.signed.is_some()
                    || l.closing.is_some()
                    || l.closure.is_some(),
                can_unconfirm: matches!(stage, Stage::Proposed | Stage::Agreed) && !records,
                agreement_required: rules.agreement_required,
            }
        })
    })
}

#[component]
pub fn LifePanel(programme: Id, pair: Id) -> impl IntoView {
    let v = life_view(programme, pair);
    let date = RwSignal::new(today().to_string());
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let act = move |what: &'static str,
                    step: fn(
        &mut crate::domain::mentoring::MentoringPair,
        crate::domain::mentoring::LifeRules,
        Date,
    ) -> Result<(), DomainError>| {
        let r = read_date(&date.get_untracked(), "the date").and_then(|on| {
            edit_mentoring(programme, |p| {
                let rules = p.mentoring.life_rules;
                step(p.mentoring.pair_mut(pair)?, rules, on)
            })
        });
        match r {
            Ok(()) => {
                error.set(None);
                status.set(Some(format!("Recorded: {what}.")));
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let answer = move |who: Id, name: String, yes: bool| {
        let r = read_date(&date.get_untracked(), "the date").and_then(|on| {
            edit_mentoring(programme, |p| {
                let rules = p.mentoring.life_rules;
                let x = p.mentoring.pair_mut(pair)?;
                if yes {
                    x.agree(rules, who, on)
                } else {
                    x.decline(rules, who, on)
                }
            })
        });
        match r {
            Ok(()) => {
                error.set(None);
                status.set(Some(if yes {
                    format!("Recorded: {name} agreed.")
                } else {
                    format!(
                        "Recorded: {name} said no. Both are back in the pool for the next pairing."
                    )
                }));
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let undo = move |_| match edit_mentoring(programme, |p| p.mentoring.undo_step(pair)) {
        Ok(what) => {
            error.set(None);
            status.set(Some(format!("Undone: {what}.")));
        }
        Err(e) => error.set(Some(e)),
    };
    let unconfirm = Callback::new(move |_| {
        let app = use_app();
        let r = app.edit_programme(programme, |p| {
            let records = p.followup.has_records(pair);
            p.mentoring.undo_confirmation(pair, records)
        });
        match r {
            Ok(_) => {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().set_hash(&Route::Pairing(programme).href());
                }
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    });
    let stage_is = move |s: Stage| v.with(|v| v.stage == Some(s));
    view! {
        <section class="panel life" aria-labelledby="life-title">
            <h2 id="life-title">"Where this pair is"</h2>
            <p class="stage-line">
                <span class="tag stage-tag" class:ok-tag=move || stage_is(Stage::Active)>
                    {move || v.with(|v| v.stage.map(|s| s.words()).unwrap_or_default())}
                </span>
            </p>
            {move || v.with(|v| v.next.clone()).map(|n| view! { <p class="next-step"><strong>"Next: "</strong>{n}</p> })}
            <ol class="life-steps">
                <li class="done">{move || v.with(|v| v.confirmed.map(|d| format!("Confirmed on {d}")).unwrap_or_else(|| "Confirmed".into()))}</li>
                {move || v.with(|v| v.members.iter().map(|(_, name, on)| {
                    let text = match on {
                        Some(d) => format!("{name} agreed on {d}"),
                        None => format!("{name} has not agreed yet"),
                    };
                    view! { <li class:done=on.is_some()>{text}</li> }
                }).collect_view())}
                {move || v.with(|v| v.declined.clone()).map(|(name, on)| view! {
                    <li class="done">{format!("{name} said no on {on}. Both went back to the pool.")}</li>
                })}
                <li class:done=move || v.with(|v| v.first_meeting.is_some())>
                    {move || v.with(|v| match v.first_meeting { Some(d) => format!("First meeting held on {d}"), None => "First meeting".to_string() })}
                </li>
                <li class:done=move || v.with(|v| v.signed.is_some())>
                    {move || v.with(|v| match (v.signed, v.agreement_required) {
                        (Some(d), _) => format!("Agreement signed on {d}"),
                        (None, true) => "Agreement signed".to_string(),
                        (None, false) => "Agreement signed (not required in this programme)".to_string(),
                    })}
                </li>
                <li class:done=move || v.with(|v| v.closing.is_some() || v.ended.is_some())>
                    {move || v.with(|v| match (v.closing, v.ended) {
                        (_, Some(d)) => format!("Ended on {d}"),
                        (Some(d), None) => format!("Ending planned since {d}"),
                        (None, None) => "Ending".to_string(),
                    })}
                </li>
            </ol>
            <Show when=move || v.with(|v| matches!(v.stage, Some(Stage::Proposed | Stage::Agreed | Stage::FirstMeeting | Stage::Active)))>
                <InputField id="life-date" label="Date of the step" kind="date" class="narrow"
                    value=date on_input=Callback::new(move |t| date.set(t)) />
                <div class="actions">
                    {move || v.with(|v| v.members.clone()).into_iter().map(|(who, name, agreed)| {
                        let (yes, no) = (name.clone(), name.clone());
                        let proposed = move || stage_is(Stage::Proposed);
                        let open = move || matches!(v.with(|v| v.stage), Some(Stage::Proposed | Stage::Agreed));
                        view! {
                            {step_button(move || proposed() && agreed.is_none(), "button primary", format!("{name} agreed"),
                                move || answer(who, yes.clone(), true))}
                            {step_button(open, "button danger-outline", format!("{name} said no"),
                                move || answer(who, no.clone(), false))}
                        }
                    }).collect_view()}
                    {step_button(move || stage_is(Stage::Agreed), "button primary", "First meeting held",
                        move || act("the first meeting", |x, r, on| x.hold_first_meeting(r, on)))}
                    {step_button(move || stage_is(Stage::FirstMeeting) || (stage_is(Stage::Active) && v.with(|v| v.signed.is_none() && v.first_meeting.is_some())),
                        "button primary", "Agreement signed",
                        move || act("the signed agreement", |x, r, on| x.sign(r, on)))}
                    {step_button(move || stage_is(Stage::Active), "button", "Start closing",
                        move || act("the ending is planned", |x, r, on| x.start_closing(r, on)))}
                </div>
            </Show>
            <p class="status" role="status">{move || status.get()}</p>
            <ErrorLine error=error />
            <div class="actions">
                <Show when=move || v.with(|v| v.can_undo)>
                    <button type="button" class="button" on:click=undo>"Undo the last step"</button>
                </Show>
                <Show when=move || v.with(|v| v.can_unconfirm)>
                    <ConfirmButton label="Undo this confirmation".into()
                        question="Take back this match as if it was never confirmed? Both people go back to the pool.".into()
                        confirm="Yes, undo the confirmation" on_confirm=unconfirm class="danger-outline" />
                </Show>
            </div>
        </section>
    }
}

/// A button for one step of the pair's life, shown while the step can be taken.
fn step_button(
    shown: impl Fn() -> bool + Send + Sync + 'static,
    class: &'static str,
    label: impl Into<String>,
    press: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let label = label.into();
    view! {
        <Show when=shown>
            <button type="button" class=class on:click={
                let press = press.clone();
                move |_| press()
            }>{label.clone()}</button>
        </Show>
    }
}

/// One line for a pair's card: its status, what is due next, any overdue contact or safety
/// flag. Never what anyone wrote.
pub fn card_status(
    p: &crate::domain::programme::Programme,
    x: &crate::domain::mentoring::MentoringPair,
) -> String {
    let rules = p.mentoring.life_rules;
    let mut parts = vec![x.stage(rules).words().to_string()];
    if p.followup.safety_open(x.id).is_some() {
        parts.push("needs attention: safety".into());
    }
    let now = today();
    let f = &p.followup;
    let due = crate::domain::followup::contacts_due(x, rules, f.contact_cadence, &f.contacts);
    if let Some(late) = due.iter().filter(|d| d.overdue(now)).min_by_key(|d| d.due) {
        parts.push(format!(
            "contact with {} overdue since {}",
            name_of(p, late.person),
            late.due
        ));
    } else if let Some(next) = due.iter().min_by_key(|d| d.due) {
        parts.push(format!("next contact on {}", next.due));
    }
    if let Some(n) = x.next_step(rules) {
        parts.push(format!("next: {}", next_words(p, n)));
    }
    let mut line = parts.join("; ");
    if !line.ends_with('.') {
        line.push('.');
    }
    line
}

/// "2 waiting to agree · 1 active · 1 needs attention: safety", for the programme view.
pub fn stage_counts(p: &crate::domain::programme::Programme) -> String {
    let rules = p.mentoring.life_rules;
    let mut counts: std::collections::BTreeMap<Stage, usize> = Default::default();
    for x in &p.mentoring.pairs {
        *counts.entry(x.stage(rules)).or_default() += 1;
    }
    let mut parts: Vec<String> = counts
        .into_iter()
        .map(|(s, n)| format!("{}: {n}", s.words()))
        .collect();
    let safety = p
        .mentoring
        .active_pairs()
        .filter(|x| p.followup.safety_open(x.id).is_some())
        .count();
    if safety > 0 {
        parts.push(format!("Needs attention: safety: {safety}"));
    }
    let now = today();
    let f = &p.followup;
    let late = p
        .mentoring
        .active_pairs()
        .filter(|x| {
            crate::domain::followup::contacts_due(x, rules, f.contact_cadence, &f.contacts)
                .iter()
                .any(|d| d.overdue(now))
        })
        .count();
    if late > 0 {
        parts.push(format!("Contact overdue: {late}"));
    }
    parts.join(" · ")
}
