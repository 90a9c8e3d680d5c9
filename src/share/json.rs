//! The shareable JSON file: the format another device imports with `combine`. Documented in
//! `docs/shareable-json.md`; the shape, version 2 (version 1 files, without named credits, are
//! still read):
//!
//! ```text
//! {
//!   "format": "peercircle-shareable",      // always this string
//!   "version": 2,                          // a newer version is refused by older apps
//!   "title": "Northside mentoring",        // after the name scrub
//!   "k": 5,                                // suppression threshold used (3 or more)
//!   "period": ["2026-01", "2026-11"],      // first and last month, or null
//!   "sessions": [{
//!     "month": "2026-11",
//!     "group": "mentor_support" | "protege_support" | "peer",
//!     "question": "What is the hardest part of mentoring?",
//!     "present": COUNT,
//!     "items_recorded": 9,                 // all flip-chart items, shared or not
//!     "items": [{ "text": "...", "minority": false, "agree": COUNT }]
//!   }],
//!   "testimonies": [{ "text": "...", "attribution": "a first-year protege",
//!                     // only for a name: the uses its written approval covers, and the
//!                     // role to credit instead where a combined file's use is not covered
//!                     "named": { "uses": ["newsletter"], "role": "a mentor" } }],
//!   "attendance": [{ "month": "2026-11", "sessions": 2, "rate": STAT }],
//!   "figures": { "sessions_held": 2, "people": COUNT, "attendance_rate": STAT,
//!                "items_per_session": STAT, "consent_rate": STAT },
//!   "survey": [{                           // optional: outcomes survey, one per point
//!     "point": 1, "start": true, "responses": COUNT,
//!     "measures": [{ "measure": "support" | "confidence" | "knowledge" | "new_ideas" |
//!                    "challenges_resolved" | "networks" | "isolation",
//!                    "answers": [COUNT x 5], "mean": STAT, "change": STAT }]
//!   }],
//!   "relationships": {                     // optional: one-to-one relationships to date
//!     "started": COUNT, "active": COUNT, "ended_as_planned": COUNT, "ended_early": COUNT,
//!     "median_months": STAT,               // length of those that ended, whole months
//!     "contacts_on_schedule": STAT         // share of active ones with contacts on time
//!   },
//!   "meeting_feedback": {                  // optional: "How was today's meeting?"
//!     "responses": COUNT,                  // people who answered, over the file's meetings
//!     "questions": [{ "question": "heard" | "mattered" | "way" | "overall",
//!                     "mean": STAT }]      // empty under k
//!   }
//! }
//! COUNT = {"shown": 12} | {"fewer_than": 5} | "withheld"
//! STAT  = {"shown": 0.75} | {"fewer_than": 5} | "not_available" | "withheld"
//! ```
//!
//! No other field is allowed anywhere: an importer refuses unknown fields, because an extra
//! field is exactly where a name could travel.

use serde::{Deserialize, Serialize};

use crate::share::gate::{
    Month, MonthAttendance, ProgrammeFigures, Shareable, SharedFeedback, SharedRelationships,
    SharedSession, SharedSurveyPoint, SharedTestimony,
};
use crate::share::suppress::K;

/// The value of the `format` field.
pub const FORMAT: &str = "peercircle-shareable";
/// The schema version this app writes and the newest it reads.
pub const VERSION: u32 = 2;

/// The file as written: the envelope fields, then the content, flat.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FileV1 {
    pub format: String,
    pub version: u32,
    pub title: String,
    pub k: K,
    pub period: Option<(Month, Month)>,
    pub sessions: Vec<SharedSession>,
    pub testimonies: Vec<SharedTestimony>,
    pub attendance: Vec<MonthAttendance>,
    pub figures: ProgrammeFigures,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub survey: Vec<SharedSurveyPoint>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relationships: Option<SharedRelationships>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_feedback: Option<SharedFeedback>,
}

impl FileV1 {
    pub(crate) fn into_shareable(self) -> Shareable {
        Shareable {
            title: self.title,
            k: self.k,
            period: self.period,
            sessions: self.sessions,
            testimonies: self.testimonies,
            attendance: self.attendance,
            figures: self.figures,
            survey: self.survey,
            relationships: self.relationships,
            meeting_feedback: self.meeting_feedback,
        }
    }
}

/// The file text, pretty-printed so a curious reader can see exactly what it holds.
pub fn json(content: &Shareable) -> String {
    let file = FileV1 {
        format: FORMAT.to_string(),
        version: VERSION,
        title: content.title.clone(),
        k: content.k,
        period: content.period,
        sessions: content.sessions.clone(),
        testimonies: content.testimonies.clone(),
        attendance: content.attendance.clone(),
        figures: content.figures.clone(),
        survey: content.survey.clone(),
        relationships: content.relationships.clone(),
        meeting_feedback: content.meeting_feedback.clone(),
    };
    // These types are plain structs with string keys and finite numbers, which serde_json
    // always serialises; an empty file would be the visible sign if that ever changed.
    let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
    text.push('\n');
    text
}
