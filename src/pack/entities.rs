//! Loading `[[entity]]` and `[[day]]` entries: kinds, names, ranks and performers checked
//! against the vocabulary, performers turned into entities of their own, and spellings
//! that would name two things refused.

use std::collections::HashMap;
use std::ops::Range;

use crate::pack::load::{Ctx, check_unique, non_empty};
use crate::pack::model::{Day, Entity, EntityKind, EntitySpans, Origin};
use crate::pack::raw::{RawEntity, RawPack};
use crate::pack::vocab::Vocabulary;

pub(crate) fn load_entities(ctx: &mut Ctx, raws: &[RawPack], vocab: &Vocabulary) -> Vec<Entity> {
    let mut seen = HashMap::new();
    let mut out = Vec::new();
    for (pack, raw) in raws.iter().enumerate() {
        for spanned in &raw.entity {
            let origin = Origin {
                pack,
                span: spanned.span(),
            };
            let entity = spanned.get_ref();
            ctx.declared.insert(entity.id.get_ref().clone());
            if !check_unique(ctx, "entity", &mut seen, pack, &entity.id) {
                continue;
            }
            if let Some(e) = entity_from_raw(ctx, pack, entity, origin, vocab) {
                out.push(e);
            }
        }
    }
    out
}

fn entity_from_raw(
    ctx: &mut Ctx,
    pack: usize,
    raw: &RawEntity,
    origin: Origin,
    vocab: &Vocabulary,
) -> Option<Entity> {
    let kind = EntityKind::WRITABLE
        .iter()
        .find(|(name, _)| name == raw.kind.get_ref())
        .map(|(_, k)| *k);
    let Some(kind) = kind else {
        let names = EntityKind::WRITABLE.map(|(n, _)| n);
        ctx.unknown(pack, "entity kind", &raw.kind, names);
        return None;
    };
    let mut ok = non_empty(ctx, pack, &raw.name, "name");
    for form in raw.aliases.iter().chain(&raw.misspellings) {
        ok &= non_empty(ctx, pack, form, "alias or misspelling");
    }
    if let Some(performer) = &raw.performer {
        ok &= non_empty(ctx, pack, performer, "performer");
    }
    for rank in &raw.ranks {
        if vocab.rank_index(rank.get_ref()).is_none() {
            ctx.unknown(
                pack,
                "rank",
                rank,
                vocab.rank_names.iter().map(String::as_str),
            );
            ok = false;
        }
    }
    if raw.complete.is_some() && kind != EntityKind::Series {
        ctx.error(
            pack,
            raw.kind.span(),
            format!(
                "`complete` is only for series, and `{}` is a {}",
                raw.id.get_ref(),
                raw.kind.get_ref()
            ),
            "not a series",
        );
        ok = false;
    }
    ok.then(|| Entity {
        id: raw.id.get_ref().clone(),
        kind,
        name: raw.name.get_ref().clone(),
        aliases: raw.aliases.iter().map(|a| a.get_ref().clone()).collect(),
        misspellings: raw
            .misspellings
            .iter()
            .map(|a| a.get_ref().clone())
            .collect(),
        ranks: raw.ranks.iter().map(|a| a.get_ref().clone()).collect(),
        performer: raw.performer.as_ref().map(|p| p.get_ref().clone()),
        standalone: raw.standalone.unwrap_or(true),
        complete: raw.complete.as_ref().is_some_and(|c| *c.get_ref()),
        origin,
        spans: EntitySpans {
            name: raw.name.span(),
            aliases: raw.aliases.iter().map(|m| m.span()).collect(),
            misspellings: raw.misspellings.iter().map(|m| m.span()).collect(),
            ranks: match (raw.ranks.first(), raw.ranks.last()) {
                (Some(first), Some(last)) => Some(first.span().start..last.span().end),
                _ => None,
            },
            performer: raw.performer.as_ref().map(|p| p.span()),
            complete: raw.complete.as_ref().map(|c| c.span()),
        },
    })
}

pub(crate) fn load_days(ctx: &mut Ctx, raws: &[RawPack]) -> Vec<Day> {
    let mut out = Vec::new();
    for (pack, raw) in raws.iter().enumerate() {
        for day in &raw.day {
            let day = day.get_ref();
            let month_ok = (1..=12).contains(day.month.get_ref());
            if !month_ok {
                ctx.error(
                    pack,
                    day.month.span(),
                    "a month is 1 to 12".into(),
                    "out of range",
                );
            }
            let day_ok = (1..=31).contains(day.day.get_ref());
            if !day_ok {
                ctx.error(
                    pack,
                    day.day.span(),
                    "a day of the month is 1 to 31".into(),
                    "out of range",
                );
            }
            if non_empty(ctx, pack, &day.name, "day name") && month_ok && day_ok {
                out.push(Day {
                    name: day.name.get_ref().clone(),
                    month: *day.month.get_ref(),
                    day: *day.day.get_ref(),
                });
            }
        }
    }
    out
}

/// Performers become entities of their own, so that their names are matched and their
/// misspellings caught like any other name.
pub(crate) fn add_performers(entities: &mut Vec<Entity>) {
    let mut extra: Vec<Entity> = Vec::new();
    for entity in entities.iter() {
        let Some(performer) = &entity.performer else {
            continue;
        };
        let taken = entities.iter().chain(&extra).any(|e| e.name == *performer);
        if !taken {
            extra.push(Entity {
                id: format!("performer:{}", slug(performer)),
                kind: EntityKind::Performer,
                name: performer.clone(),
                aliases: Vec::new(),
                misspellings: Vec::new(),
                ranks: Vec::new(),
                performer: None,
                standalone: true,
                complete: false,
                origin: entity.origin.clone(),
                spans: EntitySpans {
                    name: entity.spans.performer.clone().unwrap_or_default(),
                    ..EntitySpans::default()
                },
            });
        }
    }
    entities.extend(extra);
}

fn slug(name: &str) -> String {
    let mut out = String::new();
    for word in name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_lowercase());
    }
    out
}

/// One spelling must name one thing: a misspelling that is another entity's name, or an
/// alias shared by two entities, would make matches ambiguous.
pub(crate) fn check_form_collisions(ctx: &mut Ctx, entities: &[Entity]) {
    let mut owner: HashMap<&str, (usize, Range<usize>)> = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        if e.kind == EntityKind::Performer {
            continue;
        }
        let spans = std::iter::once(&e.spans.name)
            .chain(&e.spans.aliases)
            .chain(&e.spans.misspellings);
        let forms = std::iter::once(&e.name)
            .chain(&e.aliases)
            .chain(&e.misspellings);
        for (form, span) in forms.zip(spans) {
            match owner.get(form.as_str()) {
                Some((j, first_span)) if *j != i => {
                    let first = &entities[*j];
                    let message = format!(
                        "`{form}` is a spelling of both `{}` and `{}`",
                        first.id, e.id
                    );
                    let same_pack = first.origin.pack == e.origin.pack;
                    let first_span = first_span.clone();
                    let problem = ctx.error(
                        e.origin.pack,
                        span.clone(),
                        message,
                        &format!("a spelling of `{}`", e.id),
                    );
                    if same_pack {
                        problem
                            .secondary
                            .push((first_span, format!("already a spelling of `{}`", first.id)));
                    }
                    problem.add_help("give each spelling to one entity");
                }
                Some(_) => {}
                None => {
                    owner.insert(form, (i, span.clone()));
                }
            }
        }
    }
}
