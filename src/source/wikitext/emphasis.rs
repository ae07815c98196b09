//! Apostrophe emphasis, read line by line as MediaWiki reads it: `''` italic, `'''`
//! bold, `'''''` both; four apostrophes are one written apostrophe and bold, more than
//! five are written apostrophes and both (written apostrophes are kept outside the
//! emphasis they open or close). When a line has an odd number of both italic and
//! bold marks, one bold mark is an apostrophe and italic (`''Children of Mars'''s end`):
//! the first after a one-letter word, else after a longer word, else after a space.
//! Whatever is open at the line's end closes there.

use std::ops::Range;

use super::Render;
use super::lex;
use super::tree::Node;

/// The emphasis open on the current line, and the bold marks of the line that read as an
/// apostrophe and italic.
#[derive(Debug, Default)]
pub(super) struct State {
    italic: Option<usize>,
    bold: Option<usize>,
    /// Original offsets of the `'''` runs read as `'` + `''`, sorted.
    converted: Vec<usize>,
}

/// How a run of `n` apostrophes at `pos` reads: (apostrophes written, mark length).
pub(super) fn split_run(n: usize, converted: bool) -> (usize, usize) {
    match n {
        3 if converted => (1, 2),
        4 => (1, 3),
        n if n > 5 => (n - 5, 5),
        n => (0, n),
    }
}

/// The `'''` run that reads as `'` + `''` on a line whose italic and bold marks are both
/// odd in number, from its runs: (offset, length, the two characters before it).
fn converted_run(runs: &[(usize, usize, Option<char>, Option<char>)]) -> Option<usize> {
    let (mut italics, mut bolds) = (0, 0);
    for &(_, n, _, _) in runs {
        match split_run(n, false).1 {
            2 => italics += 1,
            3 => bolds += 1,
            _ => {
                italics += 1;
                bolds += 1;
            }
        }
    }
    if italics % 2 == 0 || bolds % 2 == 0 {
        return None;
    }
    let (mut multi, mut space) = (None, None);
    for &(pos, _, x1, x2) in runs.iter().filter(|r| r.1 == 3) {
        match (x1, x2) {
            (Some(' '), _) => {
                space.get_or_insert(pos);
            }
            (Some(_), Some(' ')) => return Some(pos),
            _ => {
                multi.get_or_insert(pos);
            }
        }
    }
    multi.or(space)
}

impl<'a> Render<'a> {
    /// Works out, for the lines of `nodes` within `clip`, which bold marks read as an
    /// apostrophe and italic. Only the text at this level counts.
    pub(super) fn prescan(&mut self, nodes: &'a [Node], clip: &Range<usize>) {
        self.emph.converted.clear();
        let mut runs = Vec::new();
        for node in nodes {
            match node {
                Node::Newline(_) => {
                    self.emph.converted.extend(converted_run(&runs));
                    runs.clear();
                }
                Node::Text(r) => {
                    let r = r.start.max(clip.start)..r.end.min(clip.end);
                    if r.is_empty() {
                        continue;
                    }
                    let s = &self.text[r.clone()];
                    let mut i = 0;
                    while let Some(k) = s[i..].find("''") {
                        let at = i + k;
                        let n = lex::apostrophes(&s[at..]).map_or(2, |(_, n)| n);
                        let mut before = self.text[..r.start + at].chars().rev();
                        runs.push((r.start + at, n, before.next(), before.next()));
                        i = at + n;
                    }
                }
                _ => {}
            }
        }
        self.emph.converted.extend(converted_run(&runs));
    }

    /// Reads a run of `n` apostrophes at original offset `pos`.
    pub(super) fn apostrophes(&mut self, pos: usize, n: usize) {
        let converted = n == 3 && self.emph.converted.binary_search(&pos).is_ok();
        let (written, mark) = split_run(n, converted);
        // Written apostrophes stay outside the emphasis they stand beside: the title in
        // `''Children of Mars'''s` is "Children of Mars".
        let closing = match mark {
            2 => self.emph.italic.is_some(),
            3 => self.emph.bold.is_some(),
            _ => self.emph.italic.is_some() || self.emph.bold.is_some(),
        };
        if !closing {
            self.copy(pos..pos + written);
        }
        let here = self.out.len();
        // Five marks close what is open and open what is not.
        if mark != 3 {
            self.toggle_italic(here);
        }
        if mark != 2 {
            self.toggle_bold(here);
        }
        if closing {
            self.copy(pos..pos + written);
        }
    }

    fn toggle_italic(&mut self, here: usize) {
        match self.emph.italic.take() {
            Some(start) => self.span(start, here),
            None => self.emph.italic = Some(here),
        }
    }

    fn toggle_bold(&mut self, here: usize) {
        match self.emph.bold.take() {
            Some(start) => self.span(start, here),
            None => self.emph.bold = Some(here),
        }
    }

    /// Records an emphasised span of prose, if it holds anything.
    pub(super) fn span(&mut self, start: usize, end: usize) {
        if end > start {
            self.emphasis.push(start..end);
        }
    }

    /// Closes the emphasis open at the end of a line.
    pub(super) fn emph_end(&mut self) {
        let here = self.out.len();
        if let Some(start) = self.emph.italic.take() {
            self.span(start, here);
        }
        if let Some(start) = self.emph.bold.take() {
            self.span(start, here);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_four_and_six_write_apostrophes() {
        assert_eq!(split_run(4, false), (1, 3));
        assert_eq!(split_run(7, false), (2, 5));
        assert_eq!(split_run(3, true), (1, 2));
    }

    #[test]
    fn odd_marks_make_the_bold_after_a_word_an_apostrophe() {
        let runs = [(0, 2, None, None), (20, 3, Some('s'), Some('r'))];
        assert_eq!(converted_run(&runs), Some(20));
        let even = [(0, 2, None, None), (20, 2, Some('s'), Some('r'))];
        assert_eq!(converted_run(&even), None);
    }
}
