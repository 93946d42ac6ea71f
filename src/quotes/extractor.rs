//! The extractor: one document's quotes, read clause by clause in a fixed order of passes.
//!
//! [`Extractor`] holds what one clause hands to the next: which quotation runs are taken, the
//! speakers seen so far (for pronouns), the latest speaker and quotation (for follow-ups), a
//! paragraph-final lead-in, and the role tagger's rows waiting for the end. Per clause the
//! passes are, in order:
//!
//! 1. [`frames`](Extractor::frames): the clause's cues and the frame each builds;
//! 2. [`claim`](Extractor::claim) and [`frame_rows`](Extractor::frame_rows): each frame takes
//!    its quotation runs and becomes direct, mixed, indirect or stance rows;
//! 3. [`follow_ups`](Extractor::follow_ups): runs no cue took keep the latest speaker;
//! 4. [`labelled`](Extractor::labelled): `NAME: …` and `In a … poll, …` with no cue frame;
//! 5. [`passive_question`](Extractor::passive_question): `Asked whether …` with no asker;
//! 6. [`role_tagger`](Extractor::role_tagger): content only the learned tagger marks;
//! 7. [`lead_in`](Extractor::lead_in): a paragraph-final `X said:` for the next paragraph.
//!
//! At the end [`snap_to_tagger`](Extractor::snap_to_tagger) fits indirect and mixed clauses to
//! the tagger's content runs and [`merge_tagged`](Extractor::merge_tagged) adds the tagger's
//! rows no frame covers. Hands on the sorted [`Quote`]s to [`super::extract`].

use super::cues;
use super::frames::{self, Frame};
use super::lexicon::CueType;
use super::marks::Run;
use super::speaker::{self, Found, History, Resolved};
use super::tokens::{self, Clause, Tok};
use super::{direct, roles, CueClass, Quote, QuoteKind, Rule, SpeakerType};
use crate::doc::Analysed;
use crate::labels::RoleScores;
use crate::span::Span;

/// A direct quotation in a cue frame: the words and their tag are both explicit.
const DIRECT: f32 = 0.9;
/// A mixed quote: the quoted words are sure, the paraphrase around them less so.
const MIXED: f32 = 0.75;
/// An indirect quote: both the content bounds and the source are inferred.
const INDIRECT: f32 = 0.6;
/// Taken off a frame's row whose speaker resolves to no name.
const UNNAMED: f32 = 0.3;
/// A follow-up quotation: the speaker is carried over, not stated.
const FOLLOW_UP: f32 = 0.7;
/// A labelled (`NAME: …`) or poll row with a named source: no cue verb, only a colon or `in`.
const LABELLED: f32 = 0.6;
/// A row only the role tagger found: no rule frames it.
const TAGGED: f32 = 0.5;
/// A labelled or tagged row whose source has no name, and a passive question, which has none.
const SOURCELESS: f32 = 0.3;

/// A frame's content shorter than this many words reports nothing (an object cue's needs one).
const MIN_CONTENT_WORDS: usize = 3;
/// After a labelled name's colon, a quotation run at most this many words short of the
/// content is the whole content (`Clinton: “…”` with a stray word outside the marks).
const LABEL_RUN_SLACK: usize = 1;
/// A tagged content run with one quotation run at most this many words longer than the run
/// (its cue's particle, a colon) is that quotation.
const TAGGED_RUN_SLACK: usize = 2;

/// The latest quotation row: its cue, speaker and clause index. A follow-up of the same
/// speaker continues it and carries its cue (PolNeAR: one attribution per source and cue), also
/// past an indirect row of the same clause (`“…,” Clark said, noting that …`).
type LastQuotation = (Span, String, usize);

/// The source of a row with what it resolved to: the fields every row copies.
struct Attribution<'a> {
    cue: Option<Span>,
    mention: Option<Span>,
    resolved: &'a Resolved,
    reports: CueClass,
}

impl Attribution<'_> {
    /// A frame row's confidence: `base`, less [`UNNAMED`] when the speaker has no name.
    fn confidence(&self, base: f32) -> f32 {
        if self.resolved.speaker.is_empty() {
            base - UNNAMED
        } else {
            base
        }
    }

    fn row(&self, span: Span, clause: Span, kind: QuoteKind, rule: Rule, confidence: f32) -> Quote {
        Quote {
            span,
            clause,
            kind,
            rule,
            cue: self.cue,
            speaker_mention: self.mention,
            speaker: self.resolved.speaker.clone(),
            speaker_type: self.resolved.kind,
            descriptions: self.resolved.descriptions.clone(),
            confidence,
            reports: self.reports,
        }
    }
}

