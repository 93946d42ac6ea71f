//! The people a document names: its PERSON mentions that read as names, for giving a mention
//! the fullest name of its person and for choosing what a pronoun refers to.
//!
//! A mention reads as a name when every word is capitalised (or a particle such as `de`, or an
//! initial), it holds no digit or contraction (`Don't`, `I've`), and a one-word mention is not
//! a word the document also writes in lower case (`Perhaps` … `perhaps`), a function word, or a
//! sentence adverb or interjection (`Meh`). The tagger's PERSON mentions that fail
//! (`Scott bristles`, `Keeps`) are not names. Mentions in a title-case headline (`Elizabeth
//! Warren Hammers Wells Fargo CEO`) give a fuller name only when the body never gives more than
//! one word of it, and mentions in the headline or inside quotation marks are not pronoun
//! antecedents (`“It feels like, ‘Meh, …’” he said`: the speaker of the
//! quotation is not named inside it).

use std::collections::HashSet;

use super::words::{is_in, DETERMINERS, FUNCTION, PRONOUNS};
use crate::doc::{Entity, EntityLabel};
use crate::ner::canonical;
use crate::span::Span;

/// Lower-case words that belong inside a name (`Bill de Blasio`, `Osama bin Laden`).
const PARTICLES: &[&str] =
    &["de", "del", "della", "da", "di", "du", "van", "von", "der", "den", "la", "le", "los", "las", "bin", "ibn", "al"];

/// Sentence adverbs and interjections: capitalised at the start of a sentence, never names.
pub(super) const ADVERBS: &[&str] = &[
    "perhaps",
    "maybe",
    "however",
    "meanwhile",
    "still",
    "also",
    "indeed",
    "instead",
    "moreover",
    "nonetheless",
    "nevertheless",
    "thus",
    "hence",
    "therefore",
    "meh",
    "oh",
    "ah",
    "yes",
    "no",
    "well",
    "okay",
    "ok",
    "wow",
    "hey",
    "please",
    "sure",
    "contrary",
    "otherwise",
    "unfortunately",
    "fortunately",
    "besides",
    "anyway",
    "yeah",
    "nope",
    "alas",
    "hmm",
    "ugh",
    "whoa",
];

/// Leading titles a mention may carry (`Mr. Obama`, `President Obama`).
const TITLES: &[&str] = &["mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president", "pres", "gen", "rev", "prof"];

/// At least this many words make a first line a headline when most are capitalised.
const HEADLINE_MIN_WORDS: usize = 3;

/// A PERSON mention that reads as a name.
#[derive(Debug, Clone)]
struct Name {
    span: Span,
    /// Name words as written, titles dropped.
    words: Vec<String>,
    lower: Vec<String>,
}

/// The document's person names (module docs).
#[derive(Debug, Default)]
pub(crate) struct People {
    names: Vec<Name>,
    /// Words the document writes in lower case.
    lower_words: HashSet<String>,
    /// Quotation runs' contents.
    quoted: Vec<Span>,
    /// The lower-case words of every PERSON mention, names or not.
    mentioned: HashSet<Vec<String>>,
    /// End of a title-case headline (the first line), or 0.
    headline_end: usize,
}

impl People {
    pub fn new(text: &str, entities: &[Entity], quoted: Vec<Span>) -> People {
        let lower_words = text
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
            .map(str::to_string)
            .collect();
        let mut people = People { lower_words, quoted, headline_end: headline_end(text), ..People::default() };
        for e in entities.iter().filter(|e| e.label == EntityLabel::Person) {
            let words = name_words(e.span.text(text));
            people.mentioned.insert(words.iter().map(|w| w.to_lowercase()).collect());
            if people.is_name(&words) {
                let lower = words.iter().map(|w| w.to_lowercase()).collect();
                people.names.push(Name { span: e.span, words, lower });
            }
        }
        people
    }

    /// Whether the words (titles dropped) read as a person's name (module docs).
    pub fn is_name(&self, words: &[String]) -> bool {
        let Some(first) = words.first() else { return false };
        let word_ok = |w: &String| {
            let initial = w.trim_end_matches('.').chars().count() == 1;
            let capitalised = w.chars().next().is_some_and(char::is_uppercase);
            !w.chars().any(|c| c.is_ascii_digit())
                && !contraction(w)
                && (capitalised || is_in(PARTICLES, w.as_str()) || initial)
        };
        if !words.iter().all(word_ok) || !first.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        if words.len() == 1 {
            let lower = first.to_lowercase();
            return !self.common_word(&lower)
                && !is_in(FUNCTION, &lower)
                && !is_in(DETERMINERS, &lower)
                && !is_in(PRONOUNS, &lower)
                && !is_in(ADVERBS, &lower);
        }
        true
    }

    /// Whether the document writes `lower` in lower case somewhere: a common word, not a name.
    pub fn common_word(&self, lower: &str) -> bool {
        self.lower_words.contains(lower)
    }

    /// Whether the document writes `name` as a PERSON mention (titles aside).
    pub fn mentioned(&self, name: &str) -> bool {
        self.mentioned.contains(&name_words(name).iter().map(|w| w.to_lowercase()).collect::<Vec<_>>())
    }

