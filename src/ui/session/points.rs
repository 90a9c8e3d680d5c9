//! An answer written as points: a pair's agreed answer, a table's consensus or its minority
//! report. Points are edited in place, removed, or added one at a time.

use super::read_session;
use crate::domain::session::AnswerBox;
use crate::domain::Id;
use crate::state::use_app;
use leptos::prelude::*;

#[component]
pub fn Points(id: Id, target: AnswerBox, label: String) -> impl IntoView {
    let app = use_app();
    let points = read_session(id, move |s| {
        s.points(target).map(|p| p.to_vec()).unwrap_or_default()
    });
    let draft = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let key = match target {
        AnswerBox::Pair(n) => format!("pair-{n}"),
        AnswerBox::TableConsensus(n) => format!("table-{n}"),
        AnswerBox::TableMinority(n) => format!("minority-{n}"),
    };
    let input_id = format!("add-{key}");
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match app.edit_session(id, |s| s.add_point(target, &draft.get_untracked())) {
            Ok(()) => {
                draft.set(String::new());
                error.set(None);
            }
            Err(e) => error.set(Some(e.0)),
        }
    };
    // Copy handles, because the list is rebuilt inside closures that run many times.
    let list_label = StoredValue::new(label.clone());
    view! {
        <div class="points">
            <Show when=move || points.with(|p| !p.is_empty())>
                <ol class="point-list" aria-label=move || list_label.get_value()>
                    {move || points.get().into_iter().enumerate().map(|(i, text)| {
                        let label = format!("{}, point {}", list_label.get_value(), i + 1);
                        view! {
                            <li>
                                <input type="text" aria-label=label.clone() prop:value=text
                                    on:change=move |ev| {
                                        let text = event_target_value(&ev);
                                        if let Err(e) = app.edit_session(id, |s| s.edit_point(target, i, &text)) {
                                            error.set(Some(e.0));
                                        }
                                    } />
                                <button type="button" class="button" aria-label=format!("Remove {label}")
                                    on:click=move |_| { let _ = app.edit_session(id, |s| s.remove_point(target, i)); }>
                                    "Remove"
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </Show>
            <form class="inline-form" on:submit=add>
                <div class="field">
                    <label for=input_id.clone()>{format!("Add to {label}")}</label>
                    <input id=input_id.clone() type="text" autocomplete="off"
                        prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev)) />
                </div>
                <button type="submit" class="button">"Add point"</button>
            </form>
            <crate::ui::widgets::ErrorLine error=error />
        </div>
    }
}
