//! Blocks of the prose view: where they open and end, the gaps left by what is not prose,
//! table cells and line breaks.

use std::ops::Range;

use super::{BLOCK_BREAK, Current, Gap, Reader};
use crate::source::{Block, BlockKind};

impl Reader<'_> {
    pub(super) fn open_block(&mut self, at: usize) {
        if self.out.len() > 0 {
            self.out.push(BLOCK_BREAK, at..at);
        }
        self.serial += 1;
        let (kind, quoted) = self
            .stack
            .last()
            .map_or((BlockKind::Paragraph, false), |o| (o.within, o.quoted));
        let start = self.out.len();
        self.block = Some(Current {
            kind,
            quoted,
            start,
            end: start,
        });
    }

    pub(super) fn end_block(&mut self) {
        self.gap = None;
        self.breaks = 0;
        if let Some(b) = self.block.take() {
            self.emphasis.end_block(b.start..b.end);
            self.blocks.push(Block {
                kind: b.kind,
                span: b.start..b.end,
                quoted: b.quoted,
            });
        }
    }

    /// Something not prose (a dropped element, an image) stands in running text.
    pub(super) fn gap_at(&mut self, span: Range<usize>) {
        if self.block.is_none() {
            return;
        }
        match &mut self.gap {
            None => self.gap = Some(Gap::Space(span)),
            Some(Gap::Space(r)) => r.end = r.end.max(span.end),
            Some(Gap::Cell(_)) => {}
        }
    }

    /// A cell starts or ends: in a row, the row goes on; elsewhere a block ends.
    pub(super) fn cell_boundary(&mut self, at: usize) {
        let in_row = self
            .stack
            .last()
            .is_some_and(|o| o.within == BlockKind::TableRow);
        match &self.block {
            Some(b) if in_row && b.kind == BlockKind::TableRow => self.gap = Some(Gap::Cell(at)),
            _ => self.end_block(),
        }
    }

    pub(super) fn line_break(&mut self, span: Range<usize>) {
        if self.dropped() || self.block.is_none() {
            return;
        }
        self.breaks += 1;
        if self.breaks >= 2 {
            self.end_block();
        } else {
            self.write("\n", span, false);
        }
    }
}
