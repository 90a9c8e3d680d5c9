//! "This week" on the first screen: check-ins due or missed, overdue plan steps and survey
//! points coming up, across every active programme, each linking to where it is done.

use crate::domain::followup::{this_week, WeekItem};
use crate::state::{use_app, Route};
use crate::ui::kit::{name_of, pair_name, today};
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
struct Line {
    text: String,
    href: String,
    late: bool,
}

#[component]
pub fn ThisWeek() -> impl IntoView {
    let app = use_app();
    let now = today();
    let lines = Memo::new(move |_| {
        app.ws.with(|ws| {
            let mut lines = Vec::new();
            for p in ws.programmes_in_order().into_iter().filter(|p| !p.archived) {
                let name = p.display_name();
                for item in this_week(&p.followup, &p.mentoring, now) {
                    let line = match item {
                        WeekItem::Safety { pair, since } => Line {
                            text: format!(
                                "{name}: needs attention: safety, {} (concern raised {since})",
                                pair_name(p, pair)
                            ),
                            href: Route::Pair(p.id, pair).href(),
                            late: true,
                        },
                        WeekItem::Contact {
                            pair,
                            person,
                            due,
                            overdue,
                        } => Line {
                            text: if overdue {
                                format!(
                                    "{name}: contact with {} overdue since {due} ({})",
                                    name_of(p, person),
                                    pair_name(p, pair)
                                )
                            } else {
                                format!(
                                    "{name}: contact with {} due on {due} ({})",
                                    name_of(p, person),
                                    pair_name(p, pair)
                                )
                            },
                            href: Route::Pair(p.id, pair).href(),
                            late: overdue,
                        },
                        WeekItem::Step { pair, next, .. } => Line {
                            text: format!(
                                "{name}: {}: {}",
                                pair_name(p, pair),
                                crate::ui::mentoring::next_words(p, next)
                            ),
                            href: Route::Pair(p.id, pair).href(),
                            late: false,
                        },
                        WeekItem::CheckIn { pair, due, missed } => Line {
                            text: if missed {
                                format!(
                                    "{name}: check-in missed for {} (due {due})",
                                    pair_name(p, pair)
                                )
                            } else {
                                format!("{name}: check-in due for {} on {due}", pair_name(p, pair))
                            },
                            href: Route::CheckIn(p.id, pair).href(),
                            late: missed,
                        },
                        WeekItem::OverdueStep { plan, step, due } => {
                            let x = p.followup.plan(plan);
                            let what = x
                                .and_then(|x| x.steps.iter().find(|s| s.id == step))
                                .map(|s| s.what.clone())
                                .unwrap_or_default();
                            let title = x.map(|x| x.title(&ws.sessions)).unwrap_or_default();
                            Line {
                                text: format!(
                                    "{name}: step overdue since {due}: “{what}” ({title})"
                                ),
                                href: Route::Plan(p.id, plan).href(),
                                late: true,
                            }
                        }
                        WeekItem::SurveyPoint { point, planned } => {
                            let what = p
                                .followup
                                .survey
                                .point(point)
                                .map(|x| x.name.clone())
                                .unwrap_or_default();
                            Line {
                                text: format!(
                                    "{name}: outcomes survey “{what}” planned for {planned}"
                                ),
                                href: Route::FollowUp(p.id).href(),
                                late: false,
                            }
                        }
                    };
                    lines.push(line);
                }
            }
            lines
        })
    });
    view! {
        <Show when=move || lines.with(|l| !l.is_empty())>
            <section class="panel this-week" aria-labelledby="this-week-title">
                <h2 id="this-week-title">"This week"</h2>
                <ul class="week-list">
                    {move || lines.get().into_iter().map(|l| view! {
                        <li class:late=l.late><a href=l.href>{l.text}</a></li>
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}
