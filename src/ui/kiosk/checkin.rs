//! A pair's check-in as a kiosk task: each partner in turn, one after the other. The form
//! never shows an earlier check-in; after saving, the kiosk thanks the person and the next
//! one starts from an empty form. Unsent answers are cleared by the idle countdown.

use super::{Kiosk, Stage};
use crate::domain::followup::EnteredBy;
use crate::domain::Id;
use crate::state::use_app;
use crate::ui::followup::checkin::{CheckInDraft, CheckInForm};
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
    let thanking = Memo::new(move |_| kiosk.stage.get() == Stage::Thanks);
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
        app.flush();
        request_animation_frame(move || kiosk.go(Stage::Thanks));
        Ok(())
    });
    let answering = move |_| {
        if kiosk.stage.get_untracked() == Stage::Pick {
            kiosk.stage.set(Stage::Answer(0));
        }
        kiosk.touch();
    };
    view! {
        <Show when=move || label.with(Option::is_some) fallback=|| view! {
            <h1 tabindex="-1">"Please hand the tablet back"</h1>
            <p class="kiosk-lead">"This check-in is no longer available on this device."</p>
        }>
            <Show when=move || !thanking.get() fallback=move || view! {
                <h1 tabindex="-1">"Thank you"</h1>
                <p class="kiosk-lead">"Your check-in is saved. The screen is clear for your partner."</p>
                <button type="button" class="button primary kiosk-big" on:click=move |_| kiosk.clear()>
                    "Done: ready for the next person"
                </button>
            }>
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
            </Show>
        </Show>
    }
}
