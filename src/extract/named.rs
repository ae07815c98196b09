//! Corpus subjects: a figure or date about something no pack knows, named close to it.
//!
//! A figure or date that no pack entity is found for may still be about a proper-noun
//! phrase (as `proper` finds them) named beside it in its sentence: "the fleet of Vance
//! numbered forty ships". Precision comes first, so the phrase is its subject only when
//! it is the one name within reach of the claim in the sentence, a few tokens away, with
//! no figure or word of time between (the rules `subject` uses for entities), when no name
//! a pack knows stands within reach, and never when it is a single word that only opens
//! the sentence. A date is only given a name that reads as an event's ("Siege of
//! Harrowgate": a name with "of" inside), since a person or street beside a date is
//! seldom what the date is of.

use std::ops::Range;

use crate::extract::block::BlockText;
use crate::extract::proper::Seen;
use crate::extract::subject::{FIGURE_REACH, close, gap, time_between};
use crate::extract::{Claim, ClaimKind};

/// A claim's corpus subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    /// The claim's start (a prose offset), which identifies it.
    pub claim: usize,
    /// The name as written.
    pub form: String,
    /// Whether its first word opens the sentence (and may be a common word): the name
    /// then counts only if that word is never written in lower case in the file.
    pub opens: bool,
}

/// Finds the corpus subject of every measured figure and date among `claims` that has
/// no pack subject. `names` are the block's proper-noun phrases.
pub fn attach(text: &BlockText, names: &[Seen], claims: &[Claim], out: &mut Vec<Named>) {
    if names.is_empty() || text.tokens.is_empty() {
        return;
    }
    for claim in claims {
        let date = match &claim.kind {
            ClaimKind::Figure(f) if f.measure.is_some() && f.subject.is_none() => false,
            ClaimKind::Date(d) if d.subject.is_none() => true,
            _ => continue,
        };
        if let Some(name) = subject_of(text, names, &claim.span, date) {
            out.push(Named {
                claim: claim.span.start,
                form: name.form.clone(),
                opens: name.rest.is_some(),
            });
        }
    }
}

/// The one name that may be the subject of the claim at `span`.
fn subject_of<'a>(
    text: &BlockText,
    names: &'a [Seen],
    span: &Range<usize>,
    date: bool,
) -> Option<&'a Seen> {
    let token = text
        .token_from(span.start)
        .min(text.tokens.len().saturating_sub(1));
    let sentence = &text.sentences[text.sentence_of(token)];
    let sentence_span =
        text.tokens[sentence.start].span.start..text.tokens[sentence.end - 1].span.end;
    let outside = |s: &Range<usize>| s.end <= span.start || s.start >= span.end;
    let within = |s: &Range<usize>| {
        s.start >= sentence_span.start
            && s.end <= sentence_span.end
            && outside(s)
            && gap(text, span, s) <= FIGURE_REACH + 2
    };
    // A name a pack knows within reach: the pack's rules decided, and they found none.
    if text.mentions.iter().any(|m| within(&m.span)) {
        return None;
    }
    let mut near = names.iter().filter(|n| within(&n.span));
    let (name, None) = (near.next()?, near.next()) else {
        return None;
    };
    let single_opener = name.rest.is_some() && !name.form.contains(' ');
    let eventlike = name.form.contains(" of ");
    if single_opener
        || (date && (!eventlike || name.span.start > span.start))
        || !close(text, span, &name.span)
        || time_between(text, span, &name.span)
    {
        return None;
    }
    Some(name)
}

/// The key a corpus subject is grouped by: lower case, without spaces, hyphens and
/// apostrophes, so that "Harrowgate Keep" and "Harrowgate-keep" meet.
pub fn key(form: &str) -> String {
    form.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\'' | '\u{2019}'))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract_all;
    use crate::source::{Document, Format};

    /// The corpus subject of each claim that has one, as (claim text, name).
    fn named(text: &str) -> Vec<(String, String)> {
        let canon = crate::pack::load_named(&[], std::path::Path::new(".")).unwrap();
        let doc = Document::new(Format::Markdown, text.to_string());
        let (claims, proper) = extract_all(&doc, &canon);
        proper
            .subjects
            .iter()
            .map(|n| {
                let claim = claims.iter().find(|c| c.span.start == n.claim).unwrap();
                (doc.prose[claim.span.clone()].to_string(), n.form.clone())
            })
            .collect()
    }

    #[test]
    fn the_one_name_beside_a_figure_is_its_subject() {
        assert_eq!(
            named("The Siege of Harrowgate killed 1,200 people."),
            [("1,200".to_string(), "Siege of Harrowgate".to_string())]
        );
        assert_eq!(
            named("In the end 300 died at Harrowgate Keep."),
            [("300".to_string(), "Harrowgate Keep".to_string())]
        );
    }

    #[test]
    fn two_names_a_figure_between_or_a_word_of_time_give_none() {
        assert!(named("Between Harrowgate Keep and Tarrow Mill 300 died.").is_empty());
        assert!(named("The Siege of Harrowgate came before the raid that killed 300.").is_empty());
        assert!(named("The Siege of Harrowgate lasted 40 days and killed 300.").is_empty());
    }

    #[test]
    fn a_lone_opening_word_is_no_name_and_dates_need_an_event() {
        assert!(named("Fortunately 300 survived and 20 died.").is_empty());
        assert!(named("Vance sailed on 3 March 1204.").is_empty());
        assert_eq!(
            named("The Siege of Harrowgate began on 3 March 1204."),
            [(
                "3 March 1204".to_string(),
                "Siege of Harrowgate".to_string()
            )]
        );
    }

    #[test]
    fn keys_ignore_case_spaces_hyphens_and_apostrophes() {
        assert_eq!(key("Harrowgate Keep"), key("Harrowgate-keep"));
        assert_eq!(key("O'Brien Hall"), "obrienhall");
    }
}
