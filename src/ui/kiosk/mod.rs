//! The kiosk: while a task is handed over, this is the whole app. It shows one prompt, large,
//! clears after each answer and after a quiet spell, and lets nobody elsewhere without the
//! facilitator's PIN. The rules are in `domain::kiosk`; this only paints them.

mod checkin;
mod feedback;
mod leave;
pub mod settings;
mod skills;
pub mod start;
mod survey;

use crate::domain::kiosk::{idle, Idle, KioskTask, TaskShape, TurnTask};
use crate::domain::workspace::{RecordKey, Settings};
use crate::state::{tabs, use_app, AppState, Route, TabRole};
use crate::ui::kit::{ErrorLine, Field, KioskTask, Thanks};
use leptos::prelude::*;
use std::time::Duration;

/// How long the thank-you stays before the tablet is ready for the next group.
const THANKS_MS: f64 = 6_000.0;

/// The thank-you's warning when the answer could not be stored on this tablet yet.
const UNSAVED_ANSWER: &str =
    "Your answer was taken, but this tablet could not store it safely yet. Please tell the facilitator.";

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// What the people at the tablet see. Nothing here is stored: it all goes at the next
/// reload, on purpose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// "Which pair are you?"
    Pick,
    /// Typing the answer for this pair or table.
    Answer(u32),
    /// "Thank you": shown after a submission, then back to `Pick`.
    Thanks,
    /// The facilitator's PIN prompt.
    Leaving,
}

/// Shared by the kiosk's parts: the stage, the unsent text, the last touch and the clock.
#[derive(Clone, Copy)]
pub struct Kiosk {
    app: AppState,
    pub(crate) stage: RwSignal<Stage>,
    text: RwSignal<String>,
    error: RwSignal<Option<String>>,
    last_touch: RwSignal<f64>,
    now: RwSignal<f64>,
}

impl Kiosk {
    /// Forgets everything unsent and goes back to the start.
    pub(crate) fn clear(&self) {
        self.text.set(String::new());
        self.error.set(None);
        self.stage.set(Stage::Pick);
        self.touch();
        super::focus_heading();
    }

    pub(crate) fn touch(&self) {
        let now = now_ms();
        self.last_touch.set(now);
        self.now.set(now);
    }

    fn go(&self, stage: Stage) {
        self.error.set(None);
        self.stage.set(stage);
        self.touch();
        super::focus_heading();
    }

    /// An answer was taken: it goes to storage now, and the people at the tablet see the
    /// thank-you (which warns them if this tablet could not store it).
    fn answered(&self) {
        self.app.flush();
        self.go(Stage::Thanks);
    }

    /// The same for a form that clears itself after its `on_submit` returns: the answer goes
    /// to storage now, and the thank-you replaces the form once it has finished.
    fn answered_after_form(&self) {
        self.app.flush();
        let kiosk = *self;
        request_animation_frame(move || kiosk.go(Stage::Thanks));
    }

    /// Runs `reset` whenever the kiosk is back at the start (after the thank-you, "Not you?",
    /// or idle clearing), so the next person starts from an empty form.
    fn on_restart(&self, reset: impl Fn() + 'static) {
        let stage = self.stage;
        Effect::new(move |_| {
            if stage.get() == Stage::Pick {
                reset();
            }
        });
    }

    /// Someone is filling in a one-person form: the kiosk is no longer idle at the start, so
    /// a quiet spell clears what they typed.
    fn typing(&self) {
        if self.stage.get_untracked() == Stage::Pick {
            self.stage.set(Stage::Answer(0));
        }
        self.touch();
    }

    /// The idle state, or `None` when there is nothing to clear.
    fn idle(&self, timeout_s: u32) -> Option<Idle> {
        let waiting = self.stage.get() == Stage::Pick && self.text.with(String::is_empty);
        if waiting || self.stage.get() == Stage::Thanks {
            return None;
        }
        let elapsed = (self.now.get() - self.last_touch.get()).max(0.0) as u64;
        Some(idle(timeout_s, elapsed))
    }
}

