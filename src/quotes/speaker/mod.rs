//! Speakers: finding the mention that names the source at a cue, and resolving it to a name.
//!
//! Finding walks the clause's tokens: the subject noun phrase left of the cue (skipping
//! auxiliaries and adverbs, through `who`/`which` to the antecedent, around an appositive
//! `X, a lawyer at Y, said`), or the phrase right of an inverted cue (`said Salvadoran lawyer
//! Jaime Ortega`). Resolution turns a mention into the speaker string: the NER entity at the
//! phrase's head (its `canonical` is already the fullest name), else the capitalised run at
//! the head matched against fuller names in the document; pronouns take the most recent
//! compatible speaker or person; unnamed sources keep their describing phrase. Titles and
//! appositives become descriptions. Hands on [`Resolved`] to `mod.rs`, which records it in the
//! [`History`] used by later pronouns and follow-up quotations.

use super::lexicon::{class_of, CueType};
use super::tokens::Tok;
use super::SpeakerType;
use crate::doc::{Entity, EntityLabel};
use crate::span::Span;

/// A noun phrase holds at most this many words (`the gambling tycoon`, `Salvadoran lawyer Jaime
/// Ortega`); longer runs are clauses.
const MAX_PHRASE_WORDS: usize = 10;
/// Tokens after `according to` searched for its source phrase (`a new poll by …`).
const SOURCE_WINDOW: usize = 12;
/// An appositive (`, a lawyer at Cristosal,`) longer than this many tokens is a clause.
const MAX_APPOSITIVE_TOKENS: usize = 15;
/// Quoted words in a row that make a quotation rather than a quoted title or term.
const QUOTATION_WORDS: usize = 5;
/// Look-back from `)` to its `(`: a party tag or short aside (`(I-Vt.)`).
const PAREN_WINDOW: usize = 8;
/// Look-back from a closing dash to the opening one (`-- John McCain, who lost in 2008 --`).
const DASH_ASIDE_WINDOW: usize = 30;
/// Look-back from a comma to a relative pronoun opening the aside it closes (`Small, who …,
/// said`): relative clauses run long.
const RELATIVE_WINDOW: usize = 40;
/// Look-back from a comma to the comma opening an appositive (`David Morales, a lawyer at
/// Cristosal, said`).
const ASIDE_WINDOW: usize = 45;
/// Look-back for a second, shorter aside before the first (`Jillian Chase, 27, a Tinder user
/// …, said`).
const EARLIER_ASIDE_WINDOW: usize = 6;
/// Look-back over a short prepositional phrase after a name (`Jeb Bush in a Medium post
/// said`).
const PREPOSITION_WINDOW: usize = 7;
/// Look-back to the `who` of a restrictive relative clause (`a White House official who spoke
/// anonymously said`).
const RESTRICTIVE_WINDOW: usize = 25;

/// Words that end a noun phrase.
const FUNCTION: &[&str] = &[
    "that", "which", "who", "whom", "whose", "but", "or", "nor", "as", "while", "when", "if", "because", "since",
    "although", "though", "after", "before", "in", "on", "at", "to", "for", "from", "by", "with", "without", "about",
    "into", "over", "under", "during", "than", "then", "so", "also", "not", "is", "are", "was", "were", "be",
    "been", "being", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "should", "may",
    "might", "must", "there", "here", "where", "what", "how", "why", "yet", "however", "meanwhile", "still",
    "and", "of", "it", "he", "she", "they", "we", "i", "you", "him", "her", "them", "us", "me", "its", "their",
    "his", "our", "my", "your", "this", "these", "those", "the", "a", "an", "now", "today", "yesterday", "even",
    "just", "only", "all", "both", "per", "via", "against", "among", "between", "through", "until", "upon",
    "whether", "once", "again", "very", "too", "more", "most", "less", "no", "not", "never", "ever", "said",
    "says", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "last", "next",
    "earlier", "later", "like", "unlike", "despite", "amid", "instead", "rather", "what’s", "it’s", "that’s",
];

/// Determiners: included at the left edge of a phrase, and nothing beyond them.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "some", "many", "several", "most", "his", "her", "their", "its", "our", "my", "your",
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "other", "another", "both", "all",
    "few", "these", "those", "this", "that", "each", "any", "such", "no",
];

