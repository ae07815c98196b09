//! Plain text: all of it is prose, paragraphs separated by blank lines, except the lines
//! that start with `% canonlint`: those are comments holding suppressions.

use std::ops::Range;

use super::{Block, BlockKind, Reading};

/// Reads plain text: the prose view is the text itself, with comment lines blanked.
pub(crate) fn read(text: &str) -> Reading {
    let comments = comment_lines(text);
    let prose = if comments.is_empty() {
        text.to_string()
    } else {
        let mut prose = Vec::new();
        let mut at = 0;
        for c in &comments {
            // The whole line, from its `%`, is blanked.
            let line_start = text[..c.start].rfind('%').unwrap_or(c.start);
            prose.push(at..line_start);
            at = c.end;
        }
        prose.push(at..text.len());
        super::prose_view(text, &prose)
    };
    let blocks = paragraphs(&prose)
        .into_iter()
        .map(|span| Block {
            kind: BlockKind::Paragraph,
            span,
            quoted: false,
        })
        .collect();
    Reading {
        prose,
        map: None,
        blocks,
        emphasis: Vec::new(),
        comments,
    }
}

/// The inside of each comment line: after the `%` of a line whose first non-blank
/// characters are `% canonlint`, to the line's end.
fn comment_lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let lead = content.len() - content.trim_start().len();
        let rest = &content[lead..];
        if let Some(inside) = rest.strip_prefix('%')
            && inside.trim_start().starts_with("canonlint")
        {
            out.push(offset + lead + 1..offset + content.len());
        }
        offset += line.len();
    }
    out
}

/// Byte ranges of paragraphs: runs of non-blank lines, trimmed of surrounding whitespace.
fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(s..end);
            }
        } else {
            let lead = content.len() - content.trim_start().len();
            start.get_or_insert(offset + lead);
            end = offset + content.trim_end().len();
        }
        offset += line.len();
    }
    if let Some(s) = start {
        out.push(s..end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_lines_are_not_prose() {
        let text = "One.\n  % canonlint-disable-next-line CL001\nTwo.\n% not ours\n";
        let r = read(text);
        let got: Vec<&str> = r.comments.iter().map(|c| &text[c.clone()]).collect();
        assert_eq!(got, [" canonlint-disable-next-line CL001"]);
        assert_eq!(r.prose.len(), text.len());
        assert!(!r.prose.contains("canonlint") && r.prose.contains("% not ours"));
        let blocks: Vec<&str> = r.blocks.iter().map(|b| &text[b.span.clone()]).collect();
        assert_eq!(blocks, ["One.", "Two.\n% not ours"]);
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let text = "One line.\nStill one.\n\n  \r\n  Two.  \n";
        let spans = paragraphs(text);
        let got: Vec<&str> = spans.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(got, ["One line.\nStill one.", "Two."]);
    }

    #[test]
    fn empty_text_has_no_paragraphs() {
        assert!(paragraphs("").is_empty());
        assert!(paragraphs("\n\n  \n").is_empty());
    }
}