/// Another tab (a window left open on the data, a flip-chart display) learns at once when the
/// tablet enters or leaves kiosk mode, so it is covered by the kiosk too. The browser sends
/// the `storage` event only to the other tabs, never to the one that wrote.
pub fn follow_other_tabs(app: AppState) {
    use crate::state::device::{key_of, record_of_key};
    let key = key_of(RecordKey::Settings);
    // The task's session too, so a tab that only shows offers today's pairs and tables.
    let refresh_task_session = move || {
        let task = app.ws.with_untracked(|ws| ws.settings.kiosk.active);
        if let Some(task) = task.filter(|_| app.tab.get_untracked() != TabRole::Active) {
            if let Some(session) = task.session() {
                app.refresh_record(&key_of(RecordKey::Session(session)));
            }
        }
    };
    let changed_key = move |changed: &str| {
        if matches!(record_of_key(changed), Some(RecordKey::Session(_))) {
            refresh_task_session();
        }
        if changed != key {
            return;
        }
        leptos::task::spawn_local(async move {
            // Read when the reading code is here (it may be on its way); one that never
            // arrives counts as unreadable.
            let theirs = app.stored_settings().await.ok().flatten();
            let differs = |t: &Settings| app.ws.with_untracked(|ws| ws.settings.kiosk != t.kiosk);
            match theirs {
                Some(theirs) if differs(&theirs) => {
                    app.ws.update(|ws| ws.settings.kiosk = theirs.kiosk);
                    refresh_task_session();
                }
                Some(_) => {}
                // Unreadable here: a tab that only shows starts afresh from storage rather
                // than keep showing the data; a tab in charge keeps its unsaved work.
                None if app.tab.get_untracked() != TabRole::Active => {
                    if let Some(w) = web_sys::window() {
                        let _ = w.location().reload();
                    }
                }
                None => {}
            }
        });
    };
    // Local storage's event (an older Peercircle) and the durable store's own messages.
    let on_storage = changed_key.clone();
    let handle = window_event_listener(leptos::ev::storage, move |ev| {
        on_storage(&ev.key().unwrap_or_default());
    });
    crate::state::device::on_other_tab_saved(changed_key);
    on_cleanup(move || handle.remove());
}

/// The task handed over, if the tablet is in kiosk mode.
pub fn active_task() -> Memo<Option<KioskTask>> {
    let app = use_app();
    Memo::new(move |_| app.ws.with(|ws| ws.settings.kiosk.active))
}

#[component]
pub fn KioskScreen() -> impl IntoView {
    let app = use_app();
    let kiosk = Kiosk {
        app,
        stage: RwSignal::new(Stage::Pick),
        text: RwSignal::new(String::new()),
        error: RwSignal::new(None),
        last_touch: RwSignal::new(now_ms()),
        now: RwSignal::new(now_ms()),
    };
    // A flip-chart window (say, an address typed and reloaded) only shows and could not take
    // answers: it joins as an ordinary tab instead, so the kiosk always works.
    if app.tab.get_untracked() == TabRole::Viewer {
        if let Some(w) = web_sys::window() {
            let _ = w.location().set_hash(&Route::Programmes.href());
            let _ = w.location().reload();
        }
    }
    let timeout = Memo::new(move |_| app.ws.with(|ws| ws.settings.kiosk.idle_seconds()));
    // The tick stops itself if it outlives the kiosk (seen after leaving with the PIN: the
    // kiosk's signals were gone before its cleanup ran), rather than read what is gone.
    let own = std::rc::Rc::new(std::cell::Cell::new(None::<IntervalHandle>));
    let own_tick = own.clone();
    let tick = set_interval_with_handle(
        move || {
            let Some(stage) = kiosk.stage.try_get_untracked() else {
                if let Some(handle) = own_tick.get() {
                    handle.clear();
                }
                return;
            };
            let now = now_ms();
            kiosk.now.set(now);
            let since = now - kiosk.last_touch.get_untracked();
            let thanked = stage == Stage::Thanks && since >= THANKS_MS;
            if thanked || kiosk.idle(timeout.get_untracked()) == Some(Idle::Clear) {
                kiosk.clear();
            }
        },
        Duration::from_millis(1000),
    );
    if let Ok(tick) = tick {
        own.set(Some(tick));
        on_cleanup(move || tick.clear());
    }
    let task = active_task();
    let leaving = Memo::new(move |_| kiosk.stage.get() == Stage::Leaving);
    let shut_out = move || app.tab.get().is_shut_out();
    let countdown = move || match kiosk.idle(timeout.get()) {
        Some(Idle::Warning { seconds_left }) => Some(seconds_left),
        _ => None,
    };
    view! {
        <div class="kiosk" on:pointerdown=move |_| kiosk.touch() on:keydown=move |_| kiosk.touch()>
            <header class="kiosk-bar">
                <p class="kiosk-brand">"Peercircle"</p>
                <Show when=move || kiosk.stage.get() != Stage::Leaving>
                    <button type="button" class="button kiosk-facilitator"
                        on:click=move |_| kiosk.go(Stage::Leaving)>"Facilitator"</button>
                </Show>
            </header>
            <main id="main" class="kiosk-main">
                // Full screen, so nobody misses it while talking; any touch keeps what is
                // typed, and only a warning that runs out untouched clears the screen.
                <Show when=move || countdown().is_some()>
                    <div class="kiosk-idle" role="alertdialog" aria-modal="true"
                        aria-labelledby="kiosk-idle-title" aria-describedby="kiosk-idle-text">
                        <h2 id="kiosk-idle-title">"Are you still there?"</h2>
                        <p id="kiosk-idle-text" role="status">{move || format!(
                            "What is on screen will be cleared in {}, so the next person sees nothing of it.",
                            leave::seconds_in_words(u64::from(countdown().unwrap_or(0))))}</p>
                        <button type="button" class="button primary kiosk-big" on:click=move |_| kiosk.touch()>
                            "We're still here"
                        </button>
                    </div>
                </Show>
                <Show when=shut_out>
                    <div class="banner warn" role="alert">
                        <p>"The kiosk is open in another tab or window of this browser. Answers can be given in one place only."</p>
                        <button type="button" class="button primary" on:click=move |_| tabs::take_over(app)
                            disabled=move || app.tab.get() == TabRole::TakingOver>"Use the kiosk here"</button>
                    </div>
                </Show>
                // Rebuilt only when the PIN prompt opens or closes, or the task changes: each
                // task follows the stage itself, so nothing typed is lost on a stage change.
                {move || match (leaving.get(), task.get()) {
                    (true, _) => view! { <leave::LeavePrompt kiosk=kiosk /> }.into_any(),
                    (false, Some(task)) => view! { <TaskScreen task=task kiosk=kiosk /> }.into_any(),
                    (false, None) => ().into_any(),
                }}
            </main>
        </div>
    }
}

