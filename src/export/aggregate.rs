//! The corpus table `speakers.csv`, a running aggregate that takes one document's rows at a
//! time (documents in `doc_id` order) and yields its table at the end (`organizations.csv` is
//! [`super::organizations`]). Keys are hashed, lists keep first-seen order with a set beside them, so building
//! a table is linear in the number of rows.

use super::rows::{SpeakerFact, SpeakerRow};
use crate::labels::SpeakerType;
use crate::quotes::identity;
use std::collections::{BTreeMap, HashSet};

/// Distinct non-empty strings in first-seen order.
#[derive(Debug, Default)]
struct Distinct {
    list: Vec<String>,
    seen: HashSet<String>,
}

impl Distinct {
    fn add(&mut self, s: &str) {
        if !s.is_empty() && self.seen.insert(s.to_string()) {
            self.list.push(s.to_string());
        }
    }

    fn joined(&self, sep: &str) -> String {
        self.list.join(sep)
    }
}

#[derive(Debug, Default)]
struct SpeakerAcc {
    /// Spellings seen with their quote counts, in first-seen order.
    names: Vec<(String, usize)>,
    /// Quotes per type, in first-seen order of the types.
    types: Vec<(SpeakerType, usize)>,
    quotes: usize,
    docs: Distinct,
    mentions: Distinct,
    descriptions: Distinct,
}

impl SpeakerAcc {
    /// The spelling shown: the fullest ([`identity::fullness`]), then the most quoted, then
    /// the first seen.
    fn name(&self) -> &str {
        let mut best = &self.names[0];
        for n in &self.names[1..] {
            if (identity::fullness(&n.0), n.1) > (identity::fullness(&best.0), best.1) {
                best = n;
            }
        }
        &best.0
    }
}

/// `speakers.csv`: one row per `speaker_id` across the corpus.
///
/// Quotes with an empty speaker are left out. Speakers are merged by `speaker_id` (the slug of
/// the normalised name, [`crate::quotes::identity`]), so `Donald J. Trump` and `Donald Trump`
/// are one row; the name shown is the fullest spelling seen (ties: the most quoted, then the
/// first seen); the type is the most frequent one given (ties: first seen); `doc_ids`,
/// `mentions` and `descriptions` are distinct values joined with `;` in first-seen order; rows
/// are sorted by `speaker_id`.
///
/// ```
/// use newsmine::export::aggregate::Speakers;
/// use newsmine::export::SpeakerFact;
/// use newsmine::labels::SpeakerType;
/// let ortega = |name: &str, mention: &str| SpeakerFact {
///     speaker: name.into(),
///     speaker_id: "jaime-ortega".into(),
///     speaker_type: SpeakerType::Person,
///     mention: mention.into(),
///     descriptions: vec!["Salvadoran lawyer".into()],
/// };
/// let mut speakers = Speakers::default();
/// speakers.add("a", &[ortega("Jaime Ortega", "Ortega")]);
/// speakers.add("b", &[ortega("Jaime A. Ortega", "he")]);
/// let rows = speakers.rows();
/// assert_eq!((rows[0].speaker.as_str(), rows[0].speaker_id.as_str()), ("Jaime A. Ortega", "jaime-ortega"));
/// assert_eq!((rows[0].doc_ids.as_str(), rows[0].mentions.as_str(), rows[0].quotes), ("a;b", "Ortega;he", 2));
/// ```
#[derive(Debug, Default)]
pub struct Speakers {
    by: BTreeMap<String, SpeakerAcc>,
}

impl Speakers {
    /// Adds the speakers of one document's quotes.
    pub fn add(&mut self, doc_id: &str, facts: &[SpeakerFact]) {
        for f in facts.iter().filter(|f| !f.speaker.is_empty() && !f.speaker_id.is_empty()) {
            let acc = self.by.entry(f.speaker_id.clone()).or_default();
            acc.quotes += 1;
            match acc.names.iter_mut().find(|(n, _)| *n == f.speaker) {
                Some((_, n)) => *n += 1,
                None => acc.names.push((f.speaker.clone(), 1)),
            }
            match acc.types.iter_mut().find(|(t, _)| *t == f.speaker_type) {
                Some((_, n)) => *n += 1,
                None => acc.types.push((f.speaker_type, 1)),
            }
            acc.docs.add(doc_id);
            acc.mentions.add(&f.mention);
            for d in &f.descriptions {
                acc.descriptions.add(d);
            }
        }
    }

    /// The table, sorted by `speaker_id`.
    pub fn rows(&self) -> Vec<SpeakerRow> {
        self.by
            .iter()
            .map(|(id, acc)| SpeakerRow {
                speaker: acc.name().to_string(),
                speaker_type: most_frequent(&acc.types),
                quotes: acc.quotes,
                documents: acc.docs.list.len(),
                doc_ids: acc.docs.joined(";"),
                mentions: acc.mentions.joined(";"),
                descriptions: acc.descriptions.joined(";"),
                speaker_id: id.clone(),
            })
            .collect()
    }
}

/// Highest count wins; on a tie the type seen first.
fn most_frequent(types: &[(SpeakerType, usize)]) -> SpeakerType {
    let mut best = types[0];
    for &t in &types[1..] {
        if t.1 > best.1 {
            best = t;
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(speaker: &str, speaker_type: SpeakerType, mention: &str, descriptions: &[&str]) -> SpeakerFact {
        SpeakerFact {
            speaker: speaker.into(),
            speaker_id: identity::speaker_id(speaker, speaker_type),
            speaker_type,
            mention: mention.into(),
            descriptions: descriptions.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn speakers_merge_across_documents_by_id() {
        let mut s = Speakers::default();
        s.add(
            "doc1",
            &[
                fact("Critics", SpeakerType::Group, "Critics", &[]),
                fact("Nayib Bukele", SpeakerType::Person, "he", &["El Salvador President"]),
            ],
        );
        s.add(
            "doc2",
            &[
                fact("Nayib Bukele", SpeakerType::Person, "Bukele", &["President"]),
                fact("Nayib Bukele", SpeakerType::Org, "Bukele", &["President"]),
                fact("Nayib A. Bukele", SpeakerType::Person, "Mr. Bukele", &[]),
            ],
        );
        s.add("doc3", &[fact("", SpeakerType::Unknown, "", &[]), fact("critic", SpeakerType::Group, "a critic", &[])]);
        let rows = s.rows();
        assert_eq!(rows.len(), 2);
        // Case and number merge descriptions; the first spelling wins a tie.
        let c = &rows[0];
        assert_eq!(
            (c.speaker_id.as_str(), c.speaker.as_str(), c.quotes, c.doc_ids.as_str()),
            ("critics", "Critics", 2, "doc1;doc3")
        );
        assert_eq!(c.speaker_type, SpeakerType::Group);
        let b = &rows[1];
        // The fullest spelling is shown although a shorter one is quoted more.
        assert_eq!(
            (b.speaker_id.as_str(), b.speaker.as_str(), b.speaker_type, b.quotes, b.documents),
            ("nayib-bukele", "Nayib A. Bukele", SpeakerType::Person, 4, 2)
        );
        assert_eq!(b.doc_ids, "doc1;doc2");
        assert_eq!(b.mentions, "he;Bukele;Mr. Bukele");
        assert_eq!(b.descriptions, "El Salvador President;President");
    }
}
