//! A confirmed pair's peer mentoring contract: the form the pair fills in together, and the
//! same contract laid out for printing and signing (see style/print.css).

use super::{edit_mentoring, with_mentoring};
use crate::domain::mentoring::ContractField;
use crate::domain::Id;
use crate::state::Route;
use crate::ui::kit::{
    names, or_not_written, ErrorLine, Field, PrintSheet, SignatureLines, TextField,
};
use leptos::prelude::*;

#[derive(Clone, PartialEq, Default)]
struct Sheet {
    programme: String,
    names: String,
    members: Vec<String>,
    confirmed: String,
    explanation: String,
    goals: Vec<String>,
    meetings: String,
    commitments: String,
    equity: String,
    review: String,
}

fn sheet(programme: Id, pair: Id) -> Memo<Sheet> {
    Memo::new(move |_| {
        with_mentoring(programme, |p, m| {
            let Some(x) = m.pair(pair) else {
                return Sheet::default();
            };
            let c = &x.contract;
            Sheet {
                programme: p.display_name().to_string(),
                names: names(p, &x.members),
                members: x
                    .members
                    .iter()
                    .map(|id| crate::ui::kit::name_of(p, *id))
                    .collect(),
                confirmed: x.confirmed.map(|d| d.to_string()).unwrap_or_default(),
                explanation: super::sentence(&x.explanation),
                goals: (0..x.members.len())
                    .map(|i| c.text(ContractField::Goals(i)).to_string())
                    .collect(),
                meetings: c.meetings.clone(),
                commitments: c.commitments.clone(),
                equity: c.equity_check.clone(),
                review: c.review.map(|d| d.to_string()).unwrap_or_default(),
            }
        })
    })
}

fn field(
    programme: Id,
    pair: Id,
    f: ContractField,
) -> (Signal<String>, Callback<String, Result<(), String>>) {
    let value = Memo::new(move |_| {
        with_mentoring(programme, |_, m| {
            m.pair(pair)
                .map(|x| x.contract.text(f).to_string())
                .unwrap_or_default()
        })
    });
    let edit = Callback::new(move |text: String| {
        edit_mentoring(programme, |p| p.mentoring.edit_contract(pair, f, &text))
    });
    (value.into(), edit)
}

#[component]
pub fn ContractPage(programme: Id, pair: Id) -> impl IntoView {
    let s = sheet(programme, pair);
    let review_error = RwSignal::new(None::<String>);
    let set_review = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let date = if text.trim().is_empty() {
            Ok(None)
        } else {
            crate::ui::forming::read_date(&text, "a review date").map(Some)
        };
        review_error.set(
            date.and_then(|d| edit_mentoring(programme, |p| p.mentoring.set_review(pair, d)))
                .err(),
        );
    };
    let goal_fields = move || {
        s.with_untracked(|s| s.members.clone())
            .into_iter()
            .enumerate()
            .map(|(i, who)| {
                let (value, on_edit) = field(programme, pair, ContractField::Goals(i));
                view! {
                    <TextField id=format!("goals-{i}") label=format!("Goals for {who}") multiline=true
                        hint="What they want to achieve through the partnership."
                        value=value on_edit=on_edit />
                }
            })
            .collect_view()
    };
    let (meetings, edit_meetings) = field(programme, pair, ContractField::Meetings);
    let (commitments, edit_commitments) = field(programme, pair, ContractField::Commitments);
    let (equity, edit_equity) = field(programme, pair, ContractField::EquityCheck);
    view! {
        <nav aria-label="Breadcrumb" class="breadcrumb">
            <a href=Route::Pairing(programme).href()>"Back to pairing"</a>
        </nav>
        <h1 tabindex="-1" dir="auto">{move || s.get().names}</h1>
        <p class="meta">{move || format!("Confirmed {}", s.get().confirmed)}</p>
        <p class="lead" dir="auto">{move || s.get().explanation}</p>
        <super::life::LifePanel programme=programme pair=pair />
        <crate::ui::followup::contacts::ContactLog programme=programme pair=pair />
        <section class="panel" aria-labelledby="contract-title">
            <h2 id="contract-title">"Peer mentoring contract"</h2>
            <p class="hint">"Write it together. Changes are saved as you type."</p>
            {goal_fields}
            <TextField id="contract-meetings".into() label="How often and how you will meet" multiline=true
                hint="For example: every other Tuesday for an hour, in person or by phone."
                value=meetings on_edit=edit_meetings />
            <TextField id="contract-commitments".into() label="What you each commit to" multiline=true
                value=commitments on_edit=edit_commitments />
            <TextField id="contract-equity".into() label="How you will check it stays equal and fair" multiline=true
                hint="How you will notice if one of you gives or gets much more, and what you will do."
                value=equity on_edit=edit_equity />
            <Field id="contract-review" label="Review date">
                <input id="contract-review" type="date" prop:value=move || s.get().review on:change=set_review />
            </Field>
            <ErrorLine error=review_error />
            <p><a class="button" href=Route::PairPrint(programme, pair).href()>"Print the contract"</a></p>
        </section>
        <super::ending::EndingPanel programme=programme pair=pair />
    }
}

#[component]
pub fn PrintPage(programme: Id, pair: Id) -> impl IntoView {
    let s = sheet(programme, pair);
    view! {
        <PrintSheet back=Route::Pair(programme, pair).href() back_label="Back to the contract">
            <h1 tabindex="-1">"Peer mentoring contract"</h1>
            <p class="meta" dir="auto">{move || format!("{} · {} · confirmed {}", s.get().programme, s.get().names, s.get().confirmed)}</p>
            <section class="sheet-part">
                <h2>"Why we were paired"</h2>
                <p class="body" dir="auto">{move || or_not_written(s.get().explanation)}</p>
            </section>
            {move || {
                let s = s.get();
                s.members.into_iter().zip(s.goals).map(|(who, goals)| view! {
                    <section class="sheet-part">
                        <h2 dir="auto">{format!("Goals for {who}")}</h2>
                        <p class="body" dir="auto">{or_not_written(goals)}</p>
                    </section>
                }).collect_view()
            }}
            <section class="sheet-part">
                <h2>"How often and how we will meet"</h2>
                <p class="body" dir="auto">{move || or_not_written(s.get().meetings)}</p>
            </section>
            <section class="sheet-part">
                <h2>"What we each commit to"</h2>
                <p class="body" dir="auto">{move || or_not_written(s.get().commitments)}</p>
            </section>
            <section class="sheet-part">
                <h2>"How we will check it stays equal and fair"</h2>
                <p class="body" dir="auto">{move || or_not_written(s.get().equity)}</p>
            </section>
            <section class="sheet-part">
                <h2>"Review date"</h2>
                <p>{move || { let r = s.get().review; if r.is_empty() { "Not set yet.".to_string() } else { r } }}</p>
            </section>
            <SignatureLines agreed="We have agreed this contract and will each help to keep to it."
                who="Partner" names=Signal::derive(move || s.get().members) />
        </PrintSheet>
    }
}
