//! The evaluation report: one optional section per scored table, rendered as Markdown for
//! people (`--report FILE.md`, stdout) and as JSON for tools, plus the per-item lines that
//! `--verbose` prints. Scoring fills it; nothing here computes a metric.

use serde::Serialize;
use serde_json::json;

use super::brat::AttributionScores;
use super::metrics::{round4, Accuracy, Counts};
use super::tables::{EntityTableScores, FigureScores, OrganizationScores, QuoteScores};
use super::EntityScores;

/// What one `newsmine eval` run measured. Sections are `None` for tables not scored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// `csv` or `brat`.
    pub gold_format: &'static str,
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

impl Report {
    pub fn new(gold_format: &'static str, overlap_threshold: f64) -> Self {
        Report {
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

    pub fn to_markdown(&self) -> String {
        let mut md = String::from("# newsmine evaluation\n\n");
        md += &format!(
            "Gold format `{}`, {} documents. Quotes match one to one when {} ≥ {}.\n",
            self.gold_format, self.documents, OVERLAP_RULE, self.overlap_threshold
        );
        if let Some(q) = &self.quotes {
            md += "\n## Quotes\n\n";
            let mut rows = vec![
                ("detection (overlap)", q.detection),
                ("detection (exact span)", q.exact),
            ];
            if let Some(c) = q.quote_speaker {
                rows.push(("quote + speaker", c));
            }
            md += &counts_table(&rows);
            if let Some(a) = q.speaker {
                md += &format!("\nSpeaker accuracy on matched quotes: {}\n", accuracy(a));
            }
            if !q.by_kind.is_empty() {
                md += "\n| kind | gold found | predicted matched | kind agrees |\n|---|---|---|---|\n";
                for (kind, k) in &q.by_kind {
                    let name = if kind.is_empty() { "(none)" } else { kind };
                    md += &format!(
                        "| {name} | {} | {} | {} |\n",
                        accuracy(k.gold_found),
                        accuracy(k.pred_matched),
                        accuracy(k.kind_agrees)
                    );
                }
            }
        }
        if let Some(o) = &self.organizations {
            md += "\n## Organizations\n\n";
            md += &counts_table(&[("organizations (name or alias)", o.counts)]);
        }
        if let Some(f) = &self.figures {
            md += "\n## Figures\n\n";
            md += &counts_table(&[("detection (span overlap)", f.detection)]);
            md += "\n";
            for (name, a) in [("Value", f.value), ("Unit", f.unit), ("Kind", f.kind)] {
                if let Some(a) = a {
                    md += &format!("{name} accuracy on matched figures: {}\n", accuracy(a));
                }
            }
        }
        if let Some(e) = &self.entities {
            md += "\n## Entities\n\n### Exact span and label\n\n";
            md += &entity_table(&e.exact);
            md += "\n### Overlapping span, same label\n\n";
            md += &entity_table(&e.partial);
        }
        if let Some(a) = &self.attributions {
            md += &format!(
                "\n## Attributions (PolNeAR)\n\n{} gold attributions, {} with quotation marks in their content. \
                 {} predicted quote rows folded into {} attribution units (one per source and cue). {}\n\n\
                 ### Folded into attribution units (the PolNeAR numbers)\n\n",
                a.gold_attributions,
                a.gold_quoted,
                a.predicted_rows,
                a.predicted_units,
                if a.unit_span == "hull" {
                    "A unit's words run from its first row's start to its last row's end, the tag between two parts included (`--unit-span hull`)."
                } else {
                    "A unit's words are those of its rows, not those of the tag between two parts (`--unit-span parts`)."
                }
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
        }
        md
    }
}

/// Renders an entity table, in the fixed order of `per_label` (sorted) then the micro row.
pub fn entity_table(e: &EntityScores) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_and_json_carry_the_numbers() {
        let mut r = Report::new("csv", 0.5);
        r.documents = 3;
        r.organizations = Some(OrganizationScores {
            counts: Counts::new(3, 1, 1),
        });
        let md = r.to_markdown();
        assert!(md.contains("3 documents"));
        assert!(
            md.contains("| organizations (name or alias) | 0.750 | 0.750 | 0.750 | 3 | 1 | 1 |"),
            "{md}"
        );
        assert!(!md.contains("## Quotes"));
        let j = r.to_json();
        assert_eq!(j["organizations"]["counts"]["f1"], 0.75);
        assert_eq!(j["quotes"], serde_json::Value::Null);
        assert_eq!(j["overlap_rule"], OVERLAP_RULE);
        assert!(j.get("details").is_none());
    }
}
