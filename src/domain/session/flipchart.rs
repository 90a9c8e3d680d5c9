//! Level 3 and agreement: the whole-group flip chart. Items come from table answers or the
//! discussion; duplicates are merged (the merged answers are kept whole, so un-merging is
//! exact) and the facilitator counts how many agree with each item.

use super::consent::ItemConsent;
use super::{clean_text, Phase, Session, SessionError};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlipChartItem {
    /// Stable item number, never reused within a session.
    pub number: u32,
    pub text: String,
    /// A table's minority report; it stays marked as such.
    #[serde(default)]
    pub minority: bool,
    /// Tables that raised it; empty when it was raised in the whole-group discussion.
    #[serde(default)]
    pub raised_by: Vec<u32>,
    /// How many people agree with it.
    #[serde(default)]
    pub agree: u32,
    #[serde(default)]
    pub consent: ItemConsent,
    /// Items merged into this one, kept whole (one level deep) so they can be un-merged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged: Vec<FlipChartItem>,
}

impl FlipChartItem {
    fn new(number: u32, text: String, minority: bool, raised_by: Vec<u32>) -> FlipChartItem {
        let consent = ItemConsent::default();
        FlipChartItem {
            number,
            text,
            minority,
            raised_by,
            agree: 0,
            consent,
            merged: Vec::new(),
        }
    }

    /// Every table that raised this item or an answer merged into it, each once.
    pub fn tables(&self) -> Vec<u32> {
        let mut tables: Vec<u32> = self.raised_by.clone();
        tables.extend(self.merged.iter().flat_map(|m| m.raised_by.iter().copied()));
        crate::domain::sort::sort(&mut tables);
        tables.dedup();
        tables
    }

    /// How many tables raised it: the "raised by 3 tables" figure.
    pub fn table_count(&self) -> usize {
        self.tables().len()
    }

    pub fn from_discussion(&self) -> bool {
        self.raised_by.is_empty()
    }
}

impl Session {
    pub fn items(&self) -> &[FlipChartItem] {
        &self.flip_chart
    }

    pub fn item(&self, number: u32) -> Result<&FlipChartItem, SessionError> {
        let item = self.flip_chart.iter().find(|i| i.number == number);
        item.ok_or(SessionError::NoSuchItem(number))
    }

    pub(super) fn item_mut(&mut self, number: u32) -> Result<&mut FlipChartItem, SessionError> {
        let item = self.flip_chart.iter_mut().find(|i| i.number == number);
        item.ok_or(SessionError::NoSuchItem(number))
    }

    /// The number the room sees for an item: its place on the flip chart, 1 to n, with no
    /// gaps after merging. (`number` is the item's lasting id, kept so un-merging is exact.)
    /// An item merged into another has no place of its own and keeps its id.
    pub fn shown_number(&self, number: u32) -> u32 {
        self.flip_chart
            .iter()
            .position(|i| i.number == number)
            .and_then(|p| u32::try_from(p + 1).ok())
            .unwrap_or(number)
    }

    /// Items with the most agreement first; ties keep flip-chart order.
    pub fn items_by_agreement(&self) -> Vec<&FlipChartItem> {
        let mut items: Vec<&FlipChartItem> = self.flip_chart.iter().collect();
        crate::domain::sort::sort_by_key(&mut items, |i| std::cmp::Reverse(i.agree));
        items
    }

    /// Puts one table's consensus points and minority reports on the flip chart.
    pub fn bring_table_answers(&mut self, table: u32) -> Result<(), SessionError> {
        self.require(Phase::ReportOut)?;
        if self.table_on_chart(table) {
            return Err(SessionError::AlreadyOnChart(table));
        }
        let found = self.table(table)?;
        let consensus = found.consensus.iter().map(|text| (text.clone(), false));
        let minority = found.minority.iter().map(|text| (text.clone(), true));
        let answers: Vec<(String, bool)> = consensus.chain(minority).collect();
        for (text, is_minority) in answers {
            let number = self.take_item_number();
            self.flip_chart
                .push(FlipChartItem::new(number, text, is_minority, vec![table]));
        }
        Ok(())
    }

    /// Brings every table's answers that are not on the flip chart yet.
    pub fn bring_all_table_answers(&mut self) -> Result<(), SessionError> {
        self.require(Phase::ReportOut)?;
        let waiting: Vec<u32> = self.tables.iter().map(|t| t.number).collect();
        for table in waiting {
            if !self.table_on_chart(table) {
                self.bring_table_answers(table)?;
            }
        }
        Ok(())
    }

