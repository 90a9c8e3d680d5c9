//! Kiosk settings: the facilitator PIN and how long the kiosk waits before clearing
//! unsent input. Mounted from the Settings page.

use super::start::{new_pin, NewPinFields};
use crate::domain::kiosk::{MAX_IDLE_SECONDS, MIN_IDLE_SECONDS};
use crate::domain::DomainError;
use crate::state::{use_app, Refusal};
use crate::ui::kit::Field;
use leptos::prelude::*;

#[component]
pub fn KioskSettingsPanel() -> impl IntoView {
    let app = use_app();
    let has_pin = Memo::new(move |_| app.ws.with(|ws| ws.settings.kiosk.pin.is_some()));
    let pin = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let pin_error = RwSignal::new(None::<String>);
    let pin_saved = RwSignal::new(None::<String>);
    let save_pin = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        pin_saved.set(None);
        let outcome = new_pin(&pin.get_untracked(), &again.get_untracked()).and_then(|hash| {
            app.change(|ws| {
                ws.settings.kiosk.pin = Some(hash);
                ws.settings.kiosk.failures = 0;
                ws.settings.kiosk.locked_until_ms = 0;
                Ok::<_, DomainError>(())
            })
            .map_err(|e| e.to_string())
        });
        match outcome {
            Ok(()) => {
                pin.set(String::new());
                again.set(String::new());
                pin_error.set(None);
                pin_saved.set(Some("The new PIN is saved.".to_string()));
            }
            Err(why) => pin_error.set(Some(why)),
        }
    };
    let stored_idle = Memo::new(move |_| app.ws.with(|ws| ws.settings.kiosk.idle_seconds()));
    let idle_text = RwSignal::new(None::<String>);
    let idle_error = RwSignal::new(None::<String>);
    let edit_idle = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let outcome = match text.trim().parse::<u32>() {
            Ok(seconds) => app
                .change(|ws| {
                    ws.settings
                        .kiosk
                        .set_idle_seconds(seconds)
                        .map_err(|e| Refusal(e.to_string()))
                })
                .map_err(|e| e.0),
            Err(_) => Err(format!(
                "Please type a number of seconds, from {MIN_IDLE_SECONDS} to {MAX_IDLE_SECONDS}."
            )),
        };
        match outcome {
            Ok(()) => {
                idle_text.set(None);
                idle_error.set(None);
            }
            Err(why) => {
                idle_text.set(Some(text));
                idle_error.set(Some(why));
            }
        }
    };
    view! {
        <section class="panel" aria-labelledby="kiosk-settings-title">
            <h2 id="kiosk-settings-title">"Kiosk mode for a shared tablet"</h2>
            <p>
                "From a session's pairs or tables step you can hand the tablet over: it then shows \
                 only the question and an empty answer box, and clears after each answer. Leaving \
                 kiosk mode needs the facilitator PIN."
            </p>
            <p>{move || if has_pin.get() {
                "A facilitator PIN is set. Only a scrambled form of it is stored."
            } else {
                "No facilitator PIN is set yet. You will be asked for one when you first start kiosk mode."
            }}</p>
            <form class="kiosk-pin-form" on:submit=save_pin>
                <NewPinFields prefix="settings-kiosk" pin=pin again=again
                    first_label=if has_pin.get_untracked() { "New facilitator PIN" } else { "Facilitator PIN" } />
                <crate::ui::kit::ErrorLine error=pin_error />
                <Show when=move || pin_saved.with(Option::is_some)>
                    <p role="status">{move || pin_saved.get()}</p>
                </Show>
                <button type="submit" class="button">"Save PIN"</button>
            </form>
            <Field id="kiosk-idle" label="Clear unsent input after this many seconds without a touch" class="idle-field">
                <p class="hint" id="kiosk-idle-hint">{format!(
                    "From {MIN_IDLE_SECONDS} to {MAX_IDLE_SECONDS} seconds (10 minutes). A full-screen warning \
                     with a “We're still here” button shows for the last 30 seconds first.")}</p>
                <input id="kiosk-idle" type="number" inputmode="numeric"
                    min=MIN_IDLE_SECONDS.to_string() max=MAX_IDLE_SECONDS.to_string()
                    aria-describedby="kiosk-idle-hint"
                    aria-invalid=move || idle_error.with(Option::is_some).then_some("true")
                    prop:value=move || idle_text.get().unwrap_or_else(|| stored_idle.get().to_string())
                    on:change=edit_idle />
                <crate::ui::kit::ErrorLine error=idle_error />
            </Field>
            <p class="hint">
                "A web page cannot stop someone pressing the home button. To keep the tablet on \
                 Peercircle, pin the browser too (see “Kiosk mode” in the README: iPad Guided \
                 Access, Android screen pinning, or a Chrome or Edge kiosk policy)."
            </p>
        </section>
    }
}
