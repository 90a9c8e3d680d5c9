//! The gate against the hostile corpus in tests/fixtures/hostile/gate.json: accents, hyphens,
//! apostrophes, names that are words, right-to-left text, HTML and formula payloads, 1 MB text.

mod share_support;

use peercircle::domain::disclosure::{NameChoice, NameDecision};
use peercircle::domain::testimony::{Attribution, ItemRef, Testimony};
use peercircle::share::csv::csv;
use peercircle::share::gate::{gate, ExportPolicy, Shareable};
use peercircle::share::html::html;
use peercircle::share::json::json;
use peercircle::share::markdown::markdown;
use peercircle::share::scrub::normalize;
use serde_json::Value;
use share_support::*;

fn render(format: &str, c: &Shareable) -> String {
    match format {
        "csv" => csv(c),
        "json" => json(c),
        "markdown" => markdown(c),
        "html" => html(c),
        other => panic!("unknown format {other}"),
    }
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .into_iter()
        .flatten()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn hostile_gate_corpus() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/hostile/gate.json"
    );
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let members: Vec<u64> = (101..=112).collect();
    for case in doc["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let people: Vec<String> = strings(&case["roster"]);
        let roster_names: Vec<(u64, &str)> = people
            .iter()
            .enumerate()
            .map(|(i, n)| (i as u64 + 1, n.as_str()))
            .collect();
        let text = case["item"].as_str().unwrap();
        let s = session(
            1,
            1,
            date(2026, 5, 5),
            "What helps?",
            &members,
            0,
            &[item(text, 12, Consent::Share)],
        );
        let mut w = World::new(roster(&roster_names), vec![s]);
        let allow: Vec<String> = strings(&case["allow"])
            .iter()
            .map(|a| normalize(a))
            .collect();
        let quote = match (&case["testimony"], &case["testimony_repeat"]) {
            (Value::String(t), _) => Some(t.clone()),
            (_, Value::Array(r)) => Some(
                r[0].as_str()
                    .unwrap()
                    .repeat(r[1].as_u64().unwrap() as usize),
            ),
            _ => None,
        };
        if let Some(text) = quote {
            w.testimonies.push(Testimony {
                id: 1,
                text,
                attribution: Attribution::ByRole("a mentor".to_string()),
                source: Some(ItemRef {
                    session: 1,
                    item: 1,
                }),
                include: true,
                drafted_from: case["item"].as_str().map(str::to_string),
            });
        }
        // "Not a name here" for every spot where an allowed word was found.
        if let Err(b) = gate(&w.input(), &ExportPolicy::default()) {
            for f in b.names {
                if allow.contains(&normalize(&f.hit.matched)) {
                    w.names.decide(NameDecision {
                        text: f.text,
                        fingerprint: f.fingerprint,
                        start: f.hit.start,
                        matched: f.hit.matched,
                        participant: f.hit.participant,
                        choice: NameChoice::NotAName,
                    });
                }
            }
        }
        let result = gate(&w.input(), &ExportPolicy::default());
        match case["expect"].as_str().unwrap() {
            "blocked" => {
                let b = result.expect_err(name);
                let want = case["reason"].as_str().unwrap();
                assert!(
                    b.reasons.iter().any(|r| r.contains(want)),
                    "{name}: {:?} lacks {want}",
                    b.reasons
                );
            }
            _ => {
                let c = result
                    .unwrap_or_else(|b| panic!("{name}: {:?}", b.reasons))
                    .shareable;
                for (format, wants) in case["contains"].as_object().into_iter().flatten() {
                    let out = render(format, &c);
                    for want in strings(wants) {
                        assert!(out.contains(&want), "{name}: {format} lacks {want}\n{out}");
                    }
                }
                for (format, bads) in case["absent"].as_object().into_iter().flatten() {
                    let out = render(format, &c);
                    for bad in strings(bads) {
                        assert!(!out.contains(&bad), "{name}: {format} holds {bad}");
                    }
                }
            }
        }
    }
}