/// The clause being read: its index, its tokens and the quotation runs inside it.
struct ClauseAt<'c> {
    index: usize,
    clause: &'c Clause,
    /// Indices of the quotable runs whose content lies in the clause.
    runs: Vec<usize>,
}

/// A frame's speaker phrase, resolved.
struct FrameSource {
    /// The words naming the source at the cue (the relative pronoun for `X, who said …`).
    mention: Span,
    resolved: Resolved,
    /// The mention is a relative pronoun whose antecedent speaks (`Beck, who has described …`).
    relative: bool,
}

/// One document's extraction state; see the module docs for the passes.
pub(super) struct Extractor<'d> {
    doc: &'d Analysed,
    text: &'d str,
    runs: Vec<Run>,
    /// Whether each run is a quotation rather than a scare quote, term or title.
    quotable: Vec<bool>,
    /// Runs already given to a row.
    used: Vec<bool>,
    history: History,
    /// The speaker of the latest quote and its paragraph, for cue-less follow-up quotations.
    last: Option<(usize, Resolved)>,
    last_quotation: Option<LastQuotation>,
    /// A paragraph-final `X said:` (cue, mention) waiting for the quotation opening the next
    /// paragraph.
    lead_in: Option<(Span, Span)>,
    /// The paragraph of the previous clause: a clause in another one opens its paragraph.
    clause_paragraph: Option<usize>,
    /// Attributions from the role tagger ([`roles`]); they give way to any frame's rows.
    tagged: Vec<Quote>,
    out: Vec<Quote>,
}

impl<'d> Extractor<'d> {
    pub(super) fn new(doc: &'d Analysed, runs: Vec<Run>) -> Self {
        let text = doc.text.as_str();
        let quotable = runs.iter().map(|r| direct::is_quotation(text, r)).collect();
        let mut history = History::default();
        history.learn_honorifics(text, &doc.entities);
        history.learn_people(text, &doc.entities, runs.iter().map(|r| r.content).collect());
        Extractor {
            doc,
            text,
            used: vec![false; runs.len()],
            runs,
            quotable,
            history,
            last: None,
            last_quotation: None,
            lead_in: None,
            clause_paragraph: None,
            tagged: Vec::new(),
            out: Vec::new(),
        }
    }

    /// Runs every pass over clause `index`; `before` is the clause before it, if any.
    pub(super) fn clause(&mut self, index: usize, clause: &Clause, before: Option<&Clause>) {
        let frames = self.frames(clause);
        let runs =
            (0..self.runs.len()).filter(|&i| self.quotable[i] && clause.span.contains(self.runs[i].content)).collect();
        let at = ClauseAt { index, clause, runs };
        let claims = self.claim(&frames, &at.runs);
        for (f, claimed) in frames.iter().zip(claims) {
            self.frame_rows(&at, &frames, f, claimed);
        }
        self.follow_ups(&at);
        self.labelled(&at, frames.is_empty());
        self.passive_question(clause);
        let doc = self.doc;
        if let Some(words) = &doc.roles {
            self.role_tagger(&at, before, words);
        }
        self.lead_in(clause);
    }

    /// The rows of the whole document, sorted by start, overlapping rows dropped.
    pub(super) fn finish(mut self) -> Vec<Quote> {
        let doc = self.doc;
        if let Some(words) = &doc.roles {
            self.snap_to_tagger(words);
        }
        self.merge_tagged();
        self.out.sort_by_key(|q| (q.span.start, q.span.end));
        self.out.dedup_by(|b, a| a.span.overlaps(b.span));
        self.out
    }

    /// Resolves the phrase `found` of `toks` and records it for later pronouns; returns the
    /// phrase's span and the resolved speaker.
    fn resolve(&mut self, toks: &[Tok], found: Found) -> (Span, Resolved) {
        let phrase = found.span(toks);
        let resolved = speaker::resolve(self.text, &self.doc.entities, &mut self.history, toks, found);
        self.history.push(phrase.end, &resolved);
        (phrase, resolved)
    }

