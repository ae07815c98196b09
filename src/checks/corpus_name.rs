//! `corpus-name` (CL008): a name the checked files write one way almost everywhere and
//! another way in a few places, with no pack needed ("Harrowgate Kepe" once, "Harrowgate
//! Keep" nine times in four files), or several ways with none prevailing.
//!
//! Names are the proper-noun phrases of every checked file of a project
//! (`extract::proper`). A phrase's first word that only opens its sentence counts as part
//! of the name when the corpus writes the phrase with it mid-sentence somewhere, or when
//! the corpus never writes that word in lower case and it is not a common word.
//!
//! Two spellings are variants when they have the same letters but for case, spaces and
//! hyphens ("Harrow Gate", "Harrowgate", "Harrow-gate"), or, with as many words and the
//! same first letter, when one is a slip for the other (`corpus::spelling`): a small,
//! length-aware edit distance word by word, never a change at a word's end, a plural or
//! possessive; a one-word name only by a doubled or swapped letter, in a file that writes
//! both, and never a word the corpus writes in lower case. Capitals at the start of words
//! and hyphens in a modifier ("the West-country bankers") are style, not spelling.
//! Distinct names, winners and ties are decided by `corpus::group` and `corpus::verdict`.
//! A group with a spelling a loaded pack knows, or a near miss of one, is left to
//! `name-variant` (CL001): the corpus never corrects towards a spelling canon
//! contradicts.

use fnv::{FnvHashMap, FnvHashSet};

use crate::checks::CheckInfo;
use crate::checks::corpus::forms::{self, Form, Occurrence};
use crate::checks::corpus::spelling::{
    doubled_or_swapped, few_words_differ, letter_counts, near, spelling, squash,
};
use crate::checks::corpus::{FileTable, Sources, group, report, verdict};
use crate::extract::proper::word_hash;
use crate::finding::{Finding, Severity};
use crate::pack::Canon;
use crate::pack::near::allowed_edits;

/// Registry entry.
pub const INFO: CheckInfo = CheckInfo {
    code: "CL008",
    name: "corpus-name",
    summary: "a name written one way in most of the checked files and another way in a few, or several ways with none prevailing",
    description: "A proper name the checked files of one project write one way almost everywhere and another way in a few places (\"Harrowgate Keep\" nine times, \"Harrowgate Kepe\" once), or several ways with none prevailing; no pack is needed. Spellings in trusted files (`trusted` in canonlint.toml) win whatever the counts. Similar names used often, or side by side in one paragraph, are distinct names and are left alone.",
    help: "Write the prevailing or trusted spelling the related label shows. When no spelling prevails, choose one and write it everywhere, or add the name to a pack.",
    default: Severity::Warning,
    // A majority of the files is evidence, not canon: the fix is offered, never applied
    // by `--fix`.
    fixable: false,
};

/// Reports name variants across each project's files.
pub fn check(tables: &[FileTable], sources: &Sources) -> Vec<Finding> {
    let mut out = Vec::new();
    let trusted = |file: usize| sources.trusted.get(file).copied().unwrap_or(false);
    for (project, files) in sources.projects() {
        let canon = sources.canons[project];
        let (forms, groups) = project_names(tables, &files, canon, &trusted);
        for g in groups {
            if g.members.iter().any(|&m| pack_knows(canon, &forms[m].text)) {
                continue;
            }
            let v = verdict::decide(&forms, &g);
            out.extend(report(&INFO, "name", (&forms, &g, &v), &trusted));
        }
    }
    out
}

/// The name spellings of one project's `files` and the groups of variants among them,
/// whatever the packs know (callers leave groups with a known spelling to `name-variant`).
pub fn project_names(
    tables: &[FileTable],
    files: &[usize],
    canon: &Canon,
    trusted: &dyn Fn(usize) -> bool,
) -> (Vec<Form>, Vec<group::Group>) {
    // Every word the project writes in lower case.
    let lowercase: FnvHashSet<u64> = files
        .iter()
        .filter_map(|&f| tables.get(f))
        .flat_map(|t| t.lowercase.iter().copied())
        .collect();
    let forms = project_forms(tables, files, canon, &lowercase, trusted);
    let lower: Vec<String> = forms.iter().map(|f| f.key.to_lowercase()).collect();
    let common = |word: &str| lowercase.contains(&word_hash(word));
    let groups = group::groups(&forms, pairs(&forms, &lower, &common));
    (forms, groups)
}

