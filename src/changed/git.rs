//! `--diff-base REV`: what changed since a git revision, in the working tree.
//!
//! For each repository holding a checked path, `git diff --unified=0 REV -- PATHS` gives
//! the changed lines of tracked files (`hunks` reads it) and `git ls-files --others
//! --exclude-standard` the untracked files, which count as changed throughout. A renamed
//! file counts only its changed lines, whatever the user's `diff.renames`. Git names
//! files relative to the repository's top; the checked files are named relative to where
//! canonlint runs; both are made absolute and canonical to be compared.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::changed::{Changes, Lines, hunks};
use crate::engine::Outcome;
use crate::problem::Problem;

/// The changed lines of every file under `paths` since `rev`, by canonical path. Fails
/// with git's own words when git is missing, a path is not in a repository, or `rev` is
/// not a revision.
pub fn diff(paths: &[PathBuf], rev: &str) -> Result<HashMap<PathBuf, Lines>, Problem> {
    if rev.starts_with('-') || rev.is_empty() {
        return Err(Problem::plain(format!(
            "--diff-base `{rev}` is not a git revision"
        )));
    }
    let mut repos: BTreeMap<PathBuf, Vec<PathBuf>> = BTreeMap::new();
    for path in paths {
        // A path that does not exist is reported by the run itself.
        let Ok(path) = path.canonicalize() else {
            continue;
        };
        let dir = if path.is_dir() {
            path.clone()
        } else {
            path.parent().map(Path::to_path_buf).unwrap_or_default()
        };
        let top = git(&dir, &["rev-parse", "--show-toplevel"], || {
            format!(
                "--diff-base needs a git repository, and {} is not in one",
                dir.display()
            )
        })?;
        let top = PathBuf::from(top.trim_end_matches(['\n', '\r']));
        let top = top.canonicalize().unwrap_or(top);
        repos.entry(top).or_default().push(path);
    }
    let mut changed = HashMap::new();
    for (top, paths) in repos {
        let specs: Vec<&str> = paths.iter().filter_map(|p| p.to_str()).collect();
        let mut args = vec![
            "diff",
            "--unified=0",
            "--no-color",
            "--no-ext-diff",
            "--no-textconv",
            "--find-renames",
            "--src-prefix=a/",
            "--dst-prefix=b/",
            rev,
            "--",
        ];
        args.extend(&specs);
        let diff = git(&top, &args, || {
            format!(
                "--diff-base: cannot list the changes since `{rev}` in {}",
                top.display()
            )
        })?;
        let files = hunks::parse(&diff).map_err(Problem::plain)?;
        for file in files {
            if let Some(new) = file.new {
                changed.insert(top.join(new), Lines::Ranges(file.added));
            }
        }
        let mut args = vec!["ls-files", "--others", "--exclude-standard", "-z", "--"];
        args.extend(&specs);
        let untracked = git(&top, &args, || {
            format!(
                "--diff-base: cannot list untracked files in {}",
                top.display()
            )
        })?;
        for name in untracked.split('\0').filter(|n| !n.is_empty()) {
            changed.insert(top.join(name), Lines::Whole);
        }
    }
    Ok(changed)
}

/// The changes of the checked files of `outcome`, from `diff`'s canonical paths.
pub fn changes(outcome: &Outcome, changed: &HashMap<PathBuf, Lines>) -> Changes {
    let cwd = std::env::current_dir().unwrap_or_default();
    outcome
        .checked_files()
        .filter_map(|id| {
            let path = cwd.join(&outcome.files[id].path);
            let path = path.canonicalize().unwrap_or(path);
            changed.get(&path).map(|lines| (id, lines.clone()))
        })
        .collect()
}

