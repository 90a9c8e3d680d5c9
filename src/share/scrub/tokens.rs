//! A text folded for comparison, every folded char remembering where it came from, and cut
//! into words: at anything that is not a letter or digit, between ideographs, and softly at
//! case and digit changes inside a run ("MariaLopez", "maria1990"), so glued names are seen.

use super::letters::{fold_char, is_solo, zwsp_separates, Folded as Letter};

/// One folded char and the original char it came from.
#[derive(Clone, Copy)]
pub struct Unit {
    pub byte: usize,
    pub ch: char,
    /// The Latin letter `ch` looks like, or `ch` itself.
    pub skel: char,
    pub upper: bool,
    pub start: usize,
    pub end: usize,
}

pub struct Folded {
    pub text: String,
    pub units: Vec<Unit>,
}

/// Calls `push` with each folded char of `c`, the char at `start..end` of `text`.
fn fold_at(text: &str, start: usize, c: char, push: &mut dyn FnMut(Letter)) {
    if c == '\u{200B}' {
        if zwsp_separates(text, start, start + c.len_utf8()) {
            push(Letter {
                ch: ' ',
                skel: ' ',
                upper: false,
            });
        }
        return;
    }
    fold_char(c, push);
}

pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (start, c) in text.char_indices() {
        fold_at(text, start, c, &mut |l| out.push(l.ch));
    }
    out
}

pub fn fold(text: &str) -> Folded {
    let mut folded = String::with_capacity(text.len());
    let mut units: Vec<Unit> = Vec::with_capacity(text.len());
    for (start, c) in text.char_indices() {
        let end = start + c.len_utf8();
        let before = units.len();
        fold_at(text, start, c, &mut |l| {
            units.push(Unit {
                byte: folded.len(),
                ch: l.ch,
                skel: l.skel,
                upper: l.upper,
                start,
                end,
            });
            folded.push(l.ch);
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

/// A run of word chars, as a half-open range of unit indices. `soft` when it follows the
/// previous word with nothing between (a case or digit change inside a run).
#[derive(Clone, Copy)]
pub struct Tok {
    pub a: usize,
    pub b: usize,
    pub soft: bool,
}

/// Whether a run of letters and digits is cut before unit `i`: "maria|1990", "Maria|Lopez",
/// "O|Brien", "MARIA|Lopez"; never inside what one original char decomposed into.
fn soft_cut(units: &[Unit], i: usize) -> bool {
    let (prev, cur) = (&units[i - 1], &units[i]);
    if prev.start == cur.start {
        return false;
    }
    if prev.ch.is_numeric() != cur.ch.is_numeric() {
        return true;
    }
    if !cur.upper || !cur.ch.is_alphabetic() {
        return false;
    }
    if !prev.upper && prev.ch.is_lowercase() {
        return true;
    }
    let next = units.get(i + 1);
    prev.upper && next.is_some_and(|n| n.start != cur.start && !n.upper && n.ch.is_lowercase())
}

pub fn tokenize(units: &[Unit]) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut open: Option<(usize, bool)> = None;
    for (i, u) in units.iter().enumerate() {
        let word = u.ch.is_alphanumeric();
        let mut soft = false;
        if let Some((a, was_soft)) = open {
            let hard = !word || is_solo(u.ch) || is_solo(units[i - 1].ch);
            soft = !hard && soft_cut(units, i);
            if hard || soft {
                toks.push(Tok {
                    a,
                    b: i,
                    soft: was_soft,
                });
                open = None;
            }
        }
        if word && open.is_none() {
            open = Some((i, soft));
        }
    }
    if let Some((a, soft)) = open {
        toks.push(Tok {
            a,
            b: units.len(),
            soft,
        });
    }
    toks
}

pub fn tok_str(f: &Folded, t: Tok) -> &str {
    let from = f.units.get(t.a).map_or(0, |u| u.byte);
    let to = f.units.get(t.b).map_or(f.text.len(), |u| u.byte);
    f.text.get(from..to).unwrap_or("")
}

/// The word with each look-alike letter read as the Latin letter it imitates ("Mаria" with a
/// Cyrillic а reads "maria"), if that changes it and leaves only Latin letters and digits.
pub fn skeleton(f: &Folded, t: Tok) -> Option<String> {
    let units = f.units.get(t.a..t.b)?;
    if units.iter().all(|u| u.skel == u.ch) {
        return None;
    }
    let s: String = units.iter().map(|u| u.skel).collect();
    s.chars().all(|c| c.is_ascii_alphanumeric()).then_some(s)
}

pub fn tokens_of(text: &str) -> Vec<String> {
    let f = fold(text);
    tokenize(&f.units)
        .into_iter()
        .map(|t| tok_str(&f, t).to_string())
        .collect()
}
