//! `canonlint pack test` and `canonlint pack check` as users run them: the diagnostics of
//! failing examples byte for byte, exit codes, and bad packs.
//!
//! To rewrite `tests/packs/failing-test.stdout` after changing the output on purpose, run
//! `CANONLINT_BLESS=1 cargo test --test packs` and review the diff.

// Tests fail loudly on a broken set-up; unwrapping is the point.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use assert_cmd::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn canonlint(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("canonlint").unwrap();
    cmd.current_dir(dir);
    cmd.env_remove("NO_COLOR");
    cmd
}

/// Runs canonlint in `dir`: exit code, standard output, standard error.
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = canonlint(dir).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn failing_examples_point_into_the_pack_and_exit_1() {
    let (code, out, err) = run(root(), &["pack", "test", "tests/packs/failing-test.toml"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(err, "");
    let snapshot = root().join("tests/packs/failing-test.stdout");
    if std::env::var_os("CANONLINT_BLESS").is_some() {
        std::fs::write(&snapshot, &out).unwrap();
    }
    assert_eq!(out, std::fs::read_to_string(snapshot).unwrap_or_default());
}

#[test]
fn the_bundled_packs_pass_their_examples() {
    let (code, out, err) = run(root(), &["pack", "test", "star-trek"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.starts_with("star-trek: ") && out.ends_with(" tests passed\n"),
        "{out}"
    );
}

#[test]
fn with_no_config_every_bundled_pack_is_taken() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, _) = run(dir.path(), &["pack", "check"]);
    assert_eq!(code, 0, "{out}");
    let names: Vec<&str> = out.lines().map(|l| l.split(':').next().unwrap()).collect();
    assert_eq!(names, ["core", "star-trek"]);
    let (code, out, _) = run(dir.path(), &["pack", "test"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("core: no tests\nstar-trek: "), "{out}");
}

#[test]
fn the_nearest_config_selects_the_packs_to_test() {
    let dir = tempfile::tempdir().unwrap();
    let pack = std::fs::read_to_string(root().join("tests/packs/failing-test.toml")).unwrap();
    std::fs::write(dir.path().join("mine.toml"), pack).unwrap();
    std::fs::write(
        dir.path().join("canonlint.toml"),
        "packs = [\"mine.toml\"]\n",
    )
    .unwrap();
    let sub = dir.path().join("chapters");
    std::fs::create_dir(&sub).unwrap();
    let (code, out, _) = run(&sub, &["pack", "test"]);
    assert_eq!(code, 1, "{out}");
    // A pack outside the current directory is shown by its full path.
    let pack = dir.path().join("mine.toml").canonicalize().unwrap();
    let pack = pack.to_string_lossy().replace('\\', "/");
    assert!(out.contains(&format!("{pack}:24:8")), "{out}");
    assert!(
        out.ends_with(&format!("{pack}: 3 of 4 tests failed\n")),
        "{out}"
    );
}

#[test]
fn checking_a_good_pack_counts_what_it_holds() {
    let (code, out, err) = run(root(), &["pack", "check", "star-trek"]);
    assert_eq!((code, err.as_str()), (0, ""));
    let tests = out.split(" facts, ").nth(1).unwrap();
    assert!(
        out.starts_with("star-trek: 34 entities, 3 works, 3 facts, ")
            && tests.ends_with(" tests: ok\n"),
        "{out}"
    );
    let (code, out, _) = run(root(), &["pack", "check", "tests/packs/failing-test.toml"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "tests/packs/failing-test.toml: 1 entity, 0 works, 1 fact, 4 tests: ok\n"
    );
}

#[test]
fn a_bad_pack_prints_its_problems_and_exits_2() {
    // The same diagnostics as a check that loads the pack through a config.
    for case in ["unknown-key", "pack-test-bad-values", "duplicate-id"] {
        let dir = root().join("tests/problems").join(case);
        let pack = format!("tests/problems/{case}/pack.toml");
        for command in ["check", "test"] {
            let (code, out, err) = run(root(), &["pack", command, "star-trek", &pack]);
            assert_eq!(code, 2, "{case} {command}: {out}{err}");
            let expected = std::fs::read_to_string(dir.join("expected.human")).unwrap();
            assert_eq!(err, expected, "{case} {command}");
            // The good pack is still reported.
            assert!(out.starts_with("star-trek: "), "{out}");
            assert!(out.contains(&format!("\n{pack}: ")), "{out}");
        }
    }
}

#[test]
fn an_unknown_pack_name_suggests_the_close_one() {
    let (code, out, err) = run(root(), &["pack", "check", "star-trec"]);
    assert_eq!(code, 2);
    assert_eq!(out, "star-trec: 1 problem\n");
    assert!(err.contains("did you mean `star-trek`?"), "{err}");
}

#[test]
fn a_check_ignores_the_examples_of_its_packs() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("note.md"),
        "The Siege of Harrowgate lasted a winter.\n",
    )
    .unwrap();
    let pack = root().join("tests/packs/failing-test.toml");
    let (code, out, err) = run(
        dir.path(),
        &["check", "--pack", pack.to_str().unwrap(), "note.md"],
    );
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert_eq!(out, "canonlint: no findings in 1 file\n");
}

/// The text of the README's code block that starts with `first`.
fn readme_block(first: &str) -> String {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme
        .find(first)
        .unwrap_or_else(|| panic!("README has no `{first}`"));
    let end = readme[start..].find("```").unwrap();
    readme[start..start + end].to_string()
}

#[test]
fn the_readme_examples_are_real_output() {
    let (_, out, _) = run(root(), &["pack", "check"]);
    assert_eq!(
        readme_block("$ canonlint pack check\n"),
        format!("$ canonlint pack check\n{out}")
    );
    let (_, out, _) = run(root(), &["pack", "test", "star-trek"]);
    assert_eq!(
        readme_block("$ canonlint pack test star-trek\n"),
        format!("$ canonlint pack test star-trek\n{out}")
    );
    let excerpt = readme_block("error: pack test 3 failed\n");
    let (_, out, _) = run(root(), &["pack", "test", "tests/packs/failing-test.toml"]);
    assert!(
        out.ends_with(&excerpt),
        "README:\n{excerpt}\nactual:\n{out}"
    );
}
