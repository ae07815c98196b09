//! XML for the Checkstyle and JUnit reports. quick-xml writes the elements, indents them
//! and escapes markup (`<`, `>`, `&`, quotes); this module adds what XML 1.0 needs beyond
//! that, since messages quote the user's text: line breaks and tabs inside attribute
//! values become character references (a parser would otherwise turn them into spaces),
//! and control characters XML 1.0 cannot hold at all, even as references, are written
//! visibly as `\u{1}`.

use quick_xml::Writer;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

/// An XML document being written into memory.
pub struct Xml {
    writer: Writer<Vec<u8>>,
}

impl Default for Xml {
    fn default() -> Xml {
        Xml::new()
    }
}

impl Xml {
    /// A document with its XML declaration.
    pub fn new() -> Xml {
        let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
        // Writing into memory cannot fail (here and below).
        let _ = writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
        Xml { writer }
    }

    fn start<'a>(name: &'a str, attributes: &[(&str, &str)]) -> BytesStart<'a> {
        let mut start = BytesStart::new(name);
        for (key, value) in attributes {
            let value = attribute_value(value);
            start.push_attribute(Attribute::from((key.as_bytes(), value.as_bytes())));
        }
        start
    }

    /// Opens an element.
    pub fn open(&mut self, name: &str, attributes: &[(&str, &str)]) {
        let _ = self
            .writer
            .write_event(Event::Start(Self::start(name, attributes)));
    }

    /// Writes an element with no content.
    pub fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) {
        let _ = self
            .writer
            .write_event(Event::Empty(Self::start(name, attributes)));
    }

    /// Writes an element holding only text.
    pub fn text_element(&mut self, name: &str, attributes: &[(&str, &str)], text: &str) {
        self.open(name, attributes);
        let text = text_value(text);
        let _ = self
            .writer
            .write_event(Event::Text(BytesText::from_escaped(text)));
        self.close(name);
    }

    /// Closes an element.
    pub fn close(&mut self, name: &str) {
        let _ = self.writer.write_event(Event::End(BytesEnd::new(name)));
    }

    /// The document, with a final newline.
    pub fn finish(self) -> String {
        let mut out = String::from_utf8_lossy(&self.writer.into_inner()).into_owned();
        out.push('\n');
        out
    }
}

/// Whether XML 1.0 can hold a character at all.
fn allowed(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// Escaped for an attribute value in double quotes.
fn attribute_value(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in quick_xml::escape::escape(raw).chars() {
        match c {
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if !allowed(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

/// Escaped for element content.
fn text_value(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in quick_xml::escape::escape(raw).chars() {
        match c {
            // A parser would read a bare `\r` (or `\r\n`) as `\n`.
            '\r' => out.push_str("&#13;"),
            c if !allowed(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "a <b> & \"c\" 'd'\n\te\r\u{1}\u{1f}]]> \u{fffe}";

    #[test]
    fn hostile_text_is_escaped_in_attributes_and_content() {
        let mut xml = Xml::new();
        xml.open("root", &[("message", HOSTILE)]);
        xml.text_element("body", &[], HOSTILE);
        xml.close("root");
        let out = xml.finish();
        let doc = roxmltree::Document::parse(&out).expect(&out);
        let root = doc.root_element();
        let visible = "a <b> & \"c\" 'd'\n\te\r\\u{1}\\u{1f}]]> \\u{fffe}";
        assert_eq!(root.attribute("message"), Some(visible));
        let body = root.first_element_child().unwrap();
        assert_eq!(body.text(), Some(visible));
    }
}
