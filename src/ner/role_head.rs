//! The learned attribution-role tagger: a bidirectional LSTM over the NER model's frozen word
//! features ([`NerModel::predict_with_features`]) of a whole document, giving each word the
//! probability of lying inside a PolNeAR `Cue`, `Content` and `Source` span ([`ROLES`]).
//!
//! The cue head ([`super::cue_head`]) looks at one word and its neighbours; what an
//! attribution reports and who reports it needs the words around it over a longer stretch
//! (the clause after `said that`, the quotation that runs on into the next paragraph), which
//! the LSTM reads in both directions. `quotes` uses the content and source probabilities to
//! find reported content no cue frame covers, and the source of a learned cue.
//!
//! `newsmine train-roles` fits it on a PolNeAR split ([`train`]), from the same feature cache
//! as `train-cues`, and saves it as [`FILE`] beside the NER model. Its cue column also serves
//! as the words' cue scores when the model folder has no cue head (the committed model has
//! none: on held-out PolNeAR train the tagger's cue column did better).

use super::model::{read_head, write_half, NerModel};
use super::cue_head::{cached_examples, word_counts};
use super::{window_words, windows, NerError};
use crate::eval::brat::{load_polnear, GoldArticle};
use crate::eval::metrics::Counts;
use crate::segment;
use crate::span::{CharMap, Span};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use std::path::{Path, PathBuf};
use std::time::Instant;
use tch::{nn, nn::Module, nn::OptimizerConfig, nn::RNN, Device, Kind, Reduction, Tensor};

/// The tagger's weights file in a model folder.
pub const FILE: &str = "role_head.safetensors";
/// The roles, in the order of the tagger's outputs.
pub const ROLES: [&str; 3] = ["cue", "content", "source"];
/// Width of the projection before the LSTM.
const PROJECTION: i64 = 256;
/// Hidden width of each LSTM direction.
const HIDDEN: i64 = 128;
/// Words per training sequence.
const CHUNK: usize = 256;

/// Projection, bidirectional LSTM and one logit per role.
pub struct RoleHead {
    pub vs: nn::VarStore,
    projection: nn::Linear,
    lstm: nn::LSTM,
    out: nn::Linear,
    /// Width of a word's features.
    pub input: i64,
}

pub use crate::doc::RoleScores;

impl RoleHead {
    /// A freshly initialised tagger over word features of width `input`.
    pub fn new(input: i64) -> RoleHead {
        let vs = nn::VarStore::new(Device::Cpu);
        let root = vs.root();
        let projection = nn::linear(&root / "projection", input, PROJECTION, Default::default());
        let config = nn::RNNConfig { bidirectional: true, batch_first: true, ..Default::default() };
        let lstm = nn::lstm(&root / "lstm", PROJECTION, HIDDEN, config);
        let out = nn::linear(&root / "out", 2 * HIDDEN, ROLES.len() as i64, Default::default());
        RoleHead { vs, projection, lstm, out, input }
    }

    /// The tagger saved in `dir`, or `None` when the folder has none.
    pub fn load(dir: &Path) -> Result<Option<RoleHead>, NerError> {
        read_head(&dir.join(FILE), "projection.weight", RoleHead::new, |h| &mut h.vs)
    }

    /// Writes the weights (fp16) to `dir`/[`FILE`].
    pub fn save(&self, dir: &Path) -> Result<(), NerError> {
        write_half(&self.vs, &dir.join(FILE))
    }

    /// Role logits `[b, t, roles]` for sequences of word features `[b, t, input]`.
    pub fn logits(&self, features: &Tensor, train: bool) -> Tensor {
        let x = self.projection.forward(&features.dropout(0.1, train)).relu().dropout(0.1, train);
        let (h, _) = self.lstm.seq(&x);
        self.out.forward(&h.dropout(0.1, train))
    }

    /// Role probabilities of one document's words from their features `[n, input]` in text
    /// order, read as one sequence.
    pub fn probabilities(&self, features: &Tensor) -> Vec<RoleScores> {
        if features.size()[0] == 0 {
            return Vec::new();
        }
        let p = tch::no_grad(|| self.logits(&features.to_kind(Kind::Float).unsqueeze(0), false).sigmoid().squeeze_dim(0));
        let flat = Vec::<f32>::try_from(p.contiguous().view([-1])).expect("float tensor");
        flat.chunks(ROLES.len()).map(|c| RoleScores([c[0], c[1], c[2]])).collect()
    }
}

/// The words of an article in the order the recognizer feeds them to the heads: the words of
/// each window of the sentences of extracted paragraphs that the encoder keeps.
pub fn article_words(model: &NerModel, text: &str) -> Vec<Span> {
    let (paragraphs, sentences) = segment::segment(text);
    window_words(&windows(model, text, &segment::extracted_spans(&paragraphs, &sentences)))
}

