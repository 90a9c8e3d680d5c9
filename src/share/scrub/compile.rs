//! Compiling a roster for the scan: every spelling of every name that is searched, indexed by
//! first word, by the words run together, and by the loose keys used across scripts.

use std::collections::{HashMap, HashSet};

use super::tokens::tokens_of;
use super::translit::{self, Foreign};
use super::{key_of, normalize, words, NotANameHere, RosterName, Scanner};

/// Lower-case particles that are not searched on their own when written in lower case inside a
/// name ("de" in "Ana de la Cruz"): alone they would flag half the words of a Spanish text. The
/// full name, which contains them, is still searched.
const PARTICLES: &[&str] = &[
    "al", "bin", "bint", "da", "das", "de", "del", "della", "den", "der", "di", "do", "dos", "du",
    "el", "ibn", "la", "le", "les", "st", "ten", "ter", "van", "von", "y", "e", "zu",
];

pub(super) struct Pattern {
    pub tokens: Vec<String>,
    pub participant: u64,
    pub part: String,
    /// A single word that is also an ordinary English word.
    pub common: bool,
    /// Written in a script we compare through a Latin spelling.
    pub script: Option<Foreign>,
}

/// The spellings of one name that are searched: the whole name, each space-separated word
/// (minus lower-case particles after the first), its hyphen-separated pieces and their
/// apostrophe-separated pieces ("Anne-Marie" → "Anne", "Marie"; "O'Brien-Smith" → "O'Brien",
/// "Brien", "Smith").
pub(super) fn name_parts(name: &str) -> Vec<&str> {
    const HYPHENS: &[char] = &['-', '\u{2010}', '\u{2011}'];
    const APOSTROPHES: &[char] = &['\'', '\u{2019}', '\u{2018}', '\u{2BC}', '\u{B4}', '`'];
    let full = name.trim();
    let mut parts = vec![full];
    let is_particle = |w: &str| !w.chars().any(char::is_uppercase) && PARTICLES.contains(&w);
    for (i, word) in full.split_whitespace().enumerate() {
        if i > 0 && is_particle(word) {
            continue;
        }
        parts.push(word);
        // "al-Hassan", "d'Angelo": a glued lower-case particle is no name on its own.
        for piece in word
            .split(HYPHENS)
            .filter(|p| *p != word && !is_particle(p))
        {
            parts.push(piece);
        }
        for piece in word.split(HYPHENS) {
            let subs = piece
                .split(APOSTROPHES)
                .filter(|p| *p != piece && !is_particle(p));
            parts.extend(subs);
        }
    }
    parts
}

pub(super) fn compile(roster: &[RosterName], allow: &[NotANameHere]) -> Scanner {
    let allowed: HashSet<String> = allow.iter().map(|a| key_of(&a.word)).collect();
    let mut patterns = Vec::new();
    let mut seen = HashSet::new();
    for person in roster {
        let names = std::iter::once(&person.display_name).chain(person.nicknames.iter());
        for part in names.flat_map(|n| name_parts(n)) {
            let tokens = tokens_of(part);
            let single_char = tokens.len() == 1 && tokens[0].chars().count() < 2;
            if tokens.is_empty() || single_char || allowed.contains(&tokens.join(" ")) {
                continue;
            }
            // "O'Brien" is also written "OBrien" or "obrien"; "Anne-Marie" "AnneMarie";
            // "Maria Lopez" "marialopez".
            let mut variants = vec![tokens_of(&normalize(part).replace('\'', ""))];
            if tokens.len() > 1 {
                variants.push(vec![tokens.concat()]);
            }
            variants.push(tokens);
            for tokens in variants {
                if !seen.insert((person.id, tokens.clone())) {
                    continue;
                }
                let single = tokens.len() == 1;
                patterns.push(Pattern {
                    common: single && words::is_name_word(&tokens[0]),
                    script: if single {
                        translit::foreign_script(&tokens[0])
                    } else {
                        None
                    },
                    tokens,
                    participant: person.id,
                    part: part.to_string(),
                });
            }
        }
    }
    let mut s = Scanner {
        patterns: Vec::new(),
        by_first: HashMap::new(),
        by_loose: HashMap::new(),
        by_cons: HashMap::new(),
        by_joined: HashMap::new(),
        longest_joined: 0,
        any_spelled: false,
        any_consonants: false,
    };
    for (i, p) in patterns.iter().enumerate() {
        let Some(first) = p.tokens.first() else {
            continue;
        };
        s.by_first.entry(first.clone()).or_default().push(i);
        let joined = p.tokens.concat();
        s.longest_joined = s.longest_joined.max(joined.chars().count());
        s.by_joined.entry(joined).or_default().push(i);
        if p.tokens.len() != 1 {
            continue;
        }
        let (loose, cons) = match p.script {
            Some(Foreign::Spelled) => (Some(translit::loose(&translit::spell(first))), None),
            Some(Foreign::Consonants) => (None, Some(translit::consonants_of_semitic(first))),
            None if first.is_ascii() => (
                Some(translit::loose(first)),
                Some(translit::consonants_of_latin(first)),
            ),
            None => (None, None),
        };
        s.any_spelled |= p.script == Some(Foreign::Spelled);
        s.any_consonants |= p.script == Some(Foreign::Consonants);
        if let Some(l) = loose.filter(|l| l.len() >= 3) {
            s.by_loose.entry(l).or_default().push(i);
        }
        if let Some(c) = cons.filter(|c| c.len() >= 3) {
            s.by_cons.entry(c).or_default().push(i);
        }
    }
    s.patterns = patterns;
    s
}
