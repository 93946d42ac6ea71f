//! Speaker identity on PolNeAR: whether newsmine names each source by the fullest name of that
//! person in the article, and whether its `speaker_id` clusters the same person together (and
//! apart from others) across the corpus; plus a count of junk speakers in `quotes.csv`. Hands
//! on a [`SpeakerReport`] (`newsmine eval --gold-format brat --speakers`).
//!
//! Gold. PolNeAR marks each attribution's Source as a span of the text, not a resolved name, so
//! the person is read from the prediction's NER entities (`entities.csv`; the speaker rules
//! being scored never change them):
//! - the source's person is the PERSON entity its span overlaps (a source overlapping entities
//!   of two surnames, `Trump and Clinton`, is left out), or, for a relative pronoun source
//!   (`who`, `which`, `that`), the PERSON entity right before it (`Donald Trump, who …`, with
//!   only spaces, commas or a bracketed party tag between);
//!   The entity must head the source: a source it only modifies (`the Clinton campaign`,
//!   `Scott's family`) is left out;
//! - its *fullest name* is the longest PERSON mention of the article (most words; ties: most
//!   frequent, then first) whose words contain all the words of that entity (`Trump` ->
//!   `Donald J. Trump`), compared case-insensitively with titles (`Mr.`, `President`) and
//!   possessives dropped; mentions in the headline (the first line, where every word is
//!   capitalised and the tagger glues words to names: `Elizabeth Warren Hammers`) count only
//!   when the body never gives more than one word of the name (`Hillary Clinton` in the
//!   headline, `Clinton` below);
//! - sources naming no person (pronouns other than relatives, descriptions, organizations) are
//!   out of scope: PolNeAR has no coreference to say whom `he` means.
//!
//! Scores, over the in-scope gold attributions matched by a predicted unit (rows folded and
//! matched exactly as [`super::brat`] does for the `all` set):
//! - full-name accuracy: the unit's `speaker` equals the fullest name (case, spacing and a
//!   possessive aside);
//! - B-cubed precision, recall and F1 of the clusters over those items: gold clusters by the
//!   fullest name's identity key (lower case, initials, `Jr.`/`Sr.` and titles dropped, so
//!   `Donald J. Trump` in one article and `Donald Trump` in another are one person), predicted
//!   clusters by `speaker_id` (a table without the column: by lower-cased `speaker`, as
//!   `speakers.csv` merged them then); an item with no speaker is a cluster of its own.
//!
//! Junk count: distinct `speaker`s of `quotes.csv` (and their quotes) that are a pronoun, a
//! relative pronoun or a phrase built on one (`who`, `many of whom`), a sentence adverb or
//! interjection (`Perhaps`, `Meh`), a number or share (`19 percent`), a fragment (a PERSON
//! speaker made of a PERSON entity of the document and one lower-case word in `-s` or `-ed`
//! glued on, `Scott bristles`), or a place typed PERSON (`China`, a LOC entity of the document).
//! The kinds are found by these word rules, so a count is an upper bound to read with its
//! examples (`52-count civil complaint` is a description with a digit).

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use super::brat::{fold_units, PredQuote, Predictions};
use super::metrics::{match_greedy, round4, Accuracy, TokenSpan};
use super::read::Rows;
use super::{EvalError, Options};
use crate::export::{EntityRow, QuoteRow};
use crate::formats::brat::{GoldArticle, GoldAttribution};
use crate::labels::{EntityLabel, SpeakerType};
use crate::ner::canonical;

/// What the speaker-identity check measured on one split.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct SpeakerReport {
    pub documents: usize,
    /// Gold attributions whose source names a person (in scope).
    pub gold_person_sources: usize,
    /// Of those, matched by a predicted unit: the items scored.
    pub matched: usize,
    pub full_name: Accuracy,
    pub bcubed: BCubed,
    pub junk: Junk,
    /// Matched items whose speaker is not the fullest name: `doc`, gold name, predicted speaker.
    #[serde(skip)]
    pub misses: Vec<(String, String, String)>,
}

