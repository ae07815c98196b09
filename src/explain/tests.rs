//! Tests of `explain`: every check has a page whose example triggers it; codes and names
//! are found in any case; anything else gets the closest match and the list.

// Tests fail loudly on a broken set-up; unwrapping is the point.
#![allow(clippy::unwrap_used)]

use super::*;

#[test]
fn every_check_has_one_page_and_every_page_a_check() {
    for check in CHECKS {
        let pages = PAGES.iter().filter(|p| p.code == check.code).count();
        assert_eq!(pages, 1, "{}", check.code);
    }
    assert_eq!(PAGES.len(), CHECKS.len());
}

#[test]
fn every_code_and_name_is_found_in_any_case() {
    for check in CHECKS {
        for query in [
            check.code.to_string(),
            check.code.to_lowercase(),
            check.name.to_string(),
            check.name.to_uppercase(),
        ] {
            assert_eq!(lookup(&query).map(|c| c.code), Ok(check.code), "{query}");
        }
    }
}

#[test]
fn every_example_is_reported_by_its_own_check() {
    for check in CHECKS {
        let text = explain(&check);
        assert!(text.starts_with(&format!("# {} {}\n", check.code, check.name)));
        for section in [
            "## What it finds",
            "## Why it matters",
            "## Dialogue",
            "## Severity and fixing",
            "## Configuring",
            "## Suppressing",
            "## Example",
        ] {
            assert!(text.contains(section), "{}: {section}", check.code);
        }
        let (_, example) = text.split_once("## Example").unwrap();
        let header = format!("{}[{}]: ", check.default, check.code);
        assert!(
            example.contains(&header),
            "{} example gives no {header}:\n{example}",
            check.code
        );
        assert!(text.contains(&format!("Default severity: {}.", check.default)));
        assert_eq!(
            text.contains("Fixable: yes"),
            check.fixable,
            "{}",
            check.code
        );
    }
}

#[test]
fn the_example_ignores_the_config_of_the_current_directory() {
    // The report is made in a project of its own: same output wherever it runs.
    let report = report_on("The new ships came out of the Utopia Plantia yards.\n").unwrap();
    assert!(report.starts_with("error[CL001]: `Utopia Plantia` is a misspelling"));
    assert!(report.contains("┌─ chapter.md:1:31"), "{report}");
}

#[test]
fn anything_else_gets_the_closest_match_and_every_check() {
    let all = "checks: CL001 name-variant, CL002 title, CL003 fact, CL004 attribute, \
               CL005 cross-document, CL006 suppression, CL007 unused-suppression, \
               CL008 corpus-name, CL009 corpus-title";
    assert_eq!(
        lookup("CL000"),
        Err(format!("`CL000` is not a check canonlint has\n  {all}"))
    );
    assert_eq!(
        lookup("CL03"),
        Err(format!(
            "`CL03` is not a check canonlint has\n  did you mean `CL003`?\n  {all}"
        ))
    );
    assert_eq!(
        lookup("name-varaint"),
        Err(format!(
            "`name-varaint` is not a check canonlint has\n  did you mean `name-variant`?\n  {all}"
        ))
    );
    assert_eq!(
        lookup("spelling"),
        Err(format!("`spelling` is not a check canonlint has\n  {all}"))
    );
}
