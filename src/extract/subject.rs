//! Subjects: which entity a figure or date speaks of.
//!
//! The entity named in the same sentence (preferring one that canon has a figure of that
//! measure for, then the nearest before the claim, then the first after it); else the
//! nearest named before it in the paragraph; else the entity the section heading names.
//! A date is stricter: its subject is the entity named nearest to it in its sentence, and
//! only if that is an event (or something canon dates) a few words away; a sentence that
//! names a work dates the work. A claim with no subject is kept, but never contradicts
//! canon.

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
    let titles: Vec<Range<usize>> = claims
        .iter()
        .filter(|c| matches!(c.kind, ClaimKind::Title(_)))
        .map(|c| c.span.clone())
        .collect();
    for claim in claims.iter_mut() {
        let span = claim.span.clone();
        match &mut claim.kind {
            ClaimKind::Figure(f) => {
                if let Some(measure) = f.measure {
                    f.subject = subject_for(text, &all, &span, Some(measure), heading);
                }
            }
            ClaimKind::Date(d) => d.subject = date_subject(text, &span, &titles),
            _ => {}
        }
    }
}

/// How many tokens may separate a date from the event it dates.
const DATE_REACH: usize = 6;

/// The event a date dates: the entity named nearest to the date in its sentence (the
/// earlier one on a tie), if that is an event or something canon dates, and close. A
/// sentence about a work (a title or a series named in it) dates the work, not the event
/// it depicts: "\"Children of Mars\" (2020) depicts the attack on Mars".
fn date_subject(text: &BlockText, span: &Range<usize>, titles: &[Range<usize>]) -> Option<Attached> {
    let date = text.canon.measure(DATE_MEASURE);
    let token = text.token_from(span.start).min(text.tokens.len().saturating_sub(1));
    let sentence = text.sentence_span_of(&text.sentences[text.sentence_of(token)]);
    let in_sentence = |r: &Range<usize>| r.start >= sentence.start && r.end <= sentence.end;
    if titles.iter().any(in_sentence) {
        return None;
    }
    let mentions = text.mentions_within(&sentence);
    let entity_of = |m: &crate::pack::names::NameMatch| text.entity_of(m).map(|e| &text.canon.entities[e]);
    if mentions.iter().any(|m| entity_of(m).is_some_and(|e| e.kind == EntityKind::Series)) {
        return None;
    }
    let gap = |m: &Range<usize>| {
        if m.end <= span.start {
            text.token_from(span.start) - text.token_from(m.end)
        } else {
            text.token_from(m.start) - text.token_from(span.end)
        }
    };
    let nearest = mentions
        .iter()
        .filter(|m| m.span.end <= span.start || m.span.start >= span.end)
        .filter_map(|m| text.entity_of(m).map(|e| (e, gap(&m.span), m.span.start > span.start)))
        .min_by_key(|(_, gap, after)| (*gap, *after))?;
    let (entity, gap, _) = nearest;
    let dated = text.canon.entities[entity].kind == EntityKind::Event
        || date.is_some_and(|d| text.canon.has_fact(entity, d));
    (dated && gap <= DATE_REACH).then_some(Attached {
        entity,
        via: Via::Sentence,
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
    fn dates_attach_only_to_the_nearest_event() {
        let attack = Some(("mars-attack".to_string(), Via::Sentence));
        assert_eq!(one("Picard resigned in 2386."), None);
        assert_eq!(one("The attack on Mars came in 2385."), attack);
        assert_eq!(one("On First Contact Day, 2385, the attack on Mars began."), attack);
        assert_eq!(one("Picard resigned in 2386 over the attack on Mars."), None);
        assert_eq!(one("The yards at Utopia Planitia, founded in 2165, fell in the attack on Mars."), None);
        assert_eq!(one("\"Children of Mars\" (2020) depicts the attack on Mars."), None);
        assert_eq!(one("Star Trek: Picard, first aired in 2020, turns on the attack on Mars."), None);
        assert_eq!(one("The attack on Mars shocked everyone. In 2399, Picard met Dahj."), None);
        assert_eq!(one("# The attack on Mars\n\nMy grandfather died in 2390."), None);
        assert_eq!(one("The 2386 attack on Mars is a myth."), attack);
        assert!(subjects("The attack on Mars cost the lives of 1500 dockworkers.").is_empty());
    }
}
