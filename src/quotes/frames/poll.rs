//! A finding reported `in` a poll, the poll as its source: `In an NBC News poll released
//! Monday, 50 percent chose Clinton`.

use super::words_span;
use crate::quotes::speaker::Found;
use crate::quotes::tokens::Clause;
use crate::span::Span;

/// Heads of a phrase naming a poll, the source of `in` attributions.
const POLLS: &[&str] = &["poll", "polls", "survey", "surveys", "polling"];

/// The poll's head noun comes within this many tokens of `in` (`In an NBC News poll`).
const POLL_HEAD_WINDOW: usize = 9;

/// A finding reported `in` a poll: `In an NBC News poll released Monday, 50 percent chose
/// Clinton`. PolNeAR takes `in` as the cue
/// and the poll phrase as the source. Returns the cue, the poll phrase and the finding (three
/// words or more). Only for a clause no reporting verb frames.
pub(crate) fn in_poll(clause: &Clause) -> Option<(Span, Found, Span)> {
    let toks = &clause.toks;
    let open = |k: usize| toks[k].is("in") && !toks[k].quoted;
    let head_within = |k: usize, to: usize| {
        (k + 1..to.min(k + POLL_HEAD_WINDOW)).find(|&h| POLLS.contains(&toks[h].lower.as_str()) && !toks[h].quoted)
    };
    let words = |a: usize, b: usize| toks[a..b].iter().filter(|t| t.is_word).count();
    // Only leading: `finding in … poll` at the end of a clause is right a third of the time on
    // PolNeAR's train split (`he led in polls`).
    if let Some(k) = toks.iter().take(2).position(|t| t.is("in")).filter(|&k| open(k)) {
        let comma = (k + 1..toks.len()).find(|&c| toks[c].is(","))?;
        head_within(k, comma)?;
        if words(comma + 1, toks.len()) < 3 {
            return None;
        }
        let found = Found { first: k + 1, last: comma - 1, appositive: None };
        return Some((toks[k].span, found, words_span(toks, comma + 1, toks.len())?));
    }
    None
}
