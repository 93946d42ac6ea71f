//! Verb frames: a reporting verb with its speaker before it (`Ortega said that …`, `“…,”
//! Ortega said`), after it (`“…,” said Salvadoran lawyer Jaime Ortega`), as the subject of a
//! coordinated or participle clause (`…, but told his supporters that …`, `Rubio hailed the
//! deal, saying …`), fronted (`Said Comey, “…”`), or, as a last resort, the clause's opening
//! noun phrase (`Ms. Sherry smiled and said, “…”`).

use super::content::{content_start, cut_coordinated, object_end};
use super::{after_content, clause_lead, is_dash, Frame, MIN_WORDS, OPENERS, SUBORDINATORS};
use crate::quotes::cues::Cue;
use crate::quotes::lexicon::{class_of, CueType};
use crate::quotes::speaker::{appositive_after, np_right, subject_before, Found, PRONOUNS};
use crate::quotes::tokens::Tok;
use crate::span::Span;

/// Verbs whose object is the hearer, not the content (`told the Times that …`).
fn tell_like(cue: &Tok) -> bool {
    matches!(
        cue.lower.as_str(),
        "told"
            | "tell"
            | "tells"
            | "telling"
            | "assured"
            | "warned"
            | "asked"
            | "remind"
            | "reminds"
            | "reminded"
            | "reminding"
            | "inform"
            | "informs"
            | "informed"
            | "informing"
    )
}

/// The frame of a reporting verb, by where its speaker stands: a subject before it, the
/// subject of a coordinated or participle clause, an inverted subject after it, a fronted
/// `Said X,`, or (as a last resort) the clause's opening noun phrase.
pub(super) fn verb_frame(toks: &[Tok], cue: Cue) -> Option<Frame> {
    let tell_like = tell_like(&toks[cue.first]);
    if let Some(subject) = subject_before(toks, cue.first) {
        return subject_frame(toks, cue, subject, tell_like);
    }
    if let Some(conj) = coordinating_conjunction(toks, cue).filter(|_| cue.class != CueType::Evaluative) {
        return coordinated_frame(toks, cue, conj, tell_like);
    }
    if participle_after_comma(toks, cue) {
        return participle_frame(toks, cue, tell_like);
    }
    if cue.first > 0
        && after_content(toks, cue.first)
        && cue.class == CueType::Speech
        && !toks[cue.first].lower.ends_with("ing")
    {
        return inverted_frame(toks, cue, tell_like);
    }
    if cue.first == 0 && toks[0].is("said") {
        return fronted_said_frame(toks, cue);
    }
    let end = toks.len();
    lead_subject_frame(toks, cue, tell_like)
        .and_then(|(found, k)| Frame::new(toks, cue, Some(found), k, cut_coordinated(toks, k, end)))
}

/// A verb with its subject before it: the tag after its content (`“…,” Ortega said`, see
/// [`tag_after_frame`]), one statement split by the tag (`“A,” he said, “B.”`), or the content
/// after the verb (`Ortega said that …`, `X told Y that …`, `Ortega said: “…”`).
fn subject_frame(toks: &[Tok], cue: Cue, subject: Found, tell_like: bool) -> Option<Frame> {
    let start = subject.first;
    let before_words = toks[..start].iter().filter(|t| t.is_word || t.quoted).count();
    // `“Quiet,” he demanded`: a short quotation before its tag counts too.
    let all_quoted = before_words >= 1 && toks[..start].iter().filter(|t| t.is_word).all(|t| t.quoted);
    let content_before =
        !matches!(cue.class, CueType::Belief | CueType::Stance) && (before_words >= MIN_WORDS || all_quoted);
    if content_before && after_content(toks, start) && short_tail(toks, cue.last + 1, tell_like) {
        return tag_after_frame(toks, cue, subject, tell_like);
    }
    let k = content_start(toks, cue.last, cue.class, tell_like)?;
    // The clause must open with the quotation (not `Noting that …, Tester added: “…”`).
    let opens_quoted = toks.iter().find(|t| t.is_word || t.quoted).is_some_and(|t| t.quoted);
    if before_words >= 1
        && opens_quoted
        && after_content(toks, start)
        && toks.get(k).is_some_and(|t| !t.is_word)
        && k > cue.last + 1
    {
        // `“A,” he said, “B.”`: one statement split by its tag.
        let aside = Span::new(toks[start].span.start, toks[k - 1].span.end);
        return Frame::new(toks, cue, Some(subject), 0, toks.len()).map(|f| f.around(aside));
    }
    let end = subordinate_end(toks, cue, subject, k);
    let end = if cue.class.takes_object() {
        // `Cruz called them on it: “…”`: an object before a colon introduces a quotation.
        if toks[k..end].iter().any(|t| t.is(":") && !t.quoted) {
            return None;
        }
        object_end(toks, k, end)
    } else {
        end
    };
    Frame::new(toks, cue, Some(subject), k, cut_coordinated(toks, k, end))
}

