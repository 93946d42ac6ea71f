//! Noun phrases in a clause's tokens: the phrase ending at a head (walking left), the phrase
//! starting at a token (walking right), the source after `according to`, and an appositive.

use super::words::{
    agent_noun, is_in, name_word, nounish, valid_head, DETERMINERS, FUNCTION, HONORIFICS, PERSON_NOUNS, PRONOUNS,
};
use crate::quotes::lexicon::class_of;
use crate::quotes::tokens::Tok;

/// A noun phrase holds at most this many words (`the gambling tycoon`, `Salvadoran lawyer Jaime
/// Ortega`); longer runs are clauses.
const MAX_PHRASE_WORDS: usize = 10;

/// Tokens after `according to` searched for its source phrase (`a new poll by …`).
const SOURCE_WINDOW: usize = 12;

/// An appositive (`, a lawyer at Cristosal,`) longer than this many tokens is a clause.
const MAX_APPOSITIVE_TOKENS: usize = 15;

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
            && (is_in(HONORIFICS, &toks[first - 2].lower)
                || (toks[first - 2].cap && toks[first - 2].lower.chars().count() == 1));
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
        let joins_names = matches!(t.lower.as_str(), "of" | "on" | "for" | "de" | "del" | "la" | "los" | "&")
            && first >= 2
            && name_word(&toks[first - 2])
            && toks[first].cap;
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
    let person_pp = matches!(prep.lower.as_str(), "for" | "at" | "with" | "from")
        && (is_in(PERSON_NOUNS, &before.lower) || agent_noun(&before.lower) || name_word(before));
    person_pp
        || (prep.is("of")
            && (nounish(before)
                || name_word(before)
                || matches!(before.lower.as_str(), "one" | "two" | "some" | "many" | "most" | "all" | "none")))
}

/// The source after `according to`: a speaker phrase, or else any noun phrase, since documents,
/// polls and counts are sources there (`according to a new poll`, `according to the summary`).
pub(crate) fn np_right_source(toks: &[Tok], start: usize) -> Option<(usize, usize)> {
    if let Some((first, last)) = np_right(toks, start) {
        // `reports by the Associated Press`, `a statement from the ministry`: a document named by
        // who wrote it; the writer heads the phrase.
        let writer = toks.get(last + 1).filter(|t| t.is("by") || t.is("from")).and_then(|_| np_right(toks, last + 2));
        return match writer {
            Some((_, l))
                if name_word(&toks[l])
                    && toks[first..=last].iter().all(|t| !name_word(t) || is_in(DETERMINERS, &t.lower)) =>
            {
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
        if t.is(".")
            && last == Some(i.wrapping_sub(1))
            && initial(&toks[i - 1])
            && toks.get(i + 1).is_some_and(|n| n.cap)
        {
            i += 1;
            continue;
        }
        if !t.is_word {
            break;
        }
        // `retired neurosurgeon Ben Carson`: an adjective in -ed opening the phrase.
        if last.is_none()
            && !t.cap
            && t.lower.ends_with("ed")
            && toks.get(i + 1).is_some_and(|n| n.is_word && !n.quoted && (name_word(n) || nounish(n)))
        {
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
        && (matches!(t.lower.as_str(), "a" | "an" | "the" | "who" | "head" | "former")
            || (nounish(t) && !t.lower.ends_with("ed")));
    if !starts_ok || t.is("who") {
        return None;
    }
    let mut last = first;
    let mut k = first;
    while k < toks.len() && !toks[k].quoted && toks[k].is_word || toks.get(k).is_some_and(|t| t.is_possessive()) {
        // A cue or a relative clause (`a professor who has predicted …`) ends it.
        if k > first
            && (class_of(&toks[k].lower).is_some() || matches!(toks[k].lower.as_str(), "who" | "whose" | "which"))
        {
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
