//! Agreement counts as CSV for a spreadsheet: one row per shared item. Text cells go through
//! `csv_cell` (quoted, formula-neutralised); counts stay bare numbers so they sort and sum; a
//! suppressed count is the words "fewer than 5" or "not shown", never a number.

use crate::share::escape::{csv_cell, csv_number, csv_row};
use crate::share::gate::{group_words, Shareable};
use crate::share::suppress::Count;

const HEADER: [&str; 7] = [
    "Month",
    "Group",
    "Question",
    "Item",
    "Minority report",
    "Agreed",
    "Present",
];

fn count_cell(c: Count) -> String {
    match c {
        Count::Shown(n) => csv_number(n.into()),
        hidden => csv_cell(&hidden.to_string()),
    }
}

/// The file text, CRLF line ends (RFC 4180), UTF-8 with a byte-order mark so Excel reads
/// accents correctly.
pub fn csv(content: &Shareable) -> String {
    let mut out = String::from("\u{FEFF}");
    let header: Vec<String> = HEADER.iter().map(|h| csv_cell(h)).collect();
    out.push_str(&csv_row(&header));
    for s in &content.sessions {
        for item in &s.items {
            out.push_str(&csv_row(&[
                csv_cell(&s.month.to_string()),
                csv_cell(group_words(s.group)),
                csv_cell(&s.question),
                csv_cell(&item.text),
                csv_cell(if item.minority { "yes" } else { "no" }),
                count_cell(item.agree),
                count_cell(s.present),
            ]));
        }
    }
    out
}
