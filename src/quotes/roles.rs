//! Attributions the role tagger marks that no cue frame found
//! ([`crate::doc::Analysed::roles`]): a stretch of words it scores as reported content, the cue
//! words nearest to it in the same clause, and the source words nearest to that cue. The cue
//! frames of [`super::frames`] stay first; these fill in what they miss (`the attendees
//! chanted, “Lock her up!”`, `a federal judge determined that …`, content whose cue the lexicon
//! and the cue head know but whose frame the rules cannot build).

use super::speaker::Found;
use super::tokens::{Clause, Tok};
use crate::labels::{Role, RoleScores};
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
    /// Cue and source lie in the lead-in clause before (`source` indexes its tokens).
    pub lead: bool,
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

/// The cue runs of `clause`: words whose tagger or cue-head score (`cue_words`) reaches
/// [`CUE_MIN`].
fn cue_spans(
    text: &str,
    clause: &Clause,
    roles: &[(Span, RoleScores)],
    cue_words: Option<&[(Span, f32)]>,
) -> Vec<Span> {
    let head = |w: Span| cue_words.map_or(0.0, |c| super::cues::score(c, w));
    let scored: Vec<(Span, RoleScores)> = clause_words(roles, clause)
        .iter()
        .map(|&(s, p)| (s, RoleScores([p[Role::Cue].max(head(s)), p[Role::Content], p[Role::Source]])))
        .collect();
    runs(text, &scored, |p| p[Role::Cue] >= CUE_MIN)
        .into_iter()
        .map(|(a, b)| Span::new(scored[a].0.start, scored[b - 1].0.end))
        .collect()
}

/// The words of `roles` inside `clause`.
fn clause_words<'a>(roles: &'a [(Span, RoleScores)], clause: &Clause) -> &'a [(Span, RoleScores)] {
    let first = roles.partition_point(|w| w.0.end <= clause.span.start);
    let last = first + roles[first..].partition_point(|w| w.0.start < clause.span.end);
    &roles[first..last]
}

/// The tagged attributions of `clause`: each run of content words (at least [`MIN_WORDS`]
/// words, or one after an opening quotation mark) with the nearest run of cue words outside it
/// and the run of source words nearest to that cue outside both. Content that opens a clause
/// with no cue takes the last cue of `lead`, a clause closing the paragraph before with a
/// colon (`Trump issued the following statement:`), and its source; with neither there is no
/// attribution. `roles` are the document's words in text order; `cue_words` the cue head's,
/// when the model has one.
pub(crate) fn tagged(
    text: &str,
    clause: &Clause,
    lead: Option<&Clause>,
    roles: &[(Span, RoleScores)],
    cue_words: Option<&[(Span, f32)]>,
) -> Vec<Tagged> {
    let words = clause_words(roles, clause);
    let cues = cue_spans(text, clause, roles, cue_words);
    let mut out = Vec::new();
    for (a, b) in runs(text, words, |p| p[Role::Content] >= CONTENT_MIN) {
        let content = Span::new(words[a].0.start, words[b - 1].0.end).trim(text);
        // A short quotation is reported content all the same (`“Really?” asked O’Donnell`).
        let marked =
            content.text(text).starts_with(['"', '“']) || text[..content.start].trim_end().ends_with(['"', '“']);
        if super::tokens::word_count(text, content) < if marked { 1 } else { MIN_WORDS } {
            continue;
        }
        let own = cues.iter().copied().filter(|c| !c.overlaps(content)).min_by_key(|c| gap(*c, content));
        let opens = content.start <= clause.span.start
            || !text[clause.span.start..content.start].chars().any(char::is_alphanumeric);
        let (cue, at) = match (own, lead.filter(|_| opens)) {
            (Some(cue), _) => (cue, clause),
            (None, Some(lead)) => match cue_spans(text, lead, roles, cue_words).last() {
                Some(&cue) => (cue, lead),
                None => continue,
            },
            (None, None) => continue,
        };
        let source = source_near(text, at, roles, cue, content, true);
        out.push(Tagged { content, cue, source, lead: !std::ptr::eq(at, clause) });
    }
    out
}

/// `span` without a leading complementizer (`that the bill would pass` -> `the bill would
/// pass`): PolNeAR's content takes it in, ANNOTATION.md's quote does not.
pub(crate) fn without_that(text: &str, span: Span) -> Span {
    let s = span.text(text);
    match s.split_once(char::is_whitespace) {
        Some((first, rest)) if first.eq_ignore_ascii_case("that") && !rest.trim().is_empty() => {
            Span::new(span.end - rest.len(), span.end).trim(text)
        }
        _ => span,
    }
}

