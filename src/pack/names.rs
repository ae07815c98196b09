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
use crate::pack::squeeze::{NORMALISED, squeeze};

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
}

/// The compiled name matcher.
#[derive(Debug, Default)]
pub struct NameIndex {
    /// Every form, in a stable order.
    pub forms: Vec<Form>,
    automaton: Option<AhoCorasick>,
    /// Correct, proper-name forms by their lower-case first letter: near-miss targets.
    pub(crate) near_targets: HashMap<char, Vec<usize>>,
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
        for (i, form) in forms.iter().enumerate() {
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
}

pub(crate) fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
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

/// A descriptive name ("attack on Mars", "Mars attack") rather than a proper one ("Siege
/// of Harrowgate"): a word in it starts lower case and is not a connector.
fn descriptive(form: &str) -> bool {
    form.split_whitespace()
        .any(|w| w.starts_with(char::is_lowercase) && !NAME_CONNECTORS.contains(&w))
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
pub(crate) mod tests {
    use super::*;
    use crate::pack::model::Origin;

    pub(crate) fn entity(id: &str, name: &str, aliases: &[&str], wrong: &[&str]) -> Entity {
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

    pub(crate) fn index() -> NameIndex {
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
        let idx = NameIndex::build(&[entity("ma", "Mars attack", &[], &[])], &[]);
        assert!(idx.find_all("a Mars attack", "a Mars attack").is_empty());
    }
}
