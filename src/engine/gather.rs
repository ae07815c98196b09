//! The corpus without checks: what `canonlint canon suggest` drafts a pack from. The
//! files are found, configured and read exactly as for a check (the same plan and the
//! same per-file work); the run keeps each file's names and titles, its figures and dates,
//! and its text (for line numbers), and reports nothing.

use std::sync::Arc;

use rayon::prelude::*;

use crate::checks::corpus::FileTable;
use crate::checks::cross_document::Record;
use crate::engine::process;
use crate::engine::{Options, Skipped, plan};
use crate::pack::{self, Canon};
use crate::problem::Problem;

/// One read file of the corpus.
#[derive(Debug)]
pub struct CorpusFile {
    /// The path shown to users.
    pub path: String,
    /// The file's text (spans of `table` and `records` point into it).
    pub text: Arc<str>,
    /// Whether it is a trusted source (`trusted` in its config).
    pub trusted: bool,
}

/// What a corpus run read. File ids index `files`, `tables` and `trusted` alike.
#[derive(Debug)]
pub struct Corpus {
    /// Every file in the order a check reports them; an unread file has empty text.
    pub files: Vec<CorpusFile>,
    /// Each file's names and titles.
    pub tables: Vec<FileTable>,
    /// The figures and dates of every file, in file then offset order.
    pub records: Vec<Record>,
    /// The canon the first file was read under (the core pack alone with no file): what
    /// the draft must not suggest again.
    pub canon: Arc<Canon>,
    /// How many files were read.
    pub read: usize,
    /// Files not read.
    pub skipped: Vec<Skipped>,
    /// Files that could not be read (the run exits 2; the others are still read).
    pub problems: Vec<Problem>,
}

/// Reads every file a check of `options` would check. `Err` holds problems that stop the
/// run (a bad config or pack).
pub fn gather(options: &Options) -> Result<Corpus, Vec<Problem>> {
    let plan = plan(options)?;
    let results: Vec<(Option<Arc<str>>, process::FileResult)> = plan
        .checked
        .par_iter()
        .enumerate()
        .map(|(id, (input, setup, format))| {
            let s = &plan.setups[*setup];
            match process::read_document(input, *format, options.given(input)) {
                Ok(doc) => {
                    let text: Arc<str> = Arc::from(doc.text.as_str());
                    let r = process::check_document(id, doc, (&s.canon, &s.packs), true);
                    (Some(text), r)
                }
                Err(unchecked) => (
                    None,
                    process::FileResult {
                        skipped: Some(unchecked.reason),
                        problem: unchecked.problem,
                        ..process::FileResult::default()
                    },
                ),
            }
        })
        .collect();
    let canon = match plan.checked.first() {
        Some((_, setup, _)) => plan.setups[*setup].canon.clone(),
        None => {
            let cwd = std::env::current_dir().unwrap_or_default();
            Arc::new(pack::load_named(&[], &cwd)?)
        }
    };
    let mut corpus = Corpus {
        files: Vec::new(),
        tables: Vec::new(),
        records: Vec::new(),
        canon,
        read: 0,
        skipped: Vec::new(),
        problems: plan.problems,
    };
    for (id, (text, r)) in results.into_iter().enumerate() {
        let path = plan.files[id].path.clone();
        corpus.read += usize::from(text.is_some());
        if let Some(reason) = r.skipped {
            corpus.skipped.push(Skipped {
                path: path.clone(),
                reason,
            });
        }
        corpus.problems.extend(r.problem);
        corpus.records.extend(r.records);
        corpus.tables.push(r.corpus);
        corpus.files.push(CorpusFile {
            path,
            text: text.unwrap_or_else(|| Arc::from("")),
            trusted: plan.trusted[id],
        });
    }
    Ok(corpus)
}
