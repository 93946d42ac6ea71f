//! The NER network: a BERT encoder (all-MiniLM-L6-v2, uncased) whose input embeddings get a
//! learned casing-shape embedding added per word piece, so the uncased encoder sees case
//! across all its layers; a linear head over each word's first piece gives BIO tag scores.
//!
//! Files of a model folder: `config.json` ([`NerConfig`]), `model.safetensors` (weights,
//! fp16 or fp32; the encoder's tensor names have no `bert.` prefix) and `tokenizer.json`.
//!
//! [`NerModel::predict_with_features`] also hands on each word's encoder states (the top
//! layer's and a middle layer's, [`FEATURE_LAYER`]) for heads trained on top of the frozen
//! tagger (`heads`).
//!
//! Two forward passes over the same variables: rust-bert's `BertModel` for training
//! ([`NerModel::forward`], dropout and gradients), and [`FastEncoder`] for inference in a
//! model loaded with [`NerModel::load`] (packed pieces, fused operations, the chosen
//! [`Precision`]).

use super::fast::{FastEncoder, Packing};
use super::precision::{CpuFeatures, Precision};
use super::words::Shape;
use super::{device, ModelError};
use crate::labels::BioTag;
use rust_bert::bert::{BertConfig, BertEmbeddings, BertModel};
use serde::{Deserialize, Serialize};
use std::path::Path;
use tch::{nn, nn::Module, Kind, Tensor};
use tokenizers::Tokenizer;

/// Tags the classifier scores ([`BioTag::ALL`] order).
const NUM_TAGS: usize = BioTag::COUNT;

/// The model's own settings, saved beside its weights.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NerConfig {
    pub encoder: BertConfig,
    /// The tags in output order, spelled as in CoNLL (must equal [`BioTag::ALL`]'s spellings).
    pub tags: Vec<String>,
    /// Longest word-piece sequence fed to the encoder, special tokens included.
    pub max_pieces: usize,
}

/// One sentence (or window of words) encoded for the network.
#[derive(Debug, Clone)]
pub struct Encoded {
    pub ids: Vec<i64>,
    pub shapes: Vec<i64>,
    /// Position of each word's first piece in `ids`; words cut off by `max_pieces` are absent.
    pub first_piece: Vec<i64>,
}

/// The encoder layer (0-based) whose output joins the top layer's in the word features: a
/// middle layer keeps more of the sentence's syntax than the NER-tuned top.
pub const FEATURE_LAYER: usize = 2;

pub struct NerModel {
    pub vs: nn::VarStore,
    pub config: NerConfig,
    encoder: BertModel<BertEmbeddings>,
    word_embeddings: Tensor,
    shape_embeddings: nn::Embedding,
    classifier: nn::Linear,
    tokenizer: Tokenizer,
    /// The inference forward pass; `None` in a model being trained, whose weights change
    /// under it (prediction then runs rust-bert's forward).
    fast: Option<FastEncoder>,
}

impl NerModel {
    /// Builds the network with freshly initialised heads; weights are loaded separately.
    fn build(config: NerConfig, tokenizer: Tokenizer) -> NerModel {
        let vs = nn::VarStore::new(device());
        let root = vs.root();
        let mut encoder_config = config.encoder.clone();
        encoder_config.output_hidden_states = Some(true);
        let encoder = BertModel::<BertEmbeddings>::new_with_optional_pooler(&root, &encoder_config, false);
        let word_embeddings = vs
            .variables()
            .remove("embeddings.word_embeddings.weight")
            .expect("BertModel creates embeddings.word_embeddings.weight");
        let heads = root.set_group(1);
        let hidden = config.encoder.hidden_size;
        let shape_embeddings = nn::embedding(
            &heads / "shape",
            Shape::COUNT,
            hidden,
            nn::EmbeddingConfig { ws_init: nn::Init::Randn { mean: 0.0, stdev: 0.02 }, ..Default::default() },
        );
        let classifier = nn::linear(&heads / "classifier", hidden, NUM_TAGS as i64, Default::default());
        NerModel { vs, config, encoder, word_embeddings, shape_embeddings, classifier, tokenizer, fast: None }
    }

