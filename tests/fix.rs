//! `check --fix` and `--fix --dry-run` as users run them, and the fixing property over
//! every fixture case: after `--fix`, no fixable finding is left, no byte outside a fixed
//! span has moved, and a second `--fix` changes nothing.

// Tests fail loudly on a broken set-up; unwrapping is the point.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use canonlint::engine::{self, Options};
use canonlint::fix;

fn canonlint(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("canonlint").unwrap();
    cmd.current_dir(dir);
    cmd
}

/// (exit code, stdout, stderr).
fn output(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(snapshot(&path));
        } else {
            out.insert(path.clone(), std::fs::read(&path).unwrap());
        }
    }
    out
}

/// A project in a temporary directory, checked against the bundled pack.
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

fn fixture_cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let dirs = |d: &Path| -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir())
            .collect();
        v.sort();
        v
    };
    dirs(&root).iter().flat_map(|g| dirs(g)).collect()
}

/// Checks that `new` is `old` with `edits` made and every other byte as it was.
fn only_spans_changed(path: &Path, old: &[u8], new: &[u8], edits: &[fix::Edit]) {
    let (mut at_old, mut at_new) = (0, 0);
    for edit in edits {
        let gap = edit.span.start - at_old;
        assert_eq!(
            old[at_old..edit.span.start],
            new[at_new..at_new + gap],
            "{}",
            path.display()
        );
        at_new += gap;
        let written = &new[at_new..at_new + edit.replacement.len()];
        assert_eq!(written, edit.replacement.as_bytes());
        at_new += edit.replacement.len();
        at_old = edit.span.end;
    }
    assert_eq!(old[at_old..], new[at_new..], "{}", path.display());
}

/// A fixture case copied into a temporary directory with its group (a case may use a
/// sibling's pack) and the fixtures' config (the bundled pack).
fn copy_case(case: &Path) -> (tempfile::TempDir, PathBuf) {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixtures.join("canonlint.toml"),
        dir.path().join("canonlint.toml"),
    )
    .unwrap();
    let group = case.parent().unwrap();
    let copy = dir.path().join(group.file_name().unwrap());
    copy_dir(group, &copy);
    let case = copy.join(case.file_name().unwrap());
    (dir, case)
}

#[test]
fn after_fix_no_fixable_finding_is_left_and_only_fixed_spans_changed_in_every_fixture() {
    let mut fixed_cases = 0;
    for case in fixture_cases() {
        let (_dir, copy) = copy_case(&case);
        let options = Options {
            paths: vec![copy.clone()],
            ..Options::default()
        };
        // Pass by pass on disk: each pass changes only the spans of its fixes.
        for pass in 0..=fix::MAX_PASSES {
            let outcome = engine::run(&options).unwrap();
            let plan = fix::plan(&outcome);
            assert!(plan.overlaps.is_empty(), "{}", case.display());
            if plan.files.is_empty() {
                break;
            }
            assert!(pass < fix::MAX_PASSES, "{} never settles", case.display());
            fixed_cases += usize::from(pass == 0);
            let before = snapshot(&copy);
            let applied = fix::apply(&fix::Fixes::one_pass(&outcome));
            assert!(applied.errors.is_empty(), "{:?}", applied.errors);
            assert_eq!(applied.written.len(), plan.files.len());
            let after = snapshot(&copy);
            for (path, old) in &before {
                let file = plan.files.iter().find(|f| f.disk.as_deref() == Some(path));
                let edits = file.map_or(&[][..], |f| &f.edits[..]);
                only_spans_changed(path, old, &after[path], edits);
            }
        }
        // Nothing fixable is left, and --fix again changes nothing.
        let settled = snapshot(&copy);
        let again = engine::run(&options).unwrap();
        let left: Vec<String> = again
            .findings
            .iter()
            .filter(|f| fix::fixable(f))
            .map(|f| format!("{} {}", f.code, f.message))
            .collect();
        assert!(left.is_empty(), "{}: {left:?}", case.display());
        let fixes = fix::fix_all(&again, &options).unwrap();
        assert_eq!(fixes.edit_count(), 0);
        assert!(fix::apply(&fixes).written.is_empty());
        assert_eq!(snapshot(&copy), settled, "{}", case.display());
        // --fix, which makes every pass in memory and writes once, writes the same bytes.
        let (_dir, fresh) = copy_case(&case);
        let options = Options {
            paths: vec![fresh.clone()],
            ..Options::default()
        };
        let fixes = fix::fix_all(&engine::run(&options).unwrap(), &options).unwrap();
        assert!(fix::apply(&fixes).errors.is_empty());
        let strip = |root: &Path| -> BTreeMap<PathBuf, Vec<u8>> {
            snapshot(root)
                .into_iter()
                .map(|(p, v)| (p.strip_prefix(root).unwrap().to_path_buf(), v))
                .collect()
        };
        assert_eq!(strip(&fresh), strip(&copy), "{}", case.display());
    }
    assert!(fixed_cases >= 10, "only {fixed_cases} cases had a fix");
}

