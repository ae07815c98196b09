//! Suggested facts: the figures and dates the corpus states about one subject and measure,
//! when every statement agrees with every other and they share a value.
//!
//! The records are the cross-document check's, so their subjects are entities of a loaded
//! pack (events, or subjects that pack has a fact of that measure for). A subject and
//! measure a pack already has a fact for is not suggested again.

use std::collections::BTreeMap;

use crate::checks::corpus::times;
use crate::checks::cross_document::{Record, Value};
use crate::engine::gather::Corpus;
use crate::suggest::Places;
use crate::value::{Interval, PartialDate, format_number, last_digit_unit};

/// A suggested `[[fact]]`, or why one is not suggested.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactDraft {
    /// The subject's entity id.
    pub subject: String,
    /// The pack that defines the subject.
    pub pack: String,
    /// The measure's id.
    pub measure: String,
    /// Comment lines: what is stated, and where.
    pub comments: Vec<String>,
    /// The value keys (`value = 40`, `date = "2385-04-05"`...), or `None` when the
    /// statements do not make a fact.
    pub keys: Option<Vec<String>>,
}

/// The facts of a corpus, by subject and measure.
pub(crate) fn facts(corpus: &Corpus, places: &Places) -> Vec<FactDraft> {
    let canon = &corpus.canon;
    let mut by_key: BTreeMap<(&str, &str), Vec<&Record>> = BTreeMap::new();
    for r in &corpus.records {
        by_key
            .entry((r.subject.as_str(), r.measure.as_str()))
            .or_default()
            .push(r);
    }
    let trusted = |r: &Record| corpus.files.get(r.location.file).is_some_and(|f| f.trusted);
    let mut out = Vec::new();
    for ((subject, measure), records) in by_key {
        let (Some(e), Some(m)) = (canon.entity(subject), canon.measure(measure)) else {
            continue;
        };
        if canon.has_fact(e, m) || (records.len() < 2 && !records.iter().any(|r| trusted(r))) {
            continue;
        }
        let stated: Vec<String> = records
            .iter()
            .map(|r| {
                let at = places.at(r.location.file, r.location.span.start);
                format!("\"{}\" at {at}", r.text)
            })
            .collect();
        let first = records[0];
        let what = format!("{}, {}", first.subject_name, first.label);
        let agree = records.iter().enumerate().all(|(i, a)| {
            records[i + 1..]
                .iter()
                .all(|b| a.value.agrees_with(&b.value))
        });
        let keys = if agree { common(&records) } else { None };
        let comments = vec![match &keys {
            Some(_) => format!(
                "{what}: stated {}: {}",
                times(records.len()),
                stated.join("; ")
            ),
            None if agree => format!(
                "{what}: not suggested, no one value fits every statement: {}",
                stated.join("; ")
            ),
            None => format!(
                "{what}: not suggested, the statements disagree: {}",
                stated.join("; ")
            ),
        }];
        let pack = &canon.files[canon.entities[e].origin.pack].name;
        out.push(FactDraft {
            subject: subject.to_string(),
            pack: pack.clone(),
            measure: measure.to_string(),
            comments,
            keys,
        });
    }
    out
}

/// The value keys of the value every record allows, if there is one.
fn common(records: &[&Record]) -> Option<Vec<String>> {
    match &records.first()?.value {
        Value::Figure(_) => {
            let mut all = Interval {
                lo: 0.0,
                lo_open: false,
                hi: f64::INFINITY,
                hi_open: true,
            };
            for r in records {
                let Value::Figure(i) = &r.value else {
                    return None;
                };
                all = intersect(&all, i)?;
            }
            figure_keys(&all)
        }
        Value::Date(_) => {
            let mut all = PartialDate::new(None, None, None);
            for r in records {
                let Value::Date(d) = &r.value else {
                    return None;
                };
                all = PartialDate::new(
                    all.year.or(d.year),
                    all.month.or(d.month),
                    all.day.or(d.day),
                );
            }
            let year = all.year?;
            let date = match (all.month, all.day) {
                (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
                (Some(m), None) => format!("{year:04}-{m:02}"),
                _ => format!("{year:04}"),
            };
            Some(vec![format!("date = \"{date}\"")])
        }
    }
}

/// The values in both intervals, if any.
fn intersect(a: &Interval, b: &Interval) -> Option<Interval> {
    let (lo, lo_open) = if a.lo != b.lo {
        if a.lo > b.lo {
            (a.lo, a.lo_open)
        } else {
            (b.lo, b.lo_open)
        }
    } else {
        (a.lo, a.lo_open || b.lo_open)
    };
    let (hi, hi_open) = if a.hi != b.hi {
        if a.hi < b.hi {
            (a.hi, a.hi_open)
        } else {
            (b.hi, b.hi_open)
        }
    } else {
        (a.hi, a.hi_open || b.hi_open)
    };
    let i = Interval {
        lo,
        lo_open,
        hi,
        hi_open,
    };
    i.overlaps(&i).then_some(i)
}

/// A figure's keys: `value` when the interval is what a pack's `value` (or `value` with
/// `exact`) means, else its bounds.
fn figure_keys(i: &Interval) -> Option<Vec<String>> {
    let number = |v: f64| format_number(v).replace(',', "");
    let mid = ((i.lo + i.hi) / 2.0).round();
    if i.hi.is_finite() && Interval::rounded(mid, last_digit_unit(mid)) == *i {
        return Some(vec![format!("value = {}", number(mid))]);
    }
    if i.lo == i.hi {
        return Some(vec![
            format!("value = {}", number(i.lo)),
            "exact = true".to_string(),
        ]);
    }
    let mut keys = Vec::new();
    if i.lo > 0.0 || i.lo_open {
        let key = if i.lo_open { "more_than" } else { "min" };
        keys.push(format!("{key} = {}", number(i.lo)));
    }
    if i.hi.is_finite() {
        let key = if i.hi_open { "less_than" } else { "max" };
        keys.push(format!("{key} = {}", number(i.hi)));
    }
    (!keys.is_empty()).then_some(keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_become_the_keys_a_pack_reads_back() {
        let keys = |i: Interval| figure_keys(&i).unwrap().join(", ");
        assert_eq!(keys(Interval::rounded(40.0, 10.0)), "value = 40");
        assert_eq!(keys(Interval::rounded(92000.0, 1000.0)), "value = 92000");
        assert_eq!(keys(Interval::exact(41.0)), "value = 41");
        assert_eq!(keys(Interval::above(90.0)), "more_than = 90");
        assert_eq!(keys(Interval::closed(3.0, 7.0)), "min = 3, max = 7");
        let both = intersect(&Interval::above(30.0), &Interval::rounded(40.0, 10.0));
        assert_eq!(both.map(keys).as_deref(), Some("value = 40"));
        assert!(intersect(&Interval::exact(4.0), &Interval::exact(5.0)).is_none());
    }
}
