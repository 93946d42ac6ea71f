//! Cues in a clause: reporting verbs, `according to`, nouns of saying and colons before a
//! quotation, plus the words the learned cue detector adds.
//!
//! What a word is comes from [`super::lexicon`]; finding a cue word is only a candidate:
//! [`super::frames`] decides from the words around it whether it really frames reported speech.
//! Hands on [`Cue`]s.

use super::lexicon::{class_of, is_noun, phrasal, CueType};
use super::tokens::Tok;
use crate::span::Span;

/// A cue found in a clause: token range `[first, last]` (inclusive) and its class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cue {
    pub first: usize,
    pub last: usize,
    pub class: CueType,
    /// Found by the learned detector ([`learned`]), not the lexicon.
    pub learned: bool,
}

/// A cue form after a determiner or possessive is a noun (`a talk show`, `his tweets`, `the
/// claim`); `that` is left out, being a complementizer far more often (`said that claims …`).
fn after_determiner(toks: &[Tok], i: usize) -> bool {
    // `rejected claims that …`, `denied reports`: a plural form right after a past-tense verb
    // is its noun object.
    let after_past = i > 0 && toks[i].lower.ends_with('s') && {
        let p = &toks[i - 1];
        p.is_word && !p.quoted && !p.cap && p.lower.ends_with("ed") && p.lower.len() > 4
    };
    after_past
        || i > 0
            && {
                let p = &toks[i - 1];
                !p.quoted
            // `He’s predicting`: after a pronoun `’s` is `is`.
            && ((matches!(p.lower.as_str(), "’s" | "'s") && !(i >= 2 && matches!(toks[i - 2].lower.as_str(), "he" | "she" | "it" | "that" | "who" | "there")))
                || matches!(p.lower.as_str(), "a" | "an" | "the" | "this" | "these" | "those" | "his" | "her" | "their" | "its" | "our" | "my" | "your" | "talk" | "no"))
            }
}

/// `his claim that`, `Trump’s warning that`: a speech noun after a possessive, before `that`.
fn is_speech_noun(toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    i > 0
        && !t.quoted
        && is_noun(&t.lower)
        && (toks.get(i + 1).is_some_and(|n| (n.is("that") || n.is(":")) && !n.quoted)
            || (toks.get(i + 1).is_some_and(|n| n.is("was") || n.is("is"))
                && toks.get(i + 2).is_some_and(|n| n.is(":"))))
        && {
            let p = &toks[i - 1];
            !p.quoted
                && (matches!(p.lower.as_str(), "’s" | "'s" | "his" | "her" | "their" | "its")
                    || (p.lower == "’" || p.lower == "'") && i >= 2 && toks[i - 2].is_word)
        }
}

/// Every cue candidate among the unquoted tokens of a clause, in order.
pub(crate) fn find(toks: &[Tok]) -> Vec<Cue> {
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.quoted {
            continue;
        }
        if t.is(":") && toks.get(i + 1).is_some_and(|n| !n.is_word) && toks.get(i + 2).is_some_and(|n| n.quoted) {
            out.push(Cue { first: i, last: i, class: CueType::Colon, learned: false });
        } else if let Some(class) =
            toks.get(i + 1).filter(|n| !n.quoted && (!t.cap || i == 0)).and_then(|n| phrasal(&t.lower, &n.lower))
        {
            // `“…,” Trump shot back`, `railed against`: a cue in two words.
            out.push(Cue { first: i, last: i + 1, class, learned: false });
        } else if is_speech_noun(toks, i) {
            out.push(Cue { first: i, last: i, class: CueType::Noun, learned: false });
        } else if t.is("according") && toks.get(i + 1).is_some_and(|n| n.is("to")) {
            out.push(Cue { first: i, last: i + 1, class: CueType::According, learned: false });
        } else if let Some(class) =
            class_of(&t.lower).filter(|_| !t.cap || i == 0).filter(|_| !after_determiner(toks, i))
        {
            // A capitalised cue inside a clause is a headline (`Clinton Says Crash Seems …`).
            out.push(Cue { first: i, last: i, class, learned: false });
        }
    }
    // A colon frames a quotation only when no reporting verb or `according to` before it
    // does (`said: “…”`).
    let mut seen_verb = false;
    out.retain(|c| {
        seen_verb |= c.class != CueType::Colon;
        c.class != CueType::Colon || !seen_verb
    });
    out
}

/// The probability below which the learned detector overrules the lexicon: a lexicon cue none
/// of whose words it scores this high is dropped. Fitted on PolNeAR train's last 140 articles
/// held out of the detector's training (0.2 scored best of 0.2, 0.3, 0.4).
pub(crate) const LEXICON_KEEP: f32 = 0.2;

/// The highest cue probability of the scored words (`cue_words`, in text order) overlapping
/// `span`; 0 when none does.
pub(crate) fn score(cue_words: &[(Span, f32)], span: Span) -> f32 {
    let i = cue_words.partition_point(|c| c.0.end <= span.start);
    cue_words[i..].iter().take_while(|c| c.0.start < span.end).map(|c| c.1).fold(0.0, f32::max)
}

