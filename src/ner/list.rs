//! The fixture tagger: marks every whole-word occurrence of fixed names, so tests and
//! property checks run the pipeline without the model. It has no heads.

use super::{Mention, Tagger, Tagging};
use crate::labels::EntityLabel;
use crate::span::Span;

/// A tagger that marks every occurrence of fixed names (tests and fixtures).
pub struct ListTagger {
    pub names: Vec<(String, EntityLabel)>,
}

impl Tagger for ListTagger {
    fn tag(&mut self, text: &str, sentences: &[Span]) -> Tagging {
        let mut out: Vec<Mention> = Vec::new();
        // Longest names first so `Nayib Bukele` wins over `Bukele`.
        let mut names = self.names.clone();
        names.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
        for &sentence in sentences {
            let slice = sentence.text(text);
            for (name, label) in &names {
                for (i, _) in slice.match_indices(name.as_str()) {
                    let span = Span::new(sentence.start + i, sentence.start + i + name.len());
                    let bounded = |b: usize| text[..b].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
                    let after_ok = text[span.end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
                    if bounded(span.start) && after_ok && !out.iter().any(|m| m.span.overlaps(span)) {
                        out.push(Mention { span, label: *label, score: 1.0 });
                    }
                }
            }
        }
        out.sort_by_key(|m| m.span.start);
        Tagging { mentions: out, cues: None, roles: None }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_whole_names_longest_first() {
        let text = "Nayib Bukele met Bukelemania fans. Bukele left.";
        let mut tagger = ListTagger {
            names: vec![("Bukele".into(), EntityLabel::Person), ("Nayib Bukele".into(), EntityLabel::Person)],
        };
        let got = tagger.tag(text, &[Span::new(0, 34), Span::new(35, text.len())]);
        let found: Vec<&str> = got.mentions.iter().map(|m| m.span.text(text)).collect();
        assert_eq!(found, ["Nayib Bukele", "Bukele"]);
        assert_eq!(got.mentions[1].span.start, 35);
        assert_eq!((got.cues, got.roles), (None, None));
    }
}
