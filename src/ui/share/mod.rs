//! "Share results": the only screen that makes a file to send. It runs the gate with the
//! programme's own threshold, ledger and name decisions, and shows either every reason the file
//! cannot be made yet (with a choice per name found) or the file as a person will read it, why
//! each hidden figure is hidden, and the exact bytes. Saving records the file's figures in the
//! programme's ledger, so the next file is audited against it.

mod ledger;
mod names;
mod preview;

use crate::domain::disclosure::{NameChoice, NameDecision};
use crate::domain::{Date, Id};
use crate::share::export::{FileKind, Material};
use crate::share::gate::{NameFinding, QuoteUse};
use crate::state::{use_app, Refusal, Route};
use crate::ui::kit::Field;
use leptos::prelude::*;

/// A fresh random seed for the testimony order of the next file.
fn fresh_seed() -> u64 {
    let mut bytes = [0u8; 8];
    if !crate::state::device::random_bytes(&mut bytes) {
        // No random source: the time still varies from file to file.
        return js_sys::Date::now().to_bits();
    }
    u64::from_le_bytes(bytes)
}

/// "2026-03" from a month input, as the first day of that month.
fn month_value(text: &str) -> Result<Option<Date>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let day = if t.len() == 7 {
        format!("{t}-01")
    } else {
        t.to_string()
    };
    Date::parse(&day)
        .map(Some)
        .map_err(|_| format!("“{t}” is not a month like 2026-03."))
}

