//! What makes two spellings of a name one name written two ways, for `corpus-name` and
//! `corpus-title`: the same letters but for spacing, or a slip by the near-miss rules of
//! pack names (`pack::near`), made stricter since neither side is known to be right.

use crate::pack::near::{allowed_edits, is_inflection, words_align};

/// The key a name is compared by: its capitalisation at the start of each word (or part
/// of a hyphenated word) is style, not spelling ("Red-Headed League", "Red-headed
/// League"; "The Science Of Deduction", "The Science of Deduction").
pub fn spelling(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word_start = true;
    for c in text.chars() {
        if word_start {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
        word_start = c.is_whitespace() || matches!(c, '-' | '\u{2010}' | '\u{2011}');
    }
    out
}

/// Whether two lower-case spellings with as many words are near misses of each other.
///
/// As for pack names (`pack::near`), and more strictly, since neither side is known to
/// be right: a word changed at its end is another word ("Russia", "Russian"; "Helen",
/// "Helena"), and "-man" / "-men" is a plural.
pub fn near(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    let allowed = allowed_edits(la.min(lb));
    if allowed == 0 || la.abs_diff(lb) > allowed || is_inflection(a, b) {
        return false;
    }
    let other_word = a
        .split(' ')
        .zip(b.split(' '))
        .any(|(x, y)| x != y && (is_inflection(x, y) || changed_at_end(x, y) || man_men(x, y)));
    let d = strsim::osa_distance(a, b);
    !other_word && d > 0 && d <= allowed && words_align(a, b)
}

/// Whether two different words differ only in their last letter or in letters added at
/// the end of one: a derived word, not a slip.
fn changed_at_end(x: &str, y: &str) -> bool {
    let shared = x.chars().zip(y.chars()).take_while(|(p, q)| p == q).count();
    shared + 1 >= x.chars().count().min(y.chars().count())
}

/// "Englishman" and "Englishmen".
fn man_men(x: &str, y: &str) -> bool {
    let stem = |w: &'_ str| {
        w.strip_suffix("man")
            .or_else(|| w.strip_suffix("men"))
            .map(str::to_string)
    };
    x != y && stem(x).is_some() && stem(x) == stem(y)
}

/// Letters only, lower case: "Harrow-Gate" and "Harrowgate" squash alike.
pub fn squash(lower: &str) -> String {
    lower
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{2010}' | '\u{2011}'))
        .collect()
}

/// Whether two different lower-case words are one with a letter doubled or two
/// neighbouring letters swapped ("vellmoor", "velmoor"; "elise", "elsie").
pub fn doubled_or_swapped(x: &str, y: &str) -> bool {
    if x.is_ascii() && y.is_ascii() {
        slip(x.as_bytes(), y.as_bytes())
    } else {
        slip(
            &x.chars().collect::<Vec<_>>(),
            &y.chars().collect::<Vec<_>>(),
        )
    }
}

/// `doubled_or_swapped` on letters.
fn slip<T: PartialEq>(x: &[T], y: &[T]) -> bool {
    let (long, short) = if x.len() >= y.len() { (x, y) } else { (y, x) };
    match long.len() - short.len() {
        0 => {
            let Some(i) = (0..long.len()).find(|&i| long[i] != short[i]) else {
                return false;
            };
            i + 1 < long.len()
                && long[i] == short[i + 1]
                && long[i + 1] == short[i]
                && long[i + 2..] == short[i + 2..]
        }
        1 => (1..long.len()).any(|i| {
            long[i] == long[i - 1] && long[..i] == short[..i] && long[i + 1..] == short[i..]
        }),
        _ => false,
    }
}

/// How often each letter a-z (and anything else, together) occurs, saturating.
pub fn letter_counts(lower: &str) -> [u8; 27] {
    let mut counts = [0u8; 27];
    for c in lower.chars() {
        let slot = if c.is_ascii_lowercase() {
            usize::from(c as u8 - b'a')
        } else {
            26
        };
        counts[slot] = counts[slot].saturating_add(1);
    }
    counts
}

/// Whether at most `n` words differ between two spellings with as many words (a cheap
/// test before the edit distance).
pub fn few_words_differ(a: &str, b: &str, n: usize) -> bool {
    a.split(' ')
        .zip(b.split(' '))
        .filter(|(x, y)| x != y)
        .count()
        <= n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spacing_transpositions_and_slips_are_variants() {
        assert_eq!(squash("harrow-gate"), squash("harrow gate"));
        assert!(near("harrowgate kepe", "harrowgate keep"));
        assert!(near("vellmoor", "velmoor"));
        assert!(near("harrowgate", "harowgate"));
    }

    #[test]
    fn short_names_other_words_and_inflections_are_not() {
        assert!(!near("sel", "sil"));
        assert!(!near("maris", "marin"), "a changed letter in a short word");
        assert!(!near("harrowgate keeps", "harrowgate keep"));
        assert!(!near("lord vell", "lord vale"));
        assert!(!near("russia", "russian") && !near("helen", "helena"));
        assert!(!near("nihilist", "nihilism") && !near("englishman", "englishmen"));
        assert_eq!(spelling("Red-Headed League"), spelling("Red-headed League"));
        assert_ne!(spelling("McFarlane"), spelling("Mcfarlane"));
    }

    #[test]
    fn one_word_slips_are_doubled_or_swapped_letters() {
        assert!(doubled_or_swapped("vellmoor", "velmoor"));
        assert!(doubled_or_swapped("elise", "elsie"));
        assert!(!doubled_or_swapped("moran", "morgan"));
        assert!(!doubled_or_swapped("victoria", "vittoria"));
        assert!(!doubled_or_swapped("abc", "cba"));
        assert!(doubled_or_swapped("harrowgate", "harrowgatte"));
        assert!(doubled_or_swapped("corvane", "corvnae"));
        assert!(doubled_or_swapped("abb", "ab") && doubled_or_swapped("aab", "ab"));
        assert!(!doubled_or_swapped("abc", "ab") && !doubled_or_swapped("same", "same"));
        assert!(doubled_or_swapped("cl\u{e9}e", "cle\u{e9}"));
    }
}
