//! The disguise fold: the one layer on top of the base fold (see the module above), for the
//! name scan. Letter by letter: what it ignores (invisible and filler characters), how a letter
//! is folded (the base fold, then a few letters that do not decompose, apostrophes and
//! hyphens), and which Latin letter a look-alike from another script stands for (a hand-made
//! subset of Unicode's confusables).

/// Characters that draw nothing, or a blank the width of a letter, and so can hide inside a
/// name: soft hyphen, joiners and bidi marks, variation selectors, tags, Hangul and braille
/// fillers, Mongolian free variation selectors, Khmer inherent vowels, musical formatting.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{34F}' | '\u{61C}' | '\u{640}' | '\u{115F}' | '\u{1160}'
        | '\u{17B4}' | '\u{17B5}' | '\u{180B}'..='\u{180F}' | '\u{200C}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}'
        | '\u{2800}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}'
        | '\u{FFF9}'..='\u{FFFB}' | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0000}'..='\u{E0FFF}')
}

/// One folded letter: the folded char, the Latin letter it looks like (itself if none), and
/// whether the original was an upper-case letter (camel case splits "MariaLopez").
#[derive(Clone, Copy)]
pub struct Folded {
    pub ch: char,
    pub skel: char,
    pub upper: bool,
}

/// Folds one char: the base fold ([`super::fold_char`]: compatibility decomposition, lower
/// case, combining marks dropped), then a few letters that do not decompose folded by hand,
/// all apostrophes to `'`, all hyphens to `-`; invisible characters are removed (also those a
/// char decomposes into). A zero-width space is passed through for the caller to decide (the
/// scan keeps it only between words of the scripts that separate words with it).
pub fn fold_char(c: char, push: &mut dyn FnMut(Folded)) {
    if is_invisible(c) {
        return;
    }
    let upper = c.is_uppercase();
    super::fold_char(c, |part, l| {
        // A compatibility form can decompose into an invisible char (an Arabic ligature's
        // tatweel): dropped too, as it would be typed on its own.
        if is_invisible(l) {
            return;
        }
        let skel = confusable(part);
        let mut one = |ch: char| {
            push(Folded {
                ch,
                skel: skel.unwrap_or(ch),
                upper,
            })
        };
        match l {
            'ß' => "ss".chars().for_each(one),
            'æ' => "ae".chars().for_each(one),
            'œ' => "oe".chars().for_each(one),
            'þ' => "th".chars().for_each(one),
            'ø' => one('o'),
            'đ' | 'ð' => one('d'),
            'ł' => one('l'),
            'ı' => one('i'),
            'ħ' => one('h'),
            'ŧ' => one('t'),
            'ς' => one('σ'),
            '\u{2BC}' | '\u{2BB}' | '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}'
            | '\u{B4}' | '`' => one('\''),
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2212}' => one('-'),
            other => one(other),
        }
    });
}

/// The Latin letter a letter of another script is drawn like, if it is (case matters: Greek
/// capital eta looks like H, small eta like n).
pub fn confusable(c: char) -> Option<char> {
    // Cherokee small letters look like their capitals.
    let c = match c {
        '\u{AB70}'..='\u{ABBF}' => char::from_u32(c as u32 - 0xAB70 + 0x13A0).unwrap_or(c),
        _ => c,
    };
    CONFUSABLES
        .binary_search_by_key(&c, |&(from, _)| from)
        .ok()
        .map(|i| CONFUSABLES[i].1)
}

