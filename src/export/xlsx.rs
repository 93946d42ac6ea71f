//! For spreadsheet programs, after a run has written its tables: [`write_workbook`] puts the
//! seven tables of [`TABLES`] into one Excel workbook (`newsmine.xlsx`), and [`csv_safe`]
//! rewrites the CSV files so that no cell reads as a formula (`--csv-safe`).
//!
//! Both read the finished CSV files rather than the rows, so the [`Sink`](super::Sink) stays
//! the one writer of the tables and a folder written by an earlier run can be converted too.
//!
//! In the workbook every text cell is written as a string, never as a formula (a quote that
//! reads `=1+1` stays `=1+1`); the columns that hold counts, offsets and scores are written as
//! numbers when the cell parses as one. Each sheet's header row is bold, frozen and
//! autofiltered.

use super::writer::{ExportError, TABLES};
use rust_xlsxwriter::{Format, Workbook};
use std::path::{Path, PathBuf};

/// The workbook's file name in the output folder.
pub const WORKBOOK: &str = "newsmine.xlsx";

/// The most characters a cell holds in Excel; longer text is cut there (with `…` last).
pub const MAX_CELL_CHARS: usize = 32_767;

/// The columns of each table written as numbers (when the cell parses as one); every other
/// column is text, even where it looks like a number (`doc_id` `001`).
fn numeric_columns(table: &str) -> &'static [&'static str] {
    const QUOTES: &[&str] = &[
        "speaker_start",
        "speaker_end",
        "cue_start",
        "cue_end",
        "start",
        "end",
        "confidence",
        "clause_start",
        "clause_end",
    ];
    match table {
        "documents.csv" => {
            &["language_confidence", "chars", "sentences", "quotes", "entities", "figures", "attributions"]
        }
        "entities.csv" => &["start", "end", "score"],
        "quotes.csv" | "attributions.csv" => QUOTES,
        "speakers.csv" => &["quotes", "documents"],
        "organizations.csv" => &["mentions", "documents"],
        "figures.csv" => &["value", "start", "end"],
        _ => &[],
    }
}

#[derive(Debug, thiserror::Error)]
pub enum XlsxError {
    #[error("reading {path}")]
    Read { path: PathBuf, source: csv::Error },
    #[error("{path}: more rows than a sheet holds ({max})", max = MAX_ROWS)]
    TooManyRows { path: PathBuf },
    #[error("writing {path}")]
    Write { path: PathBuf, source: rust_xlsxwriter::XlsxError },
    #[error("writing {path}")]
    Io { path: PathBuf, source: std::io::Error },
}

/// Rows in a sheet, the header included (Excel's limit).
const MAX_ROWS: usize = 1_048_576;

/// Writes `dir/newsmine.xlsx` from the seven tables in `dir`, one sheet per table named after
/// it (`documents`, `entities`, …), in the order of [`TABLES`]; returns the workbook's path.
/// The workbook is written beside and renamed into place, like the tables.
pub fn write_workbook(dir: &Path) -> Result<PathBuf, XlsxError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    for table in TABLES {
        let path = dir.join(table);
        let read_err = |source| XlsxError::Read { path: path.clone(), source };
        let mut reader = csv::Reader::from_path(&path).map_err(read_err)?;
        let header = reader.headers().map_err(read_err)?.clone();
        let numeric: Vec<bool> = header.iter().map(|h| numeric_columns(table).contains(&h)).collect();
        let write_err = |source| XlsxError::Write { path: path.clone(), source };
        let sheet = workbook.add_worksheet();
        sheet.set_name(table.trim_end_matches(".csv")).map_err(write_err)?;
        for (col, name) in header.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, name, &bold).map_err(write_err)?;
        }
        let mut rows = 0u32;
        for record in reader.records() {
            let record = record.map_err(read_err)?;
            if rows as usize + 1 >= MAX_ROWS {
                return Err(XlsxError::TooManyRows { path });
            }
            rows += 1;
            for (col, cell) in record.iter().enumerate() {
                match cell.parse::<f64>() {
                    _ if cell.is_empty() => continue,
                    Ok(n) if numeric.get(col) == Some(&true) && n.is_finite() => {
                        sheet.write_number(rows, col as u16, n).map_err(write_err)?
                    }
                    _ => sheet.write_string(rows, col as u16, fit_cell(cell)).map_err(write_err)?,
                };
            }
        }
        let last_col = header.len().saturating_sub(1) as u16;
        sheet.set_freeze_panes(1, 0).map_err(write_err)?;
        sheet.autofilter(0, 0, rows, last_col).map_err(write_err)?;
    }
    let (path, tmp) = (dir.join(WORKBOOK), dir.join(format!(".{WORKBOOK}.tmp")));
    workbook.save(&tmp).map_err(|source| XlsxError::Write { path: path.clone(), source })?;
    std::fs::rename(&tmp, &path).map_err(|source| XlsxError::Io { path: path.clone(), source })?;
    Ok(path)
}

