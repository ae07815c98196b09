//! Which template parameters are prose: not those that only style, link or file
//! things (`image`, `style`, `url`, `archive-date`...), nor values that are URLs, file
//! names, styles or switches; dates only in an infobox (elsewhere a date is a
//! maintenance stamp: `{{citation needed|date=May 2024}}`).

use super::lex;

/// Parameters that style, link or file things rather than say them.
pub(super) fn styling(name: &str, infobox: bool) -> bool {
    const NAMES: [&str; 36] = [
        "class",
        "style",
        "width",
        "height",
        "align",
        "valign",
        "colspan",
        "rowspan",
        "alt",
        "url",
        "format",
        "ref",
        "refs",
        "id",
        "doi",
        "isbn",
        "issn",
        "oclc",
        "pmid",
        "page",
        "pages",
        "p",
        "pp",
        "at",
        "bgcolor",
        "color",
        "colour",
        "border",
        "float",
        "child",
        "subbox",
        "embed",
        "nocat",
        "small",
        "signature",
        "df",
    ];
    const SUFFIXES: [&str; 11] = [
        "style", "class", "color", "colour", "width", "height", "size", "url", "upright", " alt",
        " link",
    ];
    const PREFIXES: [&str; 5] = ["image", "logo", "map", "coord", "archive"];
    NAMES.contains(&name)
        || SUFFIXES.iter().any(|s| name.ends_with(s))
        || PREFIXES.iter().any(|p| name.starts_with(p))
        || (!infobox && (name == "date" || name.ends_with(" date")))
}

/// Whether a value shows nothing a reader reads as prose: empty, a URL, a file name, a
/// style, a switch.
pub(super) fn not_prose_value(value: &str) -> bool {
    const FILES: [&str; 14] = [
        ".jpg", ".jpeg", ".png", ".gif", ".svg", ".webp", ".tif", ".tiff", ".ogg", ".ogv", ".webm",
        ".mp3", ".mp4", ".pdf",
    ];
    const SWITCHES: [&str; 14] = [
        "yes", "no", "y", "n", "true", "false", "left", "right", "center", "centre", "none", "on",
        "off", "auto",
    ];
    let v = value.trim().to_lowercase();
    v.is_empty()
        || lex::url(&v).is_ok()
        || v.starts_with("www.")
        || FILES.iter().any(|f| v.ends_with(f))
        || v.starts_with("file:")
        || v.starts_with("image:")
        || (v.contains(':') && v.contains(';'))
        || SWITCHES.contains(&v.as_str())
}

/// Whether a parameter's name reads as a label: words of letters and digits.
pub(super) fn labelish(name: &str) -> bool {
    name.starts_with(|c: char| c.is_alphabetic())
        && name.len() <= 40
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '_' | '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styling_parameters_and_values() {
        assert!(styling("image size", true));
        assert!(styling("archive url", false));
        assert!(styling("date", false) && !styling("date", true));
        assert!(!styling("deaths", false));
        assert!(not_prose_value(" Mars_burning.JPG "));
        assert!(not_prose_value("https://example.org"));
        assert!(not_prose_value("color:red; width:4em"));
        assert!(!not_prose_value("92,000"));
    }

    #[test]
    fn labels_are_words() {
        assert!(labelish("death_toll"));
        assert!(!labelish("1"));
    }
}
