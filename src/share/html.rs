//! The print-ready evaluation report: one self-contained HTML file for decision makers.
//!
//! Styling: the file carries one <style> element and no style attributes and no script. The
//! app's own CSP never applies to it, because it is saved and opened from disk (or printed to
//! PDF), so the <style> block is honoured there; the file also declares its own CSP
//! (`default-src 'none'`) so, wherever it is opened, it can fetch nothing and run nothing. If
//! the app previews it inside its strict CSP the <style> is dropped, and the report still reads
//! well: the structure is plain headings, lists and tables, and the charts draw with SVG
//! presentation attributes, which style-src does not govern.

mod svg;

use std::fmt::Write;

use crate::share::escape::html_text;
use crate::share::gate::{group_words, Shareable, SharedSession};
use crate::share::suppress::{Count, Stat};
use svg::{bar_chart, line_chart, Bar};

const STYLE: &str = "body{font-family:Georgia,serif;max-width:46rem;margin:2rem auto;\
padding:0 1rem;color:#222;line-height:1.5}h1,h2,h3{font-family:Helvetica,Arial,sans-serif;\
line-height:1.2}table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid \
#999;padding:.3rem .5rem;text-align:left;vertical-align:top}td.n{text-align:right}\
caption{text-align:left;font-weight:bold}blockquote{border-left:4px solid #2b5c8a;margin:1rem 0;\
padding:.2rem 1rem}figure{margin:1rem 0}.note{font-size:.9rem}\
@media print{body{margin:0;max-width:none}section{break-inside:avoid-page}}";

/// A rate as a whole percentage, or the words for why it is not shown.
pub fn pct(s: Stat) -> String {
    match s {
        Stat::Shown(v) => format!("{:.0}%", v * 100.0),
        other => other.to_string(),
    }
}

fn ratio(agree: Count, present: Count) -> Option<f64> {
    match (agree, present) {
        (Count::Shown(a), Count::Shown(p)) if p > 0 => Some(f64::from(a) / f64::from(p)),
        _ => None,
    }
}

fn agreement_words(agree: Count, present: Count) -> String {
    match (agree, present) {
        (Count::Shown(a), Count::Shown(p)) => format!("{a} of {p}"),
        (Count::Shown(a), _) => format!("{a} agreed"),
        (hidden, _) => hidden.to_string(),
    }
}

pub fn html(content: &Shareable) -> String {
    let title = html_text(&content.title);
    let mut out = String::with_capacity(4096 + content.sessions.len() * 2048);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}: evaluation report</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <header>\n<h1>{title}</h1>\n<p>Evaluation report"
    );
    if let Some((from, to)) = content.period {
        let _ = write!(out, ", {} to {}", from.long_name(), to.long_name());
    }
    let k = content.k;
    let _ = write!(
        out,
        ".</p>\n<p class=\"note\">Everything here was shared with the groups' consent. To protect \
         privacy, any count of fewer than {k} people is shown as “fewer than {k}”, a figure \
         that would let it be worked out is “not shown”, and dates are given to the month \
         only.</p>\n</header>\n"
    );
    figures(&mut out, content);
    attendance(&mut out, content);
    agreement(&mut out, content);
    testimonies(&mut out, content);
    survey(&mut out, content);
    relationships(&mut out, content);
    meeting_feedback(&mut out, content);
    out.push_str("</body>\n</html>\n");
    out
}

