//! Shared vocabulary, compiled: number words, qualifiers, ranks, the words for people,
//! title cues, month names. The core pack writes it; every pack may add to it. The
//! extractors read nothing but this, so a new language or register is pack data.

use std::collections::{HashMap, HashSet};

/// How a qualifier turns a number into an interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meaning {
    /// "more than N": (N, inf).
    Above,
    /// "at least N": [N, inf).
    AtLeast,
    /// "nearly N": [0.9 N, N].
    Nearly,
    /// "about N": N give or take 10%, or half its last significant digit if more.
    About,
    /// "up to N": [0, N].
    AtMost,
    /// "fewer than N": [0, N).
    Below,
    /// "exactly N": [N, N].
    Exact,
}

impl Meaning {
    /// Spellings in a pack's `meaning = "..."`.
    pub const NAMES: [(&'static str, Meaning); 7] = [
        ("about", Meaning::About),
        ("above", Meaning::Above),
        ("at-least", Meaning::AtLeast),
        ("at-most", Meaning::AtMost),
        ("below", Meaning::Below),
        ("exact", Meaning::Exact),
        ("nearly", Meaning::Nearly),
    ];
}

/// A set of phrases of one or more words, matched case-insensitively against words.
#[derive(Debug, Clone)]
pub struct PhraseSet<T> {
    /// Phrases (lower-case words), in the order they were added.
    phrases: Vec<(Vec<String>, T)>,
    /// Phrase indices by first word, and by last word, longest phrase first.
    by_first: HashMap<String, Vec<usize>>,
    by_last: HashMap<String, Vec<usize>>,
}

impl<T> Default for PhraseSet<T> {
    fn default() -> Self {
        PhraseSet {
            phrases: Vec::new(),
            by_first: HashMap::new(),
            by_last: HashMap::new(),
        }
    }
}

/// A word in lower case, without allocating for short ASCII words (the common case):
/// the key to look words up with in the vocabulary's sets and maps.
pub fn lower_key<'b>(word: &str, buffer: &'b mut [u8; 32]) -> std::borrow::Cow<'b, str> {
    if word.is_ascii() && word.len() <= buffer.len() {
        let bytes = &mut buffer[..word.len()];
        bytes.copy_from_slice(word.as_bytes());
        bytes.make_ascii_lowercase();
        std::borrow::Cow::Borrowed(std::str::from_utf8(bytes).unwrap_or_default())
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

impl<T: Copy> PhraseSet<T> {
    /// Adds a phrase ("more than") with the value it stands for.
    pub fn add(&mut self, phrase: &str, value: T) {
        let words: Vec<String> = crate::extract::tokens::tokenize(phrase, 0)
            .into_iter()
            .map(|t| phrase[t.span].to_lowercase())
            .collect();
        let (Some(first), Some(last)) = (words.first().cloned(), words.last().cloned()) else {
            return;
        };
        let candidates = self.by_first.get(&first).map(Vec::as_slice).unwrap_or(&[]);
        if candidates.iter().any(|&i| self.phrases[i].0 == words) {
            return;
        }
        let id = self.phrases.len();
        let len = words.len();
        self.phrases.push((words, value));
        // Each bucket keeps the longest phrases first, so "more than" wins over "more".
        let phrases = &self.phrases;
        for bucket in [
            self.by_first.entry(first).or_default(),
            self.by_last.entry(last).or_default(),
        ] {
            let at = bucket.partition_point(|&i| phrases[i].0.len() >= len);
            bucket.insert(at, id);
        }
    }

    /// The longest phrase that starts at `words[0]`: its value and length in words.
    pub fn match_start(&self, words: &[&str]) -> Option<(T, usize)> {
        let mut buffer = [0u8; 32];
        let candidates = self
            .by_first
            .get(lower_key(words.first()?, &mut buffer).as_ref())?;
        candidates.iter().find_map(|&i| {
            let (phrase, value) = &self.phrases[i];
            (words.len() >= phrase.len() && phrase.iter().zip(words).all(|(p, w)| same_word(p, w)))
                .then_some((*value, phrase.len()))
        })
    }

    /// The longest phrase that ends at the last of `words`: its value and length in words.
    pub fn match_end(&self, words: &[&str]) -> Option<(T, usize)> {
        let mut buffer = [0u8; 32];
        let candidates = self
            .by_last
            .get(lower_key(words.last()?, &mut buffer).as_ref())?;
        candidates.iter().find_map(|&i| {
            let (phrase, value) = &self.phrases[i];
            let n = phrase.len();
            (words.len() >= n
                && phrase
                    .iter()
                    .zip(&words[words.len() - n..])
                    .all(|(p, w)| same_word(p, w)))
            .then_some((*value, n))
        })
    }
}

/// Whether a text word is a phrase word (stored lower case), in any case.
fn same_word(phrase_word: &str, word: &str) -> bool {
    if word.is_ascii() {
        return phrase_word.eq_ignore_ascii_case(word);
    }
    word.chars()
        .flat_map(char::to_lowercase)
        .eq(phrase_word.chars())
}

/// The part a number word plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberWord {
    /// one .. nineteen.
    Unit(u64),
    /// twenty .. ninety.
    Ten(u64),
    /// hundred, thousand, million.
    Scale(u64),
    /// dozen, score: counted like units of their size ("two dozen").
    Collective(u64),
    /// hundreds, thousands: "hundreds of" means at least a hundred.
    Vague(u64),
    /// first .. twentieth, for episode and season numbers.
    Ordinal(u64),
}

