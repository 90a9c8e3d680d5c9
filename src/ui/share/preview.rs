//! The file as a person will read it (the report laid out, the spreadsheet as a table, the
//! testimonies as quotes), one sentence per hidden figure saying why, and the exact bytes
//! behind "Show the exact bytes".

use crate::share::export::FileKind;
use crate::share::gate::{group_words, Cleared, Shareable};
use crate::share::html::pct;
use crate::share::suppress::Count;
use leptos::prelude::*;

fn agreed(agree: Count, present: Count) -> String {
    match (agree, present) {
        (Count::Shown(a), Count::Shown(p)) => format!("{a} of {p} agreed"),
        (Count::Shown(a), _) => format!("{a} agreed"),
        (hidden, _) => format!("agreed: {hidden}"),
    }
}

#[component]
pub fn Preview(kind: FileKind, text: String, cleared: Cleared) -> impl IntoView {
    let hidden = cleared.left_out.hidden.clone();
    let summary = cleared.left_out.summary();
    let body = match kind {
        FileKind::AgreementCsv => view! { <CsvTable text=text.clone() /> }.into_any(),
        FileKind::TestimoniesMarkdown => {
            view! { <Quotes content=cleared.shareable.clone() /> }.into_any()
        }
        FileKind::ReportHtml | FileKind::ProgrammeJson => {
            view! { <Report content=cleared.shareable.clone() /> }.into_any()
        }
    };
    let bytes = text.len();
    view! {
        <section class="panel" aria-labelledby="preview-title">
            <h2 id="preview-title">"What the file will hold"</h2>
            {(!summary.is_empty()).then(|| view! { <p class="note">{format!("Left out: {summary}.")}</p> })}
            {(!hidden.is_empty()).then(|| view! {
                <h3>"Hidden in this file, and why"</h3>
                <ul class="hidden-reasons">{hidden.into_iter().map(|h| view! { <li>{h}</li> }).collect_view()}</ul>
            })}
            <div class="readable-preview">{body}</div>
            <details class="bytes">
                <summary>{format!("Show the exact bytes ({bytes} bytes)")}</summary>
                <pre class="preview" tabindex="0" aria-label="The exact bytes of the file">{text}</pre>
            </details>
        </section>
    }
}

#[component]
fn CsvTable(text: String) -> impl IntoView {
    let mut rows = crate::share::csv::rows(&text).into_iter();
    let head = rows.next().unwrap_or_default();
    let body: Vec<Vec<String>> = rows.collect();
    view! {
        <div class="table-scroll">
            <table class="data">
                <caption>"The spreadsheet, one row per shared item"</caption>
                <thead><tr>{head.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {body.into_iter().map(|r| view! {
                        <tr>{r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn Quotes(content: Shareable) -> impl IntoView {
    if content.testimonies.is_empty() {
        return view! { <p class="empty">"No testimony is ready for this file."</p> }.into_any();
    }
    view! {
        <h3>{content.title.clone()}</h3>
        {content.testimonies.into_iter().map(|t| view! {
            <blockquote class="quote"><p>{t.text}</p><footer>{format!("— {}", t.attribution)}</footer></blockquote>
        }).collect_view()}
    }
    .into_any()
}

#[component]
fn Report(content: Shareable) -> impl IntoView {
    let f = content.figures.clone();
    let period = content
        .period
        .map(|(a, b)| {
            if a == b {
                a.long_name()
            } else {
                format!("{} to {}", a.long_name(), b.long_name())
            }
        })
        .unwrap_or_else(|| "No meetings in this selection".to_string());
    view! {
        <h3>{content.title.clone()}</h3>
        <p class="meta">{period}</p>
        <table class="data">
            <caption>"The programme in figures"</caption>
            <tbody>
                <tr><th scope="row">"Meetings held"</th><td>{f.sessions_held}</td></tr>
                <tr><th scope="row">"Different people who came"</th><td>{f.people.to_string()}</td></tr>
                <tr><th scope="row">"Attendance"</th><td>{pct(f.attendance_rate)}</td></tr>
                <tr><th scope="row">"Items the groups agreed to share"</th><td>{pct(f.consent_rate)}</td></tr>
            </tbody>
        </table>
        {(!content.attendance.is_empty()).then(|| view! {
            <table class="data">
                <caption>"Attendance by month"</caption>
                <thead><tr><th scope="col">"Month"</th><th scope="col">"Meetings"</th><th scope="col">"Members present"</th></tr></thead>
                <tbody>
                    {content.attendance.iter().map(|m| view! {
                        <tr><td>{m.month.long_name()}</td><td>{m.sessions}</td><td>{pct(m.rate)}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        })}
        {content.sessions.iter().enumerate().map(|(i, s)| {
            let present = s.present;
            view! {
                <article class="meeting-preview">
                    <h4>{format!("Meeting {}: {}, {}", i + 1, s.month.long_name(), group_words(s.group).to_lowercase())}</h4>
                    <p><strong>"Question: "</strong>{s.question.clone()}</p>
                    <p class="meta">{format!("People present: {present}")}</p>
                    <ul>
                        {s.items.iter().map(|it| view! {
                            <li>
                                {it.text.clone()}
                                {it.minority.then_some(" (a minority view)")}
                                <span class="meta">{format!(" — {}", agreed(it.agree, present))}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                </article>
            }
        }).collect_view()}
        {(!content.survey.is_empty()).then(|| view! {
            <h4>"Outcomes survey"</h4>
            <ul>
                {content.survey.iter().map(|p| view! {
                    <li>{format!("Survey point {}: {} answered", p.point, p.responses)}</li>
                }).collect_view()}
            </ul>
        })}
        {content.meeting_feedback.as_ref().map(|f| view! {
            <table class="data">
                <caption>"Meeting feedback (answers from 1 to 5)"</caption>
                <tbody>
                    {f.rows().into_iter().map(|(label, words)| view! {
                        <tr><th scope="row">{label}</th><td>{words}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        })}
        {content.relationships.as_ref().map(|r| view! {
            <table class="data">
                <caption>"One-to-one relationships since the programme began"</caption>
                <tbody>
                    {r.rows().into_iter().map(|(label, words)| view! {
                        <tr><th scope="row">{label}</th><td>{words}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        })}
        {(!content.testimonies.is_empty()).then(|| view! {
            <h4>"Testimonies"</h4>
            {content.testimonies.iter().map(|t| view! {
                <blockquote class="quote"><p>{t.text.clone()}</p><footer>{format!("— {}", t.attribution)}</footer></blockquote>
            }).collect_view()}
        })}
    }
}
