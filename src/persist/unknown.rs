//! Fields this version does not know, kept through a load and save. A tab running an older
//! build must not erase what a newer build wrote: when a record is read, whatever the data
//! had that this version's types did not take is noted here, and put back on every write.
//!
//! List items are matched by their `id` (or `number`), so a deleted or reordered item never
//! gives its unknown fields to another; a list of items with neither is matched by position
//! only while its length is unchanged.

use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// What the stored data had beyond what this version reads.
#[derive(Clone, Debug, PartialEq)]
pub enum Unknown {
    /// A whole field this version has no name for.
    Field(Value),
    /// Unknown fields inside a known object.
    Within(BTreeMap<String, Unknown>),
    /// Unknown fields inside items of a known list.
    Items(Vec<(Item, Unknown)>),
}

/// How an item of a list is recognised again after the list changed.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Id(Value),
    Number(Value),
    /// Position in a list of items with no identity; used only if the length is unchanged.
    At(usize, usize),
}

/// Deepest nesting looked into: stored data is never deeper than this, and a hostile record
/// must not exhaust the stack.
const MAX_DEPTH: usize = 32;

/// The parts of `stored` that `known` (the same data read and written again by this
/// version) lacks, or `None` when this version read everything.
pub fn unknown_fields(stored: &Value, known: &Value) -> Option<Unknown> {
    diff(stored, known, 0)
}

fn diff(stored: &Value, known: &Value, depth: usize) -> Option<Unknown> {
    if depth > MAX_DEPTH {
        return None;
    }
    match (stored, known) {
        (Value::Object(s), Value::Object(k)) => {
            let mut out = BTreeMap::new();
            for (name, value) in s {
                match k.get(name) {
                    None if !value.is_null() => {
                        out.insert(name.clone(), Unknown::Field(value.clone()));
                    }
                    None => {}
                    Some(known) => {
                        if let Some(inner) = diff(value, known, depth + 1) {
                            out.insert(name.clone(), inner);
                        }
                    }
                }
            }
            (!out.is_empty()).then_some(Unknown::Within(out))
        }
        (Value::Array(s), Value::Array(k)) => {
            let mut out = Vec::new();
            for (i, value) in s.iter().enumerate() {
                let item = identity(value, i, s.len());
                let Some(known) = find(k, &item) else {
                    continue;
                };
                if let Some(inner) = diff(value, known, depth + 1) {
                    out.push((item, inner));
                }
            }
            (!out.is_empty()).then_some(Unknown::Items(out))
        }
        _ => None,
    }
}

fn identity(value: &Value, at: usize, len: usize) -> Item {
    match value.get("id").or_else(|| value.get("number")) {
        Some(id) if value.get("id").is_some() => Item::Id(id.clone()),
        Some(number) => Item::Number(number.clone()),
        None => Item::At(at, len),
    }
}

fn find<'a>(list: &'a [Value], item: &Item) -> Option<&'a Value> {
    match item {
        Item::Id(id) => list.iter().find(|v| v.get("id") == Some(id)),
        Item::Number(n) => list
            .iter()
            .find(|v| v.get("id").is_none() && v.get("number") == Some(n)),
        Item::At(at, len) if list.len() == *len => list.get(*at),
        Item::At(..) => None,
    }
}

fn find_mut<'a>(list: &'a mut [Value], item: &Item) -> Option<&'a mut Value> {
    match item {
        Item::Id(id) => list.iter_mut().find(|v| v.get("id") == Some(id)),
        Item::Number(n) => list
            .iter_mut()
            .find(|v| v.get("id").is_none() && v.get("number") == Some(n)),
        Item::At(at, len) if list.len() == *len => list.get_mut(*at),
        Item::At(..) => None,
    }
}

