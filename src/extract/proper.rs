//! Proper-noun phrases and titles as a file writes them, for the corpus checks
//! (`corpus-name`, `corpus-title`), which compare how the checked files spell them with no
//! pack at all.
//!
//! A name is a run of capitalised words joined by whitespace, with connectors such as "of"
//! inside ("Siege of Harrowgate"); "and" joins two names, not one. Honorifics and ranks at
//! its head are not part of it ("Mrs. Hudson" and "Mrs Hudson" are both "Hudson"), nor is
//! a possessive ending. A common word that only opens the sentence is dropped ("Then
//! Harrowgate Keep fell" names "Harrowgate Keep"); any other first word of a sentence is
//! marked, so that the corpus pass can drop it when the corpus writes it in lower case
//! elsewhere. Words in capitals (shouted, or a heading in capitals), words inside a title
//! claim and headings (often in title case) give no names.
//!
//! A title is the text of a title claim, or an emphasised span in title case of two to
//! twelve words (`*The Ashen Crown*`). Emphasis may be bold, and a wiki page puts its
//! subject's name in bold, so the words of an emphasised title still give a name, marked
//! as emphasised: `corpus-name` compares only names the corpus also writes plainly.

use std::ops::Range;

use crate::extract::block::BlockText;
use crate::extract::tokens::TokenKind;
use crate::extract::{Claim, ClaimKind};
use crate::pack::squeeze::NORMALISED;
use crate::pack::vocab::lower_key;
use crate::source::BlockKind;

/// Titles are short.
const MAX_TITLE_WORDS: usize = 12;
/// Small words a title in title case may keep in lower case.
const SMALL_WORDS: [&str; 15] = [
    "a", "an", "the", "of", "and", "or", "nor", "but", "in", "on", "at", "to", "for", "by", "with",
];

/// A name or title as one file writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    /// As written, with each whitespace run made one space and typographic apostrophes
    /// and hyphens made plain.
    pub form: String,
    /// Its bytes.
    pub span: Range<usize>,
    /// The block it is in (index into the document's blocks).
    pub block: u32,
    /// When its first word opens a sentence (and may be a common word rather than part
    /// of the name): where the name would start without that word, as a byte of the
    /// text and a byte of `form` (their ends when no word follows).
    pub rest: Option<(usize, usize)>,
    /// A hyphenated name used as a modifier, between an article and a lower-case word
    /// ("the West-country bankers"): hyphenated by style, not spelled another way.
    pub modifier: bool,
    /// A name inside an emphasised title (`*The Wolf of Tarrow*`): it may be a title.
    pub emphasised: bool,
}

/// What one file gives the corpus checks.
#[derive(Debug, Default)]
pub struct Proper {
    /// Proper-noun phrases, in order.
    pub names: Vec<Seen>,
    /// Titles, in order.
    pub titles: Vec<Seen>,
    /// Every word the file writes in lower case, as `word_hash`es (unsorted, repeated).
    pub lowercase: Vec<u64>,
    /// The corpus subjects of its figures and dates (see `named`), in order.
    pub subjects: Vec<crate::extract::named::Named>,
}

/// Adds the names, titles and lower-case words of one block. `claims` are the block's
/// claims (its title claims among them); `emphasis` the document's emphasised spans.
pub fn collect(
    text: &BlockText,
    block: u32,
    claims: &[Claim],
    emphasis: &[Range<usize>],
    out: &mut Proper,
) {
    for (i, word) in text.words.iter().enumerate() {
        if text.tokens[i].kind == TokenKind::Word && word.starts_with(char::is_lowercase) {
            out.lowercase.push(word_hash(word));
        }
    }
    if matches!(text.kind, BlockKind::Heading(_)) {
        return;
    }
    let claimed: Vec<Range<usize>> = claims
        .iter()
        .filter(|c| matches!(c.kind, ClaimKind::Title(_)))
        .map(|c| c.span.clone())
        .collect();
    let titles = titles(text, &claimed, emphasis);
    for span in &titles {
        out.titles.push(Seen {
            form: plain(&text.words_of(span.clone())),
            span: span.clone(),
            block,
            rest: None,
            modifier: false,
            emphasised: false,
        });
    }
    for run in runs(text, &claimed) {
        if let Some(mut seen) = name(text, run, block) {
            seen.emphasised = titles
                .iter()
                .any(|t| t.start <= seen.span.start && seen.span.end <= t.end);
            out.names.push(seen);
        }
    }
}

/// A word's identity whatever its case, in 64 bits (FNV-1a of its lower-case letters):
/// files keep the words they write in lower case as these, not as strings. Two words
/// sharing one is so rare that it only ever costs a finding, never makes one.
pub fn word_hash(word: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |byte: u8| {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    };
    if word.is_ascii() {
        word.bytes().for_each(|b| eat(b.to_ascii_lowercase()));
    } else {
        let mut buffer = [0u8; 4];
        for c in word.chars().flat_map(char::to_lowercase) {
            c.encode_utf8(&mut buffer).bytes().for_each(&mut eat);
        }
    }
    hash
}

/// The form of a name or title: typographic apostrophes and hyphens made plain.
pub fn plain(written: &str) -> String {
    written
        .chars()
        .map(|c| {
            NORMALISED
                .iter()
                .find(|(from, _)| *from == c)
                .map_or(c, |(_, to)| *to)
        })
        .collect()
}

