//! Lines: the block structure of a page (or of a block element's content). A blank line
//! ends a paragraph; a line holding only comments is not there at all, as in MediaWiki.
//! `== x ==` is a heading (of level the shorter `=` run, trailing spaces and comments
//! allowed); `*`, `#`, `:`, `;` lines are list items, each a paragraph; `----` is a rule;
//! `{|` opens a table; a template alone on its line writes its blocks in place; block
//! elements (`<blockquote>`, `<div>`, `<poem>`) hold lines of their own, quoted inside a
//! block quote. At the top level only (not inside templates, tables or elements), a line
//! that starts with a space is preformatted text: not prose. Other lines are paragraph
//! lines, joined by their line breaks.

use std::ops::Range;

use super::tables::Table;
use super::tree::{self, Node};
use super::{Render, lex};
use crate::source::BlockKind;

/// A line: its nodes and its bytes (to the line break, not included).
pub(super) struct Line<'a> {
    pub nodes: &'a [Node],
    pub start: usize,
    pub end: usize,
}

/// Where a run of lines is: the top level, where a leading space makes a line
/// preformatted, or inside something; and whether it is quoted.
#[derive(Clone, Copy)]
struct Scope {
    top: bool,
    quoted: bool,
}

impl<'a> Render<'a> {
    /// Reads a run of lines: the page, or a block element's content.
    pub(super) fn lines(&mut self, nodes: &'a [Node], top: bool, quoted: bool) {
        let scope = Scope { top, quoted };
        let mut table = Table::default();
        // The line break after the last paragraph line, while the paragraph goes on.
        let mut follows: Option<usize> = None;
        let mut start = nodes.first().map_or(0, |n| n.span().start);
        let mut i = 0;
        loop {
            let j = nodes[i..]
                .iter()
                .position(|n| matches!(n, Node::Newline(_)))
                .map_or(nodes.len(), |k| i + k);
            let end = match nodes.get(j) {
                Some(n) => n.span().start,
                None => nodes[i..j].last().map_or(start, |n| n.span().end),
            };
            let line = Line {
                nodes: &nodes[i..j],
                start,
                end,
            };
            self.line(&line, scope, &mut table, &mut follows);
            if j >= nodes.len() {
                self.settle(end);
                return;
            }
            start = end + 1;
            i = j + 1;
        }
    }

    fn line(
        &mut self,
        line: &Line<'a>,
        scope: Scope,
        table: &mut Table,
        follows: &mut Option<usize>,
    ) {
        // Behaviour switches (`__NOTOC__`) leave their line blank.
        let blank = |n: &Node| match n {
            Node::Text(r) => self.text[r.clone()]
                .split_whitespace()
                .all(|w| lex::magic_word(w).is_ok_and(|(rest, _)| rest.is_empty())),
            Node::Comment(_) => true,
            _ => false,
        };
        if line.nodes.iter().all(blank) {
            if !line.nodes.iter().any(|n| matches!(n, Node::Comment(_))) {
                self.settle(line.start);
                *follows = None;
            }
            return;
        }
        if table.depth > 0 {
            self.table_line(line, table, scope.quoted);
            return;
        }
        let (head, _) = self.head(line.nodes);
        if head.starts_with("{|") {
            self.settle(line.start);
            table.depth = 1;
            return;
        }
        let first = match line.nodes.first() {
            Some(Node::Text(r)) if r.start == line.start => &self.text[r.clone()],
            _ => "",
        };
        let whole = line.start..line.end;
        if first.starts_with('=') {
            if let Some((level, content)) = self.heading(line) {
                self.settle(line.start);
                self.begin(BlockKind::Heading(level), scope.quoted, line.start);
                self.prescan(line.nodes, &content);
                self.nodes(line.nodes, &content);
                self.settle(line.end);
                *follows = None;
                return;
            }
        }
        if let Ok((_, marks)) = lex::list_marker(first) {
            let skip = lex::redirect(first).map_or(marks.len(), |(_, r)| r.len());
            self.settle(line.start);
            self.begin(BlockKind::Paragraph, scope.quoted, line.start);
            let content = line.start + skip..line.end;
            self.prescan(line.nodes, &content);
            self.nodes(line.nodes, &content);
            self.settle(line.end);
            *follows = None;
            return;
        }
        if let Ok((_, rule)) = lex::rule(first) {
            self.settle(line.start);
            *follows = None;
            self.paragraph_line(line, line.start + rule.len()..line.end, scope, follows);
            return;
        }
        let mut shown = line.nodes.iter().filter(|n| !blank(n));
        let lone = match (shown.next(), shown.next()) {
            (Some(n @ Node::Braces { arg: false, .. }), None) => Some(n),
            _ => None,
        };
        if scope.top && first.starts_with(' ') && lone.is_none() {
            // Preformatted.
            self.settle(line.start);
            *follows = None;
            return;
        }
        if let Some(template) = lone {
            self.block_template(template, scope.quoted);
            *follows = None;
            return;
        }
        self.paragraph_line(line, whole, scope, follows);
    }