/// Everything the extractors read, compiled for look-up.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    /// Number words by lower-case spelling.
    pub numbers: HashMap<String, NumberWord>,
    /// Multipliers written straight after digits ("92k").
    pub suffixes: HashMap<String, u64>,
    /// Words for "two to nine" before a scale ("a few hundred", "several thousand").
    pub few: PhraseSet<()>,
    /// Qualifiers ("more than") with their meaning.
    pub qualifiers: PhraseSet<Meaning>,
    /// Words for counted people in general ("people", "lives"): the number counts them,
    /// and the measure comes from the verb ("92,000 people died").
    pub people: PhraseSet<()>,
    /// Words for a group of people ("children", "engineers"): a count of them is a part of
    /// a toll, never the toll ("forty children died").
    pub subgroups: PhraseSet<()>,
    /// Words after counted people that narrow them to a part ("two people she loved").
    pub narrowing: HashSet<String>,
    /// Words between a measure's label and its figure ("was", ":").
    pub copulas: PhraseSet<()>,
    /// Words that may stand between a figure and its verb ("had" in "20,000 had died").
    pub auxiliaries: HashSet<String>,
    /// Words that open a sentence referring back to an earlier one ("It", "They").
    pub references: HashSet<String>,
    /// Words before an event's name that make the sentence about something related
    /// ("the inquiry into", "the trial of the agents behind").
    pub related: HashSet<String>,
    /// Words that make a sentence report, rumour or suppose rather than assert ("if",
    /// "reportedly", "rumour").
    pub hedges: PhraseSet<()>,
    /// Ranks, longest first ("Rear Admiral" before "Admiral").
    pub ranks: PhraseSet<usize>,
    /// Rank spellings, indexed by the values in `ranks`.
    pub rank_names: Vec<String>,
    /// Ranks that are also adjectives, not read as ranks at the start of a sentence.
    pub ambiguous_ranks: HashSet<String>,
    /// Words soon after a figure that cancel its measure ("lives were saved").
    pub measure_veto: PhraseSet<()>,
    /// Words that may follow a bare figure without being what it counts ("in", "and").
    pub function_words: PhraseSet<()>,
    /// Words that make a quote a title, with the kind of work they announce (None: any).
    pub title_cues: PhraseSet<Option<usize>>,
    /// Work kinds named by title cues, indexed by the values in `title_cues`.
    pub work_kinds: Vec<String>,
    /// Words that make a date relative to the subject rather than its date ("after").
    pub relative_time: HashSet<String>,
    /// Words right before a figure that make it a part ("another 3,000").
    pub partial_before: HashSet<String>,
    /// Words right after a figure that make it a part ("3,000 more").
    pub partial_after: HashSet<String>,
    /// Month names and abbreviations, lower case, to month number.
    pub months: HashMap<String, u8>,
    /// Phrases before a performer's name in a credit ("played by").
    pub credit_before: PhraseSet<()>,
    /// Phrases between a performer and the role ("as", "plays").
    pub credit_after: PhraseSet<()>,
    /// Words before a performer that make them a co-star, not the credit ("opposite").
    pub co_star: HashSet<String>,
    /// Abbreviations whose full stop does not end a sentence ("Dr", "Lt").
    pub abbreviations: HashSet<String>,
    /// Lower-case words that may sit inside a proper name ("of", "de").
    pub connectors: HashSet<String>,
    /// Words before a name that are not part of it ("mr", "lady"), lower case.
    pub honorifics: HashSet<String>,
    /// Common words that are capitalised only because they open a sentence ("then",
    /// "yes"), lower case: never the first word of a name.
    pub openers: HashSet<String>,
}

impl Vocabulary {
    /// The spelling of a rank index.
    pub fn rank_name(&self, index: usize) -> &str {
        &self.rank_names[index]
    }

    /// The index of a rank spelling (case-sensitive), if the vocabulary has it.
    pub fn rank_index(&self, name: &str) -> Option<usize> {
        self.rank_names.iter().position(|r| r == name)
    }
}
