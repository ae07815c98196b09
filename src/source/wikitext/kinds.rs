//! What a template is, by its name: one that shows no prose (parser functions,
//! variables, maintenance and layout templates), a character (`{{'}}`, `{{ndash}}`), a
//! date (`{{Start date|2385|4|5}}`, read as "April 5, 2385"), a citation, a quotation, a
//! footnote, `{{lang}}`, an infobox, or any other.

use super::templates::Call;
use crate::value::MONTHS;

/// What a template is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sort {
    /// Shows no prose.
    Silent,
    /// Shows a character: `{{'}}`, `{{ndash}}`.
    Mark(&'static str),
    /// Shows a date from its numbers: `{{Start date|2385|4|5}}`.
    Date,
    /// `{{cite ...}}`, `{{citation}}`.
    Citation,
    /// A quotation (`{{quote}}`, `{{blockquote}}`).
    Quote,
    /// A footnote (`{{efn|...}}`): its text is a block of its own, as a ref's is.
    Note,
    /// `{{lang|fr|...}}`: shows its last positional value.
    Lang,
    /// An infobox: every row is a claim about the page's subject.
    Infobox,
    /// Anything else.
    Other,
}

/// Templates that show no prose of their own.
const SILENT: &[&str] = &[
    "!",
    "=",
    "-",
    "clear",
    "clr",
    "reflist",
    "notelist",
    "refbegin",
    "refend",
    "toc",
    "tocright",
    "toc limit",
    "defaultsort",
    "use dmy dates",
    "use mdy dates",
    "italic title",
    "lowercase title",
    "authority control",
    "portal bar",
    "coord",
    "convert",
    "cn",
    "citation needed",
    "fact",
    "clarify",
    "when",
    "who",
    "dubious",
    "vague",
    "dead link",
    "better source needed",
    "failed verification",
    "by whom",
    "according to whom",
    "which",
    "rp",
    "r",
    "pp",
    "flagicon",
    "flagdeco",
    "flag icon",
];

/// Name prefixes of templates that show no prose: short citations, protection notices.
const SILENT_PREFIXES: [&str; 3] = ["sfn", "harv", "pp "];

/// Footnote templates.
const NOTES: [&str; 6] = ["efn", "efn ua", "efn lr", "efn la", "refn", "notetag"];

/// Templates that show a date from their positional numbers.
const DATES: [&str; 8] = [
    "start date",
    "end date",
    "birth date",
    "death date",
    "start date and age",
    "end date and age",
    "birth date and age",
    "death date and age",
];

/// Characters some templates stand for.
const MARKS: [(&str, &str); 8] = [
    ("'", "'"),
    ("'s", "'s"),
    ("ndash", "\u{2013}"),
    ("mdash", "\u{2014}"),
    ("snd", " \u{2013} "),
    ("spaced ndash", " \u{2013} "),
    ("sndash", " \u{2013} "),
    ("nbsp", " "),
];

/// What a template is.
pub(super) fn sort(call: &Call) -> Sort {
    let (raw, name) = (call.raw.as_str(), call.name.as_str());
    // `{{PAGENAME}}`; `{{#if:...}}`, `{{lc:...}}`, `{{DEFAULTSORT:...}}`.
    let variable = call.params.is_empty()
        && raw.len() > 3
        && raw
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    let silent = raw.is_empty()
        || raw.contains(':')
        || raw.starts_with('#')
        || variable
        || SILENT.contains(&name)
        || SILENT_PREFIXES.iter().any(|p| name.starts_with(p))
        || name.ends_with(" stub");
    match () {
        _ if silent => Sort::Silent,
        _ if MARKS.iter().any(|(n, _)| *n == name) => MARKS
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(Sort::Silent, |(_, m)| Sort::Mark(m)),
        _ if DATES.contains(&name) => Sort::Date,
        _ if name.starts_with("cite ") || name == "citation" => Sort::Citation,
        _ if name.contains("quot") => Sort::Quote,
        _ if NOTES.contains(&name) => Sort::Note,
        _ if name == "lang" || name.starts_with("lang ") => Sort::Lang,
        _ if name.starts_with("infobox") || name.ends_with("infobox") => Sort::Infobox,
        _ => Sort::Other,
    }
}

/// The date a date template shows, from its positional values (year, month, day) and
/// whether it is written day first (`df=y`): "April 5, 2385", "5 April 2385",
/// "April 2385", "2385". `None` unless they are numbers that make a date.
pub(super) fn date(numbers: &[&str], day_first: bool) -> Option<String> {
    let number = |s: &str| {
        let s = s.trim();
        (!s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let year = number(numbers.first()?)?;
    let month = match numbers.get(1) {
        Some(m) => Some(number(m).filter(|m| (1..=12).contains(m))?),
        None => None,
    };
    let day = match numbers.get(2) {
        Some(d) => Some(number(d).filter(|d| (1..=31).contains(d))?),
        None => None,
    };
    Some(match (month, day) {
        (Some(m), Some(d)) if day_first => format!("{d} {} {year}", MONTHS[m as usize - 1]),
        (Some(m), Some(d)) => format!("{} {d}, {year}", MONTHS[m as usize - 1]),
        (Some(m), None) => format!("{} {year}", MONTHS[m as usize - 1]),
        _ => year.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::super::templates::call;
    use super::super::tree::{self, Node};
    use super::*;

    fn sort_of(t: &str) -> Sort {
        let tr = tree::build(t);
        let Node::Braces { span, children, .. } = &tr.nodes[0] else {
            panic!("{t}");
        };
        sort(&call(t, span, children))
    }

    #[test]
    fn sorts_by_name() {
        assert_eq!(sort_of("{{#if:x|y}}"), Sort::Silent);
        assert_eq!(sort_of("{{PAGENAME}}"), Sort::Silent);
        assert_eq!(sort_of("{{DEFAULTSORT:Mars}}"), Sort::Silent);
        assert_eq!(sort_of("{{sfn|Doe|2385}}"), Sort::Silent);
        assert_eq!(sort_of("{{'}}"), Sort::Mark("'"));
        assert_eq!(sort_of("{{Start date|2385|4|5}}"), Sort::Date);
        assert_eq!(sort_of("{{Template:Cite episode|title=x}}"), Sort::Citation);
        assert_eq!(sort_of("{{Quote box|x}}"), Sort::Quote);
        assert_eq!(sort_of("{{efn|x}}"), Sort::Note);
        assert_eq!(sort_of("{{lang-fr|x}}"), Sort::Lang);
        assert_eq!(sort_of("{{Infobox event}}"), Sort::Infobox);
        assert_eq!(sort_of("{{USS|Verity}}"), Sort::Other);
    }

    #[test]
    fn dates_from_numbers() {
        assert_eq!(
            date(&["2385", "4", "5"], false).as_deref(),
            Some("April 5, 2385")
        );
        assert_eq!(
            date(&["2385", "04", "05"], true).as_deref(),
            Some("5 April 2385")
        );
        assert_eq!(date(&["2385", "4"], false).as_deref(), Some("April 2385"));
        assert_eq!(date(&["2385"], false).as_deref(), Some("2385"));
        assert_eq!(date(&["2385", "13"], false), None);
        assert_eq!(date(&["April"], false), None);
    }
}
