//! Drawing up a fair chair roster in three passes:
//! 1. in date order, give each meeting to an available member with the fewest turns so far
//!    (preferring someone who did not chair last time, then whoever chaired longest ago);
//! 2. even out turns: while a member with at least two more turns than another can pass one
//!    along a chain of meetings to them (each step to someone available that day), do so.
//!    Every step lowers the sum of squared turn counts, so it ends, and when no such chain is
//!    left the spread is as even as the absences allow;
//! 3. remove back-to-back turns by swapping two meetings' chairs, which keeps everyone's count,
//!    whenever a swap reduces the number of back-to-back turns.

use crate::domain::{Date, Id};
use std::collections::{BTreeSet, VecDeque};

/// One chair (or `None` when nobody is available) per date, in the order of `dates`.
/// A member listed twice counts once.
pub fn plan_chairs(members: &[Id], dates: &[Date], away: &BTreeSet<(Id, Date)>) -> Vec<Option<Id>> {
    let mut unique: Vec<Id> = Vec::with_capacity(members.len());
    for m in members {
        if !unique.contains(m) {
            unique.push(*m);
        }
    }
    let free: Vec<Vec<bool>> = dates
        .iter()
        .map(|d| unique.iter().map(|m| !away.contains(&(*m, *d))).collect())
        .collect();
    let mut chairs = first_pass(unique.len(), &free);
    even_out(unique.len(), &free, &mut chairs);
    avoid_back_to_back(&free, &mut chairs);
    chairs.into_iter().map(|c| c.map(|m| unique[m])).collect()
}

fn first_pass(n: usize, free: &[Vec<bool>]) -> Vec<Option<usize>> {
    let mut count = vec![0usize; n];
    let mut last: Vec<Option<usize>> = vec![None; n];
    let mut chairs = Vec::with_capacity(free.len());
    let mut previous = None;
    for (i, row) in free.iter().enumerate() {
        let pick = (0..n)
            .filter(|m| row[*m])
            .min_by_key(|m| (count[*m], previous == Some(*m), last[*m], *m));
        if let Some(m) = pick {
            count[m] += 1;
            last[m] = Some(i);
        }
        previous = pick;
        chairs.push(pick);
    }
    chairs
}

pub(super) fn counts(n: usize, chairs: &[Option<usize>]) -> Vec<usize> {
    let mut count = vec![0usize; n];
    for m in chairs.iter().flatten() {
        count[*m] += 1;
    }
    count
}

/// Finds a chain of meetings along which `light` can receive a turn from someone with at
/// least two more turns, and applies it. Returns whether it changed anything.
fn pass_one_turn(n: usize, free: &[Vec<bool>], chairs: &mut [Option<usize>], light: usize) -> bool {
    let count = counts(n, chairs);
    // Search backwards from `light`: `via[x] = (date, y)` means x can hand `date` to y.
    let mut via: Vec<Option<(usize, usize)>> = vec![None; n];
    let mut seen = vec![false; n];
    seen[light] = true;
    let mut queue = VecDeque::from([light]);
    while let Some(y) = queue.pop_front() {
        for (date, chair) in chairs.iter().enumerate() {
            let Some(x) = *chair else { continue };
            if seen[x] || !free[date][y] {
                continue;
            }
            seen[x] = true;
            via[x] = Some((date, y));
            if count[x] >= count[light] + 2 {
                let mut giver = x;
                while let Some((d, taker)) = via[giver] {
                    chairs[d] = Some(taker);
                    if taker == light {
                        break;
                    }
                    giver = taker;
                }
                return true;
            }
            queue.push_back(x);
        }
    }
    false
}

fn even_out(n: usize, free: &[Vec<bool>], chairs: &mut [Option<usize>]) {
    // Each change lowers the sum of squares, which is at most dates², so this ends.
    let limit = free.len() * free.len() + n + 1;
    for _ in 0..limit {
        let count = counts(n, chairs);
        let mut order: Vec<usize> = (0..n).collect();
        crate::domain::sort::sort_by_key(&mut order, |m| count[*m]);
        if !order.into_iter().any(|m| pass_one_turn(n, free, chairs, m)) {
            return;
        }
    }
}

pub(super) fn back_to_back(chairs: &[Option<usize>]) -> usize {
    chairs
        .windows(2)
        .filter(|w| w[0].is_some() && w[0] == w[1])
        .count()
}

/// The chair-swap between meetings `i` and `j` that keeps absences respected.
pub(super) fn can_swap(free: &[Vec<bool>], chairs: &[Option<usize>], i: usize, j: usize) -> bool {
    match (chairs[i], chairs[j]) {
        (Some(a), Some(b)) => a != b && free[j][a] && free[i][b],
        _ => false,
    }
}

/// Back-to-back turns among the meeting pairs touched by swapping meetings `i` and `j`.
fn local_back_to_back(chairs: &[Option<usize>], i: usize, j: usize) -> usize {
    let mut pairs: Vec<usize> = [i.checked_sub(1), Some(i), j.checked_sub(1), Some(j)]
        .into_iter()
        .flatten()
        .filter(|k| k + 1 < chairs.len())
        .collect();
    crate::domain::sort::sort(&mut pairs);
    pairs.dedup();
    pairs
        .into_iter()
        .filter(|k| chairs[*k].is_some() && chairs[*k] == chairs[*k + 1])
        .count()
}

fn avoid_back_to_back(free: &[Vec<bool>], chairs: &mut [Option<usize>]) {
    let len = chairs.len();
    // Each accepted swap removes at least one back-to-back turn, so at most `len` rounds.
    for _ in 0..=len {
        if back_to_back(chairs) == 0 {
            return;
        }
        let mut improved = false;
        'search: for i in 0..len {
            for j in i + 1..len {
                if !can_swap(free, chairs, i, j) {
                    continue;
                }
                let before = local_back_to_back(chairs, i, j);
                chairs.swap(i, j);
                if local_back_to_back(chairs, i, j) < before {
                    improved = true;
                    break 'search;
                }
                chairs.swap(i, j);
            }
        }
        if !improved {
            return;
        }
    }
}
