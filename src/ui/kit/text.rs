//! Words and figures as people read them: sizes, counts with their noun, today's date.

/// Today on this device's calendar (the state layer's clock: one "today" for the app).
pub use crate::state::today;

/// A skill level as a picker shows it, from "No" to "a lot".
pub const SKILL_LEVELS: [(u8, &str); 4] = [
    (0, "No"),
    (1, "1 · a little"),
    (2, "2 · some"),
    (3, "3 · a lot"),
];

/// "1 answer", "3 answers": a count with its noun, singular for exactly one.
pub fn plural(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "12 KB", "3.4 MB": storage figures for people, not engineers.
pub fn human_bytes(bytes: f64) -> String {
    const UNITS: [&str; 5] = ["bytes", "KB", "MB", "GB", "TB"];
    let mut value = bytes.max(0.0);
    let mut unit = 0;
    while value >= 1000.0 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{} bytes", value.round())
    } else if value < 10.0 {
        format!("{value:.1} {}", UNITS[unit])
    } else {
        format!("{} {}", value.round(), UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::{human_bytes, plural};

    #[test]
    fn counts_take_their_noun() {
        assert_eq!(plural(1u32, "quote", "quotes"), "1 quote");
        assert_eq!(plural(0u32, "quote", "quotes"), "0 quotes");
        assert_eq!(plural(3u64, "person", "people"), "3 people");
    }

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(human_bytes(0.0), "0 bytes");
        assert_eq!(human_bytes(999.0), "999 bytes");
        assert_eq!(human_bytes(12_345.0), "12 KB");
        assert_eq!(human_bytes(2_100_000_000.0), "2.1 GB");
    }
}
