//! A pair's check-in as a kiosk task: each partner in turn, one after the other. The form
//! never shows an earlier check-in; after saving, the kiosk thanks the person and the next
//! one starts from an empty form. Unsent answers are cleared by the idle countdown.

use super::{Kiosk, Stage};
use crate::domain::followup::EnteredBy;
use crate::domain::Id;
use crate::state::use_app;
use crate::ui::followup::checkin::{CheckInDraft, CheckInForm};
use crate::ui::kit::{KioskTask, Thanks};
use leptos::prelude::*;

#[component]
pub fn CheckInTask(programme: Id, pair: Id, kiosk: Kiosk) -> impl IntoView {
    let app = use_app();
    let label = Memo::new(move |_| {
        app.ws.with(|ws| {
            ws.programme(programme).and_then(|p| {
                p.mentoring
                    .active_pairs()
                    .any(|x| x.id == pair)
                    .then(|| crate::ui::kit::pair_name(p, pair))
            })
        })
    });
    // A fresh form each time the kiosk goes back to the start (after thanks, or idle).
    let round = RwSignal::new(0u32);
    let was_pick = StoredValue::new(true);
    Effect::new(move |_| {
        let pick = kiosk.stage.get() == Stage::Pick;
        if pick && !was_pick.get_value() {
            round.update(|r| *r += 1);
        }
        was_pick.set_value(pick);
    });
    let gone = Signal::derive(move || {
        label
            .with(Option::is_none)
            .then(|| "This check-in is no longer available on this device.".to_string())
    });
    let save = Callback::new(move |draft: CheckInDraft| {
        let draft = CheckInDraft {
            by: EnteredBy::Partner,
            ..draft
        };
        crate::ui::followup::create(programme, |f, id| {
            let checkin = draft
                .into_checkin(id, pair)
                .map_err(crate::domain::DomainError::Invalid)?;
            f.add_checkin(checkin)
        })?;
        kiosk.answered_after_form();
        Ok(())
    });
    let thanks = Thanks::next_person(
        "Your check-in is saved. The screen is clear for your partner.",
        "Your check-in was taken, but this tablet could not store it safely yet. Please tell the facilitator.",
    );
    let answering = move |_| kiosk.typing();
    view! {
        <KioskTask kiosk=kiosk gone=gone thanks=thanks>
            <h1 tabindex="-1">"How is your mentoring going?"</h1>
            <p class="kiosk-lead">
                {move || format!("Check-in for {}. Each of you fills this in on your own; \
                                  your partner will not see what you write.", label.get().unwrap_or_default())}
            </p>
            <div on:change=answering on:input=answering>
                {move || {
                    round.track();
                    view! { <CheckInForm on_submit=save partner_only=true /> }
                }}
            </div>
        </KioskTask>
    }
}
