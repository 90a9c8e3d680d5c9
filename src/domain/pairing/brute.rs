//! Exhaustive search over every possible pairing, used by the tests as the ground truth.

use super::Objective;

/// How a pairing compares: more is better in the objective's order.
pub fn key(objective: Objective, pairs: usize, score: i64) -> (i64, i64) {
    match objective {
        Objective::MostPairs | Objective::Unknown => (pairs as i64, score),
        Objective::HighestScore => (score, pairs as i64),
    }
}

/// The best (pairs, score) over all matchings of a general graph on `n` vertices, where
/// `edge(i, j)` is the score of an allowed pair (i < j) or `None`.
pub fn general(
    n: usize,
    edge: &dyn Fn(usize, usize) -> Option<i64>,
    objective: Objective,
) -> (usize, i64) {
    fn go(
        i: usize,
        used: &mut Vec<bool>,
        acc: (usize, i64),
        edge: &dyn Fn(usize, usize) -> Option<i64>,
        objective: Objective,
        best: &mut (usize, i64),
    ) {
        let n = used.len();
        let Some(i) = (i..n).find(|&v| !used[v]) else {
            if key(objective, acc.0, acc.1) > key(objective, best.0, best.1) {
                *best = acc;
            }
            return;
        };
        used[i] = true;
        go(i + 1, used, acc, edge, objective, best);
        for j in i + 1..n {
            if used[j] {
                continue;
            }
            if let Some(s) = edge(i, j) {
                used[j] = true;
                go(i + 1, used, (acc.0 + 1, acc.1 + s), edge, objective, best);
                used[j] = false;
            }
        }
        used[i] = false;
    }
    let mut best = (0, 0);
    go(0, &mut vec![false; n], (0, 0), edge, objective, &mut best);
    best
}

/// The best (pairs, score) when each of `rows` takes at most one column and column `c` takes
/// at most `capacity[c]` rows; `edge(r, c)` is the score of an allowed pair or `None`.
pub fn bipartite(
    rows: usize,
    capacity: &[usize],
    edge: &dyn Fn(usize, usize) -> Option<i64>,
    objective: Objective,
) -> (usize, i64) {
    fn go(
        r: usize,
        rows: usize,
        left: &mut Vec<usize>,
        acc: (usize, i64),
        edge: &dyn Fn(usize, usize) -> Option<i64>,
        objective: Objective,
        best: &mut (usize, i64),
    ) {
        if r == rows {
            if key(objective, acc.0, acc.1) > key(objective, best.0, best.1) {
                *best = acc;
            }
            return;
        }
        go(r + 1, rows, left, acc, edge, objective, best);
        for c in 0..left.len() {
            if left[c] == 0 {
                continue;
            }
            if let Some(s) = edge(r, c) {
                left[c] -= 1;
                go(
                    r + 1,
                    rows,
                    left,
                    (acc.0 + 1, acc.1 + s),
                    edge,
                    objective,
                    best,
                );
                left[c] += 1;
            }
        }
    }
    let mut best = (0, 0);
    go(
        0,
        rows,
        &mut capacity.to_vec(),
        (0, 0),
        edge,
        objective,
        &mut best,
    );
    best
}
