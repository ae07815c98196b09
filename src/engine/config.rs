//! `canonlint.toml`: the project config. The nearest one above a checked file governs it:
//! which packs load, which walked files are skipped, each check's severity.
//!
//! ```toml
//! packs = ["star-trek", "rules/my-universe.toml"]   # built-in names or paths
//! include = ["chapters/**"]                          # globs, relative to this file
//! exclude = ["drafts/old/**"]
//! trusted = ["wiki/**"]                              # sources whose spellings win
//! deny = "warning"                                   # fail the run from this level
//! dialogue = "info"                                  # claims inside dialogue: warn, info or ignore
//!
//! [checks]
//! cross-document = "error"                           # error, warning, info or off
//!
//! [formats]
//! wikitext = ["export/**/*.txt"]                     # read these files as this format
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::checks;
use crate::finding::Severity;
use crate::pack::PackRef;
use crate::problem::{Problem, ProblemFile, did_you_mean};
use crate::source::Format;

/// The file name canonlint looks for.
pub const FILE_NAME: &str = "canonlint.toml";

/// A check's level in a config: a severity, or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Report at this severity.
    On(Severity),
    /// Do not report.
    Off,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    packs: Vec<Spanned<String>>,
    #[serde(default)]
    include: Vec<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    trusted: Vec<Spanned<String>>,
    deny: Option<Spanned<String>>,
    dialogue: Option<Spanned<String>>,
    #[serde(default)]
    checks: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    formats: BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
}

/// A loaded config.
#[derive(Debug)]
pub struct Config {
    /// The directory paths in the config are relative to.
    pub dir: PathBuf,
    /// Packs to load besides the core pack.
    pub packs: Vec<PackRef>,
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
    trusted: Option<GlobSet>,
    /// The level from which findings fail the run.
    pub deny: Option<Severity>,
    /// Per-check levels, by check name.
    pub checks: BTreeMap<&'static str, Level>,
    /// The severity of findings about claims inside dialogue (`Off`: not reported).
    pub dialogue: Level,
    /// Files read in a format other than their extension's, in format-name order.
    formats: Vec<(Format, GlobSet)>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            dir: PathBuf::new(),
            packs: Vec::new(),
            include: None,
            exclude: None,
            trusted: None,
            deny: None,
            checks: BTreeMap::new(),
            dialogue: Level::On(Severity::Info),
            formats: Vec::new(),
        }
    }
}

impl Config {
    /// The level of a check under this config.
    pub fn level(&self, check: &checks::CheckInfo) -> Level {
        self.checks
            .get(check.name)
            .copied()
            .unwrap_or(Level::On(check.default))
    }

    /// The format a file is read in: the first `[formats]` entry whose globs match it,
    /// else its extension's.
    pub fn format_of(&self, file: &Path) -> Option<Format> {
        let relative = file.strip_prefix(&self.dir).unwrap_or(file);
        self.formats
            .iter()
            .find(|(_, globs)| globs.is_match(relative))
            .map(|(f, _)| *f)
            .or_else(|| Format::of(file))
    }

    /// Whether a walked file is left out by `include` / `exclude`.
    pub fn skips(&self, file: &Path) -> bool {
        let relative = file.strip_prefix(&self.dir).unwrap_or(file);
        self.exclude.as_ref().is_some_and(|g| g.is_match(relative))
            || self.include.as_ref().is_some_and(|g| !g.is_match(relative))
    }

    /// Whether a file is a trusted source: its names and titles win over the other
    /// files' whatever the counts (the corpus checks).
    pub fn trusts(&self, file: &Path) -> bool {
        let relative = file.strip_prefix(&self.dir).unwrap_or(file);
        self.trusted.as_ref().is_some_and(|g| g.is_match(relative))
    }

    /// The defaults, for files no config governs.
    pub fn defaults_in(dir: PathBuf) -> Config {
        Config {
            dir,
            ..Config::default()
        }
    }

