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

/// Drops the fixes of formats that keep prose offsets (Markdown, plain text) whose span
/// holds markup the prose view blanked (`> ` of a quoted line, emphasis marks): writing
/// the fix would delete it. The help line still says what to write.
fn drop_fixes_over_markup(doc: &Document, findings: &mut [Finding]) {
    for f in findings.iter_mut() {
        if let Some(fix) = &f.fix {
            if doc.text.get(fix.span.clone()) != doc.prose.get(fix.span.clone()) {
                f.fix = None;
            }
        }
    }
}

/// Checks one file: `given` bytes (standard input's, or a text fixed in memory) instead
/// of the file's when there are some.
pub fn check_file(
    id: FileId,
    (input, format): (&Input, Option<Format>),
    given: Option<&[u8]>,
    (canon, packs): (&Canon, &[FileId]),
    fact_on: bool,
) -> FileResult {
    match read_document(input, format, given) {
        Ok(doc) => check_document(id, doc, (canon, packs), fact_on),
        Err(unchecked) => FileResult {
            skipped: Some(unchecked.reason),
            problem: unchecked.problem,
            ..FileResult::default()
        },
    }
}

/// Why a file was not read as a document.
#[derive(Debug)]
pub struct Unchecked {
    /// The reason shown with the skip.
    pub reason: String,
    /// The error, when the file could not be read at all (the run exits 2).
    pub problem: Option<Problem>,
}

/// Reads one file as a document in its format: `given` bytes (standard input's, or a
/// text fixed in memory) instead of the file's when there are some.
pub fn read_document(
    input: &Input,
    format: Option<Format>,
    given: Option<&[u8]>,
) -> Result<Document, Unchecked> {
    let Some(format) = format else {
        return Err(Unchecked {
            reason: "not a format canonlint reads (.md, .markdown, .txt, .wiki, .mediawiki, \
                     .wikitext, .html, .htm; see `[formats]` in canonlint.toml)"
                .into(),
            problem: None,
        });
    };
    let text = match given {
        Some(bytes) => decode(bytes.to_vec()),
        None if input.is_stdin() => decode(Vec::new()),
        None => read_text(&input.path),
    };
    match text {
        Ok(text) => Ok(Document::new(format, text).named(format, &input.display)),
        Err(Unreadable::Skip(reason)) => Err(Unchecked {
            reason,
            problem: None,
        }),
        Err(Unreadable::Io(e)) => Err(Unchecked {
            reason: "could not be read".into(),
            problem: Some(Problem::plain(format!(
                "cannot read {}: {e}",
                input.display
            ))),
        }),
    }
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
    let mut records = cross_document::records(&ctx, &claims, &reported, &proper);
    if doc.map.is_some() {
        localize(&doc, id, &mut findings, &mut records);
    } else {
        drop_fixes_over_markup(&doc, &mut findings);
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
