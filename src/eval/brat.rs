//! PolNeAR gold: loads brat standoff attribution files and scores the pipeline's
//! `quotes.csv` (with `attributions.csv`, the stances, when present) against them. Hands an
//! [`AttributionScores`] section to the [`Report`].
//!
//! A PolNeAR split folder holds `text/NAME.txt` and `attributions/NAME_<annotator>.ann` (or
//! `NAME.ann`); when an article has several annotators' files the lexicographically first
//! is used, and an article with none is skipped. In an `.ann` file
//! - `T3\tContent 115 290\ttext` is a text-bound span, possibly discontinuous
//!   (`Content 315 448;463 553`, fragments in any order, text joined by a space);
//! - `E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1` ties an attribution together; the
//!   trigger may be `Attribution-no-source` (no `Source`), and a second content fragment may
//!   come as `Content2:T22`;
//! - a span text holding a newline runs on in lines of its own; lines whose first field is not
//!   a `T`/`E` id with a number (`T12`) are skipped, like notes and relations.
//!
//! Offsets are Unicode **code points**, like ours: on the dev split every one of the 9,095
//! text-bound spans equals `text[start:end]` counted in code points, while 4,187 differ when
//! counted in UTF-8 bytes (the texts use `’`, `“`, `—`).
//!
//! Scoring: a gold quote is an attribution's Content, its speaker the Source span. A predicted
//! quote is scored by its `clause_start`/`clause_end` columns when the table has them (the whole
//! reported clause, which PolNeAR calls content, also around a mixed quote's marked words), else
//! by `start`/`end`; it matches one to one by word-token overlap (see
//! [`super::metrics::TokenSpan::overlap`]).
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
//! `start` and `end` are that hull in both cases. It is `direct` when any row is
//! `direct` or `mixed`, else `indirect`; its speaker and mention are those of its first row that
//! has mention offsets (else of its first row). The folded scores are the PolNeAR numbers
//! (`all`, `quoted`); the scores of the rows as written are kept under `rows`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::metrics::{match_greedy, normalize_name, Accuracy, Counts, TokenSpan};
use super::report::Report;
use super::tables::{snippet, Table};
use super::{EvalError, Options, UnitSpan};

/// A text-bound annotation (`T` line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextBound {
    pub kind: String,
    /// Code point ranges `[start, end)`, in file order.
    pub fragments: Vec<(usize, usize)>,
    pub text: String,
}

/// One attribution (`E` line): the argument ids by role (`Content2` folded into `Content`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub id: String,
    pub trigger: String,
    pub args: Vec<(String, String)>,
}

/// A parsed `.ann` file; lines other than `T` and `E` (notes, relations) are ignored.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AnnFile {
    pub spans: HashMap<String, TextBound>,
    pub events: Vec<Event>,
}

/// Parses `.ann` text; the error names the line.
pub fn parse_ann(content: &str) -> Result<AnnFile, String> {
    let mut ann = AnnFile::default();
    for (n, line) in content.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        let bad = |why: &str| format!("line {}: {why}: {line:?}", n + 1);
        let mut cols = line.splitn(3, '\t');
        let id = cols.next().unwrap_or("");
        let body = cols.next().unwrap_or("");
        // A span text holding a newline runs on in lines of its own (`The number of people…`
        // in PolNeAR train); only `T12`/`E3`-style ids start an annotation.
        let numbered = id.len() > 1 && id[1..].bytes().all(|b| b.is_ascii_digit());
        if !numbered {
            continue;
        }
        if id.starts_with('T') {
            let (kind, offsets) = body.split_once(' ').ok_or_else(|| bad("no offsets"))?;
            let mut fragments = Vec::new();
            for frag in offsets.split(';') {
                let (s, e) = frag
                    .trim()
                    .split_once(' ')
                    .ok_or_else(|| bad("bad fragment"))?;
                let (s, e) = (
                    s.parse().map_err(|_| bad("bad offset"))?,
                    e.parse().map_err(|_| bad("bad offset"))?,
                );
                if s > e {
                    return Err(bad("start after end"));
                }
                fragments.push((s, e));
            }
            let text = cols.next().unwrap_or("").to_string();
            ann.spans.insert(
                id.to_string(),
                TextBound {
                    kind: kind.to_string(),
                    fragments,
                    text,
                },
            );
        } else if id.starts_with('E') {
            let mut parts = body.split_whitespace();
            let trigger = parts.next().ok_or_else(|| bad("empty event"))?;
            let (trigger, _) = trigger.split_once(':').ok_or_else(|| bad("bad trigger"))?;
            let args = parts
                .map(|a| {
                    let (role, target) = a.split_once(':').ok_or_else(|| bad("bad argument"))?;
                    // `Content2` is a second argument of role `Content`.
                    Ok((
                        role.trim_end_matches(|c: char| c.is_ascii_digit())
                            .to_string(),
                        target.to_string(),
                    ))
                })
                .collect::<Result<_, String>>()?;
            ann.events.push(Event {
                id: id.to_string(),
                trigger: trigger.to_string(),
                args,
            });
        }
    }
    Ok(ann)
}

