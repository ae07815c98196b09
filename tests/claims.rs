//! `canonlint claims`: the JSON lines people and tools read, byte for byte on two cases,
//! and well-formed for every fixture case.
//!
//! To rewrite the snapshots under `tests/claims/` after changing the output on purpose,
//! run `CANONLINT_BLESS=1 cargo test --test claims` and review the diff.

// Tests fail loudly on a broken set-up; unwrapping is the point.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use canonlint::engine::{self, Options};
use canonlint::report;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The claims of a folder, as `canonlint claims <folder>` prints them from the root.
fn claims_of(case: &Path, packs: Option<&[&str]>) -> String {
    let options = Options {
        paths: vec![case.to_path_buf()],
        packs: packs.map(|p| p.iter().map(|s| s.to_string()).collect()),
        ..Options::default()
    };
    let outcome = engine::claims(&options).unwrap_or_else(|p| {
        panic!("{}", p.iter().map(|p| p.render()).collect::<String>());
    });
    assert!(outcome.problems.is_empty(), "{}", case.display());
    report::claims::render(&outcome)
}

#[test]
fn claims_of_two_cases_match_their_snapshots() {
    std::env::set_current_dir(root()).unwrap();
    let bless = std::env::var_os("CANONLINT_BLESS").is_some();
    let star_trek: &[&str] = &["star-trek"];
    for (case, packs, snapshot) in [
        (
            "fixtures/fact/swapped-death-toll",
            None,
            "fact-swapped-death-toll.jsonl",
        ),
        ("fixtures/wikitext/infobox", None, "wikitext-infobox.jsonl"),
        // Every kind of claim, dialogue and a near miss, in one short text.
        (
            "tests/claims/every-kind.md",
            Some(star_trek),
            "every-kind.jsonl",
        ),
    ] {
        let actual = claims_of(Path::new(case), packs);
        let path = root().join("tests/claims").join(snapshot);
        if bless {
            std::fs::write(&path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(actual, expected, "{case} (snapshot {})", path.display());
    }
}

fn subdirs(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    out.sort();
    out
}

const KINDS: [&str; 7] = [
    "name",
    "near-name",
    "title",
    "figure",
    "date",
    "rank",
    "credit",
];

#[test]
fn every_fixture_case_gives_claims_that_parse_line_by_line() {
    std::env::set_current_dir(root()).unwrap();
    let mut lines = 0;
    for group in subdirs(Path::new("fixtures")) {
        for case in subdirs(&group) {
            let out = claims_of(&case, None);
            let mut last: Option<(String, u64)> = None;
            for line in out.lines() {
                let v: serde_json::Value = serde_json::from_str(line)
                    .unwrap_or_else(|e| panic!("{}: {e}\n{line}", case.display()));
                assert_eq!(v["version"], 1, "{line}");
                assert!(KINDS.contains(&v["kind"].as_str().unwrap()), "{line}");
                // `text` is the file's own bytes at the span.
                let file = v["file"].as_str().unwrap();
                let bytes = std::fs::read(file).unwrap();
                let (start, end) = (
                    v["byte_start"].as_u64().unwrap() as usize,
                    v["byte_end"].as_u64().unwrap() as usize,
                );
                assert_eq!(
                    v["text"].as_str().unwrap().as_bytes(),
                    &bytes[start..end],
                    "{line}"
                );
                assert!(v["line"].as_u64().unwrap() >= 1, "{line}");
                assert_eq!(v["subject"].is_null(), v["subject_via"].is_null(), "{line}");
                // Files in order, then positions.
                let key = (file.to_string(), start as u64);
                if let Some(prev) = &last {
                    assert!(*prev <= key, "out of order: {line}");
                }
                last = Some(key);
                lines += 1;
            }
        }
    }
    assert!(lines > 200, "only {lines} claims in every fixture");
}

fn canonlint() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("canonlint").unwrap();
    cmd.current_dir(root());
    cmd
}

#[test]
fn standard_input_gives_the_same_lines_under_its_given_name() {
    let text = std::fs::read(root().join("tests/claims/every-kind.md")).unwrap();
    let out = canonlint()
        .args([
            "claims",
            "-",
            "--stdin-filename",
            "tests/claims/every-kind.md",
            "--pack",
            "star-trek",
        ])
        .write_stdin(text)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let expected = std::fs::read_to_string(root().join("tests/claims/every-kind.jsonl")).unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);
}

#[test]
fn bad_paths_and_packs_exit_2_with_a_reason() {
    let out = canonlint()
        .args(["claims", "no/such/dir"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("no/such/dir: no such file or directory"),
        "{err}"
    );

    let out = canonlint()
        .args([
            "claims",
            "--pack",
            "star-trec",
            "tests/claims/every-kind.md",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("did you mean `star-trek`?"), "{err}");
}

#[test]
fn a_binary_file_is_skipped_with_a_note_on_standard_error() {
    let out = canonlint()
        .args(["claims", "-", "--stdin-filename", "x.md"])
        .write_stdin(b"GIF89a\x00\x01".to_vec())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        "note: skipped x.md: binary file (contains NUL bytes)\n"
    );
}

#[test]
fn the_readme_example_is_real_output() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let command = "| canonlint claims - --stdin-filename notes.md --pack star-trek\n";
    let start = readme.find(command).unwrap() + command.len();
    let shown = &readme[start..start + readme[start..].find("```").unwrap()];
    let out = canonlint()
        .args([
            "claims",
            "-",
            "--stdin-filename",
            "notes.md",
            "--pack",
            "star-trek",
        ])
        .write_stdin("More than 92,000 people died in the attack on Mars.\n")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), shown);
}
