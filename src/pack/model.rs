//! The validated model of canon: every pack of a run merged into one `Canon`, with
//! references resolved to indices. A `Canon` that exists is consistent, so checks never
//! fail on it at run time.

use std::ops::Range;
use std::sync::Arc;

use crate::pack::names::NameIndex;
use crate::pack::vocab::{PhraseSet, Vocabulary};
use crate::source::Format;
use crate::value::{Interval, PartialDate};

/// The id of the built-in measure that dates are compared under.
pub const DATE_MEASURE: &str = "date";

/// Index of an entity in `Canon::entities`.
pub type EntityId = usize;
/// Index of a measure in `Canon::measures`.
pub type MeasureId = usize;

/// A pack's file, kept for diagnostics that point at a canon entry.
#[derive(Debug, Clone)]
pub struct PackFile {
    /// The pack's name (`star-trek`).
    pub name: String,
    /// The path shown to users (`rules/star-trek.toml` for a bundled pack).
    pub path: String,
    /// The TOML text.
    pub text: Arc<str>,
}

/// Where an entry was written: which pack, which bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// Index into `Canon::files`.
    pub pack: usize,
    /// Byte range of the entry in that pack's text.
    pub span: Range<usize>,
}

/// What sort of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    /// A character.
    Person,
    /// A planet, a city, a shipyard.
    Place,
    /// A vessel.
    Ship,
    /// An organisation, a people, a faction.
    Group,
    /// Something that happened: a battle, an attack.
    Event,
    /// A series of works.
    Series,
    /// Anything else with a name.
    Thing,
    /// A performer, derived from a character's credit.
    Performer,
}

impl EntityKind {
    /// The kinds a pack may write, with their spelling.
    pub const WRITABLE: [(&'static str, EntityKind); 7] = [
        ("event", EntityKind::Event),
        ("group", EntityKind::Group),
        ("person", EntityKind::Person),
        ("place", EntityKind::Place),
        ("series", EntityKind::Series),
        ("ship", EntityKind::Ship),
        ("thing", EntityKind::Thing),
    ];
}

/// A named thing of the universe.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Stable id (`utopia-planitia`).
    pub id: String,
    /// What it is.
    pub kind: EntityKind,
    /// The canonical spelling.
    pub name: String,
    /// Other correct names.
    pub aliases: Vec<String>,
    /// Known wrong spellings.
    pub misspellings: Vec<String>,
    /// Ranks the character holds or held.
    pub ranks: Vec<String>,
    /// The performer credited with the role.
    pub performer: Option<String>,
    /// False when the bare name is also a common word.
    pub standalone: bool,
    /// For a series: the pack lists all of its works.
    pub complete: bool,
    /// Where the entity was written (the whole table).
    pub origin: Origin,
    /// Where in the pack each attribute is written, for labels that point at it.
    pub spans: EntitySpans,
}

/// Byte ranges of an entity's values in its pack, for diagnostics.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntitySpans {
    /// `name = "..."`'s value.
    pub name: Range<usize>,
    /// Each alias, in order.
    pub aliases: Vec<Range<usize>>,
    /// Each misspelling, in order.
    pub misspellings: Vec<Range<usize>>,
    /// The `ranks` list, from its first to its last rank.
    pub ranks: Option<Range<usize>>,
    /// `performer = "..."`'s value.
    pub performer: Option<Range<usize>>,
    /// `complete = true`'s value.
    pub complete: Option<Range<usize>>,
}

/// A title with its series and numbering.
#[derive(Debug, Clone)]
pub struct Work {
    /// The title as canon spells it.
    pub title: String,
    /// What it is: episode, film, comic, novel, short.
    pub kind: Option<String>,
    /// The series it belongs to.
    pub series: Option<EntityId>,
    /// Season number.
    pub season: Option<u32>,
    /// Episode number within the season.
    pub episode: Option<u32>,
    /// Titles people wrongly write for this one.
    pub confusions: Vec<String>,
    /// Where the pack says this comes from.
    pub source: Option<usize>,
    /// Where the work was written (the whole table).
    pub origin: Origin,
    /// `title = "..."`'s value.
    pub title_span: Range<usize>,
}

/// Where canon comes from.
#[derive(Debug, Clone)]
pub struct Source {
    /// Stable id.
    pub id: String,
    /// Human title ("Star Trek: Picard, season 1").
    pub title: String,
}

