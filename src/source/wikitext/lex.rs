//! The small pieces of wikitext syntax, one nom parser each: tags, comments, brace runs,
//! URLs, magic words, apostrophe runs, heading and list markers. Each parses at the start
//! of its input and never looks past a line it does not need.

use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_till1, take_while, take_while1};
use nom::character::complete::{char, satisfy};
use nom::combinator::{opt, recognize};
use nom::sequence::{delimited, pair, preceded, terminated};
use nom::{IResult, Parser};

type Res<'a, T> = IResult<&'a str, T>;

/// A tag name: a letter, then letters and digits (`ref`, `h2`, `syntaxhighlight`).
pub(super) fn tag_name(input: &str) -> Res<'_, &str> {
    recognize(pair(
        satisfy(|c| c.is_ascii_alphabetic()),
        take_while(|c: char| c.is_ascii_alphanumeric()),
    ))
    .parse(input)
}

/// An opening tag, `<ref name="x">` or `<br />`: its name and whether it closes itself.
/// Attributes run to the first `>`; a `<` before it means this is no tag.
pub(super) fn open_tag(input: &str) -> Res<'_, (&str, bool)> {
    let (rest, name) = delimited(
        char('<'),
        terminated(
            tag_name,
            opt(preceded(
                satisfy(|c| c.is_whitespace() || c == '/'),
                take_while(|c| c != '<' && c != '>'),
            )),
        ),
        char('>'),
    )
    .parse(input)?;
    let before = &input[1 + name.len()..input.len() - rest.len() - 1];
    let self_closing = before.trim_end().ends_with('/');
    Ok((rest, (name, self_closing)))
}

/// A closing tag, `</ref >`: its name.
pub(super) fn close_tag(input: &str) -> Res<'_, &str> {
    delimited(
        tag("</"),
        tag_name,
        preceded(take_while(char::is_whitespace), char('>')),
    )
    .parse(input)
}

/// The opening of a comment.
pub(super) fn comment_open(input: &str) -> Res<'_, &str> {
    tag("<!--").parse(input)
}

/// A run of one character (`{{{`, `}}`): how long it is.
pub(super) fn run_of(c: char) -> impl Fn(&str) -> Res<'_, usize> {
    move |input| take_while1(|x| x == c).map(|s: &str| s.len()).parse(input)
}

/// A URL: a scheme, then anything but spaces and the characters that end one in wikitext.
pub(super) fn url(input: &str) -> Res<'_, &str> {
    let scheme = alt((
        tag_no_case("http://"),
        tag_no_case("https://"),
        tag_no_case("ftp://"),
        tag_no_case("ftps://"),
        tag_no_case("sftp://"),
        tag_no_case("irc://"),
        tag_no_case("ircs://"),
        tag_no_case("news:"),
        tag_no_case("mailto:"),
        tag_no_case("gopher://"),
        tag_no_case("ssh://"),
        tag_no_case("svn://"),
        tag_no_case("git://"),
        tag("//"),
    ));
    recognize(pair(
        scheme,
        take_till1(|c: char| c.is_whitespace() || "[]<>\"{}|".contains(c)),
    ))
    .parse(input)
}

/// A behaviour switch, `__NOTOC__`.
pub(super) fn magic_word(input: &str) -> Res<'_, &str> {
    recognize(delimited(
        tag("__"),
        take_while1(|c: char| c.is_ascii_uppercase()),
        tag("__"),
    ))
    .parse(input)
}

/// A signature, `~~~`, `~~~~` or `~~~~~`.
pub(super) fn signature(input: &str) -> Res<'_, &str> {
    recognize(alt((tag("~~~~~"), tag("~~~~"), tag("~~~")))).parse(input)
}

/// A run of two or more apostrophes: its length.
pub(super) fn apostrophes(input: &str) -> Res<'_, usize> {
    let (rest, n) = run_of('\'')(input)?;
    if n < 2 {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Count,
        )));
    }
    Ok((rest, n))
}

/// The list markers that open a line (`*`, `#`, `:`, `;`).
pub(super) fn list_marker(input: &str) -> Res<'_, &str> {
    take_while1(|c| matches!(c, '*' | '#' | ':' | ';')).parse(input)
}

/// A horizontal rule, four or more hyphens.
pub(super) fn rule(input: &str) -> Res<'_, &str> {
    recognize(terminated(tag("----"), take_while(|c| c == '-'))).parse(input)
}

/// A redirect, `#REDIRECT`, in any case.
pub(super) fn redirect(input: &str) -> Res<'_, &str> {
    recognize(pair(tag("#"), tag_no_case("redirect"))).parse(input)
}

/// A template or parser function name's prefix that does not change what it shows
/// (`subst:`, `Template:`).
pub(super) fn name_prefix(input: &str) -> Res<'_, &str> {
    alt((
        tag_no_case("safesubst:"),
        tag_no_case("subst:"),
        tag_no_case("msgnw:"),
        tag_no_case("template:"),
    ))
    .parse(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_open_with_attributes_and_close_themselves() {
        assert_eq!(open_tag("<ref name=\"a b\">x"), Ok(("x", ("ref", false))));
        assert_eq!(open_tag("<br/>"), Ok(("", ("br", true))));
        assert_eq!(open_tag("<ref name=x />"), Ok(("", ("ref", true))));
        assert!(open_tag("<3 Mars>").is_err());
        assert!(open_tag("<span <b>").is_err());
    }

    #[test]
    fn closing_tags_allow_space_before_the_bracket() {
        assert_eq!(close_tag("</ref >."), Ok((".", "ref")));
    }

    #[test]
    fn comments_open() {
        assert!(comment_open("<!-- x -->").is_ok());
    }

    #[test]
    fn runs_are_counted() {
        assert_eq!(run_of('{')("{{{x"), Ok(("x", 3)));
    }

    #[test]
    fn urls_stop_at_spaces_and_brackets() {
        assert_eq!(url("https://x.org/a_b c"), Ok((" c", "https://x.org/a_b")));
        assert_eq!(url("//x.org]"), Ok(("]", "//x.org")));
        assert!(url("http:// x").is_err());
    }

    #[test]
    fn magic_words_are_upper_case_between_underscores() {
        assert_eq!(magic_word("__NOTOC__ a"), Ok((" a", "__NOTOC__")));
        assert!(magic_word("__init__").is_err());
    }

    #[test]
    fn signatures_are_three_to_five_tildes() {
        assert_eq!(signature("~~~~ x"), Ok((" x", "~~~~")));
    }

    #[test]
    fn apostrophe_runs_start_at_two() {
        assert_eq!(apostrophes("'''b"), Ok(("b", 3)));
        assert!(apostrophes("'s").is_err());
    }

    #[test]
    fn list_markers_nest() {
        assert_eq!(list_marker("*#: x"), Ok((" x", "*#:")));
    }

    #[test]
    fn rules_take_four_hyphens_or_more() {
        assert_eq!(rule("------x"), Ok(("x", "------")));
        assert!(rule("---").is_err());
    }

    #[test]
    fn redirects_in_any_case() {
        assert_eq!(redirect("#Redirect [[X]]"), Ok((" [[X]]", "#Redirect")));
    }

    #[test]
    fn name_prefixes() {
        assert_eq!(name_prefix("Template:Quote"), Ok(("Quote", "Template:")));
    }
}
