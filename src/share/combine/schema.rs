//! Reading one shareable file: size, JSON, format name, version, then a walk that refuses any
//! field the schema does not have, then typed parsing and sanity checks. Each refusal finishes
//! the sentence "File 2 …" in plain words.

use serde_json::Value;

use super::MAX_FILE_BYTES;
use crate::domain::MAX_TEXT;
use crate::share::gate::Shareable;
use crate::share::json::{FileV1, FORMAT, VERSION};
use crate::share::suppress::Count;

/// Why one file cannot be combined. Each sentence follows the file's number or name ("File 2
/// is too large …"), except [`FileRefusal::NoFiles`], which stands alone.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FileRefusal {
    #[error("Choose at least one shareable file to combine.")]
    NoFiles,
    #[error(
        "is too large ({:.1} MB). A shareable file is at most {} MB.",
        *.0 as f64 / 1_048_576.0,
        MAX_FILE_BYTES / 1_048_576
    )]
    TooLarge(usize),
    /// With the JSON parser's own detail.
    #[error("is not a Peercircle shareable file: it is not readable JSON ({0}).")]
    NotJson(String),
    #[error(
        "is not a Peercircle shareable file: it looks like a backup. Restore backups from the \
         Backup screen instead."
    )]
    Backup,
    #[error("is not a Peercircle shareable file: its format is “{0}”.")]
    OtherFormat(String),
    #[error("is not a Peercircle shareable file: it has no format name.")]
    NoFormat,
    #[error(
        "was made by a newer version of Peercircle (format version {0}). Update this app, then \
         try again."
    )]
    Newer(u64),
    #[error("has no format version this app can read.")]
    NoVersion,
    #[error(
        "has a field “{0}” that is not part of the shareable format. Files with extra fields are \
         refused, because an extra field could carry names."
    )]
    StrayField(String),
    /// With the JSON parser's own detail.
    #[error("is damaged and cannot be read ({0}).")]
    Damaged(String),
    #[error(
        "has meetings of a kind of group this version of Peercircle does not know. Combine it in \
         the newest version."
    )]
    UnknownGroupKind,
    #[error("has a text of {0} characters; the most this app accepts is {max}.", max = MAX_TEXT)]
    TextTooLong(usize),
    #[error(
        "shows a count below its own privacy threshold of {0}, so it was changed after it was \
         exported. Ask for a fresh export."
    )]
    BelowThreshold(u32),
    #[error("says more people agreed with an item than were present.")]
    MoreAgreedThanPresent,
}

const TOP: &[&str] = &[
    "format",
    "version",
    "title",
    "k",
    "period",
    "sessions",
    "testimonies",
    "attendance",
    "figures",
    "survey",
    "relationships",
    "meeting_feedback",
];
const FEEDBACK: &[&str] = &["responses", "questions"];
const FEEDBACK_QUESTION: &[&str] = &["question", "mean"];
const RELATIONSHIPS: &[&str] = &[
    "started",
    "active",
    "ended_as_planned",
    "ended_early",
    "median_months",
    "contacts_on_schedule",
];
const SURVEY_POINT: &[&str] = &["point", "start", "responses", "measures"];
const SURVEY_MEASURE: &[&str] = &["measure", "answers", "mean", "change"];
const SESSION: &[&str] = &[
    "month",
    "group",
    "question",
    "present",
    "items_recorded",
    "items",
];
const ITEM: &[&str] = &["text", "minority", "agree"];
const TESTIMONY: &[&str] = &["text", "attribution", "named"];
const MONTH: &[&str] = &["month", "sessions", "rate"];
const FIGURES: &[&str] = &[
    "sessions_held",
    "people",
    "attendance_rate",
    "items_per_session",
    "consent_rate",
];
/// The inside of a count or a statistic: `{"shown": 12}` or `{"fewer_than": 5}`.
const FIGURE: &[&str] = &["shown", "fewer_than"];

fn stray(v: &Value, allowed: &[&str]) -> Option<String> {
    let obj = v.as_object()?;
    obj.keys().find(|k| !allowed.contains(&k.as_str())).cloned()
}

fn each<'a>(v: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    v.get(key).and_then(Value::as_array).into_iter().flatten()
}

