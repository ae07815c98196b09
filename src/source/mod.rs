//! Sources: a checked file, read as a person reads it, without rewriting it.
//!
//! Each format reader produces a `Document`: the original text, a *prose view* that the
//! extractors read, the blocks (headings, paragraphs, list items, table rows) and emphasis
//! spans of the prose, and the comments of the text (where suppressions live).
//!
//! Markdown and plain text keep the prose at the original offsets: everything that is not
//! prose (code, markup, URLs) is blanked to spaces. HTML and wikitext decode their prose
//! (entities, link labels, template parameters) and keep an `OffsetMap` from each prose
//! byte to the original bytes it stands for; findings are moved back through it, so every
//! reported span is a span of the original file.

pub(crate) mod comment;
mod entity;
mod front_matter;
mod html;
mod markdown;
mod plain;
mod wikitext;

use std::ops::Range;
use std::path::Path;

/// The formats canonlint reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// CommonMark with common extensions (`.md`, `.markdown`).
    Markdown,
    /// Plain text (`.txt`): paragraphs by blank lines.
    Text,
    /// MediaWiki wikitext (`.wiki`, `.mediawiki`, `.wikitext`).
    Wikitext,
    /// HTML (`.html`, `.htm`), such as a fan-fiction archive's download.
    Html,
}

impl Format {
    /// The format of a path, by extension; `None` for files canonlint does not read.
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "txt" => Some(Format::Text),
            "wiki" | "mediawiki" | "wikitext" => Some(Format::Wikitext),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }

    /// The format with this name, as configs write it.
    pub fn named(name: &str) -> Option<Format> {
        Format::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, f)| *f)
    }

    /// Every format's name, as configs write it.
    pub const NAMES: [(&'static str, Format); 4] = [
        ("html", Format::Html),
        ("markdown", Format::Markdown),
        ("text", Format::Text),
        ("wikitext", Format::Wikitext),
    ];
}

/// What a block of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading, with its level; level 0 is the document's own title (front matter
    /// `title`, HTML `<title>`), the default subject of everything under it.
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

/// Where each byte of a prose view comes from in the original text, for formats whose
/// prose is not the text at the same offsets (decoded entities, removed tags).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    // For each prose byte, the start of the original bytes it stands for.
    starts: Vec<u32>,
    // For each prose byte, the end of the original bytes it stands for.
    ends: Vec<u32>,
}

impl OffsetMap {
    /// For each prose byte, the original bytes it stands for.
    pub fn starts_and_ends(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.starts
            .iter()
            .zip(&self.ends)
            .map(|(s, e)| (*s as usize, *e as usize))
    }

    /// The original bytes a prose span stands for.
    pub fn original(&self, span: Range<usize>) -> Range<usize> {
        let at = |v: &Vec<u32>, i: usize| v.get(i).copied().unwrap_or(u32::MAX) as usize;
        if span.is_empty() {
            let start =
                at(&self.starts, span.start).min(at(&self.ends, span.start.saturating_sub(1)));
            return start..start;
        }
        at(&self.starts, span.start)..at(&self.ends, span.end - 1)
    }
}

/// Builds a prose view piece by piece, with its offset map, for readers that decode or
/// drop parts of the original (HTML, wikitext).
#[derive(Debug, Default)]
pub(crate) struct ProseBuilder {
    prose: String,
    map: OffsetMap,
}

impl ProseBuilder {
    /// The prose written so far.
    pub fn len(&self) -> usize {
        self.prose.len()
    }

    /// Copies original text as prose: each byte stands for its own character.
    pub fn copy(&mut self, text: &str, range: Range<usize>) {
        for (i, c) in text[range.clone()].char_indices() {
            let start = (range.start + i) as u32;
            let end = start + c.len_utf8() as u32;
            self.prose.push(c);
            for _ in 0..c.len_utf8() {
                self.map.starts.push(start);
                self.map.ends.push(end);
            }
        }
    }

    /// Writes `s` as prose standing for the original bytes `from` (a decoded entity, a
    /// space for a tag that separates words, a barrier for one that must not join them).
    pub fn push(&mut self, s: &str, from: Range<usize>) {
        self.prose.push_str(s);
        for _ in 0..s.len() {
            self.map.starts.push(from.start as u32);
            self.map.ends.push(from.end as u32);
        }
    }

