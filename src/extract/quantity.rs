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
use crate::extract::number::{Figure, figure};
use crate::extract::tokens::TokenKind;
use crate::extract::{Claim, ClaimKind, FigureClaim};
use crate::pack::model::MeasureId;
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
        kind: ClaimKind::Figure(FigureClaim {
            value: fig.value,
            interval: interval(meaning, &fig),
            measure: counted.measure,
            partial: partial || counted.part,
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
        kind: ClaimKind::Figure(FigureClaim {
            value: fig.value,
            interval: Interval::exact(fig.value),
            measure: None,
            partial: false,
            hedged: false,
            subject: None,
        }),
    }
}

/// What a figure counts, and whether it counts only a part of a whole.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Counted {
    measure: Option<MeasureId>,
    part: bool,
}

impl Counted {
    fn of(measure: Option<MeasureId>) -> Counted {
        Counted {
            measure,
            part: false,
        }
    }
}

/// What the figure counts. `q` is the first token of the qualifier (or the figure), `k`
/// the first token after the figure.
///
/// In order: a measure noun after the figure, maybe after an adjective or two ("20,000
/// unfinished starships"); the people it counts with a verb after them or a phrase before
/// the figure ("92,000 people died", "claimed 92,000 lives"); a verb straight after the
/// figure ("20,000 died"); a phrase before a bare figure ("killed more than 92,000"); a
/// label before it ("the death toll was 9,200", "Deaths: 20,000"). A subgroup ("forty
/// children died") or people narrowed by a clause ("two people she loved") is a part.
fn measure(text: &BlockText, q: usize, k: usize) -> Counted {
    let vocab = &text.canon.vocab;
    let measures = &text.canon.measures;
    let words = &text.words;
    let before = |m: MeasureId| measures[m].before.match_end(&words[..q]).is_some();
    let before_people =
        |m: MeasureId| before(m) || measures[m].before_people.match_end(&words[..q]).is_some();
    let mut skip = 0;
    while skip <= 2 {
        let at = k + skip;
        if at >= words.len() || (skip > 0 && !is_adjective(text, at - 1)) {
            break;
        }
        let noun = measures
            .iter()
            .find_map(|m| m.nouns.match_start(&words[at..]).map(|(_, n)| n));
        if let Some(n) = noun {
            // "20,000 dead starships": the first noun was an adjective.
            if counted_noun(text, at + n) {
                skip += n;
                continue;
            }
            // "20,000 victims' families": the figure counts the families.
            if words[at + n - 1].ends_with(['\'', '\u{2019}']) || words.get(at + n) == Some(&"'") {
                return Counted::default();
            }
            return Counted::of(noun_measure(text, at, &before));
        }
        let people = vocab
            .people
            .match_start(&words[at..])
            .map(|(_, n)| (n, false));
        let group = || {
            vocab
                .subgroups
                .match_start(&words[at..])
                .map(|(_, n)| (n, true))
        };
        if let Some((n, subgroup)) = people.or_else(group) {
            let after = at + n;
            if vetoed(text, after) {
                return Counted::default();
            }
            let narrowed = words
                .get(after)
                .is_some_and(|w| vocab.narrowing.contains(&w.to_lowercase()));
            return Counted {
                measure: verb_measure(text, |m| before_people(m) || after_phrase(text, m, after)),
                part: subgroup || narrowed,
            };
        }
        skip += 1;
    }
    if vetoed(text, k) {
        return Counted::default();
    }
    let rest = &words[k.min(words.len())..];
    // "20,000 died", "20,000 had died".
    if let Some(m) = verb_measure(text, |m| after_phrase(text, m, k)) {
        return Counted::of(Some(m));
    }
    // A phrase before the figure names its measure only when nothing after the figure
    // says what it counts: "killed eight years ago" counts years.
    let bare = rest.is_empty()
        || text.tokens[k].kind == TokenKind::Punct
        || vocab.function_words.match_start(rest).is_some();
    if !bare {
        return Counted::default();
    }
    Counted::of(verb_measure(text, before).or_else(|| labelled(text, q)))
}

