//! Settings: removing everything Peercircle keeps in this browser.

use crate::state::{use_app, Route};
use crate::ui::kit::ErrorLine;
use leptos::prelude::*;

/// The word typed to confirm a wipe.
const WIPE_WORD: &str = "DELETE";

/// Settings: remove everything from this browser.
#[component]
pub fn WipePanel() -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="wipe-title" id="wipe">
            <h2 id="wipe-title">"Wipe this device"</h2>
            <p>
                "Removes all Peercircle data from this browser: programmes, people, sessions, \
                 notes, set-aside records and the lock. Use it before handing the device on. "
                <a href="#backup" on:click=move |ev| {
                    ev.prevent_default();
                    crate::ui::kit::focus_id("backup-new");
                }>"Save a backup first"</a>
                " if you may need the data again."
            </p>
            <WipeForm />
        </section>
    }
}

#[component]
pub(super) fn WipeForm() -> impl IntoView {
    let app = use_app();
    let typed = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if typed.get_untracked().trim() != WIPE_WORD {
            error.set(Some(format!(
                "To wipe this device, type {WIPE_WORD} in capital letters in the box."
            )));
            return;
        }
        match app.wipe() {
            Ok(_) => {
                leptos::task::spawn_local(async move {
                    crate::state::device::forget_everything().await;
                    clear_offline_copies().await;
                    if let Some(w) = web_sys::window() {
                        let _ = w.location().set_hash(&Route::Programmes.href());
                        let _ = w.location().reload();
                    }
                });
            }
            Err(e) => error.set(Some(e.0)),
        }
    };
    view! {
        <form on:submit=submit>
            <div class="field">
                <label for="wipe-confirm">{format!("Type {WIPE_WORD} to confirm")}</label>
                <input id="wipe-confirm" type="text" autocomplete="off" spellcheck="false"
                    prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev)) />
            </div>
            <ErrorLine error=error />
            <button type="submit" class="button danger">"Wipe all Peercircle data from this browser"</button>
        </form>
    }
}

/// Empties this site's offline caches and forgets the offline helper; the reload that
/// follows fetches and caches the app's own files afresh. They hold no data, but a wipe
/// leaves nothing of Peercircle behind.
async fn clear_offline_copies() {
    use wasm_bindgen_futures::JsFuture;
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(caches) = window.caches() {
        if let Ok(names) = JsFuture::from(caches.keys()).await {
            for name in js_sys::Array::from(&names).iter() {
                if let Some(name) = name.as_string() {
                    let _ = JsFuture::from(caches.delete(&name)).await;
                }
            }
        }
    }
    let workers = window.navigator().service_worker();
    if let Ok(list) = JsFuture::from(workers.get_registrations()).await {
        for registration in js_sys::Array::from(&list).iter() {
            let registration: web_sys::ServiceWorkerRegistration =
                wasm_bindgen::JsCast::unchecked_into(registration);
            if let Ok(promise) = registration.unregister() {
                let _ = JsFuture::from(promise).await;
            }
        }
    }
}