    fn load_tokenizer(path: &Path) -> Result<Tokenizer, ModelError> {
        let mut tokenizer = Tokenizer::from_file(path)
            .map_err(|e| ModelError::Model { path: path.to_path_buf(), reason: e.to_string() })?;
        tokenizer.with_padding(None);
        tokenizer
            .with_truncation(None)
            .map_err(|e| ModelError::Model { path: path.to_path_buf(), reason: e.to_string() })?;
        Ok(tokenizer)
    }

    /// A trained model from a model folder, for inference with its matrix products in
    /// `precision` (`Auto`: the best this CPU runs, [`Precision::resolve`]).
    pub fn load(dir: &Path, precision: Precision) -> Result<NerModel, ModelError> {
        let precision = precision
            .resolve(CpuFeatures::detect())
            .map_err(|reason| ModelError::Model { path: dir.to_path_buf(), reason })?;
        let config_path = dir.join("config.json");
        let config: NerConfig = read_json(&config_path)?;
        if config.tags != BioTag::ALL.map(BioTag::as_str) {
            return Err(ModelError::Model {
                path: config_path,
                reason: format!("unexpected tag set {:?}", config.tags),
            });
        }
        let tokenizer = Self::load_tokenizer(&dir.join("tokenizer.json"))?;
        let mut model = Self::build(config, tokenizer);
        let weights = dir.join("model.safetensors");
        model.vs.load(&weights).map_err(|e| ModelError::Model { path: weights.clone(), reason: e.to_string() })?;
        // Loading adopts the file's precision; fp16 matrix products are very slow on CPU.
        model.vs.float();
        let encoder = &model.config.encoder;
        model.fast = Some(FastEncoder::new(
            &model.vs.variables(),
            encoder.num_hidden_layers as usize,
            encoder.num_attention_heads,
            precision,
        ));
        Ok(model)
    }

    /// An untrained tagger over a pre-trained encoder folder (`config.json`,
    /// `model.safetensors`, `tokenizer.json` of a BERT model), for training.
    pub fn from_encoder(dir: &Path, max_pieces: usize) -> Result<NerModel, ModelError> {
        let encoder: BertConfig = read_json(&dir.join("config.json"))?;
        let tokenizer = Self::load_tokenizer(&dir.join("tokenizer.json"))?;
        let config =
            NerConfig { encoder, tags: BioTag::ALL.iter().map(|t| t.as_str().to_string()).collect(), max_pieces };
        let mut model = Self::build(config, tokenizer);
        let weights = dir.join("model.safetensors");
        let missing = model
            .vs
            .load_partial(&weights)
            .map_err(|e| ModelError::Model { path: weights.clone(), reason: e.to_string() })?;
        let unexpected: Vec<_> =
            missing.iter().filter(|m| !m.starts_with("shape.") && !m.starts_with("classifier.")).collect();
        if !unexpected.is_empty() {
            return Err(ModelError::Model {
                path: weights,
                reason: format!("encoder weights missing: {unexpected:?}"),
            });
        }
        Ok(model)
    }

    /// Writes `config.json`, `tokenizer.json` and fp16 `model.safetensors` into `dir`.
    pub fn save(&mut self, dir: &Path) -> Result<(), ModelError> {
        std::fs::create_dir_all(dir).map_err(|e| ModelError::Io { path: dir.to_path_buf(), source: e })?;
        let config_path = dir.join("config.json");
        let json = serde_json::to_string_pretty(&self.config).expect("config serialises");
        std::fs::write(&config_path, json).map_err(|e| ModelError::Io { path: config_path, source: e })?;
        let tok_path = dir.join("tokenizer.json");
        self.tokenizer
            .save(&tok_path, true)
            .map_err(|e| ModelError::Model { path: tok_path.clone(), reason: e.to_string() })?;
        write_half(&self.vs, &dir.join("model.safetensors"))
    }

