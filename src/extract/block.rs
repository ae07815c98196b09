//! `BlockText`: one block of prose prepared for the claim parsers: its tokens, their
//! texts, its sentences, and the known names in it. Built once per block and shared by
//! every parser, so the text is scanned for names once.

use std::ops::Range;

use crate::extract::tokens::{Token, TokenKind, sentences, tokenize};
use crate::pack::Canon;
use crate::pack::model::{EntityId, EntityKind};
use crate::pack::names::{NameMatch, Target};

/// A block of prose with everything the parsers share.
pub struct BlockText<'a> {
    /// The whole document's prose view (spans are absolute).
    pub prose: &'a str,
    /// The document's original text, at the same offsets.
    pub original: &'a str,
    /// This block's bytes.
    pub span: Range<usize>,
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
}

impl<'a> BlockText<'a> {
    /// Prepares one block.
    pub fn new(
        prose: &'a str,
        original: &'a str,
        span: Range<usize>,
        canon: &'a Canon,
    ) -> BlockText<'a> {
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
                })
                .collect()
        });
        moods.get(self.sentence_of(i)).copied().unwrap_or_default()
    }

    /// The byte range of a sentence given as a token range.
    pub fn sentence_span_of(&self, sentence: &Range<usize>) -> Range<usize> {
        self.tokens[sentence.start].span.start..self.tokens[sentence.end - 1].span.end
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
    /// and curly double quotes, and curly single quotes whose closing mark is not an
    /// apostrophe.
    pub fn quotes(&self) -> Vec<(Range<usize>, Range<usize>)> {
        let body = &self.prose[self.span.clone()];
        let base = self.span.start;
        let mut out = Vec::new();
        let mut straight: Option<usize> = None;
        let mut curly: Option<usize> = None;
        let mut single: Option<usize> = None;
        for (i, c) in body.char_indices() {
            let at = base + i;
            match c {
                '"' => match straight.take() {
                    Some(open) => out.push((open..at + 1, open + 1..at)),
                    None => straight = Some(at),
                },
                '\u{201c}' => curly = Some(at),
                '\u{201d}' => {
                    if let Some(open) = curly.take() {
                        out.push((open..at + 3, open + 3..at));
                    }
                }
                '\u{2018}' => single = Some(at),
                '\u{2019}' => {
                    let next_is_letter = body[i + 3..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic);
                    if !next_is_letter {
                        if let Some(open) = single.take() {
                            out.push((open..at + 3, open + 3..at));
                        }
                    }
                }
                _ => {}
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
        // "General Picard merchandise": an adjective, at the start of a sentence.
        let sentence_start = self.sentences[self.sentence_of(first)].start == first;
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
