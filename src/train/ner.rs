//! Fine-tuning the tagger on CoNLL-2003 (`newsmine train`): word-level BIO tags on each
//! word's first piece, AdamW with linear warm-up and decay, the encoder and the new heads at
//! separate learning rates, length-bucketed batches, a fixed seed, and model selection by
//! entity F1 (exact span and type) on the validation file after every epoch.

use super::{warmup_then_decay, TrainError};
use crate::encoder::{Encoded, NerModel};
use crate::formats::conll::{read_conll, ConllSentence};
use crate::labels::BioTag;
use crate::ner::bert::predict_tags;
use crate::ner::tags::chunks;
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
pub fn entity_f1(gold: &[Vec<BioTag>], pred: &[Vec<BioTag>]) -> f64 {
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    for (g, p) in gold.iter().zip(pred) {
        let gm = chunks(g);
        let pm = chunks(p);
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

/// Each sentence encoded, with the tag index of each word the encoder keeps (IOB2).
fn encode_all(model: &NerModel, sentences: &[ConllSentence]) -> Vec<(Encoded, Vec<i64>)> {
    sentences
        .iter()
        .map(|s| {
            let words: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            let enc = model.encode(&words);
            let tags = BioTag::sequence(&s.tags).iter().take(enc.first_piece.len()).map(|t| t.index() as i64).collect();
            (enc, tags)
        })
        .collect()
}

/// Trains, keeps the epoch with the best validation F1 in `out_dir`, and returns the log.
pub fn train(cfg: &TrainConfig, mut log: impl FnMut(&str)) -> Result<Vec<EpochLog>, TrainError> {
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
    let valid_gold: Vec<Vec<BioTag>> = valid_set.iter().map(|s| BioTag::sequence(&s.tags)).collect();
    log(&format!("train {} sentences, valid {} sentences", train_enc.len(), valid_enc.len()));

    let mut opt = nn::AdamW::default().build(&model.vs, cfg.encoder_lr)?;
    let steps_per_epoch = train_enc.len().div_ceil(cfg.batch_size);
    let total = (steps_per_epoch * cfg.epochs) as f64;
    let warmup = (total * cfg.warmup).max(1.0);
    let mut step = 0f64;
    let mut best = -1.0;
    let mut history = Vec::new();
    for epoch in 1..=cfg.epochs {
        let started = Instant::now();
        let batches = length_buckets(&train_enc, cfg.batch_size, &mut rng);
        let mut loss_sum = 0.0;
        for (n, batch_idx) in batches.iter().enumerate() {
            let factor = warmup_then_decay(step, warmup, total);
            opt.set_lr_group(0, cfg.encoder_lr * factor);
            opt.set_lr_group(1, cfg.head_lr * factor);
            let loss = batch_loss(&model, &train_enc, batch_idx);
            opt.backward_step_clip_norm(&loss, 1.0);
            loss_sum += loss.double_value(&[]);
            step += 1.0;
            if (n + 1) % 50 == 0 {
                let seconds = started.elapsed().as_secs_f64();
                log(&format!(
                    "epoch {epoch} step {}/{} loss {:.4} ({seconds:.0}s)",
                    n + 1,
                    batches.len(),
                    loss_sum / (n + 1) as f64
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

/// One epoch's batches of sentence indices, in length buckets: shuffle, sort within windows
/// of 50 batches, shuffle the batches.
fn length_buckets(train: &[(Encoded, Vec<i64>)], batch_size: usize, rng: &mut StdRng) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..train.len()).collect();
    order.shuffle(rng);
    for window in order.chunks_mut(batch_size * 50) {
        window.sort_by_key(|&i| train[i].0.ids.len());
    }
    let mut batches: Vec<Vec<usize>> = order.chunks(batch_size).map(<[usize]>::to_vec).collect();
    batches.shuffle(rng);
    batches
}

/// The mean cross-entropy of the tags of the sentences `batch_idx` of `train` (words past a
/// sentence's end are ignored).
fn batch_loss(model: &NerModel, train: &[(Encoded, Vec<i64>)], batch_idx: &[usize]) -> Tensor {
    let batch: Vec<&Encoded> = batch_idx.iter().map(|&i| &train[i].0).collect();
    let w = batch.iter().map(|e| e.first_piece.len()).max().unwrap_or(0).max(1);
    let mut targets = vec![-100i64; batch.len() * w];
    for (row, &i) in batch_idx.iter().enumerate() {
        let tags = &train[i].1;
        targets[row * w..row * w + tags.len()].copy_from_slice(tags);
    }
    let logits = model.forward(&batch, true);
    logits.view([-1, BioTag::COUNT as i64]).cross_entropy_loss::<Tensor>(
        &Tensor::from_slice(&targets),
        None,
        Reduction::Mean,
        -100,
        0.0,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_f1_counts_exact_mentions() {
        let gold = vec![BioTag::sequence(&["B-PER", "I-PER", "O", "B-LOC"])];
        let pred = vec![BioTag::sequence(&["B-PER", "O", "O", "B-LOC"])];
        // One of two predicted mentions right, one of two gold mentions found.
        assert!((entity_f1(&gold, &pred) - 0.5).abs() < 1e-9);
        assert_eq!(entity_f1(&gold, &gold), 1.0);
    }
}
