//! Scoring the CSV tables (quotes, organizations, figures, entities) against the gold set.
//!
//! Predictions are newsmine's tables, read into the export row structs; gold files follow
//! SCHEMA.md plus an `optional` column (`1`/`0`) and may leave out columns they do not label,
//! so they are read into the gold rows of `eval::read`. A table is scored when it exists in
//! both folders. The documents in scope are those the gold set names (any gold table's
//! `doc_id`s, plus the gold `documents.csv` when present): predictions for other documents are
//! ignored, so the pipeline may run on a larger corpus than the gold set covers.
//!
//! Hands a [`TableReport`] with one section per scored table to the binary.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::de::DeserializeOwned;

use super::metrics::{match_greedy, normalize_name, range_overlap, Accuracy, Counts, Matching, TokenSpan};
use super::read::{DocId, GoldEntity, GoldFigure, GoldOrganization, GoldQuote, Rows};
use super::report::{snippet, TableReport};
use super::scores::{EntityTableScores, FigureScores, OrganizationScores, QuoteScores};
use super::{EvalError, GoldFormat, Options};
use crate::export::{EntityRow, FigureRow, OrganizationRow, QuoteRow};
use crate::labels::{EntityLabel, FigureKind, QuoteKind};

/// A gold table and the prediction table of the same name.
struct Pair<G, P> {
    gold: Rows<G>,
    pred: Rows<P>,
}

/// The tables found in both folders.
struct Tables {
    quotes: Option<Pair<GoldQuote, QuoteRow>>,
    organizations: Option<Pair<GoldOrganization, OrganizationRow>>,
    figures: Option<Pair<GoldFigure, FigureRow>>,
    entities: Option<Pair<GoldEntity, EntityRow>>,
}

impl Tables {
    fn read(gold_dir: &Path, pred_dir: &Path) -> Result<Tables, EvalError> {
        Ok(Tables {
            quotes: pair(gold_dir, pred_dir, "quotes.csv")?,
            organizations: pair(gold_dir, pred_dir, "organizations.csv")?,
            figures: pair(gold_dir, pred_dir, "figures.csv")?,
            entities: pair(gold_dir, pred_dir, "entities.csv")?,
        })
    }

    fn is_empty(&self) -> bool {
        self.quotes.is_none() && self.organizations.is_none() && self.figures.is_none() && self.entities.is_none()
    }

    /// The `doc_id`s of every gold table.
    fn gold_documents(&self) -> BTreeSet<String> {
        fn ids<G, P>(p: &Option<Pair<G, P>>, id: fn(&G) -> &str) -> Vec<String> {
            p.iter().flat_map(|p| p.gold.rows.iter().map(|r| id(r).to_string())).collect()
        }
        let mut docs = BTreeSet::new();
        docs.extend(ids(&self.quotes, |r| &r.doc_id));
        docs.extend(ids(&self.organizations, |r| &r.doc_id));
        docs.extend(ids(&self.figures, |r| &r.doc_id));
        docs.extend(ids(&self.entities, |r| &r.doc_id));
        docs
    }
}

/// Both files of a table, when both exist.
fn pair<G: DeserializeOwned, P: DeserializeOwned>(
    gold_dir: &Path,
    pred_dir: &Path,
    file: &str,
) -> Result<Option<Pair<G, P>>, EvalError> {
    let (g, p) = (gold_dir.join(file), pred_dir.join(file));
    if !(g.is_file() && p.is_file()) {
        return Ok(None);
    }
    Ok(Some(Pair { gold: Rows::read(&g)?, pred: Rows::read(&p)? }))
}

/// Scores every table present in both `gold_dir` and `pred_dir`.
pub fn eval_csv(gold_dir: &Path, pred_dir: &Path, opts: &Options) -> Result<TableReport, EvalError> {
    EvalError::exists(gold_dir)?;
    EvalError::exists(pred_dir)?;
    crate::export::manifest::check(pred_dir)?;
    let tables = Tables::read(gold_dir, pred_dir)?;
    if tables.is_empty() {
        return Err(EvalError::Nothing {
            path: gold_dir.to_path_buf(),
            reason: format!("no gold table also found in {}", pred_dir.display()),
        });
    }
    let mut docs = tables.gold_documents();
    let gold_documents = gold_dir.join("documents.csv");
    if gold_documents.is_file() {
        let t: Rows<DocId> = Rows::read(&gold_documents)?;
        docs.extend(t.rows.into_iter().map(|r| r.doc_id));
    }
    let mut report = TableReport::new(GoldFormat::Csv, opts.overlap_threshold);
    report.documents = docs.len();
    let lines = &mut report.details;
    if let Some(t) = &tables.quotes {
        report.quotes = Some(score_quotes(t, &docs, opts, lines));
    }
    if let Some(t) = &tables.organizations {
        report.organizations = Some(score_organizations(t, &docs, opts, lines));
    }
    if let Some(t) = &tables.figures {
        report.figures = Some(score_figures(t, &docs, opts, lines));
    }
    if let Some(t) = &tables.entities {
        report.entities = Some(score_entities(t, &docs));
    }
    Ok(report)
}

