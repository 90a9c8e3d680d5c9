//! The facilitator's way out of the kiosk: the PIN, with the growing wait after wrong tries
//! (the rule is `KioskSettings::try_leave`; the wait is stored, so a reload keeps it).

use super::{now_ms, Kiosk};
use crate::domain::kiosk::{KioskTask, PinOutcome};
use crate::domain::DomainError;
use crate::state::{use_app, Route};
use crate::ui::kit::Field;
use leptos::prelude::*;

/// The facilitator's way out: the PIN, with the growing wait after wrong tries.
#[component]
pub(super) fn LeavePrompt(kiosk: Kiosk) -> impl IntoView {
    let app = use_app();
    let pin = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let wait = Memo::new(move |_| {
        let now = kiosk.now.get() as u64;
        app.ws.with(|ws| ws.settings.kiosk.wait_seconds(now))
    });
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = pin.get_untracked();
        pin.set(String::new());
        let now = now_ms() as u64;
        let session = app
            .ws
            .with_untracked(|ws| ws.settings.kiosk.active.and_then(KioskTask::session));
        let outcome =
            app.change(|ws| Ok::<_, DomainError>(ws.settings.kiosk.try_leave(&typed, now)));
        // Wrong tries are written at once, so closing or reloading the page keeps the wait.
        app.flush();
        kiosk.now.set(now_ms());
        match outcome {
            Ok(PinOutcome::Opened) => {
                let to = session.map_or(Route::Programmes, Route::Session);
                app.route.set(to);
                crate::ui::go(to);
            }
            Ok(PinOutcome::Wrong { tries_before_wait }) => message.set(Some(format!(
                "That PIN is not right. {tries_before_wait} more {} before a wait.",
                if tries_before_wait == 1 {
                    "try"
                } else {
                    "tries"
                }
            ))),
            Ok(PinOutcome::WrongWait { .. }) => {
                message.set(Some("That PIN is not right.".to_string()))
            }
            Ok(PinOutcome::Waiting { .. }) => message.set(None),
            Err(e) => message.set(Some(e.to_string())),
        }
        if let Some(input) = input_ref.get_untracked() {
            let _ = input.focus();
        }
    };
    view! {
        <form class="kiosk-form kiosk-pin" on:submit=submit>
            <h1 tabindex="-1">"Leave kiosk mode"</h1>
            <p class="kiosk-lead">"For the facilitator: type your PIN to go back to Peercircle."</p>
            <Field id="kiosk-pin" label="Facilitator PIN">
                <input id="kiosk-pin" class="pin" type="password" inputmode="numeric" autocomplete="off"
                    maxlength="8" node_ref=input_ref
                    aria-describedby="kiosk-pin-message"
                    disabled=move || { wait.get() > 0 }
                    prop:value=move || pin.get()
                    on:input=move |ev| pin.set(event_target_value(&ev)) />
            </Field>
            <div id="kiosk-pin-message" role="alert">
                <Show when=move || message.with(Option::is_some)>
                    <p class="error">{move || message.get()}</p>
                </Show>
                <Show when=move || { wait.get() > 0 }>
                    <p class="error">{move || format!(
                        "Too many wrong tries. Please wait {} before trying again.",
                        seconds_in_words(wait.get()))}</p>
                </Show>
            </div>
            <div class="actions">
                <button type="submit" class="button primary kiosk-big" disabled=move || { wait.get() > 0 }>
                    "Leave kiosk mode"
                </button>
                <button type="button" class="button kiosk-big" on:click=move |_| kiosk.clear()>
                    "Back to the kiosk"
                </button>
            </div>
        </form>
    }
}

/// "45 seconds", "2 minutes 5 seconds".
pub(super) fn seconds_in_words(seconds: u64) -> String {
    let (m, s) = (seconds / 60, seconds % 60);
    let unit = |n: u64, one: &str, many: &str| crate::ui::kit::plural(n, one, many);
    match (m, s) {
        (0, s) => unit(s, "second", "seconds"),
        (m, 0) => unit(m, "minute", "minutes"),
        (m, s) => format!(
            "{} {}",
            unit(m, "minute", "minutes"),
            unit(s, "second", "seconds")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::seconds_in_words;

    #[test]
    fn waits_read_naturally() {
        assert_eq!(seconds_in_words(1), "1 second");
        assert_eq!(seconds_in_words(30), "30 seconds");
        assert_eq!(seconds_in_words(60), "1 minute");
        assert_eq!(seconds_in_words(125), "2 minutes 5 seconds");
    }
}
