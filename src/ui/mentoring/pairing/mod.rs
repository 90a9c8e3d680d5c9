//! The pairing screen: how to pair (programme kind, weights, rules), the proposal to review
//! (lock, break up, swap, propose again), confirming it, and the confirmed pairs.

use super::{edit_mentoring, with_mentoring};
use crate::domain::pairing::{Objective, OddMode, ProgrammeKind, Weights, MAX_WEIGHT};
use crate::domain::programme::display_or;
use crate::domain::Id;
use crate::state::Route;
use crate::ui::kit::{choose_options, names, unknown_choice, ErrorLine, Field, PickField};
use leptos::prelude::*;
use review::{Confirmed, Review};

mod review;

#[component]
pub fn PairingPage(programme: Id) -> impl IntoView {
    view! {
        <crate::ui::forming::BackToProgramme programme=programme />
        <h1 tabindex="-1">"Pairing"</h1>
        <p class="lead">
            "Propose pairs whose skills complement each other. Peercircle looks at every possible \
             way of pairing people and proposes the best fit for what you say matters below. \
             Review it, change what you need, and confirm; nothing is final until you do."
        </p>
        <p><a class="button" href=Route::Skills(programme).href()>"Skills inventory"</a></p>
        <Settings programme=programme />
        <NeverRules programme=programme />
        <Review programme=programme />
        <Confirmed programme=programme />
    }
}

fn people(programme: Id) -> Memo<Vec<(Id, String)>> {
    Memo::new(move |_| {
        with_mentoring(programme, |p, _| {
            p.participants
                .iter()
                .map(|x| {
                    (
                        x.id,
                        display_or(&x.display_name, "Unnamed person").to_string(),
                    )
                })
                .collect()
        })
    })
}

#[component]
fn Settings(programme: Id) -> impl IntoView {
    let s = Memo::new(move |_| {
        with_mentoring(programme, |_, m| {
            (m.kind, m.weights, m.must_differ_team, m.objective)
        })
    });
    let error = RwSignal::new(None::<String>);
    let set = move |change: Box<dyn FnOnce(&mut crate::domain::mentoring::Mentoring)>| {
        error.set(
            edit_mentoring(programme, |p| {
                change(&mut p.mentoring);
                Ok(())
            })
            .err(),
        );
    };
    let number = |ev: &leptos::ev::Event, max: u32, what: &str| -> Result<u32, String> {
        event_target_value(ev)
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|n| *n <= max)
            .ok_or_else(|| format!("Please give {what} as a whole number from 0 to {max}."))
    };
    let weight =
        move |ev: leptos::ev::Event, pick: fn(&mut Weights) -> &mut u32, what: &'static str| {
            match number(&ev, MAX_WEIGHT, what) {
                Ok(n) => set(Box::new(move |m| *pick(&mut m.weights) = n)),
                Err(e) => error.set(Some(e)),
            }
        };
    let peer = move || matches!(s.get().0, ProgrammeKind::Peer { .. });
    let mentor_protege = move || matches!(s.get().0, ProgrammeKind::MentorProtege { .. });
    let unknown_kind = move || s.get().0 == ProgrammeKind::Unknown;
    let capacity = move || match s.get().0 {
        ProgrammeKind::MentorProtege { capacity } => capacity,
        ProgrammeKind::Peer { .. } | ProgrammeKind::Unknown => 1,
    };
    let odd = move || match s.get().0 {
        ProgrammeKind::Peer { odd } => odd,
        ProgrammeKind::MentorProtege { .. } | ProgrammeKind::Unknown => OddMode::LeaveOneOut,
    };
    view! {
        <section class="panel" aria-labelledby="how-title">
            <h2 id="how-title">"How to pair"</h2>
            <fieldset class="choices">
                <legend>"Kind of programme"</legend>
                <label class="check">
                    <input type="radio" name="pairing-kind" prop:checked=peer
                        on:change=move |_| set(Box::new(|m| m.kind = ProgrammeKind::Peer { odd: OddMode::LeaveOneOut })) />
                    "Peer: anyone may pair with anyone, both help each other"
                </label>
                <label class="check">
                    <input type="radio" name="pairing-kind" prop:checked=mentor_protege
                        on:change=move |_| set(Box::new(|m| m.kind = ProgrammeKind::MentorProtege { capacity: 1 })) />
                    "Mentor and protege: each mentor helps one or more proteges"
                </label>
                {unknown_choice("pairing-kind", unknown_kind, "A kind this version does not know (choose one above to replace it)")}
            </fieldset>
            <Show when=peer>
                <Field id="odd-mode" label="When the numbers are odd">
                    <select id="odd-mode" on:change=move |ev| {
                        let odd = if event_target_value(&ev) == "trio" { OddMode::Trio } else { OddMode::LeaveOneOut };
                        set(Box::new(move |m| m.kind = ProgrammeKind::Peer { odd }));
                    }>
                        <option value="one" selected=move || odd() == OddMode::LeaveOneOut>"Leave one person out"</option>
                        <option value="trio" selected=move || odd() == OddMode::Trio>"Make one trio"</option>
                        {crate::ui::kit::unknown_option(move || matches!(s.get().0, ProgrammeKind::Peer { odd: OddMode::Unknown }), "A choice this version does not know")}
                    </select>
                </Field>
            </Show>
            <Show when=mentor_protege>
                <Field id="capacity" label="Proteges per mentor, at most">
                    <input id="capacity" type="number" min="1" max="50" prop:value=move || capacity().to_string()
                        on:change=move |ev| match number(&ev, 50, "the number of proteges") {
                            Ok(0) | Err(_) => error.set(Some("Please give the number of proteges as a whole number from 1 to 50.".into())),
                            Ok(capacity) => set(Box::new(move |m| m.kind = ProgrammeKind::MentorProtege { capacity })),
                        } />
                </Field>
            </Show>
            <fieldset class="choices">
                <legend>"What counts, and how much"</legend>
                <p class="hint">"A higher number makes that matter more when pairs are chosen; 0 means it does not count at all. 1 for everything treats them the same."</p>
                <div class="row-fields">
                    <Field id="w-skills" label="Skills that match">
                        <input id="w-skills" type="number" min="0" max=MAX_WEIGHT.to_string() prop:value=move || s.get().1.complementarity.to_string()
                            on:change=move |ev| weight(ev, |w| &mut w.complementarity, "how much matching skills count") />
                    </Field>
                    <Field id="w-days" label="Free on the same days">
                        <input id="w-days" type="number" min="0" max=MAX_WEIGHT.to_string() prop:value=move || s.get().1.shared_availability.to_string()
                            on:change=move |ev| weight(ev, |w| &mut w.shared_availability, "how much shared free days count") />
                    </Field>
                    <Field id="w-teams" label="From different teams">
                        <input id="w-teams" type="number" min="0" max=MAX_WEIGHT.to_string() prop:value=move || s.get().1.different_team.to_string()
                            on:change=move |ev| weight(ev, |w| &mut w.different_team, "how much different teams count") />
                    </Field>
                </div>
            </fieldset>
            <label class="check">
                <input type="checkbox" prop:checked=move || s.get().2
                    on:change=move |ev| { let on = event_target_checked(&ev); set(Box::new(move |m| m.must_differ_team = on)); } />
                "Pairs must be from different teams"
            </label>
            <Field id="objective" label="What matters most">
                <select id="objective" on:change=move |ev| {
                    let o = if event_target_value(&ev) == "score" { Objective::HighestScore } else { Objective::MostPairs };
                    set(Box::new(move |m| m.objective = o));
                }>
                    <option value="pairs" selected=move || s.get().3 == Objective::MostPairs>"Pair as many people as possible"</option>
                    <option value="score" selected=move || s.get().3 == Objective::HighestScore>"The best fits, even if fewer people are paired"</option>
                    {crate::ui::kit::unknown_option(move || s.get().3 == Objective::Unknown, "A choice this version does not know")}
                </select>
            </Field>
            <ErrorLine error=error />
        </section>
    }
}

