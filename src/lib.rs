//! canonlint: a continuity linter for fiction.
pub mod engine;
pub mod extract;
pub mod pack;
pub mod problem;
pub mod source;
pub mod value;
