//! Titles: quoted or emphasised text in a title context.
//!
//! A quote is a title only when the words around it say so: a cue before it ("the Short
//! Treks episode", "titled"), a season/episode reference right after it (`"X" (S2E6)`),
//! or a cue soon after it in the same sentence (`"X", the sixth episode of ...`). Speech
//! and scare quotes are not titles. The sentence's series and episode numbers, if any,
//! travel with the title.

use std::ops::Range;

use crate::extract::block::BlockText;
use crate::extract::episode::{EpisodeRef, episode_ref};
use crate::extract::tokens::TokenKind;
use crate::extract::{Claim, ClaimKind, TitleClaim};
use crate::pack::model::{EntityId, EntityKind};

/// How many tokens may sit between a cue and the title.
const CUE_GAP: usize = 3;
/// How many tokens after a title a cue may come.
const CUE_AFTER: usize = 6;
/// Titles are short.
const MAX_TITLE_WORDS: usize = 12;
/// How many tokens either side of a title its series may be named.
const NEAR: usize = 6;

/// Adds a title claim for each quoted or emphasised phrase in a title context.
pub fn extract(text: &BlockText, emphasis: &[Range<usize>], claims: &mut Vec<Claim>) {
    let mut candidates = text.quotes();
    candidates.extend(
        emphasis
            .iter()
            .filter(|e| e.start >= text.span.start && e.end <= text.span.end)
            .map(|e| (e.clone(), e.clone())),
    );
    candidates.sort_by_key(|(outer, _)| outer.start);
    candidates.dedup_by_key(|(_, inner)| inner.clone());
    let outers: Vec<Range<usize>> = candidates.iter().map(|(outer, _)| outer.clone()).collect();
    // A quote and emphasis around the same words (`"*X*"`) are one title.
    let mut seen = std::collections::HashSet::new();
    for (outer, inner) in candidates {
        if let Some(claim) = title(text, outer, inner, &outers) {
            if seen.insert((claim.span.start, claim.span.end)) {
                claims.push(claim);
            }
        }
    }
}

/// A title claim for one candidate, if it is in a title context.
fn title(
    text: &BlockText,
    outer: Range<usize>,
    inner: Range<usize>,
    others: &[Range<usize>],
) -> Option<Claim> {
    let content = trim_title(text.slice(inner.clone()));
    if content.chars().filter(|c| c.is_alphanumeric()).count() < 2
        || !content.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        || content.split_whitespace().count() > MAX_TITLE_WORDS
    {
        return None;
    }
    let lead = text.slice(inner.clone()).len() - text.slice(inner.clone()).trim_start().len();
    let span = inner.start + lead..inner.start + lead + content.len();
    let open_tok = text.token_from(outer.start);
    let close_tok = text.token_from(outer.end);
    let vocab = &text.canon.vocab;
    let sentence = text
        .sentences
        .get(text.sentence_of(open_tok.min(text.tokens.len().saturating_sub(1))))?
        .clone();
    let after_ref = episode_right_after(text, outer.end);
    // The nearest cue that names a kind of work ("episode"), else the nearest at all
    // ("titled"): "the episode titled" is an episode.
    // No punctuation but a colon between the cue and the title: "In short, "X"" has none.
    let clean_gap = |end: usize| {
        (end + 1..open_tok).all(|t| text.tokens[t].kind != TokenKind::Punct || text.words[t] == ":")
    };
    let cues_before: Vec<Option<usize>> = (open_tok.saturating_sub(CUE_GAP + 1)..open_tok)
        .rev()
        .filter(|&end| end >= sentence.start && clean_gap(end))
        .filter_map(|end| {
            vocab
                .title_cues
                .match_end(&text.words[..=end])
                .map(|(kind, _)| kind)
        })
        .collect();
    let cue_before = cues_before
        .iter()
        .copied()
        .find(Option::is_some)
        .or(cues_before.first().copied());
    let cue_after = (close_tok..(close_tok + CUE_AFTER).min(sentence.end)).find_map(|start| {
        vocab
            .title_cues
            .match_start(&text.words[start..])
            .map(|(kind, _)| kind)
    });
    // Series and numbers count only near the title: a few tokens either side, in its
    // sentence.
    let near = text.tokens[open_tok.saturating_sub(NEAR).max(sentence.start)]
        .span
        .start
        ..text.tokens[(close_tok + NEAR).min(sentence.end) - 1]
            .span
            .end;
    let series = series_in_sentence(
        text,
        (&near, &text.sentence_span_of(&sentence)),
        &outer,
        others,
    );
    // Numbers right after the title, or near it and not another series'; "the fifth episode
    // of the second season of Short Treks" also names the series.
    let (episode, of) = match after_ref {
        Some(r) => (Some(r), None),
        None => match episode_nearby(text, &sentence, &outer, open_tok, close_tok, series) {
            Some((r, of)) => (Some(r), of),
            None => (None, None),
        },
    };
    // Episode numbers beside a quote make it a title as surely as a cue word does.
    let kind = match (cue_before, &episode, cue_after) {
        (Some(kind), _, _) => kind,
        (None, Some(_), _) => vocab.work_kinds.iter().position(|k| k == "episode"),
        (None, None, Some(kind)) => kind,
        (None, None, None) => return None,
    };
    Some(Claim {
        span,
        dialogue: false,
        kind: ClaimKind::Title(TitleClaim {
            title: content.split_whitespace().collect::<Vec<_>>().join(" "),
            series: series.or(of),
            kind,
            episode,
        }),
    })
}

