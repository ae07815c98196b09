//! The command line as users run it: exit codes, formats, colour, standard input, and bad
//! input that must give a clear error or a skip with a reason, never a panic.

// Tests fail loudly on a broken set-up; unwrapping is the point.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use assert_cmd::Command;

fn canonlint() -> Command {
    let mut cmd = Command::cargo_bin("canonlint").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd.env_remove("NO_COLOR");
    cmd
}

fn stdout(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn checking_the_bundled_fixtures_reports_findings_and_exits_1() {
    let (code, out, _) = stdout(canonlint().args(["check", "fixtures"]));
    assert_eq!(code, 1);
    assert!(out.contains("error[CL003]"), "{out}");
    // Some cases exclude files in their own config, so fewer than all are checked.
    let checked: usize = out
        .trim_end()
        .rsplit_once(" in ")
        .and_then(|(_, n)| n.strip_suffix(" files"))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(
        checked >= 47 && checked <= texts_under(Path::new("fixtures")),
        "{out}"
    );
}

/// How many files under `dir` canonlint reads by extension (the fixtures set no
/// `[formats]`).
fn texts_under(dir: &Path) -> usize {
    let exts = [
        "md",
        "markdown",
        "txt",
        "wiki",
        "mediawiki",
        "wikitext",
        "html",
        "htm",
        "xhtml",
    ];
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            if p.is_dir() {
                texts_under(&p)
            } else {
                let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
                usize::from(exts.contains(&ext))
            }
        })
        .sum()
}

#[test]
fn a_clean_folder_exits_0() {
    let (code, out, _) = stdout(canonlint().args(["check", "fixtures/fact/trap-compatible"]));
    assert_eq!(code, 0, "{out}");
    assert_eq!(out, "canonlint: no findings in 1 file\n");
}

#[test]
fn warnings_fail_only_when_denied() {
    let case = "fixtures/cross-document/own-universe";
    assert_eq!(stdout(canonlint().args(["check", case])).0, 0);
    assert_eq!(
        stdout(canonlint().args(["check", case, "--deny", "warnings"])).0,
        1
    );
}

#[test]
fn a_broken_pack_exits_2_with_a_pointed_error() {
    let (code, out, err) = stdout(canonlint().args(["check", "tests/problems/unknown-subject"]));
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("tests/problems/unknown-subject/pack.toml:10:11"),
        "{err}"
    );
    assert!(err.contains("did you mean `siege-of-harrowgate`?"), "{err}");
}

