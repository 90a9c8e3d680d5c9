//! The outcomes survey as a kiosk task: one person at a time, no number and no name. Unsent
//! answers are cleared by the kiosk's idle countdown like any other; after sending, the
//! kiosk thanks the person and the next one starts from an empty form.

use super::Kiosk;
use crate::domain::followup::SurveyAnswers;
use crate::domain::Id;
use crate::state::use_app;
use crate::ui::followup::survey::SurveyForm;
use crate::ui::kit::AnonymousTask;
use leptos::prelude::*;

#[component]
pub fn SurveyTask(programme: Id, point: Id, kiosk: Kiosk) -> impl IntoView {
    let app = use_app();
    let answers = RwSignal::new(SurveyAnswers::default());
    kiosk.on_restart(move || answers.set(SurveyAnswers::default()));
    let gone = Memo::new(move |_| {
        let exists = app
            .with_programme(programme, |p| p.followup.survey.point(point).is_some())
            .unwrap_or(false);
        (!exists).then(|| "This survey is no longer available on this device.".to_string())
    });
    let save = Callback::new(move |given: SurveyAnswers| {
        super::super::followup::change(programme, |f| f.survey.record(point, &given))?;
        kiosk.answered_after_form();
        Ok(())
    });
    view! {
        <AnonymousTask kiosk=kiosk gone=gone heading="How is the programme working for you?"
            promise="This survey is anonymous: no name is asked and nothing links your answers to you."
            thanks="Your answers are added, with no name. The screen is clear for the next person.">
            <div on:change=move |_| kiosk.typing()>
                <SurveyForm on_submit=save answers=answers />
            </div>
        </AnonymousTask>
    }
}
