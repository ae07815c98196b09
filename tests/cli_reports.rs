//! Reports on the command line: several `--format`s in one run, `--output`, one report at
//! most on standard output, unwritable paths, the GitHub job summary, and columns in
//! each format's unit.

// Tests fail loudly on a broken set-up; unwrapping is the point.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use assert_cmd::Command;

const CASE: &str = "fixtures/name-variant/known-misspelling";

fn canonlint() -> Command {
    let mut cmd = Command::cargo_bin("canonlint").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd.env_remove("NO_COLOR");
    cmd.env_remove("GITHUB_STEP_SUMMARY");
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

/// What `--format FORMAT` prints for `path` on its own.
fn alone(format: &str, path: &str) -> String {
    run(canonlint().args(["check", path, "--format", format])).1
}

fn arg(path: &Path) -> String {
    path.to_str().unwrap().to_string()
}

#[test]
fn several_reports_in_one_run_go_where_they_are_told() {
    let dir = tempfile::tempdir().unwrap();
    let sarif = dir.path().join("out.sarif");
    let junit = dir.path().join("junit.xml");
    let (code, out, err) = run(canonlint().args([
        "check",
        CASE,
        "--format",
        "human",
        "--format",
        &format!("sarif:{}", arg(&sarif)),
        "--format",
        &format!("junit:{}", arg(&junit)),
    ]));
    assert_eq!(code, 1, "exit codes are unchanged: {err}");
    assert_eq!(out, alone("human", CASE));
    assert_eq!(
        std::fs::read_to_string(&sarif).unwrap(),
        alone("sarif", CASE)
    );
    assert_eq!(
        std::fs::read_to_string(&junit).unwrap(),
        alone("junit", CASE)
    );
    // Nothing but the two reports is left in the directory.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn every_report_can_go_to_a_file_and_stdout_stays_empty() {
    let dir = tempfile::tempdir().unwrap();
    let formats = [
        "json",
        "sarif",
        "github",
        "rdjsonl",
        "checkstyle",
        "junit",
        "gitlab",
    ];
    let mut cmd = canonlint();
    cmd.args(["check", CASE]);
    for f in formats {
        cmd.args(["--format", &format!("{f}:{}", arg(&dir.path().join(f)))]);
    }
    let (code, out, _) = run(&mut cmd);
    assert_eq!((code, out.as_str()), (1, ""));
    for f in formats {
        let written = std::fs::read_to_string(dir.path().join(f)).unwrap();
        assert_eq!(written, alone(f, CASE), "{f}");
    }
}

#[test]
fn output_sends_the_single_report_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.json");
    let (code, out, _) =
        run(canonlint().args(["check", CASE, "--format", "json", "--output", &arg(&file)]));
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), alone("json", CASE));
    // With no --format, the human report goes there, without colour.
    let file = dir.path().join("report.txt");
    let (code, out, _) =
        run(canonlint().args(["check", CASE, "--color", "always", "--output", &arg(&file)]));
    assert_eq!((code, out.as_str()), (1, ""));
    let human = std::fs::read_to_string(&file).unwrap();
    assert_eq!(human, alone("human", CASE));
    assert!(!human.contains('\u{1b}'));
}

#[test]
fn two_reports_on_standard_output_are_refused() {
    let (code, out, err) =
        run(canonlint().args(["check", CASE, "--format", "human", "--format", "sarif"]));
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert!(
        err.contains("2 reports would go to standard output (human, sarif)"),
        "{err}"
    );
    let (code, _, err) = run(canonlint().args([
        "check",
        CASE,
        "--format",
        "json:a.json",
        "--output",
        "b.json",
    ]));
    assert_eq!(code, 2);
    assert!(err.contains("--output"), "{err}");
    assert!(
        !Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("a.json")
            .exists()
    );
    let (code, _, err) = run(canonlint().args(["check", CASE, "--format", "yaml"]));
    assert_eq!(code, 2);
    assert!(err.contains("unknown format `yaml`"), "{err}");
}

