//! Packs on their own: `canonlint pack test` runs the examples a pack carries
//! (`[[test]]`) through the full check, and `canonlint pack check` loads a pack and
//! counts what it holds, without reading any text.
//!
//! Each pack is loaded with the core pack only, and each example is checked as a file
//! of its own under the default config (no `canonlint.toml` applies), through the same
//! plan and execution as `check`: suppressions, the cross-document check and levels
//! included. A failing example becomes a diagnostic pointing at its text in the pack.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::engine::config::Config;
use crate::engine::setup::register_packs;
use crate::engine::walk::Input;
use crate::engine::{Options, Outcome, Plan, Setup, SourceFile, execute};
use crate::finding::Finding;
use crate::pack::model::{EntityKind, PackTest};
use crate::pack::{self, Canon, PackRef};
use crate::problem::{Problem, ProblemFile};
use crate::report::lines::LineIndex;
use crate::source::Format;

/// The packs `pack test` and `pack check` take by default, with the directory their
/// paths are relative to: those the nearest `canonlint.toml` (from `dir` up) selects,
/// else every bundled pack.
pub fn default_packs(dir: &Path) -> Result<(Vec<PackRef>, PathBuf), Vec<Problem>> {
    if let Some(path) = Config::find(dir) {
        let config = Config::load(&path)?;
        if !config.packs.is_empty() {
            return Ok((config.packs, config.dir));
        }
    }
    let bundled = pack::BUILTIN
        .iter()
        .map(|(name, _, _)| PackRef::plain(name));
    Ok((bundled.collect(), dir.to_path_buf()))
}

/// A pack that loaded, with the index of its file in its canon (after the core pack).
struct Loaded {
    canon: Arc<Canon>,
    index: usize,
    label: String,
}

impl Loaded {
    fn new(pack: &PackRef, base: &Path) -> Result<Loaded, Vec<Problem>> {
        let canon = pack::load_refs(std::slice::from_ref(pack), base)?;
        // `load_refs` puts the core pack first and loads it once, so the pack is last.
        let index = canon.files.len() - 1;
        let file = &canon.files[index];
        let label = if pack::looks_like_path(&pack.spec) {
            file.path.clone()
        } else {
            file.name.clone()
        };
        Ok(Loaded {
            canon: Arc::new(canon),
            index,
            label,
        })
    }

    fn name(&self) -> &str {
        &self.label
    }

    fn tests(&self) -> impl Iterator<Item = &PackTest> {
        self.canon.tests.iter().filter(|t| t.pack == self.index)
    }
}

/// What a pack holds, for `pack check`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackSummary {
    /// The pack as users named it: a bundled pack's name, else its path.
    pub name: String,
    /// Its entities (not counting performers derived from credits).
    pub entities: usize,
    /// Its works.
    pub works: usize,
    /// Its facts.
    pub facts: usize,
    /// Its examples.
    pub tests: usize,
}

/// Loads a pack with the core pack and counts its own entries. `Err` holds its problems.
pub fn check_pack(pack: &PackRef, base: &Path) -> Result<PackSummary, Vec<Problem>> {
    let loaded = Loaded::new(pack, base)?;
    let canon = &loaded.canon;
    let own = |p: usize| p == loaded.index;
    Ok(PackSummary {
        name: loaded.name().to_string(),
        entities: canon
            .entities
            .iter()
            .filter(|e| own(e.origin.pack) && e.kind != EntityKind::Performer)
            .count(),
        works: canon.works.iter().filter(|w| own(w.origin.pack)).count(),
        facts: canon.facts.iter().filter(|f| own(f.origin.pack)).count(),
        tests: loaded.tests().count(),
    })
}

/// The result of running a pack's examples.
#[derive(Debug)]
pub struct TestRun {
    /// The pack as users named it: a bundled pack's name, else its path.
    pub name: String,
    /// How many examples it carries.
    pub total: usize,
    /// One diagnostic per failing example, pointing at its text in the pack.
    pub failures: Vec<Problem>,
}

