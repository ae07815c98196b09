//! Dates: "April 5, 2385", "5 April 2385", "April 5th", "2385-04-05", a year after "in",
//! and named days from the packs ("First Contact Day", "First Contact Day, 2385").
//!
//! A date in a sentence that measures from something ("a year after the attack", "the
//! anniversary of") is marked relative: it is not the date of its subject.

use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while_m_n, take_while1};
use nom::character::complete::{char as ch, multispace0, multispace1};
use nom::combinator::opt;
use nom::sequence::{preceded, terminated};
use nom::{IResult, Parser};

use crate::extract::block::BlockText;
use crate::extract::{Claim, ClaimKind, DateClaim};
use crate::pack::model::EntityKind;
use crate::pack::names::Target;
use crate::pack::vocab::Vocabulary;
use crate::value::PartialDate;

type Res<'a, T> = IResult<&'a str, T>;

/// Adds a date claim for every date of the block.
pub fn extract(text: &BlockText, claims: &mut Vec<Claim>) {
    let vocab = &text.canon.vocab;
    let mut i = 0;
    while i < text.tokens.len() {
        let start = text.tokens[i].span.start;
        let input = &text.prose[start..text.span.end];
        let found = named_day(text, i)
            .or_else(|| full_date(vocab, input).ok())
            .or_else(|| year_after_cue(text, i));
        let Some((rest, date)) = found else {
            i += 1;
            continue;
        };
        let end = text.span.end - rest.len();
        let relative = text.mood_at(i).relative;
        claims.push(Claim {
            span: start..end,
            dialogue: false,
            kind: ClaimKind::Date(DateClaim {
                date,
                relative,
                hedged: false,
                subject: None,
            }),
        });
        i = text.token_from(end);
    }
}

fn boundary(rest: &str) -> bool {
    rest.chars().next().is_none_or(|c| !c.is_alphanumeric())
}

fn year(input: &str) -> Res<'_, i32> {
    let (rest, digits) = take_while_m_n(4, 4, |c: char| c.is_ascii_digit()).parse(input)?;
    let grouped =
        rest.starts_with([',', '.']) && rest[1..].starts_with(|c: char| c.is_ascii_digit());
    if !boundary(rest) || grouped {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok((rest, digits.parse().unwrap_or(0)))
}

fn day_of_month(input: &str) -> Res<'_, u8> {
    let (rest, digits) = take_while_m_n(1, 2, |c: char| c.is_ascii_digit()).parse(input)?;
    let (rest, _) = opt(alt((tag("st"), tag("nd"), tag("rd"), tag("th"), tag("d")))).parse(rest)?;
    let day: u8 = digits.parse().unwrap_or(0);
    if !(1..=31).contains(&day) || !boundary(rest) {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok((rest, day))
}

fn month<'a>(vocab: &Vocabulary, input: &'a str) -> Res<'a, u8> {
    let (rest, word) = take_while1(char::is_alphabetic).parse(input)?;
    let (rest, _) = opt(ch('.')).parse(rest)?;
    match vocab
        .months
        .get(crate::pack::vocab::lower_key(word, &mut [0; 32]).as_ref())
    {
        Some(&m) if word.starts_with(char::is_uppercase) => Ok((rest, m)),
        _ => Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Tag,
        ))),
    }
}

/// ", 2385" or " 2385" after a day and month.
fn trailing_year(input: &str) -> Res<'_, Option<i32>> {
    opt(preceded(
        (
            opt(ch(',')),
            multispace1,
            opt(terminated(tag_no_case("of"), multispace1)),
        ),
        year,
    ))
    .parse(input)
}

/// "2385-04-05", "April 5, 2385", "April 5th", "April 2385", "5 April 2385", "5th of April".
pub fn full_date<'a>(vocab: &Vocabulary, input: &'a str) -> Res<'a, PartialDate> {
    let iso = |i: &'a str| -> Res<'a, PartialDate> {
        let (rest, (y, _, m, _, d)) = (
            take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
            ch('-'),
            take_while_m_n(2, 2, |c: char| c.is_ascii_digit()),
            ch('-'),
            take_while_m_n(2, 2, |c: char| c.is_ascii_digit()),
        )
            .parse(i)?;
        let text = format!("{y}-{m}-{d}");
        match PartialDate::parse_iso(&text) {
            Some(date) if boundary(rest) => Ok((rest, date)),
            _ => Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Verify,
            ))),
        }
    };
    let month_first = |i: &'a str| -> Res<'a, PartialDate> {
        let (rest, m) = month(vocab, i)?;
        let (rest, _) = multispace1.parse(rest)?;
        if let Ok((rest, y)) = year(rest) {
            return Ok((rest, PartialDate::new(Some(y), Some(m), None)));
        }
        let (rest, d) = day_of_month(rest)?;
        let (rest, y) = trailing_year(rest)?;
        Ok((rest, PartialDate::new(y, Some(m), Some(d))))
    };
    let day_first = |i: &'a str| -> Res<'a, PartialDate> {
        let (rest, d) = day_of_month(i)?;
        let (rest, _) = (multispace1, opt((tag_no_case("of"), multispace1))).parse(rest)?;
        let (rest, m) = month(vocab, rest)?;
        let (rest, y) = trailing_year(rest)?;
        Ok((rest, PartialDate::new(y, Some(m), Some(d))))
    };
    alt((iso, month_first, day_first)).parse(input)
}

