//! Settings: how much this device stores, whether the browser promised to keep it, and any
//! saved data that had to be set aside because it could not be read.

use crate::state::device::SetAside;
use crate::state::use_app;
use crate::ui::kit::{human_bytes, ConfirmButton};
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <h1 tabindex="-1">"Settings"</h1>
        <section class="panel" aria-labelledby="help-title">
            <h2 id="help-title">"Help"</h2>
            <p>"A short guide to running a meeting with Peercircle, from setting up a group to the consent question. It works without a network."</p>
            <a class="button" href=crate::state::Route::Help.href()>"Help: running your first meeting"</a>
        </section>
        <StoragePanel />
        <super::safety::BackupPanel />
        <super::safety::RestorePanel />
        <super::safety::LockPanel />
        <super::safety_plan::SafetyPlanPanel />
        <crate::ui::kiosk::settings::KioskSettingsPanel />
        <SetAsidePanel />
        <super::safety::WipePanel />
    }
}

#[component]
fn StoragePanel() -> impl IntoView {
    let usage = RwSignal::new(None::<(f64, f64)>);
    let kept = RwSignal::new(None::<bool>);
    let refresh = move || {
        #[cfg(target_arch = "wasm32")]
        leptos::task::spawn_local(async move {
            usage.set(crate::state::device::estimate().await);
            kept.set(crate::state::device::is_persisted().await);
        });
    };
    refresh();
    let ask = move |_| {
        #[cfg(target_arch = "wasm32")]
        leptos::task::spawn_local(async move {
            kept.set(crate::state::device::ask_to_persist().await);
        });
    };
    let app = use_app();
    view! {
        <section class="panel" aria-labelledby="storage-title">
            <h2 id="storage-title">"Storage on this device"</h2>
            <p>"Everything you type is kept in this browser, on this device only. Nothing is sent anywhere."</p>
            <p role="status">{move || storage_use(app, usage.get())}</p>
            <Show when=move || app.storage_warning.with(Option::is_some)>
                <p class="error">{move || app.storage_warning.get().map(|e| e.to_string())}</p>
            </Show>
            <p>
                {move || match kept.get() {
                    Some(true) => "This browser has agreed to keep Peercircle's data even when the device runs short of space.",
                    Some(false) => "This browser may clear Peercircle's data if the device runs short of space, or (in Safari) after a week without a visit. Save a backup now and then.",
                    None => "This browser does not say whether it will keep Peercircle's data.",
                }}
            </p>
            <Show when=move || kept.get() == Some(false)>
                <button type="button" class="button" on:click=ask>"Ask the browser to keep my data"</button>
            </Show>
        </section>
    }
}

/// What Peercircle's records take, against what this browser lets the site keep. Records
/// are kept in the browser's database, which the browser's estimate counts (with the app's
/// own offline files); where the browser fell back to local storage, its limit of about
/// 5 MB is the one that counts.
fn storage_use(app: crate::state::AppState, estimate: Option<(f64, f64)>) -> String {
    use crate::state::device::LOCAL_STORAGE_LIMIT;
    let Some(records) = app.stored_characters() else {
        return "This browser does not say how much space is used.".to_string();
    };
    // Text is kept as UTF-16: two bytes a character.
    let records = human_bytes(records as f64 * 2.0);
    match estimate {
        Some((used, quota)) if app.durable_store() && quota > 0.0 => {
            let free = ((1.0 - used / quota) * 100.0).clamp(0.0, 100.0);
            format!(
                "Your records take about {records}. This browser lets Peercircle keep about {} \
                 on this device; {} of it is in use (the app's own files included), so about \
                 {free:.0}% is free.",
                human_bytes(quota),
                human_bytes(used),
            )
        }
        _ => {
            let used = app.stored_characters().unwrap_or(0);
            let percent = (used as f64 / LOCAL_STORAGE_LIMIT as f64 * 100.0).min(100.0);
            format!(
                "Your records take about {records} ({percent:.0}%) of the about {} this \
                 browser keeps for Peercircle.",
                human_bytes(LOCAL_STORAGE_LIMIT as f64)
            )
        }
    }
}

#[component]
fn SetAsidePanel() -> impl IntoView {
    let app = use_app();
    let version = RwSignal::new(0u32);
    let records = Memo::new(move |_| {
        version.track();
        app.set_aside()
    });
    view! {
        <section class="panel" aria-labelledby="aside-title">
            <h2 id="aside-title">"Data set aside"</h2>
            <Show
                when=move || records.with(|r| !r.is_empty())
                fallback=|| view! { <p>"Nothing has been set aside. All saved data could be read."</p> }
            >
                <p>
                    "Peercircle could not read these saved records, so it put them aside instead \
                     of overwriting them. They are kept exactly as they were. If you do not need \
                     them, you can delete them."
                </p>
                <ul class="rows" role="list">
                    <For each=move || records.get() key=|r| r.key.clone() let:record>
                        <SetAsideRow record=record on_deleted=Callback::new(move |_| version.update(|v| *v += 1)) />
                    </For>
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn SetAsideRow(record: SetAside, on_deleted: Callback<()>) -> impl IntoView {
    let app = use_app();
    let key = record.key.clone();
    let delete = Callback::new(move |_| {
        let key = key.clone();
        app.delete_set_aside(&key);
        on_deleted.run(());
    });
    let label = record.label.clone();
    view! {
        <li class="row">
            <p><strong>{label.clone()}</strong>" · "{human_bytes(record.characters as f64)}</p>
            <ConfirmButton label=format!("Delete set-aside record {label}")
                question="Delete this unreadable record for good?".to_string()
                confirm="Yes, delete it" on_confirm=delete class="danger-outline" />
        </li>
    }
}
