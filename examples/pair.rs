//! Reads a pairing problem as JSON (from the file named as the first argument, or from
//! standard input) and prints the proposed pairs, scores and explanations as JSON.
//!
//! cargo run --example pair -- tests/fixtures/pairing/peer.json

use peercircle::domain::pairing::{propose, Problem};
use std::io::Read;
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<String, String> {
    let text = match std::env::args().nth(1) {
        Some(path) => {
            std::fs::read_to_string(&path).map_err(|e| format!("Could not read {path}: {e}"))?
        }
        None => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| format!("Could not read standard input: {e}"))?;
            text
        }
    };
    let problem: Problem =
        serde_json::from_str(&text).map_err(|e| format!("That is not a pairing problem: {e}"))?;
    let proposal = propose(&problem).map_err(|e| e.to_string())?;
    serde_json::to_string_pretty(&proposal).map_err(|e| e.to_string())
}
