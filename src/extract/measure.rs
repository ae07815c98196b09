//! What a figure counts: the measure named by the words around it, and whether the
//! figure counts only a part of a whole. Read by the quantity parser for every figure.

use crate::extract::block::BlockText;
use crate::extract::tokens::TokenKind;
use crate::pack::model::MeasureId;
use crate::source::BlockKind;

/// What a figure counts, and whether it counts only a part of a whole.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counted {
    /// The measure, if the words say.
    pub measure: Option<MeasureId>,
    /// Only a part of a whole is counted.
    pub part: bool,
    /// The measure came from a label ("Deaths: 20,000", a table row), as in an infobox.
    pub labelled: bool,
}

impl Counted {
    fn of(measure: Option<MeasureId>) -> Counted {
        Counted {
            measure,
            part: false,
            labelled: false,
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
pub fn measure(text: &BlockText, q: usize, k: usize) -> Counted {
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
                labelled: false,
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
    match verb_measure(text, before) {
        Some(m) => Counted::of(Some(m)),
        None => {
            let measure = labelled(text, q);
            Counted {
                measure,
                part: false,
                labelled: measure.is_some(),
            }
        }
    }
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
    let measures = &text.canon.measures;
    // In a table row the label is the cell before: "| Deaths | 20,000 |".
    if text.kind == BlockKind::TableRow {
        return (0..measures.len()).find(|&m| measures[m].labels.match_end(&words[..q]).is_some());
    }
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
