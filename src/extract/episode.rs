//! Season and episode numbers: "season 2, episode 6", "S2E6", "S02E06", "2x06",
//! "episode 6 of season 2", "the sixth episode of the second season", "season 2" alone.
//! Each number keeps its own span, so a wrong one can be pointed at and replaced.

use std::ops::Range;

use nom::branch::alt;
use nom::bytes::complete::{tag_no_case, take_while_m_n};
use nom::character::complete::{char as ch, multispace0, multispace1};
use nom::combinator::opt;
use nom::sequence::preceded;
use nom::{IResult, Parser};

use crate::extract::number::small_number;
use crate::pack::vocab::Vocabulary;

/// A season and/or episode reference, with the span of each number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EpisodeRef {
    /// The whole reference.
    pub span: Range<usize>,
    /// The season number and its bytes.
    pub season: Option<(u32, Range<usize>)>,
    /// The episode number and its bytes.
    pub episode: Option<(u32, Range<usize>)>,
}

type Res<'a, T> = IResult<&'a str, T>;

/// A season and an episode number, each with its bytes.
type Numbers = (Option<(u32, Range<usize>)>, Option<(u32, Range<usize>)>);

/// A number with its byte range, relative to `base` (the input the whole parse started on).
fn located<'a>(vocab: &Vocabulary, base: &str, input: &'a str) -> Res<'a, (u32, Range<usize>)> {
    let (rest, n) = small_number(vocab, input)?;
    let start = base.len() - input.len();
    let digits_end = input.len()
        - input
            .trim_start_matches(|c: char| c.is_alphanumeric())
            .len();
    Ok((rest, (n, start..start + digits_end)))
}

fn word<'a>(
    w: &'static str,
) -> impl Parser<&'a str, Output = &'a str, Error = nom::error::Error<&'a str>> {
    tag_no_case(w)
}

/// Parses an episode reference at the start of `input`; spans are relative to `input`.
pub fn episode_ref<'a>(vocab: &Vocabulary, input: &'a str) -> Option<EpisodeRef> {
    let base = input;
    let num = |i| located(vocab, base, i);
    let digits = |n: usize| take_while_m_n(1, n, |c: char| c.is_ascii_digit());
    let loc = |i: &str, len: usize| {
        let start = base.len() - i.len();
        start..start + len
    };
    // S2E6, S02E06, S2 E6.
    let compact = |i: &'a str| -> Res<'a, Numbers> {
        let (r, _) = ch('S').parse(i)?;
        let (r2, s) = digits(2).parse(r)?;
        let season = (s.parse().unwrap_or(0), loc(r, s.len()));
        let (r3, _) = (multispace0, ch('E')).parse(r2)?;
        let (r4, e) = digits(3).parse(r3)?;
        Ok((
            r4,
            (
                Some(season),
                Some((e.parse().unwrap_or(0), loc(r3, e.len()))),
            ),
        ))
    };
    // 2x06.
    let cross = |i: &'a str| -> Res<'a, Numbers> {
        let (r, s) = digits(2).parse(i)?;
        let (r2, _) = ch('x').parse(r)?;
        let (r3, e) = digits(3).parse(r2)?;
        let season = (s.parse().unwrap_or(0), loc(i, s.len()));
        Ok((
            r3,
            (
                Some(season),
                Some((e.parse().unwrap_or(0), loc(r2, e.len()))),
            ),
        ))
    };
    // season 2[,] episode 6 | season 2
    let season_first = |i| {
        let (r, season) = preceded((word("season"), multispace1), num).parse(i)?;
        let (r, episode) = opt(preceded(
            (opt(ch(',')), multispace1, word("episode"), multispace1),
            num,
        ))
        .parse(r)?;
        Ok((r, (Some(season), episode)))
    };
    // episode 6 of season 2 | episode 6
    let episode_first = |i| {
        let (r, episode) = preceded((word("episode"), multispace1), num).parse(i)?;
        let (r, season) = opt(preceded(
            (
                multispace1,
                word("of"),
                multispace1,
                word("season"),
                multispace1,
            ),
            num,
        ))
        .parse(r)?;
        Ok((r, (season, Some(episode))))
    };
    // the sixth episode of the second season | the sixth episode of season 2
    let ordinal_first = |i| {
        let (r, episode) = preceded(opt((word("the"), multispace1)), num).parse(i)?;
        let (r, _) = (
            multispace1,
            word("episode"),
            multispace1,
            word("of"),
            multispace1,
        )
            .parse(r)?;
        let (r, season) = alt((
            preceded((word("season"), multispace1), num),
            preceded((opt((word("the"), multispace1)), multispace0), |x| {
                let (x, s) = num(x)?;
                let (x, _) = (multispace1, word("season")).parse(x)?;
                Ok((x, s))
            }),
        ))
        .parse(r)?;
        Ok((r, (Some(season), Some(episode))))
    };
    let (rest, (season, episode)) =
        alt((compact, cross, season_first, episode_first, ordinal_first))
            .parse(input)
            .ok()?;
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    Some(EpisodeRef {
        span: 0..input.len() - rest.len(),
        season,
        episode,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Option<(Option<u32>, Option<u32>, &str)> {
        let canon = crate::pack::load_named(&[], std::path::Path::new(".")).unwrap();
        episode_ref(&canon.vocab, text).map(|r| {
            for (_, span) in r.season.iter().chain(r.episode.iter()) {
                assert!(
                    text[span.clone()].chars().next().unwrap().is_alphanumeric(),
                    "{span:?} in {text}"
                );
            }
            (r.season.map(|s| s.0), r.episode.map(|e| e.0), &text[r.span])
        })
    }

    #[test]
    fn written_out_references() {
        assert_eq!(
            parse("season 2, episode 6 of"),
            Some((Some(2), Some(6), "season 2, episode 6"))
        );
        assert_eq!(
            parse("Season two episode six"),
            Some((Some(2), Some(6), "Season two episode six"))
        );
        assert_eq!(
            parse("episode 6 of season 2"),
            Some((Some(2), Some(6), "episode 6 of season 2"))
        );
        assert_eq!(
            parse("the sixth episode of the second season"),
            Some((Some(2), Some(6), "the sixth episode of the second season"))
        );
        assert_eq!(parse("season 2."), Some((Some(2), None, "season 2")));
    }

    #[test]
    fn compact_references() {
        assert_eq!(parse("S2E6)"), Some((Some(2), Some(6), "S2E6")));
        assert_eq!(parse("S02E06"), Some((Some(2), Some(6), "S02E06")));
        assert_eq!(parse("2x06"), Some((Some(2), Some(6), "2x06")));
        assert_eq!(parse("S2E6x"), None);
    }

    #[test]
    fn number_spans_point_at_the_numbers() {
        let canon = crate::pack::load_named(&[], std::path::Path::new(".")).unwrap();
        let text = "season 1, episode 6";
        let r = episode_ref(&canon.vocab, text).unwrap();
        assert_eq!(&text[r.season.unwrap().1], "1");
        assert_eq!(&text[r.episode.unwrap().1], "6");
    }
}
