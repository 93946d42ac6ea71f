//! Scoring the CSV tables (quotes, organizations, figures, entities) against the gold set.
//!
//! Gold files follow SCHEMA.md plus an `optional` column (`1`/`0`) and may leave out columns
//! they do not label, so every table is read by header name ([`Table`]) rather than through
//! the strict export structs. A table is scored when it exists in both folders. The documents
//! in scope are those the gold set names (any gold table's `doc_id`s, plus the gold
//! `documents.csv` when present): predictions for other documents are ignored, so the
//! pipeline may run on a larger corpus than the gold set covers.
//!
//! Hands a [`Report`] with one section per scored table to the binary.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use csv::StringRecord;
use serde::Serialize;

use super::conll::EntityScores;
use super::metrics::{match_greedy, normalize_name, range_overlap, Accuracy, Counts, TokenSpan};
use super::report::Report;
use super::{EvalError, Options};
use crate::doc::EntityLabel;

/// A CSV file read by header name.
pub(crate) struct Table {
    pub path: PathBuf,
    cols: HashMap<String, usize>,
    pub rows: Vec<StringRecord>,
}

impl Table {
    pub fn read(path: &Path) -> Result<Table, EvalError> {
        let csv_err = |source| EvalError::Csv {
            path: path.to_path_buf(),
            source,
        };
        let file = std::fs::File::open(path).map_err(|e| EvalError::io(path, e))?;
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(file);
        let headers = reader.headers().map_err(csv_err)?.clone();
        let cols = headers
            .iter()
            .enumerate()
            // A spreadsheet may save a byte order mark before the first header.
            .map(|(i, h)| (h.trim_start_matches('\u{feff}').trim().to_string(), i))
            .collect();
        let rows = reader
            .records()
            .collect::<Result<Vec<_>, _>>()
            .map_err(csv_err)?;
        Ok(Table {
            path: path.to_path_buf(),
            cols,
            rows,
        })
    }

    pub fn has(&self, col: &str) -> bool {
        self.cols.contains_key(col)
    }

    /// The cell, trimmed; empty when the column or cell is absent.
    pub fn get<'a>(&self, row: &'a StringRecord, col: &str) -> &'a str {
        self.cols
            .get(col)
            .and_then(|&i| row.get(i))
            .unwrap_or("")
            .trim()
    }

    fn require(&self, col: &str) -> Result<(), EvalError> {
        if self.has(col) {
            Ok(())
        } else {
            Err(EvalError::invalid(
                &self.path,
                format!("missing column `{col}`"),
            ))
        }
    }

    fn offset(&self, i: usize, col: &str) -> Result<usize, EvalError> {
        let cell = self.get(&self.rows[i], col);
        cell.parse().map_err(|_| {
            // Row numbers as a spreadsheet shows them: the header is row 1.
            EvalError::invalid(
                &self.path,
                format!("row {}: `{col}` is not an offset: {cell:?}", i + 2),
            )
        })
    }

    fn optional(&self, row: &StringRecord) -> bool {
        matches!(self.get(row, "optional"), "1" | "true" | "yes")
    }
}

/// Quote scores: detection at the overlap threshold and with exact spans, speaker accuracy
/// on matched quotes, quote-and-speaker end to end, and per-kind rates.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct QuoteScores {
    pub detection: Counts,
    /// Same first and last word as gold (edge quotation marks and punctuation ignored).
    pub exact: Counts,
    /// On predictions matched to required gold quotes; `None` when gold has no `speaker`.
    pub speaker: Option<Accuracy>,
    /// A prediction counts only when matched and its speaker is right.
    pub quote_speaker: Option<Counts>,
    pub by_kind: BTreeMap<String, KindScores>,
}