    /// Whether a PERSON entity can be what a later pronoun refers to: a name, not inside a
    /// quotation, not in the headline.
    pub fn antecedent(&self, span: Span) -> bool {
        span.start >= self.headline_end
            && !self.quoted.iter().any(|q| q.contains(span))
            && self.names.iter().any(|n| n.span == span)
    }

    /// The fullest name in the document of the person `surface` names: the name mention with
    /// the most words that holds all of its words in order (ties: the most frequent, then the
    /// first), with `female` naming the gender an honorific gave it (`Mr. Obama` is not
    /// `Michelle Obama`). The headline's mentions count only when the body never gives more
    /// than one word of the name (`Hillary Clinton` in the headline, `Clinton` below it).
    /// `None` when `surface` does not read as a name.
    pub fn full_name(&self, surface: &str, female: Option<bool>) -> Option<String> {
        let words = name_words(surface);
        if !self.is_name(&words) {
            return None;
        }
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let gender_ok = |n: &Name| {
            n.lower == lower || female.is_none_or(|f| super::resolve::first_name_female(&n.lower[0]) != Some(!f))
        };
        let best = |in_body: bool| {
            let candidates: Vec<&Name> = self
                .names
                .iter()
                .filter(|n| (n.span.start >= self.headline_end) == in_body && subsequence(&lower, &n.lower))
                .filter(|n| gender_ok(n))
                .collect();
            let count = |n: &Name| candidates.iter().filter(|c| c.lower == n.lower).count();
            let mut best: Option<&Name> = None;
            for &c in &candidates {
                if best.is_none_or(|b| (c.words.len(), count(c)) > (b.words.len(), count(b))) {
                    best = Some(c);
                }
            }
            best
        };
        let chosen = match best(true) {
            Some(b) if b.words.len() > 1 => Some(b),
            in_body => best(false).filter(|h| h.words.len() > 1).or(in_body),
        };
        Some(chosen.map_or(words.join(" "), |b| b.words.join(" ")))
    }
}

/// Name words of a mention: possessive, punctuation and leading titles dropped.
fn name_words(surface: &str) -> Vec<String> {
    let mut words = canonical::name_words(surface);
    while words.len() > 1 && is_in(TITLES, &words[0].trim_end_matches('.').to_lowercase()) {
        words.remove(0);
    }
    words
}

/// `Don't`, `I've`, `He’ll`: a contraction, never a name (`O'Neill` is one).
fn contraction(w: &str) -> bool {
    let lower = w.to_lowercase().replace('’', "'");
    ["n't", "'ve", "'ll", "'re", "'m", "'d"].iter().any(|s| lower.ends_with(s))
}

fn subsequence(short: &[String], long: &[String]) -> bool {
    let mut it = long.iter();
    short.iter().all(|w| it.any(|l| l == w))
}

/// The end of the first line when it is a title-case headline (most of its words, short
/// function words aside, capitalised), else 0.
fn headline_end(text: &str) -> usize {
    let end = text.find('\n').unwrap_or(text.len());
    let words: Vec<&str> = text[..end]
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() > 3 || w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    let caps = words.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    if words.len() >= HEADLINE_MIN_WORDS && caps * 4 >= words.len() * 3 {
        end
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(text: &str, surface: &str, from: usize) -> Entity {
        let start = from + text[from..].find(surface).unwrap();
        Entity {
            span: Span::new(start, start + surface.len()),
            label: EntityLabel::Person,
            score: 0.9,
            canonical: surface.into(),
        }
    }

    #[test]
    fn names_and_not_names() {
        let text = "Perhaps not. He said perhaps.";
        let p = People::new(text, &[], Vec::new());
        let is = |s: &str| p.is_name(&name_words(s));
        assert!(is("Donald J. Trump") && is("Bill de Blasio") && is("O’Neill") && is("Trump"));
        assert!(!is("Scott bristles") && !is("Don't") && !is("I've") && !is("Meh") && !is("19 Percent"));
        // `Perhaps` is written in lower case elsewhere in the document.
        assert!(!is("Perhaps"));
    }

    #[test]
    fn the_fullest_name_skips_the_headline_and_the_other_gender() {
        let text = "Warren Hammers Hillary Clinton\nElizabeth Warren spoke. Michelle Obama and Barack Obama came. \
                    Mr. Obama said. Clinton said.";
        let ents = [
            person(text, "Warren Hammers", 0),
            person(text, "Elizabeth Warren", 0),
            person(text, "Michelle Obama", 0),
            person(text, "Barack Obama", 0),
            person(text, "Hillary Clinton", 0),
            person(text, "Clinton", 40),
        ];
        let p = People::new(text, &ents, Vec::new());
        assert_eq!(p.full_name("Warren", None).as_deref(), Some("Elizabeth Warren"));
        assert_eq!(p.full_name("Clinton", None).as_deref(), Some("Hillary Clinton"));
        assert_eq!(p.full_name("Mr. Obama", Some(false)).as_deref(), Some("Barack Obama"));
        assert_eq!(p.full_name("the", None), None);
        assert!(!p.antecedent(ents[0].span) && p.antecedent(ents[1].span));
    }
}
