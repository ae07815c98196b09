//! Tests of planning and writing fixes: which findings are fixed, bytes kept, files
//! refused.

// Tests fail loudly on a broken set-up; unwrapping is the point.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::sync::Arc;

use super::*;
use crate::engine::{self, Options, SourceFile};
use crate::finding::{Location, Severity};

/// A finding of `check` over `span` whose fix writes `replacement`.
fn finding(check: &str, span: Range<usize>, replacement: &str) -> Finding {
    let info = checks::find(check).unwrap();
    Finding::new(info, Location { file: 0, span }, "m".into(), "l".into()).fix(replacement)
}

fn outcome(text: &str, findings: Vec<Finding>) -> Outcome {
    Outcome {
        files: vec![SourceFile {
            path: "a.md".into(),
            text: Some(Arc::from(text)),
            deny: None,
            disk: Some("a.md".into()),
        }],
        findings,
        inputs: 1,
        checked: 1,
        skipped: Vec::new(),
        problems: Vec::new(),
        scope: crate::scope::Scope::default(),
    }
}

fn span_of(text: &str, part: &str) -> Range<usize> {
    let start = text.find(part).unwrap();
    start..start + part.len()
}

#[test]
fn only_fixable_checks_outside_dialogue_are_fixed() {
    let text = "Utopia Plantia, 20,000 dead, Commander Oh, \"Children of Men\".";
    let mut spoken = finding(
        "title",
        span_of(text, "Children of Men"),
        "Children of Mars",
    );
    spoken.dialogue = true;
    let findings = vec![
        finding(
            "name-variant",
            span_of(text, "Utopia Plantia"),
            "Utopia Planitia",
        ),
        finding("fact", span_of(text, "20,000"), "92,000"),
        finding("attribute", span_of(text, "Commander"), "Commodore"),
        spoken,
    ];
    let plan = plan(&outcome(text, findings));
    assert_eq!(plan.edit_count(), 1);
    assert_eq!(
        plan.files[0].fixed(),
        "Utopia Planitia, 20,000 dead, Commander Oh, \"Children of Men\"."
    );
    assert_eq!(
        plan.files[0].describe(),
        ["a.md:1:1: `Utopia Plantia` -> `Utopia Planitia`"]
    );
}

#[test]
fn overlapping_fixes_are_all_left_out_and_said() {
    let text = "The Utopia Plantia Fleet Yards and Utopia Plantia.";
    let findings = vec![
        finding("name-variant", 4..18, "Utopia Planitia"),
        finding("title", 11..30, "Planitia Fleet Yards"),
        finding("name-variant", 35..49, "Utopia Planitia"),
    ];
    let plan = plan(&outcome(text, findings));
    assert_eq!(
        plan.files[0].fixed(),
        "The Utopia Plantia Fleet Yards and Utopia Planitia."
    );
    assert_eq!(
        plan.overlap_messages(),
        [
            "not fixed: overlapping fixes at a.md:1:5 (CL001 -> `Utopia Planitia`), \
          a.md:1:12 (CL002 -> `Planitia Fleet Yards`)"
        ]
    );
}

#[test]
fn the_same_fix_twice_is_one_edit_and_touching_spans_do_not_overlap() {
    let text = "AbCd";
    let findings = vec![
        finding("name-variant", 0..2, "X"),
        finding("title", 0..2, "X"),
        finding("name-variant", 2..4, "Y"),
    ];
    let plan = plan(&outcome(text, findings));
    assert!(plan.overlaps.is_empty());
    assert_eq!(plan.files[0].fixed(), "XY");
}

#[test]
fn every_byte_outside_the_spans_is_kept() {
    // A byte-order mark, CRLF line ends, trailing spaces, a tab, no final newline.
    let text = "\u{feff}# Notes  \r\n\r\nThe Utopia Plantia\tyards.   \r\nEnd";
    let findings = vec![finding(
        "name-variant",
        span_of(text, "Utopia Plantia"),
        "Utopia Planitia",
    )];
    let plan = plan(&outcome(text, findings));
    assert_eq!(
        plan.files[0].fixed(),
        "\u{feff}# Notes  \r\n\r\nThe Utopia Planitia\tyards.   \r\nEnd"
    );
    assert_eq!(
        plan.files[0].describe(),
        ["a.md:3:5: `Utopia Plantia` -> `Utopia Planitia`"]
    );
}

#[test]
fn a_fix_outside_the_text_or_changing_nothing_is_no_edit() {
    let text = "Utopia Planitia";
    let findings = vec![
        finding("name-variant", 0..15, "Utopia Planitia"),
        finding("name-variant", 10..99, "x"),
    ];
    assert!(plan(&outcome(text, findings)).files.is_empty());
}

/// A project in a temporary directory checked against the bundled pack.
fn project(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("canonlint.toml"),
        "packs = [\"star-trek\"]\n",
    )
    .unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

fn run(dir: &Path) -> Outcome {
    engine::run(&options(dir)).unwrap()
}

fn options(path: &Path) -> Options {
    Options {
        paths: vec![path.to_path_buf()],
        ..Options::default()
    }
}

/// Every pass of fixing a path, in memory.
fn fixes(path: &Path) -> Fixes {
    let options = options(path);
    fix_all(&engine::run(&options).unwrap(), &options).unwrap()
}

const TEXT: &[u8] = b"The Utopia Plantia yards built the fleet.\r\n";