/// The name forms of a project's files, with sentence openers resolved.
fn project_forms<'t>(
    tables: &'t [FileTable],
    files: &[usize],
    canon: &Canon,
    lowercase: &FnvHashSet<u64>,
    trusted: &dyn Fn(usize) -> bool,
) -> Vec<Form> {
    let tables: Vec<(usize, &'t FileTable)> = files
        .iter()
        .filter_map(|&f| tables.get(f).map(|t| (f, t)))
        .collect();
    let mid_sentence: FnvHashSet<&str> = tables
        .iter()
        .flat_map(|(_, t)| &t.names)
        .filter(|(_, places)| places.iter().any(|p| p.rest.is_none()))
        .map(|(form, _)| form.as_str())
        .collect();
    // A form's opening word is only the sentence's (and dropped) unless the corpus writes
    // the form mid-sentence, or never writes that word in lower case and it is not common.
    let drops = |form: &str| {
        let first = form.split(' ').next().unwrap_or_default();
        !mid_sentence.contains(form)
            && (lowercase.contains(&word_hash(first))
                || canon.vocab.openers.contains(&first.to_lowercase()))
    };
    // Each file's places of one form, split by how they are read: (text, modifier,
    // emphasised) -> places.
    type Group<'t> = ((&'t str, bool, bool), Vec<Occurrence>);
    let mut groups: Vec<Group<'t>> = Vec::new();
    for (file, table) in &tables {
        for (form, places) in &table.names {
            let dropped = places.iter().any(|p| p.rest.is_some()) && drops(form);
            let first = groups.len();
            for place in places {
                let (text, start) = match place.rest {
                    Some((at, offset)) if dropped => (&form[offset..], at),
                    _ => (form.as_str(), place.span.start),
                };
                let occurrence = Occurrence {
                    file: *file,
                    span: start..place.span.end,
                    block: place.block,
                    fixable: place.fixable,
                };
                let how = (text, place.modifier, place.emphasised);
                match groups[first..].iter_mut().find(|(h, _)| *h == how) {
                    Some((_, list)) => list.push(occurrence),
                    None => groups.push((how, vec![occurrence])),
                }
            }
        }
    }
    groups.retain(|((text, _, _), _)| text.chars().filter(|c| c.is_alphabetic()).count() >= 2);
    let keys: Vec<String> = groups
        .iter()
        .map(|((text, _, _), _)| spelling(text))
        .collect();
    // "West-country bankers" is the West Country hyphenated as a modifier: it counts as
    // the spaced name when the corpus writes that, else as the hyphenated one.
    let spaced: FnvHashSet<&str> = groups
        .iter()
        .zip(&keys)
        .filter(|(((_, modifier, _), _), _)| !modifier)
        .map(|(_, key)| key.as_str())
        .collect();
    let keys: Vec<String> = groups
        .iter()
        .zip(&keys)
        .map(|(((_, modifier, _), _), key)| {
            if *modifier {
                let as_spaced = key.replace('-', " ");
                if spaced.contains(as_spaced.as_str()) {
                    return as_spaced;
                }
            }
            key.clone()
        })
        .collect();
    // A spelling only ever written inside an emphasised title is a title's.
    let plain: Vec<bool> = {
        let written: FnvHashSet<&str> = groups
            .iter()
            .zip(&keys)
            .filter(|(((_, _, emphasised), _), _)| !emphasised)
            .map(|(_, key)| key.as_str())
            .collect();
        keys.iter().map(|k| written.contains(k.as_str())).collect()
    };
    let items = groups
        .into_iter()
        .zip(keys)
        .zip(plain)
        .filter(|(_, plain)| *plain)
        .map(|((((text, _, _), occurrences), key), _)| (key, text, occurrences));
    forms::build(items, trusted)
}

/// Whether a loaded pack knows a spelling, or it is a near miss of one it knows.
pub(crate) fn pack_knows(canon: &Canon, text: &str) -> bool {
    let index = &canon.names;
    index
        .forms
        .iter()
        .any(|f| f.text.eq_ignore_ascii_case(text))
        || index.near_miss(text).is_some()
}