/// The tag after its content: `…, Ortega said.`, `“…,” Leavitt said in a statement.`, with
/// the tag inside the content when the statement goes on after it (`For black voters, he said,
/// their “…”`) and only the quotation when a dash or colon sets it off.
fn tag_after_frame(toks: &[Tok], cue: Cue, subject: Found, tell_like: bool) -> Option<Frame> {
    let (start, end) = (subject.first, toks.len());
    let tail_end = (cue.last + 1..end).find(|&k| matches!(toks[k].lower.as_str(), "," | "." | "!" | "?" | ";"));
    // `…, he said, on condition of anonymity`: what follows is the tag's circumstance.
    let circumstance = |te: usize| short_tail(toks, te + 1, tell_like) && toks.get(te + 1).is_some_and(|t| t.is_word);
    if let Some(te) =
        tail_end.filter(|&te| toks[te].is(",") && !circumstance(te) && continues_statement(toks, start, te))
    {
        if toks[te + 1..].iter().filter(|t| t.is_word || t.quoted).count() >= MIN_WORDS {
            let aside = Span::new(toks[start - 1].span.start, toks[te].span.end);
            return Frame::new(toks, cue, Some(subject), 0, end).map(|f| f.around(aside));
        }
    }
    // `… leaders like Saddam Hussein - “He would have loved Stalin,” Mr. Biden said - and …`,
    // `…, especially fundraising: “There’s …,” he said.`: a quotation set off by a dash or
    // colon is the tag's whole content.
    let mark = (0..start).rev().find(|&k| is_dash(&toks[k]) || toks[k].is(":"));
    let set_off = |d: usize| {
        !toks[d].quoted
            && toks[d + 1..start].iter().filter(|t| t.is_word).all(|t| t.quoted)
            && toks[d + 1..start].iter().any(|t| t.quoted)
    };
    let from = mark.filter(|&d| set_off(d)).map_or(0, |d| d + 1);
    Frame::new(toks, cue, Some(subject), from, start - 1)
}

/// Where the content starting at `k` ends for a cue inside a subordinate or relative clause:
/// at the comma that closes that clause (`As relatives deny they have gang ties, battles are
/// …`, `Family members, many of whom say …, are fearful`); else the clause's end.
fn subordinate_end(toks: &[Tok], cue: Cue, subject: Found, k: usize) -> usize {
    let end = toks.len();
    let subordinate = toks.iter().find(|t| t.is_word).is_some_and(|t| SUBORDINATORS.contains(&t.lower.as_str()))
        && !toks[..cue.first].iter().any(|t| t.is(",") && !t.quoted);
    let relative = toks[subject.last + 1..cue.first].iter().any(|t| matches!(t.lower.as_str(), "who" | "whom"))
        || (subject.first >= 1
            && toks[subject.first - 1].is(",")
            && toks[..subject.first].iter().any(|t| t.is("whom")));
    match (subordinate || relative).then(|| (k..end).find(|&c| toks[c].is(",") && !toks[c].quoted)).flatten() {
        Some(c) if toks[k..c].iter().filter(|t| t.is_word).count() >= MIN_WORDS => c,
        _ => end,
    }
}