#[test]
fn a_file_that_changed_after_the_check_is_refused_and_left_alone() {
    let dir = project(&[("a.md", TEXT), ("b.md", TEXT)]);
    let fixes = fixes(dir.path());
    assert_eq!(fixes.files.len(), 2);
    // An editor saves a.md between the check and the write.
    let edited = b"The Utopia Plantia yards built the fleet. More.\r\n";
    std::fs::write(dir.path().join("a.md"), edited).unwrap();
    let applied = apply(&fixes);
    assert_eq!(applied.written, [1]);
    assert_eq!(applied.errors.len(), 1);
    assert!(
        applied.errors[0].starts_with("not fixing ") && applied.errors[0].contains("a.md"),
        "{:?}",
        applied.errors
    );
    assert_eq!(std::fs::read(dir.path().join("a.md")).unwrap(), edited);
    assert_eq!(
        std::fs::read(dir.path().join("b.md")).unwrap(),
        b"The Utopia Planitia yards built the fleet.\r\n"
    );
}

#[test]
fn a_file_deleted_after_the_check_is_named() {
    let dir = project(&[("a.md", TEXT)]);
    let fixes = fixes(dir.path());
    std::fs::remove_file(dir.path().join("a.md")).unwrap();
    let applied = apply(&fixes);
    assert!(applied.written.is_empty());
    assert!(applied.errors[0].contains("a.md: cannot read it again"));
    assert!(!dir.path().join("a.md").exists());
}

#[cfg(unix)]
#[test]
fn permissions_and_symbolic_links_are_kept() {
    use std::os::unix::fs::PermissionsExt;
    let dir = project(&[("real.txt", TEXT)]);
    let real = dir.path().join("real.txt");
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let applied = apply(&fixes(&link));
    assert_eq!(applied.written, [0], "{:?}", applied.errors);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        std::fs::metadata(&real).unwrap().permissions().mode() & 0o777,
        0o640
    );
    assert_eq!(
        std::fs::read(&real).unwrap(),
        b"The Utopia Planitia yards built the fleet.\r\n"
    );
}

#[test]
fn standard_input_is_never_written() {
    let dir = project(&[]);
    let name = dir.path().join("a.md");
    std::fs::write(&name, TEXT).unwrap();
    // Standard input reported under the name of a real file with the same text.
    let options = Options {
        paths: vec!["-".into()],
        stdin_name: Some(name.to_string_lossy().into_owned()),
        stdin_bytes: Some(TEXT.to_vec()),
        ..Options::default()
    };
    let fixes = fix_all(&engine::run(&options).unwrap(), &options).unwrap();
    assert_eq!(fixes.files.len(), 1);
    assert!(fixes.files[0].disk.is_none());
    let applied = apply(&fixes);
    assert!(applied.written.is_empty() && applied.errors.is_empty());
    assert_eq!(std::fs::read(&name).unwrap(), TEXT);
}

#[test]
fn the_diff_keeps_line_ends_and_marks_a_missing_final_newline() {
    let text = "One.\r\nThe Utopia Plantia yards.\r\nTwo.\r\nThree.\r\nFour.\r\nFive";
    let findings = vec![finding(
        "name-variant",
        span_of(text, "Utopia Plantia"),
        "Utopia Planitia",
    )];
    let fixes = Fixes::one_pass(&outcome(text, findings));
    assert_eq!(
        diff::unified(&fixes),
        "--- a/a.md\n+++ b/a.md\n@@ -1,5 +1,5 @@\n One.\r\n-The Utopia Plantia yards.\r\n\
         +The Utopia Planitia yards.\r\n Two.\r\n Three.\r\n Four.\r\n"
    );
    let last = "One.\nUtopia Plantia";
    let findings = vec![finding("name-variant", 5..19, "Utopia Planitia")];
    assert_eq!(
        diff::unified(&Fixes::one_pass(&outcome(last, findings))),
        "--- a/a.md\n+++ b/a.md\n@@ -1,2 +1,2 @@\n One.\n-Utopia Plantia\n\\ No newline at end of file\n\
         +Utopia Planitia\n\\ No newline at end of file\n"
    );
}

#[test]
fn findings_of_an_engine_run_are_planned_with_their_positions() {
    let dir = project(&[(
        "a.md",
        "# Mars\n\nThe attack on Mars killed 20,000 people at Utopia Plantia.\n".as_bytes(),
    )]);
    let outcome = run(dir.path());
    let codes: Vec<&str> = outcome.findings.iter().map(|f| f.code).collect();
    assert_eq!(codes, ["CL003", "CL001"]);
    assert!(
        outcome
            .findings
            .iter()
            .all(|f| f.severity == Severity::Error)
    );
    let plan = plan(&outcome);
    assert_eq!(plan.edit_count(), 1);
    assert_eq!(plan.files[0].edits[0].code, "CL001");
    assert_eq!(
        (
            plan.files[0].edits[0].position.line,
            plan.files[0].edits[0].position.column
        ),
        (3, 44)
    );
}

#[test]
fn a_fix_that_another_makes_possible_is_made_in_a_later_pass() {
    // The title is fixed first; only then are its numbers read as that title's.
    let text = "The Short Treks episode \"Children of Men\" (S1E6) aired.\n";
    let dir = project(&[("a.md", text.as_bytes())]);
    let first = run(dir.path());
    assert_eq!(plan(&first).edit_count(), 1);
    let fixes = fixes(dir.path());
    assert_eq!(
        fixes.files[0].fixed,
        "The Short Treks episode \"Children of Mars\" (S2E6) aired.\n"
    );
    assert_eq!(fixes.files[0].original.as_ref(), text);
    assert_eq!(
        fixes.files[0].edits,
        [
            "a.md:1:26: `Children of Men` -> `Children of Mars`",
            "a.md:1:45: `S1E6` -> `S2E6`"
        ]
        .map(|l| format!("{}/{l}", crate::engine::walk::display_path(dir.path())))
    );
    assert!(fixes.outcome.unwrap().findings.is_empty());
    // Nothing is written until `apply`.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.md")).unwrap(),
        text
    );
}
