//! The evaluation report: what one `newsmine eval` run measured, rendered as Markdown for
//! people (`--report FILE.md`, stdout) and as JSON for tools, plus the per-item lines that
//! `--verbose` prints. Scorers fill it with the score types of [`super::scores`]; this module
//! only renders them and writes the files ([`write_report`]).

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::json;

use super::metrics::{round4, Accuracy, Counts};
use super::scores::{
    AttributionScores, EntityScores, EntityTableScores, FigureScores, OrganizationScores, QuoteScores,
};
use super::{EvalError, GoldFormat, UnitSpan};

/// A report for any gold format: what the binary prints and writes.
#[derive(Debug, Clone, PartialEq)]
pub enum Report {
    /// newsmine's tables scored against csv or brat gold.
    Tables(Box<TableReport>),
    /// The NER model's tags scored against a CoNLL-2003 file.
    Conll(ConllReport),
    /// Speaker identity against brat gold (`--speakers`).
    Speakers(Box<super::SpeakerReport>),
}

impl Report {
    pub fn to_markdown(&self) -> String {
        match self {
            Report::Tables(r) => r.to_markdown(),
            Report::Conll(r) => r.to_markdown(),
            Report::Speakers(r) => r.to_markdown(),
        }
    }

    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Report::Tables(r) => r.to_json(),
            Report::Conll(r) => r.to_json(),
            Report::Speakers(r) => r.to_json(),
        }
    }

    /// Per-item lines for `--verbose` (none for CoNLL).
    pub fn verbose_lines(&self) -> Vec<String> {
        match self {
            Report::Tables(r) => r.verbose_lines(),
            Report::Conll(_) => Vec::new(),
            Report::Speakers(r) => r.verbose_lines(),
        }
    }
}

impl From<TableReport> for Report {
    fn from(r: TableReport) -> Self {
        Report::Tables(Box::new(r))
    }
}

impl From<super::SpeakerReport> for Report {
    fn from(r: super::SpeakerReport) -> Self {
        Report::Speakers(Box::new(r))
    }
}

impl From<ConllReport> for Report {
    fn from(r: ConllReport) -> Self {
        Report::Conll(r)
    }
}

/// Writes the Markdown to `path` and the JSON (pretty, with a final newline) beside it, at
/// `path` with the extension `.json`. The error names the file that could not be written.
pub fn write_report(report: &Report, path: &Path) -> Result<(), EvalError> {
    let write = |path: &Path, text: String| {
        std::fs::write(path, text).map_err(|source| EvalError::Write { path: path.to_path_buf(), source })
    };
    write(path, report.to_markdown())?;
    let json = serde_json::to_string_pretty(&report.to_json()).expect("a JSON value serialises");
    write(&path.with_extension("json"), json + "\n")
}

/// What scoring the tables measured. Sections are `None` for tables not scored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableReport {
    pub gold_format: GoldFormat,
    pub overlap_threshold: f64,
    /// Documents in scope.
    pub documents: usize,
    pub quotes: Option<QuoteScores>,
    pub organizations: Option<OrganizationScores>,
    pub figures: Option<FigureScores>,
    pub entities: Option<EntityTableScores>,
    /// PolNeAR attributions (brat gold).
    pub attributions: Option<AttributionScores>,
    /// Tab-separated per-item lines, filled only with [`super::Options::verbose`].
    #[serde(skip)]
    pub details: Vec<String>,
}

/// How quote overlap is computed, stated in every report so numbers are never read without it.
pub const OVERLAP_RULE: &str = "shared word tokens / word tokens of the longer span";

impl TableReport {
    pub fn new(gold_format: GoldFormat, overlap_threshold: f64) -> Self {
        TableReport {
            gold_format,
            overlap_threshold,
            documents: 0,
            quotes: None,
            organizations: None,
            figures: None,
            entities: None,
            attributions: None,
            details: Vec::new(),
        }
    }

    /// Misses, extras and wrong speakers or values, one tab-separated line each:
    /// `table  WHAT  doc_id  start-end  ...`.
    pub fn verbose_lines(&self) -> Vec<String> {
        self.details.clone()
    }

    pub fn to_json(&self) -> serde_json::Value {
        let mut v = serde_json::to_value(self).unwrap_or_else(|_| json!({}));
        v["overlap_rule"] = json!(OVERLAP_RULE);
        v["overlap_threshold"] = json!(round4(self.overlap_threshold));
        v
    }

    /// A heading line, then one section per scored table.
    pub fn to_markdown(&self) -> String {
        let mut md = String::from("# newsmine evaluation\n\n");
        md += &format!(
            "Gold format `{}`, {} documents. Quotes match one to one when {} ≥ {}.\n",
            self.gold_format.as_str(),
            self.documents,
            OVERLAP_RULE,
            self.overlap_threshold
        );
        md += &self.quotes.as_ref().map(quotes_section).unwrap_or_default();
        md += &self.organizations.as_ref().map(organizations_section).unwrap_or_default();
        md += &self.figures.as_ref().map(figures_section).unwrap_or_default();
        md += &self.entities.as_ref().map(entities_section).unwrap_or_default();
        md += &self.attributions.as_ref().map(attributions_section).unwrap_or_default();
        md
    }
}