    /// The clause's cues, in order, each with the frame it builds. With the learned detector,
    /// a lexicon cue it scores below [`cues::LEXICON_KEEP`] is no cue (`the so-called …`, `a
    /// report card`); words outside the lexicon it scores high are.
    fn frames(&self, clause: &Clause) -> Vec<Frame> {
        let mut found = cues::find(&clause.toks);
        if let Some(words) = &self.doc.cue_words {
            found.retain(|c| {
                cues::score(words, Span::new(clause.toks[c.first].span.start, clause.toks[c.last].span.end))
                    >= cues::LEXICON_KEEP
            });
            found.extend(cues::learned(&clause.toks, words, &found));
        }
        found.sort_by_key(|c| c.first);
        let mut frames: Vec<Frame> = found.into_iter().filter_map(|c| frames::frame(clause, c)).collect();
        // `“…,” he said, adding that “…”`: a participle with no subject of its own (the clause
        // opens with the quotation) takes the speaker of the cue before it.
        for k in 1..frames.len() {
            if frames[k].speaker.is_none() && frames[k].cue.text(self.text).ends_with("ing") {
                frames[k].speaker = frames[k - 1].speaker;
            }
        }
        frames
    }

    /// Gives each quotation run of the clause to the nearest cue before it whose content covers
    /// it (`hailed the deal, saying … “…”` -> `saying`), so claims are made from the last frame
    /// backwards. Returns the runs each frame claimed.
    fn claim(&mut self, frames: &[Frame], in_clause: &[usize]) -> Vec<Vec<usize>> {
        let mut claims: Vec<Vec<usize>> = vec![Vec::new(); frames.len()];
        for (k, f) in frames.iter().enumerate().rev() {
            for &i in in_clause {
                if !self.used[i] && self.runs[i].content.overlaps(f.content) && f.speaker.is_some() {
                    self.used[i] = true;
                    claims[k].push(i);
                }
            }
        }
        claims
    }

    /// The rows of frame `f` with the runs it `claimed`: its quotations, or else its indirect
    /// (or stance) content; then the speaker state follow-ups read.
    fn frame_rows(&mut self, at: &ClauseAt, frames: &[Frame], f: &Frame, mut claimed: Vec<usize>) {
        // A stance cue (`praised`, `endorsed`, `declined`) reports its object, however short;
        // inside another cue's content it is part of what that cue reports (`DeSantis said he
        // has supported legislation …`).
        if f.class.takes_object()
            && claimed.is_empty()
            && frames.iter().any(|g| !g.class.takes_object() && g.content.contains(f.cue))
        {
            return;
        }
        let object = self.evaluative_term(at, f, &mut claimed);
        let Some((f, later)) = self.bounded(at, frames, f, &claimed) else { return };
        let Some(source) = self.frame_source(at.clause, &f) else { return };
        let attribution = Attribution {
            cue: Some(f.cue),
            mention: Some(source.mention),
            resolved: &source.resolved,
            reports: if f.learned { CueClass::Other } else { f.class.reports() },
        };
        if claimed.is_empty() {
            let row = indirect_row(self.text, &f, &attribution);
            self.out.push(row);
        } else {
            let rows = self.quotation_rows(at.clause, &f, later, object, &claimed, &attribution);
            self.out.extend(rows);
            self.last_quotation = Some((f.cue, source.resolved.speaker.clone(), at.index));
        }
        if claimed.is_empty() && !source.relative && self.last_quotation.as_ref().is_some_and(|q| q.2 != at.index) {
            self.last_quotation = None;
        }
        // `“…,” said Carson, who will address the convention. “…”`: a relative clause inside the
        // tag reports no quotation; the follow-up still continues Carson's.
        if !source.relative || !claimed.is_empty() {
            self.last = Some((at.clause.paragraph, source.resolved));
        }
    }

