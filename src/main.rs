//! The `canonlint` binary: everything happens in `canonlint::cli`; this maps its result to
//! the process exit code (0 clean, 1 findings, 2 errors).

use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(canonlint::cli::run())
}