fn quotes_section(q: &QuoteScores) -> String {
    let mut md = String::from("\n## Quotes\n\n");
    let mut rows = vec![("detection (overlap)", q.detection), ("detection (exact span)", q.exact)];
    if let Some(c) = q.quote_speaker {
        rows.push(("quote + speaker", c));
    }
    md += &counts_table(&rows);
    if let Some(a) = q.speaker {
        md += &format!("\nSpeaker accuracy on matched quotes: {}\n", accuracy(a));
    }
    if !q.by_kind.is_empty() {
        md += "\n| kind | gold found | predicted matched | kind agrees |\n|---|---|---|---|\n";
        for (kind, k) in q.kinds_in_order() {
            let name = kind.map_or("(none)", |k| k.as_str());
            md += &format!(
                "| {name} | {} | {} | {} |\n",
                accuracy(k.gold_found),
                accuracy(k.pred_matched),
                accuracy(k.kind_agrees)
            );
        }
    }
    md
}

fn organizations_section(o: &OrganizationScores) -> String {
    "\n## Organizations\n\n".to_string() + &counts_table(&[("organizations (name or alias)", o.counts)])
}

fn figures_section(f: &FigureScores) -> String {
    let mut md = String::from("\n## Figures\n\n");
    md += &counts_table(&[("detection (span overlap)", f.detection)]);
    md += "\n";
    for (name, a) in [("Value", f.value), ("Unit", f.unit), ("Kind", f.kind)] {
        if let Some(a) = a {
            md += &format!("{name} accuracy on matched figures: {}\n", accuracy(a));
        }
    }
    md
}

fn entities_section(e: &EntityTableScores) -> String {
    let mut md = String::from("\n## Entities\n\n### Exact span and label\n\n");
    md += &entity_table(&e.exact);
    md += "\n### Overlapping span, same label\n\n";
    md += &entity_table(&e.partial);
    md
}

fn attributions_section(a: &AttributionScores) -> String {
    let unit_rule = match a.unit_span {
        UnitSpan::Hull => "A unit's words run from its first row's start to its last row's end, the tag between two parts included (`--unit-span hull`).",
        UnitSpan::Parts => "A unit's words are those of its rows, not those of the tag between two parts (`--unit-span parts`).",
    };
    let mut md = format!(
        "\n## Attributions (PolNeAR)\n\n{} gold attributions, {} with quotation marks in their content. \
         {} predicted quote rows folded into {} attribution units (one per source and cue). {unit_rule}\n\n\
         ### Folded into attribution units (the PolNeAR numbers)\n\n",
        a.gold_attributions, a.gold_quoted, a.predicted_rows, a.predicted_units,
    );
    md += &counts_table(&[
        ("all: detection", a.all.detection),
        ("all: quote + speaker", a.all.quote_speaker),
        ("quoted: detection", a.quoted.detection),
        ("quoted: quote + speaker", a.quoted.quote_speaker),
    ]);
    md += &format!(
        "\nSpeaker accuracy on matched quotes: all {}, quoted {}\n",
        accuracy(a.all.speaker),
        accuracy(a.quoted.speaker)
    );
    md += "\n### Rows as written (unfolded, one per quoted passage)\n\n";
    md += &counts_table(&[
        ("rows all: detection", a.rows.all.detection),
        ("rows all: quote + speaker", a.rows.all.quote_speaker),
        ("rows quoted: detection", a.rows.quoted.detection),
        ("rows quoted: quote + speaker", a.rows.quoted.quote_speaker),
    ]);
    md
}

/// The NER model scored on a CoNLL-2003 file: the gold path as given, and the scores.
#[derive(Debug, Clone, PartialEq)]
pub struct ConllReport {
    pub gold: PathBuf,
    pub scores: EntityScores,
}

impl ConllReport {
    pub fn new(gold: &Path, scores: EntityScores) -> Self {
        ConllReport { gold: gold.to_path_buf(), scores }
    }

    /// `# NER on PATH`, then the per-type table.
    pub fn to_markdown(&self) -> String {
        format!("# NER on {}\n\n{}", self.gold.display(), entity_table(&self.scores))
    }

    /// The scores alone, as reports before this type had them.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(&self.scores).unwrap_or_else(|_| json!({}))
    }
}

/// Renders an entity table, in the fixed order of `per_label` (sorted) then the micro row.
fn entity_table(e: &EntityScores) -> String {
    let mut rows: Vec<(&str, Counts)> = e.per_label.iter().map(|(l, c)| (l.as_str(), *c)).collect();
    rows.push(("micro", e.micro));
    counts_table(&rows)
}

