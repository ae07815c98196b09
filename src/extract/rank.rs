//! Ranks: a capitalised rank from the vocabulary right before a character's name
//! ("Commodore Oh", "Admiral Picard", "Lieutenant Commander La Forge"). The longest rank
//! wins, so "Rear Admiral" is never read as "Admiral".

use crate::extract::block::BlockText;
use crate::extract::{Claim, ClaimKind};
use crate::pack::model::EntityKind;

/// Adds a rank claim for every rank written before a person's name.
pub fn extract(text: &BlockText, claims: &mut Vec<Claim>) {
    for m in &text.mentions {
        let Some(entity) = text.entity_of(m) else {
            continue;
        };
        if text.canon.entities[entity].kind != EntityKind::Person {
            continue;
        }
        let Some((rank, rank_span)) = text.rank_before(m.span.start) else {
            continue;
        };
        // Only whitespace between the rank and the name.
        if !text.prose[rank_span.end..m.span.start]
            .chars()
            .all(char::is_whitespace)
        {
            continue;
        }
        claims.push(Claim {
            span: rank_span.start..m.span.end,
            dialogue: false,
            kind: ClaimKind::Rank {
                rank,
                entity,
                rank_span,
            },
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::ClaimKind;
    use crate::extract::testing::{claims, star_trek};

    fn ranks(text: &str) -> Vec<(String, String)> {
        let canon = star_trek();
        claims(&canon, text)
            .into_iter()
            .filter_map(|(_, c)| match c.kind {
                ClaimKind::Rank { rank, entity, .. } => Some((
                    canon.vocab.rank_name(rank).to_string(),
                    canon.entities[entity].id.clone(),
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_longest_rank_before_a_person_wins() {
        assert_eq!(
            ranks("Rear Admiral Picard spoke."),
            [("Rear Admiral".to_string(), "jean-luc-picard".to_string())]
        );
        assert_eq!(
            ranks("Commodore Oh nodded."),
            [("Commodore".to_string(), "oh".to_string())]
        );
    }

    #[test]
    fn common_nouns_and_other_entities_are_not_ranks() {
        assert!(ranks("The captain, Picard, nodded.").is_empty());
        assert!(ranks("Captain Mars is not a person.").is_empty());
        assert!(ranks("Commodore, Oh nodded.").is_empty());
        assert!(ranks("General Picard merchandise sold out.").is_empty());
        assert_eq!(ranks("They met General Picard.").len(), 1);
        assert!(ranks("## Five Major Picard Moments").is_empty());
        assert_eq!(ranks("Commodore\n  Oh nodded.").len(), 1, "wrapped prose");
    }
}
