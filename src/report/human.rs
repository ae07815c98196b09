//! The human report: rustc-style diagnostics with codespan-reporting, then a summary.
//!
//! ```text
//! error[CL003]: canon gives more than 92,000 deaths for the attack on Mars, not `20,000`
//!   ┌─ draft.md:3:27
//!   │
//! 3 │ The attack on Mars killed 20,000 people.
//!   │                           ^^^^^^ `20,000` deaths claimed here
//!   │
//!   ┌─ rules/star-trek.toml:148:1
//!   │
//! 148 │ [[fact]]
//!   │ -------- canon: more than 92,000 deaths
//!   │
//!   = note: source: Star Trek: Picard, season 1
//! ```

use std::io;
use std::sync::Arc;

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor::WriteColor};

use crate::engine::Outcome;
use crate::finding::{Finding, Severity};

/// Writes every finding and the summary.
pub fn write(outcome: &Outcome, out: &mut dyn WriteColor) -> io::Result<()> {
    let mut files: SimpleFiles<&str, Arc<str>> = SimpleFiles::new();
    for f in &outcome.files {
        files.add(
            f.path.as_str(),
            f.text.clone().unwrap_or_else(|| Arc::from("")),
        );
    }
    let config = term::Config::default();
    for finding in &outcome.findings {
        let diagnostic = diagnostic(finding);
        term::emit_to_write_style(out, &config, &files, &diagnostic).map_err(io::Error::other)?;
    }
    for s in &outcome.skipped {
        writeln!(out, "note: skipped {}: {}", s.path, s.reason)?;
    }
    writeln!(out, "{}", summary(outcome))
}

fn diagnostic(finding: &Finding) -> Diagnostic<usize> {
    let severity = match finding.severity {
        Severity::Error => codespan_reporting::diagnostic::Severity::Error,
        Severity::Warning => codespan_reporting::diagnostic::Severity::Warning,
        Severity::Info => codespan_reporting::diagnostic::Severity::Note,
    };
    let mut labels = vec![
        Label::primary(finding.location.file, finding.location.span.clone())
            .with_message(&finding.label),
    ];
    for r in &finding.related {
        labels.push(
            Label::secondary(r.location.file, r.location.span.clone()).with_message(&r.message),
        );
    }
    let mut notes: Vec<String> = finding.notes.iter().map(|n| format!("note: {n}")).collect();
    if let Some(help) = &finding.help {
        notes.push(format!("help: {help}"));
    }
    Diagnostic::new(severity)
        .with_code(finding.code)
        .with_message(&finding.message)
        .with_labels(labels)
        .with_notes(notes)
}

/// "canonlint: 2 errors, 1 warning in 12 files" or "canonlint: no findings in 12 files".
pub fn summary(outcome: &Outcome) -> String {
    let count = |s: Severity| outcome.findings.iter().filter(|f| f.severity == s).count();
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut parts = Vec::new();
    for (s, one, many) in [
        (Severity::Error, "error", "errors"),
        (Severity::Warning, "warning", "warnings"),
        (Severity::Info, "info", "infos"),
    ] {
        let n = count(s);
        if n > 0 {
            parts.push(plural(n, one, many));
        }
    }
    let found = if parts.is_empty() {
        "no findings".to_string()
    } else {
        parts.join(", ")
    };
    let mut line = format!(
        "canonlint: {found} in {}",
        plural(outcome.checked, "file", "files")
    );
    if !outcome.skipped.is_empty() {
        line.push_str(&format!(" ({} skipped)", outcome.skipped.len()));
    }
    line
}
