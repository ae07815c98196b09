//! canonlint: a continuity linter for fiction.
//!
//! The pipeline, one file at a time and in parallel (`engine`):
//!
//! 1. `source` reads a file as a person reads it (Markdown, plain text) into a *prose
//!    view* with the same byte offsets as the file, plus its blocks.
//! 2. `extract` parses *claims* out of the prose: names, titles, figures, dates, ranks
//!    and credits, and attaches figures and dates to their *subject*.
//! 3. `checks` compare claims with the *canon* (`pack`: TOML packs under `rules/`) and
//!    produce *findings*; `checks::cross_document` then compares what every file stated.
//! 4. `report` formats findings: rustc-style for people, JSON for tools. The binary's
//!    `cli` module parses arguments and prints; the library never does.
//! 5. Before reporting, `scope` may narrow the findings shown: to those not in a
//!    `baseline`, or to those on lines `changed` since a git revision or an older copy.
//!
//! `suggest` runs the same reading the other way round: from what the corpus checks and
//! the cross-document check gathered (`engine::gather`), it drafts a pack.
//!
//! Words, kept distinct everywhere: a *check* is code (`name-variant`); a *rule* or
//! *fact* is a TOML entry in a pack that a check reads; a *claim* is what was extracted
//! from a text; a *finding* is what is reported; a *problem* is an error in the set-up
//! (a bad pack or config, an unreadable file) that stops or spoils the run.

pub mod atomic;
pub mod baseline;
pub mod changed;
pub mod checks;
pub mod engine;
pub mod explain;
pub mod extract;
pub mod finding;
pub mod fingerprint;
pub mod fix;
pub mod pack;
pub mod problem;
pub mod report;
pub mod scope;
pub mod source;
pub mod suggest;
pub mod value;
