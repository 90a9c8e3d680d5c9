//! Fields this version does not know, kept through a load and save. A tab running an older
//! build must not erase what a newer build wrote: when a record is read, whatever the data
//! had that this version's types did not take is noted here, and put back on every write.
//!
//! List items are matched by their `id` (or `number`), so a deleted or reordered item never
//! gives its unknown fields to another; a list of items with neither is matched by position
//! only while its length is unchanged.
//!
//! Values are kept the same way: an enum value this version does not know (a newer group
//! kind, role or step) is read as the enum's `Unknown` variant, written as the marker
//! [`UNKNOWN_VALUE`]; wherever the marker is still written, the stored value goes back.
//! If the facilitator chose a known value instead, the new value wins.

use crate::domain::UNKNOWN_VALUE;
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
    /// A value this version has no name for, in place of the marker.
    Value(Value),
    /// Values this version has no name for inside a list of values (a set of ticked
    /// prompts, a person's roles), in the order stored; they take the markers' places.
    Among(Vec<Value>),
}

fn is_marker(value: &Value) -> bool {
    value.as_str() == Some(UNKNOWN_VALUE)
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
        (Value::String(_), known) if is_marker(known) && !is_marker(stored) => {
            Some(Unknown::Value(stored.clone()))
        }
        // A list of plain values with some this version could not name: keep those, in order
        // (several unknown values of a set read as one, so position alone cannot tell).
        (Value::Array(s), Value::Array(k)) if k.iter().any(is_marker) => {
            let among: Vec<Value> = s
                .iter()
                .filter(|v| v.is_string() && !is_marker(v) && !k.contains(v))
                .cloned()
                .collect();
            (!among.is_empty()).then_some(Unknown::Among(among))
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
        (target, Unknown::Value(stored)) if is_marker(target) => *target = stored.clone(),
        (Value::Array(list), Unknown::Among(values)) => put_among(list, values),
        _ => {}
    }
}

/// Each marker still in the list takes back the next stored value; stored values left over
/// (a set reads several unknown values as one) go right after the last marker. A list with
/// no marker left had its unknown values removed on purpose: they stay removed.
fn put_among(list: &mut Vec<Value>, values: &[Value]) {
    let Some(last) = list.iter().rposition(is_marker) else {
        return;
    };
    let mut stored = values.iter();
    let mut out = Vec::with_capacity(list.len() + values.len());
    for (i, value) in list.drain(..).enumerate() {
        if is_marker(&value) {
            // More markers than stored values cannot come from a load; drop the extras
            // rather than write the marker as if it were a value.
            out.extend(stored.next().cloned());
        } else {
            out.push(value);
        }
        if i == last {
            out.extend(stored.by_ref().cloned());
        }
    }
    *list = out;
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

    const M: &str = UNKNOWN_VALUE;

    #[test]
    fn an_unknown_value_comes_back_while_the_marker_is_written() {
        let stored = json!({"name": "A", "kind": "circle", "groups": [{"id": 2, "kind": "x"}]});
        let known = json!({"name": "A", "kind": M, "groups": [{"id": 2, "kind": M}]});
        let unknown = unknown_fields(&stored, &known).unwrap();
        let mut written = known.clone();
        written["name"] = json!("B");
        keep_unknown(&mut written, &unknown);
        let mut expected = stored.clone();
        expected["name"] = json!("B");
        assert_eq!(written, expected);
    }

    #[test]
    fn a_known_value_chosen_instead_wins() {
        let stored = json!({"kind": "circle", "roles": ["mentor", "coach"]});
        let known = json!({"kind": M, "roles": ["mentor", M]});
        let unknown = unknown_fields(&stored, &known).unwrap();
        let mut written = json!({"kind": "peer", "roles": ["mentor"]});
        keep_unknown(&mut written, &unknown);
        assert_eq!(written, json!({"kind": "peer", "roles": ["mentor"]}));
    }

    #[test]
    fn unknown_values_of_a_list_keep_their_places_and_all_come_back() {
        // A set reads two unknown values as one marker; both come back, where it was.
        let stored =
            json!({"talked": ["a_new", "feelings", "b_new"], "ended": ["2024-01-02", "z"]});
        let known = json!({"talked": ["feelings", M], "ended": ["2024-01-02", M]});
        let unknown = unknown_fields(&stored, &known).unwrap();
        let mut written = json!({"talked": ["feelings", "message", M], "ended": ["2024-01-02", M]});
        keep_unknown(&mut written, &unknown);
        assert_eq!(
            written,
            json!({"talked": ["feelings", "message", "a_new", "b_new"], "ended": ["2024-01-02", "z"]})
        );
    }

    #[test]
    fn the_marker_itself_stored_is_nothing_to_keep() {
        let v = json!({"kind": M, "roles": [M]});
        assert_eq!(unknown_fields(&v, &v), None);
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
