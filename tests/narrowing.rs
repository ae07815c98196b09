//! Baselines and the changed-lines mode as users run them: real git repositories and
//! files in temporary directories, canonlint run in them, output compared byte for byte.

// Tests fail loudly on a broken set-up; unwrapping is the point.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use assert_cmd::Command;

/// A project in a temporary directory that uses the bundled star-trek pack.
struct Project {
    dir: tempfile::TempDir,
}

impl Project {
    fn new() -> Project {
        let project = Project {
            dir: tempfile::tempdir().unwrap(),
        };
        project.write("canonlint.toml", "packs = [\"star-trek\"]\n");
        project
    }

    /// The same, as a git repository with everything written so far committed.
    fn repo(files: &[(&str, &str)]) -> Project {
        let project = Project::new();
        for (name, text) in files {
            project.write(name, text);
        }
        project.git(&["init", "-q"]);
        project.git(&["config", "user.name", "Test"]);
        project.git(&["config", "user.email", "test@example.com"]);
        project.commit("first");
        project
    }

    fn path(&self) -> PathBuf {
        self.dir.path().to_path_buf()
    }

    fn write(&self, name: &str, text: &str) {
        let path = self.dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(name)).unwrap()
    }

    fn git(&self, args: &[&str]) {
        let out = Process::new("git")
            .arg("-C")
            .arg(self.dir.path())
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "git {args:?}: {out:?}");
    }

    fn commit(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["-c", "commit.gpgsign=false", "commit", "-q", "-m", message]);
    }

    /// Runs `canonlint check ARGS` in `dir` (relative to the project): exit code, stdout,
    /// stderr.
    fn check_in(&self, dir: &str, args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
        let mut cmd = Command::cargo_bin("canonlint").unwrap();
        cmd.current_dir(self.dir.path().join(dir))
            .env_remove("NO_COLOR")
            .args(["check", "--color", "never"])
            .args(args);
        if let Some(text) = stdin {
            cmd.write_stdin(text);
        }
        let out = cmd.output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    }

    fn check(&self, args: &[&str]) -> (i32, String, String) {
        self.check_in(".", args, None)
    }
}

/// The last line of a human report.
fn summary(out: &str) -> &str {
    out.trim_end().rsplit('\n').next().unwrap()
}

/// The `┌─ path:line:column` places of a human report's findings and labels.
fn places(out: &str) -> Vec<&str> {
    out.lines()
        .filter_map(|l| l.trim_start().strip_prefix("┌─ "))
        .filter(|p| !p.starts_with("rules/"))
        .collect()
}

const SHIPYARD: &str = "# Shipyards\n\nThe yards at Utopia Plantia built the fleet.\n";

#[test]
fn only_findings_on_lines_changed_since_a_revision_are_reported() {
    let p = Project::repo(&[("one.md", SHIPYARD), ("two.md", "Quiet.\n")]);
    p.write(
        "one.md",
        &format!("{SHIPYARD}\nA second crew flew to Utopia Plantia.\n"),
    );
    p.commit("second");
    p.write("two.md", "Quiet.\n\nThen Utopia Plantia again.\n");
    let (code, out, err) = p.check(&["--diff-base", "HEAD"]);
    assert_eq!(code, 1, "{out}{err}");
    assert_eq!(places(&out), ["two.md:3:6"]);
    assert_eq!(
        summary(&out),
        "canonlint: 1 error in 2 files (only changed lines since HEAD, 2 findings on other lines)"
    );
    let (_, out, _) = p.check(&["--diff-base", "HEAD~1"]);
    assert_eq!(places(&out), ["one.md:5:23", "two.md:3:6"]);
    // With nothing changed on a finding's line, the run is clean.
    p.write("two.md", "Quiet, and more quiet.\n");
    let (code, out, _) = p.check(&["--diff-base", "HEAD"]);
    assert_eq!(
        (code, out.as_str()),
        (
            0,
            "canonlint: no findings in 2 files (only changed lines since HEAD, 2 findings on other lines)\n"
        )
    );
}

