//! Screens whose code arrives only when one of them is first opened, so the first visit on a
//! slow connection downloads what the first screen needs and no more.
//!
//! In the release build (`scripts/build` sets `--cfg peercircle_split`), each function below
//! becomes a wasm file of its own, cut out by `wasm-split-cli` in `scripts/post_build.py`; the
//! service worker keeps every such file for offline use from the first visit. In every other
//! build (`trunk serve`, the tests) they are plain `async` functions in the one file, so a
//! screen behaves the same either way.

use crate::state::Route;
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

pub use crate::state::reader::Unavailable;

/// Each `file::name(route) { body }` is a screen loaded on first use; `body` builds its view
/// (`file::name() { body }` for one that shows the same whatever the address says).
/// Screens naming the same `file` arrive together, in one piece: fewer, larger pieces than one
/// per screen (the code two pieces share becomes a piece of its own, so every extra piece
/// multiplies the small ones).
macro_rules! later {
    ($( $(#[$doc:meta])* $file:ident::$name:ident($($route:ident)?) $body:block )+) => { $(
        crate::state::reader::on_first_use! {
            $file
            $(#[$doc])*
            fn $name($($route: Route)?) -> AnyView $body
        }
    )+ };
}

later! {
    /// One programme's page.
    programme::programme(route) {
        match route {
            Route::Programme(id) => view! { <super::programme::ProgrammePage id=id /> }.into_any(),
            _ => ().into_any(),
        }
    }
    /// A meeting, step by step.
    meeting::session(route) {
        match route {
            Route::Session(id) => view! { <super::session::SessionPage id=id /> }.into_any(),
            _ => ().into_any(),
        }
    }
    /// The flip chart on the projector.
    meeting::display(route) {
        match route {
            Route::Display(id) => view! { <super::session::display::DisplayPage id=id /> }.into_any(),
            _ => ().into_any(),
        }
    }
    /// The flip chart in a window of its own (the projector), following the facilitator's.
    meeting::projector(route) {
        match route {
            Route::Display(id) => view! { <super::session::display::ProjectorWindow id=id /> }.into_any(),
            _ => ().into_any(),
        }
    }
    /// The passphrase screen of a locked device (any route).
    unlock::unlock() { view! { <super::safety::UnlockScreen /> }.into_any() }
    /// The kiosk's task screens (any route).
    meeting::kiosk() { view! { <super::kiosk::KioskScreen /> }.into_any() }
    /// Settings, with backup, restore, the lock and wiping.
    office::settings() { view! { <super::settings::SettingsPage /> }.into_any() }
    /// The first-meeting guide.
    office::help() { view! { <super::help::HelpPage /> }.into_any() }
    /// The question bank.
    office::questions() { view! { <super::questions::QuestionsPage /> }.into_any() }
    /// Making a file to share.
    office::share(route) {
        match route {
            Route::Share(id) => view! { <super::share::SharePage programme=id /> }.into_any(),
            _ => ().into_any(),
        }
    }
    /// Combining shared files.
    office::combine() { view! { <super::combine::CombinePage /> }.into_any() }
    /// Roster, buy-in, a group's charter and its print sheet.
    forming::forming(route) { super::forming::page(route) }
    /// Follow-up: pairs' health, check-ins, plans and the survey.
    followup::followup(route) { super::followup::page(route) }
    /// Mentoring: skills, pairing, a pair's page and its print sheet.
    mentoring::mentoring(route) { super::mentoring::page(route) }
}

/// Shows a screen loaded by one of the functions above: a short "Opening…" while its code
/// arrives, then the screen (with the keyboard focus on its heading after a navigation), or a
/// plain sentence and a way out if it never does.
///
/// The screen is built the way every other screen is: under the owner of the place that shows
/// it (so it is disposed with it), and untracked (so a change it reads updates its own parts
/// instead of rebuilding it). Leptos' `Suspense` was tried first and did neither: a screen in
/// it outlived its own signals when the kiosk took over (`tests/e2e/kiosk.test.mjs`).
pub fn show<F>(load: F) -> AnyView
where
    F: Future<Output = Result<AnyView, Unavailable>> + 'static,
{
    #[derive(Clone, Copy, PartialEq)]
    enum Stage {
        Opening,
        Shown,
        Failed,
    }
    let stage = RwSignal::new(Stage::Opening);
    let built = StoredValue::new_local(None::<AnyView>);
    let gone = Arc::new(AtomicBool::new(false));
    on_cleanup({
        let gone = Arc::clone(&gone);
        move || gone.store(true, Ordering::Relaxed)
    });
    let build = Built {
        owner: Owner::current(),
        gone,
        load: Box::pin(load),
    };
    leptos::task::spawn_local(async move {
        let Some(result) = build.await else {
            return;
        };
        match result {
            Ok(view) => {
                built.set_value(Some(view));
                stage.set(Stage::Shown);
            }
            Err(Unavailable) => stage.set(Stage::Failed),
        }
        super::focus_heading_when_shown();
    });
    (move || match stage.get() {
        Stage::Opening => view! { <p class="opening" role="status">"Opening…"</p> }.into_any(),
        Stage::Shown => built
            .try_update_value(Option::take)
            .flatten()
            .unwrap_or_else(|| ().into_any()),
        Stage::Failed => unavailable(),
    })
    .into_any()
}

/// Waits for a screen's code and builds the screen under `owner`, untracked; answers `None`
/// once the place that was to show it is gone (the person moved on), building nothing.
struct Built<F> {
    owner: Option<Owner>,
    gone: Arc<AtomicBool>,
    load: Pin<Box<F>>,
}

impl<F: Future> Future for Built<F> {
    type Output = Option<F::Output>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if self.gone.load(Ordering::Relaxed) {
            return Poll::Ready(None);
        }
        let this = &mut *self;
        let load = &mut this.load;
        let mut poll = || untrack(|| load.as_mut().poll(cx));
        let polled = match &this.owner {
            Some(owner) => owner.with(poll),
            None => poll(),
        };
        polled.map(Some)
    }
}

/// A screen whose code did not arrive.
fn unavailable() -> AnyView {
    not_arrived(
        "This screen could not be opened",
        "Nothing you entered is affected.",
    )
}

/// Part of the app did not arrive: what happened, what it means for the person's work, and
/// a way to try again.
pub(super) fn not_arrived(heading: &'static str, consequence: &'static str) -> AnyView {
    view! {
        <section class="card" aria-labelledby="unavailable-heading">
            <h1 id="unavailable-heading" tabindex="-1">{heading}</h1>
            <p>
                "Part of Peercircle did not arrive, usually because a newer version was put on "
                "the web address while this page was open, or the connection dropped during a "
                "first visit. " {consequence}
            </p>
            <button type="button" class="button primary" on:click=|_| {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            }>"Reload Peercircle"</button>
        </section>
    }
    .into_any()
}