/// A form that picks two of the same people (a rule's two people, a swap's) and sends them.
#[component]
fn TwoPeopleForm(
    class: &'static str,
    ids: [&'static str; 2],
    labels: [&'static str; 2],
    chosen: [RwSignal<Option<Id>>; 2],
    #[prop(into)] people: Signal<Vec<(Id, String)>>,
    /// What the send button says ("Swap").
    button: &'static str,
    on_send: Callback<()>,
) -> impl IntoView {
    let options = move |c| choose_options(c, "Choose a person", move || people.get());
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_send.run(());
    };
    view! {
        <form class=class on:submit=send>
            <PickField id=ids[0] label=labels[0] chosen=chosen[0]>{options(chosen[0])}</PickField>
            <PickField id=ids[1] label=labels[1] chosen=chosen[1]>{options(chosen[1])}</PickField>
            <button type="submit" class="button">{button}</button>
        </form>
    }
}

#[component]
fn NeverRules(programme: Id) -> impl IntoView {
    let everyone = people(programme);
    let rules = Memo::new(move |_| {
        with_mentoring(programme, |p, m| {
            m.never
                .iter()
                .map(|&(a, b)| ((a, b), names(p, &[a, b])))
                .collect::<Vec<_>>()
        })
    });
    let first = RwSignal::new(None::<Id>);
    let second = RwSignal::new(None::<Id>);
    let error = RwSignal::new(None::<String>);
    let add = Callback::new(move |()| {
        let r = match (first.get_untracked(), second.get_untracked()) {
            (Some(a), Some(b)) if a != b => edit_mentoring(programme, |p| {
                let m = &mut p.mentoring;
                if !m
                    .never
                    .iter()
                    .any(|&(x, y)| (x, y) == (a, b) || (x, y) == (b, a))
                {
                    m.never.push((a, b));
                }
                Ok(())
            }),
            (Some(_), Some(_)) => Err("Please choose two different people.".into()),
            _ => Err("Please choose both people.".into()),
        };
        error.set(r.err());
    });
    view! {
        <section class="panel" aria-labelledby="never-title">
            <h2 id="never-title">"Never pair"</h2>
            <p class="hint">"People who should not be paired, for example a manager and their own staff."</p>
            <ul class="log" role="list">
                <For each=move || rules.get() key=|r| r.clone() let(((a, b), label))>
                    <li class="actions">
                        <span dir="auto">{label.clone()}</span>
                        <button type="button" class="button" on:click=move |_| {
                            error.set(edit_mentoring(programme, |p| {
                                p.mentoring.never.retain(|&r| r != (a, b));
                                Ok(())
                            }).err());
                        }>{format!("Remove rule: {label}")}</button>
                    </li>
                </For>
            </ul>
            <TwoPeopleForm class="inline-form" ids=["never-a", "never-b"] labels=["Person", "Never with"]
                chosen=[first, second] people=everyone button="Add rule" on_send=add />
            <ErrorLine error=error />
        </section>
    }
}
