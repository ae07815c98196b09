//! HTML, such as a fan-fiction archive's download: the text a browser shows, decoded into
//! a prose view with a map back to the original bytes, cut into blocks.
//!
//! Prose is the text of the document with its character references decoded
//! (`Picard&rsquo;s` reads "Picard’s"); inline elements add nothing (`Pic<b>ard</b>` reads
//! "Picard"). Not prose: tags and their attributes (`alt`, `title`, URLs), comments,
//! doctypes, CDATA and processing instructions, `head` except its `title`, and the
//! elements a reader does not read as the story: script, style, template, noscript
//! (a fallback that in exported fiction only asks for JavaScript), code, pre, kbd, samp,
//! var, math, svg, form controls and embedded media. Such an element in running text
//! reads as one space, so the words around it stay apart. A `sup` holding only a
//! footnote marker (`<sup>[1]</sup>`) is not prose; `q` reads with curly quotes.
//!
//! Blocks: `h1`-`h6` are headings, `title` the heading of level 0 (the document's own
//! title); p, li, dd, dt, figcaption, caption are paragraphs, and so is any run of text
//! directly in body, div, section and the like; `tr` is a table row whose cells read as
//! one line, a tab between them. Inside `blockquote` blocks are quoted. A `<br>` is a line
//! break and two in a row (whitespace between them allowed) end the paragraph, as archive
//! exports write paragraphs. Blocks are apart by a blank line in the prose, so sentences
//! never join across them.
//!
//! Messy HTML reads as a browser shows it: unclosed `p`, `li`, `dd`, `td` and `tr` end where
//! the next one starts, an end tag closes what is open inside its element, stray end tags
//! are ignored, and a self-closing tag (`<div/>`, XHTML) opens nothing. The elements open
//! are a stack on the heap, each knowing its context, so any nesting depth reads in linear
//! time.

mod blocks;
mod element;
mod emphasis;
mod footnote;
mod token;

#[cfg(test)]
mod tests;

use std::ops::Range;

use nom::branch::alt;
use nom::bytes::complete::{tag, take_till1};
use nom::{IResult, Parser};

use element::{Kind, Names, Role, Within, scope};
use emphasis::Emphasis;
use token::{Token, Tokens};

use super::{Block, BlockKind, ProseBuilder, Reading, entity};

/// Between blocks: a blank line, so sentences never join across blocks.
const BLOCK_BREAK: &str = "\n\n";
/// Between the cells of a row: whitespace, as a Markdown row's blanked pipes read, so a
/// label cell reads right before its value ("Deaths\t20,000").
const CELL_BREAK: &str = "\t";

/// Reads HTML into a decoded prose view, blocks, emphasis spans and comments.
pub(crate) fn read(text: &str) -> Reading {
    let mut reader = Reader {
        text,
        ..Reader::default()
    };
    for token in Tokens::new(text) {
        reader.token(token);
    }
    reader.finish()
}

/// An open element.
#[derive(Debug)]
struct Open {
    id: usize,
    kind: Kind,
    /// What text directly in it reads as.
    within: BlockKind,
    quoted: bool,
    /// It or an element around it is not prose.
    dropped: bool,
    /// The scope kinds open around and at it (see `element::scope`).
    scope: u8,
    /// Its start tag.
    from: Range<usize>,
    /// A `q` that wrote its opening mark, in the block with this number.
    marked: Option<usize>,
}

/// The block being read: the prose from its first to its last non-space character.
#[derive(Debug)]
struct Current {
    kind: BlockKind,
    quoted: bool,
    start: usize,
    end: usize,
}

/// What goes before the next text of the open block.
#[derive(Debug)]
enum Gap {
    /// One space standing for a dropped element, unless whitespace is already there.
    Space(Range<usize>),
    /// The break between two cells, at this original offset.
    Cell(usize),
}

/// The text of an open `sup`, held back until it is known whether it is a marker.
#[derive(Debug)]
struct Sup {
    /// Its place on the stack.
    depth: usize,
    texts: Vec<Range<usize>>,
    len: usize,
}

#[derive(Debug, Default)]
struct Reader<'t> {
    text: &'t str,
    out: ProseBuilder,
    names: Names,
    stack: Vec<Open>,
    /// How many elements of each name are open.
    open: Vec<usize>,
    block: Option<Current>,
    /// How many blocks have opened.
    serial: usize,
    blocks: Vec<Block>,
    emphasis: Emphasis,
    comments: Vec<Range<usize>>,
    gap: Option<Gap>,
    /// Whether the prose written so far ends in whitespace.
    spaced: bool,
    /// `<br>`s since the last text.
    breaks: usize,
    sup: Option<Sup>,
}

