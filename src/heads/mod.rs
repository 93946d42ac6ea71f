//! The learned attribution heads: small networks over the encoder's frozen word features
//! ([`NerModel::predict_with_features`](crate::encoder::NerModel::predict_with_features))
//! that score each word's part in an attribution. [`role`] is a bidirectional LSTM over a
//! whole article giving each word its cue, content and source probabilities
//! ([`RoleScores`]); [`cue`] looks at a word and its neighbours and gives its cue
//! probability. Each is a weights file beside the NER model, loaded when present
//! ([`Heads::load`]). They run on states the NER pass computes anyway, so they cost almost
//! nothing. Runtime only: the training loops are in `train` (feature `train`).
//!
//! Hands on, per document, the role scores of every word ([`Heads::roles`]) and the words
//! likely to be part of a cue ([`Heads::cues`]); `quotes` decides what they frame.

pub mod cue;
pub mod role;

use crate::encoder::ModelError;
use crate::labels::{Role, RoleScores};
use crate::span::Span;
use cue::CueHead;
use role::RoleHead;
use std::path::Path;
use tch::{nn, Tensor};

/// Words below this cue probability are not handed on.
pub const CUE_WORD_MIN: f32 = 0.2;

/// The heads a model folder has; either may be missing.
pub struct Heads {
    pub cue: Option<CueHead>,
    pub role: Option<RoleHead>,
}

impl Heads {
    /// The heads saved in model folder `dir`, checked against the encoder's word features of
    /// width `width` (a cue head may also take a word's neighbours' features, `3 * width`).
    pub fn load(dir: &Path, width: i64) -> Result<Heads, ModelError> {
        let cue = CueHead::load(dir)?;
        let role = RoleHead::load(dir)?;
        let misfit = |file: &str, input: i64| ModelError::Model {
            path: dir.join(file),
            reason: format!("input width {input} does not fit word features of {width}"),
        };
        if let Some(head) = cue.as_ref().filter(|h| h.input != width && h.input != 3 * width) {
            return Err(misfit(cue::FILE, head.input));
        }
        if let Some(head) = role.as_ref().filter(|h| h.input != width) {
            return Err(misfit(role::FILE, head.input));
        }
        Ok(Heads { cue, role })
    }

    /// Whether there is any head to feed word features to.
    pub fn any(&self) -> bool {
        self.cue.is_some() || self.role.is_some()
    }

    /// Every word of a document (or of a segment of a long one) with its role probabilities,
    /// from the words' `features` (`[n, width]`, `words` order; `None` when the document has
    /// no words); `None` without a role tagger.
    pub fn roles(&self, words: &[Span], features: Option<&Tensor>) -> Option<Vec<(Span, RoleScores)>> {
        self.role.as_ref().map(|head| match features {
            Some(f) => words.iter().copied().zip(head.probabilities(f)).collect(),
            None => Vec::new(),
        })
    }

    /// The words whose cue probability is at least [`CUE_WORD_MIN`], with that probability:
    /// the cue head's when the folder has one, else the role tagger's cue column (`roles`,
    /// from [`Heads::roles`]), fitted on the same labels (identical on PolNeAR train) over a
    /// whole document rather than a word and its neighbours; `None` without either.
    pub fn cues(
        &self,
        words: &[Span],
        features: Option<&Tensor>,
        roles: Option<&[(Span, RoleScores)]>,
    ) -> Option<Vec<(Span, f32)>> {
        match (&self.cue, roles) {
            (Some(head), _) => Some(match features {
                Some(f) => {
                    words.iter().copied().zip(head.text_probabilities(f)).filter(|(_, p)| *p >= CUE_WORD_MIN).collect()
                }
                None => Vec::new(),
            }),
            (None, Some(roles)) => Some(
                roles.iter().filter(|(_, r)| r[Role::Cue] >= CUE_WORD_MIN).map(|&(s, r)| (s, r[Role::Cue])).collect(),
            ),
            (None, None) => None,
        }
    }
}

/// A head saved by `encoder::model::write_half` at `path`, or `None` when there is no such file: `build` makes
/// it for the input width read from tensor `width_of` (its second dimension) and hands back the
/// head with its variable store, into which the weights are loaded as fp32.
pub(crate) fn read_head<H>(
    path: &Path,
    width_of: &str,
    build: impl FnOnce(i64) -> H,
    vs: impl FnOnce(&mut H) -> &mut nn::VarStore,
) -> Result<Option<H>, ModelError> {
    if !path.is_file() {
        return Ok(None);
    }
    let bad = |reason: String| ModelError::Model { path: path.to_path_buf(), reason };
    let named = Tensor::read_safetensors(path).map_err(|e| bad(e.to_string()))?;
    let width = named
        .iter()
        .find(|(name, _)| name == width_of)
        .map(|(_, t)| t.size()[1])
        .ok_or_else(|| bad(format!("no {width_of} tensor")))?;
    let mut head = build(width);
    let store = vs(&mut head);
    store.load(path).map_err(|e| bad(e.to_string()))?;
    store.float();
    Ok(Some(head))
}