/// Rows grouped by `doc_id`, only for documents in scope.
fn by_doc<'a, T>(rows: impl IntoIterator<Item = (&'a str, T)>, docs: &BTreeSet<String>) -> BTreeMap<String, Vec<T>> {
    let mut out: BTreeMap<String, Vec<T>> = BTreeMap::new();
    for (doc, row) in rows {
        if docs.contains(doc) {
            out.entry(doc.to_string()).or_default().push(row);
        }
    }
    out
}

/// The rows of one document, none when it has none.
fn of_doc<'a, T>(groups: &'a BTreeMap<String, Vec<T>>, doc: &str) -> &'a [T] {
    groups.get(doc).map(Vec::as_slice).unwrap_or(&[])
}

/// A quote (gold or predicted) reduced to what scoring needs.
struct QuoteItem<'a> {
    start: usize,
    end: usize,
    /// Word tokens, when the row's `quote` text agrees with its offsets.
    words: Option<TokenSpan>,
    speaker: &'a str,
    /// `None` for a gold row that leaves the kind empty.
    kind: Option<QuoteKind>,
    optional: bool,
    text: &'a str,
}

impl<'a> QuoteItem<'a> {
    fn new(
        (start, end): (usize, usize),
        text: &'a str,
        speaker: &'a str,
        kind: Option<QuoteKind>,
        optional: bool,
    ) -> Self {
        let words = (!text.is_empty() && text.chars().count() == end.saturating_sub(start))
            .then(|| TokenSpan::from_text(text, start));
        QuoteItem { start, end, words, speaker, kind, optional, text }
    }

    fn gold(q: &'a GoldQuote) -> Self {
        QuoteItem::new((q.start, q.end), &q.quote, &q.speaker, q.kind, q.optional)
    }

    fn pred(q: &'a QuoteRow) -> Self {
        QuoteItem::new((q.start, q.end), &q.quote, &q.speaker, Some(q.kind), false)
    }

    /// Word overlap when both sides carry text, code point overlap otherwise.
    fn overlap(&self, other: &QuoteItem) -> f64 {
        match (&self.words, &other.words) {
            (Some(a), Some(b)) => a.overlap(b),
            _ => range_overlap((self.start, self.end), (other.start, other.end)),
        }
    }

    fn bounds(&self, other: &QuoteItem) -> ((usize, usize), (usize, usize)) {
        match (&self.words, &other.words) {
            (Some(a), Some(b)) => {
                (a.bounds().unwrap_or((self.start, self.end)), b.bounds().unwrap_or((other.start, other.end)))
            }
            _ => ((self.start, self.end), (other.start, other.end)),
        }
    }

    fn same_speaker(&self, other: &QuoteItem) -> bool {
        normalize_name(self.speaker) == normalize_name(other.speaker)
    }
}

/// Quote scores summed over documents, with the two speaker counts that exist only when gold
/// has a `speaker` column.
#[derive(Default)]
struct QuoteTally {
    scores: QuoteScores,
    speaker: Accuracy,
    quote_speaker: Counts,
}

