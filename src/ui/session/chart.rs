//! Steps 4 and 5 (level 3): the whole group's flip chart. Table answers come onto it,
//! duplicates are merged (and can be un-merged), and the room's agreement is counted.

use super::points::{Draft, GrowingBox};
use super::read_session;
use crate::domain::session::{table_label, DraftBox, FlipChartItem};
use crate::domain::Id;
use crate::state::use_app;
use crate::ui::kit::{ConfirmButton, Field, PickField};
use leptos::prelude::*;

fn raised_by(item: &FlipChartItem) -> String {
    let tables = item.tables();
    if tables.is_empty() {
        return "From the discussion".to_string();
    }
    let labels: Vec<String> = tables.into_iter().map(table_label).collect();
    match labels.len() {
        1 => format!("Raised by Table {}", labels[0]),
        n => format!("Raised by {n} tables: {}", labels.join(", ")),
    }
}

#[component]
pub fn ReportOutPanel(id: Id) -> impl IntoView {
    let app = use_app();
    let items = read_session(id, |s| {
        s.items().iter().map(|i| i.number).collect::<Vec<_>>()
    });
    let waiting = read_session(id, |s| {
        s.tables()
            .iter()
            .filter(|t| !s.table_on_chart(t.number))
            .map(|t| t.number)
            .collect::<Vec<_>>()
    });
    let error = RwSignal::new(None::<String>);
    let bring_all = move |_| {
        error.set(
            app.edit_session(id, |s| s.bring_all_table_answers())
                .err()
                .map(|e| e.0),
        )
    };
    let draft = Draft::new(id, DraftBox::NewItem, error);
    let minority = RwSignal::new(false);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if draft.commit(minority.get_untracked()) {
            minority.set(false);
        }
    };
    view! {
        <Show when=move || waiting.with(|w| !w.is_empty())>
            <div class="actions">
                <button type="button" class="button primary" on:click=bring_all>"Bring every table's answers to the flip chart"</button>
                {move || waiting.get().into_iter().map(|t| view! {
                    <button type="button" class="button" on:click=move |_| {
                        error.set(app.edit_session(id, |s| s.bring_table_answers(t)).err().map(|e| e.0));
                    }>{format!("Bring Table {}'s answers", table_label(t))}</button>
                }).collect_view()}
            </div>
        </Show>
        <ol class="chart-items" role="list" aria-label="Flip chart">
            <For each=move || items.get() key=|n| *n let:n>
                <ChartItem id=id number=n />
            </For>
        </ol>
        <Show when=move || items.with(|i| i.len() > 1)>
            <MergeForm id=id />
        </Show>
        <form class="inline-form add-item" on:submit=add>
            <Field id="new-item" label="Add an item raised in the discussion">
                <GrowingBox id="new-item".to_string() value=draft.text on_type=draft.keep() />
            </Field>
            <label class="check">
                <input type="checkbox" prop:checked=move || minority.get()
                    on:change=move |ev| minority.set(event_target_checked(&ev)) />
                <span>"It is a minority view"</span>
            </label>
            <button type="submit" class="button">"Add item"</button>
        </form>
        <crate::ui::kit::ErrorLine error=error />
    }
}

