//! The HTML tokenizer: the text cut into text runs, tags, comments and the raw contents of
//! script-like elements, each with its bytes in the original.
//!
//! It follows the HTML standard's tokenizer where that decides what a reader sees: a `<`
//! opens a tag only before a letter (`a < b`, `<3` are text), quoted attribute values may
//! hold `>`, an unclosed tag or comment runs to the end of the text, and the contents of
//! `script`, `style` and their kin run to their own end tag whatever they hold. Every
//! parser consumes what it scans, so the whole text is read in one pass.

use std::ops::Range;

use nom::branch::alt;
use nom::bytes::complete::{tag, take_till, take_till1, take_until, take_while};
use nom::character::complete::{char, satisfy};
use nom::combinator::{eof, not, opt, recognize, value};
use nom::multi::many0;
use nom::sequence::{delimited, pair, preceded, terminated};
use nom::{IResult, Parser};

/// One piece of an HTML text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Token<'a> {
    /// Text up to the next markup, character references still in it; also the contents
    /// of `title` and `textarea`, whose references count but whose tags do not.
    Text(Range<usize>),
    /// A start tag: its name as written, whether it closes itself (`<br/>`), its bytes.
    Start {
        name: &'a str,
        closed: bool,
        span: Range<usize>,
    },
    /// An end tag: its name as written and its bytes.
    End { name: &'a str, span: Range<usize> },
    /// A comment: the bytes between `<!--` and `-->` (to the end if it is unclosed).
    Comment(Range<usize>),
    /// The contents of `script`, `style` and the like: never prose.
    Raw(Range<usize>),
    /// A doctype, CDATA section, processing instruction or bogus comment.
    Other(Range<usize>),
}

/// How an element's contents are tokenized when they are not markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Contents {
    /// Raw text up to the end tag (`script`, `style`).
    Raw(&'static str),
    /// Text with character references up to the end tag (`title`, `textarea`).
    Escapable(&'static str),
    /// Everything to the end of the text (`plaintext`).
    Rest,
}

/// The elements whose contents are not markup.
fn contents_of(name: &str) -> Option<Contents> {
    const RAW: [&str; 7] = [
        "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript",
    ];
    const ESCAPABLE: [&str; 2] = ["title", "textarea"];
    if let Some(n) = RAW.iter().find(|n| n.eq_ignore_ascii_case(name)) {
        Some(Contents::Raw(n))
    } else if let Some(n) = ESCAPABLE.iter().find(|n| n.eq_ignore_ascii_case(name)) {
        Some(Contents::Escapable(n))
    } else {
        name.eq_ignore_ascii_case("plaintext")
            .then_some(Contents::Rest)
    }
}

/// The tokens of an HTML text, in order.
pub(super) struct Tokens<'a> {
    text: &'a str,
    pos: usize,
    // Set after a start tag whose contents are not markup.
    contents: Option<Contents>,
}

impl<'a> Tokens<'a> {
    /// Tokenizes `text`.
    pub fn new(text: &'a str) -> Tokens<'a> {
        Tokens {
            text,
            pos: 0,
            contents: None,
        }
    }

    /// The token at the current position, and how many bytes it takes.
    fn token(&mut self) -> (Token<'a>, usize) {
        let input = &self.text[self.pos..];
        let at = self.pos;
        let taken = |rest: &str| input.len() - rest.len();
        let span = |rest: &str| at..at + taken(rest);
        if let Some(contents) = self.contents.take() {
            let rest = match contents {
                Contents::Raw(name) | Contents::Escapable(name) => raw_text(input, name),
                Contents::Rest => "",
            };
            let token = match contents {
                Contents::Escapable(_) => Token::Text(span(rest)),
                _ => Token::Raw(span(rest)),
            };
            return (token, taken(rest));
        }
        if let Ok((rest, inside)) = comment(input) {
            let start = at + "<!--".len();
            let token = Token::Comment(start..start + inside.len());
            (token, taken(rest))
        } else if let Ok((rest, name)) = end_tag(input) {
            (
                Token::End {
                    name,
                    span: span(rest),
                },
                taken(rest),
            )
        } else if let Ok((rest, (name, closed))) = start_tag(input) {
            if !closed {
                self.contents = contents_of(name);
            }
            let token = Token::Start {
                name,
                closed,
                span: span(rest),
            };
            (token, taken(rest))
        } else if let Ok((rest, _)) = alt((cdata, declaration)).parse(input) {
            (Token::Other(span(rest)), taken(rest))
        } else {
            let rest = text(input).map_or("", |(rest, _)| rest);
            (Token::Text(span(rest)), taken(rest))
        }
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            if self.pos >= self.text.len() {
                return None;
            }
            let (token, taken) = self.token();
            self.pos += taken;
            // Empty raw contents (`<script></script>`) are no token.
            if taken > 0 || !matches!(token, Token::Raw(_) | Token::Text(_)) {
                return Some(token);
            }
        }
    }
}

/// HTML's whitespace.
pub(super) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c')
}

fn space(input: &str) -> IResult<&str, &str> {
    take_while(is_space).parse(input)
}

/// Text: up to the next `<`, or a `<` that opens no markup and the text after it.
fn text(input: &str) -> IResult<&str, &str> {
    alt((
        take_till1(|c| c == '<'),
        recognize(pair(char('<'), take_till(|c| c == '<'))),
    ))
    .parse(input)
}

