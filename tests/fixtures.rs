//! Runs every fixture case and compares what users see, byte for byte.
//!
//! A case is a folder `fixtures/<check>/<case>/` (findings) or `tests/problems/<case>/`
//! (set-up errors: bad packs and configs) holding input texts and, if it needs them, its
//! own `canonlint.toml` and packs. The run checks the folder as `canonlint check <folder>`
//! would from the repository root, and compares:
//! - `expected.human`: the human report without colour (or, when the run stops on a bad
//!   config or pack, the rendered problems);
//! - `expected.json`: the JSON report (absent when the run stops).
//!
//! A new case needs no new code. To write the expected files of new or changed cases, run
//! `CANONLINT_BLESS=1 cargo test --test fixtures` and review the diff.

// Tests fail loudly on a broken set-up; unwrapping is the point.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

use canonlint::engine::{self, Options};
use canonlint::report;
use codespan_reporting::term::termcolor::Buffer;
use common::cases;

/// What a user sees for one case: (human, json).
fn run_case(case: &Path) -> (String, Option<String>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let relative = case.strip_prefix(root).unwrap().to_path_buf();
    let options = Options {
        paths: vec![relative],
        ..Options::default()
    };
    match engine::run(&options) {
        Ok(outcome) => {
            let mut buffer = Buffer::no_color();
            report::human::write(&outcome, &mut buffer).unwrap();
            let human = String::from_utf8(buffer.into_inner()).unwrap();
            (human, Some(report::json::render(&outcome)))
        }
        Err(problems) => (problems.iter().map(|p| p.render()).collect(), None),
    }
}

fn compare(path: &Path, actual: Option<&str>, bless: bool, failures: &mut Vec<String>) {
    let expected = std::fs::read_to_string(path).ok();
    if expected.as_deref() == actual {
        return;
    }
    if bless {
        match actual {
            Some(text) => std::fs::write(path, text).unwrap(),
            None => std::fs::remove_file(path).unwrap(),
        }
        return;
    }
    failures.push(format!(
        "{}\n--- expected\n{}\n--- actual\n{}",
        path.display(),
        expected.as_deref().unwrap_or("<no file>"),
        actual.unwrap_or("<none>")
    ));
}

#[test]
fn every_fixture_case_matches_its_expected_output() {
    // Paths in reports are relative to the repository root, as for a user running there.
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).unwrap();
    let bless = std::env::var_os("CANONLINT_BLESS").is_some();
    let mut failures = Vec::new();
    let cases = cases();
    assert!(cases.len() >= 10, "expected fixture cases under fixtures/");
    for case in &cases {
        let (human, json) = run_case(case);
        compare(
            &case.join("expected.human"),
            Some(&human),
            bless,
            &mut failures,
        );
        compare(
            &case.join("expected.json"),
            json.as_deref(),
            bless,
            &mut failures,
        );
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn cases_whose_name_starts_with_trap_report_nothing() {
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).unwrap();
    for case in cases()
        .iter()
        .filter(|c| c.file_name().unwrap().to_string_lossy().starts_with("trap"))
    {
        let (human, _) = run_case(case);
        assert!(
            human.starts_with("canonlint: no findings"),
            "{} should be silent:\n{human}",
            case.display()
        );
    }
}
