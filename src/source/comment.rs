//! HTML comments inside raw HTML of a Markdown file: where suppressions live.

use std::ops::Range;

/// Adds the inside of each `<!-- ... -->` that starts in `range` of `text`; an unclosed
/// comment runs to the end of the range.
pub(crate) fn html_comments(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut at = range.start;
    while let Some(open) = text[at..range.end].find("<!--") {
        let inside = at + open + 4;
        match text[inside..range.end].find("-->") {
            Some(close) => {
                out.push(inside..inside + close);
                at = inside + close + 3;
            }
            None => {
                out.push(inside..range.end);
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn insides(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        html_comments(text, 0..text.len(), &mut out);
        out.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn comments_closed_unclosed_and_several() {
        assert_eq!(insides("a <!-- one --> b <!--two-->"), [" one ", "two"]);
        assert_eq!(insides("<!-- open to the end"), [" open to the end"]);
        assert_eq!(insides("<!---->"), [""]);
        assert!(insides("<b>no comment</b>").is_empty());
    }
}
