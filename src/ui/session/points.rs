//! An answer written as points: a pair's agreed answer, a table's consensus or its minority
//! report. Each point reads as wrapped text with small Edit and Remove buttons; editing opens
//! a box that fits the text and saves as it is typed. The "Add to …" box is kept with the
//! session as it is typed (a draft), so Next, Back, a reload or the lock never loses it.

use super::read_session;
use crate::domain::session::{AnswerBox, DraftBox};
use crate::domain::Id;
use crate::state::{use_app, AppState};
use leptos::prelude::*;

/// A text box that grows with its text and saves as it is typed; Enter (without Shift) sends
/// the form it is in.
#[component]
pub fn GrowingBox(
    id: String,
    value: RwSignal<String>,
    on_type: Callback<String>,
    #[prop(optional)] described_by: Option<String>,
) -> impl IntoView {
    view! {
        <textarea id=id class="grow-box" rows="1" autocomplete="off" spellcheck="true"
            aria-describedby=described_by
            prop:value=move || value.get()
            on:input=move |ev| {
                let text = event_target_value(&ev);
                value.set(text.clone());
                on_type.run(text);
            }
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Enter" && !ev.shift_key() && !ev.is_composing() {
                    ev.prevent_default();
                    if let Some(form) = event_target::<web_sys::HtmlTextAreaElement>(&ev).form() {
                        let _ = form.request_submit();
                    }
                }
            }></textarea>
    }
}

/// One of a session's "Add to …" boxes: what is typed there is kept with the session as it is
/// typed (a draft), so Next, Back, a reload or the lock never loses it.
#[derive(Clone, Copy)]
pub struct Draft {
    app: AppState,
    id: Id,
    place: DraftBox,
    /// The words in the box; what was typed before comes back in it.
    pub text: RwSignal<String>,
    error: RwSignal<Option<String>>,
}

impl Draft {
    /// The box, holding what was typed into it before; refusals go to `error`.
    pub fn new(id: Id, place: DraftBox, error: RwSignal<Option<String>>) -> Self {
        let app = use_app();
        let stored = app.ws.with_untracked(|ws| {
            ws.session(id)
                .map(|s| s.draft(place).to_string())
                .unwrap_or_default()
        });
        Self {
            app,
            id,
            place,
            text: RwSignal::new(stored),
            error,
        }
    }

    /// Keeps each keystroke with the session.
    pub fn keep(self) -> Callback<String> {
        Callback::new(move |text: String| {
            let kept = self
                .app
                .edit_session(self.id, |s| s.set_draft(self.place, &text));
            self.error.set(kept.err().map(|e| e.0));
        })
    }

    /// Adds what is typed (as a minority view, on the flip chart) and empties the box; `false`
    /// when it was refused, the reason shown.
    pub fn commit(self, minority: bool) -> bool {
        let text = self.text.get_untracked();
        let added = self.app.edit_session(self.id, |s| {
            s.set_draft(self.place, &text)?;
            s.commit_draft(self.place, minority)
        });
        match added {
            Ok(()) => {
                self.text.set(String::new());
                self.error.set(None);
                true
            }
            Err(e) => {
                self.error.set(Some(e.0));
                false
            }
        }
    }
}

#[component]
pub fn Points(id: Id, target: AnswerBox, label: String) -> impl IntoView {
    let count = read_session(id, move |s| s.points(target).map_or(0, <[String]>::len));
    let error = RwSignal::new(None::<String>);
    let draft = Draft::new(id, DraftBox::Answer(target), error);
    let input_id = format!("add-{}", box_key(target));
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        draft.commit(false);
    };
    let list_label = StoredValue::new(label.clone());
    view! {
        <div class="points">
            <Show when=move || count.get() != 0>
                <p class="points-label" aria-hidden="true">{move || list_label.get_value()}</p>
                <ol class="point-list" aria-label=move || list_label.get_value()>
                    <For each=move || 0..count.get() key=|i| *i let:i>
                        <PointRow id=id target=target index=i label=list_label.get_value() />
                    </For>
                </ol>
            </Show>
            <form class="inline-form add-point" on:submit=add>
                <div class="field">
                    <label for=input_id.clone()>{format!("Add to {label}")}</label>
                    <GrowingBox id=input_id.clone() value=draft.text on_type=draft.keep() />
                </div>
                <button type="submit" class="button">"Add point"</button>
            </form>
            <crate::ui::kit::ErrorLine error=error />
        </div>
    }
}

/// One point: its words in full, with Edit and Remove.
#[component]
fn PointRow(id: Id, target: AnswerBox, index: usize, label: String) -> impl IntoView {
    let app = use_app();
    let text = read_session(id, move |s| {
        s.points(target)
            .ok()
            .and_then(|p| p.get(index).cloned())
            .unwrap_or_default()
    });
    let editing = RwSignal::new(false);
    let typed = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let name = format!("{label}, point {}", index + 1);
    let box_id = format!("edit-{}-{index}", box_key(target));
    let save = Callback::new(move |t: String| {
        // An emptied box is not saved (the point keeps its words until "Remove").
        let result = if t.trim().is_empty() {
            Err("Type the point, or use Remove to take it away.".to_string())
        } else {
            app.edit_session(id, |s| s.edit_point(target, index, &t))
                .map_err(|e| e.0)
        };
        error.set(result.err());
    });
    let open = move |_| {
        typed.set(text.get_untracked());
        error.set(None);
        editing.set(true);
        let box_id = format!("edit-{}-{index}", box_key(target));
        crate::ui::kit::focus_id_soon(box_id);
    };
    let done = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if error.with_untracked(Option::is_none) {
            editing.set(false);
        }
    };
    let remove_name = name.clone();
    view! {
        <li>
            <Show
                when=move || editing.get()
                fallback={
                    let name = name.clone();
                    move || view! {
                        <p class="point-text">{move || text.get()}</p>
                        <div class="point-actions">
                            <button type="button" class="button small" aria-label=format!("Edit {name}")
                                on:click=open>"Edit"</button>
                            <button type="button" class="button small" aria-label=format!("Remove {name}")
                                on:click=move |_| { let _ = app.edit_session(id, |s| s.remove_point(target, index)); }>
                                "Remove"
                            </button>
                        </div>
                    }
                }
            >
                <form class="point-edit" on:submit=done>
                    <label for=box_id.clone() class="visually-hidden">{remove_name.clone()}</label>
                    <GrowingBox id=box_id.clone() value=typed on_type=save />
                    <button type="submit" class="button small">"Done"</button>
                </form>
                <crate::ui::kit::ErrorLine error=error />
            </Show>
        </li>
    }
}

fn box_key(target: AnswerBox) -> String {
    match target {
        AnswerBox::Pair(n) => format!("pair-{n}"),
        AnswerBox::TableConsensus(n) => format!("table-{n}"),
        AnswerBox::TableMinority(n) => format!("minority-{n}"),
    }
}
