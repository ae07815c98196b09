//! Fingerprints: a finding's identity that survives edits elsewhere in its file. Baselines,
//! SARIF `partialFingerprints` and GitLab's Code Quality report all use it.
//!
//! A fingerprint hashes the file's path, the check's code, the subject, the span's text
//! (case and runs of whitespace normalised) and the occurrence number: how many earlier
//! findings in the same file share the first four. Line numbers are left out, so a finding
//! keeps its fingerprint when lines above it move. The hash is FNV-1a (64 bits), written
//! as 16 hex digits; it is stable across platforms and releases, and the leading `v1`
//! segment of the hashed text changes if the recipe ever does.

use std::collections::HashMap;
use std::hash::Hasher;

use fnv::FnvHasher;

use crate::engine::Outcome;
use crate::finding::Finding;

/// The fingerprint of every finding of `outcome`, in the order of `outcome.findings`.
pub fn fingerprints(outcome: &Outcome) -> Vec<String> {
    let mut seen: HashMap<u64, usize> = HashMap::new();
    outcome
        .findings
        .iter()
        .map(|finding| {
            let identity = identity(outcome, finding);
            let occurrence = seen.entry(identity).or_default();
            let mut hasher = FnvHasher::default();
            hasher.write_u64(identity);
            hasher.write(&(*occurrence as u64).to_le_bytes());
            *occurrence += 1;
            format!("{:016x}", hasher.finish())
        })
        .collect()
}

/// The hash of what a finding is, without its occurrence number.
fn identity(outcome: &Outcome, finding: &Finding) -> u64 {
    let file = &outcome.files[finding.location.file];
    let text = file
        .text
        .as_deref()
        .and_then(|t| t.get(finding.location.span.clone()))
        .unwrap_or("");
    let mut hasher = FnvHasher::default();
    for part in [
        "v1",
        file.path.as_str(),
        finding.code,
        finding.subject.as_deref().unwrap_or(""),
        &normalised(text),
    ] {
        hasher.write(part.as_bytes());
        hasher.write_u8(0);
    }
    hasher.finish()
}

/// Lower case, runs of whitespace as one space, trimmed: a span re-wrapped across lines or
/// re-capitalised at a sentence start is the same claim.
fn normalised(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Outcome, SourceFile};
    use crate::finding::{Location, Severity};
    use std::sync::Arc;

    fn outcome(text: &str, spans: &[(usize, usize)]) -> Outcome {
        let check = &crate::checks::CHECKS[0];
        Outcome {
            files: vec![SourceFile {
                path: "a.md".into(),
                text: Some(Arc::from(text)),
                deny: None,
                disk: None,
            }],
            inputs: 1,
            findings: spans
                .iter()
                .map(|&(start, end)| {
                    let mut f = Finding::new(
                        check,
                        Location {
                            file: 0,
                            span: start..end,
                        },
                        "m".into(),
                        "l".into(),
                    );
                    f.severity = Severity::Error;
                    f
                })
                .collect(),
            checked: 1,
            skipped: Vec::new(),
            problems: Vec::new(),
            scope: Default::default(),
        }
    }

    #[test]
    fn lines_moving_above_keep_the_fingerprint() {
        let before = fingerprints(&outcome("Utopia Plantia.", &[(0, 14)]));
        let after = fingerprints(&outcome("New line.\n\nUtopia Plantia.", &[(11, 25)]));
        assert_eq!(before, after);
        assert_eq!(before[0].len(), 16);
    }

    #[test]
    fn repeated_findings_differ_by_occurrence() {
        let fps = fingerprints(&outcome(
            "Utopia Plantia, Utopia\nplantia.",
            &[(0, 14), (16, 30)],
        ));
        assert_ne!(fps[0], fps[1]);
        let again = fingerprints(&outcome(
            "X. Utopia Plantia, Utopia Plantia.",
            &[(3, 17), (19, 33)],
        ));
        assert_eq!(fps, again);
    }

    #[test]
    fn different_text_differs() {
        let a = fingerprints(&outcome("Utopia Plantia.", &[(0, 14)]));
        let b = fingerprints(&outcome("Utopia Plantai.", &[(0, 14)]));
        assert_ne!(a, b);
    }
}
