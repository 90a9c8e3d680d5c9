//! A group's charter screen: the seven formation stages in order, each with its guidance and
//! whether everyone agreed; then the leadership model and attendance.

mod leadership;
mod members;
pub mod print;
mod rota;

use crate::domain::charter::{Stage, StageStatus, Term};
use crate::domain::{DomainError, Id};
use crate::state::{use_app, Route};
use crate::ui::kit::{today, TextField};
use leptos::prelude::*;

#[component]
pub fn GroupPage(programme: Id, group: Id) -> impl IntoView {
    let app = use_app();
    let name = Memo::new(move |_| {
        app.ws.with(|ws| {
            ws.programme(programme)
                .and_then(|p| p.group(group))
                .map(|g| (g.name.clone(), g.kind.label()))
                .unwrap_or_default()
        })
    });
    let agreed = Memo::new(move |_| {
        app.with_programme(programme, |p| p.stages_agreed(group))
            .unwrap_or(0)
    });
    view! {
        <super::forming::BackToProgramme programme=programme />
        <h1 tabindex="-1">{move || name.get().0}</h1>
        <p class="meta">{move || name.get().1}</p>
        <section class="panel" aria-labelledby="charter-title">
            <h2 id="charter-title">"Group charter"</h2>
            <p>
                "Form the group in seven stages. Talk each one through with the group, write \
                 down what you decided, and record when everyone agreed. You can come back to \
                 any stage later."
            </p>
            <p class="progress" role="status">
                {move || format!("{} of 7 stages agreed", agreed.get())}
            </p>
            <p class="actions">
                <a class="button" href=Route::GroupPrint(programme, group).href()>"Print the charter"</a>
                <button type="button" class="button" on:click=move |_| jump_to("group-life-title")>
                    "A member leaving, or the group ending"
                </button>
            </p>
        </section>
        <ol class="stages" role="list">
            {Stage::ALL.into_iter().map(|stage| view! {
                <StageSection programme=programme group=group stage=stage />
            }).collect_view()}
        </ol>
        <leadership::LeadershipSection programme=programme group=group />
        <super::attendance::AttendanceSection programme=programme group=group />
        <super::group_life::GroupLifeSection programme=programme group=group />
    }
}

/// Scrolls to a heading further down the page and moves the focus there (the address holds
/// the screen, so an in-page link cannot be used).
fn jump_to(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        el.scroll_into_view();
    }
    crate::ui::kit::focus_id(id);
}

#[component]
fn StageSection(programme: Id, group: Id, stage: Stage) -> impl IntoView {
    let app = use_app();
    let status = Memo::new(move |_| {
        app.with_programme(programme, |p| p.stage_status(group, stage))
            .unwrap_or(StageStatus::NotStarted)
    });
    let error = RwSignal::new(None::<String>);
    let agree = move |_| {
        let result = app.edit_programme(programme, |p| p.agree_stage(group, stage, today()));
        error.set(result.err().map(|e: DomainError| e.to_string()));
    };
    let n = stage.number();
    let heading = format!("stage-{n}-title");
    let editor = match stage {
        Stage::Members => {
            view! { <members::MembersPicker programme=programme group=group /> }.into_any()
        }
        Stage::WorkingAgreement => {
            view! { <WorkingAgreementEditor programme=programme group=group /> }.into_any()
        }
        _ => view! { <StageText programme=programme group=group stage=stage /> }.into_any(),
    };
    view! {
        <li class="stage panel" class:agreed=move || status.get().is_agreed() aria-labelledby=heading.clone()>
            <h2 id=heading.clone()>{format!("Stage {n}: {}", stage.title())}</h2>
            <p class="tag" class:done=move || status.get().is_agreed()>{move || status.get().label()}</p>
            <p>{stage.prompt()}</p>
            <aside class="watch" aria-label=format!("What to watch for: {}", stage.title())>
                <h3>"What to watch for"</h3>
                <p>{stage.watch_for()}</p>
            </aside>
            {editor}
            <crate::ui::kit::ErrorLine error=error />
            <Show when=move || !status.get().is_agreed()>
                <button type="button" class="button primary" on:click=agree
                    aria-label=format!("Everyone agreed: {}", stage.title())>
                    {if stage == Stage::WorkingAgreement { "Everyone agreed to this version" } else { "Everyone agreed" }}
                </button>
            </Show>
        </li>
    }
}

#[component]
fn StageText(programme: Id, group: Id, stage: Stage) -> impl IntoView {
    let app = use_app();
    let value = Memo::new(move |_| {
        app.ws.with(|ws| {
            ws.programme(programme)
                .and_then(|p| p.charter(group))
                .map(|c| c.text(stage).to_string())
                .unwrap_or_default()
        })
    });
    let on_edit = Callback::new(move |text: String| {
        app.edit_programme(programme, |p| p.set_stage_text(group, stage, &text))
            .map_err(|e: DomainError| e.to_string())
    });
    view! {
        <TextField id=format!("stage-{}-text", stage.number()) label=stage.title() multiline=true
            value=value on_edit=on_edit />
    }
}

#[component]
fn WorkingAgreementEditor(programme: Id, group: Id) -> impl IntoView {
    let app = use_app();
    let versions = Memo::new(move |_| {
        app.ws.with(|ws| {
            ws.programme(programme)
                .and_then(|p| p.charter(group))
                .map(|c| c.versions.clone())
                .unwrap_or_default()
        })
    });
    let fields = Term::ALL.into_iter().map(|term| {
        let value = Memo::new(move |_| {
            app.ws.with(|ws| {
                ws.programme(programme)
                    .and_then(|p| p.charter(group))
                    .map(|c| c.working.get(term).to_string())
                    .unwrap_or_default()
            })
        });
        let on_edit = Callback::new(move |text: String| {
            app.edit_programme(programme, |p| p.set_term(group, term, &text))
                .map_err(|e: DomainError| e.to_string())
        });
        view! {
            <TextField id=format!("term-{}", term.key()) label=term.label() hint=term.hint()
                multiline=true value=value on_edit=on_edit />
        }
    });
    view! {
        <div class="terms">{fields.collect_view()}</div>
        <Show when=move || versions.with(|v| !v.is_empty())>
            <section class="versions" aria-labelledby="versions-title">
                <h3 id="versions-title">"Agreed versions"</h3>
                <p class="hint">"Changing an agreed working agreement starts a new version. Earlier versions stay here."</p>
                <For each=move || versions.get().into_iter().rev() key=|v| v.number let:v>
                    <details>
                        <summary>{format!("Version {}, agreed {}", v.number, v.agreed_on)}</summary>
                        <dl>
                            {Term::ALL.into_iter().filter(|t| !v.terms.get(*t).trim().is_empty()).map(|t| view! {
                                <dt>{t.label()}</dt>
                                <dd>{v.terms.get(t).to_string()}</dd>
                            }).collect_view()}
                        </dl>
                    </details>
                </For>
            </section>
        </Show>
    }
}
