//! Templates. A template's name is never prose, and nor are parser functions
//! (`{{#if:...}}`), variables (`{{PAGENAME}}`, `{{DEFAULTSORT:...}}`) and maintenance
//! templates (`{{citation needed}}`). Its parameters' values are, each as a block of its
//! own: a positional value as a paragraph, a named one as a table row "name value", so
//! that `| deaths = 92,000` labels its figure (an infobox's `labelN`/`dataN` pairs read
//! as "label data"). Parameters that only style or link (`image`, `style`, `url`...) and
//! values that are URLs or file names are not prose; nor are dates outside an infobox (a
//! maintenance stamp). A template alone on its line writes its blocks in place; one in
//! running text leaves a space there and writes them after the sentence's block, except
//! one that only wraps a word (a single positional value: `{{nowrap|Utopia Planitia}}`,
//! or `{{lang|fr|...}}`'s text), which is read in place. Citations read as one paragraph:
//! the kind the template cites (`episode`), the title (emphasised, as a rendered citation
//! sets it apart), then the series or work. Quote templates (a name with "quot") give
//! quoted blocks.

use std::ops::Range;

use super::kinds::{Sort, date, sort};
use super::params::{labelish, not_prose_value, styling};
use super::tree::Node;
use super::{Later, Render, RowName, lex};
use crate::source::BlockKind;

/// A template call: its name as written (trimmed), normalised, and its parameters.
#[derive(Debug)]
pub(super) struct Call<'a> {
    pub raw: String,
    pub name: String,
    pub name_span: Range<usize>,
    pub params: Vec<Param<'a>>,
}

/// A parameter: its name's bytes if named, and its value's bytes, with the nodes they
/// lie among.
#[derive(Debug)]
pub(super) struct Param<'a> {
    pub name: Option<Range<usize>>,
    pub value: Range<usize>,
    pub nodes: &'a [Node],
}

/// Reads a `{{...}}` node's name and parameters.
pub(super) fn call<'a>(text: &str, span: &Range<usize>, children: &'a [Node]) -> Call<'a> {
    let inner = span.start + 2..span.end - 2;
    let mut parts = Vec::new();
    let (mut start, mut first) = (inner.start, 0);
    for (k, n) in children.iter().enumerate() {
        if let Node::Pipe(p) = n {
            parts.push((start..*p, &children[first..k]));
            (start, first) = (p + 1, k + 1);
        }
    }
    parts.push((start..inner.end, &children[first..]));
    let (name_span, name_nodes) = parts.remove(0);
    let raw: String = name_nodes
        .iter()
        .filter_map(|n| match n {
            Node::Text(r) => Some(&text[r.clone()]),
            _ => None,
        })
        .collect();
    let raw = raw.trim();
    let raw = lex::name_prefix(raw)
        .map_or(raw, |(rest, _)| rest)
        .trim()
        .to_string();
    let name = normalise(&raw);
    let params = parts
        .into_iter()
        .map(|(range, nodes)| {
            let eq = nodes.iter().find_map(|n| match n {
                Node::Text(r) => text[r.clone()].find('=').map(|k| r.start + k),
                _ => None,
            });
            // `|1=x` is the first positional parameter, written by its number.
            let number = |eq: usize| {
                let name = text[range.start..eq].trim();
                !name.is_empty() && name.bytes().all(|b| b.is_ascii_digit())
            };
            match eq {
                Some(eq) if number(eq) => Param {
                    name: None,
                    value: eq + 1..range.end,
                    nodes,
                },
                Some(eq) => Param {
                    name: Some(trim(text, range.start..eq)),
                    value: eq + 1..range.end,
                    nodes,
                },
                None => Param {
                    name: None,
                    value: range,
                    nodes,
                },
            }
        })
        .collect();
    Call {
        raw,
        name,
        name_span,
        params,
    }
}

/// A name in lower case, `_` and `-` as spaces, spaces collapsed.
pub(super) fn normalise(name: &str) -> String {
    name.to_lowercase()
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A range without the whitespace at its ends.
pub(super) fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    r.start + lead..r.start + s.trim_end().len().max(lead)
}

impl<'a> Render<'a> {
    /// A template in running text.
    pub(super) fn inline_template(&mut self, node: &'a Node) {
        let Node::Braces { span, children, .. } = node else {
            return;
        };
        let call = call(self.text, span, children);
        let sort = sort(&call);
        match sort {
            Sort::Silent => self.gap(span.clone()),
            Sort::Mark(mark) => self.out.push(mark, span.clone()),
            Sort::Date => {
                let numbers: Vec<&str> = call
                    .params
                    .iter()
                    .filter(|p| p.name.is_none())
                    .map(|p| &self.text[p.value.clone()])
                    .collect();
                let day_first = call.params.iter().any(|p| {
                    p.name
                        .as_ref()
                        .is_some_and(|n| normalise(&self.text[n.clone()]) == "df")
                        && self.text[p.value.clone()].trim().starts_with('y')
                });
                match date(&numbers, day_first) {
                    Some(shown) => self.out.push(&shown, span.clone()),
                    None => self.gap(span.clone()),
                }
            }
            Sort::Citation => self.citation(node),
            Sort::Lang => match call.params.iter().rev().find(|p| p.name.is_none()) {
                Some(p) => self.nodes(p.nodes, &p.value),
                None => self.gap(span.clone()),
            },
            _ if sort == Sort::Other && call.params.len() == 1 && call.params[0].name.is_none() => {
                let p = &call.params[0];
                self.nodes(p.nodes, &p.value);
            }
            _ => {
                self.gap(span.clone());
                let quoted = self.quoted();
                for later in self.template_blocks(&call, sort, quoted) {
                    self.defer(later);
                }
            }
        }
    }

