//! Folding names for comparison, so "María  López", "maria lopez" and "MARIA LOPEZ" count as
//! one person when a list is pasted twice. Display always keeps what was typed.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Lower-cased, accents removed, runs of spaces collapsed, trimmed.
pub fn fold_name(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.nfkd().filter(|c| !is_combining_mark(*c)) {
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