fn score_quotes(
    t: &Pair<GoldQuote, QuoteRow>,
    docs: &BTreeSet<String>,
    opts: &Options,
    lines: &mut Vec<String>,
) -> QuoteScores {
    let with_speaker = t.gold.has("speaker");
    let gold = by_doc(t.gold.rows.iter().map(|r| (r.doc_id.as_str(), QuoteItem::gold(r))), docs);
    let pred = by_doc(t.pred.rows.iter().map(|r| (r.doc_id.as_str(), QuoteItem::pred(r))), docs);
    let mut tally = QuoteTally::default();
    for doc in docs {
        let (g, p) = (of_doc(&gold, doc), of_doc(&pred, doc));
        let optional: Vec<bool> = g.iter().map(|q| q.optional).collect();
        let m = match_quotes(g, p, &optional, opts, &mut tally.scores);
        if with_speaker {
            let ok = |gi: usize, pi: usize| g[gi].same_speaker(&p[pi]);
            tally.quote_speaker.add(m.counts_where(&optional, ok));
            for &(gi, pi, _) in m.pairs.iter().filter(|(gi, _, _)| !optional[*gi]) {
                tally.speaker.record(ok(gi, pi));
            }
        }
        record_kinds(g, p, &m, &mut tally.scores);
        if opts.verbose {
            quote_lines(doc, g, p, &m, with_speaker, lines);
        }
    }
    let mut s = tally.scores;
    if with_speaker {
        s.speaker = Some(tally.speaker);
        s.quote_speaker = Some(tally.quote_speaker);
    }
    s
}

/// Matches one document's quotes at the overlap threshold (the matching returned) and with
/// exact spans, adding both detection counts.
fn match_quotes(g: &[QuoteItem], p: &[QuoteItem], optional: &[bool], opts: &Options, s: &mut QuoteScores) -> Matching {
    let m = match_greedy(optional, p.len(), |gi, pi| {
        let o = g[gi].overlap(&p[pi]);
        (o > 0.0 && o >= opts.overlap_threshold).then_some(o)
    });
    s.detection.add(m.counts(optional));
    let exact = match_greedy(optional, p.len(), |gi, pi| {
        let (a, b) = g[gi].bounds(&p[pi]);
        (a == b).then_some(1.0)
    });
    s.exact.add(exact.counts(optional));
    m
}

/// Per-kind rates of one document (see [`super::scores::KindScores`]).
fn record_kinds(g: &[QuoteItem], p: &[QuoteItem], m: &Matching, s: &mut QuoteScores) {
    for (gi, q) in g.iter().enumerate().filter(|(_, q)| !q.optional) {
        let k = s.by_kind.entry(q.kind).or_default();
        k.gold_found.record(m.gold_match[gi].is_some());
        if let Some(pi) = m.gold_match[gi] {
            k.kind_agrees.record(p[pi].kind == q.kind);
        }
    }
    for (pi, q) in p.iter().enumerate() {
        match m.pred_match[pi] {
            Some(gi) if g[gi].optional => {}
            hit => s.by_kind.entry(q.kind).or_default().pred_matched.record(hit.is_some()),
        }
    }
}

/// The verbose lines of one document: misses, wrong speakers, extras.
fn quote_lines(doc: &str, g: &[QuoteItem], p: &[QuoteItem], m: &Matching, with_speaker: bool, lines: &mut Vec<String>) {
    for (gi, q) in g.iter().enumerate().filter(|(_, q)| !q.optional) {
        match m.gold_match[gi] {
            None => {
                lines.push(format!("quotes\tMISS\t{doc}\t{}-{}\t{}\t{:?}", q.start, q.end, q.speaker, snippet(q.text)))
            }
            Some(pi) if with_speaker && !q.same_speaker(&p[pi]) => lines.push(format!(
                "quotes\tSPEAKER\t{doc}\t{}-{}\tgold {:?} pred {:?}\t{:?}",
                q.start,
                q.end,
                q.speaker,
                p[pi].speaker,
                snippet(q.text)
            )),
            Some(_) => {}
        }
    }
    for (pi, q) in p.iter().enumerate() {
        if m.pred_match[pi].is_none() {
            lines.push(format!("quotes\tEXTRA\t{doc}\t{}-{}\t{}\t{:?}", q.start, q.end, q.speaker, snippet(q.text)));
        }
    }
}

/// One organization: its canonical name and aliases, normalised.
struct OrgItem<'a> {
    display: &'a str,
    names: BTreeSet<String>,
    optional: bool,
}

impl<'a> OrgItem<'a> {
    fn new(display: &'a str, aliases: &str, optional: bool) -> Self {
        let names =
            std::iter::once(display).chain(aliases.split('|')).map(normalize_name).filter(|n| !n.is_empty()).collect();
        OrgItem { display, names, optional }
    }
}