/// Words skipped between a subject and its cue (`has also said`, `once vowed`).
/// Abbreviated titles written with a period (`Mr.`, `Sen.`).
const HONORIFICS: &[&str] =
    &["mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "prof", "rev", "pres", "capt", "adm", "maj", "atty", "supt"];

const AUX: &[&str] = &[
    "has", "have", "had", "also", "once", "previously", "later", "recently", "then", "repeatedly", "publicly",
    "reportedly", "further", "again", "already", "often", "always", "never", "is", "was", "were", "are", "will",
    "would", "could", "may", "might", "did", "does", "do", "not", "even", "still", "just", "long", "first",
    "separately", "similarly", "privately", "simply", "flatly", "had", "been", "should", "must", "can",
    "however",
];

pub(crate) const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it", "you"];

/// Quantifiers that can stand for a group of speakers (`Most said`, `another says`).
const QUANTIFIERS: &[&str] = &["most", "many", "some", "others", "another", "one", "both", "all", "few", "several", "half", "none"];

/// Lowercase heads naming a single person.
const PERSON_NOUNS: &[&str] = &[
    "official", "person", "hopeful", "buyer", "owner", "seller", "donor", "user", "boy", "girl", "child", "kid",
    "teen", "teenager", "student", "worker", "employee", "parent", "veteran", "nurse", "pastor", "priest",
    "bishop", "soldier", "guard", "neighbor", "neighbour", "citizen", "immigrant", "refugee", "victim",
    "survivor", "patient", "customer", "guest", "host", "fan", "delegate", "attendee", "consultant",
    "lobbyist", "billionaire", "businessman", "businesswoman", "congressman", "congresswoman", "lawyer", "attorney", "relative", "spokesman", "spokeswoman", "spokesperson", "minister",
    "president", "senator", "governor", "source", "aide", "adviser", "advisor", "director", "expert", "analyst",
    "activist", "judge", "prosecutor", "witness", "resident", "man", "woman", "mother", "father", "son",
    "daughter", "brother", "sister", "wife", "husband", "prisoner", "inmate", "detainee", "deportee", "migrant",
    "candidate", "leader", "chief", "head", "secretary", "representative", "lawmaker", "mayor", "officer",
    "researcher", "professor", "economist", "strategist", "ambassador", "envoy", "diplomat", "commander",
    "journalist", "reporter", "editor", "author", "writer", "historian", "doctor", "nominee", "chairman",
    "chairwoman", "member", "friend", "staffer", "operative", "pollster", "voter", "supporter", "critic",
    "agent", "defender", "worker", "guard", "manager", "ceo", "founder", "coordinator", "counsel",
];

/// Lowercase heads naming an organization.
const ORG_NOUNS: &[&str] = &[
    "government", "ministry", "administration", "department", "office", "agency", "court", "organisation",
    "organization", "company", "campaign", "police", "committee", "commission", "party", "court", "council",
    "embassy", "firm", "newspaper", "network", "union", "army", "military", "state", "white", "house", "regime",
    "congress", "senate", "authority", "service", "bureau", "institute", "foundation", "press",
];

/// Sentence adverbs set off by commas between a subject and its verb.
const ASIDE_ADVERBS: &[&str] = &[
    "however", "though", "too", "also", "meanwhile", "instead", "nonetheless", "nevertheless", "moreover",
    "separately", "likewise", "similarly", "indeed", "then", "later", "earlier", "previously",
];

/// Capitalised words that mark an organization name.
const ORG_WORDS: &[&str] = &[
    "department", "ministry", "office", "court", "commission", "committee", "council", "agency", "administration",
    "news", "times", "post", "party", "association", "union", "institute", "foundation", "university", "bank",
    "group", "corporation", "inc", "campaign", "police", "army", "government", "house", "senate", "congress",
    "network", "watch", "international", "center", "centre", "organization", "organisation", "fund", "journal",
    "press", "reuters", "cnn", "bbc", "ap", "nbc", "abc", "cbs", "fox", "msnbc", "gop", "fbi", "cia", "dhs", "ice",
    "aclu", "un", "nato", "ngo", "board", "bureau", "service", "tribune", "herald", "magazine", "daily", "media",
    "company", "co", "llc", "ltd", "coalition", "alliance", "federation", "society", "republicans", "democrats",
];

/// Title words that precede a name and belong to its description.
const TITLES: &[&str] = &[
    "president", "minister", "secretary", "senator", "sen.", "gov.", "governor", "rep.", "representative",
    "judge", "justice", "attorney", "general", "director", "chief", "mayor", "chairman", "chairwoman",
    "spokesman", "spokeswoman", "ambassador", "envoy", "pres.", "dr.", "mr.", "mrs.", "ms.", "prof.", "officer",
    "commissioner", "leader", "king", "queen", "pope", "prime", "vice", "candidate", "nominee", "state", "lawyer",
    "press", "speaker", "gen.", "lt.", "col.", "sgt.", "adviser", "advisor", "former", "district",
];

fn is_in(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

/// A hyphenated compound (`conservative-leaning`, `state-owned`).
fn compound(t: &Tok) -> bool {
    t.lower.split('-').filter(|p| !p.is_empty()).count() >= 2
}

/// A lowercase word that can sit inside a noun phrase (`human rights attorney`).
fn nounish(t: &Tok) -> bool {
    t.is_word
        && !t.cap
        && !is_in(FUNCTION, &t.lower)
        && class_of(&t.lower).is_none()
        // `conservative-leaning`, `state-owned`: a hyphenated compound is an adjective.
        && (!t.lower.ends_with("ing") || compound(t))
        && (!t.lower.ends_with("ed") || t.lower.len() <= 4 || compound(t))
        && (!t.lower.ends_with("ly") || is_in(PERSON_NOUNS, &t.lower))
        && t.lower.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
}

pub(crate) fn name_word(t: &Tok) -> bool {
    t.is_word && t.cap && !is_in(FUNCTION, &t.lower) && !is_in(DETERMINERS, &t.lower)
}

fn plural(lower: &str) -> bool {
    (lower.ends_with('s') && !lower.ends_with("ss") && lower.len() > 3)
        || matches!(lower, "people" | "police" | "men" | "women" | "children" | "staff" | "percent" | "majority")
}

/// A token that can head a speaker phrase.
fn valid_head(t: &Tok) -> bool {
    if t.quoted || !t.is_word {
        return false;
    }
    if is_in(PRONOUNS, &t.lower) || name_word(t) {
        return true;
    }
    nounish(t) && (is_in(PERSON_NOUNS, &t.lower) || is_in(ORG_NOUNS, &t.lower) || plural(&t.lower) || agent_noun(&t.lower))
}

/// Nouns of agents by their ending (`commenter`, `neurosurgeon`, `organizer`, `columnist`),
/// minus common things that share the ending.
fn agent_noun(lower: &str) -> bool {
    const THINGS: &[&str] = &[
        "number", "letter", "matter", "center", "centre", "paper", "order", "water", "quarter", "chapter", "corner",
        "border", "power", "computer", "register", "cancer", "manner", "filter", "error", "factor", "sector",
        "monitor", "mirror", "motor", "river", "summer", "winter", "weather", "dinner", "answer", "rather", "either",
        "neither", "whether", "further", "together", "however", "never", "other", "another", "after", "later",
        "former", "latter", "offer", "cover", "trigger", "barrier", "banner", "poster", "theater", "theatre",
        "remainder", "reminder", "member", "character", "behavior", "behaviour", "honor", "labor", "favor", "color",
        "rumor", "humor", "tumor", "terror", "horror", "mayor", "floor", "door", "minor", "major", "interior",
        "exterior", "superior", "inferior", "senior", "junior", "corridor", "ledger", "manifest", "contest",
        "protest", "interest", "request", "harvest", "forest", "list", "twist", "mist", "fist", "wrist",
    ];
    lower.len() >= 6
        && ["er", "or", "ist", "eon", "ian"].iter().any(|s| lower.ends_with(s))
        && !THINGS.contains(&lower)
}

/// Whether token `k` ends a sentence: `.`, `!`, `?`, `;` or `:`, but not the period of an
/// initial or title (`George W. Bush`, `Sen. Warren`).
fn ends_sentence(toks: &[Tok], k: usize) -> bool {
    match toks[k].lower.as_str() {
        "!" | "?" | ";" | ":" => true,
        "." => !(k > 0 && toks[k - 1].is_word && (toks[k - 1].lower.chars().count() == 1 || is_in(HONORIFICS, &toks[k - 1].lower))),
        _ => false,
    }
}

/// A speaker phrase found in a clause: token range and an optional appositive's token range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub first: usize,
    pub last: usize,
    pub appositive: Option<(usize, usize)>,
}

impl Found {
    /// The phrase's byte span in the text `toks` come from.
    pub(crate) fn span(self, toks: &[Tok]) -> Span {
        Span::new(toks[self.first].span.start, toks[self.last].span.end)
    }
}

/// The noun phrase ending at token `head`, walking left.
pub(crate) fn np_left(toks: &[Tok], head: usize) -> Option<(usize, usize)> {
    let h = &toks[head];
    // Any common noun heads a phrase that opens with a determiner (`the gambling tycoon`).
    let loose = !valid_head(h);
    if loose && (!nounish(h) || h.lower.ends_with("ed")) {
        return None;
    }
    if is_in(PRONOUNS, &h.lower) {
        return Some((head, head));
    }
    let first = np_left_edge(toks, head);
    // `in the past said` is an adverbial, not a subject.
    let after_preposition = first > 0 && is_in(FUNCTION, &toks[first - 1].lower) && !toks[first - 1].is("and");
    if loose && (!is_in(DETERMINERS, &toks[first].lower) || after_preposition) {
        return None;
    }
    Some((first, head))
}

/// The first token of the noun phrase ending at `head`: left over names, nouns, a possessor,
/// titles with their period, joining words between names, and one determiner (or number),
/// past which only an `of` or person-and-preposition phrase goes on.
fn np_left_edge(toks: &[Tok], head: usize) -> usize {
    let mut first = head;
    let mut words = 1;
    while first > 0 && words < MAX_PHRASE_WORDS {
        let t = &toks[first - 1];
        if t.quoted {
            break;
        }
        if t.is_possessive() {
            if first >= 2 && toks[first - 2].is_word && !toks[first - 2].quoted {
                first -= 1;
                continue;
            }
            break;
        }
        // `Mr. Obama`, `Sen. Warren`: the title's period belongs to the name.
        let title_dot = t.is(".")
            && first >= 2
            && toks[first - 2].is_word
            && !toks[first - 2].quoted
            && (is_in(HONORIFICS, &toks[first - 2].lower) || (toks[first - 2].cap && toks[first - 2].lower.chars().count() == 1));
        if title_dot {
            first -= 2;
            words += 1;
            continue;
        }
        if !t.is_word {
            break;
        }
        if is_in(DETERMINERS, &t.lower) || t.lower.chars().all(|c| c.is_ascii_digit()) {
            // `that` before a phrase is a complementizer far more often than a determiner.
            if t.lower != "that" {
                first -= 1;
                if phrase_before_preposition(toks, first) {
                    first -= 2;
                    words += 1;
                    continue;
                }
            }
            break;
        }
        let joins_names = matches!(t.lower.as_str(), "of" | "on" | "for" | "de" | "del" | "la" | "los" | "&") && first >= 2 && name_word(&toks[first - 2]) && toks[first].cap;
        let joins_nouns = t.lower == "and" && first >= 2 && (name_word(&toks[first - 2]) || nounish(&toks[first - 2]));
        if name_word(t) {
            first -= 1;
            words += 1;
        } else if joins_names || joins_nouns {
            first -= 1;
        } else if nounish(t) {
            first -= 1;
            words += 1;
        } else {
            break;
        }
    }
    first
}

/// Whether the phrase opening at `first` goes on left of a preposition: `relatives of many
/// deportees`, `one of the officials`, or a person phrase before `for`/`at`/`with`/`from` (`a
/// spokesman for the buyer`, `James Pethokoukis of the American Enterprise Institute`).
fn phrase_before_preposition(toks: &[Tok], first: usize) -> bool {
    if first < 2 || toks[first - 2].quoted {
        return false;
    }
    let (prep, before) = (&toks[first - 1], &toks[first - 2]);
    let person_pp = matches!(prep.lower.as_str(), "for" | "at" | "with" | "from") && (is_in(PERSON_NOUNS, &before.lower) || agent_noun(&before.lower) || name_word(before));
    person_pp
        || (prep.is("of") && (nounish(before) || name_word(before) || matches!(before.lower.as_str(), "one" | "two" | "some" | "many" | "most" | "all" | "none")))
}

/// The source after `according to`: a speaker phrase, or else any noun phrase, since documents,
/// polls and counts are sources there (`according to a new poll`, `according to the summary`).
pub(crate) fn np_right_source(toks: &[Tok], start: usize) -> Option<(usize, usize)> {
    if let Some((first, last)) = np_right(toks, start) {
        // `reports by the Associated Press`, `a statement from the ministry`: a document named by
        // who wrote it; the writer heads the phrase.
        let writer = toks.get(last + 1).filter(|t| t.is("by") || t.is("from")).and_then(|_| np_right(toks, last + 2));
        return match writer {
            Some((_, l)) if name_word(&toks[l]) && toks[first..=last].iter().all(|t| !name_word(t) || is_in(DETERMINERS, &t.lower)) => {
                Some((first, l))
            }
            _ => Some((first, last)),
        };
    }
    let mut i = start;
    while i < toks.len() && toks[i].is_word && is_in(DETERMINERS, &toks[i].lower) && !toks[i].is("that") {
        i += 1;
    }
    let mut last = None;
    while i < toks.len() && i < start + SOURCE_WINDOW && !toks[i].quoted {
        let t = &toks[i];
        if t.is_possessive() && last.is_some() {
        } else if name_word(t) || nounish(t) {
            last = Some(i);
        } else if !(t.is("of") && last.is_some()) {
            break;
        }
        i += 1;
    }
    last.map(|l| (start, l))
}

/// The noun phrase starting at token `start`, walking right.
pub(crate) fn np_right(toks: &[Tok], start: usize) -> Option<(usize, usize)> {
    let mut i = start;
    while i < toks.len() && toks[i].is_word && is_in(DETERMINERS, &toks[i].lower) && !toks[i].is("that") {
        i += 1;
    }
    let mut last: Option<usize> = None;
    let mut words = 0;
    while i < toks.len() && words < MAX_PHRASE_WORDS {
        let t = &toks[i];
        if t.quoted {
            break;
        }
        if t.is_possessive() && last == Some(i.wrapping_sub(1)) {
            i += 1;
            while i < toks.len() && is_in(DETERMINERS, &toks[i].lower) {
                i += 1;
            }
            continue;
        }
        // `Ms. Sherry`, `Sen. Warren`: the title's period stays inside the name.
        let initial = |p: &Tok| is_in(HONORIFICS, &p.lower) || (p.cap && p.lower.chars().count() == 1);
        if t.is(".") && last == Some(i.wrapping_sub(1)) && initial(&toks[i - 1]) && toks.get(i + 1).is_some_and(|n| n.cap) {
            i += 1;
            continue;
        }
        if !t.is_word {
            break;
        }
        // `retired neurosurgeon Ben Carson`: an adjective in -ed opening the phrase.
        if last.is_none() && !t.cap && t.lower.ends_with("ed") && toks.get(i + 1).is_some_and(|n| n.is_word && !n.quoted && (name_word(n) || nounish(n))) {
            i += 1;
            continue;
        }
        let connector = matches!(t.lower.as_str(), "of" | "on" | "for" | "de" | "del" | "la" | "los" | "&" | "and")
            && last.is_some()
            && toks.get(i + 1).is_some_and(|n| n.cap || (t.lower == "and" && nounish(n)));
        if name_word(t) || nounish(t) || is_in(PRONOUNS, &t.lower) && last.is_none() {
            last = Some(i);
            words += 1;
            if is_in(PRONOUNS, &t.lower) {
                break;
            }
        } else if !connector {
            break;
        }
        i += 1;
    }
    // Shrink to a valid head (`one relative in` -> `one relative`).
    let mut last = last?;
    while !valid_head(&toks[last]) {
        if last <= start {
            return None;
        }
        last -= 1;
    }
    Some((start, last))
}

/// `, a lawyer at Cristosal,`: the appositive right after token `after`, if any.
pub(crate) fn appositive_after(toks: &[Tok], after: usize) -> Option<(usize, usize)> {
    let comma = after + 1;
    if !toks.get(comma).is_some_and(|t| t.is(",")) {
        return None;
    }
    let first = comma + 1;
    let t = toks.get(first)?;
    let starts_ok = t.is_word
        && !t.quoted
        && (matches!(t.lower.as_str(), "a" | "an" | "the" | "who" | "head" | "former") || (nounish(t) && !t.lower.ends_with("ed")));
    if !starts_ok || t.is("who") {
        return None;
    }
    let mut last = first;
    let mut k = first;
    while k < toks.len() && !toks[k].quoted && toks[k].is_word || toks.get(k).is_some_and(|t| t.is_possessive()) {
        // A cue or a relative clause (`a professor who has predicted …`) ends it.
        if k > first && (class_of(&toks[k].lower).is_some() || matches!(toks[k].lower.as_str(), "who" | "whose" | "which")) {
            break;
        }
        last = k;
        k += 1;
        if k - first > MAX_APPOSITIVE_TOKENS {
            return None;
        }
    }
    Some((first, last))
}

/// The person a `who` refers to when the phrase before it ends an appositive:
/// `Pierre de Vos, a professor in South Africa, who …` -> `Pierre de Vos` (the description as
/// its appositive), not `South Africa`. Otherwise the phrase itself.
fn who_antecedent(toks: &[Tok], first: usize, last: usize) -> Found {
    let plain = Found { first, last, appositive: None };
    // Back over prepositional phrases to the head of the description.
    let mut head = first;
    for _ in 0..4 {
        let prep = head >= 2 && !toks[head - 1].quoted && matches!(toks[head - 1].lower.as_str(), "in" | "at" | "of" | "for" | "from" | "with" | "on");
        if !prep {
            break;
        }
        match np_left(toks, head - 2) {
            Some((f, _)) => head = f,
            None => break,
        }
    }
    let described = !toks[head].cap || is_in(DETERMINERS, &toks[head].lower);
    if !described || head < 2 || !toks[head - 1].is(",") {
        return plain;
    }
    match np_left(toks, head - 2) {
        Some((nf, nl)) if toks[nl].cap && name_word(&toks[nl]) && !is_in(PRONOUNS, &toks[nl].lower) => {
            Found { first: nf, last: nl, appositive: Some((head, last)) }
        }
        _ => plain,
    }
}

/// The subject of the cue starting at token `cue`: skips auxiliaries, follows `who`/`which`,
/// and steps over an appositive between the name and the cue.
pub(crate) fn subject_before(toks: &[Tok], cue: usize) -> Option<Found> {
    // `He’s predicting`: the contracted auxiliary after a pronoun.
    if cue >= 2 && matches!(toks[cue - 1].lower.as_str(), "’s" | "'s") && is_in(PRONOUNS, &toks[cue - 2].lower) {
        return Some(Found { first: cue - 2, last: cue - 2, appositive: None });
    }
    let j = subject_end(toks, cue)?;
    if let Some(group) = group_subject(toks, j) {
        return Some(group);
    }
    match toks[j - 1].lower.as_str() {
        ")" if j >= 3 => party_tag_subject(toks, j - 1),
        "whom" if j >= 5 && toks[j - 2].is("of") && toks[j - 4].is(",") => {
            // `Family members, many of whom say …`: the antecedent speaks.
            let (first, last) = np_left(toks, j - 5)?;
            Some(Found { first, last, appositive: None })
        }
        "who" | "which" => relative_subject(toks, j - 1),
        "—" | "–" | "-" if j >= 3 => dashed_aside_subject(toks, j - 1),
        "," if j >= 3 => relative_aside_subject(toks, j - 1).or_else(|| comma_aside_subject(toks, j - 1)),
        _ => bare_subject(toks, cue, j),
    }
}

/// The index just past the subject of the cue at `cue`, before the auxiliaries, adverbs and a
/// reflexive between them (`has also said`, `initially said`, `Ford itself said`). `None` at
/// the clause's start, or when the cue is a passive or adjectival participle (`inmates are
/// denied visitation`, `immigrants alleged to be`, `rebel groups backed by Ankara`).
fn subject_end(toks: &[Tok], cue: usize) -> Option<usize> {
    let mut j = cue;
    let mut passive = false;
    let adverb = |t: &Tok| t.lower.ends_with("ly") && !t.cap && t.lower.len() > 4 && !is_in(PERSON_NOUNS, &t.lower);
    // `don’t think`, `hasn’t said`: a negated auxiliary.
    let negated = |t: &Tok| t.lower.ends_with("n’t") || t.lower.ends_with("n't");
    while j > 0 && toks[j - 1].is_word && !toks[j - 1].quoted && (is_in(AUX, &toks[j - 1].lower) || adverb(&toks[j - 1]) || negated(&toks[j - 1])) {
        passive |= matches!(toks[j - 1].lower.as_str(), "is" | "are" | "was" | "were" | "been" | "be" | "being");
        j -= 1;
    }
    let participle = toks[cue].lower.ends_with("ed") || matches!(toks[cue].lower.as_str(), "told" | "said" | "thought" | "shown" | "written");
    let adjectival = matches!(toks[cue].lower.as_str(), "alleged" | "accused" | "believed") && toks.get(cue + 1).is_some_and(|t| t.is("to"));
    // `is convinced that …`: an adjective of belief before its clause, not a passive.
    let belief_adjective = toks.get(cue + 1).is_some_and(|t| t.is("that")) && class_of(&toks[cue].lower) == Some(CueType::Belief);
    // A reduced passive names its agent after the cue.
    let agent_after = participle && toks.get(cue + 1).is_some_and(|t| t.is("by"));
    if (participle && passive && !belief_adjective) || adjectival || agent_after {
        return None;
    }
    if j > 1 && matches!(toks[j - 1].lower.as_str(), "itself" | "himself" | "herself" | "themselves") {
        j -= 1;
    }
    (j > 0).then_some(j)
}

/// `Most said`, `another says`, `those surveyed said`: a quantifier or a described group as the
/// whole subject, ending before token `j`.
fn group_subject(toks: &[Tok], j: usize) -> Option<Found> {
    let t = &toks[j - 1];
    let alone = |k: usize| {
        k == 0 || !toks[k - 1].is_word || toks[k - 1].quoted || matches!(toks[k - 1].lower.as_str(), "and" | "but" | "while" | "whereas" | "yet" | "still" | "also")
    };
    if t.is_word && !t.quoted && QUANTIFIERS.contains(&t.lower.as_str()) && alone(j - 1) {
        return Some(Found { first: j - 1, last: j - 1, appositive: None });
    }
    if j >= 2 && toks[j - 2].is("those") && t.is_word && t.lower.ends_with("ed") && alone(j - 2) {
        return Some(Found { first: j - 2, last: j - 1, appositive: None });
    }
    None
}

/// `Sen. Bernie Sanders (I-Vt.) said`: a party tag or short aside, closed at `close`, after the
/// name.
fn party_tag_subject(toks: &[Tok], close: usize) -> Option<Found> {
    let open = (close.saturating_sub(PAREN_WINDOW)..close).rev().find(|&k| toks[k].is("("))?;
    if open == 0 || toks[open + 1..close].iter().any(|t| t.quoted) {
        return None;
    }
    let (first, last) = np_left(toks, open - 1)?;
    Some(Found { first, last, appositive: None })
}

/// `X, who said`, `X which said`: the phrase before the relative pronoun at `w` (for `who`,
/// the person an appositive describes: [`who_antecedent`]).
fn relative_subject(toks: &[Tok], w: usize) -> Option<Found> {
    let mut k = w;
    if k > 0 && toks[k - 1].is(",") {
        k -= 1;
    }
    let (first, last) = np_left(toks, k.checked_sub(1)?)?;
    if toks[w].is("who") {
        return Some(who_antecedent(toks, first, last));
    }
    Some(Found { first, last, appositive: None })
}

/// `A former candidate -- John McCain, who lost in 2008 -- said`: an aside in dashes, the
/// closing dash at `close`; the name inside it when the phrase before is a description. `--`
/// is two tokens. Words inside may look like cues (`Gingrich — mentioned by Newsmax as Trump’s
/// likely running mate — told`): they describe the subject.
fn dashed_aside_subject(toks: &[Tok], close: usize) -> Option<Found> {
    let dash = |k: usize| matches!(toks[k].lower.as_str(), "—" | "–" | "-") && !toks[k].quoted;
    let mut close = close;
    while close > 0 && dash(close - 1) {
        close -= 1;
    }
    let mut open = (close.saturating_sub(DASH_ASIDE_WINDOW)..close).rev().find(|&k| dash(k))?;
    let inner_end = close;
    while open > 0 && dash(open - 1) {
        open -= 1;
    }
    let inner_start = (open..inner_end).find(|&k| !dash(k))?;
    let inner = &toks[inner_start..inner_end];
    if open == 0 || quotation_in(inner) {
        return None;
    }
    let (first, last) = np_left(toks, open - 1)?;
    let name_end = inner.iter().position(|t| !t.cap || !t.is_word).unwrap_or(inner.len());
    if !toks[last].cap && name_end > 0 {
        return Some(Found { first: inner_start, last: inner_start + name_end - 1, appositive: None });
    }
    Some(Found { first, last, appositive: Some((inner_start, inner_end - 1)) })
}

/// `Small, who attended the rally on Wednesday, said`: a relative clause between the subject
/// and its cue (the comma at `close`), however long, as long as the sentence goes on.
fn relative_aside_subject(toks: &[Tok], close: usize) -> Option<Found> {
    let relative = (close.saturating_sub(RELATIVE_WINDOW)..close)
        .rev()
        .take_while(|&k| !toks[k].quoted && !ends_sentence(toks, k))
        .find(|&k| matches!(toks[k].lower.as_str(), "who" | "whose" | "which") && k >= 2 && toks[k - 1].is(","))?;
    let (first, last) = np_left(toks, relative - 2)?;
    Some(Found { first, last, appositive: None })
}

/// `David Morales, a lawyer at Cristosal, said`, `Butz, 49, told`: a name, then an aside
/// closed by the comma at `close`.
fn comma_aside_subject(toks: &[Tok], close: usize) -> Option<Found> {
    let open = (close.saturating_sub(ASIDE_WINDOW)..close).rev().find(|&k| toks[k].is(",") && !toks[k].quoted)?;
    let inner = &toks[open + 1..close];
    let appositive = Some((open + 1, close - 1));
    // `Durbin (D-Ill.), noting the size of his following, said`: a participle aside; the
    // subject stands before it.
    if inner.first().is_some_and(|t| t.is_word && !t.quoted && t.lower.ends_with("ing")) && !quotation_in(inner) {
        return subject_before(toks, open);
    }
    if inner.is_empty() || quotation_in(inner) || inner.iter().any(|t| !t.quoted && class_of(&t.lower).is_some()) {
        return None;
    }
    if inner.iter().any(|t| t.is("who") || t.is("which")) {
        // `Mike Morrell, a veteran of the CIA who retired in 2013, said`: a described name;
        // the relative clause must sit inside a role phrase, not open the aside.
        let role = inner.first().is_some_and(|t| is_in(DETERMINERS, &t.lower) || nounish(t) || is_in(TITLES, &t.lower));
        let (first, last) = np_left(toks, open.checked_sub(1)?).filter(|&(_, l)| toks[l].cap && role)?;
        return Some(Found { first, last, appositive });
    }
    // `Jillian Chase, 27, a Tinder user in New York, said`: a second aside before the first.
    let earlier = (open.saturating_sub(EARLIER_ASIDE_WINDOW)..open).rev().find(|&k| toks[k].is(","));
    if let Some(e) = earlier.filter(|&e| e > 0 && toks[e + 1..open].iter().all(|t| t.is_word && !t.quoted)) {
        if let Some((first, last)) = np_left(toks, e - 1).filter(|&(_, l)| toks[l].cap) {
            return Some(Found { first, last, appositive });
        }
    }
    if open >= 1 && toks[open - 1].is(")") {
        // `Rep. Elijah Cummings (D-Md.), chair of the Platform Committee, said`: a party tag
        // before the aside.
        let tagged = subject_before(toks, open)?;
        return Some(Found { appositive, ..tagged });
    }
    let (first, last) = np_left(toks, open.checked_sub(1)?)?;
    // `Cory James, 22, of Flint, Mich., said`: the place is an aside of its own; the name
    // stands before it.
    if first >= 2 && matches!(toks[first - 1].lower.as_str(), "of" | "from") && toks[first - 2].is(",") {
        if let Some(named) = subject_before(toks, first - 1).filter(|f| toks[f.last].cap) {
            return Some(named);
        }
    }
    if inner.len() == 1 && ASIDE_ADVERBS.contains(&inner[0].lower.as_str()) {
        // `The two lawmakers, however, argue that …`
        return Some(Found { first, last, appositive: None });
    }
    if !toks[last].cap {
        // `Carter’s press secretary, Peter Cook, told`: a role, then the name.
        let name = inner.iter().all(|t| t.is_word && t.cap || t.is("."));
        return name.then_some(Found { first: open + 1, last: close - 1, appositive: None });
    }
    Some(Found { first, last, appositive })
}

/// A subject right before token `j` with nothing between it and the cue at `cue`: a noun
/// phrase, a share of poll respondents, a name before a short prepositional phrase, or a
/// phrase before a restrictive relative clause.
fn bare_subject(toks: &[Tok], cue: usize, j: usize) -> Option<Found> {
    if let Some((first, last)) = np_left(toks, j - 1) {
        return Some(Found { first, last, appositive: None });
    }
    // `Six in 10 say`, `About four in 10 said`: a share of poll respondents.
    let number = |t: &Tok| {
        t.lower.chars().all(|c| c.is_ascii_digit()) || matches!(t.lower.as_str(), "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten")
    };
    if j >= 3 && number(&toks[j - 1]) && toks[j - 2].is("in") && number(&toks[j - 3]) {
        let first = j - 3 - usize::from(j >= 4 && matches!(toks[j - 4].lower.as_str(), "about" | "nearly" | "almost" | "roughly"));
        return Some(Found { first, last: j - 1, appositive: None });
    }
    // `Jeb Bush in a Medium post said`: a short prepositional phrase after a name.
    let prep = (j.saturating_sub(PREPOSITION_WINDOW)..j - 1)
        .rev()
        .take_while(|&k| toks[k].is_word && !toks[k].quoted)
        .find(|&k| matches!(toks[k].lower.as_str(), "in" | "on" | "at" | "during" | "via" | "through"));
    if let Some(found) = prep.and_then(|p| np_left(toks, p.checked_sub(1)?)).filter(|&(_, l)| toks[l].cap) {
        return Some(Found { first: found.0, last: found.1, appositive: None });
    }
    // `a White House official who spoke anonymously said`, `Hawkins and others who want to ban
    // abortion said`: a restrictive relative clause between the subject and its cue.
    // A participle with `by` after it describes the phrase (`an emergency declared by Bukele`).
    if toks.get(cue + 1).is_some_and(|t| t.is("by")) {
        return None;
    }
    let who = (j.saturating_sub(RESTRICTIVE_WINDOW)..j - 1)
        .rev()
        .take_while(|&k| !toks[k].quoted && !matches!(toks[k].lower.as_str(), "." | "!" | "?" | ";" | ":") && class_of(&toks[k].lower).is_none())
        .find(|&k| toks[k].is("who"))?;
    let (first, last) = np_left(toks, who.checked_sub(1)?)?;
    Some(Found { first, last, appositive: None })
}

/// The relative pronoun (`who`, `which`) between a speaker phrase and its cue, when only
/// auxiliaries and adverbs follow it (`Beck, who has in the past described …`).
pub(crate) fn relative_before(toks: &[Tok], found: Found, cue: Span) -> Option<Span> {
    let cue_first = toks.iter().position(|t| t.span == cue || t.span.start == cue.start)?;
    let k = (found.last + 1..cue_first).rev().find(|&k| toks[k].is("who") || toks[k].is("which"))?;
    let adverb = |t: &Tok| t.lower.ends_with("ly") && !t.cap;
    toks[k + 1..cue_first].iter().all(|t| t.is_word && !t.quoted && (is_in(AUX, &t.lower) || adverb(t))).then_some(toks[k].span)
}

/// Whether the phrase `found` can name a source: not a month or weekday (`in June`). Places
/// can (`Russia denied …` speaks for a government).
pub(crate) fn plausible(toks: &[Tok], found: Found) -> bool {
    let head = &toks[found.last];
    const TIMES: &[&str] = &[
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ];
    !(head.cap && TIMES.contains(&head.lower.as_str()))
}

/// Whether tokens hold a quotation rather than a quoted title or term: five quoted words in a
/// row (`the co-author of "Going Viral,"` holds none).
fn quotation_in(toks: &[Tok]) -> bool {
    let mut run = 0;
    for t in toks {
        run = if t.quoted && t.is_word { run + 1 } else if t.quoted { run } else { 0 };
        if run >= QUOTATION_WORDS {
            return true;
        }
    }
    false
}

/// A speaker resolved to its name, type and descriptions.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Resolved {
    pub speaker: String,
    pub kind: SpeakerType,
    pub descriptions: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

/// Speakers seen so far in the document, in text order, for pronouns and follow-up quotes.
#[derive(Debug, Default)]
pub(crate) struct History {
    entries: Vec<(usize, String, SpeakerType)>,
    genders: Vec<(String, Gender)>,
}

impl History {
    pub fn push(&mut self, at: usize, r: &Resolved) {
        if !r.speaker.is_empty() {
            self.entries.push((at, r.speaker.clone(), r.kind));
        }
    }

    /// The gender a name is known by: from an earlier pronoun or honorific in the document,
    /// else from its first name.
    fn gender(&self, name: &str) -> Option<Gender> {
        self.genders.iter().rev().find(|(n, _)| n == name).map(|x| x.1).or_else(|| first_name_gender(name))
    }

    /// Records the genders the document's honorifics show: `Mr. Obama` is male, `Mrs.`, `Ms.`
    /// and `Miss` mark women. `entities` are the document's NER entities.
    pub fn learn_honorifics(&mut self, text: &str, entities: &[Entity]) {
        for e in entities.iter().filter(|e| e.label == EntityLabel::Person) {
            let before = text[..e.span.start].trim_end();
            let word = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
            let Some(gender) = honorific_gender(word) else { continue };
            let name = if e.canonical.is_empty() { e.span.text(text).to_string() } else { e.canonical.clone() };
            self.genders.push((name, gender));
        }
    }
}

/// The gender an honorific marks: `Mr.` a man, `Mrs.`, `Ms.` and `Miss` a woman.
fn honorific_gender(word: &str) -> Option<Gender> {
    match word.trim_end_matches('.').to_lowercase().as_str() {
        "mr" => Some(Gender::Male),
        "mrs" | "ms" | "miss" => Some(Gender::Female),
        _ => None,
    }
}

/// Common English first names by gender, for `he`/`she` (a name's own pronouns in the document
/// win over this list). Hand-made; ambiguous names (`Jordan`, `Taylor`) are left out.
const MALE_NAMES: &[&str] = &[
    "donald", "barack", "bernie", "ted", "marco", "jeb", "john", "chris", "mike", "michael", "ben", "rand", "paul",
    "joe", "joseph", "bill", "william", "george", "james", "jim", "robert", "bob", "david", "richard", "charles",
    "thomas", "tom", "mark", "steven", "steve", "kevin", "brian", "jeff", "jeffrey", "scott", "eric", "tim", "timothy",
    "peter", "harry", "mitch", "lindsey", "rick", "ron", "ronald", "gary", "larry", "frank", "jack", "henry", "andrew",
    "matt", "matthew", "dan", "daniel", "greg", "jason", "justin", "anthony", "tony", "edward", "ed", "nick",
    "vladimir", "xi", "nayib", "jaime", "carlos", "luis", "jose", "juan", "francis", "newt", "reince", "corey",
    "sean", "stephen", "rudy", "rudolph", "martin", "adam", "alan", "roger", "dennis", "jerry", "karl", "kurt",
    "mitt", "ryan", "howard", "lloyd", "marcel", "sam", "samuel", "walter", "phil", "philip", "keith", "jon",
    "jonathan", "bobby", "kenneth", "ken", "doug", "douglas", "patrick", "raymond", "gregory", "bruce", "wayne",
    "elijah", "cory", "trent", "harold", "orrin", "chuck", "lamar", "jared", "eduardo",
];
const FEMALE_NAMES: &[&str] = &[
    "hillary", "melania", "ivanka", "michelle", "elizabeth", "nancy", "sarah", "kellyanne", "huma", "donna",
    "debbie", "susan", "mary", "patricia", "jennifer", "linda", "barbara", "margaret", "jessica", "karen", "lisa",
    "betty", "dorothy", "sandra", "ashley", "kimberly", "emily", "carly", "megyn", "kelly", "amy", "anna", "ana",
    "maria", "rachel", "laura", "julia", "julie", "katie", "kate", "catherine", "katherine", "hope", "sheryl",
    "nikki", "kirsten", "tammy", "claire", "dianne", "diane", "janet", "angela", "theresa", "teresa", "marine",
    "melanie", "karoline", "ivania", "kamala", "tulsi", "loretta", "madeleine", "condoleezza", "samantha", "jill",
    "chelsea", "rosie", "gwen", "martha", "kristen", "heather", "stephanie", "nicole", "christine", "caroline",
    "joni", "jeanne", "jane", "joan", "ann", "anne", "alicia", "abigail", "tina", "maxine", "val",
    "valerie", "gina", "sally", "cecile", "ruth", "sonia", "elena", "sheila", "brenda", "judy", "wendy",
];

fn first_name_gender(name: &str) -> Option<Gender> {
    let first = name.split_whitespace().next()?.trim_end_matches('.').to_lowercase();
    if MALE_NAMES.contains(&first.as_str()) {
        Some(Gender::Male)
    } else if FEMALE_NAMES.contains(&first.as_str()) {
        Some(Gender::Female)
    } else {
        None
    }
}

fn strip_determiner(s: &str) -> &str {
    for d in ["a ", "an ", "the ", "his ", "her ", "their ", "its ", "A ", "An ", "The ", "His ", "Her ", "Their ", "Its "] {
        if let Some(rest) = s.strip_prefix(d) {
            return rest.trim();
        }
    }
    s.trim()
}

fn clean_description(s: &str) -> Option<String> {
    let s = s.trim().trim_end_matches(['’', '\'', ',']).trim_end_matches("’s").trim_end_matches("'s").trim();
    let s = strip_determiner(s);
    // A bare determiner or a conjoined subject (`X and Salvadoran President`) describes no one.
    // `Mr.`, `Ms.` say nothing of a role.
    let bare = honorific_gender(s).is_some()
        || (s.split_whitespace().count() == 1 && is_in(DETERMINERS, &s.to_lowercase()))
        || s.chars().all(|c| c.is_ascii_digit() || c.is_whitespace());
    (!s.is_empty() && !bare && !s.contains(" and ")).then(|| s.to_string())
}

/// Resolves the mention `toks[first..=last]` (with an optional appositive) at its place in `text`.
pub(crate) fn resolve(
    text: &str,
    entities: &[Entity],
    history: &mut History,
    toks: &[Tok],
    found: Found,
) -> Resolved {
    // `James Pethokoukis of the American Enterprise Institute`: the name before the preposition
    // is the speaker, the rest describes them. An unnamed source keeps its whole phrase (`a
    // spokesman for the buyer`).
    if let Some(k) = preposition_after_name(entities, toks, found) {
        let mut r = resolve(text, entities, history, toks, Found { first: found.first, last: k - 1, appositive: found.appositive });
        if let Some(d) = clean_description(&text[toks[k].span.start..toks[found.last].span.end]) {
            r.descriptions.push(d);
        }
        return r;
    }
    let span = found.span(toks);
    let head = &toks[found.last];
    let mut descriptions = Vec::new();
    if let Some((a, b)) = found.appositive {
        if let Some(d) = clean_description(&text[toks[a].span.start..toks[b].span.end]) {
            descriptions.push(d);
        }
    }
    if found.first == found.last && is_in(PRONOUNS, &head.lower) {
        return resolve_pronoun(entities, history, &head.lower, span.start);
    }
    // The owner of a speech noun (`his claim that …`).
    let subject_form = match head.lower.as_str() {
        "his" => Some("he"),
        "her" => Some("she"),
        "their" => Some("they"),
        "its" => Some("it"),
        _ => None,
    };
    if let Some(p) = subject_form.filter(|_| found.first == found.last) {
        return resolve_pronoun(entities, history, p, span.start);
    }
    if let Some(resolved) = entity_speaker(text, entities, span, head, &mut descriptions) {
        return resolved;
    }
    if name_word(head) {
        return named_speaker(text, entities, history, toks, found, descriptions);
    }
    unnamed_speaker(text, toks, found, descriptions)
}

/// The preposition after a name inside the phrase (`James Pethokoukis of the American
/// Enterprise Institute`), unless a title precedes it (`Secretary of State Marco Rubio`) or a
/// person entity follows it.
fn preposition_after_name(entities: &[Entity], toks: &[Tok], found: Found) -> Option<usize> {
    (found.first + 1..found.last).find(|&k| {
        matches!(toks[k].lower.as_str(), "of" | "for" | "at" | "with" | "from")
            && name_word(&toks[k - 1])
            && !is_in(TITLES, &toks[k - 1].lower)
            && !entities.iter().any(|e| e.label == EntityLabel::Person && e.span.start >= toks[k].span.end && e.span.end <= toks[found.last].span.end)
    })
}

/// The person or organization entity NER found at the head of the phrase `span`, with the
/// words before it as the first description.
fn entity_speaker(text: &str, entities: &[Entity], span: Span, head: &Tok, descriptions: &mut Vec<String>) -> Option<Resolved> {
    let e = entities
        .iter()
        .filter(|e| e.span.overlaps(span) && e.span.end >= head.span.start && e.span.start <= head.span.start)
        .filter(|e| matches!(e.label, EntityLabel::Person | EntityLabel::Org))
        .max_by_key(|e| (e.label == EntityLabel::Person, e.span.len()))?;
    let kind = if e.label == EntityLabel::Person { SpeakerType::Person } else { SpeakerType::Org };
    if e.span.start > span.start {
        if let Some(d) = clean_description(&text[span.start..e.span.start]) {
            descriptions.insert(0, d);
        }
    }
    let speaker = if e.canonical.is_empty() { e.span.text(text).to_string() } else { e.canonical.clone() };
    Some(Resolved { speaker, kind, descriptions: std::mem::take(descriptions) })
}

/// A capitalised head with no entity: the capitalised run at the head, minus titles and
/// possessors, as a person (matched against fuller names), an organization, or a group.
fn named_speaker(text: &str, entities: &[Entity], history: &History, toks: &[Tok], found: Found, mut descriptions: Vec<String>) -> Resolved {
    let head = &toks[found.last];
    let mut name_first = found.last;
    while name_first > found.first && (name_word(&toks[name_first - 1]) || joins(&toks[name_first - 1])) {
        name_first -= 1;
    }
    while name_first < found.last && (is_in(TITLES, &toks[name_first].lower) || joins(&toks[name_first])) {
        name_first += 1;
    }
    // The last title word within the run ends the description (`El Salvador President Bukele`).
    if let Some(t) = (name_first..found.last).rev().find(|&k| is_in(TITLES, &toks[k].lower)) {
        name_first = t + 1;
    }
    let span = found.span(toks);
    let name_span = Span::new(toks[name_first].span.start, head.span.end);
    if name_span.start > span.start {
        if let Some(d) = clean_description(&text[span.start..name_span.start]) {
            descriptions.insert(0, d);
        }
    }
    let name = name_span.text(text);
    // Only the part after a possessor names the speaker (`WOLA’s Ana María Méndez Dardón`).
    let own_first = (found.first..=found.last).rev().find(|&k| toks[k].is_possessive()).map_or(found.first, |k| k + 1);
    let is_org = toks[own_first..=found.last].iter().any(|t| t.cap && is_in(ORG_WORDS, &t.lower))
        || (name.len() >= 2 && name.len() <= 6 && name.chars().all(|c| c.is_uppercase() || c == '.' || c == '&'));
    if is_org {
        // The whole capitalised run names an organization (`U.S. State Department`).
        let mut org_first = found.last;
        while org_first > own_first && (name_word(&toks[org_first - 1]) || joins(&toks[org_first - 1])) {
            org_first -= 1;
        }
        let org = &text[toks[org_first].span.start..head.span.end];
        return Resolved { speaker: org.to_string(), kind: SpeakerType::Org, descriptions: Vec::new() };
    }
    // A lone capitalised common noun opening the clause (`Critics argue`) is no name.
    let clause_initial = !toks[..found.first].iter().any(|t| t.is_word);
    if found.first == found.last && clause_initial && plural(&head.lower) && fuller_name(text, entities, history, name).is_none() {
        return Resolved { speaker: name.to_string(), kind: SpeakerType::Group, descriptions: Vec::new() };
    }
    let speaker = fuller_name(text, entities, history, name).unwrap_or_else(|| name.to_string());
    Resolved { speaker, kind: SpeakerType::Person, descriptions }
}

/// An unnamed source keeps its describing phrase (`critics`, `a spokesman for the buyer`); its
/// type comes from the head.
fn unnamed_speaker(text: &str, toks: &[Tok], found: Found, descriptions: Vec<String>) -> Resolved {
    let head = &toks[found.last];
    let phrase = strip_determiner(found.span(toks).text(text)).to_string();
    let kind = if is_in(ORG_NOUNS, &head.lower) {
        SpeakerType::Org
    } else if plural(&head.lower)
        || toks[found.first..=found.last].iter().any(|t| t.is("and"))
        || (is_in(QUANTIFIERS, &head.lower) && !matches!(head.lower.as_str(), "one" | "another"))
        || (head.lower.ends_with("ed") && toks[found.first].is("those"))
    {
        // `critics`, `Most`, `those surveyed`
        SpeakerType::Group
    } else if is_in(PERSON_NOUNS, &head.lower) || agent_noun(&head.lower) || matches!(head.lower.as_str(), "one" | "another") {
        SpeakerType::Person
    } else {
        SpeakerType::Unknown
    };
    Resolved { speaker: phrase, kind, descriptions }
}

fn joins(t: &Tok) -> bool {
    matches!(t.lower.as_str(), "of" | "on" | "for" | "de" | "del" | "la" | "los" | "&")
}

/// The fullest person name in the document that ends with (or equals) `name`.
fn fuller_name(text: &str, entities: &[Entity], history: &History, name: &str) -> Option<String> {
    let last_word = name.split_whitespace().last()?;
    let candidates = entities
        .iter()
        .filter(|e| e.label == EntityLabel::Person)
        .map(|e| if e.canonical.is_empty() { e.span.text(text).to_string() } else { e.canonical.clone() })
        .chain(history.entries.iter().filter(|x| x.2 == SpeakerType::Person).map(|x| x.1.clone()));
    candidates
        .filter(|c| c.split_whitespace().last() == Some(last_word) && c.len() >= name.len())
        .max_by_key(|c| c.len())
}

fn resolve_pronoun(entities: &[Entity], history: &mut History, pronoun: &str, at: usize) -> Resolved {
    let unresolved = |kind| Resolved { speaker: String::new(), kind, descriptions: Vec::new() };
    match pronoun {
        "he" | "she" | "i" => {
            let want = match pronoun {
                "he" => Some(Gender::Male),
                "she" => Some(Gender::Female),
                _ => None,
            };
            let from_history = history
                .entries
                .iter()
                .filter(|x| x.0 < at && x.2 == SpeakerType::Person)
                .map(|x| (x.0, x.1.clone()));
            let from_entities =
                entities.iter().filter(|e| e.label == EntityLabel::Person && e.span.end <= at).map(|e| (e.span.end, e.canonical.clone()));
            let mut cands: Vec<(usize, String)> = from_history.chain(from_entities).filter(|c| !c.1.is_empty()).collect();
            cands.sort_by_key(|c| c.0);
            let pick = cands
                .iter()
                .rev()
                .find(|c| want.is_none() || history.gender(&c.1).is_none_or(|g| Some(g) == want))
                .map(|c| c.1.clone());
            match pick {
                Some(name) => {
                    if let Some(g) = want {
                        history.genders.push((name.clone(), g));
                    }
                    Resolved { speaker: name, kind: SpeakerType::Person, descriptions: Vec::new() }
                }
                None => unresolved(SpeakerType::Person),
            }
        }
        "they" | "we" => history
            .entries
            .iter()
            .rev()
            .find(|x| x.0 < at && matches!(x.2, SpeakerType::Group | SpeakerType::Org))
            .map(|x| Resolved { speaker: x.1.clone(), kind: x.2, descriptions: Vec::new() })
            .unwrap_or_else(|| unresolved(SpeakerType::Group)),
        _ => history
            .entries
            .iter()
            .rev()
            .find(|x| x.0 < at && x.2 == SpeakerType::Org)
            .map(|x| (x.1.clone(), x.2))
            .or_else(|| {
                entities.iter().rev().find(|e| e.label == EntityLabel::Org && e.span.end <= at).map(|e| (e.canonical.clone(), SpeakerType::Org))
            })
            .map(|(speaker, kind)| Resolved { speaker, kind, descriptions: Vec::new() })
            .unwrap_or_else(|| unresolved(SpeakerType::Unknown)),
    }
}
