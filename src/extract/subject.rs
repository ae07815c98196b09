//! Subjects: which entity a figure or date speaks of.
//!
//! A figure's subject is the entity named close to it in its sentence (preferring one
//! canon has a figure of that measure for), unless a word of time, another figure or an
//! unknown name stands nearer. A labelled figure ("Deaths: 20,000") or one in a sentence
//! that refers back ("It killed 20,000") may take the entity named last in its paragraph,
//! else the one its heading names. Dates are attached by `dated`; whether a claim is
//! asserted at all is `hedge`'s business. A claim with no subject is kept, but never
//! contradicts canon.

use std::ops::Range;

use crate::extract::block::BlockText;
use crate::extract::tokens::TokenKind;
use crate::extract::{Attached, Claim, ClaimKind, Via};
use crate::extract::{dated, hedge};
use crate::pack::model::{EntityId, EntityKind, MeasureId};

/// The entity a heading names, which the section under it is about.
pub fn of_heading(text: &BlockText) -> Option<EntityId> {
    candidates(text).first().map(|(entity, _)| *entity)
}

/// Attaches a subject to every measured figure and every date among `claims`.
pub fn attach(
    text: &BlockText,
    heading: Option<(EntityId, Via)>,
    emphasis: &[Range<usize>],
    claims: &mut [Claim],
) {
    let all = candidates(text);
    let titles: Vec<Range<usize>> = claims
        .iter()
        .filter(|c| matches!(c.kind, ClaimKind::Title(_)))
        .map(|c| c.span.clone())
        .collect();
    let quotes: Vec<Range<usize>> = text.quotes().into_iter().map(|(outer, _)| outer).collect();
    let speech = hedge::Spans::new(text.speech(&titles, emphasis));
    // Any quote may be a work's title ("\"Children of Mars\", first streamed in 2020"),
    // which a date in its sentence would then be of.
    let works: Vec<Range<usize>> = titles.iter().chain(&quotes).cloned().collect();
    let about_work = dated::sentences_about_works(text, &works);
    // Inside speech, the quote around a date is the speaker's words, not a title.
    let about_titled_work = dated::sentences_about_works(text, &titles);
    for claim in claims.iter_mut() {
        let span = claim.span.clone();
        // A name is spelled by the author even in a character's mouth.
        let spoken = speech.covering(&span);
        claim.dialogue = spoken.is_some()
            && !matches!(
                claim.kind,
                ClaimKind::Name { .. } | ClaimKind::NearName { .. }
            );
        let hedged = match spoken {
            Some(words) => hedge::hedged_in_speech(text, &span, words),
            None => hedge::hedged(text, &span),
        };
        match &mut claim.kind {
            ClaimKind::Figure(f) => {
                f.hedged = hedged;
                if let Some(measure) = f.measure {
                    f.subject =
                        subject_for(text, &all, &span, (Some(measure), f.labelled), heading);
                }
            }
            ClaimKind::Date(d) => {
                d.hedged = hedged;
                let about = if spoken.is_some() {
                    &about_titled_work
                } else {
                    &about_work
                };
                d.subject = dated::date_subject(text, &span, about);
            }
            _ => {}
        }
    }
}

/// Whether a word of time stands between a claim and the entity found for it: in "300 died
/// in the riots that followed the attack on Mars" the figure is not the attack's.
pub(crate) fn time_between(text: &BlockText, a: &Range<usize>, b: &Range<usize>) -> bool {
    let (from, to) = if a.end <= b.start {
        (a.end, b.start)
    } else {
        (b.end, a.start)
    };
    (text.token_from(from)..text.token_from(to)).any(|t| {
        text.canon
            .vocab
            .relative_time
            .contains(&text.words[t].to_lowercase())
    })
}

/// How many tokens stand between two spans.
pub(crate) fn gap(text: &BlockText, a: &Range<usize>, b: &Range<usize>) -> usize {
    let (from, to) = if a.end <= b.start {
        (a.end, b.start)
    } else {
        (b.end, a.start)
    };
    text.token_from(to).saturating_sub(text.token_from(from))
}

