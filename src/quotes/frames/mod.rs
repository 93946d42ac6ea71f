//! Cue frames: for each cue in a clause, who is speaking and which words are reported.
//!
//! [`frame`] builds a cue's frame by the cue's class, one file per kind of frame:
//! - [`verb`]: a reporting verb and its subject, wherever it stands: `A U.S. official said in
//!   a court filing that …`, `X told Y that …`, `Ortega said: “…”` (content after);
//!   `…, Ortega said.`, `“…,” said Salvadoran lawyer Jaime Ortega.` (content before); `Rubio
//!   hailed the deal, saying …` (a participle takes the clause's subject); as a last resort the
//!   clause's opening noun phrase (`Ms. Sherry smiled and said, “…”`);
//! - [`according`]: `According to X, …` / `…, according to X.`;
//! - [`noun`]: a noun of saying after its owner: `Trump’s claim that …`, `her remark that …`;
//! - [`colon`]: `She addressed the supporters: “…”`.
//!
//! [`content`] holds what they share: where the reported words start after a cue and where
//! they end. Four attributions PolNeAR annotates without a cue frame are found beside the
//! frames, each in its own file: a paragraph opened by `NAME: …` ([`labelled()`]), a finding `In
//! a … poll, …` ([`in_poll`]), a passive `Asked whether …` with no named asker
//! ([`passive_question()`]) and a paragraph-final `X said:` that introduces the next paragraph's
//! quotation ([`lead_in()`]).
//!
//! A frame's content may hold quotation runs; the extractor turns those into direct or mixed
//! quotes (with `direct`) and the rest, when the cue takes reported speech, into indirect quotes.
//! Hands on [`Frame`]s.

mod according;
mod colon;
mod content;
mod labelled;
mod lead_in;
mod noun;
mod passive_question;
mod poll;
mod verb;

pub(crate) use content::{before_cue, up_to_cue};
pub(crate) use labelled::labelled;
pub(crate) use lead_in::lead_in;
pub(crate) use passive_question::passive_question;
pub(crate) use poll::in_poll;

use super::cues::Cue;
use super::lexicon::CueType;
use super::speaker::Found;
use super::tokens::{Clause, Tok};
use crate::span::Span;

/// Reported content, or a statement going on after its tag, needs this many words.
const MIN_WORDS: usize = 3;

/// A cue with its speaker phrase and the span of what it reports.
#[derive(Debug, Clone)]
pub(crate) struct Frame {
    pub cue: Span,
    pub class: CueType,
    /// The cue is the learned detector's, not the lexicon's.
    pub learned: bool,
    pub speaker: Option<Found>,
    /// The reported words (may contain quotation marks); never empty.
    pub content: Span,
    /// A parenthetical tag inside the content (`…, he said, …`): its words are not content.
    pub aside: Option<Span>,
}

/// Words that open a cue's circumstances (`said on Monday`, `said in a statement`).
const OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "to",
    "during",
    "last",
    "this",
    "earlier",
    "later",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "of",
    "by",
    "via",
    "from",
    "with",
    "out",
    "afterward",
    "afterwards",
    "recently",
    "previously",
    "privately",
    "publicly",
    "then",
    "again",
    "too",
    "also",
    "repeatedly",
    "separately",
    "through",
    "over",
    "under",
    "about",
    "told",
    "adding",
];

/// A dash, however typed (`-`, `--`, `–`, `—`).
fn is_dash(t: &Tok) -> bool {
    matches!(t.lower.as_str(), "-" | "--" | "—" | "–")
}

/// A dateline's dash comes within this many tokens of the clause's start (`LOS ANGELES, Sept.
/// 28 (UPI) —`).
const DATELINE_WINDOW: usize = 9;
/// A fronted time phrase has at most this many tokens before its comma (`Hours later,`).
const TIME_PHRASE_TOKENS: usize = 5;

/// Words that end a fronted time phrase (`Hours later,`, `Last week,`, `On Monday,`).
const TIME_WORDS: &[&str] = &[
    "later",
    "earlier",
    "ago",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "day",
    "days",
    "morning",
    "afternoon",
    "evening",
    "night",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "weekend",
    "time",
    "then",
    "meanwhile",
    "however",
    "instead",
    "also",
    "still",
];

/// The index of the first word of a clause's subject, before token `limit`: past opening
/// conjunctions, a dateline (`WASHINGTON —`), and a fronted phrase ending in a comma that opens
/// with a preposition, subordinator or participle (`In May,`, `Speaking on radio last week,`)
/// or ends in a time word (`Hours later,`).
fn clause_lead(toks: &[Tok], limit: usize) -> Option<usize> {
    let skip = |w: &str| matches!(w, "but" | "and" | "so" | "still" | "yet" | "then" | "meanwhile" | "however" | "let");
    let mut lead = toks.iter().position(|t| t.is_word && !t.quoted && !skip(&t.lower))?;
    // `WASHINGTON —`, `LOS ANGELES, Sept. 28 (UPI) —`: a dateline of capitalised words,
    // numbers and brackets before a dash.
    let dash = (lead..toks.len().min(lead + DATELINE_WINDOW)).find(|&k| is_dash(&toks[k]));
    if let Some(d) = dash.filter(|&d| d > lead && d + 1 < limit) {
        let dateline = toks[lead..d].iter().all(|t| {
            !t.quoted
                && (t.cap
                    || t.lower.chars().all(|c| c.is_ascii_digit())
                    || matches!(t.lower.as_str(), "," | "(" | ")" | "."))
        });
        if dateline {
            lead = (d + 1..limit).find(|&k| toks[k].is_word)?;
        }
    }
    let w = toks[lead].lower.as_str();
    let opener = OPENERS.contains(&w)
        || SUBORDINATORS.contains(&w)
        || matches!(w, "for" | "despite" | "amid" | "following" | "absent" | "like" | "unlike" | "asked")
        || (toks[lead].cap && w.ends_with("ing"));
    let comma = (lead..limit).find(|&c| toks[c].is(",") && !toks[c].quoted);
    let timed = comma.is_some_and(|c| {
        c - lead <= TIME_PHRASE_TOKENS && c > lead && TIME_WORDS.contains(&toks[c - 1].lower.as_str())
    });
    if opener || timed {
        lead = (comma? + 1..limit).find(|&c| toks[c].is_word && !skip(&toks[c].lower))?;
    }
    (lead < limit).then_some(lead)
}