fn figures(out: &mut String, c: &Shareable) {
    let f = &c.figures;
    let _ = write!(
        out,
        "<section>\n<h2>The programme at a glance</h2>\n<table>\n<caption>Programme figures\
         </caption>\n<tbody>\n<tr><th scope=\"row\">Meetings held</th><td class=\"n\">{}</td></tr>\n\
         <tr><th scope=\"row\">Members who took part</th><td class=\"n\">{}</td></tr>\n\
         <tr><th scope=\"row\">Attendance</th><td class=\"n\">{}</td></tr>\n\
         <tr><th scope=\"row\">Flip-chart items per meeting</th><td class=\"n\">{}</td></tr>\n\
         <tr><th scope=\"row\">Items the groups agreed to share</th><td class=\"n\">{}</td></tr>\n\
         </tbody>\n</table>\n",
        f.sessions_held,
        html_text(&f.people.to_string()),
        html_text(&pct(f.attendance_rate)),
        html_text(&match f.items_per_session {
            Stat::Shown(v) => format!("{v:.1}"),
            other => other.to_string(),
        }),
        html_text(&pct(f.consent_rate)),
    );
    let consent = match f.consent_rate {
        Stat::Shown(v) => Some(v),
        _ => None,
    };
    let bars = [Bar {
        label: "Consented to share".to_string(),
        value: consent,
        words: pct(f.consent_rate),
    }];
    let desc = format!(
        "Share of flip-chart items the groups agreed to share: {}.",
        pct(f.consent_rate)
    );
    let _ = write!(
        out,
        "<figure>\n{}\n<figcaption>Consent rate: {}</figcaption>\n</figure>\n</section>\n",
        bar_chart("consent", "Consent rate", &desc, &bars),
        html_text(&pct(f.consent_rate))
    );
}