/// B-cubed precision, recall and F1 of predicted clusters against gold clusters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct BCubed {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl BCubed {
    /// Scores items given as (gold cluster, predicted cluster) pairs.
    ///
    /// ```
    /// use newsmine::eval::speakers::BCubed;
    /// // Two gold persons; the prediction merges them: precision 0.5 for each item.
    /// let b = BCubed::score(&[("a".into(), "x".into()), ("b".into(), "x".into())]);
    /// assert_eq!((b.precision, b.recall), (0.5, 1.0));
    /// ```
    pub fn score(items: &[(String, String)]) -> BCubed {
        if items.is_empty() {
            return BCubed::default();
        }
        let mut gold: HashMap<&str, usize> = HashMap::new();
        let mut pred: HashMap<&str, usize> = HashMap::new();
        let mut both: HashMap<(&str, &str), usize> = HashMap::new();
        for (g, p) in items {
            *gold.entry(g).or_default() += 1;
            *pred.entry(p).or_default() += 1;
            *both.entry((g, p)).or_default() += 1;
        }
        let (mut precision, mut recall) = (0.0, 0.0);
        for (g, p) in items {
            let shared = both[&(g.as_str(), p.as_str())] as f64;
            precision += shared / pred[p.as_str()] as f64;
            recall += shared / gold[g.as_str()] as f64;
        }
        let n = items.len() as f64;
        let (precision, recall) = (precision / n, recall / n);
        let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
        BCubed { precision: round4(precision), recall: round4(recall), f1: round4(f1) }
    }
}

/// Junk speakers in `quotes.csv`: distinct speakers per kind, and the quotes they have.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Junk {
    /// Distinct non-empty speakers.
    pub speakers: usize,
    pub kinds: Vec<JunkKind>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct JunkKind {
    pub kind: &'static str,
    pub speakers: usize,
    pub quotes: usize,
    /// The speakers, most quoted first.
    pub examples: Vec<String>,
}

const PRONOUNS: &[&str] = &[
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "him",
    "her",
    "them",
    "us",
    "me",
    "his",
    "hers",
    "its",
    "their",
    "our",
    "my",
    "your",
    "himself",
    "herself",
    "itself",
    "themselves",
];
const RELATIVES: &[&str] = &["who", "whom", "whose", "which", "that"];
/// Sentence adverbs and interjections that open sentences, capitalised, where a name might.
const ADVERBS: &[&str] = &[
    "perhaps",
    "maybe",
    "however",
    "meanwhile",
    "still",
    "also",
    "indeed",
    "instead",
    "moreover",
    "yet",
    "nonetheless",
    "nevertheless",
    "then",
    "now",
    "so",
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
    "after",
    "before",
    "here",
    "there",
    "today",
    "early",
    "initially",
    "finally",
    "eventually",
    "recently",
    "later",
    "earlier",
    "actually",
    "clearly",
    "obviously",
    "apparently",
    "certainly",
    "probably",
];
const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "thousand",
    "million",
    "billion",
    "dozen",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "percent",
    "half",
    "nearly",
    "about",
];
/// Lower-case words that belong inside names (`Bill de Blasio`, `Osama bin Laden`,
/// `Alliance to Reclaim Our Schools`).
const PARTICLES: &[&str] = &[
    "de", "del", "della", "da", "di", "du", "van", "von", "der", "den", "la", "le", "los", "las", "bin", "ibn", "al",
    "el", "y", "of", "and", "for", "the", "on", "to", "in", "at", "&",
];

