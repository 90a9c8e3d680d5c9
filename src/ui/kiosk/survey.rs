//! The outcomes survey as a kiosk task: one person at a time, no number and no name. Unsent
//! answers are cleared by the kiosk's idle countdown like any other; after sending, the
//! kiosk thanks the person and the next one starts from an empty form.

use super::{Kiosk, Stage};
use crate::domain::followup::SurveyAnswers;
use crate::domain::Id;
use crate::state::use_app;
use crate::ui::followup::survey::SurveyForm;
use leptos::prelude::*;

#[component]
pub fn SurveyTask(programme: Id, point: Id, kiosk: Kiosk) -> impl IntoView {
    let app = use_app();
    let answers = RwSignal::new(SurveyAnswers::default());
    // The kiosk clearing (idle, or "Done") puts it back to the start: so does the form.
    Effect::new(move |_| {
        if kiosk.stage.get() == Stage::Pick {
            answers.set(SurveyAnswers::default());
        }
    });
    let exists = Memo::new(move |_| {
        app.ws.with(|ws| {
            ws.programme(programme)
                .is_some_and(|p| p.followup.survey.point(point).is_some())
        })
    });
    let thanking = Memo::new(move |_| kiosk.stage.get() == Stage::Thanks);
    let save = Callback::new(move |given: SurveyAnswers| {
        super::super::followup::change(programme, |f| f.survey.record(point, &given))?;
        app.flush();
        // After the form has finished its own submit handling, which this replaces.
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
        <Show when=move || exists.get() fallback=|| view! {
            <h1 tabindex="-1">"Please hand the tablet back"</h1>
            <p class="kiosk-lead">"This survey is no longer available on this device."</p>
        }>
            <Show when=move || !thanking.get() fallback=move || view! {
                <h1 tabindex="-1">"Thank you"</h1>
                <p class="kiosk-lead">"Your answers are added, with no name. The screen is clear for the next person."</p>
                <button type="button" class="button primary kiosk-big" on:click=move |_| kiosk.clear()>
                    "Done: ready for the next person"
                </button>
            }>
                <h1 tabindex="-1">"How is the programme working for you?"</h1>
                <p class="kiosk-lead">"This survey is anonymous: no name is asked and nothing links your answers to you."</p>
                <div on:change=answering>
                    <SurveyForm on_submit=save answers=answers />
                </div>
            </Show>
        </Show>
    }
}
