//! Fine-tuning the tagger on CoNLL-2003 (`newsmine train`): word-level BIO tags on each
//! word's first piece, AdamW with linear warm-up and decay, the encoder and the new heads at
//! separate learning rates, length-bucketed batches, a fixed seed, and model selection by
//! entity F1 (exact span and type) on the validation file after every epoch.

use crate::eval::{read_conll, ConllSentence};
use super::model::{Encoded, NerModel};
use super::tags::{mentions, tag_index, viterbi, NUM_TAGS};
use super::NerError;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::SeedableRng;
use std::path::PathBuf;
use std::time::Instant;
use tch::{nn, nn::OptimizerConfig, Reduction, Tensor};

/// Everything a training run depends on; the defaults are the committed model's settings.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    pub encoder_dir: PathBuf,
    pub train_file: PathBuf,
    pub valid_file: PathBuf,
    pub out_dir: PathBuf,
    pub epochs: usize,
    pub batch_size: usize,
    pub encoder_lr: f64,
    pub head_lr: f64,
    pub warmup: f64,
    pub seed: u64,
    /// Use only the first N training sentences (smoke runs).
    pub limit: Option<usize>,
    pub max_pieces: usize,
}

impl TrainConfig {
    pub fn new(encoder_dir: PathBuf, train_file: PathBuf, valid_file: PathBuf, out_dir: PathBuf) -> Self {
        TrainConfig {
            encoder_dir,
            train_file,
            valid_file,
            out_dir,
            epochs: 3,
            batch_size: 32,
            encoder_lr: 1e-4,
            head_lr: 1e-3,
            warmup: 0.1,
            seed: 13,
            limit: None,
            max_pieces: 192,
        }
    }
}

/// One epoch's outcome.
#[derive(Debug, Clone)]
pub struct EpochLog {
    pub epoch: usize,
    pub train_loss: f64,
    pub valid_f1: f64,
    pub seconds: f64,
}

/// Micro-averaged exact-match entity F1 of predicted against gold tag sequences.
pub fn entity_f1(gold: &[Vec<usize>], pred: &[Vec<usize>]) -> f64 {
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    for (g, p) in gold.iter().zip(pred) {
        let gm = mentions(g);
        let pm = mentions(p);
        np += pm.len();
        ng += gm.len();
        tp += pm.iter().filter(|m| gm.contains(m)).count();
    }
    if tp == 0 {
        return 0.0;
    }
    let (p, r) = (tp as f64 / np as f64, tp as f64 / ng as f64);
    2.0 * p * r / (p + r)
}

fn encode_all(model: &NerModel, sentences: &[ConllSentence]) -> Vec<(Encoded, Vec<i64>)> {
    sentences
        .iter()
        .map(|s| {
            let words: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            let enc = model.encode(&words);
            let tags = s.tags.iter().take(enc.first_piece.len()).map(|t| tag_index(t).unwrap_or(0) as i64).collect();
            (enc, tags)
        })
        .collect()
}

