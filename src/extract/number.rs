//! Figures: every common way of writing a number, as nom parsers over the prose.
//!
//! Digits ("92,000", "92000", "1.5"), digits with a suffix or scale ("92k", "92 thousand",
//! "1.5 million"), number words ("ninety-two thousand", "a dozen", "one hundred and
//! twelve") and vague plurals ("thousands", "tens of thousands"). The number words come
//! from the packs' `[numbers]` table.

use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while_m_n, take_while1};
use nom::character::complete::{char as ch, digit1, multispace1, satisfy};
use nom::combinator::{opt, recognize};
use nom::multi::many1;
use nom::sequence::{pair, preceded};
use nom::{IResult, Parser};

use crate::pack::vocab::{NumberWord, Vocabulary};
use crate::value::last_digit_unit;

/// A parsed figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure {
    /// The value.
    pub value: f64,
    /// The unit of its last significant digit (how much it may have been rounded).
    pub unit: f64,
    /// A vague plural ("thousands"): the value is only a lower bound.
    pub vague: bool,
    /// For "a few hundred", "several thousand": the bound the figure stays under.
    pub under: Option<f64>,
}

type Res<'a, T> = IResult<&'a str, T>;

fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// True at a word boundary: the end, or a character that is not a letter or digit.
fn at_boundary(rest: &str) -> bool {
    rest.chars().next().is_none_or(|c| !c.is_alphanumeric())
}

/// "92,000" or "92000", then an optional ".5".
fn digits(input: &str) -> Res<'_, (f64, u32)> {
    // "92,000", or "92 000" with a space, a no-break space or a thin no-break space.
    let separator = |c: char| matches!(c, ',' | ' ' | '\u{a0}' | '\u{202f}');
    let grouped = recognize(pair(
        take_while_m_n(1, 3, is_digit),
        many1(pair(satisfy(separator), take_while_m_n(3, 3, is_digit))),
    ));
    let (rest, whole) = alt((grouped, digit1)).parse(input)?;
    if rest.starts_with(is_digit) {
        // "12 3456": the groups were not thousands.
        return fail(input);
    }
    let (rest, fraction) = opt(preceded(ch('.'), digit1)).parse(rest)?;
    let mut text: String = whole.chars().filter(char::is_ascii_digit).collect();
    let decimals = fraction.map_or(0, |f| f.len() as u32);
    if let Some(f) = fraction {
        text.push('.');
        text.push_str(f);
    }
    let value = text.parse::<f64>().map_err(|_| {
        nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Digit))
    })?;
    Ok((rest, (value, decimals)))
}

fn fail<T>(input: &str) -> Res<'_, T> {
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        nom::error::ErrorKind::Verify,
    )))
}

/// A figure written with digits, with an optional suffix ("92k") or scale word
/// ("1.5 million").
fn digit_figure<'a>(vocab: &Vocabulary, input: &'a str) -> Res<'a, Figure> {
    let (rest, (value, decimals)) = digits(input)?;
    // The figure times a multiplier; a decimal keeps its precision ("1.5 million" is
    // rounded to a hundred thousand), a whole number its trailing zeros.
    let scaled = |m: f64| Figure {
        value: value * m,
        unit: if decimals > 0 {
            10f64.powi(-(decimals as i32)) * m
        } else {
            last_digit_unit(value * m)
        },
        vague: false,
        under: None,
    };
    // A suffix written straight after the digits.
    let suffix = take_while1::<_, _, nom::error::Error<&str>>(char::is_alphabetic).parse(rest);
    if let Ok((after, letters)) = suffix {
        return match vocab.suffixes.get(letters) {
            Some(&m) if at_boundary(after) => Ok((after, scaled(m as f64))),
            // "5th", "3D": not a figure.
            _ => fail(input),
        };
    }
    if !at_boundary(rest) {
        return fail(input);
    }
    // A scale word after a space: "92 thousand", "1.5 million".
    let word = preceded(
        multispace1::<_, nom::error::Error<&str>>,
        take_while1(char::is_alphabetic),
    )
    .parse(rest);
    if let Ok((after, word)) = word {
        if let Some(NumberWord::Scale(m)) = vocab
            .numbers
            .get(crate::pack::vocab::lower_key(word, &mut [0; 32]).as_ref())
        {
            return Ok((after, scaled(*m as f64)));
        }
    }
    Ok((rest, scaled(1.0)))
}

/// One number word, looked up in the vocabulary.
fn number_word<'a>(vocab: &Vocabulary, input: &'a str) -> Res<'a, NumberWord> {
    let (rest, word) = take_while1(char::is_alphabetic).parse(input)?;
    match vocab
        .numbers
        .get(crate::pack::vocab::lower_key(word, &mut [0; 32]).as_ref())
    {
        Some(w) if at_boundary(rest) => Ok((rest, *w)),
        _ => fail(input),
    }
}

