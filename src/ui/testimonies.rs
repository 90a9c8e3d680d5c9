//! Testimonies (Sweeny step 7): consented flip-chart items typed up as quotes, credited to a
//! role ("a first-year protege"), edited, and chosen for the next file.

use crate::domain::testimony::{role_phrase, Attribution, Testimony};
use crate::domain::Id;
use crate::state::{use_app, Refusal};
use crate::ui::kit::{ConfirmButton, Field};
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
struct Consented {
    session: Id,
    item: u32,
    text: String,
    date: String,
    used: bool,
}

#[component]
pub fn TestimoniesSection(programme: Id) -> impl IntoView {
    let app = use_app();
    let consented = Memo::new(move |_| {
        app.ws.with(|ws| {
            ws.sessions_of(programme)
                .into_iter()
                .flat_map(|s| {
                    s.shareable_items().into_iter().map(move |i| Consented {
                        session: s.id(),
                        item: i.number,
                        text: i.text.clone(),
                        date: s.date().to_string(),
                        used: ws.testimonies.iter().any(|t| {
                            t.source
                                .is_some_and(|src| src.session == s.id() && src.item == i.number)
                        }),
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    let mine = Memo::new(move |_| {
        app.ws.with(|ws| {
            let sessions: Vec<Id> = ws.sessions_of(programme).iter().map(|s| s.id()).collect();
            ws.testimonies
                .iter()
                .filter(|t| t.source.is_some_and(|s| sessions.contains(&s.session)))
                .map(|t| t.id)
                .collect::<Vec<_>>()
        })
    });
    let error = RwSignal::new(None::<String>);
    let make = move |session: Id, item: u32| {
        let result = app.change(|ws| {
            let s = ws
                .session(session)
                .ok_or(Refusal("That meeting no longer exists.".into()))?;
            let role = ws
                .group(s.group())
                .map(|(_, g)| role_phrase(g.kind))
                .unwrap_or("a member");
            let s = s.clone();
            let id = ws.fresh_id();
            let drafted =
                Testimony::draft(id, &s, item, role).map_err(|e| Refusal(e.to_string()))?;
            ws.testimonies.push(drafted);
            Ok::<_, Refusal>(())
        });
        error.set(result.err().map(|e| e.0));
    };
    view! {
        <section class="panel" aria-labelledby="testimonies-title">
            <h2 id="testimonies-title">"Testimonies"</h2>
            <p class="hint">
                "Turn items the groups agreed to share into quotes for a newsletter or brochure. \
                 They are credited to a role; a name only with the person's written approval \
                 for that use, recorded in the roster."
            </p>
            <Show
                when=move || consented.with(|c| !c.is_empty())
                fallback=|| view! { <p class="empty">"No item has been agreed for sharing yet. The consent step of a session decides that."</p> }
            >
                <h3>"Items agreed for sharing"</h3>
                <ul class="rows" role="list">
                    {move || consented.get().into_iter().map(|c| view! {
                        <li class="row">
                            <p class="grow">{c.text.clone()}<span class="meta">{format!(" · {}", c.date)}</span></p>
                            {if c.used {
                                view! { <span class="tag">"Has a testimony"</span> }.into_any()
                            } else {
                                view! {
                                    <button type="button" class="button" aria-label=format!("Make a testimony from “{}”", c.text)
                                        on:click=move |_| make(c.session, c.item)>"Make a testimony"</button>
                                }.into_any()
                            }}
                        </li>
                    }).collect_view()}
                </ul>
            </Show>
            <crate::ui::kit::ErrorLine error=error />
            <Show when=move || mine.with(|m| !m.is_empty())>
                <h3>"Your testimonies"</h3>
                <ol class="rows" role="list">
                    <For each=move || mine.get() key=|id| *id let:id>
                        <TestimonyRow id=id programme=programme />
                    </For>
                </ol>
            </Show>
        </section>
    }
}

/// A change to one testimony, checked by its own rules.
type TestimonyChange =
    Box<dyn FnOnce(&mut Testimony) -> Result<(), crate::domain::testimony::TestimonyError>>;

#[component]
fn TestimonyRow(id: Id, programme: Id) -> impl IntoView {
    let app = use_app();
    let today = crate::ui::kit::today();
    // Only people with a written approval in force can be offered as a named credit; the
    // gate still checks it covers what the file is for.
    let approved = Memo::new(move |_| {
        app.with_programme(programme, |p| {
            p.participants
                .iter()
                .filter_map(|x| {
                    let a = x.quote_approval.as_ref()?;
                    let uses: Vec<&str> = a.uses.iter().map(|u| u.label()).collect();
                    (a.in_force_on(today) && !uses.is_empty()).then(|| {
                        (
                            x.id,
                            format!(
                                "{} (approved for {})",
                                x.display_name,
                                uses.join(", ").to_lowercase()
                            ),
                        )
                    })
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let t = Memo::new(move |_| {
        app.ws
            .with(|ws| ws.testimonies.iter().find(|t| t.id == id).cloned())
    });
    let named = move || {
        t.with(|t| match t.as_ref().map(|t| &t.attribution) {
            Some(Attribution::Named(p)) => Some(*p),
            _ => None,
        })
    };
    let error = RwSignal::new(None::<String>);
    let change = move |f: TestimonyChange| {
        let result = app.change(|ws| {
            let t = ws
                .testimonies
                .iter_mut()
                .find(|t| t.id == id)
                .ok_or(Refusal("That testimony no longer exists.".into()))?;
            f(t).map_err(|e| Refusal(e.to_string()))
        });
        error.set(result.err().map(|e| e.0));
    };
    // The group's current words for the item this testimony was written from, when they have
    // changed since: the testimony is held back until the facilitator confirms it.
    let changed_words = Memo::new(move |_| {
        app.ws.with(|ws| {
            let t = ws.testimonies.iter().find(|t| t.id == id)?;
            let src = t.source?;
            let item = ws.session(src.session)?.item(src.item).ok()?;
            t.needs_confirming(&item.text).then(|| item.text.clone())
        })
    });
    let confirm = move |_| {
        if let Some(words) = changed_words.get_untracked() {
            change(Box::new(move |t| {
                t.confirm_against(&words);
                Ok(())
            }));
        }
    };
    let remove = Callback::new(move |_| {
        let _ = app.change(|ws| {
            ws.testimonies.retain(|t| t.id != id);
            Ok::<_, Refusal>(())
        });
    });
    let role = move || {
        t.with(|t| match t.as_ref().map(|t| &t.attribution) {
            Some(Attribution::ByRole(r)) => r.clone(),
            _ => String::new(),
        })
    };
    view! {
        <li class="row testimony">
            {move || changed_words.get().map(|words| view! {
                <div class="warning" role="status">
                    <p>
                        "The group's words for this item have changed since this testimony was                          written, so it is held back from files. The group's words now:"
                    </p>
                    <blockquote class="quote"><p>{words}</p></blockquote>
                    <button type="button" class="button" on:click=confirm>
                        "I have checked it against these words"
                    </button>
                </div>
            })}
            <div class="row-fields">
                <Field id=format!("testimony-{id}") label="Testimony" class="wide">
                    <textarea id=format!("testimony-{id}") rows="3"
                        prop:value=move || t.with(|t| t.as_ref().map(|t| t.text.clone()).unwrap_or_default())
                        on:change=move |ev| { let text = event_target_value(&ev); change(Box::new(move |t| t.edit_text(&text))) }>
                    </textarea>
                </Field>
                <Field id=format!("testimony-credit-{id}") label="How to credit it">
                    <select id=format!("testimony-credit-{id}") on:change=move |ev| {
                        let value = event_target_value(&ev);
                        match value.parse::<Id>() {
                            Ok(person) => change(Box::new(move |t| { t.attribution = Attribution::Named(person); Ok(()) })),
                            Err(_) => change(Box::new(|t| t.attribute_to_role("a member of the programme"))),
                        }
                    }>
                        <option value="role" selected=move || named().is_none()>"A role, not a name"</option>
                        {move || approved.get().into_iter().map(|(person, label)| view! {
                            <option value=person.to_string() selected=move || named() == Some(person)>{format!("By name: {label}")}</option>
                        }).collect_view()}
                    </select>
                </Field>
                <Field id=format!("testimony-role-{id}") label="Credited to">
                    <input id=format!("testimony-role-{id}") type="text" prop:value=role
                        on:change=move |ev| { let r = event_target_value(&ev); change(Box::new(move |t| t.attribute_to_role(&r))) } />
                </Field>
            </div>
            <div class="actions">
                <label class="check">
                    <input type="checkbox" prop:checked=move || t.with(|t| t.as_ref().is_some_and(|t| t.include))
                        on:change=move |ev| { let on = event_target_checked(&ev); change(Box::new(move |t| { t.include = on; Ok(()) })) } />
                    <span>"Include in the file"</span>
                </label>
                <ConfirmButton label="Delete this testimony".into() question="Delete this testimony?".into()
                    confirm="Yes, delete it" on_confirm=remove class="danger-outline" />
            </div>
            <crate::ui::kit::ErrorLine error=error />
        </li>
    }
}
