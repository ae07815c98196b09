//! Property: for any document in any format, every finding's span lies inside the file,
//! on character boundaries, and inside prose (not in markup the reader dropped), and so
//! does its fix. Documents are random mixes of canon names, misspellings, figures, dates,
//! quotes and every format's markup, with stray multi-byte characters.

use proptest::prelude::*;

use crate::checks::suppression;
use crate::engine::process;
use crate::pack::Canon;
use crate::source::{Document, Format};

/// Pieces documents are made of: claims the checks react to, and markup of every format.
const PIECES: &[&str] = &[
    "Utopia Plantia",
    "Utopia Planitia",
    "Utopia Planitai",
    "Jean-Luc Piccard",
    "Picard's",
    "the attack on Mars",
    " killed 20,000 people",
    "92,000 lives",
    "more than 92,000 died",
    " on April 5, 2386",
    "First Contact Day",
    "Commander Oh",
    "Narek (Peyton List)",
    "the Short Treks episode ",
    "\"Children of Men\"",
    "*Children of Mars*",
    "S2E6",
    " season 2, episode 7",
    "The death toll was 20,000.",
    "Deaths: 20,000",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    ". ",
    ", ",
    "\"",
    "'",
    "\u{201c}",
    "\u{201d}",
    "\u{2019}",
    "\u{2014} ",
    "é",
    "日本",
    "🚀",
    "\u{a0}",
    "# ",
    "## ",
    "> ",
    "- ",
    "1. ",
    "| ",
    " | ",
    "|---|",
    "`",
    "```\n",
    "    ",
    "[",
    "](https://example.org/Utopia-Plantia)",
    "![",
    "*",
    "_",
    "**",
    "---\ntitle: ",
    "\n---\n",
    "<!--",
    "-->",
    "<!-- canonlint-disable-next-line -->",
    "<!-- canonlint-disable CL003 -->",
    "<!-- canonlint-enable -->",
    "% canonlint-disable-line\n",
    "<p>",
    "</p>",
    "<i>",
    "</i>",
    "<b>",
    "</b>",
    "<br>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<a href=\"x\">",
    "</a>",
    "&amp;",
    "&nbsp;",
    "&rsquo;",
    "&#8217;",
    "&eacute;",
    "&bogus;",
    "&",
    "<",
    ">",
    "[[",
    "]]",
    "|",
    "{{",
    "}}",
    "{{Infobox event\n",
    "| deaths = 20,000\n",
    "''",
    "'''",
    "<ref>",
    "</ref>",
    "<nowiki>",
    "</nowiki>",
    "== ",
    " ==",
    "{|",
    "|-",
    "|}",
    "__NOTOC__",
    "<pre>",
    "</pre>",
    "<code>",
    "</code>",
];

fn document() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => "\\PC{0,6}",
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

fn format() -> impl Strategy<Value = Format> {
    proptest::sample::select(vec![
        Format::Markdown,
        Format::Text,
        Format::Wikitext,
        Format::Html,
    ])
}

fn canon() -> &'static Canon {
    static CANON: std::sync::OnceLock<Canon> = std::sync::OnceLock::new();
    CANON.get_or_init(crate::extract::testing::star_trek)
}

/// Whether the original bytes `span` start and end where prose bytes come from.
fn in_prose(doc: &Document, span: &std::ops::Range<usize>) -> bool {
    match &doc.map {
        // Prose at the same offsets: the first and last bytes were not blanked.
        None => {
            let (p, t) = (doc.prose.as_bytes(), doc.text.as_bytes());
            span.is_empty()
                || (p[span.start] == t[span.start] && p[span.end - 1] == t[span.end - 1])
        }
        Some(map) => {
            map.starts_and_ends().any(|(s, _)| s == span.start)
                && map.starts_and_ends().any(|(_, e)| e == span.end)
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn spans_lie_in_the_file_on_boundaries_and_in_prose(text in document(), format in format()) {
        let canon = canon();
        let packs: Vec<usize> = (1..=canon.files.len()).collect();
        let doc = Document::new(format, text.clone()).named(format, "Attack_on_Mars.wiki");
        let result = process::check_document(0, doc.clone(), (canon, &packs), true);
        for f in &result.findings {
            let span = &f.location.span;
            prop_assert!(span.start <= span.end && span.end <= text.len(), "{f:?}");
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "{f:?}");
            // Suppression findings point into comments, by design.
            if f.check != suppression::INFO.name {
                prop_assert!(in_prose(&doc, span), "{:?} at {:?} in {text:?}", f.message, &text[span.clone()]);
            }
            if let Some(fix) = &f.fix {
                prop_assert!(fix.span.end <= text.len() && text.is_char_boundary(fix.span.start) && text.is_char_boundary(fix.span.end));
            }
            for r in f.related.iter().filter(|r| r.location.file == 0) {
                prop_assert!(r.location.span.end <= text.len() && text.is_char_boundary(r.location.span.start) && text.is_char_boundary(r.location.span.end));
            }
        }
        for r in &result.records {
            prop_assert!(r.location.span.end <= text.len() && text.is_char_boundary(r.location.span.start));
        }
    }
}

#[test]
fn the_property_is_about_real_findings() {
    let canon = canon();
    let packs: Vec<usize> = (1..=canon.files.len()).collect();
    for format in [
        Format::Markdown,
        Format::Text,
        Format::Wikitext,
        Format::Html,
    ] {
        let text = match format {
            Format::Html => "<p>The cranes of Utopia Plantia.</p>\n",
            _ => "The cranes of ''Utopia Plantia''.\n",
        }
        .to_string();
        let doc = Document::new(format, text.clone());
        let result = process::check_document(0, doc.clone(), (canon, &packs), true);
        let spans: Vec<&str> = result
            .findings
            .iter()
            .map(|f| &text[f.location.span.clone()])
            .collect();
        assert_eq!(spans, ["Utopia Plantia"], "{format:?}");
        assert!(in_prose(&doc, &result.findings[0].location.span));
        if format == Format::Html {
            assert!(!in_prose(&doc, &(0..3)), "a tag is not prose");
        }
    }
}