/// The `and`/`but` right before a cue (past an adverb: `but told`, `but now said`, `and later
/// added`) that makes it a second predicate of the clause's subject; not for a participle.
fn coordinating_conjunction(toks: &[Tok], cue: Cue) -> Option<usize> {
    let adverb = |t: &Tok| {
        t.is_word
            && !t.quoted
            && (matches!(t.lower.as_str(), "now" | "then" | "later" | "also" | "still" | "again" | "soon")
                || (t.lower.ends_with("ly") && !t.cap))
    };
    let conj = (0..cue.first).rev().find(|&k| !adverb(&toks[k])).filter(|&k| cue.first - k <= 2)?;
    (matches!(toks[conj].lower.as_str(), "and" | "but") && !toks[cue.first].lower.ends_with("ing")).then_some(conj)
}

/// `Carson did not mention his rivals, but told his supporters that …`: a second predicate of
/// the clause's subject, after the conjunction at `conj`.
fn coordinated_frame(toks: &[Tok], cue: Cue, conj: usize, tell_like: bool) -> Option<Frame> {
    let lead = clause_lead(toks, conj + 1)?;
    let (first, last) = np_right(toks, lead).filter(|&(_, l)| l + 1 < conj)?;
    let k = content_start(toks, cue.last, cue.class, tell_like)?;
    Frame::new(toks, cue, Some(Found { first, last, appositive: None }), k, cut_coordinated(toks, k, toks.len()))
}

/// Whether the cue is a participle after a comma, `by`, `before`, `after` or `while`, or after
/// a comma inside a closing mark (`“I love Oreos,” adding, “…”`).
fn participle_after_comma(toks: &[Tok], cue: Cue) -> bool {
    let comma_in_mark = cue.first >= 2
        && !toks[cue.first - 1].is_word
        && !toks[cue.first - 1].quoted
        && toks[cue.first - 2].is(",")
        && toks[cue.first - 2].quoted;
    let linked =
        cue.first > 0 && matches!(toks[cue.first - 1].lower.as_str(), "," | "by" | "before" | "after" | "while");
    toks[cue.first].lower.ends_with("ing") && (linked || comma_in_mark)
}

/// `Rubio hailed the deal, saying …`, `Trump answered by saying …`, `“…,” Trump said before
/// adding: “…”`: the participle's subject opens the clause, after an opening phrase (`In May,
/// a judge sided with …`); it may have none (the extractor then lends it the cue's before).
fn participle_frame(toks: &[Tok], cue: Cue, tell_like: bool) -> Option<Frame> {
    let end = toks.len();
    let lead = clause_lead(toks, cue.first)?;
    let speaker = np_right(toks, lead).filter(|&(_, l)| l < cue.first).map(|(first, last)| Found {
        first,
        last,
        appositive: None,
    });
    let k = content_start(toks, cue.last, cue.class, tell_like)?;
    // `…, saying the men belonged to Tren de Aragua but provided few details`: a second
    // predicate of the clause's subject ends what the participle reports.
    let predicate = (k + MIN_WORDS..end).find(|&c| {
        !toks[c].quoted
            && matches!(toks[c].lower.as_str(), "but" | "and")
            && toks.get(c + 1).is_some_and(|n| n.is_word && !n.quoted && n.lower.ends_with("ed") && n.lower.len() > 4)
            && !toks[c..end].iter().any(|t| t.quoted)
    });
    Frame::new(toks, cue, speaker, k, cut_coordinated(toks, k, predicate.unwrap_or(end)))
}

