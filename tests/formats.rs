//! Every machine-readable report, for every fixture case: each is checked as its reader
//! would read it (SARIF and rdjsonl against their schemas in `../shared/schemas/`,
//! skipped with a note when that folder is absent; XML parsed strictly; the GitLab
//! array's fingerprints unique; GitHub's workflow commands well formed), and agrees
//! with the JSON report on what was found and where. Byte-for-byte snapshots of
//! representative cases are in `tests/reports/` (see `reports_match_their_snapshots`).

// Tests fail loudly on a broken set-up; unwrapping is the point.
#![allow(clippy::unwrap_used, clippy::print_stderr)]

mod common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use canonlint::engine::Outcome;
use canonlint::report::{self, Format};
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn render(format: Format, outcome: &Outcome) -> String {
    String::from_utf8(report::render(format, outcome)).unwrap()
}

/// A validator for a schema of `../shared/schemas/`, or `None` (with a note) when the
/// folder is not there.
fn validator(name: &str) -> Option<jsonschema::Validator> {
    let path = root().join("../shared/schemas").join(name);
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!(
            "note: {} is absent; schema validation skipped",
            path.display()
        );
        return None;
    };
    let schema: Value = serde_json::from_str(&text).unwrap();
    Some(
        jsonschema::options()
            .should_validate_formats(true)
            .build(&schema)
            .unwrap(),
    )
}

fn assert_valid(validator: &Option<jsonschema::Validator>, value: &Value, what: &str) {
    if let Some(v) = validator {
        let errors: Vec<String> = v
            .iter_errors(value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{what}:\n{}", errors.join("\n"));
    }
}

/// The cases that produce a report (those whose set-up loads).
fn outcomes() -> Vec<(PathBuf, Outcome)> {
    std::env::set_current_dir(root()).unwrap();
    let cases: Vec<(PathBuf, Outcome)> = common::cases()
        .into_iter()
        .filter_map(|c| common::run(&c).map(|o| (c, o)))
        .collect();
    assert!(cases.len() >= 30, "expected the fixture cases");
    cases
}

fn json_findings(outcome: &Outcome) -> Vec<Value> {
    let json: Value = serde_json::from_str(&report::json::render(outcome)).unwrap();
    json["findings"].as_array().unwrap().clone()
}

#[test]
fn sarif_is_schema_valid_with_one_result_per_finding() {
    let schema = validator("sarif-2.1.0.json");
    for (case, outcome) in outcomes() {
        let what = case.display().to_string();
        let sarif: Value = serde_json::from_str(&render(Format::Sarif, &outcome)).unwrap();
        assert_valid(&schema, &sarif, &what);
        let run = &sarif["runs"][0];
        assert_eq!(run["columnKind"], "utf16CodeUnits");
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        assert_eq!(rules.len(), canonlint::checks::CHECKS.len());
        let results = run["results"].as_array().unwrap();
        let findings = json_findings(&outcome);
        assert_eq!(results.len(), findings.len(), "{what}");
        for (r, f) in results.iter().zip(&findings) {
            assert_eq!(r["ruleId"], f["code"], "{what}");
            let index = r["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[index]["id"], f["code"], "{what}");
            let place = &r["locations"][0]["physicalLocation"];
            assert_eq!(place["artifactLocation"]["uri"], f["path"], "{what}");
            assert_eq!(place["region"]["startLine"], f["line"], "{what}");
            assert_eq!(place["region"]["byteOffset"], f["byte_start"], "{what}");
            let related = r["relatedLocations"].as_array().map_or(0, Vec::len);
            assert_eq!(related, f["related"].as_array().unwrap().len(), "{what}");
            assert_eq!(r["fixes"].is_array(), !f["fix"].is_null(), "{what}");
            let fingerprint = r["partialFingerprints"]["canonlint/v1"].as_str().unwrap();
            assert_eq!(fingerprint.len(), 16, "{what}");
        }
    }
}

#[test]
fn rdjsonl_has_one_valid_object_per_line_and_finding() {
    let schema = validator("rdjsonl.json");
    for (case, outcome) in outcomes() {
        let what = case.display().to_string();
        let text = render(Format::Rdjsonl, &outcome);
        let findings = json_findings(&outcome);
        assert_eq!(text.lines().count(), findings.len(), "{what}");
        assert!(text.is_empty() || text.ends_with('\n'), "{what}");
        for (line, f) in text.lines().zip(&findings) {
            let d: Value = serde_json::from_str(line).unwrap();
            assert_valid(&schema, &d, &what);
            assert_eq!(d["code"]["value"], f["code"], "{what}");
            assert_eq!(d["location"]["path"], f["path"], "{what}");
            let start = &d["location"]["range"]["start"];
            assert_eq!(start["line"], f["line"], "{what}");
            assert!(start["column"].as_u64().unwrap() >= f["column"].as_u64().unwrap());
            let severity = f["severity"].as_str().unwrap().to_uppercase();
            assert_eq!(d["severity"], Value::String(severity), "{what}");
            assert_eq!(d["suggestions"].is_array(), !f["fix"].is_null(), "{what}");
        }
    }
}

#[test]
fn checkstyle_is_well_formed_with_one_error_per_finding() {
    for (case, outcome) in outcomes() {
        let what = case.display().to_string();
        let text = render(Format::Checkstyle, &outcome);
        let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{what}: {e}"));
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "checkstyle");
        let files = root.children().filter(|n| n.has_tag_name("file")).count();
        assert_eq!(files, outcome.checked, "{what}");
        let errors: Vec<_> = root
            .descendants()
            .filter(|n| n.has_tag_name("error"))
            .collect();
        assert_eq!(errors.len(), outcome.findings.len(), "{what}");
        for (e, f) in errors.iter().zip(&outcome.findings) {
            assert_eq!(e.attribute("message"), Some(f.message.as_str()), "{what}");
            let source = format!("canonlint.{}", f.code);
            assert_eq!(e.attribute("source"), Some(source.as_str()), "{what}");
        }
    }
}

#[test]
fn junit_is_well_formed_with_one_test_case_per_file() {
    for (case, outcome) in outcomes() {
        let what = case.display().to_string();
        let text = render(Format::Junit, &outcome);
        let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{what}: {e}"));
        let suites: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("testsuite"))
            .collect();
        assert_eq!(suites.len(), 1, "{what}");
        let cases: Vec<_> = suites[0]
            .children()
            .filter(|n| n.has_tag_name("testcase"))
            .collect();
        assert_eq!(cases.len(), outcome.inputs, "{what}");
        let failing: HashSet<usize> = outcome
            .findings
            .iter()
            .filter(|f| f.severity > canonlint::finding::Severity::Info)
            .map(|f| f.location.file)
            .collect();
        let failures = doc
            .descendants()
            .filter(|n| n.has_tag_name("failure"))
            .count();
        assert_eq!(failures, failing.len(), "{what}");
        assert_eq!(
            suites[0].attribute("failures"),
            Some(failures.to_string().as_str())
        );
        // Every finding is listed once, in a failure or in system-out.
        let listed: usize = doc
            .descendants()
            .filter(|n| n.has_tag_name("failure") || n.has_tag_name("system-out"))
            .map(|n| {
                n.text()
                    .unwrap_or("")
                    .lines()
                    .filter(|l| !l.starts_with(' '))
                    .count()
            })
            .sum();
        assert_eq!(listed, outcome.findings.len(), "{what}");
    }
}

