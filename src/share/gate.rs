//! The one gate: every export file is made from what [`gate`] returns, and nothing else leaves
//! the device. It takes plain data the caller gathers (sessions, testimonies, the roster's
//! names, quote approvals, the facilitator's name decisions) and an export policy, and returns
//! either the shareable content with a note of what was left out, or every reason it is blocked.

mod audit;
mod feedback;
mod figures;
mod relationships;
mod select;
mod shareable;
mod shuffle;
mod survey;
mod texts;

#[cfg(test)]
mod tests;

pub use feedback::{feedback_figures, SharedFeedback, SharedFeedbackMean};
pub use relationships::{relationship_figures, RelationshipFacts, SharedRelationships};
pub use shareable::{
    group_words, Month, MonthAttendance, NamedCredit, ProgrammeFigures, Shareable, SharedItem,
    SharedSession, SharedTestimony,
};
pub use shuffle::shuffle;
pub use survey::{survey_counts, survey_figures, SharedMeasure, SharedSurveyPoint};

use serde::{Deserialize, Serialize};

use crate::domain::disclosure::{Disclosure, Release};
pub use crate::domain::disclosure::{NameChoice, NameDecision, NameDecisions, TextRef};
use crate::domain::programme::GroupKind;
use crate::domain::session::Session;
use crate::domain::testimony::Testimony;
use crate::domain::{Date, Id};
use crate::share::export::FileKind;
use crate::share::scrub::{NameHit, RosterName};
use crate::share::suppress::K;

/// A group as the gate needs it: its kind (reports say "a mentor peer support group", never
/// the group's own name) and how many members it has, for attendance rates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupInfo {
    pub id: Id,
    pub kind: GroupKind,
    pub members: u32,
}

/// What a quote is for. A written approval lists the uses it covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteUse {
    Newsletter,
    Brochure,
    EvaluationReport,
}

impl QuoteUse {
    pub fn words(self) -> &'static str {
        match self {
            QuoteUse::Newsletter => "newsletters",
            QuoteUse::Brochure => "brochures and flyers",
            QuoteUse::EvaluationReport => "evaluation reports",
        }
    }
}

/// A participant's written permission to be quoted by name, as recorded in the roster.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteApproval {
    pub participant: Id,
    pub given: Date,
    pub scope: Vec<QuoteUse>,
    #[serde(default)]
    pub expires: Option<Date>,
    #[serde(default)]
    pub withdrawn: Option<Date>,
}

impl QuoteApproval {
    /// In force on `today` and covering `used_for`. Expiry day is still covered; a withdrawal
    /// takes effect on the day it is recorded.
    pub fn covers(&self, used_for: QuoteUse, today: Date) -> bool {
        self.given <= today
            && self.expires.is_none_or(|e| today <= e)
            && self.withdrawn.is_none_or(|w| today < w)
            && self.scope.contains(&used_for)
    }
}

/// Everything the gate reads. The caller fills it from the app state; the gate keeps none of it.
#[derive(Clone, Copy, Debug)]
pub struct GateInput<'a> {
    pub programme_name: &'a str,
    pub groups: &'a [GroupInfo],
    pub roster: &'a [RosterName],
    pub approvals: &'a [QuoteApproval],
    pub sessions: &'a [Session],
    pub testimonies: &'a [Testimony],
    pub names: &'a NameDecisions,
    pub today: Date,
    /// The programme's outcomes survey; only its suppressed aggregates are shared.
    pub survey: Option<&'a crate::domain::followup::Survey>,
    /// Every figure already shared from this device for this programme.
    pub ledger: &'a [Release],
    /// The programme's one-to-one relationships that began (dates only).
    pub relationships: &'a [RelationshipFacts],
}

impl GateInput<'_> {
    /// The ledger of a programme's disclosure record, for callers that hold one.
    pub fn ledger_of(disclosure: &Disclosure) -> &[Release] {
        &disclosure.ledger
    }
}

