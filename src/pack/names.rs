//! The name index: one Aho-Corasick automaton over every canonical name, alias, known
//! misspelling and named day of the run's packs, plus the near-miss search that catches
//! misspellings no pack lists.
//!
//! Matching is whole-word and case-aware: a name matches as written, or with its first
//! letter raised at the start of a sentence ("the Mars attack" -> "The Mars attack"), or
//! in capitals when it is long enough not to be a common word ("UTOPIA PLANITIA").
//! Possessives and plurals ("Picard's", "Romulans") map to their entity.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::pack::model::{Day, Entity, EntityId, EntityKind};

/// What a form names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// An entity.
    Entity(EntityId),
    /// A named day (index into `Canon::days`).
    Day(usize),
}

/// Whether a form is right or a known mistake.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    /// The canonical name.
    Canonical,
    /// Another correct name.
    Alias,
    /// A known wrong spelling.
    Misspelling,
}

/// One spelling the index knows.
#[derive(Debug, Clone)]
pub struct Form {
    /// The spelling.
    pub text: String,
    /// What it names.
    pub target: Target,
    /// Right or wrong.
    pub kind: FormKind,
    /// Names an event, which has no plural ("Mars attacks" are not the attack on Mars).
    pub singular: bool,
}

/// A whole-word occurrence of a known form in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMatch {
    /// The bytes of the name itself, without a possessive or plural ending.
    pub span: Range<usize>,
    /// Index into `NameIndex::forms`.
    pub form: usize,
}

/// A near miss: a phrase close to exactly one entity's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NearMiss {
    /// The closest form.
    pub form: usize,
    /// Its edit distance from the phrase.
    pub distance: usize,
}

/// The compiled name matcher.
#[derive(Debug, Default)]
pub struct NameIndex {
    /// Every form, in a stable order.
    pub forms: Vec<Form>,
    automaton: Option<AhoCorasick>,
    /// Correct, proper-name forms by their lower-case first letter: near-miss targets.
    near_targets: HashMap<char, Vec<usize>>,
    /// Every form by its lower-case spelling.
    by_lower: HashMap<String, Vec<usize>>,
}

/// Lower-case words that may sit inside a proper name without breaking it.
const NAME_CONNECTORS: [&str; 8] = ["of", "de", "la", "von", "van", "der", "du", "the"];

impl NameIndex {
    /// Builds the index over entities and named days.
    pub fn build(entities: &[Entity], days: &[Day]) -> NameIndex {
        let mut forms = Vec::new();
        for (id, entity) in entities.iter().enumerate() {
            let target = Target::Entity(id);
            let singular = entity.kind == EntityKind::Event;
            forms.push(Form {
                text: entity.name.clone(),
                target,
                kind: FormKind::Canonical,
                singular,
            });
            for alias in &entity.aliases {
                forms.push(Form {
                    text: alias.clone(),
                    target,
                    kind: FormKind::Alias,
                    singular,
                });
            }
            for wrong in &entity.misspellings {
                forms.push(Form {
                    text: wrong.clone(),
                    target,
                    kind: FormKind::Misspelling,
                    singular,
                });
            }
        }
        for (id, day) in days.iter().enumerate() {
            forms.push(Form {
                text: day.name.clone(),
                target: Target::Day(id),
                kind: FormKind::Canonical,
                singular: true,
            });
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(forms.iter().map(|f| f.text.as_str()))
            .ok();
        let mut near_targets: HashMap<char, Vec<usize>> = HashMap::new();
        let mut by_lower: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, form) in forms.iter().enumerate() {
            by_lower
                .entry(form.text.to_lowercase())
                .or_default()
                .push(i);
            if form.kind != FormKind::Misspelling && is_proper_name(&form.text) {
                if let Some(first) = form.text.chars().next() {
                    near_targets.entry(fold(first)).or_default().push(i);
                }
            }
        }
        NameIndex {
            forms,
            automaton,
            near_targets,
            by_lower,
        }
    }

    /// Every whole-word occurrence of a known form, leftmost-longest, not overlapping.
    /// Any run of whitespace in the text matches the single space of a name, so a name
    /// broken across a line ("Siege of\n   Harrowgate") is still found.
    ///
    /// `text` is a prose view and `original` the file's bytes at the same offsets: a gap
    /// that was markup in the original (`*Utopia* Planitia`, a code span) is not a space,
    /// so names never match across markup. Curly apostrophes and non-breaking hyphens
    /// match their plain forms ("Dal R’El").
    pub fn find_all(&self, text: &str, original: &str) -> Vec<NameMatch> {
        let special = |c: char| {
            (c.is_whitespace() && c != ' ') || NORMALISED.iter().any(|(from, _)| *from == c)
        };
        if text == original && !text.contains(special) && !text.contains("  ") {
            return self.find_all_spaced(text);
        }
        let (squeezed, map) = squeeze(text, original);
        let mut found = self.find_all_spaced(&squeezed);
        for m in &mut found {
            m.span = map[m.span.start]..map[m.span.end];
        }
        found
    }