/// The junk kind of a speaker of document `entities`, if any (module docs).
fn junk_kind(speaker: &str, kind: SpeakerType, entities: &[&EntityRow]) -> Option<&'static str> {
    let lower = speaker.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).collect();
    if words.len() == 1 && PRONOUNS.contains(&words[0]) {
        return Some("pronoun");
    }
    let first = words.first().copied().unwrap_or("");
    let last = words.last().copied().unwrap_or("");
    if RELATIVES.contains(&first) || (words.len() > 1 && RELATIVES.contains(&last)) {
        return Some("relative");
    }
    if words.len() == 1 && ADVERBS.contains(&first) {
        return Some("adverb");
    }
    // `19 percent`, `Twelve percent`, `Hundreds`; `one relative` is a description.
    if lower.chars().any(|c| c.is_ascii_digit())
        || lower.contains('%')
        || (words.len() == 1 && NUMBER_WORDS.contains(&first))
        || words.contains(&"percent")
    {
        return Some("number");
    }
    // A person's name with a verb glued on (`Scott bristles`, `Trump avoided`): a PERSON
    // entity of the document, then one lower-case word in `-s` or `-ed` (`Trump supporter` is
    // a description).
    let verb_form = (last.ends_with('s') && !last.ends_with("ss")) || last.ends_with("ed");
    let glued = kind == SpeakerType::Person
        && words.len() >= 2
        && verb_form
        && speaker.split_whitespace().last().is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
        && !PARTICLES.contains(&last)
        && {
            let name = speaker.rsplit_once(' ').map_or("", |(n, _)| n);
            entities.iter().any(|e| e.label == EntityLabel::Person && e.text.eq_ignore_ascii_case(name))
        };
    if glued {
        return Some("fragment");
    }
    let place = entities.iter().any(|e| {
        e.label == EntityLabel::Loc
            && (e.text.eq_ignore_ascii_case(speaker) || e.canonical.eq_ignore_ascii_case(speaker))
    });
    (kind == SpeakerType::Person && place).then_some("place as person")
}

