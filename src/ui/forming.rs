//! Shared pieces of the screens for forming groups (roster, buy-in, charter, print): the
//! page switch, titles, dates read from inputs, and the not-found fallbacks.

use crate::domain::{Date, Id};
use crate::state::{use_app, AppState, Route};
use crate::ui::not_found::{Gone, NotFound};
use leptos::prelude::*;

/// Reads the date from a date input, with the sentence to show when it is not a date.
pub fn read_date(text: &str, what: &str) -> Result<Date, String> {
    if text.trim().is_empty() {
        return Err(format!("Please choose {what}."));
    }
    Date::parse(text).map_err(|e| e.to_string())
}

/// Like [`read_date`] for a date that may be left empty.
pub fn read_optional_date(text: &str, what: &str) -> Result<Option<Date>, String> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        read_date(text, what).map(Some)
    }
}

pub fn title(app: AppState, route: Route) -> String {
    app.ws.with(|ws| {
        let Some(p) = route.programme().and_then(|id| ws.programme(id)) else {
            return "Programme".to_string();
        };
        let group = |g: Id| {
            p.group(g)
                .map(|g| g.name.clone())
                .unwrap_or_else(|| "Group".into())
        };
        match route {
            Route::Roster(_) => format!("Roster · {}", p.display_name()),
            Route::BuyIn(_) => format!("Awareness and buy-in · {}", p.display_name()),
            Route::Group(_, g) => format!("{} · {}", group(g), p.display_name()),
            Route::GroupPrint(_, g) => format!("Charter for printing · {}", group(g)),
            _ => p.display_name().to_string(),
        }
    })
}

pub fn page(route: Route) -> AnyView {
    let app = use_app();
    let programme = route.programme().unwrap_or_default();
    let group = match route {
        Route::Group(_, g) | Route::GroupPrint(_, g) => Some(g),
        _ => None,
    };
    let exists = Memo::new(move |_| {
        app.with_programme(programme, |p| group.is_none_or(|g| p.group(g).is_some()))
            .unwrap_or(false)
    });
    view! {
        <Show when=move || exists.get() fallback=move || view! { <NotFound gone=Gone::InProgramme(programme) /> }>
            {match route {
                Route::Roster(p) => view! { <super::roster::RosterPage programme=p /> }.into_any(),
                Route::BuyIn(p) => view! { <super::buyin::BuyInPage programme=p /> }.into_any(),
                Route::Group(p, g) => view! { <super::charter::GroupPage programme=p group=g /> }.into_any(),
                Route::GroupPrint(p, g) => view! { <super::charter::print::PrintPage programme=p group=g /> }.into_any(),
                _ => ().into_any(),
            }}
        </Show>
    }
    .into_any()
}

/// "← Programme name" above a sub-screen.
#[component]
pub fn BackToProgramme(programme: Id) -> impl IntoView {
    let app = use_app();
    let name = Memo::new(move |_| {
        app.with_programme(programme, |p| p.display_name().to_string())
            .unwrap_or_default()
    });
    view! {
        <nav aria-label="Breadcrumb" class="breadcrumb">
            <a href=Route::Programme(programme).href()>{move || format!("Back to {}", name.get())}</a>
        </nav>
    }
}
