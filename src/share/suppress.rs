//! Small-count suppression: any count or statistic over fewer than k people is not shown in an
//! export, and in a table a second cell is hidden wherever subtraction from the total (or any
//! other reasoning from the shown figures) would otherwise give a hidden count back.
//!
//! Zero is shown. A cell of 0 holds nobody, so it cannot single anyone out, and hiding zeros
//! would make most agreement tables unreadable; this follows the usual statistical-disclosure
//! practice of suppressing 1..k-1 only. For the same reason a 0 is never chosen as the second
//! (complementary) cell: hiding it protects nothing, since the hidden sum would equal the
//! small count. What a shown zero does reveal is that a whole group answered alike ("12 of 12
//! agreed"); that is the point of a group-consented agreement count and is accepted.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The suppression threshold: counts of 1..k-1 people are hidden. At least 3, default 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct K(u32);

impl K {
    /// The smallest threshold the app accepts.
    pub const MIN: u32 = 3;

    pub fn new(k: u32) -> Result<Self, KTooSmall> {
        if k < Self::MIN {
            Err(KTooSmall(k))
        } else {
            Ok(Self(k))
        }
    }

    pub fn get(self) -> u32 {
        self.0
    }
}

impl Default for K {
    fn default() -> Self {
        Self(5)
    }
}

impl TryFrom<u32> for K {
    type Error = KTooSmall;
    fn try_from(k: u32) -> Result<Self, KTooSmall> {
        Self::new(k)
    }
}

impl From<K> for u32 {
    fn from(k: K) -> u32 {
        k.0
    }
}

impl fmt::Display for K {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "The smallest group size shown must be at least 3 (you chose {0}): with fewer, a count \
     could point to one or two people."
)]
pub struct KTooSmall(pub u32);

/// A count as it may appear in an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Count {
    /// The true value, which is 0 or at least k.
    Shown(u32),
    /// A small count (1..k-1 people), shown as "fewer than 5".
    FewerThan(K),
    /// A cell that is not small itself but is hidden so that a small one cannot be worked out
    /// from it. Shown as "not shown" rather than "fewer than k", which would be untrue.
    Withheld,
}

impl Count {
    pub fn shown(self) -> Option<u32> {
        match self {
            Count::Shown(n) => Some(n),
            _ => None,
        }
    }

    pub fn is_hidden(self) -> bool {
        !matches!(self, Count::Shown(_))
    }
}

impl fmt::Display for Count {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Count::Shown(n) => write!(f, "{n}"),
            Count::FewerThan(k) => write!(f, "fewer than {k}"),
            Count::Withheld => f.write_str("not shown"),
        }
    }
}

/// One count on its own: 0 and k or more are shown, 1..k-1 becomes "fewer than k".
pub fn suppress_single(n: u32, k: K) -> Count {
    if n > 0 && n < k.get() {
        Count::FewerThan(k)
    } else {
        Count::Shown(n)
    }
}

/// A table row: parts that add up to a total (for example agreed / did not agree out of the
/// number present). Pass every part, including ones the export only implies (present − agreed),
/// because a reader can compute those too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuppressedTable {
    pub parts: Vec<Count>,
    pub total: Option<Count>,
}

/// Primary suppression of every small cell (and a small total), then complementary suppression:
/// while some hidden cell could still be pinned to one value by a reader who knows the shown
/// cells, the total, that "fewer than k" means 1..k-1 and that a withheld part is at least k,
/// hide the next smallest non-zero shown part; when none is left, hide the total.
///
/// `total` is the true sum of `parts` when given; if it is not (bad input), the cells are still
/// suppressed one by one and the total is treated as independent.
pub fn suppress_table(parts: &[u32], total: Option<u32>, k: K) -> SuppressedTable {
    let mut cells: Vec<Count> = parts.iter().map(|&n| suppress_single(n, k)).collect();
    let mut total_cell = total.map(|t| suppress_single(t, k));
    let consistent =
        total.is_some_and(|t| parts.iter().map(|&n| u64::from(n)).sum::<u64>() == u64::from(t));
    if consistent {
        // Each round hides one more cell, so this ends after at most parts.len() + 1 rounds.
        while pinned(&cells, total_cell, k) {
            let next = cells
                .iter()
                .enumerate()
                .filter_map(|(i, c)| c.shown().filter(|&n| n > 0).map(|n| (n, i)))
                .min();
            match (next, total_cell) {
                (Some((_, i)), _) => cells[i] = Count::Withheld,
                (None, Some(Count::Withheld) | None) => break,
                (None, Some(_)) => total_cell = Some(Count::Withheld),
            }
        }
    }
    SuppressedTable {
        parts: cells,
        total: total_cell,
    }
}

/// Stands for "no upper bound"; far above any real sum of u32 cells, so arithmetic with it
/// in i128 neither overflows nor comes back into the real range.
const UNBOUNDED: i128 = 1 << 100;

/// The range a reader knows a cell lies in.
fn range(c: Count, k: K) -> (i128, i128) {
    match c {
        Count::Shown(n) => (n.into(), n.into()),
        Count::FewerThan(_) => (1, i128::from(k.get()) - 1),
        Count::Withheld => (k.get().into(), UNBOUNDED),
    }
}

