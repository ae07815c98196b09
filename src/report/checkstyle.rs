//! The Checkstyle XML report, which many CI tools and reviewdog (`-f=checkstyle`) read.
//!
//! Every checked file is a `<file>`, in path order, holding one `<error>` per finding:
//! `line` and `column` (1-based, columns in characters as in the human report), `severity`
//! (`error`, `warning` or `info`), the one-line `message`, and `source`, the check's code
//! prefixed with `canonlint.`. Files that were skipped are not listed.

use crate::engine::Outcome;
use crate::report::lines::Columns;
use crate::report::place::{self, Places};
use crate::report::xml::Xml;

/// The Checkstyle format version written.
const VERSION: &str = "4.3";

/// The report as a Checkstyle XML document, with a final newline.
pub fn render(outcome: &Outcome) -> String {
    let places = Places::new(outcome);
    let mut xml = Xml::new();
    xml.open("checkstyle", &[("version", VERSION)]);
    for input in place::inputs(outcome) {
        if input.skipped.is_some() {
            continue;
        }
        let name = places.path(input.file);
        if input.findings.is_empty() {
            xml.empty("file", &[("name", name)]);
            continue;
        }
        xml.open("file", &[("name", name)]);
        for f in input.findings {
            let (start, _) = places.range(&f.location, Columns::Chars);
            let source = format!("canonlint.{}", f.code);
            xml.empty(
                "error",
                &[
                    ("line", &start.line.to_string()),
                    ("column", &start.column.to_string()),
                    ("severity", f.severity.name()),
                    ("message", &f.message),
                    ("source", &source),
                ],
            );
        }
        xml.close("file");
    }
    xml.close("checkstyle");
    xml.finish()
}
