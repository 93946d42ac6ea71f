//! Cue frames: for each cue in a clause, who is speaking and which words are reported.
//!
//! Four frames, tried in order:
//! - `According to X, …` / `…, according to X.`
//! - subject before the cue, content after: `A U.S. official said in a court filing that …`,
//!   `X told Y that …`, `Ortega said: “…”`;
//! - content before, subject and cue after: `…, Ortega said.`, `“…,” Leavitt said in a statement.`;
//! - content before, inverted cue and subject: `“…,” said Salvadoran lawyer Jaime Ortega.`;
//! - a participle after a comma takes the clause's subject: `Rubio hailed the deal, saying …`.
//!
//! A frame's content may hold quotation runs; `direct` turns those into direct or mixed quotes
//! and the rest, when the cue takes reported speech, into indirect quotes. Hands on [`Frame`]s.

use super::cues::{Cue, CueClass};
use super::speaker::{appositive_after, np_right, subject_before, Found, PRONOUNS};
use super::tokens::{Clause, Tok};
use crate::span::Span;

/// A cue with its speaker phrase and the span of what it reports.
#[derive(Debug, Clone)]
pub(crate) struct Frame {
    pub cue: Span,
    pub class: CueClass,
    pub speaker: Option<Found>,
    /// The reported words (may contain quotation marks); never empty.
    pub content: Span,
    /// A parenthetical tag inside the content (`…, he said, …`): its words are not content.
    pub aside: Option<Span>,
}

/// Whether the words after a clause-final cue, up to the next comma, are only its
/// circumstances (`said on Monday`, `said in a statement`, `tells Breitbart News`), not content.
fn short_tail(toks: &[Tok], from: usize, tell_like: bool) -> bool {
    const BREAKS: &[&str] = &[",", ".", "!", "?", ";", "after", "when", "as", "because", "while", "before", "since", "but", "and", "amid", "despite"];
    const OPENERS: &[&str] = &[
        "in", "on", "at", "to", "during", "last", "this", "earlier", "later", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "yesterday", "today", "of", "by", "via", "from", "with",
        "out", "afterward", "afterwards", "recently", "previously", "privately", "publicly", "then", "again",
        "too", "also", "repeatedly", "separately", "through", "over", "under", "about", "told", "adding",
    ];
    let rest: Vec<&Tok> =
        toks[from..].iter().take_while(|t| !BREAKS.contains(&t.lower.as_str())).filter(|t| t.is_word || t.quoted).collect();
    // `said, “…”` / `said: “…”`: the quotation after the cue is the content.
    if toks.get(from).is_some_and(|t| t.is(",") || t.is(":")) && toks.get(from + 2).is_some_and(|t| t.quoted) {
        return false;
    }
    let Some(first) = rest.first() else { return true };
    rest.len() <= 12
        && !rest.iter().any(|t| t.is("that") || t.quoted)
        && (tell_like || OPENERS.contains(&first.lower.as_str()) || first.lower.ends_with("ly"))
}

/// The span of `toks[a..b]` with surrounding punctuation and marks dropped; `None` if no words.
fn words_span(toks: &[Tok], a: usize, b: usize) -> Option<Span> {
    let slice = toks.get(a..b)?;
    let first = slice.iter().position(|t| t.is_word || t.quoted)?;
    let last = slice.iter().rposition(|t| t.is_word || t.quoted)?;
    // Keep a closing `.`/`?`/`!` off the indirect content but keep everything quoted inside.
    Some(Span::new(slice[first].span.start, slice[last].span.end))
}

/// Whether the token before index `k` ends a stretch of reported content (`,`, a closing mark).
fn after_content(toks: &[Tok], k: usize) -> bool {
    k > 0 && {
        let p = &toks[k - 1];
        !p.is_word && matches!(p.lower.as_str(), "," | "”" | "\"" | "»" | "’" | "'" | "—" | "–" | ":" | "." | "?" | "!")
    }
}

/// Index of a `that` opening the content within a few tokens after `from`, with no punctuation
/// in between (`said in a court filing that …`, `told an El Faro journalist that …`).
fn that_after(toks: &[Tok], from: usize) -> Option<usize> {
    (from..toks.len().min(from + 12)).take_while(|&k| toks[k].is_word && !toks[k].quoted).find(|&k| toks[k].is("that"))
}

