//! The learned attribution-cue detector: a small network over the NER model's frozen word
//! features ([`NerModel::predict_with_features`]), with those of the words before and after
//! ([`in_context`]) when trained with `--context` as the committed head is. It gives each word
//! the probability of being part of an attribution cue as PolNeAR annotates them (`said`,
//! `according to`, `is expected`, `made it clear`, `seemed`). The cue lexicon
//! (`quotes/cues.tsv`) holds the common verbs; the long tail of cue phrases (about 4,000
//! distinct ones among PolNeAR train's misses) is what this head is for. It runs on states the
//! NER pass computes anyway, so it costs almost nothing.
//!
//! `newsmine train-cues` fits it on a PolNeAR split ([`train`]) and saves it as
//! [`FILE`] beside the NER model; [`super::BertRecognizer`] loads it when present and hands the
//! word probabilities on with the mentions. `quotes` decides which of those words frame an
//! attribution.

use super::model::{read_head, write_half, Encoded, NerModel};
use super::{role_head, window_words, windows, NerError, BATCH};
use crate::eval::brat::{load_polnear, GoldArticle};
use crate::eval::metrics::Counts;
use crate::segment;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::SeedableRng;
use std::path::{Path, PathBuf};
use std::time::Instant;
use tch::{nn, nn::Module, nn::OptimizerConfig, Device, Kind, Reduction, Tensor};

/// The head's weights file in a model folder.
pub const FILE: &str = "cue_head.safetensors";
/// Width of the hidden layer.
const HIDDEN: i64 = 256;

/// A two-layer network from word features to a cue logit.
pub struct CueHead {
    pub vs: nn::VarStore,
    hidden: nn::Linear,
    out: nn::Linear,
    /// Input width: a word's features alone, or with its neighbours' ([`in_context`]).
    pub input: i64,
}

/// Rows `rows` of `features` (`[n, width]`, words in text order) with the features of the word
/// before and after on either side, `[rows, 3 * width]`; zeros where the neighbour lies in
/// another article (`article[i]` numbers each row's article) or past either end. The head
/// then sees the words around a cue (`according` `to`, `is` `expected`).
pub fn in_context(features: &Tensor, article: &[usize], rows: &[i64]) -> Tensor {
    context_rows(&padded(features), article, rows)
}

/// `features` with a row of zeros appended, for [`context_rows`].
fn padded(features: &Tensor) -> Tensor {
    let width = features.size()[1];
    Tensor::cat(&[features.shallow_clone(), Tensor::zeros([1, width], (features.kind(), Device::Cpu))], 0)
}

/// [`in_context`] over features already [`padded`] (a whole split is padded once).
fn context_rows(padded: &Tensor, article: &[usize], rows: &[i64]) -> Tensor {
    let n = article.len() as i64;
    let same = |a: i64, b: i64| b >= 0 && b < n && article[a as usize] == article[b as usize];
    let before: Vec<i64> = rows.iter().map(|&r| if same(r, r - 1) { r - 1 } else { n }).collect();
    let after: Vec<i64> = rows.iter().map(|&r| if same(r, r + 1) { r + 1 } else { n }).collect();
    let pick = |idx: &[i64]| padded.index_select(0, &Tensor::from_slice(idx));
    Tensor::cat(&[pick(rows), pick(&before), pick(&after)], 1)
}

impl CueHead {
    /// A freshly initialised head over features of width `input`.
    pub fn new(input: i64) -> CueHead {
        let vs = nn::VarStore::new(Device::Cpu);
        let root = vs.root();
        let hidden = nn::linear(&root / "hidden", input, HIDDEN, Default::default());
        let out = nn::linear(&root / "out", HIDDEN, 1, Default::default());
        CueHead { vs, hidden, out, input }
    }

    /// The head saved in `dir`, or `None` when the folder has none. Its input width is read
    /// from the file.
    pub fn load(dir: &Path) -> Result<Option<CueHead>, NerError> {
        read_head(&dir.join(FILE), "hidden.weight", CueHead::new, |h| &mut h.vs)
    }

    /// Writes the weights (fp16) to `dir`/[`FILE`].
    pub fn save(&self, dir: &Path) -> Result<(), NerError> {
        write_half(&self.vs, &dir.join(FILE))
    }

    /// Cue logits `[n]` for features `[n, input]`.
    pub fn logits(&self, features: &Tensor, train: bool) -> Tensor {
        let h = self.hidden.forward(&features.dropout(0.1, train)).relu().dropout(0.1, train);
        self.out.forward(&h).squeeze_dim(-1)
    }