/// The title without the punctuation that sits inside quotes: `"Children of Mars,"`.
fn trim_title(raw: &str) -> &str {
    raw.trim()
        .trim_end_matches([',', '.', ';', ':', '!', '?'])
        .trim_end()
}

/// An episode reference right after the closing quote: `"X" (S2E6)`, `"X", season 2`.
fn episode_right_after(text: &BlockText, end: usize) -> Option<EpisodeRef> {
    let rest = &text.prose[end..text.span.end];
    let skipped = rest.len()
        - rest
            .trim_start_matches([' ', ',', '(', '\u{2014}', '-'])
            .len();
    let from = end + skipped;
    shift(
        episode_ref(&text.canon.vocab, &text.prose[from..text.span.end])?,
        from,
    )
}

/// An episode reference just before the title (`season 2, episode 6: "X"`) or just after
/// it (`"X" again, season 2, episode 5`), not one that measures from the title ("aired
/// before season 1") or belongs to another series ("season 1 of Star Trek: Picard"); with
/// the series an "of <series>" after it names.
fn episode_nearby(
    text: &BlockText,
    sentence: &Range<usize>,
    title: &Range<usize>,
    open_tok: usize,
    close_tok: usize,
    series: Option<EntityId>,
) -> Option<(EpisodeRef, Option<EntityId>)> {
    // Only punctuation between numbers before the title and the title; after it, only
    // punctuation and a linking word ("is", "again").
    // A series' name may stand between too: `"X" (Short Treks, season 2, episode 6)`.
    let in_series = |t: usize| {
        text.mention_containing(&text.tokens[t].span)
            .and_then(|m| text.entity_of(m))
            .is_some_and(|e| text.canon.entities[e].kind == EntityKind::Series)
    };
    let only = |range: Range<usize>, links: &[&str]| {
        range.into_iter().all(|t| {
            text.tokens[t].kind == TokenKind::Punct
                || links.iter().any(|l| text.words[t].eq_ignore_ascii_case(l))
                || in_series(t)
        })
    };
    let starts = (open_tok.saturating_sub(CUE_GAP + 6).max(sentence.start)..open_tok)
        .chain(close_tok..(close_tok + CUE_GAP + 4).min(sentence.end));
    starts
        .filter(|&t| text.tokens[t].kind != TokenKind::Punct)
        .filter_map(|t| {
            let pos = text.tokens[t].span.start;
            shift(
                episode_ref(&text.canon.vocab, &text.prose[pos..text.span.end])?,
                pos,
            )
        })
        .filter(|r| {
            let (first, after) = (text.token_from(r.span.start), text.token_from(r.span.end));
            if r.span.end <= title.start {
                only(after..open_tok, &[])
            } else {
                r.span.start >= title.end
                    && only(close_tok..first, &["is", "was", "again"])
                    && !text.words[after.min(text.words.len())..]
                        .iter()
                        .take(4)
                        .any(|w| w.eq_ignore_ascii_case("overall"))
            }
        })
        .filter_map(|r| match of_what(text, r.span.end) {
            Of::Nothing => Some((r, None)),
            Of::Series(s) if series.is_none() || series == Some(s) => Some((r, Some(s))),
            Of::Series(_) | Of::Other => None,
        })
        .min_by_key(|(r, _)| distance(&r.span, title))
}