fn counts_table(rows: &[(&str, Counts)]) -> String {
    let mut md = String::from("| | P | R | F1 | TP | FP | FN |\n|---|---|---|---|---|---|---|\n");
    for (name, c) in rows {
        md += &format!(
            "| {name} | {:.3} | {:.3} | {:.3} | {} | {} | {} |\n",
            c.precision(),
            c.recall(),
            c.f1(),
            c.tp,
            c.fp,
            c.fn_
        );
    }
    md
}

fn accuracy(a: Accuracy) -> String {
    format!("{:.3} ({}/{})", a.value(), a.correct, a.total)
}

/// A quote or figure text for a verbose line: one line, at most 60 characters.
pub(crate) fn snippet(s: &str) -> String {
    const MAX: usize = 60;
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= MAX {
        one_line
    } else {
        format!("{}…", one_line.chars().take(MAX).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_and_json_carry_the_numbers() {
        let mut r = TableReport::new(GoldFormat::Csv, 0.5);
        r.documents = 3;
        r.organizations = Some(OrganizationScores { counts: Counts::new(3, 1, 1) });
        let md = r.to_markdown();
        assert!(md.contains("Gold format `csv`, 3 documents"));
        assert!(md.contains("| organizations (name or alias) | 0.750 | 0.750 | 0.750 | 3 | 1 | 1 |"), "{md}");
        assert!(!md.contains("## Quotes"));
        let j = r.to_json();
        assert_eq!(j["gold_format"], "csv");
        assert_eq!(j["organizations"]["counts"]["f1"], 0.75);
        assert_eq!(j["quotes"], serde_json::Value::Null);
        assert_eq!(j["overlap_rule"], OVERLAP_RULE);
        assert!(j.get("details").is_none());
    }

    fn conll() -> ConllReport {
        let mut scores = EntityScores::default();
        scores.add("PER", Counts::new(3, 1, 0));
        scores.add("LOC", Counts::new(1, 0, 1));
        ConllReport::new(Path::new("../data/valid.txt"), scores)
    }

    #[test]
    fn conll_renders_its_heading_and_table() {
        let r = Report::from(conll());
        assert_eq!(
            r.to_markdown(),
            "# NER on ../data/valid.txt\n\n\
             | | P | R | F1 | TP | FP | FN |\n|---|---|---|---|---|---|---|\n\
             | LOC | 1.000 | 0.500 | 0.667 | 1 | 0 | 1 |\n\
             | PER | 0.750 | 1.000 | 0.857 | 3 | 1 | 0 |\n\
             | micro | 0.800 | 0.800 | 0.800 | 4 | 1 | 1 |\n"
        );
        assert_eq!(r.to_json()["micro"]["tp"], 4);
        assert_eq!(r.to_json()["per_label"]["PER"]["fp"], 1);
        assert!(r.verbose_lines().is_empty());
    }

    /// The committed CoNLL report, rebuilt from its JSON, renders to the committed Markdown:
    /// the rendering moved from the binary into [`ConllReport`] unchanged.
    #[test]
    fn conll_renders_the_committed_report() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("reports");
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(root.join("conll-valid.json")).unwrap()).unwrap();
        let mut scores = EntityScores::default();
        for (label, c) in json["per_label"].as_object().unwrap() {
            let n = |k: &str| c[k].as_u64().unwrap() as usize;
            scores.add(label, Counts::new(n("tp"), n("fp"), n("fn")));
        }
        let r = Report::from(ConllReport::new(Path::new("../shared/data/conll2003/valid.txt"), scores));
        assert_eq!(r.to_markdown(), std::fs::read_to_string(root.join("conll-valid.md")).unwrap());
        assert_eq!(r.to_json(), json);
    }

    #[test]
    fn write_report_writes_markdown_and_json_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ner.md");
        let r = Report::from(conll());
        write_report(&r, &path).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), r.to_markdown());
        let json = std::fs::read_to_string(dir.path().join("ner.json")).unwrap();
        assert!(json.ends_with("}\n") && json.starts_with("{\n  \"micro\": {"), "{json}");
        let err = write_report(&r, &dir.path().join("no/such/dir/r.md")).unwrap_err();
        assert!(matches!(err, EvalError::Write { .. }));
        let shown = crate::testdata::chain(err);
        assert!(
            shown.contains("no/such/dir/r.md: cannot write: ") && shown.matches("os error").count() == 1,
            "{shown}"
        );
    }

    #[test]
    fn snippets_are_one_short_line() {
        assert_eq!(snippet("a\n  b"), "a b");
        assert_eq!(snippet(&"x".repeat(61)), format!("{}…", "x".repeat(60)));
    }
}
