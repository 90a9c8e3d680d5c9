//! Maximum-weight matching in a general graph: Edmonds' blossom algorithm with the
//! primal-dual method, O(n³).
//!
//! A port of Joris van Rantwijk's public-domain `mwmatching.py` (the code behind networkx's
//! `max_weight_matching`), keeping its names so the two can be read side by side. Only the
//! plain maximum-weight variant is ported: the caller folds any preference for more pairs
//! into the weights. Weights are integers, so every comparison is exact; with integer weights
//! the slack of an edge between two S-blossoms is always even, so halving it stays exact.
//! "-1" in the original is [`NONE`] here.

const NONE: usize = usize::MAX;

/// For each vertex `0..n`, its partner in a maximum-weight matching, or `None`.
/// Edges are `(i, j, weight)`; loops, out-of-range vertices and repeated edges are ignored.
pub fn max_weight_matching(n: usize, edges: &[(usize, usize, i64)]) -> Vec<Option<usize>> {
    solve_edges(n, edges).mates
}

/// [`max_weight_matching`] with its dual solution.
pub fn solve_edges(n: usize, edges: &[(usize, usize, i64)]) -> Solved {
    let mut seen = std::collections::HashSet::new();
    let edges: Vec<(usize, usize, i64)> = edges
        .iter()
        .copied()
        .filter(|&(i, j, _)| i != j && i < n && j < n && seen.insert((i.min(j), i.max(j))))
        .collect();
    solve(n, edges)
}

/// A finished matching with the dual solution that proves it optimal.
pub struct Solved {
    pub mates: Vec<Option<usize>>,
    /// For each vertex, its own dual and then those of the blossoms around it, innermost
    /// first: (blossom, dual).
    chains: Vec<Vec<(usize, i64)>>,
}

impl Solved {
    /// The reduced cost of a possible edge (i, j) of weight `wt` under this dual solution.
    /// The matching stays optimal with that edge added exactly when this is not negative
    /// (the optimality check of the original's `verifyOptimum`).
    pub fn slack(&self, i: usize, j: usize, wt: i64) -> i64 {
        let (ci, cj) = (&self.chains[i], &self.chains[j]);
        let mut s = ci[0].1 + cj[0].1 - 2 * wt;
        for (bi, bj) in ci.iter().rev().zip(cj.iter().rev()) {
            if bi.0 != bj.0 {
                break;
            }
            s += 2 * bi.1;
        }
        s
    }
}

fn solve(n: usize, edges: Vec<(usize, usize, i64)>) -> Solved {
    if edges.is_empty() {
        let chains = (0..n).map(|v| vec![(v, 0)]).collect();
        return Solved {
            mates: vec![None; n],
            chains,
        };
    }
    let mut s = State::new(n, edges);
    s.solve();
    let mates = s
        .mate
        .iter()
        .map(|&p| (p != NONE).then(|| s.endpoint[p]))
        .collect();
    let chains = (0..n)
        .map(|v| {
            let mut chain = vec![(v, s.dualvar[v])];
            let mut b = s.blossomparent[v];
            while b != NONE {
                chain.push((b, s.dualvar[b]));
                b = s.blossomparent[b];
            }
            chain
        })
        .collect();
    Solved { mates, chains }
}

mod structure;

struct State {
    n: usize,
    edges: Vec<(usize, usize, i64)>,
    endpoint: Vec<usize>,
    neighbend: Vec<Vec<usize>>,
    mate: Vec<usize>,
    label: Vec<u8>,
    labelend: Vec<usize>,
    inblossom: Vec<usize>,
    blossomparent: Vec<usize>,
    blossomchilds: Vec<Vec<usize>>,
    blossombase: Vec<usize>,
    blossomendps: Vec<Vec<usize>>,
    bestedge: Vec<usize>,
    blossombestedges: Vec<Option<Vec<usize>>>,
    unusedblossoms: Vec<usize>,
    dualvar: Vec<i64>,
    allowedge: Vec<bool>,
    queue: Vec<usize>,
}

/// Python-style indexing, where -1 is the last element.
fn at(v: &[usize], j: isize) -> usize {
    v[j.rem_euclid(v.len() as isize) as usize]
}

