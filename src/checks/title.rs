//! `title` (CL002): a title that canon does not have, or has with other numbers.
//!
//! Reads titles in a title context (see `extract::title`). Finds a known confusion ("the
//! Short Treks episode "Children of Men"" -> "Children of Mars"), a near miss of a known
//! title of the series or kind the context names, a known title put in the wrong series,
//! a known title given the wrong season or episode number, and, for a series whose pack
//! lists every work (`complete = true`), a title the series does not have. A title the pack
//! does not know, in a series it does not list completely, is silent: canonlint does not
//! guess at what it was not told.

use crate::checks::{CheckInfo, DocCtx};
use crate::extract::{Claim, ClaimKind, EpisodeRef, TitleClaim};
use crate::finding::{Finding, Severity};
use crate::pack::model::Work;

/// Registry entry.
pub const INFO: CheckInfo = CheckInfo {
    code: "CL002",
    name: "title",
    summary: "a title that is not canon's, or a known title with the wrong series, season or episode",
    description: "A title that is not canon's where the context says it is a title: a known confusion, a near miss of a title of the series or kind named nearby, a known title put in the wrong series or given the wrong season or episode, and, for a series the pack lists completely, a title it does not have.",
    help: "Use the title, series and numbers the pack gives; when there is exactly one right answer the fix writes it in the style of the text.",
    default: Severity::Error,
    fixable: true,
};

/// Reports wrong titles.
pub fn check(ctx: &DocCtx, claims: &[Claim], out: &mut Vec<Finding>) {
    for claim in claims {
        if let ClaimKind::Title(t) = &claim.kind {
            if let Some(f) = check_title(ctx, claim, t) {
                out.push(f);
            }
        }
    }
}

/// Lower case, letters and digits only, single spaces, small numbers as digits:
/// "Ouroboros, Part II", "ouroboros part 2" and "Ouroboros Part Two" are one title.
pub(crate) fn normalise(title: &str) -> String {
    // Numbers after these words may be written as numerals, digits or words.
    const COUNTERS: [&str; 6] = ["part", "chapter", "book", "volume", "episode", "season"];
    const NUMBERS: [(&str, &str); 20] = [
        ("i", "1"),
        ("ii", "2"),
        ("iii", "3"),
        ("iv", "4"),
        ("v", "5"),
        ("vi", "6"),
        ("vii", "7"),
        ("viii", "8"),
        ("ix", "9"),
        ("x", "10"),
        ("one", "1"),
        ("two", "2"),
        ("three", "3"),
        ("four", "4"),
        ("five", "5"),
        ("six", "6"),
        ("seven", "7"),
        ("eight", "8"),
        ("nine", "9"),
        ("ten", "10"),
    ];
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut out: Vec<&str> = Vec::with_capacity(words.len());
    for (i, word) in words.iter().enumerate() {
        let counted = i > 0 && COUNTERS.contains(&words[i - 1].as_str());
        let number = NUMBERS.iter().find(|(w, _)| w == word).map(|(_, d)| *d);
        match (counted, number) {
            (true, Some(digits)) => out.push(digits),
            _ => out.push(word),
        }
    }
    out.join(" ")
}

/// Two titles that differ only in their part number ("Ouroboros, Part I" and "Part II")
/// are two works, not a misspelling of one. Both are normalised.
pub(crate) fn sibling_parts(a: &str, b: &str) -> bool {
    let (a, b): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    let n = a.len();
    n >= 2
        && b.len() == n
        && a[..n - 1] == b[..n - 1]
        && [a[n - 1], b[n - 1]]
            .iter()
            .all(|w| w.chars().all(|c| c.is_ascii_digit()))
}

/// "Star Trek: Short Treks, season 2, episode 6".
fn describe(ctx: &DocCtx, work: &Work) -> String {
    let mut parts = Vec::new();
    if let Some(series) = work.series {
        parts.push(ctx.canon.entities[series].name.clone());
    }
    if let Some(s) = work.season {
        parts.push(format!("season {s}"));
    }
    if let Some(e) = work.episode {
        parts.push(format!("episode {e}"));
    }
    if parts.is_empty() {
        parts.push(work.kind.clone().unwrap_or_else(|| "a work".into()));
    }
    parts.join(", ")
}

