//! The layers the architecture guide describes, checked on the source: the rules (`domain`)
//! know nothing of storage, the browser's state or the screens; what may leave the device
//! (`share`) and storage (`persist`) know nothing of the app's state or screens; and the
//! screens (`ui`) reach storage only through `state`, so every write goes through one save
//! and one status.

use std::path::{Path, PathBuf};

fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out
}

/// Every line of `layer` that names one of `forbidden` (comments aside).
fn reaches(layer: &str, forbidden: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(layer);
    let mut found = Vec::new();
    for file in sources(&root) {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if forbidden.iter().any(|f| code.contains(f)) {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    found
}

#[test]
fn the_screens_reach_storage_only_through_state() {
    let found = reaches("ui", &["crate::persist", "persist::"]);
    assert!(
        found.is_empty(),
        "ui uses persist directly:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_rules_know_nothing_of_storage_state_or_screens() {
    let found = reaches(
        "domain",
        &[
            "crate::persist",
            "crate::state",
            "crate::ui",
            "crate::share",
        ],
    );
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn sharing_and_storage_know_nothing_of_state_or_screens() {
    for layer in ["share", "persist"] {
        let found = reaches(layer, &["crate::state", "crate::ui"]);
        assert!(found.is_empty(), "{layer}:\n{}", found.join("\n"));
    }
}

#[test]
fn the_check_finds_what_it_looks_for() {
    // The state layer does use persist: the scan must see it, or the tests above prove nothing.
    assert!(!reaches("state", &["crate::persist"]).is_empty());
}
