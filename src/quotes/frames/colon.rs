//! A colon right before a quotation with no reporting verb: `She addressed the supporters: “…”`.

use super::Frame;
use crate::quotes::cues::Cue;
use crate::quotes::speaker::{np_right, Found};
use crate::quotes::tokens::Tok;

/// `She then addressed the supporters again: “…”`: the clause's subject speaks.
pub(super) fn colon_frame(toks: &[Tok], cue: Cue) -> Option<Frame> {
    let lead = toks
        .iter()
        .position(|t| t.is_word && !matches!(t.lower.as_str(), "but" | "and" | "so" | "still" | "yet" | "then"))?;
    let (first, last) = np_right(toks, lead)?;
    // A verb must sit between the subject and the colon (not a headline `NAME: “…”`).
    let verb_between = toks.get(last + 1).is_some_and(|t| t.is_word && !t.cap) && last + 1 < cue.first;
    if last >= cue.first
        || !toks[first].is_word
        || !verb_between
        || toks[first].span.start == toks[last].span.start && toks[first].lower.len() < 2
    {
        return None;
    }
    Frame::new(toks, cue, Some(Found { first, last, appositive: None }), cue.last + 1, toks.len())
}