fn position(v: &[usize], x: usize) -> isize {
    v.iter().position(|&y| y == x).unwrap_or(0) as isize
}

impl State {
    fn new(n: usize, edges: Vec<(usize, usize, i64)>) -> State {
        let maxweight = edges.iter().map(|e| e.2).max().unwrap_or(0).max(0);
        let mut endpoint = Vec::with_capacity(2 * edges.len());
        let mut neighbend = vec![Vec::new(); n];
        for (k, &(i, j, _)) in edges.iter().enumerate() {
            endpoint.push(i);
            endpoint.push(j);
            neighbend[i].push(2 * k + 1);
            neighbend[j].push(2 * k);
        }
        let mut dualvar = vec![maxweight; n];
        dualvar.extend(std::iter::repeat_n(0, n));
        State {
            n,
            endpoint,
            neighbend,
            mate: vec![NONE; n],
            label: vec![0; 2 * n],
            labelend: vec![NONE; 2 * n],
            inblossom: (0..n).collect(),
            blossomparent: vec![NONE; 2 * n],
            blossomchilds: vec![Vec::new(); 2 * n],
            blossombase: (0..n).chain(std::iter::repeat_n(NONE, n)).collect(),
            blossomendps: vec![Vec::new(); 2 * n],
            bestedge: vec![NONE; 2 * n],
            blossombestedges: vec![None; 2 * n],
            unusedblossoms: (n..2 * n).collect(),
            dualvar,
            allowedge: vec![false; edges.len()],
            queue: Vec::new(),
            edges,
        }
    }

    fn slack(&self, k: usize) -> i64 {
        let (i, j, wt) = self.edges[k];
        self.dualvar[i] + self.dualvar[j] - 2 * wt
    }

    fn leaves(&self, b: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack = vec![b];
        while let Some(t) = stack.pop() {
            if t < self.n {
                out.push(t);
            } else {
                stack.extend(self.blossomchilds[t].iter().rev());
            }
        }
        out
    }

    fn assign_label(&mut self, w: usize, t: u8, p: usize) {
        let (mut w, mut t, mut p) = (w, t, p);
        loop {
            let b = self.inblossom[w];
            self.label[w] = t;
            self.label[b] = t;
            self.labelend[w] = p;
            self.labelend[b] = p;
            self.bestedge[w] = NONE;
            self.bestedge[b] = NONE;
            if t == 1 {
                let leaves = self.leaves(b);
                self.queue.extend(leaves);
                return;
            }
            // A T-blossom's base is matched; its mate becomes an S-vertex.
            let m = self.mate[self.blossombase[b]];
            if m == NONE {
                return;
            }
            (w, t, p) = (self.endpoint[m], 1, m ^ 1);
        }
    }

    /// Traces back from v and w to find a new blossom's base, or NONE for an augmenting path.
    fn scan_blossom(&mut self, v: usize, w: usize) -> usize {
        let (mut v, mut w) = (v, w);
        let mut path = Vec::new();
        let mut base = NONE;
        while v != NONE || w != NONE {
            let mut b = self.inblossom[v];
            if self.label[b] & 4 != 0 {
                base = self.blossombase[b];
                break;
            }
            path.push(b);
            self.label[b] = 5;
            if self.labelend[b] == NONE {
                v = NONE;
            } else {
                v = self.endpoint[self.labelend[b]];
                b = self.inblossom[v];
                v = self.endpoint[self.labelend[b]];
            }
            if w != NONE {
                std::mem::swap(&mut v, &mut w);
            }
        }
        for b in path {
            self.label[b] = 1;
        }
        base
    }

    fn solve(&mut self) {
        let n = self.n;
        for _stage in 0..n {
            self.label.iter_mut().for_each(|l| *l = 0);
            self.bestedge.iter_mut().for_each(|e| *e = NONE);
            self.blossombestedges[n..]
                .iter_mut()
                .for_each(|e| *e = None);
            self.allowedge.iter_mut().for_each(|a| *a = false);
            self.queue.clear();
            for v in 0..n {
                if self.mate[v] == NONE && self.label[self.inblossom[v]] == 0 {
                    self.assign_label(v, 1, NONE);
                }
            }
            if !self.grow_until_augmented() {
                break;
            }
            for b in n..2 * n {
                if self.blossomparent[b] == NONE
                    && self.blossombase[b] != NONE
                    && self.label[b] == 1
                    && self.dualvar[b] == 0
                {
                    self.expand_blossom(b, true);
                }
            }
        }
    }

