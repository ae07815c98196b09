//! The JSON report, version 1: one document with the findings, the skipped files and a
//! summary. The schema is documented in README.md; fields are only ever added, and a
//! change that is not an addition raises `version`.

use serde::Serialize;

use crate::engine::Outcome;
use crate::finding::{Finding, Location, Severity};
use crate::report::lines::LineIndex;

/// The schema version of this report.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    tool: Tool,
    findings: Vec<JsonFinding<'a>>,
    skipped: Vec<JsonSkipped<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Span<'a> {
    path: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    byte_start: usize,
    byte_end: usize,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    code: &'a str,
    check: &'a str,
    severity: Severity,
    message: &'a str,
    #[serde(flatten)]
    span: Span<'a>,
    text: &'a str,
    fix: Option<JsonFix<'a>>,
    related: Vec<JsonRelated<'a>>,
    notes: &'a [String],
    help: Option<&'a str>,
    subject: Option<&'a str>,
    dialogue: bool,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    replacement: &'a str,
    byte_start: usize,
    byte_end: usize,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    #[serde(flatten)]
    span: Span<'a>,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonSkipped<'a> {
    path: &'a str,
    reason: &'a str,
}

#[derive(Serialize)]
struct Summary {
    files_checked: usize,
    files_skipped: usize,
    findings: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    /// Only with `--baseline`.
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<crate::baseline::Counts>,
    /// Only in the changed-lines mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    changed_lines: Option<crate::scope::ChangedScope>,
}

fn span<'a>(outcome: &'a Outcome, indexes: &[Option<LineIndex>], location: &Location) -> Span<'a> {
    let file = &outcome.files[location.file];
    let empty = LineIndex::new("");
    let index = indexes[location.file].as_ref().unwrap_or(&empty);
    let start = index.position(location.span.start);
    let end = index.position(location.span.end);
    Span {
        path: &file.path,
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        byte_start: location.span.start,
        byte_end: location.span.end,
    }
}

fn finding<'a>(
    outcome: &'a Outcome,
    indexes: &[Option<LineIndex>],
    f: &'a Finding,
) -> JsonFinding<'a> {
    let text = outcome.files[f.location.file]
        .text
        .as_deref()
        .and_then(|t| t.get(f.location.span.clone()))
        .unwrap_or("");
    JsonFinding {
        code: f.code,
        check: f.check,
        severity: f.severity,
        message: &f.message,
        span: span(outcome, indexes, &f.location),
        text,
        fix: f.fix.as_ref().map(|x| JsonFix {
            replacement: &x.replacement,
            byte_start: x.span.start,
            byte_end: x.span.end,
        }),
        related: f
            .related
            .iter()
            .map(|r| JsonRelated {
                span: span(outcome, indexes, &r.location),
                message: &r.message,
            })
            .collect(),
        notes: &f.notes,
        help: f.help.as_deref(),
        subject: f.subject.as_deref(),
        dialogue: f.dialogue,
    }
}

/// The report as pretty-printed JSON, with a final newline.
pub fn render(outcome: &Outcome) -> String {
    let count = |s: Severity| outcome.findings.iter().filter(|f| f.severity == s).count();
    let indexes = crate::report::line_indexes(outcome);
    let report = Report {
        version: VERSION,
        tool: Tool {
            name: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
        },
        findings: outcome
            .findings
            .iter()
            .map(|f| finding(outcome, &indexes, f))
            .collect(),
        skipped: outcome
            .skipped
            .iter()
            .map(|s| JsonSkipped {
                path: &s.path,
                reason: &s.reason,
            })
            .collect(),
        summary: Summary {
            files_checked: outcome.checked,
            files_skipped: outcome.skipped.len(),
            findings: outcome.findings.len(),
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
            baseline: outcome.scope.baseline,
            changed_lines: outcome.scope.changed.clone(),
        },
    };
    let mut out =
        serde_json::to_string_pretty(&report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}
