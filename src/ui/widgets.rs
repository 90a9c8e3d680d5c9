//! Small pieces every screen uses: a labelled text field that saves as you type, and a
//! delete button that asks first.

use leptos::html;
use leptos::prelude::*;

/// A labelled input (or text area) bound to one stored text. A refused edit keeps what was
/// typed on screen, with the reason beneath it.
#[component]
pub fn TextField(
    id: String,
    #[prop(into)] label: String,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] multiline: bool,
    #[prop(into)] value: Signal<String>,
    on_edit: Callback<String, Result<(), String>>,
) -> impl IntoView {
    let refused = RwSignal::new(None::<(String, String)>);
    let shown = move || {
        refused
            .with(|r| r.as_ref().map(|(text, _)| text.clone()))
            .unwrap_or_else(|| value.get())
    };
    let edit = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        match on_edit.run(text.clone()) {
            Ok(()) => refused.set(None),
            Err(reason) => refused.set(Some((text, reason))),
        }
    };
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = {
        let hint_id = hint_id.clone();
        let error_id = error_id.clone();
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if refused.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || refused.with(Option::is_some).then_some("true");
    let control = if multiline {
        view! {
            <textarea id=id.clone() rows="4" prop:value=shown on:input=edit
                aria-describedby=described.clone() aria-invalid=invalid></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() type="text" prop:value=shown on:input=edit
                aria-describedby=described aria-invalid=invalid autocomplete="off" />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            {control}
            <Show when=move || refused.with(Option::is_some)>
                <p class="error" id=error_id.clone()>
                    {move || refused.with(|r| r.as_ref().map(|(_, why)| why.clone()))}
                </p>
            </Show>
        </div>
    }
}

/// A button that, when pressed, asks "are you sure?" in place before doing anything.
#[component]
pub fn ConfirmButton(
    /// What the first button says ("Delete group").
    label: String,
    /// The question asked ("Delete the group “Mentors”? …").
    question: String,
    /// What the confirming button says ("Yes, delete it").
    confirm: &'static str,
    on_confirm: Callback<()>,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    let keep_ref = NodeRef::<html::Button>::new();
    let open_ref = NodeRef::<html::Button>::new();
    let open = move |_| {
        asking.set(true);
        request_animation_frame(move || {
            if let Some(b) = keep_ref.get_untracked() {
                let _ = b.focus();
            }
        });
    };
    let close = move |_| {
        asking.set(false);
        request_animation_frame(move || {
            if let Some(b) = open_ref.get_untracked() {
                let _ = b.focus();
            }
        });
    };
    let label_again = label.clone();
    view! {
        <Show
            when=move || asking.get()
            fallback=move || {
                view! {
                    <button type="button" class=format!("button {class}") node_ref=open_ref
                        on:click=open>{label_again.clone()}</button>
                }
            }
        >
            <div class="confirm" role="group" aria-label=label.clone()>
                <p>{question.clone()}</p>
                <div class="actions">
                    <button type="button" class="button danger"
                        on:click=move |_| { asking.set(false); on_confirm.run(()) }>{confirm}</button>
                    <button type="button" class="button" node_ref=keep_ref on:click=close>
                        "No, keep it"
                    </button>
                </div>
            </div>
        </Show>
    }
}

/// The sentence saying why the last action was refused, announced to screen readers, shown
/// next to what failed; nothing when all is well.
#[component]
pub fn ErrorLine(error: RwSignal<Option<String>>) -> impl IntoView {
    view! {
        <Show when=move || error.with(Option::is_some)>
            <p class="error" role="alert">{move || error.get()}</p>
        </Show>
    }
}

/// "12 KB", "3.4 MB": storage figures for people, not engineers.
pub fn human_bytes(bytes: f64) -> String {
    const UNITS: [&str; 5] = ["bytes", "KB", "MB", "GB", "TB"];
    let mut value = bytes.max(0.0);
    let mut unit = 0;
    while value >= 1000.0 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{} bytes", value.round())
    } else if value < 10.0 {
        format!("{value:.1} {}", UNITS[unit])
    } else {
        format!("{} {}", value.round(), UNITS[unit])
    }
}

/// The option a picker shows while the stored value is one this version does not know (a
/// newer version wrote it): chosen and greyed out, in plain words, so the picker never seems
/// to show another value. Picking a known value replaces it.
pub fn unknown_option(
    shown: impl Fn() -> bool + Send + Sync + 'static,
    label: &'static str,
) -> impl IntoView {
    move || shown().then(|| view! { <option value="" disabled=true selected=true>{label}</option> })
}

#[cfg(test)]
mod tests {
    use super::human_bytes;

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(human_bytes(0.0), "0 bytes");
        assert_eq!(human_bytes(999.0), "999 bytes");
        assert_eq!(human_bytes(12_345.0), "12 KB");
        assert_eq!(human_bytes(2_100_000_000.0), "2.1 GB");
    }
}