/// Generated from the Unicode character names (see the module note); sorted for search.
#[rustfmt::skip]
const CONFUSABLES: &[(char, char)] = &[
    ('\u{196}', 'l'), ('\u{1C0}', 'l'), ('\u{237}', 'j'), ('\u{251}', 'a'), ('\u{259}', 'e'),
    ('\u{261}', 'g'), ('\u{262}', 'g'), ('\u{269}', 'i'), ('\u{26A}', 'i'), ('\u{26F}', 'w'),
    ('\u{274}', 'n'), ('\u{280}', 'r'), ('\u{28F}', 'y'), ('\u{299}', 'b'), ('\u{29C}', 'h'),
    ('\u{29F}', 'l'), ('\u{37F}', 'j'), ('\u{391}', 'a'), ('\u{392}', 'b'), ('\u{395}', 'e'),
    ('\u{396}', 'z'), ('\u{397}', 'h'), ('\u{399}', 'i'), ('\u{39A}', 'k'), ('\u{39C}', 'm'),
    ('\u{39D}', 'n'), ('\u{39F}', 'o'), ('\u{3A1}', 'p'), ('\u{3A4}', 't'), ('\u{3A5}', 'y'),
    ('\u{3A7}', 'x'), ('\u{3B1}', 'a'), ('\u{3B3}', 'y'), ('\u{3B5}', 'e'), ('\u{3B7}', 'n'),
    ('\u{3B9}', 'i'), ('\u{3BA}', 'k'), ('\u{3BD}', 'v'), ('\u{3BF}', 'o'), ('\u{3C1}', 'p'),
    ('\u{3C4}', 't'), ('\u{3C5}', 'u'), ('\u{3C7}', 'x'), ('\u{3C9}', 'w'), ('\u{3F2}', 'c'),
    ('\u{3F3}', 'j'), ('\u{3F9}', 'c'), ('\u{405}', 's'), ('\u{406}', 'i'), ('\u{408}', 'j'),
    ('\u{410}', 'a'), ('\u{412}', 'b'), ('\u{415}', 'e'), ('\u{41A}', 'k'), ('\u{41C}', 'm'),
    ('\u{41D}', 'h'), ('\u{41E}', 'o'), ('\u{420}', 'p'), ('\u{421}', 'c'), ('\u{422}', 't'),
    ('\u{423}', 'y'), ('\u{425}', 'x'), ('\u{430}', 'a'), ('\u{435}', 'e'), ('\u{43A}', 'k'),
    ('\u{43E}', 'o'), ('\u{440}', 'p'), ('\u{441}', 'c'), ('\u{443}', 'y'), ('\u{445}', 'x'),
    ('\u{455}', 's'), ('\u{456}', 'i'), ('\u{458}', 'j'), ('\u{474}', 'v'), ('\u{475}', 'v'),
    ('\u{4AE}', 'y'), ('\u{4AF}', 'y'), ('\u{4BA}', 'h'), ('\u{4BB}', 'h'), ('\u{4C0}', 'l'),
    ('\u{4CF}', 'l'), ('\u{500}', 'd'), ('\u{501}', 'd'), ('\u{51A}', 'q'), ('\u{51B}', 'q'),
    ('\u{51C}', 'w'), ('\u{51D}', 'w'), ('\u{53C}', 'l'), ('\u{54D}', 'u'), ('\u{54F}', 's'),
    ('\u{555}', 'o'), ('\u{561}', 'w'), ('\u{566}', 'q'), ('\u{570}', 'h'), ('\u{575}', 'j'),
    ('\u{578}', 'n'), ('\u{57C}', 'n'), ('\u{57D}', 'u'), ('\u{581}', 'g'), ('\u{584}', 'p'),
    ('\u{585}', 'o'), ('\u{13A0}', 'd'), ('\u{13A1}', 'r'), ('\u{13A2}', 't'), ('\u{13A5}', 'i'),
    ('\u{13AA}', 'a'), ('\u{13AB}', 'j'), ('\u{13AC}', 'e'), ('\u{13B3}', 'w'), ('\u{13B7}', 'm'),
    ('\u{13BB}', 'h'), ('\u{13BE}', 'o'), ('\u{13C0}', 'g'), ('\u{13D2}', 'r'), ('\u{13D4}', 'w'),
    ('\u{13D9}', 'v'), ('\u{13DA}', 's'), ('\u{13DE}', 'l'), ('\u{13DF}', 'c'), ('\u{13E2}', 'p'),
    ('\u{13E6}', 'k'), ('\u{13F4}', 'b'), ('\u{1D00}', 'a'), ('\u{1D04}', 'c'), ('\u{1D05}', 'd'),
    ('\u{1D07}', 'e'), ('\u{1D0A}', 'j'), ('\u{1D0B}', 'k'), ('\u{1D0D}', 'm'), ('\u{1D0F}', 'o'),
    ('\u{1D18}', 'p'), ('\u{1D1B}', 't'), ('\u{1D1C}', 'u'), ('\u{1D20}', 'v'), ('\u{1D21}', 'w'),
    ('\u{1D22}', 'z'), ('\u{A4D0}', 'b'), ('\u{A4D1}', 'p'), ('\u{A4D3}', 'd'), ('\u{A4D4}', 't'),
    ('\u{A4D6}', 'g'), ('\u{A4D7}', 'k'), ('\u{A4D9}', 'j'), ('\u{A4DA}', 'c'), ('\u{A4DC}', 'z'),
    ('\u{A4DD}', 'f'), ('\u{A4DF}', 'm'), ('\u{A4E0}', 'n'), ('\u{A4E1}', 'l'), ('\u{A4E2}', 's'),
    ('\u{A4E3}', 'r'), ('\u{A4E6}', 'v'), ('\u{A4E7}', 'h'), ('\u{A4EA}', 'w'), ('\u{A4EB}', 'x'),
    ('\u{A4EC}', 'y'), ('\u{A4EE}', 'a'), ('\u{A4F0}', 'e'), ('\u{A4F2}', 'i'), ('\u{A4F3}', 'o'),
    ('\u{A4F4}', 'u'), ('\u{A730}', 'f'), ('\u{A731}', 's'),
];