    /// Reads and validates a config file.
    pub fn load(path: &Path) -> Result<Config, Vec<Problem>> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            vec![Problem::plain(format!(
                "cannot read config {}: {e}",
                crate::engine::walk::display_relative(path)
            ))]
        })?;
        let file = ProblemFile {
            name: crate::engine::walk::display_relative(path),
            text: Arc::from(text.as_str()),
        };
        let raw: RawConfig =
            toml::from_str(&text).map_err(|e| vec![Problem::from_toml(&file, "config", &e)])?;
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut problems = Vec::new();
        let mut config = Config {
            dir,
            packs: raw
                .packs
                .iter()
                .map(|p| PackRef {
                    spec: p.get_ref().clone(),
                    named_at: Some((file.clone(), p.span())),
                })
                .collect(),
            include: globs(&file, &raw.include, &mut problems),
            exclude: globs(&file, &raw.exclude, &mut problems),
            trusted: trusted_globs(&file, &raw.trusted, &mut problems),
            ..Config::default()
        };
        if let Some(deny) = &raw.deny {
            match severity(deny.get_ref()) {
                Some(Level::On(s)) => config.deny = Some(s),
                _ => problems.push(Problem::at(
                    &file,
                    deny.span(),
                    format!("`deny = \"{}\"` is not a severity", deny.get_ref()),
                    "expected error, warning or info",
                )),
            }
        }
        if let Some(dialogue) = &raw.dialogue {
            match dialogue.get_ref().as_str() {
                "warn" | "warning" => config.dialogue = Level::On(Severity::Warning),
                "info" => config.dialogue = Level::On(Severity::Info),
                "ignore" | "off" => config.dialogue = Level::Off,
                other => problems.push(
                    Problem::at(
                        &file,
                        dialogue.span(),
                        format!("`dialogue = \"{other}\"` is not a dialogue level"),
                        "expected warn, info or ignore",
                    )
                    .note("claims inside dialogue are reported at most at this level"),
                ),
            }
        }
        for (name, patterns) in &raw.formats {
            match Format::named(name.get_ref()) {
                Some(format) => {
                    if let Some(set) = globs(&file, patterns, &mut problems) {
                        config.formats.push((format, set));
                    }
                }
                None => {
                    let mut p = Problem::at(
                        &file,
                        name.span(),
                        format!("unknown format `{}`", name.get_ref()),
                        "not a format canonlint reads",
                    );
                    if let Some(close) =
                        did_you_mean(name.get_ref(), Format::NAMES.iter().map(|(n, _)| *n))
                    {
                        p = p.help(format!("did you mean `{close}`?"));
                    }
                    let names: Vec<&str> = Format::NAMES.iter().map(|(n, _)| *n).collect();
                    problems.push(p.note(format!("formats: {}", names.join(", "))));
                }
            }
        }
        let mut set_at: BTreeMap<&str, std::ops::Range<usize>> = BTreeMap::new();
        for (name, level) in &raw.checks {
            let Some(check) = checks::find(name.get_ref()) else {
                let mut p = Problem::at(
                    &file,
                    name.span(),
                    format!("unknown check `{}`", name.get_ref()),
                    "not a check",
                );
                if let Some(close) =
                    did_you_mean(name.get_ref(), checks::CHECKS.iter().map(|c| c.name))
                {
                    p = p.help(format!("did you mean `{close}`?"));
                }
                problems.push(p.note(format!(
                    "checks: {}",
                    checks::CHECKS.map(|c| c.name).join(", ")
                )));
                continue;
            };
            if let Some(first) = set_at.insert(check.name, name.span()) {
                problems.push(
                    Problem::at(
                        &file,
                        name.span(),
                        format!("`{}` is set twice", check.name),
                        "set again here",
                    )
                    .also(first, "first set here")
                    .note(format!(
                        "`{}` and `{}` name the same check",
                        check.name, check.code
                    )),
                );
                continue;
            }
            match severity(level.get_ref()) {
                Some(l) => {
                    config.checks.insert(check.name, l);
                }
                None => problems.push(Problem::at(
                    &file,
                    level.span(),
                    format!("`{}` is not a level", level.get_ref()),
                    "expected error, warning, info or off",
                )),
            }
        }
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(problems)
        }
    }

    /// The config governing files in `dir`: the nearest `canonlint.toml` in `dir` or above.
    pub fn find(dir: &Path) -> Option<PathBuf> {
        dir.ancestors()
            .map(|d| d.join(FILE_NAME))
            .find(|p| p.is_file())
    }
}

fn severity(name: &str) -> Option<Level> {
    match name {
        // The plural is how `--deny warnings` spells it on the command line.
        "error" | "errors" => Some(Level::On(Severity::Error)),
        "warning" | "warnings" | "warn" => Some(Level::On(Severity::Warning)),
        "info" => Some(Level::On(Severity::Info)),
        "off" => Some(Level::Off),
        _ => None,
    }
}

/// `trusted` globs: relative to the config's folder, so one that is absolute or climbs
/// out of it could never match a checked file of this project.
fn trusted_globs(
    file: &ProblemFile,
    patterns: &[Spanned<String>],
    problems: &mut Vec<Problem>,
) -> Option<GlobSet> {
    let mut good = Vec::new();
    for p in patterns {
        let pattern = p.get_ref();
        let why = if pattern.trim().is_empty() {
            "an empty pattern matches nothing"
        } else if pattern.starts_with('/') || Path::new(pattern).is_absolute() {
            "an absolute path never matches: patterns are relative to this file's folder"
        } else if pattern.split(['/', '\\']).any(|part| part == "..") {
            "`..` never matches: only files this config governs can be trusted"
        } else {
            good.push(p.clone());
            continue;
        };
        problems.push(
            Problem::at(
                file,
                p.span(),
                format!("`{pattern}` cannot name trusted sources"),
                why,
            )
            .help("write a glob relative to this file's folder, such as `wiki/**`"),
        );
    }
    // The others are still compiled, so that every mistake is reported at once.
    let set = globs(file, &good, problems);
    if good.len() == patterns.len() {
        set
    } else {
        None
    }
}

