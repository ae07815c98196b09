//! How the tree reads braces and brackets: `{{` and `{{{` runs matched as MediaWiki
//! matches them, `[[` links and `[url ...]` external links.

use super::{Builder, Kind, Node, Step};
use crate::source::wikitext::lex;

/// The longest brace run read as braces; the braces before them are text.
const MAX_BRACES: usize = 5;

impl Builder<'_> {
    pub(super) fn open_braces(&mut self, i: usize, limit: usize) -> Step {
        let n = lex::run_of('{')(&self.text[i..limit]).map_or(1, |(_, n)| n);
        if n < 2 || !self.room() {
            return Step::Text(n);
        }
        let start = i + n.saturating_sub(MAX_BRACES);
        self.open(
            Kind::Braces(n.min(MAX_BRACES)),
            start..i + n,
            Node::Text(start..i + n),
            limit,
        );
        Step::Took(i + n)
    }

    /// Closes braces as MediaWiki does: three when both sides have three, else two, the
    /// innermost (rightmost) opening braces first.
    pub(super) fn close_braces(&mut self, i: usize, limit: usize) -> Step {
        let m = lex::run_of('}')(&self.text[i..limit]).map_or(1, |(_, n)| n);
        let mut pos = i;
        let mut left = m;
        while left >= 2 {
            let Some(k) = self.hard_top() else { break };
            let Kind::Braces(count) = self.frames[k].kind else {
                break;
            };
            let matched = if count.min(left) >= 3 { 3 } else { 2 };
            if count < 2 {
                break;
            }
            self.flush(pos);
            self.frames.truncate(k + 1);
            let frame = &mut self.frames[k];
            let inner_open = frame.open.end - matched;
            let children = self.out.split_off(frame.at + 1);
            let node = Node::Braces {
                span: inner_open..pos + matched,
                arg: matched == 3,
                children,
            };
            let rest = count - matched;
            if rest >= 2 {
                frame.kind = Kind::Braces(rest);
                frame.open.end = inner_open;
                self.out[frame.at] = Node::Text(frame.open.clone());
            } else {
                let at = frame.at;
                let open_start = frame.open.start;
                self.frames.pop();
                self.out.truncate(at);
                if rest == 1 {
                    self.out.push(Node::Text(open_start..open_start + 1));
                }
            }
            self.out.push(node);
            pos += matched;
            left -= matched;
            self.text_start = pos;
        }
        if pos == i {
            Step::Text(m)
        } else {
            Step::Took(pos)
        }
    }

    pub(super) fn open_bracket(&mut self, i: usize, limit: usize) -> Step {
        let hay = &self.text[i..limit];
        let opens = hay.starts_with("[[") || lex::url(&hay[1..]).is_ok();
        if !opens || !self.room() {
            return Step::Text(1);
        }
        if hay.starts_with("[[") {
            self.open(Kind::Link, i..i + 2, Node::Text(i..i + 2), limit);
            return Step::Took(i + 2);
        }
        if lex::url(&hay[1..]).is_ok() {
            self.open(Kind::ExtLink, i..i + 1, Node::Text(i..i + 1), limit);
            return Step::Took(i + 1);
        }
        Step::Text(1)
    }

    pub(super) fn close_bracket(&mut self, i: usize) -> Step {
        // An external link closes at its first `]`, past elements left open in it.
        let ext = self
            .frames
            .iter()
            .rev()
            .take_while(|f| f.soft())
            .position(|f| f.kind == Kind::ExtLink);
        if let Some(p) = ext {
            self.flush(i);
            self.close(self.frames.len() - 1 - p, i + 1);
            return Step::Took(i + 1);
        }
        let link = self
            .hard_top()
            .filter(|&k| self.frames[k].kind == Kind::Link);
        match link {
            Some(k) if self.text[i..].starts_with("]]") => {
                self.flush(i);
                self.close(k, i + 2);
                Step::Took(i + 2)
            }
            _ => Step::Text(1),
        }
    }
}