    /// `find_all` on a text whose only whitespace is single spaces.
    fn find_all_spaced(&self, text: &str) -> Vec<NameMatch> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let mut found: Vec<NameMatch> = automaton
            .find_overlapping_iter(text)
            .filter(|m| {
                let form = &self.forms[m.pattern().as_usize()];
                case_fits(&text[m.start()..m.end()], &form.text)
                    && whole_word(text, m.start(), m.end(), !form.singular)
                    && (!descriptive(&form.text) || after_the(&text[..m.start()]))
            })
            .map(|m| NameMatch {
                span: m.start()..m.end(),
                form: m.pattern().as_usize(),
            })
            .collect();
        found.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        let mut chosen: Vec<NameMatch> = Vec::with_capacity(found.len());
        for m in found {
            if chosen
                .last()
                .is_none_or(|last| m.span.start >= last.span.end)
            {
                chosen.push(m);
            }
        }
        chosen
    }

    /// Forms spelled like `text`, ignoring case.
    pub fn exact(&self, text: &str) -> &[usize] {
        self.by_lower
            .get(&text.to_lowercase())
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

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
        let (distance, form) = best?;
        (!tied_other_entity).then_some(NearMiss { form, distance })
    }
}

/// Characters matched as their plain forms.
const NORMALISED: [(char, char); 4] = [
    ('\u{2019}', '\''),
    ('\u{2018}', '\''),
    ('\u{2010}', '-'),
    ('\u{2011}', '-'),
];

/// Stands for a gap that was markup: not a space, not a letter.
const BARRIER: char = '\u{1}';

/// The prose with each whitespace run made one space (or a barrier where the original
/// had markup there) and typographic characters made plain, and for each of its bytes (and
/// its end) the byte it comes from.
fn squeeze(text: &str, original: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    // The start of the whitespace run being read, and whether any of it was markup.
    let mut run: Option<(usize, bool)> = None;
    let real_space =
        |i: usize| original.is_char_boundary(i) && original[i..].starts_with(char::is_whitespace);
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            let markup = !real_space(i);
            run = Some(match run {
                Some((start, m)) => (start, m || markup),
                None => (i, markup),
            });
            continue;
        }
        if let Some((start, markup)) = run.take() {
            out.push(if markup { BARRIER } else { ' ' });
            map.push(start);
        }
        let c = NORMALISED
            .iter()
            .find(|(from, _)| *from == c)
            .map_or(c, |(_, to)| *to);
        let before = out.len();
        out.push(c);
        map.extend(std::iter::repeat_n(i, out.len() - before));
    }
    if let Some((start, markup)) = run {
        out.push(if markup { BARRIER } else { ' ' });
        map.push(start);
    }
    map.push(text.len());
    (out, map)
}

fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
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

