//! Safety first: a concern about safety or wellbeing, ticked on a contact or a check-in, marks
//! the pair "needs attention: safety" until the facilitator records what was done. What to do
//! and who to tell is the programme's own card, written once in Settings. None of these words
//! ever leave the device.

use super::super::mentoring::MentoringPair;
use super::super::private::PrivateText;
use super::super::{clean_name, Date, DomainError, Id};
use super::contact::Contact;
use super::{FollowUp, Intervention};

/// The card a programme starts with, telling the facilitator to write their own.
pub const SAFETY_STARTER: &str = "Write your programme's own plan here before you need it.\n\n\
1. If someone is in danger now, call the emergency number (for example 999, 911 or 112).\n\
2. Who to tell in the programme, the same day: (write a name and a phone number).\n\
3. Who to tell outside the programme, if needed: (for example the safeguarding lead, HR, or a \
support line, with numbers).\n\
4. What to write down: what was said, when, and what you did. Keep it factual.\n\
5. What to say to the person: thank them for telling you, do not promise to keep it secret, \
and tell them what happens next.";

/// What the safety card shows: the programme's own words, or the starter text.
pub fn safety_card(followup: &FollowUp) -> (&str, bool) {
    let own = followup.safety_card.on_this_device();
    if own.trim().is_empty() {
        (SAFETY_STARTER, false)
    } else {
        (own, true)
    }
}

impl FollowUp {
    pub fn set_safety_card(&mut self, text: &str) -> Result<(), DomainError> {
        self.safety_card = PrivateText::new(text)?;
        Ok(())
    }

    /// The date of the latest concern raised for this pair that nothing has been recorded
    /// against yet. A safety action dated on or after a concern settles it.
    pub fn safety_open(&self, pair: Id) -> Option<Date> {
        let raised = self
            .contacts
            .iter()
            .filter(|c| c.pair == pair && c.concern)
            .filter_map(|c| c.date)
            .chain(
                self.checkins
                    .iter()
                    .filter(|c| c.pair == pair && c.concern)
                    .filter_map(|c| c.date),
            )
            .max()?;
        let settled = self
            .interventions
            .iter()
            .filter(|i| i.pair == pair && i.safety)
            .any(|i| i.date >= raised);
        (!settled).then_some(raised)
    }

    /// Records what was done about a safety concern; this settles every concern up to `date`.
    pub fn record_safety_action(
        &mut self,
        id: Id,
        pair: Id,
        date: Date,
        what: &str,
    ) -> Result<(), DomainError> {
        let what = clean_name(what, "what was done")?;
        self.interventions.push(Intervention {
            id,
            pair,
            date,
            what,
            resolved: Some(date),
            safety: true,
        });
        Ok(())
    }

    /// Contacts of one pair, oldest first.
    pub fn contacts_of(&self, pair: Id) -> Vec<&Contact> {
        let mut list: Vec<&Contact> = self.contacts.iter().filter(|c| c.pair == pair).collect();
        crate::domain::sort::sort_by_key(&mut list, |c| (c.date, c.id));
        list
    }

    pub fn add_contact(
        &mut self,
        contact: Contact,
        pair: &MentoringPair,
    ) -> Result<(), DomainError> {
        contact.validate(pair)?;
        self.contacts.push(contact);
        Ok(())
    }

    /// Replaces a recorded contact (its id and pair stay).
    pub fn edit_contact(
        &mut self,
        contact: Contact,
        pair: &MentoringPair,
    ) -> Result<(), DomainError> {
        contact.validate(pair)?;
        let old = self.contacts.iter_mut().find(|c| c.id == contact.id);
        let old = old.ok_or(DomainError::NotFound("contact"))?;
        if old.pair != contact.pair {
            return Err(DomainError::NotFound("contact"));
        }
        *old = contact;
        Ok(())
    }

    pub fn remove_contact(&mut self, id: Id) -> Result<Contact, DomainError> {
        let at = self.contacts.iter().position(|c| c.id == id);
        let at = at.ok_or(DomainError::NotFound("contact"))?;
        Ok(self.contacts.remove(at))
    }

    /// Replaces a recorded check-in (its id and pair stay).
    pub fn edit_checkin(&mut self, checkin: super::CheckIn) -> Result<(), DomainError> {
        checkin.validate()?;
        let old = self.checkins.iter_mut().find(|c| c.id == checkin.id);
        let old = old.ok_or(DomainError::NotFound("check-in"))?;
        if old.pair != checkin.pair {
            return Err(DomainError::NotFound("check-in"));
        }
        *old = checkin;
        Ok(())
    }

    pub fn set_contact_cadence(
        &mut self,
        cadence: super::ContactCadence,
    ) -> Result<(), DomainError> {
        cadence.validate()?;
        self.contact_cadence = cadence;
        Ok(())
    }

    /// Whether anything is recorded against this pair (then its confirmation stays).
    pub fn has_records(&self, pair: Id) -> bool {
        self.checkins.iter().any(|c| c.pair == pair)
            || self.contacts.iter().any(|c| c.pair == pair)
            || self.interventions.iter().any(|i| i.pair == pair)
            || self.plans.iter().any(|p| p.pair == Some(pair))
    }
}
