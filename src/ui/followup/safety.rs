//! The programme's "What to do and who to tell" card, shown when a safety concern is ticked
//! and on a flagged pair, with the form to record what was done (which clears the flag).

use super::{create, DateAndWhat};
use crate::domain::followup::safety_card;
use crate::domain::Id;
use crate::state::{use_app, Route};
use crate::ui::forming::read_date;
use crate::ui::kit::{today, ErrorLine};
use leptos::prelude::*;

/// The card's words, and whether the programme wrote its own.
fn card(programme: Id) -> Memo<(String, bool)> {
    let app = use_app();
    Memo::new(move |_| {
        app.with_programme(programme, |p| {
            let (text, own) = safety_card(&p.followup);
            (text.to_string(), own)
        })
        .unwrap_or_default()
    })
}

/// The card on its own, in large type.
#[component]
pub fn SafetyCard(programme: Id) -> impl IntoView {
    let c = card(programme);
    view! {
        <div class="safety-card" role="region" aria-label="What to do and who to tell">
            <h3>"What to do and who to tell"</h3>
            <p class="body" dir="auto">{move || c.get().0}</p>
            <Show when=move || !c.get().1>
                <p class="hint">
                    "This is the starter text. "
                    <a href=Route::Settings.href()>"Write your programme's own card in Settings"</a>
                    " (names, numbers and your local procedure)."
                </p>
            </Show>
        </div>
    }
}

/// The card and the "what was done" form, for a pair with a concern.
#[component]
pub fn SafetyNotice(programme: Id, pair: Id) -> impl IntoView {
    let date = RwSignal::new(today().to_string());
    let what = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(false);
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let r = read_date(&date.get_untracked(), "the date").and_then(|d| {
            let text = what.get_untracked();
            create(programme, |f, id| {
                f.record_safety_action(id, pair, d, &text)
            })
        });
        match r {
            Ok(()) => {
                what.set(String::new());
                error.set(None);
                done.set(true);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <div class="safety-notice" role="alert">
            <p class="tag attention-tag">"Needs attention: safety"</p>
            <SafetyCard programme=programme />
            <form on:submit=record class="subform">
                <h4>"Record what was done"</h4>
                <p class="hint">"The pair stays marked “needs attention: safety” until you do. These words stay on this device."</p>
                <DateAndWhat kind="safety" pair=pair what_label="What was done about the concern" date=date what=what />
                <ErrorLine error=error />
                <button type="submit" class="button primary">"Save what was done"</button>
                <p class="status" role="status">{move || done.get().then_some("Saved. The safety flag is cleared.")}</p>
            </form>
        </div>
    }
}
