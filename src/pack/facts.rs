//! Loading `[[fact]]` entries: resolving subject, measure and source, turning the value
//! keys into an interval or a date, and refusing two facts that contradict each other.

use crate::pack::load::{Ctx, reference, source_ref};
use crate::pack::model::DATE_MEASURE;
use crate::pack::model::{Entity, Fact, FactValue, Measure, Origin, Source};
use crate::pack::raw::{RawFact, RawPack};
use crate::value::{Interval, PartialDate, format_number, last_digit_unit};

pub(crate) fn load(
    ctx: &mut Ctx,
    raws: &[RawPack],
    entities: &[Entity],
    measures: &[Measure],
    sources: &[Source],
) -> Vec<Fact> {
    let mut out: Vec<Fact> = Vec::new();
    for (pack, raw) in raws.iter().enumerate() {
        for spanned in &raw.fact {
            let origin = Origin {
                pack,
                span: spanned.span(),
            };
            let Some(fact) = fact_from_raw(
                ctx,
                pack,
                spanned.get_ref(),
                origin,
                entities,
                measures,
                sources,
            ) else {
                continue;
            };
            if let Some(first) = out.iter().find(|f| contradicts(f, &fact)) {
                let subject = &entities[fact.subject].id;
                let measure = &measures[fact.measure].id;
                let problem = ctx.error(
                    pack,
                    fact.value_span.clone(),
                    format!("two facts about `{subject}` and `{measure}` contradict each other"),
                    &format!("this fact says {}", describe(&fact.value)),
                );
                if first.origin.pack == pack {
                    problem.secondary.push((
                        first.value_span.clone(),
                        format!("this fact says {}", describe(&first.value)),
                    ));
                } else {
                    problem.add_note(format!("the other says {}", describe(&first.value)));
                }
                problem.add_help("keep one of them, or widen them so that they share a value");
                continue;
            }
            out.push(fact);
        }
    }
    out
}

fn describe(value: &FactValue) -> String {
    match value {
        FactValue::Figure { phrase, .. } => phrase.clone(),
        FactValue::Date(d) => d.to_string(),
    }
}

fn contradicts(a: &Fact, b: &Fact) -> bool {
    if a.subject != b.subject || a.measure != b.measure {
        return false;
    }
    match (&a.value, &b.value) {
        (FactValue::Figure { interval: x, .. }, FactValue::Figure { interval: y, .. }) => {
            !x.overlaps(y)
        }
        (FactValue::Date(x), FactValue::Date(y)) => !x.agrees_with(y),
        _ => false,
    }
}

fn fact_from_raw(
    ctx: &mut Ctx,
    pack: usize,
    raw: &RawFact,
    origin: Origin,
    entities: &[Entity],
    measures: &[Measure],
    sources: &[Source],
) -> Option<Fact> {
    // Resolve every reference before giving up, so that all of them are reported. A subject
    // that was written but is broken has been reported already.
    let broken_subject = ctx.declared.contains(raw.subject.get_ref())
        && !entities.iter().any(|e| e.id == *raw.subject.get_ref());
    let subject = if broken_subject {
        None
    } else {
        reference(
            ctx,
            pack,
            Some(&raw.subject),
            "subject",
            entities.iter().map(|e| e.id.as_str()),
        )
    };
    let measure = reference(
        ctx,
        pack,
        Some(&raw.measure),
        "measure",
        measures.iter().map(|m| m.id.as_str()),
    );
    let source = source_ref(ctx, pack, raw.source.as_ref(), sources);
    let (subject, measure, source) = (subject??, measure??, source?);
    let is_date = measures[measure].id == DATE_MEASURE;
    let value = match (&raw.date, is_date) {
        (Some(date), true) => match PartialDate::parse_iso(date.get_ref()) {
            Some(d) => FactValue::Date(d),
            None => {
                ctx.error(
                    pack,
                    date.span(),
                    format!("`{}` is not a date", date.get_ref()),
                    "expected YYYY, YYYY-MM or YYYY-MM-DD",
                );
                return None;
            }
        },
        (None, true) => {
            ctx.error(
                pack,
                raw.measure.span(),
                "a `date` fact needs `date = \"YYYY-MM-DD\"`".into(),
                "no date given",
            );
            return None;
        }
        (Some(date), false) => {
            ctx.error(
                pack,
                date.span(),
                format!(
                    "`date` is only for the `date` measure, not `{}`",
                    raw.measure.get_ref()
                ),
                "not a date measure",
            )
            .add_help("give a figure with value, min, max, more_than or less_than");
            return None;
        }
        (None, false) => figure(ctx, pack, raw)?,
    };
    let value_span = [
        &raw.value,
        &raw.min,
        &raw.more_than,
        &raw.max,
        &raw.less_than,
    ]
    .into_iter()
    .flatten()
    .map(|v| v.span())
    .chain(raw.date.as_ref().map(|d| d.span()))
    .next()
    .unwrap_or_else(|| raw.measure.span());
    Some(Fact {
        subject,
        measure,
        value,
        value_span,
        source,
        label: raw.label.clone(),
        note: raw.note.clone(),
        origin,
    })
}

