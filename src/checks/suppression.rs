//! `suppression` (CL006) and `unused-suppression` (CL007): the comments that silence
//! findings, and the findings about those comments.
//!
//! Directives live in each format's comments (`<!-- canonlint-disable-next-line CL001 -->`
//! in Markdown, HTML and wikitext; a line `% canonlint-disable-next-line CL001` in plain
//! text). Each directive, for each check it names (or for every check), covers a region of
//! the file; a finding whose first byte lies in a region of its check is dropped. After
//! every finding is placed (cross-document ones too), a directive that silenced nothing
//! is reported as unused, and one naming a check canonlint does not have is an error: a
//! misspelled code would otherwise silence nothing without a word.

pub mod directive;

use std::ops::Range;

use crate::checks::{self, CheckInfo};
use crate::finding::{FileId, Finding, Location, Severity};
use crate::problem::did_you_mean;
use directive::{ACTIONS, Action};

/// Registry entry: a directive that cannot be obeyed.
pub const INFO: CheckInfo = CheckInfo {
    code: "CL006",
    name: "suppression",
    summary: "a suppression comment naming a check or an action canonlint does not have",
    description: "A suppression comment naming a check canonlint does not have, or an action it does not know: it would otherwise silently suppress nothing.",
    help: "Correct the code or the directive; the message suggests the closest one.",
    default: Severity::Error,
    fixable: false,
};

/// Registry entry: a directive that silenced nothing.
pub const UNUSED: CheckInfo = CheckInfo {
    code: "CL007",
    name: "unused-suppression",
    summary: "a suppression comment that silences nothing",
    description: "A suppression comment that silenced nothing, or an `enable` that ended no `disable`, so that stale comments do not pile up.",
    help: "Remove the comment, or narrow it to the checks that still report something there.",
    default: Severity::Warning,
    fixable: false,
};

/// One directive for one check (or for all): the bytes it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// What the directive does.
    pub action: Action,
    /// The check's name; `None` for every check.
    pub check: Option<&'static str>,
    /// Where to point when it is unused: the code, or the action word.
    pub span: Range<usize>,
    /// The bytes it covers (empty for `enable`).
    pub region: Range<usize>,
    /// Whether it silenced a finding (for `enable`: whether it ended a region).
    pub used: bool,
}