    /// A line of a paragraph: it continues the open paragraph, if any; a block element in
    /// it holds lines of its own.
    fn paragraph_line(
        &mut self,
        line: &Line<'a>,
        clip: Range<usize>,
        scope: Scope,
        follows: &mut Option<usize>,
    ) {
        match *follows {
            Some(nl) if self.is_open() => self.copy(nl..nl + 1),
            _ => {
                self.settle(line.start);
                self.begin(BlockKind::Paragraph, scope.quoted, line.start);
            }
        }
        self.prescan(line.nodes, &clip);
        for node in line.nodes {
            match node {
                Node::Element {
                    name,
                    span,
                    children,
                } if tree::block_element(name) && span.start >= clip.start => {
                    self.settle(span.start);
                    self.lines(children, false, scope.quoted || *name == "blockquote");
                    self.begin(BlockKind::Paragraph, scope.quoted, span.end);
                }
                _ => self.nodes(std::slice::from_ref(node), &clip),
            }
        }
        self.emph_end();
        *follows = Some(line.end);
    }

    /// A heading line's level and content, if it is one: `=` runs at both ends (after
    /// trailing spaces and comments), the shorter giving the level (at most 6).
    fn heading(&self, line: &Line<'a>) -> Option<(u8, Range<usize>)> {
        let Some(Node::Text(first)) = line.nodes.first() else {
            return None;
        };
        let last = line.nodes.iter().rposition(|n| match n {
            Node::Text(r) => !self.text[r.clone()].trim().is_empty(),
            Node::Comment(_) => false,
            _ => true,
        })?;
        let Node::Text(r) = &line.nodes[last] else {
            return None;
        };
        let s = self.text[r.clone()].trim_end();
        let trail = s.len() - s.trim_end_matches('=').len();
        let head = &self.text[first.clone()];
        let lead = head.len() - head.trim_start_matches('=').len();
        let level = lead.min(trail).min(6);
        let content = first.start + level..r.start + s.len() - level;
        (level > 0 && content.start < content.end && !(last == 0 && lead == s.len()))
            .then_some((level as u8, content))
    }

    /// The first characters of a line, from its first that is not a space: text, and `|`
    /// for a pipe. With where they start.
    pub(super) fn head(&self, nodes: &[Node]) -> (String, usize) {
        let mut head = String::new();
        let mut at = None;
        for n in nodes {
            match n {
                Node::Text(r) => {
                    let s = &self.text[r.clone()];
                    let t = if at.is_none() { s.trim_start() } else { s };
                    if !t.is_empty() {
                        at.get_or_insert(r.end - t.len());
                    }
                    head.extend(t.chars().take(2));
                }
                Node::Pipe(p) => {
                    at.get_or_insert(*p);
                    head.push('|');
                }
                _ => break,
            }
            if head.chars().count() >= 2 {
                break;
            }
        }
        (head.chars().take(2).collect(), at.unwrap_or(0))
    }

    /// The kind of the open block.
    pub(super) fn open_kind(&self) -> Option<BlockKind> {
        self.open.as_ref().map(|o| o.kind)
    }
}
