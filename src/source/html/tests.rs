//! The HTML reader on whole documents: what is prose, the blocks, emphasis and comments,
//! the way back to the original bytes, messy markup, and inputs too big or too deep for a
//! reader that rescans or recurses.

use super::*;

/// Each block: its kind, its prose, and whether it is quoted.
fn blocks(text: &str) -> Vec<(BlockKind, String, bool)> {
    let r = read(text);
    r.blocks
        .iter()
        .map(|b| (b.kind, r.prose[b.span.clone()].to_string(), b.quoted))
        .collect()
}

/// Each block's prose.
fn texts(text: &str) -> Vec<String> {
    blocks(text).into_iter().map(|(_, t, _)| t).collect()
}

/// The original bytes that the first `needle` in the prose stands for.
fn original_of<'t>(text: &'t str, needle: &str) -> &'t str {
    let r = read(text);
    let at = r.prose.find(needle).expect("needle in prose");
    let map = r.map.expect("a map");
    &text[map.original(at..at + needle.len())]
}

fn emphasis(text: &str) -> Vec<String> {
    let r = read(text);
    r.emphasis
        .iter()
        .map(|e| r.prose[e.clone()].to_string())
        .collect()
}

/// Checks what must hold of every reading; gives the prose.
fn sound(text: &str) -> String {
    let r = read(text);
    let map = r.map.expect("a map");
    let mut last = 0;
    for b in &r.blocks {
        let inner = r
            .prose
            .get(b.span.clone())
            .expect("block on char boundaries");
        assert!(b.span.start >= last && !inner.is_empty(), "{text:?}");
        assert_eq!(inner.trim(), inner, "{text:?}");
        let original = map.original(b.span.clone());
        assert!(text.get(original).is_some(), "{text:?}");
        last = b.span.end;
    }
    for e in &r.emphasis {
        let i = r.blocks.partition_point(|b| b.span.end < e.end);
        let block = r.blocks.get(i).map(|b| b.span.clone());
        assert!(
            block.is_some_and(|b| b.start <= e.start && e.end <= b.end),
            "{text:?}"
        );
    }
    for c in &r.comments {
        assert!(text.get(c.clone()).is_some(), "{text:?}");
    }
    r.prose
}

#[test]
fn plain_runs_stop_at_ampersands() {
    assert_eq!(plain("AT&T"), Ok(("&T", "AT")));
    assert_eq!(plain("& Sons"), Ok((" Sons", "&")));
}

#[test]
fn pieces_are_references_or_runs() {
    assert_eq!(piece("&amp;x"), (Some("&".into()), 5));
    assert_eq!(piece("ab&amp;"), (None, 2));
}

#[test]
fn decoded_text_has_its_references_read() {
    assert_eq!(decoded("x&#91;1&#93;", &(1..12)), "[1]");
}

#[test]
fn a_document_reads_as_title_headings_paragraphs_items_quotes_and_rows() {
    let text = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\
        <title>Ash &amp; Embers</title><style>p { color: red }</style></head>\n\
        <body><h1>Chapter 3</h1>\n<p>Kestra was <em>nine</em>.</p>\n\
        <ul><li>one</li><li>two</li></ul>\n\
        <blockquote><p>Quoted words.</p></blockquote>\n\
        <table><tr><th>Deaths</th><td>20,000</td></tr></table>\n</body></html>\n";
    assert_eq!(
        blocks(text),
        [
            (BlockKind::Heading(0), "Ash & Embers".into(), false),
            (BlockKind::Heading(1), "Chapter 3".into(), false),
            (BlockKind::Paragraph, "Kestra was nine.".into(), false),
            (BlockKind::Paragraph, "one".into(), false),
            (BlockKind::Paragraph, "two".into(), false),
            (BlockKind::Paragraph, "Quoted words.".into(), true),
            (BlockKind::TableRow, "Deaths\t20,000".into(), false),
        ]
    );
    let prose = sound(text);
    assert!(prose.contains("Chapter 3\n\nKestra"), "{prose:?}");
    assert_eq!(emphasis(text), ["nine"]);
}

