//! Metrics: counts with precision/recall/F1, accuracies, word-token spans with an overlap score,
//! and the greedy one-to-one matcher that every table scorer uses. Optional gold rows are
//! handled here once: a prediction matched to an optional gold row is neither a true nor a
//! false positive, and an unmatched optional gold row is not a miss.

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

/// True positives, false positives and false negatives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn new(tp: usize, fp: usize, fn_: usize) -> Self {
        Counts { tp, fp, fn_ }
    }

    /// Precision; 0 when nothing was predicted (an empty prediction earns no credit).
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

impl Serialize for Counts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Counts", 6)?;
        st.serialize_field("tp", &self.tp)?;
        st.serialize_field("fp", &self.fp)?;
        st.serialize_field("fn", &self.fn_)?;
        st.serialize_field("precision", &round4(self.precision()))?;
        st.serialize_field("recall", &round4(self.recall()))?;
        st.serialize_field("f1", &round4(self.f1()))?;
        st.end()
    }
}

/// Correct out of total (speaker accuracy on matched quotes, value accuracy on matched figures).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Accuracy {
    pub correct: usize,
    pub total: usize,
}

impl Accuracy {
    pub fn record(&mut self, ok: bool) {
        self.total += 1;
        self.correct += usize::from(ok);
    }

    pub fn value(&self) -> f64 {
        ratio(self.correct, self.total)
    }
}

impl Serialize for Accuracy {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Accuracy", 3)?;
        st.serialize_field("correct", &self.correct)?;
        st.serialize_field("total", &self.total)?;
        st.serialize_field("accuracy", &round4(self.value()))?;
        st.end()
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Four decimals are plenty for a report and keep the JSON diff-friendly.
pub(crate) fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// The word tokens of a span, as code point ranges into the document text.
///
/// A token is a maximal run of alphanumeric characters, so quotation marks, punctuation and
/// whitespace never count: a quote scored with or without its outer quotation marks, or with
/// its trailing comma, has the same tokens.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TokenSpan {
    tokens: Vec<(usize, usize)>,
}

