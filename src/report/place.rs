//! What the machine-readable reports share: where a finding is, as each format wants it.
//!
//! Paths are shown relative to the current directory when they lie inside it (a CI job
//! runs at the repository root, and code-scanning services resolve paths from there),
//! and as given otherwise. Columns are counted in the unit the format asks for
//! (`lines::Columns`); ends are exclusive, one past the last character, as in the JSON
//! report. Findings reach every format in the order of the JSON report.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use crate::engine::Outcome;
use crate::finding::{FileId, Finding, Location};
use crate::report::lines::{Columns, LineIndex, Position};

/// Line indexes and the current directory, built once per report.
pub struct Places<'a> {
    outcome: &'a Outcome,
    indexes: Vec<Option<LineIndex<'a>>>,
    /// Each file's path as reports show it.
    paths: Vec<String>,
    cwd: PathBuf,
    empty: LineIndex<'static>,
}

impl<'a> Places<'a> {
    /// Indexes every file of `outcome` that has text.
    pub fn new(outcome: &'a Outcome) -> Places<'a> {
        let cwd = std::env::current_dir().unwrap_or_default();
        Places {
            outcome,
            indexes: crate::report::line_indexes(outcome),
            paths: outcome
                .files
                .iter()
                .map(|f| relative_to(&f.path, &cwd))
                .collect(),
            cwd,
            empty: LineIndex::new(""),
        }
    }

    /// The path of a file, relative to the current directory when it lies inside it.
    pub fn path(&self, file: FileId) -> &str {
        &self.paths[file]
    }

    /// The start and the (exclusive) end of a location, columns counted in `columns`.
    pub fn range(&self, location: &Location, columns: Columns) -> (Position, Position) {
        let index = self.indexes[location.file].as_ref().unwrap_or(&self.empty);
        (
            index.position_in(location.span.start, columns),
            index.position_in(location.span.end, columns),
        )
    }

    /// The lines that explain a finding, as a plain-text report shows them: each related
    /// place (`path:line:column: message`), then `note:` and `help:` lines.
    pub fn details(&self, f: &Finding) -> Vec<String> {
        let mut lines = Vec::new();
        for r in &f.related {
            let (at, _) = self.range(&r.location, Columns::Chars);
            let path = self.path(r.location.file);
            lines.push(format!("{path}:{}:{}: {}", at.line, at.column, r.message));
        }
        lines.extend(f.notes.iter().map(|note| format!("note: {note}")));
        lines.extend(f.help.iter().map(|help| format!("help: {help}")));
        lines
    }

    /// The text of a location, or "" if its file's text is not kept.
    pub fn text(&self, location: &Location) -> &'a str {
        self.outcome.files[location.file]
            .text
            .as_deref()
            .and_then(|t| t.get(location.span.clone()))
            .unwrap_or("")
    }

    /// A path as reports show it: relative to the current directory when it lies inside.
    pub fn relative(&self, path: &str) -> String {
        relative_to(path, &self.cwd)
    }

    /// A URI for a path: relative (to be resolved against the directory canonlint ran in)
    /// when the path lies inside it, else an absolute `file://` URI. The flag says which.
    pub fn uri_of(&self, path: &str) -> (String, bool) {
        let path = relative_to(path, &self.cwd);
        let inside = !Path::new(&path).is_absolute()
            && !Path::new(&path)
                .components()
                .any(|c| matches!(c, Component::ParentDir));
        if inside {
            (percent_encode(&path), true)
        } else {
            let absolute = normalise(&self.cwd.join(&path));
            let text = absolute.to_string_lossy().replace('\\', "/");
            let text = text.trim_start_matches('/');
            (format!("file:///{}", percent_encode(text)), false)
        }
    }
}

/// One input file of a run, with its findings.
pub struct InputFile<'a> {
    /// Its id.
    pub file: FileId,
    /// Why it was not checked, if it was not.
    pub skipped: Option<&'a str>,
    /// Its findings, in report order.
    pub findings: Vec<&'a Finding>,
}

/// Every input file of a run, in path order, with its findings: for formats that list
/// files whether or not they have findings.
pub fn inputs(outcome: &Outcome) -> Vec<InputFile<'_>> {
    let skipped: HashMap<&str, &str> = outcome
        .skipped
        .iter()
        .map(|s| (s.path.as_str(), s.reason.as_str()))
        .collect();
    let mut inputs: Vec<InputFile> = (0..outcome.inputs)
        .map(|file| InputFile {
            file,
            skipped: skipped.get(outcome.files[file].path.as_str()).copied(),
            findings: Vec::new(),
        })
        .collect();
    for f in &outcome.findings {
        if let Some(input) = inputs.get_mut(f.location.file) {
            input.findings.push(f);
        }
    }
    inputs
}

/// `path` relative to `cwd` when it is an absolute path inside it, else as given.
fn relative_to(path: &str, cwd: &Path) -> String {
    let p = Path::new(path);
    match p.strip_prefix(cwd) {
        Ok(rest) if p.is_absolute() && !rest.as_os_str().is_empty() => {
            crate::engine::walk::display_path(rest)
        }
        _ => path.to_string(),
    }
}

/// `.` and `..` resolved lexically (the file may not exist: a built-in pack's path).
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Percent-encodes everything in a path but unreserved characters, `/` and the
/// sub-delimiters that are safe in a path segment (RFC 3986). A `:` is encoded, so a
/// relative reference cannot be read as a scheme.
pub fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        let keep = b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&b);
        if keep {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Where the checks are documented (the README's table of checks).
pub const HELP_URI: &str = concat!(env!("CARGO_PKG_REPOSITORY"), "#checks");

/// The finding's message, then its notes and help, one per line: for formats that show
/// one block of text per finding.
pub fn full_message(finding: &Finding) -> Cow<'_, str> {
    if finding.notes.is_empty() && finding.help.is_none() {
        return Cow::Borrowed(&finding.message);
    }
    let mut text = finding.message.clone();
    for note in &finding.notes {
        text.push_str("\nnote: ");
        text.push_str(note);
    }
    if let Some(help) = &finding.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    Cow::Owned(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_paths_inside_the_directory_become_relative() {
        let cwd = Path::new("/repo");
        assert_eq!(relative_to("/repo/a/b.md", cwd), "a/b.md");
        assert_eq!(relative_to("/elsewhere/b.md", cwd), "/elsewhere/b.md");
        assert_eq!(relative_to("a/b.md", cwd), "a/b.md");
        assert_eq!(relative_to("/repo", cwd), "/repo");
    }

    #[test]
    fn uris_encode_what_a_path_segment_cannot_hold() {
        assert_eq!(percent_encode("a b/c#1?.md"), "a%20b/c%231%3F.md");
        assert_eq!(percent_encode("C:/x/é.md"), "C%3A/x/%C3%A9.md");
        assert_eq!(percent_encode("100%.md"), "100%25.md");
    }

    #[test]
    fn dot_dot_is_resolved_lexically() {
        assert_eq!(
            normalise(Path::new("/a/b/../c/./d.md")),
            PathBuf::from("/a/c/d.md")
        );
    }
}