/// The block's titles: its title claims, and emphasised spans in title case.
fn titles(
    text: &BlockText,
    claimed: &[Range<usize>],
    emphasis: &[Range<usize>],
) -> Vec<Range<usize>> {
    let mut out = claimed.to_vec();
    for e in emphasis
        .iter()
        .filter(|e| e.start >= text.span.start && e.end <= text.span.end)
    {
        let raw = text.slice(e.clone());
        let content = raw
            .trim_start()
            .trim_end()
            .trim_end_matches([',', ';', ':'])
            .trim_end();
        let start = e.start + raw.len() - raw.trim_start().len();
        let span = start..start + content.len();
        if title_case(content) && !out.iter().any(|t| t.start < span.end && span.start < t.end) {
            out.push(span);
        }
    }
    out.sort_by_key(|t| t.start);
    out
}

/// Whether an emphasised text reads as a title: two to twelve words, the first
/// capitalised, the others capitalised or small words, no sentence punctuation, not all
/// capitals.
fn title_case(content: &str) -> bool {
    let words: Vec<&str> = content.split_whitespace().collect();
    let capitalised = |w: &str| w.starts_with(char::is_uppercase);
    (2..=MAX_TITLE_WORDS).contains(&words.len())
        && capitalised(words[0])
        && words
            .iter()
            .all(|w| capitalised(w) || SMALL_WORDS.contains(w))
        && !content.contains(['.', '!', '?'])
        && content.chars().any(char::is_lowercase)
}

/// Whether a word is written in capitals ("HARROWGATE", "O'BRIEN").
fn shouted(word: &str) -> bool {
    word.chars().filter(|c| c.is_uppercase()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

/// Runs of name words (token-index ranges), with connectors inside, outside title claims.
fn runs(text: &BlockText, titles: &[Range<usize>]) -> Vec<Range<usize>> {
    let in_title = |i: usize| {
        let span = &text.tokens[i].span;
        titles
            .iter()
            .any(|t| t.start < span.end && span.start < t.end)
    };
    let name_word = |i: usize| {
        text.is_capitalised(i) && text.words[i] != "I" && !shouted(text.words[i]) && !in_title(i)
    };
    let connector =
        |i: usize| text.words[i] != "and" && text.canon.vocab.connectors.contains(text.words[i]);
    crate::extract::names::word_runs(text, name_word, connector)
}

/// Whether token `i` opens a sentence or a quotation: only punctuation before it in its
/// sentence, or right after an opening quote, bracket, dash or colon.
fn opens(text: &BlockText, i: usize) -> bool {
    let sentence = &text.sentences[text.sentence_of(i)];
    (sentence.start..i).all(|t| text.tokens[t].kind == TokenKind::Punct)
        || i.checked_sub(1).is_some_and(|p| {
            matches!(
                text.words[p],
                "\"" | "\u{201c}" | "\u{2018}" | "'" | "(" | "[" | "\u{2014}" | "\u{2013}" | ":"
            )
        })
}

/// The name in a run: without a common opening word, honorifics, ranks and leading
/// connectors, and without a possessive ending.
fn name(text: &BlockText, run: Range<usize>, block: u32) -> Option<Seen> {
    let vocab = &text.canon.vocab;
    let opener = opens(text, run.start);
    let mut start = run.start;
    let mut buffer = [0u8; 32];
    if opener
        && vocab
            .openers
            .contains(lower_key(text.words[start], &mut buffer).as_ref())
    {
        start += 1;
    }
    start = head(text, start, run.end);
    if start >= run.end {
        return None;
    }
    let end = crate::extract::names::strip_possessive(text, run.end - 1);
    let span = text.tokens[start].span.start..end;
    if span.is_empty()
        || text
            .slice(span.clone())
            .chars()
            .filter(|c| c.is_alphabetic())
            .count()
            < 2
    {
        return None;
    }
    let form = plain(&text.words_of(span.clone()));
    let rest = (opener && start == run.start).then(|| {
        let next = head(text, start + 1, run.end);
        if next < run.end {
            // The run's tokens are the form's words, one space apart.
            let at = text.tokens[next].span.start;
            let offset = form
                .match_indices(' ')
                .nth(next - start - 1)
                .map_or(form.len(), |(i, _)| i + 1);
            (at, offset)
        } else {
            (span.end, form.len())
        }
    });
    let next = run.end;
    let article = start.checked_sub(1).is_some_and(|p| {
        text.joined_by_space(p)
            && ["a", "an", "the"]
                .iter()
                .any(|a| text.words[p].eq_ignore_ascii_case(a))
    });
    let modifier = form.contains('-')
        && article
        && end == text.tokens[run.end - 1].span.end
        && next < text.tokens.len()
        && text.joined_by_space(next - 1)
        && text.tokens[next].kind == TokenKind::Word
        && text.words[next].starts_with(char::is_lowercase);
    Some(Seen {
        form,
        span,
        block,
        rest,
        modifier,
        emphasised: false,
    })
}

/// The first token from `start` that is not an honorific, a rank or a connector.
fn head(text: &BlockText, mut start: usize, end: usize) -> usize {
    let vocab = &text.canon.vocab;
    let mut buffer = [0u8; 32];
    while start < end {
        let word = text.words[start];
        if vocab
            .honorifics
            .contains(lower_key(word, &mut buffer).as_ref())
            || vocab.connectors.contains(word)
        {
            start += 1;
        } else if let Some((_, n)) = vocab.ranks.match_start(&text.words[start..end]) {
            start += n;
        } else {
            break;
        }
    }
    start
}

#[cfg(test)]
mod tests;
