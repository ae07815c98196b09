//! `--diff-file OLD`: what changed in the one checked file (often standard input) since an
//! older copy of it, for a wiki editor that checks a page as saved against its new
//! revision. A line diff (the `similar` crate) gives the lines added or changed; line
//! endings and a byte-order mark are ignored, so a page saved with `\r\n` compares equal.

use std::path::{Path, PathBuf};

use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::changed::{Changes, Lines};
use crate::engine::Outcome;
use crate::problem::Problem;

/// An older copy, read before the run.
#[derive(Debug, Clone)]
pub struct OldCopy {
    /// Its path as given.
    pub path: PathBuf,
    /// Its text.
    pub text: String,
}

/// Reads the older copy: a problem naming it if it is missing or not UTF-8.
pub fn read(path: &Path) -> Result<OldCopy, Problem> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        let cause = if e.kind() == std::io::ErrorKind::InvalidData {
            "not valid UTF-8".to_string()
        } else {
            e.to_string()
        };
        Problem::plain(format!(
            "cannot read the older copy {}: {cause}",
            path.display()
        ))
    })?;
    Ok(OldCopy {
        path: path.to_path_buf(),
        text,
    })
}

/// The lines of the one checked file of `outcome` that differ from `old`. A run that
/// checked more than one file is a problem: there is only one older copy.
pub fn changes(outcome: &Outcome, old: &OldCopy) -> Result<Changes, Problem> {
    let files = outcome.checked_files();
    if files.len() != 1 {
        return Err(Problem::plain(format!(
            "--diff-file compares one checked file with its older copy {}, \
             but {} files were checked",
            old.path.display(),
            files.len()
        )));
    }
    // Without text the file has no finding to narrow.
    let Some(new) = outcome.files[files.start].text.as_deref() else {
        return Ok(Changes::new());
    };
    Ok(Changes::from([(
        files.start,
        Lines::Ranges(added(&old.text, new)),
    )]))
}

/// The lines of `new` (1-based, end exclusive) added or changed relative to `old`.
pub fn added(old: &str, new: &str) -> Vec<std::ops::Range<usize>> {
    let old = lines(old);
    let new = lines(new);
    capture_diff_slices(Algorithm::Myers, &old, &new)
        .iter()
        .filter_map(|op| match *op {
            DiffOp::Insert {
                new_index, new_len, ..
            }
            | DiffOp::Replace {
                new_index, new_len, ..
            } => Some(new_index + 1..new_index + new_len + 1),
            _ => None,
        })
        .collect()
}

/// A text's lines as git counts them, without their endings.
fn lines(text: &str) -> Vec<&str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect()
}

#[cfg(test)]
// Lists of one line range are what these tests expect, not a mistaken `Vec<usize>`.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    #[test]
    fn added_and_changed_lines_are_found_and_moved_ones_are_not() {
        let old = "one\ntwo\nthree\n";
        assert_eq!(added(old, old), Vec::<std::ops::Range<usize>>::new());
        assert_eq!(added(old, "zero\none\ntwo\nthree\n"), [1..2]);
        assert_eq!(added(old, "one\nTWO\nthree\nfour\n"), [2..3, 4..5]);
        assert_eq!(
            added(old, "one\nthree\n"),
            Vec::<std::ops::Range<usize>>::new()
        );
    }

    #[test]
    fn line_endings_and_a_bom_do_not_count_as_changes() {
        assert_eq!(
            added("\u{feff}a\r\nb\r\n", "a\nb\n"),
            Vec::<std::ops::Range<usize>>::new()
        );
        assert_eq!(added("a\nb", "a\nb\n"), [3..4]);
    }

    #[test]
    fn a_missing_older_copy_is_named() {
        let err = read(Path::new("no/such/saved.wiki")).expect_err("missing");
        assert!(
            err.message
                .starts_with("cannot read the older copy no/such/saved.wiki: "),
            "{}",
            err.message
        );
    }
}
