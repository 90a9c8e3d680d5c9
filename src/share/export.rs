//! Gathers, from the app's data, everything the gate reads for one programme, and names the
//! file formats. The gate stays the only door: this only collects and labels.

use crate::domain::programme::Programme;
use crate::domain::roster::ApprovedUse;
use crate::domain::session::Session;
use crate::domain::testimony::Testimony;
use crate::domain::workspace::Workspace;
use crate::domain::{Date, Id};
use crate::share::gate::{
    gate, Blocked, Cleared, ExportPolicy, GateInput, GroupInfo, NameDecisions, QuoteApproval,
    QuoteUse,
};
use crate::share::scrub::RosterName;
use crate::share::suppress::K;

/// One programme's material for the gate, owned, so the input can borrow from it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Material {
    pub programme_name: String,
    pub groups: Vec<GroupInfo>,
    pub roster: Vec<RosterName>,
    pub approvals: Vec<QuoteApproval>,
    pub sessions: Vec<Session>,
    pub testimonies: Vec<Testimony>,
    pub survey: crate::domain::followup::Survey,
    /// The threshold, the strict setting, the ledger and the name decisions.
    pub disclosure: crate::domain::disclosure::Disclosure,
    /// The one-to-one relationships that began: dates only.
    pub relationships: Vec<crate::share::gate::RelationshipFacts>,
}

impl Material {
    pub fn of(ws: &Workspace, programme: Id) -> Option<Material> {
        let p: &Programme = ws.programme(programme)?;
        let groups = p
            .groups
            .iter()
            .map(|g| GroupInfo {
                id: g.id,
                kind: g.kind,
                members: u32::try_from(p.members_of(g.id).len()).unwrap_or(u32::MAX),
            })
            .collect();
        // Every name this device knows, not only this programme's roster.
        let roster = device_names(ws);
        let sessions: Vec<Session> = ws
            .sessions
            .iter()
            .filter(|s| p.group(s.group()).is_some())
            .cloned()
            .collect();
        // A testimony belongs to the programme its source meeting belongs to.
        let testimonies = ws
            .testimonies
            .iter()
            .filter(|t| {
                t.source
                    .is_some_and(|src| sessions.iter().any(|s| s.id() == src.session))
            })
            .cloned()
            .collect();
        let approvals = p
            .participants
            .iter()
            .filter_map(|x| x.quote_approval.as_ref().map(|a| (x.id, a)))
            .map(|(participant, a)| QuoteApproval {
                participant,
                given: a.given,
                scope: a.uses.iter().filter_map(|u| quote_use(*u)).collect(),
                expires: a.expires,
                withdrawn: a.withdrawn,
            })
            .collect();
        Some(Material {
            programme_name: p.display_name().to_string(),
            groups,
            roster,
            approvals,
            sessions,
            testimonies,
            survey: p.followup.survey.clone(),
            disclosure: {
                let mut d = p.disclosure.clone();
                d.k = Some(d.k_or(ws.settings.k));
                d
            },
            relationships: p.relationship_facts(),
        })
    }

    /// The export policy this programme's settings give for one kind of file.
    pub fn policy(&self, file: FileKind) -> ExportPolicy {
        ExportPolicy {
            k: K::new(self.disclosure.k()).unwrap_or_default(),
            strict: self.disclosure.strict,
            file,
            ..ExportPolicy::default()
        }
    }

    /// Runs the gate with this programme's own name decisions and ledger.
    pub fn run(&self, today: Date, policy: &ExportPolicy) -> Result<Cleared, Blocked> {
        self.run_with(&self.disclosure.names, today, policy)
    }

    /// Runs the gate with other name decisions (tests, and decisions not yet stored).
    pub fn run_with(
        &self,
        names: &NameDecisions,
        today: Date,
        policy: &ExportPolicy,
    ) -> Result<Cleared, Blocked> {
        let input = GateInput {
            programme_name: &self.programme_name,
            groups: &self.groups,
            roster: &self.roster,
            approvals: &self.approvals,
            sessions: &self.sessions,
            testimonies: &self.testimonies,
            names,
            today,
            survey: Some(&self.survey),
            ledger: &self.disclosure.ledger,
            relationships: &self.relationships,
        };
        gate(&input, policy)
    }
}