    /// Word pieces, shapes and first-piece positions of one sentence's words.
    pub fn encode(&self, words: &[&str]) -> Encoded {
        let encoding =
            self.tokenizer.encode(words, true).expect("BERT word-piece encoding of pre-tokenized words does not fail");
        let limit = self.config.max_pieces;
        let mut ids = Vec::with_capacity(encoding.len().min(limit));
        let mut shapes = Vec::with_capacity(ids.capacity());
        let mut first_piece = Vec::with_capacity(words.len());
        let last_index = encoding.len() - 1; // [SEP]
        for (i, (&id, word)) in encoding.get_ids().iter().zip(encoding.get_word_ids()).enumerate() {
            if ids.len() + 1 >= limit && i != last_index {
                continue;
            }
            let shape = match word {
                Some(w) => {
                    let w = *w as usize;
                    let (s, e) = encoding.get_offsets()[i];
                    let piece = words[w].get(s..e).unwrap_or(words[w]);
                    if first_piece.len() == w {
                        first_piece.push(ids.len() as i64);
                    }
                    Shape::of(piece) as i64
                }
                None => Shape::None as i64,
            };
            ids.push(id as i64);
            shapes.push(shape);
        }
        Encoded { ids, shapes, first_piece }
    }

    /// The precision the inference pass runs in; `None` in a model being trained.
    pub fn precision(&self) -> Option<Precision> {
        self.fast.as_ref().map(|f| f.precision)
    }

    /// Each word's first-piece states `[batch, max_words, hidden]` by rust-bert's forward: the
    /// top layer's and [`FEATURE_LAYER`]'s.
    fn word_states(&self, batch: &[&Encoded], train: bool) -> (Tensor, Tensor) {
        let b = batch.len() as i64;
        let t = batch.iter().map(|e| e.ids.len()).max().unwrap_or(0) as i64;
        let w = max_words(batch);
        let mut ids = vec![0i64; (b * t) as usize];
        let mut shapes = vec![0i64; (b * t) as usize];
        let mut mask = vec![0i64; (b * t) as usize];
        let mut firsts = vec![0i64; (b * w) as usize];
        for (row, e) in batch.iter().enumerate() {
            let base = row * t as usize;
            ids[base..base + e.ids.len()].copy_from_slice(&e.ids);
            shapes[base..base + e.ids.len()].copy_from_slice(&e.shapes);
            mask[base..base + e.ids.len()].iter_mut().for_each(|m| *m = 1);
            let wbase = row * w as usize;
            firsts[wbase..wbase + e.first_piece.len()].copy_from_slice(&e.first_piece);
        }
        let ids = Tensor::from_slice(&ids).view([b, t]);
        let shapes = Tensor::from_slice(&shapes).view([b, t]);
        let mask = Tensor::from_slice(&mask).view([b, t]);
        let firsts = Tensor::from_slice(&firsts).view([b, w]);
        let embeds =
            Tensor::embedding(&self.word_embeddings, &ids, 0, false, false) + self.shape_embeddings.forward(&shapes);
        let out = self
            .encoder
            .forward_t(None, Some(&mask), None, None, Some(&embeds), None, None, train)
            .expect("encoder input shapes are consistent");
        let h = out.hidden_state.size()[2];
        let index = firsts.unsqueeze(-1).expand([b, w, h], false);
        let middle = out
            .all_hidden_states
            .as_ref()
            .and_then(|layers| layers.get(FEATURE_LAYER))
            .expect("the encoder is built with output_hidden_states");
        (out.hidden_state.gather(1, &index, false), middle.gather(1, &index, false))
    }