    /// `Comey called Clinton's use of private email "extremely careless"`: an evaluative cue with
    /// a quoted term in its object. PolNeAR annotates the object with the term (the seed gold
    /// leaves such terms optional), so the object up to the term is the mixed quote. Claims the
    /// term's run and returns the object's span.
    fn evaluative_term(&mut self, at: &ClauseAt, f: &Frame, claimed: &mut Vec<usize>) -> Option<Span> {
        if f.class != CueType::Evaluative || !claimed.is_empty() || f.speaker.is_none() {
            return None;
        }
        let runs = &self.runs;
        let term = (0..runs.len()).find(|&i| {
            !self.used[i]
                && !self.quotable[i]
                && at.clause.span.contains(runs[i].content)
                && f.content.contains(runs[i].content)
        });
        // `called for more “flexibility”`, `called on X to …`: a request, not a label.
        let first_word = f.content.text(self.text).split_whitespace().next().unwrap_or("").to_lowercase();
        let request = matches!(first_word.as_str(), "for" | "on" | "off" | "to" | "in" | "back");
        let i = term.filter(|&i| runs[i].content.start > f.content.start && !request)?;
        self.used[i] = true;
        claimed.push(i);
        Some(Span::new(f.content.start, runs[i].content.end))
    }

    /// Frame `f` with its content bounded by the other rows and cues of the clause, and the
    /// later cue inside its content; `None` when nothing is left to report.
    fn bounded(&self, at: &ClauseAt, frames: &[Frame], f: &Frame, claimed: &[usize]) -> Option<(Frame, Option<Span>)> {
        let min_words = if f.class.takes_object() { 1 } else { MIN_CONTENT_WORDS };
        if claimed.is_empty() && tokens::word_count(self.text, f.content) < min_words {
            return None;
        }
        let covers_claimed =
            |content: Span| at.runs.iter().any(|&i| self.used[i] && self.runs[i].content.overlaps(content));
        // A later cue of the clause inside this frame's content.
        let later = frames
            .iter()
            .filter(|g| g.class != CueType::Stance)
            .map(|g| g.cue)
            .find(|c| c.start > f.cue.end && f.content.contains(*c));
        let content = match later {
            // `Boreing said the members will still meet, but said, “…”`: the content stops
            // before a later cue of the clause that claimed the quotation.
            Some(later) if claimed.is_empty() && covers_claimed(f.content) => {
                frames::before_cue(at.clause, f.content, later)
            }
            // `Trump justified the measure by claiming that …`: what a learned cue reports ends
            // where a lexicon cue inside it starts reporting.
            Some(later) if claimed.is_empty() && f.learned => frames::up_to_cue(at.clause, f.content, later),
            _ => Some(f.content),
        }?;
        if claimed.is_empty()
            && (covers_claimed(content)
                || self.out.iter().any(|q| q.span.overlaps(content) && q.kind != QuoteKind::Indirect))
        {
            return None;
        }
        let aside = f.aside.filter(|a| content.contains(*a));
        Some((Frame { content, aside, ..f.clone() }, later))
    }

    /// The frame's speaker, resolved; `None` when the frame has none or it cannot name a
    /// source. The role tagger overrules the frame's subject when it scores none of its words
    /// as a source and marks a source elsewhere in the clause: the frame had taken a dateline
    /// (`CLEVELAND —`), a time (`this week`) or the wrong noun (`in a statement`).
    fn frame_source(&mut self, clause: &Clause, f: &Frame) -> Option<FrameSource> {
        let found = f.speaker.filter(|&s| speaker::plausible(&clause.toks, s))?;
        let found = match &self.doc.roles {
            Some(words) if roles::source_max(words, found.span(&clause.toks)) < roles::SOURCE_MIN => {
                roles::source_near(self.text, clause, words, f.cue, f.content, false).unwrap_or(found)
            }
            _ => found,
        };
        let (phrase, resolved) = self.resolve(&clause.toks, found);
        // `Beck, who has described Trump as …`: the relative pronoun names the source at the
        // cue (like `he`); the speaker is its antecedent.
        let relative = speaker::relative_before(&clause.toks, found, f.cue);
        Some(FrameSource { mention: relative.unwrap_or(phrase), resolved, relative: relative.is_some() })
    }