/// The document's runs of content words (at [`CONTENT_MIN`]), trimmed, in text order; a run of
/// punctuation alone (an opening quotation mark) reports nothing and is left out.
pub(crate) fn content_runs(text: &str, roles: &[(Span, RoleScores)]) -> Vec<Span> {
    runs(text, roles, |p| p[Role::Content] >= CONTENT_MIN)
        .into_iter()
        .map(|(a, b)| Span::new(roles[a].0.start, roles[b - 1].0.end).trim(text))
        .filter(|s| s.text(text).chars().any(char::is_alphanumeric))
        .collect()
}

/// The content run sharing the most bytes with `clause`, when one overlaps it.
pub(crate) fn snap(clause: Span, runs: &[Span]) -> Option<Span> {
    let shared = |r: &Span| r.end.min(clause.end).saturating_sub(r.start.max(clause.start));
    runs.iter().copied().filter(|r| r.overlaps(clause)).max_by_key(shared)
}

/// The mean content probability of the words in `span`.
pub(crate) fn content_mean(roles: &[(Span, RoleScores)], span: Span) -> f32 {
    let i = roles.partition_point(|w| w.0.end <= span.start);
    let inside: Vec<f32> = roles[i..].iter().take_while(|w| w.0.start < span.end).map(|w| w.1[Role::Content]).collect();
    if inside.is_empty() {
        return 1.0;
    }
    inside.iter().sum::<f32>() / inside.len() as f32
}

/// The highest source probability of the words in `span`.
pub(crate) fn source_max(roles: &[(Span, RoleScores)], span: Span) -> f32 {
    let i = roles.partition_point(|w| w.0.end <= span.start);
    roles[i..].iter().take_while(|w| w.0.start < span.end).map(|w| w.1[Role::Source]).fold(0.0, f32::max)
}

