//! Quotes and speakers: who said what in an analysed document.
//!
//! Takes an [`Analysed`] document (paragraphs with their `extract` flag, NER entities with
//! document-level `canonical` names) and hands on [`Quote`]s: direct, mixed and indirect
//! quotations with their cue, the mention naming the speaker, the resolved speaker name, its type
//! and descriptions, and the reported clause each sits in (for a mixed quote, the paraphrase
//! around the marked words), and the [`Rule`] that found it. The stages, in order:
//!
//! 1. [`marks`]: pair quotation marks into runs per paragraph (recovering from odd marks).
//! 2. [`tokens`]: split paragraphs into quote-aware clauses and words.
//! 3. [`cues`]: find reporting verbs, `according to`, nouns of saying and colons in a clause
//!    (what a word is comes from [`lexicon`], the table in `cues.tsv`).
//! 4. [`frames`]: build each cue's frame, one file per kind: speaker phrase plus reported content.
//! 5. [`direct`]: decide which runs are quotations and whether they are direct or mixed.
//! 6. [`speaker`]: find and resolve speaker mentions to names, types and descriptions.
//! 7. [`roles`]: use the learned role tagger's scores, when the model has them.
//!
//! [`extractor`] runs them clause by clause as a sequence of named passes; [`rule`] names the
//! code path behind each row; [`identity`] gives each resolved speaker the `speaker_id` that
//! joins it across documents.
//!
//! Besides the cue frames, `extract` takes three attributions PolNeAR annotates without a
//! reporting verb: headline and transcript sources (`Graham: …`, `JAKE TAPPER: …`), poll
//! findings (`In a CNN poll, …`) and passive questions with no source (`Asked whether …`).
//! Rules added for PolNeAR were kept only where they are right at least about two times in
//! three on its train split and leave the seed scores unchanged.
//!
//! Everything is rules over the text; NER entities help with names but are not required, so a
//! document with no entities still gets its quotes (speakers then come from capitalised words).

mod cues;
mod direct;
mod extractor;
mod frames;
pub mod identity;
mod lexicon;
mod marks;
mod roles;
mod rule;
mod speaker;
mod tokens;

use crate::doc::Analysed;
pub use crate::labels::{CueClass, QuoteKind, SpeakerType};
use crate::span::Span;
use extractor::Extractor;
pub use rule::Rule;

/// One quotation. All spans are byte spans into the document text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The quoted content without outer quotation marks.
    pub span: Span,
    /// The whole reported clause the quote sits in: the paraphrase around a mixed quote (what
    /// PolNeAR annotates as content), else the same as `span`.
    pub clause: Span,
    pub kind: QuoteKind,
    /// The extraction rule that produced the row (the `rule` column).
    pub rule: Rule,
    /// The reporting verb or phrase. A follow-up quotation with no cue of its own carries the cue
    /// of the quotation it continues (`“…,” said Cruz. “…”`: both rows have `said`), so the rows
    /// of one attribution share it; `None` when none is known.
    pub cue: Option<Span>,
    /// The words naming the source at this quote (`he`, `Ortega`, `Salvadoran lawyer Jaime Ortega`);
    /// `None` for a follow-up quotation that keeps the previous speaker, or when no source is found.
    pub speaker_mention: Option<Span>,
    /// Canonical name, the describing phrase of an unnamed source, or `""` when none is found.
    pub speaker: String,
    pub speaker_type: SpeakerType,
    /// Roles the text gives the speaker (`Secretary of State`, `a lawyer at Cristosal`).
    pub descriptions: Vec<String>,
    pub confidence: f32,
    /// What the cue reports (speech, belief, stance); speech for a follow-up quotation.
    pub reports: CueClass,
}

impl Quote {
    /// Whether this row belongs in `attributions.csv` rather than `quotes.csv`: a stance with
    /// no quoted words (`Carson endorsed Trump`, `declined to comment`) reports no speech, and
    /// what an unlisted cue reports without quoted words is not known to be speech.
    pub fn is_attribution(&self) -> bool {
        matches!(self.reports, CueClass::Stance | CueClass::Other) && self.kind == QuoteKind::Indirect
    }
}

/// The paragraphs to extract from, as `(index, span)`, with spans clamped to the text and to
/// character boundaries so that no later slice can panic.
fn extract_paragraphs(doc: &Analysed) -> Vec<(usize, Span)> {
    let text = &doc.text;
    let fix = |b: usize| {
        let mut b = b.min(text.len());
        while !text.is_char_boundary(b) {
            b -= 1;
        }
        b
    };
    if doc.paragraphs.is_empty() {
        return vec![(0, Span::new(0, text.len()))];
    }
    doc.paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.extract)
        .map(|(i, p)| {
            let start = fix(p.span.start);
            (i, Span::new(start, fix(p.span.end).max(start)))
        })
        .collect()
}

/// All quotes in `doc` (only from paragraphs with `extract == true`), sorted by `span.start`.
///
/// ```
/// use newsmine::doc::{Analysed, Paragraph};
/// use newsmine::quotes::{extract, QuoteKind, Rule};
/// use newsmine::span::Span;
/// let text = "“We will appeal the ruling,” Ortega said.".to_string();
/// let doc = Analysed {
///     paragraphs: vec![Paragraph { span: Span::new(0, text.len()), extract: true }],
///     text,
///     ..Default::default()
/// };
/// let quotes = extract(&doc);
/// assert_eq!(quotes[0].span.text(&doc.text), "We will appeal the ruling,");
/// assert_eq!(quotes[0].kind, QuoteKind::Direct);
/// assert_eq!(quotes[0].rule, Rule::DirectTagAfter);
/// assert_eq!(quotes[0].speaker, "Ortega");
/// ```
pub fn extract(doc: &Analysed) -> Vec<Quote> {
    let text = doc.text.as_str();
    let paragraphs = extract_paragraphs(doc);
    let runs = marks::find_runs(text, &paragraphs);
    let clauses = tokens::clauses(text, &paragraphs, &runs);
    let mut extractor = Extractor::new(doc, runs);
    for (c, clause) in clauses.iter().enumerate() {
        extractor.clause(c, clause, c.checked_sub(1).map(|p| &clauses[p]));
    }
    extractor.finish()
}

#[cfg(test)]
mod tests;
