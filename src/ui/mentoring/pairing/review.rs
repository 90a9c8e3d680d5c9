//! The proposal to review (lock, break up, swap, propose again, discard), confirming it, and
//! the confirmed pairs.

use super::super::{edit_mentoring, sentence, with_mentoring};
use super::TwoPeopleForm;
use crate::domain::{DomainError, Id};
use crate::state::{use_app, Route};
use crate::ui::kit::{names, CardList, ConfirmButton, ErrorLine, TableOrEmpty};
use leptos::prelude::*;

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
pub(super) fn Review(programme: Id) -> impl IntoView {
    let app = use_app();
    let draft = Memo::new(move |_| {
        with_mentoring(programme, |p, m| {
            m.draft.as_ref().map(|d| {
                let everyone = d
                    .people()
                    .into_iter()
                    .map(|id| (id, crate::ui::kit::name_of(p, id)))
                    .collect();
                DraftView {
                    rows: d
                        .pairs
                        .iter()
                        .map(|x| DraftRow {
                            members: x.members.clone(),
                            names: names(p, &x.members),
                            explanation: sentence(&x.explanation),
                            locked: x.locked,
                        })
                        .collect(),
                    unpaired: d
                        .unpaired
                        .iter()
                        .map(|id| crate::ui::kit::name_of(p, *id))
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
            let r = p.mentoring.propose(&roster, crate::ui::kit::today());
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
    let swap = Callback::new(move |()| {
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
    });
    let confirm = move |_| {
        let r = app.change(|ws| ws.confirm_pairs(programme, crate::ui::kit::today()));
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
    let everyone = Signal::derive(move || draft.get().map(|d| d.everyone).unwrap_or_default());
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
                    <TableOrEmpty empty=Signal::stored(empty)
                        when_empty="Nobody could be paired. Check the rules above, or add people to the roster." class="grid pairs">
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
                    </TableOrEmpty>
                    <Show when={let n = d.unpaired.len(); move || n > 0}>
                        <p>{format!("Not paired: {}.", d.unpaired.join(", "))}</p>
                    </Show>
                    <TwoPeopleForm class="inline-form subform" ids=["swap-a", "swap-b"]
                        labels=["First person to swap", "Second person to swap"]
                        chosen=[swap_a, swap_b] people=everyone button="Swap" on_send=swap />
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
pub(super) fn Confirmed(programme: Id) -> impl IntoView {
    let pairs = Memo::new(move |_| {
        with_mentoring(programme, |p, m| {
            m.pairs
                .iter()
                .map(|x| {
                    let status = super::super::life::card_status(p, x);
                    (
                        x.id,
                        names(p, &x.members),
                        x.confirmed.map(|d| d.to_string()).unwrap_or_default(),
                        sentence(&x.explanation),
                        status,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="panel" aria-labelledby="confirmed-title">
            <h2 id="confirmed-title">"Confirmed pairs"</h2>
            <CardList empty=Signal::derive(move || pairs.with(Vec::is_empty)) when_empty="No pairs confirmed yet.">
                <For each=move || pairs.get() key=|x| x.clone() let((id, who, date, why, status))>
                    <li class="card">
                        <h3><a href=Route::Pair(programme, id).href() dir="auto">{who}</a></h3>
                        <p class="meta">{format!("Confirmed {date}. {status}")}</p>
                        <p dir="auto">{why}</p>
                    </li>
                </For>
            </CardList>
        </section>
    }
}
