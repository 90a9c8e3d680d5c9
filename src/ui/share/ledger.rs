//! The programme's threshold and strict setting, and the list of figures already shared from
//! this device. The threshold freezes once a file has left: a file made with another one could
//! be compared with the earlier files to work out what they hide.

use crate::domain::disclosure::{Release, MIN_K};
use crate::domain::Id;
use crate::state::{use_app, Refusal};
use crate::ui::kit::Field;
use leptos::prelude::*;

#[component]
pub fn ThresholdFields(programme: Id) -> impl IntoView {
    let app = use_app();
    let disclosure = Memo::new(move |_| {
        app.ws.with(|ws| {
            ws.programme(programme).map(|p| {
                let d = &p.disclosure;
                (d.k_or(ws.settings.k), d.strict, d.frozen_since())
            })
        })
    });
    let k = move || disclosure.get().map_or(5, |d| d.0);
    let typed = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let set_k = move |text: String| {
        let parsed = text.trim().parse::<u32>();
        let result = match parsed {
            Err(_) => Err(Refusal(format!(
                "Please use a whole number of {MIN_K} or more."
            ))),
            Ok(n) => app.edit_programme(programme, |p| {
                p.disclosure.set_k(n).map_err(|e| Refusal(e.to_string()))
            }),
        };
        match result {
            Ok(()) => {
                typed.set(None);
                error.set(None);
            }
            Err(e) => {
                // Keep what was typed on screen beside the reason.
                typed.set(Some(text));
                error.set(Some(e.0));
            }
        }
    };
    let set_strict = move |on: bool| {
        let result = app.edit_programme(programme, |p| {
            p.disclosure.strict = on;
            Ok::<_, Refusal>(())
        });
        error.set(result.err().map(|e| e.0));
    };
    view! {
        {move || match disclosure.get().and_then(|d| d.2) {
            Some(since) => view! {
                <p class="note" id="share-k-frozen">
                    {format!("Figures about fewer than {} people are hidden. This stays fixed for this programme: files made with it have left this device since {since}.", k())}
                </p>
            }.into_any(),
            None => view! {
                <Field id="share-k" label="Hide figures about fewer people than" class="narrow">
                    <p class="hint" id="share-k-hint">
                        {format!("A figure about fewer people than this is shown as “fewer than …”, so nobody can be singled out. At least {MIN_K}; it cannot change once a file has left this device.")}
                    </p>
                    <input id="share-k" type="number" min=MIN_K.to_string() inputmode="numeric" aria-describedby="share-k-hint"
                        prop:value=move || typed.get().unwrap_or_else(|| k().to_string())
                        on:change=move |ev| set_k(event_target_value(&ev)) />
                </Field>
            }.into_any(),
        }}
        <label class="check">
            <input type="checkbox" prop:checked=move || disclosure.get().is_some_and(|d| d.1)
                on:change=move |ev| set_strict(event_target_checked(&ev)) />
            <span>"Strict: also hide an answer given by fewer people than that (“8 of 9 agreed” then hides the one who did not)"</span>
        </label>
        <crate::ui::kit::ErrorLine error=error />
    }
}

#[component]
pub fn LedgerSection(programme: Id) -> impl IntoView {
    let app = use_app();
    let ledger = Memo::new(move |_| {
        app.with_programme(programme, |p| p.disclosure.ledger.clone())
            .unwrap_or_default()
    });
    view! {
        <section class="panel" aria-labelledby="ledger-title">
            <h2 id="ledger-title">"Figures already shared from this device"</h2>
            <p class="hint">
                "Every file saved here is remembered on this device, so that the next file can \
                 never be compared with it to work out a hidden figure. This list stays on the \
                 device and goes into encrypted backups."
            </p>
            <Show
                when=move || ledger.with(|l| !l.is_empty())
                fallback=|| view! { <p class="empty">"No file has been saved from this programme yet."</p> }
            >
                <ol class="rows" role="list">
                    {move || ledger.get().into_iter().rev().map(|r| view! { <ReleaseRow release=r /> }).collect_view()}
                </ol>
            </Show>
        </section>
    }
}

#[component]
fn ReleaseRow(release: Release) -> impl IntoView {
    let shown = release.figures.iter().filter(|f| f.shown).count();
    let hidden = release.figures.len() - shown;
    let summary = format!(
        "{} · {} · {shown} {} shown, {hidden} hidden",
        release.made,
        release.file,
        if shown == 1 { "figure" } else { "figures" }
    );
    view! {
        <li class="row">
            <details>
                <summary>{summary}</summary>
                <ul>
                    {release.figures.into_iter().map(|f| {
                        let how = if f.shown { format!("shown: {}", f.value) } else { "hidden".to_string() };
                        view! { <li>{format!("{} — {how}", f.label)}</li> }
                    }).collect_view()}
                </ul>
            </details>
        </li>
    }
}
