//! `check --fix` and `check --fix --dry-run` for the command line, from the first check
//! to what is left to report.
//!
//! Both fix in memory until nothing fixable is left (`fix_all`) and say on `err` what
//! changes (`fixed PATH:LINE:COL: `old` -> `new``, positions in the text of the pass that
//! made the change). `--dry-run` then writes the unified diff to `out` and changes
//! nothing. `--fix` writes the files and gives back the check of the texts as they now
//! are, so that the report lists only what is left, at positions of the new text.
//! Standard input is never written: with `--fix`, its text (fixed, or as it came when
//! nothing was fixed) goes to `out`, and the caller sends the report to standard error.

use std::io::{self, Write};

use codespan_reporting::term::termcolor::WriteColor;

use super::{Fixes, apply, diff, fix_all};
use crate::engine::{self, Options, Outcome};

/// What is left after `--fix`.
#[derive(Debug)]
pub struct After {
    /// The check of the texts as they now are; `None` when the run cannot go on (the
    /// error is printed).
    pub outcome: Option<Outcome>,
    /// Something went wrong and was printed (a file not written): the run exits 2.
    pub failed: bool,
}

/// Prints the diff of what `--fix` would change on `out` and a line per fix on `err`.
/// Returns whether something went wrong (and was printed).
pub fn dry_run(
    outcome: &Outcome,
    options: &Options,
    out: &mut dyn Write,
    err: &mut dyn WriteColor,
) -> bool {
    let Some(fixes) = fixes(outcome, options, err) else {
        return true;
    };
    let mut lines = fixes.files.iter().flat_map(|f| &f.edits);
    let said = lines
        .try_for_each(|line| writeln!(err, "would fix {line}"))
        .and_then(|()| writeln!(err, "canonlint: {}", summary(&fixes, "would fix")));
    let written = said.and_then(|()| out.write_all(diff::unified(&fixes).as_bytes()));
    failed_to_write(written, err)
}

/// Applies the fixes of `outcome`, prints what changed on `err` (and standard input's
/// text on `out`), and returns what is left.
pub fn fix(
    outcome: Outcome,
    options: &Options,
    out: &mut dyn Write,
    err: &mut dyn WriteColor,
) -> After {
    let Some(mut fixes) = fixes(&outcome, options, err) else {
        return After {
            outcome: None,
            failed: true,
        };
    };
    let applied = apply(&fixes);
    // What was not written is not fixed: only written files (and standard input) count.
    let stdin = fixes.files.iter().position(|f| f.disk.is_none());
    let done: Vec<usize> = applied.written.iter().copied().chain(stdin).collect();
    let mut said = Ok(());
    for i in &done {
        for line in &fixes.files[*i].edits {
            said = said.and_then(|()| writeln!(err, "fixed {line}"));
        }
    }
    let mut options = options.clone();
    if let Some(bytes) = &options.stdin_bytes {
        let text = stdin.map_or_else(
            || bytes.clone(),
            |i| fixes.files[i].fixed.clone().into_bytes(),
        );
        said = said.and_then(|()| out.write_all(&text));
        options.stdin_bytes = Some(text);
    }
    for e in &applied.errors {
        said = said.and_then(|()| writeln!(err, "error: {e}"));
    }
    let left = fixes.outcome.take();
    fixes.files = done.iter().map(|i| fixes.files[*i].clone()).collect();
    said = said.and_then(|()| writeln!(err, "canonlint: {}", summary(&fixes, "fixed")));
    let failed = failed_to_write(said, err) || !applied.errors.is_empty();
    let outcome = match left {
        // The last pass checked exactly the texts now written.
        Some(left) if applied.errors.is_empty() => Some(left),
        None if applied.errors.is_empty() => Some(outcome),
        // Some files are as they were (or as someone else left them): check the disk.
        _ => match engine::run(&options) {
            Ok(o) => Some(o),
            Err(problems) => {
                problems.iter().for_each(|p| p.render_to(err));
                None
            }
        },
    };
    After { outcome, failed }
}

/// Every pass of fixing, or `None` when a check could not start (printed on `err`).
fn fixes(outcome: &Outcome, options: &Options, err: &mut dyn WriteColor) -> Option<Fixes> {
    match fix_all(outcome, options) {
        Ok(fixes) => {
            for m in &fixes.overlaps {
                let _ = writeln!(err, "warning: {m}");
            }
            Some(fixes)
        }
        Err(problems) => {
            problems.iter().for_each(|p| p.render_to(err));
            None
        }
    }
}

/// Says so on `err` when output could not be written, except to a reader that stopped
/// early (`| head`). Returns whether it failed.
fn failed_to_write(written: io::Result<()>, err: &mut dyn WriteColor) -> bool {
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            let _ = writeln!(err, "error: cannot write what --fix changes: {e}");
            true
        }
        _ => false,
    }
}

/// "fixed 3 findings in 2 files", "fixed nothing".
fn summary(fixes: &Fixes, verb: &str) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match fixes.edit_count() {
        0 => format!("{verb} nothing"),
        n => format!(
            "{verb} {} in {}",
            plural(n, "finding"),
            plural(fixes.files.len(), "file")
        ),
    }
}