#[test]
fn references_decode_and_lead_back_to_their_bytes() {
    let text = "<p>Utopia&nbsp;Plantia, Picard&rsquo;s yard &amp; AT&T.</p>";
    let prose = sound(text);
    assert_eq!(prose, "Utopia Plantia, Picard\u{2019}s yard & AT&T.");
    assert_eq!(original_of(text, "Utopia Plantia"), "Utopia&nbsp;Plantia");
    assert_eq!(original_of(text, "Picard\u{2019}s"), "Picard&rsquo;s");
    assert_eq!(original_of(text, "yard"), "yard");
    assert_eq!(original_of(text, "AT&T"), "AT&T");
}

#[test]
fn inline_tags_add_nothing_and_dropped_ones_a_space() {
    assert_eq!(
        sound("<p>Pic<b>ard</b> and <a href=\"x\">Riker</a></p>"),
        "Picard and Riker"
    );
    assert_eq!(original_of("<p>Pic<b>ard</b></p>", "Picard"), "Pic<b>ard");
    assert_eq!(
        sound("<p>Utopia<code>x</code>Planitia</p>"),
        "Utopia Planitia"
    );
    assert_eq!(sound("<p>one <code>x</code> two</p>"), "one  two");
    assert_eq!(sound("<p>one<script>var a = 1;</script>two</p>"), "one two");
    assert_eq!(
        sound("<p>one<img alt=\"Plantia\" src=\"x.png\">two</p>"),
        "one two"
    );
}

#[test]
fn emphasis_spans_cover_their_content() {
    let text = "<p>The episode <i>Children of Mars</i> and <b><cite> Men </cite></b>.</p>";
    assert_eq!(emphasis(text), ["Children of Mars", "Men"]);
    // Open across paragraphs: one span in each.
    assert_eq!(emphasis("<i><p>one</p><p>two</p></i>"), ["one", "two"]);
    assert_eq!(
        emphasis("<p><i>never closed</p><p>next</p>"),
        ["never closed"]
    );
}

#[test]
fn comments_are_kept_in_original_offsets() {
    let text = "<p>a<!-- canonlint-disable-next-line CL001 -->b</p><!-- open";
    let r = read(text);
    let got: Vec<&str> = r.comments.iter().map(|c| &text[c.clone()]).collect();
    assert_eq!(got, [" canonlint-disable-next-line CL001 ", " open"]);
    assert_eq!(r.prose, "ab");
}

#[test]
fn nothing_but_text_is_prose() {
    let text = "<?xml version=\"1.0\"?><!DOCTYPE html><html><head><title>T</title>\
        <meta name=\"description\" content=\"Utopia Plantia\">\
        <script>Plantia()</script><style>.Plantia{}</style></head><body>\
        <p title=\"Plantia\"><a href=\"http://Plantia.example\">link</a></p>\
        <pre>Plantia</pre><p>x <kbd>Plantia</kbd> <samp>P</samp> <var>P</var></p>\
        <template><p>Plantia</p></template><noscript>Plantia</noscript>\
        <svg><title>Plantia</title><text>Plantia</text></svg><math><mi>P</mi></math>\
        <![CDATA[Plantia]]><!-- Plantia --><textarea>Plantia</textarea></body></html>";
    let prose = sound(text);
    assert!(
        !prose.contains("Plantia") && !prose.contains('P'),
        "{prose:?}"
    );
    assert_eq!(texts(text), ["T", "link", "x"]);
}

#[test]
fn line_breaks_and_double_breaks() {
    assert_eq!(texts("<p>one<br>two</p>"), ["one\ntwo"]);
    assert_eq!(texts("<div>one<br><br>two</div>"), ["one", "two"]);
    assert_eq!(
        texts("one<br/>\n<br />\ntwo<BR>three"),
        ["one", "two\nthree"]
    );
    assert_eq!(texts("<p>one<br>&nbsp;<br>two</p>"), ["one", "two"]);
    assert_eq!(texts("<p>one</br>two</p>"), ["one\ntwo"]);
}