impl TokenSpan {
    /// Tokens of `text`, which starts at code point `start` of the document.
    pub fn from_text(text: &str, start: usize) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let mut span = TokenSpan::default();
        span.push_words(&chars, 0, chars.len(), start);
        span
    }

    /// Tokens of the fragments `[start, end)` (code points) of a document's characters;
    /// fragments may come in any order (brat discontinuous spans do) and are clamped to the text.
    pub fn from_fragments(chars: &[char], fragments: &[(usize, usize)]) -> Self {
        let mut span = TokenSpan::default();
        for &(s, e) in fragments {
            let (s, e) = (s.min(chars.len()), e.min(chars.len()));
            span.push_words(&chars[s..e], 0, e.saturating_sub(s), s);
        }
        span.tokens.sort_unstable();
        span.tokens.dedup();
        span
    }

    fn push_words(&mut self, chars: &[char], from: usize, to: usize, offset: usize) {
        let mut i = from;
        while i < to {
            if chars[i].is_alphanumeric() {
                let s = i;
                while i < to && chars[i].is_alphanumeric() {
                    i += 1;
                }
                self.tokens.push((offset + s, offset + i));
            } else {
                i += 1;
            }
        }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// First token start and last token end: the span with edge punctuation trimmed.
    pub fn bounds(&self) -> Option<(usize, usize)> {
        Some((self.tokens.first()?.0, self.tokens.last()?.1))
    }

    /// Shared tokens (same position) divided by the token count of the longer span.
    ///
    /// Dividing by the longer side makes the score symmetric and punishes both a prediction
    /// that covers only a sliver of the gold quote and one that swallows a whole paragraph.
    ///
    /// ```
    /// use newsmine::eval::metrics::TokenSpan;
    /// let gold = TokenSpan::from_text("we will win, he said", 0);
    /// let pred = TokenSpan::from_text("we will win", 0);
    /// assert_eq!(gold.overlap(&pred), 0.6);
    /// ```
    pub fn overlap(&self, other: &TokenSpan) -> f64 {
        let longer = self.len().max(other.len());
        if longer == 0 {
            return 0.0;
        }
        let (mut i, mut j, mut shared) = (0, 0, 0);
        while i < self.tokens.len() && j < other.tokens.len() {
            match self.tokens[i].cmp(&other.tokens[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        shared as f64 / longer as f64
    }
}

/// Code point overlap of two ranges over the longer one: the fallback when a table gives
/// offsets but not the text they cover.
pub fn range_overlap(a: (usize, usize), b: (usize, usize)) -> f64 {
    let inter = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    let longer = (a.1.saturating_sub(a.0)).max(b.1.saturating_sub(b.0));
    if longer == 0 {
        0.0
    } else {
        inter as f64 / longer as f64
    }
}

/// A one-to-one matching of predictions to gold rows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Matching {
    /// `(gold, pred, score)` in the order they were chosen.
    pub pairs: Vec<(usize, usize, f64)>,
    pub gold_match: Vec<Option<usize>>,
    pub pred_match: Vec<Option<usize>>,
}

/// Greedy one-to-one matching: every pair `score` accepts (returns `Some`) is a candidate;
/// candidates with a required gold row come first, then by descending score, ties broken by
/// position so the result is deterministic. Preferring required rows means a prediction that
/// overlaps both an optional and a required gold row is credited to the required one.
pub fn match_greedy(
    gold_optional: &[bool],
    n_pred: usize,
    mut score: impl FnMut(usize, usize) -> Option<f64>,
) -> Matching {
    let mut candidates = Vec::new();
    for (g, &optional) in gold_optional.iter().enumerate() {
        for p in 0..n_pred {
            if let Some(s) = score(g, p) {
                candidates.push((optional, s, g, p));
            }
        }
    }
    candidates.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2)).then(a.3.cmp(&b.3)));
    let mut m =
        Matching { pairs: Vec::new(), gold_match: vec![None; gold_optional.len()], pred_match: vec![None; n_pred] };
    for (_, s, g, p) in candidates {
        if m.gold_match[g].is_none() && m.pred_match[p].is_none() {
            m.gold_match[g] = Some(p);
            m.pred_match[p] = Some(g);
            m.pairs.push((g, p, s));
        }
    }
    m
}

impl Matching {
    /// Detection counts: a pair with a required gold row is a TP, a pair with an optional one
    /// counts nowhere, an unmatched prediction is a FP, an unmatched required row a FN.
    pub fn counts(&self, gold_optional: &[bool]) -> Counts {
        self.counts_where(gold_optional, |_, _| true)
    }

    /// Counts where a pair is right only when `ok(gold, pred)` also holds (quote + speaker):
    /// a wrong pair on a required row is both a FP and a FN; on an optional row it is ignored.
    pub fn counts_where(&self, gold_optional: &[bool], mut ok: impl FnMut(usize, usize) -> bool) -> Counts {
        let mut c = Counts::default();
        for &(g, p, _) in &self.pairs {
            if gold_optional[g] {
                continue;
            }
            if ok(g, p) {
                c.tp += 1;
            } else {
                c.fp += 1;
                c.fn_ += 1;
            }
        }
        c.fp += self.pred_match.iter().filter(|m| m.is_none()).count();
        c.fn_ += self.gold_match.iter().zip(gold_optional).filter(|(m, &opt)| m.is_none() && !opt).count();
        c
    }
}

