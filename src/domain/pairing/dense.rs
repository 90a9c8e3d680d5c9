//! Maximum-weight matching on a dense graph (everyone may pair with nearly everyone), made
//! fast by pricing: solve on each person's few best edges, then use the dual solution to
//! check every left-out edge.
//!
//! Why this is still exact: the blossom algorithm ends with a dual solution that satisfies
//! the optimality conditions for every edge it saw. If no left-out edge has negative reduced
//! cost (slack) under those duals, the same duals prove the matching optimal for the whole
//! graph. Otherwise the offending edges are added and the graph is solved again; edges are
//! only ever added, so this ends, at worst with the whole graph. On real cohorts one or two
//! rounds suffice, which turns seconds into milliseconds at a thousand people.

use super::blossom;

/// Edge weights between `n` vertices, stored once per unordered pair.
pub struct Weights {
    n: usize,
    cells: Vec<Option<i64>>,
}

impl Weights {
    pub fn new(n: usize, weight: impl Fn(usize, usize) -> Option<i64>) -> Weights {
        let mut cells = Vec::with_capacity(n * n.saturating_sub(1) / 2);
        for i in 0..n {
            for j in i + 1..n {
                cells.push(weight(i, j));
            }
        }
        Weights { n, cells }
    }

    /// Weight of the edge between i and j (i ≠ j), if there is one.
    pub fn get(&self, i: usize, j: usize) -> Option<i64> {
        if i == j || i.max(j) >= self.n {
            return None;
        }
        self.cells[index(self.n, i, j)]
    }

    pub fn max(&self) -> Option<i64> {
        self.cells.iter().flatten().copied().max()
    }

    /// The same graph with every weight passed through `f`.
    pub fn map(mut self, f: impl Fn(i64) -> i64) -> Weights {
        self.cells.iter_mut().flatten().for_each(|w| *w = f(*w));
        self
    }
}

/// Maximum-weight matching, starting from each vertex's `start` heaviest edges (ties to the
/// lower index). `start` only affects speed, never the optimality of the result.
pub fn max_weight_matching(weights: &Weights, start: usize) -> Vec<Option<usize>> {
    let n = weights.n;
    let mut chosen = vec![false; weights.cells.len()];
    let mut edges = Vec::new();
    let mut row = Vec::with_capacity(n);
    for i in 0..n {
        row.clear();
        row.extend((0..n).filter_map(|j| weights.get(i, j).map(|w| (w, j))));
        let by_weight = |a: &(i64, usize), b: &(i64, usize)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        if row.len() > start {
            row.select_nth_unstable_by(start, by_weight);
            row.truncate(start);
        }
        for &(w, j) in &row {
            let cell = index(n, i, j);
            if !chosen[cell] {
                chosen[cell] = true;
                edges.push((i.min(j), i.max(j), w));
            }
        }
    }
    let mut worst = Vec::with_capacity(n);
    loop {
        let solved = blossom::solve_edges(n, &edges);
        // Adding every violated edge at once can pull in most of the graph when many scores
        // tie, so each vertex brings in only its `start` most violated edges per round.
        let mut added = false;
        for i in 0..n {
            worst.clear();
            for j in 0..n {
                if let Some(w) = weights.get(i, j) {
                    let slack = solved.slack(i, j, w);
                    if slack < 0 && !chosen[index(n, i, j)] {
                        worst.push((slack, j, w));
                    }
                }
            }
            let limit = start.max(1);
            if worst.len() > limit {
                worst.select_nth_unstable(limit);
                worst.truncate(limit);
            }
            for &(_, j, w) in &worst {
                let cell = index(n, i, j);
                if !chosen[cell] {
                    chosen[cell] = true;
                    edges.push((i.min(j), i.max(j), w));
                    added = true;
                }
            }
        }
        if !added {
            return solved.mates;
        }
    }
}

/// Position of the pair in the upper triangle: row i follows rows of n-1, n-2, … cells.
fn index(n: usize, i: usize, j: usize) -> usize {
    let (i, j) = (i.min(j), i.max(j));
    i * (2 * n - i - 1) / 2 + (j - i - 1)
}
