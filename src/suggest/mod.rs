//! `canonlint canon suggest`: a draft canon pack from a corpus, as a starting point a
//! person edits.
//!
//! The names and titles are the ones the corpus checks read (`corpus-name`,
//! `corpus-title`), grouped and decided the same way: a group's prevailing (or trusted)
//! spelling becomes an entity's `name` and the spellings those checks would correct become
//! its `misspellings`, so that the draft pack reports them as `name-variant` findings; a
//! tie gives the entity no misspellings and a comment listing every spelling. A name or
//! title is suggested when the corpus writes it at least twice, or once in a trusted file,
//! and no loaded pack knows it; a one-word name the corpus also writes in lower case is
//! taken for a common word and left out. Figures and dates come from the records of the
//! cross-document check, which only exist for entities of a loaded pack: facts stated
//! consistently are written as commented-out entries for that pack.

mod facts;
mod render;

use std::collections::BTreeSet;

use fnv::FnvHashSet;

use crate::checks::corpus::forms::Form;
use crate::checks::corpus::group::Group;
use crate::checks::corpus::verdict::{self, Verdict};
use crate::checks::corpus::{files, times};
use crate::checks::corpus_name::{pack_knows, project_names};
use crate::checks::corpus_title::{pack_lists, project_titles};
use crate::checks::title::normalise;
use crate::engine::gather::Corpus;
use crate::extract::proper::word_hash;
use crate::report::lines::LineIndex;

pub use facts::FactDraft;

/// How often a name or title must be written to be suggested (once is enough in a
/// trusted file).
const MIN_COUNT: usize = 2;

/// A suggested `[[entity]]` or `[[work]]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The id (entities only; unique, kebab-case of `name`).
    pub id: String,
    /// The prevailing spelling.
    pub name: String,
    /// The spellings the corpus checks would correct to `name`.
    pub variants: Vec<String>,
    /// Comment lines above the entry.
    pub comments: Vec<String>,
}

/// A draft pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// The pack's name.
    pub name: String,
    /// How many files it was drafted from.
    pub files: usize,
    /// Entities, by id.
    pub entities: Vec<Entry>,
    /// Works, by title.
    pub works: Vec<Entry>,
    /// Facts, by subject and measure.
    pub facts: Vec<FactDraft>,
    /// Names and titles the loaded packs already know, sorted.
    pub known: Vec<String>,
}

impl Draft {
    /// The draft as pack TOML.
    pub fn to_toml(&self) -> String {
        render::render(self)
    }
}

/// Where forms are written, for comments: "chapters/one.md:3".
pub(crate) struct Places<'a> {
    paths: Vec<&'a str>,
    lines: Vec<LineIndex<'a>>,
}

