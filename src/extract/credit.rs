//! Credits: a performer named for a character.
//!
//! "Narek (Harry Treadaway)", "Narek, played by Harry Treadaway", "Narek (played by Harry
//! Treadaway)", "Harry Treadaway as Narek", "Harry Treadaway plays Narek". The performer
//! is two to four capitalised words; a phrase that is itself a known name of something
//! other than a performer ("Narek (Tal Shiar)") is not a credit.

use std::ops::Range;

use crate::extract::block::BlockText;
use crate::extract::{Claim, ClaimKind};
use crate::pack::model::EntityKind;
use crate::pack::names::Target;

const MIN_WORDS: usize = 2;
const MAX_WORDS: usize = 4;

/// Adds a credit claim for every performer credited with a character.
pub fn extract(text: &BlockText, claims: &mut Vec<Claim>) {
    for m in &text.mentions {
        let Some(character) = text.entity_of(m) else {
            continue;
        };
        if text.canon.entities[character].kind != EntityKind::Person {
            continue;
        }
        let after = credit_after_name(text, m.span.end);
        let before = || credit_before_name(text, m.span.start);
        if let Some(span) = after.or_else(before) {
            if is_performer_phrase(text, &span) {
                claims.push(Claim {
                    span: span.clone(),
                    kind: ClaimKind::Credit {
                        character,
                        performer: text.words_of(span),
                    },
                });
            }
        }
    }
}

/// "Narek (Harry Treadaway)", "Narek, played by Harry Treadaway", "Narek (played by X)".
fn credit_after_name(text: &BlockText, end: usize) -> Option<Range<usize>> {
    // "Narek's (...)" is not a credit of Narek.
    if text.prose[end..].starts_with(['\'', '\u{2019}']) {
        return None;
    }
    let mut i = text.token_from(end);
    let in_parens = text.words.get(i) == Some(&"(");
    if in_parens || text.words.get(i) == Some(&",") {
        i += 1;
    }
    if let Some(((), n)) = text
        .canon
        .vocab
        .credit_before
        .match_start(&text.words[i.min(text.words.len())..])
    {
        i += n;
    } else if !in_parens {
        return None;
    }
    let run = capitalised_run(text, i);
    let closes = !in_parens || text.words.get(run.end) == Some(&")");
    (closes && (MIN_WORDS..=MAX_WORDS).contains(&run.len()))
        .then(|| text.tokens[run.start].span.start..text.tokens[run.end - 1].span.end)
}

/// "Harry Treadaway as Narek", "Harry Treadaway plays Admiral Picard".
fn credit_before_name(text: &BlockText, start: usize) -> Option<Range<usize>> {
    let mut i = text.token_from(start);
    if let Some((_, n)) = text.canon.vocab.ranks.match_end(&text.words[..i]) {
        i -= n;
    }
    let ((), n) = text.canon.vocab.credit_after.match_end(&text.words[..i])?;
    let end = i - n;
    let mut first = end;
    while first > 0 && text.is_capitalised(first - 1) && text.joined_by_space(first - 1) {
        first -= 1;
    }
    let len = end - first;
    (MIN_WORDS..=MAX_WORDS)
        .contains(&len)
        .then(|| text.tokens[first].span.start..text.tokens[end - 1].span.end)
}

/// Capitalised words from token `i`, joined by single spaces.
fn capitalised_run(text: &BlockText, i: usize) -> Range<usize> {
    let mut end = i;
    while end < text.tokens.len()
        && text.is_capitalised(end)
        && (end == i || text.joined_by_space(end - 1))
    {
        end += 1;
    }
    i..end
}

/// A performer's name: not a rank, not the name of something that is not a performer.
fn is_performer_phrase(text: &BlockText, span: &Range<usize>) -> bool {
    let phrase = text.slice(span.clone());
    let words: Vec<&str> = phrase.split_whitespace().collect();
    if text.canon.vocab.ranks.match_start(&words).is_some() {
        return false;
    }
    let index = &text.canon.names;
    let names_other_thing = index
        .exact(phrase)
        .iter()
        .any(|&f| match index.forms[f].target {
            Target::Entity(e) => text.canon.entities[e].kind != EntityKind::Performer,
            Target::Day(_) => true,
        });
    let inside_other_thing = text.mentions.iter().any(|m| {
        m.span.start < span.end
            && span.start < m.span.end
            && text
                .entity_of(m)
                .is_none_or(|e| text.canon.entities[e].kind != EntityKind::Performer)
    });
    !names_other_thing && !inside_other_thing
}

#[cfg(test)]
mod tests {
    use crate::extract::ClaimKind;
    use crate::extract::testing::{claims, star_trek};

    fn credits(text: &str) -> Vec<(String, String)> {
        let canon = star_trek();
        claims(&canon, text)
            .into_iter()
            .filter_map(|(t, c)| match c.kind {
                ClaimKind::Credit { character, .. } => {
                    Some((canon.entities[character].id.clone(), t.to_string()))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_credit_shape() {
        let pair = |who: &str, by: &str| vec![(who.to_string(), by.to_string())];
        assert_eq!(
            credits("Narek (Harry Treadaway) smiled."),
            pair("narek", "Harry Treadaway")
        );
        assert_eq!(
            credits("Narek, played by Harry Treadaway, smiled."),
            pair("narek", "Harry Treadaway")
        );
        assert_eq!(
            credits("Narek (played by Harry Treadaway) smiled."),
            pair("narek", "Harry Treadaway")
        );
        assert_eq!(
            credits("Harry Treadaway as Narek smiled."),
            pair("narek", "Harry Treadaway")
        );
        assert_eq!(
            credits("Patrick Stewart plays Admiral Picard."),
            pair("jean-luc-picard", "Patrick Stewart")
        );
    }

    #[test]
    fn parentheses_that_are_not_performers() {
        assert!(credits("Narek (Tal Shiar) smiled.").is_empty());
        assert!(credits("Narek (see below) smiled.").is_empty());
        assert!(credits("Narek (Admiral Janeway) smiled.").is_empty());
        assert!(credits("Narek's (Harry Treadaway) smile.").is_empty());
        assert!(credits("She served as Narek saw fit.").is_empty());
    }
}
