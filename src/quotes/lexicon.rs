//! The cue lexicon: reporting verbs, their classes and inflections, and nouns of saying.
//!
//! The verbs and their inflections live in `cues.tsv` (lemma, class, forms), compiled in with
//! `include_str!` so the binary needs no data files. This module only answers what a word is
//! ([`class_of`], [`is_speech`], [`phrasal`], [`is_noun`]); [`super::cues`] finds cues in a
//! clause's tokens, and [`super::tokens`] asks it whether words after a quotation are its tag.
//! It depends on no other stage.

use crate::labels::CueClass;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// How a cue verb relates to what it reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueType {
    /// Takes reported content: `said that …`, `“…,” she said`.
    Speech,
    /// Takes a noun object; a cue only for the quotation-marked words of its clause
    /// (`praised Bukele as “…”`).
    Evaluative,
    /// Reports content only before `that` (`polls show that …`).
    Belief,
    /// `according to X`.
    According,
    /// A colon right before a quotation: `She addressed the supporters: “…”`.
    Colon,
    /// A noun of saying with its owner and a `that` clause: `Trump’s claim that …`.
    Noun,
    /// A stance towards an object: endorsing, rejecting, wanting, citing (`Carson endorsed
    /// Trump`, `declined to comment`, `referring to the business mogul`). Its object is the
    /// attributed content; no speech is reported.
    Stance,
}

impl CueType {
    /// Whether the cue reports its object (`praised Bukele`, `endorsed Trump`), however short.
    pub(crate) fn takes_object(self) -> bool {
        matches!(self, CueType::Evaluative | CueType::Stance)
    }

    /// What the cue reports, for the `cue_class` column: `speech` (saying, writing,
    /// `according to`), `belief` (thinking, knowing, hoping, `polls show`) or `stance`
    /// (praising, criticising, endorsing, wanting, declining: the object is evaluated, not said).
    pub(crate) fn reports(self) -> CueClass {
        match self {
            CueType::Speech | CueType::According | CueType::Colon | CueType::Noun => CueClass::Speech,
            CueType::Belief => CueClass::Belief,
            CueType::Evaluative | CueType::Stance => CueClass::Stance,
        }
    }
}

const LEXICON: &str = include_str!("cues.tsv");

/// `cues.tsv`, read once.
struct Lexicon {
    /// Single-word forms of the speech, evaluative, belief and stance lines; the first line
    /// naming a form wins.
    words: HashMap<String, CueType>,
    /// Two-word forms (`shot back`, `referring to`), by their first word, with their class.
    phrasal: HashMap<String, Vec<(String, CueType)>>,
    /// Forms of the `noun` lines (`claim`, `remarks`).
    nouns: HashSet<String>,
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut lex = Lexicon { words: HashMap::new(), phrasal: HashMap::new(), nouns: HashSet::new() };
        for line in LEXICON.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let fields: Vec<&str> = line.split('\t').collect();
            let [_lemma, class, forms] = fields[..] else { continue };
            let forms = forms.split(',').map(str::trim);
            let class = match class {
                "speech" => CueType::Speech,
                "evaluative" => CueType::Evaluative,
                "belief" => CueType::Belief,
                "stance" => CueType::Stance,
                "noun" => {
                    lex.nouns.extend(forms.map(str::to_string));
                    continue;
                }
                _ => continue,
            };
            for form in forms {
                match form.split_once(' ') {
                    Some((a, b)) => lex.phrasal.entry(a.to_string()).or_default().push((b.to_string(), class)),
                    None => {
                        lex.words.entry(form.to_string()).or_insert(class);
                    }
                }
            }
        }
        lex
    })
}

/// The class of `first second` if it is a two-word cue form (`shot back`, `railed against`).
pub(crate) fn phrasal(first: &str, second: &str) -> Option<CueType> {
    lexicon().phrasal.get(first)?.iter().find(|(b, _)| b == second).map(|&(_, class)| class)
}

/// Whether `lower` is a form of a noun of saying (`claim`, `remarks`).
pub(crate) fn is_noun(lower: &str) -> bool {
    lexicon().nouns.contains(lower)
}

/// Whether `lower` is a speech cue form of the lexicon (`said`, `told`, `opined`).
pub(crate) fn is_speech(lower: &str) -> bool {
    class_of(lower) == Some(CueType::Speech)
}

/// The class of a single lowercased word, if it is a cue form.
pub(crate) fn class_of(lower: &str) -> Option<CueType> {
    lexicon().words.get(lower).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_loads_inflections_and_classes() {
        assert_eq!(class_of("said"), Some(CueType::Speech));
        assert_eq!(class_of("told"), Some(CueType::Speech));
        assert_eq!(class_of("praised"), Some(CueType::Evaluative));
        assert_eq!(class_of("shows"), Some(CueType::Belief));
        assert_eq!(class_of("table"), None);
        // Noun lines stay out of the verb map.
        assert!(lexicon().nouns.contains("claim") && lexicon().nouns.contains("remarks"));
        assert_eq!(class_of("remark"), None);
    }
}
