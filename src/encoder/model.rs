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
        NerModel { vs, config, encoder, word_embeddings, shape_embeddings, classifier, tokenizer }
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

    /// A trained model from a model folder.
    pub fn load(dir: &Path) -> Result<NerModel, ModelError> {
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

    /// Each word's first-piece states `[batch, max_words, hidden]`: the top layer's and
    /// [`FEATURE_LAYER`]'s.
    fn word_states(&self, batch: &[Encoded], train: bool) -> (Tensor, Tensor) {
        let b = batch.len() as i64;
        let t = batch.iter().map(|e| e.ids.len()).max().unwrap_or(0) as i64;
        let w = batch.iter().map(|e| e.first_piece.len()).max().unwrap_or(0).max(1) as i64;
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

    /// Tag logits `[batch, max_words, NUM_TAGS]` for a batch of encoded sentences.
    pub fn forward(&self, batch: &[Encoded], train: bool) -> Tensor {
        let (top, _) = self.word_states(batch, train);
        self.classifier.forward(&top.dropout(0.1, train))
    }

    /// Per-word tag log-probabilities for a batch, without gradients.
    pub fn predict(&self, batch: &[Encoded]) -> Vec<Vec<[f32; NUM_TAGS]>> {
        self.predict_with_features(batch).0
    }

    /// [`NerModel::predict`], and each word's features `[batch, max_words, 2 * hidden]` (top
    /// and middle layer states side by side; rows past a sentence's words are padding).
    pub fn predict_with_features(&self, batch: &[Encoded]) -> (Vec<Vec<[f32; NUM_TAGS]>>, Tensor) {
        let (log_probs, features) = tch::no_grad(|| {
            let (top, middle) = self.word_states(batch, false);
            let log_probs = self.classifier.forward(&top).log_softmax(-1, Kind::Float);
            (log_probs, Tensor::cat(&[top, middle], -1))
        });
        let dims = log_probs.size();
        let flat: Vec<f32> = Vec::<f32>::try_from(log_probs.flatten(0, -1)).expect("float tensor");
        let (w, k) = (dims[1] as usize, dims[2] as usize);
        let tags = batch
            .iter()
            .enumerate()
            .map(|(row, e)| {
                (0..e.first_piece.len())
                    .map(|word| {
                        let at = (row * w + word) * k;
                        let mut scores = [0f32; NUM_TAGS];
                        scores.copy_from_slice(&flat[at..at + k]);
                        scores
                    })
                    .collect()
            })
            .collect();
        (tags, features)
    }
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