/// The run of source words of `clause` nearest to `cue` outside `content` and the cue: one at
/// [`SOURCE_MIN`], else (with `weak`) one at [`WEAK_SOURCE_MIN`].
pub(crate) fn source_near(
    text: &str,
    clause: &Clause,
    roles: &[(Span, RoleScores)],
    cue: Span,
    content: Span,
    weak: bool,
) -> Option<Found> {
    let words = clause_words(roles, clause);
    let candidates = |min: f32| -> Option<Span> {
        runs(text, words, |p| p[Role::Source] >= min)
            .into_iter()
            .map(|(a, b)| Span::new(words[a].0.start, words[b - 1].0.end))
            .filter(|s| s.text(text).chars().any(char::is_alphanumeric) && !s.overlaps(content) && !s.overlaps(cue))
            .min_by_key(|s| gap(*s, cue))
    };
    candidates(SOURCE_MIN).or_else(|| candidates(WEAK_SOURCE_MIN).filter(|_| weak)).and_then(|s| found(&clause.toks, s))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::quotes::tokens;

    /// Word spans as the NER words split them: letters and digits (with `'` and `’` inside a
    /// word) together, any other non-space character alone.
    pub(crate) fn words(text: &str) -> Vec<Span> {
        let mut out: Vec<Span> = Vec::new();
        let mut start: Option<usize> = None;
        for (i, c) in text.char_indices() {
            let inner = c.is_alphanumeric() || (matches!(c, '\'' | '’') && start.is_some());
            if let Some(s) = start.filter(|_| !inner) {
                out.push(Span::new(s, i));
                start = None;
            }
            if inner {
                start = start.or(Some(i));
            } else if !c.is_whitespace() {
                out.push(Span::new(i, i + c.len_utf8()));
            }
        }
        if let Some(s) = start {
            out.push(Span::new(s, text.len()));
        }
        out
    }

    fn scored(text: &str, p: &[RoleScores]) -> Vec<(Span, RoleScores)> {
        words(text).into_iter().zip(p.iter().copied()).collect()
    }

    #[test]
    fn runs_keep_consecutive_words_and_end_at_paragraph_breaks() {
        let text = "a b\nc d e";
        let hi = RoleScores([0.0, 0.9, 0.0]);
        let lo = RoleScores([0.0, 0.1, 0.0]);
        let w = scored(text, &[hi, hi, hi, lo, hi]);
        assert_eq!(runs(text, &w, |p| p[Role::Content] >= 0.5), vec![(0, 2), (2, 3), (4, 5)]);
        assert_eq!(content_runs(text, &w).iter().map(|s| s.text(text)).collect::<Vec<_>>(), ["a b", "c", "e"]);
        // A run of punctuation alone (an opening mark) is no content run.
        let text = "a \" b c";
        let w = scored(text, &[lo, hi, lo, hi]);
        assert_eq!(content_runs(text, &w).iter().map(|s| s.text(text)).collect::<Vec<_>>(), ["c"]);
    }

    #[test]
    fn the_complementizer_is_left_out_of_the_quote() {
        let text = "that the bill would pass";
        assert_eq!(without_that(text, Span::new(0, text.len())).text(text), "the bill would pass");
        let text = "thatcher said no";
        assert_eq!(without_that(text, Span::new(0, text.len())).text(text), "thatcher said no");
        let text = "that";
        assert_eq!(without_that(text, Span::new(0, 4)).text(text), "that");
    }

    #[test]
    fn snap_takes_the_run_sharing_most_and_means_are_per_word() {
        let runs = [Span::new(0, 10), Span::new(12, 40)];
        assert_eq!(snap(Span::new(8, 20), &runs), Some(Span::new(12, 40)));
        assert_eq!(snap(Span::new(0, 11), &runs), Some(Span::new(0, 10)));
        assert_eq!(snap(Span::new(41, 50), &runs), None);
        let text = "x y z";
        let w = scored(text, &[RoleScores([0.0, 0.9, 0.8]), RoleScores([0.0, 0.3, 0.1]), RoleScores([0.0, 0.0, 0.0])]);
        assert!((content_mean(&w, Span::new(0, 3)) - 0.6).abs() < 1e-6);
        assert_eq!(content_mean(&w, Span::new(10, 12)), 1.0, "no words: nothing to judge");
        assert_eq!(source_max(&w, Span::new(0, 5)), 0.8);
    }

    #[test]
    fn tagged_content_takes_the_nearest_cue_and_source() {
        // Two source runs: `Officials` (strong) far from the cue, `the crowd` (strong) next to it.
        let text = "Officials left early as the crowd chanted loudly that the rally would go on";
        let clause = Clause {
            span: Span::new(0, text.len()),
            paragraph: 0,
            toks: tokens::tokenize(text, Span::new(0, text.len()), &[]),
        };
        let mut p: Vec<RoleScores> = vec![RoleScores([0.0, 0.0, 0.0]); 14];
        p[0] = RoleScores([0.0, 0.0, 0.9]); // Officials
        p[4] = RoleScores([0.0, 0.0, 0.8]); // the
        p[5] = RoleScores([0.0, 0.0, 0.9]); // crowd
        p[6] = RoleScores([0.9, 0.0, 0.0]); // chanted
        for x in &mut p[9..14] {
            x.0[1] = 0.9; // the rally would go on
        }
        let w = scored(text, &p);
        let t = tagged(text, &clause, None, &w, None);
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].content.text(text), t[0].cue.text(text)), ("the rally would go on", "chanted"));
        let s = t[0].source.as_ref().unwrap();
        assert_eq!((clause.toks[s.first].lower.as_str(), clause.toks[s.last].lower.as_str()), ("the", "crowd"));
        // No cue word: no attribution. A cue from the cue head counts as well.
        p[6] = RoleScores([0.0, 0.0, 0.0]);
        let w = scored(text, &p);
        assert!(tagged(text, &clause, None, &w, None).is_empty());
        let head = [(w[6].0, 0.7)];
        assert_eq!(tagged(text, &clause, None, &w, Some(&head)).len(), 1);
        // Content of two words is too short.
        for x in &mut p[9..12] {
            x.0[1] = 0.0;
        }
        assert!(tagged(text, &clause, None, &scored(text, &p), Some(&head)).is_empty());
    }

    #[test]
    fn a_word_reaching_into_the_clause_from_before_is_no_panic() {
        // The clause starts inside the first word (`Xsaid …` cut after `X`): the content run that
        // begins before the clause opens it, and the lead-in's cue and source are taken.
        let text = "The mayor said:\nXthe city will rebuild every home";
        let lead_span = Span::new(0, 15);
        let lead = Clause { span: lead_span, paragraph: 0, toks: tokens::tokenize(text, lead_span, &[]) };
        let span = Span::new(17, text.len());
        let clause = Clause { span, paragraph: 1, toks: tokens::tokenize(text, span, &[]) };
        let mut p: Vec<RoleScores> = vec![RoleScores([0.0, 0.9, 0.0]); 10];
        p[0] = RoleScores([0.0, 0.0, 0.9]); // The
        p[1] = RoleScores([0.0, 0.0, 0.9]); // mayor
        p[2] = RoleScores([0.9, 0.0, 0.0]); // said
        p[3] = RoleScores([0.0, 0.0, 0.0]); // :
        let w = scored(text, &p);
        let t = tagged(text, &clause, Some(&lead), &w, None);
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].cue.text(text), t[0].lead), ("said", true));
        assert!(t[0].content.start < span.start);
    }
}
