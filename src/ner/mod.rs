//! NER: finds PERSON, ORG, LOC and MISC mentions in a document's sentences and resolves
//! each to its fullest name in the document.
//!
//! Stages: [`words`] splits sentences into CoNLL-style words with byte spans; [`model`]
//! scores BIO tags per word (a fine-tuned MiniLM encoder with casing embeddings); [`tags`]
//! decodes them under BIO constraints into mentions; [`canonical`] links short forms to
//! full names. [`train`] fine-tunes the model on CoNLL-2003. Hands on `doc::Entity` values,
//! and, when the model folder has a [`role_head`] (or a [`cue_head`]), each word's
//! probabilities of being part of an attribution's cue, content and source.

pub mod canonical;
pub mod cue_head;
pub mod model;
pub mod role_head;
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

    /// [`Recognizer::recognize`], and what the learned attribution heads make of the words
    /// ([`WordScores`]); both `None` when the recognizer has no such heads.
    fn recognize_scored(&mut self, text: &str, sentences: &[Span]) -> (Vec<Mention>, WordScores) {
        (self.recognize(text, sentences), WordScores::default())
    }
}

/// Word scores of the learned attribution heads, words in text order.
#[derive(Debug, Clone, Default)]
pub struct WordScores {
    /// Words whose cue probability is at least [`CUE_WORD_MIN`], with that probability: the
    /// cue head's ([`cue_head`]) when the model folder has one, else the role tagger's cue
    /// column; `None` without either.
    pub cues: Option<Vec<(Span, f32)>>,
    /// Every word with its role probabilities from the role tagger ([`role_head`]); `None`
    /// without one.
    pub roles: Option<Vec<(Span, role_head::RoleScores)>>,
}

/// Words below this cue probability are not handed on.
pub const CUE_WORD_MIN: f32 = 0.2;

/// Sentences longer than this many words are tagged in windows of this size.
const WINDOW_WORDS: usize = 120;
/// Windows per forward pass.
pub(crate) const BATCH: usize = 32;

/// The word spans and encoding of each window of the given sentences.
pub(crate) fn windows(model: &NerModel, text: &str, sentences: &[Span]) -> Vec<(Vec<Span>, Encoded)> {
    let mut out = Vec::new();
    for &sentence in sentences {
        let spans = words::words(text, sentence);
        for chunk in spans.chunks(WINDOW_WORDS) {
            let surface: Vec<&str> = chunk.iter().map(|s| s.text(text)).collect();
            out.push((chunk.to_vec(), model.encode(&surface)));
        }
    }
    out
}

/// The words the encoder sees of each window, in window order: past its piece limit a window's
/// last words are cut off. The heads score exactly these words, in training as in extraction.
pub(crate) fn window_words(windows: &[(Vec<Span>, Encoded)]) -> Vec<Span> {
    windows.iter().flat_map(|(words, e)| words.iter().take(e.first_piece.len()).copied()).collect()
}

/// The trained model behind [`Recognizer`], with its cue head when the folder has one.
pub struct BertRecognizer {
    model: NerModel,
    cue_head: Option<cue_head::CueHead>,
    role_head: Option<role_head::RoleHead>,
}

impl BertRecognizer {
    pub fn load(dir: &Path) -> Result<Self, NerError> {
        let model = NerModel::load(dir)?;
        let cue_head = cue_head::CueHead::load(dir)?;
        let role_head = role_head::RoleHead::load(dir)?;
        let width = 2 * model.config.encoder.hidden_size;
        let misfit = |file: &str, input: i64| NerError::Model { path: dir.join(file), reason: format!("input width {input} does not fit word features of {width}") };
        if let Some(head) = cue_head.as_ref().filter(|h| h.input != width && h.input != 3 * width) {
            return Err(misfit(cue_head::FILE, head.input));
        }
        if let Some(head) = role_head.as_ref().filter(|h| h.input != width) {
            return Err(misfit(role_head::FILE, head.input));
        }
        Ok(BertRecognizer { cue_head, role_head, model })
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
        self.recognize_scored(text, sentences).0
    }

    fn recognize_scored(&mut self, text: &str, sentences: &[Span]) -> (Vec<Mention>, WordScores) {
        let windows = windows(&self.model, text, sentences);
        let mut order: Vec<usize> = (0..windows.len()).collect();
        order.sort_by_key(|&i| windows[i].1.ids.len());
        let mut out = Vec::new();
        // Each window's word features, for the cue head.
        let mut features_of: Vec<Option<tch::Tensor>> = (0..windows.len()).map(|_| None).collect();
        for batch_idx in order.chunks(BATCH) {
            let batch: Vec<Encoded> = batch_idx.iter().map(|&i| windows[i].1.clone()).collect();
            let (tag_scores, features) = self.model.predict_with_features(&batch);
            if self.cue_head.is_some() || self.role_head.is_some() {
                for (row, &i) in batch_idx.iter().enumerate() {
                    features_of[i] = Some(features.get(row as i64).narrow(0, 0, batch[row].first_piece.len() as i64));
                }
            }
            for (&i, log_probs) in batch_idx.iter().zip(tag_scores) {
                let path = tags::viterbi(&log_probs);
                let spans = &windows[i].0;
                for (first, last, label) in tags::mentions(&path) {
                    let score = (first..last).map(|w| log_probs[w][path[w]].exp()).sum::<f32>() / (last - first) as f32;
                    out.push(Mention { span: Span::new(spans[first].start, spans[last - 1].end), label, score });
                }
            }
        }
        out.sort_by_key(|m| (m.span.start, m.span.end));
        // The document's words in text order (windows are in text order), as in training; each
        // window's feature rows are those words.
        let spans = window_words(&windows);
        let features = (!spans.is_empty() && features_of.iter().all(Option::is_some)).then(|| tch::Tensor::cat(&features_of.iter().flatten().collect::<Vec<_>>(), 0));
        let roles: Option<Vec<(Span, role_head::RoleScores)>> = self.role_head.as_ref().map(|head| match &features {
            Some(f) => spans.iter().copied().zip(head.probabilities(f)).collect(),
            None => Vec::new(),
        });
        // A cue head, when the folder has one; else the role tagger's cue column, fitted on the
        // same labels (identical on PolNeAR train) over a whole document rather than a word
        // and its neighbours.
        let cues = match (&self.cue_head, &roles) {
            (Some(head), _) => Some(match &features {
                Some(f) => spans.iter().copied().zip(head.text_probabilities(f)).filter(|(_, p)| *p >= CUE_WORD_MIN).collect(),
                None => Vec::new(),
            }),
            (None, Some(roles)) => Some(roles.iter().filter(|(_, r)| r[crate::labels::Role::Cue] >= CUE_WORD_MIN).map(|&(s, r)| (s, r[crate::labels::Role::Cue])).collect()),
            (None, None) => None,
        };
        (out, WordScores { cues, roles })
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
