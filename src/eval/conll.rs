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
use crate::formats::conll::ConllSentence;

/// Reads a CoNLL-2003 file (see [`crate::formats::conll::read_conll`]).
// TEMP: re-export for ner until the merge; its `?` converts an `EvalError`, not a `FormatError`.
pub fn read_conll(path: &Path) -> Result<Vec<ConllSentence>, EvalError> {
    Ok(crate::formats::conll::read_conll(path)?)
}

/// Scores a tagger on the CoNLL-2003 file `gold`: `tag` gets the sentences' words and returns
/// one tag sequence per sentence (the NER model's `tag_words`). The report keeps `gold` as
/// given, for its heading.
pub fn eval_conll(
    gold: &Path,
    tag: impl FnOnce(&[Vec<String>]) -> Vec<Vec<String>>,
) -> Result<ConllReport, EvalError> {
    EvalError::exists(gold)?;
    let sentences = crate::formats::conll::read_conll(gold)?;
    let words: Vec<Vec<String>> = sentences.iter().map(|s| s.tokens.clone()).collect();
    let tags: Vec<Vec<String>> = sentences.into_iter().map(|s| s.tags).collect();
    let pred = tag(&words);
    Ok(ConllReport::new(gold, score_conll(&tags, &pred)))
}

/// Splits a tag into its prefix (`B`, `I`, `E`, `S`, `O`) and type (`PER`, empty for `O`).
fn split_tag(tag: &str) -> (&str, &str) {
    match tag.split_once('-') {
        Some((prefix, kind)) => (prefix, kind),
        None => (tag, ""),
    }
}

/// The chunks of one tag sequence as `(start, end, type)`, end exclusive, with conlleval's
/// rules: an `I-X` after `O` or after another type starts a new chunk, and a `B-X` always does.
pub fn chunks(tags: &[String]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    let (mut prev_tag, mut prev_type) = ("O", "");
    for (i, tag) in tags.iter().enumerate() {
        let (tag, kind) = split_tag(tag);
        if let Some((start, t)) = open {
            if end_of_chunk(prev_tag, tag, prev_type, kind) {
                out.push((start, i, t.to_string()));
                open = None;
            }
        }
        if start_of_chunk(prev_tag, tag, prev_type, kind) {
            open = Some((i, kind));
        }
        prev_tag = tag;
        prev_type = kind;
    }
    if let Some((start, t)) = open {
        out.push((start, tags.len(), t.to_string()));
    }
    out
}

// The two predicates below are conlleval's `endOfChunk` and `startOfChunk`.
fn end_of_chunk(prev_tag: &str, tag: &str, prev_type: &str, kind: &str) -> bool {
    matches!(prev_tag, "E" | "S")
        || (matches!(prev_tag, "B" | "I") && matches!(tag, "B" | "S" | "O"))
        || (prev_tag != "O" && prev_type != kind)
}

fn start_of_chunk(prev_tag: &str, tag: &str, prev_type: &str, kind: &str) -> bool {
    matches!(tag, "B" | "S")
        || (matches!(prev_tag, "E" | "S" | "O") && matches!(tag, "E" | "I"))
        || (tag != "O" && prev_type != kind)
}

/// Scores predicted tag sequences against gold ones, sentence by sentence. A predicted
/// sentence shorter than its gold sentence is read as `O` for the missing tokens (and extra
/// predicted sentences or tokens still count their chunks as false positives).
///
/// ```
/// use newsmine::eval::score_conll;
/// let s = |t: &[&str]| t.iter().map(|x| x.to_string()).collect::<Vec<_>>();
/// let scores = score_conll(&[s(&["B-PER", "I-PER", "O"])], &[s(&["B-PER", "I-PER", "O"])]);
/// assert_eq!(scores.micro.f1(), 1.0);
/// ```
pub fn score_conll(gold: &[Vec<String>], pred: &[Vec<String>]) -> EntityScores {
    let mut scores = EntityScores::default();
    for i in 0..gold.len().max(pred.len()) {
        let g = gold.get(i).map(|s| chunks(s)).unwrap_or_default();
        let p = pred.get(i).map(|s| chunks(s)).unwrap_or_default();
        let gold_set: HashSet<&(usize, usize, String)> = g.iter().collect();
        let pred_set: HashSet<&(usize, usize, String)> = p.iter().collect();
        for c in &g {
            let hit = pred_set.contains(c);
            scores.add(&c.2, Counts::new(usize::from(hit), 0, usize::from(!hit)));
        }
        for c in &p {
            if !gold_set.contains(c) {
                scores.add(&c.2, Counts::new(0, 1, 0));
            }
        }
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(t: &[&str]) -> Vec<String> {
        t.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn chunks_follow_conlleval() {
        assert_eq!(
            chunks(&tags(&["B-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG"])),
            vec![
                (0, 2, "PER".to_string()),
                (2, 3, "PER".to_string()),
                (4, 5, "LOC".to_string()),
                (5, 6, "ORG".to_string())
            ]
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
            words.iter().map(|w| (0..w.len()).map(|i| if i == 0 { "B-ORG" } else { "O" }.to_string()).collect()).collect()
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
        let path = Path::new("/work/shared/data/conll2003/valid.txt");
        if !path.exists() {
            return;
        }
        let s = crate::formats::conll::read_conll(path).unwrap();
        let gold: Vec<Vec<String>> = s.iter().map(|x| x.tags.clone()).collect();
        let scores = score_conll(&gold, &gold);
        // 1837 B-LOC + 922 B-MISC + 1341 B-ORG + 1842 B-PER tags in the file.
        assert_eq!(scores.micro, Counts::new(5942, 0, 0));
        assert_eq!(s.len(), 3250);
    }
}
