//! Training (cargo feature `train`, off by default: the runtime binary does not carry it).
//! [`ner`] fine-tunes the encoder and its tag classifier on CoNLL-2003 (`newsmine train`);
//! [`cues`] and [`roles`] fit the attribution heads over the frozen encoder's word features on
//! a PolNeAR split (`newsmine train-cues`, `newsmine train-roles`), from the labelled word
//! [`examples`] both share. Each saves into a model folder what `encoder` and `heads` load.
//!
//! The only part of the model code that reads gold annotations (the CoNLL and brat readers)
//! and scores against them.

pub mod cues;
pub mod examples;
pub mod ner;
pub mod roles;

use crate::encoder::ModelError;
use crate::eval::metrics::Counts;
use std::path::Path;

/// Why a training run stopped.
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    #[error(transparent)]
    Model(#[from] ModelError),
    #[error("torch")]
    Torch(#[from] tch::TchError),
    #[error(transparent)]
    Data(#[from] crate::formats::FormatError),
}

/// A file training reads or writes that is not what it should be.
fn bad_file(path: &Path, reason: impl ToString) -> TrainError {
    TrainError::Model(ModelError::Model { path: path.to_path_buf(), reason: reason.to_string() })
}

/// Counts of `probabilities >= threshold` against 0/1 `labels`, word by word.
pub fn word_counts(probabilities: &[f32], labels: &[f32], threshold: f32) -> Counts {
    let mut c = Counts::default();
    for (&p, &y) in probabilities.iter().zip(labels) {
        match (p >= threshold, y > 0.5) {
            (true, true) => c.tp += 1,
            (true, false) => c.fp += 1,
            (false, true) => c.fn_ += 1,
            _ => {}
        }
    }
    c
}

/// The learning-rate factor at `step` of `total`: linear warm-up over the first `warmup` steps,
/// then linear decay to zero.
fn warmup_then_decay(step: f64, warmup: f64, total: f64) -> f64 {
    if step < warmup {
        (step + 1.0) / warmup
    } else {
        ((total - step) / (total - warmup)).max(0.0)
    }
}

/// The learning-rate factor of batch `n` of `batches` in epoch `epoch` (from 1) of `epochs`:
/// linear decay to a tenth over the run.
fn decay_to_tenth(epoch: usize, epochs: usize, n: usize, batches: usize) -> f64 {
    let progress = ((epoch - 1) * batches + n) as f64 / (epochs * batches) as f64;
    1.0 - 0.9 * progress
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_counts_threshold_each_word() {
        let c = word_counts(&[0.9, 0.6, 0.2, 0.7], &[1.0, 0.0, 1.0, 1.0], 0.5);
        assert_eq!((c.tp, c.fp, c.fn_), (2, 1, 1));
    }

    #[test]
    fn learning_rate_schedules() {
        // Ten steps, two of warm-up: 1/2, 2/2, then 8/8 down to 1/8.
        let f: Vec<f64> = (0..10).map(|s| warmup_then_decay(s as f64, 2.0, 10.0)).collect();
        assert_eq!(&f[..4], [0.5, 1.0, 1.0, 7.0 / 8.0]);
        assert_eq!(f[9], 1.0 / 8.0);
        assert_eq!(decay_to_tenth(1, 2, 0, 5), 1.0);
        assert!((decay_to_tenth(2, 2, 4, 5) - (1.0 - 0.9 * 0.9)).abs() < 1e-12);
    }
}
