//! `cross-document` (CL005): one subject and measure given incompatible values in two
//! places of the checked files, with or without a canon fact.
//!
//! Every file contributes compact `Record`s (subject, measure, value, place), never its
//! text. After all files are read, records are grouped by project (the governing
//! `canonlint.toml`), subject and measure in path and offset order, and each record that
//! no earlier record can agree with is reported once, with a label at the first statement
//! it contradicts. Only figures and dates whose subject is named in their own sentence or
//! heading take part (a subject guessed from an earlier sentence is too weak to accuse
//! another file), only about events or about subjects canon has that measure for, or
//! about a name no pack knows written beside them (`extract::named`), and a claim that
//! already contradicts canon is left to the `fact` check. Records from trusted sources are
//! the reference of their group; for a name no pack knows, every place in a dispute is
//! labelled in the group's findings.

use std::collections::{BTreeMap, HashSet};

use crate::checks::{CheckInfo, DocCtx};
use crate::extract::named;
use crate::extract::proper::{Proper, word_hash};
use crate::extract::{Claim, ClaimKind, Via};
use crate::finding::{FileId, Finding, Location, Related, Severity};
use crate::pack::model::DATE_MEASURE;
use crate::pack::model::EntityKind;
use crate::value::{Interval, PartialDate};

/// Registry entry.
pub const INFO: CheckInfo = CheckInfo {
    code: "CL005",
    name: "cross-document",
    summary: "one subject and measure given incompatible values in two places of the checked files",
    description: "One event, or a subject canon has that measure for, or a name no pack knows, given incompatible values in two places of the checked files, with or without a canon fact. The statement no earlier one agrees with is reported, with a label at the first; statements in trusted files (`trusted` in canonlint.toml) are the reference. Figures a hundred times apart are read as a part and a whole.",
    help: "Make the two statements agree, or add a canon fact to a pack so that the right value is known.",
    default: Severity::Warning,
    fixable: false,
};

/// A figure or date a file states, kept after its text is released.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The subject's entity id, or a corpus subject's key (`named::key`): the key
    /// records are grouped by.
    pub subject: String,
    /// Whether the subject is a name no pack knows (a corpus subject), not an entity.
    pub corpus: bool,
    /// How messages name the subject.
    pub subject_name: String,
    /// The measure's id.
    pub measure: String,
    /// The measure's label.
    pub label: String,
    /// The value.
    pub value: Value,
    /// Where it is stated.
    pub location: Location,
    /// The figure or date as written.
    pub text: String,
}

/// A stated value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A figure.
    Figure(Interval),
    /// A date.
    Date(PartialDate),
}

impl Value {
    /// Whether two stated values can both be true.
    pub(crate) fn agrees_with(&self, other: &Value) -> bool {
        match (self, other) {
            // A figure a hundred times smaller than another is of a part, not a rival.
            (Value::Figure(a), Value::Figure(b)) => {
                a.overlaps(b) || a.far_below(b) || b.far_below(a)
            }
            (Value::Date(a), Value::Date(b)) => a.agrees_with(b),
            _ => true,
        }
    }
}

/// The records of one file: its figures and dates with a well-attached subject (a pack
/// entity, or a name no pack knows from `proper.subjects`), except those the `fact` check
/// already reported (`reported` holds their start offsets).
pub fn records(
    ctx: &DocCtx,
    claims: &[Claim],
    reported: &HashSet<usize>,
    proper: &Proper,
) -> Vec<Record> {
    let mut out = Vec::new();
    for claim in claims {
        // A character's figure is theirs, not the text's.
        if reported.contains(&claim.span.start) || claim.dialogue {
            continue;
        }
        let (subject, measure, value) = match &claim.kind {
            ClaimKind::Figure(f) if !f.partial && !f.hedged => match f.measure {
                Some(m) => (&f.subject, m, Value::Figure(f.interval)),
                _ => continue,
            },
            ClaimKind::Date(d) if !d.relative && !d.hedged => {
                match ctx.canon.measure(DATE_MEASURE) {
                    Some(m) => (&d.subject, m, Value::Date(d.date)),
                    _ => continue,
                }
            }
            _ => continue,
        };
        let m = &ctx.canon.measures[measure];
        let (subject, subject_name, corpus) = match subject {
            Some(subject) => {
                // Only subjects named in their own sentence or heading, and only events
                // or subjects canon has a figure of this measure for: "Holmes" beside a
                // date is not the date of Holmes.
                let entity = subject.entity;
                let meaningful = ctx.canon.entities[entity].kind == EntityKind::Event
                    || ctx.canon.has_fact(entity, measure);
                if subject.via == Via::Paragraph || !meaningful {
                    continue;
                }
                let id = ctx.canon.entities[entity].id.clone();
                (id, ctx.entity_name(entity), false)
            }
            None => match corpus_subject(proper, claim.span.start) {
                Some(form) => (named::key(form), form.to_string(), true),
                None => continue,
            },
        };
        out.push(Record {
            subject,
            corpus,
            subject_name,
            measure: m.id.clone(),
            label: m.label.clone(),
            value,
            location: ctx.at(claim.span.clone()),
            text: ctx.written(claim.span.clone()),
        });
    }
    out
}

