//! Citations (`{{cite episode|...}}`, `{{citation|...}}`) read as one paragraph: the kind
//! of work cited (the word after "cite"), the title (emphasised, as a rendered citation
//! sets it apart), then the series or work it belongs to. Authors, dates, identifiers and
//! URLs are not prose; a `quote` is a quoted block of its own.

use super::params::not_prose_value;
use super::templates::{Param, call, normalise, trim};
use super::tree::Node;
use super::{Later, Render};
use crate::source::BlockKind;

/// Parameters a citation shows as prose, in the order it shows them.
const CITED: [&str; 9] = [
    "title",
    "trans title",
    "chapter",
    "script title",
    "series",
    "work",
    "website",
    "newspaper",
    "magazine",
];

impl<'a> Render<'a> {
    /// Writes a citation: the kind of work it cites, its title (emphasised), then the
    /// series or work it belongs to. A quote in it is a quoted block of its own.
    pub(super) fn citation(&mut self, node: &'a Node) {
        let Node::Braces { span, children, .. } = node else {
            return;
        };
        let call = call(self.text, span, children);
        // The word after "cite": `{{cite episode|...}}` cites an episode.
        let name = &self.text[call.name_span.clone()];
        let kind = name.to_ascii_lowercase().find("cite").map(|k| {
            let after = &name[k + 4..];
            let skip = after.len() - after.trim_start_matches([' ', '_']).len();
            let word = after[skip..]
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(after.len() - skip);
            let start = call.name_span.start + k + 4 + skip;
            start..start + word
        });
        if let Some(kind) = kind {
            self.copy(kind);
        }
        let named: Vec<(String, &Param<'a>)> = call
            .params
            .iter()
            .filter_map(|p| {
                p.name
                    .as_ref()
                    .map(|n| (normalise(&self.text[n.clone()]), p))
            })
            .collect();
        for field in CITED {
            let Some((_, p)) = named.iter().find(|(n, _)| n == field) else {
                continue;
            };
            let value = trim(self.text, p.value.clone());
            if not_prose_value(&self.text[value.clone()]) {
                continue;
            }
            let sep = if field == "title" { " " } else { ", " };
            self.out
                .push(sep, p.value.start.saturating_sub(1)..p.value.start);
            let start = self.out.len();
            self.nodes(p.nodes, &value);
            if field == "title" {
                self.span(start, self.out.len());
            }
        }
        if let Some((_, p)) = named.iter().find(|(n, _)| n == "quote") {
            self.defer(Later::Content {
                nodes: p.nodes,
                clip: trim(self.text, p.value.clone()),
                kind: BlockKind::Paragraph,
                quoted: true,
            });
        }
    }
}
