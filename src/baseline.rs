//! Baselines: adopting canonlint on a corpus that already has findings. `--write-baseline`
//! records every current finding by its fingerprint; `--baseline` then reports only the
//! findings a baseline does not hold, so a run fails on what is new and nothing else.
//!
//! A fingerprint (`crate::fingerprint`) hashes the reported path, the code, the subject,
//! the span's text and an occurrence number, never a line number: a recorded finding stays
//! matched when lines above it move. Paths are as reported, relative to where canonlint
//! runs, so a baseline is written and used from the same directory (the repository root).
//!
//! An entry no current finding matches is *stale* (the text was corrected, or the file
//! deleted); stale entries are counted so that users know to write the baseline again.

use std::collections::HashSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::engine::Outcome;
use crate::fingerprint::fingerprints;
use crate::problem::Problem;

/// The schema version of baseline files this canonlint writes and reads.
pub const VERSION: u64 = 1;

/// A baseline file: the findings recorded at one time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    /// The schema version (`VERSION`).
    pub version: u64,
    /// What wrote it.
    #[serde(default)]
    pub tool: Tool,
    /// The recorded findings, sorted by path, code, subject, text and fingerprint.
    pub findings: Vec<Entry>,
}

/// The program that wrote a baseline.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tool {
    /// `canonlint`.
    pub name: String,
    /// Its version.
    pub version: String,
}

/// One recorded finding. Only the fingerprint is matched; the rest is there for people
/// reading the file or its diff in review.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    /// The finding's fingerprint (16 hex digits).
    pub fingerprint: String,
    /// Its code (`CL001`).
    #[serde(default)]
    pub code: String,
    /// The path it was reported under.
    #[serde(default)]
    pub path: String,
    /// The entity it is about, by id.
    #[serde(default)]
    pub subject: Option<String>,
    /// The exact text of its span.
    #[serde(default)]
    pub text: String,
    /// Its message.
    #[serde(default)]
    pub message: String,
}

/// What a baseline did to a run, for the summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Findings the baseline holds: not reported.
    pub matched: usize,
    /// Entries that no current finding matches.
    pub stale: usize,
}

/// A baseline holding every finding of `outcome`.
pub fn record(outcome: &Outcome) -> Baseline {
    let mut findings: Vec<Entry> = outcome
        .findings
        .iter()
        .zip(fingerprints(outcome))
        .map(|(f, fingerprint)| Entry {
            fingerprint,
            code: f.code.to_string(),
            path: outcome.files[f.location.file].path.clone(),
            subject: f.subject.clone(),
            text: outcome.files[f.location.file]
                .text
                .as_deref()
                .and_then(|t| t.get(f.location.span.clone()))
                .unwrap_or("")
                .to_string(),
            message: f.message.clone(),
        })
        .collect();
    // Not by position, so that an edit above a finding does not reorder the file.
    findings.sort_by(|a, b| {
        (&a.path, &a.code, &a.subject, &a.text, &a.fingerprint).cmp(&(
            &b.path,
            &b.code,
            &b.subject,
            &b.text,
            &b.fingerprint,
        ))
    });
    Baseline {
        version: VERSION,
        tool: Tool {
            name: env!("CARGO_PKG_NAME").to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
        },
        findings,
    }
}

/// The baseline as pretty-printed JSON with a final newline.
pub fn render(baseline: &Baseline) -> String {
    let mut out = serde_json::to_string_pretty(baseline)
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}

/// Writes the baseline of `outcome` to `path` atomically; returns how many findings it
/// holds. Nothing is written if a file could not be read: its findings, missing from the
/// baseline, would later be reported as new.
pub fn write(outcome: &Outcome, path: &Path) -> Result<usize, Problem> {
    if !outcome.problems.is_empty() {
        return Err(Problem::plain(format!(
            "baseline {} not written: a file could not be read",
            path.display()
        )));
    }
    let baseline = record(outcome);
    crate::atomic::write(path, render(&baseline).as_bytes()).map_err(|e| {
        // The error of the temporary file names it; what matters is the target.
        let cause = match e.kind() {
            std::io::ErrorKind::NotFound => "its directory does not exist".to_string(),
            kind => std::io::Error::from(kind).to_string(),
        };
        Problem::plain(format!(
            "cannot write the baseline {}: {cause}",
            path.display()
        ))
    })?;
    Ok(baseline.findings.len())
}