impl Reader<'_> {
    fn token(&mut self, token: Token) {
        match token {
            Token::Text(range) => self.text(range),
            Token::Start { name, closed, span } => self.start(name, closed, span),
            Token::End { name, span } => self.end(name, span),
            Token::Comment(inside) => self.comments.push(inside),
            Token::Raw(_) | Token::Other(_) => {}
        }
    }

    fn finish(mut self) -> Reading {
        self.flush_sup();
        self.end_block();
        let (prose, map) = self.out.finish();
        let emphasis = self.emphasis.finish(&prose);
        Reading {
            prose,
            map: Some(map),
            blocks: self.blocks,
            emphasis,
            comments: self.comments,
        }
    }

    fn dropped(&self) -> bool {
        self.stack.last().is_some_and(|o| o.dropped)
    }

    /// A text token: held back in a `sup`, else written piece by piece.
    fn text(&mut self, range: Range<usize>) {
        if self.dropped() {
            return;
        }
        if let Some(sup) = &mut self.sup {
            if sup.len + range.len() <= footnote::LONGEST {
                sup.len += range.len();
                sup.texts.push(range);
                return;
            }
            self.flush_sup();
        }
        let text = self.text;
        let mut at = range.start;
        while at < range.end {
            let (decoded, len) = piece(&text[at..range.end]);
            match decoded {
                Some(s) => self.write(&s, at..at + len, false),
                None => self.write(&text[at..at + len], at..at + len, true),
            }
            at += len;
        }
    }

    /// Writes prose: `s` is the original at `from` when `copied`, else decoded text
    /// standing for `from`. Non-space text opens a block if none is open.
    fn write(&mut self, s: &str, from: Range<usize>, copied: bool) {
        if s.is_empty() {
            return;
        }
        let content = s.trim_start();
        let (s, from) = match &self.block {
            Some(_) => (s, from),
            None if content.is_empty() => return,
            None => {
                let lead = if copied { s.len() - content.len() } else { 0 };
                self.open_block(from.start + lead);
                (content, from.start + lead..from.end)
            }
        };
        if content.is_empty() {
            if matches!(self.gap, Some(Gap::Space(_))) {
                self.gap = None;
            }
        } else {
            self.breaks = 0;
            match self.gap.take() {
                Some(Gap::Space(r)) if !self.spaced && !s.starts_with(char::is_whitespace) => {
                    self.out.push(" ", r)
                }
                Some(Gap::Cell(at)) => self.out.push(CELL_BREAK, at..at),
                _ => {}
            }
        }
        if copied {
            self.out.copy(self.text, from);
        } else {
            self.out.push(s, from);
        }
        self.spaced = s.ends_with(char::is_whitespace);
        if let Some(block) = self.block.as_mut().filter(|_| !content.is_empty()) {
            block.end = self.out.len() - (s.len() - s.trim_end().len());
        }
    }

    fn start(&mut self, name: &str, closed: bool, span: Range<usize>) {
        let (id, kind) = self.names.get(name);
        if kind.role != Role::Inline {
            self.flush_sup();
        }
        if kind.closes_p {
            self.close_scope(scope::P, &span);
        }
        if kind.sets != 0 {
            self.close_scope(kind.sets, &span);
        }
        let heading = |k: &Kind| matches!(k.role, Role::Block(Within::Heading(n)) if n > 0);
        if heading(&kind) && self.stack.last().is_some_and(|o| heading(&o.kind)) {
            self.pop(&span);
        }
        let dropped = self.dropped();
        let mut marked = None;
        match kind.role {
            Role::Block(_) | Role::Blockquote | Role::Row | Role::DroppedBlock | Role::Rule => {
                self.end_block()
            }
            Role::Cell => self.cell_boundary(span.start),
            Role::Break => self.line_break(span.clone()),
            Role::Dropped | Role::Replaced if !dropped => self.gap_at(span.clone()),
            Role::Quote if !dropped => {
                self.write("\u{201c}", span.clone(), false);
                marked = Some(self.serial);
            }
            Role::Emphasis => {
                let at = self.block.as_ref().map(|_| self.out.len());
                self.emphasis.open(at);
            }
            _ => {}
        }
        if kind.void {
            return;
        }
        self.push(id, kind, span.clone(), marked);
        if closed {
            self.pop(&span);
        } else if kind.role == Role::Sup && !dropped && self.sup.is_none() {
            self.sup = Some(Sup {
                depth: self.stack.len() - 1,
                texts: Vec::new(),
                len: 0,
            });
        }
    }

    fn end(&mut self, name: &str, span: Range<usize>) {
        let (id, kind) = self.names.get(name);
        if !matches!(kind.role, Role::Inline | Role::Sup) {
            self.flush_sup();
        }
        if self.open.get(id).is_some_and(|&n| n > 0) {
            while let Some(popped) = self.pop(&span) {
                if popped == id {
                    break;
                }
            }
            return;
        }
        // A stray end tag: `</br>` is a break, `</p>` a boundary, others nothing.
        match kind.role {
            Role::Break => self.line_break(span),
            Role::Block(_) | Role::Blockquote | Role::Row | Role::DroppedBlock => self.end_block(),
            _ => {}
        }
    }

    fn push(&mut self, id: usize, kind: Kind, from: Range<usize>, marked: Option<usize>) {
        let parent = self.stack.last();
        let parent_within = parent.map_or(BlockKind::Paragraph, |p| p.within);
        let within = match kind.role {
            Role::Block(Within::Paragraph) | Role::Blockquote => BlockKind::Paragraph,
            Role::Block(Within::Heading(n)) => BlockKind::Heading(n),
            Role::Row => BlockKind::TableRow,
            Role::Cell if parent_within != BlockKind::TableRow => BlockKind::Paragraph,
            _ => parent_within,
        };
        let open = Open {
            id,
            kind,
            within,
            quoted: parent.is_some_and(|p| p.quoted) || kind.role == Role::Blockquote,
            dropped: parent.is_some_and(|p| p.dropped)
                || matches!(kind.role, Role::Dropped | Role::DroppedBlock),
            scope: parent.map_or(0, |p| p.scope & !kind.hides) | kind.sets,
            from,
            marked,
        };
        if self.open.len() <= id {
            self.open.resize(self.names.len(), 0);
        }
        self.open[id] += 1;
        self.stack.push(open);
    }

    /// Closes the innermost element; `span` is the tag that closes it. Gives its name.
    fn pop(&mut self, span: &Range<usize>) -> Option<usize> {
        let open = self.stack.pop()?;
        self.open[open.id] -= 1;
        match open.kind.role {
            Role::Emphasis => {
                let block = self.block.as_ref().map(|b| b.start);
                self.emphasis.close(block, self.out.len());
            }
            Role::Quote if open.marked == Some(self.serial) && self.block.is_some() => {
                self.write("\u{201d}", span.clone(), false);
            }
            Role::Dropped => {
                if let Some(Gap::Space(r)) = &mut self.gap {
                    r.start = r.start.min(open.from.start);
                    r.end = r.end.max(span.end);
                }
            }
            Role::Sup
                if self
                    .sup
                    .as_ref()
                    .is_some_and(|s| s.depth == self.stack.len()) =>
            {
                self.end_sup();
            }
            Role::Cell => self.cell_boundary(span.start),
            Role::Block(_) | Role::Blockquote | Role::Row | Role::DroppedBlock => self.end_block(),
            _ => {}
        }
        Some(open.id)
    }

    /// Closes the innermost open element of a scope kind in `bits` and everything inside
    /// it, if one is open where a new element can reach it.
    fn close_scope(&mut self, bits: u8, span: &Range<usize>) {
        if self.stack.last().is_none_or(|o| o.scope & bits == 0) {
            return;
        }
        while let Some(open) = self.stack.last() {
            let last = open.kind.sets & bits != 0;
            self.pop(span);
            if last {
                break;
            }
        }
    }
}

/// The piece of text at the start of `rest`: a character reference, decoded, or a run of
/// text as written; and its length.
fn piece(rest: &str) -> (Option<String>, usize) {
    if let Some((decoded, len)) = entity::at(rest) {
        return (Some(decoded), len);
    }
    let len = plain(rest).map_or(rest.len(), |(after, _)| rest.len() - after.len());
    (None, len)
}

/// Text as written: up to the next `&`, or an `&` that starts no reference.
fn plain(input: &str) -> IResult<&str, &str> {
    alt((take_till1(|c| c == '&'), tag("&"))).parse(input)
}

/// A text's decoded form.
fn decoded(text: &str, range: &Range<usize>) -> String {
    let mut out = String::new();
    let mut at = range.start;
    while at < range.end {
        let (decoded, len) = piece(&text[at..range.end]);
        out.push_str(decoded.as_deref().unwrap_or(&text[at..at + len]));
        at += len;
    }
    out
}