/// Whether a near miss differs from a name word by word, each word only a little:
/// "Planitai" for "Planitia" is a slip, "Roman Empire" for "Romulan Empire" and "Deep
/// Space Five" for "Deep Space Nine" are other names. Words may be split or joined
/// ("Jane Way" for "Janeway"). Both texts are lower case, words separated by one space.
fn words_align(phrase: &str, form: &str) -> bool {
    let p: Vec<&str> = phrase.split(' ').collect();
    let f: Vec<&str> = form.split(' ').collect();
    let pairwise = |a: &[String], b: &[&str]| {
        a.iter().zip(b).all(|(x, y)| {
            let d = strsim::osa_distance(x, y);
            d == 0 || (d <= 1 && y.chars().count() >= 4) || (d <= 2 && y.chars().count() >= 11)
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
fn is_inflection(phrase: &str, form: &str) -> bool {
    let ending = |long: &str, short: &str| {
        long.strip_prefix(short)
            .is_some_and(|rest| matches!(rest, "s" | "es" | "'s" | "\u{2019}s" | "'"))
    };
    ending(phrase, form) || ending(form, phrase)
}

/// A proper name: every word capitalised, except connectors like "of".
fn is_proper_name(text: &str) -> bool {
    text.split_whitespace().all(|word| {
        word.chars().next().is_some_and(char::is_uppercase) || NAME_CONNECTORS.contains(&word)
    })
}

/// Case rules for a match: as written; with the first letter raised; or in capitals when
/// the name is long enough not to be an interjection.
fn case_fits(found: &str, form: &str) -> bool {
    if found == form {
        return true;
    }
    let mut f = found.chars();
    let mut p = form.chars();
    if let (Some(a), Some(b)) = (f.next(), p.next()) {
        if b.is_lowercase()
            && a.is_uppercase()
            && a.to_lowercase().eq(b.to_lowercase())
            && f.as_str() == p.as_str()
        {
            return true;
        }
    }
    form.chars().filter(|c| c.is_alphabetic()).count() >= 4
        && found.chars().all(|c| !c.is_lowercase())
        && found.to_uppercase() == form.to_uppercase()
}

/// Whole words: no letter or digit just before; just after, nothing, a possessive, or
/// (where `plural` allows) a plural ending.
fn whole_word(text: &str, start: usize, end: usize, plural: bool) -> bool {
    let before_ok = text[..start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    before_ok && suffix_len(&text[end..]).is_some_and(|n| plural || n == 0)
}

/// A descriptive name ("attack on Mars") rather than a proper one: it starts lower case.
fn descriptive(form: &str) -> bool {
    form.starts_with(char::is_lowercase)
}

/// A descriptive name names the entity only with "the" before it ("the attack on Mars",
/// not "a Klingon attack on Mars"), or at the start of a block (a heading).
fn after_the(before: &str) -> bool {
    let before = before.trim_end();
    if before.is_empty() {
        return true;
    }
    if before.ends_with(|c: char| !c.is_alphanumeric()) {
        return false;
    }
    // The words before, nearest first; a year may stand between ("the 2386 attack").
    let mut words = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let mut word = words.next();
    if word.is_some_and(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit())) {
        word = words.next();
    }
    word.is_some_and(|w| w.eq_ignore_ascii_case("the"))
}

/// The length of a possessive or plural ending at the start of `rest`, if `rest` starts at
/// a word boundary (0) or with such an ending.
pub fn suffix_len(rest: &str) -> Option<usize> {
    let boundary = |s: &str| s.chars().next().is_none_or(|c| !c.is_alphanumeric());
    if boundary(rest) {
        // Also covers possessives: an apostrophe is a boundary.
        return Some(0);
    }
    for plural in ["s", "es"] {
        if let Some(after) = rest.strip_prefix(plural) {
            if boundary(after) {
                return Some(plural.len());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::model::Origin;

    fn entity(id: &str, name: &str, aliases: &[&str], wrong: &[&str]) -> Entity {
        Entity {
            id: id.into(),
            kind: EntityKind::Place,
            name: name.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            misspellings: wrong.iter().map(|s| s.to_string()).collect(),
            ranks: vec![],
            performer: None,
            standalone: true,
            complete: false,
            origin: Origin {
                pack: 0,
                span: 0..0,
            },
            spans: Default::default(),
        }
    }

    fn index() -> NameIndex {
        NameIndex::build(
            &[
                entity(
                    "up",
                    "Utopia Planitia",
                    &["Utopia Planitia Fleet Yards"],
                    &["Utopia Plantia"],
                ),
                entity("mars", "Mars", &[], &[]),
                entity("attack", "attack on Mars", &["the Mars attack"], &[]),
                entity("picard", "Jean-Luc Picard", &["Picard"], &[]),
                entity("oh", "Oh", &[], &[]),
                entity("maris", "Maris", &[], &[]),
                entity("marin", "Marin", &[], &[]),
            ],
            &[],
        )
    }

    fn found(text: &str) -> Vec<&str> {
        index()
            .find_all(text, text)
            .into_iter()
            .map(|m| &text[m.span])
            .collect()
    }

    #[test]
    fn longest_whole_word_matches_win() {
        assert_eq!(
            found("The attack on Mars hit Utopia Planitia Fleet Yards."),
            ["attack on Mars", "Utopia Planitia Fleet Yards"]
        );
    }

    #[test]
    fn possessives_and_plurals_map_to_the_name() {
        assert_eq!(
            found("Picard's ship; the Picards; Marsh"),
            ["Picard", "Picard"]
        );
    }

    #[test]
    fn sentence_start_may_raise_the_first_letter_only() {
        assert_eq!(
            found("The Mars attack. oh dear, Oh."),
            ["The Mars attack", "Oh"]
        );
        assert_eq!(found("UTOPIA PLANITIA and OH"), ["UTOPIA PLANITIA"]);
    }

    #[test]
    fn names_broken_across_lines_are_found_with_their_real_span() {
        let text = "at Utopia\n    Planitia Fleet Yards, and UTOPIA  PLANITIA";
        assert_eq!(
            found(text),
            ["Utopia\n    Planitia Fleet Yards", "UTOPIA  PLANITIA"]
        );
    }

    #[test]
    fn names_never_match_across_markup() {
        let original = "*Utopia* Planitia and Utopia `x` Planitia";
        let prose = " Utopia  Planitia and Utopia     Planitia";
        assert!(index().find_all(prose, original).is_empty());
    }

    #[test]
    fn typographic_characters_match_plain_forms() {
        assert_eq!(
            found("Jean\u{2011}Luc Picard\u{2019}s letter"),
            ["Jean\u{2011}Luc Picard"]
        );
    }

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

    #[test]
    fn descriptive_names_need_the_and_events_have_no_plural() {
        assert_eq!(
            found("A Klingon attack on Mars; the attack on Mars"),
            ["Mars", "attack on Mars"]
        );
        let mut event = entity("ma", "Mars attack", &[], &[]);
        event.kind = EntityKind::Event;
        let idx = NameIndex::build(&[event], &[]);
        assert!(
            idx.find_all("Pulp Mars attacks", "Pulp Mars attacks")
                .is_empty()
        );
        assert_eq!(
            idx.find_all("the Mars attack's end", "the Mars attack's end")
                .len(),
            1
        );
        assert_eq!(found("attack on Mars, day one"), ["attack on Mars"]);
        assert_eq!(found("the 2386 attack on Mars"), ["attack on Mars"]);
    }
}
