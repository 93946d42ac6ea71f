//! NER: finds PERSON, ORG, LOC and MISC mentions in a document's sentences, resolves each to
//! its fullest name in the document, and hands on what the attribution heads make of the
//! words.
//!
//! A [`Tagger`] reads the sentences and returns one [`Tagging`]: the real one, [`BertTagger`],
//! runs the encoder (`encoder`) over them, decodes its tag scores under BIO constraints into
//! mentions ([`tags`]) and feeds the encoder's word features to the learned heads (`heads`);
//! [`ListTagger`] marks fixed names, for tests. [`canonical`] then links short forms to full
//! names. Hands on `doc::Entity` values, and each word's cue and role probabilities.

pub mod bert;
pub mod canonical;
pub mod list;
pub mod tags;

pub use bert::BertTagger;
pub use list::ListTagger;

use crate::labels::{EntityLabel, RoleScores};
use crate::span::Span;

/// A mention before canonicalisation.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub span: Span,
    pub label: EntityLabel,
    pub score: f32,
}

/// What a [`Tagger`] makes of a document's sentences.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tagging {
    /// Mentions inside the sentences, sorted by start.
    pub mentions: Vec<Mention>,
    /// Words whose cue probability is at least [`CUE_WORD_MIN`](crate::heads::CUE_WORD_MIN),
    /// with that probability, in text order ([`Heads::cues`](crate::heads::Heads::cues));
    /// `None` when the tagger has neither a cue head nor a role tagger.
    pub cues: Option<Vec<(Span, f32)>>,
    /// Every word with its role probabilities, in text order
    /// ([`Heads::roles`](crate::heads::Heads::roles)); `None` without a role tagger.
    pub roles: Option<Vec<(Span, RoleScores)>>,
}

/// Something that tags a document's sentences. The model is one implementation; tests use a
/// fixed list of names.
pub trait Tagger {
    /// The mentions, and the heads' word scores, of the given sentence spans of `text`.
    fn tag(&mut self, text: &str, sentences: &[Span]) -> Tagging;
}