/// Per quote kind: how many required gold quotes of the kind were found, how many predicted
/// quotes of the kind matched a gold quote (matched to optional rows left out), and how many
/// matched gold quotes of the kind got the same kind predicted.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct KindScores {
    pub gold_found: Accuracy,
    pub pred_matched: Accuracy,
    pub kind_agrees: Accuracy,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct OrganizationScores {
    pub counts: Counts,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct FigureScores {
    pub detection: Counts,
    /// On matched required figures, for the columns the gold file has.
    pub value: Option<Accuracy>,
    pub unit: Option<Accuracy>,
    pub kind: Option<Accuracy>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct EntityTableScores {
    /// Same span and label.
    pub exact: EntityScores,
    /// Same label and overlapping spans, one to one.
    pub partial: EntityScores,
}

/// Scores every table present in both `gold_dir` and `pred_dir`.
pub fn eval_csv(gold_dir: &Path, pred_dir: &Path, opts: &Options) -> Result<Report, EvalError> {
    let mut report = Report::new("csv", opts.overlap_threshold);
    let mut gold = BTreeMap::new();
    let mut pred = BTreeMap::new();
    for name in ["quotes", "organizations", "figures", "entities"] {
        let file = format!("{name}.csv");
        let (g, p) = (gold_dir.join(&file), pred_dir.join(&file));
        if g.is_file() && p.is_file() {
            gold.insert(name, Table::read(&g)?);
            pred.insert(name, Table::read(&p)?);
        }
    }
    if gold.is_empty() {
        return Err(EvalError::Nothing {
            path: gold_dir.to_path_buf(),
            reason: format!("no gold table also found in {}", pred_dir.display()),
        });
    }
    let mut docs = BTreeSet::new();
    for t in gold.values() {
        if t.has("doc_id") {
            docs.extend(t.rows.iter().map(|r| t.get(r, "doc_id").to_string()));
        }
    }
    let gold_documents = gold_dir.join("documents.csv");
    if gold_documents.is_file() {
        let t = Table::read(&gold_documents)?;
        docs.extend(t.rows.iter().map(|r| t.get(r, "doc_id").to_string()));
    }
    report.documents = docs.len();
    let lines = &mut report.details;
    if let (Some(g), Some(p)) = (gold.get("quotes"), pred.get("quotes")) {
        report.quotes = Some(score_quotes(g, p, &docs, opts, lines)?);
    }
    if let (Some(g), Some(p)) = (gold.get("organizations"), pred.get("organizations")) {
        report.organizations = Some(score_organizations(g, p, &docs, opts, lines)?);
    }
    if let (Some(g), Some(p)) = (gold.get("figures"), pred.get("figures")) {
        report.figures = Some(score_figures(g, p, &docs, opts, lines)?);
    }
    if let (Some(g), Some(p)) = (gold.get("entities"), pred.get("entities")) {
        report.entities = Some(score_entities(g, p, &docs)?);
    }
    Ok(report)
}

/// Row indices of a table grouped by `doc_id`, only for documents in scope.
fn by_doc<'a>(
    t: &Table,
    docs: &'a BTreeSet<String>,
) -> Result<BTreeMap<&'a str, Vec<usize>>, EvalError> {
    t.require("doc_id")?;
    let mut out: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, row) in t.rows.iter().enumerate() {
        if let Some(d) = docs.get(t.get(row, "doc_id")) {
            out.entry(d.as_str()).or_default().push(i);
        }
    }
    Ok(out)
}

/// A quote (gold or predicted) reduced to what scoring needs.
struct QuoteItem {
    start: usize,
    end: usize,
    /// Word tokens, when the row's `quote` text agrees with its offsets.
    words: Option<TokenSpan>,
    speaker: String,
    kind: String,
    optional: bool,
    text: String,
}

impl QuoteItem {
    fn read(t: &Table, i: usize) -> Result<QuoteItem, EvalError> {
        let row = &t.rows[i];
        let (start, end) = (t.offset(i, "start")?, t.offset(i, "end")?);
        let text = t.get(row, "quote").to_string();
        let words = (!text.is_empty() && text.chars().count() == end.saturating_sub(start))
            .then(|| TokenSpan::from_text(&text, start));
        Ok(QuoteItem {
            start,
            end,
            words,
            speaker: t.get(row, "speaker").to_string(),
            kind: t.get(row, "kind").to_lowercase(),
            optional: t.optional(row),
            text,
        })
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
            (Some(a), Some(b)) => (
                a.bounds().unwrap_or((self.start, self.end)),
                b.bounds().unwrap_or((other.start, other.end)),
            ),
            _ => ((self.start, self.end), (other.start, other.end)),
        }
    }
}

pub(crate) fn snippet(s: &str) -> String {
    const MAX: usize = 60;
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= MAX {
        one_line
    } else {
        format!("{}…", one_line.chars().take(MAX).collect::<String>())
    }
}

