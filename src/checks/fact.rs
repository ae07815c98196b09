//! `fact` (CL003): a figure or date that canon excludes.
//!
//! A figure with a subject and a measure contradicts a canon fact about the same subject
//! and measure when their intervals share no value: "over 90,000 died" is silent against
//! canon's "more than 92,000", "20,000 died" is not. When the written figure is canon's
//! figure for another measure of the same subject (20,000 starships destroyed), a note
//! says so: the text has most likely swapped them. A date contradicts canon when a part
//! both give differs. Figures that are a part of a whole ("another 3,000") and dates
//! measured from the subject ("a year after") never contradict, nor do figures under a
//! hundredth of canon's (a part of the toll, not a rival total), nor figures that are
//! only reported, rumoured or quoted.

use crate::checks::{CheckInfo, DocCtx};
use crate::extract::{Attached, Claim, ClaimKind, DateClaim, FigureClaim, Via};
use crate::finding::{Finding, Severity};
use crate::pack::model::{DATE_MEASURE, Fact, FactValue};
use crate::value::format_number;

/// Registry entry.
pub const INFO: CheckInfo = CheckInfo {
    code: "CL003",
    name: "fact",
    summary: "a figure or date that contradicts a canon fact about the same subject and measure",
    description: "A figure or date whose interval (after its qualifier: \"more than\", \"about\", \"nearly\" ...) excludes canon's value for the same subject and measure. A note says when the figure is canon's value for another measure of the same subject.",
    help: "Bring the figure or date into line with the canon entry shown. A character who is wrong on purpose belongs in dialogue, which `dialogue` in canonlint.toml reports at a lower level.",
    default: Severity::Error,
    fixable: false,
};

/// Reports figures and dates that canon excludes.
pub fn check(ctx: &DocCtx, claims: &[Claim], out: &mut Vec<Finding>) {
    for claim in claims {
        let finding = match &claim.kind {
            ClaimKind::Figure(f) => figure(ctx, claim, f),
            ClaimKind::Date(d) => date(ctx, claim, d),
            _ => None,
        };
        out.extend(finding);
    }
}

/// The label of what a fact counts: its own label, or its measure's.
pub fn fact_label<'a>(ctx: &'a DocCtx, fact: &'a Fact) -> &'a str {
    fact.label
        .as_deref()
        .unwrap_or(&ctx.canon.measures[fact.measure].label)
}

fn figure(ctx: &DocCtx, claim: &Claim, f: &FigureClaim) -> Option<Finding> {
    let (Some(measure), Some(subject), false, false) = (
        f.measure,
        f.subject.as_ref().map(|a| &a.entity),
        f.partial,
        f.hedged,
    ) else {
        return None;
    };
    let (fact, phrase) =
        ctx.canon
            .facts_for(*subject, measure)
            .find_map(|fact| match &fact.value {
                FactValue::Figure {
                    interval, phrase, ..
                } if !interval.overlaps(&f.interval) && !f.interval.far_below(interval) => {
                    Some((fact, phrase))
                }
                _ => None,
            })?;
    let written = &ctx.written(claim.span.clone());
    let name = ctx.entity_name(*subject);
    let label = fact_label(ctx, fact);
    let mut finding = Finding::new(
        &INFO,
        ctx.at(claim.span.clone()),
        format!("canon gives {phrase} {label} for {name}, not `{written}`"),
        format!("`{written}` {label} claimed here"),
    )
    .related(
        ctx.canon_at(&fact.origin, fact.value_span.clone()),
        format!("canon: {phrase} {label}"),
    );
    finding = subject_note(finding, &name, f.subject.as_ref());
    // The written figure may be canon's figure for another measure of the same subject.
    for other in ctx
        .canon
        .facts
        .iter()
        .filter(|o| o.subject == *subject && o.measure != measure)
    {
        if let FactValue::Figure {
            interval, figure, ..
        } = &other.value
        {
            if crate::value::Interval::exact(*figure).overlaps(&f.interval)
                && interval.overlaps(&f.interval)
            {
                finding = finding.note(format!(
                    "{} is canon's figure for the {} in {name}, not the {label}",
                    format_number(*figure),
                    fact_label(ctx, other),
                ));
            }
        }
    }
    Some(source_note(ctx, finding, fact).subject(Some(&ctx.canon.entities[*subject].id)))
}

/// Says where the subject came from when the claim's own sentence does not name it: a
/// finding about a sentence that names nobody must say why it is about this entity.
fn subject_note(finding: Finding, name: &str, subject: Option<&Attached>) -> Finding {
    match subject.map(|a| a.via) {
        Some(Via::Paragraph) => finding.note(format!(
            "the subject is {name}, named earlier in this paragraph"
        )),
        Some(Via::Heading) => finding.note(format!(
            "the subject is {name}, from the heading of this section"
        )),
        Some(Via::PageTitle) => finding.note(format!(
            "the subject is {name}, from the page's title (its file name)"
        )),
        Some(Via::Sentence) | None => finding,
    }
}

fn date(ctx: &DocCtx, claim: &Claim, d: &DateClaim) -> Option<Finding> {
    let subject = d.subject.as_ref().map(|a| &a.entity)?;
    if d.relative || d.hedged {
        return None;
    }
    let measure = ctx.canon.measure(DATE_MEASURE)?;
    let (fact, canon_date) = ctx
        .canon
        .facts_for(*subject, measure)
        .find_map(|fact| match &fact.value {
            FactValue::Date(c) if !c.agrees_with(&d.date) => Some((fact, c)),
            _ => None,
        })?;
    let written = &ctx.written(claim.span.clone());
    let name = ctx.entity_name(*subject);
    let finding = Finding::new(
        &INFO,
        ctx.at(claim.span.clone()),
        format!("canon dates {name} to {canon_date}, not `{written}`"),
        format!("`{written}` given as the date of {name}"),
    )
    .related(
        ctx.canon_at(&fact.origin, fact.value_span.clone()),
        format!("canon: {canon_date}"),
    );
    let finding = subject_note(finding, &name, d.subject.as_ref());
    Some(source_note(ctx, finding, fact).subject(Some(&ctx.canon.entities[*subject].id)))
}

fn source_note(ctx: &DocCtx, mut finding: Finding, fact: &Fact) -> Finding {
    if !fact.note.is_empty() {
        finding = finding.note(fact.note.clone());
    }
    match ctx.canon.source_title(fact.source) {
        Some(source) => finding.note(format!("source: {source}")),
        None => finding,
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{findings, found};

    #[test]
    fn a_swapped_figure_names_the_measure_it_belongs_to() {
        let f = findings("The attack on Mars killed 20,000 people.");
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].1,
            "canon gives more than 92,000 deaths for the attack on Mars, not `20,000`"
        );
    }

    #[test]
    fn compatible_figures_and_dates_are_silent() {
        assert!(
            found("Over 90,000 died in the attack on Mars, and 20,000 starships were destroyed.")
                .is_empty()
        );
        assert!(found("The attack on Mars came on First Contact Day, 2385.").is_empty());
    }

    #[test]
    fn wrong_dates_are_found() {
        assert_eq!(
            found("The attack on Mars came on April 5, 2386."),
            [("CL003", "April 5, 2386".to_string())]
        );
    }
}
