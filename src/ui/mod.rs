//! Leptos components: the app shell and one module per area. Views read the workspace and
//! call `AppState::edit`; every decision is made in `domain`.

mod attendance;
mod banners;
mod buyin;
mod charter;
mod combine;
mod followup;
mod forming;
mod group_life;
mod groups;
mod help;
mod kiosk;
pub mod kit;
mod later;
mod mentoring;
mod not_found;
mod programme;
mod programmes;
mod questions;
mod roster;
mod safety;
mod safety_plan;
mod session;
mod settings;
mod share;
mod testimonies;

use crate::state::{tabs, AppState, LockView, Route};
use leptos::prelude::*;

/// Moves to a screen by changing the address's `#` part.
pub fn go(route: Route) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(&route.href());
    }
}

/// Asks the browser to keep the data, once the person has something worth keeping.
pub fn ask_to_keep_data() {
    #[cfg(target_arch = "wasm32")]
    leptos::task::spawn_local(async {
        let _ = crate::state::device::ask_to_persist().await;
    });
}

fn current_route() -> Route {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| Route::parse(&h))
        .unwrap_or(Route::Programmes)
}

/// Puts the focus on the screen's heading on the next frame. A screen whose code is still
/// arriving has none yet: then `focus_heading_when_shown` does it once it is shown.
fn focus_heading() {
    request_animation_frame(|| {
        if let Some(h) = document().query_selector("main h1").ok().flatten() {
            if let Ok(h) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h) {
                FOCUS_PENDING.with(|p| p.set(false));
                let _ = h.focus();
            }
        }
    });
}

