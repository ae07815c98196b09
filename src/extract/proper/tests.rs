//! Tests of `extract::proper`: what a text gives the corpus checks.

use super::*;
use crate::source::{Document, Format};

/// The names and titles of a text under the core vocabulary: (names with a `|` where
/// an opening word may be dropped, titles).
fn seen(text: &str) -> (Vec<String>, Vec<String>) {
    let canon = crate::pack::load_named(&[], std::path::Path::new(".")).unwrap();
    let doc = Document::new(Format::Markdown, text.to_string());
    let mut out = Proper::default();
    for (i, block) in doc.blocks.iter().enumerate() {
        let block_text = BlockText::new(&doc.prose, &doc.prose, block, &canon);
        let mut claims = Vec::new();
        crate::extract::title::extract(&block_text, &doc.emphasis, &mut claims);
        collect(&block_text, i as u32, &claims, &doc.emphasis, &mut out);
    }
    let names = out
        .names
        .iter()
        .map(|s| match s.rest {
            Some((_, at)) => format!("{}|{}", s.form[..at].trim_end(), &s.form[at..]),
            None => s.form.clone(),
        })
        .collect();
    (names, out.titles.iter().map(|s| s.form.clone()).collect())
}

#[test]
fn common_openers_honorifics_and_possessives_are_not_part_of_a_name() {
    assert_eq!(
        seen("Then Harrowgate Keep fell. Mrs. Hudson and Mrs Hudson's tray.").0,
        ["Harrowgate Keep", "Hudson", "Hudson"]
    );
    assert_eq!(
        seen("Captain Vell of Harrowgate met Sel and Sil.").0,
        ["Vell of Harrowgate", "Sel", "Sil"]
    );
}

#[test]
fn other_openers_are_marked_for_the_corpus_to_decide() {
    assert_eq!(
        seen("Harrowgate Keep fell. \"Grey Tower stands,\" I said.").0,
        ["Harrowgate|Keep", "Grey|Tower"]
    );
    assert_eq!(seen("Holmes came.").0, ["Holmes|"]);
}

#[test]
fn word_hashes_ignore_case() {
    assert_eq!(word_hash("Then"), word_hash("then"));
    assert_eq!(word_hash("\u{c9}lan"), word_hash("\u{e9}lan"));
    assert_ne!(word_hash("then"), word_hash("than"));
}

#[test]
fn hyphenated_modifiers_are_marked() {
    let canon = crate::pack::load_named(&[], std::path::Path::new(".")).unwrap();
    let text = "The West-country bankers met the boys of West-country who ran.";
    let doc = Document::new(Format::Markdown, text.to_string());
    let block = BlockText::new(&doc.prose, &doc.prose, &doc.blocks[0], &canon);
    let mut out = Proper::default();
    collect(&block, 0, &[], &[], &mut out);
    let marks: Vec<bool> = out.names.iter().map(|s| s.modifier).collect();
    assert_eq!(marks, [true, false]);
}

#[test]
fn capitals_headings_and_title_claims_give_no_names() {
    assert!(
        seen("# The Harrowgate Keep\n\nTHE HARROWGATE KEEP fell.")
            .0
            .is_empty()
    );
    assert!(seen("The novel \"The Ashen Crown\" sold.").0.is_empty());
    let (names, titles) = seen("She read *The Ashen Crown* at **Velmoor Pass**.");
    assert_eq!(names, ["The Ashen Crown", "Velmoor Pass"]);
    assert_eq!(titles, ["The Ashen Crown", "Velmoor Pass"]);
}

#[test]
fn titles_come_from_title_claims_and_title_case_emphasis() {
    assert_eq!(
        seen("The novel \"The Drowned Lantern\" sold. *Run away now.*").1,
        ["The Drowned Lantern"]
    );
}