/// Puts the unknown fields back into data this version is about to write. A field this
/// version now writes itself is never overwritten; an item that is gone stays gone.
pub fn keep_unknown(written: &mut Value, unknown: &Unknown) {
    match (written, unknown) {
        (Value::Object(map), Unknown::Within(fields)) => put_fields(map, fields),
        (Value::Array(list), Unknown::Items(items)) => {
            for (item, inner) in items {
                if let Some(target) = find_mut(list, item) {
                    keep_unknown(target, inner);
                }
            }
        }
        _ => {}
    }
}

fn put_fields(map: &mut Map<String, Value>, fields: &BTreeMap<String, Unknown>) {
    for (name, unknown) in fields {
        match (map.get_mut(name), unknown) {
            (None, Unknown::Field(value)) => {
                map.insert(name.clone(), value.clone());
            }
            (Some(target), inner) => keep_unknown(target, inner),
            // A known field this version chose not to write (it was emptied): its old
            // inner details are no longer about anything.
            (None, _) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn unknown_fields_come_back_at_every_depth() {
        let stored = json!({"name": "A", "colour": "teal", "groups": [
            {"id": 2, "name": "g", "badge": 7}, {"id": 3, "name": "h"}
        ], "pairs": [{"number": 1, "mood": "ok"}], "plain": [{"a": 1, "z": 2}]});
        let known = json!({"name": "A", "groups": [{"id": 2, "name": "g"}, {"id": 3, "name": "h"}],
            "pairs": [{"number": 1}], "plain": [{"a": 1}]});
        let unknown = unknown_fields(&stored, &known).unwrap();
        let mut written = known.clone();
        written["name"] = json!("B");
        keep_unknown(&mut written, &unknown);
        let mut expected = stored.clone();
        expected["name"] = json!("B");
        assert_eq!(written, expected);
    }

    #[test]
    fn nothing_unknown_means_none() {
        let v = json!({"a": [1, 2, {"b": null}]});
        assert_eq!(unknown_fields(&v, &v), None);
    }

    #[test]
    fn a_removed_or_reordered_item_never_hands_its_fields_to_another() {
        let stored = json!({"groups": [{"id": 2, "badge": 7}, {"id": 3}]});
        let known = json!({"groups": [{"id": 2}, {"id": 3}]});
        let unknown = unknown_fields(&stored, &known).unwrap();
        let mut written = json!({"groups": [{"id": 3}, {"id": 4}]});
        keep_unknown(&mut written, &unknown);
        assert_eq!(written, json!({"groups": [{"id": 3}, {"id": 4}]}));
        let mut reordered = json!({"groups": [{"id": 3}, {"id": 2}]});
        keep_unknown(&mut reordered, &unknown);
        assert_eq!(
            reordered,
            json!({"groups": [{"id": 3}, {"id": 2, "badge": 7}]})
        );
        // Items without identity keep theirs only while the list keeps its length.
        let stored = json!([{"a": 1, "z": 2}, {"a": 2}]);
        let known = json!([{"a": 1}, {"a": 2}]);
        let unknown = unknown_fields(&stored, &known).unwrap();
        let mut shorter = json!([{"a": 2}]);
        keep_unknown(&mut shorter, &unknown);
        assert_eq!(shorter, json!([{"a": 2}]));
    }

    #[test]
    fn a_value_this_version_writes_is_never_overwritten() {
        let stored = json!({"a": {"x": 1, "new": true}});
        let known = json!({"a": {"x": 1}});
        let unknown = unknown_fields(&stored, &known).unwrap();
        let mut written = json!({"a": {"x": 2, "new": false}});
        keep_unknown(&mut written, &unknown);
        assert_eq!(written, json!({"a": {"x": 2, "new": false}}));
    }

    #[test]
    fn very_deep_data_is_not_followed_forever() {
        let mut deep = json!(1);
        for _ in 0..200 {
            deep = json!({ "d": deep });
        }
        assert_eq!(unknown_fields(&deep, &json!({"d": 1})), None);
    }
}
