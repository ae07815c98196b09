//! Set-ups: which config governs an input, the canon its packs make (loaded once per
//! distinct set of pack files), and file ids for the packs' own files.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::config::Config;
use super::walk::Input;
use super::{Setup, SourceFile};
use crate::finding::FileId;
use crate::pack::{self, Canon};
use crate::problem::Problem;

/// Loads the canon of `packs` named from `base`, or shares one already loaded from the
/// same pack files.
pub(super) fn load_shared(
    packs: &[pack::PackRef],
    base: &Path,
    loaded: &mut HashMap<Vec<String>, Arc<Canon>>,
) -> Result<Arc<Canon>, Vec<Problem>> {
    let key: Vec<String> = packs
        .iter()
        .map(|p| {
            if pack::looks_like_path(&p.spec) {
                let path = base.join(&p.spec);
                path.canonicalize().unwrap_or(path).display().to_string()
            } else {
                p.spec.clone()
            }
        })
        .collect();
    if let Some(canon) = loaded.get(&key) {
        return Ok(canon.clone());
    }
    let canon = Arc::new(pack::load_refs(packs, base)?);
    loaded.insert(key, canon.clone());
    Ok(canon)
}

/// The directory whose config governs an input.
pub(super) fn input_dir(input: &Input, cwd: &Path, stdin_name: Option<&str>) -> PathBuf {
    let path = if input.is_stdin() {
        PathBuf::from(stdin_name.unwrap_or("-"))
    } else {
        input.path.clone()
    };
    // Canonical, so that `../sibling` is not governed by the current directory's config.
    let absolute = cwd.join(path);
    let absolute = absolute.canonicalize().unwrap_or(absolute);
    absolute
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| cwd.to_path_buf())
}

pub(super) fn governing_config(
    dir: &Path,
    cache: &mut HashMap<PathBuf, Arc<Config>>,
) -> Result<Arc<Config>, Vec<Problem>> {
    let path = Config::find(dir);
    let key = path.clone().unwrap_or_default();
    if let Some(c) = cache.get(&key) {
        return Ok(c.clone());
    }
    let config = match &path {
        Some(p) => Config::load(p)?,
        None => Config::defaults_in(std::env::current_dir().unwrap_or_default()),
    };
    let config = Arc::new(config);
    cache.insert(key, config.clone());
    Ok(config)
}

/// Gives every pack file of every set-up a file id (one per distinct path).
pub(super) fn register_packs(setups: &mut [Setup], files: &mut Vec<SourceFile>) {
    let mut by_path: HashMap<String, FileId> = HashMap::new();
    for setup in setups.iter_mut() {
        setup.packs = setup
            .canon
            .files
            .iter()
            .map(|pf| {
                *by_path.entry(pf.path.clone()).or_insert_with(|| {
                    files.push(SourceFile {
                        path: pf.path.clone(),
                        text: Some(pf.text.clone()),
                        deny: None,
                        disk: None,
                    });
                    files.len() - 1
                })
            })
            .collect();
    }
}
