//! Line and column numbers for reports, fast on any file: line starts are found once, and
//! characters are counted from checkpoints every few kilobytes, so a column on a line of
//! fifty megabytes costs no more than one on a short line.
//!
//! Columns come in three units, because the formats disagree: characters (the human and
//! JSON reports), UTF-16 code units (SARIF, as GitHub reads it) and UTF-8 bytes (reviewdog).

use std::ops::Range;

/// Bytes between character-count checkpoints.
const STRIDE: usize = 4096;

/// A 1-based line and a 1-based column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

/// What a column counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Columns {
    /// Unicode characters (scalar values).
    Chars,
    /// UTF-16 code units: a character outside the Basic Multilingual Plane counts two.
    Utf16,
    /// UTF-8 bytes.
    Bytes,
}

/// Where the lines of a text start, and how many characters precede each checkpoint.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// `chars[i]`: characters before byte `checkpoint(i)`.
    chars: Vec<usize>,
    /// `astral[i]`: characters outside the Basic Multilingual Plane (four UTF-8 bytes, two
    /// UTF-16 code units) before byte `checkpoint(i)`.
    astral: Vec<usize>,
    /// `points[i]`: the byte of checkpoint `i` (a character boundary near `i * STRIDE`).
    points: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes a text. Lines end at `\n`, `\r\n` or a lone `\r`.
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let bytes = text.as_bytes();
        let starts = std::iter::once(0)
            .chain(text.match_indices(['\n', '\r']).filter_map(|(i, c)| {
                let crlf = c == "\r" && bytes.get(i + 1) == Some(&b'\n');
                (!crlf).then_some(i + 1)
            }))
            .collect();
        let mut chars = vec![0];
        let mut astral = vec![0];
        let mut points = vec![0];
        let (mut count, mut wide) = (0, 0);
        let mut last = 0;
        while last + STRIDE < text.len() {
            let mut next = last + STRIDE;
            while !text.is_char_boundary(next) {
                next += 1;
            }
            count += text[last..next].chars().count();
            wide += astral_in(&text[last..next]);
            chars.push(count);
            astral.push(wide);
            points.push(next);
            last = next;
        }
        LineIndex {
            text,
            starts,
            chars,
            astral,
            points,
        }
    }

    fn floor(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    /// Characters before byte `offset`.
    fn chars_before(&self, offset: usize) -> usize {
        let offset = self.floor(offset);
        let i = self.points.partition_point(|p| *p <= offset) - 1;
        self.chars[i] + self.text[self.points[i]..offset].chars().count()
    }

    /// UTF-16 code units before byte `offset`.
    fn utf16_before(&self, offset: usize) -> usize {
        let offset = self.floor(offset);
        let i = self.points.partition_point(|p| *p <= offset) - 1;
        let astral = self.astral[i] + astral_in(&self.text[self.points[i]..offset]);
        self.chars_before(offset) + astral
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|s| *s <= offset.min(self.text.len()))
            - 1
    }

    /// The bytes of 0-based line `line`, without its line break.
    pub fn line_span(&self, line: usize) -> Range<usize> {
        let start = self.starts[line];
        let end = self
            .starts
            .get(line + 1)
            .map_or(self.text.len(), |next| next - 1);
        let end = if self.text[start..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        start..end
    }

    /// The line and column of byte `offset`, the column counted in characters (clamped to
    /// the text and a character boundary).
    pub fn position(&self, offset: usize) -> Position {
        self.position_in(offset, Columns::Chars)
    }

    /// The line and column of byte `offset`, the column counted in `columns` (clamped to
    /// the text and a character boundary).
    pub fn position_in(&self, offset: usize, columns: Columns) -> Position {
        let offset = self.floor(offset);
        let line = self.line_of(offset);
        let start = self.starts[line];
        let column = match columns {
            Columns::Chars => self.chars_before(offset) - self.chars_before(start),
            Columns::Utf16 => self.utf16_before(offset) - self.utf16_before(start),
            Columns::Bytes => offset - start,
        };
        Position {
            line: line + 1,
            column: column + 1,
        }
    }

    /// The number of characters in `span`.
    pub fn chars_in(&self, span: Range<usize>) -> usize {
        self.chars_before(span.end) - self.chars_before(span.start)
    }
}

/// Characters outside the Basic Multilingual Plane: those whose UTF-8 form starts with a
/// byte of the form `11110xxx`.
fn astral_in(text: &str) -> usize {
    text.bytes().filter(|b| *b >= 0xF0).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters() {
        let text = "ab\nçé Mars\n";
        let index = LineIndex::new(text);
        assert_eq!(index.position(0), Position { line: 1, column: 1 });
        assert_eq!(index.position(3), Position { line: 2, column: 1 });
        let mars = text.find("Mars").unwrap();
        assert_eq!(index.position(mars), Position { line: 2, column: 4 });
        assert_eq!(index.position(1000), Position { line: 3, column: 1 });
    }

    #[test]
    fn long_lines_use_checkpoints_correctly() {
        let text = format!("{}\nx", "é".repeat(10_000));
        let index = LineIndex::new(&text);
        assert_eq!(
            index.position(2 * 5_000),
            Position {
                line: 1,
                column: 5_001
            }
        );
        assert_eq!(
            index.position(text.len() - 1),
            Position { line: 2, column: 1 }
        );
        assert_eq!(
            index.position(3),
            Position { line: 1, column: 2 },
            "inside a character"
        );
    }

    #[test]
    fn columns_in_each_unit() {
        // `🖖` is one character, two UTF-16 code units and four bytes; `é` is one, one, two.
        let text = "x\né🖖 Mars";
        let index = LineIndex::new(text);
        let mars = text.find("Mars").unwrap();
        let at = |columns| index.position_in(mars, columns);
        assert_eq!(at(Columns::Chars), Position { line: 2, column: 4 });
        assert_eq!(at(Columns::Utf16), Position { line: 2, column: 5 });
        assert_eq!(at(Columns::Bytes), Position { line: 2, column: 8 });
        assert_eq!(
            index.position_in(mars, Columns::Chars),
            index.position(mars)
        );
    }

    #[test]
    fn utf16_columns_use_checkpoints_correctly() {
        let text = format!("{}Mars", "🖖é".repeat(3_000));
        let index = LineIndex::new(&text);
        let mars = text.find("Mars").unwrap();
        assert_eq!(index.position_in(mars, Columns::Utf16).column, 9_001);
        assert_eq!(index.position_in(mars, Columns::Chars).column, 6_001);
        assert_eq!(index.position_in(mars, Columns::Bytes).column, 18_001);
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        let index = LineIndex::new("# Mars\r\rThe attack.");
        assert_eq!(index.position(8), Position { line: 3, column: 1 });
        assert_eq!(index.line_span(0), 0..6);
    }

    #[test]
    fn crlf_belongs_to_its_line() {
        let index = LineIndex::new("one\r\ntwo");
        assert_eq!(index.line_span(0), 0..3);
        assert_eq!(index.line_span(1), 5..8);
        assert_eq!(index.position(5), Position { line: 2, column: 1 });
    }
}
