//! Quotes and speakers: who said what in an analysed document.
//!
//! Takes an [`Analysed`] document (paragraphs with their `extract` flag, NER entities with
//! document-level `canonical` names) and hands on [`Quote`]s: direct, mixed and indirect
//! quotations with their cue, the mention naming the speaker, the resolved speaker name, its type
//! and descriptions, and the reported clause each sits in (for a mixed quote, the paraphrase
//! around the marked words). The stages, in order:
//!
//! 1. [`marks`]: pair quotation marks into runs per paragraph (recovering from odd marks).
//! 2. [`tokens`]: split paragraphs into quote-aware clauses and words.
//! 3. [`cues`]: find reporting verbs and `according to` (lexicon in `cues.tsv`).
//! 4. [`indirect`]: build each cue's frame: speaker phrase plus reported content.
//! 5. [`direct`]: decide which runs are quotations and whether they are direct or mixed.
//! 6. [`speaker`]: find and resolve speaker mentions to names, types and descriptions.
//!
//! Besides the cue frames, `extract` takes three attributions PolNeAR annotates without a
//! reporting verb: headline and transcript sources (`Graham: …`, `JAKE TAPPER: …`), poll
//! findings (`In a CNN poll, …`) and passive questions with no source (`Asked whether …`).
//! Rules added for PolNeAR were kept only where they are right at least about two times in
//! three on its train split and leave the seed scores unchanged.
//!
//! Everything is rules over the text; NER entities help with names but are not required, so a
//! document with no entities still gets its quotes (speakers then come from capitalised words).

mod cues;
mod direct;
mod indirect;
mod marks;
mod roles;
mod speaker;
mod tokens;

use crate::doc::Analysed;
pub use crate::labels::{CueClass, QuoteKind, SpeakerType};
use crate::span::Span;
use speaker::{History, Resolved};

/// One quotation. All spans are byte spans into the document text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The quoted content without outer quotation marks.
    pub span: Span,
    /// The whole reported clause the quote sits in: the paraphrase around a mixed quote (what
    /// PolNeAR annotates as content), else the same as `span`.
    pub clause: Span,
    pub kind: QuoteKind,
    /// The reporting verb or phrase. A follow-up quotation with no cue of its own carries the cue
    /// of the quotation it continues (`“…,” said Cruz. “…”`: both rows have `said`), so the rows
    /// of one attribution share it; `None` when none is known.
    pub cue: Option<Span>,
    /// The words naming the source at this quote (`he`, `Ortega`, `Salvadoran lawyer Jaime Ortega`);
    /// `None` for a follow-up quotation that keeps the previous speaker, or when no source is found.
    pub speaker_mention: Option<Span>,
    /// Canonical name, the describing phrase of an unnamed source, or `""` when none is found.
    pub speaker: String,
    pub speaker_type: SpeakerType,
    /// Roles the text gives the speaker (`Secretary of State`, `a lawyer at Cristosal`).
    pub descriptions: Vec<String>,
    pub confidence: f32,
    /// What the cue reports (speech, belief, stance); speech for a follow-up quotation.
    pub reports: CueClass,
}

impl Quote {
    /// Whether this row belongs in `attributions.csv` rather than `quotes.csv`: a stance with
    /// no quoted words (`Carson endorsed Trump`, `declined to comment`) reports no speech, and
    /// what an unlisted cue reports without quoted words is not known to be speech.
    pub fn is_attribution(&self) -> bool {
        matches!(self.reports, CueClass::Stance | CueClass::Other) && self.kind == QuoteKind::Indirect
    }
}

/// The paragraphs to extract from, as `(index, span)`, with spans clamped to the text and to
/// character boundaries so that no later slice can panic.
fn extract_paragraphs(doc: &Analysed) -> Vec<(usize, Span)> {
    let text = &doc.text;
    let fix = |b: usize| {
        let mut b = b.min(text.len());
        while !text.is_char_boundary(b) {
            b -= 1;
        }
        b
    };
    if doc.paragraphs.is_empty() {
        return vec![(0, Span::new(0, text.len()))];
    }
    doc.paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.extract)
        .map(|(i, p)| {
            let start = fix(p.span.start);
            (i, Span::new(start, fix(p.span.end).max(start)))
        })
        .collect()
}