/// The first field anywhere in the file that the schema does not have.
fn stray_field(v: &Value) -> Option<String> {
    let figure_fields = |obj: &Value, keys: &[&str]| {
        keys.iter()
            .filter_map(|k| obj.get(*k))
            .find_map(|f| stray(f, FIGURE))
    };
    stray(v, TOP)
        .or_else(|| {
            each(v, "sessions").find_map(|s| {
                stray(s, SESSION)
                    .or_else(|| figure_fields(s, &["present"]))
                    .or_else(|| {
                        each(s, "items")
                            .find_map(|i| stray(i, ITEM).or_else(|| figure_fields(i, &["agree"])))
                    })
            })
        })
        .or_else(|| each(v, "testimonies").find_map(|t| stray(t, TESTIMONY)))
        .or_else(|| {
            each(v, "attendance")
                .find_map(|m| stray(m, MONTH).or_else(|| figure_fields(m, &["rate"])))
        })
        .or_else(|| {
            let f = v.get("figures")?;
            stray(f, FIGURES).or_else(|| figure_fields(f, &FIGURES[1..]))
        })
        .or_else(|| {
            each(v, "survey").find_map(|p| {
                stray(p, SURVEY_POINT)
                    .or_else(|| figure_fields(p, &["responses"]))
                    .or_else(|| {
                        each(p, "measures").find_map(|m| {
                            stray(m, SURVEY_MEASURE)
                                .or_else(|| figure_fields(m, &["mean", "change"]))
                                .or_else(|| each(m, "answers").find_map(|a| stray(a, FIGURE)))
                        })
                    })
            })
        })
        .or_else(|| {
            let f = v.get("meeting_feedback")?;
            stray(f, FEEDBACK)
                .or_else(|| figure_fields(f, &["responses"]))
                .or_else(|| {
                    each(f, "questions").find_map(|q| {
                        stray(q, FEEDBACK_QUESTION).or_else(|| figure_fields(q, &["mean"]))
                    })
                })
        })
        .or_else(|| {
            let r = v.get("relationships")?;
            stray(r, RELATIONSHIPS).or_else(|| figure_fields(r, RELATIONSHIPS))
        })
}

pub(super) fn read(text: &str) -> Result<Shareable, FileRefusal> {
    if text.len() > MAX_FILE_BYTES {
        return Err(FileRefusal::TooLarge(text.len()));
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let value: Value =
        serde_json::from_str(text).map_err(|e| FileRefusal::NotJson(e.to_string()))?;
    let format = value.get("format").and_then(Value::as_str);
    if format != Some(FORMAT) {
        return Err(match format {
            Some(f) if f.contains("backup") => FileRefusal::Backup,
            Some(f) => FileRefusal::OtherFormat(f.chars().take(40).collect()),
            None => FileRefusal::NoFormat,
        });
    }
    match value.get("version").and_then(Value::as_u64) {
        Some(v) if v > u64::from(VERSION) => return Err(FileRefusal::Newer(v)),
        // Version 1 files have no named credits; version 2 may.
        Some(v) if (1..=u64::from(VERSION)).contains(&v) => {}
        _ => return Err(FileRefusal::NoVersion),
    }
    if let Some(field) = stray_field(&value) {
        return Err(FileRefusal::StrayField(field.chars().take(40).collect()));
    }
    let file: FileV1 =
        serde_json::from_value(value).map_err(|e| FileRefusal::Damaged(e.to_string()))?;
    let content = file.into_shareable();
    check(&content)?;
    Ok(content)
}

/// What typed parsing cannot see: over-long text, and figures the file's own rules forbid
/// (a small count shown, more agreeing than present). Either means the file was edited.
fn check(c: &Shareable) -> Result<(), FileRefusal> {
    // A shared file names only the kinds of group it was made with; one this version cannot
    // name would be written into the combined file as a kind it is not.
    if c.sessions
        .iter()
        .any(|s| s.group == crate::domain::programme::GroupKind::Unknown)
    {
        return Err(FileRefusal::UnknownGroupKind);
    }
    if let Some(t) = c.texts().find(|t| t.chars().count() > MAX_TEXT) {
        return Err(FileRefusal::TextTooLong(t.chars().count()));
    }
    let k = c.k.get();
    let small = |n: &Count| matches!(n, Count::Shown(v) if *v > 0 && *v < k);
    // Populations (people present, different people, respondents) are never shown under k;
    // answers inside a shown population may be small, but never inside a hidden one.
    let populations = c
        .sessions
        .iter()
        .map(|s| s.present)
        .chain(std::iter::once(c.figures.people))
        .chain(c.survey.iter().map(|p| p.responses))
        .chain(c.relationships.iter().map(|r| r.started))
        .chain(c.meeting_feedback.iter().map(|f| f.responses));
    let answers_in_small = c.sessions.iter().any(|s| {
        matches!(s.present, Count::FewerThan(_))
            && s.items
                .iter()
                .any(|i| matches!(i.agree, Count::Shown(v) if v > 0))
    }) || c
        .survey
        .iter()
        .any(|p| matches!(p.responses, Count::FewerThan(_)) && !p.measures.is_empty())
        || c.meeting_feedback
            .iter()
            .any(|f| matches!(f.responses, Count::FewerThan(_)) && !f.questions.is_empty())
        || c.relationships.iter().any(|r| {
            matches!(r.started, Count::FewerThan(_))
                && r.counts()[1..].iter().any(|n| !n.is_hidden())
        });
    if populations.into_iter().any(|n| small(&n)) || answers_in_small {
        return Err(FileRefusal::BelowThreshold(k));
    }
    let over = c.sessions.iter().any(|s| {
        s.items.iter().any(|i| match (i.agree, s.present) {
            (Count::Shown(a), Count::Shown(p)) => a > p,
            _ => false,
        })
    });
    if over {
        return Err(FileRefusal::MoreAgreedThanPresent);
    }
    Ok(())
}
