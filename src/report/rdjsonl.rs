//! reviewdog's diagnostic format as JSON lines (`reviewdog -f=rdjsonl`): one object per
//! finding, in report order, each on its own line; no finding, no line.
//!
//! Positions are 1-based lines and columns counted in UTF-8 bytes, as reviewdog expects;
//! a range's end is exclusive (the position just after the last byte). The message is
//! the finding's message followed by its notes and help, one per line; a fix becomes a
//! suggestion replacing the finding's range; the other claim or the canon entry is a
//! related location.

use serde::Serialize;

use crate::engine::Outcome;
use crate::finding::{Finding, Location, Severity};
use crate::report::lines::Columns;
use crate::report::place::{self, Places};

#[derive(Serialize)]
struct Diagnostic<'a> {
    message: String,
    location: RdLocation<'a>,
    severity: &'static str,
    source: Source,
    code: Code,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suggestions: Vec<Suggestion<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Related<'a>>,
}

#[derive(Serialize)]
struct RdLocation<'a> {
    path: &'a str,
    range: Range,
}

#[derive(Serialize)]
struct Range {
    start: Position,
    end: Position,
}

#[derive(Serialize)]
struct Position {
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct Source {
    name: &'static str,
    url: &'static str,
}

#[derive(Serialize)]
struct Code {
    value: &'static str,
    url: &'static str,
}

#[derive(Serialize)]
struct Suggestion<'a> {
    range: Range,
    text: &'a str,
}

#[derive(Serialize)]
struct Related<'a> {
    message: &'a str,
    location: RdLocation<'a>,
}

/// reviewdog's name of a severity.
pub fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Info => "INFO",
    }
}

fn range(places: &Places, location: &Location) -> Range {
    let (start, end) = places.range(location, Columns::Bytes);
    Range {
        start: Position {
            line: start.line,
            column: start.column,
        },
        end: Position {
            line: end.line,
            column: end.column,
        },
    }
}

fn location<'a>(places: &'a Places, location: &Location) -> RdLocation<'a> {
    RdLocation {
        path: places.path(location.file),
        range: range(places, location),
    }
}

fn diagnostic<'a>(places: &'a Places, f: &'a Finding) -> Diagnostic<'a> {
    Diagnostic {
        message: place::full_message(f).into_owned(),
        location: location(places, &f.location),
        severity: severity(f.severity),
        source: Source {
            name: env!("CARGO_PKG_NAME"),
            url: env!("CARGO_PKG_REPOSITORY"),
        },
        code: Code {
            value: f.code,
            url: place::HELP_URI,
        },
        suggestions: f
            .fix
            .iter()
            .map(|fix| Suggestion {
                range: range(
                    places,
                    &Location {
                        file: f.location.file,
                        span: fix.span.clone(),
                    },
                ),
                text: &fix.replacement,
            })
            .collect(),
        related_locations: f
            .related
            .iter()
            .map(|r| Related {
                message: &r.message,
                location: location(places, &r.location),
            })
            .collect(),
    }
}

/// One JSON object per finding, each followed by a newline.
pub fn render(outcome: &Outcome) -> String {
    let places = Places::new(outcome);
    let mut out = String::new();
    for f in &outcome.findings {
        let line = serde_json::to_string(&diagnostic(&places, f))
            .unwrap_or_else(|e| format!("{{\"message\": \"{e}\"}}"));
        out.push_str(&line);
        out.push('\n');
    }
    out
}
