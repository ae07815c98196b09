//! The command line: parse arguments, run, print, and say which exit code the run earned.
//!
//! Exit codes: 0 no finding at or above the failing level; 1 findings at or above it
//! (errors by default; `--deny warnings` lowers it); 2 a usage, config, pack or I/O error.

mod claims;
mod packs;
mod suggest;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use canonlint::checks::CHECKS;
use canonlint::engine::config::Level;
use canonlint::engine::{self, Options, Outcome};
use canonlint::finding::Severity;
use canonlint::report::{self, Format, output::Plan, output::Request};
use canonlint::{baseline, fix, scope};

/// Exit code: no finding at the failing level.
pub const EXIT_CLEAN: u8 = 0;
/// Exit code: findings at the failing level.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: usage, config, pack or I/O error.
pub const EXIT_ERROR: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "canonlint",
    version,
    about = "A continuity linter for fiction: checks names, titles, figures, dates, ranks and credits against canon."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check files and directories (default: the current directory).
    Check(CheckArgs),
    /// List every check with its code, default severity and whether --fix applies it.
    Checks,
    /// Print every claim read from the files as JSON lines (what checks compare).
    Claims(claims::ClaimsArgs),
    /// Work on canon packs without checking any text.
    #[command(subcommand)]
    Pack(PackCommand),
    /// Learn canon from the files themselves.
    #[command(subcommand)]
    Canon(CanonCommand),
    /// Explain a check: what it finds, why, how to configure or suppress it, an example.
    Explain {
        /// A check's code or name, in any case (`CL003`, `fact`).
        code: String,
    },
}

#[derive(Debug, Subcommand)]
enum PackCommand {
    /// Run the examples (`[[test]]`) packs carry through the full check.
    Test(packs::PackArgs),
    /// Validate packs and count what each holds.
    Check(packs::PackArgs),
}

#[derive(Debug, Subcommand)]
enum CanonCommand {
    /// Write a draft pack (TOML) of the names, titles and figures the files use.
    Suggest(suggest::SuggestArgs),
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Files or directories to check; `-` reads standard input.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// A report: human (the default), json, sarif, github, rdjsonl, checkstyle, junit or
    /// gitlab, with `:FILE` to write it to FILE. Repeatable; at most one report goes to
    /// standard output.
    #[arg(long, value_name = "FMT[:FILE]")]
    format: Vec<Request>,
    /// Write the report that would go to standard output to FILE instead.
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// When to colour human output (NO_COLOR is honoured with `auto`).
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// A canon pack for this run, by built-in name or path; repeatable. Replaces the
    /// packs of canonlint.toml.
    #[arg(long = "pack", value_name = "NAME|PATH")]
    packs: Vec<String>,
    /// The file name to report standard input as (its extension picks the format).
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
    /// Fail (exit 1) on findings at this level or above, not only on errors.
    #[arg(long, value_enum, value_name = "LEVEL")]
    deny: Option<Deny>,
    /// The most a finding about a claim inside dialogue is reported at; replaces the
    /// configs' `dialogue`.
    #[arg(long, value_enum, value_name = "LEVEL")]
    dialogue: Option<Dialogue>,
    /// Record every current finding in FILE (a baseline) instead of reporting them.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["baseline", "diff_base", "diff_file"])]
    write_baseline: Option<PathBuf>,
    /// Report only findings that the baseline FILE does not hold.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Report only findings on lines changed since the git revision REV.
    #[arg(long, value_name = "REV", conflicts_with = "diff_file")]
    diff_base: Option<String>,
    /// Report only findings on lines changed from OLD, an older copy of the one file checked.
    #[arg(long, value_name = "OLD")]
    diff_file: Option<PathBuf>,
    /// Apply the fixes that have exactly one right answer (name spellings, titles), then
    /// report what is left. With `-`, the fixed text goes to stdout and the report to
    /// stderr.
    #[arg(long, conflicts_with_all = ["write_baseline", "baseline", "diff_base", "diff_file"])]
    fix: bool,
    /// With --fix: print a unified diff of what would change, and change nothing.
    #[arg(long, requires = "fix")]
    dry_run: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Dialogue {
    Warn,
    Info,
    Ignore,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Deny {
    Errors,
    Warnings,
    Info,
}

/// Runs the command line and returns the exit code.
pub fn run() -> u8 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                EXIT_ERROR
            } else {
                EXIT_CLEAN
            };
        }
    };
    match cli.command {
        Command::Check(args) => check(args),
        Command::Claims(args) => claims::run(args),
        Command::Pack(PackCommand::Test(args)) => packs::test(args),
        Command::Pack(PackCommand::Check(args)) => packs::check(args),
        Command::Canon(CanonCommand::Suggest(args)) => suggest::run(args),
        Command::Checks => {
            let mut out = io::stdout().lock();
            let mut checks: Vec<_> = CHECKS.iter().collect();
            checks.sort_by_key(|c| c.code);
            for c in checks {
                let _ = writeln!(
                    out,
                    "{}  {:<18} {:<8} {:<8}{}",
                    c.code,
                    c.name,
                    c.default.name(),
                    if c.fixable { "fixable" } else { "" },
                    c.summary
                );
            }
            EXIT_CLEAN
        }
        Command::Explain { code } => match canonlint::explain::lookup(&code) {
            Ok(check) => {
                let text = canonlint::explain::explain(check);
                let _ = io::stdout().lock().write_all(text.as_bytes());
                EXIT_CLEAN
            }
            Err(message) => {
                let _ = writeln!(io::stderr(), "error: {message}");
                EXIT_ERROR
            }
        },
    }
}

