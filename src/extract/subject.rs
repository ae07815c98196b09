//! Subjects: which entity a figure or date speaks of.
//!
//! The entity named in the same sentence (preferring one that canon has a figure of that
//! measure for, then the nearest before the claim, then the first after it); else the
//! nearest named before it in the paragraph; else the entity the section heading names.
//! A date's subject must be something that happens at a date: an event, or an entity
//! canon gives a date. A claim with no subject is kept, but never contradicts canon.

use std::ops::Range;

use crate::extract::block::BlockText;
use crate::extract::{Attached, Claim, ClaimKind, Via};
use crate::pack::model::{DATE_MEASURE, EntityId, EntityKind, MeasureId};

/// The entity a heading names, which the section under it is about.
pub fn of_heading(text: &BlockText) -> Option<EntityId> {
    candidates(text).first().map(|(entity, _)| *entity)
}

/// Attaches a subject to every measured figure and every date among `claims`.
pub fn attach(text: &BlockText, heading: Option<EntityId>, claims: &mut [Claim]) {
    let all = candidates(text);
    let date = text.canon.measure(DATE_MEASURE);
    let dated = |e: EntityId| {
        text.canon.entities[e].kind == EntityKind::Event
            || date.is_some_and(|d| text.canon.has_fact(e, d))
    };
    let events: Vec<(EntityId, Range<usize>)> =
        all.iter().filter(|(e, _)| dated(*e)).cloned().collect();
    for claim in claims.iter_mut() {
        let span = claim.span.clone();
        match &mut claim.kind {
            ClaimKind::Figure(f) => {
                if let Some(measure) = f.measure {
                    f.subject = subject_for(text, &all, &span, Some(measure), heading);
                }
            }
            ClaimKind::Date(d) => {
                d.subject = subject_for(text, &events, &span, date, heading.filter(|h| dated(*h)));
            }
            _ => {}
        }
    }
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
    measure: Option<MeasureId>,
    heading: Option<EntityId>,
) -> Option<Attached> {
    let outside = |c: &&(EntityId, Range<usize>)| c.1.end <= span.start || c.1.start >= span.end;
    let token = text
        .token_from(span.start)
        .min(text.tokens.len().saturating_sub(1));
    let sentence = text.sentence_span_of(&text.sentences[text.sentence_of(token)]);
    // Candidates are in text order: find the sentence's by binary search.
    let first = candidates.partition_point(|c| c.1.start < sentence.start);
    let in_sentence: Vec<&(EntityId, Range<usize>)> = candidates[first..]
        .iter()
        .take_while(|c| c.1.start < sentence.end)
        .filter(|c| c.1.end <= sentence.end)
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
        return Some(Attached {
            entity: chosen.0,
            via: Via::Sentence,
        });
    }
    if let Some(before) = candidates
        .iter()
        .filter(|c| c.1.end <= span.start)
        .max_by_key(|c| c.1.end)
    {
        return Some(Attached {
            entity: before.0,
            via: Via::Paragraph,
        });
    }
    heading.map(|entity| Attached {
        entity,
        via: Via::Heading,
    })
}

#[cfg(test)]
mod tests {
    use crate::extract::testing::{claims, star_trek};
    use crate::extract::{ClaimKind, Via};

    /// The subject (entity id and how it was found) of every measured figure and date.
    fn subjects(text: &str) -> Vec<(String, Option<(String, Via)>)> {
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

    fn one(text: &str) -> Option<(String, Via)> {
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
    fn then_the_paragraph_then_the_heading() {
        assert_eq!(
            one("The attack on Mars began at dawn. Then 20,000 died."),
            Some(("mars-attack".into(), Via::Paragraph))
        );
        assert_eq!(
            one("# The attack on Mars\n\nBy noon 20,000 had died."),
            Some(("mars-attack".into(), Via::Heading))
        );
        assert_eq!(one("By noon 20,000 had died."), None);
    }

    #[test]
    fn dates_attach_only_to_events() {
        assert_eq!(one("Picard resigned in 2386."), None);
        assert_eq!(
            one("The attack on Mars came in 2385."),
            Some(("mars-attack".into(), Via::Sentence))
        );
    }
}