/// Inverted: `“…,” said Salvadoran lawyer Jaime Ortega, head of …`; never with `told`, whose
/// object is the hearer (`…, Peter Cook, told the Times that …`), but `“How big is that wall?”
/// asked the boy`, `warned the senator` name the asker or warner.
fn inverted_frame(toks: &[Tok], cue: Cue, tell_like: bool) -> Option<Frame> {
    if tell_like && !matches!(toks[cue.first].lower.as_str(), "asked" | "warned") {
        return None;
    }
    let (first, last) = np_right(toks, cue.last + 1)?;
    if toks[first].is_word && PRONOUNS.contains(&toks[first].lower.as_str()) && first != last {
        return None;
    }
    let appositive = appositive_after(toks, last);
    // `…, said Obama failed to …`: a verb after the name makes it the subject of a clause,
    // not an inverted tag.
    let j = appositive.map_or(last, |a| a.1) + 1;
    let verb = |t: &Tok| {
        t.is_word
            && !t.quoted
            && !t.cap
            && (t.lower.ends_with("ed")
                || matches!(
                    t.lower.as_str(),
                    "is" | "was"
                        | "are"
                        | "were"
                        | "has"
                        | "had"
                        | "have"
                        | "will"
                        | "would"
                        | "could"
                        | "should"
                        | "can"
                        | "did"
                        | "does"
                        | "must"
                        | "may"
                        | "might"
                ))
    };
    if toks.get(j).is_some_and(verb) {
        return None;
    }
    let found = Found { first, last, appositive };
    // `“A,” said an Iowa Democrat, “B.”`: the statement goes on after the tag.
    let resumes = toks.get(j).is_some_and(|t| t.is(","))
        && toks.get(j + 1).is_some_and(|t| !t.is_word)
        && toks.get(j + 2).is_some_and(|t| t.quoted);
    if resumes {
        let aside = Span::new(toks[cue.first - 1].span.start, toks[j].span.end);
        return Frame::new(toks, cue, Some(found), 0, toks.len()).map(|f| f.around(aside));
    }
    Frame::new(toks, cue, Some(found), 0, cue.first - 1)
}

/// `Said Comey, “The thought … is very painful to us.”`: a fronted, inverted tag.
fn fronted_said_frame(toks: &[Tok], cue: Cue) -> Option<Frame> {
    let (first, last) = np_right(toks, 1)?;
    let appositive = appositive_after(toks, last);
    let j = appositive.map_or(last, |a| a.1) + 1;
    let opens = toks.get(j).is_some_and(|t| t.is(",") || t.is(":")) && toks.get(j + 2).is_some_and(|t| t.quoted);
    opens.then(|| Frame::new(toks, cue, Some(Found { first, last, appositive }), j + 1, toks.len())).flatten()
}

/// The last resort for a speech cue whose content plainly follows (`that …`, `, “…”`): the
/// clause's opening noun phrase speaks when only unquoted words without another cue lie
/// between it and the cue (`Ms. Sherry smiled and said, “…”`, `The email went on to say, “…”`,
/// `Cory James, 22, of Flint, Mich., said he …`). Returns the phrase and the content start.
fn lead_subject_frame(toks: &[Tok], cue: Cue, tell_like: bool) -> Option<(Found, usize)> {
    if cue.class != CueType::Speech
        || toks[cue.first].lower.ends_with("ing") && toks.get(cue.first.wrapping_sub(1)).is_some_and(|t| t.is(","))
    {
        return None;
    }
    let k = content_start(toks, cue.last, cue.class, tell_like)?;
    let plain = k > 0
        && (toks[k - 1].is("that")
            || (matches!(toks[k - 1].lower.as_str(), "," | ":") && toks.get(k + 1).is_some_and(|t| t.quoted)));
    if !plain {
        return None;
    }
    let lead = clause_lead(toks, cue.first)?;
    let (first, last) = np_right(toks, lead).filter(|&(_, l)| l < cue.first)?;
    let between = &toks[last + 1..cue.first];
    let clean = !between.iter().any(|t| {
        t.quoted
            || matches!(t.lower.as_str(), "." | "!" | "?" | ";" | ":")
            || (t.is_word && class_of(&t.lower).is_some())
    });
    (clean && toks[first].is_word).then_some((Found { first, last, appositive: None }, k))
}

