//! Tokens and sentences of a block of prose.
//!
//! A token is a word ("Jean-Luc", "R'El", "Picard's"), a number ("92,000", "1.5", "92k",
//! "5th") or one punctuation character. Sentences end at `.`, `!`, `?` or `…` followed by
//! a space and a capital, a digit or a quote, except after an abbreviation or an initial
//! ("Dr.", "U.S.S.").

use std::collections::HashSet;
use std::ops::Range;

use nom::branch::alt;
use nom::bytes::complete::take_while;
use nom::character::complete::{anychar, satisfy};
use nom::combinator::recognize;
use nom::multi::many0;
use nom::sequence::pair;
use nom::{IResult, Parser};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Starts with a letter.
    Word,
    /// Starts with a digit.
    Number,
    /// Anything else, one character.
    Punct,
}

/// A token: its kind and its bytes in the prose view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Word, number or punctuation.
    pub kind: TokenKind,
    /// Byte range.
    pub span: Range<usize>,
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-' | '\u{2010}' | '\u{2011}')
}

/// A word: a letter, then letters and digits, with apostrophes or hyphens between them.
fn word(input: &str) -> IResult<&str, &str> {
    recognize(pair(
        satisfy(char::is_alphabetic),
        many0(alt((
            recognize(satisfy(char::is_alphanumeric)),
            recognize(pair(satisfy(is_joiner), satisfy(char::is_alphanumeric))),
        ))),
    ))
    .parse(input)
}

/// A number: a digit, then digits and letters, with `,` or `.` between digits.
fn number(input: &str) -> IResult<&str, &str> {
    recognize(pair(
        satisfy(|c| c.is_ascii_digit()),
        many0(alt((
            recognize(satisfy(char::is_alphanumeric)),
            recognize(pair(
                satisfy(|c| c == ',' || c == '.'),
                satisfy(|c| c.is_ascii_digit()),
            )),
        ))),
    ))
    .parse(input)
}

fn space(input: &str) -> IResult<&str, &str> {
    take_while(char::is_whitespace).parse(input)
}

/// Splits `text` into tokens; spans are offset by `base`.
pub fn tokenize(text: &str, base: usize) -> Vec<Token> {
    let mut out = Vec::new();
    let mut rest = text;
    loop {
        if let Ok((r, _)) = space(rest) {
            rest = r;
        }
        if rest.is_empty() {
            return out;
        }
        let start = text.len() - rest.len();
        let (kind, r) = if let Ok((r, _)) = word(rest) {
            (TokenKind::Word, r)
        } else if let Ok((r, _)) = number(rest) {
            (TokenKind::Number, r)
        } else if let Ok((r, _)) = anychar::<_, nom::error::Error<&str>>(rest) {
            (TokenKind::Punct, r)
        } else {
            return out;
        };
        let end = text.len() - r.len();
        out.push(Token {
            kind,
            span: base + start..base + end,
        });
        rest = r;
    }
}

/// Sentences as ranges of token indices.
pub fn sentences(
    prose: &str,
    tokens: &[Token],
    abbreviations: &HashSet<String>,
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let text = |i: usize| &prose[tokens[i].span.clone()];
    let mut i = 0;
    while i < tokens.len() {
        let t = text(i);
        if tokens[i].kind == TokenKind::Punct && matches!(t, "." | "!" | "?" | "\u{2026}") {
            // Closing quotes and brackets belong to the sentence they close.
            let mut end = i + 1;
            while end < tokens.len()
                && tokens[end].span.start == tokens[end - 1].span.end
                && matches!(
                    text(end),
                    "\"" | "\u{201d}" | "'" | "\u{2019}" | ")" | "]" | "." | "!" | "?"
                )
            {
                end += 1;
            }
            let next_starts = end >= tokens.len()
                || (tokens[end].span.start > tokens[end - 1].span.end
                    && starts_sentence(text(end)));
            let after_abbreviation = t == "."
                && i > 0
                && tokens[i - 1].span.end == tokens[i].span.start
                && tokens[i - 1].kind == TokenKind::Word
                && (abbreviations.contains(text(i - 1)) || is_initial(text(i - 1)));
            if next_starts && !after_abbreviation {
                out.push(start..end);
                start = end;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

fn starts_sentence(token: &str) -> bool {
    token.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(c, '"' | '\u{201c}' | '\'' | '\u{2018}' | '(' | '*' | '_')
    })
}

fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text, 0)
            .into_iter()
            .map(|t| &text[t.span])
            .collect()
    }

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        assert_eq!(
            texts("Jean-Luc Picard's R'El - ok"),
            ["Jean-Luc", "Picard's", "R'El", "-", "ok"]
        );
    }

    #[test]
    fn numbers_keep_separators_and_suffixes() {
        assert_eq!(
            texts("92,000 1.5 92k 5th, 2385."),
            ["92,000", "1.5", "92k", "5th", ",", "2385", "."]
        );
    }

    #[test]
    fn offsets_are_added() {
        let t = tokenize("ab", 10);
        assert_eq!(t[0].span, 10..12);
    }

    fn split(text: &str) -> Vec<String> {
        let tokens = tokenize(text, 0);
        let abbreviations: HashSet<String> = ["Dr".to_string()].into();
        sentences(text, &tokens, &abbreviations)
            .into_iter()
            .map(|r| text[tokens[r.start].span.start..tokens[r.end - 1].span.end].to_string())
            .collect()
    }

    #[test]
    fn sentences_skip_abbreviations_and_initials() {
        assert_eq!(
            split("Dr. Maddox left. The U.S.S. Verity stayed! \"Go.\" She went"),
            [
                "Dr. Maddox left.",
                "The U.S.S. Verity stayed!",
                "\"Go.\"",
                "She went"
            ]
        );
    }

    #[test]
    fn decimals_and_lower_case_do_not_split() {
        assert_eq!(
            split("It cost 1.5 million. then more"),
            ["It cost 1.5 million. then more"]
        );
    }
}
