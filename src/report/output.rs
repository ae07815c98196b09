//! Where the reports of a run go: `--format FMT[:FILE]`, repeatable, and `--output FILE`.
//!
//! A report with a file is written there whole or not at all (`atomic::write`); at most
//! one report goes to standard output, and `--output FILE` sends that one to FILE
//! instead. The plan is checked before anything is run, so a usage mistake costs
//! nothing; a file that cannot be written is named in the error, and the other reports
//! are still written.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use crate::engine::Outcome;
use crate::report::{self, Format};

/// One `--format` value: a format and, after a colon, the file it goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The format.
    pub format: Format,
    /// The file; standard output if `None`.
    pub file: Option<PathBuf>,
}

impl FromStr for Request {
    type Err = String;

    /// `sarif` or `sarif:out.sarif`. Format names hold no colon, so the file is
    /// everything after the first one (`sarif:C:\out.sarif` works).
    fn from_str(s: &str) -> Result<Request, String> {
        let (name, file) = match s.split_once(':') {
            Some((name, file)) => (name, Some(file)),
            None => (s, None),
        };
        let format = name.parse()?;
        match file {
            Some("") => Err(format!(
                "`{s}` names no file after the colon; write `{name}` for standard output"
            )),
            file => Ok(Request {
                format,
                file: file.map(PathBuf::from),
            }),
        }
    }
}

/// Where each report of a run goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The report for standard output, if any.
    pub stdout: Option<Format>,
    /// The reports for files, in the order given.
    pub files: Vec<(Format, PathBuf)>,
}

impl Plan {
    /// Checks the requests: at most one report on standard output, no file named twice,
    /// and `output` only when a report would go to standard output (it goes there
    /// instead). No request at all means the human report on standard output.
    pub fn new(requests: &[Request], output: Option<&Path>) -> Result<Plan, String> {
        let default = [Request {
            format: Format::Human,
            file: None,
        }];
        let requests = if requests.is_empty() {
            &default[..]
        } else {
            requests
        };
        let to_stdout: Vec<Format> = requests
            .iter()
            .filter(|r| r.file.is_none())
            .map(|r| r.format)
            .collect();
        if to_stdout.len() > 1 {
            let names: Vec<&str> = to_stdout.iter().map(|f| f.name()).collect();
            return Err(format!(
                "{} reports would go to standard output ({}); give all but one a file, \
                 as in `--format {}:FILE`",
                names.len(),
                names.join(", "),
                names[1]
            ));
        }
        let mut plan = Plan {
            stdout: to_stdout.first().copied(),
            files: requests
                .iter()
                .filter_map(|r| r.file.clone().map(|f| (r.format, f)))
                .collect(),
        };
        if let Some(output) = output {
            let Some(format) = plan.stdout.take() else {
                return Err(
                    "--output names a file for the report on standard output, but every \
                     --format already has its own file"
                        .into(),
                );
            };
            plan.files.push((format, output.to_path_buf()));
        }
        for (i, (_, file)) in plan.files.iter().enumerate() {
            if plan.files[..i].iter().any(|(_, f)| f == file) {
                return Err(format!(
                    "two reports would be written to {}; give each its own file",
                    file.display()
                ));
            }
        }
        Ok(plan)
    }

    /// Whether a report in `format` is written, to a file or standard output.
    pub fn wants(&self, format: Format) -> bool {
        self.stdout == Some(format) || self.files.iter().any(|(f, _)| *f == format)
    }

    /// Writes the reports that go to files; returns an error message for each file that
    /// could not be written (nothing is left half-written).
    pub fn write_files(&self, outcome: &Outcome) -> Vec<String> {
        let mut errors = Vec::new();
        for (format, file) in &self.files {
            let bytes = report::render(*format, outcome);
            if let Err(e) = crate::atomic::write(file, &bytes) {
                errors.push(format!(
                    "cannot write the {format} report to {}: {e}",
                    file.display()
                ));
            }
        }
        errors
    }
}

/// Appends the GitHub job summary (a table of every finding) to `path`, the file named by
/// `$GITHUB_STEP_SUMMARY`.
pub fn append_step_summary(path: &Path, outcome: &Outcome) -> Result<(), String> {
    let text = report::github::step_summary(outcome);
    OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .and_then(|mut file| file.write_all(text.as_bytes()))
        .map_err(|e| {
            format!(
                "cannot append the job summary to {} ($GITHUB_STEP_SUMMARY): {e}",
                path.display()
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn requests(specs: &[&str]) -> Vec<Request> {
        specs.iter().map(|s| s.parse().unwrap()).collect()
    }

    #[test]
    fn a_request_is_a_format_and_maybe_a_file() {
        let r: Request = "sarif:out/x.sarif".parse().unwrap();
        assert_eq!(r.format, Format::Sarif);
        assert_eq!(r.file, Some(PathBuf::from("out/x.sarif")));
        let r: Request = "junit:C:\\x.xml".parse().unwrap();
        assert_eq!(r.file, Some(PathBuf::from("C:\\x.xml")));
        assert!("json:".parse::<Request>().is_err());
        assert!("yaml:x".parse::<Request>().unwrap_err().contains("yaml"));
    }

    #[test]
    fn no_format_means_human_on_standard_output() {
        let plan = Plan::new(&[], None).unwrap();
        assert_eq!(plan.stdout, Some(Format::Human));
        assert!(plan.files.is_empty());
    }

    #[test]
    fn only_one_report_may_go_to_standard_output() {
        let err = Plan::new(&requests(&["human", "json"]), None).unwrap_err();
        assert!(err.contains("human, json"), "{err}");
        let plan = Plan::new(&requests(&["human", "sarif:a", "json:b"]), None).unwrap();
        assert_eq!(plan.stdout, Some(Format::Human));
        assert_eq!(plan.files.len(), 2);
    }

    #[test]
    fn output_takes_the_standard_output_report() {
        let plan = Plan::new(&requests(&["sarif"]), Some(Path::new("x.sarif"))).unwrap();
        assert_eq!(plan.stdout, None);
        assert_eq!(plan.files, [(Format::Sarif, PathBuf::from("x.sarif"))]);
        let plan = Plan::new(&[], Some(Path::new("x.txt"))).unwrap();
        assert_eq!(plan.files, [(Format::Human, PathBuf::from("x.txt"))]);
        assert!(Plan::new(&requests(&["json:a"]), Some(Path::new("b"))).is_err());
    }

    #[test]
    fn one_file_cannot_take_two_reports() {
        let err = Plan::new(&requests(&["json:a", "sarif:a"]), None).unwrap_err();
        assert!(err.contains("two reports would be written to a"), "{err}");
        assert!(Plan::new(&requests(&["json:a"]), Some(Path::new("a"))).is_err());
    }
}
