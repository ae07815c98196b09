//! Loading `[[work]]` entries: titles with their series (an entity of kind series),
//! numbering, confusions and source.

use crate::pack::load::{Ctx, non_empty, source_ref};
use crate::pack::model::{Entity, EntityKind, Origin, Source, Work};
use crate::pack::raw::{RawPack, RawWork};

pub(crate) fn load_works(
    ctx: &mut Ctx,
    raws: &[RawPack],
    entities: &[Entity],
    sources: &[Source],
    kinds: &[String],
) -> Vec<Work> {
    let mut out: Vec<Work> = Vec::new();
    for (pack, raw) in raws.iter().enumerate() {
        for spanned in &raw.work {
            let origin = Origin {
                pack,
                span: spanned.span(),
            };
            if let Some(work) = work_from_raw(
                ctx,
                pack,
                spanned.get_ref(),
                origin,
                entities,
                sources,
                kinds,
            ) {
                if let Some(first) = out
                    .iter()
                    .find(|w| w.title == work.title && w.series == work.series)
                {
                    let first_span = first.origin.span.clone();
                    let problem = ctx.error(
                        pack,
                        spanned.get_ref().title.span(),
                        format!("the work `{}` is listed twice", work.title),
                        "listed again here",
                    );
                    if first.origin.pack == pack {
                        problem
                            .secondary
                            .push((first_span, "first listed here".into()));
                    }
                    continue;
                }
                out.push(work);
            }
        }
    }
    out
}

fn work_from_raw(
    ctx: &mut Ctx,
    pack: usize,
    raw: &RawWork,
    origin: Origin,
    entities: &[Entity],
    sources: &[Source],
    kinds: &[String],
) -> Option<Work> {
    let mut ok = non_empty(ctx, pack, &raw.title, "title");
    // A kind no title cue announces would never match a context.
    if let Some(kind) = &raw.kind {
        if !kinds.contains(kind.get_ref()) {
            ctx.unknown(pack, "work kind", kind, kinds.iter().map(String::as_str));
            ok = false;
        }
    }
    for confusion in &raw.confusions {
        ok &= non_empty(ctx, pack, confusion, "confusion");
        if confusion
            .get_ref()
            .eq_ignore_ascii_case(raw.title.get_ref())
        {
            ctx.error(
                pack,
                confusion.span(),
                "a title cannot be a confusion of itself".into(),
                "same as the title",
            );
            ok = false;
        }
    }
    let series = match &raw.series {
        Some(id) => match entities.iter().position(|e| e.id == *id.get_ref()) {
            Some(i) if entities[i].kind == EntityKind::Series => Some(i),
            Some(_) => {
                ctx.error(
                    pack,
                    id.span(),
                    format!("`{}` is not a series", id.get_ref()),
                    "not a series entity",
                );
                return None;
            }
            None if ctx.declared.contains(id.get_ref()) => return None,
            None => {
                let series_ids = entities
                    .iter()
                    .filter(|e| e.kind == EntityKind::Series)
                    .map(|e| e.id.as_str());
                ctx.unknown(pack, "series", id, series_ids);
                return None;
            }
        },
        None => None,
    };
    for number in [&raw.season, &raw.episode].into_iter().flatten() {
        if *number.get_ref() == 0 {
            ctx.error(
                pack,
                number.span(),
                "seasons and episodes count from 1".into(),
                "zero",
            );
            ok = false;
        }
    }
    let source = source_ref(ctx, pack, raw.source.as_ref(), sources)?;
    ok.then(|| Work {
        title: raw.title.get_ref().clone(),
        kind: raw.kind.as_ref().map(|k| k.get_ref().clone()),
        series,
        season: raw.season.as_ref().map(|s| *s.get_ref()),
        episode: raw.episode.as_ref().map(|s| *s.get_ref()),
        confusions: raw.confusions.iter().map(|c| c.get_ref().clone()).collect(),
        source,
        origin,
        title_span: raw.title.span(),
    })
}