fn score_organizations(
    t: &Pair<GoldOrganization, OrganizationRow>,
    docs: &BTreeSet<String>,
    opts: &Options,
    lines: &mut Vec<String>,
) -> OrganizationScores {
    let gold = by_doc(
        t.gold.rows.iter().map(|r| {
            let item = OrgItem::new(&r.organization, &r.aliases, r.optional);
            (r.doc_id.as_str(), item)
        }),
        docs,
    );
    // The pipeline's table is corpus-wide: a row names its documents in `doc_ids`, `;`-separated.
    let pred = by_doc(
        t.pred
            .rows
            .iter()
            .flat_map(|r| r.doc_ids.split(';').map(|id| (id.trim(), OrgItem::new(&r.organization, &r.aliases, false)))),
        docs,
    );
    let mut s = OrganizationScores::default();
    for doc in docs {
        let (g, p) = (of_doc(&gold, doc), of_doc(&pred, doc));
        let optional: Vec<bool> = g.iter().map(|o| o.optional).collect();
        let m = match_greedy(&optional, p.len(), |gi, pi| (!g[gi].names.is_disjoint(&p[pi].names)).then_some(1.0));
        s.counts.add(m.counts(&optional));
        if opts.verbose {
            for (gi, o) in g.iter().enumerate() {
                if m.gold_match[gi].is_none() && !o.optional {
                    lines.push(format!("organizations\tMISS\t{doc}\t{}", o.display));
                }
            }
            for (pi, o) in p.iter().enumerate() {
                if m.pred_match[pi].is_none() {
                    lines.push(format!("organizations\tEXTRA\t{doc}\t{}", o.display));
                }
            }
        }
    }
    s
}

/// A decimal in a canonical written form: `6000000.0` -> `6000000`, `+1,250.50` -> `1250.5`.
pub fn normalize_decimal(s: &str) -> String {
    let s: String = s.trim().trim_start_matches('+').chars().filter(|c| *c != ',' && *c != '_').collect();
    let (neg, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest.to_string()),
        None => (false, s),
    };
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let body = if frac.is_empty() { int.to_string() } else { format!("{int}.{frac}") };
    if neg && body != "0" {
        format!("-{body}")
    } else {
        body
    }
}

fn same_value(a: &str, b: &str) -> bool {
    if normalize_decimal(a) == normalize_decimal(b) {
        return true;
    }
    // Exponent forms and the like: equal as numbers to a relative 1e-9.
    match (a.trim().parse::<f64>(), b.trim().parse::<f64>()) {
        (Ok(x), Ok(y)) => (x - y).abs() <= 1e-9 * x.abs().max(y.abs()),
        _ => false,
    }
}

/// A figure (gold or predicted) reduced to what scoring needs.
struct FigureItem<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    value: &'a str,
    unit: &'a str,
    /// `None` for a gold row that leaves the kind empty.
    kind: Option<FigureKind>,
    optional: bool,
}

impl<'a> FigureItem<'a> {
    fn gold(f: &'a GoldFigure) -> Self {
        FigureItem {
            start: f.start,
            end: f.end,
            text: &f.text,
            value: &f.value,
            unit: &f.unit,
            kind: f.kind,
            optional: f.optional,
        }
    }

    fn pred(f: &'a FigureRow) -> Self {
        FigureItem {
            start: f.start,
            end: f.end,
            text: &f.text,
            value: &f.value,
            unit: &f.unit,
            kind: Some(f.kind),
            optional: false,
        }
    }

    /// Intersection over union of the two code point ranges, when they intersect.
    fn overlap(&self, other: &FigureItem) -> Option<f64> {
        let inter = self.end.min(other.end).saturating_sub(self.start.max(other.start));
        let union = self.end.max(other.end) - self.start.min(other.start);
        (inter > 0).then(|| inter as f64 / union as f64)
    }
}

/// Value, unit and kind agreement on matched required figures.
#[derive(Default)]
struct FigureTally {
    value: Accuracy,
    unit: Accuracy,
    kind: Accuracy,
}