/// Runs every example of a pack. `Err` holds the pack's problems (nothing is run).
pub fn test_pack(pack: &PackRef, base: &Path) -> Result<TestRun, Vec<Problem>> {
    let loaded = Loaded::new(pack, base)?;
    let file = &loaded.canon.files[loaded.index];
    let file = ProblemFile {
        name: file.path.clone(),
        text: file.text.clone(),
    };
    let mut run = TestRun {
        name: loaded.name().to_string(),
        total: 0,
        failures: Vec::new(),
    };
    for (number, test) in loaded.tests().enumerate() {
        run.total += 1;
        let outcome = check_example(test, &loaded.canon, base);
        if let Some(failure) = judge(test, &outcome.findings, number + 1, &file) {
            run.failures.push(failure);
        }
    }
    Ok(run)
}

/// The name an example is checked under: its format's usual extension.
fn example_name(format: Format) -> &'static str {
    match format {
        Format::Markdown => "example.md",
        Format::Text => "example.txt",
        Format::Wikitext => "example.wiki",
        Format::Html => "example.html",
    }
}

/// Checks one example as standard input named `example.<ext>`, under the default config.
fn check_example(test: &PackTest, canon: &Arc<Canon>, base: &Path) -> Outcome {
    let display = example_name(test.format).to_string();
    let mut setups = vec![Setup {
        config: Arc::new(Config::defaults_in(base.to_path_buf())),
        canon: canon.clone(),
        packs: Vec::new(),
    }];
    let mut files = vec![SourceFile {
        path: display.clone(),
        text: None,
        deny: None,
        disk: None,
    }];
    register_packs(&mut setups, &mut files);
    let input = Input {
        display,
        path: PathBuf::new(),
        explicit: true,
    };
    let plan = Plan {
        setups,
        files,
        checked: vec![(input, 0, Some(test.format))],
        trusted: vec![false],
        problems: Vec::new(),
    };
    let options = Options {
        stdin_bytes: Some(test.text.as_bytes().to_vec()),
        ..Options::default()
    };
    execute(plan, &options)
}

/// The diagnostic of a failing example, or `None` when it passes: the codes must be the
/// expected ones in order, and each finding must cover exactly its text of `spans`.
fn judge(
    test: &PackTest,
    findings: &[Finding],
    number: usize,
    file: &ProblemFile,
) -> Option<Problem> {
    let text_of = |f: &Finding| test.text.get(f.location.span.clone()).unwrap_or("");
    let codes: Vec<&str> = findings.iter().map(|f| f.code).collect();
    let spans_match = test.spans.as_ref().is_none_or(|spans| {
        spans
            .iter()
            .zip(findings)
            .all(|(s, f)| text_of(f) == s.as_str())
    });
    if codes == test.expect && spans_match {
        return None;
    }
    let (expected, got) = match &test.spans {
        Some(spans) => (
            list(
                test.expect
                    .iter()
                    .zip(spans)
                    .map(|(c, s)| format!("{c} on `{s}`")),
            ),
            list(
                findings
                    .iter()
                    .map(|f| format!("{} on `{}`", f.code, text_of(f))),
            ),
        ),
        None => (
            list(test.expect.iter().map(|c| c.to_string())),
            list(codes.iter().map(|c| c.to_string())),
        ),
    };
    let mut message = format!("pack test {number} failed");
    if let Some(name) = &test.name {
        message.push_str(&format!(": {name}"));
    }
    let label = format!("expected {expected}, got {got}");
    let mut problem = Problem::at(file, test.text_span.clone(), message, label);
    let index = LineIndex::new(&test.text);
    let content = content_start(&file.text, test.text_span.clone(), &test.text);
    for f in findings {
        let at = index.position(f.location.span.start);
        problem.add_note(format!(
            "got {}[{}] on `{}` (line {}, column {} of the text): {}",
            f.severity,
            f.code,
            text_of(f),
            at.line,
            at.column,
            f.message
        ));
        if let Some(start) = content {
            let span = f.location.span.clone();
            problem.secondary.push((
                start + span.start..start + span.end,
                format!("{} here", f.code),
            ));
        }
    }
    Some(problem)
}