/// `value`, or bounds (`min`/`more_than` below, `max`/`less_than` above).
fn figure(ctx: &mut Ctx, pack: usize, raw: &RawFact) -> Option<FactValue> {
    let get = |v: &Option<toml::Spanned<f64>>| v.as_ref().map(|s| *s.get_ref());
    let (value, min, max, more, less) = (
        get(&raw.value),
        get(&raw.min),
        get(&raw.max),
        get(&raw.more_than),
        get(&raw.less_than),
    );
    let bounds = [min, max, more, less].iter().flatten().count();
    let here = raw.measure.span();
    for v in [
        &raw.value,
        &raw.min,
        &raw.max,
        &raw.more_than,
        &raw.less_than,
    ]
    .into_iter()
    .flatten()
    {
        if !v.get_ref().is_finite() || *v.get_ref() < 0.0 {
            ctx.error(
                pack,
                v.span(),
                "a figure is a finite number, zero or more".into(),
                "not a count",
            );
            return None;
        }
    }
    if raw.exact.as_ref().is_some_and(|e| *e.get_ref()) && (value.is_none() || bounds > 0) {
        let at = raw.exact.as_ref().map_or(here.clone(), |e| e.span());
        ctx.error(
            pack,
            at,
            "`exact = true` applies to a `value` alone".into(),
            "not with bounds",
        )
        .add_help("bounds are exact already; drop `exact`, or give `value`");
        return None;
    }
    if let Some(v) = value {
        if bounds > 0 {
            ctx.error(
                pack,
                here,
                "give either `value` or bounds, not both".into(),
                "this fact",
            );
            return None;
        }
        let interval = if raw.exact.as_ref().is_some_and(|e| *e.get_ref()) {
            Interval::exact(v)
        } else {
            Interval::rounded(v, last_digit_unit(v))
        };
        return Some(FactValue::Figure {
            interval,
            phrase: format_number(v),
            figure: v,
        });
    }
    if (min.is_some() && more.is_some()) || (max.is_some() && less.is_some()) {
        ctx.error(
            pack,
            here,
            "one lower and one upper bound at most".into(),
            "this fact",
        );
        return None;
    }
    let (lo, lo_open, lo_word) = match (min, more) {
        (Some(v), _) => (v, false, "at least"),
        (_, Some(v)) => (v, true, "more than"),
        _ => (0.0, false, ""),
    };
    let (hi, hi_open, hi_word) = match (max, less) {
        (Some(v), _) => (v, false, "at most"),
        (_, Some(v)) => (v, true, "fewer than"),
        _ => (f64::INFINITY, true, ""),
    };
    if bounds == 0 {
        ctx.error(
            pack,
            here,
            "a fact needs a value: `value`, `min`, `max`, `more_than`, `less_than` or `date`"
                .into(),
            "no value",
        );
        return None;
    }
    let interval = Interval {
        lo,
        lo_open,
        hi,
        hi_open,
    };
    if !interval.overlaps(&interval) {
        ctx.error(
            pack,
            here,
            "these bounds leave no possible value".into(),
            "empty range",
        );
        return None;
    }
    let phrase = match (lo_word, hi_word) {
        ("", h) => format!("{h} {}", format_number(hi)),
        (l, "") => format!("{l} {}", format_number(lo)),
        _ => format!("between {} and {}", format_number(lo), format_number(hi)),
    };
    Some(FactValue::Figure {
        interval,
        phrase,
        figure: if lo > 0.0 { lo } else { hi },
    })
}
