//! Real text no one on the project wrote: the Sherlock Holmes canon in ../shared. A
//! careful, edited series should give no finding at all, with no pack, with the bundled
//! pack, or with a pack of its own names, except the few spelling inconsistencies it
//! really has, which `corpus-name` finds. Skips cleanly when ../shared is absent (a fresh
//! clone has none).

// Tests fail loudly on a broken set-up; unwrapping is the point.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use canonlint::engine::{self, Options};

fn holmes() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/holmes");
    dir.is_dir().then_some(dir)
}

fn findings(packs: &[&str]) -> Option<Vec<String>> {
    let dir = holmes()?;
    let options = Options {
        paths: vec![dir],
        packs: Some(packs.iter().map(|p| p.to_string()).collect()),
        ..Options::default()
    };
    let outcome = engine::run(&options).unwrap();
    assert!(outcome.checked >= 60, "expected the whole corpus");
    Some(
        outcome
            .findings
            .iter()
            .map(|f| format!("{}: {}", f.code, f.message))
            .collect(),
    )
}

/// The spelling inconsistencies the Holmes text really has, each checked by hand: a name
/// misspelled beside its usual spelling in the same story ("Cadogen West" in a telegram
/// and twice after it, "Upper Norword" once), and a road and two districts spelled two
/// ways ("Edgware Road" in one story, "Edgeware Road" in another; "the East-end" and
/// "the extreme West-end" as nouns beside "the East End" and "the West End").
const REAL_VARIANTS: [&str; 7] = [
    "CL008: `Cadogen West` is written `Cadogan West` 16 times in 1 file",
    "CL008: `Cadogen West` is written `Cadogan West` 16 times in 1 file",
    "CL008: `Cadogen West` is written `Cadogan West` 16 times in 1 file",
    "CL008: one name written 2 ways: `East-end` (once in 1 file), `East End` (twice in 1 file)",
    "CL008: one name written 2 ways: `Edgware Road` (twice in 1 file), `Edgeware Road` (twice in 1 file)",
    "CL008: `West-end` is written `West End` 6 times in 5 files",
    "CL008: `Upper Norword` is written `Upper Norwood` 6 times in 1 file",
];

#[test]
fn the_holmes_canon_is_clean_under_every_pack() {
    let own = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/packs/holmes.toml");
    for packs in [vec![], vec!["star-trek"], vec![own]] {
        let Some(found) = findings(&packs) else {
            eprintln!("skipped: ../shared/corpora/holmes is not here");
            return;
        };
        let unexpected: Vec<&String> = found
            .iter()
            .filter(|f| !REAL_VARIANTS.contains(&f.as_str()))
            .collect();
        assert!(
            unexpected.is_empty(),
            "packs {packs:?}:\n{}",
            found.join("\n")
        );
    }
}

#[test]
fn the_corpus_checks_find_the_real_variants_of_the_holmes_canon() {
    let Some(found) = findings(&[]) else {
        eprintln!("skipped: ../shared/corpora/holmes is not here");
        return;
    };
    assert_eq!(found, REAL_VARIANTS);
}
