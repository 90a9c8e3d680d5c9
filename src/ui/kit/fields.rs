//! Labelled fields: a label, the control, an optional hint, and the line saying why the last
//! edit was refused, tied together with `for`, `aria-describedby` and `aria-invalid`.

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

/// A label, an optional hint and whatever control the screen puts inside: the frame of every
/// field whose control is wired by hand (a picker of ids, a checkbox list, a file input).
/// The hint's id is `{id}-hint`, for the control's `aria-describedby`.
#[component]
pub fn Field(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional)] hint: Option<&'static str>,
    /// More classes for the field ("narrow", "grow").
    #[prop(optional)]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    frame(id, label, hint, class, children())
}

fn frame(
    id: String,
    label: String,
    hint: Option<&'static str>,
    class: &'static str,
    control: impl IntoView,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let class = if class.is_empty() {
        "field".to_string()
    } else {
        format!("field {class}")
    };
    view! {
        <div class=class>
            <label for=id>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {control}
        </div>
    }
}

/// A labelled picker whose options (the children) carry values such as ids or dates; the
/// chosen one, read back, goes into `chosen` (`None` for an empty or unreadable value).
#[component]
pub fn PickField<T>(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    chosen: RwSignal<Option<T>>,
    /// More classes for the field ("narrow").
    #[prop(optional)]
    class: &'static str,
    children: Children,
) -> impl IntoView
where
    T: std::str::FromStr + Send + Sync + 'static,
{
    let control = view! {
        <select id=id.clone() on:change=move |ev| chosen.set(event_target_value(&ev).parse().ok())>
            {children()}
        </select>
    };
    frame(id, label, None, class, control)
}

/// The options of a [`PickField`]: `none` (chosen while nothing is) and then each
/// `(value, words)` that `items` gives, the chosen one selected.
pub fn choose_options<T>(
    chosen: RwSignal<Option<T>>,
    none: &'static str,
    items: impl Fn() -> Vec<(T, String)> + Send + Sync + 'static,
) -> impl IntoView
where
    T: Copy + PartialEq + std::fmt::Display + Send + Sync + 'static,
{
    view! {
        <option value="" selected=move || chosen.with(Option::is_none)>{none}</option>
        {move || items().into_iter().map(|(value, words)| view! {
            <option value=value.to_string() selected=move || chosen.get() == Some(value)>{words}</option>
        }).collect_view()}
    }
}

/// A labelled text box (or date, number, search box: `kind`) showing `value` and handing each
/// keystroke to `on_input`; the hint, if any, is tied to it for screen readers.
#[component]
pub fn InputField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    /// The input's `type`: "text" unless told.
    #[prop(default = "text")]
    kind: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] min: Option<&'static str>,
    #[prop(optional)] max: Option<&'static str>,
    /// More classes for the field ("narrow", "grow").
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let described = hint.map(|_| format!("{id}-hint"));
    let control = view! {
        <input id=id.clone() type=kind prop:value=move || value.get() autocomplete=autocomplete
            min=min max=max aria-describedby=described
            on:input=move |ev| on_input.run(event_target_value(&ev)) />
    };
    frame(id, label, hint, class, control)
}

/// The hint under a box for a pair's or a person's private notes.
pub const PRIVATE_NOTES_HINT: &str =
    "Stay on this device: never on the programme view and never in any shared file.";

/// A labelled text area, bound like [`InputField`].
#[component]
pub fn TextAreaField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(default = 3)] rows: u32,
    #[prop(optional)] hint: Option<&'static str>,
    /// More classes for the field ("wide").
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let described = hint.map(|_| format!("{id}-hint"));
    let control = view! {
        <textarea id=id.clone() rows=rows.to_string() prop:value=move || value.get()
            aria-describedby=described
            on:input=move |ev| on_input.run(event_target_value(&ev))></textarea>
    };
    frame(id, label, hint, class, control)
}

/// A set of checkboxes under one legend ("The closing conversation covered"), each ticked
/// while `is_on` says so and handing each change to `on_toggle`.
#[component]
pub fn CheckList<T>(
    legend: &'static str,
    options: Vec<(T, &'static str)>,
    is_on: Callback<T, bool>,
    on_toggle: Callback<(T, bool)>,
) -> impl IntoView
where
    T: Copy + Send + Sync + 'static,
{
    view! {
        <fieldset class="choices">
            <legend>{legend}</legend>
            {options.into_iter().map(|(t, words)| view! {
                <label class="check">
                    <input type="checkbox" prop:checked=move || is_on.run(t)
                        on:change=move |ev| on_toggle.run((t, event_target_checked(&ev))) />
                    <span>{words}</span>
                </label>
            }).collect_view()}
        </fieldset>
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

/// The option a picker shows while the stored value is one this version does not know (a
/// newer version wrote it): chosen and greyed out, in plain words, so the picker never seems
/// to show another value. Picking a known value replaces it.
pub fn unknown_option(
    shown: impl Fn() -> bool + Send + Sync + 'static,
    label: &'static str,
) -> impl IntoView {
    move || shown().then(|| view! { <option value="" disabled=true selected=true>{label}</option> })
}

/// The radio button a set of choices (`name`) shows while the stored value is one this version
/// does not know, like [`unknown_option`] for a picker: chosen and greyed out, in plain words.
/// Choosing a known value replaces it.
pub fn unknown_choice(
    name: impl Into<String>,
    shown: impl Fn() -> bool + Send + Sync + 'static,
    label: &'static str,
) -> impl IntoView {
    let name = name.into();
    move || {
        shown().then(|| {
            view! {
                <label class="check">
                    <input type="radio" name=name.clone() checked=true disabled=true />
                    <span>{label}</span>
                </label>
            }
        })
    }
}
