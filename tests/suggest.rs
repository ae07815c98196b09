//! `canonlint canon suggest`: the draft pack of a small invented corpus, byte for byte; the
//! draft loads and, used with the corpus, reports the rare spellings as `name-variant`
//! findings; `--output`, standard input and bad paths.
//!
//! To rewrite the snapshot under `tests/suggest/` after changing the output on purpose,
//! run `CANONLINT_BLESS=1 cargo test --test suggest` and review the diff.

// Tests fail loudly on a broken set-up; unwrapping is the point.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use assert_cmd::Command;

const CORPUS: &str = "tests/suggest/corpus";

fn canonlint() -> Command {
    let mut cmd = Command::cargo_bin("canonlint").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn run(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn the_draft_of_the_corpus_matches_its_snapshot() {
    let (code, out, err) =
        run(canonlint().args(["canon", "suggest", CORPUS, "--name", "harrowgate"]));
    assert_eq!((code, err.as_str()), (0, ""));
    let snapshot = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/suggest/expected.toml");
    if std::env::var_os("CANONLINT_BLESS").is_some() {
        std::fs::write(&snapshot, &out).unwrap();
    }
    let expected = std::fs::read_to_string(&snapshot).unwrap();
    assert_eq!(
        out, expected,
        "run CANONLINT_BLESS=1 to accept a deliberate change"
    );
}

#[test]
fn the_draft_loads_and_reports_the_rare_spellings_as_misspellings() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("harrowgate.toml");
    let draft_arg = draft.to_str().unwrap();
    let (code, out, _) = run(canonlint().args(["canon", "suggest", CORPUS, "--output", draft_arg]));
    assert_eq!(
        (code, out.as_str()),
        (0, ""),
        "the draft goes to the file only"
    );

    let (code, out, err) = run(canonlint().args(["pack", "check", draft_arg]));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.ends_with("3 entities, 1 work, 0 facts, 0 tests: ok\n"),
        "{out}"
    );

    let expected = [
        "CL001 Harrowgate Kepe",
        "CL001 Culen Marsh",
        "CL001 Culen Marsh",
        "CL005 14",
    ];
    assert_eq!(
        findings(draft_arg),
        expected,
        "the rare spelling and the tie's other spelling as misspellings, no corpus findings \
         left, and the figures that disagree still reported"
    );

    // The suggested fact, uncommented, loads beside the pack that defines its subject and
    // agrees with the corpus.
    let text = std::fs::read_to_string(&draft).unwrap();
    let fact = ["# [[fact]]", "# subject", "# measure", "# value"];
    let uncommented: String = text
        .lines()
        .map(|l| match fact.iter().any(|f| l.starts_with(f)) {
            true => format!("{}\n", &l[2..]),
            false => format!("{l}\n"),
        })
        .collect();
    assert!(uncommented.contains("\n[[fact]]\nsubject = \"siege-of-harrowgate\"\n"));
    std::fs::write(&draft, uncommented).unwrap();
    assert_eq!(findings(draft_arg), expected);
}

/// "code text" of each finding of checking the corpus with its pack and `draft`.
fn findings(draft: &str) -> Vec<String> {
    let lore = format!("{CORPUS}/lore.toml");
    let (code, out, err) = run(canonlint().args([
        "check", CORPUS, "--pack", &lore, "--pack", draft, "--format", "json",
    ]));
    assert_eq!(code, 1, "misspellings of a pack name are errors: {err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {}",
                f["code"].as_str().unwrap(),
                f["text"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn output_replaces_a_file_whole_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.toml");
    std::fs::write(&draft, "old contents\n").unwrap();
    let (code, _, _) = run(canonlint().args([
        "canon",
        "suggest",
        CORPUS,
        "--name",
        "harrowgate",
        "--output",
        draft.to_str().unwrap(),
    ]));
    assert_eq!(code, 0);
    let written = std::fs::read_to_string(&draft).unwrap();
    let expected = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/suggest/expected.toml"),
    )
    .unwrap();
    assert_eq!(written, expected);
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "only the draft is left in the folder");
}

#[test]
fn an_unwritable_output_or_a_missing_input_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-folder/draft.toml");
    let (code, out, err) = run(canonlint().args([
        "canon",
        "suggest",
        CORPUS,
        "--output",
        missing.to_str().unwrap(),
    ]));
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.starts_with("error: cannot write the draft pack to ") && err.contains("draft.toml"),
        "{err}"
    );
    assert!(!missing.exists());

    let (code, _, err) = run(canonlint().args(["canon", "suggest", "tests/suggest/no-such-dir"]));
    assert_eq!(code, 2);
    assert!(err.contains("no-such-dir"), "{err}");
}

#[test]
fn standard_input_is_drafted_under_its_given_name() {
    let text = "Odo Brask rode north. The ford below Harrowgate Keep was deep.\n\n\
                Odo Brask crossed it at night and reached Harrowgate Keep by dawn.\n\n\
                He slept in the Abbey. The Abbey bells woke him, as abbey bells do.\n";
    let (code, out, err) = run(canonlint()
        .args([
            "canon",
            "suggest",
            "-",
            "--stdin-filename",
            "notes.md",
            "--name",
            "notes",
        ])
        .write_stdin(text));
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.contains("\nname = \"notes\"\n"), "{out}");
    assert!(out.contains("from 1 file."), "{out}");
    assert!(
        out.contains("# \"Odo Brask\": twice in 1 file, first at notes.md:1\n[[entity]]\nid = \"odo-brask\"\n"),
        "{out}"
    );
    assert!(out.contains("\nname = \"Harrowgate Keep\"\n"), "{out}");
    assert!(
        !out.contains("\"Abbey\""),
        "a word also written in lower case is not a name: {out}"
    );
}

#[test]
fn one_place_in_a_trusted_file_is_enough_and_its_spelling_wins() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("wiki")).unwrap();
    std::fs::create_dir_all(root.join("drafts")).unwrap();
    std::fs::write(
        root.join("canonlint.toml"),
        "packs = []\ntrusted = [\"wiki/**\"]\n",
    )
    .unwrap();
    std::fs::write(
        root.join("wiki/keep.md"),
        "Harrowgate Kepe is the true name.\n",
    )
    .unwrap();
    let draft = "Harrowgate Keep stood. We left Harrowgate Keep.\n\nHarrowgate Keep fell.\n\n\
                 Ilse Marrow sang once.\n";
    std::fs::write(root.join("drafts/one.md"), draft).unwrap();
    let (code, out, err) = run(canonlint()
        .current_dir(root)
        .args(["canon", "suggest", "."]));
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(
        out.contains("name = \"Harrowgate Kepe\"\nmisspellings = [\"Harrowgate Keep\"]\n"),
        "{out}"
    );
    assert!(out.contains("(once in trusted files)"), "{out}");
    assert!(
        !out.contains("Ilse Marrow"),
        "written once, not in a trusted file: {out}"
    );
}
