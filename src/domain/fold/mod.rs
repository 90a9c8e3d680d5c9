//! The one way Peercircle folds a name for comparison, so "María  López", "maria lopez" and
//! "MARIA LOPEZ" count as one person. Display always keeps what was typed.
//!
//! **The base fold** ([`fold_char`], and [`fold_name`] for a whole name) is: compatibility
//! decomposition (NFKD: full-width letters, ligatures, math letters), lower case, accents
//! (combining marks) dropped, runs of spaces collapsed to one and the ends trimmed. The roster
//! (duplicate names, search), the CSV import (after an exact spelling, see [`spelling_key`]),
//! pairing's team labels and the kiosk's order all use it.
//!
//! **The disguise fold** ([`disguise`]) is the one stronger layer, for the name scan before a
//! file leaves the device: on top of the base fold it drops invisible characters, folds a few
//! letters that do not decompose (ß, ø, ł…), unifies apostrophes and hyphens, and knows which
//! Latin letter a look-alike from another script imitates. Whatever the base fold makes equal,
//! the disguise fold makes equal too (a test checks it), so a name the roster treats as a
//! duplicate is always found by the scan.

pub mod disguise;

use unicode_normalization::char::is_combining_mark;

/// Calls `push` with the compatibility decomposition (NFKD) of one char. In the browser the
/// engine's own `String.prototype.normalize` does it, remembered per char (a text has few
/// distinct letters): the Rust decomposition tables would add tens of KB to the app.
/// Natively (tests, benches, examples) the `unicode-normalization` crate does it; a browser
/// test checks that both agree on the names the tests use.
pub fn decompose_compatible(c: char, mut push: impl FnMut(char)) {
    if c.is_ascii() {
        push(c);
        return;
    }
    #[cfg(target_arch = "wasm32")]
    {
        use std::cell::RefCell;
        use std::collections::HashMap;
        thread_local! {
            static SEEN: RefCell<HashMap<char, String>> = RefCell::new(HashMap::new());
        }
        let decomposed = SEEN.with(|seen| {
            seen.borrow_mut()
                .entry(c)
                .or_insert_with(|| {
                    let text = c.to_string();
                    String::from(js_sys::JsString::from(text.as_str()).normalize("NFKD"))
                })
                .clone()
        });
        decomposed.chars().for_each(push);
    }
    #[cfg(not(target_arch = "wasm32"))]
    unicode_normalization::char::decompose_compatible(c, push);
}

/// The base fold of one char: each char of its compatibility decomposition, lower-cased,
/// combining marks dropped. `push(part, folded)` gets the decomposed part before lower case
/// (the disguise fold reads look-alikes from it: Greek capital eta looks like H, small eta
/// like n) with each folded char it gives.
pub fn fold_char(c: char, mut push: impl FnMut(char, char)) {
    decompose_compatible(c, |part| {
        for folded in part.to_lowercase() {
            if !is_combining_mark(folded) {
                push(part, folded);
            }
        }
    });
}

/// A whole name through the base fold: every char folded by [`fold_char`], runs of spaces
/// collapsed to one, the ends trimmed.
pub fn fold_name(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        fold_char(c, |_, folded| {
            if folded.is_whitespace() {
                space = !out.is_empty();
                return;
            }
            if space {
                out.push(' ');
                space = false;
            }
            out.push(folded);
        });
    }
    out
}

/// A name as the CSV import matches it first, before the base fold: compatibility
/// decomposition, case and spaces as [`fold_name`], but accents kept. So a name typed on a Mac
/// (e + combining accent) matches the same name typed elsewhere (é), and José and Jose, both
/// on a roster, are each found by their own spelling.
pub fn spelling_key(name: &str) -> String {
    let mut decomposed = String::with_capacity(name.len());
    for c in name.chars() {
        decompose_compatible(c, |d| decomposed.push(d));
    }
    decomposed
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::fold_name;

    #[test]
    fn case_accents_and_spacing_do_not_matter() {
        assert_eq!(fold_name("  María   López "), "maria lopez");
        assert_eq!(fold_name("MARIA LOPEZ"), "maria lopez");
        assert_eq!(fold_name("Zoë 👋"), "zoe 👋");
        assert_eq!(fold_name("سارة"), "سارة");
        assert_eq!(fold_name("   "), "");
    }

    #[test]
    fn spelling_key_keeps_accents_but_not_case_spacing_or_how_they_were_typed() {
        use super::spelling_key;
        assert_eq!(
            spelling_key("  Zoe\u{308}   MARTI\u{301}N "),
            spelling_key("zoë martín")
        );
        assert_ne!(spelling_key("José"), spelling_key("Jose"));
        assert_eq!(super::fold_name("José"), super::fold_name("Jose"));
    }

    /// The disguise fold is the base fold and more: folding a char's base fold again gives
    /// exactly what the disguise fold gives the char itself, so two names the roster counts as
    /// one person are always one to the name scan.
    #[test]
    fn the_disguise_fold_builds_on_the_base_fold() {
        let disguise = |text: &str| {
            let mut out = String::new();
            for c in text.chars() {
                super::disguise::fold_char(c, &mut |l| out.push(l.ch));
            }
            out
        };
        for c in (0..0x3_0000u32).filter_map(char::from_u32) {
            let mut base = String::new();
            super::fold_char(c, |_, folded| base.push(folded));
            assert_eq!(
                disguise(&base),
                disguise(&c.to_string()),
                "U+{:04X}",
                u32::from(c)
            );
        }
    }
}

/// The same cases run in the browser (`tests/web.rs`), where the engine decomposes.
#[cfg(test)]
mod browser_agreement {
    #[test]
    fn decomposition_cases_shared_with_the_browser_test() {
        for (raw, folded) in super::SHARED_CASES {
            assert_eq!(super::fold_name(raw), *folded, "{raw}");
        }
    }
}

/// Names and their folded form, checked natively and in the browser.
pub const SHARED_CASES: &[(&str, &str)] = &[
    ("  María   López ", "maria lopez"),
    ("JOSÉ", "jose"),
    ("Ｊｏｓé", "jose"),
    ("ﬁona", "fiona"),
    ("Ǆemal", "dzemal"),
    ("Zoë 👋", "zoe 👋"),
    ("Nguyễn", "nguyen"),
];
