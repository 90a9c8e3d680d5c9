//! Names written in another script: a Latin spelling of Cyrillic and Greek words, and a
//! consonant outline of Arabic and Hebrew ones, each compared through a loose key that
//! forgives the usual spelling variants (y/i/j, ph/f, kh/h, doubled letters, "-iy" endings).
//! Used only where one side was written in another script, to keep false alarms down.

/// Which way a word can be compared with Latin spellings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Foreign {
    /// Cyrillic or Greek: spelled out in Latin letters, then loosened.
    Spelled,
    /// Arabic or Hebrew: written mostly without vowels, so only consonants are compared.
    Consonants,
}

/// The script a folded word is written in, if it is one we can spell in Latin letters. Every
/// letter must belong to it (digits aside); a mix is left to the look-alike check.
pub fn foreign_script(word: &str) -> Option<Foreign> {
    let mut kind = None;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        let this = match c {
            '\u{370}'..='\u{3FF}' | '\u{400}'..='\u{52F}' => Foreign::Spelled,
            '\u{5D0}'..='\u{5EA}' | '\u{620}'..='\u{64A}' | '\u{671}'..='\u{6D3}' => {
                Foreign::Consonants
            }
            _ => return None,
        };
        if kind.is_some_and(|k| k != this) {
            return None;
        }
        kind = Some(this);
    }
    kind
}

/// The Latin spelling of a folded (lower-case, unaccented) Cyrillic or Greek word.
pub fn spell(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::with_capacity(word.len() * 2);
    let mut i = 0;
    while i < chars.len() {
        let (c, next) = (chars[i], chars.get(i + 1).copied());
        let first = i == 0;
        // Greek pairs that are one sound.
        let pair = match (c, next) {
            ('ο', Some('υ')) => Some("ou"),
            ('α', Some('υ')) => Some("av"),
            ('ε', Some('υ')) => Some("ev"),
            ('μ', Some('π')) => Some(if first { "b" } else { "mb" }),
            ('ν', Some('τ')) => Some(if first { "d" } else { "nt" }),
            ('γ', Some('κ')) => Some(if first { "g" } else { "ng" }),
            ('γ', Some('γ')) => Some("ng"),
            _ => None,
        };
        if let Some(p) = pair {
            out.push_str(p);
            i += 2;
            continue;
        }
        match letter(c) {
            Some(latin) => out.push_str(latin),
            // Not a letter we spell: kept, so the key stays distinct.
            None => out.push(c),
        }
        i += 1;
    }
    out
}

fn letter(c: char) -> Option<&'static str> {
    Some(match c {
        // Cyrillic (Russian, Ukrainian, Belarusian, Bulgarian, Serbian, Macedonian).
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' | 'ґ' => "g",
        'д' => "d",
        'е' | 'э' => "e",
        'є' => "ye",
        'ж' => "zh",
        'з' => "z",
        'и' | 'і' => "i",
        'ї' => "yi",
        'й' | 'ы' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ў' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ю' => "yu",
        'я' => "ya",
        'ђ' => "dj",
        'ј' => "j",
        'љ' => "lj",
        'њ' => "nj",
        'ћ' => "c",
        'џ' => "dz",
        'ѕ' => "dz",
        // Greek (modern pronunciation).
        'α' => "a",
        'β' => "v",
        'γ' => "g",
        'δ' => "d",
        'ε' => "e",
        'ζ' => "z",
        'η' | 'ι' | 'υ' => "i",
        'θ' => "th",
        'κ' => "k",
        'λ' => "l",
        'μ' => "m",
        'ν' => "n",
        'ξ' => "x",
        'ο' | 'ω' => "o",
        'π' => "p",
        'ρ' => "r",
        'σ' | 'ς' => "s",
        'τ' => "t",
        'φ' => "f",
        'χ' => "ch",
        'ψ' => "ps",
        _ => return None,
    })
}

/// A spelling with the usual variants folded together: "Yuliya", "Julia" and "Юлия" all
/// become "iulia"; "Aleksey", "Alexei" and "Алексей" become "aleksei".
pub fn loose(spelled: &str) -> String {
    let s = spelled.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(s.len() + 2);
    let mut i = 0;
    let starts = |i: usize, p: &str| s.get(i..i + p.len()) == Some(p.as_bytes());
    while i < s.len() {
        let (skip, put): (usize, &[u8]) = if starts(i, "shch") {
            (4, b"sh")
        } else if starts(i, "dzh") {
            (3, b"i")
        } else if starts(i, "zh") {
            (2, b"i")
        } else if starts(i, "kh") || starts(i, "gh") {
            (2, if s[i] == b'k' { b"h" } else { b"g" })
        } else if starts(i, "ph") {
            (2, b"f")
        } else if starts(i, "ck") {
            (2, b"k")
        } else if starts(i, "ch") || starts(i, "sh") {
            (2, &s[i..i + 2])
        } else if starts(i, "ou") {
            (2, b"u")
        } else {
            match s[i] {
                b'x' => (1, b"ks"),
                b'q' | b'c' => (1, b"k"),
                b'w' => (1, b"v"),
                b'y' | b'j' => (1, b"i"),
                // A lone h is often not written at all ("Ahmed", "Akhmed", "Amed").
                b'h' => (1, b""),
                _ => (1, &s[i..i + 1]),
            }
        };
        for &b in put {
            if out.last() != Some(&b) || !b.is_ascii_alphabetic() {
                out.push(b);
            }
        }
        i += skip;
    }
    String::from_utf8(out).unwrap_or_default()
}

