//! Name claims: every known spelling the automaton found, and capitalised proper-noun
//! phrases that are a near miss of one entity's name ("Utopia Planitai", "Jean-Luc
//! Piccard", "Kathryn Jane Way").
//!
//! A phrase is a run of capitalised words joined by single spaces, with connectors such as
//! "of" inside. Known names split runs; what remains is tried window by window, longest
//! first. A lone capitalised word is only tried right after a rank ("Admiral Piccard"),
//! where it cannot be the first word of a sentence.

use std::ops::Range;

use crate::extract::block::BlockText;
use crate::extract::{Claim, ClaimKind};
use crate::pack::model::EntityKind;
use crate::pack::names::Target;

/// The most words a near-miss window may have.
const MAX_WINDOW: usize = 6;

/// Adds name and near-name claims for one block.
pub fn extract(text: &BlockText, claims: &mut Vec<Claim>) {
    for m in &text.mentions {
        claims.push(Claim {
            span: m.span.clone(),
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
    let name_word = |i: usize| text.is_capitalised(i) && text.words[i] != "I";
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
            } else if connectors.contains(text.words[end])
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
    let index = &text.canon.names;
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
    let after_rank = start > run.start
        || text
            .rank_before(text.tokens[run.start].span.start)
            .is_some();
    let mut i = start;
    'windows: while i < run.end {
        let longest = (run.end - i).min(MAX_WINDOW);
        for len in (1..=longest).rev() {
            if len == 1 && !(after_rank && i == start) {
                continue;
            }
            let last = i + len - 1;
            let connector_edge = |k: usize| !text.is_capitalised(k);
            if connector_edge(i) || connector_edge(last) {
                continue;
            }
            let span = text.tokens[i].span.start..strip_possessive(text, last);
            // A window inside one known name is that name, not a misspelling of another.
            let holder = text
                .mentions
                .partition_point(|m| m.span.start <= span.start);
            if holder > 0 && text.mentions[holder - 1].span.end >= span.end {
                continue;
            }
            let phrase = &text.words_of(span.clone());
            let Some(near) = index.near_miss(phrase) else {
                continue;
            };
            let Target::Entity(entity) = index.forms[near.form].target else {
                continue;
            };
            // "Sherlock Holmes I": the name is written right, with another word beside it.
            let target = &index.forms[near.form].text;
            let written_right = text
                .mentions_within(&span)
                .iter()
                .any(|m| text.slice(m.span.clone()).eq_ignore_ascii_case(target));
            if written_right {
                continue;
            }
            // A lone word after a rank must be a person's name misspelled inside, not the
            // name with a letter added or cut ("Commander Picardo" is someone else).
            let (lower, name) = (phrase.to_lowercase(), target.to_lowercase());
            let extends = lower.starts_with(&name) || name.starts_with(&lower);
            if len == 1 && (text.canon.entities[entity].kind != EntityKind::Person || extends) {
                continue;
            }
            claims.push(Claim {
                span,
                kind: ClaimKind::NearName { form: near.form },
            });
            i += len;
            continue 'windows;
        }
        i += 1;
    }
}

/// The end of token `i` without a possessive ending ("Piccard's" -> "Piccard").
fn strip_possessive(text: &BlockText, i: usize) -> usize {
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
    }
}
