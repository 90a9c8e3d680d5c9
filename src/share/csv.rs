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

/// Reads CSV text as written by [`csv`] back into rows of cells, for the Share screen's table
/// preview: quoted cells, doubled quotes and CRLF line ends; a leading byte-order mark is
/// dropped. Never fails: unbalanced quotes run to the end of the text.
pub fn rows(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut out = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                out.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        out.push(row);
    }
    out
}

#[cfg(test)]
mod preview_tests {
    use super::rows;

    #[test]
    fn reads_back_quoted_cells() {
        let text =
            "\u{FEFF}\"Month\",\"Item\"\r\n\"2026-11\",\"Say \"\"hi\"\", then, go\nnow\"\r\n";
        assert_eq!(
            rows(text),
            vec![
                vec!["Month".to_string(), "Item".to_string()],
                vec![
                    "2026-11".to_string(),
                    "Say \"hi\", then, go\nnow".to_string()
                ],
            ]
        );
        assert!(rows("").is_empty());
    }
}
