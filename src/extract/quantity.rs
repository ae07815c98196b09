//! Quantities: a qualifier, a figure and the measure it counts, as one claim.
//!
//! "more than 92,000 lives" -> (92000, inf) deaths; "nearly 20,000 starships were
//! destroyed" -> [18000, 20000] ships destroyed; "killed 20,000" -> about 20,000 deaths.
//! The measure comes from the words around the figure: a noun after it ("lives",
//! "starships"), a verb after it or after the people it counts ("died", "92,000 people
//! were killed"), or a phrase before it ("killed", "a death toll of"). A figure with none
//! of these counts nothing we know and never contradicts canon.

use std::ops::Range;

use crate::extract::block::BlockText;
use crate::extract::measure::measure;
use crate::extract::number::{Figure, figure};
use crate::extract::tokens::TokenKind;
use crate::extract::{Claim, ClaimKind, FigureClaim};
use crate::pack::vocab::Meaning;
use crate::value::Interval;

/// Adds a figure claim for every figure of the block not inside a name, title or date.
pub fn extract(text: &BlockText, claims: &mut Vec<Claim>) {
    let mut taken: Vec<Range<usize>> = claims
        .iter()
        .filter(|c| c.span.start >= text.span.start && c.span.end <= text.span.end)
        .map(|c| c.span.clone())
        .collect();
    taken.sort_by_key(|t| t.start);
    // The furthest end among claims starting before each one, so that overlap is a
    // binary search.
    let reach: Vec<usize> = taken
        .iter()
        .scan(0, |furthest, t| {
            *furthest = t.end.max(*furthest);
            Some(*furthest)
        })
        .collect();
    let overlaps = |span: &Range<usize>| {
        let before = taken.partition_point(|t| t.start < span.end);
        before > 0 && reach[before - 1] > span.start
    };
    let mut i = 0;
    while i < text.tokens.len() {
        match quantity_at(text, i) {
            Some((claim, next)) if !overlaps(&claim.span) => {
                claims.push(claim);
                i = next;
            }
            _ => i += 1,
        }
    }
}

/// The interval a qualifier and a figure stand for.
pub fn interval(meaning: Option<Meaning>, f: &Figure) -> Interval {
    let v = f.value;
    if let Some(under) = f.under {
        return Interval {
            lo: v,
            lo_open: false,
            hi: under,
            hi_open: true,
        };
    }
    if f.vague {
        return Interval::at_least(v);
    }
    match meaning {
        None => Interval::rounded(v, f.unit),
        Some(Meaning::Above) => Interval::above(v),
        Some(Meaning::AtLeast) => Interval::at_least(v),
        Some(Meaning::Nearly) => Interval::closed(v * 0.9, v),
        Some(Meaning::About) => {
            let spread = (v * 0.1).max(f.unit / 2.0);
            Interval::closed((v - spread).max(0.0), v + spread)
        }
        Some(Meaning::AtMost) => Interval::at_most(v),
        Some(Meaning::Below) => Interval::below(v),
        Some(Meaning::Exact) => Interval::exact(v),
    }
}

/// A quantity starting at token `i`: the claim and the index of the token after it.
fn quantity_at(text: &BlockText, i: usize) -> Option<(Claim, usize)> {
    let vocab = &text.canon.vocab;
    let (meaning, q_len) = match vocab.qualifiers.match_start(&text.words[i..]) {
        Some((m, n)) => (Some(m), n),
        None => (None, 0),
    };
    let f_tok = i + q_len;
    let token = text.tokens.get(f_tok)?;
    if token.kind == TokenKind::Punct {
        return None;
    }
    let start = token.span.start;
    let (rest, fig) = figure(vocab, &text.prose[start..text.span.end]).ok()?;
    let fig_end = text.span.end - rest.len();
    let next = text.token_from(fig_end);
    if not_a_count(text, i, next) {
        return Some((inert(text, i, fig_end, &fig), next));
    }
    let counted = measure(text, i, next);
    let partial = (i > 0
        && vocab
            .partial_before
            .contains(&text.words[i - 1].to_lowercase()))
        || text
            .words
            .get(next)
            .is_some_and(|w| vocab.partial_after.contains(&w.to_lowercase()));
    let claim = Claim {
        span: text.tokens[i].span.start..fig_end,
        dialogue: false,
        kind: ClaimKind::Figure(FigureClaim {
            interval: interval(meaning, &fig),
            measure: counted.measure,
            partial: partial || counted.part,
            labelled: counted.labelled,
            hedged: false,
            subject: None,
        }),
    };
    Some((claim, next))
}

/// A figure that counts nothing: a percentage, money, a number ("No. 5", "#5").
fn not_a_count(text: &BlockText, i: usize, next: usize) -> bool {
    let before = i.checked_sub(1).map(|b| text.words[b]);
    let after = text.words.get(next).copied();
    // "No. 12", "Nos. 3".
    let numbered = before == Some(".")
        && i.checked_sub(2)
            .is_some_and(|b| matches!(text.words[b], "No" | "no" | "Nos" | "nos"));
    // "nine in ten", "three out of four": a ratio.
    let ratio = matches!(after, Some("in" | "out"))
        && text.tokens[next + 1..].iter().take(2).any(|t| {
            t.kind == TokenKind::Number
                || text
                    .canon
                    .vocab
                    .numbers
                    .contains_key(&text.prose[t.span.clone()].to_lowercase())
        });
    numbered
        || ratio
        || matches!(before, Some("$" | "£" | "€" | "#" | "No" | "no"))
        || matches!(after, Some("%" | "percent" | "per"))
        || after.is_some_and(|a| {
            a == "-" && text.tokens[next].span.start == text.tokens[next - 1].span.end
        })
}