const DRAFT: &[u8] = b"\xEF\xBB\xBF# Yards  \r\n\r\nShe served at Utopia Plantia and met Jean-Luc Piccard.   \r\nThe attack on Mars killed 20,000 people.\r\n\r\nIn the Short Treks episode \"Children of Men\" (S1E6), Utopia Plantia burns.";

const FIXED: &[u8] = b"\xEF\xBB\xBF# Yards  \r\n\r\nShe served at Utopia Planitia and met Jean-Luc Picard.   \r\nThe attack on Mars killed 20,000 people.\r\n\r\nIn the Short Treks episode \"Children of Mars\" (S2E6), Utopia Planitia burns.";

#[test]
fn fix_writes_the_spans_keeps_every_other_byte_and_reports_what_is_left() {
    let dir = project(&[("draft.md", DRAFT)]);
    let (code, stdout, stderr) =
        output(canonlint(dir.path()).args(["check", "--fix", "--color", "never", "draft.md"]));
    assert_eq!(
        stderr,
        "fixed draft.md:3:15: `Utopia Plantia` -> `Utopia Planitia`\n\
         fixed draft.md:3:38: `Jean-Luc Piccard` -> `Jean-Luc Picard`\n\
         fixed draft.md:6:29: `Children of Men` -> `Children of Mars`\n\
         fixed draft.md:6:54: `Utopia Plantia` -> `Utopia Planitia`\n\
         fixed draft.md:6:48: `S1E6` -> `S2E6`\n\
         canonlint: fixed 5 findings in 1 file\n"
    );
    assert_eq!(std::fs::read(dir.path().join("draft.md")).unwrap(), FIXED);
    // The report is of the fixed text: only the fact is left. The episode numbers, read
    // as the numbers of the corrected title, were fixed in a second pass.
    assert_eq!(code, 1);
    assert!(stdout.starts_with("error[CL003]"), "{stdout}");
    assert!(stdout.contains("draft.md:4:27"), "{stdout}");
    assert!(
        stdout.ends_with("canonlint: 1 error in 1 file\n"),
        "{stdout}"
    );
    // Nothing left to fix: a second run changes nothing.
    let (_, _, stderr) = output(canonlint(dir.path()).args(["check", "--fix", "draft.md"]));
    assert_eq!(stderr, "canonlint: fixed nothing\n");
    assert_eq!(std::fs::read(dir.path().join("draft.md")).unwrap(), FIXED);
}

#[test]
fn dry_run_prints_a_unified_diff_and_changes_nothing() {
    let dir = project(&[("draft.md", DRAFT)]);
    let (code, stdout, stderr) =
        output(canonlint(dir.path()).args(["check", "--fix", "--dry-run", "draft.md"]));
    assert_eq!(code, 1, "the exit code of a check");
    assert_eq!(
        stdout,
        "--- a/draft.md\n+++ b/draft.md\n@@ -1,6 +1,6 @@\n \u{feff}# Yards  \r\n \r\n\
         -She served at Utopia Plantia and met Jean-Luc Piccard.   \r\n\
         +She served at Utopia Planitia and met Jean-Luc Picard.   \r\n \
         The attack on Mars killed 20,000 people.\r\n \r\n\
         -In the Short Treks episode \"Children of Men\" (S1E6), Utopia Plantia burns.\n\
         \\ No newline at end of file\n\
         +In the Short Treks episode \"Children of Mars\" (S2E6), Utopia Planitia burns.\n\
         \\ No newline at end of file\n"
    );
    assert_eq!(
        stderr,
        "would fix draft.md:3:15: `Utopia Plantia` -> `Utopia Planitia`\n\
         would fix draft.md:3:38: `Jean-Luc Piccard` -> `Jean-Luc Picard`\n\
         would fix draft.md:6:29: `Children of Men` -> `Children of Mars`\n\
         would fix draft.md:6:54: `Utopia Plantia` -> `Utopia Planitia`\n\
         would fix draft.md:6:48: `S1E6` -> `S2E6`\n\
         canonlint: would fix 5 findings in 1 file\n"
    );
    assert_eq!(std::fs::read(dir.path().join("draft.md")).unwrap(), DRAFT);
}

