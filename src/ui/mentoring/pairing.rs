//! The pairing screen: how to pair (programme kind, weights, rules), the proposal to review
//! (lock, break up, swap, propose again), confirming it, and the confirmed pairs.

use super::{edit_mentoring, names, with_mentoring};
use crate::domain::pairing::{Objective, OddMode, ProgrammeKind, Weights, MAX_WEIGHT};
use crate::domain::programme::display_or;
use crate::domain::workspace::RecordKey;
use crate::domain::{DomainError, Id};
use crate::state::{use_app, Route};
use crate::ui::widgets::{ConfirmButton, ErrorLine};
use leptos::prelude::*;

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
                <Show when=unknown_kind>
                    <label class="check">
                        <input type="radio" name="pairing-kind" checked=true disabled=true />
                        "A kind this version does not know (choose one above to replace it)"
                    </label>
                </Show>
            </fieldset>
            <Show when=peer>
                <div class="field">
                    <label for="odd-mode">"When the numbers are odd"</label>
                    <select id="odd-mode" on:change=move |ev| {
                        let odd = if event_target_value(&ev) == "trio" { OddMode::Trio } else { OddMode::LeaveOneOut };
                        set(Box::new(move |m| m.kind = ProgrammeKind::Peer { odd }));
                    }>
                        <option value="one" selected=move || odd() == OddMode::LeaveOneOut>"Leave one person out"</option>
                        <option value="trio" selected=move || odd() == OddMode::Trio>"Make one trio"</option>
                        {crate::ui::widgets::unknown_option(move || matches!(s.get().0, ProgrammeKind::Peer { odd: OddMode::Unknown }), "A choice this version does not know")}
                    </select>
                </div>
            </Show>
            <Show when=mentor_protege>
                <div class="field">
                    <label for="capacity">"Proteges per mentor, at most"</label>
                    <input id="capacity" type="number" min="1" max="50" prop:value=move || capacity().to_string()
                        on:change=move |ev| match number(&ev, 50, "the number of proteges") {
                            Ok(0) | Err(_) => error.set(Some("Please give the number of proteges as a whole number from 1 to 50.".into())),
                            Ok(capacity) => set(Box::new(move |m| m.kind = ProgrammeKind::MentorProtege { capacity })),
                        } />
                </div>
            </Show>
            <fieldset class="choices">
                <legend>"What counts, and how much"</legend>
                <p class="hint">"A higher number makes that matter more when pairs are chosen; 0 means it does not count at all. 1 for everything treats them the same."</p>
                <div class="row-fields">
                    <div class="field">
                        <label for="w-skills">"Skills that match"</label>
                        <input id="w-skills" type="number" min="0" max=MAX_WEIGHT.to_string() prop:value=move || s.get().1.complementarity.to_string()
                            on:change=move |ev| weight(ev, |w| &mut w.complementarity, "how much matching skills count") />
                    </div>
                    <div class="field">
                        <label for="w-days">"Free on the same days"</label>
                        <input id="w-days" type="number" min="0" max=MAX_WEIGHT.to_string() prop:value=move || s.get().1.shared_availability.to_string()
                            on:change=move |ev| weight(ev, |w| &mut w.shared_availability, "how much shared free days count") />
                    </div>
                    <div class="field">
                        <label for="w-teams">"From different teams"</label>
                        <input id="w-teams" type="number" min="0" max=MAX_WEIGHT.to_string() prop:value=move || s.get().1.different_team.to_string()
                            on:change=move |ev| weight(ev, |w| &mut w.different_team, "how much different teams count") />
                    </div>
                </div>
            </fieldset>
            <label class="check">
                <input type="checkbox" prop:checked=move || s.get().2
                    on:change=move |ev| { let on = event_target_checked(&ev); set(Box::new(move |m| m.must_differ_team = on)); } />
                "Pairs must be from different teams"
            </label>
            <div class="field">
                <label for="objective">"What matters most"</label>
                <select id="objective" on:change=move |ev| {
                    let o = if event_target_value(&ev) == "score" { Objective::HighestScore } else { Objective::MostPairs };
                    set(Box::new(move |m| m.objective = o));
                }>
                    <option value="pairs" selected=move || s.get().3 == Objective::MostPairs>"Pair as many people as possible"</option>
                    <option value="score" selected=move || s.get().3 == Objective::HighestScore>"The best fits, even if fewer people are paired"</option>
                    {crate::ui::widgets::unknown_option(move || s.get().3 == Objective::Unknown, "A choice this version does not know")}
                </select>
            </div>
            <ErrorLine error=error />
        </section>
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
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
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
    };
    let options = move |chosen: RwSignal<Option<Id>>| {
        view! {
            <option value="" selected=move || chosen.get().is_none()>"Choose a person"</option>
            {move || everyone.get().into_iter().map(|(id, name)| view! {
                <option value=id.to_string() selected=move || chosen.get() == Some(id)>{name}</option>
            }).collect_view()}
        }
    };
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
            <form class="inline-form" on:submit=add>
                <div class="field">
                    <label for="never-a">"Person"</label>
                    <select id="never-a" on:change=move |ev| first.set(event_target_value(&ev).parse().ok())>{options(first)}</select>
                </div>
                <div class="field">
                    <label for="never-b">"Never with"</label>
                    <select id="never-b" on:change=move |ev| second.set(event_target_value(&ev).parse().ok())>{options(second)}</select>
                </div>
                <button type="submit" class="button">"Add rule"</button>
            </form>
            <ErrorLine error=error />
        </section>
    }
}