/// Candidate variant pairs: same squashed letters, or a near miss among spellings with
/// as many words and the same first letter. `lower[i]` is form `i` in lower case;
/// `common` says whether the corpus writes a word in lower case.
///
/// A one-word name is a near miss of another only by a doubled or swapped letter, when
/// some file writes both, and when neither is a word the corpus writes in lower case:
/// one-word names a letter apart are often different people ("Moran" and "Morgan" in one
/// story, "Stoner" and "Stoper" in two), and a capitalised common word is not a name
/// ("Heaven", "Haven").
fn pairs(forms: &[Form], lower: &[String], common: &dyn Fn(&str) -> bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // The order of pairs does not matter: groups come out the same.
    let mut squashed: FnvHashMap<String, Vec<usize>> = FnvHashMap::default();
    // By (words, first letter): each bucket sorted by length, so only neighbours compare.
    let mut buckets: FnvHashMap<(usize, char), Vec<(usize, usize)>> = FnvHashMap::default();
    for (i, l) in lower.iter().enumerate() {
        squashed.entry(squash(l)).or_default().push(i);
        let Some(first) = l.chars().next() else {
            continue;
        };
        let len = l.chars().count();
        let words = l.split(' ').count();
        if allowed_edits(len) > 0 && (words > 1 || !common(l)) {
            buckets.entry((words, first)).or_default().push((len, i));
        }
    }
    for same in squashed.values() {
        for (n, &a) in same.iter().enumerate() {
            out.extend(same[n + 1..].iter().map(|&b| (a, b)));
        }
    }
    let letters: Vec<[u8; 27]> = lower.iter().map(|l| letter_counts(l)).collect();
    for (&(words, _), bucket) in buckets.iter_mut() {
        bucket.sort_unstable();
        for (n, &(len, a)) in bucket.iter().enumerate() {
            for &(other_len, b) in &bucket[n + 1..] {
                let allowed = allowed_edits(len);
                if other_len - len > allowed {
                    break;
                }
                // Each edit changes the letter counts by two at most.
                let moved: usize = letters[a]
                    .iter()
                    .zip(&letters[b])
                    .map(|(x, y)| usize::from(x.abs_diff(*y)))
                    .sum();
                if moved > 2 * allowed {
                    continue;
                }
                // Two established names never group: skip the distance.
                if group::established(&forms[a]) && group::established(&forms[b]) {
                    continue;
                }
                let slip = if words > 1 {
                    few_words_differ(&lower[a], &lower[b], allowed)
                } else {
                    doubled_or_swapped(&lower[a], &lower[b])
                };
                if slip
                    && near(&lower[a], &lower[b])
                    && (words > 1 || share_a_file(&forms[a], &forms[b]))
                {
                    out.push((a, b));
                }
            }
        }
    }
    out
}

/// Whether some file writes both forms.
fn share_a_file(a: &Form, b: &Form) -> bool {
    let files: FnvHashSet<usize> = a.occurrences.iter().map(|o| o.file).collect();
    b.occurrences.iter().any(|o| files.contains(&o.file))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Document, Format};

    /// The messages `check` gives for texts checked together, under the core pack.
    fn messages(texts: &[&str]) -> Vec<String> {
        let canon = crate::pack::load_named(&[], std::path::Path::new(".")).unwrap();
        let tables: Vec<FileTable> = texts
            .iter()
            .map(|t| {
                let doc = Document::new(Format::Markdown, t.to_string());
                let (_, proper) = crate::extract::extract_all(&doc, &canon);
                FileTable::new(proper, |span| (span, true))
            })
            .collect();
        let project = vec![0; texts.len()];
        let trusted = vec![false; texts.len()];
        let sources = Sources {
            project: &project,
            trusted: &trusted,
            canons: &[&canon],
        };
        check(&tables, &sources)
            .into_iter()
            .map(|f| f.message)
            .collect()
    }

    #[test]
    fn a_rare_spelling_is_reported_against_the_prevailing_one() {
        let found = messages(&[
            "Then Harrowgate Keep fell.\n\nWe left Harrowgate Keep.",
            "Harrowgate Keep burned. They rebuilt Harrowgate Keep.",
            "Nobody loved Harrowgate Kepe.",
        ]);
        assert_eq!(
            found,
            ["`Harrowgate Kepe` is written `Harrowgate Keep` 4 times in 2 files"]
        );
    }

    #[test]
    fn opening_words_the_corpus_writes_in_lower_case_are_not_names() {
        // "Past" opens a sentence and is written in lower case elsewhere: "Past
        // Harrowgate Kepe" is "Harrowgate Kepe".
        let found = messages(&[
            "We rode past Harrowgate Keep. We left Harrowgate Keep.",
            "They reached Harrowgate Keep.\n\nPast Harrowgate Kepe lay the sea.",
        ]);
        assert_eq!(
            found,
            ["`Harrowgate Kepe` is written `Harrowgate Keep` 3 times in 2 files"]
        );
        let found = messages(&[
            "We left Harrowgate Keep. We left Harrowgate Keep.",
            "They reached Harrowgate Keep.\n\nPast Harrowgate Kepe lay the sea.",
        ]);
        assert!(
            found.is_empty(),
            "\"Past Harrowgate Kepe\" is a name: {found:?}"
        );
    }
}