    /// One stage: grows alternating trees and adjusts duals until the matching is augmented
    /// (true) or no augmenting path can improve it (false, the matching is optimal).
    fn grow_until_augmented(&mut self) -> bool {
        let n = self.n;
        loop {
            while let Some(v) = self.queue.pop() {
                for idx in 0..self.neighbend[v].len() {
                    let p = self.neighbend[v][idx];
                    let k = p / 2;
                    let w = self.endpoint[p];
                    if self.inblossom[v] == self.inblossom[w] {
                        continue;
                    }
                    let mut kslack = 0;
                    if !self.allowedge[k] {
                        kslack = self.slack(k);
                        if kslack <= 0 {
                            self.allowedge[k] = true;
                        }
                    }
                    let bw = self.inblossom[w];
                    if self.allowedge[k] {
                        if self.label[bw] == 0 {
                            self.assign_label(w, 2, p ^ 1);
                        } else if self.label[bw] == 1 {
                            let base = self.scan_blossom(v, w);
                            if base != NONE {
                                self.add_blossom(base, k);
                            } else {
                                self.augment_matching(k);
                                return true;
                            }
                        } else if self.label[w] == 0 {
                            self.label[w] = 2;
                            self.labelend[w] = p ^ 1;
                        }
                    } else if self.label[bw] == 1 {
                        let b = self.inblossom[v];
                        if self.bestedge[b] == NONE || kslack < self.slack(self.bestedge[b]) {
                            self.bestedge[b] = k;
                        }
                    } else if self.label[w] == 0
                        && (self.bestedge[w] == NONE || kslack < self.slack(self.bestedge[w]))
                    {
                        self.bestedge[w] = k;
                    }
                }
            }
            // No progress with tight edges: find the smallest dual change that helps.
            let mut deltatype = 1;
            let mut delta = self.dualvar[..n].iter().copied().min().unwrap_or(0);
            let mut deltaedge = NONE;
            let mut deltablossom = NONE;
            for v in 0..n {
                if self.label[self.inblossom[v]] == 0 && self.bestedge[v] != NONE {
                    let d = self.slack(self.bestedge[v]);
                    if d < delta {
                        (delta, deltatype, deltaedge) = (d, 2, self.bestedge[v]);
                    }
                }
            }
            for b in 0..2 * n {
                if self.blossomparent[b] == NONE && self.label[b] == 1 && self.bestedge[b] != NONE {
                    let d = self.slack(self.bestedge[b]) / 2;
                    if d < delta {
                        (delta, deltatype, deltaedge) = (d, 3, self.bestedge[b]);
                    }
                }
            }
            for b in n..2 * n {
                if self.blossombase[b] != NONE
                    && self.blossomparent[b] == NONE
                    && self.label[b] == 2
                    && self.dualvar[b] < delta
                {
                    (delta, deltatype, deltablossom) = (self.dualvar[b], 4, b);
                }
            }
            for v in 0..n {
                match self.label[self.inblossom[v]] {
                    1 => self.dualvar[v] -= delta,
                    2 => self.dualvar[v] += delta,
                    _ => {}
                }
            }
            for b in n..2 * n {
                if self.blossombase[b] != NONE && self.blossomparent[b] == NONE {
                    match self.label[b] {
                        1 => self.dualvar[b] += delta,
                        2 => self.dualvar[b] -= delta,
                        _ => {}
                    }
                }
            }
            match deltatype {
                2 | 3 => {
                    self.allowedge[deltaedge] = true;
                    let (mut i, j, _) = self.edges[deltaedge];
                    if self.label[self.inblossom[i]] == 0 {
                        i = j;
                    }
                    self.queue.push(i);
                }
                4 => self.expand_blossom(deltablossom, false),
                _ => return false,
            }
        }
    }
}
