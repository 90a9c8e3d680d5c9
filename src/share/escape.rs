//! Output neutralisation shared by every export format: CSV cells that a spreadsheet will not run
//! as formulas, HTML text and attributes that cannot open a tag, and Markdown text that cannot
//! turn into a link, an image, HTML or structure. Text in, text out; no format knowledge leaks.

/// Characters a spreadsheet treats as the start of a formula (or of a DDE payload after a
/// separator). Every compatibility form of them counts too (full-width ＝, small ﹦ and ﹢,
/// circled or superscript signs): spreadsheets fold some of them, so all are neutralised.
const FORMULA_START: &[char] = &['=', '+', '-', '@'];

/// Whether `c`, or what it folds to, is a formula start.
fn starts_formula(c: char) -> bool {
    if FORMULA_START.contains(&c) || c == '\u{2212}' {
        return true;
    }
    let mut first = None;
    crate::domain::fold::decompose_compatible(c, |d| {
        first.get_or_insert(d);
    });
    first.is_some_and(|d| FORMULA_START.contains(&d) || d == '\u{2212}')
}

/// Invisible characters a spreadsheet may skip before deciding that a cell is a formula.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{2060}'..='\u{2064}'
            | '\u{FEFF}'
            | '\u{AD}'
            | '\u{34F}'
            | '\u{180E}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{3164}'
            | '\u{FFA0}'
    )
}

/// Whether a spreadsheet could treat the cell as a formula: it starts with tab, CR or LF, or
/// with a formula character after any leading whitespace or invisible characters.
pub fn looks_like_formula(text: &str) -> bool {
    if text.starts_with(['\t', '\r', '\n']) {
        return true;
    }
    let rest = text.trim_start_matches(|c: char| c.is_whitespace() || is_invisible(c));
    rest.chars().next().is_some_and(starts_formula)
}

/// A free-text CSV cell: prefixed with a single quote when it could run as a formula, then
/// always quoted per RFC 4180 (quotes doubled), so commas, quotes and line breaks stay inside.
/// Quoting alone is not enough: spreadsheets evaluate `"=1+1"` too.
pub fn csv_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 3);
    out.push('"');
    if looks_like_formula(text) {
        out.push('\'');
    }
    for c in text.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// A count as a CSV number: bare digits, so a spreadsheet keeps it numeric.
pub fn csv_number(n: u64) -> String {
    n.to_string()
}

/// A rate or mean as a CSV number with `places` decimals; empty when not a finite number.
/// A leading minus is safe here: the cell holds only a number, which is what it should run as.
pub fn csv_decimal(value: f64, places: usize) -> String {
    if value.is_finite() {
        format!("{value:.places$}")
    } else {
        String::new()
    }
}

/// One CSV record from cells already made with [`csv_cell`] / [`csv_number`], ended by CRLF.
pub fn csv_row<S: AsRef<str>>(cells: &[S]) -> String {
    let mut out = cells
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(",");
    out.push_str("\r\n");
    out
}

/// Text for an HTML element body: & < > " ' become entities, NUL becomes U+FFFD (as a browser
/// would), so the text can never open a tag or an entity.
pub fn html_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\0' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Text for a quoted HTML attribute value (either quote style). The same escapes as
/// [`html_text`]; kept separate so a call site says which context it writes into.
pub fn html_attr(text: &str) -> String {
    html_text(text)
}

/// ASCII punctuation escaped with a backslash wherever it appears, because it can start a
/// link, image, HTML, code span, emphasis, table cell, strikethrough, entity or autolink.
const MD_ALWAYS: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '(', ')', '<', '>', '!', '|', '~', '&', '{', '}', ':', '@',
];
/// Escaped only at the start of a line, where they start headings, lists or setext underlines.
const MD_LINE_START: &[char] = &['#', '+', '-', '='];

/// Testimony text for a Markdown file. Every line is unindented (4 spaces would make a code
/// block); markdown punctuation is backslash-escaped (CommonMark allows escaping any ASCII
/// punctuation, and renders it literally); "1." / "1)" at a line start loses its list meaning.
/// Newlines are kept (CRLF and CR become LF), so paragraphs survive.
pub fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    // A lone CR also ends a line in CommonMark, so it must not hide a line start.
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let line = line.trim_start_matches([' ', '\t']);
        let digits = line.chars().take_while(char::is_ascii_digit).count();
        for (j, c) in line.chars().enumerate() {
            let list_number_end = j == digits && j > 0 && matches!(c, '.' | ')');
            if MD_ALWAYS.contains(&c) || (j == 0 && MD_LINE_START.contains(&c)) || list_number_end {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_of_a_formula_start_is_neutralised() {
        for text in [
            "\u{FE66}1+1",
            "\u{FE62}1",
            "\u{FE63}1",
            "\u{FE6B}SUM(A1)",
            "\u{FF1D}1",
            "\u{2212}1",
            "\u{3164}=1",
            "\u{200B}\u{FE66}1",
        ] {
            assert!(looks_like_formula(text), "{text:?}");
            assert!(csv_cell(text).starts_with("\"'"), "{text:?}");
        }
        assert!(!looks_like_formula("Equal (=) voices"));
    }

    #[test]
    fn csv_formula_prefix() {
        assert_eq!(csv_cell("=SUM(A1)"), "\"'=SUM(A1)\"");
        assert_eq!(csv_cell("  +1"), "\"'  +1\"");
        assert_eq!(csv_cell("\tx"), "\"'\tx\"");
        assert_eq!(csv_cell("＝1+1"), "\"'＝1+1\"");
        assert_eq!(csv_cell("\u{FEFF}@x"), "\"'\u{FEFF}@x\"");
        assert_eq!(csv_cell("a \"b\", c"), "\"a \"\"b\"\", c\"");
        assert_eq!(csv_cell("e-mail"), "\"e-mail\"");
    }

    #[test]
    fn csv_numbers_stay_bare() {
        assert_eq!(
            csv_row(&[csv_cell("x"), csv_number(12), csv_decimal(0.5, 2)]),
            "\"x\",12,0.50\r\n"
        );
        assert_eq!(csv_decimal(f64::NAN, 1), "");
    }

    #[test]
    fn html_escapes_all_five() {
        assert_eq!(
            html_text("<a href='x'>&\"</a>"),
            "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;"
        );
        assert_eq!(html_attr("\" onload=\"x"), "&quot; onload=&quot;x");
    }

    #[test]
    fn markdown_neutralised() {
        assert_eq!(
            markdown_text("![x](http://e/i.png)"),
            "\\!\\[x\\]\\(http\\://e/i.png\\)"
        );
        assert_eq!(
            markdown_text("# Title\n  - item\n12. point"),
            "\\# Title\n\\- item\n12\\. point"
        );
        assert_eq!(markdown_text("<script>"), "\\<script\\>");
        assert_eq!(markdown_text("a `b` c"), "a \\`b\\` c");
        assert_eq!(markdown_text("2+2 = 4."), "2+2 = 4.");
    }
}
