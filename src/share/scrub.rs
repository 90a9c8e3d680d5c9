//! Name scrub: finds names this device knows in free text that is about to leave it, so the
//! gate can block the export until each hit is redacted, rewritten or accepted. Matching is by
//! whole word, forgiving case, accents, width, possessives, invisible characters, look-alike
//! letters, other scripts, and names glued into handles, hashtags or spelled out letter by
//! letter. Every offset refers to the caller's original text.

mod compile;
mod joined;
mod letters;
mod tokens;
mod translit;
mod words;

use std::collections::{HashMap, HashSet};

use compile::Pattern;

use serde::{Deserialize, Serialize};
use tokens::{fold, tok_str, tokenize, tokens_of, Folded, Tok};
use translit::Foreign;

pub use tokens::normalize;

/// One participant as the scrub sees them: only what is needed to recognise their name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterName {
    pub id: u64,
    pub display_name: String,
    /// Other names they go by: nicknames and other spellings ("Also known as" on the roster).
    #[serde(default)]
    pub nicknames: Vec<String>,
}

/// A facilitator's decision that a word which is also a roster name ("Hope", "Will", "Bill")
/// is an ordinary word. It silences hits on that word alone; a full name containing it ("Hope
/// Adams") is still found.
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
    /// The name is also an ordinary English word ("Will", "Hope", "Grace") written plainly, so
    /// the hit may well be the word: the facilitator decides for this place.
    #[serde(default)]
    pub common_word: bool,
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

/// The comparison key of a word or name: its folded tokens joined by single spaces.
fn key_of(text: &str) -> String {
    tokens_of(text).join(" ")
}

/// One word of the text with the other keys it may be compared by.
struct Word<'a> {
    text: &'a str,
    /// Look-alike letters read as Latin ones.
    skel: Option<String>,
    /// The loose Latin key (see `translit::loose`).
    loose: Option<String>,
    /// The consonant outline (see `translit::consonants_of_latin`).
    cons: Option<String>,
    script: Option<Foreign>,
}

/// A possible hit: units `ua..ub`, found by pattern `p` covering `ntok` of its words; `plain`
/// when the name was written as itself (not disguised), so a word-name keeps its note.
struct Cand {
    ua: usize,
    ub: usize,
    ntok: usize,
    p: usize,
    plain: bool,
}

/// A roster compiled for repeated checks: build once per export, check every text with it.
pub struct Scanner {
    patterns: Vec<Pattern>,
    by_first: HashMap<String, Vec<usize>>,
    by_loose: HashMap<String, Vec<usize>>,
    by_cons: HashMap<String, Vec<usize>>,
    /// Each pattern's words run together ("marialopez"), for glued and spelled-out names.
    by_joined: HashMap<String, Vec<usize>>,
    longest_joined: usize,
    any_spelled: bool,
    any_consonants: bool,
}

impl Scanner {
    pub fn new(roster: &[RosterName], allow: &[NotANameHere]) -> Self {
        compile::compile(roster, allow)
    }

