//! The gate's walk over the data: choose the sessions the policy covers (whole groups, whole
//! months), keep only consented items, scrub every text, check named quotes against approvals
//! for this file's use, count every population, audit the figures against what already left,
//! and collect every reason to block rather than stopping at the first.

use super::audit::{self, Earlier, Figure, MeetingFacts};
use super::figures::{self, SessionFacts};
use super::shareable::{Month, NamedCredit, Shareable, SharedItem, SharedSession, SharedTestimony};
use super::texts::Scrubber;
use super::{Blocked, Cleared, ExportPolicy, GateInput, LeftOut, TextRef};
use crate::domain::disclosure::{Population, Release, ReleasedFigure};
use crate::domain::programme::GroupKind;
use crate::domain::session::{ConsentDecision, FlipChartItem, Session};
use crate::domain::testimony::{Attribution, Testimony};
use crate::domain::Date;
use crate::share::suppress::{Count, Stat};

const NEUTRAL_TITLE: &str = "Peer mentoring programme";

fn consented(item: &FlipChartItem) -> bool {
    item.consent.decision == ConsentDecision::Shareable && !item.consent.objection
}

/// The first day of `d`'s month.
fn month_start(d: Date) -> Date {
    let (y, m, _) = d.ymd();
    Date::from_ymd(y, m, 1).unwrap_or(d)
}

/// The last day of `d`'s month.
fn month_end(d: Date) -> Date {
    let (y, m, _) = d.ymd();
    let next = if m == 12 {
        Date::from_ymd(y + 1, 1, 1)
    } else {
        Date::from_ymd(y, m + 1, 1)
    };
    next.map_or(d, |n| n.add_days(-1))
}

fn in_policy(s: &Session, policy: &ExportPolicy) -> bool {
    policy
        .groups
        .as_ref()
        .is_none_or(|g| g.contains(&s.group()))
        && policy.sessions.as_ref().is_none_or(|x| x.contains(&s.id()))
        && policy.from.is_none_or(|d| month_start(d) <= s.date())
        && policy.to.is_none_or(|d| s.date() <= month_end(d))
}

fn month_key(m: Month) -> i32 {
    m.year() * 12 + m.month() as i32 - 1
}

