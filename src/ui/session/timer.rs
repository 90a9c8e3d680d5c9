//! A countdown per step of a session, shared by the runner and the big-screen display, with
//! an optional soft chime made in the browser (no sound file is ever downloaded).

use super::read_session;
use crate::domain::session::Phase;
use crate::domain::timer::Countdown;
use crate::domain::Id;
use crate::state::{use_app, Refusal};
use crate::ui::kit::Field;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// Timers live in memory: a reload mid-meeting keeps every answer but not the clock.
#[derive(Clone, Copy)]
pub struct SessionTimers {
    pub timers: RwSignal<BTreeMap<(Id, Phase), Countdown>>,
    pub now: RwSignal<f64>,
    rung: RwSignal<BTreeMap<(Id, Phase), bool>>,
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

impl SessionTimers {
    pub fn provide() {
        let timers = SessionTimers {
            timers: RwSignal::new(BTreeMap::new()),
            now: RwSignal::new(now_ms()),
            rung: RwSignal::new(BTreeMap::new()),
        };
        provide_context(timers);
        let app = use_app();
        let tick = set_interval_with_handle(
            move || {
                let now = now_ms();
                let running = timers
                    .timers
                    .with_untracked(|t| t.values().any(Countdown::is_running));
                if !running {
                    return;
                }
                timers.now.set(now);
                let finished: Vec<(Id, Phase)> = timers.timers.with_untracked(|t| {
                    t.iter()
                        .filter(|(_, c)| c.is_running() && c.is_finished(now))
                        .map(|(k, _)| *k)
                        .collect()
                });
                for key in finished {
                    let already = timers
                        .rung
                        .with_untracked(|r| r.get(&key).copied().unwrap_or(false));
                    if !already {
                        timers.rung.update(|r| {
                            r.insert(key, true);
                        });
                        if app.ws.with_untracked(|ws| ws.settings.chime) {
                            chime::play();
                        }
                    }
                }
            },
            std::time::Duration::from_millis(250),
        );
        if let Ok(handle) = tick {
            on_cleanup(move || handle.clear());
        }
    }

    /// Whether any step's countdown is running (auto-lock waits while one is).
    pub fn any_running(&self) -> bool {
        self.timers
            .with_untracked(|t| t.values().any(Countdown::is_running))
    }

