//! A noun of saying after its owner: `Trump’s claim that …`, `her remark that …`, `Clinton’s
//! response was: “…”`.

use super::content::cut_coordinated;
use super::Frame;
use crate::quotes::cues::Cue;
use crate::quotes::speaker::{np_left, Found};
use crate::quotes::tokens::Tok;

/// `that` or `:` must follow a noun of saying within this many tokens (`claim that`, `response
/// was:`).
const NOUN_THAT_WINDOW: usize = 3;

/// `Trump’s claim that there have been “thousands of shootings”`: the owner speaks; the
/// content follows `that`, `:` or `was:`.
pub(super) fn noun_frame(toks: &[Tok], cue: Cue) -> Option<Frame> {
    let end = toks.len();
    let owner = cue.first - 1;
    let found = if toks[owner].is_word {
        Found { first: owner, last: owner, appositive: None }
    } else {
        let (first, last) = np_left(toks, owner.checked_sub(1)?)?;
        Found { first, last, appositive: None }
    };
    let k = (cue.last + 1..end.min(cue.last + NOUN_THAT_WINDOW)).find(|&k| toks[k].is("that") || toks[k].is(":"))? + 1;
    Frame::new(toks, cue, Some(found), k, cut_coordinated(toks, k, end))
}
