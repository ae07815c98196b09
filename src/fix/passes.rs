//! Fixing until nothing fixable is left, in memory. One fix can make another possible: a
//! confused title corrected, its wrong episode numbers now read as that title's. So the
//! fixed texts of each pass are checked again through the engine's overlay (the files
//! are not read again, nor written) until a pass has nothing to fix, for at most
//! `MAX_PASSES` passes. The result holds, for every file, the text the engine first read
//! and the last text made: `write` puts it on disk, `diff` shows it, so a dry run shows
//! exactly what `--fix` writes.

use std::path::PathBuf;
use std::sync::Arc;

use super::{Plan, plan};
use crate::engine::{self, Options, Outcome};
use crate::problem::Problem;

/// The most passes a run makes; each must fix something to lead to the next.
pub const MAX_PASSES: usize = 10;

/// One file's text before and after every pass.
#[derive(Debug, Clone)]
pub struct FixedFile {
    /// The path shown to users.
    pub path: String,
    /// The path to write; `None` for standard input.
    pub disk: Option<PathBuf>,
    /// The text the engine first read.
    pub original: Arc<str>,
    /// The text after the last pass.
    pub fixed: String,
    /// One line per edit, pass by pass: "path:3:12: `Utopia Plantia` -> `Utopia Planitia`"
    /// (positions in the text of that pass).
    pub edits: Vec<String>,
}

/// What fixing in memory made.
#[derive(Debug)]
pub struct Fixes {
    /// Files with at least one edit, in report order.
    pub files: Vec<FixedFile>,
    /// One line per group of overlapping fixes left out in the last pass.
    pub overlaps: Vec<String>,
    /// The check of the last texts, when a pass fixed something (else the first check
    /// stands): what is left to report.
    pub outcome: Option<Outcome>,
}

impl Fixes {
    /// One pass of `outcome`'s fixes, not checked again (`outcome` is kept as it is).
    pub fn one_pass(outcome: &Outcome) -> Fixes {
        let plan = plan(outcome);
        let mut files = Vec::new();
        record(&mut files, &plan);
        Fixes {
            files,
            overlaps: plan.overlap_messages(),
            outcome: None,
        }
    }

    /// How many edits were made in all.
    pub fn edit_count(&self) -> usize {
        self.files.iter().map(|f| f.edits.len()).sum()
    }
}

/// Fixes `first`'s findings, checks the fixed texts again with `options`, and so on until
/// nothing fixable is left. `Err` holds the problems of a check that could not start.
pub fn fix_all(first: &Outcome, options: &Options) -> Result<Fixes, Vec<Problem>> {
    let mut options = options.clone();
    let mut last: Option<Outcome> = None;
    let mut files: Vec<FixedFile> = Vec::new();
    for _ in 0..MAX_PASSES {
        let plan = plan(last.as_ref().unwrap_or(first));
        if plan.files.is_empty() {
            break;
        }
        record(&mut files, &plan);
        for f in &plan.files {
            let fixed = f.fixed();
            match &f.disk {
                Some(path) => {
                    options.overlay.insert(path.clone(), Arc::from(fixed));
                }
                None => options.stdin_bytes = Some(fixed.into_bytes()),
            }
        }
        last = Some(engine::run(&options)?);
    }
    Ok(Fixes {
        files,
        overlaps: plan(last.as_ref().unwrap_or(first)).overlap_messages(),
        outcome: last,
    })
}

/// Adds a pass's edits to the files fixed so far, kept in report order.
fn record(files: &mut Vec<FixedFile>, plan: &Plan) {
    for f in &plan.files {
        match files.iter_mut().find(|x| x.disk == f.disk) {
            Some(known) => {
                known.fixed = f.fixed();
                known.edits.extend(f.describe());
            }
            None => files.push(FixedFile {
                path: f.path.clone(),
                disk: f.disk.clone(),
                original: f.original.clone(),
                fixed: f.fixed(),
                edits: f.describe(),
            }),
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
}