/// What to export. `None` means "all". Dates are widened to whole months: a selection is
/// always whole groups and whole months, so the release audit stays exact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportPolicy {
    pub k: K,
    /// Also hide answer cells under k, with a complementary cell (the programme's choice).
    pub strict: bool,
    pub groups: Option<Vec<Id>>,
    pub sessions: Option<Vec<Id>>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// The kind of file: it decides which figures leave and, with `quote_use`, the file's use.
    pub file: FileKind,
    /// What the person says the file is for. Only a testimonies file takes its use from this;
    /// a report, a spreadsheet or a programme file is always an evaluation-report use.
    pub quote_use: QuoteUse,
    /// Seeds the testimony shuffle, so a preview and its saved file agree. The Share screen
    /// draws a fresh random seed for every file.
    pub shuffle_seed: u64,
}

impl ExportPolicy {
    /// The use a named quote or a kept name must be approved for.
    pub fn file_use(&self) -> QuoteUse {
        self.file.quote_use(self.quote_use)
    }
}

impl Default for ExportPolicy {
    fn default() -> Self {
        ExportPolicy {
            k: K::default(),
            strict: false,
            groups: None,
            sessions: None,
            from: None,
            to: None,
            file: FileKind::ReportHtml,
            quote_use: QuoteUse::EvaluationReport,
            shuffle_seed: 0,
        }
    }
}

/// A roster name found in a text that would leave, with no decision yet. For the blocked
/// screen's "Redact", "Accept" and "Not a name here" buttons; never exported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameFinding {
    pub text: TextRef,
    pub label: String,
    pub hit: NameHit,
    /// The whole text's fingerprint, to bind a decision to this text.
    pub fingerprint: u64,
    /// Whether "Keep" may be offered: the person's written approval covers this file's use.
    pub keep_allowed: bool,
}

/// Why an export cannot be made yet. Every reason is listed, in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Blocked {
    pub reasons: Vec<String>,
    pub names: Vec<NameFinding>,
}

/// What the gate kept back, for the preview ("2 items not consented, 1 count suppressed").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LeftOut {
    pub items_not_consented: u32,
    pub items_objected: u32,
    pub counts_suppressed: u32,
    pub figures_suppressed: u32,
    pub sessions_outside_selection: u32,
    /// Meetings of a group whose kind a newer version of Peercircle set: a file has no
    /// words for that kind, and counting them under another kind would misreport them.
    pub sessions_of_unknown_kind: u32,
    /// One sentence per testimony left out.
    pub testimonies: Vec<String>,
    /// One sentence per figure hidden, saying why.
    pub hidden: Vec<String>,
}

impl LeftOut {
    /// One line for the preview; empty when nothing was left out.
    pub fn summary(&self) -> String {
        let plural = |n: u32, one: &str, many: &str| {
            (n > 0).then(|| format!("{n} {}", if n == 1 { one } else { many }))
        };
        let testimonies = u32::try_from(self.testimonies.len()).unwrap_or(u32::MAX);
        [
            plural(
                self.items_not_consented,
                "item not consented",
                "items not consented",
            ),
            plural(
                self.items_objected,
                "item kept private after an objection",
                "items kept private after an objection",
            ),
            plural(
                self.counts_suppressed,
                "count suppressed",
                "counts suppressed",
            ),
            plural(
                self.figures_suppressed,
                "figure suppressed",
                "figures suppressed",
            ),
            plural(testimonies, "testimony left out", "testimonies left out"),
            plural(
                self.sessions_of_unknown_kind,
                "meeting left out: its group is of a kind this version does not know (share it \
                 from the newest version of Peercircle)",
                "meetings left out: their groups are of a kind this version does not know \
                 (share them from the newest version of Peercircle)",
            ),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ")
    }
}

/// The gate's answer when the export may go ahead.
#[derive(Clone, Debug, PartialEq)]
pub struct Cleared {
    pub shareable: Shareable,
    pub left_out: LeftOut,
    /// The figures this file lets out, for the ledger once the file is saved.
    pub release: Release,
}

/// The single door out. Pure and deterministic: the same input and policy give the same
/// content, so the preview is exactly the file.
pub fn gate(input: &GateInput<'_>, policy: &ExportPolicy) -> Result<Cleared, Blocked> {
    select::run(input, policy)
}