#[test]
fn a_cross_document_pair_counts_when_only_the_earlier_side_changed() {
    let p = Project::repo(&[
        (
            "one.md",
            "In the attack on Mars, 300 people were injured.\n\nBy the official count, 93,000 people died in the attack on Mars.\n",
        ),
        (
            "two.md",
            "The attack on Mars injured 300 people in all.\n\nKestra's sister remembered it differently: 150,000 died in the attack on Mars.\n",
        ),
    ]);
    let old = p.read("one.md");
    p.write("one.md", &old.replacen("300", "3,000", 1));
    let (code, out, err) = p.check(&["--diff-base", "HEAD"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "\
warning[CL005]: conflicting injured for the attack on Mars: `300` here, `3,000` earlier
  ┌─ two.md:1:28
  │
1 │ The attack on Mars injured 300 people in all.
  │                            ^^^ `300` here
  │
  ┌─ one.md:1:24
  │
1 │ In the attack on Mars, 3,000 people were injured.
  │                        ----- `3,000` stated here first
  │
  = note: the two cannot both be true; correct one, or say why they differ

canonlint: 1 warning in 2 files (only changed lines since HEAD, 1 finding on other lines)
"
    );
}

#[test]
fn untracked_files_count_as_changed_throughout_and_paths_match_from_any_directory() {
    let p = Project::repo(&[("wiki/old.md", SHIPYARD)]);
    p.write(
        "wiki/new page.md",
        "Nothing yet.\n\nUtopia Plantia, again.\n",
    );
    p.write(".gitignore", "wiki/ignored.md\n");
    p.write("wiki/ignored.md", "Utopia Plantia.\n");
    // From the top, a subdirectory, and outside the repository.
    let (_, out, _) = p.check(&["--diff-base", "HEAD"]);
    assert_eq!(places(&out), ["wiki/new page.md:3:1"]);
    let (_, out, _) = p.check_in("wiki", &["--diff-base", "HEAD"], None);
    assert_eq!(places(&out), ["new page.md:3:1"]);
    let outside = p.path();
    let name = outside.file_name().unwrap().to_str().unwrap().to_string();
    let mut cmd = Command::cargo_bin("canonlint").unwrap();
    let out = cmd
        .current_dir(outside.parent().unwrap())
        .args(["check", "--color", "never", "--diff-base", "HEAD"])
        .arg(Path::new(&name).join("wiki"))
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    assert_eq!(places(&out), [format!("{name}/wiki/new page.md:3:1")]);
}

#[test]
fn git_that_cannot_say_what_changed_stops_the_run_with_its_words() {
    let p = Project::repo(&[("one.md", SHIPYARD)]);
    let (code, out, err) = p.check(&["--diff-base", "no-such-rev"]);
    assert_eq!((code, out.as_str()), (2, ""));
    let top = p.path().canonicalize().unwrap();
    assert_eq!(
        err,
        format!(
            "error: --diff-base: cannot list the changes since `no-such-rev` in {}\n \
             = note: git says: fatal: bad revision 'no-such-rev'\n\n",
            top.display()
        )
    );
    let (code, _, err) = p.check_in(".", &["--diff-base", "HEAD", "-"], Some("x"));
    assert_eq!(code, 2);
    assert!(err.contains("standard input is not one"), "{err}");
    // Git missing from the PATH.
    let mut cmd = Command::cargo_bin("canonlint").unwrap();
    let out = cmd
        .current_dir(p.path())
        .env("PATH", "")
        .args(["check", "--diff-base", "HEAD"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("error: --diff-base: cannot run git"), "{err}");
    // Not a repository (unless the temporary directory is inside one).
    let plain = Project::new();
    plain.write("one.md", SHIPYARD);
    let (code, _, err) = plain.check(&["--diff-base", "HEAD"]);
    if !err.contains("not a git repository") {
        eprintln!("skipped: the temporary directory is inside a git repository");
        return;
    }
    assert_eq!(code, 2);
    assert!(
        err.contains("--diff-base needs a git repository, and "),
        "{err}"
    );
}

#[test]
fn a_baseline_hides_recorded_findings_and_counts_stale_ones() {
    let p = Project::new();
    p.write(
        "one.md",
        &format!("{SHIPYARD}\nLater, Utopia Plantia again.\n"),
    );
    p.write("two.md", "Utopia Plantia.\n");
    let (code, out, err) = p.check(&["--write-baseline", "canonlint-baseline.json"]);
    assert_eq!((code, out.as_str()), (0, ""));
    assert_eq!(
        err,
        "canonlint: recorded 3 findings in canonlint-baseline.json\n"
    );
    let recorded = p.read("canonlint-baseline.json");
    assert!(
        recorded.starts_with("{\n  \"version\": 1,\n  \"tool\": {"),
        "{recorded}"
    );
    let json: serde_json::Value = serde_json::from_str(&recorded).unwrap();
    let entry = &json["findings"][0];
    assert_eq!(entry["path"], "one.md");
    assert_eq!(entry["code"], "CL001");
    assert_eq!(entry["text"], "Utopia Plantia");
    assert_eq!(entry["fingerprint"].as_str().unwrap().len(), 16);

    let with_baseline = ["--baseline", "canonlint-baseline.json"];
    let (code, out, _) = p.check(&with_baseline);
    assert_eq!(
        (code, out.as_str()),
        (
            0,
            "canonlint: no findings in 2 files; 3 findings in the baseline\n"
        )
    );
    // Lines added above move the findings; they stay matched.
    p.write(
        "one.md",
        &format!("A new first line.\n\n{}", p.read("one.md")),
    );
    let (code, out, _) = p.check(&with_baseline);
    assert_eq!(code, 0, "{out}");
    // A new misspelling is reported, alone.
    p.write(
        "two.md",
        "Utopia Plantia.\n\nAnd the Utopia Plantia Fleet Yards.\n",
    );
    let (code, out, _) = p.check(&with_baseline);
    assert_eq!(code, 1);
    assert_eq!(places(&out), ["two.md:3:9"]);
    assert_eq!(
        summary(&out),
        "canonlint: 1 error in 2 files; 3 findings in the baseline"
    );
    // A corrected one leaves its entry stale.
    p.write("two.md", "Utopia Planitia.\n");
    let (code, out, _) = p.check(&with_baseline);
    assert_eq!(
        (code, out.as_str()),
        (
            0,
            "canonlint: no findings in 2 files; 2 findings in the baseline, 1 baseline entry stale\n"
        )
    );
    let (_, out, _) = p.check(&["--baseline", "canonlint-baseline.json", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        json["summary"]["baseline"],
        serde_json::json!({"matched": 2, "stale": 1})
    );
    assert!(json["summary"].get("changed_lines").is_none());
}

#[test]
fn a_baseline_and_changed_lines_combine() {
    let p = Project::repo(&[("one.md", SHIPYARD)]);
    p.check(&["--write-baseline", "baseline.json"]);
    p.write("one.md", &format!("{SHIPYARD}\nUtopia Plantia at dawn.\n"));
    p.write("two.md", "Utopia Plantia at dusk.\n");
    p.commit("second");
    p.write(
        "two.md",
        "Utopia Plantia at dusk.\n\nUtopia Plantia at night.\n",
    );
    let args = ["--baseline", "baseline.json", "--diff-base", "HEAD"];
    let (code, out, _) = p.check(&args);
    assert_eq!(code, 1);
    assert_eq!(places(&out), ["two.md:3:1"]);
    assert_eq!(
        summary(&out),
        "canonlint: 1 error in 2 files (only changed lines since HEAD, 2 findings on other lines); \
         1 finding in the baseline"
    );
    let mut args = args.to_vec();
    args.extend(["--format", "json"]);
    let (_, out, _) = p.check(&args);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        json["summary"]["changed_lines"],
        serde_json::json!({"since": "HEAD", "outside": 2})
    );
}

#[test]
fn bad_baselines_stop_the_run_naming_the_file_and_cause() {
    let p = Project::new();
    p.write("one.md", SHIPYARD);
    p.write("broken.json", "{\"version\": 1,");
    p.write("future.json", "{\"version\": 2, \"findings\": []}");
    p.write("other.json", "{\"version\": 1, \"entries\": []}");
    for (file, expected) in [
        (
            "missing.json",
            "error: cannot read the baseline missing.json: No such file or directory (os error 2)\n\n",
        ),
        (
            "broken.json",
            "error: bad baseline broken.json: not valid JSON: EOF while parsing a value at line 1 column 14\n\n",
        ),
        (
            "future.json",
            "error: bad baseline future.json: version 2 is not one this canonlint reads (version 1); write it again with --write-baseline\n\n",
        ),
        (
            "other.json",
            "error: bad baseline other.json: not a canonlint baseline: missing field `findings`\n\n",
        ),
    ] {
        let (code, out, err) = p.check(&["--baseline", file]);
        assert_eq!((code, out.as_str(), err.as_str()), (2, "", expected));
    }
    let (code, _, err) = p.check(&["--write-baseline", "no/such/dir/b.json"]);
    assert_eq!(
        (code, err.as_str()),
        (
            2,
            "error: cannot write the baseline no/such/dir/b.json: its directory does not exist\n\n"
        )
    );
    // A file that cannot be read would leave its findings out: nothing is written.
    std::os::unix::fs::symlink(p.path().join("gone.md"), p.path().join("dangling.md")).unwrap();
    let (code, _, err) = p.check(&["--write-baseline", "b.json", "one.md", "dangling.md"]);
    assert_eq!(code, 2);
    assert!(
        err.ends_with("error: baseline b.json not written: a file could not be read\n\n"),
        "{err}"
    );
    assert!(!p.path().join("b.json").exists());
    // Writing and reading a baseline at once is a usage error.
    let (code, _, _) = p.check(&["--write-baseline", "b.json", "--baseline", "b.json"]);
    assert_eq!(code, 2);
}

#[test]
fn diff_file_compares_standard_input_with_the_saved_page() {
    let p = Project::new();
    let saved = "The yards at Utopia Plantia.\n\nThe attack on Mars injured 300 people.\n";
    p.write("saved.wiki", saved);
    let new = format!("{saved}\nIn all, the attack on Mars injured 3,000 people.\n");
    let args = [
        "--diff-file",
        "saved.wiki",
        "--stdin-filename",
        "Page.wiki",
        "-",
    ];
    let (code, out, err) = p.check_in(".", &args, Some(&new));
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "\
warning[CL005]: conflicting injured for the attack on Mars: `3,000` here, `300` earlier
  ┌─ Page.wiki:5:36
  │
3 │ The attack on Mars injured 300 people.
  │                            --- `300` stated here first
4 │ 
5 │ In all, the attack on Mars injured 3,000 people.
  │                                    ^^^^^ `3,000` here
  │
  = note: the two cannot both be true; correct one, or say why they differ

canonlint: 1 warning in 1 file (only lines changed from saved.wiki, 1 finding on other lines)
"
    );
    // The saved page again: nothing changed, nothing reported.
    let (code, out, _) = p.check_in(".", &args, Some(saved));
    assert_eq!(
        (code, out.as_str()),
        (
            0,
            "canonlint: no findings in 1 file (only lines changed from saved.wiki, 1 finding on other lines)\n"
        )
    );
}

#[test]
fn diff_file_needs_one_checked_file_and_a_readable_older_copy() {
    let p = Project::new();
    p.write("one.md", SHIPYARD);
    p.write("two.md", SHIPYARD);
    let (code, _, err) = p.check(&["--diff-file", "one.md"]);
    assert_eq!(
        (code, err.as_str()),
        (
            2,
            "error: --diff-file compares one checked file with its older copy one.md, but 2 files were checked\n\n"
        )
    );
    let (code, _, err) = p.check(&["--diff-file", "gone.md", "one.md"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: cannot read the older copy gone.md: "),
        "{err}"
    );
    // A file compared with itself has no changed line.
    let (code, out, _) = p.check(&["--diff-file", "one.md", "one.md"]);
    assert_eq!(code, 0);
    assert!(out.contains("(only lines changed from one.md, 1 finding on other lines)"));
    let (code, _, _) = p.check(&["--diff-file", "one.md", "--diff-base", "HEAD", "one.md"]);
    assert_eq!(code, 2);
}
