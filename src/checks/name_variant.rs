//! `name-variant` (CL001): a name spelled the wrong way.
//!
//! Finds a misspelling the pack lists ("Utopia Plantia"), and a capitalised phrase a small,
//! length-aware edit away from exactly one entity's name ("Utopia Planitai", "Jean-Luc
//! Piccard", "Kathryn Jane Way"). The fix is the canonical spelling. Names of other
//! entities are never "corrected" into each other: a phrase that is exactly some entity's
//! name is that entity, and one equally close to two entities is left alone.

use crate::checks::{CheckInfo, DocCtx};
use crate::extract::{Claim, ClaimKind};
use crate::finding::{Finding, Severity};
use crate::pack::names::{FormKind, Target};

/// Registry entry.
pub const INFO: CheckInfo = CheckInfo {
    code: "CL001",
    name: "name-variant",
    summary: "a name spelled differently from canon: a known misspelling or a near miss",
    description: "A name written differently from canon: a misspelling a pack lists, or a capitalised phrase a small, length-aware edit away from exactly one entity's name. Distinct entities with similar names, and names inside code or URLs, are left alone.",
    help: "Write the canonical spelling; the fix does it. If the spelling is deliberate (an in-world mistake, an old export kept as printed), silence the line with `canonlint-disable-next-line CL001`.",
    default: Severity::Error,
    fixable: true,
};

/// Reports misspelled names.
pub fn check(ctx: &DocCtx, claims: &[Claim], out: &mut Vec<Finding>) {
    let index = &ctx.canon.names;
    for claim in claims {
        let (form, known) = match claim.kind {
            ClaimKind::Name { form } if index.forms[form].kind == FormKind::Misspelling => {
                (form, true)
            }
            ClaimKind::NearName { form } => (form, false),
            _ => continue,
        };
        let Target::Entity(entity) = index.forms[form].target else {
            continue;
        };
        let written = &ctx.written(claim.span.clone());
        let right = if known {
            correct_form(ctx, entity, written)
        } else {
            index.forms[form].text.clone()
        };
        let e = &ctx.canon.entities[entity];
        // Point at the misspelling in the pack when it is listed, else at the name.
        let listed = e
            .misspellings
            .iter()
            .position(|m| m.eq_ignore_ascii_case(written));
        let canon_span = match listed {
            Some(i) if known => e.spans.misspellings[i].clone(),
            _ => e.spans.name.clone(),
        };
        let (message, label, canon_label) = if known {
            (
                format!("`{written}` is a misspelling of `{right}`"),
                "known misspelling".to_string(),
                format!("listed as a misspelling of `{}`", e.name),
            )
        } else {
            (
                format!("`{written}` looks like a misspelling of `{right}`"),
                format!("did you mean `{right}`?"),
                format!("canon spells it `{}`", e.name),
            )
        };
        out.push(
            Finding::new(&INFO, ctx.at(claim.span.clone()), message, label)
                .related(ctx.canon_at(&e.origin, canon_span), canon_label)
                .help(format!("write `{right}`"))
                .fix(ctx.respaced(claim.span.clone(), &right))
                .subject(Some(&e.id)),
        );
    }
}

/// The correct spelling closest to a known misspelling: "Utopia Plantia Fleet Yards" ->
/// "Utopia Planitia Fleet Yards", not the shorter canonical name.
fn correct_form(ctx: &DocCtx, entity: usize, written: &str) -> String {
    let e = &ctx.canon.entities[entity];
    std::iter::once(&e.name)
        .chain(&e.aliases)
        .min_by_key(|f| strsim::osa_distance(&f.to_lowercase(), &written.to_lowercase()))
        .cloned()
        .unwrap_or_else(|| e.name.clone())
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{findings, fixes, found};

    #[test]
    fn known_misspellings_and_near_misses_with_the_canonical_name() {
        assert_eq!(
            found("The Utopia Plantia yards."),
            [("CL001", "Utopia Plantia".to_string())]
        );
        let f = findings("Kathryn Jane Way wrote.");
        assert_eq!(
            f[0].1,
            "`Kathryn Jane Way` looks like a misspelling of `Kathryn Janeway`"
        );
    }

    #[test]
    fn a_fix_keeps_the_line_break_of_wrapped_prose() {
        assert_eq!(
            fixes("The yards of Utopia\nPlantia were busy."),
            [Some("Utopia\nPlanitia".to_string())]
        );
        assert_eq!(
            fixes("The Utopia Plantia yards."),
            [Some("Utopia Planitia".to_string())]
        );
        // Words that do not pair up take canon's spacing.
        assert_eq!(
            fixes("Kathryn Jane\nWay wrote."),
            [Some("Kathryn Janeway".to_string())]
        );
    }

    #[test]
    fn right_names_are_silent() {
        assert!(found("Utopia Planitia, Jean-Luc Picard's letter, the Picards.").is_empty());
    }
}
