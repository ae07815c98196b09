//! `canonlint claims`: every claim of the files a check would read, as JSON lines on
//! standard output. Skipped files are noted and unreadable files reported on standard
//! error; the exit code is 0, or 2 for a bad config or pack or an unreadable file.

use std::io::{self, Write};
use std::path::PathBuf;

use canonlint::engine::{self, Options};
use canonlint::report;
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use super::{EXIT_CLEAN, EXIT_ERROR};

/// Arguments of `canonlint claims`.
#[derive(Debug, clap::Args)]
pub struct ClaimsArgs {
    /// Files or directories to read; `-` reads standard input.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// A canon pack for this run, by built-in name or path; repeatable. Replaces the
    /// packs of canonlint.toml.
    #[arg(long = "pack", value_name = "NAME|PATH")]
    packs: Vec<String>,
    /// The file name to report standard input as (its extension picks the format).
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
}

/// Runs `canonlint claims` and returns the exit code.
pub fn run(args: ClaimsArgs) -> u8 {
    let stdin_bytes = match super::read_stdin(&args.paths, args.stdin_filename.as_deref()) {
        Ok(bytes) => bytes,
        Err(code) => return code,
    };
    let options = Options {
        paths: args.paths,
        stdin_name: args.stdin_filename,
        stdin_bytes,
        packs: (!args.packs.is_empty()).then_some(args.packs),
        ..Options::default()
    };
    let mut stderr = StandardStream::stderr(ColorChoice::Never);
    let outcome = match engine::claims(&options) {
        Ok(o) => o,
        Err(problems) => {
            for p in &problems {
                p.render_to(&mut stderr);
            }
            return EXIT_ERROR;
        }
    };
    let mut stdout = io::stdout().lock();
    for file in &outcome.files {
        let mut lines = String::new();
        report::claims::render_file(file, &mut lines);
        if let Err(e) = stdout.write_all(lines.as_bytes()) {
            // A reader that stops early (`| head`) is not an error.
            if e.kind() == io::ErrorKind::BrokenPipe {
                break;
            }
            let _ = writeln!(io::stderr(), "error: cannot write the claims: {e}");
            return EXIT_ERROR;
        }
    }
    for s in &outcome.skipped {
        let _ = writeln!(io::stderr(), "note: skipped {}: {}", s.path, s.reason);
    }
    for p in &outcome.problems {
        p.render_to(&mut stderr);
    }
    if outcome.problems.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_ERROR
    }
}
