//! Which spelling of a group wins, if one does.
//!
//! A spelling written in a trusted source wins whatever the counts. When trusted sources
//! write more than one, the one they write far more often wins among them. With no
//! trusted spelling, a spelling wins when it dominates every other: written at least
//! three times, at least three times as often as the other, and in at least as many
//! files. The other spellings must each be a direct variant of the winner (not only of a
//! variant of it). When no spelling wins and every two are direct variants, the group is
//! reported once, as a tie; otherwise it is left alone.

use crate::checks::corpus::forms::Form;
use crate::checks::corpus::group::Group;

/// The fewest places a winning spelling needs.
const DOMINANT_COUNT: usize = 3;
/// How many times as often as each other spelling a winner is written.
const DOMINANT_RATIO: usize = 3;

/// What to report about a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// `target` is the spelling; every place of each of `wrong` is reported against it.
    Fix {
        /// The winning form.
        target: usize,
        /// The forms to correct.
        wrong: Vec<usize>,
        /// It won by being written in a trusted source.
        trusted: bool,
    },
    /// No spelling prevails: one finding lists them all.
    Tie {
        /// The trusted sources themselves disagree.
        trusted: bool,
    },
    /// Nothing to report.
    Silent,
}

/// How much a form is written: (places, files).
type Measure = fn(&Form) -> (usize, usize);

/// Whether a spelling written `(count, files)` prevails over one written `other`.
pub fn dominates((count, files): (usize, usize), (other, other_files): (usize, usize)) -> bool {
    count >= DOMINANT_COUNT && count >= DOMINANT_RATIO * other && files >= other_files
}

/// Decides a group.
pub fn decide(forms: &[Form], group: &Group) -> Verdict {
    let trusted: Vec<usize> = group
        .members
        .iter()
        .copied()
        .filter(|&m| forms[m].trusted > 0)
        .collect();
    let (candidates, measure): (&[usize], Measure) = if trusted.is_empty() {
        (&group.members, |f| (f.count(), f.files))
    } else {
        (&trusted, |f| (f.trusted, f.trusted_files))
    };
    // The most written, then the earliest written.
    let Some(&best) = candidates.iter().max_by(|&&a, &&b| {
        measure(&forms[a]).cmp(&measure(&forms[b])).then_with(|| {
            let key = |f: &Form| (f.first().file, f.first().span.start);
            key(&forms[b]).cmp(&key(&forms[a]))
        })
    }) else {
        return Verdict::Silent;
    };
    let prevails = candidates.len() == 1
        || candidates
            .iter()
            .filter(|&&c| c != best)
            .all(|&c| dominates(measure(&forms[best]), measure(&forms[c])));
    if !prevails {
        return if !trusted.is_empty() || group.whole() {
            Verdict::Tie {
                trusted: !trusted.is_empty(),
            }
        } else {
            Verdict::Silent
        };
    }
    let wrong: Vec<usize> = group
        .members
        .iter()
        .copied()
        .filter(|&m| m != best)
        .collect();
    if !wrong.iter().all(|&w| group.related(best, w)) {
        return Verdict::Silent;
    }
    Verdict::Fix {
        target: best,
        wrong,
        trusted: !trusted.is_empty(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::corpus::forms::{Occurrence, build, tests::at};
    use crate::checks::corpus::group::groups;

    /// The verdict on forms 0.. given as place lists, all variants of each other; files
    /// from 10 on are trusted.
    fn verdict(spec: &[&[Occurrence]]) -> Verdict {
        let keys: Vec<String> = (0..spec.len()).map(|i| format!("f{i}")).collect();
        let forms = build(
            spec.iter()
                .enumerate()
                .map(|(i, places)| (keys[i].clone(), keys[i].as_str(), places.to_vec())),
            &|f| f >= 10,
        );
        let n = forms.len();
        let pairs = (0..n).flat_map(|a| (a + 1..n).map(move |b| (a, b)));
        let found = groups(&forms, pairs);
        assert_eq!(found.len(), 1);
        decide(&forms, &found[0])
    }

    fn nine_in_four_files() -> Vec<Occurrence> {
        (0..9).map(|i| at(i % 4, i as u32, i * 10)).collect()
    }

    #[test]
    fn a_spelling_written_far_more_often_wins() {
        let rare = [at(5, 0, 0)];
        assert_eq!(
            verdict(&[&nine_in_four_files(), &rare]),
            Verdict::Fix {
                target: 0,
                wrong: vec![1],
                trusted: false
            }
        );
    }

    #[test]
    fn close_counts_are_a_tie() {
        let a = [at(0, 0, 0), at(1, 0, 0)];
        let b = [at(2, 0, 0), at(3, 0, 0)];
        assert_eq!(verdict(&[&a, &b]), Verdict::Tie { trusted: false });
        let a = [at(0, 0, 0), at(0, 1, 0), at(0, 2, 0)];
        let b = [at(2, 0, 0), at(3, 0, 0)];
        assert_eq!(
            verdict(&[&a, &b]),
            Verdict::Tie { trusted: false },
            "three places in one file do not prevail over one place in each of two"
        );
    }

    #[test]
    fn a_trusted_spelling_wins_whatever_the_counts() {
        let trusted = [at(10, 0, 0)];
        assert_eq!(
            verdict(&[&nine_in_four_files(), &trusted]),
            Verdict::Fix {
                target: 1,
                wrong: vec![0],
                trusted: true
            }
        );
    }

    #[test]
    fn dominance_needs_three_places_three_times_as_many_and_as_many_files() {
        assert!(dominates((3, 1), (1, 1)));
        assert!(!dominates((2, 2), (0, 0)));
        assert!(!dominates((8, 4), (3, 1)));
        assert!(!dominates((9, 2), (1, 3)));
    }
}
