//! The claims report: every extracted claim as one line of JSON (JSON Lines), for people
//! building packs and for tools. Each line is one object that carries `"version": 1`, so
//! a line read alone still says its schema; fields are only ever added within a version.
//!
//! ```text
//! {"version":1,"kind":"figure","file":"a.md","line":3,...,"measure":"deaths","interval":{...}}
//! ```
//!
//! Lines are in the order a check reports files (by path), then by position in the file.
//! The schema is documented in README.md ("`canonlint claims`").

use serde::{Serialize, Serializer};

use crate::engine::{ClaimsOutcome, FileClaims};
use crate::extract::{Attached, Claim, ClaimKind, DateClaim, FigureClaim, TitleClaim, Via};
use crate::pack::Canon;
use crate::pack::names::{FormKind, Target};
use crate::report::lines::LineIndex;
use crate::value::{Interval, PartialDate};

/// The schema version of a claims line.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Line<'a> {
    version: u32,
    kind: &'static str,
    file: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    byte_start: usize,
    byte_end: usize,
    text: &'a str,
    subject: Option<&'a str>,
    subject_via: Option<&'static str>,
    dialogue: bool,
    #[serde(flatten)]
    details: Details<'a>,
}

/// The fields of each kind of claim.
#[derive(Serialize)]
#[serde(untagged)]
enum Details<'a> {
    Name {
        entity: Option<&'a str>,
        day: Option<&'a str>,
        form: &'a str,
        canonical: &'a str,
        misspelling: bool,
    },
    NearName {
        entity: Option<&'a str>,
        form: &'a str,
        canonical: &'a str,
    },
    Title {
        title: &'a str,
        series: Option<&'a str>,
        work_kind: Option<&'a str>,
        season: Option<u32>,
        episode: Option<u32>,
    },
    Figure {
        measure: Option<&'a str>,
        interval: JsonInterval,
        hedged: bool,
        partial: bool,
        labelled: bool,
    },
    Date {
        date: JsonDate,
        relative: bool,
        hedged: bool,
    },
    Rank {
        rank: &'a str,
        entity: &'a str,
    },
    Credit {
        character: &'a str,
        performer: &'a str,
    },
}

/// The values a figure's wording allows: `min` to `max`, `null` for no bound.
#[derive(Serialize)]
struct JsonInterval {
    min: Option<Number>,
    min_exclusive: bool,
    max: Option<Number>,
    max_exclusive: bool,
}

#[derive(Serialize)]
struct JsonDate {
    year: Option<i32>,
    month: Option<u8>,
    day: Option<u8>,
}

/// A number written as an integer when it is one (`92000`, not `92000.0`).
struct Number(f64);

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Integers up to 2^53 are exact in an f64.
        if self.0.fract() == 0.0 && self.0.abs() < 9_007_199_254_740_992.0 {
            s.serialize_i64(self.0 as i64)
        } else {
            s.serialize_f64(self.0)
        }
    }
}

/// Every claim of every file, one JSON object per line, each line ending in a newline.
pub fn render(outcome: &ClaimsOutcome) -> String {
    let mut out = String::new();
    for file in &outcome.files {
        render_file(file, &mut out);
    }
    out
}

/// The lines of one file's claims, appended to `out`.
pub fn render_file(file: &FileClaims, out: &mut String) {
    let index = LineIndex::new(&file.text);
    for claim in &file.claims {
        let line = line(file, &index, claim);
        match serde_json::to_string(&line) {
            Ok(json) => out.push_str(&json),
            Err(e) => out.push_str(&serde_json::json!({ "error": e.to_string() }).to_string()),
        }
        out.push('\n');
    }
}

fn line<'a>(file: &'a FileClaims, index: &LineIndex, claim: &'a Claim) -> Line<'a> {
    let canon = file.canon.as_ref();
    let start = index.position(claim.span.start);
    let end = index.position(claim.span.end);
    let attached = match &claim.kind {
        ClaimKind::Figure(f) => f.subject.as_ref(),
        ClaimKind::Date(d) => d.subject.as_ref(),
        _ => None,
    };
    Line {
        version: VERSION,
        kind: kind_name(&claim.kind),
        file: &file.path,
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        byte_start: claim.span.start,
        byte_end: claim.span.end,
        text: file.text.get(claim.span.clone()).unwrap_or(""),
        subject: attached.map(|a| canon.entities[a.entity].id.as_str()),
        subject_via: attached.map(via_name),
        dialogue: claim.dialogue,
        details: details(canon, &claim.kind),
    }
}

