//! A project's forms: each spelling of a name or title with every place it is written,
//! how many files write it, and how much of that is in trusted sources.

use std::ops::Range;

use fnv::FnvHashMap;

use crate::finding::{FileId, Location};

/// One place a form is written, anywhere in the project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// The file.
    pub file: FileId,
    /// Its bytes.
    pub span: Range<usize>,
    /// Its block, within its file.
    pub block: u32,
    /// Whether a fix may replace its bytes.
    pub fixable: bool,
}

impl Occurrence {
    /// Where it is, for a finding.
    pub fn location(&self) -> Location {
        Location {
            file: self.file,
            span: self.span.clone(),
        }
    }
}

/// One spelling across a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// How messages and fixes write it: its most frequent written text.
    pub text: String,
    /// What it is compared by: the written text for names, a normalised title for titles.
    pub key: String,
    /// Every place, in file then offset order.
    pub occurrences: Vec<Occurrence>,
    /// How many files write it.
    pub files: usize,
    /// How many of its places are in trusted files.
    pub trusted: usize,
    /// How many trusted files write it.
    pub trusted_files: usize,
}

impl Form {
    /// How many times it is written.
    pub fn count(&self) -> usize {
        self.occurrences.len()
    }

    /// Its first place (forms always have one).
    pub fn first(&self) -> &Occurrence {
        &self.occurrences[0]
    }

    /// Its first place in a trusted file, if any.
    pub fn first_trusted(&self, trusted: &dyn Fn(FileId) -> bool) -> Option<&Occurrence> {
        self.occurrences.iter().find(|o| trusted(o.file))
    }

    /// Its first place in `file`, else its first place.
    pub fn nearest(&self, file: FileId) -> &Occurrence {
        self.occurrences
            .iter()
            .find(|o| o.file == file)
            .unwrap_or(self.first())
    }

    /// The blocks it is written in, as (file, block), sorted.
    pub fn blocks(&self) -> impl Iterator<Item = (FileId, u32)> + '_ {
        self.occurrences.iter().map(|o| (o.file, o.block))
    }
}

/// The forms of a project from (key, written text, places) groups, in key order. Groups
/// with one key are one form, written as its most frequent text.
pub fn build<'a>(
    groups: impl Iterator<Item = (String, &'a str, Vec<Occurrence>)>,
    trusted: &dyn Fn(FileId) -> bool,
) -> Vec<Form> {
    type Gathered<'a> = (Vec<(&'a str, usize)>, Vec<Occurrence>);
    let mut by_key: FnvHashMap<String, Gathered<'a>> = FnvHashMap::default();
    for (key, written, occurrences) in groups {
        if occurrences.is_empty() {
            continue;
        }
        let entry = by_key.entry(key).or_default();
        match entry.0.iter_mut().find(|(w, _)| *w == written) {
            Some((_, n)) => *n += occurrences.len(),
            None => entry.0.push((written, occurrences.len())),
        }
        entry.1.extend(occurrences);
    }
    let mut forms: Vec<Form> = by_key
        .into_iter()
        .map(|(key, (written, mut occurrences))| {
            occurrences.sort_by_key(|o| (o.file, o.span.start));
            // The most frequent writing; the alphabetically first among equals.
            let text = written
                .iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(w, _)| w.to_string())
                .unwrap_or_default();
            let mut files = 0;
            let mut trusted_files = 0;
            let mut last = None;
            for o in &occurrences {
                if last != Some(o.file) {
                    files += 1;
                    trusted_files += usize::from(trusted(o.file));
                    last = Some(o.file);
                }
            }
            let trusted_places = occurrences.iter().filter(|o| trusted(o.file)).count();
            Form {
                text,
                key,
                files,
                trusted: trusted_places,
                trusted_files,
                occurrences,
            }
        })
        .collect();
    forms.sort_unstable_by(|a, b| a.key.cmp(&b.key));
    forms
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// An occurrence in `file`, block `block`, at `start`.
    pub(crate) fn at(file: FileId, block: u32, start: usize) -> Occurrence {
        Occurrence {
            file,
            span: start..start + 1,
            block,
            fixable: true,
        }
    }

    #[test]
    fn forms_count_places_files_and_trusted_sources() {
        let forms = build(
            [
                ("a".to_string(), "A", vec![at(2, 0, 5), at(0, 1, 9)]),
                ("a".to_string(), "a", vec![at(0, 0, 1)]),
                ("b".to_string(), "B", vec![at(1, 0, 0)]),
            ]
            .into_iter(),
            &|f| f == 2,
        );
        assert_eq!(forms.len(), 2);
        let a = &forms[0];
        assert_eq!((a.text.as_str(), a.count(), a.files), ("A", 3, 2));
        assert_eq!((a.trusted, a.trusted_files), (1, 1));
        assert_eq!(a.first().span.start, 1);
        assert_eq!(a.nearest(2).file, 2);
    }
}