    fn change(&self, key: (Id, Phase), f: impl FnOnce(&mut Countdown, f64)) {
        let now = now_ms();
        self.now.set(now);
        self.timers.update(|t| f(t.entry(key).or_default(), now));
        let finished = self
            .timers
            .with_untracked(|t| t.get(&key).is_some_and(|c| c.is_finished(now)));
        if !finished {
            self.rung.update(|r| {
                r.remove(&key);
            });
        }
    }
}

pub fn use_timers() -> SessionTimers {
    expect_context::<SessionTimers>()
}

/// The clock face for the current step, for the runner and the display.
pub fn clock(id: Id) -> Signal<Option<(String, f64, bool)>> {
    let timers = use_timers();
    let phase = read_session(id, |s| s.phase());
    Signal::derive(move || {
        let now = timers.now.get();
        timers.timers.with(|t| {
            t.get(&(id, phase.get()))
                .filter(|c| c.is_set())
                .map(|c| (c.clock(now), c.fraction_used(now), c.is_finished(now)))
        })
    })
}

#[component]
pub fn TimerPanel(id: Id) -> impl IntoView {
    let app = use_app();
    let timers = use_timers();
    let phase = read_session(id, |s| s.phase());
    let minutes = RwSignal::new("5".to_string());
    let error = RwSignal::new(None::<String>);
    let face = clock(id);
    let running = move || {
        timers
            .timers
            .with(|t| t.get(&(id, phase.get())).is_some_and(Countdown::is_running))
    };
    let start = move |_| {
        chime::prepare();
        let key = (id, phase.get_untracked());
        let exists = timers
            .timers
            .with_untracked(|t| t.get(&key).is_some_and(Countdown::is_set));
        if !exists {
            match minutes
                .get_untracked()
                .trim()
                .parse::<u32>()
                .map_err(|_| ())
                .and_then(|m| Countdown::minutes(m).map_err(|_| ()))
            {
                Ok(c) => timers.timers.update(|t| {
                    t.insert(key, c);
                }),
                Err(()) => {
                    error.set(Some(
                        Refusal::from(crate::domain::timer::TimerError::OutOfRange).0,
                    ));
                    return;
                }
            }
        }
        error.set(None);
        timers.change(key, |c, now| c.start(now));
    };
    let pause = move |_| timers.change((id, phase.get_untracked()), |c, now| c.pause(now));
    let more = move |_| timers.change((id, phase.get_untracked()), |c, now| c.add_minute(now));
    let reset = move |_| {
        timers.timers.update(|t| {
            t.remove(&(id, phase.get_untracked()));
        });
    };
    let chime_on = Memo::new(move |_| app.ws.with(|ws| ws.settings.chime));
    view! {
        <section class="panel timer" aria-labelledby="timer-title">
            <h2 id="timer-title">{move || format!("Timer for {}", phase.get().label())}</h2>
            <Show
                when=move || face.with(Option::is_some)
                fallback=move || view! {
                    <Field id="timer-minutes" label="Minutes" class="narrow">
                        <input id="timer-minutes" type="number" min="1" max="240" inputmode="numeric"
                            prop:value=move || minutes.get() on:input=move |ev| minutes.set(event_target_value(&ev)) />
                    </Field>
                }
            >
                <p class="clock" class:done=move || face.with(|f| f.as_ref().is_some_and(|f| f.2))>
                    {move || face.get().map(|f| f.0)}
                </p>
                <progress max="1" aria-label="Time used" prop:value=move || face.get().map(|f| f.1).unwrap_or(0.0)></progress>
                <Show when=move || face.with(|f| f.as_ref().is_some_and(|f| f.2))>
                    <p role="status" class="times-up">"Time is up."</p>
                </Show>
            </Show>
            <div class="actions">
                <Show when=running fallback=move || view! { <button type="button" class="button primary" on:click=start>"Start"</button> }>
                    <button type="button" class="button" on:click=pause>"Pause"</button>
                </Show>
                <Show when=move || face.with(Option::is_some)>
                    <button type="button" class="button" on:click=more>"Add a minute"</button>
                    <button type="button" class="button" on:click=reset>"Reset"</button>
                </Show>
            </div>
            <label class="check">
                <input type="checkbox" prop:checked=move || chime_on.get() on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    let _ = app.change(|ws| { ws.settings.chime = on; Ok::<_, Refusal>(()) });
                } />
                <span>"Chime when time is up"</span>
            </label>
            <crate::ui::kit::ErrorLine error=error />
        </section>
    }
}

mod chime {
    //! A soft three-note chime from the Web Audio API. The audio context is created on a
    //! click (browsers only allow sound after one) and reused when time runs out.
    use std::cell::RefCell;

    thread_local! {
        static CONTEXT: RefCell<Option<web_sys::AudioContext>> = const { RefCell::new(None) };
    }

    pub fn prepare() {
        CONTEXT.with(|c| {
            if c.borrow().is_none() {
                *c.borrow_mut() = web_sys::AudioContext::new().ok();
            }
        });
    }

    pub fn play() {
        CONTEXT.with(|c| {
            if let Some(ctx) = c.borrow().as_ref() {
                let _ = notes(ctx);
            }
        });
    }

    fn notes(ctx: &web_sys::AudioContext) -> Option<()> {
        for (i, freq) in [523.25_f32, 659.25, 783.99].into_iter().enumerate() {
            let osc = ctx.create_oscillator().ok()?;
            osc.frequency().set_value(freq);
            let gain = ctx.create_gain().ok()?;
            let t = ctx.current_time() + i as f64 * 0.2;
            gain.gain().set_value_at_time(0.0001, t).ok()?;
            gain.gain()
                .exponential_ramp_to_value_at_time(0.2, t + 0.03)
                .ok()?;
            gain.gain()
                .exponential_ramp_to_value_at_time(0.0001, t + 1.4)
                .ok()?;
            osc.connect_with_audio_node(&gain).ok()?;
            gain.connect_with_audio_node(&ctx.destination()).ok()?;
            osc.start_with_when(t).ok()?;
            osc.stop_with_when(t + 1.5).ok()?;
        }
        Some(())
    }
}