/// Runs git in `dir` with literal pathspecs: its standard output, or why not. A failure
/// of git itself is worded by `failed`, with git's standard error quoted below it.
fn git(dir: &Path, args: &[&str], failed: impl FnOnce() -> String) -> Result<String, Problem> {
    let output = Command::new("git")
        .arg("--literal-pathspecs")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| {
            let p = Problem::plain(format!("--diff-base: cannot run git: {e}"));
            if e.kind() == std::io::ErrorKind::NotFound {
                p.help("install git, or put it on the PATH")
            } else {
                p
            }
        })?;
    if !output.status.success() {
        let said = String::from_utf8_lossy(&output.stderr);
        return Err(Problem::plain(failed()).note(format!("git says: {}", said.trim())));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

#[cfg(test)]
// A list of one line range is what a test expects, not a mistaken `Vec<usize>`.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    /// A repository in a temporary directory with one committed file.
    fn repo() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        let run = |args: &[&str]| {
            let ok = Command::new("git")
                .arg("-C")
                .arg(dir.path())
                .args(args)
                .output()
                .expect("git runs")
                .status
                .success();
            assert!(ok, "git {args:?}");
        };
        run(&["init", "-q"]);
        run(&["config", "user.name", "Test"]);
        run(&["config", "user.email", "test@example.com"]);
        std::fs::write(dir.path().join("a b.md"), "one\ntwo\nthree\nfour\n").expect("write");
        run(&["add", "."]);
        run(&["commit", "-q", "-m", "first"]);
        dir
    }

    #[test]
    fn real_git_output_gives_changed_lines_and_untracked_files() {
        let dir = repo();
        let d = dir.path();
        std::fs::write(d.join("a b.md"), "zero\none\ntwo\nTHREE\nfour\n").expect("write");
        std::fs::write(d.join("café.md"), "new\n").expect("write");
        let changed = diff(&[d.to_path_buf()], "HEAD").expect("diff");
        let top = d.canonicalize().expect("canonical");
        assert_eq!(changed.len(), 2, "{changed:?}");
        assert_eq!(
            changed[&top.join("a b.md")],
            Lines::Ranges(vec![1..2, 4..5])
        );
        assert_eq!(changed[&top.join("café.md")], Lines::Whole);
    }

    #[test]
    fn renamed_deleted_and_quoted_files_map_to_their_new_paths() {
        let dir = repo();
        let d = dir.path();
        let git = |args: &[&str]| {
            let out = Command::new("git").arg("-C").arg(d).args(args).output();
            assert!(out.expect("git runs").status.success(), "git {args:?}");
        };
        std::fs::write(d.join("gone.md"), "x\n").expect("write");
        git(&["add", "."]);
        git(&["-c", "commit.gpgsign=false", "commit", "-q", "-m", "second"]);
        git(&["mv", "a b.md", "say \"hi\".md"]);
        std::fs::write(d.join("say \"hi\".md"), "one\ntwo\nthree\nFOUR\n").expect("write");
        git(&["rm", "-q", "gone.md"]);
        let changed = diff(&[d.to_path_buf()], "HEAD").expect("diff");
        let top = d.canonicalize().expect("canonical");
        assert_eq!(
            changed,
            HashMap::from([(top.join("say \"hi\".md"), Lines::Ranges(vec![4..5]))])
        );
    }

    #[test]
    fn an_unknown_revision_quotes_git() {
        let dir = repo();
        let err = diff(&[dir.path().to_path_buf()], "no-such-rev").expect_err("bad rev");
        assert!(
            err.render()
                .contains("git says: fatal: bad revision 'no-such-rev'")
        );
        let err = diff(&[dir.path().to_path_buf()], "--output=x").expect_err("an option");
        assert!(err.message.contains("is not a git revision"));
    }

    #[test]
    fn a_directory_outside_any_repository_is_named() {
        let dir = tempfile::tempdir().expect("temp dir");
        let err = Command::new("git")
            .arg("-C")
            .arg(dir.path())
            .args(["rev-parse", "--show-toplevel"])
            .output()
            .expect("git runs");
        if err.status.success() {
            eprintln!("skipped: the temporary directory is inside a git repository");
            return;
        }
        let problem = diff(&[dir.path().to_path_buf()], "HEAD").expect_err("no repo");
        let text = problem.render();
        assert!(text.contains("not a git repository"), "{text}");
        assert!(
            text.contains("--diff-base needs a git repository"),
            "{text}"
        );
    }
}
