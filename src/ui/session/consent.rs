//! Step 6: Sweeny's consent question, asked of the room, and a decision per item. Internal
//! only is the default; one objection keeps an item inside the group. Step 7: the summary.

use super::read_session;
use crate::domain::session::ConsentDecision;
use crate::domain::Id;
use crate::state::{use_app, Route};
use crate::ui::kit::plural;
use leptos::prelude::*;

#[component]
pub fn ConsentPanel(id: Id) -> impl IntoView {
    let question = read_session(id, |s| s.consent_question().to_string());
    let items = read_session(id, |s| {
        s.items().iter().map(|i| i.number).collect::<Vec<_>>()
    });
    let shared = read_session(id, |s| (s.shareable_items().len(), s.items().len()));
    view! {
        <div class="consent-question">
            <p class="label">"Ask the room"</p>
            <p class="question">{move || question.get()}</p>
        </div>
        <p class="count" role="status">{move || {
            let (yes, all) = shared.get();
            format!("{yes} of {all} items may be shared outside the programme. The rest stay inside the group.")
        }}</p>
        <ol class="chart-items" role="list">
            <For each=move || items.get() key=|n| *n let:n>
                <ConsentItem id=id number=n />
            </For>
        </ol>
    }
}

#[component]
fn ConsentItem(id: Id, number: u32) -> impl IntoView {
    let app = use_app();
    let item = read_session(id, move |s| s.item(number).ok().cloned());
    let shown = read_session(id, move |s| s.shown_number(number));
    let error = RwSignal::new(None::<String>);
    let today = crate::ui::kit::today();
    let decide = move |decision: ConsentDecision| {
        let result = app.edit_session(id, |s| match decision {
            ConsentDecision::Shareable => s.mark_shareable(number, today),
            ConsentDecision::InternalOnly | ConsentDecision::Unknown => {
                s.mark_internal(number, today)
            }
        });
        error.set(result.err().map(|e| e.0));
    };
    let objected = move || item.with(|i| i.as_ref().is_some_and(|i| i.consent.objection));
    let shareable = move || item.with(|i| i.as_ref().is_some_and(|i| i.is_shareable()));
    let name = format!("consent-{number}");
    view! {
        <li class="card consent-item">
            <fieldset>
                <legend>{move || item.with(|i| i.as_ref().map(|i| format!("Item {}: {}", shown.get(), i.text)))}</legend>
                <div class="choice">
                    <label class="check">
                        <input type="radio" name=name.clone() prop:checked=shareable disabled=objected
                            on:change=move |_| decide(ConsentDecision::Shareable) />
                        <span>"May be shared"</span>
                    </label>
                    <label class="check">
                        <input type="radio" name=name.clone() prop:checked=move || !shareable()
                            on:change=move |_| decide(ConsentDecision::InternalOnly) />
                        <span>"Internal only"</span>
                    </label>
                </div>
                <Show
                    when=objected
                    fallback=move || view! {
                        <button type="button" class="button danger-outline" on:click=move |_| {
                            error.set(app.edit_session(id, |s| s.record_objection(number, today)).err().map(|e| e.0));
                        }>{move || format!("Someone objected to item {}", shown.get())}</button>
                    }
                >
                    <p class="tag">"Someone objected, so this item stays inside the group."</p>
                    <button type="button" class="button" on:click=move |_| {
                        error.set(app.edit_session(id, |s| s.clear_objection(number)).err().map(|e| e.0));
                    }>{move || format!("Clear the objection to item {}", shown.get())}</button>
                </Show>
                <Show when=move || item.with(|i| i.as_ref().is_some_and(|i| i.consent.decided_on.is_some()))>
                    <p class="meta">{move || item.with(|i| i.as_ref().and_then(|i| i.consent.decided_on).map(|d| format!("Decided on {d}")))}</p>
                </Show>
            </fieldset>
            <crate::ui::kit::ErrorLine error=error />
        </li>
    }
}

#[component]
pub fn ClosedPanel(id: Id) -> impl IntoView {
    let summary = read_session(id, |s| Some(s.summary()));
    view! {
        {move || summary.get().map(|s| view! {
            <dl class="summary">
                <dt>"People present"</dt><dd>{format!("{} ({} from the roster, {} guests)", s.people_present, s.members_present, s.guests)}</dd>
                <dt>"Pairs"</dt><dd>{s.pairs}</dd>
                <dt>"Tables"</dt><dd>{s.tables}</dd>
                <dt>"Flip-chart items"</dt><dd>{format!("{} ({}, {})", s.items, plural(s.merged_answers, "answer merged", "answers merged"), plural(s.minority_items, "minority report", "minority reports"))}</dd>
                <dt>"Highest agreement"</dt><dd>{s.highest_agreement}</dd>
                <dt>"May be shared"</dt><dd>{format!("{} of {} items", s.shareable_items, s.items)}</dd>
                <dt>"Objections"</dt><dd>{s.objections}</dd>
            </dl>
        })}
        <p class="hint">"Everything is saved on this device. Step back at any time to correct something."</p>
        <super::feedback::FeedbackPanel id=id />
        <NextSteps id=id />
    }
}

/// Where a facilitator usually goes after a meeting.
#[component]
fn NextSteps(id: Id) -> impl IntoView {
    let app = use_app();
    let place = Memo::new(move |_| {
        app.ws.with(|ws| {
            ws.session(id)
                .and_then(|s| ws.group(s.group()))
                .map(|(p, g)| (p.id, g.id))
        })
    });
    view! {
        {move || place.get().map(|(programme, group)| view! {
            <nav class="next-steps" aria-labelledby="next-steps-title">
                <h3 id="next-steps-title">"What next?"</h3>
                <ul role="list" class="link-list">
                    <li><a class="button primary" href=Route::Share(programme).href()>"Make testimonies and share the results"</a></li>
                    <li><a class="button" href=Route::FollowUp(programme).href()>"Start follow-up plans"</a></li>
                    <li><a class="button" href=Route::Group(programme, group).href()>"Back to the group"</a></li>
                </ul>
            </nav>
        })}
    }
}
