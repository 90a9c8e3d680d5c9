//! Entering a check-in for one pair: by the facilitator, or by each partner in turn on a
//! shared tablet. The form thanks the person and clears completely after each save, so the
//! next person never sees what the last one wrote.

use super::{create, Rating};
use crate::domain::followup::{CheckIn, EnteredBy, Score};
use crate::domain::Id;
use crate::state::{use_app, Route};
use crate::ui::forming::read_date;
use crate::ui::kit::{pair_name, today, ErrorLine, Field, TextAreaField};
use leptos::html;
use leptos::prelude::*;

/// What the form hands over when someone presses Save.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CheckInDraft {
    pub date: String,
    pub going: u8,
    pub equity: u8,
    pub improve: String,
    pub by: EnteredBy,
    pub concern: bool,
}

impl CheckInDraft {
    /// The check-in to store, or the sentence saying what is missing.
    pub fn into_checkin(self, id: Id, pair: Id) -> Result<CheckIn, String> {
        let date = read_date(&self.date, "the date of the check-in")?;
        let pick = |n: u8, what: &str| {
            Score::new(n).map_err(|_| format!("Please choose from 1 to 5 for “{what}”"))
        };
        Ok(CheckIn {
            id,
            pair,
            date: Some(date),
            going: pick(self.going, "How is it going?")?,
            equity: pick(self.equity, "Are contributions equal and equitable?")?,
            improve: self.improve.trim().to_string(),
            by: self.by,
            concern: self.concern,
        })
    }
}

#[component]
pub fn CheckInPage(programme: Id, pair: Id) -> impl IntoView {
    let app = use_app();
    let label = Memo::new(move |_| {
        app.with_programme(programme, |p| pair_name(p, pair))
            .unwrap_or_default()
    });
    let raised = RwSignal::new(false);
    let save = Callback::new(move |draft: CheckInDraft| {
        let concern = draft.concern;
        create(programme, |f, id| {
            let checkin = draft
                .into_checkin(id, pair)
                .map_err(crate::domain::DomainError::Invalid)?;
            f.add_checkin(checkin)
        })
        .inspect(|_| raised.set(concern))
    });
    view! {
        <nav aria-label="Breadcrumb" class="breadcrumb">
            <a href=Route::FollowUp(programme).href()>"Back to after the meetings"</a>
        </nav>
        <h1 tabindex="-1">{move || format!("Check-in: {}", label.get())}</h1>
        <p class="lead">"Each partner can fill this in on their own, one after the other. The notes stay private: the programme view shows only whether a pair may need help."</p>
        <Show when=move || raised.get()>
            <super::safety::SafetyNotice programme=programme pair=pair />
        </Show>
        <CheckInForm on_submit=save />
        <super::checkins::PastCheckIns programme=programme pair=pair />
    }
}

/// The check-in questions as one self-contained form. `on_submit` stores the answers and
/// returns the refusal sentence, if any; on success the form thanks and clears.
#[component]
pub fn CheckInForm(
    on_submit: Callback<CheckInDraft, Result<(), String>>,
    /// On the kiosk: a partner is always the one filling it in, so the choice is not asked.
    #[prop(optional)]
    partner_only: bool,
) -> impl IntoView {
    let fresh = move || CheckInDraft {
        date: today().to_string(),
        ..CheckInDraft::default()
    };
    let draft = RwSignal::new(fresh());
    let error = RwSignal::new(None::<String>);
    let thanks = RwSignal::new(false);
    let thanks_ref = NodeRef::<html::P>::new();
    let touch = move || thanks.set(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match on_submit.run(draft.get_untracked()) {
            Ok(()) => {
                draft.set(fresh());
                error.set(None);
                thanks.set(true);
                request_animation_frame(move || {
                    if let Some(p) = thanks_ref.try_get_untracked().flatten() {
                        let _ = p.focus();
                    }
                });
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <p class="thanks" role="status" tabindex="-1" node_ref=thanks_ref>
            {move || thanks.get().then_some("Thank you: the check-in is saved. The form is clear for the next person.")}
        </p>
        <form class="panel checkin-form" on:submit=submit on:input=move |_| touch()>
            <Field id="checkin-date" label="Date of the check-in" class="narrow">
                <input type="date" id="checkin-date" prop:value=move || draft.with(|d| d.date.clone())
                    on:input=move |ev| draft.update(|d| d.date = event_target_value(&ev)) />
            </Field>
            <Rating name="checkin-going".into() legend="How is it going?"
                hint="1 = not well at all, 5 = very well."
                value=Signal::derive(move || draft.with(|d| d.going))
                on_pick=Callback::new(move |n| draft.update(|d| d.going = n)) />
            <Rating name="checkin-equity".into() legend="Are contributions equal and equitable?"
                hint="1 = very one-sided, 5 = fully equal and fair."
                value=Signal::derive(move || draft.with(|d| d.equity))
                on_pick=Callback::new(move |n| draft.update(|d| d.equity = n)) />
            <TextAreaField id="checkin-improve" label="What could improve?" rows=4
                hint="Confidential: never shown on the programme view and never in any shared file."
                value=Signal::derive(move || draft.with(|d| d.improve.clone()))
                on_input=Callback::new(move |t| draft.update(|d| d.improve = t)) />
            <label class="check concern">
                <input type="checkbox" prop:checked=move || draft.with(|d| d.concern)
                    on:change=move |ev| draft.update(|d| d.concern = event_target_checked(&ev)) />
                <span>"There is a concern about safety or wellbeing"</span>
            </label>
            <p class="hint">"Tick this and the coordinator follows it up; what you write stays private."</p>
            <fieldset class="choices" hidden=partner_only>
                <legend>"Who is filling this in?"</legend>
                <label class="check">
                    <input type="radio" name="checkin-by" prop:checked=move || draft.with(|d| d.by == EnteredBy::Facilitator)
                        on:change=move |_| draft.update(|d| d.by = EnteredBy::Facilitator) />
                    <span>"The facilitator"</span>
                </label>
                <label class="check">
                    <input type="radio" name="checkin-by" prop:checked=move || draft.with(|d| d.by == EnteredBy::Partner)
                        on:change=move |_| draft.update(|d| d.by = EnteredBy::Partner) />
                    <span>"One of the partners"</span>
                </label>
            </fieldset>
            <ErrorLine error=error />
            <button type="submit" class="button primary">"Save check-in"</button>
        </form>
    }
}
