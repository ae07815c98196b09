//! Footnote markers: the text of a `<sup>` that only points at a note (`1`, `[2]`, `(a)`,
//! `*`, `†`) is not prose; a superscript that says something (`st` in `1<sup>st</sup>`)
//! is. A number as an exponent (`10<sup>6</sup>`) reads as a marker too: rare in fiction.

use nom::branch::alt;
use nom::bytes::complete::{take_while, take_while_m_n};
use nom::character::complete::{char, digit1, one_of, satisfy};
use nom::combinator::{all_consuming, not, recognize};
use nom::multi::{many1, separated_list1};
use nom::sequence::{delimited, terminated};
use nom::{IResult, Parser};

use super::{Reader, decoded};

/// The longest superscript text worth testing for a marker.
pub(super) const LONGEST: usize = 24;

/// Whether `text` (decoded) is only a footnote marker, or markers (`[1][2]`).
pub(super) fn is_marker(text: &str) -> bool {
    all_consuming(delimited(space, many1(marker), space))
        .parse(text)
        .is_ok()
}

fn space(input: &str) -> IResult<&str, &str> {
    take_while(char::is_whitespace).parse(input)
}

/// One marker, bare or in brackets or parentheses.
fn marker(input: &str) -> IResult<&str, &str> {
    alt((
        delimited(char('['), delimited(space, label, space), char(']')),
        delimited(char('('), delimited(space, label, space), char(')')),
        label,
    ))
    .parse(input)
}

/// A note's label: numbers (`1`, `1,2`, `3-5`), one lower-case letter alone, or up to three
/// reference symbols.
fn label(input: &str) -> IResult<&str, &str> {
    alt((
        recognize(separated_list1(one_of(",-\u{2013}"), digit1)),
        take_while_m_n(1, 3, |c| {
            matches!(c, '*' | '\u{2020}' | '\u{2021}' | '\u{a7}' | '#')
        }),
        recognize(terminated(
            satisfy(|c| c.is_ascii_lowercase()),
            not(satisfy(char::is_alphanumeric)),
        )),
    ))
    .parse(input)
}

impl Reader<'_> {
    /// A `sup` closes: a footnote marker is dropped, other text written.
    pub(super) fn end_sup(&mut self) {
        let Some(sup) = &self.sup else {
            return;
        };
        let text: String = sup.texts.iter().map(|r| decoded(self.text, r)).collect();
        if is_marker(&text) {
            self.sup = None;
        } else {
            self.flush_sup();
        }
    }

    /// Writes the text held back in a `sup`.
    pub(super) fn flush_sup(&mut self) {
        if let Some(sup) = self.sup.take() {
            for range in sup.texts {
                self.text(range);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_numbers_letters_or_symbols_maybe_bracketed() {
        for m in [
            "1",
            " [12] ",
            "(a)",
            "*",
            "\u{2020}\u{2020}",
            "[1][2]",
            "1,3",
            "[ 4 ]",
        ] {
            assert!(is_marker(m), "{m}");
        }
    }

    #[test]
    fn words_and_ordinals_are_not_markers() {
        for m in ["st", "th", "TM", "note 1", "", "[x1]", "2nd"] {
            assert!(!is_marker(m), "{m}");
        }
    }

    #[test]
    fn a_marker_is_one_label() {
        assert_eq!(marker("[3]x"), Ok(("x", "3")));
    }

    #[test]
    fn labels_are_short() {
        assert_eq!(label("12-14]"), Ok(("]", "12-14")));
        assert!(label("ab").is_err());
    }
}
