//! Words and quote-aware clauses: the units the cue, speaker and content rules walk over.
//!
//! The document's own sentences are not used: sentence splitters cut inside quotations
//! (`“First sentence. Second,” she said.`), and the frame of a direct quote is the whole
//! quotation plus its tag. So this module splits each extracted paragraph itself, never inside a
//! quotation run, and tokenises it into words and punctuation with byte spans.

use super::lexicon::is_speech;
use super::marks::Run;
use crate::span::Span;

/// One token: a word (letters/digits with inner `.`, `-`, `’`) or a single punctuation char.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    pub span: Span,
    /// Lowercased surface.
    pub lower: String,
    pub is_word: bool,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// Lies inside a quotation run (such words are quoted, never cues or speakers).
    pub quoted: bool,
}

impl Tok {
    pub fn is(&self, s: &str) -> bool {
        self.lower == s
    }
    pub fn is_possessive(&self) -> bool {
        matches!(self.lower.as_str(), "’s" | "'s" | "’" | "'")
    }
}

/// A sentence-like stretch of one paragraph, never cut inside a quotation run.
#[derive(Debug, Clone)]
pub(crate) struct Clause {
    pub span: Span,
    pub paragraph: usize,
    pub toks: Vec<Tok>,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Tokenises `text[span]`; `quoted` marks tokens inside any of `runs`.
pub(crate) fn tokenize(text: &str, span: Span, runs: &[Run]) -> Vec<Tok> {
    let s = &text[span.range()];
    let chars: Vec<(usize, char)> = s.char_indices().map(|(b, c)| (b + span.start, c)).collect();
    let mut toks = Vec::new();
    let mut i = 0;
    let end_of = |k: usize| if k < chars.len() { chars[k].0 } else { span.end };
    while i < chars.len() {
        let (b, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() || (is_apostrophe(c) && chars.get(i + 1).is_some_and(|x| x.1.is_ascii_digit())) {
            let mut j = i + 1;
            while j < chars.len() {
                let cj = chars[j].1;
                let next = chars.get(j + 1).map(|x| x.1);
                if cj.is_alphanumeric() {
                    j += 1;
                } else if is_apostrophe(cj) && next.is_some_and(|n| n.is_alphabetic()) {
                    // `’s` followed by a non-letter is a possessive token of its own.
                    let after = chars.get(j + 2).map(|x| x.1);
                    if matches!(next, Some('s') | Some('S')) && !after.is_some_and(|a| a.is_alphanumeric()) {
                        break;
                    }
                    j += 1;
                } else if (cj == '-' || cj == '.' || cj == ',') && next.is_some_and(|n| n.is_alphanumeric()) {
                    // Inner hyphens, abbreviations (`U.S.`), digit groups (`40,000`).
                    if cj == ',' && !(chars[j - 1].1.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit())) {
                        break;
                    }
                    if cj == '.'
                        && !(next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit())
                            && chars[j - 1].1.is_alphanumeric())
                    {
                        break;
                    }
                    j += 1;
                } else if cj == '.' && j >= 2 && chars[j - 2].1 == '.' && chars[j - 1].1.is_uppercase() {
                    // The final dot of `U.S.`.
                    j += 1;
                    break;
                } else {
                    break;
                }
            }
            toks.push(make(text, Span::new(b, end_of(j)), true));
            i = j;
        } else if is_apostrophe(c)
            && matches!(chars.get(i + 1).map(|x| x.1), Some('s') | Some('S'))
            && !chars.get(i + 2).is_some_and(|x| x.1.is_alphanumeric())
            && i > 0
            && chars[i - 1].1.is_alphanumeric()
        {
            toks.push(make(text, Span::new(b, end_of(i + 2)), false));
            i += 2;
        } else if c == '\'' && chars.get(i + 1).is_some_and(|x| x.1 == '\'') {
            // `''` is one double quotation mark in wire copy.
            toks.push(make(text, Span::new(b, end_of(i + 2)), false));
            i += 2;
        } else {
            toks.push(make(text, Span::new(b, end_of(i + 1)), false));
            i += 1;
        }
    }
    for t in &mut toks {
        t.quoted = runs.iter().any(|r| r.content.contains(t.span));
    }
    toks
}

fn make(text: &str, span: Span, is_word: bool) -> Tok {
    let surface = span.text(text);
    Tok {
        span,
        lower: surface.to_lowercase(),
        is_word,
        cap: surface.chars().next().is_some_and(|c| c.is_uppercase()),
        quoted: false,
    }
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "pres", "lt", "col", "sgt", "jr", "sr", "no", "vs",
    "prof", "rev", "gens", "sens", "reps", "inc", "corp", "co", "ltd", "jan", "feb", "aug", "sept", "oct", "nov",
    "dec", "u.s", "u.n", "u.k", "e.g", "i.e", "mt", "ft", "capt", "adm", "maj", "supt", "messrs", "atty",
];

/// The reporting verb of a tag after `!` or `?` comes within this many tokens (`Murphy, the
/// head of X, tweeted`).
const TAG_WINDOW: usize = 14;
/// In a whole short tag after a full stop the verb comes within this many tokens: a speaker of
/// at most four words, then the verb.
const SHORT_TAG_VERB_WINDOW: usize = 5;

/// Whether the words after a quotation ending in `!` or `?` are its speech tag: a reporting
/// verb among the first few words, before any sentence stop (`Murphy, the head of X, tweeted`).
fn tag_follows(rest: &[Tok]) -> bool {
    rest.iter()
        .take(TAG_WINDOW)
        .take_while(|t| !t.quoted && !matches!(t.lower.as_str(), "." | "!" | "?" | ";"))
        .any(|t| t.is_word && is_speech(&t.lower))
}

