//! Testimonies as Markdown for a newsletter: a heading, then one block quote per testimony with
//! its attribution. Every piece of text goes through `markdown_text`, so a quote cannot become
//! a link, an image, HTML or a heading.

use crate::share::escape::markdown_text;
use crate::share::gate::Shareable;

pub fn markdown(content: &Shareable) -> String {
    let mut out = format!(
        "# In their own words: {}\n\n",
        markdown_text(&content.title)
    );
    if let Some((from, to)) = content.period {
        let span = if from == to {
            from.long_name()
        } else {
            format!("{} to {}", from.long_name(), to.long_name())
        };
        out.push_str(&format!(
            "What members of our peer support groups said, {span}. Shared with the groups' \
             consent; nobody is named without their written approval.\n\n"
        ));
    }
    if content.testimonies.is_empty() {
        out.push_str("No testimonies were chosen for this export.\n");
    }
    for t in &content.testimonies {
        for line in markdown_text(&t.text).split('\n') {
            if line.is_empty() {
                out.push_str(">\n");
            } else {
                out.push_str(&format!("> {line}\n"));
            }
        }
        out.push_str(&format!(">\n> — {}\n\n", markdown_text(&t.attribution)));
    }
    out
}
