//! How the group is led: rotating chair, mentee-led, or no designated roles (allowed, with a
//! calm warning). For a rotating chair, the roster of chairs lives in `rota`.

use super::rota::RotaEditor;
use crate::domain::charter::{Leadership, NO_ROLES_WARNING};
use crate::domain::Id;
use crate::state::use_app;
use leptos::prelude::*;

#[component]
pub fn LeadershipSection(programme: Id, group: Id) -> impl IntoView {
    let app = use_app();
    let model = Memo::new(move |_| {
        app.ws.with(|ws| {
            ws.programme(programme)
                .and_then(|p| p.charter(group))
                .and_then(|c| c.leadership)
        })
    });
    let pick = move |m: Leadership| {
        let _ = app.edit_programme(programme, |p| p.set_leadership(group, Some(m)));
    };
    view! {
        <section class="panel" aria-labelledby="leadership-title">
            <h2 id="leadership-title">"How the group is led"</h2>
            <p>
                "Part of the overall contract (stage 5) is agreeing how meetings are run. Having \
                 an agreed model spreads the facilitation across the members."
            </p>
            <fieldset class="choices models">
                <legend>"Leadership model"</legend>
                {Leadership::ALL.into_iter().map(|m| {
                    let id = format!("model-{}", m.key());
                    view! {
                        <div class="model">
                            <input type="radio" name="leadership" id=id.clone()
                                prop:checked=move || model.get() == Some(m)
                                on:change=move |_| pick(m)
                                aria-describedby=format!("{id}-explain") />
                            <label for=id.clone()>{m.label()}</label>
                            <p class="hint" id=format!("{id}-explain")>{m.explain()}</p>
                        </div>
                    }
                }).collect_view()}
                <Show when=move || model.get() == Some(Leadership::Unknown)>
                    <div class="model">
                        <input type="radio" name="leadership" id="model-unknown" checked=true disabled=true
                            aria-describedby="model-unknown-explain" />
                        <label for="model-unknown">{Leadership::Unknown.label()}</label>
                        <p class="hint" id="model-unknown-explain">{Leadership::Unknown.explain()}</p>
                    </div>
                </Show>
            </fieldset>
            <Show when=move || model.get() == Some(Leadership::NoDesignatedRoles)>
                <p class="notice" role="note">{NO_ROLES_WARNING}</p>
            </Show>
            <Show when=move || model.get() == Some(Leadership::MenteeLed)>
                <p class="hint">"Whoever presents chairs their own part of the meeting: no roster is needed."</p>
            </Show>
            <Show when=move || model.get() == Some(Leadership::RotatingChair)>
                <RotaEditor programme=programme group=group />
            </Show>
        </section>
    }
}
