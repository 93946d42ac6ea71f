//! Where reported content starts after its cue and where it ends: past a hearer, `that`,
//! circumstances and a colon; before a clause the writer adds (`, but Cook did not say when`),
//! a second cue of the same subject or a later cue inside it.

use super::{words_span, MIN_WORDS, OPENERS};
use crate::quotes::lexicon::{class_of, is_speech, CueType};
use crate::quotes::speaker::np_right;
use crate::quotes::tokens::{Clause, Tok};
use crate::span::Span;

/// Circumstances between a cue and the quotation after it span fewer tokens than this
/// (`saying during the debate last week, “…”`).
const CIRCUMSTANCE_WINDOW: usize = 12;
/// An object introducing content after a colon is shorter than this many tokens (`reported a
/// clue: …`).
const SHORT_OBJECT_TOKENS: usize = 5;

/// The content start after a cue ending at token `last`.
pub(super) fn content_start(toks: &[Tok], last: usize, class: CueType, tell_like: bool) -> Option<usize> {
    let from = last + 1;
    if class == CueType::Stance {
        // `endorsed Mr. Trump`, `declined to comment`: the object follows the cue.
        return toks.get(from).is_some_and(|t| t.is_word || t.quoted).then_some(from);
    }
    // Only circumstances or a hearer may sit between the cue and `that`; otherwise the `that`
    // is a relative pronoun inside the content (`reported it obtained 72 emails that Carter sent`).
    let bridged = |k: usize| {
        k == from
            || tell_like
            || toks.get(from).is_some_and(|t| OPENERS.contains(&t.lower.as_str()) || t.lower.ends_with("ly"))
    };
    if let Some(k) = that_after(toks, from).filter(|&k| bridged(k)) {
        return Some(k + 1);
    }
    if class == CueType::Belief {
        // `They think the progress is real`, `A poll shows Sanders leading`: a mental verb or
        // `show` takes its clause without `that` too (PolNeAR annotates both; 0.7 precision on
        // its train split for `show`); `think about`, `believe in`, `think so` take none. `found`
        // still needs `that`: its noun objects are facts, not reported content.
        let mental = matches!(
            toks[last].lower.as_str(),
            "think" | "thinks" | "believe" | "believes" | "believed" | "show" | "shows" | "showed"
        );
        let clause_follows = toks.get(from).is_some_and(|t| {
            t.is_word
                && !t.quoted
                && !OPENERS.contains(&t.lower.as_str())
                && !matches!(
                    t.lower.as_str(),
                    "so" | "it" | "that" | "this" | "him" | "her" | "them" | "me" | "us" | "you"
                )
        });
        if !(mental && clause_follows) {
            return None;
        }
    }
    let mut k = from;
    if tell_like {
        if let Some((_, l)) = np_right(toks, k) {
            k = l + 1;
        }
    }
    // `saying during the debate last week, “That makes me smart”`: circumstances, then the
    // quotation.
    if toks.get(k).is_some_and(|t| !t.quoted && OPENERS.contains(&t.lower.as_str())) {
        let comma = (k + 1..toks.len().min(k + CIRCUMSTANCE_WINDOW))
            .take_while(|&c| !toks[c].quoted)
            .find(|&c| toks[c].is(",") || toks[c].is(":"));
        if let Some(c) =
            comma.filter(|&c| toks.get(c + 2).is_some_and(|t| t.quoted) && toks.get(c + 1).is_some_and(|t| !t.is_word))
        {
            k = c;
        }
    }
    // `reported a clue: The deal included …`: a short object introducing the content.
    if let Some(c) =
        (k..toks.len().min(k + SHORT_OBJECT_TOKENS)).take_while(|&c| !toks[c].quoted).find(|&c| toks[c].is(":"))
    {
        if toks[k..c].iter().all(|t| t.is_word) && toks.get(c + 1).is_some_and(|t| t.is_word || t.quoted) {
            k = c + 1;
        }
    }
    // `said: “…”`, `said, “…”`
    while k < toks.len() && matches!(toks[k].lower.as_str(), ":" | "," | "—") {
        k += 1;
    }
    Some(skip_source_aside(toks, k))
}

/// `that` opens the content only this close after the cue (`told an El Faro journalist that`).
const THAT_WINDOW: usize = 12;

/// Index of a `that` opening the content within a few tokens after `from`, with no punctuation
/// in between (`said in a court filing that …`, `told an El Faro journalist that …`).
fn that_after(toks: &[Tok], from: usize) -> Option<usize> {
    (from..toks.len().min(from + THAT_WINDOW))
        .take_while(|&k| toks[k].is_word && !toks[k].quoted)
        .find(|&k| toks[k].is("that"))
}

/// An aside naming a second source (`as reported by AP,`) closes within this many tokens.
const SOURCE_ASIDE_WINDOW: usize = 10;

