//! Whether a claim is asserted by the text: not in a block quote, nor in a sentence that
//! reports, rumours, supposes or asks; and whether it is a character's, inside speech or
//! thought (asserted in-universe, where characters may be wrong on purpose).

use std::ops::Range;

use crate::extract::block::BlockText;

/// Whether a claim is not asserted: in a block quote, or in a sentence with a hedge
/// ("reports", "if", "rumour") or a question.
pub(crate) fn hedged(text: &BlockText, span: &Range<usize>) -> bool {
    if text.quoted {
        return true;
    }
    let token = text
        .token_from(span.start)
        .min(text.tokens.len().saturating_sub(1));
    text.mood_at(token).hedged
}

/// Whether a claim inside speech is hedged by the speaker's own words: "If twenty
/// thousand died," or a question, within `speech` and the claim's sentence. The speech
/// tag outside ("she said") is not the speaker hedging.
pub(crate) fn hedged_in_speech(
    text: &BlockText,
    span: &Range<usize>,
    speech: &Range<usize>,
) -> bool {
    if text.quoted || text.tokens.is_empty() {
        return text.quoted;
    }
    let token = text.token_from(span.start).min(text.tokens.len() - 1);
    let sentence = &text.sentences[text.sentence_of(token)];
    let from = text.token_from(speech.start).max(sentence.start);
    let to = text.token_from(speech.end).min(sentence.end);
    let hedges = &text.canon.vocab.hedges;
    (from..to).any(|t| hedges.match_start(&text.words[t..to]).is_some() || text.words[t] == "?")
}

/// Ranges sorted by start, with the furthest end among those starting before each, so
/// that "is this span inside one of them" is a binary search.
pub(crate) struct Spans {
    ranges: Vec<Range<usize>>,
    reach: Vec<usize>,
}

impl Spans {
    pub(crate) fn new(mut ranges: Vec<Range<usize>>) -> Spans {
        ranges.sort_by_key(|r| r.start);
        let mut furthest = 0;
        let reach = ranges
            .iter()
            .map(|r| {
                furthest = furthest.max(r.end);
                furthest
            })
            .collect();
        Spans { ranges, reach }
    }

    /// Whether `span` lies inside one of the ranges.
    pub(crate) fn cover(&self, span: &Range<usize>) -> bool {
        let before = self.ranges.partition_point(|r| r.start <= span.start);
        before > 0 && self.reach[before - 1] >= span.end
    }

    /// The innermost range `span` lies inside, if any.
    pub(crate) fn covering(&self, span: &Range<usize>) -> Option<&Range<usize>> {
        if !self.cover(span) {
            return None;
        }
        let before = self.ranges.partition_point(|r| r.start <= span.start);
        self.ranges[..before]
            .iter()
            .rev()
            .find(|r| r.end >= span.end)
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::ClaimKind;
    use crate::extract::testing::{claims, star_trek};

    /// Whether the single measured figure of `text` is (hedged, in dialogue).
    fn mood(text: &str) -> (bool, bool) {
        let canon = star_trek();
        claims(&canon, text)
            .into_iter()
            .find_map(|(_, c)| match c.kind {
                ClaimKind::Figure(f) if f.measure.is_some() => Some((f.hedged, c.dialogue)),
                _ => None,
            })
            .unwrap()
    }

    fn hedged(text: &str) -> bool {
        mood(text).0
    }

    fn dialogue(text: &str) -> bool {
        mood(text) == (false, true)
    }

    #[test]
    fn a_speaker_can_hedge_too() {
        assert!(hedged(
            "\"If twenty thousand died in the attack on Mars,\" she said, \"we failed.\""
        ));
        assert!(hedged(
            "\"Twenty thousand died in the attack on Mars?\" he asked."
        ));
        assert!(dialogue(
            "\"The attack on Mars killed twenty thousand people,\" she said."
        ));
    }

    #[test]
    fn reports_and_suppositions_are_hedged_speech_is_dialogue() {
        assert!(dialogue("\"Twenty thousand died,\" the drunk insisted."));
        assert!(hedged("Early reports that 20,000 people died were wrong."));
        assert!(hedged(
            "If the synths had killed 20,000 people, the ban might never have passed."
        ));
        assert!(!hedged("The synths killed 20,000 people."));
        assert!(dialogue(
            "'The attack on Mars killed twenty thousand people,' Raffi muttered."
        ));
        assert!(dialogue(
            "\u{ab}The attack on Mars killed twenty thousand people\u{bb}, he said."
        ));
        assert!(dialogue(
            "\u{201e}The attack on Mars killed twenty thousand people\u{201c}, she said."
        ));
        assert!(dialogue(
            "\u{2018}The synths\u{2019} Mars attack killed twenty thousand people,\u{2019} she said."
        ));
        assert!(dialogue(
            "\"The attack on Mars killed twenty thousand people. That is the number."
        ));
        assert!(dialogue(
            "\u{2014} Twenty thousand died in the attack on Mars, little one."
        ));
        assert!(dialogue(
            "She stared. _The attack on Mars killed twenty thousand people. Twenty thousand._"
        ));
        assert!(hedged(
            "> The attack on Mars killed twenty thousand people."
        ));
        assert!(hedged(
            "Is it true the attack on Mars killed 20,000 people?"
        ));
        assert!(!hedged(
            "Picard's letter: the attack on Mars killed 20,000 people."
        ));
    }
}