    /// The direct or mixed rows of the runs a frame `claimed`. Words from a `later` cue on
    /// (`“…,” adding, “…”`) belong to that cue's frame; with quotations claimed the content was
    /// kept whole, so `later` still lies inside it. `object` is an evaluative cue's object.
    fn quotation_rows(
        &self,
        clause: &Clause,
        f: &Frame,
        later: Option<Span>,
        object: Option<Span>,
        claimed: &[usize],
        attribution: &Attribution,
    ) -> Vec<Quote> {
        let text = self.text;
        let own = later.map_or(f.content, |c| Span::new(f.content.start, c.start));
        let kind = direct::kind_in(clause, own, f.aside);
        // A direct quotation is its own clause; a mixed one sits in the frame's content.
        let around = object.unwrap_or(f.content).trim(text);
        let claimed_runs: Vec<&Run> = claimed.iter().map(|&i| &self.runs[i]).collect();
        // A tag after its content bounds the clause already (`“…,” itself a rebuttal, was an
        // inferior slogan, he said`); only content after its cue is cut after the runs.
        let around = if around.end <= f.cue.start {
            around
        } else {
            direct::mixed_clause(clause, around, &claimed_runs).trim(text)
        };
        let confidence = |base: f32| attribution.confidence(base);
        claimed
            .iter()
            .map(|&i| {
                let span = self.runs[i].content;
                match (object, kind) {
                    (Some(_), _) => attribution.row(
                        span,
                        around.cover(span),
                        QuoteKind::Mixed,
                        Rule::MixedEvaluativeTerm,
                        confidence(MIXED),
                    ),
                    (None, QuoteKind::Mixed) => attribution.row(
                        span,
                        around.cover(span),
                        QuoteKind::Mixed,
                        Rule::MixedVerbFrame,
                        confidence(MIXED),
                    ),
                    _ => attribution.row(span, span, kind, direct_rule(f, span), confidence(DIRECT)),
                }
            })
            .collect()
    }

    /// Quotations no cue claimed: a run opening its clause right after the latest speaker's
    /// quote (same paragraph, or the next one when the run continues the quotation or opens
    /// the paragraph) keeps that speaker, and the cue of a lead-in or of the quotation it
    /// continues.
    fn follow_ups(&mut self, at: &ClauseAt) {
        let clause = at.clause;
        for &i in &at.runs {
            if self.used[i] || !direct::opens_clause(clause, &self.runs[i]) {
                continue;
            }
            let Some((para, prev)) = &self.last else { continue };
            let para = *para;
            if clause.paragraph > para + 1
                || (clause.paragraph == para + 1 && !self.runs[i].continues && !opens_paragraph(clause, &self.runs[i]))
            {
                continue;
            }
            let prev = prev.clone();
            self.used[i] = true;
            let continued =
                self.last_quotation.as_ref().filter(|(_, s, _)| !s.is_empty() && *s == prev.speaker).map(|q| q.0);
            let (cue, mention, rule) = match self.lead_in.take() {
                Some((c, m)) if clause.paragraph == para + 1 => (Some(c), Some(m), Rule::DirectLeadIn),
                _ => (continued, None, Rule::DirectFollowUp),
            };
            let span = self.runs[i].content;
            let attribution = Attribution { cue, mention, resolved: &prev, reports: CueClass::Speech };
            self.out.push(attribution.row(span, span, QuoteKind::Direct, rule, FOLLOW_UP));
            self.last_quotation = cue.map(|cue| (cue, prev.speaker.clone(), at.index));
            self.last = Some((clause.paragraph, prev));
        }
    }

    /// A source named before a colon (`Graham: …`, `JAKE TAPPER: …`) or a poll (`In a CNN poll,
    /// …`) in a clause with no cue frame (`no_frames`): a whole quotation after the colon is a
    /// direct row, other words an indirect one.
    fn labelled(&mut self, at: &ClauseAt, no_frames: bool) {
        let clause = at.clause;
        let opens_paragraph = self.clause_paragraph != Some(clause.paragraph);
        self.clause_paragraph = Some(clause.paragraph);
        // `Clinton: “…” Bush: “…”`: a labelled quotation may also follow another clause of its
        // paragraph when a quotation mark opens it.
        let quoted_label = |l: &(Span, Found, Span)| {
            let colon = clause.toks.iter().position(|t| t.span == l.0);
            colon
                .and_then(|c| clause.toks.get(c + 1))
                .is_some_and(|t| !t.is_word && !t.quoted && clause.toks.iter().any(|q| q.quoted))
        };
        let labelled =
            frames::labelled(clause).filter(|l| (opens_paragraph || quoted_label(l)) && no_frames).map(|l| (l, true));
        let sourced = labelled.or_else(|| frames::in_poll(clause).filter(|_| no_frames).map(|l| (l, false)));
        let Some(((cue, found, content), label)) =
            sourced.filter(|(l, _)| !self.out.iter().any(|q| q.span.overlaps(l.2)))
        else {
            return;
        };
        let (mention, resolved) = self.resolve(&clause.toks, found);
        let text = self.text;
        let whole = |i: usize| {
            let r = self.runs[i].content;
            r.contains(content.trim(text))
                || (content.contains(r)
                    && tokens::word_count(text, r) + LABEL_RUN_SLACK >= tokens::word_count(text, content))
        };
        let run = at.runs.iter().copied().find(|&i| !self.used[i] && whole(i));
        let (span, kind, rule) = match run {
            Some(i) => {
                self.used[i] = true;
                (self.runs[i].content, QuoteKind::Direct, Rule::DirectLabel)
            }
            None if label => (content, QuoteKind::Indirect, Rule::IndirectLabel),
            None => (content, QuoteKind::Indirect, Rule::IndirectPoll),
        };
        self.last_quotation = (kind == QuoteKind::Direct).then(|| (cue, resolved.speaker.clone(), at.index));
        let confidence = if resolved.speaker.is_empty() { SOURCELESS } else { LABELLED };
        let attribution =
            Attribution { cue: Some(cue), mention: Some(mention), resolved: &resolved, reports: CueClass::Speech };
        self.out.push(attribution.row(span, span, kind, rule, confidence));
        self.last = Some((clause.paragraph, resolved));
    }

