//! Loading `[[test]]` entries: example texts a pack carries, with the findings checking
//! them must give. They are validated like every other entry (a code no check has, a
//! format canonlint does not read, `spans` that do not match `expect`), so that a pack
//! whose tests load is a pack whose tests can run. Checks never read them.

use crate::checks::{self, CHECKS};
use crate::pack::load::{Ctx, non_empty};
use crate::pack::model::PackTest;
use crate::pack::raw::{RawPack, RawTest};
use crate::problem::did_you_mean;
use crate::source::Format;

/// The format of a test that names none.
const DEFAULT_FORMAT: Format = Format::Markdown;

pub(crate) fn load(ctx: &mut Ctx, raws: &[RawPack]) -> Vec<PackTest> {
    let mut out = Vec::new();
    for (pack, raw) in raws.iter().enumerate() {
        for test in &raw.test {
            if let Some(test) = from_raw(ctx, pack, test.get_ref()) {
                out.push(test);
            }
        }
    }
    out
}

fn from_raw(ctx: &mut Ctx, pack: usize, raw: &RawTest) -> Option<PackTest> {
    let mut ok = non_empty(ctx, pack, &raw.text, "test text");
    let mut expect = Vec::new();
    for wanted in raw.expect.get_ref() {
        match checks::find(wanted.get_ref()) {
            Some(check) => expect.push(check.code),
            None => {
                let known = CHECKS.iter().flat_map(|c| [c.code, c.name]);
                let suggestion = did_you_mean(wanted.get_ref(), known);
                let problem = ctx.error(
                    pack,
                    wanted.span(),
                    format!("unknown check `{}`", wanted.get_ref()),
                    "not a check's code or name",
                );
                if let Some(s) = suggestion {
                    problem.add_help(format!("did you mean `{s}`?"));
                }
                problem.add_note("`canonlint checks` lists every code and name");
                ok = false;
            }
        }
    }
    let format = match &raw.format {
        None => DEFAULT_FORMAT,
        Some(name) => match Format::named(name.get_ref()) {
            Some(f) => f,
            None => {
                let names = Format::NAMES.iter().map(|(n, _)| *n);
                ctx.unknown(pack, "format", name, names);
                ok = false;
                DEFAULT_FORMAT
            }
        },
    };
    let spans = raw.spans.as_ref().map(|spans| {
        let n = spans.get_ref().len();
        if n != raw.expect.get_ref().len() {
            let expected = raw.expect.get_ref().len();
            ctx.error(
                pack,
                spans.span(),
                format!(
                    "`spans` gives {n} {} for {expected} expected {}",
                    plural(n, "text", "texts"),
                    plural(expected, "finding", "findings")
                ),
                "one text per code of `expect`, in the same order",
            )
            .secondary
            .push((raw.expect.span(), "the expected findings".into()));
            ok = false;
        }
        for span in spans.get_ref() {
            if span.get_ref().is_empty() || !raw.text.get_ref().contains(span.get_ref().as_str()) {
                ctx.error(
                    pack,
                    span.span(),
                    format!("`{}` is not in the test's text", span.get_ref()),
                    "no finding can cover this",
                )
                .secondary
                .push((raw.text.span(), "the test's text".into()));
                ok = false;
            }
        }
        spans
            .get_ref()
            .iter()
            .map(|s| s.get_ref().clone())
            .collect()
    });
    ok.then(|| PackTest {
        pack,
        name: raw.name.clone(),
        text: raw.text.get_ref().clone(),
        format,
        expect,
        spans,
        text_span: raw.text.span(),
    })
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

#[cfg(test)]
mod tests {
    use crate::pack::PackFile;
    use crate::problem::Problem;
    use std::sync::Arc;

    fn load(tests: &str) -> Result<crate::pack::Canon, String> {
        let core = crate::pack::resolve("core", std::path::Path::new(".")).unwrap();
        let text = format!("[pack]\nname = \"t\"\n{tests}");
        let file = PackFile {
            name: "t".into(),
            path: "t.toml".into(),
            text: Arc::from(text),
        };
        crate::pack::load(vec![core, file])
            .map_err(|p| p.iter().map(Problem::render).collect::<String>())
    }

    #[test]
    fn tests_load_with_codes_for_names() {
        let canon = load(
            "[[test]]\ntext = \"x\"\nexpect = [\"fact\", \"CL001\"]\nformat = \"text\"\n\
             name = \"n\"\n",
        )
        .unwrap();
        let test = &canon.tests[0];
        assert_eq!(test.expect, ["CL003", "CL001"]);
        assert_eq!(test.format, crate::source::Format::Text);
        assert_eq!(test.pack, 1);
    }

    #[test]
    fn unknown_codes_and_formats_suggest_close_ones() {
        let out =
            load("[[test]]\ntext = \"x\"\nexpect = [\"CL030\", \"fakt\"]\nformat = \"markdwn\"\n")
                .unwrap_err();
        assert!(out.contains("unknown check `CL030`"), "{out}");
        assert!(out.contains("did you mean `CL003`?"), "{out}");
        assert!(out.contains("did you mean `fact`?"), "{out}");
        assert!(out.contains("unknown format `markdwn`"), "{out}");
        assert!(out.contains("did you mean `markdown`?"), "{out}");
    }

    #[test]
    fn spans_must_match_expect_and_the_text() {
        let out = load("[[test]]\ntext = \"x y\"\nexpect = [\"CL003\"]\nspans = [\"x\", \"z\"]\n")
            .unwrap_err();
        assert!(
            out.contains("`spans` gives 2 texts for 1 expected finding"),
            "{out}"
        );
        assert!(out.contains("`z` is not in the test's text"), "{out}");
    }

    #[test]
    fn a_test_needs_text_and_expect() {
        let out = load("[[test]]\ntext = \"x\"\n").unwrap_err();
        assert!(out.contains("missing field `expect`"), "{out}");
        let out = load("[[test]]\ntext = \" \"\nexpect = []\n").unwrap_err();
        assert!(out.contains("an empty test text"), "{out}");
    }
}
