//! GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per
//! finding, which the runner turns into an annotation on the file and line, then the
//! summary line. Also the job summary: a Markdown table of every finding, for
//! `$GITHUB_STEP_SUMMARY`.
//!
//! GitHub keeps at most 10 annotations of each level per step (and 50 per job), so the
//! most severe findings come first; within a level, report order. Positions: 1-based
//! lines, columns in characters, `endColumn` just after the last character. The
//! annotation's title is the code and the check's name; its message is the finding's
//! message, then its related places, notes and help, one per line. Values are escaped
//! as the runner expects: `%`, `\r` and `\n` everywhere, and `:` and `,` in properties.

use crate::engine::Outcome;
use crate::finding::{Finding, Severity};
use crate::report::human::summary;
use crate::report::lines::Columns;
use crate::report::place::Places;

/// The workflow command of a severity.
pub fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Escapes a command's message.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// The findings, most severe first, in report order within a severity.
fn by_severity(outcome: &Outcome) -> Vec<&Finding> {
    let mut findings: Vec<&Finding> = outcome.findings.iter().collect();
    findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
    findings
}

fn annotation(places: &Places, f: &Finding) -> String {
    let (start, end) = places.range(&f.location, Columns::Chars);
    let mut message = f.message.clone();
    for line in places.details(f) {
        message.push('\n');
        message.push_str(&line);
    }
    format!(
        "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
        command(f.severity),
        escape_property(places.path(f.location.file)),
        start.line,
        start.column,
        end.line,
        end.column,
        escape_property(&format!("{} {}", f.code, f.check)),
        escape_data(&message)
    )
}

/// The workflow commands, then a line per skipped file and the summary line.
pub fn render(outcome: &Outcome) -> String {
    let places = Places::new(outcome);
    let mut out: String = by_severity(outcome)
        .into_iter()
        .map(|f| annotation(&places, f))
        .collect();
    for s in &outcome.skipped {
        out.push_str(&format!(
            "note: skipped {}: {}\n",
            places.relative(&s.path),
            s.reason
        ));
    }
    out.push_str(&summary(outcome));
    out.push('\n');
    out
}

/// A Markdown table cell: `|` escaped, line breaks as spaces.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
        .replace("\r\n", " ")
        .replace(['\n', '\r'], " ")
}

/// The job summary: a heading, a table of every finding (most severe first, like the
/// annotations), and the summary line.
pub fn step_summary(outcome: &Outcome) -> String {
    let places = Places::new(outcome);
    let mut out = String::from("### canonlint\n\n");
    let findings = by_severity(outcome);
    if !findings.is_empty() {
        out.push_str("| severity | code | place | message |\n|---|---|---|---|\n");
        for f in findings {
            let (start, _) = places.range(&f.location, Columns::Chars);
            let place = format!(
                "{}:{}:{}",
                places.path(f.location.file),
                start.line,
                start.column
            );
            out.push_str(&format!(
                "| {} | {} {} | {} | {} |\n",
                f.severity,
                f.code,
                f.check,
                cell(&place),
                cell(&f.message)
            ));
        }
        out.push('\n');
    }
    out.push_str(&summary(outcome));
    out.push_str("\n\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_runner() {
        assert_eq!(
            escape_data("50% done\r\nnext: a,b"),
            "50%25 done%0D%0Anext: a,b"
        );
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }

    #[test]
    fn cells_keep_their_pipes_and_lines() {
        assert_eq!(cell("a | b\nc"), "a \\| b c");
    }
}
