//! Near misses: how close a phrase must be to a name to be a slip of it. Length-aware
//! (short names are never guessed at), word by word (another word is another name), and
//! blind to inflection (a plural is not a misspelling).

use crate::pack::names::{NameIndex, NearMiss, fold};

impl NameIndex {
    /// The one entity name `phrase` is a near miss of, if there is exactly one.
    ///
    /// Length-aware: names under five letters are never guessed at, up to eleven letters
    /// allow one edit, longer names two. The first letter must agree, and a phrase that is
    /// equally close to two different entities is left alone.
    pub fn near_miss(&self, phrase: &str) -> Option<NearMiss> {
        let first = fold(phrase.chars().next()?);
        let candidates = self.near_targets.get(&first)?;
        let phrase_lower = phrase.to_lowercase();
        let phrase_len = phrase_lower.chars().count();
        let phrase_words = phrase.split_whitespace().count();
        let mut best: Option<(usize, usize)> = None;
        let mut tied_other_entity = false;
        for &i in candidates {
            let form = &self.forms[i];
            let form_len = form.text.chars().count();
            let allowed = allowed_edits(form_len);
            if allowed == 0 || phrase_len.abs_diff(form_len) > allowed {
                continue;
            }
            if phrase_words.abs_diff(form.text.split_whitespace().count()) > 1 {
                continue;
            }
            let form_lower = form.text.to_lowercase();
            if is_inflection(&phrase_lower, &form_lower) {
                return None;
            }
            let d = strsim::osa_distance(&phrase_lower, &form_lower);
            if d == 0 {
                return None;
            }
            if d > allowed || !words_align(&phrase_lower, &form_lower) {
                continue;
            }
            match best {
                Some((bd, bi)) if d > bd || (d == bd && self.forms[bi].target == form.target) => {}
                Some((bd, bi)) if d == bd => {
                    // Same distance, different entity: ambiguous unless something closer turns up.
                    tied_other_entity = self.forms[bi].target != form.target;
                }
                _ => {
                    best = Some((d, i));
                    tied_other_entity = false;
                }
            }
        }
        let (_, form) = best?;
        (!tied_other_entity).then_some(NearMiss { form })
    }
}

/// How many edits a name of `len` characters may differ by and still be a near miss:
/// none under five, one up to eleven, two from twelve.
pub fn allowed_edits(len: usize) -> usize {
    match len {
        0..=4 => 0,
        5..=11 => 1,
        _ => 2,
    }
}

/// Whether two words of one edit apart differ by a changed letter (not an added, dropped
/// or swapped one): "Force" and "Forge" are two words, "Lisst" is a slip for "List".
fn substitution(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len() {
        return false;
    }
    let mut sorted = (a.clone(), b.clone());
    sorted.0.sort_unstable();
    sorted.1.sort_unstable();
    sorted.0 != sorted.1
}

/// Whether a near miss differs from a name word by word, each word only a little:
/// "Planitai" for "Planitia" is a slip, "Roman Empire" for "Romulan Empire" and "Deep
/// Space Five" for "Deep Space Nine" are other names. Words may be split or joined
/// ("Jane Way" for "Janeway"). Both texts are lower case, words separated by one space.
pub(crate) fn words_align(phrase: &str, form: &str) -> bool {
    let p: Vec<&str> = phrase.split(' ').collect();
    let f: Vec<&str> = form.split(' ').collect();
    let pairwise = |a: &[String], b: &[&str]| {
        a.iter().zip(b).all(|(x, y)| {
            let d = strsim::osa_distance(x, y);
            d == 0
                || (d <= 1 && (y.chars().count() >= 6 || !substitution(x, y)))
                || (d <= 2 && y.chars().count() >= 11)
        })
    };
    let joined = |words: &[&str], at: usize| -> Vec<String> {
        let mut out: Vec<String> = words[..at].iter().map(|w| w.to_string()).collect();
        out.push(format!("{}{}", words[at], words[at + 1]));
        out.extend(words[at + 2..].iter().map(|w| w.to_string()));
        out
    };
    let owned = |words: &[&str]| -> Vec<String> { words.iter().map(|w| w.to_string()).collect() };
    match p.len().cmp(&f.len()) {
        std::cmp::Ordering::Equal => pairwise(&owned(&p), &f),
        std::cmp::Ordering::Greater if p.len() == f.len() + 1 => {
            (0..p.len() - 1).any(|at| pairwise(&joined(&p, at), &f))
        }
        std::cmp::Ordering::Less if f.len() == p.len() + 1 => (0..f.len() - 1).any(|at| {
            let f_joined = joined(&f, at);
            let f_refs: Vec<&str> = f_joined.iter().map(String::as_str).collect();
            pairwise(&owned(&p), &f_refs)
        }),
        _ => false,
    }
}

/// A plural, singular or possessive of the form is not a misspelling of it
/// ("Picards", "Reichenbach Fall" for "Reichenbach Falls").
pub(crate) fn is_inflection(phrase: &str, form: &str) -> bool {
    let ending = |long: &str, short: &str| {
        long.strip_prefix(short)
            .is_some_and(|rest| matches!(rest, "s" | "es" | "'s" | "\u{2019}s" | "'"))
    };
    ending(phrase, form) || ending(form, phrase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::names::tests::{entity, index};

    #[test]
    fn near_misses_need_one_clear_target() {
        let idx = index();
        let near = |p: &str| idx.near_miss(p).map(|n| idx.forms[n.form].text.as_str());
        assert_eq!(near("Utopia Planitai"), Some("Utopia Planitia"));
        assert_eq!(near("Jean-Luc Piccard"), Some("Jean-Luc Picard"));
        assert_eq!(near("Utopia Planitia"), None);
        assert_eq!(near("Picards"), None);
        assert_eq!(near("Marit"), None, "as close to Maris as to Marin");
        assert_eq!(near("Ohh"), None, "short names are never guessed at");
        assert_eq!(near("Jean-Luc Picar"), Some("Jean-Luc Picard"));
        assert_eq!(near("Utopia Planitiaa"), Some("Utopia Planitia"));
    }

    #[test]
    fn other_names_are_not_near_misses() {
        let idx = NameIndex::build(
            &[
                entity("re", "Romulan Empire", &[], &[]),
                entity("ds9", "Deep Space Nine", &[], &[]),
                entity("kj", "Kathryn Janeway", &[], &[]),
            ],
            &[],
        );
        let near = |p: &str| idx.near_miss(p).map(|n| idx.forms[n.form].text.as_str());
        assert_eq!(near("Roman Empire"), None);
        assert_eq!(near("Deep Space Five"), None);
        assert_eq!(near("Kathryn Jane Way"), Some("Kathryn Janeway"));
    }
}