fn score_quotes(
    gold: &Table,
    pred: &Table,
    docs: &BTreeSet<String>,
    opts: &Options,
    lines: &mut Vec<String>,
) -> Result<QuoteScores, EvalError> {
    for c in ["start", "end"] {
        gold.require(c)?;
        pred.require(c)?;
    }
    let with_speaker = gold.has("speaker");
    let mut s = QuoteScores::default();
    let mut speaker = Accuracy::default();
    let mut quote_speaker = Counts::default();
    let gold_docs = by_doc(gold, docs)?;
    let pred_docs = by_doc(pred, docs)?;
    for doc in docs {
        let g: Vec<QuoteItem> = gold_docs
            .get(doc.as_str())
            .into_iter()
            .flatten()
            .map(|&i| QuoteItem::read(gold, i))
            .collect::<Result<_, _>>()?;
        let p: Vec<QuoteItem> = pred_docs
            .get(doc.as_str())
            .into_iter()
            .flatten()
            .map(|&i| QuoteItem::read(pred, i))
            .collect::<Result<_, _>>()?;
        let optional: Vec<bool> = g.iter().map(|q| q.optional).collect();
        let m = match_greedy(&optional, p.len(), |gi, pi| {
            let o = g[gi].overlap(&p[pi]);
            (o > 0.0 && o >= opts.overlap_threshold).then_some(o)
        });
        s.detection.add(m.counts(&optional));
        let exact = match_greedy(&optional, p.len(), |gi, pi| {
            let (a, b) = g[gi].bounds(&p[pi]);
            (a == b).then_some(1.0)
        });
        s.exact.add(exact.counts(&optional));
        let speaker_ok =
            |gi: usize, pi: usize| normalize_name(&g[gi].speaker) == normalize_name(&p[pi].speaker);
        if with_speaker {
            quote_speaker.add(m.counts_where(&optional, speaker_ok));
            for &(gi, pi, _) in &m.pairs {
                if !optional[gi] {
                    speaker.record(speaker_ok(gi, pi));
                }
            }
        }
        for (gi, q) in g.iter().enumerate() {
            if q.optional {
                continue;
            }
            let k = s.by_kind.entry(q.kind.clone()).or_default();
            k.gold_found.record(m.gold_match[gi].is_some());
            if let Some(pi) = m.gold_match[gi] {
                k.kind_agrees.record(p[pi].kind == q.kind);
            }
        }
        for (pi, q) in p.iter().enumerate() {
            match m.pred_match[pi] {
                Some(gi) if optional[gi] => {}
                hit => s
                    .by_kind
                    .entry(q.kind.clone())
                    .or_default()
                    .pred_matched
                    .record(hit.is_some()),
            }
        }
        if opts.verbose {
            for (gi, q) in g.iter().enumerate() {
                match m.gold_match[gi] {
                    None if !q.optional => lines.push(format!(
                        "quotes\tMISS\t{doc}\t{}-{}\t{}\t{:?}",
                        q.start,
                        q.end,
                        q.speaker,
                        snippet(&q.text)
                    )),
                    Some(pi) if with_speaker && !q.optional && !speaker_ok(gi, pi) => {
                        lines.push(format!(
                            "quotes\tSPEAKER\t{doc}\t{}-{}\tgold {:?} pred {:?}\t{:?}",
                            q.start,
                            q.end,
                            q.speaker,
                            p[pi].speaker,
                            snippet(&q.text)
                        ))
                    }
                    _ => {}
                }
            }
            for (pi, q) in p.iter().enumerate() {
                if m.pred_match[pi].is_none() {
                    lines.push(format!(
                        "quotes\tEXTRA\t{doc}\t{}-{}\t{}\t{:?}",
                        q.start,
                        q.end,
                        q.speaker,
                        snippet(&q.text)
                    ));
                }
            }
        }
    }
    if with_speaker {
        s.speaker = Some(speaker);
        s.quote_speaker = Some(quote_speaker);
    }
    Ok(s)
}

/// One organization: its canonical name and aliases, normalised.
struct OrgItem {
    display: String,
    names: BTreeSet<String>,
    optional: bool,
}

fn org_item(t: &Table, row: &StringRecord) -> OrgItem {
    let display = t.get(row, "organization").to_string();
    let names = std::iter::once(display.as_str())
        .chain(t.get(row, "aliases").split('|'))
        .map(normalize_name)
        .filter(|n| !n.is_empty())
        .collect();
    OrgItem {
        display,
        names,
        optional: t.optional(row),
    }
}

