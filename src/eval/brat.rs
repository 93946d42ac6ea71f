//! PolNeAR gold: scores the pipeline's `quotes.csv` (with `attributions.csv`, the stances, when
//! present) against the attributions of a brat split, read by [`crate::formats::brat`]. Hands an
//! [`AttributionScores`] section to the [`TableReport`].
//!
//! Scoring: a gold quote is an attribution's Content, its speaker the Source span. A predicted
//! quote is scored by its `clause_start`/`clause_end` columns (the whole reported clause, which
//! PolNeAR calls content, also around a mixed quote's marked words); it matches one to one by
//! word-token overlap (see [`super::metrics::TokenSpan::overlap`]).
//! Its speaker is right when its mention offsets overlap the Source span, or its name equals the
//! Source text, or the name's last word is a word of the Source text (`Hillary Clinton` for
//! `Clinton’s campaign`: PolNeAR marks the mention, not a resolved name). For an attribution
//! without a source the speaker is right only when the prediction names none. The `quoted`
//! subset is the attributions whose Content holds a quotation mark (`"` `“` `”` `«` `»`, or `''`),
//! scored against the predictions that pass the same test: a scored span that holds such a mark,
//! where a `direct` or `mixed` row's span counts with the two code points on either side, since its
//! quote stops inside its own marks. A quotation in single marks (`‘Troubling.’`, a headline's)
//! is in the subset on neither side (`’` is also the apostrophe).
//!
//! Folding rows into attribution units: PolNeAR's unit is one attribution per source and cue,
//! so `“A,” he said, “B.”` followed by a cue-less `“C.”` is one gold attribution, while
//! `quotes.csv` has one row per quoted passage (as ANNOTATION.md asks). Before matching, the
//! rows of one document, in `start` order, are folded into units ([`fold_units`]):
//! - a row whose cue offsets (`cue_start`, `cue_end`) equal those of an earlier row joins that
//!   row's unit (both passages of a split quotation carry the same `said`);
//! - a row with no cue offsets joins the unit of the row directly before it when both name the
//!   same non-empty speaker (compared with [`normalize_name`]) and the row starts in the same
//!   paragraph (a line of the text) as that row or in the next non-blank one.
//!
//! A unit claims the words of its rows ([`UnitSpan::Parts`], the default): for
//! `“A,” said X, a lawyer at Cristosal, “B.”` the words of A and B, not those of the tag between
//! them, as PolNeAR's content is discontinuous there (`Content 0 23;37 63`: 536 of the 3,538
//! contents of the last 20 train articles of each outlet have several fragments).
//! [`UnitSpan::Hull`] (`--unit-span hull`) counts everything from the first row's `start` to the
//! last row's `end` instead, the tag included, the rule of reports before 2026-11-23. A unit's
//! `start` and `end` are that hull in both cases. It is `direct` when any row is in the
//! `quoted` subset, else `indirect`; its speaker and mention are those of its first row that
//! has mention offsets (else of its first row). The folded scores are the PolNeAR numbers
//! (`all`, `quoted`); the scores of the rows as written are kept under `rows`.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use super::metrics::{match_greedy, normalize_name, TokenSpan};
use super::read::Rows;
use super::report::{snippet, TableReport};
use super::scores::{AttributionScores, AttributionSet};
use super::{EvalError, GoldFormat, Options, UnitSpan};
use crate::export::{DocumentRow, QuoteRow};
use crate::formats::brat::has_quote_mark;
use crate::labels::QuoteKind;

use crate::formats::brat::{GoldArticle, GoldAttribution};

/// A predicted quote of `quotes.csv`, or a unit of folded rows.
#[derive(Debug, Clone, PartialEq)]
pub struct PredQuote {
    /// The scored span: a row's `clause_start`..`clause_end`, a unit's hull.
    pub start: usize,
    pub end: usize,
    pub speaker: String,
    pub speaker_span: Option<(usize, usize)>,
    pub cue: Option<(usize, usize)>,
    pub kind: QuoteKind,
    /// In the `quoted` subset: the scored span holds a quotation mark, with the marks around a
    /// direct or mixed row's quote (module docs), the test the gold side gets.
    pub quoted: bool,
    /// The `[start, end)` ranges of the rows folded into this unit; empty means `start..end`.
    pub parts: Vec<(usize, usize)>,
    /// The row's `speaker_id` (a unit's: its speaker row's); empty in tables that predate it.
    pub speaker_id: String,
}