fn attendance(out: &mut String, c: &Shareable) {
    if c.attendance.is_empty() {
        return;
    }
    let points: Vec<(String, Option<f64>)> = c
        .attendance
        .iter()
        .map(|m| {
            let v = match m.rate {
                Stat::Shown(v) => Some(v),
                _ => None,
            };
            (m.month.to_string(), v)
        })
        .collect();
    let desc: Vec<String> = c
        .attendance
        .iter()
        .map(|m| format!("{}: {}", m.month.long_name(), pct(m.rate)))
        .collect();
    let _ = write!(
        out,
        "<section>\n<h2>Attendance over time</h2>\n<figure>\n{}\n<figcaption>Share of group \
         members present, by month. The table below gives the same figures.</figcaption>\n\
         </figure>\n<table>\n<caption>Attendance by month</caption>\n<thead><tr><th scope=\"col\">\
         Month</th><th scope=\"col\">Meetings</th><th scope=\"col\">Attendance</th></tr></thead>\n\
         <tbody>\n",
        line_chart(
            "attendance",
            "Attendance rate by month",
            &desc.join("; "),
            &points
        )
    );
    for m in &c.attendance {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            m.month.long_name(),
            m.sessions,
            html_text(&pct(m.rate))
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn agreement(out: &mut String, c: &Shareable) {
    out.push_str("<section>\n<h2>What the groups agreed</h2>\n");
    if c.sessions.iter().all(|s| s.items.is_empty()) {
        out.push_str("<p>No flip-chart items were consented for sharing in this selection.</p>\n");
    }
    for (n, s) in c
        .sessions
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.items.is_empty())
    {
        session(out, n, s);
    }
    out.push_str("</section>\n");
}

fn session(out: &mut String, n: usize, s: &SharedSession) {
    let heading = format!("{}, {}", group_words(s.group), s.month.long_name());
    let _ = write!(
        out,
        "<article>\n<h3>{}</h3>\n<p>Question: {}</p>\n<p>People present: {}</p>\n",
        html_text(&heading),
        html_text(&s.question),
        html_text(&s.present.to_string())
    );
    let bars: Vec<Bar> = s
        .items
        .iter()
        .map(|i| Bar {
            label: i.text.clone(),
            value: ratio(i.agree, s.present),
            words: agreement_words(i.agree, s.present),
        })
        .collect();
    let desc: Vec<String> = s
        .items
        .iter()
        .map(|i| format!("{}: {}", i.text, agreement_words(i.agree, s.present)))
        .collect();
    let _ = write!(
        out,
        "<figure>\n{}\n<figcaption>Number agreeing with each item.</figcaption>\n</figure>\n\
         <table>\n<caption>Agreement per item</caption>\n<thead><tr><th scope=\"col\">Item</th>\
         <th scope=\"col\">Agreed</th><th scope=\"col\">Present</th></tr></thead>\n<tbody>\n",
        bar_chart(
            &format!("agree-{n}"),
            &format!("Agreement per item: {heading}"),
            &desc.join("; "),
            &bars
        )
    );
    for i in &s.items {
        let minority = if i.minority { " (minority report)" } else { "" };
        let _ = writeln!(
            out,
            "<tr><td>{}{minority}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            html_text(&i.text),
            html_text(&i.agree.to_string()),
            html_text(&s.present.to_string())
        );
    }
    out.push_str("</tbody>\n</table>\n</article>\n");
}

fn testimonies(out: &mut String, c: &Shareable) {
    if c.testimonies.is_empty() {
        return;
    }
    out.push_str("<section>\n<h2>In their own words</h2>\n");
    for t in &c.testimonies {
        let text = html_text(&t.text).replace('\n', "<br>\n");
        let _ = writeln!(
            out,
            "<figure>\n<blockquote><p>{text}</p></blockquote>\n<figcaption>— {}</figcaption>\n</figure>",
            html_text(&t.attribution)
        );
    }
    out.push_str("</section>\n");
}

/// "How was today's meeting?": how many answered and the mean answer to each question.
fn meeting_feedback(out: &mut String, c: &Shareable) {
    let Some(f) = &c.meeting_feedback else {
        return;
    };
    out.push_str(
        "<section>\n<h2>How the meetings went</h2>\n<p class=\"note\">Anonymous answers from 1 \
         (not at all) to 5 (very much), given at the end of each meeting.</p>\n<table>\n\
         <caption>Meeting feedback</caption>\n<tbody>\n",
    );
    for (label, words) in f.rows() {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"n\">{}</td></tr>",
            html_text(label),
            html_text(&words)
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// One-to-one relationships: how many began and how they stand, to date.
fn relationships(out: &mut String, c: &Shareable) {
    let Some(r) = &c.relationships else {
        return;
    };
    out.push_str(
        "<section>\n<h2>One-to-one relationships</h2>\n<table>\n<caption>Relationships since \
         the programme began</caption>\n<tbody>\n",
    );
    for (label, words) in r.rows() {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"n\">{}</td></tr>",
            html_text(label),
            html_text(&words)
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// Outcomes survey: one table per survey point with the mean score and change per measure.
fn survey(out: &mut String, c: &Shareable) {
    if c.survey.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<section>\n<h2>Outcomes survey</h2>\n<p class=\"note\">Anonymous self-ratings from 1 \
         to 5; scores are out of 5 and higher is better (isolation is reverse-scored). Change is \
         measured from the start.</p>\n"
    );
    for p in &c.survey {
        let name = if p.start {
            "At the start".to_string()
        } else {
            format!("Survey point {}", p.point)
        };
        let _ = write!(
            out,
            "<table>\n<caption>{} ({} responses)</caption>\n",
            html_text(&name),
            html_text(&p.responses.to_string())
        );
        if p.measures.is_empty() {
            let _ = write!(
                out,
                "<tbody><tr><td>Not shown: fewer than {} people answered.</td></tr></tbody>\n\
                 </table>\n",
                c.k
            );
            continue;
        }
        out.push_str(
            "<thead><tr><th scope=\"col\">Outcome</th><th scope=\"col\">Mean score</th>\
             <th scope=\"col\">Change from the start</th></tr></thead>\n<tbody>\n",
        );
        for m in &p.measures {
            let _ = writeln!(
                out,
                "<tr><th scope=\"row\">{}</th><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                html_text(m.measure.label()),
                html_text(&score_words(m.mean, false)),
                html_text(&score_words(m.change, true)),
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</section>\n");
}

/// "3.4", "+0.6", or the suppression words.
pub fn score_words(s: Stat, signed: bool) -> String {
    match s {
        Stat::Shown(v) if signed => format!("{v:+.1}"),
        Stat::Shown(v) => format!("{v:.1}"),
        other => other.to_string(),
    }
}
