//! The frame around every kiosk task's form: the thank-you after an answer is taken (with a
//! warning when this tablet could not store it yet), and "please hand the tablet back" when
//! the task can no longer be done here. Each task brings only its own form. `AnonymousTask`
//! adds the heading and the promise of anonymity for a task answered with no name.

use crate::state::{use_app, SaveStatus};
use crate::ui::kiosk::{Kiosk, Stage};
use leptos::prelude::*;

/// What one task's thank-you says.
#[derive(Clone, Copy)]
pub struct Thanks {
    /// The line under "Thank you" ("Your answer is in. …").
    pub lead: &'static str,
    /// The button back to an empty form ("Done: ready for the next person").
    pub done: &'static str,
    /// The warning while the answer is taken but not yet stored on this tablet.
    pub unsaved: &'static str,
}

impl Thanks {
    /// The thank-you of a task that one person after another answers at the tablet.
    pub const fn next_person(lead: &'static str, unsaved: &'static str) -> Self {
        Thanks {
            lead,
            done: "Done: ready for the next person",
            unsaved,
        }
    }
}

/// Shows `children` (the task's form) while the task can be done, the thank-you once an
/// answer was taken, and the hand-back screen when `gone` gives a reason. The thank-you comes
/// first: the last answer may itself close the task ("everyone has answered").
#[component]
pub fn KioskTask(
    kiosk: Kiosk,
    /// Why the task can no longer be done on this device; `None` while it can.
    #[prop(into)]
    gone: Signal<Option<String>>,
    thanks: Thanks,
    children: ChildrenFn,
) -> impl IntoView {
    let app = use_app();
    let thanking = Memo::new(move |_| kiosk.stage.get() == Stage::Thanks);
    // The answer is in memory and is written with the next save that works; until then the
    // people at the tablet are told, whichever task they answered.
    let unsaved = move || matches!(app.save.get(), SaveStatus::Failed(_));
    let children = StoredValue::new(children);
    view! {
        <Show when=move || !thanking.get() fallback=move || view! {
            <h1 tabindex="-1">"Thank you"</h1>
            <p class="kiosk-lead">{thanks.lead}</p>
            <Show when=unsaved>
                <p class="error" role="alert">{thanks.unsaved}</p>
            </Show>
            <button type="button" class="button primary kiosk-big" on:click=move |_| kiosk.clear()>
                {thanks.done}
            </button>
        }>
            <Show when=move || gone.with(Option::is_none) fallback=move || view! {
                <h1 tabindex="-1">"Please hand the tablet back"</h1>
                <p class="kiosk-lead">{move || gone.get()}</p>
                <p>"The facilitator can leave kiosk mode with the button at the top."</p>
            }>
                {children.read_value()()}
            </Show>
        </Show>
    }
}

/// A task that one person after another answers with no name (the meeting feedback, the
/// outcomes survey): its heading, the promise of anonymity, the form (`children`), and the
/// thank-you (`thanks`, the line under "Thank you") before the next person.
#[component]
pub fn AnonymousTask(
    kiosk: Kiosk,
    #[prop(into)] gone: Signal<Option<String>>,
    heading: &'static str,
    promise: &'static str,
    thanks: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    let thanks = Thanks::next_person(
        thanks,
        "Your answers were taken, but this tablet could not store them safely yet. Please tell the facilitator.",
    );
    let children = StoredValue::new(children);
    view! {
        <KioskTask kiosk=kiosk gone=gone thanks=thanks>
            <h1 tabindex="-1">{heading}</h1>
            <p class="kiosk-lead">{promise}</p>
            {children.read_value()()}
        </KioskTask>
    }
}
