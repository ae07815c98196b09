//! The GitLab Code Quality report (`artifacts:reports:codequality`): a JSON array with
//! one issue per finding, in report order.
//!
//! `fingerprint` is `canonlint::fingerprint`, unique per finding and stable when lines
//! move, which is how GitLab tells new issues from fixed ones between two pipelines.
//! Severities map error → `major`, warning → `minor`, info → `info`: a contradiction of
//! canon is a real defect of the text, but not a security or availability problem, for
//! which GitLab keeps `critical` and `blocker`.

use serde::Serialize;

use crate::engine::Outcome;
use crate::finding::{Finding, Severity};
use crate::report::lines::Columns;
use crate::report::place::Places;

#[derive(Serialize)]
struct Issue<'a> {
    description: &'a str,
    check_name: &'static str,
    fingerprint: &'a str,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

/// The Code Quality severity of a finding's severity.
pub fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

fn issue<'a>(places: &'a Places, f: &'a Finding, fingerprint: &'a str) -> Issue<'a> {
    let (start, end) = places.range(&f.location, Columns::Chars);
    Issue {
        description: &f.message,
        check_name: f.code,
        fingerprint,
        severity: severity(f.severity),
        location: Location {
            path: places.path(f.location.file),
            lines: Lines {
                begin: start.line,
                end: end.line,
            },
        },
    }
}

/// The report as a pretty-printed JSON array, with a final newline.
pub fn render(outcome: &Outcome) -> String {
    let places = Places::new(outcome);
    let fingerprints = crate::fingerprint::fingerprints(outcome);
    let issues: Vec<Issue> = outcome
        .findings
        .iter()
        .zip(&fingerprints)
        .map(|(f, fp)| issue(&places, f, fp))
        .collect();
    let mut out =
        serde_json::to_string_pretty(&issues).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}
