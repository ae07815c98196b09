//! Reports: how an `Outcome` is shown. `human` is rustc-style diagnostics through
//! codespan-reporting; `json` is the versioned machine-readable reference; `sarif`,
//! `github`, `rdjsonl`, `checkstyle`, `junit` and `gitlab` are what CI services read
//! (docs/integrations.md). Reporters are the only code that formats for output; the
//! library never prints. `output` says where each report of a run goes.

pub mod checkstyle;
pub mod claims;
pub mod excerpt;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod lines;
pub mod output;
pub mod place;
pub mod rdjsonl;
pub mod sarif;
mod xml;

use std::fmt;
use std::str::FromStr;

use crate::engine::Outcome;
use lines::LineIndex;

/// A line index for every file of an outcome that has text (built once per report).
pub fn line_indexes(outcome: &Outcome) -> Vec<Option<LineIndex<'_>>> {
    outcome
        .files
        .iter()
        .map(|f| f.text.as_deref().map(LineIndex::new))
        .collect()
}

/// A report format (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// rustc-style diagnostics and a summary line.
    Human,
    /// The versioned JSON report.
    Json,
    /// SARIF 2.1.0 (GitHub code scanning).
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// reviewdog's diagnostic format, one JSON object a line.
    Rdjsonl,
    /// Checkstyle XML.
    Checkstyle,
    /// JUnit XML, one test case a file.
    Junit,
    /// GitLab Code Quality JSON.
    Gitlab,
}

impl Format {
    /// Every format, in the order help texts list them.
    pub const ALL: [Format; 8] = [
        Format::Human,
        Format::Json,
        Format::Sarif,
        Format::Github,
        Format::Rdjsonl,
        Format::Checkstyle,
        Format::Junit,
        Format::Gitlab,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Human => "human",
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Github => "github",
            Format::Rdjsonl => "rdjsonl",
            Format::Checkstyle => "checkstyle",
            Format::Junit => "junit",
            Format::Gitlab => "gitlab",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Format, String> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                format!("unknown format `{s}`; expected one of {}", names.join(", "))
            })
    }
}

/// The report in `format`, as bytes; the human report without colour.
pub fn render(format: Format, outcome: &Outcome) -> Vec<u8> {
    match format {
        Format::Human => {
            let mut buffer = codespan_reporting::term::termcolor::Buffer::no_color();
            // Writing to memory cannot fail.
            let _ = human::write(outcome, &mut buffer);
            buffer.into_inner()
        }
        Format::Json => json::render(outcome).into_bytes(),
        Format::Sarif => sarif::render(outcome).into_bytes(),
        Format::Github => github::render(outcome).into_bytes(),
        Format::Rdjsonl => rdjsonl::render(outcome).into_bytes(),
        Format::Checkstyle => checkstyle::render(outcome).into_bytes(),
        Format::Junit => junit::render(outcome).into_bytes(),
        Format::Gitlab => gitlab::render(outcome).into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_parses_from_its_name() {
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>(), Ok(f));
        }
        let err = "xml".parse::<Format>().unwrap_err();
        assert!(err.contains("unknown format `xml`") && err.contains("checkstyle"));
    }
}