/// The content start after a cue ending at token `last`.
fn content_start(toks: &[Tok], last: usize, class: CueClass, tell_like: bool) -> Option<usize> {
    let from = last + 1;
    if let Some(k) = that_after(toks, from) {
        return Some(k + 1);
    }
    if class == CueClass::Belief {
        return None;
    }
    let mut k = from;
    if tell_like {
        if let Some((_, l)) = np_right(toks, k) {
            k = l + 1;
        }
    }
    // `said: “…”`, `said, “…”`
    while k < toks.len() && matches!(toks[k].lower.as_str(), ":" | "," | "—") {
        k += 1;
    }
    Some(k)
}

/// The frame of `cue` in `clause`, if the words around it make it one.
pub(crate) fn frame(clause: &Clause, cue: Cue) -> Option<Frame> {
    let toks = &clause.toks;
    let cue_span = Span::new(toks[cue.first].span.start, toks[cue.last].span.end);
    let end = toks.len();
    let make = |speaker: Option<Found>, a: usize, b: usize| {
        words_span(toks, a, b).map(|content| Frame { cue: cue_span, class: cue.class, speaker, content, aside: None })
    };
    if cue.class == CueClass::Colon {
        // `She then addressed the supporters again: “…”`: the clause's subject speaks.
        let lead = toks.iter().position(|t| t.is_word && !matches!(t.lower.as_str(), "but" | "and" | "so" | "still" | "yet" | "then"))?;
        let (first, last) = np_right(toks, lead)?;
        // A verb must sit between the subject and the colon (not a headline `NAME: “…”`).
        let verb_between = toks.get(last + 1).is_some_and(|t| t.is_word && !t.cap) && last + 1 < cue.first;
        if last >= cue.first || !toks[first].is_word || !verb_between || toks[first].span.start == toks[last].span.start && toks[first].lower.len() < 2 {
            return None;
        }
        return make(Some(Found { first, last, appositive: None }), cue.last + 1, end);
    }
    if cue.class == CueClass::According {
        let (first, last) = np_right(toks, cue.last + 1)?;
        let speaker = Some(Found { first, last, appositive: None });
        let before_words = toks[..cue.first].iter().filter(|t| t.is_word).count();
        if before_words <= 1 {
            let comma = (last + 1..end).find(|&k| toks[k].is(","))?;
            return make(speaker, comma + 1, end);
        }
        return make(speaker, 0, cue.first);
    }
    let tell_like = matches!(toks[cue.first].lower.as_str(), "told" | "tell" | "tells" | "telling" | "assured" | "warned" | "asked");
    if let Some(subject) = subject_before(toks, cue.first) {
        let start = subject.first;
        let before_words = toks[..start].iter().filter(|t| t.is_word || t.quoted).count();
        if cue.class != CueClass::Belief && before_words >= 3 && after_content(toks, start) && short_tail(toks, cue.last + 1, tell_like) {
            // `For black voters, he said, their “…”`: the tag sits inside the content.
            let tail_end = (cue.last + 1..end).find(|&k| matches!(toks[k].lower.as_str(), "," | "." | "!" | "?" | ";"));
            if let Some(te) = tail_end.filter(|&te| toks[te].is(",")) {
                if toks[te + 1..].iter().filter(|t| t.is_word || t.quoted).count() >= 3 {
                    let aside = Span::new(toks[start - 1].span.start, toks[te].span.end);
                    return make(Some(subject), 0, end).map(|f| Frame { aside: Some(aside), ..f });
                }
            }
            return make(Some(subject), 0, start - 1);
        }
        let k = content_start(toks, cue.last, cue.class, tell_like)?;
        if before_words >= 1 && after_content(toks, start) && toks.get(k).is_some_and(|t| !t.is_word) && k > cue.last + 1 {
            // `“A,” he said, “B.”`: one statement split by its tag.
            let aside = Span::new(toks[start].span.start, toks[k - 1].span.end);
            return make(Some(subject), 0, end).map(|f| Frame { aside: Some(aside), ..f });
        }
        return make(Some(subject), k, end);
    }
    if toks[cue.first].lower.ends_with("ing") && cue.first > 0 && toks[cue.first - 1].is(",") {
        // `Rubio hailed the deal, saying …`: the participle's subject opens the clause.
        let lead = toks.iter().position(|t| t.is_word && !matches!(t.lower.as_str(), "but" | "and" | "so" | "still" | "yet" | "meanwhile"))?;
        let speaker = super::speaker::np_right(toks, lead)
            .filter(|&(_, l)| l < cue.first)
            .map(|(first, last)| Found { first, last, appositive: None });
        let k = content_start(toks, cue.last, cue.class, tell_like)?;
        return make(speaker, k, end);
    }
    if cue.first > 0 && after_content(toks, cue.first) && cue.class == CueClass::Speech && !toks[cue.first].lower.ends_with("ing") {
        // Inverted: `“…,” said Salvadoran lawyer Jaime Ortega, head of …`
        let (first, last) = np_right(toks, cue.last + 1)?;
        if toks[first].is_word && PRONOUNS.contains(&toks[first].lower.as_str()) && first != last {
            return None;
        }
        let appositive = appositive_after(toks, last);
        return make(Some(Found { first, last, appositive }), 0, cue.first - 1);
    }
    None
}

