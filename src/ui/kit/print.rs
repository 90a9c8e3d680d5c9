//! Printable sheets (a group charter, a pair's contract): the way back, the Print button, the
//! sheet itself and the lines where each person signs.

use leptos::prelude::*;

/// Opens the browser's print window (which can also save a PDF).
pub fn print_page() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// What a part of a sheet shows when nobody has written it yet.
pub fn or_not_written(text: String) -> String {
    if text.trim().is_empty() {
        "Not written yet.".to_string()
    } else {
        text
    }
}

/// A printable page: a link back to where it came from, the Print button (not printed), and
/// the sheet with the page's own parts.
#[component]
pub fn PrintSheet(
    /// Where "back" goes, and what the link says ("Back to the charter").
    back: String,
    back_label: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <nav aria-label="Breadcrumb" class="breadcrumb">
            <a href=back>{back_label}</a>
        </nav>
        <div class="actions no-print">
            <button type="button" class="button primary" on:click=|_| print_page()>"Print"</button>
            <p class="hint">"Prints on A4 or Letter. Choose “Save as PDF” in the print window to keep a copy."</p>
        </div>
        <article class="sheet">{children()}</article>
    }
}

/// The last part of a sheet: what everyone agrees to, and a row for each person to sign and
/// date by hand.
#[component]
pub fn SignatureLines(
    /// "We have agreed this charter and will each help to keep to it."
    agreed: &'static str,
    /// The first column's heading ("Member", "Partner").
    who: &'static str,
    #[prop(into)] names: Signal<Vec<String>>,
) -> impl IntoView {
    view! {
        <section class="sheet-part signatures">
            <h2>"Signatures"</h2>
            <p>{agreed}</p>
            <table class="grid sign">
                <thead><tr><th scope="col">{who}</th><th scope="col">"Signature"</th><th scope="col">"Date"</th></tr></thead>
                <tbody>
                    {move || names.get().into_iter().map(|m| view! { <tr><td dir="auto">{m}</td><td></td><td></td></tr> }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
