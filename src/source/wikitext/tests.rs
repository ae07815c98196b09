//! Whole pages read: prose, blocks, emphasis and comments, the bytes they lead back to,
//! and input that must neither panic nor take long.

use super::*;

/// A page's blocks as (kind, prose, quoted).
fn blocks(text: &str) -> Vec<(BlockKind, String, bool)> {
    let r = read(text);
    r.blocks
        .iter()
        .map(|b| (b.kind, r.prose[b.span.clone()].to_string(), b.quoted))
        .collect()
}

/// The blocks' prose only.
fn prose_of(text: &str) -> Vec<String> {
    blocks(text).into_iter().map(|(_, s, _)| s).collect()
}

/// The original bytes each occurrence of `needle` in the prose leads back to.
fn origin<'t>(text: &'t str, needle: &str) -> Vec<&'t str> {
    let r = read(text);
    let map = r.map.expect("wikitext keeps a map");
    r.prose
        .match_indices(needle)
        .map(|(i, _)| &text[map.original(i..i + needle.len())])
        .collect()
}

const P: BlockKind = BlockKind::Paragraph;
const ROW: BlockKind = BlockKind::TableRow;

#[test]
fn paragraphs_headings_and_list_items() {
    let text = "Intro line one\nline two.\n\n== The Attack ==  <!-- x -->\n* one [[Mars]]\n#: two\n; term : def\n=== Unbalanced ==\nNot == a heading ==\n";
    assert_eq!(
        blocks(text),
        [
            (P, "Intro line one\nline two.".into(), false),
            (BlockKind::Heading(2), "The Attack".into(), false),
            (P, "one Mars".into(), false),
            (P, "two".into(), false),
            (P, "term : def".into(), false),
            (BlockKind::Heading(2), "= Unbalanced".into(), false),
            (P, "Not == a heading ==".into(), false),
        ]
    );
}

#[test]
fn blocks_are_apart_in_the_prose() {
    let r = read("One.\n\nTwo.\n== Three ==\n");
    for pair in r.blocks.windows(2) {
        assert!(pair[0].span.end < pair[1].span.start);
        assert!(r.prose[pair[0].span.end..pair[1].span.start].contains("\n\n"));
    }
}

#[test]
fn comment_lines_do_not_break_paragraphs() {
    assert_eq!(
        prose_of("One\n<!-- c -->\ntwo\n\n<!-- c -->\n\nThree"),
        ["One\ntwo", "Three"]
    );
}

#[test]
fn a_labelled_link_shows_its_label_and_its_target_follows_its_block() {
    let text = "Built in [[Utopia Plantia|the yards]]s.<ref>A note.</ref>\n\nNext.";
    assert_eq!(
        prose_of(text),
        ["Built in the yardss.", "Utopia Plantia", "A note.", "Next."]
    );
    assert_eq!(origin(text, "Utopia Plantia"), ["Utopia Plantia"]);
    let r = read(text);
    let map = r.map.unwrap();
    let target = &r.blocks[1].span;
    assert_eq!(map.original(target.clone()), 11..25);
    assert_eq!(origin(text, "the yards"), ["the yards"]);
}

#[test]
fn links_show_targets_with_underscores_as_spaces() {
    let text = "At [[Utopia_Planitia]] and [[:Mars]].";
    assert_eq!(prose_of(text), ["At Utopia Planitia and Mars."]);
    assert_eq!(origin(text, "Utopia Planitia"), ["Utopia_Planitia"]);
}

#[test]
fn namespaced_links_and_external_urls_are_not_prose() {
    let text = "A [[File:Plantia.jpg|thumb|220px|The yards]] b [[Category:Plantia]] c [[de:Plantia]] d [[wikt:yard|yard]] e [https://plantia.example the map] f https://plantia.example/x g [https://plantia.example].";
    assert_eq!(
        prose_of(text),
        ["A  b  c  d yard e  the map f  g .", "The yards"]
    );
}

