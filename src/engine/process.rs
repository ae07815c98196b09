//! Checking one file: read, decode, build the document, extract claims, run the
//! per-document checks, and keep the records the cross-document check needs.

use std::path::Path;
use std::sync::Arc;

use crate::checks::suppression::{self, Suppression};
use crate::checks::{self, DocCtx, corpus, cross_document};
use crate::engine::walk::Input;
use crate::extract;
use crate::finding::{FileId, Finding};
use crate::pack::Canon;
use crate::problem::Problem;
use crate::source::{Document, Format};

/// What checking one file produced.
#[derive(Debug, Default)]
pub struct FileResult {
    /// Its findings.
    pub findings: Vec<Finding>,
    /// Its figures and dates, for the cross-document check.
    pub records: Vec<cross_document::Record>,
    /// Its names and titles, for the corpus checks.
    pub corpus: corpus::FileTable,
    /// Its suppression comments.
    pub suppressions: Vec<Suppression>,
    /// Its text, kept only when a finding points into it.
    pub text: Option<Arc<str>>,
    /// Why it was not checked, if it was not.
    pub skipped: Option<String>,
    /// Why it could not be read, if it could not.
    pub problem: Option<Problem>,
}

/// Why a file's bytes are not text canonlint checks.
pub enum Unreadable {
    /// An I/O error.
    Io(std::io::Error),
    /// A reason to skip it (binary, not UTF-8).
    Skip(String),
}

/// Decodes a file's bytes: UTF-8 only; NUL bytes mean binary.
pub fn decode(bytes: Vec<u8>) -> Result<String, Unreadable> {
    if bytes.iter().take(8192).any(|b| *b == 0) {
        return Err(Unreadable::Skip("binary file (contains NUL bytes)".into()));
    }
    String::from_utf8(bytes).map_err(|e| {
        Unreadable::Skip(format!(
            "not valid UTF-8 (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// Reads and decodes a file.
pub fn read_text(path: &Path) -> Result<String, Unreadable> {
    decode(std::fs::read(path).map_err(Unreadable::Io)?)
}

/// Moves findings and records from prose offsets to the original file's bytes, for
/// formats whose prose is decoded (HTML entities, wikitext links). A fix whose bytes in
/// the file are not the prose it was made from (it would overwrite an entity or markup)
/// is dropped; its help line still says what to write.
fn localize(
    doc: &Document,
    id: FileId,
    findings: &mut [Finding],
    records: &mut [cross_document::Record],
) {
    for f in findings.iter_mut() {
        f.location.span = doc.original(f.location.span.clone());
        if let Some(fix) = &mut f.fix {
            let prose = fix.span.clone();
            fix.span = doc.original(prose.clone());
            if doc.text.get(fix.span.clone()) != doc.prose.get(prose) {
                f.fix = None;
            }
        }
        for r in f.related.iter_mut().filter(|r| r.location.file == id) {
            r.location.span = doc.original(r.location.span.clone());
        }
    }
    for r in records.iter_mut() {
        r.location.span = doc.original(r.location.span.clone());
    }
}

/// Checks one file.
pub fn check_file(
    id: FileId,
    (input, format): (&Input, Option<Format>),
    stdin: Option<&[u8]>,
    (canon, packs): (&Canon, &[FileId]),
    fact_on: bool,
) -> FileResult {
    let Some(format) = format else {
        return FileResult {
            skipped: Some(
                "not a format canonlint reads (.md, .markdown, .txt, .wiki, .mediawiki, \
                 .wikitext, .html, .htm; see `[formats]` in canonlint.toml)"
                    .into(),
            ),
            ..FileResult::default()
        };
    };
    let text = if input.is_stdin() {
        decode(stdin.unwrap_or_default().to_vec())
    } else {
        read_text(&input.path)
    };
    let text = match text {
        Ok(t) => t,
        Err(Unreadable::Skip(reason)) => {
            return FileResult {
                skipped: Some(reason),
                ..FileResult::default()
            };
        }
        Err(Unreadable::Io(e)) => {
            return FileResult {
                skipped: Some("could not be read".into()),
                problem: Some(Problem::plain(format!(
                    "cannot read {}: {e}",
                    input.display
                ))),
                ..FileResult::default()
            };
        }
    };
    let doc = Document::new(format, text).named(format, &input.display);
    check_document(id, doc, (canon, packs), fact_on)
}

/// Checks one read document: claims, per-document checks, records, suppressions.
pub fn check_document(
    id: FileId,
    doc: Document,
    (canon, packs): (&Canon, &[FileId]),
    fact_on: bool,
) -> FileResult {
    let (claims, proper) = extract::extract_all(&doc, canon);
    let ctx = DocCtx {
        file: id,
        prose: &doc.prose,
        canon,
        packs,
    };
    let mut findings = Vec::new();
    checks::check_document(&ctx, &claims, &mut findings);
    let reported: std::collections::HashSet<usize> = findings
        .iter()
        .filter(|f| fact_on && f.check == checks::fact::INFO.name)
        .map(|f| f.location.span.start)
        .collect();
    let mut records = cross_document::records(&ctx, &claims, &reported);
    if doc.map.is_some() {
        localize(&doc, id, &mut findings, &mut records);
    }
    let corpus = corpus::FileTable::new(proper, |span| {
        let original = doc.original(span.clone());
        let same = doc.map.is_none() || doc.text.get(original.clone()) == doc.prose.get(span);
        (original, same)
    });
    let (suppressions, problems) = suppression::read(id, &doc.text, &doc.comments);
    findings.extend(problems);
    let text = (!findings.is_empty()).then(|| Arc::from(doc.text));
    FileResult {
        findings,
        records,
        corpus,
        suppressions,
        text,
        skipped: None,
        problem: None,
    }
}
