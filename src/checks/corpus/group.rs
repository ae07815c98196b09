//! Which forms are one name written several ways: forms joined by the check's variant
//! relation, minus the pairs that are distinct names.
//!
//! Two similar forms are distinct names, never variants of one, when they are written in
//! the same block anywhere (the twins Maris and Marin, named together), or when both are
//! established: each written at least three times in at least two files (a river Corven
//! and a knight Corwen). The second rule does not protect a form from a trusted one:
//! trusted sources win whatever the counts.

use std::collections::{BTreeMap, BTreeSet};

use crate::checks::corpus::forms::Form;

/// How often, and in how many files, a form must be written to be a name of its own.
const ESTABLISHED_COUNT: usize = 3;
/// See `ESTABLISHED_COUNT`.
const ESTABLISHED_FILES: usize = 2;

/// Whether a form is written often enough, in enough files, to be a name of its own.
pub fn established(form: &Form) -> bool {
    form.count() >= ESTABLISHED_COUNT && form.files >= ESTABLISHED_FILES
}

/// Whether two forms are written in one block somewhere.
pub fn together(a: &Form, b: &Form) -> bool {
    // Both lists are sorted: blocks follow the text.
    let (mut x, mut y) = (a.blocks().peekable(), b.blocks().peekable());
    while let (Some(p), Some(q)) = (x.peek(), y.peek()) {
        match p.cmp(q) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => {
                x.next();
            }
            std::cmp::Ordering::Greater => {
                y.next();
            }
        }
    }
    false
}

/// Whether two similar forms are distinct names.
pub fn distinct(a: &Form, b: &Form) -> bool {
    let one_trusted = (a.trusted > 0) != (b.trusted > 0);
    together(a, b) || (established(a) && established(b) && !one_trusted)
}

/// Forms that are one name written several ways.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Indices into the project's forms, ascending.
    pub members: Vec<usize>,
    /// The pairs (lower index first) the variant relation joined directly.
    pairs: BTreeSet<(usize, usize)>,
}

impl Group {
    /// Whether two members are variants of each other directly, not through a third.
    pub fn related(&self, a: usize, b: usize) -> bool {
        self.pairs.contains(&(a.min(b), a.max(b)))
    }

    /// Whether every two members are variants of each other directly.
    pub fn whole(&self) -> bool {
        let n = self.members.len();
        self.pairs.len() == n * (n - 1) / 2
    }
}

/// The groups of two or more forms that `pairs` (variant pairs, in any order) join, once
/// distinct pairs are dropped; in order of their first member.
pub fn groups(forms: &[Form], pairs: impl IntoIterator<Item = (usize, usize)>) -> Vec<Group> {
    let mut parent: Vec<usize> = (0..forms.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut kept = BTreeSet::new();
    for (a, b) in pairs {
        let (a, b) = (a.min(b), a.max(b));
        if a == b || distinct(&forms[a], &forms[b]) {
            continue;
        }
        kept.insert((a, b));
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        parent[ra.max(rb)] = ra.min(rb);
    }
    let mut by_root: BTreeMap<usize, Group> = BTreeMap::new();
    for (a, b) in kept {
        let r = root(&mut parent, a);
        let group = by_root.entry(r).or_insert_with(|| Group {
            members: Vec::new(),
            pairs: BTreeSet::new(),
        });
        group.members.extend([a, b]);
        group.pairs.insert((a, b));
    }
    by_root
        .into_values()
        .map(|mut g| {
            g.members.sort_unstable();
            g.members.dedup();
            g
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::corpus::forms::{Occurrence, build, tests::at};

    /// Forms "a", "b", "c"... from (key, places) lists.
    fn forms(spec: &[(&str, &[Occurrence])]) -> Vec<Form> {
        build(
            spec.iter()
                .map(|(k, places)| (k.to_string(), *k, places.to_vec())),
            &|_| false,
        )
    }

    #[test]
    fn forms_in_one_block_or_both_established_are_distinct() {
        let f = forms(&[
            ("maribel", &[at(0, 3, 0), at(1, 0, 0)]),
            ("marabel", &[at(0, 3, 9)]),
        ]);
        assert!(together(&f[0], &f[1]) && distinct(&f[0], &f[1]));
        let f = forms(&[
            ("corven", &[at(0, 0, 0), at(1, 0, 0), at(1, 1, 0)]),
            ("corwen", &[at(2, 0, 0), at(3, 0, 0), at(3, 5, 0)]),
        ]);
        assert!(!together(&f[0], &f[1]) && distinct(&f[0], &f[1]));
        let f = forms(&[
            ("corven", &[at(0, 0, 0), at(1, 0, 0), at(1, 1, 0)]),
            ("corwen", &[at(2, 0, 0), at(3, 0, 0)]),
        ]);
        assert!(!distinct(&f[0], &f[1]), "two places are not established");
    }

    #[test]
    fn groups_join_pairs_and_remember_which_are_direct() {
        let f = forms(&[
            ("a", &[at(0, 0, 0)]),
            ("b", &[at(1, 0, 0)]),
            ("c", &[at(2, 0, 0)]),
            ("d", &[at(3, 0, 0)]),
            ("e", &[at(3, 0, 5)]),
        ]);
        let g = groups(&f, [(1, 0), (1, 2), (3, 4)]);
        assert_eq!(g.len(), 1, "d and e share a block");
        assert_eq!(g[0].members, [0, 1, 2]);
        assert!(g[0].related(1, 0) && !g[0].related(0, 2) && !g[0].whole());
    }
}
