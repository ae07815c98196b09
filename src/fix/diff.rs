//! `--fix --dry-run`: what `--fix` would change, as a unified diff (`--- a/PATH`,
//! `+++ b/PATH`, three lines of context), which `git apply` and `patch -p1` accept. Line
//! endings are kept in the diff lines, and a last line without a newline is marked
//! `\ No newline at end of file`.

use similar::TextDiff;

use super::Fixes;

/// The diff of every fixed file, in report order.
pub fn unified(fixes: &Fixes) -> String {
    let mut out = String::new();
    for file in &fixes.files {
        let diff = TextDiff::from_lines(&*file.original, &file.fixed);
        out.push_str(
            &diff
                .unified_diff()
                .context_radius(3)
                .header(&format!("a/{}", file.path), &format!("b/{}", file.path))
                .to_string(),
        );
    }
    out
}
