//! Charts as inline SVG that need nothing else to draw: no script, no style attributes (colours
//! and sizes are SVG presentation attributes, which a strict style-src does not block), and each
//! chart carries a <title> and <desc> and sits next to a table with the same figures, so a
//! screen reader or a printout without colour loses nothing.

use std::fmt::Write;

use crate::share::escape::{html_attr, html_text};

/// One bar: a label, a value from 0.0 to 1.0 (None when the figure is suppressed) and the
/// words to print beside it ("12 of 15", "fewer than 5").
pub struct Bar {
    pub label: String,
    pub value: Option<f64>,
    pub words: String,
}

const WIDTH: u32 = 640;
const LABEL_W: u32 = 220;
const ROW_H: u32 = 26;

/// A horizontal bar chart. `id` must be unique in the document (it links title and desc).
pub fn bar_chart(id: &str, title: &str, desc: &str, bars: &[Bar]) -> String {
    let height = ROW_H * (bars.len() as u32).max(1) + 8;
    let bar_space = WIDTH - LABEL_W - 110;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 {WIDTH} {height}\" \
         width=\"100%\" aria-labelledby=\"{id}-t {id}-d\"><title id=\"{id}-t\">{}</title>\
         <desc id=\"{id}-d\">{}</desc>",
        html_text(title),
        html_text(desc)
    );
    for (i, bar) in bars.iter().enumerate() {
        let y = 4 + ROW_H * i as u32;
        let label: String = bar.label.chars().take(34).collect();
        let cut = if label.len() < bar.label.len() {
            "…"
        } else {
            ""
        };
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"13\" fill=\"#222\">{}{cut}</text>",
            LABEL_W - 8,
            y + 17,
            html_text(&label)
        );
        let filled = bar.value.map_or(0.0, |v| v.clamp(0.0, 1.0)) * f64::from(bar_space);
        let _ = write!(
            out,
            "<rect x=\"{LABEL_W}\" y=\"{}\" width=\"{bar_space}\" height=\"18\" fill=\"#eeeeee\"/>\
             <rect x=\"{LABEL_W}\" y=\"{}\" width=\"{filled:.1}\" height=\"18\" fill=\"#2b5c8a\"/>\
             <text x=\"{}\" y=\"{}\" font-size=\"13\" fill=\"#222\">{}</text>",
            y + 2,
            y + 2,
            LABEL_W + bar_space + 8,
            y + 17,
            html_text(&bar.words)
        );
    }
    out.push_str("</svg>");
    out
}

/// A line of points over time (attendance rate per month); suppressed months leave a gap.
pub fn line_chart(id: &str, title: &str, desc: &str, points: &[(String, Option<f64>)]) -> String {
    let (w, h, left, top, plot_h) = (WIDTH, 220u32, 48u32, 12u32, 160u32);
    let n = points.len().max(1) as f64;
    let step = f64::from(w - left - 16) / n;
    let x = |i: usize| f64::from(left) + step * (i as f64 + 0.5);
    let y = |v: f64| f64::from(top) + f64::from(plot_h) * (1.0 - v.clamp(0.0, 1.0));
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 {w} {h}\" \
         width=\"100%\" aria-labelledby=\"{id}-t {id}-d\"><title id=\"{id}-t\">{}</title>\
         <desc id=\"{id}-d\">{}</desc>",
        html_text(title),
        html_text(desc)
    );
    for pct in [0u32, 50, 100] {
        let gy = y(f64::from(pct) / 100.0);
        let _ = write!(
            out,
            "<line x1=\"{left}\" y1=\"{gy:.1}\" x2=\"{}\" y2=\"{gy:.1}\" stroke=\"#cccccc\"/>\
             <text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"12\" fill=\"#222\">{pct}%</text>",
            w - 16,
            left - 6,
            gy + 4.0
        );
    }
    // Consecutive shown months are joined; a suppressed month breaks the line.
    let mut run: Vec<String> = Vec::new();
    let flush = |run: &mut Vec<String>, out: &mut String| {
        if run.len() > 1 {
            let _ = write!(
                out,
                "<polyline points=\"{}\" fill=\"none\" stroke=\"#2b5c8a\" stroke-width=\"2\"/>",
                run.join(" ")
            );
        }
        run.clear();
    };
    for (i, (_, v)) in points.iter().enumerate() {
        match v {
            Some(v) => run.push(format!("{:.1},{:.1}", x(i), y(*v))),
            None => flush(&mut run, &mut out),
        }
    }
    flush(&mut run, &mut out);
    let label_every = points.len().div_ceil(12).max(1);
    for (i, (label, v)) in points.iter().enumerate() {
        if let Some(v) = v {
            let _ = write!(
                out,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3.5\" fill=\"#2b5c8a\"/>",
                x(i),
                y(*v)
            );
        }
        if i % label_every == 0 {
            let _ = write!(
                out,
                "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#222\">{}</text>",
                x(i),
                top + plot_h + 20,
                html_attr(label)
            );
        }
    }
    out.push_str("</svg>");
    out
}
