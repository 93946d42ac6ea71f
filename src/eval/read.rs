//! Reading tables into typed rows: predictions through the export structs
//! ([`crate::export::QuoteRow`] and the rest, the one definition of the output contract), gold
//! through the small gold-row structs here.
//!
//! Why gold has its own structs: gold files may leave out columns they do not label and add an
//! `optional` column, so every gold column but the ones a scorer cannot do without
//! (`doc_id`, offsets, the organization's name, the entity label) has a default. Wrapping the
//! export structs with `#[serde(flatten)]` is not an option: the csv crate hands flattened
//! fields over as strings, so their numbers would not parse. The gold structs use the same
//! label enums as the export structs, so a value compares with a value, never a string.
//!
//! Columns are matched by header name, unknown ones are ignored (a newer table with extra
//! columns still reads), cells and headers are trimmed, and a UTF-8 byte order mark before the
//! first header (a spreadsheet's) is dropped by the csv crate.

use std::collections::BTreeSet;
use std::path::Path;

use csv::StringRecord;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

use super::EvalError;
use crate::labels::{EntityLabel, FigureKind, QuoteKind};

/// A table read into rows of `T`, with the names of the columns its header has.
pub(crate) struct Rows<T> {
    columns: BTreeSet<String>,
    pub rows: Vec<T>,
}

impl<T: DeserializeOwned> Rows<T> {
    /// Reads `path`; an unreadable cell fails with the row (as a spreadsheet numbers it, the
    /// header being row 1), the column and the cell.
    pub fn read(path: &Path) -> Result<Rows<T>, EvalError> {
        let csv_err = |source| EvalError::Csv { path: path.to_path_buf(), source };
        let file = std::fs::File::open(path).map_err(|e| EvalError::io(path, e))?;
        let mut reader = csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).from_reader(file);
        let headers = reader.headers().map_err(csv_err)?.clone();
        let mut rows = Vec::new();
        for (i, record) in reader.records().enumerate() {
            let record = record.map_err(csv_err)?;
            let row = record
                .deserialize(Some(&headers))
                .map_err(|e| EvalError::invalid(path, cell_error(&headers, &record, i + 2, &e)))?;
            rows.push(row);
        }
        Ok(Rows { columns: headers.iter().map(str::to_string).collect(), rows })
    }
}

impl<T> Rows<T> {
    /// Whether the header has the column (a gold file may leave one out).
    pub fn has(&self, column: &str) -> bool {
        self.columns.contains(column)
    }
}

/// `row 3: `start`: invalid digit found in string: "x"` when the csv crate knows the column,
/// else serde's message (`row 3: missing field `start``, `row 3: unknown variant `scare`, …`).
fn cell_error(headers: &StringRecord, record: &StringRecord, row: usize, e: &csv::Error) -> String {
    let csv::ErrorKind::Deserialize { err, .. } = e.kind() else {
        return format!("row {row}: {e}");
    };
    match err.field().map(|f| f as usize) {
        Some(f) => {
            format!("row {row}: `{}`: {}: {:?}", headers.get(f).unwrap_or("?"), err.kind(), record.get(f).unwrap_or(""))
        }
        None => format!("row {row}: {}", err.kind()),
    }
}

/// The gold `optional` column: `1`, `true` or `yes` mark a row that is neither missed nor a
/// false positive; anything else (or no column) means required.
fn optional_flag<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    let cell = String::deserialize(d)?;
    Ok(matches!(cell.as_str(), "1" | "true" | "yes"))
}

/// A gold entity label in the CSV spelling or the CoNLL one (`PERSON` or `PER`).
fn entity_label<'de, D: Deserializer<'de>>(d: D) -> Result<EntityLabel, D::Error> {
    let cell = String::deserialize(d)?;
    EntityLabel::parse(&cell).ok_or_else(|| serde::de::Error::custom(format!("unknown label {cell:?}")))
}

/// The `doc_id` of any table (gold `documents.csv`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub(crate) struct DocId {
    pub doc_id: String,
}

/// A row of gold `quotes.csv`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub(crate) struct GoldQuote {
    pub doc_id: String,
    #[serde(default)]
    pub speaker: String,
    /// Empty or absent: a quote whose kind gold does not label.
    #[serde(default)]
    pub kind: Option<QuoteKind>,
    #[serde(default)]
    pub quote: String,
    pub start: usize,
    pub end: usize,
    #[serde(default, deserialize_with = "optional_flag")]
    pub optional: bool,
}