    /// A template alone on its line: its blocks, in place.
    pub(super) fn block_template(&mut self, node: &'a Node, quoted: bool) {
        let Node::Braces { span, children, .. } = node else {
            return;
        };
        self.settle(span.start);
        let call = call(self.text, span, children);
        let blocks = match sort(&call) {
            Sort::Silent => Vec::new(),
            Sort::Citation => vec![Later::Citation(node)],
            Sort::Mark(_) | Sort::Date | Sort::Lang => {
                self.begin(BlockKind::Paragraph, quoted, span.start);
                self.inline_template(node);
                Vec::new()
            }
            s => self.template_blocks(&call, s, quoted),
        };
        self.pending.extend(blocks.into_iter().rev());
        self.settle(span.end);
    }

    /// The blocks a template's parameters give.
    fn template_blocks(&self, call: &Call<'a>, sort: Sort, quoted: bool) -> Vec<Later<'a>> {
        let infobox = sort == Sort::Infobox;
        let named = |p: &Param| p.name.as_ref().map(|n| normalise(&self.text[n.clone()]));
        let mut out = Vec::new();
        let mut positional = 0;
        for p in &call.params {
            let value = trim(self.text, p.value.clone());
            if not_prose_value(&self.text[value.clone()]) {
                continue;
            }
            let name = named(p);
            let content = |quoted| Later::Content {
                nodes: p.nodes,
                clip: value.clone(),
                kind: BlockKind::Paragraph,
                quoted,
            };
            let Some(name) = name else {
                positional += 1;
                // A bare number is an argument (an age, a size), not a sentence.
                let number = self.text[value.clone()]
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b'.');
                if !number || sort == Sort::Quote {
                    out.push(content(quoted || (sort == Sort::Quote && positional == 1)));
                }
                continue;
            };
            if styling(&name, infobox) || sort == Sort::Note {
                continue;
            }
            if sort == Sort::Quote && matches!(name.as_str(), "text" | "quote" | "1") {
                out.push(content(true));
                continue;
            }
            // An infobox's "dataN" takes its row's name from "labelN".
            let label = name
                .strip_prefix("data")
                .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|n| {
                    let want = format!("label{n}");
                    call.params
                        .iter()
                        .find(|q| named(q).as_deref() == Some(&want))
                });
            let paired_label = name.strip_prefix("label").is_some_and(|n| {
                let want = format!("data{n}");
                !n.is_empty()
                    && call
                        .params
                        .iter()
                        .any(|q| named(q).as_deref() == Some(&want))
            });
            let raw_name = p.name.clone().unwrap_or_default();
            match label {
                Some(l) => out.push(Later::Row {
                    name: RowName::Label(l.nodes, trim(self.text, l.value.clone())),
                    nodes: p.nodes,
                    clip: value,
                    quoted,
                }),
                None if paired_label => {}
                None if labelish(&self.text[raw_name.clone()]) => out.push(Later::Row {
                    name: RowName::Name(raw_name),
                    nodes: p.nodes,
                    clip: value,
                    quoted,
                }),
                None => out.push(content(quoted)),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::tree;
    use super::*;

    fn call_of(text: &str) -> (String, Vec<(Option<String>, String)>) {
        let t = tree::build(text);
        let Node::Braces { span, children, .. } = &t.nodes[0] else {
            panic!("{:?}", t.nodes);
        };
        let c = call(text, span, children);
        let params = c
            .params
            .iter()
            .map(|p| {
                (
                    p.name.clone().map(|n| text[n].to_string()),
                    text[p.value.clone()].to_string(),
                )
            })
            .collect();
        (c.name, params)
    }

    #[test]
    fn calls_split_names_and_parameters_at_their_own_level() {
        let (name, params) = call_of("{{Infobox_event|name=X|deaths={{nowrap|92,000}}|[[a|b]]}}");
        assert_eq!(name, "infobox event");
        assert_eq!(
            params,
            [
                (Some("name".into()), "X".into()),
                (Some("deaths".into()), "{{nowrap|92,000}}".into()),
                (None, "[[a|b]]".into()),
            ]
        );
    }

    #[test]
    fn names_normalise() {
        assert_eq!(normalise(" Death_toll-total "), "death toll total");
    }
}