    /// Adds an item raised in the whole-group discussion. Returns its number.
    pub fn add_item(&mut self, text: &str, minority: bool) -> Result<u32, SessionError> {
        self.require(Phase::ReportOut)?;
        let text = clean_text(text)?;
        let number = self.take_item_number();
        self.flip_chart
            .push(FlipChartItem::new(number, text, minority, Vec::new()));
        Ok(number)
    }

    /// Rewords an item. Consent was given for the old words, so it is asked again.
    pub fn edit_item(&mut self, number: u32, text: &str) -> Result<(), SessionError> {
        self.require(Phase::ReportOut)?;
        let text = clean_text(text)?;
        let item = self.item_mut(number)?;
        if item.text != text {
            item.text = text;
            item.consent.ask_again();
        }
        Ok(())
    }

    /// Takes an item off the flip chart. Refused while answers are merged into it.
    pub fn remove_item(&mut self, number: u32) -> Result<(), SessionError> {
        self.require(Phase::ReportOut)?;
        if !self.item(number)?.merged.is_empty() {
            return Err(SessionError::HasMerged(self.shown_number(number)));
        }
        self.flip_chart.retain(|i| i.number != number);
        Ok(())
    }

    /// Merges item `from` into item `into`, which keeps its wording and count. `from` (and
    /// anything merged into it) is kept inside `into` so it can be un-merged later.
    pub fn merge_items(&mut self, into: u32, from: u32) -> Result<(), SessionError> {
        self.require(Phase::ReportOut)?;
        if into == from {
            return Err(SessionError::SameItem);
        }
        let (target, source) = (self.item(into)?, self.item(from)?);
        if target.minority != source.minority {
            return Err(SessionError::MinorityMix);
        }
        let position = self.flip_chart.iter().position(|i| i.number == from);
        let Some(mut source) = position.map(|p| self.flip_chart.remove(p)) else {
            return Err(SessionError::NoSuchItem(from));
        };
        // Flattened to one level so stored records never nest deeply.
        let mut moved = std::mem::take(&mut source.merged);
        moved.insert(0, source);
        let objection = moved.iter().any(|m| m.consent.objection);
        let target = self.item_mut(into)?;
        target.merged.extend(moved);
        // The item now stands for more answers: consent is asked again, objections carry over.
        target.consent.ask_again();
        target.consent.objection |= objection;
        Ok(())
    }

    /// Puts item `from` back on the flip chart, just after the item it was merged into.
    pub fn unmerge_item(&mut self, into: u32, from: u32) -> Result<(), SessionError> {
        self.require(Phase::ReportOut)?;
        let target = self.item_mut(into)?;
        let Some(index) = target.merged.iter().position(|m| m.number == from) else {
            let into = self.shown_number(into);
            return Err(SessionError::NotMerged { into, from });
        };
        let mut restored = target.merged.remove(index);
        target.consent.ask_again();
        restored.consent.ask_again();
        let at = self
            .flip_chart
            .iter()
            .position(|i| i.number == into)
            .map_or(0, |p| p + 1);
        self.flip_chart.insert(at, restored);
        Ok(())
    }

    /// Records how many agree with an item; never more than the people present.
    pub fn set_agreement(&mut self, number: u32, count: u32) -> Result<(), SessionError> {
        self.require(Phase::Agreement)?;
        let present = self.people_present();
        if count > present {
            return Err(SessionError::TooManyAgree(present));
        }
        self.item_mut(number)?.agree = count;
        Ok(())
    }

    /// One more person agrees (the "+" tap).
    pub fn agree_more(&mut self, number: u32) -> Result<(), SessionError> {
        let count = self.item(number)?.agree.saturating_add(1);
        self.set_agreement(number, count)
    }

    /// One fewer agrees (the "−" tap); stays at zero.
    pub fn agree_less(&mut self, number: u32) -> Result<(), SessionError> {
        let count = self.item(number)?.agree.saturating_sub(1);
        self.set_agreement(number, count)
    }

    fn take_item_number(&mut self) -> u32 {
        let number = self.next_item;
        self.next_item = self.next_item.saturating_add(1);
        number
    }
}
