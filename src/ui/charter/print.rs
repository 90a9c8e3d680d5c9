//! The charter laid out for paper: every stage as agreed, the current working agreement,
//! the leadership model and chair roster, and lines for members to sign. The browser's own
//! print does the rest (see style/print.css); no PDF library is needed.

use crate::domain::charter::{Charter, Leadership, Stage, Term, NO_ROLES_WARNING};
use crate::domain::programme::{display_or, Programme};
use crate::domain::Id;
use crate::state::{use_app, Route};
use crate::ui::kit::{name_of, or_not_written, PrintSheet, SignatureLines};
use leptos::prelude::*;

#[derive(Clone, PartialEq, Default)]
struct Sheet {
    programme: String,
    organisation: String,
    group: String,
    /// Stages 1-5, then stage 7 (the working agreement, stage 6, is laid out between).
    stages: Vec<(String, String, String)>,
    terms: Vec<(&'static str, String)>,
    version: Option<String>,
    leadership: Option<Leadership>,
    turns: Vec<(String, String)>,
    members: Vec<String>,
}

fn sheet(p: &Programme, group: Id) -> Sheet {
    let charter = p.charter(group).cloned().unwrap_or_default();
    let stages = Stage::ALL
        .into_iter()
        .filter(|s| *s != Stage::WorkingAgreement)
        .map(|s| {
            let body = match s {
                Stage::Members => p
                    .members_of(group)
                    .iter()
                    .map(|m| display_or(&m.display_name, "Unnamed person"))
                    .collect::<Vec<_>>()
                    .join(", "),
                _ => charter.text(s).to_string(),
            };
            let title = format!("{}. {}", s.number(), s.title());
            (title, body, p.stage_status(group, s).label())
        })
        .collect();
    let Charter {
        working,
        versions,
        leadership,
        rota,
        ..
    } = charter;
    let version = Some(p.stage_status(group, Stage::WorkingAgreement).label()).map(|status| {
        match versions.last() {
            Some(v) => format!("Version {}. {status}", v.number),
            None => status,
        }
    });
    Sheet {
        programme: p.display_name().to_string(),
        organisation: p.organisation.clone(),
        group: p.group(group).map(|g| g.name.clone()).unwrap_or_default(),
        stages,
        terms: Term::ALL
            .into_iter()
            .map(|t| (t.label(), working.get(t).to_string()))
            .collect(),
        version,
        leadership,
        turns: rota
            .turns
            .iter()
            .map(|t| {
                let who = t
                    .chair
                    .map_or("Nobody available".to_string(), |c| name_of(p, c));
                (t.date.to_string(), who)
            })
            .collect(),
        members: p
            .members_of(group)
            .iter()
            .map(|m| display_or(&m.display_name, "Unnamed person").to_string())
            .collect(),
    }
}

#[component]
pub fn PrintPage(programme: Id, group: Id) -> impl IntoView {
    let app = use_app();
    let data = Memo::new(move |_| {
        app.with_programme(programme, |p| sheet(p, group))
            .unwrap_or_default()
    });
    let d = move || data.get();
    view! {
        <PrintSheet back=Route::Group(programme, group).href() back_label="Back to the charter">
            <h1 tabindex="-1">{move || format!("Group charter: {}", d().group)}</h1>
            <p class="meta">{move || {
                let s = d();
                if s.organisation.is_empty() { s.programme } else { format!("{} · {}", s.programme, s.organisation) }
            }}</p>
            {move || d().stages.into_iter().take(5).map(part).collect_view()}
            <section class="sheet-part">
                <h2>"6. Working agreement"</h2>
                <p class="meta">{move || d().version}</p>
                <dl>
                    {move || d().terms.into_iter().map(|(label, text)| view! {
                        <dt>{label}</dt>
                        <dd>{or_not_written(text)}</dd>
                    }).collect_view()}
                </dl>
            </section>
            {move || d().stages.into_iter().skip(5).map(part).collect_view()}
            <section class="sheet-part">
                <h2>"How the group is led"</h2>
                <p>{move || d().leadership.map_or("Not chosen yet.", |l| l.label())}</p>
                <Show when=move || d().leadership == Some(Leadership::NoDesignatedRoles)>
                    <p class="hint">{NO_ROLES_WARNING}</p>
                </Show>
                <Show when=move || d().leadership == Some(Leadership::RotatingChair) && !d().turns.is_empty()>
                    <table class="grid">
                        <caption>"Chair roster"</caption>
                        <thead><tr><th scope="col">"Meeting"</th><th scope="col">"Chair"</th></tr></thead>
                        <tbody>
                            {move || d().turns.into_iter().map(|(date, who)| view! { <tr><td class="date">{date}</td><td>{who}</td></tr> }).collect_view()}
                        </tbody>
                    </table>
                </Show>
            </section>
            <SignatureLines agreed="We have agreed this charter and will each help to keep to it."
                who="Member" names=Signal::derive(move || d().members) />
        </PrintSheet>
    }
}

fn part((title, body, status): (String, String, String)) -> impl IntoView {
    view! {
        <section class="sheet-part">
            <h2>{title}</h2>
            <p class="body" dir="auto">{or_not_written(body)}</p>
            <p class="meta">{status}</p>
        </section>
    }
}