#[test]
fn usage_errors_and_missing_paths_exit_2() {
    assert_eq!(stdout(canonlint().args(["check", "--no-such-flag"])).0, 2);
    let (code, _, err) = stdout(canonlint().args(["check", "no/such/dir"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("no/such/dir: no such file or directory"),
        "{err}"
    );
    assert_eq!(
        stdout(canonlint().args(["check", ".", "--pack", "nope"])).0,
        2
    );
}

#[test]
fn json_output_is_one_versioned_document() {
    let (code, out, _) = stdout(canonlint().args(["check", "fixtures/fact", "--format", "json"]));
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(
        json["summary"]["files_checked"],
        texts_under(Path::new("fixtures/fact"))
    );
    let first = &json["findings"][0];
    for key in [
        "code",
        "check",
        "severity",
        "message",
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "byte_start",
        "byte_end",
        "text",
        "fix",
        "related",
        "subject",
    ] {
        assert!(first.get(key).is_some(), "missing {key} in {first}");
    }
}

#[test]
fn standard_input_is_checked_under_its_given_name() {
    let (code, out, _) = stdout(
        canonlint()
            .args([
                "check",
                "-",
                "--stdin-filename",
                "draft.md",
                "--pack",
                "star-trek",
            ])
            .write_stdin("The attack on Mars killed 20,000 people.\n"),
    );
    assert_eq!(code, 1);
    assert!(out.contains("┌─ draft.md:1:27"), "{out}");
}

#[test]
fn colour_follows_the_flag() {
    let args = ["check", "fixtures/fact/swapped-death-toll"];
    let (_, always, _) = stdout(canonlint().args(args).args(["--color", "always"]));
    assert!(always.contains('\u{1b}'), "expected ANSI colour");
    let (_, never, _) = stdout(canonlint().args(args).args(["--color", "never"]));
    assert!(!never.contains('\u{1b}'));
    // Not a terminal, or NO_COLOR: no colour with `auto`.
    let (_, auto, _) = stdout(canonlint().args(args).env("NO_COLOR", "1"));
    assert!(!auto.contains('\u{1b}'));
}

#[test]
fn output_is_identical_across_thread_counts() {
    let run = |threads: &str| {
        stdout(
            canonlint()
                .args(["check", "fixtures", "--format", "json"])
                .env("RAYON_NUM_THREADS", threads),
        )
        .1
    };
    let one = run("1");
    assert_eq!(one, run("4"));
    assert_eq!(one, run("2"));
}

#[test]
fn the_checks_command_lists_every_code() {
    let (code, out, _) = stdout(canonlint().arg("checks"));
    assert_eq!(code, 0);
    for c in canonlint::checks::CHECKS {
        assert!(out.contains(c.code) && out.contains(c.name), "{out}");
        let line = out.lines().find(|l| l.starts_with(c.code)).unwrap();
        assert_eq!(line.contains(" fixable "), c.fixable, "{line}");
    }
    assert!(out.contains("CL001  name-variant       error    fixable a name spelled"));
    assert!(out.contains("CL003  fact               error            a figure or date"));
}

#[test]
fn explain_takes_every_code_and_name_in_any_case() {
    for c in canonlint::checks::CHECKS {
        for query in [c.code.to_lowercase(), c.name.to_uppercase()] {
            let (code, out, _) = stdout(canonlint().args(["explain", &query]));
            assert_eq!(code, 0, "{query}");
            assert!(
                out.starts_with(&format!("# {} {}\n", c.code, c.name)),
                "{out}"
            );
            assert!(out.contains(&format!("[{}]", c.code)), "{out}");
        }
    }
}

#[test]
fn explain_of_an_unknown_check_names_the_closest_and_lists_every_check() {
    let (code, out, err) = stdout(canonlint().args(["explain", "fatc"]));
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        "error: `fatc` is not a check canonlint has\n  did you mean `fact`?\n  checks: CL001 \
         name-variant, CL002 title, CL003 fact, CL004 attribute, CL005 cross-document, CL006 \
         suppression, CL007 unused-suppression, CL008 corpus-name, CL009 corpus-title\n"
    );
}

#[test]
fn explain_output_is_what_users_see_byte_for_byte() {
    let (code, out, _) = stdout(canonlint().args(["explain", "CL003"]));
    assert_eq!(code, 0);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/explain-CL003.md");
    if std::env::var_os("CANONLINT_BLESS").is_some() {
        std::fs::write(&path, &out).unwrap();
    }
    assert_eq!(out, std::fs::read_to_string(&path).unwrap());
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

#[test]
fn bad_input_is_skipped_with_a_reason_never_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "canonlint.toml", b"packs = [\"star-trek\"]\n");
    write(d, "empty.md", b"");
    write(d, "binary.txt", b"GIF89a\x00\x01\x02 Utopia Plantia");
    write(d, "latin1.md", b"Caf\xe9 at Utopia Plantia\n");
    write(d, "blank.txt", b"\n\n   \n");
    let mut long = "The attack on Mars killed 20,000 people. ".repeat(20_000);
    long.push('\n');
    write(d, "one-long-line.txt", long.as_bytes());
    write(
        d,
        "crlf.md",
        b"Line one.\r\n\r\nThe yards at Utopia Plantia.\r\n",
    );
    let (code, out, err) = stdout(
        canonlint()
            .current_dir(d)
            .args(["check", ".", "--color", "never"]),
    );
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("note: skipped binary.txt: binary file (contains NUL bytes)"),
        "{out}"
    );
    assert!(
        out.contains("note: skipped latin1.md: not valid UTF-8 (first bad byte at offset 3)"),
        "{out}"
    );
    assert!(out.contains("┌─ crlf.md:3:14"), "{out}");
    assert!(out.contains("one-long-line.txt:1:27"), "{out}");
    assert!(out.contains("in 4 files (2 skipped)"), "{out}");
}

