//! The subject of a cue: the phrase left of it, past auxiliaries and adverbs, through
//! `who`/`which` to the antecedent, around a party tag, a dashed aside or an appositive
//! (`X, a lawyer at Y, said`).

use super::phrase::np_left;
use super::words::{
    is_in, name_word, nounish, ASIDE_ADVERBS, AUX, DETERMINERS, HONORIFICS, PERSON_NOUNS, PRONOUNS, QUANTIFIERS, TITLES,
};
use super::Found;
use crate::quotes::lexicon::{class_of, CueType};
use crate::quotes::tokens::Tok;
use crate::span::Span;

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

/// Whether token `k` ends a sentence: `.`, `!`, `?`, `;` or `:`, but not the period of an
/// initial or title (`George W. Bush`, `Sen. Warren`).
fn ends_sentence(toks: &[Tok], k: usize) -> bool {
    match toks[k].lower.as_str() {
        "!" | "?" | ";" | ":" => true,
        "." => {
            !(k > 0
                && toks[k - 1].is_word
                && (toks[k - 1].lower.chars().count() == 1 || is_in(HONORIFICS, &toks[k - 1].lower)))
        }
        _ => false,
    }
}

/// The person a `who` refers to when the phrase before it ends an appositive:
/// `Pierre de Vos, a professor in South Africa, who …` -> `Pierre de Vos` (the description as
/// its appositive), not `South Africa`. Otherwise the phrase itself.
fn who_antecedent(toks: &[Tok], first: usize, last: usize) -> Found {
    let plain = Found { first, last, appositive: None };
    // Back over prepositional phrases to the head of the description.
    let mut head = first;
    for _ in 0..4 {
        let prep = head >= 2
            && !toks[head - 1].quoted
            && matches!(toks[head - 1].lower.as_str(), "in" | "at" | "of" | "for" | "from" | "with" | "on");
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
    while j > 0
        && toks[j - 1].is_word
        && !toks[j - 1].quoted
        && (is_in(AUX, &toks[j - 1].lower) || adverb(&toks[j - 1]) || negated(&toks[j - 1]))
    {
        passive |= matches!(toks[j - 1].lower.as_str(), "is" | "are" | "was" | "were" | "been" | "be" | "being");
        j -= 1;
    }
    let participle = toks[cue].lower.ends_with("ed")
        || matches!(toks[cue].lower.as_str(), "told" | "said" | "thought" | "shown" | "written");
    let adjectival = matches!(toks[cue].lower.as_str(), "alleged" | "accused" | "believed")
        && toks.get(cue + 1).is_some_and(|t| t.is("to"));
    // `is convinced that …`: an adjective of belief before its clause, not a passive.
    let belief_adjective =
        toks.get(cue + 1).is_some_and(|t| t.is("that")) && class_of(&toks[cue].lower) == Some(CueType::Belief);
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
        k == 0
            || !toks[k - 1].is_word
            || toks[k - 1].quoted
            || matches!(toks[k - 1].lower.as_str(), "and" | "but" | "while" | "whereas" | "yet" | "still" | "also")
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
pub(super) fn relative_subject(toks: &[Tok], w: usize) -> Option<Found> {
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
        t.lower.chars().all(|c| c.is_ascii_digit())
            || matches!(
                t.lower.as_str(),
                "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
            )
    };
    if j >= 3 && number(&toks[j - 1]) && toks[j - 2].is("in") && number(&toks[j - 3]) {
        let first = j
            - 3
            - usize::from(j >= 4 && matches!(toks[j - 4].lower.as_str(), "about" | "nearly" | "almost" | "roughly"));
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
        .take_while(|&k| {
            !toks[k].quoted
                && !matches!(toks[k].lower.as_str(), "." | "!" | "?" | ";" | ":")
                && class_of(&toks[k].lower).is_none()
        })
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
    toks[k + 1..cue_first]
        .iter()
        .all(|t| t.is_word && !t.quoted && (is_in(AUX, &t.lower) || adverb(t)))
        .then_some(toks[k].span)
}

/// Whether tokens hold a quotation rather than a quoted title or term: five quoted words in a
/// row (`the co-author of "Going Viral,"` holds none).
fn quotation_in(toks: &[Tok]) -> bool {
    let mut run = 0;
    for t in toks {
        run = if t.quoted && t.is_word {
            run + 1
        } else if t.quoted {
            run
        } else {
            0
        };
        if run >= QUOTATION_WORDS {
            return true;
        }
    }
    false
}
