//! Export: the CSV tables of the output contract (`SCHEMA.md`). Column names come from the
//! serde structs below, offsets are Unicode code points, and rows are sorted by `doc_id`, then
//! `start`. Each table is written to a temporary file and renamed into place.

use crate::labels::{CueClass, DocStatus, EntityLabel, FigureKind, Qualifier, QuoteKind, SpeakerType};
use serde::{Deserialize, Serialize};

/// `documents.csv`: one row per input document, also for skipped and failed ones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct DocumentRow {
    pub doc_id: String,
    pub source: String,
    pub title: String,
    pub language: String,
    pub language_confidence: String,
    pub chars: usize,
    pub sentences: usize,
    pub quotes: usize,
    pub entities: usize,
    pub figures: usize,
    pub status: DocStatus,
    pub error: String,
    /// Rows in `attributions.csv` (stances, not speech).
    pub attributions: usize,
}

/// `entities.csv`: one row per named-entity mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct EntityRow {
    pub doc_id: String,
    pub entity_id: String,
    pub text: String,
    pub label: EntityLabel,
    pub canonical: String,
    pub start: usize,
    pub end: usize,
    pub score: String,
}

/// `quotes.csv`: one row per quotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct QuoteRow {
    pub doc_id: String,
    pub quote_id: String,
    pub speaker: String,
    pub speaker_type: SpeakerType,
    pub speaker_mention: String,
    pub speaker_start: Option<usize>,
    pub speaker_end: Option<usize>,
    pub cue: String,
    pub cue_start: Option<usize>,
    pub cue_end: Option<usize>,
    pub kind: QuoteKind,
    pub quote: String,
    pub start: usize,
    pub end: usize,
    pub confidence: String,
    /// The whole reported clause (the paraphrase around a mixed quote; else the quote itself),
    /// with its offsets: what PolNeAR-style gold calls the content.
    pub clause: String,
    pub clause_start: usize,
    pub clause_end: usize,
    /// What the cue reports: `speech`, `belief` or `stance` (filter on `speech` for who said
    /// what).
    pub cue_class: CueClass,
}

/// `speakers.csv`: one row per speaker across the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct SpeakerRow {
    pub speaker: String,
    pub speaker_type: SpeakerType,
    pub quotes: usize,
    pub documents: usize,
    pub doc_ids: String,
    pub mentions: String,
    pub descriptions: String,
}

/// `organizations.csv`: one row per organization across the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct OrganizationRow {
    pub organization: String,
    pub aliases: String,
    pub mentions: usize,
    pub documents: usize,
    pub doc_ids: String,
}

/// `figures.csv`: one row per numeric figure mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct FigureRow {
    pub doc_id: String,
    pub figure_id: String,
    pub text: String,
    pub value: String,
    pub unit: String,
    pub kind: FigureKind,
    pub qualifier: Qualifier,
    pub subject: String,
    pub start: usize,
    pub end: usize,
}

use crate::span::CharMap;
use std::path::{Path, PathBuf};

/// The table files, in the order they are written.
pub const TABLES: [&str; 7] =
    ["documents.csv", "entities.csv", "quotes.csv", "speakers.csv", "organizations.csv", "figures.csv", "attributions.csv"];

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}: {source}")]
    Csv { path: PathBuf, source: csv::Error },
}

/// Writes `rows` as `dir/name` through a temporary file renamed into place, so a reader never
/// sees half a table.
pub fn write_table<T: Serialize + Default>(dir: &Path, name: &str, rows: &[T]) -> Result<(), ExportError> {
    let path = dir.join(name);
    let tmp = dir.join(format!(".{name}.tmp"));
    let csv_err = |source| ExportError::Csv { path: path.clone(), source };
    let mut writer = csv::Writer::from_path(&tmp).map_err(csv_err)?;
    if rows.is_empty() {
        // The csv crate writes the header with the first row; an empty table still gets one.
        writer.write_record(&header_of::<T>()).map_err(csv_err)?;
    }
    for row in rows {
        writer.serialize(row).map_err(csv_err)?;
    }
    writer.flush().map_err(|e| ExportError::Io { path: tmp.clone(), source: e })?;
    drop(writer);
    std::fs::rename(&tmp, &path).map_err(|e| ExportError::Io { path, source: e })
}

