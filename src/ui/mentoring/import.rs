//! Importing skills from a CSV file: choose the file, match its columns to the fields, then
//! see what was read and, line by line, what could not be.

use crate::domain::mentoring::import::{
    parse_csv, plan_import, Field, Mapping, Table, MAX_IMPORT_BYTES,
};
use crate::domain::{DomainError, Id};
use crate::state::use_app;
use crate::ui::kit::{ErrorLine, Field};
use leptos::prelude::*;

#[component]
pub fn ImportSection(programme: Id) -> impl IntoView {
    let app = use_app();
    let table = RwSignal::new(None::<Table>);
    let mapping = RwSignal::new(Mapping::default());
    let error = RwSignal::new(None::<String>);
    let report = RwSignal::new(None::<(String, Vec<String>)>);
    let pick = move |ev: leptos::ev::Event| {
        let Some(file) = crate::ui::kit::picked_files(&ev).into_iter().next() else {
            return;
        };
        report.set(None);
        table.set(None);
        if file.size() > MAX_IMPORT_BYTES as f64 {
            error.set(Some(format!(
                "That file is too big. Please import at most {} KB at a time.",
                MAX_IMPORT_BYTES / 1000
            )));
            return;
        }
        error.set(None);
        leptos::task::spawn_local(async move {
            let text = match crate::ui::kit::read_text(&file).await {
                Some(text) => text,
                None => {
                    error.set(Some(
                        "That file could not be read. Please try again.".into(),
                    ));
                    return;
                }
            };
            match parse_csv(&text) {
                Ok(t) => {
                    mapping.set(Mapping::guess(&t.headings));
                    table.set(Some(t));
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };
    let import = move |_| {
        let Some(t) = table.get_untracked() else {
            return;
        };
        let map = mapping.get_untracked();
        let result = app.change(|ws| {
            let p = ws
                .programme(programme)
                .ok_or(DomainError::NotFound("programme"))?;
            let plan = plan_import(&t, &map, &p.mentoring, &p.participants)?;
            ws.apply_import(programme, &plan)?;
            Ok::<_, DomainError>(plan)
        });
        match result {
            Ok(plan) => {
                error.set(None);
                table.set(None);
                report.set(Some((
                    plan.summary(),
                    plan.problems.iter().map(ToString::to_string).collect(),
                )));
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let headings =
        move || table.with(|t| t.as_ref().map(|t| t.headings.clone()).unwrap_or_default());
    view! {
        <section class="panel" aria-labelledby="import-title">
            <h2 id="import-title">"Import from a spreadsheet"</h2>
            <p class="hint">
                "Save the spreadsheet as CSV. One line per person, with a heading line. List \
                 skills in one cell separated by semicolons, each with a level 1 to 3 if you \
                 like, for example “Budgeting 3; Public speaking 1” (no level means 2). Days \
                 like “Mon, Wed”. Names must match the roster."
            </p>
            <Field id="skills-file" label="CSV file with skills">
                <input id="skills-file" type="file" accept=".csv,text/csv,text/plain" on:change=pick />
            </Field>
            <ErrorLine error=error />
            <Show when=move || table.with(Option::is_some)>
                <fieldset class="choices">
                    <legend>"Which column holds what"</legend>
                    <p class="meta">{move || table.with(|t| t.as_ref().map(|t| format!("{} lines to read.", t.rows.len())))}</p>
                    {Field::ALL.into_iter().enumerate().map(|(n, field)| {
                        let id = format!("map-{n}");
                        view! {
                            <Field id=id.clone() label=field.label()>
                                <select id=id on:change=move |ev| {
                                    let col = event_target_value(&ev).parse::<usize>().ok();
                                    mapping.update(|m| m.set(field, col));
                                }>
                                    <option value="" selected=move || mapping.get().get(field).is_none()>"Not in the file"</option>
                                    {move || headings().into_iter().enumerate().map(|(i, h)| {
                                        let shown = if h.trim().is_empty() { format!("Column {}", i + 1) } else { h };
                                        view! { <option value=i.to_string() selected=move || mapping.get().get(field) == Some(i)>{shown}</option> }
                                    }).collect_view()}
                                </select>
                            </Field>
                        }
                    }).collect_view()}
                    <button type="button" class="button primary" on:click=import>"Import skills"</button>
                </fieldset>
            </Show>
            <div role="status">
                {move || report.get().map(|(summary, problems)| view! {
                    <p>{summary}</p>
                    <ul class="problems-list">
                        {problems.into_iter().map(|p| view! { <li dir="auto">{p}</li> }).collect_view()}
                    </ul>
                })}
            </div>
        </section>
    }
}
