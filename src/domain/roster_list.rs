//! Working with the roster as a list: pasting many names at once, and finding, sorting and
//! paging people so a roster of thousands stays quick to use.

use super::fold::fold_name;
use super::programme::Programme;
use super::roster::{Participant, Role};
use super::{DomainError, Id, MAX_TEXT};
use std::collections::BTreeSet;

/// Most names one paste may add; beyond this the facilitator is asked to paste in parts.
pub const MAX_PASTE: usize = 10_000;

/// What a pasted list turned into, before anything is added.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PastePlan {
    /// Names to add, in the pasted order, as typed (trimmed).
    pub new_names: Vec<String>,
    /// Pasted names already on the roster (skipped).
    pub already_listed: Vec<String>,
    /// Lines that repeated an earlier line of the same paste (skipped).
    pub repeated: usize,
    pub empty_lines: usize,
    /// Lines longer than a name may be (skipped, and said so).
    pub too_long: usize,
}

impl PastePlan {
    /// One or two plain sentences on what happened.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        let n = self.new_names.len();
        parts.push(match n {
            0 => "No new names to add.".to_string(),
            1 => "Added 1 person.".to_string(),
            n => format!("Added {n} people."),
        });
        let mut skipped = Vec::new();
        if !self.already_listed.is_empty() {
            let shown: Vec<&str> = self
                .already_listed
                .iter()
                .take(5)
                .map(String::as_str)
                .collect();
            let more = self.already_listed.len().saturating_sub(shown.len());
            let tail = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            skipped.push(format!(
                "{} already on the roster ({}{tail})",
                self.already_listed.len(),
                shown.join(", ")
            ));
        }
        if self.repeated > 0 {
            skipped.push(format!("{} repeated in the list", self.repeated));
        }
        if self.too_long > 0 {
            skipped.push(format!(
                "{} too long to be a name (over {MAX_TEXT} characters)",
                self.too_long
            ));
        }
        if !skipped.is_empty() {
            parts.push(format!("Skipped {}.", skipped.join("; ")));
        }
        if self.empty_lines > 0 {
            parts.push(format!("Ignored {} empty lines.", self.empty_lines));
        }
        parts.join(" ")
    }
}

/// Reads a pasted list: one name per line, or a spreadsheet column (a row copied with several
/// cells keeps only its first cell, so "Name<Tab>Email" rows give the names).
pub fn plan_paste(existing: &[Participant], text: &str) -> Result<PastePlan, DomainError> {
    let mut known: BTreeSet<String> = existing
        .iter()
        .map(|p| fold_name(&p.display_name))
        .collect();
    let mut seen_here = BTreeSet::new();
    let mut plan = PastePlan::default();
    for line in text.lines() {
        let cell = line
            .split('\t')
            .find(|c| !c.trim().is_empty())
            .unwrap_or("");
        let name = cell.trim();
        if name.is_empty() {
            plan.empty_lines += 1;
            continue;
        }
        if name.chars().count() > MAX_TEXT {
            plan.too_long += 1;
            continue;
        }
        let folded = fold_name(name);
        if !seen_here.insert(folded.clone()) {
            plan.repeated += 1;
        } else if known.contains(&folded) {
            plan.already_listed.push(name.to_string());
        } else {
            known.insert(folded);
            plan.new_names.push(name.to_string());
        }
    }
    if plan.new_names.len() > MAX_PASTE {
        return Err(super::roster::RosterError::PasteTooLong {
            count: plan.new_names.len(),
            max: MAX_PASTE,
        }
        .into());
    }
    Ok(plan)
}

impl Programme {
    /// Adds every new name of a paste with one role (and, optionally, into one group).
    /// `next_id` hands out fresh ids. Nothing is added when the paste is refused.
    pub fn add_pasted(
        &mut self,
        text: &str,
        role: Role,
        group: Option<Id>,
        mut next_id: impl FnMut() -> Id,
    ) -> Result<PastePlan, DomainError> {
        if let Some(g) = group {
            if self.group(g).is_none() {
                return Err(DomainError::NotFound("group"));
            }
        }
        let plan = plan_paste(&self.participants, text)?;
        self.participants.reserve(plan.new_names.len());
        for name in &plan.new_names {
            self.participants.push(Participant {
                id: next_id(),
                display_name: name.clone(),
                roles: vec![role],
                groups: group.into_iter().collect(),
                ..Participant::default()
            });
        }
        Ok(plan)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RosterSort {
    /// The order people were added.
    #[default]
    Added,
    Name,
}

/// What the roster list shows: a search, a role or group filter, a sort and a page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RosterQuery {
    pub search: String,
    pub role: Option<Role>,
    pub group: Option<Id>,
    pub sort: RosterSort,
}

pub const PAGE_SIZE: usize = 50;

/// The ids of everyone matching, in order. Paging is left to the caller.
pub fn find_people(people: &[Participant], q: &RosterQuery) -> Vec<Id> {
    let needle = fold_name(&q.search);
    let mut found: Vec<(String, Id)> = people
        .iter()
        .filter(|p| q.role.is_none_or(|r| p.roles.contains(&r)))
        .filter(|p| q.group.is_none_or(|g| p.groups.contains(&g)))
        .filter_map(|p| {
            let folded = fold_name(&p.display_name);
            (needle.is_empty() || folded.contains(&needle)).then_some((folded, p.id))
        })
        .collect();
    if q.sort == RosterSort::Name {
        crate::domain::sort::sort(&mut found);
    }
    found.into_iter().map(|(_, id)| id).collect()
}

/// How many pages `total` rows make (at least one, so "page 1 of 1" reads right).
pub fn page_count(total: usize) -> usize {
    total.div_ceil(PAGE_SIZE).max(1)
}

impl super::workspace::Workspace {
    /// Pastes names into a programme, handing out ids in one go (looking for the highest id
    /// once, not once per name, so thousands of names stay quick).
    pub fn paste_people(
        &mut self,
        programme: Id,
        text: &str,
        role: Role,
        group: Option<Id>,
    ) -> Result<PastePlan, DomainError> {
        let mut next = self.fresh_id();
        let first = next;
        let plan = self
            .programme_mut(programme)?
            .add_pasted(text, role, group, || {
                next += 1;
                next - 1
            })?;
        self.settings.last_id = first + plan.new_names.len().max(1) as Id - 1;
        Ok(plan)
    }
}

#[cfg(test)]
mod tests;