/// Whether the equation total = sum(parts), with every cell in its known range, pins some
/// hidden cell (or a hidden total) to a single value. For one sum constraint over integer
/// ranges, the values each cell can take are exactly the interval computed here.
fn pinned(cells: &[Count], total: Option<Count>, k: K) -> bool {
    let Some(total) = total else { return false };
    let (tlo, thi) = match total {
        // A withheld total only says "not small"; it gives no upper end to reason from.
        Count::Withheld => (0, UNBOUNDED),
        t => range(t, k),
    };
    let ranges: Vec<(i128, i128)> = cells.iter().map(|&c| range(c, k)).collect();
    let lo_sum: i128 = ranges.iter().map(|r| r.0).sum();
    let hi_sum: i128 = ranges.iter().map(|r| r.1).sum();
    let is_point = |lo: i128, hi: i128| lo == hi && hi < UNBOUNDED;
    let cell_pinned = cells.iter().zip(&ranges).any(|(c, &(lo, hi))| {
        let down = lo.max(tlo - (hi_sum - hi));
        let up = hi.min(thi - (lo_sum - lo));
        c.is_hidden() && is_point(down, up)
    });
    cell_pinned || (total.is_hidden() && is_point(tlo.max(lo_sum), thi.min(hi_sum)))
}

/// A statistic (a rate, a mean) as it may appear in an export.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stat {
    Shown(f64),
    /// Computed over fewer than k people (including none).
    FewerThan(K),
    /// Not a number (for example a rate over zero sessions).
    NotAvailable,
    /// Over enough people, but hidden because together with the counts shown beside it, it
    /// would give a hidden count back (a mean over two answer values pins both counts).
    Withheld,
}

impl fmt::Display for Stat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stat::Shown(v) => write!(f, "{v}"),
            Stat::FewerThan(k) => write!(f, "based on fewer than {k} people"),
            Stat::NotAvailable => f.write_str("not available"),
            Stat::Withheld => f.write_str("not shown"),
        }
    }
}

/// A statistic over `people` people: hidden when they are fewer than k. Unlike a count, a
/// statistic over zero people is hidden too, since there is nothing to show.
pub fn suppress_stat(value: f64, people: u32, k: K) -> Stat {
    if people < k.get() {
        Stat::FewerThan(k)
    } else if value.is_finite() {
        Stat::Shown(value)
    } else {
        Stat::NotAvailable
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k5() -> K {
        K::default()
    }

    #[test]
    fn k_refuses_below_three() {
        assert_eq!(K::default().get(), 5);
        assert!(K::new(3).is_ok());
        let err = K::new(2).unwrap_err().to_string();
        assert!(err.contains("at least 3"), "{err}");
        assert!(serde_json::from_str::<K>("2").is_err());
        assert_eq!(serde_json::from_str::<K>("7").unwrap().get(), 7);
    }

    #[test]
    fn single_counts() {
        assert_eq!(suppress_single(0, k5()), Count::Shown(0));
        assert_eq!(suppress_single(4, k5()).to_string(), "fewer than 5");
        assert_eq!(suppress_single(5, k5()), Count::Shown(5));
    }

    #[test]
    fn one_small_cell_takes_the_next_smallest_with_it() {
        let t = suppress_table(&[8, 2, 12, 0], Some(22), k5());
        use Count::*;
        assert_eq!(t.parts, [Withheld, FewerThan(k5()), Shown(12), Shown(0)]);
        assert_eq!(t.total, Some(Shown(22)));
    }

    #[test]
    fn two_small_cells_need_nothing_more() {
        let t = suppress_table(&[3, 2, 12], Some(17), k5());
        assert_eq!(t.parts[2], Count::Shown(12));
    }

    #[test]
    fn when_only_zeros_remain_the_total_goes() {
        // 1 + 5 = 6: even with the 5 withheld, 1..4 and >=5 summing to 6 pins both.
        let t = suppress_table(&[1, 5], Some(6), k5());
        assert_eq!(t.parts, [Count::FewerThan(k5()), Count::Withheld]);
        assert_eq!(t.total, Some(Count::Withheld));
    }

    #[test]
    fn small_total() {
        let t = suppress_table(&[3, 0, 0], Some(3), k5());
        assert_eq!(
            t.parts,
            [Count::FewerThan(k5()), Count::Shown(0), Count::Shown(0)]
        );
        assert_eq!(t.total, Some(Count::FewerThan(k5())));
        // k = 3, 1 + 1 = 2: two cells of 1..2 summing to 1..2 can only be 1 and 1.
        let k3 = K::new(3).unwrap();
        let t = suppress_table(&[1, 1], Some(2), k3);
        assert_eq!(t.total, Some(Count::Withheld));
    }

    #[test]
    fn stats() {
        assert_eq!(suppress_stat(0.8, 4, k5()), Stat::FewerThan(k5()));
        assert_eq!(suppress_stat(0.8, 5, k5()), Stat::Shown(0.8));
        assert_eq!(suppress_stat(f64::NAN, 9, k5()), Stat::NotAvailable);
        assert_eq!(
            suppress_stat(1.0, 0, k5()).to_string(),
            "based on fewer than 5 people"
        );
    }
}
