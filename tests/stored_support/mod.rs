//! Shared by the stored-data tests: a record's fullest shape ("inflated": every list given
//! an element, every optional field a value, as far as the type accepts), and paths into it.
#![allow(dead_code)]

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeSet;

pub fn round_trip<T: DeserializeOwned + Serialize>(v: &Value) -> Option<Value> {
    let t: T = serde_json::from_value(v.clone()).ok()?;
    serde_json::to_value(t).ok()
}

/// Gives every empty list one element and every null a value, as long as the type accepts it.
pub fn inflate(mut v: Value, rt: fn(&Value) -> Option<Value>) -> Value {
    // Every field the type writes, with its default, before the holes are filled.
    if let Some(full) = rt(&v) {
        v = full;
    }
    let mut stuck: BTreeSet<Vec<String>> = BTreeSet::new();
    for _ in 0..400 {
        let Some(path) = holes(&v, Vec::new())
            .into_iter()
            .find(|p| !stuck.contains(p))
        else {
            break;
        };
        let grown = [
            json!([{}]),
            json!([1]),
            json!(["x"]),
            json!({}),
            json!(1),
            json!("x"),
        ]
        .into_iter()
        .find_map(|filler| {
            let mut candidate = v.clone();
            *at(&mut candidate, &path) = filler;
            rt(&candidate).filter(|done| *done != v && !holes(done, Vec::new()).contains(&path))
        });
        match grown {
            Some(done) => v = done,
            None => {
                stuck.insert(path);
            }
        }
    }
    v
}

pub fn holes(v: &Value, path: Vec<String>) -> Vec<Vec<String>> {
    match v {
        Value::Null => vec![path],
        Value::Array(a) if a.is_empty() => vec![path],
        Value::Array(a) => a
            .iter()
            .enumerate()
            .flat_map(|(i, x)| holes(x, [path.clone(), vec![i.to_string()]].concat()))
            .collect(),
        Value::Object(m) => m
            .iter()
            .flat_map(|(k, x)| holes(x, [path.clone(), vec![k.clone()]].concat()))
            .collect(),
        _ => Vec::new(),
    }
}

pub fn numbers(v: &Value, path: Vec<String>) -> Vec<Vec<String>> {
    match v {
        Value::Number(_) => vec![path],
        Value::Array(a) => a
            .iter()
            .enumerate()
            .flat_map(|(i, x)| numbers(x, [path.clone(), vec![i.to_string()]].concat()))
            .collect(),
        Value::Object(m) => m
            .iter()
            .flat_map(|(k, x)| numbers(x, [path.clone(), vec![k.clone()]].concat()))
            .collect(),
        _ => Vec::new(),
    }
}

pub fn at<'a>(v: &'a mut Value, path: &[String]) -> &'a mut Value {
    path.iter().fold(v, |v, step| match v {
        Value::Array(a) => &mut a[step.parse::<usize>().unwrap()],
        other => &mut other[step.as_str()],
    })
}

pub fn fixture_v1(kind: &str) -> Value {
    let path = format!(
        "{}/tests/fixtures/stored/{kind}-v1.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).unwrap();
    let envelope: Value = serde_json::from_str(&text).unwrap();
    envelope["data"].clone()
}

/// Every field path in `v` (list items as `[]`): the record's shape.
pub fn shape(v: &Value) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    walk(v, String::new(), &mut out);
    out
}

fn walk(v: &Value, path: String, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let p = format!("{path}.{k}");
                out.insert(p.clone());
                walk(x, p, out);
            }
        }
        Value::Array(a) => {
            for x in a {
                walk(x, format!("{path}[]"), out);
            }
        }
        _ => {}
    }
}

/// The fullest shape of each stored kind, by round-tripping through its type.
pub fn full_shape_of(kind: &str) -> Value {
    use peercircle::domain::programme::Programme;
    use peercircle::domain::questions::QuestionBank;
    use peercircle::domain::session::Session;
    use peercircle::domain::testimony::Testimony;
    use peercircle::domain::workspace::Settings;
    let start = fixture_v1(kind);
    match kind {
        "session" => inflate(start, round_trip::<Session>),
        "programme" => inflate(start, round_trip::<Programme>),
        "settings" => inflate(start, round_trip::<Settings>),
        "questions" => inflate(start, round_trip::<QuestionBank>),
        _ => inflate(start, round_trip::<Vec<Testimony>>),
    }
}