#[derive(Clone, PartialEq)]
struct DraftRow {
    members: Vec<Id>,
    names: String,
    explanation: String,
    locked: bool,
}

#[derive(Clone, PartialEq, Default)]
struct DraftView {
    rows: Vec<DraftRow>,
    unpaired: Vec<String>,
    /// Everyone in the draft, for the swap lists.
    everyone: Vec<(Id, String)>,
}

#[component]
fn Review(programme: Id) -> impl IntoView {
    let app = use_app();
    let draft = Memo::new(move |_| {
        with_mentoring(programme, |p, m| {
            m.draft.as_ref().map(|d| {
                let everyone = d
                    .people()
                    .into_iter()
                    .map(|id| (id, crate::ui::forming::name_of(p, id)))
                    .collect();
                DraftView {
                    rows: d
                        .pairs
                        .iter()
                        .map(|x| DraftRow {
                            members: x.members.clone(),
                            names: names(p, &x.members),
                            explanation: super::sentence(&x.explanation),
                            locked: x.locked,
                        })
                        .collect(),
                    unpaired: d
                        .unpaired
                        .iter()
                        .map(|id| crate::ui::forming::name_of(p, *id))
                        .collect(),
                    everyone,
                }
            })
        })
    });
    let has_draft = move || draft.with(Option::is_some);
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let propose = move |_| {
        let r = edit_mentoring(programme, |p| {
            let roster = std::mem::take(&mut p.participants);
            let r = p.mentoring.propose(&roster, crate::ui::today());
            p.participants = roster;
            r.map_err(DomainError::Pairing)
        });
        match r {
            Ok(()) => {
                error.set(None);
                let (pairs, people) = with_mentoring(programme, |_, m| {
                    m.draft
                        .as_ref()
                        .map_or((0, 0), |d| (d.pairs.len(), d.people().len()))
                });
                status.set(Some(format!("Proposed {pairs} pairs for {people} people.")));
            }
            Err(e) => {
                status.set(None);
                error.set(Some(e));
            }
        }
    };
    let lock = move |members: &[Id], on: bool| {
        error.set(edit_mentoring(programme, |p| p.mentoring.set_locked(members, on)).err());
    };
    let break_up = move |members: &[Id]| {
        error.set(edit_mentoring(programme, |p| p.mentoring.break_pair(members)).err());
    };
    let swap_a = RwSignal::new(None::<Id>);
    let swap_b = RwSignal::new(None::<Id>);
    let swap = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let r = match (swap_a.get_untracked(), swap_b.get_untracked()) {
            (Some(a), Some(b)) => edit_mentoring(programme, |p| {
                let roster = std::mem::take(&mut p.participants);
                let r = p.mentoring.swap(&roster, a, b);
                p.participants = roster;
                r
            }),
            _ => Err("Please choose both people to swap.".into()),
        };
        error.set(r.err());
    };
    let confirm = move |_| {
        let r = app.edit(
            &[RecordKey::Programme(programme), RecordKey::Settings],
            |ws| ws.confirm_pairs(programme, crate::ui::today()),
        );
        match r {
            Ok(n) => {
                error.set(None);
                status.set(Some(match n {
                    1 => "Confirmed 1 pair. Write its contract below.".to_string(),
                    n => format!("Confirmed {n} pairs. Write their contracts below."),
                }));
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let discard = Callback::new(move |_| {
        let _ = edit_mentoring(programme, |p| {
            p.mentoring.discard_draft();
            Ok(())
        });
        status.set(Some("The proposal was discarded.".into()));
    });
    let swap_options = move |chosen: RwSignal<Option<Id>>| {
        view! {
            <option value="" selected=move || chosen.get().is_none()>"Choose a person"</option>
            {move || draft.get().map(|d| d.everyone).unwrap_or_default().into_iter().map(|(id, name)| view! {
                <option value=id.to_string() selected=move || chosen.get() == Some(id)>{name}</option>
            }).collect_view()}
        }
    };
    view! {
        <section class="panel" aria-labelledby="proposal-title">
            <h2 id="proposal-title">"Proposal"</h2>
            <p class="hint">"People already in a confirmed pair are left out. Locked pairs stay as they are when you propose again, and a pair you make by swapping is locked for you; unlock it to let it change."</p>
            <div class="actions">
                <button type="button" class="button primary" on:click=propose>
                    {move || if has_draft() { "Propose again, keeping locked pairs" } else { "Propose pairs" }}
                </button>
            </div>
            <p class="result" role="status">{move || status.get()}</p>
            <ErrorLine error=error />
            {move || draft.get().map(|d| {
                let empty = d.rows.is_empty();
                view! {
                    <Show when=move || empty>
                        <p class="empty">"Nobody could be paired. Check the rules above, or add people to the roster."</p>
                    </Show>
                    <Show when=move || !empty>
                        <div class="scroll">
                            <table class="grid pairs">
                                <caption>"Proposed pairs"</caption>
                                <thead><tr>
                                    <th scope="col">"Pair"</th>
                                    <th scope="col">"Why"</th>
                                    <th scope="col">"Change"</th>
                                </tr></thead>
                                <tbody>
                                    {d.rows.clone().into_iter().map(|r| {
                                        let (locked, label) = (r.locked, r.names.clone());
                                        let (m1, m2) = (r.members.clone(), r.members.clone());
                                        let label_b = r.names.clone();
                                        view! {
                                            <tr class:locked=locked>
                                                <th scope="row" dir="auto">{r.names}{locked.then(|| view! { <span class="tag">"Locked"</span> })}</th>
                                                <td dir="auto">{r.explanation}</td>
                                                <td>
                                                    <div class="actions">
                                                        <button type="button" class="button" on:click=move |_| lock(&m1, !locked)>
                                                            {if locked { "Unlock" } else { "Lock" }}
                                                            <span class="visually-hidden">{format!(" {label}")}</span>
                                                        </button>
                                                        <button type="button" class="button" on:click=move |_| break_up(&m2)>
                                                            "Break up"<span class="visually-hidden">{format!(" {label_b}")}</span>
                                                        </button>
                                                    </div>
                                                </td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    </Show>
                    <Show when={let n = d.unpaired.len(); move || n > 0}>
                        <p>{format!("Not paired: {}.", d.unpaired.join(", "))}</p>
                    </Show>
                    <form class="inline-form subform" on:submit=swap>
                        <div class="field">
                            <label for="swap-a">"First person to swap"</label>
                            <select id="swap-a" on:change=move |ev| swap_a.set(event_target_value(&ev).parse().ok())>{swap_options(swap_a)}</select>
                        </div>
                        <div class="field">
                            <label for="swap-b">"Second person to swap"</label>
                            <select id="swap-b" on:change=move |ev| swap_b.set(event_target_value(&ev).parse().ok())>{swap_options(swap_b)}</select>
                        </div>
                        <button type="submit" class="button">"Swap"</button>
                    </form>
                    <div class="actions make">
                        <button type="button" class="button primary" on:click=confirm>"Confirm these pairs"</button>
                        <ConfirmButton label="Discard this proposal".into()
                            question="Discard this proposal? Confirmed pairs are not affected.".into()
                            confirm="Yes, discard it" on_confirm=discard class="danger-outline" />
                    </div>
                }
            })}
        </section>
    }
}

#[component]
fn Confirmed(programme: Id) -> impl IntoView {
    let pairs = Memo::new(move |_| {
        with_mentoring(programme, |p, m| {
            m.pairs
                .iter()
                .map(|x| {
                    let status = super::life::card_status(p, x);
                    (
                        x.id,
                        names(p, &x.members),
                        x.confirmed.map(|d| d.to_string()).unwrap_or_default(),
                        super::sentence(&x.explanation),
                        status,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="panel" aria-labelledby="confirmed-title">
            <h2 id="confirmed-title">"Confirmed pairs"</h2>
            <Show when=move || pairs.with(Vec::is_empty)>
                <p class="empty">"No pairs confirmed yet."</p>
            </Show>
            <ul class="cards" role="list">
                <For each=move || pairs.get() key=|x| x.clone() let((id, who, date, why, status))>
                    <li class="card">
                        <h3><a href=Route::Pair(programme, id).href() dir="auto">{who}</a></h3>
                        <p class="meta">{format!("Confirmed {date}. {status}")}</p>
                        <p dir="auto">{why}</p>
                    </li>
                </For>
            </ul>
        </section>
    }
}