impl PredQuote {
    /// The ranges whose words it claims: its parts, or `start..end` when it has none.
    fn ranges(&self) -> Vec<(usize, usize)> {
        if self.parts.is_empty() {
            vec![(self.start, self.end)]
        } else {
            self.parts.clone()
        }
    }
}

/// Folds the rows of one document into attribution units (rule in the module docs). `text` is
/// the document's characters, for paragraph numbers; the result is in `start` order.
pub fn fold_units(rows: &[PredQuote], text: &[char]) -> Vec<PredQuote> {
    // Paragraph number of a code point offset: non-blank lines started at or before it.
    let mut line_starts = Vec::new();
    let mut line_start = 0;
    for (i, c) in text.iter().chain(std::iter::once(&'\n')).enumerate() {
        if *c == '\n' {
            if text[line_start..i.min(text.len())].iter().any(|c| !c.is_whitespace()) {
                line_starts.push(line_start);
            }
            line_start = i + 1;
        }
    }
    let paragraph = |at: usize| line_starts.partition_point(|&s| s <= at);
    let mut order: Vec<&PredQuote> = rows.iter().collect();
    order.sort_by_key(|r| (r.start, r.end));
    // Per unit: its rows in order.
    let mut units: Vec<Vec<&PredQuote>> = Vec::new();
    let mut unit_of_prev: Option<usize> = None;
    for (k, row) in order.iter().enumerate() {
        let joins = match row.cue {
            Some(cue) => units.iter().position(|u| u.iter().any(|r| r.cue == Some(cue))),
            None => unit_of_prev.filter(|_| {
                let prev = order[k - 1];
                let name = normalize_name(&row.speaker);
                !name.is_empty()
                    && name == normalize_name(&prev.speaker)
                    && paragraph(row.start) <= paragraph(prev.start) + 1
            }),
        };
        let u = match joins {
            Some(u) => {
                units[u].push(row);
                u
            }
            None => {
                units.push(vec![row]);
                units.len() - 1
            }
        };
        unit_of_prev = Some(u);
    }
    let mut out: Vec<PredQuote> = units
        .into_iter()
        .map(|u| {
            let head = u.iter().find(|r| r.speaker_span.is_some()).unwrap_or(&u[0]);
            let quoted = u.iter().any(|r| r.quoted);
            PredQuote {
                start: u[0].start,
                end: u.iter().map(|r| r.end).max().unwrap_or(u[0].end),
                speaker: head.speaker.clone(),
                speaker_span: head.speaker_span,
                cue: head.cue,
                kind: if quoted { QuoteKind::Direct } else { QuoteKind::Indirect },
                quoted,
                parts: u.iter().flat_map(|r| r.ranges()).collect(),
                speaker_id: head.speaker_id.clone(),
            }
        })
        .collect();
    out.sort_by_key(|r| (r.start, r.end));
    out
}

/// Whether the predicted speaker is the attribution's source (rules in the module docs).
fn speaker_right(gold: &GoldAttribution, pred: &PredQuote) -> bool {
    let Some(source) = &gold.source else {
        return pred.speaker.trim().is_empty();
    };
    if let Some((s, e)) = pred.speaker_span {
        if source.fragments.iter().any(|&(fs, fe)| s < fe && fs < e) {
            return true;
        }
    }
    let name = normalize_name(&pred.speaker);
    if name.is_empty() {
        return false;
    }
    let source_name = normalize_name(&source.text);
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
    };
    let source_words = words(&source_name);
    name == source_name || words(&name).last().is_some_and(|w| source_words.contains(w))
}

/// Scores `pred_dir/quotes.csv` (and `attributions.csv` when present: PolNeAR annotates
/// stances such as `endorsed X` as attributions too) against a PolNeAR split folder. Only
/// articles the prediction covers are scored: those named in the tables or in `documents.csv`
/// when present.
pub fn eval_brat(gold_dir: &Path, pred_dir: &Path, opts: &Options) -> Result<TableReport, EvalError> {
    EvalError::exists(gold_dir)?;
    EvalError::exists(pred_dir)?;
    crate::export::manifest::check(pred_dir)?;
    let articles = crate::formats::brat::load_polnear(gold_dir)?;
    let pred = Predictions::read(pred_dir)?;
    let mut report = TableReport::new(GoldFormat::Brat, opts.overlap_threshold);
    let mut scores = AttributionScores { unit_span: opts.unit_span, ..AttributionScores::default() };
    for article in articles.iter().filter(|a| pred.covered.contains(&a.name)) {
        report.documents += 1;
        let rows = pred.by_doc.get(article.name.as_str()).map(Vec::as_slice).unwrap_or(&[]);
        score_article(article, rows, opts, &mut scores, &mut report.details);
    }
    report.attributions = Some(scores);
    Ok(report)
}

