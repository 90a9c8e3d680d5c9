//! The envelope every record is stored in: `{"kind": …, "version": …, "data": …}`.
//! The kind stops one record being read as another; the version drives migrations.

use serde::Serialize;
use serde_json::Value;

#[derive(Clone, Debug, PartialEq)]
pub struct Envelope {
    pub kind: String,
    pub version: u32,
    pub data: Value,
}

/// Why a stored record could not be read. Worded for the facilitator's notice.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RestoreError {
    #[error("it is not readable saved data (it may have been damaged)")]
    NotJson,
    #[error("it is not in the form Peercircle saves its data")]
    NotAnEnvelope,
    #[error("it holds a “{found}” where a “{expected}” was expected")]
    WrongKind { expected: String, found: String },
    #[error("it was saved by a newer version of Peercircle (format {found}); reload to update")]
    TooNew { found: u32 },
    #[error("it could not be brought up to date from format {from}: {reason}")]
    Migration {
        from: u32,
        reason: super::migrate::StepError,
    },
    /// The detail is the parser's, kept for developers (`Debug`); people are told in words.
    #[error("part of it is missing or is not in the form Peercircle saves")]
    Shape(String),
    #[error("it does not make sense as saved (it holds an impossible number)")]
    ImpossibleNumber,
    #[error("it does not make sense as saved (it says it is {what} {id})")]
    WrongId { what: &'static str, id: u64 },
    #[error("it does not make sense as saved ({0})")]
    Programme(crate::domain::programme::RecordError),
    #[error("it does not make sense as saved ({0})")]
    Session(crate::domain::session::SessionError),
}

impl RestoreError {
    /// A too-new record is good data this copy of the app cannot read yet: it must be left
    /// exactly where it is, not set aside.
    pub fn is_from_newer_app(&self) -> bool {
        matches!(self, RestoreError::TooNew { .. })
    }
}

pub fn encode<T: Serialize>(kind: &str, version: u32, data: &T) -> Result<String, RestoreError> {
    let data = serde_json::to_value(data).map_err(|e| RestoreError::Shape(e.to_string()))?;
    let envelope = serde_json::json!({ "kind": kind, "version": version, "data": data });
    Ok(envelope.to_string())
}

/// Parses leniently: a missing version is read as format 1 (the first ever written).
pub fn decode(text: &str, expected_kind: &str) -> Result<Envelope, RestoreError> {
    let value: Value = serde_json::from_str(text).map_err(|_| RestoreError::NotJson)?;
    let Value::Object(mut map) = value else {
        return Err(RestoreError::NotAnEnvelope);
    };
    let kind = match map.get("kind") {
        Some(Value::String(kind)) => kind.clone(),
        _ => return Err(RestoreError::NotAnEnvelope),
    };
    if kind != expected_kind {
        return Err(RestoreError::WrongKind {
            expected: expected_kind.to_string(),
            found: kind.chars().take(40).collect(),
        });
    }
    let version = match map.get("version") {
        None | Some(Value::Null) => 1,
        Some(v) => v
            .as_u64()
            .and_then(|v| u32::try_from(v).ok())
            .filter(|v| *v >= 1)
            .ok_or(RestoreError::NotAnEnvelope)?,
    };
    let data = map.remove("data").ok_or(RestoreError::NotAnEnvelope)?;
    Ok(Envelope {
        kind,
        version,
        data,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let text = encode("settings", 3, &serde_json::json!({"a": 1})).unwrap();
        let env = decode(&text, "settings").unwrap();
        assert_eq!(env.version, 3);
        assert_eq!(env.data["a"], 1);
    }

    #[test]
    fn rejects_garbage_with_typed_errors() {
        assert_eq!(
            decode("{{{not json", "settings"),
            Err(RestoreError::NotJson)
        );
        assert_eq!(
            decode("[1,2]", "settings"),
            Err(RestoreError::NotAnEnvelope)
        );
        assert_eq!(
            decode(r#"{"kind":"settings"}"#, "settings"),
            Err(RestoreError::NotAnEnvelope)
        );
        assert_eq!(
            decode(r#"{"kind":"settings","version":-2,"data":{}}"#, "settings"),
            Err(RestoreError::NotAnEnvelope)
        );
        assert!(matches!(
            decode(r#"{"kind":"programme","version":1,"data":{}}"#, "settings"),
            Err(RestoreError::WrongKind { .. })
        ));
    }

    #[test]
    fn a_missing_version_is_read_as_the_first() {
        let env = decode(r#"{"kind":"settings","data":{}}"#, "settings").unwrap();
        assert_eq!(env.version, 1);
    }
}

#[cfg(test)]
mod plain_words {
    use super::*;

    #[test]
    fn a_damaged_record_is_described_without_the_parsers_words() {
        let e = RestoreError::Shape("unknown variant `Undecided`, expected `Shareable`".into());
        let said = e.to_string();
        assert!(!said.contains("variant") && !said.contains('`'), "{said}");
    }
}
