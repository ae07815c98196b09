//! The SARIF 2.1.0 report, for GitHub code scanning and other SARIF viewers.
//!
//! One run: the tool (every check as a rule, in registry order, so `ruleIndex` is the
//! check's place in `CHECKS`), one invocation (whether every file could be read; skipped
//! and unreadable files as notifications), and one result per finding in report order.
//! Columns are UTF-16 code units (`columnKind`), as GitHub reads them; regions also give
//! the exact bytes (`byteOffset`, `byteLength`). Paths inside the current directory are
//! relative to `%SRCROOT%`, the checkout's root for a CI job run there. Fixes are
//! replacements of the bytes of the finding; `partialFingerprints` carries
//! `canonlint::fingerprint`, so results survive lines moving above them.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::checks::{CHECKS, CheckInfo};
use crate::engine::Outcome;
use crate::finding::{FileId, Finding, Location, Severity};
use crate::report::lines::Columns;
use crate::report::place::{self, Places};

/// Where the SARIF 2.1.0 schema is published.
const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The base every relative URI is resolved against.
const SRCROOT: &str = "%SRCROOT%";
/// The key of canonlint's fingerprint in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "canonlint/v1";

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    invocations: [Invocation; 1],
    original_uri_base_ids: BTreeMap<&'static str, BaseId>,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    information_uri: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: &'static str,
    short_description: Text,
    full_description: Text,
    help: Text,
    help_uri: &'static str,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct BaseId {
    description: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Text,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<SarifLocation>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text,
    locations: [SarifLocation; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<SarifLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix>,
    partial_fingerprints: BTreeMap<&'static str, String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifLocation {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: Physical,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Physical {
    artifact_location: Artifact,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Artifact {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    byte_offset: usize,
    byte_length: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix {
    description: Text,
    artifact_changes: [Change; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Change {
    artifact_location: Artifact,
    replacements: [Replacement; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement {
    deleted_region: Region,
    inserted_content: Text,
}

/// The SARIF level of a severity.
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn text(text: impl Into<String>) -> Text {
    Text { text: text.into() }
}

fn rule(check: &CheckInfo) -> Rule {
    Rule {
        id: check.code,
        name: check.name,
        short_description: text(check.summary),
        full_description: text(check.description),
        help: text(check.help),
        help_uri: place::HELP_URI,
        default_configuration: Configuration {
            level: level(check.default),
        },
    }
}

/// An artifact location for a path as reports show it.
fn artifact(places: &Places, path: &str) -> Artifact {
    let (uri, relative) = places.uri_of(path);
    Artifact {
        uri,
        uri_base_id: relative.then_some(SRCROOT),
    }
}

fn region(places: &Places, location: &Location, snippet: bool) -> Region {
    let (start, end) = places.range(location, Columns::Utf16);
    let code = places.text(location);
    Region {
        start_line: start.line,
        start_column: start.column,
        end_line: end.line,
        end_column: end.column,
        byte_offset: location.span.start,
        byte_length: location.span.len(),
        snippet: (snippet && !code.is_empty()).then(|| text(code)),
    }
}

fn physical(places: &Places, location: &Location) -> Physical {
    Physical {
        artifact_location: artifact(places, places.path(location.file)),
        region: Some(region(places, location, true)),
    }
}

fn result(places: &Places, finding: &Finding, fingerprint: &str) -> SarifResult {
    let file: FileId = finding.location.file;
    SarifResult {
        rule_id: finding.code,
        rule_index: CHECKS.iter().position(|c| c.code == finding.code),
        level: level(finding.severity),
        message: text(place::full_message(finding)),
        locations: [SarifLocation {
            id: None,
            physical_location: physical(places, &finding.location),
            message: Some(text(&finding.label)),
        }],
        related_locations: finding
            .related
            .iter()
            .enumerate()
            .map(|(i, r)| SarifLocation {
                id: Some(i + 1),
                physical_location: physical(places, &r.location),
                message: Some(text(&r.message)),
            })
            .collect(),
        fixes: finding
            .fix
            .iter()
            .map(|fix| SarifFix {
                description: text(
                    finding
                        .help
                        .clone()
                        .unwrap_or_else(|| format!("write `{}`", fix.replacement)),
                ),
                artifact_changes: [Change {
                    artifact_location: artifact(places, places.path(file)),
                    replacements: [Replacement {
                        deleted_region: region(
                            places,
                            &Location {
                                file,
                                span: fix.span.clone(),
                            },
                            false,
                        ),
                        inserted_content: text(&fix.replacement),
                    }],
                }],
            })
            .collect(),
        partial_fingerprints: BTreeMap::from([(FINGERPRINT_KEY, fingerprint.to_string())]),
    }
}

fn invocation(places: &Places, outcome: &Outcome) -> Invocation {
    let mut notifications: Vec<Notification> = outcome
        .skipped
        .iter()
        .map(|s| Notification {
            level: "note",
            message: text(format!("skipped: {}", s.reason)),
            locations: vec![SarifLocation {
                id: None,
                physical_location: Physical {
                    artifact_location: artifact(places, &s.path),
                    region: None,
                },
                message: None,
            }],
        })
        .collect();
    notifications.extend(outcome.problems.iter().map(|p| Notification {
        level: "error",
        message: text(&p.message),
        locations: Vec::new(),
    }));
    Invocation {
        execution_successful: outcome.problems.is_empty(),
        tool_execution_notifications: notifications,
    }
}

/// The report as pretty-printed SARIF, with a final newline.
pub fn render(outcome: &Outcome) -> String {
    let places = Places::new(outcome);
    let fingerprints = crate::fingerprint::fingerprints(outcome);
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: env!("CARGO_PKG_NAME"),
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: env!("CARGO_PKG_REPOSITORY"),
                    rules: CHECKS.iter().map(rule).collect(),
                },
            },
            invocations: [invocation(&places, outcome)],
            original_uri_base_ids: BTreeMap::from([(
                SRCROOT,
                BaseId {
                    description: text(
                        "The directory canonlint ran in (the repository root in CI).",
                    ),
                },
            )]),
            column_kind: "utf16CodeUnits",
            results: outcome
                .findings
                .iter()
                .zip(&fingerprints)
                .map(|(f, fp)| result(&places, f, fp))
                .collect(),
        }],
    };
    let mut out =
        serde_json::to_string_pretty(&log).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}
