//! MediaWiki wikitext, read as a reader of the rendered page reads it.
//!
//! Two passes. `tree` cuts the text into the constructs that nest (templates, links,
//! elements, comments) with an explicit stack; the renderer then walks the lines of the
//! top level (headings, paragraphs, list items, tables, preformatted lines) and writes the
//! prose with a `ProseBuilder`, so every prose byte leads back to the bytes it came from.
//!
//! What is prose: text, headings, link labels (a link without one shows its target), the
//! values of template parameters, citations' titles, `<ref>` contents. What is not:
//! comments, `<nowiki>`, `<pre>`, `<code>`, `<math>` and the like, URLs, template and
//! parser-function names, magic words, table and tag attributes, namespaced links (files,
//! categories, other languages), and lines indented with a space at the top level
//! (preformatted). Some prose does not belong in the sentence it sits in; it becomes a
//! block of its own, right after that sentence's block: the target of a labelled link
//! (`[[Utopia Plantia|the yards]]`: a name to check at its own bytes), a ref's content, a
//! file's caption, the parameters of a template that does not show them inline. A named
//! parameter (`| deaths = 92,000`) is a table row, "deaths 92,000", so its name labels
//! its figure as a table's header cell would.

mod citation;
mod emphasis;
mod kinds;
mod lex;
mod lines;
mod links;
mod params;
mod tables;
mod templates;
mod text;
mod tree;

#[cfg(test)]
mod stress;
#[cfg(test)]
mod tests;

use std::ops::Range;

use super::{Block, BlockKind, ProseBuilder, Reading};
use tree::Node;

/// Reads wikitext into prose, blocks, emphasis spans and comments.
pub(crate) fn read(text: &str) -> Reading {
    let tree = tree::build(text);
    let mut r = Render::new(text);
    r.lines(&tree.nodes, true, false);
    r.settle(text.len());
    let (prose, map) = r.out.finish();
    let mut emphasis = r.emphasis;
    emphasis.sort_by_key(|e| (e.start, e.end));
    Reading {
        prose,
        map: Some(map),
        blocks: r.blocks,
        emphasis,
        comments: tree.comments,
    }
}

/// Something to read as a block of its own once the open block is done.
#[derive(Debug)]
enum Later<'a> {
    /// A link's target: the bytes, read as a name.
    Target(Range<usize>, bool),
    /// Content (a ref, a caption, a positional parameter) as a block of `kind`.
    Content {
        nodes: &'a [Node],
        clip: Range<usize>,
        kind: BlockKind,
        quoted: bool,
    },
    /// A named parameter as a table row: its name, then its value.
    Row {
        name: RowName<'a>,
        nodes: &'a [Node],
        clip: Range<usize>,
        quoted: bool,
    },
    /// A citation template, as a paragraph.
    Citation(&'a Node),
}

/// What names a row: a parameter's name, or (for an infobox's `labelN`/`dataN` pairs) the
/// label's value.
#[derive(Debug)]
enum RowName<'a> {
    Name(Range<usize>),
    Label(&'a [Node], Range<usize>),
}

/// The block being written.
struct Open<'a> {
    kind: BlockKind,
    quoted: bool,
    /// Where its prose starts.
    start: usize,
    /// What comes right after it.
    later: Vec<Later<'a>>,
}

/// The renderer: the prose written so far, the blocks and emphasis found, the open block.
struct Render<'a> {
    text: &'a str,
    out: ProseBuilder,
    blocks: Vec<Block>,
    emphasis: Vec<Range<usize>>,
    open: Option<Open<'a>>,
    /// Blocks still to write, the next last.
    pending: Vec<Later<'a>>,
    emph: emphasis::State,
}