/// A tag name: a letter, then anything up to whitespace, `/` or `>`.
fn tag_name(input: &str) -> IResult<&str, &str> {
    recognize(pair(
        satisfy(|c| c.is_ascii_alphabetic()),
        take_till(|c| is_space(c) || c == '/' || c == '>'),
    ))
    .parse(input)
}

fn attribute_name(input: &str) -> IResult<&str, &str> {
    recognize(pair(
        satisfy(|c| !is_space(c) && c != '/' && c != '>'),
        take_till(|c| is_space(c) || matches!(c, '/' | '>' | '=')),
    ))
    .parse(input)
}

/// An attribute value: quoted (and then it may hold `>`; unclosed, it runs to the end),
/// or unquoted up to whitespace or `>`.
fn attribute_value(input: &str) -> IResult<&str, &str> {
    alt((
        delimited(char('"'), take_till(|c| c == '"'), opt(char('"'))),
        delimited(char('\''), take_till(|c| c == '\''), opt(char('\''))),
        take_till1(|c| is_space(c) || c == '>'),
    ))
    .parse(input)
}

fn attribute(input: &str) -> IResult<&str, ()> {
    value(
        (),
        pair(
            attribute_name,
            opt(preceded((space, char('='), space), attribute_value)),
        ),
    )
    .parse(input)
}

/// The attributes of a tag, and stray slashes between them (`<a / href=x>`).
fn attributes(input: &str) -> IResult<&str, ()> {
    let slash = value((), terminated(char('/'), not(char('>'))));
    value((), many0(preceded(space, alt((attribute, slash))))).parse(input)
}

/// The end of a tag: whether it closes itself. A tag cut off by the end of the text ends
/// there (the standard drops it, and so do we).
fn tag_end(input: &str) -> IResult<&str, bool> {
    preceded(
        space,
        alt((
            value(true, tag("/>")),
            value(false, tag(">")),
            value(false, eof),
        )),
    )
    .parse(input)
}

/// A start tag: its name and whether it closes itself.
fn start_tag(input: &str) -> IResult<&str, (&str, bool)> {
    (preceded(char('<'), tag_name), attributes, tag_end)
        .map(|(name, (), closed)| (name, closed))
        .parse(input)
}

/// An end tag's name (attributes on end tags are read and ignored).
fn end_tag(input: &str) -> IResult<&str, &str> {
    terminated(preceded(tag("</"), tag_name), (attributes, tag_end)).parse(input)
}

/// A comment's inside. `<!-->` and `<!--->` are empty comments; `--!>` also closes one.
fn comment(input: &str) -> IResult<&str, &str> {
    preceded(
        tag("<!--"),
        alt((value("", alt((tag(">"), tag("->")))), comment_body)),
    )
    .parse(input)
}

/// Everything up to the first `-->` or `--!>` (consumed), or to the end of the text.
fn comment_body(input: &str) -> IResult<&str, &str> {
    let mut at = 0;
    loop {
        let Ok((from_dashes, before)) = take_until::<_, _, ()>("--").parse(&input[at..]) else {
            return Ok(("", input));
        };
        let dashes = at + before.len();
        if let Ok((rest, _)) = comment_close(from_dashes) {
            return Ok((rest, &input[..dashes]));
        }
        at = dashes + 1;
    }
}

/// The close of a comment.
fn comment_close(input: &str) -> IResult<&str, &str> {
    alt((tag("-->"), tag("--!>"))).parse(input)
}

/// A CDATA section (not prose in HTML; in SVG and MathML, which are not prose either).
fn cdata(input: &str) -> IResult<&str, &str> {
    recognize(preceded(
        tag("<![CDATA["),
        alt((
            terminated(take_until("]]>"), tag("]]>")),
            nom::combinator::rest,
        )),
    ))
    .parse(input)
}

/// A doctype, a processing instruction (`<?xml ...?>`), or a bogus comment (`<!x>`,
/// `</ x>`, `</>`): up to the next `>`.
fn declaration(input: &str) -> IResult<&str, &str> {
    recognize((
        alt((tag("<!"), tag("<?"), tag("</"))),
        take_till(|c| c == '>'),
        opt(char('>')),
    ))
    .parse(input)
}

/// The raw contents of an element named `name`: what is left after them (their end tag
/// onward, or nothing when they run to the end of the text).
fn raw_text<'a>(input: &'a str, name: &str) -> &'a str {
    let mut at = 0;
    while let Ok((from_tag, before)) = take_until::<_, _, ()>("</").parse(&input[at..]) {
        if closes(&from_tag[2..], name) {
            return from_tag;
        }
        at += before.len() + 2;
    }
    ""
}

/// Whether `after` (the text after `</`) is the name `name` ending the tag name.
fn closes(after: &str, name: &str) -> bool {
    let ends = |rest: &str| {
        rest.chars()
            .next()
            .is_none_or(|c| is_space(c) || c == '/' || c == '>')
    };
    after
        .get(..name.len())
        .is_some_and(|n| n.eq_ignore_ascii_case(name) && ends(&after[name.len()..]))
}

#[cfg(test)]
mod tests;
