//! `cross-document` (CL005): one subject and measure given incompatible values in two
//! places of the checked files, with or without a canon fact.
//!
//! Every file contributes compact `Record`s (subject, measure, value, place), never its
//! text. After all files are read, records are grouped by project (the governing
//! `canonlint.toml`), subject and measure in path and offset order, and each record that
//! no earlier record can agree with is reported once, with a label at the first statement
//! it contradicts. Only figures and dates whose
//! subject is named in their own sentence or heading take part (a subject guessed from an
//! earlier sentence is too weak to accuse another file), only about events or about
//! subjects canon has that measure for, and a claim that already contradicts canon is left
//! to the `fact` check.

use std::collections::{BTreeMap, HashSet};

use crate::checks::{CheckInfo, DocCtx};
use crate::extract::{Claim, ClaimKind, Via};
use crate::finding::{Finding, Location, Severity};
use crate::pack::model::DATE_MEASURE;
use crate::pack::model::EntityKind;
use crate::value::{Interval, PartialDate};

/// Registry entry.
pub const INFO: CheckInfo = CheckInfo {
    code: "CL005",
    name: "cross-document",
    summary: "one subject and measure given incompatible values in two places of the checked files",
    description: "One event, or a subject canon has that measure for, given incompatible values in two places of the checked files, with or without a canon fact. The statement no earlier one agrees with is reported, with a label at the first; figures a hundred times apart are read as a part and a whole.",
    help: "Make the two statements agree, or add a canon fact to a pack so that the right value is known.",
    default: Severity::Warning,
    fixable: false,
};

/// A figure or date a file states, kept after its text is released.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The subject's entity id, the key records are grouped by.
    pub subject: String,
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

/// The records of one file: its figures and dates with a well-attached subject, except
/// those the `fact` check already reported (`reported` holds their start offsets).
pub fn records(ctx: &DocCtx, claims: &[Claim], reported: &HashSet<usize>) -> Vec<Record> {
    let mut out = Vec::new();
    for claim in claims {
        // A character's figure is theirs, not the text's.
        if reported.contains(&claim.span.start) || claim.dialogue {
            continue;
        }
        let (subject, measure, value) = match &claim.kind {
            ClaimKind::Figure(f) if !f.partial && !f.hedged => match (&f.subject, f.measure) {
                (Some(s), Some(m)) => (s, m, Value::Figure(f.interval)),
                _ => continue,
            },
            ClaimKind::Date(d) if !d.relative && !d.hedged => {
                match (&d.subject, ctx.canon.measure(DATE_MEASURE)) {
                    (Some(s), Some(m)) => (s, m, Value::Date(d.date)),
                    _ => continue,
                }
            }
            _ => continue,
        };
        // Only subjects named in their own sentence or heading, and only events or
        // subjects canon has a figure of this measure for: "Holmes" beside a date is not
        // the date of Holmes.
        let entity = subject.entity;
        let meaningful = ctx.canon.entities[entity].kind == EntityKind::Event
            || ctx.canon.has_fact(entity, measure);
        if subject.via == Via::Paragraph || !meaningful {
            continue;
        }
        let m = &ctx.canon.measures[measure];
        out.push(Record {
            subject: ctx.canon.entities[entity].id.clone(),
            subject_name: ctx.entity_name(entity),
            measure: m.id.clone(),
            label: m.label.clone(),
            value,
            location: ctx.at(claim.span.clone()),
            text: ctx.written(claim.span.clone()),
        });
    }
    out
}

/// Reports each record that no earlier record of the same subject and measure in the same
/// project agrees with, labelling the first statement. `records` must be in report order (path, then offset); `project`
/// says which project (governing `canonlint.toml`) a file belongs to: files of different
/// projects are different universes and are never compared.
pub fn check(
    records: &[Record],
    project: impl Fn(crate::finding::FileId) -> usize,
) -> Vec<Finding> {
    let mut groups: BTreeMap<(usize, &str, &str), Vec<&Record>> = BTreeMap::new();
    for r in records {
        groups
            .entry((project(r.location.file), &r.subject, &r.measure))
            .or_default()
            .push(r);
    }
    let mut out = Vec::new();
    for group in groups.values() {
        for (j, later) in group.iter().enumerate() {
            // Reported only when no earlier statement agrees with it: with 1,400 / 200 /
            // 1,400, only the 200 is out of line.
            let earlier = &group[..j];
            if earlier.is_empty() || earlier.iter().any(|e| e.value.agrees_with(&later.value)) {
                continue;
            }
            let earlier = earlier[0];
            let what = if later.measure == DATE_MEASURE {
                "date"
            } else {
                later.label.as_str()
            };
            out.push(
                Finding::new(
                    &INFO,
                    later.location.clone(),
                    format!(
                        "conflicting {what} for {}: `{}` here, `{}` earlier",
                        later.subject_name, later.text, earlier.text
                    ),
                    format!("`{}` here", later.text),
                )
                .related(
                    earlier.location.clone(),
                    format!("`{}` stated here first", earlier.text),
                )
                .note("the two cannot both be true; correct one, or say why they differ")
                .subject(Some(&later.subject)),
            );
        }
    }
    out
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
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].location.file, 1);
        assert_eq!(found[0].related[0].location.file, 0);
    }

    #[test]
    fn projects_and_parts_are_never_compared() {
        assert!(check(&[record(0, 1400.0), record(1, 200.0)], |file| file).is_empty());
        assert!(check(&[record(0, 92_000.0), record(1, 2.0)], |_| 0).is_empty());
    }
}