/// What an "of ..." right after numbers says they belong to.
enum Of {
    /// No "of ...".
    Nothing,
    /// "of Short Treks": that series.
    Series(EntityId),
    /// "of Picard", "of the novel": something that is not a series.
    Other,
}

fn of_what(text: &BlockText, end: usize) -> Of {
    let i = text.token_from(end);
    if !text
        .words
        .get(i)
        .is_some_and(|w| w.eq_ignore_ascii_case("of"))
    {
        return Of::Nothing;
    }
    let Some(next) = text.tokens.get(i + 1) else {
        return Of::Nothing;
    };
    let series = text
        .mention_at(next.span.start)
        .and_then(|m| text.entity_of(m))
        .filter(|e| text.canon.entities[*e].kind == EntityKind::Series);
    match series {
        Some(s) => Of::Series(s),
        // "of the second season", "of its run": still the title's own numbers.
        None if !text.is_capitalised(i + 1) => Of::Nothing,
        None => Of::Other,
    }
}

fn shift(mut r: EpisodeRef, by: usize) -> Option<EpisodeRef> {
    r.span = r.span.start + by..r.span.end + by;
    for (_, span) in r.season.iter_mut().chain(r.episode.iter_mut()) {
        *span = span.start + by..span.end + by;
    }
    Some(r)
}

/// The series named near the title (`near`: a few tokens either side, inside its
/// `sentence`), not inside it. Each series mention belongs to the quoted title nearest to it: in `the
/// film "X", then the Short Treks episode "Y"`, Short Treks is the series of Y only.
fn series_in_sentence(
    text: &BlockText,
    (near, sentence): (&Range<usize>, &Range<usize>),
    title: &Range<usize>,
    others: &[Range<usize>],
) -> Option<EntityId> {
    // The titles in the sentence that could be nearer to a series named near this one:
    // those within twice the reach (`others` is in text order).
    let wide = near.start.saturating_sub(near.len()).max(sentence.start)
        ..(near.end + near.len()).min(sentence.end);
    let first = others.partition_point(|o| o.start < wide.start);
    let in_sentence: Vec<&Range<usize>> = others[first..]
        .iter()
        .take_while(|o| o.start < wide.end)
        .filter(|o| o.end <= wide.end)
        .collect();
    let belongs_here = |m: &Range<usize>| {
        let own = distance(m, title);
        in_sentence
            .iter()
            .all(|o| *o == title || distance(m, o) > own)
    };
    text.mentions_within(near)
        .iter()
        .filter(|m| m.span.end <= title.start || m.span.start >= title.end)
        .filter(|m| belongs_here(&m.span))
        .filter_map(|m| text.entity_of(m).map(|e| (e, m.span.clone())))
        .filter(|(e, _)| text.canon.entities[*e].kind == EntityKind::Series)
        .min_by_key(|(_, span)| distance(span, title))
        .map(|(e, _)| e)
}