/// The name of a kind of claim, as the `kind` field gives it.
pub fn kind_name(kind: &ClaimKind) -> &'static str {
    match kind {
        ClaimKind::Name { .. } => "name",
        ClaimKind::NearName { .. } => "near-name",
        ClaimKind::Title(_) => "title",
        ClaimKind::Figure(_) => "figure",
        ClaimKind::Date(_) => "date",
        ClaimKind::Rank { .. } => "rank",
        ClaimKind::Credit { .. } => "credit",
    }
}

fn via_name(attached: &Attached) -> &'static str {
    match attached.via {
        Via::Sentence => "sentence",
        Via::Paragraph => "paragraph",
        Via::Heading => "heading",
        Via::PageTitle => "page-title",
    }
}

fn details<'a>(canon: &'a Canon, kind: &'a ClaimKind) -> Details<'a> {
    let id = |e: usize| canon.entities[e].id.as_str();
    match kind {
        ClaimKind::Name { form } => {
            let form = &canon.names.forms[*form];
            let (entity, day, canonical) = target(canon, form.target);
            Details::Name {
                entity,
                day,
                form: &form.text,
                canonical,
                misspelling: form.kind == FormKind::Misspelling,
            }
        }
        ClaimKind::NearName { form } => {
            let form = &canon.names.forms[*form];
            let (entity, _, canonical) = target(canon, form.target);
            Details::NearName {
                entity,
                form: &form.text,
                canonical,
            }
        }
        ClaimKind::Title(t) => title(canon, t),
        ClaimKind::Figure(f) => figure(canon, f),
        ClaimKind::Date(d) => date(d),
        ClaimKind::Rank { rank, entity, .. } => Details::Rank {
            rank: canon.vocab.rank_name(*rank),
            entity: id(*entity),
        },
        ClaimKind::Credit {
            character,
            performer,
        } => Details::Credit {
            character: id(*character),
            performer,
        },
    }
}

/// A form's entity id or day name, and the canonical name of what it names.
fn target(canon: &Canon, target: Target) -> (Option<&str>, Option<&str>, &str) {
    match target {
        Target::Entity(e) => {
            let entity = &canon.entities[e];
            (Some(&entity.id), None, &entity.name)
        }
        Target::Day(d) => (None, Some(&canon.days[d].name), &canon.days[d].name),
    }
}

fn title<'a>(canon: &'a Canon, t: &'a TitleClaim) -> Details<'a> {
    let episode = t.episode.as_ref();
    Details::Title {
        title: &t.title,
        series: t.series.map(|e| canon.entities[e].id.as_str()),
        work_kind: t.kind.map(|k| canon.vocab.work_kinds[k].as_str()),
        season: episode.and_then(|e| e.season.as_ref()).map(|(n, _)| *n),
        episode: episode.and_then(|e| e.episode.as_ref()).map(|(n, _)| *n),
    }
}

fn figure<'a>(canon: &'a Canon, f: &FigureClaim) -> Details<'a> {
    Details::Figure {
        measure: f.measure.map(|m| canon.measures[m].id.as_str()),
        interval: interval(&f.interval),
        hedged: f.hedged,
        partial: f.partial,
        labelled: f.labelled,
    }
}

fn interval(i: &Interval) -> JsonInterval {
    let bound = |v: f64| v.is_finite().then_some(Number(v));
    JsonInterval {
        min: bound(i.lo),
        min_exclusive: i.lo.is_finite() && i.lo_open,
        max: bound(i.hi),
        max_exclusive: i.hi.is_finite() && i.hi_open,
    }
}

fn date<'a>(d: &DateClaim) -> Details<'a> {
    let PartialDate { year, month, day } = d.date;
    Details::Date {
        date: JsonDate { year, month, day },
        relative: d.relative,
        hedged: d.hedged,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_are_written_without_a_fraction() {
        let json = serde_json::to_string(&interval(&Interval::above(92_000.0))).unwrap();
        assert_eq!(
            json,
            r#"{"min":92000,"min_exclusive":true,"max":null,"max_exclusive":false}"#
        );
        let json = serde_json::to_string(&Number(1.5)).unwrap();
        assert_eq!(json, "1.5");
    }
}