/// The predicted rows by document, and the documents the prediction covers.
pub(super) struct Predictions {
    pub covered: BTreeSet<String>,
    pub by_doc: HashMap<String, Vec<PredQuote>>,
}

impl Predictions {
    pub(super) fn read(pred_dir: &Path) -> Result<Predictions, EvalError> {
        let mut tables: Vec<Rows<QuoteRow>> = vec![Rows::read(&pred_dir.join("quotes.csv"))?];
        let attributions = pred_dir.join("attributions.csv");
        if attributions.is_file() {
            tables.push(Rows::read(&attributions)?);
        }
        let mut covered = BTreeSet::new();
        let mut by_doc: HashMap<String, Vec<PredQuote>> = HashMap::new();
        for row in tables.iter().flat_map(|t| &t.rows) {
            covered.insert(row.doc_id.clone());
            by_doc.entry(row.doc_id.clone()).or_default().push(PredQuote::from_row(row));
        }
        let documents = pred_dir.join("documents.csv");
        if documents.is_file() {
            let t: Rows<DocumentRow> = Rows::read(&documents)?;
            covered.extend(t.rows.into_iter().map(|r| r.doc_id));
        }
        Ok(Predictions { covered, by_doc })
    }
}

impl PredQuote {
    /// A row as written. PolNeAR's content is the whole reported clause, so the row is scored
    /// by its `clause` offsets (a mixed quote's paraphrase; else the quote itself).
    pub(super) fn from_row(r: &QuoteRow) -> PredQuote {
        PredQuote {
            start: r.clause_start,
            end: r.clause_end,
            speaker: r.speaker.clone(),
            speaker_span: r.speaker_start.zip(r.speaker_end),
            cue: r.cue_start.zip(r.cue_end),
            kind: r.kind,
            quoted: false,
            parts: Vec::new(),
            speaker_id: r.speaker_id.clone(),
        }
    }
}

/// Marks the rows in the `quoted` subset: a direct or mixed row's quote stops inside its
/// marks, so the two code points on either side count (`“…”`, `''…''`).
fn mark_quoted(rows: &mut [PredQuote], chars: &[char]) {
    for r in rows {
        let (s, e) = match r.kind {
            QuoteKind::Direct | QuoteKind::Mixed => (r.start.saturating_sub(2), r.end + 2),
            QuoteKind::Indirect => (r.start, r.end),
        };
        let span: String = chars[s.min(chars.len())..e.min(chars.len())].iter().collect();
        r.quoted = has_quote_mark(&span);
    }
}

/// Scores one article's rows, folded and as written, adding to `scores`; the folded pass
/// writes the verbose lines.
fn score_article(
    article: &GoldArticle,
    rows: &[PredQuote],
    opts: &Options,
    scores: &mut AttributionScores,
    details: &mut Vec<String>,
) {
    let chars: Vec<char> = article.text.chars().collect();
    let mut rows = rows.to_vec();
    mark_quoted(&mut rows, &chars);
    let rows = &rows[..];
    let units = fold_units(rows, &chars);
    scores.predicted_rows += rows.len();
    scores.predicted_units += units.len();
    let all_gold: Vec<&GoldAttribution> = article.attributions.iter().collect();
    let quoted_gold: Vec<&GoldAttribution> = all_gold.iter().copied().filter(|g| g.quoted).collect();
    scores.gold_attributions += all_gold.len();
    scores.gold_quoted += quoted_gold.len();
    // Folded units first (the PolNeAR numbers, with the verbose lines), then the rows.
    let mut details = Some((article.name.as_str(), details));
    for (preds, all, quoted) in
        [(&units[..], &mut scores.all, &mut scores.quoted), (rows, &mut scores.rows.all, &mut scores.rows.quoted)]
    {
        let all_pred: Vec<&PredQuote> = preds.iter().collect();
        let quoted_pred: Vec<&PredQuote> = all_pred.iter().copied().filter(|p| p.quoted).collect();
        score_set(&all_gold, &all_pred, &chars, opts, all, details.take());
        score_set(&quoted_gold, &quoted_pred, &chars, opts, quoted, None);
    }
}

