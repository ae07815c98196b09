//! Name claims: every known spelling the automaton found, and capitalised proper-noun
//! phrases that are a near miss of one entity's name ("Utopia Planitai", "Jean-Luc
//! Piccard", "Kathryn Jane Way").
//!
//! A phrase is a run of capitalised words joined by whitespace (not markup), with
//! connectors such as "of" inside. The whole phrase is tried (or the phrase without the
//! word that opens its sentence), never a piece of it: "Mary Jane Way" is not "Janeway".
//! A lone capitalised word is only tried right after a rank ("Admiral Piccard"), and only
//! if it is long enough for one edit to be a slip.

use std::ops::Range;

use crate::extract::block::BlockText;
use crate::extract::{Claim, ClaimKind};
use crate::pack::model::EntityKind;
use crate::pack::names::Target;

/// The fewest letters a lone word after a rank needs to be tried as a near miss.
const MIN_LONE: usize = 7;

/// Adds name and near-name claims for one block.
pub fn extract(text: &BlockText, claims: &mut Vec<Claim>) {
    for m in &text.mentions {
        claims.push(Claim {
            span: m.span.clone(),
            dialogue: false,
            kind: ClaimKind::Name { form: m.form },
        });
    }
    for run in phrase_runs(text) {
        near_misses(text, run, claims);
    }
}

/// Runs of capitalised words (token-index ranges). Known names stay inside runs, so that
/// "Jean-Luc Piccard" is seen whole even though "Jean-Luc" is a name of its own.
fn phrase_runs(text: &BlockText) -> Vec<Range<usize>> {
    let connectors = &text.canon.vocab.connectors;
    // The pronoun "I" is capitalised but never part of a name.
    word_runs(
        text,
        |i| text.is_capitalised(i) && text.words[i] != "I",
        |i| connectors.contains(text.words[i]),
    )
}

/// Runs of name words joined by single spaces (token-index ranges), with one connector
/// between two name words allowed inside ("Siege of Harrowgate").
pub(crate) fn word_runs(
    text: &BlockText,
    name_word: impl Fn(usize) -> bool,
    connector: impl Fn(usize) -> bool,
) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < text.tokens.len() {
        if !name_word(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < text.tokens.len() && text.joined_by_space(end - 1) {
            if name_word(end) {
                end += 1;
            } else if connector(end)
                && end + 1 < text.tokens.len()
                && text.joined_by_space(end)
                && name_word(end + 1)
            {
                end += 2;
            } else {
                break;
            }
        }
        runs.push(start..end);
        i = end;
    }
    runs
}

fn near_misses(text: &BlockText, run: Range<usize>, claims: &mut Vec<Claim>) {
    // A rank at the head of the run is not part of the name.
    let mut start = run.start;
    while start < run.end
        && text
            .canon
            .vocab
            .ranks
            .match_start(&text.words[start..start + 1])
            .is_some()
    {
        start += 1;
    }
    if start == run.end {
        return;
    }
    let after_rank = start > run.start
        || text
            .rank_before(text.tokens[run.start].span.start)
            .is_some();
    // The whole phrase is the candidate, or the phrase without its first word when that
    // word only opens the sentence ("At Utopia Planitai"). A piece of a longer phrase is
    // never tried: "Mary Jane Way" is not "Janeway", "Georgi Markov" is not "Geordi".
    let sentence_start = text.sentences[text.sentence_of(start)].start == start;
    let without_opener = (sentence_start && run.end - start >= 2).then_some(start + 1..run.end);
    for window in std::iter::once(start..run.end).chain(without_opener) {
        let single = window.len() == 1;
        // A lone word is tried only after a rank, and only if long enough that one edit
        // is a slip rather than another name ("Admiral Piccard", not "Sergeant Maddon").
        if single && !(after_rank && text.words[window.start].chars().count() >= MIN_LONE) {
            continue;
        }
        if let Some(claim) = near_miss(text, window, single) {
            claims.push(claim);
            return;
        }
    }
}

/// A near-name claim for a window of tokens, if it is a near miss of one entity's name.
fn near_miss(text: &BlockText, window: Range<usize>, single: bool) -> Option<Claim> {
    let index = &text.canon.names;
    let span = text.tokens[window.start].span.start..strip_possessive(text, window.end - 1);
    // A window inside one known name is that name, not a misspelling of another.
    if text.mention_containing(&span).is_some() {
        return None;
    }
    let phrase = &text.words_of(span.clone());
    let near = index.near_miss(phrase)?;
    let Target::Entity(entity) = index.forms[near.form].target else {
        return None;
    };
    // "Sherlock Holmes I": the name is written right, with another word beside it.
    let target = &index.forms[near.form].text;
    let written_right = text
        .mentions_within(&span)
        .iter()
        .any(|m| text.slice(m.span.clone()).eq_ignore_ascii_case(target));
    // A lone word must be a person's name misspelled inside, not the name with a letter
    // added or cut ("Commander Picardo" is someone else).
    let (lower, name) = (phrase.to_lowercase(), target.to_lowercase());
    let extends = lower.starts_with(&name) || name.starts_with(&lower);
    let lone_ok = !single || (text.canon.entities[entity].kind == EntityKind::Person && !extends);
    (!written_right && lone_ok).then_some(Claim {
        span,
        dialogue: false,
        kind: ClaimKind::NearName { form: near.form },
    })
}

/// The end of token `i` without a possessive ending ("Piccard's" -> "Piccard").
pub(crate) fn strip_possessive(text: &BlockText, i: usize) -> usize {
    let word = text.words[i];
    let end = text.tokens[i].span.end;
    for ending in ["'s", "\u{2019}s"] {
        if word.len() > ending.len() && word.ends_with(ending) {
            return end - ending.len();
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use crate::extract::ClaimKind;
    use crate::extract::testing::{claims, star_trek};

    /// Near misses of `text` with the name each is near.
    fn near(text: &str) -> Vec<(String, String)> {
        let canon = star_trek();
        claims(&canon, text)
            .into_iter()
            .filter_map(|(t, c)| match c.kind {
                ClaimKind::NearName { form } => {
                    Some((t.to_string(), canon.names.forms[form].text.clone()))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn phrases_near_one_name_are_found_with_the_name() {
        assert_eq!(
            near("At Utopia Planitai we met."),
            [("Utopia Planitai".to_string(), "Utopia Planitia".to_string())]
        );
        assert_eq!(
            near("Jean-Luc Piccard's letter."),
            [(
                "Jean-Luc Piccard".to_string(),
                "Jean-Luc Picard".to_string()
            )]
        );
        assert_eq!(
            near("Admiral Piccard came."),
            [("Piccard".to_string(), "Picard".to_string())]
        );
    }

    #[test]
    fn right_names_with_a_word_beside_them_are_not_near_misses() {
        assert!(near("At Utopia Planitia I waited.").is_empty());
        assert!(near("The Romulan Empire Fell.").is_empty());
        assert!(
            near("Piccard came alone.").is_empty(),
            "a lone word is only tried after a rank"
        );
        assert!(near("Commander Picardo is someone else.").is_empty());
        for other in [
            "Lieutenant Georgi Markov ran the night shift.",
            "Ensign Naren Patel flew the shuttle.",
            "They lived at 14 Mary Jane Way.",
            "He was thrown into the prison of La Force.",
            "Star Fleet Battles is a board game.",
            "Sergeant Maddon saluted.",
        ] {
            assert!(near(other).is_empty(), "{other}");
        }
    }
}
