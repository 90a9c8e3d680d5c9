//! Folding names for comparison, so "María  López", "maria lopez" and "MARIA LOPEZ" count as
//! one person when a list is pasted twice. Display always keeps what was typed.

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

/// Lower-cased, accents removed, runs of spaces collapsed, trimmed.
pub fn fold_name(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    let mut decomposed = Vec::with_capacity(text.len());
    for c in text.chars() {
        decompose_compatible(c, |d| decomposed.push(d));
    }
    for c in decomposed.into_iter().filter(|c| !is_combining_mark(*c)) {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
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
