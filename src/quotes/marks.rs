//! Quotation-mark pairing: turns the marks of each extracted paragraph into quotation runs.
//!
//! Handles straight (`"`), curly (`“ ”`), low (`„`), guillemet (`« »`) and doubled-apostrophe
//! (`''`, wire copy) double marks, and
//! single marks (`‘ ’`, `'`) only outside double runs and only when they flank words, because
//! `’` is far more often an apostrophe (`’s`, `don’t`, `’90s`). A mark's role comes from its
//! glyph and from what flanks it, so mis-typed marks still pair. A run never crosses a paragraph
//! boundary: an unclosed run ends at the paragraph's end (news style for multi-paragraph
//! quotations, and the recovery for stray marks), and a paragraph that opens with a mark after
//! such a run is flagged as its continuation. Hands on [`Run`]s; which runs are quotes (and
//! not scare quotes or titles) is decided in `direct`.

use crate::span::Span;

/// A stretch of text between quotation marks inside one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Run {
    /// The quoted words, without the marks, trimmed.
    pub content: Span,
    pub open: Span,
    /// `None` when the paragraph ended before a closing mark.
    pub close: Option<Span>,
    pub paragraph: usize,
    /// This run opens its paragraph right after a run left open at the end of the previous one.
    pub continues: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Role {
    Open,
    Close,
    Either,
}

fn flank(prev: Option<char>, next: Option<char>) -> Role {
    let space_before = prev.is_none_or(|c| c.is_whitespace() || "([{—–-/:".contains(c));
    let space_after = next.is_none_or(|c| c.is_whitespace() || ".,;:!?)]}—–-…".contains(c));
    match (space_before, space_after) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        _ => Role::Either,
    }
}

/// All quotation runs of the given `(paragraph index, span)` list, in text order.
pub(crate) fn find_runs(text: &str, paragraphs: &[(usize, Span)]) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut left_open_in: Option<usize> = None;
    for &(pi, pspan) in paragraphs {
        let chars: Vec<(usize, char)> = text[pspan.range()].char_indices().map(|(b, c)| (b + pspan.start, c)).collect();
        let mut open: Option<Span> = None;
        let mut para_runs: Vec<Run> = Vec::new();
        let first_mark = chars.iter().find(|(_, c)| !c.is_whitespace()).map(|&(b, _)| b);
        let mut skip = false;
        for k in 0..chars.len() {
            let (b, c) = chars[k];
            if std::mem::take(&mut skip) {
                continue;
            }
            // Two apostrophes stand for a double mark in some wire copy (`''Quiet,'' he said`).
            let doubled = c == '\'' && chars.get(k + 1).is_some_and(|x| x.1 == '\'');
            if !doubled && !matches!(c, '"' | '“' | '”' | '„' | '«' | '»') {
                continue;
            }
            let width = if doubled { 2 } else { 1 };
            skip = doubled;
            let mark = Span::new(b, b + c.len_utf8() * width);
            let ctx = flank(k.checked_sub(1).map(|p| chars[p].1), chars.get(k + width).map(|x| x.1));
            let glyph = match c {
                '“' | '„' | '«' => Role::Open,
                '”' | '»' => Role::Close,
                _ => Role::Either,
            };
            // Flanking wins over a glyph that contradicts it (scraped text mixes up curly marks).
            let role = if ctx == Role::Either { glyph } else { ctx };
            match open {
                None => {
                    if role != Role::Close || first_mark == Some(b) {
                        open = Some(mark);
                    }
                }
                Some(o) => {
                    if role == Role::Open && glyph != Role::Close {
                        // Two openers in a row: the first was stray, restart here.
                        open = Some(mark);
                    } else {
                        push(&mut para_runs, text, o, Span::new(o.end, b), Some(mark), pi);
                        open = None;
                    }
                }
            }
        }
        if let Some(o) = open {
            push(&mut para_runs, text, o, Span::new(o.end, pspan.end), None, pi);
        }
        let continued = match (left_open_in, para_runs.first_mut()) {
            (Some(prev), Some(first)) if prev + 1 == pi && Some(first.open.start) == first_mark => {
                first.continues = true;
                true
            }
            _ => false,
        };
        if left_open_in.is_some() && !continued {
            // The previous paragraph's unclosed run is not reopened here: its mark was stray.
            if let Some(k) = runs.iter().rposition(|r: &Run| r.close.is_none()) {
                runs.remove(k);
            }
        }
        left_open_in = para_runs.last().filter(|r| r.close.is_none()).map(|_| pi);
        let singles = single_runs(text, &chars, pi, &para_runs);
        para_runs.extend(singles);
        para_runs.sort_by_key(|r| r.open.start);
        runs.extend(para_runs);
    }
    runs
}

