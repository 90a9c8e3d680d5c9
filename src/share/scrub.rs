//! Name scrub: finds roster names in free text that is about to leave the device, so the gate
//! can block the export until each hit is redacted, rewritten or accepted. Matching is whole-word,
//! case-, accent- and possessive-insensitive; every offset refers to the caller's original text.

use std::collections::{HashMap, HashSet};

use crate::domain::fold::decompose_compatible;
use serde::{Deserialize, Serialize};
use unicode_normalization::char::is_combining_mark;

/// One participant as the scrub sees them: only what is needed to recognise their name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterName {
    pub id: u64,
    pub display_name: String,
    #[serde(default)]
    pub nicknames: Vec<String>,
}

/// A facilitator's decision that a word which is also a roster name ("Hope", "Will", "Bill")
/// is an ordinary word in this programme's texts. It silences hits on that word alone; a full
/// name containing it ("Hope Adams") is still found.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NotANameHere {
    /// Stored normalised (see [`normalize`]) so "Hope", "HOPE" and "hope" are one decision.
    pub word: String,
}

impl NotANameHere {
    pub fn new(word: &str) -> Self {
        Self { word: key_of(word) }
    }
}

/// A roster name found in a text. `start..end` are byte offsets into the original text, always
/// on char boundaries, and `matched` is exactly `text[start..end]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameHit {
    pub participant: u64,
    pub matched: String,
    pub start: usize,
    pub end: usize,
    /// The roster spelling that matched: a full name, one part of it, or a nickname.
    pub name_part: String,
}

/// A single hit the facilitator accepted (for example an approved, attributed quote). It is
/// tied to the exact span, so the same name elsewhere in the text is still reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcceptedHit {
    pub participant: u64,
    pub start: usize,
    pub matched: String,
}

/// What replaces a redacted name.
pub const PLACEHOLDER: &str = "[name]";

/// Lower-case particles that are not searched on their own when written in lower case inside a
/// name ("de" in "Ana de la Cruz"): alone they would flag half the words of a Spanish text. The
/// full name, which contains them, is still searched.
const PARTICLES: &[&str] = &[
    "al", "bin", "bint", "da", "das", "de", "del", "della", "den", "der", "di", "do", "dos", "du",
    "el", "ibn", "la", "le", "les", "st", "ten", "ter", "van", "von", "y", "e", "zu",
];

/// Folds text the way names are compared: Unicode lower case, compatibility decomposition with
/// combining marks dropped (so "José", "JOSÉ" and "Jose" agree, and full-width letters match),
/// a few letters that do not decompose folded by hand, all apostrophes to `'`, all hyphens to
/// `-`, and invisible format characters removed.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut |n| out.push(n));
    }
    out
}

