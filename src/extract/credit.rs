//! Credits: a performer named for a character.
//!
//! "Narek (Harry Treadaway)", "Narek, played by Harry Treadaway", "Narek (played by Harry
//! Treadaway)", "Harry Treadaway as Narek", "Harry Treadaway plays Narek". The performer
//! must be one the packs know (an exact name from the name automaton): a capitalised phrase
//! in parentheses is as often a faction, a chapter or a role as a performer, and an unknown
//! name is never a finding. A misspelled performer is `name-variant`'s business.

use crate::extract::block::BlockText;
use crate::extract::{Claim, ClaimKind};
use crate::pack::model::{EntityId, EntityKind};
use crate::pack::names::NameMatch;

/// Adds a credit claim for every known performer credited with a character.
pub fn extract(text: &BlockText, claims: &mut Vec<Claim>) {
    for m in &text.mentions {
        if kind_of(text, m) != Some(EntityKind::Person) {
            continue;
        }
        let Some(character) = text.entity_of(m) else {
            continue;
        };
        let performer = performer_after(text, m).or_else(|| performer_before(text, m));
        if let Some(p) = performer {
            claims.push(Claim {
                span: p.span.clone(),
                dialogue: false,
                kind: ClaimKind::Credit {
                    character,
                    performer: text.words_of(p.span.clone()),
                },
            });
        }
    }
}

fn kind_of(text: &BlockText, m: &NameMatch) -> Option<EntityKind> {
    text.entity_of(m)
        .map(|e: EntityId| text.canon.entities[e].kind)
}

/// Whether a mention is followed by a possessive ("Narek's"): then it is not credited.
fn possessive(text: &BlockText, m: &NameMatch) -> bool {
    text.prose[m.span.end..].starts_with(['\'', '\u{2019}'])
}

/// "Narek (Harry Treadaway)", "Narek, played by Harry Treadaway", "Narek (played by X, 2020)".
fn performer_after<'t>(text: &'t BlockText, m: &NameMatch) -> Option<&'t NameMatch> {
    if possessive(text, m) {
        return None;
    }
    let mut i = text.token_from(m.span.end);
    let in_parens = text.words.get(i) == Some(&"(");
    if in_parens || text.words.get(i) == Some(&",") {
        i += 1;
    }
    match text
        .canon
        .vocab
        .credit_before
        .match_start(&text.words[i.min(text.words.len())..])
    {
        Some(((), n)) => i += n,
        None if in_parens => {}
        None => return None,
    }
    let performer = text.mention_at(text.tokens.get(i)?.span.start)?;
    let next = text.words.get(text.token_from(performer.span.end)).copied();
    let closed = !in_parens || matches!(next, Some(")" | ","));
    (kind_of(text, performer) == Some(EntityKind::Performer) && closed).then_some(performer)
}

/// "Harry Treadaway as Narek", "Patrick Stewart plays Admiral Picard".
fn performer_before<'t>(text: &'t BlockText, m: &NameMatch) -> Option<&'t NameMatch> {
    if possessive(text, m) {
        return None;
    }
    let mut i = text.token_from(m.span.start);
    if let Some((_, n)) = text.canon.vocab.ranks.match_end(&text.words[..i]) {
        i -= n;
    }
    let ((), n) = text.canon.vocab.credit_after.match_end(&text.words[..i])?;
    let before = (i - n).checked_sub(1)?;
    let end = text.tokens[before].span.end;
    let performer = text.mentions.iter().rev().find(|p| p.span.end == end)?;
    // "cast opposite Harry Treadaway as Soji": the co-star, not the credit.
    let first = text.token_from(performer.span.start);
    let co_star = first.checked_sub(1).is_some_and(|b| {
        text.canon
            .vocab
            .co_star
            .contains(&text.words[b].to_lowercase())
    });
    (kind_of(text, performer) == Some(EntityKind::Performer) && !co_star).then_some(performer)
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
        assert!(credits("Raffi Musiker played Narek at cards.").is_empty());
        assert!(credits("Narek (Star Trek) and Narek (Chapter Three).").is_empty());
        assert!(credits("Peyton List voiced Picard's fears.").is_empty());
        assert!(credits("Isa Briones was cast opposite Harry Treadaway as Soji.").is_empty());
        let pair = |who: &str, by: &str| vec![(who.to_string(), by.to_string())];
        assert_eq!(
            credits("Casting Harry Treadaway as Narek was inspired."),
            pair("narek", "Harry Treadaway")
        );
        assert_eq!(
            credits("Narek (Peyton List, 2020) smiled."),
            pair("narek", "Peyton List")
        );
    }
}