/// Past an aside naming a second source at the start of the content (`According to Cristosal,
/// as reported by AP, the facility …`).
pub(super) fn skip_source_aside(toks: &[Tok], k: usize) -> usize {
    let aside = toks.get(k).is_some_and(|t| t.is("as"))
        && toks.get(k + 1).is_some_and(|t| t.is_word && !t.quoted && t.lower.ends_with("ed"));
    match (k + 2..toks.len().min(k + SOURCE_ASIDE_WINDOW)).find(|&c| toks[c].is(",")).filter(|_| aside) {
        Some(c) if toks.get(c + 1).is_some_and(|t| t.is_word || t.quoted) => c + 1,
        _ => k,
    }
}

/// The end of a stance cue's object: the first unquoted comma, semicolon, dash or bracket
/// after its first word (`endorsed Clinton, as he was in January` -> `Clinton`).
pub(super) fn object_end(toks: &[Tok], k: usize, end: usize) -> usize {
    (k + 1..end)
        .find(|&c| !toks[c].quoted && matches!(toks[c].lower.as_str(), "," | ";" | "—" | "--" | "(" | "–"))
        .unwrap_or(end)
}

/// Where reported content after a cue ends: before `, but` opening a clause with a subject of
/// its own, which is the writer's (`Cook said Carter stopped the practice, but Cook did not say
/// when`), or another clause the writer adds ([`writers_clause_at`]). `, but only …`, `; …`,
/// `, while …` and dashes stay: the seed gold keeps them in the reported clause. Kept whole
/// when nothing of three words precedes the cut, or when quoted words follow it (they may be
/// the mixed quote the cue frames).
pub(super) fn cut_coordinated(toks: &[Tok], from: usize, end: usize) -> usize {
    let cut = (from..end).find(|&k| !toks[k].quoted && writers_clause_at(toks, k, from, end));
    match cut {
        Some(c)
            if toks[from..c].iter().filter(|t| t.is_word).count() >= MIN_WORDS
                && !toks[c..end].iter().any(|t| t.quoted) =>
        {
            c
        }
        _ => end,
    }
}

/// Whether token `k` (of content `from..end`) opens a clause that is not the cue's report.
fn writers_clause_at(toks: &[Tok], k: usize, from: usize, end: usize) -> bool {
    when_asked(toks, k)
        || (toks[k].is(",") && k + 1 < end && when_asked(toks, k + 1))
        || (toks[k].is(",")
            && toks.get(k + 1).is_some_and(|n| n.is("but") || n.is("and"))
            && toks.get(k + 2).is_some_and(opens_subject))
        || (toks[k].is(",") && toks.get(k + 1).is_some_and(|n| matches!(n.lower.as_str(), "although" | "though")))
        || writer_aside(toks, k)
        || second_cue(toks, k)
        || new_subject(toks, k, from, end)
        || (toks[k].is(",") && toks.get(k + 1).is_some_and(|n| n.is("where")))
        || after_quotation(toks, k, from)
        || next_attribution(toks, k, end)
        || second_predicate(toks, k)
}

/// A word that can open a clause's subject (`he`, `the`, a name).
fn opens_subject(t: &Tok) -> bool {
    t.is_word && (t.cap || matches!(t.lower.as_str(), "he" | "she" | "they" | "it" | "the" | "his" | "her" | "their"))
}

/// PolNeAR's reported clause stops before a comment the writer adds (`, which is spread by
/// mosquitoes`, `, compared with …`; the seed gold keeps `, despite …`).
fn writer_aside(toks: &[Tok], k: usize) -> bool {
    toks[k].is(",")
        && toks.get(k + 1).is_some_and(|n| {
            matches!(n.lower.as_str(), "which" | "compared" | "notably" | "whose")
                || (n.is("for") && toks.get(k + 2).is_some_and(|w| w.is("whom")))
        })
}

/// A speech cue this many tokens past `and`/`but`/`while` still belongs to the clause the
/// conjunction opens (`…, while other voters in the state said …`).
const CUE_AFTER_CONJUNCTION: usize = 9;

/// A speech cue (not a participle) after a word within a few tokens past the conjunction at
/// `conj`, before a comma or quotation: the conjunction opens an attribution of its own.
fn cue_follows(toks: &[Tok], conj: usize, end: usize) -> bool {
    (conj + 2..end.min(conj + CUE_AFTER_CONJUNCTION))
        .take_while(|&c| !toks[c].quoted && !toks[c].is(","))
        .any(|c| is_speech(&toks[c].lower) && !toks[c].lower.ends_with("ing") && toks[c - 1].is_word)
}

/// The writer's appositive after a comma has its `that`/`which`/`who` this close (`, a charge
/// that …`).
const APPOSITIVE_THAT_WINDOW: usize = 5;

/// `Mr. Sanders was not qualified, said on Wednesday that …`: the main verb after a relative
/// clause; `…, while other voters said they …`: a new attribution of its own; `…, a charge that
/// Colorado Republicans denied`: the writer's appositive.
fn next_attribution(toks: &[Tok], k: usize, end: usize) -> bool {
    toks[k].is(",")
        && !toks[k + 1..].first().is_some_and(|t| t.quoted)
        && (toks.get(k + 1).is_some_and(|n| !n.quoted && is_speech(&n.lower))
            || (toks.get(k + 1).is_some_and(|n| n.is("a") || n.is("an"))
                && toks[k + 2..end.min(k + APPOSITIVE_THAT_WINDOW)]
                    .iter()
                    .any(|t| t.is("that") || t.is("which") || t.is("who")))
            || (toks.get(k + 1).is_some_and(|n| matches!(n.lower.as_str(), "while" | "whereas" | "and" | "but"))
                && cue_follows(toks, k + 1, end)))
}

