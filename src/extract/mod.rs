//! Claims: what a text asserts, parsed out of its prose with byte spans into the file.
//!
//! Each claim shape has its own small parser module (`number`, `quantity`, `date`,
//! `episode`, `title`, `rank`, `credit`, `names`). `extract` runs them block by block and
//! then attaches figures and dates to the subject they speak of (`subject`).

pub mod block;
pub mod credit;
pub mod date;
mod dated;
pub mod episode;
mod hedge;
pub mod measure;
pub mod named;
pub mod names;
pub mod number;
pub mod proper;
pub mod quantity;
pub mod rank;
pub mod subject;
pub mod title;
pub mod tokens;

use std::ops::Range;

use crate::pack::Canon;
use crate::pack::model::{EntityId, MeasureId};
use crate::source::{BlockKind, Document};
use crate::value::{Interval, PartialDate};

pub use block::BlockText;
pub use episode::EpisodeRef;

/// How a subject was found, from strongest to weakest evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// Named in the same sentence.
    Sentence,
    /// Named earlier in the paragraph.
    Paragraph,
    /// The section heading.
    Heading,
    /// The page's title, from its file name (a wiki page).
    PageTitle,
}

/// The subject of a figure or date (the entity it speaks of), with the way it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attached {
    /// The entity.
    pub entity: EntityId,
    /// How it was found.
    pub via: Via,
}

/// A figure: "more than 92,000 lives".
#[derive(Debug, Clone, PartialEq)]
pub struct FigureClaim {
    /// The values the wording allows.
    pub interval: Interval,
    /// What it counts, if the words around it say.
    pub measure: Option<MeasureId>,
    /// A part rather than the whole ("another 3,000", "forty children").
    pub partial: bool,
    /// What it counts is named by a label ("Deaths: 20,000"), as in an infobox.
    pub labelled: bool,
    /// Not asserted as fact: in a block quote, or in a sentence that reports, rumours or
    /// supposes it ("early reports said", "if").
    pub hedged: bool,
    /// What it is about.
    pub subject: Option<Attached>,
}

/// A date: "April 5, 2385", "First Contact Day".
#[derive(Debug, Clone, PartialEq)]
pub struct DateClaim {
    /// The parts given.
    pub date: PartialDate,
    /// The sentence measures from the subject ("a year after ...").
    pub relative: bool,
    /// Not asserted as fact (see `FigureClaim::hedged`).
    pub hedged: bool,
    /// What it is about.
    pub subject: Option<Attached>,
}

/// A title in a title context: `the Short Treks episode "Children of Mars"`.
#[derive(Debug, Clone, PartialEq)]
pub struct TitleClaim {
    /// The title as written, without surrounding punctuation.
    pub title: String,
    /// The series named in the sentence.
    pub series: Option<EntityId>,
    /// The kind of work the context announces (an index into `Vocabulary::work_kinds`).
    pub kind: Option<usize>,
    /// Season and episode given in the sentence.
    pub episode: Option<EpisodeRef>,
}

/// What a claim says.
#[derive(Debug, Clone, PartialEq)]
pub enum ClaimKind {
    /// A known spelling of an entity, right or a known misspelling (`form` indexes
    /// `NameIndex::forms`).
    Name {
        /// The form matched.
        form: usize,
    },
    /// A proper-noun phrase a small edit away from one entity's name.
    NearName {
        /// The closest form.
        form: usize,
    },
    /// A title.
    Title(TitleClaim),
    /// A figure.
    Figure(FigureClaim),
    /// A date.
    Date(DateClaim),
    /// "Commodore Oh": a rank given to a character.
    Rank {
        /// Index into `Vocabulary::rank_names`.
        rank: usize,
        /// The character.
        entity: EntityId,
        /// The bytes of the rank words.
        rank_span: Range<usize>,
    },
    /// "Narek (Harry Treadaway)": a performer credited with a role.
    Credit {
        /// The character.
        character: EntityId,
        /// The performer as written.
        performer: String,
    },
}

/// One claim: what it says and where.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// The bytes the claim is about: the name, the title, the figure, the date, the rank
    /// and name, the performer.
    pub span: Range<usize>,
    /// What it says.
    pub kind: ClaimKind,
    /// Inside a character's speech or thought: asserted in-universe, not by the text
    /// (never set for names: their spelling is the author's).
    pub dialogue: bool,
}

/// Extracts every claim of a document, in order of position.
pub fn extract(doc: &Document, canon: &Canon) -> Vec<Claim> {
    extract_all(doc, canon).0
}

/// Extracts every claim of a document, in order of position, and the names and titles
/// the corpus checks compare across files.
pub fn extract_all(doc: &Document, canon: &Canon) -> (Vec<Claim>, proper::Proper) {
    let mut claims = Vec::new();
    let mut seen = proper::Proper::default();
    // The open headings, outermost first, each with the entity it names: a sub-heading
    // that names none ("## Casualties") keeps its parent's subject.
    // A wiki page's title (from its file name) stands as a heading above them all.
    let mut headings: Vec<(u8, Option<(EntityId, Via)>)> = doc
        .page_title
        .as_deref()
        .map(|title| (0, title_subject(title, canon).map(|e| (e, Via::PageTitle))))
        .into_iter()
        .collect();
    let original = doc.same_offsets().unwrap_or(&doc.prose);
    for (index, block) in doc.blocks.iter().enumerate() {
        let text = BlockText::new(&doc.prose, original, block, canon);
        let start = claims.len();
        let names_start = seen.names.len();
        names::extract(&text, &mut claims);
        rank::extract(&text, &mut claims);
        credit::extract(&text, &mut claims);
        title::extract(&text, &doc.emphasis, &mut claims);
        proper::collect(
            &text,
            index as u32,
            &claims[start..],
            &doc.emphasis,
            &mut seen,
        );
        date::extract(&text, &mut claims);
        quantity::extract(&text, &mut claims);
        if let BlockKind::Heading(level) = block.kind {
            headings.retain(|(l, _)| *l < level);
            headings.push((level, subject::of_heading(&text).map(|e| (e, Via::Heading))));
        }
        let heading = headings.iter().rev().find_map(|(_, e)| *e);
        subject::attach(&text, heading, &doc.emphasis, &mut claims[start..]);
        named::attach(
            &text,
            &seen.names[names_start..],
            &claims[start..],
            &mut seen.subjects,
        );
    }
    claims.sort_by_key(|c| (c.span.start, c.span.end));
    seen.subjects.sort_by_key(|n| n.claim);
    (claims, seen)
}

/// The entity a title outside the text names, read as a heading would be.
fn title_subject(title: &str, canon: &Canon) -> Option<EntityId> {
    let doc = Document::new(crate::source::Format::Text, title.to_string());
    let block = doc.blocks.first()?;
    let block = crate::source::Block {
        kind: BlockKind::Heading(0),
        ..block.clone()
    };
    subject::of_heading(&BlockText::new(&doc.prose, &doc.text, &block, canon))
}

/// Helpers for the parsers' unit tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;
    use crate::source::Format;

    /// The bundled example canon.
    pub fn star_trek() -> Canon {
        crate::pack::load_named(&["star-trek".into()], std::path::Path::new(".")).unwrap()
    }

    /// The claims of a Markdown text under `canon`, each with its text.
    pub fn claims<'a>(canon: &Canon, text: &'a str) -> Vec<(&'a str, Claim)> {
        let doc = Document::new(Format::Markdown, text.to_string());
        extract(&doc, canon)
            .into_iter()
            .map(|c| (&text[c.span.clone()], c))
            .collect()
    }
}
