//! `canonlint pack test` and `canonlint pack check`: packs on their own. Failing examples
//! are printed like findings, on standard output, with a line per pack; a pack that does
//! not load is reported on standard error.
//!
//! Exit codes: `pack test` 0 when every example passes, 1 when one fails, 2 when a pack
//! does not load; `pack check` 0 when every pack loads, 2 when one does not.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use canonlint::engine::packtest::{self, PackSummary, TestRun};
use canonlint::pack::{self, PackRef};
use canonlint::problem::Problem;
use codespan_reporting::term::termcolor::StandardStream;

use super::{Color, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, color_choice};

/// Arguments of `canonlint pack test` and `canonlint pack check`.
#[derive(Debug, clap::Args)]
pub struct PackArgs {
    /// Packs, by built-in name or path (default: the packs the nearest canonlint.toml
    /// selects, else every bundled pack).
    #[arg(value_name = "PACK")]
    packs: Vec<String>,
    /// When to colour diagnostics (NO_COLOR is honoured with `auto`).
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

/// The packs named, relative to the current directory, or the default ones.
fn packs(args: &PackArgs) -> Result<(Vec<PackRef>, PathBuf), Vec<Problem>> {
    let cwd = std::env::current_dir().unwrap_or_default();
    if args.packs.is_empty() {
        return packtest::default_packs(&cwd);
    }
    Ok((args.packs.iter().map(|s| PackRef::plain(s)).collect(), cwd))
}

/// The display name of a pack that did not load: its spec.
fn spec_name(pack: &PackRef) -> String {
    if pack::looks_like_path(&pack.spec) {
        canonlint::engine::walk::display_path(std::path::Path::new(&pack.spec))
    } else {
        pack.spec.clone()
    }
}

/// Runs `canonlint pack test` and returns the exit code.
pub fn test(args: PackArgs) -> u8 {
    let mut stderr = StandardStream::stderr(color_choice(args.color, io::stderr().is_terminal()));
    let mut stdout = StandardStream::stdout(color_choice(args.color, io::stdout().is_terminal()));
    let (packs, base) = match packs(&args) {
        Ok(p) => p,
        Err(problems) => return broken(&problems, &mut stderr),
    };
    let mut code = EXIT_CLEAN;
    for pack in &packs {
        match packtest::test_pack(pack, &base) {
            Ok(run) => {
                for failure in &run.failures {
                    failure.render_to(&mut stdout);
                }
                let _ = writeln!(stdout, "{}", test_line(&run));
                if !run.failures.is_empty() && code == EXIT_CLEAN {
                    code = EXIT_FINDINGS;
                }
            }
            Err(problems) => {
                broken(&problems, &mut stderr);
                let _ = writeln!(stdout, "{}: {}", spec_name(pack), count(&problems));
                code = EXIT_ERROR;
            }
        }
    }
    code
}

/// Runs `canonlint pack check` and returns the exit code.
pub fn check(args: PackArgs) -> u8 {
    let mut stderr = StandardStream::stderr(color_choice(args.color, io::stderr().is_terminal()));
    let (packs, base) = match packs(&args) {
        Ok(p) => p,
        Err(problems) => return broken(&problems, &mut stderr),
    };
    let mut stdout = io::stdout().lock();
    let mut code = EXIT_CLEAN;
    for pack in &packs {
        match packtest::check_pack(pack, &base) {
            Ok(summary) => {
                let _ = writeln!(stdout, "{}", check_line(&summary));
            }
            Err(problems) => {
                broken(&problems, &mut stderr);
                let _ = writeln!(stdout, "{}: {}", spec_name(pack), count(&problems));
                code = EXIT_ERROR;
            }
        }
    }
    code
}

fn broken(problems: &[Problem], stderr: &mut StandardStream) -> u8 {
    for p in problems {
        p.render_to(stderr);
    }
    EXIT_ERROR
}

fn count(problems: &[Problem]) -> String {
    match problems.len() {
        1 => "1 problem".into(),
        n => format!("{n} problems"),
    }
}

/// "star-trek: 14 tests passed", "failing: 1 of 3 tests failed", "core: no tests".
fn test_line(run: &TestRun) -> String {
    let tests = |n: usize| if n == 1 { "test" } else { "tests" };
    match (run.total, run.failures.len()) {
        (0, _) => format!("{}: no tests", run.name),
        (n, 0) => format!("{}: {n} {} passed", run.name, tests(n)),
        (n, f) => format!("{}: {f} of {n} {} failed", run.name, tests(n)),
    }
}

/// "star-trek: 31 entities, 3 works, 3 facts, 14 tests: ok".
fn check_line(s: &PackSummary) -> String {
    let n = |count: usize, one: &str, many: &str| {
        format!("{count} {}", if count == 1 { one } else { many })
    };
    format!(
        "{}: {}, {}, {}, {}: ok",
        s.name,
        n(s.entities, "entity", "entities"),
        n(s.works, "work", "works"),
        n(s.facts, "fact", "facts"),
        n(s.tests, "test", "tests")
    )
}
