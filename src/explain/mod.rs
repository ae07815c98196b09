//! `canonlint explain CODE`: what a check finds, why it matters, its default severity,
//! whether `--fix` applies it, how to configure and suppress it, and an example.
//!
//! The prose of each check is a Markdown file beside this one (`<name>.md`), compiled in.
//! Severity, fixability and the configuration and suppression lines come from the
//! registry (`checks::CHECKS`), so they cannot drift from the code. The example's
//! diagnostic is never stored: the example text is checked when `explain` runs, with the
//! bundled pack and default settings, and the real report is shown.

use std::path::Path;

use codespan_reporting::term::termcolor::Buffer;

use crate::checks::{CHECKS, CheckInfo};
use crate::engine::{self, Options};
use crate::problem::did_you_mean;
use crate::report;

/// A check's page: its prose and an example text that triggers it.
struct Page {
    /// The check's code.
    code: &'static str,
    /// What it finds, why it matters, and how it treats dialogue (Markdown).
    prose: &'static str,
    /// A short Markdown text the check reports on.
    example: &'static str,
}

/// One page per check, in the registry's order.
const PAGES: [Page; 9] = [
    Page {
        code: "CL004",
        prose: include_str!("attribute.md"),
        example: "Commander Oh signed every work order at the yards.\n",
    },
    Page {
        code: "CL005",
        prose: include_str!("cross-document.md"),
        example: "The attack on Mars killed 95,000 people.\n\n\
                  In the end, the attack on Mars killed 150,000 people.\n",
    },
    Page {
        code: "CL008",
        prose: include_str!("corpus-name.md"),
        example: "Harrowgate Keep stood over the river.\n\n\
                  The gate of Harrowgate Keep was shut at dusk.\n\n\
                  Nobody left Harrowgate Keep that winter.\n\n\
                  By spring the walls of Harrowgate Kepe were black with soot.\n",
    },
    Page {
        code: "CL009",
        prose: include_str!("corpus-title.md"),
        example: "She read *The Ashen Crown* twice.\n\n\
                  He quoted *The Ashen Crown* at dinner.\n\n\
                  The last copy of *The Ashen Crown* burned.\n\n\
                  Nobody else had read *The Ashen Crwon*.\n",
    },
    Page {
        code: "CL003",
        prose: include_str!("fact.md"),
        example: "Kestra was nine when the attack on Mars killed 20,000 people.\n",
    },
    Page {
        code: "CL001",
        prose: include_str!("name-variant.md"),
        example: "The new ships came out of the Utopia Plantia yards.\n",
    },
    Page {
        code: "CL006",
        prose: include_str!("suppression.md"),
        example: "<!-- canonlint-disable-next-line CL099 -->\nThe yards were quiet that night.\n",
    },
    Page {
        code: "CL002",
        prose: include_str!("title.md"),
        example: "The Short Treks episode \"Children of Men\" shows the attack.\n",
    },
    Page {
        code: "CL007",
        prose: include_str!("unused-suppression.md"),
        example: "<!-- canonlint-disable-next-line CL001 -->\n\
                  The yards at Utopia Planitia were quiet that night.\n",
    },
];

/// The name the example file is shown under.
const EXAMPLE_NAME: &str = "chapter.md";

/// The check a user means by a code or a name, in any case (`CL003`, `cl003`, `Fact`).
/// `Err` is the message for anything else: the closest code or name, and every check.
pub fn lookup(query: &str) -> Result<&'static CheckInfo, String> {
    let wanted = query.trim();
    if let Some(check) = CHECKS
        .iter()
        .find(|c| c.code.eq_ignore_ascii_case(wanted) || c.name.eq_ignore_ascii_case(wanted))
    {
        return Ok(check);
    }
    let mut message = format!("`{query}` is not a check canonlint has");
    if let Some(close) = closest(wanted) {
        message.push_str(&format!("\n  did you mean `{close}`?"));
    }
    let all: Vec<String> = CHECKS
        .iter()
        .map(|c| format!("{} {}", c.code, c.name))
        .collect();
    message.push_str(&format!("\n  checks: {}", sorted(all).join(", ")));
    Err(message)
}

/// The code or name closest to `wanted`, when it is close and no other is as close
/// (`CL000` is as close to every code as to any).
fn closest(wanted: &str) -> Option<&'static str> {
    let all = || CHECKS.iter().flat_map(|c| [c.code, c.name]);
    let best = did_you_mean(wanted, all())?;
    let distance = |c: &str| strsim::osa_distance(&wanted.to_lowercase(), &c.to_lowercase());
    let ties = all().filter(|c| distance(c) == distance(best)).count();
    (ties == 1).then_some(best)
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

