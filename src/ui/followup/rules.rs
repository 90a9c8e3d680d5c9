//! How this programme runs its relationships: the contact cadence (the standard, or its own)
//! and whether a pair becomes active only once its agreement is signed.

use super::change;
use crate::domain::followup::ContactCadence;
use crate::domain::{DomainError, Id};
use crate::state::use_app;
use crate::ui::kit::{ErrorLine, Field};
use leptos::prelude::*;

#[component]
pub fn RelationshipRules(programme: Id) -> impl IntoView {
    let app = use_app();
    let cadence = Memo::new(move |_| {
        app.with_programme(programme, |p| p.followup.contact_cadence)
            .unwrap_or(ContactCadence::STANDARD)
    });
    let required = Memo::new(move |_| {
        app.ws.with(|ws| {
            ws.programme(programme)
                .is_none_or(|p| p.mentoring.life_rules.agreement_required)
        })
    });
    let error = RwSignal::new(None::<String>);
    let set = move |f: fn(&mut ContactCadence, u32), ev: leptos::ev::Event| {
        let Ok(n) = event_target_value(&ev).parse::<u32>() else {
            error.set(Some("Please choose from the list.".into()));
            return;
        };
        let mut c = cadence.get_untracked();
        f(&mut c, n);
        error.set(change(programme, |x| x.set_contact_cadence(c)).err());
    };
    let standard = move |_| {
        error.set(
            change(programme, |x| {
                x.set_contact_cadence(ContactCadence::STANDARD)
            })
            .err(),
        );
    };
    let set_required = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        let r = app
            .edit_programme(programme, |p| {
                p.mentoring.life_rules.agreement_required = on;
                Ok::<_, DomainError>(())
            })
            .map_err(|e| e.to_string());
        error.set(r.err());
    };
    let options = move |values: &'static [u32],
                        words: fn(u32) -> String,
                        pick: fn(&ContactCadence) -> u32| {
        values
            .iter()
            .map(move |&n| {
                view! { <option value=n.to_string() selected=move || pick(&cadence.get()) == n>{words(n)}</option> }
            })
            .collect_view()
    };
    let days = |n: u32| {
        if n == 1 {
            "1 day".to_string()
        } else {
            format!("{n} days")
        }
    };
    view! {
        <details class="subform rules">
            <summary>"Coordinator contacts and agreements"</summary>
            <p class="hint">"The standard: a first contact within 2 days of the first meeting, twice in the first month, then monthly, and never less than every 3 months."</p>
            <div class="row-fields">
                <Field id="cadence-first" label="First contact within">
                    <select id="cadence-first" on:change=move |ev| set(|c, n| c.first_within = n, ev)>
                        {options(&[1, 2, 3, 5, 7, 14], days, |c| c.first_within)}
                    </select>
                </Field>
                <Field id="cadence-month" label="Contacts in the first month">
                    <select id="cadence-month" on:change=move |ev| set(|c, n| c.first_month_times = n, ev)>
                        {options(&[1, 2, 3, 4], |n| if n == 1 { "Once".into() } else { format!("{n} times") }, |c| c.first_month_times)}
                    </select>
                </Field>
                <Field id="cadence-then" label="Then every">
                    <select id="cadence-then" on:change=move |ev| set(|c, n| c.then_every = n, ev)>
                        {options(&[14, 21, 30, 45, 60, 91], |n| match n { 30 => "Month (30 days)".into(), 91 => "3 months (91 days)".into(), n => format!("{n} days") }, |c| c.then_every)}
                    </select>
                </Field>
            </div>
            <Show when=move || cadence.get() != ContactCadence::STANDARD>
                <button type="button" class="button" on:click=standard>"Back to the standard"</button>
            </Show>
            <label class="check">
                <input type="checkbox" prop:checked=move || required.get() on:change=set_required />
                <span>"A pair becomes active only once its agreement is signed"</span>
            </label>
            <ErrorLine error=error />
        </details>
    }
}
