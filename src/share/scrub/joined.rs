//! Names that are not separate words: glued into a handle, hashtag or e-mail address
//! ("#teammaria", "mlopez@example.org"), run together in mixed case ("MaRiA"), or spelled
//! out a letter at a time ("M.a.r.i.a", "M a r i a"). To keep ordinary words quiet, a name
//! part is looked for inside a longer word only in handles, hashtags and addresses, only
//! when it has four letters or more (or is a full name), and never where the rest of the
//! word makes it an ordinary one ("willing", "disgrace").

use super::tokens::{Folded, Tok};
use super::words::{is_ordinary_beginning, is_ordinary_ending};
use super::{Cand, Scanner, Word};

/// Whether pattern `p` may be found as `len` letters inside a longer run.
fn long_enough(s: &Scanner, p: usize, len: usize) -> bool {
    s.patterns[p].tokens.len() > 1 || len >= 4
}

/// Names glued to other words: in handles, hashtags and e-mail addresses, a name at the start
/// or end of a word; anywhere, a run of case-changing pieces read as one ("MaRiA").
pub(super) fn glued(s: &Scanner, f: &Folded, toks: &[Tok], words: &[Word], out: &mut Vec<Cand>) {
    let handles = handle_chunks(f);
    for (i, (t, w)) in toks.iter().zip(words).enumerate() {
        // A run of pieces glued by case changes, read whole: "MaRiA", "mArIa".
        if !t.soft && toks.get(i + 1).is_some_and(|n| n.soft) {
            let end = (i + 1..toks.len())
                .take_while(|&j| toks[j].soft)
                .last()
                .unwrap_or(i);
            let whole: String = words[i..=end].iter().map(|w| w.text).collect();
            for &p in s.by_joined.get(&whole).into_iter().flatten() {
                let ntok = s.patterns[p].tokens.len();
                out.push(Cand {
                    ua: t.a,
                    ub: toks[end].b,
                    ntok,
                    p,
                    plain: true,
                });
            }
        }
        if !handles.get(t.a).copied().unwrap_or(false) {
            continue;
        }
        let word = w.skel.as_deref().unwrap_or(w.text);
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        let n = chars.len();
        if n < 4 || n != t.b - t.a {
            continue;
        }
        let at = |k: usize| chars.get(k).map_or(word.len(), |c| c.0);
        for len in 3..n.min(s.longest_joined + 1) {
            let (head, tail) = word.split_at(at(len));
            if !is_ordinary_ending(tail) {
                for &p in s.by_joined.get(head).into_iter().flatten() {
                    if long_enough(s, p, len) {
                        let ntok = s.patterns[p].tokens.len();
                        out.push(Cand {
                            ua: t.a,
                            ub: t.a + len,
                            ntok,
                            p,
                            plain: true,
                        });
                    }
                }
            }
            let (head, tail) = word.split_at(at(n - len));
            if !is_ordinary_beginning(head) {
                for &p in s.by_joined.get(tail).into_iter().flatten() {
                    if long_enough(s, p, len) {
                        let ntok = s.patterns[p].tokens.len();
                        out.push(Cand {
                            ua: t.b - len,
                            ub: t.b,
                            ntok,
                            p,
                            plain: true,
                        });
                    }
                }
            }
        }
    }
}

/// For each unit, whether it sits in a stretch without spaces that holds "#" or "@": a
/// hashtag, a handle or an e-mail address.
fn handle_chunks(f: &Folded) -> Vec<bool> {
    let mut marks = vec![false; f.units.len()];
    let mut from = 0;
    for i in 0..=f.units.len() {
        let end = f.units.get(i).is_none_or(|u| u.ch.is_whitespace());
        if end {
            let chunk = &f.units[from..i];
            if chunk
                .iter()
                .any(|u| matches!(u.ch, '#' | '@' | '＃' | '＠'))
            {
                marks[from..i].iter_mut().for_each(|m| *m = true);
            }
            from = i + 1;
        }
    }
    marks
}

/// Separators a name spelled out letter by letter may use: "M.a.r.i.a", "M a r i a",
/// "M-a-r-i-a", "M_a_r_i_a", "M•a•r•i•a". Not commas, so a list "a, b, c" stays a list.
fn spells_apart(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '.' | '-' | '_' | '·' | '•' | '*' | '/' | '|' | '+' | '~' | '\''
    )
}

/// Names spelled out a letter at a time: runs of three or more single letters with short
/// separators, read as one word. The whole run may be a name; inside a longer run only a
/// name of four letters or more, or a full name.
pub(super) fn spelled_out(s: &Scanner, f: &Folded, toks: &[Tok], out: &mut Vec<Cand>) {
    let single = |t: &Tok| t.b - t.a == 1 && f.units[t.a].ch.is_alphabetic();
    let apart = |l: &Tok, r: &Tok| {
        let gap = &f.units[l.b..r.a];
        (1..=3).contains(&gap.len()) && gap.iter().all(|u| spells_apart(u.ch))
    };
    let mut i = 0;
    while i < toks.len() {
        if !single(&toks[i]) {
            i += 1;
            continue;
        }
        let mut end = i;
        while end + 1 < toks.len() && single(&toks[end + 1]) && apart(&toks[end], &toks[end + 1]) {
            end += 1;
        }
        let run = &toks[i..=end];
        if run.len() >= 3 {
            find_in_run(s, f, run, out);
        }
        i = end + 1;
    }
}

fn find_in_run(s: &Scanner, f: &Folded, run: &[Tok], out: &mut Vec<Cand>) {
    let letters: Vec<char> = run
        .iter()
        .map(|t| {
            let u = f.units[t.a];
            if u.skel.is_ascii_alphabetic() {
                u.skel
            } else {
                u.ch
            }
        })
        .collect();
    let n = letters.len();
    let mut key = String::new();
    for from in 0..n {
        key.clear();
        for len in 1..=(n - from).min(s.longest_joined) {
            key.push(letters[from + len - 1]);
            if len < 3 {
                continue;
            }
            for &p in s.by_joined.get(key.as_str()).into_iter().flatten() {
                if len == n || long_enough(s, p, len) {
                    let ntok = s.patterns[p].tokens.len();
                    let (ua, ub) = (run[from].a, run[from + len - 1].b);
                    out.push(Cand {
                        ua,
                        ub,
                        ntok,
                        p,
                        plain: false,
                    });
                }
            }
        }
    }
}