fn check(args: CheckArgs) -> u8 {
    let plan = match Plan::new(&args.format, args.output.as_deref()) {
        Ok(plan) => plan,
        Err(e) => {
            let _ = writeln!(io::stderr(), "error: {e}");
            return EXIT_ERROR;
        }
    };
    let reads_stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
    // With --fix, standard input's text goes to stdout: nothing else may.
    let stdin_fix = reads_stdin && args.fix && !args.dry_run;
    if stdin_fix && args.paths.len() > 1 {
        let _ = writeln!(
            io::stderr(),
            "error: --fix prints the fixed standard input, so `-` must be the only path"
        );
        return EXIT_ERROR;
    }
    let stdin_bytes = match read_stdin(&args.paths, args.stdin_filename.as_deref()) {
        Ok(bytes) => bytes,
        Err(code) => return code,
    };
    let options = Options {
        paths: args.paths,
        stdin_name: args.stdin_filename,
        stdin_bytes,
        packs: (!args.packs.is_empty()).then_some(args.packs),
        dialogue: args.dialogue.map(|d| match d {
            Dialogue::Warn => Level::On(Severity::Warning),
            Dialogue::Info => Level::On(Severity::Info),
            Dialogue::Ignore => Level::Off,
        }),
        ..Options::default()
    };
    let mut stderr = StandardStream::stderr(color_choice(args.color, io::stderr().is_terminal()));
    let request = scope::Request {
        baseline: args.baseline,
        diff_base: args.diff_base,
        diff_file: args.diff_file,
    };
    let narrowing = match scope::Narrowing::prepare(&request, &options.paths) {
        Ok(n) => n,
        Err(p) => {
            p.render_to(&mut stderr);
            return EXIT_ERROR;
        }
    };
    let mut outcome = match engine::run(&options) {
        Ok(o) => o,
        Err(problems) => {
            for p in &problems {
                p.render_to(&mut stderr);
            }
            return EXIT_ERROR;
        }
    };
    if let Some(file) = &args.write_baseline {
        return write_baseline(&outcome, file, &mut stderr);
    }
    let mut fix_failed = false;
    if args.fix && args.dry_run {
        // A dry run's output is its diff; no report.
        let failed = fix::run::dry_run(&outcome, &options, &mut io::stdout().lock(), &mut stderr);
        return if failed {
            EXIT_ERROR
        } else {
            exit_code(&outcome, deny_level(args.deny))
        };
    } else if args.fix {
        let after = fix::run::fix(outcome, &options, &mut io::stdout().lock(), &mut stderr);
        let Some(left) = after.outcome else {
            return EXIT_ERROR;
        };
        (outcome, fix_failed) = (left, after.failed);
    }
    if let Err(p) = narrowing.apply(&mut outcome) {
        p.render_to(&mut stderr);
        return EXIT_ERROR;
    }
    // With standard input fixed, stdout holds the fixed text, so its report goes to stderr.
    let written = match plan.stdout {
        Some(Format::Human) if stdin_fix => report::human::write(&outcome, &mut stderr),
        Some(Format::Human) => {
            let mut stdout =
                StandardStream::stdout(color_choice(args.color, io::stdout().is_terminal()));
            report::human::write(&outcome, &mut stdout)
        }
        Some(format) if stdin_fix => stderr.write_all(&report::render(format, &outcome)),
        Some(format) => io::stdout()
            .lock()
            .write_all(&report::render(format, &outcome)),
        None => Ok(()),
    };
    let mut failed = plan.write_files(&outcome);
    if let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) {
        if plan.wants(Format::Github) {
            let summary = report::output::append_step_summary(path.as_ref(), &outcome);
            failed.extend(summary.err());
        }
    }
    for p in &outcome.problems {
        p.render_to(&mut stderr);
    }
    for e in &failed {
        let _ = writeln!(io::stderr(), "error: {e}");
    }
    // A reader that stops early (`| head`) is not an error; any other failed write is.
    if let Err(e) = written {
        if e.kind() != io::ErrorKind::BrokenPipe {
            let _ = writeln!(io::stderr(), "error: cannot write the report: {e}");
            return EXIT_ERROR;
        }
    }
    if !failed.is_empty() || fix_failed {
        return EXIT_ERROR;
    }
    exit_code(&outcome, deny_level(args.deny))
}