/// The name no pack knows that the claim starting at `start` is about, if any. A name
/// opening its sentence whose first word the file also writes in lower case ("Today
/// Harrowgate ...") may start with a common word, and is not trusted.
fn corpus_subject(proper: &Proper, start: usize) -> Option<&str> {
    let i = proper.subjects.partition_point(|n| n.claim < start);
    let named = proper.subjects.get(i).filter(|n| n.claim == start)?;
    let first = named.form.split(' ').next().unwrap_or_default();
    if named.opens && proper.lowercase.contains(&word_hash(first)) {
        return None;
    }
    Some(&named.form)
}

/// Reports each record that no earlier record of the same subject and measure in the same
/// project agrees with, labelling the first statement. `records` must be in report order
/// (path, then offset); `project` says which project (governing `canonlint.toml`) a file
/// belongs to: files of different projects are different universes and are never
/// compared. `trusted` says which files are trusted sources: where a group has records
/// from them, those are the reference, and a draft's record is reported when no trusted
/// record agrees with it (a trusted record is never reported against a draft).
pub fn check(
    records: &[Record],
    project: impl Fn(FileId) -> usize,
    trusted: impl Fn(FileId) -> bool,
) -> Vec<Finding> {
    let mut groups: BTreeMap<(usize, bool, &str, &str), Vec<&Record>> = BTreeMap::new();
    for r in records {
        groups
            .entry((project(r.location.file), r.corpus, &r.subject, &r.measure))
            .or_default()
            .push(r);
    }
    let mut out = Vec::new();
    for group in groups.values() {
        let is_trusted = |r: &&Record| trusted(r.location.file);
        let reference: Vec<&Record> = group.iter().copied().filter(is_trusted).collect();
        let mut found: Vec<Conflict> = Vec::new();
        for (j, later) in group.iter().enumerate() {
            let conflict = if reference.is_empty() || is_trusted(later) {
                // Reported only when no earlier statement agrees with it: with 1,400 /
                // 200 / 1,400, only the 200 is out of line. Trusted records are compared
                // among themselves only.
                let earlier: Vec<&Record> = group[..j]
                    .iter()
                    .copied()
                    .filter(|e| reference.is_empty() || is_trusted(e))
                    .collect();
                if earlier.is_empty() || earlier.iter().any(|e| e.value.agrees_with(&later.value)) {
                    continue;
                }
                Conflict {
                    later,
                    earlier: earlier[0],
                    trusted: false,
                }
            } else {
                if reference.iter().any(|e| e.value.agrees_with(&later.value)) {
                    continue;
                }
                Conflict {
                    later,
                    earlier: reference[0],
                    trusted: true,
                }
            };
            found.push(conflict);
        }
        let mut findings: Vec<Finding> = found.iter().map(Conflict::finding).collect();
        // With a trusted source, drafts agreeing with it take part in no conflict.
        if group[0].corpus && reference.is_empty() {
            label_every_place(group, &found, &mut findings);
        }
        out.extend(findings);
    }
    out
}

/// A record reported against the record it contradicts.
struct Conflict<'a> {
    later: &'a Record,
    earlier: &'a Record,
    /// Whether `earlier` is in a trusted source and `later` is not.
    trusted: bool,
}