/// A gold attribution: content fragments, and the source span if there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldAttribution {
    pub content: Vec<(usize, usize)>,
    pub content_text: String,
    pub source: Option<TextBound>,
    /// The cue words (`said`, `according to`), when the attribution has a `Cue` argument.
    pub cue: Option<TextBound>,
    /// The content holds a quotation mark.
    pub quoted: bool,
}

/// A double quotation mark, or two apostrophes standing for one (`''Quiet,'' he said`, as the
/// New York Times copy in PolNeAR writes them).
fn has_quote_mark(s: &str) -> bool {
    s.chars().any(|c| matches!(c, '"' | '“' | '”' | '«' | '»')) || s.contains("''")
}

/// The attributions of a parsed file; an event without a Content argument is skipped.
pub fn attributions(ann: &AnnFile) -> Vec<GoldAttribution> {
    let mut out = Vec::new();
    for e in ann
        .events
        .iter()
        .filter(|e| e.trigger.starts_with("Attribution"))
    {
        let mut content = Vec::new();
        let mut texts = Vec::new();
        let mut source = None;
        let mut cue = None;
        for (role, target) in &e.args {
            let Some(span) = ann.spans.get(target) else {
                continue;
            };
            match role.as_str() {
                "Content" => {
                    content.extend(&span.fragments);
                    texts.push(span.text.as_str());
                }
                "Source" => source = Some(span.clone()),
                "Cue" => cue = Some(span.clone()),
                _ => {}
            }
        }
        if content.is_empty() {
            continue;
        }
        let content_text = texts.join(" ");
        out.push(GoldAttribution {
            quoted: has_quote_mark(&content_text),
            content,
            content_text,
            source,
            cue,
        });
    }
    out
}

/// One PolNeAR article with the attributions of its chosen annotator file.
#[derive(Debug, Clone)]
pub struct GoldArticle {
    /// The text file's stem: the `doc_id` the pipeline gives it.
    pub name: String,
    pub text: String,
    pub ann_path: PathBuf,
    pub attributions: Vec<GoldAttribution>,
}