fn score_organizations(
    gold: &Table,
    pred: &Table,
    docs: &BTreeSet<String>,
    opts: &Options,
    lines: &mut Vec<String>,
) -> Result<OrganizationScores, EvalError> {
    gold.require("organization")?;
    pred.require("organization")?;
    let mut g_docs: BTreeMap<&str, Vec<OrgItem>> = BTreeMap::new();
    for (d, rows) in by_doc(gold, docs)? {
        g_docs.insert(
            d,
            rows.iter()
                .map(|&i| org_item(gold, &gold.rows[i]))
                .collect(),
        );
    }
    // The pipeline's table is corpus-wide with `;`-separated doc_ids; a per-document table
    // (a `doc_id` column, as gold has) is read as it is.
    let mut p_docs: BTreeMap<&str, Vec<OrgItem>> = BTreeMap::new();
    for row in &pred.rows {
        let ids: Vec<&str> = if pred.has("doc_id") {
            vec![pred.get(row, "doc_id")]
        } else {
            pred.get(row, "doc_ids").split(';').map(str::trim).collect()
        };
        for id in ids {
            if let Some(d) = docs.get(id) {
                let mut item = org_item(pred, row);
                item.optional = false;
                p_docs.entry(d.as_str()).or_default().push(item);
            }
        }
    }
    let mut s = OrganizationScores::default();
    for doc in docs {
        let g = g_docs.get(doc.as_str()).map(Vec::as_slice).unwrap_or(&[]);
        let p = p_docs.get(doc.as_str()).map(Vec::as_slice).unwrap_or(&[]);
        let optional: Vec<bool> = g.iter().map(|o| o.optional).collect();
        let m = match_greedy(&optional, p.len(), |gi, pi| {
            (!g[gi].names.is_disjoint(&p[pi].names)).then_some(1.0)
        });
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
    Ok(s)
}

/// A decimal in a canonical written form: `6000000.0` -> `6000000`, `+1,250.50` -> `1250.5`.
pub fn normalize_decimal(s: &str) -> String {
    let s: String = s
        .trim()
        .trim_start_matches('+')
        .chars()
        .filter(|c| *c != ',' && *c != '_')
        .collect();
    let (neg, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest.to_string()),
        None => (false, s),
    };
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let body = if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    };
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

fn score_figures(
    gold: &Table,
    pred: &Table,
    docs: &BTreeSet<String>,
    opts: &Options,
    lines: &mut Vec<String>,
) -> Result<FigureScores, EvalError> {
    for c in ["start", "end"] {
        gold.require(c)?;
        pred.require(c)?;
    }
    let mut s = FigureScores::default();
    let (mut value, mut unit, mut kind) = (
        Accuracy::default(),
        Accuracy::default(),
        Accuracy::default(),
    );
    let g_docs = by_doc(gold, docs)?;
    let p_docs = by_doc(pred, docs)?;
    let spans =
        |t: &Table, rows: Option<&Vec<usize>>| -> Result<Vec<(usize, usize, usize)>, EvalError> {
            rows.into_iter()
                .flatten()
                .map(|&i| Ok((i, t.offset(i, "start")?, t.offset(i, "end")?)))
                .collect()
        };
    for doc in docs {
        let g = spans(gold, g_docs.get(doc.as_str()))?;
        let p = spans(pred, p_docs.get(doc.as_str()))?;
        let optional: Vec<bool> = g
            .iter()
            .map(|&(i, _, _)| gold.optional(&gold.rows[i]))
            .collect();
        let m = match_greedy(&optional, p.len(), |gi, pi| {
            let (a, b) = ((g[gi].1, g[gi].2), (p[pi].1, p[pi].2));
            let inter = a.1.min(b.1).saturating_sub(a.0.max(b.0));
            let union = a.1.max(b.1) - a.0.min(b.0);
            (inter > 0).then(|| inter as f64 / union as f64)
        });
        s.detection.add(m.counts(&optional));
        for &(gi, pi, _) in &m.pairs {
            if optional[gi] {
                continue;
            }
            let (gr, pr) = (&gold.rows[g[gi].0], &pred.rows[p[pi].0]);
            let ok = same_value(gold.get(gr, "value"), pred.get(pr, "value"));
            value.record(ok);
            unit.record(
                gold.get(gr, "unit")
                    .eq_ignore_ascii_case(pred.get(pr, "unit")),
            );
            kind.record(
                gold.get(gr, "kind")
                    .eq_ignore_ascii_case(pred.get(pr, "kind")),
            );
            if opts.verbose && gold.has("value") && !ok {
                lines.push(format!(
                    "figures\tVALUE\t{doc}\t{}-{}\t{:?}\tgold {} pred {}",
                    g[gi].1,
                    g[gi].2,
                    gold.get(gr, "text"),
                    gold.get(gr, "value"),
                    pred.get(pr, "value")
                ));
            }
        }
        if opts.verbose {
            for (gi, &(i, st, en)) in g.iter().enumerate() {
                if m.gold_match[gi].is_none() && !optional[gi] {
                    lines.push(format!(
                        "figures\tMISS\t{doc}\t{st}-{en}\t{:?}",
                        gold.get(&gold.rows[i], "text")
                    ));
                }
            }
            for (pi, &(i, st, en)) in p.iter().enumerate() {
                if m.pred_match[pi].is_none() {
                    lines.push(format!(
                        "figures\tEXTRA\t{doc}\t{st}-{en}\t{:?}",
                        pred.get(&pred.rows[i], "text")
                    ));
                }
            }
        }
    }
    s.value = gold.has("value").then_some(value);
    s.unit = gold.has("unit").then_some(unit);
    s.kind = gold.has("kind").then_some(kind);
    Ok(s)
}

