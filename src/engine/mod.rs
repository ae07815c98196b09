//! The run: find the files, load each one's config and canon, check the files in parallel,
//! run the cross-document check over what they stated, and sort the findings.
//!
//! Per-file work is independent (rayon); each file yields its findings, compact records
//! of its figures and dates and a compact table of its names and titles, and its text is
//! kept only if a finding points into it. Findings are sorted by path, offset and code
//! afterwards, so output is identical whatever the thread count.

pub mod claims;
pub mod config;
pub mod gather;
pub mod packtest;
mod process;
#[cfg(test)]
mod properties;
mod setup;
pub mod walk;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use crate::checks::{self, corpus, corpus_name, corpus_title, cross_document, suppression};
use crate::finding::{FileId, Finding, Severity};
use crate::pack::{self, Canon};
use crate::problem::Problem;
use crate::scope::Scope;
use crate::source::Format;
pub use claims::{ClaimsOutcome, FileClaims, claims};
use config::{Config, Level};
use setup::{governing_config, input_dir, load_shared, register_packs};
use walk::Input;

/// What to check.
#[derive(Debug, Default, Clone)]
pub struct Options {
    /// Files and directories; `-` is standard input.
    pub paths: Vec<PathBuf>,
    /// The name to report standard input under (its extension picks the format).
    pub stdin_name: Option<String>,
    /// The bytes of standard input, read by the caller (decoded like any file's).
    pub stdin_bytes: Option<Vec<u8>>,
    /// Packs for this run, replacing the configs' `packs`.
    pub packs: Option<Vec<String>>,
    /// The level of findings inside dialogue for this run, replacing the configs'.
    pub dialogue: Option<Level>,
    /// Texts to check in place of the files at these paths (as given or walked), which
    /// are then not read: `--fix` checks its fixed texts again before writing them.
    pub overlay: HashMap<PathBuf, Arc<str>>,
}

impl Options {
    /// The bytes to check for an input instead of reading its file: standard input's, or
    /// the overlay's.
    fn given(&self, input: &Input) -> Option<&[u8]> {
        if input.is_stdin() {
            self.stdin_bytes.as_deref()
        } else {
            self.overlay.get(&input.path).map(|t| t.as_bytes())
        }
    }
}

/// A file of the run: a checked file or a pack, with its text when a finding needs it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path shown to users.
    pub path: String,
    /// The text, if kept.
    pub text: Option<Arc<str>>,
    /// The failing level its config sets (`deny`), for a checked file.
    pub deny: Option<Severity>,
    /// The path its text was read from, for a checked file on disk; `None` for standard
    /// input and packs. `--fix` writes here, never to `path`, which is only for showing.
    pub disk: Option<PathBuf>,
}

/// A file that was not checked, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The path shown to users.
    pub path: String,
    /// Why.
    pub reason: String,
}

/// The result of a run.
#[derive(Debug)]
pub struct Outcome {
    /// Every file findings may point into, by `FileId`: first the inputs (checked, skipped
    /// or unreadable files, in path order), then the pack files.
    pub files: Vec<SourceFile>,
    /// How many leading entries of `files` are inputs.
    pub inputs: usize,
    /// Findings in report order.
    pub findings: Vec<Finding>,
    /// How many files were checked.
    pub checked: usize,
    /// Files not checked.
    pub skipped: Vec<Skipped>,
    /// Files that could not be read: reported, and the run exits 2, but the rest is checked.
    pub problems: Vec<Problem>,
    /// Which findings are shown, when a baseline or the changed-lines mode narrowed them
    /// (set by `scope::Narrowing::apply`; empty after `run`).
    pub scope: Scope,
}

impl Outcome {
    /// Whether a finding is at or above the level that fails the run: `deny` if given
    /// (the command line's), else the `deny` of the config governing its file, else error.
    pub fn fails(&self, deny: Option<Severity>) -> bool {
        self.findings.iter().any(|f| {
            let threshold = deny
                .or(self.files[f.location.file].deny)
                .unwrap_or(Severity::Error);
            f.severity >= threshold
        })
    }

    /// The ids of the input files (checked, skipped or unreadable); the packs' files come
    /// after them.
    pub fn checked_files(&self) -> std::ops::Range<FileId> {
        0..self.inputs
    }
}

/// One governing set-up: a config and the canon its packs make.
struct Setup {
    config: Arc<Config>,
    canon: Arc<Canon>,
    /// `canon.files[i]` is file `packs[i]` of the run.
    packs: Vec<FileId>,
}

