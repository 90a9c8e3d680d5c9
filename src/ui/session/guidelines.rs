//! The group's guidelines at the start of a meeting: a large-type card on the facilitator's
//! screen to read aloud, and a switch that puts the same card on the projector.

use crate::domain::charter::{Guidelines, GuidelinesSource};
use crate::domain::Id;
use crate::state::{use_app, Route};
use leptos::prelude::*;

/// The card itself, as the facilitator's screen and the projector both paint it.
#[component]
pub fn GuidelinesCard(
    guidelines: Guidelines,
    heading_id: &'static str,
    top: bool,
) -> impl IntoView {
    let draft = guidelines.source == GuidelinesSource::Draft;
    let title = if guidelines.group_name.trim().is_empty() {
        "Our guidelines".to_string()
    } else {
        format!("Our guidelines · {}", guidelines.group_name)
    };
    let heading = if top {
        view! { <h1 id=heading_id tabindex="-1">{title}</h1> }.into_any()
    } else {
        view! { <h3 id=heading_id>{title}</h3> }.into_any()
    };
    view! {
        <article class="guidelines-card" class:draft=draft aria-labelledby=heading_id>
            {heading}
            <p class="guidelines-source">{guidelines.source_line()}</p>
            {guidelines.parts.into_iter().map(|part| view! {
                <section class="guidelines-part">
                    <h4>{part.title}</h4>
                    <ul>
                        {part.lines.into_iter().map(|l| view! { <li dir="auto">{l}</li> }).collect_view()}
                    </ul>
                </section>
            }).collect_view()}
        </article>
    }
}

/// On the first step: read the guidelines aloud, and show them on the projector.
#[component]
pub fn GuidelinesOffer(id: Id) -> impl IntoView {
    let app = use_app();
    let card = Memo::new(move |_| {
        app.ws.with(|ws| {
            let s = ws.session(id)?;
            let (p, _) = ws.group(s.group())?;
            Some((p.id, s.group(), p.guidelines(s.group())))
        })
    });
    let on_screen = super::read_session(id, |s| s.guidelines_on_screen());
    let reading = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let project = move |_| {
        let on = !on_screen.get_untracked();
        let r = app.edit_session(id, |s| s.show_guidelines(on));
        error.set(r.err().map(|e| e.0));
    };
    let empty = move || card.with(|c| c.as_ref().is_none_or(|c| c.2.is_empty()));
    view! {
        <section class="guidelines-offer" aria-labelledby="guidelines-offer-title">
            <h3 id="guidelines-offer-title">"The group's guidelines"</h3>
            <Show
                when=move || !empty()
                fallback=move || view! {
                    <p class="hint">"This group has no guidelines to read out yet. They come from its working agreement (ground rules, confidentiality, feedback, time for each presenter, attending)."</p>
                    {move || card.get().map(|(p, g, _)| view! {
                        <p><a class="button" href=Route::Group(p, g).href()>"Write the working agreement"</a></p>
                    })}
                }
            >
                <p class="hint">"Many groups start each meeting by reading their guidelines aloud, so everyone, and anyone new, knows what the group agreed."</p>
                <div class="actions">
                    <button type="button" class="button" aria-expanded=move || reading.get().to_string()
                        aria-controls="guidelines-read" on:click=move |_| reading.update(|r| *r = !*r)>
                        {move || if reading.get() { "Hide the guidelines" } else { "Read the guidelines aloud" }}
                    </button>
                    <button type="button" class="button" aria-pressed=move || on_screen.get().to_string() on:click=project>
                        {move || if on_screen.get() { "Take the guidelines off the big screen" } else { "Show the guidelines on the big screen" }}
                    </button>
                </div>
                <Show when=move || on_screen.get()>
                    <p class="hint" role="status">"The big screen shows the guidelines until you take them off or press Next."</p>
                </Show>
                <div id="guidelines-read">
                    <Show when=move || reading.get()>
                        {move || card.get().map(|(_, _, g)| view! { <GuidelinesCard guidelines=g heading_id="guidelines-card-title" top=false /> })}
                    </Show>
                </div>
            </Show>
            <crate::ui::kit::ErrorLine error=error />
        </section>
    }
}
