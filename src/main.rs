//! The `canonlint` binary: everything happens in `cli`; this maps its result to the
//! process exit code (0 clean, 1 findings, 2 errors).

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(cli::run())
}
