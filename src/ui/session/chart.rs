//! Steps 4 and 5 (level 3): the whole group's flip chart. Table answers come onto it,
//! duplicates are merged (and can be un-merged), and the room's agreement is counted.

use super::read_session;
use crate::domain::session::{table_label, FlipChartItem};
use crate::domain::Id;
use crate::state::use_app;
use crate::ui::widgets::ConfirmButton;
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
    let draft = RwSignal::new(String::new());
    let minority = RwSignal::new(false);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match app.edit_session(id, |s| {
            s.add_item(&draft.get_untracked(), minority.get_untracked())
        }) {
            Ok(_) => {
                draft.set(String::new());
                minority.set(false);
                error.set(None);
            }
            Err(e) => error.set(Some(e.0)),
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
        <ol class="chart-items" role="list">
            <For each=move || items.get() key=|n| *n let:n>
                <ChartItem id=id number=n />
            </For>
        </ol>
        <Show when=move || items.with(|i| i.len() > 1)>
            <MergeForm id=id />
        </Show>
        <form class="inline-form add-item" on:submit=add>
            <div class="field">
                <label for="new-item">"Add an item raised in the discussion"</label>
                <input id="new-item" type="text" autocomplete="off" prop:value=move || draft.get()
                    on:input=move |ev| draft.set(event_target_value(&ev)) />
            </div>
            <label class="check">
                <input type="checkbox" prop:checked=move || minority.get()
                    on:change=move |ev| minority.set(event_target_checked(&ev)) />
                <span>"It is a minority view"</span>
            </label>
            <button type="submit" class="button">"Add item"</button>
        </form>
        <crate::ui::widgets::ErrorLine error=error />
    }
}

#[component]
fn ChartItem(id: Id, number: u32) -> impl IntoView {
    let app = use_app();
    let item = read_session(id, move |s| s.item(number).ok().cloned());
    let error = RwSignal::new(None::<String>);
    let remove = Callback::new(move |_| {
        error.set(
            app.edit_session(id, |s| s.remove_item(number))
                .err()
                .map(|e| e.0),
        );
    });
    let text_id = format!("item-{number}");
    view! {
        <li class="card chart-item">
            <div class="field">
                <label for=text_id.clone()>{format!("Item {number}")}</label>
                <input id=text_id type="text" prop:value=move || item.with(|i| i.as_ref().map(|i| i.text.clone()).unwrap_or_default())
                    on:change=move |ev| {
                        let text = event_target_value(&ev);
                        error.set(app.edit_session(id, |s| s.edit_item(number, &text)).err().map(|e| e.0));
                    } />
            </div>
            <p class="meta">
                {move || item.with(|i| i.as_ref().map(raised_by))}
                <Show when=move || item.with(|i| i.as_ref().is_some_and(|i| i.minority))>
                    " · "<span class="tag minority">"Minority report"</span>
                </Show>
            </p>
            <Show when=move || item.with(|i| i.as_ref().is_some_and(|i| !i.merged.is_empty()))>
                <ul class="merged" aria-label=format!("Answers merged into item {number}")>
                    {move || item.get().map(|i| i.merged).unwrap_or_default().into_iter().map(|m| {
                        let from = m.number;
                        view! {
                            <li>
                                <span>{m.text.clone()}</span>
                                <button type="button" class="button" aria-label=format!("Un-merge “{}” from item {number}", m.text)
                                    on:click=move |_| error.set(app.edit_session(id, |s| s.unmerge_item(number, from)).err().map(|e| e.0))>
                                    "Un-merge"
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
            <div class="actions">
                <ConfirmButton label=format!("Remove item {number}") question=format!("Remove item {number} from the flip chart?")
                    confirm="Yes, remove it" on_confirm=remove class="danger-outline" />
            </div>
            <crate::ui::widgets::ErrorLine error=error />
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
            .map(|i| (i.number, format!("{}. {}", i.number, i.text)))
            .collect::<Vec<_>>()
    });
    let keep = RwSignal::new(None::<u32>);
    let fold = RwSignal::new(None::<u32>);
    let error = RwSignal::new(None::<String>);
    let merge = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let list = choices.get_untracked();
        let into = keep.get_untracked().or(list.first().map(|c| c.0));
        let from = fold.get_untracked().or(list.get(1).map(|c| c.0));
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
                <div class="field">
                    <label for="merge-keep">"Keep this item"</label>
                    <select id="merge-keep" on:change=move |ev| keep.set(event_target_value(&ev).parse().ok())>
                        {move || options(keep, 0)}
                    </select>
                </div>
                <div class="field">
                    <label for="merge-fold">"and fold this one into it"</label>
                    <select id="merge-fold" on:change=move |ev| fold.set(event_target_value(&ev).parse().ok())>
                        {move || options(fold, 1)}
                    </select>
                </div>
            </div>
            <button type="submit" class="button">"Merge"</button>
            <crate::ui::widgets::ErrorLine error=error />
        </form>
    }
}

#[component]
pub fn AgreementPanel(id: Id) -> impl IntoView {
    let sorted = RwSignal::new(false);
    let present = read_session(id, |s| s.people_present());
    let items = read_session(id, move |s| {
        s.items().iter().map(|i| i.number).collect::<Vec<_>>()
    });
    let by_agreement = read_session(id, |s| {
        s.items_by_agreement()
            .iter()
            .map(|i| i.number)
            .collect::<Vec<_>>()
    });
    let order = move || {
        if sorted.get() {
            by_agreement.get()
        } else {
            items.get()
        }
    };
    view! {
        <p class="count">{move || format!("{} people are here, so up to {} can agree with each item.", present.get(), present.get())}</p>
        <label class="check">
            <input type="checkbox" prop:checked=move || sorted.get() on:change=move |ev| sorted.set(event_target_checked(&ev)) />
            <span>"Sort by agreement"</span>
        </label>
        <ol class="chart-items" role="list">
            <For each=order key=|n| *n let:n>
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
    let error = RwSignal::new(None::<String>);
    let input_id = format!("agree-{number}{}", if large { "-display" } else { "" });
    view! {
        <div class="agree" class:large=large>
            <p class="agree-text">
                {move || item.get().map(|(t, _, _)| t)}
                <Show when=move || item.with(|i| i.as_ref().is_some_and(|i| i.2))>
                    " "<span class="tag minority">"Minority report"</span>
                </Show>
            </p>
            <div class="counter">
                <button type="button" class="button" aria-label=format!("One fewer agrees with item {number}")
                    on:click=move |_| error.set(app.edit_session(id, |s| s.agree_less(number)).err().map(|e| e.0))>"−"</button>
                <label for=input_id.clone() class="counter-label">"Agree"</label>
                <input id=input_id type="number" min="0" inputmode="numeric" class="count-input"
                    aria-label=format!("People agreeing with item {number}")
                    prop:value=move || item.get().map(|(_, n, _)| n.to_string()).unwrap_or_default()
                    on:change=move |ev| {
                        let result = match event_target_value(&ev).trim().parse::<u32>() {
                            Ok(n) => app.edit_session(id, |s| s.set_agreement(number, n)).map_err(|e| e.0),
                            Err(_) => Err("Please type a whole number, such as 7.".to_string()),
                        };
                        error.set(result.err());
                    } />
                <button type="button" class="button" aria-label=format!("One more agrees with item {number}")
                    on:click=move |_| error.set(app.edit_session(id, |s| s.agree_more(number)).err().map(|e| e.0))>"+"</button>
            </div>
            <crate::ui::widgets::ErrorLine error=error />
        </div>
    }
}