fn score_set(
    gold: &[&GoldAttribution],
    pred: &[&PredQuote],
    chars: &[char],
    opts: &Options,
    set: &mut AttributionSet,
    verbose: Option<(&str, &mut Vec<String>)>,
) {
    let g_tokens: Vec<TokenSpan> = gold.iter().map(|g| TokenSpan::from_fragments(chars, &g.content)).collect();
    let p_tokens: Vec<TokenSpan> = pred
        .iter()
        .map(|p| match opts.unit_span {
            UnitSpan::Parts => TokenSpan::from_fragments(chars, &p.ranges()),
            UnitSpan::Hull => TokenSpan::from_fragments(chars, &[(p.start, p.end)]),
        })
        .collect();
    let optional = vec![false; gold.len()];
    let m = match_greedy(&optional, pred.len(), |gi, pi| {
        let o = g_tokens[gi].overlap(&p_tokens[pi]);
        (o > 0.0 && o >= opts.overlap_threshold).then_some(o)
    });
    let ok = |gi: usize, pi: usize| speaker_right(gold[gi], pred[pi]);
    set.detection.add(m.counts(&optional));
    set.quote_speaker.add(m.counts_where(&optional, ok));
    for &(gi, pi, _) in &m.pairs {
        set.speaker.record(ok(gi, pi));
    }
    let Some((doc, lines)) = verbose.filter(|_| opts.verbose) else {
        return;
    };
    let source = |g: &GoldAttribution| g.source.as_ref().map(|s| s.text.clone()).unwrap_or_default();
    for (gi, g) in gold.iter().enumerate() {
        let (s, e) =
            (g.content.iter().map(|f| f.0).min().unwrap_or(0), g.content.iter().map(|f| f.1).max().unwrap_or(0));
        match m.gold_match[gi] {
            None => {
                lines.push(format!("attributions\tMISS\t{doc}\t{s}-{e}\t{}\t{:?}", source(g), snippet(&g.content_text)))
            }
            Some(pi) if !ok(gi, pi) => lines.push(format!(
                "attributions\tSPEAKER\t{doc}\t{s}-{e}\tgold {:?} pred {:?}\t{:?}",
                source(g),
                pred[pi].speaker,
                snippet(&g.content_text)
            )),
            Some(_) => {}
        }
    }
    for (pi, p) in pred.iter().enumerate() {
        if m.pred_match[pi].is_none() {
            let text: String = chars[p.start.min(chars.len())..p.end.min(chars.len())].iter().collect();
            lines.push(format!(
                "attributions\tEXTRA\t{doc}\t{}-{}\t{}\t{:?}",
                p.start,
                p.end,
                p.speaker,
                snippet(&text)
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::metrics::{Accuracy, Counts};
    use crate::formats::brat::fixture::{char_at, one_article, split_dir};
    use crate::formats::brat::TextBound;
    use std::fs;

    /// A `quotes.csv` given in the columns up to `confidence`, written through the export
    /// struct: each row gets its quote as its clause, and the columns after those (or added
    /// later) their defaults.
    fn quotes_csv(table: &str) -> String {
        let mut reader = csv::Reader::from_reader(table.as_bytes());
        let header = reader.headers().unwrap().clone();
        let mut w = csv::Writer::from_writer(Vec::new());
        for r in reader.records() {
            let r = r.unwrap();
            let get = |col: &str| r[header.iter().position(|h| h == col).unwrap()].to_string();
            let offset = |col: &str| get(col).parse::<usize>().ok();
            let (start, end) = (offset("start").unwrap(), offset("end").unwrap());
            w.serialize(QuoteRow {
                doc_id: get("doc_id"),
                quote_id: get("quote_id"),
                speaker: get("speaker"),
                speaker_type: serde_json::from_value(get("speaker_type").into()).unwrap(),
                speaker_mention: get("speaker_mention"),
                speaker_start: offset("speaker_start"),
                speaker_end: offset("speaker_end"),
                cue: get("cue"),
                cue_start: offset("cue_start"),
                cue_end: offset("cue_end"),
                kind: serde_json::from_value(get("kind").into()).unwrap(),
                quote: get("quote"),
                start,
                end,
                confidence: get("confidence"),
                clause: get("quote"),
                clause_start: start,
                clause_end: end,
                ..QuoteRow::default()
            })
            .unwrap();
        }
        String::from_utf8(w.into_inner().unwrap()).unwrap()
    }

    #[test]
    fn scores_attributions_csv_beside_quotes_csv() {
        let d = split_dir();
        let pred = tempfile::tempdir().unwrap();
        let header = "doc_id,quote_id,speaker,speaker_type,speaker_mention,speaker_start,speaker_end,cue,cue_start,cue_end,kind,quote,start,end,confidence,clause,clause_start,clause_end,cue_class\n";
        fs::write(
            pred.path().join("quotes.csv"),
            format!("{header}art,q1,Critics,GROUP,Critics,0,7,said,8,12,direct,the deal is bad.,14,30,0.9,the deal is bad.,14,30,speech\n"),
        )
        .unwrap();
        let opts = Options::default();
        let all = |pred: &Path| eval_brat(d.path(), pred, &opts).unwrap().attributions.unwrap().all.detection;
        assert_eq!(all(pred.path()), Counts::new(1, 0, 1));
        // The stance row of `attributions.csv` covers the second attribution.
        fs::write(
            pred.path().join("attributions.csv"),
            format!("{header}art,a001,The Post,ORG,The Post,32,40,has learned,41,52,indirect,that Clinton’s van left early,53,82,0.6,that Clinton’s van left early,53,82,stance\n"),
        )
        .unwrap();
        assert_eq!(all(pred.path()), Counts::new(2, 0, 0));
    }

    #[test]
    fn scores_the_clause_columns_and_marked_clauses_as_quoted() {
        let d = split_dir();
        let pred = tempfile::tempdir().unwrap();
        // q1: a mixed quote whose marked word `bad` alone overlaps the gold content by 1 of 4
        // words; its clause (the whole content) matches. q2: an indirect row whose clause holds
        // quotation marks counts in the quoted subset.
        let header = "doc_id,quote_id,speaker,speaker_type,speaker_mention,speaker_start,speaker_end,cue,cue_start,cue_end,kind,quote,start,end,confidence,clause,clause_start,clause_end,cue_class\n";
        fs::write(
            pred.path().join("quotes.csv"),
            format!("{header}art,q1,Critics,GROUP,Critics,0,7,said,8,12,mixed,bad,26,29,0.75,the deal is bad.,14,30,speech\n"),
        )
        .unwrap();
        let opts = Options::default();
        let a = eval_brat(d.path(), pred.path(), &opts).unwrap().attributions.unwrap();
        assert_eq!(a.quoted.quote_speaker, Counts::new(1, 0, 0));
        fs::write(
            pred.path().join("quotes.csv"),
            format!("{header}art,q1,Critics,GROUP,Critics,0,7,said,8,12,indirect,“the deal is bad.”,13,31,0.6,“the deal is bad.”,13,31,belief\n"),
        )
        .unwrap();
        let a = eval_brat(d.path(), pred.path(), &opts).unwrap().attributions.unwrap();
        assert_eq!(a.quoted.detection, Counts::new(1, 0, 0));
        // A table without the clause columns is not newsmine's: it is rejected, by name.
        fs::write(
            pred.path().join("quotes.csv"),
            "doc_id,quote_id,speaker,speaker_type,speaker_mention,speaker_start,speaker_end,cue,cue_start,cue_end,kind,quote,start,end,confidence\n\
             art,q1,Critics,GROUP,Critics,0,7,said,8,12,mixed,bad,26,29,0.75\n",
        )
        .unwrap();
        let err = eval_brat(d.path(), pred.path(), &opts).unwrap_err().to_string();
        assert!(err.ends_with("quotes.csv: row 2: missing field `clause`"), "{err}");
    }

    #[test]
    fn a_quotation_in_single_marks_is_quoted_on_neither_side() {
        // A headline's quotation in single marks: PolNeAR's content holds no mark of the set, so
        // it is not in the quoted subset, and the direct row for it is not either (it used to be
        // scored there as an extra). The body's double marks put both in the subset.
        let text = "Clinton Calls Remarks ‘Troubling.’\n\n“It is troubling,” Clinton said.";
        let chars: Vec<char> = text.chars().collect();
        let at = |needle: &str| char_at(&chars, needle);
        let (t, q, said) = (at("‘"), at("“It"), at("said"));
        let d = one_article(
            text,
            &format!(
                "T1\tSource 0 7\tClinton\nT2\tCue 8 13\tCalls\nT3\tContent {t} {}\t‘Troubling.’\n\
                 E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n\
                 T4\tSource {} {}\tClinton\nT5\tCue {said} {}\tsaid\nT6\tContent {q} {}\t“It is troubling,”\n\
                 E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4\n",
                t + 12,
                said - 8,
                said - 1,
                said + 4,
                q + 18
            ),
        );
        let pred = tempfile::tempdir().unwrap();
        fs::write(
            pred.path().join("quotes.csv"),
            quotes_csv(&format!(
                "doc_id,quote_id,speaker,speaker_type,speaker_mention,speaker_start,speaker_end,cue,cue_start,cue_end,kind,quote,start,end,confidence\n\
                 a,q1,Clinton,PERSON,Clinton,0,7,Calls,8,13,direct,Troubling.,{},{},0.9\n\
                 a,q2,Clinton,PERSON,Clinton,{},{},said,{said},{},direct,\"It is troubling,\",{},{},0.9\n",
                t + 1,
                t + 11,
                said - 8,
                said - 1,
                said + 4,
                q + 1,
                q + 17
            )),
        )
        .unwrap();
        let a = eval_brat(d.path(), pred.path(), &Options::default()).unwrap().attributions.unwrap();
        assert_eq!(a.gold_quoted, 1);
        assert_eq!(a.all.quote_speaker, Counts::new(2, 0, 0));
        assert_eq!(a.quoted.quote_speaker, Counts::new(1, 0, 0));
    }

    #[test]
    fn scores_quotes_and_speakers() {
        let d = split_dir();
        let pred = tempfile::tempdir().unwrap();
        // q1: the direct quote, speaker by mention offsets. q2: "Clinton’s van left early"
        // against the discontinuous gold "that" + "van left early": 3 shared words of the
        // longer 5 = 0.6; speaker "New York Post", whose last word is in "The Post". q3: extra.
        // Document "other" is not in the gold set.
        fs::write(
            pred.path().join("quotes.csv"),
            quotes_csv("doc_id,quote_id,speaker,speaker_type,speaker_mention,speaker_start,speaker_end,cue,cue_start,cue_end,kind,quote,start,end,confidence\n\
             art,q1,Critics,GROUP,Critics,0,7,said,8,12,direct,the deal is bad.,14,30,0.9\n\
             art,q2,New York Post,ORG,The Post,,,has learned,41,52,indirect,Clinton’s van left early,58,82,0.8\n\
             art,q3,Bukele,PERSON,,,,said,,,direct,a source,84,92,0.5\n\
             other,q1,X,PERSON,,,,,,,direct,x,0,1,0.5\n"),
        )
        .unwrap();
        let opts = Options { verbose: true, ..Options::default() };
        let r = eval_brat(d.path(), pred.path(), &opts).unwrap();
        assert_eq!(r.documents, 1);
        let a = r.attributions.as_ref().unwrap();
        assert_eq!((a.gold_attributions, a.gold_quoted), (2, 1));
        assert_eq!(a.all.detection, Counts::new(2, 1, 0));
        assert_eq!(a.all.speaker, Accuracy { correct: 2, total: 2 });
        assert_eq!(a.all.quote_speaker, Counts::new(2, 1, 0));
        // Quoted: gold E1 against q1. q3 is direct, but no quotation mark surrounds `a source`,
        // so it is not in the subset (the test gold content gets).
        assert_eq!(a.quoted.detection, Counts::new(1, 0, 0));
        assert_eq!(r.verbose_lines(), vec!["attributions\tEXTRA\tart\t84-92\tBukele\t\"a source\""]);
        // With a wrong speaker name and no offsets the pair is a FP and a FN.
        let wrong = GoldAttribution {
            content: vec![(0, 1)],
            content_text: String::new(),
            source: Some(TextBound { kind: "Source".into(), fragments: vec![(0, 7)], text: "Critics".into() }),
            cue: None,
            quoted: false,
        };
        let p = PredQuote {
            start: 0,
            end: 1,
            speaker: "Bukele".into(),
            speaker_span: Some((20, 26)),
            cue: None,
            kind: QuoteKind::Indirect,
            quoted: false,
            parts: Vec::new(),
            speaker_id: String::new(),
        };
        assert!(!speaker_right(&wrong, &p));
    }

    /// A row with code point offsets of `needle` (first occurrence at or after `from`).
    fn row(
        text: &str,
        needle: &str,
        from: usize,
        speaker: &str,
        cue: Option<(usize, usize)>,
        kind: QuoteKind,
    ) -> PredQuote {
        let chars: Vec<char> = text.chars().collect();
        let n: Vec<char> = needle.chars().collect();
        let start = (from..chars.len()).find(|&i| chars[i..].starts_with(&n)).unwrap();
        PredQuote {
            start,
            end: start + n.len(),
            speaker: speaker.into(),
            speaker_span: None,
            cue,
            kind,
            quoted: kind != QuoteKind::Indirect,
            parts: Vec::new(),
            speaker_id: String::new(),
        }
    }

    #[test]
    fn folds_rows_into_attribution_units() {
        // Lines (paragraphs): 0 `“We will…` | 1 `“It is over.”` | blank | 2 `“Never.”` |
        // 3 `Filler.` | 4 `“Again.”`.
        let text = "“We will win,” Ortega said, “and soon.” Critics said it would fail.\n“It is over.”\n\n“Never.”\nFiller.\n“Again.”";
        let said = (22, 26);
        let said2 = (48, 52);
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[said.0..said.1].iter().collect::<String>(), "said");
        assert_eq!(chars[said2.0..said2.1].iter().collect::<String>(), "said");
        let mut r1 = row(text, "We will win,", 0, "Ortega", Some(said), QuoteKind::Direct);
        r1.speaker_span = Some((15, 21));
        let r2 = row(text, "and soon.", 0, "", Some(said), QuoteKind::Direct);
        let r3 = row(text, "it would fail", 0, "Critics", Some(said2), QuoteKind::Indirect);
        let r4 = row(text, "It is over.", 0, "critics", None, QuoteKind::Direct);
        let r5 = row(text, "Never.", 0, "Ortega", None, QuoteKind::Direct);
        let r6 = row(text, "Again.", 0, "Ortega", None, QuoteKind::Direct);
        assert_eq!((r1.start, r2.end, r3.start, r4.end), (1, 38, 53, 80));
        // Given out of order: the fold sorts by start.
        let units = fold_units(&[r6.clone(), r4, r2, r1, r3, r5.clone()], &chars);
        let spans: Vec<(usize, usize, &str, QuoteKind)> =
            units.iter().map(|u| (u.start, u.end, u.speaker.as_str(), u.kind)).collect();
        assert_eq!(
            spans,
            vec![
                // r1 + r2 share the cue; speaker from r1, which has mention offsets.
                (1, 38, "Ortega", QuoteKind::Direct),
                // r3 + cue-less r4 (same speaker, next paragraph): direct as a part is.
                (53, 80, "Critics", QuoteKind::Direct),
                // r5: a different speaker from r4. r6: two paragraphs after r5.
                (r5.start, r5.end, "Ortega", QuoteKind::Direct),
                (r6.start, r6.end, "Ortega", QuoteKind::Direct),
            ]
        );
        assert_eq!(units[0].speaker_span, Some((15, 21)));
    }

    #[test]
    fn scores_folded_units_and_rows() {
        // Gold: one attribution whose content is both parts of a split quotation (10 words).
        // Rows: the two parts, 5 words each, sharing the cue `said` (37-41).
        // Folded unit 1-62 claims the 10 words of its rows: 10/10 -> TP (with the hull, the 12
        // words with `Ortega said`: 10/12 -> TP as well).
        // Rows: part one 5/10 = 0.5 -> TP, part two unmatched -> FP.
        let text = "“We will win the vote,” Ortega said, “and then we will govern.”";
        let d = one_article(
            text,
            "T1\tSource 24 30\tOrtega\nT2\tCue 31 35\tsaid\n\
             T3\tContent 0 23;37 63\t“We will win the vote,” “and then we will govern.”\n\
             E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n",
        );
        let pred = tempfile::tempdir().unwrap();
        fs::write(
            pred.path().join("quotes.csv"),
            quotes_csv("doc_id,quote_id,speaker,speaker_type,speaker_mention,speaker_start,speaker_end,cue,cue_start,cue_end,kind,quote,start,end,confidence\n\
             a,q1,Ortega,PERSON,Ortega,24,30,said,31,35,direct,\"We will win the vote,\",1,22,0.9\n\
             a,q2,Ortega,PERSON,Ortega,24,30,said,31,35,direct,and then we will govern.,38,62,0.9\n"),
        )
        .unwrap();
        let r = eval_brat(d.path(), pred.path(), &Options::default()).unwrap();
        let a = r.attributions.as_ref().unwrap();
        assert_eq!((a.predicted_rows, a.predicted_units), (2, 1));
        assert_eq!(a.all.detection, Counts::new(1, 0, 0));
        assert_eq!(a.all.quote_speaker, Counts::new(1, 0, 0));
        assert_eq!(a.quoted.quote_speaker, Counts::new(1, 0, 0));
        assert_eq!(a.rows.all.detection, Counts::new(1, 1, 0));
        assert_eq!(a.rows.quoted.quote_speaker, Counts::new(1, 1, 0));
        let md = r.to_markdown();
        assert!(md.contains("2 predicted quote rows folded into 1 attribution units"), "{md}");
        assert!(md.contains("| all: quote + speaker | 1.000 | 1.000 | 1.000 | 1 | 0 | 0 |"), "{md}");
        assert!(md.contains("| rows all: detection | 0.500 | 1.000 | 0.667 | 1 | 1 | 0 |"), "{md}");
        let j = r.to_json();
        assert_eq!(j["attributions"]["all"]["detection"]["f1"], 1.0);
        assert_eq!(j["attributions"]["rows"]["all"]["detection"]["precision"], 0.5);
    }

    #[test]
    fn a_unit_claims_the_words_of_its_parts_not_the_tag_between() {
        // Gold content: both quotations (10 words), without the long tag between them.
        // Folded unit: the same 10 words as parts -> TP. As a hull it also claims the 11 words
        // of the tag: 10/21 < 0.5 -> FP and FN.
        let text = "“We will win the vote,” said Ortega, a lawyer at the rights group Cristosal since 2001. \
                    “And then we will govern.”";
        let chars: Vec<char> = text.chars().collect();
        let at = |needle: &str| char_at(&chars, needle);
        let (q1, q2) = (at("“We"), at("“And"));
        let (e1, e2) = (at(" said"), chars.len());
        let (said, ortega) = (at("said"), at("Ortega"));
        let d = one_article(
            text,
            &format!(
                "T1\tSource {ortega} {}\tOrtega\nT2\tCue {said} {}\tsaid\n\
                 T3\tContent {q1} {e1};{q2} {e2}\t{} {}\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n",
                ortega + 6,
                said + 4,
                chars[q1..e1].iter().collect::<String>(),
                chars[q2..e2].iter().collect::<String>()
            ),
        );
        let pred = tempfile::tempdir().unwrap();
        fs::write(
            pred.path().join("quotes.csv"),
            quotes_csv(&format!(
                "doc_id,quote_id,speaker,speaker_type,speaker_mention,speaker_start,speaker_end,cue,cue_start,cue_end,kind,quote,start,end,confidence\n\
                 a,q1,Ortega,PERSON,Ortega,{ortega},{},said,{said},{},direct,x,{},{},0.9\n\
                 a,q2,Ortega,PERSON,,,,,,,direct,y,{},{},0.9\n",
                ortega + 6,
                said + 4,
                q1 + 1,
                e1 - 2,
                q2 + 1,
                e2 - 1
            )),
        )
        .unwrap();
        let score = |unit_span| {
            let opts = Options { unit_span, ..Options::default() };
            let r = eval_brat(d.path(), pred.path(), &opts).unwrap();
            let md = r.to_markdown();
            let a = r.attributions.unwrap();
            assert_eq!(a.predicted_units, 1);
            (a.quoted.quote_speaker, a.unit_span, md)
        };
        let (parts, name, md) = score(UnitSpan::Parts);
        assert_eq!((parts, name), (Counts::new(1, 0, 0), UnitSpan::Parts));
        assert!(md.contains("`--unit-span parts`"), "{md}");
        let (hull, name, md) = score(UnitSpan::Hull);
        assert_eq!((hull, name), (Counts::new(0, 1, 1), UnitSpan::Hull));
        assert!(md.contains("`--unit-span hull`"), "{md}");
    }
}
