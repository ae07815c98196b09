//! The JUnit XML report, for CI services that show test results (GitLab's
//! `artifacts:reports:junit`, Jenkins, Azure Pipelines).
//!
//! One `<testsuite>` (inside a `<testsuites>` root) with one `<testcase>` per input file,
//! in path order, named by its path. A file with a finding at warning or error fails: its
//! test case has ONE `<failure>` (many readers show only the first of several), whose
//! `message` counts the findings by severity, whose `type` lists their codes, and whose
//! text lists every finding of the file, one block each, as `path:line:column:
//! severity[code]: message` followed by its related places, notes and help. A file with
//! only infos passes, its findings in `<system-out>`; a skipped file's test case is
//! `<skipped>` with the reason. No times are written, so the report is deterministic.

use std::collections::BTreeSet;

use crate::engine::Outcome;
use crate::finding::{Finding, Severity};
use crate::report::lines::Columns;
use crate::report::place::{self, Places};
use crate::report::xml::Xml;

/// Counts by severity, most severe first: "2 errors, 1 info".
fn counts(findings: &[&Finding]) -> String {
    let mut parts = Vec::new();
    for (s, one, many) in [
        (Severity::Error, "error", "errors"),
        (Severity::Warning, "warning", "warnings"),
        (Severity::Info, "info", "infos"),
    ] {
        let n = findings.iter().filter(|f| f.severity == s).count();
        if n > 0 {
            parts.push(format!("{n} {}", if n == 1 { one } else { many }));
        }
    }
    parts.join(", ")
}

/// One finding as a block of text.
fn block(places: &Places, f: &Finding) -> String {
    let (start, _) = places.range(&f.location, Columns::Chars);
    let mut out = format!(
        "{}:{}:{}: {}[{}]: {}\n",
        places.path(f.location.file),
        start.line,
        start.column,
        f.severity,
        f.code,
        f.message
    );
    for line in places.details(f) {
        out.push_str("    ");
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The report as a JUnit XML document, with a final newline.
pub fn render(outcome: &Outcome) -> String {
    let places = Places::new(outcome);
    let inputs = place::inputs(outcome);
    let fails = |findings: &[&Finding]| findings.iter().any(|f| f.severity > Severity::Info);
    let tests = inputs.len().to_string();
    let failures = inputs
        .iter()
        .filter(|i| fails(&i.findings))
        .count()
        .to_string();
    let skipped = inputs
        .iter()
        .filter(|i| i.skipped.is_some())
        .count()
        .to_string();
    let totals = [
        ("name", "canonlint"),
        ("tests", tests.as_str()),
        ("failures", failures.as_str()),
        ("errors", "0"),
        ("skipped", skipped.as_str()),
    ];
    let mut xml = Xml::new();
    xml.open("testsuites", &totals);
    xml.open("testsuite", &totals);
    for input in &inputs {
        let path = places.path(input.file);
        let case = [("name", path), ("classname", "canonlint"), ("file", path)];
        if let Some(reason) = input.skipped {
            xml.open("testcase", &case);
            xml.empty("skipped", &[("message", reason)]);
            xml.close("testcase");
            continue;
        }
        if input.findings.is_empty() {
            xml.empty("testcase", &case);
            continue;
        }
        let text: String = input.findings.iter().map(|f| block(&places, f)).collect();
        xml.open("testcase", &case);
        if fails(&input.findings) {
            let codes: BTreeSet<&str> = input.findings.iter().map(|f| f.code).collect();
            let codes: Vec<&str> = codes.into_iter().collect();
            let message = counts(&input.findings);
            xml.text_element(
                "failure",
                &[("message", &message), ("type", &codes.join(" "))],
                &text,
            );
        } else {
            xml.text_element("system-out", &[], &text);
        }
        xml.close("testcase");
    }
    xml.close("testsuite");
    xml.close("testsuites");
    xml.finish()
}
