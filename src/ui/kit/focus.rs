//! Moving the keyboard focus to a part of the page by its id, as a screen does after an
//! action that changes what is shown.

use leptos::prelude::*;

/// Moves the focus to the element with this id, if it is on the page.
pub fn focus_id(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
            let _ = el.focus();
        }
    }
}

/// Like [`focus_id`], once the browser has drawn the next frame: for an element that the
/// change just made is about to show.
pub fn focus_id_soon(id: impl Into<String>) {
    let id = id.into();
    request_animation_frame(move || focus_id(&id));
}
