//! Safe autofix (`canonlint check --fix`): which findings are fixed, and the new text.
//!
//! A finding is fixed only when it carries a fix (exactly one right answer), its check is
//! marked `fixable` in the registry (`name-variant`, `title`: spellings, never figures,
//! ranks or credits), and it is not inside dialogue, where a character may be wrong on
//! purpose. Findings that were suppressed, turned off or filtered out are not in the
//! outcome, so they are never fixed. Two fixes whose spans overlap in one file are both
//! left out, and the plan says so: neither is the one right answer any more.
//!
//! Planning reads nothing from disk: every edit is a span of the text the engine checked
//! (the outcome's `files[..].text`), and the new text is that text with the spans
//! replaced, every other byte (line endings, a byte-order mark, trailing spaces, a
//! missing final newline) as it was. `passes` plans, fixes and checks again in memory
//! until nothing fixable is left; `write` puts the result on disk, `diff` shows it, and
//! `run` does either for the command line.

pub mod diff;
mod passes;
pub mod run;
mod write;

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use crate::checks;
use crate::engine::Outcome;
use crate::finding::{FileId, Finding, Fix};
use crate::report::lines::{LineIndex, Position};

pub use passes::{FixedFile, Fixes, MAX_PASSES, fix_all};
pub use write::{Applied, apply};

/// One replacement to make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The code of the finding it fixes.
    pub code: &'static str,
    /// The bytes to replace, in the text the engine checked.
    pub span: Range<usize>,
    /// What to write instead.
    pub replacement: String,
    /// Where the span starts, for messages.
    pub position: Position,
}

/// The edits of one file.
#[derive(Debug, Clone)]
pub struct FileFix {
    /// The file's id in the outcome.
    pub file: FileId,
    /// The path shown to users.
    pub path: String,
    /// The path to write; `None` for standard input, which is never written.
    pub disk: Option<PathBuf>,
    /// The text the engine checked.
    pub original: Arc<str>,
    /// Edits in order, none overlapping another.
    pub edits: Vec<Edit>,
}

/// Fixes left out because their spans overlap.
#[derive(Debug, Clone)]
pub struct Overlap {
    /// The path shown to users.
    pub path: String,
    /// The overlapping edits, in order.
    pub edits: Vec<Edit>,
}

/// Everything `--fix` would change.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// Files with at least one edit, in report order.
    pub files: Vec<FileFix>,
    /// Fixes not applied because they overlap.
    pub overlaps: Vec<Overlap>,
}

/// Whether `--fix` applies a finding's fix: it has one, its check is fixable, and it is
/// not inside dialogue.
pub fn fixable(finding: &Finding) -> bool {
    finding.fix.is_some()
        && !finding.dialogue
        && checks::find(finding.check).is_some_and(|c| c.fixable)
}

/// The edits the outcome's fixable findings make, file by file.
pub fn plan(outcome: &Outcome) -> Plan {
    let mut plan = Plan::default();
    let mut by_file: BTreeMap<FileId, Vec<(&'static str, &Fix)>> = BTreeMap::new();
    for f in outcome.findings.iter().filter(|f| fixable(f)) {
        if let Some(fix) = &f.fix {
            by_file
                .entry(f.location.file)
                .or_default()
                .push((f.code, fix));
        }
    }
    for (file, mut raw) in by_file {
        let source = &outcome.files[file];
        let Some(text) = source.text.clone() else {
            continue;
        };
        // A fix outside the text or that changes nothing is no edit.
        raw.retain(|(_, fix)| {
            text.get(fix.span.clone())
                .is_some_and(|old| old != fix.replacement)
        });
        let key = |fix: &Fix| (fix.span.start, fix.span.end, fix.replacement.clone());
        raw.sort_by_key(|(_, fix)| key(fix));
        // The same fix given twice is one edit.
        raw.dedup_by(|a, b| a.1 == b.1);
        let index = LineIndex::new(&text);
        let edits: Vec<Edit> = raw
            .into_iter()
            .map(|(code, fix)| Edit {
                code,
                position: index.position(fix.span.start),
                span: fix.span.clone(),
                replacement: fix.replacement.clone(),
            })
            .collect();
        let (kept, overlapping) = separate(edits);
        plan.overlaps
            .extend(overlapping.into_iter().map(|edits| Overlap {
                path: source.path.clone(),
                edits,
            }));
        if !kept.is_empty() {
            plan.files.push(FileFix {
                file,
                path: source.path.clone(),
                disk: source.disk.clone(),
                original: text,
                edits: kept,
            });
        }
    }
    plan
}

/// Splits sorted edits into those that overlap no other and the groups that overlap.
fn separate(edits: Vec<Edit>) -> (Vec<Edit>, Vec<Vec<Edit>>) {
    let mut kept = Vec::new();
    let mut overlapping = Vec::new();
    let mut group: Vec<Edit> = Vec::new();
    let mut end = 0;
    for edit in edits {
        let joins = group
            .last()
            .is_some_and(|last| edit.span.start < end || edit.span.start == last.span.start);
        if !joins {
            flush(&mut group, &mut kept, &mut overlapping);
        }
        end = if joins {
            end.max(edit.span.end)
        } else {
            edit.span.end
        };
        group.push(edit);
    }
    flush(&mut group, &mut kept, &mut overlapping);
    (kept, overlapping)
}

fn flush(group: &mut Vec<Edit>, kept: &mut Vec<Edit>, overlapping: &mut Vec<Vec<Edit>>) {
    match group.len() {
        0 => {}
        1 => kept.append(group),
        _ => overlapping.push(std::mem::take(group)),
    }
}

impl Plan {
    /// How many edits the plan makes.
    pub fn edit_count(&self) -> usize {
        self.files.iter().map(|f| f.edits.len()).sum()
    }

    /// One line per group of overlapping fixes left out.
    pub fn overlap_messages(&self) -> Vec<String> {
        self.overlaps
            .iter()
            .map(|o| {
                let at: Vec<String> = o
                    .edits
                    .iter()
                    .map(|e| {
                        format!(
                            "{}:{}:{} ({} -> `{}`)",
                            o.path,
                            e.position.line,
                            e.position.column,
                            e.code,
                            shown(&e.replacement)
                        )
                    })
                    .collect();
                format!("not fixed: overlapping fixes at {}", at.join(", "))
            })
            .collect()
    }
}

impl FileFix {
    /// The text with every edit made; every other byte as it was.
    pub fn fixed(&self) -> String {
        let mut out = String::with_capacity(self.original.len());
        let mut at = 0;
        for e in &self.edits {
            out.push_str(&self.original[at..e.span.start]);
            out.push_str(&e.replacement);
            at = e.span.end;
        }
        out.push_str(&self.original[at..]);
        out
    }

    /// One line per edit: "path:3:12: `Utopia Plantia` -> `Utopia Planitia`".
    pub fn describe(&self) -> Vec<String> {
        self.edits
            .iter()
            .map(|e| {
                format!(
                    "{}:{}:{}: `{}` -> `{}`",
                    self.path,
                    e.position.line,
                    e.position.column,
                    shown(&self.original[e.span.clone()]),
                    shown(&e.replacement)
                )
            })
            .collect()
    }
}

/// Text for a one-line message: whitespace runs (a line break of wrapped prose) as one
/// space.
fn shown(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;