/// `… and predicted that …`, `… but insists …`, `… and defended Trump`: a second cue of the
/// same subject starts an attribution of its own.
fn second_cue(toks: &[Tok], k: usize) -> bool {
    (toks[k].is("and") || toks[k].is("but"))
        && toks.get(k + 1).is_some_and(|n| {
            !n.quoted
                && !n.lower.ends_with("ing")
                && matches!(class_of(&n.lower), Some(CueType::Speech) | Some(CueType::Evaluative))
        })
}

/// `Islamic State claimed responsibility but U.S. officials have said …`: a new subject and
/// cue after `but`/`while` without a comma.
fn new_subject(toks: &[Tok], k: usize, from: usize, end: usize) -> bool {
    matches!(toks[k].lower.as_str(), "but" | "while" | "whereas")
        && k > from
        && !toks[k - 1].is(",")
        && cue_follows(toks, k, end)
}

/// `saying, “That makes me smart,” when Clinton blasted him`: after a closing quotation mark,
/// a subordinate clause is the writer's.
fn after_quotation(toks: &[Tok], k: usize, from: usize) -> bool {
    k > from
        && toks[k - 1].quoted
        && !toks[k].is_word
        && matches!(toks[k].lower.as_str(), "”" | "\"" | "»" | "'" | "''")
        && toks[k + 1..].iter().find(|t| t.is_word).is_some_and(|n| {
            matches!(
                n.lower.as_str(),
                "when"
                    | "as"
                    | "after"
                    | "before"
                    | "while"
                    | "because"
                    | "since"
                    | "until"
                    | "which"
                    | "who"
                    | "during"
            )
        })
}

/// `… but declined to provide a list`, `… but did not suggest …`: a second predicate of the
/// cue's subject, with no subject of its own.
fn second_predicate(toks: &[Tok], k: usize) -> bool {
    toks[k].is("but")
        && toks.get(k + 1).is_some_and(|n| {
            n.is_word
                && !n.quoted
                && !n.cap
                && ((n.lower.ends_with("ed") && n.lower.len() > 4)
                    || matches!(
                        n.lower.as_str(),
                        "did"
                            | "does"
                            | "has"
                            | "had"
                            | "have"
                            | "would"
                            | "will"
                            | "also"
                            | "then"
                            | "refused"
                            | "declined"
                    ))
        })
}

/// `… he would not comment, when asked ahead of the visit`: the writer's circumstance.
fn when_asked(toks: &[Tok], k: usize) -> bool {
    matches!(toks[k].lower.as_str(), "when" | "after" | "before" | "if" | "as")
        && toks.get(k + 1).is_some_and(|n| n.is("asked") && !n.quoted)
}

/// The tokens of `content` that end before `later` starts, in order.
fn tokens_before(toks: &[Tok], content: Span, later: Span) -> Vec<usize> {
    (0..toks.len()).filter(|&k| toks[k].span.start >= content.start && toks[k].span.end <= later.start).collect()
}

/// The words of `content` before a later cue inside it, without the connectives that lead to
/// that cue (`justified the measure by claiming that …` -> `the measure`); `None` when no word
/// is left.
pub(crate) fn up_to_cue(clause: &Clause, content: Span, later: Span) -> Option<Span> {
    let toks = &clause.toks;
    let inside = tokens_before(toks, content, later);
    let first = *inside.first()?;
    let mut end = inside.last()? + 1;
    while end > first && (!toks[end - 1].is_word || CONNECTIVES.contains(&toks[end - 1].lower.as_str())) {
        end -= 1;
    }
    words_span(toks, first, end)
}

/// Words that tie an object to a following cue (`by claiming`, `while saying`, `and said`).
const CONNECTIVES: &[&str] = &[
    "by", "and", "but", "while", "after", "before", "when", "with", "in", "for", "of", "to", "as", "then", "also",
    "that", "which", "who",
];

/// The part of `content` before the clause that holds a later cue: up to the last `,`, `and`,
/// `but` or relative word before `later` (`he has supported legislation, which he called “…”`
/// keeps `he has supported legislation`). `None` when fewer than three words remain.
pub(crate) fn before_cue(clause: &Clause, content: Span, later: Span) -> Option<Span> {
    let toks = &clause.toks;
    let inside = tokens_before(toks, content, later);
    let cut = inside.iter().rev().copied().find(|&k| {
        !toks[k].quoted && matches!(toks[k].lower.as_str(), "," | "but" | "and" | "which" | "who" | ";" | "—")
    })?;
    let first = *inside.first()?;
    let mut end = cut;
    while end > first && !toks[end - 1].is_word {
        end -= 1;
    }
    let span = words_span(toks, first, end)?;
    (toks[first..end].iter().filter(|t| t.is_word).count() >= MIN_WORDS).then_some(span)
}
