//! The learned attribution-role tagger: a bidirectional LSTM over the encoder's frozen word
//! features ([`NerModel::predict_with_features`]) of a whole article, giving each word the
//! probability of lying inside a PolNeAR `Cue`, `Content` and `Source` span
//! ([`RoleScores`], one column per [`Role`]). A document far longer than any article is read
//! in segments of whole sentences (`ner::bert::SEGMENT_WORDS`), each a sequence of its own, so
//! the LSTM's memory does not grow with the document.
//!
//! The cue head ([`super::cue`]) looks at one word and its neighbours; what an attribution
//! reports and who reports it needs the words around it over a longer stretch (the clause
//! after `said that`, the quotation that runs on into the next paragraph), which the LSTM
//! reads in both directions. `quotes` uses the content and source probabilities to find
//! reported content no cue frame covers, and the source of a learned cue.
//!
//! `newsmine train-roles` fits it on a PolNeAR split (`train::roles`) and saves it as
//! [`FILE`] beside the NER model. Its cue column also serves as the words' cue scores when the
//! model folder has no cue head (the committed model has none: on held-out PolNeAR train the
//! tagger's cue column did better).
//!
//! [`NerModel::predict_with_features`]: crate::encoder::NerModel::predict_with_features

use super::read_head;
use crate::encoder::model::write_half;
use crate::encoder::{device, ModelError};
use crate::labels::{Role, RoleScores};
use std::path::Path;
use tch::{nn, nn::Module, nn::RNN, Kind, Tensor};

/// The tagger's weights file in a model folder.
pub const FILE: &str = "role_head.safetensors";
/// Width of the projection before the LSTM.
const PROJECTION: i64 = 256;
/// Hidden width of each LSTM direction.
const HIDDEN: i64 = 128;

/// Projection, bidirectional LSTM and one logit per role.
pub struct RoleHead {
    pub vs: nn::VarStore,
    projection: nn::Linear,
    lstm: nn::LSTM,
    out: nn::Linear,
    /// Width of a word's features.
    pub input: i64,
}

impl RoleHead {
    /// A freshly initialised tagger over word features of width `input`.
    pub fn new(input: i64) -> RoleHead {
        let vs = nn::VarStore::new(device());
        let root = vs.root();
        let projection = nn::linear(&root / "projection", input, PROJECTION, Default::default());
        let config = nn::RNNConfig { bidirectional: true, batch_first: true, ..Default::default() };
        let lstm = nn::lstm(&root / "lstm", PROJECTION, HIDDEN, config);
        let out = nn::linear(&root / "out", 2 * HIDDEN, Role::ALL.len() as i64, Default::default());
        RoleHead { vs, projection, lstm, out, input }
    }

    /// The tagger saved in `dir`, or `None` when the folder has none.
    pub fn load(dir: &Path) -> Result<Option<RoleHead>, ModelError> {
        read_head(&dir.join(FILE), "projection.weight", RoleHead::new, |h| &mut h.vs)
    }

    /// Writes the weights (fp16) to `dir`/[`FILE`].
    pub fn save(&self, dir: &Path) -> Result<(), ModelError> {
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
        let p =
            tch::no_grad(|| self.logits(&features.to_kind(Kind::Float).unsqueeze(0), false).sigmoid().squeeze_dim(0));
        let flat = Vec::<f32>::try_from(p.contiguous().view([-1])).expect("float tensor");
        flat.chunks(Role::ALL.len()).map(|c| RoleScores([c[0], c[1], c[2]])).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_tagger_loads_with_the_same_outputs() {
        let dir = tempfile::tempdir().unwrap();
        tch::manual_seed(5);
        let head = RoleHead::new(8);
        let x = Tensor::randn([6, 8], (Kind::Float, device()));
        let before = head.probabilities(&x);
        assert_eq!(before.len(), 6);
        head.save(dir.path()).unwrap();
        let loaded = RoleHead::load(dir.path()).unwrap().expect("a tagger file was written");
        assert_eq!(loaded.input, 8);
        // fp16 storage: close, not equal.
        for (a, b) in before.iter().zip(loaded.probabilities(&x)) {
            for r in Role::ALL {
                assert!((a[r] - b[r]).abs() < 1e-2, "{a:?} vs {b:?}");
            }
        }
        assert!(RoleHead::load(&dir.path().join("none")).unwrap().is_none());
        assert!(head.probabilities(&Tensor::zeros([0, 8], (Kind::Float, device()))).is_empty());
    }

    #[test]
    fn the_tagger_reads_the_whole_sequence() {
        // A bidirectional LSTM: a word's scores change with words after it, not only before.
        tch::manual_seed(7);
        let head = RoleHead::new(4);
        let x = Tensor::randn([5, 4], (Kind::Float, device()));
        let y = x.copy();
        let _ = y.get(4).fill_(3.0);
        let (a, b) = (head.probabilities(&x), head.probabilities(&y));
        assert!((a[0][Role::Content] - b[0][Role::Content]).abs() > 1e-6, "the first word sees the last");
    }
}
