//! The first pass: the text as a tree of the constructs that nest (templates, links,
//! external links, elements) with comments and raw elements (`<nowiki>`, `<math>`) cut out
//! whole, in one left-to-right scan with an explicit stack.
//!
//! As MediaWiki's preprocessor does, a closer only closes the construct open innermost:
//! `}}` closes a template, `]]` a link, `</ref>` its `<ref>` (found ahead, so a ref's
//! content cannot run past it). HTML elements are soft: an unclosed `<span>` gives way to
//! the closer of whatever encloses it. Links and external links end at the line's end.
//! An opener never closed is read as the text it is; nothing is swallowed. Openers nested
//! deeper than `MAX_DEPTH` are read as text (after giving up HTML elements left open), so
//! the tree stays shallow. A blank line closes the inline elements left open.

mod brackets;
mod tags;

use std::collections::HashMap;
use std::ops::Range;

use super::lex;
use tags::TagKind;
pub(super) use tags::block_element;

/// How deep constructs may nest; deeper openers are text.
pub(super) const MAX_DEPTH: usize = 40;

/// A piece of wikitext.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Node {
    /// Text without line breaks or `|`.
    Text(Range<usize>),
    /// A line break.
    Newline(usize),
    /// A `|`: a parameter or cell separator, or a bar.
    Pipe(usize),
    /// `<!-- ... -->`, whole.
    Comment(Range<usize>),
    /// `{{...}}` (a template) or, with `arg`, `{{{...}}}` (a template's parameter).
    Braces {
        /// From the first brace to the last.
        span: Range<usize>,
        /// Three braces.
        arg: bool,
        /// What is between the braces.
        children: Vec<Node>,
    },
    /// `[[...]]`.
    Link {
        /// From `[[` to `]]`.
        span: Range<usize>,
        /// What is between the brackets.
        children: Vec<Node>,
    },
    /// `[http://... label]`.
    ExtLink {
        /// From `[` to `]`.
        span: Range<usize>,
        /// What is between the brackets.
        children: Vec<Node>,
    },
    /// An element whose content is wikitext: `<ref>`, `<span>`, `<blockquote>`.
    Element {
        /// The tag's name, lower case.
        name: &'static str,
        /// From the opening tag to the end of the closing one.
        span: Range<usize>,
        /// The content.
        children: Vec<Node>,
    },
    /// Bytes that are not prose: a raw element (`<nowiki>`, `<math>`), a tag left open.
    Opaque(Range<usize>),
    /// A tag without content: `<br>`, `<ref name="x" />`, a stray closing tag.
    Void {
        /// The tag's name, lower case.
        name: &'static str,
        /// The tag.
        span: Range<usize>,
    },
}

impl Node {
    /// The bytes the node covers.
    pub(super) fn span(&self) -> Range<usize> {
        match self {
            Node::Text(r) | Node::Comment(r) | Node::Opaque(r) => r.clone(),
            Node::Newline(i) | Node::Pipe(i) => *i..*i + 1,
            Node::Braces { span, .. }
            | Node::Link { span, .. }
            | Node::ExtLink { span, .. }
            | Node::Element { span, .. }
            | Node::Void { span, .. } => span.clone(),
        }
    }
}

/// The text as a tree, and the inside of every comment (original offsets).
#[derive(Debug)]
pub(super) struct Tree {
    /// The top level.
    pub nodes: Vec<Node>,
    /// The inside of each `<!-- ... -->`, in order.
    pub comments: Vec<Range<usize>>,
}

/// Reads `text` into a tree.
pub(super) fn build(text: &str) -> Tree {
    let mut b = Builder {
        text,
        out: Vec::new(),
        frames: Vec::new(),
        comments: Vec::new(),
        closes: HashMap::new(),
        text_start: 0,
    };
    b.run();
    Tree {
        nodes: b.out,
        comments: b.comments,
    }
}

/// What is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Braces, with how many are still unmatched.
    Braces(usize),
    Link,
    ExtLink,
    Element(&'static str, TagKind),
}

/// An open construct: its kind, its opener's bytes, the index of the placeholder that
/// stands for the opener in the output, and where its content must end.
#[derive(Debug)]
struct Frame {
    kind: Kind,
    open: Range<usize>,
    at: usize,
    limit: usize,
}

