//! A delete (or other final) button that asks first, in place, and the quiet panel at the end
//! of a page that deletes what the page shows.

use leptos::html;
use leptos::prelude::*;

/// A button that, when pressed, asks "are you sure?" in place before doing anything.
#[component]
pub fn ConfirmButton(
    /// What the first button says ("Delete group").
    label: String,
    /// The question asked ("Delete the group “Mentors”? …").
    question: String,
    /// What the confirming button says ("Yes, delete it").
    confirm: &'static str,
    on_confirm: Callback<()>,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    let keep_ref = NodeRef::<html::Button>::new();
    let open_ref = NodeRef::<html::Button>::new();
    let open = move |_| {
        asking.set(true);
        request_animation_frame(move || {
            if let Some(b) = keep_ref.get_untracked() {
                let _ = b.focus();
            }
        });
    };
    let close = move |_| {
        asking.set(false);
        request_animation_frame(move || {
            if let Some(b) = open_ref.get_untracked() {
                let _ = b.focus();
            }
        });
    };
    let label_again = label.clone();
    view! {
        <Show
            when=move || asking.get()
            fallback=move || {
                view! {
                    <button type="button" class=format!("button {class}") node_ref=open_ref
                        on:click=open>{label_again.clone()}</button>
                }
            }
        >
            <div class="confirm" role="group" aria-label=label.clone()>
                <p>{question.clone()}</p>
                <div class="actions">
                    <button type="button" class="button danger"
                        on:click=move |_| { asking.set(false); on_confirm.run(()) }>{confirm}</button>
                    <button type="button" class="button" node_ref=keep_ref on:click=close>
                        "No, keep it"
                    </button>
                </div>
            </div>
        </Show>
    }
}

/// The quiet panel at the end of a page for deleting what the page shows (a plan, a session):
/// a heading, an optional hint, and a [`ConfirmButton`] that says "Yes, delete it".
#[component]
pub fn DeleteSection(
    /// The heading's id, which names the section ("delete-plan-title").
    id: &'static str,
    heading: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    /// The button ("Delete this plan").
    label: &'static str,
    /// The question asked before anything is deleted.
    question: &'static str,
    on_confirm: Callback<()>,
    /// More classes for the section ("no-print").
    class: &'static str,
) -> impl IntoView {
    view! {
        <section class=format!("panel quiet {class}") aria-labelledby=id>
            <h2 id=id>{heading}</h2>
            {hint.map(|h| view! { <p class="hint">{h}</p> })}
            <ConfirmButton label=label.to_string() question=question.to_string()
                confirm="Yes, delete it" on_confirm=on_confirm class="danger-outline" />
        </section>
    }
}
