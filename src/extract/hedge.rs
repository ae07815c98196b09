//! Whether a figure or date is asserted at all: not in a block quote, speech or thought,
//! nor in a sentence that reports, rumours, supposes or asks.

use std::ops::Range;

use crate::extract::block::BlockText;

/// Whether a claim is not asserted: in a block quote, in speech or thought, or in a
/// sentence with a hedge ("reports", "if", "rumour") or a question.
pub(crate) fn hedged(text: &BlockText, span: &Range<usize>, speech: &Spans) -> bool {
    if text.quoted || speech.cover(span) {
        return true;
    }
    let token = text
        .token_from(span.start)
        .min(text.tokens.len().saturating_sub(1));
    text.mood_at(token).hedged
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

    fn cover(&self, span: &Range<usize>) -> bool {
        let before = self.ranges.partition_point(|r| r.start <= span.start);
        before > 0 && self.reach[before - 1] >= span.end
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::ClaimKind;
    use crate::extract::testing::{claims, star_trek};

    /// Whether the single measured figure of `text` is hedged.
    fn hedged(text: &str) -> bool {
        let canon = star_trek();
        claims(&canon, text)
            .into_iter()
            .find_map(|(_, c)| match c.kind {
                ClaimKind::Figure(f) if f.measure.is_some() => Some(f.hedged),
                _ => None,
            })
            .unwrap()
    }

    #[test]
    fn speech_reports_and_suppositions_are_not_assertions() {
        assert!(hedged("\"Twenty thousand died,\" the drunk insisted."));
        assert!(hedged("Early reports that 20,000 people died were wrong."));
        assert!(hedged(
            "If the synths had killed 20,000 people, the ban might never have passed."
        ));
        assert!(!hedged("The synths killed 20,000 people."));
        assert!(hedged(
            "'The attack on Mars killed twenty thousand people,' Raffi muttered."
        ));
        assert!(hedged(
            "\u{ab}The attack on Mars killed twenty thousand people\u{bb}, he said."
        ));
        assert!(hedged(
            "\u{201e}The attack on Mars killed twenty thousand people\u{201c}, she said."
        ));
        assert!(hedged(
            "\u{2018}The synths\u{2019} Mars attack killed twenty thousand people,\u{2019} she said."
        ));
        assert!(hedged(
            "\"The attack on Mars killed twenty thousand people. That is the number."
        ));
        assert!(hedged(
            "\u{2014} Twenty thousand died in the attack on Mars, little one."
        ));
        assert!(hedged(
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
