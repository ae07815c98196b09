//! Findings: what canonlint reports. A finding has a stable code, a severity, a message,
//! a primary span in a checked file, related places (the other claim, in whatever file,
//! or the canon entry in its pack), notes, and a fix when one is unambiguous.

use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails a run.
    Info,
    /// Probably wrong.
    Warning,
    /// Wrong.
    Error,
}

impl Severity {
    /// The lower-case name used in configs and reports.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Index of a file in the run's `Files` table (checked files and pack files alike).
pub type FileId = usize;

/// A place in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// Which file.
    pub file: FileId,
    /// Which bytes.
    pub span: Range<usize>,
}

impl Location {
    /// Whether two places share a byte of one file.
    pub fn overlaps(&self, other: &Location) -> bool {
        self.file == other.file
            && self.span.start < other.span.end
            && other.span.start < self.span.end
    }
}

/// Another place that explains a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    /// Where.
    pub location: Location,
    /// What it says there ("canon: more than 92,000 deaths", "first stated here").
    pub message: String,
}

/// A replacement for the primary span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// The bytes to replace (usually the primary span).
    pub span: Range<usize>,
    /// What to write instead.
    pub replacement: String,
}

/// One reported contradiction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The stable code (`CL003`).
    pub code: &'static str,
    /// The check's name (`fact`).
    pub check: &'static str,
    /// Set from the check's default and the governing config.
    pub severity: Severity,
    /// One line saying what is wrong.
    pub message: String,
    /// The claim that breaks canon.
    pub location: Location,
    /// The label under the primary span.
    pub label: String,
    /// The other claim or the canon entry.
    pub related: Vec<Related>,
    /// `note:` lines: the canon source, what the figure is the canon value of.
    pub notes: Vec<String>,
    /// A `help:` line: the fix in words.
    pub help: Option<String>,
    /// The replacement, when there is exactly one right answer.
    pub fix: Option<Fix>,
    /// The entity the claim is about, by id.
    pub subject: Option<String>,
    /// The claim is inside a character's speech or thought; reported at the config's
    /// `dialogue` level at most.
    pub dialogue: bool,
}

impl Finding {
    /// A finding with only the required parts; add the rest with the builder methods.
    pub fn new(
        check: &crate::checks::CheckInfo,
        location: Location,
        message: String,
        label: String,
    ) -> Finding {
        Finding {
            code: check.code,
            check: check.name,
            severity: check.default,
            message,
            location,
            label,
            related: Vec::new(),
            notes: Vec::new(),
            help: None,
            fix: None,
            subject: None,
            dialogue: false,
        }
    }

    /// Adds a related place.
    pub fn related(mut self, location: Location, message: impl Into<String>) -> Finding {
        self.related.push(Related {
            location,
            message: message.into(),
        });
        self
    }

    /// Adds a note.
    pub fn note(mut self, note: impl Into<String>) -> Finding {
        self.notes.push(note.into());
        self
    }

    /// Sets the help line.
    pub fn help(mut self, help: impl Into<String>) -> Finding {
        self.help = Some(help.into());
        self
    }

    /// Sets the fix: replace the primary span.
    pub fn fix(mut self, replacement: impl Into<String>) -> Finding {
        self.fix = Some(Fix {
            span: self.location.span.clone(),
            replacement: replacement.into(),
        });
        self
    }

    /// Sets the subject's entity id.
    pub fn subject(mut self, id: Option<&str>) -> Finding {
        self.subject = id.map(str::to_string);
        self
    }

    /// The order reports use: file, then position, then code.
    pub fn sort_key(&self) -> (FileId, usize, usize, &'static str) {
        (
            self.location.file,
            self.location.span.start,
            self.location.span.end,
            self.code,
        )
    }
}
