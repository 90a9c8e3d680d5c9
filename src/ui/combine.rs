//! Combining programme files: a programme lead opens the shareable JSON files other
//! facilitators saved and gets one report, on this device. Only the shareable format is
//! accepted, and small counts are hidden again on the combined figures.

use crate::share::combine::{combine_on_device, DeviceNames};
use crate::share::export::FileKind;
use crate::share::gate::{Cleared, LeftOut};
use crate::share::suppress::K;
use crate::state::{use_app, Route};
use crate::ui::kit::Field;
use leptos::prelude::*;

/// Most files one combination reads; a programme lead has a handful, not thousands.
const MAX_FILES: u32 = 50;

#[component]
pub fn CombinePage() -> impl IntoView {
    let app = use_app();
    let files = RwSignal::new(Vec::<(String, String)>::new());
    let reading = RwSignal::new(false);
    let read_error = RwSignal::new(None::<String>);
    let kind = RwSignal::new(FileKind::ReportHtml);
    let k = app
        .ws
        .with_untracked(|ws| K::new(ws.settings.k).unwrap_or_default());
    let today = crate::ui::kit::today();
    // Every name this device knows, and its written approvals, to check the files against.
    let device = Memo::new(move |_| {
        app.ws.with(|ws| DeviceNames {
            names: crate::share::export::device_names(ws),
            approvals: crate::share::export::device_approvals(ws),
            today: Some(today),
        })
    });
    let outcome = Memo::new(move |_| {
        files.with(|f| {
            if f.is_empty() {
                return None;
            }
            let texts: Vec<&str> = f.iter().map(|(_, t)| t.as_str()).collect();
            Some(match device.with(|d| combine_on_device(&texts, k, d)) {
                Ok(c) => {
                    let cleared = Cleared {
                        shareable: c.shareable,
                        left_out: LeftOut::default(),
                        release: Default::default(),
                    };
                    Ok((kind.get().render(&cleared), c.notes))
                }
                Err(e) => Err(e
                    .problems
                    .into_iter()
                    .map(|p| {
                        // Problems are numbered from 1 in the order chosen; say the file's name.
                        let name = p.file.checked_sub(1).and_then(|i| f.get(i)).map(|(n, _)| n);
                        match name {
                            Some(name) => format!("“{name}” {}", p.reason),
                            None => p.to_string(),
                        }
                    })
                    .collect::<Vec<_>>()),
            })
        })
    });
    let pick = move |ev: leptos::ev::Event| {
        let chosen = crate::ui::kit::picked_files(&ev);
        if chosen.len() > MAX_FILES as usize {
            read_error.set(Some(format!(
                "Please choose at most {MAX_FILES} files at a time."
            )));
            return;
        }
        reading.set(true);
        read_error.set(None);
        leptos::task::spawn_local(async move {
            let mut read = Vec::new();
            for file in chosen {
                let name = file.name();
                if file.size() > crate::share::combine::MAX_FILE_BYTES as f64 {
                    read.push((name, String::new()));
                    continue;
                }
                match crate::ui::kit::read_text(&file).await {
                    Some(text) => read.push((name, text)),
                    None => read_error.set(Some(format!("“{name}” could not be read."))),
                }
            }
            files.set(read);
            reading.set(false);
        });
    };
    let save = move |_| {
        if let Some(Ok((text, _))) = outcome.get_untracked() {
            let kind = kind.get_untracked();
            crate::ui::kit::download(
                &kind
                    .file_name(today)
                    .replace("peercircle-", "peercircle-combined-"),
                kind.mime(),
                &text,
            );
        }
    };
    view! {
        <nav aria-label="Breadcrumb" class="breadcrumb">
            <a href=Route::Programmes.href()>"All programmes"</a>
        </nav>
        <h1 tabindex="-1">"Combine programme files"</h1>
        <p class="lead">
            "Open the programme files (JSON) that other facilitators saved from their Share \
             screen, and get one report. The files stay on this device; small counts are hidden \
             again on the combined figures."
        </p>
        <section class="panel" aria-labelledby="combine-files-title">
            <h2 id="combine-files-title">"Files"</h2>
            <Field id="combine-files" label="Programme files to combine">
                <input id="combine-files" type="file" accept=".json,application/json" multiple on:change=pick />
            </Field>
            <Show when=move || reading.get()><p role="status">"Reading the files…"</p></Show>
            <Show when=move || read_error.with(Option::is_some)>
                <p class="error" role="alert">{move || read_error.get()}</p>
            </Show>
            <Show when=move || files.with(|f| !f.is_empty())>
                <p>{move || format!("{} file(s) chosen: {}", files.with(Vec::len), files.with(|f| f.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>().join(", ")))}</p>
            </Show>
        </section>
        {move || match outcome.get() {
            None => ().into_any(),
            Some(Err(problems)) => view! {
                <section class="panel blocked" role="alert" aria-labelledby="combine-blocked">
                    <h2 id="combine-blocked">"These files cannot be combined"</h2>
                    <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    <p>"Nothing was changed on this device. Choose the files again without the ones listed."</p>
                </section>
            }.into_any(),
            Some(Ok((text, notes))) => view! {
                <section class="panel" aria-labelledby="combined-title">
                    <h2 id="combined-title">"The combined report"</h2>
                    <fieldset class="choice-list">
                        <legend>"Kind of file"</legend>
                        {FileKind::ALL.into_iter().map(|k| view! {
                            <label class="check">
                                <input type="radio" name="combined-kind" prop:checked=move || kind.get() == k on:change=move |_| kind.set(k) />
                                <span>{k.label()}</span>
                            </label>
                        }).collect_view()}
                    </fieldset>
                    {(!notes.is_empty()).then(|| view! { <ul class="note">{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul> })}
                    <pre class="preview" tabindex="0" aria-label="Combined file preview">{text}</pre>
                    <button type="button" class="button primary" on:click=save>"Save the combined file"</button>
                </section>
            }.into_any(),
        }}
    }
}