/// Tags the sentences with the model (constrained decoding), in length-sorted batches.
pub fn predict_tags(model: &NerModel, encoded: &[Encoded], batch_size: usize) -> Vec<Vec<usize>> {
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

/// Trains, keeps the epoch with the best validation F1 in `out_dir`, and returns the log.
pub fn train(cfg: &TrainConfig, mut log: impl FnMut(&str)) -> Result<Vec<EpochLog>, NerError> {
    tch::manual_seed(cfg.seed as i64);
    let mut rng = StdRng::seed_from_u64(cfg.seed);
    let mut model = NerModel::from_encoder(&cfg.encoder_dir, cfg.max_pieces)?;
    let mut train_set = read_conll(&cfg.train_file)?;
    if let Some(n) = cfg.limit {
        train_set.truncate(n);
    }
    let valid_set = read_conll(&cfg.valid_file)?;
    let train_enc = encode_all(&model, &train_set);
    let valid_enc: Vec<Encoded> = encode_all(&model, &valid_set).into_iter().map(|(e, _)| e).collect();
    let valid_gold: Vec<Vec<usize>> =
        valid_set.iter().map(|s| s.tags.iter().map(|t| tag_index(t).unwrap_or(0)).collect()).collect();
    log(&format!("train {} sentences, valid {} sentences", train_enc.len(), valid_enc.len()));

    let mut opt = nn::AdamW::default().build(&model.vs, cfg.encoder_lr).map_err(NerError::Torch)?;
    let steps_per_epoch = train_enc.len().div_ceil(cfg.batch_size);
    let total = (steps_per_epoch * cfg.epochs) as f64;
    let warmup = (total * cfg.warmup).max(1.0);
    let mut step = 0f64;
    let mut best = -1.0;
    let mut history = Vec::new();
    for epoch in 1..=cfg.epochs {
        let started = Instant::now();
        // Length buckets: shuffle, sort within windows of 50 batches, shuffle the batches.
        let mut order: Vec<usize> = (0..train_enc.len()).collect();
        order.shuffle(&mut rng);
        for window in order.chunks_mut(cfg.batch_size * 50) {
            window.sort_by_key(|&i| train_enc[i].0.ids.len());
        }
        let mut batches: Vec<&[usize]> = order.chunks(cfg.batch_size).collect();
        batches.shuffle(&mut rng);
        let mut loss_sum = 0.0;
        for (n, batch_idx) in batches.iter().enumerate() {
            let factor = if step < warmup { (step + 1.0) / warmup } else { ((total - step) / (total - warmup)).max(0.0) };
            opt.set_lr_group(0, cfg.encoder_lr * factor);
            opt.set_lr_group(1, cfg.head_lr * factor);
            let batch: Vec<Encoded> = batch_idx.iter().map(|&i| train_enc[i].0.clone()).collect();
            let w = batch.iter().map(|e| e.first_piece.len()).max().unwrap_or(0).max(1);
            let mut targets = vec![-100i64; batch.len() * w];
            for (row, &i) in batch_idx.iter().enumerate() {
                let tags = &train_enc[i].1;
                targets[row * w..row * w + tags.len()].copy_from_slice(tags);
            }
            let logits = model.forward(&batch, true);
            let loss = logits.view([-1, NUM_TAGS as i64]).cross_entropy_loss::<Tensor>(
                &Tensor::from_slice(&targets),
                None,
                Reduction::Mean,
                -100,
                0.0,
            );
            opt.backward_step_clip_norm(&loss, 1.0);
            loss_sum += loss.double_value(&[]);
            step += 1.0;
            if (n + 1) % 50 == 0 {
                log(&format!(
                    "epoch {epoch} step {}/{} loss {:.4} ({:.0}s)",
                    n + 1,
                    batches.len(),
                    loss_sum / (n + 1) as f64,
                    started.elapsed().as_secs_f64()
                ));
            }
        }
        let pred = predict_tags(&model, &valid_enc, 64);
        let f1 = entity_f1(&valid_gold, &pred);
        let entry = EpochLog {
            epoch,
            train_loss: loss_sum / batches.len().max(1) as f64,
            valid_f1: f1,
            seconds: started.elapsed().as_secs_f64(),
        };
        log(&format!("epoch {epoch}: loss {:.4}, valid F1 {:.4}, {:.0}s", entry.train_loss, f1, entry.seconds));
        history.push(entry);
        if f1 > best {
            best = f1;
            model.save(&cfg.out_dir)?;
            log(&format!("saved to {}", cfg.out_dir.display()));
        }
    }
    Ok(history)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(t: &[&str]) -> Vec<usize> {
        t.iter().map(|t| tag_index(t).unwrap()).collect()
    }

    #[test]
    fn entity_f1_counts_exact_mentions() {
        let gold = vec![tags(&["B-PER", "I-PER", "O", "B-LOC"])];
        let pred = vec![tags(&["B-PER", "O", "O", "B-LOC"])];
        // One of two predicted mentions right, one of two gold mentions found.
        assert!((entity_f1(&gold, &pred) - 0.5).abs() < 1e-9);
        assert_eq!(entity_f1(&gold, &gold), 1.0);
    }
}