#[test]
fn gitlab_issues_have_unique_fingerprints() {
    for (case, outcome) in outcomes() {
        let what = case.display().to_string();
        let issues: Value = serde_json::from_str(&render(Format::Gitlab, &outcome)).unwrap();
        let issues = issues.as_array().unwrap();
        assert_eq!(issues.len(), outcome.findings.len(), "{what}");
        let fingerprints: HashSet<&str> = issues
            .iter()
            .map(|i| i["fingerprint"].as_str().unwrap())
            .collect();
        assert_eq!(fingerprints.len(), issues.len(), "{what}");
        for i in issues {
            assert!(["major", "minor", "info"].contains(&i["severity"].as_str().unwrap()));
            assert!(i["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
            assert!(i["description"].as_str().is_some_and(|d| !d.is_empty()));
            assert!(i["check_name"].as_str().unwrap().starts_with("CL"));
        }
    }
}

/// The parts of a workflow command line: (command, properties, message).
fn command(line: &str) -> (&str, Vec<(&str, &str)>, &str) {
    let rest = line.strip_prefix("::").unwrap();
    let (head, message) = rest.split_once("::").unwrap();
    let (name, properties) = head.split_once(' ').unwrap();
    let properties = properties
        .split(',')
        .map(|p| p.split_once('=').unwrap())
        .collect();
    (name, properties, message)
}

#[test]
fn github_commands_are_well_formed_and_most_severe_first() {
    for (case, outcome) in outcomes() {
        let what = case.display().to_string();
        let text = render(Format::Github, &outcome);
        let commands: Vec<&str> = text.lines().filter(|l| l.starts_with("::")).collect();
        assert_eq!(commands.len(), outcome.findings.len(), "{what}");
        assert!(text.ends_with(&format!("{}\n", report::human::summary(&outcome))));
        let rank = |c: &str| ["error", "warning", "notice"].iter().position(|n| *n == c);
        let mut last = 0;
        for line in commands {
            let (name, properties, message) = command(line);
            let r = rank(name).unwrap_or_else(|| panic!("{what}: {line}"));
            assert!(r >= last, "{what}: severities out of order");
            last = r;
            let keys: Vec<&str> = properties.iter().map(|(k, _)| *k).collect();
            assert_eq!(
                keys,
                ["file", "line", "col", "endLine", "endColumn", "title"],
                "{what}"
            );
            for (key, value) in &properties[1..5] {
                assert!(
                    value.parse::<usize>().is_ok_and(|n| n >= 1),
                    "{key}={value}"
                );
            }
            assert!(properties[5].1.starts_with("CL"), "{what}: {line}");
            assert!(!message.is_empty() && !message.contains(['\r', '\n']));
        }
    }
}

/// The snapshot files of one case, and what each holds.
fn snapshots(outcome: &Outcome) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = [
        (Format::Sarif, "expected.sarif"),
        (Format::Github, "expected.github"),
        (Format::Rdjsonl, "expected.rdjsonl"),
        (Format::Checkstyle, "expected.checkstyle.xml"),
        (Format::Junit, "expected.junit.xml"),
        (Format::Gitlab, "expected.gitlab.json"),
    ]
    .into_iter()
    .map(|(format, file)| (file, render(format, outcome)))
    .collect();
    out.push(("expected.summary.md", report::github::step_summary(outcome)));
    out
}

/// `tests/reports/<group>/<case>/` holds the reports of `fixtures/<group>/<case>/`, byte
/// for byte. To add a case, make its folder; to rewrite the files after a deliberate
/// change, run `CANONLINT_BLESS=1 cargo test --test formats` and review the diff.
#[test]
fn reports_match_their_snapshots() {
    std::env::set_current_dir(root()).unwrap();
    let bless = std::env::var_os("CANONLINT_BLESS").is_some();
    let dirs: Vec<PathBuf> = common::subdirs(&root().join("tests/reports"))
        .iter()
        .flat_map(|g| common::subdirs(g))
        .collect();
    assert!(dirs.len() >= 2, "expected snapshot cases in tests/reports");
    let mut failures = Vec::new();
    for dir in dirs {
        let relative = dir.strip_prefix(root().join("tests/reports")).unwrap();
        let outcome = common::run(&root().join("fixtures").join(relative)).unwrap();
        for (file, actual) in snapshots(&outcome) {
            let path = dir.join(file);
            let expected = std::fs::read_to_string(&path).unwrap_or_default();
            if expected == actual {
                continue;
            }
            if bless {
                std::fs::write(&path, &actual).unwrap();
            } else {
                failures.push(format!(
                    "{}\n--- expected\n{expected}\n--- actual\n{actual}",
                    path.display()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The schema checks above can fail: a level SARIF does not have, or a severity
/// reviewdog does not know, is rejected.
#[test]
fn the_schemas_reject_a_broken_report() {
    let (Some(sarif), Some(rdjsonl)) = (validator("sarif-2.1.0.json"), validator("rdjsonl.json"))
    else {
        return;
    };
    std::env::set_current_dir(root()).unwrap();
    let case = root().join("fixtures/name-variant/known-misspelling");
    let outcome = common::run(&case).unwrap();
    let mut log: Value = serde_json::from_str(&render(Format::Sarif, &outcome)).unwrap();
    assert!(sarif.is_valid(&log));
    log["runs"][0]["results"][0]["level"] = Value::from("fatal");
    assert!(!sarif.is_valid(&log));
    let text = render(Format::Rdjsonl, &outcome);
    let mut line: Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert!(rdjsonl.is_valid(&line));
    line["severity"] = Value::from("FATAL");
    assert!(!rdjsonl.is_valid(&line));
}

/// docs/integrations.md quotes real output of `fixtures/name-variant/known-misspelling`.
#[test]
fn the_integration_docs_quote_real_output() {
    std::env::set_current_dir(root()).unwrap();
    let docs = std::fs::read_to_string(root().join("docs/integrations.md")).unwrap();
    let case = root().join("fixtures/name-variant/known-misspelling");
    let outcome = common::run(&case).unwrap();
    let first_line = |format| render(format, &outcome).lines().next().unwrap().to_string();
    for format in [Format::Github, Format::Rdjsonl] {
        assert!(docs.contains(&first_line(format)), "{format}");
    }
    let checkstyle = render(Format::Checkstyle, &outcome);
    let error = checkstyle.lines().find(|l| l.contains("<error")).unwrap();
    assert!(docs.contains(error));
    let gitlab = render(Format::Gitlab, &outcome);
    let first_issue = &gitlab[..gitlab.find("  },").unwrap()];
    assert!(docs.contains(first_issue), "{first_issue}");
    for format in Format::ALL {
        assert!(
            docs.contains(&format!("`{format}`")),
            "{format} is documented"
        );
    }
}
