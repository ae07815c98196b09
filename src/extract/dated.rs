//! The date of what: a date is about the entity named nearest to it in its sentence, only
//! if that is an event (or something canon dates) a few words away, never in a sentence
//! about a work, and never when the event is named as the object of something related
//! ("the inquiry into the attack").

use std::ops::Range;

use crate::extract::block::BlockText;
use crate::extract::subject::gap;
use crate::extract::{Attached, Via};
use crate::pack::model::{DATE_MEASURE, EntityKind};

/// How many tokens may separate a date from the event it dates.
const DATE_REACH: usize = 6;

/// The event a date dates: the entity named nearest to the date in its sentence (the
/// earlier one on a tie), if that is an event or something canon dates, and close. A
/// sentence about a work (a title or a series named in it) dates the work, not the event
/// it depicts: "\"Children of Mars\" (2020) depicts the attack on Mars".
pub(crate) fn date_subject(
    text: &BlockText,
    span: &Range<usize>,
    about_work: &[bool],
) -> Option<Attached> {
    let date = text.canon.measure(DATE_MEASURE);
    let token = text
        .token_from(span.start)
        .min(text.tokens.len().saturating_sub(1));
    let s = text.sentence_of(token);
    if about_work.get(s).copied().unwrap_or(false) {
        return None;
    }
    // Only names within reach, in the sentence: a long sentence costs no more.
    let sentence = &text.sentences[s];
    let (first, last) = (text.token_from(span.start), text.token_from(span.end));
    let from = first.saturating_sub(DATE_REACH + 2).max(sentence.start);
    let to = (last + DATE_REACH + 2).min(sentence.end).max(from + 1);
    let reach = text.tokens[from].span.start..text.tokens[to - 1].span.end;
    let nearest = text
        .mentions_within(&reach)
        .iter()
        .filter(|m| m.span.end <= span.start || m.span.start >= span.end)
        .filter_map(|m| {
            text.entity_of(m)
                .map(|e| (e, gap(text, span, &m.span), m.span.clone()))
        })
        .min_by_key(|(_, gap, m)| (*gap, m.start > span.start))?;
    let (entity, gap, mention) = nearest;
    let dated = text.canon.entities[entity].kind == EntityKind::Event
        || date.is_some_and(|d| text.canon.has_fact(entity, d));
    // "the inquiry into the attack on Mars closed in 2390": the inquiry's date. But "the
    // date of the attack", "the day of the attack" do date the attack itself.
    let first = text.token_from(mention.start);
    let related = (first.saturating_sub(2)..first)
        .filter(|&t| !text.words[t].eq_ignore_ascii_case("the"))
        .any(|t| {
            let own_date =
                t > 0 && matches!(text.words[t - 1].to_lowercase().as_str(), "date" | "day");
            text.canon
                .vocab
                .related
                .contains(&text.words[t].to_lowercase())
                && !own_date
        });
    (dated && gap <= DATE_REACH && !related).then_some(Attached {
        entity,
        via: Via::Sentence,
    })
}

/// For each sentence, whether it names a work (a quoted title or a series), so that its
/// dates are the work's.
pub(crate) fn sentences_about_works(text: &BlockText, works: &[Range<usize>]) -> Vec<bool> {
    let mut out = vec![false; text.sentences.len()];
    let series = text
        .mentions
        .iter()
        .filter(|m| {
            text.entity_of(m)
                .is_some_and(|e| text.canon.entities[e].kind == EntityKind::Series)
        })
        .map(|m| &m.span);
    for span in works.iter().chain(series) {
        let token = text
            .token_from(span.start)
            .min(text.tokens.len().saturating_sub(1));
        if let Some(flag) = out.get_mut(text.sentence_of(token)) {
            *flag = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::extract::Via;
    use crate::extract::subject::tests::{one, subjects};

    #[test]
    fn a_date_of_something_related_is_not_the_events() {
        assert_eq!(
            one("In 2390 the inquiry into the attack on Mars closed."),
            None
        );
        assert_eq!(
            one("The trial of the agents behind the attack on Mars ended in 2402."),
            None
        );
    }

    #[test]
    fn dates_attach_only_to_the_nearest_event() {
        let attack = Some(("mars-attack".to_string(), Via::Sentence));
        assert_eq!(one("Picard resigned in 2386."), None);
        assert_eq!(one("The attack on Mars came in 2385."), attack);
        assert_eq!(
            one("On First Contact Day, 2385, the attack on Mars began."),
            attack
        );
        assert_eq!(
            one("Picard resigned in 2386 over the attack on Mars."),
            None
        );
        assert_eq!(
            one("The yards at Utopia Planitia, founded in 2165, fell in the attack on Mars."),
            None
        );
        assert_eq!(
            one("\"Children of Mars\" (2020) depicts the attack on Mars."),
            None
        );
        assert_eq!(
            one("Star Trek: Picard, first aired in 2020, turns on the attack on Mars."),
            None
        );
        assert_eq!(
            one("The attack on Mars shocked everyone. In 2399, Picard met Dahj."),
            None
        );
        assert_eq!(
            one("# The attack on Mars\n\nMy grandfather died in 2390."),
            None
        );
        assert_eq!(one("The 2386 attack on Mars is a myth."), attack);
        assert!(subjects("The attack on Mars cost the lives of 1500 dockworkers.").is_empty());
    }
}
