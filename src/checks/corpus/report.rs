//! The findings for a decided group: one per place of each losing spelling, with the fix
//! and a label at the winner; or, for a tie, one finding listing every spelling.

use crate::checks::CheckInfo;
use crate::checks::corpus::forms::Form;
use crate::checks::corpus::group::Group;
use crate::checks::corpus::verdict::Verdict;
use crate::checks::corpus::{files, times};
use crate::finding::{FileId, Finding};

/// The findings of `check` about one group. `what` names the thing ("name", "title");
/// `trusted` says whether a file is a trusted source.
pub fn report(
    check: &CheckInfo,
    what: &str,
    (forms, group, verdict): (&[Form], &Group, &Verdict),
    trusted: &dyn Fn(FileId) -> bool,
) -> Vec<Finding> {
    match verdict {
        Verdict::Silent => Vec::new(),
        Verdict::Fix {
            target,
            wrong,
            trusted: by_trust,
        } => {
            let right = &forms[*target];
            let mut out = Vec::new();
            for w in wrong {
                for place in &forms[*w].occurrences {
                    out.push(fix(
                        check,
                        what,
                        (right, &forms[*w]),
                        place,
                        *by_trust,
                        trusted,
                    ));
                }
            }
            out
        }
        Verdict::Tie { trusted: by_trust } => vec![tie(check, what, forms, group, *by_trust)],
    }
}

/// "`Harrowgate Kepe`" for a name, "the title `The Ashen Crwon`" for a title.
fn named(what: &str, text: &str) -> String {
    if what == "name" {
        format!("`{text}`")
    } else {
        format!("the {what} `{text}`")
    }
}

fn fix(
    check: &CheckInfo,
    what: &str,
    (right, wrong): (&Form, &Form),
    place: &crate::checks::corpus::forms::Occurrence,
    by_trust: bool,
    trusted: &dyn Fn(FileId) -> bool,
) -> Finding {
    let f = if by_trust {
        let sources = if right.trusted_files == 1 {
            "the trusted source"
        } else {
            "the trusted sources"
        };
        let cited = right.first_trusted(trusted).unwrap_or(right.first());
        Finding::new(
            check,
            place.location(),
            format!(
                "{} is written `{}` in {sources}",
                named(what, &wrong.text),
                right.text
            ),
            format!("did you mean `{}`?", right.text),
        )
        .related(
            cited.location(),
            format!("the trusted source writes `{}`", right.text),
        )
        .note(format!(
            "files matching `trusted` in canonlint.toml set how a {what} is written, \
             whatever the counts elsewhere (`{}` {} in {}, `{}` {} in {})",
            wrong.text,
            times(wrong.count()),
            files(wrong.files),
            right.text,
            times(right.count()),
            files(right.files),
        ))
    } else {
        Finding::new(
            check,
            place.location(),
            format!(
                "{} is written `{}` {} in {}",
                named(what, &wrong.text),
                right.text,
                times(right.count()),
                files(right.files)
            ),
            format!("did you mean `{}`?", right.text),
        )
        .related(
            right.nearest(place.file).location(),
            format!("written `{}` here", right.text),
        )
        .note(format!(
            "`{}` is written {} in {}; a spelling written far more often is likely the \
             intended one",
            wrong.text,
            times(wrong.count()),
            files(wrong.files)
        ))
    };
    let f = f.help(format!("write `{}`", right.text));
    if place.fixable {
        f.fix(right.text.clone())
    } else {
        f
    }
}

fn tie(check: &CheckInfo, what: &str, forms: &[Form], group: &Group, by_trust: bool) -> Finding {
    let mut members: Vec<&Form> = group.members.iter().map(|&m| &forms[m]).collect();
    members.sort_by_key(|f| (f.first().file, f.first().span.start));
    let list: Vec<String> = members
        .iter()
        .map(|f| format!("`{}` ({} in {})", f.text, times(f.count()), files(f.files)))
        .collect();
    // Reported where the last spelling to appear first appears.
    let (last, others) = members.split_last().unwrap_or((&members[0], &[]));
    let mut f = Finding::new(
        check,
        last.first().location(),
        format!(
            "one {what} written {} ways: {}",
            members.len(),
            list.join(", ")
        ),
        format!("written `{}` here", last.text),
    );
    for other in others {
        f = f.related(
            other.first().location(),
            format!("written `{}` here", other.text),
        );
    }
    let note = if by_trust {
        "the trusted sources write more than one of these spellings".to_string()
    } else {
        format!(
            "no spelling is written clearly more often than the others (three times as \
             often, in as many files), so canonlint cannot tell which {what} is meant"
        )
    };
    f.note(note)
        .help("choose one spelling and write it everywhere")
}
