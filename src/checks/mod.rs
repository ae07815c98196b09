//! Checks: one kind of contradiction per file, each with a stable code.
//!
//! `CHECKS` is the registry: one explicit, alphabetised list. Per-document checks read the
//! claims of one file and the canon; `cross_document` reads compact records of every
//! file's figures and dates after the per-file work is done, and `corpus_name` and
//! `corpus_title` compact tables of every file's names and titles (`corpus`).

pub mod attribute;
pub mod corpus;
pub mod corpus_name;
pub mod corpus_title;
pub mod cross_document;
pub mod fact;
pub mod name_variant;
pub mod suppression;
pub mod title;

use crate::extract::{Attached, Claim};
use crate::finding::{FileId, Finding, Location, Severity};
use crate::pack::Canon;
use crate::pack::model::{EntityKind, Origin};

/// What the registry knows of a check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckInfo {
    /// Stable code (`CL003`).
    pub code: &'static str,
    /// Stable name (`fact`).
    pub name: &'static str,
    /// One line: what it finds.
    pub summary: &'static str,
    /// A paragraph: what it finds, and what it leaves alone (SARIF `fullDescription`).
    pub description: &'static str,
    /// How to resolve a finding (SARIF `help`).
    pub help: &'static str,
    /// Severity unless a config says otherwise.
    pub default: Severity,
    /// `canonlint check --fix` applies this check's fixes: only checks whose fix is the
    /// one right answer (a spelling, a title), never a figure, a rank or a credit, where
    /// the text may be right and the pack incomplete.
    pub fixable: bool,
}

/// Every check, alphabetised by name.
pub const CHECKS: [CheckInfo; 9] = [
    attribute::INFO,
    corpus_name::INFO,
    corpus_title::INFO,
    cross_document::INFO,
    fact::INFO,
    name_variant::INFO,
    suppression::INFO,
    title::INFO,
    suppression::UNUSED,
];

/// The check with this name or code.
pub fn find(name_or_code: &str) -> Option<&'static CheckInfo> {
    CHECKS
        .iter()
        .find(|c| c.name == name_or_code || c.code.eq_ignore_ascii_case(name_or_code))
}

/// What a per-document check reads.
pub struct DocCtx<'a> {
    /// The checked file's id.
    pub file: FileId,
    /// Its prose view (for the text of spans).
    pub prose: &'a str,
    /// The canon governing it.
    pub canon: &'a Canon,
    /// The file id of each of the canon's pack files (`canon.files[i]` -> `packs[i]`).
    pub packs: &'a [FileId],
}

impl DocCtx<'_> {
    /// The text of a span for a message: whitespace runs (line breaks of wrapped prose)
    /// made one space.
    pub fn written(&self, span: std::ops::Range<usize>) -> String {
        self.prose[span]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The replacement to write over `span` when the right text is `right`: `right`'s
    /// words joined by the whitespace the text has between its own words when both have
    /// as many words (a line break of wrapped prose stays a line break), else `right`.
    pub fn respaced(&self, span: std::ops::Range<usize>, right: &str) -> String {
        let raw = &self.prose[span];
        let mut gaps: Vec<&str> = Vec::new();
        let mut start = None;
        for (i, c) in raw.char_indices() {
            if c.is_whitespace() {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                gaps.push(&raw[s..i]);
            }
        }
        let words: Vec<&str> = right.split(' ').collect();
        let edged = raw.starts_with(char::is_whitespace) || raw.ends_with(char::is_whitespace);
        if edged || gaps.len() + 1 != words.len() || gaps.iter().all(|g| *g == " ") {
            return right.to_string();
        }
        let mut out = words[0].to_string();
        for (gap, word) in gaps.iter().zip(&words[1..]) {
            out.push_str(gap);
            out.push_str(word);
        }
        out
    }

    /// A location in the checked file.
    pub fn at(&self, span: std::ops::Range<usize>) -> Location {
        Location {
            file: self.file,
            span,
        }
    }

    /// A location in a pack file: `span` of the pack the entry `origin` was written in.
    pub fn canon_at(&self, origin: &Origin, span: std::ops::Range<usize>) -> Location {
        Location {
            file: self.packs[origin.pack],
            span,
        }
    }

    /// How messages name an entity: its canonical name, with "the" before a lower-case
    /// event name ("the attack on Mars").
    pub fn entity_name(&self, entity: usize) -> String {
        let e = &self.canon.entities[entity];
        if e.kind == EntityKind::Event && e.name.starts_with(char::is_lowercase) {
            format!("the {}", e.name)
        } else {
            e.name.clone()
        }
    }

    /// The entity id of a subject, if it is an entity.
    pub fn subject_id(&self, subject: Option<&Attached>) -> Option<&str> {
        subject.map(|a| self.canon.entities[a.entity].id.as_str())
    }
}