/// 0/1 role labels of `words` (flattened, [`ROLES`] order): a word has a role when it overlaps
/// a fragment of that role's span in any attribution of the article.
pub fn labels(gold: &GoldArticle, words: &[Span]) -> Vec<f32> {
    let map = CharMap::new(&gold.text);
    let spans = |pick: &dyn Fn(&crate::eval::brat::GoldAttribution) -> Vec<(usize, usize)>| -> Vec<Span> {
        gold.attributions.iter().flat_map(|g| pick(g)).map(|(s, e)| map.span(s, e)).collect()
    };
    let cue = spans(&|g| g.cue.as_ref().map(|c| c.fragments.clone()).unwrap_or_default());
    let content = spans(&|g| g.content.clone());
    let source = spans(&|g| g.source.as_ref().map(|c| c.fragments.clone()).unwrap_or_default());
    let mut out = Vec::with_capacity(words.len() * ROLES.len());
    for w in words {
        for set in [&cue, &content, &source] {
            out.push(if set.iter().any(|s| s.overlaps(*w)) { 1.0 } else { 0.0 });
        }
    }
    out
}

/// Which articles (by name, in split order) a run holds out of fitting: the last `last`, or with
/// `each` > 0 the last `each` of every source (the name up to its first `_`).
pub fn held_out(names: &[&str], last: usize, each: usize) -> Vec<bool> {
    if each == 0 {
        let first = names.len().saturating_sub(last);
        return (0..names.len()).map(|i| i >= first).collect();
    }
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut out = vec![false; names.len()];
    for (i, n) in names.iter().enumerate().rev() {
        let count = seen.entry(n.split('_').next().unwrap_or("")).or_default();
        if *count < each {
            out[i] = true;
            *count += 1;
        }
    }
    out
}

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

/// Word-level precision, recall and F1 of one role on held-out words at threshold 0.5.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleScore {
    pub role: &'static str,
    pub counts: Counts,
}