/// The one place the UI matches on the task kind: add a render arm here for a new kind.
#[component]
fn TaskScreen(task: KioskTask, kiosk: Kiosk) -> impl IntoView {
    match task.describe() {
        TaskShape::Turns(turns) => view! { <TurnScreen turns=turns kiosk=kiosk /> }.into_any(),
        TaskShape::Survey { programme, point } => {
            view! { <survey::SurveyTask programme=programme point=point kiosk=kiosk /> }.into_any()
        }
        TaskShape::CheckIn { programme, pair } => {
            view! { <checkin::CheckInTask programme=programme pair=pair kiosk=kiosk /> }.into_any()
        }
        TaskShape::SkillsEntry { programme } => {
            view! { <skills::SkillsTask programme=programme kiosk=kiosk /> }.into_any()
        }
        TaskShape::Feedback { session } => {
            view! { <feedback::FeedbackTask session=session kiosk=kiosk /> }.into_any()
        }
        TaskShape::Unknown => view! {
            <p role="status">"This tablet was set up for a task this version of Peercircle does not know. Please hand it back to the facilitator."</p>
        }
        .into_any(),
    }
}

/// A task answered one pair or table at a time: pick your number, answer, thank you.
#[component]
fn TurnScreen(turns: TurnTask, kiosk: Kiosk) -> impl IntoView {
    let app = use_app();
    let numbers = Memo::new(move |_| app.ws.with(|ws| turns.numbers(ws.session(turns.session))));
    let question = Memo::new(move |_| {
        app.ws.with(|ws| {
            ws.session(turns.session)
                .map(|s| s.question().text.clone())
                .unwrap_or_default()
        })
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Stage::Answer(number) = kiosk.stage.get_untracked() else {
            return;
        };
        let text = kiosk.text.get_untracked();
        match app.edit_session(turns.session, |s| turns.submit(s, number, &text)) {
            Ok(()) => {
                kiosk.text.set(String::new());
                kiosk.answered();
            }
            Err(e) => kiosk.error.set(Some(e.0)),
        }
    };
    let gone = Signal::derive(move || numbers.with(|n| n.as_ref().err().map(|e| e.to_string())));
    let thanks = Thanks {
        lead: "Your answer is in. The screen is clear for the next group.",
        done: "Done: ready for the next group",
        unsaved: UNSAVED_ANSWER,
    };
    view! {
        <KioskTask kiosk=kiosk gone=gone thanks=thanks>
        {move || match (numbers.get(), kiosk.stage.get()) {
            (Ok(list), Stage::Answer(number)) if list.contains(&number) => view! {
                <form class="kiosk-form" on:submit=submit>
                    <h1 tabindex="-1">{turns.name(number)}</h1>
                    <p class="kiosk-question">{move || question.get()}</p>
                    <Field id="kiosk-answer" label=turns.box_label>
                        <p class="hint" id="kiosk-answer-hint">{turns.adds_note()}</p>
                        <textarea id="kiosk-answer" rows="6" autocomplete="off" spellcheck="true"
                            aria-describedby="kiosk-answer-hint"
                            prop:value=move || kiosk.text.get()
                            on:input=move |ev| { kiosk.text.set(event_target_value(&ev)); kiosk.touch(); }></textarea>
                    </Field>
                    <ErrorLine error=kiosk.error />
                    <div class="actions">
                        <button type="submit" class="button primary kiosk-big">"Submit"</button>
                        <button type="button" class="button kiosk-big" on:click=move |_| kiosk.clear()>
                            {format!("Not {}? Start again", turns.name(number))}
                        </button>
                    </div>
                </form>
            }.into_any(),
            (list, _) => view! {
                <h1 tabindex="-1">{format!("Which {} are you?", turns.unit.to_lowercase())}</h1>
                <p class="kiosk-question">{move || question.get()}</p>
                <ul class="kiosk-picks" role="list" aria-label=format!("{}s", turns.unit.to_lowercase())>
                    {list.unwrap_or_default().into_iter().map(|n| view! {
                        <li><button type="button" class="button kiosk-pick"
                            on:click=move |_| kiosk.go(Stage::Answer(n))>{turns.name(n)}</button></li>
                    }).collect_view()}
                </ul>
            }.into_any(),
        }}
        </KioskTask>
    }
}