thread_local! {
    /// A navigation happened while its screen's code was still arriving (`later`): its
    /// heading takes the focus once the screen is shown.
    static FOCUS_PENDING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// After a navigation: the focus goes to the new screen's heading, now or (for a screen still
/// arriving) once it is shown.
fn focus_heading_after_navigation() {
    FOCUS_PENDING.with(|p| p.set(true));
    focus_heading();
}

/// Called by `later::show` when a screen's code has arrived.
fn focus_heading_when_shown() {
    if FOCUS_PENDING.with(|p| p.replace(false)) {
        // The screen is mounted on the next turn; its heading exists by the next frame.
        request_animation_frame(|| request_animation_frame(focus_heading));
    }
}

/// Starts Peercircle in the page: reads what was saved (its reading code fetched first when
/// there is something to read), then shows the first screen. If that code never arrives,
/// a sentence and a way to try again, and nothing that could be saved over the records.
pub async fn start() {
    match AppState::start().await {
        Ok(app) => leptos::mount::mount_to_body(move || view! { <App app=app /> }),
        Err(later::Unavailable) => leptos::mount::mount_to_body(|| {
            if let Some(boot) = document().get_element_by_id("boot") {
                boot.remove();
            }
            let said = later::not_arrived(
                "Peercircle could not open",
                "Your saved work is untouched on this device; reloading usually brings it back.",
            );
            view! { <main id="main" class="alone">{said}</main> }
        }),
    }
}

#[component]
pub fn App(app: AppState) -> impl IntoView {
    provide_context(app);
    app.route.set(current_route());
    let hash_listener = window_event_listener(leptos::ev::hashchange, move |_| {
        app.route.set(current_route());
        focus_heading_after_navigation();
    });
    on_cleanup(move || hash_listener.remove());
    // Save before the page goes away or into the background.
    let hide_listener = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            app.flush();
        }
    });
    on_cleanup(move || hide_listener.remove());
    let leave_listener = window_event_listener(leptos::ev::pagehide, move |_| app.flush());
    on_cleanup(move || leave_listener.remove());
    tabs::watch(app);
    session::timer::SessionTimers::provide();
    safety::watch_idle(app, use_context::<session::timer::SessionTimers>());
    kiosk::follow_other_tabs(app);
    session::room_feed::serve(app);
    // A flip chart opened in a window of its own (the projector) is only that: it follows
    // the facilitator's window, never asks for the passphrase and never becomes the kiosk
    // when the tablet does. (A window opened at that address while the kiosk is already on
    // is the tablet trying to get out: it stays the kiosk.)
    let kiosk_on = app
        .ws
        .with_untracked(|ws| ws.settings.kiosk.active.is_some());
    let projector = match app.route.get_untracked() {
        Route::Display(id)
            if app.tab.get_untracked() == crate::state::TabRole::Viewer && !kiosk_on =>
        {
            Some(id)
        }
        _ => None,
    };
    banners::watch_for_updates(app);
    // In kiosk mode the kiosk is the whole app: no navigation, no other screen, whatever the
    // address says (back button, a typed address, a reload, a second tab).
    let kiosk_task = kiosk::active_task();
    Effect::new(move |_| {
        if projector.is_some() {
            document().set_title("Flip chart · Peercircle");
            return;
        }
        if app.lock.get() == LockView::Locked {
            document().set_title("Locked · Peercircle");
            return;
        }
        if kiosk_task.with(Option::is_some) {
            document().set_title("Kiosk · Peercircle");
            return;
        }
        let title = match app.route.get() {
            Route::Programmes => "Programmes".to_string(),
            Route::Settings => "Settings".to_string(),
            Route::Help => "Running your first meeting".to_string(),
            Route::NotFound => "Not found".to_string(),
            Route::Questions => "Questions".to_string(),
            Route::Share(_) => "Share results".to_string(),
            Route::Combine => "Combine programme files".to_string(),
            Route::Session(_) => "Session".to_string(),
            Route::Display(_) => "Flip chart".to_string(),
            r @ (Route::Roster(_) | Route::BuyIn(_) | Route::Group(..) | Route::GroupPrint(..)) => {
                forming::title(app, r)
            }
            r @ (Route::FollowUp(_) | Route::Plan(..) | Route::CheckIn(..) | Route::Survey(..)) => {
                followup::title(app, r)
            }
            r @ (Route::Skills(_) | Route::Pairing(_) | Route::Pair(..) | Route::PairPrint(..)) => {
                mentoring::title(app, r)
            }
            Route::Programme(id) => app
                .ws
                .with(|ws| ws.programme(id).map(|p| p.display_name().to_string()))
                .unwrap_or_else(|| "Programme".to_string()),
        };
        document().set_title(&format!("{title} · Peercircle"));
    });
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    let elsewhere = move || app.tab.get().is_shut_out();
    let locked = move || app.lock.get() == LockView::Locked;
    let lock_error = RwSignal::new(None::<String>);
    if let Some(id) = projector {
        return view! { <main id="main" class="projector">{later::show(later::projector(Route::Display(id)))}</main> }
            .into_any();
    }
    view! {
        // The unlock screen comes first: while locked nothing is loaded, the kiosk's state
        // included.
        <Show when=move || !locked() fallback=|| view! {
            <main id="main" class="locked">{later::show(later::unlock())}</main>
        }>
        <Show when=move || kiosk_task.with(Option::is_none) fallback=|| later::show(later::kiosk())>
        <a class="skip" href="#main" on:click=move |ev| {
            ev.prevent_default();
            focus_heading();
        }>"Skip to content"</a>
        <header class="topbar">
            <div class="topbar-inner">
                <a class="brand" href=Route::Programmes.href()>
                    <img src="./icon.svg" alt="" width="32" height="32" />
                    <span>"Peercircle"</span>
                </a>
                <nav aria-label="Main">
                    <ul role="list">
                        <li><NavLink route=Route::Programmes label="Programmes" /></li>
                        <li><NavLink route=Route::Questions label="Questions" /></li>
                        <li><NavLink route=Route::Settings label="Settings" /></li>
                    </ul>
                </nav>
                <banners::SaveIndicator />
                <Show when=move || app.lock.get() == LockView::Open>
                    <button type="button" class="button lock-button" on:click=move |_| {
                        if let Err(e) = app.lock_now() {
                            lock_error.set(Some(e.0));
                        }
                    }>"Lock"</button>
                </Show>
            </div>
        </header>
        <banners::Banners />
        <safety::BackupReminder />
        <safety::AutoLockNotice />
        <kit::ErrorLine error=lock_error />
        <main id="main" inert=elsewhere>
            {move || match app.route.get() {
                Route::Programmes => view! { <programmes::ProgrammesPage /> }.into_any(),
                r @ Route::Programme(_) => later::show(later::programme(r)),
                r @ Route::Session(_) => later::show(later::session(r)),
                r @ Route::Display(_) => later::show(later::display(r)),
                Route::NotFound => view! { <not_found::NotFound /> }.into_any(),
                Route::Settings => later::show(later::settings()),
                Route::Help => later::show(later::help()),
                Route::Questions => later::show(later::questions()),
                r @ Route::Share(_) => later::show(later::share(r)),
                Route::Combine => later::show(later::combine()),
                r @ (Route::Roster(_) | Route::BuyIn(_) | Route::Group(..) | Route::GroupPrint(..)) => {
                    later::show(later::forming(r))
                }
                r @ (Route::FollowUp(_) | Route::Plan(..) | Route::CheckIn(..) | Route::Survey(..)) => {
                    later::show(later::followup(r))
                }
                r @ (Route::Skills(_) | Route::Pairing(_) | Route::Pair(..) | Route::PairPrint(..)) => {
                    later::show(later::mentoring(r))
                }
            }}
        </main>
        <banners::UndoToast />
        </Show>
        </Show>
    }
    .into_any()
}

#[component]
fn NavLink(route: Route, label: &'static str) -> impl IntoView {
    let app = crate::state::use_app();
    let current = move || {
        let now = app.route.get();
        let here = match (route, now) {
            (Route::Programmes, Route::Session(_) | Route::Display(_) | Route::Combine) => true,
            (Route::Programmes, r) if r.programme().is_some() => true,
            (Route::Settings, Route::Help) => true,
            (a, b) => a == b,
        };
        here.then_some("page")
    };
    view! { <a href=route.href() aria-current=current>{label}</a> }
}