#[test]
fn bare_text_in_containers_is_a_paragraph() {
    assert_eq!(
        blocks("<body>Before<div>inside</div>after</body>"),
        [
            (BlockKind::Paragraph, "Before".into(), false),
            (BlockKind::Paragraph, "inside".into(), false),
            (BlockKind::Paragraph, "after".into(), false),
        ]
    );
}

#[test]
fn table_rows_read_as_one_line() {
    let text = "<table><tr><td>Deaths<td>20,000<tr><td>Ships</td>\n<td> 20,000 </td></table>";
    assert_eq!(texts(text), ["Deaths\t20,000", "Ships\n\t 20,000"]);
    // A paragraph in a cell is a block of its own; a cell outside a row is a paragraph.
    assert_eq!(
        blocks("<tr><td>a<p>b</p>c</td></tr><td>d</td>"),
        [
            (BlockKind::TableRow, "a".into(), false),
            (BlockKind::Paragraph, "b".into(), false),
            (BlockKind::TableRow, "c".into(), false),
            (BlockKind::Paragraph, "d".into(), false),
        ]
    );
}

#[test]
fn nested_lists_and_tables() {
    let text = "<ul><li>one<ul><li>inner<li>inner two</ul>back<li>two</ul>\
        <table><tr><td>a<table><tr><td>b<td>c</table>d</table>";
    assert_eq!(
        texts(text),
        ["one", "inner", "inner two", "back", "two", "a", "b\tc", "d"]
    );
}

#[test]
fn unclosed_paragraphs_items_and_definitions_end_at_the_next() {
    assert_eq!(
        texts("<p>one<p>two<ul><li>three<li>four</ul><dl><dt>five<dd>six</dl>"),
        ["one", "two", "three", "four", "five", "six"]
    );
    assert_eq!(texts("<h1>one<h2>two</h2>"), ["one", "two"]);
}

#[test]
fn uppercase_tags_unquoted_attributes_and_angles_in_quotes() {
    let text = "<P CLASS=lead>One <A HREF='a>b' title=\"c > d\">two</A></P><p data-x=1>three";
    assert_eq!(texts(text), ["One two", "three"]);
}

#[test]
fn stray_angles_and_ampersands_are_text() {
    assert_eq!(
        texts("<p>a < b && c <3 &bogus; </ p>"),
        ["a < b && c <3 &bogus;"]
    );
    assert_eq!(sound("<p>x</>y</nope>z"), "xyz");
}

#[test]
fn unclosed_comments_and_scripts_take_the_rest() {
    assert_eq!(sound("<p>one</p><!-- <p>Plantia</p>"), "one");
    assert_eq!(sound("<p>one</p><script>var p = '<p>Plantia</p>'"), "one");
    assert_eq!(texts("<p>one <code>Plantia"), ["one"]);
    assert_eq!(texts("<p>one <code>Plantia</p><p>two"), ["one", "two"]);
}

#[test]
fn text_before_html_and_no_body() {
    assert_eq!(
        texts("Stray words\n<html><p>then a paragraph"),
        ["Stray words", "then a paragraph"]
    );
    assert_eq!(
        texts("<title>Only a title</title>Body text"),
        ["Only a title", "Body text"]
    );
}

#[test]
fn xhtml_reads_like_html() {
    let text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
        <html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>X</title></head>\
        <body><div/><p>one<br/>two</p><a id=\"n1\"/><p>three</p></body></html>";
    assert_eq!(texts(text), ["X", "one\ntwo", "three"]);
}