pub(super) fn run(input: &GateInput<'_>, policy: &ExportPolicy) -> Result<Cleared, Blocked> {
    let mut blocked = Blocked {
        reasons: Vec::new(),
        names: Vec::new(),
    };
    let mut left = LeftOut::default();
    if let (Some(from), Some(to)) = (policy.from, policy.to) {
        if month_start(from) > month_start(to) {
            blocked.reasons.push(format!(
                "The months run backwards ({} to {}). Please swap them.",
                Month::of(from).long_name(),
                Month::of(to).long_name()
            ));
        }
    }
    let file_use = policy.file_use();
    let scrub = Scrubber::new(
        input.roster,
        input.names,
        input.approvals,
        file_use,
        input.today,
    );
    let title = match input.programme_name.trim() {
        "" => Some(NEUTRAL_TITLE.to_string()),
        name => scrub.clean(
            TextRef::Title,
            "The programme's name",
            name,
            None,
            &mut blocked,
        ),
    };

    let mut chosen: Vec<&Session> = Vec::new();
    for s in input.sessions {
        let group = input.groups.iter().find(|g| g.id == s.group());
        if in_policy(s, policy) && group.is_some_and(|g| g.kind == GroupKind::Unknown) {
            left.sessions_of_unknown_kind += 1;
        } else if in_policy(s, policy) && group.is_some() {
            chosen.push(s);
        } else {
            left.sessions_outside_selection += 1;
        }
    }
    crate::domain::sort::sort_by_key(&mut chosen, |s| (s.date(), s.id()));

    let k = policy.k;
    let mut sessions = Vec::with_capacity(chosen.len());
    let mut facts = Vec::with_capacity(chosen.len());
    for s in &chosen {
        let Some(group) = input.groups.iter().find(|g| g.id == s.group()) else {
            continue;
        };
        let when = s.date();
        let question_label = format!("The question of the meeting on {when}");
        let question = scrub.clean(
            TextRef::Question { session: s.id() },
            &question_label,
            &s.question().text,
            None,
            &mut blocked,
        );
        let mut items = Vec::new();
        let mut agrees = Vec::new();
        for item in s.items() {
            if item.consent.objection {
                left.items_objected += 1;
                continue;
            }
            if !consented(item) {
                left.items_not_consented += 1;
                continue;
            }
            let label = format!("Item {} of the meeting on {when}", item.number);
            let target = TextRef::Item {
                session: s.id(),
                item: item.number,
            };
            if let Some(text) = scrub.clean(target, &label, &item.text, None, &mut blocked) {
                items.push((text, item.minority));
                agrees.push(item.agree);
            }
        }
        let (present, cells) =
            figures::session_counts(s.people_present(), &agrees, k, policy.strict);
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        facts.push(SessionFacts {
            id: s.id(),
            month: Month::of(when),
            members_present: s.attendance(),
            members_expected: group.members,
            items_recorded: count(s.items().len()),
            items_shared: count(items.len()),
        });
        let items: Vec<SharedItem> = items
            .into_iter()
            .zip(cells)
            .map(|((text, minority), agree)| SharedItem {
                text,
                minority,
                agree,
            })
            .collect();
        sessions.push(SharedSession {
            month: Month::of(when),
            group: group.kind,
            question: question.unwrap_or_default(),
            present,
            items_recorded: count(s.items().len()),
            items,
        });
    }

    let mut testimonies = Vec::new();
    for t in input.testimonies {
        if let Some(shared) = testimony(t, &chosen, input, &scrub, &mut left, &mut blocked) {
            testimonies.push(shared);
        }
    }
    super::shuffle(&mut testimonies, policy.shuffle_seed);

    if !blocked.reasons.is_empty() {
        return Err(blocked);
    }
    let (attendance, programme) = figures::programme(&facts, k, policy.strict);
    let title = title.unwrap_or_else(|| NEUTRAL_TITLE.to_string());
    let mut shareable = Shareable::assemble(title, k, sessions, testimonies, attendance, programme);
    if let Some(survey) = input.survey {
        shareable.survey = super::survey_figures(survey, k, policy.strict);
    }
    if policy.file.shows_programme_figures() {
        shareable.relationships =
            super::relationship_figures(input.relationships, input.today, k, policy.strict);
        shareable.meeting_feedback = super::feedback_figures(&chosen, k);
    }
    let release = audit_and_hide(input, policy, &chosen, &facts, &mut shareable, &mut left);
    left.counts_suppressed =
        u32::try_from(shareable.counts().filter(|c| c.is_hidden()).count()).unwrap_or(u32::MAX);
    left.figures_suppressed = figures::hidden_figures(&shareable.attendance, &shareable.figures);
    Ok(Cleared {
        shareable,
        left_out: left,
        release,
    })
}

/// Where a figure lives in the content, to hide it there.
#[derive(Clone, Copy)]
enum Slot {
    Present(usize),
    Month(usize),
    Overall,
    People,
    Survey(usize),
    RelationshipsBegun,
    RelationshipsStanding,
    Feedback,
}

