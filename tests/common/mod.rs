//! What the test files share: where the fixture cases are.

// Tests fail loudly on a broken set-up; unwrapping is the point.
#![allow(clippy::unwrap_used, dead_code)]

use std::path::{Path, PathBuf};

/// The sub-directories of `dir`, sorted.
pub fn subdirs(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    out.sort();
    out
}

/// Every case: `fixtures/<group>/<case>/`, then `tests/problems/<case>/`.
pub fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cases: Vec<PathBuf> = subdirs(&root.join("fixtures"))
        .iter()
        .flat_map(|g| subdirs(g))
        .collect();
    cases.extend(subdirs(&root.join("tests/problems")));
    cases
}

/// Runs a case as `canonlint check <case>` from the repository root, the way
/// tests/fixtures.rs does; `None` when the run stops on a bad config or pack.
pub fn run(case: &Path) -> Option<canonlint::engine::Outcome> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let relative = case.strip_prefix(root).unwrap().to_path_buf();
    let options = canonlint::engine::Options {
        paths: vec![relative],
        ..canonlint::engine::Options::default()
    };
    canonlint::engine::run(&options).ok()
}