fn globs(
    file: &ProblemFile,
    patterns: &[Spanned<String>],
    problems: &mut Vec<Problem>,
) -> Option<GlobSet> {
    if patterns.is_empty() {
        return None;
    }
    let mut builder = GlobSetBuilder::new();
    for p in patterns {
        match Glob::new(p.get_ref()) {
            Ok(g) => {
                builder.add(g);
            }
            Err(e) => problems.push(Problem::at(
                file,
                p.span(),
                format!("invalid glob: {e}"),
                "this pattern",
            )),
        }
    }
    match builder.build() {
        Ok(set) => Some(set),
        Err(e) => {
            let all = patterns[0].span().start..patterns[patterns.len() - 1].span().end;
            problems.push(Problem::at(
                file,
                all,
                format!("invalid globs: {e}"),
                "these patterns",
            ));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Config, String> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, text).unwrap();
        Config::load(&path).map_err(|p| p.iter().map(Problem::render).collect())
    }

    #[test]
    fn levels_and_packs() {
        let c = load(
            "packs = [\"star-trek\"]\n[checks]\ncross-document = \"error\"\nCL001 = \"off\"\n",
        )
        .unwrap();
        assert_eq!(
            c.packs.iter().map(|p| p.spec.as_str()).collect::<Vec<_>>(),
            ["star-trek"]
        );
        assert_eq!(
            c.level(&checks::cross_document::INFO),
            Level::On(Severity::Error)
        );
        assert_eq!(c.level(&checks::name_variant::INFO), Level::Off);
        assert_eq!(c.level(&checks::fact::INFO), Level::On(Severity::Error));
    }

    #[test]
    fn unknown_check_and_key_are_errors_with_suggestions() {
        let e = load("[checks]\nfacts = \"off\"\n").unwrap_err();
        assert!(
            e.contains("unknown check `facts`") && e.contains("did you mean `fact`?"),
            "{e}"
        );
        let e = load("pack = [\"star-trek\"]\n").unwrap_err();
        assert!(
            e.contains("unknown key `pack`") && e.contains("did you mean `packs`?"),
            "{e}"
        );
    }

    #[test]
    fn a_check_set_twice_is_an_error() {
        let e = load("[checks]\nfact = \"off\"\nCL003 = \"error\"\n").unwrap_err();
        assert!(
            e.contains("`fact` is set twice") && e.contains("first set here"),
            "{e}"
        );
    }

    #[test]
    fn deny_takes_both_spellings() {
        assert_eq!(
            load("deny = \"warnings\"\n").unwrap().deny,
            Some(Severity::Warning)
        );
        assert_eq!(
            load("deny = \"warning\"\n").unwrap().deny,
            Some(Severity::Warning)
        );
    }

    #[test]
    fn formats_and_dialogue() {
        let c = load("dialogue = \"ignore\"\n[formats]\nwikitext = [\"pages/*.txt\"]\n").unwrap();
        assert_eq!(c.dialogue, Level::Off);
        assert_eq!(
            c.format_of(&c.dir.join("pages/a.txt")),
            Some(Format::Wikitext)
        );
        assert_eq!(c.format_of(&c.dir.join("notes/a.txt")), Some(Format::Text));
        assert_eq!(c.format_of(&c.dir.join("a.png")), None);
        assert_eq!(Config::default().dialogue, Level::On(Severity::Info));
        let e = load("[formats]\nwikitxt = [\"*.page\"]\n").unwrap_err();
        assert!(
            e.contains("unknown format `wikitxt`") && e.contains("did you mean `wikitext`?"),
            "{e}"
        );
        let e = load("dialogue = \"loud\"\n").unwrap_err();
        assert!(e.contains("not a dialogue level"), "{e}");
    }

    #[test]
    fn trusted_sources_are_relative_globs() {
        let c = load("trusted = [\"wiki/**\"]\n").unwrap();
        assert!(c.trusts(&c.dir.join("wiki/keep.md")));
        assert!(!c.trusts(&c.dir.join("drafts/keep.md")));
        assert!(!Config::default().trusts(Path::new("wiki/keep.md")));
        let e = load("trusted = [\"/wiki/**\"]\n").unwrap_err();
        assert!(
            e.contains("`/wiki/**` cannot name trusted sources") && e.contains("absolute"),
            "{e}"
        );
        let e = load("trusted = [\"../wiki/**\", \"wiki/[\"]\n").unwrap_err();
        assert!(e.contains("`..` never matches"), "{e}");
        let e = load("trusted = [\"wiki/[\"]\n").unwrap_err();
        assert!(e.contains("invalid glob"), "{e}");
        let e = load("trusted = \"wiki/**\"\n").unwrap_err();
        assert!(e.contains("trusted"), "{e}");
    }

    #[test]
    fn exclude_is_relative_to_the_config() {
        let c = load("exclude = [\"drafts/**\"]\n").unwrap();
        assert!(c.skips(&c.dir.join("drafts/a.md")));
        assert!(!c.skips(&c.dir.join("chapters/a.md")));
    }
}