fn fold_char(c: char, push: &mut dyn FnMut(char)) {
    // Invisible characters that copy-paste and RTL editing leave inside words; dropping them
    // keeps "Ma\u{200D}ria" and bidi-wrapped names matchable. Tatweel only stretches Arabic.
    if matches!(c, '\u{AD}' | '\u{61C}' | '\u{640}' | '\u{180E}' | '\u{200C}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}'
        | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{E0000}'..='\u{E01EF}')
    {
        return;
    }
    decompose_compatible(c, |d| {
        for l in d.to_lowercase() {
            if is_combining_mark(l) {
                continue;
            }
            match l {
                'ß' => {
                    push('s');
                    push('s');
                }
                'æ' => {
                    push('a');
                    push('e');
                }
                'œ' => {
                    push('o');
                    push('e');
                }
                'þ' => {
                    push('t');
                    push('h');
                }
                'ø' => push('o'),
                'đ' | 'ð' => push('d'),
                'ł' => push('l'),
                'ı' => push('i'),
                'ħ' => push('h'),
                'ŧ' => push('t'),
                'ς' => push('σ'),
                '\u{2BC}' | '\u{2BB}' | '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}'
                | '\u{B4}' | '`' => push('\''),
                '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2212}' => push('-'),
                // A zero-width space separates words (Thai, Khmer, pasted web text).
                '\u{200B}' => push(' '),
                other => push(other),
            }
        }
    });
}

/// One folded char and the original char it came from.
#[derive(Clone, Copy)]
struct Unit {
    byte: usize,
    ch: char,
    start: usize,
    end: usize,
}

struct Folded {
    text: String,
    units: Vec<Unit>,
}

fn fold(text: &str) -> Folded {
    let mut folded = String::with_capacity(text.len());
    let mut units: Vec<Unit> = Vec::with_capacity(text.len());
    for (start, c) in text.char_indices() {
        let end = start + c.len_utf8();
        let before = units.len();
        fold_char(c, &mut |ch| {
            units.push(Unit {
                byte: folded.len(),
                ch,
                start,
                end,
            });
            folded.push(ch);
        });
        // A dropped mark or invisible char belongs to the char before it, so a hit on "Jose"
        // written with a separate combining accent covers the accent too.
        if units.len() == before {
            if let Some(last) = units.last_mut() {
                last.end = end;
            }
        }
    }
    Folded {
        text: folded,
        units,
    }
}

/// Scripts written without spaces between words: each ideograph or kana is its own token, so a
/// name written in them is found inside running text.
fn is_solo(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

/// A run of word chars, as a half-open range of unit indices.
#[derive(Clone, Copy)]
struct Tok {
    a: usize,
    b: usize,
}

fn tokenize(units: &[Unit]) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut open: Option<usize> = None;
    for (i, u) in units.iter().enumerate() {
        let word = u.ch.is_alphanumeric();
        if let Some(a) = open {
            if !word || is_solo(u.ch) || is_solo(units[i - 1].ch) {
                toks.push(Tok { a, b: i });
                open = None;
            }
        }
        if word && open.is_none() {
            open = Some(i);
        }
    }
    if let Some(a) = open {
        toks.push(Tok { a, b: units.len() });
    }
    toks
}

fn tok_str(f: &Folded, t: Tok) -> &str {
    let from = f.units.get(t.a).map_or(0, |u| u.byte);
    let to = f.units.get(t.b).map_or(f.text.len(), |u| u.byte);
    f.text.get(from..to).unwrap_or("")
}

fn tokens_of(text: &str) -> Vec<String> {
    let f = fold(text);
    tokenize(&f.units)
        .into_iter()
        .map(|t| tok_str(&f, t).to_string())
        .collect()
}

/// The comparison key of a word or name: its folded tokens joined by single spaces.
fn key_of(text: &str) -> String {
    tokens_of(text).join(" ")
}

struct Pattern {
    tokens: Vec<String>,
    participant: u64,
    part: String,
}

/// The spellings of one name that are searched: the whole name, each space-separated word
/// (minus lower-case particles after the first), its hyphen-separated pieces and their
/// apostrophe-separated pieces ("Anne-Marie" → "Anne", "Marie"; "O'Brien-Smith" → "O'Brien",
/// "Brien", "Smith").
fn name_parts(name: &str) -> Vec<&str> {
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

/// A roster compiled for repeated checks: build once per export, check every text with it.
pub struct Scanner {
    patterns: Vec<Pattern>,
    by_first: HashMap<String, Vec<usize>>,
}

impl Scanner {
    pub fn new(roster: &[RosterName], allow: &[NotANameHere]) -> Self {
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
                // "O'Brien" is also written "OBrien"; "Anne-Marie" also "AnneMarie".
                let mut variants = vec![tokens_of(&normalize(part).replace('\'', ""))];
                if tokens.len() > 1 && !part.contains(char::is_whitespace) {
                    variants.push(vec![tokens.concat()]);
                }
                variants.push(tokens);
                for tokens in variants {
                    if seen.insert((person.id, tokens.clone())) {
                        let participant = person.id;
                        patterns.push(Pattern {
                            tokens,
                            participant,
                            part: part.to_string(),
                        });
                    }
                }
            }
        }
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in patterns.iter().enumerate() {
            if let Some(first) = p.tokens.first() {
                by_first.entry(first.clone()).or_default().push(i);
            }
        }
        Self { patterns, by_first }
    }

    /// Every roster name in `text`, sorted by position, never overlapping; where two matches
    /// overlap the longer wins ("Maria Lopez" over "Maria"), then the lower participant id.
    pub fn check(&self, text: &str) -> Vec<NameHit> {
        let f = fold(text);
        let toks = tokenize(&f.units);
        // (first token, last token, pattern)
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        for i in 0..toks.len() {
            let t = tok_str(&f, toks[i]);
            let exact = self.by_first.get(t).into_iter().flatten();
            // "Marias": try the token without its final s as well.
            let plural = t
                .strip_suffix('s')
                .and_then(|stem| self.by_first.get(stem))
                .into_iter()
                .flatten();
            for &p in exact.chain(plural) {
                if let Some(last) = self.match_at(&f, &toks, i, &self.patterns[p]) {
                    found.push((i, last, p));
                }
            }
        }
        found.sort_by_key(|&(a, b, p)| {
            let bytes = f.units[toks[b].b - 1].end - f.units[toks[a].a].start;
            (
                std::cmp::Reverse(b - a),
                std::cmp::Reverse(bytes),
                a,
                self.patterns[p].participant,
            )
        });
        let mut taken = vec![false; toks.len()];
        let mut hits = Vec::new();
        for (a, b, p) in found {
            if taken[a..=b].iter().any(|&x| x) {
                continue;
            }
            let start = f.units[toks[a].a].start;
            let end = f.units[toks[b].b - 1].end;
            let Some(matched) = text.get(start..end) else {
                continue;
            };
            let bracketed = text.get(..start).is_some_and(|s| s.ends_with('['))
                && text.get(end..).is_some_and(|s| s.starts_with(']'));
            if matched == "name" && bracketed {
                continue; // our own placeholder, even if someone is called Name
            }
            taken[a..=b].iter_mut().for_each(|x| *x = true);
            let pat = &self.patterns[p];
            hits.push(NameHit {
                participant: pat.participant,
                matched: matched.to_string(),
                start,
                end,
                name_part: pat.part.clone(),
            });
        }
        hits.sort_by_key(|h| h.start);
        hits
    }

    /// Index of the last token covered if `pat` matches starting at token `i`.
    fn match_at(&self, f: &Folded, toks: &[Tok], i: usize, pat: &Pattern) -> Option<usize> {
        let n = pat.tokens.len();
        let mut plural = false;
        for (k, want) in pat.tokens.iter().enumerate() {
            let j = i + k;
            let got = tok_str(f, *toks.get(j)?);
            if k > 0 && !name_gap(f, toks[j - 1], toks[j]) {
                return None;
            }
            if got != want {
                // Plural/genitive without apostrophe, only on the last word and only for
                // stems of 3+ letters: "Marias" yes, "Als"/"Eds" no.
                let stem_ok = k == n - 1 && want.chars().count() >= 3;
                if !(stem_ok && got.strip_suffix('s') == Some(want.as_str())) {
                    return None;
                }
                plural = true;
            }
        }
        let last = i + n - 1;
        if plural {
            return Some(last);
        }
        Some(self.suffix_after(f, toks, last).unwrap_or(last))
    }

    /// A short inflection glued on with an apostrophe or hyphen: "Maria's", "Maria’s",
    /// "Ayşe'nin", "Jose'lla" (1-4 letters), "Maria-s" (1-2 letters). Not taken if the piece
    /// could itself start a roster name.
    fn suffix_after(&self, f: &Folded, toks: &[Tok], last: usize) -> Option<usize> {
        let (cur, next) = (toks[last], *toks.get(last + 1)?);
        if next.a != cur.b + 1 {
            return None;
        }
        let joiner = f.units[cur.b].ch;
        let len = next.b - next.a;
        let max = match joiner {
            '\'' => 4,
            '-' => 2,
            _ => return None,
        };
        let letters = f.units[next.a..next.b]
            .iter()
            .all(|u| u.ch.is_alphabetic() && !is_solo(u.ch));
        let s = tok_str(f, next);
        (len <= max && letters && !self.by_first.contains_key(s)).then_some(last + 1)
    }
}

