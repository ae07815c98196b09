//! Canon packs: TOML files under `rules/` that say what is true of a universe.
//!
//! `raw` mirrors the TOML; `load` validates it into the `model` (a `Canon`), pointing every
//! mistake at its line in the .toml; `vocab` and `names` are the compiled matchers the
//! extractors use. The bundled packs are embedded in the binary and selected by name.

pub mod load;
pub mod model;
pub mod names;
pub mod near;
pub(crate) mod raw;
pub mod vocab;

mod entities;
mod examples;
mod facts;
pub(crate) mod squeeze;
mod vocab_load;
mod works;

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

pub use load::load;
pub use model::{Canon, PackFile};

use crate::problem::{Problem, ProblemFile};

/// The packs shipped inside the binary: name, path shown to users, text.
pub const BUILTIN: [(&str, &str, &str); 2] = [
    (
        "core",
        "rules/core.toml",
        include_str!("../../rules/core.toml"),
    ),
    (
        "star-trek",
        "rules/star-trek.toml",
        include_str!("../../rules/star-trek.toml"),
    ),
];

/// The pack every run loads first: shared vocabulary.
pub const CORE: &str = "core";

/// Whether a pack spec is a path rather than a built-in name.
pub fn looks_like_path(spec: &str) -> bool {
    spec.ends_with(".toml") || spec.contains('/') || spec.contains('\\')
}

/// Finds a pack by built-in name, or reads it from a path (relative to `base`).
pub fn resolve(spec: &str, base: &Path) -> Result<PackFile, Problem> {
    if let Some((name, path, text)) = BUILTIN.iter().find(|(name, _, _)| *name == spec) {
        return Ok(PackFile {
            name: name.to_string(),
            path: path.to_string(),
            text: Arc::from(*text),
        });
    }
    if !looks_like_path(spec) {
        let names: Vec<&str> = BUILTIN.iter().map(|(n, _, _)| *n).collect();
        let mut problem = Problem::plain(format!("unknown pack `{spec}`"))
            .note(format!("built-in packs: {}", names.join(", ")));
        if let Some(close) = crate::problem::did_you_mean(spec, names.iter().copied()) {
            problem = problem.help(format!("did you mean `{close}`?"));
        }
        return Err(problem.note("a pack outside the binary is given by its path, ending in .toml"));
    }
    let path = base.join(spec);
    let text = std::fs::read_to_string(&path).map_err(|e| {
        Problem::plain(format!(
            "cannot read pack {}: {e}",
            crate::engine::walk::display_relative(&path)
        ))
    })?;
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| spec.to_string());
    Ok(PackFile {
        name,
        path: crate::engine::walk::display_relative(&path),
        text: Arc::from(text),
    })
}

/// A pack as a config or the command line names it, with where it was named.
#[derive(Debug, Clone)]
pub struct PackRef {
    /// A built-in name or a path.
    pub spec: String,
    /// The config and bytes that name it, for errors.
    pub named_at: Option<(ProblemFile, Range<usize>)>,
}

impl PackRef {
    /// A pack named with no place (on the command line).
    pub fn plain(spec: &str) -> PackRef {
        PackRef {
            spec: spec.to_string(),
            named_at: None,
        }
    }
}

/// Loads the core pack plus the named packs into one `Canon`.
pub fn load_named(specs: &[String], base: &Path) -> Result<Canon, Vec<Problem>> {
    let refs: Vec<PackRef> = specs.iter().map(|s| PackRef::plain(s)).collect();
    load_refs(&refs, base)
}

/// Loads the core pack plus the given packs into one `Canon`; a pack that cannot be
/// found is reported where it was named.
pub fn load_refs(refs: &[PackRef], base: &Path) -> Result<Canon, Vec<Problem>> {
    let mut files = vec![resolve(CORE, base).map_err(|p| vec![p])?];
    let mut problems = Vec::new();
    for r in refs {
        match resolve(&r.spec, base) {
            Ok(file) if files.iter().any(|f| f.path == file.path) => {}
            Ok(file) => files.push(file),
            Err(p) => problems.push(match &r.named_at {
                Some((file, span)) => p.located(file, span.clone(), "named here"),
                None => p,
            }),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    load(files)
}
