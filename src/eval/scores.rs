//! The score types every scorer fills and [`super::report`] renders: one struct per report
//! section. They hold counts only; the scorers ([`super::tables`], [`super::brat`],
//! [`super::conll`]) compute them, and nothing here reads a file or renders a line.

use std::collections::BTreeMap;

use serde::{Serialize, Serializer};

use super::metrics::{Accuracy, Counts};
use super::UnitSpan;
use crate::labels::QuoteKind;

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
    /// Per kind; `None` for gold rows that leave the kind empty (reported as `(none)`).
    #[serde(serialize_with = "kinds_by_name")]
    pub by_kind: BTreeMap<Option<QuoteKind>, KindScores>,
}

impl QuoteScores {
    /// The per-kind rows in the order of their names (`""` for no kind, then `direct`,
    /// `indirect`, `mixed`), the order of reports before the kinds were typed.
    pub fn kinds_in_order(&self) -> Vec<(Option<QuoteKind>, &KindScores)> {
        let mut kinds: Vec<_> = self.by_kind.iter().map(|(k, s)| (*k, s)).collect();
        kinds.sort_by_key(|(k, _)| kind_name(*k));
        kinds
    }
}

/// A kind's name in the JSON report: its CSV spelling, empty for none.
fn kind_name(kind: Option<QuoteKind>) -> &'static str {
    kind.map_or("", |k| k.as_str())
}

/// Serialises `by_kind` as a JSON object keyed by the kinds' spellings.
fn kinds_by_name<S: Serializer>(by_kind: &BTreeMap<Option<QuoteKind>, KindScores>, s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(by_kind.iter().map(|(k, v)| (kind_name(*k), v)))
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

/// Organizations matched by name or alias, per document.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct OrganizationScores {
    pub counts: Counts,
}

/// Figures matched by span overlap, and the columns of the matched ones.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct FigureScores {
    pub detection: Counts,
    /// On matched required figures, for the columns the gold file has.
    pub value: Option<Accuracy>,
    pub unit: Option<Accuracy>,
    pub kind: Option<Accuracy>,
}

/// Counts per entity type and over all types (micro). Types are strings because CoNLL files
/// bring their own (`PER`), while the CSV tables use [`crate::labels::EntityLabel`] spellings.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct EntityScores {
    pub per_label: BTreeMap<String, Counts>,
    pub micro: Counts,
}

impl EntityScores {
    pub(crate) fn add(&mut self, label: &str, c: Counts) {
        self.per_label.entry(label.to_string()).or_default().add(c);
        self.micro.add(c);
    }
}

/// The entity table scored two ways.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct EntityTableScores {
    /// Same span and label.
    pub exact: EntityScores,
    /// Same label and overlapping spans, one to one.
    pub partial: EntityScores,
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
    /// The rule the folded scores used.
    pub unit_span: UnitSpan,
    /// Folded into attribution units (see [`super::brat`]): the PolNeAR numbers.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_keyed_and_ordered_by_name() {
        let mut q = QuoteScores::default();
        for k in [Some(QuoteKind::Mixed), None, Some(QuoteKind::Indirect), Some(QuoteKind::Direct)] {
            q.by_kind.entry(k).or_default().gold_found.record(true);
        }
        let order: Vec<Option<QuoteKind>> = q.kinds_in_order().into_iter().map(|(k, _)| k).collect();
        assert_eq!(order, vec![None, Some(QuoteKind::Direct), Some(QuoteKind::Indirect), Some(QuoteKind::Mixed)]);
        let j = serde_json::to_value(&q).unwrap();
        assert_eq!(j["by_kind"]["mixed"]["gold_found"]["correct"], 1);
        assert_eq!(j["by_kind"][""]["gold_found"]["total"], 1);
        let s = AttributionScores { unit_span: UnitSpan::Hull, ..AttributionScores::default() };
        assert_eq!(serde_json::to_value(&s).unwrap()["unit_span"], "hull");
    }
}
