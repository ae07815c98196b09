//! `attribute` (CL004): a rank or a performer credit that canon contradicts.
//!
//! "Commander Oh" when canon knows Oh only as a Commodore; "Narek (Peyton List)" when
//! canon credits Narek to Harry Treadaway and Peyton List to Narissa. A rank is accepted if
//! the character held it at any time the pack records; a character with no ranks or no
//! performer in the pack is never reported.

use crate::checks::{CheckInfo, DocCtx};
use crate::extract::{Claim, ClaimKind};
use crate::finding::{Finding, Severity};
use crate::pack::model::EntityKind;

/// Registry entry.
pub const INFO: CheckInfo = CheckInfo {
    code: "CL004",
    name: "attribute",
    summary: "a rank or performer credit that contradicts the pack",
    description: "A rank the character never holds in canon (\"Commander Oh\"), or a performer credit canon contradicts (\"Narek (Peyton List)\").",
    help: "Use a rank the pack lists for the character, or the performer it credits.",
    default: Severity::Error,
    fixable: false,
};

/// Reports wrong ranks and credits.
pub fn check(ctx: &DocCtx, claims: &[Claim], out: &mut Vec<Finding>) {
    for claim in claims {
        let finding = match &claim.kind {
            ClaimKind::Rank {
                rank,
                entity,
                rank_span,
            } => rank_claim(ctx, *rank, *entity, rank_span.clone()),
            ClaimKind::Credit {
                character,
                performer,
            } => credit(ctx, claim, *character, performer),
            _ => None,
        };
        out.extend(finding);
    }
}

fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn rank_claim(
    ctx: &DocCtx,
    rank: usize,
    entity: usize,
    span: std::ops::Range<usize>,
) -> Option<Finding> {
    let e = &ctx.canon.entities[entity];
    let written = ctx.canon.vocab.rank_name(rank);
    if e.ranks.is_empty() || e.ranks.iter().any(|r| r == written) {
        return None;
    }
    let held = list(&e.ranks);
    let message = format!("canon never gives {} the rank of {written}", e.name);
    let mut f = Finding::new(
        &INFO,
        ctx.at(span),
        message,
        format!("{} is never a {written} in canon", e.name),
    )
    .related(
        ctx.canon_at(
            &e.origin,
            e.spans.ranks.clone().unwrap_or(e.spans.name.clone()),
        ),
        format!("canon ranks: {held}"),
    )
    .note(format!("ranks {} holds in canon: {held}", e.name));
    if let [only] = e.ranks.as_slice() {
        f = f.help(format!("write `{only}`")).fix(only.clone());
    }
    Some(f.subject(Some(&e.id)))
}

fn normalise(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn credit(ctx: &DocCtx, claim: &Claim, character: usize, performer: &str) -> Option<Finding> {
    let e = &ctx.canon.entities[character];
    let right = e.performer.as_ref()?;
    let written = normalise(performer);
    if written == normalise(right) {
        return None;
    }
    let related = |f: Finding| {
        f.related(
            ctx.canon_at(
                &e.origin,
                e.spans.performer.clone().unwrap_or(e.spans.name.clone()),
            ),
            format!("canon: {} is played by {right}", e.name),
        )
        .subject(Some(&e.id))
    };
    // A misspelled performer ("Peyton Lisst") is a spelling mistake; `name-variant` reports
    // it with the fix.
    if strsim::osa_distance(&written, &normalise(right)) <= (right.chars().count() / 6).max(1) {
        return None;
    }
    let plays_other: Vec<String> = ctx
        .canon
        .entities
        .iter()
        .filter(|o| {
            o.kind == EntityKind::Person
                && o.performer
                    .as_deref()
                    .is_some_and(|p| normalise(p) == written)
        })
        .map(|o| o.name.clone())
        .collect();
    let mut f = Finding::new(
        &INFO,
        ctx.at(claim.span.clone()),
        format!("canon credits {} to {right}, not `{performer}`", e.name),
        format!("{right} plays {}", e.name),
    );
    if !plays_other.is_empty() {
        f = f.note(format!("{performer} plays {} in canon", list(&plays_other)));
    }
    Some(related(f))
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{findings, found};

    #[test]
    fn a_rank_never_held_and_a_wrong_credit() {
        assert_eq!(
            found("Commander Oh nodded."),
            [("CL004", "Commander".to_string())]
        );
        let f = findings("Narek (Peyton List) smiled.");
        assert_eq!(
            f[0].1,
            "canon credits Narek to Harry Treadaway, not `Peyton List`"
        );
    }

    #[test]
    fn ranks_held_at_any_time_and_right_credits_are_silent() {
        assert!(found("Captain Picard, later Admiral Picard; Narek (Harry Treadaway).").is_empty());
    }
}
