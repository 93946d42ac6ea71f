//! BIO tags to mentions: the constrained (Viterbi) decoding that turns the model's per-word
//! tag probabilities into a valid [`BioTag`] sequence ([`viterbi`]), and the one chunker that
//! turns a tag sequence into labelled word ranges ([`chunks`]), for extraction, training and
//! CoNLL scoring alike.

use crate::labels::{BioTag, EntityLabel};

/// How many tags the model scores per word.
pub const NUM_TAGS: usize = BioTag::COUNT;

/// May tag `to` follow tag `from` (`None`: the sentence start)? `I-X` only after `B-X` or `I-X`.
pub fn allowed(from: Option<BioTag>, to: BioTag) -> bool {
    match to {
        BioTag::I(label) => from.and_then(BioTag::label) == Some(label),
        _ => true,
    }
}

/// The most probable tag sequence that respects [`allowed`], from per-word log-probabilities
/// (`log_probs[word][tag index]`, [`BioTag::ALL`] order).
pub fn viterbi(log_probs: &[[f32; NUM_TAGS]]) -> Vec<BioTag> {
    if log_probs.is_empty() {
        return Vec::new();
    }
    let tag = |t: usize| BioTag::ALL[t];
    let n = log_probs.len();
    let mut score = [f32::NEG_INFINITY; NUM_TAGS];
    let mut back = vec![[0usize; NUM_TAGS]; n];
    for t in 0..NUM_TAGS {
        if allowed(None, tag(t)) {
            score[t] = log_probs[0][t];
        }
    }
    for i in 1..n {
        let mut next = [f32::NEG_INFINITY; NUM_TAGS];
        for t in 0..NUM_TAGS {
            for (p, &prev) in score.iter().enumerate() {
                if prev == f32::NEG_INFINITY || !allowed(Some(tag(p)), tag(t)) {
                    continue;
                }
                let s = prev + log_probs[i][t];
                if s > next[t] {
                    next[t] = s;
                    back[i][t] = p;
                }
            }
        }
        score = next;
    }
    let mut best = (0..NUM_TAGS).max_by(|&a, &b| score[a].total_cmp(&score[b])).unwrap();
    let mut path = vec![BioTag::O; n];
    for i in (0..n).rev() {
        path[i] = tag(best);
        best = back[i][best];
    }
    path
}

/// Word ranges `(first, last_exclusive, label)` of the mentions in a tag sequence, with
/// conlleval's rules: `B-X` always starts a mention, and so does an `I-X` that continues no
/// `X` mention (after `O` or another label: IOB1's start, or a tagger's slip).
///
/// ```
/// use newsmine::labels::{BioTag, EntityLabel};
/// use newsmine::ner::tags::chunks;
/// let tags = BioTag::sequence(&["B-PER", "I-PER", "O", "I-LOC"]);
/// assert_eq!(chunks(&tags), [(0, 2, EntityLabel::Person), (3, 4, EntityLabel::Loc)]);
/// ```
pub fn chunks(tags: &[BioTag]) -> Vec<(usize, usize, EntityLabel)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntityLabel)> = None;
    for (i, &t) in tags.iter().enumerate() {
        match t {
            BioTag::I(label) if open.map(|(_, l)| l) == Some(label) => {}
            BioTag::B(label) | BioTag::I(label) => {
                if let Some((s, l)) = open.take() {
                    out.push((s, i, l));
                }
                open = Some((i, label));
            }
            BioTag::O => {
                if let Some((s, l)) = open.take() {
                    out.push((s, i, l));
                }
            }
        }
    }
    if let Some((s, l)) = open {
        out.push((s, tags.len(), l));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lp(best: BioTag, second: BioTag) -> [f32; NUM_TAGS] {
        let mut row = [-10.0; NUM_TAGS];
        row[best.index()] = -0.1;
        row[second.index()] = -0.5;
        row
    }

    const PER: EntityLabel = EntityLabel::Person;

    #[test]
    fn viterbi_repairs_orphan_inside_tag() {
        // Greedy would give O, I-PER; the constrained path must start the mention with B-PER
        // (O, B-PER scores -0.6; B-PER, I-PER would score -0.5 - 10.0 from the first row).
        let mut first = lp(BioTag::O, BioTag::B(EntityLabel::Org));
        first[BioTag::B(PER).index()] = -10.0;
        let probs = [first, lp(BioTag::I(PER), BioTag::B(PER))];
        assert_eq!(viterbi(&probs), [BioTag::O, BioTag::B(PER)]);
        assert!(viterbi(&[]).is_empty());
    }

    #[test]
    fn chunks_from_tags() {
        let tags = BioTag::sequence(&["B-PER", "I-PER", "O", "B-ORG", "B-ORG", "I-ORG"]);
        assert_eq!(chunks(&tags), vec![(0, 2, PER), (3, 4, EntityLabel::Org), (4, 6, EntityLabel::Org)]);
    }

    #[test]
    fn chunks_follow_conlleval_on_unrepaired_tags() {
        // As `eval::conll` reads them: an `I-` after `O` or after another label starts a chunk.
        let tags = [
            BioTag::B(PER),
            BioTag::I(PER),
            BioTag::B(PER),
            BioTag::O,
            BioTag::I(EntityLabel::Loc),
            BioTag::I(EntityLabel::Org),
        ];
        assert_eq!(chunks(&tags), vec![(0, 2, PER), (2, 3, PER), (4, 5, EntityLabel::Loc), (5, 6, EntityLabel::Org)]);
        assert!(chunks(&[]).is_empty());
    }

    #[test]
    fn transitions() {
        assert!(allowed(None, BioTag::B(EntityLabel::Loc)));
        assert!(!allowed(None, BioTag::I(EntityLabel::Loc)));
        assert!(!allowed(Some(BioTag::B(PER)), BioTag::I(EntityLabel::Loc)));
        assert!(allowed(Some(BioTag::I(EntityLabel::Loc)), BioTag::I(EntityLabel::Loc)));
        assert!(!allowed(Some(BioTag::O), BioTag::I(PER)));
        assert!(allowed(Some(BioTag::O), BioTag::O));
    }
}
