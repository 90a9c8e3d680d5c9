//! Applies the name scrub and the facilitator's decisions to each text that would leave. Each
//! decision belongs to one spot of one text (bound by the text's fingerprint, the offset and the
//! words matched), so "not a name here" on one "will" never silences another, and any edit of
//! the text asks again. "Keep" holds only for a person whose written approval covers the file's
//! use; the result is checked again, so a stale decision can never let a name through.

use super::{Blocked, NameChoice, NameDecisions, NameFinding, QuoteApproval, QuoteUse, TextRef};
use crate::domain::disclosure::fingerprint;
use crate::domain::{Date, Id, MAX_TEXT};
use crate::share::scrub::{reasons, redact, NameHit, RosterName, Scanner};

pub(super) struct Scrubber<'a> {
    scanner: Scanner,
    decisions: &'a NameDecisions,
    approvals: &'a [QuoteApproval],
    file_use: QuoteUse,
    today: Date,
}

impl<'a> Scrubber<'a> {
    pub fn new(
        roster: &[RosterName],
        decisions: &'a NameDecisions,
        approvals: &'a [QuoteApproval],
        file_use: QuoteUse,
        today: Date,
    ) -> Self {
        Scrubber {
            scanner: Scanner::new(roster, &[]),
            decisions,
            approvals,
            file_use,
            today,
        }
    }

    /// The use a kept name or a named quote must be approved for.
    pub fn file_use(&self) -> QuoteUse {
        self.file_use
    }

    /// Whether this person's written approval covers this file's use today.
    pub fn approved(&self, person: Id) -> bool {
        self.approvals
            .iter()
            .any(|a| a.participant == person && a.covers(self.file_use, self.today))
    }

    /// The text as it may leave, or `None` after adding the reasons it may not.
    /// `speaker` is the participant a named, approved testimony is attributed to.
    pub fn clean(
        &self,
        target: TextRef,
        label: &str,
        text: &str,
        speaker: Option<Id>,
        blocked: &mut Blocked,
    ) -> Option<String> {
        let len = text.chars().count();
        if len > MAX_TEXT {
            blocked.reasons.push(format!(
                "{label} is too long ({len} characters). Please shorten it to under {MAX_TEXT} \
                 characters."
            ));
            return None;
        }
        let hits = self.scanner.check(text);
        if hits.is_empty() {
            return Some(text.to_string());
        }
        let redact_all = self.decisions.redact_all.contains(&target);
        let mut to_redact = Vec::new();
        let mut kept = Vec::new();
        let mut outstanding = Vec::new();
        for hit in hits {
            if speaker == Some(hit.participant) {
                kept.push(hit);
                continue;
            }
            let decided = self
                .decisions
                .at(target, text, hit.start, &hit.matched)
                .map(|d| d.choice);
            match decided {
                _ if redact_all => to_redact.push(hit),
                Some(NameChoice::Replace) => to_redact.push(hit),
                Some(NameChoice::NotAName) => kept.push(hit),
                Some(NameChoice::Keep) if self.approved(hit.participant) => kept.push(hit),
                // A "Keep" without an approval covering this file's use counts for nothing;
                // a choice this version does not know is asked again.
                Some(NameChoice::Keep | NameChoice::Unknown) | None => outstanding.push(hit),
            }
        }
        if !outstanding.is_empty() {
            blocked.reasons.extend(reasons(label, &outstanding));
            let print = fingerprint(text);
            blocked
                .names
                .extend(outstanding.into_iter().map(|hit| NameFinding {
                    text: target,
                    label: label.to_string(),
                    keep_allowed: self.approved(hit.participant),
                    fingerprint: print,
                    hit,
                }));
            return None;
        }
        let out = redact(text, &to_redact);
        // What is left must be exactly the hits decided to stay, in order: anything else (a
        // name the redaction joined together, a hit that moved) blocks the file.
        let again = self.scanner.check(&out);
        let expected: Vec<(Id, &str)> = kept
            .iter()
            .map(|h| (h.participant, h.matched.as_str()))
            .collect();
        let found: Vec<(Id, &str)> = again
            .iter()
            .map(|h| (h.participant, h.matched.as_str()))
            .collect();
        if found == expected {
            Some(out)
        } else {
            let unexpected: Vec<NameHit> = again
                .into_iter()
                .filter(|h| !expected.contains(&(h.participant, h.matched.as_str())))
                .collect();
            if unexpected.is_empty() {
                blocked.reasons.push(format!(
                    "{label} could not be checked for names after the replacements. Please edit \
                     the text."
                ));
            } else {
                blocked.reasons.extend(reasons(label, &unexpected));
            }
            None
        }
    }
}
