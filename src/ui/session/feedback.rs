//! "How was today's meeting?" at the end of a session: hand the tablet over for the four
//! questions, then see the counts for this meeting. No figure about fewer than k people is
//! shown, and the counts wait until the feedback is finished, so nobody's answer can be
//! worked out by looking before and after they answer. A programme on the strict setting
//! also hides answers given by fewer than k people, as its shared files do.

use super::read_session;
use crate::domain::kiosk::KioskTask;
use crate::domain::session::{FeedbackFigures, FeedbackQuestion};
use crate::domain::Id;
use crate::share::suppress::{suppress_table, Count, K};
use crate::state::use_app;
use crate::ui::kit::ErrorLine;
use leptos::prelude::*;

#[component]
pub fn FeedbackPanel(id: Id) -> impl IntoView {
    let app = use_app();
    // The programme's threshold, and its strict setting (answers given by fewer than k people
    // hidden too, with a second cell where the total would give them away), as in its files.
    let disclosure = Memo::new(move |_| {
        app.ws.with(|ws| {
            let programme = ws
                .session(id)
                .and_then(|s| ws.group(s.group()))
                .map(|(p, _)| p.id);
            ws.disclosure_of(programme)
        })
    });
    let k = Memo::new(move |_| disclosure.get().0);
    let figures = Memo::new(move |_| {
        let k = k.get();
        app.ws.with(|ws| {
            ws.session(id)
                .map(|s| (s.feedback().figures(k), s.feedback().finished))
        })
    });
    let why_not = read_session(id, |s| s.feedback_closed_reason());
    let error = RwSignal::new(None::<String>);
    let finish = move |_| {
        let r = app.edit_session(id, |s| s.finish_feedback());
        error.set(r.err().map(|e| e.0));
    };
    let reopen = move |_| {
        let k = k.get_untracked();
        let r = app.edit_session(id, |s| s.reopen_feedback(k));
        error.set(r.err().map(|e| e.0));
    };
    let status = move || {
        let Some((f, finished)) = figures.get() else {
            return ().into_any();
        };
        match f {
            FeedbackFigures::Nobody => view! {
                <p class="count" role="status">"Nobody has answered yet."</p>
            }
            .into_any(),
            FeedbackFigures::FewerThan(k) if finished => view! {
                <p class="notice" role="status">{format!("Fewer than {k} answered, so no counts are shown. Counts about so few people could point to someone.")}</p>
                <button type="button" class="button" on:click=reopen>"Take more answers"</button>
            }
            .into_any(),
            FeedbackFigures::FewerThan(k) => view! {
                <p class="count" role="status">{format!("Fewer than {k} have answered so far. Counts are shown once at least {k} people have answered and you finish.")}</p>
            }
            .into_any(),
            FeedbackFigures::Answering(n) => view! {
                <p class="count" role="status">{format!("{n} people have answered so far.")}</p>
                <p class="hint" id="finish-feedback-hint">"When everyone who wants to has answered, finish to see the counts. No more answers can be added after that, so nobody's answers can be worked out by comparing."</p>
                <button type="button" class="button primary" aria-describedby="finish-feedback-hint" on:click=finish>"Finish and show the counts"</button>
            }
            .into_any(),
            FeedbackFigures::Counts { responses, rows } => view! {
                <div class="scroll" tabindex="0" role="region" aria-label="Feedback counts">
                    <table class="grid survey-results feedback-counts stack">
                        <caption>{format!("How was today's meeting? {responses} people answered")}</caption>
                        <thead>
                            <tr>
                                <th scope="col" rowspan="2">"Question"</th>
                                <th scope="colgroup" colspan="5">"How many gave each answer"</th>
                            </tr>
                            <tr>
                                {(1..=5).map(|n| view! { <th scope="col" class="n">{n.to_string()}</th> }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {rows.into_iter().map(|(q, tally)| {
                                let (k, strict) = disclosure.get_untracked();
                                let cells: Vec<Count> = if strict {
                                    suppress_table(&tally, Some(responses), K::new(k).unwrap_or_default()).parts
                                } else {
                                    tally.iter().map(|&c| Count::Shown(c)).collect()
                                };
                                view! {
                                    <tr>
                                        <th scope="row">{q.label()}</th>
                                        {cells.into_iter().zip(1..).map(|(c, n)| view! {
                                            <td class="n" data-label=format!("Answered {n}")>{c.to_string()}</td>
                                        }).collect_view()}
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <p class="hint">"Answers go from 1 (not at all) to 5 (very much). Only these counts are kept: nobody's own answers."</p>
                <Show when=move || disclosure.get().1>
                    <p class="hint">{move || format!("This programme uses the strict setting: an answer given by fewer than {} people is hidden too, and “not shown” marks a count that would give it away.", k.get())}</p>
                </Show>
            }
            .into_any(),
        }
    };
    view! {
        <section class="panel quiet meeting-feedback" aria-labelledby="meeting-feedback-title">
            <h3 id="meeting-feedback-title">"How was today's meeting?"</h3>
            <p class="hint">
                {move || format!(
                    "Four questions, each answered from 1 to 5 on the tablet, one person at a time and with no name: {}. Only the counts are kept, and they are never shown for fewer than {} people.",
                    FeedbackQuestion::ALL.map(|q| format!("“{}”", q.statement())).join(", "),
                    k.get()
                )}
            </p>
            {status}
            <Show when=move || why_not.with(Option::is_none)>
                <crate::ui::kiosk::start::KioskStart task=KioskTask::MeetingFeedback { session: id } what="the meeting feedback" />
            </Show>
            <ErrorLine error=error />
        </section>
    }
}