/// Whether the words after a quotation ending in a full stop are a whole short tag: a speaker
/// of at most four words and a reporting verb (either order), at most two words more, and the
/// sentence's end (`“… missing.” Trump said.`, not `“We won.” Trump said the count was …`).
fn short_tag_follows(rest: &[Tok]) -> bool {
    let Some(verb) =
        rest.iter().take(SHORT_TAG_VERB_WINDOW).position(|t| t.is_word && !t.quoted && is_speech(&t.lower))
    else {
        return false;
    };
    let words_before = rest[..verb].iter().all(|t| t.is_word && !t.quoted);
    let end = rest[verb + 1..].iter().position(|t| !t.is_word).map_or(rest.len(), |p| verb + 1 + p);
    words_before && end - verb - 1 <= 2 && rest.get(end).is_none_or(|t| matches!(t.lower.as_str(), "." | "!" | "?"))
}

/// Splits each paragraph into clauses; quotation runs are never cut.
pub(crate) fn clauses(text: &str, paragraphs: &[(usize, Span)], runs: &[Run]) -> Vec<Clause> {
    let mut out = Vec::new();
    for &(pi, pspan) in paragraphs {
        let toks = tokenize(text, pspan, runs);
        let mut start = 0;
        for k in 0..toks.len() {
            let t = &toks[k];
            let stop = |t: &Tok| matches!(t.lower.as_str(), "." | "!" | "?");
            // A quotation ending in a full stop ends the sentence at its closing mark.
            let closes_sentence = is_closer(t, runs) && k > 0 && stop(&toks[k - 1]);
            if !closes_sentence && (t.quoted || !stop(t)) {
                continue;
            }
            // Closing marks and brackets right after the stop belong to this clause.
            let mut last = k;
            while last + 1 < toks.len() && !toks[last + 1].is_word && is_closer(&toks[last + 1], runs) {
                last += 1;
            }
            let Some(next) = toks.get(last + 1) else { continue };
            // A comma or semicolon after the stop means it was an abbreviation (`(D-Ill.),`).
            let next_starts =
                (next.cap || !next.is_word || next.lower.chars().next().is_some_and(|c| c.is_ascii_digit()))
                    && !matches!(next.lower.as_str(), "," | ";" | ":");
            if !next_starts {
                continue;
            }
            if closes_sentence
                && (toks[k - 1].lower != "." && tag_follows(&toks[last + 1..]) || short_tag_follows(&toks[last + 1..]))
            {
                // `“Not us!” Murphy tweeted on Friday.`, `“… missing.” Trump said.`: the tag
                // belongs to the quotation.
                continue;
            }
            if t.lower == "." && k > 0 {
                let prev = &toks[k - 1];
                let pl = prev.lower.trim_end_matches('.');
                if prev.span.end == t.span.start
                    && (ABBREVIATIONS.contains(&pl) || (prev.is_word && prev.cap && pl.chars().count() == 1))
                {
                    continue;
                }
            }
            push_clause(&mut out, pi, &toks[start..=last]);
            start = last + 1;
        }
        if start < toks.len() {
            push_clause(&mut out, pi, &toks[start..]);
        }
    }
    out
}

fn is_closer(t: &Tok, runs: &[Run]) -> bool {
    matches!(t.lower.as_str(), ")" | "]") || runs.iter().any(|r| r.close.is_some_and(|c| c == t.span))
}

fn push_clause(out: &mut Vec<Clause>, paragraph: usize, toks: &[Tok]) {
    if let (Some(f), Some(l)) = (toks.first(), toks.last()) {
        out.push(Clause { span: Span::new(f.span.start, l.span.end), paragraph, toks: toks.to_vec() });
    }
}

/// Number of word tokens in `text[span]`.
pub(crate) fn word_count(text: &str, span: Span) -> usize {
    tokenize(text, span, &[]).iter().filter(|t| t.is_word).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len()), &[]).iter().map(|t| t.span.text(text)).collect()
    }

    #[test]
    fn splits_possessives_keeps_contractions_and_abbreviations() {
        assert_eq!(
            words("El Salvador’s U.S. deal don’t ’90s 40,000 self-sustainable."),
            vec!["El", "Salvador", "’s", "U.S.", "deal", "don’t", "’90s", "40,000", "self-sustainable", "."]
        );
    }

    #[test]
    fn clauses_skip_abbreviations_and_runs() {
        let text = "Mr. Ortega spoke. “One. Two,” he said. Next one.";
        let runs = super::super::marks::find_runs(text, &[(0, Span::new(0, text.len()))]);
        let cl = clauses(text, &[(0, Span::new(0, text.len()))], &runs);
        let got: Vec<&str> = cl.iter().map(|c| c.span.text(text)).collect();
        assert_eq!(got, vec!["Mr. Ortega spoke.", "“One. Two,” he said.", "Next one."]);
        // Wire copy's `''` closes a sentence like `”`.
        let text = "But, he said, ''I don't say it publicly.'' And, he acknowledged, it is unclear.";
        let runs = super::super::marks::find_runs(text, &[(0, Span::new(0, text.len()))]);
        let cl = clauses(text, &[(0, Span::new(0, text.len()))], &runs);
        let got: Vec<&str> = cl.iter().map(|c| c.span.text(text)).collect();
        assert_eq!(got, vec!["But, he said, ''I don't say it publicly.''", "And, he acknowledged, it is unclear."]);
    }
}