    fn word<'a>(&self, f: &'a Folded, t: Tok) -> Word<'a> {
        let text = tok_str(f, t);
        let script = translit::foreign_script(text);
        let latin = script.is_none() && text.is_ascii();
        let loose = match script {
            Some(Foreign::Spelled) => Some(translit::loose(&translit::spell(text))),
            None if latin && self.any_spelled => Some(translit::loose(text)),
            _ => None,
        };
        // A Latin word is compared with an Arabic or Hebrew name's consonants only when it is
        // capitalised, as a name would be: "cream" must not be "Karim".
        let capital = f.units.get(t.a).is_some_and(|u| u.upper);
        let cons = match script {
            Some(Foreign::Consonants) => Some(translit::consonants_of_semitic(text)),
            None if latin && capital && self.any_consonants => {
                Some(translit::consonants_of_latin(text))
            }
            _ => None,
        };
        Word {
            text,
            skel: tokens::skeleton(f, t),
            loose,
            cons: cons.filter(|c| c.len() >= 3),
            script,
        }
    }

    /// Every roster name in `text`, sorted by position, never overlapping; where two matches
    /// overlap the longer wins ("Maria Lopez" over "Maria"), then the lower participant id.
    pub fn check(&self, text: &str) -> Vec<NameHit> {
        let f = fold(text);
        let toks = tokenize(&f.units);
        let words: Vec<Word> = toks.iter().map(|&t| self.word(&f, t)).collect();
        let mut found: Vec<Cand> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let keys = [Some(w.text), w.skel.as_deref()];
            for key in keys.into_iter().flatten() {
                // "Marias": try the word without its final s as well.
                let exact = self.by_first.get(key).into_iter().flatten();
                let plural = key
                    .strip_suffix('s')
                    .and_then(|stem| self.by_first.get(stem));
                for &p in exact.chain(plural.into_iter().flatten()) {
                    if let Some(last) = self.match_at(&f, &toks, &words, i, p) {
                        let ntok = self.patterns[p].tokens.len();
                        let (ua, ub) = (toks[i].a, toks[last].b);
                        let plain = w.skel.is_none();
                        found.push(Cand {
                            ua,
                            ub,
                            ntok,
                            p,
                            plain,
                        });
                    }
                }
            }
            // Another script on either side: compare loose spellings or consonants.
            let other = |p: &usize, kind: Foreign| {
                w.script == Some(kind) || self.patterns[*p].script == Some(kind)
            };
            let single = |p: usize| Cand {
                ua: toks[i].a,
                ub: toks[i].b,
                ntok: 1,
                p,
                plain: false,
            };
            if let Some(ps) = w.loose.as_ref().and_then(|l| self.by_loose.get(l)) {
                let ps = ps.iter().filter(|p| other(p, Foreign::Spelled));
                found.extend(ps.map(|&p| single(p)));
            }
            if let Some(ps) = w.cons.as_ref().and_then(|c| self.by_cons.get(c)) {
                let ps = ps.iter().filter(|p| other(p, Foreign::Consonants));
                found.extend(ps.map(|&p| single(p)));
            }
        }
        joined::glued(self, &f, &toks, &words, &mut found);
        joined::spelled_out(self, &f, &toks, &mut found);
        self.resolve(text, &f, found)
    }

    /// Picks non-overlapping hits, longest first, and turns them into spans of `text`.
    fn resolve(&self, text: &str, f: &Folded, mut found: Vec<Cand>) -> Vec<NameHit> {
        let span = |c: &Cand| (f.units[c.ua].start, f.units[c.ub - 1].end);
        crate::domain::sort::sort_by_key(&mut found, |c| {
            let (start, end) = span(c);
            (
                std::cmp::Reverse(c.ntok),
                std::cmp::Reverse(end - start),
                start,
                self.patterns[c.p].participant,
                !c.plain,
            )
        });
        let mut taken = vec![false; f.units.len()];
        let mut hits = Vec::new();
        for c in found {
            if c.ua >= c.ub || taken[c.ua..c.ub].iter().any(|&x| x) {
                continue;
            }
            let (start, end) = span(&c);
            let Some(matched) = text.get(start..end) else {
                continue;
            };
            let bracketed = text.get(..start).is_some_and(|s| s.ends_with('['))
                && text.get(end..).is_some_and(|s| s.starts_with(']'));
            if matched == "name" && bracketed {
                continue; // our own placeholder, even if someone is called Name
            }
            taken[c.ua..c.ub].iter_mut().for_each(|x| *x = true);
            let pat = &self.patterns[c.p];
            hits.push(NameHit {
                participant: pat.participant,
                matched: matched.to_string(),
                start,
                end,
                name_part: pat.part.clone(),
                common_word: pat.common && c.plain,
            });
        }
        crate::domain::sort::sort_by_key(&mut hits, |h| h.start);
        hits
    }

    /// Index of the last word covered if pattern `p` matches starting at word `i`.
    fn match_at(
        &self,
        f: &Folded,
        toks: &[Tok],
        words: &[Word],
        i: usize,
        p: usize,
    ) -> Option<usize> {
        let pat = &self.patterns[p];
        let n = pat.tokens.len();
        let mut plural = false;
        for (k, want) in pat.tokens.iter().enumerate() {
            let j = i + k;
            let w = words.get(j)?;
            if k > 0 && !name_gap(f, toks[j - 1], toks[j]) {
                return None;
            }
            let mut spellings = [Some(w.text), w.skel.as_deref()].into_iter().flatten();
            if spellings.clone().any(|g| g == want) {
                continue;
            }
            // Plural or genitive without apostrophe, only on the last word, and only where
            // "name + s" is not an ordinary word: "Marias" yes; "hopes", "this" (Thị) no.
            let bare = |g: &str| {
                g.strip_suffix('s') == Some(want.as_str()) && words::plural_may_be_name(want, g)
            };
            if !(k == n - 1 && spellings.any(bare)) {
                return None;
            }
            plural = true;
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
            .all(|u| u.ch.is_alphabetic() && !letters::is_solo(u.ch));
        let s = tok_str(f, next);
        (len <= max && letters && !self.by_first.contains_key(s)).then_some(last + 1)
    }
}

/// Between the words of a multi-word name: up to three spaces, hyphens, apostrophes, dots or
/// underscores ("Maria  Lopez", "Anne - Marie", "J. R.", "maria_lopez"), or nothing where the
/// words are glued ("MariaLopez") or ideographs.
fn name_gap(f: &Folded, left: Tok, right: Tok) -> bool {
    let gap = &f.units[left.b..right.a];
    if gap.is_empty() {
        return right.soft
            || letters::is_solo(f.units[left.b - 1].ch)
            || letters::is_solo(f.units[right.a].ch);
    }
    gap.len() <= 3
        && gap
            .iter()
            .all(|u| u.ch.is_whitespace() || matches!(u.ch, '-' | '\'' | '.' | '_'))
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
    crate::domain::sort::sort(&mut spans);
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
