//! Bringing an old record up to date, one format at a time (`v1 → v2 → …`), so each step is
//! small, tested, and never skipped. Every kind of record declares its steps here.

use super::envelope::{Envelope, RestoreError};
use serde_json::Value;

/// Turns data of format N into format N + 1, or says why it cannot.
pub type Step = fn(Value) -> Result<Value, StepError>;

/// What a format step needed and did not find, in a few plain words ("no member list"): it
/// ends the set-aside notice, "it could not be brought up to date from format 1: …".
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct StepError(pub &'static str);

/// A kind of record: its name in the envelope, and its migration steps. `steps[0]` turns
/// format 1 into format 2, and so on, so the current format is `steps.len() + 1`.
#[derive(Clone, Copy, Debug)]
pub struct RecordFormat {
    pub kind: &'static str,
    pub steps: &'static [Step],
}

impl RecordFormat {
    pub const fn current(&self) -> u32 {
        self.steps.len() as u32 + 1
    }
}

/// Format 2 of every kind is format 1 with the fields added since it first shipped, all of
/// which have defaults: nothing to change, but the number must grow, so a tab still running
/// a build that knows only format 1 leaves these records alone instead of dropping fields.
fn grew_with_defaults(data: Value) -> Result<Value, StepError> {
    Ok(data)
}

/// The settings-and-index record. Format 1 is the first shipped.
pub const SETTINGS: RecordFormat = RecordFormat {
    kind: "settings",
    steps: &[grew_with_defaults],
};
/// One programme with its groups. Format 1 is the first shipped.
pub const PROGRAMME: RecordFormat = RecordFormat {
    kind: "programme",
    steps: &[grew_with_defaults],
};

/// One live session (a meeting of one group). Format 1 is the first shipped.
pub const SESSION: RecordFormat = RecordFormat {
    kind: "session",
    steps: &[grew_with_defaults],
};
/// The facilitator's question bank. Format 1 is the first shipped.
pub const QUESTIONS: RecordFormat = RecordFormat {
    kind: "questions",
    steps: &[grew_with_defaults],
};

/// Testimonies typed up from consented items. Format 1 is the first shipped.
pub const TESTIMONIES: RecordFormat = RecordFormat {
    kind: "testimonies",
    steps: &[grew_with_defaults],
};

/// Every kind of record the app stores, for checks that must cover them all.
pub const ALL: [RecordFormat; 5] = [SETTINGS, PROGRAMME, SESSION, QUESTIONS, TESTIMONIES];

/// Runs every step from the envelope's format up to the current one.
pub fn migrate(envelope: Envelope, format: &RecordFormat) -> Result<Value, RestoreError> {
    let current = format.current();
    if envelope.version > current {
        return Err(RestoreError::TooNew {
            found: envelope.version,
        });
    }
    let mut data = envelope.data;
    for from in envelope.version..current {
        let step = format.steps[(from - 1) as usize];
        data = step(data).map_err(|reason| RestoreError::Migration { from, reason })?;
    }
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn add_b(mut v: Value) -> Result<Value, StepError> {
        v["b"] = json!(v["a"].as_i64().ok_or(StepError("no a"))? * 2);
        Ok(v)
    }
    fn rename_b_to_c(mut v: Value) -> Result<Value, StepError> {
        let b = v
            .as_object_mut()
            .ok_or(StepError("not an object"))?
            .remove("b")
            .ok_or(StepError("no b"))?;
        v["c"] = b;
        Ok(v)
    }
    const CHAIN: RecordFormat = RecordFormat {
        kind: "t",
        steps: &[add_b, rename_b_to_c],
    };

    fn env(version: u32, data: Value) -> Envelope {
        Envelope {
            kind: "t".into(),
            version,
            data,
        }
    }

    #[test]
    fn runs_each_step_in_order_from_any_format() {
        assert_eq!(CHAIN.current(), 3);
        assert_eq!(
            migrate(env(1, json!({"a": 2})), &CHAIN),
            Ok(json!({"a": 2, "c": 4}))
        );
        assert_eq!(
            migrate(env(2, json!({"b": 9})), &CHAIN),
            Ok(json!({"c": 9}))
        );
        assert_eq!(
            migrate(env(3, json!({"c": 1})), &CHAIN),
            Ok(json!({"c": 1}))
        );
    }

    #[test]
    fn a_failing_step_names_the_format_it_started_from() {
        assert_eq!(
            migrate(env(1, json!({"x": 1})), &CHAIN),
            Err(RestoreError::Migration {
                from: 1,
                reason: StepError("no a")
            })
        );
    }

    #[test]
    fn refuses_data_from_a_newer_app() {
        assert_eq!(
            migrate(env(4, json!({})), &CHAIN),
            Err(RestoreError::TooNew { found: 4 })
        );
    }

    #[test]
    fn shipped_formats_are_consistent() {
        for f in ALL {
            assert_eq!(f.current() as usize, f.steps.len() + 1);
        }
    }
}
