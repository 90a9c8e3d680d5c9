//! The gate's walk over the data: choose the sessions the policy covers, keep only consented
//! items, scrub every text, check named quotes against approvals, suppress every figure, and
//! collect every reason to block rather than stopping at the first.

use super::figures::{self, SessionFacts};
use super::shareable::{Month, Shareable, SharedItem, SharedSession, SharedTestimony};
use super::texts::Scrubber;
use super::{Blocked, Cleared, ExportPolicy, GateInput, LeftOut, TextRef};
use crate::domain::session::{ConsentDecision, FlipChartItem, Session};
use crate::domain::testimony::{Attribution, Testimony};

const NEUTRAL_TITLE: &str = "Peer mentoring programme";

fn consented(item: &FlipChartItem) -> bool {
    item.consent.decision == ConsentDecision::Shareable && !item.consent.objection
}

fn in_policy(s: &Session, policy: &ExportPolicy) -> bool {
    policy
        .groups
        .as_ref()
        .is_none_or(|g| g.contains(&s.group()))
        && policy.sessions.as_ref().is_none_or(|x| x.contains(&s.id()))
        && policy.from.is_none_or(|d| d <= s.date())
        && policy.to.is_none_or(|d| s.date() <= d)
}

pub(super) fn run(input: &GateInput<'_>, policy: &ExportPolicy) -> Result<Cleared, Blocked> {
    let mut blocked = Blocked {
        reasons: Vec::new(),
        names: Vec::new(),
    };
    let mut left = LeftOut::default();
    if let (Some(from), Some(to)) = (policy.from, policy.to) {
        if from > to {
            blocked.reasons.push(format!(
                "The date range starts ({from}) after it ends ({to}). Please swap the dates."
            ));
        }
    }
    let scrub = Scrubber::new(input.roster, input.names);
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
        if in_policy(s, policy) && group.is_some() {
            chosen.push(s);
        } else {
            left.sessions_outside_selection += 1;
        }
    }
    chosen.sort_by_key(|s| (s.date(), s.id()));

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
        let (present, cells) = figures::session_counts(s.people_present(), &agrees, k);
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        facts.push(SessionFacts {
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
        if let Some(shared) = testimony(t, &chosen, input, policy, &scrub, &mut left, &mut blocked)
        {
            testimonies.push(shared);
        }
    }
    super::shuffle(&mut testimonies, policy.shuffle_seed);

    if !blocked.reasons.is_empty() {
        return Err(blocked);
    }
    let (attendance, programme) = figures::programme(&facts, k);
    let title = title.unwrap_or_else(|| NEUTRAL_TITLE.to_string());
    let mut shareable = Shareable::assemble(title, k, sessions, testimonies, attendance, programme);
    if let Some(survey) = input.survey {
        shareable.survey = super::survey_figures(survey, k);
    }
    left.counts_suppressed =
        u32::try_from(shareable.counts().filter(|c| c.is_hidden()).count()).unwrap_or(u32::MAX);
    left.figures_suppressed = figures::hidden_figures(&shareable.attendance, &shareable.figures);
    Ok(Cleared {
        shareable,
        left_out: left,
    })
}

/// One testimony as it may leave, or `None` (with a reason in `left` or `blocked`).
fn testimony(
    t: &Testimony,
    chosen: &[&Session],
    input: &GateInput<'_>,
    policy: &ExportPolicy,
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
        }
        None if matches!(t.attribution, Attribution::ByRole(_)) => {
            return leave("has no consented flip-chart item behind it");
        }
        None => {}
    }
    let label = format!("Testimony {n}");
    let (attribution, speaker) = match &t.attribution {
        Attribution::ByRole(role) => {
            let who = format!("The attribution of testimony {n}");
            let role = scrub.clean(TextRef::Attribution(n), &who, role, None, blocked);
            (role, None)
        }
        Attribution::Named(person) => {
            let name = input.roster.iter().find(|p| p.id == *person);
            let approved = input
                .approvals
                .iter()
                .any(|a| a.participant == *person && a.covers(policy.quote_use, input.today));
            match name {
                None => {
                    blocked.reasons.push(format!(
                        "{label} is attributed to someone no longer in your roster. Attribute \
                         it by role instead."
                    ));
                    (None, None)
                }
                Some(p) if !approved => {
                    blocked.reasons.push(format!(
                        "{label} names {}, who has no current written approval to be quoted in \
                         {}. Attribute it by role, or record the approval first.",
                        p.display_name,
                        policy.quote_use.words()
                    ));
                    // Already blocked for the missing approval; their own name in the text
                    // needs no second reason.
                    (None, Some(*person))
                }
                Some(p) => (Some(p.display_name.clone()), Some(*person)),
            }
        }
    };
    let text = scrub.clean(TextRef::Testimony(n), &label, &t.text, speaker, blocked);
    Some(SharedTestimony {
        text: text?,
        attribution: attribution?,
    })
}
