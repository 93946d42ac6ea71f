//! `According to X, …`, `…, according to X, …` and `…, according to X.`: the phrase after
//! `according to` is the source (documents and polls too).

use super::content::skip_source_aside;
use super::{Frame, MIN_WORDS};
use crate::quotes::cues::Cue;
use crate::quotes::speaker::{np_right_source, Found};
use crate::quotes::tokens::Tok;
use crate::span::Span;

/// `According to X, …` (or `According to X: “…”`), `…, according to X, …` as an aside, and
/// `…, according to X.` closing its content.
pub(super) fn according_frame(toks: &[Tok], cue: Cue) -> Option<Frame> {
    let end = toks.len();
    let (first, last) = np_right_source(toks, cue.last + 1)?;
    let speaker = Some(Found { first, last, appositive: None });
    let before_words = toks[..cue.first].iter().filter(|t| t.is_word).count();
    let comma = (last + 1..end).find(|&k| toks[k].is(","));
    if before_words <= 1 {
        // `According to HuffPo: “…”`
        let colon = (last + 1..end).find(|&k| toks[k].is(":")).filter(|&k| k == last + 1);
        let k = skip_source_aside(toks, comma.or(colon)? + 1);
        return Frame::new(toks, cue, speaker, k, end);
    }
    let words_after = |c: usize| toks[c..].iter().filter(|t| t.is_word || t.quoted).count();
    if let Some(c) = comma.filter(|&c| toks[cue.first - 1].is(",") && words_after(c) >= MIN_WORDS) {
        // `But the next day, according to Roffman, Trump made further demands`: an aside.
        let aside = Span::new(toks[cue.first - 1].span.start, toks[c].span.end);
        return Frame::new(toks, cue, speaker, 0, end).map(|f| f.around(aside));
    }
    Frame::new(toks, cue, speaker, 0, cue.first)
}
