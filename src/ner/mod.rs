//! NER: finds PERSON, ORG, LOC and MISC mentions in a document's sentences and resolves
//! each to its fullest name in the document.
//!
//! Stages: [`words`] splits sentences into CoNLL-style words with byte spans; [`model`]
//! scores BIO tags per word (a fine-tuned MiniLM encoder with casing embeddings); [`tags`]
//! decodes them under BIO constraints into mentions; [`canonical`] links short forms to
//! full names. [`train`] fine-tunes the model on CoNLL-2003. Hands on `doc::Entity` values.

pub mod canonical;
pub mod model;
pub mod tags;
pub mod train;
pub mod words;

use crate::doc::EntityLabel;
use crate::span::Span;
use model::{Encoded, NerModel};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum NerError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("model file {path}: {reason}")]
    Model { path: PathBuf, reason: String },
    #[error("torch: {0}")]
    Torch(#[from] tch::TchError),
    #[error(transparent)]
    Data(#[from] crate::eval::EvalError),
}

/// A mention before canonicalisation.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub span: Span,
    pub label: EntityLabel,
    pub score: f32,
}

/// Something that finds entity mentions in sentences. The model is one implementation; tests
/// use a fixed list of names.
pub trait Recognizer {
    /// Mentions inside the given sentence spans of `text`, sorted by start.
    fn recognize(&mut self, text: &str, sentences: &[Span]) -> Vec<Mention>;
}

/// Sentences longer than this many words are tagged in windows of this size.
const WINDOW_WORDS: usize = 120;
const BATCH: usize = 32;

/// The trained model behind [`Recognizer`].
pub struct BertRecognizer {
    model: NerModel,
}

impl BertRecognizer {
    pub fn load(dir: &Path) -> Result<Self, NerError> {
        Ok(BertRecognizer { model: NerModel::load(dir)? })
    }

    /// Tags pre-split word lists (CoNLL sentences): one tag string per word.
    pub fn tag_words(&self, sentences: &[Vec<String>]) -> Vec<Vec<String>> {
        let encoded: Vec<Encoded> = sentences
            .iter()
            .map(|s| self.model.encode(&s.iter().map(String::as_str).collect::<Vec<_>>()))
            .collect();
        train::predict_tags(&self.model, &encoded, 64)
            .into_iter()
            .zip(sentences)
            .map(|(tags, words)| {
                let mut t: Vec<String> = tags.iter().map(|&i| tags::TAGS[i].to_string()).collect();
                t.resize(words.len(), "O".to_string());
                t
            })
            .collect()
    }
}

impl Recognizer for BertRecognizer {
    fn recognize(&mut self, text: &str, sentences: &[Span]) -> Vec<Mention> {
        // Each window: its word spans and its encoding.
        let mut windows: Vec<(Vec<Span>, Encoded)> = Vec::new();
        for &sentence in sentences {
            let spans = words::words(text, sentence);
            for chunk in spans.chunks(WINDOW_WORDS) {
                let surface: Vec<&str> = chunk.iter().map(|s| s.text(text)).collect();
                windows.push((chunk.to_vec(), self.model.encode(&surface)));
            }
        }
        let mut order: Vec<usize> = (0..windows.len()).collect();
        order.sort_by_key(|&i| windows[i].1.ids.len());
        let mut out = Vec::new();
        for batch_idx in order.chunks(BATCH) {
            let batch: Vec<Encoded> = batch_idx.iter().map(|&i| windows[i].1.clone()).collect();
            for (&i, log_probs) in batch_idx.iter().zip(self.model.predict(&batch)) {
                let path = tags::viterbi(&log_probs);
                let spans = &windows[i].0;
                for (first, last, label) in tags::mentions(&path) {
                    let score = (first..last).map(|w| log_probs[w][path[w]].exp()).sum::<f32>() / (last - first) as f32;
                    out.push(Mention { span: Span::new(spans[first].start, spans[last - 1].end), label, score });
                }
            }
        }
        out.sort_by_key(|m| (m.span.start, m.span.end));
        out
    }
}

/// A recognizer that marks every occurrence of fixed names (tests and fixtures).
pub struct ListRecognizer {
    pub names: Vec<(String, EntityLabel)>,
}

impl Recognizer for ListRecognizer {
    fn recognize(&mut self, text: &str, sentences: &[Span]) -> Vec<Mention> {
        let mut out: Vec<Mention> = Vec::new();
        // Longest names first so `Nayib Bukele` wins over `Bukele`.
        let mut names = self.names.clone();
        names.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
        for &sentence in sentences {
            let slice = sentence.text(text);
            for (name, label) in &names {
                for (i, _) in slice.match_indices(name.as_str()) {
                    let span = Span::new(sentence.start + i, sentence.start + i + name.len());
                    let bounded = |b: usize| {
                        text[..b].chars().next_back().map_or(true, |c| !c.is_alphanumeric())
                    };
                    let after_ok = text[span.end..].chars().next().map_or(true, |c| !c.is_alphanumeric());
                    if bounded(span.start) && after_ok && !out.iter().any(|m| m.span.overlaps(span)) {
                        out.push(Mention { span, label: *label, score: 1.0 });
                    }
                }
            }
        }
        out.sort_by_key(|m| m.span.start);
        out
    }
}

/// Scores the tagger on a CoNLL-2003 file the way conlleval does (exact span and type).
pub fn evaluate_conll(tagger: &BertRecognizer, path: &Path) -> Result<crate::eval::EntityScores, NerError> {
    let sentences = crate::eval::read_conll(path)?;
    let words: Vec<Vec<String>> = sentences.iter().map(|s| s.tokens.clone()).collect();
    let gold: Vec<Vec<String>> = sentences.into_iter().map(|s| s.tags).collect();
    let pred = tagger.tag_words(&words);
    Ok(crate::eval::score_conll(&gold, &pred))
}