/// Whether the context of a title fits a work: same series, or no series and the same kind.
fn context_fits(ctx: &DocCtx, t: &TitleClaim, work: &Work) -> bool {
    match t.series {
        Some(series) => work.series == Some(series),
        None => t
            .kind
            .is_some_and(|k| work.kind.as_deref() == Some(ctx.canon.vocab.work_kinds[k].as_str())),
    }
}

fn check_title(ctx: &DocCtx, claim: &Claim, t: &TitleClaim) -> Option<Finding> {
    let works = &ctx.canon.works;
    let written = normalise(&t.title);
    let known: Vec<&Work> = works
        .iter()
        .filter(|w| normalise(&w.title) == written)
        .collect();
    if !known.is_empty() {
        return known_title(ctx, claim, t, &known);
    }
    let confused = works
        .iter()
        .find(|w| w.confusions.iter().any(|c| normalise(c) == written) && context_fits(ctx, t, w));
    if let Some(work) = confused {
        return Some(did_you_mean(ctx, claim, t, work, true));
    }
    let near: Vec<(&Work, usize)> = works
        .iter()
        .filter(|w| context_fits(ctx, t, w))
        .map(|w| (w, strsim::osa_distance(&normalise(&w.title), &written)))
        .filter(|(w, d)| *d > 0 && *d <= crate::pack::near::allowed_edits(w.title.chars().count()))
        .filter(|(w, _)| !sibling_parts(&normalise(&w.title), &written))
        .collect();
    if let Some(best) = near.iter().map(|(_, d)| *d).min() {
        let closest: Vec<&Work> = near
            .iter()
            .filter(|(_, d)| *d == best)
            .map(|(w, _)| *w)
            .collect();
        if closest.len() == 1 {
            return Some(did_you_mean(ctx, claim, t, closest[0], false));
        }
        return None;
    }
    let series = t.series?;
    let e = &ctx.canon.entities[series];
    if !e.complete {
        return None;
    }
    let count = works.iter().filter(|w| w.series == Some(series)).count();
    Some(
        Finding::new(
            &INFO,
            ctx.at(claim.span.clone()),
            format!("`{}` is not a title of {}", t.title, e.name),
            format!("not one of the {count} titles canon lists for {}", e.name),
        )
        .related(
            ctx.canon_at(
                &e.origin,
                e.spans.complete.clone().unwrap_or(e.spans.name.clone()),
            ),
            format!("canon lists every title of {}", e.name),
        )
        .subject(Some(&e.id)),
    )
}

fn did_you_mean(
    ctx: &DocCtx,
    claim: &Claim,
    t: &TitleClaim,
    work: &Work,
    confusion: bool,
) -> Finding {
    let series = work.series.map(|s| ctx.canon.entities[s].name.clone());
    let message = match (&series, confusion) {
        (Some(s), true) => format!(
            "`{}` is not a title of {s}; it is often confused with `{}`",
            t.title, work.title
        ),
        (None, true) => format!("`{}` is often confused with `{}`", t.title, work.title),
        (_, false) => format!(
            "`{}` looks like a misspelling of the title `{}`",
            t.title, work.title
        ),
    };
    let mut f = Finding::new(
        &INFO,
        ctx.at(claim.span.clone()),
        message,
        format!("did you mean `{}`?", work.title),
    )
    .related(
        ctx.canon_at(&work.origin, work.title_span.clone()),
        format!("canon: `{}`, {}", work.title, describe(ctx, work)),
    )
    .help(format!("write `{}`", work.title))
    .fix(ctx.respaced(claim.span.clone(), &work.title));
    if let Some(source) = ctx.canon.source_title(work.source) {
        f = f.note(format!("source: {source}"));
    }
    f.subject(work.series.map(|s| ctx.canon.entities[s].id.as_str()))
}

fn known_title(ctx: &DocCtx, claim: &Claim, t: &TitleClaim, known: &[&Work]) -> Option<Finding> {
    let in_series = |w: &&&Work| t.series.is_none_or(|s| w.series == Some(s));
    let Some(work) = known.iter().find(in_series) else {
        let work = known[0];
        let actual = work.series.map(|s| ctx.canon.entities[s].name.clone())?;
        let claimed = &ctx.canon.entities[t.series?].name;
        return Some(
            Finding::new(
                &INFO,
                ctx.at(claim.span.clone()),
                format!("`{}` is a title of {actual}, not {claimed}", work.title),
                format!("not a title of {claimed}"),
            )
            .related(
                ctx.canon_at(&work.origin, work.title_span.clone()),
                format!("canon: `{}`, {}", work.title, describe(ctx, work)),
            )
            .subject(work.series.map(|s| ctx.canon.entities[s].id.as_str())),
        );
    };
    let reference = t.episode.as_ref()?;
    wrong_numbers(ctx, claim, work, reference)
}

