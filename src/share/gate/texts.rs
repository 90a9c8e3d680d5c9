//! Applies the name scrub and the facilitator's decisions to each text that would leave. A hit
//! is redacted, accepted, or (for a named, approved testimony) the speaker's own name; any
//! other hit blocks the export. The result is checked again, so a stale decision can never let
//! a name through.

use super::{Blocked, NameDecisions, NameFinding, TextRef};
use crate::domain::{Id, MAX_TEXT};
use crate::share::scrub::{normalize, reasons, redact, NameHit, Scanner};

pub(super) struct Scrubber<'a> {
    scanner: Scanner,
    decisions: &'a NameDecisions,
}

impl<'a> Scrubber<'a> {
    pub fn new(roster: &[crate::share::scrub::RosterName], decisions: &'a NameDecisions) -> Self {
        Scrubber {
            scanner: Scanner::new(roster, &decisions.not_a_name),
            decisions,
        }
    }

    fn decided(&self, list: &[super::HitDecision], target: TextRef, hit: &NameHit) -> bool {
        list.iter().any(|d| {
            d.text == target
                && d.hit.participant == hit.participant
                && d.hit.start == hit.start
                && d.hit.matched == hit.matched
        })
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
        let mut outstanding = Vec::new();
        for hit in hits {
            if speaker == Some(hit.participant)
                || self.decided(&self.decisions.accepted, target, &hit)
            {
                continue;
            }
            if redact_all || self.decided(&self.decisions.redacted, target, &hit) {
                to_redact.push(hit);
            } else {
                outstanding.push(hit);
            }
        }
        if !outstanding.is_empty() {
            blocked.reasons.extend(reasons(label, &outstanding));
            blocked
                .names
                .extend(outstanding.into_iter().map(|hit| NameFinding {
                    text: target,
                    label: label.to_string(),
                    hit,
                }));
            return None;
        }
        let out = redact(text, &to_redact);
        // Every name left must be one the facilitator accepted or the approved speaker's own.
        let allowed = |h: &NameHit| {
            speaker == Some(h.participant)
                || self.decisions.accepted.iter().any(|d| {
                    d.text == target
                        && d.hit.participant == h.participant
                        && normalize(&d.hit.matched) == normalize(&h.matched)
                })
        };
        let left: Vec<NameHit> = self
            .scanner
            .check(&out)
            .into_iter()
            .filter(|h| !allowed(h))
            .collect();
        if left.is_empty() {
            Some(out)
        } else {
            blocked.reasons.extend(reasons(label, &left));
            None
        }
    }
}
