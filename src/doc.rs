//! The document model shared by every stage: a decoded text, its paragraphs and sentences,
//! and the entity mentions found in it. Stages read these; only `segment` and `ner` make them.

use crate::span::Span;
use serde::{Deserialize, Serialize};

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

/// The four CoNLL-2003 entity types, named as in the CSV contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityLabel {
    #[serde(rename = "PERSON")]
    Person,
    #[serde(rename = "ORG")]
    Org,
    #[serde(rename = "LOC")]
    Loc,
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityLabel {
    pub const ALL: [EntityLabel; 4] = [EntityLabel::Person, EntityLabel::Org, EntityLabel::Loc, EntityLabel::Misc];

    /// The CSV name (`PERSON`, `ORG`, `LOC`, `MISC`).
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityLabel::Person => "PERSON",
            EntityLabel::Org => "ORG",
            EntityLabel::Loc => "LOC",
            EntityLabel::Misc => "MISC",
        }
    }

    /// Parses the CSV names and the CoNLL suffixes (`PER`, `ORG`, `LOC`, `MISC`).
    pub fn parse(s: &str) -> Option<EntityLabel> {
        match s {
            "PERSON" | "PER" => Some(EntityLabel::Person),
            "ORG" => Some(EntityLabel::Org),
            "LOC" => Some(EntityLabel::Loc),
            "MISC" => Some(EntityLabel::Misc),
            _ => None,
        }
    }
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

/// A word's probabilities of lying in an attribution's cue, content and source, in that order
/// (`ner::role_head::ROLES`).
pub type RoleScores = [f32; 3];

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
