//! Testimonies: a group's consented flip-chart item typed up as a quote for a newsletter or a
//! brochure (Sweeny step 7). Attributed by role ("a first-year protege") unless the person has
//! a written approval to be quoted by name; the share gate checks that approval, not this file.

use super::session::{Session, SessionError};
use super::{check_length, DomainError, Id};
use serde::{Deserialize, Serialize};

/// Why a testimony cannot be drafted or changed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TestimonyError {
    /// The item it is drafted from is not in the session.
    #[error(transparent)]
    Item(#[from] SessionError),
    #[error("Item {0} was not consented for sharing, so it cannot become a testimony.")]
    NotConsented(u32),
    #[error("Please write something here; it cannot be empty.")]
    Empty,
    /// Too long, in the words every text field uses.
    #[error(transparent)]
    Text(#[from] DomainError),
}

/// Who a testimony is credited to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribution {
    /// A description of a role, never a person: "a first-year protege", "a mentor".
    ByRole(String),
    /// A participant quoted by name. Only exported while a current written approval covers the
    /// use; otherwise the gate blocks the export and says why.
    Named(Id),
}

/// The flip-chart item a testimony was typed up from. The gate only lets the testimony out
/// while that item is still consented, so withdrawing consent withdraws the testimony too.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ItemRef {
    pub session: Id,
    pub item: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Testimony {
    pub id: Id,
    pub text: String,
    pub attribution: Attribution,
    /// `None` for a quote a named participant gave in writing outside a meeting.
    #[serde(default)]
    pub source: Option<ItemRef>,
    /// Whether the facilitator chose it for the next export.
    #[serde(default = "yes")]
    pub include: bool,
    /// The consented item's words it was written from. When the group rewords the item, the
    /// testimony is held back until the facilitator confirms it against the new words.
    #[serde(default)]
    pub drafted_from: Option<String>,
}

fn yes() -> bool {
    true
}

/// The role phrase a draft starts with, from the kind of group the item came from.
pub fn role_phrase(kind: super::programme::GroupKind) -> &'static str {
    use super::programme::GroupKind::*;
    match kind {
        MentorSupport => "a mentor",
        ProtegeSupport => "a protege",
        Peer => "a member of a peer mentoring group",
        // Claims nothing about a kind this version cannot name.
        Unknown => "a member of a mentoring group",
    }
}

impl Testimony {
    /// A draft from a consented item, attributed by role. Refuses an item the group did not
    /// consent to share, so a draft can never start from internal-only text.
    pub fn draft(
        id: Id,
        session: &Session,
        item: u32,
        role: &str,
    ) -> Result<Testimony, TestimonyError> {
        let found = session.item(item)?;
        if !found.is_shareable() || found.consent.objection {
            return Err(TestimonyError::NotConsented(item));
        }
        Ok(Testimony {
            id,
            text: found.text.clone(),
            attribution: Attribution::ByRole(clean(role)?),
            source: Some(ItemRef {
                session: session.id(),
                item,
            }),
            include: true,
            drafted_from: Some(found.text.clone()),
        })
    }

    /// Whether the item's words have changed since this testimony was written from them.
    pub fn needs_confirming(&self, item_text: &str) -> bool {
        self.source.is_some() && self.drafted_from.as_deref() != Some(item_text)
    }

    /// The facilitator has read the testimony against the group's current words.
    pub fn confirm_against(&mut self, item_text: &str) {
        self.drafted_from = Some(item_text.to_string());
    }

    /// Rewrites the quote, for example to take a name out or to tidy the wording.
    pub fn edit_text(&mut self, text: &str) -> Result<(), TestimonyError> {
        self.text = clean(text)?;
        Ok(())
    }

    pub fn attribute_to_role(&mut self, role: &str) -> Result<(), TestimonyError> {
        self.attribution = Attribution::ByRole(clean(role)?);
        Ok(())
    }
}

fn clean(text: &str) -> Result<String, TestimonyError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(TestimonyError::Empty);
    }
    check_length(text)?;
    Ok(text.to_string())
}