/// The junk count over the rows of `quotes.csv`.
fn count_junk(quotes: &[QuoteRow], entities: &HashMap<&str, Vec<&EntityRow>>) -> Junk {
    // speaker -> (quotes, kind)
    let mut seen: HashMap<&str, (usize, Option<&'static str>)> = HashMap::new();
    for q in quotes.iter().filter(|q| !q.speaker.is_empty()) {
        let ents = entities.get(q.doc_id.as_str()).map(Vec::as_slice).unwrap_or(&[]);
        let entry = seen.entry(&q.speaker).or_insert((0, None));
        entry.0 += 1;
        entry.1 = entry.1.or_else(|| junk_kind(&q.speaker, q.speaker_type, ents));
    }
    let mut kinds: Vec<JunkKind> = ["pronoun", "relative", "adverb", "number", "fragment", "place as person"]
        .iter()
        .map(|&kind| JunkKind { kind, ..JunkKind::default() })
        .collect();
    let mut sorted: Vec<(&str, usize, &'static str)> =
        seen.iter().filter_map(|(s, (n, k))| k.map(|k| (*s, *n, k))).collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for (speaker, n, k) in sorted {
        let kind = kinds.iter_mut().find(|j| j.kind == k).expect("a listed kind");
        kind.speakers += 1;
        kind.quotes += n;
        kind.examples.push(speaker.to_string());
    }
    Junk { speakers: seen.len(), kinds }
}

/// Name words of a PERSON mention, lower-cased, with leading titles dropped.
fn person_words(surface: &str) -> Vec<String> {
    let mut words: Vec<String> = canonical::name_words(surface).iter().map(|w| w.to_lowercase()).collect();
    let title = |w: &str| {
        matches!(
            w.trim_end_matches('.'),
            "mr" | "mrs" | "ms" | "dr" | "sen" | "rep" | "gov" | "president" | "pres" | "gen" | "rev" | "prof"
        )
    };
    while words.len() > 1 && title(&words[0]) {
        words.remove(0);
    }
    words
}

/// The identity key of a person's name: its words without initials, `jr`/`sr` and dots.
fn identity_key(words: &[String]) -> String {
    let kept: Vec<String> = words
        .iter()
        .map(|w| w.replace('.', ""))
        .filter(|w| w.chars().count() > 1 && !matches!(w.as_str(), "jr" | "sr"))
        .collect();
    if kept.is_empty() {
        words.join(" ")
    } else {
        kept.join(" ")
    }
}

fn contains_all(short: &[String], long: &[String]) -> bool {
    short.iter().all(|w| long.contains(w))
}

/// The gold person of an attribution's source: the words of the PERSON entity it names, or
/// of the antecedent of a relative pronoun; `None` when out of scope.
fn source_person(g: &GoldAttribution, chars: &[char], persons: &[&EntityRow]) -> Option<Vec<String>> {
    let source = g.source.as_ref()?;
    let overlapping: Vec<&EntityRow> =
        persons.iter().copied().filter(|e| source.fragments.iter().any(|&(s, t)| e.start < t && s < e.end)).collect();
    if !overlapping.is_empty() {
        // The person must head the source: `the Clinton campaign`, `Scott's family` name
        // another source.
        let end = source.fragments.iter().map(|f| f.1).max().unwrap_or(0).min(chars.len());
        let heads = |e: &&EntityRow| {
            let rest: String = chars[e.end.min(end)..end].iter().collect();
            let rest = rest.split(',').next().unwrap_or("");
            let outside: String = rest.split('(').map(|p| p.split_once(')').map_or(p, |(_, after)| after)).collect();
            !rest.starts_with(['\'', '’']) && !outside.chars().any(char::is_alphabetic)
        };
        if !overlapping.iter().any(heads) {
            return None;
        }
        let words: Vec<Vec<String>> = overlapping.iter().map(|e| person_words(&e.text)).collect();
        let surname = |w: &Vec<String>| w.last().cloned();
        if words.iter().any(|w| surname(w) != surname(&words[0])) {
            return None;
        }
        return words.into_iter().max_by_key(Vec::len);
    }
    if !RELATIVES.contains(&source.text.trim().to_lowercase().as_str()) {
        return None;
    }
    let at = source.fragments.iter().map(|f| f.0).min()?;
    let between_ok = |from: usize| {
        let gap: String = chars[from.min(at)..at].iter().collect();
        let gap = gap.trim_matches(|c: char| c.is_whitespace() || c == ',');
        gap.is_empty() || (gap.starts_with('(') && gap.ends_with(')') && gap.len() < 20)
    };
    persons.iter().filter(|e| e.end <= at && between_ok(e.end)).max_by_key(|e| e.end).map(|e| person_words(&e.text))
}

/// The fullest name of the person `words` among the article's PERSON mentions `persons`: the
/// body's (after the headline, which ends at code point `body`), unless the body never gives
/// more than one word of it; then the headline's (`Hillary Clinton` in the headline, only
/// `Clinton` below it).
fn fullest_name(words: &[String], persons: &[&EntityRow], body: usize) -> Vec<String> {
    let best = |in_body: bool| {
        let candidates: Vec<Vec<String>> = persons
            .iter()
            .filter(|e| (e.start >= body) == in_body)
            .map(|e| person_words(&e.text))
            .filter(|w| contains_all(words, w))
            .collect();
        let count = |c: &Vec<String>| candidates.iter().filter(|x| *x == c).count();
        let mut best: Option<&Vec<String>> = None;
        // More words, then more mentions, then earlier.
        for c in &candidates {
            if best.is_none_or(|b| (c.len(), count(c)) > (b.len(), count(b))) {
                best = Some(c);
            }
        }
        best.cloned()
    };
    match best(true) {
        Some(b) if b.len() > 1 => b,
        in_body => best(false).filter(|h| h.len() > 1).or(in_body).unwrap_or_else(|| words.to_vec()),
    }
}

/// Scores `pred_dir` (its `quotes.csv`, `attributions.csv` and `entities.csv`) against the
/// PolNeAR split `gold_dir` (module docs).
pub fn eval_speakers(gold_dir: &Path, pred_dir: &Path, opts: &Options) -> Result<SpeakerReport, EvalError> {
    EvalError::exists(gold_dir)?;
    EvalError::exists(pred_dir)?;
    crate::export::manifest::check(pred_dir)?;
    let articles = crate::formats::brat::load_polnear(gold_dir)?;
    let pred = Predictions::read(pred_dir)?;
    let entity_rows: Rows<EntityRow> = Rows::read(&pred_dir.join("entities.csv"))?;
    let quote_rows: Rows<QuoteRow> = Rows::read(&pred_dir.join("quotes.csv"))?;
    let mut entities: HashMap<&str, Vec<&EntityRow>> = HashMap::new();
    for e in &entity_rows.rows {
        entities.entry(e.doc_id.as_str()).or_default().push(e);
    }
    let mut report = SpeakerReport::default();
    let mut items: Vec<(String, String)> = Vec::new();
    for article in articles.iter().filter(|a| pred.covered.contains(&a.name)) {
        report.documents += 1;
        let rows = pred.by_doc.get(article.name.as_str()).map(Vec::as_slice).unwrap_or(&[]);
        let ents = entities.get(article.name.as_str()).map(Vec::as_slice).unwrap_or(&[]);
        score_article(article, rows, ents, opts, &mut report, &mut items);
    }
    report.bcubed = BCubed::score(&items);
    report.junk = count_junk(&quote_rows.rows, &entities);
    Ok(report)
}

fn score_article(
    article: &GoldArticle,
    rows: &[PredQuote],
    entities: &[&EntityRow],
    opts: &Options,
    report: &mut SpeakerReport,
    items: &mut Vec<(String, String)>,
) {
    let chars: Vec<char> = article.text.chars().collect();
    let persons: Vec<&EntityRow> = entities.iter().copied().filter(|e| e.label == EntityLabel::Person).collect();
    let body = chars.iter().position(|&c| c == '\n').unwrap_or(0);
    let units = fold_units(rows, &chars);
    let gold = &article.attributions;
    let g_tokens: Vec<TokenSpan> = gold.iter().map(|g| TokenSpan::from_fragments(&chars, &g.content)).collect();
    let p_tokens: Vec<TokenSpan> = units
        .iter()
        .map(|p| {
            let ranges = if p.parts.is_empty() { vec![(p.start, p.end)] } else { p.parts.clone() };
            TokenSpan::from_fragments(&chars, &ranges)
        })
        .collect();
    let optional = vec![false; gold.len()];
    let m = match_greedy(&optional, units.len(), |gi, pi| {
        let o = g_tokens[gi].overlap(&p_tokens[pi]);
        (o > 0.0 && o >= opts.overlap_threshold).then_some(o)
    });
    for (gi, g) in gold.iter().enumerate() {
        let Some(words) = source_person(g, &chars, &persons) else { continue };
        report.gold_person_sources += 1;
        let Some(pi) = m.gold_match[gi] else { continue };
        report.matched += 1;
        let fullest = fullest_name(&words, &persons, body);
        let unit = &units[pi];
        let said: Vec<String> = canonical::name_words(&unit.speaker).iter().map(|w| w.to_lowercase()).collect();
        let right = said == fullest;
        report.full_name.record(right);
        if !right {
            report.misses.push((article.name.clone(), fullest.join(" "), unit.speaker.clone()));
        }
        let predicted = if !unit.speaker_id.is_empty() {
            unit.speaker_id.clone()
        } else if !unit.speaker.is_empty() {
            unit.speaker.to_lowercase()
        } else {
            format!("\u{0}{}#{gi}", article.name)
        };
        items.push((identity_key(&fullest), predicted));
    }
}

impl SpeakerReport {
    pub fn to_markdown(&self) -> String {
        let mut md = String::from("# Speaker identity (PolNeAR)\n\n");
        md += &format!(
            "{} documents; {} gold attributions whose source names a person, {} of them matched by a \
             predicted quote (the items scored).\n\n",
            self.documents, self.gold_person_sources, self.matched
        );
        md += "| measure | value |\n|---|---|\n";
        md += &format!(
            "| speaker is the fullest name | {:.4} ({} / {}) |\n",
            self.full_name.value(),
            self.full_name.correct,
            self.full_name.total
        );
        md += &format!(
            "| B-cubed precision / recall / F1 | {:.4} / {:.4} / {:.4} |\n\n",
            self.bcubed.precision, self.bcubed.recall, self.bcubed.f1
        );
        md += &format!("Junk speakers in `quotes.csv` ({} distinct speakers):\n\n", self.junk.speakers);
        md += "| kind | speakers | quotes | examples |\n|---|---|---|---|\n";
        for k in &self.junk.kinds {
            let examples: Vec<String> = k.examples.iter().take(8).map(|e| format!("`{e}`")).collect();
            md += &format!("| {} | {} | {} | {} |\n", k.kind, k.speakers, k.quotes, examples.join(", "));
        }
        md
    }

    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).expect("a report serialises")
    }

    /// One line per matched item whose speaker is not the fullest name, for `--verbose`.
    pub fn verbose_lines(&self) -> Vec<String> {
        self.misses
            .iter()
            .map(|(doc, gold, pred)| format!("speakers\tNAME\t{doc}\tgold {gold:?} pred {pred:?}"))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::brat::fixture::{char_at, one_article};
    use std::fs;

    #[test]
    fn bcubed_on_a_hand_computed_case() {
        // Gold: a a b; predicted: x x x. Items a: P 2/3, R 1; item b: P 1/3, R 1.
        let items: Vec<(String, String)> =
            [("a", "x"), ("a", "x"), ("b", "x")].iter().map(|(g, p)| (g.to_string(), p.to_string())).collect();
        let b = BCubed::score(&items);
        assert_eq!((b.precision, b.recall), (round4(5.0 / 9.0), 1.0));
        // Split one person in two: precision 1, recall (1/2 + 1/2 + 1) / 3.
        let items: Vec<(String, String)> =
            [("a", "x"), ("a", "y"), ("b", "z")].iter().map(|(g, p)| (g.to_string(), p.to_string())).collect();
        assert_eq!(BCubed::score(&items).recall, round4(2.0 / 3.0));
        assert_eq!(BCubed::score(&[]), BCubed::default());
    }

    #[test]
    fn junk_kinds_follow_the_word_rules() {
        let china = EntityRow {
            label: EntityLabel::Loc,
            text: "China".into(),
            canonical: "China".into(),
            ..Default::default()
        };
        let scott = EntityRow { label: EntityLabel::Person, text: "Scott".into(), ..Default::default() };
        let ents = [&china, &scott];
        let kind = |s: &str, t: SpeakerType| junk_kind(s, t, &ents);
        assert_eq!(kind("who", SpeakerType::Unknown), Some("relative"));
        assert_eq!(kind("many of whom", SpeakerType::Group), Some("relative"));
        assert_eq!(kind("He", SpeakerType::Person), Some("pronoun"));
        assert_eq!(kind("Perhaps", SpeakerType::Group), Some("adverb"));
        assert_eq!(kind("19 percent", SpeakerType::Group), Some("number"));
        assert_eq!(kind("Scott bristles", SpeakerType::Person), Some("fragment"));
        assert_eq!(kind("China", SpeakerType::Person), Some("place as person"));
        assert_eq!(kind("China", SpeakerType::Org), None);
        assert_eq!(kind("Bill de Blasio", SpeakerType::Person), None);
        assert_eq!(kind("critics", SpeakerType::Group), None);
        assert_eq!(kind("Republican presidential nominee", SpeakerType::Person), None);
        assert_eq!(kind("Scott supporter", SpeakerType::Person), None);
    }

    #[test]
    fn scores_full_names_and_clusters_against_the_source_person() {
        let text = "Trump Wins\nDonald J. Trump spoke. “We will win,” Trump said. Mike Pence, who joined him, said the race is close.";
        let chars: Vec<char> = text.chars().collect();
        let at = |needle: &str| char_at(&chars, needle);
        let (q, said, who) = (at("We will"), at("said."), at("who"));
        let (t, s2, c) = (at("Trump said"), at("said the"), at("the race"));
        let d = one_article(
            text,
            &format!(
                "T1\tSource {t} {}\tTrump\nT2\tCue {said} {}\tsaid\nT3\tContent {q} {}\tWe will win,\n\
                 E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n\
                 T4\tSource {who} {}\twho\nT5\tCue {s2} {}\tsaid\nT6\tContent {c} {}\tthe race is close\n\
                 E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4\n",
                t + 5,
                said + 4,
                q + 12,
                who + 3,
                s2 + 4,
                c + 17,
            ),
        );
        let pred = tempfile::tempdir().unwrap();
        let ent = |id: &str, surface: &str, from: usize| {
            let start =
                (from..chars.len()).find(|&i| chars[i..].starts_with(&surface.chars().collect::<Vec<_>>())).unwrap();
            EntityRow {
                doc_id: "a".into(),
                entity_id: id.into(),
                text: surface.into(),
                label: EntityLabel::Person,
                canonical: surface.into(),
                start,
                end: start + surface.chars().count(),
                score: "0.9".into(),
            }
        };
        let entities = [
            ent("e1", "Trump Wins", 0),
            ent("e2", "Donald J. Trump", 0),
            ent("e3", "Trump", at("Trump said")),
            ent("e4", "Mike Pence", 0),
        ];
        let mut w = csv::Writer::from_writer(Vec::new());
        for e in &entities {
            w.serialize(e).unwrap();
        }
        fs::write(pred.path().join("entities.csv"), w.into_inner().unwrap()).unwrap();
        let quote = |id: &str, speaker: &str, speaker_id: &str, (start, end): (usize, usize), cue: usize| QuoteRow {
            doc_id: "a".into(),
            quote_id: id.into(),
            speaker: speaker.into(),
            speaker_type: SpeakerType::Person,
            cue_start: Some(cue),
            cue_end: Some(cue + 4),
            start,
            end,
            clause_start: start,
            clause_end: end,
            speaker_id: speaker_id.into(),
            ..QuoteRow::default()
        };
        let write = |rows: &[QuoteRow]| {
            let mut w = csv::Writer::from_writer(Vec::new());
            for r in rows {
                w.serialize(r).unwrap();
            }
            fs::write(pred.path().join("quotes.csv"), w.into_inner().unwrap()).unwrap();
        };
        // The fullest name is `Donald J. Trump` (not the headline's `Trump Wins`); `who` is
        // Mike Pence.
        write(&[
            quote("q001", "Donald J. Trump", "donald-trump", (q, q + 12), said),
            quote("q002", "who", "who", (at("the race"), at("the race") + 17), at("said the")),
        ]);
        let r = eval_speakers(d.path(), pred.path(), &Options::default()).unwrap();
        assert_eq!((r.gold_person_sources, r.matched), (2, 2));
        assert_eq!((r.full_name.correct, r.full_name.total), (1, 2));
        assert_eq!(r.misses, vec![("a".to_string(), "mike pence".to_string(), "who".to_string())]);
        assert_eq!(r.junk.kinds[1].examples, vec!["who"]);
        // Two people in two clusters: B-cubed is perfect even with a wrong name.
        assert_eq!(r.bcubed.f1, 1.0);
        // Merging the two people halves precision.
        write(&[
            quote("q001", "Donald J. Trump", "x", (q, q + 12), said),
            quote("q002", "Mike Pence", "x", (at("the race"), at("the race") + 17), at("said the")),
        ]);
        let r = eval_speakers(d.path(), pred.path(), &Options::default()).unwrap();
        assert_eq!(r.full_name.correct, 2);
        assert_eq!((r.bcubed.precision, r.bcubed.recall), (0.5, 1.0));
    }
}
