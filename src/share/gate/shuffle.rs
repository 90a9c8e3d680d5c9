//! A deterministic shuffle for testimonies: their order in a file must not follow the order
//! people spoke or were typed up, yet a preview and the saved file must agree, so the caller
//! passes the seed. SplitMix64 is plenty: this hides order, it is not cryptography.

fn next(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Fisher-Yates with a seeded generator.
pub fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut state = seed;
    for i in (1..items.len()).rev() {
        // Modulo bias is at most len/2^64: irrelevant for hiding an order.
        let j = (next(&mut state) % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}
