//! Level 2: pairs grouped into tables of two or three pairs. Each table records its consensus
//! and, separately, any minority report. Forming tables is where seating is forgotten.

use super::{Phase, Session, SessionError};
use serde::{Deserialize, Serialize};

/// A table of pairs, shown as "Table A", "Table B", …
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableGroup {
    pub number: u32,
    /// Pair numbers sitting at this table.
    #[serde(default)]
    pub pairs: Vec<u32>,
    #[serde(default)]
    pub consensus: Vec<String>,
    /// Views some at the table hold but the table did not agree on.
    #[serde(default)]
    pub minority: Vec<String>,
}

impl TableGroup {
    pub fn label(&self) -> String {
        table_label(self.number)
    }

    fn has_answers(&self) -> bool {
        !self.consensus.is_empty() || !self.minority.is_empty()
    }
}

/// Table 1 is "A", 26 is "Z", 27 is "AA", as spreadsheet columns are named.
pub fn table_label(number: u32) -> String {
    let mut n = number;
    let mut letters = Vec::new();
    while n > 0 {
        n -= 1;
        letters.push(char::from(b'A' + (n % 26) as u8));
        n /= 26;
    }
    letters.iter().rev().collect()
}

impl Session {
    pub fn tables(&self) -> &[TableGroup] {
        &self.tables
    }

    pub fn table(&self, number: u32) -> Result<&TableGroup, SessionError> {
        self.tables
            .iter()
            .find(|t| t.number == number)
            .ok_or(SessionError::NoSuchTable(number))
    }

    pub(super) fn table_mut(&mut self, number: u32) -> Result<&mut TableGroup, SessionError> {
        let table = self.tables.iter_mut().find(|t| t.number == number);
        table.ok_or(SessionError::NoSuchTable(number))
    }

    pub fn table_of(&self, pair: u32) -> Option<u32> {
        self.tables
            .iter()
            .find(|t| t.pairs.contains(&pair))
            .map(|t| t.number)
    }

    /// Groups the pairs, in number order, into tables of about `pairs_per_table` (2 or 3)
    /// pairs, as evenly as numbers allow. Forgets who sat in which pair.
    pub fn form_tables(&mut self, pairs_per_table: u32) -> Result<(), SessionError> {
        self.require(Phase::Tables)?;
        if !(2..=3).contains(&pairs_per_table) {
            return Err(SessionError::BadTableSize);
        }
        self.refuse_if_tables_in_use()?;
        let mut pairs: Vec<u32> = self.pairs.iter().map(|p| p.number).collect();
        crate::domain::sort::sort(&mut pairs);
        let n = pairs.len();
        if n == 0 {
            return Err(SessionError::NotReady("Form the pairs first.".into()));
        }
        // Fewest tables such that none holds more than about the wanted number of pairs,
        // but never so many that a table is left with a single pair.
        let count = if pairs_per_table == 2 {
            (n / 2).max(1)
        } else {
            n.div_ceil(3).max(1)
        };
        let (base, extra) = (n / count, n % count);
        let mut rest = pairs.as_slice();
        self.tables = (0..count)
            .map(|i| {
                let take = base + usize::from(i < extra);
                let (here, later) = rest.split_at(take.min(rest.len()));
                rest = later;
                TableGroup {
                    number: u32::try_from(i + 1).unwrap_or(u32::MAX),
                    pairs: here.to_vec(),
                    consensus: Vec::new(),
                    minority: Vec::new(),
                }
            })
            .collect();
        self.forget_seating();
        self.tidy_drafts();
        Ok(())
    }

    /// Moves a pair to another table, or to a new table when `to` is `None`.
    /// Returns the table it is now at.
    pub fn move_pair(&mut self, pair: u32, to: Option<u32>) -> Result<u32, SessionError> {
        self.require(Phase::Tables)?;
        if self.tables.is_empty() {
            // Moving starts from formed tables; forming them is what forgets the seating.
            return Err(SessionError::NotReady("Form the tables first.".into()));
        }
        self.pair(pair)?;
        let table = match to {
            Some(number) => self.table(number)?.number,
            None => {
                let number = self.tables.iter().map(|t| t.number).max().unwrap_or(0);
                let number = number.saturating_add(1);
                let new = TableGroup {
                    number,
                    pairs: vec![],
                    consensus: vec![],
                    minority: vec![],
                };
                self.tables.push(new);
                number
            }
        };
        for t in &mut self.tables {
            t.pairs.retain(|&p| p != pair);
        }
        self.table_mut(table)?.pairs.push(pair);
        // A table left empty disappears unless it holds answers or fed the flip chart.
        let in_use: Vec<u32> = self
            .tables
            .iter()
            .map(|t| t.number)
            .filter(|&t| self.table_on_chart(t))
            .collect();
        self.tables
            .retain(|t| !t.pairs.is_empty() || t.has_answers() || in_use.contains(&t.number));
        self.tidy_drafts();
        Ok(table)
    }

    /// Undoes the tables so they can be formed again. Seating stays forgotten.
    pub fn clear_tables(&mut self) -> Result<(), SessionError> {
        self.require(Phase::Tables)?;
        self.refuse_if_tables_in_use()?;
        self.tables.clear();
        self.tidy_drafts();
        Ok(())
    }

    /// Whether any flip-chart item (merged ones included) came from this table.
    pub fn table_on_chart(&self, table: u32) -> bool {
        self.flip_chart
            .iter()
            .flat_map(|i| std::iter::once(i).chain(i.merged.iter()))
            .any(|i| i.raised_by.contains(&table))
    }

    fn refuse_if_tables_in_use(&self) -> Result<(), SessionError> {
        let in_use = self
            .tables
            .iter()
            .any(|t| t.has_answers() || self.table_on_chart(t.number));
        if in_use {
            return Err(SessionError::AnswersRecorded("Some tables"));
        }
        Ok(())
    }
}
