//! Loading packs: TOML -> `RawPack` -> validated `Canon`.
//!
//! Every mistake becomes a `Problem` pointing at the bad value in the .toml, with "did
//! you mean" where a close spelling exists. All problems of a load are reported together;
//! a `Canon` is only returned when there are none.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use crate::pack::facts;
use crate::pack::model::{
    Canon, Day, Entity, EntityKind, EntitySpans, Origin, PackFile, Source, Work,
};
use crate::pack::names::NameIndex;
use crate::pack::raw::{RawEntity, RawPack, RawWork, Str};
use crate::pack::vocab_load;
use crate::problem::{Problem, ProblemFile, did_you_mean};

/// Everything a validation pass needs: the files, the problems so far, and the ids seen.
pub(crate) struct Ctx {
    pub files: Vec<ProblemFile>,
    pub problems: Vec<Problem>,
    /// Every entity id written, valid or not, so that a broken entity is reported once
    /// and not again at every fact that names it.
    pub declared: std::collections::HashSet<String>,
}

impl Ctx {
    /// Records a problem at `span` of pack `pack`.
    pub fn error(
        &mut self,
        pack: usize,
        span: Range<usize>,
        message: String,
        label: &str,
    ) -> &mut Problem {
        let problem = Problem::at(&self.files[pack], span, message, label);
        self.problems.push(problem);
        let last = self.problems.len() - 1;
        &mut self.problems[last]
    }

    /// Records an unknown reference, suggesting the closest known id.
    pub fn unknown<'a>(
        &mut self,
        pack: usize,
        what: &str,
        value: &Str,
        known: impl IntoIterator<Item = &'a str>,
    ) {
        let suggestion = did_you_mean(value.get_ref(), known);
        let problem = self.error(
            pack,
            value.span(),
            format!("unknown {what} `{}`", value.get_ref()),
            &format!("not a known {what}"),
        );
        if let Some(s) = suggestion {
            problem.notes.push(format!("help: did you mean `{s}`?"));
        }
    }
}

/// Validates and merges pack files (the core pack first) into one `Canon`.
pub fn load(files: Vec<PackFile>) -> Result<Canon, Vec<Problem>> {
    let mut ctx = Ctx {
        files: files
            .iter()
            .map(|f| ProblemFile {
                name: f.path.clone(),
                text: f.text.clone(),
            })
            .collect(),
        problems: Vec::new(),
        declared: Default::default(),
    };
    let mut raws = Vec::new();
    for (i, file) in files.iter().enumerate() {
        match toml::from_str::<RawPack>(&file.text) {
            Ok(raw) => raws.push(raw),
            Err(e) => ctx.problems.push(toml_problem(&ctx.files[i], &e)),
        }
    }
    if !ctx.problems.is_empty() {
        return Err(ctx.problems);
    }
    check_pack_names(&mut ctx, &raws);
    let vocab = vocab_load::compile(&mut ctx, &raws);
    let sources = load_sources(&mut ctx, &raws);
    let measures = vocab_load::measures(&mut ctx, &raws);
    let mut entities = load_entities(&mut ctx, &raws, &vocab);
    let days = load_days(&mut ctx, &raws);
    let works = load_works(&mut ctx, &raws, &entities, &sources);
    let facts = facts::load(&mut ctx, &raws, &entities, &measures, &sources);
    add_performers(&mut entities);
    check_form_collisions(&mut ctx, &entities);
    if !ctx.problems.is_empty() {
        return Err(ctx.problems);
    }
    let names = NameIndex::build(&entities, &days);
    Ok(Canon {
        files,
        entities,
        works,
        facts,
        sources,
        measures,
        days,
        vocab,
        names,
    })
}

/// A TOML syntax or shape error, with "did you mean" for an unknown key.
fn toml_problem(file: &ProblemFile, error: &toml::de::Error) -> Problem {
    let message = error.message().trim().to_string();
    let span = error.span().unwrap_or(0..0);
    let (headline, label) = match message.split_once(", expected one of") {
        Some((head, _)) if head.starts_with("unknown field") => {
            (head.replace("field", "key"), "not a key here")
        }
        _ => (message.clone(), "here"),
    };
    let mut problem = Problem::at(file, span, format!("invalid pack: {headline}"), label);
    if let Some(expected) = message.split_once("expected one of ").map(|(_, e)| e) {
        let keys: Vec<&str> = expected.split(", ").map(|k| k.trim_matches('`')).collect();
        let wrong = headline.split('`').nth(1).unwrap_or("");
        if let Some(close) = did_you_mean(wrong, keys.iter().copied()) {
            problem = problem.help(format!("did you mean `{close}`?"));
        }
        problem = problem.note(format!("expected one of: {}", keys.join(", ")));
    }
    problem
}

fn check_pack_names(ctx: &mut Ctx, raws: &[RawPack]) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, raw) in raws.iter().enumerate() {
        let name = &raw.pack.name;
        if name.get_ref().trim().is_empty() {
            ctx.error(i, name.span(), "a pack needs a name".into(), "empty");
        } else if let Some(&first) = seen.get(name.get_ref().as_str()) {
            let first_path = ctx.files[first].name.clone();
            ctx.error(
                i,
                name.span(),
                format!("two packs are named `{}`", name.get_ref()),
                "second pack with this name",
            )
            .notes
            .push(format!("note: the first is {first_path}"));
        } else {
            seen.insert(name.get_ref(), i);
        }
    }
}