/// Reads standard input when `-` is among the paths; `Err` is the exit code after an error
/// is printed (`--stdin-filename` without `-`, or standard input unreadable).
fn read_stdin(paths: &[PathBuf], stdin_filename: Option<&str>) -> Result<Option<Vec<u8>>, u8> {
    let reads_stdin = paths.iter().any(|p| p.as_os_str() == "-");
    if stdin_filename.is_some() && !reads_stdin {
        let _ = writeln!(
            io::stderr(),
            "error: --stdin-filename names standard input, which is read only for the path `-`"
        );
        return Err(EXIT_ERROR);
    }
    if !reads_stdin {
        return Ok(None);
    }
    let mut bytes = Vec::new();
    if let Err(e) = io::stdin().read_to_end(&mut bytes) {
        let _ = writeln!(io::stderr(), "error: cannot read standard input: {e}");
        return Err(EXIT_ERROR);
    }
    Ok(Some(bytes))
}

fn deny_level(deny: Option<Deny>) -> Option<Severity> {
    deny.map(|d| match d {
        Deny::Errors => Severity::Error,
        Deny::Warnings => Severity::Warning,
        Deny::Info => Severity::Info,
    })
}

/// The exit code a run earned: 2 if a file could not be read, 1 if a finding is at or
/// above the failing level (`deny`, else its file's config's `deny`, else error), else 0.
pub fn exit_code(outcome: &Outcome, deny: Option<Severity>) -> u8 {
    if !outcome.problems.is_empty() {
        EXIT_ERROR
    } else if outcome.fails(deny) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// Writes a baseline instead of a report and says how many findings it holds.
fn write_baseline(outcome: &Outcome, file: &Path, stderr: &mut StandardStream) -> u8 {
    for p in &outcome.problems {
        p.render_to(stderr);
    }
    match baseline::write(outcome, file) {
        Ok(n) => {
            let s = if n == 1 { "" } else { "s" };
            let _ = writeln!(
                stderr,
                "canonlint: recorded {n} finding{s} in {}",
                file.display()
            );
            EXIT_CLEAN
        }
        Err(p) => {
            p.render_to(stderr);
            EXIT_ERROR
        }
    }
}

fn color_choice(color: Color, terminal: bool) -> ColorChoice {
    match color {
        Color::Always => ColorChoice::Always,
        Color::Never => ColorChoice::Never,
        Color::Auto if terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) => {
            ColorChoice::Auto
        }
        Color::Auto => ColorChoice::Never,
    }
}
