//! The labelled words of a PolNeAR split that the heads are fitted on: every word the tagger
//! feeds the heads ([`article_words`], the same words in the same order as in extraction),
//! its encoder features, and its 0/1 role labels from the gold attributions ([`labels`]).
//! Computing the features is the NER model's forward pass over the split, so they can be
//! kept in a cache file ([`cached_examples`]) that `train-cues` and `train-roles` share.

use super::{bad_file, TrainError};
use crate::encoder::windows::{window_words, windows, BATCH};
use crate::encoder::{Encoded, NerModel};
use crate::formats::brat::{GoldArticle, GoldAttribution};
use crate::labels::{Role, RoleScores};
use crate::segment;
use crate::span::{CharMap, Span};
use std::path::Path;
use std::time::Instant;
use tch::{Kind, Tensor};

/// The word features of a split and their labels: 1 for a word inside a gold `Cue` span.
pub struct Examples {
    /// `[n, width]`, fp16 to halve the memory of a whole split.
    pub features: Tensor,
    pub labels: Vec<f32>,
    /// The article index of each row.
    pub article: Vec<usize>,
}

/// The windows of an article as the tagger reads them: those of the sentences of extracted
/// paragraphs.
fn article_windows(model: &NerModel, text: &str) -> Vec<(Vec<Span>, Encoded)> {
    let (paragraphs, sentences) = segment::segment(text);
    windows(model, text, &segment::extracted_spans(&paragraphs, &sentences))
}

/// The words of an article in the order the tagger feeds them to the heads: the words of
/// each window of the sentences of extracted paragraphs that the encoder keeps.
pub fn article_words(model: &NerModel, text: &str) -> Vec<Span> {
    window_words(&article_windows(model, text))
}

/// 0/1 role labels of `words`: a word has a role when it overlaps a fragment of that role's
/// span in any attribution of the article.
pub fn labels(gold: &GoldArticle, words: &[Span]) -> Vec<RoleScores> {
    let map = CharMap::new(&gold.text);
    let spans = |pick: &dyn Fn(&GoldAttribution) -> Vec<(usize, usize)>| -> Vec<Span> {
        gold.attributions.iter().flat_map(pick).map(|(s, e)| map.span(s, e)).collect()
    };
    let cue = spans(&|g| g.cue.as_ref().map(|c| c.fragments.clone()).unwrap_or_default());
    let content = spans(&|g| g.content.clone());
    let source = spans(&|g| g.source.as_ref().map(|c| c.fragments.clone()).unwrap_or_default());
    let label = |set: &[Span], w: Span| if set.iter().any(|s| s.overlaps(w)) { 1.0 } else { 0.0 };
    // `RoleScores` columns are in `Role` order: cue, content, source.
    words.iter().map(|&w| RoleScores([label(&cue, w), label(&content, w), label(&source, w)])).collect()
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

/// Features and cue labels of every word of `articles` (sentences of extracted paragraphs, as
/// the pipeline tags them). A word is a cue word when it overlaps a fragment of any
/// attribution's `Cue` span of the article's annotator file.
pub fn examples(model: &NerModel, articles: &[GoldArticle], mut log: impl FnMut(&str)) -> Examples {
    let started = Instant::now();
    let mut features = Vec::new();
    let mut cue_labels = Vec::new();
    let mut article = Vec::new();
    for (a, gold) in articles.iter().enumerate() {
        let wins = article_windows(model, &gold.text);
        // The cue column of the role labels, word for word in the order of the rows below.
        let words = window_words(&wins);
        cue_labels.extend(labels(gold, &words).iter().map(|r| r[Role::Cue]));
        article.extend(std::iter::repeat_n(a, words.len()));
        for chunk in wins.chunks(BATCH) {
            let batch: Vec<&Encoded> = chunk.iter().map(|(_, e)| e).collect();
            let (_, f) = model.predict_with_features(&batch);
            features.push(f.to_kind(Kind::Half));
        }
        if (a + 1) % 50 == 0 {
            log(&format!(
                "features: {}/{} articles, {} words ({:.0}s)",
                a + 1,
                articles.len(),
                cue_labels.len(),
                started.elapsed().as_secs_f64()
            ));
        }
    }
    Examples { features: Tensor::cat(&features, 0), labels: cue_labels, article }
}

/// [`examples`] of `articles`, read from the feature cache file `cache` when it exists, else
/// computed (the NER model's forward pass over the split) and written there. `train-cues` and
/// `train-roles` share it.
pub fn cached_examples(
    model: &NerModel,
    articles: &[GoldArticle],
    cache: Option<&Path>,
    log: &mut impl FnMut(&str),
) -> Result<Examples, TrainError> {
    let Some(cache) = cache.filter(|c| c.is_file()) else {
        let data = examples(model, articles, log);
        if let Some(cache) = cache {
            let article: Vec<i64> = data.article.iter().map(|&a| a as i64).collect();
            let named = [
                ("features", data.features.shallow_clone()),
                ("labels", Tensor::from_slice(&data.labels)),
                ("article", Tensor::from_slice(&article)),
            ];
            Tensor::write_safetensors(&named, cache).map_err(|e| bad_file(cache, e))?;
        }
        return Ok(data);
    };
    let named = Tensor::read_safetensors(cache).map_err(|e| bad_file(cache, e))?;
    let get = |name: &str| {
        named
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t.shallow_clone())
            .ok_or_else(|| bad_file(cache, "not a cue feature cache"))
    };
    let labels = Vec::<f32>::try_from(get("labels")?)?;
    let article = Vec::<i64>::try_from(get("article")?)?;
    Ok(Examples { features: get("features")?, labels, article: article.into_iter().map(|a| a as usize).collect() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::brat::{attributions, parse_ann};
    use std::path::PathBuf;

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
        let got: Vec<[f32; 3]> = labels(&gold, &words).iter().map(|r| r.0).collect();
        assert_eq!(got, vec![[0., 0., 1.], [1., 0., 0.], [0., 1., 0.], [0., 1., 0.], [0., 0., 0.]]);
    }

    #[test]
    fn hold_out_the_last_articles_or_the_last_of_each_source() {
        let names = ["a_1", "a_2", "a_3", "b_1", "b_2", "c_1"];
        assert_eq!(held_out(&names, 2, 0), [false, false, false, false, true, true]);
        assert_eq!(held_out(&names, 0, 0), [false; 6]);
        assert_eq!(held_out(&names, 0, 2), [false, true, true, true, true, true]);
        assert_eq!(held_out(&names, 9, 1), [false, false, true, false, true, true]);
    }
}
