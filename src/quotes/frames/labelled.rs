//! A paragraph opened by a source and a colon, with no reporting verb: headlines (`Graham: …`)
//! and transcript turns (`JAKE TAPPER: …`).

use super::words_span;
use crate::quotes::lexicon::class_of;
use crate::quotes::speaker::{name_word, Found};
use crate::quotes::tokens::{Clause, Tok};
use crate::span::Span;

/// The label's colon comes within this many tokens of the paragraph's start.
const LABEL_COLON_WINDOW: usize = 12;
/// A source name before the colon has at most this many tokens (`Rep. Trey Gowdy`).
const MAX_NAME_TOKENS: usize = 6;
/// Fewer words after the colon are a list's label or a slogan (`Cruz: Just hang on`).
const MIN_CONTENT_WORDS: usize = 4;
/// This many commas after the colon make a list of names (`Iowa: Tim Albrecht, Brad Anderson, …`).
const LIST_COMMAS: usize = 4;

/// Words that label a paragraph with a colon without naming a source (`Sources: …`,
/// `Inside CECOT: …`, `Update: …`).
const NOT_SOURCES: &[&str] = &[
    "sources",
    "source",
    "inside",
    "update",
    "updated",
    "watch",
    "related",
    "photos",
    "photo",
    "video",
    "read",
    "listen",
    "breaking",
    "exclusive",
    "opinion",
    "analysis",
    "note",
    "editor",
    "correction",
    "see",
    "also",
    "here",
    "now",
    "why",
    "how",
    "what",
    "when",
    "where",
    "who",
    "bottom",
    "answer",
    "question",
    "fact",
    "first",
    "background",
    "follow",
    "contact",
    "email",
    "twitter",
    "facebook",
    "disclosure",
    "fix",
    "warning",
    "latest",
    "contributing",
    "wow",
    "look",
    "boom",
    "bombshell",
    "busted",
    "paid",
    "delegate",
    "q",
];

/// A paragraph opened by a source name and a colon: a headline (`Graham: Trump’s rhetoric is
/// destroying the GOP`) or a transcript turn (`JAKE TAPPER: Donald Trump released a video`).
/// PolNeAR annotates both as attributions. Returns the colon, the name (one to four capitalised
/// words) and the content after the colon (four words or more). `clause` must open its paragraph.
pub(crate) fn labelled(clause: &Clause) -> Option<(Span, Found, Span)> {
    let toks = &clause.toks;
    let colon = toks.iter().take(LABEL_COLON_WINDOW).position(|t| t.is(":"))?;
    // `Rep. Trey Gowdy (R-S.C.): “…”`: a party tag after the name.
    let name_end = match toks[..colon].iter().position(|t| t.is("(")) {
        Some(p) if toks[colon - 1].is(")") => p,
        _ => colon,
    };
    let name = &toks[..name_end];
    let name_part = |t: &Tok| (name_word(t) || t.is(".")) && !t.quoted;
    let named = !name.is_empty()
        && name.len() <= MAX_NAME_TOKENS
        && name.iter().all(name_part)
        && name_word(&name[name.len() - 1])
        && !NOT_SOURCES.contains(&name[0].lower.as_str())
        && !name.iter().any(|t| class_of(&t.lower).is_some());
    // Three-word slogans after a name are a list's labels (`Cruz: Just hang on`), and a run of
    // commas is a list of names (`Iowa: Tim Albrecht, Brad Anderson, …`).
    let rest = &toks[colon + 1..];
    if !named
        || rest.iter().filter(|t| t.is_word).count() < MIN_CONTENT_WORDS
        || rest.iter().filter(|t| t.is(",")).count() >= LIST_COMMAS
    {
        return None;
    }
    let content = words_span(toks, colon + 1, toks.len())?;
    Some((toks[colon].span, Found { first: 0, last: name_end - 1, appositive: None }, content))
}
