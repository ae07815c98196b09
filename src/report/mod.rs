//! Reports: how an `Outcome` is shown. `human` is rustc-style diagnostics through
//! codespan-reporting; `json` is the versioned machine-readable reference. Reporters are
//! the only code that formats for output; the library never prints.

pub mod human;
pub mod json;

/// A 1-based line and a 1-based column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

/// The line and column of byte `offset` in `text` (clamped to the text and to a
/// character boundary).
pub fn position(text: &str, offset: usize) -> Position {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    Position {
        line: before.matches('\n').count() + 1,
        column: text[line_start..offset].chars().count() + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters() {
        let text = "ab\nçé Mars\n";
        assert_eq!(position(text, 0), Position { line: 1, column: 1 });
        assert_eq!(position(text, 3), Position { line: 2, column: 1 });
        let mars = text.find("Mars").unwrap();
        assert_eq!(position(text, mars), Position { line: 2, column: 4 });
        assert_eq!(position(text, 1000), Position { line: 3, column: 1 });
    }
}