/// What a number counts, and the words that say so.
#[derive(Debug, Clone)]
pub struct Measure {
    /// Stable id (`deaths`).
    pub id: String,
    /// How messages name it ("deaths", "starships destroyed").
    pub label: String,
    /// Nouns right after the number ("92,000 lives").
    pub nouns: PhraseSet<()>,
    /// Phrases right before the number or its qualifier ("killed", "a death toll of").
    pub before: PhraseSet<()>,
    /// Phrases before the number that count only when it counts people ("claimed").
    pub before_people: PhraseSet<()>,
    /// Phrases right after the number or the counted people ("died", "were killed").
    pub after: PhraseSet<()>,
    /// Names of the measure that may head a sentence giving it ("death toll", "Deaths").
    pub labels: PhraseSet<()>,
    /// The noun counts only with a phrase before or after ("20,000 ships were destroyed").
    pub needs_verb: bool,
}

/// The value a fact gives.
#[derive(Debug, Clone)]
pub enum FactValue {
    /// A figure, as an interval, with the pack's own phrasing of it ("more than 92,000").
    Figure {
        /// The values canon allows.
        interval: Interval,
        /// How to say it.
        phrase: String,
        /// The central figure, to recognise it when a text puts it on another measure.
        figure: f64,
    },
    /// A date.
    Date(PartialDate),
}

/// A figure or date about a subject.
#[derive(Debug, Clone)]
pub struct Fact {
    /// What the fact is about.
    pub subject: EntityId,
    /// What it measures.
    pub measure: MeasureId,
    /// The value.
    pub value: FactValue,
    /// Where canon says so.
    pub source: Option<usize>,
    /// What it counts, in words, if more precise than the measure's label.
    pub label: Option<String>,
    /// A remark for diagnostics.
    pub note: String,
    /// Where the fact was written (the whole table).
    pub origin: Origin,
    /// The value's bytes (`92000` of `more_than = 92000`, the date string).
    pub value_span: Range<usize>,
}

/// A named day of the year.
#[derive(Debug, Clone)]
pub struct Day {
    /// Its name ("First Contact Day").
    pub name: String,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month.
    pub day: u8,
}

/// An example a pack carries (`[[test]]`): a text and what checking it with the pack
/// must report. Checks never read these; `canonlint pack test` runs them.
#[derive(Debug, Clone)]
pub struct PackTest {
    /// Index into `Canon::files` of the pack that carries it.
    pub pack: usize,
    /// A short description, if given.
    pub name: Option<String>,
    /// The example text.
    pub text: String,
    /// The format it is read in.
    pub format: Format,
    /// The codes of the findings it must give, in report order (empty: none).
    pub expect: Vec<&'static str>,
    /// The text each expected finding must cover exactly, if given.
    pub spans: Option<Vec<String>>,
    /// `text = "..."`'s value in the pack, where a failure is reported.
    pub text_span: Range<usize>,
}

/// Every pack of a run, merged and validated, with the matchers built from it.
#[derive(Debug)]
pub struct Canon {
    /// The packs' files, for diagnostics.
    pub files: Vec<PackFile>,
    /// All entities.
    pub entities: Vec<Entity>,
    /// All works.
    pub works: Vec<Work>,
    /// All facts.
    pub facts: Vec<Fact>,
    /// All sources.
    pub sources: Vec<Source>,
    /// All measures; the built-in `date` measure is one of them.
    pub measures: Vec<Measure>,
    /// Named days.
    pub days: Vec<Day>,
    /// Shared words.
    pub vocab: Vocabulary,
    /// The name matcher.
    pub names: NameIndex,
    /// The packs' examples, in pack order.
    pub tests: Vec<PackTest>,
}

impl Canon {
    /// The measure with this id.
    pub fn measure(&self, id: &str) -> Option<MeasureId> {
        self.measures.iter().position(|m| m.id == id)
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<EntityId> {
        self.entities.iter().position(|e| e.id == id)
    }

    /// Facts about one subject and measure.
    pub fn facts_for(&self, subject: EntityId, measure: MeasureId) -> impl Iterator<Item = &Fact> {
        self.facts
            .iter()
            .filter(move |f| f.subject == subject && f.measure == measure)
    }

    /// Whether any fact is about this subject and measure.
    pub fn has_fact(&self, subject: EntityId, measure: MeasureId) -> bool {
        self.facts_for(subject, measure).next().is_some()
    }

    /// The title of a source, if the fact names one.
    pub fn source_title(&self, source: Option<usize>) -> Option<&str> {
        source.map(|s| self.sources[s].title.as_str())
    }
}
