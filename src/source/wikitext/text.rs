//! Inline content: text runs (character references decoded, apostrophe emphasis, bare
//! URLs, behaviour switches and signatures dropped), elements, and the dispatch of nested
//! constructs to the link and template readers.

use std::ops::Range;

use super::tree::{self, Node};
use super::{Later, Render, lex};
use crate::source::{BlockKind, entity};

/// Elements that stand apart from their neighbours inline, as block elements do.
const SEPARATE: [&str; 7] = ["td", "th", "tr", "li", "dt", "dd", "caption"];

/// What a stretch of text holds that is not copied as it is.
enum Piece {
    /// A run of apostrophes, this long.
    Quotes(usize),
    /// A character reference and what it stands for.
    Entity(String),
    /// Something that is not prose.
    Drop,
}

impl<'a> Render<'a> {
    /// Writes `nodes` inline, keeping to `clip`: text is cut to it; other nodes are
    /// written when they lie inside it.
    pub(super) fn nodes(&mut self, nodes: &'a [Node], clip: &Range<usize>) {
        for node in nodes {
            let span = node.span();
            if span.end <= clip.start || span.start >= clip.end {
                continue;
            }
            match node {
                Node::Text(r) => self.text_run(r.start.max(clip.start)..r.end.min(clip.end)),
                _ if span.start < clip.start || span.end > clip.end => {}
                _ => self.node(node),
            }
        }
    }

    /// Writes one node inline.
    pub(super) fn node(&mut self, node: &'a Node) {
        match node {
            Node::Text(r) => self.text_run(r.clone()),
            Node::Newline(i) => {
                self.emph_end();
                self.copy(*i..*i + 1);
            }
            Node::Pipe(i) => self.copy(*i..*i + 1),
            Node::Comment(_) => {}
            Node::Braces {
                arg: true, span, ..
            } => self.gap(span.clone()),
            Node::Braces { .. } => self.inline_template(node),
            Node::Link { span, children } => self.link(span, children),
            Node::ExtLink { span, children } => self.ext_link(span, children),
            Node::Element {
                name,
                span,
                children,
            } => self.element(name, span, children),
            Node::Opaque(span) => self.gap(span.clone()),
            Node::Void { name: "br", span } => self.out.push("\n", span.clone()),
            Node::Void { name: "hr", span } => self.gap(span.clone()),
            Node::Void { .. } => {}
        }
    }

    /// An element inline: a ref is a block of its own after this one, and so is a block
    /// quote (quoted); `<i>`, `<b>`, `<em>`, `<strong>` emphasise; others only hold text.
    fn element(&mut self, name: &str, span: &Range<usize>, children: &'a [Node]) {
        let content = |quoted| Later::Content {
            nodes: children,
            clip: span.clone(),
            kind: BlockKind::Paragraph,
            quoted,
        };
        match name {
            "ref" => self.defer(content(false)),
            "blockquote" => {
                self.gap(span.clone());
                self.defer(content(true));
            }
            "i" | "b" | "em" | "strong" => {
                let start = self.out.len();
                self.nodes(children, span);
                self.span(start, self.out.len());
            }
            // Cells, items and blocks never run into their neighbours.
            _ if tree::block_element(name) || SEPARATE.contains(&name) => {
                self.gap(span.clone());
                self.nodes(children, span);
                self.gap(span.clone());
            }
            _ => self.nodes(children, span),
        }
    }

    /// Writes a run of text: copied, but for character references (decoded), apostrophe
    /// marks (emphasis), and bare URLs, `__SWITCHES__` and signatures (dropped).
    pub(super) fn text_run(&mut self, r: Range<usize>) {
        let s = &self.text[r.clone()];
        let bytes = s.as_bytes();
        let (mut from, mut i) = (0, 0);
        while i < bytes.len() {
            // Only ASCII bytes start anything, so `i` is a character boundary below.
            let word_start = || {
                let prev = match i {
                    0 => r.start.checked_sub(1).map(|p| self.text.as_bytes()[p]),
                    _ => Some(bytes[i - 1]),
                };
                !prev.is_some_and(|b| b.is_ascii_alphanumeric())
            };
            let taken = match bytes[i] {
                b'\'' => lex::apostrophes(&s[i..])
                    .ok()
                    .map(|(_, n)| (n, Piece::Quotes(n))),
                b'&' => entity::at(&s[i..]).map(|(d, n)| (n, Piece::Entity(d))),
                b'_' => lex::magic_word(&s[i..])
                    .ok()
                    .map(|(_, w)| (w.len(), Piece::Drop)),
                b'~' => lex::signature(&s[i..])
                    .ok()
                    .map(|(_, w)| (w.len(), Piece::Drop)),
                b if b.is_ascii_alphabetic() && word_start() => {
                    lex::url(&s[i..]).ok().map(|(_, u)| (u.len(), Piece::Drop))
                }
                _ => None,
            };
            let Some((n, piece)) = taken else {
                i += 1;
                continue;
            };
            self.copy(r.start + from..r.start + i);
            let at = r.start + i;
            match piece {
                Piece::Quotes(n) => self.apostrophes(at, n),
                Piece::Entity(decoded) => self.out.push(&decoded, at..at + n),
                Piece::Drop => self.gap(at..at + n),
            }
            i += n;
            from = i;
        }
        self.copy(r.start + from..r.end);
    }
}