/// The consonants of a Latin spelling, as Arabic and Hebrew write a name: "Mohammed" →
/// "mhmd", "Khalid" → "kld". Vowels, w and y (also vowel signs there) are left out.
pub fn consonants_of_latin(word: &str) -> String {
    let word = word.strip_suffix('h').unwrap_or(word);
    let s = word.as_bytes();
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let two = s.get(i..i + 2);
        let (skip, put) = match two {
            Some(b"sh") | Some(b"ts") => (2, Some(b's')),
            Some(b"th") => (2, Some(b't')),
            Some(b"dh") => (2, Some(b'd')),
            Some(b"kh") | Some(b"ch") => (2, Some(b'k')),
            Some(b"gh") => (2, Some(b'j')),
            Some(b"ph") => (2, Some(b'f')),
            _ => (
                1,
                match s[i] {
                    b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'w' | b'v' => None,
                    b'c' | b'q' => Some(b'k'),
                    b'p' => Some(b'f'),
                    b'g' => Some(b'j'),
                    b if b.is_ascii_lowercase() => Some(b),
                    _ => None,
                },
            ),
        };
        if let Some(b) = put {
            if out.last() != Some(&b) {
                out.push(b);
            }
        }
        i += skip;
    }
    String::from_utf8(out).unwrap_or_default()
}

/// The consonants of a folded Arabic or Hebrew word, in the same letters as
/// [`consonants_of_latin`].
pub fn consonants_of_semitic(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let last = i + 1 == chars.len();
        let put = match c {
            'ب' | 'پ' | 'ב' => 'b',
            'ت' | 'ث' | 'ط' | 'ט' | 'ת' => 't',
            'ج' | 'چ' | 'غ' | 'گ' | 'ג' => 'j',
            'ح' | 'ח' => 'h',
            'ه' | 'ה' if !last => 'h',
            'خ' | 'ق' | 'ك' | 'ک' | 'כ' | 'ך' | 'ק' => 'k',
            'د' | 'ذ' | 'ض' | 'ד' => 'd',
            'ر' | 'ר' => 'r',
            'ز' | 'ظ' | 'ژ' | 'ז' => 'z',
            'س' | 'ش' | 'ص' | 'ס' | 'צ' | 'ץ' | 'ש' => 's',
            'ف' | 'פ' | 'ף' => 'f',
            'ل' | 'ל' => 'l',
            'م' | 'מ' | 'ם' => 'm',
            'ن' | 'נ' | 'ן' => 'n',
            _ => continue,
        };
        if !out.ends_with(put) {
            out.push(put);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(word: &str) -> String {
        match foreign_script(word) {
            Some(Foreign::Spelled) => loose(&spell(word)),
            _ => loose(word),
        }
    }

    #[test]
    fn cyrillic_and_greek_spellings_meet_their_latin_ones() {
        for (a, b) in [
            ("мария", "maria"),
            ("юлия", "yuliya"),
            ("юлия", "julia"),
            ("алексеи", "alexei"),
            ("алексеи", "aleksey"),
            ("дмитрии", "dmitry"),
            ("наталья", "natalia"),
            ("михаил", "mikhail"),
            ("джон", "john"),
            ("софья", "sophia"),
            ("νικοσ", "nikos"),
            ("δημητρησ", "dimitris"),
            ("γεωργιοσ", "georgios"),
            ("κωνσταντινοσ", "constantinos"),
            ("χρηστοσ", "christos"),
        ] {
            assert_eq!(key(a), key(b), "{a} / {b}");
        }
        assert_ne!(key("мария"), key("mario"));
        assert_eq!(foreign_script("maria"), None);
        assert_eq!(foreign_script("mаria"), None, "a mix is a look-alike case");
    }

    #[test]
    fn arabic_and_hebrew_consonants_meet_latin_ones() {
        for (a, b) in [
            ("محمد", "mohammed"),
            ("محمد", "muhammad"),
            ("خالد", "khalid"),
            ("فاطمة", "fatima"),
            ("حسن", "hassan"),
            ("مصطفى", "mustafa"),
            ("דניאל", "daniel"),
            ("מרים", "miriam"),
            ("נתן", "natan"),
        ] {
            assert_eq!(
                consonants_of_semitic(a),
                consonants_of_latin(b),
                "{a} / {b}"
            );
        }
    }
}
