//! Skills and pairing: the skills inventory, proposing and reviewing pairs, and each pair's
//! contract. Every decision is in `domain::mentoring` and `domain::pairing`.

mod contract;
mod ending;
mod import;
mod life;

pub use life::next_words;
mod pairing;
mod skills;

use crate::domain::mentoring::Mentoring;
use crate::domain::programme::Programme;
use crate::domain::{DomainError, Id};
use crate::state::{use_app, AppState, Route};
use crate::ui::kit::pair_names;
use crate::ui::not_found::{Gone, NotFound};
use leptos::prelude::*;

pub fn title(app: AppState, route: Route) -> String {
    app.ws.with(|ws| {
        let Some(p) = route.programme().and_then(|id| ws.programme(id)) else {
            return "Programme".to_string();
        };
        match route {
            Route::Skills(_) => format!("Skills inventory · {}", p.display_name()),
            Route::Pairing(_) => format!("Pairing · {}", p.display_name()),
            Route::Pair(_, x) => pair_names(p, x),
            Route::PairPrint(_, x) => format!("Contract: {}", pair_names(p, x)),
            _ => p.display_name().to_string(),
        }
    })
}

/// An explanation as a sentence: capital first letter, full stop at the end.
pub fn sentence(text: &str) -> String {
    let text = text.trim();
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let mut out: String = first.to_uppercase().chain(chars).collect();
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

pub fn page(route: Route) -> AnyView {
    let app = use_app();
    let programme = route.programme().unwrap_or_default();
    let pair = match route {
        Route::Pair(_, x) | Route::PairPrint(_, x) => Some(x),
        _ => None,
    };
    let exists = Memo::new(move |_| {
        app.with_programme(programme, |p| {
            pair.is_none_or(|x| p.mentoring.pair(x).is_some())
        })
        .unwrap_or(false)
    });
    view! {
        <Show when=move || exists.get() fallback=move || view! { <NotFound gone=Gone::InPairing(programme) /> }>
            {match route {
                Route::Skills(p) => view! { <skills::SkillsPage programme=p /> }.into_any(),
                Route::Pairing(p) => view! { <pairing::PairingPage programme=p /> }.into_any(),
                Route::Pair(p, x) => view! { <contract::ContractPage programme=p pair=x /> }.into_any(),
                Route::PairPrint(p, x) => view! { <contract::PrintPage programme=p pair=x /> }.into_any(),
                _ => ().into_any(),
            }}
        </Show>
    }
    .into_any()
}

/// Reads the programme's mentoring data without cloning the whole programme.
pub fn with_mentoring<R: Default>(
    programme: Id,
    read: impl FnOnce(&Programme, &Mentoring) -> R,
) -> R {
    let app = use_app();
    app.with_programme(programme, |p| read(p, &p.mentoring))
        .unwrap_or_default()
}

/// Changes the programme's mentoring data; the error comes back as a sentence.
pub fn edit_mentoring<R>(
    programme: Id,
    change: impl FnOnce(&mut Programme) -> Result<R, DomainError>,
) -> Result<R, String> {
    let app = use_app();
    app.edit_programme(programme, change)
        .map_err(|e: DomainError| e.to_string())
}

/// The programme screen's way in: the inventory and the pairing review.
#[component]
pub fn MentoringLinks(programme: Id) -> impl IntoView {
    let counts = Memo::new(move |_| {
        with_mentoring(programme, |_, m| {
            (m.skills.len(), m.active_pairs().count(), m.draft.is_some())
        })
    });
    let stages = Memo::new(move |_| with_mentoring(programme, |p, _| life::stage_counts(p)));
    view! {
        <section class="panel" aria-labelledby="mentoring-title">
            <h2 id="mentoring-title">"Skills and pairing"</h2>
            <p class="hint">"Record what each person can offer and wants to develop, then pair people so their skills complement each other."</p>
            <ul class="cards" role="list">
                <li class="card">
                    <h3><a href=Route::Skills(programme).href()>"Skills inventory"</a></h3>
                    <p class="meta">{move || match counts.get().0 { 0 => "No skills listed yet".to_string(), 1 => "1 skill".to_string(), n => format!("{n} skills") }}</p>
                </li>
                <li class="card">
                    <h3><a href=Route::Pairing(programme).href()>"Pairing"</a></h3>
                    <p class="meta">{move || {
                        let (_, pairs, draft) = counts.get();
                        let confirmed = match pairs { 0 => "No confirmed pairs".to_string(), 1 => "1 confirmed pair".to_string(), n => format!("{n} confirmed pairs") };
                        if draft { format!("{confirmed}; a proposal is waiting for review") } else { confirmed }
                    }}</p>
                    <Show when=move || stages.with(|s| !s.is_empty())>
                        <p class="meta stage-counts">{move || stages.get()}</p>
                    </Show>
                </li>
            </ul>
        </section>
    }
}
