//! Combining on the lead's device: whatever a hand-edited file carries, the combined output
//! never holds a name this device knows, except a named credit whose written approval (as the
//! file declares it, and as this device holds it) covers evaluation reports.
#![cfg(not(target_arch = "wasm32"))]

mod share_support;

use peercircle::share::combine::{combine_on_device, DeviceNames};
use peercircle::share::csv::csv;
use peercircle::share::gate::{gate, ExportPolicy, QuoteApproval, QuoteUse};
use peercircle::share::html::html;
use peercircle::share::json::json;
use peercircle::share::markdown::markdown;
use peercircle::share::scrub::Scanner;
use proptest::prelude::*;
use share_support::*;

const NAMES: [&str; 6] = [
    "María López",
    "Kwame Mensah",
    "Seán O'Brien",
    "Li Wei",
    "Hope Adams",
    "Anne-Marie Dubois",
];

/// A clean shareable file with one testimony, to be tampered with.
fn base_file() -> String {
    let members: Vec<u64> = (100..112).collect();
    let s = session(
        1,
        1,
        date(2026, 3, 2),
        "What helps?",
        &members,
        0,
        &[item("Regular check-ins", 9, Consent::Share)],
    );
    let mut w = World::new(roster(&[(1, "Zed Quorra")]), vec![s]);
    let t =
        peercircle::domain::testimony::Testimony::draft(5, &w.sessions[0], 1, "a mentor").unwrap();
    w.testimonies.push(t);
    json(
        &gate(&w.input(), &ExportPolicy::default())
            .unwrap()
            .shareable,
    )
}

fn device() -> DeviceNames {
    DeviceNames {
        names: roster(
            &NAMES
                .iter()
                .enumerate()
                .map(|(i, n)| (i as u64 + 1, *n))
                .collect::<Vec<_>>(),
        ),
        approvals: vec![QuoteApproval {
            participant: 2,
            given: date(2026, 1, 1),
            scope: vec![QuoteUse::EvaluationReport],
            expires: None,
            withdrawn: None,
        }],
        today: Some(date(2026, 6, 1)),
    }
}

fn disguise(name: &str, how: u8) -> String {
    match how % 5 {
        0 => name.to_string(),
        1 => name.to_uppercase(),
        2 => format!("{name}'s"),
        3 => name.split_whitespace().next().unwrap_or(name).to_string(),
        _ => name.to_lowercase(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn combined_output_never_holds_a_name_this_device_knows(
        picks in proptest::collection::vec((0usize..6, 0u8..5, 0usize..6), 1..6),
        named_uses in proptest::collection::vec(0usize..3, 0..3),
    ) {
        let mut file = base_file();
        let places = ["Regular check-ins", "What helps?", "Northside peer mentoring", "a mentor"];
        for (who, how, place) in &picks {
            let name = disguise(NAMES[*who], *how);
            if *place < places.len() {
                let target = places[*place];
                file = file.replacen(&format!("\"{target}"), &format!("\"{name} {target}"), 1);
            }
        }
        // A hand-made named credit for someone on this device.
        let (who, _, _) = picks[0];
        let uses: Vec<&str> = named_uses.iter().map(|u| ["\"newsletter\"", "\"brochure\"", "\"evaluation_report\""][*u]).collect();
        file = file.replacen(
            "\"attribution\": \"",
            &format!("\"named\": {{\"uses\": [{}], \"role\": \"a mentor\"}}, \"attribution\": \"{} ", uses.join(","), NAMES[who]),
            1,
        );
        let d = device();
        let Ok(c) = combine_on_device(&[&file], peercircle::share::suppress::K::default(), &d) else {
            return Ok(()); // refused whole: nothing leaves
        };
        let scanner = Scanner::new(&d.names, &[]);
        let credit_ok = who == 1 && named_uses.contains(&2);
        for out in [csv(&c.shareable), json(&c.shareable), markdown(&c.shareable), html(&c.shareable)] {
            for hit in scanner.check(&out) {
                prop_assert!(credit_ok && hit.participant == 2, "{:?} in {}", hit, out);
            }
        }
    }
}
