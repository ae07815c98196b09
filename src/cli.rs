//! The command line: parse arguments, run, print, and say which exit code the run earned.
//!
//! Exit codes: 0 no finding at or above the failing level; 1 findings at or above it
//! (errors by default; `--deny warnings` lowers it); 2 a usage, config, pack or I/O error.

use std::io::{self, IsTerminal, Read, Write};
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use canonlint::checks::CHECKS;
use canonlint::engine::config::Level;
use canonlint::engine::{self, Options, Outcome};
use canonlint::finding::Severity;
use canonlint::{fix, report};

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
    /// Explain a check: what it finds, why, how to configure or suppress it, an example.
    Explain {
        /// A check's code or name, in any case (`CL003`, `fact`).
        code: String,
    },
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Files or directories to check; `-` reads standard input.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
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
    /// Apply the fixes that have exactly one right answer (name spellings, titles), then
    /// report what is left. With `-`, the fixed text goes to stdout and the report to
    /// stderr.
    #[arg(long)]
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
enum Format {
    Human,
    Json,
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
        Command::Checks => {
            let mut out = io::stdout().lock();
            for c in CHECKS {
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
    let reads_stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
    if args.stdin_filename.is_some() && !reads_stdin {
        let _ = writeln!(
            io::stderr(),
            "error: --stdin-filename names standard input, which is read only for the path `-`"
        );
        return EXIT_ERROR;
    }
    // With --fix, standard input's text goes to stdout: nothing else may.
    let stdin_fix = reads_stdin && args.fix && !args.dry_run;
    if stdin_fix && args.paths.len() > 1 {
        let _ = writeln!(
            io::stderr(),
            "error: --fix prints the fixed standard input, so `-` must be the only path"
        );
        return EXIT_ERROR;
    }
    let mut stdin_bytes = None;
    if reads_stdin {
        let mut bytes = Vec::new();
        if let Err(e) = io::stdin().read_to_end(&mut bytes) {
            let _ = writeln!(io::stderr(), "error: cannot read standard input: {e}");
            return EXIT_ERROR;
        }
        stdin_bytes = Some(bytes);
    }
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
    let mut outcome = match engine::run(&options) {
        Ok(o) => o,
        Err(problems) => {
            for p in &problems {
                p.render_to(&mut stderr);
            }
            return EXIT_ERROR;
        }
    };
    let mut fix_failed = false;
    if args.fix && args.dry_run {
        fix_failed = fix::run::dry_run(&outcome, &options, &mut io::stdout().lock(), &mut stderr);
    } else if args.fix {
        let after = fix::run::fix(outcome, &options, &mut io::stdout().lock(), &mut stderr);
        let Some(left) = after.outcome else {
            return EXIT_ERROR;
        };
        (outcome, fix_failed) = (left, after.failed);
    }
    let written = match args.format {
        // A dry run's output is its diff.
        _ if args.dry_run => Ok(()),
        Format::Human if stdin_fix => report::human::write(&outcome, &mut stderr),
        Format::Json if stdin_fix => stderr.write_all(report::json::render(&outcome).as_bytes()),
        Format::Human => {
            let mut stdout =
                StandardStream::stdout(color_choice(args.color, io::stdout().is_terminal()));
            report::human::write(&outcome, &mut stdout)
        }
        Format::Json => io::stdout()
            .lock()
            .write_all(report::json::render(&outcome).as_bytes()),
    };
    for p in &outcome.problems {
        p.render_to(&mut stderr);
    }
    // A reader that stops early (`| head`) is not an error; any other failed write is.
    if let Err(e) = written {
        if e.kind() != io::ErrorKind::BrokenPipe {
            let _ = writeln!(io::stderr(), "error: cannot write the report: {e}");
            return EXIT_ERROR;
        }
    }
    let deny = args.deny.map(|d| match d {
        Deny::Errors => Severity::Error,
        Deny::Warnings => Severity::Warning,
        Deny::Info => Severity::Info,
    });
    if fix_failed {
        return EXIT_ERROR;
    }
    exit_code(&outcome, deny)
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
