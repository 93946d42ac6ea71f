//! The closed word lists the speaker rules consult (function words, determiners, titles,
//! nouns naming people and organizations) and the word tests built on them.

use crate::quotes::lexicon::class_of;
use crate::quotes::tokens::Tok;

/// Words that end a noun phrase.
pub(super) const FUNCTION: &[&str] = &[
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
pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "some", "many", "several", "most", "his", "her", "their", "its", "our", "my", "your",
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "other", "another", "both", "all",
    "few", "these", "those", "this", "that", "each", "any", "such", "no",
];

/// Abbreviated titles written with a period (`Mr.`, `Sen.`).
pub(super) const HONORIFICS: &[&str] =
    &["mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "prof", "rev", "pres", "capt", "adm", "maj", "atty", "supt"];

/// Words skipped between a subject and its cue (`has also said`, `once vowed`).
pub(super) const AUX: &[&str] = &[
    "has", "have", "had", "also", "once", "previously", "later", "recently", "then", "repeatedly", "publicly",
    "reportedly", "further", "again", "already", "often", "always", "never", "is", "was", "were", "are", "will",
    "would", "could", "may", "might", "did", "does", "do", "not", "even", "still", "just", "long", "first",
    "separately", "similarly", "privately", "simply", "flatly", "had", "been", "should", "must", "can",
    "however",
];

pub(crate) const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it", "you"];

/// Quantifiers that can stand for a group of speakers (`Most said`, `another says`).
pub(super) const QUANTIFIERS: &[&str] = &["most", "many", "some", "others", "another", "one", "both", "all", "few", "several", "half", "none"];

/// Lowercase heads naming a single person.
pub(super) const PERSON_NOUNS: &[&str] = &[
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
pub(super) const ORG_NOUNS: &[&str] = &[
    "government", "ministry", "administration", "department", "office", "agency", "court", "organisation",
    "organization", "company", "campaign", "police", "committee", "commission", "party", "court", "council",
    "embassy", "firm", "newspaper", "network", "union", "army", "military", "state", "white", "house", "regime",
    "congress", "senate", "authority", "service", "bureau", "institute", "foundation", "press",
];

/// Sentence adverbs set off by commas between a subject and its verb.
pub(super) const ASIDE_ADVERBS: &[&str] = &[
    "however", "though", "too", "also", "meanwhile", "instead", "nonetheless", "nevertheless", "moreover",
    "separately", "likewise", "similarly", "indeed", "then", "later", "earlier", "previously",
];

/// Capitalised words that mark an organization name.
pub(super) const ORG_WORDS: &[&str] = &[
    "department", "ministry", "office", "court", "commission", "committee", "council", "agency", "administration",
    "news", "times", "post", "party", "association", "union", "institute", "foundation", "university", "bank",
    "group", "corporation", "inc", "campaign", "police", "army", "government", "house", "senate", "congress",
    "network", "watch", "international", "center", "centre", "organization", "organisation", "fund", "journal",
    "press", "reuters", "cnn", "bbc", "ap", "nbc", "abc", "cbs", "fox", "msnbc", "gop", "fbi", "cia", "dhs", "ice",
    "aclu", "un", "nato", "ngo", "board", "bureau", "service", "tribune", "herald", "magazine", "daily", "media",
    "company", "co", "llc", "ltd", "coalition", "alliance", "federation", "society", "republicans", "democrats",
];

/// Title words that precede a name and belong to its description.
pub(super) const TITLES: &[&str] = &[
    "president", "minister", "secretary", "senator", "sen.", "gov.", "governor", "rep.", "representative",
    "judge", "justice", "attorney", "general", "director", "chief", "mayor", "chairman", "chairwoman",
    "spokesman", "spokeswoman", "ambassador", "envoy", "pres.", "dr.", "mr.", "mrs.", "ms.", "prof.", "officer",
    "commissioner", "leader", "king", "queen", "pope", "prime", "vice", "candidate", "nominee", "state", "lawyer",
    "press", "speaker", "gen.", "lt.", "col.", "sgt.", "adviser", "advisor", "former", "district",
];

pub(super) fn is_in(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

/// A hyphenated compound (`conservative-leaning`, `state-owned`).
pub(super) fn compound(t: &Tok) -> bool {
    t.lower.split('-').filter(|p| !p.is_empty()).count() >= 2
}

/// A lowercase word that can sit inside a noun phrase (`human rights attorney`).
pub(super) fn nounish(t: &Tok) -> bool {
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

pub(super) fn plural(lower: &str) -> bool {
    (lower.ends_with('s') && !lower.ends_with("ss") && lower.len() > 3)
        || matches!(lower, "people" | "police" | "men" | "women" | "children" | "staff" | "percent" | "majority")
}

/// A token that can head a speaker phrase.
pub(super) fn valid_head(t: &Tok) -> bool {
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
pub(super) fn agent_noun(lower: &str) -> bool {
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
