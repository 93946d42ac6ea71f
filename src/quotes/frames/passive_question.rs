//! A passive question with no named asker: `Asked whether …`, `When asked if …`.

use super::{words_span, OPENERS};
use crate::quotes::tokens::Clause;
use crate::span::Span;

/// The question's `whether`/`if`/wh-word comes within this many tokens of `asked`, after only
/// circumstances.
const QUESTION_WINDOW: usize = 10;

/// A passive `asked` with its question (`Asked on Monday whether Mr. Clinton would hold a
/// cabinet position, …`, `When asked whether …`): the asker is unnamed, so the
/// attribution has no source. Returns the cue and the question, from its `whether`/`if`/wh-word
/// up to the next comma.
pub(crate) fn passive_question(clause: &Clause) -> Option<(Span, Span)> {
    let toks = &clause.toks;
    let cue = toks.iter().position(|t| t.is("asked") && !t.quoted)?;
    let passive = cue == 0
        || (cue >= 1
            && matches!(
                toks[cue - 1].lower.as_str(),
                "when" | "was" | "were" | "is" | "are" | "being" | "been" | "," | "after" | "if"
            ));
    if !passive {
        return None;
    }
    // Only circumstances (`on Monday`, `by a reporter`, `during a January debate`) before the question.
    let wh = (cue + 1..toks.len().min(cue + QUESTION_WINDOW))
        .take_while(|&k| toks[k].is_word && !toks[k].quoted)
        .find(|&k| {
            matches!(
                toks[k].lower.as_str(),
                "whether" | "if" | "why" | "who" | "what" | "how" | "when" | "where" | "about"
            )
        })?;
    // `asked by a reporter`: the asker is named after all; left to the frames.
    if wh > cue + 1 && (!OPENERS.contains(&toks[cue + 1].lower.as_str()) || toks[cue + 1].is("by")) {
        return None;
    }
    // Clauses run on past abbreviations (`Mr.`), so only a comma, `;` or `?` ends the question.
    let end = (wh..toks.len())
        .find(|&k| !toks[k].quoted && matches!(toks[k].lower.as_str(), "," | ";" | "?"))
        .unwrap_or(toks.len());
    let content = words_span(toks, wh, end)?;
    (end - wh >= 3).then_some((toks[cue].span, content))
}