/// Whether the token at `i` starts a noun a figure could count (a measure noun, or people).
fn counted_noun(text: &BlockText, i: usize) -> bool {
    let rest = &text.words[i.min(text.words.len())..];
    let vocab = &text.canon.vocab;
    text.canon
        .measures
        .iter()
        .any(|m| m.nouns.match_start(rest).is_some())
        || vocab.people.match_start(rest).is_some()
        || vocab.subgroups.match_start(rest).is_some()
}

/// How many tokens before a figure its label may start.
const LABEL_REACH: usize = 8;

/// "The death toll of the attack on Mars was 9,200", "Deaths: 20,000": a measure's label
/// earlier in the sentence, then a copula or a colon right before the figure.
fn labelled(text: &BlockText, q: usize) -> Option<MeasureId> {
    let words = &text.words;
    let vocab = &text.canon.vocab;
    let (_, n) = vocab.copulas.match_end(&words[..q])?;
    let end = q - n;
    let sentence = &text.sentences[text.sentence_of(q.min(text.tokens.len().saturating_sub(1)))];
    let from = end.saturating_sub(LABEL_REACH).max(sentence.start);
    (from..end).rev().find_map(|last| {
        let upto = &words[..=last];
        (0..text.canon.measures.len())
            .find(|&m| text.canon.measures[m].labels.match_end(upto).is_some())
    })
}

/// The measure a noun names (`at` is the noun's first token). Of the measures that have
/// the noun, one that needs a verb wins when it has one; else one that needs none.
fn noun_measure(
    text: &BlockText,
    at: usize,
    before: &dyn Fn(MeasureId) -> bool,
) -> Option<MeasureId> {
    let measures = &text.canon.measures;
    let mut plain = None;
    for (m, measure) in measures.iter().enumerate() {
        let Some(((), n)) = measure.nouns.match_start(&text.words[at..]) else {
            continue;
        };
        if vetoed(text, at + n) {
            return None;
        }
        let verb = before(m) || after_phrase(text, m, at + n);
        if measure.needs_verb && verb {
            return Some(m);
        }
        if !measure.needs_verb && plain.is_none() {
            plain = Some(m);
        }
    }
    plain
}

/// The first measure that needs no noun and whose phrases fit.
fn verb_measure(text: &BlockText, fits: impl Fn(MeasureId) -> bool) -> Option<MeasureId> {
    let measures = &text.canon.measures;
    (0..measures.len()).find(|&m| !measures[m].needs_verb && fits(m))
}

/// A measure's after-phrase at `at`, or one auxiliary or adverb later ("had died",
/// "quickly died"; not "one synth killed": then the figure counts synths).
fn after_phrase(text: &BlockText, m: MeasureId, at: usize) -> bool {
    let after = &text.canon.measures[m].after;
    let helper = |p: usize| {
        let w = text.words[p].to_lowercase();
        text.canon.vocab.auxiliaries.contains(&w) || (w.len() > 3 && w.ends_with("ly"))
    };
    (at..(at + 2).min(text.words.len()))
        .any(|p| (p == at || helper(p - 1)) && after.match_start(&text.words[p..]).is_some())
}

/// A veto word ("saved") within three words of `at`, before any punctuation or "and".
fn vetoed(text: &BlockText, at: usize) -> bool {
    let veto = &text.canon.vocab.measure_veto;
    for p in at..(at + 3).min(text.words.len()) {
        if text.tokens[p].kind == TokenKind::Punct
            || text.words[p].eq_ignore_ascii_case("and")
            || text.words[p].eq_ignore_ascii_case("but")
        {
            return false;
        }
        if veto.match_start(&text.words[p..]).is_some() {
            return true;
        }
    }
    false
}

fn is_plain_word(text: &BlockText, i: usize) -> bool {
    text.tokens[i].kind == TokenKind::Word && text.words[i].chars().all(char::is_lowercase)
}

/// A word that may stand between a figure and its noun: lower case, and not a function
/// word ("the", "and", "of" end the figure's phrase).
fn is_adjective(text: &BlockText, i: usize) -> bool {
    is_plain_word(text, i)
        && text
            .canon
            .vocab
            .function_words
            .match_start(&text.words[i..=i])
            .is_none()
        && !matches!(
            text.words[i],
            "the" | "a" | "an" | "of" | "their" | "its" | "his" | "her"
        )
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