/// The whole explanation of a check, ending with a newline.
pub fn explain(check: &CheckInfo) -> String {
    let prose = PAGES
        .iter()
        .find(|p| p.code == check.code)
        .map_or("", |p| p.prose);
    let mut out = format!("# {} {}\n\n", check.code, check.name);
    out.push_str(&format!("{}.\n\n", capitalised(check.summary)));
    out.push_str(prose.trim_end());
    out.push_str("\n\n## Severity and fixing\n\n");
    out.push_str(&format!("Default severity: {}.\n", check.default));
    if check.fixable {
        out.push_str(
            "Fixable: yes. `canonlint check --fix` writes the replacement the `help:` line\n\
             shows; `canonlint check --fix --dry-run` prints the diff first.\n",
        );
    } else {
        out.push_str("Fixable: no. `canonlint check --fix` leaves it for you to decide.\n");
    }
    out.push_str(&configure(check));
    out.push_str(&suppress(check));
    out.push_str(&example(check));
    out
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// How to set the check's level in canonlint.toml.
fn configure(check: &CheckInfo) -> String {
    let setting = format!("{} = \"{}\"", check.name, check.default);
    format!(
        "\n## Configuring\n\n\
         In `canonlint.toml`, under `[checks]`, by name or by code (`{code}`); the level is\n\
         error, warning, info or off:\n\n\
         \x20   [checks]\n\
         \x20   {setting:<28}# the default\n\n\
         `deny = \"warning\"` (or `--deny warnings`) makes warnings fail the run as well.\n\
         `dialogue = \"warn\" | \"info\" | \"ignore\"` (or `--dialogue`) caps findings inside\n\
         dialogue, as the section on dialogue above says.\n",
        code = check.code,
    )
}

/// How to silence one finding of the check where it is.
fn suppress(check: &CheckInfo) -> String {
    if check.code == crate::checks::suppression::INFO.code
        || check.code == crate::checks::suppression::UNUSED.code
    {
        return "\n## Suppressing\n\n\
                Findings about suppression comments cannot themselves be suppressed; set\n\
                the check to \"off\" under `[checks]` if you must.\n"
            .to_string();
    }
    let code = check.code;
    format!(
        "\n## Suppressing\n\n\
         With a comment where the finding is, in the format's own comment syntax:\n\n\
         \x20   <!-- canonlint-disable-next-line {code} -->    Markdown, HTML, wikitext\n\
         \x20   % canonlint-disable-next-line {code}           plain text\n\n\
         `canonlint-disable-line`, `canonlint-disable` ... `canonlint-enable` and\n\
         `canonlint-disable-file` take codes the same way; the name (`{name}`) works too,\n\
         and anything after `--` is a reason for readers:\n\
         `<!-- canonlint-disable-next-line {code} -- why -->`.\n",
        name = check.name,
    )
}

/// The example text and what canonlint reports on it, checked now.
fn example(check: &CheckInfo) -> String {
    let Some(page) = PAGES.iter().find(|p| p.code == check.code) else {
        return String::new();
    };
    let report = match report_on(page.example) {
        Ok(r) => r,
        Err(e) => format!("(the example could not be checked: {e})\n"),
    };
    format!(
        "\n## Example\n\n{EXAMPLE_NAME}:\n\n{}\n`canonlint check` reports (with the bundled `star-trek` pack):\n\n{}",
        indented(page.example),
        indented(&report)
    )
}

/// The human report of a text, checked as `chapter.md` in a project of its own (a
/// temporary directory whose config loads the bundled pack), so that no config of the
/// current directory changes it.
fn report_on(text: &str) -> Result<String, String> {
    let dir = tempfile::tempdir().map_err(|e| format!("no temporary directory: {e}"))?;
    write(dir.path(), "canonlint.toml", "packs = [\"star-trek\"]\n")?;
    write(dir.path(), EXAMPLE_NAME, text)?;
    let options = Options {
        paths: vec![dir.path().join(EXAMPLE_NAME)],
        ..Options::default()
    };
    let mut outcome = engine::run(&options).map_err(|problems| {
        problems
            .iter()
            .map(|p| p.render())
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    // Shown under its own name, not the temporary path.
    if let Some(file) = outcome.files.first_mut() {
        file.path = EXAMPLE_NAME.to_string();
    }
    let mut buffer = Buffer::no_color();
    report::human::write(&outcome, &mut buffer).map_err(|e| e.to_string())?;
    String::from_utf8(buffer.into_inner()).map_err(|e| e.to_string())
}

fn write(dir: &Path, name: &str, text: &str) -> Result<(), String> {
    std::fs::write(dir.join(name), text).map_err(|e| format!("cannot write {name}: {e}"))
}

/// Four spaces before every line that is not empty (a Markdown code block).
fn indented(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.is_empty() {
                "\n".to_string()
            } else {
                format!("    {l}\n")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
