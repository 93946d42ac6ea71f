//! The encoder: the transformer that reads a document's words. It owns the network and its
//! files ([`model`]: a fine-tuned MiniLM BERT with casing embeddings and a BIO tag classifier),
//! how text becomes its input ([`words`] splits sentences into CoNLL-style words with byte
//! spans; [`windows`] cuts long sentences into windows and encodes them as word pieces), the
//! inference forward pass ([`fast`]) in the number format chosen for the CPU ([`precision`]),
//! and where tensors live ([`device`]). Hands on per-word tag log-probabilities and per-word
//! features; `ner` decodes the tags into mentions, `heads` scores the features.

pub mod fast;
pub mod model;
pub mod precision;
pub mod windows;
pub mod words;

pub use model::{Encoded, NerModel};
pub use precision::{CpuFeatures, Precision};
use std::path::PathBuf;

/// A model folder that cannot be read: the network's files or a head's.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("{path}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("model file {path}: {reason}")]
    Model { path: PathBuf, reason: String },
}

/// Where every network and its tensors live: the one place to choose a GPU (the inference
/// forward, [`fast`], and the precisions, [`precision`], are written for the CPU; a GPU would
/// add its own choice of precision there).
pub fn device() -> tch::Device {
    tch::Device::Cpu
}