#[component]
pub fn SharePage(programme: Id) -> impl IntoView {
    let app = use_app();
    let kind = RwSignal::new(FileKind::ReportHtml);
    let today = crate::ui::kit::today();
    let seed = RwSignal::new(fresh_seed());
    let material = Memo::new(move |_| app.ws.with(|ws| Material::of(ws, programme)));
    let all_groups = Memo::new(move |_| {
        app.with_programme(programme, |p| {
            p.groups
                .iter()
                .map(|g| (g.id, g.name.clone()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let left_out_groups = RwSignal::new(Vec::<Id>::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let purpose = RwSignal::new(QuoteUse::Newsletter);
    let months = Memo::new(
        move |_| match (month_value(&from.get()), month_value(&to.get())) {
            (Ok(f), Ok(t)) if f.zip(t).is_none_or(|(f, t)| f <= t) => Ok((f, t)),
            (Ok(_), Ok(_)) => Err("The first month must come before the last one.".to_string()),
            (Err(e), _) | (_, Err(e)) => Err(e),
        },
    );
    let outcome = Memo::new(move |_| {
        let material = material.get()?;
        let (from, to) = months.get().ok()?;
        let skipped = left_out_groups.get();
        let groups = (!skipped.is_empty()).then(|| {
            all_groups
                .get()
                .into_iter()
                .map(|g| g.0)
                .filter(|g| !skipped.contains(g))
                .collect()
        });
        let kind = kind.get();
        let mut policy = material.policy(kind);
        policy.groups = groups;
        policy.from = from;
        policy.to = to;
        policy.quote_use = purpose.get();
        policy.shuffle_seed = seed.get();
        Some(material.run(today, &policy).map(|c| (kind.render(&c), c)))
    });
    let error = RwSignal::new(None::<String>);
    let decide = move |finding: NameFinding, choice: NameChoice| {
        let result = app.edit_programme(programme, |p| {
            p.disclosure.names.decide(NameDecision {
                text: finding.text,
                fingerprint: finding.fingerprint,
                start: finding.hit.start,
                matched: finding.hit.matched.clone(),
                participant: finding.hit.participant,
                choice,
            });
            Ok::<_, Refusal>(())
        });
        error.set(result.err().map(|e| e.0));
    };
    let saved = RwSignal::new(None::<String>);
    let save = move |_| {
        let Some(Ok((text, cleared))) = outcome.get_untracked() else {
            return;
        };
        let kind = kind.get_untracked();
        // The ledger first: a file that left unrecorded would let the next one give it away.
        let result = app.change(|ws| {
            let k = cleared.shareable.k.get();
            ws.programme_mut(programme)?
                .disclosure
                .record(cleared.release.clone(), k);
            Ok::<_, Refusal>(())
        });
        match result {
            Ok(()) => {
                crate::ui::kit::download(&kind.file_name(today), kind.mime(), &text);
                saved.set(Some(format!(
                    "Saved {}. Its figures are now in the list of figures already shared.",
                    kind.file_name(today)
                )));
                error.set(None);
                seed.set(fresh_seed());
            }
            Err(e) => error.set(Some(format!(
                "The file was not saved, because this device could not note what it shares: {}",
                e.0
            ))),
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
             figures about fewer people than your threshold hidden. You see the file before you \
             save it."
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
            <Show when=move || all_groups.with(|g| g.len() > 1)>
                <fieldset class="choice-list">
                    <legend>"Groups to include"</legend>
                    {move || all_groups.get().into_iter().map(|(gid, name)| view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=move || !left_out_groups.with(|l| l.contains(&gid))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    left_out_groups.update(|l| { l.retain(|g| *g != gid); if !on { l.push(gid); } });
                                } />
                            <span>{name}</span>
                        </label>
                    }).collect_view()}
                </fieldset>
            </Show>
            <div class="row-fields">
                <Field id="share-from" label="From the month (optional)">
                    <input id="share-from" type="month" placeholder="2026-03" prop:value=move || from.get()
                        on:input=move |ev| from.set(event_target_value(&ev))
                        on:change=move |ev| from.set(event_target_value(&ev)) />
                </Field>
                <Field id="share-to" label="Until the month (optional)">
                    <input id="share-to" type="month" placeholder="2026-11" prop:value=move || to.get()
                        on:input=move |ev| to.set(event_target_value(&ev))
                        on:change=move |ev| to.set(event_target_value(&ev)) />
                </Field>
            </div>
            <p class="hint">"Files always cover whole months, so that no file can be compared with another to single out a few people."</p>
            <Show when=move || months.with(Result::is_err)>
                <p class="error" role="alert">{move || months.get().err()}</p>
            </Show>
            <Show
                when=move || kind.get() == FileKind::TestimoniesMarkdown
                fallback=|| view! {
                    <p class="hint">"A report, a spreadsheet of counts and a programme file are used for evaluation: a name can appear in them only where the person approved in writing being quoted in evaluation reports."</p>
                }
            >
                <Field id="share-purpose" label="What the testimonies are for" class="narrow">
                    <select id="share-purpose" on:change=move |ev| purpose.set(match event_target_value(&ev).as_str() {
                        "report" => QuoteUse::EvaluationReport,
                        "brochure" => QuoteUse::Brochure,
                        _ => QuoteUse::Newsletter,
                    })>
                        <option value="newsletter" selected=move || purpose.get() == QuoteUse::Newsletter>"A newsletter"</option>
                        <option value="brochure" selected=move || purpose.get() == QuoteUse::Brochure>"A brochure or flyer"</option>
                        <option value="report" selected=move || purpose.get() == QuoteUse::EvaluationReport>"An evaluation report"</option>
                    </select>
                </Field>
            </Show>
            <ledger::ThresholdFields programme=programme />
        </section>
        <crate::ui::testimonies::TestimoniesSection programme=programme />
        <crate::ui::kit::ErrorLine error=error />
        {move || saved.get().map(|s| view! { <p class="note" role="status">{s}</p> })}
        {move || match outcome.get() {
            None => view! { <p class="empty">"Nothing to share yet."</p> }.into_any(),
            Some(Err(blocked)) => view! { <names::BlockedPanel reasons=blocked.reasons names=blocked.names decide=decide /> }.into_any(),
            Some(Ok((text, cleared))) => view! {
                <preview::Preview kind=kind.get_untracked() text=text cleared=cleared />
                <button type="button" class="button primary" on:click=save>
                    {move || format!("Save the file ({})", kind.get().file_name(today))}
                </button>
            }.into_any(),
        }}
        <ledger::LedgerSection programme=programme />
    }
}