/// Lists the population figures this kind of file shows, audits them with the ledger, hides
/// what the audit asks for, writes one sentence per hidden figure, and returns the release.
fn audit_and_hide(
    input: &GateInput<'_>,
    policy: &ExportPolicy,
    chosen: &[&Session],
    facts: &[SessionFacts<'_>],
    shareable: &mut Shareable,
    left: &mut LeftOut,
) -> Release {
    let k = policy.k.get();
    let mut slots = Vec::new();
    let mut list = Vec::new();
    let mut push = |slot: Slot, population, sessions: Vec<u64>, point, value: u64, shown, label| {
        let mut sessions = sessions;
        crate::domain::sort::sort(&mut sessions);
        slots.push(slot);
        list.push(Figure {
            population,
            sessions,
            point,
            value,
            shown,
            label,
        });
    };
    if policy.file.shows_meetings() {
        for (i, (s, shared)) in chosen.iter().zip(&shareable.sessions).enumerate() {
            let label = format!(
                "The number present at meeting {} ({}, {})",
                i + 1,
                shared.month.long_name(),
                super::group_words(shared.group).to_lowercase()
            );
            let shown = !shared.present.is_hidden();
            let value = u64::from(s.people_present());
            push(
                Slot::Present(i),
                Population::Present,
                vec![s.id()],
                None,
                value,
                shown,
                label,
            );
        }
    }
    if policy.file.shows_programme_figures() {
        for (i, m) in shareable.attendance.iter().enumerate() {
            let ids: Vec<u64> = facts
                .iter()
                .filter(|f| f.month == m.month)
                .map(|f| f.id)
                .collect();
            let value = facts
                .iter()
                .filter(|f| f.month == m.month)
                .map(|f| f.members_present.len() as u64)
                .sum();
            let label = format!("Attendance in {}", m.month.long_name());
            let shown = matches!(m.rate, Stat::Shown(_));
            push(
                Slot::Month(i),
                Population::Attendance,
                ids,
                None,
                value,
                shown,
                label,
            );
        }
        let all: Vec<u64> = facts.iter().map(|f| f.id).collect();
        let attended: u64 = facts.iter().map(|f| f.members_present.len() as u64).sum();
        let shown = matches!(shareable.figures.attendance_rate, Stat::Shown(_));
        let label = "The overall attendance rate".to_string();
        push(
            Slot::Overall,
            Population::Attendance,
            all.clone(),
            None,
            attended,
            shown,
            label,
        );
        let mut people: Vec<u64> = facts
            .iter()
            .flat_map(|f| f.members_present.iter().copied())
            .collect();
        crate::domain::sort::sort(&mut people);
        people.dedup();
        let shown = !shareable.figures.people.is_hidden();
        let label = "The number of different people".to_string();
        push(
            Slot::People,
            Population::People,
            all,
            None,
            people.len() as u64,
            shown,
            label,
        );
        if let Some(survey) = input.survey {
            for (i, (r, p)) in survey.results().iter().zip(&shareable.survey).enumerate() {
                let label = format!("The survey results at point {}", p.point);
                let shown = !p.responses.is_hidden();
                let value = u64::from(r.responses);
                push(
                    Slot::Survey(i),
                    Population::Respondents,
                    Vec::new(),
                    Some(p.point),
                    value,
                    shown,
                    label,
                );
            }
        }
    }
    if let Some(r) = &shareable.relationships {
        let p = super::relationships::populations(input.relationships);
        let begun_shown = !r.started.is_hidden();
        // A reader knows how many ended (and so how many are under way) from the number under
        // way, or from both kinds of ending.
        let standing_shown = !r.active.is_hidden()
            || (!r.ended_as_planned.is_hidden() && !r.ended_early.is_hidden());
        push(
            Slot::RelationshipsBegun,
            Population::Relationships,
            Vec::new(),
            None,
            p.started,
            begun_shown,
            "The number of relationships that began".to_string(),
        );
        // Under way and ended add up to those that began: one is the other's complement, so a
        // change in either since an earlier file hides the standing as a whole.
        for (population, value, label) in [
            (
                Population::RelationshipsEnded,
                p.ended,
                "The number of relationships that ended",
            ),
            (
                Population::RelationshipsActive,
                p.active,
                "The number of relationships under way",
            ),
        ] {
            push(
                Slot::RelationshipsStanding,
                population,
                Vec::new(),
                None,
                value,
                begun_shown && standing_shown,
                label.to_string(),
            );
        }
    }
    if let Some(f) = &shareable.meeting_feedback {
        let value: u64 = chosen
            .iter()
            .map(|s| u64::from(super::feedback::answered(s)))
            .sum();
        push(
            Slot::Feedback,
            Population::FeedbackRespondents,
            chosen.iter().map(|s| s.id()).collect(),
            None,
            value,
            !f.responses.is_hidden(),
            "The meeting feedback (how many answered, and the mean answers)".to_string(),
        );
    }
    // Why each figure is hidden before the audit: its population is under k. (The standing of
    // relationships hidden only because the number that began is small says nothing more.)
    for f in list.iter().filter(|f| !f.shown && f.value > 0) {
        if matches!(
            f.population,
            Population::RelationshipsEnded | Population::RelationshipsActive
        ) {
            continue;
        }
        left.hidden.push(format!(
            "{} is not shown: it is about fewer than {k} {}.",
            f.label,
            f.population.unit()
        ));
    }
    let earlier: Vec<Earlier> = input
        .ledger
        .iter()
        .flat_map(|r| {
            r.figures.iter().map(|f| Earlier {
                made: r.made,
                figure: Figure {
                    population: f.population,
                    sessions: f.sessions.clone(),
                    point: f.point,
                    value: f.value,
                    shown: f.shown,
                    label: f.label.clone(),
                },
            })
        })
        .collect();
    let meetings: Vec<MeetingFacts> = input
        .sessions
        .iter()
        .map(|s| MeetingFacts {
            id: s.id(),
            group: s.group(),
            month: month_key(Month::of(s.date())),
            members_present: s.attendance().to_vec(),
            present: u64::from(s.people_present()),
            feedback: u64::from(super::feedback::answered(s)),
        })
        .collect();
    for extra in audit::audit(&mut list, &earlier, &meetings, k) {
        left.hidden.push(extra.why);
        match slots.get(extra.index) {
            Some(Slot::Present(i)) => {
                if let Some(s) = shareable.sessions.get_mut(*i) {
                    s.present = Count::Withheld;
                    s.items.iter_mut().for_each(|it| it.agree = Count::Withheld);
                }
            }
            Some(Slot::Month(i)) => {
                if let Some(m) = shareable.attendance.get_mut(*i) {
                    m.rate = Stat::Withheld;
                }
            }
            Some(Slot::Overall) => shareable.figures.attendance_rate = Stat::Withheld,
            Some(Slot::People) => shareable.figures.people = Count::Withheld,
            Some(Slot::Survey(i)) => {
                if let Some(p) = shareable.survey.get_mut(*i) {
                    p.responses = Count::Withheld;
                    p.measures.clear();
                }
            }
            Some(Slot::RelationshipsBegun) => {
                if let Some(r) = shareable.relationships.as_mut() {
                    r.withhold_all();
                }
            }
            Some(Slot::Feedback) => {
                if let Some(f) = shareable.meeting_feedback.as_mut() {
                    f.withhold();
                }
            }
            Some(Slot::RelationshipsStanding) => {
                if let Some(r) = shareable.relationships.as_mut() {
                    r.withhold_standing();
                }
            }
            None => {}
        }
    }
    Release {
        made: input.today,
        file: policy.file.short_label().to_string(),
        figures: list
            .into_iter()
            .map(|f| ReleasedFigure {
                population: f.population,
                sessions: f.sessions,
                point: f.point,
                value: f.value,
                shown: f.shown,
                label: f.label,
            })
            .collect(),
    }
}

/// One testimony as it may leave, or `None` (with a reason in `left` or `blocked`).
fn testimony(
    t: &Testimony,
    chosen: &[&Session],
    input: &GateInput<'_>,
    scrub: &Scrubber<'_>,
    left: &mut LeftOut,
    blocked: &mut Blocked,
) -> Option<SharedTestimony> {
    let n = t.id;
    let mut leave = |why: &str| {
        left.testimonies.push(format!("Testimony {n} {why}."));
        None
    };
    if !t.include {
        return leave("was not chosen for this export");
    }
    let mut role = None;
    match t.source {
        Some(r) => {
            let Some(session) = chosen.iter().find(|s| s.id() == r.session) else {
                return leave("comes from a meeting outside this selection");
            };
            let Ok(item) = session.item(r.item) else {
                return leave("comes from a flip-chart item that no longer exists");
            };
            if !consented(item) {
                return leave("comes from an item the group did not consent to share");
            }
            if t.drafted_from.as_deref() != Some(item.text.as_str()) {
                return leave(
                    "was written from words the group has since changed; confirm it against \
                     the group's words first",
                );
            }
            role = input
                .groups
                .iter()
                .find(|g| g.id == session.group())
                .map(|g| crate::domain::testimony::role_phrase(g.kind).to_string());
        }
        None if matches!(t.attribution, Attribution::ByRole(_)) => {
            return leave("has no consented flip-chart item behind it");
        }
        None => {}
    }
    let label = format!("Testimony {n}");
    let (attribution, speaker, named) = match &t.attribution {
        Attribution::ByRole(role) => {
            let who = format!("The attribution of testimony {n}");
            let role = scrub.clean(TextRef::Attribution(n), &who, role, None, blocked);
            (role, None, None)
        }
        Attribution::Named(person) => {
            let name = input.roster.iter().find(|p| p.id == *person);
            let approval = input
                .approvals
                .iter()
                .find(|a| a.participant == *person && a.covers(scrub.file_use(), input.today));
            match (name, approval) {
                (None, _) => {
                    blocked.reasons.push(format!(
                        "{label} is attributed to someone no longer in your roster. Attribute \
                         it by role instead."
                    ));
                    (None, None, None)
                }
                (Some(p), None) => {
                    blocked.reasons.push(format!(
                        "{label} names {}, whose written approval does not cover {} (the use of \
                         this file). Attribute it by role, or record the approval first.",
                        p.display_name,
                        scrub.file_use().words()
                    ));
                    (None, Some(*person), None)
                }
                (Some(p), Some(a)) => {
                    let credit = NamedCredit {
                        uses: a.scope.clone(),
                        role: role.clone().unwrap_or_else(|| "a participant".to_string()),
                    };
                    (Some(p.display_name.clone()), Some(*person), Some(credit))
                }
            }
        }
    };
    let text = scrub.clean(TextRef::Testimony(n), &label, &t.text, speaker, blocked);
    Some(SharedTestimony {
        text: text?,
        attribution: attribution?,
        named,
    })
}
