//! Loading `[[fact]]` entries: resolving subject, measure and source, turning the value
//! keys into an interval or a date, and refusing two facts that contradict each other.

use crate::pack::load::{Ctx, reference};
use crate::pack::model::{Entity, Fact, FactValue, Measure, Origin, Source};
use crate::pack::raw::{RawFact, RawPack};
use crate::pack::model::DATE_MEASURE;
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
            let Some(fact) = fact_from_raw(ctx, pack, spanned.get_ref(), origin, entities, measures, sources) else {
                continue;
            };
            if let Some(first) = out.iter().find(|f| contradicts(f, &fact)) {
                let first_span = first.origin.span.clone();
                let same_pack = first.origin.pack == pack;
                let subject = &entities[fact.subject].id;
                let other_file = ctx.files[first.origin.pack].name.clone();
                let problem = ctx.error(
                    pack,
                    spanned.get_ref().subject.span(),
                    format!("two facts about `{subject}` contradict each other"),
                    "this fact",
                );
                if same_pack {
                    problem.secondary.push((first_span, "contradicts this one".into()));
                } else {
                    problem.notes.push(format!("the other is in {other_file}"));
                }
                continue;
            }
            out.push(fact);
        }
    }
    out
}

fn contradicts(a: &Fact, b: &Fact) -> bool {
    if a.subject != b.subject || a.measure != b.measure {
        return false;
    }
    match (&a.value, &b.value) {
        (FactValue::Figure { interval: x, .. }, FactValue::Figure { interval: y, .. }) => !x.overlaps(y),
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
    let subject = reference(ctx, pack, Some(&raw.subject), "subject", entities.iter().map(|e| e.id.as_str()))??;
    let measure = reference(ctx, pack, Some(&raw.measure), "measure", measures.iter().map(|m| m.id.as_str()))??;
    let source = reference(ctx, pack, raw.source.as_ref(), "source", sources.iter().map(|s| s.id.as_str()))?;
    let is_date = measures[measure].id == DATE_MEASURE;
    let value = match (&raw.date, is_date) {
        (Some(date), true) => match PartialDate::parse_iso(date.get_ref()) {
            Some(d) => FactValue::Date(d),
            None => {
                ctx.error(pack, date.span(), format!("`{}` is not a date", date.get_ref()), "expected YYYY, YYYY-MM or YYYY-MM-DD");
                return None;
            }
        },
        (None, true) => {
            ctx.error(pack, raw.measure.span(), "a `date` fact needs `date = \"YYYY-MM-DD\"`".into(), "no date given");
            return None;
        }
        (Some(date), false) => {
            ctx.error(pack, date.span(), format!("`date` is only for the `date` measure, not `{}`", raw.measure.get_ref()), "not a date measure")
                .notes
                .push("give a figure with value, min, max, more_than or less_than".into());
            return None;
        }
        (None, false) => figure(ctx, pack, raw)?,
    };
    Some(Fact {
        subject,
        measure,
        value,
        source,
        label: raw.label.clone(),
        note: raw.note.clone(),
        origin,
    })
}

/// `value`, or bounds (`min`/`more_than` below, `max`/`less_than` above).
fn figure(ctx: &mut Ctx, pack: usize, raw: &RawFact) -> Option<FactValue> {
    let get = |v: &Option<toml::Spanned<f64>>| v.as_ref().map(|s| *s.get_ref());
    let (value, min, max, more, less) = (get(&raw.value), get(&raw.min), get(&raw.max), get(&raw.more_than), get(&raw.less_than));
    let bounds = [min, max, more, less].iter().flatten().count();
    let here = raw.measure.span();
    for v in [&raw.value, &raw.min, &raw.max, &raw.more_than, &raw.less_than].into_iter().flatten() {
        if !v.get_ref().is_finite() || *v.get_ref() < 0.0 {
            ctx.error(pack, v.span(), "a figure is a finite number, zero or more".into(), "not a count");
            return None;
        }
    }
    if let Some(v) = value {
        if bounds > 0 {
            ctx.error(pack, here, "give either `value` or bounds, not both".into(), "this fact");
            return None;
        }
        let interval = if raw.exact == Some(true) {
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
        ctx.error(pack, here, "one lower and one upper bound at most".into(), "this fact");
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
        ctx.error(pack, here, "a fact needs a value: `value`, `min`, `max`, `more_than`, `less_than` or `date`".into(), "no value");
        return None;
    }
    let interval = Interval { lo, lo_open, hi, hi_open };
    if !interval.overlaps(&interval) {
        ctx.error(pack, here, "these bounds leave no possible value".into(), "empty range");
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