/// Where a string value's text starts in the .toml, when the value is written as its
/// text byte for byte (no escapes), so that a finding can be shown in the pack itself.
fn content_start(toml: &str, value: std::ops::Range<usize>, text: &str) -> Option<usize> {
    let raw = toml.get(value.clone())?;
    let multi_line = raw.starts_with("\"\"\"") || raw.starts_with("'''");
    let quotes = if multi_line { 3 } else { 1 };
    let inner = raw.get(quotes..raw.len().checked_sub(quotes)?)?;
    // A newline right after the opening quotes of a multi-line string is not part of it.
    let skipped = if !multi_line {
        0
    } else if inner.starts_with("\r\n") {
        2
    } else {
        usize::from(inner.starts_with('\n'))
    };
    (inner.get(skipped..)? == text).then_some(value.start + quotes + skipped)
}

/// "CL001, CL003", or "nothing".
fn list(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    if items.is_empty() {
        "nothing".into()
    } else {
        items.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_pack_loads_and_its_tests_pass() {
        for (name, _, _) in pack::BUILTIN {
            let pack = PackRef::plain(name);
            let run = test_pack(&pack, Path::new(".")).unwrap_or_else(|p| {
                panic!("{}", p.iter().map(Problem::render).collect::<String>())
            });
            let failures: String = run.failures.iter().map(Problem::render).collect();
            assert!(failures.is_empty(), "{name}:\n{failures}");
        }
    }

    #[test]
    fn the_example_pack_carries_tests_of_every_check_it_feeds() {
        let run = test_pack(&PackRef::plain("star-trek"), Path::new(".")).unwrap();
        assert!((10..=20).contains(&run.total), "{} tests", run.total);
        let summary = check_pack(&PackRef::plain("star-trek"), Path::new(".")).unwrap();
        assert_eq!(summary.tests, run.total);
        assert_eq!(summary.works, 3);
        assert_eq!(summary.facts, 3);
    }

    #[test]
    fn string_values_map_to_their_text_only_without_escapes() {
        let toml = "a = \"x y\"\nb = \"\"\"\nx\ny\"\"\"\nc = \"x\\ty\"\n";
        let a = toml.find("\"x y\"").unwrap();
        assert_eq!(content_start(toml, a..a + 5, "x y"), Some(a + 1));
        let b = toml.find("\"\"\"").unwrap();
        let b_end = toml.find("y\"\"\"").unwrap() + 4;
        assert_eq!(content_start(toml, b..b_end, "x\ny"), Some(b + 4));
        let c = toml.find("\"x\\t").unwrap();
        assert_eq!(content_start(toml, c..toml.len() - 1, "x\ty"), None);
    }

    #[test]
    fn default_packs_come_from_the_nearest_config() {
        let dir = tempfile::tempdir().unwrap();
        let (packs, base) = default_packs(dir.path()).unwrap();
        let names: Vec<&str> = packs.iter().map(|p| p.spec.as_str()).collect();
        assert_eq!(names, ["core", "star-trek"]);
        assert_eq!(base, dir.path());
        std::fs::write(
            dir.path().join("canonlint.toml"),
            "packs = [\"mine.toml\"]\n",
        )
        .unwrap();
        let sub = dir.path().join("chapters");
        std::fs::create_dir(&sub).unwrap();
        let (packs, base) = default_packs(&sub).unwrap();
        assert_eq!(packs[0].spec, "mine.toml");
        assert_eq!(base, dir.path());
    }
}
