//! Fitting the attribution-cue detector (`newsmine train-cues`, [`train`]) on a PolNeAR
//! split over the frozen encoder's word features, and its word-level scores on held-out
//! articles. The head itself is [`crate::heads::cue`].

use super::examples::{cached_examples, held_out};
use super::{decay_to_tenth, word_counts, TrainError};
use crate::encoder::{NerModel, Precision};
use crate::formats::brat::load_polnear;
use crate::heads::cue::{context_rows, padded, CueHead, FILE};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::SeedableRng;
use std::path::PathBuf;
use std::time::Instant;
use tch::{nn, nn::OptimizerConfig, Kind, Reduction, Tensor};

/// Everything a `train-cues` run depends on.
#[derive(Debug, Clone)]
pub struct CueTrainConfig {
    /// A PolNeAR split folder (`text/`, `attributions/`).
    pub split: PathBuf,
    /// The NER model folder; the head is saved into it.
    pub model_dir: PathBuf,
    pub epochs: usize,
    pub seed: u64,
    pub lr: f64,
    /// Hold the last N articles out of fitting and report word scores on them.
    pub holdout: usize,
    /// Feed the head each word's neighbours too ([`in_context`](crate::heads::cue::in_context)).
    pub context: bool,
    /// Keep the split's features in this file and reuse them on the next run.
    pub cache: Option<PathBuf>,
}

impl CueTrainConfig {
    pub fn new(split: PathBuf, model_dir: PathBuf) -> Self {
        CueTrainConfig { split, model_dir, epochs: 4, seed: 13, lr: 1e-3, holdout: 0, cache: None, context: false }
    }
}

/// Word-level scores of the head on held-out words at one threshold.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WordScores {
    pub threshold: f32,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// Precision, recall and F1 of `probabilities >= threshold` against 0/1 `labels`.
pub fn word_scores(probabilities: &[f32], labels: &[f32], threshold: f32) -> WordScores {
    let c = word_counts(probabilities, labels, threshold);
    WordScores { threshold, precision: c.precision(), recall: c.recall(), f1: c.f1() }
}

/// Fits the head on the split (less the held-out articles), saves it beside the NER model,
/// and returns the held-out word scores at thresholds 0.3, 0.4, 0.5, 0.6 and 0.7 (empty
/// without a hold-out).
pub fn train(cfg: &CueTrainConfig, mut log: impl FnMut(&str)) -> Result<Vec<WordScores>, TrainError> {
    tch::manual_seed(cfg.seed as i64);
    let mut rng = StdRng::seed_from_u64(cfg.seed);
    // fp32 features on every CPU, so a head fits the same wherever it is trained.
    let model = NerModel::load(&cfg.model_dir, Precision::Fp32)?;
    let articles = load_polnear(&cfg.split)?;
    let data = cached_examples(&model, &articles, cfg.cache.as_deref(), &mut log)?;
    let names: Vec<&str> = articles.iter().map(|a| a.name.as_str()).collect();
    let held_out = held_out(&names, cfg.holdout, 0);
    let (held, fit): (Vec<usize>, Vec<usize>) = (0..data.labels.len()).partition(|&i| held_out[data.article[i]]);
    let positives = fit.iter().filter(|&&i| data.labels[i] > 0.5).count();
    log(&format!("{} words to fit ({} cue words), {} held out", fit.len(), positives, held.len()));
    let width = data.features.size()[1];
    let head = CueHead::new(if cfg.context { 3 * width } else { width });
    let all = if cfg.context { padded(&data.features) } else { data.features.shallow_clone() };
    let inputs = |rows: &[i64]| {
        if cfg.context {
            context_rows(&all, &data.article, rows)
        } else {
            data.features.index_select(0, &Tensor::from_slice(rows))
        }
    };
    let mut opt = nn::AdamW::default().build(&head.vs, cfg.lr)?;
    let labels = Tensor::from_slice(&data.labels);
    let batch = 1024;
    for epoch in 1..=cfg.epochs {
        let started = Instant::now();
        let mut order = fit.clone();
        order.shuffle(&mut rng);
        let mut loss_sum = 0.0;
        let batches = order.len().div_ceil(batch);
        for (n, idx) in order.chunks(batch).enumerate() {
            opt.set_lr(cfg.lr * decay_to_tenth(epoch, cfg.epochs, n, batches));
            let rows: Vec<i64> = idx.iter().map(|&i| i as i64).collect();
            let x = inputs(&rows).to_kind(Kind::Float);
            let y = labels.index_select(0, &Tensor::from_slice(&rows));
            let loss =
                head.logits(&x, true).binary_cross_entropy_with_logits::<Tensor>(&y, None, None, Reduction::Mean);
            opt.backward_step(&loss);
            loss_sum += loss.double_value(&[]);
        }
        log(&format!(
            "epoch {epoch}: loss {:.4} ({:.0}s)",
            loss_sum / batches.max(1) as f64,
            started.elapsed().as_secs_f64()
        ));
    }
    head.save(&cfg.model_dir)?;
    log(&format!("saved {}", cfg.model_dir.join(FILE).display()));
    if held.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<i64> = held.iter().map(|&i| i as i64).collect();
    let probabilities = head.probabilities(&inputs(&rows));
    let gold: Vec<f32> = held.iter().map(|&i| data.labels[i]).collect();
    Ok([0.3, 0.4, 0.5, 0.6, 0.7].iter().map(|&t| word_scores(&probabilities, &gold, t)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_scores_count_thresholded_words() {
        let p = [0.9, 0.6, 0.2, 0.7];
        let y = [1.0, 0.0, 1.0, 1.0];
        // At 0.5: words 0, 1, 3 predicted; 0 and 3 right; word 2 missed.
        let s = word_scores(&p, &y, 0.5);
        assert!((s.precision - 2.0 / 3.0).abs() < 1e-9);
        assert!((s.recall - 2.0 / 3.0).abs() < 1e-9);
        let s = word_scores(&p, &y, 0.8);
        assert_eq!((s.precision, s.recall), (1.0, 1.0 / 3.0));
    }
}