#[test]
fn an_unwritable_output_is_named_exits_2_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-dir");
    std::fs::write(&blocker, "x").unwrap();
    let bad = blocker.join("out.sarif");
    let good = dir.path().join("out.json");
    let (code, out, err) = run(canonlint().args([
        "check",
        CASE,
        "--format",
        &format!("sarif:{}", arg(&bad)),
        "--format",
        &format!("json:{}", arg(&good)),
        "--format",
        "human",
    ]));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(&format!(
            "cannot write the sarif report to {}",
            bad.display()
        )),
        "{err}"
    );
    // The other reports are still written.
    assert_eq!(out, alone("human", CASE));
    assert_eq!(std::fs::read_to_string(&good).unwrap(), alone("json", CASE));
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 2, "no temporary file is left behind");
}

#[test]
fn the_github_job_summary_gets_a_table_of_every_finding() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.md");
    std::fs::write(&summary, "earlier step\n").unwrap();
    let paths = [
        "fixtures/cross-document/conflicting-figures",
        "fixtures/dialogue/spelling-stays-an-error",
        "fixtures/unused-suppression/stale-comments",
    ];
    let (code, out, err) = run(canonlint()
        .args(["check", "--format", "github"])
        .args(paths)
        .env("GITHUB_STEP_SUMMARY", &summary));
    assert_eq!(code, 1, "{err}");
    let annotations = out.lines().filter(|l| l.starts_with("::")).count();
    assert_eq!(annotations, 9);
    let text = std::fs::read_to_string(&summary).unwrap();
    assert!(text.starts_with("earlier step\n### canonlint\n"), "{text}");
    let rows = text.lines().filter(|l| l.starts_with("| ")).count();
    assert_eq!(
        rows,
        1 + annotations,
        "a header and a row per finding:\n{text}"
    );
    assert!(text.ends_with("canonlint: 1 error, 7 warnings, 1 info in 4 files\n\n"));
    // Other formats leave the summary alone.
    std::fs::write(&summary, "").unwrap();
    run(canonlint()
        .args(["check", CASE, "--format", "json"])
        .env("GITHUB_STEP_SUMMARY", &summary));
    assert_eq!(std::fs::read_to_string(&summary).unwrap(), "");
}

#[test]
fn an_unwritable_job_summary_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("no/such/dir/summary.md");
    let (code, out, err) = run(canonlint()
        .args(["check", CASE, "--format", "github"])
        .env("GITHUB_STEP_SUMMARY", &summary));
    assert_eq!(code, 2);
    assert_eq!(
        out,
        alone("github", CASE),
        "the annotations are still printed"
    );
    assert!(err.contains(&summary.display().to_string()), "{err}");
}

#[test]
fn columns_are_counted_in_each_formats_unit() {
    // `🖖` is one character, two UTF-16 code units and four UTF-8 bytes.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("canonlint.toml"),
        "packs = [\"star-trek\"]\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("a.md"), "🖖 Utopia Plantia.\n").unwrap();
    let check = |format: &str| {
        let mut cmd = canonlint();
        cmd.current_dir(dir.path())
            .args(["check", "a.md", "--format", format]);
        run(&mut cmd).1
    };
    let sarif: serde_json::Value = serde_json::from_str(&check("sarif")).unwrap();
    let region = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (&region["startColumn"], &region["endColumn"]),
        (&4.into(), &18.into())
    );
    assert_eq!(region["byteOffset"], 5);
    let rd: serde_json::Value = serde_json::from_str(check("rdjsonl").trim_end()).unwrap();
    assert_eq!(rd["location"]["range"]["start"]["column"], 6);
    assert_eq!(rd["location"]["range"]["end"]["column"], 20);
    assert!(check("checkstyle").contains("line=\"1\" column=\"3\""));
    assert!(check("github").contains("line=1,col=3,endLine=1,endColumn=17,"));
    let fix = &sarif["runs"][0]["results"][0]["fixes"][0]["artifactChanges"][0];
    assert_eq!(fix["artifactLocation"]["uri"], "a.md");
    assert_eq!(
        fix["replacements"][0]["insertedContent"]["text"],
        "Utopia Planitia"
    );
}

