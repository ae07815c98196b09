//! Emphasis spans (em, i, strong, b, cite, u), kept block by block: an emphasis element
//! that stays open across a block boundary gives one span in each block it covers, so a
//! span never joins two paragraphs.
//!
//! The open elements are a stack; those below `floor` were opened in an earlier block and
//! cover the current block from its start. Every element is handled once when it opens,
//! once at the end of the block it opened in and once when it closes, however deep the
//! nesting: the work stays linear.

use std::ops::Range;

/// Emphasis spans being collected, in prose offsets.
#[derive(Debug, Default)]
pub(super) struct Emphasis {
    // Where each open element's content starts (entries below `floor`: the current
    // block's start).
    open: Vec<usize>,
    floor: usize,
    spans: Vec<Range<usize>>,
}

impl Emphasis {
    /// An emphasis element opens at prose offset `at`, or before any block when `None`.
    pub fn open(&mut self, at: Option<usize>) {
        self.open.push(at.unwrap_or(0));
        if at.is_none() {
            self.floor = self.open.len();
        }
    }

    /// The innermost emphasis element closes at prose offset `now`; `block` is the start
    /// of the open block, if one is open.
    pub fn close(&mut self, block: Option<usize>, now: usize) {
        let Some(start) = self.open.pop() else {
            return;
        };
        let carried = self.open.len() < self.floor;
        self.floor = self.floor.min(self.open.len());
        match (carried, block) {
            (false, Some(_)) => self.spans.push(start..now),
            (true, Some(block)) => self.spans.push(block..now),
            (_, None) => {}
        }
    }

    /// The block `block` ends: every open element covers it up to its end.
    pub fn end_block(&mut self, block: Range<usize>) {
        if self.floor > 0 {
            self.spans.push(block.clone());
        }
        for &start in &self.open[self.floor..] {
            self.spans.push(start..block.end);
        }
        self.floor = self.open.len();
    }

    /// The spans, trimmed of whitespace, in order, without empty or repeated ones.
    pub fn finish(self, prose: &str) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = self
            .spans
            .into_iter()
            .filter_map(|r| {
                let inner = prose.get(r.clone())?;
                let start = r.start + inner.len() - inner.trim_start().len();
                let end = r.start + inner.trim_end().len();
                (start < end).then_some(start..end)
            })
            .collect();
        out.sort_by_key(|r| (r.start, r.end));
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_inside_one_block_is_its_content_trimmed() {
        let prose = "an  episode ";
        let mut e = Emphasis::default();
        e.open(Some(2));
        e.close(Some(0), 12);
        assert_eq!(e.finish(prose), vec![4..11]);
    }

    #[test]
    fn a_span_across_blocks_is_cut_at_each_boundary() {
        // "<i>one\n\ntwo</i> three": the emphasis opens before the first block.
        let prose = "one\n\ntwo three";
        let mut e = Emphasis::default();
        e.open(None);
        e.end_block(0..3);
        e.close(Some(5), 8);
        assert_eq!(e.finish(prose), [0..3, 5..8]);
    }

    #[test]
    fn nested_spans_opened_in_a_block_end_with_it() {
        let prose = "a b c\n\nd";
        let mut e = Emphasis::default();
        e.open(Some(2));
        e.open(Some(4));
        e.end_block(0..5);
        e.close(Some(7), 8);
        e.close(Some(7), 8);
        assert_eq!(e.finish(prose), [2..5, 4..5, 7..8]);
    }
}
