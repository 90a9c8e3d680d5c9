//! Timings for the live-session domain operations at the size the issue names: 60 attendees
//! and 200 flip-chart items. Prints figures only; it never fails on timing.

use peercircle::domain::session::{AnswerBox, Session, SessionQuestion};
use peercircle::domain::Date;
use std::hint::black_box;
use std::time::Instant;

const ATTENDEES: u64 = 60;
const ITEMS: u32 = 200;

fn time<T>(label: &str, runs: u32, mut work: impl FnMut() -> T) {
    let start = Instant::now();
    for _ in 0..runs {
        black_box(work());
    }
    let each = start.elapsed() / runs.max(1);
    println!("{label:<44} {:>10.2} µs", each.as_secs_f64() * 1e6);
}

fn day() -> Date {
    Date::from_ymd(2026, 11, 24).unwrap_or(Date::from_days_since_epoch(0))
}

fn attended() -> Session {
    let question = SessionQuestion::one_off("What is the hardest part of mentoring?").unwrap();
    let mut s = Session::new(1, 1, day(), question).unwrap();
    for id in 1..=ATTENDEES {
        s.mark_present(id).unwrap();
    }
    s.advance().unwrap();
    s
}

fn paired() -> Session {
    let mut s = attended();
    s.form_pairs(0x5EED).unwrap();
    for pair in s.pairs().iter().map(|p| p.number).collect::<Vec<_>>() {
        s.add_point(
            AnswerBox::Pair(pair),
            "We agreed that listening comes first",
        )
        .unwrap();
    }
    s.advance().unwrap();
    s
}

/// Tables formed and answered with 200 points, at the report-out step.
fn answered() -> Session {
    let mut s = paired();
    s.form_tables(2).unwrap();
    let tables: Vec<u32> = s.tables().iter().map(|t| t.number).collect();
    for i in 0..ITEMS {
        let table = tables[i as usize % tables.len()];
        let target = if i % 10 == 0 {
            AnswerBox::TableMinority(table)
        } else {
            AnswerBox::TableConsensus(table)
        };
        s.add_point(target, &format!("Answer {i}: ask before you advise"))
            .unwrap();
    }
    s.advance().unwrap();
    s
}

// Operations that change a fresh session start from a clone of a prepared one; the clone is
// included in the figure, so each figure is an upper bound.
fn main() {
    println!("Session domain operations, {ATTENDEES} attendees, {ITEMS} flip-chart items");
    println!("(mean per run; starred figures include cloning the session first)");
    time("take attendance of 60 (new session)", 2_000, attended);
    let base = attended();
    time("form pairs at random *", 2_000, || {
        let mut s = base.clone();
        s.form_pairs(42).unwrap();
        s
    });
    let base = paired();
    time("form tables and forget seating *", 2_000, || {
        let mut s = base.clone();
        s.form_tables(2).unwrap();
        s
    });
    let base = answered();
    time("bring all table answers (200 items) *", 500, || {
        let mut s = base.clone();
        s.bring_all_table_answers().unwrap();
        s
    });
    let mut base = answered();
    base.bring_all_table_answers().unwrap();
    let consensus: Vec<u32> = base
        .items()
        .iter()
        .filter(|i| !i.minority)
        .map(|i| i.number)
        .collect();
    time("merge 90 duplicates (180 answers) *", 500, || {
        let mut s = base.clone();
        for pair in consensus.chunks(2) {
            if let [into, from] = pair {
                s.merge_items(*into, *from).unwrap();
            }
        }
        s
    });
    let mut flip = false;
    time("edit one item's wording", 10_000, || {
        flip = !flip;
        base.edit_item(
            consensus[99],
            if flip {
                "Ask first"
            } else {
                "Ask before advising"
            },
        )
    });
    let mut counting = base.clone();
    counting.advance().unwrap();
    let numbers: Vec<u32> = counting.items().iter().map(|i| i.number).collect();
    time("one agreement tap (+ then -)", 10_000, || {
        counting.agree_more(numbers[137]).unwrap();
        counting.agree_less(numbers[137]).unwrap();
    });
    time("count agreement on all 200 items", 1_000, || {
        for (k, &n) in numbers.iter().enumerate() {
            counting.set_agreement(n, (k % 61) as u32).unwrap();
        }
    });
    time("sort by agreement", 1_000, || {
        counting.items_by_agreement().len()
    });
    let mut consenting = counting.clone();
    consenting.advance().unwrap();
    time("consent decisions on all 200 items", 1_000, || {
        for (k, &n) in numbers.iter().enumerate() {
            if k % 7 == 0 {
                consenting.record_objection(n, day()).unwrap();
                consenting.clear_objection(n).unwrap();
            } else {
                consenting.mark_shareable(n, day()).unwrap();
            }
        }
    });
    time("validate", 1_000, || consenting.validate().is_ok());
    time("summary", 1_000, || consenting.summary());
    let json = serde_json::to_string(&consenting).unwrap_or_default();
    println!("{:<44} {:>10} bytes", "serialised session", json.len());
    time("serialise to JSON", 1_000, || {
        serde_json::to_string(&consenting).map(|j| j.len())
    });
    time("deserialise from JSON and validate", 1_000, || {
        serde_json::from_str::<Session>(&json).map(|s| s.validate().is_ok())
    });
    let whole = Instant::now();
    let mut s = answered();
    s.bring_all_table_answers().unwrap();
    for _ in 0..3 {
        s.advance().unwrap();
    }
    black_box(s.summary());
    let micros = whole.elapsed().as_secs_f64() * 1e6;
    println!(
        "{:<44} {micros:>10.1} µs",
        "whole session, attendance to closed (once)"
    );
}
