//! Suppression directives, written in a format's comments:
//! `canonlint-disable-next-line CL001`, `canonlint-disable-line`, `canonlint-disable CL003,
//! fact`, `canonlint-enable`, `canonlint-disable-file CL005 -- why`. `canonlint: disable
//! ...` is read the same. Codes or names, separated by commas or spaces; none means every
//! check; anything after `--` is the author's reason.

use std::ops::Range;

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::{char, multispace0, multispace1};
use nom::combinator::{opt, rest};
use nom::multi::separated_list0;
use nom::sequence::preceded;
use nom::{IResult, Parser};

/// What a directive does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The next non-blank line.
    NextLine,
    /// The line(s) the comment is on.
    Line,
    /// From here to a matching `enable` or the end of the file.
    Disable,
    /// Ends `disable` regions.
    Enable,
    /// The whole file.
    File,
}

/// The actions as written, longest first so that `disable-next-line` wins over `disable`.
pub const ACTIONS: [(&str, Action); 5] = [
    ("disable-next-line", Action::NextLine),
    ("disable-line", Action::Line),
    ("disable-file", Action::File),
    ("disable", Action::Disable),
    ("enable", Action::Enable),
];

/// A directive as written: its action (or the unknown word), and its codes with their
/// offsets in the comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written<'a> {
    /// The action, or `Err(word)` for a word that is not one.
    pub action: Result<Action, &'a str>,
    /// Offset of the action word in the comment.
    pub action_at: usize,
    /// Codes or names, each with its offset in the comment.
    pub codes: Vec<(&'a str, usize)>,
}

/// Reads a comment's inside; `None` when it is not a canonlint directive.
pub fn parse(comment: &str) -> Option<Written<'_>> {
    let (after, _) = lead(comment).ok()?;
    let action_at = comment.len() - after.len();
    let (after_word, word) = take_while1::<_, _, ()>(is_code_char).parse(after).ok()?;
    let action = ACTIONS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, a)| *a)
        .ok_or(word);
    let (_, list) = codes(after_word).ok()?;
    let codes = list
        .into_iter()
        .map(|c| (c, offset_in(comment, c)))
        .collect();
    Some(Written {
        action,
        action_at,
        codes,
    })
}

fn offset_in(outer: &str, inner: &str) -> usize {
    inner.as_ptr() as usize - outer.as_ptr() as usize
}

fn is_code_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// `canonlint-` or `canonlint:` after optional whitespace.
fn lead(input: &str) -> IResult<&str, ()> {
    let (input, _) = (
        multispace0,
        tag("canonlint"),
        alt((tag("-"), preceded(char(':'), multispace0))),
    )
        .parse(input)?;
    Ok((input, ()))
}

/// The codes after the action, up to `--` or the end.
fn codes(input: &str) -> IResult<&str, Vec<&str>> {
    let (input, list) =
        opt(preceded(multispace1, separated_list0(separator, code))).parse(input)?;
    let (input, _) = (multispace0, opt((tag("--"), rest))).parse(input)?;
    Ok((input, list.unwrap_or_default()))
}

fn separator(input: &str) -> IResult<&str, ()> {
    let (input, _) = alt((
        (multispace0, char(','), multispace0).map(|_| ()),
        multispace1.map(|_| ()),
    ))
    .parse(input)?;
    Ok((input, ()))
}

/// A code or check name; `--` starts the reason instead.
fn code(input: &str) -> IResult<&str, &str> {
    if input.starts_with("--") {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Tag,
        )));
    }
    take_while1(is_code_char).parse(input)
}

/// A directive's byte range in the comment, for labels: the action word.
pub fn action_span(w: &Written, comment: Range<usize>) -> Range<usize> {
    let len = match w.action {
        Ok(a) => ACTIONS
            .iter()
            .find(|(_, x)| *x == a)
            .map_or(0, |(s, _)| s.len()),
        Err(word) => word.len(),
    };
    comment.start + w.action_at..comment.start + w.action_at + len
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(s: &str) -> Option<(Result<Action, &str>, Vec<&str>)> {
        parse(s).map(|w| (w.action, w.codes.iter().map(|(c, _)| *c).collect()))
    }

    #[test]
    fn actions_and_codes() {
        assert_eq!(
            of(" canonlint-disable-next-line CL001 "),
            Some((Ok(Action::NextLine), vec!["CL001"]))
        );
        assert_eq!(
            of("canonlint-disable CL003, fact"),
            Some((Ok(Action::Disable), vec!["CL003", "fact"]))
        );
        assert_eq!(
            of("canonlint-disable CL003 CL005"),
            Some((Ok(Action::Disable), vec!["CL003", "CL005"]))
        );
        assert_eq!(of("canonlint-enable"), Some((Ok(Action::Enable), vec![])));
        assert_eq!(
            of("canonlint: disable-file -- the narrator lies"),
            Some((Ok(Action::File), vec![]))
        );
        assert_eq!(
            of("canonlint-disable-line CL002 -- quoted on purpose"),
            Some((Ok(Action::Line), vec!["CL002"]))
        );
    }

    #[test]
    fn unknown_actions_and_other_comments() {
        assert_eq!(
            of("canonlint-disabel CL001"),
            Some((Err("disabel"), vec!["CL001"]))
        );
        assert_eq!(of("a note about canonlint-disable"), None);
        assert_eq!(of("TODO: fix the yards"), None);
    }

    #[test]
    fn codes_know_their_offsets() {
        let c = "  canonlint-disable CL003,fact";
        let w = parse(c).unwrap();
        assert_eq!(w.action_at, 12);
        assert_eq!(w.codes, vec![("CL003", 20), ("fact", 26)]);
    }
}