#[test]
fn the_dry_run_diff_applied_with_git_gives_what_fix_writes() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    copy_dir(&fixtures, &a.join("fixtures"));
    copy_dir(&fixtures, &b.join("fixtures"));
    let (_, diff, _) = output(canonlint(&a).args(["check", "--fix", "--dry-run", "fixtures"]));
    assert!(diff.starts_with("--- a/fixtures/"), "{diff}");
    std::fs::write(dir.path().join("fixes.diff"), &diff).unwrap();
    let status = std::process::Command::new("git")
        .args(["apply", "../fixes.diff"])
        .current_dir(&a)
        .status()
        .unwrap();
    assert!(status.success());
    let (code, _, _) = output(canonlint(&b).args(["check", "--fix", "fixtures"]));
    assert_eq!(code, 1);
    let strip = |root: &Path| -> BTreeMap<PathBuf, Vec<u8>> {
        snapshot(root)
            .into_iter()
            .map(|(p, v)| (p.strip_prefix(root).unwrap().to_path_buf(), v))
            .collect()
    };
    assert_eq!(strip(&a), strip(&b));
    assert_ne!(
        strip(&a.join("fixtures")),
        strip(&fixtures),
        "the diff changed nothing"
    );
}

#[test]
fn dialogue_and_facts_are_not_fixed() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let dir = project(&[]);
    copy_dir(
        &fixtures.join("dialogue/spelling-stays-an-error"),
        &dir.path().join("reunion"),
    );
    copy_dir(
        &fixtures.join("fact/swapped-death-toll"),
        &dir.path().join("toll"),
    );
    let (_, _, stderr) = output(canonlint(dir.path()).args(["check", "--fix", "."]));
    // The name in the narration is fixed; the title a character says and the figure are not.
    assert_eq!(
        stderr,
        "fixed reunion/reunion.md:3:30: `Utopia Plantia` -> `Utopia Planitia`\n\
         canonlint: fixed 1 finding in 1 file\n"
    );
    let reunion = std::fs::read_to_string(dir.path().join("reunion/reunion.md")).unwrap();
    assert!(reunion.contains("'Children of Men'"));
    assert_eq!(
        std::fs::read(dir.path().join("toll/chapter-3.md")).unwrap(),
        std::fs::read(fixtures.join("fact/swapped-death-toll/chapter-3.md")).unwrap()
    );
}

#[test]
fn suppressed_and_disabled_findings_are_not_fixed() {
    let text = b"<!-- canonlint-disable-next-line CL001 -->\nUtopia Plantia, as printed.\n\nThe Short Treks episode \"Children of Men\" aired.\n";
    let dir = project(&[("notes.md", text)]);
    std::fs::write(
        dir.path().join("canonlint.toml"),
        "packs = [\"star-trek\"]\n[checks]\ntitle = \"off\"\n",
    )
    .unwrap();
    let (code, _, stderr) = output(canonlint(dir.path()).args(["check", "--fix", "notes.md"]));
    assert_eq!((code, stderr.as_str()), (0, "canonlint: fixed nothing\n"));
    assert_eq!(std::fs::read(dir.path().join("notes.md")).unwrap(), text);
}

