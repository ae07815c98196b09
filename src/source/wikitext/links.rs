//! Links. `[[Target]]` shows its target and `[[Target|label]]` its label; the target of a
//! labelled link is a name too, read in a block of its own right after the link's block
//! (a misspelled target is reported at its own bytes, and never joins the sentence). A
//! file shows only its caption, as a block of its own; categories and links to other
//! languages show nothing; links into other namespaces or wikis show only their label.
//! `[http://... label]` shows its label.

use std::ops::Range;

use super::tree::Node;
use super::{Later, Render, lex};
use crate::source::BlockKind;

/// What a link's target makes of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LinkKind {
    /// An article: the target is a name.
    Page,
    /// A file or image shown in place: its caption is prose.
    File,
    /// A category or a page in another language: not shown.
    Hidden,
    /// A page in another namespace or wiki: only its label is prose.
    Namespaced,
}

const FILE_NAMESPACES: [&str; 3] = ["file", "image", "media"];

const NAMESPACES: [&str; 18] = [
    "special",
    "talk",
    "user",
    "wikipedia",
    "wp",
    "project",
    "mediawiki",
    "template",
    "help",
    "portal",
    "draft",
    "module",
    "timedtext",
    "book",
    "gadget",
    "topic",
    "memory alpha",
    "ma",
];

const INTERWIKI: [&str; 26] = [
    "w",
    "wikipedia",
    "wikt",
    "wiktionary",
    "commons",
    "c",
    "meta",
    "m",
    "mw",
    "species",
    "q",
    "wikiquote",
    "s",
    "wikisource",
    "b",
    "wikibooks",
    "n",
    "wikinews",
    "v",
    "wikiversity",
    "voy",
    "wikivoyage",
    "d",
    "wikidata",
    "memoryalpha",
    "mediawikiwiki",
];

/// What a link to `target` (as written) is.
fn kind_of(target: &str) -> LinkKind {
    let t = target.trim_start();
    let colon = t.starts_with(':');
    let t = t.strip_prefix(':').unwrap_or(t);
    let Some((prefix, _)) = t.split_once(':') else {
        return LinkKind::Page;
    };
    let p = prefix.trim().replace('_', " ").to_lowercase();
    let p = p.as_str();
    match () {
        _ if FILE_NAMESPACES.contains(&p) && !colon => LinkKind::File,
        _ if p == "category" && !colon => LinkKind::Hidden,
        _ if language(prefix.trim()) && !colon => LinkKind::Hidden,
        _ if FILE_NAMESPACES.contains(&p)
            || p == "category"
            || NAMESPACES.contains(&p)
            || p.ends_with(" talk")
            || INTERWIKI.contains(&p)
            || language(prefix.trim()) =>
        {
            LinkKind::Namespaced
        }
        _ => LinkKind::Page,
    }
}

/// A language code as interlanguage links write it: `de`, `zh-yue`, `simple`.
fn language(prefix: &str) -> bool {
    let mut parts = prefix.split('-');
    let first = parts.next().unwrap_or("");
    let lower = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase());
    (lower(first) && (2..=3).contains(&first.len()) && parts.all(lower)) || prefix == "simple"
}

/// Whether a part of a file link is one of its options rather than its caption.
fn file_option(part: &str) -> bool {
    const WORDS: [&str; 20] = [
        "thumb",
        "thumbnail",
        "frame",
        "framed",
        "frameless",
        "border",
        "left",
        "right",
        "center",
        "centre",
        "none",
        "upright",
        "baseline",
        "middle",
        "sub",
        "super",
        "top",
        "text-top",
        "bottom",
        "text-bottom",
    ];
    const KEYS: [&str; 9] = [
        "upright=", "alt=", "link=", "page=", "lang=", "class=", "thumb=", "start=", "end=",
    ];
    let p = part.trim().to_lowercase();
    let size = p
        .strip_suffix("px")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit() || b == b'x'));
    WORDS.contains(&p.as_str()) || KEYS.iter().any(|k| p.starts_with(k)) || size
}

