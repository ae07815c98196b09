//! Claims without checks: what `canonlint claims` prints. The files are found, configured
//! and read exactly as for a check (the same plan and the same reader); the run stops
//! after extraction and hands back each file's claims at the original file's bytes.

use std::sync::Arc;

use rayon::prelude::*;

use crate::engine::process;
use crate::engine::{Options, Skipped, plan};
use crate::extract::{self, Claim, ClaimKind};
use crate::pack::Canon;
use crate::problem::Problem;
use crate::source::Document;

/// The claims of one file.
#[derive(Debug)]
pub struct FileClaims {
    /// The path shown to users.
    pub path: String,
    /// The file's text.
    pub text: Arc<str>,
    /// Its claims in order of position, with spans into `text`.
    pub claims: Vec<Claim>,
    /// The canon the claims were read under (their ids index it).
    pub canon: Arc<Canon>,
}

/// What a claims run found.
#[derive(Debug)]
pub struct ClaimsOutcome {
    /// Every read file, in the order a check reports them.
    pub files: Vec<FileClaims>,
    /// Files not read.
    pub skipped: Vec<Skipped>,
    /// Files that could not be read (the run exits 2; the others are still read).
    pub problems: Vec<Problem>,
}

/// Reads every file a check of `options` would check and extracts its claims. `Err`
/// holds problems that stop the run (a bad config or pack).
pub fn claims(options: &Options) -> Result<ClaimsOutcome, Vec<Problem>> {
    let plan = plan(options)?;
    let results: Vec<Result<FileClaims, process::Unchecked>> = plan
        .checked
        .par_iter()
        .map(|(input, setup, format)| {
            let canon = &plan.setups[*setup].canon;
            let doc = process::read_document(input, *format, options.given(input))?;
            let mut claims = extract::extract(&doc, canon);
            if doc.map.is_some() {
                for claim in &mut claims {
                    localize(&doc, claim);
                }
                claims.sort_by_key(|c| (c.span.start, c.span.end));
            }
            Ok(FileClaims {
                path: input.display.clone(),
                text: Arc::from(doc.text),
                claims,
                canon: canon.clone(),
            })
        })
        .collect();
    let mut outcome = ClaimsOutcome {
        files: Vec::new(),
        skipped: Vec::new(),
        problems: plan.problems,
    };
    for (result, (input, _, _)) in results.into_iter().zip(&plan.checked) {
        match result {
            Ok(file) => outcome.files.push(file),
            Err(unchecked) => {
                outcome.skipped.push(Skipped {
                    path: input.display.clone(),
                    reason: unchecked.reason,
                });
                outcome.problems.extend(unchecked.problem);
            }
        }
    }
    Ok(outcome)
}

/// Moves a claim's spans from the prose to the original file's bytes.
fn localize(doc: &Document, claim: &mut Claim) {
    claim.span = doc.original(claim.span.clone());
    match &mut claim.kind {
        ClaimKind::Rank { rank_span, .. } => *rank_span = doc.original(rank_span.clone()),
        ClaimKind::Title(title) => {
            if let Some(episode) = &mut title.episode {
                episode.span = doc.original(episode.span.clone());
                for (_, span) in episode.season.iter_mut().chain(episode.episode.iter_mut()) {
                    *span = doc.original(span.clone());
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(text: &str, name: &str) -> Options {
        Options {
            paths: vec!["-".into()],
            stdin_name: Some(name.into()),
            stdin_bytes: Some(text.as_bytes().to_vec()),
            packs: Some(vec!["star-trek".into()]),
            ..Options::default()
        }
    }

    #[test]
    fn claims_of_decoded_formats_point_at_the_original_bytes() {
        let text = "<p>The yards at Utopia&nbsp;Plantia burned.</p>";
        let out = claims(&options(text, "page.html")).unwrap();
        let file = &out.files[0];
        let spans: Vec<&str> = file
            .claims
            .iter()
            .map(|c| &file.text[c.span.clone()])
            .collect();
        assert_eq!(spans, ["Utopia&nbsp;Plantia"]);
    }

    #[test]
    fn unreadable_input_is_skipped_with_its_reason() {
        let mut opts = options("", "x.md");
        opts.stdin_bytes = Some(vec![0xff, 0xfe]);
        let out = claims(&opts).unwrap();
        assert!(out.files.is_empty());
        assert!(out.skipped[0].reason.contains("UTF-8"), "{:?}", out.skipped);
    }
}