impl Frame {
    /// Soft frames give way to the closers of the frames under them.
    fn soft(&self) -> bool {
        matches!(self.kind, Kind::ExtLink | Kind::Element(_, TagKind::Html))
    }
}

/// What a byte starts.
enum Step {
    /// Plain text, this many bytes.
    Text(usize),
    /// A construct; the text resumes here.
    Took(usize),
}

/// A search for a closing tag: where it started, and the tag found (start, end).
type Search = (usize, Option<(usize, usize)>);

struct Builder<'t> {
    text: &'t str,
    out: Vec<Node>,
    frames: Vec<Frame>,
    comments: Vec<Range<usize>>,
    /// For each raw or fenced tag name: where its closing tag was last looked for, and
    /// the first one found from there (start, end).
    closes: HashMap<&'static str, Search>,
    text_start: usize,
}

impl Builder<'_> {
    fn run(&mut self) {
        let bytes = self.text.as_bytes();
        let mut i = 0;
        loop {
            let limit = self.limit();
            if i >= limit {
                if limit >= self.text.len() {
                    break;
                }
                // The closing tag of the innermost fenced element.
                self.flush(limit);
                let end = lex::close_tag(&self.text[limit..])
                    .map_or(limit, |(rest, _)| self.text.len() - rest.len());
                let k = self.frames.len()
                    - 1
                    - self
                        .frames
                        .iter()
                        .rev()
                        .position(|f| matches!(f.kind, Kind::Element(_, TagKind::Fenced)))
                        .unwrap_or(0);
                self.close(k, end);
                i = end.max(limit + 1).min(self.text.len());
                self.text_start = i;
                continue;
            }
            let step = match bytes[i] {
                b'\n' => self.newline(i),
                b'|' => {
                    self.flush(i);
                    self.out.push(Node::Pipe(i));
                    Step::Took(i + 1)
                }
                b'<' => self.angle(i, limit),
                b'{' => self.open_braces(i, limit),
                b'}' => self.close_braces(i, limit),
                b'[' => self.open_bracket(i, limit),
                b']' => self.close_bracket(i),
                _ => Step::Text(1),
            };
            match step {
                Step::Text(n) => i += n,
                Step::Took(next) => {
                    i = next;
                    self.text_start = next;
                }
            }
        }
        self.flush(self.text.len());
        self.frames.clear();
    }

    /// Where the content of the innermost fenced element ends (else the text's end).
    fn limit(&self) -> usize {
        self.frames.last().map_or(self.text.len(), |f| f.limit)
    }

    /// Pushes the pending text up to `end`.
    fn flush(&mut self, end: usize) {
        if end > self.text_start {
            self.out.push(Node::Text(self.text_start..end));
        }
        self.text_start = end;
    }

    /// Opens a frame whose opener is `open`, with `placeholder` standing for it until it
    /// closes (and for good if it never does).
    fn open(&mut self, kind: Kind, open: Range<usize>, placeholder: Node, limit: usize) {
        self.flush(open.start);
        self.frames.push(Frame {
            kind,
            open,
            at: self.out.len(),
            limit,
        });
        self.out.push(placeholder);
    }

    /// Closes frame `k` (those above it were never closed) with its closer ending at `end`.
    fn close(&mut self, k: usize, end: usize) {
        self.frames.truncate(k + 1);
        let Some(frame) = self.frames.pop() else {
            return;
        };
        let children = self.out.split_off(frame.at + 1);
        self.out.pop();
        let span = frame.open.start..end;
        self.out.push(match frame.kind {
            Kind::Braces(_) => Node::Braces {
                span,
                arg: false,
                children,
            },
            Kind::Link => Node::Link { span, children },
            Kind::ExtLink => Node::ExtLink { span, children },
            Kind::Element(name, _) => Node::Element {
                name,
                span,
                children,
            },
        });
    }

    /// The innermost frame that is not soft, if the frames above it are all soft.
    fn hard_top(&self) -> Option<usize> {
        self.frames.iter().rposition(|f| !f.soft())
    }

    fn newline(&mut self, i: usize) -> Step {
        self.flush(i);
        // Links and external links end with their line.
        let hard = self
            .frames
            .iter()
            .rposition(|f| matches!(f.kind, Kind::Braces(_) | Kind::Element(_, TagKind::Fenced)));
        let from = hard.map_or(0, |h| h + 1);
        if let Some(first) = self.frames[from..]
            .iter()
            .position(|f| matches!(f.kind, Kind::Link | Kind::ExtLink))
        {
            self.frames.truncate(from + first);
        }
        // A blank line ends the inline elements left open, as it ends a paragraph.
        let blank = match self.out.as_slice() {
            [.., Node::Newline(_)] => true,
            [.., Node::Newline(_), Node::Text(r)] => self.text[r.clone()].trim().is_empty(),
            _ => false,
        };
        while blank
            && self.frames.last().is_some_and(
                |f| matches!(f.kind, Kind::Element(n, TagKind::Html) if !block_element(n)),
            )
        {
            self.frames.pop();
        }
        self.out.push(Node::Newline(i));
        Step::Took(i + 1)
    }

    /// Whether another frame may open: below `MAX_DEPTH`, or once the oldest HTML
    /// element left open has been given up (it stays as it is, transparent).
    fn room(&mut self) -> bool {
        if self.frames.len() < MAX_DEPTH {
            return true;
        }
        match self
            .frames
            .iter()
            .position(|f| matches!(f.kind, Kind::Element(_, TagKind::Html)))
        {
            Some(k) => {
                self.frames.remove(k);
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The top level's shape: each node's kind and bytes.
    fn shape(text: &str) -> Vec<String> {
        build(text)
            .nodes
            .iter()
            .map(|n| {
                let kind = match n {
                    Node::Text(_) => "text",
                    Node::Newline(_) => "nl",
                    Node::Pipe(_) => "pipe",
                    Node::Comment(_) => "comment",
                    Node::Braces { arg: true, .. } => "arg",
                    Node::Braces { .. } => "template",
                    Node::Link { .. } => "link",
                    Node::ExtLink { .. } => "ext",
                    Node::Element { name, .. } => name,
                    Node::Opaque(_) => "opaque",
                    Node::Void { .. } => "void",
                };
                format!("{kind} {}", &text[n.span()])
            })
            .collect()
    }

    #[test]
    fn constructs_nest() {
        assert_eq!(
            shape("a{{b|[[c|d]]}}<ref>{{e}}</ref>[http://x y]"),
            [
                "text a",
                "template {{b|[[c|d]]}}",
                "ref <ref>{{e}}</ref>",
                "ext [http://x y]"
            ]
        );
    }

    #[test]
    fn brace_runs_split_as_mediawiki_splits_them() {
        assert_eq!(shape("{{{{a}}}}"), ["text {", "arg {{{a}}}", "text }"]);
        assert_eq!(shape("{{{{{a}}}}}"), ["template {{{{{a}}}}}"]);
    }

    #[test]
    fn closers_close_only_the_innermost_hard_construct() {
        assert_eq!(
            shape("{{a|[[b}}"),
            ["text {{", "text a", "pipe |", "text [[", "text b}}"]
        );
        assert_eq!(shape("{{a|<span>b}}"), ["template {{a|<span>b}}"]);
        assert_eq!(shape("x <ref>y}}</ref>"), ["text x ", "ref <ref>y}}</ref>"]);
    }

    #[test]
    fn links_end_with_their_line() {
        assert_eq!(
            shape("[[a\nb]]"),
            ["text [[", "text a", "nl \n", "text b]]"]
        );
    }

    #[test]
    fn comments_and_raw_elements_are_cut_whole() {
        let t = build("a<!-- x -->b<nowiki>{{c}}<!-- y --></nowiki><!-- open");
        let inside: Vec<_> = t.comments.iter().map(|c| c.len()).collect();
        assert_eq!(inside, [3, 5]);
        assert_eq!(
            shape("<nowiki>{{c}}</nowiki><math>"),
            ["opaque <nowiki>{{c}}</nowiki>", "opaque <math>"]
        );
    }

    #[test]
    fn depth_is_bounded() {
        let text = "{{a|".repeat(MAX_DEPTH * 3);
        let t = build(&text);
        assert!(t.nodes.len() > MAX_DEPTH);
    }
}
