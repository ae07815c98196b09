//! The tags canonlint knows, and how the tree reads `<`: a comment, an element's opening
//! or closing tag, or text. Raw elements (`<nowiki>`, `<math>`) are cut out whole up to
//! their first closing tag; fenced ones (`<ref>`) open a frame that ends there, found
//! ahead, as MediaWiki finds an extension tag's end. Closing tags are looked for once per
//! name and position, so that many unclosed tags stay linear.

use super::{Builder, Kind, Node, Step};
use crate::source::wikitext::lex;

/// How an element's content is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::source::wikitext) enum TagKind {
    /// Not prose; the first closing tag ends it.
    Raw,
    /// Wikitext, up to the first closing tag (an extension tag: `<ref>`, `<poem>`).
    Fenced,
    /// Wikitext; HTML, which may be left unclosed.
    Html,
    /// Never has content.
    Void,
}

/// The tags canonlint knows; any other `<...>` is text.
const TAGS: &[(&str, TagKind)] = &[
    ("abbr", TagKind::Html),
    ("b", TagKind::Html),
    ("bdi", TagKind::Html),
    ("big", TagKind::Html),
    ("blockquote", TagKind::Html),
    ("br", TagKind::Void),
    ("caption", TagKind::Html),
    ("categorytree", TagKind::Raw),
    ("ce", TagKind::Raw),
    ("center", TagKind::Html),
    ("charinsert", TagKind::Raw),
    ("chem", TagKind::Raw),
    ("cite", TagKind::Html),
    ("code", TagKind::Raw),
    ("dd", TagKind::Html),
    ("del", TagKind::Html),
    ("dfn", TagKind::Html),
    ("div", TagKind::Html),
    ("dl", TagKind::Html),
    ("dt", TagKind::Html),
    ("em", TagKind::Html),
    ("font", TagKind::Html),
    ("gallery", TagKind::Raw),
    ("graph", TagKind::Raw),
    ("h1", TagKind::Html),
    ("h2", TagKind::Html),
    ("h3", TagKind::Html),
    ("h4", TagKind::Html),
    ("h5", TagKind::Html),
    ("h6", TagKind::Html),
    ("hiero", TagKind::Raw),
    ("hr", TagKind::Void),
    ("i", TagKind::Html),
    ("imagemap", TagKind::Raw),
    ("includeonly", TagKind::Raw),
    ("inputbox", TagKind::Raw),
    ("ins", TagKind::Html),
    ("kbd", TagKind::Html),
    ("li", TagKind::Html),
    ("mapframe", TagKind::Raw),
    ("maplink", TagKind::Raw),
    ("mark", TagKind::Html),
    ("math", TagKind::Raw),
    ("noinclude", TagKind::Html),
    ("nowiki", TagKind::Raw),
    ("ol", TagKind::Html),
    ("onlyinclude", TagKind::Html),
    ("p", TagKind::Html),
    ("poem", TagKind::Fenced),
    ("pre", TagKind::Raw),
    ("q", TagKind::Html),
    ("rb", TagKind::Html),
    ("ref", TagKind::Fenced),
    ("references", TagKind::Fenced),
    ("rp", TagKind::Html),
    ("rt", TagKind::Html),
    ("ruby", TagKind::Html),
    ("s", TagKind::Html),
    ("samp", TagKind::Html),
    ("score", TagKind::Raw),
    ("section", TagKind::Void),
    ("small", TagKind::Html),
    ("source", TagKind::Raw),
    ("span", TagKind::Html),
    ("strike", TagKind::Html),
    ("strong", TagKind::Html),
    ("sub", TagKind::Html),
    ("sup", TagKind::Html),
    ("syntaxhighlight", TagKind::Raw),
    ("table", TagKind::Html),
    ("td", TagKind::Html),
    ("templatedata", TagKind::Raw),
    ("templatestyles", TagKind::Void),
    ("th", TagKind::Html),
    ("time", TagKind::Html),
    ("timeline", TagKind::Raw),
    ("tr", TagKind::Html),
    ("tt", TagKind::Html),
    ("u", TagKind::Html),
    ("ul", TagKind::Html),
    ("var", TagKind::Html),
    ("wbr", TagKind::Void),
];

/// Elements whose content is lines of their own, not a part of one.
const BLOCK_ELEMENTS: [&str; 17] = [
    "blockquote",
    "div",
    "center",
    "poem",
    "references",
    "table",
    "ul",
    "ol",
    "dl",
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "noinclude",
];