/// Reads the directives in a file's comments (`comments`: their insides, in order).
/// Returns the suppressions and the `suppression` findings for what cannot be obeyed.
pub fn read(
    file: FileId,
    text: &str,
    comments: &[Range<usize>],
) -> (Vec<Suppression>, Vec<Finding>) {
    let mut out: Vec<Suppression> = Vec::new();
    let mut findings = Vec::new();
    for comment in comments {
        let Some(written) = directive::parse(&text[comment.clone()]) else {
            continue;
        };
        let at = |offset: usize, len: usize| Location {
            file,
            span: comment.start + offset..comment.start + offset + len,
        };
        let action = match written.action {
            Ok(a) => a,
            Err(word) => {
                findings.push(unknown_action(at(written.action_at, word.len()), word));
                continue;
            }
        };
        let action_span = directive::action_span(&written, comment.clone());
        let mut named: Vec<(&'static str, Range<usize>)> = Vec::new();
        for (code, offset) in &written.codes {
            match checks::find(code) {
                Some(c) => named.push((c.name, at(*offset, code.len()).span)),
                None => findings.push(unknown_check(at(*offset, code.len()), code)),
            }
        }
        // Codes were given and none is known: silencing every check would be a guess.
        if named.is_empty() && !written.codes.is_empty() {
            continue;
        }
        let region = match action {
            Action::NextLine => next_line(text, comment.end),
            Action::Line => line_start(text, comment.start)..line_end(text, comment.end),
            Action::File => 0..text.len(),
            Action::Disable => comment.end..text.len(),
            Action::Enable => {
                close(&mut out, &named, comment.start);
                comment.end..comment.end
            }
        };
        let checks: Vec<(Option<&'static str>, Range<usize>)> = if named.is_empty() {
            vec![(None, action_span)]
        } else {
            named.into_iter().map(|(c, s)| (Some(c), s)).collect()
        };
        for (check, span) in checks {
            let used = action == Action::Enable && ended(&out, check, comment.start);
            out.push(Suppression {
                action,
                check,
                span,
                region: region.clone(),
                used,
            });
        }
    }
    (out, findings)
}

/// Ends the open `disable` regions of the checks an `enable` names (all, if none).
fn close(out: &mut [Suppression], named: &[(&'static str, Range<usize>)], at: usize) {
    for s in out
        .iter_mut()
        .filter(|s| s.action == Action::Disable && s.region.end > at)
    {
        if named.is_empty() || named.iter().any(|(c, _)| Some(*c) == s.check) {
            s.region.end = at;
        }
    }
}

/// Whether an `enable` at `at` ended a region of `check` (or any, for `None`).
fn ended(out: &[Suppression], check: Option<&str>, at: usize) -> bool {
    out.iter().any(|s| {
        s.action == Action::Disable && s.region.end == at && (check.is_none() || s.check == check)
    })
}

/// Drops the findings a suppression covers, marking those suppressions used.
/// `by_file[file]` holds a checked file's suppressions.
pub fn apply(findings: Vec<Finding>, by_file: &mut [Vec<Suppression>]) -> Vec<Finding> {
    findings
        .into_iter()
        .filter(|f| {
            if f.check == INFO.name || f.check == UNUSED.name {
                return true;
            }
            let start = f.location.span.start;
            let mut silenced = false;
            let Some(suppressions) = by_file.get_mut(f.location.file) else {
                return true;
            };
            for s in suppressions.iter_mut() {
                let covers = s.action != Action::Enable
                    && s.region.start <= start
                    && start < s.region.end
                    && s.check.is_none_or(|c| c == f.check);
                if covers {
                    s.used = true;
                    silenced = true;
                }
            }
            !silenced
        })
        .collect()
}

/// The `unused-suppression` findings of one file.
pub fn unused(file: FileId, suppressions: &[Suppression]) -> Vec<Finding> {
    suppressions
        .iter()
        .filter(|s| !s.used)
        .map(|s| {
            let what = s
                .check
                .and_then(checks::find)
                .map_or("any check".to_string(), |c| {
                    format!("`{}` ({})", c.code, c.name)
                });
            let (message, label) = match s.action {
                Action::Enable => (
                    format!("this `enable` of {what} ends no `disable`"),
                    "nothing to enable".to_string(),
                ),
                _ => (
                    format!("this suppression of {what} silences nothing"),
                    "no finding here".to_string(),
                ),
            };
            Finding::new(
                &UNUSED,
                Location {
                    file,
                    span: s.span.clone(),
                },
                message,
                label,
            )
            .help("remove it, or move it to the finding it was meant for")
        })
        .collect()
}

fn unknown_action(location: Location, word: &str) -> Finding {
    let mut f = Finding::new(
        &INFO,
        location,
        format!("`canonlint-{word}` is not a suppression directive"),
        "unknown directive".to_string(),
    );
    if let Some(close) = did_you_mean(word, ACTIONS.iter().map(|(w, _)| *w)) {
        f = f.help(format!("did you mean `canonlint-{close}`?"));
    }
    let all: Vec<String> = ACTIONS
        .iter()
        .map(|(w, _)| format!("canonlint-{w}"))
        .collect();
    f.note(format!("directives: {}", all.join(", ")))
}

fn unknown_check(location: Location, code: &str) -> Finding {
    let mut f = Finding::new(
        &INFO,
        location,
        format!("`{code}` is not a check canonlint has"),
        "unknown check".to_string(),
    );
    let names = checks::CHECKS.iter().flat_map(|c| [c.code, c.name]);
    if let Some(close) = did_you_mean(code, names) {
        f = f.help(format!("did you mean `{close}`?"));
    }
    let mut all: Vec<String> = checks::CHECKS
        .iter()
        .map(|c| format!("{} {}", c.code, c.name))
        .collect();
    all.sort();
    f.note(format!("checks: {}", all.join(", ")))
}

fn is_break(c: char) -> bool {
    c == '\n' || c == '\r'
}

fn line_start(text: &str, pos: usize) -> usize {
    text[..pos].rfind(is_break).map_or(0, |i| i + 1)
}

fn line_end(text: &str, pos: usize) -> usize {
    text[pos..].find(is_break).map_or(text.len(), |i| pos + i)
}

/// The first line after the one holding `pos` with something on it.
fn next_line(text: &str, pos: usize) -> Range<usize> {
    let mut at = line_end(text, pos);
    while at < text.len() {
        at += if text[at..].starts_with("\r\n") { 2 } else { 1 };
        let end = line_end(text, at);
        if !text[at..end].trim().is_empty() {
            return at..end;
        }
        at = end;
    }
    text.len()..text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The suppressions of a text whose comments are `<!-- -->`.
    fn read_text(text: &str) -> (Vec<Suppression>, Vec<Finding>) {
        let mut comments = Vec::new();
        crate::source::comment::html_comments(text, 0..text.len(), &mut comments);
        read(0, text, &comments)
    }

    fn regions(text: &str) -> Vec<(Option<&'static str>, &str)> {
        read_text(text)
            .0
            .iter()
            .map(|s| (s.check, &text[s.region.clone()]))
            .collect()
    }

    #[test]
    fn next_line_skips_blank_lines() {
        let text = "<!-- canonlint-disable-next-line CL001 -->\r\n\r\nUtopia Plantia.\nAfter.";
        assert_eq!(regions(text), [(Some("name-variant"), "Utopia Plantia.")]);
    }

    #[test]
    fn line_file_and_regions() {
        let text = "a <!-- canonlint-disable-line -->\nb\n<!-- canonlint-disable fact -->\nc\n<!-- canonlint-enable fact -->\nd";
        let got = regions(text);
        assert_eq!(got[0], (None, "a <!-- canonlint-disable-line -->"));
        assert_eq!(got[1], (Some("fact"), "-->\nc\n<!--"));
        let file = regions("x <!-- canonlint-disable-file -->");
        assert_eq!(file[0].1, "x <!-- canonlint-disable-file -->");
    }

    #[test]
    fn enable_of_one_check_leaves_the_others_disabled() {
        let text = "<!-- canonlint-disable fact, title -->x<!-- canonlint-enable title -->y";
        let (s, _) = read_text(text);
        assert_eq!(s[0].check, Some("fact"));
        assert_eq!(
            &text[s[0].region.clone()],
            "-->x<!-- canonlint-enable title -->y"
        );
        assert_eq!(s[1].check, Some("title"));
        assert_eq!(&text[s[1].region.clone()], "-->x<!--");
        assert!(s[2].used, "the enable ended the title region");
    }

    #[test]
    fn unknown_codes_and_actions_are_errors() {
        let text = "<!-- canonlint-disable-next-line CL099 -->\n<!-- canonlint-disabel -->\nx";
        let (s, f) = read_text(text);
        assert!(
            s.is_empty(),
            "a directive with only unknown codes silences nothing"
        );
        let got: Vec<(&str, &str)> = f
            .iter()
            .map(|f| (f.code, &text[f.location.span.clone()]))
            .collect();
        assert_eq!(got, [("CL006", "CL099"), ("CL006", "disabel")]);
        assert_eq!(
            f[1].help.as_deref(),
            Some("did you mean `canonlint-disable`?")
        );
    }
}