/// What may separate two number words: a hyphen, spaces, or " and ".
fn separator(input: &str) -> Res<'_, &str> {
    alt((
        tag("-"),
        recognize((multispace1, tag_no_case("and"), multispace1)),
        multispace1,
    ))
    .parse(input)
}

/// "a few hundred", "several thousand": from two to under ten of the scale.
fn few_figure<'a>(vocab: &Vocabulary, input: &'a str) -> Res<'a, Figure> {
    let words: Vec<&str> = input.split_whitespace().take(3).collect();
    let (_, n) = vocab.few.match_start(&words).ok_or_else(|| {
        nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Tag))
    })?;
    // Skip the "few" words, then read the scale.
    let mut rest = input;
    for _ in 0..n {
        rest = rest.trim_start();
        rest = &rest[rest.find(char::is_whitespace).unwrap_or(rest.len())..];
    }
    let (rest, _) = multispace1(rest)?;
    match number_word(vocab, rest)? {
        (rest, NumberWord::Scale(s)) => {
            let s = s as f64;
            Ok((
                rest,
                Figure {
                    value: 2.0 * s,
                    unit: s,
                    vague: true,
                    under: Some(10.0 * s),
                },
            ))
        }
        _ => fail(input),
    }
}

/// "tens of thousands", "hundreds", "thousands": a lower bound.
fn vague_figure<'a>(vocab: &Vocabulary, input: &'a str) -> Res<'a, Figure> {
    let (mut rest, first) = number_word(vocab, input)?;
    let NumberWord::Vague(first) = first else {
        return fail(input);
    };
    let mut value = first as f64;
    while let Ok((after, NumberWord::Vague(next))) =
        preceded((multispace1, tag_no_case("of"), multispace1), |i| {
            number_word(vocab, i)
        })
        .parse(rest)
    {
        value *= next as f64;
        rest = after;
    }
    if !value.is_finite() {
        return fail(input);
    }
    Ok((
        rest,
        Figure {
            value,
            unit: value,
            vague: true,
            under: None,
        },
    ))
}

/// "ninety-two thousand", "a dozen", "one hundred and twelve", "two million".
fn word_figure<'a>(vocab: &Vocabulary, input: &'a str) -> Res<'a, Figure> {
    // "a" or "an" stands for one before a scale or collective word.
    let article = pair(
        alt((
            tag_no_case::<_, _, nom::error::Error<&str>>("an"),
            tag_no_case("a"),
        )),
        multispace1,
    )
    .parse(input);
    let (mut rest, mut last, mut current, mut total) = match article {
        Ok((after, _)) => match number_word(vocab, after) {
            Ok((r, w @ (NumberWord::Scale(_) | NumberWord::Collective(_)))) => {
                let (cur, tot) = apply(w, 1.0, 0.0);
                (r, w, cur, tot)
            }
            _ => return fail(input),
        },
        Err(_) => match number_word(vocab, input)? {
            (r, w @ (NumberWord::Unit(_) | NumberWord::Ten(_))) => {
                let (cur, tot) = apply(w, 0.0, 0.0);
                (r, w, cur, tot)
            }
            _ => return fail(input),
        },
    };
    while let Ok((after_sep, sep)) = separator(rest) {
        let Ok((after, word)) = number_word(vocab, after_sep) else {
            break;
        };
        let fits = match (last, word) {
            (NumberWord::Ten(_), NumberWord::Unit(u)) => u < 10 && current % 10.0 == 0.0,
            (NumberWord::Scale(_), NumberWord::Unit(_) | NumberWord::Ten(_)) => true,
            (NumberWord::Unit(_) | NumberWord::Ten(_), NumberWord::Scale(s)) => {
                s >= 100 || current > 0.0
            }
            (NumberWord::Scale(a), NumberWord::Scale(b)) => a == 100 && b > 100,
            (NumberWord::Unit(_) | NumberWord::Ten(_), NumberWord::Collective(_)) => true,
            _ => false,
        };
        // "and" only joins a scale to what follows ("a hundred and twelve").
        let and_ok =
            !sep.trim().eq_ignore_ascii_case("and") || matches!(last, NumberWord::Scale(_));
        if !fits || !and_ok {
            break;
        }
        (current, total) = apply(word, current, total);
        last = word;
        rest = after;
    }
    let value = total + current;
    if !value.is_finite() {
        return fail(input);
    }
    Ok((
        rest,
        Figure {
            value,
            unit: last_digit_unit(value),
            vague: false,
            under: None,
        },
    ))
}

/// Folds one number word into the running `current` and `total` (in floating point:
/// "billions of billions" must not overflow).
fn apply(word: NumberWord, current: f64, total: f64) -> (f64, f64) {
    match word {
        NumberWord::Unit(v) | NumberWord::Ten(v) => (current + v as f64, total),
        NumberWord::Scale(100) => (current.max(1.0) * 100.0, total),
        NumberWord::Scale(s) => (0.0, total + current.max(1.0) * s as f64),
        NumberWord::Collective(c) => (current.max(1.0) * c as f64, total),
        NumberWord::Vague(_) | NumberWord::Ordinal(_) => (current, total),
    }
}