    /// Cue probabilities of one document's words from their features `[n, width]` in text
    /// order, with the neighbours' features added when the head was trained with them.
    pub fn text_probabilities(&self, features: &Tensor) -> Vec<f32> {
        if self.input == features.size()[1] {
            return self.probabilities(features);
        }
        let n = features.size()[0];
        self.probabilities(&in_context(features, &vec![0; n as usize], &(0..n).collect::<Vec<_>>()))
    }

    /// Cue probabilities for features `[n, input]`, without gradients.
    pub fn probabilities(&self, features: &Tensor) -> Vec<f32> {
        let p = tch::no_grad(|| self.logits(&features.to_kind(Kind::Float), false).sigmoid());
        Vec::<f32>::try_from(p).expect("float tensor")
    }
}

/// The word features of a split and their labels: 1 for a word inside a gold `Cue` span.
pub struct Examples {
    /// `[n, width]`, fp16 to halve the memory of a whole split.
    pub features: Tensor,
    pub labels: Vec<f32>,
    /// The article index of each row.
    pub article: Vec<usize>,
}

/// Features and labels of every word of `articles` (sentences of extracted paragraphs, as
/// the pipeline tags them). A word is a cue word when it overlaps a fragment of any
/// attribution's `Cue` span of the article's annotator file.
pub fn examples(model: &NerModel, articles: &[GoldArticle], mut log: impl FnMut(&str)) -> Examples {
    let started = Instant::now();
    let mut features = Vec::new();
    let mut labels = Vec::new();
    let mut article = Vec::new();
    for (a, gold) in articles.iter().enumerate() {
        let text = gold.text.as_str();
        let (paragraphs, sentences) = segment::segment(text);
        let wins = windows(model, text, &segment::extracted_spans(&paragraphs, &sentences));
        // The cue column of the role labels, word for word in the order of the rows below.
        let words = window_words(&wins);
        labels.extend(role_head::labels(gold, &words).iter().step_by(role_head::ROLES.len()));
        article.extend(std::iter::repeat_n(a, words.len()));
        for chunk in wins.chunks(BATCH) {
            let batch: Vec<Encoded> = chunk.iter().map(|(_, e)| e.clone()).collect();
            let (_, f) = model.predict_with_features(&batch);
            let width = f.size()[2];
            let w = f.size()[1] as usize;
            let flat = f.view([-1, width]);
            let mut rows = Vec::new();
            for (row, (_, e)) in chunk.iter().enumerate() {
                rows.extend((0..e.first_piece.len()).map(|i| (row * w + i) as i64));
            }
            features.push(flat.index_select(0, &Tensor::from_slice(&rows)).to_kind(Kind::Half));
        }
        if (a + 1) % 50 == 0 {
            log(&format!("features: {}/{} articles, {} words ({:.0}s)", a + 1, articles.len(), labels.len(), started.elapsed().as_secs_f64()));
        }
    }
    Examples { features: Tensor::cat(&features, 0), labels, article }
}

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
    /// Feed the head each word's neighbours too ([`in_context`]).
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

/// Precision, recall and F1 of `probabilities >= threshold` against 0/1 `labels`.
pub fn word_scores(probabilities: &[f32], labels: &[f32], threshold: f32) -> WordScores {
    let c = word_counts(probabilities, labels, threshold);
    WordScores { threshold, precision: c.precision(), recall: c.recall(), f1: c.f1() }
}

/// [`examples`] of `articles`, read from the feature cache file `cache` when it exists, else
/// computed (the NER model's forward pass over the split) and written there. `train-cues` and
/// `train-roles` share it.
pub fn cached_examples(model: &NerModel, articles: &[GoldArticle], cache: Option<&Path>, log: &mut impl FnMut(&str)) -> Result<Examples, NerError> {
    Ok(match cache.filter(|c| c.is_file()) {
        Some(cache) => {
            let named = Tensor::read_safetensors(cache).map_err(|e| NerError::Model { path: cache.to_path_buf(), reason: e.to_string() })?;
            let get = |name: &str| named.iter().find(|(n, _)| n == name).map(|(_, t)| t.shallow_clone());
            let missing = || NerError::Model { path: cache.to_path_buf(), reason: "not a cue feature cache".into() };
            let labels = Vec::<f32>::try_from(get("labels").ok_or_else(missing)?).map_err(NerError::Torch)?;
            let article = Vec::<i64>::try_from(get("article").ok_or_else(missing)?).map_err(NerError::Torch)?;
            Examples { features: get("features").ok_or_else(missing)?, labels, article: article.into_iter().map(|a| a as usize).collect() }
        }
        None => {
            let data = examples(model, articles, log);
            if let Some(cache) = cache {
                let article: Vec<i64> = data.article.iter().map(|&a| a as i64).collect();
                let named = [
                    ("features", data.features.shallow_clone()),
                    ("labels", Tensor::from_slice(&data.labels)),
                    ("article", Tensor::from_slice(&article)),
                ];
                Tensor::write_safetensors(&named, cache).map_err(|e| NerError::Model { path: cache.to_path_buf(), reason: e.to_string() })?;
            }
            data
        }
    })
}

