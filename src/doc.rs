//! The document model shared by every stage: a decoded text, its paragraphs and sentences,
//! and the entity mentions found in it. Stages read these; only `segment` and `ner` make them.

pub use crate::labels::{EntityLabel, RoleScores};
use crate::span::Span;

/// A paragraph: a block of text between blank lines (or single newlines in scraped text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    /// False for boilerplate (newsletter sign-ups, navigation, "Read next") and for a
    /// paragraph that repeats an earlier one verbatim (captions printed twice): nothing is
    /// extracted from such a paragraph.
    pub extract: bool,
}

/// A sentence inside one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index into the document's paragraphs.
    pub paragraph: usize,
}

/// A named-entity mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub span: Span,
    pub label: EntityLabel,
    /// Mean probability of the mention's word labels.
    pub score: f32,
    /// The fullest name in the document this mention refers to (`Bukele` -> `Nayib Bukele`).
    pub canonical: String,
}

/// One analysed document: what the extraction stages (quotes, figures) take as input.
#[derive(Debug, Clone, Default)]
pub struct Analysed {
    pub text: String,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub entities: Vec<Entity>,
    /// Words a learned detector scores as possible parts of an attribution cue, with the
    /// probability, in text order; `None` when no detector ran (a model without a cue head).
    pub cue_words: Option<Vec<(Span, f32)>>,
    /// Every word with its probabilities of lying in an attribution's cue, content and source
    /// ([`RoleScores`]), in text order; `None` without the role tagger.
    pub roles: Option<Vec<(Span, RoleScores)>>,
}

impl Analysed {
    /// Sentences whose paragraph is extracted from.
    pub fn extract_sentences(&self) -> impl Iterator<Item = &Sentence> {
        self.sentences.iter().filter(|s| self.paragraphs[s.paragraph].extract)
    }
}
