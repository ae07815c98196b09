//! The human report: rustc-style diagnostics with codespan-reporting, then a summary.
//!
//! ```text
//! error[CL003]: canon gives more than 92,000 deaths for the attack on Mars, not `20,000`
//!     ┌─ fixtures/fact/swapped-death-toll/chapter-3.md:3:48
//!     │
//!   3 │ Kestra was nine when the attack on Mars killed 20,000 people. Her mother's
//!     │                                                ^^^^^^ `20,000` deaths claimed here
//!     │
//!     ┌─ rules/star-trek.toml:183:13
//!     │
//! 183 │ more_than = 92000
//!     │             ----- canon: more than 92,000 deaths
//!     │
//!     = note: 20,000 is canon's figure for the starships destroyed in the attack on Mars, not the deaths
//!     = note: source: Star Trek: Picard, season 1
//! ```
//!
//! Long lines are cut to a window around the labels (`excerpt`), so a finding on a line
//! of megabytes prints a short snippet with the real line and column.

use std::io;
use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::term::{self, termcolor::WriteColor};

use crate::engine::Outcome;
use crate::finding::{FileId, Finding, Location, Severity};
use crate::report::excerpt::{Excerpt, Excerpts};
use crate::report::lines::LineIndex;
use crate::scope::Base;

/// Writes every finding and the summary.
pub fn write(outcome: &Outcome, out: &mut dyn WriteColor) -> io::Result<()> {
    let indexes = crate::report::line_indexes(outcome);
    let config = term::Config::default();
    for finding in &outcome.findings {
        let (excerpts, diagnostic) = diagnostic(outcome, &indexes, finding);
        // Render into a buffer first, so that a snippet that cannot be drawn falls back to
        // a plain line instead of cutting the report short.
        let mut buffer = term::termcolor::Buffer::no_color();
        if out.supports_color() {
            buffer = term::termcolor::Buffer::ansi();
        }
        match term::emit_to_write_style(&mut buffer, &config, &excerpts, &diagnostic) {
            Ok(()) => out.write_all(buffer.as_slice())?,
            Err(_) => {
                let path = &outcome.files[finding.location.file].path;
                writeln!(
                    out,
                    "{}[{}]: {} ({path}, bytes {:?})",
                    finding.severity, finding.code, finding.message, finding.location.span
                )?;
            }
        }
    }
    for s in &outcome.skipped {
        writeln!(out, "note: skipped {}: {}", s.path, s.reason)?;
    }
    writeln!(out, "{}", summary(outcome))
}

/// The excerpts a finding shows and its diagnostic, with labels mapped into them.
fn diagnostic(
    outcome: &Outcome,
    indexes: &[Option<LineIndex>],
    finding: &Finding,
) -> (Excerpts, Diagnostic<usize>) {
    let severity = match finding.severity {
        Severity::Error => codespan_reporting::diagnostic::Severity::Error,
        Severity::Warning => codespan_reporting::diagnostic::Severity::Warning,
        Severity::Info => codespan_reporting::diagnostic::Severity::Note,
    };
    let locations: Vec<&Location> = std::iter::once(&finding.location)
        .chain(finding.related.iter().map(|r| &r.location))
        .collect();
    // One excerpt per file, in order of first use.
    let mut order: Vec<FileId> = Vec::new();
    for l in &locations {
        if !order.contains(&l.file) {
            order.push(l.file);
        }
    }
    let empty = LineIndex::new("");
    let index_of = |file: FileId| indexes[file].as_ref().unwrap_or(&empty);
    let mut excerpts = Excerpts::default();
    for &file in &order {
        let spans: Vec<Range<usize>> = locations
            .iter()
            .filter(|l| l.file == file)
            .map(|l| l.span.clone())
            .collect();
        let text = outcome.files[file].text.as_deref().unwrap_or("");
        excerpts.files.push(Excerpt::new(
            &outcome.files[file].path,
            text,
            index_of(file),
            &spans,
        ));
    }
    let place = |location: &Location| {
        let local = order.iter().position(|f| *f == location.file).unwrap_or(0);
        let (excerpt, index) = (&excerpts.files[local], index_of(location.file));
        (
            local,
            excerpt.map(index, location.span.start)..excerpt.map(index, location.span.end),
        )
    };
    let (file, span) = place(&finding.location);
    let mut labels = vec![Label::primary(file, span).with_message(&finding.label)];
    for r in &finding.related {
        let (file, span) = place(&r.location);
        labels.push(Label::secondary(file, span).with_message(&r.message));
    }
    let mut notes: Vec<String> = finding.notes.iter().map(|n| format!("note: {n}")).collect();
    if let Some(help) = &finding.help {
        notes.push(format!("help: {help}"));
    }
    let diagnostic = Diagnostic::new(severity)
        .with_code(finding.code)
        .with_message(&finding.message)
        .with_labels(labels)
        .with_notes(notes);
    (excerpts, diagnostic)
}

/// "canonlint: 2 errors, 1 warning in 12 files" or "canonlint: no findings in 12 files",
/// then what narrowed the findings: "(1 skipped; only changed lines since HEAD~1, 3
/// findings on other lines); 4 findings in the baseline, 2 baseline entries stale".
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
    let mut asides = Vec::new();
    if !outcome.skipped.is_empty() {
        asides.push(format!("{} skipped", outcome.skipped.len()));
    }
    if let Some(changed) = &outcome.scope.changed {
        let mut aside = match &changed.base {
            Base::Revision(rev) => format!("only changed lines since {rev}"),
            Base::File(old) => format!("only lines changed from {old}"),
        };
        if changed.outside > 0 {
            let n = plural(changed.outside, "finding", "findings");
            aside.push_str(&format!(", {n} on other lines"));
        }
        asides.push(aside);
    }
    if !asides.is_empty() {
        line.push_str(&format!(" ({})", asides.join("; ")));
    }
    if let Some(b) = &outcome.scope.baseline {
        let n = plural(b.matched, "finding", "findings");
        line.push_str(&format!("; {n} in the baseline"));
        if b.stale > 0 {
            let n = plural(b.stale, "baseline entry", "baseline entries");
            line.push_str(&format!(", {n} stale"));
        }
    }
    line
}