/// Words opening a subordinate clause (`As relatives deny …, battles are fought`).
const SUBORDINATORS: &[&str] = &[
    "as", "while", "although", "though", "because", "since", "if", "when", "after", "before", "whereas", "once",
    "unless",
];

/// The span of `toks[a..b]` with surrounding punctuation and marks dropped; `None` if no words.
fn words_span(toks: &[Tok], a: usize, b: usize) -> Option<Span> {
    let slice = toks.get(a..b)?;
    let mut first = slice.iter().position(|t| t.is_word || t.quoted)?;
    let mut last = slice.iter().rposition(|t| t.is_word || t.quoted)?;
    // Keep a closing `.`/`?`/`!` off the indirect content but keep everything quoted inside,
    // with the quotation marks that close or open it (`the prison system "self-sustainable."`).
    let mark = |t: &Tok| {
        !t.is_word && !t.quoted && matches!(t.lower.as_str(), "”" | "\"" | "’" | "'" | "''" | "»" | "“" | "«" | "‘")
    };
    if slice[last].quoted && slice.get(last + 1).is_some_and(mark) {
        last += 1;
    }
    if slice[first].quoted && first > 0 && mark(&slice[first - 1]) {
        first -= 1;
    }
    Some(Span::new(slice[first].span.start, slice[last].span.end))
}

/// Whether the token before index `k` ends a stretch of reported content (`,`, a closing mark).
fn after_content(toks: &[Tok], k: usize) -> bool {
    k > 0 && {
        let p = &toks[k - 1];
        !p.is_word
            && matches!(p.lower.as_str(), "," | "”" | "\"" | "»" | "’" | "'" | "''" | "—" | "–" | ":" | "." | "?" | "!")
    }
}

impl Frame {
    /// The frame of `cue` with `speaker` and the words of `toks[a..b]` as its content; `None`
    /// when there are no words.
    pub(super) fn new(toks: &[Tok], cue: Cue, speaker: Option<Found>, a: usize, b: usize) -> Option<Frame> {
        let cue_span = Span::new(toks[cue.first].span.start, toks[cue.last].span.end);
        words_span(toks, a, b).map(|content| Frame {
            cue: cue_span,
            class: cue.class,
            learned: cue.learned,
            speaker,
            content,
            aside: None,
        })
    }

    /// The same frame with its tag (`aside`) inside the content.
    pub(super) fn around(self, aside: Span) -> Frame {
        Frame { aside: Some(aside), ..self }
    }
}

/// The frame of `cue` in `clause`, if the words around it make it one.
pub(crate) fn frame(clause: &Clause, cue: Cue) -> Option<Frame> {
    let toks = &clause.toks;
    match cue.class {
        CueType::Noun => noun::noun_frame(toks, cue),
        CueType::Colon => colon::colon_frame(toks, cue),
        CueType::According => according::according_frame(toks, cue),
        _ => verb::verb_frame(toks, cue),
    }
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
    fn content_stops_at_the_writers_own_clause() {
        assert_eq!(
            frames("Cook said Carter stopped the practice, but Cook did not say when.")[0],
            triple("said", "Cook", "Carter stopped the practice")
        );
        // `, but only …`, `;` and dashes stay; quoted words after a cut keep the content going;
        // a second cue of the same subject, a new subject after `but` and a `where` clause end it.
        for (sentence, content) in [
            (
                "Chase said it would come up with her matches, but only in a lighthearted manner.",
                "it would come up with her matches, but only in a lighthearted manner",
            ),
            (
                "Violet said she saw bodies - two sisters and a brother; a family.",
                "she saw bodies - two sisters and a brother; a family",
            ),
            (
                "Cook said Carter stopped, but called it “a mistake of mine.”",
                "Carter stopped, but called it “a mistake of mine.”",
            ),
            (
                "She says people may not like the answer, but insists Sanders is mounting a phony attack.",
                "people may not like the answer",
            ),
            (
                "Islamic State claimed responsibility for the attack but U.S. officials have said they doubt it.",
                "responsibility for the attack",
            ),
            (
                "The campaign announced it would seek a recanvass in Kentucky, where he trailed Clinton.",
                "it would seek a recanvass in Kentucky",
            ),
        ] {
            assert_eq!(frames(sentence)[0].2, content, "{sentence}");
        }
    }

    #[test]
    fn relative_that_does_not_open_the_content() {
        assert_eq!(
            frames("The New York Times reported it obtained 72 emails that Carter sent.")[0],
            triple("reported", "The New York Times", "it obtained 72 emails that Carter sent")
        );
        assert_eq!(
            frames("Carter’s press secretary, Peter Cook, told the Times that Carter erred.")[0],
            triple("told", "Peter Cook", "Carter erred")
        );
    }

    #[test]
    fn mental_verbs_take_a_clause_without_that() {
        assert_eq!(
            frames("They think the progress on climate change is real."),
            vec![triple("think", "They", "the progress on climate change is real")]
        );
        assert_eq!(frames("They think about the progress on climate change."), vec![]);
        assert_eq!(frames("Government footage shows detainees packed closely together."), vec![]);
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