    /// A passive `Asked whether …` no other row covers: an indirect row with no source.
    fn passive_question(&mut self, clause: &Clause) {
        let Some((cue, content)) =
            frames::passive_question(clause).filter(|q| !self.out.iter().any(|o| o.span.overlaps(q.1)))
        else {
            return;
        };
        let nobody = unresolved();
        let attribution = Attribution { cue: Some(cue), mention: None, resolved: &nobody, reports: CueClass::Speech };
        self.out.push(attribution.row(
            content,
            content,
            QuoteKind::Indirect,
            Rule::IndirectPassiveQuestion,
            SOURCELESS,
        ));
    }

    /// Content the role tagger marks and no row covers yet, kept aside in `tagged` until the
    /// end. A clause closing the paragraph `before` with a colon leads in to this one.
    fn role_tagger(&mut self, at: &ClauseAt, before: Option<&Clause>, words: &[(Span, RoleScores)]) {
        let (text, clause) = (self.text, at.clause);
        let lead =
            before.filter(|p| p.paragraph + 1 == clause.paragraph && p.span.text(text).trim_end().ends_with(':'));
        for t in roles::tagged(text, clause, lead, words, self.doc.cue_words.as_deref()) {
            if self.out.iter().chain(&self.tagged).any(|q| q.clause.overlaps(t.content) || q.span.overlaps(t.content)) {
                continue;
            }
            let toks = if t.lead { &lead.expect("a lead-in clause").toks } else { &clause.toks };
            let (mention, resolved) = match t.source {
                Some(found) => {
                    let (mention, resolved) = self.resolve(toks, found);
                    (Some(mention), resolved)
                }
                None => (None, unresolved()),
            };
            let inside: Vec<usize> =
                (0..self.runs.len()).filter(|&i| !self.used[i] && t.content.contains(self.runs[i].content)).collect();
            let rows = self.tagged_rows(
                &t,
                &inside,
                &Attribution { cue: Some(t.cue), mention, resolved: &resolved, reports: CueClass::Other },
            );
            self.tagged.extend(rows);
            // A tagged quotation is followed up like a frame's (`… but now said Trump had “…”`
            // ⏎ `“…”`).
            if !inside.is_empty() && !resolved.speaker.is_empty() {
                self.last_quotation = Some((t.cue, resolved.speaker.clone(), at.index));
                self.last = Some((clause.paragraph, resolved.clone()));
            }
            for &i in &inside {
                self.used[i] = true;
            }
        }
    }

