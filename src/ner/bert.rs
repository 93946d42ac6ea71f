//! The real tagger: the encoder's BIO tag scores decoded into mentions, and its word features
//! handed to the attribution heads the model folder has. A document is read in segments of
//! whole windows ([`SEGMENT_WORDS`]; an article is one), so its memory does not grow with its
//! length beyond its text and results; between forward passes it stops when the document's
//! [`deadline`] has passed.

use super::tags::{chunks, viterbi};
use super::{Mention, Tagger, Tagging};
use crate::deadline;
use crate::encoder::windows::{window_words, windows, BATCH};
use crate::encoder::{Encoded, ModelError, NerModel, Precision};
use crate::heads::Heads;
use crate::labels::BioTag;
use crate::span::Span;
use std::path::Path;
use tch::Tensor;

/// The trained model behind [`Tagger`], with the heads its folder has.
pub struct BertTagger {
    model: NerModel,
    heads: Heads,
    /// Words per segment: [`SEGMENT_WORDS`] (tests make it small).
    segment_words: usize,
}

impl BertTagger {
    /// The model in folder `dir` (`config.json`, `model.safetensors`, `tokenizer.json`) and its
    /// heads (`cue_head.safetensors`, `role_head.safetensors`) when present, its encoder
    /// running in `precision`.
    pub fn load(dir: &Path, precision: Precision) -> Result<Self, ModelError> {
        let model = NerModel::load(dir, precision)?;
        let heads = Heads::load(dir, 2 * model.config.encoder.hidden_size)?;
        Ok(BertTagger { model, heads, segment_words: SEGMENT_WORDS })
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
        let batch: Vec<&Encoded> = chunk.iter().map(|&i| &encoded[i]).collect();
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

/// Windows of at most this many words in all (in text order) are one segment: tagged
/// together, their features handed to the heads as one sequence and freed before the next
/// segment. Far above any news article (PolNeAR's longest has 5,500 words), so an
/// article is one segment and reads as a whole; a document of a million characters is about
/// ten, and its memory stays that of one segment (features of 20,000 words: 60 MB).
pub const SEGMENT_WORDS: usize = 20_000;

/// Consecutive windows of at most `max_words` words in all (each window's `words`), in text
/// order; a window longer than `max_words` is a segment of its own. At least one segment,
/// empty when there are no windows.
fn segments(words: &[usize], max_words: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut total) = (0, 0);
    for (i, &n) in words.iter().enumerate() {
        if i > start && total + n > max_words {
            out.push(start..i);
            (start, total) = (i, 0);
        }
        total += n;
    }
    out.push(start..words.len());
    out
}

/// `part` appended to `whole`; the first part (or `None`, without that head) as it is.
fn append<T>(whole: &mut Option<Vec<T>>, part: Option<Vec<T>>) {
    match (whole.as_mut(), part) {
        (Some(w), Some(p)) => w.extend(p),
        (None, p) => *whole = p,
        (Some(_), None) => {}
    }
}

impl BertTagger {
    /// The mentions of one segment's windows and, when there are heads, the features of their
    /// words (`[words, width]`, [`window_words`] order; `None` without words); `None` when the
    /// [`deadline`] passes between forward passes.
    fn tag_segment(&self, windows: &[(Vec<Span>, Encoded)]) -> Option<(Vec<Mention>, Option<Tensor>)> {
        let lengths: Vec<usize> = windows.iter().map(|w| w.1.ids.len()).collect();
        // Where each window's feature rows start in the segment's features.
        let mut offsets = Vec::with_capacity(windows.len());
        let mut words = 0i64;
        for w in windows {
            offsets.push(words);
            words += w.1.first_piece.len() as i64;
        }
        let mut mentions = Vec::new();
        let mut features: Option<Tensor> = None;
        for batch_idx in batches(&lengths) {
            if deadline::passed().is_some() {
                return None;
            }
            let batch_idx = batch_idx.as_slice();
            let batch: Vec<&Encoded> = batch_idx.iter().map(|&i| &windows[i].1).collect();
            let (tag_scores, batch_features) = self.model.predict_with_features(&batch);
            if self.heads.any() && words > 0 {
                let width = batch_features.size()[1];
                let all = features.get_or_insert_with(|| {
                    Tensor::empty([words, width], (batch_features.kind(), batch_features.device()))
                });
                let mut row = 0;
                for (e, &i) in batch.iter().zip(batch_idx) {
                    // Straight into the segment's rows: the batch's buffer is freed with the
                    // batch, and no window holds a copy of its own.
                    let n = e.first_piece.len() as i64;
                    all.narrow(0, offsets[i], n).copy_(&batch_features.narrow(0, row, n));
                    row += n;
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
        Some((mentions, features))
    }
}

impl Tagger for BertTagger {
    /// Tags the sentences segment by segment ([`SEGMENT_WORDS`]), so a long document's memory
    /// is that of one segment besides its text and results. When the [`deadline`] passes, the
    /// rest is left untagged (the caller fails the document).
    fn tag(&mut self, text: &str, sentences: &[Span]) -> Tagging {
        let windows = windows(&self.model, text, sentences);
        let sizes: Vec<usize> = windows.iter().map(|w| w.1.first_piece.len()).collect();
        let mut tagging = Tagging { mentions: Vec::new(), cues: None, roles: None };
        for segment in segments(&sizes, self.segment_words) {
            let part = &windows[segment];
            let Some((mentions, features)) = self.tag_segment(part) else {
                break;
            };
            tagging.mentions.extend(mentions);
            // The segment's words in text order (windows are in text order), as in training;
            // each window's feature rows are those words.
            let words = window_words(part);
            let roles = self.heads.roles(&words, features.as_ref());
            let cues = self.heads.cues(&words, features.as_ref(), roles.as_deref());
            append(&mut tagging.roles, roles);
            append(&mut tagging.cues, cues);
        }
        tagging.mentions.sort_by_key(|m| (m.span.start, m.span.end));
        tagging
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::RoleScores;
    use std::time::Duration;

    fn model() -> BertTagger {
        BertTagger::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("models/ner"), Precision::Auto).unwrap()
    }

    /// An article of a few sentences and its sentence spans, at byte `offset` of a document.
    fn article(offset: usize) -> (String, Vec<Span>) {
        let sentences = [
            "Senator Maria Lopez said on Monday that the bill would pass the Senate.",
            "\"We have the votes,\" a White House spokesman told Reuters in Washington.",
            "Critics argued that the plan would cost $4 billion over ten years.",
        ];
        let (mut text, mut spans) = (String::new(), Vec::new());
        for s in sentences {
            spans.push(Span::new(offset + text.len(), offset + text.len() + s.len()));
            text += s;
            text += " ";
        }
        (text, spans)
    }

    #[test]
    fn segments_hold_whole_windows_up_to_the_limit() {
        assert_eq!(segments(&[5, 5, 5, 5], 10), vec![0..2, 2..4]);
        assert_eq!(segments(&[5, 12, 3], 10), vec![0..1, 1..2, 2..3]);
        assert_eq!(segments(&[5, 5], SEGMENT_WORDS), vec![0..2]);
        assert_eq!(segments(&[], 10), vec![0..0]);
    }

    #[test]
    fn a_long_document_is_scored_segment_by_segment_like_its_parts() {
        let mut tagger = model();
        let (one, one_sentences) = article(0);
        let alone = tagger.tag(&one, &one_sentences);
        let alone_roles = alone.roles.clone().expect("models/ner has a role tagger");
        // Each copy of the article is one segment: it must read exactly like the article alone.
        tagger.segment_words = alone_roles.len();
        let (mut text, mut sentences) = (String::new(), Vec::new());
        for _ in 0..4 {
            let (part, spans) = article(text.len());
            text += &part;
            sentences.extend(spans);
        }
        let long = tagger.tag(&text, &sentences);
        let roles = long.roles.clone().expect("role scores");
        assert_eq!(roles.len(), 4 * alone_roles.len(), "every word has role scores");
        let shifted = |k: usize, s: Span| Span::new(s.start + k * one.len(), s.end + k * one.len());
        for (k, copy) in roles.chunks(alone_roles.len()).enumerate() {
            let want: Vec<(Span, RoleScores)> = alone_roles.iter().map(|&(s, r)| (shifted(k, s), r)).collect();
            assert_eq!(copy, want.as_slice(), "copy {k}");
        }
        let want: Vec<(Span, f32)> =
            (0..4).flat_map(|k| alone.cues.as_ref().unwrap().iter().map(move |&(s, p)| (shifted(k, s), p))).collect();
        assert_eq!(long.cues.clone().unwrap(), want);
        let spans = |t: &Tagging| t.mentions.iter().map(|m| (m.span, m.label, m.score)).collect::<Vec<_>>();
        let want: Vec<_> =
            (0..4).flat_map(|k| spans(&alone).into_iter().map(move |(s, l, p)| (shifted(k, s), l, p))).collect();
        assert!(!want.is_empty());
        assert_eq!(spans(&long), want);
        // With the default segment the article is read whole, as before segments.
        tagger.segment_words = SEGMENT_WORDS;
        assert_eq!(tagger.tag(&one, &one_sentences).roles, Some(alone_roles));
    }

    #[test]
    fn the_tagger_stops_when_the_deadline_has_passed() {
        let mut tagger = model();
        let (text, sentences) = article(0);
        let _deadline = deadline::start(Duration::ZERO);
        let tagging = tagger.tag(&text, &sentences);
        assert!(tagging.mentions.is_empty() && tagging.roles.is_none() && tagging.cues.is_none());
    }

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
