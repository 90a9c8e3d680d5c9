//! Ordinary English words that matter to the name scan: names that are also words ("Will",
//! "Hope", "Grace"), flagged so a facilitator decides for that place; and the endings and
//! beginnings that make an ordinary word out of a name ("willing", "hopeful", "disgrace"), so a
//! name is not found glued inside one.

/// Given names and surnames that are also ordinary English words, sorted. A hit on one of them
/// alone carries the "also an ordinary word" note, and its bare plural ("hopes", "marks") is
/// not taken for the name.
#[rustfmt::skip]
const NAME_WORDS: &[&str] = &[
    "amber", "angel", "april", "art", "august", "autumn", "baker", "bay", "bell", "bill",
    "bird", "bishop", "black", "blaze", "bliss", "blossom", "bob", "bonnie", "brandy", "bright",
    "brook", "brooke", "brown", "buck", "bud", "buddy", "bunny", "butch", "candy", "carol",
    "carter", "cash", "cat", "chase", "cherish", "cherry", "chip", "christian", "chuck",
    "clay", "cliff", "cole", "colt", "constance", "cook", "cricket", "crystal", "daisy", "dale",
    "dash", "dawn", "dean", "dell", "destiny", "dick", "don", "dot", "drew", "duke", "dusty",
    "earl", "ebony", "echo", "eden", "ember", "eve", "ever", "faith", "fawn", "felicity", "fern",
    "field", "fleur", "flora", "ford", "forest", "fox", "frank", "gale", "gay", "gem", "gene",
    "ginger", "glen", "gold", "goldie", "grace", "grant", "gray", "green", "grey", "guy", "hale",
    "hall", "hank", "hardy", "harmony", "harper", "hart", "haven", "hawk", "hazel", "heath",
    "heather", "herb", "hill", "holly", "honey", "hope", "hunt", "hunter", "iris", "ivy", "jack",
    "jade", "jasmine", "jay", "jean", "jet", "jewel", "jimmy", "journey", "joy", "june", "justice",
    "keen", "king", "kit", "kitty", "lake", "lamb", "lance", "lane", "lark", "lea", "leaf", "lee",
    "liberty", "lily", "little", "long", "love", "loyal", "luck", "lucky", "lux", "mack", "major",
    "march", "mare", "mark", "marsh", "mason", "matt", "max", "may", "meadow", "melody", "mercy",
    "merit", "miles", "miller", "misty", "moody", "moss", "nick", "noble", "norm", "north",
    "ocean", "olive", "page", "pansy", "paris", "pat", "patience", "peach", "pearl", "penny",
    "pepper", "pierce", "pike", "pip", "poppy", "porter", "power", "price", "pride", "prince",
    "queen", "rain", "rainbow", "randy", "raven", "ray", "rebel", "red", "reed", "reef", "rich",
    "ridge", "rio", "river", "rob", "robin", "rock", "rocky", "roman", "rose", "rowan", "royal",
    "ruby", "rush", "rusty", "ruth", "rye", "sage", "sailor", "saint", "sally", "sandy", "scout",
    "serene", "serenity", "shade", "sharp", "shell", "shepherd", "sherry", "silver", "skip", "sky",
    "skye", "slim", "smith", "snow", "son", "sonny", "sparrow", "spencer", "spring", "stamp",
    "star", "stark", "steel", "sterling", "stone", "storm", "stormy", "story", "strong", "sue",
    "sugar", "summer", "sun", "sunday", "sunny", "sweet", "swift", "tad", "tag", "terry", "tiger",
    "tip", "trinity", "true", "trust", "tuck", "tucker", "vale", "van", "victor", "victory",
    "vine", "violet", "wade", "walker", "ward", "warren", "webb", "wells", "west", "white", "will",
    "willow", "wing", "winter", "wise", "wolf", "wood", "wren", "york", "young", "zeal",
];

/// Words that are a name plus "s" though the name itself is no ordinary word.
const PLURAL_WORDS: &[&str] = &["carols", "genes", "jeans", "noels"];

/// Whether a folded single word is also an ordinary English word.
pub fn is_name_word(word: &str) -> bool {
    NAME_WORDS.binary_search(&word).is_ok()
}

/// Whether "name + s" may be read as the name ("Marias" yes; "hopes", "this" for "Thi" no).
pub fn plural_may_be_name(stem: &str, word: &str) -> bool {
    stem.chars().count() >= 4 && !is_name_word(stem) && !PLURAL_WORDS.contains(&word)
}

/// Endings that turn a name glued to them into an ordinary word ("will" + "ing").
const ENDINGS: &[&str] = &[
    "able", "al", "ance", "ed", "ence", "er", "ers", "es", "ful", "fully", "hood", "ies", "ing",
    "ings", "ish", "ism", "ist", "ity", "ive", "less", "ly", "ment", "ments", "ness", "ous", "s",
    "ship", "ward", "wards", "y",
];

/// Beginnings that turn a name glued after them into an ordinary word ("dis" + "grace").
const BEGINNINGS: &[&str] = &[
    "a", "anti", "be", "co", "de", "dis", "em", "en", "ex", "il", "im", "in", "inter", "ir", "mis",
    "non", "out", "over", "pre", "pro", "re", "sub", "super", "trans", "un", "under", "up", "with",
];

pub fn is_ordinary_ending(rest: &str) -> bool {
    ENDINGS.contains(&rest)
}

pub fn is_ordinary_beginning(rest: &str) -> bool {
    BEGINNINGS.contains(&rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_and_lower_case() {
        assert!(NAME_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(NAME_WORDS
            .iter()
            .all(|w| w.chars().all(|c| c.is_ascii_lowercase())));
        assert!(is_name_word("will") && is_name_word("grace") && !is_name_word("maria"));
    }

    #[test]
    fn plurals() {
        assert!(plural_may_be_name("maria", "marias"));
        assert!(!plural_may_be_name("thi", "this"));
        assert!(!plural_may_be_name("hope", "hopes"));
        assert!(!plural_may_be_name("gene", "genes"));
    }
}
