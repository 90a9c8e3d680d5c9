//! "Share results": the only screen that makes a file to send. It runs the gate, shows either
//! every reason the file cannot be made yet (with a button per name found) or exactly the
//! bytes the file will hold, and only then saves it through the browser's download.

use crate::domain::Id;
use crate::share::export::{FileKind, Material};
use crate::share::gate::{ExportPolicy, HitDecision, NameDecisions, NameFinding};
use crate::share::scrub::{AcceptedHit, NotANameHere};
use crate::share::suppress::K;
use crate::state::{use_app, Route};
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq)]
enum Decision {
    Redact,
    Keep,
    NotAName,
}

#[component]
pub fn SharePage(programme: Id) -> impl IntoView {
    let app = use_app();
    let k_default = app.ws.with_untracked(|ws| ws.settings.k);
    let k_text = RwSignal::new(k_default.to_string());
    let kind = RwSignal::new(FileKind::AgreementCsv);
    // Name decisions last while this screen is open; the data itself is never changed.
    let names = RwSignal::new(NameDecisions::default());
    let today = crate::ui::today();
    let material = Memo::new(move |_| app.ws.with(|ws| Material::of(ws, programme)));
    let k = Memo::new(move |_| {
        k_text.with(|t| {
            t.trim()
                .parse::<u32>()
                .map_err(|_| ())
                .and_then(|n| K::new(n).map_err(|_| ()))
        })
    });
    let outcome = Memo::new(move |_| {
        let material = material.get()?;
        let k = k.get().ok()?;
        let policy = ExportPolicy {
            k,
            ..ExportPolicy::default()
        };
        Some(
            names
                .with(|n| material.run(n, today, &policy))
                .map(|c| (kind.get().render(&c), c.left_out.summary())),
        )
    });
    let decide = move |finding: NameFinding, decision: Decision| {
        names.update(|n| {
            let hit = HitDecision {
                text: finding.text,
                hit: AcceptedHit {
                    participant: finding.hit.participant,
                    start: finding.hit.start,
                    matched: finding.hit.matched.clone(),
                },
            };
            match decision {
                Decision::Redact => n.redacted.push(hit),
                Decision::Keep => n.accepted.push(hit),
                Decision::NotAName => n.not_a_name.push(NotANameHere::new(&finding.hit.matched)),
            }
        });
    };
    let save = move |_| {
        if let Some(Ok((text, _))) = outcome.get_untracked() {
            let kind = kind.get_untracked();
            download(&kind.file_name(today), kind.mime(), &text);
        }
    };
    let title = Memo::new(move |_| {
        material.with(|m| {
            m.as_ref()
                .map(|m| m.programme_name.clone())
                .unwrap_or_default()
        })
    });
    view! {
        <nav aria-label="Breadcrumb" class="breadcrumb">
            <a href=Route::Programme(programme).href()>{move || title.get()}</a>
        </nav>
        <h1 tabindex="-1">"Share results"</h1>
        <p class="lead">
            "Only what a group agreed to share can leave this device, with names taken out and \
             small counts hidden. You see exactly what the file holds before you save it."
        </p>
        <section class="panel" aria-labelledby="file-title">
            <h2 id="file-title">"What to share"</h2>
            <fieldset class="choice-list">
                <legend>"Kind of file"</legend>
                {FileKind::ALL.into_iter().map(|k| view! {
                    <label class="check">
                        <input type="radio" name="file-kind" prop:checked=move || kind.get() == k
                            on:change=move |_| kind.set(k) />
                        <span>{k.label()}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            <div class="field narrow">
                <label for="share-k">"Hide any count smaller than"</label>
                <p class="hint" id="share-k-hint">"A number of people below this is shown as “fewer than …”, so nobody can be singled out. At least 3."</p>
                <input id="share-k" type="number" min="3" inputmode="numeric" aria-describedby="share-k-hint"
                    prop:value=move || k_text.get() on:input=move |ev| k_text.set(event_target_value(&ev)) />
                <Show when=move || k.get().is_err()>
                    <p class="error" role="alert">"Please use a whole number of 3 or more."</p>
                </Show>
            </div>
        </section>
        <super::testimonies::TestimoniesSection programme=programme />
        {move || match outcome.get() {
            None => view! { <p class="empty">"Nothing to share yet."</p> }.into_any(),
            Some(Err(blocked)) => view! { <BlockedPanel reasons=blocked.reasons names=blocked.names decide=decide /> }.into_any(),
            Some(Ok((text, left_out))) => view! {
                <section class="panel" aria-labelledby="preview-title">
                    <h2 id="preview-title">"Exactly what the file will hold"</h2>
                    {(!left_out.is_empty()).then(|| view! { <p class="note">{format!("Left out: {left_out}.")}</p> })}
                    <pre class="preview" tabindex="0" aria-label="File preview">{text}</pre>
                    <button type="button" class="button primary" on:click=save>
                        {move || format!("Save the file ({})", kind.get().file_name(today))}
                    </button>
                </section>
            }.into_any(),
        }}
    }
}

#[component]
fn BlockedPanel(
    reasons: Vec<String>,
    names: Vec<NameFinding>,
    decide: impl Fn(NameFinding, Decision) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <section class="panel blocked" role="alert" aria-labelledby="blocked-title">
            <h2 id="blocked-title">"This file cannot be made yet"</h2>
            <ul>{reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
            <Show when={let empty = names.is_empty(); move || !empty}>
                <p>"For each name: take it out, keep it in this one place, or say it is not a name here."</p>
            </Show>
            <ul class="rows" role="list">
                {names.clone().into_iter().map(|f| {
                    let (a, b, c) = (f.clone(), f.clone(), f.clone());
                    let what = format!("“{}” in {}", f.hit.matched, f.label);
                    view! {
                        <li class="row">
                            <p><strong>{what.clone()}</strong></p>
                            <div class="actions">
                                <button type="button" class="button primary" aria-label=format!("Replace {what} with [name]")
                                    on:click=move |_| decide(a.clone(), Decision::Redact)>"Replace with [name]"</button>
                                <button type="button" class="button" aria-label=format!("Keep {what}")
                                    on:click=move |_| decide(b.clone(), Decision::Keep)>"Keep it here"</button>
                                <button type="button" class="button" aria-label=format!("{what} is not a name")
                                    on:click=move |_| decide(c.clone(), Decision::NotAName)>"Not a name here"</button>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// Saves text as a file through the browser's own download; nothing is sent anywhere.
fn download(name: &str, mime: &str, text: &str) {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = document()
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