/// Lower-case, whitespace collapsed, typographic quotes and apostrophes made plain, and
/// surrounding punctuation dropped: how names are compared (`“Jaime  Ortega,”` == `jaime ortega`).
pub fn normalize_name(s: &str) -> String {
    let mapped: String = s
        .chars()
        .map(|c| match c {
            '’' | '‘' | '`' | '´' => '\'',
            '“' | '”' | '«' | '»' => '"',
            c if c.is_whitespace() => ' ',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    let words: Vec<&str> = mapped.split_whitespace().collect();
    words.join(" ").trim_matches(|c: char| !c.is_alphanumeric()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_prf() {
        let c = Counts::new(3, 1, 2);
        assert_eq!(c.precision(), 0.75);
        assert_eq!(c.recall(), 0.6);
        assert!((c.f1() - 2.0 * 0.75 * 0.6 / 1.35).abs() < 1e-12);
        assert_eq!(Counts::default().f1(), 0.0);
        let json = serde_json::to_value(c).unwrap();
        assert_eq!(json["fn"], 2);
        assert_eq!(json["precision"], 0.75);
    }

    #[test]
    fn greedy_takes_best_overlap_one_to_one() {
        // gold 0 overlaps pred 0 (0.9) and pred 1 (0.6); gold 1 overlaps pred 0 only (0.7).
        let scores = [[Some(0.9), Some(0.6)], [Some(0.7), None]];
        let m = match_greedy(&[false, false], 2, |g, p| scores[g][p]);
        assert_eq!(m.gold_match, vec![Some(0), None]);
        assert_eq!(m.pred_match, vec![Some(0), None]);
        assert_eq!(m.counts(&[false, false]), Counts::new(1, 1, 1));
    }

    #[test]
    fn optional_rows_are_neither_missed_nor_false_positives() {
        // gold 0 required, gold 1 optional (matched), gold 2 optional (unmatched); pred 2 extra.
        let opt = [false, true, true];
        let m = match_greedy(&opt, 3, |g, p| (g == p && g < 2).then_some(1.0));
        assert_eq!(m.counts(&opt), Counts::new(1, 1, 0));
    }

    #[test]
    fn required_rows_win_over_better_optional_ones() {
        let opt = [true, false];
        let m = match_greedy(&opt, 1, |g, _| Some(if g == 0 { 0.95 } else { 0.5 }));
        assert_eq!(m.gold_match, vec![None, Some(0)]);
        assert_eq!(m.counts(&opt), Counts::new(1, 0, 0));
    }

    #[test]
    fn empty_and_all_wrong() {
        let m = match_greedy(&[], 0, |_, _| Some(1.0));
        assert_eq!(m.counts(&[]), Counts::new(0, 0, 0));
        let opt = [false, false];
        let m = match_greedy(&opt, 3, |_, _| None);
        assert_eq!(m.counts(&opt), Counts::new(0, 3, 2));
        assert_eq!(m.counts(&opt).f1(), 0.0);
    }

    #[test]
    fn wrong_pair_is_fp_and_fn() {
        let opt = [false, false, true];
        let m = match_greedy(&opt, 3, |g, p| (g == p).then_some(1.0));
        // pair 0 right, pair 1 wrong speaker, pair 2 wrong but optional: ignored.
        let c = m.counts_where(&opt, |g, _| g == 0);
        assert_eq!(c, Counts::new(1, 1, 1));
    }

    #[test]
    fn token_overlap_ignores_punctuation_and_positions_matter() {
        let text = "He said “we will win, now.” Then";
        let start = text.chars().position(|c| c == '“').unwrap();
        let gold = TokenSpan::from_text("“we will win, now.”", start);
        let pred = TokenSpan::from_text("we will win, now", start + 1);
        assert_eq!(gold.overlap(&pred), 1.0);
        assert_eq!(gold.bounds(), pred.bounds());
        // The same words at another position share nothing.
        let elsewhere = TokenSpan::from_text("we will win, now", start + 40);
        assert_eq!(gold.overlap(&elsewhere), 0.0);
    }

    #[test]
    fn fragments_and_ranges() {
        let chars: Vec<char> = "ab cd ef gh".chars().collect();
        let t = TokenSpan::from_fragments(&chars, &[(6, 11), (0, 5)]);
        assert_eq!(t.len(), 4);
        assert_eq!(t.overlap(&TokenSpan::from_fragments(&chars, &[(0, 5)])), 0.5);
        assert_eq!(range_overlap((0, 10), (5, 10)), 0.5);
        assert_eq!(range_overlap((0, 4), (4, 8)), 0.0);
    }

    #[test]
    fn names_normalise() {
        assert_eq!(normalize_name("  “Jaime\u{a0} Ortega,” "), "jaime ortega");
        assert_eq!(normalize_name("O’Brien"), "o'brien");
    }
}
