//! The serde mirror of a pack's TOML, exactly as written, with the span of every value
//! that a later error may need to point at. Nothing here is validated beyond its shape;
//! `load` turns it into the checked model.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// A string with its place in the .toml.
pub type Str = Spanned<String>;

/// One pack file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPack {
    pub pack: RawHeader,
    #[serde(default)]
    pub source: Vec<Spanned<RawSource>>,
    #[serde(default)]
    pub entity: Vec<Spanned<RawEntity>>,
    #[serde(default)]
    pub work: Vec<Spanned<RawWork>>,
    #[serde(default)]
    pub fact: Vec<Spanned<RawFact>>,
    #[serde(default)]
    pub measure: Vec<Spanned<RawMeasure>>,
    #[serde(default)]
    pub day: Vec<Spanned<RawDay>>,
    #[serde(default)]
    pub qualifier: Vec<Spanned<RawQualifier>>,
    pub numbers: Option<RawNumbers>,
    pub vocabulary: Option<RawVocabulary>,
    #[serde(default)]
    pub test: Vec<Spanned<RawTest>>,
}

/// `[pack]`: what the pack is.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHeader {
    pub name: Str,
    /// For people reading the pack; canonlint does not use it.
    #[serde(default)]
    #[allow(dead_code)]
    pub description: String,
}

/// `[[source]]`: where canon comes from (an episode, a season, a book).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: Str,
    pub title: String,
}

/// `[[entity]]`: a person, place, ship, group, event or series.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEntity {
    pub id: Str,
    pub kind: Str,
    pub name: Str,
    #[serde(default)]
    pub aliases: Vec<Str>,
    #[serde(default)]
    pub misspellings: Vec<Str>,
    #[serde(default)]
    pub ranks: Vec<Str>,
    pub performer: Option<Str>,
    /// False for names that are also common words ("Oh"): they count only after a rank
    /// or in a credit.
    pub standalone: Option<bool>,
    /// True for a series whose works the pack lists completely.
    pub complete: Option<Spanned<bool>>,
    /// For people reading the pack; canonlint does not use it.
    #[serde(default)]
    #[allow(dead_code)]
    pub note: String,
}

/// `[[work]]`: a title, with its series and numbering.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWork {
    pub title: Str,
    pub kind: Option<Str>,
    pub series: Option<Str>,
    pub season: Option<Spanned<u32>>,
    pub episode: Option<Spanned<u32>>,
    #[serde(default)]
    pub confusions: Vec<Str>,
    pub source: Option<Str>,
}

/// `[[fact]]`: a figure or date about a subject.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFact {
    pub subject: Str,
    pub measure: Str,
    pub value: Option<Spanned<f64>>,
    pub exact: Option<Spanned<bool>>,
    pub min: Option<Spanned<f64>>,
    pub max: Option<Spanned<f64>>,
    pub more_than: Option<Spanned<f64>>,
    pub less_than: Option<Spanned<f64>>,
    pub date: Option<Str>,
    pub source: Option<Str>,
    /// How messages name what this fact counts, when the measure's label is too general.
    pub label: Option<String>,
    #[serde(default)]
    pub note: String,
}

/// `[[measure]]`: what a number can count, and the words that say so.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeasure {
    pub id: Str,
    pub label: String,
    /// The noun alone is not enough: a phrase before or after must say what happened.
    pub needs_verb: Option<bool>,
    #[serde(default)]
    pub nouns: Vec<Str>,
    #[serde(default)]
    pub before: Vec<Str>,
    #[serde(default)]
    pub before_people: Vec<Str>,
    #[serde(default)]
    pub after: Vec<Str>,
    #[serde(default)]
    pub labels: Vec<Str>,
}

/// `[[day]]`: a named day of the year ("First Contact Day").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDay {
    pub name: Str,
    pub month: Spanned<u8>,
    pub day: Spanned<u8>,
}

/// `[[qualifier]]`: words that turn a number into an interval.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQualifier {
    pub meaning: Str,
    pub words: Vec<Str>,
}

/// `[[test]]`: an example text and what checking it with the pack must report.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTest {
    pub text: Str,
    pub expect: Spanned<Vec<Str>>,
    pub format: Option<Str>,
    pub name: Option<String>,
    pub spans: Option<Spanned<Vec<Str>>>,
}

/// `[numbers]`: number words.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawNumbers {
    #[serde(default)]
    pub units: BTreeMap<String, u64>,
    #[serde(default)]
    pub tens: BTreeMap<String, u64>,
    #[serde(default)]
    pub scales: BTreeMap<String, u64>,
    #[serde(default)]
    pub collectives: BTreeMap<String, u64>,
    #[serde(default)]
    pub vague: BTreeMap<String, u64>,
    #[serde(default)]
    pub suffixes: BTreeMap<String, u64>,
    #[serde(default)]
    pub ordinals: BTreeMap<String, u64>,
    #[serde(default)]
    pub few: Vec<String>,
}

/// `[vocabulary]`: shared words the extractors read.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawVocabulary {
    #[serde(default)]
    pub people: Vec<String>,
    #[serde(default)]
    pub subgroups: Vec<String>,
    #[serde(default)]
    pub narrowing: Vec<String>,
    #[serde(default)]
    pub copulas: Vec<String>,
    #[serde(default)]
    pub auxiliaries: Vec<String>,
    #[serde(default)]
    pub references: Vec<String>,
    #[serde(default)]
    pub related: Vec<String>,
    #[serde(default)]
    pub hedges: Vec<String>,
    #[serde(default)]
    pub ranks: Vec<String>,
    #[serde(default)]
    pub ambiguous_ranks: Vec<String>,
    #[serde(default)]
    pub title_cues: BTreeMap<String, String>,
    #[serde(default)]
    pub relative_time: Vec<String>,
    #[serde(default)]
    pub measure_veto: Vec<String>,
    #[serde(default)]
    pub function_words: Vec<String>,
    #[serde(default)]
    pub partial_before: Vec<String>,
    #[serde(default)]
    pub partial_after: Vec<String>,
    pub months: Option<Spanned<Vec<Vec<String>>>>,
    #[serde(default)]
    pub credit_before: Vec<String>,
    #[serde(default)]
    pub credit_after: Vec<String>,
    #[serde(default)]
    pub co_star: Vec<String>,
    #[serde(default)]
    pub abbreviations: Vec<String>,
    #[serde(default)]
    pub connectors: Vec<String>,
    #[serde(default)]
    pub honorifics: Vec<String>,
    #[serde(default)]
    pub openers: Vec<String>,
}
