//! Settings: each programme's "What to do and who to tell" card, written once, before it is
//! needed. It is shown whenever a safety or wellbeing concern is ticked. It stays on this device.

use crate::domain::followup::SAFETY_STARTER;
use crate::domain::{DomainError, Id};
use crate::state::use_app;
use crate::ui::kit::TextField;
use leptos::prelude::*;

#[component]
pub fn SafetyPlanPanel() -> impl IntoView {
    let app = use_app();
    let programmes = Memo::new(move |_| {
        app.ws.with(|ws| {
            ws.programmes_in_order()
                .into_iter()
                .filter(|p| !p.archived)
                .map(|p| (p.id, p.display_name().to_string()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="panel" aria-labelledby="safety-plan-title">
            <h2 id="safety-plan-title">"What to do and who to tell"</h2>
            <p>"When a contact or a check-in raises a concern about someone's safety or wellbeing, Peercircle shows this card. Write it before you need it: names, phone numbers, and your organisation's procedure. It stays on this device."</p>
            <Show when=move || programmes.with(Vec::is_empty)>
                <p class="empty">"Start a programme first; each programme has its own card."</p>
            </Show>
            <For each=move || programmes.get() key=|p| p.clone() let((id, name))>
                <Card programme=id name=name />
            </For>
        </section>
    }
}

#[component]
fn Card(programme: Id, name: String) -> impl IntoView {
    let app = use_app();
    let value = Memo::new(move |_| {
        app.with_programme(programme, |p| {
            let own = p.followup.safety_card.on_this_device();
            if own.is_empty() {
                SAFETY_STARTER.to_string()
            } else {
                own.to_string()
            }
        })
        .unwrap_or_default()
    });
    let edit = Callback::new(move |text: String| {
        app.change(|ws| {
            let f = &mut ws.programme_mut(programme)?.followup;
            // Keeping the starter unchanged is not writing one's own card.
            let text = if text.trim() == SAFETY_STARTER.trim() {
                ""
            } else {
                &text
            };
            f.set_safety_card(text)
        })
        .map_err(|e: DomainError| e.to_string())
    });
    view! {
        <TextField id=format!("safety-card-{programme}") label=format!("Safety card for {name}")
            multiline=true value=value on_edit=edit />
    }
}