fn score_figures(
    t: &Pair<GoldFigure, FigureRow>,
    docs: &BTreeSet<String>,
    opts: &Options,
    lines: &mut Vec<String>,
) -> FigureScores {
    let gold = by_doc(t.gold.rows.iter().map(|r| (r.doc_id.as_str(), FigureItem::gold(r))), docs);
    let pred = by_doc(t.pred.rows.iter().map(|r| (r.doc_id.as_str(), FigureItem::pred(r))), docs);
    let with_value = t.gold.has("value");
    let mut s = FigureScores::default();
    let mut tally = FigureTally::default();
    for doc in docs {
        let (g, p) = (of_doc(&gold, doc), of_doc(&pred, doc));
        let optional: Vec<bool> = g.iter().map(|f| f.optional).collect();
        let m = match_greedy(&optional, p.len(), |gi, pi| g[gi].overlap(&p[pi]));
        s.detection.add(m.counts(&optional));
        for &(gi, pi, _) in m.pairs.iter().filter(|(gi, _, _)| !optional[*gi]) {
            let (gf, pf) = (&g[gi], &p[pi]);
            let ok = same_value(gf.value, pf.value);
            tally.value.record(ok);
            tally.unit.record(gf.unit.eq_ignore_ascii_case(pf.unit));
            tally.kind.record(gf.kind == pf.kind);
            if opts.verbose && with_value && !ok {
                lines.push(format!(
                    "figures\tVALUE\t{doc}\t{}-{}\t{:?}\tgold {} pred {}",
                    gf.start, gf.end, gf.text, gf.value, pf.value
                ));
            }
        }
        if opts.verbose {
            figure_lines(doc, g, p, &m, lines);
        }
    }
    s.value = with_value.then_some(tally.value);
    s.unit = t.gold.has("unit").then_some(tally.unit);
    s.kind = t.gold.has("kind").then_some(tally.kind);
    s
}

/// The verbose lines of one document's misses and extras.
fn figure_lines(doc: &str, g: &[FigureItem], p: &[FigureItem], m: &Matching, lines: &mut Vec<String>) {
    for (gi, f) in g.iter().enumerate() {
        if m.gold_match[gi].is_none() && !f.optional {
            lines.push(format!("figures\tMISS\t{doc}\t{}-{}\t{:?}", f.start, f.end, f.text));
        }
    }
    for (pi, f) in p.iter().enumerate() {
        if m.pred_match[pi].is_none() {
            lines.push(format!("figures\tEXTRA\t{doc}\t{}-{}\t{:?}", f.start, f.end, f.text));
        }
    }
}

/// An entity mention (gold or predicted): `(start, end, label, optional)`.
type EntityItem = (usize, usize, EntityLabel, bool);