/// Between the words of a multi-word name: up to three spaces, hyphens, apostrophes or dots
/// ("Maria  Lopez", "Anne - Marie", "J. R."), or nothing between ideographs.
fn name_gap(f: &Folded, left: Tok, right: Tok) -> bool {
    let gap = &f.units[left.b..right.a];
    if gap.is_empty() {
        return is_solo(f.units[left.b - 1].ch) || is_solo(f.units[right.a].ch);
    }
    gap.len() <= 3
        && gap
            .iter()
            .all(|u| u.ch.is_whitespace() || matches!(u.ch, '-' | '\'' | '.'))
}

/// The gate's entry point for one text. For many texts, build a [`Scanner`] once.
pub fn check(text: &str, roster: &[RosterName], allow: &[NotANameHere]) -> Vec<NameHit> {
    Scanner::new(roster, allow).check(text)
}

/// The hits still needing a decision once the facilitator's accepted hits are taken out.
pub fn outstanding(hits: &[NameHit], accepted: &[AcceptedHit]) -> Vec<NameHit> {
    let is_accepted = |h: &NameHit| {
        accepted
            .iter()
            .any(|a| a.participant == h.participant && a.start == h.start && a.matched == h.matched)
    };
    hits.iter().filter(|h| !is_accepted(h)).cloned().collect()
}

/// Replaces each hit by "[name]". Hits that do not fit the text (out of range, not on a char
/// boundary, overlapping an earlier one) are skipped rather than trusted, so a stale hit list
/// can never corrupt the text; run [`check`] again afterwards to be sure.
pub fn redact(text: &str, hits: &[NameHit]) -> String {
    let mut spans: Vec<(usize, usize)> = hits.iter().map(|h| (h.start, h.end)).collect();
    spans.sort_unstable();
    let mut out = String::with_capacity(text.len());
    let mut cursor = 0;
    for (start, end) in spans {
        if start < cursor || start >= end || text.get(start..end).is_none() {
            continue;
        }
        out.push_str(&text[cursor..start]);
        out.push_str(PLACEHOLDER);
        cursor = end;
    }
    out.push_str(&text[cursor..]);
    out
}

/// Plain-language reasons for the blocked-export screen, one per distinct spelling found:
/// `reasons("Item 3", &hits)` → "Item 3 contains a name from your roster: 'Maria'".
pub fn reasons(label: &str, hits: &[NameHit]) -> Vec<String> {
    let mut seen = HashSet::new();
    hits.iter()
        .filter(|h| seen.insert(h.matched.as_str()))
        .map(|h| format!("{label} contains a name from your roster: '{}'", h.matched))
        .collect()
}

#[cfg(test)]
#[path = "scrub/tests.rs"]
mod tests;