/// What a run will check: the set-ups, the files, and each checked file's input, set-up
/// and format (`checked[i]` is file `i`), before any text is read.
struct Plan {
    setups: Vec<Setup>,
    files: Vec<SourceFile>,
    checked: Vec<(Input, usize, Option<Format>)>,
    /// Whether each checked file is a trusted source (`trusted` in its config).
    trusted: Vec<bool>,
    /// Paths that could not be walked: reported, but the rest is checked.
    problems: Vec<Problem>,
}

/// Runs a check. `Err` holds problems that stop the run before any file is checked
/// (a bad config or pack).
pub fn run(options: &Options) -> Result<Outcome, Vec<Problem>> {
    Ok(execute(plan(options)?, options))
}

/// Walks the paths and loads the config and canon governing each file. `Err` holds the
/// problems that stop a run (a bad config or pack).
fn plan(options: &Options) -> Result<Plan, Vec<Problem>> {
    let (inputs, problems) = walk::collect(&options.paths, options.stdin_name.as_deref());
    let cwd = std::env::current_dir().unwrap_or_default();
    let mut configs: HashMap<PathBuf, Arc<Config>> = HashMap::new();
    let mut canons: HashMap<(PathBuf, Vec<String>), usize> = HashMap::new();
    // Configs in different folders that select the same packs share one loaded canon
    // (a wiki with a config per section loads the bundled pack once).
    let mut loaded: HashMap<Vec<String>, Arc<Canon>> = HashMap::new();
    let mut setups: Vec<Setup> = Vec::new();
    let mut files: Vec<SourceFile> = Vec::new();
    let mut checked: Vec<(Input, usize, Option<Format>)> = Vec::new();
    // Whether each checked file is a trusted source (`trusted` in its config).
    let mut trusted: Vec<bool> = Vec::new();
    let mut fatal = Vec::new();
    for input in inputs {
        let dir = input_dir(&input, &cwd, options.stdin_name.as_deref());
        let config = match governing_config(&dir, &mut configs) {
            Ok(c) => c,
            Err(p) => {
                fatal.extend(p);
                continue;
            }
        };
        let absolute = if input.is_stdin() {
            cwd.join(options.stdin_name.as_deref().unwrap_or("-"))
        } else {
            cwd.join(&input.path)
        };
        let absolute = absolute.canonicalize().unwrap_or(absolute);
        let format = match config.format_of(&absolute) {
            None if input.is_stdin() => Some(Format::Text),
            f => f,
        };
        // Walked files canonlint does not read are not its business; a named one is
        // reported as skipped.
        if !input.explicit && (format.is_none() || config.skips(&absolute)) {
            continue;
        }
        let packs: Vec<pack::PackRef> = match &options.packs {
            // A path on the command line is relative to the current directory.
            Some(cli) => cli
                .iter()
                .map(|s| {
                    if pack::looks_like_path(s) {
                        pack::PackRef::plain(&cwd.join(s).to_string_lossy())
                    } else {
                        pack::PackRef::plain(s)
                    }
                })
                .collect(),
            None => config.packs.clone(),
        };
        let key = (
            config.dir.clone(),
            packs.iter().map(|p| p.spec.clone()).collect(),
        );
        let setup = match canons.get(&key) {
            Some(&i) => i,
            None => match load_shared(&packs, &config.dir, &mut loaded) {
                Ok(canon) => {
                    setups.push(Setup {
                        config: config.clone(),
                        canon,
                        packs: Vec::new(),
                    });
                    canons.insert(key, setups.len() - 1);
                    setups.len() - 1
                }
                Err(p) => {
                    fatal.extend(p);
                    continue;
                }
            },
        };
        files.push(SourceFile {
            path: input.display.clone(),
            text: None,
            deny: config.deny,
            disk: (!input.is_stdin()).then(|| input.path.clone()),
        });
        trusted.push(config.trusts(&absolute));
        checked.push((input, setup, format));
    }
    if !fatal.is_empty() {
        return Err(dedup(fatal));
    }
    register_packs(&mut setups, &mut files);
    Ok(Plan {
        setups,
        files,
        checked,
        trusted,
        problems,
    })
}

