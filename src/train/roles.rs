//! Fitting the attribution-role tagger (`newsmine train-roles`, [`train`]) on a PolNeAR split
//! over the frozen encoder's cached word features, in sequences of up to `CHUNK` words,
//! and its word-level scores per role on held-out articles. The tagger itself is
//! [`crate::heads::role`].

use super::examples::{article_words, cached_examples, held_out, labels};
use super::{bad_file, decay_to_tenth, word_counts, TrainError};
use crate::encoder::{NerModel, Precision};
use crate::eval::metrics::Counts;
use crate::formats::brat::{load_polnear, GoldArticle};
use crate::heads::role::{RoleHead, FILE};
use crate::labels::{Role, RoleScores};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use std::path::PathBuf;
use std::time::Instant;
use tch::{nn, nn::OptimizerConfig, Kind, Reduction, Tensor};

/// Words per training sequence.
const CHUNK: usize = 256;

/// Everything a `train-roles` run depends on.
#[derive(Debug, Clone)]
pub struct RoleTrainConfig {
    /// A PolNeAR split folder (`text/`, `attributions/`).
    pub split: PathBuf,
    /// The NER model folder; the tagger is saved into it.
    pub model_dir: PathBuf,
    /// The split's word features ([`cached_examples`], shared with `train-cues --cache`):
    /// read when the file exists, else computed with the NER model's forward pass over the
    /// split (about 13 minutes on 2 cores) and written there.
    pub cache: PathBuf,
    pub epochs: usize,
    pub seed: u64,
    pub lr: f64,
    /// Hold the last N articles out of fitting and report word scores on them.
    pub holdout: usize,
    /// Hold out the last N articles of each source instead (the name up to its first `_`:
    /// `nyt`, `breitbart`, …), a sample of the split's seven outlets.
    pub holdout_each: usize,
}

impl RoleTrainConfig {
    pub fn new(split: PathBuf, model_dir: PathBuf, cache: PathBuf) -> Self {
        RoleTrainConfig { split, model_dir, cache, epochs: 10, seed: 13, lr: 2e-3, holdout: 0, holdout_each: 0 }
    }
}

/// Word-level counts of one role on held-out words at threshold 0.5.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleScore {
    pub role: Role,
    pub counts: Counts,
}

