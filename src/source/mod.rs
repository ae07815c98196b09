//! Sources: a checked file, read as a person reads it, without rewriting it.
//!
//! Each format reader produces a `Document`: the original text, a *prose view* of the
//! same byte length in which everything that is not prose (code, markup, URLs) is blanked
//! to spaces, and the blocks (headings, paragraphs, list items) and emphasis spans of the
//! text. Extractors read the prose view, so every span they produce is a span of the
//! original file.

mod markdown;
mod plain;

use std::ops::Range;
use std::path::Path;

/// The formats canonlint reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// CommonMark with common extensions (`.md`, `.markdown`).
    Markdown,
    /// Plain text (`.txt`): paragraphs by blank lines.
    Text,
}

impl Format {
    /// The format of a path, by extension; `None` for files canonlint does not read.
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "txt" => Some(Format::Text),
            _ => None,
        }
    }
}

/// What a block of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading, with its level.
    Heading(u8),
    /// A paragraph (including one inside a list item or quote).
    Paragraph,
    /// A table row: its cells read as one line ("| Deaths | 20,000 |").
    TableRow,
}

/// A block of prose: its kind and the bytes from its first to its last prose character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Heading, paragraph or table row.
    pub kind: BlockKind,
    /// Byte range in the original text.
    pub span: Range<usize>,
    /// Inside a block quote: the text is quoted, not asserted.
    pub quoted: bool,
}

/// A file ready for extraction.
#[derive(Debug, Clone)]
pub struct Document {
    /// The original text.
    pub text: String,
    /// The prose view: `text` with every non-prose byte replaced by a space (line breaks
    /// kept). Same length, same offsets.
    pub prose: String,
    /// Blocks in order.
    pub blocks: Vec<Block>,
    /// Emphasised spans (`*Children of Mars*`), content only.
    pub emphasis: Vec<Range<usize>>,
}

impl Document {
    /// Reads `text` in `format`.
    pub fn new(format: Format, text: String) -> Document {
        let (prose, blocks, emphasis) = match format {
            Format::Markdown => markdown::read(&text),
            Format::Text => plain::read(&text),
        };
        debug_assert_eq!(prose.len(), text.len());
        Document {
            text,
            prose,
            blocks,
            emphasis,
        }
    }
}

/// Builds a prose view: all spaces except line breaks, then the prose ranges copied in.
/// Ranges must lie on character boundaries (format readers guarantee it).
pub(crate) fn prose_view(text: &str, prose_ranges: &[Range<usize>]) -> String {
    let mut bytes: Vec<u8> = text
        .bytes()
        .map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' })
        .collect();
    for r in prose_ranges {
        bytes[r.clone()].copy_from_slice(&text.as_bytes()[r.clone()]);
    }
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        assert_eq!(Format::of(Path::new("a/b.MD")), Some(Format::Markdown));
        assert_eq!(Format::of(Path::new("notes.txt")), Some(Format::Text));
        assert_eq!(Format::of(Path::new("image.png")), None);
    }

    #[test]
    fn prose_view_keeps_offsets_and_line_breaks() {
        let text = "a `cöde` b\nc";
        let view = prose_view(text, &[0..2, 9..13]);
        assert_eq!(view.len(), text.len());
        assert_eq!(view, format!("a{}b\nc", " ".repeat(9)));
    }
}