/// Column names of a row struct, taken from serde by serialising a default row.
fn header_of<T: Serialize + Default>() -> csv::StringRecord {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.serialize(T::default()).expect("a default row serialises");
    let bytes = w.into_inner().expect("in-memory writer");
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    reader.headers().expect("header just written").clone()
}

/// A probability as a fixed three-decimal string (stable across platforms).
pub fn score(p: f32) -> String {
    format!("{:.3}", p)
}

/// An entity mention as a CSV row.
pub fn entity_row(doc_id: &str, n: usize, text: &str, map: &CharMap, e: &crate::doc::Entity) -> EntityRow {
    let (start, end) = map.chars(e.span);
    EntityRow {
        doc_id: doc_id.to_string(),
        entity_id: format!("e{n:03}"),
        text: e.span.text(text).to_string(),
        label: e.label,
        canonical: e.canonical.clone(),
        start,
        end,
        score: score(e.score),
    }
}

/// A quote as a CSV row with id `quote_id` (`q001` in `quotes.csv`, `a001` in
/// `attributions.csv`).
pub fn quote_row(doc_id: &str, quote_id: String, text: &str, map: &CharMap, q: &crate::quotes::Quote) -> QuoteRow {
    let (start, end) = map.chars(q.span);
    let opt = |s: Option<crate::span::Span>| s.map(|s| map.chars(s));
    let speaker = opt(q.speaker_mention);
    let cue = opt(q.cue);
    QuoteRow {
        doc_id: doc_id.to_string(),
        quote_id,
        speaker: q.speaker.clone(),
        speaker_type: q.speaker_type,
        speaker_mention: q.speaker_mention.map(|s| s.text(text).to_string()).unwrap_or_default(),
        speaker_start: speaker.map(|s| s.0),
        speaker_end: speaker.map(|s| s.1),
        cue: q.cue.map(|s| s.text(text).to_string()).unwrap_or_default(),
        cue_start: cue.map(|s| s.0),
        cue_end: cue.map(|s| s.1),
        kind: q.kind,
        quote: q.span.text(text).to_string(),
        start,
        end,
        confidence: score(q.confidence),
        clause: q.clause.text(text).to_string(),
        clause_start: map.chars(q.clause).0,
        clause_end: map.chars(q.clause).1,
        cue_class: q.reports,
    }
}

/// A figure as a CSV row with id `figure_id` (`f001`).
pub fn figure_row(doc_id: &str, figure_id: String, text: &str, map: &CharMap, f: &crate::figures::Figure) -> FigureRow {
    let (start, end) = map.chars(f.span);
    FigureRow {
        doc_id: doc_id.to_string(),
        figure_id,
        text: f.span.text(text).to_string(),
        value: f.value.clone(),
        unit: f.unit.clone(),
        kind: f.kind,
        qualifier: f.qualifier,
        subject: f.subject.clone(),
        start,
        end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_table_has_header_and_rows_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        write_table::<FigureRow>(dir.path(), "figures.csv", &[]).unwrap();
        let text = std::fs::read_to_string(dir.path().join("figures.csv")).unwrap();
        assert_eq!(text, "doc_id,figure_id,text,value,unit,kind,qualifier,subject,start,end\n");
        let row = EntityRow { doc_id: "a".into(), text: "Café, “Inc”".into(), ..Default::default() };
        write_table(dir.path(), "entities.csv", &[row.clone()]).unwrap();
        let mut reader = csv::Reader::from_path(dir.path().join("entities.csv")).unwrap();
        let back: Vec<EntityRow> = reader.deserialize().map(Result::unwrap).collect();
        assert_eq!(back, vec![row]);
        assert!(!dir.path().join(".entities.csv.tmp").exists());
    }

    #[test]
    fn figure_rows_have_code_point_offsets_and_typed_columns() {
        let text = "Café’s owners — “paid” €6 million";
        let figs = crate::figures::extract_text(text);
        assert_eq!(figs.len(), 1);
        let row = figure_row("d", "f001".into(), text, &CharMap::new(text), &figs[0]);
        assert_eq!(row.text, "€6 million");
        assert_eq!((row.kind, row.qualifier), (FigureKind::Money, Qualifier::Exact));
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[row.start..row.end].iter().collect::<String>(), "€6 million");
    }
}