impl<'a> Places<'a> {
    fn new(corpus: &'a Corpus) -> Places<'a> {
        Places {
            paths: corpus.files.iter().map(|f| f.path.as_str()).collect(),
            lines: corpus
                .files
                .iter()
                .map(|f| LineIndex::new(&f.text))
                .collect(),
        }
    }

    /// "path:line" of a byte offset in a file.
    pub(crate) fn at(&self, file: usize, offset: usize) -> String {
        let line = self.lines.get(file).map_or(0, |l| l.line_of(offset)) + 1;
        format!("{}:{line}", self.paths.get(file).copied().unwrap_or("-"))
    }

    /// `"Harrowgate Keep": 9 times in 4 files, first at one.md:3`.
    fn describe(&self, form: &Form) -> String {
        let first = self.at(form.first().file, form.first().span.start);
        let mut s = if form.count() == 1 {
            format!("\"{}\": once, at {first}", form.text)
        } else {
            format!(
                "\"{}\": {} in {}, first at {first}",
                form.text,
                times(form.count()),
                files(form.files)
            )
        };
        if form.trusted > 0 {
            s.push_str(&format!(" ({} in trusted files)", times(form.trusted)));
        }
        s
    }
}

/// Drafts a pack named `name` from a corpus.
pub fn draft(corpus: &Corpus, name: &str) -> Draft {
    let places = Places::new(corpus);
    let trusted = |file: usize| corpus.files.get(file).is_some_and(|f| f.trusted);
    let all: Vec<usize> = (0..corpus.files.len()).collect();
    let canon = corpus.canon.as_ref();
    let mut known = BTreeSet::new();

    let (forms, groups) = project_titles(&corpus.tables, &all, &trusted);
    let mut works = Vec::new();
    for members in candidates(&forms, &groups) {
        if members.iter().any(|&m| pack_lists(canon, &forms[m])) {
            known.insert(most_written(&forms, &members));
        } else {
            works.push(entry(&forms, &members, &groups, &places));
        }
    }
    let titles: BTreeSet<String> = works
        .iter()
        .map(|w| normalise(&w.name))
        .chain(canon.works.iter().map(|w| normalise(&w.title)))
        .collect();

    let (forms, groups) = project_names(&corpus.tables, &all, canon, &trusted);
    // Every word the corpus writes in lower case: a one-word name that is also one is
    // most likely a common word capitalised ("the Abbey", "Ah").
    let lowercase: FnvHashSet<u64> = corpus
        .tables
        .iter()
        .flat_map(|t| t.lowercase.iter().copied())
        .collect();
    let common = |m: &usize| {
        let text = &forms[*m].text;
        !text.contains(' ') && lowercase.contains(&word_hash(text))
    };
    let mut entities = Vec::new();
    for members in candidates(&forms, &groups) {
        if members.iter().all(common) {
            continue;
        }
        if members.iter().any(|&m| pack_knows(canon, &forms[m].text)) {
            known.insert(most_written(&forms, &members));
        } else if !members
            .iter()
            .any(|&m| titles.contains(&normalise(&forms[m].text)))
        {
            entities.push(entry(&forms, &members, &groups, &places));
        }
    }
    let mut used: BTreeSet<String> = canon.entities.iter().map(|e| e.id.clone()).collect();
    entities.sort_by(|a, b| a.name.cmp(&b.name));
    for e in &mut entities {
        e.id = unique_id(&e.name, &mut used);
    }
    entities.sort_by(|a, b| a.id.cmp(&b.id));
    works.sort_by(|a, b| (a.name.to_lowercase(), &a.name).cmp(&(b.name.to_lowercase(), &b.name)));
    Draft {
        name: name.to_string(),
        files: corpus.read,
        entities,
        works,
        facts: facts::facts(corpus, &places),
        known: known.into_iter().collect(),
    }
}

/// The forms worth suggesting, each with its variants: every group, and every form in
/// no group, written often enough (or in a trusted file). Members sorted, by first member.
fn candidates(forms: &[Form], groups: &[Group]) -> Vec<Vec<usize>> {
    let mut grouped = vec![false; forms.len()];
    let mut out: Vec<Vec<usize>> = Vec::new();
    for g in groups {
        for &m in &g.members {
            grouped[m] = true;
        }
        out.push(g.members.clone());
    }
    out.extend((0..forms.len()).filter(|&i| !grouped[i]).map(|i| vec![i]));
    out.retain(|members| {
        let count: usize = members.iter().map(|&m| forms[m].count()).sum();
        count >= MIN_COUNT || members.iter().any(|&m| forms[m].trusted > 0)
    });
    out.sort();
    out
}

/// The spelling of a candidate written most often (the first among equals).
fn most_written(forms: &[Form], members: &[usize]) -> String {
    let mut best = members[0];
    for &m in members {
        if (forms[m].count(), forms[m].files) > (forms[best].count(), forms[best].files) {
            best = m;
        }
    }
    forms[best].text.clone()
}

/// The entry for a candidate: the winner with the losers as variants when a spelling
/// prevails, else the most written with a comment listing every spelling.
fn entry(forms: &[Form], members: &[usize], groups: &[Group], places: &Places) -> Entry {
    let group = groups.iter().find(|g| g.members == members);
    let decided = group.map_or(Verdict::Silent, |g| verdict::decide(forms, g));
    let (name, variants, tie) = match decided {
        Verdict::Fix { target, wrong, .. } => (target, wrong, false),
        _ if members.len() == 1 => (members[0], Vec::new(), false),
        _ => {
            let best = members
                .iter()
                .copied()
                .max_by(|&a, &b| {
                    let key = |f: &Form| (f.count(), f.files);
                    let at = |f: &Form| (f.first().file, f.first().span.start);
                    key(&forms[a])
                        .cmp(&key(&forms[b]))
                        .then_with(|| at(&forms[b]).cmp(&at(&forms[a])))
                })
                .unwrap_or(members[0]);
            (best, Vec::new(), true)
        }
    };
    let mut order: Vec<usize> = std::iter::once(name)
        .chain(members.iter().copied().filter(|&m| m != name))
        .collect();
    if tie {
        order.sort_by_key(|&m| (forms[m].first().file, forms[m].first().span.start));
    }
    let described: Vec<String> = order.iter().map(|&m| places.describe(&forms[m])).collect();
    let mut comments = Vec::new();
    if tie {
        comments.push(format!(
            "no spelling prevails, choose one: {}",
            described.join("; ")
        ));
    } else {
        comments.push(described.join("; "));
    }
    let mut variants: Vec<String> = variants.iter().map(|&m| forms[m].text.clone()).collect();
    variants.sort();
    Entry {
        id: String::new(),
        name: forms[name].text.clone(),
        variants,
        comments,
    }
}

/// The kebab-case of a name ("Harrowgate Keep" -> `harrowgate-keep`), made unique among
/// `used` with a number.
fn unique_id(name: &str, used: &mut BTreeSet<String>) -> String {
    let mut base = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            base.push(c);
        } else if !base.is_empty() && !base.ends_with('-') {
            base.push('-');
        }
    }
    let base = match base.trim_end_matches('-') {
        "" => "entity".to_string(),
        b => b.to_string(),
    };
    let mut id = base.clone();
    let mut n = 2;
    while used.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    used.insert(id.clone());
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_kebab_case_and_unique() {
        let mut used = BTreeSet::new();
        assert_eq!(unique_id("Harrowgate Keep", &mut used), "harrowgate-keep");
        assert_eq!(unique_id("Harrowgate-Keep", &mut used), "harrowgate-keep-2");
        assert_eq!(unique_id("O'Brien", &mut used), "o-brien");
        assert_eq!(unique_id("Élise", &mut used), "élise");
        assert_eq!(unique_id("--", &mut used), "entity");
    }
}