fn inert(text: &BlockText, i: usize, end: usize, fig: &Figure) -> Claim {
    Claim {
        span: text.tokens[i].span.start..end,
        dialogue: false,
        kind: ClaimKind::Figure(FigureClaim {
            interval: Interval::exact(fig.value),
            measure: None,
            partial: false,
            labelled: false,
            hedged: false,
            subject: None,
        }),
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::ClaimKind;
    use crate::extract::testing::{claims, star_trek};

    /// Each figure of `text`: its text, its measure's id, and whether it is a part.
    fn figures(text: &str) -> Vec<(String, Option<String>, bool)> {
        let canon = star_trek();
        claims(&canon, text)
            .into_iter()
            .filter_map(|(t, c)| match c.kind {
                ClaimKind::Figure(f) => Some((
                    t.to_string(),
                    f.measure.map(|m| canon.measures[m].id.clone()),
                    f.partial,
                )),
                _ => None,
            })
            .collect()
    }

    fn one(text: &str) -> (String, Option<String>) {
        let found = figures(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        (found[0].0.clone(), found[0].1.clone())
    }

    #[test]
    fn nouns_after_the_figure_name_the_measure() {
        assert_eq!(
            one("It left 92,000 dead."),
            ("92,000".into(), Some("deaths".into()))
        );
        assert_eq!(
            one("About 20,000 unfinished starships were destroyed."),
            ("About 20,000".into(), Some("ships-destroyed".into()))
        );
    }

    #[test]
    fn people_need_a_verb() {
        assert_eq!(
            one("Some 92,000 people died there.").1.as_deref(),
            Some("deaths")
        );
        assert_eq!(
            one("It claimed more than 92,000 lives.").1.as_deref(),
            Some("deaths")
        );
        assert_eq!(one("A city of 92,000 people.").1, None);
        assert_eq!(one("It took four strong men to lift it.").1, None);
    }

    #[test]
    fn verbs_before_a_bare_figure() {
        assert_eq!(
            one("The synths killed 20,000 in an hour.").1.as_deref(),
            Some("deaths")
        );
        assert_eq!(one("He was killed eight years ago.").1, None);
        assert_eq!(one("20,000 died.").1.as_deref(), Some("deaths"));
    }

    #[test]
    fn ships_need_a_verb_of_loss() {
        assert_eq!(one("The yards built 300 ships.").1, None);
        assert_eq!(one("The fleet had 300 ships.").1, None);
        assert_eq!(
            one("300 ships were lost.").1.as_deref(),
            Some("ships-destroyed")
        );
    }

    #[test]
    fn vetoes_and_parts() {
        assert_eq!(one("92,000 lives were saved.").1, None);
        assert_eq!(
            figures("Another 3,000 ships were lost."),
            [(
                "3,000".to_string(),
                Some("ships-destroyed".to_string()),
                true
            )]
        );
        assert!(figures("Then 2,000 of the ships were destroyed.")[0].2);
    }

    #[test]
    fn money_percentages_and_compounds_count_nothing() {
        assert_eq!(one("It cost $20,000 to repair.").1, None);
        assert_eq!(one("Some 20% died.").1, None);
        assert_eq!(one("A 20-ship convoy was destroyed.").1, None);
    }

    #[test]
    fn subgroups_and_narrowed_people_are_parts() {
        assert_eq!(
            figures("Forty children died."),
            [("Forty".to_string(), Some("deaths".to_string()), true)]
        );
        assert!(figures("It killed two people she loved.")[0].2);
        assert!(!figures("It killed 20,000 people in a day.")[0].2);
    }

    #[test]
    fn ratios_and_numbered_things_count_nothing() {
        assert!(
            figures("It killed nine in ten workers.")
                .iter()
                .all(|f| f.1.is_none())
        );
        assert_eq!(one("Victim No. 12 died first.").1, None);
    }

    #[test]
    fn a_label_earlier_in_the_sentence_names_the_measure() {
        assert_eq!(
            one("The death toll of the raid was 9,200.").1.as_deref(),
            Some("deaths")
        );
        assert_eq!(one("Deaths: 20,000.").1.as_deref(), Some("deaths"));
        assert_eq!(
            one("Starships destroyed: 92,000").1.as_deref(),
            Some("ships-destroyed")
        );
        assert_eq!(one("The crew was 300.").1, None);
    }

    #[test]
    fn nouns_used_as_adjectives_or_possessives() {
        assert_eq!(one("It left 20,000 dead starships in the yards.").1, None);
        assert_eq!(one("It left 20,000 victims' families alone.").1, None);
    }

    #[test]
    fn figures_inside_names_and_dates_are_not_quantities() {
        assert!(figures("Deep Space Nine saw it on April 5, 2385.").is_empty());
    }
}
