//! `canonlint canon suggest`: a draft pack (TOML) from the files a check would read, on
//! standard output or written atomically to `--output`. Skipped files are noted and
//! unreadable files reported on standard error; the exit code is 0, or 2 for a bad config
//! or pack, an unreadable file or an unwritable output.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use canonlint::engine::{Options, gather};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use super::{EXIT_CLEAN, EXIT_ERROR};

/// Arguments of `canonlint canon suggest`.
#[derive(Debug, clap::Args)]
pub struct SuggestArgs {
    /// Files or directories to draft from; `-` reads standard input.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// A canon pack for this run, by built-in name or path; repeatable. Replaces the
    /// packs of canonlint.toml. What the packs know is not suggested again.
    #[arg(long = "pack", value_name = "NAME|PATH")]
    packs: Vec<String>,
    /// The file name to report standard input as (its extension picks the format).
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
    /// Write the draft to FILE (atomically) instead of standard output.
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// The draft pack's name (default: the name of the first path's folder).
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
}

/// Runs `canonlint canon suggest` and returns the exit code.
pub fn run(args: SuggestArgs) -> u8 {
    let stdin_bytes = match super::read_stdin(&args.paths, args.stdin_filename.as_deref()) {
        Ok(bytes) => bytes,
        Err(code) => return code,
    };
    let name = args
        .name
        .clone()
        .unwrap_or_else(|| folder_name(&args.paths));
    let options = Options {
        paths: args.paths,
        stdin_name: args.stdin_filename,
        stdin_bytes,
        packs: (!args.packs.is_empty()).then_some(args.packs),
        ..Options::default()
    };
    let mut stderr = StandardStream::stderr(ColorChoice::Never);
    let corpus = match gather::gather(&options) {
        Ok(c) => c,
        Err(problems) => {
            for p in &problems {
                p.render_to(&mut stderr);
            }
            return EXIT_ERROR;
        }
    };
    let text = canonlint::suggest::draft(&corpus, &name).to_toml();
    let written = match &args.output {
        Some(path) => canonlint::atomic::write(path, text.as_bytes()).map_err(|e| {
            format!(
                "cannot write the draft pack to {}: {e}",
                canonlint::engine::walk::display_path(path)
            )
        }),
        None => match io::stdout().lock().write_all(text.as_bytes()) {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                Err(format!("cannot write the draft pack: {e}"))
            }
            _ => Ok(()),
        },
    };
    for s in &corpus.skipped {
        let _ = writeln!(io::stderr(), "note: skipped {}: {}", s.path, s.reason);
    }
    for p in &corpus.problems {
        p.render_to(&mut stderr);
    }
    if let Err(e) = written {
        let _ = writeln!(io::stderr(), "error: {e}");
        return EXIT_ERROR;
    }
    if corpus.problems.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_ERROR
    }
}

/// The folder the first path names (or is in), as a pack name: `drafts/` gives `drafts`.
fn folder_name(paths: &[PathBuf]) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    let first = paths
        .first()
        .filter(|p| p.as_os_str() != "-")
        .map(|p| cwd.join(p))
        .unwrap_or_else(|| cwd.clone());
    let first = first.canonicalize().unwrap_or(first);
    let folder = if first.is_dir() {
        first.as_path()
    } else {
        first.parent().unwrap_or(Path::new(""))
    };
    folder
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "draft".to_string())
}
