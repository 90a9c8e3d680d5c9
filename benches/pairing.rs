//! Times the pairing engine on random cohorts of 100, 500 and 1,000 people, peer and
//! mentor-protege. Prints figures only: it never fails on a timing.
//!
//! cargo bench --bench pairing

use peercircle::domain::pairing::{
    propose, Person, Problem, ProgrammeKind, Side, Skill, SkillLevel, Weights,
};
use std::time::Instant;

/// A small deterministic PRNG so every run times the same problems.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const SKILLS: u64 = 30;

fn problem(n: u64, kind: ProgrammeKind, seed: u64) -> Problem {
    let mut rng = SplitMix64(seed);
    let levels = |rng: &mut SplitMix64, count: u64| -> Vec<SkillLevel> {
        (0..count)
            .map(|_| SkillLevel {
                skill: 1 + rng.below(SKILLS),
                level: 1 + rng.below(3) as u8,
            })
            .collect()
    };
    let people = (0..n)
        .map(|i| Person {
            id: i + 1,
            name: format!("Person {}", i + 1),
            offers: levels(&mut rng, 1 + rng_count(i, 3)),
            wants: levels(&mut rng, 1 + rng_count(i, 2)),
            availability: (0..7).filter(|_| rng.below(3) == 0).collect(),
            team: Some(format!("Team {}", rng.below(8))),
            side: if i % 4 == 0 {
                Side::Mentor
            } else {
                Side::Protege
            },
            capacity: None,
        })
        .collect();
    Problem {
        skills: (1..=SKILLS)
            .map(|id| Skill {
                id,
                name: format!("Skill {id}"),
            })
            .collect(),
        people,
        kind,
        weights: Weights::default(),
        ..Problem::default()
    }
}

fn rng_count(i: u64, m: u64) -> u64 {
    i % m
}

fn main() {
    println!(
        "{:<16} {:>7} {:>7} {:>12} {:>12}",
        "programme", "people", "pairs", "score", "time"
    );
    for n in [100, 500, 1000] {
        for (label, kind) in [
            ("peer", ProgrammeKind::default()),
            (
                "mentor-protege",
                ProgrammeKind::MentorProtege { capacity: 3 },
            ),
        ] {
            let problem = problem(n, kind, 0x5EED ^ n);
            let start = Instant::now();
            let result = propose(&problem);
            let elapsed = start.elapsed();
            match result {
                Ok(p) => println!(
                    "{label:<16} {n:>7} {:>7} {:>12} {:>9.1} ms",
                    p.pairs.len(),
                    p.total_score,
                    elapsed.as_secs_f64() * 1000.0
                ),
                Err(e) => println!("{label:<16} {n:>7} failed: {e}"),
            }
        }
    }
}
