//! What each HTML element means to a reader: whether its text is prose, whether it starts
//! a block and of what kind, whether it is emphasis, and which open elements a new one
//! closes by implication (`<p>` ends an open paragraph, `<li>` an open item).
//!
//! Names are compared without case and numbered once, so the reader's stack holds numbers
//! and finds an open element by its name in constant time.

use std::borrow::Cow;
use std::collections::HashMap;

/// What text directly inside a block element reads as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Within {
    /// A paragraph: p, li, dd, dt, figcaption, caption, div, section, body...
    Paragraph,
    /// A heading; level 0 is the document's `<title>`.
    Heading(u8),
    /// What its parent's text reads as (ul, ol, dl, table, tbody).
    Parent,
}

/// What an element does to the prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// Adds nothing: a, span, abbr, small, font, and every element we do not know.
    Inline,
    /// Emphasis, kept for title detection: em, i, strong, b, cite, u.
    Emphasis,
    /// `q`, which browsers show in quotation marks.
    Quote,
    /// `sup`: a footnote marker in it (`[1]`) is not prose; other text is.
    Sup,
    /// Not prose, in running text (code, kbd, script, svg): one space where it was.
    Dropped,
    /// Not prose, and a block of its own (pre, template, noscript).
    DroppedBlock,
    /// A block element.
    Block(Within),
    /// `blockquote`: a block whose text is quoted, not asserted.
    Blockquote,
    /// `tr`: its cells read as one line.
    Row,
    /// `td`, `th`: a cell of the row.
    Cell,
    /// `br`: a line break; two in a row end a paragraph.
    Break,
    /// `hr`: a block boundary with nothing in it.
    Rule,
    /// A replaced element (img, input): one space where it was.
    Replaced,
    /// A void element that adds nothing (meta, link, wbr).
    Nothing,
}

/// An open element of this kind lets a later start tag close it by implication.
pub(super) mod scope {
    /// An open `p`.
    pub const P: u8 = 1;
    /// An open `li`.
    pub const LI: u8 = 2;
    /// An open `dd` or `dt`.
    pub const DD: u8 = 4;
    /// An open `td` or `th`.
    pub const CELL: u8 = 8;
    /// An open `tr`.
    pub const ROW: u8 = 16;
    /// Every kind.
    pub const ALL: u8 = P | LI | DD | CELL | ROW;
}

/// An element's kind: its role, and how it takes part in implied ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Kind {
    /// What it does to the prose.
    pub role: Role,
    /// It has no contents and no end tag (br, img, meta).
    pub void: bool,
    /// Its start tag ends an open paragraph.
    pub closes_p: bool,
    /// The scope kinds it is (`scope::LI` for `li`).
    pub sets: u8,
    /// The scope kinds it hides from its contents (a table hides the paragraph it is in).
    pub hides: u8,
}

/// The kind of an element, by its lower-case name.
fn kind_of(name: &str) -> Kind {
    use Role::*;
    let role = match name {
        "em" | "i" | "strong" | "b" | "cite" | "u" => Emphasis,
        "q" => Quote,
        "sup" => Sup,
        "code" | "kbd" | "samp" | "var" | "script" | "style" | "math" | "svg" | "textarea"
        | "select" | "button" | "datalist" | "object" | "iframe" | "video" | "audio" | "canvas"
        | "noembed" | "noframes" => Dropped,
        "pre" | "listing" | "xmp" | "plaintext" | "template" | "noscript" => DroppedBlock,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
            Block(Within::Heading(name.as_bytes()[1] - b'0'))
        }
        "title" => Block(Within::Heading(0)),
        "p" | "li" | "dd" | "dt" | "figcaption" | "caption" | "div" | "body" | "html" | "head"
        | "section" | "article" | "main" | "header" | "footer" | "nav" | "aside" | "address"
        | "center" | "details" | "summary" | "dialog" | "fieldset" | "legend" | "figure"
        | "form" | "hgroup" | "search" | "frameset" => Block(Within::Paragraph),
        "ul" | "ol" | "dl" | "menu" | "dir" | "table" | "tbody" | "thead" | "tfoot"
        | "colgroup" => Block(Within::Parent),
        "blockquote" => Blockquote,
        "tr" => Row,
        "td" | "th" => Cell,
        "br" => Break,
        "hr" => Rule,
        "img" | "input" | "embed" => Replaced,
        "wbr" | "meta" | "link" | "base" | "col" | "param" | "source" | "track" | "area"
        | "keygen" | "basefont" | "bgsound" | "frame" => Nothing,
        _ => Inline,
    };
    let closes_p = matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "address"
            | "center"
            | "details"
            | "summary"
            | "dialog"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "form"
            | "hgroup"
            | "search"
            | "blockquote"
            | "ul"
            | "ol"
            | "dl"
            | "menu"
            | "dir"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "pre"
            | "listing"
            | "xmp"
            | "plaintext"
            | "li"
            | "dd"
            | "dt"
            | "table"
            | "hr"
    );
    let sets = match name {
        "p" => scope::P,
        "li" => scope::LI,
        "dd" | "dt" => scope::DD,
        "td" | "th" => scope::CELL,
        "tr" => scope::ROW,
        _ => 0,
    };
    let hides = match name {
        "table" | "svg" | "math" => scope::ALL,
        "td" | "th" | "caption" | "button" | "object" | "template" | "marquee" | "applet" => {
            scope::P | scope::LI | scope::DD
        }
        "ul" | "ol" | "menu" | "dir" => scope::LI,
        "dl" => scope::DD,
        _ => 0,
    };
    Kind {
        role,
        void: matches!(role, Break | Rule | Replaced | Nothing),
        closes_p,
        sets,
        hides,
    }
}

/// Element names, numbered once each, with their kinds.
#[derive(Debug, Default)]
pub(super) struct Names {
    ids: HashMap<String, usize>,
    kinds: Vec<Kind>,
}

impl Names {
    /// The number and kind of the element `name` (in any case).
    pub fn get(&mut self, name: &str) -> (usize, Kind) {
        let name = if name.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(name.to_ascii_lowercase())
        } else {
            Cow::Borrowed(name)
        };
        if let Some(&id) = self.ids.get(name.as_ref()) {
            return (id, self.kinds[id]);
        }
        let id = self.kinds.len();
        let kind = kind_of(&name);
        self.kinds.push(kind);
        self.ids.insert(name.into_owned(), id);
        (id, kind)
    }

    /// How many names are numbered.
    pub fn len(&self) -> usize {
        self.kinds.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_know_blocks_emphasis_and_dropped_elements() {
        assert_eq!(kind_of("h3").role, Role::Block(Within::Heading(3)));
        assert_eq!(kind_of("title").role, Role::Block(Within::Heading(0)));
        assert_eq!(kind_of("i").role, Role::Emphasis);
        assert_eq!(kind_of("code").role, Role::Dropped);
        assert_eq!(kind_of("my-widget").role, Role::Inline);
        assert!(kind_of("br").void && !kind_of("p").void);
        assert!(kind_of("ul").closes_p && !kind_of("span").closes_p);
        assert_eq!(kind_of("ul").hides, scope::LI);
    }

    #[test]
    fn names_are_numbered_once_in_any_case() {
        let mut names = Names::default();
        let (p, _) = names.get("p");
        assert_eq!(names.get("P").0, p);
        assert_ne!(names.get("div").0, p);
        assert_eq!(names.len(), 2);
    }
}