/// A named day from the packs at token `i`, with an optional year after it.
fn named_day<'a>(text: &BlockText<'a>, i: usize) -> Option<(&'a str, PartialDate)> {
    let start = text.tokens[i].span.start;
    let mention = text.mention_at(start)?;
    let Target::Day(day) = text.canon.names.forms[mention.form].target else {
        return None;
    };
    let day = &text.canon.days[day];
    let rest = &text.prose[mention.span.end..text.span.end];
    let with_year = preceded(
        (
            opt(ch(',')),
            multispace0,
            opt(terminated(
                alt((tag_no_case("of"), tag_no_case("in"))),
                multispace1,
            )),
        ),
        year,
    )
    .parse(rest);
    let (rest, year) = match with_year {
        Ok((r, y)) => (r, Some(y)),
        Err(_) => (rest, None),
    };
    Some((
        rest,
        PartialDate {
            year,
            month: Some(day.month),
            day: Some(day.day),
        },
    ))
}

/// A bare year is a date only after "in", "of", "during" or "year", or alone in
/// parentheses: "in 2385", "(2385)".
fn year_after_cue<'a>(text: &BlockText<'a>, i: usize) -> Option<(&'a str, PartialDate)> {
    let previous = text.words.get(i.checked_sub(1)?)?;
    let cue = [
        "in", "of", "during", "year", "since", "until", "from", "circa",
    ]
    .iter()
    .any(|c| previous.eq_ignore_ascii_case(c));
    let parenthesised = *previous == "(" && text.words.get(i + 1) == Some(&")");
    // "the 2386 attack on Mars": a year before an event's name.
    let before_event = previous.eq_ignore_ascii_case("the")
        && text
            .tokens
            .get(i + 1)
            .and_then(|t| text.mention_at(t.span.start))
            .is_some_and(|m| {
                text.entity_of(m)
                    .is_some_and(|e| text.canon.entities[e].kind == EntityKind::Event)
            });
    if !cue && !parenthesised && !before_event {
        return None;
    }
    // "of 1500 dockworkers", "from 1000 ships": a count of something, not a year.
    if counts_a_noun(text, i + 1) && !before_event {
        return None;
    }
    let start = text.tokens[i].span.start;
    let (rest, y) = year(&text.prose[start..text.span.end]).ok()?;
    Some((rest, PartialDate::new(Some(y), None, None)))
}

/// Whether the word at token `i` is what a number before it would count: a measure's
/// noun, a word for people, or a lower-case plural ("dockworkers").
fn counts_a_noun(text: &BlockText, i: usize) -> bool {
    let Some(word) = text.words.get(i) else {
        return false;
    };
    let rest = &text.words[i..];
    let vocab = &text.canon.vocab;
    let plural = word.len() > 3
        && word.ends_with('s')
        && word.starts_with(char::is_lowercase)
        && !matches!(
            *word,
            "was" | "has" | "this" | "thus" | "always" | "perhaps" | "towards" | "afterwards"
        )
        && vocab.function_words.match_start(rest).is_none();
    plural
        || vocab.people.match_start(rest).is_some()
        || text
            .canon
            .measures
            .iter()
            .any(|m| m.nouns.match_start(rest).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Option<(String, &str)> {
        let canon = crate::pack::load_named(&[], std::path::Path::new(".")).unwrap();
        full_date(&canon.vocab, text)
            .ok()
            .map(|(rest, d)| (d.to_string(), rest))
    }

    #[test]
    fn month_first_and_day_first() {
        assert_eq!(parse("April 5, 2385."), Some(("April 5, 2385".into(), ".")));
        assert_eq!(parse("April 5th and"), Some(("April 5".into(), " and")));
        assert_eq!(parse("5 April 2385"), Some(("April 5, 2385".into(), "")));
        assert_eq!(
            parse("5th of April, 2385"),
            Some(("April 5, 2385".into(), ""))
        );
        assert_eq!(parse("April 2385"), Some(("April 2385".into(), "")));
    }

    #[test]
    fn iso_dates() {
        assert_eq!(parse("2385-04-05"), Some(("April 5, 2385".into(), "")));
        assert_eq!(parse("2385-13-05"), None);
    }

    #[test]
    fn words_that_look_like_months_need_a_day_or_year() {
        assert_eq!(parse("May the fleet"), None);
        assert_eq!(parse("may 5"), None);
        assert_eq!(parse("April 45"), None);
    }
}