/// A cue's circumstances (`said in a statement on Monday`) hold at most this many words …
const MAX_TAIL_WORDS: usize = 12;
/// … of which at most this many are quoted (a title: `on ABC’s “This Week.”`).
const MAX_TAIL_QUOTED_WORDS: usize = 4;

/// Whether the words after a clause-final cue, up to the next comma, are only its
/// circumstances (`said on Monday`, `said in a statement`, `tells Breitbart News`), not content.
fn short_tail(toks: &[Tok], from: usize, tell_like: bool) -> bool {
    const BREAKS: &[&str] = &[
        ",", ".", "!", "?", ";", "after", "when", "as", "because", "while", "before", "since", "but", "and", "amid",
        "despite",
    ];
    let rest: Vec<&Tok> = toks[from..]
        .iter()
        .take_while(|t| !BREAKS.contains(&t.lower.as_str()))
        .filter(|t| t.is_word || t.quoted)
        .collect();
    // `said, “…”` / `said: “…”`: the quotation after the cue is the content.
    if toks.get(from).is_some_and(|t| t.is(",") || t.is(":")) && toks.get(from + 2).is_some_and(|t| t.quoted) {
        return false;
    }
    let Some(first) = rest.first() else { return true };
    // A short quoted title is a circumstance too (`said of the claim on ABC’s “This Week.”`).
    let quoted_words = rest.iter().filter(|t| t.quoted).count();
    // `“…,” Mr. Biden said twice - and …`, `he wondered aloud, comparing …`: a word or two
    // closed by punctuation (a dash too) or the clause's end are the tag's circumstance.
    let stop = (from..toks.len()).find(|&k| !toks[k].is_word);
    let closed =
        stop.is_none_or(|k| is_dash(&toks[k]) || matches!(toks[k].lower.as_str(), "," | "." | "!" | "?" | ";"));
    let tail = &toks[from..stop.unwrap_or(toks.len())];
    // Not an object (`defended the process,`, `told him,`), a name or a quotation.
    const OBJECT_OPENERS: &[&str] = &[
        "the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "my", "our", "your", "him",
        "them", "us", "me", "it", "some", "all", "no",
    ];
    if tail.len() <= 2
        && closed
        && tail.iter().all(|t| !t.quoted && !t.cap && !OBJECT_OPENERS.contains(&t.lower.as_str()))
    {
        return true;
    }
    rest.len() <= MAX_TAIL_WORDS
        && !first.quoted
        && quoted_words <= MAX_TAIL_QUOTED_WORDS
        && !rest.iter().any(|t| t.is("that") && !t.quoted)
        && (tell_like || OPENERS.contains(&first.lower.as_str()) || first.lower.ends_with("ly"))
}

/// Whether the words after a tag (`…,” Melanie said to the nominee, …` ending at comma `te`)
/// go on with the statement. A relative clause, a participle or `not` describes the speaker
/// (`, who began his speech by …`, `, not even needing to mention …`), and after a quotation
/// only another quotation resumes it (`“A,” he said, “B.”`).
fn continues_statement(toks: &[Tok], subject: usize, te: usize) -> bool {
    let Some(next) = toks[te + 1..].iter().find(|t| t.is_word || t.quoted) else { return false };
    let describes = !next.quoted
        && (matches!(
            next.lower.as_str(),
            "who" | "whose" | "which" | "where" | "when" | "while" | "not" | "as" | "after" | "before"
        ) || next.lower.ends_with("ing"));
    let after_quotation = toks[..subject].iter().rev().find(|t| t.is_word || t.quoted).is_some_and(|t| t.quoted);
    !describes && (!after_quotation || toks[te + 1..].iter().any(|t| t.quoted))
}