#[test]
fn infobox_parameters_are_rows_named_by_their_parameters() {
    let text = "{{Infobox event\n| name = Attack on Mars\n| image = Mars.jpg\n| image_size = 250px\n| death_toll = {{nowrap|92,000}}<ref>{{cite web|title=Roll|url=http://x.example}}</ref>\n| date = [[First Contact Day]], 2385\n| website = https://x.example\n| label1 = Ships lost | data1 = 20,000\n}}\nBody.";
    assert_eq!(
        blocks(text),
        [
            (ROW, "name Attack on Mars".into(), false),
            (ROW, "death toll 92,000".into(), false),
            (P, "web Roll".into(), false),
            (ROW, "date First Contact Day, 2385".into(), false),
            (ROW, "Ships lost 20,000".into(), false),
            (P, "Body.".into(), false),
        ]
    );
    assert_eq!(origin(text, "death toll"), ["death_toll"]);
    assert_eq!(origin(text, "92,000"), ["92,000"]);
}

#[test]
fn templates_in_running_text() {
    let text = "On {{nowrap|First Contact Day}}, {{lang|fr|les chantiers}} burned{{cn|date=May 2024}}.{{efn|A note.}} {{sfn|Smith|2020|p=4}}{{Main|Utopia Plantia|Mars}} Picard{{'}}s {{PAGENAME}} {{#if:x|Plantia}} {{{1|Plantia}}} end.";
    assert_eq!(
        prose_of(text),
        [
            "On First Contact Day, les chantiers burned .   Picard's    end.",
            "A note.",
            "Utopia Plantia",
            "Mars"
        ]
    );
    assert_eq!(origin(text, "'"), ["{{'}}"]);
}

#[test]
fn dates_of_other_templates_are_not_prose() {
    assert_eq!(
        prose_of("{{Use dmy dates|date=May 2385}}\nText."),
        ["Text."]
    );
}

#[test]
fn citations_read_as_kind_title_and_series() {
    let text = "Aired.<ref name=\"a\">{{cite episode |title=Children of Men |series=Star Trek: Short Treks |season=2 |url=http://x.example |access-date=2024}}</ref><ref name=a/>";
    assert_eq!(
        prose_of(text),
        ["Aired.", "episode Children of Men, Star Trek: Short Treks"]
    );
    let r = read(text);
    let emphasised: Vec<&str> = r.emphasis.iter().map(|e| &r.prose[e.clone()]).collect();
    assert_eq!(emphasised, ["Children of Men"]);
    assert_eq!(origin(text, "Children of Men"), ["Children of Men"]);
}

#[test]
fn quotes_are_quoted() {
    let text = "<blockquote>Twenty thousand died.\n\nAnd more.</blockquote>\n{{Quote|text=They never came home.|author=Raffi}}\nAfter.";
    assert_eq!(
        blocks(text),
        [
            (P, "Twenty thousand died.".into(), true),
            (P, "And more.".into(), true),
            (P, "They never came home.".into(), true),
            (ROW, "author Raffi".into(), false),
            (P, "After.".into(), false),
        ]
    );
}

#[test]
fn table_rows_read_as_lines_and_attributes_are_not_prose() {
    let text = "{| class=\"wikitable\" title=\"Plantia\"\n|+ Losses\n|-\n! scope=\"col\" | Measure !! Count\n|-\n| Deaths || style=\"color:red\" | 20,000\n|-\n| Ships\n| 20,000\n|}\nAfter.";
    assert_eq!(
        blocks(text),
        [
            (P, "Losses".into(), false),
            (ROW, "Measure  |  Count".into(), false),
            (ROW, "Deaths  |  20,000".into(), false),
            (ROW, "Ships |  20,000".into(), false),
            (P, "After.".into(), false),
        ]
    );
    assert_eq!(origin(text, " | "), ["!!", "||", "|"]);
}

