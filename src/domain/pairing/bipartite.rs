//! Maximum-weight bipartite assignment with the Kuhn-Munkres (Hungarian) algorithm from the
//! `pathfinding` crate, O(rows² × columns).

use pathfinding::prelude::{kuhn_munkres, Matrix};

/// For each row, the column it is matched to, maximising the total weight. `weight(r, c)`
/// must be positive for a usable edge and 0 for "no edge"; a row whose best choice is a
/// missing edge is left unmatched. Works for any shape: Kuhn-Munkres wants no more rows than
/// columns, so a tall problem is solved transposed.
pub fn assign(
    rows: usize,
    cols: usize,
    weight: impl Fn(usize, usize) -> i64,
) -> Vec<Option<usize>> {
    let mut out = vec![None; rows];
    if rows == 0 || cols == 0 {
        return out;
    }
    if rows <= cols {
        let matrix = Matrix::from_fn(rows, cols, |(r, c)| weight(r, c).max(0));
        let (_, cols_of_rows) = kuhn_munkres(&matrix);
        for (r, c) in cols_of_rows.into_iter().enumerate() {
            if matrix[(r, c)] > 0 {
                out[r] = Some(c);
            }
        }
    } else {
        let matrix = Matrix::from_fn(cols, rows, |(c, r)| weight(r, c).max(0));
        let (_, rows_of_cols) = kuhn_munkres(&matrix);
        for (c, r) in rows_of_cols.into_iter().enumerate() {
            if matrix[(c, r)] > 0 {
                out[r] = Some(c);
            }
        }
    }
    out
}
