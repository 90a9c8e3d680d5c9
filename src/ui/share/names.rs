//! The blocked file: every reason in plain words, and for each name found a choice that belongs
//! to that one spot of that one text. "Keep" is offered only where the person's written
//! approval covers what this file is for.

use crate::domain::disclosure::NameChoice;
use crate::share::gate::NameFinding;
use leptos::prelude::*;

#[component]
pub fn BlockedPanel(
    reasons: Vec<String>,
    names: Vec<NameFinding>,
    decide: impl Fn(NameFinding, NameChoice) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let any_names = !names.is_empty();
    view! {
        <section class="panel blocked" role="alert" aria-labelledby="blocked-title">
            <h2 id="blocked-title">"This file cannot be made yet"</h2>
            <ul>{reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
            <Show when=move || any_names>
                <p>
                    "For each name: replace it with [name], or say the word is not a name in \
                     this one place. To change the wording itself, edit the item or the \
                     testimony. A choice holds for this spot only; if the text changes, you are \
                     asked again."
                </p>
            </Show>
            <ul class="rows" role="list">
                {names.into_iter().map(|f| view! { <FindingRow finding=f decide=decide /> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn FindingRow(
    finding: NameFinding,
    decide: impl Fn(NameFinding, NameChoice) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let what = format!("“{}” in {}", finding.hit.matched, finding.label);
    let (a, b, c) = (finding.clone(), finding.clone(), finding.clone());
    let keep = finding.keep_allowed;
    let common = finding.hit.common_word;
    view! {
        <li class="row">
            <p><strong>{what.clone()}</strong></p>
            {common.then(|| view! {
                <p class="hint">"This is also an ordinary word. If it is not about a person here, choose “Not a name here”: it holds for this spot only."</p>
            })}
            <div class="actions">
                <button type="button" class="button primary" aria-label=format!("Replace {what} with [name]")
                    on:click=move |_| decide(a.clone(), NameChoice::Replace)>"Replace with [name]"</button>
                <button type="button" class="button" aria-label=format!("{what} is not a name")
                    on:click=move |_| decide(b.clone(), NameChoice::NotAName)>"Not a name here"</button>
                {keep.then(|| view! {
                    <button type="button" class="button" aria-label=format!("Keep {what}: this person approved it in writing")
                        on:click=move |_| decide(c.clone(), NameChoice::Keep)>"Keep: approved in writing"</button>
                })}
            </div>
            {(!keep).then(|| view! {
                <p class="hint">"Keeping this name is not offered: nobody with this name has a written approval that covers this file's use."</p>
            })}
        </li>
    }
}