/// A row of gold `organizations.csv`: one organization of one document.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub(crate) struct GoldOrganization {
    pub doc_id: String,
    pub organization: String,
    #[serde(default)]
    pub aliases: String,
    #[serde(default, deserialize_with = "optional_flag")]
    pub optional: bool,
}

/// A row of gold `figures.csv`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub(crate) struct GoldFigure {
    pub doc_id: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub value: String,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub kind: Option<FigureKind>,
    pub start: usize,
    pub end: usize,
    #[serde(default, deserialize_with = "optional_flag")]
    pub optional: bool,
}

/// A row of gold `entities.csv`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub(crate) struct GoldEntity {
    pub doc_id: String,
    #[serde(deserialize_with = "entity_label")]
    pub label: EntityLabel,
    pub start: usize,
    pub end: usize,
    #[serde(default, deserialize_with = "optional_flag")]
    pub optional: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::QuoteRow;
    use crate::labels::{CueClass, SpeakerType};

    fn table<T: DeserializeOwned>(body: &str) -> Result<Rows<T>, EvalError> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        std::fs::write(&path, body).unwrap();
        Rows::read(&path)
    }

    #[test]
    fn predictions_read_typed_and_ignore_unknown_columns() {
        // A column after the last one (a later contract) and a byte order mark.
        let t: Rows<QuoteRow> = table(
            "\u{feff}doc_id,quote_id,speaker,speaker_type,speaker_mention,speaker_start,speaker_end,cue,cue_start,cue_end,kind,quote,start,end,confidence,clause,clause_start,clause_end,cue_class,rule,later\n\
             d1,q001,Ortega,PERSON,Ortega,0,6,said,7,11,mixed,bad,20,23,0.9,it was bad,13,23,speech,direct.tag_after,colon\n\
             d1,q002, Critics ,GROUP,,,,,,,indirect,x,30,31,0.5,x,30,31,belief,indirect.that_clause,\n",
        )
        .unwrap();
        assert!(t.has("doc_id") && t.has("later") && !t.has("optional"));
        let (a, b) = (&t.rows[0], &t.rows[1]);
        assert_eq!((a.kind, a.speaker_type, a.cue_class), (QuoteKind::Mixed, SpeakerType::Person, CueClass::Speech));
        assert_eq!((a.cue_start, a.clause_start), (Some(7), 13));
        assert_eq!((b.speaker.as_str(), b.speaker_start, b.cue_start), ("Critics", None, None));
    }

    #[test]
    fn gold_columns_may_be_absent() {
        let t: Rows<GoldQuote> = table("doc_id,start,end\nd1,0,10\n").unwrap();
        assert!(!t.has("speaker"));
        let q = &t.rows[0];
        assert_eq!((q.kind, q.speaker.as_str(), q.optional), (None, "", false));
        let t: Rows<GoldEntity> = table("doc_id,label,start,end,optional\nd1,PER,0,3,yes\nd1,MISC,4,5,0\n").unwrap();
        assert_eq!(t.rows[0].label, EntityLabel::Person);
        assert!(t.rows[0].optional && !t.rows[1].optional);
        let t: Rows<GoldFigure> = table("doc_id,kind,start,end\nd1,,0,3\nd1,money,4,5\n").unwrap();
        assert_eq!((t.rows[0].kind, t.rows[1].kind), (None, Some(FigureKind::Money)));
    }

    #[test]
    fn bad_cells_name_the_row_column_and_value() {
        let err = table::<GoldQuote>("doc_id,kind,start,end\nd1,direct,0,1\nd1,scare,2,3\n").err().unwrap().to_string();
        // serde's own messages carry no column, but this one names the value.
        assert!(
            err.ends_with("t.csv: row 3: unknown variant `scare`, expected one of `direct`, `mixed`, `indirect`"),
            "{err}"
        );
        let err = table::<GoldEntity>("doc_id,label,start,end\nd1,PER,x,3\n").err().unwrap().to_string();
        assert!(err.ends_with("row 2: `start`: invalid digit found in string: \"x\""), "{err}");
        let err = table::<GoldEntity>("doc_id,start,end\nd1,0,3\n").err().unwrap().to_string();
        assert!(err.ends_with("row 2: missing field `label`"), "{err}");
    }
}
