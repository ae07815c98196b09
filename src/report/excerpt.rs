//! Excerpts: the few lines a diagnostic shows, cut to a window around the labels when a
//! line is long, for codespan-reporting to render. Line numbers and columns stay those of
//! the real file, so a finding on a line of fifty megabytes prints a short, readable
//! snippet instead of the whole line.

use std::collections::BTreeMap;
use std::ops::Range;

use codespan_reporting::files::{Error, Files};

use crate::report::lines::LineIndex;

/// Lines longer than this (in bytes) are cut to a window around their labels.
const MAX_LINE: usize = 240;
/// Bytes kept on each side of the labels in a cut line.
const CONTEXT: usize = 80;
/// Written where a line was cut.
const CUT: &str = "…";

/// One line of an excerpt.
#[derive(Debug, Clone)]
struct Line {
    /// The bytes of the real line shown.
    window: Range<usize>,
    /// Where the line sits in the excerpt's source, with its line break.
    range: Range<usize>,
    /// Bytes of the cut marker before the window.
    marker: usize,
    /// Characters of the real line before the window.
    chars_before: usize,
}

/// The shown lines of one file.
#[derive(Debug)]
pub struct Excerpt {
    name: String,
    source: String,
    /// By real 0-based line index.
    lines: BTreeMap<usize, Line>,
}

impl Excerpt {
    /// The lines of `text` that `spans` touch, each cut to a window if long.
    pub fn new(name: &str, text: &str, index: &LineIndex, spans: &[Range<usize>]) -> Excerpt {
        let mut wanted: BTreeMap<usize, Range<usize>> = BTreeMap::new();
        for span in spans {
            let first = index.line_of(span.start);
            let last = index.line_of(span.end.saturating_sub(1).max(span.start));
            for line in first..=last {
                let bounds = index.line_span(line);
                let s = span.start.clamp(bounds.start, bounds.end);
                let e = span.end.clamp(bounds.start, bounds.end);
                let entry = wanted.entry(line).or_insert(s..e);
                *entry = entry.start.min(s)..entry.end.max(e);
            }
        }
        // codespan-reporting shows the one line between two labelled lines rather than a
        // break, so that line is needed too (its start, cut like any long line).
        let between: Vec<usize> = wanted
            .keys()
            .zip(wanted.keys().skip(1))
            .filter(|(a, b)| **b == **a + 2)
            .map(|(a, _)| a + 1)
            .collect();
        for line in between {
            let start = index.line_span(line).start;
            wanted.insert(line, start..start);
        }
        let mut source = String::new();
        let mut lines = BTreeMap::new();
        for (line, labels) in wanted {
            let bounds = index.line_span(line);
            let window = if bounds.len() <= MAX_LINE {
                bounds.clone()
            } else {
                let start = floor(text, labels.start.saturating_sub(CONTEXT).max(bounds.start));
                let end = ceil(text, (labels.end + CONTEXT).min(bounds.end));
                start..end
            };
            let begin = source.len();
            let marker = if window.start > bounds.start {
                CUT.len()
            } else {
                0
            };
            if marker > 0 {
                source.push_str(CUT);
            }
            source.push_str(&text[window.clone()]);
            if window.end < bounds.end {
                source.push_str(CUT);
            }
            source.push('\n');
            lines.insert(
                line,
                Line {
                    chars_before: index.chars_in(bounds.start..window.start),
                    window,
                    range: begin..source.len(),
                    marker,
                },
            );
        }
        Excerpt {
            name: name.to_string(),
            source,
            lines,
        }
    }

    /// Where a byte of the real file is in the excerpt.
    pub fn map(&self, index: &LineIndex, byte: usize) -> usize {
        let line = index.line_of(byte);
        match self.lines.get(&line) {
            Some(l) => {
                let inside = byte.clamp(l.window.start, l.window.end) - l.window.start;
                l.range.start + l.marker + inside
            }
            None => 0,
        }
    }
}

fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The excerpts of one diagnostic, by local file id.
#[derive(Debug, Default)]
pub struct Excerpts {
    /// The files, in the order they were added.
    pub files: Vec<Excerpt>,
}

impl Excerpts {
    fn get(&self, id: usize) -> Result<&Excerpt, Error> {
        self.files.get(id).ok_or(Error::FileMissing)
    }

    fn line(&self, id: usize, line_index: usize) -> Result<&Line, Error> {
        self.get(id)?
            .lines
            .get(&line_index)
            .ok_or(Error::LineTooLarge {
                given: line_index,
                max: usize::MAX,
            })
    }
}

impl<'a> Files<'a> for Excerpts {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, Error> {
        Ok(&self.get(id)?.name)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, Error> {
        Ok(&self.get(id)?.source)
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, Error> {
        let excerpt = self.get(id)?;
        excerpt
            .lines
            .iter()
            .find(|(_, l)| byte_index < l.range.end)
            .or_else(|| excerpt.lines.iter().next_back())
            .map(|(i, _)| *i)
            .ok_or(Error::FileMissing)
    }

    fn line_range(&'a self, id: usize, line_index: usize) -> Result<Range<usize>, Error> {
        Ok(self.line(id, line_index)?.range.clone())
    }

    fn column_number(
        &'a self,
        id: usize,
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, Error> {
        let line = self.line(id, line_index)?;
        let source = &self.get(id)?.source;
        let start = line.range.start + line.marker;
        let at = byte_index.clamp(start, line.range.end);
        Ok(line.chars_before + source[start..at].chars().count() + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_cut_and_keep_real_columns() {
        let text = format!("short\n{}Mars{}\n", "a".repeat(1000), "b".repeat(1000));
        let index = LineIndex::new(&text);
        let mars = text.find("Mars").unwrap();
        let mut excerpts = Excerpts::default();
        excerpts.files.push(Excerpt::new(
            "f.md",
            &text,
            &index,
            std::slice::from_ref(&(mars..mars + 4)),
        ));
        let e = &excerpts.files[0];
        assert!(e.source.len() < 200, "{}", e.source);
        assert!(e.source.starts_with('…') && e.source.trim_end().ends_with('…'));
        let at = e.map(&index, mars);
        assert_eq!(&e.source[at..at + 4], "Mars");
        let line = excerpts.line_index(0, at).unwrap();
        assert_eq!(excerpts.line_number(0, line).unwrap(), 2);
        assert_eq!(excerpts.column_number(0, line, at).unwrap(), 1001);
    }

    #[test]
    fn the_line_between_two_labelled_lines_is_shown() {
        let text = "one Mars\n\nthree Mars\n";
        let index = LineIndex::new(text);
        let e = Excerpt::new("f.md", text, &index, &[4..8, 16..20]);
        assert_eq!(e.source, "one Mars\n\nthree Mars\n");
    }

    #[test]
    fn short_lines_are_shown_whole() {
        let text = "one\ntwo Mars\nthree\n";
        let index = LineIndex::new(text);
        let mars = text.find("Mars").unwrap();
        let e = Excerpt::new("f.md", text, &index, &[mars..mars + 4, 0..3]);
        assert_eq!(e.source, "one\ntwo Mars\n");
    }
}