#[test]
fn apostrophe_emphasis_as_mediawiki_reads_it() {
    let emphasised = |text: &str| {
        let r = read(text);
        r.emphasis
            .iter()
            .map(|e| r.prose[e.clone()].to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(emphasised("The ''Short Treks'' episode"), ["Short Treks"]);
    assert_eq!(
        emphasised("'''Bold''' and '''''both'''''"),
        ["Bold", "both", "both"]
    );
    assert_eq!(
        emphasised("''[[Children of Mars]]'''s end"),
        ["Children of Mars"]
    );
    assert_eq!(
        prose_of("''[[Children of Mars]]'''s end"),
        ["Children of Mars's end"]
    );
    assert_eq!(emphasised("''open to the end\nnext"), ["open to the end"]);
    assert_eq!(
        emphasised("<i>Children</i> and <em>Mars</em>"),
        ["Children", "Mars"]
    );
}

#[test]
fn comments_are_kept_inside_out_in_original_offsets() {
    let text = "A<!-- canonlint-disable-next-line CL001 -->b {{x|<!--in-->}} <!-- open";
    let r = read(text);
    let inside: Vec<&str> = r.comments.iter().map(|c| &text[c.clone()]).collect();
    assert_eq!(
        inside,
        [" canonlint-disable-next-line CL001 ", "in", " open"]
    );
    assert_eq!(prose_of(text), ["Ab"]);
}

#[test]
fn raw_elements_preformatted_lines_and_switches_are_not_prose() {
    let text = "a <nowiki>Plantia</nowiki> b <code>Plantia</code> c <math>Plantia</math> d <pre>Plantia</pre> e __NOTOC__ f ~~~~\n Plantia preformatted\ng &ndash; h&nbsp;i";
    let all = prose_of(text).join("|");
    assert!(!all.contains("Plantia"), "{all}");
    assert_eq!(prose_of(text), ["a  b  c  d  e  f", "g \u{2013} h i"]);
    assert_eq!(origin(text, "\u{2013}"), ["&ndash;"]);
}

#[test]
fn preformatting_is_for_the_top_level_only() {
    let text = "{{Infobox\n | deaths = 20,000\n}}\n {{Quote|Twenty died.}}\n<blockquote>\n indented\n</blockquote>";
    assert_eq!(
        prose_of(text),
        ["deaths 20,000", "Twenty died.", "indented"]
    );
}

#[test]
fn unclosed_constructs_are_read_as_text_and_never_swallow_the_page() {
    assert_eq!(
        prose_of("{{Infobox\n| deaths = 20,000\n\nNext para."),
        ["{{Infobox\n| deaths = 20,000", "Next para."]
    );
    assert_eq!(
        prose_of("See [[Utopia Planitia and more\n\nNext."),
        ["See [[Utopia Planitia and more", "Next."]
    );
    assert_eq!(prose_of("A <ref>note\n\nNext."), ["A note", "Next."]);
    assert_eq!(prose_of("A <nowiki>shown\n\nNext."), ["A shown", "Next."]);
    assert_eq!(prose_of("A <span>b\n\nc"), ["A b", "c"]);
    assert_eq!(prose_of("{{a|[[b}}\n\nc"), ["{{a|[[b}}", "c"]);
    assert_eq!(prose_of("a }} ]] </ref> </span> b"), ["a }} ]]   b"]);
}

#[test]
fn nested_templates_and_links_in_parameters() {
    let text = "{{Infobox event|name=Attack on Mars|deaths={{nowrap|92,000}}|place=[[Utopia Planitia|the yards]] of {{nowrap|[[Mars]]}}}}";
    assert_eq!(
        prose_of(text),
        [
            "name Attack on Mars",
            "deaths 92,000",
            "place the yards of Mars",
            "Utopia Planitia"
        ]
    );
}

#[test]
fn brace_runs_match_as_mediawiki_matches_them() {
    assert_eq!(prose_of("a {{{1}}} {{{{{2}}}}} b"), ["a   b"]);
    assert_eq!(prose_of("{{{{nowrap|x}}}}"), ["{ }"]);
}

#[test]
fn redirects_name_their_target() {
    assert_eq!(prose_of("#REDIRECT [[Utopia Plantia]]"), ["Utopia Plantia"]);
}

#[test]
fn html_cells_and_items_stand_apart() {
    let text =
        "<table><tr><td>Deaths</td><td>20,000</td></tr></table>\n<ul><li>one</li><li>two</li></ul>";
    let all = prose_of(text).join("|");
    assert!(
        all.contains("Deaths  20,000") || all.contains("Deaths 20,000"),
        "{all}"
    );
    assert!(all.contains("one  two") || all.contains("one two"), "{all}");
}

#[test]
fn numbered_parameters_are_positional() {
    assert_eq!(
        prose_of("On {{nowrap|1=First Contact Day}}."),
        ["On First Contact Day."]
    );
}

#[test]
fn a_line_of_switches_is_blank() {
    assert_eq!(prose_of("One.\n__NOTOC__\nTwo."), ["One.", "Two."]);
}