pub use crate::share::names::device_names;

/// Every written quote approval this device holds, across programmes.
pub fn device_approvals(ws: &Workspace) -> Vec<QuoteApproval> {
    ws.programmes
        .iter()
        .flat_map(|p| p.participants.iter())
        .filter_map(|x| x.quote_approval.as_ref().map(|a| (x.id, a)))
        .map(|(participant, a)| QuoteApproval {
            participant,
            given: a.given,
            scope: a.uses.iter().filter_map(|u| quote_use(*u)).collect(),
            expires: a.expires,
            withdrawn: a.withdrawn,
        })
        .collect()
}

/// The roster's ticked use, as the gate names it. A use this version does not know
/// approves nothing here: a name is only ever shared for a use the approval plainly names.
pub fn quote_use(used: ApprovedUse) -> Option<QuoteUse> {
    match used {
        ApprovedUse::Newsletter => Some(QuoteUse::Newsletter),
        ApprovedUse::Brochure => Some(QuoteUse::Brochure),
        ApprovedUse::EvaluationReport => Some(QuoteUse::EvaluationReport),
        ApprovedUse::Unknown => None,
    }
}

/// The files a facilitator can save, each a function of the gate's `Shareable`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    AgreementCsv,
    ProgrammeJson,
    TestimoniesMarkdown,
    ReportHtml,
}

impl FileKind {
    pub const ALL: [FileKind; 4] = [
        FileKind::AgreementCsv,
        FileKind::ProgrammeJson,
        FileKind::TestimoniesMarkdown,
        FileKind::ReportHtml,
    ];