    /// Each word's first-piece states `[words, hidden]`, the batch's words one window after
    /// another: the top layer's and [`FEATURE_LAYER`]'s. Only real pieces run through the
    /// inference forward; rust-bert's (in a model being trained) runs the padded batch.
    fn packed_word_states(&self, batch: &[&Encoded]) -> (Tensor, Tensor) {
        let Some(fast) = &self.fast else {
            let (top, middle) = self.word_states(batch, false);
            let rows = Tensor::from_slice(&padded_word_rows(batch));
            let h = top.size()[2];
            return (top.view([-1, h]).index_select(0, &rows), middle.view([-1, h]).index_select(0, &rows));
        };
        let pieces: usize = batch.iter().map(|e| e.ids.len()).sum();
        let (mut ids, mut shapes, mut positions) =
            (Vec::with_capacity(pieces), Vec::with_capacity(pieces), Vec::with_capacity(pieces));
        let mut firsts = Vec::with_capacity(batch.iter().map(|e| e.first_piece.len()).sum());
        for e in batch {
            let offset = ids.len() as i64;
            ids.extend_from_slice(&e.ids);
            shapes.extend_from_slice(&e.shapes);
            positions.extend(0..e.ids.len() as i64);
            firsts.extend(e.first_piece.iter().map(|f| offset + f));
        }
        let embeds = self.word_embeddings.index_select(0, &Tensor::from_slice(&ids))
            + self.shape_embeddings.ws.index_select(0, &Tensor::from_slice(&shapes));
        let lengths: Vec<usize> = batch.iter().map(|e| e.ids.len()).collect();
        let (middle, top) =
            fast.forward(&embeds, &Tensor::from_slice(&positions), &Packing::new(&lengths), FEATURE_LAYER);
        let firsts = Tensor::from_slice(&firsts);
        (top.index_select(0, &firsts), middle.index_select(0, &firsts))
    }

    /// Tag logits `[batch, max_words, NUM_TAGS]` for a batch of encoded sentences, by
    /// rust-bert's forward (training).
    pub fn forward(&self, batch: &[&Encoded], train: bool) -> Tensor {
        let (top, _) = self.word_states(batch, train);
        self.classifier.forward(&top.dropout(0.1, train))
    }

    /// Per-word tag log-probabilities for a batch, without gradients.
    pub fn predict(&self, batch: &[&Encoded]) -> Vec<Vec<[f32; NUM_TAGS]>> {
        self.predict_with_features(batch).0
    }

    /// [`NerModel::predict`], and each word's features `[words, 2 * hidden]` (top and middle
    /// layer states side by side), the batch's words one window after another.
    pub fn predict_with_features(&self, batch: &[&Encoded]) -> (Vec<Vec<[f32; NUM_TAGS]>>, Tensor) {
        let (log_probs, features) = tch::no_grad(|| {
            let (top, middle) = self.packed_word_states(batch);
            let log_probs = self.classifier.forward(&top).log_softmax(-1, Kind::Float);
            (log_probs, Tensor::cat(&[top, middle], -1))
        });
        let flat: Vec<f32> = Vec::<f32>::try_from(log_probs.flatten(0, -1)).expect("float tensor");
        let mut scores = flat.chunks_exact(NUM_TAGS).map(|c| <[f32; NUM_TAGS]>::try_from(c).expect("NUM_TAGS wide"));
        let tags = batch.iter().map(|e| scores.by_ref().take(e.first_piece.len()).collect()).collect();
        (tags, features)
    }
}

/// The longest window's word count in a batch (at least 1, so tensors are never empty).
fn max_words(batch: &[&Encoded]) -> i64 {
    batch.iter().map(|e| e.first_piece.len()).max().unwrap_or(0).max(1) as i64
}

/// The rows of real words in a `[batch * max_words]` layout, window after window.
fn padded_word_rows(batch: &[&Encoded]) -> Vec<i64> {
    let w = max_words(batch);
    batch
        .iter()
        .enumerate()
        .flat_map(|(row, e)| (0..e.first_piece.len() as i64).map(move |i| row as i64 * w + i))
        .collect()
}

/// Writes fp16 copies of the variables of `vs` to `path` as safetensors, sorted by name: half
/// the file size; the live weights stay fp32 so training can go on.
pub(crate) fn write_half(vs: &nn::VarStore, path: &Path) -> Result<(), ModelError> {
    let mut named: Vec<(String, Tensor)> =
        vs.variables().into_iter().map(|(name, t)| (name, t.to_kind(Kind::Half))).collect();
    named.sort_by(|a, b| a.0.cmp(&b.0));
    Tensor::write_safetensors(&named, path)
        .map_err(|e| ModelError::Model { path: path.to_path_buf(), reason: e.to_string() })
}

fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T, ModelError> {
    let text = std::fs::read_to_string(path).map_err(|e| ModelError::Io { path: path.to_path_buf(), source: e })?;
    serde_json::from_str(&text).map_err(|e| ModelError::Model { path: path.to_path_buf(), reason: e.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(precision: Precision) -> NerModel {
        NerModel::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("models/ner"), precision).unwrap()
    }

    /// Sentences of different lengths (so batches have padding), with names, casing and
    /// punctuation the tagger cares about.
    const SENTENCES: [&str; 8] = [
        "Senator Maria Lopez said on Monday that the bill would pass the Senate.",
        "\"We have the votes,\" a White House spokesman told Reuters in Washington.",
        "Critics argued that the plan would cost $4 billion over ten years.",
        "IBM shares rose.",
        "The European Central Bank kept rates unchanged, President Christine Lagarde told reporters in \
         Frankfurt after a meeting that ran late into the evening, according to two officials.",
        "ACCORDING TO the NEW YORK TIMES, Apple and Microsoft met in Cupertino.",
        "Ms. O'Neill, 54, joined Goldman Sachs in 1998.",
        "Yes.",
    ];

    fn encoded(model: &NerModel) -> Vec<Encoded> {
        SENTENCES.iter().map(|s| model.encode(&s.split(' ').collect::<Vec<_>>())).collect()
    }

    /// Each word's best tag.
    fn argmax(scores: &[Vec<[f32; NUM_TAGS]>]) -> Vec<Vec<usize>> {
        scores
            .iter()
            .map(|s| s.iter().map(|w| (0..NUM_TAGS).max_by(|&a, &b| w[a].total_cmp(&w[b])).unwrap()).collect())
            .collect()
    }

    fn max_abs_diff(a: &Tensor, b: &Tensor) -> f64 {
        (a - b).abs().max().double_value(&[])
    }

    #[test]
    fn the_inference_forward_matches_rust_berts() {
        let mut model = load(Precision::Fp32);
        let encoded = encoded(&model);
        let batch: Vec<&Encoded> = encoded.iter().collect();
        let (top, middle) = tch::no_grad(|| model.packed_word_states(&batch));
        let (tags, features) = model.predict_with_features(&batch);
        // The same model without its inference forward runs rust-bert's.
        let fast = model.fast.take();
        let (top_ref, middle_ref) = tch::no_grad(|| model.packed_word_states(&batch));
        let (tags_ref, features_ref) = model.predict_with_features(&batch);
        let words: usize = encoded.iter().map(|e| e.first_piece.len()).sum();
        assert_eq!(top.size(), [words as i64, 384]);
        assert_eq!(top.size(), top_ref.size());
        assert!(max_abs_diff(&top, &top_ref) < 1e-4, "top {}", max_abs_diff(&top, &top_ref));
        assert!(max_abs_diff(&middle, &middle_ref) < 1e-4, "middle {}", max_abs_diff(&middle, &middle_ref));
        assert!(max_abs_diff(&features, &features_ref) < 1e-4);
        assert_eq!(argmax(&tags), argmax(&tags_ref));
        assert!(argmax(&tags).iter().flatten().any(|&t| t != 0), "some word is tagged as a name");
        // Each window alone (no padding anywhere) gives its rows of the batch.
        model.fast = fast;
        let mut row = 0;
        for e in &encoded {
            let (alone, _) = tch::no_grad(|| model.packed_word_states(&[e]));
            let n = e.first_piece.len() as i64;
            assert!(max_abs_diff(&alone, &top.narrow(0, row, n)) < 1e-4);
            row += n;
        }
    }

    #[test]
    fn bf16_int8_and_mixed_tag_like_fp32() {
        let reference = load(Precision::Fp32);
        let encoded = encoded(&reference);
        let batch: Vec<&Encoded> = encoded.iter().collect();
        let (want, want_features) = reference.predict_with_features(&batch);
        for (precision, tolerance) in [(Precision::Bf16, 0.5), (Precision::Int8, 1.0), (Precision::Mixed, 1.0)] {
            let model = load(precision);
            assert_eq!(model.precision(), Some(precision));
            let (got, features) = model.predict_with_features(&batch);
            assert_eq!(features.kind(), Kind::Float, "the heads read fp32 features");
            let diff = max_abs_diff(&features, &want_features);
            assert!(diff > 0.0 && diff < tolerance, "{precision:?}: features differ by {diff}");
            assert_eq!(argmax(&got), argmax(&want), "{precision:?}");
        }
    }
}
