//! Compiling `[numbers]`, `[vocabulary]`, `[[qualifier]]` and `[[measure]]` tables of all
//! packs into one `Vocabulary` and the list of measures. Later packs add words; they never
//! remove the core pack's.

use std::collections::HashMap;

use crate::pack::load::{Ctx, check_unique, non_empty};
use crate::pack::model::Measure;
use crate::pack::raw::RawPack;
use crate::pack::vocab::{Meaning, NumberWord, PhraseSet, Vocabulary};

pub use crate::pack::model::DATE_MEASURE;

/// A `[numbers]` table: word to value.
type NumberTable = std::collections::BTreeMap<String, u64>;
/// How a table's words are read.
type WordKind = fn(u64) -> NumberWord;

/// Merges the vocabulary of every pack.
pub(crate) fn compile(ctx: &mut Ctx, raws: &[RawPack]) -> Vocabulary {
    let mut v = Vocabulary::default();
    for (pack, raw) in raws.iter().enumerate() {
        if let Some(numbers) = &raw.numbers {
            let groups: [(&NumberTable, WordKind); 6] = [
                (&numbers.units, NumberWord::Unit),
                (&numbers.tens, NumberWord::Ten),
                (&numbers.scales, NumberWord::Scale),
                (&numbers.collectives, NumberWord::Collective),
                (&numbers.vague, NumberWord::Vague),
                (&numbers.ordinals, NumberWord::Ordinal),
            ];
            for (words, make) in groups {
                for (word, value) in words {
                    v.numbers.insert(word.to_lowercase(), make(*value));
                }
            }
            for (suffix, value) in &numbers.suffixes {
                v.suffixes.insert(suffix.clone(), *value);
            }
            for w in &numbers.few {
                v.few.add(w, ());
            }
        }
        for q in &raw.qualifier {
            let q = q.get_ref();
            let meaning = Meaning::NAMES
                .iter()
                .find(|(n, _)| n == q.meaning.get_ref())
                .map(|(_, m)| *m);
            match meaning {
                Some(meaning) => {
                    for word in &q.words {
                        if non_empty(ctx, pack, word, "qualifier") {
                            v.qualifiers.add(word.get_ref(), meaning);
                        }
                    }
                }
                None => ctx.unknown(
                    pack,
                    "qualifier meaning",
                    &q.meaning,
                    Meaning::NAMES.map(|(n, _)| n),
                ),
            }
        }
        if let Some(words) = &raw.vocabulary {
            add_words(ctx, pack, &mut v, words);
        }
    }
    v
}

fn add_words(
    ctx: &mut Ctx,
    pack: usize,
    v: &mut Vocabulary,
    words: &crate::pack::raw::RawVocabulary,
) {
    for w in &words.people {
        v.people.add(w, ());
    }
    for w in &words.subgroups {
        v.subgroups.add(w, ());
    }
    v.narrowing
        .extend(words.narrowing.iter().map(|w| w.to_lowercase()));
    for w in &words.copulas {
        v.copulas.add(w, ());
    }
    v.auxiliaries
        .extend(words.auxiliaries.iter().map(|w| w.to_lowercase()));
    v.references
        .extend(words.references.iter().map(|w| w.to_lowercase()));
    v.related
        .extend(words.related.iter().map(|w| w.to_lowercase()));
    for w in &words.hedges {
        v.hedges.add(w, ());
    }
    for rank in &words.ranks {
        if v.rank_index(rank).is_none() {
            v.rank_names.push(rank.clone());
            v.ranks.add(rank, v.rank_names.len() - 1);
        }
    }
    for (cue, kind) in &words.title_cues {
        let kind = (kind != "any").then(|| match v.work_kinds.iter().position(|k| k == kind) {
            Some(i) => i,
            None => {
                v.work_kinds.push(kind.clone());
                v.work_kinds.len() - 1
            }
        });
        v.title_cues.add(cue, kind);
    }
    v.ambiguous_ranks
        .extend(words.ambiguous_ranks.iter().cloned());
    v.relative_time
        .extend(words.relative_time.iter().map(|w| w.to_lowercase()));
    for w in &words.measure_veto {
        v.measure_veto.add(w, ());
    }
    for w in &words.function_words {
        v.function_words.add(w, ());
    }
    v.partial_before
        .extend(words.partial_before.iter().map(|w| w.to_lowercase()));
    v.partial_after
        .extend(words.partial_after.iter().map(|w| w.to_lowercase()));
    v.abbreviations.extend(words.abbreviations.iter().cloned());
    v.connectors.extend(words.connectors.iter().cloned());
    v.honorifics
        .extend(words.honorifics.iter().map(|w| w.to_lowercase()));
    v.openers
        .extend(words.openers.iter().map(|w| w.to_lowercase()));
    for w in &words.credit_before {
        v.credit_before.add(w, ());
    }
    for w in &words.credit_after {
        v.credit_after.add(w, ());
    }
    v.co_star
        .extend(words.co_star.iter().map(|w| w.to_lowercase()));
    if let Some(months) = &words.months {
        if months.get_ref().len() != 12 {
            ctx.error(
                pack,
                months.span(),
                format!(
                    "`months` lists {} months; it needs 12",
                    months.get_ref().len()
                ),
                "one list of spellings per month",
            );
        }
        for (i, spellings) in months.get_ref().iter().enumerate().take(12) {
            for s in spellings {
                v.months.insert(s.to_lowercase(), i as u8 + 1);
            }
        }
    }
}

/// All measures: the built-in `date`, then every pack's `[[measure]]`.
pub(crate) fn measures(ctx: &mut Ctx, raws: &[RawPack]) -> Vec<Measure> {
    let mut out = vec![Measure {
        id: DATE_MEASURE.to_string(),
        label: "date".to_string(),
        nouns: PhraseSet::default(),
        before: PhraseSet::default(),
        before_people: PhraseSet::default(),
        after: PhraseSet::default(),
        labels: PhraseSet::default(),
        needs_verb: false,
    }];
    let mut seen: HashMap<String, (usize, std::ops::Range<usize>)> = HashMap::new();
    for (pack, raw) in raws.iter().enumerate() {
        for m in &raw.measure {
            let m = m.get_ref();
            if m.id.get_ref() == DATE_MEASURE {
                ctx.error(
                    pack,
                    m.id.span(),
                    "`date` is built in; dates need no measure table".into(),
                    "reserved",
                );
                continue;
            }
            if !check_unique(ctx, "measure", &mut seen, pack, &m.id) {
                continue;
            }
            let mut ok = true;
            for w in m
                .nouns
                .iter()
                .chain(&m.before)
                .chain(&m.before_people)
                .chain(&m.after)
                .chain(&m.labels)
            {
                ok &= non_empty(ctx, pack, w, "measure word");
            }
            if ok {
                let words = |list: &Vec<crate::pack::raw::Str>| {
                    let mut set = PhraseSet::default();
                    for w in list {
                        set.add(w.get_ref(), ());
                    }
                    set
                };
                out.push(Measure {
                    id: m.id.get_ref().clone(),
                    label: m.label.clone(),
                    nouns: words(&m.nouns),
                    before: words(&m.before),
                    before_people: words(&m.before_people),
                    after: words(&m.after),
                    labels: words(&m.labels),
                    needs_verb: m.needs_verb.unwrap_or(false),
                });
            }
        }
    }
    out
}