    pub fn label(self) -> &'static str {
        match self {
            FileKind::AgreementCsv => "Agreement counts, for a spreadsheet (CSV)",
            FileKind::ProgrammeJson => "Programme file, for combining on another device (JSON)",
            FileKind::TestimoniesMarkdown => "Testimonies, for a newsletter (Markdown)",
            FileKind::ReportHtml => "Evaluation report with charts, to print (web page)",
        }
    }

    /// A few words for the list of files already shared.
    pub fn short_label(self) -> &'static str {
        match self {
            FileKind::AgreementCsv => "Agreement counts (CSV)",
            FileKind::ProgrammeJson => "Programme file (JSON)",
            FileKind::TestimoniesMarkdown => "Testimonies (Markdown)",
            FileKind::ReportHtml => "Evaluation report",
        }
    }

    /// The use a name in this file must be approved for: a testimonies file is for what the
    /// person says it is for; a report, a spreadsheet of counts and a programme file (which is
    /// combined into a report) are evaluation-report uses whatever the purpose box says.
    pub fn quote_use(self, purpose: QuoteUse) -> QuoteUse {
        match self {
            FileKind::TestimoniesMarkdown => purpose,
            _ => QuoteUse::EvaluationReport,
        }
    }

    /// Whether the file shows each meeting's counts.
    pub fn shows_meetings(self) -> bool {
        !matches!(self, FileKind::TestimoniesMarkdown)
    }

    /// Whether the file shows attendance, the people count and the survey.
    pub fn shows_programme_figures(self) -> bool {
        matches!(self, FileKind::ProgrammeJson | FileKind::ReportHtml)
    }

    pub fn key(self) -> &'static str {
        match self {
            FileKind::AgreementCsv => "csv",
            FileKind::ProgrammeJson => "json",
            FileKind::TestimoniesMarkdown => "md",
            FileKind::ReportHtml => "html",
        }
    }

    pub fn from_key(key: &str) -> Option<FileKind> {
        FileKind::ALL.into_iter().find(|k| k.key() == key)
    }

    pub fn mime(self) -> &'static str {
        match self {
            FileKind::AgreementCsv => "text/csv;charset=utf-8",
            FileKind::ProgrammeJson => "application/json",
            FileKind::TestimoniesMarkdown => "text/markdown;charset=utf-8",
            FileKind::ReportHtml => "text/html;charset=utf-8",
        }
    }

    /// A file name with no text from the data in it, only the kind and the month.
    pub fn file_name(self, today: Date) -> String {
        let stem = match self {
            FileKind::AgreementCsv => "agreement-counts",
            FileKind::ProgrammeJson => "programme-shareable",
            FileKind::TestimoniesMarkdown => "testimonies",
            FileKind::ReportHtml => "evaluation-report",
        };
        format!("peercircle-{stem}-{}.{}", today.month_label(), self.key())
    }

    pub fn render(self, cleared: &Cleared) -> String {
        let content = &cleared.shareable;
        match self {
            FileKind::AgreementCsv => crate::share::csv::csv(content),
            FileKind::ProgrammeJson => crate::share::json::json(content),
            FileKind::TestimoniesMarkdown => crate::share::markdown::markdown(content),
            FileKind::ReportHtml => crate::share::html::html(content),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::programme::GroupKind;
    use crate::domain::roster::Role;
    use crate::domain::session::{AnswerBox, SessionQuestion};

    fn programme_with_a_consented_item(item_text: &str) -> (Workspace, Id) {
        let mut ws = Workspace::default();
        let pid = ws.create_programme("Nursing mentors").unwrap();
        let gid = ws.fresh_id();
        let p = ws.programme_mut(pid).unwrap();
        p.add_group(gid, "Mentor circle", GroupKind::MentorSupport)
            .unwrap();
        p.add_participant(50, "Maria Lopez", Role::Mentor).unwrap();
        let day = Date::from_ymd(2026, 11, 24).unwrap();
        let q = SessionQuestion::one_off("What helps?").unwrap();
        let mut s = Session::new(60, gid, day, q).unwrap();
        s.set_guests(8).unwrap();
        s.advance().unwrap();
        s.form_pairs(1).unwrap();
        s.advance().unwrap();
        s.form_tables(2).unwrap();
        s.add_point(AnswerBox::TableConsensus(1), item_text)
            .unwrap();
        s.add_point(AnswerBox::TableConsensus(1), "Kept in the room")
            .unwrap();
        s.advance().unwrap();
        s.bring_all_table_answers().unwrap();
        s.advance().unwrap();
        s.set_agreement(1, 6).unwrap();
        s.advance().unwrap();
        s.mark_shareable(1, day).unwrap();
        ws.sessions.push(s);
        (ws, pid)
    }

    #[test]
    fn collects_the_programme_and_only_its_sessions() {
        let (mut ws, pid) = programme_with_a_consented_item("Ask early");
        let other = ws.create_programme("Other").unwrap();
        let m = Material::of(&ws, pid).unwrap();
        assert_eq!(m.sessions.len(), 1);
        assert_eq!(m.roster.len(), 1);
        assert_eq!(m.groups[0].members, 0);
        assert!(Material::of(&ws, other).unwrap().sessions.is_empty());
        assert!(Material::of(&ws, 999).is_none());
    }

    #[test]
    fn every_format_holds_the_consented_item_and_not_the_private_one() {
        let (ws, pid) = programme_with_a_consented_item("Ask early");
        let m = Material::of(&ws, pid).unwrap();
        let today = Date::from_ymd(2026, 11, 30).unwrap();
        let cleared = m
            .run_with(&NameDecisions::default(), today, &ExportPolicy::default())
            .unwrap();
        for kind in FileKind::ALL {
            let text = kind.render(&cleared);
            if kind != FileKind::TestimoniesMarkdown {
                assert!(text.contains("Ask early"), "{kind:?}");
            }
            assert!(
                !text.contains("Kept in the room"),
                "{kind:?} leaked an unconsented item"
            );
            assert!(kind
                .file_name(today)
                .ends_with(&format!("2026-11.{}", kind.key())));
            assert_eq!(FileKind::from_key(kind.key()), Some(kind));
        }
    }

    #[test]
    fn testimonies_come_from_this_programmes_meetings_and_reach_the_markdown() {
        let (mut ws, pid) = programme_with_a_consented_item("Ask early, ask often");
        let session = ws.sessions[0].clone();
        let mut t = Testimony::draft(70, &session, 1, "a first-year mentor").unwrap();
        t.edit_text("I learned to ask early and often.").unwrap();
        ws.testimonies.push(t);
        let foreign = Testimony {
            id: 71,
            source: None,
            ..ws.testimonies[0].clone()
        };
        ws.testimonies.push(foreign);
        let m = Material::of(&ws, pid).unwrap();
        assert_eq!(
            m.testimonies.len(),
            1,
            "a testimony with no meeting of this programme stays out"
        );
        let today = Date::from_ymd(2026, 11, 30).unwrap();
        let cleared = m
            .run_with(&NameDecisions::default(), today, &ExportPolicy::default())
            .unwrap();
        let md = FileKind::TestimoniesMarkdown.render(&cleared);
        assert!(md.contains("I learned to ask early and often."), "{md}");
        assert!(md.contains("a first-year mentor"), "{md}");
    }

    #[test]
    fn a_date_range_that_misses_the_meeting_leaves_its_items_out() {
        let (ws, pid) = programme_with_a_consented_item("Ask early");
        let m = Material::of(&ws, pid).unwrap();
        let today = Date::from_ymd(2026, 11, 30).unwrap();
        let policy = ExportPolicy {
            from: Date::from_ymd(2099, 1, 1),
            ..ExportPolicy::default()
        };
        let cleared = m
            .run_with(&NameDecisions::default(), today, &policy)
            .unwrap();
        assert!(!FileKind::AgreementCsv
            .render(&cleared)
            .contains("Ask early"));
    }

    #[test]
    fn a_named_quote_needs_a_current_approval_ticked_for_that_use() {
        let (mut ws, pid) = programme_with_a_consented_item("Ask early");
        let given = Date::from_ymd(2026, 11, 1).unwrap();
        ws.programme_mut(pid)
            .unwrap()
            .record_quote_approval(
                50,
                given,
                "in writing, 1 Nov",
                &[ApprovedUse::Newsletter],
                None,
            )
            .unwrap();
        let session = ws.sessions[0].clone();
        let mut t = Testimony::draft(70, &session, 1, "a mentor").unwrap();
        t.attribution = crate::domain::testimony::Attribution::Named(50);
        ws.testimonies.push(t);
        let today = Date::from_ymd(2026, 11, 30).unwrap();
        let names = NameDecisions::default();
        let for_use = |quote_use| ExportPolicy {
            quote_use,
            file: FileKind::TestimoniesMarkdown,
            ..ExportPolicy::default()
        };

        let m = Material::of(&ws, pid).unwrap();
        let cleared = m
            .run_with(&names, today, &for_use(QuoteUse::Newsletter))
            .unwrap();
        let md = FileKind::TestimoniesMarkdown.render(&cleared);
        assert!(md.contains("Maria Lopez"), "approved for newsletters: {md}");
        let refused = m
            .run_with(&names, today, &for_use(QuoteUse::Brochure))
            .unwrap_err();
        assert!(!refused.reasons.is_empty(), "not approved for brochures");

        ws.programme_mut(pid)
            .unwrap()
            .withdraw_quote_approval(50, today)
            .unwrap();
        let m = Material::of(&ws, pid).unwrap();
        assert!(
            m.run_with(&names, today, &for_use(QuoteUse::Newsletter))
                .is_err(),
            "withdrawn"
        );
    }

    #[test]
    fn a_roster_name_in_a_consented_item_blocks_the_export_with_a_reason() {
        let (ws, pid) = programme_with_a_consented_item("Maria's advice helped");
        let m = Material::of(&ws, pid).unwrap();
        let today = Date::from_ymd(2026, 11, 30).unwrap();
        let blocked = m
            .run_with(&NameDecisions::default(), today, &ExportPolicy::default())
            .unwrap_err();
        assert!(
            blocked.reasons.iter().any(|r| r.contains("Maria")),
            "{:?}",
            blocked.reasons
        );
        assert_eq!(blocked.names.len(), 1);
    }
}
