//! BIO tags: the one place where the model's label strings (`B-PER`, `I-ORG`, ...) become
//! [`EntityLabel`]s, and the constrained (Viterbi) decoding that turns per-word tag
//! probabilities into a valid tag sequence and then into labelled word ranges.

use crate::doc::EntityLabel;

/// Tag order is the model's output order; it must not change once a model is trained.
pub const TAGS: [&str; 9] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"];

pub const NUM_TAGS: usize = TAGS.len();

/// Index of a tag string (IOB1 `I-` at a start is accepted by the caller converting first).
pub fn tag_index(tag: &str) -> Option<usize> {
    TAGS.iter().position(|t| *t == tag)
}

/// The entity label and whether the tag begins a mention; `None` for `O`.
pub fn tag_parts(index: usize) -> Option<(EntityLabel, bool)> {
    let tag = TAGS[index];
    let (bio, label) = tag.split_once('-')?;
    Some((EntityLabel::parse(label)?, bio == "B"))
}

/// May tag `to` follow tag `from`? (`I-X` only after `B-X` or `I-X`.)
pub fn allowed(from: Option<usize>, to: usize) -> bool {
    match tag_parts(to) {
        Some((label, false)) => match from.and_then(tag_parts) {
            Some((prev, _)) => prev == label,
            None => false,
        },
        _ => true,
    }
}

/// The most probable tag sequence that respects [`allowed`], from per-word log-probabilities
/// (`log_probs[word][tag]`).
pub fn viterbi(log_probs: &[[f32; NUM_TAGS]]) -> Vec<usize> {
    if log_probs.is_empty() {
        return Vec::new();
    }
    let n = log_probs.len();
    let mut score = [f32::NEG_INFINITY; NUM_TAGS];
    let mut back = vec![[0usize; NUM_TAGS]; n];
    for t in 0..NUM_TAGS {
        if allowed(None, t) {
            score[t] = log_probs[0][t];
        }
    }
    for i in 1..n {
        let mut next = [f32::NEG_INFINITY; NUM_TAGS];
        for t in 0..NUM_TAGS {
            for p in 0..NUM_TAGS {
                if score[p] == f32::NEG_INFINITY || !allowed(Some(p), t) {
                    continue;
                }
                let s = score[p] + log_probs[i][t];
                if s > next[t] {
                    next[t] = s;
                    back[i][t] = p;
                }
            }
        }
        score = next;
    }
    let mut best = (0..NUM_TAGS).max_by(|&a, &b| score[a].total_cmp(&score[b])).unwrap();
    let mut path = vec![0; n];
    for i in (0..n).rev() {
        path[i] = best;
        best = back[i][best];
    }
    path
}

/// Word ranges `(first, last_exclusive, label)` of the mentions in a valid tag sequence.
pub fn mentions(tags: &[usize]) -> Vec<(usize, usize, EntityLabel)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntityLabel)> = None;
    for (i, &t) in tags.iter().enumerate() {
        match tag_parts(t) {
            Some((label, false)) if open.map(|(_, l)| l) == Some(label) => {}
            Some((label, _)) => {
                if let Some((s, l)) = open.take() {
                    out.push((s, i, l));
                }
                open = Some((i, label));
            }
            None => {
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

    fn lp(best: usize, second: usize) -> [f32; NUM_TAGS] {
        let mut row = [-10.0; NUM_TAGS];
        row[best] = -0.1;
        row[second] = -0.5;
        row
    }

    #[test]
    fn viterbi_repairs_orphan_inside_tag() {
        // Greedy would give O, I-PER; the constrained path must start the mention with B-PER
        // (O, B-PER scores -0.6; B-PER, I-PER would score -0.5 - 10.0 from the first row).
        let mut first = lp(0, 3);
        first[1] = -10.0;
        let probs = [first, lp(2, 1)];
        let path = viterbi(&probs);
        assert_eq!(path.iter().map(|&t| TAGS[t]).collect::<Vec<_>>(), ["O", "B-PER"]);
    }

    #[test]
    fn mentions_from_tags() {
        let tags: Vec<usize> = ["B-PER", "I-PER", "O", "B-ORG", "B-ORG", "I-ORG"].iter().map(|t| tag_index(t).unwrap()).collect();
        assert_eq!(
            mentions(&tags),
            vec![(0, 2, EntityLabel::Person), (3, 4, EntityLabel::Org), (4, 6, EntityLabel::Org)]
        );
    }

    #[test]
    fn transitions() {
        assert!(allowed(None, tag_index("B-LOC").unwrap()));
        assert!(!allowed(None, tag_index("I-LOC").unwrap()));
        assert!(!allowed(Some(tag_index("B-PER").unwrap()), tag_index("I-LOC").unwrap()));
        assert!(allowed(Some(tag_index("I-LOC").unwrap()), tag_index("I-LOC").unwrap()));
    }
}