/// Runs every per-document check over one file's claims, and marks the findings about
/// claims inside dialogue.
pub fn check_document(ctx: &DocCtx, claims: &[Claim], out: &mut Vec<Finding>) {
    let first = out.len();
    name_variant::check(ctx, claims, out);
    title::check(ctx, claims, out);
    fact::check(ctx, claims, out);
    attribute::check(ctx, claims, out);
    let spoken: Vec<&std::ops::Range<usize>> = claims
        .iter()
        .filter(|c| c.dialogue)
        .map(|c| &c.span)
        .collect();
    if spoken.is_empty() {
        return;
    }
    for f in &mut out[first..] {
        let span = &f.location.span;
        f.dialogue = f.check != name_variant::INFO.name
            && spoken.iter().any(|s| {
                s.start <= span.start && span.end <= s.end
                    || span.start <= s.start && s.end <= span.end
            });
    }
}

/// Helpers for the checks' unit tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;
    use crate::source::{Document, Format};

    /// The findings of the per-document checks on a Markdown text, under the bundled
    /// canon: (code, message, the text of the span).
    pub fn findings(text: &str) -> Vec<(&'static str, String, String)> {
        all(text)
            .into_iter()
            .map(|f| (f.code, f.message, text[f.location.span].to_string()))
            .collect()
    }

    /// The replacements of the findings' fixes.
    pub fn fixes(text: &str) -> Vec<Option<String>> {
        all(text)
            .into_iter()
            .map(|f| f.fix.map(|x| x.replacement))
            .collect()
    }

    /// The findings of the per-document checks on a Markdown text, whole.
    fn all(text: &str) -> Vec<Finding> {
        let canon = crate::extract::testing::star_trek();
        let doc = Document::new(Format::Markdown, text.to_string());
        let claims = crate::extract::extract(&doc, &canon);
        let packs: Vec<FileId> = (1..=canon.files.len()).collect();
        let ctx = DocCtx {
            file: 0,
            prose: &doc.prose,
            canon: &canon,
            packs: &packs,
        };
        let mut out = Vec::new();
        check_document(&ctx, &claims, &mut out);
        out
    }

    /// The codes and span texts only.
    pub fn found(text: &str) -> Vec<(&'static str, String)> {
        findings(text).into_iter().map(|(c, _, t)| (c, t)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_alphabetised_with_unique_codes() {
        let names: Vec<&str> = CHECKS.iter().map(|c| c.name).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
        let mut codes: Vec<&str> = CHECKS.iter().map(|c| c.code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), CHECKS.len());
    }

    #[test]
    fn every_check_has_a_fixture_folder_with_cases() {
        for check in CHECKS {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("fixtures")
                .join(check.name);
            let cases = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
            assert!(
                cases >= 2,
                "fixtures/{} needs positive cases and traps",
                check.name
            );
        }
    }

    #[test]
    fn every_check_is_documented_in_the_readme() {
        let readme = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"),
        )
        .unwrap();
        for check in CHECKS {
            assert!(
                readme.contains(&format!("`{}`", check.code)),
                "README.md does not document {}",
                check.code
            );
            assert!(
                readme.contains(&format!("`{}`", check.name)),
                "README.md does not name {}",
                check.name
            );
        }
    }

    #[test]
    fn every_check_describes_itself_and_says_how_to_resolve_a_finding() {
        for check in CHECKS {
            for (what, text) in [("description", check.description), ("help", check.help)] {
                assert!(
                    text.len() > check.summary.len() / 2 && text.ends_with('.'),
                    "{} needs a {what} of a sentence or more",
                    check.code
                );
            }
        }
    }

    #[test]
    fn codes_and_names_resolve() {
        assert_eq!(find("fact").map(|c| c.code), Some("CL003"));
        assert_eq!(find("cl001").map(|c| c.name), Some("name-variant"));
        assert!(find("spelling").is_none());
    }
}
