//! Markdown through pulldown-cmark's offset iterator: text events are prose; code, HTML,
//! link destinations and front matter are not. Paragraphs, headings and list items are
//! blocks; emphasis and strong spans are kept for title detection.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{Block, BlockKind, Reading, comment, front_matter, prose_view};

/// A container being read: its kind and the extent of the prose seen in it so far.
struct Open {
    kind: BlockKind,
    extent: Option<Range<usize>>,
}

/// Reads Markdown into a prose view, blocks and emphasis spans.
pub(crate) fn read(text: &str) -> Reading {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut prose: Vec<Range<usize>> = Vec::new();
    let mut blocks: Vec<Block> = Vec::new();
    let mut emphasis: Vec<Range<usize>> = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    let mut open_emphasis: Vec<Option<Range<usize>>> = Vec::new();
    // Inside code blocks, HTML blocks, metadata and images nothing is prose.
    let mut opaque = 0usize;
    // How many block quotes are open.
    let mut quotes = 0usize;
    // Raw HTML, merged where it runs on, for the comments in it.
    let mut html: Vec<Range<usize>> = Vec::new();
    let mut metadata = false;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph | Tag::Item => open.push(Open {
                    kind: BlockKind::Paragraph,
                    extent: None,
                }),
                Tag::TableHead | Tag::TableRow => open.push(Open {
                    kind: BlockKind::TableRow,
                    extent: None,
                }),
                Tag::BlockQuote(_) => quotes += 1,
                Tag::Heading { level, .. } => open.push(Open {
                    kind: BlockKind::Heading(level as u8),
                    extent: None,
                }),
                Tag::Emphasis | Tag::Strong => open_emphasis.push(None),
                Tag::MetadataBlock(_) => {
                    metadata = true;
                    opaque += 1;
                }
                Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::Image { .. } => opaque += 1,
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::TableHead
                | TagEnd::TableRow
                | TagEnd::Heading(_) => {
                    if let Some(Open {
                        kind,
                        extent: Some(span),
                    }) = open.pop()
                    {
                        blocks.push(Block {
                            kind,
                            span,
                            quoted: quotes > 0,
                        });
                    }
                }
                TagEnd::BlockQuote(_) => quotes = quotes.saturating_sub(1),
                TagEnd::Emphasis | TagEnd::Strong => {
                    if let Some(Some(span)) = open_emphasis.pop() {
                        emphasis.push(span);
                    }
                }
                TagEnd::CodeBlock
                | TagEnd::HtmlBlock
                | TagEnd::MetadataBlock(_)
                | TagEnd::Image => {
                    metadata = false;
                    opaque = opaque.saturating_sub(1);
                }
                _ => {}
            },
            Event::Html(_) | Event::InlineHtml(_) => match html.last_mut() {
                Some(last) if last.end >= range.start => last.end = last.end.max(range.end),
                _ => html.push(range),
            },
            // The front matter's title is the document's own.
            Event::Text(_) if metadata => {
                if let Some(title) = front_matter::title(text, range) {
                    blocks.push(Block {
                        kind: BlockKind::Heading(0),
                        span: title.clone(),
                        quoted: false,
                    });
                    prose.push(title);
                }
            }
            Event::Text(_) if opaque == 0 => {
                if let Some(block) = open.last_mut() {
                    grow(&mut block.extent, &range);
                    for e in open_emphasis.iter_mut() {
                        grow(e, &range);
                    }
                    prose.push(range);
                }
            }
            _ => {}
        }
    }
    blocks.sort_by_key(|b| b.span.start);
    emphasis.sort_by_key(|e| e.start);
    let mut comments = Vec::new();
    for range in html {
        comment::html_comments(text, range, &mut comments);
    }
    Reading {
        prose: prose_view(text, &prose),
        map: None,
        blocks,
        emphasis,
        comments,
    }
}

fn grow(extent: &mut Option<Range<usize>>, range: &Range<usize>) {
    *extent = Some(match extent.take() {
        Some(e) => e.start.min(range.start)..e.end.max(range.end),
        None => range.clone(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks_of(text: &str) -> Vec<(BlockKind, String)> {
        let Reading { prose, blocks, .. } = read(text);
        blocks
            .into_iter()
            .map(|b| (b.kind, prose[b.span].to_string()))
            .collect()
    }

    #[test]
    fn headings_paragraphs_and_items_are_blocks() {
        let got =
            blocks_of("# The Attack\n\nIt came on *First Contact Day*.\n\n- one item\n- two\n");
        assert_eq!(
            got,
            [
                (BlockKind::Heading(1), "The Attack".to_string()),
                (
                    BlockKind::Paragraph,
                    "It came on  First Contact Day .".to_string()
                ),
                (BlockKind::Paragraph, "one item".to_string()),
                (BlockKind::Paragraph, "two".to_string()),
            ]
        );
    }

    #[test]
    fn code_html_and_urls_are_not_prose() {
        let text = "See `Utopia Plantia` and [the yards](http://Plantia.example) <b x=\"Plantia\">.\n\n```\nPlantia\n```\n";
        let prose = read(text).prose;
        assert_eq!(prose.len(), text.len());
        assert!(!prose.contains("Plantia"), "{prose}");
        assert!(prose.contains("the yards"));
    }

    #[test]
    fn emphasis_spans_cover_their_text() {
        let text = "The episode *Children of Mars* aired.";
        let emphasis = read(text).emphasis;
        assert_eq!(
            emphasis
                .iter()
                .map(|e| &text[e.clone()])
                .collect::<Vec<_>>(),
            ["Children of Mars"]
        );
    }

    #[test]
    fn front_matter_is_not_prose_but_its_title_is() {
        let text = "---\nlocation: Utopia Plantia\ntitle: \"Mars\"\n---\n\nBody.\n";
        let Reading { prose, blocks, .. } = read(text);
        assert!(!prose.contains("Plantia"));
        let got: Vec<_> = blocks
            .iter()
            .map(|b| (b.kind, &prose[b.span.clone()]))
            .collect();
        assert_eq!(
            got,
            [
                (BlockKind::Heading(0), "Mars"),
                (BlockKind::Paragraph, "Body.")
            ]
        );
    }

    #[test]
    fn comments_in_raw_html_are_found() {
        let text = "<!-- canonlint-disable CL001 -->\nText <!-- inline --> more.\n\n<div>\n<!-- a\nb -->\n</div>\n";
        let Reading {
            comments, prose, ..
        } = read(text);
        let got: Vec<&str> = comments.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(got, [" canonlint-disable CL001 ", " inline ", " a\nb "]);
        assert!(!prose.contains("canonlint"));
    }
}