/// The probability the learned detector must give a word outside the lexicon for it to be a cue
/// (0.5 scored best of 0.4, 0.5 and 0.65 on the held-out train articles).
pub(crate) const LEARNED_MIN: f32 = 0.5;

/// Cues the learned detector adds to the lexicon's ([`crate::doc::Analysed::cue_words`]): runs
/// of unquoted words it scores at least [`LEARNED_MIN`] (`is expected`, `made it clear`,
/// `seemed`) that touch no cue of `found`. The words after the run choose the frame: `that`, a
/// colon, or the end of the clause or sentence make it a speech cue (content after `that`, or
/// before the tag: `…, he quipped`); anything else a stance cue whose object follows.
pub(crate) fn learned(toks: &[Tok], cue_words: &[(Span, f32)], found: &[Cue]) -> Vec<Cue> {
    let scored = |t: &Tok| t.is_word && !t.quoted && score(cue_words, t.span) >= LEARNED_MIN;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !scored(&toks[i]) {
            i += 1;
            continue;
        }
        let first = i;
        while toks.get(i + 1).is_some_and(scored) {
            i += 1;
        }
        let last = i;
        i += 1;
        if found.iter().any(|c| c.first <= last + 1 && first <= c.last + 1) {
            continue;
        }
        let speech = toks.get(last + 1).is_none_or(|n| matches!(n.lower.as_str(), "that" | ":" | "." | "!" | "?"));
        let class = if speech { CueType::Speech } else { CueType::Stance };
        out.push(Cue { first, last, class, learned: true });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::tokens::tokenize;

    #[test]
    fn nouns_of_saying_need_an_owner_and_that_and_plural_objects_are_no_cues() {
        let classes = |text: &str| -> Vec<(String, CueType)> {
            let toks = tokenize(text, Span::new(0, text.len()), &[]);
            find(&toks).iter().map(|c| (toks[c.first].lower.clone(), c.class)).collect()
        };
        assert_eq!(classes("Trump’s claim that crime rose"), vec![("claim".to_string(), CueType::Noun)]);
        assert_eq!(classes("his remark that it was over"), vec![("remark".to_string(), CueType::Noun)]);
        assert_eq!(classes("Clinton’s response was: “Is it over?”"), vec![("response".to_string(), CueType::Noun)]);
        assert_eq!(classes("Trump shot back on Twitter"), vec![("shot".to_string(), CueType::Speech)]);
        // No owner, or no `that`: not a cue; a plural after a past verb is its object.
        assert!(classes("the claim that crime rose").is_empty());
        // (`rejected` itself is a stance cue.)
        assert_eq!(
            classes("The White House rejected claims of fraud"),
            vec![("rejected".to_string(), CueType::Stance)]
        );
        // Two-word stance cues: `referring to`, `called for` (not the evaluative `called`).
        assert_eq!(classes("referring to the mogul"), vec![("referring".to_string(), CueType::Stance)]);
        assert_eq!(classes("Clinton called for a ban"), vec![("called".to_string(), CueType::Stance)]);
        assert_eq!(classes("Clinton called it a ban"), vec![("called".to_string(), CueType::Evaluative)]);
        assert!(classes("a talk show host").is_empty());
    }

    #[test]
    fn learned_cues_are_runs_of_scored_words_outside_the_lexicon() {
        let text = "Trump seemed unfazed, and Cruz made it clear that he said no.";
        let toks = tokenize(text, Span::new(0, text.len()), &[]);
        let word = |w: &str, p: f32| {
            let at = text.find(w).unwrap();
            (Span::new(at, at + w.len()), p)
        };
        // `he` below the threshold; `said` scored too but the lexicon has it.
        let scored = [
            word("seemed", 0.9),
            word("made", 0.8),
            word("it", 0.7),
            word("clear", 0.9),
            word("he", 0.3),
            word("said", 0.9),
        ];
        assert_eq!(score(&scored, Span::new(0, text.find("unfazed").unwrap())), 0.9);
        assert_eq!(score(&scored, Span::new(0, 5)), 0.0);
        let found = find(&toks);
        let learned = learned(&toks, &scored, &found);
        let got: Vec<(&str, CueType)> = learned
            .iter()
            .map(|c| (Span::new(toks[c.first].span.start, toks[c.last].span.end).text(text), c.class))
            .collect();
        // `seemed` takes an object (stance); `made it clear` is followed by `that` (speech).
        assert_eq!(got, vec![("seemed", CueType::Stance), ("made it clear", CueType::Speech)]);
        assert!(learned.iter().all(|c| c.learned));
        // Nothing scored, nothing learned.
        assert!(super::learned(&toks, &[], &found).is_empty());
    }

    #[test]
    fn finds_according_to_and_skips_quoted_words() {
        let text = "According to NGO Cristosal, officials said.";
        let toks = tokenize(text, Span::new(0, text.len()), &[]);
        let cues = find(&toks);
        assert_eq!(cues.len(), 2);
        assert_eq!(cues[0], Cue { first: 0, last: 1, class: CueType::According, learned: false });
        assert_eq!(toks[cues[1].first].span.text(text), "said");
    }
}
