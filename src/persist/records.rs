//! Loading the whole workspace from a store and saving single records back. Reading goes
//! parse → check kind → migrate → fill defaults → validate; a record that fails is moved to
//! a quarantine key (never overwritten, never deleted without the facilitator's say-so).

use super::envelope::{decode, encode, RestoreError};
use super::journal::Change;
use super::migrate::{migrate, RecordFormat, PROGRAMME, QUESTIONS, SESSION, SETTINGS, TESTIMONIES};
use super::unknown::{keep_unknown, unknown_fields, Unknown};
use super::{KeyValueStore, StoreError};
use crate::domain::programme::Programme;
use crate::domain::questions::QuestionBank;
use crate::domain::session::Session;
use crate::domain::workspace::{RecordKey, Workspace};
use crate::domain::Id;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

pub const PREFIX: &str = "peercircle:";
pub const QUARANTINE_PREFIX: &str = "peercircle:quarantine:";
/// The largest id a record may hold (what a browser's numbers keep exactly).
pub const MAX_ID: Id = (1 << 53) - 1;

pub fn key_name(key: RecordKey) -> String {
    match key {
        RecordKey::Settings => format!("{PREFIX}settings"),
        RecordKey::Programme(id) => format!("{PREFIX}programme:{id}"),
        RecordKey::Session(id) => format!("{PREFIX}session:{id}"),
        RecordKey::Questions => format!("{PREFIX}questions"),
        RecordKey::Testimonies => format!("{PREFIX}testimonies"),
    }
}

pub fn parse_key(name: &str) -> Option<RecordKey> {
    let rest = name.strip_prefix(PREFIX)?;
    match rest {
        "settings" => return Some(RecordKey::Settings),
        "questions" => return Some(RecordKey::Questions),
        "testimonies" => return Some(RecordKey::Testimonies),
        _ => {}
    }
    if let Some(id) = rest.strip_prefix("programme:") {
        return canonical_id(id).map(RecordKey::Programme);
    }
    canonical_id(rest.strip_prefix("session:")?).map(RecordKey::Session)
}

/// Only the one spelling the app writes names a record: `programme:01` or `programme:+1`
/// must never be read as (and so overwrite) programme 1.
fn canonical_id(text: &str) -> Option<Id> {
    text.parse::<Id>().ok().filter(|id| id.to_string() == text)
}

/// Something that went wrong while loading, for the facilitator's notice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadProblem {
    pub key: String,
    pub reason: RestoreError,
    /// Where the unreadable text was put, or `None` if it stayed in place (a record from a
    /// newer app, or a store too full to copy it).
    pub set_aside_as: Option<String>,
}

impl LoadProblem {
    pub fn sentence(&self) -> String {
        let what = describe_key(&self.key);
        match &self.set_aside_as {
            Some(_) => format!(
                "Some saved data ({what}) could not be read because {}. It has been kept aside, \
                 untouched, and everything else works as normal. You can see it in Settings.",
                self.reason
            ),
            None => format!(
                "Some saved data ({what}) could not be read because {}. It has been left exactly \
                 where it was and will not be overwritten.",
                self.reason
            ),
        }
    }
}

fn describe_key(key: &str) -> String {
    match parse_key(key) {
        Some(RecordKey::Settings) => "your settings and programme list".to_string(),
        Some(RecordKey::Programme(_)) => "one programme".to_string(),
        Some(RecordKey::Session(_)) => "one session".to_string(),
        Some(RecordKey::Questions) => "your question bank".to_string(),
        Some(RecordKey::Testimonies) => "your testimonies".to_string(),
        None => "a record".to_string(),
    }
}

#[derive(Debug, Default)]
pub struct Loaded {
    pub workspace: Workspace,
    pub problems: Vec<LoadProblem>,
    /// Keys holding data this app must not overwrite (newer format, or could not be moved).
    pub protected: BTreeSet<String>,
    /// Fields each record had that this version does not know, written back on every save.
    pub unknown: BTreeMap<RecordKey, Unknown>,
}

/// Reads one record's text into its current shape.
pub fn restore<T: DeserializeOwned>(text: &str, format: &RecordFormat) -> Result<T, RestoreError> {
    let envelope = decode(text, format.kind)?;
    let data = migrate(envelope, format)?;
    serde_json::from_value(data).map_err(|e| RestoreError::Shape(shorten(&e.to_string())))
}

/// Reads one record and notes whatever it holds that this version does not know.
pub fn restore_keeping<T: DeserializeOwned + Serialize>(
    text: &str,
    format: &RecordFormat,
) -> Result<(T, Option<Unknown>), RestoreError> {
    let envelope = decode(text, format.kind)?;
    let data = migrate(envelope, format)?;
    // Ids are handed out one at a time from 1; one near the top of the range is damage, and
    // would make the next new id overflow.
    if highest_id_in(&data, 0) > MAX_ID {
        return Err(RestoreError::ImpossibleNumber);
    }
    let value: T = serde_json::from_value(data.clone())
        .map_err(|e| RestoreError::Shape(shorten(&e.to_string())))?;
    let known = serde_json::to_value(&value).map_err(|e| RestoreError::Shape(e.to_string()))?;
    Ok((value, unknown_fields(&data, &known)))
}

