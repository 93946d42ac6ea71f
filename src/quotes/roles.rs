//! Attributions the role tagger marks that no cue frame found
//! ([`crate::doc::Analysed::roles`]): a stretch of words it scores as reported content, the cue
//! words nearest to it in the same clause, and the source words nearest to that cue. The cue
//! frames of [`super::indirect`] stay first; these fill in what they miss (`the attendees
//! chanted, “Lock her up!”`, `a federal judge determined that …`, content whose cue the lexicon
//! and the cue head know but whose frame the rules cannot build).

use super::speaker::Found;
use super::tokens::{Clause, Tok};
use crate::doc::RoleScores;
use crate::span::Span;

/// A word is reported content at this content probability.
pub(crate) const CONTENT_MIN: f32 = 0.5;
/// A word is part of a cue at this cue probability (the tagger's or the cue head's).
pub(crate) const CUE_MIN: f32 = 0.5;
/// A word is part of a source at this source probability.
pub(crate) const SOURCE_MIN: f32 = 0.5;
/// With no source word at [`SOURCE_MIN`] in the clause, the best run of words at this
/// probability is the source (`…, Hillary Clinton on Friday only further muddled …`).
pub(crate) const WEAK_SOURCE_MIN: f32 = 0.2;
/// An indirect row no content run overlaps is kept when its words' mean content probability
/// reaches this.
pub(crate) const CONTENT_KEEP: f32 = 0.2;
/// Tagged content shorter than this many words is left out.
const MIN_WORDS: usize = 3;

/// Content the tagger marks in one clause, with its cue and source.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tagged {
    pub content: Span,
    pub cue: Span,
    /// The source phrase as clause tokens; `None` when the tagger marks no source (PolNeAR's
    /// source-less attributions: `X is expected to …`, `Asked whether …`).
    pub source: Option<Found>,
}

/// Runs of consecutive words (in `words` order) whose score passes `keep`; a paragraph break
/// ends a run.
fn runs(text: &str, words: &[(Span, RoleScores)], keep: impl Fn(&RoleScores) -> bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, (span, p)) in words.iter().enumerate() {
        let broken = i > 0 && text[words[i - 1].0.end..span.start].contains('\n');
        if let Some(s) = start.filter(|_| broken || !keep(p)) {
            out.push((s, i));
            start = None;
        }
        if start.is_none() && keep(p) {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, words.len()));
    }
    out
}

/// Bytes between two spans (0 when they touch or overlap).
fn gap(a: Span, b: Span) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// The clause tokens `[first, last]` covering `span`.
fn found(toks: &[Tok], span: Span) -> Option<Found> {
    let first = toks.iter().position(|t| t.span.overlaps(span))?;
    let last = toks.iter().rposition(|t| t.span.overlaps(span))?;
    Some(Found { first, last, appositive: None })
}

/// The tagged attributions of `clause`: each run of content words (at least [`MIN_WORDS`]
/// words) with the nearest run of cue words outside it (none: no attribution), and the run of
/// source words nearest to that cue outside both. `roles` are the document's words in text
/// order; `cue_words` the cue head's, when the model has one.
pub(crate) fn tagged(text: &str, clause: &Clause, roles: &[(Span, RoleScores)], cue_words: Option<&[(Span, f32)]>) -> Vec<Tagged> {
    let first = roles.partition_point(|w| w.0.end <= clause.span.start);
    let last = first + roles[first..].partition_point(|w| w.0.start < clause.span.end);
    let words = &roles[first..last];
    let head = |w: Span| cue_words.map_or(0.0, |c| super::cues::score(c, w));
    // The cue head's score counts alongside the tagger's cue output.
    let scored: Vec<(Span, RoleScores)> = words.iter().map(|&(s, p)| (s, [p[0].max(head(s)), p[1], p[2]])).collect();
    let span_of = |(a, b): (usize, usize)| Span::new(scored[a].0.start, scored[b - 1].0.end);
    let cues: Vec<Span> = runs(text, &scored, |p| p[0] >= CUE_MIN).into_iter().map(span_of).collect();
    let mut out = Vec::new();
    for run in runs(text, &scored, |p| p[1] >= CONTENT_MIN) {
        let content = span_of(run).trim(text);
        if super::tokens::word_count(text, content) < MIN_WORDS {
            continue;
        }
        let Some(cue) = cues.iter().copied().filter(|c| !c.overlaps(content)).min_by_key(|c| gap(*c, content)) else { continue };
        let source = source_near(text, clause, words, cue, content, true);
        out.push(Tagged { content, cue, source });
    }
    out
}

/// The document's runs of content words (at [`CONTENT_MIN`]), trimmed, in text order.
pub(crate) fn content_runs(text: &str, roles: &[(Span, RoleScores)]) -> Vec<Span> {
    runs(text, roles, |p| p[1] >= CONTENT_MIN).into_iter().map(|(a, b)| Span::new(roles[a].0.start, roles[b - 1].0.end).trim(text)).collect()
}

/// The content run sharing the most bytes with `clause`, when one overlaps it.
pub(crate) fn snap(clause: Span, runs: &[Span]) -> Option<Span> {
    let shared = |r: &Span| r.end.min(clause.end).saturating_sub(r.start.max(clause.start));
    runs.iter().copied().filter(|r| r.overlaps(clause)).max_by_key(shared)
}

/// The mean content probability of the words in `span`.
pub(crate) fn content_mean(roles: &[(Span, RoleScores)], span: Span) -> f32 {
    let i = roles.partition_point(|w| w.0.end <= span.start);
    let inside: Vec<f32> = roles[i..].iter().take_while(|w| w.0.start < span.end).map(|w| w.1[1]).collect();
    if inside.is_empty() {
        return 1.0;
    }
    inside.iter().sum::<f32>() / inside.len() as f32
}

/// The highest source probability of the words in `span`.
pub(crate) fn source_max(roles: &[(Span, RoleScores)], span: Span) -> f32 {
    let i = roles.partition_point(|w| w.0.end <= span.start);
    roles[i..].iter().take_while(|w| w.0.start < span.end).map(|w| w.1[2]).fold(0.0, f32::max)
}

/// The run of source words of `clause` nearest to `cue` outside `content` and the cue: one at
/// [`SOURCE_MIN`], else (with `weak`) one at [`WEAK_SOURCE_MIN`].
pub(crate) fn source_near(text: &str, clause: &Clause, roles: &[(Span, RoleScores)], cue: Span, content: Span, weak: bool) -> Option<Found> {
    let first = roles.partition_point(|w| w.0.end <= clause.span.start);
    let last = first + roles[first..].partition_point(|w| w.0.start < clause.span.end);
    let words = &roles[first..last];
    let candidates = |min: f32| -> Option<Span> {
        runs(text, words, |p| p[2] >= min)
            .into_iter()
            .map(|(a, b)| Span::new(words[a].0.start, words[b - 1].0.end))
            .filter(|s| s.text(text).chars().any(char::is_alphanumeric) && !s.overlaps(content) && !s.overlaps(cue))
            .min_by_key(|s| gap(*s, cue))
    };
    candidates(SOURCE_MIN).or_else(|| candidates(WEAK_SOURCE_MIN).filter(|_| weak)).and_then(|s| found(&clause.toks, s))
}