#[test]
fn paths_outside_the_directory_are_absolute_uris_in_sarif() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("canonlint.toml"),
        "packs = [\"star-trek\"]\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("my notes.md"), "Utopia Plantia.\n").unwrap();
    let (_, out, _) = run(canonlint().args([
        "check",
        &arg(&dir.path().join("my notes.md")),
        "--format",
        "sarif",
    ]));
    let sarif: serde_json::Value = serde_json::from_str(&out).unwrap();
    let artifact =
        &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    let uri = artifact["uri"].as_str().unwrap();
    assert!(
        uri.starts_with("file:///") && uri.ends_with("/my%20notes.md"),
        "{uri}"
    );
    assert!(artifact.get("uriBaseId").is_none());
    // Run from inside that directory, the same file is relative to %SRCROOT%.
    let (_, out, _) = run(canonlint().current_dir(dir.path()).args([
        "check",
        &arg(&dir.path().join("my notes.md")),
        "--format",
        "sarif",
    ]));
    let sarif: serde_json::Value = serde_json::from_str(&out).unwrap();
    let artifact =
        &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(artifact["uri"], "my%20notes.md");
    assert_eq!(artifact["uriBaseId"], "%SRCROOT%");
}

#[test]
fn unreadable_and_skipped_files_are_sarif_notifications() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bin.md"), b"a\0b").unwrap();
    std::fs::write(dir.path().join("fine.md"), "Nothing to see.\n").unwrap();
    let mut cmd = canonlint();
    cmd.current_dir(dir.path())
        .args(["check", ".", "--format", "sarif"]);
    let (code, out, _) = run(&mut cmd);
    assert_eq!(code, 0);
    let sarif: serde_json::Value = serde_json::from_str(&out).unwrap();
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], true);
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0]["level"], "note");
    assert!(
        notes[0]["message"]["text"]
            .as_str()
            .unwrap()
            .contains("binary")
    );
    assert_eq!(
        notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "bin.md"
    );
}

#[test]
fn reports_are_identical_from_run_to_run() {
    for format in [
        "sarif",
        "github",
        "rdjsonl",
        "checkstyle",
        "junit",
        "gitlab",
    ] {
        let first = alone(format, "fixtures");
        assert!(!first.is_empty(), "{format}");
        assert_eq!(first, alone(format, "fixtures"), "{format}");
    }
}

/// Decodes the runner's escapes of a workflow command property.
fn unescape_property(value: &str) -> String {
    value
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%25", "%")
}

#[test]
fn hostile_file_names_survive_every_format() {
    let name = "we<ird> & \"q\" 'a'|b,c:d%e\u{1}.md";
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("canonlint.toml"),
        "packs = [\"star-trek\"]\n",
    )
    .unwrap();
    std::fs::write(dir.path().join(name), "Utopia Plantia.\n").unwrap();
    let summary = dir.path().join("summary.md");
    let check = |format: &str| {
        let mut cmd = canonlint();
        cmd.current_dir(dir.path())
            .env("GITHUB_STEP_SUMMARY", &summary)
            .args(["check", ".", "--format", format]);
        let (code, out, err) = run(&mut cmd);
        assert_eq!(code, 1, "{format}: {err}");
        out
    };
    let visible = name.replace('\u{1}', "\\u{1}");
    for format in ["checkstyle", "junit"] {
        let xml = check(format);
        let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
        let named = doc
            .descendants()
            .filter_map(|n| n.attribute("name"))
            .any(|n| n == visible);
        assert!(named, "{format}:\n{xml}");
    }
    let github = check("github");
    let line = github.lines().next().unwrap();
    let file = line
        .strip_prefix("::error file=")
        .and_then(|rest| rest.split(',').next())
        .unwrap();
    assert!(!file.contains([':', ',', '\n']), "{line}");
    assert_eq!(unescape_property(file), name);
    let table = std::fs::read_to_string(&summary).unwrap();
    let row = table.lines().find(|l| l.starts_with("| error")).unwrap();
    let bare = row.matches('|').count() - row.matches("\\|").count();
    assert_eq!(bare, 5, "pipes in cells are escaped: {row}");
    let sarif: serde_json::Value = serde_json::from_str(&check("sarif")).unwrap();
    let uri = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"];
    assert_eq!(
        uri, "we%3Cird%3E%20&%20%22q%22%20'a'%7Cb,c%3Ad%25e%01.md",
        "percent-encoded"
    );
    let rd: serde_json::Value = serde_json::from_str(check("rdjsonl").trim_end()).unwrap();
    assert_eq!(rd["location"]["path"], name);
    let gitlab: serde_json::Value = serde_json::from_str(&check("gitlab")).unwrap();
    assert_eq!(gitlab[0]["location"]["path"], name);
}
