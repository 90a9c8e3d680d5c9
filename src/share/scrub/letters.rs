//! Where the scan cuts words: scripts written without spaces, and the zero-width space that
//! separates words only in some scripts. How each letter is folded is the disguise fold,
//! `domain::fold::disguise`.

pub use crate::domain::fold::disguise::{fold_char, Folded};

/// Scripts written without spaces between words: each ideograph or kana is its own token, so a
/// name written in them is found inside running text.
pub fn is_solo(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

/// Scripts whose words a zero-width space separates (Thai, Lao, Tibetan, Myanmar, Khmer, and
/// the ideographic ones). Anywhere else a zero-width space is hiding something and is dropped.
fn spaces_with_zwsp(c: char) -> bool {
    matches!(c, '\u{E00}'..='\u{FFF}' | '\u{1000}'..='\u{109F}' | '\u{1780}'..='\u{17FF}')
        || is_solo(c)
}

/// A zero-width space at `start..end` of `text` separates words only between letters of the
/// scripts that use it that way.
pub fn zwsp_separates(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    before.is_some_and(spaces_with_zwsp) || after.is_some_and(spaces_with_zwsp)
}
