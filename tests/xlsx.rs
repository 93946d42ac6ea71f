//! `newsmine xlsx FOLDER` (and `extract --xlsx`): the workbook read back with calamine has one
//! sheet per table with the CSV's header and row count, formula-like text kept as strings and
//! the count, offset and score columns as numbers; `--csv-safe` prefixes formula-like cells.

mod common;
use calamine::{open_workbook, Data, Reader, Xlsx};
use common::*;
use newsmine::export::TABLES;

/// The committed tables, with two entity rows whose text would be formulas in a spreadsheet.
fn tables() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for table in TABLES {
        std::fs::copy(root().join("output").join(table), dir.path().join(table)).unwrap();
    }
    let mut entities = std::fs::read_to_string(dir.path().join("entities.csv")).unwrap();
    entities.push_str("zzz_formula,e001,=1+1,PERSON,-Michelle Marks,0,3,0.500\n");
    entities.push_str("zzz_formula,e002,@Brooke,PERSON,+1 555,4,10,-0.25\n");
    std::fs::write(dir.path().join("entities.csv"), entities).unwrap();
    dir
}

fn csv_rows(path: &std::path::Path) -> (Vec<String>, usize) {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    (header, reader.records().count())
}

fn xlsx(args: &[&str]) {
    let out = assert_cmd::Command::cargo_bin("newsmine").unwrap().arg("xlsx").args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn the_workbook_holds_every_table_with_text_as_text_and_numbers_as_numbers() {
    let dir = tables();
    xlsx(&[dir.path().to_str().unwrap()]);
    let mut book: Xlsx<_> = open_workbook(dir.path().join("newsmine.xlsx")).unwrap();
    let names: Vec<String> = TABLES.iter().map(|t| t.trim_end_matches(".csv").to_string()).collect();
    assert_eq!(book.sheet_names(), names);
    for (table, name) in TABLES.iter().zip(&names) {
        let sheet = book.worksheet_range(name).unwrap();
        let (header, rows) = csv_rows(&dir.path().join(table));
        assert_eq!(sheet.height(), rows + 1, "{table}");
        let got: Vec<Data> = sheet.rows().next().unwrap().to_vec();
        assert_eq!(got, header.into_iter().map(Data::String).collect::<Vec<_>>(), "{table}");
        let formulas = book.worksheet_formula(name).unwrap();
        assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "{table} has formulas");
    }
    let entities = book.worksheet_range("entities").unwrap();
    let rows: Vec<&[Data]> = entities.rows().filter(|r| r[0] == Data::String("zzz_formula".into())).collect();
    let s = |v: &str| Data::String(v.into());
    assert_eq!(rows[0][..5], [s("zzz_formula"), s("e001"), s("=1+1"), s("PERSON"), s("-Michelle Marks")]);
    assert_eq!(rows[0][5..], [Data::Float(0.0), Data::Float(3.0), Data::Float(0.5)]);
    assert_eq!(rows[1][2..5], [s("@Brooke"), s("PERSON"), s("+1 555")]);
    assert_eq!(rows[1][7], Data::Float(-0.25));
    // A doc_id that looks like a number stays text; counts are numbers.
    let documents = book.worksheet_range("documents").unwrap();
    let first = documents.rows().nth(1).unwrap();
    assert_eq!(first[0], s("000_539f1dc83d85f2f8"));
    assert_eq!(first[5], Data::Float(7423.0));
}

#[test]
fn csv_safe_prefixes_formula_like_cells_after_the_workbook_is_written() {
    let dir = tables();
    xlsx(&[dir.path().to_str().unwrap(), "--csv-safe"]);
    let entities = read_table(dir.path(), "entities.csv");
    let formula: Vec<_> = entities.iter().filter(|r| r["doc_id"] == "zzz_formula").collect();
    assert_eq!((formula[0]["text"].as_str(), formula[0]["canonical"].as_str()), ("'=1+1", "'-Michelle Marks"));
    assert_eq!((formula[1]["text"].as_str(), formula[1]["score"].as_str()), ("'@Brooke", "-0.25"));
    // The workbook keeps the text as it was.
    let mut book: Xlsx<_> = open_workbook(dir.path().join("newsmine.xlsx")).unwrap();
    let sheet = book.worksheet_range("entities").unwrap();
    assert!(sheet.rows().any(|r| r[2] == Data::String("=1+1".into())));
    // The other cells are untouched: the documents table is the committed one.
    let documents = std::fs::read_to_string(dir.path().join("documents.csv")).unwrap();
    assert_eq!(documents, std::fs::read_to_string(root().join("output/documents.csv")).unwrap());
}
