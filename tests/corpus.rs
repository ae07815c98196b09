//! Real text no one on the project wrote: the Sherlock Holmes canon in ../shared. A
//! careful, edited series should give no finding at all, with no pack, with the bundled
//! pack, or with a pack of its own names. Skips cleanly when ../shared is absent (a fresh
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

#[test]
fn the_holmes_canon_is_clean_under_every_pack() {
    let own = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/packs/holmes.toml");
    for packs in [vec![], vec!["star-trek"], vec![own]] {
        let Some(found) = findings(&packs) else {
            eprintln!("skipped: ../shared/corpora/holmes is not here");
            return;
        };
        assert!(found.is_empty(), "packs {packs:?}:\n{}", found.join("\n"));
    }
}
