//! CoNLL-2003 scoring: predicted tag sequences against the gold ones, the way `conlleval`
//! does: an entity is a chunk of the same type, correct only when its start, end and type all
//! equal a gold chunk's. The files are read by [`crate::formats::conll`]. Hands on
//! [`EntityScores`] (which the CSV entity scorer also fills) in a [`ConllReport`].

use std::collections::HashSet;
use std::path::Path;

use super::metrics::Counts;
use super::report::ConllReport;
use super::scores::EntityScores;
use super::EvalError;
use crate::labels::{BioTag, EntityLabel};
use crate::ner::tags::chunks;

/// Scores a tagger on the CoNLL-2003 file `gold`: `tag` gets the sentences' words and returns
/// one tag sequence per sentence (the NER model's `tag_words`). The report keeps `gold` as
/// given, for its heading.
pub fn eval_conll(gold: &Path, tag: impl FnOnce(&[Vec<String>]) -> Vec<Vec<BioTag>>) -> Result<ConllReport, EvalError> {
    EvalError::exists(gold)?;
    let sentences = crate::formats::conll::read_conll(gold)?;
    let words: Vec<Vec<String>> = sentences.iter().map(|s| s.tokens.clone()).collect();
    let tags: Vec<Vec<BioTag>> = sentences.iter().map(|s| BioTag::sequence(&s.tags)).collect();
    let pred = tag(&words);
    Ok(ConllReport::new(gold, score_conll(&tags, &pred)))
}

/// Scores predicted tag sequences against gold ones, sentence by sentence, by the chunks of
/// [`crate::ner::tags::chunks`] (conlleval's rules): an entity is right when its start, end
/// and type equal a gold one's. Extra predicted sentences count their chunks as false
/// positives. Per-label counts are keyed by the CoNLL names (`PER`, `ORG`, `LOC`, `MISC`).
///
/// ```
/// use newsmine::eval::score_conll;
/// use newsmine::labels::BioTag;
/// let s = BioTag::sequence(&["B-PER", "I-PER", "O"]);
/// let scores = score_conll(&[s.clone()], &[s]);
/// assert_eq!(scores.micro.f1(), 1.0);
/// ```
pub fn score_conll(gold: &[Vec<BioTag>], pred: &[Vec<BioTag>]) -> EntityScores {
    let mut scores = EntityScores::default();
    for i in 0..gold.len().max(pred.len()) {
        let g = gold.get(i).map(|s| chunks(s)).unwrap_or_default();
        let p = pred.get(i).map(|s| chunks(s)).unwrap_or_default();
        let gold_set: HashSet<&(usize, usize, EntityLabel)> = g.iter().collect();
        let pred_set: HashSet<&(usize, usize, EntityLabel)> = p.iter().collect();
        for c in &g {
            let hit = pred_set.contains(c);
            scores.add(c.2.conll_name(), Counts::new(usize::from(hit), 0, usize::from(!hit)));
        }
        for c in p.iter().filter(|c| !gold_set.contains(c)) {
            scores.add(c.2.conll_name(), Counts::new(0, 1, 0));
        }
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(t: &[&str]) -> Vec<BioTag> {
        BioTag::sequence(t)
    }

    #[test]
    fn chunks_follow_conlleval() {
        use EntityLabel::*;
        assert_eq!(
            chunks(&tags(&["B-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG"])),
            vec![(0, 2, Person), (2, 3, Person), (4, 5, Loc), (5, 6, Org)]
        );
    }

    #[test]
    fn b_i_boundary_counts_as_different_entities() {
        // Gold: two adjacent PER entities; pred merges them into one with I-.
        let gold = vec![tags(&["B-PER", "I-PER", "B-PER", "O", "B-LOC"])];
        let pred = vec![tags(&["B-PER", "I-PER", "I-PER", "O", "B-LOC"])];
        let s = score_conll(&gold, &pred);
        assert_eq!(s.per_label["PER"], Counts::new(0, 1, 2));
        assert_eq!(s.per_label["LOC"], Counts::new(1, 0, 0));
        assert_eq!(s.micro, Counts::new(1, 1, 2));
        assert_eq!(s.micro.precision(), 0.5);
        assert!((s.micro.recall() - 1.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn wrong_type_and_short_prediction() {
        let gold = vec![tags(&["B-ORG", "I-ORG"]), tags(&["B-MISC"])];
        let pred = vec![tags(&["B-LOC", "I-LOC"])];
        let s = score_conll(&gold, &pred);
        assert_eq!(s.per_label["ORG"], Counts::new(0, 0, 1));
        assert_eq!(s.per_label["LOC"], Counts::new(0, 1, 0));
        assert_eq!(s.per_label["MISC"], Counts::new(0, 0, 1));
        assert_eq!(score_conll(&[], &[]).micro, Counts::default());
    }

    #[test]
    fn eval_conll_tags_the_words_and_keeps_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let gold = dir.path().join("g.txt");
        std::fs::write(&gold, "EU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP B-PER\n").unwrap();
        // A tagger that calls every first word an organization.
        let r = eval_conll(&gold, |words| {
            words
                .iter()
                .map(|w| (0..w.len()).map(|i| if i == 0 { BioTag::B(EntityLabel::Org) } else { BioTag::O }).collect())
                .collect()
        })
        .unwrap();
        assert_eq!(r.gold, gold);
        assert_eq!(r.scores.per_label["ORG"], Counts::new(1, 1, 0));
        assert_eq!(r.scores.per_label["PER"], Counts::new(0, 0, 1));
        let err = eval_conll(Path::new("/nope"), |_| Vec::new()).unwrap_err();
        assert_eq!(err.to_string(), "no such file or folder: /nope");
    }

    #[test]
    fn real_valid_file_when_present() {
        let Some(path) = crate::testdata::shared("data/conll2003/valid.txt") else { return };
        let s = crate::formats::conll::read_conll(&path).unwrap();
        let gold: Vec<Vec<BioTag>> = s.iter().map(|x| BioTag::sequence(&x.tags)).collect();
        let scores = score_conll(&gold, &gold);
        // 1837 B-LOC + 922 B-MISC + 1341 B-ORG + 1842 B-PER tags in the file.
        assert_eq!(scores.micro, Counts::new(5942, 0, 0));
        assert_eq!(s.len(), 3250);
    }
}
