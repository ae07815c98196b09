//! Reading prose for names: each whitespace run made one space (a line break of wrapped
//! prose is a space), a gap that was markup made a barrier (names never match across
//! `*Utopia* Planitia` or a code span), and typographic characters made plain, with a map
//! back to the original bytes.

/// Characters matched as their plain forms.
pub(crate) const NORMALISED: [(char, char); 4] = [
    ('\u{2019}', '\''),
    ('\u{2018}', '\''),
    ('\u{2010}', '-'),
    ('\u{2011}', '-'),
];

/// Stands for a gap that was markup: not a space, not a letter.
const BARRIER: char = '\u{1}';

/// The prose with each whitespace run made one space (or a barrier where the original
/// had markup there) and typographic characters made plain, and for each of its bytes (and
/// its end) the byte it comes from.
pub(crate) fn squeeze(text: &str, original: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    // The start of the whitespace run being read, and whether any of it was markup.
    let mut run: Option<(usize, bool)> = None;
    let real_space =
        |i: usize| original.is_char_boundary(i) && original[i..].starts_with(char::is_whitespace);
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            let markup = !real_space(i);
            run = Some(match run {
                Some((start, m)) => (start, m || markup),
                None => (i, markup),
            });
            continue;
        }
        if let Some((start, markup)) = run.take() {
            out.push(if markup { BARRIER } else { ' ' });
            map.push(start);
        }
        let c = NORMALISED
            .iter()
            .find(|(from, _)| *from == c)
            .map_or(c, |(_, to)| *to);
        let before = out.len();
        out.push(c);
        map.extend(std::iter::repeat_n(i, out.len() - before));
    }
    if let Some((start, markup)) = run {
        out.push(if markup { BARRIER } else { ' ' });
        map.push(start);
    }
    map.push(text.len());
    (out, map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_runs_become_one_space_and_markup_a_barrier() {
        let (out, map) = squeeze("Utopia\n   Planitia", "Utopia\n   Planitia");
        assert_eq!(out, "Utopia Planitia");
        assert_eq!((map[6], map[7]), (6, 10));
        let (out, _) = squeeze(" Utopia  Planitia", "*Utopia* Planitia");
        assert_eq!(out, format!("{BARRIER}Utopia{BARRIER}Planitia"));
    }

    #[test]
    fn typographic_characters_are_made_plain_with_their_offsets() {
        let text = "R\u{2019}El";
        let (out, map) = squeeze(text, text);
        assert_eq!(out, "R'El");
        assert_eq!(map, [0, 1, 4, 5, 6]);
    }
}
