//! Handing the tablet over: from the session's pairs or tables step, the facilitator starts
//! kiosk mode for one task, setting a PIN first if there is none.

use crate::domain::kiosk::{KioskTask, PinHash, PinProblem};
use crate::state::use_app;
use crate::ui::kit::Field;
use leptos::prelude::*;

/// A new PIN from two typed copies, with a fresh random salt from the browser.
pub fn new_pin(pin: &str, again: &str) -> Result<PinHash, String> {
    let mut salt = [0u8; 16];
    if !crate::state::device::random_bytes(&mut salt) {
        return Err(PinProblem::Hashing.to_string());
    }
    PinHash::new(pin, again, salt).map_err(|e| e.to_string())
}

/// Two PIN boxes: the PIN and the same again.
#[component]
pub fn NewPinFields(
    prefix: &'static str,
    pin: RwSignal<String>,
    again: RwSignal<String>,
    first_label: &'static str,
) -> impl IntoView {
    let first_id = format!("{prefix}-pin");
    let again_id = format!("{prefix}-pin-again");
    let hint_id = format!("{prefix}-pin-hint");
    view! {
        <Field id=first_id.clone() label=first_label>
            <p class="hint" id=hint_id.clone()>"4 to 8 digits. You will need it to leave kiosk mode."</p>
            <input id=first_id class="pin" type="password" inputmode="numeric" autocomplete="new-password"
                maxlength="8" aria-describedby=hint_id prop:value=move || pin.get()
                on:input=move |ev| pin.set(event_target_value(&ev)) />
        </Field>
        <Field id=again_id.clone() label="Type the PIN again">
            <input id=again_id class="pin" type="password" inputmode="numeric" autocomplete="new-password"
                maxlength="8" prop:value=move || again.get()
                on:input=move |ev| again.set(event_target_value(&ev)) />
        </Field>
    }
}

/// "Hand the tablet over": opens a short form, then switches the app to the kiosk.
#[component]
pub fn KioskStart(task: KioskTask, what: &'static str) -> impl IntoView {
    let app = use_app();
    let open = RwSignal::new(false);
    let pin = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let has_pin = Memo::new(move |_| app.ws.with(|ws| ws.settings.kiosk.pin.is_some()));
    let idle = Memo::new(move |_| app.ws.with(|ws| ws.settings.kiosk.idle_seconds()));
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = if has_pin.get_untracked() {
            None
        } else {
            match new_pin(&pin.get_untracked(), &again.get_untracked()) {
                Ok(hash) => Some(hash),
                Err(why) => {
                    error.set(Some(why));
                    return;
                }
            }
        };
        let started = app.change(|ws| {
            if let Some(hash) = chosen {
                ws.settings.kiosk.pin = Some(hash);
            }
            ws.settings
                .kiosk
                .start(task)
                .map_err(|e| crate::state::Refusal(e.to_string()))
        });
        match started {
            Ok(()) => {
                app.flush();
                pin.set(String::new());
                again.set(String::new());
                super::super::focus_heading();
            }
            Err(e) => error.set(Some(e.0)),
        }
    };
    view! {
        <div class="kiosk-start">
            <Show when=move || !open.get()>
                <button type="button" class="button"
                    on:click=move |_| open.set(true)>{format!("Hand the tablet over for {what}")}</button>
            </Show>
            <Show when=move || open.get()>
                <form class="panel quiet" on:submit=start>
                    <h3>{format!("Kiosk mode for {what}")}</h3>
                    <p>{task.setup_text()}</p>
                    <p>{move || format!(
                        "Anything left unsent is cleared after {} without a touch, with a full-screen \
                         warning first (you can change this in Settings).",
                        super::leave::seconds_in_words(u64::from(idle.get())))}</p>
                    <Show when=move || !has_pin.get()>
                        <NewPinFields prefix="kiosk-start" pin=pin again=again first_label="Choose a facilitator PIN" />
                        <p class="hint">
                            "Keep the PIN to yourself. If it is forgotten, the only way out of kiosk mode is \
                             to clear this browser's data for Peercircle, which deletes everything not in a backup."
                        </p>
                    </Show>
                    <Show when=move || has_pin.get()>
                        <p>"You will need your facilitator PIN to leave kiosk mode."</p>
                    </Show>
                    <crate::ui::kit::ErrorLine error=error />
                    <div class="actions">
                        <button type="submit" class="button primary">"Start kiosk mode"</button>
                        <button type="button" class="button" on:click=move |_| {
                            open.set(false);
                            error.set(None);
                        }>"Cancel"</button>
                    </div>
                </form>
            </Show>
        </div>
    }
}