/// Checks the files of a plan: per file in parallel, then across files; applies
/// suppressions and levels, and sorts.
fn execute(plan: Plan, options: &Options) -> Outcome {
    let Plan {
        setups,
        mut files,
        checked,
        trusted,
        mut problems,
    } = plan;
    let results: Vec<process::FileResult> = checked
        .par_iter()
        .enumerate()
        .map(|(id, (input, setup, format))| {
            let s = &setups[*setup];
            // With `fact` off, a figure that contradicts canon still takes part in the
            // cross-document check.
            let fact_on = s.config.level(&checks::fact::INFO) != Level::Off;
            process::check_file(
                id,
                (input, *format),
                options.given(input),
                (&s.canon, &s.packs),
                fact_on,
            )
        })
        .collect();
    let mut findings = Vec::new();
    let mut records = Vec::new();
    let mut tables = Vec::new();
    let mut suppressions = Vec::new();
    let mut skipped = Vec::new();
    for (id, r) in results.into_iter().enumerate() {
        findings.extend(r.findings);
        records.extend(r.records);
        tables.push(r.corpus);
        suppressions.push(r.suppressions);
        if r.text.is_some() {
            files[id].text = r.text;
        }
        if let Some(reason) = r.skipped {
            skipped.push(Skipped {
                path: files[id].path.clone(),
                reason,
            });
        }
        problems.extend(r.problem);
    }
    // A project is the config that governs a file (one set-up per config): files under
    // different configs are different universes.
    let project = |file: FileId| checked[file].1;
    // Figures and dates of trusted sources win over drafts'.
    findings.extend(cross_document::check(&records, project, |file| {
        trusted[file]
    }));
    let projects: Vec<usize> = checked.iter().map(|c| c.1).collect();
    let canons: Vec<&Canon> = setups.iter().map(|s| s.canon.as_ref()).collect();
    let sources = corpus::Sources {
        project: &projects,
        trusted: &trusted,
        canons: &canons,
    };
    let titles = corpus_title::check(&tables, &sources);
    // Emphasised title-case words are read as a title and as a name: the title's finding
    // stands for both.
    let names = corpus_name::check(&tables, &sources)
        .into_iter()
        .filter(|n| !titles.iter().any(|t| t.location.overlaps(&n.location)));
    findings.extend(names);
    findings.extend(titles);
    drop(tables);
    let mut findings = suppression::apply(findings, &mut suppressions);
    for (file, s) in suppressions.iter().enumerate() {
        findings.extend(suppression::unused(file, s));
    }
    let findings = apply_levels(findings, &checked, &setups, options.dialogue);
    load_referenced(&findings, &checked, &mut files, options);
    let checked_count = checked.len() - skipped.len();
    Outcome {
        files,
        inputs: checked.len(),
        findings,
        checked: checked_count,
        skipped,
        problems,
        scope: Scope::default(),
    }
}

/// Applies each file's config levels (and its dialogue level to findings inside
/// dialogue), drops what is off, and sorts.
fn apply_levels(
    findings: Vec<Finding>,
    checked: &[(Input, usize, Option<Format>)],
    setups: &[Setup],
    dialogue: Option<Level>,
) -> Vec<Finding> {
    let mut out: Vec<Finding> = findings
        .into_iter()
        .filter_map(|mut f| {
            let config = &setups[checked[f.location.file].1].config;
            let check = checks::find(f.check)?;
            let Level::On(severity) = config.level(check) else {
                return None;
            };
            f.severity = severity;
            if f.dialogue {
                let Level::On(most) = dialogue.unwrap_or(config.dialogue) else {
                    return None;
                };
                f.severity = severity.min(most);
                f.label = format!("inside dialogue: {}", f.label);
                f.notes.push(format!(
                    "a character may be wrong on purpose, so this is reported as {}; \
                     `dialogue` in canonlint.toml (warn, info or ignore) sets that",
                    f.severity
                ));
            }
            Some(f)
        })
        .collect();
    out.sort_by(|a, b| {
        a.sort_key()
            .cmp(&b.sort_key())
            .then_with(|| a.message.cmp(&b.message))
    });
    out
}

/// Reads again the checked files that a finding points into but whose text was released.
fn load_referenced(
    findings: &[Finding],
    checked: &[(Input, usize, Option<Format>)],
    files: &mut [SourceFile],
    options: &Options,
) {
    for f in findings {
        for location in std::iter::once(&f.location).chain(f.related.iter().map(|r| &r.location)) {
            let id = location.file;
            if files[id].text.is_some() || id >= checked.len() {
                continue;
            }
            let input = &checked[id].0;
            let text = if let Some(bytes) = options.given(input) {
                process::decode(bytes.to_vec()).ok()
            } else if input.is_stdin() {
                None
            } else {
                process::read_text(&input.path).ok()
            };
            files[id].text = text.map(Arc::from);
        }
    }
}

fn dedup(mut problems: Vec<Problem>) -> Vec<Problem> {
    let mut seen = std::collections::HashSet::new();
    problems.retain(|p| seen.insert(p.render()));
    problems
}
