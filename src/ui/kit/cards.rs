//! Lists of cards (programmes, plans, pairs) and wide tables: the cards or the table, or one
//! plain sentence while there are none yet.

use leptos::prelude::*;

/// The children, or `when_empty` in their place while `empty` is true: a table or list that
/// would otherwise show nothing.
#[component]
pub fn OrEmpty(
    #[prop(into)] empty: Signal<bool>,
    when_empty: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    view! {
        <Show when=move || !empty.get() fallback=move || view! { <p class="empty">{when_empty}</p> }>
            {children()}
        </Show>
    }
}

/// A `<ul class="cards">` of the children (each a `<li class="card">`), or `when_empty` in
/// its place while `empty` is true.
#[component]
pub fn CardList(
    #[prop(into)] empty: Signal<bool>,
    when_empty: &'static str,
    /// More classes for the list ("pair-health").
    #[prop(optional)]
    class: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    let class = if class.is_empty() {
        "cards".to_string()
    } else {
        format!("cards {class}")
    };
    view! {
        <OrEmpty empty=empty when_empty=when_empty>
            <ul class=class.clone() role="list">{children()}</ul>
        </OrEmpty>
    }
}

/// A `<table>` (the children: caption, head and body) that scrolls sideways on a narrow
/// screen, or `when_empty` in its place while `empty` is true.
#[component]
pub fn TableOrEmpty(
    #[prop(into)] empty: Signal<bool>,
    when_empty: &'static str,
    /// The table's classes ("grid pairs").
    class: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    view! {
        <OrEmpty empty=empty when_empty=when_empty>
            <div class="scroll">
                <table class=class>{children()}</table>
            </div>
        </OrEmpty>
    }
}
