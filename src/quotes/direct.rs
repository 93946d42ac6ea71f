//! Direct and mixed quotes: which quotation runs are quotations, and how a run sits in its frame.
//!
//! A run is a quotation candidate when it holds at least three words and is not a title
//! (every long word capitalised, no closing punctuation): one- and two-word runs are scare
//! quotes or quoted terms (`“facilitate”`, `"Prison Valley"`). Inside a cue frame, a run is
//! **direct** when the frame's content is nothing but quotation runs (`“…,” said X`,
//! `X said: “…”`) and **mixed** when unquoted words of the paraphrase surround it
//! (`saying it will hold … in “very good jails …”`). Runs with no cue in their clause keep the
//! previous quote's speaker when they open their clause right after it. Hands on decisions to
//! the extractor, which builds the [`super::Quote`]s.

use super::marks::Run;
use super::tokens::{word_count, Clause};
use super::QuoteKind;
use crate::span::Span;

/// Runs of fewer words are terms or scare quotes unless they are a whole statement.
const MIN_QUOTATION_WORDS: usize = 3;

/// Whether a run is quoted speech rather than a scare quote, quoted term or title.
pub(crate) fn is_quotation(text: &str, run: &Run) -> bool {
    let content = run.content.text(text);
    let words: Vec<&str> = content.split_whitespace().collect();
    let ends_sentence = content.trim_end().ends_with(['.', '?', '!', ',', '…', ';', ':']);
    if word_count(text, run.content) < MIN_QUOTATION_WORDS {
        // One or two words are a term or scare quote, unless they are a whole statement that
        // opens a sentence (`“We’re anxious,” said another user`).
        let before = text[..run.open.start].trim_end_matches([' ', '\t']);
        let opens_sentence = before.is_empty() || before.ends_with(['\n', '.', '!', '?']);
        // … or that a speech verb introduces with a comma or colon (`he laughed and said, “We’ll
        // see.”`, `asked: “Really?”`).
        let introduced = before.strip_suffix([',', ':']).is_some_and(|b| {
            let verb: String = b.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("").to_lowercase();
            super::lexicon::is_speech(&verb)
        });
        return (opens_sentence || introduced) && ends_sentence && !content.trim_end().ends_with(':');
    }
    let title_case = words
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || !c.is_alphabetic()));
    !(title_case && !ends_sentence && run.close.is_some())
}

/// Direct when `content` holds no unquoted words of the clause, mixed otherwise.
pub(crate) fn kind_in(clause: &Clause, content: Span, aside: Option<Span>) -> QuoteKind {
    // `But, he said, “…”`: a discourse word before the tag paraphrases nothing.
    const DISCOURSE: &[&str] = &[
        "but",
        "and",
        "so",
        "still",
        "yet",
        "now",
        "then",
        "also",
        "well",
        "however",
        "meanwhile",
        "instead",
        "again",
    ];
    let unquoted = clause.toks.iter().any(|t| {
        t.is_word
            && !t.quoted
            && content.contains(t.span)
            && !aside.is_some_and(|a| a.contains(t.span))
            && !DISCOURSE.contains(&t.lower.as_str())
    });
    if unquoted {
        QuoteKind::Mixed
    } else {
        QuoteKind::Direct
    }
}

/// The paraphrase around mixed quotation runs: the frame content `around`, ended after the last
/// run where the clause goes on with something the writer adds (`…, a charge that …`,
/// `… and said it was …`, `- but he said …`), or stretched over the rest of a noun phrase
/// the runs sit in (`laments a “throwaway culture” in which …`). The end is the first `,`,
/// `;`, `:`, dash, parenthesis or sentence stop after the last run's closing mark, or a
/// coordinator before an unquoted word (`“disgusting” and “a con”` stays whole); never before
/// the last mark.
pub(crate) fn mixed_clause(clause: &Clause, around: Span, runs: &[&Run]) -> Span {
    let Some(last_end) = runs.iter().map(|r| r.close.map_or(r.content.end, |c| c.end)).max() else { return around };
    let first_start = runs.iter().map(|r| r.open.start).min().unwrap_or(around.start);
    let toks = &clause.toks;
    let Some(from) = toks.iter().position(|t| t.span.start >= last_end) else {
        return Span::new(around.start.min(first_start), around.end.max(last_end));
    };
    // `“rigged against him,” a charge that …`: a comma or stop inside the closing mark ends
    // the paraphrase there.
    let last_run = runs.iter().max_by_key(|r| r.content.end);
    if last_run.is_some_and(|r| {
        r.close.is_some()
            && toks.iter().any(|t| t.span.end == r.content.end && matches!(t.lower.as_str(), "," | "." | "!" | "?"))
    }) {
        return Span::new(around.start.min(first_start), last_end);
    }
    let mut end = last_end;
    for (k, t) in toks.iter().enumerate().skip(from) {
        let stop = !t.is_word
            && matches!(t.lower.as_str(), "," | ";" | ":" | "-" | "—" | "–" | "(" | ")" | "." | "!" | "?")
            || t.quoted
            || matches!(
                t.lower.as_str(),
                "as" | "when"
                    | "while"
                    | "after"
                    | "before"
                    | "because"
                    | "since"
                    | "though"
                    | "although"
                    | "until"
                    | "where"
                    | "which"
                    | "who"
                    | "if"
            )
            || (matches!(t.lower.as_str(), "and" | "but" | "or")
                && toks.get(k + 1).is_some_and(|n| n.is_word && !n.quoted));
        if stop {
            break;
        }
        end = t.span.end;
    }
    Span::new(around.start.min(first_start), end.max(last_end))
}

/// Whether `run` opens its clause (only punctuation before it), the shape of a follow-up
/// quotation that keeps the previous speaker.
pub(crate) fn opens_clause(clause: &Clause, run: &Run) -> bool {
    run.continues || !clause.toks.iter().any(|t| t.is_word && !t.quoted && t.span.end <= run.open.start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::{marks, tokens};

    fn setup(text: &str) -> (Vec<Run>, Vec<Clause>) {
        let para = [(0, Span::new(0, text.len()))];
        let runs = marks::find_runs(text, &para);
        let clauses = tokens::clauses(text, &para, &runs);
        (runs, clauses)
    }

    #[test]
    fn scare_quotes_and_titles_are_not_quotations() {
        let (runs, _) =
            setup("It must “facilitate” the return, “Saturday Night Live” and “very good jails at a fair price.”");
        let flags: Vec<bool> = runs
            .iter()
            .map(|r| {
                is_quotation(
                    "It must “facilitate” the return, “Saturday Night Live” and “very good jails at a fair price.”",
                    r,
                )
            })
            .collect();
        assert_eq!(flags, vec![false, false, true]);
    }

    #[test]
    fn direct_when_content_is_only_quoted() {
        let text = "“We will appeal the ruling,” he said.";
        let (runs, clauses) = setup(text);
        let content = Span::new(0, runs[0].close.unwrap().end);
        assert_eq!(kind_in(&clauses[0], content, None), QuoteKind::Direct);
        assert!(opens_clause(&clauses[0], &runs[0]));
    }

    #[test]
    fn mixed_when_paraphrase_surrounds_the_marks() {
        let text = "CECOT has “conditions of torture under the regime,” he said.";
        let (runs, clauses) = setup(text);
        let content = Span::new(0, runs[0].close.unwrap().end);
        assert_eq!(kind_in(&clauses[0], content, None), QuoteKind::Mixed);
        assert!(!opens_clause(&clauses[0], &runs[0]));
    }
}
