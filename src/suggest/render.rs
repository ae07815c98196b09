//! Writing a draft as pack TOML: a header, then entities, works, facts and the names
//! already known, each entry under comments giving its counts and first places.

use std::fmt::Write;

use crate::suggest::{Draft, Entry};

/// The widest a comment line grows before it wraps.
const WIDTH: usize = 88;

/// The draft as pack TOML.
pub(crate) fn render(draft: &Draft) -> String {
    let mut out = String::new();
    let files = if draft.files == 1 { "file" } else { "files" };
    comment(
        &mut out,
        &format!(
            "A draft canon pack, written by `canonlint canon suggest` from {} {files}. \
             Edit it before you rely on it: every name written often is listed, whatever \
             it is, and every kind is a guess.",
            draft.files
        ),
    );
    out.push('\n');
    out.push_str("[pack]\n");
    let _ = writeln!(out, "name = {}", quote(&draft.name));
    let _ = writeln!(
        out,
        "description = {}",
        quote(&format!(
            "Drafted by canonlint from {} {files}.",
            draft.files
        ))
    );
    if !draft.entities.is_empty() {
        section(&mut out, "entities");
    }
    for e in &draft.entities {
        entity(&mut out, e);
    }
    if !draft.works.is_empty() {
        section(&mut out, "works");
    }
    for w in &draft.works {
        work(&mut out, w);
    }
    if !draft.facts.is_empty() {
        section(&mut out, "facts");
        comment(
            &mut out,
            "Figures and dates the corpus states about entities of the loaded packs. They \
             are commented out because this draft does not define those entities: move \
             each into the pack named, or uncomment it where both packs are loaded.",
        );
    }
    for f in &draft.facts {
        out.push('\n');
        for c in &f.comments {
            comment(&mut out, c);
        }
        if let Some(keys) = &f.keys {
            let _ = writeln!(out, "# (subject from pack `{}`)", f.pack);
            out.push_str("# [[fact]]\n");
            let _ = writeln!(out, "# subject = {}", quote(&f.subject));
            let _ = writeln!(out, "# measure = {}", quote(&f.measure));
            for k in keys {
                let _ = writeln!(out, "# {k}");
            }
        }
    }
    if !draft.known.is_empty() {
        section(&mut out, "known");
        let list: Vec<String> = draft.known.iter().map(|k| quote(k)).collect();
        comment(
            &mut out,
            &format!(
                "The loaded packs already know these, so they are not suggested again: {}.",
                list.join(", ")
            ),
        );
    }
    out
}

fn entity(out: &mut String, e: &Entry) {
    out.push('\n');
    for c in &e.comments {
        comment(out, c);
    }
    out.push_str("[[entity]]\n");
    let _ = writeln!(out, "id = {}", quote(&e.id));
    out.push_str("kind = \"thing\" # kind: check this\n");
    let _ = writeln!(out, "name = {}", quote(&e.name));
    if !e.variants.is_empty() {
        let list: Vec<String> = e.variants.iter().map(|v| quote(v)).collect();
        let _ = writeln!(out, "misspellings = [{}]", list.join(", "));
    }
}

fn work(out: &mut String, w: &Entry) {
    out.push('\n');
    for c in &w.comments {
        comment(out, c);
    }
    if !w.variants.is_empty() {
        let list: Vec<String> = w.variants.iter().map(|v| quote(v)).collect();
        comment(
            out,
            &format!(
                "also written {}: correct it in the text, since a work has no \
                 misspellings and `corpus-title` leaves the titles a pack lists to the \
                 `title` check",
                list.join(", ")
            ),
        );
    }
    out.push_str("[[work]]\n");
    let _ = writeln!(out, "title = {}", quote(&w.name));
}

/// A section rule: `# ---- entities`.
fn section(out: &mut String, name: &str) {
    let _ = write!(out, "\n# {} {name}\n", "-".repeat(WIDTH - 3 - name.len()));
}

/// `text` as `#` comment lines wrapped at `WIDTH`; continuation lines indented.
fn comment(out: &mut String, text: &str) {
    let mut line = String::from("#");
    let mut empty = true;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        if !empty && line.len() + 1 + word.len() > WIDTH {
            out.push_str(&line);
            out.push('\n');
            line = String::from("#  ");
        }
        line.push(' ');
        line.push_str(word);
        empty = false;
    }
    out.push_str(&line);
    out.push('\n');
}

/// A TOML basic string.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_and_comments_wrap() {
        assert_eq!(quote("a \"b\" \\ c\u{1}"), "\"a \\\"b\\\" \\\\ c\\u0001\"");
        let mut out = String::new();
        comment(&mut out, &"word ".repeat(30));
        assert!(out.lines().all(|l| l.len() <= WIDTH && l.starts_with('#')));
        assert!(
            out.lines()
                .nth(1)
                .is_some_and(|l| l.starts_with("#   word"))
        );
    }
}
