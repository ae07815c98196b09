//! Tables: `{|` to `|}`. Each row (`|-`) is one table-row block whose cells read as one
//! line, " | " standing for each cell's separator; `|` and `!` cells, `||` and `!!` for
//! several on a line. A cell's attributes (`| style="..." | 20,000`: what comes before a
//! single `|`) are not prose, nor is the table's or a row's markup. The caption (`|+`) is
//! a paragraph. A line that continues a cell continues its row; a blank line ends it.
//! Nested tables are read as more rows.

use std::ops::Range;

use super::Render;
use super::lines::Line;
use super::tree::Node;
use crate::source::BlockKind;

/// The tables open.
#[derive(Debug, Default)]
pub(super) struct Table {
    pub depth: usize,
}

/// A cell of a line: the separator before it (or the line's marker), and its content.
#[derive(Debug, PartialEq, Eq)]
struct Cell {
    sep: Range<usize>,
    content: Range<usize>,
}

/// The cells of a table line whose marker (`|` or `!`) is at `at`.
fn cells(text: &str, nodes: &[Node], at: usize, end: usize) -> Vec<Cell> {
    let header = text[at..].starts_with('!');
    let mut out = Vec::new();
    let mut sep = at..at + 1;
    let mut start = at + 1;
    // The first single pipe of the cell ends its attributes.
    let mut attrs: Option<usize> = None;
    let push = |out: &mut Vec<Cell>, sep: Range<usize>, start, stop, attrs: Option<usize>| {
        out.push(Cell {
            sep,
            content: attrs.map_or(start, |p| p + 1)..stop,
        })
    };
    let mut k = 0;
    while k < nodes.len() {
        let span = nodes[k].span();
        if span.end <= start {
            k += 1;
            continue;
        }
        match &nodes[k] {
            Node::Pipe(p) if matches!(nodes.get(k + 1), Some(Node::Pipe(q)) if *q == p + 1) => {
                push(&mut out, sep, start, *p, attrs.take());
                sep = *p..p + 2;
                start = p + 2;
                k += 1;
            }
            Node::Pipe(p) => {
                attrs.get_or_insert(*p);
            }
            Node::Text(r) if header => {
                let mut from = r.start.max(start);
                while let Some(i) = text[from..r.end].find("!!") {
                    let p = from + i;
                    push(&mut out, sep, start, p, attrs.take());
                    sep = p..p + 2;
                    start = p + 2;
                    from = start;
                }
            }
            _ => {}
        }
        k += 1;
    }
    push(&mut out, sep, start, end, attrs);
    out
}

impl<'a> Render<'a> {
    /// A line inside a table.
    pub(super) fn table_line(&mut self, line: &Line<'a>, table: &mut Table, quoted: bool) {
        let (head, at) = self.head(line.nodes);
        let row = |r: &Render| r.open_kind() == Some(BlockKind::TableRow);
        match head.as_str() {
            "{|" => table.depth += 1,
            "|}" => {
                self.settle(line.start);
                table.depth -= 1;
            }
            "|-" => self.settle(line.start),
            "|+" => {
                self.settle(line.start);
                let content = cells(self.text, line.nodes, at + 1, line.end)
                    .first()
                    .map_or(at + 2..line.end, |c| {
                        c.content.start.max(at + 2)..c.content.end
                    });
                self.begin(BlockKind::Paragraph, quoted, line.start);
                self.prescan(line.nodes, &content);
                self.nodes(line.nodes, &content);
                self.settle(line.end);
            }
            h if h.starts_with(['|', '!']) => {
                for cell in cells(self.text, line.nodes, at, line.end) {
                    if row(self) {
                        self.out.push(" | ", cell.sep.clone());
                    } else {
                        self.settle(line.start);
                        self.begin(BlockKind::TableRow, quoted, line.start);
                    }
                    self.prescan(line.nodes, &cell.content);
                    self.nodes(line.nodes, &cell.content);
                    self.emph_end();
                }
            }
            _ => {
                // The cell goes on.
                if self.is_open() {
                    self.copy(line.start - 1..line.start);
                } else {
                    self.begin(BlockKind::Paragraph, quoted, line.start);
                }
                let whole = line.start..line.end;
                self.prescan(line.nodes, &whole);
                self.nodes(line.nodes, &whole);
                self.emph_end();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tree;
    use super::*;

    fn texts(line: &str) -> Vec<(String, String)> {
        let t = tree::build(line);
        cells(line, &t.nodes, 0, line.len())
            .into_iter()
            .map(|c| (line[c.sep].to_string(), line[c.content].to_string()))
            .collect()
    }

    #[test]
    fn cells_split_at_double_bars_and_drop_attributes() {
        assert_eq!(
            texts("| style=\"x\" | Deaths || [[a|b]] ||20,000"),
            [
                ("|".into(), " Deaths ".into()),
                ("||".into(), " [[a|b]] ".into()),
                ("||".into(), "20,000".into()),
            ]
        );
    }

    #[test]
    fn header_cells_split_at_double_bangs() {
        assert_eq!(
            texts("! Deaths !! Ships"),
            [
                ("!".into(), " Deaths ".into()),
                ("!!".into(), " Ships".into())
            ]
        );
    }
}
