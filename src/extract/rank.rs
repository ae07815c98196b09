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
        // The rank and the name must be on one line, separated by a space.
        let gap = &text.prose[rank_span.end..m.span.start];
        if gap != " " {
            continue;
        }
        claims.push(Claim {
            span: rank_span.start..m.span.end,
            kind: ClaimKind::Rank {
                rank,
                entity,
                rank_span,
            },
        });
    }
}
