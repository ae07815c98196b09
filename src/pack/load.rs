//! Loading packs: TOML -> `RawPack` -> validated `Canon`.
//!
//! Every mistake becomes a `Problem` pointing at the bad value in the .toml, with "did
//! you mean" where a close spelling exists. All problems of a load are reported together;
//! a `Canon` is only returned when there are none.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use crate::pack::model::{Canon, PackFile, Source};
use crate::pack::names::NameIndex;
use crate::pack::raw::{RawPack, Str};
use crate::pack::{entities, examples, facts, vocab_load, works};
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
            problem.add_help(format!("did you mean `{s}`?"));
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
            Err(e) => ctx
                .problems
                .push(Problem::from_toml(&ctx.files[i], "pack", &e)),
        }
    }
    if !ctx.problems.is_empty() {
        return Err(ctx.problems);
    }
    check_pack_names(&mut ctx, &raws);
    let vocab = vocab_load::compile(&mut ctx, &raws);
    let sources = load_sources(&mut ctx, &raws);
    let measures = vocab_load::measures(&mut ctx, &raws);
    let mut entities = entities::load_entities(&mut ctx, &raws, &vocab);
    let days = entities::load_days(&mut ctx, &raws);
    let works = works::load_works(&mut ctx, &raws, &entities, &sources, &vocab.work_kinds);
    let facts = facts::load(&mut ctx, &raws, &entities, &measures, &sources);
    let tests = examples::load(&mut ctx, &raws);
    entities::add_performers(&mut entities);
    entities::check_form_collisions(&mut ctx, &entities);
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
        tests,
    })
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
            .add_note(format!("the first is {first_path}"));
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
            problem.add_note(format!("first defined in {first_file}"));
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

/// Resolves an optional `source = "..."`: `Some(None)` when absent, `None` when unknown.
pub(crate) fn source_ref(
    ctx: &mut Ctx,
    pack: usize,
    value: Option<&Spanned<String>>,
    sources: &[Source],
) -> Option<Option<usize>> {
    reference(
        ctx,
        pack,
        value,
        "source",
        sources.iter().map(|s| s.id.as_str()),
    )
}

/// Resolves an optional reference by id: `Some(None)` when absent, `None` when unknown
/// (reported here).
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
        None => {
            ctx.unknown(pack, what, value, ids);
            None
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