    /// The prose and its map.
    pub fn finish(self) -> (String, OffsetMap) {
        (self.prose, self.map)
    }
}

/// What a format reader gives.
#[derive(Debug, Default)]
pub(crate) struct Reading {
    /// The prose view.
    pub prose: String,
    /// Where the prose comes from; `None` when it is at the text's own offsets.
    pub map: Option<OffsetMap>,
    /// Blocks in order (prose offsets).
    pub blocks: Vec<Block>,
    /// Emphasised spans, content only (prose offsets).
    pub emphasis: Vec<Range<usize>>,
    /// The inside of each comment (`<!--` to `-->`, or a plain-text `%` line), in the
    /// original text's offsets.
    pub comments: Vec<Range<usize>>,
}

/// A file ready for extraction.
#[derive(Debug, Clone)]
pub struct Document {
    /// The original text.
    pub text: String,
    /// The prose view the extractors read. For Markdown and plain text it is `text` with
    /// every non-prose byte replaced by a space (line breaks kept), at the same offsets;
    /// other formats decode into it and keep an `OffsetMap`.
    pub prose: String,
    /// Where the prose comes from, when not at the same offsets.
    pub map: Option<OffsetMap>,
    /// Blocks in order (prose offsets).
    pub blocks: Vec<Block>,
    /// Emphasised spans (`*Children of Mars*`), content only (prose offsets).
    pub emphasis: Vec<Range<usize>>,
    /// The inside of each comment, in the original text's offsets.
    pub comments: Vec<Range<usize>>,
    /// The page's title when it is not written in the text (a wiki page's file name):
    /// the default subject when it names an entity.
    pub page_title: Option<String>,
}

impl Document {
    /// Reads `text` in `format`.
    pub fn new(format: Format, text: String) -> Document {
        let reading = match format {
            Format::Markdown => markdown::read(&text),
            Format::Text => plain::read(&text),
            Format::Wikitext => wikitext::read(&text),
            Format::Html => html::read(&text),
        };
        Document {
            text,
            prose: reading.prose,
            map: reading.map,
            blocks: reading.blocks,
            emphasis: reading.emphasis,
            comments: reading.comments,
            page_title: None,
        }
    }

    /// Sets the page title a wiki page takes from its file name (`Attack_on_Mars.wiki`:
    /// "Attack on Mars"); other formats write their titles in the text.
    pub fn named(mut self, format: Format, path: &str) -> Document {
        if format == Format::Wikitext {
            let file = path.rsplit(['/', '\\']).next().unwrap_or(path);
            let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
            let title = stem.replace('_', " ");
            if !title.trim().is_empty() {
                self.page_title = Some(title.trim().to_string());
            }
        }
        self
    }

    /// The original bytes a prose span stands for.
    pub fn original(&self, span: Range<usize>) -> Range<usize> {
        match &self.map {
            None => span,
            Some(map) => map.original(span),
        }
    }

    /// The original text at the prose's offsets, when the reader kept them: a gap in
    /// the prose that is not whitespace there was markup.
    pub fn same_offsets(&self) -> Option<&str> {
        self.map.is_none().then_some(self.text.as_str())
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
    fn offset_maps_lead_decoded_prose_back_to_the_original() {
        // "Picard&rsquo;s yard" read as "Picard’s yard".
        let text = "<p>Picard&rsquo;s yard</p>";
        let mut b = ProseBuilder::default();
        b.copy(text, 3..9);
        b.push("\u{2019}", 9..16);
        b.copy(text, 16..22);
        assert_eq!(b.len(), "Picard’s yard".len());
        let (prose, map) = b.finish();
        assert_eq!(prose, "Picard’s yard");
        let find = |s: &str| prose.find(s).map(|i| i..i + s.len()).unwrap();
        assert_eq!(&text[map.original(find("Picard"))], "Picard");
        assert_eq!(&text[map.original(find("’s"))], "&rsquo;s");
        assert_eq!(&text[map.original(find("yard"))], "yard");
        assert_eq!(map.original(find("yard").end..find("yard").end), 22..22);
    }

    #[test]
    fn prose_view_keeps_offsets_and_line_breaks() {
        let text = "a `cöde` b\nc";
        let view = prose_view(text, &[0..2, 9..13]);
        assert_eq!(view.len(), text.len());
        assert_eq!(view, format!("a{}b\nc", " ".repeat(9)));
    }
}