/// `(start, end, label, optional)` of the entity rows of one document.
fn entity_items(
    t: &Table,
    rows: Option<&Vec<usize>>,
) -> Result<Vec<(usize, usize, EntityLabel, bool)>, EvalError> {
    rows.into_iter()
        .flatten()
        .map(|&i| {
            let raw = t.get(&t.rows[i], "label");
            let label = EntityLabel::parse(raw).ok_or_else(|| {
                EvalError::invalid(&t.path, format!("row {}: unknown label {raw:?}", i + 2))
            })?;
            Ok((
                t.offset(i, "start")?,
                t.offset(i, "end")?,
                label,
                t.optional(&t.rows[i]),
            ))
        })
        .collect()
}

fn score_entities(
    gold: &Table,
    pred: &Table,
    docs: &BTreeSet<String>,
) -> Result<EntityTableScores, EvalError> {
    for c in ["start", "end", "label"] {
        gold.require(c)?;
        pred.require(c)?;
    }
    let mut s = EntityTableScores::default();
    let g_docs = by_doc(gold, docs)?;
    let p_docs = by_doc(pred, docs)?;
    for doc in docs {
        let g_all = entity_items(gold, g_docs.get(doc.as_str()))?;
        let p_all = entity_items(pred, p_docs.get(doc.as_str()))?;
        // Labels must agree in both variants, so each label is matched on its own.
        for label in EntityLabel::ALL {
            let g: Vec<_> = g_all.iter().filter(|e| e.2 == label).collect();
            let p: Vec<_> = p_all.iter().filter(|e| e.2 == label).collect();
            if g.is_empty() && p.is_empty() {
                continue;
            }
            let optional: Vec<bool> = g.iter().map(|e| e.3).collect();
            let exact = match_greedy(&optional, p.len(), |gi, pi| {
                (g[gi].0 == p[pi].0 && g[gi].1 == p[pi].1).then_some(1.0)
            });
            s.exact.add(label.as_str(), exact.counts(&optional));
            let partial = match_greedy(&optional, p.len(), |gi, pi| {
                let o = range_overlap((g[gi].0, g[gi].1), (p[pi].0, p[pi].1));
                (o > 0.0).then_some(o)
            });
            s.partial.add(label.as_str(), partial.counts(&optional));
        }
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

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
            "doc_id,quote_id,speaker,kind,quote,start,end\n\
             d1,q1,jaime  ORTEGA,direct,we will not stop,13,29\n\
             d1,q2,Ortega,indirect,that the law was unfair,49,72\n\
             d1,q3,,direct,state of exception,80,98\n\
             d1,q4,Bukele,indirect,prisons are full,120,136\n\
             d9,q1,X,direct,anything,0,8\n",
        );
        let opts = Options {
            verbose: true,
            ..Options::default()
        };
        let r = eval_csv(g.path(), p.path(), &opts).unwrap();
        let q = r.quotes.as_ref().unwrap();
        assert_eq!(r.documents, 1);
        assert_eq!(q.detection, Counts::new(2, 1, 0));
        // Exact: q1 has the same first and last word; q2 starts one word early.
        assert_eq!(q.exact, Counts::new(1, 2, 1));
        assert_eq!(
            q.speaker,
            Some(Accuracy {
                correct: 1,
                total: 2
            })
        );
        assert_eq!(q.quote_speaker, Some(Counts::new(1, 2, 1)));
        assert_eq!(
            q.by_kind["direct"].gold_found,
            Accuracy {
                correct: 1,
                total: 1
            }
        );
        assert_eq!(
            q.by_kind["indirect"].pred_matched,
            Accuracy {
                correct: 1,
                total: 2
            }
        );
        let v = r.verbose_lines();
        assert!(
            v.iter()
                .any(|l| l.starts_with("quotes\tSPEAKER\td1\t54-72")),
            "{v:?}"
        );
        assert!(
            v.iter()
                .any(|l| l.starts_with("quotes\tEXTRA\td1\t120-136")),
            "{v:?}"
        );
        assert_eq!(v.len(), 2);
        let md = r.to_markdown();
        assert!(
            md.contains("| detection (overlap) | 0.667 | 1.000 | 0.800 | 2 | 1 | 0 |"),
            "{md}"
        );
        assert!(
            md.contains("Speaker accuracy on matched quotes: 0.500 (1/2)"),
            "{md}"
        );
        assert_eq!(r.to_json()["quotes"]["exact"]["tp"], 1);
        // A stricter threshold drops the indirect match: 0.8 < 0.9.
        let strict = Options {
            overlap_threshold: 0.9,
            ..Options::default()
        };
        let r = eval_csv(g.path(), p.path(), &strict).unwrap();
        assert_eq!(r.quotes.unwrap().detection, Counts::new(1, 2, 1));
    }

    #[test]
    fn empty_prediction_misses_everything() {
        let (g, p) = dirs();
        write(g.path(), "quotes.csv", GOLD_QUOTES);
        write(
            p.path(),
            "quotes.csv",
            "doc_id,quote_id,speaker,kind,quote,start,end\n",
        );
        let r = eval_csv(g.path(), p.path(), &Options::default()).unwrap();
        let q = r.quotes.unwrap();
        assert_eq!(q.detection, Counts::new(0, 0, 2));
        assert_eq!(q.detection.f1(), 0.0);
        assert!(r.organizations.is_none() && r.figures.is_none());
    }

    #[test]
    fn gold_without_quote_text_falls_back_to_code_points() {
        let (g, p) = dirs();
        write(
            g.path(),
            "quotes.csv",
            "doc_id,start,end,optional\nd1,0,10,0\n",
        );
        write(
            p.path(),
            "quotes.csv",
            "doc_id,speaker,kind,quote,start,end\nd1,A,direct,abcdef,4,10\n",
        );
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
        let opts = Options {
            verbose: true,
            ..Options::default()
        };
        let r = eval_csv(g.path(), p.path(), &opts).unwrap();
        // d1: ACLU TP, Cristosal FN, CECOT optional; d2: ACLU FP, MS-13 TP; d3 out of scope.
        assert_eq!(
            r.organizations.as_ref().unwrap().counts,
            Counts::new(2, 1, 1)
        );
        assert_eq!(
            r.verbose_lines(),
            vec![
                "organizations\tMISS\td1\tCristosal",
                "organizations\tEXTRA\td2\taclu"
            ]
        );
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
        assert_eq!(
            f.value,
            Some(Accuracy {
                correct: 2,
                total: 2
            })
        );
        assert_eq!(
            f.unit,
            Some(Accuracy {
                correct: 1,
                total: 2
            })
        );
        assert_eq!(
            f.kind,
            Some(Accuracy {
                correct: 1,
                total: 2
            })
        );
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
    fn errors_name_the_file() {
        let (g, p) = dirs();
        let err = eval_csv(g.path(), p.path(), &Options::default()).unwrap_err();
        assert!(matches!(err, EvalError::Nothing { .. }));
        write(g.path(), "figures.csv", "doc_id,start,end\nd1,x,3\n");
        write(p.path(), "figures.csv", "doc_id,start,end\n");
        let err = eval_csv(g.path(), p.path(), &Options::default())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("figures.csv") && err.contains("row 2") && err.contains("`start`"),
            "{err}"
        );
    }
}
