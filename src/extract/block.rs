//! `BlockText`: one block of prose prepared for the claim parsers: its tokens, their
//! texts, its sentences, and the known names in it. Built once per block and shared by
//! every parser, so the text is scanned for names once.

use std::ops::Range;

use crate::extract::tokens::{Token, TokenKind, sentences, tokenize};
use crate::pack::Canon;
use crate::pack::model::{EntityId, EntityKind};
use crate::pack::names::{NameMatch, Target};
use crate::source::{Block, BlockKind};

/// A block of prose with everything the parsers share.
pub struct BlockText<'a> {
    /// The whole document's prose view (spans are absolute).
    pub prose: &'a str,
    /// The document's original text at the prose's offsets (Markdown, plain text), or the
    /// prose itself for formats that decode it (their readers put markup barriers in it):
    /// a gap that is not whitespace here was markup.
    pub original: &'a str,
    /// This block's bytes.
    pub span: Range<usize>,
    /// Heading, paragraph or table row.
    pub kind: BlockKind,
    /// Inside a block quote.
    pub quoted: bool,
    /// Tokens, in order.
    pub tokens: Vec<Token>,
    /// Each token's text.
    pub words: Vec<&'a str>,
    /// Sentences as token-index ranges.
    pub sentences: Vec<Range<usize>>,
    /// Known names, leftmost-longest, with names that need a rank or credit dropped when
    /// they stand alone.
    pub mentions: Vec<NameMatch>,
    /// The canon of this run.
    pub canon: &'a Canon,
    /// What each sentence says about its claims, worked out on first use.
    moods: std::cell::OnceCell<Vec<Mood>>,
}

/// What a sentence's words say about the claims in it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Mood {
    /// It reports, rumours, asks or supposes rather than asserts ("if", "reports", "?").
    pub hedged: bool,
    /// It measures time from something ("after", "anniversary").
    pub relative: bool,
    /// It names something canon does not know: a capitalised word, not its first and
    /// not "I", outside every known name.
    pub names_unknown: bool,
}

