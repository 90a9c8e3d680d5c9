//! How people and pairs are named on screen: "Ana Costa", "Ana with Ben" (a pair on the
//! follow-up screens), "Ana and Ben" (a pair on the mentoring screens).

use crate::domain::mentoring::MentoringPair;
use crate::domain::programme::Programme;
use crate::domain::Id;

/// A participant's display name, or a plain fallback.
pub fn name_of(p: &Programme, person: Id) -> String {
    p.participant(person)
        .map(|x| {
            crate::domain::programme::display_or(&x.display_name, "Unnamed person").to_string()
        })
        .unwrap_or_else(|| "Someone no longer on the roster".to_string())
}

/// "Ana with Ben": how the facilitator knows a pair.
pub fn pair_label(p: &Programme, pair: &MentoringPair) -> String {
    let names: Vec<String> = pair.members.iter().map(|m| name_of(p, *m)).collect();
    match names.as_slice() {
        [] => "A pair with nobody on the roster".to_string(),
        [one] => one.clone(),
        [first, rest @ ..] => format!("{first} with {}", rest.join(" and ")),
    }
}

/// The label of a pair by id, or a plain fallback.
pub fn pair_name(p: &Programme, pair: Id) -> String {
    p.mentoring
        .pairs
        .iter()
        .find(|x| x.id == pair)
        .map(|x| pair_label(p, x))
        .unwrap_or_else(|| "A pair no longer in this programme".to_string())
}

/// "Ana and Ben", or "Ana, Ben and Cai" for a trio.
pub fn names(p: &Programme, members: &[Id]) -> String {
    let names: Vec<String> = members.iter().map(|m| name_of(p, *m)).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// "Ana and Ben" by the pair's id, or "pair" when it is gone.
pub fn pair_names(p: &Programme, pair: Id) -> String {
    p.mentoring
        .pair(pair)
        .map(|x| names(p, &x.members))
        .unwrap_or_else(|| "pair".to_string())
}