fn shorten(text: &str) -> String {
    text.chars().take(120).collect()
}

pub fn encode_record(ws: &Workspace, key: RecordKey) -> Option<String> {
    encode_keeping(ws, key, None)
}

/// The record's stored text, with the fields this version does not know put back.
pub fn encode_keeping(ws: &Workspace, key: RecordKey, unknown: Option<&Unknown>) -> Option<String> {
    let (format, data) = match key {
        RecordKey::Settings => (SETTINGS, serde_json::to_value(&ws.settings)),
        RecordKey::Programme(id) => (PROGRAMME, serde_json::to_value(ws.programme(id)?)),
        RecordKey::Session(id) => (SESSION, serde_json::to_value(ws.session(id)?)),
        RecordKey::Questions => (QUESTIONS, serde_json::to_value(&ws.questions)),
        RecordKey::Testimonies => (TESTIMONIES, serde_json::to_value(&ws.testimonies)),
    };
    let mut data = data.ok()?;
    if let Some(unknown) = unknown {
        keep_unknown(&mut data, unknown);
    }
    encode(format.kind, format.current(), &data).ok()
}

/// Loads everything under the app's prefix. Never fails as a whole: an unreadable store
/// gives an empty workspace plus the reason.
pub fn load_workspace(store: &mut dyn KeyValueStore) -> Result<Loaded, StoreError> {
    let mut loaded = Loaded::default();
    let mut questions_found = false;
    let mut names: Vec<String> = store
        .keys()?
        .into_iter()
        .filter(|k| k.starts_with(PREFIX) && !k.starts_with(QUARANTINE_PREFIX))
        .collect();
    crate::domain::sort::sort(&mut names);
    for name in names {
        let Some(key) = parse_key(&name) else {
            continue;
        };
        let Some(text) = store.get(&name)? else {
            continue;
        };
        let ws = &mut loaded.workspace;
        let result: Result<Option<Unknown>, RestoreError> = match key {
            RecordKey::Settings => restore_keeping(&text, &SETTINGS).map(|(s, u)| {
                ws.settings = s;
                u
            }),
            RecordKey::Programme(id) => restore_keeping(&text, &PROGRAMME).and_then(|(p, u)| {
                ws.programmes.push(check_programme(p, id)?);
                Ok(u)
            }),
            RecordKey::Session(id) => restore_keeping(&text, &SESSION).and_then(|(s, u)| {
                ws.sessions.push(check_session(s, id)?);
                Ok(u)
            }),
            RecordKey::Testimonies => restore_keeping(&text, &TESTIMONIES).map(|(t, u)| {
                ws.testimonies = t;
                u
            }),
            RecordKey::Questions => restore_keeping(&text, &QUESTIONS).map(|(q, u)| {
                questions_found = true;
                ws.questions = q;
                u
            }),
        };
        match result {
            Ok(Some(unknown)) => {
                loaded.unknown.insert(key, unknown);
            }
            Ok(None) => {}
            Err(reason) => {
                let set_aside_as = if reason.is_from_newer_app() {
                    None
                } else {
                    quarantine(store, &name, &text).ok()
                };
                if set_aside_as.is_none() {
                    loaded.protected.insert(name.clone());
                }
                loaded.problems.push(LoadProblem {
                    key: name,
                    reason,
                    set_aside_as,
                });
            }
        }
    }
    // New ids must never collide with a record this version could not read (kept in
    // place or set aside): they may come back, from a newer version or by hand.
    let floor = highest_id_elsewhere(store, &loaded.protected)?;
    let settings = &mut loaded.workspace.settings;
    settings.last_id = settings.last_id.max(floor);
    Ok(settle(loaded, questions_found))
}

impl Loaded {
    /// What loading a store with no record in it gives, without the code that reads records
    /// (`state::reader` brings that only when there is something to read).
    pub fn fresh() -> Loaded {
        settle(Loaded::default(), false)
    }
}

/// The defaults a load fills in, whatever was read.
fn settle(mut loaded: Loaded, questions_found: bool) -> Loaded {
    // A device that never saved a bank starts with the starter questions. One whose bank
    // could not be read keeps an empty one rather than overwrite the set-aside copy's intent.
    if !questions_found
        && !loaded
            .problems
            .iter()
            .any(|p| p.key == key_name(RecordKey::Questions))
    {
        loaded.workspace.questions = QuestionBank::starter();
    }
    if loaded.workspace.settings.k < 3 {
        loaded.workspace.settings.k = 3;
    }
    loaded
}