/// Any figure at the start of `input`.
pub fn figure<'a>(vocab: &Vocabulary, input: &'a str) -> Res<'a, Figure> {
    if input.starts_with(|c: char| c.is_ascii_digit()) {
        return digit_figure(vocab, input);
    }
    few_figure(vocab, input)
        .or_else(|_| vague_figure(vocab, input))
        .or_else(|_| word_figure(vocab, input))
}

/// An ordinal or cardinal up to twenty, for seasons and episodes ("sixth", "6", "six").
pub fn small_number<'a>(vocab: &Vocabulary, input: &'a str) -> Res<'a, u32> {
    if let Ok((rest, d)) = digit1::<_, nom::error::Error<&str>>(input) {
        if at_boundary(rest) || rest.starts_with(|c: char| c.is_alphabetic()) {
            let rest =
                rest.trim_start_matches(|c: char| c.is_ascii_alphabetic() && c.is_lowercase());
            if let Ok(n) = d.parse() {
                return Ok((rest, n));
            }
        }
        return fail(input);
    }
    match number_word(vocab, input)? {
        (rest, NumberWord::Unit(n) | NumberWord::Ten(n) | NumberWord::Ordinal(n)) => {
            Ok((rest, n as u32))
        }
        _ => fail(input),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vocabulary {
        let canon = crate::pack::load_named(&[], std::path::Path::new(".")).unwrap();
        canon.vocab
    }

    fn parse(text: &str) -> Option<(f64, f64, bool, &str)> {
        figure(&vocab(), text)
            .ok()
            .map(|(rest, f)| (f.value, f.unit, f.vague, rest))
    }

    #[test]
    fn digits_with_and_without_separators() {
        assert_eq!(
            parse("92,000 lives"),
            Some((92_000.0, 1000.0, false, " lives"))
        );
        assert_eq!(parse("92000."), Some((92_000.0, 1000.0, false, ".")));
        assert_eq!(parse("92,143"), Some((92_143.0, 1.0, false, "")));
        assert_eq!(
            parse("92 000 people"),
            Some((92_000.0, 1000.0, false, " people"))
        );
        assert_eq!(parse("92\u{202f}000"), Some((92_000.0, 1000.0, false, "")));
    }

    #[test]
    fn suffixes_and_scales() {
        assert_eq!(parse("92k dead"), Some((92_000.0, 1000.0, false, " dead")));
        assert_eq!(
            parse("1.5 million"),
            Some((1_500_000.0, 100_000.0, false, ""))
        );
        assert_eq!(parse("92 thousand"), Some((92_000.0, 1000.0, false, "")));
        assert_eq!(parse("5th"), None);
    }

    #[test]
    fn number_words() {
        assert_eq!(
            parse("ninety-two thousand souls").map(|p| p.0),
            Some(92_000.0)
        );
        assert_eq!(parse("twenty thousand").map(|p| p.0), Some(20_000.0));
        assert_eq!(parse("a dozen ships").map(|p| p.0), Some(12.0));
        assert_eq!(parse("two dozen").map(|p| p.0), Some(24.0));
        assert_eq!(parse("one hundred and twelve").map(|p| p.0), Some(112.0));
        assert_eq!(
            parse("a thousand and one nights").map(|p| p.0),
            Some(1001.0)
        );
        assert_eq!(parse("forty ships").map(|p| p.0), Some(40.0));
        assert_eq!(parse("four five"), Some((4.0, 1.0, false, " five")));
        assert_eq!(parse("a ship"), None);
        assert!(
            parse("billions of billions of billions of billions").is_some_and(|p| p.0.is_finite())
        );
    }

    #[test]
    fn vague_plurals_are_lower_bounds() {
        assert_eq!(
            parse("tens of thousands of people"),
            Some((10_000.0, 10_000.0, true, " of people"))
        );
        assert_eq!(
            parse("thousands died").map(|p| (p.0, p.2)),
            Some((1000.0, true))
        );
    }

    #[test]
    fn a_few_and_several_are_ranges() {
        let v = vocab();
        let f = figure(&v, "a few hundred people").unwrap().1;
        assert_eq!((f.value, f.under), (200.0, Some(1000.0)));
        assert_eq!(
            figure(&v, "several thousand").unwrap().1.under,
            Some(10_000.0)
        );
        assert!(figure(&v, "a few people").is_err());
    }

    #[test]
    fn small_numbers_for_episodes() {
        let v = vocab();
        assert_eq!(small_number(&v, "6,").map(|r| r.1), Ok(6));
        assert_eq!(small_number(&v, "sixth episode").map(|r| r.1), Ok(6));
        assert_eq!(small_number(&v, "2nd").map(|r| r.1), Ok(2));
    }
}