fn score_entities(t: &Pair<GoldEntity, EntityRow>, docs: &BTreeSet<String>) -> EntityTableScores {
    let gold = by_doc(t.gold.rows.iter().map(|r| (r.doc_id.as_str(), (r.start, r.end, r.label, r.optional))), docs);
    let pred = by_doc(t.pred.rows.iter().map(|r| (r.doc_id.as_str(), (r.start, r.end, r.label, false))), docs);
    let mut s = EntityTableScores::default();
    for doc in docs {
        let (g_all, p_all): (&[EntityItem], &[EntityItem]) = (of_doc(&gold, doc), of_doc(&pred, doc));
        // Labels must agree in both variants, so each label is matched on its own.
        for label in EntityLabel::ALL {
            let g: Vec<_> = g_all.iter().filter(|e| e.2 == label).collect();
            let p: Vec<_> = p_all.iter().filter(|e| e.2 == label).collect();
            if g.is_empty() && p.is_empty() {
                continue;
            }
            let optional: Vec<bool> = g.iter().map(|e| e.3).collect();
            let exact =
                match_greedy(&optional, p.len(), |gi, pi| (g[gi].0 == p[pi].0 && g[gi].1 == p[pi].1).then_some(1.0));
            s.exact.add(label.as_str(), exact.counts(&optional));
            let partial = match_greedy(&optional, p.len(), |gi, pi| {
                let o = range_overlap((g[gi].0, g[gi].1), (p[pi].0, p[pi].1));
                (o > 0.0).then_some(o)
            });
            s.partial.add(label.as_str(), partial.counts(&optional));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use QuoteKind::{Direct, Indirect};

    /// A predicted `quotes.csv` of `(doc_id, speaker, kind, quote, start, end)` rows, written
    /// through the export struct (so a column added to it comes along); the header alone when
    /// there are no rows.
    fn pred_quotes(rows: &[(&str, &str, QuoteKind, &str, usize, usize)]) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        if rows.is_empty() {
            // The csv crate writes the header with the first row: write a default one, keep
            // the header line.
            w.serialize(QuoteRow::default()).unwrap();
            let table = String::from_utf8(w.into_inner().unwrap()).unwrap();
            return table.lines().next().unwrap().to_string() + "\n";
        }
        for (i, &(doc, speaker, kind, quote, start, end)) in rows.iter().enumerate() {
            w.serialize(QuoteRow {
                doc_id: doc.into(),
                quote_id: format!("q{}", i + 1),
                speaker: speaker.into(),
                kind,
                quote: quote.into(),
                start,
                end,
                clause: quote.into(),
                clause_start: start,
                clause_end: end,
                ..QuoteRow::default()
            })
            .unwrap();
        }
        String::from_utf8(w.into_inner().unwrap()).unwrap()
    }

    fn write(dir: &Path, name: &str, body: &str) {
        fs::write(dir.join(name), body).unwrap();
    }

    fn dirs() -> (tempfile::TempDir, tempfile::TempDir) {
        (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap())
    }

    #[test]
    fn decimals_compare_by_value() {
        assert_eq!(normalize_decimal("6000000.0"), "6000000");
        assert_eq!(normalize_decimal("+1,250.50"), "1250.5");
        assert_eq!(normalize_decimal("0.50"), "0.5");
        assert_eq!(normalize_decimal("-0.0"), "0");
        assert!(same_value("6000000", "6e6"));
        assert!(!same_value("250", "25"));
    }

    // Document "d1": `Ortega said “we will not stop,” and critics said that the law was unfair.`
    // Gold has the direct quote (required), the indirect one (required) and an optional scare
    // quote elsewhere.
    const GOLD_QUOTES: &str = "doc_id,speaker,kind,quote,start,end,optional\n\
        d1,Jaime Ortega,direct,\"we will not stop,\",13,30,0\n\
        d1,Critics,indirect,the law was unfair,54,72,0\n\
        d1,,direct,state of exception,80,98,1\n";

    #[test]
    fn quotes_overlap_exact_speaker_and_optional() {
        let (g, p) = dirs();
        write(g.path(), "quotes.csv", GOLD_QUOTES);
        // Pred 1: direct quote without the comma, speaker spelled with other case/space.
        // Pred 2: indirect quote with one extra word ("that the law was unfair": 4/5 = 0.8),
        //         wrong speaker. Pred 3: the optional scare quote. Pred 4: an extra.
        // Pred 5: another document, not in the gold set: ignored.
        write(
            p.path(),
            "quotes.csv",
            &pred_quotes(&[
                ("d1", "jaime  ORTEGA", Direct, "we will not stop", 13, 29),
                ("d1", "Ortega", Indirect, "that the law was unfair", 49, 72),
                ("d1", "", Direct, "state of exception", 80, 98),
                ("d1", "Bukele", Indirect, "prisons are full", 120, 136),
                ("d9", "X", Direct, "anything", 0, 8),
            ]),
        );
        let opts = Options { verbose: true, ..Options::default() };
        let r = eval_csv(g.path(), p.path(), &opts).unwrap();
        let q = r.quotes.as_ref().unwrap();
        assert_eq!(r.documents, 1);
        assert_eq!(q.detection, Counts::new(2, 1, 0));
        // Exact: q1 has the same first and last word; q2 starts one word early.
        assert_eq!(q.exact, Counts::new(1, 2, 1));
        assert_eq!(q.speaker, Some(Accuracy { correct: 1, total: 2 }));
        assert_eq!(q.quote_speaker, Some(Counts::new(1, 2, 1)));
        assert_eq!(q.by_kind[&Some(Direct)].gold_found, Accuracy { correct: 1, total: 1 });
        assert_eq!(q.by_kind[&Some(Indirect)].pred_matched, Accuracy { correct: 1, total: 2 });
        let v = r.verbose_lines();
        assert!(v.iter().any(|l| l.starts_with("quotes\tSPEAKER\td1\t54-72")), "{v:?}");
        assert!(v.iter().any(|l| l.starts_with("quotes\tEXTRA\td1\t120-136")), "{v:?}");
        assert_eq!(v.len(), 2);
        let md = r.to_markdown();
        assert!(md.contains("| detection (overlap) | 0.667 | 1.000 | 0.800 | 2 | 1 | 0 |"), "{md}");
        assert!(md.contains("Speaker accuracy on matched quotes: 0.500 (1/2)"), "{md}");
        assert_eq!(r.to_json()["quotes"]["exact"]["tp"], 1);
        // A stricter threshold drops the indirect match: 0.8 < 0.9.
        let strict = Options { overlap_threshold: 0.9, ..Options::default() };
        let r = eval_csv(g.path(), p.path(), &strict).unwrap();
        assert_eq!(r.quotes.unwrap().detection, Counts::new(1, 2, 1));
    }

    #[test]
    fn empty_prediction_misses_everything() {
        let (g, p) = dirs();
        write(g.path(), "quotes.csv", GOLD_QUOTES);
        write(p.path(), "quotes.csv", &pred_quotes(&[]));
        let r = eval_csv(g.path(), p.path(), &Options::default()).unwrap();
        let q = r.quotes.unwrap();
        assert_eq!(q.detection, Counts::new(0, 0, 2));
        assert_eq!(q.detection.f1(), 0.0);
        assert!(r.organizations.is_none() && r.figures.is_none());
    }

    #[test]
    fn gold_without_quote_text_falls_back_to_code_points() {
        let (g, p) = dirs();
        write(g.path(), "quotes.csv", "doc_id,start,end,optional\nd1,0,10,0\n");
        write(p.path(), "quotes.csv", &pred_quotes(&[("d1", "A", QuoteKind::Direct, "abcdef", 4, 10)]));
        let r = eval_csv(g.path(), p.path(), &Options::default()).unwrap();
        let q = r.quotes.unwrap();
        assert_eq!(q.detection, Counts::new(1, 0, 0)); // 6 / 10 code points
        assert_eq!(q.speaker, None);
    }

    #[test]
    fn organizations_match_by_alias_per_document() {
        let (g, p) = dirs();
        write(
            g.path(),
            "organizations.csv",
            "doc_id,organization,aliases,optional\n\
             d1,American Civil Liberties Union,ACLU,0\n\
             d1,Cristosal,,0\n\
             d1,CECOT,,1\n\
             d2,MS-13,Mara Salvatrucha,0\n",
        );
        write(
            p.path(),
            "organizations.csv",
            "organization,aliases,mentions,documents,doc_ids\n\
             aclu,,3,2,d1;d2\n\
             CECOT,Terrorism Confinement Center,2,1,d1\n\
             Mara Salvatrucha,MS13,1,1,d2\n\
             Reuters,,1,1,d3\n",
        );
        let opts = Options { verbose: true, ..Options::default() };
        let r = eval_csv(g.path(), p.path(), &opts).unwrap();
        // d1: ACLU TP, Cristosal FN, CECOT optional; d2: ACLU FP, MS-13 TP; d3 out of scope.
        assert_eq!(r.organizations.as_ref().unwrap().counts, Counts::new(2, 1, 1));
        assert_eq!(r.verbose_lines(), vec!["organizations\tMISS\td1\tCristosal", "organizations\tEXTRA\td2\taclu"]);
    }

    #[test]
    fn figures_values_units_and_optional() {
        let (g, p) = dirs();
        write(
            g.path(),
            "figures.csv",
            "doc_id,text,value,unit,kind,start,end,optional\n\
             d1,$6mn,6000000,USD,money,10,14,0\n\
             d1,82%,82,%,percent,30,33,0\n\
             d1,hundreds,100,,count,50,58,1\n\
             d1,250,250,,count,70,73,0\n",
        );
        write(
            p.path(),
            "figures.csv",
            "doc_id,figure_id,text,value,unit,kind,qualifier,subject,start,end\n\
             d1,f1,$6mn,6000000.0,USD,money,exact,,10,14\n\
             d1,f2,82,82,,count,exact,,30,32\n\
             d1,f3,hundreds,100,,count,vague,,50,58\n\
             d1,f4,1996,1996,,count,exact,,90,94\n",
        );
        let r = eval_csv(g.path(), p.path(), &Options::default()).unwrap();
        let f = r.figures.unwrap();
        assert_eq!(f.detection, Counts::new(2, 1, 1));
        assert_eq!(f.value, Some(Accuracy { correct: 2, total: 2 }));
        assert_eq!(f.unit, Some(Accuracy { correct: 1, total: 2 }));
        assert_eq!(f.kind, Some(Accuracy { correct: 1, total: 2 }));
    }

    #[test]
    fn entities_exact_and_partial() {
        let (g, p) = dirs();
        write(
            g.path(),
            "entities.csv",
            "doc_id,text,label,start,end,optional\n\
             d1,Nayib Bukele,PERSON,0,12,0\n\
             d1,El Salvador,LOC,20,31,0\n\
             d1,ACLU,ORG,40,44,0\n",
        );
        write(
            p.path(),
            "entities.csv",
            "doc_id,entity_id,text,label,canonical,start,end,score\n\
             d1,e1,Bukele,PERSON,Nayib Bukele,6,12,0.9\n\
             d1,e2,El Salvador,LOC,El Salvador,20,31,0.9\n\
             d1,e3,ACLU,MISC,ACLU,40,44,0.9\n",
        );
        let r = eval_csv(g.path(), p.path(), &Options::default()).unwrap();
        let e = r.entities.unwrap();
        assert_eq!(e.exact.micro, Counts::new(1, 2, 2));
        assert_eq!(e.partial.micro, Counts::new(2, 1, 1));
        assert_eq!(e.partial.per_label["PERSON"], Counts::new(1, 0, 0));
        assert_eq!(e.exact.per_label["MISC"], Counts::new(0, 1, 0));
    }

    #[test]
    fn a_missing_folder_is_named() {
        let (g, _) = dirs();
        let nope = Path::new("/nope");
        let err = eval_csv(nope, g.path(), &Options::default()).unwrap_err();
        assert!(matches!(err, EvalError::NotFound { .. }));
        assert_eq!(err.to_string(), "no such file or folder: /nope");
        let err = eval_csv(g.path(), nope, &Options::default()).unwrap_err();
        assert_eq!(err.to_string(), "no such file or folder: /nope");
        let err = crate::eval::eval_brat(nope, g.path(), &Options::default()).unwrap_err();
        assert_eq!(err.to_string(), "no such file or folder: /nope");
    }

    #[test]
    fn kinds_compare_typed_and_unknown_columns_are_ignored() {
        // Gold leaves one kind empty; the prediction has a later contract's extra column.
        let (g, p) = dirs();
        write(g.path(), "quotes.csv", "doc_id,kind,quote,start,end\nd1,mixed,we will win,0,11\nd1,,they lost,20,29\n");
        let table = pred_quotes(&[
            ("d1", "A", QuoteKind::Direct, "we will win", 0, 11),
            ("d1", "B", QuoteKind::Indirect, "they lost", 20, 29),
        ]);
        let with_rule: String = table
            .lines()
            .enumerate()
            .map(|(i, l)| format!("{l},{}\n", if i == 0 { "later" } else { "colon" }))
            .collect();
        write(p.path(), "quotes.csv", &with_rule);
        let q = eval_csv(g.path(), p.path(), &Options::default()).unwrap().quotes.unwrap();
        assert_eq!(q.detection, Counts::new(2, 0, 0));
        let mixed = &q.by_kind[&Some(QuoteKind::Mixed)];
        assert_eq!((mixed.gold_found.correct, mixed.kind_agrees.correct), (1, 0));
        assert_eq!(q.by_kind[&None].kind_agrees.total, 1);
        assert_eq!(q.by_kind[&Some(QuoteKind::Indirect)].pred_matched.correct, 1);
        let md = TableReport { quotes: Some(q), ..TableReport::new(GoldFormat::Csv, 0.5) }.to_markdown();
        let kinds: Vec<&str> = md
            .lines()
            .filter(|l| {
                l.starts_with("| (none)")
                    || l.starts_with("| direct")
                    || l.starts_with("| indirect")
                    || l.starts_with("| mixed")
            })
            .map(|l| l.split(' ').nth(1).unwrap())
            .collect();
        assert_eq!(kinds, vec!["(none)", "direct", "indirect", "mixed"]);
    }

    #[test]
    fn errors_name_the_file() {
        let (g, p) = dirs();
        let err = eval_csv(g.path(), p.path(), &Options::default()).unwrap_err();
        assert!(matches!(err, EvalError::Nothing { .. }));
        write(g.path(), "figures.csv", "doc_id,start,end\nd1,x,3\n");
        write(p.path(), "figures.csv", "doc_id,start,end\n");
        let err = eval_csv(g.path(), p.path(), &Options::default()).unwrap_err().to_string();
        assert!(err.contains("figures.csv") && err.contains("row 2") && err.contains("`start`"), "{err}");
    }
}
