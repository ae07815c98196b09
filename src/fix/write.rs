//! Putting fixes on disk, one file at a time, each whole or not at all.
//!
//! Just before writing, a file is read again and compared byte for byte with the text the
//! engine checked: a file that changed while canonlint ran (an editor saved it, a `git
//! checkout` replaced it) is refused, since its spans no longer mean what they meant.
//! The same comparison refuses a file whose text is not exactly its bytes (not UTF-8,
//! decoded lossily). Standard input has no file and is never written. Writes go through
//! `atomic::write` (temporary file and rename, permissions kept) to the file a symbolic
//! link points to, so that the link stays a link.

use std::path::Path;

use super::{FixedFile, Fixes};
use crate::atomic;

/// What `apply` did.
#[derive(Debug, Default)]
pub struct Applied {
    /// The files written, as indexes into the fixes' `files`.
    pub written: Vec<usize>,
    /// One message per file that was not written, naming it and why.
    pub errors: Vec<String>,
}

/// Writes every fixed file that has a path on disk and has not changed since the engine
/// read it.
pub fn apply(fixes: &Fixes) -> Applied {
    let mut applied = Applied::default();
    for (i, file) in fixes.files.iter().enumerate() {
        let Some(disk) = &file.disk else {
            continue;
        };
        match write_one(file, disk) {
            Ok(()) => applied.written.push(i),
            Err(e) => applied.errors.push(e),
        }
    }
    applied
}

fn write_one(file: &FixedFile, disk: &Path) -> Result<(), String> {
    let path = &file.path;
    let current =
        std::fs::read(disk).map_err(|e| format!("not fixing {path}: cannot read it again: {e}"))?;
    if current != file.original.as_bytes() {
        return Err(format!(
            "not fixing {path}: it changed since canonlint read it; run canonlint again"
        ));
    }
    let target = std::fs::canonicalize(disk).unwrap_or_else(|_| disk.to_path_buf());
    atomic::write(&target, file.fixed.as_bytes())
        .map_err(|e| format!("cannot write {path}: {e}; the file is unchanged"))
}