/// All quotes in `doc` (only from paragraphs with `extract == true`), sorted by `span.start`.
///
/// ```
/// use newsmine::doc::{Analysed, Paragraph};
/// use newsmine::quotes::{extract, QuoteKind};
/// use newsmine::span::Span;
/// let text = "“We will appeal the ruling,” Ortega said.".to_string();
/// let doc = Analysed {
///     paragraphs: vec![Paragraph { span: Span::new(0, text.len()), extract: true }],
///     text,
///     ..Default::default()
/// };
/// let quotes = extract(&doc);
/// assert_eq!(quotes[0].span.text(&doc.text), "We will appeal the ruling,");
/// assert_eq!(quotes[0].kind, QuoteKind::Direct);
/// assert_eq!(quotes[0].speaker, "Ortega");
/// ```
pub fn extract(doc: &Analysed) -> Vec<Quote> {
    let text = doc.text.as_str();
    let paragraphs = extract_paragraphs(doc);
    let runs = marks::find_runs(text, &paragraphs);
    let quotable: Vec<bool> = runs.iter().map(|r| direct::is_quotation(text, r)).collect();
    let clauses = tokens::clauses(text, &paragraphs, &runs);
    let mut used = vec![false; runs.len()];
    let mut history = History::default();
    history.learn_honorifics(text, &doc.entities);
    let mut out: Vec<Quote> = Vec::new();
    // The speaker of the latest quote and its paragraph, for cue-less follow-up quotations.
    let mut last: Option<(usize, Resolved)> = None;
    // The cue, speaker and clause of the latest quotation (direct or mixed row): a follow-up of
    // the same speaker continues it and carries its cue (PolNeAR: one attribution per source and
    // cue), also past an indirect row of the same clause (`“…,” Clark said, noting that …`).
    let mut last_quotation: Option<(Span, String, usize)> = None;
    // A paragraph-final `X said:` waiting for the quotation that opens the next paragraph.
    let mut lead_in: Option<(Span, Span)> = None;
    // The paragraph of the previous clause: a clause in another one opens its paragraph.
    let mut clause_paragraph: Option<usize> = None;
    // Attributions from the role tagger ([`roles`]); they give way to any frame's rows.
    let mut tagged: Vec<Quote> = Vec::new();

    for (c, clause) in clauses.iter().enumerate() {
        let mut found = cues::find(&clause.toks);
        if let Some(words) = &doc.cue_words {
            // With the learned detector, a lexicon cue it scores below `LEXICON_KEEP` is no cue
            // (`the so-called …`, `a report card`); words outside the lexicon it scores high are.
            found.retain(|c| cues::score(words, Span::new(clause.toks[c.first].span.start, clause.toks[c.last].span.end)) >= cues::LEXICON_KEEP);
            found.extend(cues::learned(&clause.toks, words, &found));
        }
        found.sort_by_key(|c| c.first);
        let mut frames: Vec<indirect::Frame> = found.into_iter().filter_map(|c| indirect::frame(clause, c)).collect();
        // `“…,” he said, adding that “…”`: a participle with no subject of its own (the clause
        // opens with the quotation) takes the speaker of the cue before it.
        for k in 1..frames.len() {
            if frames[k].speaker.is_none() && frames[k].cue.text(text).ends_with("ing") {
                frames[k].speaker = frames[k - 1].speaker;
            }
        }
        let in_clause: Vec<usize> =
            (0..runs.len()).filter(|&i| quotable[i] && clause.span.contains(runs[i].content)).collect();
        // Each run goes to the nearest cue before it whose content covers it (`hailed the deal,
        // saying … “…”` -> `saying`), so claims are made from the last frame backwards.
        let mut claims: Vec<Vec<usize>> = vec![Vec::new(); frames.len()];
        for (k, f) in frames.iter().enumerate().rev() {
            for &i in &in_clause {
                if !used[i] && runs[i].content.overlaps(f.content) && f.speaker.is_some() {
                    used[i] = true;
                    claims[k].push(i);
                }
            }
        }
        for (f, mut claimed) in frames.iter().zip(claims) {
            // A stance cue (`praised`, `endorsed`, `declined`) reports its object, however short;
            // inside another cue's content it is part of what that cue reports (`DeSantis said
            // he has supported legislation …`).
            let object_cue = f.class.takes_object();
            if object_cue && claimed.is_empty() && frames.iter().any(|g| !g.class.takes_object() && g.content.contains(f.cue)) {
                continue;
            }
            // `Comey called Clinton's use of private email "extremely careless"`: an evaluative
            // cue with a quoted term in its object. PolNeAR annotates the object with the term
            // (the seed gold leaves such terms optional), so the object up to the term is the
            // mixed quote.
            let mut object = None;
            if f.class == cues::CueType::Evaluative && claimed.is_empty() && f.speaker.is_some() {
                let term = (0..runs.len()).find(|&i| {
                    !used[i] && !quotable[i] && clause.span.contains(runs[i].content) && f.content.contains(runs[i].content)
                });
                // `called for more “flexibility”`, `called on X to …`: a request, not a label.
                let first_word = f.content.text(text).split_whitespace().next().unwrap_or("").to_lowercase();
                let request = matches!(first_word.as_str(), "for" | "on" | "off" | "to" | "in" | "back");
                if let Some(i) = term.filter(|&i| runs[i].content.start > f.content.start && !request) {
                    used[i] = true;
                    claimed.push(i);
                    object = Some(Span::new(f.content.start, runs[i].content.end));
                }
            }
            if claimed.is_empty() && tokens::word_count(text, f.content) < if object_cue { 1 } else { 3 } {
                continue;
            }
            let covers_claimed = in_clause.iter().any(|&i| used[i] && runs[i].content.overlaps(f.content));
            // A later cue of the clause inside this frame's content.
            let later = frames.iter().filter(|g| g.class != cues::CueType::Stance).map(|g| g.cue).find(|c| c.start > f.cue.end && f.content.contains(*c));
            // `Boreing said the members will still meet, but said, “…”`: the content stops before
            // a later cue of the clause that claimed the quotation.
            let content = match later {
                Some(later) if claimed.is_empty() && covers_claimed => indirect::before_cue(clause, f.content, later),
                // `Trump justified the measure by claiming that …`: what a learned cue reports
                // ends where a lexicon cue inside it starts reporting.
                Some(later) if claimed.is_empty() && f.learned => indirect::up_to_cue(clause, f.content, later),
                _ => Some(f.content),
            };
            let Some(content) = content else { continue };
            let covers_claimed = in_clause.iter().any(|&i| used[i] && runs[i].content.overlaps(content));
            if claimed.is_empty() && (covers_claimed || out.iter().any(|q| q.span.overlaps(content) && q.kind != QuoteKind::Indirect)) {
                continue;
            }
            let aside = f.aside.filter(|a| content.contains(*a));
            let f = &indirect::Frame { content, aside, ..f.clone() };
            let Some(found) = f.speaker.filter(|&s| speaker::plausible(&clause.toks, s)) else { continue };
            // The role tagger overrules the frame's subject when it scores none of its words as a
            // source and marks a source elsewhere in the clause: the frame had taken a dateline
            // (`CLEVELAND —`), a time (`this week`) or the wrong noun (`in a statement`).
            let phrase = Span::new(clause.toks[found.first].span.start, clause.toks[found.last].span.end);
            let found = match &doc.roles {
                Some(words) if roles::source_max(words, phrase) < roles::SOURCE_MIN => roles::source_near(text, clause, words, f.cue, f.content, false).unwrap_or(found),
                _ => found,
            };
            let phrase = Span::new(clause.toks[found.first].span.start, clause.toks[found.last].span.end);
            let resolved = speaker::resolve(text, &doc.entities, &mut history, &clause.toks, found);
            history.push(phrase.end, &resolved);
            // `Beck, who has described Trump as …`: the relative pronoun names the source at the
            // cue (like `he`); the speaker is its antecedent.
            let relative = speaker::relative_before(&clause.toks, found, f.cue);
            let mention = relative.unwrap_or(phrase);
            let named = !resolved.speaker.is_empty();
            let mut push = |span: Span, clause: Span, kind: QuoteKind| {
                let base = match kind {
                    QuoteKind::Direct => 0.9,
                    QuoteKind::Mixed => 0.75,
                    QuoteKind::Indirect => 0.6,
                };
                out.push(Quote {
                    span,
                    clause,
                    kind,
                    cue: Some(f.cue),
                    speaker_mention: Some(mention),
                    speaker: resolved.speaker.clone(),
                    speaker_type: resolved.kind,
                    descriptions: resolved.descriptions.clone(),
                    confidence: if named { base } else { base - 0.3 },
                    reports: if f.learned { CueClass::Other } else { f.class.reports() },
                });
            };
            if claimed.is_empty() {
                // Around a parenthetical tag, the longer side is the reported clause.
                let content = match f.aside {
                    Some(a) if a.start - f.content.start >= f.content.end - a.end => Span::new(f.content.start, a.start),
                    Some(a) => Span::new(a.end, f.content.end),
                    None => f.content,
                };
                let content = content.trim(text);
                push(content, content, QuoteKind::Indirect);
            } else {
                // Words from a later cue on (`“…,” adding, “…”`) belong to that cue's frame. With
                // quotations claimed the content was kept whole, so `later` still lies inside it.
                let own = later.map_or(f.content, |c| Span::new(f.content.start, c.start));
                let kind = direct::kind_in(clause, own, f.aside);
                // A direct quotation is its own clause; a mixed one sits in the frame's content.
                let around = object.unwrap_or(f.content).trim(text);
                let claimed_runs: Vec<&marks::Run> = claimed.iter().map(|&i| &runs[i]).collect();
                // A tag after its content bounds the clause already (`“…,” itself a rebuttal, was
                // an inferior slogan, he said`); only content after its cue is cut after the runs.
                let around = if around.end <= f.cue.start { around } else { direct::mixed_clause(clause, around, &claimed_runs).trim(text) };
                for &i in &claimed {
                    let span = runs[i].content;
                    match (object, kind) {
                        (Some(_), _) | (None, QuoteKind::Mixed) => push(span, around.cover(span), QuoteKind::Mixed),
                        _ => push(span, span, kind),
                    }
                }
                last_quotation = Some((f.cue, resolved.speaker.clone(), c));
            }
            if claimed.is_empty() && relative.is_none() && last_quotation.as_ref().is_some_and(|q| q.2 != c) {
                last_quotation = None;
            }
            // `“…,” said Carson, who will address the convention. “…”`: a relative clause
            // inside the tag reports no quotation; the follow-up still continues Carson's.
            if relative.is_none() || !claimed.is_empty() {
                last = Some((clause.paragraph, resolved));
            }
        }
        // Quotations no cue claimed: follow-ups keep the latest speaker.
        for &i in &in_clause {
            if used[i] || !direct::opens_clause(clause, &runs[i]) {
                continue;
            }
            let Some((para, prev)) = &last else { continue };
            if clause.paragraph > *para + 1 || (clause.paragraph == *para + 1 && !runs[i].continues && !opens_paragraph(clause, &runs[i])) {
                continue;
            }
            used[i] = true;
            let continued = last_quotation.as_ref().filter(|(_, s, _)| !s.is_empty() && *s == prev.speaker).map(|q| q.0);
            let (cue, mention) = match lead_in.take() {
                Some((c, m)) if clause.paragraph == *para + 1 => (Some(c), Some(m)),
                _ => (continued, None),
            };
            out.push(Quote {
                span: runs[i].content,
                clause: runs[i].content,
                kind: QuoteKind::Direct,
                cue,
                speaker_mention: mention,
                speaker: prev.speaker.clone(),
                speaker_type: prev.kind,
                descriptions: prev.descriptions.clone(),
                confidence: 0.7,
                reports: CueClass::Speech,
            });
            last_quotation = cue.map(|cue| (cue, prev.speaker.clone(), c));
            last = Some((clause.paragraph, prev.clone()));
        }
        let opens_paragraph = clause_paragraph != Some(clause.paragraph);
        clause_paragraph = Some(clause.paragraph);
        // `Clinton: “…” Bush: “…”`: a labelled quotation may also follow another clause of
        // its paragraph when a quotation mark opens it.
        let quoted_label = |l: &(Span, speaker::Found, Span)| {
            clause.toks.iter().position(|t| t.span == l.0).and_then(|c| clause.toks.get(c + 1)).is_some_and(|t| !t.is_word && !t.quoted && clause.toks.iter().any(|q| q.quoted))
        };
        let labelled = indirect::labelled(clause).filter(|l| (opens_paragraph || quoted_label(l)) && frames.is_empty());
        let sourced = labelled.or_else(|| indirect::in_poll(clause).filter(|_| frames.is_empty()));
        if let Some((cue, found, content)) = sourced.filter(|l| !out.iter().any(|q| q.span.overlaps(l.2))) {
            let mention = Span::new(clause.toks[found.first].span.start, clause.toks[found.last].span.end);
            let resolved = speaker::resolve(text, &doc.entities, &mut history, &clause.toks, found);
            history.push(mention.end, &resolved);
            // A whole quotation after the colon is direct; otherwise the words are the content.
            let whole = |i: usize| {
                let r = runs[i].content;
                r.contains(content.trim(text))
                    || (content.contains(r) && tokens::word_count(text, r) + 1 >= tokens::word_count(text, content))
            };
            let run = in_clause.iter().copied().find(|&i| !used[i] && whole(i));
            let (span, kind) = match run {
                Some(i) => {
                    used[i] = true;
                    (runs[i].content, QuoteKind::Direct)
                }
                None => (content, QuoteKind::Indirect),
            };
            last_quotation = (kind == QuoteKind::Direct).then(|| (cue, resolved.speaker.clone(), c));
            out.push(Quote {
                span,
                clause: span,
                kind,
                cue: Some(cue),
                speaker_mention: Some(mention),
                speaker: resolved.speaker.clone(),
                speaker_type: resolved.kind,
                descriptions: resolved.descriptions.clone(),
                confidence: if resolved.speaker.is_empty() { 0.3 } else { 0.6 },
                reports: CueClass::Speech,
            });
            last = Some((clause.paragraph, resolved));
        }
        if let Some((cue, content)) = indirect::passive_question(clause).filter(|q| !out.iter().any(|o| o.span.overlaps(q.1))) {
            out.push(Quote {
                span: content,
                clause: content,
                kind: QuoteKind::Indirect,
                cue: Some(cue),
                speaker_mention: None,
                speaker: String::new(),
                speaker_type: SpeakerType::Unknown,
                descriptions: Vec::new(),
                confidence: 0.3,
                reports: CueClass::Speech,
            });
        }
        if let Some(words) = &doc.roles {
            // A clause closing the paragraph before with a colon leads in to this one.
            let lead = c.checked_sub(1).map(|p| &clauses[p]).filter(|p| p.paragraph + 1 == clause.paragraph && p.span.text(text).trim_end().ends_with(':'));
            for t in roles::tagged(text, clause, lead, words, doc.cue_words.as_deref()) {
                let toks = if t.lead { &lead.expect("a lead-in clause").toks } else { &clause.toks };
                if out.iter().chain(&tagged).any(|q| q.clause.overlaps(t.content) || q.span.overlaps(t.content)) {
                    continue;
                }
                let (mention, resolved) = match t.source {
                    Some(found) => {
                        let mention = Span::new(toks[found.first].span.start, toks[found.last].span.end);
                        let resolved = speaker::resolve(text, &doc.entities, &mut history, toks, found);
                        history.push(mention.end, &resolved);
                        (Some(mention), resolved)
                    }
                    None => (None, Resolved { speaker: String::new(), kind: SpeakerType::Unknown, descriptions: Vec::new() }),
                };
                let inside: Vec<usize> = (0..runs.len()).filter(|&i| !used[i] && t.content.contains(runs[i].content)).collect();
                let row = |span: Span, kind: QuoteKind| Quote {
                    span,
                    clause: if kind == QuoteKind::Direct { span } else { t.content },
                    kind,
                    cue: Some(t.cue),
                    speaker_mention: mention,
                    speaker: resolved.speaker.clone(),
                    speaker_type: resolved.kind,
                    descriptions: resolved.descriptions.clone(),
                    confidence: if resolved.speaker.is_empty() { 0.3 } else { 0.5 },
                    reports: CueClass::Other,
                };
                let whole = |i: usize| tokens::word_count(text, runs[i].content) + 2 >= tokens::word_count(text, t.content);
                match inside.as_slice() {
                    [] => tagged.push(Quote { span: roles::without_that(text, t.content), ..row(t.content, QuoteKind::Indirect) }),
                    &[i] if quotable[i] && whole(i) => tagged.push(row(runs[i].content, QuoteKind::Direct)),
                    many => tagged.extend(many.iter().map(|&i| row(runs[i].content, QuoteKind::Mixed))),
                }
                // A tagged quotation is followed up like a frame's (`… but now said Trump had
                // “…” ⏎ “…”`).
                if !inside.is_empty() && !resolved.speaker.is_empty() {
                    last_quotation = Some((t.cue, resolved.speaker.clone(), c));
                    last = Some((clause.paragraph, resolved.clone()));
                }
                for &i in &inside {
                    used[i] = true;
                }
            }
        }
        lead_in = None;
        if let Some((cue, found)) = indirect::lead_in(clause) {
            let mention = Span::new(clause.toks[found.first].span.start, clause.toks[found.last].span.end);
            let resolved = speaker::resolve(text, &doc.entities, &mut history, &clause.toks, found);
            history.push(mention.end, &resolved);
            last = Some((clause.paragraph, resolved));
            lead_in = Some((cue, mention));
        }
    }
    if let Some(words) = &doc.roles {
        // The role tagger reads PolNeAR's content bounds better than the frames do: an indirect
        // row takes the run of content words it shares most with as its clause (its quote stays
        // the reported clause of ANNOTATION.md, without `that`); one no run overlaps and whose
        // words the tagger scores low as content is no attribution.
        let runs = roles::content_runs(text, words);
        for q in out.iter_mut().filter(|q| q.kind == QuoteKind::Indirect) {
            if let Some(r) = roles::snap(q.clause, &runs) {
                q.clause = r;
            }
        }
        out.retain(|q| q.kind != QuoteKind::Indirect || roles::content_mean(words, q.clause) >= roles::CONTENT_KEEP);
        // A mixed row's clause is the content run around its quoted words.
        for q in out.iter_mut().filter(|q| q.kind == QuoteKind::Mixed) {
            if let Some(r) = roles::snap(q.clause, &runs).filter(|r| r.contains(q.span)) {
                q.clause = r;
            }
        }
    }
    let tagged: Vec<Quote> = tagged.into_iter().filter(|t| !out.iter().any(|q| q.clause.overlaps(t.clause) || q.span.overlaps(t.span))).collect();
    out.extend(tagged);
    out.sort_by_key(|q| (q.span.start, q.span.end));
    out.dedup_by(|b, a| a.span.overlaps(b.span));
    out
}

/// A follow-up in the next paragraph must open its clause with the quotation mark itself.
fn opens_paragraph(clause: &tokens::Clause, run: &marks::Run) -> bool {
    clause.toks.first().is_some_and(|t| t.span == run.open)
}

#[cfg(test)]
mod tests;
