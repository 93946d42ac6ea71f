//! Speakers: finding the mention that names the source at a cue, and resolving it to a name.
//!
//! Finding walks the clause's tokens: the subject noun phrase left of the cue (skipping
//! auxiliaries and adverbs, through `who`/`which` to the antecedent, around an appositive
//! `X, a lawyer at Y, said`), or the phrase right of an inverted cue (`said Salvadoran lawyer
//! Jaime Ortega`). Resolution turns a mention into the speaker string: the NER entity at the
//! phrase's head (its `canonical` is already the fullest name), else the capitalised run at
//! the head matched against fuller names in the document; pronouns take the most recent
//! compatible speaker or person; unnamed sources keep their describing phrase. Titles and
//! appositives become descriptions. Hands on [`Resolved`] to the extractor, which records it in
//! the [`History`] used by later pronouns and follow-up quotations.
//!
//! [`subject`] finds a cue's subject, [`phrase`] the noun phrases it is made of, [`resolve`]
//! turns a phrase into a speaker with the help of [`people`], the document's person names;
//! [`words`] holds the word lists they share.
//!
//! A speaker is never a pronoun, a relative pronoun (`who` is its antecedent), a sentence
//! adverb or interjection, a number or share, or a name with a verb glued on: what cannot be
//! resolved to a name or a describing noun phrase is left empty, and the quote keeps its row.

mod people;
mod phrase;
mod resolve;
mod subject;
mod words;

pub(crate) use phrase::{appositive_after, np_left, np_right, np_right_source};
pub(crate) use resolve::{resolve, History, Resolved};
pub(crate) use subject::{relative_before, subject_before};
pub(crate) use words::{name_word, PRONOUNS};

use super::tokens::Tok;
use crate::span::Span;

/// A speaker phrase found in a clause: token range and an optional appositive's token range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub first: usize,
    pub last: usize,
    pub appositive: Option<(usize, usize)>,
}

impl Found {
    /// The phrase's byte span in the text `toks` come from.
    pub(crate) fn span(self, toks: &[Tok]) -> Span {
        Span::new(toks[self.first].span.start, toks[self.last].span.end)
    }
}

/// Whether the phrase `found` can name a source: not a month or weekday (`in June`). Places
/// can (`Russia denied …` speaks for a government).
pub(crate) fn plausible(toks: &[Tok], found: Found) -> bool {
    let head = &toks[found.last];
    const TIMES: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    !(head.cap && TIMES.contains(&head.lower.as_str()))
}
