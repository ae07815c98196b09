//! Reports: how an `Outcome` is shown. `human` is rustc-style diagnostics through
//! codespan-reporting; `json` is the versioned machine-readable reference. Reporters are
//! the only code that formats for output; the library never prints.

pub mod claims;
pub mod excerpt;
pub mod human;
pub mod json;
pub mod lines;

use crate::engine::Outcome;
use lines::LineIndex;

/// A line index for every file of an outcome that has text (built once per report).
pub fn line_indexes(outcome: &Outcome) -> Vec<Option<LineIndex<'_>>> {
    outcome
        .files
        .iter()
        .map(|f| f.text.as_deref().map(LineIndex::new))
        .collect()
}
