//! Reading `git diff --unified=0` output: for every file, its path before and after and
//! the lines of the new version that were added or changed. Nothing else of the diff is
//! needed, so the lines themselves are skipped.
//!
//! A file's block starts at `diff --git`, has extended headers (`new file mode`,
//! `rename from`, `similarity index`, ...), then `--- a/old` and `+++ b/new` (either may be
//! `/dev/null`; a path git quotes, C-style, is unquoted; a path with a space ends at a tab)
//! and hunks `@@ -a,b +c,d @@`. A hunk's new side covers lines `c..c+d` (`d` is 1 when
//! left out; 0 means lines were only removed). Paths are given with the `a/` and `b/`
//! prefixes, which `git::diff` asks for explicitly whatever the user's configuration.

use std::ops::Range;

use nom::branch::alt;
use nom::bytes::complete::{is_not, tag, take_till1, take_while_m_n};
use nom::character::complete::{char, digit1, line_ending, not_line_ending, one_of};
use nom::combinator::{all_consuming, eof, map, map_res, not, opt, value, verify};
use nom::multi::{fold_many0, many0};
use nom::sequence::{delimited, preceded, terminated};
use nom::{IResult, Parser};

/// One file of a diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileDiff {
    /// The path before (repository-relative), `None` for a new file.
    pub old: Option<String>,
    /// The path after, `None` for a deleted file.
    pub new: Option<String>,
    /// Added or changed lines of the new version: 1-based, end exclusive, in order.
    pub added: Vec<Range<usize>>,
}

/// Parses a whole diff. `Err` names the line that could not be read.
pub fn parse(diff: &str) -> Result<Vec<FileDiff>, String> {
    match all_consuming(many0(file_diff)).parse(diff) {
        Ok((_, files)) => Ok(files),
        Err(nom::Err::Error(e) | nom::Err::Failure(e)) => {
            let at = diff.len() - e.input.len();
            let line = diff[..at].matches('\n').count() + 1;
            let text: String = e
                .input
                .lines()
                .next()
                .unwrap_or("")
                .chars()
                .take(60)
                .collect();
            Err(format!("cannot read line {line} of git's diff: `{text}`"))
        }
        Err(nom::Err::Incomplete(_)) => Err("git's diff ended early".into()),
    }
}

/// A header line of a file's block: only renames and copies matter.
#[derive(Clone)]
enum Header {
    From(String),
    To(String),
    Other,
}

fn file_diff(input: &str) -> IResult<&str, FileDiff> {
    let (input, _) = (tag("diff --git "), not_line_ending, end).parse(input)?;
    let (input, headers) = many0(header).parse(input)?;
    let (input, sides) = opt((side("--- ", "a/"), side("+++ ", "b/"))).parse(input)?;
    let (input, added) = fold_many0(hunk, Vec::new, |mut all, new| {
        all.extend(new);
        all
    })
    .parse(input)?;
    let mut diff = FileDiff {
        old: None,
        new: None,
        added,
    };
    for h in headers {
        match h {
            Header::From(p) => diff.old = Some(p),
            Header::To(p) => diff.new = Some(p),
            Header::Other => {}
        }
    }
    if let Some((old, new)) = sides {
        (diff.old, diff.new) = (old, new);
    }
    Ok((input, diff))
}

/// The end of a line, or of the input.
fn end(input: &str) -> IResult<&str, &str> {
    alt((line_ending, eof)).parse(input)
}

fn header(input: &str) -> IResult<&str, Header> {
    preceded(
        not(alt((tag("diff --git "), tag("--- "), tag("@@")))),
        alt((
            map(
                delimited(alt((tag("rename from "), tag("copy from "))), path, end),
                Header::From,
            ),
            map(
                delimited(alt((tag("rename to "), tag("copy to "))), path, end),
                Header::To,
            ),
            value(
                Header::Other,
                terminated(verify(not_line_ending, |s: &str| !s.is_empty()), end),
            ),
        )),
    )
    .parse(input)
}

/// `--- a/path` or `+++ b/path` (or `/dev/null`): the path without its prefix.
fn side<'a>(
    marker: &'static str,
    prefix: &'static str,
) -> impl Parser<&'a str, Output = Option<String>, Error = nom::error::Error<&'a str>> {
    preceded(
        tag(marker),
        alt((
            value(None, (tag("/dev/null"), end)),
            map(
                terminated(path, (opt((char('\t'), not_line_ending)), end)),
                move |p| Some(p.strip_prefix(prefix).map(str::to_string).unwrap_or(p)),
            ),
        )),
    )
}

/// A path as git writes it: quoted, or up to a tab or the end of the line.
fn path(input: &str) -> IResult<&str, String> {
    alt((
        quoted,
        map(
            take_till1(|c| matches!(c, '\t' | '\n' | '\r')),
            str::to_string,
        ),
    ))
    .parse(input)
}

/// A C-style quoted path: `"a/caf\303\251 \"x\".md"`. Octal escapes are bytes of UTF-8.
fn quoted(input: &str) -> IResult<&str, String> {
    let bytes = fold_many0(
        alt((
            map(is_not("\"\\"), |s: &str| s.as_bytes().to_vec()),
            map(escape, |b| vec![b]),
        )),
        Vec::new,
        |mut all, part| {
            all.extend(part);
            all
        },
    );
    map(delimited(char('"'), bytes, char('"')), |b| {
        String::from_utf8_lossy(&b).into_owned()
    })
    .parse(input)
}

