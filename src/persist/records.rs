//! Loading the whole workspace from a store and saving single records back. Reading goes
//! parse → check kind → migrate → fill defaults → validate; a record that fails is moved to
//! a quarantine key (never overwritten, never deleted without the facilitator's say-so).

use super::envelope::{decode, encode, RestoreError};
use super::migrate::{migrate, RecordFormat, PROGRAMME, QUESTIONS, SESSION, SETTINGS, TESTIMONIES};
use super::{KeyValueStore, StoreError};
use crate::domain::programme::Programme;
use crate::domain::questions::QuestionBank;
use crate::domain::session::Session;
use crate::domain::workspace::{RecordKey, Settings, Workspace};
use crate::domain::Id;
use serde::de::DeserializeOwned;
use std::collections::BTreeSet;

pub const PREFIX: &str = "peercircle:";
pub const QUARANTINE_PREFIX: &str = "peercircle:quarantine:";

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
        return id.parse::<Id>().ok().map(RecordKey::Programme);
    }
    let id = rest.strip_prefix("session:")?.parse::<Id>().ok()?;
    Some(RecordKey::Session(id))
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
}

/// Reads one record's text into its current shape.
pub fn restore<T: DeserializeOwned>(text: &str, format: &RecordFormat) -> Result<T, RestoreError> {
    let envelope = decode(text, format.kind)?;
    let data = migrate(envelope, format)?;
    serde_json::from_value(data).map_err(|e| RestoreError::Shape(shorten(&e.to_string())))
}

fn shorten(text: &str) -> String {
    text.chars().take(120).collect()
}

pub fn encode_record(ws: &Workspace, key: RecordKey) -> Option<String> {
    let text = match key {
        RecordKey::Settings => encode(SETTINGS.kind, SETTINGS.current(), &ws.settings),
        RecordKey::Programme(id) => encode(PROGRAMME.kind, PROGRAMME.current(), ws.programme(id)?),
        RecordKey::Session(id) => encode(SESSION.kind, SESSION.current(), ws.session(id)?),
        RecordKey::Questions => encode(QUESTIONS.kind, QUESTIONS.current(), &ws.questions),
        RecordKey::Testimonies => encode(TESTIMONIES.kind, TESTIMONIES.current(), &ws.testimonies),
    };
    text.ok()
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
    names.sort();
    for name in names {
        let Some(key) = parse_key(&name) else {
            continue;
        };
        let Some(text) = store.get(&name)? else {
            continue;
        };
        let result = match key {
            RecordKey::Settings => {
                restore::<Settings>(&text, &SETTINGS).map(|s| loaded.workspace.settings = s)
            }
            RecordKey::Programme(id) => restore::<Programme>(&text, &PROGRAMME)
                .and_then(|p| check_programme(p, id))
                .map(|p| loaded.workspace.programmes.push(p)),
            RecordKey::Session(id) => restore::<Session>(&text, &SESSION)
                .and_then(|s| check_session(s, id))
                .map(|s| loaded.workspace.sessions.push(s)),
            RecordKey::Testimonies => {
                restore::<Vec<crate::domain::testimony::Testimony>>(&text, &TESTIMONIES)
                    .map(|t| loaded.workspace.testimonies = t)
            }
            RecordKey::Questions => restore::<QuestionBank>(&text, &QUESTIONS).map(|q| {
                questions_found = true;
                loaded.workspace.questions = q;
            }),
        };
        if let Err(reason) = result {
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
    Ok(loaded)
}

fn check_programme(p: Programme, id: Id) -> Result<Programme, RestoreError> {
    if p.id != id {
        return Err(RestoreError::Invalid(format!(
            "it says it is programme {}",
            p.id
        )));
    }
    p.validate().map_err(RestoreError::Invalid)?;
    Ok(p)
}

fn check_session(s: Session, id: Id) -> Result<Session, RestoreError> {
    if s.id() != id {
        return Err(RestoreError::Invalid(format!(
            "it says it is session {}",
            s.id()
        )));
    }
    s.validate()
        .map_err(|e| RestoreError::Invalid(e.to_string()))?;
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
    out.sort_by(|a, b| a.key.cmp(&b.key));
    Ok(out)
}

/// Writes the given records. Protected keys are skipped, and reported back, so a record a
/// newer app wrote is never overwritten.
pub fn save_records(
    store: &mut dyn KeyValueStore,
    ws: &Workspace,
    keys: &BTreeSet<RecordKey>,
    protected: &BTreeSet<String>,
) -> Result<(), StoreError> {
    for key in keys {
        let name = key_name(*key);
        if protected.contains(&name) {
            continue;
        }
        match encode_record(ws, *key) {
            Some(text) => store.set(&name, &text)?,
            // The programme is gone from the workspace: it was deleted.
            None => store.remove(&name)?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