/// `cell`, cut to [`MAX_CELL_CHARS`] characters (the last one `…`) when longer.
fn fit_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.char_indices().nth(MAX_CELL_CHARS) {
        None => cell.into(),
        Some(_) => {
            let (cut, _) = cell.char_indices().nth(MAX_CELL_CHARS - 1).expect("longer than the limit");
            format!("{}…", &cell[..cut]).into()
        }
    }
}

/// Whether a spreadsheet program could read `cell` as a formula: it starts with `=`, `+`, `-`
/// or `@` (OWASP's CSV injection list) and is not a plain number (`-3` stays a number).
pub fn formula_like(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@']) && cell.parse::<f64>().is_err()
}

/// Rewrites the seven tables in `dir` with `'` before every [`formula_like`] cell, so that a
/// spreadsheet program opening the CSV shows the text instead of evaluating it. Each file is
/// rewritten through a temporary file renamed into place. Not for tables read back by `eval`:
/// the prefix is part of the cell from then on.
pub fn csv_safe(dir: &Path) -> Result<(), ExportError> {
    let mut renames = Vec::new();
    for table in TABLES {
        let path = dir.join(table);
        let tmp = dir.join(format!(".{table}.tmp"));
        let csv_err = |source| ExportError::Csv { path: path.clone(), source };
        let mut reader = csv::ReaderBuilder::new().has_headers(false).from_path(&path).map_err(csv_err)?;
        let mut writer = csv::Writer::from_path(&tmp).map_err(csv_err)?;
        for record in reader.records() {
            let record = record.map_err(csv_err)?;
            let safe = record.iter().map(|c| if formula_like(c) { format!("'{c}") } else { c.to_string() });
            writer.write_record(safe.collect::<Vec<String>>()).map_err(csv_err)?;
        }
        writer.flush().map_err(|source| ExportError::Io { path: tmp.clone(), source })?;
        drop(writer);
        renames.push((tmp, path));
    }
    // The rewritten tables replace the set as a whole, with a new manifest.
    super::manifest::begin(dir)?;
    for (tmp, path) in renames {
        std::fs::rename(&tmp, &path).map_err(|source| ExportError::Io { path: path.clone(), source })?;
    }
    super::manifest::commit(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_cells_are_the_owasp_ones_except_numbers() {
        for cell in ["=1+1", "+1 555", "-Michelle Marks", "@Brooke", "-", "=HYPERLINK(\"x\")"] {
            assert!(formula_like(cell), "{cell}");
        }
        for cell in ["", "-3", "+2.5", "1e3", "Marks", "a=b", " =1"] {
            assert!(!formula_like(cell), "{cell}");
        }
    }

    #[test]
    fn long_cells_are_cut_at_the_excel_limit_on_a_character() {
        assert_eq!(fit_cell("abc"), "abc");
        let exact = "é".repeat(MAX_CELL_CHARS);
        assert_eq!(fit_cell(&exact), exact.as_str());
        let cut = fit_cell(&"é".repeat(MAX_CELL_CHARS + 5)).into_owned();
        assert_eq!(cut.chars().count(), MAX_CELL_CHARS);
        assert!(cut.ends_with("é…"));
    }

    #[test]
    fn csv_safe_prefixes_formula_like_cells_only() {
        let dir = tempfile::tempdir().unwrap();
        for table in TABLES {
            std::fs::write(dir.path().join(table), "doc_id,text,value\na,=1+1,-3\nb,\"@Brooke, said\",x\n").unwrap();
        }
        csv_safe(dir.path()).unwrap();
        let text = std::fs::read_to_string(dir.path().join("quotes.csv")).unwrap();
        assert_eq!(text, "doc_id,text,value\na,'=1+1,-3\nb,\"'@Brooke, said\",x\n");
        assert!(!dir.path().join(".quotes.csv.tmp").exists());
    }

    #[test]
    fn a_missing_table_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_workbook(dir.path()).unwrap_err();
        assert!(err.to_string().starts_with("reading ") && err.to_string().ends_with("documents.csv"), "{err}");
        assert!(!dir.path().join(WORKBOOK).exists());
    }
}