/// Reports a second definition of an id, with a label at the first.
pub(crate) fn check_unique(
    ctx: &mut Ctx,
    what: &str,
    seen: &mut HashMap<String, (usize, Range<usize>)>,
    pack: usize,
    id: &Str,
) -> bool {
    let key = id.get_ref();
    if key.trim().is_empty() {
        ctx.error(
            pack,
            id.span(),
            format!("a {what} needs a non-empty id"),
            "empty id",
        );
        return false;
    }
    if let Some((first_pack, first_span)) = seen.get(key).cloned() {
        let first_file = ctx.files[first_pack].name.clone();
        let problem = ctx.error(
            pack,
            id.span(),
            format!("duplicate {what} id `{key}`"),
            "defined again here",
        );
        if first_pack == pack {
            problem
                .secondary
                .push((first_span, "first defined here".into()));
        } else {
            problem
                .notes
                .push(format!("note: first defined in {first_file}"));
        }
        return false;
    }
    seen.insert(key.clone(), (pack, id.span()));
    true
}

fn load_sources(ctx: &mut Ctx, raws: &[RawPack]) -> Vec<Source> {
    let mut seen = HashMap::new();
    let mut out = Vec::new();
    for (pack, raw) in raws.iter().enumerate() {
        for source in &raw.source {
            let source = source.get_ref();
            if check_unique(ctx, "source", &mut seen, pack, &source.id) {
                out.push(Source {
                    id: source.id.get_ref().clone(),
                    title: source.title.clone(),
                });
            }
        }
    }
    out
}

fn load_entities(
    ctx: &mut Ctx,
    raws: &[RawPack],
    vocab: &crate::pack::vocab::Vocabulary,
) -> Vec<Entity> {
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
    vocab: &crate::pack::vocab::Vocabulary,
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

/// Reports an empty or blank string, which would match everything or nothing.
pub(crate) fn non_empty(ctx: &mut Ctx, pack: usize, value: &Str, what: &str) -> bool {
    if value.get_ref().trim().is_empty() {
        ctx.error(
            pack,
            value.span(),
            format!("an empty {what} would match nothing useful"),
            "empty",
        );
        return false;
    }
    true
}

fn load_days(ctx: &mut Ctx, raws: &[RawPack]) -> Vec<Day> {
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

fn load_works(
    ctx: &mut Ctx,
    raws: &[RawPack],
    entities: &[Entity],
    sources: &[Source],
) -> Vec<Work> {
    let mut out: Vec<Work> = Vec::new();
    for (pack, raw) in raws.iter().enumerate() {
        for spanned in &raw.work {
            let origin = Origin {
                pack,
                span: spanned.span(),
            };
            if let Some(work) =
                work_from_raw(ctx, pack, spanned.get_ref(), origin, entities, sources)
            {
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
) -> Option<Work> {
    let mut ok = non_empty(ctx, pack, &raw.title, "title");
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
    let source = reference(
        ctx,
        pack,
        raw.source.as_ref(),
        "source",
        sources.iter().map(|s| s.id.as_str()),
    )?;
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

/// Resolves an optional reference by id: `Some(None)` when absent, `None` when unknown.
pub(crate) fn reference<'a>(
    ctx: &mut Ctx,
    pack: usize,
    value: Option<&Spanned<String>>,
    what: &str,
    ids: impl Iterator<Item = &'a str> + Clone,
) -> Option<Option<usize>> {
    let Some(value) = value else {
        return Some(None);
    };
    match ids.clone().position(|id| id == value.get_ref()) {
        Some(i) => Some(Some(i)),
        None if ctx.declared.contains(value.get_ref()) && what != "measure" && what != "source" => {
            None
        }
        None => {
            ctx.unknown(pack, what, value, ids);
            None
        }
    }
}

/// Performers become entities of their own, so that their names are matched and their
/// misspellings caught like any other name.
fn add_performers(entities: &mut Vec<Entity>) {
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
fn check_form_collisions(ctx: &mut Ctx, entities: &[Entity]) {
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
                    problem
                        .notes
                        .push("help: give each spelling to one entity".into());
                }
                Some(_) => {}
                None => {
                    owner.insert(form, (i, span.clone()));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn file(name: &str, text: &str) -> PackFile {
        PackFile {
            name: name.into(),
            path: format!("{name}.toml"),
            text: Arc::from(text),
        }
    }

    fn errors(text: &str) -> String {
        let core = crate::pack::resolve("core", std::path::Path::new(".")).unwrap();
        match load(vec![core, file("test", text)]) {
            Ok(_) => String::new(),
            Err(problems) => problems.iter().map(Problem::render).collect(),
        }
    }

    #[test]
    fn unknown_key_suggests_the_close_one() {
        let out = errors(
            "[pack]\nname = \"t\"\n[[entity]]\nid = \"a\"\nkind = \"place\"\nnmae = \"A\"\n",
        );
        assert!(out.contains("unknown key `nmae`"), "{out}");
        assert!(out.contains("did you mean `name`?"), "{out}");
        assert!(out.contains("test.toml:6:1"), "{out}");
    }

    #[test]
    fn duplicate_ids_point_at_both() {
        let out = errors(
            "[pack]\nname = \"t\"\n[[entity]]\nid = \"a\"\nkind = \"place\"\nname = \"A\"\n\
             [[entity]]\nid = \"a\"\nkind = \"place\"\nname = \"B\"\n",
        );
        assert!(out.contains("duplicate entity id `a`"), "{out}");
        assert!(out.contains("first defined here"), "{out}");
    }

    #[test]
    fn the_bundled_packs_load() {
        let canon = crate::pack::load_named(&["star-trek".into()], std::path::Path::new("."));
        let canon = canon
            .unwrap_or_else(|p| panic!("{}", p.iter().map(Problem::render).collect::<String>()));
        assert!(canon.entity("utopia-planitia").is_some());
        assert!(canon.measure("deaths").is_some());
    }
}
