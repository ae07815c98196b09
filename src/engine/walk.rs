//! Finding the files to check: the paths given, walked with the `ignore` crate so that
//! `.gitignore`, `.ignore` and `.canonlintignore` are honoured and hidden files skipped;
//! `-` is standard input. Every walked file is listed: which of them canonlint reads (by
//! extension, or by a config's `[formats]`) is the engine's choice.

use std::path::{Path, PathBuf};

use ignore::WalkBuilder;

use crate::problem::Problem;

/// A file to check.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Input {
    /// The path shown to users (also the sort key).
    pub display: String,
    /// The path to read; empty for standard input.
    pub path: PathBuf,
    /// Named on the command line (not found by walking a directory).
    pub explicit: bool,
}

impl Input {
    /// Whether this input is standard input.
    pub fn is_stdin(&self) -> bool {
        self.path.as_os_str().is_empty()
    }
}

/// A path as users see it: forward slashes, no leading `./`.
pub fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    let mut s = s.as_str();
    while let Some(rest) = s.strip_prefix("./") {
        s = rest;
    }
    s.to_string()
}

/// A path as users see it, relative to the current directory when it lies inside it.
pub fn display_relative(path: &Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    display_path(path.strip_prefix(&cwd).unwrap_or(path))
}

/// Expands the command-line paths into sorted, de-duplicated inputs.
pub fn collect(paths: &[PathBuf], stdin_name: Option<&str>) -> (Vec<Input>, Vec<Problem>) {
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input {
                display: stdin_name.unwrap_or("<stdin>").to_string(),
                path: PathBuf::new(),
                explicit: true,
            });
        } else if path.is_file() {
            inputs.push(Input {
                display: display_path(path),
                path: path.clone(),
                explicit: true,
            });
        } else if path.is_dir() {
            walk(path, &mut inputs, &mut problems);
        } else {
            problems.push(Problem::plain(format!(
                "{}: no such file or directory",
                display_path(path)
            )));
        }
    }
    // A file both named and found by walking counts as named (ignore rules do not skip it).
    inputs.sort_by(|a, b| a.display.cmp(&b.display).then(b.explicit.cmp(&a.explicit)));
    inputs.dedup_by(|a, b| a.display == b.display);
    (inputs, problems)
}

fn walk(root: &Path, inputs: &mut Vec<Input>, problems: &mut Vec<Problem>) {
    let walker = WalkBuilder::new(root)
        .require_git(false)
        .add_custom_ignore_filename(".canonlintignore")
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                if entry.file_type().is_some_and(|t| t.is_file()) {
                    inputs.push(Input {
                        display: display_path(path),
                        path: path.to_path_buf(),
                        explicit: false,
                    });
                }
            }
            Err(e) => problems.push(Problem::plain(format!(
                "cannot walk {}: {e}",
                display_path(root)
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_paths_drop_dot_slash() {
        assert_eq!(display_path(Path::new("./a/b.md")), "a/b.md");
        assert_eq!(display_path(Path::new("a\\b.md")), "a/b.md");
    }

    #[test]
    fn walking_honours_gitignore() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join(".gitignore"), "skipped.md\n").unwrap();
        for name in ["b.md", "a.txt", "skipped.md", "image.png"] {
            std::fs::write(root.join(name), "x").unwrap();
        }
        let (inputs, problems) = collect(&[root.to_path_buf()], None);
        assert!(problems.is_empty());
        let names: Vec<String> = inputs
            .iter()
            .map(|i| i.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.txt", "b.md", "image.png"]);
    }
}
