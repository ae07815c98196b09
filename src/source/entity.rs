//! HTML character references (`&rsquo;`, `&#8217;`, `&#x2019;`), shared by the HTML and
//! wikitext readers: decoded for matching, while the offset map keeps the original bytes.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::char;
use nom::sequence::{delimited, preceded};
use nom::{IResult, Parser};

/// The longest reference name HTML defines (`&CounterClockwiseContourIntegral;`).
const LONGEST: usize = 32;

/// The reference at the start of `rest`, as (decoded text, bytes it takes). Only
/// references closed by `;` count ("AT&T", "&c" stay as written). A no-break space reads
/// as a space and a soft hyphen as nothing, so that names written with them still match.
pub(crate) fn at(rest: &str) -> Option<(String, usize)> {
    let (after, _) = reference(rest).ok()?;
    let written = &rest[..rest.len() - after.len()];
    let decoded = html_escape::decode_html_entities(written);
    if decoded == written {
        return None;
    }
    let decoded = match decoded.as_ref() {
        "\u{a0}" | "\u{2007}" | "\u{202f}" => " ".to_string(),
        "\u{ad}" => String::new(),
        s => s.to_string(),
    };
    Some((decoded, written.len()))
}

fn reference(input: &str) -> IResult<&str, &str> {
    delimited(
        char('&'),
        alt((
            preceded(
                alt((tag("#x"), tag("#X"))),
                take_while_m_n(1, 6, |c: char| c.is_ascii_hexdigit()),
            ),
            preceded(
                char('#'),
                take_while_m_n(1, 7, |c: char| c.is_ascii_digit()),
            ),
            take_while_m_n(1, LONGEST, |c: char| c.is_ascii_alphanumeric()),
        )),
        char(';'),
    )
    .parse(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_decode_with_their_lengths() {
        assert_eq!(at("&rsquo;s"), Some(("\u{2019}".into(), 7)));
        assert_eq!(at("&#8217;"), Some(("\u{2019}".into(), 7)));
        assert_eq!(at("&#x2019;"), Some(("\u{2019}".into(), 8)));
        assert_eq!(at("&eacute;"), Some(("é".into(), 8)));
        assert_eq!(at("&amp;"), Some(("&".into(), 5)));
        assert_eq!(at("&nbsp;Planitia"), Some((" ".into(), 6)));
        assert_eq!(at("&shy;"), Some((String::new(), 5)));
    }

    #[test]
    fn bare_ampersands_and_unknown_names_stay() {
        assert_eq!(at("&T"), None);
        assert_eq!(at("& Sons"), None);
        assert_eq!(at("&bogus;"), None);
        assert_eq!(at("&amp"), None);
        assert_eq!(at("&#;"), None);
        assert_eq!(at("&#99999999;"), None);
        for odd in ["&#0;", "&#xD800;", "&#x110000;", "&#1114112;"] {
            let _ = at(odd);
        }
    }
}
