//! "How was today's meeting?" as a kiosk task: one person at a time, no number and no name,
//! four ratings from 1 to 5. Sent answers become counts at once; unsent ones are cleared by
//! the kiosk's idle countdown like any other, and the next person starts from an empty form.

use super::Kiosk;
use crate::domain::session::{FeedbackAnswers, FeedbackQuestion};
use crate::domain::Id;
use crate::state::use_app;
use crate::ui::followup::Rating;
use crate::ui::kit::{AnonymousTask, ErrorLine};
use leptos::prelude::*;

#[component]
pub fn FeedbackTask(session: Id, kiosk: Kiosk) -> impl IntoView {
    let app = use_app();
    let answers = RwSignal::new(FeedbackAnswers::default());
    kiosk.on_restart(move || answers.set(FeedbackAnswers::default()));
    let closed = Memo::new(move |_| {
        app.ws.with(|ws| match ws.session(session) {
            Some(s) => s.feedback_closed_reason(),
            None => Some("This meeting is no longer on this device.".to_string()),
        })
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let given = answers.get_untracked();
        match app.edit_session(session, |s| s.record_feedback(&given)) {
            Ok(()) => {
                answers.set(FeedbackAnswers::default());
                kiosk.answered();
            }
            Err(e) => kiosk.error.set(Some(e.0)),
        }
    };
    view! {
        <AnonymousTask kiosk=kiosk gone=closed heading="How was today's meeting?"
            promise="Anonymous: no name is asked, and only the number of people giving each answer is kept."
            thanks="Your answers are added to the counts, with no name. The screen is clear for the next person.">
            <form class="panel survey-form" on:submit=submit on:change=move |_| kiosk.typing()>
                {FeedbackQuestion::ALL.into_iter().map(|q| view! {
                    <Rating name=format!("feedback-{q:?}").to_lowercase() legend=q.statement()
                        hint="1 = not at all, 5 = very much."
                        value=Signal::derive(move || answers.with(|a| a.get(q).unwrap_or(0)))
                        on_pick=Callback::new(move |n| answers.update(|a| a.set(q, n))) />
                }).collect_view()}
                <ErrorLine error=kiosk.error />
                <button type="submit" class="button primary kiosk-big">"Send my answers"</button>
            </form>
        </AnonymousTask>
    }
}
