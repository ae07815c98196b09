//! `corpus-title` (CL009): a title the checked files write one way almost everywhere and
//! another way in a few places, with no pack needed (*The Ashen Crwon* once, *The Ashen
//! Crown* five times in three files), or several ways with none prevailing.
//!
//! Titles are the title claims of every checked file of a project (quoted or emphasised
//! text in a title context) and emphasised spans in title case (`extract::proper`). They
//! compare as the `title` check compares them: case, punctuation and the style of a part
//! number do not matter ("Part II" is "Part 2"). Two titles are variants when they have
//! the same letters but for spaces, when they are a near miss word by word (as names
//! are, see `corpus::spelling`), or when one adds a small word to the other ("Ashen Crown",
//! "The Ashen Crown"). Another word altogether is another work ("The Fall of Harrowgate",
//! "The Siege of Harrowgate"), and so is another part ("Part 1", "Part 2"). Distinct
//! works, winners and ties are decided as for names (`corpus::group`, `corpus::verdict`).
//! A group with a title a loaded pack lists (or confuses, or nearly matches) is left to
//! the `title` check (CL002).

use crate::checks::CheckInfo;
use crate::checks::corpus::forms::{self, Form, Occurrence};
use crate::checks::corpus::spelling::near;
use crate::checks::corpus::{FileTable, Sources, group, report, verdict};
use crate::checks::corpus_name::pack_knows;
use crate::checks::title::{normalise, sibling_parts};
use crate::finding::{Finding, Severity};
use crate::pack::Canon;

/// Registry entry.
pub const INFO: CheckInfo = CheckInfo {
    code: "CL009",
    name: "corpus-title",
    summary: "a title written one way in most of the checked files and another way in a few, or several ways with none prevailing",
    description: "A title (quoted or emphasised in a title context, or emphasised in title case) the checked files of one project write one way almost everywhere and another way in a few places, or several ways with none prevailing; no pack is needed. Another word altogether, or another part number, is another work.",
    help: "Write the prevailing or trusted form of the title the related label shows, or add the work to a pack.",
    default: Severity::Warning,
    fixable: false,
};

/// Words a title may gain or lose and still be the same title.
const SMALL_WORDS: [&str; 5] = ["the", "a", "an", "of", "and"];

/// Reports title variants across each project's files.
pub fn check(tables: &[FileTable], sources: &Sources) -> Vec<Finding> {
    let mut out = Vec::new();
    let trusted = |file: usize| sources.trusted.get(file).copied().unwrap_or(false);
    for (project, files) in sources.projects() {
        let canon = sources.canons[project];
        let (forms, groups) = project_titles(tables, &files, &trusted);
        for g in groups {
            if g.members.iter().any(|&m| pack_lists(canon, &forms[m])) {
                continue;
            }
            let v = verdict::decide(&forms, &g);
            out.extend(report(&INFO, "title", (&forms, &g, &v), &trusted));
        }
    }
    out
}

/// The title spellings of one project's `files` and the groups of variants among them,
/// whatever the packs list (callers leave groups with a listed title to `title`).
pub fn project_titles(
    tables: &[FileTable],
    files: &[usize],
    trusted: &dyn Fn(usize) -> bool,
) -> (Vec<Form>, Vec<group::Group>) {
    let items = files
        .iter()
        .filter_map(|&f| tables.get(f).map(|t| (f, t)))
        .flat_map(|(file, table)| {
            table.titles.iter().map(move |(title, places)| {
                let occurrences = places
                    .iter()
                    .map(|p| Occurrence {
                        file,
                        span: p.span.clone(),
                        block: p.block,
                        fixable: p.fixable,
                    })
                    .collect();
                (normalise(title), title.as_str(), occurrences)
            })
        });
    let forms = forms::build(items, trusted);
    let n = forms.len();
    let pairs = (0..n).flat_map(|a| (a + 1..n).map(move |b| (a, b)));
    let pairs: Vec<(usize, usize)> = pairs
        .filter(|&(a, b)| variants(&forms[a].key, &forms[b].key))
        .collect();
    let groups = group::groups(&forms, pairs);
    (forms, groups)
}

/// Whether two normalised titles are one title written two ways.
fn variants(a: &str, b: &str) -> bool {
    if a == b || a.len().abs_diff(b.len()) > 4 || sibling_parts(a, b) {
        return false;
    }
    let squash = |s: &str| s.replace(' ', "");
    if squash(a) == squash(b) {
        return true;
    }
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    match wa.len().abs_diff(wb.len()) {
        0 => a.chars().next() == b.chars().next() && near(a, b),
        1 => {
            let (long, short) = if wa.len() > wb.len() {
                (&wa, &wb)
            } else {
                (&wb, &wa)
            };
            (0..long.len()).any(|i| {
                SMALL_WORDS.contains(&long[i])
                    && long[..i].iter().chain(&long[i + 1..]).eq(short.iter())
            })
        }
        _ => false,
    }
}

/// Whether a loaded pack lists a title (or a confusion with it, or one it nearly
/// matches), or knows it as a name.
pub(crate) fn pack_lists(canon: &Canon, form: &Form) -> bool {
    canon.works.iter().any(|w| {
        let title = normalise(&w.title);
        title == form.key
            || variants(&title, &form.key)
            || w.confusions.iter().any(|c| normalise(c) == form.key)
    }) || pack_knows(canon, &form.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slips_spacing_and_small_words_are_variants() {
        assert!(variants("the ashen crwon", "the ashen crown"));
        assert!(variants(
            "the lanternkeeper s daughter",
            "the lantern keeper s daughter"
        ));
        assert!(variants("ashen crown", "the ashen crown"));
    }

    #[test]
    fn other_words_and_other_parts_are_other_works() {
        assert!(!variants(
            "the fall of harrowgate",
            "the siege of harrowgate"
        ));
        assert!(!variants("ouroboros part 1", "ouroboros part 2"));
        assert!(!variants("ashen crown", "the ashen crowns"));
        assert!(!variants("the ashen crown", "the ashen crown"));
    }
}