/// Whether an element holds lines of its own.
pub(in crate::source::wikitext) fn block_element(name: &str) -> bool {
    BLOCK_ELEMENTS.contains(&name)
}

/// A known tag by name, in any case: its name as the table spells it, and its kind.
pub(super) fn known_tag(name: &str) -> Option<(&'static str, TagKind)> {
    TAGS.iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .copied()
}

impl Builder<'_> {
    pub(super) fn angle(&mut self, i: usize, limit: usize) -> Step {
        let hay = &self.text[i..limit];
        if lex::comment_open(hay).is_ok() {
            let inner = i + 4;
            let (inside, end) = match self.text[inner..limit].find("-->") {
                Some(k) => (inner..inner + k, inner + k + 3),
                None => (inner..limit, limit),
            };
            self.flush(i);
            self.comments.push(inside);
            self.out.push(Node::Comment(i..end));
            return Step::Took(end);
        }
        if let Ok((rest, name)) = lex::close_tag(hay) {
            let Some((name, kind)) = known_tag(name) else {
                return Step::Text(1);
            };
            let end = limit - rest.len();
            self.flush(i);
            let open = self
                .frames
                .iter()
                .rev()
                .take_while(|f| f.soft())
                .position(|f| f.kind == Kind::Element(name, kind));
            match open {
                Some(p) if kind == TagKind::Html => self.close(self.frames.len() - 1 - p, end),
                _ => self.out.push(Node::Void { name, span: i..end }),
            }
            return Step::Took(end);
        }
        let Ok((rest, (name, closed))) = lex::open_tag(hay) else {
            return Step::Text(1);
        };
        let Some((name, kind)) = known_tag(name) else {
            return Step::Text(1);
        };
        let tag_end = limit - rest.len();
        let deep = matches!(kind, TagKind::Fenced | TagKind::Html) && !self.room();
        match kind {
            _ if closed || kind == TagKind::Void => {
                self.flush(i);
                self.out.push(Node::Void {
                    name,
                    span: i..tag_end,
                });
                Step::Took(tag_end)
            }
            TagKind::Raw | TagKind::Fenced => {
                let nested = self
                    .frames
                    .iter()
                    .any(|f| f.kind == Kind::Element(name, kind));
                let end = match self.find_close(name, tag_end).filter(|(s, _)| *s < limit) {
                    Some((s, _)) if kind == TagKind::Fenced && !deep && !nested => {
                        let placeholder = Node::Opaque(i..tag_end);
                        self.open(Kind::Element(name, kind), i..tag_end, placeholder, s);
                        return Step::Took(tag_end);
                    }
                    Some((_, e)) if kind == TagKind::Raw || deep => e,
                    // Never closed (or nested in itself): only the tag, as MediaWiki
                    // reads it; what follows is read as usual.
                    _ => tag_end,
                };
                self.flush(i);
                self.out.push(Node::Opaque(i..end));
                Step::Took(end)
            }
            TagKind::Html if deep => {
                self.flush(i);
                self.out.push(Node::Opaque(i..tag_end));
                Step::Took(tag_end)
            }
            TagKind::Html | TagKind::Void => {
                self.open(
                    Kind::Element(name, kind),
                    i..tag_end,
                    Node::Opaque(i..tag_end),
                    limit,
                );
                Step::Took(tag_end)
            }
        }
    }

    /// The first closing tag `</name>` at or after `from`: (start, end).
    fn find_close(&mut self, name: &'static str, from: usize) -> Option<(usize, usize)> {
        if let Some(&(searched, found)) = self.closes.get(name) {
            match found {
                Some((s, e)) if searched <= from && s >= from => return Some((s, e)),
                None if searched <= from => return None,
                _ => {}
            }
        }
        let mut at = from;
        let found = loop {
            let Some(k) = self.text[at..].find("</") else {
                break None;
            };
            let p = at + k;
            if let Ok((rest, n)) = lex::close_tag(&self.text[p..]) {
                if n.eq_ignore_ascii_case(name) {
                    break Some((p, self.text.len() - rest.len()));
                }
            }
            at = p + 2;
        };
        self.closes.insert(name, (from, found));
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_known_in_any_case() {
        assert_eq!(known_tag("REF"), Some(("ref", TagKind::Fenced)));
        assert_eq!(known_tag("Mars"), None);
        assert!(block_element("blockquote") && !block_element("span"));
    }
}