/// Fits the tagger on the split's cached features (less the held-out articles), saves it
/// beside the NER model, and returns the held-out word scores per role (empty without a
/// hold-out).
pub fn train(cfg: &RoleTrainConfig, mut log: impl FnMut(&str)) -> Result<Vec<RoleScore>, TrainError> {
    tch::manual_seed(cfg.seed as i64);
    let mut rng = StdRng::seed_from_u64(cfg.seed);
    // fp32 features on every CPU, so a head fits the same wherever it is trained.
    let model = NerModel::load(&cfg.model_dir, Precision::Fp32)?;
    let articles = load_polnear(&cfg.split)?;
    let features = cached_examples(&model, &articles, Some(&cfg.cache), &mut log)?.features;
    let (ranges, all_labels) = article_labels(&model, &articles);
    if all_labels.len() as i64 != features.size()[0] {
        let reason = format!(
            "{} cached words, {} in the split: the cache was made from another split or model",
            features.size()[0],
            all_labels.len()
        );
        return Err(bad_file(&cfg.cache, reason));
    }
    let labels = Tensor::from_slice(&all_labels.iter().flat_map(|r| r.0).collect::<Vec<f32>>())
        .view([-1, Role::ALL.len() as i64]);
    let names: Vec<&str> = articles.iter().map(|a| a.name.as_str()).collect();
    let held_out = held_out(&names, cfg.holdout, cfg.holdout_each);
    let pick = |held: bool| -> Vec<(usize, usize)> {
        ranges.iter().zip(&held_out).filter(|(_, &h)| h == held).map(|(&r, _)| r).collect()
    };
    let (held_ranges, fit_ranges) = (pick(true), pick(false));
    let fit_words: usize = fit_ranges.iter().map(|(s, e)| e - s).sum();
    log(&format!(
        "{fit_words} words to fit in {} articles, {} held out in {}",
        fit_ranges.len(),
        all_labels.len() - fit_words,
        held_ranges.len()
    ));
    let head = RoleHead::new(features.size()[1]);
    let mut opt = nn::AdamW::default().build(&head.vs, cfg.lr)?;
    let batch = 16;
    for epoch in 1..=cfg.epochs {
        let started = Instant::now();
        let seqs = sequences(&fit_ranges, &mut rng);
        let batches = seqs.len().div_ceil(batch);
        let mut loss_sum = 0.0;
        for (n, group) in seqs.chunks(batch).enumerate() {
            opt.set_lr(cfg.lr * decay_to_tenth(epoch, cfg.epochs, n, batches));
            let loss = batch_loss(&head, &features, &labels, group);
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
    Ok(held_out_scores(&head, &features, &held_ranges, &all_labels))
}

/// Each article's rows (`start..end` in split order, as in the feature cache) and the role
/// labels of all its words, from the words re-derived here.
fn article_labels(model: &NerModel, articles: &[GoldArticle]) -> (Vec<(usize, usize)>, Vec<RoleScores>) {
    let mut ranges = Vec::new();
    let mut all = Vec::new();
    for gold in articles {
        let words = article_words(model, &gold.text);
        ranges.push((all.len(), all.len() + words.len()));
        all.extend(labels(gold, &words));
    }
    (ranges, all)
}

/// One epoch's training sequences, shuffled: each article's rows in runs of up to [`CHUNK`]
/// words, cut at a random phase so the cuts move from epoch to epoch.
fn sequences(articles: &[(usize, usize)], rng: &mut StdRng) -> Vec<(usize, usize)> {
    let mut seqs = Vec::new();
    for &(s, e) in articles {
        let mut a = s;
        let phase = rng.gen_range(0..CHUNK);
        let mut b = (s + phase).min(e);
        if b == s {
            b = (s + CHUNK).min(e);
        }
        while a < e {
            seqs.push((a, b));
            a = b;
            b = (a + CHUNK).min(e);
        }
    }
    seqs.shuffle(rng);
    seqs
}

/// The masked mean loss of a batch of sequences (row ranges of `features` and `labels`),
/// padded to the longest.
fn batch_loss(head: &RoleHead, features: &Tensor, labels: &Tensor, group: &[(usize, usize)]) -> Tensor {
    let len = group.iter().map(|(a, b)| b - a).max().unwrap_or(0) as i64;
    let mut xs = Vec::new();
    let mut ys = Vec::new();
    let mut masks = Vec::new();
    for &(a, b) in group {
        let l = (b - a) as i64;
        let pad = len - l;
        xs.push(features.narrow(0, a as i64, l).to_kind(Kind::Float).constant_pad_nd([0, 0, 0, pad]));
        ys.push(labels.narrow(0, a as i64, l).constant_pad_nd([0, 0, 0, pad]));
        masks.push(Tensor::ones([l], (Kind::Float, features.device())).constant_pad_nd([0, pad]));
    }
    let x = Tensor::stack(&xs, 0);
    let y = Tensor::stack(&ys, 0);
    let mask = Tensor::stack(&masks, 0).unsqueeze(-1).expand([-1, -1, Role::ALL.len() as i64], false);
    head.logits(&x, true).binary_cross_entropy_with_logits::<Tensor>(
        &y,
        Some(mask.shallow_clone()),
        None,
        Reduction::Sum,
    ) / (mask.sum(Kind::Float) + 1.0)
}

/// Word counts per role of the tagger on the held-out articles' rows (`held`), against
/// `labels` (all rows); empty without held-out articles.
fn held_out_scores(
    head: &RoleHead,
    features: &Tensor,
    held: &[(usize, usize)],
    labels: &[RoleScores],
) -> Vec<RoleScore> {
    if held.is_empty() {
        return Vec::new();
    }
    let probabilities: Vec<RoleScores> =
        held.iter().flat_map(|&(s, e)| head.probabilities(&features.narrow(0, s as i64, (e - s) as i64))).collect();
    let gold: Vec<RoleScores> = held.iter().flat_map(|&(s, e)| labels[s..e].iter().copied()).collect();
    Role::ALL
        .iter()
        .map(|&role| {
            let p: Vec<f32> = probabilities.iter().map(|s| s[role]).collect();
            let y: Vec<f32> = gold.iter().map(|s| s[role]).collect();
            RoleScore { role, counts: word_counts(&p, &y, 0.5) }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequences_cover_each_article_in_runs_of_at_most_chunk_words() {
        let articles = [(0, 600), (600, 610), (610, 610)];
        let mut seqs = sequences(&articles, &mut StdRng::seed_from_u64(1));
        seqs.sort();
        assert!(seqs.iter().all(|&(a, b)| a < b && b - a <= CHUNK));
        // Consecutive and complete: every row once, no run across an article's end.
        assert_eq!(seqs.first().map(|s| s.0), Some(0));
        assert!(seqs.windows(2).all(|w| w[0].1 == w[1].0));
        assert_eq!(seqs.last().map(|s| s.1), Some(610));
        assert!(!seqs.iter().any(|&(a, b)| a < 600 && b > 600));
    }
}
