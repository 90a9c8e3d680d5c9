//! The one "not found" screen: an address that names nothing, or a programme, session or
//! anything inside a programme that is no longer on this device.

use crate::domain::Id;
use crate::state::{use_app, Route};
use leptos::prelude::*;

/// What could not be found, which says where to go instead.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Gone {
    /// The address names no screen.
    #[default]
    Address,
    Programme,
    Session,
    /// Something inside this programme (a group, a plan, a pair).
    InProgramme(Id),
    /// A pair or contract of this programme's pairing.
    InPairing(Id),
}

#[component]
pub fn NotFound(#[prop(optional)] gone: Gone) -> impl IntoView {
    let app = use_app();
    let (heading, text) = match gone {
        Gone::Address => ("Page not found", "There is nothing at this address."),
        Gone::Programme => (
            "Programme not found",
            "This programme is not on this device. It may have been deleted.",
        ),
        Gone::Session => (
            "Session not found",
            "This session is not on this device. It may have been deleted.",
        ),
        Gone::InProgramme(_) | Gone::InPairing(_) => (
            "Not found",
            "This is not on this device any more. It may have been deleted.",
        ),
    };
    let back = move || match gone {
        Gone::InPairing(p) => (Route::Pairing(p), "Back to pairing"),
        Gone::InProgramme(p) if app.ws.with(|ws| ws.programme(p).is_some()) => {
            (Route::Programme(p), "Back to the programme")
        }
        _ => (Route::Programmes, "Go to your programmes"),
    };
    view! {
        <h1 tabindex="-1">{heading}</h1>
        <p>{text}</p>
        <p>
            {move || {
                let (route, label) = back();
                view! { <a class="button" href=route.href()>{label}</a> }
            }}
        </p>
    }
}
