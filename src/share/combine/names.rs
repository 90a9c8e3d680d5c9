//! The combined file is checked again on the lead's device: every text is scanned for every
//! name this device knows (a hand-edited file could carry one anywhere), and a named credit
//! stays only where its declared approval covers an evaluation report, the use of a combined
//! file. What this changes is said in the preview's notes.

use super::Combined;
use crate::domain::{Date, Id};
use crate::share::gate::{QuoteApproval, QuoteUse};
use crate::share::scrub::{redact, RosterName, Scanner};

/// Every name this device knows, and the written approvals it holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DeviceNames {
    pub names: Vec<RosterName>,
    pub approvals: Vec<QuoteApproval>,
    pub today: Option<Date>,
}

impl DeviceNames {
    fn approved(&self, person: Id) -> bool {
        self.today.is_some_and(|today| {
            self.approvals
                .iter()
                .any(|a| a.participant == person && a.covers(QuoteUse::EvaluationReport, today))
        })
    }
}

/// The use of every combined file.
const COMBINED_USE: QuoteUse = QuoteUse::EvaluationReport;

pub(super) fn recheck(combined: &mut Combined, device: &DeviceNames) {
    let scanner = Scanner::new(&device.names, &[]);
    let mut replaced = 0usize;
    let mut clean = |text: &mut String| {
        let hits = scanner.check(text);
        if !hits.is_empty() {
            replaced += hits.len();
            *text = redact(text, &hits);
        }
    };
    let c = &mut combined.shareable;
    clean(&mut c.title);
    for s in &mut c.sessions {
        clean(&mut s.question);
        for item in &mut s.items {
            clean(&mut item.text);
        }
    }
    let mut credits_to_role = 0usize;
    for t in &mut c.testimonies {
        clean(&mut t.text);
        match t.named.take() {
            Some(mut named) => {
                let known: Vec<Id> = scanner
                    .check(&t.attribution)
                    .into_iter()
                    .map(|h| h.participant)
                    .collect();
                let declared = named.uses.contains(&COMBINED_USE);
                let here = known.iter().all(|p| device.approved(*p));
                if declared && here {
                    t.named = Some(named);
                } else {
                    credits_to_role += 1;
                    clean(&mut named.role);
                    t.attribution = named.role;
                }
            }
            None => {
                let before = t.attribution.clone();
                clean(&mut t.attribution);
                if t.attribution != before {
                    t.attribution = "a participant".to_string();
                }
            }
        }
    }
    if replaced > 0 {
        combined.notes.push(format!(
            "{replaced} {} this device knows {} replaced with [name].",
            if replaced == 1 { "name" } else { "names" },
            if replaced == 1 { "was" } else { "were" }
        ));
    }
    if credits_to_role > 0 {
        combined.notes.push(format!(
            "{credits_to_role} named {} credited to a role instead: the person's written \
             approval, as the file declares it, does not cover evaluation reports.",
            if credits_to_role == 1 {
                "testimony is"
            } else {
                "testimonies are"
            }
        ));
    }
}