/// Loads a PolNeAR split folder (`text/`, `attributions/`), sorted by name.
pub fn load_polnear(split_dir: &Path) -> Result<Vec<GoldArticle>, EvalError> {
    let text_dir = split_dir.join("text");
    let ann_dir = split_dir.join("attributions");
    let names = sorted_files(&text_dir, ".txt")?;
    let name_set: BTreeSet<&str> = names.iter().map(String::as_str).collect();
    // Article name -> its annotator files, in lexicographic order.
    let mut ann_files: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for stem in sorted_files(&ann_dir, ".ann")? {
        let name = if name_set.contains(stem.as_str()) {
            name_set.get(stem.as_str())
        } else {
            stem.rsplit_once('_').and_then(|(n, _)| name_set.get(n))
        };
        if let Some(&name) = name {
            ann_files.entry(name).or_default().push(stem);
        }
    }
    let mut articles = Vec::new();
    for name in &names {
        let Some(stem) = ann_files.get(name.as_str()).and_then(|v| v.first()) else {
            continue;
        };
        let ann_path = ann_dir.join(format!("{stem}.ann"));
        let text_path = text_dir.join(format!("{name}.txt"));
        let text = std::fs::read_to_string(&text_path).map_err(|e| EvalError::io(&text_path, e))?;
        let raw = std::fs::read_to_string(&ann_path).map_err(|e| EvalError::io(&ann_path, e))?;
        let ann = parse_ann(&raw).map_err(|r| EvalError::invalid(&ann_path, r))?;
        articles.push(GoldArticle {
            name: name.clone(),
            text,
            attributions: attributions(&ann),
            ann_path,
        });
    }
    Ok(articles)
}

/// Stems of the files in `dir` ending in `ext`, sorted.
fn sorted_files(dir: &Path, ext: &str) -> Result<Vec<String>, EvalError> {
    let entries = std::fs::read_dir(dir).map_err(|e| EvalError::io(dir, e))?;
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| EvalError::io(dir, e))?;
        if let Some(stem) = entry.file_name().to_str().and_then(|n| n.strip_suffix(ext)) {
            out.push(stem.to_string());
        }
    }
    out.sort();
    Ok(out)
}

/// Scores for one set of attributions.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct AttributionSet {
    pub detection: Counts,
    /// On matched quotes.
    pub speaker: Accuracy,
    pub quote_speaker: Counts,
}

/// The PolNeAR section of the report.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct AttributionScores {
    /// Attributions in the scored documents.
    pub gold_attributions: usize,
    pub gold_quoted: usize,
    /// Rows of `quotes.csv` and `attributions.csv` in the scored documents, and the units they
    /// fold into.
    pub predicted_rows: usize,
    pub predicted_units: usize,
    /// [`UnitSpan::name`] of the rule the folded scores used.
    pub unit_span: &'static str,
    /// Folded into attribution units (module docs): the PolNeAR numbers.
    pub all: AttributionSet,
    /// Content with a quotation mark, against units of kind direct or mixed (folded).
    pub quoted: AttributionSet,
    /// The same two sets scored on the rows as written, one per quoted passage (unfolded).
    pub rows: RowScores,
}

/// Scores of the unfolded rows.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct RowScores {
    pub all: AttributionSet,
    pub quoted: AttributionSet,
}