/// Fits the tagger on the split's cached features (less the held-out articles), saves it
/// beside the NER model, and returns the held-out word scores per role (empty without a
/// hold-out).
pub fn train(cfg: &RoleTrainConfig, mut log: impl FnMut(&str)) -> Result<Vec<RoleScore>, NerError> {
    tch::manual_seed(cfg.seed as i64);
    let mut rng = StdRng::seed_from_u64(cfg.seed);
    let model = NerModel::load(&cfg.model_dir)?;
    let articles = load_polnear(&cfg.split)?;
    let cache = &cfg.cache;
    let bad = |reason: String| NerError::Model { path: cache.clone(), reason };
    let features = cached_examples(&model, &articles, Some(cache), &mut log)?.features;
    // Each article's rows, in cache order, and its labels from the words re-derived here.
    let mut ranges = Vec::new();
    let mut all_labels = Vec::new();
    let mut start = 0usize;
    for gold in &articles {
        let words = article_words(&model, &gold.text);
        all_labels.extend(labels(gold, &words));
        ranges.push((start, start + words.len()));
        start += words.len();
    }
    if start as i64 != features.size()[0] {
        return Err(bad(format!("{} cached words, {start} in the split: the cache was made from another split or model", features.size()[0])));
    }
    let labels = Tensor::from_slice(&all_labels).view([-1, ROLES.len() as i64]);
    let names: Vec<&str> = articles.iter().map(|a| a.name.as_str()).collect();
    let held_out = held_out(&names, cfg.holdout, cfg.holdout_each);
    let pick = |held: bool| -> Vec<(usize, usize)> { ranges.iter().zip(&held_out).filter(|(_, &h)| h == held).map(|(&r, _)| r).collect() };
    let (held_ranges, fit_ranges) = (pick(true), pick(false));
    let fit_words: usize = fit_ranges.iter().map(|(s, e)| e - s).sum();
    log(&format!("{fit_words} words to fit in {} articles, {} held out in {}", fit_ranges.len(), start - fit_words, held_ranges.len()));
    let head = RoleHead::new(features.size()[1]);
    let mut opt = nn::AdamW::default().build(&head.vs, cfg.lr).map_err(NerError::Torch)?;
    let batch = 16;
    for epoch in 1..=cfg.epochs {
        let started = Instant::now();
        // Sequences of up to CHUNK words, cut at a random phase each epoch.
        let mut seqs: Vec<(usize, usize)> = Vec::new();
        for &(s, e) in &fit_ranges {
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
        seqs.shuffle(&mut rng);
        let batches = seqs.len().div_ceil(batch);
        let mut loss_sum = 0.0;
        for (n, group) in seqs.chunks(batch).enumerate() {
            let progress = ((epoch - 1) * batches + n) as f64 / (cfg.epochs * batches) as f64;
            opt.set_lr(cfg.lr * (1.0 - 0.9 * progress));
            let len = group.iter().map(|(a, b)| b - a).max().unwrap_or(0) as i64;
            let mut xs = Vec::new();
            let mut ys = Vec::new();
            let mut masks = Vec::new();
            for &(a, b) in group {
                let l = (b - a) as i64;
                let pad = len - l;
                xs.push(features.narrow(0, a as i64, l).to_kind(Kind::Float).constant_pad_nd([0, 0, 0, pad]));
                ys.push(labels.narrow(0, a as i64, l).constant_pad_nd([0, 0, 0, pad]));
                masks.push(Tensor::ones([l], (Kind::Float, Device::Cpu)).constant_pad_nd([0, pad]));
            }
            let x = Tensor::stack(&xs, 0);
            let y = Tensor::stack(&ys, 0);
            let mask = Tensor::stack(&masks, 0).unsqueeze(-1).expand([-1, -1, ROLES.len() as i64], false);
            let loss = head.logits(&x, true).binary_cross_entropy_with_logits::<Tensor>(&y, Some(mask.shallow_clone()), None, Reduction::Sum) / (mask.sum(Kind::Float) + 1.0);
            opt.backward_step(&loss);
            loss_sum += loss.double_value(&[]);
        }
        log(&format!("epoch {epoch}: loss {:.4} ({:.0}s)", loss_sum / batches.max(1) as f64, started.elapsed().as_secs_f64()));
    }
    head.save(&cfg.model_dir)?;
    log(&format!("saved {}", cfg.model_dir.join(FILE).display()));
    if held_ranges.is_empty() {
        return Ok(Vec::new());
    }
    let probabilities: Vec<RoleScores> = held_ranges.iter().flat_map(|&(s, e)| head.probabilities(&features.narrow(0, s as i64, (e - s) as i64))).collect();
    let gold: Vec<f32> = held_ranges.iter().flat_map(|&(s, e)| all_labels[s * ROLES.len()..e * ROLES.len()].iter().copied()).collect();
    Ok(ROLES
        .iter()
        .enumerate()
        .map(|(r, &role)| {
            let p: Vec<f32> = probabilities.iter().map(|s| s.0[r]).collect();
            let y: Vec<f32> = gold.iter().skip(r).step_by(ROLES.len()).copied().collect();
            RoleScore { role, counts: word_counts(&p, &y, 0.5) }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::brat::{attributions, parse_ann};

    #[test]
    fn labels_mark_words_inside_each_role_span() {
        // Code point offsets: `Ortega` 0-6, `said` 7-11, content 12-32 (`the ruling was wrong`).
        let text = "Ortega said the ruling was wrong.";
        let ann = "T1\tSource 0 6\tOrtega\nT2\tCue 7 11\tsaid\nT3\tContent 12 32\tthe ruling was wrong\n\
                   E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n";
        let gold = GoldArticle {
            name: "a".into(),
            text: text.into(),
            ann_path: PathBuf::from("a.ann"),
            attributions: attributions(&parse_ann(ann).unwrap()),
        };
        let words: Vec<Span> = ["Ortega", "said", "the", "wrong", "."]
            .iter()
            .map(|w| {
                let at = text.find(w).unwrap();
                Span::new(at, at + w.len())
            })
            .collect();
        let got: Vec<Vec<f32>> = labels(&gold, &words).chunks(3).map(<[f32]>::to_vec).collect();
        assert_eq!(got, vec![vec![0., 0., 1.], vec![1., 0., 0.], vec![0., 1., 0.], vec![0., 1., 0.], vec![0., 0., 0.]]);
    }

    #[test]
    fn hold_out_the_last_articles_or_the_last_of_each_source() {
        let names = ["a_1", "a_2", "a_3", "b_1", "b_2", "c_1"];
        assert_eq!(held_out(&names, 2, 0), [false, false, false, false, true, true]);
        assert_eq!(held_out(&names, 0, 0), [false; 6]);
        assert_eq!(held_out(&names, 0, 2), [false, true, true, true, true, true]);
        assert_eq!(held_out(&names, 9, 1), [false, false, true, false, true, true]);
    }

    #[test]
    fn a_saved_tagger_loads_with_the_same_outputs() {
        let dir = tempfile::tempdir().unwrap();
        tch::manual_seed(5);
        let head = RoleHead::new(8);
        let x = Tensor::randn([6, 8], (Kind::Float, Device::Cpu));
        let before = head.probabilities(&x);
        assert_eq!(before.len(), 6);
        head.save(dir.path()).unwrap();
        let loaded = RoleHead::load(dir.path()).unwrap().expect("a tagger file was written");
        assert_eq!(loaded.input, 8);
        // fp16 storage: close, not equal.
        for (a, b) in before.iter().zip(loaded.probabilities(&x)) {
            for r in 0..ROLES.len() {
                assert!((a.0[r] - b.0[r]).abs() < 1e-2, "{a:?} vs {b:?}");
            }
        }
        assert!(RoleHead::load(&dir.path().join("none")).unwrap().is_none());
        assert!(head.probabilities(&Tensor::zeros([0, 8], (Kind::Float, Device::Cpu))).is_empty());
    }

    #[test]
    fn the_tagger_reads_the_whole_sequence() {
        // A bidirectional LSTM: a word's scores change with words after it, not only before.
        tch::manual_seed(7);
        let head = RoleHead::new(4);
        let x = Tensor::randn([5, 4], (Kind::Float, Device::Cpu));
        let y = x.copy();
        let _ = y.get(4).fill_(3.0);
        let (a, b) = (head.probabilities(&x), head.probabilities(&y));
        assert!((a[0].0[1] - b[0].0[1]).abs() > 1e-6, "the first word sees the last");
    }
}
