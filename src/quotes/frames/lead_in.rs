//! A paragraph-final `X said:` that introduces the quotation opening the next paragraph.

use crate::quotes::cues;
use crate::quotes::lexicon::CueType;
use crate::quotes::speaker::{np_right, subject_before, Found};
use crate::quotes::tokens::Clause;
use crate::span::Span;

/// `Cruz called them on it:` closing a paragraph introduces the quotation that opens the next
/// one: the cue (the verb, else the colon) and the speaker phrase.
pub(crate) fn lead_in(clause: &Clause) -> Option<(Span, Found)> {
    let toks = &clause.toks;
    let colon = toks.len().checked_sub(1).filter(|&k| toks[k].is(":") && !toks[k].quoted)?;
    for cue in cues::find(toks).into_iter().filter(|c| c.class != CueType::According) {
        if let Some(found) = subject_before(toks, cue.first) {
            return Some((Span::new(toks[cue.first].span.start, toks[cue.last].span.end), found));
        }
    }
    let lead = toks.iter().position(|t| t.is_word && !matches!(t.lower.as_str(), "but" | "and" | "so" | "then"))?;
    let (first, last) = np_right(toks, lead)?;
    let verb_between = toks.get(last + 1).is_some_and(|t| t.is_word && !t.cap) && last + 1 < colon;
    verb_between.then_some((toks[colon].span, Found { first, last, appositive: None }))
}