fn distance(a: &Range<usize>, b: &Range<usize>) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::ClaimKind;
    use crate::extract::testing::{claims, star_trek};

    /// A title as a test sees it: its text, series id, work kind, and (season, episode).
    type Seen = (
        String,
        Option<String>,
        Option<String>,
        Option<(Option<u32>, Option<u32>)>,
    );

    fn titles(text: &str) -> Vec<Seen> {
        let canon = star_trek();
        claims(&canon, text)
            .into_iter()
            .filter_map(|(t, c)| match c.kind {
                ClaimKind::Title(ti) => Some((
                    t.to_string(),
                    ti.series.map(|s| canon.entities[s].id.clone()),
                    ti.kind.map(|k| canon.vocab.work_kinds[k].clone()),
                    ti.episode
                        .map(|e| (e.season.map(|s| s.0), e.episode.map(|e| e.0))),
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_cue_before_the_quote_makes_a_title() {
        let found = titles(
            "The Short Treks episode \u{201c}Children of Mars,\u{201d} season 2, episode 6, aired.",
        );
        assert_eq!(
            found,
            [(
                "Children of Mars".to_string(),
                Some("short-treks".to_string()),
                Some("episode".to_string()),
                Some((Some(2), Some(6)))
            )]
        );
    }

    #[test]
    fn a_reference_after_the_quote_makes_a_title() {
        let found = titles("Watch \"Children of Mars\" (S2E6) first.");
        assert_eq!(found[0].3, Some((Some(2), Some(6))));
    }

    #[test]
    fn emphasis_counts_like_quotes() {
        assert_eq!(
            titles("The film *Children of Men* came out in 2006.")[0]
                .2
                .as_deref(),
            Some("film")
        );
    }

    #[test]
    fn speech_and_scare_quotes_are_not_titles() {
        assert!(titles("\"Children of Mars,\" she said, \"is a good name for us.\"").is_empty());
        assert!(titles("They called it \"the Mars thing\" for years.").is_empty());
    }

    #[test]
    fn numbers_and_series_elsewhere_in_the_sentence_are_not_the_titles() {
        let found = titles(
            "The Short Treks episode \"Children of Mars\" aired before season 1 of Star Trek: Picard.",
        );
        assert_eq!(found[0].3, None);
        let found = titles(
            "Star Trek: Picard season 1, episode 1 opens where the episode \"Children of Mars\" ends.",
        );
        assert_eq!((found[0].1.clone(), found[0].3), (None, None));
        assert!(titles("In short, \"Children of Men\" is bleak.").is_empty());
        assert_eq!(titles("The episode \"*Children of Mars*\" aired.").len(), 1);
    }

    #[test]
    fn numbers_with_their_series_after_the_title() {
        let found = titles(
            "\"Children of Mars\" is the fifth episode of the second season of Short Treks.",
        );
        assert_eq!(
            (found[0].1.as_deref(), found[0].3),
            (Some("short-treks"), Some((Some(2), Some(5))))
        );
    }

    #[test]
    fn numbers_of_something_else_are_not_the_titles() {
        for text in [
            "\"Children of Mars\" is episode 10 of Short Treks overall.",
            "\"Children of Mars\" mirrors season 2, episode 5, in the running order.",
            "Watch the Short Treks episode \"Children of Mars\" with season 1, episode 1 of Picard.",
            "The short \"Children of Mars\" leads into season 1, episode 1 of Star Trek: Picard.",
        ] {
            let found = titles(text);
            assert!(found.iter().all(|t| t.3.is_none()), "{text}: {found:?}");
        }
    }

    #[test]
    fn a_series_belongs_to_the_nearest_title() {
        let found = titles(
            "The film \"Children of Men\", then the Short Treks episode \"Ephraim and Dot\".",
        );
        assert_eq!(found[0].1, None);
        assert_eq!(found[1].1.as_deref(), Some("short-treks"));
    }
}