#[test]
fn footnote_markers_and_inline_quotes() {
    assert_eq!(
        sound("<p>It died<sup>[1]</sup>. On the 5<sup>th</sup>.</p>"),
        "It died. On the 5th."
    );
    assert_eq!(sound("<p>x<sup><a href=\"#n\">2</a></sup> y</p>"), "x y");
    assert_eq!(
        sound("<p>She said <q>go</q>.</p>"),
        "She said \u{201c}go\u{201d}."
    );
}

#[test]
fn blocks_are_apart_and_never_overlap() {
    let text = "<h2>A</h2><p>b</p>c<div>d<blockquote>e</blockquote></div>";
    assert_eq!(sound(text), "A\n\nb\n\nc\n\nd\n\ne");
    assert_eq!(
        blocks(text).iter().filter(|b| b.2).count(),
        1,
        "only the block quote is quoted"
    );
}

#[test]
fn multibyte_text_keeps_char_boundaries() {
    let text = "<p>Ça «va» — 日本<b>語</b>&eacute;&#x1F600;</p>";
    assert_eq!(sound(text), "Ça «va» — 日本語é\u{1F600}");
    assert_eq!(original_of(text, "語é"), "語</b>&eacute;");
}

#[test]
fn messy_fragments_never_break_the_invariants() {
    const PARTS: [&str; 44] = [
        "<p>",
        "</p>",
        "<b>",
        "</b>",
        "<i>",
        "</i>",
        "é",
        "日",
        "&amp;",
        "&",
        "<",
        ">",
        "<!--",
        "-->",
        "<script>",
        "</script>",
        "<br>",
        "<br/><br/>",
        "</br>",
        "<td>",
        "<tr>",
        "<table>",
        "</table>",
        "<sup>",
        "</sup>",
        "1",
        "<q>",
        "</q>",
        " ",
        "\n",
        "Picard",
        "&nbsp;",
        "&#x2019;",
        "<li>",
        "<ul>",
        "</ul>",
        "<blockquote>",
        "<title>",
        "</title>",
        "<img alt=\"x>y\">",
        "<code>",
        "</code>",
        "<div/>",
        "&shy;",
    ];
    let mut seed: u64 = 0x2385_0405;
    for _ in 0..3000 {
        let mut text = String::new();
        for _ in 0..24 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(PARTS[(seed % PARTS.len() as u64) as usize]);
        }
        sound(&text);
    }
}

#[test]
fn deep_nesting_uses_no_stack() {
    let n = 100_000;
    for (open, close) in [
        ("<div>", "</div>"),
        ("<b>", "</b>"),
        ("<ul><li>", ""),
        ("<table><tr><td>", ""),
    ] {
        let text = format!("{}Picard{}", open.repeat(n), close.repeat(n));
        assert_eq!(texts(&text), ["Picard"], "{open}");
    }
    let text = format!("{}{}", "<b>".repeat(n), "x<br><br>".repeat(n));
    assert_eq!(read(&text).emphasis.len(), n);
}

#[test]
fn pathological_inputs_read_soundly() {
    // Each of these is quadratic for a reader that rescans; the reader keeps its open
    // elements on a stack and never rescans. Timing belongs in benchmarks, not tests, so
    // this only checks that they read soundly.
    let n = 40_000;
    let inputs = [
        format!("<a title=\"{}", "<b ".repeat(n)),
        format!("<!--{}", "-".repeat(n)),
        format!("<script>{}", "</scrip".repeat(n)),
        "<".repeat(n),
        "&amp".repeat(n),
        format!("<p>{}", "</span>".repeat(n)),
        format!("{}{}", "<b>".repeat(n), "<p>x".repeat(n)),
        format!("<table>{}", "<td>x".repeat(n)),
        "<sup>1".repeat(n),
        "<q>a".repeat(n),
        format!("{}{}", "<div>".repeat(n), "</div>".repeat(n)),
        (0..n).map(|i| format!("<x{i}>")).collect(),
        format!("<p>{}</p>", "Utopia Planitia ".repeat(n)),
    ];
    for text in &inputs {
        sound(text);
    }
}
