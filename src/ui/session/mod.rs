//! The live session runner: one screen per step of Sweeny's three levels of sharing, a
//! "where we are" stepper, Back and Next, a timer, and the big-type flip chart display.

mod attendance;
mod chart;
mod consent;
pub mod display;
mod feedback;
pub mod guidelines;
mod pairs;
mod points;
pub mod room_feed;
pub mod start;
mod tables;
pub mod timer;

use crate::domain::session::{Phase, Seat, Session, UNKNOWN_STEP};
use crate::domain::Id;
use crate::state::{use_app, Route, UndoAction, UndoOffer};
use crate::ui::kit::DeleteSection;
use crate::ui::not_found::{Gone, NotFound};
use leptos::prelude::*;

/// A value read from one session, recomputed only when it changes.
pub fn read_session<T>(id: Id, read: impl Fn(&Session) -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Default + Clone + Send + Sync + 'static,
{
    let app = use_app();
    Memo::new(move |_| {
        app.ws
            .with(|ws| ws.session(id).map(&read).unwrap_or_default())
    })
}

/// The name the facilitator sees for someone present. Guests have no names.
pub fn seat_names(id: Id) -> Memo<Vec<(Seat, String)>> {
    let app = use_app();
    Memo::new(move |_| {
        app.ws.with(|ws| {
            let Some(s) = ws.session(id) else {
                return Vec::new();
            };
            let programme = ws.group(s.group()).map(|(p, _)| p);
            s.people()
                .into_iter()
                .map(|seat| {
                    let name = match seat {
                        Seat::Member(m) => programme
                            .and_then(|p| p.participant(m))
                            .map(|p| p.display_name.clone())
                            .unwrap_or_else(|| "Someone no longer on the roster".into()),
                        Seat::Guest(n) => format!("Guest {n}"),
                    };
                    (seat, name)
                })
                .collect()
        })
    })
}

#[component]
pub fn SessionPage(id: Id) -> impl IntoView {
    let app = use_app();
    let exists = Memo::new(move |_| app.ws.with(|ws| ws.session(id).is_some()));
    view! {
        <Show when=move || exists.get() fallback=|| view! { <NotFound gone=Gone::Session /> }>
            <Runner id=id />
        </Show>
    }
}

#[component]
fn Runner(id: Id) -> impl IntoView {
    let app = use_app();
    let heading = Memo::new(move |_| {
        app.ws.with(|ws| {
            let s = ws.session(id)?;
            let (p, g) = ws.group(s.group())?;
            Some((
                p.id,
                p.display_name().to_string(),
                g.name.clone(),
                s.date().to_string(),
            ))
        })
    });
    let question = read_session(id, |s| s.question().text.clone());
    let phase = read_session(id, |s| s.phase());
    let panel = move || match phase.get() {
        Phase::Attendance => view! { <attendance::AttendancePanel id=id /> }.into_any(),
        Phase::Pairs => view! { <pairs::PairsPanel id=id /> }.into_any(),
        Phase::Tables => view! { <tables::TablesPanel id=id /> }.into_any(),
        Phase::ReportOut => view! { <chart::ReportOutPanel id=id /> }.into_any(),
        Phase::Agreement => view! { <chart::AgreementPanel id=id /> }.into_any(),
        Phase::Consent => view! { <consent::ConsentPanel id=id /> }.into_any(),
        Phase::Closed => view! { <consent::ClosedPanel id=id /> }.into_any(),
        // Shown instead of the runner below; nothing to run at a step not known here.
        Phase::Unknown => ().into_any(),
    };
    let unknown_step = move || phase.get() == Phase::Unknown;
    view! {
        <nav aria-label="Breadcrumb" class="breadcrumb">
            {move || heading.get().map(|(pid, name, _, _)| view! {
                <a href=Route::Programme(pid).href()>{name}</a>
            })}
        </nav>
        <h1 tabindex="-1">
            {move || heading.get().map(|(_, _, group, date)| format!("{group} · {date}"))}
        </h1>
        <div class="question-callout">
            <p class="label">"Question"</p>
            <p class="question">{move || question.get()}</p>
        </div>
        // A step a newer version added opens read-only: no step bar, Back, Next or editing,
        // so nothing can move the meeting away from a step whose rules are not known here.
        <Show when=unknown_step fallback=move || view! { <Steps id=id phase=phase panel=panel /> }>
            <p class="notice" role="status">{UNKNOWN_STEP}</p>
            <p><a class="button" href=move || heading.get().map(|(pid, ..)| Route::Programme(pid).href()).unwrap_or_default()>"Back to the programme"</a></p>
        </Show>
    }
}

/// The step bar, the step's panel, Back and Next, the timer and the display links.
#[component]
fn Steps(
    id: Id,
    phase: Memo<Phase>,
    panel: impl Fn() -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <Stepper id=id />
        <div class="session-layout">
            <div class="session-main">
                <section class="panel" aria-labelledby="phase-title">
                    <h2 id="phase-title">{move || {
                        let p = phase.get();
                        match p.level() {
                            Some(level) => format!("Step {} · {} (level {level} of sharing)", p.step(), p.label()),
                            None => format!("Step {} · {}", p.step(), p.label()),
                        }
                    }}</h2>
                    <p class="guidance">{move || phase.get().guidance()}</p>
                    {panel}
                </section>
                <PhaseNav id=id />
            </div>
            <aside class="session-side" aria-label="Timer and display">
                <timer::TimerPanel id=id />
                <p>
                    <a class="button" href=Route::Display(id).href()>"Show the flip chart on the big screen"</a>
                </p>
                <p>
                    <a class="button" href=Route::Display(id).href() target="_blank" rel="noopener">
                        "Open the flip chart in a new window"
                    </a>
                </p>
                <p class="hint">"Drag the new window to the projector: it follows this one as you work, timer included, and locks when this one locks."</p>
            </aside>
        </div>
        <DeleteSession id=id />
    }
}

