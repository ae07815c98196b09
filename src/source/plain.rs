//! Plain text: all of it is prose; paragraphs are separated by blank lines.

use std::ops::Range;

use super::{Block, BlockKind, Reading};

/// Reads plain text: the prose view is the text itself.
pub(crate) fn read(text: &str) -> Reading {
    let blocks = paragraphs(text)
        .into_iter()
        .map(|span| Block {
            kind: BlockKind::Paragraph,
            span,
            quoted: false,
        })
        .collect();
    Reading {
        prose: text.to_string(),
        map: None,
        blocks,
        emphasis: Vec::new(),
        comments: Vec::new(),
    }
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
