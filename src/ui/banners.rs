//! Messages about the app itself, not about the work: saving, a new version, storage
//! trouble, data set aside, another tab, and "Undo".

use crate::domain::DomainError;
use crate::state::{tabs, use_app, AppState, SaveStatus, TabRole, UndoAction};
use leptos::prelude::*;

#[component]
pub fn SaveIndicator() -> impl IntoView {
    let app = use_app();
    let text = move || match app.save.get() {
        SaveStatus::Saved if app.storage_warning.with(Option::is_some) => {
            "Not saved on this device"
        }
        SaveStatus::Saved => "All changes saved",
        SaveStatus::Pending => "Saving…",
        SaveStatus::Failed(_) => "Not saved",
    };
    let failed = move || matches!(app.save.get(), SaveStatus::Failed(_));
    view! { <p class="save-state" class:failed=failed role="status">{text}</p> }
}

#[component]
pub fn Banners() -> impl IntoView {
    let app = use_app();
    let retry = move |_| app.flush();
    let apply_update = move |_| {
        if let Some(w) = web_sys::window() {
            if let Ok(ev) = web_sys::Event::new("peercircle-apply-update") {
                let _ = w.dispatch_event(&ev);
            }
        }
    };
    let dismiss_problems = move |_| app.problems.set(Vec::new());
    view! {
        <div class="banners">
            <Show when=move || app.tab.get().is_shut_out()>
                <section class="banner warn" role="alert" aria-labelledby="other-tab-title">
                    <h2 id="other-tab-title">"Peercircle is open in another tab"</h2>
                    <p>
                        "To keep your work safe, only one tab can make changes at a time. This tab \
                         is showing your data but will not change it."
                    </p>
                    <Show when=move || app.tab.get() == TabRole::TakingOver>
                        <p>
                            "Waiting for the other tab to save its work and let go. If it is busy, \
                             this can take a few seconds; nothing is lost while you wait."
                        </p>
                    </Show>
                    <Show when=move || app.tab_note.with(Option::is_some)>
                        <p class="error">{move || app.tab_note.get()}</p>
                    </Show>
                    <button type="button" class="button primary" on:click=move |_| tabs::take_over(app)
                        disabled=move || app.tab.get() == TabRole::TakingOver>
                        "Use Peercircle here"
                    </button>
                </section>
            </Show>
            <Show when=move || app.update_ready.get()>
                <section class="banner info" role="status">
                    <p>"A new version of Peercircle is ready."</p>
                    <button type="button" class="button primary" on:click=apply_update>"Reload to update"</button>
                </section>
            </Show>
            <Show when=move || matches!(app.save.get(), SaveStatus::Failed(_))>
                <section class="banner error" role="alert">
                    <p>{move || match app.save.get() { SaveStatus::Failed(e) => e.to_string(), _ => String::new() }}</p>
                    <button type="button" class="button" on:click=retry>"Try saving again"</button>
                </section>
            </Show>
            <Show when=move || app.storage_cleared.get()>
                <section class="banner warn" role="alert" aria-labelledby="cleared-title">
                    <h2 id="cleared-title">"Peercircle's saved data was cleared from this browser"</h2>
                    <p>
                        "Something removed Peercircle's data from this browser while it was open \
                         (a browser setting, a cleaning tool or another window). "
                        {move || if app.save.with(|s| *s == SaveStatus::Saved) {
                            "Everything on this screen has been saved again, so nothing is lost. \
                             Save a backup to keep a copy."
                        } else {
                            "Everything on this screen is kept here and will be saved again as \
                             soon as the browser lets it. Do not close this tab."
                        }}
                    </p>
                    <button type="button" class="button" on:click=move |_| app.storage_cleared.set(false)>
                        "I understand"
                    </button>
                </section>
            </Show>
            <Show when=move || app.storage_warning.with(Option::is_some)>
                <section class="banner warn" role="alert">
                    <p>{move || app.storage_warning.get().map(|e| e.to_string())}</p>
                </section>
            </Show>
            <Show when=move || app.problems.with(|p| !p.is_empty())>
                <section class="banner warn" role="alert" aria-labelledby="problems-title">
                    <h2 id="problems-title">"Some saved data could not be read"</h2>
                    <ul>
                        {move || app.problems.get().into_iter().map(|p| view! { <li>{p.sentence()}</li> }).collect_view()}
                    </ul>
                    <p><a href=crate::state::Route::Settings.href()>"See set-aside data in Settings"</a></p>
                    <button type="button" class="button" on:click=dismiss_problems>"I understand"</button>
                </section>
            </Show>
        </div>
    }
}

#[component]
pub fn UndoToast() -> impl IntoView {
    let app = use_app();
    let undo = move |_| {
        let Some(offer) = app.undo.get_untracked() else {
            return;
        };
        let result = match offer.restore {
            UndoAction::Programme(p) => app.change(|ws| {
                ws.restore_programme(*p);
                Ok::<_, DomainError>(())
            }),
            UndoAction::Group {
                programme,
                at,
                group,
            } => app.edit_programme(programme, |p| {
                p.restore_group(at, group);
                Ok::<_, DomainError>(())
            }),
            UndoAction::Participant {
                programme,
                at,
                person,
            } => app.edit_programme(programme, |p| {
                p.restore_participant(at, person);
                Ok::<_, DomainError>(())
            }),
            UndoAction::Session(session) => app.change(|ws| {
                ws.restore_session(*session);
                Ok::<_, DomainError>(())
            }),
        };
        if result.is_ok() {
            app.undo.set(None);
        }
    };
    view! {
        <div class="toast-area" role="status">
            <Show when=move || app.undo.with(Option::is_some)>
                <div class="toast">
                    <p>{move || app.undo.with(|u| u.as_ref().map(|u| u.message.clone()))}</p>
                    <button type="button" class="button primary" on:click=undo>"Undo"</button>
                    <button type="button" class="button" on:click=move |_| app.undo.set(None)>"Dismiss"</button>
                </div>
            </Show>
        </div>
    }
}

/// The service-worker script (public/sw-register.js) announces a waiting new version with a
/// window event; the app shows "Reload to update" and never swaps files under the person.
pub fn watch_for_updates(app: AppState) {
    let already = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"peercircleUpdate".into()).ok())
        .is_some_and(|v| !v.is_undefined() && !v.is_null());
    if already {
        app.update_ready.set(true);
    }
    let handle = window_event_listener_untyped("peercircle-update-ready", move |_| {
        app.update_ready.set(true);
    });
    on_cleanup(move || handle.remove());
}