/// The step bar: each step that can be opened from here is a button that goes there; a
/// step not open yet says why when tapped.
#[component]
fn Stepper(id: Id) -> impl IntoView {
    let app = use_app();
    let phase = read_session(id, |s| s.phase());
    let closed = read_session(id, |s| {
        Phase::ALL
            .into_iter()
            .map(|p| s.why_not_open(p))
            .collect::<Vec<_>>()
    });
    let said = RwSignal::new(None::<String>);
    let go = move |p: Phase| {
        let why = closed.with_untracked(|c| c.get(p.step() - 1).cloned().flatten());
        if let Some(why) = why {
            said.set(Some(why));
            return;
        }
        said.set(app.edit_session(id, |s| s.go_to(p)).err().map(|e| e.0));
        if said.with_untracked(Option::is_none) {
            scroll_to_top();
        }
    };
    view! {
        <nav aria-label="Session steps">
            <ol class="stepper">
                {Phase::ALL.into_iter().map(|p| {
                    let open = move || closed.with(|c| c.get(p.step() - 1).is_some_and(Option::is_none));
                    let state = move || {
                        let now = phase.get();
                        if p == now { "current" } else if p.step() < now.step() { "done" } else if open() { "open" } else { "todo" }
                    };
                    view! {
                        <li class=state>
                            <button type="button" class="step-button"
                                aria-current=move || (phase.get() == p).then_some("step")
                                aria-disabled=move || (!open()).then_some("true")
                                on:click=move |_| go(p)>
                                <span class="step-number">{p.step()}</span>
                                <span class="step-label">{p.label()}</span>
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <Show when=move || said.with(Option::is_some)>
                <p class="hint step-why" role="status">{move || said.get()}</p>
            </Show>
        </nav>
    }
}

/// "Delete this session": for a session started by mistake. Asks first; Undo puts it back.
#[component]
fn DeleteSession(id: Id) -> impl IntoView {
    let app = use_app();
    let programme = Memo::new(move |_| {
        app.ws.with(|ws| {
            ws.session(id)
                .and_then(|s| ws.group(s.group()))
                .map(|(p, _)| p.id)
        })
    });
    let delete = Callback::new(move |_| {
        let back = programme.get_untracked();
        let removed = app.change(|ws| ws.remove_session(id));
        if let Ok(session) = removed {
            app.undo.set(Some(UndoOffer {
                message: format!("Deleted the session of {}.", session.date()),
                restore: UndoAction::Session(Box::new(session)),
            }));
            crate::ui::go(back.map_or(Route::Programmes, Route::Programme));
        }
    });
    view! {
        <DeleteSection id="delete-session-title" heading="Started by mistake?"
            hint="Deleting the session removes its attendance, answers and flip chart from this device, and it no longer counts as a meeting held."
            label="Delete this session"
            question="Delete this session and everything recorded in it from this device? You can undo this straight away, but not later."
            on_confirm=delete class="delete-session" />
    }
}

#[component]
fn PhaseNav(id: Id) -> impl IntoView {
    let app = use_app();
    let phase = read_session(id, |s| s.phase());
    let blocker = read_session(id, |s| s.next_blocker().map(|e| e.to_string()));
    let error = RwSignal::new(None::<String>);
    let next = move |_| match app.edit_session(id, |s| s.advance()) {
        Ok(()) => {
            error.set(None);
            scroll_to_top();
        }
        Err(e) => error.set(Some(e.0)),
    };
    let back = move |_| match app.edit_session(id, |s| s.step_back()) {
        Ok(()) => {
            error.set(None);
            scroll_to_top();
        }
        Err(e) => error.set(Some(e.0)),
    };
    view! {
        <div class="phase-nav">
            <Show when=move || phase.get().previous().is_some()>
                <button type="button" class="button" on:click=back>
                    {move || format!("Back to {}", phase.get().previous().map(|p| p.label()).unwrap_or_default())}
                </button>
            </Show>
            <Show when=move || phase.get().next().is_some()>
                <button type="button" class="button primary" on:click=next
                    disabled=move || blocker.with(Option::is_some)
                    aria-describedby=move || blocker.with(Option::is_some).then_some("next-blocker")>
                    {move || format!("Next: {}", phase.get().next().map(|p| p.label()).unwrap_or_default())}
                </button>
            </Show>
            <Show when=move || blocker.with(Option::is_some) && phase.get().next().is_some()>
                <p class="hint" id="next-blocker">{move || blocker.get()}</p>
            </Show>
            <crate::ui::kit::ErrorLine error=error />
        </div>
    }
}

fn scroll_to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}
