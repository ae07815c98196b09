//! Consistency without a pack: what the corpus checks (`corpus-name`, `corpus-title`)
//! share.
//!
//! Each checked file gives a compact `FileTable` (every name and title it writes, with its
//! places and blocks, and the words it writes in lower case), never its text. After every
//! file is read, each project's tables become `forms` (one per spelling, with all its
//! places); `spelling` says which spellings are variants of one another, `group` joins
//! them unless they are distinct names; `verdict` decides which spelling wins (a trusted
//! source's, else one used far more often) or that none does; `report` turns that into
//! findings.

pub mod forms;
pub mod group;
mod report;
pub mod spelling;
pub mod verdict;

use std::collections::BTreeMap;
use std::ops::Range;

use fnv::FnvHashMap;

use crate::extract::proper::{Proper, Seen};
use crate::finding::FileId;
use crate::pack::Canon;

pub use report::report;

/// One place a file writes a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Its bytes in the file.
    pub span: Range<usize>,
    /// The block it is in, within its file.
    pub block: u32,
    /// When its first word opens a sentence: where the name starts without that word
    /// (bytes in the file) and the byte in the form where that part starts.
    pub rest: Option<(usize, usize)>,
    /// Whether the file's bytes are the form's (a fix may replace them): not so where a
    /// decoded format wrote an entity or markup inside.
    pub fixable: bool,
    /// A hyphenated name used as a modifier ("West-country bankers").
    pub modifier: bool,
    /// A name inside an emphasised title.
    pub emphasised: bool,
}

/// One file's forms, each with its places, in form order.
pub type Table = Vec<(String, Vec<Place>)>;

/// What one file gives the corpus checks, kept after its text is released.
#[derive(Debug, Default, Clone)]
pub struct FileTable {
    /// Proper-noun phrases.
    pub names: Table,
    /// Titles.
    pub titles: Table,
    /// The words the file writes in lower case, as sorted `proper::word_hash`es.
    pub lowercase: Vec<u64>,
}

impl FileTable {
    /// The table of what a file's extraction saw. `original` maps a prose span to the
    /// file's bytes and says whether they are the same text.
    pub fn new(
        proper: Proper,
        original: impl Fn(Range<usize>) -> (Range<usize>, bool),
    ) -> FileTable {
        let table = |seen: Vec<Seen>| -> Table {
            let mut by_form: FnvHashMap<String, Vec<Place>> = FnvHashMap::default();
            for s in seen {
                let (span, fixable) = original(s.span.clone());
                let rest = s
                    .rest
                    .map(|(at, offset)| (original(at..s.span.end).0.start, offset));
                by_form.entry(s.form).or_default().push(Place {
                    span,
                    block: s.block,
                    rest,
                    fixable,
                    modifier: s.modifier,
                    emphasised: s.emphasised,
                });
            }
            let mut table: Table = by_form.into_iter().collect();
            table.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            table
        };
        let mut lowercase = proper.lowercase;
        lowercase.sort_unstable();
        lowercase.dedup();
        FileTable {
            names: table(proper.names),
            titles: table(proper.titles),
            lowercase,
        }
    }
}

/// What the corpus checks know of the run's files besides their tables.
///
/// `trusted` also makes a file's figures and dates the reference in the cross-document
/// check.
pub struct Sources<'a> {
    /// The project (governing `canonlint.toml`) of each checked file, by file id.
    pub project: &'a [usize],
    /// Whether each checked file is a trusted source (`trusted` in its config).
    pub trusted: &'a [bool],
    /// Each project's canon.
    pub canons: &'a [&'a Canon],
}

impl Sources<'_> {
    /// The projects, each with its files in file-id order.
    pub fn projects(&self) -> BTreeMap<usize, Vec<FileId>> {
        let mut out: BTreeMap<usize, Vec<FileId>> = BTreeMap::new();
        for (file, project) in self.project.iter().enumerate() {
            out.entry(*project).or_default().push(file);
        }
        out
    }
}

/// "once", "twice", "9 times".
pub(crate) fn times(n: usize) -> String {
    match n {
        1 => "once".into(),
        2 => "twice".into(),
        _ => format!("{n} times"),
    }
}

/// "1 file", "4 files".
pub(crate) fn files(n: usize) -> String {
    if n == 1 {
        "1 file".into()
    } else {
        format!("{n} files")
    }
}