impl Conflict<'_> {
    fn finding(&self) -> Finding {
        let (later, earlier) = (self.later, self.earlier);
        let what = if later.measure == DATE_MEASURE {
            "date"
        } else {
            later.label.as_str()
        };
        let (where_, first, note) = if self.trusted {
            (
                "in a trusted source",
                format!("`{}` stated here, in a trusted source", earlier.text),
                "the two cannot both be true; files matching `trusted` in canonlint.toml \
                 are the reference, so correct this one, or the trusted source",
            )
        } else {
            (
                "earlier",
                format!("`{}` stated here first", earlier.text),
                "the two cannot both be true; correct one, or say why they differ",
            )
        };
        Finding::new(
            &INFO,
            later.location.clone(),
            format!(
                "conflicting {what} for {}: `{}` here, `{}` {where_}",
                later.subject_name, later.text, earlier.text
            ),
            format!("`{}` here", later.text),
        )
        .related(earlier.location.clone(), first)
        .note(note)
        .subject((!later.corpus).then_some(later.subject.as_str()))
    }
}

/// Labels every place of a corpus subject's group that takes part in a conflict but no
/// finding labels yet (a second statement of a value already reported), in the first
/// finding whose statement, else whose reference, it agrees with.
fn label_every_place(group: &[&Record], found: &[Conflict], findings: &mut [Finding]) {
    if found.is_empty() {
        return;
    }
    for r in group {
        let labelled = found
            .iter()
            .any(|c| std::ptr::eq(c.later, *r) || std::ptr::eq(c.earlier, *r));
        let disputed = group.iter().any(|o| !o.value.agrees_with(&r.value));
        if labelled || !disputed {
            continue;
        }
        let at = found
            .iter()
            .position(|c| c.later.value.agrees_with(&r.value))
            .or_else(|| {
                found
                    .iter()
                    .position(|c| c.earlier.value.agrees_with(&r.value))
            })
            .unwrap_or(0);
        findings[at].related.push(Related {
            location: r.location.clone(),
            message: format!("`{}` also stated here", r.text),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Interval;

    fn record(file: usize, value: f64) -> Record {
        Record {
            subject: "siege".into(),
            subject_name: "the siege".into(),
            measure: "deaths".into(),
            label: "deaths".into(),
            corpus: false,
            value: Value::Figure(Interval::exact(value)),
            location: Location { file, span: 0..1 },
            text: crate::value::format_number(value),
        }
    }

    #[test]
    fn only_the_statement_no_earlier_one_agrees_with_is_reported() {
        let found = check(
            &[record(0, 1400.0), record(1, 200.0), record(2, 1400.0)],
            |_| 0,
            |_| false,
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].location.file, 1);
        assert_eq!(found[0].related[0].location.file, 0);
    }

    #[test]
    fn projects_and_parts_are_never_compared() {
        assert!(
            check(
                &[record(0, 1400.0), record(1, 200.0)],
                |file| file,
                |_| false
            )
            .is_empty()
        );
        assert!(check(&[record(0, 92_000.0), record(1, 2.0)], |_| 0, |_| false).is_empty());
    }

    #[test]
    fn a_trusted_record_is_the_reference_and_never_reported_against_a_draft() {
        let found = check(
            &[record(0, 1200.0), record(1, 1500.0), record(2, 800.0)],
            |_| 0,
            |file| file == 2,
        );
        let at: Vec<(usize, usize)> = found
            .iter()
            .map(|f| (f.location.file, f.related[0].location.file))
            .collect();
        assert_eq!(at, [(0, 2), (1, 2)]);
        assert!(found[0].notes[0].contains("`trusted` in canonlint.toml"));
    }

    #[test]
    fn every_place_of_a_corpus_conflict_is_labelled() {
        let corpus = |file, value| Record {
            corpus: true,
            ..record(file, value)
        };
        let found = check(
            &[corpus(0, 1200.0), corpus(1, 400.0), corpus(2, 1200.0)],
            |_| 0,
            |_| false,
        );
        assert_eq!(found.len(), 1);
        let related: Vec<usize> = found[0].related.iter().map(|r| r.location.file).collect();
        assert_eq!(related, [0, 2]);
        assert_eq!(found[0].subject, None);
        // A pack subject keeps one label per finding.
        let pack = check(
            &[record(0, 1200.0), record(1, 400.0), record(2, 1200.0)],
            |_| 0,
            |_| false,
        );
        assert_eq!(pack[0].related.len(), 1);
    }
}