/// A known title with a season or episode number canon does not give it.
fn wrong_numbers(ctx: &DocCtx, claim: &Claim, work: &Work, r: &EpisodeRef) -> Option<Finding> {
    let wrong_season =
        matches!((r.season.as_ref(), work.season), (Some((s, _)), Some(w)) if *s != w);
    let wrong_episode =
        matches!((r.episode.as_ref(), work.episode), (Some((e, _)), Some(w)) if *e != w);
    if !wrong_season && !wrong_episode {
        return None;
    }
    let written = &ctx.written(r.span.clone());
    let right = describe(ctx, work);
    let mut f = Finding::new(
        &INFO,
        ctx.at(r.span.clone()),
        format!("`{}` is {right}, not {written}", work.title),
        "wrong numbers for this title".to_string(),
    )
    .related(ctx.at(claim.span.clone()), "the title")
    .related(
        ctx.canon_at(&work.origin, work.title_span.clone()),
        format!("canon: `{}`, {right}", work.title),
    );
    if let Some(fixed) = renumber(ctx, r, work) {
        f = f.help(format!("write `{fixed}`")).fix(fixed);
    }
    if let Some(source) = ctx.canon.source_title(work.source) {
        f = f.note(format!("source: {source}"));
    }
    Some(f.subject(work.series.map(|s| ctx.canon.entities[s].id.as_str())))
}

/// The reference with its wrong numbers replaced, keeping its style ("S01E06" ->
/// "S02E06"); only when the numbers are written in digits.
fn renumber(ctx: &DocCtx, r: &EpisodeRef, work: &Work) -> Option<String> {
    let mut edits: Vec<(std::ops::Range<usize>, u32)> = Vec::new();
    for (given, right) in [(&r.season, work.season), (&r.episode, work.episode)] {
        if let (Some((n, span)), Some(right)) = (given, right) {
            if *n != right {
                edits.push((span.clone(), right));
            }
        }
    }
    let mut out = ctx.prose[r.span.clone()].to_string();
    edits.sort_by_key(|(span, _)| std::cmp::Reverse(span.start));
    for (span, right) in edits {
        let old = &ctx.prose[span.clone()];
        if !old.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        // Keep zero padding ("S01E06" -> "S02E06"), but never add it ("10" -> "6").
        let width = if old.starts_with('0') { old.len() } else { 1 };
        let local = span.start - r.span.start..span.end - r.span.start;
        out.replace_range(local, &format!("{right:0width$}"));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::{findings, found};

    #[test]
    fn titles_compare_without_punctuation_case_or_numeral_style() {
        assert_eq!(
            normalise("Ouroboros, Part II"),
            normalise("ouroboros part 2")
        );
        assert_eq!(normalise("Ouroboros Part Two"), "ouroboros part 2");
        assert_eq!(normalise("Deep Space Nine"), "deep space nine");
        assert_eq!(normalise("Malcolm X"), "malcolm x");
    }

    #[test]
    fn confusions_wrong_numbers_and_wrong_series() {
        assert_eq!(
            found("The Short Treks episode \"Children of Men\" aired."),
            [("CL002", "Children of Men".to_string())]
        );
        assert_eq!(
            found("\"Children of Mars\" (S1E6) aired."),
            [("CL002", "S1E6".to_string())]
        );
        let f = findings("The Star Trek: Picard episode \"Children of Mars\" aired.");
        assert_eq!(
            f[0].1,
            "`Children of Mars` is a title of Star Trek: Short Treks, not Star Trek: Picard"
        );
    }

    #[test]
    fn other_parts_of_a_title_are_not_misspellings() {
        assert!(found("The Prodigy episodes \"Ouroboros, Part I\" and \"Ouroboros, Part II\" close the season.").is_empty());
        assert_eq!(
            found("The Prodigy episode \"Ouroborus, Part II\" aired.").len(),
            1
        );
    }

    #[test]
    fn unknown_titles_of_incomplete_series_and_films_are_silent() {
        assert!(found("The Short Treks episode \"Ephraim and Dot\" aired.").is_empty());
        assert!(found("The film \"Children of Men\" came out in 2006.").is_empty());
    }
}