impl<'a> BlockText<'a> {
    /// Prepares one block.
    pub fn new(
        prose: &'a str,
        original: &'a str,
        block: &Block,
        canon: &'a Canon,
    ) -> BlockText<'a> {
        let span = block.span.clone();
        let text = &prose[span.clone()];
        let tokens = tokenize(text, span.start);
        let words = tokens.iter().map(|t| &prose[t.span.clone()]).collect();
        let sentences = sentences(prose, &tokens, &canon.vocab.abbreviations);
        let mut mentions = canon.names.find_all(text, &original[span.clone()]);
        for m in &mut mentions {
            m.span = m.span.start + span.start..m.span.end + span.start;
        }
        let mut block = BlockText {
            prose,
            original,
            span,
            kind: block.kind,
            quoted: block.quoted,
            tokens,
            words,
            sentences,
            mentions: Vec::new(),
            canon,
            moods: std::cell::OnceCell::new(),
        };
        mentions.retain(|m| block.stands(m));
        block.mentions = mentions;
        block
    }

    /// The text of a byte range.
    pub fn slice(&self, span: Range<usize>) -> &'a str {
        &self.prose[span]
    }

    /// The entity a mention names, if it names one (not a day).
    pub fn entity_of(&self, mention: &NameMatch) -> Option<EntityId> {
        match self.canon.names.forms[mention.form].target {
            Target::Entity(e) => Some(e),
            Target::Day(_) => None,
        }
    }

    /// The index of the first token starting at or after byte `pos`.
    pub fn token_from(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < pos)
    }

    /// The sentence (index into `sentences`) holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        // Sentences are in order and cover every token.
        self.sentences
            .partition_point(|s| s.end <= i)
            .min(self.sentences.len().saturating_sub(1))
    }

    /// The mood of the sentence holding token `i`.
    pub fn mood_at(&self, i: usize) -> Mood {
        let moods = self.moods.get_or_init(|| {
            let vocab = &self.canon.vocab;
            self.sentences
                .iter()
                .map(|s| Mood {
                    hedged: s
                        .clone()
                        .any(|t| vocab.hedges.match_start(&self.words[t..s.end]).is_some())
                        || self.words[s.end - 1] == "?",
                    relative: s
                        .clone()
                        .any(|t| vocab.relative_time.contains(&self.words[t].to_lowercase())),
                    names_unknown: (s.start + 1..s.end).any(|t| self.unknown_name(t)),
                })
                .collect()
        });
        moods.get(self.sentence_of(i)).copied().unwrap_or_default()
    }

    /// The byte range of a sentence given as a token range.
    pub fn sentence_span_of(&self, sentence: &Range<usize>) -> Range<usize> {
        self.tokens[sentence.start].span.start..self.tokens[sentence.end - 1].span.end
    }

    /// The known name that contains `span`, if one does.
    pub fn mention_containing(&self, span: &Range<usize>) -> Option<&NameMatch> {
        let i = self
            .mentions
            .partition_point(|m| m.span.start <= span.start);
        i.checked_sub(1)
            .map(|i| &self.mentions[i])
            .filter(|m| m.span.end >= span.end)
    }

    /// Whether token `i` is a capitalised word, not "I", that is part of no known name.
    pub fn unknown_name(&self, i: usize) -> bool {
        self.is_capitalised(i)
            && self.words[i] != "I"
            && self.mention_containing(&self.tokens[i].span).is_none()
    }

    /// The mention that starts exactly at byte `pos`.
    pub fn mention_at(&self, pos: usize) -> Option<&NameMatch> {
        let i = self.mentions.partition_point(|m| m.span.start < pos);
        self.mentions.get(i).filter(|m| m.span.start == pos)
    }

    /// The mentions that lie inside `span`, in order (mentions are sorted and disjoint).
    pub fn mentions_within(&self, span: &Range<usize>) -> &[NameMatch] {
        let first = self.mentions.partition_point(|m| m.span.start < span.start);
        let last = self.mentions.partition_point(|m| m.span.start < span.end);
        let inside = &self.mentions[first..last.max(first)];
        match inside.last() {
            Some(m) if m.span.end > span.end => &inside[..inside.len() - 1],
            _ => inside,
        }
    }

    /// Whether a token is a word starting with a capital letter.
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.tokens[i].kind == TokenKind::Word
            && self.words[i].chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether tokens `i` and `i + 1` are separated by whitespace alone in the original
    /// text (a line break included: prose is wrapped; markup is not whitespace).
    pub fn joined_by_space(&self, i: usize) -> bool {
        let gap = self.tokens[i].span.end..self.tokens[i + 1].span.start;
        !gap.is_empty()
            && self
                .original
                .get(gap)
                .is_some_and(|g| g.chars().all(char::is_whitespace))
    }

    /// The text of a span with each whitespace run made one space ("Jean-Luc\n  Piccard"
    /// -> "Jean-Luc Piccard").
    pub fn words_of(&self, span: Range<usize>) -> String {
        self.slice(span)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Quoted spans of the block, in order: (with the quote marks, the content). Straight
    /// double and single quotes, curly quotes, low-high quotes („…“) and guillemets; a
    /// curly or straight single quote closes only where it is not an apostrophe
    /// ("Picard's", "the synths' yard").
    pub fn quotes(&self) -> Vec<(Range<usize>, Range<usize>)> {
        let body = &self.prose[self.span.clone()];
        let base = self.span.start;
        let mut out = Vec::new();
        // The open mark of each kind: straight double, curly double, low double, single, guillemet.
        let mut open: [Option<usize>; 5] = [None; 5];
        let mut close = |slot: usize, at: usize, width: usize, open: &mut [Option<usize>; 5]| {
            if let Some(start) = open[slot].take() {
                let open_width = body[start - base..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8);
                out.push((start..at + width, start + open_width..at));
            }
        };
        let chars: Vec<(usize, char)> = body.char_indices().collect();
        for (n, &(i, c)) in chars.iter().enumerate() {
            let at = base + i;
            let before = n.checked_sub(1).map(|p| chars[p].1);
            let after = chars.get(n + 1).map(|p| p.1);
            let after_after = chars.get(n + 2).map(|p| p.1);
            let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            // "the synths' yard": an apostrophe after a plural, not a closing quote.
            let possessive = before == Some('s') && after == Some(' ') && letter(after_after);
            let opens = !letter(before) && after.is_some_and(char::is_alphabetic)
                || after.is_some_and(|a| a == '"' || a == '\u{201c}');
            let closes =
                !letter(after) && before.is_some_and(|b| !b.is_whitespace()) && !possessive;
            match c {
                '"' => match open[0] {
                    Some(_) => close(0, at, 1, &mut open),
                    None => open[0] = Some(at),
                },
                '\u{201c}' if open[2].is_some() => close(2, at, 3, &mut open),
                '\u{201c}' => open[1] = Some(at),
                '\u{201d}' => close(1, at, 3, &mut open),
                '\u{201e}' => open[2] = Some(at),
                '\u{2018}' => open[3] = Some(at),
                '\u{2019}' if closes => close(3, at, 3, &mut open),
                '\'' if open[3].is_none() && opens => open[3] = Some(at),
                '\'' if closes => close(3, at, 1, &mut open),
                '\u{ab}' => open[4] = Some(at),
                '\u{bb}' => close(4, at, 2, &mut open),
                _ => {}
            }
        }
        out
    }

    /// Speech and thought in the block: quotes that are not `titles`, a quote left open
    /// to the end of the block (speech running on to the next paragraph), a paragraph of
    /// dash dialogue ("— Twenty thousand died, little one."), and emphasised sentences
    /// (a character's thoughts in italics).
    pub fn speech(&self, titles: &[Range<usize>], emphasis: &[Range<usize>]) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = self
            .quotes()
            .into_iter()
            .map(|(outer, _)| outer)
            // A quote is a title's when the title fills it (but for its marks and a comma),
            // not when a title stands inside a longer speech.
            .filter(|q| {
                !titles
                    .iter()
                    .any(|t| q.start <= t.start && t.end <= q.end && q.len() - t.len() <= 8)
            })
            .collect();
        let body = &self.prose[self.span.clone()];
        let trimmed = body.trim_start();
        let lead = self.span.start + body.len() - trimmed.len();
        let dash = trimmed.starts_with(['\u{2014}', '\u{2013}']);
        let open_quote = trimmed.starts_with(['"', '\u{201c}', '\u{201e}', '\u{ab}', '\u{2018}'])
            && !out.iter().any(|q| q.start == lead);
        if dash || open_quote {
            out.push(lead..self.span.end);
        }
        for e in emphasis
            .iter()
            .filter(|e| e.start >= self.span.start && e.end <= self.span.end)
        {
            let inner = self.prose[e.clone()].trim_end();
            let sentence = inner.contains(['.', '!', '?']) && inner.split_whitespace().count() >= 4;
            if sentence {
                out.push(e.clone());
            }
        }
        out
    }

    /// A rank written just before byte `pos` ("Commodore " before "Oh"): its index and the
    /// bytes of the rank words.
    pub fn rank_before(&self, pos: usize) -> Option<(usize, Range<usize>)> {
        let i = self.token_from(pos);
        let (rank, n) = self.canon.vocab.ranks.match_end(&self.words[..i])?;
        let first = i - n;
        // "General Picard merchandise": an adjective, at the start of a sentence or in a
        // Title Case heading ("Five Major Picard Moments").
        let sentence_start = self.sentences[self.sentence_of(first)].start == first
            || matches!(self.kind, BlockKind::Heading(_));
        if sentence_start
            && self
                .canon
                .vocab
                .ambiguous_ranks
                .contains(self.canon.vocab.rank_name(rank))
        {
            return None;
        }
        (self.is_capitalised(first) && self.tokens[i - 1].span.end < pos).then(|| {
            (
                rank,
                self.tokens[first].span.start..self.tokens[i - 1].span.end,
            )
        })
    }

    /// Whether a mention counts: names that are also common words ("Oh") count only
    /// after a rank or right before a credit in parentheses.
    fn stands(&self, m: &NameMatch) -> bool {
        let Some(entity) = self.entity_of(m) else {
            return true;
        };
        let entity = &self.canon.entities[entity];
        entity.standalone
            || (entity.kind == EntityKind::Person
                && (self.rank_before(m.span.start).is_some()
                    || self.prose[m.span.end..]
                        .trim_start_matches(' ')
                        .starts_with('(')))
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::testing::star_trek;
    use crate::source::{Document, Format};

    use super::*;

    /// The speech of a one-block text, as text.
    fn speech(text: &str) -> Vec<String> {
        let canon = star_trek();
        let doc = Document::new(Format::Markdown, text.to_string());
        let block = BlockText::new(
            &doc.prose,
            doc.same_offsets().unwrap_or(&doc.prose),
            &doc.blocks[0],
            &canon,
        );
        block
            .speech(&[], &doc.emphasis)
            .into_iter()
            .map(|r| text[r].to_string())
            .collect()
    }

    #[test]
    fn quotes_of_every_style_are_speech() {
        assert_eq!(
            speech("\"Go,\" she said, \u{201c}now.\u{201d}"),
            ["\"Go,\"", "\u{201c}now.\u{201d}"]
        );
        assert_eq!(speech("'Go,' she said."), ["'Go,'"]);
        assert_eq!(
            speech("\u{ab}Go\u{bb}, \u{201e}now\u{201c}."),
            ["\u{ab}Go\u{bb}", "\u{201e}now\u{201c}"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(
            speech("Picard's letter and the synths' yard, in the '80s, goin' nowhere.").is_empty()
        );
        assert_eq!(
            speech("\u{2018}The synths\u{2019} yard burned,\u{2019} she said."),
            ["\u{2018}The synths\u{2019} yard burned,\u{2019}"]
        );
    }

    #[test]
    fn open_quotes_dash_dialogue_and_italic_thought() {
        assert_eq!(
            speech("\"It runs on into the next paragraph."),
            ["\"It runs on into the next paragraph."]
        );
        assert_eq!(
            speech("\u{2014} Twenty died, little one."),
            ["\u{2014} Twenty died, little one."]
        );
        assert_eq!(
            speech("She stared. *Twenty died. And Mama.*"),
            ["Twenty died. And Mama."]
        );
        assert!(speech("The episode *Children of Mars* aired.").is_empty());
    }
}