#[test]
fn an_unreadable_file_is_named_and_the_rest_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "canonlint.toml", b"packs = [\"star-trek\"]\n");
    write(d, "good.md", b"The yards at Utopia Plantia.\n");
    std::os::unix::fs::symlink(d.join("missing.md"), d.join("dangling.md")).unwrap();
    let (code, out, err) =
        stdout(
            canonlint()
                .current_dir(d)
                .args(["check", "good.md", "dangling.md"]),
        );
    assert_eq!(code, 2, "{out}{err}");
    assert!(out.contains("good.md:1:14"), "{out}");
    assert!(err.contains("dangling.md"), "{err}");
}

#[test]
fn the_readme_example_is_real_output() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let (_, out, _) = stdout(canonlint().args([
        "check",
        "fixtures/fact/swapped-death-toll",
        "--color",
        "never",
    ]));
    let diagnostic = out.split("\n\ncanonlint:").next().unwrap();
    assert!(
        readme.contains(diagnostic),
        "README.md's example differs from:\n{diagnostic}"
    );
    let (_, json, _) = stdout(canonlint().args([
        "check",
        "fixtures/fact/swapped-death-toll",
        "--format",
        "json",
    ]));
    assert!(
        readme.contains(&json),
        "README.md's JSON example differs from:\n{json}"
    );
}

#[test]
fn binary_standard_input_is_skipped_with_a_reason() {
    let (code, out, _) = stdout(
        canonlint()
            .args(["check", "-", "--stdin-filename", "x.txt"])
            .write_stdin(b"GIF89a\x00\x01".to_vec()),
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("note: skipped x.txt: binary file"), "{out}");
}

#[test]
fn stdin_filename_without_stdin_is_a_usage_error() {
    let (code, _, err) =
        stdout(canonlint().args(["check", "fixtures", "--stdin-filename", "x.md"]));
    assert_eq!(code, 2);
    assert!(err.contains("--stdin-filename"), "{err}");
}

#[test]
fn paths_resolve_as_a_user_expects() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("proj/sub")).unwrap();
    std::fs::create_dir_all(d.join("sib")).unwrap();
    std::fs::create_dir_all(d.join("proj/old")).unwrap();
    write(
        &d.join("proj"),
        "canonlint.toml",
        b"packs = [\"star-trek\"]\nexclude = [\"old/**\"]\n",
    );
    write(&d.join("proj"), "mine.toml", b"[pack]\nname = \"mine\"\n[[entity]]\nid = \"k\"\nkind = \"place\"\nname = \"Harrowgate Keep\"\nmisspellings = [\"Harrowgate Kepe\"]\n");
    write(
        &d.join("proj/sub"),
        "a.md",
        b"Harrowgate Kepe and Utopia Plantia.\n",
    );
    write(&d.join("proj/old"), "draft.md", b"Utopia Plantia.\n");
    write(&d.join("sib"), "b.md", b"Utopia Plantia, with no config.\n");
    let proj = d.join("proj");
    // A relative --pack is relative to where canonlint runs, not to the file's config.
    let (code, out, err) =
        stdout(
            canonlint()
                .current_dir(&proj)
                .args(["check", "sub", "--pack", "mine.toml"]),
        );
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("Harrowgate Kepe") && !out.contains("misspelling of `Utopia Planitia`"),
        "{out}"
    );
    // `../sib` is not governed by proj/canonlint.toml, so the bundled pack is not loaded.
    let (code, out, _) = stdout(canonlint().current_dir(&proj).args(["check", "../sib"]));
    assert_eq!(
        (code, out.as_str()),
        (0, "canonlint: no findings in 1 file\n")
    );
    // A file named on the command line is checked even when a walk would exclude it.
    let (code, out, _) =
        stdout(
            canonlint()
                .current_dir(&proj)
                .args(["check", ".", "old/draft.md"]),
        );
    assert_eq!(code, 1);
    assert!(out.contains("old/draft.md:1:1"), "{out}");
}