/// Whether a capitalised word naming nothing canon knows stands at least as near to a
/// figure as `reach` tokens (the gap to the entity found for it): "Wolf 359, where some
/// 11,000 died, the attack on Mars ..." is about Wolf 359. Only the figure's surroundings
/// are read, so a long sentence costs no more than a short one.
fn unknown_nearer(
    text: &BlockText,
    sentence: &Range<usize>,
    span: &Range<usize>,
    reach: usize,
) -> bool {
    let (first, last) = (text.token_from(span.start), text.token_from(span.end));
    let before = first.saturating_sub(reach + 1).max(sentence.start + 1)..first;
    let after = last..(last + reach + 1).min(sentence.end);
    before.chain(after).any(|t| text.unknown_name(t))
}

/// How many tokens may stand between a figure and the entity it is about.
pub(crate) const FIGURE_REACH: usize = 6;

/// Whether a figure is tied to the entity named in its sentence: a few tokens apart, with
/// no other figure between ("the attack on Mars killed 20,000", "20,000 died in the attack
/// on Mars"; not "during the attack on Mars, one synth killed two in the cafeteria").
pub(crate) fn close(text: &BlockText, a: &Range<usize>, b: &Range<usize>) -> bool {
    let (from, to) = if a.end <= b.start {
        (a.end, b.start)
    } else {
        (b.end, a.start)
    };
    let between = text.token_from(from)..text.token_from(to);
    between.len() <= FIGURE_REACH
        && between.clone().all(|t| {
            text.tokens[t].kind != TokenKind::Number
                && !text
                    .canon
                    .vocab
                    .numbers
                    .contains_key(&text.words[t].to_lowercase())
        })
}

/// Entity mentions that can be subjects: not series, not performers.
fn candidates(text: &BlockText) -> Vec<(EntityId, Range<usize>)> {
    text.mentions
        .iter()
        .filter_map(|m| text.entity_of(m).map(|e| (e, m.span.clone())))
        .filter(|(e, _)| {
            !matches!(
                text.canon.entities[*e].kind,
                EntityKind::Series | EntityKind::Performer
            )
        })
        .collect()
}