fn push(runs: &mut Vec<Run>, text: &str, open: Span, inner: Span, close: Option<Span>, paragraph: usize) {
    let content = inner.trim(text);
    if !content.is_empty() {
        runs.push(Run { content, open, close, paragraph, continues: false });
    }
}

/// Single-mark runs outside double runs; an unclosed single mark is an apostrophe, not a run.
fn single_runs(text: &str, chars: &[(usize, char)], pi: usize, doubles: &[Run]) -> Vec<Run> {
    let mut out = Vec::new();
    let mut open: Option<Span> = None;
    for k in 0..chars.len() {
        let (b, c) = chars[k];
        let doubled = |j: usize| c == '\'' && chars.get(j).is_some_and(|x| x.1 == '\'');
        if !matches!(c, '‘' | '’' | '\'') || doubled(k + 1) || (k > 0 && doubled(k - 1)) {
            continue;
        }
        if doubles.iter().any(|r| r.open.start <= b && r.close.map_or(r.content.end, |s| s.end) > b) {
            continue;
        }
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(k + 1).map(|x| x.1);
        let mark = Span::new(b, b + c.len_utf8());
        let role = flank(prev, next);
        match (open, role) {
            (None, Role::Open) if c != '’' && next.is_some_and(|n| n.is_alphabetic()) => open = Some(mark),
            (Some(o), Role::Close) if !next.is_some_and(|n| n.is_alphanumeric()) => {
                push(&mut out, text, o, Span::new(o.end, b), Some(mark), pi);
                open = None;
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs_of(text: &str) -> Vec<String> {
        let paras = paragraphs(text);
        find_runs(text, &paras).iter().map(|r| r.content.text(text).to_string()).collect()
    }

    fn paragraphs(text: &str) -> Vec<(usize, Span)> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, line) in text.split('\n').enumerate() {
            out.push((i, Span::new(start, start + line.len())));
            start += line.len() + 1;
        }
        out
    }

    #[test]
    fn pairs_curly_straight_and_guillemets() {
        assert_eq!(runs_of("He said “a b c” and \"d e\" and «f g»."), vec!["a b c", "d e", "f g"]);
    }

    #[test]
    fn doubled_apostrophes_are_double_marks() {
        let text = "''It is over,'' he said. ''Quiet.'' Rock and roll.";
        assert_eq!(runs_of(text), vec!["It is over,", "Quiet."]);
        let runs = find_runs(text, &paragraphs(text));
        assert_eq!(runs[0].open, Span::new(0, 2));
        assert_eq!(runs[0].close, Some(Span::new(13, 15)));
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(runs_of("Bukele’s deal, don’t ask, the ’90s and Venezuelans’ case."), Vec::<String>::new());
        assert_eq!(runs_of("The ‘Great friend’ line."), vec!["Great friend"]);
    }

    #[test]
    fn unclosed_run_ends_at_paragraph_and_next_continues() {
        let text = "“First part of it.\n“Second part,” she said.";
        let runs = find_runs(text, &paragraphs(text));
        assert_eq!(runs.len(), 2);
        assert_eq!(runs[0].content.text(text), "First part of it.");
        assert_eq!(runs[0].close, None);
        assert!(runs[1].continues);
        assert_eq!(runs[1].content.text(text), "Second part,");
    }

    #[test]
    fn stray_mark_is_recovered_at_paragraph_end() {
        let text = "An odd \" mark here\nThen “clean quote here,” he said.";
        let runs = find_runs(text, &paragraphs(text));
        assert_eq!(runs.last().unwrap().content.text(text), "clean quote here,");
        assert!(!runs.last().unwrap().continues);
    }
}