fn escape(input: &str) -> IResult<&str, u8> {
    preceded(
        char('\\'),
        alt((
            map_res(take_while_m_n(3, 3, |c: char| c.is_digit(8)), |s| {
                u8::from_str_radix(s, 8)
            }),
            map(one_of("\"\\abfnrtv"), |c| match c {
                'a' => 7,
                'b' => 8,
                'f' => 12,
                'n' => b'\n',
                'r' => b'\r',
                't' => b'\t',
                'v' => 11,
                other => other as u8,
            }),
        )),
    )
    .parse(input)
}

/// A hunk: its header, then its `-`, `+` and `\ No newline` lines. Yields the new side's
/// lines, if it has any.
fn hunk(input: &str) -> IResult<&str, Option<Range<usize>>> {
    let (input, (_, _, _, (start, count), _, _)) = (
        tag("@@ -"),
        range,
        tag(" +"),
        range,
        tag(" @@"),
        (not_line_ending, end),
    )
        .parse(input)?;
    let (input, _) = many0((one_of("+- \\"), not_line_ending, end)).parse(input)?;
    Ok((input, (count > 0).then_some(start..start + count)))
}

/// `a,b` or `a` (a count of 1).
fn range(input: &str) -> IResult<&str, (usize, usize)> {
    (
        number,
        map(opt(preceded(char(','), number)), |n| n.unwrap_or(1)),
    )
        .parse(input)
}

fn number(input: &str) -> IResult<&str, usize> {
    map_res(digit1, str::parse).parse(input)
}

#[cfg(test)]
// Lists of one line range are what these tests expect, not a mistaken `Vec<usize>`.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    /// Real output of `git diff --unified=0 --no-color HEAD` after a rename, a new file, a
    /// deletion, a quoted name, a name with a space and one with accents.
    const REAL: &str = "diff --git a/new.md b/new.md
new file mode 100644
index 0000000..ddc897f
--- /dev/null
+++ b/new.md
@@ -0,0 +1,3 @@
+one
+TWO
+three
diff --git a/old.md b/old.md
deleted file mode 100644
index 814f4a4..0000000
--- a/old.md
+++ /dev/null
@@ -1,2 +0,0 @@
-one
-two
diff --git \"a/q\\\"uote.md\" \"b/q\\\"uote.md\"
index 587be6b..975fbec 100644
--- \"a/q\\\"uote.md\"
+++ \"b/q\\\"uote.md\"
@@ -1 +1 @@
-x
+y
diff --git a/sp ace.md b/sp ace.md
index de98044..a7bc997 100644
--- a/sp ace.md\t
+++ b/sp ace.md\t
@@ -2 +2 @@ a
-b
+B
@@ -3,0 +4 @@ c
+d
diff --git \"a/\\303\\274n\\303\\257.md\" \"b/\\303\\274n\\303\\257.md\"
index c600332..bd74d4f 100644
--- \"a/\\303\\274n\\303\\257.md\"
+++ \"b/\\303\\274n\\303\\257.md\"
@@ -1 +1 @@
-\u{e9}
+\u{e8}
diff --git a/new.md b/new2.md
similarity index 100%
rename from new.md
rename to new2.md
diff --git a/ren.md b/ren amed.md
similarity index 83%
rename from ren.md
rename to ren amed.md
index 0970e47..4258faa 100644
--- a/ren.md
+++ b/ren amed.md\t
@@ -4 +4 @@ l3
-l4
+L4
diff --git a/nn.md b/nn.md
index 20cbb4d..6fe2aa3 100644
--- a/nn.md
+++ b/nn.md
@@ -1 +1 @@
-no newline
\\ No newline at end of file
+no newline!
\\ No newline at end of file
";

    fn file(old: Option<&str>, new: Option<&str>, added: &[Range<usize>]) -> FileDiff {
        FileDiff {
            old: old.map(str::to_string),
            new: new.map(str::to_string),
            added: added.to_vec(),
        }
    }

    #[test]
    fn reads_every_kind_of_file_block() {
        let files = parse(REAL).expect("parses");
        assert_eq!(
            files,
            [
                file(None, Some("new.md"), &[1..4]),
                file(Some("old.md"), None, &[]),
                file(Some("q\"uote.md"), Some("q\"uote.md"), &[1..2]),
                file(Some("sp ace.md"), Some("sp ace.md"), &[2..3, 4..5]),
                file(Some("ünï.md"), Some("ünï.md"), &[1..2]),
                file(Some("new.md"), Some("new2.md"), &[]),
                file(Some("ren.md"), Some("ren amed.md"), &[4..5]),
                file(Some("nn.md"), Some("nn.md"), &[1..2]),
            ]
        );
    }

    #[test]
    fn an_empty_diff_has_no_files() {
        assert_eq!(parse(""), Ok(Vec::new()));
    }

    #[test]
    fn a_hunk_that_only_removes_adds_nothing() {
        assert_eq!(hunk("@@ -3,2 +2,0 @@\n-a\n-b\n"), Ok(("", None)));
        assert_eq!(hunk("@@ -3 +7,12 @@ ctx\n"), Ok(("", Some(7..19))));
    }

    #[test]
    fn quoted_paths_unescape_to_utf8() {
        assert_eq!(
            quoted(r#""b/caf\303\251 \"x\"\t.md""#),
            Ok(("", "b/café \"x\"\t.md".to_string()))
        );
    }

    #[test]
    fn garbage_names_its_line() {
        assert_eq!(
            parse("diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ nonsense\n"),
            Err("cannot read line 4 of git's diff: `@@ nonsense`".into())
        );
    }
}
