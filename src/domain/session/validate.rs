//! Every rule a session must keep, checked in one place. Each method already keeps them; this
//! is for records loaded from storage or an import, and for the property tests.

use super::{clean_text, ConsentDecision, FlipChartItem, Phase, Session, SessionError, MAX_GUESTS};
use std::collections::HashSet;

impl Session {
    /// Checks all invariants; the first broken one is described in the error.
    pub fn validate(&self) -> Result<(), SessionError> {
        match self.problems().into_iter().next() {
            Some(problem) => Err(SessionError::Damaged(problem)),
            None => Ok(()),
        }
    }

    fn problems(&self) -> Vec<String> {
        // Sizes first, before anything is built from them: a damaged record claiming
        // millions of guests must be refused at once, not allocated.
        if self.guests > MAX_GUESTS {
            return vec!["too many guests".to_string()];
        }
        let mut out = Vec::new();
        let mut check = |ok: bool, what: &str| {
            if !ok {
                out.push(what.to_string());
            }
        };
        let clean = |text: &str| clean_text(text).is_ok_and(|t| t == text);
        check(
            clean(&self.question.text),
            "the question is empty or too long",
        );
        check(
            clean(&self.consent_question),
            "the consent question is empty or too long",
        );
        check(
            all_unique(self.present.iter()),
            "someone is marked present twice",
        );
        check(self.guests <= MAX_GUESTS, "too many guests");
        if let Some(problem) = self.feedback.problems() {
            check(false, problem);
        }
        let people = self.people_present();

        // Pairs and seating.
        check(
            all_unique(self.pairs.iter().map(|p| p.number)),
            "two pairs share a number",
        );
        check(
            self.pairs.iter().all(|p| p.number >= 1),
            "a pair has number 0",
        );
        let pair_points = self.pairs.iter().flat_map(|p| p.points.iter());
        check(
            pair_points.clone().all(|t| clean(t)),
            "a pair's answer is empty or too long",
        );
        check(
            !self.seating_forgotten || self.seats.is_empty(),
            "seating kept after tables",
        );
        check(
            self.tables.is_empty() || self.seating_forgotten,
            "tables exist but seating kept",
        );
        let people_here: HashSet<_> = self.people().into_iter().collect();
        let seated = self.seats.iter().map(|s| s.seat);
        check(all_unique(seated.clone()), "someone sits in two pairs");
        check(
            seated.clone().all(|s| people_here.contains(&s)),
            "an absent person is seated",
        );
        let pair_exists = |n: u32| self.pairs.iter().any(|p| p.number == n);
        check(
            self.seats.iter().all(|s| pair_exists(s.pair)),
            "someone sits in a missing pair",
        );
        if let Some(problem) = self.draft_problems() {
            check(false, problem);
        }
        // Seating is never stored, so a loaded record has none; sizes are checked against
        // it only while it is known.
        if self.seating_known() {
            let size_ok = |p: &super::Pair| {
                let seated = self.seats.iter().filter(|s| s.pair == p.number).count();
                u32::try_from(seated).is_ok_and(|n| n == p.size)
            };
            check(
                self.pairs.iter().all(size_ok),
                "a pair's size is out of date",
            );
        }
        if !self.seating_forgotten {
            let kept = |p: &&super::Pair| p.size > 0 || !p.points.is_empty();
            check(
                self.pairs.iter().all(|p| kept(&p)),
                "an empty pair was kept",
            );
        }

        // Tables.
        check(
            all_unique(self.tables.iter().map(|t| t.number)),
            "two tables share a number",
        );
        check(
            self.tables.iter().all(|t| t.number >= 1),
            "a table has number 0",
        );
        let seated_pairs = self.tables.iter().flat_map(|t| t.pairs.iter().copied());
        check(
            all_unique(seated_pairs.clone()),
            "a pair sits at two tables",
        );
        check(
            seated_pairs.clone().all(pair_exists),
            "a table holds a missing pair",
        );
        let every_pair_seated = self.pairs.iter().all(|p| self.table_of(p.number).is_some());
        check(
            self.tables.is_empty() || every_pair_seated,
            "a pair has no table",
        );
        let table_text = self
            .tables
            .iter()
            .flat_map(|t| t.consensus.iter().chain(&t.minority));
        check(
            table_text.clone().all(|t| clean(t)),
            "a table's answer is empty or too long",
        );

        // Flip chart, agreement and consent.
        let all_items: Vec<&FlipChartItem> = self
            .flip_chart
            .iter()
            .flat_map(|i| std::iter::once(i).chain(i.merged.iter()))
            .collect();
        check(
            all_unique(all_items.iter().map(|i| i.number)),
            "two items share a number",
        );
        let numbered = |i: &&FlipChartItem| i.number >= 1 && i.number < self.next_item;
        check(
            all_items.iter().all(numbered),
            "an item number is out of range",
        );
        check(
            all_items.iter().all(|i| clean(&i.text)),
            "an item is empty or too long",
        );
        check(
            all_items.iter().all(|i| i.agree <= people),
            "more agree than are present",
        );
        let table_exists = |n: &u32| self.tables.iter().any(|t| t.number == *n);
        let sourced = all_items
            .iter()
            .all(|i| i.raised_by.iter().all(table_exists));
        check(sourced, "an item names a missing table");
        let shallow = self
            .flip_chart
            .iter()
            .all(|i| i.merged.iter().all(|m| m.merged.is_empty()));
        check(shallow, "merged items are nested too deep");
        let same_kind = |i: &FlipChartItem| i.merged.iter().all(|m| m.minority == i.minority);
        check(
            self.flip_chart.iter().all(same_kind),
            "a minority report was merged away",
        );
        let consent_ok = |i: &&FlipChartItem| match i.consent.decision {
            ConsentDecision::Shareable => !i.consent.objection && i.consent.decided_on.is_some(),
            ConsentDecision::InternalOnly | ConsentDecision::Unknown => true,
        };
        check(
            all_items.iter().all(consent_ok),
            "a shareable item has an objection or no date",
        );

        // A step this version does not know has rules this version does not know either.
        if self.phase == Phase::Unknown {
            return out;
        }
        // What each step needs to have been reached.
        check(
            self.phase < Phase::Pairs || people >= 2,
            "pairs with fewer than two present",
        );
        check(
            self.phase <= Phase::Pairs || !self.pairs.is_empty(),
            "past pairs with no pairs",
        );
        let settled = self.seating_forgotten || self.pairing_problems().is_empty();
        check(
            self.phase <= Phase::Pairs || settled,
            "past pairs with an unfinished pairing",
        );
        check(
            self.phase <= Phase::Tables || !self.tables.is_empty(),
            "past tables with none",
        );
        check(
            self.phase <= Phase::ReportOut || !self.flip_chart.is_empty(),
            "empty flip chart",
        );
        out
    }
}

fn all_unique<T: Eq + std::hash::Hash>(items: impl Iterator<Item = T>) -> bool {
    let mut seen = HashSet::new();
    items.into_iter().all(|item| seen.insert(item))
}
