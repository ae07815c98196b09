//! Problems: errors in the user's set-up (a pack, a config, a file that cannot be read).
//!
//! A problem is not a finding. Findings are about the checked texts; problems stop the run
//! (exit code 2) and point into the file that is wrong, with a caret under the bad bytes
//! and a "did you mean" where one fits, rendered with the same codespan-reporting look.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term;

/// A file a problem points into (a pack, a config), kept whole for rendering.
#[derive(Debug, Clone)]
pub struct ProblemFile {
    /// The name shown to the user.
    pub name: String,
    /// The file's text.
    pub text: Arc<str>,
}

/// One error in the set-up, with the place it was found.
#[derive(Debug, Clone)]
pub struct Problem {
    /// What is wrong.
    pub message: String,
    /// Where it is, if it is in a file.
    pub file: Option<ProblemFile>,
    /// The bytes of `file` it is about, with a short label.
    pub primary: Option<(Range<usize>, String)>,
    /// Other places in the same file that matter (the first definition of a duplicate).
    pub secondary: Vec<(Range<usize>, String)>,
    /// Further notes ("note: ...") and suggestions ("help: did you mean ...?").
    pub notes: Vec<String>,
}

impl Problem {
    /// A problem with no place in a file (for example a path that does not exist).
    pub fn plain(message: impl Into<String>) -> Self {
        Problem {
            message: message.into(),
            file: None,
            primary: None,
            secondary: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// A problem at `span` of `file`.
    pub fn at(
        file: &ProblemFile,
        span: Range<usize>,
        message: impl Into<String>,
        label: impl Into<String>,
    ) -> Self {
        Problem {
            message: message.into(),
            file: Some(file.clone()),
            primary: Some((span, label.into())),
            secondary: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Places a problem that has no place yet at `span` of `file` (a pack name in a
    /// config, say).
    pub fn located(
        mut self,
        file: &ProblemFile,
        span: Range<usize>,
        label: impl Into<String>,
    ) -> Self {
        if self.file.is_none() {
            self.file = Some(file.clone());
            self.primary = Some((span, label.into()));
        }
        self
    }

    /// Adds a note.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.add_note(note);
        self
    }

    /// Adds a suggestion.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.add_help(help);
        self
    }

    /// Adds a note to a problem already recorded.
    pub fn add_note(&mut self, note: impl Into<String>) {
        self.notes.push(format!("note: {}", note.into()));
    }

    /// Adds a suggestion to a problem already recorded.
    pub fn add_help(&mut self, help: impl Into<String>) {
        self.notes.push(format!("help: {}", help.into()));
    }

    /// Adds a secondary label in the same file.
    pub fn also(mut self, span: Range<usize>, label: impl Into<String>) -> Self {
        self.secondary.push((span, label.into()));
        self
    }

    /// Renders the problem rustc-style into a string (no colour).
    pub fn render(&self) -> String {
        let mut buffer = term::termcolor::Buffer::no_color();
        self.render_to(&mut buffer);
        String::from_utf8_lossy(buffer.as_slice()).into_owned()
    }

    /// Renders the problem into a colour-capable writer.
    pub fn render_to(&self, out: &mut dyn term::termcolor::WriteColor) {
        let mut diagnostic = Diagnostic::error().with_message(&self.message);
        if let Some((span, label)) = &self.primary {
            diagnostic =
                diagnostic.with_labels(vec![Label::primary((), span.clone()).with_message(label)]);
        }
        for (span, label) in &self.secondary {
            diagnostic
                .labels
                .push(Label::secondary((), span.clone()).with_message(label));
        }
        diagnostic = diagnostic.with_notes(self.notes.clone());
        let config = term::Config::default();
        let rendered = match &self.file {
            Some(file) => {
                let simple = SimpleFile::new(file.name.as_str(), file.text.as_ref());
                term::emit_to_write_style(out, &config, &simple, &diagnostic)
            }
            None => {
                let empty = SimpleFile::new("", "");
                term::emit_to_write_style(out, &config, &empty, &diagnostic)
            }
        };
        if rendered.is_err() {
            // The span did not fit the file; still say what is wrong.
            let _ = writeln!(out, "error: {}", self.message);
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl Problem {
    /// A TOML syntax or shape error in `file` (a pack or a config: `what`), with "did you
    /// mean" and the keys allowed for an unknown key.
    pub fn from_toml(file: &ProblemFile, what: &str, error: &toml::de::Error) -> Problem {
        let message = error.message().trim().to_string();
        let span = error.span().unwrap_or(0..0);
        // serde says "unknown field `x`, expected `a`", "... expected `a` or `b`" or
        // "... expected one of `a`, `b`, `c`".
        let (headline, expected) = match message.split_once(", expected ") {
            Some((head, keys)) if head.starts_with("unknown field") => {
                (head.replace("field", "key"), Some(keys))
            }
            _ => (message.clone(), None),
        };
        let label = if expected.is_some() {
            "not a key here"
        } else {
            "here"
        };
        let mut problem = Problem::at(file, span, format!("invalid {what}: {headline}"), label);
        if let Some(expected) = expected {
            let keys: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
            let wrong = headline.split('`').nth(1).unwrap_or("");
            if let Some(close) = did_you_mean(wrong, keys.iter().copied()) {
                problem.add_help(format!("did you mean `{close}`?"));
            }
            problem.add_note(format!("expected one of: {}", keys.join(", ")));
        }
        problem
    }
}

/// The closest of `candidates` to `word`, if it is close enough to suggest.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| {
            (
                strsim::osa_distance(&word.to_lowercase(), &c.to_lowercase()),
                c,
            )
        })
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn did_you_mean_suggests_close_keys_only() {
        assert_eq!(
            did_you_mean("nmae", ["name", "kind", "aliases"]),
            Some("name")
        );
        assert_eq!(did_you_mean("colour", ["name", "kind"]), None);
    }

    #[test]
    fn unknown_keys_get_suggestions_whatever_serde_lists() {
        let file = ProblemFile {
            name: "p.toml".into(),
            text: "".into(),
        };
        for text in [
            "[pack]\nnmae = \"x\"\n",
            "[[source]]\nid = \"a\"\ntitel = \"b\"\n",
        ] {
            #[derive(serde::Deserialize, Debug)]
            #[serde(deny_unknown_fields)]
            #[allow(dead_code)]
            struct Pack {
                name: Option<String>,
                description: Option<String>,
            }
            #[derive(serde::Deserialize, Debug)]
            #[serde(deny_unknown_fields)]
            #[allow(dead_code)]
            struct Source {
                id: String,
                title: Option<String>,
            }
            #[derive(serde::Deserialize, Debug)]
            #[allow(dead_code)]
            struct Doc {
                pack: Option<Pack>,
                source: Option<Vec<Source>>,
            }
            let e = toml::from_str::<Doc>(text).unwrap_err();
            let out = Problem::from_toml(
                &ProblemFile {
                    text: text.into(),
                    ..file.clone()
                },
                "pack",
                &e,
            )
            .render();
            assert!(out.contains("help: did you mean"), "{out}");
        }
    }

    #[test]
    fn renders_a_caret_under_the_span() {
        let file = ProblemFile {
            name: "pack.toml".into(),
            text: "[pack]\nnmae = \"x\"\n".into(),
        };
        let out = Problem::at(&file, 7..11, "unknown key `nmae`", "not a pack key")
            .help("did you mean `name`?")
            .render();
        assert!(out.contains("error: unknown key `nmae`"), "{out}");
        assert!(out.contains("pack.toml:2:1"), "{out}");
        assert!(out.contains("^^^^ not a pack key"), "{out}");
        assert!(out.contains("= help: did you mean `name`?"), "{out}");
    }
}