/// A predicted quote of `quotes.csv`, or a unit of folded rows.
#[derive(Debug, Clone, PartialEq)]
pub struct PredQuote {
    pub start: usize,
    pub end: usize,
    pub speaker: String,
    pub speaker_span: Option<(usize, usize)>,
    pub cue: Option<(usize, usize)>,
    /// Lowercased `kind` column.
    pub kind: String,
    /// In the `quoted` subset: the scored span holds a quotation mark, with the marks around a
    /// direct or mixed row's quote (module docs), the test the gold side gets.
    pub quoted: bool,
    /// The `[start, end)` ranges of the rows folded into this unit; empty means `start..end`.
    pub parts: Vec<(usize, usize)>,
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
            if text[line_start..i.min(text.len())]
                .iter()
                .any(|c| !c.is_whitespace())
            {
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
            Some(cue) => units
                .iter()
                .position(|u| u.iter().any(|r| r.cue == Some(cue))),
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
                kind: if quoted {
                    "direct"
                } else {
                    "indirect"
                }
                .to_string(),
                quoted,
                parts: u.iter().flat_map(|r| r.ranges()).collect(),
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
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let source_words = words(&source_name);
    name == source_name
        || words(&name)
            .last()
            .is_some_and(|w| source_words.contains(w))
}

/// Scores `pred_dir/quotes.csv` (and `attributions.csv` when present: PolNeAR annotates
/// stances such as `endorsed X` as attributions too) against a PolNeAR split folder. Only
/// articles the prediction covers are scored: those named in the tables or in `documents.csv`
/// when present.
pub fn eval_brat(gold_dir: &Path, pred_dir: &Path, opts: &Options) -> Result<Report, EvalError> {
    let articles = load_polnear(gold_dir)?;
    let mut tables = vec![Table::read(&pred_dir.join("quotes.csv"))?];
    let attributions = pred_dir.join("attributions.csv");
    if attributions.is_file() {
        tables.push(Table::read(&attributions)?);
    }
    let mut covered: BTreeSet<String> =
        tables.iter().flat_map(|t| t.rows.iter().map(|r| t.get(r, "doc_id").to_string())).collect();
    let documents = pred_dir.join("documents.csv");
    if documents.is_file() {
        let t = Table::read(&documents)?;
        covered.extend(t.rows.iter().map(|r| t.get(r, "doc_id").to_string()));
    }
    let mut by_doc: HashMap<&str, Vec<PredQuote>> = HashMap::new();
    for quotes in &tables {
        for (i, row) in quotes.rows.iter().enumerate() {
            let offset = |col: &str| -> Result<usize, EvalError> {
                let cell = quotes.get(row, col);
                cell.parse().map_err(|_| {
                    EvalError::invalid(
                        &quotes.path,
                        format!("row {}: `{col}` is not an offset: {cell:?}", i + 2),
                    )
                })
            };
            let speaker_span = match (offset("speaker_start"), offset("speaker_end")) {
                (Ok(s), Ok(e)) => Some((s, e)),
                _ => None,
            };
            let cue = match (offset("cue_start"), offset("cue_end")) {
                (Ok(s), Ok(e)) => Some((s, e)),
                _ => None,
            };
            // PolNeAR's content is the whole reported clause: the `clause` columns where the
            // table has them (a mixed quote's paraphrase), else the quote itself.
            let (start, end) = match (offset("clause_start"), offset("clause_end")) {
                (Ok(s), Ok(e)) if quotes.has("clause_start") => (s, e),
                _ => (offset("start")?, offset("end")?),
            };
            by_doc
                .entry(quotes.get(row, "doc_id"))
                .or_default()
                .push(PredQuote {
                    start,
                    end,
                    speaker: quotes.get(row, "speaker").to_string(),
                    speaker_span,
                    cue,
                    kind: quotes.get(row, "kind").to_lowercase(),
                    quoted: false,
                    parts: Vec::new(),
                });
        }
    }
    let mut report = Report::new("brat", opts.overlap_threshold);
    let mut scores = AttributionScores {
        unit_span: opts.unit_span.name(),
        ..AttributionScores::default()
    };
    for article in articles.iter().filter(|a| covered.contains(&a.name)) {
        report.documents += 1;
        let chars: Vec<char> = article.text.chars().collect();
        let mut rows: Vec<PredQuote> = by_doc
            .get(article.name.as_str())
            .cloned()
            .unwrap_or_default();
        for r in &mut rows {
            // A direct or mixed row's quote stops inside its marks: the two code points on either
            // side count (`“…”`, `''…''`).
            let (s, e) = if r.kind == "direct" || r.kind == "mixed" {
                (r.start.saturating_sub(2), r.end + 2)
            } else {
                (r.start, r.end)
            };
            let span: String = chars[s.min(chars.len())..e.min(chars.len())].iter().collect();
            r.quoted = has_quote_mark(&span);
        }
        let rows = &rows[..];
        let units = fold_units(rows, &chars);
        scores.predicted_rows += rows.len();
        scores.predicted_units += units.len();
        let all_gold: Vec<&GoldAttribution> = article.attributions.iter().collect();
        let quoted_gold: Vec<&GoldAttribution> =
            all_gold.iter().copied().filter(|g| g.quoted).collect();
        scores.gold_attributions += all_gold.len();
        scores.gold_quoted += quoted_gold.len();
        // Folded units first (the PolNeAR numbers, with the verbose lines), then the rows.
        let mut details = Some((article.name.as_str(), &mut report.details));
        for (preds, all, quoted) in [
            (&units[..], &mut scores.all, &mut scores.quoted),
            (rows, &mut scores.rows.all, &mut scores.rows.quoted),
        ] {
            let all_pred: Vec<&PredQuote> = preds.iter().collect();
            let quoted_pred: Vec<&PredQuote> =
                all_pred.iter().copied().filter(|p| p.quoted).collect();
            score_set(&all_gold, &all_pred, &chars, opts, all, details.take());
            score_set(&quoted_gold, &quoted_pred, &chars, opts, quoted, None);
        }
    }
    report.attributions = Some(scores);
    Ok(report)
}

fn score_set(
    gold: &[&GoldAttribution],
    pred: &[&PredQuote],
    chars: &[char],
    opts: &Options,
    set: &mut AttributionSet,
    verbose: Option<(&str, &mut Vec<String>)>,
) {
    let g_tokens: Vec<TokenSpan> = gold
        .iter()
        .map(|g| TokenSpan::from_fragments(chars, &g.content))
        .collect();
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
    let source = |g: &GoldAttribution| {
        g.source
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default()
    };
    for (gi, g) in gold.iter().enumerate() {
        let (s, e) = (
            g.content.iter().map(|f| f.0).min().unwrap_or(0),
            g.content.iter().map(|f| f.1).max().unwrap_or(0),
        );
        match m.gold_match[gi] {
            None => lines.push(format!(
                "attributions\tMISS\t{doc}\t{s}-{e}\t{}\t{:?}",
                source(g),
                snippet(&g.content_text)
            )),
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
            let text: String = chars[p.start.min(chars.len())..p.end.min(chars.len())]
                .iter()
                .collect();
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
    use std::fs;

    // Code point offsets are checked by `offsets_in_the_fixture_are_code_points`.
    const TEXT: &str =
        "Critics said “the deal is bad.” The Post has learned that Clinton’s van left early, a source said.";
    const ANN: &str = "T1\tSource 0 7\tCritics\n\
        T2\tCue 8 12\tsaid\n\
        T3\tContent 13 31\t“the deal is bad.”\n\
        T4\tAttribution 8 12\tsaid\n\
        E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n\
        T5\tSource 32 40\tThe Post\n\
        T6\tCue 41 52\thas learned\n\
        T7\tContent 53 57;68 82\tthat van left early\n\
        T8\tAttribution 41 52\thas learned\n\
        E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n\
        T9\tAttribution-no-source 84 92\ta source\n\
        E3\tAttribution-no-source:T9\n\
        T10\tDiscard 0 3\tCri\n\
        #1\tAnnotatorNotes T1\tnote\n";

    #[test]
    fn offsets_in_the_fixture_are_code_points() {
        let chars: Vec<char> = TEXT.chars().collect();
        let slice = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
        assert_eq!(slice(13, 31), "“the deal is bad.”");
        assert_eq!(slice(32, 40), "The Post");
        assert_eq!(slice(84, 92), "a source");
        assert_eq!(slice(53, 57) + " " + &slice(68, 82), "that van left early");
    }

    #[test]
    fn parses_spans_events_and_discontinuous_content() {
        let ann = parse_ann(ANN).unwrap();
        assert_eq!(ann.spans["T7"].fragments, vec![(53, 57), (68, 82)]);
        assert_eq!(ann.events.len(), 3);
        assert_eq!(ann.events[2].trigger, "Attribution-no-source");
        let a = attributions(&ann);
        // E3 has no Content: skipped.
        assert_eq!(a.len(), 2);
        assert!(a[0].quoted && !a[1].quoted);
        assert!(has_quote_mark("''Quiet,''") && !has_quote_mark("Clinton's"));
        assert_eq!(a[0].source.as_ref().unwrap().text, "Critics");
        assert_eq!(a[1].content, vec![(53, 57), (68, 82)]);
        assert!(parse_ann("T1\tSource x 7\tCritics\n")
            .unwrap_err()
            .contains("line 1"));
        // A span text with a newline continues on a line that is not an annotation.
        let ann = parse_ann("T1\tContent 0 4;6 9\t3.\n\nThe run\nT2\tCue 10 12\tsaid\n").unwrap();
        assert_eq!(ann.spans.len(), 2);
        assert_eq!(ann.spans["T1"].fragments, vec![(0, 4), (6, 9)]);
    }

    #[test]
    fn content2_joins_content() {
        let ann = parse_ann(
            "T1\tContent 0 3\tabc\nT2\tContent 10 12\t\"x\nT3\tCue 5 6\ts\nE1\tAttribution:T3 Content:T1 Content2:T2\n",
        )
        .unwrap();
        let a = attributions(&ann);
        assert_eq!(a[0].content, vec![(0, 3), (10, 12)]);
        assert_eq!(a[0].content_text, "abc \"x");
        assert!(a[0].quoted);
    }

    /// A split with one article `a`: its text and its annotator file.
    fn one_article(text: &str, ann: &str) -> tempfile::TempDir {
        let d = tempfile::tempdir().unwrap();
        fs::create_dir_all(d.path().join("text")).unwrap();
        fs::create_dir_all(d.path().join("attributions")).unwrap();
        fs::write(d.path().join("text/a.txt"), text).unwrap();
        fs::write(d.path().join("attributions/a.ann"), ann).unwrap();
        d
    }

    /// The code point offset of the first occurrence of `needle` in `chars`.
    fn char_at(chars: &[char], needle: &str) -> usize {
        let n: Vec<char> = needle.chars().collect();
        (0..chars.len()).find(|&i| chars[i..].starts_with(&n)).unwrap()
    }

    fn split_dir() -> tempfile::TempDir {
        let d = tempfile::tempdir().unwrap();
        fs::create_dir_all(d.path().join("text")).unwrap();
        fs::create_dir_all(d.path().join("attributions")).unwrap();
        fs::write(d.path().join("text/art.txt"), TEXT).unwrap();
        fs::write(d.path().join("attributions/art_b222.ann"), "").unwrap();
        fs::write(d.path().join("attributions/art_a111.ann"), ANN).unwrap();
        // An article with no annotator file is skipped.
        fs::write(d.path().join("text/lonely.txt"), "Nothing.").unwrap();
        d
    }

    #[test]
    fn loads_first_annotator_and_skips_unannotated() {
        let d = split_dir();
        let arts = load_polnear(d.path()).unwrap();
        assert_eq!(arts.len(), 1);
        assert_eq!(arts[0].name, "art");
        assert!(arts[0].ann_path.ends_with("art_a111.ann"));
        assert_eq!(arts[0].attributions.len(), 2);
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
        let header = "doc_id,quote_id,speaker,speaker_type,speaker_mention,speaker_start,speaker_end,cue,cue_start,cue_end,kind,quote,start,end,confidence,clause,clause_start,clause_end\n";
        fs::write(
            pred.path().join("quotes.csv"),
            format!("{header}art,q1,Critics,GROUP,Critics,0,7,said,8,12,mixed,bad,26,29,0.75,the deal is bad.,14,30\n"),
        )
        .unwrap();
        let opts = Options::default();
        let a = eval_brat(d.path(), pred.path(), &opts).unwrap().attributions.unwrap();
        assert_eq!(a.quoted.quote_speaker, Counts::new(1, 0, 0));
        fs::write(
            pred.path().join("quotes.csv"),
            format!("{header}art,q1,Critics,GROUP,Critics,0,7,said,8,12,indirect,“the deal is bad.”,13,31,0.6,“the deal is bad.”,13,31\n"),
        )
        .unwrap();
        let a = eval_brat(d.path(), pred.path(), &opts).unwrap().attributions.unwrap();
        assert_eq!(a.quoted.detection, Counts::new(1, 0, 0));
        // Without the clause columns the marked word alone is scored: no match.
        fs::write(
            pred.path().join("quotes.csv"),
            "doc_id,quote_id,speaker,speaker_type,speaker_mention,speaker_start,speaker_end,cue,cue_start,cue_end,kind,quote,start,end,confidence\n\
             art,q1,Critics,GROUP,Critics,0,7,said,8,12,mixed,bad,26,29,0.75\n",
        )
        .unwrap();
        let a = eval_brat(d.path(), pred.path(), &opts).unwrap().attributions.unwrap();
        assert_eq!(a.quoted.detection, Counts::new(0, 1, 1));
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
            format!(
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
            ),
        )
        .unwrap();
        let a = eval_brat(d.path(), pred.path(), &Options::default())
            .unwrap()
            .attributions
            .unwrap();
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
            "doc_id,quote_id,speaker,speaker_type,speaker_mention,speaker_start,speaker_end,cue,cue_start,cue_end,kind,quote,start,end,confidence\n\
             art,q1,Critics,GROUP,Critics,0,7,said,8,12,direct,the deal is bad.,14,30,0.9\n\
             art,q2,New York Post,ORG,The Post,,,has learned,41,52,indirect,Clinton’s van left early,58,82,0.8\n\
             art,q3,Bukele,PERSON,,,,said,,,direct,a source,84,92,0.5\n\
             other,q1,X,PERSON,,,,,,,direct,x,0,1,0.5\n",
        )
        .unwrap();
        let opts = Options {
            verbose: true,
            ..Options::default()
        };
        let r = eval_brat(d.path(), pred.path(), &opts).unwrap();
        assert_eq!(r.documents, 1);
        let a = r.attributions.as_ref().unwrap();
        assert_eq!((a.gold_attributions, a.gold_quoted), (2, 1));
        assert_eq!(a.all.detection, Counts::new(2, 1, 0));
        assert_eq!(
            a.all.speaker,
            Accuracy {
                correct: 2,
                total: 2
            }
        );
        assert_eq!(a.all.quote_speaker, Counts::new(2, 1, 0));
        // Quoted: gold E1 against q1. q3 is direct, but no quotation mark surrounds `a source`,
        // so it is not in the subset (the test gold content gets).
        assert_eq!(a.quoted.detection, Counts::new(1, 0, 0));
        assert_eq!(
            r.verbose_lines(),
            vec!["attributions\tEXTRA\tart\t84-92\tBukele\t\"a source\""]
        );
        // With a wrong speaker name and no offsets the pair is a FP and a FN.
        let wrong = GoldAttribution {
            content: vec![(0, 1)],
            content_text: String::new(),
            source: Some(TextBound {
                kind: "Source".into(),
                fragments: vec![(0, 7)],
                text: "Critics".into(),
            }),
            cue: None,
            quoted: false,
        };
        let p = PredQuote {
            start: 0,
            end: 1,
            speaker: "Bukele".into(),
            speaker_span: Some((20, 26)),
            cue: None,
            kind: String::new(),
            quoted: false,
            parts: Vec::new(),
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
        kind: &str,
    ) -> PredQuote {
        let chars: Vec<char> = text.chars().collect();
        let n: Vec<char> = needle.chars().collect();
        let start = (from..chars.len())
            .find(|&i| chars[i..].starts_with(&n))
            .unwrap();
        PredQuote {
            start,
            end: start + n.len(),
            speaker: speaker.into(),
            speaker_span: None,
            cue,
            kind: kind.into(),
            quoted: kind == "direct" || kind == "mixed",
            parts: Vec::new(),
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
        let mut r1 = row(text, "We will win,", 0, "Ortega", Some(said), "direct");
        r1.speaker_span = Some((15, 21));
        let r2 = row(text, "and soon.", 0, "", Some(said), "direct");
        let r3 = row(text, "it would fail", 0, "Critics", Some(said2), "indirect");
        let r4 = row(text, "It is over.", 0, "critics", None, "direct");
        let r5 = row(text, "Never.", 0, "Ortega", None, "direct");
        let r6 = row(text, "Again.", 0, "Ortega", None, "direct");
        assert_eq!((r1.start, r2.end, r3.start, r4.end), (1, 38, 53, 80));
        // Given out of order: the fold sorts by start.
        let units = fold_units(&[r6.clone(), r4, r2, r1, r3, r5.clone()], &chars);
        let spans: Vec<(usize, usize, &str, &str)> = units
            .iter()
            .map(|u| (u.start, u.end, u.speaker.as_str(), u.kind.as_str()))
            .collect();
        assert_eq!(
            spans,
            vec![
                // r1 + r2 share the cue; speaker from r1, which has mention offsets.
                (1, 38, "Ortega", "direct"),
                // r3 + cue-less r4 (same speaker, next paragraph): direct as a part is.
                (53, 80, "Critics", "direct"),
                // r5: a different speaker from r4. r6: two paragraphs after r5.
                (r5.start, r5.end, "Ortega", "direct"),
                (r6.start, r6.end, "Ortega", "direct"),
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
            "doc_id,quote_id,speaker,speaker_type,speaker_mention,speaker_start,speaker_end,cue,cue_start,cue_end,kind,quote,start,end,confidence\n\
             a,q1,Ortega,PERSON,Ortega,24,30,said,31,35,direct,\"We will win the vote,\",1,22,0.9\n\
             a,q2,Ortega,PERSON,Ortega,24,30,said,31,35,direct,and then we will govern.,38,62,0.9\n",
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
        assert!(
            md.contains("2 predicted quote rows folded into 1 attribution units"),
            "{md}"
        );
        assert!(
            md.contains("| all: quote + speaker | 1.000 | 1.000 | 1.000 | 1 | 0 | 0 |"),
            "{md}"
        );
        assert!(
            md.contains("| rows all: detection | 0.500 | 1.000 | 0.667 | 1 | 1 | 0 |"),
            "{md}"
        );
        let j = r.to_json();
        assert_eq!(j["attributions"]["all"]["detection"]["f1"], 1.0);
        assert_eq!(
            j["attributions"]["rows"]["all"]["detection"]["precision"],
            0.5
        );
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
            format!(
                "doc_id,quote_id,speaker,speaker_type,speaker_mention,speaker_start,speaker_end,cue,cue_start,cue_end,kind,quote,start,end,confidence\n\
                 a,q1,Ortega,PERSON,Ortega,{ortega},{},said,{said},{},direct,x,{},{},0.9\n\
                 a,q2,Ortega,PERSON,,,,,,,direct,y,{},{},0.9\n",
                ortega + 6,
                said + 4,
                q1 + 1,
                e1 - 2,
                q2 + 1,
                e2 - 1
            ),
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
        assert_eq!((parts, name), (Counts::new(1, 0, 0), "parts"));
        assert!(md.contains("`--unit-span parts`"), "{md}");
        let (hull, name, md) = score(UnitSpan::Hull);
        assert_eq!((hull, name), (Counts::new(0, 1, 1), "hull"));
        assert!(md.contains("`--unit-span hull`"), "{md}");
    }

    #[test]
    fn polnear_dev_when_present() {
        let dir = Path::new("/work/shared/data/polnear/dev");
        if !dir.exists() {
            return;
        }
        let arts = load_polnear(dir).unwrap();
        assert_eq!(arts.len(), 84);
        // Every content span's text matches the document text at code point offsets.
        for art in &arts {
            let chars: Vec<char> = art.text.chars().collect();
            for a in &art.attributions {
                let joined: Vec<String> = a
                    .content
                    .iter()
                    .map(|&(s, e)| chars[s..e].iter().collect::<String>())
                    .collect();
                assert_eq!(joined.join(" "), a.content_text, "{}", art.name);
            }
        }
    }
}