#[component]
fn ChartItem(id: Id, number: u32) -> impl IntoView {
    let app = use_app();
    let item = read_session(id, move |s| s.item(number).ok().cloned());
    // What the room sees: 1 to n in flip-chart order, whatever was merged.
    let shown = read_session(id, move |s| s.shown_number(number));
    let error = RwSignal::new(None::<String>);
    let editing = RwSignal::new(false);
    let typed = RwSignal::new(String::new());
    let remove = Callback::new(move |_| {
        error.set(
            app.edit_session(id, |s| s.remove_item(number))
                .err()
                .map(|e| e.0),
        );
    });
    // Saved as it is typed, like every other field.
    let save = Callback::new(move |t: String| {
        let result = if t.trim().is_empty() {
            Err("Type the item, or use Remove to take it off the flip chart.".to_string())
        } else {
            app.edit_session(id, |s| s.edit_item(number, &t))
                .map_err(|e| e.0)
        };
        error.set(result.err());
    });
    let text_id = format!("item-{number}");
    let open = move |_| {
        typed.set(item.with_untracked(|i| i.as_ref().map(|i| i.text.clone()).unwrap_or_default()));
        error.set(None);
        editing.set(true);
        crate::ui::kit::focus_id_soon(format!("item-{number}"));
    };
    let done = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if error.with_untracked(Option::is_none) {
            editing.set(false);
        }
    };
    view! {
        <li class="card chart-item">
            <p class="item-head">
                <strong class="item-number">{move || format!("Item {}", shown.get())}</strong>
                " · "{move || item.with(|i| i.as_ref().map(raised_by))}
                <Show when=move || item.with(|i| i.as_ref().is_some_and(|i| i.minority))>
                    " · "<span class="tag minority">"Minority report"</span>
                </Show>
            </p>
            <Show
                when=move || editing.get()
                fallback=move || view! {
                    <p class="item-text">{move || item.with(|i| i.as_ref().map(|i| i.text.clone()))}</p>
                    <div class="actions">
                        <button type="button" class="button small" on:click=open
                            aria-label=move || format!("Edit item {}", shown.get())>"Edit"</button>
                        {move || {
                            let n = shown.get();
                            view! {
                                <ConfirmButton label=format!("Remove item {n}")
                                    question=format!("Remove item {n} from the flip chart?")
                                    confirm="Yes, remove it" on_confirm=remove class="danger-outline small" />
                            }
                        }}
                    </div>
                }
            >
                <form class="point-edit" on:submit=done>
                    <label for=text_id.clone() class="visually-hidden">{move || format!("Item {}", shown.get())}</label>
                    <GrowingBox id=text_id.clone() value=typed on_type=save />
                    <button type="submit" class="button small">"Done"</button>
                </form>
            </Show>
            <Show when=move || item.with(|i| i.as_ref().is_some_and(|i| !i.merged.is_empty()))>
                <ul class="merged" aria-label=move || format!("Answers merged into item {}", shown.get())>
                    {move || item.get().map(|i| i.merged).unwrap_or_default().into_iter().map(|m| {
                        let from = m.number;
                        view! {
                            <li>
                                <span>{m.text.clone()}</span>
                                <button type="button" class="button small"
                                    aria-label=move || format!("Un-merge “{}” from item {}", m.text, shown.get())
                                    on:click=move |_| error.set(app.edit_session(id, |s| s.unmerge_item(number, from)).err().map(|e| e.0))>
                                    "Un-merge"
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
            <crate::ui::kit::ErrorLine error=error />
        </li>
    }
}

/// One form merges any two items. (A list of every other item on each item's card grew as
/// the square of the chart: 200 items meant 40,000 options and a ten-second render.)
#[component]
fn MergeForm(id: Id) -> impl IntoView {
    let app = use_app();
    let choices = read_session(id, |s| {
        s.items()
            .iter()
            .enumerate()
            .map(|(at, i)| (i.number, format!("{}. {}", at + 1, i.text)))
            .collect::<Vec<_>>()
    });
    let keep = RwSignal::new(None::<u32>);
    let fold = RwSignal::new(None::<u32>);
    let error = RwSignal::new(None::<String>);
    let merge = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let list = choices.get_untracked();
        let into = keep.get_untracked().or(list.first().map(|c| c.0));
        let from = fold
            .get_untracked()
            .or(fold_default(&list, into).map(|at| list[at].0));
        let (Some(into), Some(from)) = (into, from) else {
            return;
        };
        if into == from {
            error.set(Some("Choose two different items to merge.".into()));
            return;
        }
        match app.edit_session(id, |s| s.merge_items(into, from)) {
            Ok(()) => {
                error.set(None);
                fold.set(None);
            }
            Err(e) => error.set(Some(e.0)),
        }
    };
    let options = move |chosen: RwSignal<Option<u32>>, default_at: usize| {
        choices.get().into_iter().enumerate().map(move |(at, (n, text))| {
            view! {
                <option value=n.to_string()
                    selected=move || chosen.get().map_or(at == default_at, |c| c == n)>{text}</option>
            }
        }).collect_view()
    };
    view! {
        <form class="merge-form" on:submit=merge aria-labelledby="merge-title">
            <h3 id="merge-title">"Merge duplicates"</h3>
            <p class="hint">"The merged answer is kept inside the item you keep, so you can un-merge it later."</p>
            <div class="row-fields">
                <PickField id="merge-keep" label="Keep this item" chosen=keep>
                    {move || options(keep, 0)}
                </PickField>
                <PickField id="merge-fold" label="and fold this one into it" chosen=fold>
                    {move || {
                        // By default, the first item that is not the one being kept.
                        let at = choices.with(|c| fold_default(c, keep.get().or(c.first().map(|x| x.0))));
                        options(fold, at.unwrap_or(1))
                    }}
                </PickField>
            </div>
            <button type="submit" class="button">"Merge"</button>
            <crate::ui::kit::ErrorLine error=error />
        </form>
    }
}

/// The room's agreement, item by item, in flip-chart order: the same order and numbers as
/// the projector, so "item 4" means one thing on every screen.
/// Where the "fold this one into it" list starts: the first item other than `keep`.
fn fold_default(choices: &[(u32, String)], keep: Option<u32>) -> Option<usize> {
    choices.iter().position(|c| Some(c.0) != keep)
}

#[component]
pub fn AgreementPanel(id: Id) -> impl IntoView {
    let present = read_session(id, |s| s.people_present());
    let items = read_session(id, move |s| {
        s.items().iter().map(|i| i.number).collect::<Vec<_>>()
    });
    view! {
        <p class="count">{move || format!("{} people are here, so up to {} can agree with each item.", present.get(), present.get())}</p>
        <ol class="chart-items" role="list" aria-label="Flip chart">
            <For each=move || items.get() key=|n| *n let:n>
                <li class="card agree-row">
                    <AgreementCounter id=id number=n large=false />
                </li>
            </For>
        </ol>
    }
}

/// "−  12  +" for one item; used in the runner and, large, on the flip-chart display.
#[component]
pub fn AgreementCounter(id: Id, number: u32, large: bool) -> impl IntoView {
    let app = use_app();
    let item = read_session(id, move |s| {
        s.item(number)
            .ok()
            .map(|i| (i.text.clone(), i.agree, i.minority))
    });
    let shown = read_session(id, move |s| s.shown_number(number));
    let error = RwSignal::new(None::<String>);
    let input_id = format!("agree-{number}{}", if large { "-display" } else { "" });
    view! {
        <div class="agree" class:large=large>
            <p class="agree-text">
                <span class="item-number">{move || format!("{}. ", shown.get())}</span>
                {move || item.get().map(|(t, _, _)| t)}
                <Show when=move || item.with(|i| i.as_ref().is_some_and(|i| i.2))>
                    " "<span class="tag minority">"Minority report"</span>
                </Show>
            </p>
            <div class="counter">
                <button type="button" class="button" aria-label=move || format!("One fewer agrees with item {}", shown.get())
                    on:click=move |_| error.set(app.edit_session(id, |s| s.agree_less(number)).err().map(|e| e.0))>"−"</button>
                <label for=input_id.clone() class="counter-label">"Agree"</label>
                <input id=input_id type="number" min="0" inputmode="numeric" class="count-input"
                    aria-label=move || format!("People agreeing with item {}", shown.get())
                    prop:value=move || item.get().map(|(_, n, _)| n.to_string()).unwrap_or_default()
                    on:change=move |ev| {
                        let result = match event_target_value(&ev).trim().parse::<u32>() {
                            Ok(n) => app.edit_session(id, |s| s.set_agreement(number, n)).map_err(|e| e.0),
                            Err(_) => Err("Please type a whole number, such as 7.".to_string()),
                        };
                        error.set(result.err());
                    } />
                <button type="button" class="button" aria-label=move || format!("One more agrees with item {}", shown.get())
                    on:click=move |_| error.set(app.edit_session(id, |s| s.agree_more(number)).err().map(|e| e.0))>"+"</button>
            </div>
            <crate::ui::kit::ErrorLine error=error />
        </div>
    }
}