#[test]
fn a_file_that_cannot_be_read_is_named() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "good.md", b"Fine.\n");
    write(d, "locked.md", b"Secret.\n");
    std::fs::set_permissions(d.join("locked.md"), std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(d.join("locked.md")).is_ok() {
        eprintln!("skipped: running as a user who can read any file (root)");
        return;
    }
    let (code, out, err) = stdout(canonlint().current_dir(d).args(["check", "."]));
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("cannot read locked.md"), "{err}");
    assert!(out.contains("in 1 file (1 skipped)"), "{out}");
}

#[test]
fn dialogue_level_on_the_command_line_replaces_the_configs() {
    let case = "fixtures/dialogue/warn-from-config";
    let (code, out, _) = stdout(canonlint().args(["check", case, "--deny", "warnings"]));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("warning[CL004]"), "{out}");
    let (code, out, _) = stdout(canonlint().args(["check", case, "--dialogue", "ignore"]));
    assert_eq!(
        (code, out.as_str()),
        (0, "canonlint: no findings in 1 file\n")
    );
    let (_, out, _) = stdout(canonlint().args(["check", case, "--dialogue", "info"]));
    assert!(
        out.contains("note[CL004]") && out.contains("inside dialogue: "),
        "{out}"
    );
}

#[test]
fn stdin_takes_the_format_of_its_name() {
    let page = "Some say 20,000 people died.\n\n<!-- canonlint-disable-next-line CL001 -->\nUtopia Plantia.\n";
    let (_, out, _) = stdout(
        canonlint()
            .args([
                "check",
                "--pack",
                "star-trek",
                "-",
                "--stdin-filename",
                "page.md",
            ])
            .write_stdin(page),
    );
    assert_eq!(out, "canonlint: no findings in 1 file\n");
    // As plain text the comment is prose and suppresses nothing.
    let (_, out, _) = stdout(
        canonlint()
            .args([
                "check",
                "--pack",
                "star-trek",
                "-",
                "--stdin-filename",
                "page.txt",
            ])
            .write_stdin(page),
    );
    assert!(out.contains("error[CL001]"), "{out}");
}

#[test]
fn the_readme_explain_examples_are_real_output() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let block = |command: &str| -> String {
        let (_, after) = readme.split_once(&format!("$ {command}\n")).unwrap();
        after.split_once("```").unwrap().0.to_string()
    };
    // The page is shown with lines left out (`...`): every part shown is real, in order.
    let (_, page, _) = stdout(canonlint().args(["explain", "title"]));
    let mut rest = page.as_str();
    for part in block("canonlint explain title").split("...\n") {
        let at = rest
            .find(part)
            .unwrap_or_else(|| panic!("not in the output:\n{part}"));
        rest = &rest[at + part.len()..];
    }
    assert!(rest.is_empty(), "the README stops before the end: {rest}");
    let (_, _, err) = stdout(canonlint().args(["explain", "fatc"]));
    assert_eq!(err, block("canonlint explain fatc"));
}

#[test]
fn fix_refuses_to_combine_with_a_baseline_or_changed_lines() {
    for extra in [
        ["--baseline", "b.json"],
        ["--write-baseline", "b.json"],
        ["--diff-base", "HEAD"],
        ["--diff-file", "old.md"],
    ] {
        let (code, _, err) = stdout(
            canonlint()
                .args(["check", "--fix", "fixtures/name-variant"])
                .args(extra),
        );
        assert_eq!(code, 2, "{extra:?}");
        assert!(err.contains("cannot be used with"), "{err}");
    }
}