/// `Cruz called them on it:` closing a paragraph introduces the quotation that opens the next
/// one: the cue (the verb, else the colon) and the speaker phrase.
pub(crate) fn lead_in(clause: &Clause) -> Option<(Span, Found)> {
    let toks = &clause.toks;
    let colon = toks.len().checked_sub(1).filter(|&k| toks[k].is(":") && !toks[k].quoted)?;
    for cue in super::cues::find(toks).into_iter().filter(|c| c.class != CueClass::According) {
        if let Some(found) = subject_before(toks, cue.first) {
            return Some((Span::new(toks[cue.first].span.start, toks[cue.last].span.end), found));
        }
    }
    let lead = toks.iter().position(|t| t.is_word && !matches!(t.lower.as_str(), "but" | "and" | "so" | "then"))?;
    let (first, last) = np_right(toks, lead)?;
    let verb_between = toks.get(last + 1).is_some_and(|t| t.is_word && !t.cap) && last + 1 < colon;
    verb_between.then_some((toks[colon].span, Found { first, last, appositive: None }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::{cues, tokens};

    fn frames(text: &str) -> Vec<(String, String, String)> {
        let para = [(0, Span::new(0, text.len()))];
        let runs = crate::quotes::marks::find_runs(text, &para);
        let mut out = Vec::new();
        for c in tokens::clauses(text, &para, &runs) {
            for cue in cues::find(&c.toks) {
                if let Some(f) = frame(&c, cue) {
                    let sp = f.speaker.map_or(String::new(), |s| {
                        text[c.toks[s.first].span.start..c.toks[s.last].span.end].to_string()
                    });
                    out.push((f.cue.text(text).to_string(), sp, f.content.text(text).to_string()));
                }
            }
        }
        out
    }

    fn triple(a: &str, b: &str, c: &str) -> (String, String, String) {
        (a.to_string(), b.to_string(), c.to_string())
    }

    #[test]
    fn subject_cue_that_clause() {
        assert_eq!(
            frames("A U.S. official said in a court filing that many of those 137 have no U.S. convictions."),
            vec![triple("said", "A U.S. official", "many of those 137 have no U.S. convictions")]
        );
    }

    #[test]
    fn content_then_subject_and_cue() {
        assert_eq!(
            frames("A lawsuit has been presented to the court, Ortega said."),
            vec![triple("said", "Ortega", "A lawsuit has been presented to the court")]
        );
    }

    #[test]
    fn according_to_leading_and_trailing() {
        assert_eq!(
            frames("According to NGO Cristosal, the facility prohibits visitation."),
            vec![triple("According to", "NGO Cristosal", "the facility prohibits visitation")]
        );
        assert_eq!(
            frames("The US will pay $6mn, according to reports."),
            vec![triple("according to", "reports", "The US will pay $6mn")]
        );
    }

    #[test]
    fn told_object_that() {
        assert_eq!(
            frames("One political prisoner told an El Faro journalist that he paid $30,000."),
            vec![triple("told", "One political prisoner", "he paid $30,000")]
        );
    }
}
