//! The real tagger: the encoder's BIO tag scores decoded into mentions, and its word features
//! handed to the attribution heads the model folder has.

use super::tags::{chunks, viterbi};
use super::{Mention, Tagger, Tagging};
use crate::encoder::windows::{window_words, windows, BATCH};
use crate::encoder::{Encoded, ModelError, NerModel};
use crate::heads::Heads;
use crate::labels::BioTag;
use crate::span::Span;
use std::path::Path;

/// The trained model behind [`Tagger`], with the heads its folder has.
pub struct BertTagger {
    model: NerModel,
    heads: Heads,
}

impl BertTagger {
    /// The model in folder `dir` (`config.json`, `model.safetensors`, `tokenizer.json`) and its
    /// heads (`cue_head.safetensors`, `role_head.safetensors`) when present.
    pub fn load(dir: &Path) -> Result<Self, ModelError> {
        let model = NerModel::load(dir)?;
        let heads = Heads::load(dir, 2 * model.config.encoder.hidden_size)?;
        Ok(BertTagger { model, heads })
    }

    /// Tags pre-split word lists (CoNLL sentences): one tag per word, `O` for words past the
    /// encoder's piece limit.
    pub fn tag_words(&self, sentences: &[Vec<String>]) -> Vec<Vec<BioTag>> {
        let encoded: Vec<Encoded> =
            sentences.iter().map(|s| self.model.encode(&s.iter().map(String::as_str).collect::<Vec<_>>())).collect();
        predict_tags(&self.model, &encoded, 64)
            .into_iter()
            .zip(sentences)
            .map(|(mut tags, words)| {
                tags.resize(words.len(), BioTag::O);
                tags
            })
            .collect()
    }
}

/// Tags the sentences with the model (constrained decoding), in length-sorted batches.
pub fn predict_tags(model: &NerModel, encoded: &[Encoded], batch_size: usize) -> Vec<Vec<BioTag>> {
    let mut order: Vec<usize> = (0..encoded.len()).collect();
    order.sort_by_key(|&i| encoded[i].ids.len());
    let mut out = vec![Vec::new(); encoded.len()];
    for chunk in order.chunks(batch_size) {
        let batch: Vec<Encoded> = chunk.iter().map(|&i| encoded[i].clone()).collect();
        for (&i, lp) in chunk.iter().zip(model.predict(&batch)) {
            out[i] = viterbi(&lp);
        }
    }
    out
}

/// The most padding a batch may carry, as a share of its pieces.
const MAX_PADDING: f64 = 0.10;

/// Windows grouped into forward passes: sorted by length (pieces), a batch is cut when it
/// holds [`BATCH`] windows or when padding every window to the longest would make more than
/// [`MAX_PADDING`] of its pieces padding. Padding costs as much as real pieces in every layer.
fn batches(lengths: &[usize]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..lengths.len()).collect();
    order.sort_by_key(|&i| lengths[i]);
    let mut out: Vec<Vec<usize>> = Vec::new();
    let (mut current, mut real) = (Vec::new(), 0usize);
    for i in order {
        let padded = (current.len() + 1) * lengths[i];
        let padding = (padded - (real + lengths[i])) as f64 / padded.max(1) as f64;
        if !current.is_empty() && (current.len() == BATCH || padding > MAX_PADDING) {
            out.push(std::mem::take(&mut current));
            real = 0;
        }
        current.push(i);
        real += lengths[i];
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

impl Tagger for BertTagger {
    fn tag(&mut self, text: &str, sentences: &[Span]) -> Tagging {
        let windows = windows(&self.model, text, sentences);
        let lengths: Vec<usize> = windows.iter().map(|w| w.1.ids.len()).collect();
        let mut mentions = Vec::new();
        // Each window's word features, for the heads.
        let mut features_of: Vec<Option<tch::Tensor>> = (0..windows.len()).map(|_| None).collect();
        for batch_idx in batches(&lengths) {
            let batch_idx = batch_idx.as_slice();
            let batch: Vec<Encoded> = batch_idx.iter().map(|&i| windows[i].1.clone()).collect();
            let (tag_scores, features) = self.model.predict_with_features(&batch);
            if self.heads.any() {
                for (row, &i) in batch_idx.iter().enumerate() {
                    // A copy, so the batch's padded buffer is freed with the batch.
                    features_of[i] =
                        Some(features.get(row as i64).narrow(0, 0, batch[row].first_piece.len() as i64).copy());
                }
            }
            for (&i, log_probs) in batch_idx.iter().zip(tag_scores) {
                let path = viterbi(&log_probs);
                let spans = &windows[i].0;
                for (first, last, label) in chunks(&path) {
                    let score =
                        (first..last).map(|w| log_probs[w][path[w].index()].exp()).sum::<f32>() / (last - first) as f32;
                    mentions.push(Mention { span: Span::new(spans[first].start, spans[last - 1].end), label, score });
                }
            }
        }
        mentions.sort_by_key(|m| (m.span.start, m.span.end));
        // The document's words in text order (windows are in text order), as in training; each
        // window's feature rows are those words.
        let words = window_words(&windows);
        let features = (!words.is_empty() && features_of.iter().all(Option::is_some))
            .then(|| tch::Tensor::cat(&features_of.iter().flatten().collect::<Vec<_>>(), 0));
        let roles = self.heads.roles(&words, features.as_ref());
        let cues = self.heads.cues(&words, features.as_ref(), roles.as_deref());
        Tagging { mentions, cues, roles }
    }
}

#[cfg(test)]
mod tests {
    use super::batches;

    #[test]
    fn batches_are_cut_by_count_and_padding() {
        // Sorted by length: 10 and 11 share a batch (1 padding piece of 22); 30 after them would
        // make 40 of 90 pieces padding, so it opens the next batch with 31.
        assert_eq!(batches(&[30, 10, 11, 31]), vec![vec![1, 2], vec![0, 3]]);
        let b = batches(&[5; 70]);
        assert_eq!(b.iter().map(Vec::len).collect::<Vec<_>>(), [32, 32, 6]);
        assert!(batches(&[]).is_empty());
    }
}