fn subject_for(
    text: &BlockText,
    candidates: &[(EntityId, Range<usize>)],
    span: &Range<usize>,
    (measure, labelled): (Option<MeasureId>, bool),
    heading: Option<(EntityId, Via)>,
) -> Option<Attached> {
    let outside = |c: &&(EntityId, Range<usize>)| c.1.end <= span.start || c.1.start >= span.end;
    let token = text
        .token_from(span.start)
        .min(text.tokens.len().saturating_sub(1));
    // Only entities within reach of the figure in its sentence can be its subject, so only
    // those are read (candidates are in text order: a binary search finds them).
    let sentence_tokens = &text.sentences[text.sentence_of(token)];
    let (first_tok, last_tok) = (text.token_from(span.start), text.token_from(span.end));
    let from = first_tok
        .saturating_sub(FIGURE_REACH + 2)
        .max(sentence_tokens.start);
    let to = (last_tok + FIGURE_REACH + 2)
        .min(sentence_tokens.end)
        .max(from + 1);
    let window = text.tokens[from].span.start..text.tokens[to - 1].span.end;
    let first = candidates.partition_point(|c| c.1.start < window.start);
    let in_sentence: Vec<&(EntityId, Range<usize>)> = candidates[first..]
        .iter()
        .take_while(|c| c.1.start < window.end)
        .filter(|c| c.1.end <= window.end)
        .filter(outside)
        .collect();
    if !in_sentence.is_empty() {
        let with_fact: Vec<&(EntityId, Range<usize>)> = in_sentence
            .iter()
            .copied()
            .filter(|c| measure.is_some_and(|m| text.canon.has_fact(c.0, m)))
            .collect();
        let pool = if with_fact.is_empty() {
            &in_sentence
        } else {
            &with_fact
        };
        let chosen = pool
            .iter()
            .filter(|c| c.1.end <= span.start)
            .max_by_key(|c| c.1.end)
            .or_else(|| pool.iter().min_by_key(|c| c.1.start))?;
        let sentence_tokens = &text.sentences[text.sentence_of(token)];
        if !close(text, span, &chosen.1)
            || time_between(text, span, &chosen.1)
            || unknown_nearer(text, sentence_tokens, span, gap(text, span, &chosen.1))
        {
            return None;
        }
        return Some(Attached {
            entity: chosen.0,
            via: Via::Sentence,
        });
    }
    // An earlier sentence or the heading is the subject only of a labelled figure ("Deaths:
    // 20,000") or of a sentence that refers back ("It killed 20,000"), never of one that
    // names something unknown, moves in time, or talks of something else.
    let sentence_tokens = &text.sentences[text.sentence_of(token)];
    let refers_back = text
        .canon
        .vocab
        .references
        .contains(&text.words[sentence_tokens.start].to_lowercase());
    let mood = text.mood_at(token);
    if !(labelled || refers_back) || mood.relative || mood.names_unknown {
        return None;
    }
    // Candidates are in order: the last one that ends before the claim.
    let before = candidates.partition_point(|c| c.1.end <= span.start);
    if let Some(before) = before.checked_sub(1).map(|i| &candidates[i]) {
        return Some(Attached {
            entity: before.0,
            via: Via::Paragraph,
        });
    }
    heading.map(|(entity, via)| Attached { entity, via })
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::extract::testing::{claims, star_trek};
    use crate::extract::{ClaimKind, Via};

    /// The subject (entity id and how it was found) of every measured figure and date.
    pub(crate) fn subjects(text: &str) -> Vec<(String, Option<(String, Via)>)> {
        let canon = star_trek();
        claims(&canon, text)
            .into_iter()
            .filter_map(|(t, c)| {
                let subject = match c.kind {
                    ClaimKind::Figure(f) if f.measure.is_some() => f.subject,
                    ClaimKind::Date(d) => d.subject,
                    _ => return None,
                };
                Some((
                    t.to_string(),
                    subject.map(|s| (canon.entities[s.entity].id.clone(), s.via)),
                ))
            })
            .collect()
    }

    pub(crate) fn one(text: &str) -> Option<(String, Via)> {
        let found = subjects(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found[0].1.clone()
    }

    #[test]
    fn the_same_sentence_wins_and_prefers_an_entity_with_that_fact() {
        let expected = Some(("mars-attack".to_string(), Via::Sentence));
        assert_eq!(one("On Mars, the attack on Mars killed 20,000."), expected);
        assert_eq!(
            one("Picard grieved: 20,000 died in the Mars attack."),
            expected
        );
    }

    #[test]
    fn an_earlier_sentence_or_the_heading_only_for_labels_and_references() {
        let paragraph = Some(("mars-attack".to_string(), Via::Paragraph));
        let heading = Some(("mars-attack".to_string(), Via::Heading));
        assert_eq!(
            one("The attack on Mars began at dawn. It killed 20,000 people."),
            paragraph
        );
        assert_eq!(
            one("The attack on Mars began at dawn. Then 20,000 died."),
            None
        );
        assert_eq!(one("# The attack on Mars\n\n- Deaths: 20,000"), heading);
        assert_eq!(
            one("# The attack on Mars\n\nBy noon 20,000 had died."),
            None
        );
        assert_eq!(
            one("# The attack on Mars\n\n| Deaths | 20,000 |\n|---|---|\n"),
            heading
        );
        let nested = "# The attack on Mars\n\n## Casualties\n\nDeaths: 20,000.";
        assert_eq!(one(nested), heading);
        let sibling = "# The attack on Mars\n\n# Aftermath\n\nDeaths: 20,000.";
        assert_eq!(
            one(sibling),
            None,
            "a new section at the same level ends the old one"
        );
        let later = "# The attack on Mars\n\nEight years later, a fever killed 2,000 people.";
        assert_eq!(one(later), None);
    }

    #[test]
    fn a_word_of_time_between_figure_and_entity_cuts_the_link() {
        assert_eq!(
            one("Some 300 people died in the riots that followed the attack on Mars."),
            None
        );
        assert_eq!(
            one("Within hours the attack on Mars had killed 20,000."),
            Some(("mars-attack".into(), Via::Sentence))
        );
    }

    #[test]
    fn a_sentence_naming_something_unknown_keeps_its_own_subject() {
        let found =
            subjects("The attack on Mars killed over 92,000. The raid on Vashti killed 20,000.");
        assert_eq!(found[1], ("20,000".to_string(), None));
        assert_eq!(
            one(
                "Like the Battle of Wolf 359, where some 11,000 died, the attack on Mars is mourned."
            ),
            None
        );
        assert_eq!(
            one(
                "Next to the attack on Mars, the riots on Vashti \u{2014} 4,000 dead \u{2014} seemed small."
            ),
            None
        );
    }
}