/// Reads a baseline file: a clear problem naming the file if it is missing, not JSON, not
/// a baseline, or of another version.
pub fn load(path: &Path) -> Result<Baseline, Problem> {
    let name = path.display();
    let text = std::fs::read_to_string(path)
        .map_err(|e| Problem::plain(format!("cannot read the baseline {name}: {e}")))?;
    parse(&text).map_err(|cause| Problem::plain(format!("bad baseline {name}: {cause}")))
}

/// Parses a baseline's text; `Err` says why it is not one.
fn parse(text: &str) -> Result<Baseline, String> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"))?;
    match value.get("version").map(serde_json::Value::as_u64) {
        None => return Err("not a canonlint baseline (no `version` field)".into()),
        Some(Some(VERSION)) => {}
        Some(_) => {
            return Err(format!(
                "version {} is not one this canonlint reads (version {VERSION}); \
                 write it again with --write-baseline",
                value["version"]
            ));
        }
    }
    serde_json::from_value(value).map_err(|e| format!("not a canonlint baseline: {e}"))
}

/// Drops the findings `baseline` holds from `outcome` and counts what matched and what is
/// stale. Run it on the whole outcome, before any other filter: occurrence numbers and
/// staleness depend on every finding.
///
/// An entry is stale when no finding matches it and its file was checked in this run or
/// no longer exists; entries for existing files outside this run's paths are left alone.
pub fn apply(outcome: &mut Outcome, baseline: &Baseline) -> Counts {
    let recorded: HashSet<&str> = baseline
        .findings
        .iter()
        .map(|e| e.fingerprint.as_str())
        .collect();
    let current = fingerprints(outcome);
    let mut keep = current.iter().map(|fp| !recorded.contains(fp.as_str()));
    let before = outcome.findings.len();
    outcome.findings.retain(|_| keep.next().unwrap_or(true));
    let matched = before - outcome.findings.len();
    let current: HashSet<&str> = current.iter().map(String::as_str).collect();
    let checked: HashSet<&str> = outcome
        .checked_files()
        .map(|id| outcome.files[id].path.as_str())
        .collect();
    let mut stale: Vec<&str> = baseline
        .findings
        .iter()
        .filter(|e| !current.contains(e.fingerprint.as_str()))
        .filter(|e| checked.contains(e.path.as_str()) || !Path::new(&e.path).exists())
        .map(|e| e.fingerprint.as_str())
        .collect();
    stale.sort_unstable();
    stale.dedup();
    Counts {
        matched,
        stale: stale.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Outcome, SourceFile};
    use crate::finding::{Finding, Location};
    use std::sync::Arc;

    /// An outcome with one CL001 finding on every occurrence of `needle` in each file.
    fn outcome(files: &[(&str, &str)], needle: &str) -> Outcome {
        let check = crate::checks::find("name-variant").expect("the check exists");
        let mut findings = Vec::new();
        for (id, (_, text)) in files.iter().enumerate() {
            for (start, _) in text.match_indices(needle) {
                let span = start..start + needle.len();
                let location = Location { file: id, span };
                findings.push(Finding::new(check, location, "m".into(), "l".into()));
            }
        }
        Outcome {
            files: files
                .iter()
                .map(|(path, text)| SourceFile {
                    path: path.to_string(),
                    text: Some(Arc::from(*text)),
                    deny: None,
                    disk: None,
                })
                .collect(),
            findings,
            inputs: files.len(),
            checked: files.len(),
            skipped: Vec::new(),
            problems: Vec::new(),
            scope: Default::default(),
        }
    }

    const BAD: &str = "Utopia Plantia";

    #[test]
    fn findings_moved_by_lines_above_stay_matched() {
        let base = record(&outcome(&[("a.md", "Utopia Plantia.\n")], BAD));
        let mut moved = outcome(&[("a.md", "A new line.\n\nThe Utopia Plantia.\n")], BAD);
        let counts = apply(&mut moved, &base);
        assert_eq!(
            counts,
            Counts {
                matched: 1,
                stale: 0
            }
        );
        assert!(moved.findings.is_empty());
    }

    #[test]
    fn a_new_occurrence_of_a_recorded_finding_is_reported() {
        let base = record(&outcome(
            &[("a.md", "Utopia Plantia, Utopia Plantia.")],
            BAD,
        ));
        let text = "Utopia Plantia, Utopia Plantia. And Utopia Plantia.";
        let mut more = outcome(&[("a.md", text)], BAD);
        let counts = apply(&mut more, &base);
        assert_eq!(
            counts,
            Counts {
                matched: 2,
                stale: 0
            }
        );
        assert_eq!(more.findings.len(), 1);
        assert_eq!(more.findings[0].location.span.start, 36);
    }

    #[test]
    fn corrected_findings_are_counted_stale() {
        let base = record(&outcome(
            &[("a.md", "Utopia Plantia, Utopia Plantia.")],
            BAD,
        ));
        let mut fewer = outcome(&[("a.md", "Utopia Planitia, Utopia Plantia.")], BAD);
        let counts = apply(&mut fewer, &base);
        assert_eq!(
            counts,
            Counts {
                matched: 1,
                stale: 1
            }
        );
        assert!(fewer.findings.is_empty());
    }

    #[test]
    fn the_same_text_in_another_file_is_another_finding() {
        let base = record(&outcome(&[("a.md", "Utopia Plantia.")], BAD));
        let mut run = outcome(
            &[("a.md", "Utopia Plantia."), ("b.md", "Utopia Plantia.")],
            BAD,
        );
        let counts = apply(&mut run, &base);
        assert_eq!(
            counts,
            Counts {
                matched: 1,
                stale: 0
            }
        );
        assert_eq!(run.findings[0].location.file, 1);
    }

    #[test]
    fn entries_of_existing_files_outside_the_run_are_not_stale() {
        let mut base = record(&outcome(&[("a.md", "Utopia Plantia.")], BAD));
        let mut other = base.findings[0].clone();
        other.path = "Cargo.toml".into();
        other.fingerprint = "0000000000000001".into();
        let mut gone = base.findings[0].clone();
        gone.path = "no/such/chapter.md".into();
        gone.fingerprint = "0000000000000002".into();
        base.findings.extend([other, gone]);
        let mut run = outcome(&[("a.md", "Utopia Plantia.")], BAD);
        assert_eq!(
            apply(&mut run, &base),
            Counts {
                matched: 1,
                stale: 1
            }
        );
    }

    #[test]
    fn entries_sort_by_path_and_text_not_position() {
        let base = record(&outcome(
            &[("b.md", "Utopia Plantia."), ("a.md", "x Utopia Plantia")],
            BAD,
        ));
        let paths: Vec<&str> = base.findings.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["a.md", "b.md"]);
        assert_eq!(base.findings[0].text, "Utopia Plantia");
        assert_eq!(parse(&render(&base)), Ok(base));
    }

    #[test]
    fn a_file_that_is_not_a_baseline_says_why() {
        let err = |text: &str| parse(text).expect_err("not a baseline");
        assert!(err("{").starts_with("not valid JSON: "), "{}", err("{"));
        assert_eq!(err("[]"), "not a canonlint baseline (no `version` field)");
        assert!(err(r#"{"version": 2, "findings": []}"#).starts_with("version 2 is not one"));
        assert_eq!(
            err(r#"{"version": 1}"#),
            "not a canonlint baseline: missing field `findings`"
        );
        assert!(parse(r#"{"version": 1, "findings": [{"fingerprint": "ab"}]}"#).is_ok());
    }
}
