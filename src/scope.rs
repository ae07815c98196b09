//! Narrowing what a run reports, after the engine checked everything: findings recorded
//! in a baseline are left out (`baseline`), and in the changed-lines mode so are findings
//! on lines that did not change (`changed`). The two combine: a baseline first, on every
//! finding (its counts are about the whole run), then the changed lines.
//!
//! `Narrowing::prepare` reads the baseline, the older copy or git's diff before the run,
//! so that a typo in a revision fails at once rather than after a long check; `apply`
//! then filters the outcome and records in `Outcome::scope` what the summary says.

use std::path::PathBuf;

use serde::Serialize;

use crate::baseline::{self, Baseline};
use crate::changed::{self, Lines, file::OldCopy};
use crate::engine::Outcome;
use crate::problem::Problem;

/// What narrowed the findings of an outcome, for the summary. Empty when nothing did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    /// The counts of `--baseline`, if given.
    pub baseline: Option<baseline::Counts>,
    /// The changed-lines mode, if on.
    pub changed: Option<ChangedScope>,
}

/// The changed-lines mode of a run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChangedScope {
    /// What lines changed relative to.
    #[serde(flatten)]
    pub base: Base,
    /// Findings left out because they touch no changed line.
    pub outside: usize,
}

/// What a changed-lines run compares with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Base {
    /// A git revision (`--diff-base`).
    #[serde(rename = "since")]
    Revision(String),
    /// An older copy of the checked file (`--diff-file`).
    #[serde(rename = "compared_with")]
    File(String),
}

/// What the command line asked for.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// `--baseline FILE`.
    pub baseline: Option<PathBuf>,
    /// `--diff-base REV`.
    pub diff_base: Option<String>,
    /// `--diff-file OLD`.
    pub diff_file: Option<PathBuf>,
}

/// Everything read before the run that narrowing needs.
#[derive(Debug, Default)]
pub struct Narrowing {
    baseline: Option<Baseline>,
    changed: Option<Changed>,
}

#[derive(Debug)]
enum Changed {
    Git {
        rev: String,
        lines: std::collections::HashMap<PathBuf, Lines>,
    },
    File(OldCopy),
}

impl Narrowing {
    /// Reads what `request` names, for the checked `paths`: a problem (exit 2) if the
    /// baseline or older copy cannot be read, or git cannot say what changed.
    pub fn prepare(request: &Request, paths: &[PathBuf]) -> Result<Narrowing, Problem> {
        let baseline = match &request.baseline {
            Some(path) => Some(baseline::load(path)?),
            None => None,
        };
        let changed = if let Some(rev) = &request.diff_base {
            if paths.iter().any(|p| p.as_os_str() == "-") {
                return Err(Problem::plain(
                    "--diff-base compares files in git; standard input is not one",
                )
                .help("use --diff-file OLD to compare standard input with an older copy"));
            }
            let lines = changed::git::diff(paths, rev)?;
            Some(Changed::Git {
                rev: rev.clone(),
                lines,
            })
        } else if let Some(old) = &request.diff_file {
            Some(Changed::File(changed::file::read(old)?))
        } else {
            None
        };
        Ok(Narrowing { baseline, changed })
    }

    /// Narrows `outcome` and records how in its `scope`.
    pub fn apply(&self, outcome: &mut Outcome) -> Result<(), Problem> {
        if let Some(b) = &self.baseline {
            outcome.scope.baseline = Some(baseline::apply(outcome, b));
        }
        let (base, changes) = match &self.changed {
            None => return Ok(()),
            Some(Changed::Git { rev, lines }) => (
                Base::Revision(rev.clone()),
                changed::git::changes(outcome, lines),
            ),
            Some(Changed::File(old)) => (
                Base::File(crate::engine::walk::display_path(&old.path)),
                changed::file::changes(outcome, old)?,
            ),
        };
        let outside = changed::keep_changed(outcome, &changes);
        outcome.scope.changed = Some(ChangedScope { base, outside });
        Ok(())
    }
}
