//! The `title` of a Markdown file's front matter (YAML between `---` lines or TOML
//! between `+++` lines): the document's own title, checked as a heading above the text.
//! The rest of the front matter is data, not prose.

use std::ops::Range;

use nom::branch::alt;
use nom::bytes::complete::{tag, take_till, take_while};
use nom::character::complete::{char, space0};
use nom::sequence::delimited;
use nom::{IResult, Parser};

/// The bytes of the title's value in `text[meta]`, without quotes; `None` when there is no
/// plain one-line title.
pub(crate) fn title(text: &str, meta: Range<usize>) -> Option<Range<usize>> {
    let mut offset = meta.start;
    for line in text[meta].split_inclusive('\n') {
        if let Ok((_, value)) = title_line(line.trim_end_matches(['\n', '\r'])) {
            let start = offset + (value.as_ptr() as usize - line.as_ptr() as usize);
            let value = value.trim_end();
            if !value.is_empty() && !value.starts_with(['|', '>', '[', '{', '&', '*']) {
                return Some(start..start + value.len());
            }
            return None;
        }
        offset += line.len();
    }
    None
}

/// `title: The Value`, `title: "The Value"`, `title = 'The Value'`, at the line's start.
fn title_line(line: &str) -> IResult<&str, &str> {
    let (rest, _) = (tag("title"), space0, alt((char(':'), char('='))), space0).parse(line)?;
    alt((
        delimited(char('"'), take_till(|c| c == '"'), char('"')),
        delimited(char('\''), take_till(|c| c == '\''), char('\'')),
        take_while(|c| c != '#'),
    ))
    .parse(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(meta: &str) -> Option<&str> {
        title(meta, 0..meta.len()).map(|r| &meta[r])
    }

    #[test]
    fn titles_in_yaml_and_toml() {
        assert_eq!(
            of("date: 2025\ntitle: Utopia Plantia\n"),
            Some("Utopia Plantia")
        );
        assert_eq!(of("title: \"The Yards\" # a comment\n"), Some("The Yards"));
        assert_eq!(of("title = 'Mars'\n"), Some("Mars"));
        assert_eq!(of("title: Mars # draft\n"), Some("Mars"));
    }

    #[test]
    fn no_plain_title() {
        assert_eq!(of("subtitle: Mars\n"), None);
        assert_eq!(of("  title: nested\n"), None);
        assert_eq!(of("title: |\n  block\n"), None);
        assert_eq!(of("title:\n"), None);
    }
}