/// Fits the head on the split (less the held-out articles), saves it beside the NER model,
/// and returns the held-out word scores at thresholds 0.3, 0.4, 0.5, 0.6 and 0.7 (empty
/// without a hold-out).
pub fn train(cfg: &CueTrainConfig, mut log: impl FnMut(&str)) -> Result<Vec<WordScores>, NerError> {
    tch::manual_seed(cfg.seed as i64);
    let mut rng = StdRng::seed_from_u64(cfg.seed);
    let model = NerModel::load(&cfg.model_dir)?;
    let articles = load_polnear(&cfg.split)?;
    let data = cached_examples(&model, &articles, cfg.cache.as_deref(), &mut log)?;
    let names: Vec<&str> = articles.iter().map(|a| a.name.as_str()).collect();
    let held_out = role_head::held_out(&names, cfg.holdout, 0);
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
    let mut opt = nn::AdamW::default().build(&head.vs, cfg.lr).map_err(NerError::Torch)?;
    let labels = Tensor::from_slice(&data.labels);
    let batch = 1024;
    for epoch in 1..=cfg.epochs {
        let started = Instant::now();
        let mut order = fit.clone();
        order.shuffle(&mut rng);
        let mut loss_sum = 0.0;
        let batches = order.len().div_ceil(batch);
        for (n, idx) in order.chunks(batch).enumerate() {
            // Linear decay to a tenth of the rate over the run.
            let progress = ((epoch - 1) * batches + n) as f64 / (cfg.epochs * batches) as f64;
            opt.set_lr(cfg.lr * (1.0 - 0.9 * progress));
            let rows: Vec<i64> = idx.iter().map(|&i| i as i64).collect();
            let x = inputs(&rows).to_kind(Kind::Float);
            let y = labels.index_select(0, &Tensor::from_slice(&rows));
            let loss = head.logits(&x, true).binary_cross_entropy_with_logits::<Tensor>(&y, None, None, Reduction::Mean);
            opt.backward_step(&loss);
            loss_sum += loss.double_value(&[]);
        }
        log(&format!("epoch {epoch}: loss {:.4} ({:.0}s)", loss_sum / batches.max(1) as f64, started.elapsed().as_secs_f64()));
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

    #[test]
    fn a_saved_head_loads_with_the_same_outputs() {
        let dir = tempfile::tempdir().unwrap();
        tch::manual_seed(3);
        let head = CueHead::new(8);
        let x = Tensor::randn([5, 8], (Kind::Float, Device::Cpu));
        let before = head.probabilities(&x);
        head.save(dir.path()).unwrap();
        let loaded = CueHead::load(dir.path()).unwrap().expect("a head file was written");
        assert_eq!(loaded.input, 8);
        let after = loaded.probabilities(&x);
        // fp16 storage: close, not equal.
        for (a, b) in before.iter().zip(&after) {
            assert!((a - b).abs() < 1e-2, "{a} vs {b}");
        }
        assert!(CueHead::load(&dir.path().join("none")).unwrap().is_none());
    }

    #[test]
    fn context_rows_take_neighbours_within_an_article() {
        // Four words, values 1..4; words 0-1 in article 0, 2-3 in article 1.
        let f = Tensor::from_slice(&[1f32, 2., 3., 4.]).view([4, 1]);
        let x = in_context(&f, &[0, 0, 1, 1], &[0, 1, 2]);
        let got = Vec::<f32>::try_from(x.flatten(0, -1)).unwrap();
        // Rows: [word, before, after]; zeros across the article break and before the start.
        assert_eq!(got, vec![1., 0., 2., 2., 1., 0., 3., 0., 4.]);
    }
}