#[test]
fn standard_input_is_fixed_to_stdout_with_the_report_on_stderr() {
    let dir = project(&[]);
    let (code, stdout, stderr) = output(
        canonlint(dir.path())
            .args(["check", "--fix", "--stdin-filename", "draft.md", "-"])
            .write_stdin(DRAFT),
    );
    assert_eq!(stdout.as_bytes(), FIXED);
    assert!(
        stderr.starts_with("fixed draft.md:3:15: `Utopia Plantia`"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("canonlint: 1 error in 1 file\n"),
        "{stderr}"
    );
    assert_eq!(code, 1);
    // Nothing to fix: the text comes back as it was.
    let (_, stdout, _) = output(
        canonlint(dir.path())
            .args(["check", "--fix", "-"])
            .write_stdin(FIXED),
    );
    assert_eq!(stdout.as_bytes(), FIXED);
    // Standard input beside files would mix the text with nothing to tell them apart.
    std::fs::write(dir.path().join("a.md"), DRAFT).unwrap();
    let (code, _, stderr) = output(
        canonlint(dir.path())
            .args(["check", "--fix", "-", "a.md"])
            .write_stdin(DRAFT),
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("`-` must be the only path"), "{stderr}");
    assert_eq!(std::fs::read(dir.path().join("a.md")).unwrap(), DRAFT);
}

#[test]
fn a_file_that_is_not_utf8_is_never_written() {
    let latin1 = b"Utopia Plantia, caf\xe9.\n";
    let dir = project(&[("old.txt", latin1)]);
    let (code, stdout, stderr) = output(canonlint(dir.path()).args(["check", "--fix", "old.txt"]));
    assert_eq!(code, 0);
    assert!(
        stdout.contains("skipped old.txt: not valid UTF-8"),
        "{stdout}"
    );
    assert_eq!(stderr, "canonlint: fixed nothing\n");
    assert_eq!(std::fs::read(dir.path().join("old.txt")).unwrap(), latin1);
}

#[cfg(unix)]
#[test]
fn fix_keeps_the_permissions_of_a_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = project(&[("draft.md", DRAFT)]);
    let path = dir.path().join("draft.md");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o604)).unwrap();
    let (code, _, _) = output(canonlint(dir.path()).args(["check", "--fix", "draft.md"]));
    assert_eq!(code, 1);
    assert_eq!(std::fs::read(&path).unwrap(), FIXED);
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o604);
}

#[test]
fn dry_run_without_fix_is_a_usage_error() {
    let dir = project(&[("draft.md", DRAFT)]);
    let (code, _, stderr) = output(canonlint(dir.path()).args(["check", "--dry-run", "draft.md"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("--fix"), "{stderr}");
}

/// The console block of the README that follows `$ COMMAND`.
fn readme_block(command: &str) -> String {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let (_, after) = readme.split_once(&format!("$ {command}\n")).unwrap();
    after.split_once("```").unwrap().0.to_string()
}

#[test]
fn the_readme_fixing_examples_are_real_output() {
    let dir = project(&[]);
    std::fs::create_dir(dir.path().join("chapters")).unwrap();
    std::fs::write(
        dir.path().join("chapters/two.md"),
        "# Chapter 2\n\nThe night shift at Utopia Plantia ended when Admiral Piccard called.\n\
         The Short Treks episode \"Children of Men\" (S1E6) tells the rest.\n\
         The attack on Mars killed 20,000 people.\n",
    )
    .unwrap();
    for command in [
        "canonlint check --fix --dry-run chapters",
        "canonlint check --fix chapters",
    ] {
        let args: Vec<&str> = command.split(' ').skip(1).collect();
        let (_, out, err) = output(canonlint(dir.path()).args(args).env_remove("NO_COLOR"));
        assert_eq!(format!("{err}{out}"), readme_block(command), "{command}");
    }
}

#[cfg(unix)]
#[test]
fn a_file_that_cannot_be_written_is_named_left_alone_and_exits_2() {
    use std::os::unix::fs::PermissionsExt;
    let dir = project(&[]);
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::write(locked.join("draft.md"), DRAFT).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    // Where permissions do not bind (root), there is nothing to test.
    if std::fs::write(locked.join("probe"), b"").is_ok() {
        return;
    }
    let (code, _, stderr) = output(canonlint(dir.path()).args(["check", "--fix", "locked"]));
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(code, 2);
    assert!(
        stderr.contains("error: cannot write locked/draft.md: ")
            && stderr.contains("; the file is unchanged"),
        "{stderr}"
    );
    assert!(stderr.contains("canonlint: fixed nothing"), "{stderr}");
    assert_eq!(std::fs::read(locked.join("draft.md")).unwrap(), DRAFT);
}
