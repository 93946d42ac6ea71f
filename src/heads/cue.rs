//! The learned attribution-cue detector: a small network over the encoder's frozen word
//! features ([`NerModel::predict_with_features`]), with those of the words before and after
//! ([`in_context`]) when trained with `--context`. It gives each word the probability of being
//! part of an attribution cue as PolNeAR annotates them (`said`, `according to`, `is
//! expected`, `made it clear`, `seemed`). The cue lexicon (`quotes/cues.tsv`) holds the common
//! verbs; the long tail of cue phrases (about 4,000 distinct ones among PolNeAR train's
//! misses) is what this head is for.
//!
//! `newsmine train-cues` fits it on a PolNeAR split (`train::cues`) and saves it as [`FILE`]
//! beside the NER model; [`Heads`](super::Heads) loads it when present. The committed model
//! has none: the role tagger's cue column ([`super::role`]) did better on held-out PolNeAR
//! train.
//!
//! [`NerModel::predict_with_features`]: crate::encoder::NerModel::predict_with_features

use super::read_head;
use crate::encoder::model::write_half;
use crate::encoder::{device, ModelError};
use std::path::Path;
use tch::{nn, nn::Module, Kind, Tensor};

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
pub fn padded(features: &Tensor) -> Tensor {
    let width = features.size()[1];
    Tensor::cat(&[features.shallow_clone(), Tensor::zeros([1, width], (features.kind(), features.device()))], 0)
}

/// [`in_context`] over features already [`padded`] (training pads a whole split once).
pub fn context_rows(padded: &Tensor, article: &[usize], rows: &[i64]) -> Tensor {
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
        let vs = nn::VarStore::new(device());
        let root = vs.root();
        let hidden = nn::linear(&root / "hidden", input, HIDDEN, Default::default());
        let out = nn::linear(&root / "out", HIDDEN, 1, Default::default());
        CueHead { vs, hidden, out, input }
    }

    /// The head saved in `dir`, or `None` when the folder has none. Its input width is read
    /// from the file.
    pub fn load(dir: &Path) -> Result<Option<CueHead>, ModelError> {
        read_head(&dir.join(FILE), "hidden.weight", CueHead::new, |h| &mut h.vs)
    }

    /// Writes the weights (fp16) to `dir`/[`FILE`].
    pub fn save(&self, dir: &Path) -> Result<(), ModelError> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_head_loads_with_the_same_outputs() {
        let dir = tempfile::tempdir().unwrap();
        tch::manual_seed(3);
        let head = CueHead::new(8);
        let x = Tensor::randn([5, 8], (Kind::Float, device()));
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