impl<'a> Render<'a> {
    fn new(text: &'a str) -> Render<'a> {
        Render {
            text,
            out: ProseBuilder::default(),
            blocks: Vec::new(),
            emphasis: Vec::new(),
            open: None,
            pending: Vec::new(),
            emph: emphasis::State::default(),
        }
    }

    /// Opens a block (closing one left open: callers settle first).
    fn begin(&mut self, kind: BlockKind, quoted: bool, at: usize) {
        if self.open.is_some() {
            self.finish(at);
        }
        self.open = Some(Open {
            kind,
            quoted,
            start: self.out.len(),
            later: Vec::new(),
        });
    }

    /// Whether a block is open.
    fn is_open(&self) -> bool {
        self.open.is_some()
    }

    /// Whether the open block is quoted.
    fn quoted(&self) -> bool {
        self.open.as_ref().is_some_and(|o| o.quoted)
    }

    /// Queues `later` to be written right after the open block.
    fn defer(&mut self, later: Later<'a>) {
        match &mut self.open {
            Some(open) => open.later.push(later),
            None => self.pending.push(later),
        }
    }

    /// Closes the open block: its span is its prose, trimmed; a blank line follows it so
    /// that no sentence runs into the next block. What it deferred is queued.
    fn finish(&mut self, at: usize) {
        self.emph_end();
        let Some(open) = self.open.take() else {
            return;
        };
        let body = &self.out.prose[open.start..];
        let lead = body.len() - body.trim_start().len();
        let inked = body.trim_end().len();
        if inked > lead {
            self.blocks.push(Block {
                kind: open.kind,
                span: open.start + lead..open.start + inked,
                quoted: open.quoted,
            });
        }
        if !body.is_empty() {
            self.out.push("\n\n", at..at);
        }
        self.pending.extend(open.later.into_iter().rev());
    }

    /// Closes the open block and writes everything it deferred, each as its own block.
    fn settle(&mut self, at: usize) {
        self.finish(at);
        while let Some(later) = self.pending.pop() {
            self.write_later(later);
        }
    }

    fn write_later(&mut self, later: Later<'a>) {
        match later {
            Later::Target(span, quoted) => {
                self.begin(BlockKind::Paragraph, quoted, span.start);
                self.name(span.clone(), false);
                self.finish(span.end);
            }
            Later::Content {
                nodes,
                clip,
                kind,
                quoted,
            } => {
                self.begin(kind, quoted, clip.start);
                self.prescan(nodes, &clip);
                self.nodes(nodes, &clip);
                self.finish(clip.end);
            }
            Later::Row {
                name,
                nodes,
                clip,
                quoted,
            } => {
                self.begin(BlockKind::TableRow, quoted, clip.start);
                match name {
                    RowName::Name(span) => self.name(span, true),
                    RowName::Label(label, clip) => {
                        self.prescan(label, &clip);
                        self.nodes(label, &clip);
                        self.emph_end();
                    }
                }
                self.out.push(" ", clip.start..clip.start);
                self.prescan(nodes, &clip);
                self.nodes(nodes, &clip);
                self.finish(clip.end);
            }
            Later::Citation(node) => {
                let span = node.span();
                self.begin(BlockKind::Paragraph, false, span.start);
                self.citation(node);
                self.finish(span.end);
            }
        }
    }

    /// Copies original bytes as prose.
    fn copy(&mut self, range: Range<usize>) {
        if !range.is_empty() {
            self.out.copy(self.text, range);
        }
    }

    /// Writes a name from its bytes: `_` as a space, as MediaWiki shows a link's target;
    /// for a parameter's name (`death-toll`), `-` too, so that it reads as a label.
    fn name(&mut self, span: Range<usize>, hyphens: bool) {
        let mut from = span.start;
        for (i, c) in self.text[span.clone()].char_indices() {
            let at = span.start + i;
            if c == '_' || (hyphens && c == '-') {
                self.copy(from..at);
                self.out.push(" ", at..at + 1);
                from = at + 1;
            }
        }
        self.copy(from..span.end);
    }

    /// One space standing for dropped bytes, unless the prose already ends in one.
    fn gap(&mut self, from: Range<usize>) {
        let Some(open) = &self.open else {
            return;
        };
        if self.out.len() > open.start && !self.out.prose.ends_with(char::is_whitespace) {
            self.out.push(" ", from);
        }
    }
}