impl<'a> Render<'a> {
    /// Writes a wiki link.
    pub(super) fn link(&mut self, span: &Range<usize>, children: &'a [Node]) {
        let inner = span.start + 2..span.end - 2;
        let pipe = children.iter().position(|n| matches!(n, Node::Pipe(_)));
        let target_end = pipe.map_or(inner.end, |p| children[p].span().start);
        let target = inner.start..target_end;
        let label = pipe.map(|p| children[p].span().end..inner.end);
        let raw = &self.text[target.clone()];
        match kind_of(raw) {
            LinkKind::File => {
                self.gap(span.clone());
                let parts: Vec<Range<usize>> = pipes(children, &inner);
                if let Some(caption) = parts[1..]
                    .iter()
                    .rev()
                    .find(|p| !file_option(&self.text[(*p).clone()]))
                {
                    self.defer(Later::Content {
                        nodes: children,
                        clip: caption.clone(),
                        kind: BlockKind::Paragraph,
                        quoted: self.quoted(),
                    });
                }
            }
            LinkKind::Hidden => {}
            LinkKind::Namespaced => match label {
                Some(l) if !self.text[l.clone()].trim().is_empty() => self.nodes(children, &l),
                _ => self.gap(span.clone()),
            },
            LinkKind::Page => {
                let plain = children[..pipe.unwrap_or(children.len())]
                    .iter()
                    .all(|n| matches!(n, Node::Text(_)));
                let shown = trimmed(raw, target.start, false);
                match label {
                    Some(l) if !self.text[l.clone()].trim().is_empty() => {
                        self.nodes(children, &l);
                        let name = trimmed(raw, target.start, true);
                        if plain && !name.is_empty() {
                            self.defer(Later::Target(name, self.quoted()));
                        }
                    }
                    _ if plain => self.name(shown, false),
                    _ => self.nodes(children, &target),
                }
            }
        }
    }

    /// Writes an external link: its label, or a space for a bare bracketed URL.
    pub(super) fn ext_link(&mut self, span: &Range<usize>, children: &'a [Node]) {
        let label = match children.first() {
            Some(Node::Text(r)) => lex::url(&self.text[r.clone()])
                .ok()
                .map(|(rest, _)| r.end - rest.len()..span.end - 1),
            _ => None,
        };
        let before = self.out.len();
        if let Some(label) = label {
            self.nodes(children, &label);
        }
        if self.out.len() == before {
            self.gap(span.clone());
        }
    }
}

/// A target's bytes without surrounding spaces or a leading colon, and (for `name`) up to
/// any `#` section.
fn trimmed(raw: &str, base: usize, name: bool) -> Range<usize> {
    let end = if name {
        raw.find('#').unwrap_or(raw.len())
    } else {
        raw.len()
    };
    let s = &raw[..end];
    let lead = s.len() - s.trim_start().len();
    let colon = usize::from(s[lead..].starts_with(':'));
    let s2 = &s[lead + colon..];
    let lead2 = lead + colon + (s2.len() - s2.trim_start().len());
    let stop = s.trim_end().len().max(lead2);
    base + lead2..base + stop
}

/// The parts of a link between its pipes, as byte ranges.
fn pipes(children: &[Node], inner: &Range<usize>) -> Vec<Range<usize>> {
    let mut parts = Vec::new();
    let mut start = inner.start;
    for n in children {
        if let Node::Pipe(p) = n {
            parts.push(start..*p);
            start = p + 1;
        }
    }
    parts.push(start..inner.end);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_kinds_by_prefix() {
        assert_eq!(kind_of("Utopia Planitia"), LinkKind::Page);
        assert_eq!(kind_of("Star Trek: Picard"), LinkKind::Page);
        assert_eq!(kind_of("File:Mars.jpg"), LinkKind::File);
        assert_eq!(kind_of(" image :Mars.jpg"), LinkKind::File);
        assert_eq!(kind_of("Category:Attacks"), LinkKind::Hidden);
        assert_eq!(kind_of("de:Angriff auf den Mars"), LinkKind::Hidden);
        assert_eq!(kind_of(":de:Angriff"), LinkKind::Namespaced);
        assert_eq!(kind_of(":Category:Attacks"), LinkKind::Namespaced);
        assert_eq!(kind_of("User talk:Someone"), LinkKind::Namespaced);
        assert_eq!(kind_of("wikt:yard"), LinkKind::Namespaced);
    }

    #[test]
    fn language_codes() {
        assert!(language("zh-yue"));
        assert!(!language("Mars"));
        assert!(!language("USS"));
    }

    #[test]
    fn file_options_are_not_captions() {
        assert!(file_option(" thumb "));
        assert!(file_option("220px"));
        assert!(file_option("x120px"));
        assert!(file_option("alt=Mars burning"));
        assert!(!file_option("The yards burning"));
    }

    #[test]
    fn targets_trim_spaces_colons_and_sections() {
        let raw = " :Utopia Planitia#History ";
        assert_eq!(&raw[trimmed(raw, 0, true)], "Utopia Planitia");
        assert_eq!(&raw[trimmed(raw, 0, false)], "Utopia Planitia#History");
        assert_eq!(trimmed("#History", 0, true), 0..0);
    }
}