    /// The rows of one tagged attribution with the free runs `inside` its content: the content
    /// without `that` when it holds none, a direct row when one quotation is (nearly) all of
    /// it, else a mixed row per run.
    fn tagged_rows(&self, t: &roles::Tagged, inside: &[usize], attribution: &Attribution) -> Vec<Quote> {
        let text = self.text;
        let confidence = if attribution.resolved.speaker.is_empty() { SOURCELESS } else { TAGGED };
        let whole = |i: usize| {
            tokens::word_count(text, self.runs[i].content) + TAGGED_RUN_SLACK >= tokens::word_count(text, t.content)
        };
        match inside {
            [] => vec![attribution.row(
                roles::without_that(text, t.content),
                t.content,
                QuoteKind::Indirect,
                Rule::TaggerIndirect,
                confidence,
            )],
            &[i] if self.quotable[i] && whole(i) => {
                let span = self.runs[i].content;
                vec![attribution.row(span, span, QuoteKind::Direct, Rule::TaggerDirect, confidence)]
            }
            many => many
                .iter()
                .map(|&i| {
                    attribution.row(self.runs[i].content, t.content, QuoteKind::Mixed, Rule::TaggerMixed, confidence)
                })
                .collect(),
        }
    }

    /// A paragraph-final `X said:` (its speaker becomes the latest) waits for the quotation
    /// opening the next paragraph; any earlier one is dropped.
    fn lead_in(&mut self, clause: &Clause) {
        self.lead_in = None;
        if let Some((cue, found)) = frames::lead_in(clause) {
            let (mention, resolved) = self.resolve(&clause.toks, found);
            self.last = Some((clause.paragraph, resolved));
            self.lead_in = Some((cue, mention));
        }
    }

    /// The role tagger reads PolNeAR's content bounds better than the frames do: an indirect
    /// row takes the run of content words it shares most with as its clause (its quote stays
    /// the reported clause of ANNOTATION.md, without `that`); one no run overlaps and whose
    /// words the tagger scores low as content is no attribution. A mixed row's clause is the
    /// content run around its quoted words.
    fn snap_to_tagger(&mut self, words: &[(Span, RoleScores)]) {
        let runs = roles::content_runs(self.text, words);
        for q in self.out.iter_mut().filter(|q| q.kind == QuoteKind::Indirect) {
            if let Some(r) = roles::snap(q.clause, &runs) {
                q.clause = r;
            }
        }
        self.out
            .retain(|q| q.kind != QuoteKind::Indirect || roles::content_mean(words, q.clause) >= roles::CONTENT_KEEP);
        for q in self.out.iter_mut().filter(|q| q.kind == QuoteKind::Mixed) {
            if let Some(r) = roles::snap(q.clause, &runs).filter(|r| r.contains(q.span)) {
                q.clause = r;
            }
        }
    }

    /// Adds the tagger's rows that overlap no other row.
    fn merge_tagged(&mut self) {
        let tagged = std::mem::take(&mut self.tagged);
        let free: Vec<Quote> = tagged
            .into_iter()
            .filter(|t| !self.out.iter().any(|q| q.clause.overlaps(t.clause) || q.span.overlaps(t.span)))
            .collect();
        self.out.extend(free);
    }
}

/// The indirect (or stance) row of a frame that claimed no quotation. Around a parenthetical
/// tag, the longer side is the reported clause.
fn indirect_row(text: &str, f: &Frame, attribution: &Attribution) -> Quote {
    let content = match f.aside {
        Some(a) if a.start - f.content.start >= f.content.end - a.end => Span::new(f.content.start, a.start),
        Some(a) => Span::new(a.end, f.content.end),
        None => f.content,
    };
    let content = content.trim(text);
    let rule = match f.class {
        CueType::According => Rule::IndirectAccordingTo,
        CueType::Noun => Rule::IndirectSpeechNoun,
        class if class.takes_object() => Rule::StanceObject,
        _ if content.end <= f.cue.start => Rule::IndirectTagAfter,
        _ => Rule::IndirectThatClause,
    };
    attribution.row(content, content, QuoteKind::Indirect, rule, attribution.confidence(INDIRECT))
}

/// The rule of a direct row of frame `f`: split by its tag, before it or after it.
fn direct_rule(f: &Frame, span: Span) -> Rule {
    if f.aside.is_some() {
        Rule::DirectSplit
    } else if span.start >= f.cue.end {
        Rule::DirectTagBefore
    } else {
        Rule::DirectTagAfter
    }
}

/// No source: the speaker of a passive question, or of tagged content the tagger gives none.
fn unresolved() -> Resolved {
    Resolved { speaker: String::new(), kind: SpeakerType::Unknown, descriptions: Vec::new() }
}

/// A follow-up in the next paragraph must open its clause with the quotation mark itself.
fn opens_paragraph(clause: &Clause, run: &Run) -> bool {
    clause.toks.first().is_some_and(|t| t.span == run.open)
}
