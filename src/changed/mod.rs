//! The changed-lines mode: report only findings on lines that were added or changed, so
//! that a check of an edit (a pull request, a wiki page saved again) is about the edit.
//!
//! The engine always runs over the whole corpus, so cross-document checks still see every
//! file; this filter applies afterwards. What changed comes from `git` (`--diff-base REV`:
//! `git diff` against the working tree, and untracked files whole) or from `file`
//! (`--diff-file OLD`: one checked file against its older copy). A finding counts when
//! its own span, or a span it relates to in another checked file, touches a changed line:
//! a contradiction is news when either side of it is.

pub mod file;
pub mod git;
pub mod hunks;

use std::collections::HashMap;
use std::ops::Range;

use crate::engine::Outcome;
use crate::finding::{FileId, Location};

/// What changed in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lines {
    /// All of it (a file new since the base).
    Whole,
    /// These lines: 1-based, end exclusive, in order.
    Ranges(Vec<Range<usize>>),
}

impl Lines {
    /// Whether any of `lines` (1-based, end exclusive) changed.
    pub fn touch(&self, lines: Range<usize>) -> bool {
        match self {
            Lines::Whole => true,
            Lines::Ranges(ranges) => ranges
                .iter()
                .any(|r| r.start < lines.end && lines.start < r.end),
        }
    }
}

/// The changed lines of the run's checked files, by file id; a file not listed did not
/// change.
pub type Changes = HashMap<FileId, Lines>;

/// Keeps the findings of `outcome` that touch a changed line; returns how many it dropped.
pub fn keep_changed(outcome: &mut Outcome, changes: &Changes) -> usize {
    let checked = outcome.checked_files();
    let mut breaks: HashMap<FileId, Vec<usize>> = HashMap::new();
    let mut touches = |location: &Location| {
        let Some(lines) = changes.get(&location.file) else {
            return false;
        };
        // A finding whose text is unknown cannot be placed: shown rather than lost.
        let Some(text) = outcome.files[location.file].text.as_deref() else {
            return true;
        };
        let breaks = breaks
            .entry(location.file)
            .or_insert_with(|| text.match_indices('\n').map(|(i, _)| i).collect());
        lines.touch(line_span(breaks, &location.span))
    };
    let before = outcome.findings.len();
    let findings = std::mem::take(&mut outcome.findings);
    let kept: Vec<_> = findings
        .into_iter()
        .filter(|f| {
            touches(&f.location)
                || f.related
                    .iter()
                    .filter(|r| checked.contains(&r.location.file))
                    .any(|r| touches(&r.location))
        })
        .collect();
    outcome.findings = kept;
    before - outcome.findings.len()
}

/// The lines (1-based, end exclusive) a byte span covers, given the offsets of the
/// text's `\n`s. Lines are counted as git counts them.
fn line_span(breaks: &[usize], span: &Range<usize>) -> Range<usize> {
    let line = |offset: usize| breaks.partition_point(|b| *b < offset) + 1;
    let last = span.end.saturating_sub(1).max(span.start);
    line(span.start)..line(last) + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::SourceFile;
    use crate::finding::Finding;
    use std::sync::Arc;

    #[test]
    fn spans_map_to_the_lines_git_counts() {
        let breaks = [3, 7];
        assert_eq!(line_span(&breaks, &(0..2)), 1..2);
        assert_eq!(line_span(&breaks, &(4..6)), 2..3);
        // A span ending just after a line break does not reach the next line.
        assert_eq!(line_span(&breaks, &(2..8)), 1..3);
        assert_eq!(line_span(&breaks, &(8..9)), 3..4);
    }

    #[test]
    fn ranges_touch_only_when_they_overlap() {
        let lines = Lines::Ranges(vec![2..3, 5..7]);
        assert!(lines.touch(2..3) && lines.touch(1..3) && lines.touch(6..9));
        assert!(!lines.touch(1..2) && !lines.touch(3..5) && !lines.touch(7..8));
        assert!(Lines::Whole.touch(100..101));
    }

    fn outcome() -> Outcome {
        let check = crate::checks::find("cross-document").expect("the check exists");
        let at = |file, span| Location { file, span };
        let files = ["a.md", "b.md", "rules/pack.toml"].map(|path| SourceFile {
            path: path.into(),
            text: Some(Arc::from("one\ntwo\nthree\n")),
            deny: None,
            disk: None,
        });
        Outcome {
            files: files.to_vec(),
            findings: vec![
                // On line 1 of a.md, related to line 3 of b.md.
                Finding::new(check, at(0, 0..3), "x".into(), "l".into()).related(at(1, 8..13), "r"),
                // On line 2 of a.md, related to line 1 of the pack.
                Finding::new(check, at(0, 4..7), "y".into(), "l".into()).related(at(2, 0..3), "r"),
            ],
            inputs: 2,
            checked: 2,
            skipped: Vec::new(),
            problems: Vec::new(),
            scope: Default::default(),
        }
    }

    #[test]
    fn a_finding_counts_when_its_line_or_a_related_checked_line_changed() {
        let run = |changes: Changes| {
            let mut o = outcome();
            let dropped = keep_changed(&mut o, &changes);
            let kept: Vec<String> = o.findings.iter().map(|f| f.message.clone()).collect();
            (kept, dropped)
        };
        assert_eq!(run(Changes::new()), (vec![], 2));
        let only = |file, lines: Range<usize>| Changes::from([(file, Lines::Ranges(vec![lines]))]);
        assert_eq!(run(only(0, 2..3)), (vec!["y".into()], 1));
        assert_eq!(run(only(1, 3..4)), (vec!["x".into()], 1));
        assert_eq!(run(only(1, 1..3)), (vec![], 2));
        // A pack is not a checked file: its changes do not count.
        assert_eq!(run(Changes::from([(2, Lines::Whole)])), (vec![], 2));
        assert_eq!(run(Changes::from([(0, Lines::Whole)])).1, 0);
    }
}