fn check_programme(p: Programme, id: Id) -> Result<Programme, RestoreError> {
    if p.id != id {
        return Err(RestoreError::WrongId {
            what: "programme",
            id: p.id,
        });
    }
    p.validate().map_err(RestoreError::Programme)?;
    Ok(p)
}

fn check_session(s: Session, id: Id) -> Result<Session, RestoreError> {
    if s.id() != id {
        return Err(RestoreError::WrongId {
            what: "session",
            id: s.id(),
        });
    }
    s.validate().map_err(RestoreError::Session)?;
    Ok(s)
}

/// Copies the text to a fresh quarantine key, then removes the original. If the copy fails
/// the original stays put, so nothing is ever lost.
pub fn quarantine(
    store: &mut dyn KeyValueStore,
    name: &str,
    text: &str,
) -> Result<String, StoreError> {
    let taken: BTreeSet<String> = store.keys()?.into_iter().collect();
    let mut n = 1u32;
    let target = loop {
        let candidate = format!("{QUARANTINE_PREFIX}{n}:{}", name.trim_start_matches(PREFIX));
        if !taken.contains(&candidate) {
            break candidate;
        }
        n += 1;
    };
    store.set(&target, text)?;
    store.remove(name)?;
    Ok(target)
}

/// The highest id named by any record this version did not load: keys of set-aside and
/// protected records, and every `id` inside them.
fn highest_id_elsewhere(
    store: &dyn KeyValueStore,
    protected: &BTreeSet<String>,
) -> Result<Id, StoreError> {
    let mut highest: Id = 0;
    for key in store.keys()? {
        let aside = key.strip_prefix(QUARANTINE_PREFIX);
        if aside.is_none() && !protected.contains(&key) {
            continue;
        }
        let tail = key.rsplit(':').next().unwrap_or("");
        highest = highest.max(tail.parse::<Id>().unwrap_or(0));
        if let Some(text) = store.get(&key)? {
            if let Ok(value) = serde_json::from_str::<Value>(&text) {
                highest = highest.max(highest_id_in(&value, 0));
            }
        }
    }
    // An impossible id in a damaged record must not use up every id after it.
    Ok(if highest > MAX_ID { 0 } else { highest })
}

fn highest_id_in(value: &Value, depth: usize) -> Id {
    if depth > 32 {
        return 0;
    }
    match value {
        Value::Object(map) => map
            .iter()
            .map(|(name, v)| {
                let own = if name == "id" || name.ends_with("_id") {
                    v.as_u64().unwrap_or(0)
                } else {
                    0
                };
                own.max(highest_id_in(v, depth + 1))
            })
            .max()
            .unwrap_or(0),
        Value::Array(items) => items
            .iter()
            .map(|v| highest_id_in(v, depth + 1))
            .max()
            .unwrap_or(0),
        _ => 0,
    }
}

/// A set-aside record as Settings lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    pub key: String,
    pub characters: usize,
}

pub fn set_aside_records(store: &dyn KeyValueStore) -> Result<Vec<SetAside>, StoreError> {
    let mut out = Vec::new();
    for key in store.keys()? {
        if key.starts_with(QUARANTINE_PREFIX) {
            let characters = store.get(&key)?.map_or(0, |t| t.chars().count());
            out.push(SetAside { key, characters });
        }
    }
    crate::domain::sort::sort_by(&mut out, |a, b| a.key.cmp(&b.key));
    Ok(out)
}

/// Writes the given records. A protected key (a record a newer app wrote) is never
/// overwritten: asking to write one is refused, so nothing is shown as saved that was not.
pub fn save_records(
    store: &mut dyn KeyValueStore,
    ws: &Workspace,
    keys: &BTreeSet<RecordKey>,
    protected: &BTreeSet<String>,
) -> Result<(), StoreError> {
    save_records_keeping(store, ws, keys, protected, &BTreeMap::new())
}

/// `save_records`, putting back the fields this version does not know.
pub fn save_records_keeping(
    store: &mut dyn KeyValueStore,
    ws: &Workspace,
    keys: &BTreeSet<RecordKey>,
    protected: &BTreeSet<String>,
    unknown: &BTreeMap<RecordKey, Unknown>,
) -> Result<(), StoreError> {
    if keys.iter().any(|k| protected.contains(&key_name(*k))) {
        return Err(StoreError::Protected);
    }
    // `None`: the programme or session is gone from the workspace (it was deleted).
    let changes: Vec<Change> = keys
        .iter()
        .map(|key| Change {
            key: key_name(*key),
            stored: encode_keeping(ws, *key, unknown.get(key)),
        })
        .collect();
    match changes.as_slice() {
        [] => Ok(()),
        [Change {
            key,
            stored: Some(text),
        }] => store.set(key, text),
        [Change { key, stored: None }] => store.remove(key),
        // Related records (a meeting and its session, a programme and the list) are written
        // together or not at all.
        _ => store.set_together(&changes),
    }
}

#[cfg(test)]
mod tests;
