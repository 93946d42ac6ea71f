//! One table to one CSV file: UTF-8, RFC 4180 (the `csv` crate's defaults), a header row taken
//! from the row struct even when there are no rows, written to a temporary file and renamed
//! into place so a reader never sees half a table.

use serde::Serialize;
use std::path::{Path, PathBuf};

/// The table files, in the order they are written.
pub const TABLES: [&str; 7] = [
    "documents.csv",
    "entities.csv",
    "quotes.csv",
    "speakers.csv",
    "organizations.csv",
    "figures.csv",
    "attributions.csv",
];

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("writing {path}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("writing {path}")]
    Csv { path: PathBuf, source: csv::Error },
}

/// Writes `rows` as `dir/name` through a temporary file renamed into place.
pub fn write_table<T: Serialize + Default>(dir: &Path, name: &str, rows: &[T]) -> Result<(), ExportError> {
    let (tmp, path) = write_temporary(dir, name, rows)?;
    std::fs::rename(&tmp, &path).map_err(|e| ExportError::Io { path, source: e })
}

/// Writes `rows` as the temporary file of `dir/name`; returns it and the path it is to be
/// renamed to.
pub fn write_temporary<T: Serialize + Default>(
    dir: &Path,
    name: &str,
    rows: &[T],
) -> Result<(PathBuf, PathBuf), ExportError> {
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
    Ok((tmp, path))
}

/// Column names of a row struct, taken from serde by serialising a default row.
pub fn header_of<T: Serialize + Default>() -> csv::StringRecord {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.serialize(T::default()).expect("a default row serialises");
    let bytes = w.into_inner().expect("in-memory writer");
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    reader.headers().expect("header just written").clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{EntityRow, FigureRow};

    #[test]
    fn empty_table_has_header_and_rows_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        write_table::<FigureRow>(dir.path(), "figures.csv", &[]).unwrap();
        let text = std::fs::read_to_string(dir.path().join("figures.csv")).unwrap();
        assert_eq!(text, "doc_id,figure_id,text,value,unit,kind,qualifier,subject,start,end\n");
        let row = EntityRow { doc_id: "a".into(), text: "Café, “Inc”".into(), ..Default::default() };
        write_table(dir.path(), "entities.csv", std::slice::from_ref(&row)).unwrap();
        let mut reader = csv::Reader::from_path(dir.path().join("entities.csv")).unwrap();
        let back: Vec<EntityRow> = reader.deserialize().map(Result::unwrap).collect();
        assert_eq!(back, vec![row]);
        assert!(!dir.path().join(".entities.csv.tmp").exists());
    }

    #[test]
    fn a_write_error_names_the_file_once() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("no-such-folder");
        let e = write_table::<FigureRow>(&missing, "figures.csv", &[]).unwrap_err();
        let shown = format!("{:#}", anyhow::Error::new(e));
        assert_eq!(shown.matches("figures.csv").count(), 1, "{shown}");
        assert!(shown.starts_with("writing ") && shown.contains("No such file"), "{shown}");
    }
}
